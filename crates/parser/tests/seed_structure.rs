//! Golden structure of the seed report, testdata/reports/000_5b1c2bc8d5408b7b.txt
//! (Bắc Giang, report on May 2024 with tasks for June 2024).
//!
//! Every expectation here was written from reading the text (line numbers
//! below count non-blank lines, as `grep -v '^$' | cat -n` shows them), not
//! from the parser's output. When the parser disagrees, the parser is wrong
//! unless a comment says the text is ambiguous.

mod common;

use baocao_domain::text::match_key;
use baocao_domain::{PeriodKind, QualityIssueKind, Report, Signer};
use common::*;
use std::sync::OnceLock;

fn seed() -> &'static Report {
    static R: OnceLock<Report> = OnceLock::new();
    R.get_or_init(|| load(SEED))
}

// ------------------------------------------------------------------ metadata

#[test]
fn metadata() {
    let m = &seed().metadata;
    // The extract has no header: the issuer is inferred from the signature
    // ("TM. UỶ BAN NHÂN DÂN") and the province named in the body.
    assert_eq!(m.issuer, "UBND tỉnh Bắc Giang");
    assert_eq!(m.province, "Bắc Giang");
    // Line 1, cut by the extraction: the real title begins "Báo cáo tình hình
    // kinh tế - xã hội tháng 5, ...".
    assert_eq!(m.title, "nhiệm vụ trọng tâm tháng 6 năm 2024");
    assert_eq!(m.document_number, "");
    assert_eq!(m.issued_on, None);
}

#[test]
fn periods() {
    let m = &seed().metadata;
    let rp = m.reporting_period.as_ref().expect("reporting period");
    assert_eq!(rp.kind, PeriodKind::Month);
    assert_eq!((rp.start, rp.end), (date(2024, 5, 1), date(2024, 5, 31)));
    assert_eq!(rp.key(), "2024-05");
    let pp = m.planning_period.as_ref().expect("planning period");
    assert_eq!(pp.kind, PeriodKind::Month);
    assert_eq!((pp.start, pp.end), (date(2024, 6, 1), date(2024, 6, 30)));
    assert_eq!(pp.key(), "2024-06");
}

#[test]
fn signer() {
    // Lines 411-413; the text ends without a name.
    assert_eq!(
        seed().metadata.signer,
        Some(Signer {
            name: String::new(),
            position: "PHÓ CHỦ TỊCH".into(),
            signing_for: "KT. CHỦ TỊCH".into(),
            on_behalf_of: "UỶ BAN NHÂN DÂN".into(),
        })
    );
}

#[test]
fn recipients() {
    // Lines 396-410, without the leading "- " and the final ";" / ".".
    let want = [
        "Văn phòng Chính phủ",
        "Bộ Kế hoạch và Đầu tư",
        "Thường trực TU, TT HĐND tỉnh",
        "Chủ tịch, các PCT UBND tỉnh",
        "Các đồng chí Ủy viên BTV Tỉnh ủy",
        "Các đại biểu HĐND tỉnh khóa XIX",
        "VP TU và các ban, cơ quan thuộc Tỉnh ủy",
        "Ủy ban MTTQ và các tổ chức CT-XH tỉnh",
        "VP ĐĐBQH và HĐND tỉnh, các ban HĐND tỉnh",
        "Các sở, cơ quan thuộc UBND tỉnh",
        "Các cơ quan Trung ương đóng trên địa bàn",
        "Huyện ủy, thành ủy, thị ủy",
        "UBND huyện, thành phố, thị xã",
        "VP UBND tỉnh: LĐVP, các phòng, đơn vị",
        "Lưu: VT, TH",
    ];
    assert_eq!(seed().metadata.recipients, want);
}

// ------------------------------------------------------------------ headings

#[test]
fn headings() {
    let h = |number, path, title, level, parent| H {
        number,
        path,
        title,
        level,
        parent,
    };
    assert_headings(
        seed(),
        &[
            h("I", "I", "TÌNH HÌNH KINH TẾ - XÃ HỘI", 1, ""),
            h(
                "1",
                "I/1",
                "Lĩnh vực kinh tế, đầu tư và tài nguyên môi trường",
                2,
                "I",
            ),
            h("1.1", "I/1/1.1", "Sản xuất công nghiệp", 3, "1"),
            h(
                "1.2",
                "I/1/1.2",
                "Sản xuất nông, lâm nghiệp và thủy sản",
                3,
                "1",
            ),
            h(
                "1.3",
                "I/1/1.3",
                "Các hoạt động dịch vụ, thương mại",
                3,
                "1",
            ),
            h(
                "1.4",
                "I/1/1.4",
                "Thu ngân sách, quản lý đầu tư công",
                3,
                "1",
            ),
            // 1.5 is missing in the text: 1.6 keeps its written number.
            h(
                "1.6",
                "I/1/1.6",
                "Thu hút đầu tư và phát triển doanh nghiệp",
                3,
                "1",
            ),
            h("1.7", "I/1/1.7", "Quản lý tài nguyên và môi trường", 3, "1"),
            h("2", "I/2", "Lĩnh vực văn hoá - xã hội", 2, "I"),
            h(
                "2.1",
                "I/2/2.1",
                "Giáo dục - đào tạo; y tế chăm sóc sức khỏe nhân dân",
                3,
                "2",
            ),
            h(
                "2.2",
                "I/2/2.2",
                "Lĩnh vực văn hóa, thể thao; đời sống nhân dân, lao động, việc làm",
                3,
                "2",
            ),
            h("3", "I/3", "Lĩnh vực nội chính", 2, "I"),
            // Lines 185-186: one title over two lines.
            h(
                "3.1",
                "I/3/3.1",
                "Công tác cải cách hành chính, chuyển đổi số; tiếp dân, giải quyết khiếu nại tố cáo",
                3,
                "3",
            ),
            h(
                "3.2",
                "I/3/3.2",
                "Công tác quốc phòng, an ninh và đảm bảo trật tự an toàn giao thông",
                3,
                "3",
            ),
            // The items 1. to 9. under II are tasks, not headings.
            h("II", "II", "NHIỆM VỤ CHỦ YẾU THÁNG 6 NĂM 2024", 1, ""),
        ],
    );
}

#[test]
fn heading_spans_start_at_the_heading() {
    let r = seed();
    for s in &r.sections {
        let at = slice(r, s.span);
        assert!(
            at.starts_with(&s.number),
            "section {} span should start with its number, starts {:?}",
            s.path,
            head(at)
        );
        assert!(
            at.contains(&s.text),
            "section {} span should hold its own text",
            s.path
        );
    }
}

#[test]
fn section_texts() {
    let r = seed();
    let mut c = Checks::default();
    // Headings directly followed by a sub-heading have no text of their own.
    for p in ["I", "I/1", "I/2", "I/3"] {
        c.check(
            heading(r, p).text.trim().is_empty(),
            format!("{p} has no text of its own"),
        );
    }
    let cases: &[(&str, &str, &str)] = &[
        (
            "I/1/1.1",
            "Chỉ số sản xuất công nghiệp (IIP) tháng 5/2024 tăng 17,32% so với tháng 5/2023¹,",
            "tăng 26,6%, đạt 46,8% kế hoạch.",
        ),
        (
            "I/1/1.2",
            "Trong tháng 5, thời tiết cơ bản ổn định, thuận lợi cho sản xuất nông nghiệp.",
            "sản lượng gỗ khai thác tăng so với cùng kỳ⁹.",
        ),
        (
            "I/1/1.3",
            "Tổng mức bán lẻ hàng hóa, dịch vụ tháng 5 ước đạt 5.656 tỷ đồng,",
            "đạt 19,05 tỷ USD, gấp 1,2 lần so với cùng kỳ.",
        ),
        (
            "I/1/1.4",
            "Tổng thu nội địa tháng 5 ước đạt 1.007,5 tỷ đồng,",
            "bằng 12,8% kế hoạch (cùng kỳ đạt 18,1% kế hoạch)¹¹.",
        ),
        (
            "I/1/1.6",
            "Trong tháng 5 (tính đến ngày 16/5/2024), toàn tỉnh đã thu hút được 305,2 triệu USD",
            "tạm ngừng hoạt động, tăng 22% so với cùng kỳ.",
        ),
        (
            "I/1/1.7",
            "UBND tỉnh đã phê duyệt Kế hoạch sử dụng đất năm 2024 của 10/10 huyện",
            "Chuẩn bị các bước để đấu giá quyền khai thác khoáng sản năm 2024.",
        ),
        (
            "I/2/2.1",
            // Crosses the page whose number "4" stands alone (line 134).
            "Đã hoàn thành chương trình, kiểm tra, đánh giá, xếp loại học sinh học kỳ II và cả năm học",
            "không xảy ra dịch bệnh nguy hiểm và ngộ độc thực phẩm.",
        ),
        (
            "I/2/2.2",
            "Tiếp tục làm tốt công tác quản lý nhà nước về báo chí,",
            "(lao động trong tỉnh chiếm khoảng 60%).",
        ),
        (
            "I/3/3.1",
            "Công tác cải cách hành chính gắn với nâng cao vai trò, trách nhiệm của cán bộ",
            "Công tác tiếp dân, giải quyết khiếu nại tố cáo được thực hiện nghiêm túc²⁰.",
        ),
        (
            // A section's text runs to the next heading, so the closing
            // summary of part I ("Tóm lại, ...", "Tuy nhiên, ...", lines
            // 211-241), which has no heading of its own, is 3.2's.
            "I/3/3.2",
            "Công tác chuẩn bị cho diễn tập KVPT huyện Tân Yên",
            "vi phạm pháp luật về lâm nghiệp tiếp tục tái diễn²³.",
        ),
        (
            // II holds the tasks; its text ends before "Nơi nhận:".
            "II",
            "1. Tiếp tục thực hiện có hiệu quả Kế hoạch số 02/KH-UBND ngày 11/01/2024",
            "bảo đảm an toàn tính mạng cho người dân.",
        ),
    ];
    for (path, begins, ends) in cases {
        let s = heading(r, path);
        c.starts(&format!("text of {path}"), &s.text, begins);
        c.ends(&format!("text of {path}"), &s.text, ends);
    }
    // Sentences cut by a page break (footnotes in between) are whole again.
    let s12 = &heading(r, "I/1/1.2").text;
    c.contains(
        "1.2",
        s12,
        "Công tác chuẩn bị các điều kiện tiêu thụ vải thiều được chú trọng³.",
    );
    c.contains(
        "1.4",
        &heading(r, "I/1/1.4").text,
        "vốn sự nghiệp NSTW 543,3 tỷ đồng",
    );
    c.contains(
        "2.2",
        &heading(r, "I/2/2.2").text,
        "hỗ trợ các doanh nghiệp tuyển dụng lao động¹⁸.",
    );
    c.contains(
        "3.2",
        &heading(r, "I/3/3.2").text,
        "Chỉ số năng lực cạnh tranh cấp tỉnh, chỉ số cải cách hành chính",
    );
    // No footnote body and no signature leaks into a section.
    for s in &r.sections {
        for f in &r.footnotes {
            let b: String = f.text.chars().take(40).collect();
            c.check(
                !s.text.contains(&b),
                format!("section {} holds footnote {}'s body", s.path, f.number),
            );
        }
        c.check(
            !s.text.contains("Nơi nhận"),
            format!("section {} holds the recipients", s.path),
        );
    }
    c.finish();
}

// ----------------------------------------------------------------- footnotes

#[test]
fn footnotes() {
    let f = |n, begins, ends, section, path, glued_to| F {
        n,
        begins,
        ends,
        section,
        path,
        glued_to,
    };
    let s11 = ("1.1", "I/1/1.1");
    let s12 = ("1.2", "I/1/1.2");
    let s14 = ("1.4", "I/1/1.4");
    let s16 = ("1.6", "I/1/1.6");
    let s17 = ("1.7", "I/1/1.7");
    let s21 = ("2.1", "I/2/2.1");
    let s22 = ("2.2", "I/2/2.2");
    let s31 = ("3.1", "I/3/3.1");
    let s32 = ("3.2", "I/3/3.2");
    assert_footnotes(
        seed(),
        &[
            // "so với tháng \n 5/20231," (lines 6-7).
            f(
                1,
                "Trong đó, ngành khai khoáng ước tăng 14,7%;",
                "ngành cung cấp nước và xử lý rác thải ước tăng 9,28%",
                s11.0,
                s11.1,
                "so với tháng 5/2023",
            ),
            f(
                2,
                "Các sản phẩm chủ lực có mức tăng mạnh,",
                "tai nghe ước đạt 7.396 nghìn cái, tăng 39,5% so với cùng kỳ.",
                s11.0,
                s11.1,
                "sản phẩm điện tử tăng 36,44%",
            ),
            f(
                3,
                "Trong tháng đã cấp được thêm 16/34 mã số vùng trồng vải năm 2024;",
                "sang thị trường như: Mỹ, Nhật Bản…",
                s12.0,
                s12.1,
                "tiêu thụ vải thiều được chú trọng",
            ),
            f(
                4,
                "Dứa được tiêu thụ trong tỉnh",
                "Hà Nội, Hải Dương, Quảng Ninh, Bắc Ninh.",
                s12.0,
                s12.1,
                "dao động từ 9-10 nghìn đồng/kg",
            ),
            f(
                5,
                "Giá bán thịt lợn những tháng gần đây ở mức cao,",
                "tạo thuận lợi cho việc tái đàn trong Nhân dân.",
                s12.0,
                s12.1,
                "có xu hướng tăng",
            ),
            f(
                6,
                "Thịt lợn hơi từ 63-66 nghìn đồng/kg",
                "Vịt thương phẩm 46 nghìn đồng/kg; ngan 58 nghìn đồng/kg",
                s12.0,
                s12.1,
                "phù hợp với nhu cầu thị trường",
            ),
            f(
                7,
                "Trong tháng thu hoạch được 5.245 tấn,",
                "Giá cá thương phẩm bình quân đạt 40 nghìn đồng/kg",
                s12.0,
                s12.1,
                "triển khai thực hiện vụ nuôi mới",
            ),
            f(
                8,
                "Tính đến ngày 15/5/2024 dung tích các hồ chứa",
                "đạt 62,2% dung tích thiết kế.",
                s12.0,
                s12.1,
                "điều tiết nước phục vụ sản xuất",
            ),
            f(
                9,
                "Trong tháng toàn tỉnh trồng được 367,8 ha",
                "(tăng gần 120 nghìn m3 so với cùng kỳ năm 2023).",
                s12.0,
                s12.1,
                "sản lượng gỗ khai thác tăng so với cùng kỳ",
            ),
            f(
                10,
                "Trong đó: Vốn giao, bổ sung trong năm 2024 là 9.187,4 tỷ đồng;",
                "giải ngân sang năm 2024 là 327,3 tỷ đồng.",
                s14.0,
                s14.1,
                "là 9.614,7 tỷ đồng",
            ),
            f(
                11,
                "Trong đó: Vốn NSTW đầu tư theo ngành, lĩnh vực",
                "sang năm 2024 chưa có giá trị giải ngân.",
                s14.0,
                s14.1,
                "(cùng kỳ đạt 18,1% kế hoạch)",
            ),
            f(
                12,
                "Trong đó: cấp mới 05 dự án trong nước",
                "vốn điều chỉnh tăng là 227,4 triệu USD.",
                s16.0,
                s16.1,
                "triệu USD vốn đầu tư quy đổi",
            ),
            f(
                13,
                "Cơ bản hoàn thiện Dự thảo Nghị quyết sửa đổi, bổ sung Nghị quyết số 56/NQ-HĐND",
                "Quy định Bảng giá đất giai đoạn 2022-2024…",
                s17.0,
                s17.1,
                "cơ chế chính sách về đất đai",
            ),
            f(
                14,
                "Trong tháng UBND tỉnh cấp 03 Giấy phép khai thác khoáng sản,",
                "với tổng trữ lượng cấp phép 5,4 triệu m3.",
                s17.0,
                s17.1,
                "tài nguyên nước cũng được chú trọng",
            ),
            f(
                15,
                "Số lượt khám, chữa bệnh trong tháng 5 là: 164.283",
                "bằng 105 % so với cùng kỳ 2023.",
                s21.0,
                s21.1,
                "dịch vụ công tác khám bệnh, chữa bệnh",
            ),
            f(
                16,
                "Cầu mây, Đá cầu, Wushu,",
                "Jujitsu, Điền kinh.",
                s22.0,
                s22.1,
                "07 giải thể thao quốc gia và quốc tế",
            ),
            f(
                17,
                "Toàn tỉnh giành được 32 huy chương các loại",
                "11 lượt VĐV đạt cấp I Quốc gia.",
                s22.0,
                s22.1,
                "với nhiều thành tích nổi bật",
            ),
            // "tuyển dụng" ... footnotes 15-17 ... " lao động18." (lines 171, 181).
            f(
                18,
                "Trong 5 tháng toàn tỉnh tạo việc làm mới cho 14.568 lao động",
                "xuất khẩu lao động là 896).",
                s22.0,
                s22.1,
                "doanh nghiệp tuyển dụng lao động",
            ),
            f(
                19,
                "Năm 2023, Chỉ số PCI tỉnh Bắc Giang đạt 69,75 điểm,",
                "SIPAS đứng thứ 38 cả nước (đạt 81,62%)...",
                s31.0,
                s31.1,
                "triển khai các nhiệm vụ năm 2024",
            ),
            f(
                20,
                "Trong tháng toàn tỉnh đã tổ chức tiếp 579 lượt người",
                "đạt tỷ lệ 56%.",
                s31.0,
                s31.1,
                "được thực hiện nghiêm túc",
            ),
            f(
                21,
                "Trong 05 tháng đầu năm 2024, toàn tỉnh xảy ra 139 vụ tai nạn giao thông,",
                "giảm 18 người bị thương (-18,4%).",
                s32.0,
                s32.1,
                "tăng 01 người bị thương (7,1%)",
            ),
            // Footnotes 22 and 23 stand in the closing summary of part I
            // (see section_texts), which the model gives to 3.2.
            f(
                22,
                "Tính đến hết tháng 4/2024, có 220 đơn vị còn nợ bảo hiểm",
                "nợ từ 9 tháng trở lên là: 43 đơn vị, với số tiền là: 20.961 triệu đồng.",
                s32.0,
                s32.1,
                "nguy cơ bất ổn quan hệ lao động",
            ),
            f(
                23,
                "Trong tháng xảy ra 02 vụ phát, phá rừng tự nhiên trái phép",
                "khối lượng gỗ vi phạm 1,265 m3.",
                s32.0,
                s32.1,
                "vi phạm pháp luật về lâm nghiệp tiếp tục tái diễn",
            ),
            // In task 1: "được quy định tại Luật Đất đai24, Luật ..." (line 261).
            f(
                24,
                "UBND tỉnh đã ban hành Kế hoạch số 28/KH-UBND ngày 22/4/2024",
                "chuẩn bị thi hành Luật Đất đai mới.",
                "II",
                "II",
                "được quy định tại Luật Đất đai",
            ),
        ],
    );
}

#[test]
fn footnote_bodies_are_rejoined() {
    let r = seed();
    // "Gà thương phẩm từ 50-" / "74 nghìn đồng/kg" (lines 74-75).
    assert_contains(
        "footnote 6",
        &footnote(r, 6).text,
        "Gà thương phẩm từ 50-74 nghìn đồng/kg",
    );
    // Footnote 22 is the first body of a page after task 1; its lines join
    // with single spaces.
    assert_contains(
        "footnote 22",
        &footnote(r, 22).text,
        "nợ từ 6 đến dưới 9 tháng là: 16 đơn vị",
    );
    for f in &r.footnotes {
        assert!(
            !f.text.contains('\n'),
            "footnote {} body has a line break",
            f.number
        );
        // The body starts with its words, not with its own number.
        assert!(
            !f.text.trim_start().starts_with(&format!("{} ", f.number)),
            "footnote {} body starts with its number: {:?}",
            f.number,
            head(&f.text)
        );
    }
}

// --------------------------------------------------------------------- tasks

#[test]
fn tasks() {
    // Task references are the documents cited in the task's text and in the
    // footnotes whose markers stand in it: a footnote belongs to the
    // sentence its marker stands in (DOMAIN.md, "Subjects carry over"), so
    // footnote 24 (marker after "Luật Đất đai" in task 1), which names the
    // plan and decision issued to prepare for the new land law, is part of
    // task 1. Ambiguous (the footnote reports what was already issued);
    // this is the reading an analyst listing "what task 1 refers to" expects.
    let t = |ordinal, title, begins, ends, refs| T {
        ordinal,
        title,
        begins,
        ends,
        refs,
        deadline: None,
    };
    assert_tasks(
        seed(),
        &[
            t(
                1,
                "Tiếp tục thực hiện có hiệu quả Kế hoạch số 02/KH-UBND ngày 11/01/2024 và Kế hoạch số 22/KH-UBND ngày 29/01/2024 của UBND tỉnh về thực hiện Nghị quyết số 01/NQ-CP, Nghị quyết số 02/NQ-CP của Chính phủ và các Nghị quyết của Tỉnh ủy, HĐND tỉnh về những giải pháp chủ yếu chỉ đạo, điều hành thực hiện kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách Nhà nước; cải thiện môi trường đầu tư kinh doanh, nâng cao năng lực cạnh tranh quốc gia năm 2024.",
                "Tiếp tục thực hiện có hiệu quả Kế hoạch số 02/KH-UBND",
                "để có thể áp dụng ngay sau khi các văn bản luật có hiệu lực.",
                &[
                    "02/KH-UBND",
                    "22/KH-UBND",
                    "01/NQ-CP",
                    "02/NQ-CP",
                    "65/NQ-CP",
                    "12/CT-TTg",
                    "Luật Đất đai",
                    "Luật Các tổ chức tín dụng",
                    "Luật Kinh doanh bất động sản",
                    "Luật Nhà ở",
                    // footnote 24
                    "28/KH-UBND",
                    "718/QĐ-UBDN",
                    "Luật Đất đai",
                ],
            ),
            t(
                2,
                // The first sentence ends with "..." before "Đẩy mạnh"; "kịp"
                // and "thời" are on two pages, footnotes 22-24 between.
                "Tập trung hỗ trợ phát triển sản xuất, nhất là sản xuất công nghiệp; kịp thời tháo gỡ những khó khăn về nhu cầu tuyển dụng lao động, đảm bảo cung ứng điện an toàn, ổn định cho sản xuất kinh doanh, các vấn đề liên quan đến mặt bằng, lưu thông phân phối...",
                "Tập trung hỗ trợ phát triển sản xuất, nhất là sản xuất công nghiệp; kịp thời tháo gỡ",
                "tổ chức đánh giá, phân hạng sản phẩm OCOP đợt 1/2024.",
                &["41/CĐ-TTg"],
            ),
            t(
                3,
                "Tăng cường quản lý thu NSNN; theo dõi chặt tiến độ thu ngân sách; thực hiện thu đúng, thu đủ các khoản thu vào ngân sách nhà nước, chú trọng giải pháp nuôi dưỡng nguồn thu kết hợp với mở rộng cơ sở thu.",
                "Tăng cường quản lý thu NSNN;",
                "dự án đầu tư xây dựng nhà ở xã hội dành cho công nhân.",
                &["184/QĐ-UBND"],
            ),
            t(
                4,
                "Tham mưu ban hành các văn bản quy phạm pháp luật hướng dẫn thi hành Luật đất đai năm 2024 thuộc thẩm quyền ban hành của UBND tỉnh; tiếp tục đẩy mạnh thực hiện Chỉ thị số 19-CT/TU ngày 11/6/2020, Kết luận số 120-KL/TU ngày 08/8/2021 của Ban Thường vụ Tỉnh ủy; phân loại và có định hướng xử lý cụ thể đối với các trường hợp vi phạm; phê bình, kiểm điểm, chấn chỉnh người đứng đầu chính quyền các địa phương thiếu quyết liệt, chưa tập trung tổ chức thực hiện.",
                "Tham mưu ban hành các văn bản quy phạm pháp luật",
                "ban hành Chỉ thị về tăng cường quản lý khoáng sản trên địa bàn tỉnh.",
                &["Luật đất đai", "19-CT/TU", "120-KL/TU", "99-KL/TU"],
            ),
            t(
                // Written " 5." with a leading space (line 342).
                5,
                "Thực hiện nghiêm các chỉ đạo của Chính phủ, Thủ tướng Chính phủ, của tỉnh về công tác phòng, chống dịch bệnh truyền nhiễm, nhất là các dịch bệnh mùa hè.",
                "Thực hiện nghiêm các chỉ đạo của Chính phủ",
                "phòng, chống xâm hại, bạo lực trẻ em.",
                &[],
            ),
            t(
                // The Đề án "Phục dựng con đường ..." has no number and is not
                // counted as a document reference.
                6,
                "Phối hợp hoàn thiện hồ sơ khoa học Quần thể di tích và danh thắng Yên Tử -Vĩnh Nghiêm - Côn Sơn, Kiếp Bạc trình UNESCO công nhận là di sản thế giới.",
                "Phối hợp hoàn thiện hồ sơ khoa học",
                "phấn đấu hoàn thành vượt chỉ tiêu “Đợt cao điểm”.",
                &[],
            ),
            t(
                7,
                "Triển khai nhanh, hiệu quả các quy hoạch đã ban hành; bám sát các cơ quan Trung ương sớm trình Thủ tướng Chính phủ phê duyệt điều chỉnh quy hoạch tỉnh; đồng thời tập trung lập, điều chỉnh các quy hoạch xây dựng đô thị, quy hoạch nông thôn và các quy hoạch có liên quan làm cơ sở thu hút đầu tư, quyết định chủ trương đầu tư các dự án.",
                "Triển khai nhanh, hiệu quả các quy hoạch đã ban hành;",
                "để ổn định tổ chức Đại hội Đảng các cấp vào năm 2025.",
                &[],
            ),
            t(
                8,
                "Siết chặt kỷ luật, kỷ cương hành chính và nâng cao hiệu lực, hiệu quả chỉ đạo, điều hành; phát huy tinh thần dám nghĩ, dám làm, dám đột phá vì lợi ích chung; kiên quyết khắc phục tình trạng đùn đẩy, né tránh trách nhiệm; thường xuyên kiểm tra, xử lý nghiêm và công bố, công khai các cán bộ, công chức, viên chức, cơ quan, đơn vị để xảy ra chậm trễ, gây phiền hà.",
                "Siết chặt kỷ luật, kỷ cương hành chính",
                "giảm phiền hà, thời gian, chi phí cho người dân, doanh nghiệp.",
                &["06/CP", "04/CT-TTg"],
            ),
            t(
                9,
                "Thực hiện tốt công tác tiếp công dân, giải quyết khiếu nại, tốt cáo, nhất là những vụ việc phức tạp, kéo dài và các vụ việc phát sinh lần đầu.",
                "Thực hiện tốt công tác tiếp công dân,",
                "bảo đảm an toàn tính mạng cho người dân.",
                &[],
            ),
        ],
        (2024, 6),
    );
}

#[test]
fn task_texts_hold_no_page_furniture() {
    let r = seed();
    for t in &r.tasks {
        assert!(
            !t.text.trim_start().starts_with(&format!("{}.", t.ordinal)),
            "task {} text keeps its number",
            t.ordinal
        );
        for f in &r.footnotes {
            let b: String = f.text.chars().take(40).collect();
            assert!(
                !t.text.contains(&b),
                "task {} holds footnote {}'s body",
                t.ordinal,
                f.number
            );
        }
        assert!(
            !t.text.contains("Nơi nhận"),
            "task {} holds the recipients",
            t.ordinal
        );
    }
    // Task 3's fourth paragraph starts with a stray space (line 322) but is
    // still task 3's.
    assert_contains(
        "task 3",
        &task(r, 3).text,
        "Tích cực hỗ trợ các dự án đầu tư ngoài ngân sách",
    );
    // Task 4 cites "Kết luận số 120-" / "KL/TU" over two lines (331-332).
    assert_contains(
        "task 4",
        &task(r, 4).text,
        "Kết luận số 120-KL/TU ngày 08/8/2021",
    );
    // Task 6 ends on a line that starts with a space (line 366).
    assert_contains("task 6", &task(r, 6).text, "vượt chỉ tiêu “Đợt cao điểm”");
}

// ------------------------------------------------------- document references

#[test]
fn document_references() {
    // 30 references in text order: 24 in the body, 6 in footnotes 13, 23 and
    // 24. Counted: numbered documents ("số 02/KH-UBND"), "Đề án 06/CP", and
    // laws cited by name. Not counted: documents with neither number nor a
    // law's name ("các Nghị quyết của Tỉnh ủy", "Chỉ thị của Chủ tịch UBND
    // tỉnh", the unnumbered Đề án in 1.7, 2.2 and task 6, "Chương trình
    // MTQG"), and the draft in footnote 13 ("Dự thảo Nghị quyết sửa đổi").
    //
    // Issuer: the words after "của" where written. A chain of documents that
    // closes with one "của X" ("Kế hoạch số 02/KH-UBND ngày 11/01/2024 và Kế
    // hoạch số 22/KH-UBND ngày 29/01/2024 của UBND tỉnh"; "Nghị quyết số
    // 01/NQ-CP, Nghị quyết số 02/NQ-CP của Chính phủ"; "Chỉ thị số 19-CT/TU
    // và Kết luận số 120-KL/TU ngày 08/8/2021 của Ban Thường vụ Tỉnh ủy")
    // gives X to every document of the chain that has no "của" of its own.
    // A date is never shared: "ngày ..." belongs to the document just before
    // it. Where no "của" follows, the issuer is the body's abbreviation in
    // the number ("TU", "UBND", "TTg", "CP"), as the DocumentRef contract
    // says, even when the sentence's subject names the body ("Chủ tịch UBND
    // tỉnh đã ban hành Quyết định số 718/QĐ-UBDN"). A law (Luật) is always
    // passed by the National Assembly, so its issuer is "Quốc hội" although
    // the text does not write it (as the report's issuer is inferred).
    let d = |key, doc_type, issuer, issued_on, raw| D {
        key,
        doc_type,
        issuer,
        issued_on,
        raw,
    };
    let btv = Some("Ban Thường vụ Tỉnh ủy");
    let ubnd_tinh = Some("UBND tỉnh");
    let cp = Some("Chính phủ");
    let ttg = Some("Thủ tướng Chính phủ");
    let qh = Some("Quốc hội");
    assert_references(
        seed(),
        &[
            // 1.7
            d("19-CT/TU", "CT", btv, None, "Chỉ thị số 19-CT/TU"),
            d(
                "120-KL/TU",
                "KL",
                btv,
                Some((2021, 8, 8)),
                "Kết luận số 120-KL/TU",
            ),
            d(
                "17-CT/TU",
                "CT",
                btv,
                Some((2020, 2, 27)),
                "Chỉ thị số 17-CT/TU",
            ),
            d(
                "278/KH-UBND",
                "KH",
                ubnd_tinh,
                Some((2021, 6, 18)),
                "Kế hoạch số 278/KH-UBND",
            ),
            // 2.1
            d(
                "02/CT-UBND",
                "CT",
                Some("Chủ tịch UBND tỉnh"),
                Some((2024, 2, 4)),
                "Chỉ thị số 02/CT-UBND",
            ),
            d(
                "05-CT/TU",
                "CT",
                Some("TU"),
                Some((2021, 5, 5)),
                "Chỉ thị số 05-CT/TU",
            ),
            // task 1
            d(
                "02/KH-UBND",
                "KH",
                ubnd_tinh,
                Some((2024, 1, 11)),
                "Kế hoạch số 02/KH-UBND",
            ),
            d(
                "22/KH-UBND",
                "KH",
                ubnd_tinh,
                Some((2024, 1, 29)),
                "Kế hoạch số 22/KH-UBND",
            ),
            d("01/NQ-CP", "NQ", cp, None, "Nghị quyết số 01/NQ-CP"),
            d("02/NQ-CP", "NQ", cp, None, "Nghị quyết số 02/NQ-CP"),
            d(
                "65/NQ-CP",
                "NQ",
                cp,
                Some((2024, 5, 7)),
                "Nghị quyết số 65/NQ-CP",
            ),
            d(
                "12/CT-TTg",
                "CT",
                ttg,
                Some((2024, 4, 21)),
                "Chỉ thị số 12/CT-TTg",
            ),
            d("Luật Đất đai", "LUAT", qh, None, "Luật Đất đai"),
            d(
                "Luật Các tổ chức tín dụng",
                "LUAT",
                qh,
                None,
                "Luật Các tổ chức tín dụng",
            ),
            d(
                "Luật Kinh doanh bất động sản",
                "LUAT",
                qh,
                None,
                "Luật Kinh doanh bất động sản",
            ),
            d("Luật Nhà ở", "LUAT", qh, None, "Luật Nhà ở"),
            // task 2: "của Thủ" / "tướng Chính phủ" over two lines.
            d(
                "41/CĐ-TTg",
                "CĐ",
                ttg,
                Some((2024, 4, 27)),
                "Công điện số 41/CĐ-TTg",
            ),
            // task 3: "đã được Chủ tịch UBND tỉnh giao tại Quyết định số ..."
            d(
                "184/QĐ-UBND",
                "QĐ",
                Some("UBND"),
                Some((2024, 1, 24)),
                "Quyết định số 184/QĐ-UBND",
            ),
            // task 4; "Luật đất đai năm 2024": "năm 2024" is no issue date.
            d("Luật đất đai", "LUAT", qh, None, "Luật đất đai"),
            d(
                "19-CT/TU",
                "CT",
                btv,
                Some((2020, 6, 11)),
                "Chỉ thị số 19-CT/TU",
            ),
            d(
                "120-KL/TU",
                "KL",
                btv,
                Some((2021, 8, 8)),
                "Kết luận số 120-KL/TU",
            ),
            d(
                "99-KL/TU",
                "KL",
                btv,
                Some((2021, 5, 18)),
                "Kết luận số 99-KL/TU",
            ),
            // task 8: "Đề án 06/CP theo chỉ đạo của Thủ tướng Chính phủ tại
            // Chỉ thị số 04/CT-TTg ngày 11/02/2024": that "của" belongs to
            // "chỉ đạo", before the Chỉ thị, not after either document.
            d("06/CP", "DA", Some("CP"), None, "Đề án 06/CP"),
            d(
                "04/CT-TTg",
                "CT",
                Some("TTg"),
                Some((2024, 2, 11)),
                "Chỉ thị số 04/CT-TTg",
            ),
            // footnote 13
            d(
                "56/NQ-HĐND",
                "NQ",
                Some("HĐND tỉnh"),
                Some((2021, 12, 10)),
                "Nghị quyết số 56/NQ-HĐND",
            ),
            d(
                "72/2021/QĐ-UBND",
                "QĐ",
                ubnd_tinh,
                Some((2021, 12, 21)),
                "Quyết định số 72/2021/QĐ-UBND",
            ),
            // footnote 23: "vi pham Luật Lâm ̣ nghiệp" (stray mark kept).
            d("Luật Lâm nghiệp", "LUAT", qh, None, "Luật Lâm"),
            // footnote 24
            d(
                "28/KH-UBND",
                "KH",
                Some("UBND"),
                Some((2024, 4, 22)),
                "Kế hoạch số 28/KH-UBND",
            ),
            // "718/QĐ-UBDN" is written with UBDN (a typo for UBND): the number
            // stays as written; the issuer is checked below.
            d(
                "718/QĐ-UBDN",
                "QĐ",
                None,
                Some((2024, 4, 19)),
                "Quyết định số 718/QĐ-UBDN",
            ),
            d("Luật Đất đai", "LUAT", qh, None, "Luật Đất đai"),
        ],
    );
}

#[test]
fn reference_with_a_misspelt_issuer() {
    let r = seed();
    let d = r
        .document_references
        .iter()
        .find(|d| d.number == "718/QĐ-UBDN")
        .expect("Quyết định số 718/QĐ-UBDN (footnote 24)");
    // Ambiguous: the abbreviation as written ("UBDN") or corrected ("UBND").
    assert!(
        d.issuer == "UBDN" || d.issuer == "UBND",
        "issuer of 718/QĐ-UBDN: {:?}",
        d.issuer
    );
}

#[test]
fn references_sit_where_they_are_cited() {
    let r = seed();
    let fn_span = |n| footnote(r, n).span;
    let in_footnote = |num: &str, n: u32| {
        r.document_references
            .iter()
            .filter(|d| d.number == num)
            .all(|d| fn_span(n).contains(d.span))
    };
    assert!(in_footnote("56/NQ-HĐND", 13));
    assert!(in_footnote("72/2021/QĐ-UBND", 13));
    assert!(in_footnote("28/KH-UBND", 24));
    assert!(in_footnote("718/QĐ-UBDN", 24));
    // A task's references lie in the task or in a footnote whose marker
    // lies in the task.
    for t in &r.tasks {
        let notes: Vec<_> = r
            .footnotes
            .iter()
            .filter(|f| f.marker_span.is_some_and(|m| t.span.contains(m)))
            .map(|f| f.span)
            .collect();
        for d in &t.document_references {
            assert!(
                t.span.contains(d.span) || notes.iter().any(|n| n.contains(d.span)),
                "task {} reference {} lies outside the task and its footnotes",
                t.ordinal,
                d.raw
            );
        }
    }
}

// ------------------------------------------------------------ quality issues

#[test]
fn numbering_gap_is_reported() {
    let r = seed();
    let gaps = issues(r, QualityIssueKind::NumberingGap);
    assert_eq!(gaps.len(), 1, "one numbering gap (1.4 -> 1.6): {gaps:?}");
    let g = gaps[0];
    assert!(
        g.message.contains("1.5") || (g.message.contains("1.4") && g.message.contains("1.6")),
        "the gap's message should name the missing number: {:?}",
        g.message
    );
    let s16 = heading(r, "I/1/1.6").span;
    assert!(
        !g.span.is_empty() && s16.contains(g.span),
        "the gap should point at the 1.6 heading ({s16:?}), got {:?}",
        g.span
    );
}

/// The byte range of `word` inside footnote `n`'s body, at its first
/// occurrence within `context`.
fn word_in_footnote(r: &Report, n: u32, context: &str, word: &str) -> (usize, usize) {
    let f = footnote(r, n);
    let at = f
        .text
        .find(context)
        .unwrap_or_else(|| panic!("footnote {n} should contain {context:?}: {:?}", f.text));
    let within = context.find(word).expect("word inside its context");
    let start = f.span.start as usize + at + within;
    (start, start + word.len())
}

fn overlaps(span: baocao_domain::Span, (start, end): (usize, usize)) -> bool {
    (span.start as usize) < end && start < span.end as usize
}

#[test]
fn detached_tone_marks_are_repaired_where_certain() {
    let r = seed();
    let t = &r.normalized_text;
    // Footnote 23, line 272: "lưc ̣ lương  ̣kiểm lâm ... 08 vu ̣vi pham".
    assert_contains("normalized text", t, "lực lượng kiểm lâm");
    assert_contains(
        "footnote 23",
        &footnote(r, 23).text,
        "Trong tháng lực lượng kiểm lâm đã kiểm tra",
    );
    assert_contains("footnote 23", &footnote(r, 23).text, "08 vụ vi");
    assert!(!t.contains("lưc"), "\"lưc\" is left unrepaired");
    assert!(!t.contains("vu \u{323}"), "\"vu ̣\" is left unrepaired");
    let repaired = issues(r, QualityIssueKind::DetachedDiacriticRepaired);
    for (context, word) in [
        ("lực lượng kiểm", "lực"),
        ("lực lượng kiểm", "lượng"),
        ("08 vụ vi", "vụ"),
    ] {
        let w = word_in_footnote(r, 23, context, word);
        assert!(
            repaired.iter().any(|i| overlaps(i.span, w)),
            "the repair of {word:?} should be reported with its span; repaired issues: {repaired:?}"
        );
    }
}

#[test]
fn uncertain_tone_mark_is_reported_and_left() {
    let r = seed();
    // "Luật Lâm ̣ nghiệp": a dot below after "Lâm" that belongs to no letter
    // there ("Lậm" is no word; it is probably "phạm"'s, two words back).
    let body = &footnote(r, 23).text;
    let lam = body
        .find("Luật Lâm")
        .expect("footnote 23 cites Luật Lâm nghiệp");
    let rest = &body[lam..];
    let nghiep = rest.find("nghiệp").expect("... nghiệp");
    assert!(
        rest[..nghiep].contains('\u{323}'),
        "the uncertain mark is left as found: {:?}",
        &rest[..nghiep + "nghiệp".len()]
    );
    let (start, _) = word_in_footnote(r, 23, "Luật Lâm", "Luật Lâm");
    let region = (start, start + nghiep + "nghiệp".len());
    let detached = issues(r, QualityIssueKind::DetachedDiacritic);
    assert!(
        detached.iter().any(|i| overlaps(i.span, region)),
        "the mark after \"Lâm\" should be reported as DETACHED_DIACRITIC; got {detached:?}"
    );
    // Detached marks occur only in footnote 23.
    let f23 = footnote(r, 23).span;
    for i in r.quality_issues.iter().filter(|i| {
        matches!(
            i.kind,
            QualityIssueKind::DetachedDiacritic | QualityIssueKind::DetachedDiacriticRepaired
        )
    }) {
        assert!(
            f23.contains(i.span),
            "diacritic issue outside footnote 23: {i:?}"
        );
    }
}

#[test]
fn other_quality_issues() {
    let r = seed();
    // No header: the issuer is inferred, number and date are left empty.
    assert!(
        !issues(r, QualityIssueKind::MetadataMissing).is_empty(),
        "the missing header should be reported as METADATA_MISSING"
    );
    for kind in [
        QualityIssueKind::FootnoteMarkerMissing,
        QualityIssueKind::FootnoteBodyMissing,
        QualityIssueKind::ControlCharacters,
        QualityIssueKind::HintMismatch,
        QualityIssueKind::Unspecified,
    ] {
        assert!(
            issues(r, kind).is_empty(),
            "unexpected {kind:?}: {:?}",
            issues(r, kind)
        );
    }
}

// ----------------------------------------------------------- normalized text

#[test]
fn normalized_text_has_no_page_furniture() {
    let r = seed();
    let t = &r.normalized_text;
    assert!(!t.contains("\n\n"), "blank lines are furniture");
    for (i, line) in t.lines().enumerate() {
        assert!(!line.trim().is_empty(), "line {i} is blank: {line:?}");
        assert_ne!(line.trim(), "4", "line {i} is the page number 4");
        assert!(
            !line.starts_with(' '),
            "line {i} starts with a space: {:?}",
            head(line)
        );
        assert!(
            !line.ends_with(' '),
            "line {i} ends with a space: {:?}",
            tail(line)
        );
    }
    assert!(
        !t.contains("    "),
        "a run of spaces (footnote separator?) is left"
    );
    use unicode_normalization::UnicodeNormalization;
    assert_eq!(t.nfc().collect::<String>(), *t, "normalized text is NFC");
}

#[test]
fn normalized_text_rejoins_split_tokens() {
    let t = &seed().normalized_text;
    // "giảm 07 vụ (-" / "21,9%)" (lines 207-208).
    assert_contains("normalized text", t, "giảm 07 vụ (-21,9%)");
    assert!(!t.contains("(- 21,9%)"));
    // "Kết luận số 120-" / "KL/TU" twice (lines 107-108 and 331-332).
    assert_eq!(
        t.matches("Kết luận số 120-KL/TU").count(),
        2,
        "Kết luận số 120-KL/TU, in 1.7 and task 4"
    );
    assert!(!t.contains("120- KL"));
    // Marker glued to a line-broken date: "so với tháng" / "5/20231,".
    assert_contains("normalized text", t, "so với tháng 5/2023¹,");
    // Words split by a page break.
    assert_contains("normalized text", t, "học kỳ II và cả năm học");
    assert_contains(
        "normalized text",
        t,
        "sản xuất công nghiệp; kịp thời tháo gỡ",
    );
    // The footnote numbers that open bodies are not left as plain digits.
    assert!(!t.contains("\n1 Trong đó, ngành khai khoáng"));
}

#[test]
fn footnotes_follow_the_body() {
    let r = seed();
    let body_end = r.sections.iter().map(|s| s.span.end).max().unwrap();
    let first_fn = r.footnotes.iter().map(|f| f.span.start).min().unwrap();
    assert!(body_end < first_fn, "the footnotes come after the body");
    for f in &r.footnotes {
        let m = f.marker_span.expect("marker");
        assert!(
            m.end <= body_end,
            "footnote {}'s marker is in the body",
            f.number
        );
    }
}

#[test]
fn all_spans_are_valid() {
    assert_spans_valid(seed());
}

#[test]
fn spelling_variants_of_the_signature_match() {
    // "UỶ" (as written) and "ỦY" are one word for matching.
    let s = seed().metadata.signer.as_ref().expect("signer");
    assert_eq!(match_key(&s.on_behalf_of), match_key("ỦY BAN NHÂN DÂN"));
}
