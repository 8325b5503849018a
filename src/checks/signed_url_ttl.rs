//! `signed-url-ttl`: a signed URL lives longer than the policy's `max_signed_url_ttl`.

use super::{Check, Ctx};
use crate::fact::{BehaviorKind, Finding, Severity};

pub const CHECK: Check = Check {
    id: "signed-url-ttl",
    default: Severity::Warning,
    summary: "A signed URL lives longer than `max_signed_url_ttl`",
    doc: r#"## What it does
With `[claims] max_signed_url_ttl = "1h"`, reports signed or pre-signed URLs created with a longer
lifetime: Supabase `createSignedUrl(path, seconds)`, S3 `getSignedUrl(..., { expiresIn })`,
boto3 `generate_presigned_url(..., ExpiresIn=...)`, Go `WithPresignExpires(...)`.

## Why it matters
A signed URL is a bearer credential: anyone holding the link reads the file until it expires. A
policy that promises short-lived download links is broken by a week-long one in an email.

## Example
```ts
await supabase.storage.from('exports').createSignedUrl(path, 60 * 60 * 24 * 7)
```

## How to fix
Shorten the lifetime (and re-sign on demand), or raise the claim in privacy.toml and the policy.

## Limits
Only lifetimes written as constant expressions are evaluated; a variable is not followed.
"#,
};

fn human(secs: u64) -> String {
    match secs {
        s if s % 86400 == 0 => format!("{} day(s)", s / 86400),
        s if s % 3600 == 0 => format!("{} hour(s)", s / 3600),
        s if s % 60 == 0 => format!("{} minute(s)", s / 60),
        s => format!("{s} s"),
    }
}

pub fn run(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(max) = ctx.policy.claims.max_signed_url_ttl else {
        return;
    };
    let sev = ctx.severity(&CHECK);
    for b in ctx
        .facts
        .behaviors
        .iter()
        .filter(|b| b.kind == BehaviorKind::SignedUrl && b.value > max)
    {
        let mut f = Finding::new(
            CHECK.id,
            sev,
            &b.loc,
            format!(
                "signed URL lives {} ({} s), longer than max_signed_url_ttl ({})",
                human(b.value),
                b.value,
                human(max)
            ),
        );
        f.evidence = b.snippet.clone();
        f.label = format!("{} lifetime", human(b.value));
        f.subject = format!("{}:{}", b.loc.line, b.value);
        f.help = Some(format!(
            "sign URLs for at most {} and re-sign on demand, or raise the claim",
            human(max)
        ));
        out.push(f);
    }
}
