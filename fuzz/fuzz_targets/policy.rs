//! privacy.toml parsing and validation: any bytes either parse or give a located error.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static CATALOG: OnceLock<privlint::Catalog> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let catalog = CATALOG.get_or_init(|| privlint::Catalog::load(None).unwrap());
    let text = String::from_utf8_lossy(data);
    if let Err(e) = privlint::Policy::parse(&text, std::path::Path::new("privacy.toml"), catalog) {
        // Rendering the diagnostic must not panic either (spans inside the text, char boundaries).
        let _ = e.render(false);
        let _ = e.line_col();
    }
});
