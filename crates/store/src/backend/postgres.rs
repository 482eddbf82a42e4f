//! PostgreSQL: a pool of connections per process, for several workers and
//! query replicas at once.
//!
//! Writes run at READ COMMITTED; the unique keys on message id and content
//! hash decide races between writers (`ON CONFLICT DO NOTHING` waits for
//! the other transaction and then sees its row), and a transaction-scoped
//! advisory lock per supersession group serializes the choice of the
//! current report. Migrations take sqlx's advisory lock, so replicas may
//! start together.
//!
//! Ingestion writes a report and all its rows in one statement: the report
//! `INSERT ... RETURNING id` and one `INSERT ... SELECT ... FROM UNNEST(...)`
//! a table, each column bound as one array, as data-modifying CTEs. The
//! statement's text does not depend on the number of rows, so each
//! connection prepares it once. Search vectors (`search_docs.tsv`) of
//! passages whose words the server's text search parser would read as they
//! are (nearly all) are built here and sent in `tsvector`'s binary form
//! ([`tsvector`]); that parser cost more CPU than all the rest of a
//! report's rows. The others are left to `to_tsvector` in the statement.

use std::fmt::Write as _;
use std::str::FromStr;
use std::time::Duration;

use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::migrate::Migrator;
use sqlx::postgres::{
    PgArgumentBuffer, PgConnectOptions, PgConnection, PgHasArrayType, PgPool, PgPoolOptions,
    PgTypeInfo,
};
use sqlx::{AssertSqlSafe, Connection, Encode, Postgres, Transaction};

use super::{Backend, Batch, Col, Rows, Sql, Value, bind_value, bind_values};
use crate::ConnectOptions;
use crate::error::{Result, StoreError};

static MIGRATOR: Migrator = sqlx::migrate!("migrations/postgres");

pub(crate) struct PgBackend {
    pool: PgPool,
}

impl PgBackend {
    /// Connects to and migrates the database at `url` (`postgres://...`).
    pub async fn open(url: &str, opts: &ConnectOptions) -> Result<Self> {
        let connect_err = |source| StoreError::Connect {
            backend: "postgres",
            target: baocao_config::redact_url(url),
            source,
        };
        let options = PgConnectOptions::from_str(url).map_err(connect_err)?;
        // sqlx tests a connection when it comes back to the pool; testing
        // it again when it is taken is one more round trip a transaction.
        // Only a connection idle for a while (the server may have gone
        // away meanwhile) is tested first.
        let pool = PgPoolOptions::new()
            .max_connections(opts.max_connections.max(1))
            .acquire_timeout(opts.acquire_timeout)
            .test_before_acquire(false)
            .before_acquire(|conn, meta| {
                Box::pin(async move {
                    if meta.idle_for >= IDLE_BEFORE_PING {
                        conn.ping().await?;
                    }
                    Ok(true)
                })
            })
            .connect_with(options)
            .await
            .map_err(connect_err)?;
        MIGRATOR
            .run(&pool)
            .await
            .map_err(|source| StoreError::Migrate {
                backend: "postgres",
                source,
            })?;
        Ok(Self { pool })
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// A pooled connection idle this long is pinged before it is used.
const IDLE_BEFORE_PING: Duration = Duration::from_secs(5);

/// The SQL type of a bound value.
fn sql_type(v: &Value) -> &'static str {
    match v {
        Value::I64(_) | Value::OptI64(_) => "bigint",
        Value::Text(_) | Value::OptText(_) => "text",
        Value::Bool(_) => "boolean",
        Value::Date(_) => "date",
        Value::Time(_) => "timestamptz",
        Value::Bytes(_) => "bytea",
    }
}

/// `WITH p AS (parent), c0 AS (INSERT INTO t (a, b) SELECT p.id, u.c1 FROM
/// p, UNNEST($n::bigint[]) AS u(c1)), ... SELECT id FROM p`: the children
/// are inserted only when the parent returned its row.
fn tree_text(parent: &str, params: usize, children: &[Batch]) -> String {
    let mut n = params;
    let mut text = String::with_capacity(parent.len() + 256 * (children.len() + 1));
    text.push_str("WITH p AS (");
    text.push_str(parent);
    text.push(')');
    for (k, b) in children.iter().enumerate() {
        let mut select = Vec::with_capacity(b.cols.len());
        let mut arrays = Vec::new();
        let mut names = Vec::new();
        for (j, col) in b.cols.iter().enumerate() {
            let array = match col {
                Col::Parent => {
                    select.push("p.id".to_owned());
                    continue;
                }
                Col::Same(v) => {
                    n += 1;
                    select.push(format!("${n}::{}", sql_type(v)));
                    continue;
                }
                Col::I64(_) => "bigint[]",
                Col::Text(_) | Col::OptText(_) => "text[]",
                Col::OptDate(_) => "date[]",
                Col::Vector { .. } => "tsvector[]",
            };
            n += 1;
            arrays.push(format!("${n}::{array}"));
            names.push(format!("c{j}"));
            match col {
                Col::Vector { of } => {
                    let k = b
                        .columns
                        .iter()
                        .position(|c| c == of)
                        .unwrap_or_else(|| panic!("{}: no column {of} to index", b.table));
                    select.push(format!(
                        "coalesce(u.c{j}, to_tsvector('simple'::regconfig, u.c{k}))"
                    ));
                }
                _ => select.push(format!("u.c{j}")),
            }
        }
        assert!(
            !arrays.is_empty(),
            "{}: a batch needs a column with a value a row",
            b.table
        );
        let _ = write!(
            text,
            ", c{k} AS (INSERT INTO {} ({}) SELECT {} FROM p, UNNEST({}) AS u({}))",
            b.table,
            b.columns.join(", "),
            select.join(", "),
            arrays.join(", "),
            names.join(", ")
        );
    }
    text.push_str(" SELECT id FROM p");
    text
}

/// A `tsvector` in PostgreSQL's binary form (what `tsvectorsend` writes
/// and `tsvectorrecv` reads).
struct TsVector(Vec<u8>);

impl sqlx::Type<Postgres> for TsVector {
    fn type_info() -> PgTypeInfo {
        PgTypeInfo::with_name("tsvector")
    }
}

impl PgHasArrayType for TsVector {
    fn array_type_info() -> PgTypeInfo {
        PgTypeInfo::array_of("tsvector")
    }
}

impl Encode<'_, Postgres> for TsVector {
    fn encode_by_ref(&self, buf: &mut PgArgumentBuffer) -> Result<IsNull, BoxDynError> {
        buf.extend_from_slice(&self.0);
        Ok(IsNull::No)
    }
}

/// Words longer than this are left out of a `tsvector` (`MAXSTRLEN` - 1).
const MAX_WORD: usize = 2046;
/// Positions stop at this (`MAXENTRYPOS` - 1)...
const MAX_POS: u16 = 16_383;
/// ...and a word keeps at most this many (`MAXNUMPOS` - 1).
const MAX_POSITIONS: usize = 255;

/// Superscript and subscript digits: footnote marks the folded words keep
/// glued to a word ("dai²⁴"), which the server's parser reads as spaces.
fn is_script_digit(c: char) -> bool {
    matches!(c, '\u{b2}' | '\u{b3}' | '\u{b9}' | '\u{2070}' | '\u{2074}'..='\u{2079}'
        | '\u{2080}'..='\u{2089}')
}

/// What `to_tsvector('simple', words)` makes of folded words: each distinct
/// word, in byte order, with the positions (1, 2, ...) where it stands,
/// within the limits `to_tsvector` keeps. Only for words the server's
/// parser reads as they are, one token a word: ASCII letters and digits
/// (superscript and subscript digits split words, as they do there);
/// `None` for anything else, which the server parses itself.
fn tsvector(words: &str) -> Option<TsVector> {
    if !words
        .chars()
        .all(|c| c == ' ' || c.is_ascii_lowercase() || c.is_ascii_digit() || is_script_digit(c))
    {
        return None;
    }
    // (word, position), sorted by word then position.
    let mut at: Vec<(&str, u16)> = Vec::with_capacity(words.len() / 5 + 1);
    let mut pos: u32 = 0;
    for w in words
        .split(|c: char| c == ' ' || is_script_digit(c))
        .filter(|w| !w.is_empty())
    {
        if w.len() > MAX_WORD {
            // Skipped without taking a position, as to_tsvector does.
            continue;
        }
        pos += 1;
        at.push((w, u16::try_from(pos).unwrap_or(MAX_POS).min(MAX_POS)));
    }
    at.sort_unstable();
    let mut out = Vec::with_capacity(4 + words.len() + 3 * at.len());
    out.extend_from_slice(&[0; 4]);
    let mut lexemes: i32 = 0;
    let mut rest = at.as_slice();
    while let Some(&(word, _)) = rest.first() {
        let same = rest.iter().take_while(|(w, _)| *w == word).count();
        let (group, tail) = rest.split_at(same);
        rest = tail;
        out.extend_from_slice(word.as_bytes());
        out.push(0);
        let count_at = out.len();
        out.extend_from_slice(&[0; 2]);
        let mut kept: u16 = 0;
        let mut last = 0;
        for &(_, p) in group {
            if usize::from(kept) == MAX_POSITIONS || last == MAX_POS {
                break;
            }
            if p != last {
                // Weight D (0) in the top two bits.
                out.extend_from_slice(&p.to_be_bytes());
                kept += 1;
                last = p;
            }
        }
        out[count_at..count_at + 2].copy_from_slice(&kept.to_be_bytes());
        lexemes += 1;
    }
    out[..4].copy_from_slice(&lexemes.to_be_bytes());
    Some(TsVector(out))
}

impl Backend for PgBackend {
    type Db = Postgres;

    const NAME: &'static str = "postgres";
    const SEARCH_VECTOR: Option<&'static str> = Some("tsv");

    fn reader(&self) -> &PgPool {
        &self.pool
    }

    async fn begin_write(&self) -> sqlx::Result<Transaction<'static, Postgres>> {
        self.pool.begin().await
    }

    async fn execute(c: &mut PgConnection, q: Sql) -> sqlx::Result<u64> {
        let query = bind_values!(sqlx::query::<Postgres>(AssertSqlSafe(q.text)), q.args);
        Ok(query.execute(c).await?.rows_affected())
    }

    async fn fetch_all<R: Rows>(c: &mut PgConnection, q: Sql) -> sqlx::Result<Vec<R>> {
        let query = bind_values!(sqlx::query_as::<Postgres, R>(AssertSqlSafe(q.text)), q.args);
        query.fetch_all(c).await
    }

    async fn fetch_optional<R: Rows>(c: &mut PgConnection, q: Sql) -> sqlx::Result<Option<R>> {
        let query = bind_values!(sqlx::query_as::<Postgres, R>(AssertSqlSafe(q.text)), q.args);
        query.fetch_optional(c).await
    }

    async fn insert_tree(
        c: &mut PgConnection,
        parent: Sql,
        children: Vec<Batch>,
    ) -> sqlx::Result<i64> {
        let text = tree_text(&parent.text, parent.args.len(), &children);
        let mut q = bind_values!(
            sqlx::query_as::<Postgres, (i64,)>(AssertSqlSafe(text)),
            parent.args
        );
        for batch in children {
            // Vectors first, while the words they are made of are here.
            let mut vectors: Vec<Option<Vec<Option<TsVector>>>> = batch
                .cols
                .iter()
                .map(|col| match col {
                    Col::Vector { of } => {
                        let k = batch.columns.iter().position(|c| c == of)?;
                        match &batch.cols[k] {
                            Col::Text(words) => Some(words.iter().map(|w| tsvector(w)).collect()),
                            _ => None,
                        }
                    }
                    _ => None,
                })
                .collect();
            for (j, col) in batch.cols.into_iter().enumerate() {
                q = match col {
                    Col::Parent => q,
                    Col::Same(v) => bind_value!(q, v),
                    Col::I64(v) => q.bind(v),
                    Col::Text(v) => q.bind(v),
                    Col::OptText(v) => q.bind(v),
                    Col::OptDate(v) => q.bind(v),
                    Col::Vector { .. } => q.bind(vectors[j].take().unwrap_or_default()),
                };
            }
        }
        let (id,) = q.fetch_optional(c).await?.ok_or(sqlx::Error::RowNotFound)?;
        Ok(id)
    }

    async fn lock_key(c: &mut PgConnection, key: &str) -> sqlx::Result<()> {
        sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
            .bind(key)
            .execute(c)
            .await?;
        Ok(())
    }

    const SEARCH_FROM: &'static str = "search_docs d JOIN reports r ON r.id = d.report_id";
    const SEARCH_MATCH: &'static str = "d.tsv @@ plainto_tsquery('simple', $1)";
    const SEARCH_SCORE: &'static str = "ts_rank(d.tsv, plainto_tsquery('simple', $1))::float8";
    const SEARCH_ORDER: &'static str = "score DESC, d.id";

    /// The words, which `plainto_tsquery` ANDs together.
    fn search_param(tokens: &[String]) -> String {
        tokens.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (lexeme, positions) of a binary vector.
    fn decode(words: &str) -> Vec<(String, Vec<u16>)> {
        let b = tsvector(words).expect("words read as they are").0;
        let n = i32::from_be_bytes(b[0..4].try_into().unwrap()) as usize;
        let mut at = 4;
        let mut out = Vec::new();
        for _ in 0..n {
            let end = at + b[at..].iter().position(|&c| c == 0).unwrap();
            let word = String::from_utf8(b[at..end].to_vec()).unwrap();
            at = end + 1;
            let np = u16::from_be_bytes([b[at], b[at + 1]]) as usize;
            at += 2;
            let pos = (0..np)
                .map(|k| u16::from_be_bytes([b[at + 2 * k], b[at + 2 * k + 1]]))
                .collect();
            at += 2 * np;
            out.push((word, pos));
        }
        assert_eq!(at, b.len());
        out
    }

    fn lexeme(w: &str, p: &[u16]) -> (String, Vec<u16>) {
        (w.to_owned(), p.to_vec())
    }

    #[test]
    fn vectors_are_sorted_with_positions() {
        assert_eq!(
            decode("giai ngan von giai ngan 2024"),
            vec![
                lexeme("2024", &[6]),
                lexeme("giai", &[1, 4]),
                lexeme("ngan", &[2, 5]),
                lexeme("von", &[3]),
            ]
        );
        assert!(decode("").is_empty());
    }

    #[test]
    fn footnote_marks_split_words() {
        assert_eq!(
            decode("luat dat dai\u{b2}\u{2074} 2023\u{b9}"),
            vec![
                lexeme("2023", &[4]),
                lexeme("dai", &[3]),
                lexeme("dat", &[2]),
                lexeme("luat", &[1]),
            ]
        );
    }

    #[test]
    fn other_words_are_left_to_the_server() {
        assert!(tsvector("1\u{1d43} luat").is_none());
        assert!(tsvector("\u{3b1}\u{3b2}").is_none());
        assert!(tsvector("Giai").is_none());
    }

    #[test]
    fn vectors_keep_to_tsvector_limits() {
        let many = vec!["a"; 20_000].join(" ");
        assert_eq!(decode(&many)[0].1.len(), 255);
        let long = format!("b {} c", "x".repeat(3000));
        assert_eq!(decode(&long), vec![lexeme("b", &[1]), lexeme("c", &[2])]);
        let far = format!("{} z z", vec!["y"; 17_000].join(" "));
        assert_eq!(decode(&far).last().unwrap(), &lexeme("z", &[16_383]));
    }

    #[test]
    fn trees_are_one_statement() {
        let text = tree_text(
            "INSERT INTO r (a) VALUES ($1) RETURNING id",
            1,
            &[Batch::new("o", 2)
                .col("report_id", Col::Parent)
                .col("k", Col::Same(Value::Text("x".into())))
                .col("words", Col::Text(vec!["a".into(), "b".into()]))
                .col("tsv", Col::Vector { of: "words" })],
        );
        assert_eq!(
            text,
            "WITH p AS (INSERT INTO r (a) VALUES ($1) RETURNING id), c0 AS (INSERT INTO o \
             (report_id, k, words, tsv) SELECT p.id, $2::text, u.c2, coalesce(u.c3, \
             to_tsvector('simple'::regconfig, u.c2)) FROM p, UNNEST($3::text[], \
             $4::tsvector[]) AS u(c2, c3)) SELECT id FROM p"
        );
    }
}
