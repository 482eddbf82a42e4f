//! People's Committees' monthly and quarterly reports of provinces,
//! cities and districts no round had read (session 13, real13): short
//! passages in the style of the texts read (invented figures).

mod common;

use common::rows::*;

#[test]
fn to_grow_is_to_increase() {
    // A province's November meeting: "đạt 8.820 tỷ đồng, tăng trưởng
    // 6,1%" and its sectors "dự ước tăng trưởng 4,39%" (Bắc Kạn, 2023):
    // changes of the GRDP and its sectors, not levels of 6,1% with a
    // breakdown "trưởng".
    let r = report(
        "Dự ước năm 2024, tổng sản phẩm trên địa bàn tỉnh theo giá so sánh đạt 9.140 tỷ \
         đồng, tăng trưởng 6,3%. Trong đó, khu vực nông, lâm nghiệp, thủy sản dự ước tăng \
         trưởng 4,1%; khu vực dịch vụ dự ước tăng trưởng 6,8%.",
    );
    let y = "YEAR 2024-01-01..2024-12-31";
    assert_rows(
        &r,
        &[
            &format!(
                "grdp |  | {y} | 9140 tỷ đồng Vnd x1000000000 | Estimate | SamePeriodLastYear +6.3%"
            ),
            &format!(
                "grdp | khu vực nông, lâm nghiệp, thủy sản | {y} | - | Estimate | SamePeriodLastYear +4.1%"
            ),
            &format!("grdp | khu vực dịch vụ | {y} | - | Estimate | SamePeriodLastYear +6.8%"),
        ],
    );
    // The growth rate named as such stays a level of its own indicator.
    let r = report("Tốc độ tăng trưởng kinh tế (GRDP) 5 tháng ước đạt 7,1%.");
    let rows = rows(&r);
    assert_eq!(rows.len(), 1, "{}", rows.join("\n"));
    assert!(rows[0].starts_with("grdp_growth |"), "{}", rows[0]);
    assert!(rows[0].contains("7.1 %"), "{}", rows[0]);
}

