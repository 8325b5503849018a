//! The baseline (`.privlint-baseline.json`): today's findings, recorded so that only new ones
//! fail. Entries are keyed by fingerprint (rule + subject + path + normalised snippet), which
//! survives lines moving. Entries that no longer match are reported as `unused-suppression`.
//! Also: the list of files staged in git, for `--staged`.

use crate::fact::{Finding, Location};
use crate::policy::Policy;
use serde::{Deserialize, Serialize};
use std::path::Path;

pub const FILE: &str = ".privlint-baseline.json";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    pub rule: String,
    pub path: String,
    pub fingerprint: String,
    #[serde(default)]
    pub message: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

impl Baseline {
    pub fn from_findings(findings: &[Finding]) -> Baseline {
        let mut findings: Vec<Entry> = findings
            .iter()
            .filter(|f| f.rule != "unused-suppression" && f.rule != "invalid-suppression")
            .map(|f| Entry {
                rule: f.rule.to_string(),
                path: f.path.clone(),
                fingerprint: f.fingerprint.clone(),
                message: f.message.clone(),
            })
            .collect();
        findings.sort_by(|a, b| {
            (&a.path, &a.rule, &a.fingerprint).cmp(&(&b.path, &b.rule, &b.fingerprint))
        });
        findings.dedup_by(|a, b| a.fingerprint == b.fingerprint);
        Baseline {
            version: 1,
            findings,
        }
    }

    pub fn read(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read baseline `{}`: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| {
            format!(
                "invalid baseline `{}`: {e} (line {}, column {})",
                path.display(),
                e.line(),
                e.column()
            )
        })
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// Drop baselined findings; report entries that matched nothing (stale). With `only`, the
    /// scan read only those files: entries for other files are not known to be stale.
    pub fn apply(
        &self,
        findings: Vec<Finding>,
        file: &Path,
        root: &Path,
        only: Option<&[String]>,
        policy: Option<&Policy>,
    ) -> Vec<Finding> {
        let mut hit = vec![false; self.findings.len()];
        let mut out: Vec<Finding> = findings
            .into_iter()
            .filter(|f| {
                match self
                    .findings
                    .iter()
                    .position(|e| e.fingerprint == f.fingerprint)
                {
                    Some(k) => {
                        hit[k] = true;
                        false
                    }
                    None => true,
                }
            })
            .collect();
        let check = &crate::suppress::UNUSED_SUPPRESSION;
        let sev = policy
            .map(|p| p.severity(check.id, check.default))
            .unwrap_or(check.default);
        if sev == crate::fact::Severity::Off {
            return out;
        }
        let shown_path = crate::walk::display_path(file, root);
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for (k, e) in self.findings.iter().enumerate() {
            if hit[k] || only.is_some_and(|o| !o.contains(&e.path)) {
                continue;
            }
            let line = text
                .lines()
                .position(|l| l.contains(&e.fingerprint))
                .map(|l| l + 1)
                .unwrap_or(1);
            let loc = Location {
                path: shown_path.clone(),
                line,
                column: 1,
                end_line: line,
                end_column: 1,
            };
            let mut f = Finding::new(
                check.id,
                sev,
                &loc,
                format!(
                    "baseline entry for {} in `{}` matches no finding any more",
                    e.rule, e.path
                ),
            );
            f.subject = e.fingerprint.clone();
            f.label = "stale baseline entry".into();
            f.help = Some("run `privlint baseline` to refresh the baseline".into());
            f.evidence = e.message.clone();
            f.compute_fingerprint();
            out.push(f);
        }
        out
    }
}

/// The index's content of a staged file (`top_rel`: relative to the repository's top).
pub fn staged_content(root: &Path, top_rel: &str) -> Option<Vec<u8>> {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(root)
        .arg("show")
        .arg(format!(":{top_rel}"))
        .output()
        .ok()?;
    out.status.success().then_some(out.stdout)
}

/// Files staged in git (added, copied, modified, renamed): (relative to `root`, relative to the
/// repository's top).
pub fn staged_files(root: &Path) -> Result<Vec<(String, String)>, String> {
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .output()
            .map_err(|e| format!("--staged needs git: {e}"))
    };
    let top = git(&["rev-parse", "--show-toplevel"])?;
    if !top.status.success() {
        return Err(format!(
            "--staged: `{}` is not inside a git repository",
            root.display()
        ));
    }
    let top = std::path::PathBuf::from(String::from_utf8_lossy(&top.stdout).trim());
    let out = git(&[
        "diff",
        "--cached",
        "--name-only",
        "--diff-filter=ACMR",
        "-z",
    ])?;
    if !out.status.success() {
        return Err(format!(
            "--staged: git diff failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let root_abs = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let top = std::fs::canonicalize(&top).unwrap_or(top);
    Ok(out
        .stdout
        .split(|&b| b == 0)
        .filter(|s| !s.is_empty())
        .filter_map(|s| {
            let top_rel = String::from_utf8_lossy(s).into_owned();
            let p = top.join(&top_rel);
            p.strip_prefix(&root_abs)
                .ok()
                .map(|r| (r.to_string_lossy().replace('\\', "/"), top_rel))
        })
        .collect())
}
