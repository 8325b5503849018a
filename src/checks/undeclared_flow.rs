//! `undeclared-flow`: personal data of a category is sent to a processor that privacy.toml does
//! not declare for that category.

use super::{Check, Ctx};
use crate::fact::{BehaviorKind, Finding, Severity};
use crate::policy::category_covers;

pub const CHECK: Check = Check {
    id: "undeclared-flow",
    default: Severity::Error,
    summary: "Data of a category is sent to a processor not declared for that category",
    doc: r#"## What it does
Follows calls on a processor's SDK client (`resend.emails.send({...})`, `openai.chat.completions
.create({...})`, `stripe.customers.create({...})`) and requests to its API host (`fetch('https://
api.openai.com/...')`), reads the personal-data values passed as arguments, and reports each
category the processor's `[processors.<id>] categories` does not cover.

## Why it matters
A policy says not only *who* receives data but *what* they receive: "OpenAI processes the text
you submit" is not "OpenAI receives your location". Sending a new category to an existing vendor
is a disclosure the policy never made.

## Example
```ts
await openai.chat.completions.create({ messages: [{ role: 'user', content: `${profile.location}` }] })
// privacy.toml: [processors.openai] categories = ["user.content"]
```

## How to fix
Stop sending the value, or add its category to the processor's `categories` (and say so in the
published policy).

## Limits
Values are recognised by name inside the call's arguments (including template literals); data
assembled elsewhere and passed as one variable is not followed. JavaScript/TypeScript and Python.
Processors declared without `categories` are not checked.
"#,
};

pub fn run(ctx: &Ctx, out: &mut Vec<Finding>) {
    let sev = ctx.severity(&CHECK);
    let mut seen = std::collections::BTreeSet::new();
    for b in ctx
        .facts
        .behaviors
        .iter()
        .filter(|b| b.kind == BehaviorKind::Flow)
    {
        let p = b.value as usize;
        let Some(dt) = b.data_type else { continue };
        let category = &ctx.catalog.data[dt].category;
        let decls: Vec<_> = ctx.policy.declarations_for(p, ctx.catalog).collect();
        if decls.is_empty() || decls.iter().all(|d| d.categories.is_empty()) {
            continue;
        }
        if decls
            .iter()
            .any(|d| d.categories.iter().any(|c| category_covers(c, category)))
        {
            continue;
        }
        if !seen.insert((p, category.clone(), b.loc.path.clone())) {
            continue;
        }
        let proc_ = &ctx.catalog.processors[p];
        let mut f = Finding::new(
            CHECK.id,
            sev,
            &b.loc,
            format!(
                "`{}` ({category}) is sent to {}, which privacy.toml does not declare for it",
                b.detail, proc_.name
            ),
        );
        f.processor = Some(proc_.id.clone());
        f.category = Some(category.clone());
        f.evidence = b.snippet.clone();
        f.label = format!("sent to {} here", proc_.name);
        f.subject = format!("{}:{category}", proc_.id);
        f.help = Some(format!(
            "stop sending it, or add \"{category}\" to `[processors.{}] categories`",
            decls[0].key
        ));
        out.push(f);
    }
}
