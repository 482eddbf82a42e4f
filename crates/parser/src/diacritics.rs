//! Detached diacritics: PDF extraction sometimes emits a tone or vowel mark
//! as a separate glyph after a space ("lưc ̣ lương  ̣kiểm"). A mark is put
//! back on the word before it when exactly one way of doing so gives a word
//! the same document uses elsewhere; otherwise it is left where it is and
//! reported.

use std::collections::HashSet;
use std::sync::LazyLock;

use baocao_domain::QualityIssueKind;
use baocao_domain::text::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Something the parser noticed on a line or paragraph, with a byte range
/// relative to that text; becomes a QualityIssue once the final position is
/// known.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub start: usize,
    pub end: usize,
    pub kind: QualityIssueKind,
    pub message: String,
}

/// Words of the genre (from well-formed reports), so that a repair can be
/// certain even when the damaged word occurs nowhere else in a document.
pub const VOCABULARY: &str = include_str!("vocabulary.txt");

/// Whether `text` holds a combining mark that is not attached to a letter.
pub fn has_detached_mark(text: &str) -> bool {
    // U+0300..U+036F is encoded as 0xCC 0x80.. to 0xCD 0xAF, and 0xCC, 0xCD
    // only ever lead a character: only there is anything decoded.
    memchr::memchr2_iter(0xCC, 0xCD, text.as_bytes()).any(|i| {
        text[i..].chars().next().is_some_and(is_combining_mark)
            && !text[..i]
                .chars()
                .next_back()
                .is_some_and(baocao_domain::text::is_alphabetic)
    })
}

static VOCABULARY_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| VOCABULARY.lines().collect());

/// The words a repair may produce: the genre's vocabulary and the
/// document's own words.
pub struct Lexicon {
    document: String,
    /// Answers already given: a document damaged in many places asks for
    /// the same few words again, and each answer is a search of the whole
    /// document.
    known: std::cell::RefCell<std::collections::HashMap<String, bool>>,
}

impl Lexicon {
    pub fn new<'a>(lines: impl Iterator<Item = &'a str> + Clone) -> Self {
        // Sized once: grown line by line it was copied a dozen times.
        let mut document = String::with_capacity(lines.clone().map(|l| l.len() + 1).sum());
        for l in lines {
            document.push_str(l);
            document.push('\n');
        }
        Self {
            document,
            known: Default::default(),
        }
    }

    /// Whether `word` (lowercase) is known: in the vocabulary, or written
    /// in the document as a whole word, in lower, title or upper case.
    pub fn contains(&self, word: &str) -> bool {
        if VOCABULARY_SET.contains(word) {
            return true;
        }
        if let Some(&k) = self.known.borrow().get(word) {
            return k;
        }
        let found = self.in_document(word);
        self.known.borrow_mut().insert(word.to_owned(), found);
        found
    }

    fn in_document(&self, word: &str) -> bool {
        let title: String = word
            .chars()
            .take(1)
            .flat_map(char::to_uppercase)
            .chain(word.chars().skip(1))
            .collect();
        let upper = word.to_uppercase();
        [word, title.as_str(), upper.as_str()]
            .iter()
            .any(|w| has_word(&self.document, w))
    }
}

fn has_word(text: &str, word: &str) -> bool {
    let whole = |i: usize| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(baocao_domain::text::is_alphabetic)
            && !after.is_some_and(|c| baocao_domain::text::is_alphabetic(c) || is_combining_mark(c))
    };
    if word.is_empty() {
        return text.match_indices(word).any(|(i, _)| whole(i));
    }
    // The same occurrences as `str::match_indices` (non-overlapping, from
    // the left; a non-empty word starts on a character boundary), found
    // with a vectorized search.
    memchr::memmem::find_iter(text.as_bytes(), word.as_bytes()).any(whole)
}

fn is_vowel(c: char) -> bool {
    let base = c.to_lowercase().nfd().next().unwrap_or(c);
    matches!(base, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Re-attaches or reports every detached mark in `text`, appending notes
/// (relative to the repaired text).
pub fn repair(text: &mut String, lexicon: &Lexicon, notes: &mut Vec<Note>) {
    // Right to left, so a repair does not move the marks still to visit.
    let marks: Vec<(usize, char)> = {
        let mut v = Vec::new();
        let mut prev: Option<char> = None;
        for (i, c) in text.char_indices() {
            if is_combining_mark(c) && !prev.is_some_and(baocao_domain::text::is_alphabetic) {
                v.push((i, c));
            }
            prev = Some(c);
        }
        v
    };
    for &(at, mark) in marks.iter().rev() {
        let before = &text[..at];
        let ws_start = before.trim_end().len();
        let word_start = before[..ws_start]
            .char_indices()
            .rev()
            .take_while(|(_, c)| baocao_domain::text::is_alphabetic(*c))
            .last()
            .map(|(i, _)| i)
            .unwrap_or(ws_start);
        let word = &text[word_start..ws_start];
        let fixed = candidates(word, mark)
            .into_iter()
            .filter(|w| lexicon.contains(&w.to_lowercase()))
            .collect::<HashSet<_>>();
        let mark_end = at + mark.len_utf8();
        if fixed.len() == 1 && !word.is_empty() {
            let fixed = fixed.into_iter().next().unwrap_or_default();
            let rest = &text[mark_end..];
            let sep = if rest.is_empty() || rest.starts_with(char::is_whitespace) {
                ""
            } else {
                " "
            };
            let found = text[word_start..mark_end].to_owned();
            let replacement = format!("{fixed}{sep}");
            let delta = replacement.len() as isize - (mark_end - word_start) as isize;
            text.replace_range(word_start..mark_end, &replacement);
            shift(notes, mark_end, delta);
            notes.push(Note {
                start: word_start,
                end: word_start + fixed.len(),
                kind: QualityIssueKind::DetachedDiacriticRepaired,
                message: format!("re-attached a detached mark: \"{found}\" -> \"{fixed}\""),
            });
        } else {
            notes.push(Note {
                start: at,
                end: mark_end,
                kind: QualityIssueKind::DetachedDiacritic,
                message: format!(
                    "detached mark U+{:04X} after \"{word}\" could not be placed with certainty; left as found",
                    mark as u32
                ),
            });
        }
    }
}

/// Moves notes at or after `from` by `delta` bytes.
pub fn shift(notes: &mut [Note], from: usize, delta: isize) {
    for n in notes.iter_mut().filter(|n| n.start >= from) {
        n.start = (n.start as isize + delta) as usize;
        n.end = (n.end as isize + delta) as usize;
    }
}

/// Every NFC word obtained by putting `mark` on one vowel of `word`.
fn candidates(word: &str, mark: char) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let len = chars.len();
    let mut out = Vec::new();
    for i in 0..len {
        if !is_vowel(chars[i]) {
            continue;
        }
        let mut s = String::with_capacity(word.len() + 3);
        s.extend(&chars[..=i]);
        s.push(mark);
        s.extend(&chars[i + 1..]);
        let composed: String = s.nfc().collect();
        // The mark must have combined into the vowel, and a syllable takes
        // one tone: a word that already has one is no candidate.
        if composed.chars().count() == len && !has_two_tones(&composed) {
            out.push(composed);
        }
    }
    out
}

fn has_two_tones(word: &str) -> bool {
    word.nfd()
        .filter(|c| baocao_domain::text::is_tone_mark(*c))
        .count()
        > 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(line: &str, vocabulary: &str) -> (String, Vec<Note>) {
        let lex = Lexicon::new(std::iter::once(vocabulary));
        let mut text: String = line.nfc().collect();
        let mut notes = Vec::new();
        repair(&mut text, &lex, &mut notes);
        (text, notes)
    }

    #[test]
    fn marks_go_back_on_the_word_before_when_the_document_knows_the_result() {
        let (text, notes) = fix(
            "Trong tháng lưc \u{323} lương  \u{323}kiểm lâm đã lập biên bản 08 vu \u{323}vi pham",
            "năng lực, sản lượng, vụ việc",
        );
        assert_eq!(
            text,
            "Trong tháng lực lượng kiểm lâm đã lập biên bản 08 vụ vi pham"
        );
        assert_eq!(notes.len(), 3);
        assert!(
            notes
                .iter()
                .all(|n| n.kind == QualityIssueKind::DetachedDiacriticRepaired)
        );
        for n in &notes {
            assert!(
                ["lực", "lượng", "vụ"].contains(&&text[n.start..n.end]),
                "{n:?}"
            );
        }
    }

    #[test]
    fn an_uncertain_mark_is_reported_and_left() {
        let (text, notes) = fix("Luật Lâm \u{323} nghiệp", "lâm nghiệp");
        assert_eq!(text, "Luật Lâm \u{323} nghiệp");
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].kind, QualityIssueKind::DetachedDiacritic);
        assert_eq!(&text[notes[0].start..notes[0].end], "\u{323}");
    }

    #[test]
    fn attached_marks_are_not_touched() {
        assert!(!has_detached_mark("lực lượng kiểm lâm"));
        assert!(has_detached_mark("lưc \u{323}"));
        assert!(has_detached_mark("\u{301}a"));
    }

    #[test]
    fn the_byte_scan_agrees_with_reading_every_character() {
        let slow = |text: &str| {
            let mut prev: Option<char> = None;
            text.chars().any(|c| {
                let detached =
                    is_combining_mark(c) && !prev.is_some_and(baocao_domain::text::is_alphabetic);
                prev = Some(c);
                detached
            })
        };
        let seed = include_str!("../../../testdata/reports/000_5b1c2bc8d5408b7b.txt");
        let odd = [
            "a\u{300}\u{301}",
            "1\u{323}",
            " \u{36f}",
            "\u{36f}",
            "x\u{370}",
            "ư\u{323} \u{309}",
        ];
        for line in seed.lines().chain(odd) {
            assert_eq!(has_detached_mark(line), slow(line), "{line:?}");
        }
    }
}
