//! `unused-processor`: a declared processor has no evidence in the code (a stale policy entry).

use super::{Check, Ctx};
use crate::fact::{Finding, Severity};
use crate::policy::DeclTarget;

pub const CHECK: Check = Check {
    id: "unused-processor",
    default: Severity::Warning,
    summary: "A declared processor has no evidence in the code",
    doc: r#"## What it does
Reports each `[processors.<key>]` table in privacy.toml that nothing in the scanned code uses:
no dependency, import, API host, env var or script for that processor (or, for a `kind`
declaration, for any processor of that kind).

## Why it matters
A policy that lists recipients the service no longer uses over-discloses and goes stale; like
cargo-deny's unmatched allow entries, an unused declaration is a sign the model drifted.

## Example
```toml
[processors.zoom]      # the Zoom integration was removed last quarter
purpose = "video calls"
```

## How to fix
Delete the table (and the vendor from the published policy), or, if the processor is used in a
way privlint cannot see (e.g. configured only in infrastructure outside this repository), keep it
and set `[rules] unused-processor = "off"`.

## Limits
A processor used only outside the scanned paths looks unused; scan the whole repository.
"#,
};

pub fn run(ctx: &Ctx, out: &mut Vec<Finding>) {
    for d in &ctx.policy.processors {
        let used = ctx.facts.uses.iter().any(|u| match &d.target {
            DeclTarget::Processor(i) => *i == u.processor,
            DeclTarget::Kind(k) => ctx.catalog.processors[u.processor].kind == *k,
        });
        if used {
            continue;
        }
        let what = match &d.target {
            DeclTarget::Processor(i) => {
                let p = &ctx.catalog.processors[*i];
                format!("{} ({})", p.name, p.kind)
            }
            DeclTarget::Kind(k) => format!("`{}` (any {k} processor)", d.key),
        };
        let mut f = ctx.policy_finding(
            &CHECK,
            d.span.clone(),
            format!("{what} is declared but never used in the code"),
        );
        if let DeclTarget::Processor(i) = d.target {
            f.processor = Some(ctx.catalog.processors[i].id.clone());
        } else {
            f.processor = Some(d.key.clone());
        }
        f.label = "declared here".into();
        f.subject = d.key.clone();
        f.help = Some(format!(
            "remove `[processors.{}]` from privacy.toml and the published policy, or scan the code that uses it",
            d.key
        ));
        out.push(f);
    }
}
