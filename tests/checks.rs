//! Per-check fixtures (`tests/fixtures/checks/<id>/{fires,quiet}`): in `fires/` the lines
//! privlint reports for the check must be exactly the lines marked `expect: <id>` (plus an
//! `EXPECT` file for formats without comments); in `quiet/` the check must not fire at all.
//! Every check must have both.

mod common;
use common::{privlint, root};
use std::collections::BTreeSet;
use std::path::Path;

fn marks(dir: &Path, id: &str) -> BTreeSet<(String, usize)> {
    let mut out = BTreeSet::new();
    let marker = format!("expect: {id}");
    for e in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if !e.file_type().is_file() {
            continue;
        }
        let rel = e
            .path()
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let Ok(text) = std::fs::read_to_string(e.path()) else {
            continue;
        };
        if rel == "EXPECT" {
            for line in text.lines() {
                if let Some((loc, rule)) = line.split_once(' ') {
                    if rule.trim() == id {
                        let (p, l) = loc.rsplit_once(':').unwrap();
                        out.insert((p.to_string(), l.parse().unwrap()));
                    }
                }
            }
            continue;
        }
        for (i, line) in text.lines().enumerate() {
            if line.contains(&marker) {
                let end = line.find(&marker).unwrap() + marker.len();
                // `expect: a-b` must not count as `expect: a`.
                if !line[end..].starts_with(|c: char| c.is_alphanumeric() || c == '-') {
                    out.insert((rel.clone(), i + 1));
                }
            }
        }
    }
    out
}

fn reported(dir: &Path, id: &str) -> BTreeSet<(String, usize)> {
    let out = privlint(&[
        "check",
        dir.to_str().unwrap(),
        "--format",
        "json",
        "--no-baseline",
    ]);
    assert!(
        out.code == 0 || out.code == 1,
        "{}: exit {} {}",
        dir.display(),
        out.code,
        out.stderr
    );
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == id)
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap() as usize,
            )
        })
        .collect()
}

#[test]
fn every_check_fires_exactly_where_marked_and_stays_quiet_on_controls() {
    let base = root().join("tests/fixtures/checks");
    let mut failures = Vec::new();
    for c in privlint::checks::ALL.iter() {
        let fires = base.join(c.id).join("fires");
        let quiet = base.join(c.id).join("quiet");
        if !fires.is_dir() || !quiet.is_dir() {
            failures.push(format!("{}: missing fires/ or quiet/ fixture", c.id));
            continue;
        }
        let want = marks(&fires, c.id);
        if want.is_empty() {
            failures.push(format!("{}: fires/ has no `expect:` marks", c.id));
        }
        let got = reported(&fires, c.id);
        for missing in want.difference(&got) {
            failures.push(format!(
                "{}: expected at {}:{} but not reported",
                c.id, missing.0, missing.1
            ));
        }
        for extra in got.difference(&want) {
            failures.push(format!(
                "{}: reported at {}:{} but not marked",
                c.id, extra.0, extra.1
            ));
        }
        for q in reported(&quiet, c.id) {
            failures.push(format!(
                "{}: fired on quiet fixture at {}:{}",
                c.id, q.0, q.1
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn check_ids_are_stable() {
    let ids: Vec<&str> = privlint::checks::ALL.iter().map(|c| c.id).collect();
    insta::assert_snapshot!(ids.join("\n"));
}

#[test]
fn every_check_doc_has_the_sections() {
    for c in privlint::checks::ALL {
        assert!(c.doc.contains("## What it does"), "{}", c.id);
        for s in ["## Why it matters", "## How to fix"] {
            assert!(c.doc.contains(s), "{} lacks {s}", c.id);
        }
        // Messages read as "allow(<id>)": kebab-case, naming what is found.
        assert!(
            c.id.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-'),
            "{}",
            c.id
        );
    }
}
