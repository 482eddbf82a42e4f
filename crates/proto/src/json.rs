//! The canonical proto3 JSON mapping of the contract's messages: field
//! names in lowerCamelCase (`contentSha256`), enums by name
//! (`"PERIOD_KIND_MONTH"`), fields at their default value left out,
//! timestamps in RFC 3339, 64-bit integers as strings. Any client
//! generated from `proto/baocao/v1` reads and writes the same JSON.
//!
//! The mapping is driven by the embedded descriptors
//! ([`crate::descriptor_pool`]) through `prost-reflect`, so it follows the
//! `.proto` files and never drifts from them.

use baocao_domain::Report;
use prost_reflect::{DeserializeOptions, DynamicMessage, MessageDescriptor, SerializeOptions};

use crate::{ConversionError, descriptor_pool, pb};

/// A report as pretty-printed canonical proto3 JSON (message
/// `baocao.v1.Report`).
pub fn report_to_json(report: &Report) -> String {
    message_to_json(&pb::Report::from(report.clone()))
}

/// A report from proto3 JSON (message `baocao.v1.Report`); unknown fields
/// are an error.
pub fn report_from_json(json: &str) -> Result<Report, ConversionError> {
    message_from_json::<pb::Report>(json)?.try_into()
}

/// Any message of the contract as pretty-printed canonical proto3 JSON.
pub fn message_to_json<M: prost::Name>(message: &M) -> String {
    let descriptor = descriptor::<M>();
    let dynamic = DynamicMessage::decode(descriptor, message.encode_to_vec().as_slice())
        .expect("a generated message decodes with its own descriptor");
    let mut serializer = serde_json::Serializer::pretty(Vec::new());
    dynamic
        .serialize_with_options(&mut serializer, &SerializeOptions::new())
        .expect("serializing to memory cannot fail");
    String::from_utf8(serializer.into_inner()).expect("serde_json writes UTF-8")
}

/// Any message of the contract from proto3 JSON; unknown fields are an
/// error.
pub fn message_from_json<M: prost::Name + Default>(json: &str) -> Result<M, ConversionError> {
    let invalid = |reason: String| ConversionError::InvalidJson {
        message: M::full_name(),
        reason,
    };
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let dynamic = DynamicMessage::deserialize_with_options(
        descriptor::<M>(),
        &mut deserializer,
        &DeserializeOptions::new(),
    )
    .map_err(|e| invalid(e.to_string()))?;
    deserializer.end().map_err(|e| invalid(e.to_string()))?;
    dynamic
        .transcode_to::<M>()
        .map_err(|e| invalid(e.to_string()))
}

fn descriptor<M: prost::Name>() -> MessageDescriptor {
    let name = M::full_name();
    descriptor_pool()
        .get_message_by_name(&name)
        .unwrap_or_else(|| panic!("{name} is not in the embedded descriptor set"))
}

#[cfg(test)]
mod tests {
    use baocao_domain::{
        Change, Comparison, ComparisonBase, Footnote, Metadata, Observation, ObservationStatus,
        Period, Provenance, Qualifier, Quantity, Source, Span, UnitCode,
    };
    use chrono::{NaiveDate, TimeZone, Utc};
    use serde_json::{Value, json};

    use super::*;

    fn small_report() -> Report {
        let may = Period::month(2024, 5, "tháng 5/2024").unwrap();
        Report {
            id: "r-1".into(),
            source: Some(Source {
                department: "so-khdt".into(),
                filename: "bc-5-2024.txt".into(),
                content_type: "text/plain; charset=utf-8".into(),
                message_id: "m-1".into(),
                content_sha256: "ab".repeat(32),
                received_at: Some(Utc.with_ymd_and_hms(2024, 5, 31, 8, 0, 0).unwrap()),
            }),
            metadata: Metadata {
                issuer: "UBND tỉnh Bắc Giang".into(),
                province: "Bắc Giang".into(),
                issued_on: NaiveDate::from_ymd_opt(2024, 5, 31),
                reporting_period: Some(may.clone()),
                ..Default::default()
            },
            footnotes: vec![Footnote {
                number: 1,
                text: "Trong đó, ngành khai khoáng ước tăng 14,7%".into(),
                marker_span: Some(Span::new(10, 11)),
                span: Span::new(100, 140),
                ..Default::default()
            }],
            observations: vec![Observation {
                indicator: "industrial_output_value".into(),
                label: "Giá trị sản xuất công nghiệp".into(),
                period: Some(may),
                quantity: Some(Quantity {
                    value: 60769.0,
                    value_max: None,
                    unit: "tỷ đồng".into(),
                    unit_code: UnitCode::Vnd,
                    multiplier: 1e9,
                    qualifier: Qualifier::Exact,
                }),
                status: ObservationStatus::Estimate,
                comparisons: vec![Comparison {
                    base: ComparisonBase::SamePeriodLastYear,
                    base_label: "so với cùng kỳ".into(),
                    change: Change::PercentChange(17.32),
                    qualifier: Qualifier::Approximate,
                }],
                provenance: Provenance {
                    section_number: "1.1".into(),
                    footnote_number: Some(0),
                    span: Span::new(3, 9),
                    sentence: String::new(),
                },
                ..Default::default()
            }],
            parser_version: "0.1.0".into(),
            ..Default::default()
        }
    }

    #[test]
    fn report_json_is_canonical_proto3_json() {
        let text = report_to_json(&small_report());
        assert!(
            text.contains("\n  \"id\": \"r-1\""),
            "pretty-printed:\n{text}"
        );
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["source"]["contentSha256"], json!("ab".repeat(32)));
        assert_eq!(value["source"]["receivedAt"], json!("2024-05-31T08:00:00Z"));
        assert_eq!(value["metadata"]["issuedOn"], json!("2024-05-31"));
        assert_eq!(
            value["metadata"]["reportingPeriod"],
            json!({"kind": "PERIOD_KIND_MONTH", "start": "2024-05-01", "end": "2024-05-31", "label": "tháng 5/2024"})
        );
        let obs = &value["observations"][0];
        assert_eq!(obs["status"], json!("OBSERVATION_STATUS_ESTIMATE"));
        assert_eq!(
            obs["quantity"],
            json!({"value": 60769.0, "unit": "tỷ đồng", "unitCode": "UNIT_CODE_VND", "multiplier": 1e9, "qualifier": "QUALIFIER_EXACT"})
        );
        assert_eq!(
            obs["comparisons"][0],
            json!({
                "base": "COMPARISON_BASE_SAME_PERIOD_LAST_YEAR",
                "baseLabel": "so với cùng kỳ",
                "percentChange": 17.32,
                "qualifier": "QUALIFIER_APPROXIMATE"
            })
        );
        // An optional scalar set to its default is still written; the
        // empty sentence is not.
        assert_eq!(
            obs["provenance"],
            json!({"sectionNumber": "1.1", "footnoteNumber": 0, "span": {"start": 3, "end": 9}})
        );
        assert_eq!(
            value["footnotes"][0]["markerSpan"],
            json!({"start": 10, "end": 11})
        );
        // Defaults are left out: empty strings and lists, absent messages.
        for absent in [
            "sections",
            "tasks",
            "documentReferences",
            "qualityIssues",
            "normalizedText",
        ] {
            assert!(
                value.get(absent).is_none(),
                "{absent} should be omitted:\n{text}"
            );
        }
        assert!(value["metadata"].get("planningPeriod").is_none());
        assert!(value["metadata"].get("documentNumber").is_none());
        assert!(obs.get("breakdown").is_none());
        assert_eq!(value["parserVersion"], json!("0.1.0"));
    }

    #[test]
    fn report_json_reads_back() {
        let report = small_report();
        assert_eq!(report_from_json(&report_to_json(&report)), Ok(report));
    }

    #[test]
    fn bad_json_says_which_message() {
        let err = report_from_json(r#"{"id": 1}"#).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("baocao.v1.Report: invalid proto3 JSON: "),
            "{err}"
        );
        let err = report_from_json(r#"{"metadata": {"issuedOn": "31/05/2024"}}"#).unwrap_err();
        assert_eq!(
            err,
            ConversionError::InvalidDate {
                field: "Metadata.issued_on",
                value: "31/05/2024".into()
            }
        );
        assert!(report_from_json(r#"{"noSuchField": true}"#).is_err());
        assert!(report_from_json("{} trailing").is_err());
    }
}
