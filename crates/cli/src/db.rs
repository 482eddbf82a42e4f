//! `baocao db migrate` and `baocao reparse`: the store, from the command
//! line, on SQLite or PostgreSQL.

use std::process::ExitCode;

use anyhow::Context;
use baocao_config::redact_url;
use baocao_parser::{Hints, PARSER_VERSION};
use baocao_store::{Store, connect};
use clap::{Args, Subcommand};

/// Where the store is: `--database-url`, else the settings
/// (`BAOCAO__DATABASE__URL`, `BAOCAO_CONFIG`), else the default SQLite file.
#[derive(Debug, Args)]
pub struct DatabaseArgs {
    /// sqlite://PATH or postgres://...
    #[arg(long, env = "BAOCAO__DATABASE__URL", hide_env_values = true)]
    pub database_url: Option<String>,
}

impl DatabaseArgs {
    fn url(&self) -> anyhow::Result<String> {
        match &self.database_url {
            Some(u) => Ok(u.clone()),
            None => {
                let s = baocao_config::Settings::load(baocao_config::Service::Cli, None)
                    .context("reading settings")?;
                Ok(s.database.url.expose().to_owned())
            }
        }
    }
}

#[derive(Debug, Args)]
pub struct DbArgs {
    #[command(subcommand)]
    pub command: DbCommand,
}

#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Create the database if needed and apply every migration.
    Migrate(DatabaseArgs),
}

#[derive(Debug, Args)]
pub struct ReparseArgs {
    #[command(flatten)]
    pub db: DatabaseArgs,
    /// Reports handled per batch.
    #[arg(long, default_value_t = 100)]
    pub batch: u32,
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")
}

pub fn run_db(args: &DbArgs) -> anyhow::Result<ExitCode> {
    match &args.command {
        DbCommand::Migrate(db) => {
            let url = db.url()?;
            runtime()?.block_on(async {
                // Connecting applies the embedded migrations.
                connect(&url)
                    .await
                    .with_context(|| format!("migrating {}", redact_url(&url)))?;
                println!("database at {} is up to date", redact_url(&url));
                Ok(ExitCode::SUCCESS)
            })
        }
    }
}

/// Re-runs the current parser over the raw uploads of every report parsed
/// by another version, replacing each report's parse result.
pub fn run_reparse(args: &ReparseArgs) -> anyhow::Result<ExitCode> {
    let url = args.db.url()?;
    runtime()?.block_on(async {
        let store = connect(&url).await.with_context(|| format!("opening {}", redact_url(&url)))?;
        let (mut done, mut failed) = (0u64, 0u64);
        let mut after: Option<String> = None;
        loop {
            let batch = store.stale_reports(PARSER_VERSION, after.as_deref(), args.batch.max(1)).await.context("listing reports to parse again")?;
            if batch.is_empty() {
                break;
            }
            for stale in batch {
                after = Some(stale.report_id.clone());
                let raw = store.raw_upload(&stale.report_id).await.with_context(|| format!("reading the upload of report {}", stale.report_id))?;
                let hints = Hints {
                    department: Some(raw.source.department.clone()).filter(|d| !d.is_empty()),
                    period: None,
                };
                match baocao_parser::parse(&raw.bytes, &hints) {
                    Ok(mut report) => {
                        report.id = stale.report_id.clone();
                        report.source = Some(raw.source);
                        store.replace_report(&stale.report_id, &report).await.with_context(|| format!("replacing report {}", stale.report_id))?;
                        println!("report {}: {} -> {}", stale.report_id, stale.parser_version, PARSER_VERSION);
                        done += 1;
                    }
                    Err(e) => {
                        // The stored result stays; the reason is printed.
                        eprintln!("report {} (message {}): the current parser cannot read it: {e}; kept as it was", stale.report_id, stale.message_id);
                        failed += 1;
                    }
                }
            }
        }
        println!("reparsed {done} report(s) with {PARSER_VERSION}; {failed} kept as they were");
        Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
    })
}
