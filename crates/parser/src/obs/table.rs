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
    Change, Comparison, ComparisonBase, Observation, ObservationStatus, Period, PeriodKind,
    Provenance, Qualifier, QualityIssue, QualityIssueKind, Quantity, Span,
};

use super::compare::base_at;
use super::engine::compatible;
use super::numbers::{Unit, parse_number, quantity, unit_after};
use super::when::{self, Anchor};
use crate::document::Document;
use crate::numbering;
use crate::paragraphs::{Zone, ends_sentence, figure_cell};
use baocao_domain::UnitCode;

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
    /// The plan ("Kế hoạch năm 2024", "KH năm"): a target, no level.
    plan: bool,
}

/// A row: its label, its unit (a unit column's cell or a bracket of the
/// label), the group it stands under, and its figures.
struct Row {
    label: String,
    unit: Option<Unit>,
    group: Option<&'static catalog::Indicator>,
    /// Under "Trong đó:", the row the items break down; also the row a
    /// "- " or "1.1." row stands under, or the row a visitors' origin
    /// ("Khách quốc tế") or an ownership sector ("Nhà nước") splits.
    parent: Option<usize>,
    /// The label's marker: "1." 1, "1.1." 2, "- " [`DASH`]; none 0.
    depth: usize,
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
    // "Đơn" / "vị" / "tính": the unit column's head wrapped over lines
    // went on the caption.
    let caption_end = lowercase(caption.trim_end());
    if let Some(cut) = ["đơn vị tính", "đvt"]
        .iter()
        .find(|w| caption_end.ends_with(*w) && !caption_end.ends_with(&format!("-{w}")))
    {
        let keep = caption.trim_end().len() - cut.len();
        if caption.trim_end().is_char_boundary(keep) {
            caption.truncate(keep);
            unit_column = true;
        }
    }
    cells.extend(rest);
    // "Năm" / "Sản lượng" / "(tấn)" / "2010" / "751.700" / "2011" / ...:
    // years as rows and indicators as columns, a transposed table. Its
    // heads are read as rows and its years as columns.
    let transposed = (heads.len() == 1
        && i > 0
        && cells[i - 1].text == heads[0]
        && cells.get(i).is_some_and(|c| c.figure))
    .then(|| transpose(&cells, i - 1))
    .flatten();
    if let Some(t) = &transposed {
        caption = t.caption.clone();
        if t.unit.is_some() {
            table_unit = t.unit.clone();
        }
        heads = t.periods.iter().map(|(_, y)| y.clone()).collect();
    }
    // "Chỉ số giá trị sản xuất công nghiệp trên địa bàn của một số tỉnh,
    // thành phố tháng 6 và 6 tháng đầu năm 2008": a caption too long for a
    // cell is the body's line right before the first cell, no sentence and
    // no heading.
    if caption.trim().is_empty()
        && let Some(before) = paras.start.checked_sub(1)
        && doc.paras[before].zone == Zone::Body
        && !doc.paras[before].cell
    {
        let t = doc.para(before).trim();
        if t.len() <= 300 && !ends_sentence(t) && numbering::parse(t).is_none() {
            caption = t.to_owned();
        }
    }
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
    let subject = catalog::find_in(&name, None).map(|(ind, r)| {
        (
            ind,
            name[r.clone()].to_owned(),
            caption_item(&name[r.end..]),
        )
    });
    // The rows: label cells (a unit cell last when the table has a unit
    // column), then the figures.
    let mut rows: Vec<Row> = Vec::new();
    // A transposed table's heads' own subjects (none: as a table's rows).
    let mut fixed: Option<Vec<(&'static str, String, String)>> = None;
    let mut left: Option<QualityIssue> = None;
    if let Some(t) = &transposed {
        let years = t.periods.len();
        let mut by_column = Vec::with_capacity(t.heads.len() * years);
        for r in 0..t.heads.len() {
            for (at, _) in &t.periods {
                let c = &cells[at + 1 + r];
                by_column.push(Cell {
                    text: c.text,
                    at: c.at.clone(),
                    para: c.para,
                    figure: c.figure,
                });
            }
        }
        for (r, (label, start, unit)) in t.heads.iter().enumerate() {
            rows.push(Row {
                label: clean_label(label),
                unit: unit.clone(),
                group: None,
                parent: None,
                depth: 0,
                start: *start,
                cells: r * years..(r + 1) * years,
            });
        }
        // "Tổng số" / "Bán lẻ hàng hóa" / ... under a caption naming the
        // indicator: its total and its items, as a table's rows. Otherwise
        // each head is an indicator of the caption's item ("Sản lượng" of
        // "cây cao su"), or its own words with no code.
        let total = rows.iter().any(|r| {
            ["tổng số", "tổng cộng", "tổng", "toàn tỉnh", "chung"]
                .contains(&lowercase(&r.label).as_str())
        });
        if !(total && subject.is_some()) {
            let mut end = 0;
            while let Some((_, r)) = catalog::find_in(&name[end..], None) {
                end += r.end;
            }
            let item = caption_item(&name[end..]);
            fixed = Some(rows.iter().map(|r| head_subject(&r.label, &item)).collect());
        }
        // "Cơ cấu - Structure (%)" and its block under the levels: not read.
        let rest = &cells[t.end..];
        let figures: Vec<&Cell> = rest
            .iter()
            .filter(|c| c.figure && !is_blank_value(c.text) && period_cell(c.text).is_none())
            .collect();
        if let (Some(f), Some(l)) = (figures.first(), figures.last()) {
            left = Some(QualityIssue {
                kind: QualityIssueKind::UnattachedNumber,
                message: format!(
                    "table {:?} laid out one cell a line, years as rows: the {} figures after its last year (from {:?}) are not read",
                    name,
                    figures.len(),
                    rest[0].text
                ),
                span: Span::new(rest[0].at.start.min(f.at.start), l.at.end),
            });
        }
        cells = by_column;
        i = cells.len();
    }
    let mut group: Option<&'static catalog::Indicator> = None;
    let mut parent: Option<usize> = None;
    // The first row after the last group head: no row before it is a
    // parent of the rows after.
    let mut since = 0;
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
            unit = if is_ditto(u.text) {
                // '"': the unit of the row above.
                rows.last().and_then(|r| r.unit.clone())
            } else if let Some(scale) = texts.last().filter(|s| is_scale(s.text)) {
                // "Nghìn" / "Lượt khách": a unit wrapped after its scale.
                let joined = lowercase(&format!("{} {}", scale.text, u.text));
                texts.pop();
                unit_after(&joined).map(|mut x| {
                    x.text = std::borrow::Cow::Owned(x.text.into_owned());
                    x
                })
            } else {
                unit_of(u.text)
            };
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
                since = rows.len();
                if let Some((ind, _)) = catalog::find_in(g.text, None) {
                    group = Some(ind);
                }
            }
        }
        let depth = marker_depth(texts[open].text);
        let column_unit = unit.is_some();
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
        let label = clean_label(&label);
        // "Lượt khách VN ra nước ngoài (Lượt khách)": a row that states its
        // unit in its label is a count of its own.
        let own_unit = unit.is_some() && !column_unit;
        // The row this one is an item of: a "- " row the nearest row
        // above that is no "- " row; a "1.2." row the nearest "1." above;
        // an unmarked split, a visitors' origin ("Khách quốc tế") or an
        // ownership sector ("Nhà nước"), the row above the run of splits it
        // stands in. Only rows since the last group head.
        let above = || (since..rows.len()).rev();
        let row_parent = match depth {
            DASH => above().find(|&r| rows[r].depth != DASH),
            d if d >= 2 => above().find(|&r| (1..d).contains(&rows[r].depth)),
            0 if parent.is_none() && !own_unit && split(&label) => {
                above().find(|&r| !split(&rows[r].label) && rows[r].depth != DASH)
            }
            _ => parent,
        };
        // An item is counted in its whole's unit.
        if unit.is_none()
            && row_parent != parent
            && let Some(p) = row_parent
        {
            unit = rows[p].unit.clone();
        }
        rows.push(Row {
            label,
            unit,
            group,
            parent: row_parent,
            depth,
            start: texts[open].at.start,
            cells: f0..i,
        });
    }
    let Some(k) = rows.first().map(|r| r.cells.len()) else {
        return Ok(unread(String::from("no row of figures")));
    };
    // A chart after the table: its values and its axis ("0", "20,0",
    // "40,0", ...) follow the last row's figures with no label. The last
    // row keeps its own; the chart's are not read, with an issue.
    let mut issues: Vec<QualityIssue> = left.into_iter().collect();
    if let Some((last, before)) = rows.split_last_mut()
        && before.iter().all(|r| r.cells.len() == k)
        && last.cells.len() > k
        && chart_axis(&cells[last.cells.start + k..last.cells.end])
    {
        let extra = &cells[last.cells.start + k..last.cells.end];
        issues.push(QualityIssue {
            kind: QualityIssueKind::UnattachedNumber,
            message: format!(
                "{} numbers after the last row of table {:?} end on a chart's axis (from 0 in equal steps); they are not read",
                extra.len(),
                if name.is_empty() { &heads[0] } else { &name }
            ),
            span: Span::new(extra[0].at.start, extra[extra.len() - 1].at.end),
        });
        last.cells.end = last.cells.start + k;
    }
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
    // "2018 |" / "Sơ bộ |": the preliminary figure of the year after the
    // last year's column (before the caption's base goes on the columns:
    // "... so với năm trước" over "2022" / "Sơ bộ" made it a comparison
    // with no period, put on 2022's figure).
    for j in 1..columns.len() {
        if columns[j].period.is_none()
            && columns[j].base.is_none()
            && lowercase(&columns[j].head).trim() == "sơ bộ"
            && let Some(p) = &columns[j - 1].period
            && p.kind == PeriodKind::Year
        {
            columns[j].period =
                Period::year(chrono::Datelike::year(&p.start) + 1, columns[j].head.trim());
        }
    }
    if let Some(base) = &caption_base {
        for c in columns
            .iter_mut()
            .filter(|c| c.base.is_none() && !c.earlier)
        {
            c.base = Some(fixed_month_base(base, c.period.as_ref()));
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
        .find(|c| c.period.is_none() && c.base.is_none() && !c.earlier && !c.plan)
    {
        return Ok(unread(format!("the column {:?} names no period", c.head)));
    }
    // "Quý I" / "Quý II" as rows under the years' columns: each row is its
    // quarter of the column's year. Under a column that is no year (a
    // month, a year to date) no quarter is certain: not read.
    if let Some(r) = rows.iter().find(|r| quarter_row(&r.label).is_some())
        && let Some(c) = columns.iter().find(|c| {
            c.period
                .as_ref()
                .is_some_and(|p| p.kind != PeriodKind::Year)
        })
    {
        return Ok(unread(format!(
            "the row {:?} is a quarter under the column {:?}, which holds none",
            r.label, c.head
        )));
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
    for (ri, row) in rows.iter().enumerate() {
        let own = catalog::find_in(&row.label, None);
        let quarter = quarter_row(&row.label);
        let (code, label, breakdown) = match (row.parent, &own) {
            // "Quý I": the table's subject (its group's, its total row's, its
            // caption's) in that quarter, no item.
            (None, _) if quarter.is_some() => match row.group {
                Some(ind) => (ind.code, ind.name.to_owned(), String::new()),
                None => match rows[..ri]
                    .iter()
                    .rposition(|r| r.depth == 0 && total_label(&r.label))
                {
                    Some(t) => subjects[t].clone(),
                    None => match &subject {
                        Some((ind, name, item)) => (ind.code, name.clone(), item.clone()),
                        None => subject_of(row, None),
                    },
                },
            },
            // "Trong đó: Thịt lợn" under the meat output, "- Khách quốc tế"
            // under the overnight guests: an item of the row above (of its
            // item, unless that row is a total), unless the item names an
            // indicator of its own. "- Lượt khách quốc tế" under the tour
            // guests names theirs: the words left are the item.
            (Some(p), None) => {
                let (code, label, whole) = &subjects[p];
                (*code, label.clone(), item_of(whole, &rows[p], &row.label))
            }
            (Some(p), Some((ind, r))) if ind.code == subjects[p].0 => {
                let (code, label, whole) = &subjects[p];
                let rest = format!("{} {}", &row.label[..r.start], &row.label[r.end..]);
                let rest = rest.trim_matches(|c: char| c == ' ' || c == ',' || c == ':');
                let item = if rest.is_empty() { &row.label } else { rest };
                (*code, label.clone(), item_of(whole, &rows[p], item))
            }
            _ => match &fixed {
                Some(f) => f[ri].clone(),
                None => subject_of(row, subject.as_ref()),
            },
        };
        // "Ngày khách phục vụ (Ngày khách)" in a table of arrivals: guest-
        // days are no arrivals; the row keeps its own label.
        let (code, label, breakdown) = match catalog::by_code(code) {
            Some(ind)
                if row
                    .unit
                    .as_ref()
                    .or(table_unit.as_ref())
                    .is_some_and(|u| !compatible(ind.unit, u.code)) =>
            {
                ("", row.label.clone(), String::new())
            }
            _ => (code, label, breakdown),
        };
        subjects.push((code, label.clone(), breakdown.clone()));
        let sentence = doc.text[row.start..cells[row.cells.end - 1].at.end].replace('\n', " ");
        let first_obs = obs.len();
        // Which observation of the row each column's figure is.
        let mut of_column: Vec<Option<usize>> = vec![None; k];
        for (j, col) in columns.iter().enumerate() {
            let cell = &cells[row.cells.start + j];
            if col.plan {
                continue; // the plan: see the issue below
            }
            let period = match (quarter, &col.period) {
                (Some(q), Some(p)) => Period::quarter(
                    chrono::Datelike::year(&p.start),
                    q,
                    format!("{} {}", row.label, p.label),
                ),
                _ => col.period.clone(),
            };
            let Some(value) = parse_number(cell.text) else {
                continue; // "-": nothing in this cell
            };
            let target = match &col.base {
                None => None,
                Some(_) => match &period {
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
                        period: period.or_else(|| fallback.cloned()),
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
    // The plan's figures: the model has no level for a target (a figure
    // is compared with it: "So với kế hoạch (%)"); not read, not lost.
    for (j, col) in columns.iter().enumerate().filter(|(_, c)| c.plan) {
        let figures = rows
            .iter()
            .filter(|r| parse_number(cells[r.cells.start + j].text).is_some())
            .count();
        if figures > 0 {
            issues.push(QualityIssue {
                kind: QualityIssueKind::UnattachedNumber,
                message: format!(
                    "table {:?}: the plan column {:?} ({figures} figures) is no observation of its own; its figures are not read",
                    if name.is_empty() { &heads[0] } else { &name },
                    col.head
                ),
                span,
            });
        }
    }
    Ok(Read { obs, issues })
}

/// A table with years as rows: its caption (and unit) above the heads,
/// the heads (label, where it stands, its bracketed unit), each year's
/// first cell with the year, and the first cell after the last year's.
struct Transposed {
    caption: String,
    unit: Option<Unit>,
    heads: Vec<(String, usize, Option<Unit>)>,
    periods: Vec<(usize, String)>,
    end: usize,
}

/// "2010" -> "2010"; "Sơ bộ - Prel. 2018" -> "2018": a transposed table's
/// row of a year (the preliminary figure is read as the year's, ACTUAL).
fn period_cell(text: &str) -> Option<String> {
    if is_year(text) {
        return Some(text.to_owned());
    }
    let y = text.get(text.len().checked_sub(4)?..)?;
    (lowercase(text).starts_with("sơ bộ") && is_year(y)).then(|| y.to_owned())
}

/// The table whose first year's cell is `cells[y0]`, read as years in rows:
/// the same number of figures after every year (two years at least, each
/// after the one before), as many heads before the first year, each a line
/// of its own (a wrapped head or a year's label head met among them: none).
fn transpose(cells: &[Cell], y0: usize) -> Option<Transposed> {
    let value = |c: &Cell| c.figure && period_cell(c.text).is_none();
    let k = (1..=12).find(|&k| {
        cells
            .get(y0 + k + 1)
            .is_some_and(|c| period_cell(c.text).is_some())
            && cells[y0 + 1..=y0 + k].iter().all(value)
    })?;
    let mut periods: Vec<(usize, String)> = Vec::new();
    let mut at = y0;
    while let Some(y) = cells.get(at).and_then(|c| period_cell(c.text)) {
        if at + k >= cells.len() || !cells[at + 1..=at + k].iter().all(value) {
            return None;
        }
        if periods.last().is_some_and(|(_, p)| *p >= y) {
            return None;
        }
        periods.push((at, y));
        at += k + 1;
    }
    if periods.len() < 2 {
        return None;
    }
    let header: Vec<&Cell> = cells[..y0]
        .iter()
        .filter(|c| !is_translation(c.text))
        .collect();
    let mut j = header.len();
    // "(ha)" / "(tấn)": each head's unit, under the heads.
    let mut units: Vec<Option<Unit>> = Vec::new();
    while j > 0
        && let Some(inner) = header[j - 1]
            .text
            .strip_prefix('(')
            .and_then(|s| s.strip_suffix(')'))
    {
        // "(kg/ha/năm)": a unit the reader knows only the start of is
        // kept as written (no "kg" for a yield).
        let inner = inner.trim();
        units.push(match unit_of(inner) {
            Some(u) if u.len.max(u.text.len()) >= inner.len() => Some(u),
            _ if inner.is_empty() => None,
            _ => Some(Unit {
                text: std::borrow::Cow::Owned(inner.to_owned()),
                code: UnitCode::Other,
                multiplier: 1.0,
                len: inner.len(),
            }),
        });
        j -= 1;
    }
    units.reverse();
    if !units.is_empty() && units.len() != k {
        return None;
    }
    // "Triệu đồng - Mill. dongs": the table's unit.
    let mut unit = None;
    if units.is_empty() && j > 0 {
        let t = clean_label(header[j - 1].text);
        if t.split_whitespace().count() <= 3
            && catalog::find_in(&t, None).is_none()
            && let Some(u) = unit_of(&t)
        {
            unit = Some(u);
            j -= 1;
        }
    }
    let mut heads: Vec<(String, usize, Option<Unit>)> = Vec::new();
    while heads.len() < k && j > 0 {
        j -= 1;
        let c = header[j];
        let lower = lowercase(c.text);
        if ["chia ra", "trong đó", "bao gồm"]
            .iter()
            .any(|w| lower.starts_with(w))
        {
            continue;
        }
        if c.figure || continues(c.text) || label_head(&lower) {
            return None;
        }
        heads.push((c.text.to_owned(), c.at.start, None));
    }
    if heads.len() < k {
        return None;
    }
    heads.reverse();
    // "Năm" stands right before the heads: a head left above it (more
    // heads than figures) makes the grouping uncertain.
    if header[..j].iter().any(|c| label_head(&lowercase(c.text)))
        && !label_head(&lowercase(header[j.checked_sub(1)?].text))
    {
        return None;
    }
    for (h, u) in heads.iter_mut().zip(units) {
        h.2 = u;
    }
    let caption = header[..j]
        .iter()
        .filter(|c| !label_head(&lowercase(c.text)))
        .map(|c| c.text)
        .collect::<Vec<_>>()
        .join(" ");
    Some(Transposed {
        caption,
        unit,
        heads,
        periods,
        end: at,
    })
}

/// "Năm", "Thời gian": the head of a transposed table's column of years.
fn label_head(lower: &str) -> bool {
    ["năm", "thời gian", "kỳ"].contains(&lower.trim())
        || ["năm -", "năm/", "năm (", "thời gian -"]
            .iter()
            .any(|w| lower.starts_with(w))
}

/// A transposed table's head with the caption's item: the indicator the
/// catalog finds in "Sản lượng cây cao su" (starting in the head), the
/// words after it the item; else the head as written, with no code.
fn head_subject(head: &str, item: &str) -> (&'static str, String, String) {
    let text = if item.is_empty() {
        head.to_owned()
    } else {
        format!("{head} {item}")
    };
    match catalog::find_in(&text, None) {
        Some((ind, r)) if r.start < head.len() => {
            let rest = text[r.end..].trim_matches(|c: char| c == ' ' || c == ',' || c == ':');
            (ind.code, head.to_owned(), rest.to_owned())
        }
        _ => ("", head.to_owned(), item.to_owned()),
    }
}

/// A chart's axis at the end of `cells`: four figures at least, from 0 in
/// equal steps ("0", "20,0", "40,0", "60,0").
fn chart_axis(cells: &[Cell]) -> bool {
    let values: Vec<f64> = cells.iter().filter_map(|c| parse_number(c.text)).collect();
    let Some(zero) = values.iter().rposition(|&v| v == 0.0) else {
        return false;
    };
    let axis = &values[zero..];
    axis.len() >= 4
        && axis[1] > 0.0
        && axis
            .windows(2)
            .all(|w| ((w[1] - w[0]) - axis[1]).abs() < 1e-9)
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
/// The first words of a total's label.
const TOTALS: [&str; 7] = [
    "tổng số",
    "tổng cộng",
    "tổng",
    "toàn ngành",
    "toàn tỉnh",
    "chỉ số chung",
    "chung",
];

fn subject_of(
    row: &Row,
    subject: Option<&(&'static catalog::Indicator, String, String)>,
) -> (&'static str, String, String) {
    if total_label(&row.label)
        && let Some((ind, name, item)) = subject
    {
        return (ind.code, name.clone(), item.clone());
    }
    if let Some((ind, r)) = catalog::find_in(&row.label, None) {
        // "Lượt khách ngủ qua đêm": the words left are the item.
        let rest = format!("{} {}", &row.label[..r.start], &row.label[r.end..]);
        let item = rest.trim_matches(|c: char| c == ' ' || c == ',' || c == ':');
        return (ind.code, row.label[r].to_owned(), item.to_owned());
    }
    // "Bán lẻ hàng hóa", "Du lịch lữ hành" under a revenue's caption: the
    // revenue prose names "doanh thu bán lẻ hàng hóa", "doanh thu du lịch
    // lữ hành" (the whole label, no words left).
    if let Some((ind, _, _)) = subject
        && lowercase(ind.name).contains("doanh thu")
    {
        let named = format!("doanh thu {}", lowercase(&row.label));
        if let Some((own, r)) = catalog::find_in(&named, None)
            && r == (0..named.len())
        {
            return (own.code, row.label.clone(), String::new());
        }
    }
    if let Some(ind) = row.group {
        return (ind.code, ind.name.to_owned(), row.label.clone());
    }
    match subject {
        Some((ind, name, item)) if item.is_empty() => (ind.code, name.clone(), row.label.clone()),
        Some((ind, name, item)) => (ind.code, name.clone(), format!("{item}, {}", row.label)),
        None => ("", row.label.clone(), String::new()),
    }
}

/// "Diện tích lúa đông xuân phân theo huyện": the few lowercase words
/// after the caption's indicator ("đông xuân"), before "phân theo", a
/// period or a bracket, are the table's own item (its total is the spring
/// crop's, not the year's).
fn caption_item(after: &str) -> String {
    let lower = lowercase(after);
    let end = [
        " phân theo",
        " chia theo",
        " theo ",
        " tháng",
        " năm",
        " quý",
        " của",
        " trên",
        " tại",
        " và",
        "(",
        ",",
        ":",
    ]
    .iter()
    .filter_map(|w| lower.find(w))
    .min()
    .unwrap_or(lower.len());
    let Some(item) = after.get(..end).map(str::trim) else {
        return String::new();
    };
    let words = item.split_whitespace().count();
    let plain = item
        .chars()
        .all(|c| c.is_alphabetic() && c.is_lowercase() || c == ' ');
    // "Kim ngạch xuất khẩu hàng hóa chủ yếu", "... trên địa bàn": words
    // about the table, no item of the indicator.
    let about = [
        "chủ yếu",
        "các ",
        "một số",
        "những",
        "toàn",
        "cả ",
        "trên",
        "địa bàn",
        "hiện hành",
        "so ",
        "bình quân",
        "ước",
        "thực hiện",
        "lũy kế",
        "luỹ kế",
        "cộng dồn",
        "dự ",
        "đơn vị",
        "giai đoạn",
        "phân",
        "chia",
        "chung",
    ]
    .iter()
    .any(|w| item.starts_with(w) || item == w.trim_end());
    if (1..=3).contains(&words) && plain && !about {
        item.to_owned()
    } else {
        String::new()
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
    // "Sơ bộ - Prel. 2018", "Sơ bộ Prel. 2021" (a yearbook's preliminary
    // column with its year stacked under it): that year.
    if period.is_none()
        && let Some(y) = period_cell(head.trim()).and_then(|y| y.parse::<i32>().ok())
    {
        period = Period::year(y, head.trim());
    }
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
    // "Kế hoạch năm 2024": the year's target; "So với kế hoạch (%)" is a
    // comparison with it, no plan column.
    let plan = base.is_none()
        && ["kế hoạch", "kh ", "chỉ tiêu kế hoạch", "dự toán"]
            .iter()
            .any(|w| before.starts_with(w));
    Column {
        head: head.to_owned(),
        plan,
        earlier: period.is_none() && base.is_none() && before.contains("cùng kỳ"),
        period,
        status,
        base,
        stated,
    }
}

/// "so với tháng 12 năm 2017" over the columns "Tháng 7" .. "Tháng 12"
/// of 2018: one fixed month is the base of every column, the same month a
/// year before only for its own month's column (December's); for the
/// others it is a base of its own (`Other`), not the year before.
fn fixed_month_base(
    base: &(ComparisonBase, String),
    period: Option<&Period>,
) -> (ComparisonBase, String) {
    let mut out = base.clone();
    if base.0 == ComparisonBase::SamePeriodLastYear
        && let Some(p) = period.filter(|p| p.kind == PeriodKind::Month)
        && let Some(at) = base.1.find("tháng ")
        && let Some(m) = base.1[at + "tháng ".len()..]
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .and_then(|m| m.parse::<u32>().ok())
        && m != chrono::Datelike::month(&p.start)
    {
        out.0 = ComparisonBase::Other;
    }
    out
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
        "kế hoạch",
        "kh ",
        "dự toán",
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

/// "1. Công nghiệp khai khoáng", "2) ...", "1.1 Lượt khách ngủ qua đêm",
/// "1.2. ...": a numbered label, not a wrap.
fn numbered(text: &str) -> bool {
    number_depth(text) > 0
}

/// How many numbers a label's number has: "1." 1, "1.1" and "1.1." 2; 0
/// for none.
fn number_depth(text: &str) -> usize {
    let b = text.as_bytes();
    let mut at = 0;
    let mut depth = 0;
    loop {
        let digits = b[at..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 || digits > 2 {
            return 0;
        }
        at += digits;
        depth += 1;
        match b.get(at) {
            Some(b'.' | b')') if b.get(at + 1) == Some(&b' ') => return depth,
            Some(b' ') if depth > 1 => return depth,
            Some(b'.') => at += 1,
            _ => return 0,
        }
    }
}

/// A "- " row: an item of the row above.
const DASH: usize = usize::MAX;

/// A label's marker: its number's depth, [`DASH`] for "- ", "+ ", 0 for
/// none.
fn marker_depth(text: &str) -> usize {
    if ["- ", "+ ", "– "].iter().any(|d| text.starts_with(d)) {
        DASH
    } else {
        number_depth(text)
    }
}

/// "Quý I", "Quý 2": a quarter as a row's label.
fn quarter_row(label: &str) -> Option<u32> {
    match lowercase(label).strip_prefix("quý ")?.trim() {
        "i" | "1" => Some(1),
        "ii" | "2" => Some(2),
        "iii" | "3" => Some(3),
        "iv" | "4" => Some(4),
        _ => None,
    }
}

/// "Tổng số", "Toàn tỉnh", "Chung": a total's label.
fn total_label(label: &str) -> bool {
    let lower = lowercase(label);
    TOTALS.iter().any(|t| lower.starts_with(t))
}

/// A split of the row above with no marker: visitors by origin ("Khách
/// quốc tế"), an ownership sector ("Nhà nước", "Ngoài Nhà nước", "Đầu tư
/// nước ngoài" under a district or a branch).
fn split(label: &str) -> bool {
    origin(label) || ownership(label)
}

/// "Nhà nước", "Kinh tế ngoài nhà nước", "Khu vực có vốn đầu tư nước
/// ngoài", "Tư nhân": an ownership sector.
fn ownership(label: &str) -> bool {
    let lower = lowercase(label);
    let rest = lower.trim_start_matches(['-', '+', ' ']);
    let rest = ["kinh tế ", "khu vực ", "thành phần "]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest);
    [
        "nhà nước",
        "ngoài nhà nước",
        "đầu tư nước ngoài",
        "có vốn đầu tư nước ngoài",
        "vốn đầu tư nước ngoài",
        "tập thể",
        "tư nhân",
        "cá thể",
    ]
    .contains(&rest.trim())
}

/// Visitors by origin ("Khách quốc tế", "Lượt khách trong nước", "Khách VN
/// ra nước ngoài"): the split of a count of guests, under the row above.
fn origin(label: &str) -> bool {
    let lower = lowercase(label);
    let rest = lower.trim_start_matches(['-', '+', ' ']);
    let rest = rest.strip_prefix("lượt ").unwrap_or(rest);
    let Some(rest) = rest.strip_prefix("khách ") else {
        return false;
    };
    [
        "quốc tế",
        "trong nước",
        "nội địa",
        "vn ra nước ngoài",
        "việt nam ra nước ngoài",
        "ra nước ngoài",
    ]
    .contains(&rest.trim())
}

/// An item's breakdown under its whole's ("ngủ qua đêm, Khách quốc tế");
/// a total's items are the table's.
fn item_of(whole: &str, parent: &Row, item: &str) -> String {
    let total = lowercase(&parent.label).starts_with("tổng");
    if whole.is_empty() || total {
        item.to_owned()
    } else {
        format!("{whole}, {item}")
    }
}

/// '"', "//": the cell above, repeated.
fn is_ditto(text: &str) -> bool {
    ["\"", "“", "”", "\"\"", "//"].contains(&text)
}

/// "Nghìn", "Triệu": a scale word alone, the first line of a unit.
fn is_scale(text: &str) -> bool {
    ["nghìn", "ngàn", "triệu", "tỷ", "tỉ"].contains(&lowercase(text).as_str())
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
    let mut t = label.trim().trim_start_matches(['-', '+', '–', ' ']);
    if let Some((num, rest)) = t.split_once(' ')
        && (number_depth(t) > 1
            || num.len() <= 3
                && num.ends_with(['.', ')'])
                && num[..num.len() - 1]
                    .chars()
                    .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase()))
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
