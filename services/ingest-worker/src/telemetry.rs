//! Logging: `tracing` to standard error, as text or JSON (`log.format`),
//! filtered by `log.level` (a `tracing` filter such as `info` or
//! `baocao_worker=debug,info`).

use baocao_config::Log;
use tracing_subscriber::EnvFilter;

/// Installs the global subscriber. Fails on a filter that does not parse.
pub fn init(log: &Log) -> Result<(), String> {
    let filter = EnvFilter::try_new(&log.level)
        .map_err(|e| format!("setting log.level: {e} (found {:?})", log.level))?;
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let result = if log.format == "json" {
        builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .try_init()
    } else {
        builder.try_init()
    };
    result.map_err(|e| format!("installing the log subscriber: {e}"))
}
