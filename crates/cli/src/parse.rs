//! `baocao parse`.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use baocao_domain::Source;
use baocao_parser::Hints;
use clap::Args;
use sha2::{Digest, Sha256};

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// The report: a text file, or "-" for standard input.
    pub file: PathBuf,
    /// Print the Report as proto3 JSON (lowerCamelCase) instead of a summary.
    #[arg(long)]
    pub json: bool,
    /// The sending department's code, recorded in the report's source.
    #[arg(long)]
    pub department: Option<String>,
    /// The reporting month (YYYY-MM), used where the report does not say.
    #[arg(long, value_parser = parse_month)]
    pub period: Option<(i32, u32)>,
}

/// "2024-05" -> (2024, 5).
pub fn parse_month(s: &str) -> Result<(i32, u32), String> {
    let err = || format!("expected a month as YYYY-MM, found {s:?}");
    let (y, m) = s.split_once('-').ok_or_else(err)?;
    let year: i32 = y.parse().map_err(|_| err())?;
    let month: u32 = m.parse().map_err(|_| err())?;
    if y.len() != 4 || !(1..=12).contains(&month) {
        return Err(err());
    }
    Ok((year, month))
}

pub fn run(args: &ParseArgs) -> anyhow::Result<ExitCode> {
    let (bytes, name) = if args.file.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .context("reading standard input")?;
        (b, String::from("-"))
    } else {
        let b = std::fs::read(&args.file)
            .with_context(|| format!("reading {}", args.file.display()))?;
        (
            b,
            args.file
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        )
    };
    let hints = Hints {
        department: args.department.clone(),
        period: args.period,
    };
    let mut report = match baocao_parser::parse(&bytes, &hints) {
        Ok(r) => r,
        Err(e) => bail!(
            "{}: {e}",
            if name == "-" { "standard input" } else { &name }
        ),
    };
    report.source = Some(Source {
        department: args.department.clone().unwrap_or_default(),
        filename: name,
        content_type: "text/plain; charset=utf-8".into(),
        content_sha256: hex(&Sha256::digest(&bytes)),
        ..Source::default()
    });
    let out = if args.json {
        baocao_proto::json::report_to_json(&report) + "\n"
    } else {
        crate::summary::render(&report)
    };
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(out.as_bytes()) {
        // `baocao parse x | head` is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        r => r.context("writing to standard output")?,
    }
    Ok(ExitCode::SUCCESS)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
