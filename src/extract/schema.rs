//! Schema languages: SQL migrations and dumps, Prisma, GraphQL SDL and protobuf. Every column
//! or field is classified by name; its declared type decides whether it is the data itself or
//! only *about* it (a boolean or a timestamp).

use super::FileCtx;
use std::sync::OnceLock;

/// Whether a declared type says the field is about the data, not the data (`email_verified
/// boolean`, `phone_confirmed_at timestamptz`).
pub fn is_about_type(ty: &str) -> bool {
    let t = ty.trim().to_ascii_lowercase();
    let t = t.trim_start_matches("option<").trim_start_matches('?');
    t == "boolean"
        || t == "bool"
        || t.starts_with("boolean")
        || t.starts_with("tinyint(1)")
        || t == "timestamp"
        || t.starts_with("timestamp")
        || t.starts_with("timestamptz")
        || t.starts_with("datetime")
        || t == "time.time"
}

/// Whether a field of this data type and declared type is kept: a timestamp is kept for dates of
/// birth, which are often stored as datetimes.
pub fn keeps(ty: Option<&str>, category: &str) -> bool {
    match ty {
        Some(t) if is_about_type(t) => {
            category.contains("date_of_birth") && !t.to_ascii_lowercase().starts_with("bool")
        }
        _ => true,
    }
}

/// Replace SQL comments with spaces (offsets stay valid) and report their directives.
fn strip_sql_comments(ctx: &mut FileCtx) -> String {
    let text = ctx.text;
    let mut out = text.as_bytes().to_vec();
    let b = text.as_bytes();
    let mut i = 0;
    let mut in_str = false;
    while i < b.len() {
        if in_str {
            if b[i] == b'\'' {
                in_str = false;
            }
            i += 1;
            continue;
        }
        if b[i] == b'\'' {
            in_str = true;
            i += 1;
        } else if b[i..].starts_with(b"--") || b[i] == b'#' && (i == 0 || b[i - 1] == b'\n') {
            let e = text[i..].find('\n').map(|n| i + n).unwrap_or(b.len());
            ctx.comment(&text[i..e], i..e);
            out[i..e].iter_mut().for_each(|c| *c = b' ');
            i = e;
        } else if b[i..].starts_with(b"/*") {
            let e = text[i + 2..]
                .find("*/")
                .map(|n| i + 4 + n)
                .unwrap_or(b.len());
            ctx.comment(&text[i..e], i..e);
            out[i..e].iter_mut().for_each(|c| {
                if *c != b'\n' {
                    *c = b' '
                }
            });
            i = e;
        } else {
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn unquote_ident(s: &str) -> &str {
    s.trim_matches(['"', '`', '[', ']'])
}

/// CREATE TABLE (Postgres, MySQL, SQLite) and ALTER TABLE ... ADD [COLUMN].
pub fn extract_sql(ctx: &mut FileCtx) {
    static CREATE: OnceLock<regex::Regex> = OnceLock::new();
    static ALTER: OnceLock<regex::Regex> = OnceLock::new();
    static COL: OnceLock<regex::Regex> = OnceLock::new();
    let create = CREATE.get_or_init(|| {
        regex::Regex::new(r#"(?is)\bcreate\s+(?:(?:global\s+|local\s+)?(?:temporary|temp|unlogged)\s+)?table\s+(?:if\s+not\s+exists\s+)?((?:[\w"`\[\]]+\.)?[\w"`\[\]]+)\s*\("#).unwrap()
    });
    let alter = ALTER.get_or_init(|| {
        regex::Regex::new(r#"(?is)\balter\s+table\s+(?:only\s+)?(?:if\s+exists\s+)?((?:[\w"`\[\]]+\.)?[\w"`\[\]]+)\s+((?:add\s+(?:column\s+)?(?:if\s+not\s+exists\s+)?[^;]*?))(?:;|$)"#).unwrap()
    });
    let col = COL.get_or_init(|| {
        regex::Regex::new(r#"^\s*([\w"`\[\]]+)\s+([A-Za-z][\w ]*(?:\([^)]*\))?(?:\[\])?)"#).unwrap()
    });
    static ADD: OnceLock<regex::Regex> = OnceLock::new();
    let add = ADD.get_or_init(|| {
        regex::Regex::new(r#"(?i)\badd\s+(?:column\s+)?(?:if\s+not\s+exists\s+)?([\w"`\[\]]+)\s+([A-Za-z][\w ]*(?:\([^)]*\))?)"#).unwrap()
    });
    let clean = strip_sql_comments(ctx);
    let mut found: Vec<(String, String, Option<String>, usize, usize)> = Vec::new();
    for c in create.captures_iter(&clean) {
        let table = unquote_ident(c[1].rsplit('.').next().unwrap_or(&c[1])).to_string();
        let body_start = c.get(0).unwrap().end();
        // The body ends at the matching close paren.
        let mut depth = 1;
        let mut end = body_start;
        for (i, ch) in clean[body_start..].char_indices() {
            match ch {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = body_start + i;
                        break;
                    }
                }
                _ => {}
            }
        }
        if end == body_start {
            end = clean.len();
        }
        let body = &clean[body_start..end];
        let mut depth = 0;
        let mut part_start = 0;
        let mut parts = Vec::new();
        for (i, ch) in body.char_indices() {
            match ch {
                '(' => depth += 1,
                ')' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push((part_start, i));
                    part_start = i + 1;
                }
                _ => {}
            }
        }
        parts.push((part_start, body.len()));
        for (s, e) in parts {
            let part = &body[s..e];
            if let Some(m) = col.captures(part) {
                let name = unquote_ident(&m[1]).to_string();
                let upper = name.to_ascii_uppercase();
                if matches!(
                    upper.as_str(),
                    "CONSTRAINT"
                        | "PRIMARY"
                        | "FOREIGN"
                        | "UNIQUE"
                        | "CHECK"
                        | "KEY"
                        | "INDEX"
                        | "EXCLUDE"
                        | "LIKE"
                ) {
                    continue;
                }
                let ty = m[2].trim().to_string();
                let off = body_start + s + m.get(1).unwrap().start();
                found.push((table.clone(), name.clone(), Some(ty), off, off + m[1].len()));
            }
        }
    }
    for c in alter.captures_iter(&clean) {
        let table = unquote_ident(c[1].rsplit('.').next().unwrap_or(&c[1])).to_string();
        let adds = c.get(2).unwrap();
        for a in add.captures_iter(adds.as_str()) {
            let name = unquote_ident(&a[1]).to_string();
            if matches!(
                name.to_ascii_uppercase().as_str(),
                "CONSTRAINT" | "PRIMARY" | "FOREIGN" | "UNIQUE" | "CHECK" | "INDEX"
            ) {
                continue;
            }
            let off = adds.start() + a.get(1).unwrap().start();
            found.push((
                table.clone(),
                name,
                Some(a[2].trim().to_string()),
                off,
                off + a[1].len(),
            ));
        }
    }
    for (table, name, ty, s, e) in found {
        ctx.field(Some(&table), &name, ty.as_deref(), "sql", s..e);
    }
}

/// `model User { email String @unique }`. Relation and enum fields (`posts Post[]`,
/// `role Role`) hold no value of their own: only Prisma's scalar types are fields.
pub fn extract_prisma(ctx: &mut FileCtx) {
    block_fields(ctx, &["model", "type", "view"], "prisma", |line| {
        let mut it = line.split_whitespace();
        let name = it.next()?;
        let ty = it.next()?;
        if name.starts_with('@') || !name.chars().next()?.is_alphabetic() {
            return None;
        }
        let base = ty.trim_end_matches(['?', '[', ']']);
        let scalar = matches!(
            base,
            "String"
                | "Int"
                | "BigInt"
                | "Float"
                | "Decimal"
                | "Boolean"
                | "DateTime"
                | "Json"
                | "Bytes"
        ) || base.starts_with("Unsupported");
        scalar.then_some((name, ty))
    });
}

/// GraphQL SDL: `type User { email: String! }`, `input SignupInput { ... }`.
pub fn extract_graphql(ctx: &mut FileCtx) {
    block_fields(ctx, &["type", "input", "interface"], "graphql", |line| {
        let (name, rest) = line.split_once(':')?;
        let name = name.split('(').next()?.trim();
        if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
            return None;
        }
        Some((name, rest.trim().trim_end_matches('!')))
    });
}

/// protobuf: `message User { string email = 2; }`.
pub fn extract_proto(ctx: &mut FileCtx) {
    block_fields(ctx, &["message"], "protobuf", |line| {
        let line = line
            .trim_start_matches("repeated ")
            .trim_start_matches("optional ");
        let mut it = line.split_whitespace();
        let ty = it.next()?;
        let name = it.next()?;
        if !line.contains('=') {
            return None;
        }
        Some((name, ty))
    });
}

/// Line-oriented `keyword Name { field lines }` blocks, with `//` and `#` comments.
fn block_fields(
    ctx: &mut FileCtx,
    keywords: &[&str],
    source: &'static str,
    parse: impl Fn(&str) -> Option<(&str, &str)>,
) {
    let text = ctx.text;
    let mut owner: Option<String> = None;
    let mut off = 0;
    let mut found = Vec::new();
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        let lead = line.len() - line.trim_start().len();
        if t.starts_with("//") || t.starts_with('#') {
            if t.contains("privlint:") {
                ctx.comment(t, off + lead..off + lead + t.len());
            }
        } else if let Some(kw) = keywords.iter().find(|k| t.starts_with(&format!("{k} "))) {
            if t.ends_with('{') {
                owner = t[kw.len()..].split_whitespace().next().map(str::to_string);
            }
        } else if t.starts_with('}') {
            owner = None;
        } else if let Some(o) = &owner {
            let body = t.split("//").next().unwrap_or(t);
            if let Some((name, ty)) = parse(body) {
                let s = off + lead + t.find(name).unwrap_or(0);
                found.push((
                    o.clone(),
                    name.to_string(),
                    ty.to_string(),
                    s,
                    s + name.len(),
                ));
            }
        }
        off += line.len();
    }
    for (o, name, ty, s, e) in found {
        let ty = match ty.trim_end_matches('?') {
            "Boolean" | "Bool" | "bool" => "boolean".to_string(),
            "DateTime" | "Timestamp" | "google.protobuf.Timestamp" => "timestamp".to_string(),
            other => other.to_string(),
        };
        ctx.field(Some(&o), &name, Some(&ty), source, s..e);
    }
}

/// ActiveRecord `db/schema.rb` and migrations: `create_table "users" do |t| t.string "email"`,
/// `add_column :users, :phone, :string`.
pub fn extract_rails(ctx: &mut FileCtx) {
    static TABLE: OnceLock<regex::Regex> = OnceLock::new();
    static COL: OnceLock<regex::Regex> = OnceLock::new();
    static ADD: OnceLock<regex::Regex> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        regex::Regex::new(r#"^\s*(?:create_table|change_table)\s*\(?\s*[:"']([\w.]+)"#).unwrap()
    });
    let col =
        COL.get_or_init(|| regex::Regex::new(r#"^\s*t\.(\w+)\s*\(?\s*[:"']([\w]+)["']?"#).unwrap());
    let add = ADD.get_or_init(|| {
        regex::Regex::new(
            r#"^\s*add_column\s*\(?\s*[:"']([\w.]+)["']?\s*,\s*[:"'](\w+)["']?\s*,\s*:?(\w+)"#,
        )
        .unwrap()
    });
    let text = ctx.text;
    let mut owner: Option<String> = None;
    let mut found = Vec::new();
    let mut off = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with('#') {
            off += line.len();
            continue;
        }
        if let Some(c) = table.captures(line) {
            owner = Some(c[1].to_string());
        } else if let Some(c) = col.captures(line) {
            let ty = &c[1];
            if !matches!(
                ty,
                "index"
                    | "references"
                    | "belongs_to"
                    | "timestamps"
                    | "foreign_key"
                    | "check_constraint"
            ) {
                let m = c.get(2).unwrap();
                found.push((
                    owner.clone(),
                    m.as_str().to_string(),
                    ty.to_string(),
                    off + m.start(),
                    off + m.end(),
                ));
            }
        } else if let Some(c) = add.captures(line) {
            let m = c.get(2).unwrap();
            found.push((
                Some(c[1].to_string()),
                m.as_str().to_string(),
                c[3].to_string(),
                off + m.start(),
                off + m.end(),
            ));
        }
        off += line.len();
    }
    for (o, n, ty, s, e) in found {
        ctx.field(
            o.as_deref(),
            &n,
            Some(&rails_type(&ty)),
            "activerecord",
            s..e,
        );
    }
}

fn rails_type(t: &str) -> String {
    match t {
        "boolean" => "boolean".into(),
        "datetime" | "timestamp" | "timestamptz" => "timestamp".into(),
        other => other.into(),
    }
}

/// Laravel migrations: `Schema::create('users', fn (Blueprint $table) { $table->string('email'); })`.
pub fn extract_laravel(ctx: &mut FileCtx) {
    static TABLE: OnceLock<regex::Regex> = OnceLock::new();
    static COL: OnceLock<regex::Regex> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        regex::Regex::new(r#"Schema::(?:create|table)\s*\(\s*["']([\w.]+)["']"#).unwrap()
    });
    let col =
        COL.get_or_init(|| regex::Regex::new(r#"\$table->(\w+)\s*\(\s*["'](\w+)["']"#).unwrap());
    let text = ctx.text;
    let mut found = Vec::new();
    let mut owner: Option<String> = None;
    let mut off = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with("//") || t.starts_with('#') || t.starts_with('*') {
            off += line.len();
            continue;
        }
        if let Some(c) = table.captures(line) {
            owner = Some(c[1].to_string());
        }
        for c in col.captures_iter(line) {
            let ty = c[1].to_string();
            if matches!(
                ty.as_str(),
                "index"
                    | "unique"
                    | "foreign"
                    | "foreignId"
                    | "primary"
                    | "dropColumn"
                    | "renameColumn"
                    | "dropIndex"
                    | "foreignIdFor"
                    | "morphs"
            ) {
                continue;
            }
            let m = c.get(2).unwrap();
            found.push((
                owner.clone(),
                m.as_str().to_string(),
                ty,
                off + m.start(),
                off + m.end(),
            ));
        }
        off += line.len();
    }
    for (o, n, ty, s, e) in found {
        let ty = match ty.as_str() {
            "boolean" => "boolean".to_string(),
            "timestamp" | "timestampTz" | "dateTime" | "dateTimeTz" => "timestamp".to_string(),
            _ => ty,
        };
        ctx.field(o.as_deref(), &n, Some(&ty), "laravel-migration", s..e);
    }
}
