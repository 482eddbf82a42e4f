//! Parses a file many times, for a profiler or an instruction counter:
//! `cargo run --release -p baocao-parser --example profile -- FILE [N] [--nfc]`.
//! With `--nfc` it only decodes and NFC-normalizes the bytes (the
//! benchmark's baseline), for the same measurement on the same input.
use unicode_normalization::UnicodeNormalization;

// The allocator the worker and the CLI parse with.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().expect("usage: profile FILE [N] [--nfc]");
    let n: usize = args.get(1).map_or(200, |s| s.parse().expect("N"));
    let nfc = args.iter().any(|a| a == "--nfc");
    let bytes = std::fs::read(path).expect("read");
    let start = std::time::Instant::now();
    for _ in 0..n {
        if nfc {
            let s = std::str::from_utf8(&bytes).expect("utf-8");
            std::hint::black_box(s.nfc().collect::<String>());
        } else {
            std::hint::black_box(
                baocao_parser::parse(&bytes, &Default::default()).expect("parses"),
            );
        }
    }
    eprintln!("{:?} per run", start.elapsed() / n as u32);
}
