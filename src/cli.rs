//! Command-line definitions (clap). No logic here: `run.rs` acts on these.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "privlint",
    version,
    about = "Check that code does what its privacy policy says",
    long_about = "privlint reads a declared policy model (privacy.toml), statically scans the \
service's source and config, and reports third-party processors, personal data, cookies and \
promises the policy does not declare -- and declarations the code no longer needs.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub check: CheckArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scan PATHs against the policy (the default command)
    Check(CheckArgs),
    /// What the code does regardless of policy: processors, data categories, cookies
    Inventory(InventoryArgs),
    /// Write a draft privacy.toml from the code and/or the published policy text
    Init(InitArgs),
    /// The embedded catalog: processors, data categories, cookies, checks
    Rules(RulesArgs),
    /// What a check means, why it matters, how to fix or declare
    Explain(ExplainArgs),
    /// Record today's findings so only new ones fail
    Baseline(BaselineArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InventoryFormat {
    Human,
    Json,
    Markdown,
    Mermaid,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Args)]
pub struct Common {
    /// Paths to scan (default: the current directory); files restrict the report to them
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Policy file (default: privacy.toml found by walking up from PATH)
    #[arg(long, value_name = "FILE", global = true)]
    pub policy: Option<PathBuf>,
    /// Extra catalog entries (DIR/processors/*.toml, DIR/cookies/*.toml, DIR/data/*.toml)
    #[arg(long = "rules", value_name = "DIR", global = true)]
    pub rules_dir: Option<PathBuf>,
    /// Write the report to FILE instead of stdout
    #[arg(long, short = 'o', value_name = "FILE", global = true)]
    pub output: Option<PathBuf>,
    /// When to colour output (never into a pipe or a file unless `always`)
    #[arg(long, value_enum, default_value_t = Color::Auto, global = true)]
    pub color: Color,
    /// Worker threads (default: all cores)
    #[arg(long, short = 'j', value_name = "N", global = true)]
    pub jobs: Option<usize>,
    /// Extra exclude globs, on top of [scan] exclude and .gitignore
    #[arg(long, value_name = "GLOB", global = true)]
    pub exclude: Vec<String>,
    /// Print only the summary line
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,
}

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub common: Common,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Report only findings in files staged in git (the whole repo is still read for context)
    #[arg(long)]
    pub staged: bool,
    /// Baseline file (default: .privlint-baseline.json beside privacy.toml, when present)
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Ignore the baseline file
    #[arg(long)]
    pub no_baseline: bool,
    /// Exit 0 even when there are errors
    #[arg(long)]
    pub exit_zero: bool,
}

#[derive(Debug, Clone, Args)]
pub struct InventoryArgs {
    #[command(flatten)]
    pub common: Common,
    /// Output format
    #[arg(long, value_enum, default_value_t = InventoryFormat::Human)]
    pub format: InventoryFormat,
}

#[derive(Debug, Clone, Args)]
pub struct InitArgs {
    #[command(flatten)]
    pub common: Common,
    /// The published policy text to read processors and promises from
    #[arg(long, value_name = "FILE")]
    pub from_document: Option<PathBuf>,
    /// Overwrite an existing privacy.toml
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Args)]
pub struct RulesArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
    pub format: RulesFormat,
    /// Extra catalog entries
    #[arg(long = "rules", value_name = "DIR")]
    pub rules_dir: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Human,
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct ExplainArgs {
    /// A check id (`undeclared-processor`) or a processor id (`stripe`)
    pub rule: String,
}

#[derive(Debug, Clone, Args)]
pub struct BaselineArgs {
    #[command(flatten)]
    pub common: Common,
}
