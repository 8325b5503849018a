//! `insecure-cookie`: a session or auth cookie without Secure or HttpOnly, or a framework
//! setting that turns them off.

use super::{Check, Ctx};
use crate::fact::{CookieSet, Finding, Severity};

pub const CHECK: Check = Check {
    id: "insecure-cookie",
    default: Severity::Warning,
    summary: "A session/auth cookie without Secure, HttpOnly or SameSite",
    doc: r#"## What it does
Reports session and authentication cookies (names with session, auth, token, jwt, sid, remember,
or catalog cookies of frameworks' sessions) that are set without `Secure` or `HttpOnly`, or with
`SameSite=None` and no `Secure`; and framework settings that disable them
(`SESSION_COOKIE_SECURE = False`, `SESSION_COOKIE_HTTPONLY = False`).

## Why it matters
Policies promise that sessions are protected "with industry-standard security". A session cookie
readable by scripts or sent over plain HTTP is the easiest way to lose an account.

## Example
```python
SESSION_COOKIE_SECURE = False
```

## How to fix
Set `Secure` and `HttpOnly` (and `SameSite=Lax` or `Strict`) on the cookie, or remove the
setting that disables them.

## Limits
CSRF cookies that JavaScript must read are not required to be HttpOnly. Cookies set by a
library's defaults (e.g. `@supabase/ssr`) are judged only where the code passes options.
"#,
};

/// Whether a cookie name looks like it carries a session or credential.
pub fn is_auth_cookie(name: &str) -> bool {
    // By word, not substring: `connect.sid` and `PHPSESSID` are sessions, `sidebar_state` is not.
    crate::catalog::data::tokenize(name).iter().any(|t| {
        matches!(
            t.as_str(),
            "session"
                | "sess"
                | "auth"
                | "token"
                | "jwt"
                | "sid"
                | "remember"
                | "login"
                | "identity"
                | "csrf"
                | "xsrf"
                | "sessionid"
                | "authjs"
        ) || t.ends_with("sessid")
            || t.ends_with("sessionid")
            || t.ends_with("session")
    })
}

fn problems(c: &CookieSet) -> Vec<&'static str> {
    let csrf = {
        let n = c.name.to_ascii_lowercase();
        n.contains("csrf") || n.contains("xsrf")
    };
    let mut p = Vec::new();
    if c.setting {
        if c.secure == Some(false) {
            p.push("Secure disabled");
        }
        if c.http_only == Some(false) && !csrf {
            p.push("HttpOnly disabled");
        }
        if c.same_site
            .as_deref()
            .is_some_and(|s| s.eq_ignore_ascii_case("none"))
            && c.secure != Some(true)
        {
            p.push("SameSite=None");
        }
        return p;
    }
    // With options we cannot see, only an explicit `false` is known to be wrong.
    let missing = |v: Option<bool>| {
        if c.opaque {
            v == Some(false)
        } else {
            v != Some(true)
        }
    };
    if missing(c.secure) {
        p.push("no Secure");
    }
    if missing(c.http_only) && !csrf {
        p.push("no HttpOnly");
    }
    if c.same_site
        .as_deref()
        .is_some_and(|s| s.eq_ignore_ascii_case("none"))
        && c.secure != Some(true)
    {
        p.push("SameSite=None without Secure");
    }
    p
}

pub fn run(ctx: &Ctx, out: &mut Vec<Finding>) {
    let sev = ctx.severity(&CHECK);
    let mut seen = std::collections::BTreeSet::new();
    for c in &ctx.facts.cookies {
        if !is_auth_cookie(&c.name) {
            continue;
        }
        let p = problems(c);
        if p.is_empty() || !seen.insert((c.name.clone(), c.loc.path.clone(), c.loc.line)) {
            continue;
        }
        let what = if c.setting {
            "setting weakens"
        } else {
            "is set with"
        };
        let msg = if c.setting {
            format!(
                "session cookie `{}`: this {what} it ({})",
                c.name,
                p.join(", ")
            )
        } else {
            format!("session cookie `{}` {what} {}", c.name, p.join(", "))
        };
        let mut f = Finding::new(CHECK.id, sev, &c.loc, msg);
        f.cookie = Some(c.name.clone());
        f.evidence = c.snippet.clone();
        f.label = "cookie flags set here".into();
        f.subject = c.name.clone();
        f.help = Some("set Secure and HttpOnly (and SameSite=Lax) on session cookies".into());
        out.push(f);
    }
}
