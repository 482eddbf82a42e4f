//! Quantities, units and qualifiers.

use baocao_domain as domain;

use super::{ConversionError, enum_conversions, enum_from_i32, enum_to_i32};
use crate::pb;

enum_conversions!(UnitCode <=> UnitCode {
    Unspecified <=> Unspecified,
    Vnd <=> Vnd,
    Usd <=> Usd,
    Percent <=> Percent,
    Number <=> Number,
    Hectare <=> Hectare,
    SquareMetre <=> SquareMetre,
    Tonne <=> Tonne,
    Kilogram <=> Kilogram,
    CubicMetre <=> CubicMetre,
    Kilometre <=> Kilometre,
    KilowattHour <=> KilowattHour,
    Piece <=> Piece,
    Visit <=> Visit,
    Person <=> Person,
    Household <=> Household,
    Enterprise <=> Enterprise,
    Project <=> Project,
    Case <=> Case,
    Petition <=> Petition,
    Licence <=> Licence,
    Medal <=> Medal,
    Point <=> Point,
    Unit <=> Unit,
    Head <=> Head,
    VndPerKilogram <=> VndPerKilogram,
    Other <=> Other,
});

enum_conversions!(Qualifier <=> Qualifier {
    Exact <=> Exact,
    Approximate <=> Approximate,
    AtLeast <=> AtLeast,
    AtMost <=> AtMost,
} unspecified => Exact);

impl From<domain::Quantity> for pb::Quantity {
    fn from(value: domain::Quantity) -> Self {
        let domain::Quantity {
            value,
            value_max,
            unit,
            unit_code,
            multiplier,
            qualifier,
        } = value;
        Self {
            value,
            value_max,
            unit,
            unit_code: enum_to_i32::<_, pb::UnitCode>(unit_code),
            multiplier,
            qualifier: enum_to_i32::<_, pb::Qualifier>(qualifier),
        }
    }
}

impl TryFrom<pb::Quantity> for domain::Quantity {
    type Error = ConversionError;

    fn try_from(value: pb::Quantity) -> Result<Self, Self::Error> {
        let pb::Quantity {
            value,
            value_max,
            unit,
            unit_code,
            multiplier,
            qualifier,
        } = value;
        Ok(Self {
            value,
            value_max,
            unit,
            unit_code: enum_from_i32::<pb::UnitCode, _>("Quantity.unit_code", unit_code)?,
            multiplier,
            qualifier: enum_from_i32::<pb::Qualifier, _>("Quantity.qualifier", qualifier)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_is_explicit_in_proto_and_unspecified_reads_as_exact() {
        assert_eq!(
            pb::Qualifier::from(domain::Qualifier::Exact),
            pb::Qualifier::Exact
        );
        assert_eq!(
            domain::Qualifier::from(pb::Qualifier::Unspecified),
            domain::Qualifier::Exact
        );
    }

    #[test]
    fn bad_unit_code_is_named() {
        let q = pb::Quantity {
            unit_code: 1000,
            ..Default::default()
        };
        assert_eq!(
            domain::Quantity::try_from(q),
            Err(ConversionError::UnknownEnumValue {
                field: "Quantity.unit_code",
                value: 1000
            })
        );
    }
}
