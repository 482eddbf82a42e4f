//! The API's answers as text for a terminal: aligned tables, figures as
//! written with their changes, snippets with the matched words in
//! [brackets].

use std::fmt::Write as _;

use baocao_proto::pb;
use baocao_proto::pb::comparison::Change;

/// Columns padded to their widest cell (counted in characters).
struct Table {
    headers: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn new(headers: &[&'static str]) -> Self {
        Self {
            headers: headers.to_vec(),
            rows: Vec::new(),
        }
    }

    fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    fn render(&self) -> String {
        let width = |s: &str| s.chars().count();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| width(h)).collect();
        for r in &self.rows {
            for (i, c) in r.iter().enumerate() {
                widths[i] = widths[i].max(width(c));
            }
        }
        let mut out = String::new();
        let line = |out: &mut String, cells: Vec<&str>| {
            let last = cells.len() - 1;
            for (i, c) in cells.into_iter().enumerate() {
                out.push_str(c);
                if i < last {
                    out.push_str(&" ".repeat(widths[i] - width(c) + 2));
                }
            }
            out.push('\n');
        };
        line(&mut out, self.headers.clone());
        for r in &self.rows {
            line(&mut out, r.iter().map(String::as_str).collect());
        }
        out
    }
}

/// At most `n` characters, with "…" when cut.
fn cut(s: &str, n: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

fn period(p: Option<&pb::Period>) -> String {
    match p {
        Some(p) if p.start == p.end => p.start.clone(),
        Some(p) => format!("{}..{}", p.start, p.end),
        None => String::new(),
    }
}

fn kind(p: Option<&pb::Period>) -> String {
    p.map(|p| {
        p.kind()
            .as_str_name()
            .trim_start_matches("PERIOD_KIND_")
            .to_ascii_lowercase()
    })
    .unwrap_or_default()
}

fn quantity(q: Option<&pb::Quantity>) -> String {
    let Some(q) = q else {
        return String::new();
    };
    let value = match q.value_max {
        Some(max) => format!("{}–{}", number(q.value), number(max)),
        None => number(q.value),
    };
    let approx = match q.qualifier() {
        pb::Qualifier::Approximate => "~",
        pb::Qualifier::AtLeast => "≥",
        pb::Qualifier::AtMost => "≤",
        pb::Qualifier::Exact | pb::Qualifier::Unspecified => "",
    };
    format!("{approx}{value} {}", q.unit).trim().to_owned()
}

fn base(c: &pb::Comparison) -> &'static str {
    match c.base() {
        pb::ComparisonBase::SamePeriodLastYear => "yoy",
        pb::ComparisonBase::PreviousPeriod => "prev",
        pb::ComparisonBase::Plan => "plan",
        pb::ComparisonBase::BudgetEstimate => "budget",
        pb::ComparisonBase::Other | pb::ComparisonBase::Unspecified => "other",
    }
}

fn changes(o: &pb::Observation) -> String {
    o.comparisons
        .iter()
        .filter_map(|c| {
            let change = match c.change.as_ref()? {
                Change::PercentChange(p) => {
                    format!("{}{}%", if *p >= 0.0 { "+" } else { "" }, number(*p))
                }
                Change::Ratio(r) => format!("×{}", number(*r)),
                Change::AttainmentPercent(p) => format!("{}% of", number(*p)),
                Change::AbsoluteChange(q) => {
                    let s = quantity(Some(q));
                    if q.value >= 0.0 { format!("+{s}") } else { s }
                }
            };
            Some(format!("{change} {}", base(c)))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn status(o: &pb::Observation) -> &'static str {
    match o.status() {
        pb::ObservationStatus::Estimate => "estimate",
        pb::ObservationStatus::Forecast => "forecast",
        pb::ObservationStatus::Actual | pb::ObservationStatus::Unspecified => "actual",
    }
}

fn more_note(out: &mut String, shown: usize, more: bool) {
    if more {
        let _ = writeln!(
            out,
            "({shown} shown; more match: raise --limit, or 0 for all)"
        );
    } else {
        let _ = writeln!(out, "({shown} in all)");
    }
}

pub fn report(r: &pb::Report) -> String {
    let mut out = String::new();
    let m = r.metadata.clone().unwrap_or_default();
    let mut kv = |k: &str, v: String| {
        if !v.is_empty() {
            let _ = writeln!(out, "{k:<18}{v}");
        }
    };
    kv("id", r.id.clone());
    kv("issuer", m.issuer.clone());
    kv("title", m.title.clone());
    kv("document number", m.document_number.clone());
    kv("issued on", m.issued_on.clone());
    kv("reporting period", period(m.reporting_period.as_ref()));
    kv("planning period", period(m.planning_period.as_ref()));
    if let Some(s) = &r.source {
        kv("department", s.department.clone());
        kv("file", s.filename.clone());
        kv("message id", s.message_id.clone());
    }
    kv("parser", r.parser_version.clone());
    if !r.sections.is_empty() || !r.observations.is_empty() {
        kv(
            "contents",
            format!(
                "{} sections, {} footnotes, {} observations, {} tasks, {} document references, {} quality issues",
                r.sections.len(),
                r.footnotes.len(),
                r.observations.len(),
                r.tasks.len(),
                r.document_references.len(),
                r.quality_issues.len()
            ),
        );
        let _ = writeln!(out);
        for s in &r.sections {
            let indent = "  ".repeat(s.level.saturating_sub(1) as usize);
            let _ = writeln!(out, "{indent}{} {}", s.number, cut(&s.title, 90));
        }
    }
    out
}

pub fn series(s: &pb::GetSeriesResponse) -> String {
    let mut t = Table::new(&[
        "period",
        "kind",
        "value",
        "change",
        "report",
        "document",
        "revisions",
    ]);
    for p in &s.points {
        let latest = p.latest.clone().unwrap_or_default();
        let o = latest.observation.clone().unwrap_or_default();
        let revisions = p
            .revisions
            .iter()
            .map(|r| {
                let o = r.observation.clone().unwrap_or_default();
                let v = [quantity(o.quantity.as_ref()), changes(&o)]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                format!("{v} (report {})", r.report_id)
            })
            .collect::<Vec<_>>()
            .join("; ");
        t.row(vec![
            period(p.period.as_ref()),
            kind(p.period.as_ref()),
            quantity(o.quantity.as_ref()),
            changes(&o),
            latest.report_id.clone(),
            latest.document_number.clone(),
            revisions,
        ]);
    }
    let mut out = format!(
        "{} of {}{}\n",
        s.indicator,
        s.issuer,
        if s.breakdown.is_empty() {
            String::new()
        } else {
            format!(", {}", s.breakdown)
        }
    );
    out.push_str(&t.render());
    let _ = writeln!(out, "({} periods)", s.points.len());
    out
}

pub fn observations(items: &[pb::ReportObservation], more: bool) -> String {
    let mut t = Table::new(&[
        "period",
        "indicator",
        "label",
        "value",
        "change",
        "status",
        "issuer",
        "report",
    ]);
    for r in items {
        let o = r.observation.clone().unwrap_or_default();
        let label = if o.breakdown.is_empty() {
            o.label.clone()
        } else {
            format!("{}: {}", o.label, o.breakdown)
        };
        t.row(vec![
            period(o.period.as_ref()),
            o.indicator.clone(),
            cut(&label, 50),
            quantity(o.quantity.as_ref()),
            changes(&o),
            status(&o).to_owned(),
            r.issuer.clone(),
            r.report_id.clone(),
        ]);
    }
    let mut out = t.render();
    more_note(&mut out, items.len(), more);
    out
}

pub fn tasks(items: &[pb::ReportTask], more: bool) -> String {
    let mut t = Table::new(&["report", "#", "period", "deadline", "topics", "title"]);
    for r in items {
        let task = r.task.clone().unwrap_or_default();
        t.row(vec![
            r.report_id.clone(),
            task.ordinal.to_string(),
            period(task.period.as_ref().or(r.planning_period.as_ref())),
            task.deadline.clone(),
            task.topics.join(","),
            cut(&task.title, 80),
        ]);
    }
    let mut out = t.render();
    more_note(&mut out, items.len(), more);
    out
}

/// The snippet with each highlight in [brackets].
fn marked(h: &pb::SearchHit) -> String {
    let mut spans: Vec<(usize, usize)> = h
        .highlights
        .iter()
        .map(|s| (s.start as usize, s.end as usize))
        .filter(|(s, e)| s < e && h.snippet.is_char_boundary(*s) && h.snippet.is_char_boundary(*e))
        .collect();
    spans.sort();
    let mut out = String::new();
    let mut at = 0;
    for (s, e) in spans {
        if s < at || e > h.snippet.len() {
            continue;
        }
        out.push_str(&h.snippet[at..s]);
        out.push('[');
        out.push_str(&h.snippet[s..e]);
        out.push(']');
        at = e;
    }
    out.push_str(&h.snippet[at..]);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn hits(items: &[pb::SearchHit], more: bool) -> String {
    let mut out = String::new();
    for h in items {
        let m = h.metadata.clone().unwrap_or_default();
        let _ = writeln!(
            out,
            "report {} · {} · {} · section {} · score {:.3}",
            h.report_id,
            m.issuer,
            period(m.reporting_period.as_ref()),
            if h.section_number.is_empty() {
                "-"
            } else {
                &h.section_number
            },
            h.score
        );
        let _ = writeln!(out, "  {}", cut(&marked(h), 300));
    }
    more_note(&mut out, items.len(), more);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_on_characters() {
        let mut t = Table::new(&["a", "bb"]);
        t.row(vec!["Bắc Giang".into(), "x".into()]);
        t.row(vec!["y".into(), "z".into()]);
        assert_eq!(t.render(), "a          bb\nBắc Giang  x\ny          z\n");
    }

    #[test]
    fn figures_and_changes() {
        assert_eq!(number(60769.0), "60769");
        assert_eq!(number(17.32), "17.32");
        let o = pb::Observation {
            comparisons: vec![pb::Comparison {
                base: pb::ComparisonBase::SamePeriodLastYear as i32,
                change: Some(Change::PercentChange(-21.9)),
                ..Default::default()
            }],
            ..Default::default()
        };
        assert_eq!(changes(&o), "-21.9% yoy");
    }

    #[test]
    fn highlights_are_bracketed() {
        let h = pb::SearchHit {
            snippet: "tỷ lệ giải ngân đạt".into(),
            highlights: vec![pb::Span { start: 10, end: 16 }],
            ..Default::default()
        };
        assert_eq!(marked(&h), "tỷ lệ [giải] ngân đạt");
    }
}
