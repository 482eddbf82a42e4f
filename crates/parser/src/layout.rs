//! Page furniture: splits extracted text into body lines and footnote
//! bodies, dropping what belongs to the page rather than the report.
//!
//! Text extracted from a PDF carries its pages with it: a blank line after
//! every line, a separator line (spaces, underscores or dashes) above the
//! footnotes at a page's foot, footnote bodies "N text" continuing over
//! lines, a lone page number, and the next page's first line starting with a
//! space. See `design.md` for the rules and why.

use std::borrow::Cow;

use crate::diacritics::Note;

/// One line of text with page furniture removed: borrowed from the text
/// `split` was given unless cleaning or a repair changed it (most lines
/// are only copied once, into their paragraph).
#[derive(Debug, Clone, Default)]
pub struct Line<'a> {
    pub text: Cow<'a, str>,
    /// How many footnote blocks came before this line: markers for the
    /// footnotes of block `b` stand in body lines of block `b` (their page).
    pub block: usize,
    /// The line opened a page (after a page number, a form feed or a
    /// footnote block) or had the leading space that marks one.
    pub page_start: bool,
    /// A blank line preceded it in a document where blank lines separate
    /// paragraphs (not one where every line is followed by a blank).
    pub blank_before: bool,
    pub notes: Vec<Note>,
    /// A cell of a table row laid out on one line (see `row_lines`): a
    /// table's cell even where it ends like a sentence ("Tháng 1 - Jan.").
    pub row_cell: bool,
}

/// The body of one footnote, as lines.
#[derive(Debug, Clone)]
pub struct FootnoteBody<'a> {
    pub number: u32,
    pub block: usize,
    pub lines: Vec<Line<'a>>,
}

#[derive(Debug, Default)]
pub struct Layout<'a> {
    pub body: Vec<Line<'a>>,
    pub footnotes: Vec<FootnoteBody<'a>>,
    /// Footnote numbers that skipped ahead of the expected sequence:
    /// (expected, found).
    pub footnote_gaps: Vec<(u32, u32)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blank,
    Separator,
    PageNumber,
    FormFeed,
    Text,
}

fn classify(raw: &str) -> Kind {
    // (`trim` is `trim_matches(char::is_whitespace)`.) Blank first: a line
    // of text stops at its first character, where looking for the form
    // feed reads it whole.
    let t = raw.trim();
    if t.is_empty() && raw.as_bytes().contains(&0x0c) {
        return Kind::FormFeed;
    }
    if t.is_empty() {
        // A long run of spaces is the line PDF extraction leaves for the
        // rule above a page's footnotes.
        return if raw.chars().count() >= 10 {
            Kind::Separator
        } else {
            Kind::Blank
        };
    }
    if t.len() >= 5 && t.chars().all(|c| matches!(c, '_' | '-' | '—' | '–' | '─')) {
        return Kind::Separator;
    }
    if is_page_number(t) {
        return Kind::PageNumber;
    }
    Kind::Text
}

/// "4", "- 4 -", "Trang 4".
fn is_page_number(t: &str) -> bool {
    // What the trims below leave at the end is a digit only if `t` ends
    // with a digit or one of the trimmed characters: most lines end with a
    // letter or punctuation and stop here.
    if !t.ends_with(|c: char| c.is_ascii_digit() || c == '-' || c == '–' || c.is_whitespace()) {
        return false;
    }
    let t = t.strip_prefix("Trang ").unwrap_or(t);
    let t = t.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()) && t != "0"
}

/// "12 text" -> (12, "text") for a footnote body's first line.
fn footnote_start(t: &str) -> Option<(u32, &str)> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &t[digits..];
    let body = rest.strip_prefix(' ').or_else(|| rest.strip_prefix('\t'))?;
    let first = body.trim_start().chars().next()?;
    // "74 nghìn đồng/kg" continues a footnote's line; a body starts with a
    // letter, an opening quote or bracket.
    if first.is_ascii_digit() && !t.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((t[..digits].parse().ok()?, body.trim_start()))
}

/// Splits normalized (NFC) text into body lines and footnote bodies.
pub fn split(text: &str) -> Layout<'_> {
    // The lines, as `split('\n')` gives them, found with memchr's
    // iterator: `str::split` costs ~200 instructions a line here.
    let mut raw: Vec<&str> =
        Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]) {
        let l = &text[start..end];
        raw.push(l.strip_suffix('\r').unwrap_or(l));
        start = end + 1;
    }
    let mut kinds: Vec<Kind> = raw.iter().map(|l| classify(l)).collect();
    // "418" / "422" / "1.252" in a table laid out one cell a line: a lone
    // number followed by another figure is a cell, not a page number.
    for i in 0..kinds.len() {
        if kinds[i] == Kind::PageNumber
            && let Some(j) = (i + 1..kinds.len()).find(|&j| kinds[j] != Kind::Blank)
            && (kinds[j] == Kind::PageNumber || crate::paragraphs::figure_cell(raw[j]))
        {
            kinds[i] = Kind::Text;
        }
    }
    let blanks_meaningful = !double_spaced(&kinds);
    // Tables whose columns a PDF's text keeps by spaces, one row a line:
    // each row's cells become lines of their own (empty for most texts).
    let rows = row_lines(&raw, &kinds);

    let mut out = Layout::default();
    // A body line is one of the text's lines: one allocation, not a dozen
    // growing copies.
    out.body.reserve(raw.len());
    let mut in_footnotes = false;
    let mut block = 0usize;
    let mut next_page_start = false;
    let mut pending_blank = false;
    // The footnote number expected next.
    let mut expected = 1u32;
    // The next line is the first under a separator: any footnote number
    // may open it (an excerpt may start at footnote 6).
    let mut first_in_block = false;
    for (i, line) in raw.iter().enumerate() {
        match kinds[i] {
            Kind::Blank => {
                pending_blank = true;
                continue;
            }
            Kind::Separator => {
                in_footnotes = true;
                first_in_block = true;
                continue;
            }
            Kind::PageNumber | Kind::FormFeed => {
                if in_footnotes {
                    in_footnotes = false;
                    block += 1;
                }
                next_page_start = true;
                pending_blank = false;
                continue;
            }
            Kind::Text => {}
        }
        let leading_space = line.starts_with([' ', '\t', '\u{c}']);
        let text = clean(line);
        if in_footnotes {
            if leading_space {
                // The next page's first line: the footnote block is over.
                in_footnotes = false;
                block += 1;
                next_page_start = true;
            } else {
                let first = std::mem::take(&mut first_in_block);
                match footnote_start(&text) {
                    Some((n, body)) if n >= expected && (first || n <= expected + 3) => {
                        if n != expected {
                            out.footnote_gaps.push((expected, n));
                        }
                        expected = n + 1;
                        out.footnotes.push(FootnoteBody {
                            number: n,
                            block,
                            lines: vec![Line {
                                text: Cow::Owned(body.to_owned()),
                                block,
                                ..Line::default()
                            }],
                        });
                    }
                    _ => match out.footnotes.last_mut() {
                        Some(f) => f.lines.push(Line {
                            text,
                            block,
                            ..Line::default()
                        }),
                        // Text under a separator that is not a footnote: the
                        // separator was only a wide blank line.
                        None => {
                            in_footnotes = false;
                            push_body(
                                &mut out,
                                text,
                                block,
                                false,
                                pending_blank && blanks_meaningful,
                            );
                        }
                    },
                }
                pending_blank = false;
                continue;
            }
        }
        let page_start = next_page_start || leading_space;
        next_page_start = false;
        if let Some(Some(cells)) = rows.get(i) {
            // A head's line stacked under the line above it ("Prel." /
            // "2021" under "Sơ bộ") went onto that line's heads: nothing.
            for (k, cell) in cells.iter().enumerate() {
                push_body(
                    &mut out,
                    Cow::Owned(cell.clone()),
                    block,
                    page_start && k == 0,
                    pending_blank && blanks_meaningful && k == 0,
                );
                if let Some(l) = out.body.last_mut() {
                    l.row_cell = true;
                }
            }
            pending_blank = false;
            continue;
        }
        push_body(
            &mut out,
            text,
            block,
            page_start,
            pending_blank && blanks_meaningful,
        );
        pending_blank = false;
    }
    out
}

/// "-", "–", "…": a cell with no figure in a row of figures.
const NO_FIGURE: &[&str] = &["-", "–", "…", "..."];

/// A row of a table whose columns are kept by spaces ("Khai khoáng -
/// Mining and quarrying        93,71  111,12  103,14"; a yearbook page's
/// text, single-spaced too: "Giao thông - Transport 92,76 98,92 105,94"):
/// where its label ends and each figure's byte range in `line` (trimmed at
/// its end). Two figures at least. Where runs of spaces set the columns,
/// the first figure stands after such a run ("Năm trước = 100 - Previous
/// year = 100    102,57": "100" is the label's).
fn row_cells(line: &str) -> Option<(usize, Vec<(usize, usize)>)> {
    let t = line.trim_end();
    let last = *t.as_bytes().last()?;
    // (Most lines end in a letter or a stop: one byte decides.)
    if !(last.is_ascii_digit() || last == b'-' || t.ends_with("...") || t.ends_with('…')) {
        return None;
    }
    let mut values = Vec::new();
    let mut end = t.len();
    while end > 0 {
        let start = t[..end].rfind(' ').map_or(0, |p| p + 1);
        let tok = &t[start..end];
        if !(crate::paragraphs::figure_cell(tok) || NO_FIGURE.contains(&tok)) {
            break;
        }
        values.push((start, end));
        end = t[..start].trim_end_matches(' ').len();
    }
    values.reverse();
    if t.trim_start().contains("  ") {
        // Columns kept by spaces: drop figures glued to the label.
        while let Some(&(s, _)) = values.first() {
            if t[..s].ends_with("  ") || t[..s].trim().is_empty() {
                break;
            }
            values.remove(0);
        }
    }
    if values.len() < 2 {
        return None;
    }
    let label_end = values[0].0;
    let label = t[..label_end].trim();
    // A sentence ending in figures is no row.
    if label.ends_with([',', ';']) || label.contains(". ") || label.contains('%') {
        return None;
    }
    Some((label_end, values))
}

/// Whether a row's figures hold a digit (not only "-").
fn has_figure(line: &str, values: &[(usize, usize)]) -> bool {
    values
        .iter()
        .any(|&(s, e)| line[s..e].bytes().any(|b| b.is_ascii_digit()))
}

/// The segments of a line split at runs of two spaces or more, with the
/// character column each starts and ends at.
fn segments(line: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let (mut col, mut start, mut spaces) = (0usize, None::<(usize, usize)>, 0usize);
    let mut last_end = (0usize, 0usize);
    for (b, c) in line.char_indices() {
        if c == ' ' {
            spaces += 1;
        } else {
            if spaces >= 2 || start.is_none() {
                if let Some((sb, sc)) = start {
                    out.push((sc, last_end.1, &line[sb..last_end.0]));
                }
                start = Some((b, col));
            }
            spaces = 0;
            last_end = (b + c.len_utf8(), col + 1);
        }
        col += 1;
    }
    if let Some((sb, sc)) = start {
        out.push((sc, last_end.1, &line[sb..last_end.0]));
    }
    out
}

/// A row found: its line, where its label ends, its figures' ranges.
type FoundRow = (usize, usize, Vec<(usize, usize)>);

/// The most lines between a table's column heads and its first row.
const HEAD_GAP: usize = 8;

/// The cells of each line of a table laid out one row a line, by line
/// (`None`: not such a line; `Some(empty)`: a head's line stacked under
/// the heads, gone onto them). Rows are split into their label and
/// figures; the column heads above the first row, where runs of spaces
/// set them ("2015   2018    2019   2020   Sơ bộ"), into heads, each with
/// the lines stacked under it in its column ("Prel." / "2021"). Two rows
/// with figures at least, else nothing: the cells go to the one-cell-a-
/// line table reader (`paragraphs::table_lines`, `obs::table`), which
/// reads a table only when its heads and rows agree. Empty for a text
/// with no such rows (most lines end in a letter or a stop: one byte
/// test).
fn row_lines(raw: &[&str], kinds: &[Kind]) -> Vec<Option<Vec<String>>> {
    let mut found: Vec<FoundRow> = Vec::new();
    for (i, line) in raw.iter().enumerate() {
        if kinds[i] == Kind::Text
            && let Some((label_end, values)) = row_cells(line)
        {
            found.push((i, label_end, values));
        }
    }
    if found
        .iter()
        .filter(|(i, _, v)| has_figure(raw[*i].trim_end(), v))
        .count()
        < 2
    {
        return Vec::new();
    }
    let mut out: Vec<Option<Vec<String>>> = vec![None; raw.len()];
    let mut prev_row = None::<usize>;
    for (i, label_end, values) in &found {
        let t = raw[*i].trim_end();
        let mut cells = Vec::with_capacity(values.len() + 1);
        let label = clean(&t[..*label_end]);
        if !label.is_empty() {
            cells.push(label.into_owned());
        }
        cells.extend(values.iter().map(|&(s, e)| t[s..e].to_owned()));
        out[*i] = Some(cells);
        // The first row of a run: its column heads above it.
        if prev_row.is_none_or(|p| p + HEAD_GAP < *i) {
            heads_above(raw, kinds, *i, values.len(), &mut out);
        }
        prev_row = Some(*i);
    }
    out
}

/// The column heads of the rows from `first` on: the nearest line above
/// (within `HEAD_GAP` text lines, no row between) that runs of spaces
/// divide into two short segments or more, and the lines right under it
/// whose every segment starts in one head's columns (stacked: "Sơ bộ" /
/// "Prel." / "2021"). `figures`: the first row's count of figures.
fn heads_above(
    raw: &[&str],
    kinds: &[Kind],
    first: usize,
    figures: usize,
    out: &mut [Option<Vec<String>>],
) {
    let mut seen = 0;
    let mut head = None;
    for j in (0..first).rev() {
        if kinds[j] != Kind::Text {
            continue;
        }
        if out[j].is_some() || seen == HEAD_GAP {
            return;
        }
        seen += 1;
        let segs = segments(raw[j]);
        // One space between heads ("2015 2016 2017 2018 Prel.", "Tháng 7
        // Tháng 8 ..."): periods only, as many as the row's figures.
        if segs.len() == 1
            && let Some(heads) = period_heads(raw[j].trim()).filter(|h| h.len() == figures)
        {
            single_spaced_heads(raw, kinds, j, first, heads, out);
            return;
        }
        // As many heads as figures, or a head over the labels too; no
        // sentence's line (a justified line has runs of spaces too).
        if (2..=figures + 1).contains(&segs.len())
            && segs.iter().all(|s| s.2.chars().count() <= 32)
            && !raw[j].trim_end().ends_with([',', ';', '.'])
        {
            head = Some((j, segs));
            break;
        }
    }
    let Some((h, segs)) = head else { return };
    let mut heads: Vec<String> = segs.iter().map(|s| s.2.to_owned()).collect();
    let mut stacked = Vec::new();
    for j in h + 1..first {
        if kinds[j] != Kind::Text {
            continue;
        }
        let under = segments(raw[j]);
        let cols: Option<Vec<usize>> = under
            .iter()
            .map(|u| segs.iter().position(|s| u.0 + 2 >= s.0 && u.0 <= s.1 + 2))
            .collect();
        let Some(cols) = cols else { break };
        for (u, k) in under.iter().zip(cols) {
            heads[k].push(' ');
            heads[k].push_str(u.2);
        }
        stacked.push(j);
    }
    for j in stacked {
        out[j] = Some(Vec::new());
    }
    out[h] = Some(heads.iter().map(|h| clean(h).into_owned()).collect());
}

/// A line of periods one space apart, each a column's head: years,
/// "Tháng 7", "Quý II", and a last "Prel." (the preliminary year, "Sơ
/// bộ"). `None` when any word is something else.
fn period_heads(t: &str) -> Option<Vec<String>> {
    let mut heads = Vec::new();
    let mut words = t.split(' ').filter(|w| !w.is_empty()).peekable();
    while let Some(w) = words.next() {
        let year = w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
        if year {
            heads.push(w.to_owned());
        } else if ["Tháng", "tháng", "Quý", "quý"].contains(&w)
            && let Some(n) = words.next_if(|n| {
                n.bytes().all(|b| b.is_ascii_digit()) || n.bytes().all(|b| b"IVX".contains(&b))
            })
        {
            heads.push(format!("{w} {n}"));
        } else if w == "Prel." && words.peek().is_none() && !heads.is_empty() {
            heads.push("Sơ bộ".to_owned());
        } else {
            return None;
        }
    }
    (heads.len() >= 2).then_some(heads)
}

/// The heads of line `h` (see `period_heads`), with the English line under
/// them word by word ("July Aug. Sep. ...": each on its head) and a "Sơ
/// bộ" line above the "Prel." it names: both gone onto the heads.
fn single_spaced_heads(
    raw: &[&str],
    kinds: &[Kind],
    h: usize,
    first: usize,
    mut heads: Vec<String>,
    out: &mut [Option<Vec<String>>],
) {
    let next_text = (h + 1..first).find(|&j| kinds[j] == Kind::Text);
    if let Some(j) = next_text {
        let words: Vec<&str> = raw[j].split(' ').filter(|w| !w.is_empty()).collect();
        if raw[j].is_ascii() && words.len() == heads.len() {
            for (head, w) in heads.iter_mut().zip(words) {
                head.push(' ');
                head.push_str(w);
            }
            out[j] = Some(Vec::new());
        }
    }
    if heads.last().is_some_and(|l| l == "Sơ bộ")
        && let Some(j) = (0..h).rev().find(|&j| kinds[j] == Kind::Text)
        && raw[j].trim() == "Sơ bộ"
        && out[j].is_none()
    {
        out[j] = Some(Vec::new());
    }
    out[h] = Some(heads);
}

fn push_body<'a>(
    out: &mut Layout<'a>,
    text: Cow<'a, str>,
    block: usize,
    page_start: bool,
    blank_before: bool,
) {
    out.body.push(Line {
        text,
        block,
        page_start,
        blank_before,
        notes: Vec::new(),
        row_cell: false,
    });
}

/// Whether blank lines are page furniture: most text lines are followed by
/// exactly one blank line.
fn double_spaced(kinds: &[Kind]) -> bool {
    let mut text_lines = 0usize;
    let mut followed = 0usize;
    let last_text = kinds.iter().rposition(|k| *k == Kind::Text).unwrap_or(0);
    for (i, k) in kinds.iter().enumerate().take(last_text) {
        if *k == Kind::Text {
            text_lines += 1;
            if kinds.get(i + 1) == Some(&Kind::Blank) {
                followed += 1;
            }
        }
    }
    text_lines > 0 && followed * 5 >= text_lines * 3
}

/// Trims a line and folds runs of whitespace into one space.
pub fn clean_line(line: &str) -> String {
    clean(line).into_owned()
}

/// [`clean_line`], borrowing the trimmed line where no spacing changes.
fn clean(line: &str) -> Cow<'_, str> {
    let t = line.trim();
    if !may_need_spacing(t)
        || (!t.contains("  ") && !t.contains(|c: char| c.is_whitespace() && c != ' '))
    {
        return Cow::Borrowed(t);
    }
    let mut out = String::with_capacity(line.len());
    for word in line
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// Whether `t` may hold two spaces in a row or a whitespace character
/// other than a space (a `false` is sure), with two tests the compiler can
/// vectorize: such a character is an ASCII control 0x09..0x0D or opens with
/// 0xC2 (U+0085, U+00A0), 0xE1 0x9A (U+1680), 0xE2 (U+2000..U+205F) or
/// 0xE3 (U+3000).
fn may_need_spacing(t: &str) -> bool {
    let b = t.as_bytes();
    let Some((&last, _)) = b.split_last() else {
        return false;
    };
    let one = |x: u8| (x.wrapping_sub(0x09) < 5) | (x == 0xc2) | (x == 0xe2) | (x == 0xe3);
    // Each byte beside the next, as two slices of one length zipped, in one
    // pass: the compiler drops the bounds and vectorizes. (Two passes over
    // unequal slices cost ~4 instructions a byte.)
    let n = b.len() - 1;
    let pairs = b[..n]
        .iter()
        .zip(&b[1..n + 1])
        .fold(false, |acc, (&x, &y)| {
            acc | ((x == b' ') & (y == b' ')) | ((x == 0xe1) & (y == 0x9a)) | one(x)
        });
    pairs || one(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick test never misses what the string tests find, for every
    /// character alone and between others.
    #[test]
    fn spacing_prefilter_misses_nothing() {
        let slow =
            |t: &str| t.contains("  ") || t.contains(|c: char| c.is_whitespace() && c != ' ');
        for u in 0..=0x10FFFFu32 {
            let Some(c) = char::from_u32(u) else { continue };
            for s in [
                c.to_string(),
                format!("aé{c}ỹ b"),
                format!(" {c} "),
                format!("{c}{c}"),
            ] {
                assert!(!slow(&s) || may_need_spacing(&s), "U+{u:04X}");
            }
        }
        assert!(may_need_spacing("a  b"));
        assert!(!may_need_spacing("Chỉ số sản xuất tăng 17,32%"));
    }

    #[test]
    fn page_furniture_is_removed_and_footnotes_collected() {
        let text = "Chỉ số tăng 17,32% so với tháng \n\n5/20231, tăng 10,38%. \n\n                                           \n1 Trong đó, ngành khai khoáng ước tăng 14,7%; \n\nngành khác tăng 3,4% \n2 Các sản phẩm chủ lực \n câu tiếp theo trang sau. \n\n4 \n\nDòng sau số trang. \n";
        let l = split(text);
        let body: Vec<&str> = l.body.iter().map(|b| b.text.as_ref()).collect();
        assert_eq!(
            body,
            [
                "Chỉ số tăng 17,32% so với tháng",
                "5/20231, tăng 10,38%.",
                "câu tiếp theo trang sau.",
                "Dòng sau số trang."
            ]
        );
        assert_eq!(l.body[2].block, 1);
        assert!(l.body[2].page_start);
        assert!(l.body[3].page_start);
        assert_eq!(l.footnotes.len(), 2);
        assert_eq!(l.footnotes[0].number, 1);
        assert_eq!(l.footnotes[0].lines.len(), 2);
        assert_eq!(l.footnotes[0].lines[1].text, "ngành khác tăng 3,4%");
        assert_eq!(l.footnotes[1].block, 0);
    }

    #[test]
    fn a_number_starting_a_continuation_line_is_not_a_footnote() {
        let text = "a\n          \n6 Thịt lợn hơi từ 63-66 nghìn đồng/kg; Gà từ 50-\n74 nghìn đồng/kg tùy loại\n7 Trong tháng thu hoạch\n";
        let l = split(text);
        assert_eq!(l.footnotes.len(), 2);
        assert_eq!(l.footnotes[0].number, 6);
        assert_eq!(l.footnotes[0].lines[1].text, "74 nghìn đồng/kg tùy loại");
        assert_eq!(l.footnotes[1].number, 7);
    }

    #[test]
    fn blank_lines_separate_paragraphs_only_when_not_after_every_line() {
        let single = "Dòng một.\nDòng hai.\n\nĐoạn mới.\n";
        let l = split(single);
        assert!(!l.body[1].blank_before);
        assert!(l.body[2].blank_before);
        let double = "Dòng một.\n\nDòng hai.\n\nĐoạn mới.\n\n";
        assert!(split(double).body.iter().all(|b| !b.blank_before));
    }

    #[test]
    fn page_numbers() {
        assert!(is_page_number("4"));
        assert!(is_page_number("- 12 -"));
        assert!(is_page_number("Trang 3"));
        assert!(!is_page_number("2024"));
        assert!(!is_page_number("4 vụ"));
    }
}
