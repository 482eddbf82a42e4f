//! The structure of a report: sections, footnotes and spans.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a report's normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Self {
            start: start as u32,
            end: end as u32,
        }
    }

    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text this span covers, if it is a valid range of `text`.
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start as usize..self.end as usize)
    }
}

/// A numbered heading and the text under it (up to the next heading of any
/// level).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Section {
    /// The number as written, without its trailing dot: "I", "1", "1.1", "A".
    pub number: String,
    /// The numbers from the root down to this section joined by "/", e.g.
    /// "I/1/1.1": unique in a report even when two parts both have a "1".
    pub path: String,
    pub title: String,
    /// 1 for the top level.
    pub level: u32,
    /// Empty for a top-level section.
    pub parent_number: String,
    /// The body text directly under this heading (not its subsections'),
    /// paragraphs separated by '\n'.
    pub text: String,
    /// From the start of the heading to the end of the section's own text.
    pub span: Span,
}

/// A footnote: its body and where its marker stands.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Footnote {
    pub number: u32,
    pub text: String,
    /// The number of the section whose text holds the marker; empty when the
    /// marker was not found.
    pub section_number: String,
    /// The path (see [`Section::path`]) of that section.
    pub section_path: String,
    /// The marker in the normalized text, if it was found.
    pub marker_span: Option<Span>,
    /// The body in the normalized text.
    pub span: Span,
}
