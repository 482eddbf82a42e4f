//! Parses a file many times, for a profiler: `cargo run --release -p
//! baocao-parser --example profile -- FILE [N]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: profile FILE [N]");
    let n: usize = args.next().map_or(200, |s| s.parse().expect("N"));
    let bytes = std::fs::read(path).expect("read");
    let start = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(baocao_parser::parse(&bytes, &Default::default()).expect("parses"));
    }
    eprintln!("{:?} per parse", start.elapsed() / n as u32);
}
