//! Tasks for the coming period: the first-level numbered items of the tasks
//! part, each running to the next item or heading.

use std::sync::LazyLock;

use baocao_domain::{DocumentRef, Period, QualityIssue, QualityIssueKind, Span, Task};
use chrono::{Datelike, NaiveDate};
use regex::Regex;

use crate::document::Document;
use crate::paragraphs;
use crate::sections::Outline;
use crate::topics;

static DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:trước|chậm nhất|hạn chót|không quá|xong trước) (?:ngày )?(\d{1,2})/(\d{1,2})(?:/(\d{4}))?|(?:trước|chậm nhất) ngày (\d{1,2}) tháng (\d{1,2})(?: năm (\d{4}))?").expect("deadline pattern")
});

/// Abbreviations whose dot does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "TP", "TX", "TT", "Q", "P", "KT", "TM", "TL", "TS", "ThS", "PGS", "GS", "v.v", "Tp",
];

/// The first sentence of `text`: up to a full stop followed by a capital, a
/// line break, or the end.
pub fn first_sentence(text: &str) -> &str {
    let line = text.split('\n').next().unwrap_or(text);
    let b = line.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c != b'.' {
            continue;
        }
        let after = &line[i + 1..];
        let word_before = line[..i]
            .rsplit(|c: char| !baocao_domain::text::is_alphanumeric(c) && c != '.')
            .next()
            .unwrap_or("");
        if ABBREVIATIONS.contains(&word_before) {
            continue;
        }
        let ends = after.is_empty()
            || after.starts_with("/.")
            || (after.starts_with(' ')
                && after[1..].starts_with(|c: char| c.is_uppercase() || c == '“' || c == '"'));
        if ends {
            return &line[..i + 1];
        }
    }
    line
}

fn is_superscript_digit(c: char) -> bool {
    matches!(c, '⁰' | '¹' | '²' | '³' | '⁴'..='⁹')
}

/// `text` without its superscript digits. They are the only characters
/// whose UTF-8 starts with 0xC2 ('¹', '²', '³') or 0xE2 ('⁰', '⁴'..'⁹') that
/// go, so only those lead bytes (found with memchr2) are decoded and the
/// text between is copied whole, not char by char.
fn without_superscript_digits(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let (mut copied, mut from) = (0, 0);
    while let Some(at) = memchr::memchr2(0xc2, 0xe2, &b[from..]).map(|i| from + i) {
        // A lead byte: `at` is a char boundary.
        let c = text[at..].chars().next().unwrap_or_default();
        from = at + c.len_utf8();
        if is_superscript_digit(c) {
            out.push_str(&text[copied..at]);
            copied = from;
        }
    }
    out.push_str(&text[copied..]);
    out
}

fn deadline(text: &str, planning: Option<&Period>) -> Option<NaiveDate> {
    let c = DEADLINE.captures(text)?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (d, m, y) = if c.get(1).is_some() {
        (num(1)?, num(2)?, num(3))
    } else {
        (num(4)?, num(5)?, num(6))
    };
    let year = y
        .map(|y| y as i32)
        .or_else(|| planning.map(|p| p.end.year()))?;
    NaiveDate::from_ymd_opt(year, m, d)
}

pub fn build(
    doc: &Document,
    outline: &Outline,
    planning: Option<&Period>,
    refs: &[DocumentRef],
    issues: &mut Vec<QualityIssue>,
) -> Vec<Task> {
    let Some(part) = &outline.tasks else {
        return Vec::new();
    };
    let headings: Vec<u32> = outline.sections.iter().map(|s| s.span.start).collect();
    let mut tasks = Vec::with_capacity(part.starts.len());
    let mut prev: Option<u32> = None;
    for (k, (pi, n)) in part.starts.iter().enumerate() {
        let next_start = part.starts.get(k + 1).map_or(part.end, |(p, _)| *p);
        let end = (pi + 1..next_start)
            .find(|&q| headings.contains(&doc.paras[q].span.start))
            .unwrap_or(next_start);
        let first = doc.para(*pi);
        let head = first[n.title_start..].trim();
        // Sized once for the task's paragraphs and their separators.
        let mut text = String::with_capacity(
            head.len() + (pi + 1..end).map(|q| 1 + doc.para(q).len()).sum::<usize>(),
        );
        text.push_str(head);
        for q in pi + 1..end {
            // A numbered sentence split where it wrapped onto a capital
            // (see paragraphs.rs) is one paragraph again.
            text.push(if paragraphs::ends_sentence(&text) {
                '\n'
            } else {
                ' '
            });
            text.push_str(doc.para(q));
        }
        let span = Span::new(
            doc.paras[*pi].span.start as usize,
            doc.paras[end - 1].span.end as usize,
        );
        let expected = prev.map_or(1, |p| p + 1);
        if n.value != expected {
            issues.push(QualityIssue {
                kind: QualityIssueKind::NumberingGap,
                message: format!(
                    "task {} follows task {}",
                    n.label,
                    prev.map_or("(none)".to_owned(), |p| p.to_string())
                ),
                span: doc.paras[*pi].span,
            });
        }
        prev = Some(n.value);
        let cited: Vec<DocumentRef> = refs
            .iter()
            .filter(|r| {
                span.contains(r.span)
                    || doc
                        .footnote_at(r.span.start)
                        .is_some_and(|f| f.marker.is_some_and(|m| span.contains(m)))
            })
            .cloned()
            .collect();
        tasks.push(Task {
            ordinal: n.value,
            period: planning.cloned(),
            // Markers belong to the text, not to the title a list shows.
            title: without_superscript_digits(first_sentence(&text)),
            topics: topics::tag(&text),
            deadline: deadline(&text, planning),
            document_references: cited,
            text,
            span,
        });
    }
    tasks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_sentences() {
        assert_eq!(first_sentence("Làm tốt. Tiếp theo"), "Làm tốt.");
        assert_eq!(
            first_sentence("Chỉ đạo TP. Bắc Giang thực hiện. Sau"),
            "Chỉ đạo TP. Bắc Giang thực hiện."
        );
        assert_eq!(
            first_sentence("Đạt 1.007,5 tỷ đồng. Sau"),
            "Đạt 1.007,5 tỷ đồng."
        );
        assert_eq!(first_sentence("bảo đảm an toàn./."), "bảo đảm an toàn.");
        assert_eq!(
            first_sentence("không có dấu chấm\nđoạn hai"),
            "không có dấu chấm"
        );
    }

    #[test]
    fn superscript_digits_are_dropped() {
        for text in [
            "",
            "Làm tốt¹ việc² này³.",
            "⁰¹²³⁴⁵⁶⁷⁸⁹",
            "“a” – b¹⁰ c ©",
            "x⁴",
        ] {
            let want: String = text.chars().filter(|c| !is_superscript_digit(*c)).collect();
            assert_eq!(without_superscript_digits(text), want);
        }
    }

    #[test]
    fn deadlines() {
        let june = Period::month(2024, 6, "tháng 6").unwrap();
        assert_eq!(
            deadline("hoàn thành trước ngày 15/11/2023", None),
            NaiveDate::from_ymd_opt(2023, 11, 15)
        );
        assert_eq!(
            deadline("báo cáo trước ngày 20/6", Some(&june)),
            NaiveDate::from_ymd_opt(2024, 6, 20)
        );
        assert_eq!(
            deadline("chậm nhất ngày 5 tháng 7 năm 2024", None),
            NaiveDate::from_ymd_opt(2024, 7, 5)
        );
        assert_eq!(deadline("không có hạn", Some(&june)), None);
    }
}
