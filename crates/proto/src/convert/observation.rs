//! Observations, comparisons and provenance.

use baocao_domain as domain;

use super::period::optional_period;
use super::structure::span_or_default;
use super::{ConversionError, enum_conversions, enum_from_i32, enum_to_i32, into_vec, try_vec};
use crate::pb;
use crate::pb::comparison::Change;

enum_conversions!(ObservationStatus <=> ObservationStatus {
    Actual <=> Actual,
    Estimate <=> Estimate,
    Forecast <=> Forecast,
} unspecified => Actual);

enum_conversions!(ComparisonBase <=> ComparisonBase {
    Unspecified <=> Unspecified,
    SamePeriodLastYear <=> SamePeriodLastYear,
    PreviousPeriod <=> PreviousPeriod,
    Plan <=> Plan,
    BudgetEstimate <=> BudgetEstimate,
    Other <=> Other,
});

impl From<domain::Change> for Change {
    fn from(value: domain::Change) -> Self {
        match value {
            domain::Change::PercentChange(v) => Self::PercentChange(v),
            domain::Change::Ratio(v) => Self::Ratio(v),
            domain::Change::AttainmentPercent(v) => Self::AttainmentPercent(v),
            domain::Change::AbsoluteChange(q) => Self::AbsoluteChange(q.into()),
        }
    }
}

impl TryFrom<Change> for domain::Change {
    type Error = ConversionError;

    fn try_from(value: Change) -> Result<Self, Self::Error> {
        Ok(match value {
            Change::PercentChange(v) => Self::PercentChange(v),
            Change::Ratio(v) => Self::Ratio(v),
            Change::AttainmentPercent(v) => Self::AttainmentPercent(v),
            Change::AbsoluteChange(q) => Self::AbsoluteChange(q.try_into()?),
        })
    }
}

impl From<domain::Comparison> for pb::Comparison {
    fn from(value: domain::Comparison) -> Self {
        let domain::Comparison {
            base,
            base_label,
            change,
            qualifier,
        } = value;
        Self {
            base: enum_to_i32::<_, pb::ComparisonBase>(base),
            base_label,
            change: Some(change.into()),
            qualifier: enum_to_i32::<_, pb::Qualifier>(qualifier),
        }
    }
}

impl TryFrom<pb::Comparison> for domain::Comparison {
    type Error = ConversionError;

    fn try_from(value: pb::Comparison) -> Result<Self, Self::Error> {
        let pb::Comparison {
            base,
            base_label,
            change,
            qualifier,
        } = value;
        Ok(Self {
            base: enum_from_i32::<pb::ComparisonBase, _>("Comparison.base", base)?,
            base_label,
            change: change
                .ok_or(ConversionError::Missing {
                    field: "Comparison.change",
                })?
                .try_into()?,
            qualifier: enum_from_i32::<pb::Qualifier, _>("Comparison.qualifier", qualifier)?,
        })
    }
}

impl From<domain::Provenance> for pb::Provenance {
    fn from(value: domain::Provenance) -> Self {
        let domain::Provenance {
            section_number,
            footnote_number,
            span,
            sentence,
        } = value;
        Self {
            section_number,
            footnote_number,
            span: Some(span.into()),
            sentence,
        }
    }
}

impl TryFrom<pb::Provenance> for domain::Provenance {
    type Error = ConversionError;

    fn try_from(value: pb::Provenance) -> Result<Self, Self::Error> {
        let pb::Provenance {
            section_number,
            footnote_number,
            span,
            sentence,
        } = value;
        Ok(Self {
            section_number,
            footnote_number,
            span: span_or_default(span),
            sentence,
        })
    }
}

impl From<domain::Observation> for pb::Observation {
    fn from(value: domain::Observation) -> Self {
        let domain::Observation {
            indicator,
            label,
            breakdown,
            period,
            quantity,
            status,
            comparisons,
            provenance,
        } = value;
        Self {
            indicator,
            label,
            breakdown,
            period: period.map(Into::into),
            quantity: quantity.map(Into::into),
            status: enum_to_i32::<_, pb::ObservationStatus>(status),
            comparisons: into_vec(comparisons),
            provenance: Some(provenance.into()),
        }
    }
}

impl TryFrom<pb::Observation> for domain::Observation {
    type Error = ConversionError;

    fn try_from(value: pb::Observation) -> Result<Self, Self::Error> {
        let pb::Observation {
            indicator,
            label,
            breakdown,
            period,
            quantity,
            status,
            comparisons,
            provenance,
        } = value;
        Ok(Self {
            indicator,
            label,
            breakdown,
            period: optional_period(period)?,
            quantity: quantity.map(TryInto::try_into).transpose()?,
            status: enum_from_i32::<pb::ObservationStatus, _>("Observation.status", status)?,
            comparisons: try_vec(comparisons)?,
            provenance: provenance
                .map(TryInto::try_into)
                .transpose()?
                .unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comparison_needs_its_change() {
        let c = pb::Comparison {
            base: 1,
            ..Default::default()
        };
        assert_eq!(
            domain::Comparison::try_from(c).unwrap_err().to_string(),
            "Comparison.change: required, found none"
        );
    }

    #[test]
    fn unspecified_status_reads_as_actual() {
        let o = pb::Observation::default();
        assert_eq!(
            domain::Observation::try_from(o).unwrap().status,
            domain::ObservationStatus::Actual
        );
    }

    #[test]
    fn an_absolute_change_keeps_its_quantity() {
        let c = domain::Comparison {
            base: domain::ComparisonBase::SamePeriodLastYear,
            base_label: "so với cùng kỳ năm 2023".into(),
            change: domain::Change::AbsoluteChange(domain::Quantity {
                value: -7.0,
                unit: "vụ".into(),
                unit_code: domain::UnitCode::Case,
                multiplier: 1.0,
                ..Default::default()
            }),
            qualifier: domain::Qualifier::Exact,
        };
        let pb = pb::Comparison::from(c.clone());
        assert!(matches!(&pb.change, Some(Change::AbsoluteChange(q)) if q.value == -7.0));
        assert_eq!(domain::Comparison::try_from(pb), Ok(c));
    }
}
