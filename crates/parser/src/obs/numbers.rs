//! Vietnamese numerals and units: "60.769 tỷ đồng", "1.007,5", "17,32%",
//! "9-10 nghìn đồng/kg", "12/15 khoản thu", "khoảng 800ha".

use baocao_domain::{Qualifier, Quantity, UnitCode};

/// Reads a number written the Vietnamese way: "." groups thousands, ","
/// is the decimal mark; leading zeros are allowed ("05"). A "." followed by
/// other than three digits is taken as a decimal point (a foreign style).
pub fn parse_number(s: &str) -> Option<f64> {
    if s.is_empty()
        || !s
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    // The text is ASCII digits, '.' and ',' only (tested above): its marks
    // are found as bytes.
    let (int, frac) = match memchr::memchr(b',', s.as_bytes()) {
        Some(i) => {
            let f = &s[i + 1..];
            if memchr::memchr2(b',', b'.', f.as_bytes()).is_some() || f.is_empty() {
                return None;
            }
            (&s[..i], Some(f))
        }
        None => (s, None),
    };
    let dots = memchr::memchr_iter(b'.', int.as_bytes());
    let groups = dots.clone().count() + 1;
    let first = &int[..dots.clone().next().unwrap_or(int.len())];
    // The groups after the first: each dot is followed by three digits and
    // then a dot or the end.
    let thousands = groups > 1
        && first.len() <= 3
        && !first.is_empty()
        && dots.clone().all(|d| {
            let end =
                memchr::memchr(b'.', &int.as_bytes()[d + 1..]).map_or(int.len(), |k| d + 1 + k);
            end - (d + 1) == 3
        });
    // "60.769" (thousands) is read without its dots; "1.5" (one dot, no
    // comma) as written; a plain integer as written.
    let plain = if thousands {
        false
    } else if groups == 2 && frac.is_none() && !first.is_empty() && !int.ends_with('.') {
        true
    } else if groups == 1 {
        frac.is_none()
    } else {
        return None;
    };
    if plain {
        return parse_decimal(int);
    }
    // The digits without dots, then "." and the fraction: a small number is
    // assembled on the stack.
    let mut stack = [0u8; 64];
    let mut heap = Vec::new();
    let len = int.len() + frac.map_or(0, |f| f.len() + 1);
    let buf: &mut [u8] = if len <= stack.len() {
        &mut stack
    } else {
        heap.resize(len, 0);
        &mut heap
    };
    let mut n = 0;
    for b in int.bytes().filter(|&b| b != b'.') {
        buf[n] = b;
        n += 1;
    }
    if let Some(f) = frac {
        buf[n] = b'.';
        buf[n + 1..n + 1 + f.len()].copy_from_slice(f.as_bytes());
        n += 1 + f.len();
    }
    parse_decimal(std::str::from_utf8(&buf[..n]).ok()?)
}

/// `t.parse::<f64>()` for digits with at most one '.': a number of at most
/// 15 digits is computed as an integer (below 2^53, so exact as an f64)
/// divided by a power of ten (exact up to 10^22); the one correctly
/// rounded division gives the correctly rounded value, as parsing does.
/// Other texts are parsed.
fn parse_decimal(t: &str) -> Option<f64> {
    const POW10: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let mut m: u64 = 0;
    let mut digits = 0usize;
    let mut frac: Option<usize> = None;
    for &b in t.as_bytes() {
        match b {
            b'0'..=b'9' if digits < 15 => {
                m = m * 10 + u64::from(b - b'0');
                digits += 1;
                if let Some(f) = frac.as_mut() {
                    *f += 1;
                }
            }
            b'.' if frac.is_none() => frac = Some(0),
            _ => return t.parse().ok(),
        }
    }
    if digits == 0 {
        return t.parse().ok();
    }
    Some(m as f64 / POW10[frac.unwrap_or(0)])
}

/// A unit as matched after a number.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// As written, scale word included ("tỷ đồng"); the table's own words
    /// where it is one of them (no copy).
    pub text: std::borrow::Cow<'static, str>,
    pub code: UnitCode,
    pub multiplier: f64,
    /// Bytes consumed after the number (spaces included).
    pub len: usize,
}

const SCALES: &[(&str, f64)] = &[
    ("nghìn tỷ", 1e12),
    ("ngàn tỷ", 1e12),
    ("nghìn", 1e3),
    ("ngàn", 1e3),
    ("triệu", 1e6),
    ("tỷ", 1e9),
    ("tỉ", 1e9),
];

/// Base units, longest first within a shared prefix.
const UNITS: &[(&str, UnitCode)] = &[
    ("đồng/kg", UnitCode::VndPerKilogram),
    ("đ/kg", UnitCode::VndPerKilogram),
    // Per head: income, spending ("80 triệu đồng/người/năm").
    ("đồng/người/năm", UnitCode::Other),
    ("đồng/người/tháng", UnitCode::Other),
    ("đồng/người", UnitCode::Other),
    ("đồng", UnitCode::Vnd),
    ("USD", UnitCode::Usd),
    ("usd", UnitCode::Usd),
    // Written out, as statistics offices do: "345,6 triệu đô la Mỹ".
    ("đô la Mỹ", UnitCode::Usd),
    ("Đô la Mỹ", UnitCode::Usd),
    ("đô-la Mỹ", UnitCode::Usd),
    ("đô la", UnitCode::Usd),
    // In one word: "1,85 tỉ đôla Mỹ" (TP.HCM's press).
    ("đôla Mỹ", UnitCode::Usd),
    ("đôla", UnitCode::Usd),
    ("%", UnitCode::Percent),
    ("ha", UnitCode::Hectare),
    ("héc-ta", UnitCode::Hectare),
    // "121.000 hecta" (the press).
    ("hecta", UnitCode::Hectare),
    // Yields: quintals or tonnes per hectare, one unit ("63,85 tạ/ha").
    ("tạ/ha", UnitCode::Other),
    ("tấn/ha", UnitCode::Other),
    // Hectares written out ("76,7 tạ/héc-ta", An Giang's press).
    ("tạ/héc-ta", UnitCode::Other),
    ("tấn/héc-ta", UnitCode::Other),
    ("tạ/hecta", UnitCode::Other),
    ("tấn", UnitCode::Tonne),
    ("m3", UnitCode::CubicMetre),
    ("m³", UnitCode::CubicMetre),
    ("m2", UnitCode::SquareMetre),
    ("m²", UnitCode::SquareMetre),
    ("kg", UnitCode::Kilogram),
    ("km", UnitCode::Kilometre),
    ("kWh", UnitCode::KilowattHour),
    // Goods counted in litres and pairs ("18,5 triệu lít bia", "3,2 triệu
    // đôi giày").
    ("lít", UnitCode::Other),
    ("đôi", UnitCode::Other),
    ("cái", UnitCode::Piece),
    ("chiếc", UnitCode::Piece),
    // "95 lượt DN giải thể": enterprises, counted as registrations.
    ("lượt doanh nghiệp", UnitCode::Enterprise),
    ("lượt DN", UnitCode::Enterprise),
    ("lượt người", UnitCode::Visit),
    // Guest-days of stays ("167,5 nghìn ngày khách"): no arrivals.
    ("ngày khách", UnitCode::Other),
    ("lượt", UnitCode::Visit),
    ("người", UnitCode::Person),
    ("lao động", UnitCode::Person),
    ("hộ", UnitCode::Household),
    ("doanh nghiệp", UnitCode::Enterprise),
    // "595 DN đăng ký tạm ngừng hoạt động": the abbreviation reports use
    // for enterprises.
    ("DN", UnitCode::Enterprise),
    ("dự án", UnitCode::Project),
    ("vụ việc", UnitCode::Case),
    ("vụ", UnitCode::Case),
    // Cases of a disease are counted, not incidents (OTHER).
    ("ca", UnitCode::Other),
    ("đơn vị", UnitCode::Unit),
    ("đơn", UnitCode::Petition),
    ("giấy phép", UnitCode::Licence),
    ("Giấy phép", UnitCode::Licence),
    ("huy chương", UnitCode::Medal),
    ("HCV", UnitCode::Medal),
    ("HCB", UnitCode::Medal),
    ("HCĐ", UnitCode::Medal),
    // A rate's change: percentage points, not index points.
    ("điểm phần trăm", UnitCode::Point),
    ("điểm %", UnitCode::Point),
    ("điểm", UnitCode::Point),
    ("con", UnitCode::Head),
    ("lần", UnitCode::Number),
    ("khoản thu", UnitCode::Other),
    ("mã số", UnitCode::Other),
    // The groups of a price index: "8/11 nhóm hàng tăng giá".
    ("nhóm hàng", UnitCode::Other),
    // "có 7 nhóm tăng giá", "trong 12 nhóm ngành hàng".
    ("nhóm", UnitCode::Other),
    // The branches of a production index: "có 23/27 ngành tăng so với
    // tháng trước" counts branches, no level of the index.
    ("ngành", UnitCode::Other),
    // The plan's targets: "33 chỉ tiêu chủ yếu đều hoàn thành".
    ("chỉ tiêu", UnitCode::Other),
    ("huyện", UnitCode::Other),
    ("xã", UnitCode::Other),
    ("tỉnh", UnitCode::Other),
    ("bậc", UnitCode::Other),
    // "12 trường hợp vi phạm": cases, as written (before "trường").
    ("trường hợp", UnitCode::Other),
    ("trường", UnitCode::Other),
    ("học sinh", UnitCode::Person),
    ("học viên", UnitCode::Person),
    // Persons counted by their role: people paid, candidates.
    ("đối tượng", UnitCode::Person),
    ("thí sinh", UnitCode::Person),
    // Cooperatives are no enterprises (NOTES, phan-thu-nhat).
    ("hợp tác xã", UnitCode::Other),
    ("đoàn", UnitCode::Other),
    // Tournaments and prizes: "tham gia 07 giải thể thao" (not the verbs
    // of `NOT_UNIT_AFTER_GIAI`).
    ("giải", UnitCode::Other),
    ("giường", UnitCode::Other),
    // "12 sản phẩm được công nhận OCOP": products counted, no index's.
    ("sản phẩm", UnitCode::Other),
    // The genre's other classifiers of things counted (premises, checks,
    // files, teams, classes, works, rounds, sessions, documents, models):
    // "thành lập 45 tổ công tác", "kiểm tra 32 cơ sở", "6 cuộc thanh tra".
    // No catalogued indicator counts them, so a count in one never takes
    // the indicator in force.
    ("cơ sở", UnitCode::Other),
    ("cuộc", UnitCode::Other),
    ("hồ sơ", UnitCode::Other),
    ("tổ hợp tác", UnitCode::Other),
    ("tổ", UnitCode::Other),
    ("lớp", UnitCode::Other),
    ("công trình", UnitCode::Other),
    ("đợt", UnitCode::Other),
    ("buổi", UnitCode::Other),
    ("văn bản", UnitCode::Other),
    ("mô hình", UnitCode::Other),
    ("gian hàng", UnitCode::Other),
    ("phương tiện", UnitCode::Other),
];

/// Words that, right after a number, are not a unit but start the next
/// thing (a period, a verb): the number is a plain count.
const NOT_UNITS: &[&str] = &[
    "tháng", "năm", "ngày", "quý", "tăng", "giảm", "so", "đạt", "bằng", "và", "với", "trong",
    "của", "là",
];

/// Words after "giải" that make it a verb or another noun ("giải ngân",
/// "giải quyết", "giải pháp"), not the count of tournaments or prizes.
const NOT_UNIT_AFTER_GIAI: &[&str] = &[
    "ngân", "quyết", "pháp", "phóng", "trình", "tỏa", "toả", "đáp", "thích", "tán", "trí",
];

fn word_boundary(rest: &str) -> bool {
    // A footnote marker (a superscript digit) also ends a word.
    rest.chars().next().is_none_or(|c| {
        !baocao_domain::text::is_alphanumeric(c) || matches!(c, '⁰' | '¹' | '²' | '³' | '⁴'..='⁹')
    })
}

/// The units of [`UNITS`] whose first byte is `b`, in the table's order:
/// a unit is compared only with texts that open with its first byte, so
/// only those are visited (the table has ~100 units).
fn units_opening(b: u8) -> impl Iterator<Item = &'static (&'static str, UnitCode)> {
    static BY_FIRST: std::sync::LazyLock<Vec<Vec<u8>>> = std::sync::LazyLock::new(|| {
        let mut by = vec![Vec::new(); 256];
        for (i, (u, _)) in UNITS.iter().enumerate() {
            by[usize::from(u.as_bytes()[0])].push(u8::try_from(i).expect("under 256 units"));
        }
        by
    });
    BY_FIRST[usize::from(b)]
        .iter()
        .map(|&i| &UNITS[usize::from(i)])
}

/// The unit written right after a number, if any: an optional scale word,
/// then a known unit, or after a scale word alone, nothing.
pub fn unit_after(text: &str) -> Option<Unit> {
    let trimmed = text.trim_start_matches(' ');
    let mut len = text.len() - trimmed.len();
    let mut multiplier = 1.0;
    let mut rest = trimmed;
    // Every scale and unit is a word of its own or a sign: nothing (and no
    // byte) opens none of them.
    let &first = rest.as_bytes().first()?;
    // Only the words whose first byte is the text's are compared further.
    let opens = |w: &str, t: &str| w.as_bytes()[0] == first && t.starts_with(w);
    if let Some((w, m)) = SCALES
        .iter()
        .find(|(w, _)| opens(w, rest) && word_boundary(&rest[w.len()..]))
    {
        multiplier = *m;
        len += w.len();
        rest = &rest[w.len()..];
        let t = rest.trim_start_matches(' ');
        let gap = rest.len() - t.len();
        if let Some(&first) = t.as_bytes().first()
            && let Some((u, code)) = units_opening(first)
                .find(|(u, _)| t.starts_with(u) && (word_boundary(&t[u.len()..]) || *u == "%"))
        {
            let mut written = String::with_capacity(w.len() + 1 + u.len());
            written.push_str(w);
            written.push(' ');
            written.push_str(u);
            len += gap + u.len();
            return Some(Unit {
                text: written.into(),
                code: *code,
                multiplier,
                len,
            });
        }
        // "20 nghìn ha" handled above; "1.012 nghìn cái" too; a bare scale:
        // "191 nghìn" of something named before.
        return Some(Unit {
            text: std::borrow::Cow::Borrowed(w),
            code: UnitCode::Number,
            multiplier,
            len,
        });
    }
    if let Some((u, code)) = units_opening(first)
        .find(|(u, _)| rest.starts_with(u) && (word_boundary(&rest[u.len()..]) || *u == "%"))
    {
        if NOT_UNITS.contains(u) {
            return None;
        }
        // "5 tổ chức" is organizing or organizations, no team.
        if *u == "tổ" && rest[u.len()..].trim_start().starts_with("chức") {
            return None;
        }
        // "1.993 tỷ đồng giải ngân" has its unit; "5 giải quyết" is a verb.
        if *u == "giải" {
            let mut words = rest[u.len()..].trim_start().split([' ', ',', ';', '.']);
            let next = words.next();
            if next.is_some_and(|w| NOT_UNIT_AFTER_GIAI.contains(&w)) {
                return None;
            }
            // "35 giải thể" is dissolving; "8 giải thể thao" a tournament.
            if next == Some("thể") && words.next() != Some("thao") {
                return None;
            }
        }
        return Some(Unit {
            text: std::borrow::Cow::Borrowed(u),
            code: *code,
            multiplier,
            len: len + u.len(),
        });
    }
    None
}

/// A qualifier word right before a number: "khoảng", "xấp xỉ", "gần" are
/// approximate, "trên", "hơn" at least, "dưới" at most.
pub fn qualifier_before(text: &str) -> Qualifier {
    let t = text.trim_end();
    // The last two words (split at single spaces, as written), found byte
    // by byte from the end: an `rsplit` set up a searcher for each text.
    let b = t.as_bytes();
    let last_start = b.iter().rposition(|&x| x == b' ').map_or(0, |i| i + 1);
    let last = &t[last_start..];
    // The word before the last, if there is a space before the last.
    let before = || {
        let end = last_start.checked_sub(1)?;
        let start = b[..end]
            .iter()
            .rposition(|&x| x == b' ')
            .map_or(0, |i| i + 1);
        Some(&t[start..end])
    };
    match last {
        "xỉ" if before() == Some("xấp") => Qualifier::Approximate,
        "nhất" if before() == Some("ít") => Qualifier::AtLeast,
        "khoảng" | "gần" | "chừng" => Qualifier::Approximate,
        "trên" | "hơn" => Qualifier::AtLeast,
        "dưới" => Qualifier::AtMost,
        _ => Qualifier::Exact,
    }
}

/// A quantity from its parts.
pub fn quantity(
    value: f64,
    value_max: Option<f64>,
    unit: Option<&Unit>,
    qualifier: Qualifier,
) -> Quantity {
    Quantity {
        value,
        value_max,
        unit: unit.map_or(String::new(), |u| u.text.as_ref().to_owned()),
        unit_code: unit.map_or(UnitCode::Number, |u| u.code),
        multiplier: unit.map_or(1.0, |u| u.multiplier),
        qualifier,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `qualifier_before` answers as its former reading (`rsplit` at
    /// single spaces) on every prefix of the seed's lines and made texts.
    #[test]
    fn qualifiers_read_as_before() {
        let before = |text: &str| {
            let t = text.trim_end();
            let mut words = t.rsplit(' ');
            let last = words.next().unwrap_or("");
            let before = words.next();
            match (before, last) {
                (Some("xấp"), "xỉ") => Qualifier::Approximate,
                (Some("ít"), "nhất") => Qualifier::AtLeast,
                (_, "khoảng" | "gần" | "chừng") => Qualifier::Approximate,
                (_, "trên" | "hơn") => Qualifier::AtLeast,
                (_, "dưới") => Qualifier::AtMost,
                _ => Qualifier::Exact,
            }
        };
        let seed = include_str!("../../../../testdata/reports/000_5b1c2bc8d5408b7b.txt");
        let mut texts: Vec<String> = Vec::new();
        for l in seed.lines() {
            texts.extend(l.char_indices().map(|(i, _)| l[..i].to_owned()));
        }
        for w in [
            "xấp xỉ",
            "ít nhất",
            "khoảng",
            "gần",
            "chừng",
            "trên",
            "hơn",
            "dưới",
        ] {
            for pre in ["", " ", "a ", "a  ", "xấp", "axấp "] {
                for post in ["", " ", "  ", "x"] {
                    texts.push(format!("{pre}{w}{post}"));
                }
            }
        }
        texts.extend(["xỉ", " xỉ", "xấp  xỉ", "ít nhất ", "nhất"].map(String::from));
        for t in &texts {
            assert_eq!(qualifier_before(t), before(t), "{t:?}");
        }
    }

    /// `unit_after` with the units visited by their first byte answers as
    /// the whole table searched in order, on every suffix of the seed's
    /// lines that follows a digit and on each unit after a figure.
    #[test]
    fn units_by_first_byte_agree_with_the_table() {
        let slow = |text: &str| -> Option<(String, UnitCode, usize)> {
            let t = text.trim_start_matches(' ');
            let &first = t.as_bytes().first()?;
            UNITS
                .iter()
                .find(|(u, _)| {
                    u.as_bytes()[0] == first
                        && t.starts_with(u)
                        && (word_boundary(&t[u.len()..]) || *u == "%")
                })
                .map(|(u, c)| (u.to_string(), *c, text.len() - t.len() + u.len()))
        };
        let seed = include_str!("../../../../testdata/reports/000_5b1c2bc8d5408b7b.txt");
        let mut texts: Vec<String> = Vec::new();
        for l in seed.lines() {
            for (i, c) in l.char_indices() {
                if c.is_ascii_digit() {
                    texts.push(l[i + 1..].to_owned());
                }
            }
        }
        texts.extend(UNITS.iter().map(|(u, _)| format!(" {u} sau")));
        let mut found = 0;
        for t in &texts {
            // Without a scale word before it, the unit is the table's first
            // match (or none, for the words that are no unit).
            if SCALES
                .iter()
                .any(|(w, _)| t.trim_start_matches(' ').starts_with(w))
            {
                continue;
            }
            let now = unit_after(t).map(|u| (u.text.to_string(), u.code, u.len));
            // The words after which `unit_after` answers no unit.
            let refused = |u: &str| {
                let rest = &t.trim_start_matches(' ')[u.len()..];
                if NOT_UNITS.contains(&u) {
                    return true;
                }
                if u == "tổ" {
                    return rest.trim_start().starts_with("chức");
                }
                if u != "giải" {
                    return false;
                }
                let mut words = rest.trim_start().split([' ', ',', ';', '.']);
                let next = words.next();
                next.is_some_and(|w| NOT_UNIT_AFTER_GIAI.contains(&w))
                    || (next == Some("thể") && words.next() != Some("thao"))
            };
            let want = slow(t).filter(|(u, _, _)| !refused(u));
            found += usize::from(want.is_some());
            assert_eq!(now, want, "{t:?}");
        }
        // Not a comparison of nothing: most of the made texts have a unit.
        assert!(found > UNITS.len() / 2, "{found}");
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number("60.769"), Some(60769.0));
        assert_eq!(parse_number("1.007,5"), Some(1007.5));
        assert_eq!(parse_number("17,32"), Some(17.32));
        assert_eq!(parse_number("05"), Some(5.0));
        assert_eq!(parse_number("235.008"), Some(235008.0));
        assert_eq!(parse_number("1.118,8"), Some(1118.8));
        assert_eq!(parse_number("44,3204"), Some(44.3204));
        assert_eq!(parse_number("1.000.000"), Some(1_000_000.0));
        assert_eq!(parse_number("1,265"), Some(1.265));
        assert_eq!(parse_number("1.5"), Some(1.5));
        assert_eq!(parse_number("1,2,3"), None);
        assert_eq!(parse_number(""), None);
    }

    /// The reading as it was written first (with allocations): the oracle
    /// for `parse_number`.
    fn parse_number_oracle(s: &str) -> Option<f64> {
        if s.is_empty()
            || !s
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        {
            return None;
        }
        let (int, frac) = match s.split_once(',') {
            Some((i, f)) if !f.contains([',', '.']) && !f.is_empty() => (i, Some(f)),
            Some(_) => return None,
            None => (s, None),
        };
        let groups: Vec<&str> = int.split('.').collect();
        let thousands = groups.len() > 1
            && groups[0].len() <= 3
            && !groups[0].is_empty()
            && groups[1..].iter().all(|g| g.len() == 3);
        let digits: String = if thousands {
            groups.concat()
        } else if groups.len() == 2
            && frac.is_none()
            && !groups[0].is_empty()
            && !groups[1].is_empty()
        {
            format!("{}.{}", groups[0], groups[1])
        } else if groups.len() == 1 {
            int.to_owned()
        } else {
            return None;
        };
        let text = match frac {
            Some(f) => format!("{digits}.{f}"),
            None => digits,
        };
        text.parse().ok()
    }

    proptest::proptest! {
        #[test]
        fn parse_decimal_agrees_with_parse(t in "[0-9]{0,17}(\\.[0-9]{0,17})?|[0-9.]{0,6}") {
            let parsed: Option<f64> = t.parse().ok();
            proptest::prop_assert_eq!(parse_decimal(&t).map(f64::to_bits), parsed.map(f64::to_bits), "{}", t);
        }

        #[test]
        fn parse_number_agrees_with_oracle(s in "[0-9.,]{0,12}|[0-9.,]{60,80}|[0-9.,a]{0,6}") {
            let (a, b) = (parse_number(&s), parse_number_oracle(&s));
            proptest::prop_assert_eq!(a.map(f64::to_bits), b.map(f64::to_bits), "{}", s);
        }

        #[test]
        fn qualifier_agrees_with_pairs(words in proptest::collection::vec(
            "xấp|xỉ|ít|nhất|khoảng|gần|chừng|trên|hơn|dưới|a|", 0..4)) {
            let text = words.join(" ");
            let t = text.trim_end();
            let last2: Vec<&str> = t.rsplit(' ').take(2).collect();
            let last = last2.first().copied().unwrap_or("");
            let pair = if last2.len() == 2 { format!("{} {}", last2[1], last2[0]) } else { String::new() };
            let expected = match (last, pair.as_str()) {
                (_, "xấp xỉ") => Qualifier::Approximate,
                (_, "ít nhất") => Qualifier::AtLeast,
                ("khoảng" | "gần" | "chừng", _) => Qualifier::Approximate,
                ("trên" | "hơn", _) => Qualifier::AtLeast,
                ("dưới", _) => Qualifier::AtMost,
                _ => Qualifier::Exact,
            };
            proptest::prop_assert_eq!(qualifier_before(&text), expected);
        }
    }

    #[test]
    fn scales_and_units_are_not_empty() {
        // `unit_after` compares their first bytes.
        assert!(SCALES.iter().all(|(w, _)| !w.is_empty()));
        assert!(UNITS.iter().all(|(u, _)| !u.is_empty()));
    }

    #[test]
    fn units() {
        let u = unit_after(" tỷ đồng, tăng").unwrap();
        assert_eq!(
            (u.text.as_ref(), u.code, u.multiplier, u.len),
            ("tỷ đồng", UnitCode::Vnd, 1e9, " tỷ đồng".len())
        );
        assert_eq!(unit_after("% so với").unwrap().code, UnitCode::Percent);
        assert_eq!(unit_after(" %").unwrap().code, UnitCode::Percent);
        assert_eq!(unit_after("ha, sản lượng").unwrap().code, UnitCode::Hectare);
        let u = unit_after(" nghìn đồng/kg").unwrap();
        assert_eq!((u.code, u.multiplier), (UnitCode::VndPerKilogram, 1e3));
        assert_eq!(unit_after(" triệu USD").unwrap().multiplier, 1e6);
        assert_eq!(
            unit_after(" nghìn m3 gỗ").unwrap().code,
            UnitCode::CubicMetre
        );
        assert_eq!(unit_after(" vụ tai nạn").unwrap().code, UnitCode::Case);
        assert_eq!(unit_after(" tháng đầu năm"), None);
        let u = unit_after(" tạ/ha (tăng 1,96%)").unwrap();
        assert_eq!((u.text.as_ref(), u.len), ("tạ/ha", " tạ/ha".len()));
        assert_eq!(unit_after(" tấn/ha").unwrap().text, "tấn/ha");
        assert_eq!(unit_after(" tấn, tăng").unwrap().code, UnitCode::Tonne);
        let u = unit_after(" triệu đồng/người/năm").unwrap();
        assert_eq!(
            (u.text.as_ref(), u.multiplier),
            ("triệu đồng/người/năm", 1e6)
        );
        assert_eq!(unit_after(" hạt"), None);
        assert_eq!(unit_after(" tổ công tác").unwrap().code, UnitCode::Other);
        assert_eq!(unit_after(" tổ chức hội nghị"), None);
        assert_eq!(unit_after(" tổ hợp tác").unwrap().text, "tổ hợp tác");
        assert_eq!(
            unit_after(" trường hợp vi phạm").unwrap().text,
            "trường hợp"
        );
        assert_eq!(
            unit_after(" người bị thương").unwrap().code,
            UnitCode::Person
        );
    }

    #[test]
    fn qualifiers() {
        assert_eq!(qualifier_before("đạt khoảng "), Qualifier::Approximate);
        assert_eq!(qualifier_before("tăng xấp xỉ "), Qualifier::Approximate);
        assert_eq!(qualifier_before("thu hút được trên "), Qualifier::AtLeast);
        assert_eq!(qualifier_before("dưới "), Qualifier::AtMost);
        assert_eq!(qualifier_before("đạt "), Qualifier::Exact);
    }
}
