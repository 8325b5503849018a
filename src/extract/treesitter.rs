//! Python, Go, Ruby, Java and PHP through tree-sitter: one generic walk over the syntax tree,
//! parameterised by each grammar's node kinds. Comments and string literals are told apart by
//! the parser, so a vendor named in a comment or docstring-free code is handled exactly.

use super::{is_env_call_before, looks_like_env_name, FileCtx};
use crate::catalog::matcher::Lang;
use crate::fact::CookieSet;
use std::cell::RefCell;
use std::sync::OnceLock;
use tree_sitter::{Node, Parser};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grammar {
    Python,
    Go,
    Ruby,
    Java,
    Php,
    /// PHP source without an opening `<?php` tag (config snippets, partial files).
    PhpOnly,
}

impl Grammar {
    fn language(self) -> tree_sitter::Language {
        match self {
            Grammar::Python => tree_sitter_python::LANGUAGE.into(),
            Grammar::Go => tree_sitter_go::LANGUAGE.into(),
            Grammar::Ruby => tree_sitter_ruby::LANGUAGE.into(),
            Grammar::Java => tree_sitter_java::LANGUAGE.into(),
            Grammar::Php => tree_sitter_php::LANGUAGE_PHP.into(),
            Grammar::PhpOnly => tree_sitter_php::LANGUAGE_PHP_ONLY.into(),
        }
    }

    fn lang(self) -> Lang {
        match self {
            Grammar::Python => Lang::Python,
            Grammar::Go => Lang::Go,
            Grammar::Ruby => Lang::Ruby,
            Grammar::Java => Lang::Java,
            Grammar::Php | Grammar::PhpOnly => Lang::Php,
        }
    }

    fn is_comment(self, kind: &str) -> bool {
        matches!(kind, "comment" | "line_comment" | "block_comment")
    }

    fn is_string(self, kind: &str) -> bool {
        match self {
            Grammar::Python => kind == "string",
            Grammar::Go => matches!(kind, "interpreted_string_literal" | "raw_string_literal"),
            Grammar::Ruby => matches!(kind, "string" | "simple_symbol"),
            Grammar::Java => matches!(kind, "string_literal" | "text_block"),
            Grammar::Php | Grammar::PhpOnly => matches!(kind, "string" | "encapsed_string"),
        }
    }
}

thread_local! {
    /// One parser per grammar per thread: creating a parser is cheap, setting a language less so.
    static PARSERS: RefCell<Vec<(Grammar, Parser)>> = const { RefCell::new(Vec::new()) };
}

/// Python/Ruby/PHP string prefixes and quotes: `f"..."`, `r'...'`, `"""..."""`, `:sym`.
fn unquote(s: &str) -> (&str, usize) {
    let start = s
        .char_indices()
        .find(|(_, c)| matches!(c, '"' | '\'' | '`'))
        .map(|(i, _)| i);
    let Some(start) = start else {
        // Ruby symbol
        return (
            s.trim_start_matches(':'),
            s.len() - s.trim_start_matches(':').len(),
        );
    };
    let q = &s[start..];
    for quote in ["\"\"\"", "'''", "\"", "'", "`"] {
        if q.starts_with(quote) && q.len() >= 2 * quote.len() && q.ends_with(quote) {
            return (&q[quote.len()..q.len() - quote.len()], start + quote.len());
        }
    }
    (s, 0)
}

/// Whether a file can need the syntax tree: it names a catalog processor, or may hold model
/// fields, cookies or session settings. Parsing is most of the cost, and most files need none
/// of it; those are read by the lexer (comments, strings) and the behaviour pass only.
/// How much of a file tree-sitter must read. Parsing is most of the cost for these languages,
/// and the flat lexer already finds imports, strings, env reads and comments; the tree is needed
/// for calls (flows, cookies) near a vendor, and for the declarations that hold fields.
enum Need {
    Nothing,
    /// Only these byte ranges (whole lines: Go `type ... struct` blocks, Python model classes).
    Declarations(Vec<std::ops::Range<usize>>),
    Everything,
}

fn need(ctx: &FileCtx, grammar: Grammar) -> Need {
    let t = ctx.text;
    if ctx.catalog.index.mentions_any(t)
        || t.contains("ookie")
        || t.contains("SESSION")
        || t.contains("session_")
    {
        return Need::Everything;
    }
    let any = |ks: &[&str]| ks.iter().any(|k| t.contains(k));
    let all_or_nothing = |b: bool| if b { Need::Everything } else { Need::Nothing };
    let decls = |r: Vec<std::ops::Range<usize>>| {
        if r.is_empty() {
            Need::Nothing
        } else {
            Need::Declarations(r)
        }
    };
    match grammar {
        // Migrations declare fields in calls, anywhere in the file.
        Grammar::Python if any(&["AddField", "AlterField", "add_column", "CreateModel"]) => {
            Need::Everything
        }
        Grammar::Python => match python_model_classes(t) {
            Some(r) => decls(r),
            None => Need::Everything,
        },
        Grammar::Go if t.contains("struct") => decls(go_struct_types(t)),
        Grammar::Go => Need::Nothing,
        Grammar::Java => all_or_nothing(any(&[
            "@Entity",
            "@Table",
            "@Document",
            "@Embeddable",
            "@MappedSuperclass",
        ])),
        Grammar::Ruby => all_or_nothing(any(&["create_table", "add_column", "change_table"])),
        Grammar::Php | Grammar::PhpOnly => all_or_nothing(any(&["Schema::", "<script", "<img"])),
    }
}

/// Go `type X struct { ... }` declarations and `type ( ... )` groups, as whole lines.
fn go_struct_types(t: &str) -> Vec<std::ops::Range<usize>> {
    static TYPE: OnceLock<regex::Regex> = OnceLock::new();
    let re = TYPE.get_or_init(|| {
        regex::Regex::new(
            r"(?m)^[ \t]*type(?:[ \t]*\(|[ \t]+\w+(?:\[[^\]\n]*\])?[ \t]+struct[ \t]*\{)",
        )
        .unwrap()
    });
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for m in re.find_iter(t) {
        if out.last().is_some_and(|r| m.start() < r.end) {
            continue; // inside a group already taken
        }
        let Some(close) = super::closing_brace(t.as_bytes(), m.end() - 1) else {
            continue;
        };
        out.push(m.start()..super::line_end(t, close));
    }
    out
}

/// Top-level Python classes whose bases make them models (see [`is_model_base`]), from the
/// `class` line to the next top-level line. `None` when a model class is nested (indented):
/// then the whole file is parsed.
fn python_model_classes(t: &str) -> Option<Vec<std::ops::Range<usize>>> {
    static CLASS: OnceLock<regex::Regex> = OnceLock::new();
    let re = CLASS.get_or_init(|| {
        regex::Regex::new(
            r"(?m)^([ \t]*)class[ \t]+\w+[ \t]*(?:\[[^\]\n]*\])?[ \t]*(\([^:]*\))?[ \t]*:",
        )
        .unwrap()
    });
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    // Triple quotes seen so far: a `class` line after an odd number is inside a string.
    let (mut seen, mut dq, mut sq) = (0usize, 0usize, 0usize);
    for c in re.captures_iter(t) {
        let whole = c.get(0)?;
        dq += t[seen..whole.start()].matches("\"\"\"").count();
        sq += t[seen..whole.start()].matches("\'\'\'").count();
        seen = whole.start();
        let bases = c.get(2).map(|b| b.as_str()).unwrap_or("");
        if dq % 2 == 1 || sq % 2 == 1 || !is_model_base(bases) {
            continue;
        }
        if !c[1].is_empty() {
            return None;
        }
        // The class ends where a line starts in column 0 with code (not a comment).
        let mut end = super::line_end(t, whole.end().saturating_sub(1));
        while end < t.len() {
            let b = t.as_bytes()[end];
            if !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'#') {
                break;
            }
            end = super::line_end(t, end);
        }
        out.push(whole.start()..end);
    }
    Some(out)
}

/// A tree-sitter point (row, byte column) for each of `offsets`, which must be sorted.
fn points(t: &str, offsets: &[usize]) -> Vec<tree_sitter::Point> {
    let mut out = Vec::with_capacity(offsets.len());
    let (mut row, mut line_start, mut at) = (0usize, 0usize, 0usize);
    for &o in offsets {
        for (i, _) in t.as_bytes()[at..o]
            .iter()
            .enumerate()
            .filter(|(_, &b)| b == b'\n')
        {
            row += 1;
            line_start = at + i + 1;
        }
        at = o;
        out.push(tree_sitter::Point::new(row, o - line_start));
    }
    out
}

pub fn extract(ctx: &mut FileCtx, grammar: Grammar) {
    let n = need(ctx, grammar);
    extract_as(ctx, grammar, n);
}

fn extract_as(ctx: &mut FileCtx, grammar: Grammar, need: Need) {
    // Unless the tree reads everything, the lexer reads imports, strings, env and comments.
    if !matches!(need, Need::Everything) {
        let end = ctx.text.len();
        super::generic::scan_clike(ctx, 0, end, grammar.lang());
    }
    let decls = match need {
        Need::Everything => None,
        Need::Nothing => return,
        Need::Declarations(r) => Some(r),
    };
    let grammar = if grammar == Grammar::Php && !ctx.text.contains("<?") {
        Grammar::PhpOnly
    } else {
        grammar
    };
    let included: Vec<tree_sitter::Range> = match &decls {
        Some(r) => {
            let offs: Vec<usize> = r.iter().flat_map(|r| [r.start, r.end]).collect();
            let pts = points(ctx.text, &offs);
            r.iter()
                .enumerate()
                .map(|(k, r)| tree_sitter::Range {
                    start_byte: r.start,
                    end_byte: r.end,
                    start_point: pts[2 * k],
                    end_point: pts[2 * k + 1],
                })
                .collect()
        }
        None => Vec::new(),
    };
    let tree = PARSERS.with(|cell| {
        let mut parsers = cell.borrow_mut();
        let pos = match parsers.iter().position(|(g, _)| *g == grammar) {
            Some(p) => p,
            None => {
                let mut p = Parser::new();
                if p.set_language(&grammar.language()).is_err() {
                    return None;
                }
                parsers.push((grammar, p));
                parsers.len() - 1
            }
        };
        let parser = &mut parsers[pos].1;
        // No ranges: the whole file (the parser is reused, so this is always set).
        parser.set_included_ranges(&included).ok()?;
        parser.parse(ctx.text, None)
    });
    let Some(tree) = tree else {
        if decls.is_none() {
            ctx.issue("parser unavailable: scanned with the fallback lexer");
            let end = ctx.text.len();
            super::generic::scan_clike(ctx, 0, end, grammar.lang());
        }
        return;
    };
    let root = tree.root_node();
    // A slice of a file parses with errors of its own making; only a whole file's count.
    if root.has_error() && decls.is_none() {
        ctx.issue("syntax errors: parsed best-effort");
    }
    let mut w = Walker {
        grammar,
        owners: Vec::new(),
        clients: std::collections::HashMap::new(),
        handled_until: 0,
        decls_only: decls.is_some(),
    };
    w.walk(ctx, root);
    if decls.is_some() {
        return;
    }
    match grammar {
        Grammar::Python => python_settings(ctx),
        Grammar::Ruby if ctx.text.contains("session_store") => rails_session_store(ctx),
        Grammar::Ruby if ctx.text.contains("create_table") || ctx.text.contains("add_column") => {
            super::schema::extract_rails(ctx)
        }
        Grammar::Php if ctx.text.contains("<script") || ctx.text.contains("<img") => {
            // The HTML around `<?php ?>` blocks: script tags and inline snippets.
            super::html::extract(ctx);
            if ctx.text.contains("Schema::") {
                super::schema::extract_laravel(ctx)
            }
        }
        Grammar::Php | Grammar::PhpOnly if ctx.text.contains("Schema::") => {
            super::schema::extract_laravel(ctx)
        }
        _ => {}
    }
}

struct Walker {
    grammar: Grammar,
    owners: Vec<String>,
    /// Local names bound to a processor's SDK (Python: imports and clients built from them).
    clients: std::collections::HashMap<String, usize>,
    /// End of the last builder chain read as a whole.
    handled_until: usize,
    /// The tree holds declarations only (see [`Need::Declarations`]): the lexer has read the
    /// file's strings, comments and imports already.
    decls_only: bool,
}

fn text<'t>(ctx: &FileCtx<'t>, n: Node) -> &'t str {
    ctx.text.get(n.byte_range()).unwrap_or("")
}

impl Walker {
    fn walk(&mut self, ctx: &mut FileCtx, root: Node) {
        // Iterative pre-order walk: deep trees never overflow the stack.
        let mut cursor = root.walk();
        let mut pushed: Vec<usize> = Vec::new();
        let mut depth = 0usize;
        loop {
            let node = cursor.node();
            let owner_pushed = self.enter(ctx, node);
            if owner_pushed {
                pushed.push(depth);
            }
            if !self.skip_children(node) && cursor.goto_first_child() {
                depth += 1;
                continue;
            }
            loop {
                if pushed.last() == Some(&depth) {
                    pushed.pop();
                    self.owners.pop();
                }
                if cursor.goto_next_sibling() {
                    break;
                }
                if !cursor.goto_parent() {
                    return;
                }
                depth -= 1;
            }
        }
    }

    fn skip_children(&self, node: Node) -> bool {
        self.grammar.is_comment(node.kind()) || self.grammar.is_string(node.kind())
    }

    /// Handle one node; returns whether it opened an owner scope (class, struct, table).
    fn enter(&mut self, ctx: &mut FileCtx, node: Node) -> bool {
        let kind = node.kind();
        let g = if self.grammar == Grammar::PhpOnly {
            Grammar::Php
        } else {
            self.grammar
        };
        if self.decls_only
            && !matches!(
                (g, kind),
                (Grammar::Python, "class_definition") | (Grammar::Go, "type_spec")
            )
        {
            return false;
        }
        if g.is_comment(kind) {
            let t = text(ctx, node);
            ctx.comment(t, node.byte_range());
            return false;
        }
        if g.is_string(kind) {
            // A string statement on its own is a docstring: documentation, like a comment.
            if g == Grammar::Python
                && node.parent().is_some_and(|p| {
                    p.kind() == "expression_statement" && p.named_child_count() == 1
                })
            {
                ctx.comment(text(ctx, node), node.byte_range());
                return false;
            }
            let raw = text(ctx, node);
            let (value, off) = unquote(raw);
            let start = node.start_byte() + off;
            let span = start..start + value.len();
            if looks_like_env_name(value) {
                let from = crate::text::floor_char_boundary(
                    ctx.text,
                    node.start_byte().saturating_sub(48),
                );
                if is_env_call_before(&ctx.text[from..node.start_byte()]) {
                    ctx.env(value, span.clone());
                }
            }
            ctx.string_literal(value, span);
            return false;
        }
        match (g, kind) {
            (Grammar::Python, "import_statement") => {
                let mut c = node.walk();
                for child in node.named_children(&mut c) {
                    let name = match child.kind() {
                        "dotted_name" => Some(child),
                        "aliased_import" => child.child_by_field_name("name"),
                        _ => None,
                    };
                    if let Some(n) = name {
                        let t = text(ctx, n).to_string();
                        ctx.import(Lang::Python, &t, n.byte_range());
                        if let Some(p) = ctx.catalog.index.import(Lang::Python, &t) {
                            let local = child
                                .child_by_field_name("alias")
                                .map(|a| text(ctx, a).to_string())
                                .unwrap_or_else(|| t.split('.').next().unwrap_or(&t).to_string());
                            self.clients.insert(local, p);
                        }
                    }
                }
            }
            (Grammar::Python, "import_from_statement") => {
                if let Some(m) = node.child_by_field_name("module_name") {
                    if m.kind() == "dotted_name" {
                        let module = text(ctx, m).to_string();
                        // `from google.cloud import storage` names google.cloud.storage
                        let mut c = node.walk();
                        let mut matched = false;
                        for n in node.children_by_field_name("name", &mut c) {
                            let leaf = match n.kind() {
                                "aliased_import" => n.child_by_field_name("name").unwrap_or(n),
                                _ => n,
                            };
                            let full = format!("{module}.{}", text(ctx, leaf));
                            if ctx.catalog.index.import(Lang::Python, &full).is_some() {
                                ctx.import(Lang::Python, &full, m.byte_range());
                                matched = true;
                                break;
                            }
                        }
                        if !matched {
                            ctx.import(Lang::Python, &module, m.byte_range());
                        }
                        if let Some(p) = ctx.catalog.index.import(Lang::Python, &module) {
                            let mut c = node.walk();
                            for n in node.children_by_field_name("name", &mut c) {
                                let local = match n.kind() {
                                    "aliased_import" => n.child_by_field_name("alias").unwrap_or(n),
                                    _ => n,
                                };
                                self.clients.insert(text(ctx, local).to_string(), p);
                            }
                        }
                    }
                }
            }
            (Grammar::Python, "class_definition") => {
                let name = node
                    .child_by_field_name("name")
                    .map(|n| text(ctx, n).to_string());
                let bases = node
                    .child_by_field_name("superclasses")
                    .map(|n| text(ctx, n))
                    .unwrap_or("");
                if let Some(name) = name {
                    if is_model_base(bases) {
                        self.python_fields(ctx, node, &name);
                        // Django's user bases bring their own columns.
                        let inherited: &[&str] = if bases.contains("AbstractUser") {
                            &["username", "first_name", "last_name", "email", "password"]
                        } else if bases.contains("AbstractBaseUser") {
                            &["password"]
                        } else {
                            &[]
                        };
                        if let Some(n) = node.child_by_field_name("name") {
                            for f in inherited {
                                ctx.field(Some(&name), f, None, "django-model", n.byte_range());
                            }
                        }
                    }
                }
            }
            (Grammar::Go, "import_spec") => {
                if let Some(p) = node.child_by_field_name("path") {
                    let (v, off) = unquote(text(ctx, p));
                    let v = v.to_string();
                    let s = p.start_byte() + off;
                    ctx.import(Lang::Go, &v, s..s + v.len());
                }
                return false;
            }
            (Grammar::Go, "type_spec") => {
                if let (Some(name), Some(ty)) = (
                    node.child_by_field_name("name"),
                    node.child_by_field_name("type"),
                ) {
                    if ty.kind() == "struct_type" {
                        let owner = text(ctx, name).to_string();
                        go_struct_fields(ctx, ty, &owner);
                    }
                }
            }
            (Grammar::Go, "composite_literal") => {
                if let Some(ty) = node.child_by_field_name("type") {
                    let t = text(ctx, ty);
                    if t == "http.Cookie" || t == "&http.Cookie" {
                        go_cookie(ctx, node);
                    }
                }
            }
            (Grammar::Ruby, "call") => {
                let method = node
                    .child_by_field_name("method")
                    .map(|m| text(ctx, m))
                    .unwrap_or("");
                let receiver = node.child_by_field_name("receiver");
                if receiver.is_none() && matches!(method, "require" | "gem") {
                    if let Some(arg) = first_string_arg(node) {
                        let (v, off) = unquote(text(ctx, arg));
                        let v = v.to_string();
                        let s = arg.start_byte() + off;
                        ctx.import(Lang::Ruby, &v, s..s + v.len());
                    }
                }
                if let Some(r) = receiver {
                    ruby_constant_use(ctx, r);
                }
            }
            (Grammar::Ruby, "scope_resolution") => {
                ruby_constant_use(ctx, node);
            }
            (Grammar::Ruby, "assignment") | (Grammar::Ruby, "operator_assignment") => {
                if let Some(left) = node.child_by_field_name("left") {
                    let lt = text(ctx, left);
                    if lt.starts_with("cookies") {
                        ruby_cookie(ctx, node, left);
                    }
                }
            }
            (Grammar::Java, "import_declaration") => {
                let t = text(ctx, node);
                let spec = t
                    .trim_start_matches("import")
                    .trim()
                    .trim_start_matches("static")
                    .trim()
                    .trim_end_matches(';')
                    .trim_end_matches(".*")
                    .to_string();
                ctx.import(Lang::Java, &spec, node.byte_range());
                return false;
            }
            (Grammar::Java, "class_declaration") => {
                let mods = node
                    .child(0)
                    .filter(|c| c.kind() == "modifiers")
                    .map(|m| text(ctx, m))
                    .unwrap_or("");
                if [
                    "@Entity",
                    "@Table",
                    "@Document",
                    "@Embeddable",
                    "@MappedSuperclass",
                ]
                .iter()
                .any(|a| mods.contains(a))
                {
                    if let Some(name) = node.child_by_field_name("name") {
                        let owner = text(ctx, name).to_string();
                        java_fields(ctx, node, &owner);
                    }
                }
            }
            (Grammar::Java, "object_creation_expression")
            | (Grammar::Java, "method_invocation")
                if node.start_byte() >= self.handled_until =>
            {
                let t = text(ctx, node);
                if t.starts_with("new Cookie(")
                    || t.starts_with("ResponseCookie.from(")
                    || t.starts_with("ResponseCookie.fromClientResponse(")
                {
                    // The outermost call of a builder chain carries all its flags; its inner
                    // calls (`ResponseCookie.from(...)` alone) must not be read again.
                    self.handled_until = node.end_byte();
                    let before = ctx.out.cookies.len();
                    call_cookie(ctx, node, t);
                    if ctx.out.cookies.len() > before {
                        java_cookie_setters(ctx, node);
                    }
                }
            }
            (Grammar::Php, "namespace_use_clause") | (Grammar::Php, "qualified_name") => {
                let t = text(ctx, node)
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_string();
                ctx.import(Lang::Php, &t, node.byte_range());
                return false;
            }
            (Grammar::Php, "namespace_use_declaration") => {
                // Group use: `use SendGrid\{Client, Webhook};` names the `SendGrid` namespace.
                let t = text(ctx, node);
                if let Some(brace) = t.find("\\{") {
                    let prefix = t[..brace]
                        .trim_start_matches("use")
                        .trim()
                        .trim_start_matches("function ")
                        .trim_start_matches("const ")
                        .trim()
                        .to_string();
                    let s = node.start_byte() + t.find(&prefix).unwrap_or(0);
                    ctx.import(Lang::Php, &prefix, s..s + prefix.len());
                }
            }
            (Grammar::Php, "member_call_expression") => {
                // Laravel: response()->cookie('name', ...), ->withCookie(cookie('name', ...))
                let name = node
                    .child_by_field_name("name")
                    .map(|n| text(ctx, n))
                    .unwrap_or("");
                let object = node
                    .child_by_field_name("object")
                    .map(|n| text(ctx, n))
                    .unwrap_or("");
                // `$request->cookie('x')` reads; responses set.
                if name == "cookie" && !object.contains("request") && !object.contains("Request") {
                    let args = node
                        .child_by_field_name("arguments")
                        .map(|a| text(ctx, a))
                        .unwrap_or("");
                    let t = format!("cookie{args}");
                    call_cookie_text(
                        ctx,
                        node.child_by_field_name("arguments").unwrap_or(node),
                        &t,
                        "cookie".len(),
                    );
                }
            }
            (Grammar::Php, "function_call_expression") => {
                let f = node
                    .child_by_field_name("function")
                    .map(|f| text(ctx, f))
                    .unwrap_or("");
                if matches!(f, "setcookie" | "setrawcookie" | "cookie") {
                    let t = text(ctx, node);
                    call_cookie(ctx, node, t);
                }
                if f == "session_name" {
                    php_session_cookie(ctx, node);
                }
            }
            (Grammar::Php, "scoped_call_expression") => {
                let t = text(ctx, node);
                // `Cookie::queue(Cookie::make(...))`: the inner call is read on its own.
                let wraps_call = t
                    .strip_prefix("Cookie::queue(")
                    .is_some_and(|r| r.trim_start().starts_with("Cookie::"));
                if !wraps_call
                    && !t.contains("Cookie::forget")
                    && (t.starts_with("Cookie::queue")
                        || t.starts_with("Cookie::make")
                        || t.starts_with("Cookie::forever"))
                {
                    call_cookie(ctx, node, t);
                }
            }
            (Grammar::Python, "tuple") => {
                // Django CreateModel: fields=[("email", models.EmailField(...)), ...]
                let mut c = node.walk();
                let kids: Vec<Node> = node.named_children(&mut c).collect();
                if let [name, field] = kids.as_slice() {
                    let ft = text(ctx, *field);
                    if name.kind() == "string"
                        && field.kind() == "call"
                        && (ft.starts_with("models.")
                            || ft.starts_with("sa.Column")
                            || ft.starts_with("Column"))
                    {
                        let (v, off) = unquote(text(ctx, *name));
                        let v = v.to_string();
                        let s = name.start_byte() + off;
                        let ty = py_type(ft).to_string();
                        let owner = create_model_name(ctx, node);
                        ctx.field(
                            owner.as_deref(),
                            &v,
                            Some(&ty),
                            "django-migration",
                            s..s + v.len(),
                        );
                    }
                }
            }
            (Grammar::Python, "assignment") => {
                // client = OpenAI(api_key=...)  /  stripe_client = stripe.StripeClient(key)
                if let (Some(l), Some(r)) = (
                    node.child_by_field_name("left"),
                    node.child_by_field_name("right"),
                ) {
                    if l.kind() == "identifier" && r.kind() == "call" {
                        let f = r
                            .child_by_field_name("function")
                            .map(|f| text(ctx, f))
                            .unwrap_or("");
                        let root = f.split('.').next().unwrap_or("");
                        if let Some(&p) = self.clients.get(root) {
                            self.clients.insert(text(ctx, l).to_string(), p);
                        }
                    }
                }
            }
            (Grammar::Python, "call") => {
                let f = node
                    .child_by_field_name("function")
                    .map(|f| text(ctx, f))
                    .unwrap_or("");
                self.python_flow(ctx, node, f);
                if f.ends_with("AddField") || f.ends_with("AlterField") || f == "op.add_column" {
                    python_add_field(ctx, node);
                }
                if f.ends_with("signInWithOAuth") || f.ends_with("sign_in_with_oauth") {
                    oauth_provider(ctx, node);
                }
                if f.ends_with(".set_cookie") || f.ends_with(".set_signed_cookie") {
                    let t = text(ctx, node);
                    call_cookie(ctx, node, t);
                }
            }
            (Grammar::Go, "call_expression") => {
                let f = node
                    .child_by_field_name("function")
                    .map(|f| text(ctx, f))
                    .unwrap_or("");
                if f.ends_with(".SetCookie") && f != "http.SetCookie" {
                    // gin / echo / fiber: c.SetCookie("name", value, maxAge, path, domain, secure, httpOnly)
                    let t = text(ctx, node);
                    call_cookie(ctx, node, t);
                }
            }
            _ => {}
        }
        false
    }

    /// Personal data passed to a call on a processor's client, or to `requests.post(<api host>)`.
    fn python_flow(&mut self, ctx: &mut FileCtx, call: Node, f: &str) {
        let root = f.split('.').next().unwrap_or("");
        let last = f.rsplit('.').next().unwrap_or(f);
        let setup = super::is_client_setup(last);
        let mut target = if f.contains('.') && !setup {
            self.clients.get(root).copied()
        } else {
            None
        };
        if target.is_none()
            && matches!(
                root,
                "requests" | "httpx" | "session" | "client" | "aiohttp"
            )
        {
            if let Some(first) = first_string_arg(call) {
                let (url, _) = unquote(text(ctx, first));
                target = super::hosts_in(url)
                    .first()
                    .and_then(|(h, _)| ctx.catalog.index.host(h));
            }
        }
        let (Some(p), Some(args)) = (target, call.child_by_field_name("arguments")) else {
            return;
        };
        let range =
            args.start_byte() + 1..args.end_byte().saturating_sub(1).max(args.start_byte() + 1);
        ctx.flows_in(p, range);
    }

    fn python_fields(&mut self, ctx: &mut FileCtx, class: Node, owner: &str) {
        let Some(body) = class.child_by_field_name("body") else {
            return;
        };
        let mut c = body.walk();
        for stmt in body.named_children(&mut c) {
            if stmt.kind() != "expression_statement" {
                continue;
            }
            let Some(assign) = stmt.named_child(0).filter(|a| a.kind() == "assignment") else {
                continue;
            };
            let Some(left) = assign
                .child_by_field_name("left")
                .filter(|l| l.kind() == "identifier")
            else {
                continue;
            };
            let name = text(ctx, left).to_string();
            let ty = assign
                .child_by_field_name("right")
                .or_else(|| assign.child_by_field_name("type"))
                .map(|r| text(ctx, r).to_string());
            ctx.field(
                Some(owner),
                &name,
                ty.as_deref().map(py_type),
                "python-model",
                left.byte_range(),
            );
        }
        let _ = &self.owners;
    }
}

/// The model a `migrations.CreateModel(name="Customer", fields=[...])` field tuple belongs to.
fn create_model_name(ctx: &FileCtx, tuple: Node) -> Option<String> {
    let mut n = tuple.parent()?;
    while n.kind() != "call" {
        n = n.parent()?;
    }
    let args = n.child_by_field_name("arguments")?;
    let mut c = args.walk();
    let name = args.named_children(&mut c).find(|a| {
        a.kind() == "keyword_argument"
            && a.child_by_field_name("name")
                .is_some_and(|k| text(ctx, k) == "name")
    })?;
    let v = name.child_by_field_name("value")?;
    Some(unquote(text(ctx, v)).0.to_string())
}

/// `migrations.AddField(model_name="profile", name="date_of_birth", field=models.DateField(...))`
/// and Alembic `op.add_column("users", sa.Column("phone", sa.String()))`.
fn python_add_field(ctx: &mut FileCtx, call: Node) {
    let Some(args) = call.child_by_field_name("arguments") else {
        return;
    };
    let mut owner = None;
    let mut name: Option<(String, std::ops::Range<usize>)> = None;
    let mut ty = None;
    let mut c = args.walk();
    for a in args.named_children(&mut c) {
        if a.kind() == "keyword_argument" {
            let k = a
                .child_by_field_name("name")
                .map(|n| text(ctx, n))
                .unwrap_or("");
            let Some(v) = a.child_by_field_name("value") else {
                continue;
            };
            match k {
                "model_name" => owner = Some(unquote(text(ctx, v)).0.to_string()),
                "name" => {
                    let (val, off) = unquote(text(ctx, v));
                    let s = v.start_byte() + off;
                    name = Some((val.to_string(), s..s + val.len()));
                }
                "field" => ty = Some(py_type(text(ctx, v)).to_string()),
                _ => {}
            }
        } else if a.kind() == "string" && owner.is_none() {
            owner = Some(unquote(text(ctx, a)).0.to_string());
        } else if a.kind() == "call" {
            // Alembic: sa.Column("phone", sa.String())
            if let Some(first) = first_string_arg(a) {
                let (val, off) = unquote(text(ctx, first));
                let s = first.start_byte() + off;
                name = Some((val.to_string(), s..s + val.len()));
                ty = Some(py_type(text(ctx, a).trim_start_matches("sa.Column(")).to_string());
            }
        }
    }
    if let Some((n, r)) = name {
        ctx.field(owner.as_deref(), &n, ty.as_deref(), "migration", r);
    }
}

/// `supabase.auth.signInWithOAuth({ provider: 'google' })`: social sign-in through Supabase.
fn oauth_provider(ctx: &mut FileCtx, call: Node) {
    let t = text(ctx, call);
    if let Some((p, off)) = super::oauth_provider_in(t) {
        let s = call.start_byte() + off;
        ctx.use_of(p, crate::fact::EvidenceKind::Import, s..s + 1);
    }
}

/// Base classes whose class body declares stored or exchanged fields.
fn is_model_base(bases: &str) -> bool {
    [
        "Model",
        "Base",
        "BaseModel",
        "SQLModel",
        "Document",
        "Schema",
        "TypedDict",
        "AbstractUser",
        "AbstractBaseUser",
        "DeclarativeBase",
        "Serializer",
        "ModelSerializer",
        "Form",
        "ModelForm",
        "EmbeddedDocument",
        "Struct",
        "dataclass",
    ]
    .iter()
    .any(|b| bases.contains(b))
}

/// A coarse type for a Python field declaration (`models.BooleanField(...)`, `Mapped[bool]`).
fn py_type(src: &str) -> &str {
    let s = src.trim();
    let head = s.split('(').next().unwrap_or(s);
    let lower = head.to_ascii_lowercase();
    if lower.contains("boolean")
        || lower.ends_with("bool")
        || s.contains("[bool]")
        || lower == "bool"
    {
        "boolean"
    } else if lower.contains("datetime") || lower.contains("timestamp") || s.contains("[datetime") {
        "timestamp"
    } else {
        s
    }
}

fn first_string_arg(call: Node) -> Option<Node> {
    let args = call.child_by_field_name("arguments")?;
    let mut c = args.walk();
    let first = args.named_children(&mut c).next()?;
    matches!(
        first.kind(),
        "string"
            | "simple_symbol"
            | "interpreted_string_literal"
            | "string_literal"
            | "encapsed_string"
    )
    .then_some(first)
}

/// `Stripe::Customer.create` or `Stripe.api_key = ...`: the leading constant names the gem.
fn ruby_constant_use(ctx: &mut FileCtx, node: Node) {
    let mut n = node;
    while n.kind() == "scope_resolution" {
        match n.child_by_field_name("scope") {
            Some(s) => n = s,
            None => break,
        }
    }
    if n.kind() == "scope_resolution" {
        if let Some(name) = n.child_by_field_name("name") {
            n = name;
        }
    }
    if n.kind() != "constant" {
        return;
    }
    let c = text(ctx, n);
    let lower = c.to_ascii_lowercase();
    let snake = crate::catalog::data::tokenize(c).join("_");
    for cand in [lower, snake] {
        if ctx.catalog.index.import(Lang::Ruby, &cand).is_some() {
            ctx.import(Lang::Ruby, &cand, n.byte_range());
            return;
        }
    }
}

fn go_struct_fields(ctx: &mut FileCtx, st: Node, owner: &str) {
    let mut c = st.walk();
    let Some(list) = st
        .named_children(&mut c)
        .find(|n| n.kind() == "field_declaration_list")
    else {
        return;
    };
    let mut c2 = list.walk();
    for f in list.named_children(&mut c2) {
        if f.kind() != "field_declaration" {
            continue;
        }
        let ty = f
            .child_by_field_name("type")
            .map(|t| text(ctx, t).to_string());
        let ty = ty.map(|t| match t.trim_start_matches('*') {
            "bool" | "sql.NullBool" => "boolean".to_string(),
            "time.Time" | "sql.NullTime" => "timestamp".to_string(),
            other => other.to_string(),
        });
        let mut c3 = f.walk();
        for name in f.children_by_field_name("name", &mut c3) {
            let n = text(ctx, name).to_string();
            ctx.field(
                Some(owner),
                &n,
                ty.as_deref(),
                "go-struct",
                name.byte_range(),
            );
        }
    }
}

fn java_fields(ctx: &mut FileCtx, class: Node, owner: &str) {
    let Some(body) = class.child_by_field_name("body") else {
        return;
    };
    let mut c = body.walk();
    for f in body.named_children(&mut c) {
        if f.kind() != "field_declaration" {
            continue;
        }
        let ty = f
            .child_by_field_name("type")
            .map(|t| text(ctx, t).to_string());
        let ty = ty.map(|t| match t.as_str() {
            "boolean" | "Boolean" => "boolean".to_string(),
            "Instant" | "LocalDateTime" | "OffsetDateTime" | "ZonedDateTime" | "Timestamp" => {
                "timestamp".to_string()
            }
            _ => t,
        });
        let mut c2 = f.walk();
        for d in f.children_by_field_name("declarator", &mut c2) {
            if let Some(name) = d.child_by_field_name("name") {
                let n = text(ctx, name).to_string();
                ctx.field(
                    Some(owner),
                    &n,
                    ty.as_deref(),
                    "jpa-entity",
                    name.byte_range(),
                );
            }
        }
    }
}

fn flag(t: &str, names: &[&str]) -> Option<bool> {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r#"(?i)\b(secure|httponly|http_only|samesite|same_site)\b["']?\s*(?:=>|[:=]|\()\s*([A-Za-z"'._]+)"#).unwrap()
    });
    for c in re.captures_iter(t) {
        let key = c[1].to_ascii_lowercase().replace('_', "");
        if names.contains(&key.as_str()) {
            let v = c[2].trim_matches(['"', '\'']).to_ascii_lowercase();
            return Some(!matches!(
                v.as_str(),
                "false" | "0" | "none" | "nil" | "null"
            ));
        }
    }
    None
}

fn same_site(t: &str) -> Option<String> {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r#"(?i)\bsame_?site\b["']?\s*(?:=>|[:=]|\()\s*(?:http\.SameSite)?["':]?([A-Za-z]+)"#,
        )
        .unwrap()
    });
    re.captures(t).map(|c| c[1].to_string())
}

fn new_cookie(name: String, t: &str) -> CookieSet {
    CookieSet {
        loc: Default::default(),
        name,
        secure: flag(t, &["secure"]),
        http_only: flag(t, &["httponly"]),
        same_site: same_site(t),
        max_age: None,
        setting: false,
        opaque: false,
        snippet: String::new(),
    }
}

/// `set_cookie("name", ...)`, `setcookie('name', ...)`, `new Cookie("name", v)`, `c.SetCookie(...)`.
fn call_cookie(ctx: &mut FileCtx, node: Node, t: &str) {
    call_cookie_text(ctx, node, t, 0)
}

/// `t` is a call's text; `shift` is how many bytes of `t` precede `node`'s text (0 when `t` is
/// the node's own text).
fn call_cookie_text(ctx: &mut FileCtx, node: Node, t: &str, shift: usize) {
    let Some(open) = t.find('(') else { return };
    let close = t.rfind(')').filter(|&c| c > open).unwrap_or(t.len());
    let args = super::behavior::split_top_level(&t[open + 1..close]);
    let first = args.first().map(|a| a.trim()).unwrap_or("");
    let first = first
        .strip_prefix("key=")
        .or_else(|| first.strip_prefix("key ="))
        .unwrap_or(first);
    let Some(name) = super::cookie_name_from_expr(first) else {
        return;
    };
    // Deletions are not cookies set: PHP `setcookie('x', '', time() - 3600)`, Django
    // `max_age=0`, gin `c.SetCookie(name, "", -1, ...)`, Laravel `Cookie::forget`.
    let compact: String = t.split_whitespace().collect();
    let third = args.get(2).map(|a| a.trim()).unwrap_or("");
    let second = args.get(1).map(|a| a.trim()).unwrap_or("");
    // Java: `new Cookie("x", "")` and `ResponseCookie.from("x", "")...maxAge(0)` clear a cookie.
    let java_clear = (compact.starts_with("newCookie(")
        || compact.starts_with("ResponseCookie.from("))
        && (second == "\"\"" || compact.contains(".maxAge(0)"));
    if compact.contains("time()-")
        || compact.contains("max_age=0")
        || compact.contains("expires=0")
        || third.starts_with('-')
        || compact.starts_with("Cookie::forget")
        || java_clear
    {
        return;
    }
    let mut c = new_cookie(name, t);
    // Positional flags: PHP setcookie(name, value, expires, path, domain, secure, httponly),
    // gin c.SetCookie(name, value, maxAge, path, domain, secure, httpOnly), Laravel
    // cookie(name, value, minutes, path, domain, secure, httpOnly, raw, sameSite).
    let positional = |i: usize| {
        args.get(i)
            .map(|a| a.trim())
            .filter(|a| !a.contains("=>") && !a.contains(':'))
    };
    if c.secure.is_none() && args.len() >= 6 {
        c.secure = positional(5).and_then(bool_lit);
    }
    if c.http_only.is_none() && args.len() >= 7 {
        c.http_only = positional(6).and_then(bool_lit);
    }
    if c.same_site.is_none() && args.len() >= 9 {
        c.same_site = positional(8)
            .filter(|a| a.starts_with(['"', '\'']))
            .map(|a| a.trim_matches(['"', '\'']).to_string());
    }
    if let Some(v) = positional(2).filter(|a| a.chars().next().is_some_and(|c| c.is_ascii_digit()))
    {
        c.max_age = Some(v.to_string());
    }
    let name_span = (node.start_byte() + t.find(first).unwrap_or(0)).saturating_sub(shift);
    ctx.cookie(c, name_span..name_span + first.len());
}

/// `Cookie c = new Cookie(...); c.setSecure(true); c.setHttpOnly(true); c.setMaxAge(0);`:
/// the Servlet API sets flags in later statements on the variable.
fn java_cookie_setters(ctx: &mut FileCtx, node: Node) {
    static VAR: OnceLock<regex::Regex> = OnceLock::new();
    let var_re = VAR.get_or_init(|| regex::Regex::new(r"(\w+)\s*=\s*$").unwrap());
    let text = ctx.text;
    let line_start = text[..node.start_byte()].rfind('\n').map_or(0, |i| i + 1);
    let Some(var) = var_re
        .captures(&text[line_start..node.start_byte()])
        .map(|c| c[1].to_string())
    else {
        return;
    };
    let end = text[node.end_byte()..]
        .char_indices()
        .filter(|(_, c)| *c == '\n')
        .nth(10)
        .map_or(text.len(), |(i, _)| node.end_byte() + i);
    let tail: String = text[node.end_byte()..end].split_whitespace().collect();
    let Some(c) = ctx.out.cookies.last_mut() else {
        return;
    };
    let call = |m: &str| {
        tail.find(&format!("{var}.{m}("))
            .map(|p| &tail[p + var.len() + m.len() + 2..])
    };
    if call("setMaxAge").is_some_and(|a| a.starts_with("0)")) {
        ctx.out.cookies.pop(); // a deletion
        return;
    }
    if let Some(a) = call("setSecure") {
        c.secure = bool_lit(a.split(')').next().unwrap_or(""));
    }
    if let Some(a) = call("setHttpOnly") {
        c.http_only = bool_lit(a.split(')').next().unwrap_or(""));
    }
    if let Some(a) = call("setAttribute") {
        if let Some(v) = a.strip_prefix("\"SameSite\",\"") {
            c.same_site = Some(super::normalize_same_site(
                v.split('"').next().unwrap_or(""),
            ));
        }
    }
}

/// PHP `session_name('APPSESSID')`: the session cookie, with the flags that
/// `session_set_cookie_params([...])` in the same file gives it.
fn php_session_cookie(ctx: &mut FileCtx, node: Node) {
    let Some(arg) = first_string_arg(node) else {
        return;
    };
    let (name, off) = unquote(text(ctx, arg));
    let name = name.to_string();
    let params = ctx.text.find("session_set_cookie_params").map(|p| {
        let e = ctx.text[p..].find(';').map_or(ctx.text.len(), |e| p + e);
        &ctx.text[p..e]
    });
    let c = new_cookie(name.clone(), params.unwrap_or(""));
    let s = arg.start_byte() + off;
    ctx.cookie(c, s..s + name.len());
}

/// Rails `config.session_store :cookie_store, key: '_app_session', secure: true`.
fn rails_session_store(ctx: &mut FileCtx) {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r#"session_store\s*\(?\s*:cookie_store\s*,\s*key:\s*['"]([^'"]+)['"]([^\n]*)"#,
        )
        .unwrap()
    });
    let hits: Vec<(String, String, usize, usize)> = re
        .captures_iter(ctx.text)
        .map(|c| {
            let m = c.get(1).unwrap();
            (m.as_str().to_string(), c[2].to_string(), m.start(), m.end())
        })
        .collect();
    for (name, rest, s, e) in hits {
        let mut c = new_cookie(name, &rest);
        // `secure: Rails.env.production?` is decided at run time.
        if c.secure.is_none() && rest.contains("secure:") {
            c.opaque = true;
        }
        ctx.cookie(c, s..e);
    }
}

fn bool_lit(a: &str) -> Option<bool> {
    match a.to_ascii_lowercase().as_str() {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    }
}

fn go_cookie(ctx: &mut FileCtx, node: Node) {
    static NAME: OnceLock<regex::Regex> = OnceLock::new();
    let re = NAME.get_or_init(|| regex::Regex::new(r#"Name:\s*([^,\n}]+)"#).unwrap());
    let t = text(ctx, node);
    let compact: String = t.split_whitespace().collect();
    // `MaxAge: -1` or an expiry at the epoch deletes the cookie.
    if compact.contains("MaxAge:-1") || compact.contains("Expires:time.Unix(0,0)") {
        return;
    }
    // The name: a literal, or a computed one (`Name: "voted_" + id`) as a glob.
    let Some(nm) = re.captures(t).and_then(|c| c.get(1)) else {
        return;
    };
    let Some(name) = super::cookie_name_from_expr(nm.as_str()) else {
        return;
    };
    let name_at = node.start_byte() + nm.start();
    let c = new_cookie(name, t);
    ctx.cookie(c, name_at..name_at + nm.len());
}

/// `cookies[:name] = {...}`, `cookies.permanent.encrypted[:remember] = ...`.
fn ruby_cookie(ctx: &mut FileCtx, node: Node, left: Node) {
    let lt = text(ctx, left);
    let Some(open) = lt.find('[') else { return };
    let key = lt[open + 1..].trim_end_matches(']').trim();
    let name = match key.strip_prefix(':') {
        Some(sym) => Some(sym.to_string()),
        None => super::cookie_name_from_expr(key),
    };
    let Some(name) = name else { return };
    let t = text(ctx, node);
    let c = new_cookie(name, t);
    let at = left.start_byte() + open + 1;
    ctx.cookie(c, at..at + key.len());
}

/// Django / Flask settings that weaken session or CSRF cookies.
fn python_settings(ctx: &mut FileCtx) {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r#"(?m)^\s*(?:app\.config\[["'])?(SESSION_COOKIE|CSRF_COOKIE|REMEMBER_COOKIE)_(SECURE|HTTPONLY|SAMESITE)(?:["']\])?\s*=\s*([^\n#]+)"#).unwrap()
    });
    let text = ctx.text;
    static NAME: OnceLock<regex::Regex> = OnceLock::new();
    let name_re = NAME.get_or_init(|| {
        regex::Regex::new(r#"(?m)^\s*(?:app\.config\[["'])?SESSION_COOKIE_NAME(?:["']\])?\s*=\s*["']([^"']+)["']"#).unwrap()
    });
    // The session cookie's name: set explicitly, else the framework's default.
    let session_name = match name_re.captures(text) {
        Some(c) => c[1].to_string(),
        None if text.contains("flask") || text.contains("Flask") || text.contains("app.config") => {
            "session".to_string()
        }
        None => "sessionid".to_string(),
    };
    let hits: Vec<(String, String, String, usize, usize)> = re
        .captures_iter(text)
        .map(|c| {
            let m = c.get(0).unwrap();
            (
                c[1].to_string(),
                c[2].to_string(),
                c[3].trim().to_string(),
                m.start(),
                m.end(),
            )
        })
        .collect();
    for (which, attr, value, s, e) in hits {
        let name = match which.as_str() {
            "SESSION_COOKIE" => session_name.as_str(),
            "CSRF_COOKIE" => "csrftoken",
            _ => "remember_token",
        };
        let value = value.trim_end_matches(',').trim().to_string();
        let on = !matches!(value.as_str(), "False" | "None" | "0" | "false");
        let mut c = CookieSet {
            loc: Default::default(),
            name: name.to_string(),
            secure: None,
            http_only: None,
            same_site: None,
            max_age: None,
            setting: true,
            opaque: false,
            snippet: String::new(),
        };
        match attr.as_str() {
            "SECURE" => c.secure = Some(on),
            "HTTPONLY" => c.http_only = Some(on),
            _ => c.same_site = Some(value.trim_matches(['"', '\'']).to_string()),
        }
        ctx.cookie(c, s..e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact::FileFacts;
    use crate::Catalog;

    /// The facts of a file parsed through its declarations only, and through the whole tree.
    fn both_ways(rel: &str, src: &str, g: Grammar) -> (FileFacts, FileFacts) {
        let catalog = Catalog::load(None).unwrap();
        let run = |full: bool| {
            let mut ctx = FileCtx::new(rel, src, &catalog);
            let n = need(&ctx, g);
            assert!(
                matches!(n, Need::Declarations(_)),
                "{rel}: not the partial path"
            );
            extract_as(&mut ctx, g, if full { Need::Everything } else { n });
            ctx.out
        };
        (run(false), run(true))
    }

    #[test]
    fn go_struct_fields_from_declarations_alone_equal_a_full_parse() {
        let src = r#"package users

import "time"

// User is a member. type Fake struct { Email string }
type User struct {
	ID        int64     `json:"id" gorm:"primaryKey"`
	Email     string    `json:"email" validate:"required,email,excludes=}"`
	FirstName, LastName string
	BirthDate time.Time
	Address   struct {
		Street string
		City   string
	}
}

type (
	Session struct {
		IPAddress string `json:"ip_address"`
	}
	ID int64
)

type Page[T any] struct {
	Items       []T
	PhoneNumber string
}

func f() {
	type local struct{ SSN string }
	s := "type Bogus struct { Password string }"
	_ = s
}
"#;
        let (partial, full) = both_ways("internal/users/model.go", src, Grammar::Go);
        super::super::assert_partial_equals_full(
            &partial,
            &full,
            &[
                "Email",
                "FirstName",
                "LastName",
                "BirthDate",
                "IPAddress",
                "PhoneNumber",
                "SSN",
            ],
        );
    }

    #[test]
    fn python_model_fields_from_declarations_alone_equal_a_full_parse() {
        let src = r#"from django.db import models
from typing import TypedDict

class Customer(models.Model):
    email = models.EmailField(unique=True)
    first_name = models.CharField(max_length=80)

    # a comment in column 4, then a blank line

    date_of_birth = models.DateField(null=True)

    class Meta:
        ordering = ["email"]

    def __str__(self):
        return self.email

QUERY = """
class Fake(models.Model):
    ssn = models.CharField()
"""

class Address(TypedDict):
    street: str
    postal_code: str

class Page[T](BaseModel):
    phone_number: str

def helper():
    return 1
"#;
        let (partial, full) = both_ways("shop/models.py", src, Grammar::Python);
        let partial = super::super::assert_partial_equals_full(
            &partial,
            &full,
            &[
                "email",
                "first_name",
                "date_of_birth",
                "street",
                "postal_code",
                "phone_number",
            ],
        );
        assert!(!partial.iter().any(|f| f.contains(" ssn ")), "{partial:?}");
    }
}
