//! Reading request fields into the store's types: page sizes, dates, enums
//! and filters. Every failure names the field as the .proto spells it and
//! says what was expected and what was found.

use baocao_domain::catalog::Sector;
use baocao_domain::{ObservationStatus, PeriodKind};
use baocao_proto::pb;
use baocao_store::{DateRange, PageRequest, ReportView};
use chrono::NaiveDate;

use crate::convert::{ObservationView, sector_code};
use crate::error::{ApiError, ApiResult};

/// The server's page sizes (`grpc.default_page_size`, `grpc.max_page_size`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub default: u32,
    pub max: u32,
}

impl Paging {
    /// `page_size` 0 asks for the default, a larger one than the maximum is
    /// lowered to it, a negative one is refused; an empty `page_token` is
    /// the first page.
    pub fn page(&self, page_size: i32, page_token: String) -> ApiResult<PageRequest> {
        let size = match u32::try_from(page_size) {
            Err(_) => {
                return Err(ApiError::invalid(
                    "page_size",
                    format!(
                        "must be 0 (for the default, {}) or more, found {page_size}",
                        self.default
                    ),
                ));
            }
            Ok(0) => self.default,
            Ok(n) => n.min(self.max),
        };
        let token = (!page_token.is_empty()).then_some(page_token);
        Ok(PageRequest { size, token })
    }
}

/// A filter string: `None` when empty or blank.
pub fn optional(value: String) -> Option<String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        None
    } else if trimmed.len() == value.len() {
        Some(value)
    } else {
        Some(trimmed.to_owned())
    }
}

/// A required string field.
pub fn required(field: &str, value: String) -> ApiResult<String> {
    optional(value).ok_or_else(|| ApiError::invalid(field, "required, found none"))
}

/// An optional ISO-8601 date.
pub fn date(field: &str, value: &str) -> ApiResult<Option<NaiveDate>> {
    if value.is_empty() {
        return Ok(None);
    }
    let well_formed = value.len() == 10
        && value.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    match value.parse::<NaiveDate>() {
        Ok(d) if well_formed => Ok(Some(d)),
        _ => Err(ApiError::invalid(
            field,
            format!("expected an ISO-8601 date (YYYY-MM-DD), found {value:?}"),
        )),
    }
}

/// `period_start` and `period_end`, the start not after the end.
pub fn period(start: &str, end: &str) -> ApiResult<DateRange> {
    let range = DateRange {
        start: date("period_start", start)?,
        end: date("period_end", end)?,
    };
    if let (Some(s), Some(e)) = (range.start, range.end)
        && e < s
    {
        return Err(ApiError::invalid(
            "period_end",
            format!("must be on or after period_start ({s}), found {e}"),
        ));
    }
    Ok(range)
}

/// A `ReportView`; unspecified is BASIC.
pub fn report_view(value: i32) -> ApiResult<ReportView> {
    match pb::ReportView::try_from(value) {
        Ok(pb::ReportView::Unspecified | pb::ReportView::Basic) => Ok(ReportView::Basic),
        Ok(pb::ReportView::Full) => Ok(ReportView::Full),
        Err(_) => Err(ApiError::invalid(
            "view",
            format!(
                "unknown ReportView value {value}; expected REPORT_VIEW_BASIC or REPORT_VIEW_FULL"
            ),
        )),
    }
}

/// An `ObservationView`; unspecified is FULL (what the methods returned
/// before the view existed).
pub fn observation_view(value: i32) -> ApiResult<ObservationView> {
    match pb::ObservationView::try_from(value) {
        Ok(pb::ObservationView::Unspecified | pb::ObservationView::Full) => {
            Ok(ObservationView::Full)
        }
        Ok(pb::ObservationView::Basic) => Ok(ObservationView::Basic),
        Err(_) => Err(ApiError::invalid(
            "view",
            format!(
                "unknown ObservationView value {value}; expected OBSERVATION_VIEW_BASIC or \
                 OBSERVATION_VIEW_FULL"
            ),
        )),
    }
}

/// Catalog codes, each one known.
pub fn indicator_codes(codes: Vec<String>) -> ApiResult<Vec<String>> {
    codes
        .into_iter()
        .enumerate()
        .map(|(i, code)| {
            let code = code.trim().to_owned();
            if baocao_domain::catalog::by_code(&code).is_some() {
                Ok(code)
            } else {
                Err(ApiError::invalid(
                    format!("indicators[{i}]"),
                    format!(
                        "unknown indicator code {code:?}; IndicatorService.ListIndicators \
                         lists the catalog"
                    ),
                ))
            }
        })
        .collect()
}

/// Observation statuses, each one a known, specified value.
pub fn statuses(values: Vec<i32>) -> ApiResult<Vec<ObservationStatus>> {
    values
        .into_iter()
        .enumerate()
        .map(|(i, v)| match pb::ObservationStatus::try_from(v) {
            Ok(pb::ObservationStatus::Unspecified) | Err(_) => Err(ApiError::invalid(
                format!("statuses[{i}]"),
                format!(
                    "expected OBSERVATION_STATUS_ACTUAL, _ESTIMATE or _FORECAST, found {}",
                    pb::ObservationStatus::try_from(v)
                        .map(|s| s.as_str_name().to_owned())
                        .unwrap_or_else(|_| v.to_string())
                ),
            )),
            Ok(s) => Ok(ObservationStatus::from(s)),
        })
        .collect()
}

/// A period kind; unspecified is "every kind".
pub fn period_kind(value: i32) -> ApiResult<Option<PeriodKind>> {
    match pb::PeriodKind::try_from(value) {
        Ok(pb::PeriodKind::Unspecified) => Ok(None),
        Ok(k) => Ok(Some(PeriodKind::from(k))),
        Err(_) => Err(ApiError::invalid(
            "period_kind",
            format!("unknown PeriodKind value {value}"),
        )),
    }
}

/// A task topic code, one of the parser's.
pub fn topic(value: String) -> ApiResult<Option<String>> {
    let Some(topic) = optional(value) else {
        return Ok(None);
    };
    let known = baocao_parser::topics::TOPICS;
    if known.iter().any(|(code, _)| *code == topic) {
        Ok(Some(topic))
    } else {
        let codes: Vec<&str> = known.iter().map(|(code, _)| *code).collect();
        Err(ApiError::invalid(
            "topic",
            format!(
                "unknown topic {topic:?}; expected one of {}",
                codes.join(", ")
            ),
        ))
    }
}

/// Every sector, in the order the catalog documents them.
pub const SECTORS: [Sector; 12] = [
    Sector::Macro,
    Sector::Industry,
    Sector::Trade,
    Sector::Prices,
    Sector::Budget,
    Sector::Investment,
    Sector::Enterprise,
    Sector::Agriculture,
    Sector::Labour,
    Sector::Social,
    Sector::Safety,
    Sector::Governance,
];

/// A catalog sector code ("industry").
pub fn sector(value: String) -> ApiResult<Option<Sector>> {
    let Some(code) = optional(value) else {
        return Ok(None);
    };
    SECTORS
        .into_iter()
        .find(|s| sector_code(*s) == code)
        .map(Some)
        .ok_or_else(|| {
            let codes: Vec<&str> = SECTORS.into_iter().map(sector_code).collect();
            ApiError::invalid(
                "sector",
                format!(
                    "unknown sector {code:?}; expected one of {}",
                    codes.join(", ")
                ),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(e: ApiError) -> String {
        match e {
            ApiError::InvalidArgument { field, .. } => field,
            other => panic!("not an invalid argument: {other}"),
        }
    }

    #[test]
    fn page_sizes() {
        let p = Paging {
            default: 50,
            max: 500,
        };
        assert_eq!(p.page(0, String::new()).unwrap().size, 50);
        assert_eq!(p.page(7, String::new()).unwrap().size, 7);
        assert_eq!(p.page(10_000, String::new()).unwrap().size, 500);
        assert_eq!(p.page(1, "t".into()).unwrap().token.as_deref(), Some("t"));
        assert_eq!(
            field_of(p.page(-1, String::new()).unwrap_err()),
            "page_size"
        );
    }

    #[test]
    fn dates_and_ranges() {
        assert_eq!(
            date("d", "2024-05-31").unwrap(),
            NaiveDate::from_ymd_opt(2024, 5, 31)
        );
        assert_eq!(date("d", "").unwrap(), None);
        for bad in [
            "2024-13-01",
            "2024-5-1",
            "31/05/2024",
            "2024-05-31T00:00:00Z",
            "x",
        ] {
            assert_eq!(
                field_of(date("period_start", bad).unwrap_err()),
                "period_start"
            );
        }
        assert_eq!(
            field_of(period("2024-06-01", "2024-05-01").unwrap_err()),
            "period_end"
        );
        assert!(period("2024-05-01", "2024-05-01").is_ok());
    }

    #[test]
    fn enums_and_codes() {
        assert_eq!(report_view(0).unwrap(), ReportView::Basic);
        assert_eq!(report_view(2).unwrap(), ReportView::Full);
        assert_eq!(field_of(report_view(9).unwrap_err()), "view");
        assert_eq!(observation_view(0).unwrap(), ObservationView::Full);
        assert_eq!(observation_view(1).unwrap(), ObservationView::Basic);
        assert_eq!(observation_view(2).unwrap(), ObservationView::Full);
        assert_eq!(field_of(observation_view(3).unwrap_err()), "view");
        assert_eq!(
            indicator_codes(vec!["iip".into(), " exports ".into()]).unwrap(),
            ["iip", "exports"]
        );
        assert_eq!(
            field_of(indicator_codes(vec!["iip".into(), "nope".into()]).unwrap_err()),
            "indicators[1]"
        );
        assert_eq!(field_of(statuses(vec![1, 0]).unwrap_err()), "statuses[1]");
        assert_eq!(field_of(statuses(vec![42]).unwrap_err()), "statuses[0]");
        assert_eq!(period_kind(0).unwrap(), None);
        assert_eq!(period_kind(1).unwrap(), Some(PeriodKind::Month));
        assert_eq!(field_of(period_kind(99).unwrap_err()), "period_kind");
        assert_eq!(
            topic("industry".into()).unwrap().as_deref(),
            Some("industry")
        );
        assert_eq!(field_of(topic("nope".into()).unwrap_err()), "topic");
        assert_eq!(sector("industry".into()).unwrap(), Some(Sector::Industry));
        assert_eq!(field_of(sector("nope".into()).unwrap_err()), "sector");
    }
}
