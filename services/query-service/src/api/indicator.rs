//! IndicatorService: the catalog with counts, observations, series.
//!
//! The catalog is compiled in (`baocao_domain::catalog`), so ListIndicators
//! pages over it here: its page token is the offset of the next entry with
//! a digest of the offset and the filters, so that an altered token, or one
//! sent with other filters, is refused like the store's own tokens. (It is
//! not secret: anyone could compute one, but a forged offset only skips
//! into a public catalog.)

use baocao_domain::catalog;
use baocao_proto::pb;
use baocao_proto::pb::indicator_service_server::IndicatorService;
use baocao_store::{ObservationFilter, SeriesQuery, Store};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};
use tonic::{Request, Response, Status};

use super::{Api, reply};
use crate::convert::{indicator, report_observation, sector_code, series_point};
use crate::error::{ApiError, ApiResult};
use crate::request::{
    indicator_codes, observation_view, optional, period, period_kind, required, sector, statuses,
};

impl<S: Store + Clone + 'static> Api<S> {
    async fn list_indicators(
        &self,
        r: pb::ListIndicatorsRequest,
    ) -> ApiResult<pb::ListIndicatorsResponse> {
        let pb::ListIndicatorsRequest {
            page_size,
            page_token,
            sector: sector_filter,
            issuer,
        } = r;
        let page = self.paging.page(page_size, page_token)?;
        let sector = sector(sector_filter)?;
        let issuer = optional(issuer);
        let filters = format!(
            "{}\u{0}{}",
            sector.map(sector_code).unwrap_or_default(),
            issuer.as_deref().unwrap_or_default()
        );
        let offset = match &page.token {
            Some(t) => open_token(t, &filters)?,
            None => 0,
        };
        let entries: Vec<_> = catalog::catalog()
            .iter()
            .filter(|i| sector.is_none_or(|s| i.sector == s))
            .collect();
        let counts = self.store.indicator_counts(issuer.as_deref()).await?;
        let end = (offset + page.size as usize).min(entries.len());
        let indicators = entries
            .get(offset..end)
            .unwrap_or_default()
            .iter()
            .map(|i| indicator(i, counts.get(i.code).copied().unwrap_or(0)))
            .collect();
        let next_page_token = if end < entries.len() {
            issue_token(end, &filters)
        } else {
            String::new()
        };
        Ok(pb::ListIndicatorsResponse {
            indicators,
            next_page_token,
        })
    }

    async fn list_observations(
        &self,
        r: pb::ListObservationsRequest,
    ) -> ApiResult<pb::ListObservationsResponse> {
        let pb::ListObservationsRequest {
            page_size,
            page_token,
            indicators,
            issuer,
            period_start,
            period_end,
            statuses: status_values,
            view,
        } = r;
        let view = observation_view(view)?;
        let page = self.paging.page(page_size, page_token)?;
        let filter = ObservationFilter {
            indicators: indicator_codes(indicators)?,
            issuer: optional(issuer),
            period: period(&period_start, &period_end)?,
            statuses: statuses(status_values)?,
        };
        let page = self.store.list_observations(&filter, &page).await?;
        Ok(pb::ListObservationsResponse {
            observations: page
                .items
                .into_iter()
                .map(|o| report_observation(o, view))
                .collect(),
            next_page_token: page.next_token.unwrap_or_default(),
        })
    }

    async fn get_series(&self, r: pb::GetSeriesRequest) -> ApiResult<pb::GetSeriesResponse> {
        let pb::GetSeriesRequest {
            indicator,
            issuer,
            breakdown,
            period_kind: kind,
            period_start,
            period_end,
            view,
        } = r;
        let view = observation_view(view)?;
        let indicator = required("indicator", indicator)?;
        let issuer = required("issuer", issuer)?;
        if catalog::by_code(&indicator).is_none() {
            return Err(ApiError::NotFound {
                resource_type: "indicator",
                name: indicator,
                hint: "; IndicatorService.ListIndicators lists the catalog",
            });
        }
        let query = SeriesQuery {
            indicator,
            issuer,
            breakdown: breakdown.trim().to_owned(),
            period_kind: period_kind(kind)?,
            period: period(&period_start, &period_end)?,
        };
        let series = self.store.series(&query).await?;
        let SeriesQuery {
            indicator,
            issuer,
            breakdown,
            ..
        } = query;
        Ok(pb::GetSeriesResponse {
            indicator,
            issuer,
            breakdown,
            points: series
                .points
                .into_iter()
                .map(|p| series_point(p, view))
                .collect(),
        })
    }
}

const TAG_BYTES: usize = 12;

fn tag(offset: usize, filters: &str) -> [u8; TAG_BYTES] {
    let digest = Sha256::new()
        .chain_update(b"baocao-query/indicators\0")
        .chain_update(filters.as_bytes())
        .chain_update(b"\0")
        .chain_update(offset.to_string().as_bytes())
        .finalize();
    let mut out = [0u8; TAG_BYTES];
    out.copy_from_slice(&digest[..TAG_BYTES]);
    out
}

fn issue_token(offset: usize, filters: &str) -> String {
    let mut bytes = (offset as u32).to_be_bytes().to_vec();
    bytes.extend_from_slice(&tag(offset, filters));
    URL_SAFE_NO_PAD.encode(bytes)
}

fn open_token(token: &str, filters: &str) -> ApiResult<usize> {
    let bad = || {
        ApiError::Store(baocao_store::StoreError::InvalidPageToken {
            reason: "altered, or issued for a request with other filters".into(),
        })
    };
    let bytes = URL_SAFE_NO_PAD.decode(token).map_err(|_| bad())?;
    if bytes.len() != 4 + TAG_BYTES {
        return Err(bad());
    }
    let offset = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize;
    if bytes[4..] != tag(offset, filters) || offset > catalog::catalog().len() {
        return Err(bad());
    }
    Ok(offset)
}

#[tonic::async_trait]
impl<S: Store + Clone + 'static> IndicatorService for Api<S> {
    async fn list_indicators(
        &self,
        request: Request<pb::ListIndicatorsRequest>,
    ) -> Result<Response<pb::ListIndicatorsResponse>, Status> {
        reply(Api::list_indicators(self, request.into_inner()).await)
    }

    async fn list_observations(
        &self,
        request: Request<pb::ListObservationsRequest>,
    ) -> Result<Response<pb::ListObservationsResponse>, Status> {
        reply(Api::list_observations(self, request.into_inner()).await)
    }

    async fn get_series(
        &self,
        request: Request<pb::GetSeriesRequest>,
    ) -> Result<Response<pb::GetSeriesResponse>, Status> {
        reply(Api::get_series(self, request.into_inner()).await)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_tokens_round_trip_and_refuse_changes() {
        let t = issue_token(50, "industry\u{0}");
        assert_eq!(open_token(&t, "industry\u{0}").unwrap(), 50);
        assert!(open_token(&t, "trade\u{0}").is_err());
        let mut altered = t.clone().into_bytes();
        altered[2] = if altered[2] == b'A' { b'B' } else { b'A' };
        assert!(open_token(std::str::from_utf8(&altered).unwrap(), "industry\u{0}").is_err());
        assert!(open_token("garbage!", "").is_err());
        assert!(open_token("", "").is_err());
    }
}
