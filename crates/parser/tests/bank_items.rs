//! Provincial bank branches' monthly items (session 13, left13): credit,
//! deposits and bad debt as the State Bank's provincial branches and the
//! press write them; short passages in the style of the texts read
//! (invented figures).

mod common;

use baocao_domain::{ObservationStatus, PeriodKind};
use baocao_parser::{Hints, parse};
use common::rows::*;

fn reporting(text: &str) -> baocao_domain::Report {
    parse(text.as_bytes(), &Hints::default()).expect("parses")
}

fn find(r: &baocao_domain::Report, value: f64) -> &baocao_domain::Observation {
    r.observations
        .iter()
        .find(|o| o.quantity.as_ref().is_some_and(|q| q.value == value))
        .unwrap_or_else(|| panic!("no figure {value}:\n{}", rows(r).join("\n")))
}

#[test]
fn a_forecast_after_the_report_month_dates_its_own_figure_only() {
    // An August item: the level at the end of August, then what the branch
    // expects at the end of September ("ước đến cuối tháng 9", "Ước đến
    // 30-9"); the sentences after are August's again, and actual
    // (Thái Nguyên, 2016).
    let r = reporting(
        "Tín dụng ngân hàng tăng trưởng ổn định\n\n\
         Tính đến cuối tháng 8, dư nợ cho vay của các tổ chức tín dụng trên địa bàn đạt \
         24.610 tỷ đồng, tăng 9,2% so với cuối năm 2015, ước đến cuối tháng 9 đạt 25.100 tỷ \
         đồng. Trong đó, cho vay nông nghiệp, nông thôn là 6.320 tỷ đồng, tăng 12,5%. Về \
         nguồn vốn huy động, các tổ chức tín dụng huy động được 23.950 tỷ đồng, tăng 11,3% so \
         với cuối năm 2015. Ước đến 30-9 đạt 24.300 tỷ đồng. Dư nợ tín dụng trung và dài hạn \
         là 9.870 tỷ đồng.\n",
    );
    let all = rows(&r).join("\n");
    assert_eq!(r.observations.len(), 6, "{all}");
    let august = (common::date(2016, 8, 1), common::date(2016, 8, 31));
    for v in [24610.0, 6320.0, 23950.0, 9870.0] {
        let o = find(&r, v);
        let p = o.period.as_ref().expect("a period");
        assert_eq!((p.start, p.end), august, "{}", row(o));
        assert_eq!(o.status, ObservationStatus::Actual, "{}", row(o));
    }
    for (v, code) in [
        (25100.0, "credit_outstanding"),
        (24300.0, "deposits_mobilised"),
    ] {
        let o = find(&r, v);
        let p = o.period.as_ref().expect("a period");
        assert_eq!(p.end, common::date(2016, 9, 30), "{}", row(o));
        assert_eq!(o.status, ObservationStatus::Estimate, "{}", row(o));
        assert_eq!(o.indicator, code, "{}", row(o));
    }
    // "30-9" is the day, no figure.
    let o = find(&r, 24300.0);
    assert_eq!(
        o.period.as_ref().map(|p| p.kind),
        Some(PeriodKind::AsOfDate)
    );
}

#[test]
fn a_number_written_in_two_scales_the_larger_after() {
    // "107 nghìn 700 tỷ đồng" is 107.700 tỷ đồng (Gia Lai's bank branch,
    // 2023), as "7 triệu 520 nghìn con" is 7,52 triệu con.
    let r = report(
        "Tổng dư nợ cho vay trên địa bàn tỉnh đạt 62 nghìn 450 tỷ đồng, tăng 5,1% so với cuối \
         năm 2023.",
    );
    let all = rows(&r).join("\n");
    assert_eq!(r.observations.len(), 1, "{all}");
    let o = &r.observations[0];
    assert_eq!(o.indicator, "credit_outstanding", "{all}");
    let q = o.quantity.as_ref().expect("a quantity");
    assert_eq!((q.value, q.unit.as_str()), (62450.0, "tỷ đồng"), "{all}");
}

#[test]
fn bad_debt_is_an_indicator_of_its_own() {
    // "nợ xấu 1.480 tỷ đồng" after the credit level is the bad debt, not an
    // item of the credit (Gia Lai, Thái Nguyên's bank branches).
    let r = report(
        "Tổng dư nợ cho vay đạt 62.450 tỷ đồng, tăng 5,1% so với cuối năm 2023; nợ xấu 610 \
         tỷ đồng, giảm 0,12% so với cuối năm 2023.",
    );
    let all = rows(&r).join("\n");
    let o = find(&r, 610.0);
    assert_eq!(o.indicator, "bad_debt", "{all}");
    assert_eq!(o.breakdown, "", "{all}");
}

#[test]
fn a_share_of_total_credit_is_its_items() {
    // "chiếm tỷ trọng 1,37% tổng dư nợ", "chiếm 24,9%/tổng dư nợ": the
    // words after the share name the whole it is of, not its subject: the
    // share is the bad debt's, the farm loans' (Gia Lai 2023, Thái Nguyên
    // 2016).
    let r = report(
        "Tổng dư nợ cho vay đạt 62.450 tỷ đồng, tăng 5,1% so với cuối năm 2023; nợ xấu 610 \
         tỷ đồng, chiếm tỷ trọng 0,98% tổng dư nợ. Trong đó, cho vay nông nghiệp, nông thôn \
         là 15.300 tỷ đồng, chiếm 24,5%/tổng dư nợ.",
    );
    let all = rows(&r).join("\n");
    let o = find(&r, 0.98);
    assert_eq!(o.indicator, "bad_debt", "{all}");
    let o = find(&r, 24.5);
    assert_eq!(o.breakdown, find(&r, 15300.0).breakdown, "{all}");
    assert_ne!(o.breakdown, "", "{all}");
}
