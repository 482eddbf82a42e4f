//! Reading: ingestions, reports, observations, tasks, counts, and what
//! reparse needs.

use std::collections::{BTreeMap, HashMap};

use baocao_domain::text::match_key;
use baocao_domain::{Ingestion, IngestionStatus, Observation, Report, Source, Task};
use chrono::{DateTime, NaiveDate, Utc};

use super::{Engine, set};
use crate::backend::{Backend, Conn, Sql};
use crate::cursor::Keyset;
use crate::error::{Result, StoreError};
use crate::rows::{
    Body, MetadataMemo, decode_metadata, parse_report_id, report_id_string, status_code,
};
use crate::types::{
    ObservationFilter, Page, PageRequest, RawUpload, ReportFilter, ReportObservation, ReportTask,
    ReportView, StaleReport, TaskFilter,
};

#[derive(sqlx::FromRow)]
struct IngestionRow {
    message_id: String,
    status: String,
    reason: String,
    received_at: DateTime<Utc>,
    report_id: Option<i64>,
}

impl IngestionRow {
    fn into_domain(self) -> Ingestion {
        Ingestion {
            status: match self.status.as_str() {
                "PARSED" => IngestionStatus::Parsed,
                "REJECTED" => IngestionStatus::Rejected,
                "DUPLICATE" => IngestionStatus::Duplicate,
                _ => IngestionStatus::Unspecified,
            },
            message_id: self.message_id,
            reason: self.reason,
            report_id: self.report_id.map(report_id_string).unwrap_or_default(),
            received_at: Some(self.received_at),
        }
    }
}

/// The report columns every view reads; `{body}` is `r.body` or `''`.
const REPORT_COLUMNS: &str = "r.id, r.metadata, r.parser_version, r.sort_start, r.sort_end, \
     i.department, i.filename, i.content_type, i.message_id, i.content_sha256, i.received_at";
const REPORT_FROM: &str = " FROM reports r JOIN ingestions i ON i.id = r.ingestion_id";

#[derive(sqlx::FromRow)]
struct ReportRow {
    id: i64,
    metadata: String,
    parser_version: String,
    sort_start: NaiveDate,
    sort_end: NaiveDate,
    department: String,
    filename: String,
    content_type: String,
    message_id: String,
    content_sha256: String,
    received_at: DateTime<Utc>,
    body: String,
}

/// A stored observation or task with its report's metadata.
#[derive(sqlx::FromRow)]
struct ItemRow {
    report_id: i64,
    position: i64,
    body: String,
    sort_start: NaiveDate,
    sort_end: NaiveDate,
    metadata: String,
}

#[derive(sqlx::FromRow)]
struct RawRow {
    bytes: Vec<u8>,
    department: String,
    filename: String,
    content_type: String,
    message_id: String,
    content_sha256: String,
    received_at: DateTime<Utc>,
}

fn report_select(view: ReportView) -> Sql {
    let mut q = Sql::build();
    q.push("SELECT ").push(REPORT_COLUMNS).push(match view {
        ReportView::Basic => ", '' AS body",
        ReportView::Full => ", r.body",
    });
    q.push(REPORT_FROM);
    q
}

/// The date bounds of a period filter on `alias.period_start/end`.
fn push_period(q: &mut Sql, alias: &str, range: &crate::types::DateRange) {
    if let Some(s) = range.start {
        q.push(" AND ").push(alias).push(".period_end >= ").param(s);
    }
    if let Some(e) = range.end {
        q.push(" AND ")
            .push(alias)
            .push(".period_start <= ")
            .param(e);
    }
}

/// Items after `k` in (period end, period start, report id) descending,
/// then position ascending.
fn push_after(q: &mut Sql, alias: &str, k: &Keyset) {
    let col = |c: &str| format!("{alias}.{c}");
    q.push(" AND ")
        .push(&col("sort_end"))
        .push(" <= ")
        .param(k.e);
    q.push(" AND (")
        .push(&col("sort_end"))
        .push(" < ")
        .param(k.e);
    q.push(" OR (")
        .push(&col("sort_end"))
        .push(" = ")
        .param(k.e);
    q.push(" AND (")
        .push(&col("sort_start"))
        .push(" < ")
        .param(k.s);
    q.push(" OR (")
        .push(&col("sort_start"))
        .push(" = ")
        .param(k.s);
    q.push(" AND (")
        .push(&col("report_id"))
        .push(" < ")
        .param(k.r);
    q.push(" OR (")
        .push(&col("report_id"))
        .push(" = ")
        .param(k.r);
    q.push(" AND ")
        .push(&col("position"))
        .push(" > ")
        .param(k.p);
    q.push("))))))");
}

fn page_of<T, K>(
    mut rows: Vec<K>,
    limit: u32,
    key: impl Fn(&K) -> Keyset,
    mut token: impl FnMut(&Keyset) -> String,
    mut item: impl FnMut(K) -> Result<T>,
) -> Result<Page<T>> {
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next_token = if more {
        rows.last().map(|r| token(&key(r)))
    } else {
        None
    };
    let items = rows
        .into_iter()
        .map(&mut item)
        .collect::<Result<Vec<_>>>()?;
    Ok(Page { items, next_token })
}

fn corrupt_json(what: String) -> impl FnOnce(serde_json::Error) -> StoreError {
    move |e| StoreError::corrupt(what, e)
}

/// The first outcome of the upload recorded under `message_id`: its own,
/// or for a DUPLICATE record the one it points at.
pub(super) async fn first_outcome<B: Backend>(
    c: &mut Conn<B>,
    message_id: &str,
) -> sqlx::Result<Option<Ingestion>> {
    let row: Option<IngestionRow> = B::fetch_optional(
        c,
        Sql::new(
            "SELECT o.message_id, o.status, o.reason, o.received_at, r.id AS report_id \
             FROM ingestions i JOIN ingestions o ON o.id = COALESCE(i.duplicate_of, i.id) \
             LEFT JOIN reports r ON r.ingestion_id = o.id WHERE i.message_id = $1",
        )
        .bind(message_id),
    )
    .await?;
    Ok(row.map(IngestionRow::into_domain))
}

impl<B: Backend> Engine<B> {
    async fn reader(&self, ctx: &str) -> Result<sqlx::pool::PoolConnection<B::Db>> {
        self.b.reader().acquire().await.map_err(StoreError::db(ctx))
    }

    pub(super) async fn ingestion_of(&self, message_id: &str) -> Result<Ingestion> {
        let ctx = format!("reading the ingestion of message {message_id}");
        let mut c = self.reader(&ctx).await?;
        let row: Option<IngestionRow> = B::fetch_optional(
            &mut c,
            Sql::new(
                "SELECT i.message_id, i.status, i.reason, i.received_at, r.id AS report_id \
                 FROM ingestions i \
                 LEFT JOIN reports r ON r.ingestion_id = COALESCE(i.duplicate_of, i.id) \
                 WHERE i.message_id = $1",
            )
            .bind(message_id),
        )
        .await
        .map_err(StoreError::db(ctx))?;
        row.map(IngestionRow::into_domain)
            .ok_or_else(|| StoreError::IngestionNotFound {
                message_id: message_id.to_owned(),
            })
    }

    pub(super) async fn report(&self, id: &str, view: ReportView) -> Result<Report> {
        let not_found = || StoreError::ReportNotFound { id: id.to_owned() };
        let rid = parse_report_id(id).ok_or_else(not_found)?;
        let ctx = format!("reading report {id}");
        let mut c = self.reader(&ctx).await?;
        let mut q = report_select(view);
        q.push(" WHERE r.id = ").param(rid);
        let row: Option<ReportRow> = B::fetch_optional(&mut c, q)
            .await
            .map_err(StoreError::db(ctx.clone()))?;
        let row = row.ok_or_else(not_found)?;
        let mut reports = assemble::<B>(&mut c, vec![row], view, &ctx).await?;
        Ok(reports.pop().expect("one row, one report"))
    }

    pub(super) async fn reports(
        &self,
        f: &ReportFilter,
        view: ReportView,
        page: &PageRequest,
    ) -> Result<Page<Report>> {
        const LISTING: &str = "reports";
        let limit = page.limit();
        let after: Option<Keyset> = page
            .token
            .as_deref()
            .map(|t| self.tokens.open(LISTING, f, t))
            .transpose()?;
        let ctx = "listing reports".to_owned();
        let mut q = report_select(view);
        q.push(" WHERE 1 = 1");
        if !f.include_superseded {
            q.push(" AND r.is_current");
        }
        if let Some(issuer) = set(&f.issuer) {
            q.push(" AND r.issuer_key = ").param(match_key(issuer));
        }
        if let Some(d) = set(&f.department) {
            q.push(" AND r.department = ").param(d);
        }
        push_period(&mut q, "r", &f.period);
        if let Some(k) = after {
            q.push(" AND (r.sort_end, r.sort_start, r.id) < (")
                .param(k.e)
                .push(", ")
                .param(k.s)
                .push(", ")
                .param(k.r)
                .push(")");
        }
        q.push(" ORDER BY r.sort_end DESC, r.sort_start DESC, r.id DESC LIMIT ")
            .param(i64::from(limit) + 1);
        let mut c = self.reader(&ctx).await?;
        let mut rows: Vec<ReportRow> = B::fetch_all(&mut c, q)
            .await
            .map_err(StoreError::db(ctx.clone()))?;
        let more = rows.len() > limit as usize;
        rows.truncate(limit as usize);
        let next_token = match (more, rows.last()) {
            (true, Some(r)) => Some(self.tokens.issue(
                LISTING,
                f,
                &Keyset {
                    e: r.sort_end,
                    s: r.sort_start,
                    r: r.id,
                    p: 0,
                },
            )),
            _ => None,
        };
        let items = assemble::<B>(&mut c, rows, view, &ctx).await?;
        Ok(Page { items, next_token })
    }

    pub(super) async fn observations(
        &self,
        f: &ObservationFilter,
        page: &PageRequest,
    ) -> Result<Page<ReportObservation>> {
        const LISTING: &str = "observations";
        let limit = page.limit();
        let after: Option<Keyset> = page
            .token
            .as_deref()
            .map(|t| self.tokens.open(LISTING, f, t))
            .transpose()?;
        let ctx = "listing observations".to_owned();
        let mut q = Sql::build();
        q.push(
            "SELECT o.report_id, o.position, o.body, o.sort_start, o.sort_end, r.metadata \
             FROM observations o JOIN reports r ON r.id = o.report_id WHERE r.is_current",
        );
        let indicators: Vec<&str> = f
            .indicators
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        if !indicators.is_empty() {
            q.push(" AND o.indicator IN (");
            for (i, code) in indicators.iter().enumerate() {
                if i > 0 {
                    q.push(", ");
                }
                q.param(*code);
            }
            q.push(")");
        }
        if let Some(issuer) = set(&f.issuer) {
            q.push(" AND o.issuer_key = ").param(match_key(issuer));
        }
        push_period(&mut q, "o", &f.period);
        if !f.statuses.is_empty() {
            q.push(" AND o.status IN (");
            for (i, s) in f.statuses.iter().enumerate() {
                if i > 0 {
                    q.push(", ");
                }
                q.param(status_code(*s));
            }
            q.push(")");
        }
        if let Some(k) = &after {
            push_after(&mut q, "o", k);
        }
        q.push(" ORDER BY o.sort_end DESC, o.sort_start DESC, o.report_id DESC, o.position LIMIT ")
            .param(i64::from(limit) + 1);
        let mut c = self.reader(&ctx).await?;
        let rows: Vec<ItemRow> = B::fetch_all(&mut c, q).await.map_err(StoreError::db(ctx))?;
        let mut memo = MetadataMemo::default();
        page_of(
            rows,
            limit,
            item_key,
            |k| self.tokens.issue(LISTING, f, k),
            |r| report_observation(r, &mut memo),
        )
    }

    pub(super) async fn counts(&self, issuer: Option<&str>) -> Result<BTreeMap<String, u64>> {
        let ctx = "counting observations".to_owned();
        let mut q = Sql::build();
        q.push(
            "SELECT o.indicator, COUNT(*) AS n FROM observations o \
             JOIN reports r ON r.id = o.report_id WHERE r.is_current AND o.indicator <> ''",
        );
        if let Some(issuer) = issuer.map(str::trim).filter(|s| !s.is_empty()) {
            q.push(" AND o.issuer_key = ").param(match_key(issuer));
        }
        q.push(" GROUP BY o.indicator");
        let mut c = self.reader(&ctx).await?;
        let rows: Vec<(String, i64)> =
            B::fetch_all(&mut c, q).await.map_err(StoreError::db(ctx))?;
        Ok(rows
            .into_iter()
            .map(|(code, n)| (code, n.max(0) as u64))
            .collect())
    }

    pub(super) async fn tasks(
        &self,
        f: &TaskFilter,
        page: &PageRequest,
    ) -> Result<Page<ReportTask>> {
        const LISTING: &str = "tasks";
        let limit = page.limit();
        let after: Option<Keyset> = page
            .token
            .as_deref()
            .map(|t| self.tokens.open(LISTING, f, t))
            .transpose()?;
        let ctx = "listing tasks".to_owned();
        let mut q = Sql::build();
        q.push(
            "SELECT t.report_id, t.position, t.body, t.sort_start, t.sort_end, r.metadata \
             FROM tasks t JOIN reports r ON r.id = t.report_id WHERE r.is_current",
        );
        if let Some(issuer) = set(&f.issuer) {
            q.push(" AND t.issuer_key = ").param(match_key(issuer));
        }
        push_period(&mut q, "t", &f.period);
        if let Some(topic) = set(&f.topic) {
            q.push(
                " AND EXISTS (SELECT 1 FROM task_topics x WHERE x.report_id = t.report_id \
                 AND x.position = t.position AND x.topic = ",
            )
            .param(topic)
            .push(")");
        }
        let number = set(&f.document_number);
        let kind = set(&f.document_type);
        if number.is_some() || kind.is_some() {
            // One cited document with both, when both are asked for.
            q.push(
                " AND EXISTS (SELECT 1 FROM task_documents x WHERE x.report_id = t.report_id \
                 AND x.position = t.position",
            );
            if let Some(number) = number {
                q.push(" AND x.number_key = ").param(match_key(number));
            }
            if let Some(kind) = kind {
                q.push(" AND x.type_key = ")
                    .param(crate::rows::type_key(kind));
            }
            q.push(")");
        }
        if let Some(text) = set(&f.text) {
            let terms = crate::search::query_terms(text);
            if terms.is_empty() {
                return Err(StoreError::invalid("text", "no words to look for"));
            }
            for term in terms {
                // Words are alphanumeric: no LIKE wildcard can be in them.
                q.push(" AND t.words LIKE ").param(format!("% {term} %"));
            }
        }
        if let Some(k) = &after {
            push_after(&mut q, "t", k);
        }
        q.push(" ORDER BY t.sort_end DESC, t.sort_start DESC, t.report_id DESC, t.position LIMIT ")
            .param(i64::from(limit) + 1);
        let mut c = self.reader(&ctx).await?;
        let rows: Vec<ItemRow> = B::fetch_all(&mut c, q).await.map_err(StoreError::db(ctx))?;
        let mut memo = MetadataMemo::default();
        page_of(
            rows,
            limit,
            item_key,
            |k| self.tokens.issue(LISTING, f, k),
            |r| report_task(r, &mut memo),
        )
    }

    pub(super) async fn task(&self, report_id: &str, ordinal: u32) -> Result<ReportTask> {
        let not_found = || StoreError::TaskNotFound {
            report_id: report_id.to_owned(),
            ordinal,
        };
        let rid = parse_report_id(report_id).ok_or_else(not_found)?;
        let ctx = format!("reading task {ordinal} of report {report_id}");
        let mut c = self.reader(&ctx).await?;
        let row: Option<ItemRow> = B::fetch_optional(
            &mut c,
            Sql::new(
                "SELECT t.report_id, t.position, t.body, t.sort_start, t.sort_end, r.metadata \
                 FROM tasks t JOIN reports r ON r.id = t.report_id \
                 WHERE t.report_id = $1 AND t.ordinal = $2 ORDER BY t.position LIMIT 1",
            )
            .bind(rid)
            .bind(i64::from(ordinal)),
        )
        .await
        .map_err(StoreError::db(ctx))?;
        report_task(row.ok_or_else(not_found)?, &mut MetadataMemo::default())
    }

    pub(super) async fn stale(
        &self,
        parser_version: &str,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<StaleReport>> {
        let after = match after {
            None => 0,
            Some(a) => parse_report_id(a)
                .ok_or_else(|| StoreError::invalid("after", format!("{a:?} is not a report id")))?,
        };
        let ctx = format!("listing reports not parsed by {parser_version}");
        let mut c = self.reader(&ctx).await?;
        let rows: Vec<(i64, String, String)> = B::fetch_all(
            &mut c,
            Sql::new(
                "SELECT r.id, i.message_id, r.parser_version FROM reports r \
                 JOIN ingestions i ON i.id = r.ingestion_id \
                 WHERE r.parser_version <> $1 AND r.id > $2 ORDER BY r.id LIMIT $3",
            )
            .bind(parser_version)
            .bind(after)
            .bind(i64::from(limit.clamp(1, 10_000))),
        )
        .await
        .map_err(StoreError::db(ctx))?;
        Ok(rows
            .into_iter()
            .map(|(id, message_id, parser_version)| StaleReport {
                report_id: report_id_string(id),
                message_id,
                parser_version,
            })
            .collect())
    }

    pub(super) async fn raw(&self, report_id: &str) -> Result<RawUpload> {
        let not_found = || StoreError::ReportNotFound {
            id: report_id.to_owned(),
        };
        let rid = parse_report_id(report_id).ok_or_else(not_found)?;
        let ctx = format!("reading the upload of report {report_id}");
        let mut c = self.reader(&ctx).await?;
        let row: Option<RawRow> = B::fetch_optional(
            &mut c,
            Sql::new(
                "SELECT u.bytes, i.department, i.filename, i.content_type, i.message_id, \
                 i.content_sha256, i.received_at FROM reports r \
                 JOIN ingestions i ON i.id = r.ingestion_id JOIN uploads u ON u.id = i.upload_id \
                 WHERE r.id = $1",
            )
            .bind(rid),
        )
        .await
        .map_err(StoreError::db(ctx))?;
        Ok(row.ok_or_else(not_found)?.into_upload())
    }

    pub(super) async fn upload_of(&self, message_id: &str) -> Result<RawUpload> {
        let ctx = format!("reading the upload of message {message_id}");
        let mut c = self.reader(&ctx).await?;
        let row: Option<RawRow> = B::fetch_optional(
            &mut c,
            Sql::new(
                "SELECT u.bytes, i.department, i.filename, i.content_type, i.message_id, \
                 i.content_sha256, i.received_at FROM ingestions i \
                 JOIN uploads u ON u.id = i.upload_id WHERE i.message_id = $1",
            )
            .bind(message_id),
        )
        .await
        .map_err(StoreError::db(ctx))?;
        row.map(RawRow::into_upload)
            .ok_or_else(|| StoreError::IngestionNotFound {
                message_id: message_id.to_owned(),
            })
    }
}

impl RawRow {
    fn into_upload(self) -> RawUpload {
        let row = self;
        RawUpload {
            bytes: row.bytes,
            source: Source {
                department: row.department,
                filename: row.filename,
                content_type: row.content_type,
                message_id: row.message_id,
                content_sha256: row.content_sha256,
                received_at: Some(row.received_at),
            },
        }
    }
}

fn item_key(r: &ItemRow) -> Keyset {
    Keyset {
        e: r.sort_end,
        s: r.sort_start,
        r: r.report_id,
        p: r.position,
    }
}

fn report_observation(r: ItemRow, memo: &mut MetadataMemo) -> Result<ReportObservation> {
    let what = || {
        format!(
            "reading observation {} of report {}",
            r.position, r.report_id
        )
    };
    let m = memo
        .get(r.report_id, &r.metadata)
        .map_err(corrupt_json(what()))?;
    let observation: Observation = serde_json::from_str(&r.body).map_err(corrupt_json(what()))?;
    Ok(ReportObservation {
        report_id: report_id_string(r.report_id),
        issuer: m.issuer.clone(),
        document_number: m.document_number.clone(),
        issued_on: m.issued_on,
        reporting_period: m.reporting_period.clone(),
        observation,
    })
}

fn report_task(r: ItemRow, memo: &mut MetadataMemo) -> Result<ReportTask> {
    let what = || format!("reading task {} of report {}", r.position, r.report_id);
    let m = memo
        .get(r.report_id, &r.metadata)
        .map_err(corrupt_json(what()))?;
    let task: Task = serde_json::from_str(&r.body).map_err(corrupt_json(what()))?;
    Ok(ReportTask {
        report_id: report_id_string(r.report_id),
        issuer: m.issuer.clone(),
        document_number: m.document_number.clone(),
        planning_period: m.planning_period.clone(),
        task,
    })
}

/// `report_id IN ($…)` over `ids`.
fn push_ids(q: &mut Sql, ids: &[i64]) {
    q.push("report_id IN (");
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            q.push(", ");
        }
        q.param(*id);
    }
    q.push(")");
}

/// Reports from their rows; for the full view with their observations and
/// tasks, read in two statements for the whole page.
async fn assemble<B: Backend>(
    c: &mut Conn<B>,
    rows: Vec<ReportRow>,
    view: ReportView,
    ctx: &str,
) -> Result<Vec<Report>> {
    let mut observations: HashMap<i64, Vec<Observation>> = HashMap::new();
    let mut tasks: HashMap<i64, Vec<Task>> = HashMap::new();
    if view == ReportView::Full && !rows.is_empty() {
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let mut q = Sql::build();
        q.push("SELECT report_id, body FROM observations WHERE ");
        push_ids(&mut q, &ids);
        q.push(" ORDER BY report_id, position");
        let obs: Vec<(i64, String)> = B::fetch_all(c, q).await.map_err(StoreError::db(ctx))?;
        for (id, body) in obs {
            let o = serde_json::from_str(&body).map_err(corrupt_json(format!(
                "reading the observations of report {id}"
            )))?;
            observations.entry(id).or_default().push(o);
        }
        let mut q = Sql::build();
        q.push("SELECT report_id, body FROM tasks WHERE ");
        push_ids(&mut q, &ids);
        q.push(" ORDER BY report_id, position");
        let ts: Vec<(i64, String)> = B::fetch_all(c, q).await.map_err(StoreError::db(ctx))?;
        for (id, body) in ts {
            let t = serde_json::from_str(&body)
                .map_err(corrupt_json(format!("reading the tasks of report {id}")))?;
            tasks.entry(id).or_default().push(t);
        }
    }
    rows.into_iter()
        .map(|r| {
            let what = || format!("reading report {}", r.id);
            let metadata = decode_metadata(&r.metadata).map_err(corrupt_json(what()))?;
            let mut report = Report {
                id: report_id_string(r.id),
                source: Some(Source {
                    department: r.department,
                    filename: r.filename,
                    content_type: r.content_type,
                    message_id: r.message_id,
                    content_sha256: r.content_sha256,
                    received_at: Some(r.received_at),
                }),
                metadata,
                parser_version: r.parser_version,
                ..Report::default()
            };
            if view == ReportView::Full {
                let body: Body = serde_json::from_str(&r.body).map_err(corrupt_json(what()))?;
                report.sections = body.sections;
                report.footnotes = body.footnotes;
                report.document_references = body.document_references;
                report.quality_issues = body.quality_issues;
                report.normalized_text = body.normalized_text;
                report.observations = observations.remove(&r.id).unwrap_or_default();
                report.tasks = tasks.remove(&r.id).unwrap_or_default();
            }
            Ok(report)
        })
        .collect()
}
