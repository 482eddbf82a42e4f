//! The normalized document: one text that every span points into, with its
//! paragraphs and footnotes located in it.
//!
//! The text is the body's paragraphs in reading order, one a line, then the
//! footnotes, one a line, each opened by its number in superscript. Markers
//! in the body are superscripts too ("5/2023¹"), so no later stage can read
//! a marker as part of a number.

use baocao_domain::{QualityIssue, QualityIssueKind, Span};

use crate::diacritics::Note;
use crate::layout::{FootnoteBody, Line};
use crate::markers::{self, Marker};
use crate::paragraphs::{self, Para, Zone};

#[derive(Debug, Clone)]
pub struct DocPara {
    pub span: Span,
    pub zone: Zone,
    /// One cell of a table laid out one cell a line.
    pub cell: bool,
}

#[derive(Debug, Clone)]
pub struct DocFootnote {
    pub number: u32,
    /// The body, without its number.
    pub span: Span,
    pub marker: Option<Span>,
    /// The paragraph holding the marker.
    pub marker_para: Option<usize>,
}

#[derive(Debug, Default)]
pub struct Document {
    pub text: String,
    pub paras: Vec<DocPara>,
    pub footnotes: Vec<DocFootnote>,
    pub issues: Vec<QualityIssue>,
}

impl Document {
    pub fn para(&self, i: usize) -> &str {
        self.slice(self.paras[i].span)
    }

    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text).unwrap_or("")
    }

    /// Indices of the paragraphs in `zone`.
    pub fn zone(&self, zone: Zone) -> impl Iterator<Item = usize> + '_ {
        self.paras
            .iter()
            .enumerate()
            .filter(move |(_, p)| p.zone == zone)
            .map(|(i, _)| i)
    }

    /// The footnote whose body contains `offset`.
    pub fn footnote_at(&self, offset: u32) -> Option<&DocFootnote> {
        self.footnotes
            .iter()
            .find(|f| f.span.start <= offset && offset <= f.span.end)
    }
}

fn issue(note: Note, base: usize) -> QualityIssue {
    QualityIssue {
        kind: note.kind,
        message: note.message,
        span: Span::new(base + note.start, base + note.end),
    }
}

/// Builds the document from the body paragraphs and footnote bodies.
pub fn assemble(mut paras: Vec<Para>, footnotes: Vec<FootnoteBody<'_>>) -> Document {
    let markers: Vec<Marker> = markers::find_and_rewrite(&mut paras, &footnotes);
    let total: usize = paras.iter().map(|p| p.text.len() + 1).sum::<usize>()
        + footnotes
            .iter()
            .map(|f| f.lines.iter().map(|l| l.text.len() + 1).sum::<usize>() + 8)
            .sum::<usize>();
    let mut doc = Document {
        text: String::with_capacity(total),
        ..Document::default()
    };
    let mut para_starts = Vec::with_capacity(paras.len());
    for p in paras {
        let start = doc.text.len();
        para_starts.push(start);
        doc.text.push_str(&p.text);
        doc.paras.push(DocPara {
            span: Span::new(start, doc.text.len()),
            zone: p.zone,
            cell: p.cell,
        });
        doc.issues
            .extend(p.notes.into_iter().map(|n| issue(n, start)));
        doc.text.push('\n');
    }
    for f in footnotes {
        let mut lines = f.lines.into_iter();
        let Some(first) = lines.next() else { continue };
        let mut body = Para {
            text: first.text.into_owned(),
            zone: Zone::Body,
            lines: vec![],
            notes: first.notes,
            cell: false,
        };
        for l in lines {
            paragraphs::append(&mut body, Line { ..l });
        }
        doc.text.push_str(&markers::marker_text(f.number));
        doc.text.push(' ');
        let start = doc.text.len();
        doc.text.push_str(&body.text);
        let marker = markers.iter().find(|m| m.number == f.number);
        doc.footnotes.push(DocFootnote {
            number: f.number,
            span: Span::new(start, doc.text.len()),
            marker: marker
                .map(|m| Span::new(para_starts[m.para] + m.start, para_starts[m.para] + m.end)),
            marker_para: marker.map(|m| m.para),
        });
        doc.issues
            .extend(body.notes.into_iter().map(|n| issue(n, start)));
        doc.text.push('\n');
    }
    for m in &markers {
        if !doc.footnotes.iter().any(|f| f.number == m.number) {
            doc.issues.push(QualityIssue {
                kind: QualityIssueKind::FootnoteBodyMissing,
                message: format!(
                    "footnote marker {} has no body (lost with the copy): not read as a figure",
                    m.number
                ),
                span: Span::new(para_starts[m.para] + m.start, para_starts[m.para] + m.end),
            });
        }
    }
    for f in &doc.footnotes {
        if f.marker.is_none() {
            doc.issues.push(QualityIssue {
                kind: QualityIssueKind::FootnoteMarkerMissing,
                message: format!(
                    "footnote {} has a body but its marker was not found in the text",
                    f.number
                ),
                span: f.span,
            });
        }
    }
    doc
}
