//! Accuracy of the parser on the eight sample reports, each against its
//! hand-written gold file (testdata/gold/samples/NAME.observations.jsonl,
//! written by reading the text under testdata/gold/CONVENTIONS.md; the
//! decisions the conventions left open are in testdata/gold/samples/NOTES.md).
//!
//! For every gold file present the sample is parsed, scored with
//! `baocao_parser::gold`, its precision and recall printed, and both held
//! to a floor: the figures measured when the gold file was written, rounded
//! down to two decimals. A ratchet: raise a floor when the parser improves;
//! never lower one to make a change pass.

mod common;

use baocao_parser::gold;

/// (sample, precision floor, recall floor), measured on 2026-11-30.
const FLOORS: &[(&str, f64, f64)] = &[
    ("ubnd-huyen", 1.00, 1.00),
    ("cuc-thong-ke-5-thang", 1.00, 1.00),
    ("cuc-thong-ke-mot-dong", 1.00, 1.00),
    ("so-cong-thuong", 1.00, 1.00),
    ("cuc-thong-ke-brief", 1.00, 1.00),
    ("ubnd-deep-numbering", 1.00, 1.00),
    ("phan-thu-nhat", 1.00, 0.96),
    ("ubnd-full-header", 1.00, 0.97),
];

fn gold_path(name: &str) -> String {
    format!(
        "{}/../../testdata/gold/samples/{name}.observations.jsonl",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn every_gold_file_has_a_floor() {
    let dir = format!("{}/../../testdata/gold/samples", env!("CARGO_MANIFEST_DIR"));
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("read {dir}: {e}"));
    for entry in entries {
        let file = entry.expect("directory entry").file_name();
        let file = file.to_string_lossy();
        if let Some(name) = file.strip_suffix(".observations.jsonl") {
            assert!(
                FLOORS.iter().any(|(n, _, _)| *n == name),
                "gold file {file} has no floor in samples_gold.rs"
            );
        }
    }
}

#[test]
fn accuracy_of_each_sample_against_its_gold_file() {
    let mut failures = Vec::new();
    let mut scored = 0;
    for &(name, min_precision, min_recall) in FLOORS {
        let path = gold_path(name);
        let Ok(text) = std::fs::read_to_string(&path) else {
            println!("{name}: no gold file");
            continue;
        };
        let g = gold::read(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        let report = common::load(&format!("samples/{name}.txt"));
        let s = gold::score(&g, &report.observations);
        scored += 1;
        println!(
            "{name}: gold {} predicted {} matched {} exact {}  precision {:.3}  recall {:.3}",
            s.gold,
            s.predicted,
            s.matched,
            s.exact,
            s.precision(),
            s.recall()
        );
        println!("{}", s.render(true));
        if s.precision() < min_precision {
            failures.push(format!(
                "{name}: precision {:.3} below its floor {min_precision}",
                s.precision()
            ));
        }
        if s.recall() < min_recall {
            failures.push(format!(
                "{name}: recall {:.3} below its floor {min_recall}",
                s.recall()
            ));
        }
    }
    assert!(scored > 0, "no gold file found under testdata/gold/samples");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
