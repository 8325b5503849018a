//! The catalog: processors, data types and cookies, loaded from `rules/` (embedded at build time)
//! plus any `--rules DIR` the user adds. Entries are data; this module only parses and indexes them.

pub mod data;
pub mod matcher;

use include_dir::{include_dir, Dir};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/rules");

/// One example snippet that a processor entry must (or must not) be found in.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeExample {
    pub path: String,
    pub code: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
pub struct Examples<T> {
    #[serde(default, rename = "match")]
    pub matches: Vec<T>,
    #[serde(default)]
    pub no_match: Vec<T>,
}

impl<T> Default for Examples<T> {
    fn default() -> Self {
        Examples {
            matches: Vec::new(),
            no_match: Vec::new(),
        }
    }
}

/// Package names per ecosystem.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Packages {
    #[serde(default)]
    pub npm: Vec<String>,
    #[serde(default)]
    pub pypi: Vec<String>,
    #[serde(default)]
    pub cargo: Vec<String>,
    #[serde(default)]
    pub go: Vec<String>,
    #[serde(default)]
    pub gem: Vec<String>,
    #[serde(default)]
    pub maven: Vec<String>,
    #[serde(default)]
    pub composer: Vec<String>,
    #[serde(default)]
    pub nuget: Vec<String>,
}

/// Import paths per language, where they differ from package names.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Imports {
    #[serde(default)]
    pub js: Vec<String>,
    #[serde(default)]
    pub python: Vec<String>,
    #[serde(default)]
    pub ruby: Vec<String>,
    #[serde(default)]
    pub java: Vec<String>,
    #[serde(default)]
    pub php: Vec<String>,
    #[serde(default)]
    pub csharp: Vec<String>,
    #[serde(default)]
    pub rust: Vec<String>,
    #[serde(default)]
    pub go: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Processor {
    pub id: String,
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub packages: Packages,
    #[serde(default)]
    pub imports: Imports,
    #[serde(default)]
    pub hosts: Vec<String>,
    #[serde(default)]
    pub env: Vec<String>,
    #[serde(default)]
    pub scripts: Vec<String>,
    #[serde(default)]
    pub examples: Examples<CodeExample>,
    /// Where the entry came from (`rules/processors/stripe.toml`), for error messages.
    #[serde(skip)]
    pub source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CookieDef {
    pub name: String,
    pub category: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CookieVendor {
    pub vendor: String,
    #[serde(default)]
    pub processor: Option<String>,
    pub cookies: Vec<CookieDef>,
    #[serde(default)]
    pub examples: Examples<String>,
    #[serde(skip)]
    pub source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataType {
    pub id: String,
    pub name: String,
    pub category: String,
    pub patterns: Vec<String>,
    /// Patterns that name the data only as the whole identifier: `name`, not `discount_name`.
    #[serde(default)]
    pub whole: Vec<String>,
    #[serde(default)]
    pub exclude: Vec<String>,
    #[serde(default)]
    pub card: bool,
    #[serde(default)]
    pub examples: Examples<String>,
    #[serde(skip)]
    pub source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaxonomyEntry {
    pub key: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TaxonomyFile {
    #[serde(default)]
    category: Vec<TaxonomyEntry>,
}

/// The processor kinds a policy may declare with `kind = "..."`.
pub const KINDS: &[&str] = &[
    "payments",
    "email-delivery",
    "email-marketing",
    "sms",
    "push",
    "analytics",
    "advertising",
    "session-replay",
    "error-tracking",
    "monitoring",
    "logging",
    "ai",
    "auth",
    "storage",
    "database",
    "hosting",
    "cdn",
    "video",
    "maps",
    "crm",
    "support",
    "search",
    "feature-flags",
    "captcha",
    "messaging",
    "scheduling",
    "documents",
    "forms",
    "productivity",
    "moderation",
];

pub const COOKIE_CATEGORIES: &[&str] = &["essential", "functional", "analytics", "advertising"];

/// The loaded catalog with its lookup indices.
#[derive(Debug)]
pub struct Catalog {
    pub processors: Vec<Processor>,
    pub cookies: Vec<CookieVendor>,
    pub data: Vec<DataType>,
    pub taxonomy: Vec<TaxonomyEntry>,
    pub index: matcher::Index,
    pub data_index: data::DataIndex,
}

#[derive(Debug)]
pub struct CatalogError {
    pub source: String,
    pub message: String,
}

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.source, self.message)
    }
}

struct RawFiles {
    /// (relative path inside the rules dir, contents)
    files: Vec<(String, String)>,
}

fn embedded_files() -> RawFiles {
    let mut files = Vec::new();
    fn walk(dir: &Dir<'static>, out: &mut Vec<(String, String)>) {
        for f in dir.files() {
            if f.path().extension().is_some_and(|e| e == "toml") {
                let text = String::from_utf8_lossy(f.contents()).into_owned();
                out.push((f.path().to_string_lossy().replace('\\', "/"), text));
            }
        }
        for d in dir.dirs() {
            walk(d, out);
        }
    }
    walk(&EMBEDDED, &mut files);
    files.sort();
    RawFiles { files }
}

fn dir_files(root: &Path) -> Result<RawFiles, CatalogError> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(root).follow_links(false) {
        let entry = entry.map_err(|e| CatalogError {
            source: root.display().to_string(),
            message: e.to_string(),
        })?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "toml") {
            let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
            let text = std::fs::read_to_string(entry.path()).map_err(|e| CatalogError {
                source: entry.path().display().to_string(),
                message: e.to_string(),
            })?;
            files.push((rel.to_string_lossy().replace('\\', "/"), text));
        }
    }
    files.sort();
    Ok(RawFiles { files })
}

impl Catalog {
    /// The embedded catalog, plus the entries of `extra` (a `--rules DIR`), which override
    /// embedded entries with the same id.
    pub fn load(extra: Option<&Path>) -> Result<Catalog, CatalogError> {
        let mut sets = vec![("rules".to_string(), embedded_files())];
        if let Some(dir) = extra {
            sets.push((dir.display().to_string(), dir_files(dir)?));
        }
        let mut processors: BTreeMap<String, Processor> = BTreeMap::new();
        let mut cookies: Vec<CookieVendor> = Vec::new();
        let mut data: BTreeMap<String, DataType> = BTreeMap::new();
        let mut taxonomy: BTreeMap<String, TaxonomyEntry> = BTreeMap::new();
        for (root, set) in sets {
            for (rel, text) in set.files {
                let source = format!("{root}/{rel}");
                let err = |e: toml::de::Error| CatalogError {
                    source: source.clone(),
                    message: e.to_string(),
                };
                if rel.starts_with("processors/") {
                    let mut p: Processor = toml::from_str(&text).map_err(err)?;
                    p.source = source.clone();
                    processors.insert(p.id.clone(), p);
                } else if rel.starts_with("cookies/") {
                    let mut c: CookieVendor = toml::from_str(&text).map_err(err)?;
                    c.source = source.clone();
                    cookies.retain(|o| o.vendor != c.vendor);
                    cookies.push(c);
                } else if rel.starts_with("data/") {
                    let mut d: DataType = toml::from_str(&text).map_err(err)?;
                    d.source = source.clone();
                    data.insert(d.id.clone(), d);
                } else if rel == "taxonomy.toml" {
                    let t: TaxonomyFile = toml::from_str(&text).map_err(err)?;
                    for e in t.category {
                        taxonomy.insert(e.key.clone(), e);
                    }
                }
            }
        }
        let processors: Vec<Processor> = processors.into_values().collect();
        let data: Vec<DataType> = data.into_values().collect();
        let taxonomy: Vec<TaxonomyEntry> = taxonomy.into_values().collect();
        let catalog_err = |source: &str, message: String| CatalogError {
            source: source.to_string(),
            message,
        };
        for p in &processors {
            if !KINDS.contains(&p.kind.as_str()) {
                return Err(catalog_err(&p.source, format!("unknown kind `{}`", p.kind)));
            }
        }
        for c in &cookies {
            for d in &c.cookies {
                if !COOKIE_CATEGORIES.contains(&d.category.as_str()) {
                    return Err(catalog_err(
                        &c.source,
                        format!("cookie `{}`: unknown category `{}`", d.name, d.category),
                    ));
                }
            }
        }
        let index = matcher::Index::build(&processors);
        let data_index = data::DataIndex::build(&data);
        Ok(Catalog {
            processors,
            cookies,
            data,
            taxonomy,
            index,
            data_index,
        })
    }

    pub fn processor(&self, id: &str) -> Option<&Processor> {
        self.index.by_id.get(id).map(|&i| &self.processors[i])
    }

    /// Resolve a policy key (an id or alias, compared case-, space-, `-`- and `_`-insensitively).
    pub fn resolve_processor_key(&self, key: &str) -> Option<usize> {
        let norm = normalize_name(key);
        self.index.by_name.get(&norm).copied()
    }

    /// Whether `key` is a known data category (or the catalog has no taxonomy to check against).
    pub fn is_category(&self, key: &str) -> bool {
        self.taxonomy.is_empty()
            || self.taxonomy.iter().any(|t| t.key == key)
            || self.data.iter().any(|d| d.category == key)
    }

    pub fn category_keys(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.taxonomy.iter().map(|t| t.key.as_str()).collect();
        v.extend(self.data.iter().map(|d| d.category.as_str()));
        v.sort();
        v.dedup();
        v
    }
}

/// Lowercase, with spaces, `-`, `_` and `.` removed: how names are compared across policy and catalog.
pub fn normalize_name(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '.' | ','))
        .flat_map(|c| c.to_lowercase())
        .collect()
}

impl Catalog {
    /// The catalog cookie a name resolves to: an exact name beats a glob, and among globs the
    /// one with the longest literal part wins. A computed name (`sb-*-auth-token`) matches a
    /// definition with the same shape.
    pub fn cookie(&self, name: &str) -> Option<(&CookieVendor, &CookieDef)> {
        let mut best: Option<(usize, &CookieVendor, &CookieDef)> = None;
        for v in &self.cookies {
            for d in &v.cookies {
                let score = if d.name == name {
                    usize::MAX
                } else if d.name.contains('*') && glob_match(&d.name, &name.replace('*', "x")) {
                    d.name.len() - d.name.matches('*').count()
                } else {
                    continue;
                };
                if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                    best = Some((score, v, d));
                }
            }
        }
        best.map(|(_, v, d)| (v, d))
    }
}

/// `*`-only glob matching (cookie names never contain path separators).
pub fn glob_match(pattern: &str, s: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == s;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !s.starts_with(first)
        || !s[first.len()..].ends_with(last)
        || s.len() < first.len() + last.len()
    {
        return false;
    }
    let mut rest = &s[first.len()..s.len() - last.len()];
    for mid in &parts[1..parts.len() - 1] {
        match rest.find(mid) {
            Some(p) => rest = &rest[p + mid.len()..],
            None => return false,
        }
    }
    true
}
