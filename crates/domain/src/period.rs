//! Reporting periods.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PeriodKind {
    #[default]
    Unspecified,
    Month,
    YearToDate,
    Quarter,
    HalfYear,
    Year,
    AsOfDate,
    DateRange,
}

/// A period of time a figure or a task refers to, with the words it was
/// written in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Period {
    pub kind: PeriodKind,
    /// First day, inclusive.
    pub start: NaiveDate,
    /// Last day, inclusive (for AS_OF_DATE, the date itself).
    pub end: NaiveDate,
    /// As written, e.g. "tháng 5/2024", "05 tháng".
    pub label: String,
}

/// The last day of a month; `None` for an invalid month.
pub fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    if !(1..=12).contains(&month) {
        return None;
    }
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

impl Period {
    /// One calendar month.
    pub fn month(year: i32, month: u32, label: impl Into<String>) -> Option<Self> {
        Some(Self {
            kind: PeriodKind::Month,
            start: NaiveDate::from_ymd_opt(year, month, 1)?,
            end: last_day_of_month(year, month)?,
            label: label.into(),
        })
    }

    /// January 1st to the end of `month`.
    pub fn year_to_date(year: i32, month: u32, label: impl Into<String>) -> Option<Self> {
        Some(Self {
            kind: PeriodKind::YearToDate,
            start: NaiveDate::from_ymd_opt(year, 1, 1)?,
            end: last_day_of_month(year, month)?,
            label: label.into(),
        })
    }

    /// Quarter 1 to 4.
    pub fn quarter(year: i32, quarter: u32, label: impl Into<String>) -> Option<Self> {
        if !(1..=4).contains(&quarter) {
            return None;
        }
        let first = quarter * 3 - 2;
        Some(Self {
            kind: PeriodKind::Quarter,
            start: NaiveDate::from_ymd_opt(year, first, 1)?,
            end: last_day_of_month(year, first + 2)?,
            label: label.into(),
        })
    }

    /// Half 1 or 2.
    pub fn half_year(year: i32, half: u32, label: impl Into<String>) -> Option<Self> {
        if !(1..=2).contains(&half) {
            return None;
        }
        let first = half * 6 - 5;
        Some(Self {
            kind: PeriodKind::HalfYear,
            start: NaiveDate::from_ymd_opt(year, first, 1)?,
            end: last_day_of_month(year, first + 5)?,
            label: label.into(),
        })
    }

    pub fn year(year: i32, label: impl Into<String>) -> Option<Self> {
        Some(Self {
            kind: PeriodKind::Year,
            start: NaiveDate::from_ymd_opt(year, 1, 1)?,
            end: NaiveDate::from_ymd_opt(year, 12, 31)?,
            label: label.into(),
        })
    }

    pub fn as_of(date: NaiveDate, label: impl Into<String>) -> Self {
        Self {
            kind: PeriodKind::AsOfDate,
            start: date,
            end: date,
            label: label.into(),
        }
    }

    /// The inclusive bounds `(start, end)`.
    pub fn bounds(&self) -> (NaiveDate, NaiveDate) {
        (self.start, self.end)
    }

    /// Whether `date` falls within the period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// The number of days covered, both ends included.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    /// `YYYY-MM` for a month, the SDMX-style key otherwise (`2024-Q2`,
    /// `2024-S1`, `2024`, `2024-01/2024-05` for year to date, the date for
    /// as-of).
    pub fn key(&self) -> String {
        let (y, m) = (self.start.year(), self.start.month());
        match self.kind {
            PeriodKind::Month => format!("{y:04}-{m:02}"),
            PeriodKind::Quarter => format!("{y:04}-Q{}", (m - 1) / 3 + 1),
            PeriodKind::HalfYear => format!("{y:04}-S{}", (m - 1) / 6 + 1),
            PeriodKind::Year => format!("{y:04}"),
            PeriodKind::AsOfDate => self.start.to_string(),
            PeriodKind::YearToDate => {
                format!(
                    "{y:04}-{m:02}/{:04}-{:02}",
                    self.end.year(),
                    self.end.month()
                )
            }
            PeriodKind::DateRange | PeriodKind::Unspecified => {
                format!("{}/{}", self.start, self.end)
            }
        }
    }

    /// The calendar month before this period's start month (a June plan's
    /// report is on May).
    pub fn previous_month(&self, label: impl Into<String>) -> Option<Self> {
        let (y, m) = (self.start.year(), self.start.month());
        if m == 1 {
            Self::month(y - 1, 12, label)
        } else {
            Self::month(y, m - 1, label)
        }
    }

    /// The calendar month after this period's end month.
    pub fn next_month(&self, label: impl Into<String>) -> Option<Self> {
        let (y, m) = (self.end.year(), self.end.month());
        if m == 12 {
            Self::month(y + 1, 1, label)
        } else {
            Self::month(y, m + 1, label)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn month_bounds_include_leap_day() {
        let p = Period::month(2024, 2, "tháng 2/2024").unwrap();
        assert_eq!(p.bounds(), (d(2024, 2, 1), d(2024, 2, 29)));
        assert_eq!(p.days(), 29);
        assert_eq!(p.key(), "2024-02");
    }

    #[test]
    fn year_to_date_runs_from_january() {
        let p = Period::year_to_date(2024, 5, "05 tháng").unwrap();
        assert_eq!(p.bounds(), (d(2024, 1, 1), d(2024, 5, 31)));
        assert_eq!(p.key(), "2024-01/2024-05");
    }

    #[test]
    fn quarter_and_half() {
        let q = Period::quarter(2024, 2, "quý II").unwrap();
        assert_eq!(q.bounds(), (d(2024, 4, 1), d(2024, 6, 30)));
        assert_eq!(q.key(), "2024-Q2");
        assert!(Period::quarter(2024, 5, "").is_none());
        let h = Period::half_year(2024, 2, "6 tháng cuối năm").unwrap();
        assert_eq!(h.bounds(), (d(2024, 7, 1), d(2024, 12, 31)));
        assert_eq!(h.key(), "2024-S2");
    }

    #[test]
    fn previous_and_next_month_cross_years() {
        let jan = Period::month(2024, 1, "").unwrap();
        assert_eq!(jan.previous_month("").unwrap().key(), "2023-12");
        let dec = Period::month(2023, 12, "").unwrap();
        assert_eq!(dec.next_month("").unwrap().key(), "2024-01");
    }

    #[test]
    fn invalid_dates_are_none() {
        assert!(Period::month(2024, 13, "").is_none());
        assert!(Period::year_to_date(2024, 0, "").is_none());
    }
}
