//! Statistics offices' briefs of 2025-2026, after the provinces were
//! merged (stat13's round): short passages in the style of the press items
//! and briefs of "Thống kê tỉnh ..." / "Chi cục Thống kê ..." (invented
//! figures), each checked on every field.

mod common;

use baocao_parser::{Hints, parse};
use common::rows::*;

fn text(t: &str) -> baocao_domain::Report {
    parse(t.as_bytes(), &Hints::default()).expect("parses")
}

#[test]
fn a_headline_without_a_period_takes_the_year_of_the_figures_announced() {
    // A press item on a statistics office's year figures: the headline
    // names no period, the first sentence says "số liệu thống kê kinh tế -
    // xã hội năm 2025". The report is the year 2025's.
    let r = text(
        "Gia Lai thu gần 1.100 tỉ đồng từ du lịch\n\n\
         Ngày 6.1, Thống kê tỉnh Gia Lai tổ chức họp báo công bố số liệu thống kê kinh tế - \
         xã hội năm 2025.\n\n\
         Theo báo cáo, tổng thu ngân sách nhà nước trên địa bàn tỉnh đạt 25.300 tỉ đồng. \
         Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng đạt hơn 190.000 tỉ đồng.\n",
    );
    let p = r.metadata.reporting_period.as_ref().expect("a period");
    assert_eq!(
        (p.start.to_string(), p.end.to_string()),
        ("2025-01-01".into(), "2025-12-31".into())
    );
    assert_rows(
        &r,
        &[
            "budget_revenue |  | YEAR 2025-01-01..2025-12-31 | 25300 tỉ đồng Vnd x1000000000 | Actual | ",
            "retail_sales |  | YEAR 2025-01-01..2025-12-31 | >=190000 tỉ đồng Vnd x1000000000 | Actual | ",
        ],
    );
}

#[test]
fn growth_tang_truong_is_no_verb_and_leaves_no_truong() {
    // "đạt mức tăng trưởng 9,8%", "tăng trưởng ở khu vực dịch vụ ... đạt
    // 10,7%": "tăng trưởng" (growth) is one word pair; read as the verb
    // "tăng" it left "trưởng" as an item or a label.
    let r = report(
        "Tổng sản phẩm trên địa bàn (GRDP) tháng 5 đạt mức tăng trưởng 9,8% so với cùng kỳ. \
         Trong đó, khu vực dịch vụ đạt mức tăng trưởng 10,7%; khu vực công nghiệp - xây \
         dựng dự ước tăng trưởng 9,9%.",
    );
    assert_rows(
        &r,
        &[
            &format!("grdp |  | {MAY} | - | Actual | SamePeriodLastYear +9.8%"),
            &format!("grdp | khu vực dịch vụ | {MAY} | - | Actual | SamePeriodLastYear +10.7%"),
            &format!(
                "grdp | khu vực công nghiệp - xây dựng | {MAY} | - | Estimate | SamePeriodLastYear +9.9%"
            ),
        ],
    );
}

#[test]
fn two_digit_growth_con_so_is_no_count() {
    // "tăng trưởng 2 con số" (two-digit growth), common in the 2025
    // press: no count of "con" (head of livestock).
    let r = report(
        "Tổng sản phẩm trên địa bàn (GRDP) tháng 5 tăng 10,2% so với cùng kỳ, đạt mức tăng \
         trưởng 2 con số.",
    );
    assert_rows(
        &r,
        &[&format!(
            "grdp |  | {MAY} | - | Actual | SamePeriodLastYear +10.2%"
        )],
    );
}
