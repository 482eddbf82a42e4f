//! Key figures of the department and district samples
//! (testdata/reports/samples/so-cong-thuong.txt and ubnd-huyen.txt), each
//! checked on every field: indicator, breakdown, period, value, unit,
//! status and comparisons. The figures are found by the words of their
//! span as written.

mod common;

use baocao_domain::Report;
use common::rows::labelled_row;
use common::*;
use std::sync::OnceLock;

fn sct() -> &'static Report {
    static R: OnceLock<Report> = OnceLock::new();
    R.get_or_init(|| load(SCT))
}

fn huyen() -> &'static Report {
    static R: OnceLock<Report> = OnceLock::new();
    R.get_or_init(|| load(HUYEN))
}

/// The rows of the observations in `sentence_has` whose span begins with
/// `figure`, plus every observation of that sentence without a quantity
/// when `figure` is empty.
fn find(r: &Report, sentence_has: &str, figure: &str) -> Vec<String> {
    r.observations
        .iter()
        .filter(|o| o.provenance.sentence.contains(sentence_has))
        .filter(|o| {
            if figure.is_empty() {
                o.quantity.is_none()
            } else {
                slice(r, o.provenance.span).starts_with(figure)
            }
        })
        .map(labelled_row)
        .collect()
}

#[track_caller]
fn expect(r: &Report, sentence_has: &str, figure: &str, want: &[&str]) {
    let got = find(r, sentence_has, figure);
    assert_eq!(
        got, want,
        "figure {figure:?} in the sentence with {sentence_has:?}"
    );
}

/// Every observation of a sentence, in order.
#[track_caller]
fn expect_sentence(r: &Report, sentence_has: &str, want: &[&str]) {
    let got: Vec<String> = r
        .observations
        .iter()
        .filter(|o| o.provenance.sentence.contains(sentence_has))
        .map(labelled_row)
        .collect();
    assert_eq!(
        got,
        want,
        "sentence with {sentence_has:?}:\n{}",
        got.join("\n")
    );
}

const OCT: &str = "MONTH 2024-10-01..2024-10-31";
const YTD10: &str = "YTD 2024-01-01..2024-10-31";
const SEP: &str = "MONTH 2024-09-01..2024-09-30";
const YTD9: &str = "YTD 2024-01-01..2024-09-30";

#[test]
fn sct_iip_and_retail_sales() {
    let r = sct();
    expect_sentence(
        r,
        "Chỉ số sản xuất công nghiệp (IIP) tháng 10",
        &[
            &format!(
                "iip | Chỉ số sản xuất công nghiệp |  | {OCT} | - | Estimate | PreviousPeriod +2.4%, SamePeriodLastYear +8.6%"
            ),
            &format!(
                "iip | Chỉ số sản xuất công nghiệp |  | {YTD10} | - | Estimate | SamePeriodLastYear +9.1%"
            ),
        ],
    );
    expect_sentence(
        r,
        "ngành khai khoáng giảm 3,5%",
        &[
            &format!(
                "iip | Chỉ số sản xuất công nghiệp | ngành khai khoáng | {YTD10} | - | Estimate | SamePeriodLastYear -3.5%"
            ),
            &format!(
                "iip | Chỉ số sản xuất công nghiệp | ngành chế biến, chế tạo | {YTD10} | - | Estimate | SamePeriodLastYear +9.8%"
            ),
            &format!(
                "iip | Chỉ số sản xuất công nghiệp | ngành sản xuất và phân phối điện | {YTD10} | - | Estimate | SamePeriodLastYear +6.2%"
            ),
            &format!(
                "iip | Chỉ số sản xuất công nghiệp | ngành cung cấp nước, hoạt động quản lý và xử lý rác thải, nước thải | {YTD10} | - | Estimate | SamePeriodLastYear +4.1%"
            ),
        ],
    );
    expect(
        r,
        "Tổng mức bán lẻ",
        "7.358",
        &[&format!(
            "retail_sales | Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng |  | {OCT} | 7358 tỷ đồng Vnd x1000000000 | Estimate | PreviousPeriod +1.8%, SamePeriodLastYear +11.2%"
        )],
    );
    expect(
        r,
        "Tổng mức bán lẻ",
        "69.420",
        &[&format!(
            "retail_sales | Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng |  | {YTD10} | 69420 tỷ đồng Vnd x1000000000 | Estimate | SamePeriodLastYear +10.5%, Plan =82.6%"
        )],
    );
}

#[test]
fn sct_exports_by_product_group() {
    let r = sct();
    expect(
        r,
        "Kim ngạch xuất khẩu tháng 10",
        "5.870",
        &[&format!(
            "exports | Kim ngạch xuất khẩu |  | {YTD10} | 5870 triệu USD Usd x1000000 | Estimate | SamePeriodLastYear +14.2%, Plan =85.1%"
        )],
    );
    expect(
        r,
        "nhóm hàng điện tử",
        "2.315",
        &[&format!(
            "exports | Kim ngạch xuất khẩu | nhóm hàng điện tử, máy tính và linh kiện | {YTD10} | 2315 triệu USD Usd x1000000 | Estimate | SamePeriodLastYear +18.6%"
        )],
    );
    expect(
        r,
        "nhóm hàng điện tử",
        "486",
        &[&format!(
            "exports | Kim ngạch xuất khẩu | giày dép | {YTD10} | 486 triệu USD Usd x1000000 | Estimate | SamePeriodLastYear -2.3%"
        )],
    );
    expect(
        r,
        "Kim ngạch nhập khẩu",
        "498",
        &[&format!(
            "imports | Kim ngạch nhập khẩu |  | {OCT} | 498 triệu USD Usd x1000000 | Estimate | "
        )],
    );
}

#[test]
fn sct_restated_change_is_the_same_figure() {
    // "xử lý 64 vụ vi phạm, giảm 3 vụ, tương đương 4,5% so với tháng
    // trước": one figure, two statements of one change against the month
    // before; "4,5%" is no level of anything. The violations are named
    // after the figure, not an item of the inspections before (gold).
    let r = sct();
    let rows = find(r, "phát hiện và xử lý 64 vụ", "4,5");
    assert!(rows.is_empty(), "4,5% read as a level: {rows:?}");
    expect(
        r,
        "phát hiện và xử lý 64 vụ",
        "64 vụ",
        &[&format!(
            " | vụ vi phạm |  | {OCT} | 64 vụ Case x1 | Actual | PreviousPeriod -3 vụ Case, PreviousPeriod -4.5%"
        )],
    );
}

#[test]
fn huyen_budget_revenue_restated_change() {
    // "tăng 19,1 tỷ đồng, tương ứng tăng 5,2% so với cùng kỳ": the second
    // change of the same revenue, not a breakdown "ứng".
    expect_sentence(
        huyen(),
        "Tổng thu ngân sách nhà nước trên địa bàn huyện",
        &[&format!(
            "budget_revenue | Tổng thu ngân sách nhà nước trên địa bàn |  | {YTD9} | 386.4 tỷ đồng Vnd x1000000000 | Estimate | BudgetEstimate =72.5%, SamePeriodLastYear +19.1 tỷ đồng Vnd, SamePeriodLastYear +5.2%"
        )],
    );
}

#[test]
fn huyen_jobs_and_plan() {
    let r = huyen();
    expect_sentence(
        r,
        "giải quyết việc làm cho 356 lao động",
        &[
            &format!(
                "jobs_created | giải quyết việc làm |  | {SEP} | 356 lao động Person x1 | Actual | "
            ),
            &format!(
                "jobs_created | giải quyết việc làm |  | {YTD9} | 2870 lao động Person x1 | Actual | Plan =82%"
            ),
        ],
    );
    // "Kế hoạch năm 2024 giải quyết việc làm cho 3.500 lao động": the
    // year's target; "hoạch" is no breakdown.
    expect_sentence(
        r,
        "Kế hoạch năm 2024 giải quyết",
        &[
            "jobs_created | giải quyết việc làm | Kế hoạch | YEAR 2024-01-01..2024-12-31 | 3500 lao động Person x1 | Actual | ",
        ],
    );
}

#[test]
fn sct_key_industrial_products() {
    // "Điện sản xuất tháng 10 ước đạt 1.245 triệu kWh, tăng 5,3% so với cùng
    // kỳ; xi măng ước đạt 612 nghìn tấn, giảm 4,2%; quần áo các loại ...":
    // after electricity, each product of the list is a key industrial
    // product, its name the item (no generic name is written). The
    // footnote's products (in litres, in pairs) are read the same way.
    let r = sct();
    expect_sentence(
        r,
        "Điện sản xuất tháng 10",
        &[
            &format!(
                "electricity_output | Điện sản xuất |  | {OCT} | 1245 triệu kWh KilowattHour x1000000 | Estimate | SamePeriodLastYear +5.3%"
            ),
            &format!(
                "industrial_product_output |  | xi măng | {OCT} | 612 nghìn tấn Tonne x1000 | Estimate | SamePeriodLastYear -4.2%"
            ),
            &format!(
                "industrial_product_output |  | quần áo các loại | {OCT} | 8.6 triệu cái Piece x1000000 | Estimate | SamePeriodLastYear +12.4%"
            ),
            &format!(
                "industrial_product_output |  | linh kiện điện tử | {OCT} | 41.2 triệu cái Piece x1000000 | Estimate | SamePeriodLastYear +15.7%"
            ),
        ],
    );
    expect_sentence(
        r,
        "Ngoài ra: bia các loại",
        &[
            &format!(
                "industrial_product_output |  | bia các loại | {OCT} | 18.5 triệu lít Other x1000000 | Estimate | SamePeriodLastYear +6.1%"
            ),
            &format!(
                "industrial_product_output |  | thép cán | {OCT} | 96.4 nghìn tấn Tonne x1000 | Estimate | SamePeriodLastYear -2.8%"
            ),
            &format!(
                "industrial_product_output |  | giày dép | {OCT} | 3.2 triệu đôi Other x1000000 | Estimate | SamePeriodLastYear +4.5%"
            ),
        ],
    );
    expect(
        r,
        "Tính chung 10 tháng, điện sản xuất",
        "11.830",
        &[&format!(
            "electricity_output | điện sản xuất |  | {YTD10} | 11830 triệu kWh KilowattHour x1000000 | Estimate | SamePeriodLastYear +4.8%"
        )],
    );
}

#[test]
fn huyen_district_place_words_are_no_breakdown() {
    // "Vụ Mùa năm 2024 toàn huyện gieo cấy 6.850 ha lúa, đạt 101,5% kế
    // hoạch": "toàn huyện" says where, like "toàn tỉnh"; the season is the
    // item.
    expect(
        huyen(),
        "Vụ Mùa năm 2024 toàn huyện gieo cấy",
        "6.850",
        &[&format!(
            "rice_area | gieo cấy | Vụ Mùa | {SEP} | 6850 ha Hectare x1 | Actual | Plan =101.5%"
        )],
    );
}
