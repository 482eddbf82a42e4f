//! The two backends and the narrow seam between them and the shared logic
//! in [`crate::engine`].
//!
//! Both databases accept the same SQL for almost everything the store does
//! (`$N` placeholders, `ON CONFLICT`, `RETURNING`, row values, `NULLS
//! LAST`, partial indexes), so statements are written once and run through
//! [`Backend`]'s few primitives. What differs lives in each backend:
//! connecting and pool settings, how a write transaction starts, how
//! supersession decisions are serialized, and full-text search.

pub(crate) mod postgres;
pub(crate) mod sqlite;

use std::borrow::Cow;
use std::future::Future;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use sqlx::{Database, FromRow, Pool, Transaction};

/// A bound parameter.
#[derive(Debug, Clone)]
pub(crate) enum Value {
    I64(i64),
    OptI64(Option<i64>),
    Text(String),
    OptText(Option<String>),
    Bool(bool),
    Date(Option<NaiveDate>),
    Time(DateTime<Utc>),
    Bytes(Vec<u8>),
}

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Value::I64(v)
    }
}
impl From<Option<i64>> for Value {
    fn from(v: Option<i64>) -> Self {
        Value::OptI64(v)
    }
}
impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Text(v)
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Text(v.to_owned())
    }
}
impl From<Option<String>> for Value {
    fn from(v: Option<String>) -> Self {
        Value::OptText(v)
    }
}
impl From<Option<&str>> for Value {
    fn from(v: Option<&str>) -> Self {
        Value::OptText(v.map(str::to_owned))
    }
}
impl From<bool> for Value {
    fn from(v: bool) -> Self {
        Value::Bool(v)
    }
}
impl From<NaiveDate> for Value {
    fn from(v: NaiveDate) -> Self {
        Value::Date(Some(v))
    }
}
impl From<Option<NaiveDate>> for Value {
    fn from(v: Option<NaiveDate>) -> Self {
        Value::Date(v)
    }
}
impl From<DateTime<Utc>> for Value {
    fn from(v: DateTime<Utc>) -> Self {
        Value::Time(v)
    }
}
impl From<Vec<u8>> for Value {
    fn from(v: Vec<u8>) -> Self {
        Value::Bytes(v)
    }
}

/// A statement with its parameters, numbered `$1`, `$2`, ... in order.
#[derive(Debug, Clone)]
pub(crate) struct Sql {
    pub text: Cow<'static, str>,
    pub args: Vec<Value>,
}

impl Sql {
    pub fn new(text: &'static str) -> Self {
        Self {
            text: Cow::Borrowed(text),
            args: Vec::new(),
        }
    }

    /// An empty statement to build with [`Sql::push`] and [`Sql::param`].
    pub fn build() -> Self {
        Self {
            text: Cow::Owned(String::with_capacity(256)),
            args: Vec::new(),
        }
    }

    /// Appends a parameter value for a placeholder already in the text.
    pub fn bind(mut self, v: impl Into<Value>) -> Self {
        self.args.push(v.into());
        self
    }

    /// Appends SQL text (never data: data goes through [`Sql::param`]).
    pub fn push(&mut self, s: &str) -> &mut Self {
        self.text.to_mut().push_str(s);
        self
    }

    /// Appends the next placeholder and binds its value.
    pub fn param(&mut self, v: impl Into<Value>) -> &mut Self {
        self.args.push(v.into());
        let n = self.args.len();
        let text = self.text.to_mut();
        text.push('$');
        text.push_str(&n.to_string());
        self
    }
}

/// The values of one column of a [`Batch`], one per row.
#[derive(Debug, Clone)]
pub(crate) enum Col {
    /// The id the batch's parent statement returned, in every row.
    Parent,
    /// One value for every row.
    Same(Value),
    I64(Vec<i64>),
    Text(Vec<String>),
    OptText(Vec<Option<String>>),
    OptDate(Vec<Option<NaiveDate>>),
    /// The backend's full-text vector of the folded words (see
    /// `crate::search::words`) in the batch's column `of`: PostgreSQL's
    /// `tsvector`. Only for the column a backend names in
    /// [`Backend::SEARCH_VECTOR`].
    Vector {
        of: &'static str,
    },
}

impl Col {
    /// The number of rows, for the columns that carry one value a row.
    fn rows(&self) -> Option<usize> {
        match self {
            Col::Parent | Col::Same(_) | Col::Vector { .. } => None,
            Col::I64(v) => Some(v.len()),
            Col::Text(v) => Some(v.len()),
            Col::OptText(v) => Some(v.len()),
            Col::OptDate(v) => Some(v.len()),
        }
    }
}

/// Rows of one table, column by column: what a backend inserts in as few
/// statements as it can.
#[derive(Debug, Clone)]
pub(crate) struct Batch {
    pub table: &'static str,
    pub columns: Vec<&'static str>,
    pub cols: Vec<Col>,
    pub len: usize,
}

impl Batch {
    pub fn new(table: &'static str, len: usize) -> Self {
        Self {
            table,
            columns: Vec::new(),
            cols: Vec::new(),
            len,
        }
    }

    /// Adds a column; one with a value a row must have `len` of them.
    pub fn col(mut self, name: &'static str, col: Col) -> Self {
        debug_assert!(
            col.rows().is_none_or(|n| n == self.len),
            "{}.{name}: {:?} values for {} rows",
            self.table,
            col.rows(),
            self.len
        );
        self.columns.push(name);
        self.cols.push(col);
        self
    }
}

/// Row types both backends can decode (derived `FromRow` structs, tuples).
pub(crate) trait Rows:
    for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin
{
}
impl<T> Rows for T where
    T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin
{
}

pub(crate) type Conn<B> = <<B as Backend>::Db as Database>::Connection;

/// What the shared logic needs from a database.
pub(crate) trait Backend: Send + Sync + 'static {
    type Db: Database;

    /// "sqlite" or "postgres", for messages.
    const NAME: &'static str;
    /// The `search_docs` column the backend fills from a passage's folded
    /// words with [`Col::Vector`], if any (SQLite's FTS5 table indexes
    /// `words` itself, through triggers).
    const SEARCH_VECTOR: Option<&'static str>;

    /// The pool for reads.
    fn reader(&self) -> &Pool<Self::Db>;

    /// Starts a transaction that will write.
    fn begin_write(
        &self,
    ) -> impl Future<Output = sqlx::Result<Transaction<'static, Self::Db>>> + Send;

    fn execute(c: &mut Conn<Self>, q: Sql) -> impl Future<Output = sqlx::Result<u64>> + Send;

    fn fetch_all<R: Rows>(
        c: &mut Conn<Self>,
        q: Sql,
    ) -> impl Future<Output = sqlx::Result<Vec<R>>> + Send;

    fn fetch_optional<R: Rows>(
        c: &mut Conn<Self>,
        q: Sql,
    ) -> impl Future<Output = sqlx::Result<Option<R>>> + Send;

    /// Runs `parent`, a statement that writes one row and returns its id
    /// (`INSERT ... RETURNING id`, `UPDATE ... RETURNING id`), then inserts
    /// `children`, whose [`Col::Parent`] columns take that id; returns the
    /// id, or `RowNotFound` when `parent` returned no row. In as few round
    /// trips as the backend allows (PostgreSQL: one).
    fn insert_tree(
        c: &mut Conn<Self>,
        parent: Sql,
        children: Vec<Batch>,
    ) -> impl Future<Output = sqlx::Result<i64>> + Send;

    /// Holds `key` exclusively until the transaction ends: the right to
    /// decide which report of a supersession group (its `head_key`) is
    /// current, or what becomes of a stored content (`upload:<sha256>`).
    fn lock_key(c: &mut Conn<Self>, key: &str) -> impl Future<Output = sqlx::Result<()>> + Send;

    /// Full-text search: the `FROM` clause (with `d` for `search_docs` and
    /// `r` for `reports`), the match condition on placeholder `$1`, the score
    /// (higher is better) and the order, and the `$1` value for the folded
    /// query tokens.
    const SEARCH_FROM: &'static str;
    const SEARCH_MATCH: &'static str;
    const SEARCH_SCORE: &'static str;
    const SEARCH_ORDER: &'static str;
    fn search_param(tokens: &[String]) -> String;
}

/// Binds one [`Value`] to a sqlx query of a concrete database.
macro_rules! bind_value {
    ($query:expr, $v:expr) => {
        match $v {
            $crate::backend::Value::I64(v) => $query.bind(v),
            $crate::backend::Value::OptI64(v) => $query.bind(v),
            $crate::backend::Value::Text(v) => $query.bind(v),
            $crate::backend::Value::OptText(v) => $query.bind(v),
            $crate::backend::Value::Bool(v) => $query.bind(v),
            $crate::backend::Value::Date(v) => $query.bind(v),
            $crate::backend::Value::Time(v) => $query.bind(v),
            $crate::backend::Value::Bytes(v) => $query.bind(v),
        }
    };
}
pub(crate) use bind_value;

/// Binds [`Value`]s to a sqlx query of a concrete database.
macro_rules! bind_values {
    ($query:expr, $args:expr) => {{
        let mut q = $query;
        for v in $args {
            q = $crate::backend::bind_value!(q, v);
        }
        q
    }};
}
pub(crate) use bind_values;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_are_numbered_in_order() {
        let mut q = Sql::build();
        q.push("a = ").param(1i64).push(" AND b = ").param("x");
        assert_eq!(q.text, "a = $1 AND b = $2");
        assert_eq!(q.args.len(), 2);
    }
}
