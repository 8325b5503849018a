//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning, with rule metadata,
//! `%SRCROOT%`-relative URIs and `partialFingerprints` so alerts survive line moves.

use crate::checks::ALL;
use crate::fact::{Finding, Severity};
use serde_json::{json, Value};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        _ => "note",
    }
}

pub fn render(findings: &[Finding]) -> String {
    let rules: Vec<Value> = ALL
        .iter()
        .map(|c| {
            json!({
                "id": c.id,
                "name": c.id.split('-').map(|w| {
                    let mut ch = w.chars();
                    ch.next().map(|f| f.to_uppercase().collect::<String>() + ch.as_str()).unwrap_or_default()
                }).collect::<String>(),
                "shortDescription": {"text": c.summary},
                "fullDescription": {"text": c.summary},
                "help": {"text": c.doc, "markdown": c.doc},
                "defaultConfiguration": {"level": level(c.default)},
                "properties": {"tags": ["privacy"], "precision": "high"}
            })
        })
        .collect();
    let rule_index = |id: &str| ALL.iter().position(|c| c.id == id).unwrap_or(0);
    let results: Vec<Value> = findings
        .iter()
        .map(|f| {
            let mut msg = f.message.clone();
            if let Some(h) = &f.help {
                msg.push_str(&format!(". help: {h}"));
            }
            json!({
                "ruleId": f.rule,
                "ruleIndex": rule_index(f.rule),
                "level": level(f.severity),
                "message": {"text": msg},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.path, "uriBaseId": "%SRCROOT%"},
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": f.end_line.max(f.line),
                            "endColumn": if f.end_line == f.line { f.end_column.max(f.column + 1) } else { f.end_column.max(1) },
                            "snippet": {"text": f.evidence}
                        }
                    }
                }],
                "partialFingerprints": {"privlint/v1": f.fingerprint}
            })
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "privlint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules
            }},
            "columnKind": "unicodeCodePoints",
            "results": results
        }]
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
