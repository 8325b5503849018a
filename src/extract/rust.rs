//! Rust sources through syn: `use` paths and crate paths, string literals (also inside macro
//! token streams), env reads, struct fields (serde / sqlx / diesel `table!`), cookie builders.

use super::{is_env_call_before, looks_like_env_name, FileCtx};
use crate::catalog::matcher::Lang;
use crate::fact::CookieSet;
use proc_macro2::{TokenStream, TokenTree};
use syn::spanned::Spanned;
use syn::visit::{self, Visit};

/// Crate roots that are never third-party SDKs.
const LOCAL_ROOTS: &[&str] = &["crate", "self", "super", "std", "core", "alloc", "Self"];

pub fn extract(ctx: &mut FileCtx) {
    extract_with(ctx, true);
}

fn extract_with(ctx: &mut FileCtx, partial_ok: bool) {
    comments(ctx);
    let t = ctx.text;
    // Without a catalog literal, a cookie, a session or a diesel table, the only thing syn can
    // add is struct fields (`comments` took the suppressions): parse the structs alone.
    let everything = !partial_ok
        || ctx.catalog.index.mentions_any(t)
        || t.contains("ookie")
        || t.contains("OOKIE")
        || t.contains("ession")
        || t.contains("table!");
    if !everything {
        let structs = struct_items(t);
        if structs.is_empty() {
            return;
        }
        if let Ok(file) = syn::parse_file(&mask_outside(t, &structs)) {
            let mut v = Visitor { ctx, owner: None };
            v.visit_file(&file);
            return;
        }
        // A struct inside a macro body, say: read the file as a whole.
    }
    match syn::parse_file(ctx.text) {
        Ok(file) => {
            let mut v = Visitor { ctx, owner: None };
            v.visit_file(&file);
        }
        Err(_) => {
            ctx.issue("Rust syntax error: scanned with the fallback lexer");
            let end = ctx.text.len();
            super::generic::scan_clike(ctx, 0, end, Lang::Rust);
        }
    }
}

/// The lines of each `struct Name ... { ... }` item (named fields only).
fn struct_items(t: &str) -> Vec<std::ops::Range<usize>> {
    static STRUCT: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = STRUCT.get_or_init(|| {
        regex::Regex::new(r"(?m)^[ \t]*(?:pub(?:\([^)\n]*\))?[ \t]+)?struct[ \t]+\w+").unwrap()
    });
    let b = t.as_bytes();
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for m in re.find_iter(t) {
        if out.last().is_some_and(|r| m.start() < r.end) {
            continue;
        }
        // The body opens at the first `{` unless a `;` (unit / tuple struct) comes first.
        let Some(open) = b[m.end()..]
            .iter()
            .position(|&c| c == b'{' || c == b';')
            .map(|p| m.end() + p)
            .filter(|&p| b[p] == b'{')
        else {
            continue;
        };
        let Some(close) = super::closing_brace(b, open) else {
            continue;
        };
        out.push(m.start()..super::line_end(t, close));
    }
    out
}

/// `t` with everything outside `keep` blanked to spaces (newlines kept), so offsets and line
/// numbers in the copy are those of the original.
fn mask_outside(t: &str, keep: &[std::ops::Range<usize>]) -> String {
    let mut out: Vec<u8> = t
        .bytes()
        .map(|c| if c == b'\n' { b'\n' } else { b' ' })
        .collect();
    for r in keep {
        out[r.clone()].copy_from_slice(&t.as_bytes()[r.clone()]);
    }
    // Only ASCII replaced whole UTF-8 sequences, and kept ranges start and end on lines.
    String::from_utf8(out).unwrap_or_default()
}

/// syn drops comments; find `// privlint:` directives on their own.
fn comments(ctx: &mut FileCtx) {
    let text = ctx.text;
    let mut from = 0;
    while let Some(p) = text[from..].find("privlint:") {
        let pos = from + p;
        let line_start = text[..pos].rfind('\n').map(|i| i + 1).unwrap_or(0);
        let line_end = text[pos..]
            .find('\n')
            .map(|i| pos + i)
            .unwrap_or(text.len());
        if let Some(c) = text[line_start..pos]
            .find("//")
            .or_else(|| text[line_start..pos].find("/*"))
        {
            let s = line_start + c;
            ctx.comment(&text[s..line_end], s..line_end);
        }
        from = line_end.max(pos + 1);
    }
}

struct Visitor<'c, 'a> {
    ctx: &'c mut FileCtx<'a>,
    owner: Option<String>,
}

impl Visitor<'_, '_> {
    fn range(&self, s: proc_macro2::Span) -> std::ops::Range<usize> {
        let r = s.byte_range();
        r.start.min(self.ctx.text.len())..r.end.min(self.ctx.text.len())
    }

    fn string(&mut self, value: &str, s: proc_macro2::Span) {
        let r = self.range(s);
        if looks_like_env_name(value) {
            let from = crate::text::floor_char_boundary(self.ctx.text, r.start.saturating_sub(48));
            if is_env_call_before(&self.ctx.text[from..r.start]) {
                self.ctx.env(value, r.clone());
            }
        }
        self.ctx.string_literal(value, r);
    }

    fn crate_path(&mut self, first: &syn::Ident) {
        let name = first.to_string();
        if LOCAL_ROOTS.contains(&name.as_str()) {
            return;
        }
        let r = self.range(first.span());
        self.ctx.import(Lang::Rust, &name, r);
    }

    fn tokens(&mut self, ts: &TokenStream) {
        let mut prev_ident: Option<proc_macro2::Ident> = None;
        let mut arrow = false;
        let mut iter = ts.clone().into_iter().peekable();
        while let Some(tt) = iter.next() {
            match &tt {
                TokenTree::Group(g) => self.tokens(&g.stream()),
                TokenTree::Literal(l) => {
                    if let Ok(syn::Lit::Str(s)) = syn::parse_str::<syn::Lit>(&l.to_string()) {
                        self.string(&s.value(), l.span());
                    }
                }
                TokenTree::Punct(p) => {
                    // diesel `table!`: `email -> Text,`
                    if p.as_char() == '-' {
                        if let Some(TokenTree::Punct(n)) = iter.peek() {
                            if n.as_char() == '>' {
                                arrow = true;
                            }
                        }
                    }
                }
                TokenTree::Ident(i) => {
                    if arrow {
                        arrow = false;
                        if let Some(field) = prev_ident.take() {
                            let ty = i.to_string();
                            let ty = match ty.as_str() {
                                "Bool" => "boolean".to_string(),
                                "Timestamp" | "Timestamptz" | "Datetime" => "timestamp".to_string(),
                                _ => ty,
                            };
                            let r = self.range(field.span());
                            let owner = self.owner.clone();
                            self.ctx.field(
                                owner.as_deref(),
                                &field.to_string(),
                                Some(&ty),
                                "diesel",
                                r,
                            );
                        }
                    }
                    prev_ident = Some(i.clone());
                    continue;
                }
            }
            if !matches!(tt, TokenTree::Punct(_)) {
                prev_ident = None;
            }
        }
    }
}

fn rust_type(ty: &syn::Type) -> String {
    let t = quote_type(ty);
    match t.as_str() {
        "bool" | "Option<bool>" => "boolean".into(),
        _ if t.contains("DateTime")
            || t.contains("SystemTime")
            || t.contains("NaiveDateTime")
            || t.contains("OffsetDateTime")
            || t.contains("Timestamp") =>
        {
            "timestamp".into()
        }
        _ => t,
    }
}

fn quote_type(ty: &syn::Type) -> String {
    use quote::ToTokens;
    ty.to_token_stream().to_string().replace(' ', "")
}

impl<'ast> Visit<'ast> for Visitor<'_, '_> {
    fn visit_item_use(&mut self, i: &'ast syn::ItemUse) {
        // The root of each path names the crate: `use stripe::{Client, Customer}`, `use {a::x, b::y}`.
        fn roots<'t>(tree: &'t syn::UseTree, out: &mut Vec<&'t syn::Ident>) {
            match tree {
                syn::UseTree::Path(p) => out.push(&p.ident),
                syn::UseTree::Name(n) => out.push(&n.ident),
                syn::UseTree::Rename(r) => out.push(&r.ident),
                syn::UseTree::Group(g) => g.items.iter().for_each(|t| roots(t, out)),
                syn::UseTree::Glob(_) => {}
            }
        }
        let mut out = Vec::new();
        roots(&i.tree, &mut out);
        for ident in out {
            self.crate_path(ident);
        }
    }

    fn visit_item_extern_crate(&mut self, i: &'ast syn::ItemExternCrate) {
        self.crate_path(&i.ident);
    }

    fn visit_path(&mut self, p: &'ast syn::Path) {
        if p.segments.len() >= 2 {
            if let Some(first) = p.segments.first() {
                self.crate_path(&first.ident);
            }
        }
        visit::visit_path(self, p);
    }

    fn visit_lit_str(&mut self, s: &'ast syn::LitStr) {
        self.string(&s.value(), s.span());
    }

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        let name = m
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        if name == "table" {
            // diesel: table! { users (id) { ... } }: owner is the first ident.
            if let Some(TokenTree::Ident(i)) = m.tokens.clone().into_iter().next() {
                self.owner = Some(i.to_string());
            }
        }
        if (name == "env" || name == "option_env") && m.path.segments.len() == 1 {
            if let Ok(s) = syn::parse2::<syn::LitStr>(m.tokens.clone()) {
                let r = self.range(s.span());
                self.ctx.env(&s.value(), r);
            }
        }
        self.tokens(&m.tokens);
        self.owner = None;
        visit::visit_macro(self, m);
    }

    fn visit_item_struct(&mut self, s: &'ast syn::ItemStruct) {
        let owner = s.ident.to_string();
        for f in &s.fields {
            if let Some(id) = &f.ident {
                let ty = rust_type(&f.ty);
                let r = self.range(id.span());
                self.ctx
                    .field(Some(&owner), &id.to_string(), Some(&ty), "rust-struct", r);
            }
        }
        visit::visit_item_struct(self, s);
    }

    fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
        // Cookie::build(("name", v)).secure(true).http_only(true) — the outermost call sees the chain.
        visit::visit_expr_method_call(self, m);
    }

    fn visit_expr_call(&mut self, c: &'ast syn::ExprCall) {
        if let syn::Expr::Path(p) = &*c.func {
            let segs: Vec<String> = p
                .path
                .segments
                .iter()
                .map(|s| s.ident.to_string())
                .collect();
            let n = segs.len();
            if n >= 2 && segs[n - 2] == "Cookie" && matches!(segs[n - 1].as_str(), "new" | "build")
            {
                let r = self.range(c.span());
                let text = self.ctx.text;
                // A removal cookie (`add_removal_cookie(&Cookie::build(...))`, `.make_removal()`)
                // deletes; it sets nothing.
                let before = &text
                    [crate::text::floor_char_boundary(text, r.start.saturating_sub(40))..r.start];
                // The builder chain around the call carries the flags: read to the statement end,
                // and later `cookie.set_secure(true)` statements on the same variable.
                let end = text[r.end..].find(';').map(|e| r.end + e).unwrap_or(r.end);
                let chain = &text[r.start..end];
                if before.contains("removal") || chain.contains("make_removal") {
                    visit::visit_expr_call(self, c);
                    return;
                }
                let var = before
                    .trim_end()
                    .strip_suffix('=')
                    .map(|b| {
                        b.trim_end()
                            .rsplit(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
                            .next()
                            .unwrap_or("")
                    })
                    .filter(|v| !v.is_empty());
                let following = var.map(|v| {
                    let tail_end = text[end..]
                        .char_indices()
                        .filter(|(_, ch)| *ch == '\n')
                        .nth(8)
                        .map_or(text.len(), |(i, _)| end + i);
                    (v.to_string(), &text[end..tail_end])
                });
                let first_arg = c.args.first().map(|a| {
                    use quote::ToTokens;
                    a.to_token_stream().to_string()
                });
                // `Cookie::build(("name", value))` takes a tuple.
                let first_arg = first_arg.map(|a| {
                    a.trim_start_matches('(')
                        .split(',')
                        .next()
                        .unwrap_or("")
                        .to_string()
                });
                if let Some(name) = first_arg.as_deref().and_then(super::cookie_name_from_expr) {
                    // The cookie crate defaults Secure and HttpOnly to off; null means unsaid.
                    let flag = |k: &str| {
                        let set = |t: &str, pat: &str| t.contains(&pat.replace(' ', ""));
                        let compact: String = chain.split_whitespace().collect();
                        if set(&compact, &format!(".{k}(true)")) {
                            return Some(true);
                        }
                        if set(&compact, &format!(".{k}(false)")) {
                            return Some(false);
                        }
                        following.as_ref().and_then(|(v, tail)| {
                            let t: String = tail.split_whitespace().collect();
                            if t.contains(&format!("{v}.set_{k}(true)")) {
                                Some(true)
                            } else if t.contains(&format!("{v}.set_{k}(false)")) {
                                Some(false)
                            } else {
                                None
                            }
                        })
                    };
                    let same_site = chain.find("SameSite::").map(|p| {
                        chain[p + 10..]
                            .chars()
                            .take_while(|c| c.is_alphanumeric())
                            .collect()
                    });
                    let c2 = CookieSet {
                        name,
                        secure: flag("secure"),
                        http_only: flag("http_only"),
                        same_site,
                        ..CookieSet::default()
                    };
                    let name_span = c.args.first().map(|a| self.range(a.span())).unwrap_or(r);
                    self.ctx.cookie(c2, name_span);
                }
            }
        }
        visit::visit_expr_call(self, c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Catalog;

    #[test]
    fn struct_fields_from_structs_alone_equal_a_full_parse() {
        let src = r#"//! Accounts — données personnelles «sensibles».
use std::borrow::Cow;

/// A member.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Member<'a, T: Into<String>>
where
    T: Clone,
{
    pub id: i64,
    pub email: Cow<'a, str>,
    pub(crate) phone_number: Option<String>,
    nickname: T,
}

pub struct Token(String);
struct Marker;

mod billing {
    pub struct Address {
        pub street: String,
        pub postal_code: String, // '{' in a comment
    }
}

fn build() -> String {
    let s = "struct Fake { password: String }";
    struct Local { date_of_birth: String }
    s.to_string()
}
"#;
        let catalog = Catalog::load(None).unwrap();
        let run = |partial: bool| {
            let mut ctx = FileCtx::new("src/accounts.rs", src, &catalog);
            extract_with(&mut ctx, partial);
            ctx.out
        };
        // The partial path is taken: no catalog literal, cookie, session or table! here.
        assert!(!catalog.index.mentions_any(src));
        assert_eq!(struct_items(src).len(), 3, "{:?}", struct_items(src));
        let partial = super::super::assert_partial_equals_full(
            &run(true),
            &run(false),
            &[
                "email",
                "phone_number",
                "street",
                "postal_code",
                "date_of_birth",
            ],
        );
        assert!(
            !partial.iter().any(|f| f.contains(" password ")),
            "{partial:?}"
        );
    }
}
