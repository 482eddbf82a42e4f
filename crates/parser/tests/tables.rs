//! Tables copied from a web page or a PDF with one cell a line: passages
//! written like the statistics offices' tables (Cục Thống kê tables on a
//! province portal, a monthly brief's annex, a Sở Công Thương report), with
//! invented figures, each checked on every field.

mod common;

use baocao_domain::QualityIssueKind;
use common::rows::*;

const APRIL: &str = "MONTH 2024-04-01..2024-04-30";
const YTD5: &str = "YTD 2024-01-01..2024-05-31";

#[test]
fn a_table_with_a_unit_column_is_read_row_by_row() {
    // Label, unit, last month done, this month estimated, and this month
    // as a percent of the same month a year before.
    let r = report(
        "1. Một số chỉ tiêu chủ yếu\n\n\
         Chỉ tiêu\nĐơn vị tính\nThực hiện tháng 4\nƯớc tính tháng 5\nSo với cùng kỳ (%)\n\
         Kim ngạch xuất khẩu\nTriệu USD\n210,5\n215,3\n107,4\n\
         Kim ngạch nhập khẩu\nTriệu USD\n130,2\n128,0\n96,8\n\
         Sau bảng, tổng vốn đầu tư thực hiện trên địa bàn tháng 5 ước đạt 4.120 tỷ đồng.\n",
    );
    assert_rows(
        &r,
        &[
            &format!("exports |  | {APRIL} | 210.5 triệu USD Usd x1000000 | Actual | "),
            &format!(
                "exports |  | {MAY} | 215.3 triệu USD Usd x1000000 | Estimate | SamePeriodLastYear =107.4%"
            ),
            &format!("imports |  | {APRIL} | 130.2 triệu USD Usd x1000000 | Actual | "),
            &format!(
                "imports |  | {MAY} | 128 triệu USD Usd x1000000 | Estimate | SamePeriodLastYear =96.8%"
            ),
            &format!("realized_investment |  | {MAY} | 4120 tỷ đồng Vnd x1000000000 | Estimate | "),
        ],
    );
}

#[test]
fn a_table_between_bars_with_its_unit_in_the_caption_and_a_breakdown() {
    // A portal's table: "|" between cells, heads wrapped over lines, the
    // unit above the table, a total row and the items under it.
    let r = report(
        "2. Thương mại\n\n\
         Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 5 năm 2024\n\
         Đơn vị tính: Tỷ đồng\n|\nƯớc tính\ntháng 5 năm\n2024\n|\nLũy kế\n5 tháng năm 2024\n|\n\
         Tháng 5/2024 so với\ncùng kỳ năm trước (%)\n|\n\
         Tổng số\n|\n4.671,4\n|\n22.896,9\n|\n113,0\n|\n\
         Phân theo ngành hoạt động\n|\n\
         Bán lẻ hàng hóa\n|\n3.415,7\n|\n16.871,4\n|\n113,7\n|\n\
         Dịch vụ lưu trú, ăn uống\n|\n857,6\n|\n4.152,0\n|\n108,2\n|\n",
    );
    assert_rows(
        &r,
        &[
            &format!(
                "retail_sales |  | {MAY} | 4671.4 tỷ đồng Vnd x1000000000 | Estimate | SamePeriodLastYear =113%"
            ),
            &format!("retail_sales |  | {YTD5} | 22896.9 tỷ đồng Vnd x1000000000 | Actual | "),
            // "Bán lẻ hàng hóa" under a revenue's caption is its "doanh thu
            // bán lẻ hàng hóa", as prose and "Doanh thu bán lẻ" rows read it.
            &format!(
                "retail_goods |  | {MAY} | 3415.7 tỷ đồng Vnd x1000000000 | Estimate | SamePeriodLastYear =113.7%"
            ),
            &format!("retail_goods |  | {YTD5} | 16871.4 tỷ đồng Vnd x1000000000 | Actual | "),
            &format!(
                "accommodation_food_revenue |  | {MAY} | 857.6 tỷ đồng Vnd x1000000000 | Estimate | SamePeriodLastYear =108.2%"
            ),
            &format!(
                "accommodation_food_revenue |  | {YTD5} | 4152 tỷ đồng Vnd x1000000000 | Actual | "
            ),
        ],
    );
}

#[test]
fn an_index_table_of_comparisons_only_gives_figures_without_a_level() {
    // A monthly brief's annex: every column is the index against a base,
    // the heads wrapped over three lines; the branches are the index's.
    let r = report(
        "3. Công nghiệp\n\n\
         Chỉ số sản xuất công nghiệp\nĐơn vị tính: %\n\
         Ước tính tháng\n5 năm 2024 so\nvới tháng trước\n\
         Ước tính tháng\n5 năm 2024 so\nvới cùng kỳ\nnăm 2023\n\
         Cộng dồn\n5 tháng năm\n2024 so với cùng\nkỳ năm 2023\n\
         TOÀN NGÀNH CÔNG NGHIỆP\n101,25\n108,40\n107,92\n\
         1. Công nghiệp khai khoáng\n97,10\n95,02\n98,77\n",
    );
    assert_rows(
        &r,
        &[
            &format!(
                "iip |  | {MAY} | - | Estimate | PreviousPeriod =101.25%, SamePeriodLastYear =108.4%"
            ),
            &format!("iip |  | {YTD5} | - | Actual | SamePeriodLastYear =107.92%"),
            &format!(
                "iip | Công nghiệp khai khoáng | {MAY} | - | Estimate | PreviousPeriod =97.1%, SamePeriodLastYear =95.02%"
            ),
            &format!(
                "iip | Công nghiệp khai khoáng | {YTD5} | - | Actual | SamePeriodLastYear =98.77%"
            ),
        ],
    );
}

#[test]
fn a_head_over_two_columns_gives_them_its_base() {
    // "So với cùng kỳ năm 2023" stands over "Tháng 5 năm 2024" and "5
    // tháng năm 2024" (the web copy puts it after them); the unit is in the
    // row's label.
    let r = report(
        "4. Du lịch\n\n\
         Thực hiện\ntháng 4\nnăm\n2024\n\n\
         Ước tính\ntháng 5\nnăm\n2024\n\n\
         Ước tính\n5 tháng\nnăm\n2024\n\n\
         Tháng 5\nnăm 2024\n\n\
         5 tháng\nnăm 2024\n\n\
         So với cùng kỳ\nnăm 2023\n\n\
         Lượt khách phục vụ (Lượt khách)\n\n\
         532.911\n\n545.070\n\n2.608.098\n\n115,59\n\n112,97\n\n\
         Lượt khách VN ra nước ngoài (Lượt khách)\n\n\
         418\n\n422\n\n1.252\n\n100,91\n\n106,14\n",
    );
    assert_rows(
        &r,
        &[
            &format!("tourist_arrivals | phục vụ | {APRIL} | 532911 lượt Visit x1 | Actual | "),
            &format!(
                "tourist_arrivals | phục vụ | {MAY} | 545070 lượt Visit x1 | Estimate | SamePeriodLastYear =115.59%"
            ),
            &format!(
                "tourist_arrivals | phục vụ | {YTD5} | 2608098 lượt Visit x1 | Estimate | SamePeriodLastYear =112.97%"
            ),
            // "418" alone on its line is a cell, not a page number.
            &format!(
                "tourist_arrivals | VN ra nước ngoài | {APRIL} | 418 lượt Visit x1 | Actual | "
            ),
            &format!(
                "tourist_arrivals | VN ra nước ngoài | {MAY} | 422 lượt Visit x1 | Estimate | SamePeriodLastYear =100.91%"
            ),
            &format!(
                "tourist_arrivals | VN ra nước ngoài | {YTD5} | 1252 lượt Visit x1 | Estimate | SamePeriodLastYear =106.14%"
            ),
        ],
    );
}

#[test]
fn a_row_short_of_a_cell_leaves_the_table_unread_with_an_issue() {
    // The third row lost a cell: the rows no longer divide into the
    // columns, so no row is guessed.
    let r = report(
        "1. Nông nghiệp\n\n\
         Chỉ tiêu\nĐơn vị tính\nThực hiện cùng kỳ năm trước\nƯớc tính tháng 5\nSo sánh (%)\n\
         Diện tích lúa đông xuân\nHa\n41.200\n40.850\n99,2\n\
         Sản lượng lúa đông xuân\nTấn\n252.100\n255.300\n101,3\n\
         Năng suất lúa đông xuân\nTạ/ha\n61,2\n62,5\n",
    );
    assert_rows(&r, &[]);
    assert!(
        r.quality_issues
            .iter()
            .any(|i| i.kind == QualityIssueKind::UnattachedNumber
                && i.message.contains("table")
                && i.message.contains("Năng suất lúa đông xuân")),
        "{:#?}",
        r.quality_issues
    );
}

#[test]
fn a_column_of_the_same_period_a_year_before_and_an_unnamed_comparison() {
    // "Thực hiện cùng kỳ năm trước" is the level a year earlier; "So sánh
    // (%)" names no base: the genre's is the same period a year before, of
    // the column just before it.
    let r = report(
        "1. Nông nghiệp\n\n\
         Chỉ tiêu\nĐơn vị tính\nThực hiện cùng kỳ năm trước\nƯớc tính tháng 5\nSo sánh (%)\n\
         Sản lượng thịt hơi xuất chuồng\nTấn\n8.120\n8.420\n103,7\n\
         Trong đó:\n\
         Thịt lợn\nTấn\n6.050\n6.310\n104,3\n",
    );
    assert_rows(
        &r,
        &[
            "meat_output |  | MONTH 2023-05-01..2023-05-31 | 8120 tấn Tonne x1 | Actual | ",
            &format!(
                "meat_output |  | {MAY} | 8420 tấn Tonne x1 | Estimate | SamePeriodLastYear =103.7%"
            ),
            "meat_output | Thịt lợn | MONTH 2023-05-01..2023-05-31 | 6050 tấn Tonne x1 | Actual | ",
            &format!(
                "meat_output | Thịt lợn | {MAY} | 6310 tấn Tonne x1 | Estimate | SamePeriodLastYear =104.3%"
            ),
        ],
    );
}

/// Every field with the label, for tables whose rows name no indicator.
fn assert_labelled(r: &baocao_domain::Report, want: &[&str]) {
    let got: Vec<String> = r.observations.iter().map(labelled_row).collect();
    assert_eq!(
        got,
        want,
        "\ngot:\n{}\nissues: {:#?}",
        got.join("\n"),
        r.quality_issues
    );
}

#[test]
fn numbered_and_dashed_rows_are_items_of_the_row_above_them() {
    // A statistics office's tourism table: the unit column's head wrapped
    // over three lines, a unit over two ("Nghìn" / "Lượt khách"), a ditto
    // mark for the unit of the row above; "1.1." is an item of "1.", "- "
    // of the row above it. Guest-days are no arrivals: their row and its
    // items keep their own label.
    let r = report(
        "4. Du lịch\n\n\
         Đơn\nvị\ntính\n\
         Thực hiện\ntháng 4 năm 2024\n\
         Ước tính\ntháng 5 năm 2024\n\
         Lũy kế 5 tháng năm 2024\n\
         Lũy kế 5 tháng năm 2024 so với cùng kỳ năm trước (%)\n\
         I. Dịch vụ lưu trú\n\
         1. Tổng lượt khách phục vụ\nNghìn\nLượt khách\n150,2\n155,0\n720,4\n110,5\n\
         1.1. Lượt khách ngủ qua đêm\n\"\n120,1\n124,3\n580,2\n111,2\n\
         - Khách quốc tế\n\"\n50,3\n52,1\n240,8\n130,4\n\
         2. Tổng ngày khách phục vụ\nNghìn\nNgày khách\n210,0\n214,6\n990,3\n112,0\n\
         - Khách quốc tế\n\"\n100,5\n101,2\n470,1\n125,3\n",
    );
    let arrivals = "tourist_arrivals | Tổng lượt khách";
    let days = " | Tổng ngày khách phục vụ";
    assert_labelled(
        &r,
        &[
            &format!("{arrivals} | phục vụ | {APRIL} | 150.2 nghìn lượt Visit x1000 | Actual | "),
            &format!("{arrivals} | phục vụ | {MAY} | 155 nghìn lượt Visit x1000 | Estimate | "),
            &format!(
                "{arrivals} | phục vụ | {YTD5} | 720.4 nghìn lượt Visit x1000 | Actual | SamePeriodLastYear =110.5%"
            ),
            &format!(
                "{arrivals} | ngủ qua đêm | {APRIL} | 120.1 nghìn lượt Visit x1000 | Actual | "
            ),
            &format!(
                "{arrivals} | ngủ qua đêm | {MAY} | 124.3 nghìn lượt Visit x1000 | Estimate | "
            ),
            &format!(
                "{arrivals} | ngủ qua đêm | {YTD5} | 580.2 nghìn lượt Visit x1000 | Actual | SamePeriodLastYear =111.2%"
            ),
            &format!(
                "{arrivals} | ngủ qua đêm, Khách quốc tế | {APRIL} | 50.3 nghìn lượt Visit x1000 | Actual | "
            ),
            &format!(
                "{arrivals} | ngủ qua đêm, Khách quốc tế | {MAY} | 52.1 nghìn lượt Visit x1000 | Estimate | "
            ),
            &format!(
                "{arrivals} | ngủ qua đêm, Khách quốc tế | {YTD5} | 240.8 nghìn lượt Visit x1000 | Actual | SamePeriodLastYear =130.4%"
            ),
            &format!("{days} |  | {APRIL} | 210 nghìn ngày khách Other x1000 | Actual | "),
            &format!("{days} |  | {MAY} | 214.6 nghìn ngày khách Other x1000 | Estimate | "),
            &format!(
                "{days} |  | {YTD5} | 990.3 nghìn ngày khách Other x1000 | Actual | SamePeriodLastYear =112%"
            ),
            &format!(
                "{days} | Khách quốc tế | {APRIL} | 100.5 nghìn ngày khách Other x1000 | Actual | "
            ),
            &format!(
                "{days} | Khách quốc tế | {MAY} | 101.2 nghìn ngày khách Other x1000 | Estimate | "
            ),
            &format!(
                "{days} | Khách quốc tế | {YTD5} | 470.1 nghìn ngày khách Other x1000 | Actual | SamePeriodLastYear =125.3%"
            ),
        ],
    );
}

#[test]
fn visitors_by_origin_under_a_row_are_its_items_when_indentation_is_lost() {
    // The same table with its indentation lost in the copy: "Khách quốc
    // tế" / "Khách trong nước" split the row above them (overnight guests,
    // guest-days), not the table's total, and are counted in its unit.
    let r = report(
        "4. Du lịch\n\n\
         Số ngày khách và lượt khách tháng 5 năm 2024\n\n\
         Thực hiện\ntháng 4\nnăm\n2024\n\n\
         Ước tính\ntháng 5\nnăm\n2024\n\n\
         Tháng 5 năm 2024 so với cùng kỳ năm trước (%)\n\n\
         Lượt khách phục vụ (Lượt khách)\n\n532.911\n\n545.070\n\n115,59\n\n\
         Lượt khách ngủ qua đêm\n\n334.247\n\n344.280\n\n117,37\n\n\
         Khách quốc tế\n\n43.696\n\n44.186\n\n119,18\n\n\
         Khách trong nước\n\n290.551\n\n300.094\n\n113,77\n\n\
         Lượt khách trong ngày\n\n198.664\n\n200.790\n\n112,67\n\n\
         Ngày khách phục vụ (Ngày khách)\n\n580.718\n\n593.421\n\n112,36\n\n\
         Khách quốc tế\n\n116.311\n\n117.218\n\n115,37\n",
    );
    let arrivals = "tourist_arrivals | Lượt khách";
    let days = " | Ngày khách phục vụ";
    assert_labelled(
        &r,
        &[
            &format!("{arrivals} | phục vụ | {APRIL} | 532911 lượt Visit x1 | Actual | "),
            &format!(
                "{arrivals} | phục vụ | {MAY} | 545070 lượt Visit x1 | Estimate | SamePeriodLastYear =115.59%"
            ),
            &format!("{arrivals} | ngủ qua đêm | {APRIL} | 334247  Number x1 | Actual | "),
            &format!(
                "{arrivals} | ngủ qua đêm | {MAY} | 344280  Number x1 | Estimate | SamePeriodLastYear =117.37%"
            ),
            &format!(
                "{arrivals} | ngủ qua đêm, Khách quốc tế | {APRIL} | 43696  Number x1 | Actual | "
            ),
            &format!(
                "{arrivals} | ngủ qua đêm, Khách quốc tế | {MAY} | 44186  Number x1 | Estimate | SamePeriodLastYear =119.18%"
            ),
            &format!(
                "{arrivals} | ngủ qua đêm, Khách trong nước | {APRIL} | 290551  Number x1 | Actual | "
            ),
            &format!(
                "{arrivals} | ngủ qua đêm, Khách trong nước | {MAY} | 300094  Number x1 | Estimate | SamePeriodLastYear =113.77%"
            ),
            &format!("{arrivals} | trong ngày | {APRIL} | 198664  Number x1 | Actual | "),
            &format!(
                "{arrivals} | trong ngày | {MAY} | 200790  Number x1 | Estimate | SamePeriodLastYear =112.67%"
            ),
            &format!("{days} |  | {APRIL} | 580718 ngày khách Other x1 | Actual | "),
            &format!(
                "{days} |  | {MAY} | 593421 ngày khách Other x1 | Estimate | SamePeriodLastYear =112.36%"
            ),
            &format!("{days} | Khách quốc tế | {APRIL} | 116311 ngày khách Other x1 | Actual | "),
            &format!(
                "{days} | Khách quốc tế | {MAY} | 117218 ngày khách Other x1 | Estimate | SamePeriodLastYear =115.37%"
            ),
        ],
    );
}

#[test]
fn a_preliminary_column_after_the_years_is_the_year_after_them() {
    // A yearbook's "Sơ bộ" column names no year: it is the year after the
    // last year column (the figure published first, revised later).
    let r = report(
        "1. Nông nghiệp\n\n\
         Diện tích lúa đông xuân phân theo huyện\n\
         Đơn vị tính - Unit: Ha\n|\n2021 |\n2022 |\nSơ bộ |\n\
         TỔNG SỐ - TOTAL |\n30.857,3 |\n31.210,3 |\n30.150,8 |\n",
    );
    assert_rows(
        &r,
        &[
            "rice_area | đông xuân | YEAR 2021-01-01..2021-12-31 | 30857.3 ha Hectare x1 | Actual | ",
            "rice_area | đông xuân | YEAR 2022-01-01..2022-12-31 | 31210.3 ha Hectare x1 | Actual | ",
            "rice_area | đông xuân | YEAR 2023-01-01..2023-12-31 | 30150.8 ha Hectare x1 | Actual | ",
        ],
    );
}

#[test]
fn a_charts_numbers_after_the_last_row_are_left_with_an_issue() {
    // A 6-month book's page: the table's last row is followed by the
    // chart under it (its values, then its axis 0, 20, 40, ...). The last
    // row keeps its three figures; the chart's are not read.
    let r = report(
        "1. Công nghiệp\n\n\
         Chỉ số sản xuất công nghiệp\nĐơn vị tính: %\n\
         Ước tính tháng\n5 năm 2024 so\nvới tháng trước\n\
         Ước tính tháng\n5 năm 2024 so\nvới cùng kỳ\nnăm 2023\n\
         TOÀN NGÀNH CÔNG NGHIỆP\n101,20\n108,40\n\
         1. Công nghiệp khai khoáng\n99,10\n96,60\n\
         2. Công nghiệp chế biến, chế tạo\n102,30\n110,70\n\
         112,50\n107,30\n,0\n20,0\n40,0\n60,0\n80,0\n100,0\n120,0\n5T/2023\n5T/2024\n\
         Chỉ số sản xuất công nghiệp - %\n",
    );
    assert_rows(
        &r,
        &[
            &format!(
                "iip |  | {MAY} | - | Estimate | PreviousPeriod =101.2%, SamePeriodLastYear =108.4%"
            ),
            &format!(
                "iip | Công nghiệp khai khoáng | {MAY} | - | Estimate | PreviousPeriod =99.1%, SamePeriodLastYear =96.6%"
            ),
            &format!(
                "iip | Công nghiệp chế biến, chế tạo | {MAY} | - | Estimate | PreviousPeriod =102.3%, SamePeriodLastYear =110.7%"
            ),
        ],
    );
    assert!(
        r.quality_issues
            .iter()
            .any(|i| i.kind == QualityIssueKind::UnattachedNumber && i.message.contains("chart")),
        "{:#?}",
        r.quality_issues
    );
}

#[test]
fn words_about_the_table_after_its_indicator_are_no_item() {
    // "chủ yếu" (main) says which rows the table holds: the total is the
    // exports', not an item "chủ yếu".
    let r = report(
        "3. Xuất khẩu\n\n\
         Kim ngạch xuất khẩu hàng hóa chủ yếu\nĐơn vị tính: Triệu USD\n\
         Thực hiện tháng 4 năm 2024\nƯớc tính tháng 5 năm 2024\n\
         Tổng số\n210,5\n215,3\n\
         Hàng dệt may\n80,1\n82,4\n",
    );
    assert_rows(
        &r,
        &[
            &format!("exports |  | {APRIL} | 210.5 triệu usd Usd x1000000 | Actual | "),
            &format!("exports |  | {MAY} | 215.3 triệu usd Usd x1000000 | Estimate | "),
            &format!("exports | Hàng dệt may | {APRIL} | 80.1 triệu usd Usd x1000000 | Actual | "),
            &format!("exports | Hàng dệt may | {MAY} | 82.4 triệu usd Usd x1000000 | Estimate | "),
        ],
    );
}

#[test]
fn a_plan_column_is_no_level_and_the_plan_comparison_is_its_attainment() {
    // "Kế hoạch năm 2024" is the year's target: no observation of its own
    // (an issue says its figures are not read); "So với kế hoạch năm (%)"
    // is the estimate's attainment of it.
    let r = report(
        "3. Xuất khẩu\n\n\
         Chỉ tiêu\nĐơn vị tính\nKế hoạch năm 2024\nƯớc thực hiện 5 tháng năm 2024\n\
         So với kế hoạch năm (%)\nSo với cùng kỳ (%)\n\
         Kim ngạch xuất khẩu\nTriệu USD\n2.500\n1.050,2\n42,0\n108,5\n\
         Kim ngạch nhập khẩu\nTriệu USD\n1.800\n720,4\n40,0\n96,2\n",
    );
    assert_rows(
        &r,
        &[
            &format!(
                "exports |  | {YTD5} | 1050.2 triệu USD Usd x1000000 | Estimate | Plan =42%, SamePeriodLastYear =108.5%"
            ),
            &format!(
                "imports |  | {YTD5} | 720.4 triệu USD Usd x1000000 | Estimate | Plan =40%, SamePeriodLastYear =96.2%"
            ),
        ],
    );
    assert!(
        r.quality_issues
            .iter()
            .any(|i| i.kind == QualityIssueKind::UnattachedNumber
                && i.message.contains("plan column")),
        "{:#?}",
        r.quality_issues
    );
}

#[test]
fn a_transposed_table_reads_its_years_as_periods_and_its_heads_as_indicators() {
    // Years as rows, indicators as columns (a yearbook's or an
    // association's table): each column's head with the caption's item
    // ("cây chè"); a head the catalog does not know keeps its words.
    let r = report(
        "3. Nông nghiệp\n\n\
         Diện tích, sản lượng và năng suất cây chè của tỉnh\n\
         Năm\n|\nTổng diện tích\n|\nDT thu hoạch\n|\nSản lượng\n|\nNăng suất\n|\n\
         (ha)\n|\n(ha)\n|\n(tấn)\n|\n(kg/ha/năm)\n|\n|\n\
         2021\n|\n5.210\n|\n4.870\n|\n61.300\n|\n12.587\n|\n\
         2022\n|\n5.340\n|\n4.910\n|\n63.150\n|\n12.862\n|\n\
         2023\n|\n5.405\n|\n5.020\n|\n65.800\n|\n13.108\n|\n\
         Nguồn: Cục Thống kê tỉnh\n",
    );
    let got: Vec<String> = r.observations.iter().map(labelled_row).collect();
    assert_eq!(
        got,
        [
            "crop_area | Tổng diện tích | cây chè | YEAR 2021-01-01..2021-12-31 | 5210 ha Hectare x1 | Actual | ",
            "crop_area | Tổng diện tích | cây chè | YEAR 2022-01-01..2022-12-31 | 5340 ha Hectare x1 | Actual | ",
            "crop_area | Tổng diện tích | cây chè | YEAR 2023-01-01..2023-12-31 | 5405 ha Hectare x1 | Actual | ",
            " | DT thu hoạch | cây chè | YEAR 2021-01-01..2021-12-31 | 4870 ha Hectare x1 | Actual | ",
            " | DT thu hoạch | cây chè | YEAR 2022-01-01..2022-12-31 | 4910 ha Hectare x1 | Actual | ",
            " | DT thu hoạch | cây chè | YEAR 2023-01-01..2023-12-31 | 5020 ha Hectare x1 | Actual | ",
            "crop_output | Sản lượng | cây chè | YEAR 2021-01-01..2021-12-31 | 61300 tấn Tonne x1 | Actual | ",
            "crop_output | Sản lượng | cây chè | YEAR 2022-01-01..2022-12-31 | 63150 tấn Tonne x1 | Actual | ",
            "crop_output | Sản lượng | cây chè | YEAR 2023-01-01..2023-12-31 | 65800 tấn Tonne x1 | Actual | ",
            "crop_yield | Năng suất | cây chè | YEAR 2021-01-01..2021-12-31 | 12587 kg/ha/năm Other x1 | Actual | ",
            "crop_yield | Năng suất | cây chè | YEAR 2022-01-01..2022-12-31 | 12862 kg/ha/năm Other x1 | Actual | ",
            "crop_yield | Năng suất | cây chè | YEAR 2023-01-01..2023-12-31 | 13108 kg/ha/năm Other x1 | Actual | ",
        ],
        "\ngot:\n{}\nissues: {:#?}",
        got.join("\n"),
        r.quality_issues
    );
}

#[test]
fn a_transposed_breakdown_reads_its_first_block_and_leaves_the_shares() {
    // The caption is the indicator, the heads its total and its items; a
    // "Cơ cấu (%)" block under the levels is left with an issue.
    let r = report(
        "2. Thương mại\n\n\
         TỔNG MỨC BÁN LẺ HÀNG HÓA VÀ DOANH THU DỊCH VỤ TIÊU DÙNG\n\
         PHÂN THEO NGÀNH KINH DOANH\n\
         Tổng số\nChia ra - Of which\nBán lẻ hàng hóa\nDịch vụ khác\n\
         Total\nRetail sale\nOther service\n\
         Triệu đồng - Mill. dongs\n\
         2021\n30.125.400\n24.310.200\n5.815.200\n\
         Sơ bộ - Prel. 2022\n33.480.100\n26.905.300\n6.574.800\n\
         Cơ cấu - Structure (%)\n\
         2021\n100,00\n80,70\n19,30\n\
         Sơ bộ - Prel. 2022\n100,00\n80,36\n19,64\n",
    );
    assert_rows(
        &r,
        &[
            "retail_sales |  | YEAR 2021-01-01..2021-12-31 | 30125400 triệu đồng Vnd x1000000 | Actual | ",
            "retail_sales |  | YEAR 2022-01-01..2022-12-31 | 33480100 triệu đồng Vnd x1000000 | Actual | ",
            "retail_goods |  | YEAR 2021-01-01..2021-12-31 | 24310200 triệu đồng Vnd x1000000 | Actual | ",
            "retail_goods |  | YEAR 2022-01-01..2022-12-31 | 26905300 triệu đồng Vnd x1000000 | Actual | ",
            "retail_sales | Dịch vụ khác | YEAR 2021-01-01..2021-12-31 | 5815200 triệu đồng Vnd x1000000 | Actual | ",
            "retail_sales | Dịch vụ khác | YEAR 2022-01-01..2022-12-31 | 6574800 triệu đồng Vnd x1000000 | Actual | ",
        ],
    );
    assert!(
        r.quality_issues
            .iter()
            .any(|i| i.kind == QualityIssueKind::UnattachedNumber && i.message.contains("Cơ cấu")),
        "{:#?}",
        r.quality_issues
    );
}

#[test]
fn a_transposed_table_whose_heads_are_uncertain_is_left_with_its_issue() {
    // A head wrapped over two lines ("Diện tích" / "thu hoạch"), and three
    // heads over two figures a year: no column is guessed.
    for heads in [
        "Năm\nDiện tích\nthu hoạch\nSản lượng\n",
        "Năm\nDiện tích\nSản lượng\nNăng suất\n",
    ] {
        let r = report(&format!(
            "3. Nông nghiệp\n\n\
             Diện tích và sản lượng cây điều\n{heads}\
             2021\n4.870\n61.300\n\
             2022\n4.910\n63.150\n\
             2023\n5.020\n65.800\n"
        ));
        assert!(rows(&r).is_empty(), "{:#?}", rows(&r));
        assert!(
            r.quality_issues
                .iter()
                .any(|i| i.kind == QualityIssueKind::UnattachedNumber),
            "{:#?}",
            r.quality_issues
        );
    }
}

#[test]
fn numbered_rows_of_a_table_are_cells_not_headings() {
    // A tourism table whose rows are numbered "I.", "1.", "1.1.", "II.":
    // after the table's first figure they are its rows, not the outline's
    // headings (no numbering issue), and the heading after the table
    // opens its section as before.
    let r = report(
        "1. Du lịch\n\n\
         Kết quả hoạt động du lịch tháng 5 năm 2024\n\
         Chỉ tiêu\nĐơn vị tính\nƯớc tính tháng 5 năm 2024\nLũy kế 5 tháng năm 2024\n\
         I. Dịch vụ lưu trú\n\
         1. Lượt khách phục vụ\nLượt khách\n120500\n540300\n\
         1.1. Lượt khách ngủ qua đêm\nLượt khách\n80400\n350200\n\
         2. Ngày khách phục vụ\nNgày khách\n210300\n905600\n\
         II. Lữ hành\n\
         1. Lượt khách phục vụ\nLượt khách\n15200\n61800\n\
         2. Nông nghiệp\n\n\
         Diện tích lúa đông xuân toàn tỉnh đạt 45.210 ha.\n",
    );
    let gaps: Vec<_> = r
        .quality_issues
        .iter()
        .filter(|i| i.kind == QualityIssueKind::NumberingGap)
        .collect();
    assert!(gaps.is_empty(), "{gaps:#?}");
    let numbers: Vec<&str> = r.sections.iter().map(|s| s.number.as_str()).collect();
    assert_eq!(numbers, ["I", "1", "2"], "{:#?}", r.sections);
    assert_eq!(rows(&r).len(), 9, "{:#?}", rows(&r));
}

#[test]
fn quarters_as_rows_under_year_columns_are_the_quarters_of_those_years() {
    // A yearbook's table: the total, then "Phân theo quý" and the four
    // quarters under the years' columns. A quarter's row is the table's
    // subject in that quarter of the column's year, not an item "Quý I".
    let r = report(
        "1. Tăng trưởng kinh tế\n\n\
         Tổng sản phẩm trên địa bàn theo giá hiện hành\n\
         Đơn vị tính: Tỷ đồng\n\
         2022\n2023\n\
         Tổng số\n52.480\n56.910\n\
         Phân theo quý trong năm\n\
         Quý I\n11.620\n12.450\n\
         Quý II\n12.840\n13.910\n\
         Quý III\n13.350\n14.480\n\
         Quý IV\n14.670\n16.070\n",
    );
    let want: Vec<String> = [
        (
            "YEAR 2022-01-01..2022-12-31",
            "52480",
            "YEAR 2023-01-01..2023-12-31",
            "56910",
        ),
        (
            "QUARTER 2022-01-01..2022-03-31",
            "11620",
            "QUARTER 2023-01-01..2023-03-31",
            "12450",
        ),
        (
            "QUARTER 2022-04-01..2022-06-30",
            "12840",
            "QUARTER 2023-04-01..2023-06-30",
            "13910",
        ),
        (
            "QUARTER 2022-07-01..2022-09-30",
            "13350",
            "QUARTER 2023-07-01..2023-09-30",
            "14480",
        ),
        (
            "QUARTER 2022-10-01..2022-12-31",
            "14670",
            "QUARTER 2023-10-01..2023-12-31",
            "16070",
        ),
    ]
    .iter()
    .flat_map(|(p1, v1, p2, v2)| {
        [
            format!("grdp |  | {p1} | {v1} tỷ đồng Vnd x1000000000 | Actual | "),
            format!("grdp |  | {p2} | {v2} tỷ đồng Vnd x1000000000 | Actual | "),
        ]
    })
    .collect();
    let want: Vec<&str> = want.iter().map(String::as_str).collect();
    assert_rows(&r, &want);
}

#[test]
fn quarters_as_rows_under_columns_that_hold_no_quarter_are_not_read() {
    // "Quý I" under a month's columns: no quarter of the month; the table
    // is left with its issue, no row guessed.
    let r = report(
        "1. Tăng trưởng kinh tế\n\n\
         Tổng sản phẩm trên địa bàn theo giá so sánh 2010 (%)\n\
         Tháng 4 năm 2024\nTháng 5 năm 2024\n\
         Tổng số\n7,12\n6,85\n\
         Quý I\n6,10\n5,90\n\
         Quý II\n7,05\n6,40\n",
    );
    assert!(rows(&r).is_empty(), "{:#?}", rows(&r));
    assert!(
        r.quality_issues
            .iter()
            .any(|i| i.kind == QualityIssueKind::UnattachedNumber && i.message.contains("Quý I")),
        "{:#?}",
        r.quality_issues
    );
}

#[test]
fn an_index_table_of_a_value_by_area_and_ownership_is_read_as_the_values_comparisons() {
    // An index of the industrial output value by district, each split by
    // ownership with no marker: every column compares, so "%" is the
    // comparisons' unit (no level of the value in đồng is stated), and an
    // unmarked "Nhà nước" / "Ngoài Nhà nước" / "Đầu tư nước ngoài" run is
    // the split of the row above it.
    let r = report(
        "3. Công nghiệp\n\n\
         Chỉ số giá trị sản xuất công nghiệp trên địa bàn các huyện, thành phố\n\
         %\n\
         Tháng 5/2024 so với tháng 4/2024\n\
         Tháng 5/2024 so với cùng kỳ năm 2023\n\
         Thành phố Hòa Bình\n102,4\n110,3\n\
         Nhà nước\n99,8\n104,1\n\
         Ngoài Nhà nước\n103,5\n112,7\n\
         Đầu tư nước ngoài\n101,2\n108,9\n\
         Huyện Lương Sơn\n104,0\n115,2\n\
         Ngoài Nhà nước\n104,6\n117,0\n",
    );
    let row = |item: &str, prev: &str, year: &str| {
        format!(
            "industrial_output_value | {item} | {MAY} | - | Actual | PreviousPeriod ={prev}%, SamePeriodLastYear ={year}%"
        )
    };
    let want = [
        row("Thành phố Hòa Bình", "102.4", "110.3"),
        row("Thành phố Hòa Bình, Nhà nước", "99.8", "104.1"),
        row("Thành phố Hòa Bình, Ngoài Nhà nước", "103.5", "112.7"),
        row("Thành phố Hòa Bình, Đầu tư nước ngoài", "101.2", "108.9"),
        row("Huyện Lương Sơn", "104", "115.2"),
        row("Huyện Lương Sơn, Ngoài Nhà nước", "104.6", "117"),
    ];
    let want: Vec<&str> = want.iter().map(String::as_str).collect();
    assert_rows(&r, &want);
}

#[test]
fn a_caption_too_long_for_a_cell_on_the_line_before_the_table_names_its_subject() {
    // The caption runs over 72 characters: the line is no cell, and the
    // table's first cell is its "%". The line right before the cells, no
    // sentence and no heading, is the table's caption.
    let r = report(
        "3. Công nghiệp\n\n\
         Chỉ số giá trị sản xuất công nghiệp trên địa bàn các huyện, thành phố tháng 5 và 5 tháng đầu năm 2024\n\
         %\n\
         Tháng 5/2024 so với tháng 4/2024\n\
         5 tháng năm 2024 so với cùng kỳ năm 2023\n\
         Thành phố Hòa Bình\n102,4\n110,3\n\
         Huyện Lương Sơn\n104,0\n115,2\n",
    );
    assert_rows(
        &r,
        &[
            &format!(
                "industrial_output_value | Thành phố Hòa Bình | {MAY} | - | Actual | PreviousPeriod =102.4%"
            ),
            &format!(
                "industrial_output_value | Thành phố Hòa Bình | {YTD5} | - | Actual | SamePeriodLastYear =110.3%"
            ),
            &format!(
                "industrial_output_value | Huyện Lương Sơn | {MAY} | - | Actual | PreviousPeriod =104%"
            ),
            &format!(
                "industrial_output_value | Huyện Lương Sơn | {YTD5} | - | Actual | SamePeriodLastYear =115.2%"
            ),
        ],
    );
}

#[test]
fn a_revenue_tables_rows_name_the_revenues_prose_names() {
    // Under a revenue's caption the rows drop "Doanh thu": "Bán lẻ hàng
    // hóa", "Du lịch lữ hành" are the revenues prose names "doanh thu bán
    // lẻ hàng hóa", "doanh thu du lịch lữ hành"; "Dịch vụ khác" names none
    // and stays the total's item. Under another caption "Du lịch" is no
    // revenue.
    let r = report(
        "2. Thương mại\n\n\
         Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng\n\
         Đơn vị tính: Tỷ đồng\n\
         Ước tính tháng 5 năm 2024\n\
         Tổng số\n4.671,4\n\
         Bán lẻ hàng hóa\n3.415,7\n\
         Du lịch lữ hành\n30,9\n\
         Dịch vụ khác\n367,2\n",
    );
    let investment = report(
        "3. Đầu tư\n\n\
         Vốn đầu tư thực hiện trên địa bàn phân theo ngành\n\
         Đơn vị tính: Tỷ đồng\n\
         Ước tính tháng 5 năm 2024\nLũy kế 5 tháng năm 2024\n\
         Tổng số\n2.310,5\n10.245,0\n\
         Du lịch\n120,4\n530,1\n\
         Công nghiệp\n980,2\n4.410,7\n",
    );
    let want = [
        format!("retail_sales |  | {MAY} | 4671.4 tỷ đồng Vnd x1000000000 | Estimate | "),
        format!("retail_goods |  | {MAY} | 3415.7 tỷ đồng Vnd x1000000000 | Estimate | "),
        format!("tourism_revenue |  | {MAY} | 30.9 tỷ đồng Vnd x1000000000 | Estimate | "),
        format!(
            "retail_sales | Dịch vụ khác | {MAY} | 367.2 tỷ đồng Vnd x1000000000 | Estimate | "
        ),
    ];
    let want: Vec<&str> = want.iter().map(String::as_str).collect();
    assert_rows(&r, &want);
    let want = [
        format!("realized_investment |  | {MAY} | 2310.5 tỷ đồng Vnd x1000000000 | Estimate | "),
        format!("realized_investment |  | {YTD5} | 10245 tỷ đồng Vnd x1000000000 | Actual | "),
        format!(
            "realized_investment | Du lịch | {MAY} | 120.4 tỷ đồng Vnd x1000000000 | Estimate | "
        ),
        format!(
            "realized_investment | Du lịch | {YTD5} | 530.1 tỷ đồng Vnd x1000000000 | Actual | "
        ),
        format!(
            "realized_investment | Công nghiệp | {MAY} | 980.2 tỷ đồng Vnd x1000000000 | Estimate | "
        ),
        format!(
            "realized_investment | Công nghiệp | {YTD5} | 4410.7 tỷ đồng Vnd x1000000000 | Actual | "
        ),
    ];
    let want: Vec<&str> = want.iter().map(String::as_str).collect();
    assert_rows(&investment, &want);
}
