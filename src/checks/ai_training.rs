//! `ai-training`: the policy promises no AI training, and a call to an AI provider opts into
//! retention, training or data sharing.

use super::{Check, Ctx};
use crate::fact::{BehaviorKind, Finding, Severity};

pub const CHECK: Check = Check {
    id: "ai-training",
    default: Severity::Warning,
    summary: "`no_ai_training` and a processor call opts into training or data sharing",
    doc: r#"## What it does
With `[claims] no_ai_training = true`, reports options passed in files that call an AI provider
which keep or share the data for model improvement: OpenAI `store: true` (completions retained
for distillation and evals), and flags such as `allow_training`, `data_sharing`, `share_data`.

## Why it matters
"We do not use your data to train AI models" covers what our providers do with it on our behalf.
An opt-in flag in one call makes the promise false for every user whose data passes through it.

## Example
```ts
await openai.chat.completions.create({ model, messages, store: true })
```

## How to fix
Remove the option (the providers' defaults keep API data out of training), or drop the claim.

## Limits
Options are recognised by name in files that use an AI processor; account-level settings in the
provider's dashboard are not visible in code.
"#,
};

pub fn run(ctx: &Ctx, out: &mut Vec<Finding>) {
    if !ctx.policy.claims.no_ai_training {
        return;
    }
    let sev = ctx.severity(&CHECK);
    for b in ctx
        .facts
        .behaviors
        .iter()
        .filter(|b| b.kind == BehaviorKind::AiOptIn)
    {
        let mut f = Finding::new(
            CHECK.id,
            sev,
            &b.loc,
            format!("`{}` opts an AI call into data retention or training, but privacy.toml claims no AI training", b.detail),
        );
        f.evidence = b.snippet.clone();
        f.label = "opt-in here".into();
        f.subject = format!("{}:{}", b.loc.line, b.detail);
        f.help = Some(format!(
            "remove `{}`, or drop `no_ai_training` from [claims]",
            b.detail
        ));
        out.push(f);
    }
}
