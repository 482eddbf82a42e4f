//! Helpers for benches that store many variants of one report: a
//! deterministic pseudo-random sequence, and periods moved back in time.

use baocao_domain::{Period, PeriodKind};
use chrono::{Datelike, Months, NaiveDate};

/// A deterministic pseudo-random sequence (a linear congruential
/// generator): the same seed gives the same queries in every run.
pub struct Lcg(pub u64);

impl Lcg {
    /// The next number below `n`.
    pub fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// `p` moved `months` earlier. Periods of whole months keep ending on a
/// month's last day ("tháng 2" ends on the 28th or 29th); a date or a
/// date range moves day for day.
pub fn shift(p: &Period, months: u32) -> Period {
    let back = |d: NaiveDate| {
        d.checked_sub_months(Months::new(months))
            .expect("a date in range")
    };
    let end = match p.kind {
        PeriodKind::AsOfDate | PeriodKind::DateRange | PeriodKind::Unspecified => back(p.end),
        _ => {
            let first =
                back(NaiveDate::from_ymd_opt(p.end.year(), p.end.month(), 1).expect("day 1"));
            first
                .checked_add_months(Months::new(1))
                .and_then(|d| d.pred_opt())
                .expect("a date in range")
        }
    };
    Period {
        kind: p.kind,
        start: back(p.start),
        end,
        label: p.label.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn months_keep_their_last_day_and_dates_move_day_for_day() {
        let may = Period {
            kind: PeriodKind::Month,
            start: d(2024, 5, 1),
            end: d(2024, 5, 31),
            label: "tháng 5".into(),
        };
        let feb = shift(&may, 3);
        assert_eq!((feb.start, feb.end), (d(2024, 2, 1), d(2024, 2, 29)));
        let cut = Period {
            kind: PeriodKind::AsOfDate,
            start: d(2024, 5, 15),
            end: d(2024, 5, 15),
            label: String::new(),
        };
        assert_eq!(shift(&cut, 1).end, d(2024, 4, 15));
        let mut a = Lcg(1);
        let mut b = Lcg(1);
        assert!((0..100).all(|_| a.next(7) == b.next(7)));
    }
}
