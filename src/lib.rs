//! privlint: a privacy-compliance linter. Reads a declared policy model (`privacy.toml`),
//! scans a repository's source and config, and reports where the code and the policy disagree.
//!
//! Data flows one way: policy → catalog → walk → extract → facts → checks → suppressions →
//! report. The binary (`main.rs`) is a thin layer over [`run`].

pub mod baseline;
pub mod catalog;
pub mod checks;
pub mod cli;
pub mod extract;
pub mod fact;
pub mod init;
pub mod policy;
pub mod report;
pub mod run;
pub mod suppress;
pub mod text;
pub mod walk;

pub use catalog::Catalog;
pub use fact::{Facts, Finding, Severity};
pub use policy::Policy;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

/// Extract the facts of one file's text. Used by the scan and by the catalog's example tests.
pub fn extract_text(rel: &str, text: &str, catalog: &Catalog) -> fact::FileFacts {
    let Some(kind) = extract::classify(rel) else {
        return fact::FileFacts::default();
    };
    if cfg!(debug_assertions)
        && std::env::var_os("PRIVLINT_TEST_PANIC")
            .is_some_and(|v| rel.ends_with(&*v.to_string_lossy()))
    {
        panic!("test-induced panic in {rel}");
    }
    let mut ctx = extract::FileCtx::new(rel, text, catalog);
    ctx.out.lines = ctx.lines.lines();
    // Parsers recurse: a pathologically nested file is read by the flat lexer instead.
    let recursive = matches!(
        kind,
        extract::FileKind::Js | extract::FileKind::Component | extract::FileKind::Rust
    );
    let kind = if recursive && extract::nesting_depth(text) > extract::MAX_PARSE_DEPTH {
        ctx.issue(format!(
            "nesting deeper than {}: scanned with the fallback lexer",
            extract::MAX_PARSE_DEPTH
        ));
        let lang = if kind == extract::FileKind::Rust {
            catalog::matcher::Lang::Rust
        } else {
            catalog::matcher::Lang::Js
        };
        let end = text.len();
        extract::generic::scan_clike(&mut ctx, 0, end, lang);
        return ctx.out;
    } else {
        kind
    };
    extract::extract(kind, &mut ctx);
    ctx.out
}

/// Read and extract one file; a panic inside an extractor is caught and reported as an
/// internal error for that file, never aborting the run.
pub fn extract_file(entry: &walk::Entry, catalog: &Catalog) -> Option<fact::FileFacts> {
    let text = match walk::read_text(&entry.abs) {
        Ok(Some(t)) => t,
        Ok(None) => return None,
        Err(e) => {
            let mut f = fact::FileFacts::default();
            f.issues.push(fact::FileIssue {
                path: entry.rel.clone(),
                reason: format!("unreadable: {e}"),
            });
            return Some(f);
        }
    };
    extract_or_report(&entry.rel, &text, catalog)
}

thread_local! {
    /// The file this thread is extracting, for the panic hook's message.
    static CURRENT_FILE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Replace the default panic message (and its backtrace, which users do not need for a bug that
/// only costs one file) with one line naming the file. `RUST_BACKTRACE` still adds the trace.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        match CURRENT_FILE.with(|c| c.borrow().clone()) {
            Some(file) => eprintln!(
                "privlint: internal error while reading `{file}`{at}: {msg}\n  = note: the file was skipped and is listed in the summary; this is a bug in privlint, please report it"
            ),
            None => eprintln!("privlint: internal error{at}: {msg}\n  = note: this is a bug in privlint, please report it"),
        }
        if std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0") {
            eprintln!("{}", std::backtrace::Backtrace::force_capture());
        }
    }));
}

/// [`extract_text`] behind a panic guard.
pub fn extract_or_report(rel: &str, text: &str, catalog: &Catalog) -> Option<fact::FileFacts> {
    CURRENT_FILE.with(|c| *c.borrow_mut() = Some(rel.to_string()));
    let result = catch_unwind(AssertUnwindSafe(|| extract_text(rel, text, catalog)));
    CURRENT_FILE.with(|c| *c.borrow_mut() = None);
    match result {
        Ok(f) => Some(f),
        Err(p) => {
            let msg = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".into());
            let mut f = fact::FileFacts::default();
            f.issues.push(fact::FileIssue {
                path: rel.to_string(),
                reason: format!("internal error: {msg}"),
            });
            Some(f)
        }
    }
}

/// Scan the files under `roots` (relative paths against `root`) in parallel; the result is
/// sorted and identical whatever the thread count.
pub fn scan(
    root: &Path,
    roots: &[std::path::PathBuf],
    exclude: &globset::GlobSet,
    catalog: &Catalog,
    jobs: usize,
) -> Facts {
    scan_with(root, roots, exclude, catalog, jobs, &Overrides::new())
}

/// File contents that replace the working tree's (root-relative path → bytes): the index's
/// version of staged files, for `--staged`.
pub type Overrides = std::collections::HashMap<String, Vec<u8>>;

/// [`scan`], reading the given files' content from `overrides` instead of disk.
pub fn scan_with(
    root: &Path,
    roots: &[std::path::PathBuf],
    exclude: &globset::GlobSet,
    catalog: &Catalog,
    jobs: usize,
    overrides: &Overrides,
) -> Facts {
    let (entries, skipped) = walk::walk(root, roots, exclude, jobs);
    let extract_file = |e: &walk::Entry, catalog: &Catalog| match overrides.get(&e.rel) {
        Some(bytes) => match walk::decode(bytes.clone()) {
            Some(text) => extract_or_report(&e.rel, &text, catalog),
            None => None,
        },
        None => extract_file(e, catalog),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .stack_size(16 * 1024 * 1024)
        .build();
    let per_file: Vec<Option<fact::FileFacts>> = match pool {
        Ok(pool) => pool.install(|| {
            use rayon::prelude::*;
            // One file per task: a few large files must not leave one worker busy alone.
            entries
                .par_iter()
                .with_max_len(1)
                .map(|e| extract_file(e, catalog))
                .collect()
        }),
        Err(_) => entries.iter().map(|e| extract_file(e, catalog)).collect(),
    };
    let mut facts = Facts {
        files_skipped: skipped,
        ..Facts::default()
    };
    for f in per_file {
        match f {
            Some(f) => {
                facts.files_scanned += 1;
                facts.merge(f);
            }
            None => facts.files_skipped += 1,
        }
    }
    facts.sort();
    facts
}

/// Facts for `text` as if it were the file `rel` found by the walk: files the walk leaves out
/// (tests, docs, lockfiles, unknown kinds) yield nothing. The catalog's examples run through this.
pub fn extract_as_walked(rel: &str, text: &str, catalog: &Catalog) -> fact::FileFacts {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    if walk::is_non_shipped(rel) || walk::is_skipped_name(name) {
        return fact::FileFacts::default();
    }
    extract_text(rel, text, catalog)
}
