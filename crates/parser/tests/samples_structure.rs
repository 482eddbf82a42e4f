//! Golden structure of the synthetic samples in
//! testdata/reports/samples/ (described in EXPECTED.md there). The
//! expectations follow EXPECTED.md where it agrees with the text, which was
//! checked line by line (line numbers below count blank lines, as in
//! EXPECTED.md); where it does not, a comment says so.

mod common;

use baocao_domain::text::match_key;
use baocao_domain::{PeriodKind, QualityIssueKind, Report, Signer};
use common::*;
use std::sync::OnceLock;

fn ubnd() -> &'static Report {
    static R: OnceLock<Report> = OnceLock::new();
    R.get_or_init(|| load(UBND))
}

fn ctk() -> &'static Report {
    static R: OnceLock<Report> = OnceLock::new();
    R.get_or_init(|| load(CTK))
}

fn phan() -> &'static Report {
    static R: OnceLock<Report> = OnceLock::new();
    R.get_or_init(|| load(PHAN))
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn h(
    number: &'static str,
    path: &'static str,
    title: &'static str,
    level: u32,
    parent: &'static str,
) -> H {
    H {
        number,
        path,
        title,
        level,
        parent,
    }
}

fn f(
    n: u32,
    begins: &'static str,
    ends: &'static str,
    (section, path): (&'static str, &'static str),
    glued_to: &'static str,
) -> F {
    F {
        n,
        begins,
        ends,
        section,
        path,
        glued_to,
    }
}

fn d(
    key: &'static str,
    doc_type: &'static str,
    issuer: &'static str,
    issued_on: Option<(i32, u32, u32)>,
    raw: &'static str,
) -> D {
    D {
        key,
        doc_type,
        issuer: Some(issuer),
        issued_on,
        raw,
    }
}

#[track_caller]
fn assert_month(p: Option<&baocao_domain::Period>, key: &str, label: &str) {
    let p = p.unwrap_or_else(|| panic!("period {key} missing"));
    assert_eq!(p.kind, PeriodKind::Month, "{key}");
    assert_eq!(p.key(), key);
    assert_eq!(p.label, label, "label of {key}");
}

fn no_line_is(r: &Report, s: &str) -> bool {
    r.normalized_text.lines().all(|l| l.trim() != s)
}

// ============================================================ ubnd-full-header

#[test]
fn ubnd_metadata() {
    let m = &ubnd().metadata;
    // Header lines 1-5: "UỶ BAN NHÂN DÂN | CỘNG HOÀ ...", "TỈNH THÁI NGUYÊN |
    // Độc lập ...", "Số: 215/BC-UBND | Thái Nguyên, ngày 24 tháng 10 năm 2023".
    assert_eq!(m.issuer, "UBND tỉnh Thái Nguyên");
    assert_eq!(m.province, "Thái Nguyên");
    assert_eq!(m.document_number, "215/BC-UBND");
    assert_eq!(m.issued_on, Some(date(2023, 10, 24)));
    // Lines 9 and 11, after "BÁO CÁO".
    assert_eq!(
        m.title,
        "Tình hình kinh tế - xã hội tháng 10, nhiệm vụ trọng tâm tháng 11 năm 2023"
    );
    assert_month(m.reporting_period.as_ref(), "2023-10", "tháng 10");
    assert_month(m.planning_period.as_ref(), "2023-11", "tháng 11 năm 2023");
}

#[test]
fn ubnd_signer_and_recipients() {
    let m = &ubnd().metadata;
    // Lines 137-138 hold two columns: "Nơi nhận: TM. ỦY BAN NHÂN DÂN" and
    // "- Bộ Kế hoạch và Đầu tư; CHỦ TỊCH"; the name is the last line.
    assert_eq!(
        m.signer,
        Some(Signer {
            name: "Đỗ Quang Vinh".into(),
            position: "CHỦ TỊCH".into(),
            signing_for: String::new(),
            on_behalf_of: "ỦY BAN NHÂN DÂN".into(),
        })
    );
    assert_eq!(
        m.recipients,
        [
            "Bộ Kế hoạch và Đầu tư",
            "Văn phòng Chính phủ",
            "Thường trực Tỉnh uỷ, HĐND tỉnh",
            "Các sở, ban, ngành",
            "UBND các huyện, thành phố",
            "Lưu: VT, TH",
        ]
    );
}

#[test]
fn ubnd_headings() {
    assert_headings(
        ubnd(),
        &[
            h(
                "I",
                "I",
                "TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 10 NĂM 2023",
                1,
                "",
            ),
            h("1", "I/1", "Lĩnh vực kinh tế", 2, "I"),
            h("1.1", "I/1/1.1", "Sản xuất công nghiệp", 3, "1"),
            h(
                "1.2",
                "I/1/1.2",
                "Sản xuất nông, lâm nghiệp và thuỷ sản",
                3,
                "1",
            ),
            h(
                "1.3",
                "I/1/1.3",
                "Thương mại, dịch vụ, xuất nhập khẩu",
                3,
                "1",
            ),
            h(
                "1.4",
                "I/1/1.4",
                "Thu ngân sách, giải ngân vốn đầu tư công",
                3,
                "1",
            ),
            h("2", "I/2", "Lĩnh vực văn hoá - xã hội", 2, "I"),
            h("2.1", "I/2/2.1", "Giáo dục và đào tạo; y tế", 3, "2"),
            // 2.2 is missing in the text.
            h(
                "2.3",
                "I/2/2.3",
                "Lao động, việc làm và an sinh xã hội",
                3,
                "2",
            ),
            h("3", "I/3", "Lĩnh vực quốc phòng, an ninh", 2, "I"),
            h("II", "II", "NHIỆM VỤ TRỌNG TÂM THÁNG 11 NĂM 2023", 1, ""),
        ],
    );
}

#[test]
fn ubnd_section_texts() {
    let r = ubnd();
    let mut c = Checks::default();
    for p in ["I", "I/1", "I/2"] {
        c.check(
            heading(r, p).text.trim().is_empty(),
            format!("{p} has no text of its own"),
        );
    }
    for (path, begins, ends) in [
        (
            "I/1/1.1",
            "Chỉ số sản xuất công nghiệp (IIP) tháng 10/2023 ước tăng 3,15%",
            "khu vực kinh tế trong nước 54.362 tỷ đồng, tăng 6,8%.",
        ),
        // Page 1 ends "... Trồng" (line 37), page 2 begins " rừng tập trung" (44).
        (
            "I/1/1.2",
            "Toàn tỉnh đã thu hoạch 36.850/41.200 ha lúa mùa",
            "Trồng rừng tập trung 10 tháng được 5.412 ha, bằng 90,2% kế hoạch năm.",
        ),
        (
            "I/1/1.3",
            "Tổng mức bán lẻ hàng hoá và doanh thu dịch vụ tiêu dùng tháng 10",
            "tăng 3,12%³ so với cùng kỳ.",
        ),
        (
            "I/1/1.4",
            "Tổng thu ngân sách nhà nước trên địa bàn 10 tháng",
            "bằng 61,3% kế hoạch Thủ tướng Chính phủ giao⁴ (cùng kỳ đạt 58,7%).",
        ),
        (
            "I/2/2.1",
            "Các cơ sở giáo dục ổn định nền nếp, thực hiện chương trình năm học 2023-2024⁵.",
            "tăng 46 ca so với tháng trước.",
        ),
        // Line 91 begins with "10 tháng": body text, not footnote 10.
        (
            "I/2/2.3",
            "10 tháng giải quyết việc làm cho 20.310 lao động",
            "xuất khẩu lao động 2.846 người.",
        ),
        (
            "I/3",
            "Tình hình an ninh chính trị, trật tự an toàn xã hội ổn định.",
            "tăng 03 người bị thương (+37,5%).",
        ),
        (
            "II",
            "1. Tiếp tục thực hiện hiệu quả Nghị quyết số 01/NQ-CP ngày 06/01/2023",
            "dịp cuối năm.",
        ),
    ] {
        let s = heading(r, path);
        c.starts(&format!("text of {path}"), &s.text, begins);
        c.ends(&format!("text of {path}"), &s.text, ends);
    }
    // "giảm 02 vụ (-" / "18,2%);" (lines 101-103).
    c.contains(
        "text of 3",
        &heading(r, "I/3").text,
        "So với cùng kỳ: giảm 02 vụ (-18,2%);",
    );
    c.check(no_line_is(r, "2"), "the page number 2 (line 87) is left");
    c.check(
        !heading(r, "II").text.contains("Nơi nhận"),
        "II holds the recipients",
    );
    c.finish();
}

#[test]
fn ubnd_footnotes() {
    assert_footnotes(
        ubnd(),
        &[
            f(
                1,
                "Trong đó: ngành khai khoáng tăng 5,8%;",
                "cung cấp nước, xử lý rác thải tăng 4,7%.",
                ("1.1", "I/1/1.1"),
                "tăng 6,42% so với tháng 10/2022",
            ),
            f(
                2,
                "Diện tích chè toàn tỉnh 22.780 ha,",
                "VietGAP và tương đương 7.960 ha.",
                ("1.2", "I/1/1.2"),
                "bằng 86,3% kế hoạch",
            ),
            f(
                3,
                "Có 8/11 nhóm hàng tăng giá so với tháng trước,",
                "nhóm bưu chính, viễn thông giảm 0,05%.",
                ("1.3", "I/1/1.3"),
                "tăng 3,12%",
            ),
            f(
                4,
                "Kế hoạch vốn năm 2023 Thủ tướng Chính phủ giao là 6.010,3 tỷ đồng;",
                "HĐND tỉnh giao là 6.452,8 tỷ đồng.",
                ("1.4", "I/1/1.4"),
                "kế hoạch Thủ tướng Chính phủ giao",
            ),
            f(
                5,
                "Thực hiện Quyết định số 1520/QĐ-UBND ngày 14/8/2023",
                "toàn tỉnh có 687 trường với 327.150 học sinh.",
                ("2.1", "I/2/2.1"),
                "chương trình năm học 2023-2024",
            ),
            f(
                6,
                "Lũy kế 10 tháng năm 2023 xảy ra 97 vụ tai nạn giao thông,",
                "bị thương 72 người.",
                ("3", "I/3"),
                "bị thương 11 người",
            ),
        ],
    );
}

#[test]
fn ubnd_tasks() {
    let t = |ordinal, title, begins, ends, refs, deadline| T {
        ordinal,
        title,
        begins,
        ends,
        refs,
        deadline,
    };
    assert_tasks(
        ubnd(),
        &[
            t(
                1,
                "Tiếp tục thực hiện hiệu quả Nghị quyết số 01/NQ-CP ngày 06/01/2023 của Chính phủ, Chỉ thị số 12-CT/TU của Ban Thường vụ Tỉnh ủy về nhiệm vụ, giải pháp phát triển kinh tế - xã hội năm 2023.",
                "Tiếp tục thực hiện hiệu quả Nghị quyết số 01/NQ-CP",
                "Chuẩn bị nội dung trình kỳ họp HĐND tỉnh.",
                &["01/NQ-CP", "12-CT/TU"],
                None,
            ),
            // "Phấn đấu đến hết tháng 11 ..." is a target, not a deadline.
            t(
                2,
                "Đẩy nhanh giải ngân vốn đầu tư công theo Quyết định số 1234/QĐ-UBND ngày 10/8/2023 của UBND tỉnh.",
                "Đẩy nhanh giải ngân vốn đầu tư công",
                "Phấn đấu đến hết tháng 11 giải ngân trên 75% kế hoạch.",
                &["1234/QĐ-UBND"],
                None,
            ),
            t(
                3,
                "Chỉ đạo thu hoạch lúa mùa, mở rộng diện tích cây vụ Đông; các huyện, thành phố rà soát diện tích trồng rừng tập trung, hoàn thành trước ngày 15/11/2023.",
                "Chỉ đạo thu hoạch lúa mùa",
                "hoàn thành trước ngày 15/11/2023.",
                &[],
                Some((2023, 11, 15)),
            ),
            t(
                4,
                "Tăng cường quản lý thu ngân sách, chống thất thu theo Công văn số 567/UBND-KT ngày 02/10/2023; thực hiện tiết kiệm chi thường xuyên.",
                "Tăng cường quản lý thu ngân sách",
                "thực hiện tiết kiệm chi thường xuyên.",
                &["567/UBND-KT"],
                None,
            ),
            // Written " 5." at the top of page 4 (line 127); "20/11" is a
            // holiday, not a deadline.
            t(
                5,
                "Tổ chức các hoạt động kỷ niệm Ngày Nhà giáo Việt Nam 20/11; chủ động phòng, chống dịch sốt xuất huyết, không để dịch lan rộng.",
                "Tổ chức các hoạt động kỷ niệm Ngày Nhà giáo Việt Nam 20/11;",
                "không để dịch lan rộng.",
                &[],
                None,
            ),
            // Ends with "./."; the title is the sentence without "/.".
            t(
                6,
                "Bảo đảm an ninh chính trị, trật tự an toàn xã hội; triển khai Kế hoạch số 189/KH-UBND ngày 15/9/2023 của UBND tỉnh về cao điểm tấn công, trấn áp tội phạm dịp cuối năm.",
                "Bảo đảm an ninh chính trị",
                "tấn công, trấn áp tội phạm dịp cuối năm.",
                &["189/KH-UBND"],
                None,
            ),
        ],
        (2023, 11),
    );
}

#[test]
fn ubnd_document_references() {
    // In text order: the tasks' references, then footnote 5's. The report's
    // own number 215/BC-UBND is not a reference.
    //
    // 567/UBND-KT: EXPECTED.md lists no issuer because no "của" is written;
    // the DocumentRef contract then takes the issuing body's abbreviation in
    // the number, "UBND" (KT is the drafting office). The type is CV
    // (Công văn), which the number does not carry.
    assert_references(
        ubnd(),
        &[
            d(
                "01/NQ-CP",
                "NQ",
                "Chính phủ",
                Some((2023, 1, 6)),
                "Nghị quyết số 01/NQ-CP",
            ),
            d(
                "12-CT/TU",
                "CT",
                "Ban Thường vụ Tỉnh ủy",
                None,
                "Chỉ thị số 12-CT/TU",
            ),
            d(
                "1234/QĐ-UBND",
                "QĐ",
                "UBND tỉnh",
                Some((2023, 8, 10)),
                "Quyết định số 1234/QĐ-UBND",
            ),
            d(
                "567/UBND-KT",
                "CV",
                "UBND",
                Some((2023, 10, 2)),
                "Công văn số 567/UBND-KT",
            ),
            d(
                "189/KH-UBND",
                "KH",
                "UBND tỉnh",
                Some((2023, 9, 15)),
                "Kế hoạch số 189/KH-UBND",
            ),
            d(
                "1520/QĐ-UBND",
                "QĐ",
                "UBND tỉnh",
                Some((2023, 8, 14)),
                "Quyết định số 1520/QĐ-UBND",
            ),
        ],
    );
    let r = ubnd();
    let q = r
        .document_references
        .iter()
        .find(|d| d.number == "1520/QĐ-UBND")
        .unwrap();
    assert!(
        footnote(r, 5).span.contains(q.span),
        "1520/QĐ-UBND stands in footnote 5"
    );
}

#[test]
fn ubnd_quality_issues() {
    let r = ubnd();
    let gaps = issues(r, QualityIssueKind::NumberingGap);
    assert_eq!(gaps.len(), 1, "one numbering gap (2.1 -> 2.3): {gaps:?}");
    assert!(
        gaps[0].message.contains("2.2")
            || (gaps[0].message.contains("2.1") && gaps[0].message.contains("2.3")),
        "message: {:?}",
        gaps[0].message
    );
    let s23 = heading(r, "I/2/2.3").span;
    assert!(
        !gaps[0].span.is_empty() && s23.contains(gaps[0].span),
        "the gap should point at 2.3: {:?}",
        gaps[0].span
    );
    for kind in [
        QualityIssueKind::FootnoteMarkerMissing,
        QualityIssueKind::FootnoteBodyMissing,
        QualityIssueKind::DetachedDiacritic,
        QualityIssueKind::DetachedDiacriticRepaired,
    ] {
        assert!(
            issues(r, kind).is_empty(),
            "unexpected {kind:?}: {:?}",
            issues(r, kind)
        );
    }
}

#[test]
fn ubnd_spelling_variants_match() {
    let r = ubnd();
    // Header "UỶ BAN NHÂN DÂN", signature "ỦY BAN NHÂN DÂN".
    let s = r.metadata.signer.as_ref().unwrap();
    assert_eq!(match_key(&s.on_behalf_of), match_key("UỶ BAN NHÂN DÂN"));
    assert_spans_valid(r);
}

// ========================================================== cuc-thong-ke-brief

#[test]
fn ctk_metadata() {
    let m = &ctk().metadata;
    // Left column lines 1-5, right column lines 7-11, one after the other.
    assert_eq!(m.issuer, "Cục Thống kê tỉnh Nghệ An");
    assert_eq!(m.province, "Nghệ An");
    assert_eq!(m.document_number, "98/BC-CTK");
    assert_eq!(m.issued_on, Some(date(2024, 3, 29)));
    assert_eq!(
        m.title,
        "Tình hình kinh tế - xã hội tháng 3 và quý I năm 2024"
    );
    assert_month(m.reporting_period.as_ref(), "2024-03", "tháng 3");
    assert_eq!(m.planning_period, None, "a statistics brief plans nothing");
}

#[test]
fn ctk_signer_and_recipients() {
    let m = &ctk().metadata;
    assert_eq!(
        m.signer,
        Some(Signer {
            name: "Trần Quốc Hưng".into(),
            position: "CỤC TRƯỞNG".into(),
            signing_for: String::new(),
            on_behalf_of: String::new(),
        })
    );
    assert_eq!(
        m.recipients,
        [
            "Tổng cục Thống kê (để b/c)",
            "Thường trực Tỉnh ủy, HĐND tỉnh",
            "UBND tỉnh",
            "Sở Kế hoạch và Đầu tư",
            "Lãnh đạo Cục",
            "Lưu: VT, TKTH",
        ]
    );
}

#[test]
fn ctk_headings() {
    // Sub-items are written "a)", "b)", "c)"; the number is the letter.
    // "a" and "b" repeat under 1 and 4: the path tells them apart.
    assert_headings(
        ctk(),
        &[
            h("1", "1", "Sản xuất nông, lâm nghiệp và thủy sản", 1, ""),
            h("a", "1/a", "Nông nghiệp", 2, "1"),
            h("b", "1/b", "Lâm nghiệp", 2, "1"),
            h("c", "1/c", "Thủy sản", 2, "1"),
            h("2", "2", "Sản xuất công nghiệp", 1, ""),
            h("3", "3", "Vốn đầu tư", 1, ""),
            h("4", "4", "Thương mại, dịch vụ và giá cả", 1, ""),
            h(
                "a",
                "4/a",
                "Bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
                2,
                "4",
            ),
            h("b", "4/b", "Chỉ số giá tiêu dùng", 2, "4"),
            h("5", "5", "Một số vấn đề xã hội", 1, ""),
        ],
    );
}

#[test]
fn ctk_section_texts() {
    let r = ctk();
    let mut c = Checks::default();
    for p in ["1", "4"] {
        c.check(
            heading(r, p).text.trim().is_empty(),
            format!("{p} has no text of its own"),
        );
    }
    for (path, begins, ends) in [
        (
            "1/a",
            "Tính đến ngày 15/3/2024, toàn tỉnh gieo cấy được 90.520 ha lúa vụ Xuân,",
            "so với cùng thời điểm năm trước.",
        ),
        (
            "1/b",
            "Quý I, diện tích rừng trồng mới tập trung ước đạt 4.215 ha,",
            "diện tích thiệt hại 4,6 ha².",
        ),
        // "quý I ước" (line 47) / page number " 2 " (54) / "đạt 56.870 tấn" (56).
        (
            "1/c",
            "Sản lượng thủy sản tháng 3 ước đạt 21.430 tấn,",
            "nuôi trồng 12.750 tấn, tăng 3,2%.",
        ),
        (
            "2",
            "Chỉ số sản xuất công nghiệp (IIP) tháng 3/2024 ước tăng 18,27%",
            "cung cấp nước, xử lý rác thải tăng 8,47%.",
        ),
        (
            "3",
            "Vốn đầu tư thực hiện từ nguồn ngân sách nhà nước",
            "bằng 14,2% kế hoạch năm, tăng 8,1% so với cùng kỳ.",
        ),
        (
            "4/a",
            "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 3",
            "tăng 12,04% so với cùng kỳ năm trước.",
        ),
        (
            "4/b",
            "Chỉ số giá tiêu dùng (CPI) tháng 3/2024 tăng 0,35% so với tháng trước,",
            "so với bình quân cùng kỳ năm 2023.",
        ),
        (
            "5",
            "Quý I, toàn tỉnh giải quyết việc làm cho 11.240 lao động,",
            "giảm 05 người chết (-7,6%)⁵.",
        ),
    ] {
        let s = heading(r, path);
        c.starts(&format!("text of {path}"), &s.text, begins);
        c.ends(&format!("text of {path}"), &s.text, ends);
    }
    c.contains(
        "text of 1/c",
        &heading(r, "1/c").text,
        "quý I ước đạt 56.870 tấn, tăng 3,9%",
    );
    // Lines 17-21: a preamble before the first heading, in no section.
    let first = r.sections[0].span.start as usize;
    c.contains(
        "front matter",
        &r.normalized_text[..first],
        "Tổng sản phẩm trên địa bàn tỉnh (GRDP) quý I/2024 ước tăng 6,72%¹ so với cùng kỳ năm trước, cao hơn mức tăng 5,18% của quý I/2023.",
    );
    for s in &r.sections {
        c.check(
            !s.text.contains("GRDP"),
            format!("section {} holds the preamble", s.path),
        );
        c.check(
            !s.text.contains("Nơi nhận"),
            format!("section {} holds the recipients", s.path),
        );
        c.check(
            !s.text.contains("Trần Quốc Hưng"),
            format!("section {} holds the signature", s.path),
        );
    }
    // The page numbers " 2 " (line 54) and " 3 " (105) are neither footnotes
    // nor headings.
    c.check(
        no_line_is(r, "2") && no_line_is(r, "3"),
        "a page number line is left",
    );
    c.finish();
}

#[test]
fn ctk_footnotes() {
    assert_footnotes(
        ctk(),
        &[
            // In the preamble: no section.
            f(
                1,
                "Trong đó: khu vực nông, lâm nghiệp và thủy sản tăng 3,15%;",
                "thuế sản phẩm trừ trợ cấp sản phẩm tăng 5,06%.",
                ("", ""),
                "(GRDP) quý I/2024 ước tăng 6,72%",
            ),
            f(
                2,
                "Cháy rừng tại các huyện: Quỳnh Lưu 1,8 ha;",
                "Diễn Châu 0,7 ha.",
                ("b", "1/b"),
                "diện tích thiệt hại 4,6 ha",
            ),
            f(
                3,
                "Một số sản phẩm chủ yếu quý I tăng so với cùng kỳ:",
                "linh kiện điện tử 31,4 triệu cái, gấp 2,1 lần.",
                ("2", "2"),
                "chỉ số IIP ước tăng 13,48% so với cùng kỳ",
            ),
            f(
                4,
                "Chỉ số giá vàng tháng 3/2024 tăng 6,12% so với tháng trước;",
                "chỉ số giá đô la Mỹ tăng 1,04% so với tháng trước.",
                ("b", "4/b"),
                "bình quân quý I tăng 3,71%",
            ),
            // The body is the last line of the file, after the signature.
            f(
                5,
                "Tháng 3/2024 (từ ngày 15/02 đến ngày 14/3/2024) xảy ra 41 vụ tai nạn giao thông,",
                "làm chết 19 người, bị thương 33 người.",
                ("5", "5"),
                "giảm 05 người chết (-7,6%)",
            ),
        ],
    );
}

#[test]
fn ctk_has_no_tasks_nor_references() {
    let r = ctk();
    assert!(
        r.tasks.is_empty(),
        "tasks: {:?}",
        r.tasks.iter().map(|t| &t.title).collect::<Vec<_>>()
    );
    // Not references: 98/BC-CTK (own number), "b/c" in "(để b/c)", dates.
    assert!(
        r.document_references.is_empty(),
        "references: {:?}",
        r.document_references
            .iter()
            .map(|d| &d.raw)
            .collect::<Vec<_>>()
    );
    for kind in [
        QualityIssueKind::NumberingGap,
        QualityIssueKind::FootnoteMarkerMissing,
        QualityIssueKind::FootnoteBodyMissing,
    ] {
        assert!(
            issues(r, kind).is_empty(),
            "unexpected {kind:?}: {:?}",
            issues(r, kind)
        );
    }
    assert_spans_valid(r);
}

// =============================================================== phan-thu-nhat

/// The numbers the parser gives the two Parts (a free choice: "Phần thứ
/// nhất", "P1", ...), checked to be distinct from every other number.
fn parts(r: &Report) -> (&'static str, &'static str) {
    let tops: Vec<&str> = r
        .sections
        .iter()
        .filter(|s| s.level == 1)
        .map(|s| s.number.as_str())
        .collect();
    assert_eq!(tops.len(), 2, "two Parts at the top level: {tops:?}");
    for p in &tops {
        assert!(
            !["", "1", "2", "I", "II"].contains(p),
            "a Part's number must not clash with the numbers under it: {p:?}"
        );
    }
    assert_ne!(tops[0], tops[1]);
    (leak(tops[0].to_owned()), leak(tops[1].to_owned()))
}

#[test]
fn phan_metadata() {
    let m = &phan().metadata;
    assert_eq!(m.issuer, "Sở Kế hoạch và Đầu tư tỉnh Quảng Ngãi");
    assert_eq!(m.province, "Quảng Ngãi");
    // Written "Số: 1875 /BC-SKHĐT", with a stray space.
    assert_eq!(m.document_number, "1875/BC-SKHĐT");
    assert_eq!(m.issued_on, Some(date(2024, 9, 23)));
    assert_eq!(
        m.title,
        "Tình hình thực hiện nhiệm vụ tháng 9 và 9 tháng năm 2024; phương hướng, nhiệm vụ tháng 10 năm 2024"
    );
    assert_month(m.reporting_period.as_ref(), "2024-09", "tháng 9");
    assert_month(m.planning_period.as_ref(), "2024-10", "tháng 10 năm 2024");
}

#[test]
fn phan_signer_and_recipients() {
    let m = &phan().metadata;
    assert_eq!(
        m.signer,
        Some(Signer {
            name: "Lê Thị Hồng Nhung".into(),
            position: "PHÓ GIÁM ĐỐC".into(),
            signing_for: "KT. GIÁM ĐỐC".into(),
            on_behalf_of: String::new(),
        })
    );
    assert_eq!(
        m.recipients,
        [
            "UBND tỉnh (b/c)",
            "Cục Thống kê tỉnh",
            "Các phòng thuộc Sở",
            "Lưu: VT, TH"
        ]
    );
}

#[test]
fn phan_headings() {
    let r = phan();
    let (p1, p2) = parts(r);
    let p = |rest: &str| leak(format!("{p1}/{rest}"));
    assert_headings(
        r,
        &[
            // Label on line 13, title on line 15.
            h(p1, p1, "KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 9 NĂM 2024", 1, ""),
            h("I", p("I"), "LĨNH VỰC KINH TẾ", 2, p1),
            h("1", p("I/1"), "Sản xuất công nghiệp", 3, "I"),
            h(
                "2",
                p("I/2"),
                "Sản xuất nông, lâm nghiệp và thủy sản",
                3,
                "I",
            ),
            h("3", p("I/3"), "Thương mại, dịch vụ và xuất khẩu", 3, "I"),
            h(
                "4",
                p("I/4"),
                "Thu ngân sách, giải ngân vốn đầu tư công",
                3,
                "I",
            ),
            // Lines 61 and 63: the second line is just "xã".
            h(
                "5",
                p("I/5"),
                "Thu hút đầu tư, phát triển doanh nghiệp và kinh tế tập thể, hợp tác xã",
                3,
                "I",
            ),
            h("II", p("II"), "LĨNH VỰC VĂN HÓA - XÃ HỘI", 2, p1),
            h("1", p("II/1"), "Giáo dục, y tế", 3, "II"),
            h("2", p("II/2"), "Lao động, việc làm", 3, "II"),
            // Label on line 98, title on line 100; the items 1. to 6. under
            // it are tasks.
            h(p2, p2, "PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 10 NĂM 2024", 1, ""),
        ],
    );
}

#[test]
fn phan_section_texts() {
    let r = phan();
    let (p1, p2) = parts(r);
    let p = |rest: &str| format!("{p1}/{rest}");
    let mut c = Checks::default();
    for path in [p1.to_owned(), p("I"), p("II")] {
        c.check(
            heading(r, &path).text.trim().is_empty(),
            format!("{path} has no text of its own"),
        );
    }
    for (path, begins, ends) in [
        (
            p("I/1"),
            "Chỉ số sản xuất toàn ngành công nghiệp (IIP) tháng 9 ước tăng 4,6%",
            "đạt 118.540 tỷ đồng, đạt 76,8% kế hoạch năm.",
        ),
        (
            p("I/2"),
            "Vụ Hè Thu 2024 toàn tỉnh gieo sạ 36.150 ha lúa,",
            "tịch thu 12,6 m3 gỗ các loại.",
        ),
        (
            p("I/3"),
            "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 9",
            "đạt 72,5% kế hoạch năm.",
        ),
        (
            p("I/4"),
            "Tổng thu ngân sách nhà nước trên địa bàn 9 tháng ước đạt 17.850 tỷ đồng,",
            "bằng 48,6% kế hoạch (cùng kỳ đạt 51,2%)³.",
        ),
        // "vốn đăng ký" (69) / footnotes, page number 2 / "6.930 tỷ đồng." (84).
        (
            p("I/5"),
            "Trong tháng, cấp mới 03 dự án với tổng vốn đăng ký 1.245,6 tỷ đồng;",
            "tăng 5,2% so với cùng kỳ, vốn đăng ký 6.930 tỷ đồng.",
        ),
        (
            p("II/1"),
            "Toàn tỉnh khai giảng năm học 2024-2025 ngày 05/9/2024",
            "giảm 38,5% so với cùng kỳ.",
        ),
        (
            p("II/2"),
            "Giải quyết việc làm 9 tháng cho 28.760 lao động,",
            "đạt 95,9% kế hoạch năm.",
        ),
        (
            p2.to_owned(),
            "1. Tiếp tục triển khai Nghị quyết số 01/NQ-CP ngày 05/01/2024",
            "thực hiện tốt công tác tiếp công dân, cải cách hành chính.",
        ),
    ] {
        let s = heading(r, &path);
        c.starts(&format!("text of {path}"), &s.text, begins);
        c.ends(&format!("text of {path}"), &s.text, ends);
    }
    // "đã phát" (35) / footnote 1 / " hiện, xử lý" (41), and the detached
    // marks of line 35 repaired.
    c.contains(
        "text of I/2",
        &heading(r, &p("I/2")).text,
        "Trong tháng, lực lượng kiểm lâm đã phát hiện, xử lý 07 vụ vi phạm Luật Lâm nghiệp,",
    );
    c.check(no_line_is(r, "2"), "the page number 2 (line 82) is left");
    c.check(
        !heading(r, p2).text.contains("PHƯƠNG HƯỚNG"),
        format!("{p2}'s title line is in its text"),
    );
    c.finish();
}

#[test]
fn phan_footnotes() {
    let r = phan();
    let (p1, p2) = parts(r);
    let s = |number: &'static str, rest: &str| (number, leak(format!("{p1}/{rest}")));
    assert_footnotes(
        r,
        &[
            f(
                1,
                "Nguyên nhân chủ yếu do Nhà máy Lọc dầu Dung Quất vận hành ổn định,",
                "thép các loại ước đạt 4,1 triệu tấn, tăng 8,7%.",
                s("1", "I/1"),
                "so với cùng kỳ năm 2023",
            ),
            f(
                2,
                "Mặt hàng xuất khẩu chủ yếu:",
                "tinh bột mì, sợi, giày da.",
                s("3", "I/3"),
                "ước đạt 1.862 triệu USD, tăng 6,1%",
            ),
            f(
                3,
                "Thực hiện Công điện số 91/CĐ-UBND ngày 09/9/2024 của Chủ tịch UBND tỉnh,",
                "tiến độ giải ngân tại các chủ đầu tư.",
                s("4", "I/4"),
                "bằng 48,6% kế hoạch (cùng kỳ đạt 51,2%)",
            ),
            f(
                4,
                "Trong đó có 15 hợp tác xã thành lập mới,",
                "đang hoạt động trên địa bàn tỉnh lên 214 hợp tác xã.",
                s("5", "I/5"),
                "Có 812 doanh nghiệp thành lập mới",
            ),
            // In task 5, under the second Part.
            f(
                5,
                "Dự kiến tổ chức tại thành phố Quảng Ngãi trong tháng 11/2024,",
                "với khoảng 300 đại biểu, nhà đầu tư tham dự.",
                (p2, p2),
                "Hội nghị xúc tiến đầu tư năm 2024",
            ),
        ],
    );
    // "Dung Quất 2." (task 4) and "m3" are not markers.
    assert_contains(
        "normalized text",
        &r.normalized_text,
        "gang thép Hòa Phát Dung Quất 2.",
    );
    assert_contains("normalized text", &r.normalized_text, "tịch thu 12,6 m3 gỗ");
}

#[test]
fn phan_tasks() {
    let t = |ordinal, title, begins, ends, refs, deadline| T {
        ordinal,
        title,
        begins,
        ends,
        refs,
        deadline,
    };
    assert_tasks(
        phan(),
        &[
            t(
                1,
                "Tiếp tục triển khai Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ và Kế hoạch số 12/KH-UBND ngày 25/01/2024 của UBND tỉnh.",
                "Tiếp tục triển khai Nghị quyết số 01/NQ-CP",
                "dự kiến kế hoạch năm 2025.",
                &["01/NQ-CP", "12/KH-UBND"],
                None,
            ),
            // "phấn đấu đến ngày 31/10/2024" is a target horizon.
            t(
                2,
                "Tham mưu giải pháp đẩy nhanh giải ngân vốn đầu tư công, phấn đấu đến ngày 31/10/2024 giải ngân trên 60% kế hoạch.",
                "Tham mưu giải pháp đẩy nhanh giải ngân",
                "giải ngân trên 60% kế hoạch.",
                &[],
                None,
            ),
            // "Kế hoạch đầu tư công năm 2025" has no number: no reference.
            t(
                3,
                "Hoàn thành thẩm định dự thảo Kế hoạch đầu tư công năm 2025, trình UBND tỉnh trước ngày 10/10/2024.",
                "Hoàn thành thẩm định dự thảo",
                "trình UBND tỉnh trước ngày 10/10/2024.",
                &[],
                Some((2024, 10, 10)),
            ),
            // " 4." with a stray space in mid-page (line 118).
            t(
                4,
                "Hỗ trợ nhà đầu tư hoàn thiện thủ tục theo Quyết định số 822/QĐ-UBND ngày 19/7/2024 của UBND tỉnh; đôn đốc tiến độ dự án Khu liên hợp sản xuất gang thép Hòa Phát Dung Quất 2.",
                "Hỗ trợ nhà đầu tư hoàn thiện thủ tục",
                "gang thép Hòa Phát Dung Quất 2.",
                &["822/QĐ-UBND"],
                None,
            ),
            // The title drops footnote marker 5 after "năm 2024"; "789-" /
            // "KL/TU" over lines 124/126.
            t(
                5,
                "Phối hợp chuẩn bị Hội nghị xúc tiến đầu tư năm 2024 theo Kết luận số 789-KL/TU ngày 30/8/2024 của Ban Thường vụ Tỉnh ủy.",
                "Phối hợp chuẩn bị Hội nghị xúc tiến đầu tư năm 2024",
                "của Ban Thường vụ Tỉnh ủy.",
                &["789-KL/TU"],
                None,
            ),
            // " 6." at the top of page 4 (line 130); ends "./.".
            t(
                6,
                "Chủ động phòng, chống thiên tai mùa mưa bão năm 2024; thực hiện tốt công tác tiếp công dân, cải cách hành chính.",
                "Chủ động phòng, chống thiên tai",
                "cải cách hành chính.",
                &[],
                None,
            ),
        ],
        (2024, 10),
    );
}

#[test]
fn phan_document_references() {
    // In text order: the law in I › 2, the tasks' references, footnote 3's.
    // A law is passed by the National Assembly ("Quốc hội"), which the text
    // does not write (the same choice as for the seed).
    assert_references(
        phan(),
        &[
            d(
                "Luật Lâm nghiệp",
                "LUAT",
                "Quốc hội",
                None,
                "Luật Lâm nghiệp",
            ),
            d(
                "01/NQ-CP",
                "NQ",
                "Chính phủ",
                Some((2024, 1, 5)),
                "Nghị quyết số 01/NQ-CP",
            ),
            d(
                "12/KH-UBND",
                "KH",
                "UBND tỉnh",
                Some((2024, 1, 25)),
                "Kế hoạch số 12/KH-UBND",
            ),
            d(
                "822/QĐ-UBND",
                "QĐ",
                "UBND tỉnh",
                Some((2024, 7, 19)),
                "Quyết định số 822/QĐ-UBND",
            ),
            d(
                "789-KL/TU",
                "KL",
                "Ban Thường vụ Tỉnh ủy",
                Some((2024, 8, 30)),
                "Kết luận số 789-KL/TU",
            ),
            d(
                "91/CĐ-UBND",
                "CĐ",
                "Chủ tịch UBND tỉnh",
                Some((2024, 9, 9)),
                "Công điện số 91/CĐ-UBND",
            ),
        ],
    );
    // 01/NQ-CP of 2024 is not file 1's 01/NQ-CP of 2023: same number, other
    // date.
    let a = ubnd()
        .document_references
        .iter()
        .find(|d| d.number == "01/NQ-CP")
        .unwrap();
    let b = phan()
        .document_references
        .iter()
        .find(|d| d.number == "01/NQ-CP")
        .unwrap();
    assert_ne!(a.issued_on, b.issued_on);
}

#[test]
fn phan_quality_issues() {
    let r = phan();
    let t = &r.normalized_text;
    assert_contains("normalized text", t, "lực lượng kiểm lâm");
    assert!(
        !t.contains('\u{323}'),
        "a detached dot below is left in the text"
    );
    let repaired = issues(r, QualityIssueKind::DetachedDiacriticRepaired);
    let (p1, _) = parts(r);
    let s2 = heading(r, &format!("{p1}/I/2")).span;
    assert!(
        repaired.len() >= 2 && repaired.iter().all(|i| s2.contains(i.span)),
        "the two repairs of line 35 are reported inside I › 2: {repaired:?}"
    );
    assert!(issues(r, QualityIssueKind::DetachedDiacritic).is_empty());
    for kind in [
        QualityIssueKind::NumberingGap,
        QualityIssueKind::FootnoteMarkerMissing,
        QualityIssueKind::FootnoteBodyMissing,
    ] {
        assert!(
            issues(r, kind).is_empty(),
            "unexpected {kind:?}: {:?}",
            issues(r, kind)
        );
    }
    assert_spans_valid(r);
}

// ========================================================= ubnd-deep-numbering
//
// One paragraph a line, no blank lines, no pages, no footnotes; headings
// four levels deep (I. / 1. / 1.1. / 1.1.1.). Line numbers count every line.

fn deep() -> &'static Report {
    static R: OnceLock<Report> = OnceLock::new();
    R.get_or_init(|| load(DEEP))
}

#[test]
fn deep_metadata() {
    let m = &deep().metadata;
    // Left column lines 1-3, right column lines 4-6, one after the other.
    assert_eq!(m.issuer, "UBND tỉnh Yên Bái");
    assert_eq!(m.province, "Yên Bái");
    assert_eq!(m.document_number, "147/BC-UBND");
    assert_eq!(m.issued_on, Some(date(2024, 5, 27)));
    assert_eq!(
        m.title,
        "Tình hình kinh tế - xã hội tháng 5, nhiệm vụ trọng tâm tháng 6 năm 2024"
    );
    assert_month(m.reporting_period.as_ref(), "2024-05", "tháng 5");
    assert_month(m.planning_period.as_ref(), "2024-06", "tháng 6 năm 2024");
}

#[test]
fn deep_signer_and_recipients() {
    let m = &deep().metadata;
    assert_eq!(
        m.signer,
        Some(Signer {
            name: "Vũ Thị Hồng Hạnh".into(),
            position: "PHÓ CHỦ TỊCH".into(),
            signing_for: "KT. CHỦ TỊCH".into(),
            on_behalf_of: "ỦY BAN NHÂN DÂN".into(),
        })
    );
    assert_eq!(
        m.recipients,
        [
            "Văn phòng Chính phủ",
            "Bộ Kế hoạch và Đầu tư",
            "Thường trực Tỉnh ủy",
            "Thường trực HĐND tỉnh",
            "Các sở, ban, ngành",
            "Lưu: VT, TH",
        ]
    );
}

#[test]
fn deep_headings() {
    assert_headings(
        deep(),
        &[
            h("I", "I", "PHÁT TRIỂN KINH TẾ", 1, ""),
            // The title keeps its cut-off date in brackets (line 10).
            h(
                "1",
                "I/1",
                "Sản xuất nông, lâm nghiệp (tính đến ngày 15/5/2024)",
                2,
                "I",
            ),
            h("1.1", "I/1/1.1", "Trồng trọt", 3, "1"),
            h(
                "1.1.1",
                "I/1/1.1/1.1.1",
                "Sản xuất vụ xuân năm 2024",
                4,
                "1.1",
            ),
            h("1.1.2", "I/1/1.1/1.1.2", "Cây lâu năm", 4, "1.1"),
            h("1.2", "I/1/1.2", "Chăn nuôi", 3, "1"),
            h("1.3", "I/1/1.3", "Lâm nghiệp", 3, "1"),
            h("2", "I/2", "Sản xuất công nghiệp", 2, "I"),
            h("3", "I/3", "Thương mại, dịch vụ", 2, "I"),
            h("3.1", "I/3/3.1", "Thương mại", 3, "3"),
            h("3.2", "I/3/3.2", "Du lịch", 3, "3"),
            h("4", "I/4", "Tài chính, ngân sách", 2, "I"),
            h("4.1", "I/4/4.1", "Thu ngân sách", 3, "4"),
            h("4.2", "I/4/4.2", "Giải ngân vốn đầu tư công", 3, "4"),
            h("II", "II", "VĂN HÓA - XÃ HỘI", 1, ""),
            h("1", "II/1", "Giáo dục và đào tạo", 2, "II"),
            h("2", "II/2", "Y tế", 2, "II"),
            h("3", "II/3", "Lao động, việc làm", 2, "II"),
            h("III", "III", "QUỐC PHÒNG, AN NINH", 1, ""),
            h("IV", "IV", "NHIỆM VỤ TRỌNG TÂM THÁNG 6 NĂM 2024", 1, ""),
        ],
    );
}

#[test]
fn deep_section_texts() {
    let r = deep();
    let mut c = Checks::default();
    for p in ["I", "I/1", "I/1/1.1", "I/3", "I/4", "II"] {
        c.check(
            heading(r, p).text.trim().is_empty(),
            format!("{p} has no text of its own"),
        );
    }
    // Each line is a paragraph of its own, so 1.1.1 holds two (lines 13 and
    // 14); the parser joins them after "như sau:" (a known gap, not checked
    // here: only where each section begins and ends).
    for (path, begins, ends) in [
        (
            "I/1/1.1/1.1.1",
            "Lúa xuân đang ở giai đoạn chín,",
            "cây lạc 1.036 ha, đạt 97,4%, tăng 2,05% (tăng 20,8 ha).",
        ),
        (
            "I/1/1.2",
            "Đàn trâu 76.420 con, giảm 2,3% (giảm 1.799 con)",
            "tăng 4,11% (tăng 222,7 nghìn con).",
        ),
        (
            "I/4/4.2",
            "Tính đến ngày 20/5/2024, giải ngân vốn đầu tư công đạt 1.612,4 tỷ đồng,",
            "(cùng kỳ đạt 31,2%).",
        ),
        // Line 39 starts with a number: body text, not a heading.
        (
            "II/3",
            "5 tháng giải quyết việc làm cho 7.915 lao động,",
            "trong đó xuất khẩu lao động 612 người.",
        ),
        (
            "III",
            "Tình hình an ninh chính trị, trật tự an toàn xã hội được giữ vững.",
            "giảm 2 người chết, tăng 1 người bị thương.",
        ),
    ] {
        let text = &heading(r, path).text;
        c.starts(path, text, begins);
        c.ends(path, text, ends);
    }
    c.finish();
}

#[test]
fn deep_tasks() {
    let t = |ordinal, title, begins, ends, refs, deadline| T {
        ordinal,
        title,
        begins,
        ends,
        refs,
        deadline,
    };
    assert_tasks(
        deep(),
        &[
            t(
                1,
                "Chỉ đạo thu hoạch lúa xuân, gieo cấy lúa mùa đúng khung thời vụ; chủ động phòng, chống thiên tai mùa mưa lũ theo Chỉ thị số 05/CT-UBND ngày 12/4/2024 của Chủ tịch UBND tỉnh.",
                "Chỉ đạo thu hoạch lúa xuân",
                "của Chủ tịch UBND tỉnh.",
                &["05/CT-UBND"],
                None,
            ),
            t(
                2,
                "Đẩy nhanh giải ngân vốn đầu tư công; các chủ đầu tư hoàn thành hồ sơ thanh toán khối lượng hoàn thành trước ngày 25/6/2024.",
                "Đẩy nhanh giải ngân vốn đầu tư công;",
                "trước ngày 25/6/2024.",
                &[],
                Some((2024, 6, 25)),
            ),
            t(
                3,
                "Tổ chức Kỳ thi tốt nghiệp trung học phổ thông năm 2024 an toàn, nghiêm túc theo Kế hoạch số 88/KH-UBND ngày 02/4/2024 của UBND tỉnh.",
                "Tổ chức Kỳ thi tốt nghiệp",
                "ngày 02/4/2024 của UBND tỉnh.",
                &["88/KH-UBND"],
                None,
            ),
            t(
                4,
                "Tăng cường quản lý thu ngân sách, chống thất thu; thực hiện tiết kiệm chi thường xuyên.",
                "Tăng cường quản lý thu ngân sách",
                "thực hiện tiết kiệm chi thường xuyên.",
                &[],
                None,
            ),
            // Ends with "./.", the end-of-body mark; "Nơi nhận:" follows.
            t(
                5,
                "Bảo đảm an ninh chính trị, trật tự an toàn xã hội; kiềm chế tai nạn giao thông trong dịp nghỉ hè.",
                "Bảo đảm an ninh chính trị",
                "kiềm chế tai nạn giao thông trong dịp nghỉ hè.",
                &[],
                None,
            ),
        ],
        (2024, 6),
    );
}

#[test]
fn deep_document_references() {
    // The report's own number 147/BC-UBND is not a reference.
    assert_references(
        deep(),
        &[
            d(
                "05/CT-UBND",
                "CT",
                "Chủ tịch UBND tỉnh",
                Some((2024, 4, 12)),
                "Chỉ thị số 05/CT-UBND",
            ),
            d(
                "88/KH-UBND",
                "KH",
                "UBND tỉnh",
                Some((2024, 4, 2)),
                "Kế hoạch số 88/KH-UBND",
            ),
        ],
    );
}

// ========================================================= cuc-thong-ke-5-thang
//
// A statistics office's "tháng 5 và 5 tháng" report: pdftotext layout
// (a blank line after every line), headings I. / 1. / a. (a letter with a
// dot), unnumbered sub-headings, two footnotes, no tasks. Line numbers
// count every line.

fn ctk5() -> &'static Report {
    static R: OnceLock<Report> = OnceLock::new();
    R.get_or_init(|| load(CTK5))
}

#[test]
fn ctk5_metadata() {
    let m = &ctk5().metadata;
    assert_eq!(
        match_key(&m.issuer),
        match_key("Cục Thống kê tỉnh Tiền Giang")
    );
    assert_eq!(m.province, "Tiền Giang");
    assert_eq!(m.document_number, "112/BC-CTK"); // line 3
    assert_eq!(m.issued_on, Some(date(2024, 5, 29))); // line 9
    assert_eq!(
        m.title,
        "Tình hình kinh tế - xã hội tháng 5 và 5 tháng đầu năm 2024"
    );
    assert_month(m.reporting_period.as_ref(), "2024-05", "tháng 5");
    assert!(m.planning_period.is_none(), "no coming month in the title");
    assert!(ctk5().tasks.is_empty(), "a statistics report sets no tasks");
}

#[test]
fn ctk5_headings() {
    // "a. Trồng trọt" (line 23) and "b. Chăn nuôi" (line 43) are the
    // letter scheme written with a dot; the page number "2" (line 55) is
    // not a heading, "2. Thủy sản" (line 57) is.
    assert_headings(
        ctk5(),
        &[
            h("I", "I", "Sản xuất nông, lâm nghiệp và thủy sản", 1, ""),
            h("1", "I/1", "Nông nghiệp", 2, "I"),
            h("a", "I/1/a", "Trồng trọt", 3, "1"),
            h("b", "I/1/b", "Chăn nuôi", 3, "1"),
            h("2", "I/2", "Thủy sản", 2, "I"),
            h("II", "II", "Sản xuất công nghiệp", 1, ""),
            h("III", "III", "Thương mại, dịch vụ và giá cả", 1, ""),
            h(
                "1",
                "III/1",
                "Bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
                2,
                "III",
            ),
            h("2", "III/2", "Chỉ số giá tiêu dùng", 2, "III"),
            h("IV", "IV", "Một số vấn đề xã hội", 1, ""),
        ],
    );
    let r = ctk5();
    let a = &heading(r, "I/1/a").text;
    assert!(a.contains("Diện tích gieo sạ 61.240 ha"), "{a}");
    // Lines 25 and 33 are unnumbered sub-headings: paragraphs of their own.
    let paras: Vec<&str> = a.lines().map(str::trim).collect();
    assert_eq!(paras.first(), Some(&"Cây lúa"), "{a}");
    assert!(paras.contains(&"Cây hằng năm và cây lâu năm"), "{a}");
    assert!(
        paras
            .iter()
            .any(|p| p.starts_with("- Lúa đông xuân 2023-2024:")),
        "{a}"
    );
    assert!(a.contains("Sản lượng trái cây 5 tháng"), "{a}");
    let b = &heading(r, "I/1/b").text;
    assert!(
        b.starts_with("Ước tính tại thời điểm cuối tháng 5/2024"),
        "{b}"
    );
}

#[test]
fn ctk5_footnotes() {
    assert_footnotes(
        ctk5(),
        &[
            f(
                1,
                "Trong đó: thịt heo hơi 51.420 tấn (+2,94%);",
                "thịt gia cầm hơi 22.160 tấn (+2,3%).",
                ("b", "I/1/b"),
                "78.310 tấn (+2,6%)",
            ),
            f(
                2,
                "Một số sản phẩm tăng cao so cùng kỳ:",
                "điện thương phẩm 1.186 triệu kWh (+5,1%).",
                ("II", "II"),
                "tăng 3,9%",
            ),
        ],
    );
}

// ========================================================= cuc-thong-ke-mot-dong
//
// A statistics office's "tháng 4 và 4 tháng" brief saved one paragraph a
// line (no blank lines, no pages, no footnotes): headings 1. / a), one
// heading inline with its text ("b) Chăn nuôi: Tính đến ..."), an
// unnumbered sub-heading, no tasks. Line numbers count every line.

fn line() -> &'static Report {
    static R: OnceLock<Report> = OnceLock::new();
    R.get_or_init(|| load(LINE))
}

#[test]
fn line_metadata() {
    let m = &line().metadata;
    assert_eq!(
        match_key(&m.issuer),
        match_key("Cục Thống kê tỉnh Hải Dương")
    );
    assert_eq!(m.province, "Hải Dương");
    assert_eq!(m.document_number, "256/BC-CTK"); // line 3
    assert_eq!(m.issued_on, Some(date(2024, 4, 27))); // line 6
    assert_eq!(
        m.title,
        "Tình hình kinh tế - xã hội tháng 4 và 4 tháng năm 2024"
    );
    assert_month(m.reporting_period.as_ref(), "2024-04", "tháng 4");
    assert!(m.planning_period.is_none(), "no coming month in the title");
    assert_eq!(
        m.recipients,
        [
            "Tổng cục Thống kê (để b/c)",
            "Thường trực Tỉnh ủy, HĐND tỉnh",
            "UBND tỉnh",
            "Lưu: VT, TKTH",
        ]
    );
    assert_eq!(
        m.signer.as_ref().map(|s| s.name.as_str()),
        Some("Phạm Minh Đức")
    );
    assert!(line().tasks.is_empty(), "a statistics report sets no tasks");
    assert!(line().footnotes.is_empty());
    assert!(line().document_references.is_empty());
}

#[test]
fn line_headings() {
    assert_headings(
        line(),
        &[
            h("1", "1", "Sản xuất nông nghiệp", 1, ""),
            h("a", "1/a", "Trồng trọt", 2, "1"),
            // Line 14: the heading and its text on one line.
            h("b", "1/b", "Chăn nuôi", 2, "1"),
            h("2", "2", "Sản xuất công nghiệp", 1, ""),
            h("3", "3", "Thương mại, dịch vụ và giá cả", 1, ""),
            h(
                "a",
                "3/a",
                "Bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
                2,
                "3",
            ),
            h("b", "3/b", "Chỉ số giá tiêu dùng", 2, "3"),
            h("c", "3/c", "Xuất, nhập khẩu hàng hóa", 2, "3"),
            h("4", "4", "Thu, chi ngân sách nhà nước", 1, ""),
            h("5", "5", "Đầu tư", 1, ""),
            h("6", "6", "Doanh nghiệp", 1, ""),
            h("7", "7", "Trật tự, an toàn giao thông", 1, ""),
        ],
    );
    let r = line();
    let a = &heading(r, "1/a").text;
    assert!(a.starts_with("Vụ Đông Xuân 2023-2024, toàn tỉnh"), "{a}");
    // Line 12, the unnumbered sub-heading "Tình hình sâu bệnh", is a
    // paragraph of its own between the sentences of lines 11 and 13.
    let paras: Vec<&str> = a.lines().map(str::trim).collect();
    assert_eq!(paras.len(), 3, "{a}");
    assert!(paras[0].ends_with("tăng 7,6%."), "{a}");
    assert_eq!(paras[1], "Tình hình sâu bệnh", "{a}");
    assert!(paras[2].starts_with("Trong tháng, sâu cuốn lá nhỏ"), "{a}");
    let b = &heading(r, "1/b").text;
    assert!(b.starts_with("Tính đến thời điểm cuối tháng 4/2024"), "{b}");
}

// ============================================================ so-cong-thuong
// A department's report (Sở Công Thương): the issuer's name and province on
// one header line, merged with the motto; two footnotes; four tasks.

fn sct() -> &'static Report {
    static R: OnceLock<Report> = OnceLock::new();
    R.get_or_init(|| load(SCT))
}

#[test]
fn sct_metadata() {
    let m = &sct().metadata;
    // Line 1: "SỞ CÔNG THƯƠNG TỈNH HẢI DƯƠNG CỘNG HÒA ...". "Công Thương" is
    // the name of the branch (Bộ Công Thương): both words capitalised.
    assert_eq!(m.issuer, "Sở Công Thương tỉnh Hải Dương");
    assert_eq!(m.province, "Hải Dương");
    assert_eq!(m.document_number, "1468/BC-SCT");
    assert_eq!(m.issued_on, Some(date(2024, 10, 29)));
    assert_eq!(
        m.title,
        "Tình hình hoạt động ngành Công Thương tháng 10 năm 2024 và nhiệm vụ trọng tâm tháng 11 năm 2024"
    );
    assert_month(m.reporting_period.as_ref(), "2024-10", "tháng 10 năm 2024");
    assert_month(m.planning_period.as_ref(), "2024-11", "tháng 11 năm 2024");
    assert_eq!(
        m.signer,
        Some(Signer {
            name: "Phạm Minh Tuấn".into(),
            position: "GIÁM ĐỐC".into(),
            signing_for: String::new(),
            on_behalf_of: String::new(),
        })
    );
    assert_eq!(
        m.recipients,
        [
            "Bộ Công Thương (b/c)",
            "UBND tỉnh (b/c)",
            "Cục Thống kê tỉnh",
            "Lưu: VT, KHTC"
        ]
    );
}

#[test]
fn sct_headings() {
    assert_headings(
        sct(),
        &[
            h(
                "I",
                "I",
                "KẾT QUẢ HOẠT ĐỘNG NGÀNH CÔNG THƯƠNG THÁNG 10 NĂM 2024",
                1,
                "",
            ),
            h("1", "I/1", "Sản xuất công nghiệp", 2, "I"),
            h("1.1", "I/1/1.1", "Chỉ số sản xuất công nghiệp", 3, "1"),
            h(
                "1.2",
                "I/1/1.2",
                "Một số sản phẩm công nghiệp chủ yếu",
                3,
                "1",
            ),
            h("2", "I/2", "Thương mại nội địa", 2, "I"),
            h("3", "I/3", "Xuất khẩu, nhập khẩu", 2, "I"),
            h("4", "I/4", "Công tác quản lý thị trường", 2, "I"),
            h("II", "II", "NHIỆM VỤ TRỌNG TÂM THÁNG 11 NĂM 2024", 1, ""),
        ],
    );
}

#[test]
fn sct_footnotes_tasks_and_references() {
    let r = sct();
    assert_footnotes(
        r,
        &[
            f(
                1,
                "Ngoài ra: bia các loại ước đạt 18,5 triệu lít,",
                "tăng 4,5% so với cùng kỳ.",
                ("1.2", "I/1/1.2"),
                "ước đạt 41,2 triệu cái, tăng 15,7%",
            ),
            f(
                2,
                "Trong đó: kinh doanh hàng cấm 9 vụ;",
                "niêm yết giá 21 vụ; vi phạm khác 20 vụ.",
                ("4", "I/4"),
                "thu nộp ngân sách nhà nước 512 triệu đồng",
            ),
        ],
    );
    let t = |ordinal, title, begins, ends, refs, deadline| T {
        ordinal,
        title,
        begins,
        ends,
        refs,
        deadline,
    };
    assert_tasks(
        r,
        &[
            t(
                1,
                "Tiếp tục triển khai Kế hoạch số 45/KH-UBND ngày 20/02/2024 của UBND tỉnh về phát triển công nghiệp năm 2024; theo dõi, tháo gỡ khó khăn cho doanh nghiệp sản xuất.",
                "Tiếp tục triển khai Kế hoạch số 45/KH-UBND",
                "tháo gỡ khó khăn cho doanh nghiệp sản xuất.",
                &["45/KH-UBND"],
                None,
            ),
            t(
                2,
                "Bảo đảm cung ứng điện phục vụ sản xuất và sinh hoạt cuối năm theo Chỉ thị số 20/CT-TTg ngày 08/6/2023 của Thủ tướng Chính phủ.",
                "Bảo đảm cung ứng điện",
                "của Thủ tướng Chính phủ.",
                &["20/CT-TTg"],
                None,
            ),
            t(
                3,
                "Tổ chức Hội chợ Công Thương tỉnh năm 2024 theo Quyết định số 1876/QĐ-UBND ngày 12/9/2024 của UBND tỉnh, hoàn thành trước ngày 20/11/2024.",
                "Tổ chức Hội chợ Công Thương tỉnh năm 2024",
                "hoàn thành trước ngày 20/11/2024.",
                &["1876/QĐ-UBND"],
                Some((2024, 11, 20)),
            ),
            t(
                4,
                "Tăng cường kiểm tra, kiểm soát thị trường, chống buôn lậu, gian lận thương mại và hàng giả dịp cuối năm.",
                "Tăng cường kiểm tra, kiểm soát thị trường",
                "hàng giả dịp cuối năm.",
                &[],
                None,
            ),
        ],
        (2024, 11),
    );
    assert_references(
        r,
        &[
            d(
                "45/KH-UBND",
                "KH",
                "UBND tỉnh",
                Some((2024, 2, 20)),
                "Kế hoạch số 45/KH-UBND",
            ),
            d(
                "20/CT-TTg",
                "CT",
                "Thủ tướng Chính phủ",
                Some((2023, 6, 8)),
                "Chỉ thị số 20/CT-TTg",
            ),
            d(
                "1876/QĐ-UBND",
                "QĐ",
                "UBND tỉnh",
                Some((2024, 9, 12)),
                "Quyết định số 1876/QĐ-UBND",
            ),
        ],
    );
}

// ============================================================ ubnd-huyen
// A district's report (UBND huyện): letters A/B above Roman numerals; the
// province is not written in the header.

fn huyen() -> &'static Report {
    static R: OnceLock<Report> = OnceLock::new();
    R.get_or_init(|| load(HUYEN))
}

#[test]
fn huyen_metadata() {
    let m = &huyen().metadata;
    // Lines 1-3: "ỦY BAN NHÂN DÂN | CỘNG HÒA ...", "HUYỆN LẠNG GIANG | Độc
    // lập ...". The district is the issuer's area; no province is named.
    assert_eq!(m.issuer, "UBND huyện Lạng Giang");
    assert_eq!(m.province, "");
    assert_eq!(m.document_number, "286/BC-UBND");
    assert_eq!(m.issued_on, Some(date(2024, 9, 25)));
    assert_eq!(
        m.title,
        "Tình hình kinh tế - xã hội tháng 9, nhiệm vụ trọng tâm tháng 10 năm 2024"
    );
    assert_month(m.reporting_period.as_ref(), "2024-09", "tháng 9");
    assert_month(m.planning_period.as_ref(), "2024-10", "tháng 10 năm 2024");
    assert_eq!(
        m.signer,
        Some(Signer {
            name: "Nguyễn Văn Thành".into(),
            position: "CHỦ TỊCH".into(),
            signing_for: String::new(),
            on_behalf_of: "ỦY BAN NHÂN DÂN".into(),
        })
    );
    assert_eq!(
        m.recipients,
        [
            "UBND tỉnh (b/c)",
            "Thường trực Huyện ủy",
            "Thường trực HĐND huyện",
            "UBND các xã, thị trấn",
            "Lưu: VT"
        ]
    );
}

#[test]
fn huyen_headings() {
    assert_headings(
        huyen(),
        &[
            h(
                "A",
                "A",
                "KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 9 NĂM 2024",
                1,
                "",
            ),
            h("I", "A/I", "LĨNH VỰC KINH TẾ", 2, "A"),
            h("1", "A/I/1", "Sản xuất nông, lâm nghiệp", 3, "I"),
            h("2", "A/I/2", "Thu, chi ngân sách", 3, "I"),
            h("3", "A/I/3", "Xây dựng nông thôn mới", 3, "I"),
            h("II", "A/II", "LĨNH VỰC VĂN HÓA - XÃ HỘI", 2, "A"),
            h("1", "A/II/1", "Lao động, việc làm, an sinh xã hội", 3, "II"),
            h("B", "B", "NHIỆM VỤ TRỌNG TÂM THÁNG 10 NĂM 2024", 1, ""),
        ],
    );
}

#[test]
fn huyen_footnotes_tasks_and_references() {
    let r = huyen();
    assert_footnotes(
        r,
        &[
            f(
                1,
                "Trong đó: xã Tân Hưng 45 ha,",
                "còn lại các xã khác.",
                ("1", "A/I/1"),
                "bằng 82,4% kế hoạch năm",
            ),
            // In section A › II › 1, not in the task where its body is printed.
            f(
                2,
                "Tăng 1,8% so với cùng kỳ;",
                "người có công nhân dịp Quốc khánh 2/9.",
                ("1", "A/II/1"),
                "với kinh phí 2,9 tỷ đồng",
            ),
        ],
    );
    let t = |ordinal, title, begins, ends, refs, deadline| T {
        ordinal,
        title,
        begins,
        ends,
        refs,
        deadline,
    };
    assert_tasks(
        r,
        &[
            t(
                1,
                "Chỉ đạo thu hoạch lúa Mùa, triển khai sản xuất vụ Đông theo Kế hoạch số 112/KH-UBND ngày 05/8/2024 của UBND huyện.",
                "Chỉ đạo thu hoạch lúa Mùa",
                "của UBND huyện.",
                &["112/KH-UBND"],
                None,
            ),
            t(
                2,
                "Tập trung thu ngân sách, phấn đấu hoàn thành dự toán năm 2024; quản lý chặt chẽ chi ngân sách, tiết kiệm chi thường xuyên.",
                "Tập trung thu ngân sách",
                "tiết kiệm chi thường xuyên.",
                &[],
                None,
            ),
            t(
                3,
                "Hoàn thiện hồ sơ đề nghị công nhận xã Tân Hưng đạt chuẩn nông thôn mới kiểu mẫu, trình UBND tỉnh trước ngày 25/10/2024.",
                "Hoàn thiện hồ sơ đề nghị công nhận",
                "trình UBND tỉnh trước ngày 25/10/2024.",
                &[],
                Some((2024, 10, 25)),
            ),
            t(
                4,
                "Thực hiện Nghị quyết số 42/NQ-HĐND ngày 14/12/2023 của HĐND huyện về hỗ trợ xóa nhà tạm, nhà dột nát.",
                "Thực hiện Nghị quyết số 42/NQ-HĐND",
                "hỗ trợ xóa nhà tạm, nhà dột nát.",
                &["42/NQ-HĐND"],
                None,
            ),
        ],
        (2024, 10),
    );
    assert_references(
        r,
        &[
            d(
                "112/KH-UBND",
                "KH",
                "UBND huyện",
                Some((2024, 8, 5)),
                "Kế hoạch số 112/KH-UBND",
            ),
            d(
                "42/NQ-HĐND",
                "NQ",
                "HĐND huyện",
                Some((2023, 12, 14)),
                "Nghị quyết số 42/NQ-HĐND",
            ),
        ],
    );
}
