//! Central cities' and southern provinces' reports, credit and trade
//! offices' news items, 2015-2017 and 2023-2025 (session 12, real12):
//! short passages in the style of the texts read (invented figures).

mod common;

use baocao_domain::PeriodKind;
use baocao_parser::{Hints, parse};
use common::rows::*;

fn reporting(text: &str) -> baocao_domain::Report {
    parse(text.as_bytes(), &Hints::default()).expect("parses")
}

#[test]
fn a_base_year_is_the_year_before_the_report() {
    // A bank office's news item: a headline with no period, "Tính đến
    // cuối tháng 8" and the year written only in its base ("so với cuối
    // năm 2015"): August 2016, not 2015 (Thái Nguyên, 2016).
    let r = reporting(
        "Tín dụng trên địa bàn tăng khá\n\n\
         Tính đến cuối tháng 8, dư nợ cho vay của các tổ chức tín dụng đạt 21.350 tỷ đồng, \
         tăng 8,4% so với cuối năm 2015.\n",
    );
    let p = r.metadata.reporting_period.as_ref().expect("a period");
    assert_eq!(
        (p.start, p.end),
        (common::date(2016, 8, 1), common::date(2016, 8, 31))
    );
    let rows: Vec<String> = r.observations.iter().map(row).collect();
    assert_eq!(rows.len(), 1, "{}", rows.join("\n"));
    assert!(rows[0].contains("2016-08"), "{}", rows[0]);
    // A title's months with no year, the year written first in "so với
    // cùng kỳ năm 2023" (the page's own year mistyped "năm 20214"): 9
    // months of 2024 (Gia Lai's Sở Công Thương, 2024).
    let r = reporting(
        "Kim ngạch xuất khẩu 9 tháng ước đạt 640 triệu USD\n\n\
         Theo báo cáo của Sở Công thương, 9 tháng năm 20214, chỉ số sản xuất công nghiệp \
         tăng 1,2% so với cùng kỳ năm 2023. Kim ngạch xuất khẩu ước đạt 640 triệu USD, tăng \
         12% so với cùng kỳ.\n",
    );
    let p = r.metadata.reporting_period.as_ref().expect("a period");
    assert_eq!(
        (p.start, p.end),
        (common::date(2024, 1, 1), common::date(2024, 9, 30))
    );
    // A year written as the report's own stays: "Năm 2023 ... so với năm
    // 2022".
    let r = reporting(
        "Kinh tế tiếp tục phục hồi\n\n\
         Trong 6 tháng đầu năm, tổng thu ngân sách năm 2023 đạt 3.120 tỷ đồng, tăng 5% so với \
         cùng kỳ năm 2022.\n",
    );
    let p = r.metadata.reporting_period.as_ref().expect("a period");
    assert_eq!(
        (p.start, p.end),
        (common::date(2023, 1, 1), common::date(2023, 6, 30))
    );
}

#[test]
fn qui_is_the_older_spelling_of_quy() {
    // "trong tháng 3 và trong quí I ...": the quarter, as "quý I" (Vĩnh
    // Long, March 2025); "quí" is the older spelling of "quý".
    let r = reporting(
        "UBND tỉnh họp phiên thường kỳ tháng 3 năm 2025\n\n\
         Trong quí I, chỉ số sản xuất công nghiệp tăng 9,4% so với cùng kỳ năm trước; kim \
         ngạch xuất khẩu quí I/2025 ước đạt 310 triệu USD.\n",
    );
    let rows: Vec<String> = r.observations.iter().map(row).collect();
    assert_eq!(rows.len(), 2, "{}", rows.join("\n"));
    for o in &r.observations {
        let p = o.period.as_ref().expect("a period");
        assert_eq!(p.kind, PeriodKind::Quarter, "{}", row(o));
        assert_eq!(
            (p.start, p.end),
            (common::date(2025, 1, 1), common::date(2025, 3, 31)),
            "{}",
            row(o)
        );
        assert!(o.breakdown.is_empty(), "{}", row(o));
    }
    // A title in capitals: "QUÍ I NĂM 2016".
    let r = reporting(
        "BÁO CÁO\n\nTÌNH HÌNH KINH TẾ - XÃ HỘI QUÍ I NĂM 2016\n\n\
         1. Công nghiệp\n\nChỉ số sản xuất công nghiệp tăng 7,5% so với cùng kỳ năm trước.\n",
    );
    let p = r.metadata.reporting_period.as_ref().expect("a period");
    assert_eq!(
        (p.kind, p.start, p.end),
        (
            PeriodKind::Quarter,
            common::date(2016, 1, 1),
            common::date(2016, 3, 31)
        )
    );
}
