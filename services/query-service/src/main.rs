//! `baocao-query`: serves the gRPC API until SIGTERM or Ctrl-C.
//!
//! Settings: embedded defaults < `--config FILE` (or `BAOCAO_CONFIG`) <
//! `BAOCAO__SECTION__KEY` environment variables; see `baocao_config`.

use std::path::PathBuf;

use anyhow::Context;
use baocao_config::{Service, Settings};
use baocao_store::{ConnectOptions, connect_with};
use clap::Parser;

/// mimalloc: the parse allocates thousands of small strings a report, and
/// glibc's malloc took ~10 % of its time (crates/parser/design.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
#[command(
    name = "baocao-query",
    version,
    about = "baocao's gRPC API over the store"
)]
struct Args {
    /// A TOML settings file, layered over the defaults.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let settings =
        Settings::load_valid(Service::Query, args.config.as_deref()).context("loading settings")?;
    baocao_query::telemetry::init(&settings.log.level, &settings.log.format);

    let options = ConnectOptions {
        max_connections: settings.database.max_connections,
        acquire_timeout: std::time::Duration::from_secs(settings.database.acquire_timeout_secs),
        ..ConnectOptions::default()
    };
    let store = connect_with(settings.database.url.expose(), &options)
        .await
        .context("opening the store (database.url)")?;
    let listeners = baocao_query::Listeners::bind(&settings).await?;
    baocao_query::serve(
        listeners,
        settings,
        store.clone(),
        std::sync::Arc::new(baocao_query::Metrics::new()),
        shutdown_signal(),
    )
    .await?;
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// SIGTERM (Kubernetes, systemd) or Ctrl-C.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
}
