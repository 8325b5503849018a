//! HTML and server templates (ERB, Jinja/Django, Blade, Go templates, Handlebars...) and the
//! template half of Vue / Svelte / Astro components: `<script src>`, pixels, inline snippets.
//! Commented-out markup (`<!-- -->`, `{# #}`, `{{!-- --}}`, `<%# %>`) is never evidence.

use super::FileCtx;
use crate::catalog::matcher::Lang;
use std::sync::OnceLock;

/// Byte ranges of template comments.
fn comment_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (open, close) in [
        ("<!--", "-->"),
        ("{#", "#}"),
        ("{{!--", "--}}"),
        ("<%#", "%>"),
        ("{{/*", "*/}}"),
        ("@*", "*@"),
    ] {
        let mut from = 0;
        while let Some(s) = text[from..].find(open) {
            let s = from + s;
            let e = text[s + open.len()..]
                .find(close)
                .map(|n| s + open.len() + n + close.len())
                .unwrap_or(text.len());
            out.push((s, e));
            from = e;
        }
    }
    out.sort();
    out
}

fn inside(ranges: &[(usize, usize)], pos: usize) -> bool {
    ranges.iter().any(|&(s, e)| s <= pos && pos < e)
}

/// Inline `<script>` blocks (no `src`): (body start, body end, is typescript).
fn script_blocks(text: &str) -> Vec<(usize, usize, bool)> {
    static OPEN: OnceLock<regex::Regex> = OnceLock::new();
    let open = OPEN.get_or_init(|| regex::Regex::new(r"(?is)<script\b([^>]*)>").unwrap());
    let mut out = Vec::new();
    for m in open.captures_iter(text) {
        let all = m.get(0).unwrap();
        let attrs = m.get(1).map(|a| a.as_str()).unwrap_or("");
        if attrs.contains("src=") || attrs.contains("src =") {
            continue;
        }
        let ty = attrs.to_ascii_lowercase();
        if ty.contains("application/ld+json")
            || ty.contains("text/template")
            || ty.contains("application/json")
        {
            continue;
        }
        let body_start = all.end();
        let lower_rest = text[body_start..].to_ascii_lowercase();
        let body_end = lower_rest
            .find("</script")
            .map(|n| body_start + n)
            .unwrap_or(text.len());
        out.push((body_start, body_end, ty.contains("ts")));
    }
    out
}

fn scan_tags(ctx: &mut FileCtx, comments: &[(usize, usize)]) {
    static TAG: OnceLock<regex::Regex> = OnceLock::new();
    let tag = TAG.get_or_init(|| {
        regex::Regex::new(r#"(?is)<(?:script|img|iframe|Script|source|embed)\b[^>]*?\s(?:src|data-src|:src)\s*=\s*["']([^"']+)["']"#).unwrap()
    });
    let text = ctx.text;
    static HELPER: OnceLock<regex::Regex> = OnceLock::new();
    // Server-side helpers that emit a script tag: Rails, Laravel, Django/Jinja.
    let helper = HELPER.get_or_init(|| {
        regex::Regex::new(r#"(?:javascript_include_tag|script_tag|Html::script|HTML::script|script_src)\s*\(?\s*["']([^"']+)["']"#).unwrap()
    });
    let mut hits: Vec<(String, usize, usize)> = helper
        .captures_iter(text)
        .filter_map(|c| c.get(1))
        .filter(|m| !inside(comments, m.start()))
        .map(|m| (m.as_str().to_string(), m.start(), m.end()))
        .collect();
    hits.extend(
        tag.captures_iter(text)
            .filter_map(|c| c.get(1))
            .filter(|m| !inside(comments, m.start()))
            .map(|m| (m.as_str().to_string(), m.start(), m.end())),
    );
    for (url, s, e) in hits {
        ctx.script(&url, s..e);
    }
}

pub fn extract(ctx: &mut FileCtx) {
    let text = ctx.text;
    let comments = comment_ranges(text);
    for &(s, e) in &comments {
        ctx.comment(&text[s..e], s..e);
    }
    scan_tags(ctx, &comments);
    for (s, e, _) in script_blocks(text) {
        if !inside(&comments, s) {
            super::generic::scan_clike(ctx, s, e, Lang::Js);
        }
    }
}

/// Vue / Svelte / Astro: script blocks parsed as JS/TS, the rest scanned as a template.
pub fn extract_component(ctx: &mut FileCtx) {
    let text = ctx.text;
    let comments = comment_ranges(text);
    for &(s, e) in &comments {
        ctx.comment(&text[s..e], s..e);
    }
    scan_tags(ctx, &comments);
    let mut blocks = script_blocks(text);
    // Astro front matter is TypeScript between `---` fences.
    if ctx.rel.ends_with(".astro") && text.starts_with("---") {
        if let Some(end) = text[3..].find("\n---") {
            blocks.push((3, 3 + end, true));
        }
    }
    for (s, e, ts) in blocks {
        if inside(&comments, s) {
            continue;
        }
        let hint = if ts { "component.tsx" } else { "component.jsx" };
        super::js::extract_range(ctx, hint, s, e);
    }
}
