//! Bearer-token authentication and scopes, as a tower layer in front of
//! every service.
//!
//! Operators configure clients (`auth.clients`) with the lowercase hex
//! SHA-256 of their token and their scopes; the token itself is never
//! stored. A request's token is hashed and compared with every client's
//! hash in constant time. The path decides the scope: `grpc.health.v1` is
//! open (load balancers probe it), `baocao.v1.UploadService` needs
//! `submit`, everything else (the read services, reflection) `read`.
//! Failures are logged with the method and the reason, never the token.
//!
//! This is a layer rather than a tonic interceptor because the scope
//! depends on the path, which interceptors do not see.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use tonic::Status;
use tower::{Layer, Service};

/// What a client may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Read,
    Submit,
}

impl Scope {
    fn name(self) -> &'static str {
        match self {
            Scope::Read => "read",
            Scope::Submit => "submit",
        }
    }
}

/// The client a request authenticated as; handlers find it in the
/// request's extensions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub name: String,
}

#[derive(Clone)]
struct Client {
    name: String,
    token_sha256: [u8; 32],
    read: bool,
    submit: bool,
}

/// The configured clients.
#[derive(Clone, Default)]
pub struct Clients {
    clients: Arc<Vec<Client>>,
}

impl std::fmt::Debug for Clients {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.clients.iter().map(|c| &c.name))
            .finish()
    }
}

/// The lowercase hex SHA-256 of a token, as `auth.clients[].token_sha256`
/// wants it.
pub fn token_sha256_hex(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn decode_hex(hex: &str) -> Option<[u8; 32]> {
    let bytes = hex.as_bytes();
    if bytes.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, pair) in bytes.chunks(2).enumerate() {
        let s = std::str::from_utf8(pair).ok()?;
        out[i] = u8::from_str_radix(s, 16).ok()?;
    }
    Some(out)
}

impl Clients {
    /// The clients of the settings (already validated: 64 hex digits,
    /// known scopes).
    pub fn new(settings: &[baocao_config::Client]) -> Result<Self, String> {
        let clients = settings
            .iter()
            .map(|c| {
                let token_sha256 = decode_hex(&c.token_sha256).ok_or_else(|| {
                    format!(
                        "auth.clients: client {:?}: token_sha256 must be 64 hex digits",
                        c.name
                    )
                })?;
                Ok(Client {
                    name: c.name.clone(),
                    token_sha256,
                    read: c.scopes.iter().any(|s| s == "read"),
                    submit: c.scopes.iter().any(|s| s == "submit"),
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Self {
            clients: Arc::new(clients),
        })
    }

    /// The client whose token this is. Every configured hash is compared,
    /// in constant time, whatever matches.
    fn find(&self, token: &str) -> Option<&Client> {
        let digest: [u8; 32] = Sha256::digest(token.as_bytes()).into();
        let mut found = None;
        for c in self.clients.iter() {
            if bool::from(c.token_sha256.ct_eq(&digest)) {
                found = Some(c);
            }
        }
        found
    }

    /// Checks a request's `authorization` header for a path.
    fn check(&self, path: &str, authorization: Option<&[u8]>) -> Result<Option<Caller>, Status> {
        let Some(scope) = required_scope(path) else {
            return Ok(None);
        };
        let Some(value) = authorization else {
            tracing::warn!(method = path, "refused: no authorization metadata");
            return Err(Status::unauthenticated(
                "missing authorization metadata; send \"authorization: Bearer TOKEN\"",
            ));
        };
        let token = std::str::from_utf8(value)
            .ok()
            .and_then(|v| {
                let (scheme, token) = v.trim().split_once(' ')?;
                scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
            })
            .filter(|t| !t.is_empty());
        let Some(token) = token else {
            tracing::warn!(
                method = path,
                "refused: authorization is not a bearer token"
            );
            return Err(Status::unauthenticated(
                "authorization metadata must be \"Bearer TOKEN\"",
            ));
        };
        let Some(client) = self.find(token) else {
            tracing::warn!(method = path, "refused: unknown bearer token");
            return Err(Status::unauthenticated("unknown bearer token"));
        };
        let allowed = match scope {
            Scope::Read => client.read,
            Scope::Submit => client.submit,
        };
        if !allowed {
            tracing::warn!(
                method = path,
                client = %client.name,
                scope = scope.name(),
                "refused: scope missing"
            );
            return Err(Status::permission_denied(format!(
                "client {:?} lacks the {} scope this method needs",
                client.name,
                scope.name()
            )));
        }
        tracing::Span::current().record("client", client.name.as_str());
        Ok(Some(Caller {
            name: client.name.clone(),
        }))
    }
}

/// The scope a gRPC path needs; `None` for the open health service.
pub fn required_scope(path: &str) -> Option<Scope> {
    if path.starts_with("/grpc.health.v1.Health/") {
        None
    } else if path.starts_with("/baocao.v1.UploadService/") {
        Some(Scope::Submit)
    } else {
        Some(Scope::Read)
    }
}

/// Refuses requests without a token of a client holding the path's scope.
#[derive(Debug, Clone)]
pub struct AuthLayer {
    clients: Clients,
}

impl AuthLayer {
    pub fn new(clients: Clients) -> Self {
        Self { clients }
    }
}

impl<S> Layer<S> for AuthLayer {
    type Service = Auth<S>;

    fn layer(&self, inner: S) -> Self::Service {
        Auth {
            inner,
            clients: self.clients.clone(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Auth<S> {
    inner: S,
    clients: Clients,
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

impl<S, B, R> Service<http::Request<B>> for Auth<S>
where
    S: Service<http::Request<B>, Response = http::Response<R>>,
    S::Future: Send + 'static,
    R: Default + Send + 'static,
    S::Error: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = BoxFuture<Result<Self::Response, Self::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: http::Request<B>) -> Self::Future {
        let authorization = request
            .headers()
            .get(http::header::AUTHORIZATION)
            .map(|v| v.as_bytes());
        match self.clients.check(request.uri().path(), authorization) {
            Ok(caller) => {
                if let Some(caller) = caller {
                    request.extensions_mut().insert(caller);
                }
                Box::pin(self.inner.call(request))
            }
            Err(status) => {
                let response = status.into_http::<R>();
                Box::pin(async move { Ok(response) })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clients() -> Clients {
        let c = |name: &str, token: &str, scopes: &[&str]| baocao_config::Client {
            name: name.into(),
            token_sha256: token_sha256_hex(token),
            scopes: scopes.iter().map(|s| (*s).to_owned()).collect(),
        };
        Clients::new(&[
            c("reader", "r-token", &["read"]),
            c("uploader", "u-token", &["submit"]),
        ])
        .unwrap()
    }

    #[test]
    fn tokens_and_scopes() {
        let c = clients();
        let read = "/baocao.v1.ReportService/GetReport";
        let submit = "/baocao.v1.UploadService/SubmitReport";
        assert_eq!(
            c.check(read, Some(b"Bearer r-token"))
                .unwrap()
                .unwrap()
                .name,
            "reader"
        );
        assert_eq!(
            c.check(read, Some(b"bearer   r-token "))
                .unwrap()
                .unwrap()
                .name,
            "reader"
        );
        let code = |r: Result<Option<Caller>, Status>| r.unwrap_err().code();
        assert_eq!(code(c.check(read, None)), tonic::Code::Unauthenticated);
        assert_eq!(
            code(c.check(read, Some(b"r-token"))),
            tonic::Code::Unauthenticated
        );
        assert_eq!(
            code(c.check(read, Some(b"Basic r-token"))),
            tonic::Code::Unauthenticated
        );
        assert_eq!(
            code(c.check(read, Some(b"Bearer nope"))),
            tonic::Code::Unauthenticated
        );
        assert_eq!(
            code(c.check(read, Some(b"Bearer u-token"))),
            tonic::Code::PermissionDenied
        );
        assert_eq!(
            code(c.check(submit, Some(b"Bearer r-token"))),
            tonic::Code::PermissionDenied
        );
        assert!(c.check(submit, Some(b"Bearer u-token")).is_ok());
        assert!(
            c.check("/grpc.health.v1.Health/Check", None)
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn the_hash_is_lowercase_hex_sha256() {
        assert_eq!(
            token_sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert!(decode_hex(&"0".repeat(63)).is_none());
        assert!(decode_hex(&"zz".repeat(32)).is_none());
    }
}
