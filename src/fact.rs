//! The facts extractors emit and checks consume, and the findings checks produce.
//! Facts carry their own location; nothing downstream re-reads a file.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Note,
    Off,
}

impl Severity {
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" | "deny" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "note" | "info" => Some(Severity::Note),
            "off" | "allow" => Some(Severity::Off),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
            Severity::Off => "off",
        }
    }
}

/// A place in a scanned file (paths relative to the root, `/`-separated; 1-based).
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Location {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// How a processor was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceKind {
    /// A production dependency in a manifest.
    Package,
    /// An import / require / use in source.
    Import,
    /// An API host in a string literal or config value.
    Host,
    /// An env var read in code or listed in an env file.
    Env,
    /// A `<script src>` or pixel.
    Script,
    /// A cookie the vendor sets.
    Cookie,
}

impl EvidenceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceKind::Package => "package",
            EvidenceKind::Import => "import",
            EvidenceKind::Host => "host",
            EvidenceKind::Env => "env",
            EvidenceKind::Script => "script",
            EvidenceKind::Cookie => "cookie",
        }
    }

    /// What a label under the evidence says.
    pub fn label(self, name: &str) -> String {
        match self {
            EvidenceKind::Package => format!("{name} SDK declared as a dependency here"),
            EvidenceKind::Import => format!("{name} SDK imported here"),
            EvidenceKind::Host => format!("{name} API called here"),
            EvidenceKind::Env => format!("{name} credentials read here"),
            EvidenceKind::Script => format!("{name} script loaded here"),
            EvidenceKind::Cookie => format!("{name} cookie set here"),
        }
    }
}

/// Code uses a catalog processor.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ProcessorUse {
    pub loc: Location,
    pub processor: usize,
    pub kind: EvidenceKind,
    /// What matched: the package, import path, host, env var or URL.
    pub matched: String,
    /// The source line, trimmed.
    pub snippet: String,
}

/// A stored or exchanged field that holds personal data.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct DataField {
    pub loc: Location,
    /// Index of the catalog data type.
    pub data_type: usize,
    pub category: String,
    /// `users.email`: owner (table, model, struct) and field.
    pub owner: Option<String>,
    pub field: String,
    /// Where it was declared: sql, prisma, django, struct, ...
    pub source: &'static str,
    pub snippet: String,
}

/// A cookie the code sets.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct CookieSet {
    pub loc: Location,
    /// The name, or a glob where part of it is computed (`sb-*-auth-token`).
    pub name: String,
    pub secure: Option<bool>,
    pub http_only: Option<bool>,
    pub same_site: Option<String>,
    pub max_age: Option<String>,
    /// A framework setting rather than a set call (e.g. `SESSION_COOKIE_SECURE = False`).
    pub setting: bool,
    /// Part of the options could not be read (a spread, a variable): unset flags are unknown.
    pub opaque: bool,
    pub snippet: String,
}

/// What a behaviour is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BehaviorKind {
    /// Personal data passed to a logger, print or error tracker (`detail`: the sink).
    Log,
    /// A fast hash (md5/sha1/sha256...) over a password (`detail`: the algorithm).
    FastHash,
    /// A password-hashing library or setting in use (`detail`: bcrypt, argon2, ...).
    PasswordHasher,
    /// A signed URL with a lifetime of `value` seconds (`detail`: the call).
    SignedUrl,
    /// An AI provider option that keeps or shares data (`detail`: the flag).
    AiOptIn,
    /// Personal data sent to a processor (`value`: the processor index).
    Flow,
}

/// Something the code does with data, found in code text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Behavior {
    pub loc: Location,
    pub kind: BehaviorKind,
    pub detail: String,
    pub value: u64,
    /// The data type involved, when there is one.
    pub data_type: Option<usize>,
    pub snippet: String,
}

/// An inline `privlint: allow(<id>) <reason>` comment.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Suppression {
    pub loc: Location,
    pub ids: Vec<String>,
    pub reason: Option<String>,
    pub snippet: String,
}

/// A file that could not be read or parsed fully.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct FileIssue {
    pub path: String,
    pub reason: String,
}

/// Everything one file contributed.
#[derive(Debug, Default, Clone)]
pub struct FileFacts {
    pub uses: Vec<ProcessorUse>,
    pub behaviors: Vec<Behavior>,
    pub fields: Vec<DataField>,
    pub cookies: Vec<CookieSet>,
    pub suppressions: Vec<Suppression>,
    pub issues: Vec<FileIssue>,
    pub lines: usize,
    pub bytes: usize,
}

/// Everything the scan found, sorted for deterministic output.
#[derive(Debug, Default, Clone)]
pub struct Facts {
    pub uses: Vec<ProcessorUse>,
    pub behaviors: Vec<Behavior>,
    pub fields: Vec<DataField>,
    pub cookies: Vec<CookieSet>,
    pub suppressions: Vec<Suppression>,
    pub issues: Vec<FileIssue>,
    pub files_scanned: usize,
    pub files_skipped: usize,
    pub lines: usize,
    pub bytes: usize,
}

impl Facts {
    pub fn merge(&mut self, f: FileFacts) {
        self.uses.extend(f.uses);
        self.behaviors.extend(f.behaviors);
        self.fields.extend(f.fields);
        self.cookies.extend(f.cookies);
        self.suppressions.extend(f.suppressions);
        self.issues.extend(f.issues);
        self.lines += f.lines;
        self.bytes += f.bytes;
    }

    pub fn sort(&mut self) {
        self.uses.sort();
        self.uses.dedup();
        self.behaviors.sort();
        self.behaviors.dedup();
        self.fields.sort();
        self.fields.dedup();
        self.cookies.sort();
        self.cookies.dedup();
        self.suppressions.sort();
        self.issues.sort();
    }
}

/// One reported problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub processor: Option<String>,
    pub category: Option<String>,
    pub cookie: Option<String>,
    pub evidence: String,
    pub fingerprint: String,
    /// What the caret under the evidence says (human output only).
    #[serde(skip)]
    pub label: String,
    /// How to fix it or declare it.
    #[serde(skip)]
    pub help: Option<String>,
    /// The subject findings are grouped by in human output.
    #[serde(skip)]
    pub subject: String,
}

impl Finding {
    /// A finding at a fact's location; `fingerprint` is filled in later.
    pub fn new(rule: &'static str, severity: Severity, loc: &Location, message: String) -> Finding {
        Finding {
            rule,
            severity,
            message,
            path: loc.path.clone(),
            line: loc.line,
            column: loc.column,
            end_line: loc.end_line,
            end_column: loc.end_column,
            processor: None,
            category: None,
            cookie: None,
            evidence: String::new(),
            fingerprint: String::new(),
            label: String::new(),
            help: None,
            subject: String::new(),
        }
    }

    /// Stable identity that survives line moves: rule + subject + path + normalised snippet.
    pub fn compute_fingerprint(&mut self) {
        use sha2::{Digest, Sha256};
        let subject = self
            .processor
            .as_deref()
            .or(self.category.as_deref())
            .or(self.cookie.as_deref())
            .unwrap_or(&self.subject);
        let norm: String = self
            .evidence
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut h = Sha256::new();
        for part in [self.rule, subject, &self.path, &norm] {
            h.update(part.as_bytes());
            h.update([0]);
        }
        let digest = h.finalize();
        self.fingerprint = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    }
}
