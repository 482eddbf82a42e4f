//! Footnote markers: digits glued to the token before them ("5/20231",
//! "36,44%2", "chú trọng3", "năm 202419").
//!
//! A marker cannot be told from a number by its look alone, so the search is
//! guided by what else is known: footnotes are numbered 1, 2, 3 ... in
//! reading order, and a footnote's body stands at the foot of the page whose
//! text holds its marker. Marker n is therefore looked for after marker
//! n - 1, first in the text of the page (footnote block) its body is on.
//! Found markers are rewritten as superscript digits in the normalized text,
//! so later stages never read "5/20231" as a number.

use crate::layout::FootnoteBody;
use crate::paragraphs::Para;
#[cfg(test)]
use crate::paragraphs::Zone;

/// A marker found in a paragraph, in the paragraph's rewritten text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    pub number: u32,
    pub para: usize,
    pub start: usize,
    pub end: usize,
}

/// Alphabetic tokens that end in a digit without it being a marker: units
/// (m3, km2), formulas (CO2), PM2.5, F0.
const NOT_MARKERS: &[&str] = &[
    "m", "km", "cm", "mm", "dm", "co", "so", "no", "nh", "ch", "pm", "h", "n", "f", "g", "covid",
    "sars", "cov", "mb", "gb", "kv", "kw", "mw", "gw", "kwh", "euro", "lớp", "khối", "tầng",
];

#[derive(Debug, Clone, Copy)]
struct Run {
    /// Start of the token the digits end ("5/2023" in "5/20231").
    token_start: usize,
    start: usize,
    end: usize,
}

/// The index of the first ASCII digit in `b` at or after `from`. Eight
/// bytes are tested at a time as one word: a byte is a digit when it xor
/// 0x30 is below 10, and the word test below flags exactly such bytes up
/// to the first (a borrow only runs upward from a byte below 10), so the
/// lowest flag is the first digit. Most of a report's bytes are letters.
/// (A 16-byte block test followed by a search for the digit cost ~4
/// instructions a byte.)
fn next_digit(b: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let mut at = from;
    while let Some(chunk) = b.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let t = word ^ (ONES * 0x30);
        let flags = t.wrapping_sub(ONES * 10) & !t & HIGH;
        if flags != 0 {
            return Some(at + (flags.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    b[at.min(b.len())..]
        .iter()
        .position(u8::is_ascii_digit)
        .map(|i| at + i)
}

fn runs(text: &str) -> Vec<Run> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(at) = next_digit(b, i) {
        i = at;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let end = i;
        let boundary = match b.get(end) {
            None => true,
            Some(&c) if c == b'.' || c == b',' => !b.get(end + 1).is_some_and(u8::is_ascii_digit),
            Some(&c) => {
                c.is_ascii_whitespace()
                    || matches!(c, b';' | b':' | b')' | b'!' | b'?' | b']' | b'"')
                    || text[end..].starts_with(['”', '…', '’'])
            }
        };
        if !boundary {
            continue;
        }
        let mut token_start = start;
        while token_start > 0 && matches!(b[token_start - 1], b'0'..=b'9' | b'/' | b'.' | b',') {
            token_start -= 1;
        }
        out.push(Run {
            token_start,
            start,
            end,
        });
    }
    out
}

/// The forms a web copy leaves a marker in once its superscript is lost,
/// where the digits `n` make the whole run: in brackets ("ha)[1]so"),
/// after a percent or a closing bracket and one space, before a clause's
/// or sentence's end ("6,3% 1;", "8% 2."), or glued to them ("4,8%3 do").
/// The marker's span (brackets and space included), if the run is one.
fn web_marker(text: &str, run: &Run, n: &str) -> Option<(usize, usize)> {
    if run.token_start != run.start || &text[run.start..run.end] != n {
        return None;
    }
    let b = text.as_bytes();
    let (s, e) = (run.start, run.end);
    let before = s.checked_sub(1).map(|i| b[i]);
    let after = b.get(e).copied();
    if before == Some(b'[') && after == Some(b']') && s >= 2 && !b[s - 2].is_ascii_whitespace() {
        return Some((s - 1, e + 1));
    }
    if matches!(before, Some(b'%' | b')')) {
        return Some((s, e));
    }
    if before == Some(b' ')
        && s >= 2
        && matches!(b[s - 2], b'%' | b')')
        && matches!(after, None | Some(b';' | b',' | b'.'))
    {
        return Some((s - 1, e));
    }
    None
}

/// Where the marker for `n` stands in this run, if the run can hold it.
fn marker_start(text: &str, run: &Run, n: &str) -> Option<(usize, usize)> {
    if let Some(span) = web_marker(text, run, n) {
        return Some(span);
    }
    marker_glued(text, run, n).map(|s| (s, run.end))
}

fn marker_glued(text: &str, run: &Run, n: &str) -> Option<usize> {
    let digits = &text[run.start..run.end];
    if !digits.ends_with(n) {
        return None;
    }
    let s = run.end - n.len();
    if s == run.start && run.token_start == run.start {
        let before = text[..s].chars().next_back()?;
        if baocao_domain::text::is_alphabetic(before) {
            let word_start = text[..s]
                .char_indices()
                .rev()
                .take_while(|(_, c)| baocao_domain::text::is_alphabetic(*c))
                .last()
                .map_or(s, |(i, _)| i);
            let word = text[word_start..s].to_lowercase();
            return (!NOT_MARKERS.contains(&word.as_str())).then_some(s);
        }
        return matches!(before, '%' | ')' | '”' | '"' | '’' | '.' | '…').then_some(s);
    }
    // Glued to a number: only a year ("2024", "5/2023", "15/5/2024") can
    // carry a marker without becoming another number.
    let rest = &text[run.token_start..s];
    let before_token = text[..run.token_start].chars().next_back();
    // A year range "2023-2024" carries one too.
    if before_token.is_some_and(|c| !(c.is_whitespace() || matches!(c, '(' | '-' | '–'))) {
        return None;
    }
    is_year_token(rest).then_some(s)
}

fn is_year_token(t: &str) -> bool {
    let parts: Vec<&str> = t.split('/').collect();
    let Some((year, head)) = parts.split_last() else {
        return false;
    };
    head.len() <= 2
        && head
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        && year.len() == 4
        && year
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y))
}

fn block_at(p: &Para, offset: usize) -> usize {
    p.lines
        .iter()
        .take_while(|(o, _)| *o <= offset)
        .last()
        .map_or(0, |(_, b)| *b)
}

/// Finds the markers of `footnotes` in `paras` and rewrites them as
/// superscripts. Returns the markers found (positions in the rewritten
/// text); a footnote whose marker is not found has none.
pub fn find_and_rewrite(paras: &mut [Para], footnotes: &[FootnoteBody]) -> Vec<Marker> {
    // Each paragraph's digit runs, found when a search first reaches it:
    // searches stop at the page of their footnote, so the paragraphs after
    // the last footnote's page (and every paragraph of a report without
    // footnotes) are never read.
    let all_runs: Vec<std::cell::OnceCell<Vec<Run>>> =
        paras.iter().map(|_| std::cell::OnceCell::new()).collect();
    let mut found: Vec<Marker> = Vec::new();
    let mut cursor = (0usize, 0usize);
    for f in footnotes {
        let n = f.number.to_string();
        let hit = search(paras, &all_runs, cursor, f.block, &n, true)
            .or_else(|| search(paras, &all_runs, cursor, f.block, &n, false));
        if let Some((pi, s, e)) = hit {
            found.push(Marker {
                number: f.number,
                para: pi,
                start: s,
                end: e,
            });
            cursor = (pi, e);
        }
    }
    if footnotes.is_empty() {
        found = web_markers(paras);
    }
    rewrite(paras, &mut found);
    found
}

/// The markers of a report whose footnote bodies are lost (a web copy):
/// only the forms of [`web_marker`], and only numbered 1, 2, 3 ... in
/// reading order, as footnotes are. They have no body.
fn web_markers(paras: &[Para]) -> Vec<Marker> {
    let mut found = Vec::new();
    let mut next = 1u32;
    for (pi, p) in paras.iter().enumerate() {
        if !p.text.contains(['%', ')', ']']) {
            continue;
        }
        for r in runs(&p.text) {
            let n = next.to_string();
            if let Some((start, end)) = web_marker(&p.text, &r, &n) {
                found.push(Marker {
                    number: next,
                    para: pi,
                    start,
                    end,
                });
                next += 1;
            }
        }
    }
    found
}

fn search(
    paras: &[Para],
    runs: &[std::cell::OnceCell<Vec<Run>>],
    cursor: (usize, usize),
    block: usize,
    n: &str,
    same_page: bool,
) -> Option<(usize, usize, usize)> {
    for (pi, p) in paras.iter().enumerate().skip(cursor.0) {
        if p.lines.first().is_some_and(|(_, b)| *b > block) {
            return None;
        }
        let from = if pi == cursor.0 { cursor.1 } else { 0 };
        let para_runs = runs[pi].get_or_init(|| self::runs(&p.text));
        for r in para_runs.iter().filter(|r| r.start >= from) {
            let b = block_at(p, r.start);
            if b > block {
                return None;
            }
            if same_page && b != block {
                continue;
            }
            if let Some((s, e)) = marker_start(&p.text, r, n) {
                return Some((pi, s, e));
            }
        }
    }
    None
}

fn superscript(n: u32) -> String {
    n.to_string()
        .chars()
        .map(|c| match c {
            '0' => '⁰',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '4' => '⁴',
            '5' => '⁵',
            '6' => '⁶',
            '7' => '⁷',
            '8' => '⁸',
            _ => '⁹',
        })
        .collect()
}

/// The superscript form of a footnote number, as the normalized text writes
/// markers and footnote bodies.
pub fn marker_text(n: u32) -> String {
    superscript(n)
}

fn rewrite(paras: &mut [Para], markers: &mut [Marker]) {
    for (pi, p) in paras.iter_mut().enumerate() {
        let mut mine: Vec<&mut Marker> = markers.iter_mut().filter(|m| m.para == pi).collect();
        if mine.is_empty() {
            continue;
        }
        mine.sort_by_key(|m| m.start);
        let old = std::mem::take(&mut p.text);
        let mut new = String::with_capacity(old.len() + 8 * mine.len());
        let mut shifts: Vec<(usize, isize)> = Vec::new();
        let mut last = 0;
        for m in mine {
            new.push_str(&old[last..m.start]);
            let sup = superscript(m.number);
            let start = new.len();
            new.push_str(&sup);
            shifts.push((m.end, sup.len() as isize - (m.end - m.start) as isize));
            last = m.end;
            m.start = start;
            m.end = new.len();
        }
        new.push_str(&old[last..]);
        let map = |pos: usize| -> usize {
            let d: isize = shifts
                .iter()
                .filter(|(e, _)| *e <= pos)
                .map(|(_, d)| d)
                .sum();
            (pos as isize + d) as usize
        };
        for n in &mut p.notes {
            n.start = map(n.start);
            n.end = map(n.end);
        }
        for l in &mut p.lines {
            l.0 = map(l.0);
        }
        p.text = new;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word-wide digit search finds what a byte search finds, from
    /// every start, on the seed's bytes and on every byte value.
    #[test]
    fn next_digit_agrees_with_a_byte_search() {
        let seed = include_bytes!("../../../testdata/reports/000_5b1c2bc8d5408b7b.txt");
        let every: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
        for b in [&seed[..], &every[..], b"", b"7", b"abcdefgh9", b"abcdefghi"] {
            for from in 0..=b.len() {
                let slow = b[from..]
                    .iter()
                    .position(u8::is_ascii_digit)
                    .map(|i| from + i);
                assert_eq!(next_digit(b, from), slow, "from {from}");
            }
        }
    }

    fn para(text: &str, block: usize) -> Para {
        Para {
            text: text.to_owned(),
            zone: Zone::Body,
            lines: vec![(0, block)],
            notes: vec![],
            cell: false,
        }
    }

    fn fns(list: &[(u32, usize)]) -> Vec<FootnoteBody<'static>> {
        list.iter()
            .map(|&(number, block)| FootnoteBody {
                number,
                block,
                lines: vec![],
            })
            .collect()
    }

    #[test]
    fn markers_glued_to_years_percents_words_and_brackets() {
        let mut p = vec![
            para(
                "tăng 17,32% so với tháng 5/20231, tăng 36,44%2; được chú trọng3. Giá bán 9-10 nghìn đồng/kg4.",
                0,
            ),
            para(
                "triển khai các nhiệm vụ năm 202419. Tăng 01 người (7,1%)20.",
                1,
            ),
        ];
        let m = find_and_rewrite(
            &mut p,
            &fns(&[(1, 0), (2, 0), (3, 0), (4, 0), (19, 1), (20, 1)]),
        );
        assert_eq!(m.len(), 6);
        assert_eq!(
            p[0].text,
            "tăng 17,32% so với tháng 5/2023¹, tăng 36,44%²; được chú trọng³. Giá bán 9-10 nghìn đồng/kg⁴."
        );
        assert_eq!(
            p[1].text,
            "triển khai các nhiệm vụ năm 2024¹⁹. Tăng 01 người (7,1%)²⁰."
        );
        assert_eq!(&p[1].text[m[4].start..m[4].end], "¹⁹");
    }

    #[test]
    fn plain_numbers_and_units_are_not_markers() {
        let mut p = vec![para(
            "đạt 3 tỷ đồng, khai thác 1,9 triệu m3, 12/15 khoản thu, năm 2022; có 10/10 huyện.",
            0,
        )];
        let m = find_and_rewrite(&mut p, &fns(&[(3, 0)]));
        assert!(m.is_empty(), "{m:?}");
        let m = find_and_rewrite(&mut p, &fns(&[(2, 0)]));
        assert!(m.is_empty(), "{m:?}");
    }

    #[test]
    fn the_marker_is_looked_for_on_its_footnote_page_first() {
        // "tháng3" on page 0 is a typo-like token; footnote 3's body is on
        // page 1, so its marker is the one on page 1.
        let mut p = vec![para("lần thứ3 trong năm.", 0), para("được chú trọng3.", 1)];
        let m = find_and_rewrite(&mut p, &fns(&[(3, 1)]));
        assert_eq!(m[0].para, 1);
    }

    #[test]
    fn web_copy_forms_with_and_without_bodies() {
        // With bodies: the spaced and bracketed forms are found too.
        let mut p = vec![para("đạt 6,3% 1; giảm 2,1% (giảm 5 ha)[2]so với.", 0)];
        let m = find_and_rewrite(&mut p, &fns(&[(1, 0), (2, 0)]));
        assert_eq!(m.len(), 2);
        assert_eq!(p[0].text, "đạt 6,3%¹; giảm 2,1% (giảm 5 ha)²so với.");
        // Without bodies: only 1, 2, 3 ... in reading order; a digit that
        // is not the next number, or a count after a percent, stays.
        let mut p = vec![para(
            "tăng 5% 2; đạt 4,8%1 do; bằng 3% 5 lần; tăng 8% 2. Đạt (7%)3.",
            0,
        )];
        let m = find_and_rewrite(&mut p, &[]);
        assert_eq!(m.iter().map(|m| m.number).collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!(
            p[0].text,
            "tăng 5% 2; đạt 4,8%¹ do; bằng 3% 5 lần; tăng 8%². Đạt (7%)³."
        );
    }
}
