//! Writing: an upload and its outcome in one transaction, idempotent on
//! message id and content hash; a report's rows; supersession; replacing a
//! parse result.

use baocao_domain::{Report, Source};
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use super::Engine;
use super::read::first_outcome;
use crate::backend::{Backend, Batch, Col, Conn, Sql, Value};
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

/// What the first writes of a transaction found.
enum Claim {
    /// The upload and its ingestion row are new.
    Fresh { ingestion_id: i64 },
    /// The message id was recorded before (a redelivery): nothing written.
    MessageKnown,
    /// The content was recorded before; a DUPLICATE record was written.
    ContentKnown,
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
            Claim::MessageKnown | Claim::ContentKnown | Claim::MessageTaken => {
                // Read in the transaction: a DUPLICATE record just written
                // is seen, and so is (at READ COMMITTED, in a new
                // statement) the record of another writer that took the
                // message id.
                let first = first_outcome::<B>(&mut tx, &up.message_id)
                    .await
                    .map_err(StoreError::db(ctx.clone()))?;
                if matches!(claim, Claim::ContentKnown) {
                    tx.commit().await.map_err(StoreError::db(ctx.clone()))?;
                } else {
                    tx.rollback().await.map_err(StoreError::db(ctx.clone()))?;
                }
                let first = first.ok_or_else(|| {
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
/// message id). The upload is inserted only if the message id is unknown,
/// so a new message costs no separate look-up.
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
    // (The WHERE clause also keeps SQLite from reading ON CONFLICT as a
    // join constraint of the SELECT.)
    let upload: Option<(i64,)> = B::fetch_optional(
        c,
        Sql::new(
            "INSERT INTO uploads (content_sha256, size, bytes) SELECT $1, $2, $3 \
             WHERE NOT EXISTS (SELECT 1 FROM ingestions WHERE message_id = $4) \
             ON CONFLICT (content_sha256) DO NOTHING RETURNING id",
        )
        .bind(up.sha256.as_str())
        .bind(up.raw.len() as i64)
        .bind(up.raw.to_vec())
        .bind(up.message_id.as_str()),
    )
    .await?;
    if upload.is_none() {
        let known: Option<(i64,)> = B::fetch_optional(
            c,
            Sql::new("SELECT id FROM ingestions WHERE message_id = $1")
                .bind(up.message_id.as_str()),
        )
        .await?;
        if known.is_some() {
            return Ok(Claim::MessageKnown);
        }
    }
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
            // The content is stored. Writers of the same content take turns
            // from here (on PostgreSQL; SQLite has one writer), so two of
            // them cannot both find it unparsed and both parse it.
            B::lock_key(c, &format!("upload:{}", up.sha256)).await?;
            let parsed: Option<(i64, i64)> = B::fetch_optional(
                c,
                Sql::new(
                    "SELECT i.id, i.upload_id FROM ingestions i \
                     JOIN uploads u ON u.id = i.upload_id \
                     WHERE u.content_sha256 = $1 AND i.status = 'PARSED'",
                )
                .bind(up.sha256.as_str()),
            )
            .await?;
            if let Some((first_id, upload_id)) = parsed {
                // Point a DUPLICATE record for this message id at the
                // report already made from this content.
                B::fetch_optional::<(i64,)>(
                    c,
                    ingestion("DUPLICATE", "", upload_id, Some(first_id)),
                )
                .await?;
                return Ok(Claim::ContentKnown);
            }
            // Only rejections of this content so far: they may have been
            // for the envelope (a missing department, a wrong content
            // type), which the sender has since fixed. This message gets
            // an outcome of its own, on the stored bytes.
            let (upload_id,): (i64,) = B::fetch_optional(
                c,
                Sql::new("SELECT id FROM uploads WHERE content_sha256 = $1")
                    .bind(up.sha256.as_str()),
            )
            .await?
            .ok_or_else(|| sqlx::Error::Protocol(format!("upload {} vanished", up.sha256)))?;
            let row: Option<(i64,)> =
                B::fetch_optional(c, ingestion(status, reason, upload_id, None)).await?;
            Ok(match row {
                Some((ingestion_id,)) => Claim::Fresh { ingestion_id },
                None => Claim::MessageTaken,
            })
        }
    }
}

const INSERT_REPORT: &str = "INSERT INTO reports \
     (ingestion_id, issuer, issuer_key, department, document_number, issued_on, received_at, \
      period_kind, period_start, period_end, planning_kind, planning_start, planning_end, \
      sort_start, sort_end, head_key, is_current, parser_version, metadata, body, stored_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, TRUE, \
             $17, $18, $19, $20) RETURNING id";

const UPDATE_REPORT: &str = "UPDATE reports SET issuer = $2, issuer_key = $3, \
     document_number = $4, issued_on = $5, period_kind = $6, period_start = $7, \
     period_end = $8, planning_kind = $9, planning_start = $10, planning_end = $11, \
     sort_start = $12, sort_end = $13, head_key = $14, is_current = TRUE, parser_version = $15, \
     metadata = $16, body = $17 WHERE id = $1 RETURNING id";

/// A report taken apart: its own columns (in `rows`, children taken out)
/// and the batches of its child rows.
fn split<B: Backend>(mut rows: ReportRows) -> (ReportRows, Vec<Batch>) {
    let children = children::<B>(&mut rows);
    (rows, children)
}

async fn insert_report<B: Backend>(
    c: &mut Conn<B>,
    ingestion_id: i64,
    up: &Upload<'_>,
    rows: ReportRows,
) -> sqlx::Result<i64> {
    if let Some(key) = &rows.head_key {
        B::lock_key(c, key).await?;
    }
    let (r, children) = split::<B>(rows);
    let head_key = r.head_key.clone();
    let parent = Sql::new(INSERT_REPORT)
        .bind(ingestion_id)
        .bind(r.issuer)
        .bind(r.issuer_key)
        .bind(up.source.department.as_str())
        .bind(r.document_number)
        .bind(r.issued_on)
        .bind(up.received_at)
        .bind(r.period.kind)
        .bind(r.period.start)
        .bind(r.period.end)
        .bind(r.planning.kind)
        .bind(r.planning.start)
        .bind(r.planning.end)
        .bind(r.sort.0)
        .bind(r.sort.1)
        .bind(r.head_key)
        .bind(r.parser_version)
        .bind(r.metadata)
        .bind(r.body)
        .bind(Utc::now());
    let id = B::insert_tree(c, parent, children).await?;
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
        B::lock_key(c, k).await?;
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
    let (r, children) = split::<B>(rows);
    let parent = Sql::new(UPDATE_REPORT)
        .bind(id)
        .bind(r.issuer)
        .bind(r.issuer_key)
        .bind(r.document_number)
        .bind(r.issued_on)
        .bind(r.period.kind)
        .bind(r.period.start)
        .bind(r.period.end)
        .bind(r.planning.kind)
        .bind(r.planning.start)
        .bind(r.planning.end)
        .bind(r.sort.0)
        .bind(r.sort.1)
        .bind(r.head_key)
        .bind(r.parser_version)
        .bind(r.metadata)
        .bind(r.body);
    B::insert_tree(c, parent, children).await?;
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

/// The child rows of a report, column by column (their strings moved, not
/// copied), taken out of `rows`; their `report_id` is the parent's.
fn children<B: Backend>(rows: &mut ReportRows) -> Vec<Batch> {
    let issuer_key = rows.issuer_key.clone();
    let (sort, task_sort) = (rows.sort, rows.task_sort);
    let same_issuer = || Col::Same(Value::Text(issuer_key.clone()));

    let observations = std::mem::take(&mut rows.observations);
    let n = observations.len();
    let (mut position, mut indicator, mut breakdown, mut status) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    let (mut kind, mut start, mut end, mut body) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    for o in observations {
        position.push(o.position);
        indicator.push(o.indicator);
        breakdown.push(o.breakdown_key);
        status.push(o.status.to_owned());
        kind.push(o.period.kind);
        start.push(o.period.start);
        end.push(o.period.end);
        body.push(o.body);
    }
    let observations = Batch::new("observations", n)
        .col("report_id", Col::Parent)
        .col("position", Col::I64(position))
        .col("indicator", Col::Text(indicator))
        .col("breakdown_key", Col::Text(breakdown))
        .col("status", Col::Text(status))
        .col("period_kind", Col::OptText(kind))
        .col("period_start", Col::OptDate(start))
        .col("period_end", Col::OptDate(end))
        .col("issuer_key", same_issuer())
        .col("sort_start", Col::Same(sort.0.into()))
        .col("sort_end", Col::Same(sort.1.into()))
        .col("body", Col::Text(body));

    let tasks = std::mem::take(&mut rows.tasks);
    let n = tasks.len();
    let (mut position, mut ordinal, mut kind, mut start, mut end, mut words, mut body) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    let (mut topic_pos, mut topics, mut doc_pos, mut docs, mut doc_types) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for t in tasks {
        for topic in t.topics {
            topic_pos.push(t.position);
            topics.push(topic);
        }
        for (number, kind) in t.documents {
            doc_pos.push(t.position);
            docs.push(number);
            doc_types.push(kind);
        }
        position.push(t.position);
        ordinal.push(t.ordinal);
        kind.push(t.period.kind);
        start.push(t.period.start);
        end.push(t.period.end);
        words.push(t.words);
        body.push(t.body);
    }
    let tasks = Batch::new("tasks", n)
        .col("report_id", Col::Parent)
        .col("position", Col::I64(position))
        .col("ordinal", Col::I64(ordinal))
        .col("period_kind", Col::OptText(kind))
        .col("period_start", Col::OptDate(start))
        .col("period_end", Col::OptDate(end))
        .col("words", Col::Text(words))
        .col("issuer_key", same_issuer())
        .col("sort_start", Col::Same(task_sort.0.into()))
        .col("sort_end", Col::Same(task_sort.1.into()))
        .col("body", Col::Text(body));
    let topics = Batch::new("task_topics", topics.len())
        .col("report_id", Col::Parent)
        .col("position", Col::I64(topic_pos))
        .col("topic", Col::Text(topics));
    let documents = Batch::new("task_documents", docs.len())
        .col("report_id", Col::Parent)
        .col("position", Col::I64(doc_pos))
        .col("number_key", Col::Text(docs))
        .col("type_key", Col::Text(doc_types));

    let passages = std::mem::take(&mut rows.passages);
    let n = passages.len();
    let (mut kind, mut number, mut path, mut base, mut text, mut words) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    for p in passages {
        kind.push(p.kind.code().to_owned());
        number.push(p.section_number);
        path.push(p.section_path);
        base.push(i64::from(p.base));
        text.push(p.text);
        words.push(p.words);
    }
    let mut docs = Batch::new("search_docs", n)
        .col("report_id", Col::Parent)
        .col("kind", Col::Text(kind))
        .col("section_number", Col::Text(number))
        .col("section_path", Col::Text(path))
        .col("base", Col::I64(base))
        .col("text", Col::Text(text))
        .col("words", Col::Text(words));
    if let Some(column) = B::SEARCH_VECTOR {
        docs = docs.col(column, Col::Vector { of: "words" });
    }
    vec![observations, tasks, topics, documents, docs]
}
