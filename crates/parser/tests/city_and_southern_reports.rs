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

#[test]
fn the_sectors_after_the_growth_of_the_whole_economy() {
    // "Trong mức tăng 7,84% của kinh tế thành phố, khu vực ... tăng
    // 0,50%, đóng góp 0,05 điểm phần trăm ...": the GRDP's sectors and
    // their contributions, as after "Trong đó"; the 7,84% repeats the
    // GRDP's change (Cần Thơ, 2019).
    let text = "Tình hình kinh tế - xã hội thành phố năm 2019\n\n1. Tăng trưởng kinh tế\n\n\
                Tổng sản phẩm trên địa bàn thành phố (GRDP) năm 2019 ước tính tăng 6,90% so với \
                năm 2018. Trong mức tăng 6,90% của kinh tế thành phố, khu vực nông, lâm nghiệp \
                và thủy sản tăng 1,20%, đóng góp 0,12 điểm phần trăm vào mức tăng chung; khu vực \
                công nghiệp và xây dựng tăng 9,10%, đóng góp 3 điểm phần trăm; khu vực dịch vụ \
                tăng 7,05%, đóng góp 3,38 điểm phần trăm.\n";
    let r = reporting(text);
    let rows: Vec<String> = r.observations.iter().map(row).collect();
    assert_eq!(rows.len(), 7, "{}", rows.join("\n"));
    assert_eq!(r.observations[0].comparisons.len(), 1, "{}", rows[0]);
    for (i, sector) in [
        (1, "khu vực nông, lâm nghiệp và thủy sản"),
        (3, "khu vực công nghiệp và xây dựng"),
        (5, "khu vực dịch vụ"),
    ] {
        let o = &r.observations[i];
        assert_eq!(
            (o.indicator.as_str(), o.breakdown.as_str()),
            ("grdp", sector),
            "{}",
            rows[i]
        );
        let c = &r.observations[i + 1];
        assert_eq!(
            (c.indicator.as_str(), c.breakdown.as_str()),
            ("grdp_growth_contribution", sector),
            "{}",
            rows[i + 1]
        );
    }
}

#[test]
fn city_statistics_offices_names_of_services_and_retail() {
    // Đà Nẵng's "Doanh thu dịch vụ du lịch lữ hành", "Doanh thu dịch vụ
    // lưu trú và ăn uống" (May 2024) and Hà Nội's "tổng mức bán hàng hoá
    // và doanh thu dịch vụ tiêu dùng xã hội" (June 2016): catalog
    // subjects.
    let r = report(
        "Doanh thu dịch vụ du lịch lữ hành 5 tháng đầu năm 2024 ước đạt 1.980 tỷ đồng, tăng \
         40,5% so với cùng kỳ năm 2023.\n\n\
         Doanh thu dịch vụ lưu trú và ăn uống 5 tháng đầu năm 2024 ước đạt 9.120 tỷ đồng, tăng \
         18,1% so với cùng kỳ năm trước.\n\n\
         6 tháng đầu năm, tổng mức bán hàng hoá và doanh thu dịch vụ tiêu dùng xã hội tăng 9,7%; \
         kim ngạch xuất khẩu tăng 0,1%.",
    );
    let rows: Vec<String> = r.observations.iter().map(row).collect();
    let got: Vec<(&str, &str)> = r
        .observations
        .iter()
        .map(|o| (o.indicator.as_str(), o.breakdown.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("tourism_revenue", ""),
            ("accommodation_food_revenue", ""),
            ("retail_sales", ""),
            ("exports", ""),
        ],
        "{}",
        rows.join("\n")
    );
}
