//! The genre's common forms, one passage a group: the statistics offices'
//! CPI wording, periods counted from the year's start, units and ranges,
//! bases written before their change. Invented figures, each checked on
//! every field as in `other_provinces.rs` (with its row helpers,
//! `common/rows.rs`).

mod common;

use common::rows::*;

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

#[test]
fn a_base_written_before_its_change() {
    // Statistics offices put the base first: "so với tháng trước tăng
    // 2,1% và so với cùng kỳ năm trước tăng 9,3%"; each change takes the
    // base written right before it, and "tháng 5 năm 2024 so với tháng 5
    // năm 2023" is the month's year-on-year change, not a figure of 2023.
    let r = report(
        "Chỉ số sản xuất toàn ngành công nghiệp tháng 5/2024 so với tháng trước tăng 2,1% và \
         so với cùng kỳ năm trước tăng 9,3%. Chỉ số giá tiêu dùng tháng 5 năm 2024 so với \
         tháng 5 năm 2023 tăng 4,21%, so với tháng 12 năm 2023 tăng 2,15%.",
    );
    assert_rows(
        &r,
        &[
            &format!(
                "iip |  | {MAY} | - | Actual | PreviousPeriod +2.1%, SamePeriodLastYear +9.3%"
            ),
            &format!("cpi |  | {MAY} | - | Actual | SamePeriodLastYear +4.21%, Other +2.15%"),
        ],
    );
}

#[test]
fn the_statistics_office_cpi_paragraph() {
    // CPI against the month before, December of last year (no base of the
    // model's own: Other) and a year before; the average since January is
    // a year-to-date figure of its own, compared with the same months'
    // average a year before.
    let r = report(
        "Chỉ số giá tiêu dùng (CPI) tháng 5/2024 tăng 0,35% so với tháng trước, tăng 2,15% so \
         với tháng 12 năm trước và tăng 4,21% so với cùng kỳ năm trước. Bình quân 5 tháng đầu \
         năm 2024, CPI tăng 4,02% so với bình quân cùng kỳ năm 2023. Chỉ số giá vàng tháng 5 \
         tăng 4,5% so với tháng trước; chỉ số giá đô la Mỹ giảm 0,8% so với tháng trước.",
    );
    assert_rows(
        &r,
        &[
            &format!(
                "cpi |  | {MAY} | - | Actual | PreviousPeriod +0.35%, Other +2.15%, SamePeriodLastYear +4.21%"
            ),
            &format!("cpi |  | {YTD} | - | Actual | SamePeriodLastYear +4.02%"),
            &format!("gold_price_index |  | {MAY} | - | Actual | PreviousPeriod +4.5%"),
            &format!("usd_price_index |  | {MAY} | - | Actual | PreviousPeriod -0.8%"),
        ],
    );
}

#[test]
fn figures_counted_from_the_start_of_the_year() {
    // "Từ đầu năm đến nay" is the year to date of the report's month, and
    // no subject; "tính từ đầu năm đến ngày 20/5" runs from January 1 to
    // that day (the flow over the interval, as "lũy kế" to a cut-off is).
    let r = report(
        "Từ đầu năm đến nay, toàn tỉnh có 350 doanh nghiệp thành lập mới, tăng 12% so với \
         cùng kỳ. Giải ngân vốn đầu tư công tính từ đầu năm đến ngày 20/5 đạt 2.150 tỷ đồng, \
         bằng 30,5% kế hoạch. Lũy kế từ đầu năm đến nay, kim ngạch xuất khẩu ước đạt 1.020 \
         triệu USD, tăng 6,4%.",
    );
    assert_rows(
        &r,
        &[
            &format!(
                "enterprises_new |  | {YTD} | 350 doanh nghiệp Enterprise x1 | Actual | SamePeriodLastYear +12%"
            ),
            "public_investment_disbursement |  | YTD 2024-01-01..2024-05-20 | 2150 tỷ đồng Vnd x1000000000 | Actual | Plan =30.5%",
            &format!(
                "exports |  | {YTD} | 1020 triệu USD Usd x1000000 | Estimate | SamePeriodLastYear +6.4%"
            ),
        ],
    );
}

#[test]
fn attainments_of_the_estimates_each_level_of_government_set() {
    // The budget estimate "Trung ương giao" (central) and "HĐND tỉnh giao"
    // (the provincial council) are two bases of one figure, not a
    // breakdown named "Trung ương giao".
    let r = report(
        "Thu ngân sách nhà nước 5 tháng ước đạt 4.500 tỷ đồng, bằng 45,6% dự toán Trung ương \
         giao, bằng 40,2% dự toán HĐND tỉnh giao. Chi ngân sách địa phương 5 tháng ước đạt \
         5.200 tỷ đồng, đạt 38,1% dự toán năm 2024 và đạt 35,4% kế hoạch UBND tỉnh giao.",
    );
    let bn = "tỷ đồng Vnd x1000000000";
    assert_rows(
        &r,
        &[
            &format!(
                "budget_revenue |  | {YTD} | 4500 {bn} | Estimate | BudgetEstimate =45.6%, BudgetEstimate =40.2%"
            ),
            &format!(
                "budget_expenditure |  | {YTD} | 5200 {bn} | Estimate | BudgetEstimate =38.1%, Plan =35.4%"
            ),
        ],
    );
}

#[test]
fn a_change_in_percentage_points_keeps_its_unit() {
    // A rate's change in percentage points is an absolute change whose unit
    // says so ("điểm phần trăm"), not index points ("điểm"); the catalog
    // has no unit code of its own for it, POINT is the nearest.
    let r = report("Tỷ lệ hộ nghèo tháng 5 giảm 1,2 điểm phần trăm so với cùng kỳ.");
    assert_rows(
        &r,
        &[&format!(
            "poverty_rate |  | {MAY} | - | Actual | SamePeriodLastYear -1.2 điểm phần trăm Point"
        )],
    );
}
