//! baocao's settings, shared by `baocao-worker`, `baocao-query` and the
//! `baocao` command line.
//!
//! Layers, each overriding the one before: the defaults in
//! `defaults.toml` (compiled in), then a TOML file (`--config PATH` or the
//! `BAOCAO_CONFIG` environment variable), then environment variables named
//! `BAOCAO__SECTION__KEY` (`BAOCAO__DATABASE__URL`, `BAOCAO__GRPC__ADDR`).
//! [`Settings::validate`] checks every value at start and names the one that
//! is wrong. `deploy/baocao.example.toml` documents every setting.

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use thiserror::Error;

/// The defaults, compiled in; `deploy/baocao.example.toml` repeats them with
/// their documentation.
pub const DEFAULTS: &str = include_str!("defaults.toml");

/// Which program is loading settings: each has its own metrics port.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    Worker,
    Query,
    Cli,
}

#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("reading settings: {0}")]
    Load(#[from] config::ConfigError),
    #[error("setting {key}: {problem}")]
    Invalid { key: &'static str, problem: String },
}

/// A connection URL (`scheme://user:password@host/...`) with its password
/// replaced by `***`, for messages and logs. The last `@` ends the user
/// information, so a password with an unescaped `@` (or `/`) is hidden
/// whole; an `@` in the query then hides the host too, never a password.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some(at) = rest.rfind('@') else {
        return url.to_owned();
    };
    match rest[..at].split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***{}", &rest[at..]),
        None => url.to_owned(),
    }
}

/// A value that must not appear in logs: `Debug` prints a placeholder.
#[derive(Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Self {
        Self(s.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_empty() {
            "\"\""
        } else {
            "\"[redacted]\""
        })
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    pub database: Database,
    pub amqp: Amqp,
    pub worker: Worker,
    pub grpc: Grpc,
    pub auth: Auth,
    pub tls: Tls,
    pub metrics: Metrics,
    pub log: Log,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Database {
    /// `sqlite://PATH` (created if missing) or `postgres://...`.
    pub url: Secret,
    pub max_connections: u32,
    /// How long to wait for a connection from the pool, in seconds.
    pub acquire_timeout_secs: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Amqp {
    pub url: Secret,
    /// Direct exchange departments publish to.
    pub exchange: String,
    pub routing_key: String,
    /// Quorum queue the worker consumes.
    pub queue: String,
    pub dead_letter_exchange: String,
    pub dead_letter_queue: String,
    /// Topic exchange for report.parsed / report.rejected / report.duplicate.
    pub events_exchange: String,
    /// Deliveries before a message is dead-lettered (x-delivery-limit).
    pub delivery_limit: u32,
    /// Unacknowledged messages the broker sends at once (basic.qos).
    pub prefetch: u16,
    /// The longest wait, in seconds, for the broker: the worker's to open a
    /// session (connect, declare, consume) or close one (past it the
    /// session counts as lost and is opened again), `baocao submit`'s for
    /// its upload to be confirmed, and the query service's to open its
    /// upload channel (an upload waits for it at most 5 s) or its
    /// report-events consumer.
    pub timeout_secs: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Worker {
    /// Store transactions at once; one message a core more is parsed
    /// meanwhile.
    pub concurrency: usize,
    /// Larger bodies are rejected without being parsed.
    pub max_message_bytes: usize,
    /// Backoff between retries of a transient failure, in milliseconds.
    pub retry_initial_ms: u64,
    pub retry_max_ms: u64,
    /// Seconds to finish in-flight messages after SIGTERM.
    pub shutdown_grace_secs: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Grpc {
    pub addr: String,
    pub reflection: bool,
    /// Largest request or response, in bytes.
    pub max_message_bytes: usize,
    /// Requests served at once per connection.
    pub concurrency_limit: usize,
    /// Upper bound on a request's time, in seconds (a shorter client
    /// deadline wins).
    pub request_timeout_secs: u64,
    pub default_page_size: u32,
    pub max_page_size: u32,
    /// How often the health probe asks the store (and the broker) whether
    /// they answer, in milliseconds.
    pub health_probe_interval_ms: u64,
    /// How long read responses are kept, in milliseconds; 0 turns the
    /// cache off. A stored report empties it at once.
    pub cache_ttl_ms: u64,
    /// The most the response cache holds, in encoded bytes.
    pub cache_max_bytes: usize,
}

/// One client system allowed to call the API.
#[derive(Debug, Clone, Deserialize)]
pub struct Client {
    pub name: String,
    /// Lowercase hex SHA-256 of the bearer token; the token itself is never
    /// stored.
    pub token_sha256: String,
    /// "read", "submit".
    pub scopes: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Auth {
    pub clients: Vec<Client>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Tls {
    /// PEM certificate chain; TLS is on when both paths are set.
    pub cert_path: String,
    pub key_path: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Metrics {
    /// HTTP address of /metrics, /healthz and /readyz; empty turns it off.
    pub addr: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Log {
    /// "text" or "json".
    pub format: String,
    /// A tracing filter: "info", "baocao=debug,info".
    pub level: String,
}

fn default_metrics_addr(service: Service) -> &'static str {
    match service {
        Service::Worker => "127.0.0.1:9101",
        Service::Query => "127.0.0.1:9102",
        Service::Cli => "",
    }
}

impl Settings {
    /// Loads the layers: defaults, the file (`file`, else `BAOCAO_CONFIG`),
    /// then the environment. Does not validate.
    pub fn load(service: Service, file: Option<&Path>) -> Result<Self, ConfigError> {
        let file: Option<PathBuf> = file
            .map(Path::to_path_buf)
            .or_else(|| std::env::var_os("BAOCAO_CONFIG").map(PathBuf::from));
        let mut b = config::Config::builder()
            .add_source(config::File::from_str(DEFAULTS, config::FileFormat::Toml))
            .set_default("metrics.addr", default_metrics_addr(service))?;
        if let Some(f) = file {
            b = b.add_source(
                config::File::from(f)
                    .format(config::FileFormat::Toml)
                    .required(true),
            );
        }
        b = b.add_source(
            config::Environment::with_prefix("BAOCAO")
                .prefix_separator("__")
                .separator("__")
                .try_parsing(true),
        );
        Ok(b.build()?.try_deserialize()?)
    }

    /// Loads and validates.
    pub fn load_valid(service: Service, file: Option<&Path>) -> Result<Self, ConfigError> {
        let s = Self::load(service, file)?;
        s.validate(service)?;
        Ok(s)
    }

    /// Checks every value the service uses; the error names the setting.
    pub fn validate(&self, service: Service) -> Result<(), ConfigError> {
        let bad = |key: &'static str, problem: String| Err(ConfigError::Invalid { key, problem });
        let url = self.database.url.expose();
        if !(url.starts_with("sqlite:")
            || url.starts_with("postgres://")
            || url.starts_with("postgresql://"))
        {
            return bad(
                "database.url",
                "expected sqlite://PATH or postgres://...".into(),
            );
        }
        if self.database.max_connections == 0 {
            return bad("database.max_connections", "must be at least 1".into());
        }
        if service != Service::Query || !self.amqp.url.expose().is_empty() {
            let a = self.amqp.url.expose();
            if !(a.starts_with("amqp://") || a.starts_with("amqps://")) {
                return bad(
                    "amqp.url",
                    "expected amqp://user:pass@host:port/vhost".into(),
                );
            }
        }
        for (key, v) in [
            ("amqp.exchange", &self.amqp.exchange),
            ("amqp.queue", &self.amqp.queue),
            ("amqp.dead_letter_exchange", &self.amqp.dead_letter_exchange),
            ("amqp.dead_letter_queue", &self.amqp.dead_letter_queue),
            ("amqp.events_exchange", &self.amqp.events_exchange),
        ] {
            if v.is_empty() {
                return bad(key, "must not be empty".into());
            }
        }
        if self.amqp.prefetch == 0 {
            return bad("amqp.prefetch", "must be at least 1".into());
        }
        if self.amqp.timeout_secs == 0 {
            return bad("amqp.timeout_secs", "must be at least 1".into());
        }
        if self.amqp.delivery_limit == 0 {
            return bad("amqp.delivery_limit", "must be at least 1".into());
        }
        if self.worker.concurrency == 0 {
            return bad("worker.concurrency", "must be at least 1".into());
        }
        if self.worker.max_message_bytes == 0 {
            return bad("worker.max_message_bytes", "must be at least 1".into());
        }
        if self.worker.retry_initial_ms == 0
            || self.worker.retry_max_ms < self.worker.retry_initial_ms
        {
            return bad(
                "worker.retry_max_ms",
                "must be at least worker.retry_initial_ms, which must be at least 1".into(),
            );
        }
        if service == Service::Query {
            if self.grpc.addr.parse::<SocketAddr>().is_err() {
                return bad(
                    "grpc.addr",
                    format!("expected host:port, found {:?}", self.grpc.addr),
                );
            }
            if self.grpc.default_page_size == 0
                || self.grpc.max_page_size < self.grpc.default_page_size
            {
                return bad(
                    "grpc.max_page_size",
                    "must be at least grpc.default_page_size, which must be at least 1".into(),
                );
            }
            if self.grpc.request_timeout_secs == 0 {
                return bad("grpc.request_timeout_secs", "must be at least 1".into());
            }
            if self.grpc.health_probe_interval_ms < 10 {
                return bad(
                    "grpc.health_probe_interval_ms",
                    format!(
                        "must be at least 10, found {}",
                        self.grpc.health_probe_interval_ms
                    ),
                );
            }
            if self.grpc.cache_ttl_ms > 0 && self.grpc.cache_max_bytes == 0 {
                return bad(
                    "grpc.cache_max_bytes",
                    "must be at least 1 while grpc.cache_ttl_ms is set".into(),
                );
            }
            if self.grpc.max_message_bytes == 0 || self.grpc.concurrency_limit == 0 {
                return bad(
                    "grpc.max_message_bytes",
                    "grpc.max_message_bytes and grpc.concurrency_limit must be at least 1".into(),
                );
            }
            if self.tls.cert_path.is_empty() != self.tls.key_path.is_empty() {
                return bad(
                    "tls.key_path",
                    "set both tls.cert_path and tls.key_path, or neither".into(),
                );
            }
            for c in &self.auth.clients {
                if c.token_sha256.len() != 64
                    || !c.token_sha256.bytes().all(|b| b.is_ascii_hexdigit())
                {
                    return bad(
                        "auth.clients",
                        format!("client {:?}: token_sha256 must be 64 hex digits", c.name),
                    );
                }
                if let Some(s) = c
                    .scopes
                    .iter()
                    .find(|s| !matches!(s.as_str(), "read" | "submit"))
                {
                    return bad(
                        "auth.clients",
                        format!(
                            "client {:?}: unknown scope {s:?} (expected read or submit)",
                            c.name
                        ),
                    );
                }
            }
        }
        if !self.metrics.addr.is_empty() && self.metrics.addr.parse::<SocketAddr>().is_err() {
            return bad(
                "metrics.addr",
                format!("expected host:port or empty, found {:?}", self.metrics.addr),
            );
        }
        if !matches!(self.log.format.as_str(), "text" | "json") {
            return bad(
                "log.format",
                format!("expected text or json, found {:?}", self.log.format),
            );
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_parse_and_validate_for_every_service() {
        for s in [Service::Worker, Service::Query, Service::Cli] {
            let settings = Settings::load(s, None).expect("defaults load");
            settings.validate(s).expect("defaults are valid");
        }
        let w = Settings::load(Service::Worker, None).unwrap();
        assert_eq!(w.metrics.addr, "127.0.0.1:9101");
        assert_eq!(w.grpc.addr, "127.0.0.1:50051");
        assert_eq!(w.amqp.url.expose(), "amqp://127.0.0.1:5672/%2f");
        assert_eq!(
            Settings::load(Service::Query, None).unwrap().metrics.addr,
            "127.0.0.1:9102"
        );
    }

    #[test]
    fn a_file_overrides_defaults_and_errors_name_the_setting() {
        let dir = std::env::temp_dir().join(format!("baocao-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("b.toml");
        std::fs::write(
            &f,
            "[grpc]\naddr = \"not an address\"\n[worker]\nconcurrency = 8\n",
        )
        .unwrap();
        let s = Settings::load(Service::Query, Some(&f)).unwrap();
        assert_eq!(s.worker.concurrency, 8);
        let e = s.validate(Service::Query).unwrap_err().to_string();
        assert!(e.contains("grpc.addr"), "{e}");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn passwords_are_redacted_from_urls() {
        for (url, shown) in [
            ("amqp://u:secret@h:5672/%2f", "amqp://u:***@h:5672/%2f"),
            (
                "postgres://app:s3cr@t@db:5432/baocao",
                "postgres://app:***@db:5432/baocao",
            ),
            ("amqp://h:5672/%2f", "amqp://h:5672/%2f"),
            (
                "postgres://postgres@127.0.0.1/x",
                "postgres://postgres@127.0.0.1/x",
            ),
            ("sqlite://baocao.db", "sqlite://baocao.db"),
            ("not a url", "not a url"),
            (
                "postgres://app:pw@db/x?sslrootcert=/ca@1.pem",
                "postgres://app:***@1.pem",
            ),
        ] {
            assert_eq!(redact_url(url), shown, "{url}");
        }
    }

    #[test]
    fn secrets_are_redacted_in_debug() {
        let s = Settings::load(Service::Worker, None).unwrap();
        let dbg = format!("{:?}", s.database);
        assert!(dbg.contains("[redacted]"), "{dbg}");
        assert!(!dbg.contains("sqlite://"), "{dbg}");
    }
}
