//! A TCP proxy a test can cut: while cut, connections through it are
//! closed and new ones refused, as when a database server is down, without
//! touching the server that other tests use. It can also be muted: while
//! muted, it accepts connections and holds them without a word, as a
//! server that is still starting or is wedged does.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

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

impl Drop for Proxy {
    fn drop(&mut self) {
        self.cut();
    }
}
