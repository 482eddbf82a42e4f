//! Full-text search, the part both backends share: what is indexed (the
//! passages of a report), how text becomes indexed words, and how a hit
//! becomes a snippet with highlights.
//!
//! Text is folded with [`baocao_domain::text::fold`] (lowercase, every mark
//! dropped, đ to d), so diacritics and tone-mark placement never matter, and
//! split into words at every character that is not alphanumeric. The
//! indexed column holds those words joined by single spaces, which both
//! SQLite's `unicode61` tokenizer and PostgreSQL's `simple` configuration
//! split back into exactly the same words.

use baocao_domain::text::fold;
use baocao_domain::{Report, Span};

/// The folded words of `text`, space-separated.
pub(crate) fn words(text: &str) -> String {
    let folded = fold(text);
    let mut out = String::with_capacity(folded.len());
    for w in folded.split(|c: char| !c.is_alphanumeric()) {
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The distinct folded words of a query, in order.
pub(crate) fn query_terms(query: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for w in words(query).split(' ') {
        if !w.is_empty() && !terms.iter().any(|t| t == w) {
            terms.push(w.to_owned());
        }
    }
    terms
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PassageKind {
    Section,
    Task,
    Footnote,
}

impl PassageKind {
    pub fn code(self) -> &'static str {
        match self {
            PassageKind::Section => "SECTION",
            PassageKind::Task => "TASK",
            PassageKind::Footnote => "FOOTNOTE",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "SECTION" => PassageKind::Section,
            "TASK" => PassageKind::Task,
            "FOOTNOTE" => PassageKind::Footnote,
            _ => return None,
        })
    }
}

/// One searchable piece of a report.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Passage {
    pub kind: PassageKind,
    pub section_number: String,
    pub section_path: String,
    /// Where `text` starts in the report's normalized text.
    pub base: u32,
    /// As written.
    pub text: String,
    /// See [`words`].
    pub words: String,
}

fn slice(text: &str, span: Span) -> Option<&str> {
    span.slice(text).filter(|s| !s.trim().is_empty())
}

/// The passages of a report: each section's own text outside its tasks,
/// each task, each footnote. Spans index the normalized text; a report
/// without one (or with spans that do not fit it) falls back to the parts'
/// own text.
pub(crate) fn passages(report: &Report) -> Vec<Passage> {
    let text = report.normalized_text.as_str();
    let mut task_spans: Vec<Span> = report
        .tasks
        .iter()
        .map(|t| t.span)
        .filter(|s| slice(text, *s).is_some())
        .collect();
    task_spans.sort_by_key(|s| s.start);

    let mut out = Vec::new();
    let mut push = |kind, (number, path): (&str, &str), base: u32, t: &str| {
        let lead = t.len() - t.trim_start().len();
        let t = t.trim();
        if t.is_empty() {
            return;
        }
        out.push(Passage {
            kind,
            section_number: number.to_owned(),
            section_path: path.to_owned(),
            base: base + lead as u32,
            text: t.to_owned(),
            words: words(t),
        });
    };

    for s in &report.sections {
        let at_s = (s.number.as_str(), s.path.as_str());
        if slice(text, s.span).is_some() {
            let mut at = s.span.start;
            for t in &task_spans {
                if t.end <= at || t.start >= s.span.end {
                    continue;
                }
                if t.start > at {
                    push(
                        PassageKind::Section,
                        at_s,
                        at,
                        &text[at as usize..t.start as usize],
                    );
                }
                at = at.max(t.end);
            }
            if at < s.span.end {
                push(
                    PassageKind::Section,
                    at_s,
                    at,
                    &text[at as usize..s.span.end as usize],
                );
            }
        } else {
            let own = if s.text.is_empty() {
                s.title.clone()
            } else {
                format!("{}\n{}", s.title, s.text)
            };
            push(PassageKind::Section, at_s, s.span.start, &own);
        }
    }
    for t in &report.tasks {
        // The innermost section around the task.
        let section = report
            .sections
            .iter()
            .filter(|s| s.span.start <= t.span.start && t.span.start < s.span.end)
            .max_by_key(|s| s.level)
            .map_or(("", ""), |s| (s.number.as_str(), s.path.as_str()));
        let own = slice(text, t.span).unwrap_or(&t.text);
        push(PassageKind::Task, section, t.span.start, own);
    }
    for f in &report.footnotes {
        let own = slice(text, f.span).unwrap_or(&f.text);
        let section = (f.section_number.as_str(), f.section_path.as_str());
        push(PassageKind::Footnote, section, f.span.start, own);
    }
    out
}

/// A snippet of a passage around its best match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Snippet {
    pub text: String,
    /// Byte ranges of matched words in `text`.
    pub highlights: Vec<Span>,
    /// Byte range of `text` in the passage.
    pub start: usize,
}

/// About how long a snippet is, in bytes of UTF-8 (Vietnamese letters with
/// marks take two or three).
const SNIPPET_BYTES: usize = 320;
/// How much text before the first match a snippet keeps.
const LEAD_BYTES: usize = 80;

/// Words of `text` as (folded word, original byte range).
fn original_words(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut start = 0;
    let mut end = 0;
    let mut buf = [0u8; 4];
    for (off, c) in text.char_indices() {
        let f = fold(c.encode_utf8(&mut buf));
        let next = off + c.len_utf8();
        if f.is_empty() {
            // A lone combining mark: part of the word it follows.
            if !cur.is_empty() {
                end = next;
            }
            continue;
        }
        for fc in f.chars() {
            if fc.is_alphanumeric() {
                if cur.is_empty() {
                    start = off;
                }
                cur.push(fc);
                end = next;
            } else if !cur.is_empty() {
                out.push((std::mem::take(&mut cur), start, end));
            }
        }
    }
    if !cur.is_empty() {
        out.push((cur, start, end));
    }
    out
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Builds the snippet of `text` for the folded query `terms`: the window
/// with the most distinct terms, cut at whitespace, with every matched word
/// in it highlighted.
pub(crate) fn snippet(text: &str, terms: &[String]) -> Snippet {
    let matches: Vec<(usize, usize, usize)> = original_words(text)
        .into_iter()
        .filter_map(|(w, s, e)| terms.iter().position(|t| *t == w).map(|i| (s, e, i)))
        .collect();

    // The match that starts the window holding the most distinct terms.
    let mut best = 0;
    let mut best_count = 0;
    for (i, &(s, _, _)) in matches.iter().enumerate() {
        let mut seen = vec![false; terms.len()];
        for &(_, e2, t) in &matches[i..] {
            if e2 > s + SNIPPET_BYTES - LEAD_BYTES {
                break;
            }
            seen[t] = true;
        }
        let count = seen.iter().filter(|x| **x).count();
        if count > best_count {
            best = i;
            best_count = count;
        }
    }
    let anchor = matches.get(best).map_or(0, |m| m.0);

    let mut start = floor_boundary(text, anchor.saturating_sub(LEAD_BYTES));
    if start > 0 {
        // Begin at a word: after the first whitespace at or past `start`.
        match text[start..anchor].find(char::is_whitespace) {
            Some(ws) => {
                start += ws;
                start += text[start..].chars().next().map_or(0, char::len_utf8);
            }
            None => start = anchor,
        }
    }
    let mut end = floor_boundary(text, start + SNIPPET_BYTES);
    if end < text.len()
        && let Some(ws) = text[start..end].rfind(char::is_whitespace)
        && start + ws > anchor
    {
        end = start + ws;
    }
    if let Some(&(_, e, _)) = matches.get(best) {
        end = end.max(e);
    }
    let highlights = matches
        .iter()
        .filter(|&&(s, e, _)| s >= start && e <= end)
        .map(|&(s, e, _)| Span::new(s - start, e - start))
        .collect();
    Snippet {
        text: text[start..end].to_owned(),
        highlights,
        start,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_and_split() {
        assert_eq!(
            words("Giải ngân vốn đầu tư công đạt 60,5%."),
            "giai ngan von dau tu cong dat 60 5"
        );
        assert_eq!(words("Thuỷ sản / thủy sản"), "thuy san thuy san");
        assert_eq!(words("  "), "");
    }

    #[test]
    fn query_terms_are_distinct() {
        assert_eq!(query_terms("giải ngân, Giai NGAN"), vec!["giai", "ngan"]);
    }

    #[test]
    fn snippet_keeps_diacritics_and_highlights_words() {
        let text = "Tiến độ giải ngân vốn đầu tư công còn chậm.";
        let s = snippet(text, &query_terms("giai ngan"));
        assert_eq!(s.text, text);
        let hl: Vec<&str> = s
            .highlights
            .iter()
            .map(|h| h.slice(&s.text).unwrap())
            .collect();
        assert_eq!(hl, vec!["giải", "ngân"]);
    }

    #[test]
    fn snippet_of_a_long_text_is_a_window_at_word_boundaries() {
        let filler = "Các ngành chức năng tiếp tục theo dõi. ".repeat(30);
        let text = format!("{filler}Tỉnh đã giải ngân được 40,09% kế hoạch vốn. {filler}");
        let s = snippet(&text, &query_terms("giai ngan"));
        assert!(s.text.len() <= SNIPPET_BYTES + 8, "{}", s.text.len());
        assert!(s.text.contains("giải ngân"));
        assert!(!s.text.starts_with(' '));
        assert_eq!(&text[s.start..s.start + s.text.len()], s.text);
        assert_eq!(s.highlights.len(), 2);
        for h in &s.highlights {
            assert!(h.slice(&s.text).is_some());
        }
    }

    #[test]
    fn snippet_prefers_the_window_with_all_terms() {
        let text = format!(
            "vốn vay {} vốn đầu tư công được giải ngân",
            "xxx ".repeat(200)
        );
        let s = snippet(&text, &query_terms("von giai ngan"));
        assert!(s.text.contains("giải ngân"), "{}", s.text);
        assert_eq!(s.highlights.len(), 3);
    }

    #[test]
    fn tone_placement_does_not_matter() {
        let s = snippet("Hoà bình và hòa hợp", &query_terms("hoà"));
        assert_eq!(s.highlights.len(), 2);
    }
}
