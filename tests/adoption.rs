//! Adoption on a real repository: `--staged`, explicit files, baselines, inline suppressions,
//! severities, SARIF validity, `init`, and never writing into the scanned tree.

mod common;
use common::{privlint_in, root};
use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args([
            "-c",
            "user.email=t@example.com",
            "-c",
            "user.name=t",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

const POLICY: &str =
    "version = 1\nname = \"Test\"\n\n[processors.stripe]\npurpose = \"payments\"\n";

fn findings(dir: &Path, args: &[&str]) -> (i32, Vec<(String, String, u64)>) {
    let mut a = vec!["check", "--format", "json"];
    a.extend_from_slice(args);
    let out = privlint_in(dir, &a);
    assert!(
        out.code == 0 || out.code == 1,
        "exit {}: {}",
        out.code,
        out.stderr
    );
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["path"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    (out.code, f)
}

fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "privacy.toml", POLICY);
    write(dir.path(), "src/billing.ts", "import Stripe from 'stripe'\nexport const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!)\n");
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-qm", "init"]);
    dir
}

#[test]
fn staged_reports_only_staged_files_and_reads_their_staged_content() {
    let dir = repo();
    let d = dir.path();
    write(
        d,
        "src/analytics.ts",
        "import posthog from 'posthog-js'\nposthog.init('phc_x')\n",
    );
    write(
        d,
        "src/errors.ts",
        "import * as Sentry from '@sentry/node'\nSentry.init({})\n",
    );
    git(d, &["add", "src/analytics.ts"]);
    let (code, f) = findings(d, &["--staged"]);
    assert_eq!(code, 1);
    assert_eq!(
        f,
        vec![("undeclared-processor".into(), "src/analytics.ts".into(), 1)]
    );

    // The commit will hold what is staged, not the working tree: editing the file after `git add`
    // does not hide the staged import.
    write(d, "src/analytics.ts", "export const nothing = 1\n");
    let (_, f) = findings(d, &["--staged"]);
    assert_eq!(
        f,
        vec![("undeclared-processor".into(), "src/analytics.ts".into(), 1)]
    );

    // Nothing staged: nothing to report, exit 0.
    git(d, &["reset", "-q"]);
    let (code, f) = findings(d, &["--staged"]);
    assert_eq!((code, f.len()), (0, 0));
}

#[test]
fn explicit_files_restrict_the_report() {
    let dir = repo();
    let d = dir.path();
    write(d, "src/analytics.ts", "import posthog from 'posthog-js'\n");
    write(
        d,
        "src/errors.ts",
        "import * as Sentry from '@sentry/node'\n",
    );
    let (_, f) = findings(d, &["src/errors.ts"]);
    assert_eq!(
        f,
        vec![("undeclared-processor".into(), "src/errors.ts".into(), 1)]
    );
}

#[test]
fn baseline_survives_line_moves_and_reports_stale_entries() {
    let dir = repo();
    let d = dir.path();
    write(d, "src/analytics.ts", "import posthog from 'posthog-js'\n");
    assert_eq!(findings(d, &[]).0, 1);
    let out = privlint_in(d, &["baseline"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(d.join(".privlint-baseline.json").is_file());
    assert_eq!(findings(d, &[]), (0, vec![]));

    // Lines move: the fingerprint does not depend on the line.
    write(
        d,
        "src/analytics.ts",
        "// analytics\n\n\nimport posthog from 'posthog-js'\n",
    );
    assert_eq!(findings(d, &[]), (0, vec![]));

    // A new finding fails; --no-baseline shows everything.
    write(
        d,
        "src/errors.ts",
        "import * as Sentry from '@sentry/node'\n",
    );
    let (code, f) = findings(d, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        f,
        vec![("undeclared-processor".into(), "src/errors.ts".into(), 1)]
    );
    assert_eq!(findings(d, &["--no-baseline"]).1.len(), 2);

    // The baselined finding is fixed: its entry is stale.
    std::fs::remove_file(d.join("src/analytics.ts")).unwrap();
    std::fs::remove_file(d.join("src/errors.ts")).unwrap();
    let (code, f) = findings(d, &[]);
    assert_eq!(code, 0);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].0, "unused-suppression");
    assert_eq!(f[0].1, ".privlint-baseline.json");
}

#[test]
fn inline_suppressions_in_every_comment_syntax() {
    let dir = repo();
    let d = dir.path();
    write(d, "src/a.ts", "// privlint: allow(undeclared-processor) consent-gated; in the DPA\nimport posthog from 'posthog-js'\n");
    write(d, "src/b.ts", "import mixpanel from 'mixpanel-browser' /* privlint: allow(undeclared-processor) legacy, removed in Q3 */\n");
    write(
        d,
        "app/c.py",
        "# privlint: allow(undeclared-processor) ops alerts only\nimport sentry_sdk\n",
    );
    write(d, "templates/d.html", "<!-- privlint: allow(tracking-script, undeclared-processor) consent banner gates it -->\n<script src=\"https://www.googletagmanager.com/gtag/js?id=G-1\"></script>\n");
    write(d, "templates/e.jinja", "{# privlint: allow(undeclared-processor) support widget #}\n<script src=\"https://widget.intercom.io/widget/abc\"></script>\n");
    write(d, "db/f.sql", "-- privlint: allow(undeclared-category) required for payouts\nCREATE TABLE payouts (id bigint, iban text);\n");
    let (code, f) = findings(d, &[]);
    assert_eq!((code, f.clone()), (0, vec![]), "{f:?}");

    // No reason: invalid, and it suppresses nothing. An allow that matches nothing is reported.
    write(
        d,
        "src/a.ts",
        "// privlint: allow(undeclared-processor)\nimport posthog from 'posthog-js'\n",
    );
    write(
        d,
        "src/g.ts",
        "// privlint: allow(undeclared-processer) typo in the id\nexport const x = 1\n",
    );
    write(
        d,
        "src/h.ts",
        "// privlint: allow(pii-in-logs) nothing is logged here\nexport const y = 2\n",
    );
    let (_, f) = findings(d, &[]);
    let want: Vec<(String, String, u64)> = vec![
        ("invalid-suppression".into(), "src/a.ts".into(), 1),
        ("undeclared-processor".into(), "src/a.ts".into(), 2),
        ("invalid-suppression".into(), "src/g.ts".into(), 1),
        ("unused-suppression".into(), "src/h.ts".into(), 1),
    ];
    assert_eq!(f, want);
    let out = privlint_in(d, &["check", "--color", "never"]);
    assert!(
        out.stdout.contains("did you mean `undeclared-processor`?"),
        "{}",
        out.stdout
    );
}

#[test]
fn severities_from_rules_and_the_summary_line() {
    let dir = repo();
    let d = dir.path();
    write(d, "src/a.ts", "import posthog from 'posthog-js'\n");
    let out = privlint_in(d, &["check", "--color", "never"]);
    assert_eq!(out.code, 1);
    let last = out.stdout.lines().rev().find(|l| !l.is_empty()).unwrap();
    assert!(
        regex::Regex::new(r"^Found 1 error, 0 warnings in 2 files \(\d+ ms\)$")
            .unwrap()
            .is_match(last),
        "{last}"
    );

    write(
        d,
        "privacy.toml",
        &format!("{POLICY}\n[rules]\nundeclared-processor = \"warning\"\n"),
    );
    let out = privlint_in(d, &["check", "-q"]);
    assert_eq!(out.code, 0);
    assert!(
        out.stdout
            .starts_with("Found 0 errors, 1 warning in 2 files"),
        "{}",
        out.stdout
    );

    write(
        d,
        "privacy.toml",
        &format!("{POLICY}\n[rules]\nundeclared-processor = \"off\"\n"),
    );
    assert_eq!(findings(d, &[]), (0, vec![]));
}

#[test]
fn sarif_validates_against_the_sarif_2_1_0_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/schemas/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    for fixture in [
        "milestones-lab",
        "mylestone",
        "mentoring-platform",
        "consistent-saas",
    ] {
        let out = common::privlint(&["check", &format!("fixtures/{fixture}"), "--format", "sarif"]);
        let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{fixture}: {}", errors.join("\n"));
    }
}

/// Hash every file's path and content under `dir`.
fn tree_digest(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().display().to_string(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn a_scan_writes_nothing_into_the_scanned_tree() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("mylestone");
    let src = root().join("fixtures/mylestone");
    for e in walkdir::WalkDir::new(&src).into_iter().flatten() {
        let rel = e.path().strip_prefix(&src).unwrap();
        let to = copy.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
    let before = tree_digest(&copy);
    for args in [
        vec!["check"],
        vec!["check", "--format", "sarif"],
        vec!["inventory", "--format", "markdown"],
    ] {
        let out = privlint_in(&copy, &args);
        assert!(out.code == 0 || out.code == 1, "{args:?}: {}", out.stderr);
    }
    assert_eq!(before, tree_digest(&copy), "the scan changed the tree");
}

#[test]
fn init_drafts_a_valid_policy_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "package.json",
        r#"{"dependencies": {"stripe": "^14", "resend": "^3"}}"#,
    );
    write(
        d,
        "src/mail.ts",
        "import { Resend } from 'resend'\nconst r = new Resend(process.env.RESEND_API_KEY)\n",
    );
    write(
        d,
        "db/schema.sql",
        "CREATE TABLE users (id bigint, email text, display_name text);\n",
    );
    // A flow of a category no schema holds and Stripe's catalog entry does not list.
    write(
        d,
        "src/billing.ts",
        "import Stripe from 'stripe'\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY!)\nexport async function createCustomer(user: { email: string; dateOfBirth: string }) {\n  return stripe.customers.create({ email: user.email, metadata: { dateOfBirth: user.dateOfBirth } })\n}\n",
    );
    let seed = root().join("../shared/seeds/milestones-lab-privacy-policy.txt");
    let mut args = vec!["init".to_string()];
    if seed.is_file() {
        args.push("--from-document".into());
        args.push(seed.display().to_string());
    }
    let a: Vec<&str> = args.iter().map(|s| s.as_str()).collect();
    let out = privlint_in(d, &a);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let drafted = std::fs::read_to_string(d.join("privacy.toml")).unwrap();
    assert!(
        drafted.contains("[processors.stripe]") && drafted.contains("[processors.resend]"),
        "{drafted}"
    );
    assert!(drafted.contains("\"user.contact.email\""), "{drafted}");
    if seed.is_file() {
        // Named in the published text though not in the code.
        assert!(drafted.contains("[processors.mapbox]"), "{drafted}");
        assert!(drafted.contains("no_ai_training = true"), "{drafted}");
    }
    // The draft is a policy privlint accepts, and it covers what the code sends and stores.
    let out = privlint_in(d, &["check", "--format", "json"]);
    assert!(out.code == 0 || out.code == 1, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let rules: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(
        !rules.contains(&"undeclared-flow") && !rules.contains(&"undeclared-category"),
        "{rules:?}\n{drafted}"
    );
    assert!(drafted.contains("# sent to it in the code: "), "{drafted}");
    // A second init refuses to overwrite.
    let out = privlint_in(d, &["init"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("--force"));
    assert_eq!(
        std::fs::read_to_string(d.join("privacy.toml")).unwrap(),
        drafted
    );
}
