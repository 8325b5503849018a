//! rustc-style diagnostics, grouped by subject, with the source line and a caret.

use super::{summary_line, Summary};
use crate::fact::{Finding, Severity};

struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

fn sev_code(s: Severity) -> &'static str {
    match s {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Note => "1;36",
        Severity::Off => "0",
    }
}

pub fn render(
    findings: &[Finding],
    summary: &Summary,
    color: bool,
    quiet: bool,
    root: &std::path::Path,
) -> String {
    let st = Style { color };
    let mut sources = Sources {
        root,
        cache: std::collections::HashMap::new(),
    };
    let mut out = String::new();
    // Group by subject, keeping the (sorted) order of each group's first finding.
    let mut order: Vec<&str> = Vec::new();
    for f in findings {
        if !order.contains(&f.subject.as_str()) {
            order.push(&f.subject);
        }
    }
    if !quiet {
        for subject in order {
            for f in findings.iter().filter(|f| f.subject == subject) {
                render_one(&mut out, f, &st, &mut sources);
            }
        }
    }
    let line = summary_line(summary);
    let code = if summary.errors > 0 {
        "1;31"
    } else if summary.warnings > 0 {
        "1;33"
    } else {
        "1;32"
    };
    out.push_str(&st.paint(code, &line));
    out.push('\n');
    if summary.files_skipped + summary.file_issues > 0 && !quiet {
        out.push_str(&format!(
            "note: {} file(s) skipped (binary, minified, too large or unreadable), {} parsed best-effort\n",
            summary.files_skipped, summary.file_issues
        ));
    }
    out
}

/// Source lines for findings, read once per file (as rustc quotes the real line).
struct Sources<'r> {
    root: &'r std::path::Path,
    cache: std::collections::HashMap<String, Option<String>>,
}

impl Sources<'_> {
    fn line(&mut self, path: &str, line: usize) -> Option<String> {
        let root = self.root;
        let text = self.cache.entry(path.to_string()).or_insert_with(|| {
            let p = std::path::Path::new(path);
            let full = if p.is_absolute() {
                p.to_path_buf()
            } else {
                root.join(p)
            };
            std::fs::read(full)
                .ok()
                .map(|b| String::from_utf8_lossy(&b).into_owned())
        });
        let t = text.as_ref()?;
        t.lines()
            .nth(line.checked_sub(1)?)
            .map(|l| l.replace('\t', "    "))
    }
}

fn render_one(out: &mut String, f: &Finding, st: &Style, src: &mut Sources) {
    let sev = f.severity.as_str();
    out.push_str(&format!(
        "{}{}\n",
        st.paint(sev_code(f.severity), &format!("{sev}[{}]", f.rule)),
        st.paint("1", &format!(": {}", f.message))
    ));
    let gutter = f.line.to_string().len();
    let pad = " ".repeat(gutter);
    out.push_str(&format!(
        "{pad}{} {}:{}:{}\n",
        st.paint("1;34", "-->"),
        f.path,
        f.line,
        f.column
    ));
    let line = src
        .line(&f.path, f.line)
        .unwrap_or_else(|| f.evidence.clone());
    if !line.trim().is_empty() {
        let shown: String = line.chars().take(200).collect();
        out.push_str(&format!("{pad} {}\n", st.paint("1;34", "|")));
        out.push_str(&format!(
            "{} {} {}\n",
            st.paint("1;34", &f.line.to_string()),
            st.paint("1;34", "|"),
            shown
        ));
        let len = shown.chars().count();
        let start = f.column.saturating_sub(1).min(len.saturating_sub(1));
        let width = if f.end_line == f.line && f.end_column > f.column {
            f.end_column - f.column
        } else {
            len.saturating_sub(start)
        };
        let width = width.clamp(1, len.saturating_sub(start).max(1));
        let label = if f.label.is_empty() {
            String::new()
        } else {
            format!(" {}", f.label)
        };
        out.push_str(&format!(
            "{pad} {} {}{}\n",
            st.paint("1;34", "|"),
            " ".repeat(start),
            st.paint(
                sev_code(f.severity),
                &format!("{}{label}", "^".repeat(width))
            )
        ));
    }
    if let Some(h) = &f.help {
        out.push_str(&format!(
            "{pad} {} {}\n",
            st.paint("1;34", "="),
            st.paint("1", &format!("help: {h}"))
        ));
    }
    out.push('\n');
}
