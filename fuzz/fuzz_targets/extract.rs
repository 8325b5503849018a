//! Every extractor on arbitrary content: the first byte picks the file kind.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static CATALOG: OnceLock<privlint::Catalog> = OnceLock::new();

const PATHS: &[&str] = &[
    "src/a.ts", "src/a.tsx", "src/a.js", "src/a.vue", "src/a.svelte", "app/a.py", "pkg/a.go", "app/a.rb",
    "src/A.java", "src/a.php", "src/a.rs", "src/a.cs", "src/a.kt", "templates/a.html", "db/a.sql",
    "prisma/schema.prisma", "schema.graphql", "api/a.proto", "package.json", "requirements.txt",
    "pyproject.toml", "Pipfile", "go.mod", "Cargo.toml", "Gemfile", "pom.xml", "build.gradle",
    "composer.json", "App.csproj", ".env.example", "config/a.yml", "supabase/config.toml",
    "app/settings.py", "resources/views/a.blade.php", "db/schema.rb", "application.properties",
];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let catalog = CATALOG.get_or_init(|| privlint::Catalog::load(None).unwrap());
    let path = PATHS[first as usize % PATHS.len()];
    let text = String::from_utf8_lossy(rest);
    let _ = privlint::extract_text(path, &text, catalog);
});
