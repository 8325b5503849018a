//! `undeclared-cookie`: a cookie is set that is neither declared nor of an allowed category.

use super::{first_per_file, Check, Ctx};
use crate::fact::{Finding, Severity};

pub const CHECK: Check = Check {
    id: "undeclared-cookie",
    default: Severity::Error,
    summary: "A cookie is set that is neither declared nor of an allowed category",
    doc: r#"## What it does
Finds every cookie the code sets (Express, Next.js, js-cookie, `document.cookie`, Django, Flask,
Rails, Go `http.Cookie`, Servlet / Spring, PHP / Laravel, Rust cookie builders) and reports each
one that matches no `[[cookies.declared]]` glob and whose catalog category (`rules/cookies/`) is
not in `[cookies] allow`.

## Why it matters
"We use only essential cookies" is checked by regulators with a browser: a marketing cookie set
by one handler makes the cookie notice false.

## Example
```ts
document.cookie = `_ga=${id}; path=/`   // analytics, but allow = ["essential"]
```

## How to fix
Stop setting the cookie, or declare it:
```toml
[[cookies.declared]]
name = "_ga"
category = "analytics"
```

## Limits
Cookies set by third-party scripts at run time are reported through `tracking-script`, not
here; a cookie whose name is computed keeps a glob (`sb-*-auth-token`).
"#,
};

pub fn run(ctx: &Ctx, out: &mut Vec<Finding>) {
    let sev = ctx.severity(&CHECK);
    let set: Vec<_> = ctx.facts.cookies.iter().filter(|c| !c.setting).collect();
    let mut undeclared = Vec::new();
    for c in set {
        let probe = c.name.replace('*', "x");
        if ctx
            .policy
            .cookies
            .iter()
            .any(|d| d.glob.is_match(&probe) || d.name == c.name)
        {
            continue;
        }
        let known = ctx.catalog.cookie(&c.name);
        if let Some((_, def)) = known {
            if ctx.policy.cookie_allow.contains(&def.category) {
                continue;
            }
        }
        undeclared.push((c, known));
    }
    for (c, known) in first_per_file(
        undeclared.iter(),
        |(c, _)| c.name.clone(),
        |(c, _)| &c.loc.path,
    ) {
        let what = match known {
            Some((v, d)) => format!("{} cookie `{}` ({})", d.category, c.name, v.vendor),
            None => format!("cookie `{}`", c.name),
        };
        let mut f = Finding::new(
            CHECK.id,
            sev,
            &c.loc,
            format!("{what} is set but not declared in privacy.toml"),
        );
        f.cookie = Some(c.name.clone());
        f.processor = known.and_then(|(v, _)| v.processor.clone());
        f.evidence = c.snippet.clone();
        f.label = "cookie set here".into();
        f.subject = c.name.clone();
        let cat = known
            .map(|(_, d)| d.category.as_str())
            .unwrap_or("essential");
        f.help = Some(format!(
            "stop setting it, or add `[[cookies.declared]] name = \"{}\" category = \"{cat}\"` to privacy.toml",
            c.name
        ));
        out.push(f);
    }
}
