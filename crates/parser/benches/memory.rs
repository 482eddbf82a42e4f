//! Memory a parse takes against input size: the seed, and 10x and 100x
//! concatenations of it, next to a same-run baseline that only decodes
//! and NFC-normalizes the same bytes. A counting wrapper around the
//! allocator the binaries use gives, per parse, the allocations (a realloc
//! counts as one), the bytes asked for (a realloc asks for its whole new
//! size), the peak of live heap above where it started (a realloc that
//! moves its block holds both for a moment), and what the returned report
//! keeps. Regex caches that grow on new input count as kept.
//!
//! `cargo bench -p baocao-parser --bench memory`

use std::alloc::{GlobalAlloc, Layout};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use baocao_parser::{Hints, parse};
use unicode_normalization::UnicodeNormalization;

const SEED: &[u8] = include_bytes!("../../../testdata/reports/000_5b1c2bc8d5408b7b.txt");

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);
static ASKED: AtomicUsize = AtomicUsize::new(0);
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grow(by: usize) {
    let live = LIVE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(live, Relaxed);
}

// SAFETY: every call goes to mimalloc unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Relaxed);
        ASKED.fetch_add(layout.size(), Relaxed);
        grow(layout.size());
        unsafe { mimalloc::MiMalloc.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Relaxed);
        ASKED.fetch_add(new_size, Relaxed);
        let moved = unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) };
        if moved != ptr {
            // Copied: old and new blocks were live together.
            grow(new_size);
            LIVE.fetch_sub(layout.size(), Relaxed);
        } else {
            LIVE.fetch_sub(layout.size(), Relaxed);
            grow(new_size);
        }
        moved
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

struct Use {
    allocations: usize,
    asked: usize,
    peak: usize,
    kept: usize,
}

/// What `f` allocates, and what its result keeps until dropped.
fn measure<T>(f: impl FnOnce() -> T) -> Use {
    let (a0, b0, l0) = (
        ALLOCATIONS.load(Relaxed),
        ASKED.load(Relaxed),
        LIVE.load(Relaxed),
    );
    PEAK.store(l0, Relaxed);
    let out = black_box(f());
    let u = Use {
        allocations: ALLOCATIONS.load(Relaxed) - a0,
        asked: ASKED.load(Relaxed) - b0,
        peak: PEAK.load(Relaxed) - l0,
        kept: LIVE.load(Relaxed).saturating_sub(l0),
    };
    drop(out);
    u
}

fn kib(n: usize) -> String {
    format!("{:.1} KiB", n as f64 / 1024.0)
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --all-targets` does not, and
    // then one input is enough to see that the bench runs.
    let sizes: &[usize] = if std::env::args().any(|a| a == "--bench") {
        &[1, 10, 100]
    } else {
        &[1]
    };
    // Once, so that the one-time setup (regexes, the catalog's index) is
    // not counted against the first input.
    parse(SEED, &Hints::default()).expect("parses");
    println!(
        "{:<6} {:>10} | {:>9} {:>12} {:>12} {:>12} | {:>9} {:>12} {:>12}",
        "input", "bytes", "allocs", "asked", "peak", "kept", "NFC allocs", "NFC asked", "NFC peak"
    );
    for &n in sizes {
        let mut bytes = Vec::with_capacity(SEED.len() * n + n);
        for _ in 0..n {
            bytes.extend_from_slice(SEED);
            bytes.push(b'\n');
        }
        let p = measure(|| parse(&bytes, &Hints::default()).expect("parses"));
        let b = measure(|| {
            let s = std::str::from_utf8(&bytes).expect("utf-8");
            s.nfc().collect::<String>()
        });
        println!(
            "{:<6} {:>10} | {:>9} {:>12} {:>12} {:>12} | {:>9} {:>12} {:>12}",
            format!("{n}x"),
            bytes.len(),
            p.allocations,
            kib(p.asked),
            kib(p.peak),
            kib(p.kept),
            b.allocations,
            kib(b.asked),
            kib(b.peak),
        );
    }
}
