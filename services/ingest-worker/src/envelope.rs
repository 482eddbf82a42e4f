//! The message contract's envelope: AMQP properties and headers checked
//! before the body is read. An upload whose envelope is wrong can never
//! succeed as sent, whatever its bytes.

use baocao_domain::Source;
use baocao_parser::Hints;
use chrono::{DateTime, Utc};
use lapin::BasicProperties;
use lapin::types::{AMQPValue, FieldTable};

/// The sending department's code (required).
pub const DEPARTMENT: &str = "x-department";
/// The file's name as the department knows it (optional).
pub const FILENAME: &str = "x-filename";
/// The reporting month, `YYYY-MM` (optional).
pub const PERIOD: &str = "x-period";
/// Set by the worker on what it dead-letters: why.
pub const ERROR: &str = "x-baocao-error";

pub const TEXT_PLAIN_UTF8: &str = "text/plain; charset=utf-8";
pub const PDF: &str = "application/pdf";
pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Upload limits from the settings.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_message_bytes: usize,
}

/// An upload's envelope, read: what the store keeps as its source, what
/// the parser may use where the text is silent, and every problem found.
#[derive(Debug, Clone, PartialEq)]
pub struct Envelope {
    pub source: Source,
    pub hints: Hints,
    /// Why the upload can never succeed as sent; empty when it may.
    pub problems: Vec<String>,
}

impl Envelope {
    /// All problems in one reason a person can act on.
    pub fn rejection(&self) -> Option<String> {
        (!self.problems.is_empty()).then(|| self.problems.join("; "))
    }
}

/// Reads the envelope of a message whose body is `body_len` bytes long.
pub fn read(
    props: &BasicProperties,
    body_len: usize,
    limits: Limits,
    received_at: DateTime<Utc>,
) -> Envelope {
    let mut problems = Vec::new();
    let headers = props.headers().as_ref();

    if body_len > limits.max_message_bytes {
        problems.push(format!(
            "message too large: {body_len} bytes, the limit is {} bytes",
            limits.max_message_bytes
        ));
    }

    let department = match header(headers, DEPARTMENT) {
        Ok(Some(d)) if !d.trim().is_empty() => d.trim().to_owned(),
        Ok(Some(_)) => {
            problems.push(format!(
                "{DEPARTMENT} header empty: expected the sending department's code, e.g. so-khdt"
            ));
            String::new()
        }
        Ok(None) => {
            problems.push(format!(
                "{DEPARTMENT} header missing: expected the sending department's code, e.g. so-khdt"
            ));
            String::new()
        }
        Err(p) => {
            problems.push(p);
            String::new()
        }
    };

    let filename = match header(headers, FILENAME) {
        Ok(f) => f.unwrap_or_default(),
        Err(p) => {
            problems.push(p);
            String::new()
        }
    };

    let period = match header(headers, PERIOD) {
        Ok(Some(p)) => match parse_month(p.trim()) {
            Some(m) => Some(m),
            None => {
                problems.push(format!("{PERIOD} header: expected YYYY-MM, found {p:?}"));
                None
            }
        },
        Ok(None) => None,
        Err(p) => {
            problems.push(p);
            None
        }
    };

    let content_type = props
        .content_type()
        .as_ref()
        .map(|c| c.as_str().to_owned())
        .unwrap_or_default();
    if let Err(p) = check_content_type(&content_type) {
        problems.push(p);
    }

    let message_id = props
        .message_id()
        .as_ref()
        .map(|m| m.as_str().trim().to_owned())
        .unwrap_or_default();

    Envelope {
        source: Source {
            department: department.clone(),
            filename,
            content_type,
            message_id,
            content_sha256: String::new(),
            received_at: Some(received_at),
        },
        hints: Hints {
            department: (!department.is_empty()).then_some(department),
            period,
        },
        problems,
    }
}

/// A header's value as text; `Ok(None)` when absent.
fn header(headers: Option<&FieldTable>, name: &str) -> Result<Option<String>, String> {
    let Some(value) = headers.and_then(|h| h.inner().get(name)) else {
        return Ok(None);
    };
    let bytes = match value {
        AMQPValue::LongString(s) => s.as_bytes(),
        AMQPValue::ShortString(s) => s.as_str().as_bytes(),
        AMQPValue::ByteArray(b) => b.as_slice(),
        AMQPValue::Void => return Ok(None),
        other => {
            return Err(format!(
                "{name} header: expected a string, found {:?}",
                other.get_type()
            ));
        }
    };
    String::from_utf8(bytes.to_vec())
        .map(Some)
        .map_err(|_| format!("{name} header: not valid UTF-8"))
}

/// "2024-05" -> (2024, 5).
pub fn parse_month(s: &str) -> Option<(i32, u32)> {
    let (y, m) = s.split_once('-')?;
    if y.len() != 4 || m.len() != 2 {
        return None;
    }
    let year: i32 = y.parse().ok()?;
    let month: u32 = m.parse().ok()?;
    (1..=12).contains(&month).then_some((year, month))
}

/// Accepts text (`text/plain`, in UTF-8 or UTF-16 with a byte-order mark,
/// which the parser tells apart); says what to send instead otherwise.
pub fn check_content_type(content_type: &str) -> Result<(), String> {
    let mut parts = content_type.split(';');
    let mime = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = parts
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
        .map(|(_, v)| v.trim().trim_matches('"').to_ascii_lowercase());
    match mime.as_str() {
        "" => Err(format!("content type missing: expected {TEXT_PLAIN_UTF8}")),
        "text/plain" => match charset.as_deref() {
            None | Some("utf-8" | "utf8" | "utf-16" | "utf-16le" | "utf-16be" | "us-ascii") => {
                Ok(())
            }
            Some(other) => Err(format!(
                "unsupported charset {other} in content type {content_type:?}: send the text as UTF-8 ({TEXT_PLAIN_UTF8})"
            )),
        },
        PDF | DOCX => Err(format!(
            "unsupported content type {mime}: the worker reads text only for now; send the report's text as {TEXT_PLAIN_UTF8}"
        )),
        _ => Err(format!(
            "unsupported content type {content_type:?}: expected {TEXT_PLAIN_UTF8}"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lapin::types::{LongString, ShortString};

    fn props(content_type: Option<&str>, headers: &[(&str, AMQPValue)]) -> BasicProperties {
        let mut t = FieldTable::default();
        for (k, v) in headers {
            t.insert(ShortString::from(*k), v.clone());
        }
        let mut p = BasicProperties::default()
            .with_headers(t)
            .with_message_id("m-1".into());
        if let Some(c) = content_type {
            p = p.with_content_type(c.into());
        }
        p
    }

    fn text(s: &str) -> AMQPValue {
        AMQPValue::LongString(LongString::from(s))
    }

    const LIMITS: Limits = Limits {
        max_message_bytes: 100,
    };

    #[test]
    fn a_complete_envelope_has_no_problems() {
        let p = props(
            Some("text/plain; charset=utf-8"),
            &[
                (DEPARTMENT, text(" so-khdt ")),
                (FILENAME, text("bc-05.txt")),
                (PERIOD, text("2024-05")),
            ],
        );
        let e = read(&p, 10, LIMITS, Utc::now());
        assert!(e.problems.is_empty(), "{:?}", e.problems);
        assert_eq!(e.source.department, "so-khdt");
        assert_eq!(e.source.filename, "bc-05.txt");
        assert_eq!(e.source.message_id, "m-1");
        assert_eq!(e.hints.period, Some((2024, 5)));
        assert_eq!(e.hints.department.as_deref(), Some("so-khdt"));
    }

    #[test]
    fn every_problem_is_named() {
        let p = props(
            Some("application/pdf"),
            &[(PERIOD, text("05/2024")), (FILENAME, AMQPValue::LongInt(3))],
        );
        let e = read(&p, 101, LIMITS, Utc::now());
        let r = e.rejection().unwrap();
        assert!(
            r.contains("message too large: 101 bytes, the limit is 100 bytes"),
            "{r}"
        );
        assert!(r.contains("x-department header missing"), "{r}");
        assert!(r.contains("x-period header: expected YYYY-MM"), "{r}");
        assert!(r.contains("x-filename header: expected a string"), "{r}");
        assert!(
            r.contains("unsupported content type application/pdf"),
            "{r}"
        );
        assert!(
            r.contains("send the report's text as text/plain; charset=utf-8"),
            "{r}"
        );
    }

    #[test]
    fn content_types() {
        for ok in [
            "text/plain",
            "text/plain; charset=utf-8",
            "Text/Plain;charset=\"UTF-8\"",
            "text/plain; charset=utf-16",
        ] {
            assert!(check_content_type(ok).is_ok(), "{ok}");
        }
        for (bad, says) in [
            ("", "content type missing"),
            (DOCX, "reads text only"),
            (
                "text/plain; charset=windows-1258",
                "unsupported charset windows-1258",
            ),
            ("image/png", "unsupported content type \"image/png\""),
        ] {
            let e = check_content_type(bad).unwrap_err();
            assert!(e.contains(says), "{bad}: {e}");
        }
    }

    #[test]
    fn header_strings_of_any_string_type() {
        let p = props(
            Some("text/plain"),
            &[(DEPARTMENT, AMQPValue::ShortString("so-tc".into()))],
        );
        assert_eq!(read(&p, 1, LIMITS, Utc::now()).source.department, "so-tc");
        let p = props(Some("text/plain"), &[(DEPARTMENT, text("  "))]);
        assert!(read(&p, 1, LIMITS, Utc::now()).problems[0].contains("x-department header empty"));
    }
}
