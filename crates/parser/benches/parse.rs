//! Parsing cost against input size: the seed, and 10x and 100x
//! concatenations of it, next to a same-run baseline that only decodes and
//! NFC-normalizes the same bytes.
//!
//! A second group parses one sentence of 500, 2,000 and 8,000 clauses (no
//! report writes one; an upload can): its cost per byte should not grow
//! with the sentence.
//!
//! `cargo bench -p baocao-parser --bench parse`

use std::hint::black_box;

use baocao_parser::{Hints, parse};
use criterion::measurement::WallTime;
use criterion::{
    BenchmarkGroup, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main,
};
use unicode_normalization::UnicodeNormalization;

// The allocator the worker and the CLI parse with.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SEED: &[u8] = include_bytes!("../../../testdata/reports/000_5b1c2bc8d5408b7b.txt");

fn inputs() -> Vec<(usize, Vec<u8>)> {
    [1usize, 10, 100]
        .into_iter()
        .map(|n| {
            let mut b = Vec::with_capacity(SEED.len() * n);
            for _ in 0..n {
                b.extend_from_slice(SEED);
                b.push(b'\n');
            }
            (n, b)
        })
        .collect()
}

/// The parse of `bytes` (`structure/<input>`) and its same-run baseline,
/// decoding and NFC-normalizing them (`baseline_nfc/<input>`).
fn parse_and_nfc(g: &mut BenchmarkGroup<'_, WallTime>, input: &str, bytes: &Vec<u8>) {
    g.bench_with_input(BenchmarkId::new("structure", input), bytes, |b, bytes| {
        b.iter(|| parse(black_box(bytes), &Hints::default()).expect("parses"));
    });
    g.bench_with_input(
        BenchmarkId::new("baseline_nfc", input),
        bytes,
        |b, bytes| {
            b.iter(|| {
                let s = std::str::from_utf8(black_box(bytes)).expect("utf-8");
                s.nfc().collect::<String>()
            });
        },
    );
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    for (n, bytes) in inputs() {
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        if n == 100 {
            g.sample_size(20);
        }
        parse_and_nfc(&mut g, &format!("{n}x"), &bytes);
    }
    g.finish();
}

/// One paragraph that is one sentence of `n` clauses, each a level and a
/// change.
fn one_sentence(n: usize) -> Vec<u8> {
    let clause = "sản lượng lúa đạt 12.345 tấn, tăng 5,2%";
    format!(
        "UBND TỈNH BẮC GIANG\nBÁO CÁO\nTình hình kinh tế - xã hội tháng 5 năm 2024\n\n\
         I. KINH TẾ\nS{}.\n",
        &vec![clause; n].join(", ")[1..]
    )
    .into_bytes()
}

fn bench_one_sentence(c: &mut Criterion) {
    let mut g = c.benchmark_group("one_sentence");
    g.sample_size(10);
    for n in [500usize, 2000, 8000] {
        let bytes = one_sentence(n);
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        parse_and_nfc(&mut g, &format!("{n}_clauses"), &bytes);
    }
    g.finish();
}

criterion_group!(benches, bench, bench_one_sentence);
criterion_main!(benches);
