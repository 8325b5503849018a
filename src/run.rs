//! The commands. Each returns an exit code: 0 clean, 1 findings at error severity, 2 the run
//! could not be trusted (bad flags, unreadable or malformed privacy.toml, unreadable PATH).

use crate::catalog::Catalog;
use crate::cli::{self, Cli, Color, Command, Format, InventoryFormat, RulesFormat};
use crate::fact::{Facts, Finding, Severity};
use crate::policy::Policy;
use crate::report::{self, Summary};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// An error that makes the run untrustworthy: printed to stderr, exit 2.
#[derive(Debug)]
pub struct Fatal(pub String);

impl From<crate::policy::PolicyError> for Fatal {
    fn from(e: crate::policy::PolicyError) -> Fatal {
        Fatal(e.render(std::io::stderr().is_terminal()))
    }
}

pub fn main(cli: Cli) -> i32 {
    let result = match cli.command {
        None => check(&cli.check),
        Some(Command::Check(a)) => check(&a),
        Some(Command::Inventory(a)) => inventory(&a),
        Some(Command::Init(a)) => init(&a),
        Some(Command::Rules(a)) => rules(&a),
        Some(Command::Explain(a)) => explain(&a),
        Some(Command::Baseline(a)) => baseline(&a),
    };
    match result {
        Ok(code) => code,
        Err(Fatal(msg)) => {
            let msg = msg.trim_end();
            if msg.starts_with("error")
                || msg.contains("Error:")
                || msg.contains("[") && msg.contains("]")
            {
                eprintln!("{msg}");
            } else {
                eprintln!("error: {msg}");
            }
            2
        }
    }
}

/// Everything a scan needs, resolved from the common flags.
pub struct Session {
    pub catalog: Catalog,
    pub policy: Option<Policy>,
    pub root: PathBuf,
    /// Directories to walk.
    pub roots: Vec<PathBuf>,
    /// Explicit files: the report is restricted to them (root-relative).
    pub only_files: Option<Vec<String>>,
    pub exclude: globset::GlobSet,
    pub jobs: usize,
}

fn load_catalog(rules: Option<&Path>) -> Result<Catalog, Fatal> {
    Catalog::load(rules).map_err(|e| Fatal(format!("invalid catalog entry {e}")))
}

/// Resolve paths, policy, root and excludes. `need_policy`: a missing policy is an error.
pub fn session(common: &cli::Common, need_policy: bool) -> Result<Session, Fatal> {
    let catalog = load_catalog(common.rules_dir.as_deref())?;
    let paths: Vec<PathBuf> = if common.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        common.paths.clone()
    };
    for p in &paths {
        if std::fs::metadata(p).is_err() {
            return Err(Fatal(format!(
                "cannot read path `{}`: no such file or directory",
                p.display()
            )));
        }
    }
    let policy_path = match &common.policy {
        Some(p) => Some(p.clone()),
        None => crate::policy::discover(&paths[0]),
    };
    let abs = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let first_dir = {
        let p = abs(&paths[0]);
        if p.is_dir() {
            p
        } else {
            p.parent().map(Path::to_path_buf).unwrap_or(p)
        }
    };
    // The root is the policy's directory when every path lies inside it (monorepos keep one
    // policy at the top), else the first path.
    let root = match &policy_path {
        Some(pp) if common.policy.is_none() => {
            let dir = abs(pp)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| first_dir.clone());
            if paths.iter().all(|p| abs(p).starts_with(&dir)) {
                dir
            } else {
                first_dir.clone()
            }
        }
        _ => first_dir.clone(),
    };
    let policy = match &policy_path {
        Some(pp) => Some(Policy::load(pp, &root, &catalog)?),
        None if need_policy => {
            return Err(Fatal(format!(
                "no privacy.toml found in `{}` or its parents\n  = help: run `privlint init` to write a draft from the code, or pass --policy FILE",
                paths[0].display()
            )))
        }
        None => None,
    };
    let mut patterns: Vec<String> = policy
        .as_ref()
        .map(|p| p.exclude.clone())
        .unwrap_or_default();
    patterns.extend(common.exclude.iter().cloned());
    let exclude = crate::walk::build_globset(&patterns)
        .map_err(|e| Fatal(format!("invalid exclude glob: {e}")))?;
    let files: Vec<String> = paths
        .iter()
        .filter(|p| p.is_file())
        .map(|p| crate::walk::display_path(p, &root))
        .collect();
    let dirs: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.is_dir())
        .map(|p| abs(p))
        .collect();
    // Explicit files are reported alone (see `check` for what is read).
    let (roots, only_files) = if files.is_empty() {
        (dirs, None)
    } else {
        (Vec::new(), Some(files))
    };
    let jobs = common
        .jobs
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        })
        .max(1);
    Ok(Session {
        catalog,
        policy,
        root,
        roots,
        only_files,
        exclude,
        jobs,
    })
}

fn use_color(c: Color, to_file: bool) -> bool {
    match c {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            !to_file && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    }
}

/// Write the report to `--output` (atomically) or stdout.
fn emit(output: Option<&Path>, text: &str) -> Result<(), Fatal> {
    match output {
        Some(p) => write_atomic(p, text.as_bytes())
            .map_err(|e| Fatal(format!("cannot write `{}`: {e}", p.display()))),
        None => {
            let mut out = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error.
            let _ = out.write_all(text.as_bytes());
            let _ = out.flush();
            Ok(())
        }
    }
}

/// Write via a temporary file in the same directory and rename, so readers never see half a file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let tmp = dir.join(format!(".{name}.privlint-tmp-{}", std::process::id()));
    {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// Findings for a session: checks, inline suppressions, sorted, fingerprinted.
pub fn findings(s: &Session, facts: &Facts) -> Vec<Finding> {
    let mut out = match &s.policy {
        Some(policy) => {
            let ctx = crate::checks::Ctx {
                facts,
                policy,
                catalog: &s.catalog,
                root: &s.root,
            };
            crate::checks::run_all(&ctx)
        }
        None => Vec::new(),
    };
    for f in &mut out {
        f.compute_fingerprint();
    }
    // privacy.toml's own `# privlint: allow(unused-processor) <reason>` comments count too.
    let mut sups = facts.suppressions.clone();
    if let Some(p) = &s.policy {
        sups.extend(policy_suppressions(p, &s.catalog));
    }
    let mut out = crate::suppress::apply(out, &sups, s.policy.as_ref());
    out.retain(|f| f.severity != Severity::Off);
    sort_findings(&mut out);
    out
}

fn policy_suppressions(p: &Policy, catalog: &Catalog) -> Vec<crate::fact::Suppression> {
    let mut ctx = crate::extract::FileCtx::new(&p.display_path, &p.text, catalog);
    let mut off = 0;
    for line in p.text.split_inclusive('\n') {
        if let Some(h) = line.find('#').filter(|_| line.contains("privlint:")) {
            ctx.comment(&line[h..], off + h..off + line.trim_end().len());
        }
        off += line.len();
    }
    ctx.out.suppressions
}

pub fn sort_findings(v: &mut [Finding]) {
    v.sort_by(|a, b| {
        (&a.path, a.line, a.column, a.rule, &a.message)
            .cmp(&(&b.path, b.line, b.column, b.rule, &b.message))
    });
}

fn check(args: &cli::CheckArgs) -> Result<i32, Fatal> {
    let start = Instant::now();
    let s = session(&args.common, true)?;
    // Which files the report covers: explicit files, staged files, or everything.
    let mut restrict: Option<Vec<String>> = s.only_files.clone();
    let mut overrides = crate::Overrides::new();
    if args.staged {
        let staged = crate::baseline::staged_files(&s.root).map_err(Fatal)?;
        let keep: Vec<String> = staged
            .iter()
            .map(|(rel, _)| rel.clone())
            .filter(|rel| restrict.as_ref().is_none_or(|r| r.contains(rel)))
            .collect();
        // Staged content, not the working tree's, is what the commit will hold.
        for (rel, top_rel) in staged.iter().filter(|(rel, _)| keep.contains(rel)) {
            if let Some(bytes) = crate::baseline::staged_content(&s.root, top_rel) {
                overrides.insert(rel.clone(), bytes);
            }
        }
        restrict = Some(keep);
    }
    // A report on some files only needs those files read, unless privacy.toml itself is among
    // them: then its unused-* findings need the whole repository.
    let policy_rel = s
        .policy
        .as_ref()
        .map(|p| p.display_path.clone())
        .unwrap_or_default();
    let roots: Vec<PathBuf> = match &restrict {
        Some(files) if !files.contains(&policy_rel) => files
            .iter()
            .map(|f| s.root.join(f))
            .filter(|p| p.is_file())
            .collect(),
        Some(_) => vec![s.root.clone()],
        None => s.roots.clone(),
    };
    let facts = if roots.is_empty() {
        Facts::default()
    } else {
        crate::scan_with(&s.root, &roots, &s.exclude, &s.catalog, s.jobs, &overrides)
    };
    let mut all = findings(&s, &facts);
    // Baseline: only new findings fail.
    let baseline_path = match (&args.baseline, args.no_baseline) {
        (_, true) => None,
        (Some(p), _) => Some(p.clone()),
        (None, _) => Some(s.root.join(crate::baseline::FILE)).filter(|p| p.is_file()),
    };
    if let Some(bp) = baseline_path {
        let b = crate::baseline::Baseline::read(&bp).map_err(Fatal)?;
        all = b.apply(all, &bp, &s.root, restrict.as_deref(), s.policy.as_ref());
        sort_findings(&mut all);
    }
    if let Some(files) = &restrict {
        all.retain(|f| files.contains(&f.path));
    }
    let mut summary = Summary {
        files_scanned: facts.files_scanned,
        files_skipped: facts.files_skipped,
        file_issues: facts.issues.len(),
        ..Summary::default()
    };
    summary.count(&all);
    summary.duration_ms = start.elapsed().as_millis();
    let policy_path = s.policy.as_ref().map(|p| p.display_path.clone());
    let text = match args.format {
        Format::Human => report::human::render(
            &all,
            &summary,
            use_color(args.common.color, args.common.output.is_some()),
            args.common.quiet,
            &s.root,
        ),
        Format::Json => report::json::render(&all, &summary, policy_path.as_deref(), &facts.issues),
        Format::Sarif => report::sarif::render(&all),
        Format::Github => report::github::render(&all, &summary),
    };
    emit(args.common.output.as_deref(), &text)?;
    Ok(if summary.errors > 0 && !args.exit_zero {
        1
    } else {
        0
    })
}

fn inventory(args: &cli::InventoryArgs) -> Result<i32, Fatal> {
    let s = session(&args.common, false)?;
    let facts = crate::scan(&s.root, &s.roots, &s.exclude, &s.catalog, s.jobs);
    let inv = report::inventory::build(&facts, &s.catalog, s.policy.as_ref());
    let title = s.policy.as_ref().and_then(|p| p.name.clone());
    let text = match args.format {
        InventoryFormat::Json => report::inventory::render_json(&inv),
        InventoryFormat::Markdown | InventoryFormat::Human => {
            report::inventory::render_markdown(&inv, title.as_deref())
        }
        InventoryFormat::Mermaid => report::inventory::render_mermaid(&inv, title.as_deref()),
        InventoryFormat::Html => report::html::render(&inv, title.as_deref()),
    };
    emit(args.common.output.as_deref(), &text)?;
    Ok(0)
}

fn rules(args: &cli::RulesArgs) -> Result<i32, Fatal> {
    let catalog = load_catalog(args.rules_dir.as_deref())?;
    let text = match args.format {
        RulesFormat::Json => {
            let processors: Vec<serde_json::Value> = catalog
                .processors
                .iter()
                .map(|p| {
                    serde_json::json!({
                        "id": p.id, "name": p.name, "kind": p.kind, "aliases": p.aliases,
                        "categories": p.categories, "description": p.description,
                        "packages": {
                            "npm": p.packages.npm, "pypi": p.packages.pypi, "cargo": p.packages.cargo,
                            "go": p.packages.go, "gem": p.packages.gem, "maven": p.packages.maven,
                            "composer": p.packages.composer, "nuget": p.packages.nuget
                        },
                        "hosts": p.hosts, "env": p.env, "scripts": p.scripts,
                    })
                })
                .collect();
            let data: Vec<serde_json::Value> = catalog
                .data
                .iter()
                .map(|d| serde_json::json!({"id": d.id, "name": d.name, "category": d.category, "patterns": d.patterns, "card": d.card}))
                .collect();
            let cookies: Vec<serde_json::Value> = catalog
                .cookies
                .iter()
                .flat_map(|v| {
                    v.cookies.iter().map(move |c| serde_json::json!({"name": c.name, "vendor": v.vendor, "processor": v.processor, "category": c.category, "description": c.description}))
                })
                .collect();
            let checks: Vec<serde_json::Value> = crate::checks::ALL
                .iter()
                .map(|c| serde_json::json!({"id": c.id, "default": c.default.as_str(), "summary": c.summary}))
                .collect();
            let doc = serde_json::json!({
                "version": 1,
                "counts": {
                    "processors": processors.len(), "data_types": data.len(), "categories": catalog.taxonomy.len(),
                    "cookies": cookies.len(), "checks": checks.len()
                },
                "checks": checks,
                "processors": processors,
                "data": data,
                "categories": catalog.taxonomy.iter().map(|t| serde_json::json!({"key": t.key, "description": t.description})).collect::<Vec<_>>(),
                "cookies": cookies,
            });
            serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
        }
        RulesFormat::Human => {
            let mut out = String::from("Checks\n");
            for c in crate::checks::ALL {
                out.push_str(&format!(
                    "  {:<22} {:<8} {}\n",
                    c.id,
                    c.default.as_str(),
                    c.summary
                ));
            }
            out.push_str(&format!("\nProcessors ({})\n", catalog.processors.len()));
            for p in &catalog.processors {
                out.push_str(&format!("  {:<28} {:<16} {}\n", p.id, p.kind, p.name));
            }
            out.push_str(&format!("\nData types ({})\n", catalog.data.len()));
            for d in &catalog.data {
                out.push_str(&format!("  {:<28} {}\n", d.id, d.category));
            }
            let n: usize = catalog.cookies.iter().map(|v| v.cookies.len()).sum();
            out.push_str(&format!(
                "\nCookies ({n} from {} vendors)\n",
                catalog.cookies.len()
            ));
            for v in &catalog.cookies {
                let names: Vec<&str> = v.cookies.iter().map(|c| c.name.as_str()).collect();
                out.push_str(&format!("  {:<28} {}\n", v.vendor, names.join(", ")));
            }
            out
        }
    };
    emit(None, &text)?;
    Ok(0)
}

fn explain(args: &cli::ExplainArgs) -> Result<i32, Fatal> {
    if let Some(c) = crate::checks::by_id(&args.rule) {
        let text = format!(
            "# {} (default: {})\n\n{}\n\n{}",
            c.id,
            c.default.as_str(),
            c.summary,
            c.doc
        );
        emit(None, &text)?;
        return Ok(0);
    }
    let catalog = load_catalog(None)?;
    if let Some(i) = catalog.resolve_processor_key(&args.rule) {
        let p = &catalog.processors[i];
        let mut text = format!(
            "# {} (`{}`, {})\n\n{}\n\n",
            p.name, p.id, p.kind, p.description
        );
        text.push_str(&format!("Declare it with:\n\n    [processors.{}]\n    purpose = \"...\"\n    categories = {:?}\n\n", p.id, p.categories));
        text.push_str(&format!(
            "Recognised by: packages {:?}, hosts {:?}, env {:?}, scripts {:?}\n",
            {
                let pk = &p.packages;
                [
                    &pk.npm,
                    &pk.pypi,
                    &pk.cargo,
                    &pk.go,
                    &pk.gem,
                    &pk.maven,
                    &pk.composer,
                    &pk.nuget,
                ]
                .iter()
                .flat_map(|v| v.iter())
                .collect::<Vec<_>>()
            },
            p.hosts,
            p.env,
            p.scripts
        ));
        emit(None, &text)?;
        return Ok(0);
    }
    let ids = crate::checks::ALL.iter().map(|c| c.id);
    let hint = crate::policy::did_you_mean(&args.rule, ids)
        .map(|d| format!("\n  = help: did you mean `{d}`?"))
        .unwrap_or_default();
    Err(Fatal(format!(
        "unknown check or processor `{}`{hint}",
        args.rule
    )))
}

fn baseline(args: &cli::BaselineArgs) -> Result<i32, Fatal> {
    let s = session(&args.common, true)?;
    let facts = crate::scan(&s.root, &s.roots, &s.exclude, &s.catalog, s.jobs);
    let all = findings(&s, &facts);
    let path = match &args.common.output {
        Some(p) => p.clone(),
        None => s.root.join(crate::baseline::FILE),
    };
    let b = crate::baseline::Baseline::from_findings(&all);
    write_atomic(&path, b.to_json().as_bytes())
        .map_err(|e| Fatal(format!("cannot write `{}`: {e}", path.display())))?;
    eprintln!("Recorded {} finding(s) in {}", all.len(), path.display());
    Ok(0)
}

fn init(args: &cli::InitArgs) -> Result<i32, Fatal> {
    let s = session(&args.common, false)?;
    let target = match &args.common.output {
        Some(p) => p.clone(),
        None => s.root.join("privacy.toml"),
    };
    if target.exists() && !args.force {
        return Err(Fatal(format!(
            "`{}` already exists\n  = help: pass --force to overwrite it",
            target.display()
        )));
    }
    let facts = crate::scan(&s.root, &s.roots, &s.exclude, &s.catalog, s.jobs);
    let doc = match &args.from_document {
        Some(p) => Some(
            std::fs::read(p)
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .map_err(|e| Fatal(format!("cannot read `{}`: {e}", p.display())))?,
        ),
        None => None,
    };
    let text = crate::init::draft(
        &facts,
        &s.catalog,
        doc.as_deref(),
        args.from_document
            .as_deref()
            .map(|p| crate::walk::display_path(p, &s.root))
            .as_deref(),
    );
    write_atomic(&target, text.as_bytes())
        .map_err(|e| Fatal(format!("cannot write `{}`: {e}", target.display())))?;
    eprintln!(
        "Wrote {}: review it against your published policy",
        target.display()
    );
    Ok(0)
}
