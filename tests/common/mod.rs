//! Shared helpers for the integration tests: run the built binary, normalise timings.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Run privlint with `args` from the crate root.
pub fn privlint(args: &[&str]) -> Out {
    privlint_in(&root(), args)
}

pub fn privlint_in(dir: &Path, args: &[&str]) -> Out {
    let out = Command::new(env!("CARGO_BIN_EXE_privlint"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("run privlint");
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Replace run-dependent figures (durations) so snapshots are stable.
pub fn normalize(s: &str) -> String {
    let re = regex::Regex::new(r#"("duration_ms": )\d+|\(\d+ ms\)"#).unwrap();
    re.replace_all(s, |c: &regex::Captures| {
        if c.get(1).is_some() {
            format!("{}0", &c[1])
        } else {
            "(N ms)".to_string()
        }
    })
    .into_owned()
}
