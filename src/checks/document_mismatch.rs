//! `document-mismatch`: privacy.toml and the published policy text disagree on processors.

use super::{Check, Ctx};
use crate::fact::{Finding, Location, Severity};
use crate::policy::DeclTarget;

pub const CHECK: Check = Check {
    id: "document-mismatch",
    default: Severity::Warning,
    summary:
        "A declared processor is not named in `document`, or the document names one not declared",
    doc: r#"## What it does
When privacy.toml sets `document = "docs/privacy-policy.md"`, reads that text and reports each
processor declared by id whose name and aliases the text never mentions, and each catalog
processor the text names that privacy.toml does not declare.

## Why it matters
privacy.toml is the machine-readable twin of the published policy. When they disagree, either the
users were told something the code does not do, or the code does something they were not told.

## How to fix
Update the published text, or privacy.toml, so both name the same processors.

## Limits
Vendors are matched by name and aliases as whole words, case-sensitively; a vendor whose name is
a common English word is only matched in the declared direction.
"#,
};

/// Vendor names that are ordinary words: never reported as named by the document.
const COMMON_WORDS: &[&str] = &[
    "Close",
    "Bandwidth",
    "Plain",
    "Adjust",
    "Branch",
    "Polar",
    "Courier",
    "Dub",
    "Iterable",
    "Tally",
    "Affirm",
    "Square",
    "Front",
    "Segment",
    "Split",
    "Daily",
    "Stream",
    "Loops",
    "Render",
    "Neon",
    "Convex",
    "June",
    "Heap",
    "Here",
    "Magic",
    "Knock",
    "Drift",
    "Wise",
    "Plaid",
    "Apple",
    "Google",
    "Zoom",
    "Slack",
    "Notion",
    "Persona",
    "Pusher",
    "Railway",
    "Upstash",
    "Axiom",
    "Crisp",
    "Mux",
    "Ably",
    "Agora",
    "Groq",
    "Replicate",
    "Cohere",
    "Mistral",
    "Fathom",
    "Umami",
    "Brevo",
    "Postmark",
];

fn names_of(p: &crate::catalog::Processor) -> Vec<&str> {
    std::iter::once(p.name.as_str())
        .chain(p.aliases.iter().map(|a| a.as_str()))
        .filter(|n| n.len() >= 3)
        .collect()
}

fn mentions(text: &str, name: &str) -> Option<usize> {
    mention(text, name, false)
}

/// A mention that is not negated ("We do not use Google Analytics" names no processor).
fn affirmative_mention(text: &str, name: &str) -> Option<usize> {
    mention(text, name, true)
}

fn mention(text: &str, name: &str, skip_negated: bool) -> Option<usize> {
    let mut from = 0;
    while let Some(pos) = text[from..].find(name) {
        let s = from + pos;
        let e = s + name.len();
        let before = text[..s].chars().next_back();
        let after = text[e..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if boundary(before) && boundary(after) && !(skip_negated && negated(text, s)) {
            return Some(s);
        }
        from = e;
    }
    None
}

/// Whether the sentence leading up to `pos` negates what follows.
fn negated(text: &str, pos: usize) -> bool {
    let start = text[..pos]
        .rfind(['.', '\n', ';', '!', '?'])
        .map(|i| i + 1)
        .unwrap_or(0);
    let lead = format!(" {} ", text[start..pos].to_lowercase());
    [
        " not ",
        "n't ",
        " never ",
        " no ",
        " without ",
        " neither ",
        " nor ",
    ]
    .iter()
    .any(|n| lead.contains(n))
}

pub fn run(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some((doc, span)) = &ctx.policy.document else {
        return;
    };
    let base = ctx.policy.path.parent().unwrap_or(ctx.root);
    let path = base.join(doc);
    let Ok(bytes) = std::fs::read(&path) else {
        let mut f = ctx.policy_finding(
            &CHECK,
            span.clone(),
            format!("`document` file `{doc}` cannot be read"),
        );
        f.label = "document set here".into();
        f.subject = doc.clone();
        f.help = Some("fix the path (relative to privacy.toml), or remove `document`".into());
        out.push(f);
        return;
    };
    let text = String::from_utf8_lossy(&bytes);
    let mut declared = std::collections::BTreeSet::new();
    for d in &ctx.policy.processors {
        let DeclTarget::Processor(i) = d.target else {
            declared.extend(d.examples.iter().copied());
            continue;
        };
        declared.insert(i);
        let p = &ctx.catalog.processors[i];
        if names_of(p).iter().any(|n| mentions(&text, n).is_some()) {
            continue;
        }
        let mut f = ctx.policy_finding(
            &CHECK,
            d.span.clone(),
            format!(
                "{} is declared but the published policy `{doc}` never names it",
                p.name
            ),
        );
        f.processor = Some(p.id.clone());
        f.label = "declared here".into();
        f.subject = p.id.clone();
        f.help = Some(format!(
            "name {} in the published policy, or remove the declaration",
            p.name
        ));
        out.push(f);
    }
    let doc_path = crate::walk::display_path(&path, ctx.root);
    let lines = crate::text::LineIndex::new(&text);
    for (i, p) in ctx.catalog.processors.iter().enumerate() {
        if declared.contains(&i) || ctx.policy.declarations_for(i, ctx.catalog).next().is_some() {
            continue;
        }
        let hit = names_of(p)
            .into_iter()
            .filter(|n| !COMMON_WORDS.contains(n) && n.contains(|c: char| c.is_uppercase()))
            .find_map(|n| affirmative_mention(&text, n).map(|s| (n, s)));
        let Some((name, s)) = hit else { continue };
        let (line, column) = lines.line_col(&text, s);
        let loc = Location {
            path: doc_path.clone(),
            line,
            column,
            end_line: line,
            end_column: column + name.chars().count(),
        };
        let mut f = Finding::new(
            CHECK.id,
            ctx.severity(&CHECK),
            &loc,
            format!(
                "the published policy names {} but privacy.toml does not declare it",
                p.name
            ),
        );
        f.processor = Some(p.id.clone());
        f.evidence = crate::text::snippet(lines.line_text(&text, line));
        f.label = "named here".into();
        f.subject = p.id.clone();
        f.help = Some(format!(
            "add `[processors.{}]` to privacy.toml, or remove it from the published policy",
            p.id
        ));
        out.push(f);
    }
}
