//! How other provinces and statistics offices write their figures: short
//! passages in the genre's style (invented figures, modelled on a survey of
//! real Cục Thống kê and UBND reports), each checked figure by figure on
//! every field: indicator, breakdown, period, value, unit, status and
//! comparisons.

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

#[test]
fn an_estimate_carries_to_the_later_clauses_of_its_sentence() {
    // The "ước" of the first clause covers the figures after it in the same
    // sentence, whatever their subject; the next sentence is actual again.
    let r = report(
        "1. Thương mại\n\n\
         Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 5 ước đạt 5.120 tỷ \
         đồng, tăng 9,6% so với cùng kỳ; doanh thu dịch vụ lưu trú, ăn uống đạt 640 tỷ đồng, \
         tăng 12,1%; kim ngạch xuất khẩu đạt 215 triệu USD, tăng 7,4%. Kim ngạch nhập khẩu \
         đạt 130 triệu USD, giảm 3,2%.",
    );
    assert_rows(
        &r,
        &[
            &format!(
                "retail_sales |  | {MAY} | 5120 tỷ đồng Vnd x1000000000 | Estimate | SamePeriodLastYear +9.6%"
            ),
            &format!(
                "accommodation_food_revenue |  | {MAY} | 640 tỷ đồng Vnd x1000000000 | Estimate | SamePeriodLastYear +12.1%"
            ),
            &format!(
                "exports |  | {MAY} | 215 triệu USD Usd x1000000 | Estimate | SamePeriodLastYear +7.4%"
            ),
            &format!(
                "imports |  | {MAY} | 130 triệu USD Usd x1000000 | Actual | SamePeriodLastYear -3.2%"
            ),
        ],
    );
}
