//! Observations as one line of every field, for tests that check each
//! figure of a passage or a sample in full (other_provinces.rs, forms.rs,
//! samples_observations.rs).

use baocao_domain::{Change, Observation, PeriodKind, Qualifier, Report};
use baocao_parser::{Hints, parse};

/// A May 2024 report whose body is `body` (headings and paragraphs).
pub fn report(body: &str) -> Report {
    let text = format!(
        "UBND TỈNH THỬ NGHIỆM\n\nBÁO CÁO\n\n\
         Tình hình kinh tế - xã hội tháng 5 năm 2024\n\nI. KINH TẾ\n\n{body}\n"
    );
    parse(text.as_bytes(), &Hints::default()).expect("parses")
}

fn kind(k: PeriodKind) -> &'static str {
    match k {
        PeriodKind::Month => "MONTH",
        PeriodKind::YearToDate => "YTD",
        PeriodKind::Quarter => "QUARTER",
        PeriodKind::HalfYear => "HALF",
        PeriodKind::Year => "YEAR",
        PeriodKind::AsOfDate => "ASOF",
        PeriodKind::DateRange => "RANGE",
        PeriodKind::Unspecified => "UNSPECIFIED",
    }
}

fn qual(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "",
        Qualifier::Approximate => "~",
        Qualifier::AtLeast => ">=",
        Qualifier::AtMost => "<=",
    }
}

fn fields(o: &Observation, label: bool) -> String {
    let period = o.period.as_ref().map_or("-".to_owned(), |p| {
        format!("{} {}..{}", kind(p.kind), p.start, p.end)
    });
    let quantity = o.quantity.as_ref().map_or("-".to_owned(), |q| {
        let max = q.value_max.map_or(String::new(), |m| format!("-{m}"));
        format!(
            "{}{}{max} {} {:?} x{}",
            qual(q.qualifier),
            q.value,
            q.unit,
            q.unit_code,
            q.multiplier
        )
    });
    let comparisons: Vec<String> = o
        .comparisons
        .iter()
        .map(|c| {
            let v = match &c.change {
                Change::PercentChange(v) => format!("{v:+}%"),
                Change::Ratio(v) => format!("x{v}"),
                Change::AttainmentPercent(v) => format!("={v}%"),
                Change::AbsoluteChange(q) => {
                    format!("{:+} {} {:?}", q.value, q.unit, q.unit_code)
                }
            };
            format!("{:?} {}{v}", c.base, qual(c.qualifier))
        })
        .collect();
    let label = if label {
        format!("{} | ", o.label)
    } else {
        String::new()
    };
    format!(
        "{} | {label}{} | {period} | {quantity} | {:?} | {}",
        o.indicator,
        o.breakdown,
        o.status,
        comparisons.join(", ")
    )
}

/// Every field of an observation on one line:
/// `indicator | breakdown | period | quantity | status | comparisons`.
pub fn row(o: &Observation) -> String {
    fields(o, false)
}

/// The same with the label as written after the indicator:
/// `indicator | label | breakdown | period | quantity | status | comparisons`.
pub fn labelled_row(o: &Observation) -> String {
    fields(o, true)
}

pub fn rows(r: &Report) -> Vec<String> {
    r.observations.iter().map(row).collect()
}

pub fn assert_rows(r: &Report, want: &[&str]) {
    let got = rows(r);
    assert_eq!(
        got,
        want,
        "\ngot:\n{}\nissues: {:#?}",
        got.join("\n"),
        r.quality_issues
    );
}

/// The report's month.
pub const MAY: &str = "MONTH 2024-05-01..2024-05-31";
