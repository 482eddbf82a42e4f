//! Full-text search: the backend finds and ranks passages, the snippet and
//! its highlights are cut here from the passage as written.

use baocao_domain::Span;
use baocao_domain::text::match_key;

use super::{Engine, set};
use crate::backend::{Backend, Sql};
use crate::cursor::Offset;
use crate::error::{Result, StoreError};
use crate::rows::{decode_metadata, report_id_string};
use crate::search::{PassageKind, query_terms, snippet};
use crate::types::{HitKind, Page, PageRequest, SearchHit, SearchQuery};

#[derive(sqlx::FromRow)]
struct HitRow {
    report_id: i64,
    kind: String,
    section_number: String,
    section_path: String,
    base: i64,
    text: String,
    metadata: String,
    score: f64,
}

impl<B: Backend> Engine<B> {
    pub(super) async fn find(
        &self,
        query: &SearchQuery,
        page: &PageRequest,
    ) -> Result<Page<SearchHit>> {
        const LISTING: &str = "search";
        let terms = query_terms(&query.query);
        if terms.is_empty() {
            return Err(StoreError::invalid("query", "no words to look for"));
        }
        let limit = page.limit();
        let offset = match page.token.as_deref() {
            None => 0,
            Some(t) => self.tokens.open::<_, Offset>(LISTING, query, t)?.o,
        };
        let ctx = format!("searching for {:?}", query.query);
        let mut q = Sql::build();
        q.push("SELECT d.report_id, d.kind, d.section_number, d.section_path, d.base, d.text, ")
            .push("r.metadata, ")
            .push(B::SEARCH_SCORE)
            .push(" AS score FROM ")
            .push(B::SEARCH_FROM)
            .push(" WHERE ")
            .push(B::SEARCH_MATCH);
        // SEARCH_MATCH and SEARCH_SCORE refer to the query as $1.
        q.args.push(B::search_param(&terms).into());
        q.push(" AND r.is_current");
        if let Some(issuer) = set(&query.issuer) {
            q.push(" AND r.issuer_key = ").param(match_key(issuer));
        }
        if let Some(d) = set(&query.department) {
            q.push(" AND r.department = ").param(d);
        }
        if let Some(s) = query.period.start {
            q.push(" AND r.period_end >= ").param(s);
        }
        if let Some(e) = query.period.end {
            q.push(" AND r.period_start <= ").param(e);
        }
        q.push(" ORDER BY ")
            .push(B::SEARCH_ORDER)
            .push(" LIMIT ")
            .param(i64::from(limit) + 1)
            .push(" OFFSET ")
            .param(i64::try_from(offset).unwrap_or(i64::MAX));
        let mut c = self
            .b
            .reader()
            .acquire()
            .await
            .map_err(StoreError::db(ctx.clone()))?;
        let mut rows: Vec<HitRow> = B::fetch_all(&mut c, q)
            .await
            .map_err(StoreError::db(ctx.clone()))?;
        let more = rows.len() > limit as usize;
        rows.truncate(limit as usize);
        let next_token = more.then(|| {
            self.tokens.issue(
                LISTING,
                query,
                &Offset {
                    o: offset + u64::from(limit),
                },
            )
        });
        let items = rows
            .into_iter()
            .map(|r| {
                let metadata = decode_metadata(&r.metadata).map_err(|e| {
                    StoreError::corrupt(format!("{ctx}: report {}", r.report_id), e)
                })?;
                let s = snippet(&r.text, &terms);
                let base = u32::try_from(r.base).unwrap_or(0) + s.start as u32;
                Ok(SearchHit {
                    report_id: report_id_string(r.report_id),
                    metadata,
                    kind: match PassageKind::parse(&r.kind) {
                        Some(PassageKind::Task) => HitKind::Task,
                        Some(PassageKind::Footnote) => HitKind::Footnote,
                        _ => HitKind::Section,
                    },
                    section_number: r.section_number,
                    section_path: r.section_path,
                    span: Span::new(base as usize, base as usize + s.text.len()),
                    snippet: s.text,
                    highlights: s.highlights,
                    score: r.score,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Page { items, next_token })
    }
}
