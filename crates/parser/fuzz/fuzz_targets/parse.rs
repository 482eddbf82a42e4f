//! Any bytes: the parser returns a report or a typed error, never panics,
//! and every span of a report it returns lies on character boundaries of
//! its normalized text, so an analyst can always be shown the sentence.

#![no_main]

use baocao_domain::{Report, Span};
use baocao_parser::{Hints, parse};
use libfuzzer_sys::fuzz_target;

fn check(r: &Report) {
    let t = &r.normalized_text;
    let ok = |what: &str, s: Span| {
        assert!(
            s.start <= s.end && s.slice(t).is_some(),
            "{what}: span {}..{} outside the text or off a character boundary",
            s.start,
            s.end
        );
    };
    for s in &r.sections {
        ok("section", s.span);
    }
    for f in &r.footnotes {
        ok("footnote", f.span);
        if let Some(m) = f.marker_span {
            ok("footnote marker", m);
        }
    }
    for tk in &r.tasks {
        ok("task", tk.span);
        for d in &tk.document_references {
            ok("task reference", d.span);
        }
    }
    for d in &r.document_references {
        ok("reference", d.span);
    }
    for q in &r.quality_issues {
        ok("quality issue", q.span);
    }
    for o in &r.observations {
        ok("observation", o.provenance.span);
        if let Some(q) = &o.quantity {
            assert!(
                q.value.is_finite() && q.multiplier.is_finite(),
                "observation {}: value {} x {}",
                o.label,
                q.value,
                q.multiplier
            );
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let hints = Hints {
        department: Some("so-khdt".into()),
        period: Some((2024, 5)),
    };
    if let Ok(report) = parse(data, &hints) {
        check(&report);
    }
});
