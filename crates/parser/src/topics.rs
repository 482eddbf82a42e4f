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
/// topic: a task's text is read once for all of them, and every phrase
/// that ends at a byte is reported there, as `contains` would find it. (A
/// `RegexSet` did the same for ~1 M instructions a seed parse, five times
/// this.)
///
/// The DFA is walked by hand on the folded bytes as they are made
/// (`fold_each`): the folded text is never written out, and a state's
/// matches are read only when the DFA marks it special. (Folding into a
/// String and an overlapping search over it cost twice as much.)
static KEYS: std::sync::LazyLock<(aho_corasick::dfa::DFA, Vec<(usize, usize)>)> =
    std::sync::LazyLock::new(|| {
        // (Each phrase's topic and length; a phrase is shorter than the
        // 64 bytes `Walk::word` remembers.)
        let mut topic_of = Vec::new();
        let mut patterns = Vec::new();
        for (t, (_, keys)) in TOPICS.iter().enumerate() {
            for k in *keys {
                assert!(k.len() < 64, "a topic phrase under 64 bytes: {k}");
                patterns.push(*k);
                topic_of.push((t, k.len()));
            }
        }
        let automaton = aho_corasick::dfa::DFA::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(patterns)
            .expect("topic phrases");
        (automaton, topic_of)
    });

/// The DFA's walk over a folded text: the state after each byte, and the
/// topics of the phrases that ended at one and start a word.
struct Walk<'a> {
    dfa: &'a aho_corasick::dfa::DFA,
    keys: &'a [(usize, usize)],
    sid: aho_corasick::automaton::StateID,
    found: [bool; TOPICS.len()],
    /// Bit `i`: the byte `i` places back ends a letter or digit (bit 0 is
    /// the byte just put); a phrase starts a word when the bit before its
    /// first byte is clear, or it starts the text.
    word: u64,
    /// Bytes put so far.
    len: usize,
    /// The code point being read, and its continuation bytes still due.
    cp: u32,
    due: u8,
}

impl Walk<'_> {
    /// Whether the byte just put ends a letter or digit.
    #[inline(always)]
    fn ends_word_char(&mut self, b: u8) -> bool {
        if b < 0x80 {
            self.due = 0;
            return b.is_ascii_alphanumeric();
        }
        if b >= 0xC0 {
            self.due = if b >= 0xF0 {
                3
            } else if b >= 0xE0 {
                2
            } else {
                1
            };
            self.cp = u32::from(b) & (0x3F >> self.due);
            return false;
        }
        self.cp = (self.cp << 6) | u32::from(b & 0x3F);
        self.due = self.due.saturating_sub(1);
        self.due == 0 && char::from_u32(self.cp).is_some_and(baocao_domain::text::is_alphanumeric)
    }
}

impl FoldSink for Walk<'_> {
    #[inline(always)]
    fn put(&mut self, b: u8) {
        use aho_corasick::Anchored;
        use aho_corasick::automaton::Automaton;
        let dfa = self.dfa;
        let word = self.ends_word_char(b);
        self.word = (self.word << 1) | u64::from(word);
        self.len += 1;
        self.sid = dfa.next_state(Anchored::No, self.sid, b);
        if dfa.is_special(self.sid) && dfa.is_match(self.sid) {
            for i in 0..dfa.match_len(self.sid) {
                let (topic, n) = self.keys[dfa.match_pattern(self.sid, i).as_usize()];
                // "rung" (rừng) is not the end of "trung" (tập trung).
                if n == self.len || self.word & (1 << n) == 0 {
                    self.found[topic] = true;
                }
            }
        }
    }
}

/// The topic codes whose key phrases occur in `text` as words' starts, in
/// table order.
pub fn tag(text: &str) -> Vec<String> {
    use aho_corasick::Anchored;
    use aho_corasick::automaton::Automaton;
    let (dfa, keys) = &*KEYS;
    let sid = dfa
        .start_state(Anchored::No)
        .expect("an unanchored start state");
    let mut walk = Walk {
        dfa,
        keys,
        sid,
        found: [false; TOPICS.len()],
        word: 0,
        len: 0,
        cp: 0,
        due: 0,
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

    /// Whether a key phrase found at `at` in folded text starts a word.
    fn starts_word(f: &str, at: usize) -> bool {
        !f[..at]
            .chars()
            .next_back()
            .is_some_and(baocao_domain::text::is_alphanumeric)
    }

    /// The automaton finds what searching for each phrase at words' starts
    /// finds.
    #[test]
    fn set_agrees_with_contains() {
        let seed = include_str!("../../../testdata/reports/000_5b1c2bc8d5408b7b.txt");
        let lines: Vec<&str> = seed.lines().collect();
        // (Phrases after letters and marks the fold leaves as they are,
        // and at the text's start and end.)
        let edges = [
            "rừng",
            "“rừng” và Ωrung, 中rung",
            "–thuế; ẞthue 𝔸thue 😀thue",
            "tập trung, Trung ương, xuất khẩu",
        ];
        for text in lines.iter().copied().chain([seed]).chain(edges) {
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
