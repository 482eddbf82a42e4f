//! The section tree: numbered headings, their nesting and their text; and
//! where the tasks part is and where each task begins.
//!
//! Nesting comes from the numbering schemes in the order they first appear
//! (a "Phần" above "I." above "1." above "1.1." in the usual report, but
//! whatever order a report uses), not from a fixed table. A number that skips
//! ("1.4" then "1.6") is kept as written and reported.

use baocao_domain::text::fold;
use baocao_domain::{QualityIssue, QualityIssueKind, Section, Span};

use crate::document::Document;
use crate::numbering::{self, Numbering, Style};
use crate::paragraphs::{Zone, ends_sentence, figure_cell};

/// The tasks part of a report ("II. NHIỆM VỤ CHỦ YẾU THÁNG 6 NĂM 2024").
#[derive(Debug, Clone)]
pub struct TasksPart {
    /// Its index in `Outline::sections`.
    pub section: usize,
    /// Paragraphs that open a task, with their number.
    pub starts: Vec<(usize, Numbering)>,
    /// One past the last paragraph of the part.
    pub end: usize,
}

#[derive(Debug, Default)]
pub struct Outline {
    pub sections: Vec<Section>,
    /// For each paragraph, the section it belongs to (a heading belongs to
    /// its own section).
    pub para_section: Vec<Option<usize>>,
    pub tasks: Option<TasksPart>,
    pub issues: Vec<QualityIssue>,
    /// Paragraphs that begin with an inline heading ("1. Công nghiệp: Chỉ
    /// số ..."), with where the heading ends: the rest is body text.
    pub inline: Vec<(usize, u32)>,
}

struct Open {
    style: Style,
    number: String,
    value: u32,
    path: String,
}

/// Whether a tasks-part title announces coming work, not results.
pub fn is_tasks_title(title: &str) -> bool {
    let f = fold(title);
    (f.contains("nhiem vu") || f.contains("phuong huong"))
        && !f.contains("ket qua")
        && !f.contains("tinh hinh")
        && !f.contains("danh gia")
}

fn has_inner_sentence_end(title: &str) -> bool {
    let b = title.as_bytes();
    (1..b.len().saturating_sub(1)).any(|i| {
        b[i] == b'.'
            && b[i + 1] == b' '
            && title[i + 2..].starts_with(char::is_uppercase)
            && !b[i - 1].is_ascii_uppercase()
    })
}

fn is_heading(n: &Numbering, text: &str) -> bool {
    let title = &text[n.title_start..];
    let len = title.chars().count();
    match n.style {
        Style::Part => len <= 200,
        Style::Roman | Style::Letter => len <= 200 && !has_inner_sentence_end(title),
        Style::Arabic(_) | Style::LetterParen => {
            len <= 160
                && !has_inner_sentence_end(title)
                // A plan's numbered grounds cite one document each ("2.
                // Thông tư 05/2022/TT-BNNPTNT ngày" wrapped): items.
                && !crate::docrefs::opens_citation(title)
                && (!ends_sentence(title) || title.trim_end().ends_with(':'))
        }
    }
}

/// "1. Công nghiệp: Chỉ số sản xuất ...", "a) Trồng trọt: Tổng diện tích
/// ...", "1.1. Thương mại: ..." (a heading and its text on one line, as
/// statistics offices' briefs write them): the byte offset in `text` just
/// after the heading's colon. The head is a short name (at most eight
/// words, no figure, no sentence end) and a capitalised sentence follows.
/// A head that names one entity ("1. Công ty TNHH Hòa Phát: Doanh thu
/// ...", "2. Huyện Lục Ngạn: ...") is an item of a list, not a heading.
fn inline_head(n: &Numbering, text: &str) -> Option<usize> {
    if !matches!(
        n.style,
        Style::Arabic(_) | Style::Roman | Style::Letter | Style::LetterParen
    ) {
        return None;
    }
    let title = &text[n.title_start..];
    let colon = title.find(": ")?;
    let head = title[..colon].trim();
    let rest = title[colon + 2..].trim_start();
    let words = head.split_whitespace().count();
    ((1..=8).contains(&words)
        && !head.bytes().any(|b| b.is_ascii_digit())
        && !head.contains(['.', ';', '('])
        && !names_entity(head)
        && rest.starts_with(char::is_uppercase))
    .then_some(n.title_start + colon + 1)
}

/// Whether a numbered line that reads like an inline heading is an item
/// of a list in the section's text: its number goes back at a level open
/// above it ("2. Văn hóa - xã hội" then "1. Môn Toán: Đạt 5 giải"), or
/// continues the list item just before it ("2. Môn Vật lý: ..." then "3.
/// Khối trung học cơ sở: ...").
fn list_item(n: &Numbering, stack: &[Open], last_item: Option<&(Style, u32)>) -> bool {
    stack
        .iter()
        .any(|o| o.style == n.style && o.value >= n.value)
        || last_item.is_some_and(|&(style, value)| style == n.style && value + 1 == n.value)
}

/// Words an entity's name begins with: a company, a project, a place.
const ENTITY_HEADS: &[&str] = &[
    "cong ty",
    "tap doan",
    "tong cong ty",
    "ngan hang ",
    "nha may ",
    "du an ",
    "huyen ",
    "thi xa ",
    "thanh pho ",
    "benh vien ",
];

/// Whether a heading-like head names one entity rather than a topic: it
/// begins like a company's, project's or place's name, or a word after
/// the first is a proper name (capitalised, not an acronym). Topic
/// headings are written in common nouns ("Thương mại, dịch vụ").
fn names_entity(head: &str) -> bool {
    let f = fold(head);
    ENTITY_HEADS.iter().any(|e| f.starts_with(e))
        || head.split_whitespace().skip(1).any(|w| {
            let mut cs = w.chars().filter(|c| c.is_alphabetic());
            cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase)
        })
}

fn is_upper_short(text: &str) -> bool {
    text.chars().count() <= 200
        && text.chars().any(baocao_domain::text::is_alphabetic)
        && !text.chars().any(char::is_lowercase)
}

pub fn build(doc: &Document) -> Outline {
    let mut out = Outline {
        para_section: vec![None; doc.paras.len()],
        ..Outline::default()
    };
    let mut stack: Vec<Open> = Vec::new();
    // (parent path, style) -> last value seen
    let mut last_values: Vec<((String, Style), u32, String)> = Vec::new();
    let mut current: Option<usize> = None;
    let mut tasks: Option<(TasksPart, usize)> = None; // part, its level
    let mut skip_title_para = None;
    let mut title_paras: Vec<usize> = Vec::new();
    // The last numbered paragraph of the current section that is no
    // heading: an item of a list.
    let mut last_item: Option<(Style, u32)> = None;
    let body: Vec<usize> = doc.zone(Zone::Body).collect();
    for (k, &pi) in body.iter().enumerate() {
        if skip_title_para == Some(pi) {
            out.para_section[pi] = current;
            continue;
        }
        let text = doc.para(pi);
        let num = numbering::parse(text).filter(|_| !table_row(doc, pi));
        // Inside the tasks part, first-level numbers open tasks.
        if let (Some(n), Some((part, level))) = (&num, &mut tasks)
            && n.style == Style::Arabic(1)
            && stack.len() >= *level
        {
            part.starts.push((pi, n.clone()));
            out.para_section[pi] = current;
            continue;
        }
        let inline = num
            .as_ref()
            .filter(|n| !is_heading(n, text) && !list_item(n, &stack, last_item.as_ref()))
            .and_then(|n| inline_head(n, text));
        let item = num.as_ref().map(|n| (n.style, n.value));
        let Some(n) = num.filter(|n| is_heading(n, text) || inline.is_some()) else {
            last_item = item.or(last_item);
            out.para_section[pi] = current;
            if let Some(c) = current {
                let s = &mut out.sections[c];
                if !s.text.is_empty() {
                    s.text.push('\n');
                }
                s.text.push_str(text);
                s.span.end = doc.paras[pi].span.end;
            }
            continue;
        };
        last_item = None;
        let mut title = text[n.title_start..inline.unwrap_or(text.len())]
            .trim()
            .trim_end_matches(':')
            .trim_end()
            .to_owned();
        let mut span = doc.paras[pi].span;
        if let Some(end) = inline {
            span.end = span.start + end as u32;
        }
        if title.is_empty()
            && let Some(&next) = body.get(k + 1)
        {
            let t = doc.para(next);
            if is_upper_short(t) && numbering::parse(t).is_none() {
                title = t.to_owned();
                span.end = doc.paras[next].span.end;
                skip_title_para = Some(next);
                title_paras.push(next);
            }
        }
        if let Some(pos) = stack.iter().position(|o| o.style == n.style) {
            stack.truncate(pos);
        }
        if let Some((_, level)) = &tasks
            && stack.len() < *level
            && let Some((part, _)) = tasks.take()
        {
            out.tasks.get_or_insert(TasksPart { end: pi, ..part });
        }
        let parent = stack.last();
        let parent_path = parent.map_or(String::new(), |p| p.path.clone());
        let path = if parent_path.is_empty() {
            n.label.clone()
        } else {
            format!("{parent_path}/{}", n.label)
        };
        check_gap(&mut last_values, &parent_path, &n, span, &mut out.issues);
        let idx = out.sections.len();
        out.sections.push(Section {
            number: n.label.clone(),
            path: path.clone(),
            title: title.clone(),
            level: stack.len() as u32 + 1,
            parent_number: parent.map_or(String::new(), |p| p.number.clone()),
            text: String::new(),
            span,
        });
        stack.push(Open {
            style: n.style,
            number: n.label.clone(),
            value: n.value,
            path,
        });
        current = Some(idx);
        out.para_section[pi] = current;
        if let Some(end) = inline {
            out.sections[idx].text = text[end..].trim().to_owned();
            out.sections[idx].span.end = doc.paras[pi].span.end;
            out.inline.push((pi, span.end));
        }
        if tasks.is_none()
            && out.tasks.is_none()
            && idx > 0
            && is_tasks_title(&title)
            && !matches!(n.style, Style::Arabic(_) | Style::LetterParen)
        {
            tasks = Some((
                TasksPart {
                    section: idx,
                    starts: Vec::new(),
                    end: doc.paras.len(),
                },
                stack.len(),
            ));
        }
    }
    if let Some((part, _)) = tasks {
        let end = doc.zone(Zone::Closing).next().unwrap_or(doc.paras.len());
        out.tasks.get_or_insert(TasksPart { end, ..part });
    }
    // Task paragraphs belong to the tasks part's section text too.
    if let Some(part) = &out.tasks {
        let sec = part.section;
        for pi in part.starts.iter().map(|(p, _)| *p) {
            out.para_section[pi] = Some(sec);
        }
        let mut text = String::new();
        let mut end = out.sections[sec].span.end;
        for pi in body.iter().copied().filter(|&pi| {
            !title_paras.contains(&pi)
                && pi < part.end
                && out.para_section[pi] == Some(sec)
                && doc.paras[pi].span.start > out.sections[sec].span.start
        }) {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(doc.para(pi));
            end = end.max(doc.paras[pi].span.end);
        }
        out.sections[sec].text = text;
        out.sections[sec].span.end = end;
        let _ = stack;
    }
    out
}

/// A numbered cell that is a table's row ("1. Lượt khách phục vụ", "II.
/// Lữ hành"), not a heading: a figure other than a year's head stands
/// before it in its run of cells, or its figures follow it (after a unit
/// cell at most), or it heads a group whose first row (numbered too) has
/// them ("I. Dịch vụ lưu trú" / "1. Lượt khách" / "Lượt khách" /
/// "120500"). A caption ("8. Chỉ số sản xuất công nghiệp") stands before
/// the column heads: it stays a heading.
fn table_row(doc: &Document, pi: usize) -> bool {
    if !doc.paras[pi].cell {
        return false;
    }
    let value = |q: usize| {
        let t = doc.para(q).trim_matches([' ', '|']);
        figure_cell(t) && !is_year(t)
    };
    let cell = |q: usize| doc.paras.get(q).is_some_and(|p| p.cell);
    if (0..pi).rev().take_while(|&q| cell(q)).any(value) {
        return true;
    }
    // Its figures (after a unit cell at most), or its group's first row's.
    let first = if cell(pi + 1) && numbering::parse(doc.para(pi + 1)).is_some() {
        pi + 2
    } else {
        pi + 1
    };
    (first..first + 2).take_while(|&q| cell(q)).any(value)
}

/// "2019": a year, a column's head.
fn is_year(t: &str) -> bool {
    t.len() == 4
        && (t.starts_with("19") || t.starts_with("20"))
        && t.bytes().all(|b| b.is_ascii_digit())
}

fn check_gap(
    last: &mut Vec<((String, Style), u32, String)>,
    parent: &str,
    n: &Numbering,
    span: Span,
    issues: &mut Vec<QualityIssue>,
) {
    let key = (parent.to_owned(), n.style);
    let prev = last.iter_mut().find(|(k, _, _)| *k == key);
    let (expected, prev_label) = match &prev {
        Some((_, v, l)) => (v + 1, Some(l.clone())),
        None => (1, None),
    };
    if n.value != expected {
        let message = match prev_label {
            Some(p) if n.value > expected => format!(
                "heading {} follows {p}: {} missing",
                n.label,
                if n.value == expected + 1 {
                    "one number is"
                } else {
                    "numbers are"
                }
            ),
            Some(p) => format!("heading {} follows {p}: numbering goes back", n.label),
            None => format!(
                "heading {} is the first of its level here; expected number {expected}",
                n.label
            ),
        };
        issues.push(QualityIssue {
            kind: QualityIssueKind::NumberingGap,
            message,
            span,
        });
    }
    match prev {
        Some(entry) => {
            entry.1 = n.value;
            entry.2 = n.label.clone();
        }
        None => last.push((key, n.value, n.label.clone())),
    }
}
