//! The store's result types as `baocao.v1` messages. The domain types
//! themselves convert in `baocao_proto::convert`; these are the wrappers
//! the store adds (an observation with its report, a series point, a
//! search hit) and catalog entries. Each conversion destructures every
//! field, so a new one breaks the build here.

use baocao_domain::catalog::{Indicator, Sector};
use baocao_proto::pb;
use baocao_store::{HitKind, ReportObservation, ReportTask, SearchHit, SeriesPoint};
use chrono::NaiveDate;

/// The sector's code in `Indicator.sector` and `ListIndicatorsRequest.sector`.
pub fn sector_code(sector: Sector) -> &'static str {
    match sector {
        Sector::Macro => "macro",
        Sector::Industry => "industry",
        Sector::Trade => "trade",
        Sector::Prices => "prices",
        Sector::Budget => "budget",
        Sector::Investment => "investment",
        Sector::Enterprise => "enterprise",
        Sector::Agriculture => "agriculture",
        Sector::Labour => "labour",
        Sector::Social => "social",
        Sector::Safety => "safety",
        Sector::Governance => "governance",
    }
}

fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// How much of an observation to send (`ObservationView`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObservationView {
    /// Without the source sentence.
    Basic,
    Full,
}

pub fn report_observation(
    value: ReportObservation,
    view: ObservationView,
) -> pb::ReportObservation {
    let ReportObservation {
        report_id,
        issuer,
        document_number,
        issued_on,
        reporting_period,
        observation,
    } = value;
    let mut observation = observation;
    if view == ObservationView::Basic {
        // Dropped before conversion: the sentence is not copied at all.
        observation.provenance.sentence = String::new();
    }
    pb::ReportObservation {
        report_id,
        issuer,
        document_number,
        issued_on: date(issued_on),
        reporting_period: reporting_period.map(Into::into),
        observation: Some(observation.into()),
    }
}

pub fn report_task(value: ReportTask) -> pb::ReportTask {
    let ReportTask {
        report_id,
        issuer,
        document_number,
        planning_period,
        task,
    } = value;
    pb::ReportTask {
        report_id,
        issuer,
        document_number,
        planning_period: planning_period.map(Into::into),
        task: Some(task.into()),
    }
}

pub fn series_point(value: SeriesPoint, view: ObservationView) -> pb::SeriesPoint {
    let SeriesPoint {
        period,
        latest,
        revisions,
    } = value;
    pb::SeriesPoint {
        period: Some(period.into()),
        latest: Some(report_observation(latest, view)),
        revisions: revisions
            .into_iter()
            .map(|r| report_observation(r, view))
            .collect(),
    }
}

pub fn search_hit(value: SearchHit) -> pb::SearchHit {
    let SearchHit {
        report_id,
        metadata,
        // Not in the contract: `section_number` and the snippet tell where
        // the hit stands.
        kind: HitKind::Section | HitKind::Task | HitKind::Footnote,
        section_number,
        section_path,
        snippet,
        highlights,
        span,
        score,
    } = value;
    pb::SearchHit {
        report_id,
        metadata: Some(metadata.into()),
        section_number,
        section_path,
        snippet,
        highlights: highlights.into_iter().map(Into::into).collect(),
        span: Some(span.into()),
        score,
    }
}

/// A catalog entry with its observation count.
pub fn indicator(value: &Indicator, observation_count: u64) -> pb::Indicator {
    let Indicator {
        code,
        name,
        // Not in the contract (yet): the English name, and the matcher's
        // context.
        name_en: _,
        aliases,
        unit,
        sector,
        national_code,
        context: _,
    } = *value;
    pb::Indicator {
        code: code.to_owned(),
        name: name.to_owned(),
        aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
        unit_code: pb::UnitCode::from(unit).into(),
        sector: sector_code(sector).to_owned(),
        national_code: national_code.to_owned(),
        observation_count: i64::try_from(observation_count).unwrap_or(i64::MAX),
    }
}
