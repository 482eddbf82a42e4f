//! Splitting a paragraph into sentences and clauses, and finding the
//! numbers in a clause.

use std::ops::Range;

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "TP", "TX", "TT", "Q", "P", "KT", "TM", "TL", "TS", "ThS", "PGS", "GS", "Tp", "v.v",
];

/// Sentence ranges of `text`: a full stop (or "...", "!", "?") followed by a
/// space and a capital, digit or opening quote; or the end.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // The next "…" at or after `i` (b.len() if none), found again only once
    // passed: the marks are looked for with memchr, not byte by byte.
    let ellipsis = |from: usize| find_str(&text[from..], "…").map_or(b.len(), |k| from + k);
    let mut next_ellipsis = ellipsis(0);
    while i < b.len() {
        if next_ellipsis < i {
            next_ellipsis = ellipsis(i);
        }
        // The next mark: '.', '!', '?' or "…" (all at char boundaries).
        let stop = memchr::memchr3(b'.', b'!', b'?', &b[i..]).map_or(b.len(), |k| i + k);
        i = stop.min(next_ellipsis);
        if i >= b.len() {
            break;
        }
        let c = b[i];
        if matches!(c, b'.' | b'!' | b'?') || (c == 0xE2 && b[i..].starts_with("…".as_bytes())) {
            let clen = if c == b'.' || c == b'!' || c == b'?' {
                1
            } else {
                '…'.len_utf8()
            };
            let mut j = i + clen;
            // "...", "./.", closing quotes and brackets, markers.
            while j < b.len()
                && text.is_char_boundary(j)
                && (matches!(b[j], b'.' | b'/' | b')' | b'"')
                    || text[j..]
                        .starts_with(['”', '…', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁰']))
            {
                j += text[j..].chars().next().map_or(1, char::len_utf8);
            }
            let word_before = text[start..i]
                .rsplit(|c: char| !baocao_domain::text::is_alphanumeric(c))
                .next()
                .unwrap_or("");
            let after = &text[j..];
            let next = after.trim_start_matches(' ');
            let ends = next.is_empty()
                || (after.starts_with(' ')
                    && next.starts_with(|c: char| {
                        c.is_uppercase() || c.is_ascii_digit() || c == '“' || c == '"' || c == '('
                    }));
            if ends && !(c == b'.' && ABBREVIATIONS.contains(&word_before)) {
                out.push(start..j);
                start = j + (after.len() - next.len());
                i = start;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        out.push(start..text.len());
    }
    out
}

/// Top-level parenthesised groups of `text` (the brackets included).
pub fn paren_groups(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut open = 0;
    // Brackets are ASCII, never part of another character's bytes: only
    // they are visited.
    for i in memchr::memchr2_iter(b'(', b')', text.as_bytes()) {
        match text.as_bytes()[i] {
            b'(' => {
                if depth == 0 {
                    open = i;
                }
                depth += 1;
            }
            _ if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push(open..i + 1);
                }
            }
            _ => {}
        }
    }
    if depth > 0 {
        out.push(open..text.len());
    }
    out
}

/// Clause ranges: split at ';' outside brackets.
pub fn clauses(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    // ';' and brackets are ASCII: only they are visited.
    for i in memchr::memchr3_iter(b'(', b')', b';', text.as_bytes()) {
        match text.as_bytes()[i] {
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => {
                out.push(start..i);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(start..text.len());
    out.into_iter()
        .filter(|r| !text[r.clone()].trim().is_empty())
        .collect()
}

/// `text` with every top-level bracket group blanked out (same length), so
/// offsets stay valid.
///
/// The groups are in order and apart, as [`paren_groups`] gives them: the
/// text is copied once, each group as spaces.
pub fn without_parens(text: &str, groups: &[Range<usize>]) -> String {
    debug_assert!(groups.windows(2).all(|w| w[0].end <= w[1].start));
    let mut s = String::with_capacity(text.len());
    let mut at = 0;
    for g in groups {
        s.push_str(&text[at..g.start]);
        // One space a byte: every character of the group becomes as many
        // spaces as it has bytes.
        s.extend(std::iter::repeat_n(' ', g.len()));
        at = g.end;
    }
    s.push_str(&text[at..]);
    s
}

/// `haystack.find(needle)`, for the short texts and needles read around a
/// figure: one byte of the needle found with memchr and the whole compared
/// there, with no searcher to set up. (A match of a whole needle starts at
/// a char boundary, so the offsets are those of `str::find`.) The byte is
/// the first that is no space: memchr stops at every place of the byte,
/// and spaces, the first byte of many needles (" và "), are everywhere.
pub fn find_str(haystack: &str, needle: &str) -> Option<usize> {
    let h = haystack.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() {
        return Some(0);
    }
    let k = first_not_space(n);
    // A place `i` of the byte in `h[k..]` is a match starting at `i`.
    memchr::memchr_iter(n[k], h.get(k..)?).find(|&i| h[i..].starts_with(n))
}

/// The starts of `haystack.match_indices(needle)` (non-overlapping, left
/// to right; `needle` not empty), each found as [`find_str`] finds one.
pub fn match_starts<'a>(haystack: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let i = from + find_str(haystack.get(from..)?, needle)?;
        from = i + needle.len().max(1);
        Some(i)
    })
}

/// `haystack.rfind(needle)`, as [`find_str`].
pub fn rfind_str(haystack: &str, needle: &str) -> Option<usize> {
    let h = haystack.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() {
        return Some(h.len());
    }
    let k = first_not_space(n);
    memchr::memrchr_iter(n[k], h.get(k..)?).find(|&i| h[i..].starts_with(n))
}

/// The place of the first byte of `needle` (not empty) that is no space,
/// or 0 if all are.
#[inline]
fn first_not_space(needle: &[u8]) -> usize {
    needle.iter().position(|&b| b != b' ').unwrap_or(0)
}

/// A lowercase (or fold) made in a buffer of a per-thread pool, given back
/// when dropped: the engine lowercases a few words around a figure many
/// times a clause only to compare them (about 1,100 lowercases a seed
/// parse, each a `String` allocated and freed). Derefs to the text; the
/// same bytes as [`baocao_domain::text::lowercase`] (or `fold`).
pub struct Lowered(String);

/// The pool's buffers: a few are in use at once (lowercases held while
/// others are made); one longer than a sentence is not kept.
const POOL_BUFFERS: usize = 16;
const POOL_CAPACITY: usize = 4096;

thread_local! {
    static LOWER_POOL: std::cell::RefCell<Vec<String>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// [`baocao_domain::text::lowercase`] of `s` into a pooled buffer.
pub fn lowercase(s: &str) -> Lowered {
    pooled(s, baocao_domain::text::lowercase_into)
}

/// [`baocao_domain::text::fold`] of `s` into a pooled buffer.
pub fn fold(s: &str) -> Lowered {
    pooled(s, baocao_domain::text::fold_into)
}

fn pooled(s: &str, into: impl FnOnce(&str, &mut String)) -> Lowered {
    pooled_text(|buf| into(s, buf))
}

/// A text `make` writes into an empty buffer of the pool.
pub fn pooled_text(make: impl FnOnce(&mut String)) -> Lowered {
    let mut buf = LOWER_POOL
        .try_with(|p| p.borrow_mut().pop())
        .ok()
        .flatten()
        .unwrap_or_default();
    buf.clear();
    make(&mut buf);
    Lowered(buf)
}

impl Lowered {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Lowered {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Lowered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq for Lowered {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl PartialEq<&str> for Lowered {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl Drop for Lowered {
    fn drop(&mut self) {
        if self.0.capacity() == 0 || self.0.capacity() > POOL_CAPACITY {
            return;
        }
        let buf = std::mem::take(&mut self.0);
        // (During the thread's teardown the pool may be gone: the buffer
        // is then freed.)
        let _ = LOWER_POOL.try_with(|p| {
            let mut p = p.borrow_mut();
            if p.len() < POOL_BUFFERS {
                p.push(buf);
            }
        });
    }
}

/// A number as written: "60.769", "1.007,5", "17,32", "05".
#[derive(Debug, Clone, PartialEq)]
pub struct Num<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

/// Whether any of the eight bytes of `x` is an ASCII digit (the "has a
/// byte between" test of the bit-twiddling hacks: each byte's high bit is
/// set in the result when the byte is below 0x80 and from '0' to '9'; no
/// byte's sum or difference reaches into the next).
fn has_digit(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low = x & (ONES * 127);
    let below_colon = (ONES * (127 + 0x3A)) - low;
    let above_slash = low + ONES * (127 - 0x2F);
    below_colon & !x & above_slash & (ONES * 128) != 0
}

/// The first ASCII digit of `b` at or after `i`: eight bytes at a time
/// up to the next block that holds one.
pub fn next_digit(b: &[u8], mut i: usize) -> Option<usize> {
    while let Some(block) = b.get(i..i + 8)
        && let Ok(block) = <[u8; 8]>::try_from(block)
        && !has_digit(u64::from_le_bytes(block))
    {
        i += 8;
    }
    b.get(i..)?
        .iter()
        .position(u8::is_ascii_digit)
        .map(|k| i + k)
}

/// Where the digits that start at `i` end: a run of digits, with '.' or
/// ',' only between two digits ("1.007,5").
pub fn digits_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len()
        && (b[i].is_ascii_digit()
            || ((b[i] == b'.' || b[i] == b',') && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
    {
        i += 1;
    }
    i
}

/// Every number in `text` that stands as a token (not inside a word).
pub fn numbers(text: &str) -> Vec<Num<'_>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(start) = next_digit(b, i) {
        i = digits_end(b, start);
        let prev = text[..start].chars().next_back();
        if prev.is_some_and(|c| baocao_domain::text::is_alphabetic(c) || c == '_') {
            continue;
        }
        out.push(Num {
            start,
            end: i,
            text: &text[start..i],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn sentence_splitting() {
        assert_eq!(
            s("Đạt 1.007,5 tỷ đồng. Tăng 16%."),
            ["Đạt 1.007,5 tỷ đồng.", "Tăng 16%."]
        );
        assert_eq!(
            s("so cùng kỳ)... Đồng thời, có"),
            ["so cùng kỳ)...", "Đồng thời, có"]
        );
        assert_eq!(
            s("được chú trọng³. Diện tích dứa"),
            ["được chú trọng³.", "Diện tích dứa"]
        );
        assert_eq!(s("tại TP. Bắc Giang. Xong"), ["tại TP. Bắc Giang.", "Xong"]);
        assert_eq!(
            s("(-40%); tăng 01 người (7,1%)²¹. "),
            ["(-40%); tăng 01 người (7,1%)²¹."]
        );
    }

    #[test]
    fn clauses_and_groups() {
        let t = "a (b; c) d; e";
        assert_eq!(
            clauses(t).iter().map(|r| &t[r.clone()]).collect::<Vec<_>>(),
            ["a (b; c) d", " e"]
        );
        let g = paren_groups("x (y (z)) w (v");
        assert_eq!(g, [2..9, 12..14]);
        let groups = [2..6, 7..7];
        assert_eq!(without_parens("a (bc) d", &groups), "a      d");
    }

    /// `sentences` as it was first written, byte by byte: the oracle.
    fn sentences_oracle(text: &str) -> Vec<Range<usize>> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if matches!(c, b'.' | b'!' | b'?') || (c == 0xE2 && b[i..].starts_with("…".as_bytes()))
            {
                let clen = if c == b'.' || c == b'!' || c == b'?' {
                    1
                } else {
                    '…'.len_utf8()
                };
                let mut j = i + clen;
                // "...", "./.", closing quotes and brackets, markers.
                while j < b.len()
                    && text.is_char_boundary(j)
                    && (matches!(b[j], b'.' | b'/' | b')' | b'"')
                        || text[j..].starts_with([
                            '”', '…', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁰',
                        ]))
                {
                    j += text[j..].chars().next().map_or(1, char::len_utf8);
                }
                let word_before = text[start..i]
                    .rsplit(|c: char| !baocao_domain::text::is_alphanumeric(c))
                    .next()
                    .unwrap_or("");
                let after = &text[j..];
                let next = after.trim_start_matches(' ');
                let ends = next.is_empty()
                    || (after.starts_with(' ')
                        && next.starts_with(|c: char| {
                            c.is_uppercase()
                                || c.is_ascii_digit()
                                || c == '“'
                                || c == '"'
                                || c == '('
                        }));
                if ends && !(c == b'.' && ABBREVIATIONS.contains(&word_before)) {
                    out.push(start..j);
                    start = j + (after.len() - next.len());
                    i = start;
                    continue;
                }
                i = j;
                continue;
            }
            i += 1;
        }
        if start < text.len() && !text[start..].trim().is_empty() {
            out.push(start..text.len());
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn sentences_agree_with_oracle(t in "[aA1 .!?…”¹/)TP(“]{0,40}") {
            proptest::prop_assert_eq!(sentences(&t), sentences_oracle(&t));
        }

        #[test]
        fn find_str_agrees_with_str(h in "[aàb ,:đạư]{0,30}", n in "[aàb ,:đạư]{0,4}") {
            proptest::prop_assert_eq!(find_str(&h, &n), h.find(n.as_str()));
            proptest::prop_assert_eq!(rfind_str(&h, &n), h.rfind(n.as_str()));
            if !n.is_empty() {
                let want: Vec<usize> = h.match_indices(n.as_str()).map(|(i, _)| i).collect();
                proptest::prop_assert_eq!(match_starts(&h, &n).collect::<Vec<_>>(), want);
            }
        }

        /// Pooled lowercases and folds, several held at once and each made
        /// in a buffer another text left behind, are those of the domain.
        #[test]
        fn pooled_texts_agree_with_domain(
            texts in proptest::collection::vec("[aÀĐđƯỄ ΣK\u{212a}İ1.]{0,12}", 1..6),
        ) {
            let held: Vec<(Lowered, Lowered)> =
                texts.iter().map(|t| (lowercase(t), fold(t))).collect();
            for (t, (l, f)) in texts.iter().zip(&held) {
                proptest::prop_assert_eq!(l.as_str(), baocao_domain::text::lowercase(t));
                proptest::prop_assert_eq!(f.as_str(), baocao_domain::text::fold(t));
            }
            drop(held);
            for t in texts.iter().rev() {
                let l = lowercase(t);
                proptest::prop_assert_eq!(l.as_str(), t.to_lowercase());
            }
        }
    }

    /// `numbers` as it was first written, byte by byte.
    fn numbers_oracle(text: &str) -> Vec<(usize, usize)> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if !b[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let prev = text[..i].chars().next_back();
            let start = i;
            while i < b.len()
                && (b[i].is_ascii_digit()
                    || ((b[i] == b'.' || b[i] == b',')
                        && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
            {
                i += 1;
            }
            if prev.is_some_and(|c| baocao_domain::text::is_alphabetic(c) || c == '_') {
                continue;
            }
            out.push((start, i));
        }
        out
    }

    #[test]
    fn has_digit_on_every_byte_in_every_place() {
        for byte in 0..=255u8 {
            for place in 0..8 {
                let mut block = [b'a'; 8];
                block[place] = byte;
                assert_eq!(
                    has_digit(u64::from_le_bytes(block)),
                    byte.is_ascii_digit(),
                    "{byte:#x} at {place}"
                );
                // Next to bytes that might carry or borrow into it.
                let mut block = [0xFF; 8];
                block[place] = byte;
                assert_eq!(has_digit(u64::from_le_bytes(block)), byte.is_ascii_digit());
                let mut block = [0; 8];
                block[place] = byte;
                assert_eq!(has_digit(u64::from_le_bytes(block)), byte.is_ascii_digit());
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn numbers_agree_with_oracle(t in "[a1 .,/:đ09_ạ²]{0,40}") {
            let got: Vec<(usize, usize)> = numbers(&t).iter().map(|n| (n.start, n.end)).collect();
            proptest::prop_assert_eq!(got, numbers_oracle(&t));
        }

        /// Long runs without a digit, as clauses have, then a few.
        #[test]
        fn numbers_agree_with_oracle_on_sparse_digits(
            t in "([a-zđạươ ,.]{0,24}[0-9.,]{0,5}){0,6}"
        ) {
            let got: Vec<(usize, usize)> = numbers(&t).iter().map(|n| (n.start, n.end)).collect();
            proptest::prop_assert_eq!(got, numbers_oracle(&t));
        }
    }

    #[test]
    fn number_tokens() {
        let n: Vec<String> = numbers("tăng 17,32% so với tháng 5/2023¹, đạt 60.769 tỷ; COVID19 m3")
            .into_iter()
            .map(|n| n.text.to_owned())
            .collect();
        assert_eq!(n, ["17,32", "5", "2023", "60.769"]);
    }
}
