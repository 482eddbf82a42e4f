//! CPU time of processes, from `/proc` (Linux), for benches that share two
//! cores with the servers they drive: the CPU a unit of work costs each
//! process explains a rate that a busy or quiet machine would change.

use std::collections::HashMap;
use std::time::Duration;

/// CPU time (user + system) and command name of every process, by pid;
/// `None` where there is no `/proc`. Clock ticks are taken as 100 a second,
/// which they are on Linux.
fn sample() -> Option<HashMap<u32, (String, Duration)>> {
    let mut out = HashMap::new();
    for e in std::fs::read_dir("/proc").ok()?.flatten() {
        let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(e.path().join("stat")) else {
            continue;
        };
        // "pid (comm) state ppid ..."; comm may hold spaces, so split at ')'.
        let (Some(open), Some(close)) = (stat.find('('), stat.rfind(')')) else {
            continue;
        };
        let comm = &stat[open + 1..close];
        let fields: Vec<&str> = stat[close + 1..].split_whitespace().collect();
        // utime and stime are fields 14 and 15 of the line, 12 and 13 after comm.
        let Some(ticks) = fields.get(11..13) else {
            continue;
        };
        let ticks: u64 = ticks.iter().filter_map(|f| f.parse::<u64>().ok()).sum();
        out.insert(pid, (comm.to_owned(), Duration::from_millis(ticks * 10)));
    }
    Some(out)
}

/// CPU time of every process on the machine at one moment.
pub struct Snapshot(Option<HashMap<u32, (String, Duration)>>);

impl Snapshot {
    pub fn now() -> Self {
        Self(sample())
    }

    /// CPU used since `before` by the processes whose command name `pick`
    /// accepts: those that were running then, and those started since
    /// (counted from zero). Processes that ended meanwhile are lost, so
    /// take the snapshot before closing connections. `None` without `/proc`.
    pub fn since(&self, before: &Snapshot, pick: impl Fn(&str) -> bool) -> Option<Duration> {
        self.since_where(before, |_, comm| pick(comm))
    }

    /// As [`Snapshot::since`], for the processes `pick` accepts by pid and
    /// command name.
    pub fn since_where(
        &self,
        before: &Snapshot,
        pick: impl Fn(u32, &str) -> bool,
    ) -> Option<Duration> {
        let (now, then) = (self.0.as_ref()?, before.0.as_ref()?);
        Some(
            now.iter()
                .filter(|(pid, (comm, _))| pick(**pid, comm))
                .map(|(pid, (_, t))| {
                    let earlier = then.get(pid).map_or(Duration::ZERO, |(_, t0)| *t0);
                    t.saturating_sub(earlier)
                })
                .sum(),
        )
    }

    /// CPU used since `before` by this process.
    pub fn own_since(&self, before: &Snapshot) -> Option<Duration> {
        let me = std::process::id();
        let (now, then) = (self.0.as_ref()?, before.0.as_ref()?);
        Some(now.get(&me)?.1.saturating_sub(then.get(&me)?.1))
    }
}
