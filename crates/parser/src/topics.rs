//! Topic tags for tasks: a fixed list of codes, each recognised by
//! diacritic-folded key phrases.

use baocao_domain::text::fold;

/// (topic code, folded key phrases).
pub const TOPICS: &[(&str, &[&str])] = &[
    (
        "industry",
        &[
            "cong nghiep",
            "san xuat kinh doanh",
            "khu cong nghiep",
            "cum cong nghiep",
            "cung ung dien",
        ],
    ),
    (
        "agriculture",
        &[
            "nong nghiep",
            "lua ",
            "vat nuoi",
            "chan nuoi",
            "thuy san",
            "vai thieu",
            "nong san",
            "nong thon moi",
            "ocop",
            "thuy loi",
            "de dieu",
        ],
    ),
    ("forestry", &["rung", "lam nghiep"]),
    (
        "trade_services",
        &[
            "thuong mai",
            "xuat khau",
            "nhap khau",
            "dich vu",
            "du lich",
            "tieu thu",
        ],
    ),
    (
        "budget",
        &[
            "ngan sach",
            "thu nsnn",
            "thue",
            "chi thuong xuyen",
            "du toan",
        ],
    ),
    (
        "public_investment",
        &[
            "dau tu cong",
            "giai ngan",
            "ke hoach von",
            "cong trinh trong diem",
        ],
    ),
    (
        "investment_enterprise",
        &[
            "thu hut dau tu",
            "moi truong dau tu",
            "doanh nghiep",
            "fdi",
            "nha dau tu",
        ],
    ),
    (
        "land_environment",
        &[
            "dat dai",
            "moi truong",
            "khoang san",
            "tai nguyen",
            "rac thai",
            "giai phong mat bang",
            "gpmb",
        ],
    ),
    (
        "planning_construction",
        &["quy hoach", "do thi", "nha o xa hoi", "ha tang"],
    ),
    (
        "education",
        &[
            "giao duc",
            "hoc sinh",
            "tot nghiep",
            "tuyen sinh",
            "nam hoc",
        ],
    ),
    (
        "health",
        &[
            "y te",
            "dich benh",
            "kham, chua benh",
            "kham chua benh",
            "suc khoe",
            "ve sinh an toan thuc pham",
            "covid",
        ],
    ),
    (
        "culture_sports",
        &["van hoa", "the thao", "di san", "di tich", "le hoi"],
    ),
    (
        "labour_social",
        &[
            "lao dong",
            "viec lam",
            "bao hiem xa hoi",
            "bhxh",
            "an sinh",
            "nguoi co cong",
            "tre em",
            "giam ngheo",
        ],
    ),
    (
        "administrative_reform",
        &[
            "cai cach hanh chinh",
            "thu tuc hanh chinh",
            "chuyen doi so",
            "ky luat, ky cuong",
            "dich vu cong",
            "de an 06",
        ],
    ),
    (
        "inspection_complaints",
        &[
            "tiep cong dan",
            "khieu nai",
            "to cao",
            "tham nhung",
            "thanh tra",
        ],
    ),
    (
        "defence_security",
        &[
            "quoc phong",
            "an ninh",
            "trat tu an toan",
            "an toan giao thong",
            "chay no",
            "quan su",
            "toi pham",
        ],
    ),
    (
        "disaster",
        &[
            "thien tai",
            "mua lu",
            "lut bao",
            "phong chong lu",
            "chong lu",
        ],
    ),
    (
        "legislation",
        &["van ban quy pham phap luat", "thi hanh luat", "luat "],
    ),
];

/// Every key phrase of [`TOPICS`] in one automaton, with each phrase's
/// topic: a task's text is read once for all of them, and an overlapping
/// search reports every phrase that occurs, as `contains` would. (A
/// `RegexSet` did the same for ~1 M instructions a seed parse, five times
/// this.)
static KEYS: std::sync::LazyLock<(aho_corasick::AhoCorasick, Vec<usize>)> =
    std::sync::LazyLock::new(|| {
        let mut topic_of = Vec::new();
        let mut patterns = Vec::new();
        for (t, (_, keys)) in TOPICS.iter().enumerate() {
            for k in *keys {
                patterns.push(*k);
                topic_of.push(t);
            }
        }
        let automaton = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(patterns)
            .expect("topic phrases");
        (automaton, topic_of)
    });

/// Whether a key phrase found at `at` in folded text starts a word: "rung"
/// (rừng) is not the end of "trung" (tập trung, Trung ương).
fn starts_word(f: &str, at: usize) -> bool {
    !f[..at]
        .chars()
        .next_back()
        .is_some_and(baocao_domain::text::is_alphanumeric)
}

/// The topic codes whose key phrases occur in `text` as words' starts, in
/// table order.
pub fn tag(text: &str) -> Vec<String> {
    let f = fold(text);
    let (automaton, topic_of) = &*KEYS;
    let mut found = vec![false; TOPICS.len()];
    for m in automaton.find_overlapping_iter(&f) {
        if starts_word(&f, m.start()) {
            found[topic_of[m.pattern().as_usize()]] = true;
        }
    }
    TOPICS
        .iter()
        .zip(found)
        .filter(|(_, found)| *found)
        .map(|((code, _), _)| (*code).to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The automaton finds what searching for each phrase at words' starts
    /// finds.
    #[test]
    fn set_agrees_with_contains() {
        let seed = include_str!("../../../testdata/reports/000_5b1c2bc8d5408b7b.txt");
        let lines: Vec<&str> = seed.lines().collect();
        for text in lines.iter().copied().chain([seed]) {
            let f = fold(text);
            let naive: Vec<String> = TOPICS
                .iter()
                .filter(|(_, keys)| {
                    keys.iter()
                        .any(|k| f.match_indices(k).any(|(at, _)| starts_word(&f, at)))
                })
                .map(|(code, _)| (*code).to_owned())
                .collect();
            assert_eq!(tag(text), naive, "{text}");
        }
    }

    #[test]
    fn tags_by_folded_phrases() {
        assert_eq!(
            tag("Đẩy mạnh giải ngân kế hoạch vốn đầu tư công"),
            ["public_investment"]
        );
        assert_eq!(
            tag("Tăng cường quản lý thu NSNN; theo dõi chặt tiến độ thu ngân sách"),
            ["budget"]
        );
        assert!(tag("Một câu không có chủ đề").is_empty());
        assert!(tag("Tập trung chỉ đạo các cơ quan Trung ương").is_empty());
        assert_eq!(tag("trồng rừng"), ["forestry"]);
    }
}
