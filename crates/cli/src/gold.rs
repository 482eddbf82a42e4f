//! `baocao gold score`: how well the parser reads a report, against a gold
//! file a person wrote (testdata/gold/CONVENTIONS.md).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct GoldArgs {
    #[command(subcommand)]
    pub command: GoldCommand,
}

#[derive(Debug, Subcommand)]
pub enum GoldCommand {
    /// Parse REPORT and print precision and recall of its observations
    /// against GOLD (JSONL).
    Score {
        report: PathBuf,
        gold: PathBuf,
        /// List missed, differing and spurious observations.
        #[arg(short, long)]
        verbose: bool,
    },
}

pub fn run(args: &GoldArgs) -> anyhow::Result<ExitCode> {
    match &args.command {
        GoldCommand::Score {
            report,
            gold,
            verbose,
        } => {
            let bytes =
                std::fs::read(report).with_context(|| format!("reading {}", report.display()))?;
            let parsed = baocao_parser::parse(&bytes, &Default::default())
                .map_err(|e| anyhow::anyhow!("{}: {e}", report.display()))?;
            let text = std::fs::read_to_string(gold)
                .with_context(|| format!("reading {}", gold.display()))?;
            let gold = baocao_parser::gold::read(&text)
                .map_err(|e| anyhow::anyhow!("{}: {e}", gold.display()))?;
            let score = baocao_parser::gold::score(&gold, &parsed.observations);
            print!("{}", score.render(*verbose));
            Ok(ExitCode::SUCCESS)
        }
    }
}
