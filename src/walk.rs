//! The walk: which files are read. `.gitignore`-aware and parallel (the `ignore` crate), with
//! built-in excludes for dependencies, build output, lockfiles and minified bundles, and with
//! tests, fixtures, docs and examples left out: nothing found only there is a use (design.md §4).

use globset::{Glob, GlobSet, GlobSetBuilder};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Directories never descended into: dependencies, build output, caches, VCS.
const SKIP_DIRS: &[&str] = &[
    "node_modules",
    "bower_components",
    "jspm_packages",
    "vendor",
    "third_party",
    "third-party",
    "dist",
    "build",
    "out",
    "target",
    ".git",
    ".hg",
    ".svn",
    ".next",
    ".nuxt",
    ".svelte-kit",
    ".turbo",
    ".vercel",
    ".netlify",
    ".output",
    ".cache",
    ".parcel-cache",
    "coverage",
    "__pycache__",
    ".venv",
    "venv",
    ".tox",
    ".nox",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    "site-packages",
    "Pods",
    ".gradle",
    ".idea",
    ".terraform",
    "storybook-static",
    ".yarn",
    ".pnpm-store",
    ".expo",
    ".angular",
    ".docusaurus",
    "obj",
];

/// Directories whose contents are tests, fixtures, docs, examples or the development process
/// (CI workflows, issue templates, editor settings): never evidence of a use.
const NON_SHIPPED_DIRS: &[&str] = &[
    ".github",
    ".gitlab",
    ".circleci",
    ".buildkite",
    ".devcontainer",
    ".vscode",
    ".idea",
    ".husky",
    // Seed data for development databases: fake people, printed credentials.
    "seed",
    "seeds",
    "seeders",
    "test",
    "tests",
    "__tests__",
    "__mocks__",
    "__fixtures__",
    "spec",
    "specs",
    "fixtures",
    "testdata",
    "test-data",
    "test_data",
    "e2e",
    "cypress",
    "playwright",
    "mocks",
    "docs",
    "doc",
    "examples",
    "example",
    "samples",
    "sample",
    "stories",
    ".storybook",
    "benchmarks",
    "bench",
    "testing",
    "integration-tests",
    "unit-tests",
];

/// Files that are never read: lockfiles, our own files, generated maps.
const SKIP_FILES: &[&str] = &[
    "package-lock.json",
    "yarn.lock",
    "pnpm-lock.yaml",
    "bun.lockb",
    "cargo.lock",
    "poetry.lock",
    "gemfile.lock",
    "composer.lock",
    "go.sum",
    "pipfile.lock",
    "uv.lock",
    "privacy.toml",
    ".privlint-baseline.json",
    "tsconfig.json",
    "jsconfig.json",
    ".eslintrc.json",
    "renovate.json",
    ".pre-commit-config.yaml",
    "pdm.lock",
    "npm-shrinkwrap.json",
    "deno.lock",
    "flake.lock",
];

/// Largest file read, in bytes; larger files are counted as skipped.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct Entry {
    pub abs: PathBuf,
    /// Relative to the scan root, `/`-separated.
    pub rel: String,
}

/// A path relative to `root` when inside it, `/`-separated.
pub fn display_path(path: &Path, root: &Path) -> String {
    let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let (p, r) = (canon(path), canon(root));
    let rel = p.strip_prefix(&r).map(|x| x.to_path_buf()).unwrap_or(p);
    let s = rel.to_string_lossy().replace('\\', "/");
    if s.is_empty() {
        ".".into()
    } else {
        s
    }
}

/// Whether a relative path is test, fixture, doc or example material.
pub fn is_non_shipped(rel: &str) -> bool {
    let mut parts = rel.split('/');
    let name = parts.next_back().unwrap_or("");
    if parts.any(|d| NON_SHIPPED_DIRS.contains(&d.to_ascii_lowercase().as_str())) {
        return true;
    }
    let lower = name.to_ascii_lowercase();
    let stem_has = |m: &str| lower.contains(m);
    stem_has(".test.")
        || stem_has(".spec.")
        || stem_has(".stories.")
        || stem_has(".cy.")
        || stem_has(".e2e.")
        || lower.ends_with("_test.go")
        || lower.ends_with("_test.py")
        || lower.starts_with("test_") && lower.ends_with(".py")
        || lower == "conftest.py"
        || lower.ends_with("_spec.rb")
        || lower.ends_with("_test.rb")
        || name.ends_with("Test.java")
        || name.ends_with("Tests.java")
        || name.ends_with("Test.kt")
        || name.ends_with("Tests.cs")
        || name.ends_with("Test.php")
        || lower.starts_with("seed.")
        || lower.starts_with("seeds.")
        || lower.contains(".seed.")
        || lower.contains("-seed.")
        || lower.contains("_seed.")
        || lower.ends_with(".md")
        || lower.ends_with(".mdx")
        || lower.ends_with(".rst")
        || lower.ends_with(".adoc")
}

pub fn is_skipped_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    SKIP_FILES.contains(&lower.as_str())
        || lower.contains(".min.")
        || lower.ends_with(".map")
        || lower.ends_with(".d.ts")
        || lower.contains(".bundle.")
        || lower.contains(".chunk.")
}

pub fn build_globset(patterns: &[String]) -> Result<GlobSet, globset::Error> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        b.add(Glob::new(p)?);
        // `scripts/**` should also exclude the directory itself; `dir/` means the directory.
        let trimmed = p.trim_end_matches('/');
        if !p.contains('*') {
            b.add(Glob::new(&format!("{trimmed}/**"))?);
        }
    }
    b.build()
}

/// Every file under `roots` that may carry evidence, sorted by relative path.
pub fn walk(
    root: &Path,
    roots: &[PathBuf],
    exclude: &GlobSet,
    threads: usize,
) -> (Vec<Entry>, usize) {
    let entries = Mutex::new(Vec::new());
    let skipped = std::sync::atomic::AtomicUsize::new(0);
    let mut builder = ignore::WalkBuilder::new(&roots[0]);
    for r in &roots[1..] {
        builder.add(r);
    }
    builder
        .hidden(false)
        .git_ignore(true)
        .git_global(false)
        .git_exclude(true)
        .require_git(false)
        .ignore(true)
        .parents(true)
        .follow_links(false)
        .threads(threads.max(1))
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            if e.file_type().is_some_and(|t| t.is_dir()) {
                e.depth() == 0 || !SKIP_DIRS.contains(&name.as_ref())
            } else {
                true
            }
        });
    let root_abs = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    builder.build_parallel().run(|| {
        let entries = &entries;
        let skipped = &skipped;
        let root_abs = &root_abs;
        Box::new(move |res| {
            let Ok(e) = res else {
                skipped.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                return ignore::WalkState::Continue;
            };
            if !e.file_type().is_some_and(|t| t.is_file()) {
                return ignore::WalkState::Continue;
            }
            let abs = std::fs::canonicalize(e.path()).unwrap_or_else(|_| e.path().to_path_buf());
            let rel = abs
                .strip_prefix(root_abs)
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .unwrap_or_else(|_| e.path().to_string_lossy().replace('\\', "/"));
            let name = rel.rsplit('/').next().unwrap_or(&rel);
            if is_skipped_name(name) || is_non_shipped(&rel) || exclude.is_match(&rel) {
                return ignore::WalkState::Continue;
            }
            if crate::extract::classify(&rel).is_none() {
                return ignore::WalkState::Continue;
            }
            if e.metadata()
                .map(|m| m.len() > MAX_FILE_BYTES)
                .unwrap_or(false)
            {
                skipped.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                return ignore::WalkState::Continue;
            }
            entries.lock().unwrap().push(Entry { abs, rel });
            ignore::WalkState::Continue
        })
    });
    let mut entries = entries.into_inner().unwrap();
    entries.sort_by(|a, b| a.rel.cmp(&b.rel));
    entries.dedup_by(|a, b| a.rel == b.rel);
    (entries, skipped.into_inner())
}

/// Read a file as text: `None` for binary or minified content. Non-UTF-8 is decoded lossily
/// (a Latin-1 file is still scanned).
pub fn read_text(path: &Path) -> Result<Option<String>, std::io::Error> {
    Ok(decode(std::fs::read(path)?))
}

/// Bytes as text: `None` for binary or minified content; non-UTF-8 decoded lossily.
pub fn decode(bytes: Vec<u8>) -> Option<String> {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return None;
    }
    if bytes.len() > 20_000 {
        let newlines = bytes.iter().filter(|&&b| b == b'\n').count();
        if bytes.len() / (newlines + 1) > 1000 {
            return None; // minified bundle
        }
    }
    Some(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}
