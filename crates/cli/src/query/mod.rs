//! `baocao query`: ask the gRPC API (`baocao-query`) and print tables, or
//! the responses as proto3 JSON with `--json`.
//!
//! - `report ID [--full]`
//! - `series INDICATOR --issuer ISSUER [--breakdown B] [--kind K] [--from D] [--to D] [--basic]`
//! - `observations [--indicator CODE]... [--issuer I] [--status S]... [--from D] [--to D] [--basic]`
//! - `tasks [--issuer I] [--topic T] [--text WORDS] [--document NUMBER] [--document-type TYPE] [--from D] [--to D]`
//! - `search WORDS [--issuer I] [--department D] [--from D] [--to D]`
//!
//! Lists page through the API until `--limit` items (default 50, 0 for
//! all). `--addr` (or `BAOCAO_ADDR`) names the server, `--token` (or
//! `BAOCAO_TOKEN`) the bearer token; `https://` addresses use TLS, with
//! `--ca-cert` for a private certificate authority.

mod render;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, bail};
use baocao_proto::json::message_to_json;
use baocao_proto::pb;
use clap::{Args, Subcommand, ValueEnum};
use tonic::codec::CompressionEncoding;
use tonic::metadata::{Ascii, MetadataValue};
use tonic::service::Interceptor;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Endpoint};
use tonic_types::StatusExt;

#[derive(Debug, Args)]
pub struct QueryArgs {
    #[command(flatten)]
    pub connection: Connection,
    #[command(subcommand)]
    pub command: QueryCommand,
}

/// Where the API is and how to call it.
#[derive(Debug, Args)]
pub struct Connection {
    /// The API's address: http://host:port, or https://host:port for TLS.
    #[arg(
        long,
        env = "BAOCAO_ADDR",
        default_value = "http://127.0.0.1:50051",
        global = true
    )]
    pub addr: String,
    /// A bearer token of a client with the read scope.
    #[arg(long, env = "BAOCAO_TOKEN", hide_env_values = true, global = true)]
    pub token: Option<String>,
    /// A PEM certificate of the authority that signed the server's (https only).
    #[arg(long, value_name = "PEM", global = true)]
    pub ca_cert: Option<PathBuf>,
    /// Seconds to wait for each call.
    #[arg(long, default_value_t = 30, global = true)]
    pub timeout: u64,
    /// Print the responses as proto3 JSON instead of tables.
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum QueryCommand {
    /// One report by id.
    Report(ReportArgs),
    /// One indicator of one issuer over time, with revisions.
    Series(SeriesArgs),
    /// Stored figures, newest reporting period first.
    Observations(ObservationsArgs),
    /// Tasks reports set for their coming periods.
    Tasks(TasksArgs),
    /// Full-text search, ignoring case and diacritics.
    Search(SearchArgs),
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    pub id: String,
    /// The whole report (sections, observations, tasks), not only its metadata.
    #[arg(long)]
    pub full: bool,
}

#[derive(Debug, Args)]
pub struct SeriesArgs {
    /// The indicator's catalog code, e.g. "iip".
    pub indicator: String,
    /// The reports' issuer, e.g. "UBND tỉnh Bắc Giang".
    #[arg(long)]
    pub issuer: String,
    /// The sub-category as written; the indicator as a whole by default.
    #[arg(long, default_value = "")]
    pub breakdown: String,
    /// Only periods of this kind.
    #[arg(long, value_enum)]
    pub kind: Option<Kind>,
    #[command(flatten)]
    pub period: PeriodArgs,
    #[command(flatten)]
    pub view: ViewArgs,
}

/// How much of each observation to ask for.
#[derive(Debug, Args)]
pub struct ViewArgs {
    /// With --json: leave out the source sentences (OBSERVATION_VIEW_BASIC);
    /// the report id and the figure's span still locate each figure. The
    /// table never shows them, so it always asks for the basic view.
    #[arg(long)]
    pub basic: bool,
}

impl ViewArgs {
    fn proto(&self, json: bool) -> i32 {
        if self.basic || !json {
            pb::ObservationView::Basic as i32
        } else {
            pb::ObservationView::Full as i32
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Kind {
    Month,
    YearToDate,
    Quarter,
    HalfYear,
    Year,
    AsOfDate,
    DateRange,
}

impl Kind {
    fn proto(self) -> pb::PeriodKind {
        match self {
            Kind::Month => pb::PeriodKind::Month,
            Kind::YearToDate => pb::PeriodKind::YearToDate,
            Kind::Quarter => pb::PeriodKind::Quarter,
            Kind::HalfYear => pb::PeriodKind::HalfYear,
            Kind::Year => pb::PeriodKind::Year,
            Kind::AsOfDate => pb::PeriodKind::AsOfDate,
            Kind::DateRange => pb::PeriodKind::DateRange,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Status {
    Actual,
    Estimate,
    Forecast,
}

impl Status {
    fn proto(self) -> pb::ObservationStatus {
        match self {
            Status::Actual => pb::ObservationStatus::Actual,
            Status::Estimate => pb::ObservationStatus::Estimate,
            Status::Forecast => pb::ObservationStatus::Forecast,
        }
    }
}

/// A period range, as ISO dates.
#[derive(Debug, Args)]
pub struct PeriodArgs {
    /// Only periods ending on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", default_value = "")]
    pub from: String,
    /// Only periods starting on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", default_value = "")]
    pub to: String,
}

/// How many items a list prints.
#[derive(Debug, Args)]
pub struct LimitArgs {
    /// The most items to print; 0 for all.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
}

#[derive(Debug, Args)]
pub struct ObservationsArgs {
    /// Catalog codes; repeat for several.
    #[arg(long = "indicator", value_name = "CODE")]
    pub indicators: Vec<String>,
    #[arg(long, default_value = "")]
    pub issuer: String,
    /// Repeat for several.
    #[arg(long = "status", value_enum)]
    pub statuses: Vec<Status>,
    #[command(flatten)]
    pub period: PeriodArgs,
    #[command(flatten)]
    pub view: ViewArgs,
    #[command(flatten)]
    pub limit: LimitArgs,
}

#[derive(Debug, Args)]
pub struct TasksArgs {
    #[arg(long, default_value = "")]
    pub issuer: String,
    /// A topic code, e.g. "industry".
    #[arg(long, default_value = "")]
    pub topic: String,
    /// Words the task must contain, with or without diacritics.
    #[arg(long, default_value = "")]
    pub text: String,
    /// The official number of a document the task cites, e.g. "02/KH-UBND".
    #[arg(long, value_name = "NUMBER", default_value = "")]
    pub document: String,
    /// The type of a document the task cites, e.g. "CT" or "LUAT"; with
    /// --document, the same document has both ("Chỉ thị số 11", not
    /// "Nghị quyết số 11").
    #[arg(long, value_name = "TYPE", default_value = "")]
    pub document_type: String,
    #[command(flatten)]
    pub period: PeriodArgs,
    #[command(flatten)]
    pub limit: LimitArgs,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The words to find, with or without diacritics.
    pub query: String,
    #[arg(long, default_value = "")]
    pub issuer: String,
    #[arg(long, default_value = "")]
    pub department: String,
    #[command(flatten)]
    pub period: PeriodArgs,
    #[command(flatten)]
    pub limit: LimitArgs,
}

/// Adds the bearer token to every call.
#[derive(Clone)]
struct Bearer(Option<MetadataValue<Ascii>>);

impl Interceptor for Bearer {
    fn call(
        &mut self,
        mut request: tonic::Request<()>,
    ) -> Result<tonic::Request<()>, tonic::Status> {
        if let Some(v) = &self.0 {
            request.metadata_mut().insert("authorization", v.clone());
        }
        Ok(request)
    }
}

type Authed = InterceptedService<Channel, Bearer>;

struct Api {
    channel: Channel,
    bearer: Bearer,
    timeout: Duration,
}

impl Api {
    async fn connect(c: &Connection) -> anyhow::Result<Self> {
        let mut endpoint = Endpoint::from_shared(c.addr.clone())
            .with_context(|| {
                format!(
                    "--addr: expected http://host:port or https://host:port, found {:?}",
                    c.addr
                )
            })?
            .connect_timeout(Duration::from_secs(10));
        if c.addr.starts_with("https://") {
            let mut tls = ClientTlsConfig::new().with_webpki_roots();
            if let Some(path) = &c.ca_cert {
                let pem = std::fs::read(path)
                    .with_context(|| format!("--ca-cert: reading {}", path.display()))?;
                tls = tls.ca_certificate(Certificate::from_pem(pem));
            }
            endpoint = endpoint.tls_config(tls).context("--addr: TLS set-up")?;
        }
        let channel = endpoint
            .connect()
            .await
            .with_context(|| format!("cannot reach the API at {}", c.addr))?;
        let bearer = match &c.token {
            Some(t) => Bearer(Some(
                format!("Bearer {t}")
                    .parse()
                    .context("--token: not a valid header value")?,
            )),
            None => Bearer(None),
        };
        Ok(Self {
            channel,
            bearer,
            timeout: Duration::from_secs(c.timeout),
        })
    }

    fn request<T>(&self, message: T) -> tonic::Request<T> {
        let mut r = tonic::Request::new(message);
        r.set_timeout(self.timeout);
        r
    }

    // Answers come zstd-compressed (a series or a full report is mostly
    // text); the server sends uncompressed answers to clients that do not
    // ask, so this is only a saving on the wire.
    fn reports(&self) -> pb::report_service_client::ReportServiceClient<Authed> {
        pb::report_service_client::ReportServiceClient::with_interceptor(
            self.channel.clone(),
            self.bearer.clone(),
        )
        .max_decoding_message_size(256 << 20)
        .accept_compressed(CompressionEncoding::Zstd)
    }

    fn indicators(&self) -> pb::indicator_service_client::IndicatorServiceClient<Authed> {
        pb::indicator_service_client::IndicatorServiceClient::with_interceptor(
            self.channel.clone(),
            self.bearer.clone(),
        )
        .max_decoding_message_size(256 << 20)
        .accept_compressed(CompressionEncoding::Zstd)
    }

    fn tasks(&self) -> pb::task_service_client::TaskServiceClient<Authed> {
        pb::task_service_client::TaskServiceClient::with_interceptor(
            self.channel.clone(),
            self.bearer.clone(),
        )
        .max_decoding_message_size(256 << 20)
        .accept_compressed(CompressionEncoding::Zstd)
    }
}

/// A failed call as one line a person can act on: the code, the message,
/// and the fields a BadRequest detail names.
fn call_failed(what: &str, status: tonic::Status) -> anyhow::Error {
    let mut line = format!("{what}: {:?}: {}", status.code(), status.message());
    let details = status.get_error_details();
    if let Some(bad) = details.bad_request() {
        for v in &bad.field_violations {
            if !status.message().contains(&v.description) {
                line.push_str(&format!("; {}: {}", v.field, v.description));
            }
        }
    }
    anyhow::anyhow!(line)
}

/// The page size to ask for, given how many items are still wanted.
fn page_size(remaining: Option<usize>) -> i32 {
    remaining.map_or(500, |r| r.clamp(1, 500) as i32)
}

pub fn run(args: &QueryArgs) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(run_async(args))
}

async fn run_async(args: &QueryArgs) -> anyhow::Result<ExitCode> {
    let c = &args.connection;
    let api = Api::connect(c).await?;
    let out = match &args.command {
        QueryCommand::Report(a) => report(&api, a, c.json).await?,
        QueryCommand::Series(a) => series(&api, a, c.json).await?,
        QueryCommand::Observations(a) => observations(&api, a, c.json).await?,
        QueryCommand::Tasks(a) => tasks(&api, a, c.json).await?,
        QueryCommand::Search(a) => search(&api, a, c.json).await?,
    };
    print!("{out}");
    if !out.ends_with('\n') {
        println!();
    }
    Ok(ExitCode::SUCCESS)
}

async fn report(api: &Api, a: &ReportArgs, json: bool) -> anyhow::Result<String> {
    let view = if a.full {
        pb::ReportView::Full
    } else {
        pb::ReportView::Basic
    };
    let r = api
        .reports()
        .get_report(api.request(pb::GetReportRequest {
            id: a.id.clone(),
            view: view as i32,
        }))
        .await
        .map_err(|s| call_failed("GetReport", s))?
        .into_inner();
    let Some(report) = r.report else {
        bail!("GetReport: the server answered without a report");
    };
    Ok(if json {
        message_to_json(&report)
    } else {
        render::report(&report)
    })
}

async fn series(api: &Api, a: &SeriesArgs, json: bool) -> anyhow::Result<String> {
    let r = api
        .indicators()
        .get_series(api.request(pb::GetSeriesRequest {
            indicator: a.indicator.clone(),
            issuer: a.issuer.clone(),
            breakdown: a.breakdown.clone(),
            period_kind: a.kind.map_or(pb::PeriodKind::Unspecified, Kind::proto) as i32,
            period_start: a.period.from.clone(),
            period_end: a.period.to.clone(),
            view: a.view.proto(json),
        }))
        .await
        .map_err(|s| call_failed("GetSeries", s))?
        .into_inner();
    Ok(if json {
        message_to_json(&r)
    } else {
        render::series(&r)
    })
}

/// Pages through a listing until `limit` items (0: all): the items and
/// whether more remain.
macro_rules! collect {
    ($api:expr, $client:ident, $method:ident, $name:literal, $req:expr, $items:ident, $limit:expr) => {{
        let limit = if $limit == 0 { None } else { Some($limit) };
        let mut req = $req;
        let mut items = Vec::new();
        let mut client = $api.$client();
        let more = loop {
            req.page_size = page_size(limit.map(|l: usize| l - items.len()));
            let resp = client
                .$method($api.request(req.clone()))
                .await
                .map_err(|s| call_failed($name, s))?
                .into_inner();
            items.extend(resp.$items);
            if let Some(l) = limit {
                if items.len() >= l {
                    let over = items.len() > l;
                    items.truncate(l);
                    break over || !resp.next_page_token.is_empty();
                }
            }
            if resp.next_page_token.is_empty() {
                break false;
            }
            req.page_token = resp.next_page_token;
        };
        (items, more)
    }};
}

async fn observations(api: &Api, a: &ObservationsArgs, json: bool) -> anyhow::Result<String> {
    let req = pb::ListObservationsRequest {
        page_size: 0,
        page_token: String::new(),
        indicators: a.indicators.clone(),
        issuer: a.issuer.clone(),
        period_start: a.period.from.clone(),
        period_end: a.period.to.clone(),
        statuses: a.statuses.iter().map(|s| s.proto() as i32).collect(),
        view: a.view.proto(json),
    };
    let (items, more) = collect!(
        api,
        indicators,
        list_observations,
        "ListObservations",
        req,
        observations,
        a.limit.limit
    );
    Ok(if json {
        message_to_json(&pb::ListObservationsResponse {
            observations: items,
            next_page_token: String::new(),
        })
    } else {
        render::observations(&items, more)
    })
}

async fn tasks(api: &Api, a: &TasksArgs, json: bool) -> anyhow::Result<String> {
    let req = pb::ListTasksRequest {
        page_size: 0,
        page_token: String::new(),
        issuer: a.issuer.clone(),
        period_start: a.period.from.clone(),
        period_end: a.period.to.clone(),
        topic: a.topic.clone(),
        text: a.text.clone(),
        document_number: a.document.clone(),
        document_type: a.document_type.clone(),
    };
    let (items, more) = collect!(
        api,
        tasks,
        list_tasks,
        "ListTasks",
        req,
        tasks,
        a.limit.limit
    );
    Ok(if json {
        message_to_json(&pb::ListTasksResponse {
            tasks: items,
            next_page_token: String::new(),
        })
    } else {
        render::tasks(&items, more)
    })
}

async fn search(api: &Api, a: &SearchArgs, json: bool) -> anyhow::Result<String> {
    let req = pb::SearchReportsRequest {
        query: a.query.clone(),
        page_size: 0,
        page_token: String::new(),
        issuer: a.issuer.clone(),
        department: a.department.clone(),
        period_start: a.period.from.clone(),
        period_end: a.period.to.clone(),
    };
    let (items, more) = collect!(
        api,
        reports,
        search_reports,
        "SearchReports",
        req,
        hits,
        a.limit.limit
    );
    Ok(if json {
        message_to_json(&pb::SearchReportsResponse {
            hits: items,
            next_page_token: String::new(),
        })
    } else {
        render::hits(&items, more)
    })
}
