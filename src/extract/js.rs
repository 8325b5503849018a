//! JavaScript and TypeScript (incl. JSX/TSX), parsed with oxc: imports, requires, string
//! literals, env reads, script components, cookie calls, and schema-shaped declarations
//! (TS interfaces, zod / drizzle / mongoose objects, TypeORM columns).

use super::{is_env_call_before, FileCtx};
use crate::catalog::matcher::Lang;
use crate::fact::CookieSet;
use oxc_allocator::Allocator;
use oxc_ast::ast::*;
use oxc_ast_visit::{walk, Visit};
use oxc_parser::Parser;
use oxc_span::{GetSpan, SourceType, Span};

/// Parse `ctx.text` as the JS/TS dialect `path` implies; `offset` shifts spans when the text is
/// a `<script>` block inside a larger file.
pub fn extract(ctx: &mut FileCtx, path: &str) {
    extract_range(ctx, path, 0, ctx.text.len());
}

pub fn extract_range(ctx: &mut FileCtx, path: &str, start: usize, end: usize) {
    // `.ts` keeps JSX off (`<T>(x: T) => x` is a generic arrow there); `.js` files often hold
    // JSX, so JS always allows it.
    let source_type = SourceType::from_path(path).unwrap_or_else(|_| SourceType::tsx());
    let source_type = if source_type.is_typescript() {
        source_type
    } else {
        source_type.with_jsx(true)
    };
    let alloc = Allocator::default();
    let text = ctx.text;
    let src = &text[start..end];
    let ret = Parser::new(&alloc, src, source_type).parse();
    if ret.panicked {
        // Could be TS parsed as JS or the other way round; one retry, then a lexer fallback.
        // A `.ts` file with JSX in it, or TypeScript in a `.js` file.
        let alt = if source_type.is_typescript() && !source_type.is_jsx() {
            SourceType::tsx()
        } else {
            SourceType::ts()
        };
        let alloc2 = Allocator::default();
        let ret2 = Parser::new(&alloc2, src, alt).parse();
        if ret2.panicked {
            ctx.issue("JavaScript/TypeScript syntax error: scanned with the fallback lexer");
            super::generic::scan_clike(ctx, start, end, Lang::Js);
            return;
        }
        visit(ctx, &ret2.program, start);
        return;
    }
    visit(ctx, &ret.program, start);
}

fn visit(ctx: &mut FileCtx, program: &Program, offset: usize) {
    for c in &program.comments {
        let s = c.span.start as usize + offset;
        let e = c.span.end as usize + offset;
        let body = &ctx.text[s..e];
        ctx.comment(body, s..e);
    }
    let mut v = Visitor {
        ctx,
        offset,
        owners: Vec::new(),
        clients: std::collections::HashMap::new(),
    };
    v.visit_program(program);
}

struct Visitor<'c, 'a> {
    ctx: &'c mut FileCtx<'a>,
    offset: usize,
    /// Names of enclosing interfaces / schema calls, for field owners.
    owners: Vec<Option<String>>,
    /// Local names bound to a processor's SDK (imports, and clients built from them).
    clients: std::collections::HashMap<String, usize>,
}

impl Visitor<'_, '_> {
    fn span(&self, s: Span) -> std::ops::Range<usize> {
        s.start as usize + self.offset..s.end as usize + self.offset
    }

    fn src(&self, s: Span) -> &str {
        let r = self.span(s);
        &self.ctx.text[r]
    }

    fn import(&mut self, lit: &StringLiteral) {
        let r = self.span(lit.span);
        self.ctx.import(Lang::Js, lit.value.as_str(), r);
    }

    fn owner(&self) -> Option<String> {
        self.owners.iter().rev().flatten().next().cloned()
    }
}

/// `process.env`, `import.meta.env`, `Bun.env`.
fn is_env_object(e: &Expression) -> bool {
    if let Expression::StaticMemberExpression(m) = e {
        if m.property.name == "env" {
            return match &m.object {
                Expression::Identifier(id) => id.name == "process" || id.name == "Bun",
                Expression::ImportMeta(_) => true,
                _ => false,
            };
        }
    }
    false
}

fn static_string<'b>(e: &'b Expression<'b>) -> Option<(&'b str, Span)> {
    match e {
        Expression::StringLiteral(s) => Some((s.value.as_str(), s.span)),
        Expression::TemplateLiteral(t) if t.expressions.is_empty() => {
            t.quasis.first().map(|q| (q.value.raw.as_str(), t.span))
        }
        _ => None,
    }
}

/// A cookie name from a literal or a template literal (computed parts become `*`).
fn cookie_name(e: &Expression) -> Option<String> {
    match e {
        Expression::StringLiteral(s) => Some(s.value.to_string()),
        // `'ab_' + test + '=' + variant`: literal parts kept, computed parts as `*`.
        Expression::BinaryExpression(b) if b.operator == BinaryOperator::Addition => {
            let l = cookie_name(&b.left).unwrap_or_else(|| "*".into());
            let r = cookie_name(&b.right).unwrap_or_else(|| "*".into());
            let joined = format!("{l}{r}").replace("**", "*");
            (joined != "*").then_some(joined)
        }
        Expression::TemplateLiteral(t) => {
            let mut out = String::new();
            for (i, q) in t.quasis.iter().enumerate() {
                out.push_str(q.value.raw.as_str());
                if i < t.expressions.len() {
                    out.push('*');
                }
            }
            Some(out)
        }
        _ => None,
    }
}

/// The callee as text-ish path: `res.cookie`, `cookies().set`, `Cookies.set`.
fn callee_path(e: &Expression) -> String {
    match e {
        Expression::Identifier(id) => id.name.to_string(),
        Expression::StaticMemberExpression(m) => {
            format!("{}.{}", callee_path(&m.object), m.property.name)
        }
        Expression::CallExpression(c) => format!("{}()", callee_path(&c.callee)),
        // `new Mailgun(formData).client(...)`: the chain starts at the constructed class.
        Expression::NewExpression(n) => callee_path(&n.callee),
        Expression::AwaitExpression(a) => callee_path(&a.argument),
        Expression::ParenthesizedExpression(p) => callee_path(&p.expression),
        Expression::ChainExpression(_) => "?".into(),
        _ => "?".into(),
    }
}

/// `session({...})` from express-session, cookie-session or koa-session.
fn is_session_middleware(path: &str, text: &str) -> bool {
    matches!(
        path,
        "session" | "expressSession" | "cookieSession" | "koaSession" | "KoaSession"
    ) && ["express-session", "cookie-session", "koa-session"]
        .iter()
        .any(|p| text.contains(p))
}

fn is_cookie_setter(path: &str) -> bool {
    let last = path.rsplit('.').next().unwrap_or(path);
    if last == "cookie" {
        // res.cookie(...), but not a bare cookie(...) helper or a read
        return path.contains('.');
    }
    if matches!(
        last,
        "setCookie" | "setcookie" | "setSignedCookie" | "setResponseCookie"
    ) {
        return true;
    }
    if let Some(receiver) = path.strip_suffix(".set") {
        // A bare `set(...)` (a React state setter, say) has no receiver and is no cookie.
        let before = receiver.rsplit('.').next().unwrap_or("");
        return matches!(
            before,
            "cookies"
                | "cookies()"
                | "Cookies"
                | "cookieStore"
                | "Cookie"
                | "jsCookie"
                | "withAttributes()"
        );
    }
    path == "serialize" || path.ends_with("cookie.serialize")
}

fn apply_cookie_options(obj: &ObjectExpression, c: &mut CookieSet, src: &str) {
    for p in &obj.properties {
        let ObjectPropertyKind::ObjectProperty(p) = p else {
            // `{ ...sessionDefaults, maxAge }`: flags may come from the spread.
            c.opaque = true;
            continue;
        };
        let Some(key) = p.key.static_name() else {
            continue;
        };
        let val = &p.value;
        let as_bool = match val {
            Expression::BooleanLiteral(b) => Some(b.value),
            _ => None,
        };
        let val_text = || {
            let s = val.span();
            src.get(s.start as usize..s.end as usize)
                .unwrap_or("")
                .trim_matches(['\'', '"', '`'])
                .to_string()
        };
        match key.as_ref() {
            // `secure: isProd` is decided at run time: unknown, not missing.
            "secure" => match as_bool {
                Some(b) => c.secure = Some(b),
                None => c.opaque = true,
            },
            "httpOnly" | "httponly" | "http_only" => match as_bool {
                Some(b) => c.http_only = Some(b),
                None => c.opaque = true,
            },
            "sameSite" | "samesite" | "same_site" => c.same_site = Some(val_text()),
            "maxAge" | "max_age" | "expires" => c.max_age = Some(val_text()),
            // Hono: `prefix: 'host'` names the cookie `__Host-<name>` and forces Secure.
            "prefix" => {
                let v = val_text().to_ascii_lowercase();
                if v == "host" || v == "secure" {
                    let p = if v == "host" { "__Host-" } else { "__Secure-" };
                    if !c.name.starts_with(p) {
                        c.name = format!("{p}{}", c.name);
                    }
                    c.secure = Some(true);
                }
            }
            _ => {}
        }
    }
}

impl Visitor<'_, '_> {
    /// `res.cookie('name', v, {...})`, `cookies().set(...)`, `Cookies.set(...)`, Hono
    /// `setCookie(c, 'name', v, {...})`, `cookies().set({ name, value, ... })`.
    fn cookie_call(&mut self, it: &CallExpression, path: &str) {
        let browser = path.starts_with("Cookies")
            || path.starts_with("Cookie.")
            || path.starts_with("jsCookie");
        // Hono / h3 take the context first: `setCookie(c, 'name', value, opts)`.
        let first_is_name = it
            .arguments
            .first()
            .and_then(|a| a.as_expression())
            .and_then(cookie_name)
            .is_some();
        let name_at = usize::from(it.arguments.len() >= 3 && !first_is_name);
        let Some(first) = it.arguments.get(name_at).and_then(|a| a.as_expression()) else {
            return;
        };
        let src = &self.ctx.text[self.offset..];
        let mut c = CookieSet::default();
        let name_span;
        if let Some(name) = cookie_name(first) {
            c.name = name;
            name_span = first.span();
            // Koa deletes with `ctx.cookies.set(name, null)`.
            if matches!(
                it.arguments
                    .get(name_at + 1)
                    .and_then(|a| a.as_expression()),
                Some(Expression::NullLiteral(_))
            ) {
                return;
            }
            for (k, a) in it.arguments.iter().enumerate().skip(name_at + 1) {
                match a.as_expression() {
                    Some(Expression::ObjectExpression(o)) => apply_cookie_options(o, &mut c, src),
                    // `res.cookie(name, value, cookieOptions)`: options we cannot see.
                    Some(
                        Expression::Identifier(_)
                        | Expression::CallExpression(_)
                        | Expression::StaticMemberExpression(_),
                    ) if k >= name_at + 2 => c.opaque = true,
                    _ => {}
                }
            }
        } else if let Expression::ObjectExpression(o) = first {
            // cookies().set({ name: 'x', value, httpOnly: true })
            let Some((name, span)) = o.properties.iter().find_map(|p| match p {
                ObjectPropertyKind::ObjectProperty(p)
                    if p.key.static_name().is_some_and(|k| k == "name") =>
                {
                    cookie_name(&p.value).map(|n| (n, p.value.span()))
                }
                _ => None,
            }) else {
                return;
            };
            c.name = name;
            name_span = span;
            apply_cookie_options(o, &mut c, src);
        } else {
            return;
        }
        let deleting = c
            .max_age
            .as_deref()
            .is_some_and(|m| m == "0" || m.starts_with('-') || m.contains("new Date(0)"));
        if deleting {
            return;
        }
        if browser {
            c.http_only = Some(false); // scripts cannot set HttpOnly
        }
        let r = self.span(name_span);
        self.ctx.cookie(c, r);
    }

    /// express-session / cookie-session / koa-session: the session cookie is configured, not set.
    fn session_middleware(&mut self, it: &CallExpression, path: &str) {
        let Some(Expression::ObjectExpression(o)) =
            it.arguments.first().and_then(|a| a.as_expression())
        else {
            return;
        };
        let text = self.ctx.text;
        let default = if text.contains("koa-session") {
            "koa.sess"
        } else if text.contains("cookie-session") {
            "session"
        } else {
            "connect.sid"
        };
        let src = &text[self.offset..];
        let mut c = CookieSet {
            name: default.to_string(),
            ..CookieSet::default()
        };
        let mut span = it.span;
        for p in &o.properties {
            let ObjectPropertyKind::ObjectProperty(p) = p else {
                continue;
            };
            match p.key.static_name().as_deref() {
                Some("name") | Some("key") => {
                    if let Some(n) = cookie_name(&p.value) {
                        c.name = n;
                        span = p.value.span();
                    }
                }
                Some("cookie") => {
                    if let Expression::ObjectExpression(inner) = &p.value {
                        apply_cookie_options(inner, &mut c, src);
                    }
                }
                _ => {}
            }
        }
        // koa-session and cookie-session take the flags at the top level.
        apply_cookie_options(o, &mut c, src);
        let _ = path;
        let r = self.span(span);
        self.ctx.cookie(c, r);
    }

    /// Personal data in the arguments of a call on a processor's client (`resend.emails.send({
    /// to: user.email })`) or of a request to its API host (`fetch('https://api.openai.com/...')`).
    fn flow(&mut self, call: &CallExpression, path: &str) {
        let root = path.split(['.', '(']).next().unwrap_or("");
        let last = path.rsplit('.').next().unwrap_or(path);
        // Building or configuring a client passes credentials and options, not user data.
        let setup = super::is_client_setup(last);
        let mut target = if path.contains('.') && !setup {
            self.clients.get(root).copied()
        } else {
            None
        };
        if target.is_none()
            && matches!(
                root,
                "fetch" | "axios" | "ky" | "got" | "ofetch" | "$fetch" | "request" | "superagent"
            )
        {
            if let Some((url, _)) = call
                .arguments
                .first()
                .and_then(|a| a.as_expression())
                .and_then(static_string)
                .or_else(
                    || match call.arguments.first().and_then(|a| a.as_expression()) {
                        Some(Expression::TemplateLiteral(t)) => {
                            t.quasis.first().map(|q| (q.value.raw.as_str(), t.span))
                        }
                        _ => None,
                    },
                )
            {
                target = super::hosts_in(url)
                    .first()
                    .and_then(|(h, _)| self.ctx.catalog.index.host(h));
            }
        }
        let Some(p) = target else { return };
        let args = self.span(call.span);
        let Some(open) = self.ctx.text[args.clone()].find('(') else {
            return;
        };
        let range = args.start + open..args.end;
        self.ctx.flows_in(
            p,
            range.start + 1..range.end.saturating_sub(1).max(range.start + 1),
        );
    }
}

impl<'a> Visit<'a> for Visitor<'_, '_> {
    fn visit_import_declaration(&mut self, it: &ImportDeclaration<'a>) {
        // `import type` pulls in no code, but still names the SDK: count it.
        self.import(&it.source);
        if let Some(p) = self
            .ctx
            .catalog
            .index
            .import(Lang::Js, it.source.value.as_str())
        {
            for spec in it.specifiers.iter().flatten() {
                self.clients.insert(spec.local().name.to_string(), p);
            }
        }
    }

    fn visit_variable_declarator(&mut self, it: &VariableDeclarator<'a>) {
        // `const { STRIPE_SECRET_KEY, RESEND_API_KEY } = process.env`
        if let (BindingPattern::ObjectPattern(obj), Some(init)) = (&it.id, &it.init) {
            if is_env_object(init.without_parentheses())
                || matches!(init.without_parentheses(), Expression::Identifier(id) if id.name == "env")
            {
                for prop in &obj.properties {
                    if let Some(name) = prop.key.static_name() {
                        let r = self.span(prop.key.span());
                        self.ctx.env(&name, r);
                    }
                }
            }
        }
        // `const openai = new OpenAI()`, `const stripe = require('stripe')(key)`, `createClient(...)`
        if let (BindingPattern::BindingIdentifier(id), Some(init)) = (&it.id, &it.init) {
            let callee = match init.without_parentheses() {
                Expression::NewExpression(n) => Some(&n.callee),
                Expression::CallExpression(c) => Some(&c.callee),
                Expression::AwaitExpression(a) => match &a.argument {
                    Expression::CallExpression(c) => Some(&c.callee),
                    _ => None,
                },
                _ => None,
            };
            let bound = callee.and_then(|c| {
                let root = callee_path(c);
                let root = root.split(['.', '(']).next().unwrap_or("");
                self.clients.get(root).copied().or_else(|| {
                    // require('stripe')(key)
                    let t = self.src(c.span());
                    let spec = t
                        .strip_prefix("require(")?
                        .trim_matches([')', '\'', '"', '`']);
                    self.ctx.catalog.index.import(Lang::Js, spec)
                })
            });
            if let Some(p) = bound {
                self.clients.insert(id.name.to_string(), p);
            }
        }
        walk::walk_variable_declarator(self, it);
    }

    fn visit_export_from_declaration(&mut self, it: &ExportFromDeclaration<'a>) {
        self.import(&it.source);
    }

    fn visit_export_all_declaration(&mut self, it: &ExportAllDeclaration<'a>) {
        self.import(&it.source);
    }

    fn visit_import_expression(&mut self, it: &ImportExpression<'a>) {
        if let Expression::StringLiteral(s) = &it.source {
            self.import(s);
        }
        walk::walk_import_expression(self, it);
    }

    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        let path = callee_path(&it.callee);
        if path == "require" || path == "require.resolve" {
            if let Some(Argument::StringLiteral(s)) = it.arguments.first() {
                self.import(s);
            }
        }
        if path.ends_with("signInWithOAuth") || path.ends_with("linkIdentity") {
            let r = self.span(it.span);
            let t = &self.ctx.text[r.clone()];
            if let Some((p, off)) = super::oauth_provider_in(t) {
                self.ctx.use_of(
                    p,
                    crate::fact::EvidenceKind::Import,
                    r.start + off..r.start + off + 1,
                );
            }
        }
        self.flow(it, &path);
        if (path.ends_with("createServerClient") || path.ends_with("createBrowserClient"))
            && self.ctx.text.contains("@supabase/ssr")
        {
            // @supabase/ssr sets its own session cookie through the handlers it is given.
            let c = CookieSet {
                name: "sb-*-auth-token".into(),
                opaque: true,
                ..CookieSet::default()
            };
            let r = self.span(it.span);
            self.ctx.cookie(c, r.start..r.start + path.len());
        }
        if is_cookie_setter(&path) {
            self.cookie_call(it, &path);
        } else if is_session_middleware(&path, self.ctx.text) {
            self.session_middleware(it, &path);
        }
        // Schema-shaped calls: their object argument's keys are fields.
        let schema_owner = schema_call_owner(&path, it);
        self.owners.push(schema_owner);
        walk::walk_call_expression(self, it);
        self.owners.pop();
    }

    fn visit_assignment_expression(&mut self, it: &AssignmentExpression<'a>) {
        // document.cookie = "name=value; Secure"
        if let AssignmentTarget::StaticMemberExpression(m) = &it.left {
            if m.property.name == "cookie" {
                if let Some(name) = cookie_name(&it.right) {
                    let lower = name.to_ascii_lowercase();
                    let cname = name.split('=').next().unwrap_or("").trim().to_string();
                    // `name=; Max-Age=0` or an expiry in 1970 deletes the cookie.
                    let deletes = lower.contains("max-age=0")
                        || lower.contains("1970")
                        || lower.contains("max-age=-");
                    if !cname.is_empty() && !deletes {
                        let c = CookieSet {
                            loc: Default::default(),
                            name: cname,
                            secure: lower.contains("secure").then_some(true),
                            http_only: Some(false),
                            same_site: lower
                                .split(';')
                                .find_map(|p| p.trim().strip_prefix("samesite="))
                                .map(str::to_string),
                            max_age: lower
                                .split(';')
                                .find_map(|p| {
                                    let p = p.trim();
                                    p.strip_prefix("max-age=").or(p.strip_prefix("expires="))
                                })
                                .map(str::to_string),
                            setting: false,
                            opaque: false,
                            snippet: String::new(),
                        };
                        let r = self.span(it.span);
                        self.ctx.cookie(c, r);
                    }
                }
            }
        }
        walk::walk_assignment_expression(self, it);
    }

    fn visit_static_member_expression(&mut self, it: &StaticMemberExpression<'a>) {
        if is_env_object(&it.object) {
            let r = self.span(it.span);
            self.ctx.env(it.property.name.as_str(), r);
        }
        walk::walk_static_member_expression(self, it);
    }

    fn visit_computed_member_expression(&mut self, it: &ComputedMemberExpression<'a>) {
        if is_env_object(&it.object) {
            if let Some((name, _)) = static_string(&it.expression) {
                let r = self.span(it.span);
                self.ctx.env(name, r);
            }
        }
        walk::walk_computed_member_expression(self, it);
    }

    fn visit_string_literal(&mut self, it: &StringLiteral<'a>) {
        let r = self.span(it.span);
        let value = it.value.as_str();
        if super::looks_like_env_name(value) {
            let from = crate::text::floor_char_boundary(self.ctx.text, r.start.saturating_sub(48));
            let before = &self.ctx.text[from..r.start];
            if is_env_call_before(before) {
                self.ctx.env(value, r.clone());
            }
        }
        self.ctx.string_literal(value, r);
    }

    fn visit_template_literal(&mut self, it: &TemplateLiteral<'a>) {
        for q in &it.quasis {
            let r = self.span(q.span);
            self.ctx.string_literal(q.value.raw.as_str(), r);
        }
        walk::walk_template_literal(self, it);
    }

    fn visit_jsx_opening_element(&mut self, it: &JSXOpeningElement<'a>) {
        let name = match &it.name {
            JSXElementName::Identifier(id) => id.name.as_str(),
            JSXElementName::IdentifierReference(id) => id.name.as_str(),
            _ => "",
        };
        if matches!(name, "script" | "Script" | "img" | "iframe" | "link") {
            for attr in &it.attributes {
                if let JSXAttributeItem::Attribute(a) = attr {
                    let is_src = matches!(&a.name, JSXAttributeName::Identifier(n) if n.name == "src" || n.name == "href");
                    if let (true, Some(JSXAttributeValue::StringLiteral(s))) = (is_src, &a.value) {
                        let r = self.span(s.span);
                        self.ctx.script(s.value.as_str(), r);
                    }
                }
            }
        }
        walk::walk_jsx_opening_element(self, it);
    }

    fn visit_ts_interface_declaration(&mut self, it: &TSInterfaceDeclaration<'a>) {
        self.owners.push(Some(it.id.name.to_string()));
        walk::walk_ts_interface_declaration(self, it);
        self.owners.pop();
    }

    fn visit_ts_type_alias_declaration(&mut self, it: &TSTypeAliasDeclaration<'a>) {
        self.owners.push(Some(it.id.name.to_string()));
        walk::walk_ts_type_alias_declaration(self, it);
        self.owners.pop();
    }

    fn visit_ts_property_signature(&mut self, it: &TSPropertySignature<'a>) {
        if let Some(name) = it.key.static_name() {
            let ty = it
                .type_annotation
                .as_ref()
                .map(|t| self.src(t.type_annotation.span()).to_string());
            let owner = self.owner();
            let r = self.span(it.key.span());
            self.ctx
                .field(owner.as_deref(), &name, ty.as_deref(), "typescript", r);
        }
        walk::walk_ts_property_signature(self, it);
    }

    fn visit_class(&mut self, it: &Class<'a>) {
        let entity = it.decorators.iter().any(|d| {
            let t = self.src(d.span);
            t.starts_with("@Entity")
                || t.starts_with("@Schema")
                || t.starts_with("@Table")
                || t.starts_with("@ObjectType")
                || t.starts_with("@InputType")
        });
        let name = it.id.as_ref().map(|i| i.name.to_string());
        self.owners.push(if entity { name.clone() } else { None });
        if entity {
            for el in &it.body.body {
                if let ClassElement::PropertyDefinition(p) = el {
                    if let Some(fname) = p.key.static_name() {
                        let ty = p
                            .type_annotation
                            .as_ref()
                            .map(|t| self.src(t.type_annotation.span()).to_string());
                        let r = self.span(p.key.span());
                        self.ctx
                            .field(name.as_deref(), &fname, ty.as_deref(), "orm-entity", r);
                    }
                }
            }
        }
        walk::walk_class(self, it);
        self.owners.pop();
    }

    fn visit_object_property(&mut self, it: &ObjectProperty<'a>) {
        // NextAuth / Auth.js: `cookies: { sessionToken: { name: '...', options: { ... } } }`.
        if it.key.static_name().is_some_and(|k| k == "cookies") {
            if let Expression::ObjectExpression(o) = &it.value {
                let src = &self.ctx.text[self.offset..];
                for p in &o.properties {
                    let ObjectPropertyKind::ObjectProperty(p) = p else {
                        continue;
                    };
                    let Expression::ObjectExpression(cfg) = &p.value else {
                        continue;
                    };
                    let mut c = CookieSet::default();
                    let mut span = None;
                    for q in &cfg.properties {
                        let ObjectPropertyKind::ObjectProperty(q) = q else {
                            continue;
                        };
                        match q.key.static_name().as_deref() {
                            Some("name") => {
                                if let Some(n) = cookie_name(&q.value) {
                                    c.name = n;
                                    span = Some(q.value.span());
                                }
                            }
                            Some("options") => {
                                if let Expression::ObjectExpression(opts) = &q.value {
                                    apply_cookie_options(opts, &mut c, src);
                                }
                            }
                            _ => {}
                        }
                    }
                    if let Some(sp) = span {
                        let r = self.span(sp);
                        self.ctx.cookie(c, r);
                    }
                }
            }
        }
        // Only keys of schema-shaped calls (`pgTable('users', {...})`, `z.object({...})`,
        // `new Schema({...})`) are fields; other object literals are too noisy.
        if let Some(Some(owner)) = self.owners.last().cloned() {
            if let Some(name) = it.key.static_name() {
                let ty = type_hint(self.src(it.value.span()));
                let r = self.span(it.key.span());
                self.ctx.field(Some(&owner), &name, ty, "js-schema", r);
            }
            // Nested objects are not fields of the same owner.
            self.owners.push(None);
            walk::walk_object_property(self, it);
            self.owners.pop();
            return;
        }
        walk::walk_object_property(self, it);
    }

    fn visit_new_expression(&mut self, it: &NewExpression<'a>) {
        let path = callee_path(&it.callee);
        let owner = if path.ends_with("Schema") {
            Some(path.clone())
        } else {
            None
        };
        self.owners.push(owner);
        walk::walk_new_expression(self, it);
        self.owners.pop();
    }
}

/// The owner name for schema-builder calls whose object argument lists fields.
fn schema_call_owner(path: &str, call: &CallExpression) -> Option<String> {
    let last = path.rsplit('.').next().unwrap_or(path);
    let table_fn = matches!(
        last,
        "pgTable" | "mysqlTable" | "sqliteTable" | "table" | "define" | "model" | "createTable"
    );
    let zod = matches!(
        path,
        "z.object"
            | "zod.object"
            | "z.strictObject"
            | "yup.object"
            | "t.Object"
            | "v.object"
            | "object"
    ) && path != "object";
    if !table_fn && !zod {
        return None;
    }
    let name = call
        .arguments
        .first()
        .and_then(|a| a.as_expression())
        .and_then(static_string)
        .map(|(s, _)| s.to_string());
    Some(name.unwrap_or_else(|| if zod { "schema".into() } else { last.into() }))
}

/// A coarse type from a schema value's source: `z.boolean()`, `boolean('x')`, `Boolean`, `timestamp(...)`.
fn type_hint(src: &str) -> Option<&'static str> {
    let s = src
        .trim_start_matches("z.")
        .trim_start_matches("DataTypes.")
        .to_ascii_lowercase();
    if s.starts_with("bool") {
        Some("boolean")
    } else if s.starts_with("timestamp") || s.starts_with("datetime") {
        Some("timestamp")
    } else if s.starts_with("integer")
        || s.starts_with("int")
        || s.starts_with("number")
        || s.starts_with("serial")
    {
        Some("integer")
    } else {
        None
    }
}
