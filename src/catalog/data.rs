//! Matching identifiers (column names, struct fields, JSON keys) to personal-data types.
//!
//! An identifier is split into lowercase word tokens; it names a data type when it *ends* with
//! one of the type's patterns. English compounds put the head noun last (`billing_email`,
//! `email_verified`), so suffix matching separates the data from things *about* the data.

use super::DataType;
use std::collections::HashMap;

/// Words after the head noun that only describe how the value is stored.
const STORAGE_WORDS: &[&str] = &[
    "encrypted",
    "enc",
    "hash",
    "hashed",
    "digest",
    "raw",
    "plain",
    "plaintext",
    "cipher",
    "ciphertext",
    "value",
    "text",
    "str",
    "string",
    "field",
    "input",
    "base64",
    "b64",
    "as",
];

/// Split an identifier into lowercase word tokens: `billingEmailAddress` → billing, email,
/// address; `HTTPServer2` → http, server2; `user-name` → user, name.
pub fn tokenize(ident: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let chars: Vec<char> = ident.chars().collect();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                tokens.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if c.is_uppercase() && !cur.is_empty() {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if prev.is_lowercase() || prev.is_ascii_digit() || (prev.is_uppercase() && next_lower) {
                tokens.push(std::mem::take(&mut cur));
            }
        }
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        tokens.push(cur);
    }
    tokens
}

fn token_eq(token: &str, pattern: &str, last: bool) -> bool {
    if token == pattern {
        return true;
    }
    last && (token.strip_suffix('s') == Some(pattern) || token.strip_suffix("es") == Some(pattern))
}

fn ends_with(tokens: &[String], pattern: &[String]) -> bool {
    if pattern.is_empty() || pattern.len() > tokens.len() {
        return false;
    }
    let start = tokens.len() - pattern.len();
    pattern
        .iter()
        .enumerate()
        .all(|(k, p)| token_eq(&tokens[start + k], p, k + 1 == pattern.len()))
}

#[derive(Debug, Default)]
pub struct DataIndex {
    /// (data type index, pattern tokens, whole identifier only), longest patterns first.
    patterns: Vec<(usize, Vec<String>, bool)>,
    excludes: HashMap<usize, Vec<Vec<String>>>,
    /// Last token of every pattern → indices into `patterns` (ascending, so longest first):
    /// an identifier is compared only with the patterns that end with its last word.
    heads: HashMap<String, Vec<usize>>,
}

impl DataIndex {
    pub fn build(types: &[DataType]) -> DataIndex {
        let mut ix = DataIndex::default();
        for (i, t) in types.iter().enumerate() {
            for p in &t.patterns {
                ix.patterns.push((i, tokenize(p), false));
            }
            for p in &t.whole {
                ix.patterns.push((i, tokenize(p), true));
            }
            ix.excludes
                .insert(i, t.exclude.iter().map(|e| tokenize(e)).collect());
        }
        ix.patterns
            .sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
        ix.heads.clear();
        for (k, (_, toks, _)) in ix.patterns.iter().enumerate() {
            if let Some(last) = toks.last() {
                ix.heads.entry(last.clone()).or_default().push(k);
            }
        }
        ix
    }

    /// The data type an identifier names, if any (the longest matching pattern wins).
    pub fn classify(&self, ident: &str) -> Option<usize> {
        let mut tokens = tokenize(ident);
        while tokens.len() > 1
            && tokens
                .last()
                .is_some_and(|t| STORAGE_WORDS.contains(&t.as_str()))
        {
            tokens.pop();
        }
        let last = tokens.last()?;
        let mut candidates: Vec<usize> = [
            Some(last.as_str()),
            last.strip_suffix("es"),
            last.strip_suffix('s'),
        ]
        .into_iter()
        .flatten()
        .filter_map(|h| self.heads.get(h))
        .flatten()
        .copied()
        .collect();
        if candidates.is_empty() {
            return None;
        }
        candidates.sort_unstable();
        candidates.dedup();
        for (i, pat, whole) in candidates.into_iter().map(|k| {
            let (i, pat, whole) = &self.patterns[k];
            (i, pat, *whole)
        }) {
            if whole && tokens.len() != pat.len() {
                continue;
            }
            if ends_with(&tokens, pat) {
                let excluded = self
                    .excludes
                    .get(i)
                    .is_some_and(|ex| ex.iter().any(|e| ends_with(&tokens, e)));
                if excluded {
                    return None;
                }
                return Some(*i);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::tokenize;

    #[test]
    fn tokenizes_every_case_style() {
        assert_eq!(
            tokenize("billingEmailAddress"),
            ["billing", "email", "address"]
        );
        assert_eq!(tokenize("EMAIL_ADDRESS"), ["email", "address"]);
        assert_eq!(tokenize("user-name"), ["user", "name"]);
        assert_eq!(tokenize("HTTPServer"), ["http", "server"]);
        assert_eq!(tokenize("address2Line"), ["address2", "line"]);
        assert_eq!(tokenize("last4"), ["last4"]);
    }
}
