//! Lookup indices over the processor catalog, built once and shared read-only across threads.
//! Every lookup is a hash probe per candidate prefix, so matching cost does not grow with the
//! catalog's size.

use super::Processor;
use std::collections::HashMap;

/// Package ecosystems whose manifests we read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Ecosystem {
    Npm,
    Pypi,
    Cargo,
    Go,
    Gem,
    Maven,
    Composer,
    Nuget,
}

impl Ecosystem {
    pub fn as_str(self) -> &'static str {
        match self {
            Ecosystem::Npm => "npm",
            Ecosystem::Pypi => "pypi",
            Ecosystem::Cargo => "cargo",
            Ecosystem::Go => "go",
            Ecosystem::Gem => "gem",
            Ecosystem::Maven => "maven",
            Ecosystem::Composer => "composer",
            Ecosystem::Nuget => "nuget",
        }
    }
}

/// Source languages whose imports we read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    Js,
    Python,
    Ruby,
    Java,
    Php,
    Csharp,
    Rust,
    Go,
}

impl Lang {
    /// The separator at which an import path may be cut to find its package prefix.
    fn separator(self) -> &'static str {
        match self {
            Lang::Js | Lang::Ruby | Lang::Go => "/",
            Lang::Python | Lang::Java | Lang::Csharp => ".",
            Lang::Php => "\\",
            Lang::Rust => "::",
        }
    }
}

/// Env var prefixes that frameworks add to expose a variable to browser code.
const PUBLIC_ENV_PREFIXES: &[&str] = &[
    "NEXT_PUBLIC_",
    "VITE_",
    "REACT_APP_",
    "EXPO_PUBLIC_",
    "NUXT_PUBLIC_",
    "NUXT_ENV_",
    "PUBLIC_",
    "GATSBY_",
    "VUE_APP_",
    "NX_",
];

#[derive(Debug, Default)]
pub struct Index {
    pub by_id: HashMap<String, usize>,
    /// Normalised id, name and aliases → processor.
    pub by_name: HashMap<String, usize>,
    packages: HashMap<(Ecosystem, String), usize>,
    /// `group:*` maven entries, keyed by group.
    maven_groups: HashMap<String, usize>,
    imports: HashMap<(Lang, String), usize>,
    hosts: HashMap<String, usize>,
    wildcard_hosts: HashMap<String, usize>,
    env: HashMap<String, usize>,
    env_prefixes: Vec<(String, usize)>,
    scripts: Vec<(String, usize)>,
    /// Every literal worth looking for in a file; a file with none of them needs no
    /// processor matching at all.
    pub literals: Vec<String>,
    /// Built on first use (a `--staged` run on one TS file never needs it), shared by threads.
    prefilter: std::sync::OnceLock<Prefilter>,
}

/// Two automata over `literals` (ASCII case-insensitive).
#[derive(Debug)]
struct Prefilter {
    /// The distinctive literals: any occurrence counts.
    any: Option<aho_corasick::AhoCorasick>,
    /// The short plain words (`pay`, `lob`, `segment`): they count only as a word of their own,
    /// not inside `payment`, `global` or `segments`.
    words: Option<aho_corasick::AhoCorasick>,
}

/// Short, purely alphanumeric literals occur inside ordinary words.
fn is_plain_word(l: &str) -> bool {
    l.len() < 8 && l.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Whether `text[start..end]` stands as a word: no letter or digit glued on either side, except
/// at a camel-case step (`Stripe` in `StripeClient`).
fn stands_alone(text: &[u8], start: usize, end: usize) -> bool {
    let before_ok = start == 0 || {
        let p = text[start - 1];
        !p.is_ascii_alphanumeric() || (p.is_ascii_lowercase() && text[start].is_ascii_uppercase())
    };
    let after_ok = end >= text.len() || {
        let n = text[end];
        !n.is_ascii_alphanumeric() || (text[end - 1].is_ascii_lowercase() && n.is_ascii_uppercase())
    };
    before_ok && after_ok
}

/// How a package name is compared within an ecosystem.
pub fn normalize_package(eco: Ecosystem, name: &str) -> String {
    let lower = name.trim().to_ascii_lowercase();
    match eco {
        Ecosystem::Pypi => {
            let mut out = String::with_capacity(lower.len());
            let mut last_sep = false;
            for c in lower.chars() {
                if matches!(c, '-' | '_' | '.') {
                    if !last_sep {
                        out.push('-');
                    }
                    last_sep = true;
                } else {
                    out.push(c);
                    last_sep = false;
                }
            }
            out
        }
        Ecosystem::Cargo => lower.replace('_', "-"),
        _ => lower,
    }
}

fn normalize_import(lang: Lang, spec: &str) -> String {
    match lang {
        Lang::Php | Lang::Csharp => spec.trim_start_matches('\\').to_ascii_lowercase(),
        Lang::Rust => spec.replace('-', "_"),
        _ => spec.to_string(),
    }
}

impl Index {
    pub fn build(processors: &[Processor]) -> Index {
        let mut ix = Index::default();
        let mut literals: Vec<String> = Vec::new();
        let mut split_literals: Vec<String> = Vec::new();
        // Ids win over names, names over aliases: `[processors.cloudflare-access]` is that entry
        // even if another entry lists "Cloudflare Access" as an alias.
        for (i, p) in processors.iter().enumerate() {
            ix.by_id.insert(p.id.clone(), i);
            ix.by_name.insert(super::normalize_name(&p.id), i);
        }
        for (i, p) in processors.iter().enumerate() {
            ix.by_name
                .entry(super::normalize_name(&p.name))
                .or_insert(i);
        }
        for (i, p) in processors.iter().enumerate() {
            for n in &p.aliases {
                ix.by_name.entry(super::normalize_name(n)).or_insert(i);
            }
        }
        for (i, p) in processors.iter().enumerate() {
            let pk = &p.packages;
            let sets: [(Ecosystem, &Vec<String>); 8] = [
                (Ecosystem::Npm, &pk.npm),
                (Ecosystem::Pypi, &pk.pypi),
                (Ecosystem::Cargo, &pk.cargo),
                (Ecosystem::Go, &pk.go),
                (Ecosystem::Gem, &pk.gem),
                (Ecosystem::Maven, &pk.maven),
                (Ecosystem::Composer, &pk.composer),
                (Ecosystem::Nuget, &pk.nuget),
            ];
            for (eco, names) in sets {
                for n in names {
                    if eco == Ecosystem::Maven {
                        if let Some(group) = n.strip_suffix(":*") {
                            ix.maven_groups.insert(group.to_ascii_lowercase(), i);
                            literals.push(group.to_string());
                            continue;
                        }
                    }
                    ix.packages.insert((eco, normalize_package(eco, n)), i);
                    literals.push(n.clone());
                }
            }
            let im = &p.imports;
            let mut add_import = |lang: Lang, spec: &str| {
                ix.imports.insert((lang, normalize_import(lang, spec)), i);
                literals.push(spec.trim_start_matches('\\').to_string());
            };
            for n in pk.npm.iter().chain(im.js.iter()) {
                add_import(Lang::Js, n);
            }
            for n in pk.go.iter().chain(im.go.iter()) {
                add_import(Lang::Go, n);
            }
            for n in pk.cargo.iter().chain(im.rust.iter()) {
                add_import(Lang::Rust, &n.replace('-', "_"));
            }
            for n in &im.python {
                add_import(Lang::Python, n);
                // `from google.cloud import storage` spells the path in two pieces; the head is
                // enough to flag the file (the tail, `storage` or `client`, is in every file).
                if let Some((head, _)) = n.rsplit_once('.') {
                    split_literals.push(head.to_string());
                }
            }
            for n in &im.ruby {
                add_import(Lang::Ruby, n);
            }
            for n in &im.java {
                add_import(Lang::Java, n);
            }
            for n in &im.php {
                add_import(Lang::Php, n);
            }
            for n in &im.csharp {
                add_import(Lang::Csharp, n);
            }
            for h in &p.hosts {
                let h = h.to_ascii_lowercase();
                if let Some(d) = h.strip_prefix("*.") {
                    ix.wildcard_hosts.insert(d.to_string(), i);
                    literals.push(d.to_string());
                } else {
                    literals.push(h.clone());
                    ix.hosts.insert(h, i);
                }
            }
            for e in &p.env {
                if let Some(prefix) = e.strip_suffix('*') {
                    ix.env_prefixes.push((prefix.to_string(), i));
                    literals.push(prefix.to_string());
                } else {
                    ix.env.insert(e.clone(), i);
                    literals.push(e.clone());
                }
            }
            for s in &p.scripts {
                let s = strip_scheme(s).to_ascii_lowercase();
                literals.push(s.clone());
                ix.scripts.push((s, i));
            }
        }
        literals.extend(split_literals);
        // Longest first, so the most specific entry wins.
        ix.env_prefixes
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        ix.scripts
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        literals.retain(|l| l.len() >= 3);
        literals.sort();
        literals.dedup();
        ix.literals = literals;
        ix
    }

    fn prefilter(&self) -> &Prefilter {
        self.prefilter.get_or_init(|| {
            let (words, distinctive): (Vec<&String>, Vec<&String>) =
                self.literals.iter().partition(|l| is_plain_word(l));
            let automaton = |ls: Vec<&String>| {
                aho_corasick::AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .build(ls)
                    .ok()
            };
            Prefilter {
                any: automaton(distinctive),
                words: automaton(words),
            }
        })
    }

    /// Whether `text` contains any catalog literal (package, import root, host, env name,
    /// script URL). A file without one cannot name a processor.
    pub fn mentions_any(&self, text: &str) -> bool {
        let Prefilter {
            any: Some(any),
            words: Some(words),
        } = self.prefilter()
        else {
            return true;
        };
        any.is_match(text)
            || words
                .find_overlapping_iter(text)
                .any(|m| stands_alone(text.as_bytes(), m.start(), m.end()))
    }

    /// A production dependency `name` in a manifest of `eco`.
    pub fn package(&self, eco: Ecosystem, name: &str) -> Option<usize> {
        let norm = normalize_package(eco, name);
        if let Some(&i) = self.packages.get(&(eco, norm.clone())) {
            return Some(i);
        }
        match eco {
            Ecosystem::Maven => {
                let group = norm.split(':').next().unwrap_or("");
                self.maven_groups.get(group).copied()
            }
            // Go modules: a sub-module or a major-version suffix of a listed module path.
            Ecosystem::Go => self.import(Lang::Go, name),
            _ => None,
        }
    }

    /// An import path in `lang`: the longest listed prefix at a path boundary.
    pub fn import(&self, lang: Lang, spec: &str) -> Option<usize> {
        let spec = spec.trim();
        let spec = spec.strip_prefix("npm:").unwrap_or(spec);
        if spec.is_empty() || spec.starts_with('.') && lang == Lang::Js {
            return None;
        }
        let norm = normalize_import(lang, spec);
        let sep = lang.separator();
        let mut cut = norm.as_str();
        loop {
            if let Some(&i) = self.imports.get(&(lang, cut.to_string())) {
                return Some(i);
            }
            match cut.rfind(sep) {
                Some(pos) if pos > 0 => cut = &cut[..pos],
                _ => return None,
            }
        }
    }

    /// A host name (lowercase) found in code or config.
    pub fn host(&self, host: &str) -> Option<usize> {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        if let Some(&i) = self.hosts.get(&host) {
            return Some(i);
        }
        let mut rest = host.as_str();
        while let Some(pos) = rest.find('.') {
            rest = &rest[pos + 1..];
            if let Some(&i) = self.wildcard_hosts.get(rest) {
                return Some(i);
            }
        }
        None
    }

    /// An env var name read by code or listed in an env file.
    pub fn env(&self, name: &str) -> Option<usize> {
        let mut candidates = vec![name];
        for p in PUBLIC_ENV_PREFIXES {
            if let Some(rest) = name.strip_prefix(p) {
                candidates.push(rest);
            }
        }
        for c in &candidates {
            if let Some(&i) = self.env.get(*c) {
                return Some(i);
            }
        }
        for c in &candidates {
            for (prefix, i) in &self.env_prefixes {
                if c.starts_with(prefix.as_str()) && c.len() > prefix.len() {
                    return Some(*i);
                }
            }
        }
        None
    }

    /// A script or pixel URL: the longest listed prefix.
    pub fn script(&self, url: &str) -> Option<usize> {
        let u = strip_scheme(url).to_ascii_lowercase();
        self.scripts
            .iter()
            .find(|(prefix, _)| u.starts_with(prefix.as_str()))
            .map(|&(_, i)| i)
    }
}

pub fn strip_scheme(url: &str) -> &str {
    let u = url.trim();
    let u = match u.find("://") {
        Some(pos) if pos <= 6 => &u[pos + 3..],
        _ => u,
    };
    u.trim_start_matches("//")
}

#[cfg(test)]
mod tests {
    use crate::Catalog;

    #[test]
    fn short_literals_count_only_as_words() {
        let c = Catalog::load(None).unwrap();
        let ix = &c.index;
        // `pay`, `lob` and `segment` are catalog package names; inside words they are nothing.
        assert!(!ix.mentions_any("total = payment.amount + global.segments[0]"));
        assert!(ix.mentions_any("gem 'pay', '~> 7.0'"));
        assert!(ix.mentions_any("const client = new StripeClient(key)"));
        assert!(ix.mentions_any("key := os.Getenv(\"STRIPE_SECRET_KEY\")"));
        assert!(ix.mentions_any("from google.cloud import storage"));
    }
}
