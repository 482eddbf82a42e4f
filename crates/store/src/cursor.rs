//! Page tokens: opaque to clients, signed so that an altered token, or one
//! used with other filters than the request that returned it, is refused
//! with [`StoreError::InvalidPageToken`] instead of returning a wrong page.
//!
//! A token is `base64url(position JSON) "." base64url(tag)`, where the tag
//! is the first 16 bytes of HMAC-SHA256 over the listing's name, its
//! filters and the position, keyed by a random key created by the first
//! migration and kept in the database (so every replica accepts every
//! replica's tokens).

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::NaiveDate;
use hmac::{Hmac, Mac};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::error::{Result, StoreError};

const TAG_BYTES: usize = 16;

/// A position in a listing sorted newest period first: the last item's
/// period end and start, report id, and position in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Keyset {
    pub e: NaiveDate,
    pub s: NaiveDate,
    pub r: i64,
    #[serde(default)]
    pub p: i64,
}

/// A position in a listing sorted by score: how many hits came before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Offset {
    pub o: u64,
}

#[derive(Clone)]
pub(crate) struct Tokens {
    key: Vec<u8>,
}

impl std::fmt::Debug for Tokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Tokens { key: <redacted> }")
    }
}

impl Tokens {
    pub fn new(key: impl Into<Vec<u8>>) -> Self {
        Self { key: key.into() }
    }

    fn mac(&self, listing: &str, filter: &[u8], position: &[u8]) -> Hmac<Sha256> {
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC takes keys of any length");
        mac.update(listing.as_bytes());
        mac.update(&[0]);
        mac.update(filter);
        mac.update(&[0]);
        mac.update(position);
        mac
    }

    /// A token for the page after `position` of `listing` under `filter`.
    pub fn issue<F: Serialize, P: Serialize>(
        &self,
        listing: &str,
        filter: &F,
        position: &P,
    ) -> String {
        let filter = serde_json::to_vec(filter).expect("filters serialize");
        let position = serde_json::to_vec(position).expect("positions serialize");
        let tag = self
            .mac(listing, &filter, &position)
            .finalize()
            .into_bytes();
        format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(&position),
            URL_SAFE_NO_PAD.encode(&tag[..TAG_BYTES])
        )
    }

    /// The position in a token this store issued for `listing` under
    /// `filter`.
    pub fn open<F: Serialize, P: DeserializeOwned>(
        &self,
        listing: &str,
        filter: &F,
        token: &str,
    ) -> Result<P> {
        let bad = |reason: &str| StoreError::InvalidPageToken {
            reason: reason.to_owned(),
        };
        let (position, tag) = token
            .split_once('.')
            .ok_or_else(|| bad("not a page token of this service"))?;
        let position = URL_SAFE_NO_PAD
            .decode(position)
            .map_err(|_| bad("not a page token of this service"))?;
        let tag = URL_SAFE_NO_PAD
            .decode(tag)
            .map_err(|_| bad("not a page token of this service"))?;
        let filter = serde_json::to_vec(filter).expect("filters serialize");
        if tag.len() != TAG_BYTES
            || self
                .mac(listing, &filter, &position)
                .verify_truncated_left(&tag)
                .is_err()
        {
            return Err(bad("altered, or issued for a request with other filters"));
        }
        serde_json::from_slice(&position).map_err(|_| bad("unreadable position"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos() -> Keyset {
        Keyset {
            e: NaiveDate::from_ymd_opt(2024, 5, 31).unwrap(),
            s: NaiveDate::from_ymd_opt(2024, 5, 1).unwrap(),
            r: 42,
            p: 3,
        }
    }

    #[test]
    fn round_trip() {
        let t = Tokens::new(b"k".to_vec());
        let tok = t.issue("reports", &"f", &pos());
        assert_eq!(t.open::<_, Keyset>("reports", &"f", &tok).unwrap(), pos());
    }

    #[test]
    fn altered_or_foreign_tokens_are_refused() {
        let t = Tokens::new(b"k".to_vec());
        let tok = t.issue("reports", &"f", &pos());
        let mut bytes = tok.clone().into_bytes();
        bytes[3] ^= 1;
        let altered = String::from_utf8(bytes).unwrap();
        for bad in [
            altered.as_str(),
            "",
            "abc",
            &tok[..tok.len() - 2],
            &format!("{tok}x"),
        ] {
            let e = t.open::<_, Keyset>("reports", &"f", bad).unwrap_err();
            assert!(
                matches!(e, StoreError::InvalidPageToken { .. }),
                "{bad}: {e}"
            );
        }
        assert!(t.open::<_, Keyset>("reports", &"g", &tok).is_err());
        assert!(t.open::<_, Keyset>("tasks", &"f", &tok).is_err());
        assert!(
            Tokens::new(b"other".to_vec())
                .open::<_, Keyset>("reports", &"f", &tok)
                .is_err()
        );
    }
}
