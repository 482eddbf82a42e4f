//! Periods named in titles and headings: "tháng 10 năm 2023", "tháng
//! 5/2024", "quý I năm 2024", "6 tháng đầu năm 2024", "năm 2024".

use std::sync::LazyLock;

use baocao_domain::Period;
use regex::Regex;

use crate::numbering::roman_value;

static MONTH: LazyLock<Regex> = LazyLock::new(|| {
    // "tháng 10 năm 2023", "tháng 5/2024"; web pages also "tháng 11 - 2018",
    // "tháng 11-2018".
    Regex::new(r"(?i)\btháng (\d{1,2})(?:(?: năm |/| ?- ?)(\d{4}))?\b").expect("month pattern")
});
static QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bquý ([IV]{1,3}|\d)(?:(?: năm |/)(\d{4}))?\b").expect("quarter pattern")
});
static HALF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:6|06|sáu) tháng (đầu|cuối) năm(?: (\d{4}))?\b").expect("half pattern")
});
static TO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    // "9 tháng năm 2024", "10 tháng đầu năm 2022": the first months of a
    // year, the statistics offices' title of a quarter's brief.
    Regex::new(r"(?i)\b(\d{1,2}) tháng (?:đầu )?năm(?: (\d{4}))?\b").expect("to-date pattern")
});
static TO_DATE_BARE: LazyLock<Regex> = LazyLock::new(|| {
    // "Tình hình hoạt động ngành Công Thương 9 tháng, phương hướng ...": a
    // count of months that ends its phrase, the year written elsewhere.
    Regex::new(r"(?i)\b(\d{1,2}) tháng(?:\s*(?:[,;:.]|$)|\s+(?:và|phương hướng|nhiệm vụ)\b)")
        .expect("bare to-date pattern")
});
static LAST_QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    // "phương hướng nhiệm vụ 3 tháng cuối năm 2020": the fourth quarter.
    Regex::new(r"(?i)\b0?3 tháng cuối năm(?: (\d{4}))?\b").expect("last-quarter pattern")
});
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bnăm (\d{4})\b").expect("year pattern"));

/// The last "năm YYYY" (or "/YYYY") in `text`; a comparison's base ("so
/// với cùng kỳ năm 2023", "so với cuối năm 2015") names the year before.
pub fn year_in(text: &str) -> Option<i32> {
    let y = YEAR.captures_iter(text).last().and_then(|c| {
        let year: i32 = c[1].parse().ok()?;
        let at = c.get(0)?.start();
        Some(if is_base_year(&text[..at]) {
            year + 1
        } else {
            year
        })
    });
    y.or_else(|| {
        MONTH
            .captures_iter(text)
            .filter_map(|c| c.get(2))
            .last()
            .and_then(|m| m.as_str().parse().ok())
    })
}

/// Whether the words before a "năm YYYY" make it a comparison's base, the
/// year before the one reported: "(so với) cùng kỳ", "so (với)", "so với
/// (thời điểm) cuối". Not "so với đầu năm 2023": the start of the year
/// reported.
pub fn is_base_year(before: &str) -> bool {
    let lower = baocao_domain::text::lowercase(tail_of(before));
    let t = lower.trim_end();
    let t = t
        .strip_suffix(" thời điểm cuối")
        .or_else(|| t.strip_suffix(" cuối"))
        .unwrap_or(t);
    ["cùng kỳ", "cùng kì", " so với", " so"]
        .iter()
        .any(|w| t.ends_with(w))
        || t == "so với"
        || t == "so"
}

/// The last 40 bytes or so of `text`, cut at a character's boundary.
fn tail_of(text: &str) -> &str {
    let mut from = text.len().saturating_sub(40);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..]
}

/// The first period named in `text`; a month, quarter or half without a year
/// takes `default_year`, then the last year written in `text`.
pub fn first_period(text: &str, default_year: Option<i32>) -> Option<Period> {
    let year = |m: Option<regex::Match>| -> Option<i32> {
        m.and_then(|m| m.as_str().parse().ok())
            .or_else(|| year_in(text))
            .or(default_year)
    };
    let mut found: Vec<(usize, Period)> = Vec::new();
    let consider = |found: &mut Vec<(usize, Period)>, at: usize, p: Option<Period>| {
        found.extend(p.map(|p| (at, p)))
    };
    if let Some(c) = HALF.captures(text) {
        let m = c.get(0).map_or(0..0, |m| m.range());
        let half = if c[1].to_lowercase() == "đầu" {
            1
        } else {
            2
        };
        consider(
            &mut found,
            m.start,
            year(c.get(2)).and_then(|y| Period::half_year(y, half, &text[m.clone()])),
        );
    }
    // "6 tháng đầu năm" is a half (above); 2 to 11 months are a year to
    // their last month.
    if let Some(c) = TO_DATE.captures(text)
        && let Ok(n @ 2..=11) = c[1].parse::<u32>()
        && !HALF.is_match(text)
    {
        let m = c.get(0).map_or(0..0, |m| m.range());
        consider(
            &mut found,
            m.start,
            year(c.get(2)).and_then(|y| Period::year_to_date(y, n, &text[m.clone()])),
        );
    }
    // (Written with no "năm" after it, the year comes from elsewhere.)
    if let Some(c) = TO_DATE_BARE.captures(text)
        && let Ok(n @ 2..=11) = c[1].parse::<u32>()
    {
        let m = c.get(0).map_or(0..0, |m| m.range());
        let label = text[m.clone()].trim_end_matches([',', ';', ':', '.', ' ']);
        let label = ["và", "phương hướng", "nhiệm vụ"]
            .iter()
            .find_map(|w| label.strip_suffix(w))
            .unwrap_or(label)
            .trim_end();
        consider(
            &mut found,
            m.start,
            year(None).and_then(|y| Period::year_to_date(y, n, label)),
        );
    }
    if let Some(c) = LAST_QUARTER.captures(text) {
        let m = c.get(0).map_or(0..0, |m| m.range());
        consider(
            &mut found,
            m.start,
            year(c.get(1)).and_then(|y| Period::quarter(y, 4, &text[m.clone()])),
        );
    }
    if let Some(c) = MONTH.captures(text) {
        let m = c.get(0).map_or(0..0, |m| m.range());
        // "6 tháng đầu năm" is not "tháng ..."; skip a match the half-year
        // pattern already covers.
        let month: u32 = c[1].parse().unwrap_or(0);
        consider(
            &mut found,
            m.start,
            year(c.get(2)).and_then(|y| Period::month(y, month, &text[m.clone()])),
        );
    }
    if let Some(c) = QUARTER.captures(text) {
        let m = c.get(0).map_or(0..0, |m| m.range());
        let q = roman_value(&c[1].to_uppercase())
            .or_else(|| c[1].parse().ok())
            .unwrap_or(0);
        consider(
            &mut found,
            m.start,
            year(c.get(2)).and_then(|y| Period::quarter(y, q, &text[m.clone()])),
        );
    }
    if found.is_empty()
        && let Some(c) = YEAR.captures(text)
    {
        let m = c.get(0).map_or(0..0, |m| m.range());
        consider(
            &mut found,
            m.start,
            c[1].parse()
                .ok()
                .and_then(|y| Period::year(y, &text[m.clone()])),
        );
    }
    found.into_iter().min_by_key(|(at, _)| *at).map(|(_, p)| p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use baocao_domain::PeriodKind;

    #[test]
    fn months_quarters_halves_years() {
        let p = first_period(
            "Tình hình kinh tế - xã hội tháng 10, nhiệm vụ trọng tâm tháng 11 năm 2023",
            None,
        )
        .unwrap();
        assert_eq!(
            (p.kind, p.key(), p.label.as_str()),
            (PeriodKind::Month, "2023-10".into(), "tháng 10")
        );
        assert_eq!(first_period("tháng 5/2024", None).unwrap().key(), "2024-05");
        assert_eq!(
            first_period("Tình hình kinh tế - xã hội tháng 11 - 2018", None)
                .unwrap()
                .key(),
            "2018-11"
        );
        assert_eq!(
            first_period("NHIỆM VỤ CHỦ YẾU THÁNG 6 NĂM 2024", None)
                .unwrap()
                .key(),
            "2024-06"
        );
        assert_eq!(
            first_period("quý I năm 2024", None).unwrap().key(),
            "2024-Q1"
        );
        assert_eq!(
            first_period("6 tháng đầu năm 2024", None).unwrap().key(),
            "2024-S1"
        );
        assert_eq!(
            first_period("kế hoạch năm 2024", None).unwrap().key(),
            "2024"
        );
        assert_eq!(
            first_period("tháng 12", Some(2023)).unwrap().key(),
            "2023-12"
        );
        let p = first_period(
            "Tình hình hoạt động ngành Công Thương 9 tháng, ",
            Some(2020),
        )
        .unwrap();
        assert_eq!(
            (p.kind, p.key(), p.label.as_str()),
            (PeriodKind::YearToDate, "2020-01/2020-09".into(), "9 tháng")
        );
        let p = first_period("phương hướng nhiệm vụ 3 tháng cuối năm 2020", None).unwrap();
        assert_eq!(
            (p.kind, p.key(), p.label.as_str()),
            (
                PeriodKind::Quarter,
                "2020-Q4".into(),
                "3 tháng cuối năm 2020"
            )
        );
        let p = first_period("kết quả 10 tháng và nhiệm vụ 2 tháng cuối năm 2022", None).unwrap();
        assert_eq!(
            (p.kind, p.key()),
            (PeriodKind::YearToDate, "2022-01/2022-10".into())
        );
        // A count of months inside a phrase is no period: "kéo dài 3 tháng
        // liên tục", "trong 3 tháng hè".
        assert!(
            first_period("kéo dài 3 tháng liên tục năm 2020", None)
                .is_some_and(|p| p.kind == PeriodKind::Year)
        );
        assert!(first_period("tháng 13", None).is_none());
        assert!(first_period("không có kỳ nào", None).is_none());
    }
}
