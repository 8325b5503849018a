//! The catalog in `rules/` is embedded at build time (include_dir). Cargo tracks the files the
//! macro reads, but not a file added to the directory: without this, a new catalog entry would
//! be missing from the binary until some source file changed.
fn main() {
    println!("cargo:rerun-if-changed=rules");
}
