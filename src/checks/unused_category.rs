//! `unused-category`: a category under `[data]` that no field in the code holds.

use super::{Check, Ctx};
use crate::fact::{Finding, Severity};
use crate::policy::category_covers;

pub const CHECK: Check = Check {
    id: "unused-category",
    default: Severity::Warning,
    summary: "A category declared under [data] is not held by any field in the code",
    doc: r#"## What it does
Reports each key of `[data] categories` that no extracted field falls under.

## Why it matters
A policy that claims data the service no longer holds is stale, and over-disclosure makes the
real disclosures harder to trust.

## How to fix
Remove the category from privacy.toml (and the published policy), or keep it and turn the check
off in `[rules]` when the data lives outside the scanned code (e.g. only in a vendor's system).

## Limits
Data held only by a processor (card numbers at Stripe) never appears as a field here; declare
it on the processor's `categories` rather than under `[data]`, or accept the warning.
"#,
};

pub fn run(ctx: &Ctx, out: &mut Vec<Finding>) {
    let sev = ctx.severity(&CHECK);
    for (cat, span) in &ctx.policy.categories {
        let covers = |c: &str| category_covers(cat, c) || category_covers(c, cat);
        // Held: stored in a field, or handled in code (logged, sent to a processor).
        let held = ctx.facts.fields.iter().any(|f| covers(&f.category))
            || ctx
                .facts
                .behaviors
                .iter()
                .filter_map(|b| b.data_type)
                .any(|d| covers(&ctx.catalog.data[d].category));
        if held {
            continue;
        }
        let mut f = ctx.policy_finding(
            &CHECK,
            span.clone(),
            format!("`{cat}` is declared but no field in the code holds it"),
        );
        f.category = Some(cat.clone());
        f.label = "declared here".into();
        f.subject = cat.clone();
        f.help = Some("remove the category from `[data]`, or scan the code that stores it".into());
        let _ = sev;
        out.push(f);
    }
}
