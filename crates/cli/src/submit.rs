//! `baocao submit`: a department's upload, exactly as the message contract
//! says (DESIGN.md): the file's bytes unchanged on the uploads exchange,
//! `content_type`, `message_id`, `timestamp`, `app_id`, and the headers
//! `x-department`, `x-filename`, `x-period`; confirmed by the broker before
//! the message id is printed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use baocao_config::{Service, Settings, redact_url};
use clap::Args;
use lapin::options::{BasicPublishOptions, ConfirmSelectOptions};
use lapin::types::{AMQPValue, FieldTable, LongString, ShortString};
use lapin::{BasicProperties, Confirmation, Connection, ConnectionProperties};
use sha2::{Digest, Sha256};

#[derive(Debug, Args)]
pub struct SubmitArgs {
    /// The report file: text (.txt); PDF and DOCX are sent but the worker
    /// rejects them for now.
    pub file: PathBuf,
    /// The sending department's code, e.g. so-khdt.
    #[arg(long)]
    pub department: String,
    /// The reporting month (YYYY-MM), used where the report does not say.
    #[arg(long, value_parser = crate::parse::parse_month)]
    pub period: Option<(i32, u32)>,
    /// The idempotency key (default: department, time and content hash).
    /// The same id sent twice is stored once.
    #[arg(long)]
    pub message_id: Option<String>,
    /// The content type (default: from the file's extension; text/plain;
    /// charset=utf-8 otherwise).
    #[arg(long)]
    pub content_type: Option<String>,
    /// A settings file (default: $BAOCAO_CONFIG); amqp.url, amqp.exchange
    /// and amqp.routing_key are used.
    #[arg(long)]
    pub config: Option<PathBuf>,
}

pub const TEXT: &str = "text/plain; charset=utf-8";
pub const PDF: &str = "application/pdf";
pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The content type the contract names for a file's extension.
pub fn content_type_for(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("pdf") => PDF,
        Some("docx") => DOCX,
        _ => TEXT,
    }
}

pub fn run(args: &SubmitArgs) -> anyhow::Result<ExitCode> {
    let department = args.department.trim();
    if department.is_empty() {
        bail!("--department must not be empty");
    }
    let settings = Settings::load_valid(Service::Cli, args.config.as_deref())?;
    let bytes =
        std::fs::read(&args.file).with_context(|| format!("reading {}", args.file.display()))?;
    let filename = args
        .file
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let content_type = args
        .content_type
        .clone()
        .unwrap_or_else(|| content_type_for(&args.file).to_owned());
    let now = chrono::Utc::now();
    let message_id = args.message_id.clone().unwrap_or_else(|| {
        let digest = Sha256::digest(&bytes);
        let hash: String = digest[..6].iter().map(|b| format!("{b:02x}")).collect();
        format!("{department}-{}-{hash}", now.format("%Y%m%dT%H%M%S%.3fZ"))
    });
    let mut headers = FieldTable::default();
    let mut put = |k: &str, v: String| {
        headers.insert(
            ShortString::from(k),
            AMQPValue::LongString(LongString::from(v)),
        );
    };
    put("x-department", department.to_owned());
    put("x-filename", filename);
    if let Some((y, m)) = args.period {
        put("x-period", format!("{y:04}-{m:02}"));
    }
    let props = BasicProperties::default()
        .with_content_type(ShortString::try_new(content_type).context("--content-type too long")?)
        .with_message_id(ShortString::try_new(message_id.clone()).context("--message-id too long")?)
        .with_timestamp(now.timestamp().max(0) as u64)
        .with_app_id("baocao-cli".into())
        .with_delivery_mode(2)
        .with_headers(headers);

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    let timeout = std::time::Duration::from_secs(settings.amqp.timeout_secs.max(1));
    runtime.block_on(async {
        match tokio::time::timeout(timeout, publish(&settings, &bytes, props)).await {
            Ok(published) => published,
            Err(_) => bail!(
                "the broker at {} did not confirm upload {message_id} within {} s \
                 (amqp.timeout_secs): it may or may not be queued. `baocao status \
                 {message_id}` tells once a worker has it; sending the file again is safe (a \
                 second copy is recorded as DUPLICATE)",
                redact_url(settings.amqp.url.expose()),
                timeout.as_secs()
            ),
        }
    })?;
    println!("{message_id}");
    Ok(ExitCode::SUCCESS)
}

async fn publish(settings: &Settings, body: &[u8], props: BasicProperties) -> anyhow::Result<()> {
    let a = &settings.amqp;
    let url = a.url.expose();
    let shown = redact_url(url);
    let conn = Connection::connect(url, ConnectionProperties::default())
        .await
        .with_context(|| format!("connecting to {shown}"))?;
    let channel = conn.create_channel().await.context("opening a channel")?;
    channel
        .confirm_select(ConfirmSelectOptions::default())
        .await
        .context("enabling publisher confirms")?;
    let confirm = channel
        .basic_publish(
            a.exchange.as_str().into(),
            a.routing_key.as_str().into(),
            BasicPublishOptions {
                mandatory: true,
                immediate: false,
            },
            body,
            props,
        )
        .await
        .context("publishing")?
        .await
        .with_context(|| {
            format!(
                "publishing to exchange {} on {shown} (if it does not exist, start baocao-worker \
                 once: it declares the topology)",
                a.exchange
            )
        })?;
    let _ = conn.close(200, "done".into()).await;
    match confirm {
        Confirmation::Ack(None) | Confirmation::NotRequested => Ok(()),
        Confirmation::Ack(Some(_)) => bail!(
            "no queue is bound to exchange {} with routing key {}: the upload was returned \
             (start baocao-worker once: it declares the topology)",
            a.exchange,
            a.routing_key
        ),
        Confirmation::Nack(_) => bail!("the broker refused the upload (nack); try again"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_type_from_extension() {
        assert_eq!(content_type_for(Path::new("a/bc.TXT")), TEXT);
        assert_eq!(content_type_for(Path::new("bc.pdf")), PDF);
        assert_eq!(content_type_for(Path::new("bc.docx")), DOCX);
        assert_eq!(content_type_for(Path::new("bc")), TEXT);
    }
}
