//! `baocao`: the command line.
//!
//! - `baocao parse FILE|- [--json]`: parse a report locally and print its
//!   structure (a readable summary, or the Report as proto3 JSON).
//! - `baocao gold score REPORT GOLD [-v]`: precision and recall of the
//!   parser's observations against a gold file.
//! - `baocao submit FILE --department CODE [--period YYYY-MM]`: publish an
//!   upload to the queue, confirmed, and print its message id.
//! - `baocao status MESSAGE_ID`: what became of an upload.
//! - `baocao query report|series|observations|tasks|search ...`: ask the
//!   gRPC API, as tables or `--json`.
//! - `baocao db migrate`, `baocao reparse`: the store (SQLite or PostgreSQL).

mod db;
mod gold;
mod parse;
mod query;
mod status;
mod submit;
mod summary;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "baocao",
    version,
    about = "Vietnamese socio-economic reports as typed data"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse a report file (or standard input with "-") and print its structure.
    Parse(parse::ParseArgs),
    /// Score the parser against gold files of observations.
    Gold(gold::GoldArgs),
    /// Publish a report file to the upload queue and print its message id.
    Submit(submit::SubmitArgs),
    /// Show what became of an upload: PARSED, DUPLICATE, or REJECTED and why.
    Status(status::StatusArgs),
    /// Ask the gRPC API: reports, series, observations, tasks, search.
    Query(query::QueryArgs),
    /// Manage the database: `baocao db migrate`.
    Db(db::DbArgs),
    /// Parse stored uploads again with this parser, for reports parsed by
    /// another version.
    Reparse(db::ReparseArgs),
}

/// mimalloc: the parse allocates thousands of small strings a report, and
/// glibc's malloc took ~10 % of its time (crates/parser/design.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse(args) => parse::run(&args),
        Command::Gold(args) => gold::run(&args),
        Command::Submit(args) => submit::run(&args),
        Command::Status(args) => status::run(&args),
        Command::Query(args) => query::run(&args),
        Command::Db(args) => db::run_db(&args),
        Command::Reparse(args) => db::run_reparse(&args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            // One line: what went wrong and where, for people and scripts.
            eprintln!("baocao: {e:#}");
            ExitCode::FAILURE
        }
    }
}
