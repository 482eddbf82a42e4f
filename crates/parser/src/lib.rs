//! baocao's parser: bytes of a Vietnamese socio-economic report to a typed
//! [`Report`]. A pure, deterministic function with no I/O.
//!
//! The pipeline, one module a stage (see `design.md` for the reasons):
//! - [`decode`]: bytes to text (UTF-8, UTF-16 with BOM), or a typed error;
//! - `prepare`: NFC, control characters, non-breaking spaces;
//! - [`layout`]: page furniture out, footnote bodies collected;
//! - [`diacritics`]: detached tone marks re-attached or reported;
//! - [`paragraphs`]: lines rejoined into paragraphs, zones (front, body,
//!   closing);
//! - [`markers`] and [`document`]: footnote markers found, the normalized
//!   text assembled;
//! - [`sections`], [`tasks`], [`docrefs`], [`metadata`]: the structure;
//! - [`obs`]: indicator observations; [`gold`] scores them against a gold
//!   file.

pub mod decode;
pub mod diacritics;
pub mod docrefs;
pub mod document;
mod error;
pub mod gold;
pub mod layout;
pub mod markers;
pub mod metadata;
pub mod numbering;
pub mod obs;
pub mod paragraphs;
pub mod periods;
pub mod sections;
pub mod tasks;
pub mod topics;

use baocao_domain::{Footnote, QualityIssue, QualityIssueKind, Report, Span};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

pub use error::ParseError;

/// The version stored with every parse result, so reports parsed by an older
/// parser can be found and parsed again: the crate's version and, after a
/// '+', a fingerprint of the sources of its rules and of the indicator
/// catalog (`rules_fingerprint.rs`). Any change to how reports are read
/// changes it, even when no one bumps the crate's version.
pub const PARSER_VERSION: &str = concat!(
    "baocao-parser/",
    env!("CARGO_PKG_VERSION"),
    "+",
    env!("BAOCAO_PARSER_RULES")
);

/// What the sender says about a report, used where the text is silent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// The sending department's code.
    pub department: Option<String>,
    /// The reporting month, (year, month).
    pub period: Option<(i32, u32)>,
}

/// Parses a report. Fails only when the bytes are not readable text; damage
/// inside a readable report becomes `quality_issues`.
pub fn parse(bytes: &[u8], hints: &Hints) -> Result<Report, ParseError> {
    let decoded = decode::decode(bytes)?;
    let (text, mut issues) = prepare(decoded)?;
    let mut layout = layout::split(&text);
    repair_diacritics(&mut layout);
    if !layout.footnote_gaps.is_empty() {
        for &(expected, found) in &layout.footnote_gaps {
            issues.push(QualityIssue {
                kind: QualityIssueKind::FootnoteBodyMissing,
                message: format!("footnote bodies jump from {} to {found}: the body of footnote {expected} was not found", expected - 1),
                span: Span::default(),
            });
        }
    }
    let paras = paragraphs::join(layout.body);
    let mut doc = document::assemble(paras, layout.footnotes);
    let mut outline = sections::build(&doc);
    issues.append(&mut doc.issues);
    // No later stage reads the outline's issues: moved, not copied.
    issues.append(&mut outline.issues);

    let metadata = metadata::extract(&doc, &outline, hints, &mut issues);
    let own_number = metadata.document_number.clone();
    let front_end = doc
        .paras
        .iter()
        .filter(|p| p.zone == paragraphs::Zone::Front)
        .map(|p| p.span.end)
        .max()
        .unwrap_or(0);
    let refs: Vec<_> = docrefs::find(&doc.text, 0)
        .into_iter()
        // (A text without its number has none to drop: a law cited by
        // name has no number either.)
        .filter(|r| !(r.span.end <= front_end && !own_number.is_empty() && r.number == own_number))
        .collect();
    let tasks = tasks::build(
        &doc,
        &outline,
        metadata.planning_period.as_ref(),
        &refs,
        &mut issues,
    );
    let observations = obs::extract(
        &doc,
        &outline,
        metadata.reporting_period.as_ref(),
        &refs,
        &mut issues,
    );

    let footnotes = doc
        .footnotes
        .iter()
        .map(|f| {
            let section = f
                .marker_para
                .and_then(|p| outline.para_section[p])
                .map(|s| &outline.sections[s]);
            Footnote {
                number: f.number,
                text: doc.slice(f.span).to_owned(),
                section_number: section.map_or(String::new(), |s| s.number.clone()),
                section_path: section.map_or(String::new(), |s| s.path.clone()),
                marker_span: f.marker,
                span: f.span,
            }
        })
        .collect();
    issues.sort_by_key(|i| (i.span.start, i.span.end));
    Ok(Report {
        id: String::new(),
        source: None,
        metadata,
        sections: outline.sections,
        footnotes,
        observations,
        tasks,
        document_references: refs,
        quality_issues: issues,
        parser_version: PARSER_VERSION.to_owned(),
        normalized_text: doc.text,
    })
}

/// NFC, with characters that are not text removed: control characters
/// (reported), soft hyphens and zero-width characters; tabs and non-breaking
/// spaces become spaces. A form feed stays: it is a page break.
///
/// Takes the decoded text as it comes (borrowed from the input bytes when
/// they were UTF-8), so that a text that needs neither cleaning nor NFC is
/// copied only once.
fn prepare(decoded: std::borrow::Cow<'_, str>) -> Result<(String, Vec<QualityIssue>), ParseError> {
    let mut issues = Vec::new();
    let mut controls = 0usize;
    let mut chars = 0usize;
    let decoded_len = decoded.len();
    let needs_cleaning = needs_cleaning(&decoded);
    let cleaned: std::borrow::Cow<str> = if needs_cleaning {
        let mut s = String::with_capacity(decoded.len());
        for c in decoded.chars() {
            chars += 1;
            match c {
                '\t' | '\u{a0}' => s.push(' '),
                '\u{2028}' | '\u{2029}' => s.push('\n'),
                '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{feff}' => {}
                '\n' | '\r' | '\u{c}' => s.push(c),
                c if c.is_control() => controls += 1,
                c => s.push(c),
            }
        }
        s.into()
    } else {
        decoded
    };
    if controls > 0 {
        if controls * 20 > chars {
            return Err(ParseError::ControlCharacters {
                count: controls,
                chars,
            });
        }
        issues.push(QualityIssue {
            kind: QualityIssueKind::ControlCharacters,
            message: format!("{controls} control characters removed"),
            span: Span::default(),
        });
    }
    let text = qui_spelling(lost_spaces(nfc(cleaned)));
    if !text.chars().any(baocao_domain::text::is_alphabetic) {
        return Err(ParseError::NoText { bytes: decoded_len });
    }
    Ok((text, issues))
}

/// "quí" is the older spelling of "quý" ("quí I năm 2016", "QUÍ I"): the
/// word is written "quý", the spelling every later stage reads. The two
/// letters are two bytes each in UTF-8: no span moves.
fn qui_spelling(mut text: String) -> String {
    static FINDER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("uí".as_bytes()));
    static UPPER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("UÍ".as_bytes()));
    let b = text.as_bytes();
    let mut at: Vec<(usize, &str)> = FINDER
        .find_iter(b)
        .map(|i| (i, "ý"))
        .chain(UPPER.find_iter(b).map(|i| (i, "Ý")))
        .filter(|&(i, _)| {
            // "qu" + the vowel, a word of its own.
            i > 0
                && matches!(b[i - 1], b'q' | b'Q')
                && !text[..i - 1]
                    .chars()
                    .next_back()
                    .is_some_and(baocao_domain::text::is_alphabetic)
                && !text[i + "uí".len()..]
                    .chars()
                    .next()
                    .is_some_and(baocao_domain::text::is_alphabetic)
        })
        .collect();
    at.sort_unstable();
    for (i, y) in at {
        text.replace_range(i + 1..i + 3, y);
    }
    text
}

/// The verbs a figure follows, which a copy taken from a PDF glues to the
/// figure and to the word before: "chế tạotăng1,36%", "đạt12.345 tấn".
const GLUED_VERBS: [&str; 6] = ["tăng", "giảm", "đạt", "là", "bằng", "chiếm"];

/// `text` with the spaces a PDF copy lost around a verb glued to the
/// figure after it put back: "chế tạotăng1,36%" is "chế tạo tăng 1,36%",
/// "là24.130 ha" is "là 24.130 ha". No Vietnamese syllable holds one of
/// these verbs after a letter or goes on in a digit, so the repair is
/// certain for a figure with its unit; the text is rebuilt only when one
/// is found.
fn lost_spaces(text: String) -> String {
    let b = text.as_bytes();
    // (Each verb ends in a letter that is ASCII or 3 bytes of UTF-8: only
    // the bytes before an ASCII digit are looked at.)
    let glued = |at: usize| -> Option<(usize, bool)> {
        let before = &text[..at];
        let verb = GLUED_VERBS.iter().find(|v| before.ends_with(**v))?;
        let start = at - verb.len();
        let letter_before = text[..start]
            .chars()
            .next_back()
            .is_some_and(baocao_domain::text::is_alphabetic);
        Some((start, letter_before))
    };
    // Where a verb ends in a digit: each verb found with memchr's search
    // (a byte-by-byte pass cost more than the rest of this stage). A verb
    // ends in a letter, so the digit after it starts a number.
    static FINDERS: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> =
        std::sync::LazyLock::new(|| {
            GLUED_VERBS
                .iter()
                .map(|v| memchr::memmem::Finder::new(v.as_bytes()))
                .collect()
        });
    let mut digits: Vec<usize> = FINDERS
        .iter()
        .flat_map(|f| f.find_iter(b).map(|i| i + f.needle().len()))
        .filter(|&at| b.get(at).is_some_and(u8::is_ascii_digit))
        .collect();
    digits.sort_unstable();
    digits.dedup();
    let mut out: Option<String> = None;
    let mut done = 0;
    for at in digits {
        let Some((start, letter_before)) = glued(at) else {
            continue;
        };
        // A figure with its unit ("1,36%", "24.130 ha"), as the engine's
        // `glued_figures` asks: a footnote's mark glued to a verb
        // ("giảm3, ...") has none.
        let end = obs::text::digits_end(b, at);
        if obs::numbers::unit_after(&text[end..]).is_none() {
            continue;
        }
        let o = out.get_or_insert_with(|| String::with_capacity(text.len() + 16));
        o.push_str(&text[done..start]);
        if letter_before {
            o.push(' ');
        }
        o.push_str(&text[start..at]);
        o.push(' ');
        done = at;
    }
    match out {
        Some(mut o) => {
            o.push_str(&text[done..]);
            o
        }
        None => text,
    }
}

/// The matches of `re` in `text`, as `re.captures_iter(text)` finds them,
/// for a pattern each of whose matches starts with one of the literals
/// `starts` and, starting at `at` with literal `k`, ends at or before
/// `bound(at, k)` (a char boundary); `bound` answers `None` where a quick
/// test shows that no match can start there.
///
/// The regex runs only at each occurrence of a literal (found with memmem),
/// as `captures_at` (which still sees the text before, for `\b`) on the
/// text cut at the bound, and a match counts only if it starts there. A
/// regex with Unicode `\b` cannot use its fast engine on Vietnamese text,
/// so searching a whole document with one costs ~10 instructions a byte.
pub(crate) fn captures_at_starts<'t>(
    re: &regex::Regex,
    text: &'t str,
    starts: &[memchr::memmem::Finder<'_>],
    bound: impl Fn(usize, usize) -> Option<usize>,
) -> Vec<regex::Captures<'t>> {
    let b = text.as_bytes();
    let mut found = Vec::new();
    // The next occurrence of each literal at or after `pos`, searched for
    // again only once passed.
    let mut next: Vec<Option<usize>> = starts.iter().map(|f| f.find(b)).collect();
    let mut pos = 0;
    loop {
        for (n, finder) in next.iter_mut().zip(starts) {
            if n.is_some_and(|n| n < pos) {
                *n = finder.find(&b[pos..]).map(|i| pos + i);
            }
        }
        let Some((k, at)) = next
            .iter()
            .enumerate()
            .filter_map(|(k, n)| n.map(|n| (k, n)))
            .min_by_key(|&(_, n)| n)
        else {
            break;
        };
        pos = at + 1;
        if let Some(end) = bound(at, k)
            && let Some(c) = re.captures_at(&text[..end], at)
            && let Some(m) = c.get(0)
            && m.start() == at
        {
            pos = m.end().max(at + 1);
            found.push(c);
        }
    }
    found
}

/// Whether `text` starts with `prefix` (lowercase), ignoring case.
pub(crate) fn starts_with_ci(text: &str, prefix: &str) -> bool {
    // An ASCII first byte lowercases to itself or its ASCII lowercase, so
    // it must be the prefix's first byte then: most texts stop here, before
    // the decoding and case mapping below.
    if let (Some(&t0), Some(&p0)) = (text.as_bytes().first(), prefix.as_bytes().first())
        && t0.is_ascii()
        && t0.to_ascii_lowercase() != p0
    {
        return false;
    }
    let mut t = text.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|p| t.next() == Some(p))
}

/// Whether `c` is a character `prepare` removes or replaces: a control
/// character other than a line break or form feed, a no-break space, a
/// soft hyphen, a zero-width character or a line/paragraph separator.
#[cfg(test)]
fn needs_cleaning_char(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\u{c}'))
        || matches!(
            c,
            '\u{a0}' | '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{feff}' | '\u{2028}' | '\u{2029}'
        )
}

/// Whether the character whose UTF-8 starts with `x`, `y`, `z` (the bytes
/// after it, or anything where there are none) is one `needs_cleaning_char`
/// answers yes for: an ASCII control other than a line break or form feed,
/// U+0080..U+00A0 or U+00AD (C2 80..C2 A0, C2 AD), U+200B..U+200D or
/// U+2028/U+2029 (E2 80 8B..8D, E2 80 A8/A9), U+FEFF (EF BB BF). Written
/// without short-circuits, so that a loop of it vectorizes.
fn lead_needs_cleaning(x: u8, y: u8, z: u8) -> bool {
    let control = ((x < 0x20) & (x != b'\n') & (x != b'\r') & (x != 0x0c)) | (x == 0x7f);
    let latin1 = (x == 0xc2) & ((y <= 0xa0) | (y == 0xad));
    let general =
        (x == 0xe2) & (y == 0x80) & ((z.wrapping_sub(0x8b) < 3) | (z == 0xa8) | (z == 0xa9));
    let bom = (x == 0xef) & (y == 0xbb) & (z == 0xbf);
    control | latin1 | general | bom
}

/// Whether any character of `text` needs cleaning (`needs_cleaning_char`),
/// by bytes. Blocks of 32 bytes none of which can open such a character
/// (an ASCII control other than a line break or form feed, 0x7F, or the
/// lead bytes 0xC2, 0xE2, 0xEF), a test of single bytes the compiler
/// vectorizes, are passed over whole; in the others each byte is tested
/// with the two after it (`lead_needs_cleaning`, exact for a lead byte; a
/// continuation byte is never 0xC2, 0xE2, 0xEF or below 0x80). (Line
/// breaks among the single bytes sent nearly every block to a char-by-char
/// reading; the three-byte test on every block cost ~3 instructions a
/// byte.)
fn needs_cleaning(text: &str) -> bool {
    let b = text.as_bytes();
    let opens = |x: u8| {
        ((x < 0x20) & (x != b'\n') & (x != b'\r') & (x != 0x0c))
            | (x == 0x7f)
            | (x == 0xc2)
            | (x == 0xe2)
            | (x == 0xef)
    };
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    b.chunks(32).enumerate().any(|(k, chunk)| {
        chunk.iter().fold(false, |acc, &x| acc | opens(x))
            && (k * 32..k * 32 + chunk.len())
                .any(|i| lead_needs_cleaning(b[i], at(i + 1), at(i + 2)))
    })
}

/// Whether any character of `text` satisfies `may_need_nfc`.
#[cfg(test)]
fn any_may_need_nfc(text: &str) -> bool {
    next_may_need_nfc(text.as_bytes(), 0).is_some()
}

/// Whether the character whose UTF-8 starts with `x`, `y`, `z` (the bytes
/// after it, or anything where there are none) satisfies `may_need_nfc`:
/// a lead byte 0xCC or above (U+0300 and up) that does not open an exempt
/// character (a precomposed Vietnamese letter U+1EA0..U+1EF9, E1 BA A0..E1
/// BB B9, or general punctuation and super/subscripts U+2000..U+20CF, E2 80
/// 80..E2 83 8F). Written without short-circuits, so that a loop of it
/// vectorizes.
fn lead_may_need_nfc(x: u8, y: u8, z: u8) -> bool {
    let vietnamese = (x == 0xe1) & (((y == 0xba) & (z >= 0xa0)) | ((y == 0xbb) & (z <= 0xb9)));
    let punctuation = (x == 0xe2) & ((y <= 0x82) | ((y == 0x83) & (z <= 0x8f)));
    (x >= 0xcc) & !vietnamese & !punctuation
}

/// The byte offset of the first character at or after `from` (a char
/// boundary) that satisfies `may_need_nfc`, from the UTF-8 bytes `b`.
///
/// Each byte is tested with the two after it, as three zipped slices in
/// 256-byte blocks, which the compiler vectorizes; only a block with a hit
/// is read again byte by byte. (Decoding lead bytes one at a time cost ~5
/// instructions a byte.)
fn next_may_need_nfc(b: &[u8], from: usize) -> Option<usize> {
    let n = b.len();
    let scalar = |i: usize| {
        lead_may_need_nfc(
            b[i],
            b.get(i + 1).copied().unwrap_or(0),
            b.get(i + 2).copied().unwrap_or(0),
        )
    };
    let mut at = from;
    while at + 2 < n {
        let end = (at + 256).min(n - 2);
        let hit = b[at..end]
            .iter()
            .zip(&b[at + 1..end + 1])
            .zip(&b[at + 2..end + 2])
            .fold(false, |acc, ((&x, &y), &z)| {
                acc | lead_may_need_nfc(x, y, z)
            });
        if hit {
            return (at..end).find(|&i| scalar(i));
        }
        at = end;
    }
    // The last two bytes: a character starting there has at most two bytes
    // (valid UTF-8), so any lead byte 0xCC or above is not exempt.
    (at..n).find(|&i| scalar(i))
}

/// Whether `c` can be part of a sequence that NFC changes: not ASCII, not a
/// precomposed Vietnamese letter (U+1EA0..U+1EF9), not Latin-1 or Latin
/// Extended-A/B (all NFC), not general punctuation or super/subscripts.
/// (What `any_may_need_nfc` answers for each character, tested there.)
#[cfg(test)]
fn may_need_nfc(c: char) -> bool {
    let u = c as u32;
    !(u < 0x300 || (0x1EA0..=0x1EF9).contains(&u) || (0x2000..=0x20CF).contains(&u))
}

/// NFC, line by line, normalizing only the lines that may need it (a line
/// break is a starter, so no composition crosses one). The text is scanned
/// once for characters that may need NFC (`next_may_need_nfc`); the lines
/// between them are copied whole. A text with none is returned as it
/// is, copied only if it was borrowed.
fn nfc(text: std::borrow::Cow<'_, str>) -> String {
    let b = text.as_bytes();
    let Some(mut hit) = next_may_need_nfc(b, 0) else {
        return text.into_owned();
    };
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    loop {
        // The line holding the hit, with its line break (as
        // `split_inclusive('\n')` gives it).
        let start = memchr::memrchr(b'\n', &b[done..hit]).map_or(done, |i| done + i + 1);
        let end = memchr::memchr(b'\n', &b[hit..]).map_or(b.len(), |i| hit + i + 1);
        out.push_str(&text[done..start]);
        let line = &text[start..end];
        if is_nfc_quick(line.chars()) != IsNormalized::Yes {
            out.extend(line.nfc());
        } else {
            out.push_str(line);
        }
        done = end;
        match next_may_need_nfc(b, done) {
            Some(h) => hit = h,
            None => break,
        }
    }
    out.push_str(&text[done..]);
    out
}

fn repair_diacritics(layout: &mut layout::Layout<'_>) {
    // Each line is tested once: the flags serve the repairs below.
    let damaged: Vec<bool> = layout
        .body
        .iter()
        .chain(layout.footnotes.iter().flat_map(|f| &f.lines))
        .map(|l| diacritics::has_detached_mark(&l.text))
        .collect();
    if !damaged.contains(&true) {
        return;
    }
    let lexicon = diacritics::Lexicon::new(
        layout
            .body
            .iter()
            .chain(layout.footnotes.iter().flat_map(|f| &f.lines))
            .map(|l| l.text.as_ref()),
    );
    for (line, damaged) in layout
        .body
        .iter_mut()
        .chain(layout.footnotes.iter_mut().flat_map(|f| f.lines.iter_mut()))
        .zip(damaged)
    {
        if damaged {
            diacritics::repair(line.text.to_mut(), &lexicon, &mut line.notes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The spaces a PDF copy lost around a verb glued to its figure are put
    /// back; a footnote's mark after a verb, with no unit, is left.
    #[test]
    fn lost_spaces_around_a_glued_verb_are_restored() {
        let fix = |t: &str| lost_spaces(t.to_owned());
        assert_eq!(fix("chế tạotăng1,36%;"), "chế tạo tăng 1,36%;");
        assert_eq!(fix("sản lượng đạt12.345 tấn"), "sản lượng đạt 12.345 tấn");
        assert_eq!(fix("vụ mùa là24.130 ha"), "vụ mùa là 24.130 ha");
        assert_eq!(fix("có xu hướng giảm3, do"), "có xu hướng giảm3, do");
        assert_eq!(fix("tăng 1,2% so với"), "tăng 1,2% so với");
    }

    /// `nfc` normalizes only the lines that need it, and gives what
    /// normalizing the whole text gives.
    #[test]
    fn nfc_agrees_with_whole_text_nfc() {
        let seed = include_str!("../../../testdata/reports/000_5b1c2bc8d5408b7b.txt");
        let decomposed: String = seed.nfd().collect();
        let lines = [
            "",
            "a",
            "e\u{301}",
            "ê\n\u{301}x",
            "tiến độ\nkhông\u{300} dấu\n",
            "dòng một\r\ndòng hai\u{323}\r\n\n",
        ];
        for text in lines.iter().copied().chain([seed, decomposed.as_str()]) {
            assert_eq!(nfc(text.into()), text.nfc().collect::<String>(), "{text:?}");
        }
    }

    /// The first-byte test of `starts_with_ci` answers as the case-mapped
    /// comparison alone, on every line of the seed and on texts whose first
    /// character lowercases to ASCII from outside it (Kelvin sign, dotted I).
    #[test]
    fn starts_with_ci_agrees_with_case_mapping() {
        let slow = |text: &str, prefix: &str| {
            let mut t = text.chars().flat_map(char::to_lowercase);
            prefix.chars().all(|p| t.next() == Some(p))
        };
        let seed = include_str!("../../../testdata/reports/000_5b1c2bc8d5408b7b.txt");
        let odd = [
            "\u{212a}m",
            "İn",
            "Nơi nhận:",
            "NƠI NHẬN",
            "nơi",
            "",
            "PHẦN I",
            "phần",
            "x",
        ];
        for text in seed.lines().map(str::trim).chain(odd) {
            for prefix in ["nơi nhận", "phần ", "km", "i\u{307}n", "", "ơi"] {
                assert_eq!(
                    starts_with_ci(text, prefix),
                    slow(text, prefix),
                    "{text:?} {prefix:?}"
                );
            }
        }
    }

    /// The byte scans answer as the character tests do, for every
    /// character alone and after others.
    #[test]
    fn byte_scans_match_char_tests() {
        // The character ends a text, or stands before other bytes.
        let pad = "a".repeat(31);
        for u in 0..=0x10FFFFu32 {
            let Some(c) = char::from_u32(u) else { continue };
            for s in [c.to_string(), format!("{pad}{c}ỹ\n")] {
                assert_eq!(
                    needs_cleaning(&s),
                    s.chars().any(needs_cleaning_char),
                    "U+{u:04X}"
                );
                assert_eq!(
                    any_may_need_nfc(&s),
                    s.chars().any(may_need_nfc),
                    "U+{u:04X}"
                );
            }
        }
        // The character straddles the scans' first 256-byte block
        // (every character of up to three bytes, and some of four).
        let long_pad = "a".repeat(255);
        for u in (0..=0xFFFFu32).chain((0x10000..=0x10FFFF).step_by(0x101)) {
            let Some(c) = char::from_u32(u) else { continue };
            let s = format!("{long_pad}{c}");
            assert_eq!(any_may_need_nfc(&s), may_need_nfc(c), "U+{u:04X}");
            assert_eq!(needs_cleaning(&s), needs_cleaning_char(c), "U+{u:04X}");
        }
    }
}
