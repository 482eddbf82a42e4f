//! The read API over real reports: every RPC, every filter, pagination to
//! the end, and the errors a client can make. One server per backend runs
//! all of these in turn (seeding is the slow part).

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use baocao_domain::text::{fold, match_key};
use baocao_proto::pb;
use baocao_store::{ObservationFilter, Store};
use tonic::{Code, Request, Status};
use tonic_types::StatusExt;

use crate::fixtures::{
    BAC_GIANG, DUPLICATE_MESSAGE, REJECTED_MESSAGE, REJECTED_REASON, Seeded, uploads,
};
use crate::harness::{Kind, READER, Server, TestDb, settings};

/// Pages through a listing to its end: (items, pages).
macro_rules! all_pages {
    ($client:expr, $method:ident, $req:expr, $items:ident) => {{
        let mut client = $client.clone();
        let mut req = $req;
        let mut out = Vec::new();
        let mut pages = 0usize;
        loop {
            let resp = client
                .$method(req.clone())
                .await
                .unwrap_or_else(|e| panic!("{} page {pages}: {e:?}", stringify!($method)))
                .into_inner();
            if req.page_size > 0 {
                assert!(resp.$items.len() <= req.page_size as usize);
            }
            out.extend(resp.$items);
            pages += 1;
            if resp.next_page_token.is_empty() {
                break;
            }
            assert!(pages < 5000, "endless pages");
            req.page_token = resp.next_page_token;
        }
        (out, pages)
    }};
}

/// INVALID_ARGUMENT naming `field` in the message and in a BadRequest
/// detail.
pub fn assert_invalid(s: &Status, field: &str) {
    assert_eq!(s.code(), Code::InvalidArgument, "{s:?}");
    assert!(
        s.message().contains(field),
        "{field} not in {:?}",
        s.message()
    );
    let details = s.get_error_details();
    let bad = details
        .bad_request()
        .expect("a google.rpc.BadRequest detail");
    assert!(
        bad.field_violations.iter().any(|v| v.field == field),
        "{field} not in {:?}",
        bad.field_violations
    );
}

pub struct Ctx {
    pub server: Arc<Server>,
    pub seeded: Seeded,
}

/// Default page 20, maximum 100: small enough that the seed needs pages.
pub const DEFAULT_PAGE: usize = 20;
pub const MAX_PAGE: usize = 100;

pub async fn suite(kind: Kind) {
    let Some(db) = TestDb::create(kind, crate::harness::SUITE).await else {
        return;
    };
    let store = baocao_store::connect(db.url()).await.expect("connect");
    let seeded = crate::fixtures::seed(&store).await;
    let mut s = settings();
    s.grpc.default_page_size = DEFAULT_PAGE as u32;
    s.grpc.max_page_size = MAX_PAGE as u32;
    let server = Server::start_on(store, Some(db), s).await;
    crate::harness::with_server(Some(server), move |server| async move {
        let ctx = Ctx { server, seeded };
        get_report(&ctx).await;
        list_reports(&ctx).await;
        get_ingestion(&ctx).await;
        search_reports(&ctx).await;
        list_indicators(&ctx).await;
        list_observations(&ctx).await;
        get_series(&ctx).await;
        list_tasks(&ctx).await;
        get_task(&ctx).await;
        page_sizes(&ctx).await;
        deadlines(&ctx).await;
        watch_without_a_broker(&ctx).await;
    })
    .await;
}

async fn get_report(ctx: &Ctx) {
    let mut c = ctx.server.reports(READER);
    let seed = &uploads()[0];
    let basic = c
        .get_report(pb::GetReportRequest {
            id: ctx.seeded.seed_id.clone(),
            view: 0,
        })
        .await
        .unwrap()
        .into_inner()
        .report
        .unwrap();
    assert_eq!(basic.id, ctx.seeded.seed_id);
    assert_eq!(basic.metadata.as_ref().unwrap().issuer, BAC_GIANG);
    let source = basic.source.as_ref().unwrap();
    assert_eq!(source.department, "so-khdt");
    assert_eq!(source.message_id, "seed-1");
    assert_eq!(source.content_sha256.len(), 64);
    assert!(basic.sections.is_empty() && basic.observations.is_empty());
    assert!(basic.normalized_text.is_empty());
    assert!(!basic.parser_version.is_empty());

    let full = c
        .get_report(pb::GetReportRequest {
            id: ctx.seeded.seed_id.clone(),
            view: pb::ReportView::Full as i32,
        })
        .await
        .unwrap()
        .into_inner()
        .report
        .unwrap();
    assert_eq!(full.sections.len(), seed.report.sections.len());
    assert_eq!(full.observations.len(), seed.report.observations.len());
    assert_eq!(full.tasks.len(), seed.report.tasks.len());
    assert_eq!(full.footnotes.len(), seed.report.footnotes.len());
    assert_eq!(full.normalized_text, seed.report.normalized_text);
    // The message is the domain report, field for field.
    let back = baocao_domain::Report::try_from(full).expect("a valid report message");
    let mut want = seed.report.clone();
    want.id = ctx.seeded.seed_id.clone();
    assert_eq!(back.observations, want.observations);
    assert_eq!(back.metadata, want.metadata);

    let e = c
        .get_report(pb::GetReportRequest {
            id: "987654321".into(),
            view: 0,
        })
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::NotFound, "{e:?}");
    assert!(e.message().contains("987654321"), "{e:?}");
    let info = e.get_error_details();
    assert_eq!(info.resource_info().unwrap().resource_name, "987654321");
    let e = c
        .get_report(pb::GetReportRequest {
            id: "not-an-id".into(),
            view: 0,
        })
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::NotFound, "{e:?}");
    let e = c
        .get_report(pb::GetReportRequest {
            id: String::new(),
            view: 0,
        })
        .await
        .unwrap_err();
    assert_invalid(&e, "id");
    let e = c
        .get_report(pb::GetReportRequest {
            id: ctx.seeded.seed_id.clone(),
            view: 9,
        })
        .await
        .unwrap_err();
    assert_invalid(&e, "view");
}

fn list_reports_request() -> pb::ListReportsRequest {
    pb::ListReportsRequest {
        page_size: 2,
        ..Default::default()
    }
}

async fn list_reports(ctx: &Ctx) {
    let c = ctx.server.reports(READER);
    let (all, pages) = all_pages!(c, list_reports, list_reports_request(), reports);
    let ids: Vec<&str> = all.iter().map(|r| r.id.as_str()).collect();
    let distinct: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(distinct.len(), ids.len(), "no report twice: {ids:?}");
    assert_eq!(
        distinct,
        ctx.seeded.ids.iter().map(String::as_str).collect(),
        "every stored report, once"
    );
    assert_eq!(pages, all.len().div_ceil(2));
    // Newest reporting period first.
    let ends: Vec<String> = all
        .iter()
        .map(|r| {
            r.metadata
                .as_ref()
                .unwrap()
                .reporting_period
                .as_ref()
                .map(|p| p.end.clone())
                .unwrap_or_default()
        })
        .collect();
    let dated: Vec<&String> = ends.iter().filter(|e| !e.is_empty()).collect();
    assert!(
        dated.windows(2).all(|w| w[0] >= w[1]),
        "newest first: {ends:?}"
    );
    assert!(
        all.iter().all(|r| r.sections.is_empty()),
        "BASIC by default"
    );

    // Issuer, ignoring case and tone placement.
    let (bg, _) = all_pages!(
        c,
        list_reports,
        pb::ListReportsRequest {
            issuer: "ubnd TỈNH bắc giang".into(),
            ..list_reports_request()
        },
        reports
    );
    let bg_ids: HashSet<&str> = bg.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        bg_ids,
        [ctx.seeded.seed_id.as_str(), ctx.seeded.june_id.as_str()]
            .into_iter()
            .collect()
    );
    // Department.
    let (ctk, _) = all_pages!(
        c,
        list_reports,
        pb::ListReportsRequest {
            department: "cuc-thong-ke".into(),
            ..list_reports_request()
        },
        reports
    );
    assert_eq!(ctk.len(), 1);
    assert_eq!(ctk[0].source.as_ref().unwrap().department, "cuc-thong-ke");
    // Period range: June 2024 only.
    let (june, _) = all_pages!(
        c,
        list_reports,
        pb::ListReportsRequest {
            period_start: "2024-06-01".into(),
            period_end: "2024-06-30".into(),
            view: pb::ReportView::Full as i32,
            ..list_reports_request()
        },
        reports
    );
    assert_eq!(
        june.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        [ctx.seeded.june_id.as_str()]
    );
    assert!(!june[0].sections.is_empty(), "FULL when asked");
    // Every filter at once.
    let (none, _) = all_pages!(
        c,
        list_reports,
        pb::ListReportsRequest {
            issuer: BAC_GIANG.into(),
            department: "cuc-thong-ke".into(),
            ..list_reports_request()
        },
        reports
    );
    assert!(none.is_empty());

    // Page tokens: tampered, truncated, from other filters.
    let mut c = c.clone();
    let first = c
        .list_reports(list_reports_request())
        .await
        .unwrap()
        .into_inner();
    let token = first.next_page_token;
    assert!(!token.is_empty());
    let mut tampered = token.clone().into_bytes();
    tampered[1] = if tampered[1] == b'A' { b'B' } else { b'A' };
    for bad in [
        String::from_utf8(tampered).unwrap(),
        token[..token.len() - 3].to_owned(),
        "garbage".to_owned(),
    ] {
        let e = c
            .list_reports(pb::ListReportsRequest {
                page_token: bad,
                ..list_reports_request()
            })
            .await
            .unwrap_err();
        assert_invalid(&e, "page_token");
    }
    let e = c
        .list_reports(pb::ListReportsRequest {
            page_token: token,
            department: "so-khdt".into(),
            ..list_reports_request()
        })
        .await
        .unwrap_err();
    assert_invalid(&e, "page_token");

    for (req, field) in [
        (
            pb::ListReportsRequest {
                period_start: "2024-13-01".into(),
                ..list_reports_request()
            },
            "period_start",
        ),
        (
            pb::ListReportsRequest {
                period_end: "31/05/2024".into(),
                ..list_reports_request()
            },
            "period_end",
        ),
        (
            pb::ListReportsRequest {
                period_start: "2024-06-01".into(),
                period_end: "2024-05-01".into(),
                ..list_reports_request()
            },
            "period_end",
        ),
        (
            pb::ListReportsRequest {
                page_size: -1,
                ..list_reports_request()
            },
            "page_size",
        ),
        (
            pb::ListReportsRequest {
                view: 42,
                ..list_reports_request()
            },
            "view",
        ),
    ] {
        let e = c.list_reports(req).await.unwrap_err();
        assert_invalid(&e, field);
    }
}

async fn get_ingestion(ctx: &Ctx) {
    let mut c = ctx.server.reports(READER);
    let get = |id: &str| pb::GetIngestionRequest {
        message_id: id.into(),
    };
    let parsed = c
        .get_ingestion(get("seed-1"))
        .await
        .unwrap()
        .into_inner()
        .ingestion
        .unwrap();
    assert_eq!(parsed.status(), pb::IngestionStatus::Parsed);
    assert_eq!(parsed.report_id, ctx.seeded.seed_id);
    assert!(parsed.received_at.is_some());
    let dup = c
        .get_ingestion(get(DUPLICATE_MESSAGE))
        .await
        .unwrap()
        .into_inner()
        .ingestion
        .unwrap();
    assert_eq!(dup.status(), pb::IngestionStatus::Duplicate);
    assert_eq!(dup.report_id, ctx.seeded.seed_id, "points at the first");
    let rejected = c
        .get_ingestion(get(REJECTED_MESSAGE))
        .await
        .unwrap()
        .into_inner()
        .ingestion
        .unwrap();
    assert_eq!(rejected.status(), pb::IngestionStatus::Rejected);
    assert_eq!(rejected.reason, REJECTED_REASON);
    assert!(rejected.report_id.is_empty());
    let e = c.get_ingestion(get("never-sent")).await.unwrap_err();
    assert_eq!(e.code(), Code::NotFound, "{e:?}");
    assert!(e.message().contains("never-sent"), "{e:?}");
    let e = c.get_ingestion(get("")).await.unwrap_err();
    assert_invalid(&e, "message_id");
}

fn search_request(query: &str) -> pb::SearchReportsRequest {
    pb::SearchReportsRequest {
        query: query.into(),
        page_size: 7,
        ..Default::default()
    }
}

async fn search_reports(ctx: &Ctx) {
    let c = ctx.server.reports(READER);
    let (hits, pages) = all_pages!(c, search_reports, search_request("giai ngan"), hits);
    assert!(!hits.is_empty(), "the reports speak of giải ngân");
    assert!(pages >= 2, "paged: {} hits", hits.len());
    for h in &hits {
        assert!(ctx.seeded.ids.contains(&h.report_id));
        assert!(h.metadata.is_some());
        assert!(!h.highlights.is_empty(), "{h:?}");
        for span in &h.highlights {
            let word = h
                .snippet
                .get(span.start as usize..span.end as usize)
                .expect("highlights are byte ranges into the snippet");
            let folded = fold(word);
            assert!(folded == "giai" || folded == "ngan", "{word:?}");
        }
    }
    let scores: Vec<f64> = hits.iter().map(|h| h.score).collect();
    let first_page = &scores[..7.min(scores.len())];
    assert!(
        first_page.windows(2).all(|w| w[0] >= w[1]),
        "best first: {first_page:?}"
    );
    // The same words with diacritics find the same places.
    let (accented, _) = all_pages!(c, search_reports, search_request("giải ngân"), hits);
    assert_eq!(accented.len(), hits.len());

    let (bg, _) = all_pages!(
        c,
        search_reports,
        pb::SearchReportsRequest {
            issuer: "UBND TỈNH BẮC GIANG".into(),
            ..search_request("giai ngan")
        },
        hits
    );
    assert!(!bg.is_empty());
    assert!(
        bg.iter()
            .all(|h| { match_key(&h.metadata.as_ref().unwrap().issuer) == match_key(BAC_GIANG) })
    );
    let (dept, _) = all_pages!(
        c,
        search_reports,
        pb::SearchReportsRequest {
            department: "cuc-thong-ke".into(),
            ..search_request("giai ngan")
        },
        hits
    );
    let ctk_id = &ctx.seeded.ids[1];
    assert!(dept.iter().all(|h| &h.report_id == ctk_id), "{dept:?}");
    let (june, _) = all_pages!(
        c,
        search_reports,
        pb::SearchReportsRequest {
            period_start: "2024-06-01".into(),
            period_end: "2024-06-30".into(),
            ..search_request("giai ngan")
        },
        hits
    );
    assert!(!june.is_empty());
    assert!(june.iter().all(|h| h.report_id == ctx.seeded.june_id));

    let mut c = c.clone();
    let e = c.search_reports(search_request("")).await.unwrap_err();
    assert_invalid(&e, "query");
    let e = c
        .search_reports(search_request("  !!! "))
        .await
        .unwrap_err();
    assert_invalid(&e, "query");
    let e = c
        .search_reports(pb::SearchReportsRequest {
            period_start: "yesterday".into(),
            ..search_request("giai ngan")
        })
        .await
        .unwrap_err();
    assert_invalid(&e, "period_start");
}

async fn list_indicators(ctx: &Ctx) {
    let c = ctx.server.indicators(READER);
    let catalog = baocao_domain::catalog();
    let (all, pages) = all_pages!(
        c,
        list_indicators,
        pb::ListIndicatorsRequest::default(),
        indicators
    );
    assert_eq!(all.len(), catalog.len());
    assert_eq!(
        pages,
        catalog.len().div_ceil(DEFAULT_PAGE),
        "default page size"
    );
    assert_eq!(
        all.iter().map(|i| i.code.as_str()).collect::<Vec<_>>(),
        catalog.iter().map(|i| i.code).collect::<Vec<_>>(),
        "catalog order"
    );
    let counts = ctx.server.store.indicator_counts(None).await.unwrap();
    for i in &all {
        assert_eq!(
            i.observation_count as u64,
            counts.get(&i.code).copied().unwrap_or(0),
            "{}",
            i.code
        );
        assert!(!i.name.is_empty() && !i.sector.is_empty() && !i.aliases.is_empty());
    }
    let iip = all.iter().find(|i| i.code == "iip").unwrap();
    assert!(iip.observation_count > 0);
    assert_eq!(iip.sector, "industry");

    let (industry, _) = all_pages!(
        c,
        list_indicators,
        pb::ListIndicatorsRequest {
            sector: "industry".into(),
            page_size: 3,
            ..Default::default()
        },
        indicators
    );
    assert!(!industry.is_empty());
    assert!(industry.iter().all(|i| i.sector == "industry"));
    assert_eq!(
        industry.len(),
        catalog
            .iter()
            .filter(|i| i.sector == baocao_domain::Sector::Industry)
            .count()
    );

    let (bg, _) = all_pages!(
        c,
        list_indicators,
        pb::ListIndicatorsRequest {
            issuer: BAC_GIANG.into(),
            ..Default::default()
        },
        indicators
    );
    let bg_counts = ctx
        .server
        .store
        .indicator_counts(Some(BAC_GIANG))
        .await
        .unwrap();
    for i in &bg {
        assert_eq!(
            i.observation_count as u64,
            bg_counts.get(&i.code).copied().unwrap_or(0)
        );
    }
    assert!(
        bg.iter().map(|i| i.observation_count).sum::<i64>()
            < all.iter().map(|i| i.observation_count).sum::<i64>()
    );

    let mut c = c.clone();
    let e = c
        .list_indicators(pb::ListIndicatorsRequest {
            sector: "astrology".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_invalid(&e, "sector");
    let first = c
        .list_indicators(pb::ListIndicatorsRequest::default())
        .await
        .unwrap()
        .into_inner();
    let e = c
        .list_indicators(pb::ListIndicatorsRequest {
            page_token: first.next_page_token.clone(),
            sector: "trade".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_invalid(&e, "page_token");
    let e = c
        .list_indicators(pb::ListIndicatorsRequest {
            page_token: format!("x{}", first.next_page_token),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_invalid(&e, "page_token");
}

fn observations_request() -> pb::ListObservationsRequest {
    pb::ListObservationsRequest {
        page_size: 100,
        ..Default::default()
    }
}

fn overlaps(p: Option<&pb::Period>, start: &str, end: &str) -> bool {
    p.is_some_and(|p| p.end.as_str() >= start && p.start.as_str() <= end)
}

async fn list_observations(ctx: &Ctx) {
    let c = ctx.server.indicators(READER);
    let (all, _) = all_pages!(c, list_observations, observations_request(), observations);
    let stored: usize = uploads().iter().map(|u| u.report.observations.len()).sum();
    assert_eq!(
        all.len(),
        stored,
        "every observation of every current report"
    );
    let keys: HashSet<(String, String, u32, u32)> = all
        .iter()
        .map(|o| {
            let span = o
                .observation
                .as_ref()
                .unwrap()
                .provenance
                .as_ref()
                .and_then(|p| p.span)
                .unwrap_or_default();
            (
                o.report_id.clone(),
                o.observation.as_ref().unwrap().label.clone(),
                span.start,
                span.end,
            )
        })
        .collect();
    assert_eq!(keys.len(), all.len(), "no observation twice across pages");
    let newest_first = all.windows(2).all(|w| {
        let end = |o: &pb::ReportObservation| {
            o.reporting_period
                .as_ref()
                .map(|p| p.end.clone())
                .unwrap_or_default()
        };
        end(&w[0]) >= end(&w[1]) || end(&w[1]).is_empty()
    });
    assert!(newest_first, "newest reporting period first");
    assert!(all.iter().all(|o| {
        let p = o.observation.as_ref().unwrap().provenance.as_ref().unwrap();
        !p.sentence.is_empty()
    }));

    // The BASIC view: the same observations, pages and tokens, without the
    // sentences (a token of one view serves the other: the view is not a
    // filter).
    let (basic, _) = all_pages!(
        c,
        list_observations,
        pb::ListObservationsRequest {
            view: pb::ObservationView::Basic as i32,
            ..observations_request()
        },
        observations
    );
    assert_eq!(basic.len(), all.len());
    for (b, f) in basic.iter().zip(&all) {
        let mut stripped = f.clone();
        let p = stripped
            .observation
            .as_mut()
            .unwrap()
            .provenance
            .as_mut()
            .unwrap();
        p.sentence.clear();
        assert_eq!(b, &stripped);
    }
    let mut c2 = c.clone();
    let first = c2
        .list_observations(observations_request())
        .await
        .unwrap()
        .into_inner();
    let next = c2
        .list_observations(pb::ListObservationsRequest {
            page_token: first.next_page_token.clone(),
            view: pb::ObservationView::Basic as i32,
            ..observations_request()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(next.observations[0], basic[first.observations.len()]);
    let e = c2
        .list_observations(pb::ListObservationsRequest {
            view: -1,
            ..observations_request()
        })
        .await
        .unwrap_err();
    assert_invalid(&e, "view");

    // Indicators.
    let (iip, _) = all_pages!(
        c,
        list_observations,
        pb::ListObservationsRequest {
            indicators: vec!["iip".into(), "exports".into()],
            ..observations_request()
        },
        observations
    );
    let want = ctx
        .server
        .store
        .indicator_counts(None)
        .await
        .unwrap()
        .iter()
        .filter(|(k, _)| *k == "iip" || *k == "exports")
        .map(|(_, v)| *v as usize)
        .sum::<usize>();
    assert_eq!(iip.len(), want);
    assert!(!iip.is_empty());
    assert!(iip.iter().all(|o| {
        let code = &o.observation.as_ref().unwrap().indicator;
        code == "iip" || code == "exports"
    }));
    // Issuer.
    let (bg, _) = all_pages!(
        c,
        list_observations,
        pb::ListObservationsRequest {
            issuer: "ubnd tỉnh bắc giang".into(),
            ..observations_request()
        },
        observations
    );
    assert_eq!(
        bg.len(),
        uploads()[0].report.observations.len() + uploads()[4].report.observations.len()
    );
    assert!(bg.iter().all(|o| o.issuer == BAC_GIANG));
    // Period range (on the observation's own period).
    let (may, _) = all_pages!(
        c,
        list_observations,
        pb::ListObservationsRequest {
            period_start: "2024-05-01".into(),
            period_end: "2024-05-31".into(),
            ..observations_request()
        },
        observations
    );
    assert!(!may.is_empty());
    assert!(may.iter().all(|o| overlaps(
        o.observation.as_ref().unwrap().period.as_ref(),
        "2024-05-01",
        "2024-05-31"
    )));
    let may_expected = all
        .iter()
        .filter(|o| {
            overlaps(
                o.observation.as_ref().unwrap().period.as_ref(),
                "2024-05-01",
                "2024-05-31",
            )
        })
        .count();
    assert_eq!(may.len(), may_expected);
    // Statuses.
    let (estimates, _) = all_pages!(
        c,
        list_observations,
        pb::ListObservationsRequest {
            statuses: vec![pb::ObservationStatus::Estimate as i32],
            ..observations_request()
        },
        observations
    );
    let estimated = all
        .iter()
        .filter(|o| o.observation.as_ref().unwrap().status() == pb::ObservationStatus::Estimate)
        .count();
    assert_eq!(estimates.len(), estimated);
    assert!(!estimates.is_empty(), "the reports estimate");
    // All filters at once, against the store's own answer.
    let (combined, _) = all_pages!(
        c,
        list_observations,
        pb::ListObservationsRequest {
            indicators: vec!["iip".into()],
            issuer: BAC_GIANG.into(),
            period_start: "2024-01-01".into(),
            period_end: "2024-12-31".into(),
            statuses: vec![
                pb::ObservationStatus::Estimate as i32,
                pb::ObservationStatus::Actual as i32
            ],
            ..observations_request()
        },
        observations
    );
    let filter = ObservationFilter {
        indicators: vec!["iip".into()],
        issuer: Some(BAC_GIANG.into()),
        period: baocao_store::DateRange {
            start: chrono::NaiveDate::from_ymd_opt(2024, 1, 1),
            end: chrono::NaiveDate::from_ymd_opt(2024, 12, 31),
        },
        statuses: vec![
            baocao_domain::ObservationStatus::Estimate,
            baocao_domain::ObservationStatus::Actual,
        ],
    };
    let direct = ctx
        .server
        .store
        .list_observations(&filter, &baocao_store::PageRequest::first(1000))
        .await
        .unwrap();
    assert_eq!(combined.len(), direct.items.len());
    assert!(!combined.is_empty());

    let mut c = c.clone();
    for (req, field) in [
        (
            pb::ListObservationsRequest {
                indicators: vec!["iip".into(), "unicorns".into()],
                ..observations_request()
            },
            "indicators[1]",
        ),
        (
            pb::ListObservationsRequest {
                statuses: vec![0],
                ..observations_request()
            },
            "statuses[0]",
        ),
        (
            pb::ListObservationsRequest {
                statuses: vec![1, 77],
                ..observations_request()
            },
            "statuses[1]",
        ),
        (
            pb::ListObservationsRequest {
                period_end: "2024-02-30".into(),
                ..observations_request()
            },
            "period_end",
        ),
    ] {
        let e = c.list_observations(req).await.unwrap_err();
        assert_invalid(&e, field);
    }
}

fn series_request() -> pb::GetSeriesRequest {
    pb::GetSeriesRequest {
        indicator: "iip".into(),
        issuer: BAC_GIANG.into(),
        ..Default::default()
    }
}

async fn get_series(ctx: &Ctx) {
    let mut c = ctx.server.indicators(READER);
    let series = c.get_series(series_request()).await.unwrap().into_inner();
    assert_eq!(series.indicator, "iip");
    assert_eq!(series.issuer, BAC_GIANG);
    assert!(!series.points.is_empty());
    let periods: Vec<(String, String)> = series
        .points
        .iter()
        .map(|p| {
            let p = p.period.as_ref().unwrap();
            (p.start.clone(), p.end.clone())
        })
        .collect();
    let mut sorted = periods.clone();
    sorted.sort();
    assert_eq!(periods, sorted, "ordered by period start, then end");
    // The June report restates the seed's figures: it is the latest, the
    // seed's are its revisions.
    for p in &series.points {
        let latest = p.latest.as_ref().unwrap();
        assert_eq!(latest.report_id, ctx.seeded.june_id, "{p:?}");
        assert!(
            p.revisions
                .iter()
                .any(|r| r.report_id == ctx.seeded.seed_id),
            "the seed's figure is kept as a revision: {p:?}"
        );
        assert_eq!(latest.observation.as_ref().unwrap().indicator, "iip");
    }
    let percent = |o: &pb::ReportObservation| {
        o.observation
            .as_ref()
            .unwrap()
            .comparisons
            .first()
            .and_then(|c| match c.change {
                Some(pb::comparison::Change::PercentChange(p)) => Some(p),
                _ => None,
            })
    };
    let revised = series.points.iter().any(|p| {
        match (
            percent(p.latest.as_ref().unwrap()),
            percent(&p.revisions[0]),
        ) {
            (Some(new), Some(old)) => (new - old - 1.0).abs() < 1e-9,
            _ => false,
        }
    });
    assert!(revised, "the revised figure is the point's value");

    // The FULL view (the default) carries each figure's sentence; BASIC
    // the same figures without it, still located by report and span.
    let sentence = |o: &pb::ReportObservation| {
        let p = o.observation.as_ref().unwrap().provenance.clone().unwrap();
        (p.sentence, p.span, p.section_number, o.report_id.clone())
    };
    assert!(
        series
            .points
            .iter()
            .all(|p| !sentence(p.latest.as_ref().unwrap()).0.is_empty())
    );
    for view in [pb::ObservationView::Basic, pb::ObservationView::Full] {
        let got = c
            .get_series(pb::GetSeriesRequest {
                view: view as i32,
                ..series_request()
            })
            .await
            .unwrap()
            .into_inner();
        if view == pb::ObservationView::Full {
            assert_eq!(got, series, "FULL is the default");
            continue;
        }
        assert_eq!(got.points.len(), series.points.len());
        for (b, f) in got.points.iter().zip(&series.points) {
            let all = |p: &pb::SeriesPoint| {
                p.latest
                    .iter()
                    .chain(&p.revisions)
                    .map(sentence)
                    .collect::<Vec<_>>()
            };
            let (basic, full) = (all(b), all(f));
            assert_eq!(basic.len(), full.len());
            for (b, f) in basic.iter().zip(&full) {
                assert!(b.0.is_empty(), "no sentence in BASIC");
                assert_eq!((&b.1, &b.2, &b.3), (&f.1, &f.2, &f.3), "still traceable");
            }
            let mut stripped = f.clone();
            for o in stripped
                .latest
                .iter_mut()
                .chain(stripped.revisions.iter_mut())
            {
                let p = o.observation.as_mut().unwrap().provenance.as_mut().unwrap();
                p.sentence.clear();
            }
            assert_eq!(b, &stripped, "nothing else left out");
        }
    }
    let e = c
        .get_series(pb::GetSeriesRequest {
            view: 7,
            ..series_request()
        })
        .await
        .unwrap_err();
    assert_invalid(&e, "view");

    // Period kind and range narrow the points.
    let months = c
        .get_series(pb::GetSeriesRequest {
            period_kind: pb::PeriodKind::Month as i32,
            ..series_request()
        })
        .await
        .unwrap()
        .into_inner();
    assert!(
        months
            .points
            .iter()
            .all(|p| p.period.as_ref().unwrap().kind() == pb::PeriodKind::Month)
    );
    let want_months = series
        .points
        .iter()
        .filter(|p| p.period.as_ref().unwrap().kind() == pb::PeriodKind::Month)
        .count();
    assert_eq!(months.points.len(), want_months);
    let ranged = c
        .get_series(pb::GetSeriesRequest {
            period_start: "2024-05-01".into(),
            period_end: "2024-05-31".into(),
            ..series_request()
        })
        .await
        .unwrap()
        .into_inner();
    assert!(
        ranged
            .points
            .iter()
            .all(|p| overlaps(p.period.as_ref(), "2024-05-01", "2024-05-31"))
    );
    // The issuer ignoring case; another issuer has no such points.
    let lower = c
        .get_series(pb::GetSeriesRequest {
            issuer: BAC_GIANG.to_lowercase(),
            ..series_request()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(lower.points.len(), series.points.len());
    let breakdown = c
        .get_series(pb::GetSeriesRequest {
            breakdown: "no such breakdown".into(),
            ..series_request()
        })
        .await
        .unwrap()
        .into_inner();
    assert!(breakdown.points.is_empty());
    assert_eq!(breakdown.breakdown, "no such breakdown");

    let e = c
        .get_series(pb::GetSeriesRequest {
            indicator: String::new(),
            ..series_request()
        })
        .await
        .unwrap_err();
    assert_invalid(&e, "indicator");
    let e = c
        .get_series(pb::GetSeriesRequest {
            issuer: " ".into(),
            ..series_request()
        })
        .await
        .unwrap_err();
    assert_invalid(&e, "issuer");
    let e = c
        .get_series(pb::GetSeriesRequest {
            indicator: "unicorns".into(),
            ..series_request()
        })
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::NotFound, "{e:?}");
    assert!(e.message().contains("unicorns") && e.message().contains("ListIndicators"));
    let e = c
        .get_series(pb::GetSeriesRequest {
            period_kind: 99,
            ..series_request()
        })
        .await
        .unwrap_err();
    assert_invalid(&e, "period_kind");
}

fn tasks_request() -> pb::ListTasksRequest {
    pb::ListTasksRequest {
        page_size: 9,
        ..Default::default()
    }
}

async fn list_tasks(ctx: &Ctx) {
    let c = ctx.server.tasks(READER);
    let (all, _) = all_pages!(c, list_tasks, tasks_request(), tasks);
    let stored: usize = uploads().iter().map(|u| u.report.tasks.len()).sum();
    assert_eq!(all.len(), stored);
    assert!(!all.is_empty());
    let keys: HashSet<(String, u32, String)> = all
        .iter()
        .map(|t| {
            let task = t.task.as_ref().unwrap();
            (t.report_id.clone(), task.ordinal, task.title.clone())
        })
        .collect();
    assert_eq!(keys.len(), all.len(), "no task twice");

    // Topic.
    let topic = all
        .iter()
        .flat_map(|t| t.task.as_ref().unwrap().topics.clone())
        .next()
        .expect("some task has a topic");
    let (by_topic, _) = all_pages!(
        c,
        list_tasks,
        pb::ListTasksRequest {
            topic: topic.clone(),
            ..tasks_request()
        },
        tasks
    );
    let want = all
        .iter()
        .filter(|t| t.task.as_ref().unwrap().topics.contains(&topic))
        .count();
    assert_eq!(by_topic.len(), want);
    // Text, ignoring diacritics.
    let (by_text, _) = all_pages!(
        c,
        list_tasks,
        pb::ListTasksRequest {
            text: "giai ngan".into(),
            ..tasks_request()
        },
        tasks
    );
    assert!(!by_text.is_empty());
    assert!(by_text.iter().all(|t| {
        let text = fold(&t.task.as_ref().unwrap().text);
        text.contains("giai") && text.contains("ngan")
    }));
    // A cited document.
    let number = all
        .iter()
        .flat_map(|t| t.task.as_ref().unwrap().document_references.clone())
        .map(|d| d.number)
        .find(|n| !n.is_empty())
        .expect("some task cites a document");
    let (by_doc, _) = all_pages!(
        c,
        list_tasks,
        pb::ListTasksRequest {
            document_number: number.clone(),
            ..tasks_request()
        },
        tasks
    );
    assert!(!by_doc.is_empty());
    assert!(by_doc.iter().all(|t| {
        t.task
            .as_ref()
            .unwrap()
            .document_references
            .iter()
            .any(|d| d.number == number)
    }));
    // A cited document's type, ignoring case, alone and with a number.
    let cited = |t: &pb::ReportTask| t.task.as_ref().unwrap().document_references.clone();
    let cites = |t: &pb::ReportTask, number: Option<&str>, kind: &str| {
        cited(t)
            .iter()
            .any(|d| number.is_none_or(|n| d.number == n) && fold(&d.doc_type) == fold(kind))
    };
    let kind = all
        .iter()
        .flat_map(cited)
        .map(|d| d.doc_type)
        .find(|k| !k.is_empty())
        .expect("some cited document has a type");
    let (by_type, _) = all_pages!(
        c,
        list_tasks,
        pb::ListTasksRequest {
            document_type: kind.to_lowercase(),
            ..tasks_request()
        },
        tasks
    );
    let want = all.iter().filter(|t| cites(t, None, &kind)).count();
    assert!(want > 0);
    assert_eq!(by_type.len(), want, "tasks citing a {kind}");
    assert!(by_type.iter().all(|t| cites(t, None, &kind)));
    let number_kind = all
        .iter()
        .flat_map(cited)
        .find(|d| d.number == number)
        .unwrap()
        .doc_type;
    for kind in [number_kind.as_str(), "TTr"] {
        let (both, _) = all_pages!(
            c,
            list_tasks,
            pb::ListTasksRequest {
                document_number: number.clone(),
                document_type: kind.into(),
                ..tasks_request()
            },
            tasks
        );
        let want = all.iter().filter(|t| cites(t, Some(&number), kind)).count();
        assert_eq!(both.len(), want, "tasks citing {kind} {number}");
    }
    // Issuer and period: the June restatement plans July.
    let (july, _) = all_pages!(
        c,
        list_tasks,
        pb::ListTasksRequest {
            issuer: BAC_GIANG.into(),
            period_start: "2024-07-01".into(),
            period_end: "2024-07-31".into(),
            ..tasks_request()
        },
        tasks
    );
    assert!(!july.is_empty());
    assert!(july.iter().all(|t| t.issuer == BAC_GIANG));
    let (bg, _) = all_pages!(
        c,
        list_tasks,
        pb::ListTasksRequest {
            issuer: BAC_GIANG.into(),
            ..tasks_request()
        },
        tasks
    );
    assert_eq!(
        bg.len(),
        uploads()[0].report.tasks.len() + uploads()[4].report.tasks.len()
    );

    let mut c = c.clone();
    let e = c
        .list_tasks(pb::ListTasksRequest {
            topic: "astrology".into(),
            ..tasks_request()
        })
        .await
        .unwrap_err();
    assert_invalid(&e, "topic");
    assert!(e.message().contains("industry"), "lists the topics: {e:?}");
}

async fn get_task(ctx: &Ctx) {
    let mut c = ctx.server.tasks(READER);
    let first = &uploads()[0].report.tasks[0];
    let got = c
        .get_task(pb::GetTaskRequest {
            report_id: ctx.seeded.seed_id.clone(),
            ordinal: first.ordinal,
        })
        .await
        .unwrap()
        .into_inner()
        .task
        .unwrap();
    assert_eq!(got.report_id, ctx.seeded.seed_id);
    assert_eq!(got.issuer, BAC_GIANG);
    assert_eq!(got.task.as_ref().unwrap().title, first.title);
    assert!(got.planning_period.is_some());
    let e = c
        .get_task(pb::GetTaskRequest {
            report_id: ctx.seeded.seed_id.clone(),
            ordinal: 9999,
        })
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::NotFound, "{e:?}");
    let e = c
        .get_task(pb::GetTaskRequest {
            report_id: ctx.seeded.seed_id.clone(),
            ordinal: 0,
        })
        .await
        .unwrap_err();
    assert_invalid(&e, "ordinal");
    let e = c
        .get_task(pb::GetTaskRequest {
            report_id: String::new(),
            ordinal: 1,
        })
        .await
        .unwrap_err();
    assert_invalid(&e, "report_id");
}

async fn page_sizes(ctx: &Ctx) {
    let mut c = ctx.server.indicators(READER);
    let default = c
        .list_observations(pb::ListObservationsRequest::default())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(default.observations.len(), DEFAULT_PAGE);
    let capped = c
        .list_observations(pb::ListObservationsRequest {
            page_size: 1_000_000,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        capped.observations.len(),
        MAX_PAGE,
        "lowered to the maximum"
    );
    assert!(!capped.next_page_token.is_empty());
}

async fn deadlines(ctx: &Ctx) {
    // A deadline the server can meet is met (`access::deadlines_end_the_work`
    // covers the ones it cannot).
    let mut c = ctx.server.indicators(READER);
    let mut req = Request::new(pb::ListObservationsRequest::default());
    req.set_timeout(Duration::from_secs(30));
    c.list_observations(req).await.unwrap();
}

async fn watch_without_a_broker(ctx: &Ctx) {
    let mut c = ctx.server.reports(READER);
    let e = c
        .watch_reports(pb::WatchReportsRequest::default())
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::FailedPrecondition, "{e:?}");
    assert!(e.message().contains("amqp.url"), "{e:?}");
}
