//! Renderers: findings (human, json, sarif, github) and the inventory (json, markdown).

pub mod github;
pub mod html;
pub mod human;
pub mod inventory;
pub mod json;
pub mod sarif;

use crate::fact::{Finding, Severity};

/// Counts for the summary line and JSON `summary`.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Summary {
    pub files_scanned: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    pub duration_ms: u128,
    /// Files skipped (binary, too large, minified, unreadable).
    pub files_skipped: usize,
    /// Files parsed best-effort or that hit an internal error.
    pub file_issues: usize,
}

impl Summary {
    pub fn count(&mut self, findings: &[Finding]) {
        for f in findings {
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Note => self.notes += 1,
                Severity::Off => {}
            }
        }
    }
}

/// `Found 3 errors, 1 warning in 412 files (38 ms)`.
pub fn summary_line(s: &Summary) -> String {
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    let mut parts = vec![plural(s.errors, "error"), plural(s.warnings, "warning")];
    if s.notes > 0 {
        parts.push(plural(s.notes, "note"));
    }
    let total = s.errors + s.warnings + s.notes;
    let head = if total == 0 {
        "No findings".to_string()
    } else {
        format!("Found {}", parts.join(", "))
    };
    format!(
        "{head} in {} ({} ms)",
        plural(s.files_scanned, "file"),
        s.duration_ms
    )
}
