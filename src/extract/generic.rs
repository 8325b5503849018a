//! A small lexer for languages we have no parser for (C#, Kotlin, Swift, Dart, Scala, ...) and a
//! fallback when a parser gives up: it separates comments from string literals from code, so a
//! vendor named in a comment is never a use. Also env files and generic config.

use super::{is_env_call_before, looks_like_env_name, FileCtx};
use crate::catalog::matcher::Lang;
use std::sync::OnceLock;

/// Comment and string syntax of a C-like language.
#[derive(Clone, Copy)]
struct Syntax {
    hash_comments: bool,
    slash_comments: bool,
    backtick_strings: bool,
    single_quote_strings: bool,
}

fn syntax_for(path: &str) -> Syntax {
    let ext = path.rsplit('.').next().unwrap_or("");
    match ext {
        "ex" | "exs" | "rb" | "py" => Syntax {
            hash_comments: true,
            slash_comments: false,
            backtick_strings: false,
            single_quote_strings: true,
        },
        "kt" | "kts" | "cs" | "swift" | "java" | "scala" | "c" | "cc" | "cpp" | "h" | "hpp"
        | "m" | "mm" => Syntax {
            hash_comments: false,
            slash_comments: true,
            backtick_strings: false,
            single_quote_strings: false,
        },
        _ => Syntax {
            hash_comments: false,
            slash_comments: true,
            backtick_strings: true,
            single_quote_strings: true,
        },
    }
}

/// Lex `ctx.text[start..end]`; report comments and string literals, and imports by `lang`.
pub fn scan_clike(ctx: &mut FileCtx, start: usize, end: usize, lang: Lang) {
    let syn = syntax_for(ctx.rel);
    let text = ctx.text;
    let b = text.as_bytes();
    let mut i = start;
    let mut strings: Vec<(usize, usize)> = Vec::new();
    let mut comments: Vec<(usize, usize)> = Vec::new();
    while i < end {
        let c = b[i];
        if syn.slash_comments && c == b'/' && i + 1 < end && b[i + 1] == b'/'
            || syn.hash_comments && c == b'#'
        {
            let e = text[i..end].find('\n').map(|n| i + n).unwrap_or(end);
            ctx.comment(&text[i..e], i..e);
            comments.push((i, e));
            i = e;
        } else if syn.slash_comments && c == b'/' && i + 1 < end && b[i + 1] == b'*' {
            let e = text[i + 2..end]
                .find("*/")
                .map(|n| i + 2 + n + 2)
                .unwrap_or(end);
            ctx.comment(&text[i..e], i..e);
            comments.push((i, e));
            i = e;
        } else if c == b'"'
            || (c == b'\'' && syn.single_quote_strings)
            || (c == b'`' && syn.backtick_strings)
        {
            let triple = i + 2 < end && b[i + 1] == c && b[i + 2] == c;
            let (body_start, close): (usize, &[u8]) = if triple {
                (i + 3, if c == b'"' { b"\"\"\"" } else { b"'''" })
            } else {
                (i + 1, std::slice::from_ref(&b[i]))
            };
            let mut j = body_start;
            let mut found = end;
            while j < end {
                if b[j] == b'\\' {
                    j += 2;
                    continue;
                }
                if !triple && b[j] == b'\n' && c != b'`' {
                    found = j;
                    break;
                }
                if b[j..end].starts_with(close) {
                    found = j;
                    break;
                }
                j += 1;
            }
            let found = found.min(end);
            strings.push((body_start.min(found), found));
            i = (found + close.len()).min(end).max(i + 1);
        } else {
            i += 1;
        }
    }
    for (s, e) in strings {
        let (s, e) = (
            crate::text::floor_char_boundary(text, s),
            crate::text::floor_char_boundary(text, e),
        );
        let value = &text[s..e];
        if looks_like_env_name(value) {
            let from = crate::text::floor_char_boundary(text, s.saturating_sub(49));
            if is_env_call_before(&text[from..s.saturating_sub(1).max(from)]) {
                ctx.env(value, s..e);
            }
        }
        ctx.string_literal(value, s..e);
    }
    if lang == Lang::Js {
        js_env_members(ctx, start, end, &comments);
    }
    scan_imports(ctx, start, end, lang);
}

/// `process.env.X` / `import.meta.env.X` when the JS parser could not be used.
fn js_env_members(ctx: &mut FileCtx, start: usize, end: usize, comments: &[(usize, usize)]) {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r"\b(?:process\.env|import\.meta\.env|Bun\.env)\.([A-Za-z_][A-Za-z0-9_]*)",
        )
        .unwrap()
    });
    let text = ctx.text;
    let hits: Vec<(String, usize, usize)> = re
        .captures_iter(&text[start..end])
        .filter_map(|c| c.get(1))
        .map(|m| (m.as_str().to_string(), start + m.start(), start + m.end()))
        .filter(|(_, s, _)| !comments.iter().any(|&(a, b)| a <= *s && *s < b))
        .collect();
    for (name, s, e) in hits {
        ctx.env(&name, s..e);
    }
}

/// Import lines of languages without a parser here, by regex over uncommented lines.
fn scan_imports(ctx: &mut FileCtx, start: usize, end: usize, lang: Lang) {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r#"(?m)^[ \t]*(?:import|using|use|require|from|alias)\s+(?:static\s+)?['"]?(?:package:)?([A-Za-z_@][\w.\-/\\@:]*)"#).unwrap()
    });
    let text = ctx.text;
    if lang == Lang::Js {
        // `import x from 'pkg'`, `export * from 'pkg'`, `require('pkg')`, `import('pkg')`.
        static JS: OnceLock<regex::Regex> = OnceLock::new();
        let js = JS.get_or_init(|| {
            regex::Regex::new(
                r#"(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"\n]+)['"]"#,
            )
            .unwrap()
        });
        let caps: Vec<(String, std::ops::Range<usize>)> = js
            .captures_iter(&text[start..end])
            .filter_map(|c| c.get(1))
            .map(|m| (m.as_str().to_string(), start + m.start()..start + m.end()))
            .collect();
        for (spec, r) in caps {
            ctx.import(Lang::Js, &spec, r);
        }
        return;
    }
    let lang = match ctx.rel.rsplit('.').next().unwrap_or("") {
        "cs" => Lang::Csharp,
        "kt" | "kts" | "scala" | "groovy" | "java" => Lang::Java,
        _ => lang,
    };
    let caps: Vec<(String, std::ops::Range<usize>)> = re
        .captures_iter(&text[start..end])
        .filter_map(|c| c.get(1))
        .map(|m| {
            let spec = m.as_str().trim_end_matches([';', '.', '*']).to_string();
            (spec, start + m.start()..start + m.end())
        })
        .collect();
    for (spec, r) in caps {
        ctx.import(lang, &spec, r);
    }
}

pub fn extract_clike(ctx: &mut FileCtx) {
    let end = ctx.text.len();
    scan_clike(ctx, 0, end, Lang::Java);
}

/// `.env`, `.env.example`, ...: `NAME=value` lines declare env vars the service reads.
pub fn extract_env_file(ctx: &mut FileCtx) {
    let text = ctx.text;
    let mut off = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        let lead = line.len() - t.len();
        if t.starts_with('#') {
            ctx.comment(t, off + lead..off + line.trim_end().len());
        } else {
            let t2 = t.strip_prefix("export ").unwrap_or(t);
            let skip = t.len() - t2.len();
            if let Some(eq) = t2.find('=') {
                let name = t2[..eq].trim();
                if looks_like_env_name(name) {
                    let s = off + lead + skip;
                    ctx.env(name, s..s + name.len());
                }
                let value = t2[eq + 1..].trim().trim_matches(['"', '\'']);
                let vs = off + lead + skip + eq + 1;
                ctx.string_literal(value, vs..off + line.trim_end().len());
            }
        }
        off += line.len();
    }
}

/// YAML, JSON, TOML, INI, XML...: hosts in values, env names as keys (docker-compose, k8s,
/// CI workflows). `#` and `//` comments are skipped.
pub fn extract_config(ctx: &mut FileCtx) {
    if ctx.text.contains("server.servlet.session.cookie.") {
        spring_session_cookie(ctx);
    }
    if ctx.rel.ends_with("config.toml") && ctx.text.contains("[auth.external.") {
        supabase_auth_providers(ctx);
    }
    static KEY: OnceLock<regex::Regex> = OnceLock::new();
    let key = KEY.get_or_init(|| {
        regex::Regex::new(r#"^\s*(?:-\s*)?["']?([A-Z][A-Z0-9_]{2,})["']?\s*[:=]"#).unwrap()
    });
    let text = ctx.text;
    let json = ctx.rel.ends_with(".json");
    let mut off = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        let lead = line.len() - t.len();
        let is_comment = (!json && t.starts_with('#')) || t.starts_with("//") || t.starts_with(';');
        if is_comment {
            ctx.comment(t, off + lead..off + line.trim_end().len());
        } else if !t.is_empty() {
            if let Some(c) = key.captures(line).and_then(|c| c.get(1)) {
                ctx.env(c.as_str(), off + c.start()..off + c.end());
            }
            // Kubernetes / compose env lists: `- name: STRIPE_SECRET_KEY`.
            if let Some(rest) = t.trim_start_matches("- ").strip_prefix("name:") {
                let v = rest.trim().trim_matches(['"', '\'']);
                if looks_like_env_name(v) {
                    let s = off + line.find(v).unwrap_or(0);
                    ctx.env(v, s..s + v.len());
                }
            }
            // Values: everything after the key separator, comments after ` #` removed.
            let body = match (!json).then(|| line.find(" #")).flatten() {
                Some(h) => &line[..h],
                None => line.trim_end(),
            };
            if body.contains('.') {
                // A value of several words is prose (a translation, a description): only URLs in
                // it name hosts, never a bare `stripe.com` in a sentence; nor does a capitalised
                // brand (`"Cal.com"`): configured hosts are written in lower case.
                let prose = is_prose(body);
                for (s, tok) in value_tokens(body) {
                    let bare = !tok.contains("//");
                    if bare && (prose || tok.bytes().any(|b| b.is_ascii_uppercase())) {
                        continue;
                    }
                    ctx.string_literal(tok, off + s..off + s + tok.len());
                }
            }
        }
        off += line.len();
    }
}

/// Whether a config line's value (after `key:` / `key =` / `"key":`) is several words.
fn is_prose(line: &str) -> bool {
    let t = line.trim_start().trim_start_matches("- ");
    let value = match t.find([':', '=']) {
        // `https://...` is a value, not a key followed by `//...`.
        Some(i) if !t[i..].starts_with("://") => &t[i + 1..],
        _ => t,
    };
    value
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | ','))
        .split_whitespace()
        .nth(1)
        .is_some()
}

/// Whitespace-, quote- and punctuation-separated tokens that may be hosts or URLs, with offsets.
fn value_tokens(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let sep = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\'' | ',' | '=' | '(' | ')' | '[' | ']' | '<' | '>' | '{' | '}' | ';'
            )
    };
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if sep(c) {
            if let Some(st) = start.take() {
                out.push((st, &s[st..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out.into_iter()
        .filter(|(_, t)| t.contains('.') && t.len() >= 4)
}

/// Supabase `config.toml`: `[auth.external.google] enabled = true` turns on social sign-in.
fn supabase_auth_providers(ctx: &mut FileCtx) {
    let Ok(v) = toml::from_str::<toml::Value>(ctx.text) else {
        return;
    };
    let Some(ext) = v
        .get("auth")
        .and_then(|a| a.get("external"))
        .and_then(|e| e.as_table())
    else {
        return;
    };
    for (name, table) in ext {
        if table.get("enabled").and_then(|e| e.as_bool()) != Some(true) {
            continue;
        }
        let probe = format!("provider: '{name}'");
        if let Some((id, _)) = super::oauth_provider_in(&probe) {
            let header = format!("[auth.external.{name}]");
            if let Some(pos) = ctx.text.find(&header) {
                ctx.use_of(
                    id,
                    crate::fact::EvidenceKind::Import,
                    pos..pos + header.len(),
                );
            }
        }
    }
}

/// Comment ranges of C-like source (`//`, `/* */`), skipping string literals: for languages
/// whose parser drops comments (syn).
pub fn comment_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                let e = text[i..].find('\n').map(|n| i + n).unwrap_or(b.len());
                out.push(i..e);
                i = e;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let e = text[i + 2..]
                    .find("*/")
                    .map(|n| i + 4 + n)
                    .unwrap_or(b.len());
                out.push(i..e);
                i = e;
            }
            _ => i += 1,
        }
    }
    out
}

/// Spring Boot `server.servlet.session.cookie.*` properties describe the session cookie.
fn spring_session_cookie(ctx: &mut FileCtx) {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"(?m)^\s*server\.servlet\.session\.cookie\.(name|secure|http-only|same-site)\s*[=:]\s*(\S+)").unwrap()
    });
    let mut c = crate::fact::CookieSet {
        name: "JSESSIONID".into(),
        ..Default::default()
    };
    let mut at = None;
    for cap in re.captures_iter(ctx.text) {
        let v = cap[2].trim().to_string();
        match &cap[1] {
            "name" => {
                c.name = v;
                at = cap.get(2).map(|m| m.range());
            }
            "secure" => c.secure = Some(v == "true"),
            "http-only" => c.http_only = Some(v == "true"),
            _ => c.same_site = Some(v),
        }
        at = at.or_else(|| cap.get(0).map(|m| m.range()));
    }
    if let Some(r) = at {
        ctx.cookie(c, r);
    }
}
