//! The genre's common forms, one passage a group: the statistics offices'
//! CPI wording, periods counted from the year's start, units and ranges,
//! bases written before their change. Invented figures, each checked on
//! every field as in `other_provinces.rs` (whose row helpers these copy, to
//! keep the two files apart).

use baocao_domain::{Change, Observation, PeriodKind, Qualifier, Report};
use baocao_parser::{Hints, parse};

/// A May 2024 report whose body is `body` (headings and paragraphs).
fn report(body: &str) -> Report {
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

/// Every field of an observation on one line:
/// `indicator | breakdown | period | quantity | status | comparisons`.
fn row(o: &Observation) -> String {
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
    format!(
        "{} | {} | {period} | {quantity} | {:?} | {}",
        o.indicator,
        o.breakdown,
        o.status,
        comparisons.join(", ")
    )
}

fn rows(r: &Report) -> Vec<String> {
    r.observations.iter().map(row).collect()
}

fn assert_rows(r: &Report, want: &[&str]) {
    let got = rows(r);
    assert_eq!(
        got,
        want,
        "\ngot:\n{}\nissues: {:#?}",
        got.join("\n"),
        r.quality_issues
    );
}

const MAY: &str = "MONTH 2024-05-01..2024-05-31";

const YTD: &str = "YTD 2024-01-01..2024-05-31";

#[test]
fn units_in_dollars_written_out_and_ranges_from_to() {
    // "đô la Mỹ" is USD; "từ 60 đến 65 nghìn đồng/kg" is one range, like
    // "60-65 nghìn đồng/kg".
    let r = report(
        "Kim ngạch nhập khẩu tháng 5 ước đạt 345,6 triệu đô la Mỹ, tăng 4,1% so với cùng kỳ. \
         Giá lợn hơi dao động từ 60 đến 65 nghìn đồng/kg.",
    );
    assert_rows(
        &r,
        &[
            &format!(
                "imports |  | {MAY} | 345.6 triệu đô la Mỹ Usd x1000000 | Estimate | SamePeriodLastYear +4.1%"
            ),
            &format!(
                "farm_gate_price |  | {MAY} | 60-65 nghìn đồng/kg VndPerKilogram x1000 | Actual | "
            ),
        ],
    );
}
