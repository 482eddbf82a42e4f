//! Reports, their source and their metadata.

use baocao_domain as domain;

use super::period::optional_period;
use super::{
    ConversionError, datetime_from_timestamp, into_vec, optional_date, optional_date_to_string,
    timestamp_from_datetime, try_vec,
};
use crate::pb;

impl From<domain::Source> for pb::Source {
    fn from(value: domain::Source) -> Self {
        let domain::Source {
            department,
            filename,
            content_type,
            message_id,
            content_sha256,
            received_at,
        } = value;
        Self {
            department,
            filename,
            content_type,
            message_id,
            content_sha256,
            received_at: received_at.map(timestamp_from_datetime),
        }
    }
}

impl TryFrom<pb::Source> for domain::Source {
    type Error = ConversionError;

    fn try_from(value: pb::Source) -> Result<Self, Self::Error> {
        let pb::Source {
            department,
            filename,
            content_type,
            message_id,
            content_sha256,
            received_at,
        } = value;
        Ok(Self {
            department,
            filename,
            content_type,
            message_id,
            content_sha256,
            received_at: received_at
                .map(|t| datetime_from_timestamp("Source.received_at", t))
                .transpose()?,
        })
    }
}

impl From<domain::Signer> for pb::Signer {
    fn from(value: domain::Signer) -> Self {
        let domain::Signer {
            name,
            position,
            signing_for,
            on_behalf_of,
        } = value;
        Self {
            name,
            position,
            signing_for,
            on_behalf_of,
        }
    }
}

impl From<pb::Signer> for domain::Signer {
    fn from(value: pb::Signer) -> Self {
        let pb::Signer {
            name,
            position,
            signing_for,
            on_behalf_of,
        } = value;
        Self {
            name,
            position,
            signing_for,
            on_behalf_of,
        }
    }
}

impl From<domain::Metadata> for pb::Metadata {
    fn from(value: domain::Metadata) -> Self {
        let domain::Metadata {
            issuer,
            province,
            title,
            document_number,
            issued_on,
            reporting_period,
            planning_period,
            signer,
            recipients,
        } = value;
        Self {
            issuer,
            province,
            title,
            document_number,
            issued_on: optional_date_to_string(issued_on),
            reporting_period: reporting_period.map(Into::into),
            planning_period: planning_period.map(Into::into),
            signer: signer.map(Into::into),
            recipients,
        }
    }
}

impl TryFrom<pb::Metadata> for domain::Metadata {
    type Error = ConversionError;

    fn try_from(value: pb::Metadata) -> Result<Self, Self::Error> {
        let pb::Metadata {
            issuer,
            province,
            title,
            document_number,
            issued_on,
            reporting_period,
            planning_period,
            signer,
            recipients,
        } = value;
        Ok(Self {
            issuer,
            province,
            title,
            document_number,
            issued_on: optional_date("Metadata.issued_on", issued_on)?,
            reporting_period: optional_period(reporting_period)?,
            planning_period: optional_period(planning_period)?,
            signer: signer.map(Into::into),
            recipients,
        })
    }
}

impl From<domain::Report> for pb::Report {
    fn from(value: domain::Report) -> Self {
        let domain::Report {
            id,
            source,
            metadata,
            sections,
            footnotes,
            observations,
            tasks,
            document_references,
            quality_issues,
            parser_version,
            normalized_text,
        } = value;
        Self {
            id,
            source: source.map(Into::into),
            metadata: Some(metadata.into()),
            sections: into_vec(sections),
            footnotes: into_vec(footnotes),
            observations: into_vec(observations),
            tasks: into_vec(tasks),
            document_references: into_vec(document_references),
            quality_issues: into_vec(quality_issues),
            parser_version,
            normalized_text,
        }
    }
}

impl TryFrom<pb::Report> for domain::Report {
    type Error = ConversionError;

    fn try_from(value: pb::Report) -> Result<Self, Self::Error> {
        let pb::Report {
            id,
            source,
            metadata,
            sections,
            footnotes,
            observations,
            tasks,
            document_references,
            quality_issues,
            parser_version,
            normalized_text,
        } = value;
        Ok(Self {
            id,
            source: source.map(TryInto::try_into).transpose()?,
            metadata: metadata
                .map(TryInto::try_into)
                .transpose()?
                .unwrap_or_default(),
            sections: try_vec(sections)?,
            footnotes: try_vec(footnotes)?,
            observations: try_vec(observations)?,
            tasks: try_vec(tasks)?,
            document_references: try_vec(document_references)?,
            quality_issues: try_vec(quality_issues)?,
            parser_version,
            normalized_text,
        })
    }
}
