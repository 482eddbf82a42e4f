//! A TCP proxy a test can cut: while cut, connections through it are
//! closed and new ones refused, as when a database server is down, without
//! touching the server that other tests use. It can also be muted: while
//! muted, it accepts connections and holds them without a word, as a
//! server that is still starting or is wedged does. Or, for AMQP, it can
//! let a connection open and then hold back the client's first
//! `channel.open`, as a broker that takes connections but no longer
//! answers does.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::{AbortHandle, JoinHandle};

pub struct Proxy {
    pub addr: SocketAddr,
    target: SocketAddr,
    state: Arc<Mutex<State>>,
}

#[derive(Default)]
struct State {
    acceptor: Option<JoinHandle<()>>,
    conns: Vec<AbortHandle>,
    muted: bool,
    stall_channels: bool,
    accepted: usize,
}

impl Proxy {
    /// A proxy on a free loopback port to `target`.
    pub async fn start(target: SocketAddr) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the proxy");
        let addr = listener.local_addr().unwrap();
        let p = Self {
            addr,
            target,
            state: Arc::new(Mutex::new(State::default())),
        };
        p.accept_on(listener);
        p
    }

    /// A proxy to the server of `url` (`scheme://[user[:password]@]host[:port]/…`).
    pub async fn in_front_of(url: &str, default_port: u16) -> Self {
        let (host, port) = host_port(url, default_port);
        let target = tokio::net::lookup_host((host.as_str(), port))
            .await
            .unwrap_or_else(|e| panic!("resolve {host}:{port}: {e}"))
            .next()
            .unwrap_or_else(|| panic!("{host}:{port} has no address"));
        Self::start(target).await
    }

    fn accept_on(&self, listener: TcpListener) {
        let state = Arc::clone(&self.state);
        let target = self.target;
        let acceptor = tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                let mut s = state.lock().unwrap();
                s.accepted += 1;
                let conn = if s.muted {
                    // Read and drop whatever comes, answer nothing, close
                    // only when the peer does.
                    tokio::spawn(async move {
                        let _ = tokio::io::copy(&mut inbound, &mut tokio::io::sink()).await;
                    })
                } else if s.stall_channels {
                    tokio::spawn(async move {
                        if let Ok(outbound) = TcpStream::connect(target).await {
                            stall_at_channel_open(inbound, outbound).await;
                        }
                    })
                } else {
                    tokio::spawn(async move {
                        if let Ok(mut outbound) = TcpStream::connect(target).await {
                            let _ =
                                tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                        }
                    })
                };
                s.conns.retain(|c| !c.is_finished());
                s.conns.push(conn.abort_handle());
            }
        });
        self.state.lock().unwrap().acceptor = Some(acceptor);
    }

    /// Accepts new connections without forwarding or answering them (or,
    /// with `false`, forwards them again). Connections already made stay
    /// as they are.
    pub fn mute(&self, muted: bool) {
        self.state.lock().unwrap().muted = muted;
    }

    /// For AMQP: new connections are forwarded until the client opens its
    /// first channel; that `channel.open` and everything after it from the
    /// client are read and dropped, so the broker never answers it.
    pub fn stall_channels(&self, stall: bool) {
        self.state.lock().unwrap().stall_channels = stall;
    }

    /// Connections accepted so far, muted or not.
    pub fn accepted(&self) -> usize {
        self.state.lock().unwrap().accepted
    }

    /// Closes every connection and stops listening: new connections are
    /// refused.
    pub fn cut(&self) {
        let mut s = self.state.lock().unwrap();
        if let Some(a) = s.acceptor.take() {
            a.abort();
        }
        for c in s.conns.drain(..) {
            c.abort();
        }
    }

    /// Listens again on the same port.
    pub async fn restore(&self) {
        let listener = loop {
            match TcpListener::bind(self.addr).await {
                Ok(l) => break l,
                // The aborted acceptor may not have dropped its socket yet.
                Err(_) => tokio::time::sleep(std::time::Duration::from_millis(20)).await,
            }
        };
        self.accept_on(listener);
    }
}

/// The host and port of a URL's authority.
pub fn host_port(url: &str, default_port: u16) -> (String, u16) {
    let after = url.split_once("://").unwrap().1;
    let authority = after.split('/').next().unwrap();
    let hostport = authority.rsplit('@').next().unwrap();
    match hostport.rsplit_once(':') {
        Some((h, p)) => (h.to_owned(), p.parse().expect("a port")),
        None => (hostport.to_owned(), default_port),
    }
}

/// Forwards the broker's bytes as they come and the client's frame by
/// frame until a `channel.open` (AMQP 0-9-1: a method frame, type 1, of
/// class 20, method 10), then reads and drops the client's bytes.
async fn stall_at_channel_open(mut client: TcpStream, mut broker: TcpStream) {
    let (mut from_client, mut to_client) = client.split();
    let (mut from_broker, mut to_broker) = broker.split();
    let downstream = tokio::io::copy(&mut from_broker, &mut to_client);
    let upstream = async {
        // The protocol header, then frames: type, channel, size, payload,
        // frame end.
        let mut header = [0u8; 8];
        from_client.read_exact(&mut header).await?;
        to_broker.write_all(&header).await?;
        loop {
            let mut head = [0u8; 7];
            from_client.read_exact(&mut head).await?;
            let size = u32::from_be_bytes([head[3], head[4], head[5], head[6]]) as usize;
            let mut rest = vec![0u8; size + 1];
            from_client.read_exact(&mut rest).await?;
            if head[0] == 1 && size >= 4 && rest[..4] == [0, 20, 0, 10] {
                break;
            }
            to_broker.write_all(&head).await?;
            to_broker.write_all(&rest).await?;
        }
        tokio::io::copy(&mut from_client, &mut tokio::io::sink()).await
    };
    let _ = tokio::join!(downstream, upstream);
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.cut();
    }
}
