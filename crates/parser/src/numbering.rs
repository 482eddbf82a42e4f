//! Heading and item numbers: "I.", "1.", "1.1.", "A.", "a)", "Phần thứ nhất".

/// The numbering scheme a heading uses; the order in which schemes first
/// appear gives the nesting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// "Phần thứ nhất", "PHẦN I".
    Part,
    /// "A.", "B." (A to H).
    Letter,
    /// "I.", "II.".
    Roman,
    /// "1.", "1.1.", "1.1.1." with the number of components.
    Arabic(u8),
    /// "a)", "b)", also written "a.", "b.".
    LetterParen,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbering {
    pub style: Style,
    /// As written, without a trailing dot or bracket: "I", "1.1", "a",
    /// "Phần thứ nhất".
    pub label: String,
    /// The value of the last component (3 for "1.3", 2 for "B", "II").
    pub value: u32,
    /// Components above the last, for dotted numbers ("1" for "1.3").
    pub prefix: String,
    /// Byte offset of the title after the number.
    pub title_start: usize,
}

const ORDINALS: [&str; 10] = [
    "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười",
];

pub fn roman_value(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (total > 0).then_some(total)
}

/// Reads the number at the start of `text`, if it has one followed by a
/// title.
pub fn parse(text: &str) -> Option<Numbering> {
    part(text).or_else(|| dotted(text))
}

fn title_after(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() && !rest.is_empty() {
        return None; // no space between number and title
    }
    let c = trimmed.chars().next()?;
    (baocao_domain::text::is_alphabetic(c) || matches!(c, '“' | '"' | '('))
        .then_some(text.len() - trimmed.len())
}

/// A part number ("Phần thứ nhất", "PHẦN I"): the only reading of
/// [`parse`] whose style is [`Style::Part`].
pub(crate) fn part(text: &str) -> Option<Numbering> {
    if !text.starts_with(['P', 'p']) {
        return None;
    }
    if !crate::starts_with_ci(text, "phần ") {
        return None;
    }
    let after = "phần ".len();
    let rest = &text[after..];
    let (word_end, value) = if rest.to_lowercase().starts_with("thứ ") {
        let w = &rest["thứ ".len()..];
        let wl = w.to_lowercase();
        let (i, ord) = ORDINALS.iter().enumerate().find(|(_, o)| {
            wl.starts_with(*o) && !wl[o.len()..].starts_with(baocao_domain::text::is_alphanumeric)
        })?;
        ("thứ ".len() + ord.len(), i as u32 + 1)
    } else {
        let n: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let v = roman_value(&n).or_else(|| n.parse().ok())?;
        (n.len(), v)
    };
    let label_end = after + word_end;
    let mut at = label_end;
    let tail = &text[at..];
    let skip = tail.len() - tail.trim_start_matches([':', '.', ' ', '-', '–']).len();
    at += skip;
    Some(Numbering {
        style: Style::Part,
        label: text[..label_end].to_owned(),
        value,
        prefix: String::new(),
        title_start: at,
    })
}

fn dotted(text: &str) -> Option<Numbering> {
    let b = text.as_bytes();
    let first = *b.first()?;
    if first.is_ascii_digit() {
        // The components, one or two digits each, joined by single dots:
        // counted, with where the last one starts (no Vec per line).
        let mut i = 0;
        let mut parts = 0usize;
        let mut last;
        loop {
            let s = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i == s || i - s > 2 {
                return None;
            }
            parts += 1;
            last = s;
            if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
                i += 1;
                continue;
            }
            break;
        }
        if parts > 4 {
            return None;
        }
        let label_end = i;
        // "1." or "1)"; district and commune reports also write "1/",
        // "2.1/" ("1/2" has no space after it, so no title).
        let closed = i < b.len() && (b[i] == b'.' || b[i] == b')' || b[i] == b'/');
        if closed {
            i += 1;
        } else if parts == 1 {
            return None; // "5 tháng" is a quantity, not a number
        }
        let title_start = title_after(text, i)?;
        let value = text[last..label_end].parse().ok()?;
        return Some(Numbering {
            style: Style::Arabic(parts as u8),
            label: text[..label_end].to_owned(),
            value,
            // The components before the last, with their dots.
            prefix: text[..last.saturating_sub(1)].to_owned(),
            title_start,
        });
    }
    // Only a word of at most five bytes can number a heading here (a Roman
    // number of up to five letters, or one letter), so its closing mark is
    // looked for in the first six bytes only; and the word's form is tested
    // before the title after it is looked for (most lines open with a
    // word, which stops here).
    let head = &text.as_bytes()[..text.len().min(6)];
    let word_len = head
        .iter()
        .position(|&b| matches!(b, b'.' | b')' | b' ' | b'-'))
        .unwrap_or(0);
    let word: &str = &text[..word_len];
    if word.is_empty() {
        return None;
    }
    let close = text[word.len()..].chars().next()?;
    // Commune reports and party texts close a Roman or letter number with
    // a dash: "I- Về phát triển kinh tế", "A- NHỮNG KẾT QUẢ".
    let dot = close == '.' || close == '-';
    let one_char = word.chars().nth(1).is_none();
    if !(one_char || (dot && word.len() <= 5 && roman_value(word).is_some())) {
        return None;
    }
    let title_start = title_after(text, word.len() + 1)?;
    if dot
        && word.len() <= 5
        && let Some(v) = roman_value(word)
    {
        return Some(Numbering {
            style: Style::Roman,
            label: word.to_owned(),
            value: v,
            prefix: String::new(),
            title_start,
        });
    }
    let mut chars = word.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    if dot && ('A'..='H').contains(&c) {
        return Some(Numbering {
            style: Style::Letter,
            label: word.to_owned(),
            value: c as u32 - 'A' as u32 + 1,
            prefix: String::new(),
            title_start,
        });
    }
    // "a)" and "a." are one scheme: statistics offices write the dot.
    if matches!(close, ')' | '.') && (c.is_ascii_lowercase() || c == 'đ') {
        let value = if c == 'đ' {
            5
        } else {
            c as u32 - 'a' as u32 + 1 + u32::from(c > 'd')
        };
        return Some(Numbering {
            style: Style::LetterParen,
            label: word.to_owned(),
            value,
            prefix: String::new(),
            title_start,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<(Style, String, u32, String)> {
        parse(s).map(|n| (n.style, n.label, n.value, s[n.title_start..].to_owned()))
    }

    #[test]
    fn schemes() {
        assert_eq!(
            p("I. TÌNH HÌNH KINH TẾ - XÃ HỘI"),
            Some((
                Style::Roman,
                "I".into(),
                1,
                "TÌNH HÌNH KINH TẾ - XÃ HỘI".into()
            ))
        );
        assert_eq!(p("1.1. Sản xuất công nghiệp").unwrap().0, Style::Arabic(2));
        assert_eq!(p("1.6 Thu hút đầu tư").unwrap().2, 6);
        assert_eq!(p("12. Tiếp tục").unwrap().1, "12");
        assert_eq!(p("B. PHƯƠNG HƯỚNG").unwrap().0, Style::Letter);
        assert_eq!(p("a) Nông nghiệp").unwrap().0, Style::LetterParen);
        assert_eq!(
            p("b. Chăn nuôi"),
            Some((Style::LetterParen, "b".into(), 2, "Chăn nuôi".into()))
        );
        assert_eq!(p("đ) Khác").unwrap().2, 5);
        assert_eq!(p("e) Khác").unwrap().2, 6);
        assert_eq!(
            p("Phần thứ hai: PHƯƠNG HƯỚNG"),
            Some((Style::Part, "Phần thứ hai".into(), 2, "PHƯƠNG HƯỚNG".into()))
        );
        assert_eq!(p("PHẦN II. NHIỆM VỤ").unwrap().2, 2);
        assert_eq!(p("Phần thứ nhất").unwrap().3, "");
    }

    #[test]
    fn numbers_that_are_not_headings() {
        assert_eq!(p("5 tháng đầu năm"), None);
        assert_eq!(p("1.007,5 tỷ đồng"), None);
        assert_eq!(p("11/01/2024 và"), None);
        assert_eq!(p("2024. Tiếp"), None);
        assert_eq!(p("1.5%"), None);
        assert_eq!(p("Phần lớn doanh nghiệp"), None);
        assert_eq!(p("Chỉ số"), None);
        assert_eq!(p("1.1."), None);
    }

    /// The former reading of a line that does not open with a digit: the
    /// word up to the first '.', ')', ' ' or '-' anywhere, its title looked for
    /// before its form.
    fn word_number_before(text: &str) -> Option<(Style, String, u32, usize)> {
        let word: &str = &text[..text.find(['.', ')', ' ', '-']).unwrap_or(0)];
        if word.is_empty() {
            return None;
        }
        let close = text[word.len()..].chars().next()?;
        let dot = close == '.' || close == '-';
        let title_start = title_after(text, word.len() + 1)?;
        if dot
            && word.len() <= 5
            && let Some(v) = roman_value(word)
        {
            return Some((Style::Roman, word.to_owned(), v, title_start));
        }
        let mut chars = word.chars();
        let c = chars.next()?;
        if chars.next().is_some() {
            return None;
        }
        if dot && ('A'..='H').contains(&c) {
            return Some((
                Style::Letter,
                word.to_owned(),
                c as u32 - 'A' as u32 + 1,
                title_start,
            ));
        }
        if matches!(close, ')' | '.') && (c.is_ascii_lowercase() || c == 'đ') {
            let value = if c == 'đ' {
                5
            } else {
                c as u32 - 'a' as u32 + 1 + u32::from(c > 'd')
            };
            return Some((Style::LetterParen, word.to_owned(), value, title_start));
        }
        None
    }

    /// `dotted` reads a line that opens with a word as it did before its
    /// first six bytes were the only ones searched, on every line of the
    /// seed, every suffix of its first lines, and forms made to the edge.
    #[test]
    fn word_numbers_read_as_before() {
        let seed = include_str!("../../../testdata/reports/000_5b1c2bc8d5408b7b.txt");
        let mut texts: Vec<String> = seed.lines().map(|l| l.trim().to_owned()).collect();
        for l in seed.lines().take(200) {
            texts.extend(l.char_indices().map(|(i, _)| l[i..].to_owned()));
        }
        for w in [
            "I", "IV", "XVIII", "XXVIII", "A", "H", "Ị", "a", "đ", "ab", "Ab", "LLLLL", "abcde",
            "abcdef",
        ] {
            for close in [".", ")", " ", ",", ""] {
                for title in [" Tên", "  “Tên”", "Tên", " 1", "", " (a)", " ."] {
                    texts.push(format!("{w}{close}{title}"));
                }
            }
        }
        for t in &texts {
            if t.starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            let now = dotted(t).map(|n| (n.style, n.label, n.value, n.title_start));
            assert_eq!(now, word_number_before(t), "{t:?}");
        }
    }

    #[test]
    fn roman_values() {
        assert_eq!(roman_value("IV"), Some(4));
        assert_eq!(roman_value("XIX"), Some(19));
        assert_eq!(roman_value("A"), None);
    }
}
