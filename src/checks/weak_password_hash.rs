//! `weak-password-hash`: passwords hashed with a fast hash, or with an algorithm the policy
//! does not name in `password_hashing`.

use super::{Check, Ctx};
use crate::fact::{BehaviorKind, Finding, Severity};

pub const CHECK: Check = Check {
    id: "weak-password-hash",
    default: Severity::Error,
    summary:
        "Passwords hashed with md5/sha1/sha256/plain, or an algorithm outside `password_hashing`",
    doc: r#"## What it does
Reports a fast, unsalted hash (md5, sha1, sha256, sha512; `createHash`, `hashlib`, `Digest::`,
`MessageDigest`, PHP `md5()`/`hash()`, Go `crypto/*`) applied to a value named like a password,
Django settings that enable weak password hashers, and, when `[claims] password_hashing` lists
algorithms, a password-hashing library outside that list.

## Why it matters
Policies promise passwords are "securely hashed". A sha256 of a password is cracked at billions
of guesses per second; the promise is only true with a slow, salted algorithm.

## Example
```ts
const digest = createHash('sha256').update(password).digest('hex')
```

## How to fix
Use bcrypt, argon2id or scrypt (through the framework's password hasher), and list it under
`[claims] password_hashing`.

## Limits
Hashes of random tokens (API keys, share links) are fine and not reported: only values named
like passwords are.
"#,
};

pub fn run(ctx: &Ctx, out: &mut Vec<Finding>) {
    let sev = ctx.severity(&CHECK);
    let allowed = ctx.policy.claims.password_hashing.as_ref();
    let mut seen = std::collections::BTreeSet::new();
    for b in &ctx.facts.behaviors {
        let (msg, label, subject) = match b.kind {
            BehaviorKind::FastHash => (
                format!("a password is hashed with {}, a fast hash", b.detail),
                format!("{} over a password", b.detail),
                b.detail.clone(),
            ),
            BehaviorKind::PasswordHasher => match allowed {
                Some(list)
                    if !list.iter().any(|a| {
                        b.detail.starts_with(a.as_str()) || a.starts_with(b.detail.as_str())
                    }) =>
                {
                    (
                        format!(
                            "passwords are hashed with {}, but privacy.toml names {}",
                            b.detail,
                            list.join(", ")
                        ),
                        format!("{} used here", b.detail),
                        b.detail.clone(),
                    )
                }
                _ => continue,
            },
            _ => continue,
        };
        if !seen.insert((subject.clone(), b.loc.path.clone())) {
            continue;
        }
        let mut f = Finding::new(CHECK.id, sev, &b.loc, msg);
        f.evidence = b.snippet.clone();
        f.label = label;
        f.subject = subject;
        f.help = Some(match allowed {
            Some(list) if !list.is_empty() => format!(
                "hash passwords with {} (as privacy.toml says)",
                list.join(" or ")
            ),
            _ => "hash passwords with bcrypt, argon2id or scrypt".into(),
        });
        out.push(f);
    }
}
