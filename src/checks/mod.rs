//! The checks: one file per check id, each a pure function of facts + policy → findings.
//! `ALL` is the registry; ids are a contract (design.md §4).

pub mod card_data_stored;
pub mod document_mismatch;
pub mod insecure_cookie;
pub mod tracking_script;
pub mod undeclared_category;
pub mod undeclared_cookie;
pub mod undeclared_processor;
pub mod unused_category;
pub mod unused_processor;

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
    /// False for ids reserved by the contract whose detection is not built yet.
    pub implemented: bool,
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
    pub fn policy_finding(&self, check: &Check, span: std::ops::Range<usize>, message: String) -> Finding {
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

macro_rules! reserved {
    ($name:ident, $id:literal, $sev:expr, $summary:literal) => {
        pub const $name: Check = Check {
            id: $id,
            default: $sev,
            summary: $summary,
            doc: concat!(
                "## What it does\n",
                $summary,
                ".\n\n## Status\nThe id is reserved and accepted in `[rules]` and inline allows; ",
                "its detection is not built yet, so it never fires in this version.\n"
            ),
            implemented: false,
        };
    };
}

reserved!(UNDECLARED_FLOW, "undeclared-flow", Severity::Error, "Data of a category is sent to a processor not declared for that category");
reserved!(PII_IN_LOGS, "pii-in-logs", Severity::Warning, "A personal-data value is passed to a logger, print or error tracker");
reserved!(WEAK_PASSWORD_HASH, "weak-password-hash", Severity::Error, "Passwords hashed with md5/sha1/sha256/plain, or an algorithm outside `password_hashing`");
reserved!(SIGNED_URL_TTL, "signed-url-ttl", Severity::Warning, "A signed URL lives longer than `max_signed_url_ttl`");
reserved!(AI_TRAINING, "ai-training", Severity::Warning, "`no_ai_training` and a processor call opts into training or data sharing");

pub const ALL: &[&Check] = &[
    &undeclared_processor::CHECK,
    &unused_processor::CHECK,
    &undeclared_category::CHECK,
    &unused_category::CHECK,
    &UNDECLARED_FLOW,
    &undeclared_cookie::CHECK,
    &insecure_cookie::CHECK,
    &tracking_script::CHECK,
    &PII_IN_LOGS,
    &card_data_stored::CHECK,
    &WEAK_PASSWORD_HASH,
    &SIGNED_URL_TTL,
    &AI_TRAINING,
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
