//! Metadata: who issued the report, when, on which period, for which
//! period's tasks, who signed it and who receives it.
//!
//! The header of an official document is two columns (issuing body | national
//! motto) that PDF extraction often puts on one line; the left column is cut
//! at the motto. Where the header is missing (the text starts mid-title, as
//! the seed does), the issuer comes from the signature's "TM. ..." and the
//! province from the text, and a quality issue says so.

use std::collections::HashMap;
use std::sync::LazyLock;

use baocao_domain::text::{fold, match_key};
use baocao_domain::{Metadata, Period, QualityIssue, QualityIssueKind, Signer, Span};
use chrono::NaiveDate;
use regex::Regex;

use crate::Hints;
use crate::document::Document;
use crate::paragraphs::Zone;
use crate::periods::{first_period, year_in};
use crate::sections::Outline;

static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)Số\s*:?\s*(\d+[^\s,;/]*) ?(/[^\s,;]+)").expect("number pattern")
});
static ISSUED_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})").expect("date pattern")
});
static PROVINCE_IN_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(tỉnh|thành phố) (\p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*){0,3})")
        .expect("province pattern")
});
static DATE_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    // A web page's posting time before or under its title: "Ngày
    // 11/11/2022-09:13:00 AM", "12/10/2021 10:01:33", "Ngày cập nhật
    // 29/08/2020", "Thứ 6 - 26/02/2016", and a portal's time first with the
    // date in dashes, "15:3, Thứ Năm, 7-7-2022" (Quảng Bình's minutes lose
    // their zero), "Đăng ngày 07 - 04 - 2022" (Hưng Yên's portal).
    // The time is read alike on either side of the date.
    let time = r"\d{1,2}:\d{1,2}(?::\d{2})?(?:\s*[AP]M)?";
    Regex::new(&format!(
        r"(?i)^(?:{time}[\s,-]+)?(?:(?:ngày|cập nhật|đăng|thứ \S+)[\s:,-]*)*\d{{1,2}}(?:/\d{{1,2}}/|-\d{{1,2}}-| - \d{{1,2}} - )\d{{4}}(?:[\s,-]*{time})?\s*$"
    ))
    .expect("date stamp pattern")
});
/// A web page's posting date and time alone on its line (`DATE_STAMP`):
/// only a short line that opens with a digit or a letter of "Ngày", "Thứ",
/// "Cập nhật", "Đăng ngày" is tried.
pub(crate) fn is_posting_line(text: &str) -> bool {
    let t = text.trim();
    t.len() <= 60
        && t.starts_with(|c: char| {
            c.is_ascii_digit() || matches!(c, 'N' | 'n' | 'T' | 't' | 'C' | 'c' | 'Đ' | 'đ')
        })
        && DATE_STAMP.is_match(t)
}

static TEXT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    // The first year a text writes: "dự toán năm 2022", "Chiều 6/6/2019".
    Regex::new(r"(?i)\bnăm (\d{4})\b|\b\d{1,2}/\d{1,2}/(\d{4})\b").expect("text year pattern")
});
static SOCIO_ECONOMIC_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)kinh tế - xã hội (tháng \d{1,2}(?:(?: năm |/)\d{4})?)")
        .expect("phrase pattern")
});

/// The figures a statistics office announces for a quarter or a year,
/// named in a press item's first sentences ("công bố số liệu thống kê
/// kinh tế - xã hội năm 2025", "tình hình kinh tế - xã hội quý III năm
/// 2025"); a span of years ("năm 2021 - 2025", a plan's) is none.
static SOCIO_ECONOMIC_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:tình hình|số liệu(?: thống kê)?) kinh tế - xã hội(?: (?:của )?(?:tỉnh|thành phố|TP\.?) [^,.;:\d]{1,30}?)? ((?:quý [IVX]+ )?năm \d{4}|quý [IVX]+/\d{4})(\s*[-–]\s*\d)?",
    )
    .expect("phrase pattern")
});

fn title_case(word: &str) -> String {
    let mut c = word.chars();
    match c.next() {
        Some(f) => f
            .to_uppercase()
            .chain(c.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

fn title_case_words(s: &str) -> String {
    s.split_whitespace()
        .map(title_case)
        .collect::<Vec<_>>()
        .join(" ")
}

/// "CỤC THỐNG KÊ" -> "Cục Thống kê", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ" -> "Sở Kế hoạch
/// và Đầu tư": the first two words and each field after "và", "-" or a
/// comma capitalised ("Sở Lao động - Thương binh và Xã hội", "Sở Văn hóa,
/// Thể thao và Du lịch"); "Công Thương" names one branch, both words capitalised;
/// "Thủ tướng Chính phủ".
fn org_case(s: &str) -> String {
    let words: Vec<String> = s.split_whitespace().map(|w| w.to_lowercase()).collect();
    let mut out = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| words.get(j));
        // "Thủ tướng Chính phủ": an office of one capital, then the body.
        let cap = (i == 0 || (i == 1 && words[0] != "thủ"))
            || prev.is_some_and(|p| {
                p == "và"
                    || p == "-"
                    || p.ends_with(',')
                    || (p == "công" && w == "thương")
                    || (p == "tướng" && w == "chính")
            });
        out.push(if cap { title_case(w) } else { w.clone() });
    }
    out.join(" ")
}

fn is_people_committee(s: &str) -> bool {
    let k = match_key(s);
    k == match_key("ủy ban nhân dân") || k == "ubnd"
}

/// The left column of a header line: before the national motto. (A
/// header copied from a web page's table comes one cell a line, the
/// motto's second line alone, "CHỦ NGHĨA VIỆT NAM", and the cells parted
/// by lines of a lone "|".)
fn left_column(line: &str) -> &str {
    let cut = [
        "CỘNG HÒA",
        "CỘNG HOÀ",
        "Cộng hòa",
        "Cộng hoà",
        "CHỦ NGHĨA VIỆT NAM",
        // The motto wrapped inside "XÃ HỘI": "CỘNG HÒA XÃ" / "HỘI CHỦ
        // NGHĨA VIỆT NAM".
        "HỘI CHỦ NGHĨA",
        "Độc lập",
        "ĐỘC LẬP",
    ]
    .iter()
    .filter_map(|m| line.find(m))
    .min();
    line[..cut.unwrap_or(line.len())].trim_matches(|c: char| c == '|' || c.is_whitespace())
}

fn is_upper(s: &str) -> bool {
    s.chars().any(baocao_domain::text::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

struct Header {
    issuer: String,
    province: String,
}

/// "HUYỆN LẠNG GIANG" -> ("huyện", "Lạng Giang"): the district, town or
/// provincial city whose committee or office issues the report.
fn split_locality(piece: &str) -> Option<(&'static str, String)> {
    for (marker, kind) in [
        ("HUYỆN ", "huyện"),
        ("THỊ XÃ ", "thị xã"),
        ("QUẬN ", "quận"),
    ] {
        if let Some(i) = piece.find(marker) {
            let name = piece[i + marker.len()..].trim();
            if !name.is_empty() {
                return Some((kind, title_case_words(name)));
            }
        }
    }
    None
}

fn header(front: &[&str]) -> Option<Header> {
    let mut pieces: Vec<String> = Vec::new();
    for line in front {
        if DOC_NUMBER.is_match(line)
            || ISSUED_ON.is_match(line)
            || match_key(line).starts_with(&match_key("báo cáo"))
        {
            break;
        }
        let left = left_column(line);
        if !left.is_empty() && is_upper(left) {
            // A body's name wrapped before its last word ("THỦ TƯỚNG
            // CHÍNH" / "PHỦ"): no body is named by one word alone.
            match pieces.last_mut() {
                Some(last) if !left.contains(' ') && left.chars().count() > 1 => {
                    last.push(' ');
                    last.push_str(left);
                }
                _ => pieces.push(left.to_owned()),
            }
        }
    }
    if pieces.is_empty() {
        return None;
    }
    let mut province = String::new();
    let mut locality = None;
    let mut orgs = Vec::new();
    for p in &pieces {
        if let Some((kind, name)) = split_locality(p) {
            let org = p[..p.find(&kind.to_uppercase()).unwrap_or(0)].trim();
            if !org.is_empty() {
                orgs.push(org.to_owned());
            }
            locality = Some((kind, name));
            continue;
        }
        let (org, prov) = split_province(p);
        if !prov.is_empty() {
            province = prov;
        }
        if !org.is_empty() {
            orgs.push(org);
        }
    }
    let org = orgs.last().cloned().unwrap_or_default();
    let place = |kind: &str| {
        if let Some((k, name)) = &locality {
            format!(" {k} {name}")
        } else if province.is_empty() {
            String::new()
        } else {
            format!(" {kind} {province}")
        }
    };
    let issuer = if org.is_empty() || is_people_committee(&org) {
        format!("UBND{}", place("tỉnh"))
    } else {
        format!("{}{}", org_case(&org), place("tỉnh"))
    };
    Some(Header { issuer, province })
}

/// "UỶ BAN NHÂN DÂN TỈNH THÁI NGUYÊN" -> ("UỶ BAN NHÂN DÂN", "Thái Nguyên").
fn split_province(piece: &str) -> (String, String) {
    for marker in ["TỈNH ", "THÀNH PHỐ "] {
        if let Some(i) = piece.find(marker) {
            let org = piece[..i].trim().to_owned();
            let prov = title_case_words(&piece[i + marker.len()..]);
            return (org, prov);
        }
    }
    (piece.trim().to_owned(), String::new())
}

/// The province names (group 2) of [`PROVINCE_IN_TEXT`]'s matches in
/// `text`, as `captures_iter` finds them, with the regex run only where a
/// match can start: every match starts with "tỉnh " or "thành phố " and
/// holds only letters and spaces, so it ends before the next ASCII byte
/// that is neither. (Searching the whole text cost ~0.5 M instructions per
/// seed parse, most of it on the many "tỉnh" before a lowercase word.)
fn province_names(text: &str) -> Vec<&str> {
    const WORDS: [&str; 2] = ["tỉnh ", "thành phố "];
    static STARTS: LazyLock<[memchr::memmem::Finder<'static>; 2]> =
        LazyLock::new(|| WORDS.map(|w| memchr::memmem::Finder::new(w.as_bytes())));
    let b = text.as_bytes();
    let bound = |at: usize, k: usize| {
        // The name opens with a capital (`\p{Lu}` is within `is_uppercase`,
        // as long as std's Unicode tables are not older than the regex
        // crate's): most "tỉnh" stand before a lowercase word.
        let name = at + WORDS[k].len();
        if !text[name..].starts_with(char::is_uppercase) {
            return None;
        }
        let end = b[name..]
            .iter()
            .position(|&x| x.is_ascii() && !x.is_ascii_alphabetic() && x != b' ')
            .map_or(b.len(), |i| name + i);
        Some(end)
    };
    crate::captures_at_starts(&PROVINCE_IN_TEXT, text, &*STARTS, bound)
        .iter()
        .filter_map(|c| c.get(2))
        .map(|m| m.as_str())
        .collect()
}

fn province_from_text(text: &str) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for name in province_names(text) {
        *counts.entry(name).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(p, _)| p.to_owned())
}

fn title(front: &[&str]) -> String {
    for (i, line) in front.iter().enumerate() {
        let k = match_key(line);
        let bc = match_key("báo cáo");
        if k == bc {
            return front.get(i + 1).map_or(String::new(), |t| (*t).to_owned());
        }
        if k.starts_with(&bc) && line.len() > "BÁO CÁO".len() {
            return line["BÁO CÁO".len()..].trim().to_owned();
        }
    }
    if let Some(t) = subject_title(front) {
        return t;
    }
    let plain =
        |l: &&&str| !(DOC_NUMBER.is_match(l) || ISSUED_ON.is_match(l) || is_posting_line(l));
    let lower = front
        .iter()
        .filter(plain)
        // The motto's line has an empty left column, and a "Căn cứ" line is
        // a ground of the document, no title.
        .filter(|l| !left_column(l).is_empty() && !is_ground(l))
        .find(|l| !is_upper(left_column(l)));
    // A statistics office's brief has one title line in capitals and no
    // "BÁO CÁO": "TÌNH HÌNH KINH TẾ - XÃ HỘI TỈNH ... THÁNG 8 VÀ 8 THÁNG
    // ĐẦU NĂM 2022". Failing a line in lower case, or when that line is a
    // page's lead paragraph, the capitals line that names a period is the
    // title.
    let capitals = || {
        front
            .iter()
            .filter(plain)
            .filter(|l| !is_ground(l))
            .find(|l| is_upper(left_column(l)) && first_period(l, None).is_some())
    };
    match lower {
        Some(l) if !is_paragraph(l) => Some(l),
        _ => capitals().or(lower),
    }
    .map_or(String::new(), |t| (*t).to_owned())
}

/// A front line too long for a title: a page's lead paragraph ("Bước vào
/// thực hiện Kế hoạch ... năm 2022, với việc triển khai ...", some 900
/// characters before the list of results), no title over the capitals line
/// that names the period ("TÌNH HÌNH KINH TẾ - XÃ HỘI TỈNH HƯNG YÊN THÁNG
/// BA VÀ QUÝ I NĂM 2022").
fn is_paragraph(line: &str) -> bool {
    line.len() > 400 && line.chars().count() > 300
}

/// The first year `text` writes ("dự toán năm 2022", "Chiều 6/6/2019"),
/// past a web page's posting time: a December report is often posted in
/// January. A year written as a comparison's base ("so với cùng kỳ năm
/// 2023", "so với cuối năm 2015") is the year before the report's.
fn text_year(text: &str) -> Option<i32> {
    text.lines()
        .filter(|l| !is_posting_line(l))
        .find_map(|l| TEXT_YEAR.captures(l).map(|c| (l, c)))
        .and_then(|(l, c)| {
            let y = c.get(1).or(c.get(2))?;
            let year: i32 = y.as_str().parse().ok()?;
            let whole = c.get(0)?;
            let base = c.get(1).is_some() && crate::periods::is_base_year(&l[..whole.start()]);
            Some(if base { year + 1 } else { year })
        })
}

/// The reporting period a title without a year names, in `year`.
fn periods_in_title_of(title: &str, year: i32) -> Option<Period> {
    let report_part = plan_start(title).map_or(title, |i| &title[..i]);
    first_period(report_part, Some(year)).filter(|r| !after_a_day(report_part, &r.label))
}

/// An excerpt with no title names its period in its first figures'
/// sentence ("GRDP 6 tháng đầu năm 2018 ước tính ..."): the first month,
/// quarter, half or months to date with their year written, in the first
/// paragraphs of the body. A bare year ("năm 2019-2020" of a crop) is not
/// taken.
fn first_dated_months(doc: &Document) -> Option<Period> {
    use baocao_domain::PeriodKind as K;
    doc.zone(Zone::Body).take(5).find_map(|i| {
        let p = doc.para(i);
        first_period(p, None).filter(|f| {
            matches!(f.kind, K::Month | K::Quarter | K::HalfYear | K::YearToDate)
                && f.label
                    .split(|c: char| !c.is_ascii_digit())
                    .any(|d| d.len() == 4)
                && !after_a_day(p, &f.label)
        })
    })
}

/// A portal's news item with a headline for its title writes its year
/// once ("Năm 2022 với nhiều khó khăn ...") and its months without it
/// ("Trong 6 tháng đầu năm, ..."): the first month, quarter, half or
/// months to date in the first paragraphs of the body, in `year`. (With
/// no heading the whole item is front matter: its paragraphs are read.)
fn first_months_in_year(doc: &Document, year: i32) -> Option<Period> {
    use baocao_domain::PeriodKind as K;
    let zone = if doc.zone(Zone::Body).next().is_some() {
        Zone::Body
    } else {
        Zone::Front
    };
    doc.zone(zone).take(6).find_map(|i| {
        let p = doc.para(i);
        first_period(p, Some(year)).filter(|f| {
            matches!(f.kind, K::Month | K::Quarter | K::HalfYear | K::YearToDate)
                && !after_a_day(p, &f.label)
        })
    })
}

/// Type lines of documents other than a report: a decision's, a
/// resolution's, a plan's ... "QUYẾT ĐỊNH" (its operative "QUYẾT ĐỊNH:"
/// has a colon).
const TYPE_LINES: &[&str] = &[
    "QUYẾT ĐỊNH",
    "NGHỊ QUYẾT",
    "KẾ HOẠCH",
    "THÔNG BÁO",
    "CHỈ THỊ",
    "THÔNG TƯ",
    "THÔNG TƯ LIÊN TỊCH",
    "TỜ TRÌNH",
    "CHƯƠNG TRÌNH",
    "ĐỀ ÁN",
    "HƯỚNG DẪN",
    "KẾT LUẬN",
];

/// Openers of the issuing body's line written under a decision's subject
/// ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH").
const AUTHORITY_LINES: &[&str] = &[
    "ỦY BAN ",
    "UỶ BAN ",
    "CHỦ TỊCH ",
    "THỦ TƯỚNG ",
    "HỘI ĐỒNG ",
    "BỘ TRƯỞNG ",
    "GIÁM ĐỐC ",
    "BAN THƯỜNG VỤ ",
    "BAN CHẤP HÀNH ",
    "TỔNG CỤC TRƯỞNG ",
    "CỤC TRƯỞNG ",
    "TRƯỞNG BAN ",
];

/// Whether a line states a ground of the document ("Căn cứ Luật ...",
/// "Xét đề nghị ...").
fn is_ground(line: &str) -> bool {
    ["Căn cứ", "Xét ", "Theo đề nghị", "Thực hiện "]
        .iter()
        .any(|g| line.starts_with(g))
}

/// The title of a decision, resolution, plan ...: the subject under its
/// type line, its lines in capitals joined, up to the issuing body's line,
/// a ground or a heading; or one line in lower case ("Hướng dẫn ...").
fn subject_title(front: &[&str]) -> Option<String> {
    let at = front
        .iter()
        .position(|l| TYPE_LINES.contains(&l.trim().trim_end_matches('.')))?;
    let mut parts: Vec<&str> = Vec::new();
    for line in &front[at + 1..] {
        let line = line.trim();
        if line.is_empty()
            || is_ground(line)
            || DOC_NUMBER.is_match(line)
            || crate::numbering::parse(line).is_some()
            || AUTHORITY_LINES.iter().any(|a| line.starts_with(a))
        {
            break;
        }
        if !is_upper(line) {
            if parts.is_empty() {
                parts.push(line);
            }
            break;
        }
        parts.push(line);
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// Whether `label` is written in `text` after a day ("ngày 22 tháng 8
/// năm 2022", or "25 tháng 7 năm 2022" after a line's break): a date, such
/// as a cited document's, no period.
fn after_a_day(text: &str, label: &str) -> bool {
    text.find(label).is_some_and(|at| {
        let before = text[..at].trim_end();
        let day = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        (1..=2).contains(&day)
    })
}

/// Where a title's planning part starts: "phương hướng" or "nhiệm vụ",
/// but not the "(kết quả) thực hiện nhiệm vụ" of the reporting part. The
/// observation engine reads a sentence naming both months the same way.
pub(crate) fn plan_start(title: &str) -> Option<usize> {
    let lower = title.to_lowercase();
    if lower.len() != title.len() {
        return None;
    }
    let mut best: Option<usize> = None;
    for needle in ["nhiệm vụ", "phương hướng"] {
        for (i, _) in lower.match_indices(needle) {
            let before = lower[..i].trim_end();
            if before.ends_with("thực hiện") || before.ends_with("kết quả") {
                continue;
            }
            best = Some(best.map_or(i, |b| b.min(i)));
            break;
        }
    }
    best
}

/// The reporting and planning periods a title names: "Tình hình kinh tế -
/// xã hội tháng 10, nhiệm vụ trọng tâm tháng 11 năm 2023".
fn periods_in_title(title: &str) -> (Option<Period>, Option<Period>) {
    let split = plan_start(title);
    let (report_part, plan_part) = match split {
        Some(i) => (&title[..i], &title[i..]),
        None => (title, ""),
    };
    let (ry, py) = (year_in(report_part), year_in(plan_part));
    // A month after a day is a date, a cited document's ("... KẾT LUẬN SỐ
    // 27-KL/TW NGÀY 02 THÁNG 8 NĂM 2012 ..."), no period.
    let mut reporting =
        first_period(report_part, ry.or(py)).filter(|r| !after_a_day(report_part, &r.label));
    // "tháng 10, ước tháng 11 và 11 tháng năm 2018": October's actuals
    // and November's estimates; the report runs to the estimated month.
    if let Some(r) = &mut reporting
        && r.kind == baocao_domain::PeriodKind::Month
        && let Some(m) = estimated_month(report_part)
        && m > chrono::Datelike::month(&r.start)
        && let Some(p) = Period::month(
            chrono::Datelike::year(&r.start),
            m,
            format!("ước tháng {m}"),
        )
    {
        *r = p;
    }
    let mut planning =
        first_period(plan_part, py.or(ry)).filter(|p| !after_a_day(plan_part, &p.label));
    if let (Some(r), Some(p)) = (&mut reporting, &mut planning) {
        // The year is usually written once, at the end: "tháng 12, nhiệm vụ
        // tháng 01 năm 2024" is on December 2023; "tháng 12 năm 2023, nhiệm
        // vụ tháng 01" plans January 2024.
        if p.start < r.start {
            if ry.is_none() && py.is_some() {
                *r = shift_year(r, -1);
            } else if py.is_none() {
                *p = shift_year(p, 1);
            }
        }
    }
    (reporting, planning)
}

/// The month of "ước tháng M" in a title.
fn estimated_month(part: &str) -> Option<u32> {
    let lower = part.to_lowercase();
    let i = lower.find("ước tháng ")?;
    let digits: String = lower[i + "ước tháng ".len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok().filter(|m| (1..=12).contains(m))
}

fn shift_year(p: &Period, by: i32) -> Period {
    use chrono::Datelike;
    // Title periods are whole months: shift the first month, keep the length.
    let start = NaiveDate::from_ymd_opt(p.start.year() + by, p.start.month(), 1);
    let end = baocao_domain::period::last_day_of_month(p.end.year() + by, p.end.month());
    match (start, end) {
        (Some(start), Some(end)) => Period {
            start,
            end,
            ..p.clone()
        },
        _ => p.clone(),
    }
}

fn split_closing(line: &str) -> (Option<&str>, Option<&str>) {
    if crate::starts_with_ci(line, "nơi nhận") {
        let rest = line.split_once(':').map_or("", |(_, r)| r.trim());
        return (None, (!rest.is_empty()).then_some(rest));
    }
    let bullet = ["- ", "+ ", "– ", "• "]
        .iter()
        .find_map(|b| line.strip_prefix(b));
    let Some(body) = bullet else {
        return (None, Some(line));
    };
    if let Some(i) = body.find([';', '.']) {
        let rest = body[i + 1..].trim();
        return (Some(&body[..i]), (!rest.is_empty()).then_some(rest));
    }
    // "- Như trên CHỦ TỊCH": a trailing all-caps run is the other column.
    let words: Vec<&str> = body.split(' ').collect();
    let caps = words
        .iter()
        .rev()
        .take_while(|w| w.chars().count() >= 2 && is_upper(w))
        .count();
    if caps >= 2 && caps < words.len() {
        let cut = words[..words.len() - caps].join(" ").len();
        return (Some(body[..cut].trim()), Some(body[cut..].trim()));
    }
    (Some(body.trim_end_matches([';', '.', ','])), None)
}

fn signer(parts: &[String]) -> Option<Signer> {
    let mut s = Signer::default();
    for p in parts {
        let mut chunks = vec![p.as_str()];
        for sep in [" KT. ", " Q. ", " TL. ", " TUQ. "] {
            chunks = chunks
                .iter()
                .flat_map(|c| match c.find(sep) {
                    Some(i) => vec![&c[..i], &c[i + 1..]],
                    None => vec![*c],
                })
                .collect();
        }
        for c in chunks.into_iter().map(str::trim).filter(|c| !c.is_empty()) {
            if let Some(rest) = c.strip_prefix("TM.") {
                s.on_behalf_of = rest.trim().to_owned();
            } else if ["KT.", "Q.", "TL.", "TUQ."]
                .iter()
                .any(|p| c.starts_with(p))
            {
                s.signing_for = c.to_owned();
            } else if fold(c).trim_matches(['(', ')', ' ']) == "da ky" {
                continue;
            } else if is_upper(c) {
                if s.position.is_empty() {
                    s.position = c.to_owned();
                }
            } else if s.name.is_empty() && is_name(c) {
                s.name = c.to_owned();
            }
        }
    }
    (s != Signer::default()).then_some(s)
}

fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(baocao_domain::text::is_alphabetic)
        })
}

pub fn extract(
    doc: &Document,
    outline: &Outline,
    hints: &Hints,
    issues: &mut Vec<QualityIssue>,
) -> Metadata {
    let front: Vec<&str> = doc.zone(Zone::Front).map(|i| doc.para(i)).collect();
    let front_text = front.join("\n");
    let mut m = Metadata::default();
    let head = header(&front);
    m.title = title(&front);
    // "Số: 1875 /BC-SKHĐT": a stray space before the slash is dropped.
    m.document_number = DOC_NUMBER
        .captures(&front_text)
        .map_or(String::new(), |c| format!("{}{}", &c[1], &c[2]));
    m.issued_on = ISSUED_ON.captures(&front_text).and_then(|c| {
        NaiveDate::from_ymd_opt(c[3].parse().ok()?, c[2].parse().ok()?, c[1].parse().ok()?)
    });

    // Closing: recipients and signature.
    let mut recipients: Vec<String> = Vec::new();
    let mut sig_parts: Vec<String> = Vec::new();
    let mut in_recipients = false;
    for line in doc.zone(Zone::Closing).map(|i| doc.para(i)) {
        if crate::starts_with_ci(line, "nơi nhận") {
            in_recipients = true;
        }
        let (rec, sig) = split_closing(line);
        match rec {
            Some(r) => recipients.push(r.trim().to_owned()),
            None if in_recipients
                && sig.is_some_and(|s| s.starts_with(char::is_lowercase))
                && !recipients.is_empty() =>
            {
                if let (Some(last), Some(s)) = (recipients.last_mut(), sig) {
                    last.push(' ');
                    last.push_str(s.trim_end_matches([';', '.']));
                }
                continue;
            }
            None => {}
        }
        if let Some(s) = sig {
            sig_parts.push(s.to_owned());
        }
    }
    m.recipients = recipients;
    m.signer = signer(&sig_parts);

    // Province and issuer.
    m.province = head
        .as_ref()
        .map(|h| h.province.clone())
        .filter(|p| !p.is_empty())
        .or_else(|| province_from_text(&doc.text))
        .unwrap_or_default();
    m.issuer = match &head {
        Some(h) => h.issuer.clone(),
        None => {
            let by = m.signer.as_ref().map_or("", |s| s.on_behalf_of.as_str());
            let issuer = if is_people_committee(by) && !m.province.is_empty() {
                format!("UBND tỉnh {}", m.province)
            } else if !by.is_empty() {
                org_case(by)
            } else {
                String::new()
            };
            issues.push(QualityIssue {
                kind: QualityIssueKind::MetadataMissing,
                message: if issuer.is_empty() {
                    "the report has no header naming its issuer and no signature to infer it from".into()
                } else {
                    format!("the report has no header; issuer \"{issuer}\" inferred from the signature and the province named in the text")
                },
                span: Span::default(),
            });
            issuer
        }
    };

    // Periods.
    let (mut reporting, mut planning) = periods_in_title(&m.title);
    if planning.is_none()
        && let Some(part) = &outline.tasks
    {
        let t = &outline.sections[part.section].title;
        planning = first_period(
            t,
            year_in(&m.title)
                .or_else(|| reporting.as_ref().map(|r| chrono::Datelike::year(&r.end))),
        );
    }
    let hint = hints
        .period
        .and_then(|(y, mo)| Period::month(y, mo, format!("{y:04}-{mo:02}")));
    if let (Some(r), Some(h)) = (&reporting, &hint)
        && (r.start != h.start || r.end != h.end)
    {
        issues.push(QualityIssue {
                kind: QualityIssueKind::HintMismatch,
                message: format!("the period hint {} disagrees with the title's period {} (\"{}\"); the title is used", h.key(), r.key(), r.label),
                span: Span::default(),
            });
    }
    if reporting.is_none() {
        let body_phrase = doc.zone(Zone::Body).find_map(|i| {
            let p = doc.para(i);
            SOCIO_ECONOMIC_MONTH.captures(p).and_then(|c| {
                first_period(
                    &c[1],
                    planning.as_ref().map(|p| chrono::Datelike::year(&p.start)),
                )
            })
        });
        // "Thu ngân sách nhà nước 6 tháng đầu năm ...": a title's months
        // without a year take the first year the text writes.
        let title_with_year =
            || text_year(&doc.text).and_then(|y| periods_in_title_of(&m.title, y));
        let body_year = || {
            // With no heading the whole item is front matter.
            let zone = if doc.zone(Zone::Body).next().is_some() {
                Zone::Body
            } else {
                Zone::Front
            };
            doc.zone(zone).take(4).find_map(|i| {
                SOCIO_ECONOMIC_YEAR
                    .captures(doc.para(i))
                    .filter(|c| c.get(2).is_none())
                    .and_then(|c| first_period(&c[1], None))
            })
        };
        let (found, how) = if let Some(h) = hint {
            (Some(h), "the upload's period hint")
        } else if let Some(b) = body_phrase {
            (Some(b), "the text (\"kinh tế - xã hội tháng ...\")")
        } else if let Some(t) = title_with_year() {
            (Some(t), "the title and the first year the text writes")
        } else if let Some(p) = planning.as_ref().and_then(|p| p.previous_month("")) {
            (Some(p), "the month before the planning period")
        } else if let Some(b) = body_year() {
            (
                Some(b),
                "the text (\"số liệu thống kê kinh tế - xã hội năm ...\")",
            )
        } else if let Some(b) = first_dated_months(doc) {
            (Some(b), "the first months with a year the text names")
        } else if let Some(b) = text_year(&doc.text).and_then(|y| first_months_in_year(doc, y)) {
            (
                Some(b),
                "the first months the text names and the first year it writes",
            )
        } else {
            (None, "")
        };
        issues.push(QualityIssue {
            kind: QualityIssueKind::MetadataMissing,
            message: match &found {
                Some(p) => format!(
                    "the title does not name the reporting period; {} taken from {how}",
                    p.key()
                ),
                None => "the reporting period is not stated and could not be inferred".into(),
            },
            span: Span::default(),
        });
        reporting = found;
    }
    if planning.is_none() && outline.tasks.is_some() {
        planning = reporting.as_ref().and_then(|r| r.next_month(""));
        if planning.is_some() {
            issues.push(QualityIssue {
                kind: QualityIssueKind::MetadataMissing,
                message: "the planning period is not stated; taken as the month after the reporting period".into(),
                span: Span::default(),
            });
        }
    }
    m.reporting_period = reporting;
    m.planning_period = planning;
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `province_names` finds what the regex finds on the whole text.
    #[test]
    fn province_names_agree_with_the_regex() {
        let seed = include_str!("../../../testdata/reports/000_5b1c2bc8d5408b7b.txt");
        let texts = [
            seed,
            "tỉnh Bắc Giang",
            "UBND tỉnh Bắc Giang, thành phố Hà Nội; tỉnh tỉnh Lào Cai",
            "xtỉnh Bắc Giang, Ủy ban tỉnh Đắk Lắk Và Kon Tum Gia Lai Một",
            "tỉnh  Bắc, tỉnh bắc, tỉnh Bắc2 Giang, thành phố Hồ Chí Minh.",
            "tỉnh 5, tỉnh\nBắc, thành phố\u{a0}Huế, tỉnh Ⓐb, tỉnh ǅa",
            "tỉnh",
        ];
        for text in texts {
            let want: Vec<&str> = PROVINCE_IN_TEXT
                .captures_iter(text)
                .filter_map(|c| c.get(2))
                .map(|m| m.as_str())
                .collect();
            assert_eq!(province_names(text), want, "{text}");
        }
    }

    #[test]
    fn header_columns_are_cut_at_the_motto() {
        let h = header(&[
            "UỶ BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "TỈNH THÁI NGUYÊN Độc lập - Tự do - Hạnh phúc",
            "Số: 215/BC-UBND Thái Nguyên, ngày 24 tháng 10 năm 2023",
        ])
        .unwrap();
        assert_eq!(h.issuer, "UBND tỉnh Thái Nguyên");
        assert_eq!(h.province, "Thái Nguyên");
        let h = header(&["CỤC THỐNG KÊ TỈNH NGHỆ AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]).unwrap();
        assert_eq!(h.issuer, "Cục Thống kê tỉnh Nghệ An");
        let h = header(&[
            "UBND TỈNH BẮC NINH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "SỞ KẾ HOẠCH VÀ ĐẦU TƯ Độc lập - Tự do - Hạnh phúc",
        ])
        .unwrap();
        assert_eq!(h.issuer, "Sở Kế hoạch và Đầu tư tỉnh Bắc Ninh");
    }

    #[test]
    fn district_and_department_issuers() {
        let h = header(&[
            "UBND TỈNH BẮC GIANG",
            "UBND HUYỆN LẠNG GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        ])
        .unwrap();
        assert_eq!(h.issuer, "UBND huyện Lạng Giang");
        assert_eq!(h.province, "Bắc Giang");
        let h = header(&["UBND THỊ XÃ VIỆT YÊN", "PHÒNG TÀI CHÍNH - KẾ HOẠCH"]).unwrap();
        assert_eq!(h.issuer, "Phòng Tài chính - Kế hoạch thị xã Việt Yên");
        let h = header(&["UBND TỈNH NAM ĐỊNH", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"]).unwrap();
        assert_eq!(
            h.issuer,
            "Sở Lao động - Thương binh và Xã hội tỉnh Nam Định"
        );
        let h = header(&["UBND TỈNH HÀ NAM", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"]).unwrap();
        assert_eq!(h.issuer, "Sở Văn hóa, Thể thao và Du lịch tỉnh Hà Nam");
    }

    #[test]
    fn a_header_copied_from_a_web_pages_table_one_cell_a_line() {
        let h = header(&[
            "ỦY BAN NHÂN DÂN",
            "TỈNH PHÚ YÊN",
            "-------",
            "|",
            "CỘNG HÒA XÃ HỘI",
            "CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "---------------",
            "|",
            "Số: 215/BC-UBND",
        ])
        .unwrap();
        assert_eq!(
            (h.issuer.as_str(), h.province.as_str()),
            ("UBND tỉnh Phú Yên", "Phú Yên")
        );
    }

    #[test]
    fn title_periods() {
        let (r, p) = periods_in_title(
            "Tình hình kinh tế - xã hội tháng 10, nhiệm vụ trọng tâm tháng 11 năm 2023",
        );
        assert_eq!(r.unwrap().key(), "2023-10");
        assert_eq!(p.unwrap().key(), "2023-11");
        let (r, p) =
            periods_in_title("Tình hình kinh tế - xã hội tháng 12, nhiệm vụ tháng 01 năm 2024");
        assert_eq!(p.unwrap().key(), "2024-01");
        assert_eq!(r.unwrap().key(), "2023-12");
        let (r, p) =
            periods_in_title("Tình hình kinh tế - xã hội tháng 12 năm 2023, nhiệm vụ tháng 01");
        assert_eq!(
            (r.unwrap().key(), p.unwrap().key()),
            ("2023-12".into(), "2024-01".into())
        );
        let (r, p) = periods_in_title("nhiệm vụ trọng tâm tháng 6 năm 2024");
        assert!(r.is_none());
        assert_eq!(p.unwrap().key(), "2024-06");
        // A quarter's report: nine months done, the last three to plan,
        // the year written once at the end.
        let (r, p) = periods_in_title(
            "Kết quả thực hiện nhiệm vụ ngành Nông nghiệp 9 tháng, phương hướng nhiệm vụ 3 tháng cuối năm 2021",
        );
        assert_eq!(
            (r.unwrap().key(), p.unwrap().key()),
            ("2021-01/2021-09".into(), "2021-Q4".into())
        );
    }

    #[test]
    fn closing_columns() {
        assert_eq!(
            split_closing("Nơi nhận: TM. ỦY BAN NHÂN DÂN"),
            (None, Some("TM. ỦY BAN NHÂN DÂN"))
        );
        assert_eq!(
            split_closing("- Bộ Kế hoạch và Đầu tư; CHỦ TỊCH"),
            (Some("Bộ Kế hoạch và Đầu tư"), Some("CHỦ TỊCH"))
        );
        assert_eq!(split_closing("- Lưu: VT, TH."), (Some("Lưu: VT, TH"), None));
        assert_eq!(
            split_closing("- Như trên CHỦ TỊCH"),
            (Some("Như trên"), Some("CHỦ TỊCH"))
        );
        let s = signer(&[
            "TM. UỶ BAN NHÂN DÂN".into(),
            "KT. CHỦ TỊCH".into(),
            "PHÓ CHỦ TỊCH".into(),
            "(Đã ký)".into(),
            "Trịnh Việt Hùng".into(),
        ])
        .unwrap();
        assert_eq!(s.on_behalf_of, "UỶ BAN NHÂN DÂN");
        assert_eq!(s.signing_for, "KT. CHỦ TỊCH");
        assert_eq!(s.position, "PHÓ CHỦ TỊCH");
        assert_eq!(s.name, "Trịnh Việt Hùng");
    }
}
