//! ReportService: reports, uploads' outcomes, search, and the watch stream.

use std::collections::{HashSet, VecDeque};
use std::time::Duration;

use baocao_domain::Report;
use baocao_domain::text::match_key;
use baocao_proto::pb;
use baocao_proto::pb::report_service_server::ReportService;
use baocao_store::{ReportFilter, ReportView, SearchQuery, Store, StoreError};
use tokio::sync::{broadcast, mpsc};
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status};

use super::{Api, reply};
use crate::error::{ApiError, ApiResult};
use crate::events::Event;
use crate::request::{optional, period, report_view, required};

/// How long a WatchReports call waits for the event consumer to connect.
const WATCH_CONNECT_WAIT: Duration = Duration::from_secs(3);

impl<S: Store + Clone + 'static> Api<S> {
    async fn get_report(&self, r: pb::GetReportRequest) -> ApiResult<pb::GetReportResponse> {
        let pb::GetReportRequest { id, view } = r;
        let id = required("id", id)?;
        let view = report_view(view)?;
        let report = self.store.get_report(&id, view).await?;
        Ok(pb::GetReportResponse {
            report: Some(report.into()),
        })
    }

    async fn list_reports(&self, r: pb::ListReportsRequest) -> ApiResult<pb::ListReportsResponse> {
        let pb::ListReportsRequest {
            page_size,
            page_token,
            issuer,
            department,
            period_start,
            period_end,
            view,
        } = r;
        let page = self.paging.page(page_size, page_token)?;
        let filter = ReportFilter {
            issuer: optional(issuer),
            department: optional(department),
            period: period(&period_start, &period_end)?,
            include_superseded: false,
        };
        let view = report_view(view)?;
        let page = self.store.list_reports(&filter, view, &page).await?;
        Ok(pb::ListReportsResponse {
            reports: page.items.into_iter().map(Into::into).collect(),
            next_page_token: page.next_token.unwrap_or_default(),
        })
    }

    async fn get_ingestion(
        &self,
        r: pb::GetIngestionRequest,
    ) -> ApiResult<pb::GetIngestionResponse> {
        let pb::GetIngestionRequest { message_id } = r;
        let message_id = required("message_id", message_id)?;
        let ingestion = self.store.ingestion(&message_id).await?;
        Ok(pb::GetIngestionResponse {
            ingestion: Some(ingestion.into()),
        })
    }

    async fn search_reports(
        &self,
        r: pb::SearchReportsRequest,
    ) -> ApiResult<pb::SearchReportsResponse> {
        let pb::SearchReportsRequest {
            query,
            page_size,
            page_token,
            issuer,
            department,
            period_start,
            period_end,
        } = r;
        let query = SearchQuery {
            query: required("query", query)?,
            issuer: optional(issuer),
            department: optional(department),
            period: period(&period_start, &period_end)?,
        };
        let page = self.paging.page(page_size, page_token)?;
        let page = self.store.search(&query, &page).await?;
        Ok(pb::SearchReportsResponse {
            hits: page
                .items
                .into_iter()
                .map(crate::convert::search_hit)
                .collect(),
            next_page_token: page.next_token.unwrap_or_default(),
        })
    }

    async fn watch_reports(
        &self,
        r: pb::WatchReportsRequest,
    ) -> ApiResult<ReceiverStream<WatchItem>> {
        let pb::WatchReportsRequest {
            issuer,
            department,
            view,
        } = r;
        let watch = Watch {
            issuer: optional(issuer).map(|i| match_key(&i)),
            department: optional(department),
            view: report_view(view)?,
        };
        let Some(events) = &self.events else {
            return Err(ApiError::FailedPrecondition(
                "watching is off on this server: amqp.url is not set".into(),
            ));
        };
        let events = events.subscribe(WATCH_CONNECT_WAIT).await?;
        let (tx, rx) = mpsc::channel(16);
        tokio::spawn(self.clone().stream(watch, events, tx));
        Ok(ReceiverStream::new(rx))
    }

    /// Feeds one watch stream until the client goes, the server shuts
    /// down, or the events are lost.
    async fn stream(
        self,
        watch: Watch,
        mut events: broadcast::Receiver<Event>,
        tx: mpsc::Sender<WatchItem>,
    ) {
        self.metrics.watchers.inc();
        let _open = scopeguard(|| {
            self.metrics.watchers.dec();
        });
        // The worker publishes at least once (a redelivered message is
        // announced again): each report goes out once per stream.
        let mut sent = Recent::default();
        loop {
            let event = tokio::select! {
                _ = tx.closed() => return,
                _ = self.shutdown.cancelled() => {
                    let _ = tx.send(Err(Status::unavailable(
                        "the server is shutting down; call again",
                    ))).await;
                    return;
                }
                event = events.recv() => event,
            };
            let end = match event {
                Ok(Event::Stored { report_id }) if sent.contains(&report_id) => None,
                Ok(Event::Stored { report_id }) => {
                    sent.insert(report_id.clone());
                    match self.store.get_report(&report_id, watch.view).await {
                        Ok(report) if watch.matches(&report) => {
                            let item = pb::WatchReportsResponse {
                                report: Some(report.into()),
                            };
                            if tx.send(Ok(item)).await.is_err() {
                                return;
                            }
                            None
                        }
                        Ok(_) => None,
                        Err(StoreError::ReportNotFound { id }) => {
                            tracing::warn!(report_id = %id, "watch: an event names a report the store does not have");
                            None
                        }
                        Err(e) => Some(Status::from(ApiError::from(e))),
                    }
                }
                Ok(Event::Lost) | Err(broadcast::error::RecvError::Closed) => {
                    Some(Status::unavailable(
                        "lost the connection to the broker's report events; call again, and catch up \
                     with ListReports",
                    ))
                }
                Err(broadcast::error::RecvError::Lagged(n)) => {
                    Some(Status::resource_exhausted(format!(
                        "the stream fell {n} reports behind; call again, and catch up with ListReports"
                    )))
                }
            };
            if let Some(status) = end {
                let _ = tx.send(Err(status)).await;
                return;
            }
        }
    }
}

type WatchItem = Result<pb::WatchReportsResponse, Status>;

/// What one WatchReports call asked for.
#[derive(Debug, Clone)]
struct Watch {
    /// The issuer's match key (case and tone placement folded).
    issuer: Option<String>,
    department: Option<String>,
    view: ReportView,
}

impl Watch {
    fn matches(&self, report: &Report) -> bool {
        let issuer_ok = self
            .issuer
            .as_ref()
            .is_none_or(|key| match_key(&report.metadata.issuer) == *key);
        let department_ok = self
            .department
            .as_ref()
            .is_none_or(|d| report.source.as_ref().is_some_and(|s| s.department == *d));
        issuer_ok && department_ok
    }
}

/// The report ids a stream sent lately.
#[derive(Debug, Default)]
struct Recent {
    order: VecDeque<String>,
    ids: HashSet<String>,
}

impl Recent {
    const CAPACITY: usize = 4096;

    fn contains(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    fn insert(&mut self, id: String) {
        if self.order.len() == Self::CAPACITY
            && let Some(old) = self.order.pop_front()
        {
            self.ids.remove(&old);
        }
        self.ids.insert(id.clone());
        self.order.push_back(id);
    }
}

/// Runs `f` when dropped.
fn scopeguard<F: FnOnce()>(f: F) -> impl Drop {
    struct Guard<F: FnOnce()>(Option<F>);
    impl<F: FnOnce()> Drop for Guard<F> {
        fn drop(&mut self) {
            if let Some(f) = self.0.take() {
                f();
            }
        }
    }
    Guard(Some(f))
}

#[tonic::async_trait]
impl<S: Store + Clone + 'static> ReportService for Api<S> {
    async fn get_report(
        &self,
        request: Request<pb::GetReportRequest>,
    ) -> Result<Response<pb::GetReportResponse>, Status> {
        reply(Api::get_report(self, request.into_inner()).await)
    }

    async fn list_reports(
        &self,
        request: Request<pb::ListReportsRequest>,
    ) -> Result<Response<pb::ListReportsResponse>, Status> {
        reply(Api::list_reports(self, request.into_inner()).await)
    }

    async fn get_ingestion(
        &self,
        request: Request<pb::GetIngestionRequest>,
    ) -> Result<Response<pb::GetIngestionResponse>, Status> {
        reply(Api::get_ingestion(self, request.into_inner()).await)
    }

    async fn search_reports(
        &self,
        request: Request<pb::SearchReportsRequest>,
    ) -> Result<Response<pb::SearchReportsResponse>, Status> {
        reply(Api::search_reports(self, request.into_inner()).await)
    }

    type WatchReportsStream = ReceiverStream<WatchItem>;

    async fn watch_reports(
        &self,
        request: Request<pb::WatchReportsRequest>,
    ) -> Result<Response<Self::WatchReportsStream>, Status> {
        reply(Api::watch_reports(self, request.into_inner()).await)
    }
}
