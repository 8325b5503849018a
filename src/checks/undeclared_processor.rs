//! `undeclared-processor`: the code uses a third-party processor the policy does not declare.

use super::{first_per_file, Check, Ctx};
use crate::fact::{Finding, Severity};

pub const CHECK: Check = Check {
    id: "undeclared-processor",
    default: Severity::Error,
    summary: "Code uses a processor (package, SDK import, API host, env var, script tag) not declared by id or kind",
    doc: r#"## What it does
Reports every third-party data processor the code uses that `privacy.toml` does not declare,
either by its catalog id (`[processors.posthog]`) or by its kind (`[processors.x] kind = "analytics"`).

A *use* is a production dependency in a manifest, an import, an API host in a string literal or
config value, an env var read, or a script tag in shipped code. Tests, fixtures, docs, comments
and dev-only dependencies are not uses.

## Why it matters
A privacy policy must list the processors that receive personal data. A new SDK added in a
merge is a new recipient the published policy does not mention: the code and the promise drift.

## Example
```ts
import posthog from 'posthog-js'   // privacy.toml has no [processors.posthog]
```

## How to fix
Remove the use, or declare it (and update the published policy text):
```toml
[processors.posthog]
purpose = "product analytics"
categories = ["user.device.cookie_id", "user.behavior"]
```

## Limits
Only vendors in the catalog (`privlint rules`) are recognised; add your own with `--rules DIR`.
One finding per processor per file, at its first use in that file.
"#,
};

pub fn run(ctx: &Ctx, out: &mut Vec<Finding>) {
    let sev = ctx.severity(&CHECK);
    let undeclared = ctx.facts.uses.iter().filter(|u| {
        ctx.policy
            .declarations_for(u.processor, ctx.catalog)
            .next()
            .is_none()
    });
    for u in first_per_file(undeclared, |u| u.processor, |u| &u.loc.path) {
        let p = &ctx.catalog.processors[u.processor];
        let mut f = Finding::new(
            CHECK.id,
            sev,
            &u.loc,
            format!(
                "{} ({}) is used but not declared in privacy.toml",
                p.name, p.kind
            ),
        );
        f.processor = Some(p.id.clone());
        f.evidence = u.snippet.clone();
        f.label = u.kind.label(&p.name);
        f.subject = p.id.clone();
        f.help = Some(format!(
            "remove the {}, or add `[processors.{}]` to privacy.toml",
            match u.kind {
                crate::fact::EvidenceKind::Package => "dependency",
                crate::fact::EvidenceKind::Import => "import",
                crate::fact::EvidenceKind::Host => "call",
                crate::fact::EvidenceKind::Env => "variable",
                crate::fact::EvidenceKind::Script => "script",
                crate::fact::EvidenceKind::Cookie => "cookie",
            },
            p.id
        ));
        out.push(f);
    }
}
