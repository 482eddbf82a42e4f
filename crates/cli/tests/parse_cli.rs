//! `baocao parse` as a user runs it: the real binary, real files.

use std::io::Write;
use std::process::{Command, Stdio};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../testdata/reports/000_5b1c2bc8d5408b7b.txt"
);

fn baocao(args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_baocao"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run baocao");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input)
            .expect("write stdin");
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn json_is_the_proto3_mapping_of_the_report() {
    let (code, out, err) = baocao(&["parse", SEED, "--json"], None);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["metadata"]["issuer"], "UBND tỉnh Bắc Giang");
    assert_eq!(
        v["metadata"]["reportingPeriod"]["kind"],
        "PERIOD_KIND_MONTH"
    );
    assert_eq!(v["metadata"]["reportingPeriod"]["start"], "2024-05-01");
    assert_eq!(v["metadata"]["planningPeriod"]["end"], "2024-06-30");
    assert_eq!(v["sections"].as_array().map(Vec::len), Some(15));
    assert_eq!(v["footnotes"].as_array().map(Vec::len), Some(24));
    assert_eq!(v["tasks"].as_array().map(Vec::len), Some(9));
    assert_eq!(v["footnotes"][0]["sectionNumber"], "1.1");
    assert_eq!(
        v["source"]["contentSha256"].as_str().map(str::len),
        Some(64)
    );
    assert!(
        v["parserVersion"]
            .as_str()
            .is_some_and(|s| s.starts_with("baocao-parser/"))
    );
}

#[test]
fn summary_shows_the_structure() {
    let (code, out, err) = baocao(&["parse", SEED], None);
    assert_eq!(code, 0, "{err}");
    for needle in [
        "UBND tỉnh Bắc Giang",
        "1.6. Thu hút đầu tư và phát triển doanh nghiệp",
        "Footnotes (24)",
        "Tasks (9)",
        "NumberingGap",
    ] {
        assert!(out.contains(needle), "summary lacks {needle:?}:\n{out}");
    }
}

#[test]
fn standard_input_and_hints() {
    let bytes = std::fs::read(SEED).expect("seed");
    let (code, out, err) = baocao(
        &["parse", "-", "--json", "--department", "so-khdt"],
        Some(&bytes),
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["source"]["department"], "so-khdt");
}

#[test]
fn unreadable_input_fails_with_one_line() {
    for (input, expect) in [
        (&b""[..], "empty input"),
        (&b"\x00\x01\x02binary"[..], "NUL byte"),
        (&b"%PDF-1.7 ..."[..], "PDF"),
        (&b"caf\xe9 latin-1"[..], "invalid UTF-8"),
        (&b"  \n\n .. \n"[..], "no text"),
    ] {
        let (code, out, err) = baocao(&["parse", "-"], Some(input));
        assert_ne!(code, 0, "{input:?} accepted");
        assert!(out.is_empty());
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(expect), "{err}");
    }
    let (code, _, err) = baocao(&["parse", "/nonexistent/report.txt"], None);
    assert_ne!(code, 0);
    assert!(err.contains("/nonexistent/report.txt"), "{err}");
}

#[test]
fn a_bad_period_hint_is_refused() {
    let (code, _, err) = baocao(&["parse", SEED, "--period", "2024-13"], None);
    assert_ne!(code, 0);
    assert!(err.contains("YYYY-MM"), "{err}");
}
