//! Behaviours read from code text once comments are blanked out, the same way in every
//! language: personal data passed to loggers, password hashing, signed-URL lifetimes and AI
//! providers' data-retention opt-ins. Cheap literal pre-checks keep files that cannot match
//! from paying for the regexes.

use super::FileCtx;
use crate::fact::{Behavior, BehaviorKind};
use std::ops::Range;
use std::sync::OnceLock;

/// The text with every comment replaced by spaces (newlines kept, offsets unchanged).
fn code_text(text: &str, comments: &[Range<usize>]) -> String {
    let mut b = text.as_bytes().to_vec();
    for r in comments {
        let (s, e) = (r.start.min(b.len()), r.end.min(b.len()));
        for c in &mut b[s..e] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
    }
    String::from_utf8(b).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

pub fn scan(ctx: &mut FileCtx) {
    let t = ctx.text;
    let wants_logs = [
        "log",
        "print",
        "puts",
        "Sentry",
        "sentry",
        "error_log",
        "var_dump",
        "info!",
        "warn!",
        "error!",
    ]
    .iter()
    .any(|k| t.contains(k));
    let wants_hash = [
        "md5",
        "MD5",
        "sha1",
        "SHA1",
        "sha256",
        "SHA256",
        "SHA-",
        "sha512",
        "Digest",
        "createHash",
        "hashlib",
        "bcrypt",
        "argon2",
        "Argon2",
        "scrypt",
        "pbkdf2",
        "PasswordHasher",
        "BCrypt",
    ]
    .iter()
    .any(|k| t.contains(k));
    let wants_urls = [
        "ignedUrl",
        "presign",
        "Presign",
        "signed_url",
        "SignedURL",
        "signedURL",
    ]
    .iter()
    .any(|k| t.contains(k));
    let wants_ai = ctx
        .out
        .uses
        .iter()
        .any(|u| ctx.catalog.processors[u.processor].kind == "ai");
    if !(wants_logs || wants_hash || wants_urls || wants_ai) {
        return;
    }
    let code = code_text(t, &ctx.comments);
    if wants_logs {
        logs(ctx, &code);
    }
    if wants_hash {
        hashes(ctx, &code);
    }
    if wants_urls {
        signed_urls(ctx, &code);
    }
    if wants_ai {
        ai_opt_ins(ctx, &code);
    }
}

fn push(
    ctx: &mut FileCtx,
    kind: BehaviorKind,
    span: Range<usize>,
    detail: String,
    value: u64,
    data_type: Option<usize>,
) {
    let loc = ctx.loc(span);
    let snippet = ctx.snippet_at(loc.line);
    ctx.out.behaviors.push(Behavior {
        loc,
        kind,
        detail,
        value,
        data_type,
        snippet,
    });
}

/// The argument text of a call whose `(` is at `open`: up to the matching `)`, skipping strings.
fn call_args(code: &str, open: usize) -> Range<usize> {
    let b = code.as_bytes();
    let mut depth = 0i32;
    let mut i = open;
    let mut quote: Option<u8> = None;
    let limit = (open + 4000).min(b.len());
    while i < limit {
        let c = b[i];
        match quote {
            Some(q) => {
                if c == b'\\' {
                    i += 1;
                } else if c == q {
                    quote = None;
                }
            }
            None => match c {
                b'"' | b'\'' | b'`' => quote = Some(c),
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return open + 1..i;
                    }
                }
                _ => {}
            },
        }
        i += 1;
    }
    open + 1..limit
}

const KEYWORDS: &[&str] = &[
    "new",
    "await",
    "return",
    "typeof",
    "this",
    "self",
    "true",
    "false",
    "null",
    "None",
    "nil",
    "undefined",
    "const",
    "let",
    "var",
    "function",
    "async",
    "in",
    "of",
    "and",
    "or",
    "not",
    "is",
    "if",
    "else",
    "f",
    "r",
    "b",
    "err",
    "error",
    "e",
    "ex",
];

/// Identifiers read in an argument list: names and member names in code, and the ones inside
/// string interpolations (`${user.email}`, `#{email}`, `{email}` in f-strings, `$email`); plain
/// string text is not read (a log line *about* emails is not an email).
pub fn arg_identifiers(code: &str, range: Range<usize>) -> Vec<(String, usize)> {
    let b = code.as_bytes();
    let mut out = Vec::new();
    let mut i = range.start;
    let mut quote: Option<u8> = None;
    let mut interp_depth = 0usize;
    while i < range.end {
        let c = b[i];
        if let Some(q) = quote {
            if interp_depth == 0 {
                if c == b'\\' {
                    i += 2;
                    continue;
                }
                if c == q {
                    quote = None;
                } else if (c == b'$' || c == b'#') && b.get(i + 1) == Some(&b'{') || c == b'{' {
                    interp_depth = 1;
                    i += if c == b'{' { 1 } else { 2 };
                    continue;
                } else if c == b'$'
                    && b.get(i + 1)
                        .is_some_and(|n| n.is_ascii_alphabetic() || *n == b'_')
                {
                    // PHP / Kotlin / shell `$email`
                    let s = i + 1;
                    let mut e = s;
                    while e < range.end && (b[e].is_ascii_alphanumeric() || b[e] == b'_') {
                        e += 1;
                    }
                    out.push((code[s..e].to_string(), s));
                    i = e;
                    continue;
                }
                i += 1;
                continue;
            }
            // inside an interpolation: fall through to code scanning until its `}`
            if c == b'{' {
                interp_depth += 1;
            } else if c == b'}' {
                interp_depth -= 1;
                i += 1;
                continue;
            }
        } else if c == b'"' || c == b'\'' || c == b'`' {
            quote = Some(c);
            i += 1;
            continue;
        } else if c == b'/' && b.get(i + 1) == Some(&b'/')
            || c == b'#' && b.get(i + 1) != Some(&b'{')
        {
            // A comment inside the arguments (`// properties: { email }`, `# user=email,`).
            while i < range.end && b[i] != b'\n' {
                i += 1;
            }
            continue;
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            i = code[i..range.end]
                .find("*/")
                .map_or(range.end, |e| i + e + 2);
            continue;
        }
        if c.is_ascii_alphabetic() || c == b'_' {
            let s = i;
            while i < range.end && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            let word = &code[s..i];
            let rest = code[i..range.end].trim_start();
            // A call (`format(`) is not data; `Sentry.setUser(` args still are.
            let called = rest.starts_with('(');
            if called && is_sanitizer(word) {
                // `maskEmail(user.email)`, `Boolean(customer.phone)`: what comes out is not the data.
                let open = i + (code[i..range.end].len() - rest.len());
                i = call_args(code, open).end.min(range.end) + 1;
                continue;
            }
            if called
                && rest.starts_with("()")
                && word.len() > 3
                && word.starts_with("get")
                && word.as_bytes()[3].is_ascii_uppercase()
            {
                // Java getters: `member.getPhoneNumber()` reads phoneNumber.
                out.push((word[3..].to_string(), s + 3));
                continue;
            }
            // An object key or keyword argument names the slot, not the value
            // (`{ username: 'api' }`, `to=user.email`); shorthand `{ email }` is still read.
            let key = (rest.starts_with(':') && !rest.starts_with("::"))
                || (rest.starts_with('=') && !rest.starts_with("==") && !rest.starts_with("=>"));
            if !called && !key && !KEYWORDS.contains(&word) {
                out.push((word.to_string(), s));
            }
            continue;
        }
        i += 1;
    }
    out
}

/// Calls whose result is derived from the data, not the data: masking, hashing, counting, tests.
fn is_sanitizer(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    [
        "mask",
        "redact",
        "hash",
        "anonymi",
        "obfuscat",
        "truncat",
        "scrub",
        "sanitiz",
        "encrypt",
        "digest",
        "pseudonym",
    ]
    .iter()
    .any(|k| w.contains(k))
        || matches!(
            w.as_str(),
            "boolean"
                | "bool"
                | "len"
                | "count"
                | "size"
                | "length"
                | "isset"
                | "empty"
                | "present"
                | "exists"
                | "number"
                | "typeof"
                | "sizeof"
        )
}

/// Objects whose `.name` is a person's name.
const PERSON_WORDS: &[&str] = &[
    "user",
    "member",
    "customer",
    "person",
    "profile",
    "account",
    "patron",
    "contact",
    "recipient",
    "owner",
    "author",
    "sender",
    "employee",
    "client",
    "guest",
    "student",
    "patient",
    "applicant",
    "buyer",
    "seller",
    "subscriber",
    "attendee",
    "signer",
    "mentor",
    "mentee",
    "candidate",
    "lead",
    "visitor",
    "participant",
    "invitee",
    "admin",
    "teacher",
    "doctor",
    "traveler",
    "passenger",
    "tenant",
    "renter",
    "donor",
    "volunteer",
    "creator",
    "viewer",
    "me",
    "u",
    "usr",
    "current_user",
    "currentuser",
    "billing",
    "shipping",
];

/// Whether a table, model or variable name stands for a person (`users`, `TeamMember`,
/// `customer_profiles`, `currentUser`).
pub fn is_person_word(owner: &str) -> bool {
    let tokens = crate::catalog::data::tokenize(owner);
    tokens.iter().any(|t| {
        let singular = t
            .strip_suffix("es")
            .filter(|s| PERSON_WORDS.contains(s))
            .or_else(|| t.strip_suffix('s'))
            .unwrap_or(t);
        PERSON_WORDS.contains(&singular) || PERSON_WORDS.contains(&t.as_str())
    })
}

/// Whether a table, model or struct is about people, by its head noun (the last word:
/// `UserProfile`, `customer_addresses`, `TeamMember`), not by any word in it (`CustomerType`
/// is a kind of customer, not one).
pub fn is_person_owner(owner: &str) -> bool {
    const ALSO: &[&str] = &[
        "address",
        "holder",
        "signup",
        "registration",
        "invitation",
        "invite",
    ];
    head_noun_in(owner, &[PERSON_WORDS, ALSO])
}

/// Whether the head noun of a table, model or struct name (its last word, or the word before
/// `per`: `TaxConfigurationPerCountry`), singular or plural, is in one of `lists`.
fn head_noun_in(owner: &str, lists: &[&[&str]]) -> bool {
    let tokens = crate::catalog::data::tokenize(owner);
    let head = match tokens.iter().position(|t| t == "per") {
        Some(p) if p > 0 => &tokens[p - 1],
        _ => match tokens.last() {
            Some(t) => t,
            None => return false,
        },
    };
    let found = [
        Some(head.as_str()),
        head.strip_suffix("es"),
        head.strip_suffix('s'),
    ]
    .into_iter()
    .flatten()
    .any(|w| lists.iter().any(|l| l.contains(&w)));
    found
}

/// Whether a table, model or struct is a business entity by its head noun (`Warehouse`,
/// `shops`, `TaxConfigurationPerCountry`): its address, email or location are the business's,
/// not a person's. Not `*Config` / `*Settings`: an integration's config holds the email of the
/// person who connected it.
pub fn is_business_owner(owner: &str) -> bool {
    const BUSINESS: &[&str] = &[
        "warehouse",
        "shop",
        "store",
        "company",
        "organization",
        "organisation",
        "business",
        "merchant",
        "vendor",
        "supplier",
        "venue",
        "office",
        "tax",
        "rate",
        "configuration",
        "channel",
        "plugin",
        "product",
        "variant",
        "stock",
        "zone",
        "carrier",
        "brand",
        "workspace",
        "project",
        "server",
        "domain",
        "site",
        "facility",
        "depot",
        "branch",
    ];
    head_noun_in(owner, &[BUSINESS])
}

/// The data type an identifier read at `off` holds, with the context rules that separate the
/// data from things about it: `user.email.length`, `self.class.name`, `job.name`.
pub fn data_value(ctx: &FileCtx, code: &str, ident: &str, off: usize) -> Option<usize> {
    if ident.starts_with("__") {
        return None; // __name__, __class__
    }
    let before = code[..off].trim_end();
    let after = code[off + ident.len()..].trim_start();
    if [
        ".length",
        ".size",
        ".count",
        ".len()",
        ".isEmpty",
        ".present?",
        ".nil?",
        ".blank?",
        ".empty?",
        ".is_empty()",
    ]
    .iter()
    .any(|s| after.starts_with(s))
    {
        return None;
    }
    if before.ends_with(".class.")
        || before.ends_with("constructor.")
        || before.ends_with("__class__.")
        || before.ends_with(").")
    {
        return None;
    }
    // A property about the value is not the value: `address.id`, `payment_info.gateway`,
    // `user_email.verified`, `card.type`; the whole member chain counts (`api_token.user.id`).
    let mut rest = after;
    let mut member = "";
    while let Some(r) = rest.strip_prefix('.').or_else(|| rest.strip_prefix("->")) {
        let len = r
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(r.len());
        if len == 0 {
            break;
        }
        member = &r[..len];
        rest = &r[len..];
    }
    if !member.is_empty() && !rest.trim_start().starts_with('(') {
        const META: &[&str] = &[
            "id",
            "pk",
            "uuid",
            "guid",
            "type",
            "kind",
            "status",
            "gateway",
            "provider",
            "verified",
            "validated",
            "skipped",
            "count",
            "at",
            "uid",
        ];
        let last = crate::catalog::data::tokenize(member)
            .pop()
            .unwrap_or_default();
        if META.contains(&last.as_str()) {
            return None;
        }
    }
    // `counts.photos`, `stats.emails`: tallies of the data, not the data.
    if ["counts.", "count.", "stats.", "totals.", "metrics."]
        .iter()
        .any(|r| before.ends_with(r))
    {
        return None;
    }
    // The browser's `location` is the page URL, not where the person is.
    if ident == "location"
        && (["window.", "document.", "globalThis.", "self."]
            .iter()
            .any(|o| before.ends_with(o))
            || [
                ".href",
                ".pathname",
                ".search",
                ".hash",
                ".origin",
                ".host",
                ".reload",
            ]
            .iter()
            .any(|m| after.starts_with(m)))
    {
        return None;
    }
    let dt = ctx.catalog.data_index.classify(ident)?;
    if ident.eq_ignore_ascii_case("name") {
        if let Some(obj) = before
            .strip_suffix('.')
            .or_else(|| before.strip_suffix("->"))
        {
            let owner: String = obj
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
                .chars()
                .rev()
                .collect();
            let owner = owner.trim_start_matches('@').trim_start_matches('$');
            if !is_person_word(owner) {
                return None;
            }
        }
    }
    Some(dt)
}

fn logs(ctx: &mut FileCtx, code: &str) {
    static SINK: OnceLock<regex::Regex> = OnceLock::new();
    let re = SINK.get_or_init(|| {
        regex::Regex::new(
            r#"(?x)(?:^|[^\w.])(
                console\.(?:log|info|warn|error|debug|trace)
              | (?:this\.|self\.|app\.|request\.|req\.|Rails\.|c\.)?(?:logger|log|logging|_logger|LOGGER|LOG|Log|slog|zap\.L\(\)|logrus|winston|pino)\.(?:info|warn|warning|error|debug|trace|fatal|critical|exception|log|notice|verbose|Info|Warn|Error|Debug|Printf|Println|Print|Infof|Warnf|Errorf|Debugf|With|WithFields|infof|errorf)
              | print | println! | eprintln! | puts | error_log | var_dump | print_r
              | System\.(?:out|err)\.print(?:ln|f)?
              | fmt\.(?:Println|Printf|Print|Fprintf|Fprintln)
              | log\.(?:Printf|Println|Print|Fatalf|Fatal|Panicf)
              | Sentry\.(?:captureException|captureMessage|setUser|setContext|setExtra|setTag|addBreadcrumb)
              | sentry_sdk\.(?:capture_exception|capture_message|set_user|set_context|set_extra|set_tag)
              | (?:tracing::|log::)?(?:info|warn|error|debug|trace)!
              | Log::(?:info|warning|error|debug|notice)
            )(\s*\(|[\ \t]+["'\w:@\#$])"#,
        )
        .unwrap()
    });
    let hits: Vec<(String, usize, bool)> = re
        .captures_iter(code)
        .filter_map(|c| {
            let m = c.get(1)?;
            let paren = c.get(2)?.as_str().trim_start().starts_with('(');
            Some((m.as_str().to_string(), m.end(), paren))
        })
        .collect();
    for (sink, end, paren) in hits {
        let args = if paren {
            let Some(open) = code[end..].find('(').map(|o| end + o) else {
                continue;
            };
            call_args(code, open)
        } else {
            // Ruby / Python 2 style: `Rails.logger.info "...#{user.email}"` runs to the line's end.
            let e = code[end..].find('\n').map_or(code.len(), |n| end + n);
            end..e
        };
        for (ident, off) in arg_identifiers(code, args) {
            // A bare `name` in a log line is a flag's, a table's, a file's name far more often
            // than a person's (`user.name` still counts).
            let bare = !code[..off].trim_end().ends_with(['.', '>']);
            if bare && matches!(ident.as_str(), "name" | "names" | "Name") {
                continue;
            }
            if let Some(dt) = data_value(ctx, code, &ident, off) {
                push(
                    ctx,
                    BehaviorKind::Log,
                    off..off + ident.len(),
                    sink.clone(),
                    0,
                    Some(dt),
                );
                break;
            }
        }
    }
}

fn is_password(ctx: &FileCtx, code: &str, ident: &str, off: usize) -> bool {
    data_value(ctx, code, ident, off).is_some_and(|dt| ctx.catalog.data[dt].id == "password")
}

fn hashes(ctx: &mut FileCtx, code: &str) {
    static FAST: OnceLock<regex::Regex> = OnceLock::new();
    static SLOW: OnceLock<regex::Regex> = OnceLock::new();
    // `u` = update-style APIs (the input comes in later `.update()`/`.Write()` calls),
    // `c` = call-style (the input is the call's own argument).
    let fast = FAST.get_or_init(|| {
        regex::Regex::new(
            r#"(?x)
              (?P<u1>createHash)\s*\(\s*['"](?P<a1>md5|sha1|sha256|sha512|sha-?\d+)['"]\s*\)
            | hashlib\.(?P<a2>md5|sha1|sha224|sha256|sha384|sha512)\s*\(
            | \b(?P<a3>md5|sha1|sha256|sha512)\.(?:Sum\w*)\s*\(
            | \b(?P<u4>(?P<a4>md5|sha1|sha256|sha512)\.New)\s*\(
            | Digest::(?P<a5>MD5|SHA1|SHA256|SHA512|SHA2)\.(?:hexdigest|digest|base64digest)\s*[\(\ ]
            | (?:^|[^\w$>:.])(?P<a6>md5|sha1)\s*\(
            | \bhash\s*\(\s*['"](?P<a7>md5|sha1|sha256|sha512)['"]\s*,
            | (?P<u8>MessageDigest)\.getInstance\s*\(\s*"(?P<a8>MD5|SHA-1|SHA-256|SHA-512|SHA1|SHA256)"
            | \b(?P<a9>MD5|SHA1|SHA256|SHA512)\.(?:HashData)\s*\(
            | \b(?P<a10>Md5|Sha1|Sha256|Sha512)::digest\s*\(
            | \b(?P<u11>(?P<a11>Md5|Sha1|Sha256|Sha512)::new)\s*\(
            | \b(?P<a12>md5)::compute\s*\(
            | \b(?P<a13>MD5|UnsaltedMD5|SHA1|UnsaltedSHA1|Crypt)PasswordHasher
            "#,
        )
        .unwrap()
    });
    let slow = SLOW.get_or_init(|| {
        regex::Regex::new(r#"(?i)\b(bcrypt(?:js)?|argon2(?:id|i|d)?|scrypt|pbkdf2)\b|PASSWORD_(BCRYPT|ARGON2ID|ARGON2I|DEFAULT)"#).unwrap()
    });
    let mut found = Vec::new();
    for c in fast.captures_iter(code) {
        let m = c.get(0).unwrap();
        let algo = (1..=13)
            .find_map(|k| c.name(&format!("a{k}")))
            .map(|a| a.as_str().to_ascii_lowercase().replace('-', ""))
            .unwrap_or_else(|| "md5".into());
        let start = (1..=13)
            .find_map(|k| c.name(&format!("u{k}")).or(c.name(&format!("a{k}"))))
            .map_or(m.start(), |g| g.start());
        if c.name("a13").is_some() {
            // Django PASSWORD_HASHERS naming a weak hasher.
            found.push((start..m.end(), algo));
            continue;
        }
        let update_style = (1..=13).any(|k| c.name(&format!("u{k}")).is_some());
        let mut start = start;
        let hashed_password = if update_style {
            // The statement's `.update(password)` / `.Write([]byte(password))`, up to three lines
            // on; the finding sits where the password goes in.
            let mut end = m.end();
            for _ in 0..3 {
                end = super::line_end(code, end);
            }
            let window = &code[m.end()..end];
            let at = ["update(", "Write(", "write(", "digest("]
                .iter()
                .find_map(|call| {
                    let mut from = 0;
                    while let Some(p) = window[from..].find(call) {
                        let pos = m.end() + from + p;
                        let open = pos + call.len() - 1;
                        if arg_identifiers(code, call_args(code, open))
                            .iter()
                            .any(|(i, o)| is_password(ctx, code, i, *o))
                        {
                            return Some(pos);
                        }
                        from += p + call.len();
                    }
                    None
                });
            if let Some(pos) = at {
                if code[start..pos].contains('\n') {
                    start = pos;
                }
            }
            at.is_some()
        } else {
            let open = m.end() - 1;
            code.as_bytes().get(open) == Some(&b'(')
                && arg_identifiers(code, call_args(code, open))
                    .iter()
                    .any(|(i, o)| is_password(ctx, code, i, *o))
                || code.as_bytes().get(open) == Some(&b' ') && {
                    // Ruby `Digest::MD5.hexdigest password`
                    let e = code[open..].find('\n').map_or(code.len(), |n| open + n);
                    arg_identifiers(code, open..e)
                        .iter()
                        .any(|(i, o)| is_password(ctx, code, i, *o))
                }
        };
        if hashed_password {
            found.push((start..m.end(), algo));
        }
    }
    // Have I Been Pwned's range API takes the first five hex digits of a password's SHA-1
    // (k-anonymity): that SHA-1 is a breach lookup, not password storage.
    let breach_check = [
        "pwnedpasswords",
        "haveibeenpwned",
        "HaveIBeenPwned",
        "hibp",
        "HIBP",
    ]
    .iter()
    .any(|k| code.contains(k));
    // A fast digest fed to a slow KDF right after it (same line or the next ten) is
    // pre-hashing (bcrypt's 72-byte limit, a legacy scheme wrapped in PBKDF2), not the stored
    // hash. Django `PASSWORD_HASHERS` entries naming a weak hasher are always reported.
    let wrapped = |span: &std::ops::Range<usize>| {
        // Update-style spans may point past their call (`start` at the `.update(password)`).
        let (lo, hi) = (span.start.min(span.end), span.start.max(span.end));
        let from = code[..lo].rfind('\n').map_or(0, |i| i + 1);
        let mut to = hi;
        for _ in 0..11 {
            to = super::line_end(code, to);
        }
        static KDF: OnceLock<regex::Regex> = OnceLock::new();
        KDF.get_or_init(|| regex::Regex::new(r"(?i)bcrypt|argon2|scrypt|pbkdf2").unwrap())
            .is_match(&code[from..to])
    };
    for (span, algo) in found {
        let setting = code
            .get(span.clone())
            .is_some_and(|t| t.ends_with("PasswordHasher"));
        if algo == "sha1" && breach_check || !setting && wrapped(&span) {
            continue;
        }
        push(ctx, BehaviorKind::FastHash, span, algo, 0, None);
    }
    let mut hashers = Vec::new();
    for m in slow.captures_iter(code) {
        let all = m.get(0).unwrap();
        let line_start = code[..all.start()].rfind('\n').map(|i| i + 1).unwrap_or(0);
        let line_end = code[all.end()..]
            .find('\n')
            .map(|i| all.end() + i)
            .unwrap_or(code.len());
        let line = code[line_start..line_end].to_ascii_lowercase();
        if !(line.contains("hash")
            || line.contains("password")
            || line.contains("compare")
            || line.contains("verify"))
        {
            continue;
        }
        let name = all.as_str().to_ascii_lowercase();
        let algo = if name.contains("bcrypt") || name.contains("password_default") {
            "bcrypt"
        } else if name.contains("argon2") {
            "argon2"
        } else if name.contains("scrypt") {
            "scrypt"
        } else {
            "pbkdf2"
        };
        hashers.push((all.start()..all.end(), algo.to_string()));
    }
    for (span, algo) in hashers {
        push(ctx, BehaviorKind::PasswordHasher, span, algo, 0, None);
    }
}

/// Seconds from a small expression: `60 * 60 * 24 * 7`, `3_600`, `24*time.Hour`,
/// `timedelta(hours=1)`, `'7d'`, `"15m"`.
pub fn eval_seconds(expr: &str) -> Option<u64> {
    static UNIT: OnceLock<regex::Regex> = OnceLock::new();
    let unit = UNIT.get_or_init(|| {
        regex::Regex::new(r"(?x)^
            (?:\+?\s*(?P<n1>\d+)\s*(?P<u1>seconds?|minutes?|hours?|days?|weeks?)       # PHP '+7 days'
            | (?P<n2>\d+)\.(?P<u2>seconds?|minutes?|hours?|days?|weeks?)(?:\.to_i)?     # Ruby 1.week
            | Duration\.of(?P<u3>Seconds|Minutes|Hours|Days)\(\s*(?P<n3>\d+)\s*\)       # Java
            )$").unwrap()
    });
    let e = expr.trim().trim_matches(['"', '\'', '`']).trim();
    if let Some(c) = unit.captures(e) {
        let n: u64 = c
            .name("n1")
            .or(c.name("n2"))
            .or(c.name("n3"))?
            .as_str()
            .parse()
            .ok()?;
        let u = c
            .name("u1")
            .or(c.name("u2"))
            .or(c.name("u3"))?
            .as_str()
            .to_ascii_lowercase();
        let mult = match u.trim_end_matches('s') {
            "second" => 1,
            "minute" => 60,
            "hour" => 3600,
            "day" => 86400,
            "week" => 604800,
            _ => return None,
        };
        return Some(n * mult);
    }
    if let Some(td) = e
        .strip_prefix("timedelta(")
        .or_else(|| e.strip_prefix("datetime.timedelta("))
    {
        let mut total = 0u64;
        for part in td.trim_end_matches(')').split(',') {
            let (k, v) = part.split_once('=')?;
            let v = eval_seconds(v)?;
            total += v * match k.trim() {
                "days" => 86400,
                "hours" => 3600,
                "minutes" => 60,
                "seconds" => 1,
                "weeks" => 604800,
                _ => return None,
            };
        }
        return Some(total);
    }
    // "7d", "15m", "1h"
    if let Some(unit) = e.chars().last().filter(|c| c.is_ascii_alphabetic()) {
        let num = &e[..e.len() - 1];
        if !num.is_empty() && num.chars().all(|c| c.is_ascii_digit()) {
            let n: u64 = num.parse().ok()?;
            return Some(
                n * match unit {
                    's' => 1,
                    'm' => 60,
                    'h' => 3600,
                    'd' => 86400,
                    'w' => 604800,
                    _ => return None,
                },
            );
        }
    }
    let mut total = 0u64;
    for term in e.split('+') {
        let mut prod = 1u64;
        for f in term.split('*') {
            let f = f.trim().trim_matches(['(', ')']).replace('_', "");
            let v = match f.as_str() {
                "time.Second" => 1,
                "time.Minute" => 60,
                "time.Hour" => 3600,
                _ => f.parse::<u64>().ok()?,
            };
            prod = prod.checked_mul(v)?;
        }
        total = total.checked_add(prod)?;
    }
    Some(total)
}

fn signed_urls(ctx: &mut FileCtx, code: &str) {
    static CALL: OnceLock<regex::Regex> = OnceLock::new();
    static KW: OnceLock<regex::Regex> = OnceLock::new();
    let call = CALL.get_or_init(|| {
        regex::Regex::new(r"(?x)\b(createSignedUrls?|createSignedUploadUrl|createPresignedRequest|generate_presigned_url|generate_presigned_post|getSignedUrl|presigned_url|presign\w*|Presign\w*|generate_signed_url|signedUrl|get_presigned_url|url_for|signed_url|signatureDuration|rails_blob_url|rails_blob_path|service_url|url)\s*\(").unwrap()
    });
    let kw = KW.get_or_init(|| {
        regex::Regex::new(r#"(?i)\b(?:expires_?in|expiresIn|expiry|expiration|expires|ttl|X-Amz-Expires|WithPresignExpires|Presign)\s*(?:[:=(]|=>)\s*([^,)}\n;]+(?:\([^)]*\))?)"#).unwrap()
    });
    let mut found = Vec::new();
    for c in call.captures_iter(code) {
        let name = c.get(1).unwrap();
        let open = c.get(0).unwrap().end() - 1;
        let args = call_args(code, open);
        let args_text = &code[args.clone()];
        let mut ttl = None;
        if name.as_str() == "signatureDuration" {
            // AWS SDK for Java v2: .signatureDuration(Duration.ofDays(7))
            ttl = eval_seconds(args_text).map(|v| (v, args.start, args_text.len()));
        }
        if name.as_str().starts_with("createSigned") || name.as_str() == "createPresignedRequest" {
            // Supabase: createSignedUrl(path, expiresInSeconds); AWS PHP: ($cmd, '+7 days')
            let parts = split_top_level(args_text);
            if let Some(second) = parts.get(1) {
                ttl = eval_seconds(second).map(|v| {
                    (
                        v,
                        args.start + args_text.find(second.trim()).unwrap_or(0),
                        second.trim().len(),
                    )
                });
            }
        }
        if ttl.is_none() {
            if let Some(k) = kw.captures(args_text) {
                let v = k.get(1).unwrap();
                let text = v.as_str();
                // GCS (Node): `expires: Date.now() + 7 * 24 * 60 * 60 * 1000`, in milliseconds.
                let secs = match text.split_once("Date.now()") {
                    Some((_, rest)) => {
                        eval_seconds(rest.trim().trim_start_matches('+')).map(|ms| ms / 1000)
                    }
                    None => eval_seconds(text),
                };
                ttl = secs.map(|s| (s, args.start + v.start(), text.trim().len()));
            }
        }
        // Go: presignClient.PresignGetObject(ctx, in, s3.WithPresignExpires(24*time.Hour)) is covered
        // by the keyword; `req.Presign(15 * time.Minute)` by the argument itself.
        if ttl.is_none() && name.as_str() == "Presign" {
            ttl = eval_seconds(args_text).map(|v| (v, args.start, args_text.len()));
        }
        if let Some((secs, off, len)) = ttl {
            found.push((off..off + len.max(1), name.as_str().to_string(), secs));
        }
    }
    for (span, name, secs) in found {
        push(ctx, BehaviorKind::SignedUrl, span, name, secs, None);
    }
}

/// Split an argument list at top-level commas.
pub fn split_top_level(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '\'' | '`' => quote = Some(c),
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    out.push(&s[start..i]);
                    start = i + 1;
                }
                _ => {}
            },
        }
    }
    out.push(&s[start..]);
    out
}

fn ai_opt_ins(ctx: &mut FileCtx, code: &str) {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r#"(?i)\b(store|allow_training|allowTraining|training_opt_in|trainingOptIn|data_sharing|dataSharing|share_data|shareData|enable_training|opt_in_training|data_collection|dataCollection)["']?\s*(?:[:=]|=>)\s*(?:(?:openai\.Bool|param\.NewOpt|Some)\()?(?:true\b|True\b|TRUE\b|"allow"|'allow')"#).unwrap()
    });
    let hits: Vec<(usize, usize, String)> = re
        .captures_iter(code)
        .map(|c| {
            let m = c.get(1).unwrap();
            (m.start(), c.get(0).unwrap().end(), m.as_str().to_string())
        })
        .collect();
    for (s, e, flag) in hits {
        push(ctx, BehaviorKind::AiOptIn, s..e, flag, 0, None);
    }
}

#[cfg(test)]
mod tests {
    use super::{arg_identifiers, eval_seconds};

    #[test]
    fn ttl_expressions() {
        assert_eq!(eval_seconds("60 * 60 * 24 * 7"), Some(604800));
        assert_eq!(eval_seconds("3_600"), Some(3600));
        assert_eq!(eval_seconds("24*time.Hour"), Some(86400));
        assert_eq!(eval_seconds("timedelta(hours=1)"), Some(3600));
        assert_eq!(eval_seconds("'7d'"), Some(604800));
        assert_eq!(eval_seconds("someVar"), None);
        assert_eq!(eval_seconds("1.week.to_i"), Some(604800));
        assert_eq!(eval_seconds("'+7 days'"), Some(604800));
        assert_eq!(eval_seconds("Duration.ofDays(30)"), Some(2592000));
    }

    #[test]
    fn identifiers_skip_plain_string_text_but_read_interpolations() {
        let code = "(`sending email to ${user.email}`, count)";
        let ids: Vec<String> = arg_identifiers(code, 0..code.len())
            .into_iter()
            .map(|(s, _)| s)
            .collect();
        assert_eq!(ids, ["user", "email", "count"]);
        let code = "(\"password reset\", format(x))";
        let ids: Vec<String> = arg_identifiers(code, 0..code.len())
            .into_iter()
            .map(|(s, _)| s)
            .collect();
        assert_eq!(ids, ["x"]);
    }
}
