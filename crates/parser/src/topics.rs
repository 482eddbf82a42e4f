//! Topic tags for tasks: a fixed list of codes, each recognised by
//! diacritic-folded key phrases.

#[cfg(test)]
use baocao_domain::text::fold;
use baocao_domain::text::{FoldSink, fold_each};

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
/// topic: a task's text is read once for all of them, and every phrase
/// that ends at a byte is reported there, as `contains` would find it. (A
/// `RegexSet` did the same for ~1 M instructions a seed parse, five times
/// this.)
///
/// The DFA is walked by hand on the folded bytes as they are made
/// (`fold_each`): the folded text is never written out, and a state's
/// matches are read only when the DFA marks it special. (Folding into a
/// String and an overlapping search over it cost twice as much.)
static KEYS: std::sync::LazyLock<(aho_corasick::dfa::DFA, Vec<usize>)> =
    std::sync::LazyLock::new(|| {
        let mut topic_of = Vec::new();
        let mut patterns = Vec::new();
        for (t, (_, keys)) in TOPICS.iter().enumerate() {
            for k in *keys {
                patterns.push(*k);
                topic_of.push(t);
            }
        }
        let automaton = aho_corasick::dfa::DFA::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(patterns)
            .expect("topic phrases");
        (automaton, topic_of)
    });

/// The DFA's walk over a folded text: the state after each byte, and the
/// topics of the phrases that ended at one.
struct Walk<'a> {
    dfa: &'a aho_corasick::dfa::DFA,
    topic_of: &'a [usize],
    sid: aho_corasick::automaton::StateID,
    found: [bool; TOPICS.len()],
}

impl FoldSink for Walk<'_> {
    #[inline(always)]
    fn put(&mut self, b: u8) {
        use aho_corasick::Anchored;
        use aho_corasick::automaton::Automaton;
        let dfa = self.dfa;
        self.sid = dfa.next_state(Anchored::No, self.sid, b);
        if dfa.is_special(self.sid) && dfa.is_match(self.sid) {
            for i in 0..dfa.match_len(self.sid) {
                self.found[self.topic_of[dfa.match_pattern(self.sid, i).as_usize()]] = true;
            }
        }
    }
}

/// The topic codes whose key phrases occur in `text`, in table order.
pub fn tag(text: &str) -> Vec<String> {
    use aho_corasick::Anchored;
    use aho_corasick::automaton::Automaton;
    let (dfa, topic_of) = &*KEYS;
    let sid = dfa
        .start_state(Anchored::No)
        .expect("an unanchored start state");
    let mut walk = Walk {
        dfa,
        topic_of,
        sid,
        found: [false; TOPICS.len()],
    };
    fold_each(text, &mut walk);
    let found = walk.found;
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

    /// The automaton finds what searching for each phrase finds.
    #[test]
    fn set_agrees_with_contains() {
        let seed = include_str!("../../../testdata/reports/000_5b1c2bc8d5408b7b.txt");
        let lines: Vec<&str> = seed.lines().collect();
        for text in lines.iter().copied().chain([seed]) {
            let f = fold(text);
            let naive: Vec<String> = TOPICS
                .iter()
                .filter(|(_, keys)| keys.iter().any(|k| f.contains(k)))
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
    }
}
