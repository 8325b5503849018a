//! The checks: one file per check id, each a pure function of facts + policy → findings.
//! `ALL` is the registry; ids are a contract (design.md §4).

pub mod ai_training;
pub mod card_data_stored;
pub mod document_mismatch;
pub mod insecure_cookie;
pub mod pii_in_logs;
pub mod signed_url_ttl;
pub mod tracking_script;
pub mod undeclared_category;
pub mod undeclared_cookie;
pub mod undeclared_flow;
pub mod undeclared_processor;
pub mod unused_category;
pub mod unused_processor;
pub mod weak_password_hash;

use crate::catalog::Catalog;
use crate::fact::{Facts, Finding, Severity};
use crate::policy::Policy;

/// A check's metadata. `doc` is what `privlint explain` prints.
#[derive(Debug)]
pub struct Check {
    pub id: &'static str,
    pub default: Severity,
    pub summary: &'static str,
    pub doc: &'static str,
}

/// What every check reads.
pub struct Ctx<'a> {
    pub facts: &'a Facts,
    pub policy: &'a Policy,
    pub catalog: &'a Catalog,
    /// Root of the scan, to read `document` from.
    pub root: &'a std::path::Path,
}

impl Ctx<'_> {
    /// The effective severity of a check (policy `[rules]` over the default).
    pub fn severity(&self, check: &Check) -> Severity {
        self.policy.severity(check.id, check.default)
    }

    /// A finding located in privacy.toml at byte span `span`.
    pub fn policy_finding(
        &self,
        check: &Check,
        span: std::ops::Range<usize>,
        message: String,
    ) -> Finding {
        let text = &self.policy.text;
        let (line, column) = crate::text::line_col(text, span.start);
        let (end_line, end_column) = crate::text::line_col(text, span.end);
        let loc = crate::fact::Location {
            path: self.policy.display_path.clone(),
            line,
            column,
            end_line,
            end_column,
        };
        let mut f = Finding::new(check.id, self.severity(check), &loc, message);
        f.evidence = crate::text::snippet(crate::text::LineIndex::new(text).line_text(text, line));
        f
    }
}

pub const ALL: &[&Check] = &[
    &undeclared_processor::CHECK,
    &unused_processor::CHECK,
    &undeclared_category::CHECK,
    &unused_category::CHECK,
    &undeclared_flow::CHECK,
    &undeclared_cookie::CHECK,
    &insecure_cookie::CHECK,
    &tracking_script::CHECK,
    &pii_in_logs::CHECK,
    &card_data_stored::CHECK,
    &weak_password_hash::CHECK,
    &signed_url_ttl::CHECK,
    &ai_training::CHECK,
    &document_mismatch::CHECK,
    &crate::suppress::UNUSED_SUPPRESSION,
    &crate::suppress::INVALID_SUPPRESSION,
];

pub fn by_id(id: &str) -> Option<&'static Check> {
    ALL.iter().copied().find(|c| c.id == id)
}

/// Run every enabled check; findings come back unsorted.
pub fn run_all(ctx: &Ctx) -> Vec<Finding> {
    let mut out = Vec::new();
    type Run = fn(&Ctx, &mut Vec<Finding>);
    let runs: &[(&Check, Run)] = &[
        (&undeclared_processor::CHECK, undeclared_processor::run),
        (&unused_processor::CHECK, unused_processor::run),
        (&undeclared_category::CHECK, undeclared_category::run),
        (&unused_category::CHECK, unused_category::run),
        (&card_data_stored::CHECK, card_data_stored::run),
        (&undeclared_cookie::CHECK, undeclared_cookie::run),
        (&insecure_cookie::CHECK, insecure_cookie::run),
        (&tracking_script::CHECK, tracking_script::run),
        (&document_mismatch::CHECK, document_mismatch::run),
        (&pii_in_logs::CHECK, pii_in_logs::run),
        (&weak_password_hash::CHECK, weak_password_hash::run),
        (&signed_url_ttl::CHECK, signed_url_ttl::run),
        (&ai_training::CHECK, ai_training::run),
        (&undeclared_flow::CHECK, undeclared_flow::run),
    ];
    for (check, run) in runs {
        if ctx.severity(check) != Severity::Off {
            run(ctx, &mut out);
        }
    }
    out
}

/// Keep the first fact per (subject, file): one finding per (check, subject, file).
pub fn first_per_file<'a, T, K: Ord + Clone>(
    items: impl Iterator<Item = &'a T>,
    key: impl Fn(&T) -> K,
    path: impl Fn(&T) -> &str,
) -> Vec<&'a T>
where
    T: 'a,
{
    let mut seen = std::collections::BTreeSet::new();
    items
        .filter(|i| seen.insert((key(i), path(i).to_string())))
        .collect()
}
