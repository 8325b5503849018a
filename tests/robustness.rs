//! Hostile input never crashes privlint: binary, huge, minified, non-UTF-8 and deeply nested
//! files, symlink loops, unreadable files, malformed manifests, and a panic inside one file's
//! extraction. The run goes on, counts what it skipped, and keeps every other finding.

mod common;
use common::privlint_in;
use std::path::Path;

fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "privacy.toml", b"version = 1\n");
    write(
        dir.path(),
        "src/ok.ts",
        b"import posthog from 'posthog-js'\n",
    );
    dir
}

fn json(dir: &Path, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    let out = privlint_in(dir, &args);
    assert!(
        out.code == 0 || out.code == 1,
        "exit {}: {}",
        out.code,
        out.stderr
    );
    serde_json::from_str(&out.stdout).expect("valid JSON even on hostile input")
}

fn rules_at(v: &serde_json::Value, path: &str) -> Vec<String> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["path"] == path)
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn binary_huge_and_minified_files_are_skipped_and_counted() {
    let dir = project();
    let d = dir.path();
    let mut bin = b"import Stripe from 'stripe'\n".to_vec();
    bin.extend_from_slice(&[0u8, 159, 146, 150, 0, 1, 2]);
    write(d, "src/blob.js", &bin);
    // A 3 MB one-line bundle and a 600 KB minified file under the size limit.
    let line = "var a=require('stripe');".repeat(3 * 1024 * 1024 / 24);
    write(d, "public/bundle.js", line.as_bytes());
    write(
        d,
        "src/vendor-lib.js",
        "var b=require('@sentry/browser');"
            .repeat(20_000)
            .as_bytes(),
    );
    let v = json(d, &[]);
    assert_eq!(rules_at(&v, "src/ok.ts"), ["undeclared-processor"]);
    for p in ["src/blob.js", "public/bundle.js", "src/vendor-lib.js"] {
        assert!(rules_at(&v, p).is_empty(), "{p} must be skipped");
    }
    assert!(
        v["summary"]["files_skipped"].as_u64().unwrap() >= 3,
        "{}",
        v["summary"]
    );
}

#[test]
fn latin1_sources_are_still_scanned() {
    let dir = project();
    let mut src = b"// Facturaci\xf3n: cliente \xe9l\xe8ve\n".to_vec();
    src.extend_from_slice(
        b"import Stripe from 'stripe'\nconst s = new Stripe(process.env.STRIPE_SECRET_KEY)\n",
    );
    write(dir.path(), "src/billing.ts", &src);
    let v = json(dir.path(), &[]);
    assert_eq!(rules_at(&v, "src/billing.ts"), ["undeclared-processor"]);
    assert_eq!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["path"] == "src/billing.ts")
            .unwrap()["line"],
        2
    );
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let dir = project();
    let d = dir.path();
    // 10k levels: too long a line to be anything but generated, skipped like a bundle.
    let huge = format!("{}1{}", "[".repeat(10_000), "]".repeat(10_000));
    write(
        d,
        "src/huge.ts",
        format!("export const x = {huge}\n").as_bytes(),
    );
    write(
        d,
        "src/huge.rs",
        format!("fn f() {{ let _ = {huge}; }}\n").as_bytes(),
    );
    // 1,000 levels: past what the recursive parsers are given, still read.
    let depth = 1_000;
    let nested = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
    write(
        d,
        "src/deep.ts",
        format!("import Stripe from 'stripe'\nexport const x = {nested}\n").as_bytes(),
    );
    write(
        d,
        "src/deep.rs",
        format!("fn f() {{ let _ = {nested}; let _ = std::env::var(\"STRIPE_SECRET_KEY\"); }}\n")
            .as_bytes(),
    );
    write(
        d,
        "src/deep.py",
        format!("import stripe\nx = {nested}\n").as_bytes(),
    );
    write(
        d,
        "package.json",
        format!("{{\"dependencies\": {{\"stripe\": \"1\"}}, \"x\": {nested}}}").as_bytes(),
    );
    let yaml: String = (0..10_000)
        .map(|i| format!("{}k:\n", " ".repeat(i % 200)))
        .collect();
    write(d, "config/deep.yml", yaml.as_bytes());
    let v = json(d, &[]);
    // The nested files are still read (by the fallback lexer where a parser would recurse).
    assert_eq!(rules_at(&v, "src/deep.ts"), ["undeclared-processor"]);
    assert_eq!(rules_at(&v, "src/deep.rs"), ["undeclared-processor"]);
    assert_eq!(rules_at(&v, "src/deep.py"), ["undeclared-processor"]);
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_unreadable_files_are_survived() {
    let dir = project();
    let d = dir.path();
    std::os::unix::fs::symlink(d, d.join("src/loop")).unwrap();
    std::os::unix::fs::symlink(d.join("nowhere"), d.join("src/dangling.ts")).unwrap();
    write(
        d,
        "src/secret.ts",
        b"import * as Sentry from '@sentry/node'\n",
    );
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(
        d.join("src/secret.ts"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    let readable = std::fs::read(d.join("src/secret.ts")).is_ok(); // root reads anyway
    let v = json(d, &[]);
    assert_eq!(rules_at(&v, "src/ok.ts"), ["undeclared-processor"]);
    if !readable {
        let issues = v["summary"]["file_issues"].as_array().unwrap();
        assert!(
            issues.iter().any(|i| i["path"] == "src/secret.ts"),
            "{issues:?}"
        );
    }
    std::fs::set_permissions(
        d.join("src/secret.ts"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
}

#[test]
fn malformed_manifests_and_syntax_errors_are_reported_not_fatal() {
    let dir = project();
    let d = dir.path();
    write(d, "package.json", b"{\"dependencies\": {\"stripe\": ");
    write(d, "pyproject.toml", b"[project\ndependencies = [");
    write(
        d,
        "src/broken.ts",
        b"import Stripe from 'stripe'\nexport function (((( {\n",
    );
    write(d, "app/broken.py", b"import sentry_sdk\ndef f(:\n  pass\n");
    write(d, "src/broken.rs", b"use stripe::Client;\nfn main( {\n");
    let v = json(d, &[]);
    assert_eq!(rules_at(&v, "src/ok.ts"), ["undeclared-processor"]);
    assert_eq!(rules_at(&v, "src/broken.ts"), ["undeclared-processor"]);
    assert_eq!(rules_at(&v, "app/broken.py"), ["undeclared-processor"]);
    assert_eq!(rules_at(&v, "src/broken.rs"), ["undeclared-processor"]);
    let issues: Vec<&str> = v["summary"]["file_issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["path"].as_str().unwrap())
        .collect();
    for p in ["package.json", "pyproject.toml"] {
        assert!(issues.contains(&p), "{p} not in {issues:?}");
    }
}

#[test]
fn a_panic_in_one_file_is_an_internal_error_for_that_file_only() {
    let dir = project();
    let d = dir.path();
    write(
        d,
        "src/boom.ts",
        b"import * as Sentry from '@sentry/node'\n",
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_privlint"))
        .args(["check", "--format", "json"])
        .current_dir(d)
        .env("PRIVLINT_TEST_PANIC", "src/boom.ts")
        .env_remove("RUST_BACKTRACE")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    // One line naming the file, not the default panic message and backtrace.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("privlint: internal error while reading `src/boom.ts` at src/lib.rs:"),
        "{stderr}"
    );
    assert!(!stderr.contains("stack backtrace"), "{stderr}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rules_at(&v, "src/ok.ts"), ["undeclared-processor"]);
    let issues = v["summary"]["file_issues"].as_array().unwrap();
    assert!(
        issues.iter().any(|i| i["path"] == "src/boom.ts"
            && i["reason"].as_str().unwrap().starts_with("internal error")),
        "{issues:?}"
    );
}

/// Found on a real monorepo: a bare `set(...)` call (a state setter) made the cookie-setter test
/// slice before the start of the callee name.
#[test]
fn receiverless_calls_named_like_cookie_setters_are_no_cookies_and_no_crash() {
    let dir = project();
    let d = dir.path();
    write(
        d,
        "src/store.ts",
        b"import { create } from 'zustand'\nexport const useStore = create((set) => ({\n  theme: 'dark',\n  toggle: () => set((s) => ({ theme: s.theme })),\n}))\n",
    );
    // An env-like string right after multi-byte text: the look-back must not split a character.
    write(
        d,
        "src/i18n.ts",
        "export const t = { title: 'Übersicht über die Einstellungen – Überblickxx', key: 'NEXT_PUBLIC_URL' }\n".as_bytes(),
    );
    let out = privlint_in(d, &["check", "--format", "json"]);
    assert!(!out.stderr.contains("internal error"), "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["summary"]["file_issues"], serde_json::json!([]));
    assert_eq!(rules_at(&v, "src/store.ts"), Vec::<String>::new());
    assert_eq!(rules_at(&v, "src/i18n.ts"), Vec::<String>::new());
}
