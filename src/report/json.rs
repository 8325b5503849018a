//! `--format json`: the design.md §5 schema, exactly.

use super::Summary;
use crate::fact::Finding;
use serde::Serialize;

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct JsonSummary<'a> {
    files_scanned: usize,
    errors: usize,
    warnings: usize,
    notes: usize,
    duration_ms: u128,
    files_skipped: usize,
    /// Files parsed best-effort, or whose extraction failed, with the reason.
    file_issues: &'a [crate::fact::FileIssue],
}

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    tool: Tool,
    policy: Option<&'a str>,
    summary: JsonSummary<'a>,
    findings: &'a [Finding],
}

pub fn render(
    findings: &[Finding],
    summary: &Summary,
    policy: Option<&str>,
    issues: &[crate::fact::FileIssue],
) -> String {
    let r = Report {
        version: 1,
        tool: Tool {
            name: "privlint",
            version: env!("CARGO_PKG_VERSION"),
        },
        policy,
        summary: JsonSummary {
            files_scanned: summary.files_scanned,
            errors: summary.errors,
            warnings: summary.warnings,
            notes: summary.notes,
            duration_ms: summary.duration_ms,
            files_skipped: summary.files_skipped,
            file_issues: issues,
        },
        findings,
    };
    let mut s = serde_json::to_string_pretty(&r).unwrap_or_default();
    s.push('\n');
    s
}
