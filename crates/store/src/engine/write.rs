//! Writing: an upload and its outcome in one transaction, idempotent on
//! message id and content hash; a report's rows; supersession; replacing a
//! parse result.

use baocao_domain::{Report, Source};
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use super::Engine;
use crate::backend::{Backend, Conn, Sql, Value};
use crate::error::{Result, StoreError};
use crate::rows::{ReportRows, parse_report_id, report_id_string};
use crate::types::Recorded;

/// An upload's identity, checked and completed.
struct Upload<'a> {
    raw: &'a [u8],
    source: &'a Source,
    message_id: String,
    sha256: String,
    received_at: DateTime<Utc>,
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

impl<'a> Upload<'a> {
    fn new(raw: &'a [u8], source: &'a Source) -> Result<Self> {
        let sha256 = hex(&Sha256::digest(raw));
        let message_id = match source.message_id.trim() {
            "" => format!("sha256:{sha256}"),
            id => id.to_owned(),
        };
        let given = source.content_sha256.trim().to_ascii_lowercase();
        if !given.is_empty() && given != sha256 {
            return Err(StoreError::invalid(
                "content_sha256",
                format!(
                    "message {message_id}: the source says {given}, the raw bytes hash to {sha256}"
                ),
            ));
        }
        Ok(Self {
            raw,
            source,
            message_id,
            sha256,
            received_at: source.received_at.unwrap_or_else(Utc::now),
        })
    }

    /// What the store was doing, for error messages.
    fn context(&self) -> String {
        let dept = match self.source.department.trim() {
            "" => "an unnamed department",
            d => d,
        };
        let file = match self.source.filename.trim() {
            "" => String::new(),
            f => format!(" ({f})"),
        };
        format!("recording message {} from {dept}{file}", self.message_id)
    }
}

/// What to record for a new upload.
enum Outcome {
    Parsed(Box<ReportRows>),
    Rejected(String),
}

/// What the first write of a transaction found.
enum Claim {
    /// The upload and its ingestion row are new.
    Fresh { ingestion_id: i64 },
    /// The content was recorded before; a DUPLICATE record was written.
    Seen,
    /// Another writer recorded this message id meanwhile; nothing of ours
    /// may be kept.
    MessageTaken,
}

const INSERT_INGESTION: &str = "INSERT INTO ingestions \
     (message_id, status, reason, upload_id, duplicate_of, department, filename, content_type, \
      content_sha256, received_at, recorded_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
     ON CONFLICT (message_id) DO NOTHING RETURNING id";

impl<B: Backend> Engine<B> {
    pub(super) async fn record_parsed(
        &self,
        raw: &[u8],
        source: &Source,
        report: &Report,
    ) -> Result<Recorded> {
        let up = Upload::new(raw, source)?;
        let rows = ReportRows::build(report).map_err(|source| StoreError::Encode {
            context: up.context(),
            source,
        })?;
        self.record(up, Outcome::Parsed(Box::new(rows))).await
    }

    pub(super) async fn record_rejected(
        &self,
        raw: &[u8],
        source: &Source,
        reason: &str,
    ) -> Result<Recorded> {
        let up = Upload::new(raw, source)?;
        self.record(up, Outcome::Rejected(reason.to_owned())).await
    }

    #[tracing::instrument(skip_all, fields(backend = B::NAME, message_id = %up.message_id))]
    async fn record(&self, up: Upload<'_>, outcome: Outcome) -> Result<Recorded> {
        let ctx = up.context();
        // A redelivered message: answer without taking the write lock.
        if let Some(first) = self.first_outcome(&up.message_id).await? {
            tracing::debug!("message id seen before");
            return Ok(Recorded::Duplicate { first });
        }
        let mut tx = self
            .b
            .begin_write()
            .await
            .map_err(StoreError::db(ctx.clone()))?;
        let status = match &outcome {
            Outcome::Parsed(_) => "PARSED",
            Outcome::Rejected(_) => "REJECTED",
        };
        let reason = match &outcome {
            Outcome::Parsed(_) => "",
            Outcome::Rejected(r) => r.as_str(),
        };
        let claim = claim::<B>(&mut tx, &up, status, reason)
            .await
            .map_err(StoreError::db(ctx.clone()))?;
        let ingestion_id = match claim {
            Claim::Fresh { ingestion_id } => ingestion_id,
            Claim::Seen | Claim::MessageTaken => {
                if matches!(claim, Claim::Seen) {
                    tx.commit().await.map_err(StoreError::db(ctx.clone()))?;
                } else {
                    tx.rollback().await.map_err(StoreError::db(ctx.clone()))?;
                }
                let first = self.first_outcome(&up.message_id).await?.ok_or_else(|| {
                    StoreError::corrupt(ctx, "the first outcome of a duplicate is missing")
                })?;
                tracing::debug!(first = %first.message_id, "duplicate");
                return Ok(Recorded::Duplicate { first });
            }
        };
        let recorded = match outcome {
            Outcome::Rejected(_) => Recorded::Rejected,
            Outcome::Parsed(rows) => {
                let id = insert_report::<B>(&mut tx, ingestion_id, &up, *rows)
                    .await
                    .map_err(StoreError::db(ctx.clone()))?;
                Recorded::Parsed {
                    report_id: report_id_string(id),
                }
            }
        };
        tx.commit().await.map_err(StoreError::db(ctx))?;
        tracing::debug!(?recorded, "recorded");
        Ok(recorded)
    }

    pub(super) async fn replace(&self, report_id: &str, report: &Report) -> Result<()> {
        let not_found = || StoreError::ReportNotFound {
            id: report_id.to_owned(),
        };
        let id = parse_report_id(report_id).ok_or_else(not_found)?;
        let ctx = format!("replacing the parse result of report {report_id}");
        let rows = ReportRows::build(report).map_err(|source| StoreError::Encode {
            context: ctx.clone(),
            source,
        })?;
        let mut tx = self
            .b
            .begin_write()
            .await
            .map_err(StoreError::db(ctx.clone()))?;
        let old: Option<(Option<String>,)> = B::fetch_optional(
            &mut tx,
            Sql::new("SELECT head_key FROM reports WHERE id = $1").bind(id),
        )
        .await
        .map_err(StoreError::db(ctx.clone()))?;
        let Some((old_key,)) = old else {
            return Err(not_found());
        };
        replace_rows::<B>(&mut tx, id, old_key, rows)
            .await
            .map_err(StoreError::db(ctx.clone()))?;
        tx.commit().await.map_err(StoreError::db(ctx))?;
        Ok(())
    }
}

/// Stores the raw bytes (once per content) and the ingestion row (once per
/// message id).
async fn claim<B: Backend>(
    c: &mut Conn<B>,
    up: &Upload<'_>,
    status: &str,
    reason: &str,
) -> sqlx::Result<Claim> {
    let ingestion = |status: &str, reason: &str, upload_id: i64, duplicate_of: Option<i64>| {
        let s = up.source;
        Sql::new(INSERT_INGESTION)
            .bind(up.message_id.as_str())
            .bind(status)
            .bind(reason)
            .bind(upload_id)
            .bind(duplicate_of)
            .bind(s.department.as_str())
            .bind(s.filename.as_str())
            .bind(s.content_type.as_str())
            .bind(up.sha256.as_str())
            .bind(up.received_at)
            .bind(Utc::now())
    };
    let upload: Option<(i64,)> = B::fetch_optional(
        c,
        Sql::new(
            "INSERT INTO uploads (content_sha256, size, bytes) VALUES ($1, $2, $3) \
             ON CONFLICT (content_sha256) DO NOTHING RETURNING id",
        )
        .bind(up.sha256.as_str())
        .bind(up.raw.len() as i64)
        .bind(up.raw.to_vec()),
    )
    .await?;
    match upload {
        Some((upload_id,)) => {
            let row: Option<(i64,)> =
                B::fetch_optional(c, ingestion(status, reason, upload_id, None)).await?;
            Ok(match row {
                Some((ingestion_id,)) => Claim::Fresh { ingestion_id },
                // Another writer recorded this message id with other
                // content meanwhile; ours is dropped with the transaction.
                None => Claim::MessageTaken,
            })
        }
        None => {
            // The content is stored: point a DUPLICATE record for this
            // message id at its first outcome.
            let first: Option<(i64, i64)> = B::fetch_optional(
                c,
                Sql::new(
                    "SELECT i.id, i.upload_id FROM ingestions i \
                     JOIN uploads u ON u.id = i.upload_id \
                     WHERE u.content_sha256 = $1 AND i.status <> 'DUPLICATE'",
                )
                .bind(up.sha256.as_str()),
            )
            .await?;
            let (first_id, upload_id) = first.ok_or_else(|| {
                sqlx::Error::Protocol(format!(
                    "upload {} has no first ingestion record",
                    up.sha256
                ))
            })?;
            B::fetch_optional::<(i64,)>(c, ingestion("DUPLICATE", "", upload_id, Some(first_id)))
                .await?;
            Ok(Claim::Seen)
        }
    }
}

const INSERT_REPORT: &str = "INSERT INTO reports \
     (ingestion_id, issuer, issuer_key, department, document_number, issued_on, received_at, \
      period_kind, period_start, period_end, planning_kind, planning_start, planning_end, \
      sort_start, sort_end, head_key, is_current, parser_version, metadata, body, stored_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, TRUE, \
             $17, $18, $19, $20) RETURNING id";

async fn insert_report<B: Backend>(
    c: &mut Conn<B>,
    ingestion_id: i64,
    up: &Upload<'_>,
    rows: ReportRows,
) -> sqlx::Result<i64> {
    if let Some(key) = &rows.head_key {
        B::lock_head(c, key).await?;
    }
    let (id,): (i64,) = B::fetch_optional(
        c,
        Sql::new(INSERT_REPORT)
            .bind(ingestion_id)
            .bind(rows.issuer.as_str())
            .bind(rows.issuer_key.as_str())
            .bind(up.source.department.as_str())
            .bind(rows.document_number.as_str())
            .bind(rows.issued_on)
            .bind(up.received_at)
            .bind(rows.period.kind.clone())
            .bind(rows.period.start)
            .bind(rows.period.end)
            .bind(rows.planning.kind.clone())
            .bind(rows.planning.start)
            .bind(rows.planning.end)
            .bind(rows.sort.0)
            .bind(rows.sort.1)
            .bind(rows.head_key.clone())
            .bind(rows.parser_version.as_str())
            .bind(rows.metadata.as_str())
            .bind(rows.body.as_str())
            .bind(Utc::now()),
    )
    .await?
    .ok_or(sqlx::Error::RowNotFound)?;
    let head_key = rows.head_key.clone();
    insert_children::<B>(c, id, rows).await?;
    if let Some(key) = head_key {
        refresh_head::<B>(c, &key).await?;
    }
    Ok(id)
}

async fn replace_rows<B: Backend>(
    c: &mut Conn<B>,
    id: i64,
    old_key: Option<String>,
    rows: ReportRows,
) -> sqlx::Result<()> {
    // Lock both groups first, in a fixed order, before touching any row.
    let mut keys: Vec<String> = old_key.into_iter().chain(rows.head_key.clone()).collect();
    keys.sort();
    keys.dedup();
    for k in &keys {
        B::lock_head(c, k).await?;
    }
    for table in [
        "DELETE FROM search_docs WHERE report_id = $1",
        "DELETE FROM task_topics WHERE report_id = $1",
        "DELETE FROM task_documents WHERE report_id = $1",
        "DELETE FROM tasks WHERE report_id = $1",
        "DELETE FROM observations WHERE report_id = $1",
    ] {
        B::execute(c, Sql::new(table).bind(id)).await?;
    }
    B::execute(
        c,
        Sql::new(
            "UPDATE reports SET issuer = $2, issuer_key = $3, document_number = $4, \
             issued_on = $5, period_kind = $6, period_start = $7, period_end = $8, \
             planning_kind = $9, planning_start = $10, planning_end = $11, sort_start = $12, \
             sort_end = $13, head_key = $14, is_current = TRUE, parser_version = $15, \
             metadata = $16, body = $17 WHERE id = $1",
        )
        .bind(id)
        .bind(rows.issuer.as_str())
        .bind(rows.issuer_key.as_str())
        .bind(rows.document_number.as_str())
        .bind(rows.issued_on)
        .bind(rows.period.kind.clone())
        .bind(rows.period.start)
        .bind(rows.period.end)
        .bind(rows.planning.kind.clone())
        .bind(rows.planning.start)
        .bind(rows.planning.end)
        .bind(rows.sort.0)
        .bind(rows.sort.1)
        .bind(rows.head_key.clone())
        .bind(rows.parser_version.as_str())
        .bind(rows.metadata.as_str())
        .bind(rows.body.as_str()),
    )
    .await?;
    insert_children::<B>(c, id, rows).await?;
    for k in &keys {
        refresh_head::<B>(c, k).await?;
    }
    Ok(())
}

/// Marks the one current report of a supersession group: the latest issued,
/// then the latest received, then the latest stored.
async fn refresh_head<B: Backend>(c: &mut Conn<B>, key: &str) -> sqlx::Result<()> {
    B::execute(
        c,
        Sql::new(
            "WITH winner AS (SELECT id FROM reports WHERE head_key = $1 \
                 ORDER BY issued_on DESC NULLS LAST, received_at DESC, id DESC LIMIT 1) \
             UPDATE reports SET is_current = (id = (SELECT id FROM winner)) \
             WHERE head_key = $1 AND is_current <> (id = (SELECT id FROM winner))",
        )
        .bind(key),
    )
    .await?;
    Ok(())
}

/// Multi-row `INSERT`s of `rows` (each `cols` values) under `head`
/// ("INSERT INTO t (a, b)"), as few statements as the backend allows.
async fn insert_many<B: Backend>(
    c: &mut Conn<B>,
    head: &str,
    cols: usize,
    rows: Vec<Vec<Value>>,
) -> sqlx::Result<()> {
    let per_statement = (B::MAX_PARAMS / cols).clamp(1, 500);
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let mut q = Sql::build();
        q.push(head).push(" VALUES ");
        for (i, row) in rows.by_ref().take(per_statement).enumerate() {
            debug_assert_eq!(row.len(), cols);
            q.push(if i == 0 { "(" } else { ", (" });
            for (j, v) in row.into_iter().enumerate() {
                if j > 0 {
                    q.push(", ");
                }
                q.param(v);
            }
            q.push(")");
        }
        B::execute(c, q).await?;
    }
    Ok(())
}

async fn insert_children<B: Backend>(
    c: &mut Conn<B>,
    report_id: i64,
    rows: ReportRows,
) -> sqlx::Result<()> {
    let ReportRows {
        issuer_key,
        sort,
        task_sort,
        observations,
        tasks,
        passages,
        ..
    } = rows;
    let obs: Vec<Vec<Value>> = observations
        .into_iter()
        .map(|o| {
            vec![
                report_id.into(),
                o.position.into(),
                o.indicator.into(),
                o.breakdown_key.into(),
                o.status.into(),
                o.period.kind.into(),
                o.period.start.into(),
                o.period.end.into(),
                issuer_key.as_str().into(),
                sort.0.into(),
                sort.1.into(),
                o.body.into(),
            ]
        })
        .collect();
    insert_many::<B>(
        c,
        "INSERT INTO observations (report_id, position, indicator, breakdown_key, status, \
         period_kind, period_start, period_end, issuer_key, sort_start, sort_end, body)",
        12,
        obs,
    )
    .await?;

    let mut topics = Vec::new();
    let mut documents = Vec::new();
    let mut task_rows = Vec::with_capacity(tasks.len());
    for t in tasks {
        for topic in t.topics {
            topics.push(vec![report_id.into(), t.position.into(), topic.into()]);
        }
        for number in t.documents {
            documents.push(vec![report_id.into(), t.position.into(), number.into()]);
        }
        task_rows.push(vec![
            report_id.into(),
            t.position.into(),
            t.ordinal.into(),
            t.period.kind.into(),
            t.period.start.into(),
            t.period.end.into(),
            t.words.into(),
            issuer_key.as_str().into(),
            task_sort.0.into(),
            task_sort.1.into(),
            t.body.into(),
        ]);
    }
    insert_many::<B>(
        c,
        "INSERT INTO tasks (report_id, position, ordinal, period_kind, period_start, period_end, \
         words, issuer_key, sort_start, sort_end, body)",
        11,
        task_rows,
    )
    .await?;
    insert_many::<B>(
        c,
        "INSERT INTO task_topics (report_id, position, topic)",
        3,
        topics,
    )
    .await?;
    insert_many::<B>(
        c,
        "INSERT INTO task_documents (report_id, position, number_key)",
        3,
        documents,
    )
    .await?;

    let docs: Vec<Vec<Value>> = passages
        .into_iter()
        .map(|p| {
            vec![
                report_id.into(),
                p.kind.code().into(),
                p.section_number.into(),
                p.section_path.into(),
                i64::from(p.base).into(),
                p.text.into(),
                p.words.into(),
            ]
        })
        .collect();
    insert_many::<B>(
        c,
        "INSERT INTO search_docs (report_id, kind, section_number, section_path, base, text, words)",
        7,
        docs,
    )
    .await?;
    Ok(())
}
