//! Periods.

use baocao_domain as domain;

use super::{
    ConversionError, date_to_string, enum_conversions, enum_from_i32, enum_to_i32, required_date,
};
use crate::pb;

enum_conversions!(PeriodKind <=> PeriodKind {
    Unspecified <=> Unspecified,
    Month <=> Month,
    YearToDate <=> YearToDate,
    Quarter <=> Quarter,
    HalfYear <=> HalfYear,
    Year <=> Year,
    AsOfDate <=> AsOfDate,
    DateRange <=> DateRange,
});

impl From<domain::Period> for pb::Period {
    fn from(value: domain::Period) -> Self {
        let domain::Period {
            kind,
            start,
            end,
            label,
        } = value;
        Self {
            kind: enum_to_i32::<_, pb::PeriodKind>(kind),
            start: date_to_string(start),
            end: date_to_string(end),
            label,
        }
    }
}

impl TryFrom<pb::Period> for domain::Period {
    type Error = ConversionError;

    fn try_from(value: pb::Period) -> Result<Self, Self::Error> {
        let pb::Period {
            kind,
            start,
            end,
            label,
        } = value;
        Ok(Self {
            kind: enum_from_i32::<pb::PeriodKind, _>("Period.kind", kind)?,
            start: required_date("Period.start", start)?,
            end: required_date("Period.end", end)?,
            label,
        })
    }
}

/// An optional period message as an optional domain period.
pub(crate) fn optional_period(
    value: Option<pb::Period>,
) -> Result<Option<domain::Period>, ConversionError> {
    value.map(domain::Period::try_from).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_round_trips() {
        let may = domain::Period::month(2024, 5, "tháng 5/2024").unwrap();
        let pb = pb::Period::from(may.clone());
        assert_eq!(pb.kind, pb::PeriodKind::Month as i32);
        assert_eq!(
            (pb.start.as_str(), pb.end.as_str()),
            ("2024-05-01", "2024-05-31")
        );
        assert_eq!(domain::Period::try_from(pb), Ok(may));
    }

    #[test]
    fn a_period_needs_both_dates() {
        let pb = pb::Period {
            kind: 1,
            start: "2024-05-01".into(),
            end: String::new(),
            label: String::new(),
        };
        assert_eq!(
            domain::Period::try_from(pb),
            Err(ConversionError::Missing {
                field: "Period.end"
            })
        );
    }
}
