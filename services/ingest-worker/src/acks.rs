//! Acknowledgements, several in one `basic.ack` where that is safe.
//!
//! At the pipeline's rate a quorum queue settles each `basic.ack` as a
//! command of its own (a log entry, a write): acked one by one, the
//! deliveries cost RabbitMQ several times the CPU they cost acked a few at
//! a time (see design.md, "Throughput"). So a finished message hands its
//! delivery tag to this session's acker instead of acking it, and the
//! acker acks what finished within [`DELAY`] together.
//!
//! The guarantee stays: a tag is acked only after its message is finished
//! (committed, dead-lettered and announced). `basic.ack` with `multiple`
//! acks every unacknowledged tag up to the one named, so it is sent only up
//! to the lowest tag still in hand (read and not finished, or given up:
//! those must go back to the queue); a finished tag above that one waits
//! for it, and is acked alone once it has waited [`HOLD`], so one slow
//! message does not hold the others' acks. A tag is acked once, never
//! twice (the broker would close the channel). Acks do not wait when half
//! the prefetch is finished, nor when the whole prefetch is in hand or
//! finished: the broker would send nothing more until they come.
//!
//! A delay only postpones acks of committed messages: if the worker dies
//! meanwhile, they are redelivered and the store answers DUPLICATE, as for
//! a crash between commit and ack.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use lapin::Channel;
use lapin::options::BasicAckOptions;
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;
use tokio::time::Instant;
use tracing::debug;

use crate::metrics::Metrics;

/// How long a finished message may wait for others to be acked with it.
pub const DELAY: Duration = Duration::from_millis(100);

/// How long a finished message waits behind a lower one still in hand
/// before it is acked alone.
pub const HOLD: Duration = Duration::from_millis(250);

enum Msg {
    /// A delivery was read; its tag is in hand until finished or given up.
    Read(u64),
    Finished(u64),
    /// Given up (a broker failure, a panic, an abort): never acked on this
    /// channel, so no `multiple` ack may cover it.
    GivenUp(u64),
    /// Ack everything finished now; answer when sent.
    Flush(oneshot::Sender<()>),
}

/// The sending side, one per session; cheap to clone.
#[derive(Clone)]
pub struct Acks {
    tx: mpsc::UnboundedSender<Msg>,
}

/// A delivery in hand. [`Ticket::finished`] hands its tag over for the ack;
/// dropped without it, the delivery is given up (left unacknowledged).
pub struct Ticket {
    tag: u64,
    tx: Option<mpsc::UnboundedSender<Msg>>,
}

impl Ticket {
    /// The message is finished: ack it (soon).
    pub fn finished(mut self) {
        if let Some(tx) = self.tx.take() {
            let _ = tx.send(Msg::Finished(self.tag));
        }
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        if let Some(tx) = self.tx.take() {
            let _ = tx.send(Msg::GivenUp(self.tag));
        }
    }
}

/// Starts the acker of a consuming channel with prefetch `prefetch`. Its
/// task ends when the channel fails an ack (with the reason) or when every
/// [`Acks`] and [`Ticket`] is gone (after acking what was finished).
pub fn start(
    channel: Channel,
    prefetch: u16,
    metrics: Metrics,
) -> (Acks, JoinHandle<Result<(), String>>) {
    let (tx, rx) = mpsc::unbounded_channel();
    let task = tokio::spawn(run(channel, usize::from(prefetch.max(1)), metrics, rx));
    (Acks { tx }, task)
}

impl Acks {
    /// Takes a delivery in hand; call it in the order of delivery (the
    /// order of tags), before the delivery's task can finish.
    pub fn read(&self, tag: u64) -> Ticket {
        let _ = self.tx.send(Msg::Read(tag));
        Ticket {
            tag,
            tx: Some(self.tx.clone()),
        }
    }

    /// Acks what is finished now, without waiting for [`DELAY`].
    pub async fn flush(&self) {
        let (done, wait) = oneshot::channel();
        if self.tx.send(Msg::Flush(done)).is_ok() {
            let _ = wait.await;
        }
    }
}

#[derive(Default)]
struct State {
    /// Read and not finished, or given up.
    in_hand: BTreeSet<u64>,
    /// Finished, not acked yet, with when they finished.
    finished: BTreeMap<u64, Instant>,
}

/// An ack to send: a tag, and whether it covers every tag below it.
type Ack = (u64, bool, u64);

impl State {
    /// The acks due now: `all` acks every finished tag, otherwise those
    /// below the lowest tag in hand, and those above it that waited
    /// [`HOLD`]. Each entry: tag, multiple, how many deliveries it acks.
    fn due(&mut self, now: Instant, all: bool) -> Vec<Ack> {
        let mut acks = Vec::new();
        let barrier = self.in_hand.first().copied().unwrap_or(u64::MAX);
        let above = self.finished.split_off(&barrier);
        if let Some((&last, _)) = self.finished.last_key_value() {
            let n = self.finished.len() as u64;
            acks.push((last, n > 1, n));
        }
        self.finished = BTreeMap::new();
        for (tag, at) in above {
            if all || now.duration_since(at) >= HOLD {
                acks.push((tag, false, 1));
            } else {
                self.finished.insert(tag, at);
            }
        }
        acks
    }

    /// `tag` is finished: the acks due at once. Unacknowledged deliveries
    /// count against the prefetch: ack when half of it is finished, so the
    /// broker has room to send more, and everything finished (even above a
    /// tag in hand) when every delivery it allows is in hand or finished,
    /// so consumption never waits for the delay.
    fn finish(&mut self, tag: u64, now: Instant, prefetch: usize) -> Vec<Ack> {
        self.in_hand.remove(&tag);
        self.finished.insert(tag, now);
        if self.in_hand.len() + self.finished.len() >= prefetch {
            self.due(now, true)
        } else if self.finished.len() >= (prefetch / 2).max(1) {
            self.due(now, false)
        } else {
            Vec::new()
        }
    }

    /// When the next acks fall due, if any is waiting.
    fn next_due(&self) -> Option<Instant> {
        let barrier = self.in_hand.first().copied().unwrap_or(u64::MAX);
        let oldest = self.finished.values().min()?;
        let below = self
            .finished
            .first_key_value()
            .is_some_and(|(t, _)| *t < barrier);
        Some(if below {
            *oldest + DELAY
        } else {
            *oldest + HOLD
        })
    }
}

async fn run(
    channel: Channel,
    prefetch: usize,
    metrics: Metrics,
    mut rx: mpsc::UnboundedReceiver<Msg>,
) -> Result<(), String> {
    let mut state = State::default();
    loop {
        let due = state.next_due();
        let msg = tokio::select! {
            m = rx.recv() => m,
            _ = sleep_until(due) => {
                send(&channel, &metrics, state.due(Instant::now(), false)).await?;
                continue;
            }
        };
        match msg {
            Some(Msg::Read(tag)) => {
                state.in_hand.insert(tag);
            }
            Some(Msg::Finished(tag)) => {
                let acks = state.finish(tag, Instant::now(), prefetch);
                send(&channel, &metrics, acks).await?;
            }
            Some(Msg::GivenUp(tag)) => {
                // It stays in hand for good: left to the broker to redeliver.
                debug!(delivery_tag = tag, "given up, left unacknowledged");
            }
            Some(Msg::Flush(done)) => {
                send(&channel, &metrics, state.due(Instant::now(), true)).await?;
                let _ = done.send(());
            }
            None => {
                return send(&channel, &metrics, state.due(Instant::now(), true)).await;
            }
        }
    }
}

async fn sleep_until(at: Option<Instant>) {
    match at {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}

async fn send(channel: &Channel, metrics: &Metrics, acks: Vec<Ack>) -> Result<(), String> {
    for (tag, multiple, n) in acks {
        channel
            .basic_ack(tag, BasicAckOptions { multiple })
            .await
            .map_err(|e| format!("ack failed: {e}"))?;
        metrics.acked.inc_by(n);
        debug!(delivery_tag = tag, multiple, acked = n, "acked");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(in_hand: &[u64], finished: &[(u64, u64)], now: Instant) -> State {
        State {
            in_hand: in_hand.iter().copied().collect(),
            finished: finished
                .iter()
                .map(|&(t, ago_ms)| (t, now - Duration::from_millis(ago_ms)))
                .collect(),
        }
    }

    #[test]
    fn finished_tags_below_every_tag_in_hand_go_in_one_ack() {
        let now = Instant::now();
        let mut s = state(&[], &[(1, 60), (2, 40), (3, 0)], now);
        assert_eq!(s.due(now, false), vec![(3, true, 3)]);
        assert!(s.finished.is_empty());
        let mut s = state(&[7], &[(5, 60), (6, 0)], now);
        assert_eq!(s.due(now, false), vec![(6, true, 2)]);
    }

    #[test]
    fn a_single_tag_is_acked_alone() {
        let now = Instant::now();
        let mut s = state(&[], &[(4, 60)], now);
        assert_eq!(s.due(now, false), vec![(4, false, 1)]);
    }

    #[test]
    fn no_multiple_ack_covers_a_tag_in_hand() {
        // 3 is being processed (or was given up): 4 and 5 wait for it, then
        // are acked one by one once they waited HOLD.
        let now = Instant::now();
        let mut s = state(&[3], &[(1, 60), (2, 60), (4, 60), (5, 0)], now);
        assert_eq!(s.due(now, false), vec![(2, true, 2)]);
        assert_eq!(s.finished.keys().copied().collect::<Vec<_>>(), vec![4, 5]);
        // 4 has waited HOLD, 5 not yet.
        let later = now + HOLD - Duration::from_millis(1);
        assert_eq!(s.due(later, false), vec![(4, false, 1)]);
        assert_eq!(s.due(later, true), vec![(5, false, 1)]);
        assert!(s.finished.is_empty());
    }

    #[test]
    fn acks_do_not_wait_when_the_prefetch_runs_out() {
        let now = Instant::now();
        // Prefetch 8: 1..=3 finished, 5..=8 in hand; 4 finishes: half the
        // prefetch is finished, all below the lowest in hand.
        let mut s = state(&[4, 5, 6, 7, 8], &[(1, 0), (2, 0), (3, 0)], now);
        assert_eq!(s.finish(4, now, 8), vec![(4, true, 4)]);
        // 1 in hand (slow), 2..=4 finished, 5..=7 in hand: when 5
        // finishes, half the prefetch is finished but none below 1. Then 8
        // comes, and the window is full when 6 finishes: ack them alone.
        let mut s = state(&[1, 5, 6, 7], &[(2, 0), (3, 0), (4, 0)], now);
        assert_eq!(s.finish(5, now, 8), Vec::new());
        s.in_hand.insert(8);
        let acks = s.finish(6, now, 8);
        assert_eq!(acks.len(), 5, "{acks:?}");
        assert!(acks.iter().all(|&(_, multiple, n)| !multiple && n == 1));
        assert_eq!(s.in_hand.iter().copied().collect::<Vec<_>>(), vec![1, 7, 8]);
        // Below half the prefetch, in no hurry.
        let mut s = state(&[2, 3], &[], now);
        assert_eq!(s.finish(2, now, 8), Vec::new());
    }

    #[test]
    fn the_next_ack_falls_due_after_the_delay_or_the_hold() {
        let now = Instant::now();
        assert_eq!(state(&[], &[], now).next_due(), None);
        let s = state(&[], &[(1, 0)], now);
        assert_eq!(s.next_due(), Some(now + DELAY));
        let s = state(&[1], &[(2, 0)], now);
        assert_eq!(s.next_due(), Some(now + HOLD));
    }
}
