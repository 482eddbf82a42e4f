//! Property: every domain `Report` survives domain -> proto -> bytes ->
//! proto -> domain, and domain -> proto3 JSON -> domain, unchanged.
//!
//! The generators cover every nested type, arbitrary Unicode (control
//! characters and astral planes included), optional fields both set and
//! unset, every enum variant, finite doubles of every magnitude (subnormals
//! and signed zeros included), and dates and instants from 1950 to 2150.

use baocao_domain::{
    Change, Comparison, ComparisonBase, DocumentRef, Footnote, Ingestion, IngestionStatus,
    Metadata, Observation, ObservationStatus, Period, PeriodKind, Provenance, Qualifier,
    QualityIssue, QualityIssueKind, Quantity, Report, Section, Signer, Source, Span, Task,
    UnitCode,
};
use baocao_proto::{pb, report_from_json, report_to_json};
use chrono::{DateTime, Days, NaiveDate, Utc};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use prost::Message;

/// Every variant of a domain enum, reached through its proto enum: the
/// numbers 0.. that the proto enum defines, converted. The conversions are
/// exhaustive both ways, so this is every domain variant.
fn every_variant<P, D>() -> impl Strategy<Value = D>
where
    P: TryFrom<i32>,
    D: From<P> + Clone + std::fmt::Debug + 'static,
{
    let variants: Vec<D> = (0..256)
        .filter_map(|n| P::try_from(n).ok())
        .map(D::from)
        .collect();
    assert!(variants.len() > 1);
    select(variants)
}

fn text() -> impl Strategy<Value = String> {
    vec(any::<char>(), 0..12).prop_map(String::from_iter)
}

fn finite() -> impl Strategy<Value = f64> {
    use proptest::num::f64::{NEGATIVE, NORMAL, POSITIVE, SUBNORMAL, ZERO};
    POSITIVE | NEGATIVE | NORMAL | SUBNORMAL | ZERO
}

fn date() -> impl Strategy<Value = NaiveDate> {
    let epoch = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap();
    (0u64..73_000).prop_map(move |days| epoch + Days::new(days))
}

fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    (-631_152_000i64..5_680_000_000, 0u32..1_000_000_000)
        .prop_map(|(secs, nanos)| DateTime::from_timestamp(secs, nanos).unwrap())
}

fn span() -> impl Strategy<Value = Span> {
    (any::<u32>(), any::<u32>()).prop_map(|(start, end)| Span { start, end })
}

prop_compose! {
    fn period()(kind in every_variant::<pb::PeriodKind, PeriodKind>(), start in date(), end in date(), label in text())
        -> Period {
        Period { kind, start, end, label }
    }
}

prop_compose! {
    fn quantity()(
        value in finite(),
        value_max in proptest::option::of(finite()),
        unit in text(),
        unit_code in every_variant::<pb::UnitCode, UnitCode>(),
        multiplier in finite(),
        qualifier in every_variant::<pb::Qualifier, Qualifier>(),
    ) -> Quantity {
        Quantity { value, value_max, unit, unit_code, multiplier, qualifier }
    }
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        finite().prop_map(Change::PercentChange),
        finite().prop_map(Change::Ratio),
        finite().prop_map(Change::AttainmentPercent),
        quantity().prop_map(Change::AbsoluteChange),
    ]
}

prop_compose! {
    fn comparison()(
        base in every_variant::<pb::ComparisonBase, ComparisonBase>(),
        base_label in text(),
        change in change(),
        qualifier in every_variant::<pb::Qualifier, Qualifier>(),
    ) -> Comparison {
        Comparison { base, base_label, change, qualifier }
    }
}

prop_compose! {
    fn provenance()(
        section_number in text(),
        footnote_number in proptest::option::of(any::<u32>()),
        span in span(),
        sentence in text(),
    ) -> Provenance {
        Provenance { section_number, footnote_number, span, sentence }
    }
}

prop_compose! {
    fn observation()(
        indicator in text(),
        label in text(),
        breakdown in text(),
        period in proptest::option::of(period()),
        quantity in proptest::option::of(quantity()),
        status in every_variant::<pb::ObservationStatus, ObservationStatus>(),
        comparisons in vec(comparison(), 0..3),
        provenance in provenance(),
    ) -> Observation {
        Observation { indicator, label, breakdown, period, quantity, status, comparisons, provenance }
    }
}

prop_compose! {
    fn section()(
        number in text(),
        path in text(),
        title in text(),
        level in any::<u32>(),
        parent_number in text(),
        text in text(),
        span in span(),
    ) -> Section {
        Section { number, path, title, level, parent_number, text, span }
    }
}

prop_compose! {
    fn footnote()(
        number in any::<u32>(),
        text in text(),
        section_number in text(),
        section_path in text(),
        marker_span in proptest::option::of(span()),
        span in span(),
    ) -> Footnote {
        Footnote { number, text, section_number, section_path, marker_span, span }
    }
}

prop_compose! {
    fn document_ref()(
        number in text(),
        doc_type in text(),
        issuer in text(),
        issued_on in proptest::option::of(date()),
        raw in text(),
        span in span(),
    ) -> DocumentRef {
        DocumentRef { number, doc_type, issuer, issued_on, raw, span }
    }
}

prop_compose! {
    fn task()(
        ordinal in any::<u32>(),
        period in proptest::option::of(period()),
        title in text(),
        text in text(),
        topics in vec(text(), 0..3),
        document_references in vec(document_ref(), 0..2),
        deadline in proptest::option::of(date()),
        span in span(),
    ) -> Task {
        Task { ordinal, period, title, text, topics, document_references, deadline, span }
    }
}

prop_compose! {
    fn quality_issue()(
        kind in every_variant::<pb::QualityIssueKind, QualityIssueKind>(),
        message in text(),
        span in span(),
    ) -> QualityIssue {
        QualityIssue { kind, message, span }
    }
}

prop_compose! {
    fn source()(
        department in text(),
        filename in text(),
        content_type in text(),
        message_id in text(),
        content_sha256 in text(),
        received_at in proptest::option::of(instant()),
    ) -> Source {
        Source { department, filename, content_type, message_id, content_sha256, received_at }
    }
}

prop_compose! {
    fn signer()(name in text(), position in text(), signing_for in text(), on_behalf_of in text()) -> Signer {
        Signer { name, position, signing_for, on_behalf_of }
    }
}

prop_compose! {
    fn metadata()(
        issuer in text(),
        province in text(),
        title in text(),
        document_number in text(),
        issued_on in proptest::option::of(date()),
        reporting_period in proptest::option::of(period()),
        planning_period in proptest::option::of(period()),
        signer in proptest::option::of(signer()),
        recipients in vec(text(), 0..3),
    ) -> Metadata {
        Metadata {
            issuer, province, title, document_number, issued_on, reporting_period, planning_period, signer,
            recipients,
        }
    }
}

prop_compose! {
    fn report()(
        id in text(),
        source in proptest::option::of(source()),
        metadata in metadata(),
        sections in vec(section(), 0..3),
        footnotes in vec(footnote(), 0..3),
        observations in vec(observation(), 0..3),
        tasks in vec(task(), 0..3),
        document_references in vec(document_ref(), 0..3),
        quality_issues in vec(quality_issue(), 0..3),
        parser_version in text(),
        normalized_text in text(),
    ) -> Report {
        Report {
            id, source, metadata, sections, footnotes, observations, tasks, document_references, quality_issues,
            parser_version, normalized_text,
        }
    }
}

prop_compose! {
    fn ingestion()(
        message_id in text(),
        status in every_variant::<pb::IngestionStatus, IngestionStatus>(),
        reason in text(),
        report_id in text(),
        received_at in proptest::option::of(instant()),
    ) -> Ingestion {
        Ingestion { message_id, status, reason, report_id, received_at }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn ingestion_survives_the_wire(ingestion in ingestion()) {
        let bytes = pb::Ingestion::from(ingestion.clone()).encode_to_vec();
        let decoded = pb::Ingestion::decode(bytes.as_slice()).expect("decodes what it encoded");
        prop_assert_eq!(Ingestion::try_from(decoded), Ok(ingestion));
    }

    #[test]
    fn report_survives_the_wire(report in report()) {
        let message = pb::Report::from(report.clone());
        let bytes = message.encode_to_vec();
        let decoded = pb::Report::decode(bytes.as_slice()).expect("decodes what it encoded");
        prop_assert_eq!(&decoded, &message);
        let back = Report::try_from(decoded).expect("converts back");
        prop_assert_eq!(back, report);
    }

    #[test]
    fn report_survives_proto3_json(report in report()) {
        let json = report_to_json(&report);
        let back = report_from_json(&json).expect("reads back its own JSON");
        prop_assert_eq!(back, report, "json:\n{}", json);
    }
}
