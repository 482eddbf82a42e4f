//! A series: one indicator of one issuer, grouped by period, with the
//! latest report's figure first and earlier figures as revisions.

use std::cmp::Reverse;
use std::collections::BTreeMap;

use baocao_domain::text::match_key;
use baocao_domain::{Observation, PeriodKind};
use chrono::{DateTime, NaiveDate, Utc};

use super::Engine;
use crate::backend::{Backend, Sql};
use crate::error::{Result, StoreError};
use crate::rows::{MetadataMemo, period_kind_code, report_id_string};
use crate::types::{ReportObservation, Series, SeriesPoint, SeriesQuery};

#[derive(sqlx::FromRow)]
struct SeriesRow {
    report_id: i64,
    position: i64,
    body: String,
    metadata: String,
    is_current: bool,
    received_at: DateTime<Utc>,
}

/// Newer first when sorted descending: reporting period end and start, date
/// of issue, time received, report id; then report order.
type Rank = (
    Option<NaiveDate>,
    Option<NaiveDate>,
    Option<NaiveDate>,
    DateTime<Utc>,
    i64,
    Reverse<i64>,
);

/// An observation with what decides its place among its period's figures.
struct Entry {
    item: ReportObservation,
    current: bool,
    rank: Rank,
}

impl<B: Backend> Engine<B> {
    pub(super) async fn series_of(&self, q: &SeriesQuery) -> Result<Series> {
        let indicator = q.indicator.trim();
        let issuer = q.issuer.trim();
        if indicator.is_empty() {
            return Err(StoreError::invalid("indicator", "empty"));
        }
        if issuer.is_empty() {
            return Err(StoreError::invalid("issuer", "empty"));
        }
        let ctx = format!("reading the series of {indicator} for {issuer}");
        let mut sql = Sql::build();
        sql.push(
            "SELECT o.report_id, o.position, o.body, r.metadata, r.is_current, r.received_at \
             FROM observations o JOIN reports r ON r.id = o.report_id \
             WHERE o.period_start IS NOT NULL AND o.issuer_key = ",
        )
        .param(match_key(issuer))
        .push(" AND o.indicator = ")
        .param(indicator)
        .push(" AND o.breakdown_key = ")
        .param(match_key(q.breakdown.trim()));
        if let Some(kind) = q.period_kind.filter(|k| *k != PeriodKind::Unspecified) {
            sql.push(" AND o.period_kind = ")
                .param(period_kind_code(kind));
        }
        if let Some(s) = q.period.start {
            sql.push(" AND o.period_end >= ").param(s);
        }
        if let Some(e) = q.period.end {
            sql.push(" AND o.period_start <= ").param(e);
        }
        let mut c = self
            .b
            .reader()
            .acquire()
            .await
            .map_err(StoreError::db(ctx.clone()))?;
        let rows: Vec<SeriesRow> = B::fetch_all(&mut c, sql)
            .await
            .map_err(StoreError::db(ctx.clone()))?;
        let mut memo = MetadataMemo::default();
        let entries = rows
            .into_iter()
            .map(|r| {
                let what = || {
                    format!(
                        "{ctx}: observation {} of report {}",
                        r.position, r.report_id
                    )
                };
                let m = memo
                    .get(r.report_id, &r.metadata)
                    .map_err(|e| StoreError::corrupt(what(), e))?;
                let observation: Observation =
                    serde_json::from_str(&r.body).map_err(|e| StoreError::corrupt(what(), e))?;
                let rank = (
                    m.reporting_period.as_ref().map(|p| p.end),
                    m.reporting_period.as_ref().map(|p| p.start),
                    m.issued_on,
                    r.received_at,
                    r.report_id,
                    Reverse(r.position),
                );
                Ok(Entry {
                    item: ReportObservation {
                        report_id: report_id_string(r.report_id),
                        issuer: m.issuer.clone(),
                        document_number: m.document_number.clone(),
                        issued_on: m.issued_on,
                        reporting_period: m.reporting_period.clone(),
                        observation,
                    },
                    current: r.is_current,
                    rank,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(points(entries))
    }
}

/// Groups entries by period. A point's value comes from a current report
/// (a period only superseded reports state is left out, as the reports
/// replacing them dropped it); every other figure is a revision.
fn points(entries: Vec<Entry>) -> Series {
    let mut groups: BTreeMap<(NaiveDate, NaiveDate, &'static str), Vec<Entry>> = BTreeMap::new();
    for e in entries {
        let Some(p) = e.item.observation.period.as_ref() else {
            continue;
        };
        groups
            .entry((p.start, p.end, period_kind_code(p.kind)))
            .or_default()
            .push(e);
    }
    let points = groups
        .into_values()
        .filter_map(|mut group| {
            group.sort_by_key(|e| Reverse(e.rank));
            let at = group.iter().position(|e| e.current)?;
            let latest = group.remove(at).item;
            Some(SeriesPoint {
                period: latest.observation.period.clone()?,
                latest,
                revisions: group.into_iter().map(|e| e.item).collect(),
            })
        })
        .collect();
    Series { points }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baocao_domain::{Period, Quantity};

    fn entry(report_id: i64, rp_month: u32, p_month: u32, value: f64, current: bool) -> Entry {
        let rp = Period::month(2024, rp_month, "").unwrap();
        let p = Period::month(2024, p_month, "").unwrap();
        Entry {
            item: ReportObservation {
                report_id: report_id.to_string(),
                issuer: "UBND".into(),
                document_number: String::new(),
                issued_on: None,
                reporting_period: Some(rp.clone()),
                observation: Observation {
                    indicator: "iip".into(),
                    period: Some(p),
                    quantity: Some(Quantity {
                        value,
                        ..Quantity::default()
                    }),
                    ..Observation::default()
                },
            },
            current,
            rank: (
                Some(rp.end),
                Some(rp.start),
                None,
                DateTime::<Utc>::UNIX_EPOCH,
                report_id,
                Reverse(0),
            ),
        }
    }

    fn value(o: &ReportObservation) -> f64 {
        o.observation.quantity.as_ref().unwrap().value
    }

    #[test]
    fn later_reports_revise_earlier_figures() {
        let s = points(vec![
            entry(1, 5, 5, 105.0, true),
            entry(2, 6, 5, 106.0, true),
            entry(2, 6, 6, 108.0, true),
        ]);
        assert_eq!(s.points.len(), 2);
        assert_eq!(value(&s.points[0].latest), 106.0);
        assert_eq!(s.points[0].revisions.len(), 1);
        assert_eq!(value(&s.points[0].revisions[0]), 105.0);
        assert_eq!(value(&s.points[1].latest), 108.0);
    }

    #[test]
    fn superseded_figures_are_only_revisions() {
        let s = points(vec![
            entry(1, 5, 5, 100.0, false),
            entry(2, 5, 5, 101.0, true),
        ]);
        assert_eq!(value(&s.points[0].latest), 101.0);
        let s = points(vec![entry(1, 5, 5, 100.0, false)]);
        assert!(s.points.is_empty());
    }
}
