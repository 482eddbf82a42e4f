//! The domain of baocao: what a provincial socio-economic report *says*, as
//! typed data, with no I/O.
//!
//! - [`report`]: the [`Report`] and its metadata and source.
//! - [`structure`]: sections, footnotes and byte spans into the normalized text.
//! - [`period`]: reporting periods (a month, year to date, a quarter ...).
//! - [`quantity`]: numbers with their unit, scale and qualifier.
//! - [`observation`]: indicator observations, comparisons and provenance.
//! - [`task`]: tasks for the coming period.
//! - [`document`]: cited legal and administrative documents.
//! - [`quality`]: damage the parser saw or repaired.
//! - [`ingestion`]: the outcome of one upload.
//! - [`text`]: Vietnamese text folding used for matching and search.
//! - [`catalog`](mod@catalog): the indicator catalog and [`find_in`], which spots an
//!   indicator's phrases in a clause.
//!
//! Field names follow the protobuf contract in `proto/baocao/v1`; serde
//! serializes them in lowerCamelCase like the proto3 JSON mapping.

pub mod catalog;
pub mod document;
pub mod ingestion;
pub mod observation;
pub mod period;
pub mod quality;
pub mod quantity;
pub mod report;
pub mod structure;
pub mod task;
pub mod text;

pub use catalog::{Indicator, Sector, by_code, catalog, find_in};
pub use document::DocumentRef;
pub use ingestion::{Ingestion, IngestionStatus};
pub use observation::{
    Change, Comparison, ComparisonBase, Observation, ObservationStatus, Provenance,
};
pub use period::{Period, PeriodKind};
pub use quality::{QualityIssue, QualityIssueKind};
pub use quantity::{Qualifier, Quantity, UnitCode};
pub use report::{Metadata, Report, Signer, Source};
pub use structure::{Footnote, Section, Span};
pub use task::Task;
