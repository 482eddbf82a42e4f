//! Helpers shared by the structure tests. The expectations live in the test
//! files and were written from reading the reports, not from parser output.
#![allow(dead_code)]

pub mod rows;

use baocao_domain::text::fold;
use baocao_domain::{
    DocumentRef, Footnote, PeriodKind, QualityIssue, QualityIssueKind, Report, Section, Span, Task,
};
use chrono::NaiveDate;

pub const SEED: &str = "000_5b1c2bc8d5408b7b.txt";
pub const UBND: &str = "samples/ubnd-full-header.txt";
pub const CTK: &str = "samples/cuc-thong-ke-brief.txt";
pub const PHAN: &str = "samples/phan-thu-nhat.txt";
pub const DEEP: &str = "samples/ubnd-deep-numbering.txt";
pub const CTK5: &str = "samples/cuc-thong-ke-5-thang.txt";
pub const LINE: &str = "samples/cuc-thong-ke-mot-dong.txt";
pub const SCT: &str = "samples/so-cong-thuong.txt";
pub const HUYEN: &str = "samples/ubnd-huyen.txt";
pub const ALL: [&str; 9] = [SEED, UBND, CTK, PHAN, DEEP, CTK5, LINE, SCT, HUYEN];

pub fn bytes(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../../testdata/reports/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("read {path}: {e}"))
}

pub fn load(name: &str) -> Report {
    baocao_parser::parse(&bytes(name), &baocao_parser::Hints::default())
        .unwrap_or_else(|e| panic!("parse {name}: {e}"))
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The superscript form of a footnote number: 1 -> "¹", 24 -> "²⁴".
pub fn sup(n: u32) -> String {
    n.to_string()
        .chars()
        .map(|c| match c {
            '0' => '⁰',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '4' => '⁴',
            '5' => '⁵',
            '6' => '⁶',
            '7' => '⁷',
            '8' => '⁸',
            '9' => '⁹',
            _ => unreachable!(),
        })
        .collect()
}

pub fn slice(r: &Report, span: Span) -> &str {
    span.slice(&r.normalized_text).unwrap_or_else(|| {
        panic!(
            "span {}..{} is not a char-boundary range of the normalized text (len {})",
            span.start,
            span.end,
            r.normalized_text.len()
        )
    })
}

// ---------------------------------------------------------------- lookups

pub fn heading<'a>(r: &'a Report, path: &str) -> &'a Section {
    r.sections
        .iter()
        .find(|s| s.path == path)
        .unwrap_or_else(|| {
            panic!(
                "no section with path {path:?}; paths are {:?}",
                r.sections.iter().map(|s| &s.path).collect::<Vec<_>>()
            )
        })
}

pub fn footnote(r: &Report, n: u32) -> &Footnote {
    r.footnotes
        .iter()
        .find(|f| f.number == n)
        .unwrap_or_else(|| panic!("no footnote {n}"))
}

pub fn task(r: &Report, ordinal: u32) -> &Task {
    r.tasks
        .iter()
        .find(|t| t.ordinal == ordinal)
        .unwrap_or_else(|| panic!("no task {ordinal}"))
}

pub fn issues(r: &Report, kind: QualityIssueKind) -> Vec<&QualityIssue> {
    r.quality_issues.iter().filter(|i| i.kind == kind).collect()
}

// ------------------------------------------------------------- assertions

/// Trailing spaces, and the "/." of the end-of-body mark "./.", are not
/// words of the text: "người dân./." ends with "người dân.".
pub fn trim_end_mark(s: &str) -> &str {
    let s = s.trim_end();
    match s.strip_suffix("./.") {
        Some(t) => &s[..t.len() + 1],
        None => s,
    }
}

#[track_caller]
pub fn assert_starts(what: &str, text: &str, words: &str) {
    assert!(
        text.trim_start().starts_with(words),
        "{what}: expected to start with {words:?}, got {:?}",
        head(text)
    );
}

/// `words` must end the text (see [`trim_end_mark`]).
#[track_caller]
pub fn assert_ends(what: &str, text: &str, words: &str) {
    assert!(
        trim_end_mark(text).ends_with(words) || text.trim_end().ends_with(words),
        "{what}: expected to end with {words:?}, got {:?}",
        tail(text)
    );
}

#[track_caller]
pub fn assert_contains(what: &str, text: &str, words: &str) {
    assert!(
        text.contains(words),
        "{what}: expected to contain {words:?}"
    );
}

pub fn head(s: &str) -> String {
    s.chars().take(90).collect()
}

pub fn tail(s: &str) -> String {
    let n = s.chars().count();
    s.chars().skip(n.saturating_sub(90)).collect()
}

/// One expected heading.
pub struct H {
    pub number: &'static str,
    pub path: &'static str,
    pub title: &'static str,
    pub level: u32,
    pub parent: &'static str,
}

#[track_caller]
pub fn assert_headings(r: &Report, expected: &[H]) {
    let got: Vec<(&str, &str)> = r
        .sections
        .iter()
        .map(|s| (s.path.as_str(), s.title.as_str()))
        .collect();
    let want: Vec<(&str, &str)> = expected.iter().map(|h| (h.path, h.title)).collect();
    assert_eq!(got, want, "headings (path, title) in reading order");
    for h in expected {
        let s = heading(r, h.path);
        assert_eq!(s.number, h.number, "number of {}", h.path);
        assert_eq!(s.title, h.title, "title of {}", h.path);
        assert_eq!(s.level, h.level, "level of {}", h.path);
        assert_eq!(s.parent_number, h.parent, "parent_number of {}", h.path);
    }
}

/// One expected footnote: the words its body begins and ends with, the
/// section holding its marker, and the token the marker is glued to.
pub struct F {
    pub n: u32,
    pub begins: &'static str,
    pub ends: &'static str,
    pub section: &'static str,
    pub path: &'static str,
    pub glued_to: &'static str,
}

#[track_caller]
pub fn assert_footnotes(r: &Report, expected: &[F]) {
    let numbers: Vec<u32> = r.footnotes.iter().map(|f| f.number).collect();
    let want: Vec<u32> = expected.iter().map(|f| f.n).collect();
    assert_eq!(numbers, want, "footnote numbers");
    let mut failures = Vec::new();
    for e in expected {
        let f = footnote(r, e.n);
        let mut fail = |m: String| failures.push(format!("footnote {}: {m}", e.n));
        if !f.text.trim_start().starts_with(e.begins) {
            fail(format!(
                "body should begin {:?}, got {:?}",
                e.begins,
                head(&f.text)
            ));
        }
        if !f.text.trim_end().ends_with(e.ends) {
            fail(format!(
                "body should end {:?}, got {:?}",
                e.ends,
                tail(&f.text)
            ));
        }
        if f.section_number != e.section {
            fail(format!(
                "marker section should be {:?}, got {:?}",
                e.section, f.section_number
            ));
        }
        if f.section_path != e.path {
            fail(format!(
                "marker section path should be {:?}, got {:?}",
                e.path, f.section_path
            ));
        }
        match f.marker_span {
            None => fail("marker not found".into()),
            Some(m) => {
                let at = slice(r, m);
                if at != sup(e.n) {
                    fail(format!(
                        "marker slice should be {:?}, got {:?}",
                        sup(e.n),
                        at
                    ));
                }
                let before = &r.normalized_text[..m.start as usize];
                if !before.ends_with(e.glued_to) {
                    fail(format!(
                        "marker should follow {:?}, text before it is {:?}",
                        e.glued_to,
                        tail(before)
                    ));
                }
            }
        }
        if slice(r, f.span) != f.text {
            fail("text is not the slice at span".into());
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// One expected task.
pub struct T {
    pub ordinal: u32,
    pub title: &'static str,
    pub begins: &'static str,
    pub ends: &'static str,
    pub refs: &'static [&'static str],
    pub deadline: Option<(i32, u32, u32)>,
}

/// A reference's identity for comparison: its number, or for a document
/// cited by name its name folded (no diacritics, lowercase, spaces
/// collapsed) so that "Luật Lâm ̣ nghiệp" with a stray mark still reads as
/// "luat lam nghiep".
pub fn ref_key(d: &DocumentRef) -> String {
    if d.number.is_empty() {
        squash(&fold(&d.raw))
    } else {
        d.number.clone()
    }
}

pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether reference key `got` matches expectation `want`: numbers exactly;
/// names (expectations starting "Luật"/"Đề án") by folded prefix, so "Luật đất
/// đai năm 2024" matches "Luật đất đai".
pub fn ref_matches(got: &str, want: &str) -> bool {
    if want.contains('/') && !want.contains(' ') {
        got == want
    } else {
        let w = squash(&fold(want));
        got.starts_with(&w)
    }
}

#[track_caller]
pub fn assert_tasks(r: &Report, expected: &[T], planning: (i32, u32)) {
    let ords: Vec<u32> = r.tasks.iter().map(|t| t.ordinal).collect();
    let want: Vec<u32> = expected.iter().map(|t| t.ordinal).collect();
    assert_eq!(ords, want, "task ordinals");
    let mut failures = Vec::new();
    for e in expected {
        let t = task(r, e.ordinal);
        let mut fail = |m: String| failures.push(format!("task {}: {m}", e.ordinal));
        if t.title != e.title {
            fail(format!(
                "title\n   want {:?}\n    got {:?}",
                e.title, t.title
            ));
        }
        if !t.text.trim_start().starts_with(e.begins) {
            fail(format!(
                "text should begin {:?}, got {:?}",
                e.begins,
                head(&t.text)
            ));
        }
        if !(trim_end_mark(&t.text).ends_with(e.ends) || t.text.trim_end().ends_with(e.ends)) {
            fail(format!(
                "text should end {:?}, got {:?}",
                e.ends,
                tail(&t.text)
            ));
        }
        match &t.period {
            Some(p)
                if p.kind == PeriodKind::Month
                    && p.key() == format!("{:04}-{:02}", planning.0, planning.1) => {}
            other => fail(format!(
                "period should be MONTH {planning:?}, got {other:?}"
            )),
        }
        let got: Vec<String> = t.document_references.iter().map(ref_key).collect();
        let ok =
            got.len() == e.refs.len() && got.iter().zip(e.refs).all(|(g, w)| ref_matches(g, w));
        if !ok {
            fail(format!("references should be {:?}, got {:?}", e.refs, got));
        }
        let want_deadline = e.deadline.map(|(y, m, d)| date(y, m, d));
        if t.deadline != want_deadline {
            fail(format!(
                "deadline should be {want_deadline:?}, got {:?}",
                t.deadline
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// One expected document reference.
pub struct D {
    /// The number, or for a document cited by name the name.
    pub key: &'static str,
    pub doc_type: &'static str,
    /// `None`: not checked here (see the test's comment).
    pub issuer: Option<&'static str>,
    pub issued_on: Option<(i32, u32, u32)>,
    /// Words the raw reference must contain.
    pub raw: &'static str,
}

#[track_caller]
pub fn assert_references(r: &Report, expected: &[D]) {
    let mut refs: Vec<&DocumentRef> = r.document_references.iter().collect();
    refs.sort_by_key(|d| (d.span.start, d.span.end));
    let got: Vec<String> = refs.iter().map(|d| ref_key(d)).collect();
    let keys_ok =
        got.len() == expected.len() && got.iter().zip(expected).all(|(g, e)| ref_matches(g, e.key));
    assert!(
        keys_ok,
        "document references in text order\n   want {:?}\n    got {:?}",
        expected.iter().map(|e| e.key).collect::<Vec<_>>(),
        got
    );
    let mut failures = Vec::new();
    for (d, e) in refs.iter().zip(expected) {
        let mut fail = |m: String| failures.push(format!("reference {}: {m}", e.key));
        if d.doc_type != e.doc_type {
            fail(format!(
                "doc_type should be {:?}, got {:?}",
                e.doc_type, d.doc_type
            ));
        }
        if let Some(issuer) = e.issuer
            && d.issuer != issuer
        {
            fail(format!("issuer should be {issuer:?}, got {:?}", d.issuer));
        }
        let want_date = e.issued_on.map(|(y, m, dd)| date(y, m, dd));
        if d.issued_on != want_date {
            fail(format!(
                "issued_on should be {want_date:?}, got {:?}",
                d.issued_on
            ));
        }
        if !squash(&d.raw).contains(e.raw) {
            fail(format!("raw should contain {:?}, got {:?}", e.raw, d.raw));
        }
        match d.span.slice(&r.normalized_text) {
            Some(s) if squash(s) == squash(&d.raw) || s == d.raw => {}
            Some(s) => fail(format!(
                "raw {:?} is not the text at its span {:?}",
                d.raw, s
            )),
            None => fail("span is not a valid range".into()),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ------------------------------------------------------------- invariants

/// Every span of every element is a char-boundary range of the normalized
/// text.
#[track_caller]
pub fn assert_spans_valid(r: &Report) {
    let t = &r.normalized_text;
    let mut bad = Vec::new();
    let mut check = |what: String, s: Span| {
        if s.start > s.end || s.slice(t).is_none() {
            bad.push(format!("{what}: {}..{}", s.start, s.end));
        }
    };
    for s in &r.sections {
        check(format!("section {}", s.path), s.span);
    }
    for f in &r.footnotes {
        check(format!("footnote {}", f.number), f.span);
        if let Some(m) = f.marker_span {
            check(format!("footnote {} marker", f.number), m);
        }
    }
    for tk in &r.tasks {
        check(format!("task {}", tk.ordinal), tk.span);
        for d in &tk.document_references {
            check(format!("task {} reference {}", tk.ordinal, d.raw), d.span);
        }
    }
    for d in &r.document_references {
        check(format!("reference {}", d.raw), d.span);
    }
    for q in &r.quality_issues {
        check(format!("quality issue {:?} {}", q.kind, q.message), q.span);
    }
    for o in &r.observations {
        check(format!("observation {}", o.label), o.provenance.span);
    }
    assert!(bad.is_empty(), "invalid spans:\n{}", bad.join("\n"));
}

/// Collects failed checks so that one test reports all of them.
#[derive(Default)]
pub struct Checks(pub Vec<String>);

impl Checks {
    pub fn starts(&mut self, what: &str, text: &str, words: &str) {
        if !text.trim_start().starts_with(words) {
            self.0.push(format!(
                "{what}: should start with {words:?}, got {:?}",
                head(text)
            ));
        }
    }

    pub fn ends(&mut self, what: &str, text: &str, words: &str) {
        if !(trim_end_mark(text).ends_with(words) || text.trim_end().ends_with(words)) {
            self.0.push(format!(
                "{what}: should end with {words:?}, got {:?}",
                tail(text)
            ));
        }
    }

    pub fn contains(&mut self, what: &str, text: &str, words: &str) {
        if !text.contains(words) {
            self.0.push(format!("{what}: should contain {words:?}"));
        }
    }

    pub fn check(&mut self, ok: bool, msg: impl Into<String>) {
        if !ok {
            self.0.push(msg.into());
        }
    }

    #[track_caller]
    pub fn finish(self) {
        assert!(
            self.0.is_empty(),
            "{} failed:\n{}",
            self.0.len(),
            self.0.join("\n")
        );
    }
}
