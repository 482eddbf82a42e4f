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
            &format!(
                "retail_sales | Bán lẻ hàng hóa | {MAY} | 3415.7 tỷ đồng Vnd x1000000000 | Estimate | SamePeriodLastYear =113.7%"
            ),
            &format!(
                "retail_sales | Bán lẻ hàng hóa | {YTD5} | 16871.4 tỷ đồng Vnd x1000000000 | Actual | "
            ),
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
