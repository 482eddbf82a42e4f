//! Rejoins lines into paragraphs.
//!
//! A PDF wraps every paragraph at the page width. A line continues the
//! paragraph before it unless something says a new one begins: a blank line
//! (where blank lines mean anything), a heading or list number after a
//! finished sentence or heading, a finished sentence followed by a capital
//! on a line that was not filled to the width, a bullet. Words split by a
//! hyphen at the line end ("120-" / "KL/TU") are joined without a space.

use crate::diacritics::Note;
use crate::layout::Line;
use crate::numbering::{self, Style};

/// Where in the document a paragraph stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// Before the first top-level heading: header, title.
    Front,
    Body,
    /// From "Nơi nhận" or the signature on: recipients and signer, one line
    /// a paragraph.
    Closing,
}

#[derive(Debug, Clone)]
pub struct Para {
    pub text: String,
    pub zone: Zone,
    /// Byte offset in `text` of each line's start, with the line's block.
    pub lines: Vec<(usize, usize)>,
    pub notes: Vec<Note>,
    /// One cell of a table laid out one cell a line (see `table_lines`).
    pub cell: bool,
}

/// Joins `lines` into paragraphs.
pub fn join(lines: Vec<Line<'_>>) -> Vec<Para> {
    // Each line's length in characters, counted once.
    let lens: Vec<usize> = lines.iter().map(|l| l.text.chars().count()).collect();
    let full = full_width(&lens);
    // At most one paragraph a line: one allocation, not a growing copy.
    let mut paras: Vec<Para> = Vec::with_capacity(lines.len());
    let mut zone = Zone::Front;
    let mut last_line_len = 0usize;
    // Inside the tasks part, numbered paragraphs are tasks (sentences that
    // wrap), not headings waiting for their next line.
    let mut in_tasks = false;
    let mut top_headings = 0usize;
    // Lines of tables laid out one cell a line: each is a paragraph.
    let cells = table_lines(&lines, &lens);
    let mut prev_cell = false;
    for (i, (line, chars)) in lines.into_iter().zip(lens).enumerate() {
        let cell = cells.get(i).copied().unwrap_or(false);
        let num = numbering::parse(&line.text);
        if zone == Zone::Front && num.as_ref().is_some_and(opens_body) {
            zone = Zone::Body;
        }
        if let Some(n) = num
            .as_ref()
            .filter(|n| matches!(n.style, Style::Part | Style::Roman | Style::Letter))
        {
            top_headings += 1;
            in_tasks =
                top_headings > 1 && crate::sections::is_tasks_title(&line.text[n.title_start..]);
        } else if top_headings > 1
            && paras.last().is_some_and(|p| is_bare_part(&p.text))
            && is_upper_text(&line.text)
        {
            in_tasks = crate::sections::is_tasks_title(&line.text);
        }
        if zone != Zone::Closing && opens_closing(&line.text, zone, paras.last()) {
            zone = Zone::Closing;
        }
        let new = match paras.last() {
            None => true,
            Some(p) if p.zone != zone => true,
            // A cell after a cell, and the line after a table's last cell.
            Some(_) if prev_cell => true,
            Some(p) => starts_new(
                p,
                &line,
                num.as_ref(),
                zone,
                last_line_len >= full,
                in_tasks,
                full,
            ),
        };
        last_line_len = chars;
        let opens_cell = cell && new;
        prev_cell = cell;
        if new {
            // Room for the few lines a paragraph usually gathers: grown
            // from one, it was reallocated at its second line.
            let mut lines = Vec::with_capacity(4);
            lines.push((0, line.block));
            paras.push(Para {
                lines,
                text: paragraph_text(line.text),
                zone,
                notes: line.notes,
                cell: opens_cell,
            });
            continue;
        }
        let Some(p) = paras.last_mut() else { continue };
        append(p, line);
    }
    paras
}

/// The most lines a table's header (its title, unit and column heads,
/// each wrapped over lines) takes before its first figure.
const MAX_HEAD: usize = 30;

/// The lines of tables copied from a web page or a PDF one cell a line
/// ("Tổng số" / "4736,0" / "4671,4" / ...): a run of short lines, none a
/// finished sentence, holding at least four that are a figure alone. The
/// run's lines from its first to its last figure are cells, each a
/// paragraph of its own (joined, a row was one sentence of figures with no
/// words between them, and the header's columns were lost). Empty when
/// there is no such run (most reports): one test of a line's first byte.
fn table_lines(lines: &[Line<'_>], lens: &[usize]) -> Vec<bool> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !figure_cell(&lines[i].text) {
            i += 1;
            continue;
        }
        let mut start = i;
        while start > 0
            && start + MAX_HEAD > i
            && (lines[start - 1].row_cell || short_cell(&lines[start - 1].text, lens[start - 1]))
        {
            start -= 1;
        }
        let (mut end, mut figures, mut last) = (i, 0usize, i);
        while end < lines.len() && (lines[end].row_cell || short_cell(&lines[end].text, lens[end]))
        {
            if figure_cell(&lines[end].text) {
                figures += 1;
                last = end;
            } else if figures > 0 && NO_FIGURE.contains(&lines[end].text.trim()) {
                // "-": a row's empty cell (a row of them last in a table).
                last = end;
            }
            end += 1;
        }
        if figures >= 4 {
            if out.is_empty() {
                out = vec![false; lines.len()];
            }
            out[start..=last].fill(true);
        }
        i = end.max(i + 1);
    }
    out
}

/// "-", "–", "…": a table's cell with no figure.
const NO_FIGURE: &[&str] = &["-", "–", "…", "..."];

/// A line that is one figure alone ("4736,0", "115,59 |", "| 1.350,6 |",
/// "-5,2"): digits, their separators and signs, nothing else.
pub fn figure_cell(text: &str) -> bool {
    let t = text.trim_matches([' ', '|']).as_bytes();
    // A letter or most signs at the start end the test at once.
    t.first()
        .is_some_and(|b| b.is_ascii_digit() || b"-+(,.".contains(b))
        && t.len() <= 24
        && t.iter().any(u8::is_ascii_digit)
        && t.iter()
            .all(|b| b.is_ascii_digit() || b" .,%+-()".contains(b))
}

/// A line that can be a table's cell: short, not a finished sentence.
fn short_cell(text: &str, chars: usize) -> bool {
    chars <= 72 && !text.trim_end().ends_with(['.', ';', '!', '?'])
}

/// A new paragraph's text, from its first line, with room for the lines a
/// paragraph usually gathers (growing it line by line reallocated it about
/// twice a paragraph).
fn paragraph_text(first: std::borrow::Cow<'_, str>) -> String {
    let mut text = String::with_capacity(first.len() * 4);
    text.push_str(&first);
    text
}

/// Appends a line to a paragraph, with a space unless the paragraph ends in
/// a hyphen glued to a word.
pub fn append(p: &mut Para, line: Line<'_>) {
    if !glued_hyphen(&p.text) {
        p.text.push(' ');
    }
    let offset = p.text.len();
    p.lines.push((offset, line.block));
    p.notes.extend(line.notes.into_iter().map(|mut n| {
        n.start += offset;
        n.end += offset;
        n
    }));
    p.text.push_str(&line.text);
}

fn glued_hyphen(text: &str) -> bool {
    let mut rev = text.chars().rev();
    rev.next() == Some('-') && rev.next().is_some_and(|c| !c.is_whitespace())
}

fn opens_body(n: &numbering::Numbering) -> bool {
    matches!(n.style, Style::Part | Style::Roman | Style::Letter)
        || (n.style == Style::Arabic(1) && n.value == 1)
}

fn opens_closing(text: &str, zone: Zone, prev: Option<&Para>) -> bool {
    if crate::starts_with_ci(text, "nơi nhận") {
        return true;
    }
    if zone == Zone::Body {
        if prev.is_some_and(|p| p.text.trim_end().ends_with("./.")) {
            return true;
        }
        return ["TM. ", "KT. ", "TL. ", "TUQ. "]
            .iter()
            .any(|p| text.starts_with(p));
    }
    false
}

/// The length (in characters) from which a line counts as filled to the
/// page width: 85% of the 75th percentile of line lengths.
fn full_width(lens: &[usize]) -> usize {
    let mut lens = lens.to_vec();
    if lens.is_empty() {
        return usize::MAX;
    }
    lens.sort_unstable();
    let p75 = lens[lens.len() * 3 / 4];
    (p75 * 85 / 100).max(20)
}

pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches(['”', '"', '’', ')', '»']);
    t.ends_with(['.', ';', ':', '!', '?', '…'])
}

fn starts_upper(text: &str) -> bool {
    text.trim_start_matches(['“', '"', '(', '‘', '«'])
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn is_bullet(text: &str) -> bool {
    ["- ", "+ ", "• ", "– ", "* "]
        .iter()
        .any(|b| text.starts_with(b))
}

fn is_upper_text(text: &str) -> bool {
    let mut letters = text
        .chars()
        .filter(|c| baocao_domain::text::is_alphabetic(*c))
        .peekable();
    letters.peek().is_some() && letters.all(|c| !c.is_lowercase())
}

/// "Phần thứ hai" with its title still to come. Only a part number can be
/// one, so only that reading is tried (`numbering::parse` would also read,
/// and copy the label of, every "1." paragraph before answering no).
fn is_bare_part(text: &str) -> bool {
    numbering::part(text).is_some_and(|n| n.title_start >= text.len())
}

/// The number of a paragraph that is a heading waiting for its next line:
/// numbered, no finished sentence (`finished`: `ends_sentence`), short.
fn open_heading(p: &Para, finished: bool) -> Option<numbering::Numbering> {
    // 200 characters of Vietnamese are at most 600 bytes.
    if finished || p.text.len() > 600 {
        return None;
    }
    numbering::parse(&p.text)
}

fn starts_new(
    p: &Para,
    line: &Line<'_>,
    num: Option<&numbering::Numbering>,
    zone: Zone,
    prev_full: bool,
    in_tasks: bool,
    full: usize,
) -> bool {
    if line.blank_before || zone == Zone::Closing {
        return true;
    }
    let text: &str = &line.text;
    if glued_hyphen(&p.text) {
        return false; // "789-" / "KL/TU": one word split at the line end
    }
    let finished = ends_sentence(&p.text);
    // The paragraph's number, read once for the tests below.
    let open = open_heading(p, finished);
    let heading = open
        .as_ref()
        .is_some_and(|n| !(in_tasks && n.style == Style::Arabic(1)));
    if let Some(n) = num {
        let strong = matches!(n.style, Style::Part | Style::Roman | Style::Letter)
            && is_upper_text(&text[n.title_start..]);
        // After an all-caps line (a title), a number opens the first item.
        if strong || finished || heading || is_upper_text(&p.text) {
            return true;
        }
    }
    if is_bullet(text) && (finished || heading || zone == Zone::Front) {
        return true;
    }
    if heading {
        if is_upper_text(&p.text[open.as_ref().map_or(0, |n| n.title_start)..])
            && is_upper_text(text)
        {
            return false; // an all-caps heading over two lines
        }
        // A heading filled to the width is still a heading: a capital opens
        // the paragraph under it. (A numbered sentence that wraps onto a
        // capitalised word is split here; tasks rejoin such splits.)
        // A line opening with a digit continues a heading only if the
        // heading's line was filled to the width ("... ngày" / "11/01/2024").
        return text.starts_with(char::is_uppercase)
            || (text.starts_with(|c: char| c.is_ascii_digit()) && !prev_full);
    }
    if zone == Zone::Front {
        // A web page's posting line under its headline ("15:3, Thứ Năm,
        // 7-7-2022", "03/09/2018") is no wrapped part of it, and the line
        // after it opens a paragraph of its own.
        return (starts_upper(text) && !text.starts_with(|c: char| c.is_ascii_digit()))
            || crate::metadata::is_posting_line(text)
            || crate::metadata::is_posting_line(&p.text);
    }
    if zone == Zone::Body && sub_heading(p, full) && (starts_upper(text) || is_bullet(text)) {
        return true;
    }
    // "...tăng 7,6%." then "Tình hình sâu bệnh": a short title after a
    // finished sentence is a sub-heading even when the sentence filled its
    // line (one paragraph a line, where every line is "full").
    if zone == Zone::Body && finished && title_like(text, full) {
        return true;
    }
    finished && !prev_full && starts_upper(text)
}

/// An unnumbered sub-heading ("Cây lúa", "Cây hằng năm và cây lâu năm"):
/// one line, well short of the page width, capitalised, no punctuation at
/// the end. A wrapped sentence fills its lines to the width.
fn sub_heading(p: &Para, full: usize) -> bool {
    p.lines.len() == 1 && title_like(&p.text, full)
}

/// One line that reads as a title: well short of the page width,
/// capitalised, no punctuation at the end.
fn title_like(text: &str, full: usize) -> bool {
    let t = text.trim_end();
    t.chars().count() * 2 <= full
        && t.chars().next().is_some_and(char::is_uppercase)
        && !t.ends_with(|c: char| c.is_ascii_punctuation() || matches!(c, '…' | '”' | '’'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line<'_>> {
        text.lines()
            .map(|t| Line {
                text: t.into(),
                ..Line::default()
            })
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        join(lines(text)).into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn headings_titles_and_wrapped_lines() {
        let t = texts(
            "I. TÌNH HÌNH KINH TẾ - XÃ HỘI\n1.1. Sản xuất công nghiệp\nChỉ số sản xuất công nghiệp (IIP) tháng 5/2024 tăng 17,32% so với tháng\n5/2023, tăng 10,38%. Nguyên nhân chủ yếu là do mở rộng sản xuất và hoạt\nđộng ổn định.\nGiá trị sản xuất công nghiệp",
        );
        assert_eq!(
            t,
            [
                "I. TÌNH HÌNH KINH TẾ - XÃ HỘI",
                "1.1. Sản xuất công nghiệp",
                "Chỉ số sản xuất công nghiệp (IIP) tháng 5/2024 tăng 17,32% so với tháng 5/2023, tăng 10,38%. Nguyên nhân chủ yếu là do mở rộng sản xuất và hoạt động ổn định.",
                "Giá trị sản xuất công nghiệp"
            ]
        );
    }

    #[test]
    fn heading_over_two_lines_and_glued_hyphens() {
        let t = texts(
            "I. KẾT QUẢ\n3.1. Công tác cải cách hành chính, chuyển đổi số; tiếp dân, giải quyết\nkhiếu nại tố cáo\nSo sánh với cùng kỳ năm 2023: giảm 07 vụ (-\n21,9%); Kết luận số 120-\nKL/TU và xuất -\nnhập khẩu.",
        );
        assert_eq!(
            t[1],
            "3.1. Công tác cải cách hành chính, chuyển đổi số; tiếp dân, giải quyết khiếu nại tố cáo"
        );
        assert_eq!(
            t[2],
            "So sánh với cùng kỳ năm 2023: giảm 07 vụ (-21,9%); Kết luận số 120-KL/TU và xuất - nhập khẩu."
        );
    }

    #[test]
    fn a_numbered_item_continues_on_a_date() {
        let t = texts(
            "II. NHIỆM VỤ\n1. Tiếp tục thực hiện có hiệu quả Kế hoạch số 02/KH-UBND ngày\n11/01/2024 của UBND tỉnh.\n2. Tập trung.",
        );
        assert_eq!(
            t[1],
            "1. Tiếp tục thực hiện có hiệu quả Kế hoạch số 02/KH-UBND ngày 11/01/2024 của UBND tỉnh."
        );
        assert_eq!(t[2], "2. Tập trung.");
    }

    #[test]
    fn zones() {
        let p = join(lines(
            "nhiệm vụ trọng tâm tháng 6\nI. TÌNH HÌNH\nVăn bản cuối cùng./.\nNơi nhận:\n- Văn phòng Chính phủ;\n- Lưu: VT, TH.\nTM. UỶ BAN NHÂN DÂN\nKT. CHỦ TỊCH",
        ));
        let zones: Vec<Zone> = p.iter().map(|p| p.zone).collect();
        assert_eq!(
            zones,
            [
                Zone::Front,
                Zone::Body,
                Zone::Body,
                Zone::Closing,
                Zone::Closing,
                Zone::Closing,
                Zone::Closing,
                Zone::Closing
            ]
        );
    }
}
