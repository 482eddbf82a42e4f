//! The behaviour every backend must have. Each case gets a store on a
//! fresh database and the URL it was opened with.

use std::collections::HashSet;
use std::sync::Arc;

use baocao_domain::text::fold;
use baocao_domain::{Change, IngestionStatus, ObservationStatus, PeriodKind, Report, Source};
use baocao_store::{
    AnyStore, DateRange, HitKind, ObservationFilter, Page, PageRequest, Recorded, ReportFilter,
    ReportObservation, ReportTask, ReportView, SearchHit, SearchQuery, SeriesQuery, Store,
    StoreError, TaskFilter, connect,
};
use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use crate::fixtures::{BAC_GIANG, PARSER, Spec, seed};

const LUC_NAM: &str = "UBND huyện Lục Nam";

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn hex_sha256(b: &[u8]) -> String {
    Sha256::digest(b)
        .iter()
        .map(|x| format!("{x:02x}"))
        .collect()
}

async fn ingest(store: &AnyStore, spec: &Spec, message_id: &str) -> String {
    let r = store
        .record_ingestion(&spec.raw(), &spec.source(message_id), &spec.report())
        .await
        .unwrap_or_else(|e| panic!("ingest {message_id}: {e}"));
    match r {
        Recorded::Parsed { report_id } => report_id,
        other => panic!("ingest {message_id}: expected Parsed, got {other:?}"),
    }
}

/// What a stored report should read back as.
fn expected(report: &Report, id: &str, source: Source) -> Report {
    let mut r = report.clone();
    r.id = id.to_owned();
    r.source = Some(source);
    r
}

async fn all_pages<T, Fut>(mut page: impl FnMut(PageRequest) -> Fut, size: u32) -> Vec<T>
where
    Fut: std::future::Future<Output = Result<Page<T>, StoreError>>,
{
    let mut out = Vec::new();
    let mut req = PageRequest::first(size);
    for _ in 0..1000 {
        let p = page(req.clone()).await.expect("page");
        assert!(p.items.len() <= size as usize);
        out.extend(p.items);
        match p.next_token {
            Some(t) => req = PageRequest::next(size, t),
            None => return out,
        }
    }
    panic!("more than 1000 pages");
}

async fn all_reports(store: &AnyStore, f: &ReportFilter) -> Vec<Report> {
    all_pages(
        |p| {
            let f = f.clone();
            let store = store.clone();
            async move { store.list_reports(&f, ReportView::Basic, &p).await }
        },
        1000,
    )
    .await
}

async fn all_observations(store: &AnyStore, f: &ObservationFilter) -> Vec<ReportObservation> {
    all_pages(
        |p| {
            let f = f.clone();
            let store = store.clone();
            async move { store.list_observations(&f, &p).await }
        },
        1000,
    )
    .await
}

async fn all_tasks(store: &AnyStore, f: &TaskFilter) -> Vec<ReportTask> {
    all_pages(
        |p| {
            let f = f.clone();
            let store = store.clone();
            async move { store.list_tasks(&f, &p).await }
        },
        1000,
    )
    .await
}

async fn search(store: &AnyStore, q: &str) -> Vec<SearchHit> {
    let query = SearchQuery {
        query: q.into(),
        ..SearchQuery::default()
    };
    store
        .search(&query, &PageRequest::first(1000))
        .await
        .expect("search")
        .items
}

async fn count_all(store: &AnyStore) -> usize {
    all_reports(
        store,
        &ReportFilter {
            include_superseded: true,
            ..ReportFilter::default()
        },
    )
    .await
    .len()
}

fn iip(o: &ReportObservation) -> f64 {
    match o.observation.comparisons.first().map(|c| &c.change) {
        Some(Change::PercentChange(v)) => *v,
        other => panic!("iip without a percent change: {other:?}"),
    }
}

fn ids(reports: &[Report]) -> Vec<&str> {
    reports.iter().map(|r| r.id.as_str()).collect()
}

pub async fn parsed_report_round_trips(store: AnyStore, _url: String) {
    let spec = Spec::new(5);
    let report = spec.report();
    let source = spec.source("m-1");
    let id = ingest(&store, &spec, "m-1").await;

    let got = store.get_report(&id, ReportView::Full).await.unwrap();
    let stored_source = got.source.clone().expect("a stored report has its source");
    assert_eq!(stored_source.department, "so-khdt");
    assert_eq!(stored_source.filename, source.filename);
    assert_eq!(stored_source.content_type, source.content_type);
    assert_eq!(stored_source.message_id, "m-1");
    assert_eq!(stored_source.content_sha256, hex_sha256(&spec.raw()));
    assert_eq!(stored_source.received_at, source.received_at);
    assert_eq!(got, expected(&report, &id, stored_source));

    let ing = store.ingestion("m-1").await.unwrap();
    assert_eq!(ing.status, IngestionStatus::Parsed);
    assert_eq!(ing.report_id, id);
    assert_eq!(ing.message_id, "m-1");
    assert_eq!(ing.reason, "");
    assert_eq!(ing.received_at, source.received_at);

    let raw = store.raw_upload(&id).await.unwrap();
    assert_eq!(raw.bytes, spec.raw());
    assert_eq!(raw.source.message_id, "m-1");
}

pub async fn basic_view_leaves_the_parts_out(store: AnyStore, _url: String) {
    let spec = Spec::new(5);
    let id = ingest(&store, &spec, "m-1").await;
    let got = store.get_report(&id, ReportView::Basic).await.unwrap();
    let report = spec.report();
    assert_eq!(got.id, id);
    assert_eq!(got.metadata, report.metadata);
    assert_eq!(got.parser_version, report.parser_version);
    assert!(got.source.is_some());
    assert!(got.sections.is_empty() && got.footnotes.is_empty());
    assert!(got.observations.is_empty() && got.tasks.is_empty());
    assert!(got.document_references.is_empty() && got.quality_issues.is_empty());
    assert!(got.normalized_text.is_empty());
}

pub async fn seed_report_round_trips_and_is_searchable(store: AnyStore, _url: String) {
    let (raw, report) = seed();
    let source = Source {
        department: "so-khdt".into(),
        filename: "000_5b1c2bc8d5408b7b.txt".into(),
        content_type: "text/plain; charset=utf-8".into(),
        message_id: "seed-1".into(),
        content_sha256: hex_sha256(&raw),
        received_at: Some(crate::fixtures::received_at(6, 0)),
    };
    let Recorded::Parsed { report_id } = store
        .record_ingestion(&raw, &source, &report)
        .await
        .unwrap()
    else {
        panic!("seed not stored");
    };
    let got = store
        .get_report(&report_id, ReportView::Full)
        .await
        .unwrap();
    assert_eq!(got, expected(&report, &report_id, source));

    let hits = search(&store, "giai ngan").await;
    assert!(!hits.is_empty(), "the seed report speaks of giải ngân");
    for h in &hits {
        assert_eq!(h.report_id, report_id);
        assert_eq!(
            h.span.slice(&got.normalized_text),
            Some(h.snippet.as_str()),
            "a hit's span locates its snippet in the normalized text"
        );
        let words: Vec<String> = h
            .highlights
            .iter()
            .map(|s| fold(s.slice(&h.snippet).unwrap()))
            .collect();
        assert!(words.iter().any(|w| w == "giai"), "{words:?}");
        assert!(
            words.iter().all(|w| w == "giai" || w == "ngan"),
            "{words:?}"
        );
    }
    let tasks = all_tasks(&store, &TaskFilter::default()).await;
    assert_eq!(tasks.len(), report.tasks.len());
}

pub async fn same_message_id_is_a_duplicate(store: AnyStore, _url: String) {
    let spec = Spec::new(5);
    let id = ingest(&store, &spec, "m-1").await;
    let again = store
        .record_ingestion(&spec.raw(), &spec.source("m-1"), &spec.report())
        .await
        .unwrap();
    let Recorded::Duplicate { first } = again else {
        panic!("expected a duplicate, got {again:?}");
    };
    assert_eq!(first.status, IngestionStatus::Parsed);
    assert_eq!(first.report_id, id);
    assert_eq!(first.message_id, "m-1");

    // The same message id with other content is still the same message.
    let other = Spec::new(6).tag("other");
    let r = store
        .record_ingestion(&other.raw(), &other.source("m-1"), &other.report())
        .await
        .unwrap();
    assert!(matches!(r, Recorded::Duplicate { .. }), "{r:?}");
    assert_eq!(count_all(&store).await, 1);
    assert_eq!(
        store.ingestion("m-1").await.unwrap().status,
        IngestionStatus::Parsed
    );
}

pub async fn same_content_under_a_new_message_id_is_a_duplicate(store: AnyStore, _url: String) {
    let spec = Spec::new(5);
    let id = ingest(&store, &spec, "m-a").await;
    let r = store
        .record_ingestion(&spec.raw(), &spec.source("m-b"), &spec.report())
        .await
        .unwrap();
    let Recorded::Duplicate { first } = r else {
        panic!("expected a duplicate, got {r:?}");
    };
    assert_eq!(first.message_id, "m-a");
    assert_eq!(first.report_id, id);
    assert_eq!(first.status, IngestionStatus::Parsed);

    let ing = store.ingestion("m-b").await.unwrap();
    assert_eq!(ing.status, IngestionStatus::Duplicate);
    assert_eq!(ing.report_id, id);
    assert_eq!(count_all(&store).await, 1);
    // Redelivering the duplicate changes nothing.
    let r = store
        .record_ingestion(&spec.raw(), &spec.source("m-b"), &spec.report())
        .await
        .unwrap();
    assert!(matches!(r, Recorded::Duplicate { first } if first.message_id == "m-a"));
    assert_eq!(count_all(&store).await, 1);
}

const REASON: &str = "tệp PDF không có lớp văn bản: cần gửi lại bản có thể đọc được";

pub async fn rejection_keeps_raw_bytes_and_reason(store: AnyStore, _url: String) {
    let spec = Spec::new(5);
    let r = store
        .record_rejection(&spec.raw(), &spec.source("m-bad"), REASON)
        .await
        .unwrap();
    assert_eq!(r, Recorded::Rejected);
    let ing = store.ingestion("m-bad").await.unwrap();
    assert_eq!(ing.status, IngestionStatus::Rejected);
    assert_eq!(ing.reason, REASON);
    assert_eq!(ing.report_id, "");
    let up = store.upload("m-bad").await.unwrap();
    assert_eq!(up.bytes, spec.raw());
    assert_eq!(up.source.department, "so-khdt");
    assert_eq!(up.source.content_sha256, hex_sha256(&spec.raw()));
    assert_eq!(count_all(&store).await, 0);
}

/// A content rejected before (say for a missing header, since fixed) is
/// processed again under a new message id; only a PARSED outcome makes
/// later messages with the same bytes duplicates. The same message id
/// again is still its own first outcome.
pub async fn content_rejected_before_is_processed_again(store: AnyStore, _url: String) {
    let spec = Spec::new(5);
    store
        .record_rejection(&spec.raw(), &spec.source("m-a"), REASON)
        .await
        .unwrap();
    // The same bytes rejected again under another id: its own reason.
    let r = store
        .record_rejection(&spec.raw(), &spec.source("m-b"), "again")
        .await
        .unwrap();
    assert_eq!(r, Recorded::Rejected);
    assert_eq!(store.ingestion("m-b").await.unwrap().reason, "again");
    // Sent again with the envelope fixed: parsed and stored.
    let r = store
        .record_ingestion(&spec.raw(), &spec.source("m-c"), &spec.report())
        .await
        .unwrap();
    let Recorded::Parsed { report_id } = r else {
        panic!("m-c: expected PARSED, got {r:?}");
    };
    assert_eq!(count_all(&store).await, 1);
    // A redelivery of the rejected message is still its rejection.
    let r = store
        .record_ingestion(&spec.raw(), &spec.source("m-a"), &spec.report())
        .await
        .unwrap();
    let Recorded::Duplicate { first } = r else {
        panic!("m-a: expected a duplicate, got {r:?}");
    };
    assert_eq!(
        (
            first.message_id.as_str(),
            first.status,
            first.reason.as_str()
        ),
        ("m-a", IngestionStatus::Rejected, REASON)
    );
    // From now on the bytes are known as parsed, whatever the outcome.
    for (mid, parsed) in [("m-d", true), ("m-e", false)] {
        let r = if parsed {
            store
                .record_ingestion(&spec.raw(), &spec.source(mid), &spec.report())
                .await
        } else {
            store
                .record_rejection(&spec.raw(), &spec.source(mid), "again")
                .await
        }
        .unwrap();
        let Recorded::Duplicate { first } = r else {
            panic!("{mid}: expected a duplicate, got {r:?}");
        };
        assert_eq!(first.message_id, "m-c");
        assert_eq!(first.status, IngestionStatus::Parsed);
        assert_eq!(first.report_id, report_id);
        assert_eq!(
            store.ingestion(mid).await.unwrap().status,
            IngestionStatus::Duplicate
        );
    }
    assert_eq!(count_all(&store).await, 1);
    // One copy of the bytes, whoever sent them.
    assert_eq!(store.upload("m-a").await.unwrap().bytes, spec.raw());
    assert_eq!(store.upload("m-c").await.unwrap().bytes, spec.raw());
}

pub async fn unknown_ids_are_not_found(store: AnyStore, _url: String) {
    let spec = Spec::new(5);
    let id = ingest(&store, &spec, "m-1").await;
    let errors = [
        store
            .get_report("999999", ReportView::Basic)
            .await
            .unwrap_err(),
        store.get_report("abc", ReportView::Full).await.unwrap_err(),
        store.ingestion("nope").await.unwrap_err(),
        store.upload("nope").await.unwrap_err(),
        store.get_task(&id, 99).await.unwrap_err(),
        store.get_task("x", 1).await.unwrap_err(),
        store.raw_upload("424242").await.unwrap_err(),
        store
            .replace_report("424242", &spec.report())
            .await
            .unwrap_err(),
    ];
    for e in errors {
        assert!(e.is_not_found(), "{e}");
        assert!(!e.is_transient(), "{e}");
    }
    let e = store.get_task(&id, 99).await.unwrap_err();
    assert_eq!(e.to_string(), format!("task 99 of report {id} not found"));
}

pub async fn content_hash_must_match(store: AnyStore, _url: String) {
    let spec = Spec::new(5);
    let mut source = spec.source("m-1");
    source.content_sha256 = "00".repeat(32);
    let e = store
        .record_ingestion(&spec.raw(), &source, &spec.report())
        .await
        .unwrap_err();
    assert!(
        matches!(
            e,
            StoreError::InvalidArgument {
                field: "content_sha256",
                ..
            }
        ),
        "{e}"
    );
    assert!(e.to_string().contains("m-1"), "{e}");
    assert!(store.ingestion("m-1").await.unwrap_err().is_not_found());

    source.content_sha256 = hex_sha256(&spec.raw()).to_uppercase();
    let r = store
        .record_ingestion(&spec.raw(), &source, &spec.report())
        .await
        .unwrap();
    assert!(matches!(r, Recorded::Parsed { .. }), "{r:?}");
}

pub async fn failed_transaction_leaves_nothing(store: AnyStore, _url: String) {
    let spec = Spec::new(5);
    // A report without a parser version cannot be reparsed later; the
    // database refuses it after the upload and ingestion rows were written.
    let mut bad = spec.report();
    bad.parser_version.clear();
    let e = store
        .record_ingestion(&spec.raw(), &spec.source("m-bad"), &bad)
        .await
        .unwrap_err();
    assert!(!e.is_transient(), "{e}");
    let msg = e.to_string();
    assert!(msg.contains("m-bad") && msg.contains("so-khdt"), "{msg}");
    assert!(store.ingestion("m-bad").await.unwrap_err().is_not_found());
    assert!(store.upload("m-bad").await.unwrap_err().is_not_found());
    assert_eq!(count_all(&store).await, 0);
    assert!(search(&store, "giai ngan").await.is_empty());

    // Nothing left behind blocks the corrected report.
    let r = store
        .record_ingestion(&spec.raw(), &spec.source("m-bad"), &spec.report())
        .await
        .unwrap();
    assert!(matches!(r, Recorded::Parsed { .. }), "{r:?}");
    assert_eq!(count_all(&store).await, 1);
}

pub async fn later_report_supersedes_earlier_one(store: AnyStore, _url: String) {
    let first = Spec::new(5).tag("a").issued_day(Some(5)).iip(10.0);
    let second = Spec::new(5).tag("b").issued_day(Some(10)).iip(11.0);
    let other = Spec::new(5)
        .tag("c")
        .issuer(LUC_NAM)
        .department("ubnd-luc-nam");
    let a = ingest(&store, &first, "m-a").await;
    let b = ingest(&store, &second, "m-b").await;
    let c = ingest(&store, &other, "m-c").await;

    let current = all_reports(&store, &ReportFilter::default()).await;
    let mut got = ids(&current);
    got.sort();
    let mut want = vec![b.as_str(), c.as_str()];
    want.sort();
    assert_eq!(got, want);
    let all = all_reports(
        &store,
        &ReportFilter {
            include_superseded: true,
            ..ReportFilter::default()
        },
    )
    .await;
    assert_eq!(all.len(), 3);
    // The superseded report is still there by id.
    let old = store.get_report(&a, ReportView::Full).await.unwrap();
    assert_eq!(old.metadata.issued_on, Some(d(2024, 6, 5)));

    let obs = all_observations(
        &store,
        &ObservationFilter {
            indicators: vec!["iip".into()],
            issuer: Some(BAC_GIANG.into()),
            ..ObservationFilter::default()
        },
    )
    .await;
    assert_eq!(obs.len(), 1);
    assert_eq!(obs[0].report_id, b);
    assert_eq!(iip(&obs[0]), 11.0);

    let tasks = all_tasks(
        &store,
        &TaskFilter {
            issuer: Some(BAC_GIANG.into()),
            ..TaskFilter::default()
        },
    )
    .await;
    assert_eq!(tasks.len(), 3);
    assert!(tasks.iter().all(|t| t.report_id == b));

    let hits = search(&store, "thuy san").await;
    let reports: HashSet<&str> = hits.iter().map(|h| h.report_id.as_str()).collect();
    assert_eq!(reports, HashSet::from([b.as_str(), c.as_str()]));
    let counts = store.indicator_counts(Some(BAC_GIANG)).await.unwrap();
    assert_eq!(counts.get("iip"), Some(&1));
}

pub async fn supersession_ignores_arrival_order(store: AnyStore, _url: String) {
    // The later-issued report arrives first; the issuer is written with the
    // tone mark on another vowel.
    let later = Spec::new(5)
        .tag("later")
        .issuer("Uỷ ban nhân dân tỉnh Bắc Giang")
        .issued_day(Some(12));
    let earlier = Spec::new(5)
        .tag("earlier")
        .issuer("Ủy ban nhân dân tỉnh Bắc Giang")
        .issued_day(Some(3));
    let undated = Spec::new(5)
        .tag("undated")
        .issuer("UỶ BAN NHÂN DÂN TỈNH BẮC GIANG")
        .issued_day(None);
    let l = ingest(&store, &later, "m-later").await;
    ingest(&store, &earlier, "m-earlier").await;
    ingest(&store, &undated, "m-undated").await;
    let current = all_reports(&store, &ReportFilter::default()).await;
    assert_eq!(ids(&current), vec![l.as_str()]);
    assert_eq!(count_all(&store).await, 3);
    // Filters compare the issuer the same way.
    let f = ReportFilter {
        issuer: Some("ủy ban nhân dân tỉnh bắc giang".into()),
        include_superseded: true,
        ..ReportFilter::default()
    };
    assert_eq!(all_reports(&store, &f).await.len(), 3);
}

pub async fn list_reports_pages_and_filters(store: AnyStore, _url: String) {
    let mut want = Vec::new();
    for m in 1..=12 {
        want.push(ingest(&store, &Spec::new(m), &format!("bg-{m}")).await);
    }
    for m in 1..=3 {
        let s = Spec::new(m)
            .issuer(LUC_NAM)
            .department("ubnd-luc-nam")
            .tag(format!("ln{m}"));
        want.push(ingest(&store, &s, &format!("ln-{m}")).await);
    }
    let f = ReportFilter::default();
    let paged: Vec<Report> = all_pages(
        |p| {
            let store = store.clone();
            let f = f.clone();
            async move { store.list_reports(&f, ReportView::Basic, &p).await }
        },
        5,
    )
    .await;
    assert_eq!(paged.len(), 15);
    let distinct: HashSet<&str> = paged.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(distinct.len(), 15);
    let ends: Vec<NaiveDate> = paged
        .iter()
        .map(|r| r.metadata.reporting_period.as_ref().unwrap().end)
        .collect();
    assert!(
        ends.windows(2).all(|w| w[0] >= w[1]),
        "newest first: {ends:?}"
    );
    // One page of the default size holds them all.
    let one = store
        .list_reports(&f, ReportView::Basic, &PageRequest::default())
        .await
        .unwrap();
    assert_eq!(ids(&one.items), ids(&paged));
    assert!(one.next_token.is_none());
    // Full views page the same.
    let full = store
        .list_reports(&f, ReportView::Full, &PageRequest::first(2))
        .await
        .unwrap();
    assert_eq!(full.items.len(), 2);
    assert!(
        full.items
            .iter()
            .all(|r| r.observations.len() == 4 && r.tasks.len() == 3)
    );

    let by_issuer = ReportFilter {
        issuer: Some("ubnd TỈNH bắc giang".into()),
        ..ReportFilter::default()
    };
    assert_eq!(all_reports(&store, &by_issuer).await.len(), 12);
    let by_dept = ReportFilter {
        department: Some("ubnd-luc-nam".into()),
        ..ReportFilter::default()
    };
    assert_eq!(all_reports(&store, &by_dept).await.len(), 3);
    let by_period = ReportFilter {
        period: DateRange {
            start: Some(d(2024, 3, 15)),
            end: Some(d(2024, 4, 30)),
        },
        ..ReportFilter::default()
    };
    assert_eq!(all_reports(&store, &by_period).await.len(), 3);
    let both = ReportFilter {
        department: Some("so-khdt".into()),
        ..by_period
    };
    assert_eq!(all_reports(&store, &both).await.len(), 2);
}

pub async fn tampered_or_foreign_page_tokens_are_refused(store: AnyStore, _url: String) {
    for m in 1..=3 {
        ingest(&store, &Spec::new(m), &format!("m-{m}")).await;
    }
    let f = ReportFilter::default();
    let p = store
        .list_reports(&f, ReportView::Basic, &PageRequest::first(1))
        .await
        .unwrap();
    let token = p.next_token.expect("more pages");
    let mut altered = token.clone().into_bytes();
    altered[2] = if altered[2] == b'A' { b'B' } else { b'A' };
    let altered = String::from_utf8(altered).unwrap();
    let other_filter = ReportFilter {
        department: Some("so-khdt".into()),
        ..ReportFilter::default()
    };
    let errors = [
        store
            .list_reports(
                &f,
                ReportView::Basic,
                &PageRequest::next(1, altered.clone()),
            )
            .await
            .unwrap_err(),
        store
            .list_reports(&f, ReportView::Basic, &PageRequest::next(1, "xyz"))
            .await
            .unwrap_err(),
        store
            .list_reports(
                &other_filter,
                ReportView::Basic,
                &PageRequest::next(1, token.clone()),
            )
            .await
            .unwrap_err(),
        store
            .list_tasks(&TaskFilter::default(), &PageRequest::next(1, token.clone()))
            .await
            .unwrap_err(),
        store
            .list_observations(
                &ObservationFilter::default(),
                &PageRequest::next(1, token.clone()),
            )
            .await
            .unwrap_err(),
        store
            .search(
                &SearchQuery {
                    query: "giai ngan".into(),
                    ..SearchQuery::default()
                },
                &PageRequest::next(1, token.clone()),
            )
            .await
            .unwrap_err(),
    ];
    for e in errors {
        assert!(matches!(e, StoreError::InvalidPageToken { .. }), "{e}");
        assert!(!e.is_transient());
    }
    // The genuine token still works.
    let next = store
        .list_reports(&f, ReportView::Basic, &PageRequest::next(1, token))
        .await
        .unwrap();
    assert_eq!(next.items.len(), 1);
}

pub async fn list_observations_filters_and_pages(store: AnyStore, _url: String) {
    for m in 1..=4 {
        ingest(&store, &Spec::new(m), &format!("m-{m}")).await;
    }
    let all = all_observations(&store, &ObservationFilter::default()).await;
    assert_eq!(all.len(), 16);
    let months: Vec<u32> = all
        .iter()
        .map(|o| {
            use chrono::Datelike;
            o.reporting_period.as_ref().unwrap().start.month()
        })
        .collect();
    assert_eq!(months, [4, 4, 4, 4, 3, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1]);
    // In report order within a report.
    assert_eq!(all[0].observation.indicator, "iip");
    assert_eq!(all[1].observation.indicator, "exports");
    assert_eq!(all[3].observation.indicator, "budget_revenue");
    assert_eq!(all[0].issuer, BAC_GIANG);
    assert_eq!(all[0].document_number, "104/BC-UBND");
    assert_eq!(all[0].issued_on, Some(d(2024, 5, 5)));

    let paged: Vec<ReportObservation> = all_pages(
        |p| {
            let store = store.clone();
            async move {
                store
                    .list_observations(&ObservationFilter::default(), &p)
                    .await
            }
        },
        3,
    )
    .await;
    assert_eq!(paged, all);

    let iip = all_observations(
        &store,
        &ObservationFilter {
            indicators: vec!["iip".into()],
            ..ObservationFilter::default()
        },
    )
    .await;
    assert_eq!(iip.len(), 4);
    let exports = ObservationFilter {
        indicators: vec!["exports".into(), "budget_revenue".into()],
        statuses: vec![ObservationStatus::Estimate],
        ..ObservationFilter::default()
    };
    assert_eq!(all_observations(&store, &exports).await.len(), 12);
    let actual = ObservationFilter {
        statuses: vec![ObservationStatus::Actual],
        ..ObservationFilter::default()
    };
    assert!(all_observations(&store, &actual).await.is_empty());
    // Without an indicator or an issuer, a filter on the observations' own
    // columns (status, period) pages the same as it lists at once.
    let paged_by = |f: ObservationFilter, size: u32| {
        let store = store.clone();
        async move {
            all_pages(
                |p| {
                    let (store, f) = (store.clone(), f.clone());
                    async move { store.list_observations(&f, &p).await }
                },
                size,
            )
            .await
        }
    };
    let estimates = ObservationFilter {
        statuses: vec![ObservationStatus::Estimate],
        ..ObservationFilter::default()
    };
    let want: Vec<ReportObservation> = all
        .iter()
        .filter(|o| o.observation.status == ObservationStatus::Estimate)
        .cloned()
        .collect();
    assert!(!want.is_empty());
    assert_eq!(paged_by(estimates.clone(), 5).await, want);
    assert_eq!(paged_by(estimates, 1000).await, want);
    let in_march = ObservationFilter {
        period: DateRange {
            start: Some(d(2024, 3, 1)),
            end: Some(d(2024, 3, 31)),
        },
        ..ObservationFilter::default()
    };
    let march_all = paged_by(in_march.clone(), 1000).await;
    assert!(march_all.len() >= 4, "{}", march_all.len());
    assert_eq!(paged_by(in_march, 2).await, march_all);
    let march = ObservationFilter {
        indicators: vec!["iip".into()],
        period: DateRange {
            start: Some(d(2024, 3, 1)),
            end: Some(d(2024, 3, 31)),
        },
        ..ObservationFilter::default()
    };
    let got = all_observations(&store, &march).await;
    assert_eq!(got.len(), 1);
    assert_eq!(
        got[0].observation.period.as_ref().unwrap().start,
        d(2024, 3, 1)
    );
    // Year-to-date figures of months 3 and 4 overlap March.
    let ytd = ObservationFilter {
        indicators: vec!["exports".into()],
        period: march.period,
        ..ObservationFilter::default()
    };
    assert_eq!(all_observations(&store, &ytd).await.len(), 4);
    let elsewhere = ObservationFilter {
        issuer: Some(LUC_NAM.into()),
        ..ObservationFilter::default()
    };
    assert!(all_observations(&store, &elsewhere).await.is_empty());
}

pub async fn series_keeps_revisions(store: AnyStore, _url: String) {
    let may = Spec::new(5).tag("may").iip(10.0);
    let june = Spec::new(6).tag("june").iip(12.0).iip_previous(10.5);
    let may_id = ingest(&store, &may, "m-may").await;
    let june_id = ingest(&store, &june, "m-june").await;

    let q = SeriesQuery {
        indicator: "iip".into(),
        issuer: "ubnd tỉnh bắc giang".into(),
        ..SeriesQuery::default()
    };
    let s = store.series(&q).await.unwrap();
    assert_eq!(s.points.len(), 2);
    let (p5, p6) = (&s.points[0], &s.points[1]);
    assert_eq!(p5.period.start, d(2024, 5, 1));
    assert_eq!(p5.latest.report_id, june_id);
    assert_eq!(iip(&p5.latest), 10.5);
    assert_eq!(p5.revisions.len(), 1);
    assert_eq!(p5.revisions[0].report_id, may_id);
    assert_eq!(iip(&p5.revisions[0]), 10.0);
    assert_eq!(p6.period.start, d(2024, 6, 1));
    assert_eq!(iip(&p6.latest), 12.0);
    assert!(p6.revisions.is_empty());

    // A corrected May report supersedes the first; the June report still
    // states May last, and both May reports are revisions, newest first.
    let corrected = Spec::new(5)
        .tag("may-corrected")
        .issued_day(Some(20))
        .iip(10.2);
    let corrected_id = ingest(&store, &corrected, "m-may-2").await;
    let s = store.series(&q).await.unwrap();
    let p5 = &s.points[0];
    assert_eq!(p5.latest.report_id, june_id);
    let revs: Vec<(&str, f64)> = p5
        .revisions
        .iter()
        .map(|r| (r.report_id.as_str(), iip(r)))
        .collect();
    assert_eq!(
        revs,
        vec![(corrected_id.as_str(), 10.2), (may_id.as_str(), 10.0)]
    );

    // Filters.
    let only_june = SeriesQuery {
        period: DateRange {
            start: Some(d(2024, 6, 1)),
            end: None,
        },
        ..q.clone()
    };
    assert_eq!(store.series(&only_june).await.unwrap().points.len(), 1);
    let ytd = SeriesQuery {
        period_kind: Some(PeriodKind::YearToDate),
        ..q.clone()
    };
    assert!(store.series(&ytd).await.unwrap().points.is_empty());
    let state_sector = SeriesQuery {
        indicator: "exports".into(),
        breakdown: "khu vực kinh tế NHÀ NƯỚC".into(),
        ..q.clone()
    };
    let s = store.series(&state_sector).await.unwrap();
    assert_eq!(s.points.len(), 2, "year to date May and June");
    assert_eq!(
        s.points[0].latest.observation.breakdown,
        "Khu vực kinh tế nhà nước"
    );
    let e = store
        .series(&SeriesQuery {
            indicator: String::new(),
            ..q
        })
        .await
        .unwrap_err();
    assert!(matches!(
        e,
        StoreError::InvalidArgument {
            field: "indicator",
            ..
        }
    ));
}

pub async fn indicator_counts_follow_current_reports(store: AnyStore, _url: String) {
    assert!(store.indicator_counts(None).await.unwrap().is_empty());
    ingest(&store, &Spec::new(5), "m-5").await;
    ingest(&store, &Spec::new(6).iip_previous(1.0), "m-6").await;
    let counts = store.indicator_counts(None).await.unwrap();
    let want = [("budget_revenue", 2), ("exports", 4), ("iip", 3)];
    assert_eq!(
        counts
            .iter()
            .map(|(k, v)| (k.as_str(), *v))
            .collect::<Vec<_>>(),
        want
    );
    // A replacement for June without the restated May figure.
    ingest(&store, &Spec::new(6).tag("v2").issued_day(Some(25)), "m-6b").await;
    let counts = store.indicator_counts(Some(BAC_GIANG)).await.unwrap();
    assert_eq!(counts.get("iip"), Some(&2));
    assert!(
        store
            .indicator_counts(Some(LUC_NAM))
            .await
            .unwrap()
            .is_empty()
    );
}

pub async fn list_tasks_filters(store: AnyStore, _url: String) {
    let june_plan = ingest(&store, &Spec::new(5), "m-5").await;
    let july_plan = ingest(&store, &Spec::new(6), "m-6").await;
    let all = all_tasks(&store, &TaskFilter::default()).await;
    let order: Vec<(&str, u32)> = all
        .iter()
        .map(|t| (t.report_id.as_str(), t.task.ordinal))
        .collect();
    assert_eq!(
        order,
        vec![
            (july_plan.as_str(), 1),
            (july_plan.as_str(), 2),
            (july_plan.as_str(), 3),
            (june_plan.as_str(), 1),
            (june_plan.as_str(), 2),
            (june_plan.as_str(), 3),
        ]
    );
    assert_eq!(
        all[0].planning_period.as_ref().unwrap().start,
        d(2024, 7, 1)
    );
    assert_eq!(all[0].document_number, "106/BC-UBND");

    let paged: Vec<ReportTask> = all_pages(
        |p| {
            let store = store.clone();
            async move { store.list_tasks(&TaskFilter::default(), &p).await }
        },
        2,
    )
    .await;
    assert_eq!(paged, all);

    let count = |f: TaskFilter| {
        let store = store.clone();
        async move { all_tasks(&store, &f).await.len() }
    };
    let f = TaskFilter::default;
    assert_eq!(
        count(TaskFilter {
            topic: Some("education".into()),
            ..f()
        })
        .await,
        2
    );
    assert_eq!(
        count(TaskFilter {
            topic: Some("investment".into()),
            ..f()
        })
        .await,
        4
    );
    assert_eq!(
        count(TaskFilter {
            document_number: Some("65/NQ-CP".into()),
            ..f()
        })
        .await,
        2
    );
    assert_eq!(
        count(TaskFilter {
            document_number: Some("65/nq-cp".into()),
            ..f()
        })
        .await,
        2
    );
    assert_eq!(
        count(TaskFilter {
            document_number: Some("02/KH".into()),
            ..f()
        })
        .await,
        0,
        "document numbers match whole"
    );
    assert_eq!(
        count(TaskFilter {
            text: Some("giai ngan von".into()),
            ..f()
        })
        .await,
        2
    );
    assert_eq!(
        count(TaskFilter {
            text: Some("GIẢI NGÂN".into()),
            ..f()
        })
        .await,
        2
    );
    assert_eq!(
        count(TaskFilter {
            text: Some("ngân giải".into()),
            ..f()
        })
        .await,
        2
    );
    assert_eq!(
        count(TaskFilter {
            text: Some("ngan hang".into()),
            ..f()
        })
        .await,
        0
    );
    assert_eq!(
        count(TaskFilter {
            text: Some("gia".into()),
            ..f()
        })
        .await,
        0,
        "whole words"
    );
    assert_eq!(
        count(TaskFilter {
            period: DateRange {
                start: Some(d(2024, 7, 1)),
                end: None
            },
            ..f()
        })
        .await,
        3
    );
    assert_eq!(
        count(TaskFilter {
            issuer: Some(LUC_NAM.into()),
            ..f()
        })
        .await,
        0
    );
    assert_eq!(
        count(TaskFilter {
            topic: Some("investment".into()),
            text: Some("nghị quyết".into()),
            document_number: Some("19-CT/TU".into()),
            ..f()
        })
        .await,
        2
    );
}

pub async fn get_task_by_ordinal(store: AnyStore, _url: String) {
    let id = ingest(&store, &Spec::new(5), "m-5").await;
    let t = store.get_task(&id, 2).await.unwrap();
    assert_eq!(t.report_id, id);
    assert_eq!(t.issuer, BAC_GIANG);
    assert_eq!(t.task.ordinal, 2);
    assert!(t.task.text.contains("65/NQ-CP"));
    assert_eq!(t.task.topics, vec!["industry", "investment"]);
    assert_eq!(t.planning_period.unwrap().start, d(2024, 6, 1));
    let report = Spec::new(5).report();
    assert_eq!(t.task, report.tasks[1]);
}

pub async fn search_ignores_diacritics_and_tone_placement(store: AnyStore, _url: String) {
    let id = ingest(&store, &Spec::new(5), "m-5").await;
    let full = store.get_report(&id, ReportView::Full).await.unwrap();
    let hits = search(&store, "giai ngan").await;
    assert_eq!(hits.len(), 2, "{hits:#?}");
    let section = hits.iter().find(|h| h.kind == HitKind::Section).unwrap();
    assert_eq!(section.section_number, "2");
    assert_eq!(section.section_path, "I/2");
    assert!(
        section.snippet.contains("Giải ngân vốn đầu tư công"),
        "{}",
        section.snippet
    );
    let task = hits.iter().find(|h| h.kind == HitKind::Task).unwrap();
    assert_eq!(task.section_number, "II");
    assert!(task.snippet.contains("giải ngân"));
    for h in &hits {
        assert_eq!(h.report_id, id);
        assert_eq!(h.metadata.issuer, BAC_GIANG);
        assert_eq!(
            h.span.slice(&full.normalized_text),
            Some(h.snippet.as_str())
        );
        let words: Vec<String> = h
            .highlights
            .iter()
            .map(|s| fold(s.slice(&h.snippet).unwrap()))
            .collect();
        // "ngân sách" has the word too.
        assert!(words.contains(&"giai".to_owned()), "{words:?}");
        assert!(
            words.iter().all(|w| w == "giai" || w == "ngan"),
            "{words:?}"
        );
        assert!(h.score.is_finite());
    }
    for q in ["giải ngân", "GIẢI NGÂN", "Giai Ngân"] {
        assert_eq!(search(&store, q).await.len(), 2, "{q}");
    }
    // The text has "thuỷ sản"; either placement of the mark finds it.
    for q in ["thủy sản", "thuỷ sản", "THUY SAN"] {
        let hits = search(&store, q).await;
        assert_eq!(hits.len(), 1, "{q}");
        assert_eq!(hits[0].section_number, "3");
        assert!(hits[0].snippet.contains("thuỷ sản"));
    }
    let hits = search(&store, "dệt may").await;
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].kind, HitKind::Footnote);
    assert_eq!(hits[0].section_number, "1");
    assert!(search(&store, "ngan hang nha nuoc").await.is_empty());
    for q in ["", "  ", "!!!"] {
        let e = store
            .search(
                &SearchQuery {
                    query: q.into(),
                    ..SearchQuery::default()
                },
                &PageRequest::default(),
            )
            .await
            .unwrap_err();
        assert!(
            matches!(e, StoreError::InvalidArgument { field: "query", .. }),
            "{q}: {e}"
        );
    }
}

pub async fn search_filters_and_pages(store: AnyStore, _url: String) {
    for m in 1..=6 {
        ingest(&store, &Spec::new(m), &format!("bg-{m}")).await;
    }
    for m in 1..=2 {
        let s = Spec::new(m)
            .issuer(LUC_NAM)
            .department("ubnd-luc-nam")
            .tag(format!("ln{m}"));
        ingest(&store, &s, &format!("ln-{m}")).await;
    }
    let q = SearchQuery {
        query: "giai ngan".into(),
        ..SearchQuery::default()
    };
    let paged: Vec<SearchHit> = all_pages(
        |p| {
            let store = store.clone();
            let q = q.clone();
            async move { store.search(&q, &p).await }
        },
        3,
    )
    .await;
    assert_eq!(paged.len(), 16);
    let distinct: HashSet<(String, u32)> = paged
        .iter()
        .map(|h| (h.report_id.clone(), h.span.start))
        .collect();
    assert_eq!(distinct.len(), 16);
    let count = |q: SearchQuery| {
        let store = store.clone();
        async move {
            store
                .search(&q, &PageRequest::first(100))
                .await
                .unwrap()
                .items
                .len()
        }
    };
    assert_eq!(
        count(SearchQuery {
            issuer: Some("ubnd huyện lục nam".into()),
            ..q.clone()
        })
        .await,
        4
    );
    assert_eq!(
        count(SearchQuery {
            department: Some("so-khdt".into()),
            ..q.clone()
        })
        .await,
        12
    );
    assert_eq!(
        count(SearchQuery {
            period: DateRange {
                start: Some(d(2024, 2, 1)),
                end: Some(d(2024, 2, 29)),
            },
            ..q.clone()
        })
        .await,
        4
    );
}

pub async fn reparse_replaces_parse_results(store: AnyStore, _url: String) {
    let old5 = Spec::new(5).parser_version("baocao-parser/0.0.1");
    let old6 = Spec::new(6).parser_version("baocao-parser/0.0.1");
    let cur7 = Spec::new(7);
    let a = ingest(&store, &old5, "m-5").await;
    let b = ingest(&store, &old6, "m-6").await;
    ingest(&store, &cur7, "m-7").await;

    let stale = store.stale_reports(PARSER, None, 10).await.unwrap();
    let got: Vec<(&str, &str, &str)> = stale
        .iter()
        .map(|s| {
            (
                s.report_id.as_str(),
                s.message_id.as_str(),
                s.parser_version.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (a.as_str(), "m-5", "baocao-parser/0.0.1"),
            (b.as_str(), "m-6", "baocao-parser/0.0.1")
        ]
    );
    let rest = store.stale_reports(PARSER, Some(&a), 10).await.unwrap();
    assert_eq!(rest.len(), 1);
    assert_eq!(rest[0].report_id, b);

    let raw = store.raw_upload(&a).await.unwrap();
    assert_eq!(raw.bytes, old5.raw());
    // The "new parser" reads a different figure.
    let reparsed = Spec::new(5).iip(99.0).report();
    store.replace_report(&a, &reparsed).await.unwrap();
    let got = store.get_report(&a, ReportView::Full).await.unwrap();
    assert_eq!(got, expected(&reparsed, &a, got.source.clone().unwrap()));
    assert_eq!(got.source.unwrap().message_id, "m-5");
    assert_eq!(
        store.stale_reports(PARSER, None, 10).await.unwrap().len(),
        1
    );
    let obs = all_observations(
        &store,
        &ObservationFilter {
            indicators: vec!["iip".into()],
            ..ObservationFilter::default()
        },
    )
    .await;
    let of_a: Vec<f64> = obs.iter().filter(|o| o.report_id == a).map(iip).collect();
    assert_eq!(of_a, vec![99.0]);
    // The old passages left the index with the old rows.
    let hits = search(&store, "giai ngan").await;
    assert_eq!(hits.iter().filter(|h| h.report_id == a).count(), 2);
    assert_eq!(all_tasks(&store, &TaskFilter::default()).await.len(), 9);

    // A reparse that finds the report is on another month moves it there,
    // where, issued later, it supersedes the report of that month.
    let c = store
        .stale_reports("none", Some(&b), 10)
        .await
        .unwrap()
        .pop()
        .unwrap()
        .report_id;
    let july_late = Spec::new(7).tag("moved").issued_day(Some(28)).report();
    store.replace_report(&b, &july_late).await.unwrap();
    let mut current: Vec<String> = all_reports(&store, &ReportFilter::default())
        .await
        .into_iter()
        .map(|r| r.id)
        .collect();
    current.sort();
    let mut want = vec![a.clone(), b.clone()];
    want.sort();
    assert_eq!(current, want, "b replaced c in July; June has none");
    assert!(store.get_report(&c, ReportView::Basic).await.is_ok());
    // Moved onto July too but issued earlier, a is superseded there.
    let july_early = Spec::new(7).tag("early").issued_day(Some(1)).report();
    store.replace_report(&a, &july_early).await.unwrap();
    let current = all_reports(&store, &ReportFilter::default()).await;
    assert_eq!(ids(&current), vec![b.as_str()]);
}

async fn race(store: &AnyStore, writers: Vec<(Spec, String)>) -> Vec<Recorded> {
    let barrier = Arc::new(tokio::sync::Barrier::new(writers.len()));
    let handles: Vec<_> = writers
        .into_iter()
        .map(|(spec, mid)| {
            let store = store.clone();
            let barrier = barrier.clone();
            tokio::spawn(async move {
                let (raw, source, report) = (spec.raw(), spec.source(&mid), spec.report());
                barrier.wait().await;
                store.record_ingestion(&raw, &source, &report).await
            })
        })
        .collect();
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.unwrap().unwrap());
    }
    out
}

/// The report id of the one writer that stored its report; fails unless
/// exactly one did.
#[track_caller]
fn the_one_parsed(outcomes: &[Recorded]) -> &String {
    let parsed: Vec<&String> = outcomes
        .iter()
        .filter_map(|r| match r {
            Recorded::Parsed { report_id } => Some(report_id),
            _ => None,
        })
        .collect();
    assert_eq!(
        parsed.len(),
        1,
        "exactly one writer stores it: {outcomes:?}"
    );
    parsed[0]
}

pub async fn concurrent_writers_of_one_message_store_it_once(store: AnyStore, _url: String) {
    let spec = Spec::new(5);
    for round in 0..3 {
        let mid = format!("m-race-{round}");
        let spec = spec.clone().tag(format!("r{round}"));
        let outcomes = race(&store, vec![(spec.clone(), mid.clone()); 8]).await;
        let parsed = the_one_parsed(&outcomes);
        for r in &outcomes {
            if let Recorded::Duplicate { first } = r {
                assert_eq!(&first.report_id, parsed);
                assert_eq!(first.message_id, mid);
            }
        }
    }
    assert_eq!(count_all(&store).await, 3);
}

/// Writers racing with the same bytes under new message ids, after a
/// rejection of those bytes: exactly one parses them, the others are its
/// duplicates.
pub async fn writers_of_content_rejected_before_parse_it_once(store: AnyStore, _url: String) {
    let spec = Spec::new(5);
    store
        .record_rejection(&spec.raw(), &spec.source("m-0"), REASON)
        .await
        .unwrap();
    let racers = (1..=8).map(|i| (spec.clone(), format!("m-{i}"))).collect();
    let outcomes = race(&store, racers).await;
    let parsed = the_one_parsed(&outcomes);
    for r in &outcomes {
        match r {
            Recorded::Parsed { .. } => {}
            Recorded::Duplicate { first } => {
                assert_eq!(&first.report_id, parsed);
                assert_eq!(first.status, IngestionStatus::Parsed);
            }
            other => panic!("unexpected outcome {other:?}"),
        }
    }
    assert_eq!(count_all(&store).await, 1);
}

pub async fn concurrent_writers_of_one_message_with_different_content(
    store: AnyStore,
    _url: String,
) {
    let a = Spec::new(5).tag("content-a");
    let b = Spec::new(5).tag("content-b");
    let outcomes = race(
        &store,
        vec![(a.clone(), "m-same".into()), (b.clone(), "m-same".into())],
    )
    .await;
    let parsed = outcomes
        .iter()
        .filter(|r| matches!(r, Recorded::Parsed { .. }))
        .count();
    assert_eq!(parsed, 1, "{outcomes:?}");
    assert_eq!(count_all(&store).await, 1);
    // The loser's bytes were not kept: under a new message id they are new.
    let stored = store.upload("m-same").await.unwrap().bytes;
    let loser = if stored == a.raw() { b } else { a };
    let r = store
        .record_ingestion(&loser.raw(), &loser.source("m-retry"), &loser.report())
        .await
        .unwrap();
    assert!(matches!(r, Recorded::Parsed { .. }), "{r:?}");
}

pub async fn many_concurrent_ingests_are_all_stored(store: AnyStore, _url: String) {
    let writers: Vec<(Spec, String)> = (0..50)
        .map(|i| {
            let spec = Spec::new(1 + i % 12)
                .issuer(&format!("UBND huyện số {i}"))
                .tag(format!("n{i}"));
            (spec, format!("m-{i}"))
        })
        .collect();
    let outcomes = race(&store, writers).await;
    let ids: HashSet<String> = outcomes
        .into_iter()
        .map(|r| match r {
            Recorded::Parsed { report_id } => report_id,
            other => panic!("expected Parsed, got {other:?}"),
        })
        .collect();
    assert_eq!(ids.len(), 50);
    let listed = all_reports(&store, &ReportFilter::default()).await;
    assert_eq!(listed.len(), 50);
    assert_eq!(search(&store, "giai ngan").await.len(), 100);
}

pub async fn migrations_are_idempotent(store: AnyStore, url: String) {
    let id = ingest(&store, &Spec::new(5), "m-5").await;
    let p = store
        .list_reports(
            &ReportFilter::default(),
            ReportView::Basic,
            &PageRequest::first(1),
        )
        .await
        .unwrap();
    assert!(p.next_token.is_none());
    let again = connect(&url)
        .await
        .expect("connecting again migrates nothing");
    assert_eq!(
        again.get_report(&id, ReportView::Basic).await.unwrap().id,
        id
    );
    // A second connection accepts the first one's page tokens.
    ingest(&store, &Spec::new(6), "m-6").await;
    let p = store
        .list_reports(
            &ReportFilter::default(),
            ReportView::Basic,
            &PageRequest::first(1),
        )
        .await
        .unwrap();
    let next = again
        .list_reports(
            &ReportFilter::default(),
            ReportView::Basic,
            &PageRequest::next(1, p.next_token.unwrap()),
        )
        .await
        .unwrap();
    assert_eq!(next.items[0].id, id);
    again.close().await;
}

/// A number written alone is told from another type's by `document_type`;
/// a law cited by name is found by its type. Rows stored before the types
/// were kept (migration 0004) are filled when the store next opens.
pub async fn tasks_by_document_type(store: AnyStore, url: String) {
    let spec = Spec::new(5);
    let mut report = spec.report();
    let span = report.tasks[0].span;
    let cite = |number: &str, doc_type: &str, raw: &str| baocao_domain::DocumentRef {
        number: number.into(),
        doc_type: doc_type.into(),
        issuer: String::new(),
        issued_on: None,
        raw: raw.into(),
        span,
    };
    // Task 1: "Chỉ thị số 11"; task 3: "Nghị quyết số 11" and "Luật Đất đai".
    report.tasks[0]
        .document_references
        .push(cite("11", "CT", "Chỉ thị số 11"));
    report.tasks[2]
        .document_references
        .push(cite("11", "NQ", "Nghị quyết số 11"));
    report.tasks[2]
        .document_references
        .push(cite("", "LUAT", "Luật Đất đai"));
    let r = store
        .record_ingestion(&spec.raw(), &spec.source("m-types"), &report)
        .await
        .unwrap();
    assert!(matches!(r, Recorded::Parsed { .. }), "{r:?}");

    let ordinals = |store: AnyStore, number: &'static str, kind: &'static str| async move {
        let f = TaskFilter {
            document_number: (!number.is_empty()).then(|| number.to_owned()),
            document_type: (!kind.is_empty()).then(|| kind.to_owned()),
            ..TaskFilter::default()
        };
        let mut o: Vec<u32> = all_tasks(&store, &f)
            .await
            .iter()
            .map(|t| t.task.ordinal)
            .collect();
        o.sort_unstable();
        o
    };
    let expect = [
        ("11", "", vec![1, 3]),
        ("11", "CT", vec![1]),
        ("11", "ct", vec![1]),
        ("11", "NQ", vec![3]),
        ("11", "QĐ", vec![]),
        // One cited document has both: task 2 cites 65/NQ-CP and a CT.
        ("65/NQ-CP", "CT", vec![]),
        ("65/NQ-CP", "NQ", vec![2]),
        ("", "NQ", vec![2, 3]),
        ("", "LUAT", vec![3]),
        ("", "luật", vec![3]),
        ("", "kh", vec![1]),
        ("19-CT/TU", "ct", vec![2]),
    ];
    for (number, kind, want) in &expect {
        assert_eq!(
            ordinals(store.clone(), number, kind).await,
            *want,
            "number {number:?}, type {kind:?}"
        );
    }

    // Back to the schema of before migration 0004, rows as that store
    // wrote them (no type; no row for a document cited by name only), and
    // the migration forgotten: opening again migrates and fills.
    let sqlite = [
        "CREATE TABLE old_documents (report_id INTEGER NOT NULL, position INTEGER NOT NULL, \
         number_key TEXT NOT NULL, PRIMARY KEY (number_key, report_id, position), \
         FOREIGN KEY (report_id, position) REFERENCES tasks (report_id, position) ON DELETE CASCADE)",
        "INSERT INTO old_documents SELECT DISTINCT report_id, position, number_key \
         FROM task_documents WHERE number_key <> ''",
        "DROP TABLE task_documents",
        "ALTER TABLE old_documents RENAME TO task_documents",
        "CREATE INDEX task_documents_by_task ON task_documents (report_id, position)",
        "DELETE FROM _sqlx_migrations WHERE version = 4",
    ];
    let postgres = [
        "DELETE FROM task_documents WHERE number_key = ''",
        "ALTER TABLE task_documents DROP CONSTRAINT task_documents_pkey",
        "ALTER TABLE task_documents DROP COLUMN type_key",
        "ALTER TABLE task_documents ADD PRIMARY KEY (number_key, report_id, position)",
        "DELETE FROM _sqlx_migrations WHERE version = 4",
    ];
    store.close().await;
    if url.starts_with("postgres") {
        raw_sql(&url, &postgres).await;
    } else {
        raw_sql(&url, &sqlite).await;
    }
    let again = connect(&url)
        .await
        .expect("opening migrates and fills the types");
    for (number, kind, want) in &expect {
        assert_eq!(
            ordinals(again.clone(), number, kind).await,
            *want,
            "after the fill: number {number:?}, type {kind:?}"
        );
    }
    let pending: i64 = raw_count(
        &url,
        "SELECT COUNT(*) FROM store_meta WHERE key = 'fill_task_document_types'",
    )
    .await;
    assert_eq!(pending, 0, "the fill is done once");
    again.close().await;
}

/// Runs statements on the test database behind the store's back.
async fn raw_sql(url: &str, statements: &[&'static str]) {
    use sqlx::{Connection, Executor};
    if url.starts_with("postgres") {
        let mut c = sqlx::PgConnection::connect(url).await.unwrap();
        for s in statements {
            c.execute(*s).await.unwrap();
        }
    } else {
        let mut c = sqlx::SqliteConnection::connect(url).await.unwrap();
        for s in statements {
            c.execute(*s).await.unwrap();
        }
    }
}

async fn raw_count(url: &str, query: &'static str) -> i64 {
    use sqlx::Connection;
    if url.starts_with("postgres") {
        let mut c = sqlx::PgConnection::connect(url).await.unwrap();
        sqlx::query_scalar(query).fetch_one(&mut c).await.unwrap()
    } else {
        let mut c = sqlx::SqliteConnection::connect(url).await.unwrap();
        sqlx::query_scalar(query).fetch_one(&mut c).await.unwrap()
    }
}
