//! Fuzzing with proptest: arbitrary bytes, Vietnamese-like text and mutated
//! copies of the seed never panic, and whatever parses has spans that point
//! into its normalized text. More cases: `PROPTEST_CASES=20000 cargo test
//! -p baocao-parser --test fuzz --release`.

use baocao_domain::{Report, Span};
use baocao_parser::{Hints, parse};
use proptest::prelude::*;

const SEED: &[u8] = include_bytes!("../../../testdata/reports/000_5b1c2bc8d5408b7b.txt");

fn check_spans(r: &Report) {
    let text = &r.normalized_text;
    let ok = |s: Span| {
        s.start <= s.end
            && (s.end as usize) <= text.len()
            && text.is_char_boundary(s.start as usize)
            && text.is_char_boundary(s.end as usize)
    };
    for s in &r.sections {
        assert!(ok(s.span), "section {} {:?}", s.number, s.span);
    }
    for f in &r.footnotes {
        assert!(ok(f.span), "footnote {}", f.number);
        if let Some(m) = f.marker_span {
            assert!(ok(m), "marker {}", f.number);
        }
    }
    for t in &r.tasks {
        assert!(ok(t.span), "task {}", t.ordinal);
    }
    for d in &r.document_references {
        assert!(ok(d.span), "reference {}", d.raw);
        assert_eq!(d.span.slice(text), Some(d.raw.as_str()));
    }
    for q in &r.quality_issues {
        assert!(ok(q.span), "issue {:?}", q);
    }
}

fn run(bytes: &[u8]) {
    if let Ok(r) = parse(bytes, &Hints::default()) {
        check_spans(&r);
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    Duplicate(usize, usize),
    Flip(usize, u8),
    InsertText(usize, String),
}

fn apply(mut b: Vec<u8>, muts: &[Mutation]) -> Vec<u8> {
    for m in muts {
        let n = b.len().max(1);
        match m {
            Mutation::Delete(at, len) => {
                let s = at % n;
                let e = (s + len % 512).min(b.len());
                b.drain(s.min(b.len())..e);
            }
            Mutation::Insert(at, bytes) => {
                let at = at % n;
                b.splice(at.min(b.len())..at.min(b.len()), bytes.iter().copied());
            }
            Mutation::Duplicate(at, len) => {
                let s = (at % n).min(b.len());
                let e = (s + len % 2048).min(b.len());
                let copy = b[s..e].to_vec();
                b.splice(e..e, copy);
            }
            Mutation::Flip(at, v) => {
                if !b.is_empty() {
                    let i = at % b.len();
                    b[i] ^= v | 1;
                }
            }
            Mutation::InsertText(at, s) => {
                let at = (at % n).min(b.len());
                b.splice(at..at, s.bytes());
            }
        }
    }
    b
}

/// Text built from the pieces reports are made of.
fn report_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("I. ".to_owned()),
        Just("1.1. ".to_owned()),
        Just("Phần thứ hai\n".to_owned()),
        Just("a) ".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("                                           \n".to_owned()),
        Just(" 4 \n".to_owned()),
        Just("\u{c}".to_owned()),
        Just(" \u{323}".to_owned()),
        Just("\u{301}".to_owned()),
        Just("tăng 17,32%".to_owned()),
        Just("5/20231".to_owned()),
        Just("Kế hoạch số 02/KH-UBND ngày 11/01/2024 của UBND tỉnh".to_owned()),
        Just("Luật Đất đai".to_owned()),
        Just("II. NHIỆM VỤ CHỦ YẾU THÁNG 6 NĂM 2024\n".to_owned()),
        Just("Nơi nhận:\n- Lưu: VT.\nTM. UỶ BAN NHÂN DÂN\n".to_owned()),
        Just("./.".to_owned()),
        Just("(-".to_owned()),
        "[a-zA-ZàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđĐ0-9 ,.;:%/()-]{0,40}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<usize>()).prop_map(|(a, l)| Mutation::Delete(a, l)),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 0..16))
            .prop_map(|(a, v)| Mutation::Insert(a, v)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, l)| Mutation::Duplicate(a, l)),
        (any::<usize>(), any::<u8>()).prop_map(|(a, v)| Mutation::Flip(a, v)),
        (any::<usize>(), report_like()).prop_map(|(a, s)| Mutation::InsertText(a, s)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        run(&bytes);
    }

    #[test]
    fn report_like_text_never_panics(text in report_like()) {
        run(text.as_bytes());
        // The same text as UTF-16 with a byte-order mark.
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        run(&le);
    }

    #[test]
    fn mutated_seed_never_panics(muts in prop::collection::vec(mutation(), 1..12)) {
        run(&apply(SEED.to_vec(), &muts));
    }
}

#[test]
fn the_seed_itself_has_valid_spans() {
    let r = parse(SEED, &Hints::default()).expect("seed parses");
    check_spans(&r);
}

/// Inputs the coverage-guided fuzzer (`crates/parser/fuzz`) once crashed
/// the parser with, kept as they were found: each must parse without
/// panicking, with valid spans.
#[test]
fn inputs_the_fuzzer_found_still_parse() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-found");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/fuzz-found") {
        let path = entry.expect("an entry").path();
        run(&std::fs::read(&path).expect("readable"));
        n += 1;
    }
    assert!(n > 0, "no inputs in {}", dir.display());
}
