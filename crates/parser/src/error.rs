//! Why a report could not be read at all.

use thiserror::Error;

/// The input is not a report the parser can read. Every variant says what
/// was found, so a department can fix what it sent.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ParseError {
    #[error("empty input: the file has no bytes")]
    Empty,
    #[error("no text: the file holds only whitespace or punctuation ({bytes} bytes)")]
    NoText { bytes: usize },
    #[error(
        "binary data: found a NUL byte at offset {offset}, expected text (UTF-8, or UTF-16 with a byte-order mark)"
    )]
    Binary { offset: usize },
    #[error("unsupported format: the file is {format}; send its text as UTF-8 (text/plain)")]
    UnsupportedFormat { format: &'static str },
    #[error(
        "invalid UTF-8 at byte offset {offset}: expected UTF-8, or UTF-16 with a byte-order mark"
    )]
    InvalidUtf8 { offset: usize },
    #[error("invalid UTF-16 ({endian}) at code unit {unit}: unpaired surrogate")]
    InvalidUtf16 { endian: &'static str, unit: usize },
    #[error("truncated UTF-16: odd number of bytes ({bytes}) after the byte-order mark")]
    OddUtf16Length { bytes: usize },
    #[error("too many control characters: {count} of {chars} characters are not text")]
    ControlCharacters { count: usize, chars: usize },
}
