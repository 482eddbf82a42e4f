//! Invariants of the structure that hold for every report: checked on the
//! seed and the samples listed in `common::ALL`.

mod common;

use baocao_domain::{Report, Span};
use common::*;

fn each(mut check: impl FnMut(&str, &Report)) {
    for name in ALL {
        check(name, &load(name));
    }
}

#[test]
fn parse_is_deterministic() {
    for name in ALL {
        let b = bytes(name);
        let hints = baocao_parser::Hints::default();
        let a = baocao_parser::parse(&b, &hints).unwrap();
        let c = baocao_parser::parse(&b, &hints).unwrap();
        assert_eq!(a, c, "{name}: two parses differ");
    }
}

#[test]
fn every_span_is_a_char_boundary_range() {
    each(|_, r| assert_spans_valid(r));
}

#[test]
fn sections_are_ordered_and_disjoint() {
    each(|name, r| {
        assert!(!r.sections.is_empty(), "{name}: no sections");
        for w in r.sections.windows(2) {
            assert!(
                w[0].span.start < w[1].span.start && w[0].span.end <= w[1].span.start,
                "{name}: section {} ({:?}) and {} ({:?}) are out of order or overlap",
                w[0].path,
                w[0].span,
                w[1].path,
                w[1].span
            );
        }
        for s in &r.sections {
            assert!(
                !s.span.is_empty(),
                "{name}: section {} has an empty span",
                s.path
            );
            assert!(
                !s.title.trim().is_empty(),
                "{name}: section {} has no title",
                s.path
            );
            let at = slice(r, s.span);
            assert!(
                at.contains(s.text.as_str()),
                "{name}: section {}'s text is not inside its span",
                s.path
            );
        }
    });
}

#[test]
fn sections_nest_by_level_and_path() {
    each(|name, r| {
        let mut paths = std::collections::HashSet::new();
        let mut stack: Vec<&baocao_domain::Section> = Vec::new();
        for s in &r.sections {
            assert!(paths.insert(&s.path), "{name}: path {} repeats", s.path);
            assert!(s.level >= 1, "{name}: section {} has level 0", s.path);
            // The parent is the nearest section before it one level up.
            stack.truncate(s.level as usize - 1);
            assert_eq!(
                stack.len(),
                s.level as usize - 1,
                "{name}: section {} at level {} skips a level",
                s.path,
                s.level
            );
            match stack.last() {
                None => {
                    assert_eq!(s.parent_number, "", "{name}: {} is top-level", s.path);
                    assert_eq!(s.path, s.number, "{name}: top-level path");
                }
                Some(p) => {
                    assert_eq!(s.parent_number, p.number, "{name}: parent of {}", s.path);
                    assert_eq!(
                        s.path,
                        format!("{}/{}", p.path, s.number),
                        "{name}: path of {}",
                        s.path
                    );
                    assert!(
                        p.span.end <= s.span.start,
                        "{name}: {} starts before its parent ends",
                        s.path
                    );
                }
            }
            stack.push(s);
        }
    });
}

#[test]
fn footnotes_are_numbered_one_to_n() {
    each(|name, r| {
        let got: Vec<u32> = r.footnotes.iter().map(|f| f.number).collect();
        let want: Vec<u32> = (1..=r.footnotes.len() as u32).collect();
        assert_eq!(got, want, "{name}: footnote numbers");
        for f in &r.footnotes {
            assert_eq!(
                slice(r, f.span),
                f.text,
                "{name}: footnote {} text vs span",
                f.number
            );
            assert!(
                !f.text.trim().is_empty(),
                "{name}: footnote {} is empty",
                f.number
            );
        }
    });
}

#[test]
fn footnote_markers_lie_in_a_section_or_the_front_matter() {
    each(|name, r| {
        let first = r.sections[0].span.start;
        let bodies_start = r
            .footnotes
            .iter()
            .map(|f| f.span.start)
            .min()
            .unwrap_or(u32::MAX);
        let body_end = r.sections.iter().map(|s| s.span.end).max().unwrap();
        assert!(
            body_end < bodies_start,
            "{name}: footnote bodies come after the body"
        );
        let mut previous: Option<Span> = None;
        for f in &r.footnotes {
            let m = f
                .marker_span
                .unwrap_or_else(|| panic!("{name}: footnote {} has no marker", f.number));
            assert_eq!(slice(r, m), sup(f.number), "{name}: marker {}", f.number);
            let home = r.sections.iter().find(|s| s.span.contains(m));
            match home {
                Some(s) => {
                    assert_eq!(
                        f.section_path, s.path,
                        "{name}: footnote {}'s section",
                        f.number
                    );
                    assert_eq!(
                        f.section_number, s.number,
                        "{name}: footnote {}'s section",
                        f.number
                    );
                }
                None => {
                    assert!(
                        m.end <= first,
                        "{name}: marker {} is in no section and not in the front matter",
                        f.number
                    );
                    assert_eq!(
                        f.section_path, "",
                        "{name}: footnote {} in the front matter",
                        f.number
                    );
                }
            }
            if let Some(p) = previous {
                assert!(
                    p.end <= m.start,
                    "{name}: marker {} comes before marker {}",
                    f.number,
                    f.number - 1
                );
            }
            previous = Some(m);
        }
    });
}

#[test]
fn tasks_lie_in_the_tasks_section() {
    each(|name, r| {
        if r.tasks.is_empty() {
            assert!(
                [CTK, CTK5, LINE].contains(&name),
                "{name}: only the statistics offices' reports have no tasks"
            );
            return;
        }
        // The tasks part is the last top-level section in these reports.
        let part = r.sections.iter().rev().find(|s| s.level == 1).unwrap();
        let ords: Vec<u32> = r.tasks.iter().map(|t| t.ordinal).collect();
        let want: Vec<u32> = (1..=r.tasks.len() as u32).collect();
        assert_eq!(ords, want, "{name}: task ordinals");
        for t in &r.tasks {
            assert!(
                part.span.contains(t.span),
                "{name}: task {} ({:?}) lies outside {} ({:?})",
                t.ordinal,
                t.span,
                part.path,
                part.span
            );
            assert!(
                !t.title.is_empty() && t.text.starts_with(t.title.split(' ').next().unwrap()),
                "{name}: task {} text should begin with its title",
                t.ordinal
            );
        }
        for w in r.tasks.windows(2) {
            assert!(
                w[0].span.end <= w[1].span.start,
                "{name}: tasks {} and {} overlap",
                w[0].ordinal,
                w[1].ordinal
            );
        }
    });
}

#[test]
fn body_paragraphs_end_at_a_sentence_end() {
    // Lines of a section's or a task's text are paragraphs; pdftotext line
    // breaks inside a sentence must be joined. A paragraph ends with . ; : )
    // ” … (a footnote marker may follow), unless it is a short unnumbered
    // sub-heading over the next paragraph.
    let mut bad = Vec::new();
    each(|name, r| {
        let texts = r
            .sections
            .iter()
            .map(|s| (format!("section {}", s.path), &s.text))
            .chain(
                r.tasks
                    .iter()
                    .map(|t| (format!("task {}", t.ordinal), &t.text)),
            );
        for (what, text) in texts {
            let lines: Vec<&str> = text.lines().collect();
            for (i, p) in lines.iter().enumerate() {
                let p = p
                    .trim_end()
                    .trim_end_matches(|c: char| "⁰¹²³⁴⁵⁶⁷⁸⁹".contains(c));
                // An unnumbered sub-heading ("Cây lúa") over the paragraph
                // it names: short, capitalised, not the section's last.
                let sub_heading = i + 1 < lines.len()
                    && p.chars().count() <= 60
                    && p.starts_with(char::is_uppercase);
                if !p.is_empty()
                    && !sub_heading
                    && !p.ends_with(['.', ';', ':', ')', '”', '…', '!', '?'])
                {
                    bad.push(format!("{name} {what}: ...{:?}", tail(p)));
                }
            }
        }
    });
    assert!(
        bad.is_empty(),
        "paragraphs broken inside a sentence:\n{}",
        bad.join("\n")
    );
}

#[test]
fn normalized_text_is_clean() {
    each(|name, r| {
        let t = &r.normalized_text;
        assert!(!t.contains("\n\n"), "{name}: blank line");
        assert!(
            !t.contains('\u{c}') && !t.contains('\r'),
            "{name}: page break characters"
        );
        for line in t.lines() {
            assert!(!line.trim().is_empty(), "{name}: blank line");
            assert!(
                !line.starts_with(' '),
                "{name}: line starts with a space: {:?}",
                head(line)
            );
            assert!(
                !line.trim().chars().all(|c| c.is_ascii_digit()),
                "{name}: a lone number line (page number?): {line:?}"
            );
        }
    });
}

/// One sentence of thousands of clauses (no report writes one, but an
/// upload or the fuzzer can): every figure is read, and each observation
/// cites a bounded part of the sentence around its figure, not the whole
/// sentence once per figure.
#[test]
fn an_endless_sentence_is_read_and_cited_around_each_figure() {
    let clause = "sản lượng lúa đạt 12.345 tấn, tăng 5,2% so với cùng kỳ";
    let n = 3000;
    let text = format!(
        "UBND TỈNH BẮC GIANG\nBÁO CÁO\nTình hình kinh tế - xã hội tháng 5 năm 2024\n\n\
         I. KINH TẾ\nS{}.\n",
        &vec![clause; n].join("; ")[1..]
    );
    let r = baocao_parser::parse(text.as_bytes(), &Default::default()).unwrap();
    assert_spans_valid(&r);
    assert_eq!(r.observations.len(), n, "one observation a clause");
    for o in &r.observations {
        let q = o.quantity.as_ref().expect("a level");
        assert_eq!(q.value, 12345.0);
        assert_eq!(o.comparisons.len(), 1, "{o:?}");
        let cited = &o.provenance.sentence;
        assert!(
            cited.len() <= 2048 + 2 * '…'.len_utf8(),
            "{} bytes",
            cited.len()
        );
        let figure = slice(&r, o.provenance.span);
        assert!(cited.contains(figure), "{figure:?} not in {cited:?}");
    }
    // The first figure's citation starts with the sentence, the last's
    // ends with it; those between are marked cut at both ends.
    let first = &r.observations[0].provenance.sentence;
    let last = &r.observations[n - 1].provenance.sentence;
    let middle = &r.observations[n / 2].provenance.sentence;
    assert!(
        first.starts_with("Sản lượng lúa") && first.ends_with('…'),
        "{first}"
    );
    assert!(
        last.starts_with('…') && last.ends_with("cùng kỳ."),
        "{last}"
    );
    assert!(middle.starts_with('…') && middle.ends_with('…'), "{middle}");
    // Cut at spaces, between whole words.
    assert!(middle[3..].starts_with(|c: char| !c.is_whitespace()));
}

/// Brackets inside brackets without end ("((((…" from a broken upload or
/// the fuzzer): the parse neither overflows its stack nor reads the text
/// again at every level. The figures past the levels read are named in
/// an issue, not dropped silently and not invented.
#[test]
fn brackets_nested_without_end_are_named_in_an_issue_not_read() {
    let n = 50_000;
    let text = format!(
        "UBND TỈNH BẮC GIANG\nBÁO CÁO\nTình hình kinh tế - xã hội tháng 5 năm 2024\n\n\
         I. KINH TẾ\nSản lượng lúa đạt 100 tấn {}12 tấn{}.\n",
        "(".repeat(n),
        ")".repeat(n)
    );
    let r = baocao_parser::parse(text.as_bytes(), &Default::default()).unwrap();
    assert_spans_valid(&r);
    let values: Vec<f64> = r
        .observations
        .iter()
        .filter_map(|o| o.quantity.as_ref().map(|q| q.value))
        .collect();
    assert_eq!(values, [100.0], "{:?}", r.observations);
    let deep: Vec<_> = r
        .quality_issues
        .iter()
        .filter(|i| i.message.contains("nested"))
        .collect();
    assert_eq!(deep.len(), 1, "{deep:?}");
    assert!(slice(&r, deep[0].span).contains("12 tấn"));
}

/// Found by fuzzing: a date's year read into the number after it
/// ("năm 5-CT/TW") made the next reference start inside the previous one,
/// and reading the words between them sliced backwards (a panic). A year
/// of fewer than four digits is no date; references that overlap are no
/// chain.
#[test]
fn a_reference_starting_inside_the_previous_ones_date_is_read_without_a_panic() {
    for (year, issued) in [("5", None), ("2005", Some("2005-12-15"))] {
        let text = format!(
            "UBND TỈNH BẮC GIANG\nBÁO CÁO\nTình hình kinh tế - xã hội tháng 5 năm 2024\n\n\
             I. KINH TẾ\nThực hiện Công văn số 673/SNgV-VP ngày 15 tháng 12 năm {year}-CT/TW \
             của Ban Bí thư.\n"
        );
        let r = baocao_parser::parse(text.as_bytes(), &Default::default()).unwrap();
        assert_spans_valid(&r);
        let cv = r
            .document_references
            .iter()
            .find(|d| d.number == "673/SNgV-VP")
            .unwrap_or_else(|| panic!("{:?}", r.document_references));
        assert_eq!(
            cv.issued_on.map(|d| d.to_string()).as_deref(),
            issued,
            "{cv:?}"
        );
    }
}
