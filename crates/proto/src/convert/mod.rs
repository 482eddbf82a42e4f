//! Conversions between the domain types and the generated `baocao.v1`
//! messages.
//!
//! `From<domain::X> for pb::X` cannot fail; `TryFrom<pb::X> for domain::X`
//! fails with a [`ConversionError`] naming the field and the bad value
//! (a malformed date, an enum number this build does not know, a missing
//! `oneof`). Every conversion destructures every field on both sides, so a
//! field added to a domain struct or to a message breaks the build here
//! instead of being dropped.
//!
//! Representation rules, shared by every message:
//! - dates (`NaiveDate`) are ISO-8601 strings, "" for `None`;
//! - timestamps are `google.protobuf.Timestamp`;
//! - a domain field that is not an `Option` but is a message in proto
//!   (`Report.metadata`, every `span`) reads an absent message as the
//!   domain's default;
//! - `QUALIFIER_UNSPECIFIED` reads as `Qualifier::Exact` and
//!   `OBSERVATION_STATUS_UNSPECIFIED` as `ObservationStatus::Actual`, the
//!   domain's defaults.

mod document;
mod ingestion;
mod observation;
mod period;
mod quality;
mod quantity;
mod report;
mod structure;
mod task;

use chrono::{DateTime, NaiveDate, Utc};

/// Why a message cannot become a domain value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConversionError {
    /// A required field is empty or absent.
    #[error("{field}: required, found none")]
    Missing {
        /// `Message.field`, e.g. `Period.start`.
        field: &'static str,
    },
    /// A date string that is not an ISO-8601 calendar date.
    #[error("{field}: expected an ISO-8601 date (YYYY-MM-DD), found {value:?}")]
    InvalidDate {
        /// `Message.field`, e.g. `Metadata.issued_on`.
        field: &'static str,
        /// The string as received.
        value: String,
    },
    /// An enum number this build of the contract does not define.
    #[error("{field}: unknown enum value {value}")]
    UnknownEnumValue {
        /// `Message.field`, e.g. `Quantity.unit_code`.
        field: &'static str,
        /// The number as received.
        value: i32,
    },
    /// A `google.protobuf.Timestamp` outside what it may hold.
    #[error("{field}: invalid timestamp, found {seconds} s and {nanos} ns")]
    InvalidTimestamp {
        /// `Message.field`, e.g. `Source.received_at`.
        field: &'static str,
        /// The seconds as received.
        seconds: i64,
        /// The nanoseconds as received; valid ones are 0..=999_999_999.
        nanos: i32,
    },
    /// Text that is not the proto3 JSON of the expected message.
    #[error("{message}: invalid proto3 JSON: {reason}")]
    InvalidJson {
        /// The full name of the message expected, e.g. `baocao.v1.Report`.
        message: String,
        /// What the JSON decoder reported.
        reason: String,
    },
}

/// Lets `?` pass on the errors of the conversions that cannot fail
/// (`Span`, `Signer`, the enums).
impl From<std::convert::Infallible> for ConversionError {
    fn from(never: std::convert::Infallible) -> Self {
        match never {}
    }
}

/// Implements `From` both ways between a domain enum and its proto enum,
/// variant by variant. Both matches are exhaustive, so a variant added on
/// either side breaks the build. `unspecified => Variant` maps the proto's
/// `*_UNSPECIFIED` onto a domain enum that has no `Unspecified` variant.
macro_rules! enum_conversions {
    (
        $domain:ident <=> $pb:ident {
            $($d:ident <=> $p:ident),+ $(,)?
        }
        $(unspecified => $default:ident)?
    ) => {
        impl From<baocao_domain::$domain> for crate::pb::$pb {
            fn from(value: baocao_domain::$domain) -> Self {
                match value {
                    $(baocao_domain::$domain::$d => crate::pb::$pb::$p,)+
                }
            }
        }

        impl From<crate::pb::$pb> for baocao_domain::$domain {
            fn from(value: crate::pb::$pb) -> Self {
                match value {
                    $(crate::pb::$pb::$p => baocao_domain::$domain::$d,)+
                    $(crate::pb::$pb::Unspecified => baocao_domain::$domain::$default,)?
                }
            }
        }
    };
}
pub(crate) use enum_conversions;

/// A proto enum field's number as the domain enum.
pub(crate) fn enum_from_i32<P, D>(field: &'static str, value: i32) -> Result<D, ConversionError>
where
    P: TryFrom<i32>,
    D: From<P>,
{
    P::try_from(value)
        .map(D::from)
        .map_err(|_| ConversionError::UnknownEnumValue { field, value })
}

/// A domain enum as a proto enum field's number.
pub(crate) fn enum_to_i32<D, P>(value: D) -> i32
where
    P: From<D> + Into<i32>,
{
    P::from(value).into()
}

/// A date as an ISO-8601 string ("2024-05-31").
pub(crate) fn date_to_string(date: NaiveDate) -> String {
    date.to_string()
}

/// An optional date as an ISO-8601 string, "" for `None`.
pub(crate) fn optional_date_to_string(date: Option<NaiveDate>) -> String {
    date.map(date_to_string).unwrap_or_default()
}

/// A required ISO-8601 date.
pub(crate) fn required_date(
    field: &'static str,
    value: String,
) -> Result<NaiveDate, ConversionError> {
    optional_date(field, value)?.ok_or(ConversionError::Missing { field })
}

/// An optional ISO-8601 date, "" for `None`.
pub(crate) fn optional_date(
    field: &'static str,
    value: String,
) -> Result<Option<NaiveDate>, ConversionError> {
    if value.is_empty() {
        return Ok(None);
    }
    match value.parse::<NaiveDate>() {
        Ok(date) => Ok(Some(date)),
        Err(_) => Err(ConversionError::InvalidDate { field, value }),
    }
}

/// A UTC instant as a `google.protobuf.Timestamp`. A leap second (which
/// `chrono` can hold and a Timestamp cannot) becomes the last nanosecond
/// before it.
pub(crate) fn timestamp_from_datetime(value: DateTime<Utc>) -> prost_types::Timestamp {
    prost_types::Timestamp {
        seconds: value.timestamp(),
        nanos: value.timestamp_subsec_nanos().min(999_999_999) as i32,
    }
}

/// A `google.protobuf.Timestamp` as a UTC instant.
pub(crate) fn datetime_from_timestamp(
    field: &'static str,
    value: prost_types::Timestamp,
) -> Result<DateTime<Utc>, ConversionError> {
    let prost_types::Timestamp { seconds, nanos } = value;
    u32::try_from(nanos)
        .ok()
        .filter(|n| *n < 1_000_000_000)
        .and_then(|n| DateTime::from_timestamp(seconds, n))
        .ok_or(ConversionError::InvalidTimestamp {
            field,
            seconds,
            nanos,
        })
}

/// Converts every element of a repeated field.
pub(crate) fn try_vec<P, D>(values: Vec<P>) -> Result<Vec<D>, ConversionError>
where
    D: TryFrom<P, Error = ConversionError>,
{
    values.into_iter().map(D::try_from).collect()
}

/// Converts every element of a repeated field the infallible way.
pub(crate) fn into_vec<D, P>(values: Vec<D>) -> Vec<P>
where
    P: From<D>,
{
    values.into_iter().map(P::from).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_iso_strings_and_empty_means_none() {
        let d = NaiveDate::from_ymd_opt(2024, 5, 31).unwrap();
        assert_eq!(date_to_string(d), "2024-05-31");
        assert_eq!(optional_date("X.d", "2024-05-31".into()), Ok(Some(d)));
        assert_eq!(optional_date("X.d", String::new()), Ok(None));
        assert_eq!(optional_date_to_string(None), "");
        assert_eq!(
            required_date("Period.start", String::new()),
            Err(ConversionError::Missing {
                field: "Period.start"
            })
        );
    }

    #[test]
    fn bad_dates_name_the_field_and_the_value() {
        let err = optional_date("Metadata.issued_on", "31/05/2024".into()).unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"Metadata.issued_on: expected an ISO-8601 date (YYYY-MM-DD), found "31/05/2024""#
        );
        assert!(optional_date("X.d", "2024-02-30".into()).is_err());
    }

    #[test]
    fn timestamps_reject_out_of_range_nanos() {
        let ok = prost_types::Timestamp {
            seconds: 1_717_142_400,
            nanos: 5,
        };
        let dt = datetime_from_timestamp("Source.received_at", ok).unwrap();
        assert_eq!(timestamp_from_datetime(dt), ok);
        for nanos in [-1, 1_000_000_000] {
            let err = datetime_from_timestamp(
                "Source.received_at",
                prost_types::Timestamp { seconds: 0, nanos },
            )
            .unwrap_err();
            assert_eq!(
                err,
                ConversionError::InvalidTimestamp {
                    field: "Source.received_at",
                    seconds: 0,
                    nanos
                }
            );
        }
        let far = prost_types::Timestamp {
            seconds: i64::MAX,
            nanos: 0,
        };
        assert!(datetime_from_timestamp("Source.received_at", far).is_err());
    }

    #[test]
    fn unknown_enum_numbers_are_errors() {
        let r: Result<baocao_domain::PeriodKind, _> =
            enum_from_i32::<crate::pb::PeriodKind, _>("Period.kind", 99);
        assert_eq!(
            r,
            Err(ConversionError::UnknownEnumValue {
                field: "Period.kind",
                value: 99
            })
        );
    }
}
