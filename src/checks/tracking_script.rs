//! `tracking-script`: an analytics, advertising or session-replay script or SDK is loaded while
//! the policy promises no tracking, or its vendor is not declared.

use super::{first_per_file, Check, Ctx};
use crate::fact::{EvidenceKind, Finding, Severity};

pub const CHECK: Check = Check {
    id: "tracking-script",
    default: Severity::Error,
    summary: "`no_tracking` and the code loads an analytics/ads pixel or script",
    doc: r#"## What it does
Reports tracking pixels and scripts (`<script src>`, `<img>` pixels, `next/script`, inline
gtag / Meta Pixel / LinkedIn / TikTok / Hotjar snippets) and, with `[claims] no_tracking = true`,
any analytics, advertising or session-replay SDK the code loads. Without the claim, a script
tag still fires when its vendor is not declared in privacy.toml.

## Why it matters
"We do not use third-party tracking" is among the most checked promises in a policy: anyone
can open the page and see the pixel.

## Example
```html
<script async src="https://www.googletagmanager.com/gtag/js?id=G-XXXX"></script>
```

## How to fix
Remove the script, load it only after consent and declare the processor, or drop the claim.

## Limits
Scripts injected at run time from a tag manager's configuration are not visible in the code.
"#,
};

const TRACKING_KINDS: &[&str] = &["analytics", "advertising", "session-replay"];

pub fn run(ctx: &Ctx, out: &mut Vec<Finding>) {
    let sev = ctx.severity(&CHECK);
    let no_tracking = ctx.policy.claims.no_tracking;
    let hits = ctx.facts.uses.iter().filter(|u| {
        let p = &ctx.catalog.processors[u.processor];
        let tracking = TRACKING_KINDS.contains(&p.kind.as_str());
        let script = u.kind == EvidenceKind::Script
            || u.kind == EvidenceKind::Host && is_markup(&u.loc.path);
        if no_tracking {
            // Loaded means imported or included by shipped code, not merely configured.
            tracking
                && (u.kind == EvidenceKind::Import
                    || script
                    || u.kind == EvidenceKind::Host && is_code(&u.loc.path))
        } else {
            script
                && tracking
                && ctx
                    .policy
                    .declarations_for(u.processor, ctx.catalog)
                    .next()
                    .is_none()
        }
    });
    for u in first_per_file(hits, |u| u.processor, |u| &u.loc.path) {
        let p = &ctx.catalog.processors[u.processor];
        let why = if no_tracking {
            "but privacy.toml claims no tracking"
        } else {
            "and is not declared"
        };
        let mut f = Finding::new(
            CHECK.id,
            sev,
            &u.loc,
            format!("{} ({}) tracking is loaded here, {why}", p.name, p.kind),
        );
        f.processor = Some(p.id.clone());
        f.evidence = u.snippet.clone();
        f.label = u.kind.label(&p.name);
        f.subject = p.id.clone();
        f.help = Some(if no_tracking {
            format!(
                "remove the {} script, or drop `no_tracking` from [claims]",
                p.name
            )
        } else {
            format!(
                "remove the script, or add `[processors.{}]` to privacy.toml",
                p.id
            )
        });
        out.push(f);
    }
}

fn is_code(path: &str) -> bool {
    matches!(crate::extract::classify(path), Some(k) if !matches!(k, crate::extract::FileKind::EnvFile | crate::extract::FileKind::Config | crate::extract::FileKind::Manifest(_)))
}

fn is_markup(path: &str) -> bool {
    let ext = path.rsplit('.').next().unwrap_or("");
    matches!(
        ext,
        "html"
            | "htm"
            | "erb"
            | "ejs"
            | "hbs"
            | "njk"
            | "jinja"
            | "jinja2"
            | "j2"
            | "liquid"
            | "twig"
            | "tmpl"
            | "gohtml"
            | "jsx"
            | "tsx"
            | "vue"
            | "svelte"
            | "astro"
    ) || path.ends_with(".blade.php")
}
