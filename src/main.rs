//! The `signpost` program: parse the command line, read the clock once, dispatch.

use clap::Parser;

fn main() {
    let cli = signpost::cli::Cli::parse();
    let code = signpost::cli::run(cli, chrono::Utc::now());
    std::process::exit(code);
}
