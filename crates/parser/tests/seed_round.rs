//! Rules found by classifying what the seed's gold file and the parser
//! disagreed on (precision 0.776 / recall 0.800 before this round), each
//! tested on a passage written for it in the genre's style (invented
//! figures): the causes are the genre's, not one report's.

mod common;

use common::rows::*;

#[test]
fn what_is_counted_may_be_a_list_parted_by_commas() {
    // "305 doanh nghiệp, chi nhánh tạm ngừng hoạt động": the subject named
    // after the figure runs past the comma of its list of nouns; it is not
    // the subject before ("doanh nghiệp giải thể").
    let r = report(
        "6. Doanh nghiệp\n\n\
         Lũy kế 05 tháng có 48 doanh nghiệp giải thể, tăng 12% và 305 doanh nghiệp, chi \
         nhánh tạm ngừng hoạt động, giảm 5% so với cùng kỳ.",
    );
    let ytd = "YTD 2024-01-01..2024-05-31";
    let y = "SamePeriodLastYear";
    assert_rows(
        &r,
        &[
            &format!(
                "enterprises_dissolved |  | {ytd} | 48 doanh nghiệp Enterprise x1 | Actual | {y} +12%"
            ),
            &format!(
                "enterprises_suspended |  | {ytd} | 305 doanh nghiệp Enterprise x1 | Actual | {y} -5%"
            ),
        ],
    );
}

#[test]
fn cases_named_by_a_list_of_acts_after_their_figure() {
    // "03 vụ phát, phá rừng trái phép": the catalog's name spans the comma;
    // the subject in force before (forest law violations) is not it.
    let r = report(
        "7. Lâm nghiệp\n\n\
         Lực lượng kiểm lâm phát hiện 12 vụ vi phạm pháp luật về lâm nghiệp. Trong tháng xảy \
         ra 03 vụ phát, phá rừng trái phép tại xã Sơn Hải.",
    );
    assert_rows(
        &r,
        &[
            &format!("forest_violations |  | {MAY} | 12 vụ Case x1 | Actual | "),
            &format!("deforestation_cases |  | {MAY} | 3 vụ Case x1 | Actual | "),
        ],
    );
}

#[test]
fn words_left_of_a_figure_before_a_comma_or_with_are_no_item_of_the_next() {
    // "... 04 vụ phát, phá rừng trái phép tại huyện Sơn Động với tổng diện
    // tích bị phá là 2,35 ha": the words after the count describe the
    // cases ("với" joins what they came with); the area has no item. The
    // same after a comma: "11 vụ chặt phá rừng trái pháp luật, diện tích
    // thiệt hại 9,8 ha".
    let r = report(
        "7. Lâm nghiệp\n\n\
         Trong tháng xảy ra 04 vụ phát, phá rừng trái phép tại huyện Sơn Động với tổng diện \
         tích bị phá là 2,35 ha; lũy kế xảy ra 11 vụ chặt phá rừng trái pháp luật, diện tích \
         thiệt hại 9,8 ha.",
    );
    let ytd = "YTD 2024-01-01..2024-05-31";
    assert_rows(
        &r,
        &[
            &format!("deforestation_cases |  | {MAY} | 4 vụ Case x1 | Actual | "),
            &format!("deforested_area |  | {MAY} | 2.35 ha Hectare x1 | Actual | "),
            &format!("deforestation_cases |  | {ytd} | 11 vụ Case x1 | Actual | "),
            &format!("deforested_area |  | {ytd} | 9.8 ha Hectare x1 | Actual | "),
        ],
    );
}

#[test]
fn debts_listed_by_how_long_they_are_overdue() {
    // "trong đó: nợ từ 3 đến dưới 6 tháng là: 120 đơn vị, với số tiền là:
    // 6.100 triệu đồng": each item (its duration included) breaks down both
    // the count of units and the amount; "với số tiền" names the amount of
    // the debt, no item of it.
    let r = report(
        "3. Lao động, việc làm\n\n\
         Tính đến hết tháng 4/2024, có 185 đơn vị còn nợ bảo hiểm xã hội từ 3 tháng trở lên \
         với số tiền 25.400 triệu đồng, trong đó: nợ từ 3 đến dưới 6 tháng là: 120 đơn vị, \
         với số tiền là: 6.100 triệu đồng; nợ từ 6 tháng trở lên là: 65 đơn vị, với số tiền \
         là: 19.300 triệu đồng.",
    );
    let asof = "ASOF 2024-04-30..2024-04-30";
    let m = "triệu đồng Vnd x1000000";
    assert_rows(
        &r,
        &[
            &format!(" |  | {asof} | 185 đơn vị Unit x1 | Actual | "),
            &format!("social_insurance_debt |  | {asof} | 25400 {m} | Actual | "),
            &format!(" | nợ từ 3 đến dưới 6 tháng | {asof} | 120 đơn vị Unit x1 | Actual | "),
            &format!(
                "social_insurance_debt | nợ từ 3 đến dưới 6 tháng | {asof} | 6100 {m} | Actual | "
            ),
            &format!(" | nợ từ 6 tháng trở lên | {asof} | 65 đơn vị Unit x1 | Actual | "),
            &format!(
                "social_insurance_debt | nợ từ 6 tháng trở lên | {asof} | 19300 {m} | Actual | "
            ),
        ],
    );
}

#[test]
fn a_count_the_list_subject_cannot_have_is_a_subject_of_its_own() {
    // "trong đó ...; có 07 lượt VĐV đạt Kiện tướng, 15 lượt VĐV đạt cấp I":
    // visits are no medals, even inside the breakdown the sentence opened;
    // the athletes are named after their figures (with the counted noun,
    // as uncatalogued counts are labelled).
    let r = report(
        "2. Thể dục, thể thao\n\n\
         Toàn tỉnh giành được 45 huy chương các loại, trong đó có 12 huy chương vàng; có 07 \
         lượt VĐV đạt Kiện tướng, 15 lượt VĐV đạt cấp I Quốc gia.",
    );
    let rows: Vec<String> = r.observations.iter().map(labelled_row).collect();
    assert_eq!(
        rows[2..],
        [
            format!(" | lượt VĐV đạt Kiện tướng |  | {MAY} | 7 lượt Visit x1 | Actual | "),
            format!(" | lượt VĐV đạt cấp I Quốc gia |  | {MAY} | 15 lượt Visit x1 | Actual | "),
        ],
        "{rows:#?}"
    );
}

#[test]
fn an_absolute_change_is_of_the_figure_in_its_own_unit() {
    // "..., so với cùng kỳ năm 2023 số vụ giảm 03 vụ (giảm 25%), diện tích
    // thiệt hại tăng 2,1 ha": each change goes to the level of its
    // sentence in its unit, not to the figure read last (the area).
    let r = report(
        "7. Lâm nghiệp\n\n\
         Lũy kế xảy ra 09 vụ chặt phá rừng trái pháp luật, diện tích thiệt hại 6,2 ha, so với \
         cùng kỳ năm 2023 số vụ giảm 03 vụ (giảm 25%), diện tích thiệt hại tăng 2,1 ha.",
    );
    let ytd = "YTD 2024-01-01..2024-05-31";
    let y = "SamePeriodLastYear";
    assert_rows(
        &r,
        &[
            &format!(
                "deforestation_cases |  | {ytd} | 9 vụ Case x1 | Actual | {y} -3 vụ Case, {y} -25%"
            ),
            &format!(
                "deforested_area |  | {ytd} | 6.2 ha Hectare x1 | Actual | {y} +2.1 ha Hectare"
            ),
        ],
    );
    // The base written before the verb is the change's.
    let r = report(
        "7. Lâm nghiệp\n\n\
         Trong tháng xảy ra 04 vụ chặt phá rừng trái pháp luật, diện tích thiệt hại 1,2 ha, so \
         với tháng trước số vụ tăng 01 vụ.",
    );
    assert_eq!(
        row(&r.observations[0]),
        format!(
            "deforestation_cases |  | {MAY} | 4 vụ Case x1 | Actual | PreviousPeriod +1 vụ Case"
        ),
    );
}

#[test]
fn the_subject_in_force_named_again_after_its_figure_keeps_the_change() {
    // "lũy kế 05 tháng có 620 doanh nghiệp được thành lập mới, tăng 5,1%":
    // the words after the figure name the subject it is of (the one in
    // force); they are no item of a new observation for the change.
    let r = report(
        "6. Doanh nghiệp\n\n\
         Trong tháng 5, toàn tỉnh có 150 doanh nghiệp được thành lập, tăng 3%; lũy kế 05 tháng \
         có 620 doanh nghiệp được thành lập mới, tăng 5,1% so với cùng kỳ.",
    );
    let y = "SamePeriodLastYear";
    assert_rows(
        &r,
        &[
            &format!(
                "enterprises_new |  | {MAY} | 150 doanh nghiệp Enterprise x1 | Actual | {y} +3%"
            ),
            &format!(
                "enterprises_new |  | YTD 2024-01-01..2024-05-31 | 620 doanh nghiệp Enterprise x1 | Actual | {y} +5.1%"
            ),
        ],
    );
}

#[test]
fn a_count_of_something_else_named_before_its_bare_unit() {
    // "Va chạm giao thông xảy ra 6 vụ" after the deaths of the sentence
    // before: cases are no deaths; the words before the figure name what
    // is counted, not the bare unit "vụ".
    let r = report(
        "3. An toàn giao thông\n\n\
         Trong tháng, toàn tỉnh xảy ra 3 vụ tai nạn giao thông đường bộ làm 2 người chết. Va \
         chạm giao thông xảy ra 6 vụ, làm 5 người bị thương.",
    );
    let rows: Vec<String> = r.observations.iter().map(labelled_row).collect();
    assert_eq!(
        rows[2..],
        [
            format!(" | Va chạm giao thông |  | {MAY} | 6 vụ Case x1 | Actual | "),
            format!(
                "traffic_injuries | người bị thương |  | {MAY} | 5 người Person x1 | Actual | "
            ),
        ],
        "{rows:#?}"
    );
}

#[test]
fn a_rate_of_completion_after_a_count_done_is_its_attainment() {
    // "đã giải quyết xong 210 đơn (...), đạt tỷ lệ 64%": the share of the
    // petitions received that were settled, an attainment of the count
    // before it (base OTHER), not a level of its own.
    let r = report(
        "3. Tiếp công dân, giải quyết khiếu nại, tố cáo\n\n\
         Trong tháng tiếp nhận 330 đơn các loại; đã giải quyết xong 210 đơn (KN: 12, TC: 18, \
         KNPA: 180), đạt tỷ lệ 64%.",
    );
    let rows = rows(&r);
    assert!(
        rows.iter().any(|r| r
            == &format!(
                "petitions_settled |  | {MAY} | 210 đơn Petition x1 | Actual | Other =64%"
            )),
        "{rows:#?}"
    );
    assert!(!rows.iter().any(|r| r.contains("| 64 %")), "{rows:#?}");
}

#[test]
fn a_year_inside_an_items_name_leaves_the_name_to_its_figure() {
    // "vốn CTMTQG kéo dài sang năm 2024 giải ngân đạt 12,5 tỷ đồng": the
    // year is no figure, and no period either; skipping it took the item's
    // words with it, and the item before ("bổ sung") stayed in force.
    let r = report(
        "1. Đầu tư công\n\n\
         Tính đến ngày 15/5/2024, giá trị giải ngân đạt 1.100 tỷ đồng, bằng 15% kế hoạch. \
         Trong đó: vốn ngân sách tỉnh bổ sung giải ngân đạt 2,1 tỷ đồng, bằng 20% kế hoạch; \
         vốn CTMTQG kéo dài sang năm 2024 giải ngân đạt 12,5 tỷ đồng, bằng 6% kế hoạch.",
    );
    let asof = "ASOF 2024-05-15..2024-05-15";
    let bn = "tỷ đồng Vnd x1000000000";
    assert_rows(
        &r,
        &[
            &format!("public_investment_disbursement |  | {asof} | 1100 {bn} | Actual | Plan =15%"),
            &format!(
                "public_investment_disbursement | vốn ngân sách tỉnh bổ sung | {asof} | 2.1 {bn} | Actual | Plan =20%"
            ),
            &format!(
                "public_investment_disbursement | vốn CTMTQG kéo dài sang | {asof} | 12.5 {bn} | Actual | Plan =6%"
            ),
        ],
    );
}

#[test]
fn tournaments_are_counted_in_giai() {
    // "tham gia thi đấu 12 giải thể thao quốc gia": a count of tournaments
    // (unit "giải", OTHER) named after its figure; "giải ngân" and "giải
    // quyết" after a number are verbs, no unit.
    let r = report(
        "2. Thể dục, thể thao\n\n\
         Các đội tuyển thể thao tham gia thi đấu 12 giải thể thao quốc gia, giành được 45 huy \
         chương các loại.",
    );
    let rows: Vec<String> = r.observations.iter().map(labelled_row).collect();
    assert_eq!(
        rows,
        [
            format!(" | giải thể thao quốc gia |  | {MAY} | 12 giải Other x1 | Actual | "),
            format!("medals | huy chương |  | {MAY} | 45 huy chương Medal x1 | Actual | "),
        ],
        "{rows:#?}"
    );
}

#[test]
fn the_state_of_a_crop_after_its_area_is_the_item() {
    // "Hiện có 18 nghìn ha lúa đã trỗ": the rice area that has headed, a
    // state of the crop (sowing is none: "đã gieo cấy" stays the area).
    let r = report(
        "2. Nông nghiệp\n\n\
         Các loại cây trồng sinh trưởng, phát triển tốt. Hiện có 18 nghìn ha lúa đã trỗ; \
         trà vải sớm đang phát triển cùi.",
    );
    assert_rows(
        &r,
        &[&format!(
            "rice_area | đã trỗ | {MAY} | 18 nghìn ha Hectare x1000 | Actual | "
        )],
    );
    let r = report("2. Nông nghiệp\n\nToàn tỉnh hiện có 45 nghìn ha lúa đã gieo cấy.");
    assert_rows(
        &r,
        &[&format!(
            "rice_area |  | {MAY} | 45 nghìn ha Hectare x1000 | Actual | "
        )],
    );
}

#[test]
fn a_verb_that_no_figure_follows_describes_what_is_counted() {
    // "trong đó có 03 khoản thu đã vượt dự toán, bao gồm: ...": no figure
    // follows the verb, so "đã vượt dự toán" says which items are counted;
    // the label of the count before ("khoản thu tăng cao hơn cùng kỳ") is
    // not theirs.
    let r = report(
        "4. Thu ngân sách\n\n\
         Tổng thu nội địa 5 tháng ước đạt 4.800 tỷ đồng, tăng 9%. Có 10/14 khoản thu tăng \
         cao hơn cùng kỳ, trong đó có 03 khoản thu đã vượt dự toán, bao gồm: thu từ khu vực \
         ngoài quốc doanh đạt 210 tỷ đồng, vượt 5% dự toán.",
    );
    let rows: Vec<String> = r.observations.iter().map(labelled_row).collect();
    assert!(
        rows.iter().any(|r| r
            == " | khoản thu đã vượt dự toán |  | YTD 2024-01-01..2024-05-31 | 3 khoản thu Other x1 | Actual | "),
        "{rows:#?}"
    );
}

#[test]
fn a_count_named_at_length_keeps_the_change_after_its_name() {
    // "có 9.120 thí sinh đăng ký dự thi tốt nghiệp trung học phổ thông năm
    // 2024, tăng 310 thí sinh": the name runs past six words; its tail
    // ("học phổ thông năm 2024") is no item of an observation of the change.
    let r = report(
        "5. Giáo dục\n\n\
         Toàn tỉnh có 9.120 thí sinh đăng ký dự thi tốt nghiệp trung học phổ thông năm 2024, \
         tăng 310 thí sinh so với năm trước.",
    );
    let rows = rows(&r);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert!(
        rows[0].contains("| 9120 thí sinh Person x1 |")
            && rows[0].ends_with("+310 thí sinh Person"),
        "{rows:#?}"
    );
}

#[test]
fn what_is_done_of_an_item_does_not_replace_the_item() {
    // "Diện tích dứa ..., sản lượng ...; đã thu hoạch khoảng 2.900 tấn; giá
    // bán ... 8-9 nghìn đồng/kg": the harvested output is the pineapple's
    // (what is done of it), and the price after it is still the
    // pineapple's, not the harvest's.
    let r = report(
        "2. Nông nghiệp\n\n\
         Diện tích dứa đạt khoảng 750 ha, sản lượng ước đạt 11.000 tấn; đã thu hoạch khoảng \
         2.900 tấn; giá bán dao động từ 8-9 nghìn đồng/kg.",
    );
    let rows = rows(&r);
    assert_eq!(
        rows[2..],
        [
            format!("crop_output | dứa đã thu hoạch | {MAY} | ~2900 tấn Tonne x1 | Actual | "),
            format!(
                "farm_gate_price | dứa | {MAY} | 8-9 nghìn đồng/kg VndPerKilogram x1000 | Actual | "
            ),
        ],
        "{rows:#?}"
    );
}

#[test]
fn a_unit_that_names_a_kind_is_the_item_after_trong_do_too() {
    // "32 huy chương các loại, trong đó có 08 HCV, 07 HCB": as in brackets,
    // a unit that is a kind of what the subject counts names the item; a
    // unit that is the subject's own ("dự án" of projects) does not.
    let r = report(
        "2. Thể dục, thể thao\n\n\
         Toàn tỉnh giành được 32 huy chương các loại, trong đó có 08 HCV, 07 HCB.",
    );
    assert_rows(
        &r,
        &[
            &format!("medals |  | {MAY} | 32 huy chương Medal x1 | Actual | "),
            &format!("medals | HCV | {MAY} | 8 HCV Medal x1 | Actual | "),
            &format!("medals | HCB | {MAY} | 7 HCB Medal x1 | Actual | "),
        ],
    );
}

#[test]
fn the_verb_before_duoc_is_how_the_figure_was_got() {
    // "...; lũy kế thu hoạch được 21.000 tấn": "thu hoạch được" says how the
    // output in force was got; it is no item of it.
    let r = report(
        "2. Nông nghiệp\n\n\
         Sản lượng thủy sản tháng 5 đạt 5.100 tấn; lũy kế thu hoạch được 21.000 tấn, đạt 40% \
         kế hoạch.",
    );
    assert_rows(
        &r,
        &[
            &format!("aquaculture_output |  | {MAY} | 5100 tấn Tonne x1 | Actual | "),
            "aquaculture_output |  | YTD 2024-01-01..2024-05-31 | 21000 tấn Tonne x1 | Actual | Plan =40%",
        ],
    );
}
