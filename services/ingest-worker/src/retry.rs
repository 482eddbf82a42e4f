//! Exponential backoff with jitter, for transient store failures and
//! broker reconnects.

use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Backoff {
    initial: Duration,
    max: Duration,
    next: Duration,
    seed: u64,
}

impl Backoff {
    pub fn new(initial: Duration, max: Duration) -> Self {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos() as u64)
            .unwrap_or(1)
            | 1;
        Self {
            initial,
            max: max.max(initial),
            next: initial,
            seed,
        }
    }

    /// The next delay: doubling from `initial` up to `max`, each with up to
    /// 25% taken off at random so that many workers do not retry in step.
    pub fn next_delay(&mut self) -> Duration {
        let base = self.next;
        self.next = (self.next * 2).min(self.max);
        // xorshift64: enough randomness for jitter, no dependency.
        self.seed ^= self.seed << 13;
        self.seed ^= self.seed >> 7;
        self.seed ^= self.seed << 17;
        let quarter = base / 4;
        let off = if quarter.is_zero() {
            Duration::ZERO
        } else {
            Duration::from_nanos(self.seed % (quarter.as_nanos() as u64).max(1))
        };
        base - off
    }

    pub fn reset(&mut self) {
        self.next = self.initial;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_up_to_the_cap_with_bounded_jitter() {
        let mut b = Backoff::new(Duration::from_millis(100), Duration::from_millis(1000));
        let mut last_base = Duration::from_millis(100);
        for _ in 0..10 {
            let d = b.next_delay();
            assert!(
                d <= last_base && d >= last_base * 3 / 4,
                "{d:?} vs {last_base:?}"
            );
            last_base = (last_base * 2).min(Duration::from_millis(1000));
        }
        b.reset();
        assert!(b.next_delay() <= Duration::from_millis(100));
    }
}
