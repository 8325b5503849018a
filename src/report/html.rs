//! `inventory --format html`: one self-contained page (no scripts, no external assets) that a
//! privacy team can read and archive — processors by kind, personal data, flows as an inline SVG
//! diagram, and the cookie table that drafts a cookie notice.

use super::inventory::Inventory;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn badge(declared: Option<bool>) -> &'static str {
    match declared {
        Some(true) => "<span class=\"ok\">declared</span>",
        Some(false) => "<span class=\"bad\">not declared</span>",
        None => "<span class=\"na\">no policy</span>",
    }
}

const CSS: &str = "body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header{background:#1d2330;color:#fff;padding:20px 32px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;color:#b8c0cc}
main{padding:20px 32px;max-width:1200px}section{background:#fff;border:1px solid #e1e4e8;border-radius:8px;padding:16px 20px;margin:0 0 20px}
h2{font-size:17px;margin:0 0 12px}.stats{display:flex;gap:12px;flex-wrap:wrap}.stat{background:#fff;border:1px solid #e1e4e8;border-radius:8px;padding:10px 16px;min-width:120px}
.stat b{display:block;font-size:22px}.kinds{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:12px}
.kind{border:1px solid #e1e4e8;border-radius:6px;padding:10px 12px}.kind h3{margin:0 0 6px;font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:#5b6472}
.proc{margin:6px 0}.proc small{color:#5b6472;display:block;font-family:ui-monospace,monospace;font-size:11.5px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #eef0f3;vertical-align:top}th{font-size:12px;color:#5b6472;text-transform:uppercase}
code{font-family:ui-monospace,monospace;font-size:12.5px}.ok{color:#1e7e34;font-weight:600}.bad{color:#c0392b;font-weight:600}.na{color:#8a93a0}
.flag-yes{color:#1e7e34}.flag-no{color:#c0392b}svg text{font:12px system-ui,sans-serif}";

/// A two-column SVG: data categories on the left, processors on the right, an edge per flow
/// (solid: seen in code; dashed: declared only; red: seen but not declared).
fn flow_svg(inv: &Inventory) -> String {
    let mut edges: BTreeMap<(String, String), &'static str> = BTreeMap::new();
    for (p, c) in &inv.declared_flows {
        edges.insert((c.clone(), p.clone()), "declared");
    }
    for f in &inv.flows {
        let style = if f.declared == Some(false) {
            "undeclared"
        } else {
            "seen"
        };
        edges.insert((f.category.clone(), f.processor.clone()), style);
    }
    let cats: BTreeSet<&str> = edges.keys().map(|(c, _)| c.as_str()).collect();
    let procs: BTreeSet<&str> = edges.keys().map(|(_, p)| p.as_str()).collect();
    if edges.is_empty() {
        return "<p class=\"na\">No data flows to processors were seen in the code, and privacy.toml declares none.</p>".into();
    }
    let row = 28;
    let h = (cats.len().max(procs.len()) * row + 20) as i64;
    let (lx, rx, w) = (10, 560, 860);
    let y_of = |i: usize| (i * row + 20) as i64;
    let mut s = format!(
        "<svg viewBox=\"0 0 {w} {h}\" width=\"100%\" role=\"img\" aria-label=\"data flows\">"
    );
    let ci: BTreeMap<&str, usize> = cats.iter().enumerate().map(|(i, c)| (*c, i)).collect();
    let pi: BTreeMap<&str, usize> = procs.iter().enumerate().map(|(i, p)| (*p, i)).collect();
    for ((c, p), style) in &edges {
        let (y1, y2) = (y_of(ci[c.as_str()]), y_of(pi[p.as_str()]));
        let (stroke, dash) = match *style {
            "undeclared" => ("#c0392b", ""),
            "seen" => ("#2d6cdf", ""),
            _ => ("#9aa3ae", " stroke-dasharray=\"5 4\""),
        };
        let _ = write!(s, "<path d=\"M{} {y1} C{} {y1},{} {y2},{} {y2}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"1.6\"{dash}/>", lx + 250, lx + 400, rx - 120, rx);
    }
    for (c, i) in &ci {
        let _ = write!(s, "<rect x=\"{lx}\" y=\"{}\" width=\"250\" height=\"22\" rx=\"4\" fill=\"#eef3fb\" stroke=\"#c9d6ea\"/><text x=\"{}\" y=\"{}\">{}</text>", y_of(*i) - 11, lx + 8, y_of(*i) + 4, esc(c));
    }
    for (p, i) in &pi {
        let _ = write!(s, "<rect x=\"{rx}\" y=\"{}\" width=\"240\" height=\"22\" rx=\"4\" fill=\"#f3f4f6\" stroke=\"#d5d9df\"/><text x=\"{}\" y=\"{}\">{}</text>", y_of(*i) - 11, rx + 8, y_of(*i) + 4, esc(p));
    }
    s.push_str("</svg><p><small><span style=\"color:#2d6cdf\">━</span> seen in code and declared &nbsp; <span style=\"color:#c0392b\">━</span> seen in code, not declared &nbsp; <span style=\"color:#9aa3ae\">╌</span> declared in privacy.toml</small></p>");
    s
}

pub fn render(inv: &Inventory, title: Option<&str>) -> String {
    let title = title.unwrap_or("this service");
    let mut h = String::new();
    let _ = write!(h, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>Data map: {}</title><style>{CSS}</style></head><body>", esc(title));
    let _ = write!(h, "<header><h1>Data map: {}</h1><p>What the code does with personal data, found by privlint {} — every row points at its evidence.</p></header><main>", esc(title), env!("CARGO_PKG_VERSION"));
    let undeclared = inv
        .processors
        .iter()
        .filter(|p| p.declared == Some(false))
        .count()
        + inv
            .categories
            .iter()
            .filter(|c| c.declared == Some(false))
            .count()
        + inv
            .cookies
            .iter()
            .filter(|c| c.declared == Some(false))
            .count();
    let _ = write!(h, "<div class=\"stats\"><div class=\"stat\"><b>{}</b>processors</div><div class=\"stat\"><b>{}</b>data categories</div><div class=\"stat\"><b>{}</b>cookies</div><div class=\"stat\"><b>{}</b>flows</div><div class=\"stat\"><b class=\"{}\">{undeclared}</b>not declared</div></div><br>",
        inv.processors.len(), inv.categories.len(), inv.cookies.len(), inv.flows.len(), if undeclared > 0 { "bad" } else { "ok" });
    h.push_str("<section><h2>Processors by kind</h2><div class=\"kinds\">");
    let mut kinds: BTreeMap<&str, Vec<_>> = BTreeMap::new();
    for p in &inv.processors {
        kinds.entry(p.kind.as_str()).or_default().push(p);
    }
    for (kind, ps) in kinds {
        let _ = write!(h, "<div class=\"kind\"><h3>{}</h3>", esc(kind));
        for p in ps {
            let ev: Vec<String> = p
                .evidence
                .iter()
                .take(3)
                .map(|e| format!("{}:{} ({})", e.path, e.line, e.kind))
                .collect();
            let _ = write!(
                h,
                "<div class=\"proc\"><b>{}</b> {}<small>{}</small></div>",
                esc(&p.name),
                badge(p.declared),
                esc(&ev.join(" · "))
            );
        }
        h.push_str("</div>");
    }
    h.push_str("</div></section>");
    let _ = write!(h, "<section><h2>Data flows</h2>{}</section>", flow_svg(inv));
    h.push_str("<section><h2>Personal data</h2><table><tr><th>category</th><th>declared</th><th>fields</th></tr>");
    for c in &inv.categories {
        let fields: Vec<String> = c
            .evidence
            .iter()
            .take(8)
            .map(|e| {
                let owner = e
                    .owner
                    .as_deref()
                    .map(|o| format!("{o}."))
                    .unwrap_or_default();
                format!(
                    "<code>{}</code> <small>{}:{}</small>",
                    esc(&format!("{owner}{}", e.field)),
                    esc(&e.path),
                    e.line
                )
            })
            .collect();
        let more = if c.evidence.len() > 8 {
            format!(" <small>+{} more</small>", c.evidence.len() - 8)
        } else {
            String::new()
        };
        let _ = write!(
            h,
            "<tr><td><code>{}</code></td><td>{}</td><td>{}{more}</td></tr>",
            esc(&c.category),
            badge(c.declared),
            fields.join("<br>")
        );
    }
    h.push_str("</table></section>");
    h.push_str("<section><h2>Cookies</h2><table><tr><th>cookie</th><th>vendor</th><th>category</th><th>Secure</th><th>HttpOnly</th><th>SameSite</th><th>declared</th><th>set in</th></tr>");
    let flag = |b: Option<bool>| match b {
        Some(true) => "<span class=\"flag-yes\">yes</span>",
        Some(false) => "<span class=\"flag-no\">no</span>",
        None => "<span class=\"na\">?</span>",
    };
    for c in &inv.cookies {
        let ev: Vec<String> = c
            .evidence
            .iter()
            .take(3)
            .map(|e| format!("{}:{}", e.path, e.line))
            .collect();
        let _ = write!(h, "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><small>{}</small></td></tr>",
            esc(&c.name), esc(c.vendor.as_deref().unwrap_or("first party")), esc(c.category.as_deref().unwrap_or("unknown")),
            flag(c.flags.secure), flag(c.flags.http_only), esc(c.flags.same_site.as_deref().unwrap_or("–")), badge(c.declared), esc(&ev.join(", ")));
    }
    h.push_str("</table></section></main></body></html>\n");
    h
}
