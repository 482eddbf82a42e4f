//! `baocao-worker [--config FILE]`: consumes report uploads until SIGTERM
//! or Ctrl-C, then finishes the messages in hand and exits 0.
//!
//! Settings: defaults < FILE (or `BAOCAO_CONFIG`) < `BAOCAO__SECTION__KEY`
//! environment variables; see `deploy/baocao.example.toml`.

use std::path::PathBuf;
use std::process::ExitCode;

use baocao_config::{Service, Settings};
use clap::Parser;

/// mimalloc: the parse allocates thousands of small strings a report, and
/// glibc's malloc took ~10 % of its time (crates/parser/design.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
#[command(
    name = "baocao-worker",
    version,
    about = "Ingests report uploads from RabbitMQ into the baocao store"
)]
struct Args {
    /// A TOML settings file (default: $BAOCAO_CONFIG, if set).
    #[arg(long)]
    config: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let settings = match Settings::load_valid(Service::Worker, args.config.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("baocao-worker: {e}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = baocao_worker::telemetry::init(&settings.log) {
        eprintln!("baocao-worker: {e}");
        return ExitCode::from(2);
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("baocao-worker: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(baocao_worker::run(settings, shutdown_signal())) {
        Ok(()) => {
            tracing::info!("stopped");
            ExitCode::SUCCESS
        }
        Err(e) => {
            tracing::error!(error = %e, "stopped on an error");
            eprintln!("baocao-worker: {e}");
            ExitCode::FAILURE
        }
    }
}

/// SIGTERM (what orchestrators send) or SIGINT (Ctrl-C).
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
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => tracing::info!("SIGINT received"),
        _ = term => tracing::info!("SIGTERM received"),
    }
}
