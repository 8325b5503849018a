//! Dependency manifests of every ecosystem. A production dependency on a vendor SDK is a use;
//! a dev / test / build-only dependency is not (design.md §4).

use super::FileCtx;
use crate::catalog::matcher::Ecosystem;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ManifestKind {
    PackageJson,
    Requirements { dev: bool },
    Pyproject,
    Pipfile,
    GoMod,
    CargoToml,
    Gemfile,
    Pom,
    Gradle,
    GradleCatalog,
    Composer,
    Csproj { dev: bool },
}

impl ManifestKind {
    pub fn from_name(lower: &str) -> Option<ManifestKind> {
        let devish = |s: &str| {
            [
                "dev", "test", "lint", "doc", "ci", "typing", "mypy", "bench",
            ]
            .iter()
            .any(|w| s.contains(w))
        };
        Some(match lower {
            "package.json" => ManifestKind::PackageJson,
            "pyproject.toml" => ManifestKind::Pyproject,
            "pipfile" => ManifestKind::Pipfile,
            "go.mod" => ManifestKind::GoMod,
            "cargo.toml" => ManifestKind::CargoToml,
            "gemfile" => ManifestKind::Gemfile,
            "pom.xml" => ManifestKind::Pom,
            "build.gradle" | "build.gradle.kts" => ManifestKind::Gradle,
            "libs.versions.toml" => ManifestKind::GradleCatalog,
            "composer.json" => ManifestKind::Composer,
            "packages.config" => ManifestKind::Csproj { dev: false },
            _ if lower.ends_with(".csproj")
                || lower.ends_with(".fsproj")
                || lower.ends_with(".vbproj") =>
            {
                ManifestKind::Csproj {
                    dev: lower.contains("test"),
                }
            }
            _ if (lower.starts_with("requirements") || lower.ends_with("requirements.txt"))
                && (lower.ends_with(".txt") || lower.ends_with(".in")) =>
            {
                ManifestKind::Requirements { dev: devish(lower) }
            }
            _ => return None,
        })
    }
}

/// Span of `name` in the manifest text, searching from `from` (quoted forms first).
fn find_span(text: &str, name: &str, from: usize) -> std::ops::Range<usize> {
    let from = crate::text::floor_char_boundary(text, from.min(text.len()));
    for pat in [format!("\"{name}\""), format!("'{name}'"), name.to_string()] {
        if let Some(p) = text[from..].find(&pat) {
            let s = from + p + if pat.len() > name.len() { 1 } else { 0 };
            return s..s + name.len();
        }
    }
    if from > 0 {
        return find_span(text, name, 0);
    }
    0..0
}

pub fn extract(ctx: &mut FileCtx, kind: ManifestKind) {
    match kind {
        ManifestKind::PackageJson => package_json(ctx),
        ManifestKind::Requirements { dev } => requirements(ctx, dev),
        ManifestKind::Pyproject => pyproject(ctx),
        ManifestKind::Pipfile => pipfile(ctx),
        ManifestKind::GoMod => go_mod(ctx),
        ManifestKind::CargoToml => cargo_toml(ctx),
        ManifestKind::Gemfile => gemfile(ctx),
        ManifestKind::Pom => pom(ctx),
        ManifestKind::Gradle => gradle(ctx),
        ManifestKind::GradleCatalog => gradle_catalog(ctx),
        ManifestKind::Composer => composer(ctx),
        ManifestKind::Csproj { dev } => csproj(ctx, dev),
    }
}

fn json_sections(ctx: &mut FileCtx, eco: Ecosystem, sections: &[(&str, bool)]) {
    let text = ctx.text;
    let v: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            ctx.issue(format!("invalid JSON manifest: {e}"));
            return;
        }
    };
    for &(section, dev) in sections {
        let Some(deps) = v.get(section).and_then(|d| d.as_object()) else {
            continue;
        };
        let sec_pos = text.find(&format!("\"{section}\"")).unwrap_or(0);
        for name in deps.keys() {
            let span = find_span(text, name, sec_pos);
            ctx.package(eco, name, dev, span);
        }
    }
}

fn package_json(ctx: &mut FileCtx) {
    json_sections(
        ctx,
        Ecosystem::Npm,
        &[
            ("dependencies", false),
            ("optionalDependencies", false),
            ("peerDependencies", false),
            ("devDependencies", true),
        ],
    );
}

fn composer(ctx: &mut FileCtx) {
    json_sections(
        ctx,
        Ecosystem::Composer,
        &[("require", false), ("require-dev", true)],
    );
}

/// The distribution name of a PEP 508 requirement (`stripe[async]>=5; python_version>"3"`).
fn pep508_name(req: &str) -> Option<&str> {
    let r = req.trim();
    if r.is_empty()
        || r.starts_with('#')
        || r.starts_with('-')
        || r.contains("://") && !r.contains(" @ ")
    {
        return None;
    }
    let end = r
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
        .unwrap_or(r.len());
    let name = &r[..end];
    (!name.is_empty()).then_some(name)
}

fn requirements(ctx: &mut FileCtx, dev: bool) {
    let text = ctx.text;
    let mut off = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with('#') {
            ctx.comment(t, off..off + line.len());
        } else if let Some(name) = pep508_name(t.split('#').next().unwrap_or("")) {
            let s = off + (line.len() - t.len());
            ctx.package(Ecosystem::Pypi, name, dev, s..s + name.len());
        }
        off += line.len();
    }
}

fn toml_value(ctx: &mut FileCtx) -> Option<toml::Value> {
    match toml::from_str::<toml::Value>(ctx.text) {
        Ok(v) => Some(v),
        Err(e) => {
            ctx.issue(format!("invalid TOML manifest: {}", e.message()));
            None
        }
    }
}

fn is_dev_group(g: &str) -> bool {
    let g = g.to_ascii_lowercase();
    [
        "dev", "test", "lint", "doc", "typing", "mypy", "bench", "ci", "format", "style", "check",
    ]
    .iter()
    .any(|w| g.contains(w))
}

fn pyproject(ctx: &mut FileCtx) {
    let Some(v) = toml_value(ctx) else { return };
    let text = ctx.text;
    let mut reqs: Vec<(String, bool)> = Vec::new();
    if let Some(p) = v.get("project") {
        for d in p
            .get("dependencies")
            .and_then(|d| d.as_array())
            .into_iter()
            .flatten()
        {
            if let Some(s) = d.as_str() {
                reqs.push((s.to_string(), false));
            }
        }
        if let Some(opt) = p.get("optional-dependencies").and_then(|o| o.as_table()) {
            for (group, list) in opt {
                for d in list.as_array().into_iter().flatten() {
                    if let Some(s) = d.as_str() {
                        reqs.push((s.to_string(), is_dev_group(group)));
                    }
                }
            }
        }
    }
    if let Some(groups) = v.get("dependency-groups").and_then(|o| o.as_table()) {
        for (_, list) in groups {
            for d in list.as_array().into_iter().flatten() {
                if let Some(s) = d.as_str() {
                    reqs.push((s.to_string(), true));
                }
            }
        }
    }
    if let Some(uv) = v.get("tool").and_then(|t| t.get("uv")) {
        for d in uv
            .get("dev-dependencies")
            .and_then(|d| d.as_array())
            .into_iter()
            .flatten()
        {
            if let Some(s) = d.as_str() {
                reqs.push((s.to_string(), true));
            }
        }
    }
    if let Some(poetry) = v.get("tool").and_then(|t| t.get("poetry")) {
        let mut tables: Vec<(&toml::Value, bool)> = Vec::new();
        if let Some(d) = poetry.get("dependencies") {
            tables.push((d, false));
        }
        if let Some(d) = poetry.get("dev-dependencies") {
            tables.push((d, true));
        }
        if let Some(groups) = poetry.get("group").and_then(|g| g.as_table()) {
            for (name, g) in groups {
                if let Some(d) = g.get("dependencies") {
                    tables.push((d, name != "main" && is_dev_group(name)));
                }
            }
        }
        for (t, dev) in tables {
            for name in t.as_table().into_iter().flat_map(|t| t.keys()) {
                if name != "python" {
                    reqs.push((name.clone(), dev));
                }
            }
        }
    }
    for (req, dev) in reqs {
        if let Some(name) = pep508_name(&req) {
            let span = find_span(text, name, 0);
            ctx.package(Ecosystem::Pypi, name, dev, span);
        }
    }
}

fn pipfile(ctx: &mut FileCtx) {
    let Some(v) = toml_value(ctx) else { return };
    let text = ctx.text;
    for (section, dev) in [("packages", false), ("dev-packages", true)] {
        let sec_pos = text.find(&format!("[{section}]")).unwrap_or(0);
        for name in v
            .get(section)
            .and_then(|t| t.as_table())
            .into_iter()
            .flat_map(|t| t.keys())
        {
            let span = find_span(text, name, sec_pos);
            ctx.package(Ecosystem::Pypi, name, dev, span);
        }
    }
}

fn cargo_toml(ctx: &mut FileCtx) {
    let Some(v) = toml_value(ctx) else { return };
    let text = ctx.text;
    let mut tables: Vec<(&toml::Value, bool, &str)> = Vec::new();
    for (key, dev) in [
        ("dependencies", false),
        ("dev-dependencies", true),
        ("build-dependencies", true),
    ] {
        if let Some(t) = v.get(key) {
            tables.push((t, dev, key));
        }
    }
    if let Some(targets) = v.get("target").and_then(|t| t.as_table()) {
        for (_, t) in targets {
            for (key, dev) in [
                ("dependencies", false),
                ("dev-dependencies", true),
                ("build-dependencies", true),
            ] {
                if let Some(d) = t.get(key) {
                    tables.push((d, dev, key));
                }
            }
        }
    }
    for (t, dev, key) in tables {
        let sec_pos = text.find(&format!("[{key}]")).unwrap_or(0);
        for (name, spec) in t.as_table().into_iter().flatten() {
            // `alias = { package = "real-name" }`
            let real = spec.get("package").and_then(|p| p.as_str()).unwrap_or(name);
            let span = find_span(text, name, sec_pos);
            ctx.package(Ecosystem::Cargo, real, dev, span);
        }
    }
}

fn go_mod(ctx: &mut FileCtx) {
    let text = ctx.text;
    let mut in_block = false;
    let mut off = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        let lead = line.len() - line.trim_start().len();
        let spec = if in_block {
            if t.starts_with(')') {
                in_block = false;
                None
            } else {
                Some(t)
            }
        } else if let Some(rest) = t.strip_prefix("require") {
            let rest = rest.trim();
            if rest.starts_with('(') {
                in_block = true;
                None
            } else {
                Some(rest)
            }
        } else {
            None
        };
        if let Some(spec) = spec {
            let module = spec.split_whitespace().next().unwrap_or("");
            if !module.is_empty() && !module.starts_with("//") {
                let s = off + lead + line.trim_start().find(module).unwrap_or(0);
                ctx.package(Ecosystem::Go, module, false, s..s + module.len());
            }
        }
        off += line.len();
    }
}

fn gemfile(ctx: &mut FileCtx) {
    static GEM: OnceLock<regex::Regex> = OnceLock::new();
    static GROUP: OnceLock<regex::Regex> = OnceLock::new();
    let gem = GEM.get_or_init(|| regex::Regex::new(r#"^\s*gem\s+["']([^"']+)["'](.*)$"#).unwrap());
    let group = GROUP.get_or_init(|| regex::Regex::new(r"^\s*group\s+(.+?)\s+do\b").unwrap());
    let text = ctx.text;
    let mut stack: Vec<bool> = Vec::new();
    let mut off = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.starts_with('#') {
            ctx.comment(t, off..off + line.len());
        } else if let Some(g) = group.captures(line) {
            let groups = &g[1];
            let dev = groups.split(',').all(|s| {
                matches!(
                    s.trim().trim_start_matches(':').trim_matches(['"', '\'']),
                    "development" | "test"
                )
            });
            stack.push(dev);
        } else if t == "end" {
            stack.pop();
        } else if let Some(c) = gem.captures(line.trim_end()) {
            let m = c.get(1).unwrap();
            let inline_dev = c.get(2).is_some_and(|r| {
                let r = r.as_str();
                r.contains("group")
                    && (r.contains(":development") || r.contains(":test"))
                    && !r.contains(":production")
            });
            let dev = stack.iter().any(|&d| d) || inline_dev;
            ctx.package(
                Ecosystem::Gem,
                m.as_str(),
                dev,
                off + m.start()..off + m.end(),
            );
        } else if t.ends_with(" do") || t.contains(" do |") {
            stack.push(false);
        }
        off += line.len();
    }
}

fn pom(ctx: &mut FileCtx) {
    static DEP: OnceLock<regex::Regex> = OnceLock::new();
    let dep = DEP.get_or_init(|| regex::Regex::new(r"(?s)<dependency>(.*?)</dependency>").unwrap());
    let tag = |body: &str, t: &str| -> Option<String> {
        let open = format!("<{t}>");
        let s = body.find(&open)? + open.len();
        let e = body[s..].find('<')? + s;
        Some(body[s..e].trim().to_string())
    };
    let text = ctx.text;
    let hits: Vec<(String, bool, usize, usize)> = dep
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(1)?;
            let body = m.as_str();
            let g = tag(body, "groupId")?;
            let a = tag(body, "artifactId")?;
            let scope = tag(body, "scope").unwrap_or_default();
            let dev = matches!(scope.as_str(), "test" | "provided" | "system");
            let aoff = body.find(&a).map(|o| m.start() + o).unwrap_or(m.start());
            Some((format!("{g}:{a}"), dev, aoff, aoff + a.len()))
        })
        .collect();
    for (coord, dev, s, e) in hits {
        ctx.package(Ecosystem::Maven, &coord, dev, s..e);
    }
}

fn gradle(ctx: &mut FileCtx) {
    static DEP: OnceLock<regex::Regex> = OnceLock::new();
    let dep = DEP.get_or_init(|| {
        regex::Regex::new(
            r#"(?m)^\s*(\w+)\s*\(?\s*(?:platform\()?["']([\w.\-]+):([\w.\-]+)(?::[^"']*)?["']"#,
        )
        .unwrap()
    });
    let text = ctx.text;
    let hits: Vec<(String, bool, usize, usize)> = dep
        .captures_iter(text)
        .map(|c| {
            let conf = c[1].to_ascii_lowercase();
            let dev = conf.starts_with("test")
                || conf.starts_with("androidtest")
                || conf.contains("kapttest")
                || conf == "detektplugins"
                || conf == "lintchecks";
            let m = c.get(3).unwrap();
            (format!("{}:{}", &c[2], &c[3]), dev, m.start(), m.end())
        })
        .collect();
    for (coord, dev, s, e) in hits {
        ctx.package(Ecosystem::Maven, &coord, dev, s..e);
    }
}

fn gradle_catalog(ctx: &mut FileCtx) {
    static MODULE: OnceLock<regex::Regex> = OnceLock::new();
    let re = MODULE.get_or_init(|| {
        regex::Regex::new(r#"(?:module\s*=\s*|=\s*)"([\w.\-]+):([\w.\-]+)(?::[^"]*)?""#).unwrap()
    });
    let text = ctx.text;
    let hits: Vec<(String, usize, usize)> = re
        .captures_iter(text)
        .map(|c| {
            let m = c.get(2).unwrap();
            (format!("{}:{}", &c[1], &c[2]), m.start(), m.end())
        })
        .collect();
    for (coord, s, e) in hits {
        ctx.package(Ecosystem::Maven, &coord, false, s..e);
    }
}

fn csproj(ctx: &mut FileCtx, dev: bool) {
    static REF: OnceLock<regex::Regex> = OnceLock::new();
    let re = REF.get_or_init(|| {
        regex::Regex::new(r#"<(?:PackageReference|package)\s+(?:Include|id)\s*=\s*"([^"]+)""#)
            .unwrap()
    });
    let text = ctx.text;
    let hits: Vec<(String, usize, usize)> = re
        .captures_iter(text)
        .map(|c| {
            let m = c.get(1).unwrap();
            (m.as_str().to_string(), m.start(), m.end())
        })
        .collect();
    for (name, s, e) in hits {
        ctx.package(Ecosystem::Nuget, &name, dev, s..e);
    }
}
