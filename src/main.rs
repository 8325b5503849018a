//! The privlint binary: parse arguments, run, map the outcome to an exit code
//! (0 clean, 1 findings at error severity, 2 the run could not be trusted).

use clap::Parser;

fn main() {
    privlint::install_panic_hook();
    let cli = match privlint::cli::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => 0,
                _ => 2,
            };
            let _ = e.print();
            std::process::exit(code);
        }
    };
    std::process::exit(privlint::run::main(cli));
}
