//! Extraction: one module per source kind. Each extractor reads one file and reports what it
//! sees (imports, string literals, env reads, dependencies, fields, cookies) to a [`FileCtx`],
//! which resolves them against the catalog into facts. Extractors never see the policy.

pub mod behavior;
pub mod generic;
pub mod html;
pub mod js;
pub mod manifest;
pub mod rust;
pub mod schema;
pub mod treesitter;
pub mod umbrella;

use crate::catalog::matcher::{Ecosystem, Lang};
use crate::catalog::Catalog;
use crate::fact::{
    CookieSet, DataField, EvidenceKind, FileFacts, FileIssue, Location, ProcessorUse, Suppression,
};
use crate::text::{snippet, LineIndex};
use std::ops::Range;
use std::sync::OnceLock;

/// The kind of a file, decided by name and extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Js,
    /// Vue / Svelte / Astro single-file components: script blocks + template.
    Component,
    Python,
    Go,
    Ruby,
    Java,
    Php,
    Rust,
    /// C#, Kotlin, Swift, Dart, Scala...: a generic C-like lexer.
    CLike,
    Html,
    Sql,
    Prisma,
    GraphQl,
    Proto,
    Manifest(manifest::ManifestKind),
    EnvFile,
    /// YAML, JSON, TOML, INI and other config: hosts and env names in values.
    Config,
}

pub fn classify(rel: &str) -> Option<FileKind> {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let lower = name.to_ascii_lowercase();
    if let Some(m) = manifest::ManifestKind::from_name(&lower) {
        return Some(FileKind::Manifest(m));
    }
    if lower == ".env" || lower.starts_with(".env.") || lower.ends_with(".env") {
        return Some(FileKind::EnvFile);
    }
    if lower.ends_with(".blade.php") {
        return Some(FileKind::Html);
    }
    let ext = lower.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    Some(match ext {
        "js" | "jsx" | "mjs" | "cjs" | "ts" | "tsx" | "mts" | "cts" => FileKind::Js,
        "vue" | "svelte" | "astro" => FileKind::Component,
        "py" | "pyi" => FileKind::Python,
        "go" => FileKind::Go,
        "rb" | "rake" | "gemspec" | "ru" => FileKind::Ruby,
        "java" => FileKind::Java,
        "php" => FileKind::Php,
        "rs" => FileKind::Rust,
        "cs" | "kt" | "kts" | "swift" | "dart" | "scala" | "groovy" | "ex" | "exs" | "c" | "cc"
        | "cpp" | "h" | "hpp" | "m" | "mm" => FileKind::CLike,
        "html" | "htm" | "erb" | "ejs" | "hbs" | "handlebars" | "njk" | "jinja" | "jinja2"
        | "j2" | "liquid" | "twig" | "tmpl" | "gohtml" | "mustache" | "haml" | "slim"
        | "cshtml" | "razor" => FileKind::Html,
        "sql" => FileKind::Sql,
        "prisma" => FileKind::Prisma,
        "graphql" | "graphqls" | "gql" => FileKind::GraphQl,
        "proto" => FileKind::Proto,
        "yml" | "yaml" | "json" | "toml" | "ini" | "cfg" | "conf" | "properties" | "tf"
        | "tfvars" | "hcl" | "xml" | "plist" => FileKind::Config,
        _ => return None,
    })
}

/// Collects one file's facts, resolving raw observations against the catalog.
pub struct FileCtx<'a> {
    /// Byte ranges of every comment, so later passes read code only.
    pub comments: Vec<Range<usize>>,
    pub rel: &'a str,
    pub text: &'a str,
    pub catalog: &'a Catalog,
    pub lines: LineIndex,
    pub out: FileFacts,
}

impl<'a> FileCtx<'a> {
    pub fn new(rel: &'a str, text: &'a str, catalog: &'a Catalog) -> FileCtx<'a> {
        FileCtx {
            comments: Vec::new(),
            rel,
            text,
            catalog,
            lines: LineIndex::new(text),
            out: FileFacts {
                bytes: text.len(),
                ..FileFacts::default()
            },
        }
    }

    pub fn loc(&self, span: Range<usize>) -> Location {
        let (line, column) = self.lines.line_col(self.text, span.start);
        let (end_line, end_column) = self.lines.line_col(self.text, span.end.max(span.start));
        Location {
            path: self.rel.to_string(),
            line,
            column,
            end_line,
            end_column,
        }
    }

    pub fn snippet_at(&self, line: usize) -> String {
        snippet(self.lines.line_text(self.text, line))
    }

    fn push_use(
        &mut self,
        processor: usize,
        kind: EvidenceKind,
        matched: &str,
        span: Range<usize>,
    ) {
        let loc = self.loc(span);
        let snippet = self.snippet_at(loc.line);
        self.out.uses.push(ProcessorUse {
            loc,
            processor,
            kind,
            matched: matched.to_string(),
            snippet,
        });
    }

    /// Evidence of a catalog processor named by id (for call shapes the catalog cannot express).
    pub fn use_of(&mut self, id: &str, kind: EvidenceKind, span: Range<usize>) {
        if let Some(&p) = self.catalog.index.by_id.get(id) {
            let matched = self.text.get(span.clone()).unwrap_or("").to_string();
            self.push_use(p, kind, &matched, span);
        }
    }

    /// Personal data read in a call's argument text `args` (byte range), sent to `processor`.
    pub fn flows_in(&mut self, processor: usize, args: Range<usize>) {
        let text = self.text;
        let mut seen = std::collections::BTreeSet::new();
        for (ident, off) in behavior::arg_identifiers(text, args) {
            let Some(dt) = behavior::data_value(self, text, &ident, off) else {
                continue;
            };
            // The vendor's own API key passed to its client is not the user's data, nor is a
            // token presented in an `Authorization: Bearer ...` header: that authenticates.
            let d = &self.catalog.data[dt];
            if d.id == "api-key"
                || d.category == "user.authorization.credentials" && is_auth_header_line(text, off)
                || !seen.insert(dt)
            {
                continue;
            }
            let loc = self.loc(off..off + ident.len());
            let snippet = self.snippet_at(loc.line);
            self.out.behaviors.push(crate::fact::Behavior {
                loc,
                kind: crate::fact::BehaviorKind::Flow,
                detail: ident,
                value: processor as u64,
                data_type: Some(dt),
                snippet,
            });
        }
    }

    /// An import / require / use of `spec` in `lang`.
    pub fn import(&mut self, lang: Lang, spec: &str, span: Range<usize>) {
        if let Some(p) = self.catalog.index.import(lang, spec) {
            self.push_use(p, EvidenceKind::Import, spec, span);
        }
    }

    /// A dependency in a manifest; dev-only dependencies are not uses.
    pub fn package(&mut self, eco: Ecosystem, name: &str, dev: bool, span: Range<usize>) {
        if dev {
            return;
        }
        if let Some(p) = self.catalog.index.package(eco, name) {
            self.push_use(p, EvidenceKind::Package, name, span);
        }
    }

    /// A read of env var `name`.
    pub fn env(&mut self, name: &str, span: Range<usize>) {
        if let Some(p) = self.catalog.index.env(name) {
            self.push_use(p, EvidenceKind::Env, name, span);
        }
    }

    /// A `<script src>` / pixel URL. Falls back to host matching.
    pub fn script(&mut self, url: &str, span: Range<usize>) {
        if let Some(p) = self.catalog.index.script(url) {
            self.push_use(p, EvidenceKind::Script, url, span);
        } else {
            self.string_literal(url, span);
        }
    }

    /// A string literal in code or a value in config: look for API hosts in it.
    /// `span` covers the literal; hosts are located inside it when the text matches.
    pub fn string_literal(&mut self, value: &str, span: Range<usize>) {
        if value.len() < 4 || value.len() > 4096 || !value.contains('.') {
            return;
        }
        // A known script URL names its vendor more precisely than its host
        // (GA's gtag.js is served from Tag Manager's host).
        if let Some(p) = self.catalog.index.script(value) {
            if let Some((host, _)) = hosts_in(value).first() {
                let src = &self.text[span.clone()];
                let hspan = match src.find(host) {
                    Some(o) => span.start + o..span.start + o + host.len(),
                    None => span.clone(),
                };
                self.push_use(p, EvidenceKind::Host, host, hspan);
                return;
            }
        }
        for (host, _) in hosts_in(value) {
            if let Some(p) = self.catalog.index.host(host) {
                // Locate the host inside the literal when the source text holds it verbatim.
                let src = &self.text[span.clone()];
                let hspan = match src.find(host) {
                    Some(o) => span.start + o..span.start + o + host.len(),
                    None => span.clone(),
                };
                self.push_use(p, EvidenceKind::Host, host, hspan);
            }
        }
    }

    /// A field of a schema / model / struct.
    pub fn field(
        &mut self,
        owner: Option<&str>,
        name: &str,
        ty: Option<&str>,
        source: &'static str,
        span: Range<usize>,
    ) {
        let Some(t) = self
            .catalog
            .data_index
            .classify(name)
            .or_else(|| owner.and_then(|o| self.classify_by_owner(o, name)))
        else {
            return;
        };
        if !schema::keeps(ty, &self.catalog.data[t].category) {
            return;
        }
        // A bare `name` column is a person's name only on a person-like table
        // (`users.name`, not `api_tokens.name`, `background_jobs.name` or `CustomerType.name`).
        if name.eq_ignore_ascii_case("name") {
            if let Some(o) = owner {
                if !behavior::is_person_owner(o) {
                    return;
                }
            }
        }
        // A business's address, email, phone or location (`warehouses.address`, `Shop.email`,
        // `TaxConfigurationPerCountry.country`) is not a person's.
        let category = &self.catalog.data[t].category;
        if (category.starts_with("user.contact") || category.starts_with("user.location"))
            && owner.is_some_and(behavior::is_business_owner)
        {
            return;
        }
        let loc = self.loc(span);
        let snippet = self.snippet_at(loc.line);
        self.out.fields.push(DataField {
            loc,
            data_type: t,
            category: self.catalog.data[t].category.clone(),
            owner: owner.map(str::to_string),
            field: name.to_string(),
            source,
            snippet,
        });
    }

    /// Words too generic alone that the owner makes personal: `token` on a `*Token` table is a
    /// credential (`PasswordResetToken.token`), `signature` on a person or a `Signature` model is
    /// a handwritten signature (not a webhook's HMAC).
    fn classify_by_owner(&self, owner: &str, name: &str) -> Option<usize> {
        let head = crate::catalog::data::tokenize(owner).pop()?;
        let head = head.strip_suffix('s').unwrap_or(&head);
        let id = match crate::catalog::data::tokenize(name).as_slice() {
            [n] if (n == "token" || n == "tokens") && head == "token" => "access-token",
            [n] if n == "signature"
                && (head == "signature" || behavior::is_person_owner(owner)) =>
            {
                "signature"
            }
            _ => return None,
        };
        self.catalog.data.iter().position(|d| d.id == id)
    }

    pub fn cookie(&mut self, mut c: CookieSet, span: Range<usize>) {
        c.same_site = c.same_site.as_deref().map(normalize_same_site);
        c.loc = self.loc(span);
        c.snippet = self.snippet_at(c.loc.line);
        self.out.cookies.push(c);
    }

    /// A comment: look for `privlint: allow(...)`.
    pub fn comment(&mut self, body: &str, span: Range<usize>) {
        self.comments.push(span.clone());
        let Some(pos) = body.find("privlint:") else {
            return;
        };
        let rest = body[pos + "privlint:".len()..].trim_start();
        let Some(after) = rest.strip_prefix("allow(") else {
            return;
        };
        let (ids, reason) = match after.find(')') {
            Some(close) => (&after[..close], after[close + 1..].trim()),
            None => (after, ""),
        };
        // A second comment on the same line (`# noqa`, `// expect: ...`) is not the reason.
        let reason = [" //", " #", " --", " <!--", " /*"]
            .iter()
            .filter_map(|m| format!(" {reason}").find(m).map(|i| i.saturating_sub(1)))
            .min()
            .map_or(reason, |cut| &reason[..cut.min(reason.len())]);
        let reason = if ["//", "#", "--", "<!--", "/*"]
            .iter()
            .any(|m| reason.starts_with(m))
        {
            ""
        } else {
            reason
        };
        let reason = reason
            .trim_end_matches("*/")
            .trim_end_matches("-->")
            .trim_end_matches("#}")
            .trim_end_matches("--}}")
            .trim()
            .trim_start_matches(['-', ':', '—'])
            .trim();
        let loc = self.loc(span.start + pos..span.end);
        let snippet = self.snippet_at(loc.line);
        self.out.suppressions.push(Suppression {
            loc,
            ids: ids
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            reason: (!reason.is_empty()).then(|| reason.to_string()),
            snippet,
        });
    }

    pub fn issue(&mut self, reason: impl Into<String>) {
        self.out.issues.push(FileIssue {
            path: self.rel.to_string(),
            reason: reason.into(),
        });
    }
}

/// The end of the line holding byte `i` (after its newline): declaration ranges are whole lines.
pub fn line_end(t: &str, i: usize) -> usize {
    t[i..].find('\n').map_or(t.len(), |n| i + n + 1)
}

/// The offset of the bracket closing the one at `open`, skipping Go/C-like strings, runes, raw
/// strings and comments. Used to find the end of a declaration without parsing the file.
pub fn closing_brace(t: &[u8], open: usize) -> Option<usize> {
    let (o, c) = (t[open], if t[open] == b'(' { b')' } else { b'}' });
    let mut depth = 0usize;
    let mut i = open;
    while i < t.len() {
        match t[i] {
            b'"' | b'\'' => {
                let q = t[i];
                i += 1;
                while i < t.len() && t[i] != q && t[i] != b'\n' {
                    i += if t[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'`' => i += t[i + 1..].iter().position(|&b| b == b'`')? + 1,
            b'/' if t.get(i + 1) == Some(&b'/') => {
                i += t[i..].iter().position(|&b| b == b'\n')?;
            }
            b'/' if t.get(i + 1) == Some(&b'*') => {
                i += t[i..].windows(2).position(|w| w == b"*/")? + 1;
            }
            b if b == o => depth += 1,
            b if b == c => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Test support for the declaration-only parse paths: the fields found by the partial and the
/// full parse are the same, none of the two reports a file issue, and `names` are among them.
/// Returns the fields rendered as `"owner name loc source"`.
#[cfg(test)]
pub fn assert_partial_equals_full(
    partial: &crate::fact::FileFacts,
    full: &crate::fact::FileFacts,
    names: &[&str],
) -> Vec<String> {
    let render = |f: &crate::fact::FileFacts| {
        assert!(f.issues.is_empty(), "{:?}", f.issues);
        let mut v: Vec<String> = f
            .fields
            .iter()
            .map(|d| format!("{:?} {} {:?} {}", d.owner, d.field, d.loc, d.source))
            .collect();
        v.sort();
        v
    };
    let (p, f) = (render(partial), render(full));
    assert_eq!(p, f);
    for name in names {
        assert!(
            p.iter().any(|d| d.contains(&format!(" {name} "))),
            "{name}: {p:?}"
        );
    }
    p
}

/// Whether the line holding `off` presents credentials: an `Authorization` header or a
/// `Bearer` / `Basic` scheme.
fn is_auth_header_line(text: &str, off: usize) -> bool {
    let start = text[..off].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[start..off];
    [
        "Authorization",
        "authorization",
        "Bearer ",
        "Basic ",
        "bearer ",
    ]
    .iter()
    .any(|k| line.contains(k))
}

/// A call that builds or configures an SDK client (`createClient`, `stripe.StripeClient`,
/// `Sentry.init`): personal data in its arguments is configuration, not a flow to the vendor.
pub fn is_client_setup(last: &str) -> bool {
    matches!(
        last,
        "client"
            | "Client"
            | "createClient"
            | "init"
            | "initialize"
            | "configure"
            | "setup"
            | "createTransport"
            | "setApiKey"
            | "setConfig"
            | "config"
            | "StripeClient"
            | "OpenAI"
            | "AsyncOpenAI"
            | "Anthropic"
            | "AsyncAnthropic"
    )
}

/// Host names inside a string: URLs (`https://api.x.com/v1`, `//cdn.x.com`, `wss://...`) and a
/// string that is a bare host (`api.x.com`). Returns (host, byte offset in the string).
pub fn hosts_in(s: &str) -> Vec<(&str, usize)> {
    static URL: OnceLock<regex::Regex> = OnceLock::new();
    static BARE: OnceLock<regex::Regex> = OnceLock::new();
    let url = URL.get_or_init(|| {
        regex::Regex::new(r"(?i)(?:\b[a-z][a-z0-9+.-]{1,8}:)?//(?:[^/\s@]+@)?([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)").unwrap()
    });
    let bare = BARE.get_or_init(|| {
        regex::Regex::new(r"(?i)^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)(?::\d+)?(?:/[^\s]*)?$").unwrap()
    });
    let mut out: Vec<(&str, usize)> = url
        .captures_iter(s)
        .filter_map(|c| c.get(1))
        .map(|m| (m.as_str(), m.start()))
        .collect();
    if out.is_empty() {
        if let Some(m) = bare.captures(s.trim()).and_then(|c| c.get(1)) {
            // A bare `a.b` must look like a host, not a dotted identifier (`os.path`).
            let h = m.as_str();
            let tld = h.rsplit('.').next().unwrap_or("");
            if tld.len() >= 2
                && tld.chars().all(|c| c.is_ascii_alphabetic())
                && h.matches('.').count() >= 1
            {
                let lead = s.len() - s.trim_start().len();
                out.push((h, m.start() + lead));
            }
        }
    }
    out
}

/// Env var reads recognisable from the text just before a string literal:
/// `os.getenv("X")`, `process.env["X"]`, `ENV.fetch("X")`, `System.getenv("X")`, `env("X")`...
pub fn is_env_call_before(prefix: &str) -> bool {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r"(?x)(?:
                \bos\.getenv | \bos\.environ(?:\.get|\.setdefault|\.pop)? | \bgetenv | \bos\.Getenv | \bos\.LookupEnv
              | \bsyscall\.Getenv | \bENV(?:\.fetch|\.key\?)? | \bSystem\.getenv | \bSystem\.Environment\.GetEnvironmentVariable
              | \bEnvironment\.GetEnvironmentVariable | \benv::var(?:_os)? | \bstd::env::var(?:_os)? | \bdotenvy?::var
              | \benv!? | \boption_env! | \bprocess\.env | \bimport\.meta\.env | \bDeno\.env\.get | \bBun\.env
              | \$_ENV | \$_SERVER | \benv\.str | \benv\.bool | \benv\.int | \bconfig | \bviper\.Get(?:String)?
              | \benvironment\.get | \bsettings\.env | \bEnv\.get | \bProperties\.get | \bgetProperty
            )\s*\(?\s*\[?\s*$",
        )
        .unwrap()
    });
    let p = prefix.trim_end_matches(['\'', '"', '`']);
    re.is_match(p)
}

/// The sign-in processor a `signInWithOAuth({ provider: '...' })` call names, and the offset
/// of the provider string in `call_text`.
pub fn oauth_provider_in(call_text: &str) -> Option<(&'static str, usize)> {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE
        .get_or_init(|| regex::Regex::new(r#"provider["']?\s*[:=]\s*["']([a-z_]+)["']"#).unwrap());
    let c = re.captures(call_text)?;
    let m = c.get(1)?;
    let id = match m.as_str() {
        "google" => "google-oauth",
        "apple" => "apple-oauth",
        "facebook" => "facebook-oauth",
        "twitter" | "x" => "x-oauth",
        "github" => "github-oauth",
        "azure" => "microsoft-oauth",
        "linkedin" | "linkedin_oidc" => "linkedin-oauth",
        "discord" => "discord-oauth",
        _ => return None,
    };
    Some((id, m.start()))
}

/// Whether a string is shaped like an env var name.
pub fn looks_like_env_name(s: &str) -> bool {
    s.len() >= 3
        && s.len() <= 100
        && s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// Deepest bracket nesting the recursive parsers (oxc, syn, our visitors) are given.
pub const MAX_PARSE_DEPTH: usize = 400;

/// Maximum nesting of `(`, `[` and `{` in a text (strings are not skipped: a cheap upper bound).
pub fn nesting_depth(text: &str) -> usize {
    let mut depth = 0usize;
    let mut max = 0usize;
    for b in text.bytes() {
        match b {
            b'(' | b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// Run the right extractor for `kind` over `text`.
pub fn extract(kind: FileKind, ctx: &mut FileCtx) {
    match kind {
        FileKind::Js => js::extract(ctx, ctx.rel.to_string().as_str()),
        FileKind::Component => html::extract_component(ctx),
        FileKind::Python => treesitter::extract(ctx, treesitter::Grammar::Python),
        FileKind::Go => treesitter::extract(ctx, treesitter::Grammar::Go),
        FileKind::Ruby => treesitter::extract(ctx, treesitter::Grammar::Ruby),
        FileKind::Java => treesitter::extract(ctx, treesitter::Grammar::Java),
        FileKind::Php => treesitter::extract(ctx, treesitter::Grammar::Php),
        FileKind::Rust => {
            rust::extract(ctx);
            ctx.comments.extend(generic::comment_ranges(ctx.text));
        }
        FileKind::CLike => generic::extract_clike(ctx),
        FileKind::Html => html::extract(ctx),
        FileKind::Sql => schema::extract_sql(ctx),
        FileKind::Prisma => schema::extract_prisma(ctx),
        FileKind::GraphQl => schema::extract_graphql(ctx),
        FileKind::Proto => schema::extract_proto(ctx),
        FileKind::Manifest(m) => manifest::extract(ctx, m),
        FileKind::EnvFile => generic::extract_env_file(ctx),
        FileKind::Config => generic::extract_config(ctx),
    }
    match kind {
        FileKind::Python => umbrella::extract(ctx, Lang::Python),
        FileKind::Js | FileKind::Component => umbrella::extract(ctx, Lang::Js),
        _ => {}
    }
    if ctx.text.contains("et-Cookie") || ctx.text.contains("et-cookie") {
        raw_set_cookie(ctx);
    }
    if matches!(
        kind,
        FileKind::Js
            | FileKind::Component
            | FileKind::Python
            | FileKind::Go
            | FileKind::Ruby
            | FileKind::Java
            | FileKind::Php
            | FileKind::Rust
            | FileKind::CLike
            | FileKind::Html
    ) {
        behavior::scan(ctx);
    }
}

/// A cookie name from the source of a name expression, with computed parts as `*`:
/// `"seen_" + id`, `f"seen_{id}"`, `"notice_#{n.id}_dismissed"`, `"visited_{$s['id']}"`,
/// `format!("tip_{}_dismissed", id)`, `fmt.Sprintf("voted_%s", id)`, `` `ab-${x}` ``.
pub fn cookie_name_from_expr(expr: &str) -> Option<String> {
    let e = expr.trim().replace("format ! (", "format!(");
    let e = e.as_str();
    let e = e
        .strip_prefix("format!(")
        .or_else(|| e.strip_prefix("fmt.Sprintf("))
        .or_else(|| e.strip_prefix("String.format("))
        .map(|rest| rest.split(',').next().unwrap_or(rest))
        .unwrap_or(e);
    let b = e.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    let mut pending_code = false;
    while i < b.len() {
        let c = b[i];
        if matches!(c, b'"' | b'\'' | b'`') {
            let q = c;
            let mut j = i + 1;
            let mut lit = String::new();
            while j < b.len() && b[j] != q {
                if b[j] == b'\\' {
                    j += 1;
                }
                if j < b.len() {
                    lit.push(b[j] as char);
                }
                j += 1;
            }
            if pending_code && !out.is_empty() {
                out.push('*');
            }
            pending_code = false;
            out.push_str(&lit);
            i = j + 1;
        } else if c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c == b'(' {
            // Code between literals (`+ id +`, `. $x .`): a computed part. A string prefix
            // (`f"`, `r"`, `b"`) directly before a quote is not.
            let prefix = matches!(c, b'f' | b'r' | b'b' | b'u' | b'F' | b'R')
                && b.get(i + 1).is_some_and(|n| matches!(n, b'"' | b'\''));
            if !prefix {
                pending_code = true;
            }
            i += 1;
        } else {
            i += 1;
        }
    }
    if pending_code && !out.is_empty() {
        out.push('*');
    }
    static INTERP: OnceLock<regex::Regex> = OnceLock::new();
    let re = INTERP.get_or_init(|| {
        regex::Regex::new(
            r"\$\{[^}]*\}|#\{[^}]*\}|\{\$[^}]*\}|\{[^}]*\}|\$[A-Za-z_]\w*(?:\[[^\]]*\])?|%[sdvq]",
        )
        .unwrap()
    });
    let name = re.replace_all(&out, "*").to_string();
    let mut collapsed = String::new();
    for ch in name.chars() {
        if !(ch == '*' && collapsed.ends_with('*')) {
            collapsed.push(ch);
        }
    }
    let trimmed = collapsed.trim();
    (!trimmed.is_empty() && trimmed != "*" && !trimmed.contains(char::is_whitespace))
        .then(|| trimmed.to_string())
}

/// `Lax`, `Strict` or `None` whatever the source wrote (`'lax'`, `http.SameSiteLaxMode`, `SameSite::Strict`).
pub fn normalize_same_site(s: &str) -> String {
    let l = s.to_ascii_lowercase();
    if l.contains("lax") {
        "Lax".into()
    } else if l.contains("strict") {
        "Strict".into()
    } else if l.contains("none") {
        "None".into()
    } else {
        s.trim_matches(['"', '\'']).to_string()
    }
}

/// Raw `Set-Cookie` headers in any language: `res.setHeader('Set-Cookie', `sid=${v}; HttpOnly`)`,
/// `header('Set-Cookie: sid=...')`, `w.Header().Add("Set-Cookie", "sid=...")`,
/// `response["Set-Cookie"] = f"sid={v}; Secure"`.
fn raw_set_cookie(ctx: &mut FileCtx) {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r#"(?i)set-cookie["'`]?\s*(?:,|:|\]\s*=|=>)\s*(?:[fb]?["'`])?\s*([A-Za-z0-9_.\-]+)=([^\n]*)"#).unwrap()
    });
    let text = ctx.text;
    let comments = &ctx.comments;
    let in_comment = |pos: usize| comments.iter().any(|r| r.start <= pos && pos < r.end);
    let hits: Vec<(String, String, Range<usize>)> = re
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(1)?;
            Some((m.as_str().to_string(), c[2].to_ascii_lowercase(), m.range()))
        })
        .filter(|(_, _, r)| !in_comment(r.start))
        .collect();
    for (name, rest, span) in hits {
        if rest.contains("max-age=0") || rest.contains("1970") {
            continue; // a deletion
        }
        let c = CookieSet {
            name,
            secure: rest.contains("secure").then_some(true),
            http_only: rest.contains("httponly").then_some(true),
            same_site: rest
                .split(';')
                .find_map(|p| p.trim().strip_prefix("samesite="))
                .map(|s| s.trim_matches(|c: char| !c.is_alphanumeric()).to_string()),
            max_age: rest
                .split(';')
                .find_map(|p| p.trim().strip_prefix("max-age="))
                .map(|s| s.trim_matches(|c: char| !c.is_alphanumeric()).to_string()),
            ..CookieSet::default()
        };
        ctx.cookie(c, span);
    }
}

#[cfg(test)]
mod cookie_name_tests {
    use super::cookie_name_from_expr as n;

    #[test]
    fn computed_cookie_names_become_globs() {
        assert_eq!(n("\"seen_\" + id").as_deref(), Some("seen_*"));
        assert_eq!(n("f\"seen_{slug}\"").as_deref(), Some("seen_*"));
        assert_eq!(
            n("\"notice_#{notice.id}_dismissed\"").as_deref(),
            Some("notice_*_dismissed")
        );
        assert_eq!(
            n("\"visited_{$station['id']}\"").as_deref(),
            Some("visited_*")
        );
        assert_eq!(
            n("format!(\"tip_{}_dismissed\", id)").as_deref(),
            Some("tip_*_dismissed")
        );
        assert_eq!(
            n("fmt.Sprintf(\"voted_%s\", id)").as_deref(),
            Some("voted_*")
        );
        assert_eq!(
            n("'tour_' . $step . '_done'").as_deref(),
            Some("tour_*_done")
        );
        assert_eq!(n("\"lang\"").as_deref(), Some("lang"));
        assert_eq!(n("name"), None);
    }
}
