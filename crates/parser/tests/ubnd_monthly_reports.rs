//! People's Committees' monthly and quarterly reports of provinces,
//! cities and districts no round had read (session 13, real13): short
//! passages in the style of the texts read (invented figures).

mod common;

use baocao_parser::{Hints, parse};
use common::rows::*;

fn reporting(text: &str) -> baocao_domain::Report {
    parse(text.as_bytes(), &Hints::default()).expect("parses")
}

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

#[test]
fn a_portals_posting_line_and_lead_are_no_title() {
    // A province portal's page: a title in capitals naming the period
    // ("THÁNG BA VÀ QUÝ I NĂM 2022"), a posting line "Đăng ngày 07 - 04 -
    // 2022", a long lead paragraph, then the numbered results (Hưng Yên,
    // 2022). The posting line was the title, no period was found, and
    // not one figure was read.
    let r = reporting(
        "TÌNH HÌNH KINH TẾ - XÃ HỘI TỈNH THỬ NGHIỆM THÁNG BA VÀ QUÝ I NĂM 2023\n\n\
         Đăng ngày 06 - 04 - 2023\n\n\
         Bước vào thực hiện Kế hoạch phát triển kinh tế - xã hội năm 2023, với việc triển \
         khai đồng bộ các nhiệm vụ, giải pháp phục hồi và phát triển kinh tế, cùng với sự nỗ \
         lực phấn đấu của cả hệ thống chính trị, Nhân dân và doanh nghiệp trong tỉnh nên tình \
         hình phát triển kinh tế - xã hội quý I có nhiều khởi sắc. Tuy nhiên, hoạt động \
         thương mại, dịch vụ phục hồi chậm, giá xăng, dầu tăng cao ảnh hưởng không nhỏ đến \
         sản xuất và đời sống của Nhân dân; nhiều doanh nghiệp thiếu đơn hàng, phải cắt giảm \
         lao động.\n\
         Một số kết quả kinh tế - xã hội quý I năm 2023 trên địa bàn tỉnh đạt được như:\n\
         1. Tổng sản phẩm trên địa bàn tỉnh (GRDP) tăng 7,25%;\n\
         2. Chỉ số sản xuất công nghiệp tăng 9,4%;\n\
         3. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ đạt 10.240 tỷ đồng, tăng 6,1%;\n",
    );
    let p = r.metadata.reporting_period.as_ref().expect("a period");
    assert_eq!(
        (p.start, p.end),
        (common::date(2023, 1, 1), common::date(2023, 3, 31))
    );
    assert!(
        !r.metadata.title.starts_with("Đăng"),
        "{}",
        r.metadata.title
    );
    let rows = rows(&r);
    for (code, change) in [
        ("grdp", "+7.25%"),
        ("iip", "+9.4%"),
        ("retail_sales", "+6.1%"),
    ] {
        assert!(
            rows.iter().any(|w| w.starts_with(&format!("{code} |"))
                && w.contains("QUARTER 2023-01-01..2023-03-31")
                && w.ends_with(change)),
            "{code}: {}",
            rows.join("\n")
        );
    }
}
