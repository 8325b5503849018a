//! The data map: what the code does regardless of policy — processors, data categories and
//! cookies with their evidence. JSON (design.md §5) and a readable Markdown page.

use crate::catalog::Catalog;
use crate::fact::Facts;
use crate::policy::Policy;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
pub struct Evidence {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub kind: &'static str,
    pub text: String,
}

#[derive(Serialize)]
pub struct ProcessorEntry {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub declared: Option<bool>,
    pub evidence: Vec<Evidence>,
}

#[derive(Serialize)]
pub struct FieldEvidence {
    pub path: String,
    pub line: usize,
    pub field: String,
    pub kind: &'static str,
    pub owner: Option<String>,
    pub data_type: String,
}

#[derive(Serialize)]
pub struct CategoryEntry {
    pub category: String,
    pub declared: Option<bool>,
    pub evidence: Vec<FieldEvidence>,
}

#[derive(Serialize)]
pub struct Flags {
    pub secure: Option<bool>,
    pub http_only: Option<bool>,
    pub same_site: Option<String>,
    pub max_age: Option<String>,
}

#[derive(Serialize)]
pub struct CookieEntry {
    pub name: String,
    pub category: Option<String>,
    pub vendor: Option<String>,
    pub declared: Option<bool>,
    pub flags: Flags,
    pub evidence: Vec<Evidence>,
}

/// Personal data of a category seen passed to a processor (an extension of the §5 schema).
#[derive(Serialize)]
pub struct FlowEntry {
    pub processor: String,
    pub category: String,
    /// Whether privacy.toml declares this category for the processor (null without a policy).
    pub declared: Option<bool>,
    pub evidence: Vec<Evidence>,
}

#[derive(Serialize)]
pub struct Inventory {
    pub version: u32,
    pub processors: Vec<ProcessorEntry>,
    pub categories: Vec<CategoryEntry>,
    pub cookies: Vec<CookieEntry>,
    pub flows: Vec<FlowEntry>,
    /// Categories privacy.toml declares for each processor (for the data-map diagram).
    #[serde(skip)]
    pub declared_flows: Vec<(String, String)>,
}

pub fn build(facts: &Facts, catalog: &Catalog, policy: Option<&Policy>) -> Inventory {
    let mut procs: BTreeMap<&str, ProcessorEntry> = BTreeMap::new();
    for u in &facts.uses {
        let p = &catalog.processors[u.processor];
        let e = procs
            .entry(p.id.as_str())
            .or_insert_with(|| ProcessorEntry {
                id: p.id.clone(),
                name: p.name.clone(),
                kind: p.kind.clone(),
                declared: policy
                    .map(|pol| pol.declarations_for(u.processor, catalog).next().is_some()),
                evidence: Vec::new(),
            });
        e.evidence.push(Evidence {
            path: u.loc.path.clone(),
            line: u.loc.line,
            column: u.loc.column,
            kind: u.kind.as_str(),
            text: u.snippet.clone(),
        });
    }
    let mut cats: BTreeMap<&str, CategoryEntry> = BTreeMap::new();
    for f in &facts.fields {
        let e = cats
            .entry(f.category.as_str())
            .or_insert_with(|| CategoryEntry {
                category: f.category.clone(),
                declared: policy.map(|p| p.covers_category(&f.category)),
                evidence: Vec::new(),
            });
        e.evidence.push(FieldEvidence {
            path: f.loc.path.clone(),
            line: f.loc.line,
            field: f.field.clone(),
            kind: f.source,
            owner: f.owner.clone(),
            data_type: catalog.data[f.data_type].id.clone(),
        });
    }
    let mut cookies: BTreeMap<&str, CookieEntry> = BTreeMap::new();
    // Framework settings (`SESSION_COOKIE_SECURE = True`) describe the session cookie too.
    for c in &facts.cookies {
        let known = catalog.cookie(&c.name);
        let e = cookies
            .entry(c.name.as_str())
            .or_insert_with(|| CookieEntry {
                name: c.name.clone(),
                category: known.map(|(_, d)| d.category.clone()),
                vendor: known.map(|(v, _)| v.vendor.clone()),
                declared: policy.map(|p| {
                    let probe = c.name.replace('*', "x");
                    p.cookies.iter().any(|d| d.glob.is_match(&probe))
                        || known.is_some_and(|(_, d)| p.cookie_allow.contains(&d.category))
                }),
                flags: Flags {
                    secure: c.secure,
                    http_only: c.http_only,
                    same_site: c.same_site.clone(),
                    max_age: c.max_age.clone(),
                },
                evidence: Vec::new(),
            });
        // Flags known at any place fill what another left unsaid; an insecure `false` wins.
        let merge = |a: &mut Option<bool>, b: Option<bool>| {
            if b == Some(false) || a.is_none() {
                *a = b.or(*a);
            }
        };
        merge(&mut e.flags.secure, c.secure);
        merge(&mut e.flags.http_only, c.http_only);
        if e.flags.same_site.is_none() {
            e.flags.same_site = c.same_site.clone();
        }
        if e.flags.max_age.is_none() {
            e.flags.max_age = c.max_age.clone();
        }
        e.evidence.push(Evidence {
            path: c.loc.path.clone(),
            line: c.loc.line,
            column: c.loc.column,
            kind: if c.setting { "setting" } else { "cookie" },
            text: c.snippet.clone(),
        });
    }
    let mut flows: BTreeMap<(String, String), FlowEntry> = BTreeMap::new();
    for b in facts
        .behaviors
        .iter()
        .filter(|b| b.kind == crate::fact::BehaviorKind::Flow)
    {
        let (Some(dt), Some(p)) = (b.data_type, catalog.processors.get(b.value as usize)) else {
            continue;
        };
        let category = catalog.data[dt].category.clone();
        let e = flows
            .entry((p.id.clone(), category.clone()))
            .or_insert_with(|| FlowEntry {
                processor: p.id.clone(),
                category: category.clone(),
                declared: policy.map(|pol| {
                    pol.declarations_for(b.value as usize, catalog).any(|d| {
                        d.categories
                            .iter()
                            .any(|c| crate::policy::category_covers(c, &category))
                    })
                }),
                evidence: Vec::new(),
            });
        e.evidence.push(Evidence {
            path: b.loc.path.clone(),
            line: b.loc.line,
            column: b.loc.column,
            kind: "flow",
            text: b.snippet.clone(),
        });
    }
    let mut declared_flows = Vec::new();
    if let Some(pol) = policy {
        for d in &pol.processors {
            let name = match &d.target {
                crate::policy::DeclTarget::Processor(i) => catalog.processors[*i].id.clone(),
                crate::policy::DeclTarget::Kind(_) => d.key.clone(),
            };
            for c in &d.categories {
                declared_flows.push((name.clone(), c.clone()));
            }
        }
    }
    Inventory {
        version: 1,
        processors: procs.into_values().collect(),
        categories: cats.into_values().collect(),
        cookies: cookies.into_values().collect(),
        flows: flows.into_values().collect(),
        declared_flows,
    }
}

pub fn render_json(inv: &Inventory) -> String {
    let mut s = serde_json::to_string_pretty(inv).unwrap_or_default();
    s.push('\n');
    s
}

fn yes_no(d: Option<bool>) -> &'static str {
    match d {
        Some(true) => "yes",
        Some(false) => "**no**",
        None => "–",
    }
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|").replace('`', "'")
}

pub fn render_markdown(inv: &Inventory, title: Option<&str>) -> String {
    let mut out = format!(
        "# Data map{}\n\n",
        title.map(|t| format!(": {t}")).unwrap_or_default()
    );
    out.push_str("Generated by privlint from the code, not from the policy: every row points at its evidence.\n\n");
    out.push_str(
        "## Processors\n\n| processor | kind | declared | evidence |\n|---|---|---|---|\n",
    );
    for p in &inv.processors {
        let ev: Vec<String> = p
            .evidence
            .iter()
            .take(5)
            .map(|e| format!("`{}:{}` ({})", e.path, e.line, e.kind))
            .collect();
        let more = if p.evidence.len() > 5 {
            format!(" +{} more", p.evidence.len() - 5)
        } else {
            String::new()
        };
        out.push_str(&format!(
            "| {} (`{}`) | {} | {} | {}{more} |\n",
            p.name,
            p.id,
            p.kind,
            yes_no(p.declared),
            ev.join(", ")
        ));
    }
    out.push_str("\n## Personal data\n");
    for c in &inv.categories {
        out.push_str(&format!(
            "\n### `{}` (declared: {})\n\n| field | owner | type | where |\n|---|---|---|---|\n",
            c.category,
            yes_no(c.declared)
        ));
        for e in &c.evidence {
            out.push_str(&format!(
                "| `{}` | {} | {} | `{}:{}` |\n",
                md_escape(&e.field),
                e.owner
                    .as_deref()
                    .map(md_escape)
                    .unwrap_or_else(|| "–".into()),
                e.data_type,
                e.path,
                e.line
            ));
        }
    }
    out.push_str("\n## Cookies\n\n| cookie | vendor | category | Secure | HttpOnly | SameSite | declared | where |\n|---|---|---|---|---|---|---|---|\n");
    let flag = |b: Option<bool>| match b {
        Some(true) => "yes",
        Some(false) => "no",
        None => "?",
    };
    for c in &inv.cookies {
        let ev: Vec<String> = c
            .evidence
            .iter()
            .take(3)
            .map(|e| format!("`{}:{}`", e.path, e.line))
            .collect();
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} | {} | {} | {} |\n",
            md_escape(&c.name),
            c.vendor.as_deref().unwrap_or("first party"),
            c.category.as_deref().unwrap_or("unknown"),
            flag(c.flags.secure),
            flag(c.flags.http_only),
            c.flags.same_site.as_deref().unwrap_or("–"),
            yes_no(c.declared),
            ev.join(", ")
        ));
    }
    out
}

/// Mermaid flowchart id: letters, digits and underscores only.
fn mid(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

/// A Mermaid flowchart: data categories → this service → processors (grouped by kind). Solid
/// edges are flows seen in code; dashed ones are declared in privacy.toml only.
pub fn render_mermaid(inv: &Inventory, title: Option<&str>) -> String {
    let mut out = String::from("flowchart LR\n");
    out.push_str(&format!(
        "  svc([\"{}\"])\n",
        title.unwrap_or("this service").replace('"', "'")
    ));
    for c in &inv.categories {
        let style = if c.declared == Some(false) {
            ":::undeclared"
        } else {
            ""
        };
        out.push_str(&format!(
            "  cat_{}[\"{}\"]{style}\n",
            mid(&c.category),
            c.category
        ));
        out.push_str(&format!("  cat_{} --> svc\n", mid(&c.category)));
    }
    let mut kinds: BTreeMap<&str, Vec<&ProcessorEntry>> = BTreeMap::new();
    for p in &inv.processors {
        kinds.entry(p.kind.as_str()).or_default().push(p);
    }
    for (kind, ps) in kinds {
        out.push_str(&format!("  subgraph kind_{}[\"{kind}\"]\n", mid(kind)));
        for p in ps {
            let style = if p.declared == Some(false) {
                ":::undeclared"
            } else {
                ""
            };
            out.push_str(&format!(
                "    p_{}[\"{}\"]{style}\n",
                mid(&p.id),
                p.name.replace('"', "'")
            ));
        }
        out.push_str("  end\n");
    }
    for p in &inv.processors {
        let cats: Vec<&str> = inv
            .flows
            .iter()
            .filter(|f| f.processor == p.id)
            .map(|f| f.category.as_str())
            .collect();
        let declared: Vec<&str> = inv
            .declared_flows
            .iter()
            .filter(|(id, _)| *id == p.id)
            .map(|(_, c)| c.as_str())
            .collect();
        if cats.is_empty() && declared.is_empty() {
            out.push_str(&format!("  svc --> p_{}\n", mid(&p.id)));
        }
        for c in &cats {
            out.push_str(&format!("  svc -- \"{c}\" --> p_{}\n", mid(&p.id)));
        }
        for c in declared.iter().filter(|c| !cats.contains(c)) {
            out.push_str(&format!("  svc -. \"{c}\" .-> p_{}\n", mid(&p.id)));
        }
    }
    out.push_str("  classDef undeclared stroke:#c0392b,stroke-width:2px,color:#c0392b\n");
    out
}
