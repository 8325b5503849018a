//! Meta-tests over the embedded catalog: every entry's own examples pass, ids are well formed,
//! and no two entries claim the same evidence.

use privlint::Catalog;
use std::collections::BTreeMap;

fn catalog() -> Catalog {
    Catalog::load(None).expect("embedded catalog loads")
}

#[test]
fn every_processor_example_matches_and_no_match_stays_quiet() {
    let cat = catalog();
    let mut failures = Vec::new();
    for (i, p) in cat.processors.iter().enumerate() {
        assert!(
            p.examples.matches.len() >= 2,
            "{}: needs match examples",
            p.source
        );
        assert!(
            !p.examples.no_match.is_empty(),
            "{}: needs no_match examples",
            p.source
        );
        for ex in &p.examples.matches {
            let facts = privlint::extract_as_walked(&ex.path, &ex.code, &cat);
            if !facts.uses.iter().any(|u| u.processor == i) {
                let found: Vec<&str> = facts
                    .uses
                    .iter()
                    .map(|u| cat.processors[u.processor].id.as_str())
                    .collect();
                failures.push(format!(
                    "{}: match example not found: {} `{}` (found {found:?})",
                    p.id, ex.path, ex.code
                ));
            }
        }
        for ex in &p.examples.no_match {
            let facts = privlint::extract_as_walked(&ex.path, &ex.code, &cat);
            if facts.uses.iter().any(|u| u.processor == i) {
                failures.push(format!(
                    "{}: no_match example matched: {} `{}`",
                    p.id, ex.path, ex.code
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing examples:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn processor_ids_are_lowercase_hyphenated_and_match_file_names() {
    // Policy keys are looked up case-, space-, `-`- and `_`-insensitively: ids must stay apart.
    let mut normalized: BTreeMap<String, &str> = BTreeMap::new();
    let cat = catalog();
    for p in &cat.processors {
        if let Some(other) = normalized.insert(privlint::catalog::normalize_name(&p.id), &p.id) {
            panic!("ids {other} and {} are the same policy key", p.id);
        }
    }
    for p in &catalog().processors {
        assert!(
            p.id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "bad id {}",
            p.id
        );
        assert!(
            p.source.ends_with(&format!("processors/{}.toml", p.id)),
            "{} in {}",
            p.id,
            p.source
        );
    }
}

#[test]
fn no_two_processors_claim_the_same_evidence() {
    let cat = catalog();
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    let mut dups = Vec::new();
    for p in &cat.processors {
        let pk = &p.packages;
        let claims = [
            ("npm", &pk.npm),
            ("pypi", &pk.pypi),
            ("cargo", &pk.cargo),
            ("go", &pk.go),
            ("gem", &pk.gem),
            ("maven", &pk.maven),
            ("composer", &pk.composer),
            ("nuget", &pk.nuget),
            ("host", &p.hosts),
            ("env", &p.env),
            ("script", &p.scripts),
            ("py-import", &p.imports.python),
            ("java-import", &p.imports.java),
            ("php-import", &p.imports.php),
            ("js-import", &p.imports.js),
        ];
        for (k, list) in claims {
            for item in list {
                let key = format!("{k}:{}", item.to_ascii_lowercase());
                if let Some(other) = seen.insert(key.clone(), &p.id) {
                    if other != p.id {
                        dups.push(format!("{key} claimed by {other} and {}", p.id));
                    }
                }
            }
        }
    }
    assert!(dups.is_empty(), "{}", dups.join("\n"));
}

#[test]
fn catalog_has_the_promised_coverage() {
    let cat = catalog();
    assert!(
        cat.processors.len() >= 150,
        "{} processors",
        cat.processors.len()
    );
    let cookies: usize = cat.cookies.iter().map(|v| v.cookies.len()).sum();
    assert!(cookies >= 200, "{cookies} cookies");
    assert!(cat.data.len() >= 60, "{} data types", cat.data.len());
    for id in [
        "supabase",
        "stripe",
        "azure-application-insights",
        "openai",
        "anthropic",
        "google-gemini",
        "google-vertex-ai",
        "azure-content-safety",
        "mailgun",
        "smtp2go",
        "cloudflare-turnstile",
        "resend",
        "mapbox",
        "vercel",
        "gmail",
        "zoom",
        "bunny",
        "google-oauth",
        "apple-oauth",
        "facebook-oauth",
        "x-oauth",
        "web-push",
    ] {
        assert!(cat.processor(id).is_some(), "seed processor {id} missing");
    }
}

#[test]
fn every_cookie_example_resolves_to_its_vendor() {
    let cat = catalog();
    let mut failures = Vec::new();
    for v in &cat.cookies {
        for name in &v.examples.matches {
            match cat.cookie(name) {
                Some((got, _)) if got.vendor == v.vendor => {}
                other => failures.push(format!(
                    "{}: `{name}` resolved to {:?}",
                    v.source,
                    other.map(|(g, _)| &g.vendor)
                )),
            }
        }
        for name in &v.examples.no_match {
            if let Some((got, _)) = cat.cookie(name) {
                if got.vendor == v.vendor {
                    failures.push(format!("{}: no_match `{name}` resolved to it", v.source));
                }
            }
        }
        for c in &v.cookies {
            if let Some(p) = &v.processor {
                assert!(
                    cat.processor(p).is_some(),
                    "{}: unknown processor {p}",
                    v.source
                );
            }
            assert!(!c.name.is_empty());
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing cookie examples:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_data_example_classifies_to_its_type() {
    let cat = catalog();
    let mut failures = Vec::new();
    for (i, d) in cat.data.iter().enumerate() {
        assert!(
            cat.is_category(&d.category),
            "{}: unknown category {}",
            d.source,
            d.category
        );
        for ident in &d.examples.matches {
            match cat.data_index.classify(ident) {
                Some(j) if j == i => {}
                other => failures.push(format!(
                    "{}: `{ident}` classified as {:?}",
                    d.id,
                    other.map(|j| &cat.data[j].id)
                )),
            }
        }
        for ident in &d.examples.no_match {
            if cat.data_index.classify(ident) == Some(i) {
                failures.push(format!("{}: no_match `{ident}` classified as it", d.id));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing data examples:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn taxonomy_parents_are_listed() {
    let cat = catalog();
    let keys: Vec<&str> = cat.taxonomy.iter().map(|t| t.key.as_str()).collect();
    for k in &keys {
        if let Some((parent, _)) = k.rsplit_once('.') {
            assert!(keys.contains(&parent), "{k} has no parent {parent}");
        }
    }
}
