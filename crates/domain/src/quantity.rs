//! Quantities: a number as written, with its unit, scale and qualifier.

use serde::{Deserialize, Serialize};

/// The canonical unit of a quantity; the unit as written is kept beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum UnitCode {
    #[default]
    Unspecified,
    /// Vietnamese đồng.
    Vnd,
    Usd,
    Percent,
    /// A plain count or index with no unit.
    Number,
    Hectare,
    SquareMetre,
    Tonne,
    Kilogram,
    CubicMetre,
    Kilometre,
    KilowattHour,
    /// cái, chiếc.
    Piece,
    /// lượt.
    Visit,
    /// người, lao động.
    Person,
    Household,
    Enterprise,
    Project,
    /// vụ, vụ việc.
    Case,
    /// đơn (petitions, complaints).
    Petition,
    /// giấy phép.
    Licence,
    /// huy chương.
    Medal,
    /// điểm (index points).
    Point,
    /// đơn vị (organisations, units).
    Unit,
    /// con (head of livestock).
    Head,
    /// A price: VND per kilogram ("nghìn đồng/kg").
    VndPerKilogram,
    /// A unit the parser recognised but has no code for; see `unit`.
    Other,
}

/// How exactly a quantity was stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Qualifier {
    #[default]
    Exact,
    /// khoảng, xấp xỉ, gần.
    Approximate,
    /// trên, hơn.
    AtLeast,
    /// dưới.
    AtMost,
}

/// A number with its unit, e.g. "60.769 tỷ đồng" = value 60769, unit "tỷ
/// đồng", unit code VND, multiplier 1e9.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Quantity {
    /// The number as written (60769 for "60.769", 1007.5 for "1.007,5").
    pub value: f64,
    /// The upper end of a range ("9-10 nghìn đồng/kg"), or the total of a
    /// part of a whole ("537/1.619 ha").
    pub value_max: Option<f64>,
    /// The unit as written, scale word included: "tỷ đồng", "nghìn cái".
    pub unit: String,
    pub unit_code: UnitCode,
    /// The scale the unit's words carry: 1e9 for "tỷ", 1e3 for "nghìn"; 1 when
    /// there is none.
    pub multiplier: f64,
    pub qualifier: Qualifier,
}

impl Quantity {
    /// The value in base units (đồng, not tỷ đồng).
    pub fn base_value(&self) -> f64 {
        self.value * self.effective_multiplier()
    }

    /// The upper end of a range in base units.
    pub fn base_value_max(&self) -> Option<f64> {
        self.value_max.map(|v| v * self.effective_multiplier())
    }

    /// The power of ten of the multiplier (SDMX UNIT_MULT): 9 for tỷ.
    pub fn unit_mult(&self) -> i32 {
        self.effective_multiplier().log10().round() as i32
    }

    fn effective_multiplier(&self) -> f64 {
        if self.multiplier == 0.0 {
            1.0
        } else {
            self.multiplier
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_value_applies_the_scale_word() {
        let q = Quantity {
            value: 60769.0,
            unit: "tỷ đồng".into(),
            unit_code: UnitCode::Vnd,
            multiplier: 1e9,
            ..Default::default()
        };
        assert_eq!(q.base_value(), 60_769_000_000_000.0);
        assert_eq!(q.unit_mult(), 9);
    }

    #[test]
    fn missing_multiplier_means_one() {
        let q = Quantity {
            value: 17.32,
            unit: "%".into(),
            unit_code: UnitCode::Percent,
            ..Default::default()
        };
        assert_eq!(q.base_value(), 17.32);
        assert_eq!(q.unit_mult(), 0);
    }

    #[test]
    fn range_upper_end_is_scaled_too() {
        let q = Quantity {
            value: 9.0,
            value_max: Some(10.0),
            unit: "nghìn đồng/kg".into(),
            unit_code: UnitCode::VndPerKilogram,
            multiplier: 1e3,
            qualifier: Qualifier::Exact,
        };
        assert_eq!(q.base_value_max(), Some(10_000.0));
    }
}
