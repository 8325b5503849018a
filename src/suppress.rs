//! Inline suppressions: `privlint: allow(<id>[, <id>]) <reason>` on the finding's line or the
//! line above. An allow without a reason or with an unknown id suppresses nothing and is itself
//! reported (`invalid-suppression`); one that matched nothing is `unused-suppression` (RUF100).

use crate::checks::Check;
use crate::fact::{Finding, Severity, Suppression};
use crate::policy::{did_you_mean, Policy};

pub const UNUSED_SUPPRESSION: Check = Check {
    id: "unused-suppression",
    default: Severity::Warning,
    summary: "An inline allow or a baseline entry that suppresses nothing",
    doc: r#"## What it does
Reports `privlint: allow(<id>) <reason>` comments that suppressed no finding, and baseline
entries that no longer match a finding.

## Why it matters
A stale allow hides the next real finding on that line, and tells readers something that is no
longer true.

## How to fix
Delete the comment (or run `privlint baseline` again to refresh the baseline).
"#,
};

pub const INVALID_SUPPRESSION: Check = Check {
    id: "invalid-suppression",
    default: Severity::Error,
    summary: "An inline allow without a reason or with an unknown check id; it suppresses nothing",
    doc: r#"## What it does
Reports `privlint: allow(...)` comments that have no reason after the closing parenthesis, or
that name a check id privlint does not know. Such an allow suppresses nothing.

## Why it matters
A suppression is a decision someone must be able to review; without a reason it is a silent
exception to the published policy.

## Example
```ts
// privlint: allow(undeclared-processor)
import posthog from 'posthog-js'
```

## How to fix
Write why: `// privlint: allow(undeclared-processor) consent-gated, declared in the DPA`.
"#,
};

/// Apply inline suppressions to `findings`; returns the findings that remain plus the
/// suppression findings.
pub fn apply(
    findings: Vec<Finding>,
    sups: &[Suppression],
    policy: Option<&Policy>,
) -> Vec<Finding> {
    let known: Vec<&str> = crate::checks::ALL.iter().map(|c| c.id).collect();
    let sev = |c: &Check| {
        policy
            .map(|p| p.severity(c.id, c.default))
            .unwrap_or(c.default)
    };
    let mut used = vec![false; sups.len()];
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let valid: Vec<bool> = sups
        .iter()
        .map(|s| {
            s.reason.is_some()
                && !s.ids.is_empty()
                && s.ids
                    .iter()
                    .all(|i| known.contains(&i.as_str()) || i == "all")
        })
        .collect();
    for f in findings {
        let hit = sups.iter().enumerate().position(|(k, s)| {
            valid[k]
                && s.loc.path == f.path
                && (s.loc.line == f.line || s.loc.line + 1 == f.line)
                && s.ids.iter().any(|i| i == f.rule || i == "all")
        });
        match hit {
            Some(k) => used[k] = true,
            None => out.push(f),
        }
    }
    for (k, s) in sups.iter().enumerate() {
        let mk = |check: &Check, msg: String| {
            let mut f = Finding::new(check.id, sev(check), &s.loc, msg);
            f.evidence = s.snippet.clone();
            f.subject = s.ids.join(",");
            f
        };
        if !valid[k] {
            if sev(&INVALID_SUPPRESSION) == Severity::Off {
                continue;
            }
            let unknown: Vec<&String> = s
                .ids
                .iter()
                .filter(|i| !known.contains(&i.as_str()) && *i != "all")
                .collect();
            let mut f = if let Some(u) = unknown.first() {
                let mut f = mk(
                    &INVALID_SUPPRESSION,
                    format!("`{u}` is not a privlint check; this allow suppresses nothing"),
                );
                f.label = "unknown check id".into();
                f.help = Some(match did_you_mean(u, known.iter().copied()) {
                    Some(d) => format!("did you mean `{d}`?"),
                    None => "see `privlint rules` for the check ids".into(),
                });
                f
            } else if s.ids.is_empty() {
                let mut f = mk(
                    &INVALID_SUPPRESSION,
                    "allow() names no check; it suppresses nothing".into(),
                );
                f.label = "empty allow".into();
                f.help = Some("name the check: `privlint: allow(<id>) <reason>`".into());
                f
            } else {
                let mut f = mk(
                    &INVALID_SUPPRESSION,
                    format!(
                        "allow({}) has no reason; it suppresses nothing",
                        s.ids.join(", ")
                    ),
                );
                f.label = "reason missing".into();
                f.help =
                    Some("say why after the parenthesis: `privlint: allow(<id>) <reason>`".into());
                f
            };
            f.compute_fingerprint();
            problems.push(f);
        } else if !used[k] && sev(&UNUSED_SUPPRESSION) != Severity::Off {
            let mut f = mk(
                &UNUSED_SUPPRESSION,
                format!(
                    "allow({}) suppresses nothing: no such finding on this line or the next",
                    s.ids.join(", ")
                ),
            );
            f.label = "matched no finding".into();
            f.help = Some("remove the comment".into());
            f.compute_fingerprint();
            problems.push(f);
        }
    }
    out.extend(problems);
    out
}
