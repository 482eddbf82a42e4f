//! `baocao status MESSAGE_ID`: what became of an upload (PARSED, DUPLICATE,
//! REJECTED with its reason), read from the store at `database.url`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use baocao_config::{Service, Settings};
use baocao_domain::{Ingestion, IngestionStatus};
use baocao_store::Store;
use clap::Args;

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The message id `baocao submit` printed (the AMQP message_id).
    pub message_id: String,
    /// Print the outcome as JSON.
    #[arg(long)]
    pub json: bool,
    /// A settings file (default: $BAOCAO_CONFIG); database.url is used.
    #[arg(long)]
    pub config: Option<PathBuf>,
}

pub fn run(args: &StatusArgs) -> anyhow::Result<ExitCode> {
    let settings = Settings::load_valid(Service::Cli, args.config.as_deref())?;
    let url = settings.database.url.expose();
    // Opening a SQLite store creates the file: do not make an empty one
    // for a mistyped path.
    if let Some(path) = sqlite_path(url)
        && !path.exists()
    {
        bail!(
            "no database at {} (database.url): has the worker run here?",
            path.display()
        );
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    let found = runtime.block_on(async {
        let store = baocao_store::connect(url).await?;
        let r = store.ingestion(&args.message_id).await;
        store.close().await;
        r
    });
    let ingestion = match found {
        Ok(i) => i,
        Err(e) if e.is_not_found() => bail!(
            "message {}: no outcome recorded (not received yet, still queued, or sent under \
             another id)",
            args.message_id
        ),
        Err(e) => return Err(e.into()),
    };
    let out = if args.json {
        serde_json::to_string_pretty(&ingestion).context("encoding JSON")? + "\n"
    } else {
        render(&ingestion)
    };
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}

fn render(i: &Ingestion) -> String {
    let status = match i.status {
        IngestionStatus::Parsed => "PARSED",
        IngestionStatus::Duplicate => "DUPLICATE",
        IngestionStatus::Rejected => "REJECTED",
        IngestionStatus::Unspecified => "UNSPECIFIED",
    };
    let mut s = format!("message   {}\nstatus    {status}\n", i.message_id);
    if !i.reason.is_empty() {
        s += &format!("reason    {}\n", i.reason);
    }
    if !i.report_id.is_empty() {
        let label = if i.status == IngestionStatus::Duplicate {
            "report    {} (stored before)\n"
        } else {
            "report    {}\n"
        };
        s += &label.replace("{}", &i.report_id);
    }
    if let Some(t) = i.received_at {
        s += &format!("received  {}\n", t.to_rfc3339());
    }
    s
}

/// The file of a `sqlite:` URL.
fn sqlite_path(url: &str) -> Option<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or("");
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_paths() {
        assert_eq!(sqlite_path("sqlite://baocao.db"), Some("baocao.db".into()));
        assert_eq!(
            sqlite_path("sqlite:/var/x.db?mode=rwc"),
            Some("/var/x.db".into())
        );
        assert_eq!(sqlite_path("postgres://h/db"), None);
    }

    #[test]
    fn a_rejection_shows_its_reason() {
        let s = render(&Ingestion {
            message_id: "m-1".into(),
            status: IngestionStatus::Rejected,
            reason: "x-department header missing".into(),
            ..Ingestion::default()
        });
        assert!(s.contains("status    REJECTED\n"), "{s}");
        assert!(s.contains("reason    x-department header missing\n"), "{s}");
    }
}
