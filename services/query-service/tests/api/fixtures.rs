//! The reports tests query: the seed report and the three samples of
//! `testdata/reports`, parsed by the real parser once per test process and
//! stored as uploads; plus a June restatement of the seed (so that series
//! have revisions), a duplicate and a rejected upload.

use std::path::PathBuf;
use std::sync::OnceLock;

use baocao_domain::{Period, Report, Source};
use baocao_parser::Hints;
use baocao_store::{AnyStore, Recorded, Store};
use chrono::{NaiveDate, TimeZone, Utc};

pub const BAC_GIANG: &str = "UBND tỉnh Bắc Giang";
pub const TEXT: &str = "text/plain; charset=utf-8";

/// One report file as a department would upload it.
#[derive(Debug, Clone)]
pub struct Upload {
    pub file: String,
    pub department: String,
    pub message_id: String,
    pub raw: Vec<u8>,
    pub report: Report,
}

impl Upload {
    pub fn source(&self) -> Source {
        Source {
            department: self.department.clone(),
            filename: self.file.clone(),
            content_type: TEXT.into(),
            message_id: self.message_id.clone(),
            content_sha256: String::new(),
            received_at: Some(Utc.with_ymd_and_hms(2024, 6, 6, 8, 0, 0).unwrap()),
        }
    }
}

pub fn testdata() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/reports")
}

fn parse(file: &str, department: &str, message_id: &str) -> Upload {
    let path = testdata().join(file);
    let raw = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let hints = Hints {
        department: Some(department.into()),
        period: None,
    };
    let report =
        baocao_parser::parse(&raw, &hints).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Upload {
        file: file.rsplit('/').next().unwrap().into(),
        department: department.into(),
        message_id: message_id.into(),
        raw,
        report,
    }
}

/// The parsed uploads, parsed once per process: the seed, three samples,
/// and the seed restated for June.
pub fn uploads() -> &'static [Upload] {
    static UPLOADS: OnceLock<Vec<Upload>> = OnceLock::new();
    UPLOADS.get_or_init(|| {
        let seed = parse("000_5b1c2bc8d5408b7b.txt", "so-khdt", "seed-1");
        let june = june_restatement(&seed);
        vec![
            seed,
            parse(
                "samples/cuc-thong-ke-brief.txt",
                "cuc-thong-ke",
                "sample-ctk",
            ),
            parse("samples/phan-thu-nhat.txt", "so-khdt-qng", "sample-qng"),
            parse("samples/ubnd-full-header.txt", "ubnd-tn", "sample-tn"),
            june,
        ]
    })
}

/// The seed report as a June report would restate it: the same figures
/// for the same periods, with the first IIP figure revised, under a June
/// reporting period.
fn june_restatement(seed: &Upload) -> Upload {
    let mut report = seed.report.clone();
    let m = &mut report.metadata;
    m.reporting_period = Period::month(2024, 6, "tháng 6");
    m.planning_period = Period::month(2024, 7, "tháng 7");
    m.issued_on = NaiveDate::from_ymd_opt(2024, 7, 5);
    m.document_number = "999/BC-UBND".into();
    let july = m.planning_period.clone();
    for t in &mut report.tasks {
        t.period = july.clone();
    }
    // Revise the month's IIP growth (the first IIP figure of the whole
    // indicator): a later report restating it with another value.
    let revised = report
        .observations
        .iter_mut()
        .find(|o| o.indicator == "iip" && o.breakdown.is_empty())
        .expect("the seed states the IIP");
    match revised.comparisons.first_mut().map(|c| &mut c.change) {
        Some(baocao_domain::Change::PercentChange(p)) => *p += 1.0,
        other => panic!("the seed's IIP is a percent change, found {other:?}"),
    }
    let mut raw = seed.raw.clone();
    raw.extend_from_slice("\n(bản cập nhật tháng 6)\n".as_bytes());
    Upload {
        file: "bc-thang-6.txt".into(),
        department: "so-khdt".into(),
        message_id: "june-1".into(),
        raw,
        report,
    }
}

/// What was stored.
#[derive(Debug, Clone)]
pub struct Seeded {
    /// Report ids in the order of [`uploads`].
    pub ids: Vec<String>,
    pub seed_id: String,
    pub june_id: String,
}

pub const DUPLICATE_MESSAGE: &str = "seed-again";
pub const REJECTED_MESSAGE: &str = "bad-1";
pub const REJECTED_REASON: &str = "not a text, PDF or DOCX file: the body is binary";

/// Stores every upload, a duplicate of the seed and a rejection.
pub async fn seed(store: &AnyStore) -> Seeded {
    let mut ids = Vec::new();
    for u in uploads() {
        match store
            .record_ingestion(&u.raw, &u.source(), &u.report)
            .await
            .unwrap_or_else(|e| panic!("storing {}: {e}", u.file))
        {
            Recorded::Parsed { report_id } => ids.push(report_id),
            other => panic!("storing {}: {other:?}", u.file),
        }
    }
    let seed = &uploads()[0];
    let mut dup = seed.source();
    dup.message_id = DUPLICATE_MESSAGE.into();
    let r = store
        .record_ingestion(&seed.raw, &dup, &seed.report)
        .await
        .unwrap();
    assert!(matches!(r, Recorded::Duplicate { .. }), "{r:?}");
    let mut bad = seed.source();
    bad.message_id = REJECTED_MESSAGE.into();
    bad.filename = "scan.bin".into();
    store
        .record_rejection(b"\x00\x01\x02binary", &bad, REJECTED_REASON)
        .await
        .unwrap();
    Seeded {
        seed_id: ids[0].clone(),
        june_id: ids[4].clone(),
        ids,
    }
}
