//! Bytes to text: UTF-8 with or without a byte-order mark, UTF-16 LE/BE
//! with one. Anything else is a typed [`ParseError`] saying what was found.

use std::borrow::Cow;

use crate::ParseError;

/// Decodes `bytes` into text, borrowed where the bytes are UTF-8 (the
/// text is copied once, later, by whatever changes it); rejects empty,
/// binary and undecodable input, and known non-text formats with a clear
/// name.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, ParseError> {
    if bytes.is_empty() {
        return Err(ParseError::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest, 3);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, false);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, true);
    }
    if let Some(format) = sniff_format(bytes) {
        return Err(ParseError::UnsupportedFormat { format });
    }
    utf8(bytes, 0)
}

fn sniff_format(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (DOCX, XLSX or similar)"),
        (b"\xD0\xCF\x11\xE0", "an OLE2 document (legacy DOC or XLS)"),
        (b"{\\rtf", "an RTF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x1F\x8B", "gzip-compressed data"),
    ];
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, name)| *name)
}

fn utf8(bytes: &[u8], offset: usize) -> Result<Cow<'_, str>, ParseError> {
    if let Some(pos) = memchr::memchr(0, bytes) {
        return Err(ParseError::Binary {
            offset: offset + pos,
        });
    }
    // Validated with SIMD (std's validator reads Vietnamese text, mostly
    // multi-byte letters, at ~11 instructions a byte). simdutf8's error has
    // no position: invalid input is read again by std, which says where.
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Ok(Cow::Borrowed(s));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(e) => Err(ParseError::InvalidUtf8 {
            offset: offset + e.valid_up_to(),
        }),
    }
}

fn utf16(bytes: &[u8], big_endian: bool) -> Result<Cow<'static, str>, ParseError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(ParseError::OddUtf16Length { bytes: bytes.len() });
    }
    let units = bytes.chunks_exact(2).map(|c| {
        if big_endian {
            u16::from_be_bytes([c[0], c[1]])
        } else {
            u16::from_le_bytes([c[0], c[1]])
        }
    });
    let mut out = String::with_capacity(bytes.len());
    for (i, r) in char::decode_utf16(units).enumerate() {
        match r {
            Ok('\0') => return Err(ParseError::Binary { offset: 2 + i * 2 }),
            Ok(c) => out.push(c),
            Err(_) => {
                return Err(ParseError::InvalidUtf16 {
                    endian: if big_endian {
                        "big-endian"
                    } else {
                        "little-endian"
                    },
                    unit: i,
                });
            }
        }
    }
    Ok(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Báo cáo".as_bytes()).unwrap(), "Báo cáo");
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("Báo cáo".as_bytes());
        assert_eq!(decode(&b).unwrap(), "Báo cáo");
    }

    #[test]
    fn utf16_both_byte_orders() {
        let text = "Tháng 5/2024 tăng 17,32%";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap(), text);
        assert_eq!(decode(&be).unwrap(), text);
    }

    #[test]
    fn errors_say_what_was_found() {
        assert_eq!(decode(b""), Err(ParseError::Empty));
        assert_eq!(decode(b"ab\0cd"), Err(ParseError::Binary { offset: 2 }));
        assert_eq!(
            decode(b"ok \xC3\x28"),
            Err(ParseError::InvalidUtf8 { offset: 3 })
        );
        assert_eq!(
            decode(b"%PDF-1.7\n..."),
            Err(ParseError::UnsupportedFormat {
                format: "a PDF document"
            })
        );
        assert_eq!(
            decode(&[0xFF, 0xFE, 0x41]),
            Err(ParseError::OddUtf16Length { bytes: 1 })
        );
        assert!(matches!(
            decode(&[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]),
            Err(ParseError::InvalidUtf16 { unit: 0, .. })
        ));
        let msg = decode(b"x\0").unwrap_err().to_string();
        assert!(msg.contains("NUL byte at offset 1"), "{msg}");
    }
}
