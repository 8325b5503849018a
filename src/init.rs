//! `privlint init`: a draft privacy.toml from what the code does, and from the published
//! policy text when given (processors it names, and the promises it makes).

use crate::catalog::Catalog;
use crate::fact::Facts;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// Promises recognised in policy text, by phrase.
fn claims_in(doc: &str) -> Vec<(&'static str, String)> {
    let d = doc.to_lowercase();
    let mut out = Vec::new();
    let any = |ps: &[&str]| ps.iter().any(|p| d.contains(p));
    if any(&[
        "not your card number",
        "never store your card",
        "do not store your card",
        "never hits our database",
        "we do not store card",
        "don't store card",
        "card data never",
        "never store card",
        "do not store payment card",
        "we never see your card",
        "does not store your full card",
    ]) {
        out.push(("no_card_storage", "true".into()));
    }
    if any(&[
        "do not use third-party tracking",
        "we do not use advertising cookies",
        "no tracking",
        "we do not track",
        "do not use tracking",
        "not use cookies for behavioral",
    ]) {
        out.push(("no_tracking", "true".into()));
    }
    if any(&[
        "train generalized artificial intelligence",
        "not use google user data to develop, improve, or train",
        "not used to train",
        "no use for ai/ml training",
        "do not use your data to train",
        "not use your content to train",
    ]) {
        out.push(("no_ai_training", "true".into()));
    }
    let hashes: Vec<&str> = ["bcrypt", "argon2", "scrypt", "pbkdf2"]
        .into_iter()
        .filter(|h| d.contains(h))
        .collect();
    if !hashes.is_empty() {
        out.push(("password_hashing", format!("{hashes:?}")));
    }
    out
}

pub fn draft(
    facts: &Facts,
    catalog: &Catalog,
    doc: Option<&str>,
    doc_path: Option<&str>,
) -> String {
    let mut procs: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    for u in &facts.uses {
        procs
            .entry(u.processor)
            .or_default()
            .insert(format!("{}:{}", u.loc.path, u.loc.line));
    }
    let mut from_doc = BTreeSet::new();
    if let Some(text) = doc {
        for (i, p) in catalog.processors.iter().enumerate() {
            let names = std::iter::once(&p.name).chain(p.aliases.iter());
            if names
                .into_iter()
                .any(|n| n.len() >= 4 && text.contains(n.as_str()))
            {
                from_doc.insert(i);
            }
        }
    }
    let mut out = String::from("# Draft written by `privlint init`: review every line against your published policy.\nversion = 1\n");
    if let Some(dp) = doc_path {
        let _ = writeln!(out, "document = {dp:?}");
    }
    // What the code sends to each processor: a draft that reports its own code is no draft.
    let mut sent: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    for b in &facts.behaviors {
        if let (crate::fact::BehaviorKind::Flow, Some(dt)) = (b.kind, b.data_type) {
            sent.entry(b.value as usize)
                .or_default()
                .insert(catalog.data[dt].category.as_str());
        }
    }
    let cats: BTreeSet<&str> = facts
        .fields
        .iter()
        .map(|f| f.category.as_str())
        .chain(sent.values().flatten().copied())
        .collect();
    let _ = writeln!(
        out,
        "\n[data]\n# categories found in the code's schemas and models, and sent to processors\ncategories = ["
    );
    for c in &cats {
        let _ = writeln!(out, "  {c:?},");
    }
    out.push_str("]\n");
    let all: BTreeSet<usize> = procs
        .keys()
        .copied()
        .chain(from_doc.iter().copied())
        .collect();
    for i in all {
        let p = &catalog.processors[i];
        let _ = writeln!(out, "\n[processors.{}]", p.id);
        let _ = writeln!(
            out,
            "purpose = {:?}",
            if p.description.is_empty() {
                p.kind.clone()
            } else {
                p.description.clone()
            }
        );
        let mut cs: BTreeSet<&str> = p
            .categories
            .iter()
            .map(String::as_str)
            .filter(|c| {
                cats.iter().any(|k| {
                    crate::policy::category_covers(c, k) || crate::policy::category_covers(k, c)
                })
            })
            .collect();
        let flows = sent.get(&i);
        cs.extend(flows.into_iter().flatten().copied());
        let cs: Vec<&str> = cs.into_iter().collect();
        let _ = writeln!(out, "categories = {cs:?}");
        if let Some(f) = flows {
            let f: Vec<&str> = f.iter().copied().collect();
            let _ = writeln!(out, "# sent to it in the code: {}", f.join(", "));
        }
        match procs.get(&i) {
            Some(ev) => {
                let first: Vec<&String> = ev.iter().take(3).collect();
                let _ = writeln!(
                    out,
                    "# found in the code: {}",
                    first
                        .iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
            None => out.push_str("# named in the published policy; not found in the code\n"),
        }
    }
    let mut cookie_cats = BTreeSet::new();
    cookie_cats.insert("essential".to_string());
    let mut declared = Vec::new();
    for c in facts.cookies.iter().filter(|c| !c.setting) {
        match catalog.cookie(&c.name) {
            Some((_, d)) if d.category == "essential" => {}
            Some((_, d)) => declared.push((c.name.clone(), d.category.clone())),
            None => declared.push((c.name.clone(), "essential".into())),
        }
        let _ = &mut cookie_cats;
    }
    declared.sort();
    declared.dedup();
    out.push_str("\n[cookies]\nallow = [\"essential\"]\n");
    for (n, c) in declared {
        let _ = writeln!(
            out,
            "\n[[cookies.declared]]\nname = {n:?}\ncategory = {c:?}"
        );
    }
    if let Some(text) = doc {
        let claims = claims_in(text);
        if !claims.is_empty() {
            out.push_str("\n[claims]\n");
            for (k, v) in claims {
                let _ = writeln!(out, "{k} = {v}");
            }
        }
    }
    out
}
