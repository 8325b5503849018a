//! `--format github`: workflow commands that GitHub Actions shows as annotations on the diff.

use super::{summary_line, Summary};
use crate::fact::{Finding, Severity};

/// Escape per the workflow-command rules (data and property values differ).
fn esc_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn esc_prop(s: &str) -> String {
    esc_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(findings: &[Finding], summary: &Summary) -> String {
    let mut out = String::new();
    for f in findings {
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            _ => "notice",
        };
        let mut msg = f.message.clone();
        if let Some(h) = &f.help {
            msg.push_str(&format!("\nhelp: {h}"));
        }
        out.push_str(&format!(
            "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            esc_prop(&f.path),
            f.line,
            f.column,
            f.end_line,
            f.end_column,
            esc_prop(&format!("privlint {}", f.rule)),
            esc_data(&msg)
        ));
    }
    out.push_str(&summary_line(summary));
    out.push('\n');
    out
}
