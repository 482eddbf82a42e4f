//! Tasks and cited documents as real published reports write them (issue 3,
//! session 9). Real UBND, Sở and commune texts were read against the parse
//! (kept outside the repository); the texts here are written for the tests
//! in their style, with other numbers and names.

use baocao_domain::{DocumentRef, Report};
use chrono::NaiveDate;

fn parse(text: &str) -> Report {
    baocao_parser::parse(text.as_bytes(), &Default::default()).expect("parse")
}

fn reference<'a>(r: &'a Report, number: &str) -> &'a DocumentRef {
    r.document_references
        .iter()
        .find(|d| d.number == number)
        .unwrap_or_else(|| panic!("no reference {number}"))
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The preambles of decisions and plans, and many reports, write a cited
/// document's date in words ("ngày 14 tháng 5 năm 2016"), often wrapped
/// between "tháng" and its number. The date is the document's, and the
/// "của X" after it names its issuer.
#[test]
fn dates_written_in_words_and_the_issuer_after_them() {
    let r = parse(
        "Báo cáo tình hình kinh tế - xã hội tháng 3 năm 2024\n\
         I. KẾT QUẢ THỰC HIỆN\n\
         Căn cứ Nghị định số 47/2019/NĐ-CP ngày 05 tháng 6 năm 2019 của Chính phủ về chế độ báo cáo; \
         Quyết định số 1207/QĐ-UBND ngày 18 tháng\n9 năm 2023 của UBND tỉnh Phú Yên về việc ban hành kế hoạch; \
         Tờ trình số 45/TTr-STC ngày 02 tháng 02 năm 2024.\n",
    );
    let nd = reference(&r, "47/2019/NĐ-CP");
    assert_eq!(nd.issued_on, date(2019, 6, 5));
    assert_eq!(nd.issuer, "Chính phủ");
    assert_eq!(
        nd.raw,
        "Nghị định số 47/2019/NĐ-CP ngày 05 tháng 6 năm 2019 của Chính phủ"
    );
    let qd = reference(&r, "1207/QĐ-UBND");
    assert_eq!(qd.issued_on, date(2023, 9, 18));
    assert_eq!(qd.issuer, "UBND tỉnh Phú Yên");
    let tt = reference(&r, "45/TTr-STC");
    assert_eq!(tt.issued_on, date(2024, 2, 2));
    assert_eq!(tt.issuer, "STC");
}

/// A comma between the number and its date ("Công văn số 6120/UBND-TH,
/// ngày 20/10/2023") does not part the date from the document.
#[test]
fn a_date_after_a_comma_is_the_documents() {
    let r = parse(
        "Báo cáo tình hình kinh tế - xã hội tháng 10 năm 2023\n\
         I. KẾT QUẢ THỰC HIỆN\n\
         Thực hiện Công văn số 6120/UBND-TH, ngày 20/10/2023 của UBND tỉnh và Kết luận số 87-KL/TU, ngày 3 tháng 10 năm 2023 của Ban Thường vụ Tỉnh ủy, các sở đã rà soát.\n",
    );
    let cv = reference(&r, "6120/UBND-TH");
    assert_eq!(cv.issued_on, date(2023, 10, 20));
    assert_eq!(cv.issuer, "UBND tỉnh");
    let kl = reference(&r, "87-KL/TU");
    assert_eq!(kl.issued_on, date(2023, 10, 3));
    assert_eq!(kl.issuer, "Ban Thường vụ Tỉnh ủy");
}

/// The issuer is the body named after "của": a People's Committee written
/// out ("Ủy ban nhân dân tỉnh"), a department or ministry whose name joins
/// words with "và" or a comma ("Sở Khoa học và Công nghệ", "Bộ Văn hóa,
/// Thể thao và Du lịch"); it ends where the document's subject or a verb
/// begins, capitalised or not ("của Chính phủ Ban hành Quy định ...", "của
/// Ban Thường vụ Tỉnh ủy thực hiện Kết luận ...", "của Chính phủ sửa đổi
/// ..."), and a chain's next document is not part of it.
#[test]
fn issuers_are_whole_body_names_and_end_where_the_subject_begins() {
    let r = parse(
        "Báo cáo tình hình kinh tế - xã hội tháng 5 năm 2024\n\
         I. KẾT QUẢ THỰC HIỆN\n\
         Căn cứ Quyết định số 845/QĐ-UBND ngày 12/4/2024 của Ủy ban nhân dân tỉnh về kế hoạch; \
         Công văn số 52/STTTT-BCVT ngày 9/01/2024 của Sở Thông tin và Truyền thông về chuyển đổi số; \
         Báo cáo số 211/BC-SNN ngày 14/3/2024 của Sở Nông nghiệp và Phát triển nông thôn thành phố Cần Thơ; \
         Công văn số 318/SKHCN-QLKH ngày 02/5/2024 của Sở Khoa học và Công nghệ về đề xuất nhiệm vụ; \
         Hướng dẫn số 77/HD-BVHTTDL ngày 03/01/2024 của Bộ Văn hóa, Thể thao và Du lịch; \
         Thông tư số 09/2024/TT-BLĐTBXH ngày 06/3/2024 của Bộ Lao động - Thương binh và Xã hội hướng dẫn chế độ; \
         Nghị quyết số 97/NQ-CP của Chính phủ Ban hành Quy định tạm thời về phòng dịch; \
         Kế hoạch số 41-KH/TU ngày 20/02/2024 của Ban Thường vụ Tỉnh ủy thực hiện Kết luận số 33-KL/TW của Bộ Chính trị; \
         Nghị định số 105/2023/NĐ-CP ngày 15/12/2023 của Chính phủ sửa đổi một số điều; \
         Kế hoạch số 12/KH-SYT ngày 5/01/2024 của Sở Y tế và Kế hoạch số 19/KH-SGDĐT ngày 8/01/2024 của Sở Giáo dục và Đào tạo.\n",
    );
    let issuer = |n: &str| reference(&r, n).issuer.as_str();
    assert_eq!(issuer("845/QĐ-UBND"), "Ủy ban nhân dân tỉnh");
    assert_eq!(issuer("318/SKHCN-QLKH"), "Sở Khoa học và Công nghệ");
    assert_eq!(issuer("52/STTTT-BCVT"), "Sở Thông tin và Truyền thông");
    assert_eq!(
        issuer("211/BC-SNN"),
        "Sở Nông nghiệp và Phát triển nông thôn thành phố Cần Thơ"
    );
    assert_eq!(issuer("77/HD-BVHTTDL"), "Bộ Văn hóa, Thể thao và Du lịch");
    assert_eq!(
        issuer("09/2024/TT-BLĐTBXH"),
        "Bộ Lao động - Thương binh và Xã hội"
    );
    assert_eq!(issuer("97/NQ-CP"), "Chính phủ");
    assert_eq!(issuer("41-KH/TU"), "Ban Thường vụ Tỉnh ủy");
    assert_eq!(issuer("33-KL/TW"), "Bộ Chính trị");
    assert_eq!(issuer("105/2023/NĐ-CP"), "Chính phủ");
    assert_eq!(issuer("12/KH-SYT"), "Sở Y tế");
    assert_eq!(issuer("19/KH-SGDĐT"), "Sở Giáo dục và Đào tạo");
}

/// Topics are read from whole words: "rừng" (forestry) is not the end of
/// "tập trung" or "Trung ương", which almost every task writes; COVID-19 is
/// a health topic.
#[test]
fn task_topics_come_from_whole_words() {
    let r = parse(
        "Báo cáo tình hình kinh tế - xã hội tháng 8 năm 2022\n\
         I. KẾT QUẢ THỰC HIỆN\n\
         Các chỉ tiêu cơ bản đạt kế hoạch.\n\
         II. NHIỆM VỤ TRỌNG TÂM THÁNG 9 NĂM 2022\n\
         1. Tập trung chỉ đạo phòng, chống dịch COVID-19; Trung tâm Kiểm soát bệnh tật tỉnh theo dõi sát tình hình.\n\
         2. Tăng cường tuần tra, bảo vệ rừng, phòng cháy chữa cháy rừng mùa khô.\n",
    );
    let topics: Vec<&Vec<String>> = r.tasks.iter().map(|t| &t.topics).collect();
    assert_eq!(
        topics,
        [&vec!["health".to_owned()], &vec!["forestry".to_owned()]]
    );
}

/// Laws are cited by their whole names: eight words ("Luật Ban hành văn
/// bản quy phạm pháp luật"), or a capitalised body ("Luật Tổ chức Chính
/// phủ", "Luật Tổ chức Hội đồng nhân dân").
#[test]
fn laws_by_their_whole_names() {
    let r = parse(
        "Báo cáo tình hình kinh tế - xã hội tháng 6 năm 2024\n\
         I. KẾT QUẢ THỰC HIỆN\n\
         Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015; \
         Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân; \
         Luật Tổ chức chính quyền địa phương; Luật Đất đai năm 2024.\n",
    );
    let laws: Vec<&str> = r
        .document_references
        .iter()
        .filter(|d| d.doc_type == "LUAT")
        .map(|d| d.raw.as_str())
        .collect();
    assert_eq!(
        laws,
        [
            // With their dates (session 10).
            "Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015",
            "Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015",
            // "và" between two bodies goes on with the name (session 10).
            "Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân",
            "Luật Tổ chức chính quyền địa phương",
            "Luật Đất đai năm 2024",
        ]
    );
}

/// Party documents of a province write "TƯ" (Trung ương) in their codes as
/// often as "TW": "Kết luận số 86-KL/TƯ" is one number, and the report's
/// own number in its header is no reference.
#[test]
fn party_codes_with_tu() {
    let r = parse(
        "TỈNH ỦY BẮC KẠN\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 318-BC/TƯ\nBắc Kạn, ngày 20 tháng 11 năm 2023\n\
         BÁO CÁO\nTình hình thực hiện nhiệm vụ tháng 11 năm 2023\n\
         I. KẾT QUẢ THỰC HIỆN\n\
         Sau 5 năm thực hiện Nghị quyết 21-NQ/TƯ của Tỉnh ủy (khóa XI) và Kết luận số 86-KL/TƯ ngày 4/5/2022, các chỉ tiêu cơ bản đạt.\n",
    );
    let numbers: Vec<(&str, &str)> = r
        .document_references
        .iter()
        .map(|d| (d.number.as_str(), d.doc_type.as_str()))
        .collect();
    assert_eq!(numbers, [("21-NQ/TƯ", "NQ"), ("86-KL/TƯ", "KL")]);
    assert_eq!(reference(&r, "86-KL/TƯ").issuer, "TƯ");
}

/// Decisions, resolutions, plans and circulars have a type line
/// ("QUYẾT ĐỊNH", "KẾ HOẠCH", "THÔNG TƯ LIÊN TỊCH") where a report has
/// "BÁO CÁO": the subject under it, often wrapped over two or three lines
/// in capitals, is the title, up to the issuing body's line ("ỦY BAN NHÂN
/// DÂN TỈNH ...") or the first "Căn cứ". The motto's line ("CỘNG HÒA
/// ...") is never the title, nor is a "Căn cứ" line.
#[test]
fn decisions_and_plans_take_the_subject_under_their_type_line() {
    let r = parse(
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
         Độc lập - Tự do - Hạnh phúc\nSố: 21/2023/QĐ-UBND\nPhủ Lý, ngày 12 tháng 4 năm 2023\n\
         QUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ PHỐI HỢP QUẢN LÝ CỤM CÔNG NGHIỆP\n\
         TRÊN ĐỊA BÀN TỈNH HÀ NAM\nỦY BAN NHÂN DÂN TỈNH HÀ NAM\n\
         Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\
         Căn cứ Nghị định số 32/2024/NĐ-CP ngày 15 tháng 3 năm 2024 của Chính phủ;\n\
         QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp.\n",
    );
    assert_eq!(
        r.metadata.title,
        "BAN HÀNH QUY CHẾ PHỐI HỢP QUẢN LÝ CỤM CÔNG NGHIỆP TRÊN ĐỊA BÀN TỈNH HÀ NAM"
    );
    assert!(r.metadata.reporting_period.is_none());
    let r = parse(
        "BỘ TÀI CHÍNH - BỘ CÔNG THƯƠNG\nSố: 14/2012/TTLT-BTC-BCT\n\
         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\
         Hà Nội, ngày 3 tháng 2 năm 2012\nTHÔNG TƯ LIÊN TỊCH\n\
         Hướng dẫn quản lý kinh phí hỗ trợ xúc tiến thương mại\n\
         Căn cứ Luật Ngân sách nhà nước năm 2002;\n",
    );
    assert_eq!(
        r.metadata.title,
        "Hướng dẫn quản lý kinh phí hỗ trợ xúc tiến thương mại"
    );
    // No type line in the excerpt: no title, rather than the motto or the
    // first ground.
    let r = parse(
        "ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
         Độc lập - Tự do - Hạnh phúc\nSố: 05/KH-UBND\n\
         Căn cứ Luật Thống kê năm 2015;\nCăn cứ Quyết định số 12/QĐ-TTg ngày 5/1/2024 của Thủ tướng Chính phủ;\n",
    );
    assert_eq!(r.metadata.title, "");
    assert!(r.metadata.reporting_period.is_none());
}

/// The grounds of decisions and resolutions cite laws with their date
/// ("Luật Thống kê ngày 23 tháng 11 năm 2015") or their number ("Luật
/// Đầu tư công số 58/2024/QH15", "Luật số 43/2024/QH15"): the date is the
/// law's, and the number joins its name as one reference. Codes of the
/// Quốc hội end in the legislature's number ("QH15"), not cut off.
#[test]
fn laws_with_their_date_or_number() {
    let r = parse(
        "Báo cáo tình hình kinh tế - xã hội tháng 3 năm 2025\n\
         I. KẾT QUẢ THỰC HIỆN\n\
         Căn cứ Luật Thống kê ngày 23 tháng 11 năm 2015; Luật Đầu tư công số 58/2024/QH15; \
         Luật số 43/2024/QH15 sửa đổi Luật Đất đai; Nghị quyết số 98/2023/QH15 ngày 24/6/2023 của Quốc hội về thí điểm.\n",
    );
    let laws: Vec<(&str, &str, Option<NaiveDate>, &str)> = r
        .document_references
        .iter()
        .map(|d| {
            (
                d.raw.as_str(),
                d.number.as_str(),
                d.issued_on,
                d.doc_type.as_str(),
            )
        })
        .collect();
    assert_eq!(
        laws,
        [
            (
                "Luật Thống kê ngày 23 tháng 11 năm 2015",
                "",
                date(2015, 11, 23),
                "LUAT"
            ),
            (
                "Luật Đầu tư công số 58/2024/QH15",
                "58/2024/QH15",
                None,
                "LUAT"
            ),
            ("Luật số 43/2024/QH15", "43/2024/QH15", None, "LUAT"),
            ("Luật Đất đai", "", None, "LUAT"),
            (
                "Nghị quyết số 98/2023/QH15 ngày 24/6/2023 của Quốc hội",
                "98/2023/QH15",
                date(2023, 6, 24),
                "NQ"
            ),
        ]
    );
    assert_eq!(reference(&r, "43/2024/QH15").issuer, "Quốc hội");
    assert_eq!(reference(&r, "98/2023/QH15").issuer, "Quốc hội");
}

/// Laws' names as decisions cite them: abbreviated bodies ("Luật Tổ chức
/// HĐND và UBND"), "Nhà nước" capitalised ("Luật Ngân sách Nhà nước"), a
/// comma between paired verbs ("Luật Quản lý, sử dụng tài sản công",
/// "Luật Phòng, chống tham nhũng"), and amending laws ("Luật sửa đổi, bổ
/// sung một số điều của Luật A và Luật B ngày ...", one law, with its
/// date).
#[test]
fn law_names_with_abbreviations_commas_and_amendments() {
    let r = parse(
        "Báo cáo tình hình kinh tế - xã hội tháng 3 năm 2025\n\
         I. KẾT QUẢ THỰC HIỆN\n\
         Căn cứ Luật Tổ chức HĐND và UBND ngày 26/11/2003; Luật Ngân sách Nhà nước năm 2015; \
         Luật Quản lý, sử dụng tài sản công năm 2017; Luật Phòng, chống tham nhũng; \
         Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019; \
         Luật Sửa đổi, bổ sung một số điều của\nLuật Ban hành văn bản quy phạm pháp luật ngày 18 tháng 6 năm 2020;\n",
    );
    let laws: Vec<(&str, Option<NaiveDate>)> = r
        .document_references
        .iter()
        .map(|d| (d.raw.as_str(), d.issued_on))
        .collect();
    assert_eq!(
        laws,
        [
            (
                "Luật Tổ chức HĐND và UBND ngày 26/11/2003",
                date(2003, 11, 26)
            ),
            ("Luật Ngân sách Nhà nước năm 2015", None),
            ("Luật Quản lý, sử dụng tài sản công năm 2017", None),
            ("Luật Phòng, chống tham nhũng", None),
            (
                "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019",
                date(2019, 11, 22)
            ),
            (
                "Luật Sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật ngày 18 tháng 6 năm 2020",
                date(2020, 6, 18)
            ),
        ]
    );
}

/// Documents cited by their number alone ("Chỉ thị số 11 ngày 13/3/2020
/// của Thủ tướng Chính phủ", "Nghị quyết số 05 của Tỉnh ủy", "Thông báo
/// số 18"): a reference whose number is the number as written, with the
/// type from its word, the date and the issuer when written.
#[test]
fn documents_cited_by_their_number_alone() {
    let r = parse(
        "Báo cáo tình hình kinh tế - xã hội tháng 4 năm 2024\n\
         I. KẾT QUẢ THỰC HIỆN\n\
         Thực hiện Chỉ thị số 14 ngày 02/3/2024 của Thủ tướng Chính phủ và Nghị quyết số 08 của Tỉnh ủy, \
         UBND tỉnh đã ban hành Thông báo số 25, giao các sở triển khai; Kế hoạch số 40/KH-UBND ngày 5/4/2024 \
         đã được triển khai tại 12 huyện.\n",
    );
    let got: Vec<(&str, &str, &str, Option<NaiveDate>)> = r
        .document_references
        .iter()
        .map(|d| {
            (
                d.number.as_str(),
                d.doc_type.as_str(),
                d.issuer.as_str(),
                d.issued_on,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("14", "CT", "Thủ tướng Chính phủ", date(2024, 3, 2)),
            ("08", "NQ", "Tỉnh ủy", None),
            ("25", "TB", "", None),
            ("40/KH-UBND", "KH", "UBND", date(2024, 4, 5)),
        ]
    );
    assert_eq!(
        r.document_references[0].raw,
        "Chỉ thị số 14 ngày 02/3/2024 của Thủ tướng Chính phủ"
    );
}

/// District and commune reports number their parts "1/", "2/" ("1/ Sản
/// xuất nông nghiệp"): the same scheme as "1.", so the parts are sections
/// and, under a tasks heading, tasks.
#[test]
fn parts_numbered_with_a_slash() {
    let r = parse(
        "Báo cáo tình hình kinh tế - xã hội tháng 5 năm 2024\n\
         I. TÌNH HÌNH KINH TẾ - XÃ HỘI\n\
         1/ Sản xuất nông nghiệp\n\
         Trong tháng, toàn xã gieo cấy được 420 ha lúa mùa.\n\
         2/ Thu ngân sách\n\
         Thu ngân sách trên địa bàn ước đạt 1.250 triệu đồng.\n\
         II. NHIỆM VỤ TRỌNG TÂM THÁNG 6 NĂM 2024\n\
         1/ Tập trung chăm sóc lúa mùa, phòng trừ sâu bệnh.\n\
         2/ Đẩy mạnh thu ngân sách, phấn đấu đạt dự toán.\n",
    );
    let paths: Vec<&str> = r.sections.iter().map(|s| s.path.as_str()).collect();
    assert_eq!(paths, ["I", "I/1", "I/2", "II"]);
    assert_eq!(r.sections[1].title, "Sản xuất nông nghiệp");
    assert_eq!(r.tasks.len(), 2);
    assert_eq!(
        r.tasks[0].title,
        "Tập trung chăm sóc lúa mùa, phòng trừ sâu bệnh."
    );
}

/// Codes written with a spaced dash ("Kết luận số 100 - KL/TW") or an
/// ampersand ("12/KH-SKH&ĐT") are one number, not cut short; a subject in
/// quotes after the issuer is not part of it.
#[test]
fn codes_with_a_spaced_dash_or_an_ampersand() {
    let r = parse(
        "Báo cáo tình hình kinh tế - xã hội tháng 4 năm 2024\n\
         I. KẾT QUẢ THỰC HIỆN\n\
         Thực hiện Kết luận số 100 - KL/TW ngày 18/8/2014 của Ban Bí thư “về công tác dư luận xã hội” và Kế hoạch số 12/KH-SKH&ĐT ngày 3/4/2024 của Sở Kế hoạch và Đầu tư, các đơn vị đã triển khai.\n",
    );
    let kl = reference(&r, "100-KL/TW");
    assert_eq!(kl.doc_type, "KL");
    assert_eq!(kl.issued_on, date(2014, 8, 18));
    assert_eq!(kl.issuer, "Ban Bí thư");
    let kh = reference(&r, "12/KH-SKH&ĐT");
    assert_eq!(kh.issued_on, date(2024, 4, 3));
    assert_eq!(kh.issuer, "Sở Kế hoạch và Đầu tư");
}

/// A decision's grounds wrap their lines where the page does, often inside
/// the issuer's name ("của Chánh Văn phòng" / "Ủy ban nhân dân tỉnh", "của
/// UBND tỉnh Bắc" / "Giang ban hành ...", "của" / "Bộ Tài chính - Bộ Nội
/// vụ hướng dẫn ..."): the issuer runs on over the break, to where its
/// phrase ends.
#[test]
fn an_issuer_wrapped_onto_the_next_line() {
    let r = parse(
        "ỦY BAN NHÂN DÂN\n\
         TỈNH BẮC GIANG\n\
         QUYẾT ĐỊNH\n\
         VỀ VIỆC BAN HÀNH QUY CHẾ QUẢN LÝ CỔNG THÔNG TIN ĐIỆN TỬ TỈNH\n\
         ỦY BAN NHÂN DÂN TỈNH BẮC GIANG\n\
         Căn cứ Thông tư Liên tịch số 03/2019/TTLT-BTC-BNV ngày 12 tháng 3 năm 2019 của\n\
         Bộ Tài chính - Bộ Nội vụ hướng dẫn chức năng, nhiệm vụ của Sở Tài chính;\n\
         Căn cứ Quyết định số 115/QĐ-UBND ngày 20/4/2020 của UBND tỉnh Bắc\n\
         Giang ban hành Kế hoạch chuyển đổi số giai đoạn 2020-2025;\n\
         Theo đề nghị tại Tờ trình số 57/TTr-VP ngày 09/10/2021 của Chánh Văn phòng\n\
         Ủy ban nhân dân tỉnh,\n\
         QUYẾT ĐỊNH:\n\
         Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý Cổng thông tin điện tử tỉnh.\n",
    );
    assert_eq!(
        reference(&r, "03/2019/TTLT-BTC-BNV").issuer,
        "Bộ Tài chính - Bộ Nội vụ"
    );
    assert_eq!(reference(&r, "115/QĐ-UBND").issuer, "UBND tỉnh Bắc Giang");
    assert_eq!(
        reference(&r, "57/TTr-VP").issuer,
        "Chánh Văn phòng Ủy ban nhân dân tỉnh"
    );
}

/// Commune reports and party resolutions close their letter and Roman
/// numbers with a dash ("A- NHỮNG KẾT QUẢ ĐẠT ĐƯỢC", "I- Về phát triển kinh
/// tế"), and district offices write dotted numbers with a slash ("2.1/
/// Trồng trọt:", "2.1.1/ Vụ Hè Thu:"): the same schemes as "A.", "I." and
/// "2.1.".
#[test]
fn letters_and_romans_closed_by_a_dash_and_dotted_numbers_by_a_slash() {
    let r = parse(
        "BÁO CÁO\n\
         Tình hình kinh tế - xã hội 6 tháng đầu năm 2019 của xã\n\
         A- NHỮNG KẾT QUẢ ĐẠT ĐƯỢC\n\
         I- VỀ PHÁT TRIỂN KINH TẾ\n\
         1. Sản xuất nông nghiệp\n\
         Toàn xã gieo cấy được 380 ha lúa, đạt 101% kế hoạch.\n\
         2/ Tình hình sản xuất:\n\
         2.1/ Trồng trọt:\n\
         2.1.1/ Vụ Đông Xuân:\n\
         Năng suất lúa ước đạt 62 tạ/ha.\n\
         II- VỀ VĂN HÓA - XÃ HỘI\n\
         Các trường hoàn thành chương trình năm học.\n",
    );
    let paths: Vec<(&str, &str)> = r
        .sections
        .iter()
        .map(|s| (s.path.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(
        paths,
        [
            ("A", "NHỮNG KẾT QUẢ ĐẠT ĐƯỢC"),
            ("A/I", "VỀ PHÁT TRIỂN KINH TẾ"),
            ("A/I/1", "Sản xuất nông nghiệp"),
            ("A/I/2", "Tình hình sản xuất"),
            ("A/I/2/2.1", "Trồng trọt"),
            ("A/I/2/2.1/2.1.1", "Vụ Đông Xuân"),
            ("A/II", "VỀ VĂN HÓA - XÃ HỘI"),
        ]
    );
}

/// A plan lists its grounds as numbered items ("1. Quyết định số
/// 924/QĐ-TTg ngày ... của Thủ tướng Chính phủ ...;"), some wrapped after
/// a short first line ("2. Thông tư 07/2023/TT-BTC ngày" / "14 tháng 3
/// ..."): items citing a document, not sections.
#[test]
fn a_plans_numbered_grounds_are_no_sections() {
    let r = parse(
        "KẾ HOẠCH\n\
         THỰC HIỆN CHUYỂN ĐỔI SỐ TRÊN ĐỊA BÀN TỈNH NĂM 2023\n\
         I. CĂN CỨ XÂY DỰNG KẾ HOẠCH\n\
         1. Quyết định số 411/QĐ-TTg ngày 31 tháng 3 năm 2022 của Thủ tướng Chính phủ phê duyệt Chiến lược quốc gia phát triển kinh tế số và xã hội số đến năm 2025, định hướng đến năm 2030;\n\
         2. Thông tư 07/2023/TT-BTC ngày\n\
         14 tháng 3 năm 2023 của Bộ Tài chính về hướng dẫn quản lý kinh phí chuyển đổi số.\n\
         3. Kế hoạch số 120/KH-UBND ngày\n\
         05/01/2023 của Ủy ban nhân dân tỉnh về chuyển đổi số năm 2023.\n\
         II. MỤC TIÊU\n\
         1. Mục tiêu chung\n\
         Phát triển chính quyền số, kinh tế số và xã hội số trên địa bàn tỉnh.\n",
    );
    let paths: Vec<&str> = r.sections.iter().map(|s| s.path.as_str()).collect();
    assert_eq!(paths, ["I", "II", "II/1"]);
    assert_eq!(r.document_references.len(), 3);
}

/// A submission's code may write a spaced dash after its type ("Tờ trình
/// số 473/TTr - NN&PTNT", wrapped after the dash): one number, the type's
/// code then the issuing body's; a body's code after a dash and a name
/// ("12/UBND - UBND huyện") is not joined.
#[test]
fn a_spaced_dash_after_the_type_code() {
    let r = parse(
        "ỦY BAN NHÂN DÂN\n\
         TỈNH QUẢNG NGÃI\n\
         QUYẾT ĐỊNH\n\
         VỀ VIỆC KIỆN TOÀN BAN CHỈ ĐẠO PHÒNG CHỐNG THIÊN TAI\n\
         ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\n\
         Xét đề nghị của Giám đốc Sở Nông nghiệp và Phát triển nông thôn tại Tờ trình số 215/TTr -\n\
         NN&PTNT ngày 14/6/2008 và Công văn số 12/UBND - UBND huyện Bình Sơn,\n\
         QUYẾT ĐỊNH:\n\
         Điều 1. Kiện toàn Ban Chỉ đạo phòng chống thiên tai tỉnh.\n",
    );
    let ttr = reference(&r, "215/TTr-NN&PTNT");
    assert_eq!(ttr.doc_type, "TTr");
    assert_eq!(ttr.issued_on, date(2008, 6, 14));
    assert_eq!(ttr.issuer, "NN&PTNT");
    assert_eq!(reference(&r, "12/UBND").doc_type, "CV");
}

/// A party document's issuer ends where the subject's verb begins, even
/// after the term ("của Bộ Chính trị khóa IX đẩy mạnh phát triển ...").
#[test]
fn an_issuer_ends_before_a_subject_opened_by_day_manh() {
    let r = parse(
        "Báo cáo kết quả thực hiện tháng 9 năm 2024\n\
         I. KẾT QUẢ THỰC HIỆN\n\
         Tiếp tục thực hiện Nghị quyết số 26-NQ/TW ngày 03 tháng 11 năm 2022 của Bộ Chính trị khóa XIII đẩy mạnh phát triển kinh tế - xã hội vùng Bắc Trung Bộ, các ngành đã triển khai 12 nhiệm vụ.\n",
    );
    assert_eq!(reference(&r, "26-NQ/TW").issuer, "Bộ Chính trị khóa XIII");
}

/// A law named by two verbs joined by a comma ("Luật Bảo vệ, chăm sóc
/// sức khỏe nhân dân năm 1989", "Luật Bảo vệ, chăm sóc và giáo dục trẻ
/// em") is one name.
#[test]
fn a_law_named_by_paired_verbs_cham_soc() {
    let r = parse(
        "ỦY BAN NHÂN DÂN\n\
         TỈNH HÀ NAM\n\
         Số: 12/2008/QĐ-UBND\n\
         QUYẾT ĐỊNH\n\
         VỀ VIỆC BAN HÀNH QUY ĐỊNH KHÁM CHỮA BỆNH CHO TRẺ EM\n\
         Căn cứ Luật Bảo vệ, chăm sóc sức khỏe nhân dân năm 1989;\n\
         QUYẾT ĐỊNH:\n\
         Điều 1. Ban hành kèm theo Quyết định này Quy định khám chữa bệnh cho trẻ em.\n",
    );
    let laws: Vec<&str> = r
        .document_references
        .iter()
        .filter(|d| d.doc_type == "LUAT")
        .map(|d| d.raw.as_str())
        .collect();
    assert_eq!(laws, ["Luật Bảo vệ, chăm sóc sức khỏe nhân dân năm 1989"]);
}

/// A decision copied without its "Số:" line has no number of its own: the
/// laws its grounds cite by name (no number either) are references, not
/// taken for the text's own number.
#[test]
fn laws_in_the_grounds_of_a_text_without_its_number() {
    let r = parse(
        "ỦY BAN NHÂN DÂN\n\
         TỈNH HÀ NAM\n\
         QUYẾT ĐỊNH\n\
         VỀ VIỆC BAN HÀNH QUY ĐỊNH QUẢN LÝ CHỢ TRÊN ĐỊA BÀN TỈNH\n\
         ỦY BAN NHÂN DÂN TỈNH HÀ NAM\n\
         Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\
         Căn cứ Nghị định số 02/2003/NĐ-CP ngày 14/01/2003 của Chính phủ về phát triển và quản lý chợ;\n\
         QUYẾT ĐỊNH:\n\
         Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý chợ trên địa bàn tỉnh.\n",
    );
    let got: Vec<(&str, &str)> = r
        .document_references
        .iter()
        .map(|d| (d.doc_type.as_str(), d.number.as_str()))
        .collect();
    assert_eq!(got, [("LUAT", ""), ("NĐ", "02/2003/NĐ-CP")]);
}

fn laws(r: &Report) -> Vec<(&str, Option<NaiveDate>)> {
    r.document_references
        .iter()
        .filter(|d| d.doc_type == "LUAT")
        .map(|d| (d.raw.as_str(), d.issued_on))
        .collect()
}

/// Party texts and the press write a cited document's date with dashes
/// ("Kết luận số 02/KL-TW ngày 16-3-2011 của Bộ Chính trị"): the date is
/// the document's and the "của X" after it its issuer.
#[test]
fn dates_written_with_dashes() {
    let r = parse(
        "Báo cáo kết quả công tác quý I năm 2012\n\
         I. KẾT QUẢ THỰC HIỆN\n\
         Tuyên truyền, quán triệt Kết luận số 05/KL-TƯ ngày 12-4-2012 của Bộ Chính trị về tình hình kinh tế - xã hội \
         và Nghị quyết số 08/NQ-CP ngày 3-2-2012 của Chính phủ về những giải pháp chủ yếu.\n",
    );
    let kl = reference(&r, "05/KL-TƯ");
    assert_eq!(kl.issued_on, date(2012, 4, 12));
    assert_eq!(kl.issuer, "Bộ Chính trị");
    let nq = reference(&r, "08/NQ-CP");
    assert_eq!(nq.issued_on, date(2012, 2, 3));
    assert_eq!(nq.issuer, "Chính phủ");
}

/// A law's name goes on after "và" with the second of paired verbs
/// ("Luật Bảo vệ và phát triển rừng"), over a line's break after "và"
/// between bodies ("Luật Tổ chức HĐND và" / "UBND"), and after "của"
/// with the councils and committees it governs ("Luật Ban hành văn bản
/// quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân").
#[test]
fn law_names_going_on_after_va_and_cua() {
    let r = parse(
        "ỦY BAN NHÂN DÂN\n\
         TỈNH HÀ NAM\n\
         Số: 15/2009/QĐ-UBND\n\
         QUYẾT ĐỊNH\n\
         VỀ VIỆC BAN HÀNH QUY CHẾ QUẢN LÝ RỪNG\n\
         Căn cứ Luật Tổ chức HĐND và\n\
         UBND ngày 26/11/2003;\n\
         Căn cứ Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân ngày 03 tháng 12 năm 2004;\n\
         Căn cứ Luật Bảo vệ và phát triển rừng ngày 03 tháng 12 năm 2004;\n\
         Căn cứ Luật Đất đai và các văn bản hướng dẫn thi hành;\n\
         QUYẾT ĐỊNH:\n\
         Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý rừng.\n",
    );
    assert_eq!(
        laws(&r),
        [
            (
                "Luật Tổ chức HĐND và\nUBND ngày 26/11/2003",
                date(2003, 11, 26)
            ),
            (
                "Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân ngày 03 tháng 12 năm 2004",
                date(2004, 12, 3)
            ),
            (
                "Luật Bảo vệ và phát triển rừng ngày 03 tháng 12 năm 2004",
                date(2004, 12, 3)
            ),
            ("Luật Đất đai", None),
        ]
    );
}

/// Some texts capitalise a field inside a law's name ("Luật Bảo hiểm Xã
/// hội năm 2006", "Luật Khoa học và Công nghệ"): a capitalised word that
/// a lowercase one follows goes on with the name; a document after the
/// name does not.
#[test]
fn a_law_name_with_a_capitalised_field() {
    let r = parse(
        "ỦY BAN NHÂN DÂN\n\
         TỈNH HÀ NAM\n\
         Số: 21/2010/QĐ-UBND\n\
         QUYẾT ĐỊNH\n\
         VỀ VIỆC HỖ TRỢ ĐÓNG BẢO HIỂM\n\
         Căn cứ Luật Bảo hiểm Xã hội năm 2006;\n\
         Căn cứ Luật Đất đai Nghị định số 43/2014/NĐ-CP ngày 15/5/2014 của Chính phủ;\n\
         QUYẾT ĐỊNH:\n\
         Điều 1. Hỗ trợ đóng bảo hiểm cho người lao động.\n",
    );
    let names: Vec<&str> = laws(&r).iter().map(|l| l.0).collect();
    assert_eq!(names, ["Luật Bảo hiểm Xã hội năm 2006", "Luật Đất đai"]);
}

/// "Nghị quyết số 19-2018/NQ-CP": the number's year joined by a dash (a
/// slip for "19/2018/NQ-CP") is part of the number as written; the type
/// and issuer come from the code after it.
#[test]
fn a_number_whose_year_is_joined_by_a_dash() {
    let r = parse(
        "Báo cáo kết quả thực hiện tháng 6 năm 2018\n\
         I. KẾT QUẢ THỰC HIỆN\n\
         Triển khai Nghị quyết số 19-2018/NQ-CP ngày 15/5/2018 của Chính phủ về cải thiện môi trường kinh doanh.\n",
    );
    let nq = reference(&r, "19-2018/NQ-CP");
    assert_eq!(nq.doc_type, "NQ");
    assert_eq!(nq.issued_on, date(2018, 5, 15));
    assert_eq!(nq.issuer, "Chính phủ");
}

/// A title in capitals cites documents with their date and issuer in
/// capitals ("KẾT LUẬN SỐ 27-KL/TW NGÀY 02 THÁNG 8 NĂM 2012 CỦA BỘ CHÍNH
/// TRỊ VỀ ..."): both are read, the issuer as written.
#[test]
fn references_in_a_title_in_capitals() {
    let r = parse(DECISION_WITH_TITLE_IN_CAPITALS);
    let kl = r
        .document_references
        .iter()
        .find(|d| d.number == "14-KL/TW")
        .expect("the title's reference");
    assert_eq!(kl.issued_on, date(2015, 9, 5));
    assert_eq!(kl.issuer, "BỘ CHÍNH TRỊ");
}

const DECISION_WITH_TITLE_IN_CAPITALS: &str = "THỦ TƯỚNG CHÍNH\n\
     PHỦ\n\
     --------\n\
     Số: 312/QĐ-TTg\n\
     Hà Nội, ngày 10 tháng 3 năm 2016\n\
     QUYẾT ĐỊNH\n\
     BAN HÀNH KẾ HOẠCH THỰC HIỆN KẾT LUẬN SỐ 14-KL/TW NGÀY 05 THÁNG 9 NĂM\n\
     2015 CỦA BỘ CHÍNH TRỊ VỀ PHÁT TRIỂN VÙNG TÂY NGUYÊN\n\
     THỦ TƯỚNG CHÍNH PHỦ\n\
     Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n\
     QUYẾT ĐỊNH:\n\
     Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Kết luận.\n";

/// A header whose body wraps its last word ("THỦ TƯỚNG CHÍNH" / "PHỦ")
/// names the body whole; a month after a day in the title ("NGÀY 05 THÁNG
/// 9 NĂM 2015", a cited document's date) is no reporting period.
#[test]
fn a_wrapped_header_and_a_date_in_the_title() {
    let r = parse(DECISION_WITH_TITLE_IN_CAPITALS);
    assert_eq!(r.metadata.issuer, "Thủ tướng Chính phủ");
    assert_eq!(r.metadata.reporting_period, None);
}

/// A header copied from a web page's table wraps both columns anywhere:
/// the body's name before its last word ("UỶ BAN NHÂN" / "DÂN") and the
/// motto inside "XÃ HỘI" ("CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM"). The
/// motto's pieces are no part of the body, nor of the province.
#[test]
fn a_header_whose_body_and_motto_both_wrap() {
    let r = parse(
        "UỶ BAN NHÂN\n\
         DÂN\n\
         TỈNH HÀ NAM\n\
         --------\n\
         |\n\
         CỘNG HÒA XÃ\n\
         HỘI CHỦ NGHĨA VIỆT NAM\n\
         Độc lập - Tự do - Hạnh phúc\n\
         |\n\
         Số:\n\
         2104/QĐ-UBND\n\
         |\n\
         Hà Nam,\n\
         ngày 12 tháng 10 năm 2017\n\
         |\n\
         QUYẾT ĐỊNH\n\
         V/V BAN HÀNH KẾ HOẠCH PHÒNG, CHỐNG DỊCH BỆNH GIA SÚC\n\
         CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH HÀ NAM\n\
         Căn cứ Luật Thú y ngày 19/6/2015;\n\
         QUYẾT ĐỊNH:\n\
         Điều 1. Ban hành Kế hoạch phòng, chống dịch bệnh gia súc.\n",
    );
    assert_eq!(r.metadata.province, "Hà Nam");
    assert_eq!(r.metadata.issuer, "UBND tỉnh Hà Nam");
}
