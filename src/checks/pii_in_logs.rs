//! `pii-in-logs`: a personal-data value is passed to a logger, print or error tracker.

use super::{first_per_file, Check, Ctx};
use crate::fact::{BehaviorKind, Finding, Severity};

pub const CHECK: Check = Check {
    id: "pii-in-logs",
    default: Severity::Warning,
    summary: "A personal-data value is passed to a logger, print or error tracker",
    doc: r#"## What it does
Reports calls to loggers, `print`/`console.*`, and error trackers (`Sentry.captureException`,
`sentry_sdk.set_user`, ...) whose arguments read a personal-data value: a variable, member or
string interpolation named like an email, phone number, address, password, token...

## Why it matters
Logs are copied to log vendors, kept for months and read by people the policy never mentions.
"We only use your email to send you mail" stops being true when it lands in every log line.

## Example
```ts
console.log(`[signup] new account ${email}`)
```

## How to fix
Log an internal id instead (`user.id`), or redact (`maskEmail(email)`), or allow it with a reason
(`// privlint: allow(pii-in-logs) bounce triage needs the address; kept 7 days`).

## Limits
Values are recognised by name, not by data flow: `log(x)` where `x` holds an email is not seen,
and words inside plain string text are not data.
"#,
};

pub fn run(ctx: &Ctx, out: &mut Vec<Finding>) {
    let sev = ctx.severity(&CHECK);
    let logs = ctx
        .facts
        .behaviors
        .iter()
        .filter(|b| b.kind == BehaviorKind::Log);
    for b in first_per_file(logs, |b| (b.loc.line, b.data_type), |b| &b.loc.path) {
        let Some(dt) = b.data_type.map(|d| &ctx.catalog.data[d]) else {
            continue;
        };
        let mut f = Finding::new(
            CHECK.id,
            sev,
            &b.loc,
            format!("{} is passed to `{}`", dt.name.to_lowercase(), b.detail),
        );
        f.category = Some(dt.category.clone());
        f.evidence = b.snippet.clone();
        f.label = format!("{} logged here", dt.name.to_lowercase());
        f.subject = format!("{}:{}", b.loc.line, dt.category);
        f.help = Some("log an internal id or a redacted value instead".into());
        out.push(f);
    }
}
