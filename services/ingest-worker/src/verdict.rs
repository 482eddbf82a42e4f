//! What an upload becomes before the store sees it: a parsed report, or a
//! rejection with a reason a person can act on. Pure and synchronous; the
//! handler runs it on the blocking pool.

use baocao_domain::Report;

use crate::envelope::Envelope;

#[derive(Debug)]
pub enum Verdict {
    Parsed(Box<Report>),
    Rejected(String),
}

/// Checks the envelope, parses the body and checks the result.
pub fn decide(body: &[u8], envelope: &Envelope) -> Verdict {
    if let Some(reason) = envelope.rejection() {
        return Verdict::Rejected(reason);
    }
    match baocao_parser::parse(body, &envelope.hints) {
        Ok(report) => match check_report(&report) {
            Ok(()) => Verdict::Parsed(Box::new(report)),
            Err(reason) => Verdict::Rejected(reason),
        },
        Err(e) => Verdict::Rejected(e.to_string()),
    }
}

/// A readable text that is not a report. The parser accepts any text and
/// lists what it missed as quality issues; a text without a single digit
/// (no figure, no date, no document number) cannot be a socio-economic
/// report, and storing it would only hide the sender's mistake.
fn check_report(report: &Report) -> Result<(), String> {
    if report.normalized_text.bytes().any(|b| b.is_ascii_digit()) {
        return Ok(());
    }
    Err(format!(
        "not a report: the text has no numbers at all ({} characters, no figures, dates or \
         document number); expected a socio-economic report as text",
        report.normalized_text.chars().count()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use baocao_domain::Source;
    use baocao_parser::Hints;

    fn envelope() -> Envelope {
        Envelope {
            source: Source::default(),
            hints: Hints::default(),
            problems: Vec::new(),
        }
    }

    #[test]
    fn envelope_problems_come_first() {
        let mut e = envelope();
        e.problems.push("x-department header missing".into());
        match decide(b"anything 1", &e) {
            Verdict::Rejected(r) => assert_eq!(r, "x-department header missing"),
            v => panic!("{v:?}"),
        }
    }

    #[test]
    fn unreadable_bytes_are_rejected_with_the_parsers_reason() {
        for (body, says) in [
            (&b""[..], "empty input"),
            (&b"\x00\x01\x02binary"[..], "binary data"),
            (&b"caf\xe9 1"[..], "invalid UTF-8"),
        ] {
            match decide(body, &envelope()) {
                Verdict::Rejected(r) => assert!(r.contains(says), "{r}"),
                v => panic!("{v:?}"),
            }
        }
    }

    #[test]
    fn a_text_without_numbers_is_not_a_report() {
        let body = "Kính gửi các sở, ngành.\nVăn bản này không có số liệu nào.\n".as_bytes();
        match decide(body, &envelope()) {
            Verdict::Rejected(r) => assert!(
                r.starts_with("not a report: the text has no numbers"),
                "{r}"
            ),
            v => panic!("{v:?}"),
        }
    }

    #[test]
    fn the_seed_parses() {
        let seed = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../testdata/reports/000_5b1c2bc8d5408b7b.txt"
        ))
        .unwrap();
        match decide(&seed, &envelope()) {
            Verdict::Parsed(r) => assert!(!r.observations.is_empty()),
            v => panic!("{v:?}"),
        }
    }
}
