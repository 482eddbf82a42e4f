//! Tables whose columns a PDF's text keeps by spaces, one row a line
//! (yearbook pages, statistics offices' briefs): passages written like
//! the yearbook pages of table13's round, with invented figures.

mod common;

use baocao_domain::QualityIssueKind;
use baocao_parser::{Hints, parse};
use common::rows::*;

/// A yearbook page's table: caption and its English line, the unit, the
/// years' heads with "Sơ bộ" / "Prel." / "2023" stacked in the last
/// column, rows of a label and five figures each set apart by runs of
/// spaces, a label over two lines, a row of "-".
const IIP_PAGE: &str =
    "                         Chỉ số sản xuất công nghiệp phân theo ngành công nghiệp
                         Index of industrial production by industrial activity

                                                                   Đơn vị tính - Unit: %

                                                        2019    2020    2021    2022    Sơ bộ
                                                                                        Prel.
                                                                                        2023

                 TỔNG SỐ - TOTAL                       108,42  104,15  106,37  109,80  107,25

                 Khai khoáng - Mining and quarrying     97,30  101,12   95,84  103,60   99,17
                 Công nghiệp chế biến, chế tạo
                 Manufacturing                         110,25  105,03  107,46  110,92  108,14
                 Sản xuất và phân phối điện - Electricity    -       -       -       -       -
";

#[test]
fn a_table_kept_by_spaces_is_read_row_by_row() {
    // Was: rows joined into sentences of figures, two numbers where one
    // belongs (GARBLED_NUMBER) and the totals read as the report's month.
    let r = report(IIP_PAGE);
    let want: Vec<String> = [
        ("", ["108.42", "104.15", "106.37", "109.8", "107.25"]),
        ("Khai khoáng", ["97.3", "101.12", "95.84", "103.6", "99.17"]),
        (
            "Công nghiệp chế biến, chế tạo",
            ["110.25", "105.03", "107.46", "110.92", "108.14"],
        ),
    ]
    .iter()
    .flat_map(|(item, values)| {
        values.iter().zip(2019..).map(move |(v, y)| {
            format!("iip | {item} | YEAR {y}-01-01..{y}-12-31 | {v} % Percent x1 | Actual | ")
        })
    })
    .collect();
    let want: Vec<&str> = want.iter().map(String::as_str).collect();
    assert_rows(&r, &want);
    assert!(
        !r.quality_issues
            .iter()
            .any(|i| i.kind == QualityIssueKind::GarbledNumber),
        "{:#?}",
        r.quality_issues
    );
}

#[test]
fn a_table_kept_by_spaces_whose_heads_do_not_match_its_rows_is_left_with_an_issue() {
    // Four heads over rows of five figures: which figure is which year is
    // not certain; no row is guessed.
    let r = report(
        "                         Chỉ số sản xuất công nghiệp phân theo ngành công nghiệp

                                                        2020    2021    2022    Sơ bộ 2023

                 TỔNG SỐ - TOTAL                       108,42  104,15  106,37  109,80  107,25
                 Khai khoáng - Mining and quarrying     97,30  101,12   95,84  103,60   99,17
                 Công nghiệp chế biến, chế tạo         110,25  105,03  107,46  110,92  108,14
",
    );
    assert_rows(&r, &[]);
    assert!(
        r.quality_issues
            .iter()
            .any(|i| i.kind == QualityIssueKind::UnattachedNumber
                && i.message
                    .contains("Chỉ số sản xuất công nghiệp phân theo ngành")
                && i.message.contains("4 column heads for rows of 5 figures")),
        "{:#?}",
        r.quality_issues
    );
    assert!(
        !r.quality_issues
            .iter()
            .any(|i| i.kind == QualityIssueKind::GarbledNumber),
        "{:#?}",
        r.quality_issues
    );
}

#[test]
fn single_spaced_rows_of_a_yearbook_page_are_read() {
    // The same layout with one space between the cells (a flipbook's
    // text): a label, then as many figures as the heads' years.
    let r = report(
        "1. Công nghiệp\n\n\
         Chỉ số sản xuất công nghiệp so với năm trước\n\
         Đơn vị tính - Unit: %\n\
         2021 2022 2023\n\
         Toàn ngành - Total 107,84 109,12 106,15\n\
         Khai khoáng - Mining and quarrying 94,20 101,66 97,31\n\
         Công nghiệp chế biến, chế tạo\n\
         Manufacturing 109,96 110,44 107,05\n",
    );
    let want: Vec<String> = [
        ("", ["107.84", "109.12", "106.15"]),
        ("Khai khoáng", ["94.2", "101.66", "97.31"]),
        (
            "Công nghiệp chế biến, chế tạo",
            ["109.96", "110.44", "107.05"],
        ),
    ]
    .iter()
    .flat_map(|(item, values)| {
        values.iter().zip(2021..).map(move |(v, y)| {
            format!(
                "iip | {item} | YEAR {y}-01-01..{y}-12-31 | - | Actual | SamePeriodLastYear ={v}%"
            )
        })
    })
    .collect();
    let want: Vec<&str> = want.iter().map(String::as_str).collect();
    assert_rows(&r, &want);
}

#[test]
fn a_text_with_no_reporting_period_names_the_figures_it_does_not_read() {
    // A yearbook page stored alone: no title with a period, no hint. Its
    // figures were lost with no issue (the page taken for the header).
    let r = parse(IIP_PAGE.as_bytes(), &Hints::default()).expect("parses");
    assert!(r.observations.is_empty());
    assert!(
        r.quality_issues
            .iter()
            .any(|i| i.kind == QualityIssueKind::UnattachedNumber
                && i.message.contains("reporting period is not known")),
        "{:#?}",
        r.quality_issues
    );
}

#[test]
fn figures_in_a_row_before_the_first_heading_are_named_in_an_issue() {
    // One row of figures under the title, no table to read it: it was
    // skipped as a header's line, without a word.
    let r = parse(
        "Tình hình kinh tế - xã hội tháng 5 năm 2024\n\
         Chỉ số sản xuất công nghiệp tháng 5\n\
         Tổng số 113,65 109,16 109,76\n"
            .as_bytes(),
        &Hints::default(),
    )
    .expect("parses");
    assert!(
        r.quality_issues
            .iter()
            .any(|i| i.kind == QualityIssueKind::UnattachedNumber
                && i.message.contains("before the report's first heading")
                && i.message.contains("113,65 109,16")),
        "{:#?}",
        r.quality_issues
    );
}

#[test]
fn single_spaced_heads_of_months_with_their_english_line_are_the_columns() {
    // "Tháng 1 Tháng 2 Tháng 3" / "Jan. Feb. Mar.": one space between
    // the heads, the English line under them (it ended the table's run of
    // cells: its heads were lost and the rows read as no table, silently).
    let r = report(
        "3. Giá cả\n\n\
         Chỉ số giá tiêu dùng các tháng năm 2024 so với tháng 12 năm 2023\n\
         Đơn vị tính - Unit: %\n\
         Tháng 1 Tháng 2 Tháng 3\n\
         Jan. Feb. Mar.\n\
         Chỉ số giá tiêu dùng\n\
         Consumer price index 100,52 101,13 101,06\n\
         Giao thông - Transport 101,33 101,95 100,97\n",
    );
    let want: Vec<String> = [
        ("", ["100.52", "101.13", "101.06"]),
        ("Giao thông", ["101.33", "101.95", "100.97"]),
    ]
    .iter()
    .flat_map(|(item, values)| {
        values.iter().zip(1..).map(move |(v, m)| {
            let end = [31, 29, 31][m - 1];
            format!(
                "cpi | {item} | MONTH 2024-{m:02}-01..2024-{m:02}-{end} | - | Actual | Other ={v}%"
            )
        })
    })
    .collect();
    let want: Vec<&str> = want.iter().map(String::as_str).collect();
    assert_rows(&r, &want);
}

#[test]
fn a_preliminary_head_in_english_after_the_years_is_the_year_after_them() {
    // "Sơ bộ" above "2020 2021 2022 Prel.": the last column is 2023's.
    let r = report(
        "1. Công nghiệp\n\n\
         Chỉ số sản xuất công nghiệp so với năm trước\n\
         Đơn vị tính - Unit: %\n\
         Sơ bộ\n\
         2020 2021 2022 Prel.\n\
         Toàn ngành - Total 103,84 107,12 106,15 108,02\n\
         Khai khoáng - Mining and quarrying 94,20 101,66 97,31 99,50\n",
    );
    let want: Vec<String> = [
        ("", ["103.84", "107.12", "106.15", "108.02"]),
        ("Khai khoáng", ["94.2", "101.66", "97.31", "99.5"]),
    ]
    .iter()
    .flat_map(|(item, values)| {
        values.iter().zip(2020..).map(move |(v, y)| {
            format!(
                "iip | {item} | YEAR {y}-01-01..{y}-12-31 | - | Actual | SamePeriodLastYear ={v}%"
            )
        })
    })
    .collect();
    let want: Vec<&str> = want.iter().map(String::as_str).collect();
    assert_rows(&r, &want);
}
