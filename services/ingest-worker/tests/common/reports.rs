//! Report texts for the tests: the seed, and small reports derived from it
//! (its opening through section 1.1 and its closing, with one figure made
//! unique) that parse in about a millisecond.

use std::sync::OnceLock;

pub const SEED_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../testdata/reports/000_5b1c2bc8d5408b7b.txt"
);

pub fn seed() -> &'static [u8] {
    static SEED: OnceLock<Vec<u8>> = OnceLock::new();
    SEED.get_or_init(|| std::fs::read(SEED_PATH).expect("read the seed report"))
}

fn seed_text() -> &'static str {
    std::str::from_utf8(seed()).expect("the seed is UTF-8")
}

/// The seed's opening through section 1.1, and its closing.
fn parts() -> &'static (String, String) {
    static PARTS: OnceLock<(String, String)> = OnceLock::new();
    PARTS.get_or_init(|| {
        let s = seed_text();
        let head_end = s
            .find("1.2. Sản xuất nông")
            .expect("section 1.2 in the seed");
        let tail_start = s.find("Nơi nhận").expect("Nơi nhận in the seed");
        (s[..head_end].to_owned(), s[tail_start..].to_owned())
    })
}

/// A small report, distinct for each `n`: the industrial output figure of
/// section 1.1 is `n`-dependent.
pub fn small(n: u32) -> Vec<u8> {
    let (head, tail) = parts();
    let figure = format!("{}.{:03}", 60 + n / 1000, n % 1000);
    let head = head.replacen("60.769", &figure, 1);
    format!("{head}\n{tail}").into_bytes()
}

/// Provinces for [`seed_sized`] issuers.
const PROVINCES: [&str; 20] = [
    "THÁI NGUYÊN",
    "BẮC NINH",
    "BẮC GIANG",
    "NGHỆ AN",
    "HÀ TĨNH",
    "QUẢNG NINH",
    "LẠNG SƠN",
    "CAO BẰNG",
    "LÀO CAI",
    "YÊN BÁI",
    "PHÚ THỌ",
    "VĨNH PHÚC",
    "HẢI DƯƠNG",
    "HƯNG YÊN",
    "THÁI BÌNH",
    "NAM ĐỊNH",
    "NINH BÌNH",
    "THANH HÓA",
    "QUẢNG BÌNH",
    "QUẢNG TRỊ",
];

/// A seed-sized report, distinct for each `n`, as a province sends one a
/// month: a header naming one of 20 provinces and a month (so that reports
/// of one issuer and month are rare, as in production), then the seed's
/// body with one figure changed.
pub fn seed_sized(n: u32) -> Vec<u8> {
    let province = PROVINCES[n as usize % PROVINCES.len()];
    let k = n / PROVINCES.len() as u32;
    let (year, month) = (2000 + k / 12, k % 12 + 1);
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    let body = seed_text().split_once('\n').map_or("", |(_, b)| b);
    let figure = format!("{}.{:03}", 60 + n / 1000, n % 1000);
    format!(
        "UỶ BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
         TỈNH {province} Độc lập - Tự do - Hạnh phúc\n\
         Số: {n}/BC-UBND ngày 24 tháng {month} năm {year}\n\n\
         BÁO CÁO\n\
         Tình hình kinh tế - xã hội tháng {month}, nhiệm vụ trọng tâm tháng {next_month} năm {next_year}\n{}",
        body.replacen("60.769", &figure, 1)
    )
    .into_bytes()
}
