//! `privacy.toml`: the declared policy model. Parsed in two phases, as cargo-deny does: spanned
//! TOML that rejects unknown keys, then validation against the catalog (ids, kinds, categories,
//! check ids). Every error carries a byte span so it is reported with file, line, column and caret.

use crate::catalog::{Catalog, COOKIE_CATEGORIES, KINDS};
use crate::fact::Severity;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPolicy {
    version: Spanned<i64>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    document: Option<Spanned<String>>,
    #[serde(default)]
    data: Option<RawData>,
    #[serde(default)]
    processors: BTreeMap<Spanned<String>, RawProcessor>,
    #[serde(default)]
    cookies: Option<RawCookies>,
    #[serde(default)]
    claims: Option<RawClaims>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    scan: Option<RawScan>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawData {
    #[serde(default)]
    categories: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProcessor {
    #[serde(default)]
    kind: Option<Spanned<String>>,
    #[serde(default)]
    purpose: Option<String>,
    #[serde(default)]
    categories: Vec<Spanned<String>>,
    #[serde(default)]
    examples: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCookies {
    #[serde(default)]
    allow: Vec<Spanned<String>>,
    #[serde(default)]
    declared: Vec<RawCookieDecl>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCookieDecl {
    name: Spanned<String>,
    category: Spanned<String>,
    #[serde(default)]
    purpose: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaims {
    #[serde(default)]
    no_card_storage: bool,
    #[serde(default)]
    password_hashing: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    no_tracking: bool,
    #[serde(default)]
    no_ai_training: bool,
    #[serde(default)]
    max_signed_url_ttl: Option<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScan {
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
}

/// What a `[processors.<key>]` table declares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeclTarget {
    /// A catalog processor, by index.
    Processor(usize),
    /// Every catalog processor of this kind.
    Kind(String),
}

#[derive(Debug, Clone)]
pub struct ProcessorDecl {
    pub key: String,
    pub span: Range<usize>,
    pub target: DeclTarget,
    pub purpose: Option<String>,
    pub categories: Vec<String>,
    /// Vendors the policy text names for a kind declaration (indices into the catalog).
    pub examples: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct CookieDecl {
    pub name: String,
    pub category: String,
    pub span: Range<usize>,
    pub glob: globset::GlobMatcher,
}

#[derive(Debug, Clone, Default)]
pub struct Claims {
    pub no_card_storage: bool,
    pub password_hashing: Option<Vec<String>>,
    pub no_tracking: bool,
    pub no_ai_training: bool,
    /// Seconds.
    pub max_signed_url_ttl: Option<u64>,
}

#[derive(Debug, Clone)]
pub struct Policy {
    /// Path as given or found, used to read the file.
    pub path: PathBuf,
    /// Path shown in findings: relative to the scanned root when inside it.
    pub display_path: String,
    pub text: String,
    pub name: Option<String>,
    pub document: Option<(String, Range<usize>)>,
    pub categories: Vec<(String, Range<usize>)>,
    pub processors: Vec<ProcessorDecl>,
    pub cookie_allow: Vec<String>,
    pub cookies: Vec<CookieDecl>,
    pub claims: Claims,
    pub rules: BTreeMap<String, Severity>,
    pub exclude: Vec<String>,
}

/// A policy that could not be read or is invalid: reported rustc-style, exit 2.
#[derive(Debug, Clone)]
pub struct PolicyError(pub Box<PolicyErrorInner>);

#[derive(Debug, Clone)]
pub struct PolicyErrorInner {
    pub path: String,
    pub text: String,
    pub span: Option<Range<usize>>,
    pub message: String,
    pub label: String,
    pub help: Option<String>,
}

impl std::ops::Deref for PolicyError {
    type Target = PolicyErrorInner;
    fn deref(&self) -> &PolicyErrorInner {
        &self.0
    }
}

impl std::ops::DerefMut for PolicyError {
    fn deref_mut(&mut self) -> &mut PolicyErrorInner {
        &mut self.0
    }
}

impl PolicyError {
    fn at(p: &Path, text: &str, span: Range<usize>, message: String) -> PolicyError {
        PolicyError(Box::new(PolicyErrorInner {
            path: p.display().to_string(),
            text: text.to_string(),
            span: Some(span),
            message,
            label: String::new(),
            help: None,
        }))
    }

    fn label(mut self, l: impl Into<String>) -> Self {
        self.label = l.into();
        self
    }

    fn help(mut self, h: Option<String>) -> Self {
        self.help = h;
        self
    }

    /// 1-based line and column of the error, if it has a location.
    pub fn line_col(&self) -> Option<(usize, usize)> {
        let span = self.span.as_ref()?;
        Some(crate::text::line_col(&self.text, span.start))
    }

    /// Render as a rustc-style diagnostic (ariadne) with a caret under the offending text.
    pub fn render(&self, color: bool) -> String {
        use ariadne::{Config, Label, Report, ReportKind, Source};
        let Some(span) = self.span.clone() else {
            let mut s = format!("error: {}: {}\n", self.path, self.message);
            if let Some(h) = &self.help {
                s.push_str(&format!("  = help: {h}\n"));
            }
            return s;
        };
        let (line, col) = self.line_col().unwrap_or((1, 1));
        let mut out = format!(
            "error: {}\n  --> {}:{}:{}\n",
            self.message, self.path, line, col
        );
        // ariadne works in char offsets.
        let start = self.text[..span.start.min(self.text.len())].chars().count();
        let end_byte = span.end.clamp(span.start, self.text.len());
        let end = start
            + self.text[span.start.min(self.text.len())..end_byte]
                .chars()
                .count()
                .max(1);
        let id = self.path.as_str();
        let label = if self.label.is_empty() {
            self.message.clone()
        } else {
            self.label.clone()
        };
        let mut report = Report::build(ReportKind::Error, (id, start..end))
            .with_config(Config::default().with_color(color))
            .with_message(&self.message)
            .with_label(Label::new((id, start..end)).with_message(label));
        if let Some(h) = &self.help {
            report = report.with_help(h);
        }
        let mut buf = Vec::new();
        if report
            .finish()
            .write((id, Source::from(self.text.as_str())), &mut buf)
            .is_ok()
        {
            out = String::from_utf8_lossy(&buf).into_owned();
        }
        out
    }
}

impl std::fmt::Display for PolicyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line_col() {
            Some((l, c)) => write!(f, "{}:{}:{}: {}", self.path, l, c, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// The closest candidate to `word`, if it is close enough to be a plausible typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let w = word.to_ascii_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&w, &c.to_ascii_lowercase()), c))
        .filter(|(score, _)| *score >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c.to_string())
}

const TOP_KEYS: &[&str] = &[
    "version",
    "name",
    "document",
    "data",
    "processors",
    "cookies",
    "claims",
    "rules",
    "scan",
];

/// Find `privacy.toml` in `start` or its ancestors.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let start = if start.is_file() {
        start.parent()?.to_path_buf()
    } else {
        start.to_path_buf()
    };
    let abs = std::fs::canonicalize(&start).unwrap_or(start);
    abs.ancestors()
        .map(|d| d.join("privacy.toml"))
        .find(|p| p.is_file())
}

fn parse_duration(s: &str) -> Option<u64> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit())?;
    let (n, unit) = s.split_at(split);
    let n: u64 = n.parse().ok()?;
    let mult = match unit.trim() {
        "s" | "sec" | "secs" | "second" | "seconds" => 1,
        "m" | "min" | "mins" | "minute" | "minutes" => 60,
        "h" | "hr" | "hour" | "hours" => 3600,
        "d" | "day" | "days" => 86400,
        "w" | "week" | "weeks" => 604800,
        _ => return None,
    };
    Some(n * mult)
}

/// Turn a serde error about an unknown field into a diagnostic with "did you mean".
fn toml_error(path: &Path, text: &str, e: toml::de::Error) -> PolicyError {
    let msg = e.message().to_string();
    let span = e.span().unwrap_or(0..0);
    let re = regex::Regex::new(r"unknown field `([^`]*)`, expected (?:one of )?(.*)").unwrap();
    if let Some(c) = re.captures(&msg) {
        let field = c[1].to_string();
        let expected: Vec<String> = c[2]
            .split(',')
            .map(|s| {
                s.trim()
                    .trim_matches('`')
                    .trim_start_matches("or ")
                    .trim_matches('`')
                    .to_string()
            })
            .filter(|s| !s.is_empty())
            .collect();
        let help = did_you_mean(&field, expected.iter().map(|s| s.as_str()))
            .map(|d| format!("did you mean `{d}`?"))
            .or_else(|| Some(format!("expected one of: {}", expected.join(", "))));
        // Point at the key itself, not the whole table.
        let key_span = text[span.clone()]
            .find(&field)
            .map(|off| span.start + off..span.start + off + field.len())
            .unwrap_or(span);
        return PolicyError::at(
            path,
            text,
            key_span,
            format!("unknown key `{field}` in privacy.toml"),
        )
        .label("unknown key")
        .help(help);
    }
    PolicyError::at(path, text, span, format!("invalid privacy.toml: {msg}")).label(msg)
}

impl Policy {
    /// Read and validate a policy. `root` is the scanned directory, for display paths.
    pub fn load(path: &Path, root: &Path, catalog: &Catalog) -> Result<Policy, PolicyError> {
        let bytes = std::fs::read(path).map_err(|e| {
            PolicyError(Box::new(PolicyErrorInner {
                path: path.display().to_string(),
                text: String::new(),
                span: None,
                message: format!("cannot read policy: {e}"),
                label: String::new(),
                help: Some("pass --policy FILE, or run `privlint init` to write one".into()),
            }))
        })?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let display_path = crate::walk::display_path(path, root);
        // Errors name the file as the user can open it; findings use the root-relative path.
        let cwd = std::env::current_dir()
            .ok()
            .and_then(|c| std::fs::canonicalize(c).ok());
        let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let shown = cwd
            .as_deref()
            .and_then(|c| abs.strip_prefix(c).ok())
            .unwrap_or(path);
        let mut policy = Self::parse(&text, shown, catalog)?;
        policy.path = path.to_path_buf();
        policy.display_path = display_path;
        Ok(policy)
    }

    /// Parse and validate policy text; `path` is used in messages only.
    pub fn parse(text: &str, path: &Path, catalog: &Catalog) -> Result<Policy, PolicyError> {
        let raw: RawPolicy = toml::from_str(text).map_err(|e| {
            let mut err = toml_error(path, text, e);
            if err.message.contains("unknown key") {
                if let Some(span) = &err.span {
                    let key = &text[span.clone()];
                    if let Some(d) = did_you_mean(key, TOP_KEYS.iter().copied()) {
                        err.help = Some(format!("did you mean `{d}`?"));
                    }
                }
            }
            err
        })?;
        let err = |span: Range<usize>, msg: String| PolicyError::at(path, text, span, msg);
        if *raw.version.get_ref() != 1 {
            return Err(err(raw.version.span(), "unsupported policy version".into())
                .label("privlint understands version = 1")
                .help(Some("set `version = 1`".into())));
        }
        let check_category = |c: &Spanned<String>| -> Result<String, PolicyError> {
            let key = c.get_ref();
            if catalog.is_category(key) {
                return Ok(key.clone());
            }
            let keys = catalog.category_keys();
            Err(err(c.span(), format!("unknown data category `{key}`"))
                .label("not a fideslang category")
                .help(Some(match did_you_mean(key, keys.iter().copied()) {
                    Some(d) => format!("did you mean `{d}`?"),
                    None => "see `privlint rules` for the category keys".into(),
                })))
        };
        let mut categories = Vec::new();
        if let Some(d) = &raw.data {
            for c in &d.categories {
                categories.push((check_category(c)?, c.span()));
            }
        }
        let mut processors = Vec::new();
        for (key, p) in &raw.processors {
            let key_span = key_span(text, key);
            let target = if let Some(kind) = &p.kind {
                if !KINDS.contains(&kind.get_ref().as_str()) {
                    return Err(err(
                        kind.span(),
                        format!("unknown processor kind `{}`", kind.get_ref()),
                    )
                    .label("not a processor kind")
                    .help(Some(
                        match did_you_mean(kind.get_ref(), KINDS.iter().copied()) {
                            Some(d) => format!("did you mean `{d}`?"),
                            None => format!("kinds are: {}", KINDS.join(", ")),
                        },
                    )));
                }
                DeclTarget::Kind(kind.get_ref().clone())
            } else if let Some(i) = catalog.resolve_processor_key(key.get_ref()) {
                DeclTarget::Processor(i)
            } else {
                let ids = catalog.processors.iter().map(|p| p.id.as_str());
                return Err(err(key_span, format!("unknown processor `{}`", key.get_ref()))
                    .label("no catalog entry has this id or alias")
                    .help(Some(match did_you_mean(key.get_ref(), ids) {
                        Some(d) => format!("did you mean `{d}`? (or set `kind = \"...\"` to declare a kind of recipient)"),
                        None => "use an id from `privlint rules`, or set `kind = \"...\"` and list the vendors in `examples`".into(),
                    })));
            };
            let mut cats = Vec::new();
            for c in &p.categories {
                cats.push(check_category(c)?);
            }
            let mut examples = Vec::new();
            for ex in &p.examples {
                match catalog.resolve_processor_key(ex.get_ref()) {
                    Some(i) => examples.push(i),
                    None => {
                        let ids = catalog.processors.iter().map(|p| p.id.as_str());
                        return Err(err(
                            ex.span(),
                            format!("unknown processor `{}` in examples", ex.get_ref()),
                        )
                        .label("no catalog entry has this id or alias")
                        .help(
                            did_you_mean(ex.get_ref(), ids).map(|d| format!("did you mean `{d}`?")),
                        ));
                    }
                }
            }
            processors.push(ProcessorDecl {
                key: key.get_ref().clone(),
                span: key_span,
                target,
                purpose: p.purpose.clone(),
                categories: cats,
                examples,
            });
        }
        processors.sort_by_key(|p| p.span.start);
        let mut cookie_allow = Vec::new();
        let mut cookies = Vec::new();
        if let Some(c) = &raw.cookies {
            for a in &c.allow {
                if !COOKIE_CATEGORIES.contains(&a.get_ref().as_str()) {
                    return Err(err(
                        a.span(),
                        format!("unknown cookie category `{}`", a.get_ref()),
                    )
                    .label("not a cookie category")
                    .help(Some(format!(
                        "categories are: {}",
                        COOKIE_CATEGORIES.join(", ")
                    ))));
                }
                cookie_allow.push(a.get_ref().clone());
            }
            for d in &c.declared {
                if !COOKIE_CATEGORIES.contains(&d.category.get_ref().as_str()) {
                    return Err(err(
                        d.category.span(),
                        format!("unknown cookie category `{}`", d.category.get_ref()),
                    )
                    .label("not a cookie category")
                    .help(Some(format!(
                        "categories are: {}",
                        COOKIE_CATEGORIES.join(", ")
                    ))));
                }
                let glob = globset::GlobBuilder::new(d.name.get_ref())
                    .literal_separator(false)
                    .build()
                    .map_err(|e| err(d.name.span(), format!("invalid cookie glob: {e}")))?
                    .compile_matcher();
                let _ = &d.purpose;
                cookies.push(CookieDecl {
                    name: d.name.get_ref().clone(),
                    category: d.category.get_ref().clone(),
                    span: d.name.span(),
                    glob,
                });
            }
        }
        let mut claims = Claims::default();
        if let Some(c) = &raw.claims {
            claims.no_card_storage = c.no_card_storage;
            claims.no_tracking = c.no_tracking;
            claims.no_ai_training = c.no_ai_training;
            claims.password_hashing = c
                .password_hashing
                .as_ref()
                .map(|v| v.iter().map(|s| s.get_ref().to_ascii_lowercase()).collect());
            if let Some(ttl) = &c.max_signed_url_ttl {
                claims.max_signed_url_ttl =
                    Some(parse_duration(ttl.get_ref()).ok_or_else(|| {
                        err(ttl.span(), format!("invalid duration `{}`", ttl.get_ref()))
                            .label("expected a number and a unit")
                            .help(Some("write e.g. \"15m\", \"1h\" or \"7d\"".into()))
                    })?);
            }
        }
        let mut rules = BTreeMap::new();
        for (id, sev) in &raw.rules {
            let known = crate::checks::ALL.iter().map(|c| c.id);
            if !crate::checks::ALL.iter().any(|c| c.id == id.get_ref()) {
                let help =
                    did_you_mean(id.get_ref(), known).map(|d| format!("did you mean `{d}`?"));
                return Err(err(
                    key_span(text, id),
                    format!("unknown check `{}` in [rules]", id.get_ref()),
                )
                .label("no such check")
                .help(help.or(Some("see `privlint rules` for the check ids".into()))));
            }
            let s = Severity::parse(sev.get_ref()).ok_or_else(|| {
                err(sev.span(), format!("unknown severity `{}`", sev.get_ref()))
                    .label("expected error, warning, note or off")
            })?;
            rules.insert(id.get_ref().clone(), s);
        }
        let exclude = raw
            .scan
            .as_ref()
            .map(|s| s.exclude.iter().map(|e| e.get_ref().clone()).collect())
            .unwrap_or_default();
        Ok(Policy {
            path: path.to_path_buf(),
            display_path: path.display().to_string().replace('\\', "/"),
            text: text.to_string(),
            name: raw.name.clone(),
            document: raw
                .document
                .as_ref()
                .map(|d| (d.get_ref().clone(), d.span())),
            categories,
            processors,
            cookie_allow,
            cookies,
            claims,
            rules,
            exclude,
        })
    }

    /// Whether `category` is covered by `[data]` (a declared key covers its children).
    pub fn covers_category(&self, category: &str) -> bool {
        self.categories
            .iter()
            .any(|(c, _)| category_covers(c, category))
    }

    /// The declarations that cover catalog processor `idx`.
    pub fn declarations_for<'a>(
        &'a self,
        idx: usize,
        catalog: &'a Catalog,
    ) -> impl Iterator<Item = &'a ProcessorDecl> + 'a {
        let kind = catalog.processors[idx].kind.as_str();
        self.processors.iter().filter(move |d| match &d.target {
            DeclTarget::Processor(i) => *i == idx,
            DeclTarget::Kind(k) => k == kind,
        })
    }

    /// The effective severity of a check.
    pub fn severity(&self, id: &str, default: Severity) -> Severity {
        self.rules.get(id).copied().unwrap_or(default)
    }
}

/// `parent` covers `child` when equal or an ancestor in the dotted taxonomy.
pub fn category_covers(parent: &str, child: &str) -> bool {
    child == parent
        || (child.starts_with(parent) && child.as_bytes().get(parent.len()) == Some(&b'.'))
}

/// The span of a table key: toml gives spanned keys, but fall back to a text search.
fn key_span(text: &str, key: &Spanned<String>) -> Range<usize> {
    let span = key.span();
    if span.end > span.start && span.end <= text.len() {
        return span;
    }
    let k = key.get_ref();
    text.find(k.as_str())
        .map(|s| s..s + k.len())
        .unwrap_or(0..0)
}
