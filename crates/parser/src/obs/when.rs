//! Periods written in a clause, resolved against the report's own period:
//! "tháng 5/2024", "trong tháng", "05 tháng", "lũy kế", "6 tháng đầu năm",
//! "năm 2024", "tính đến hết ngày 15/5/2024", "quý II".

use std::sync::LazyLock;

use baocao_domain::Period;
use chrono::NaiveDate;
use regex::Regex;

use crate::numbering::roman_value;

/// The report's own month: everything without a year is read against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    pub year: i32,
    pub month: u32,
}

/// A period found in text, with its byte range.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub period: Period,
}

static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<since>(?:(?:[Ll]ũy|[Ll]uỹ)\ kế\ )?(?:[Tt]ính\ )?(?:[Tt]ừ|[Kk]ể\ từ)\ đầu\ năm(?:\ (?P<sy>\d{4}))?(?:\ (?:đến|tới)\ (?:nay|(?:hết\ )?ngày\ (?P<sd>\d{1,2})/(?P<sm>\d{1,2})(?:/(?P<sdy>\d{4}))?))?)
      | (?P<asof>(?:[Tt]ính\ đến\ (?:hết\ )?(?:thời\ điểm\ )?(?:ngày\ )?|[Đđ]ến\ (?:hết\ )?ngày\ )(?P<ad>\d{1,2})/(?P<am>\d{1,2})(?:/(?P<ay>\d{4}))?)
      | (?P<asofm>(?:[Tt]ính\ đến\ (?:hết\ |thời\ điểm\ cuối\ )?|[Đđ]ến\ hết\ |(?:[Tt]ại\ )?[Tt]hời\ điểm\ cuối\ )tháng\ (?P<bm>\d{1,2})(?:/(?P<by>\d{4})|\ năm\ (?P<by2>\d{4}))?)
      | (?P<range>[Tt]ừ\ (?:ngày\ )?(?P<r1d>\d{1,2})/(?P<r1m>\d{1,2})(?:/(?P<r1y>\d{4}))?\ (?:đến|-)\ (?:hết\ )?(?:ngày\ )?(?P<r2d>\d{1,2})/(?P<r2m>\d{1,2})(?:/(?P<r2y>\d{4}))?)
      | (?P<half>(?:6|06|[Ss]áu)\ tháng\ (?P<hw>đầu|cuối)\ năm(?:\ (?P<hy>\d{4}))?)
      | (?P<ytd>(?:(?:[Ll]ũy|[Ll]uỹ)\ kế\ )?(?:[Tt]rong\ )?(?P<n>\d{1,2})\ tháng(?:\ đầu\ năm)?(?:\ (?:năm\ )?(?P<ny>\d{4}))?)
      | (?P<cum>(?:[Ll]ũy|[Ll]uỹ)\ kế)
      | (?P<month>(?:[Tt]rong\ )?[Tt]háng\ (?P<m>\d{1,2})(?:/(?P<my>\d{4})|\ năm\ (?P<my2>\d{4}))?)
      | (?P<this>[Tt]rong\ tháng)
      | (?P<quarter>[Qq]uý\ (?P<q>IV|III|II|I|[1-4])(?:/(?P<qy>\d{4})|\ năm\ (?P<qy2>\d{4}))?)
      | (?P<year>[Nn]ăm\ (?P<y>\d{4}))
        ",
    )
    .expect("period pattern")
});

/// The groups of [`PERIOD`] read, by name (in `GROUP_NAMES`' order).
#[derive(Clone, Copy)]
enum G {
    Since,
    Sd,
    Sm,
    Sy,
    Sdy,
    Asof,
    Ad,
    Am,
    Ay,
    Asofm,
    Bm,
    By,
    By2,
    Range,
    R1d,
    R1m,
    R1y,
    R2d,
    R2m,
    R2y,
    Half,
    Hw,
    Hy,
    Ytd,
    N,
    Ny,
    Cum,
    Month,
    M,
    My,
    My2,
    This,
    Quarter,
    Q,
    Qy,
    Qy2,
    Year,
    Y,
}

const GROUP_NAMES: [&str; 38] = [
    "since", "sd", "sm", "sy", "sdy", "asof", "ad", "am", "ay", "asofm", "bm", "by", "by2",
    "range", "r1d", "r1m", "r1y", "r2d", "r2m", "r2y", "half", "hw", "hy", "ytd", "n", "ny", "cum",
    "month", "m", "my", "my2", "this", "quarter", "q", "qy", "qy2", "year", "y",
];

/// Each group's index, found once: a group read by name hashes its name.
static GROUPS: LazyLock<[usize; GROUP_NAMES.len()]> = LazyLock::new(|| {
    GROUP_NAMES.map(|name| {
        PERIOD
            .capture_names()
            .position(|n| n == Some(name))
            .expect("a group of the period pattern")
    })
});

fn g<'h>(c: &regex::Captures<'h>, group: G) -> Option<regex::Match<'h>> {
    c.get(GROUPS[group as usize])
}

fn num(c: &regex::Captures, group: G) -> Option<u32> {
    g(c, group).and_then(|m| m.as_str().parse().ok())
}

fn year(c: &regex::Captures, groups: &[G]) -> Option<i32> {
    groups
        .iter()
        .find_map(|&n| g(c, n).and_then(|m| m.as_str().parse().ok()))
}

/// The lowercase of the last 16 characters of `text`: enough to test
/// whether the whole text, lowercased, ends with a word or two of fewer
/// characters (each character lowercases to one or more), without
/// lowercasing a whole clause for it.
fn lower_tail(text: &str) -> String {
    let start = text.char_indices().rev().nth(15).map_or(0, |(i, _)| i);
    baocao_domain::text::lowercase(&text[start..])
}

/// Every period mentioned in `text`, in order.
pub fn mentions(text: &str, anchor: Anchor) -> Vec<Mention> {
    let mut out = Vec::new();
    // Every period phrase holds one of these words: most clauses hold none.
    if !["háng", "ăm", "uý", " kế", "ngày", "đến"]
        .iter()
        .any(|w| text.contains(w))
    {
        return out;
    }
    for c in PERIOD.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        // "nợ từ 3 tháng trở lên", "dưới 6 tháng": a duration, not a period.
        let before = text[..m.start()].trim_end();
        let after = text[m.end()..].trim_start();
        let label = m.as_str();
        // "so với tháng 5/2023", "cùng kỳ năm 2023": the base of a
        // comparison, not the figure's period.
        let bl = lower_tail(before);
        if bl.ends_with("so với")
            || bl.ends_with(" so")
            || bl.ends_with("cùng kỳ")
            || bl.ends_with("cùng kì")
        {
            continue;
        }
        let period = if g(&c, G::Since).is_some() {
            since_new_year(&c, anchor, label)
        } else if g(&c, G::Asof).is_some() {
            let y = year(&c, &[G::Ay]).unwrap_or(anchor.year);
            NaiveDate::from_ymd_opt(y, num(&c, G::Am).unwrap_or(0), num(&c, G::Ad).unwrap_or(0))
                .map(|d| Period::as_of(d, label))
        } else if g(&c, G::Asofm).is_some() {
            let y = year(&c, &[G::By, G::By2]).unwrap_or(anchor.year);
            baocao_domain::period::last_day_of_month(y, num(&c, G::Bm).unwrap_or(0))
                .map(|d| Period::as_of(d, label))
        } else if g(&c, G::Range).is_some() {
            let y2 = year(&c, &[G::R2y]).unwrap_or(anchor.year);
            let (m1, m2) = (num(&c, G::R1m).unwrap_or(0), num(&c, G::R2m).unwrap_or(0));
            let y1 = year(&c, &[G::R1y]).unwrap_or(if m1 > m2 { y2 - 1 } else { y2 });
            match (
                NaiveDate::from_ymd_opt(y1, m1, num(&c, G::R1d).unwrap_or(0)),
                NaiveDate::from_ymd_opt(y2, m2, num(&c, G::R2d).unwrap_or(0)),
            ) {
                (Some(s), Some(e)) if s <= e => Some(Period {
                    kind: baocao_domain::PeriodKind::DateRange,
                    start: s,
                    end: e,
                    label: label.to_owned(),
                }),
                _ => None,
            }
        } else if g(&c, G::Half).is_some() {
            let y = year(&c, &[G::Hy]).unwrap_or(anchor.year);
            if g(&c, G::Hw).is_some_and(|w| w.as_str() == "đầu") {
                Period::year_to_date(y, 6, label)
            } else {
                Period::half_year(y, 2, label)
            }
        } else if g(&c, G::Ytd).is_some() {
            if before.ends_with("từ")
                || before.ends_with("dưới")
                || before.ends_with("đến")
                || before.ends_with("sau")
                || after.starts_with("trở lên")
                || after.starts_with("tuổi")
            {
                continue;
            }
            let n = num(&c, G::N).unwrap_or(0);
            let y = year(&c, &[G::Ny]).unwrap_or(anchor.year);
            if !(1..=12).contains(&n) {
                continue;
            }
            Period::year_to_date(y, n, label)
        } else if g(&c, G::Cum).is_some() {
            Period::year_to_date(anchor.year, anchor.month, label)
        } else if g(&c, G::Month).is_some() {
            // "tháng trước", "tháng cùng kỳ" are bases, not periods (no digit).
            let y = year(&c, &[G::My, G::My2]).unwrap_or(anchor.year);
            Period::month(y, num(&c, G::M).unwrap_or(0), label)
        } else if g(&c, G::This).is_some() {
            Period::month(anchor.year, anchor.month, label)
        } else if g(&c, G::Quarter).is_some() {
            let q = g(&c, G::Q).map_or(0, |q| {
                roman_value(q.as_str()).unwrap_or_else(|| q.as_str().parse().unwrap_or(0))
            });
            Period::quarter(year(&c, &[G::Qy, G::Qy2]).unwrap_or(anchor.year), q, label)
        } else if g(&c, G::Year).is_some() {
            // "năm học 2023-2024" never reaches here (no "năm 2023"); "kế
            // hoạch năm 2024" is still the year.
            // "kéo dài sang năm 2024", "của năm 2023": part of a name.
            if ["sang", "của", "học", "đến", "từ"]
                .iter()
                .any(|w| bl.ends_with(w))
                || ends_with_season(&bl)
            {
                continue;
            }
            year(&c, &[G::Y]).and_then(|y| Period::year(y, label))
        } else {
            None
        };
        if let Some(period) = period {
            out.push(Mention {
                start: m.start(),
                end: m.end(),
                period,
            });
        }
    }
    out
}

/// "(Tính) từ đầu năm (đến nay)", "lũy kế từ đầu năm": the year to date
/// of the report's month; "từ đầu năm đến ngày 20/5": January 1 to that
/// day, a year to date cut at the date (DOMAIN.md is silent; a flow over
/// the interval, as SDMX would key it, not a stock on the day).
fn since_new_year(c: &regex::Captures, anchor: Anchor, label: &str) -> Option<Period> {
    let Some(day) = num(c, G::Sd) else {
        let y = year(c, &[G::Sy]).unwrap_or(anchor.year);
        let month = if y == anchor.year { anchor.month } else { 12 };
        return Period::year_to_date(y, month, label);
    };
    let y = year(c, &[G::Sdy, G::Sy]).unwrap_or(anchor.year);
    let end = NaiveDate::from_ymd_opt(y, num(c, G::Sm)?, day)?;
    let mut p = Period::year_to_date(y, 1, label)?;
    p.end = end;
    Some(p)
}

/// Crop seasons: "vụ Đông Xuân năm 2024" names a season, which spans
/// parts of two calendar years; its year is part of the name.
const SEASONS: &[&str] = &[
    "vụ đông xuân",
    "vụ chiêm xuân",
    "vụ hè thu",
    "vụ thu đông",
    "vụ xuân hè",
    "vụ mùa",
    "vụ xuân",
    "vụ đông",
    "vụ chiêm",
    "vụ hè",
];

/// Whether `before` ends with a crop season's name and maybe "năm": a
/// year written next ("vụ Hè Thu năm 2024", "vụ Đông Xuân 2023-2024")
/// belongs to the name.
pub fn names_season(before: &str) -> bool {
    let b = lower_tail(before.trim_end());
    let b = b.strip_suffix("năm").map_or(b.as_str(), str::trim_end);
    ends_with_season(b)
}

/// "Vụ Đông Xuân 2023-2024, toàn tỉnh gieo trồng ...": a season that opens
/// a sentence, before its comma or colon (the name, "năm" and years only),
/// names the item of the sentence's figures. Returns it as written.
pub fn leading_season(sentence: &str) -> Option<&str> {
    let end = sentence.find([',', ':'])?;
    let head = sentence[..end].trim();
    if head.chars().count() > 40 {
        return None;
    }
    let lower = baocao_domain::text::lowercase(head);
    let s = SEASONS.iter().find(|s| lower.starts_with(*s))?;
    let rest = &lower[s.len()..];
    rest.split_whitespace()
        .all(|w| w == "năm" || w.bytes().all(|b| b.is_ascii_digit() || b == b'-'))
        .then_some(head)
}

/// Whether lowercase `before` ends with a crop season's name.
fn ends_with_season(before: &str) -> bool {
    SEASONS.iter().any(|s| {
        before.ends_with(s)
            && before[..before.len() - s.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphabetic())
    })
}

/// The same period a year earlier ("cùng kỳ").
pub fn year_earlier(p: &Period, label: &str) -> Period {
    use chrono::Datelike;
    let shift = |d: NaiveDate| {
        d.with_year(d.year() - 1)
            .or_else(|| NaiveDate::from_ymd_opt(d.year() - 1, d.month(), 28))
            .unwrap_or(d)
    };
    let mut end = shift(p.end);
    // Month-aligned periods keep ending on the month's last day (February).
    if p.end.succ_opt().is_some_and(|n| n.day() == 1) {
        end = baocao_domain::period::last_day_of_month(end.year(), end.month()).unwrap_or(end);
    }
    Period {
        kind: p.kind,
        start: shift(p.start),
        end,
        label: label.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baocao_domain::PeriodKind;

    const MAY: Anchor = Anchor {
        year: 2024,
        month: 5,
    };

    fn first(text: &str) -> Option<(PeriodKind, String, String, String)> {
        mentions(text, MAY).into_iter().next().map(|m| {
            (
                m.period.kind,
                m.period.start.to_string(),
                m.period.end.to_string(),
                text[m.start..m.end].to_owned(),
            )
        })
    }

    #[test]
    fn months_and_cumulative() {
        assert_eq!(first("tháng 5/2024 tăng").unwrap().1, "2024-05-01");
        assert_eq!(
            first("Giá trị tháng 5 ước đạt").unwrap().0,
            PeriodKind::Month
        );
        assert_eq!(
            first("Trong tháng 5, toàn tỉnh").unwrap().3,
            "Trong tháng 5"
        );
        let ytd = first("05 tháng ước đạt").unwrap();
        assert_eq!(
            (ytd.0, ytd.1.as_str(), ytd.2.as_str()),
            (PeriodKind::YearToDate, "2024-01-01", "2024-05-31")
        );
        assert_eq!(first("5 tháng đầu năm ước đạt").unwrap().2, "2024-05-31");
        assert_eq!(first("06 tháng đầu năm đạt").unwrap().2, "2024-06-30");
        assert_eq!(
            first("(05 tháng năm 2023 tăng 15,3%)").unwrap().2,
            "2023-05-31"
        );
        assert_eq!(
            first("lũy kế 05 tháng có 706").unwrap().0,
            PeriodKind::YearToDate
        );
        assert_eq!(first("lũy kế đạt 21.395 tấn").unwrap().2, "2024-05-31");
        assert_eq!(first("trong tháng không xảy ra").unwrap().1, "2024-05-01");
    }

    #[test]
    fn dates_quarters_years() {
        let a = first("Tính đến ngày 15/5/2024, riêng").unwrap();
        assert_eq!((a.0, a.1.as_str()), (PeriodKind::AsOfDate, "2024-05-15"));
        assert_eq!(
            first("tính đến hết ngày 15/5/2024:").unwrap().1,
            "2024-05-15"
        );
        assert_eq!(
            first("Tính đến hết tháng 4/2024, có").unwrap().1,
            "2024-04-30"
        );
        assert_eq!(first("quý II").unwrap().1, "2024-04-01");
        assert_eq!(first("Năm 2023, Chỉ số PCI").unwrap().0, PeriodKind::Year);
        let r = first("(từ ngày 15/12/2023 đến ngày 14/3/2024)").unwrap();
        assert_eq!(
            (r.0, r.1.as_str(), r.2.as_str()),
            (PeriodKind::DateRange, "2023-12-15", "2024-03-14")
        );
    }

    #[test]
    fn durations_are_not_periods() {
        assert!(mentions("nợ từ 3 tháng trở lên", MAY).is_empty());
        assert!(mentions("nợ từ 3 đến dưới 6 tháng là", MAY).is_empty());
    }

    #[test]
    fn a_year_earlier() {
        let p = Period::year_to_date(2024, 2, "").unwrap();
        let e = year_earlier(&p, "cùng kỳ");
        assert_eq!(
            (e.start.to_string(), e.end.to_string()),
            ("2023-01-01".into(), "2023-02-28".into())
        );
    }
}
