//! End-to-end tests through the built binary on the fixture projects: exit codes, every output
//! format, pinned as insta snapshots.

mod common;
use common::{normalize, privlint};

const SEEDS: &[&str] = &["milestones-lab", "mylestone", "mentoring-platform"];
const LANGS: &[&str] = &[
    "go-service",
    "rails-app",
    "spring-app",
    "laravel-app",
    "rust-service",
    "consistent-saas",
];

fn check_json(fixture: &str) -> (i32, String) {
    let out = privlint(&["check", &format!("fixtures/{fixture}"), "--format", "json"]);
    assert!(out.stderr.is_empty(), "{fixture}: stderr: {}", out.stderr);
    (out.code, normalize(&out.stdout))
}

#[test]
fn seed_fixtures_report_their_planted_drift() {
    for f in SEEDS {
        let (code, json) = check_json(f);
        assert_eq!(code, 1, "{f} should fail");
        insta::assert_snapshot!(format!("check_json_{f}"), json);
    }
}

#[test]
fn language_fixtures_report_their_planted_drift() {
    for f in LANGS {
        let (code, json) = check_json(f);
        let expected = if *f == "consistent-saas" { 0 } else { 1 };
        assert_eq!(code, expected, "{f}: exit code");
        insta::assert_snapshot!(format!("check_json_{f}"), json);
    }
}

#[test]
fn human_output_is_rustc_style_and_uncoloured_into_a_pipe() {
    let out = privlint(&["check", "fixtures/milestones-lab"]);
    assert_eq!(out.code, 1);
    assert!(!out.stdout.contains('\x1b'), "no colour into a pipe");
    insta::assert_snapshot!("check_human_milestones_lab", normalize(&out.stdout));
}

#[test]
fn color_always_colours() {
    let out = privlint(&["check", "fixtures/milestones-lab", "--color", "always"]);
    assert!(out.stdout.contains("\x1b[1;31merror[undeclared-processor]"));
}

#[test]
fn consistent_project_exits_zero() {
    let out = privlint(&["check", "fixtures/consistent-saas"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stdout.starts_with("No findings in "), "{}", out.stdout);
}

#[test]
fn exit_zero_flag_keeps_ci_green() {
    let out = privlint(&["check", "fixtures/milestones-lab", "--exit-zero", "-q"]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.starts_with("Found "), "{}", out.stdout);
}

#[test]
fn malformed_policies_exit_2_with_location_and_caret() {
    let cases = [
        ("typo-key", "privacy.toml:7:2", "did you mean `processors`?"),
        (
            "unknown-processor",
            "privacy.toml:7:13",
            "did you mean `stripe`?",
        ),
        ("bad-toml", "privacy.toml:8:", "invalid basic string"),
        (
            "unknown-category",
            "privacy.toml:5:15",
            "did you mean `user.contact.email`?",
        ),
    ];
    for (dir, loc, hint) in cases {
        let out = privlint(&[
            "check",
            &format!("fixtures/broken-policy/{dir}"),
            "--color",
            "never",
        ]);
        assert_eq!(out.code, 2, "{dir}: {}", out.stderr);
        assert!(
            out.stderr.contains(loc),
            "{dir}: no {loc} in\n{}",
            out.stderr
        );
        assert!(
            out.stderr.contains(hint),
            "{dir}: no hint in\n{}",
            out.stderr
        );
        assert!(
            out.stderr.contains('^') || out.stderr.contains('─'),
            "{dir}: no caret"
        );
        assert!(out.stdout.is_empty());
        insta::assert_snapshot!(format!("broken_policy_{dir}"), out.stderr);
    }
}

#[test]
fn inventory_with_a_malformed_policy_is_an_error() {
    let out = privlint(&["inventory", "fixtures/broken-policy/typo-key"]);
    assert_eq!(out.code, 2);
}

#[test]
fn unreadable_path_and_bad_flags_exit_2() {
    assert_eq!(privlint(&["check", "fixtures/does-not-exist"]).code, 2);
    assert_eq!(privlint(&["check", "--format", "xml"]).code, 2);
    assert_eq!(privlint(&["explain", "no-such-check"]).code, 2);
}

#[test]
fn inventory_json_lists_processors_with_evidence_and_nothing_from_tests() {
    let out = privlint(&["inventory", "fixtures/milestones-lab", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let ids: Vec<&str> = v["processors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    for id in [
        "supabase", "stripe", "resend", "mapbox", "posthog", "openai",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    for id in ["sentry", "intercom", "hotjar"] {
        assert!(
            !ids.contains(&id),
            "{id} comes only from tests/comments/docs"
        );
    }
    for p in v["processors"].as_array().unwrap() {
        for e in p["evidence"].as_array().unwrap() {
            let path = e["path"].as_str().unwrap();
            assert!(
                !path.starts_with("tests/") && !path.starts_with("docs/"),
                "{path}"
            );
            assert!(e["line"].as_u64().unwrap() >= 1);
        }
    }
    insta::assert_snapshot!("inventory_json_milestones_lab", out.stdout);
}

#[test]
fn inventory_markdown_is_a_data_map() {
    let out = privlint(&[
        "inventory",
        "fixtures/mentoring-platform",
        "--format",
        "markdown",
    ]);
    assert_eq!(out.code, 0);
    insta::assert_snapshot!("inventory_markdown_mentoring_platform", out.stdout);
}

#[test]
fn sarif_has_rules_fingerprints_and_relative_uris() {
    let out = privlint(&["check", "fixtures/milestones-lab", "--format", "sarif"]);
    assert_eq!(out.code, 1);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), privlint::checks::ALL.len());
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(!loc["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .starts_with('/'));
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 1);
        assert_eq!(
            r["partialFingerprints"]["privlint/v1"]
                .as_str()
                .unwrap()
                .len(),
            32
        );
        let idx = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], r["ruleId"]);
    }
}

#[test]
fn github_format_emits_workflow_annotations() {
    let out = privlint(&["check", "fixtures/go-service", "--format", "github"]);
    assert_eq!(out.code, 1);
    insta::assert_snapshot!("github_go_service", normalize(&out.stdout));
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    for f in SEEDS {
        let a = privlint(&[
            "check",
            &format!("fixtures/{f}"),
            "--format",
            "json",
            "--jobs",
            "1",
        ]);
        let b = privlint(&[
            "check",
            &format!("fixtures/{f}"),
            "--format",
            "json",
            "--jobs",
            "2",
        ]);
        assert_eq!(normalize(&a.stdout), normalize(&b.stdout), "{f}");
    }
}

#[test]
fn rules_json_counts_the_catalog() {
    let out = privlint(&["rules", "--format", "json"]);
    assert_eq!(out.code, 0);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert!(v["counts"]["processors"].as_u64().unwrap() >= 150);
    assert!(v["counts"]["cookies"].as_u64().unwrap() >= 200);
    assert!(v["counts"]["data_types"].as_u64().unwrap() >= 60);
    assert_eq!(
        v["counts"]["checks"].as_u64().unwrap() as usize,
        privlint::checks::ALL.len()
    );
}

#[test]
fn explain_prints_every_check_doc() {
    for c in privlint::checks::ALL {
        let out = privlint(&["explain", c.id]);
        assert_eq!(out.code, 0);
        assert!(out.stdout.contains("## What it does"), "{}", c.id);
    }
    let out = privlint(&["explain", "undeclared-processer"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("did you mean `undeclared-processor`?"),
        "{}",
        out.stderr
    );
    let out = privlint(&["explain", "stripe"]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("[processors.stripe]"));
}

#[test]
fn output_file_is_written_and_stdout_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.json");
    let out = privlint(&[
        "check",
        "fixtures/go-service",
        "--format",
        "json",
        "--output",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.is_empty());
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(v["tool"]["name"], "privlint");
}

#[test]
fn inventory_mermaid_and_html_data_maps() {
    let out = privlint(&["inventory", "fixtures/mylestone", "--format", "mermaid"]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.starts_with("flowchart LR\n"));
    insta::assert_snapshot!("inventory_mermaid_mylestone", out.stdout);

    let out = privlint(&["inventory", "fixtures/mylestone", "--format", "html"]);
    assert_eq!(out.code, 0);
    let html = &out.stdout;
    assert!(html.starts_with("<!doctype html>"));
    // Self-contained: no scripts, no external assets.
    assert!(!html.contains("<script") && !html.contains("<link") && !html.contains("src=\"http"));
    for section in [
        "Processors by kind",
        "Data flows",
        "Personal data",
        "Cookies",
        "<svg",
    ] {
        assert!(html.contains(section), "{section}");
    }
    // The undeclared flow planted in the fixture (location sent to OpenAI) is drawn in red.
    assert!(html.contains("#c0392b"));
}
