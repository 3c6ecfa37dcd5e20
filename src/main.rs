use clap::Parser;
use newsetl::cli::{Cli, Command};

fn main() {
    let cli = Cli::parse();
    let code = match cli.command {
        Some(Command::Eval(args)) => match newsetl::eval::run(&args) {
            Ok(code) => code,
            Err(e) => {
                eprintln!("newsetl: {e:#}");
                2
            }
        },
        _ => {
            eprintln!("newsetl: run/check/schema not wired yet");
            2
        }
    };
    std::process::exit(code);
}
