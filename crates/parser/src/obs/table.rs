//! Tables laid out one cell a line: a statistics office's table copied from
//! a web page or a PDF arrives as one paragraph per cell ("Tổng số" /
//! "4736,0" / "4671,4" / ...; `paragraphs::table_lines` keeps them apart).
//! The header names the columns (a period, a status, a comparison); the
//! rows are a label and as many figures as there are columns. A table whose
//! rows do not divide into its columns is not read, with an issue: no row
//! is guessed. See `design.md`, "Tables one cell a line".

use std::ops::Range;

use baocao_domain::catalog;
use baocao_domain::text::lowercase;
use baocao_domain::{
    Change, Comparison, ComparisonBase, Observation, ObservationStatus, Period, Provenance,
    Qualifier, QualityIssue, QualityIssueKind, Quantity, Span,
};

use super::compare::base_at;
use super::numbers::{Unit, parse_number, quantity, unit_after};
use super::when::{self, Anchor};
use crate::document::Document;
use crate::paragraphs::figure_cell;

/// What a table gave: its observations, or an issue when its rows could
/// not be told apart.
pub(super) struct Read {
    pub obs: Vec<Observation>,
    pub issues: Vec<QualityIssue>,
}

/// One cell: its text (without "|" and spaces at its ends) and where it
/// stands in the normalized text.
struct Cell<'a> {
    text: &'a str,
    at: Range<usize>,
    para: usize,
    figure: bool,
}

/// What a column's head says its figures are.
#[derive(Debug, Clone)]
struct Column {
    head: String,
    period: Option<Period>,
    status: ObservationStatus,
    /// A comparison column ("so với cùng kỳ năm trước (%)"): its figures
    /// are the row's figure as a percent of the base.
    base: Option<(ComparisonBase, String)>,
    /// A status word opens the head ("Thực hiện", "Ước tính", "Lũy kế").
    stated: bool,
    /// The same period a year earlier ("Thực hiện cùng kỳ năm trước").
    earlier: bool,
}

/// A row: its label, its unit (a unit column's cell or a bracket of the
/// label), the group it stands under, and its figures.
struct Row {
    label: String,
    unit: Option<Unit>,
    group: Option<&'static catalog::Indicator>,
    /// Under "Trong đó:", the row the items break down.
    parent: Option<usize>,
    start: usize,
    cells: Range<usize>,
}

/// No table: the cells hold no column head before their first figure, so
/// none starts at a paragraph before `until` either (the header is read
/// cell by cell, and before a head no cell's reading depends on the cells
/// before it). The engine reads those paragraphs as text and does not ask
/// again for each of them.
pub(super) struct NoTable {
    pub until: usize,
}

/// Reads the table of paragraphs `paras` (cells, see `DocPara::cell`).
/// [`NoTable`] when they hold no column head: the engine reads them.
pub(super) fn read(
    doc: &Document,
    paras: Range<usize>,
    section: &dyn Fn(usize) -> String,
    anchor: Anchor,
    fallback: Option<&Period>,
) -> Result<Read, NoTable> {
    // The cells are taken as the header needs them, and all of them only
    // when it has a head: a run of cells with none costs its header's
    // cells, not the run.
    let mut rest = paras.clone().filter_map(|pi| {
        let span = doc.paras[pi].span;
        let raw = doc.para(pi);
        let text = raw.trim_matches([' ', '|']);
        if text.is_empty() {
            return None;
        }
        let start = span.start as usize + (text.as_ptr() as usize - raw.as_ptr() as usize);
        Some(Cell {
            text,
            at: start..start + text.len(),
            para: pi,
            figure: figure_cell(text) || is_blank_value(text),
        })
    });
    let mut cells: Vec<Cell> = Vec::new();
    // The header: a caption, the table's unit, the heads of the label and
    // unit columns, and the value columns' heads (each wrapped over lines).
    let mut caption = String::new();
    let mut table_unit: Option<Unit> = None;
    let mut unit_column = false;
    let mut heads: Vec<String> = Vec::new();
    let mut i = 0;
    loop {
        if i == cells.len() {
            let Some(c) = rest.next() else { break };
            cells.push(c);
        }
        let c = &cells[i];
        let t = c.text;
        let lower = lowercase(t);
        // "năm" / "2019": a year ends a head; "2010 |": a year's column.
        if c.figure {
            match heads.last_mut() {
                Some(h) if is_year(t) && lowercase(h).ends_with("năm") => {
                    h.push(' ');
                    h.push_str(t);
                }
                _ if is_year(t) => heads.push(t.to_owned()),
                _ => break,
            }
        } else if ["đơn vị tính", "đvt", "đơn vị"].contains(&lower.as_str()) {
            unit_column = true;
        } else if let Some(u) = unit_line(&lower) {
            table_unit = u;
        } else if [
            "chỉ tiêu",
            "danh mục",
            "tên chỉ tiêu",
            "nội dung",
            "stt",
            "tt",
        ]
        .contains(&lower.as_str())
            || is_translation(t)
        {
            // The label column's head, an English line: nothing to read.
        } else if let Some(h) = heads.last_mut().filter(|h| {
            // "tháng 2", "quý I", "với tháng trước": a head's wrapped
            // line; "2016/2015" after "2015/2014" a column of its own.
            // "Tháng 5 năm 2024" then "5 tháng năm 2024": a head that ends
            // on its year is whole.
            let lower_head = lowercase(h);
            continues(t)
                && (!is_year(t.get(..4).unwrap_or("")) || lower_head.ends_with("năm"))
                && !(t.starts_with(|c: char| c.is_ascii_digit())
                    && is_year(
                        lower_head
                            .get(lower_head.len().saturating_sub(4)..)
                            .unwrap_or(""),
                    ))
        }) {
            h.push(' ');
            h.push_str(t);
        } else if opens_column(&lower) {
            heads.push(t.to_owned());
        } else if continues(t) {
            // After a head whole with its year, "5 tháng năm 2024" opens
            // the next; before any head, a caption's wrapped line.
            if heads.is_empty() {
                caption.push(' ');
                caption.push_str(t);
            } else {
                heads.push(t.to_owned());
            }
        } else if heads.is_empty() {
            caption.push(' ');
            caption.push_str(t);
        } else {
            break;
        }
        i += 1;
    }
    if heads.is_empty() {
        return Err(NoTable {
            until: cells.get(i).map_or(paras.end, |c| c.para + 1),
        });
    }
    cells.extend(rest);
    // "Chỉ số giá tiêu dùng ... các tháng năm 2018 so với tháng 12 năm
    // trước": the caption's base is every column's that names none; "Tổng
    // sản phẩm ... (%)": its unit.
    let caption_lower = lowercase(&caption);
    let caption_base = caption_lower
        .find("so với")
        .and_then(|at| base_at(&caption_lower[at..], anchor))
        .map(|(b, l, _)| (b, l));
    if table_unit.is_none() && caption_lower.trim_end().ends_with("(%)") {
        table_unit = unit_after("%");
    }
    // (A head is a cell: there is one at least.)
    let (first, last) = (&cells[0], &cells[cells.len() - 1]);
    let name = caption.trim().to_owned();
    let span = Span::new(first.at.start, last.at.end);
    let unread = |why: String| Read {
        obs: Vec::new(),
        issues: vec![QualityIssue {
            kind: QualityIssueKind::UnattachedNumber,
            message: format!(
                "table {:?} laid out one cell a line: {why}; its figures are not read",
                if name.is_empty() { &heads[0] } else { &name }
            ),
            span,
        }],
    };
    let subject = catalog::find_in(&name, None).map(|(ind, r)| (ind, name[r].to_owned()));
    // The rows: label cells (a unit cell last when the table has a unit
    // column), then the figures.
    let mut rows: Vec<Row> = Vec::new();
    let mut group: Option<&'static catalog::Indicator> = None;
    let mut parent: Option<usize> = None;
    while i < cells.len() {
        let t0 = i;
        while i < cells.len() && !cells[i].figure {
            i += 1;
        }
        let f0 = i;
        while i < cells.len() && cells[i].figure {
            i += 1;
        }
        let mut texts: Vec<&Cell> = cells[t0..f0]
            .iter()
            .filter(|c| !is_translation(c.text))
            .collect();
        if f0 == i {
            break; // words after the last figure
        }
        let mut unit = None;
        if unit_column {
            let Some(u) = texts.pop() else {
                return Ok(unread(format!(
                    "a row has no unit before {:?}",
                    cells[f0].text
                )));
            };
            unit = unit_of(u.text);
        }
        // The label: the last cell that opens one, with the cells that
        // continue it; the cells before it head groups of rows.
        let Some(open) = texts.iter().rposition(|c| !continues(c.text)) else {
            return Ok(unread(format!(
                "a row has no label before {:?}",
                cells[f0].text
            )));
        };
        for g in &texts[..open] {
            let lower = lowercase(g.text);
            if ["trong đó", "chia ra", "bao gồm"]
                .iter()
                .any(|w| lower.starts_with(w))
            {
                parent = rows.len().checked_sub(1);
            } else {
                parent = None;
                if let Some((ind, _)) = catalog::find_in(g.text, None) {
                    group = Some(ind);
                }
            }
        }
        let mut label = String::new();
        for c in &texts[open..] {
            // "Lượt khách du lịch theo tour" / "(Lượt khách)": the row's unit.
            if let Some(inner) = c.text.strip_prefix('(').and_then(|s| s.strip_suffix(')'))
                && let Some(u) = unit_of(inner)
            {
                unit.get_or_insert(u);
                continue;
            }
            if !label.is_empty() {
                label.push(' ');
            }
            label.push_str(c.text);
        }
        if let Some(at) = label.find(" (")
            && let Some(u) = label[at + 2..].strip_suffix(')').and_then(unit_of)
        {
            unit.get_or_insert(u);
            label.truncate(at);
        }
        rows.push(Row {
            label: clean_label(&label),
            unit,
            group,
            parent,
            start: texts[open].at.start,
            cells: f0..i,
        });
    }
    let Some(k) = rows.first().map(|r| r.cells.len()) else {
        return Ok(unread(String::from("no row of figures")));
    };
    if let Some(r) = rows.iter().find(|r| r.cells.len() != k) {
        return Ok(unread(format!(
            "row {:?} has {} figures where the first row has {k}",
            r.label,
            r.cells.len()
        )));
    }
    let mut columns: Vec<Column> = heads.iter().map(|h| column(h, anchor)).collect();
    // "So với cùng kỳ năm 2018" over "Tháng 3 năm 2019" and "Quý I năm
    // 2019": a head of a group of columns, whose base is theirs.
    if columns.len() == k + 1
        && let Some(g) = columns
            .iter()
            .position(|c| c.period.is_none() && c.base.is_some() && !c.stated)
    {
        let group = columns.remove(g);
        for c in &mut columns {
            if c.base.is_none() && !c.stated && !c.earlier && c.period.is_some() {
                c.base = group.base.clone();
            }
        }
    }
    if let Some(base) = &caption_base {
        for c in columns
            .iter_mut()
            .filter(|c| c.base.is_none() && !c.earlier)
        {
            c.base = Some(base.clone());
        }
    }
    if columns.len() != k {
        return Ok(unread(format!(
            "{} column heads for rows of {k} figures",
            columns.len()
        )));
    }
    if let Some(c) = columns
        .iter()
        .find(|c| c.period.is_none() && c.base.is_none() && !c.earlier)
    {
        return Ok(unread(format!("the column {:?} names no period", c.head)));
    }
    // "Thực hiện cùng kỳ năm trước": the period of the column after it, a
    // year earlier.
    for j in 0..columns.len() {
        if columns[j].earlier && columns[j].period.is_none() {
            let next = columns[j + 1..]
                .iter()
                .find_map(|c| c.period.clone())
                .or_else(|| fallback.cloned());
            columns[j].period = next.map(|p| when::year_earlier(&p, &columns[j].head));
        }
    }
    let mut obs = Vec::new();
    let mut subjects: Vec<(&'static str, String, String)> = Vec::with_capacity(rows.len());
    for row in &rows {
        let (code, label, breakdown) = match row.parent.map(|p| &subjects[p]) {
            // "Trong đó: Thịt lợn" under the meat output: its item, unless
            // the item names an indicator of its own.
            Some((code, label, _)) if catalog::find_in(&row.label, None).is_none() => {
                (*code, label.clone(), row.label.clone())
            }
            _ => subject_of(row, subject.as_ref()),
        };
        subjects.push((code, label.clone(), breakdown.clone()));
        let sentence = doc.text[row.start..cells[row.cells.end - 1].at.end].replace('\n', " ");
        let first_obs = obs.len();
        // Which observation of the row each column's figure is.
        let mut of_column: Vec<Option<usize>> = vec![None; k];
        for (j, col) in columns.iter().enumerate() {
            let cell = &cells[row.cells.start + j];
            let Some(value) = parse_number(cell.text) else {
                continue; // "-": nothing in this cell
            };
            let target = match &col.base {
                None => None,
                Some(_) => match &col.period {
                    Some(p) => (first_obs..obs.len()).find(|&o| {
                        let x: &Observation = &obs[o];
                        x.period
                            .as_ref()
                            .is_some_and(|q| (q.kind, q.start, q.end) == (p.kind, p.start, p.end))
                    }),
                    None => of_column[..j].iter().rev().flatten().next().copied(),
                },
            };
            let o = match target {
                Some(o) => o,
                None => {
                    obs.push(Observation {
                        indicator: code.to_owned(),
                        label: label.clone(),
                        breakdown: breakdown.clone(),
                        period: col.period.clone().or_else(|| fallback.cloned()),
                        quantity: None,
                        status: col.status,
                        comparisons: Vec::new(),
                        provenance: Provenance {
                            section_number: section(cell.para),
                            footnote_number: None,
                            span: Span::new(cell.at.start, cell.at.end),
                            sentence: sentence.clone(),
                        },
                    });
                    obs.len() - 1
                }
            };
            of_column[j] = Some(o);
            match &col.base {
                None => {
                    obs[o].quantity = Some(level(value, row.unit.as_ref().or(table_unit.as_ref())))
                }
                Some((base, base_label)) => obs[o].comparisons.push(Comparison {
                    base: *base,
                    base_label: base_label.clone(),
                    change: Change::AttainmentPercent(value),
                    qualifier: Qualifier::Exact,
                }),
            }
        }
    }
    Ok(Read {
        obs,
        issues: Vec::new(),
    })
}

/// A unit as a cell writes it ("Triệu USD", "Tấn", "%").
fn unit_of(text: &str) -> Option<Unit> {
    unit_after(text)
        .or_else(|| {
            // "Triệu USD" -> "triệu USD": the capital of a cell's first word.
            let mut chars = text.chars();
            let first = chars.next()?;
            unit_after(&(lowercase(first.encode_utf8(&mut [0; 4])) + chars.as_str()))
        })
        .or_else(|| unit_after(&lowercase(text)))
}

fn level(value: f64, unit: Option<&Unit>) -> Quantity {
    quantity(value, None, unit, Qualifier::Exact)
}

/// The row's indicator code, label and breakdown: a total is the table's
/// subject; a row naming an indicator is that indicator; another row is an
/// item of the group or table it stands in (or its own subject as written).
fn subject_of(
    row: &Row,
    subject: Option<&(&'static catalog::Indicator, String)>,
) -> (&'static str, String, String) {
    let lower = lowercase(&row.label);
    let total = [
        "tổng số",
        "tổng cộng",
        "tổng",
        "toàn ngành",
        "toàn tỉnh",
        "chỉ số chung",
        "chung",
    ]
    .iter()
    .any(|t| lower.starts_with(t));
    if total && let Some((ind, name)) = subject {
        return (ind.code, name.clone(), String::new());
    }
    if let Some((ind, r)) = catalog::find_in(&row.label, None) {
        // "Lượt khách ngủ qua đêm": the words left are the item.
        let rest = format!("{} {}", &row.label[..r.start], &row.label[r.end..]);
        let item = rest.trim_matches(|c: char| c == ' ' || c == ',' || c == ':');
        return (ind.code, row.label[r].to_owned(), item.to_owned());
    }
    if let Some(ind) = row.group {
        return (ind.code, ind.name.to_owned(), row.label.clone());
    }
    match subject {
        Some((ind, name)) => (ind.code, name.clone(), row.label.clone()),
        None => ("", row.label.clone(), String::new()),
    }
}

/// What a column's head says.
fn column(head: &str, anchor: Anchor) -> Column {
    let lower = lowercase(head);
    let so = ["so với", "so sánh", "so cùng kỳ", " so "]
        .iter()
        .filter_map(|w| lower.find(w))
        .min();
    let (before, after) = lower.split_at(so.unwrap_or(lower.len()));
    let bare = after.trim_end_matches(['(', ')', '%', ' ']);
    let mut base = so.map(|_| {
        base_at(after, anchor).filter(|_| bare != "so sánh").map_or(
            // "So sánh (%)": the genre's unstated base is the year before.
            (ComparisonBase::SamePeriodLastYear, after.trim().to_owned()),
            |(b, l, _)| (b, l),
        )
    });
    let year = |t: &str| {
        t.trim()
            .get(..4)
            .filter(|y| is_year(y))
            .and_then(|y| y.parse::<i32>().ok())
    };
    // The head as written ("quý I": a Roman numeral is no lowercase word).
    let written = head
        .get(..before.len())
        .filter(|_| head.len() == lower.len())
        .unwrap_or(before);
    let mut period = when::mentions(written, anchor).pop().map(|m| m.period);
    // "2010", "2015/2014" (the second year's index = 100).
    if period.is_none()
        && let Some(y) = year(before)
    {
        period = Period::year(y, before.trim());
        if let Some((_, prev)) = before.trim().split_once('/')
            && year(prev) == Some(y - 1)
        {
            base.get_or_insert((ComparisonBase::SamePeriodLastYear, format!("năm {}", y - 1)));
        }
    }
    let stated = [
        "thực hiện",
        "ước",
        "dự",
        "lũy kế",
        "luỹ kế",
        "cộng dồn",
        "tính chung",
        "sơ bộ",
    ]
    .iter()
    .any(|w| before.starts_with(w));
    // "ước" as a word ("Ước tính", "dự ước"), not in "trước".
    let status = if before.starts_with("ước") || before.contains(" ước") {
        ObservationStatus::Estimate
    } else if before.contains("dự kiến") || before.contains("dự tính") {
        ObservationStatus::Forecast
    } else {
        ObservationStatus::Actual
    };
    Column {
        head: head.to_owned(),
        earlier: period.is_none() && base.is_none() && before.contains("cùng kỳ"),
        period,
        status,
        base,
        stated,
    }
}

/// A head that opens a value column.
fn opens_column(lower: &str) -> bool {
    [
        "thực hiện",
        "ước",
        "dự ước",
        "dự kiến",
        "dự tính",
        "lũy kế",
        "luỹ kế",
        "cộng dồn",
        "tính chung",
        "tháng",
        "quý",
        "năm ",
        "so với",
        "so sánh",
        "so cùng kỳ",
        "cùng kỳ",
        "kỳ báo cáo",
        "sơ bộ",
    ]
    .iter()
    .any(|w| lower.starts_with(w))
        || is_year(lower.get(..4).unwrap_or(""))
}

/// A cell that goes on the one before it: a wrapped line ("với tháng
/// trước", "6 năm 2015 so") or a bracket ("(Lượt khách)", "(%)").
fn continues(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c == '(' || c.is_ascii_digit())
        && !numbered(text)
}

/// "1. Công nghiệp khai khoáng", "2) ...": a numbered label, not a wrap.
fn numbered(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && digits < 3
        && matches!(text.as_bytes().get(digits), Some(b'.' | b')'))
        && text.as_bytes().get(digits + 1) == Some(&b' ')
}

/// "Đơn vị tính: Tỷ đồng", "ĐVT: %", "Đơn vị tính - Unit: %": the table's
/// unit (`Some(None)` when it is none the reader knows).
fn unit_line(lower: &str) -> Option<Option<Unit>> {
    let rest = ["đơn vị tính", "đvt"]
        .iter()
        .find_map(|w| lower.strip_prefix(w))?;
    let at = rest.rfind(':')?;
    Some(unit_of(rest[at + 1..].trim()))
}

/// An English translation under a Vietnamese label (yearbooks): letters of
/// ASCII only, at least two words.
fn is_translation(text: &str) -> bool {
    text.is_ascii() && text.bytes().filter(u8::is_ascii_lowercase).count() > 3
}

/// "-", "…", "x": a cell with no figure.
fn is_blank_value(text: &str) -> bool {
    ["-", "–", "…", "...", "x"].contains(&text)
}

fn is_year(t: &str) -> bool {
    t.len() == 4
        && (t.starts_with("19") || t.starts_with("20"))
        && t.bytes().all(|b| b.is_ascii_digit())
}

/// "1. Công nghiệp khai khoáng" -> "Công nghiệp khai khoáng"; "TỔNG SỐ -
/// TOTAL" -> "TỔNG SỐ"; "Trong đó:" -> "Trong đó".
fn clean_label(label: &str) -> String {
    let mut t = label.trim();
    if let Some((num, rest)) = t.split_once(' ')
        && num.len() <= 3
        && num.ends_with(['.', ')'])
        && num[..num.len() - 1]
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
    {
        t = rest;
    }
    if let Some(at) = t.rfind(" -")
        && t[at + 2..].trim().is_ascii()
    {
        t = &t[..at];
    }
    t.trim_end_matches([':', ' ']).to_owned()
}
