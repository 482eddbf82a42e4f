//! The reading engine: paragraphs and footnotes to observations.

use std::collections::HashMap;
use std::ops::Range;

use baocao_domain::catalog;
use baocao_domain::text::{fold_into, lowercase_into};
use baocao_domain::{
    Change, Comparison, ComparisonBase, DocumentRef, Observation, ObservationStatus, Period,
    PeriodKind, Provenance, Qualifier, QualityIssue, QualityIssueKind, Quantity, Span, UnitCode,
};

use super::compare::{base_at, base_before_change, clause_base, leading_base, trailing_base};
use super::numbers::{Unit, parse_number, qualifier_before, quantity, unit_after};
use super::table;
use super::text::{
    Num, clauses, digits_end, find_str, fold, lowercase, match_starts, next_digit, numbers,
    paren_groups, pooled_text, rfind_str, sentences, without_parens,
};
use super::when::{self, Anchor};
use crate::document::Document;
use crate::paragraphs::Zone;
use crate::sections::Outline;

/// What a reader holds in mind while reading on.
#[derive(Debug, Clone, Default)]
struct State {
    code: &'static str,
    label: String,
    breakdown: String,
    period: Option<Period>,
    status: ObservationStatus,
    /// The base written last in the sentence.
    base: Option<(ComparisonBase, String)>,
    /// After "Trong đó" / "bao gồm": items are breakdowns of the subject.
    in_breakdown: bool,
    /// The observation comparisons attach to.
    current: Option<usize>,
    /// Inside "So sánh với ...:": changes attach to earlier levels.
    compare_mode: bool,
    /// The subject was named or confirmed in the current sentence: words
    /// before a figure are a breakdown of it. In a later sentence they name
    /// a subject of their own.
    fresh: bool,
    /// A subject named before a figure of another unit ("220 đơn vị còn nợ
    /// bảo hiểm ... với số tiền 31.130 triệu đồng"): the next figure its
    /// unit fits is its value.
    pending: Option<(&'static str, String)>,
    /// The breakdown was named in the current sentence ("Diện tích dứa ...,
    /// sản lượng ...": the item carries to the next subject).
    breakdown_fresh: bool,
    /// The plan or budget estimate the paragraph measures against ("...,
    /// đạt 41,2% dự toán. Trong đó: thu nội địa ..., đạt 40,5%"): a bare
    /// "đạt X%" after a level is attainment of it.
    plan_base: Option<(ComparisonBase, String)>,
    /// The subject a breakdown began under, when an item named another
    /// indicator ("Trong đó: thu nội địa ...; thu xuất nhập khẩu ..."): the
    /// next item without a name of its own is again the parent's.
    parent: Option<(&'static str, String)>,
    /// A crop season that opens the sentence ("Vụ Đông Xuân 2023-2024,
    /// ..."): the item of its figures that name none of their own.
    season: String,
    /// The clause is read a year earlier already (it opened with "cùng kỳ
    /// năm trước").
    year_earlier: bool,
}

/// What `Extractor::save` keeps.
struct Saved {
    obs: Vec<Observation>,
    issues: usize,
    last_levels: Vec<usize>,
    sentence_levels: Vec<usize>,
    clause_targets: Vec<usize>,
    clause_next: Option<usize>,
    current: Option<usize>,
}

/// Where the text being read stands.
#[derive(Clone, Copy)]
struct Loc<'a> {
    section: &'a str,
    footnote: Option<u32>,
    /// The sentence, and its offset in the normalized text.
    sentence: &'a str,
    sentence_off: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Level,
    Change(f64),
    Ratio,
    Attain,
    Exceed,
}

struct Extractor<'d> {
    doc: &'d Document,
    /// The sentence (its offset) whose last figure dropped was the
    /// country's, and where that figure ended (see `compares_national`).
    national_sentence: Option<(usize, usize)>,
    anchor: Anchor,
    month: Option<Period>,
    /// The period of a figure that names none: the report's month, or the
    /// whole span of a report of a quarter, a half year or a year.
    fallback: Option<Period>,
    obs: Vec<Observation>,
    issues: Vec<QualityIssue>,
    /// Footnote number -> the state where its marker stands.
    snapshots: HashMap<u32, State>,
    /// Footnote number -> the label, item and unit of an uncatalogued
    /// figure named for itself that its marker is glued to.
    glued: HashMap<u32, (String, String, UnitCode)>,
    /// (footnote number, marker start) in the normalized text.
    markers: Vec<(u32, usize)>,
    /// Spans of cited documents: their numbers are not figures.
    refs: Vec<Range<usize>>,
    /// `refs_reach[i]`: the furthest end of `refs[..=i]` (refs sorted by
    /// start), so "inside a cited document" is a binary search.
    refs_reach: Vec<usize>,
    /// Levels stated in the last sentence that had any, for "So sánh
    /// với ...:" sentences.
    last_levels: Vec<usize>,
    /// The base of the consumer price index's own change (its first, in
    /// its sentence): section, sentence offset, base and its words.
    cpi_head: Option<(String, usize, ComparisonBase, String)>,
    sentence_levels: Vec<usize>,
    /// Levels of the sentence a clause opened by its base compares ("xảy
    /// ra 12 vụ ..., làm chết 8 người, ...; so với cùng kỳ giảm 2 vụ, giảm
    /// 1 người chết"), and which of them the last change was for.
    clause_targets: Vec<usize>,
    clause_next: Option<usize>,
    /// Catalog look-ups of the clause being read: the same words are looked
    /// up for several decisions.
    found: std::cell::RefCell<Vec<Remembered>>,
    /// The words of the clauses being read (innermost last), split once
    /// when first looked up: the texts looked up are mostly parts of them.
    clause_words: std::cell::RefCell<Vec<ClauseWords>>,
    /// The last text lowercased (address, length, lowercase): the words
    /// before a figure are lowercased to classify it and again to begin its
    /// observation. Emptied with `found`, when a clause begins or ends.
    /// (The buffer stays when the memo is emptied: it is made again in
    /// place when no `Lower` holds it.)
    lowered: std::cell::RefCell<LastLower>,
    /// The last noun phrase read and what it was read from: a change's
    /// context asks for the phrase its observation then begins with.
    /// Emptied with `found`, when a clause begins or ends.
    last_np: std::cell::RefCell<NpMemo>,
    /// The buffer of `with_lower`.
    word_lower: std::cell::RefCell<String>,
    /// The catalog ids of the words read so far, by the words as written:
    /// a report uses the same words in clause after clause.
    word_ids: std::cell::RefCell<catalog::WordCache>,
    /// The bases written in the current sentence, found once: a change
    /// with no base of its own takes the last one before it.
    bases: std::cell::RefCell<BasesWritten>,
    /// How many brackets the clause being read is inside.
    bracket_depth: usize,
}

/// The longest sentence an observation cites whole, in bytes. The longest
/// in the reports we have is under 1 KB.
const SENTENCE_CITED: usize = 2048;

/// The sentence an observation cites: the whole sentence, or, past
/// `SENTENCE_CITED` bytes, the part of it around the figure (`span`, in
/// the text; the sentence starts at `off`), cut at spaces and marked with
/// "…". A text of one endless sentence would otherwise be copied once for
/// each of its figures; the span still says where the figure is.
fn cited_sentence(sentence: &str, span: &Span, off: usize) -> String {
    if sentence.len() <= SENTENCE_CITED {
        return sentence.to_owned();
    }
    let side = SENTENCE_CITED / 2;
    let at = (span.start as usize)
        .saturating_sub(off)
        .min(sentence.len());
    let end = (span.end as usize)
        .saturating_sub(off)
        .clamp(at, sentence.len());
    let mut from = at.saturating_sub(side);
    while !sentence.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (at + side).max(end).min(sentence.len());
    while !sentence.is_char_boundary(to) {
        to += 1;
    }
    // Whole words: start after a space, end before one.
    if from > 0
        && let Some(sp) = sentence[from..at].find(' ')
    {
        from += sp + 1;
    }
    if to < sentence.len()
        && let Some(sp) = sentence[end..to].rfind(' ')
    {
        to = end + sp;
    }
    let mut cited = String::with_capacity(to - from + 8);
    if from > 0 {
        cited.push('…');
    }
    cited.push_str(&sentence[from..to]);
    if to < sentence.len() {
        cited.push('…');
    }
    cited
}

/// How deep brackets inside brackets are read.
const BRACKETS_READ: usize = 6;

/// How many catalog look-ups `find` remembers before it starts again.
const FOUND_KEPT: usize = 64;

/// `noun_phrase`'s arguments but the mentions (those of the clause) and
/// the label: the gap's address and length, the cursor and the subject's
/// range.
type NpKey = (usize, usize, usize, Option<Range<usize>>);

/// The last noun phrase read, for `Extractor::noun_phrase`, and the buffers
/// its reading reuses (their capacity only: `valid` says whether the
/// phrase is one to answer with). Nothing in it outlives the parse.
#[derive(Default)]
struct NpMemo {
    valid: bool,
    key: NpKey,
    label: String,
    np: String,
    scratch: NpScratch,
}

/// Buffers `noun_phrase` reuses from call to call: the lowercase of the
/// words at an edge, and the last label folded (a clause's phrases are
/// mostly read under one label).
#[derive(Default)]
struct NpScratch {
    cur: String,
    next: String,
    label: String,
    label_folded: String,
}

/// A clause's text (address and length) and its words, once split.
type ClauseWords = (usize, usize, Option<catalog::Words>);

/// The address and length of the text last lowercased (none when the memo
/// is empty) and its lowercase.
type LastLower = (Option<(usize, usize)>, std::rc::Rc<String>);

/// A text's lowercase, shared with the memo of the last one made.
struct Lower(std::rc::Rc<String>);

impl std::ops::Deref for Lower {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

type Found = Option<(&'static catalog::Indicator, Range<usize>)>;

/// A look-up: the text's address and length, the previous subject, and
/// what was found.
type Remembered = (usize, usize, Option<&'static str>, Found);

static EDGE_SET: std::sync::LazyLock<std::collections::HashSet<&'static str, Fnv>> =
    std::sync::LazyLock::new(|| EDGE_WORDS.iter().copied().collect());

/// FNV-1a for the edge words: short keys, looked up for every noun phrase
/// (the default SipHash costs more than the look-up).
#[derive(Clone, Copy, Default)]
struct Fnv;

struct FnvHasher(u64);

impl std::hash::BuildHasher for Fnv {
    type Hasher = FnvHasher;

    fn build_hasher(&self) -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// Two-word openers stripped before single edge words ("toàn tỉnh" but
/// not the "tỉnh" of "ngân sách tỉnh").
const EDGE_PHRASES: &[&str] = &[
    "toàn tỉnh",
    "toàn huyện",
    // "Toàn bộ 33 chỉ tiêu": "all", no subject (not its "bộ" alone).
    "toàn bộ",
    "thu hút",
    "trong đó",
    "bao gồm",
    "chia ra",
    "chia theo",
    "tính chung",
    "đồng thời",
    "lũy kế",
    "luỹ kế",
    "hiện có",
    "nổi bật",
    // "bình quân 5 tháng": how the period's figure is computed.
    "bình quân",
    // "hoàn thành 47% dự toán": an attainment's verb.
    "hoàn thành",
    // "với số tiền là: 8.958 triệu đồng": the amount of the subject.
    "số tiền",
    // "tăng trưởng ở khu vực dịch vụ ...": growth, one word pair (its
    // "tăng" alone is an edge word and left "trưởng").
    "tăng trưởng",
];

/// Two-word compounds whose first (or last) word is an edge word alone:
/// "kế hoạch" is no "hoạch", "đồng hồ thông minh" no "hồ thông minh".
/// ("quốc tế", "kinh tế": "tế" alone closes a subject, as in "thực tế".)
const COMPOUNDS: &[&str] = &[
    "kế hoạch",
    "đồng hồ",
    "lâu năm",
    "đậu tương",
    "đỗ tương",
    "quốc tế",
    "kinh tế",
    // "cao su" (rubber): "cao" alone closes a subject ("tăng cao").
    "cao su",
    // "lao động ... trở về": "về" alone opens a topic ("Về kim ngạch ...").
    "trở về",
    "quay về",
    // "lượt hành khách đi về", "kiều hối gửi về", "lượng khách đổ về": a
    // verb of coming or sending and its "về" close the subject together.
    "đi về",
    "gửi về",
    "đổ về",
    "chuyển về",
    "tìm về",
];

/// Words that open a breakdown of the figure before: "Trong đó: ...",
/// "Chia ra: khu vực Nhà nước ...; khu vực ngoài Nhà nước ...".
const BREAKDOWN_OPENERS: &[&str] = &["trong đó", "bao gồm", "chia ra", "chia theo", "cụ thể"];

/// The indicators whose parts' contributions to their change, in
/// percentage points, are indicators of their own.
const CONTRIBUTIONS: &[(&str, &str)] = &[
    ("grdp", "grdp_growth_contribution"),
    ("grdp_growth", "grdp_growth_contribution"),
    ("iip", "iip_contribution"),
];

/// Words that open a sentence on a part of a whole made of parts ("Trong
/// khu vực nông, lâm nghiệp và thủy sản, ngành thủy sản tăng 11,25%"):
/// under such a whole in force (`CONTRIBUTIONS`), its figures are the
/// parts' figures of that whole, as after "Trong đó".
const PART_OPENERS: &[&str] = &["trong khu vực", "trong ngành", "trong lĩnh vực"];

/// Two-word closers: "của tỉnh", "địa bàn".
const TRAILING_PHRASES: &[&str] = &[
    "của tỉnh",
    "toàn tỉnh",
    "của huyện",
    "toàn huyện",
    "địa bàn",
    "cả nước",
    "trở lên",
    // "khu vực dịch vụ đạt mức tăng trưởng 10,7%": the growth the figure
    // is, no part of the item.
    "tăng trưởng",
];

/// Words that open a breakdown of the subject in force, even in a later
/// sentence: "ngành ...", "khu vực ...", "nhóm ...".
const CLASSIFIERS: &[&str] = &[
    "ngành", "khu", "lĩnh", "nhóm", "loại", "tuyến", "thành", "khối", "vốn", "nguồn",
];

/// Indicators named by a generic word; the words after it name the item.
const GENERIC: &[&str] = &[
    "crop_area",
    "crop_output",
    "farm_gate_price",
    "industrial_product_output",
    "livestock_herd",
    "meat_output",
    "rice_area",
    "rice_output",
];

/// Indicators whose aliases name items ("thịt lợn hơi" for farm-gate
/// prices): the item is the breakdown.
const ITEMIZED: &[&str] = &["farm_gate_price"];

/// Indicators whose aliases are a head word and an item ("đàn trâu",
/// "tổng đàn lợn"): the words after the head name the item, whatever
/// stands before ("Chăn nuôi: đàn trâu 20.150 con").
const HEADED: &[(&str, &[&str])] = &[
    ("livestock_herd", &["tổng đàn", "đàn"]),
    // "sản lượng tôm", "sản lượng cá tra" (not "sản lượng nuôi trồng thủy
    // sản": `headed_item` leaves the fishery's own words).
    ("aquaculture_output", &["sản lượng"]),
];

/// Words that open or close a subject phrase without being part of it.
const EDGE_WORDS: &[&str] = &[
    "trong",
    "đó",
    "đó,",
    "bao",
    "gồm",
    "riêng",
    "như",
    "như:",
    "và",
    "có",
    "toàn",
    "đã",
    "được",
    "với",
    "là",
    "của",
    "đạt",
    "ước",
    "tính",
    "dự",
    "kiến",
    "tăng",
    "giảm",
    "gấp",
    "bằng",
    "khoảng",
    "xấp",
    "xỉ",
    "gần",
    "trên",
    "hơn",
    "dưới",
    "chiếm",
    "hiện",
    "cùng",
    "kỳ",
    "kì",
    "lũy",
    "luỹ",
    "kế",
    "tổng",
    "số",
    "mới",
    "cao",
    "cho",
    "xảy",
    "ra",
    "làm",
    "đồng",
    "thời",
    "nổi",
    "bật",
    "khá",
    "lên",
    "còn",
    "nhất",
    "đến",
    "từ",
    "cấp",
    "nay",
    "các",
    "một",
    "những",
    "lại",
    "thêm",
    "mức",
    "đáng",
    "kể",
    "vẫn",
    "đều",
    "cả",
    "năm",
    "trước",
    "tháng",
    "dao",
    "động",
    "vượt",
    "chung",
    "đi",
    "làm",
    "thực",
    "tế",
    "nhẹ",
    "mạnh",
    "rất",
    "nhanh",
    "hay",
    "tức",
    "tương",
    "đương",
    // "giảm 11,6% so với tháng trước nhưng tăng 36% so với cùng kỳ": a
    // conjunction between two changes of one figure, as "và".
    "nhưng",
    // "Về kim ngạch xuất khẩu tháng 9 ước đạt ...": opens the topic.
    "về", // "5 tháng đón 698.300 lượt khách": the verb of receiving guests.
    "đón",
    // "..., đưa lũy kế 5 tháng đạt ...": brings the subject to its figure.
    "đưa", // "nhóm nhà ở tăng mạnh, hơn 1%": how much, after a comma.
    "tăng,",
    "giảm,",
    "mạnh,",
    "nhẹ,",
    "khá,",
    "nhanh,",
    // "ngành lâm nghiệp đạt mức tăng cao tiếp theo 7,29%": the next after
    // the highest.
    "tiếp",
    "theo",
    // "khu vực dịch vụ dự ước tăng trưởng 6,09%": the verb's second word.
    "trưởng",
];

/// A report of a quarter, of the first months of a year or of a year (its
/// title says "quý I năm 2023", "6 tháng đầu năm 2018", "năm 2014") gives
/// figures for that whole span unless they name another: the last month
/// of the span is not the period of "sản lượng lương thực đạt 285.920 tấn"
/// in a report of the year. The first months of a year read as in the text
/// ("6 tháng đầu năm" is a year to date).
fn span_fallback(p: &Period, anchor: Anchor) -> Option<Period> {
    use baocao_domain::PeriodKind as K;
    match p.kind {
        K::Quarter | K::Year => Some(Period {
            label: String::new(),
            ..p.clone()
        }),
        K::HalfYear | K::YearToDate if chrono::Datelike::month(&p.start) == 1 => {
            Period::year_to_date(anchor.year, anchor.month, "")
        }
        _ => None,
    }
}

/// Reads every observation of the report.
pub fn extract(
    doc: &Document,
    outline: &Outline,
    reporting: Option<&Period>,
    refs: &[DocumentRef],
    issues: &mut Vec<QualityIssue>,
) -> Vec<Observation> {
    let anchor = match reporting {
        Some(p) => Anchor {
            year: chrono::Datelike::year(&p.end),
            month: chrono::Datelike::month(&p.end),
        },
        None => {
            unread_without_period(doc, issues);
            return Vec::new();
        }
    };
    let mut x = Extractor {
        doc,
        anchor,
        month: Period::month(anchor.year, anchor.month, ""),
        fallback: reporting
            .and_then(|p| span_fallback(p, anchor))
            .or_else(|| Period::month(anchor.year, anchor.month, "")),
        // About one observation in 230 bytes of a report's text (the
        // median of the real reports read): sized for one in 192, the list
        // is mostly never copied (an observation is ~265 bytes: grown from
        // one in 512 the seed's list was 20, 40 and 80 KB, copied twice).
        obs: Vec::with_capacity(doc.text.len() / 192),
        issues: Vec::new(),
        snapshots: HashMap::with_capacity(doc.footnotes.len()),
        glued: HashMap::new(),
        markers: {
            // In text order (snapshot_markers searches them by position).
            let mut m: Vec<(u32, usize)> = doc
                .footnotes
                .iter()
                .filter_map(|f| f.marker.map(|m| (f.number, m.start as usize)))
                .collect();
            m.sort_by_key(|&(_, at)| at);
            m
        },
        refs: {
            let mut r: Vec<Range<usize>> = refs
                .iter()
                .map(|r| r.span.start as usize..r.span.end as usize)
                .collect();
            r.sort_by_key(|r| r.start);
            r
        },
        refs_reach: Vec::new(),
        last_levels: Vec::new(),
        cpi_head: None,
        sentence_levels: Vec::new(),
        clause_targets: Vec::new(),
        clause_next: None,
        national_sentence: None,
        found: std::cell::RefCell::new(Vec::new()),
        clause_words: std::cell::RefCell::new(Vec::new()),
        lowered: std::cell::RefCell::new((None, std::rc::Rc::default())),
        last_np: std::cell::RefCell::new(NpMemo::default()),
        word_lower: std::cell::RefCell::new(String::new()),
        word_ids: std::cell::RefCell::new(catalog::WordCache::default()),
        bases: std::cell::RefCell::new(BasesWritten::default()),
        bracket_depth: 0,
    };
    x.refs_reach = x
        .refs
        .iter()
        .scan(0, |reach, r| {
            *reach = (*reach).max(r.end);
            Some(*reach)
        })
        .collect();
    let tasks = outline.tasks.as_ref();
    let mut heading_starts: Vec<u32> = outline.sections.iter().map(|s| s.span.start).collect();
    heading_starts.sort_unstable();
    // The state the last paragraph read ended in, and that paragraph.
    let mut last: Option<(usize, State)> = None;
    // The section of the last paragraph read, and the period its first
    // paragraph named with no figure (see `lead` below).
    let mut lead: (Option<Option<usize>>, Option<Period>) = (None, None);
    let in_tasks = |pi: usize| {
        tasks.is_some_and(|t| {
            outline.para_section[pi] == Some(t.section)
                || (pi >= t.starts.first().map_or(usize::MAX, |s| s.0) && pi < t.end)
        })
    };
    let section_of = |pi: usize| {
        outline.para_section[pi].map_or(String::new(), |s| outline.sections[s].number.clone())
    };
    // The end of the table being skipped (its cells were read as one).
    let mut table_end = 0;
    // The end of the run of cells being read, and the paragraph before
    // which no table starts in it (`table::NoTable`): each is found once a
    // run, not once a cell.
    let (mut run_end, mut no_table_until) = (0, 0);
    // The observations of a headline read as the first paragraph.
    let mut headline = 0..0;
    for (pi, p) in doc.paras.iter().enumerate() {
        if pi < table_end {
            continue;
        }
        // A table laid out one cell a line: read as rows and columns.
        if p.cell && pi >= no_table_until && p.zone != Zone::Closing && !in_tasks(pi) {
            // A numbered row ("1. Công nghiệp khai khoáng") opens the body
            // zone: the table goes on.
            if pi >= run_end {
                run_end = (pi..doc.paras.len())
                    .find(|&q| !doc.paras[q].cell || doc.paras[q].zone == Zone::Closing)
                    .unwrap_or(doc.paras.len());
            }
            match table::read(doc, pi..run_end, &section_of, anchor, x.fallback.as_ref()) {
                Ok(read) => {
                    x.obs.extend(read.obs);
                    x.issues.extend(read.issues);
                    table_end = run_end;
                    last = None;
                    continue;
                }
                Err(none) => no_table_until = none.until,
            }
        }
        let in_tasks = in_tasks(pi);
        let readable = match p.zone {
            // A title in capitals ("KẾT QUẢ ... THÁNG 9 NĂM 2024") states
            // no figure, even where the outline took it for text.
            Zone::Body => {
                !in_tasks
                    && heading_starts.binary_search(&p.span.start).is_err()
                    && !in_capitals(doc.para(pi))
            }
            // A preamble before the first heading (a statistics brief's
            // GRDP paragraph); not the header lines. A short one is read
            // when it is a finished sentence with a percent ("Chỉ số giá
            // tháng 7 ... tăng 3,75% so với cùng kỳ năm trước."), which no
            // header line is: skipped, its figure was lost without a word.
            // A long headline is read too: what its body repeats is
            // dropped below (`drop_repeated_headline`).
            Zone::Front => {
                let t = doc.para(pi);
                let lead = t.trim_end().ends_with('.') && t.contains('%');
                (t.len() > 120 || lead)
                    && t.bytes().any(|b| b.is_ascii_digit())
                    && !t.starts_with("Số")
            }
            Zone::Closing => false,
        };
        // "1. Công nghiệp: Chỉ số ...": the text after an inline heading.
        let inline = outline.inline.iter().find(|(i, _)| *i == pi).map(|e| e.1);
        let readable = readable || (inline.is_some() && !in_tasks);
        if !readable {
            // A line of figures before the first heading ("Tổng số 113,65
            // 109,16 109,76": a table's row no table reader took) is no
            // header line: its figures are not read, with an issue (they
            // were lost without a word).
            if p.zone == Zone::Front
                && let Some(at) = figures_in_a_row(doc.para(pi))
            {
                x.issues.push(QualityIssue {
                    kind: QualityIssueKind::UnattachedNumber,
                    message: format!(
                        "figures in a row before the report's first heading: {:?}; not read",
                        doc.para(pi).trim()
                    ),
                    span: Span::new(p.span.start as usize + at, p.span.end as usize),
                });
            }
            continue;
        }
        let section = outline.para_section[pi].map_or("", |s| outline.sections[s].number.as_str());
        let mut state = State {
            // "1. Sản xuất nông, lâm nghiệp (tính đến ngày 15/5/2024)": the
            // period of its sections' figures that write none.
            period: outline.para_section[pi].and_then(|s| heading_cutoff(outline, s)),
            ..State::default()
        };
        // "CPI tháng 12 tăng 0,7% so với tháng trước ..." then a paragraph
        // "So với tháng trước, nhóm giáo dục tăng 15,64%. Nhóm ...": a
        // press copy breaks the index's groups into paragraphs of their
        // own; a paragraph that opens on a group right after the index's
        // figures is of the index (it became a subject with no indicator).
        if inline.is_none()
            && state.code.is_empty()
            && let Some((lp, _)) = &last
            && lp + 1 == pi
            && outline.para_section[*lp] == outline.para_section[pi]
            && let Some(o) = x.obs.last().filter(|o| o.indicator == "cpi")
            && opens_on_group(doc.para(pi))
        {
            state.code = catalog::by_code("cpi").map_or("", |i| i.code);
            state.label = o.label.clone();
        }
        // A paragraph opened by "Trong đó", "Chia ra" ... breaks down the
        // figure the paragraph just before ended on (a line break the
        // writer or a web copy put inside the statement).
        if inline.is_none()
            && let Some((lp, ls)) = last.take()
            && lp + 1 == pi
            && outline.para_section[lp] == outline.para_section[pi]
            && ls.current.is_some()
            && (opens_breakdown(doc.para(pi)) || opens_on_part(doc.para(pi), ls.code))
        {
            state = ls;
            state.compare_mode = false;
            state.in_breakdown = false;
        }
        // "Theo báo cáo của UBND tỉnh, trong 10 tháng năm 2025, tình hình
        // kinh tế - xã hội ... tiếp tục ổn định." then paragraphs of figures
        // that write no period: a lead paragraph, the first of its section
        // and stating no figure, names the period of the section's later
        // paragraphs (a press copy cuts a report's statement into short
        // paragraphs). A paragraph that names its own period keeps it; the
        // section's heading cut-off comes first.
        let first_of_section = lead.0 != Some(outline.para_section[pi]);
        let mut carried = None;
        if first_of_section {
            lead = (Some(outline.para_section[pi]), None);
        } else if state.period.is_none() {
            state.period = lead.1.clone();
            carried = lead.1.clone();
        }
        let found = (x.obs.len(), x.issues.len());
        x.paragraph(
            inline.unwrap_or(p.span.start) as usize,
            p.span.end as usize,
            section,
            None,
            &mut state,
        );
        // "Kim ngạch xuất khẩu ... tăng 3,5% so với tháng trước" under a
        // lead of "10 tháng năm 2025": a figure compared with the month
        // before is the span's last month's (a cumulative span has no
        // month before it).
        if let Some(c) = carried.filter(|c| c.kind == PeriodKind::YearToDate)
            && let Some(month) = Period::month(
                chrono::Datelike::year(&c.end),
                chrono::Datelike::month(&c.end),
                "",
            )
            .filter(|m| m.end == c.end)
        {
            for o in &mut x.obs[found.0..] {
                if o.period.as_ref() == Some(&c)
                    && o.comparisons.iter().any(|k| {
                        k.base == ComparisonBase::PreviousPeriod
                            && k.base_label.contains("tháng trước")
                    })
                {
                    o.period = Some(month.clone());
                }
            }
        }
        // Only a period that ends within the report's own span ("trong 10
        // tháng năm 2025" of an October report) is the lead's: "Tháng 5
        // năm 2023, ngành du lịch ..." or "Năm 2024 là năm ..." of a May
        // report is background.
        if first_of_section && inline.is_none() && found == (x.obs.len(), x.issues.len()) {
            lead.1 = state.period.clone().filter(|p| {
                x.fallback
                    .as_ref()
                    .is_some_and(|f| (f.start..=f.end).contains(&p.end))
            });
        }
        if pi == 0 && p.zone == Zone::Front {
            headline = found.0..x.obs.len();
        }
        last = Some((pi, state));
    }
    for f in &doc.footnotes {
        let Some(mut state) = x.snapshots.get(&f.number).cloned() else {
            // A footnote whose marker was not found has no context: its
            // numbers are read on their own.
            let mut state = State::default();
            x.paragraph(
                f.span.start as usize,
                f.span.end as usize,
                "",
                Some(f.number),
                &mut state,
            );
            continue;
        };
        state.current = None;
        state.in_breakdown = false;
        state.compare_mode = false;
        // "kinh phí 2,9 tỷ đồng²" with "² Tăng 1,8% so với cùng kỳ": the
        // footnote reads on from the figure its marker is glued to when its
        // first figure can be of it (a change, or the same kind of unit);
        // items of another unit ("Trong đó: kinh doanh hàng cấm 9 vụ"
        // after "512 triệu đồng²") stay with the subject in force.
        if let Some((label, breakdown, unit)) = x.glued.get(&f.number)
            && first_unit_fits(&doc.text[f.span.start as usize..f.span.end as usize], *unit)
        {
            state.label = label.clone();
            state.breakdown = breakdown.clone();
        }
        let section = f
            .marker_para
            .and_then(|p| outline.para_section[p])
            .map_or("", |s| outline.sections[s].number.as_str());
        x.paragraph(
            f.span.start as usize,
            f.span.end as usize,
            section,
            Some(f.number),
            &mut state,
        );
    }
    issues.append(&mut x.issues);
    drop_repeated_headline(&mut x.obs, headline);
    dated_by_base(&mut x.obs);
    respective_changes(&mut x.obs, anchor);
    respective_subjects(&mut x.obs, anchor);
    adjusted_projects(&mut x.obs);
    x.obs
}

/// "cấp mới ... cho 681 dự án FDI với tổng vốn đầu tư đạt 1,89 tỷ USD và
/// 184 dự án điều chỉnh tăng vốn với tổng vốn đầu tư là 703,4 triệu USD":
/// a count of projects right before "điều chỉnh" is of adjusted projects,
/// not of more new ones (the subject in force); an amount of capital right
/// after a count of projects, named by no indicator, is that count's
/// capital.
fn adjusted_projects(obs: &mut [Observation]) {
    static ADJUSTED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(\d[\d.,]*)\s+(?:lượt\s+)?dự\s+án\s+(?:được\s+)?điều\s+chỉnh")
            .expect("adjusted projects")
    });
    for i in 0..obs.len() {
        let code = obs[i].indicator.as_str();
        if !["fdi_projects_new", "domestic_projects_new"].contains(&code) {
            continue;
        }
        let Some(value) = obs[i]
            .quantity
            .as_ref()
            .filter(|q| q.unit_code == UnitCode::Project)
            .map(|q| q.value)
        else {
            continue;
        };
        let s = &obs[i].provenance.sentence;
        let adjusted = s.contains("điều chỉnh")
            && ADJUSTED
                .captures_iter(s)
                .any(|c| parse_number(&c[1]) == Some(value));
        let count = if adjusted {
            code.replace("_new", "_adjusted")
        } else {
            code.to_owned()
        };
        if let Some(next) = obs.get(i + 1)
            && next.indicator.is_empty()
            && next.provenance.sentence == obs[i].provenance.sentence
            && next
                .quantity
                .as_ref()
                .is_some_and(|q| matches!(q.unit_code, UnitCode::Usd | UnitCode::Vnd))
            && lowercase(&next.label).contains("vốn")
        {
            obs[i + 1].indicator = format!("{count}_capital");
        }
        obs[i].indicator = count;
    }
}

/// "so với tháng trước và cùng kỳ tăng lần lượt 5,4% và 17,2%" (or the
/// bases after: "giảm tương ứng 1,5% và 0,7% so với tháng trước và so với
/// cùng kỳ"): two changes of one subject, each on its base in order, read
/// first as two levels of it (the verb is not next to the figures).
fn respective_changes(obs: &mut Vec<Observation>, anchor: Anchor) {
    static BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?:^|[\s,;])[Ss]o\s+(?:với\s+)?([^,;.%]+?)\s+và\s+(?:so\s+(?:với\s+)?)?([^,;.%]+?)\s*,?\s*(?:đều\s+)?(tăng|giảm)\s+(?:lần\s+lượt|tương\s+ứng)\s+(?:là\s+)?(\d[\d.,]*)\s*%\s*(?:và|,)\s*(\d[\d.,]*)\s*%",
        )
        .expect("respective bases before")
    });
    static AFTER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(tăng|giảm)\s+(?:lần\s+lượt|tương\s+ứng)\s+(?:là\s+)?(\d[\d.,]*)\s*%\s*(?:và|,)\s*(\d[\d.,]*)\s*%\s+so\s+(?:với\s+)?([^,;%]+?)\s+và\s+(?:so\s+(?:với\s+)?)?([^,;%]+?)\s*(?:[,;]|\.(?:\s|$)|$)",
        )
        .expect("respective bases after")
    });
    let mut i = 0;
    while i + 1 < obs.len() {
        // Two percent levels without comparisons first (most pairs are
        // not), then the sentence.
        let (Some(p), Some(q)) = (
            bare_percent(&obs[i]).map(|q| q.value),
            bare_percent(&obs[i + 1]).map(|q| q.value),
        ) else {
            i += 1;
            continue;
        };
        let s = &obs[i].provenance.sentence;
        let pair = obs[i].indicator == obs[i + 1].indicator
            && obs[i].label == obs[i + 1].label
            && obs[i].provenance.sentence == obs[i + 1].provenance.sentence
            && (s.contains("lần lượt") || s.contains("tương ứng"));
        if !pair {
            i += 1;
            continue;
        }
        let found = BEFORE
            .captures_iter(s)
            .map(|c| {
                (
                    c[1].to_owned(),
                    c[2].to_owned(),
                    c[3].to_owned(),
                    c[4].to_owned(),
                    c[5].to_owned(),
                )
            })
            .chain(AFTER.captures_iter(s).map(|c| {
                (
                    c[4].to_owned(),
                    c[5].to_owned(),
                    c[1].to_owned(),
                    c[2].to_owned(),
                    c[3].to_owned(),
                )
            }))
            .find_map(|(a, b, verb, x, y)| {
                let (x, y) = (parse_number(&x)?, parse_number(&y)?);
                if x != p || y != q {
                    return None;
                }
                let (ba, la, _) = base_at(&format!("so với {}", a.trim()), anchor)?;
                let (bb, lb, _) = base_at(&format!("so với {}", b.trim()), anchor)?;
                let sign = if verb == "giảm" { -1.0 } else { 1.0 };
                Some([(ba, la, sign * x), (bb, lb, sign * y)])
            });
        if let Some(changes) = found {
            obs[i].quantity = None;
            obs[i].comparisons = changes
                .into_iter()
                .map(|(base, base_label, v)| Comparison {
                    base,
                    base_label,
                    change: Change::PercentChange(v),
                    qualifier: Qualifier::Exact,
                })
                .collect();
            obs.remove(i + 1);
        }
        i += 1;
    }
}

/// The quantity of an observation that is a level in percent with no
/// comparison: how a change read away from its verb ("giảm lần lượt 6,3%
/// và 21,5%") first comes out.
fn bare_percent(o: &Observation) -> Option<&Quantity> {
    o.quantity
        .as_ref()
        .filter(|q| q.unit_code == UnitCode::Percent && o.comparisons.is_empty())
}

/// "1.245 doanh nghiệp thành lập mới, với tổng vốn đăng ký 9.870 tỷ đồng,
/// giảm lần lượt 6,3% về số doanh nghiệp và 21,5% về vốn so với cùng kỳ":
/// the two changes are of the two figures before them, in order
/// ("respectively"); read first as two levels in percent (the verb is not
/// next to the figures). With no base written, the same period a year
/// before, as for any change.
fn respective_subjects(obs: &mut Vec<Observation>, anchor: Anchor) {
    static PAIR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(tăng|giảm)\s+lần\s+lượt\s+(?:là\s+)?(?:(?:hơn|gần|khoảng|trên)\s+)?(\d[\d.,]*)\s*%(?:\s+về\s+[^,;.%\d]+?)?\s*(?:và|,)\s*(?:(?:hơn|gần|khoảng|trên)\s+)?(\d[\d.,]*)\s*%(?:\s+về\s+[^,;.%\d]+?)?(?:\s*,?\s*(so\s+(?:với\s+)?[^,;.%]+))?",
        )
        .expect("respective subjects")
    });
    let mut i = 2;
    while i + 1 < obs.len() {
        let level = |o: &Observation| bare_percent(o).map(|q| (q.value, q.qualifier));
        let (Some((p, pq)), Some((q, qq))) = (level(&obs[i]), level(&obs[i + 1])) else {
            i += 1;
            continue;
        };
        let s = obs[i].provenance.sentence.clone();
        let figure = |o: &Observation| {
            o.provenance.sentence == s
                && o.quantity
                    .as_ref()
                    .is_some_and(|q| q.unit_code != UnitCode::Percent)
        };
        if obs[i + 1].provenance.sentence != s
            || !s.contains("lần lượt")
            || !figure(&obs[i - 2])
            || !figure(&obs[i - 1])
            || obs[i - 2].indicator == obs[i - 1].indicator
                && obs[i - 2].breakdown == obs[i - 1].breakdown
        {
            i += 1;
            continue;
        }
        let found = PAIR.captures_iter(&s).find_map(|c| {
            let (x, y) = (parse_number(&c[2])?, parse_number(&c[3])?);
            if x != p || y != q {
                return None;
            }
            let (base, label) = match c.get(4) {
                Some(b) => {
                    let (base, label, _) = base_at(b.as_str(), anchor)?;
                    (base, label)
                }
                None => (ComparisonBase::SamePeriodLastYear, String::new()),
            };
            let sign = if &c[1] == "giảm" { -1.0 } else { 1.0 };
            Some((base, label, sign * x, sign * y))
        });
        let Some((base, base_label, x, y)) = found else {
            i += 1;
            continue;
        };
        for (k, v, qualifier) in [(i - 2, x, pq), (i - 1, y, qq)] {
            obs[k].comparisons.push(Comparison {
                base,
                base_label: base_label.clone(),
                change: Change::PercentChange(v),
                qualifier,
            });
        }
        obs.drain(i..i + 2);
    }
}

impl<'d> Extractor<'d> {
    /// The base of a change of observation `i`: the one written, else for a
    /// group of the consumer price index in a later sentence naming none
    /// ("CPI tháng 5 tăng 0,42% so với tháng trước. Nhóm giao thông giảm
    /// 1,2%"), the base of the index's own change in the same section.
    /// Remembers the index's own first base of each sentence.
    fn cpi_base(
        &mut self,
        i: usize,
        written: Option<(ComparisonBase, String)>,
        loc: Loc,
    ) -> Option<(ComparisonBase, String)> {
        let o = &self.obs[i];
        if o.indicator != "cpi" || loc.footnote.is_some() {
            return written;
        }
        let same_section = |h: &(String, usize, ComparisonBase, String)| h.0 == loc.section;
        match written {
            Some((b, l)) => {
                let new_sentence = self
                    .cpi_head
                    .as_ref()
                    .is_none_or(|h| !same_section(h) || h.1 != loc.sentence_off);
                if o.breakdown.is_empty() && new_sentence && b != ComparisonBase::Other {
                    self.cpi_head = Some((loc.section.to_owned(), loc.sentence_off, b, l.clone()));
                }
                Some((b, l))
            }
            None => self
                .cpi_head
                .as_ref()
                .filter(|h| same_section(h) && h.1 != loc.sentence_off && !o.breakdown.is_empty())
                .map(|h| (h.2, h.3.clone())),
        }
    }

    /// `catalog::find_in`, remembered for the clause being read.
    fn find(&self, text: &str, previous: Option<&'static str>) -> Found {
        // Keyed by the slice itself (address and length): every text looked
        // up is a slice of the clause being read, and the cache is emptied
        // whenever a clause begins or ends, so an address never outlives
        // its text here.
        let key = (text.as_ptr() as usize, text.len());
        let mut cache = self.found.borrow_mut();
        if let Some((_, _, _, hit)) = cache
            .iter()
            .find(|(p, l, prev, _)| (*p, *l) == key && *prev == previous)
        {
            return hit.clone();
        }
        let hit = self.find_uncached(text, previous);
        // A clause of many figures (one sentence of hundreds of clauses
        // joined by commas) would make the look-up above read a long list
        // for every phrase: the memo keeps the clause's recent look-ups.
        if cache.len() >= FOUND_KEPT {
            cache.clear();
        }
        cache.push((key.0, key.1, previous, hit.clone()));
        hit
    }

    /// `lowercase(text)`, remembered for the next call with the same text.
    /// Keyed by the slice (address and length) like `find`: every text
    /// lowercased is a slice of the clause being read, and the memo is
    /// emptied whenever a clause begins or ends.
    fn lower(&self, text: &str) -> Lower {
        let key = (text.as_ptr() as usize, text.len());
        let mut memo = self.lowered.borrow_mut();
        let (at, lower) = &mut *memo;
        if *at == Some(key) {
            return Lower(lower.clone());
        }
        // The last lowercase's buffer, made again in place when no one
        // holds it; else a new one.
        match std::rc::Rc::get_mut(lower) {
            Some(buf) => {
                buf.clear();
                lowercase_into(text, buf);
            }
            None => *lower = std::rc::Rc::new(baocao_domain::text::lowercase(text)),
        }
        *at = Some(key);
        Lower(lower.clone())
    }

    /// `f` of the lowercase of `word`, made in a buffer the parse reuses
    /// (`f` must not lowercase with it again).
    fn with_lower<R>(&self, word: &str, f: impl FnOnce(&str) -> R) -> R {
        let mut buf = self.word_lower.borrow_mut();
        buf.clear();
        lowercase_into(word, &mut buf);
        f(&buf)
    }

    /// `noun_phrase`, remembered for the next call with the same arguments.
    /// Keyed by the gap's slice like `find`: every gap is a slice of the
    /// clause being read, whose mentions are the ones passed, and the memo
    /// is emptied whenever a clause begins or ends.
    fn noun_phrase(
        &self,
        gap: &str,
        cursor: usize,
        mentions: &[when::Mention],
        subject: Option<Range<usize>>,
        label: &str,
    ) -> String {
        let mut memo = self.last_np.borrow_mut();
        let memo = &mut *memo;
        let key = (gap.as_ptr() as usize, gap.len(), cursor, subject);
        if memo.valid && memo.key == key && memo.label == label {
            return memo.np.clone();
        }
        let np = noun_phrase_with(
            &mut memo.scratch,
            gap,
            cursor,
            mentions,
            key.3.clone(),
            label,
        );
        memo.valid = true;
        memo.key = key;
        memo.label.clear();
        memo.label.push_str(label);
        memo.np.clone_from(&np);
        np
    }

    /// Whether `start..end` lies inside a cited document's span.
    fn in_ref(&self, start: usize, end: usize) -> bool {
        let k = self.refs.partition_point(|r| r.start <= start);
        k > 0 && self.refs_reach[k - 1] >= end
    }

    /// `catalog::find_in`, on the words of the clause being read when
    /// `text` is a part of it that starts and ends between words (the same
    /// answer without splitting the words again).
    fn find_uncached(&self, text: &str, previous: Option<&'static str>) -> Found {
        let hit = self.find_in_clause(text, previous)?;
        // "khu vực nông, lâm nghiệp và thủy sản đạt 2.310 tỷ đồng": the
        // sector (of the GRDP, of investment), not the fisheries output
        // its last words name.
        if hit.0.code == "aquaculture_output" && hit.1.end - hit.1.start <= "thuỷ sản".len() {
            let before = lowercase(tail(text[..hit.1.start].trim_end(), 32));
            let before = before.strip_suffix(" và").unwrap_or(&before);
            if before.ends_with("lâm nghiệp") || before.ends_with("nông, lâm") {
                // (A name after it is looked for: "Trong khu vực nông, lâm
                // nghiệp và thủy sản, ngành thủy sản tăng 11,2%".)
                let from = hit.1.end;
                return self
                    .find_uncached(&text[from..], previous)
                    .map(|(ind, r)| (ind, r.start + from..r.end + from));
            }
        }
        Some(hit)
    }

    fn find_in_clause(&self, text: &str, previous: Option<&'static str>) -> Found {
        let stack = self.clause_words.borrow();
        if let Some((addr, len, Some(words))) = stack.last() {
            // Offsets only: `text` is a part of the clause when its address
            // falls inside the clause's bytes.
            let start = (text.as_ptr() as usize).wrapping_sub(*addr);
            if start <= *len && text.len() <= *len - start {
                let end = start + text.len();
                if words.is_boundary(start) && words.is_boundary(end) {
                    return catalog::find_in_words(words, start..end, previous)
                        .map(|(ind, r)| (ind, r.start - start..r.end - start));
                }
            }
        }
        catalog::find_in_cached(text, previous, &mut self.word_ids.borrow_mut())
    }

    fn paragraph(
        &mut self,
        start: usize,
        end: usize,
        section: &str,
        footnote: Option<u32>,
        state: &mut State,
    ) {
        let doc: &'d Document = self.doc;
        let text = &doc.text[start..end];
        self.last_levels.clear();
        // A plan's year the last sentence stated, and the period before it.
        let mut plan_year: Option<(Period, Option<Period>)> = None;
        // A forecast of a period after the report's the last sentence
        // wrote, the period before it, and the status of the sentence's
        // first figure when that figure was of another period.
        let mut forecast: Option<(Period, Option<Period>, Option<ObservationStatus>)> = None;
        let mut sentence_before = "";
        for s in sentences(text) {
            let sentence = &text[s.clone()];
            let before = std::mem::replace(&mut sentence_before, sentence);
            // "Kế hoạch năm 2024 giải quyết việc làm cho 3.500 lao động":
            // the plan's year names the plan (rule 14) and does not carry
            // to the sentences after.
            if let Some((year, before)) = plan_year.take()
                && state.period.as_ref() == Some(&year)
            {
                state.period = before;
            }
            let loc = Loc {
                section,
                footnote,
                sentence,
                sentence_off: start + s.start,
            };
            // "Trong đó: ...", "Cụ thể: ..." break down the figure of the
            // sentence before: they keep its status and its base.
            let part = opens_on_part(sentence, state.code);
            let growth_lead = after_growth_lead(sentence, state.code);
            let opener = opens_breakdown(sentence) || part || growth_lead.is_some();
            // "Dư nợ ... đạt 36.804 tỷ đồng, ..., ước đến cuối tháng 9 đạt
            // 37.200 tỷ đồng. Trong đó, cho vay ...": in an August report
            // the forecast dates its own figure; the sentences after are
            // of the period before it (a breakdown, of the figure before
            // the forecast, with its status).
            if let Some((p, before, status)) = forecast.take()
                && state.period.as_ref() == Some(&p)
            {
                if !opener {
                    state.period = before;
                } else if let Some(status) = status {
                    state.period = before;
                    state.status = status;
                }
            }
            let period_before = state.period.clone();
            if !opener {
                state.base = None;
            }
            state.in_breakdown = false;
            state.parent = None;
            state.compare_mode = false;
            state.breakdown_fresh = false;
            // ("Có 8/11 nhóm hàng CPI tăng so với tháng 7. Trong đó các
            // nhóm ...": the subject a count displaced is the parts' also
            // when the opener starts the next sentence.)
            if !opener {
                state.pending = None;
            } else if state.pending.is_some() && state.base.is_none() {
                // (And the base the count wrote after no figure: "... tăng
                // so với tháng trước. Trong đó nhóm giáo dục tăng 0,42%".)
                state.base = last_base_written(before, self.anchor);
            }
            state.season = when::leading_season(sentence)
                .or_else(|| rice_season(sentence))
                .map(str::to_owned)
                .unwrap_or_default();
            if footnote.is_none() || s.start > 0 {
                state.fresh = false;
                // A sentence that writes no "ước" / "dự kiến" is actual; but
                // "Trong đó: ..." breaks down the figure before it, whose
                // status it keeps.
                if !opener {
                    state.status = ObservationStatus::Actual;
                }
                // "Năng suất lúa cả năm ước đạt 54 tạ/ha ...": the year's
                // estimate is its sentence's; the next is the report's.
                if state.period.as_ref().is_some_and(when::is_whole_year) {
                    state.period = None;
                }
            }
            self.sentence_levels.clear();
            let mut body_start = 0;
            if let Some((b, label, n)) =
                leading_base(sentence, self.anchor).or_else(|| self.opening_base(sentence))
            {
                state.base = Some((b, label));
                state.compare_mode = true;
                body_start = n;
            } else if let Some(n) = growth_lead {
                body_start = n;
            }
            let mut parts = clauses(&sentence[body_start..]);
            if state.compare_mode {
                // "So với cùng kỳ, giảm 3 vụ, tăng 1 người chết": each change
                // parted by a comma is for a level of its own.
                parts = comma_parts(&sentence[body_start..], parts);
            }
            let targets = self.last_levels.clone();
            let first_obs = self.obs.len();
            let mut compared = 0;
            for (i, c) in parts.into_iter().enumerate() {
                let mut r = body_start + c.start..body_start + c.end;
                if !self.clause_targets.is_empty() {
                    // The clause after a compared one is read on its own.
                    self.clause_targets.clear();
                    state.compare_mode = false;
                }
                if !state.compare_mode
                    && let Some((b, label, n)) = clause_base(&sentence[r.clone()], self.anchor)
                {
                    state.base = Some((b, label));
                    r.start += n;
                    self.clause_targets = self.sentence_levels[compared..].to_vec();
                    compared = self.sentence_levels.len();
                    self.clause_next = None;
                    if let Some(&t) = self.clause_targets.first() {
                        state.compare_mode = true;
                        state.current = Some(t);
                    }
                } else if state.compare_mode {
                    state.current = self.compare_target(&sentence[r.clone()], &targets, i);
                }
                if !state.compare_mode
                    && let Some(lead) = year_earlier_lead(&sentence[r.clone()])
                {
                    self.year_earlier_clause(
                        &sentence[r.start + lead..r.end],
                        r.start + lead,
                        loc,
                        state,
                    );
                    continue;
                }
                self.clause(&sentence[r.clone()], r.start, loc, state, false);
            }
            self.clause_targets.clear();
            if !self.sentence_levels.is_empty() {
                self.last_levels = std::mem::take(&mut self.sentence_levels);
            }
            // "Trong 5 tháng đầu năm, tình hình ... ổn định. Chỉ số IIP tăng
            // 2,1% so với tháng trước": a cumulative span an earlier
            // sentence named does not date a figure compared with the month
            // before, the span's last month's (as the lead's, in `extract`).
            if let Some(c) = period_before
                .as_ref()
                .filter(|c| c.kind == PeriodKind::YearToDate)
                && let Some(month) = Period::month(
                    chrono::Datelike::year(&c.end),
                    chrono::Datelike::month(&c.end),
                    "",
                )
                .filter(|m| m.end == c.end)
                // (A sentence writing the span again keeps it.)
                && !when::mentions(sentence, self.anchor)
                    .iter()
                    .any(|m| (m.period.start, m.period.end) == (c.start, c.end))
            {
                for o in &mut self.obs[first_obs..] {
                    if o.period.as_ref() == Some(c)
                        && o.comparisons.iter().any(|k| {
                            k.base == ComparisonBase::PreviousPeriod
                                && k.base_label.contains("tháng trước")
                        })
                    {
                        o.period = Some(month.clone());
                    }
                }
            }
            // "Tháng 5 (từ 15/4 đến 14/5)": the month as its figures are
            // counted.
            if let Some(range) = bracket_range(sentence, self.anchor) {
                for o in &mut self.obs[first_obs..] {
                    if let Some(p) = o.period.as_mut()
                        && p.kind == PeriodKind::Month
                        && p.start <= range.end
                        && range.end <= p.end
                    {
                        *p = range.clone();
                    }
                }
            }
            if state.period != period_before
                && let Some(year) = state
                    .period
                    .as_ref()
                    .filter(|p| self.names_plan(sentence, p))
                    .cloned()
            {
                plan_year = Some((year, period_before));
            } else if state.period != period_before
                && let Some(day) = state
                    .period
                    .as_ref()
                    .filter(|p| {
                        p.kind == PeriodKind::AsOfDate
                            && ["tại ", "Tại ", "thời điểm ", "Thời điểm "]
                                .iter()
                                .any(|w| p.label.starts_with(w))
                    })
                    .cloned()
            {
                // "Tại thời điểm 01/10/2024: đàn trâu ...": a census day
                // dates the stocks of its sentence, not the outputs after.
                plan_year = Some((day, period_before));
            } else if state.period != period_before
                && matches!(
                    state.status,
                    ObservationStatus::Estimate | ObservationStatus::Forecast
                )
                && let Some(p) = state
                    .period
                    .as_ref()
                    // (A year's estimate is its sentence's already.)
                    .filter(|p| p.kind != PeriodKind::Year)
                    .filter(|p| self.month.as_ref().is_some_and(|m| p.end > m.end))
                && let Some(first) = self.obs.get(first_obs)
            {
                let status = (first.period.as_ref() != Some(p)).then_some(first.status);
                forecast = Some((p.clone(), period_before, status));
            }
            // "Tai nạn giao thông trong 2 tháng đầu năm tăng cả 3 tiêu chí.
            // Toàn tỉnh xảy ra 56 vụ ...": a sentence without figures that
            // names the months (not a year, often a plan's or a name's)
            // sets the period of the sentences after it.
            if self.obs.len() == first_obs
                && footnote.is_none()
                // (Every phrase of months but "trong tháng", the report's
                // own, holds a digit: most narrative sentences hold none.)
                && sentence.bytes().any(|b| b.is_ascii_digit())
                // (Where the tasks start is looked for only if a month is
                // found.)
                && let plan_start = std::cell::OnceCell::new()
                && let Some(m) = when::mentions(sentence, self.anchor)
                    .into_iter()
                    .rev()
                    .find(|m| {
                        matches!(
                            m.period.kind,
                            PeriodKind::Month
                                | PeriodKind::YearToDate
                                | PeriodKind::Quarter
                                | PeriodKind::HalfYear
                        )
                        // "(tháng 01/2020 trùng với kỳ nghỉ Tết)": an aside
                        // in brackets sets no period.
                        && !in_brackets(sentence, m.start)
                        // "tình hình ... tháng 02, nhiệm vụ trọng tâm tháng
                        // 3 năm 2023": the tasks' month dates no figure.
                        && plan_start
                            .get_or_init(|| crate::metadata::plan_start(sentence))
                            .is_none_or(|p| m.start < p)
                    })
            {
                state.period = Some(m.period);
            }
            // "Trong tháng 5 (tính đến ngày 16/5/2024)": the figures of the
            // sentence run to the cut-off, not to the month's end.
            if let Some(cut) = cutoff(sentence) {
                let span = loc.sentence_off..loc.sentence_off + sentence.len();
                // Markers are in text order: only those in the span.
                let first = self.markers.partition_point(|&(_, at)| at < span.start);
                let last = self.markers.partition_point(|&(_, at)| at < span.end);
                let in_sentence: Vec<u32> =
                    self.markers[first..last].iter().map(|(n, _)| *n).collect();
                for n in in_sentence {
                    if let Some(p) = self.snapshots.get_mut(&n).and_then(|s| s.period.as_mut()) {
                        cut_period(p, cut);
                    }
                }
                for o in &mut self.obs[first_obs..] {
                    if let Some(p) = o.period.as_mut()
                        && p.start <= cut
                        && cut < p.end
                        && matches!(p.kind, PeriodKind::Month | PeriodKind::YearToDate)
                    {
                        if p.kind == PeriodKind::Month {
                            p.kind = PeriodKind::DateRange;
                        }
                        p.end = cut;
                    }
                }
            }
        }
    }

    /// Whether `year`, a year in force after `sentence`, is written there
    /// as a plan's: "Kế hoạch năm 2024", "kế hoạch vốn năm 2024".
    fn names_plan(&self, sentence: &str, year: &Period) -> bool {
        year.kind == PeriodKind::Year
            && when::mentions(sentence, self.anchor)
                .iter()
                .filter(|m| m.period == *year)
                .any(|m| {
                    let before = lowercase(&sentence[..m.start]);
                    before.rfind("kế hoạch").is_some_and(|k| {
                        !before[k..].contains(|c: char| c.is_ascii_digit() || ",;".contains(c))
                    })
                })
    }

    /// "So với cùng kỳ năm trước, số vụ tai nạn giao thông giảm 4 vụ
    /// (-16%); số người chết tăng 1 người": a base opening the sentence
    /// before a comma compares the levels of the sentence before, when its
    /// first clause names one of them or none ("So với cùng kỳ, kim ngạch
    /// xuất khẩu tăng 5%" after the traffic figures is a sentence of its
    /// own).
    fn opening_base(&self, sentence: &str) -> Option<(ComparisonBase, String, usize)> {
        // "Cụ thể, so với cùng kỳ năm ngoái số vụ giảm ...": the same, after
        // a lead-in.
        let lead = ["Cụ thể, so ", "Cụ thể so "]
            .iter()
            .find(|l| sentence.trim_start().starts_with(*l))
            .map_or(0, |l| {
                sentence.len() - sentence.trim_start().len() + l.len() - "so ".len()
            });
        let sentence = &sentence[lead..];
        if self.last_levels.is_empty()
            || !(sentence.trim_start().starts_with("So ")
                || (lead > 0 && sentence.trim_start().starts_with("so ")))
        {
            return None;
        }
        let (b, label, n) = clause_base(sentence, self.anchor)?;
        if lead == 0 && !sentence[..n].trim_end().ends_with([',', ':']) {
            return None;
        }
        let first = comma_parts(&sentence[n..], clauses(&sentence[n..]))
            .into_iter()
            .next()?;
        let ours = match self.find(&sentence[n..][first], None) {
            Some((ind, _)) => self
                .last_levels
                .iter()
                .any(|&t| self.obs[t].indicator == ind.code),
            // "giảm 07 vụ": no subject of its own; "số vụ giảm 3 vụ": the
            // number of what the sentence before counted.
            None => {
                let lower = lowercase(sentence[n..].trim_start());
                let verb = |w: &str| {
                    ["tăng", "giảm", "bằng", "gấp"]
                        .iter()
                        .any(|v| has_word(w, v))
                };
                verb(lower.split(' ').next().unwrap_or(""))
                    || (lower.starts_with("số ") && lower.split(' ').take(5).any(verb))
            }
        };
        ours.then_some((b, label, lead + n))
    }

    /// In "So sánh với ...: giảm 07 vụ (-21,9%); giảm 01 người chết ...",
    /// the observation clause `i` speaks of: the one its words name, else
    /// the i-th level of the sentence before.
    fn compare_target(&self, clause: &str, targets: &[usize], i: usize) -> Option<usize> {
        if let Some((ind, _)) = self.find(clause, None) {
            // "đàn gia cầm tăng 2%": of two levels of one indicator, the
            // one whose item the clause names.
            let lower = lowercase(clause);
            let same = || {
                targets
                    .iter()
                    .filter(|&&t| self.obs[t].indicator == ind.code)
            };
            if let Some(&t) = same()
                .find(|&&t| {
                    let item = lowercase(&self.obs[t].breakdown);
                    !item.is_empty() && lower.contains(&*item)
                })
                .or_else(|| same().next())
            {
                return Some(t);
            }
        }
        // "số người bị thương giảm 4 người, số người chết giảm 2 người":
        // the level whose words the clause repeats, whatever the order.
        let folded = fold(clause);
        let named = targets.iter().copied().find(|&t| {
            let label = fold(&self.obs[t].label);
            let label = label.strip_prefix("lam ").unwrap_or(&label).trim();
            label.len() >= 4 && folded.contains(label)
        });
        named.or_else(|| targets.get(i).copied())
    }

    /// The level a change of a clause opened by its base is for: the one
    /// its words name ("giảm 1 người chết"), else the next in order after
    /// a comma ("tăng 12 vụ (+11,3%), giảm 05 người ..."); "hay tăng 750
    /// ha" restates the same change.
    fn clause_target(
        &mut self,
        gap: &str,
        unit_words: &str,
        previous: Option<&'static str>,
    ) -> Option<usize> {
        let named = self
            .find(unit_words, previous)
            .or_else(|| self.find(gap, previous));
        let by_name = named.and_then(|(ind, _)| {
            self.clause_targets
                .iter()
                .position(|&t| self.obs[t].indicator == ind.code)
        });
        let k = match (by_name, self.clause_next) {
            (Some(k), _) => k,
            (None, None) => 0,
            (None, Some(k)) if gap.contains(',') => k + 1,
            (None, Some(k)) => k,
        };
        let k = k.min(self.clause_targets.len() - 1);
        self.clause_next = Some(k);
        Some(self.clause_targets[k])
    }

    /// "gieo cấy 58.120 ha lúa", "78.450 ha cây hằng năm": the words after
    /// an area name what is sown, and belong to the figure (not to the
    /// change after it); rice sown is the rice area. Returns how many bytes
    /// after the unit the figure takes.
    fn area_item(
        &mut self,
        unit: Option<&Unit>,
        gap: &str,
        post: &str,
        counted: &str,
        state: &mut State,
    ) -> usize {
        if unit.is_none_or(|u| u.code != UnitCode::Hectare) || post.trim().is_empty() {
            return 0;
        }
        let lower = lowercase(post);
        if let Some(c) = state.current
            && self.obs[c].indicator == "rice_area"
            && self.obs[c].breakdown.is_empty()
            && let Some(done) = lower.trim().strip_prefix("lúa ")
            && let Some(stage) = done.strip_prefix("đã ")
            && !only_sowing(done)
            && !stage
                .split_whitespace()
                .next()
                .is_some_and(|w| ["vượt", "đạt", "tăng", "giảm", "bằng", "hoàn"].contains(&w))
        {
            // "20 nghìn ha lúa đã trỗ": the crop's state after its area is
            // the item (as "lúa mùa đã thu hoạch"; sowing is none); the
            // words are the figure's. ("lúa đã vượt kế hoạch" compares the
            // area, no state.)
            let item: Vec<&str> = post.split_whitespace().skip(1).collect();
            self.obs[c].breakdown = item.join(" ");
            return post.len() - post.trim_start().len() + post.trim().len();
        }
        if lower.split_whitespace().any(|w| AREA_STOPS.contains(&w)) {
            return 0;
        }
        if let Some(c) = state.current
            && self.obs[c].indicator == "crop_area"
            && let Some((ind, _)) =
                catalog::find_in_cached(counted, None, &mut self.word_ids.borrow_mut())
            && ind.code == "rice_area"
        {
            self.obs[c].indicator = ind.code.to_owned();
        }
        // "đã thu hoạch 36.850/41.200 ha lúa mùa": the crop's season after
        // the area is its item, with the state before the figure ("đã thu
        // hoạch", as "lúa đã trỗ"; sowing is no state); the figures after
        // (the yield) are of the season.
        let words = post.trim();
        if let Some(c) = state.current
            && self.obs[c].indicator == "rice_area"
            && self.obs[c].breakdown.is_empty()
            && let Some(season) = lower.trim().strip_prefix("lúa ")
            // ("ha lúa vụ Xuân": the season written with its "vụ".)
            && when::leading_season(&if season.starts_with("vụ ") {
                format!("{season},")
            } else {
                format!("vụ {season},")
            })
            .is_some()
        {
            let done = gap
                .rfind("đã ")
                .map(|i| gap[i..].trim())
                .filter(|w| !only_sowing(w) && w.split_whitespace().count() <= 4);
            self.obs[c].breakdown = match done {
                Some(d) => format!("{words} {d}"),
                None => words.to_owned(),
            };
            state.season = words.to_owned();
        }
        post.len() - post.trim_start().len() + post.trim().len()
    }

    /// Whether a figure is settled, so that a status carried from earlier
    /// in its sentence does not reach it: a figure of a period that ended
    /// before the report's month ("...ước đạt 500 triệu USD, năm 2023 đạt
    /// 450 triệu USD"), or a plan, which is given, not estimated.
    fn settled(&self, period: Option<&Period>, code: &str) -> bool {
        let before_month = period
            .zip(self.month.as_ref())
            .is_some_and(|(p, m)| p.end < m.start);
        before_month || code.ends_with("_plan")
    }

    /// "...ước đạt 6.742,3 tỷ đồng; cùng kỳ năm trước đạt 5.998,5 tỷ đồng":
    /// the figures of the clause after its lead are the subject's a year
    /// earlier, and actual whatever the sentence estimates; the subject
    /// and period in force stay for the clauses after.
    fn year_earlier_clause(&mut self, text: &str, off: usize, loc: Loc, state: &State) {
        let mut inner = state.clone();
        let p = state.period.clone().or_else(|| self.fallback.clone());
        inner.period = p.map(|p| when::year_earlier(&p, "cùng kỳ"));
        inner.current = None;
        inner.status = ObservationStatus::Actual;
        inner.year_earlier = true;
        self.clause(text, off, loc, &mut inner, false);
    }

    /// Records the state where each marker in `from..to` stands; a footnote
    /// reads on from there. A subject its sentence names without a figure
    /// ("Thuỷ sản đảm bảo đủ giống ...⁷") is the footnote's subject; a
    /// subject of an earlier sentence is not.
    fn snapshot_markers(&mut self, from: usize, to: usize, state: &State, loc: Loc) {
        // Markers are in text order: only those in from..to are visited.
        let first = self.markers.partition_point(|&(_, at)| at < from);
        let last = self.markers.partition_point(|&(_, at)| at < to);
        for i in first..last {
            let (n, at) = self.markers[i];
            if !self.snapshots.contains_key(&n) {
                let mut snap = state.clone();
                let before = loc
                    .sentence
                    .get(..at.saturating_sub(loc.sentence_off))
                    .unwrap_or("");
                if !state.fresh {
                    snap.code = "";
                    snap.label = String::new();
                    snap.breakdown = String::new();
                    if let Some((ind, r)) = self.find(before, None) {
                        snap.code = ind.code;
                        snap.label = clean_label(&before[r]);
                    }
                }
                // "với kinh phí 2,9 tỷ đồng²": a marker glued to a figure
                // named for itself (its words, not those in force) reads on
                // from that figure's subject.
                if let Some(c) = state.current
                    && let Some(o) = self.obs.get(c)
                    && o.provenance.span.end as usize == at
                    && o.indicator.is_empty()
                    && state.code.is_empty()
                    && o.label != state.label
                {
                    let unit = o
                        .quantity
                        .as_ref()
                        .map_or(UnitCode::Percent, |q| q.unit_code);
                    self.glued
                        .insert(n, (o.label.clone(), o.breakdown.clone(), unit));
                }
                snap.fresh = true;
                self.snapshots.insert(n, snap);
            }
        }
    }

    /// Reads one clause (`text` at `off` within the sentence).
    fn clause(&mut self, text: &str, off: usize, loc: Loc, state: &mut State, in_paren: bool) {
        // A bracket's clauses are read inside the bracket's reading: past
        // a few levels (reports write two) the brackets are not read, so
        // that "((((…" neither overflows the stack nor reads the text
        // again at every level. Their figures are named in an issue.
        if in_paren {
            if self.bracket_depth >= BRACKETS_READ {
                if text.bytes().any(|b| b.is_ascii_digit()) {
                    let global = loc.sentence_off + off;
                    self.issues.push(QualityIssue {
                        kind: QualityIssueKind::UnattachedNumber,
                        message: format!(
                            "figures in brackets nested more than {BRACKETS_READ} deep: not read"
                        ),
                        span: Span::new(global, global + text.len()),
                    });
                }
                return;
            }
            self.bracket_depth += 1;
        }
        self.forget_clause();
        self.clause_inner(text, off, loc, state, in_paren);
        self.forget_clause();
        if in_paren {
            self.bracket_depth -= 1;
        }
    }

    /// Empties the memos kept for the clause being read, when a clause
    /// begins or ends.
    fn forget_clause(&self) {
        self.found.borrow_mut().clear();
        self.lowered.borrow_mut().0 = None;
        self.last_np.borrow_mut().valid = false;
    }

    fn clause_inner(
        &mut self,
        text: &str,
        off: usize,
        loc: Loc,
        state: &mut State,
        in_paren: bool,
    ) {
        let groups = paren_groups(text);
        // A clause without brackets is read as it stands (no copy): the
        // same bytes as its blanked copy.
        let main = if groups.is_empty() {
            std::borrow::Cow::Borrowed(text)
        } else {
            std::borrow::Cow::Owned(without_parens(text, &groups))
        };
        self.clause_body(text, &main, &groups, off, loc, state, in_paren);
    }

    #[allow(clippy::too_many_arguments)]
    fn clause_body(
        &mut self,
        text: &str,
        main: &str,
        groups: &[Range<usize>],
        off: usize,
        loc: Loc,
        state: &mut State,
        in_paren: bool,
    ) {
        let written = numbers(main);
        self.glued_figures(main, loc.sentence_off + off);
        // Periods matter only around numbers (brackets are read on their
        // own text).
        let mut mentions = if written.is_empty() {
            Vec::new()
        } else {
            when::mentions(main, self.anchor)
        };
        // "Kim ngạch xuất khẩu (tháng 4/2024) đạt ...": a bracket before
        // the clause's first figure that holds only a month, quarter or
        // half year dates the figures after it as the words unbracketed
        // would (and no sentence after it).
        if !in_paren && let Some(first) = written.first() {
            for g in groups.iter().filter(|g| g.end <= first.start) {
                let inner = text[g.clone()].trim_matches(['(', ')', ' ']);
                if let [m] = when::mentions(inner, self.anchor).as_slice()
                    && m.end - m.start == inner.len()
                    && matches!(
                        m.period.kind,
                        PeriodKind::Month | PeriodKind::Quarter | PeriodKind::HalfYear
                    )
                {
                    let at = mentions.partition_point(|x| x.start < g.start);
                    mentions.insert(
                        at,
                        when::Mention {
                            start: g.start,
                            end: g.end,
                            period: m.period.clone(),
                        },
                    );
                }
            }
        }
        let global = loc.sentence_off + off;
        let nums: Vec<Num<'_>> = written
            .into_iter()
            .filter(|n| {
                !mentions
                    .iter()
                    .any(|m| n.start >= m.start && n.end <= m.end)
            })
            .filter(|n| !self.in_ref(global + n.start, global + n.end))
            .filter(|n| !code_name(main, n))
            .collect();
        // "Tính đến thời điểm 20/5/2024 đã thu hoạch xong; năng suất ...":
        // a cut-off date stated in a clause without figures is in force
        // for the clauses after it (rule 5).
        // "Đến ngày 15/10/2023, các loại cây trồng vụ thu mùa năm 2023 đã
        // thu hoạch xong; trong đó, lúa ...": a year named after the date,
        // the crop's or the plan's, holds the day and does not undo it.
        if nums.is_empty()
            && !in_paren
            && let Some(i) = mentions
                .iter()
                .rposition(|m| m.period.kind == PeriodKind::AsOfDate)
            && mentions[i + 1..].iter().all(|y| {
                y.period.kind == PeriodKind::Year
                    && y.period.start <= mentions[i].period.start
                    && mentions[i].period.end <= y.period.end
            })
        {
            state.period = Some(mentions[i].period.clone());
        }
        // The figures' words are looked up in the catalog: split them once.
        self.clause_words.borrow_mut().push((
            main.as_ptr() as usize,
            main.len(),
            (!nums.is_empty())
                .then(|| catalog::words_cached(main, &mut self.word_ids.borrow_mut())),
        ));
        // Events in reading order: numbers and bracket groups.
        let mut cursor = 0usize; // end of what the previous anchor consumed
        let mut gi = 0usize;
        let mut k = 0usize;
        let mut skip_until = 0usize;
        while k < nums.len() || gi < groups.len() {
            let next_num = nums.get(k).map_or(usize::MAX, |n| n.start);
            let next_group = groups.get(gi).map_or(usize::MAX, |g| g.start);
            if next_group < next_num {
                let g = groups[gi].clone();
                gi += 1;
                self.snapshot_markers(global + cursor.min(g.start), global + g.start, state, loc);
                // A bracket without figures ("(IIP)", "(giá hiện hành)") is
                // part of the words around it.
                // A bracket that only dates the words before it ("(tính đến
                // ngày 16/5/2024)") leaves them to the next figure.
                if text[g.clone()].bytes().any(|b| b.is_ascii_digit()) {
                    let national = national_before(main, cursor.min(g.start), g.start)
                        .then(|| self.save(state));
                    let read = self.group(text, main, g.clone(), cursor, off, loc, state);
                    if let Some(saved) = national {
                        self.drop_national(saved, state, &text[g.clone()], global + g.start);
                    }
                    if read {
                        cursor = cursor.max(g.end);
                    }
                }
                continue;
            }
            let n = nums[k].clone();
            k += 1;
            if n.start < skip_until {
                continue;
            }
            self.snapshot_markers(global + cursor, global + n.start, state, loc);
            let national = (national_before(main, cursor, n.start)
                || self.compares_national(main, global, n.start, loc.sentence_off))
            .then(|| self.save(state));
            let consumed = self.anchor_at(
                main,
                &n,
                nums.get(k),
                cursor,
                &mentions,
                off,
                loc,
                state,
                in_paren,
            );
            if let Some(saved) = national {
                let end = consumed.unwrap_or(n.end).max(n.end);
                self.drop_national(saved, state, &text[n.start..end], global + n.start);
                self.national_sentence = Some((loc.sentence_off, global + end));
            }
            if let Some(end) = consumed {
                // "tăng 3,12%³ so với cùng kỳ": a marker the figure's reading
                // went past stands where the figure was read.
                self.snapshot_markers(global + n.start, global + end, state, loc);
                skip_until = end;
                cursor = end;
            }
        }
        self.snapshot_markers(global + cursor, global + text.len() + 1, state, loc);
        if let Some((_, _, Some(words))) = self.clause_words.borrow_mut().pop() {
            self.word_ids.borrow_mut().recycle(words);
        }
    }

    /// "chế tạotăng1,36%", "vụ hè thu là24.130 ha": a figure glued to
    /// the verb before it (a space lost when the text was taken from a
    /// PDF) stands as no token and would vanish without a word. An issue
    /// says so; no value is taken (the verb may be glued to its subject
    /// too, and the subject is not known).
    fn glued_figures(&mut self, main: &str, global: usize) {
        const VERBS: [&str; 6] = ["tăng", "giảm", "đạt", "là", "bằng", "chiếm"];
        let b = main.as_bytes();
        let mut i = 0;
        while let Some(start) = next_digit(b, i) {
            i = digits_end(b, start);
            let Some(verb) = VERBS.iter().find(|v| main[..start].ends_with(**v)) else {
                continue;
            };
            let Some(unit) = unit_after(&main[i..]) else {
                continue;
            };
            let (from, to) = (start - verb.len(), i + unit.len);
            self.issues.push(QualityIssue {
                kind: QualityIssueKind::GarbledNumber,
                message: format!(
                    "\"{}\": a figure glued to the word before it (a lost space); \
                     no value taken",
                    &main[from..to]
                ),
                span: Span::new(global + from, global + to),
            });
        }
    }

    /// "Tăng trưởng kinh tế của Việt Nam năm nay được dự báo đạt 6,3%;
    /// thấp hơn khá nhiều so với tăng trưởng năm 2022 là 8%": a clause
    /// that opens by comparing the country's figure just quoted (in the
    /// same sentence) quotes the country's too.
    /// A clause that names the province ("cao hơn mức tăng 5,2% của
    /// tỉnh") quotes the province's figure. After a comma ("cả nước tăng
    /// 3,2%, thấp hơn mục tiêu 4%"), the words right after the country's
    /// figure (`main` starts at `global`; the figure at `at` is the next)
    /// open the comparison.
    fn compares_national(&self, main: &str, global: usize, at: usize, sentence_off: usize) -> bool {
        let Some((_, end)) = self.national_sentence.filter(|n| n.0 == sentence_off) else {
            return false;
        };
        let after_figure = end
            .checked_sub(global)
            .filter(|&e| e <= at && !main.as_bytes()[e..at].iter().any(u8::is_ascii_digit))
            .map(|e| main[e..].trim_start_matches([',', ' ']));
        [Some(main.trim_start()), after_figure]
            .into_iter()
            .flatten()
            .any(|head| {
                ["thấp hơn", "cao hơn"].iter().any(|w| head.starts_with(w)) && {
                    let lower = lowercase(head);
                    !["tỉnh", "thành phố", "địa bàn"]
                        .iter()
                        .any(|w| find_str(&lower, w).is_some())
                }
            })
    }

    /// What a figure's reading may change, kept to undo it (a national
    /// figure's).
    fn save(&self, state: &State) -> Saved {
        Saved {
            obs: self.obs.clone(),
            issues: self.issues.len(),
            last_levels: self.last_levels.clone(),
            sentence_levels: self.sentence_levels.clone(),
            clause_targets: self.clause_targets.clone(),
            clause_next: self.clause_next,
            current: state.current,
        }
    }

    /// "chỉ số giá tiêu dùng tháng 5 của cả nước tăng 0,32%": the figure
    /// just read is the country's, quoted beside the province's. The model
    /// has no scope for an observation: whatever its reading made (an
    /// observation, a comparison added to one) is undone, and a quality
    /// issue says what was seen. What the words set (subject, base, period)
    /// stays, as a reader carries it to the province's figure after it
    /// ("riêng trên địa bàn tỉnh tăng 0,45%"); so does the base of the
    /// index's headline, which the province's figure in that sentence
    /// takes too (the groups after it are on it).
    fn drop_national(&mut self, saved: Saved, state: &mut State, text: &str, at: usize) {
        if self.obs == saved.obs {
            return;
        }
        self.obs = saved.obs;
        self.issues.truncate(saved.issues);
        self.last_levels = saved.last_levels;
        self.sentence_levels = saved.sentence_levels;
        self.clause_targets = saved.clause_targets;
        self.clause_next = saved.clause_next;
        state.current = saved.current;
        self.issues.push(QualityIssue {
            kind: QualityIssueKind::UnattachedNumber,
            message: format!(
                "\"{}\" is a figure of the whole country (\"cả nước\", \"toàn quốc\") quoted \
                 beside the province's; no observation was made of it",
                text.trim_matches(['(', ')', ' '])
            ),
            span: Span::new(at, at + text.len()),
        });
    }

    /// A bracket group inside a clause.
    #[allow(clippy::too_many_arguments)]
    /// Returns whether the bracket held a figure (an observation or a
    /// comparison was read from it).
    fn group(
        &mut self,
        text: &str,
        main: &str,
        g: Range<usize>,
        cursor: usize,
        off: usize,
        loc: Loc,
        state: &mut State,
    ) -> bool {
        let inner_start = g.start + 1;
        let inner_end = if text[..g.end].ends_with(')') {
            g.end - 1
        } else {
            g.end
        };
        let inner = &text[inner_start..inner_end];
        if !inner.bytes().any(|b| b.is_ascii_digit()) {
            return false;
        }
        // "GRDP quý I/2016 ước tăng 8,01% (1) so với cùng kỳ": one or two
        // bare digits in a bracket right after a percentage are the web
        // copy of a footnote's mark (the Cục Thống kê's superscripts), no
        // figure.
        let mark = inner.trim();
        if (1..=2).contains(&mark.len())
            && mark.bytes().all(|b| b.is_ascii_digit())
            && text[..g.start].trim_end().ends_with('%')
        {
            return true;
        }
        // "tăng khá (+8,25%) so với cùng kỳ": the change of the verb before.
        if let Some(pct) = paren_percent(inner)
            && let Some(sign) = verb_before(&main[cursor.min(g.start)..g.start], self.anchor)
        {
            let at = inner_start + inner.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
            let global = loc.sentence_off + off;
            let span = Span::new(global + at, global + inner_end);
            self.bracketed_change(main, g.clone(), cursor, sign, pct, span, loc, state);
            return true;
        }
        // "xi măng tăng 12,5%; thép cán (+18,2%)": a signed percent after a
        // new item of a list is that item's change, on the base before.
        // (The list's items are clauses of their own: the bracket follows
        // the clause's first words.)
        if let Some(pct) = paren_percent(inner).filter(|p| p.1)
            && let Some(c) = state.current
            && cursor == 0
            && let Some(item) = listed_item(&main[..g.start])
        {
            // "điện sản xuất (+92,8%)": an item that names an indicator is
            // that indicator.
            let named = self.find(&main[..g.start], None).map(|(ind, _)| ind.code);
            let last = self.obs[c].comparisons.last();
            let (base, base_label) = last
                .map_or((ComparisonBase::SamePeriodLastYear, String::new()), |l| {
                    (l.base, l.base_label.clone())
                });
            let at = inner_start + inner.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
            let global = loc.sentence_off + off;
            let mut o = self.obs[c].clone();
            match named {
                Some(code) => {
                    o.indicator = code.to_owned();
                    o.label = item.clone();
                    o.breakdown = String::new();
                }
                None => o.breakdown = item.clone(),
            }
            o.quantity = None;
            o.comparisons = Vec::new();
            o.provenance.span = Span::new(global + at, global + inner_end);
            self.obs.push(o);
            let i = self.obs.len() - 1;
            self.push_bracketed_percent(i, base, base_label, pct, 1.0);
            state.current = Some(i);
            if named.is_none() {
                state.breakdown = item;
            }
            return true;
        }
        // "(-21,9%)", "(7,1%)", "(giảm 22,2%)": the percentage of the change
        // just read.
        if let Some(pct) = paren_percent(inner)
            && let Some(c) = state.current
        {
            let (base, base_label, sign) = match self.obs[c].comparisons.last() {
                Some(last) => (
                    last.base,
                    last.base_label.clone(),
                    change_sign(&last.change),
                ),
                None => (ComparisonBase::SamePeriodLastYear, String::new(), 1.0),
            };
            self.push_bracketed_percent(c, base, base_label, pct, sign);
            return true;
        }
        // "tăng 113% so với cùng kỳ năm trước (921 tỷ đồng)", "tăng 101,6%
        // so với tháng trước (570,9 nghìn lượt)", "(so với 79 tỷ đồng cùng
        // kỳ năm trước)": an unsigned amount after the base is the
        // figure's level then, no change.
        let earlier = match opens_with_amount(inner) {
            Some(v) if !self.is_change_of_current(state.current, v) => {
                base_period_before(&text[..g.start]).map(|p| (p, 0))
            }
            Some(_) => None,
            None => base_in_bracket(inner),
        };
        if let Some((previous_month, skip)) = earlier {
            let p = state.period.clone().or_else(|| self.fallback.clone());
            let mut inner_state = state.clone();
            inner_state.period = if previous_month {
                p.and_then(|p| p.previous_month("tháng trước"))
            } else {
                p.map(|p| when::year_earlier(&p, "cùng kỳ"))
            };
            inner_state.current = None;
            inner_state.status = ObservationStatus::Actual;
            inner_state.year_earlier = true;
            let before_count = self.obs.len();
            for c in clauses(&inner[skip..]) {
                let r = inner_start + skip + c.start..inner_start + skip + c.end;
                self.clause(&text[r.clone()], off + r.start, loc, &mut inner_state, true);
            }
            return self.obs.len() > before_count;
        }
        // "giảm 2,4% (-1.015 ha)", "tăng 5,4% (20,0 nghìn tấn)": the
        // percent change just read, in the figure's own unit.
        if let Some(c) = state.current
            && let Some(last) = self.obs[c].comparisons.last()
            && let Change::PercentChange(pct) = last.change
            && let Some((value, written, unit)) = paren_amount(inner)
            && self.obs[c]
                .quantity
                .as_ref()
                .is_none_or(|q| q.unit_code == unit.code)
        {
            let value = if written {
                value
            } else if pct < 0.0 {
                -value
            } else {
                value
            };
            let comparison = Comparison {
                base: last.base,
                base_label: last.base_label.clone(),
                change: Change::AbsoluteChange(quantity(
                    value,
                    None,
                    Some(&unit),
                    Qualifier::Exact,
                )),
                qualifier: Qualifier::Exact,
            };
            self.obs[c].comparisons.push(comparison);
            return true;
        }
        let before_count = self.obs.len();
        let mut inner_state = state.clone();
        let before = main[cursor.min(g.start)..g.start].trim();
        let entity = before.rsplit([',', ':', ';']).next().unwrap_or("").trim();
        // Only "cùng kỳ ..." and "tháng trước ..." are looked for: a text
        // opening otherwise than with c or t (either case) is not
        // lowercased.
        let lower = if inner.trim_start().starts_with(['c', 'C', 't', 'T']) {
            baocao_domain::text::lowercase(inner.trim_start())
        } else {
            String::new()
        };
        if lower.starts_with("cùng kỳ") || lower.starts_with("cùng kì") {
            // "(cùng kỳ đạt 40% kế hoạch)": the same figure a year earlier.
            let p = state.period.clone().or_else(|| self.fallback.clone());
            inner_state.period = p.map(|p| when::year_earlier(&p, "cùng kỳ"));
            inner_state.current = None;
            inner_state.status = ObservationStatus::Actual;
            inner_state.breakdown = state.breakdown.clone();
        } else if lower.starts_with("tháng trước") {
            inner_state.period = self
                .month
                .as_ref()
                .and_then(|m| m.previous_month("tháng trước"));
            inner_state.current = None;
            inner_state.status = ObservationStatus::Actual;
        } else if is_entity(entity, state.current.is_some()) && !ends_with_digit_unit(main, g.start)
        {
            // "Công ty Luxshare ICT (doanh thu ... 6.785 tỷ đồng)": figures of
            // the entity named before the bracket.
            inner_state.code = "";
            inner_state.label = String::new();
            inner_state.breakdown = strip_edges(entity);
            inner_state.current = None;
            inner_state.in_breakdown = false;
            inner_state.status = ObservationStatus::Actual;
        } else {
            // "(tuyến tỉnh: 58.976; tuyến huyện: 105.307)", "(08 HCV, 07 HCB)":
            // splits of the figure before the bracket.
            inner_state.in_breakdown = true;
        }
        for c in clauses(inner) {
            let r = inner_start + c.start..inner_start + c.end;
            self.clause(&text[r.clone()], off + r.start, loc, &mut inner_state, true);
        }
        if lower.starts_with("cùng k") && inner.trim_end().ends_with('%') {
            self.share_a_year_earlier(state.current, before_count);
        }
        self.obs.len() > before_count
    }

    /// "bằng 33,9% kế hoạch (cùng kỳ đạt 31,2%)": a bare percent a year
    /// earlier after a share of the plan or budget estimate is that share
    /// a year earlier, not a level in percent (rule 17).
    fn share_a_year_earlier(&mut self, figure: Option<usize>, from: usize) {
        let Some(last) = figure.and_then(|c| self.obs[c].comparisons.last()) else {
            return;
        };
        if !matches!(last.change, Change::AttainmentPercent(_))
            || !matches!(
                last.base,
                ComparisonBase::Plan | ComparisonBase::BudgetEstimate
            )
        {
            return;
        }
        let (base, base_label) = (last.base, last.base_label.clone());
        for o in &mut self.obs[from..] {
            if o.comparisons.is_empty()
                && let Some(q) = o.quantity.take_if(|q| q.unit_code == UnitCode::Percent)
            {
                o.comparisons.push(Comparison {
                    base,
                    base_label: base_label.clone(),
                    change: Change::AttainmentPercent(q.value),
                    qualifier: q.qualifier,
                });
            }
        }
    }

    /// Whether `value` (base units) is the change that observation
    /// `current`'s last percent change makes of its level, rather than the
    /// level it was compared to: "đạt 1.986 tỷ, tăng 113% (1.052 tỷ)" is a
    /// change, "(921 tỷ)" the level a year earlier.
    fn is_change_of_current(&self, current: Option<usize>, value: f64) -> bool {
        let Some(o) = current.and_then(|c| self.obs.get(c)) else {
            return false;
        };
        let (Some(q), Some(Change::PercentChange(pct))) =
            (&o.quantity, o.comparisons.last().map(|c| &c.change))
        else {
            return false;
        };
        let level = q.value * q.multiplier;
        let base = level / (1.0 + pct / 100.0);
        (value - (level - base)).abs() < (value - base).abs()
    }

    /// A change written in brackets after its verb ("IIP tháng 5 tăng khá
    /// (+8,25%) so với tháng trước"), of the subject named before the verb.
    #[allow(clippy::too_many_arguments)]
    fn bracketed_change(
        &mut self,
        main: &str,
        g: Range<usize>,
        cursor: usize,
        sign: f64,
        pct: (f64, bool),
        span: Span,
        loc: Loc,
        state: &mut State,
    ) {
        let mentions = when::mentions(main, self.anchor);
        let from = cursor.min(g.start);
        let mut gap = &main[from..g.start];
        let mut gap_at = from;
        // "... so với tháng trước và tăng rất cao (+21,4%)": the base of the
        // change before is no subject.
        if let Some((_, _, len)) = clause_base(gap, self.anchor) {
            gap = &gap[len..];
            gap_at += len;
        }
        if !state.compare_mode {
            self.change_context(gap, gap_at, &mentions, loc, state, span, false);
        }
        let Some(current) = state.current else {
            return;
        };
        let (base, base_label) = base_at(&main[g.end..], self.anchor)
            .map(|(b, l, _)| (b, l))
            .or_else(|| state.base.clone())
            .or_else(|| {
                let at = (span.start as usize).saturating_sub(loc.sentence_off);
                self.base_written_before(&loc, at)
            })
            .unwrap_or((ComparisonBase::SamePeriodLastYear, String::new()));
        state.base = Some((base, base_label.clone()));
        self.push_bracketed_percent(current, base, base_label, pct, sign);
    }

    /// `last_base_written` of the sentence up to byte `at`, from the
    /// sentence's bases found once: a sentence of many clauses is not read
    /// again for each change in it.
    fn base_written_before(&self, loc: &Loc, at: usize) -> Option<(ComparisonBase, String)> {
        let before = loc.sentence.get(..at)?;
        let mut memo = self.bases.borrow_mut();
        let key = (loc.sentence.as_ptr() as usize, loc.sentence.len());
        if memo.key != Some(key) {
            memo.fill(key, loc.sentence, self.anchor);
        }
        memo.last_before(before, self.anchor)
    }

    /// A bracketed percentage as a change of observation `i`: signed as
    /// written ("(-21,9%)", "(giảm 22,2%)"), else with the sign of its verb or of
    /// the change before it (`sign`).
    fn push_bracketed_percent(
        &mut self,
        i: usize,
        base: ComparisonBase,
        base_label: String,
        pct: (f64, bool),
        sign: f64,
    ) {
        let value = if pct.1 { pct.0 } else { sign * pct.0 };
        self.obs[i].comparisons.push(Comparison {
            base,
            base_label,
            change: Change::PercentChange(value),
            qualifier: Qualifier::Exact,
        });
    }

    /// Reads the number `n`; returns the end of what it consumed (number,
    /// unit, base phrase) or None when it is not a figure.
    #[allow(clippy::too_many_arguments)]
    fn anchor_at(
        &mut self,
        main: &str,
        n: &Num<'_>,
        next: Option<&Num<'_>>,
        cursor: usize,
        mentions: &[when::Mention],
        off: usize,
        loc: Loc,
        state: &mut State,
        in_paren: bool,
    ) -> Option<usize> {
        let after = &main[n.end..];
        // A season's year is part of its name, which names the figure's
        // item: the words stay for the figure after it.
        if n.text.len() == 4 && when::names_season(&main[..n.start]) {
            return None;
        }
        if self.in_base_before_change(main, n, cursor) {
            return None;
        }
        // "nợ từ 3 đến dưới 6 tháng là: 161 đơn vị": a duration is no
        // figure, and its words stay for the figure after it, whose item
        // it names.
        if is_duration(main, n) || is_bare_year(main, n) {
            return None;
        }
        // "ngành khai khoáng giảm 9,92%, làm giảm 0,02 điểm phần trăm": the
        // item's contribution to the change of the whole, no level nor
        // change of the item (it named a subject of its own, "điểm phần
        // trăm", that took the items after it). The model has no place
        // for a contribution: an issue says so, with its span.
        if let Some((verb, len)) = contribution(main, n) {
            let span = Span::new(
                loc.sentence_off + off + verb,
                loc.sentence_off + off + n.end + len,
            );
            let what = &main[verb..n.end + len];
            let verb_word = lowercase(what.split(' ').next().unwrap_or(""));
            let difference = verb_word == "thấp" || verb_word == "cao";
            if !difference && self.contribution_of_current(main, n, verb, len, span, loc, state) {
                return Some(n.end + len);
            }
            let kind = if difference {
                "a difference between two rates"
            } else {
                "a contribution to the change of the whole"
            };
            self.issues.push(QualityIssue {
                kind: QualityIssueKind::UnattachedNumber,
                message: format!(
                    "\"{what}\" is {kind}, which observations do not model; no \
                     observation was made of it"
                ),
                span,
            });
            return Some(n.end + len);
        }
        // Dates and durations are not figures.
        if is_date_or_duration(main, n)
            || is_ordinal(&main[..n.start])
            || in_name(&main[..n.start])
            || all_criteria(main, n)
            || star_rating(main, n)
            || digit_count(main, n)
        {
            return Some(n.end + date_len(after));
        }
        let mut value = parse_number(n.text)?;
        if main[..n.start].ends_with('-') && main[..n.start - 1].trim_end().ends_with('(') {
            value = -value;
        }
        let mut end = n.end;
        let mut value_max = None;
        // Range "9-10" or part of a whole "12/15".
        if let Some(rest) = after.strip_prefix(['-', '–', '/'])
            && let (Some(m), true) = (next, rest.starts_with(|c: char| c.is_ascii_digit()))
            && m.start == n.end + 1
        {
            value_max = parse_number(m.text);
            end = m.end;
        } else if let Some(u) = unit_after(after).filter(|u| u.len == u.text.len())
            && after[u.len..].starts_with('/')
            && let Some(m) = next
            && m.start == n.end + u.len + 1
            && unit_after(&main[m.end..]).is_some_and(|w| w.text == u.text)
        {
            // "250,5ha/280 ha": a part of a whole with the unit glued
            // before the slash and written again after the whole.
            value_max = parse_number(m.text);
            end = m.end;
        } else if let Some(m) = range_to(main, n, next, cursor) {
            value_max = parse_number(m.text);
            end = m.end;
        }
        let mut unit = unit_after(&main[end..]);
        let mut unit_end = end + unit.as_ref().map_or(0, |u| u.len);
        // "7 triệu 520 nghìn con": one number written in two scales.
        if let Some((v, u, at)) = two_scales(main, unit.as_ref(), unit_end, next, value_max) {
            value = v.total(value);
            unit = Some(u);
            unit_end = at;
        }
        // "475,37 52,13 triệu USD": two numbers where one belongs.
        if unit.is_none()
            && next.is_some_and(|m| m.start == end + 1 && &main[end..m.start] == " ")
            && value_max.is_none()
        {
            let m = next?;
            let span = Span::new(
                loc.sentence_off + off + n.start,
                loc.sentence_off + off + m.end,
            );
            self.issues.push(QualityIssue {
                kind: QualityIssueKind::GarbledNumber,
                message: format!(
                    "two numbers where one belongs: \"{}\"; no value taken",
                    &main[n.start..m.end]
                ),
                span,
            });
            // The figure's other statements (a ratio after it) still need
            // their observation.
            let gap = &main[cursor..n.start];
            self.begin(
                gap,
                cursor,
                mentions,
                loc,
                state,
                None,
                Span::new(span.start as usize, span.end as usize),
                in_paren,
            );
            return Some(m.end + unit_after(&main[m.end..]).map_or(0, |u| u.len));
        }
        // "giảm 3 vụ, tương đương 4,5%": the change just read, restated.
        // "tăng 2,64%, bằng 7.300 con so với cùng kỳ": after a percent,
        // "bằng" restates it in the level's own unit ("bằng 98,5% cùng kỳ"
        // stays an attainment).
        let restated = restatement(&main[cursor..n.start], in_paren).and_then(|(skip, bang)| {
            let c = state.current?;
            let last = self.obs[c].comparisons.last()?;
            let in_level_unit = || {
                let level = self.obs[c].quantity.as_ref()?;
                let u = unit_after(&main[n.end..])?;
                (matches!(last.change, Change::PercentChange(_))
                    && !matches!(u.code, UnitCode::Percent | UnitCode::Number)
                    && u.code == level.unit_code)
                    .then_some(())
            };
            if bang && in_level_unit().is_none() {
                return None;
            }
            matches!(
                last.change,
                Change::PercentChange(_) | Change::AbsoluteChange(_)
            )
            .then(|| (skip, change_sign(&last.change)))
        });
        let cursor = cursor + restated.map_or(0, |(skip, _)| skip);
        let gap = &main[cursor..n.start];
        let gap_lower = self.lower(gap);
        let qualifier = qualifier_before(&gap_lower);
        // "vốn đăng ký tăng thêm 1.799,1 tỷ đồng": the verb belongs to the
        // subject's name, the figure is a level.
        let named_through = self
            .find(gap, Some(state.code).filter(|c| !c.is_empty()))
            .is_some_and(|(_, r)| gap[r.end..].trim().is_empty());
        let kind = if named_through {
            Kind::Level
        } else {
            classify(
                &gap_lower,
                unit.as_ref(),
                &main[unit_end..],
                self.anchor,
                // "Khai khoáng bằng 100%" after "so tháng trước": an index's
                // branch at the base in force, not a level of 100%.
                state
                    .current
                    .is_some_and(|c| self.obs[c].quantity.is_some())
                    || state.base.is_some(),
            )
        };
        // "cao hơn 2,3% so với cùng kỳ": exactly 2,3% more.
        let qualifier = if matches!(kind, Kind::Change(_)) && higher_or_lower(&gap_lower).is_some()
        {
            Qualifier::Exact
        } else {
            qualifier
        };
        // "Tốc độ tăng trưởng kinh tế ... ước đạt 7,1% so với cùng kỳ": a
        // growth rate reached, its level; not 7,1% of the year before. Of a
        // value ("Tốc độ tăng giá trị sản xuất công nghiệp ... đạt 9,4% so
        // với cùng kỳ"), the value's change.
        let kind = if kind == Kind::Attain
            && base_at(&main[unit_end..], self.anchor)
                .is_some_and(|(b, _, _)| b == ComparisonBase::SamePeriodLastYear)
        {
            if self
                .find(gap, Some(state.code).filter(|c| !c.is_empty()))
                .map(|(ind, _)| ind.code)
                .or(Some(state.code))
                .is_some_and(|c| c.ends_with("_growth"))
            {
                Kind::Level
            } else if find_str(&gap_lower, "tốc độ tăng").is_some() {
                Kind::Change(1.0)
            } else {
                kind
            }
        } else {
            kind
        };
        let kind = match restated {
            Some((_, sign))
                if kind == Kind::Level
                    && unit.as_ref().is_some_and(|u| u.code == UnitCode::Percent) =>
            {
                Kind::Change(sign)
            }
            // "tăng 2,6%, tương đương 7.300 con": the percent restated in
            // the level's own unit, an absolute change of the same level.
            Some((_, sign))
                if kind == Kind::Level
                    && state
                        .current
                        .and_then(|c| self.obs[c].quantity.as_ref())
                        .zip(unit.as_ref())
                        .is_some_and(|(q, u)| {
                            u.code == q.unit_code
                                && !matches!(u.code, UnitCode::Percent | UnitCode::Number)
                        }) =>
            {
                Kind::Change(sign)
            }
            _ => kind,
        };
        // "tăng 6,67% số vụ, 3,45% số người chết và 13,64% số người bị
        // thương": one verb over a list of percents, each naming its level.
        let kind = if kind == Kind::Level
            && unit.as_ref().is_some_and(|u| u.code == UnitCode::Percent)
            && about_phrase(&main[unit_end..])
                .is_some_and(|(p, _)| self.named_in_sentence(p, loc.sentence_off).is_some())
            && let Some(sign) = loc
                .sentence
                .get(..off + n.start)
                .and_then(listed_change_sign)
        {
            Kind::Change(sign)
        } else {
            kind
        };
        let kind = if kind == Kind::Level
            && state.plan_base.is_some()
            && bare_attainment(&gap_lower, unit.as_ref(), &main[unit_end..])
            && state
                .current
                .is_some_and(|c| self.obs[c].quantity.is_some())
        {
            Kind::Attain
        } else {
            kind
        };
        // "gieo cấy được 266,35ha/295 ha kế hoạch đạt 90,3%": a plan or
        // estimate named right before "đạt"/"bằng", after a level, is what
        // the level attains (it was a row of its own).
        let named_plan = (matches!(kind, Kind::Level | Kind::Attain)
            && unit.as_ref().is_some_and(|u| u.code == UnitCode::Percent)
            && state
                .current
                .is_some_and(|c| self.obs[c].quantity.is_some()))
        .then(|| base_before_verb(&main[..n.start], self.anchor))
        .flatten();
        let kind = if named_plan.is_some() {
            Kind::Attain
        } else {
            kind
        };
        let span = Span::new(
            loc.sentence_off + off + n.start,
            loc.sentence_off + off + unit_end,
        );
        // "xếp thứ 4/63 tỉnh", "đứng thứ 10/63": the subject's rank.
        if is_rank(&gap_lower) {
            let q = Quantity {
                value,
                value_max,
                unit: "thứ".into(),
                unit_code: UnitCode::Other,
                multiplier: 1.0,
                qualifier,
            };
            let before = (state.code, state.label.clone());
            state.current = None;
            if let Some(i) = self.begin_unnamed(cursor, mentions, gap, loc, state, q, span) {
                self.obs[i].indicator = before.0.to_owned();
                self.obs[i].label = before.1;
                self.obs[i].breakdown = "xếp hạng".into();
                let ind = self.find(gap, None);
                if let Some((ind, r)) = ind {
                    self.obs[i].indicator = ind.code.to_owned();
                    self.obs[i].label = clean_label(&gap[r]);
                    state.code = ind.code;
                    state.label = self.obs[i].label.clone();
                    state.fresh = true;
                }
            }
            return Some(unit_end);
        }
        // "đã giải quyết xong 370 đơn (...), đạt tỷ lệ 56%": the share of
        // the count before it that was done, its attainment (rule 20). A
        // percent of a whole it names ("đạt tỷ lệ 93,2% dân số", "0,9% tổng
        // số hộ") is a rate of its own, no attainment.
        if kind == Kind::Level
            && unit.as_ref().is_some_and(|u| u.code == UnitCode::Percent)
            && ["đạt tỷ lệ", "đạt tỉ lệ"]
                .iter()
                .any(|w| gap_lower.trim_end().ends_with(w))
            && post_words(&main[unit_end..]).trim().is_empty()
            && let Some(c) = state.current
            && self.obs[c]
                .quantity
                .as_ref()
                .is_some_and(|q| is_count(q.unit_code))
        {
            self.obs[c].comparisons.push(Comparison {
                base: ComparisonBase::Other,
                base_label: String::new(),
                change: Change::AttainmentPercent(value),
                qualifier,
            });
            return Some(unit_end);
        }
        match kind {
            Kind::Level => {
                let q = quantity(value, value_max, unit.as_ref(), qualifier);
                let post = post_words(&main[unit_end..]);
                // "chiếm tỷ trọng 1,37% tổng dư nợ", "chiếm 24,9%/tổng dư
                // nợ": the words after a share name the whole it is of,
                // not its subject (they stay read past).
                let named = if unit.as_ref().is_some_and(|u| u.code == UnitCode::Percent)
                    && share_of_whole(&main[..n.start], post)
                {
                    ""
                } else {
                    post
                };
                let window = &main[cursor..unit_end + named.len()];
                // What is counted ("ha lúa"), not a rate ("tạ/ha").
                // (Put together without `format!`'s machinery.)
                let counted = {
                    let unit_text = unit
                        .as_ref()
                        .filter(|u| !u.text.contains('/'))
                        .map_or("", |u| u.text.as_ref());
                    let post = named.trim();
                    // (Only read: made in a pooled buffer.)
                    pooled_text(|s| {
                        s.push_str(unit_text);
                        s.push(' ');
                        s.push_str(post);
                        clean_label_in_place(s);
                    })
                };
                // "42 hợp tác xã, tổ hợp tác thành lập mới, tăng 10,5%": a
                // count named by its unit alone, then a list of nouns up to
                // its change, is named by the whole list (the change is the
                // count's, no item's).
                let list_rest = unit
                    .as_ref()
                    .filter(|u| {
                        (is_count(u.code) || u.code == UnitCode::Other)
                            && !u.text.contains('/')
                            && post.trim().is_empty()
                    })
                    .and_then(|_| listed_after(&main[unit_end + post.len()..]))
                    .filter(|&l| {
                        main[unit_end + post.len() + l..]
                            .strip_prefix(',')
                            .map(str::trim_start)
                            .is_some_and(|n| n.starts_with("tăng ") || n.starts_with("giảm "))
                    })
                    .map_or(0, |l| post.len() + l);
                let counted = if list_rest > 0 {
                    pooled_text(|s| {
                        s.push_str(&counted);
                        s.push_str(&main[unit_end + post.len()..unit_end + list_rest]);
                        clean_label_in_place(s);
                    })
                } else {
                    counted
                };
                // "305 doanh nghiệp, chi nhánh tạm ngừng hoạt động": what is
                // counted may run on past a comma of its list of nouns.
                // (A count's: a bare number before a comma ends its item,
                // "... là 13.672, xuất khẩu lao động là 896".)
                let listed = unit
                    .as_ref()
                    .filter(|u| is_count(u.code))
                    .and_then(|_| listed_after(&main[unit_end + post.len()..]))
                    .map_or(window, |l| &main[cursor..unit_end + post.len() + l]);
                // Whether a figure follows the words after the unit ("64 vụ
                // tăng 5 vụ"): their verbs then state, else describe.
                let to_figure = main[unit_end + post.len()..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit());
                let used = self.level(
                    gap, cursor, mentions, loc, state, q, window, listed, &counted, to_figure,
                    span, in_paren,
                );
                // "với 5,6 triệu lượt khách du lịch trong 4 tháng qua, đã
                // tăng 13,63%": a period written right after the level,
                // after "trong" and before any comma, is the level's own.
                // (Not a percent: "đạt trên 54,4% thu ngân sách ... giao cho
                // tỉnh trong năm 2023" dates the whole it is a share of.)
                if let Some(c) = state.current
                    && self.obs[c].provenance.span == span
                    && unit.as_ref().is_some_and(|u| u.code != UnitCode::Percent)
                    && let Some(m) = mentions.iter().find(|m| {
                        let Some(between) = main.get(unit_end..m.start) else {
                            return false;
                        };
                        (between.trim_end().ends_with(" trong")
                            || main[m.start..m.end].starts_with("trong "))
                            && !between.contains([',', ';', '.', '(', ':'])
                            && !between.bytes().any(|b| b.is_ascii_digit())
                    })
                {
                    self.obs[c].period = Some(m.period.clone());
                }
                // "373 lượt DN và 51 đơn vị trực thuộc đăng ký hoạt động trở
                // lại": two counts joined by "và" share the verb after the
                // second; the first is named by its unit and that verb (from
                // its first pair of `TAIL_PAIRS`), not by the words in force.
                if post.trim().is_empty()
                    && let Some(c) = state.current
                    && self.obs[c].provenance.span == span
                    && self.obs[c].indicator.is_empty()
                    && let Some(u) = unit.as_ref()
                    && is_count(u.code)
                    && !u.text.contains('/')
                    && let Some(nx) = next
                    && main
                        .get(unit_end..nx.start)
                        .is_some_and(|b| b.trim() == "và")
                    && let Some(u2) = unit_after(&main[nx.end..])
                    && is_count(u2.code)
                {
                    let words: Vec<&str> = post_words(&main[nx.end + u2.len..])
                        .split_whitespace()
                        .collect();
                    if let Some(v) = (0..words.len().saturating_sub(1))
                        .find(|&i| TAIL_PAIRS.contains(&(words[i], words[i + 1])))
                    {
                        self.obs[c].label = format!("{} {}", u.text, words[v..].join(" "));
                        self.obs[c].breakdown = String::new();
                    }
                }
                // "Hỗ trợ xóa 32 nhà tạm, nhà dột nát, đạt 64% kế hoạch": a
                // bare count named by its nouns whose list runs on past a
                // comma up to a comparison; the list is what is counted
                // (its unit), and the comparison after it is the count's.
                let mut bare_list = 0;
                if let Some(c) = state.current
                    && self.obs[c].provenance.span == span
                    && self.obs[c].indicator.is_empty()
                    && self.obs[c]
                        .quantity
                        .as_ref()
                        .is_some_and(|q| q.unit.is_empty() && q.unit_code == UnitCode::Number)
                    && !post.trim().is_empty()
                    && self.obs[c].label == post.trim()
                    && let Some(l) = listed_after(&main[unit_end + post.len()..])
                    && main[unit_end + post.len() + l..]
                        .strip_prefix(',')
                        .map(str::trim_start)
                        .is_some_and(|n| {
                            ["đạt ", "tăng ", "giảm ", "bằng "]
                                .iter()
                                .any(|v| n.starts_with(v))
                        })
                {
                    let name = clean_label(&main[unit_end..unit_end + post.len() + l]);
                    if let Some(q) = self.obs[c].quantity.as_mut() {
                        q.unit = name.clone();
                        q.unit_code = UnitCode::Other;
                    }
                    self.obs[c].label = name.clone();
                    state.label = name;
                    bare_list = post.len() + l;
                }
                let item = self.area_item(unit.as_ref(), gap, post, &counted, state);
                // "18/21 chỉ tiêu chủ yếu năm 2024 đạt và vượt kế hoạch": a
                // plan's targets are of the year their words name (read
                // after the count, so not by the period in force).
                if unit.as_ref().is_some_and(|u| u.text == "chỉ tiêu")
                    && let Some(c) = state.current
                    && self.obs[c].indicator.is_empty()
                {
                    let end = main[unit_end..]
                        .find([',', ';', '.', '(', ':'])
                        .map_or(main.len(), |i| unit_end + i);
                    if let Some(m) = mentions.iter().find(|m| {
                        m.start >= unit_end && m.end <= end && m.period.kind == PeriodKind::Year
                    }) {
                        self.obs[c].period = Some(m.period.clone());
                    }
                }
                if let Some(c) = state.current
                    && let Some(b) = plan_named(&self.obs[c])
                {
                    state.plan_base = Some((b, String::new()));
                }
                // "8.412 thí sinh đăng ký dự thi tốt nghiệp trung học phổ
                // thông năm 2024, tăng 215 thí sinh": a count named by its
                // words after it (no figure following them) takes the
                // rest of their stretch too, not the change after it.
                let named_rest = if used == window.len()
                    && used > 0
                    && !to_figure
                    && state
                        .current
                        .is_some_and(|c| self.obs[c].indicator.is_empty())
                {
                    let rest = &main[unit_end + post.len()..];
                    rest.find([',', ';', '.', '(', ':'])
                        // (No figure in it; a year may be, "năm 2024".)
                        .filter(|&i| {
                            rest[..i]
                                .split_whitespace()
                                .all(|w| !w.bytes().any(|b| b.is_ascii_digit()) || is_year(w))
                        })
                        .map_or(0, |i| post.len() + i)
                } else {
                    0
                };
                Some(
                    unit_end
                        .max(cursor + used)
                        .max(unit_end + item)
                        .max(unit_end + named_rest)
                        .max(unit_end + list_rest)
                        .max(unit_end + bare_list),
                )
            }
            _ => {
                // "tăng 7,5% về số doanh nghiệp và ...": what the change is
                // about, then its base (read once: whether one is written,
                // and which).
                let about = about_phrase(&main[unit_end..]);
                let after_at = unit_end + about.map_or(0, |(_, len)| len);
                let after_base = base_at(&main[after_at..], self.anchor);
                let written = after_base.is_some();
                let (base, consumed) = match after_base {
                    Some((b, l, len)) => {
                        state.base = Some((b, l.clone()));
                        (Some((b, l)), len)
                    }
                    None => (None, 0),
                };
                // "diện tích thiệt hại 14,16 ha, so với cùng kỳ số vụ giảm 02
                // vụ": an absolute change is of the sentence's level in its
                // own unit when the figure read last has another unit.
                let own_level = match (kind, unit.as_ref()) {
                    (Kind::Change(_), Some(u))
                        if !state.compare_mode
                            && !matches!(u.code, UnitCode::Percent | UnitCode::Number) =>
                    {
                        self.level_in_unit(u, gap, state)
                    }
                    _ => None,
                };
                if let Some(j) = own_level {
                    // (The base written before the verb still counts.)
                    if let Some((b, l, _)) = clause_base(gap.trim_start_matches(','), self.anchor)
                        .or_else(|| trailing_base(gap, self.anchor).filter(|_| base.is_none()))
                    {
                        state.base = Some((b, l));
                    }
                    state.current = Some(j);
                    state.code = catalog::by_code(&self.obs[j].indicator).map_or("", |i| i.code);
                    state.label = self.obs[j].label.clone();
                    state.breakdown = self.obs[j].breakdown.clone();
                } else if !state.compare_mode {
                    // ", so cùng kỳ năm trước tăng 1,8%": the base written
                    // before the verb is no subject.
                    let (gap, cursor) = match clause_base(gap.trim_start_matches(','), self.anchor)
                    {
                        Some((b, l, len)) => {
                            let skip = gap.len() - gap.trim_start_matches(',').len() + len;
                            state.base = Some((b, l));
                            (&gap[skip..], cursor + skip)
                        }
                        None => match trailing_base(gap, self.anchor).filter(|_| base.is_none()) {
                            // "tháng 5/2024 so với tháng trước tăng 2,1%":
                            // the base is no subject either.
                            Some((b, l, at)) => {
                                // "chiếm 86,8% so với tổng đàn, tăng 3,8%": the
                                // whole a share is of is no base.
                                if !(b == ComparisonBase::Other && of_the_whole(&l)) {
                                    state.base = Some((b, l));
                                }
                                (&gap[..at], cursor)
                            }
                            // "chiếm 9,6% trong tổng số, tăng 4,2%": the whole
                            // a share is of names no subject either.
                            None => match state
                                .current
                                .filter(|&c| {
                                    self.obs[c]
                                        .quantity
                                        .as_ref()
                                        .is_some_and(|q| q.unit_code == UnitCode::Percent)
                                })
                                .and_then(|_| whole_of_share(gap))
                            {
                                Some(skip) => (&gap[skip..], cursor + skip),
                                None => (gap, cursor),
                            },
                        },
                    };
                    self.change_context(gap, cursor, mentions, loc, state, span, in_paren);
                } else if !self.clause_targets.is_empty() {
                    let post = post_words(&main[unit_end..]).len();
                    let previous = Some(state.code).filter(|c| !c.is_empty());
                    state.current =
                        self.clause_target(gap, &main[n.end..unit_end + post], previous);
                }
                let current = match state.current {
                    Some(c) => c,
                    None => {
                        match self.begin(gap, cursor, mentions, loc, state, None, span, in_paren) {
                            Some(c) => c,
                            None => {
                                // "412,5 nghìn tấn, tăng 3,8%": the change of a
                                // figure that named no subject has none either;
                                // an issue keeps it, as its level's.
                                self.issues.push(QualityIssue {
                                    kind: QualityIssueKind::UnattachedNumber,
                                    message: format!(
                                        "\"{}\" is a comparison of no subject the parser could \
                                     name; no observation was made of it",
                                        &main[n.start..unit_end]
                                    ),
                                    span,
                                });
                                return None;
                            }
                        }
                    }
                };
                let current = about
                    .and_then(|(phrase, _)| self.named_in_sentence(phrase, loc.sentence_off))
                    .or_else(|| self.share_level(current, loc))
                    .unwrap_or(current);
                let year_period = self.obs[current]
                    .period
                    .as_ref()
                    .is_some_and(|p| p.kind == PeriodKind::Year);
                let base = base.map(|(b, l)| {
                    if year_period && b == ComparisonBase::SamePeriodLastYear && l.contains("năm")
                    {
                        (ComparisonBase::PreviousPeriod, l)
                    } else {
                        (b, l)
                    }
                });
                // A bare "đạt X%" measures against the plan in force.
                let plan = named_plan.clone().or_else(|| {
                    (kind == Kind::Attain && gap_lower.trim_end().ends_with("đạt"))
                        .then(|| state.plan_base.clone())
                        .flatten()
                });
                let explicit = base
                    .or(plan)
                    .or_else(|| {
                        state
                            .base
                            .clone()
                            .filter(|(b, _)| !plan_for_change(kind, *b))
                    })
                    .or_else(|| {
                        let at = (span.start as usize).saturating_sub(loc.sentence_off);
                        self.base_written_before(&loc, at)
                            .filter(|(b, _)| !plan_for_change(kind, *b))
                    });
                let (base, base_label) =
                    self.cpi_base(current, explicit, loc)
                        .unwrap_or_else(|| match kind {
                            Kind::Exceed => (ComparisonBase::BudgetEstimate, String::new()),
                            _ => (ComparisonBase::SamePeriodLastYear, String::new()),
                        });
                let change = match kind {
                    Kind::Change(sign)
                        if unit.as_ref().is_some_and(|u| u.code == UnitCode::Percent) =>
                    {
                        Change::PercentChange(sign * value)
                    }
                    Kind::Change(sign) => Change::AbsoluteChange(quantity(
                        sign * value,
                        value_max.map(|v| sign * v),
                        unit.as_ref(),
                        Qualifier::Exact,
                    )),
                    Kind::Ratio => Change::Ratio(value),
                    Kind::Attain => Change::AttainmentPercent(value),
                    Kind::Exceed => Change::PercentChange(value),
                    Kind::Level => unreachable!("levels handled above"),
                };
                if matches!(base, ComparisonBase::Plan | ComparisonBase::BudgetEstimate) {
                    state.plan_base = Some((base, String::new()));
                }
                let (base, base_label) = match restated {
                    Some(_) => same_base(
                        &mut self.obs[current].comparisons,
                        written,
                        base,
                        base_label,
                    ),
                    None => (base, base_label),
                };
                let (base, base_label) = if written || !matches!(kind, Kind::Change(_)) {
                    (base, base_label)
                } else {
                    self.parents_second_base(current, span, loc, state.parent.as_ref())
                        .unwrap_or((base, base_label))
                };
                let comparison = Comparison {
                    base,
                    base_label,
                    change,
                    qualifier,
                };
                // "cao hơn mức tăng 5,18% của quý I/2023": the subject's
                // change in an earlier period, an observation of its own.
                if consumed == 0
                    && let Some((period, len)) =
                        self.of_period(&main[unit_end..], self.obs[current].period.as_ref())
                {
                    let mut o = self.obs[current].clone();
                    o.period = Some(period);
                    o.status = ObservationStatus::Actual;
                    o.quantity = None;
                    o.comparisons = vec![comparison];
                    o.provenance.span = span;
                    self.obs.push(o);
                    return Some(unit_end + len);
                }
                self.obs[current].comparisons.push(comparison);
                Some(after_at + consumed)
            }
        }
    }

    /// The level of the sentence in unit `u` an absolute change written
    /// after a figure of another unit is of: the latest, when the words
    /// before the change name no other subject.
    /// "khu vực dịch vụ tăng 7,47%, đóng góp 3,77 điểm phần trăm", "ngành
    /// khai khoáng giảm 4,1%, làm giảm 0,03 điểm phần trăm": the points a
    /// part added to the change of its whole, an observation of the whole's
    /// contribution indicator (`CONTRIBUTIONS`) for the part the figure in
    /// force is of, with its period and status. Whether one was made (not
    /// when the whole has no such indicator, or no figure is in force).
    #[allow(clippy::too_many_arguments)]
    fn contribution_of_current(
        &mut self,
        main: &str,
        n: &Num<'_>,
        verb: usize,
        len: usize,
        span: Span,
        loc: Loc,
        state: &State,
    ) -> bool {
        let Some(part) = state.current.and_then(|i| self.obs.get(i)) else {
            return false;
        };
        let Some(code) = CONTRIBUTIONS
            .iter()
            .find(|(whole, _)| *whole == part.indicator)
            .map(|(_, c)| *c)
        else {
            return false;
        };
        let Some(value) = parse_number(n.text) else {
            return false;
        };
        let Some(unit) = unit_after(&main[n.end..n.end + len]) else {
            return false;
        };
        let verb_words = main[verb..n.start].trim_end();
        let lowered = lowercase(verb_words);
        let sign = if lowered.starts_with("làm giảm") {
            -1.0
        } else {
            1.0
        };
        // The words of the verb, without a qualifier ("đóng góp hơn").
        let label = ["đóng góp", "làm giảm", "làm tăng"]
            .into_iter()
            .find(|w| lowered.starts_with(w))
            .map_or(verb_words, |w| &verb_words[..w.len()]);
        let obs = Observation {
            indicator: code.to_owned(),
            label: label.to_owned(),
            breakdown: part.breakdown.clone(),
            period: part.period.clone(),
            quantity: Some(quantity(
                sign * value,
                None,
                Some(&unit),
                qualifier_before(&main[..n.start]),
            )),
            status: part.status,
            comparisons: Vec::new(),
            provenance: Provenance {
                section_number: loc.section.to_owned(),
                footnote_number: loc.footnote,
                span,
                sentence: loc.sentence.to_owned(),
            },
        };
        self.obs.push(obs);
        true
    }

    fn level_in_unit(&self, u: &Unit, gap: &str, state: &State) -> Option<usize> {
        let current = self.obs[state.current?].quantity.as_ref()?;
        if current.unit_code == u.code {
            return None;
        }
        let j = self.sentence_levels.iter().rev().copied().find(|&j| {
            self.obs[j]
                .quantity
                .as_ref()
                .is_some_and(|q| q.unit_code == u.code && lowercase(&q.unit) == lowercase(&u.text))
        })?;
        let named = self.find(gap, None);
        named
            .is_none_or(|(ind, _)| ind.code == self.obs[j].indicator)
            .then_some(j)
    }

    /// "Vốn ... tăng 4,1% so với tháng trước và tăng 12,6% so với cùng kỳ.
    /// Trong đó, vốn cấp tỉnh đạt 380 tỷ đồng, tăng 3,8% và tăng 10,2%":
    /// an item's two bare changes compare to its parent's two bases, in
    /// order. At the item's second bare change (read at `span`), its first
    /// is given the parent's first base; the second base is returned.
    /// An item naming an indicator of its own ("Trong đó: doanh thu bán lẻ
    /// hàng hóa đạt ..., tăng 2,1% và tăng 11,3%") has the subject the list
    /// began under (`list_parent`) for its parent.
    fn parents_second_base(
        &mut self,
        current: usize,
        span: Span,
        loc: Loc,
        list_parent: Option<&(&'static str, String)>,
    ) -> Option<(ComparisonBase, String)> {
        let o = &self.obs[current];
        let own = o.breakdown.is_empty();
        if (own && list_parent.is_none()) || o.comparisons.len() != 1 {
            return None;
        }
        // No base written between the item's level and this change.
        let from = (o.provenance.span.end as usize).checked_sub(loc.sentence_off)?;
        let to = (span.start as usize).checked_sub(loc.sentence_off)?;
        let between = lowercase(loc.sentence.get(from..to)?);
        if ["so ", "với", "cùng kỳ", "trước", "kế hoạch", "dự toán"]
            .iter()
            .any(|w| between.contains(w))
        {
            return None;
        }
        let (code, label) = match list_parent {
            Some((code, label)) if own => (*code, label.as_str()),
            _ => (o.indicator.as_str(), o.label.as_str()),
        };
        let parent = self.obs[..current].iter().rev().find(|p| {
            p.indicator == code
                && p.label == label
                && p.breakdown.is_empty()
                && p.period == o.period
        })?;
        let mut bases = parent
            .comparisons
            .iter()
            .filter(|c| !matches!(c.change, Change::AttainmentPercent(_)));
        let (first, second) = (bases.next()?, bases.next()?);
        if first.base == second.base || o.comparisons[0].base != second.base {
            return None;
        }
        let (b0, l0, b1, l1) = (
            first.base,
            first.base_label.clone(),
            second.base,
            second.base_label.clone(),
        );
        self.obs[current].comparisons[0].base = b0;
        self.obs[current].comparisons[0].base_label = l0;
        Some((b1, l1))
    }

    /// "nhập khẩu" after "kim ngạch xuất khẩu": the indicator that the words
    /// of `item` name once they take the place of as many last words of
    /// `label` ("kim ngạch nhập khẩu"), the whole phrase being its name.
    fn elided_indicator(&self, label: &str, item: &str) -> Option<&'static catalog::Indicator> {
        let head: Vec<&str> = label.split_whitespace().collect();
        let n = item.split_whitespace().count();
        // A named part ("khu vực ...", "ngành ...") is no elided name.
        let part = item
            .split(' ')
            .next()
            .is_some_and(|w| self.with_lower(w, |l| CLASSIFIERS.contains(&l)));
        if n == 0 || n >= head.len() || n > 4 || part || item.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        let composed = format!("{} {}", head[..head.len() - n].join(" "), item);
        catalog::find_in_cached(&composed, None, &mut self.word_ids.borrow_mut())
            .filter(|(_, r)| r.start == 0 && r.end == composed.len())
            .map(|(ind, _)| ind)
    }

    /// "lợn thịt 409.779 con, chiếm 86,8% so với tổng đàn, tăng 3,8%": when
    /// observation `i` is a share ("chiếm X%") read right after a level of
    /// the same subject and item, that level, which a change after the
    /// share is of.
    fn share_level(&self, i: usize, loc: Loc) -> Option<usize> {
        let o = &self.obs[i];
        if o.quantity.as_ref()?.unit_code != UnitCode::Percent || !o.comparisons.is_empty() {
            return None;
        }
        let at = (o.provenance.span.start as usize).checked_sub(loc.sentence_off)?;
        if !written_as_share(
            loc.sentence.get(..at)?,
            &["chiếm", "chiếm tỷ trọng", "chiếm tỷ lệ"],
        ) {
            return None;
        }
        let j = i.checked_sub(1)?;
        let p = &self.obs[j];
        (p.indicator == o.indicator
            && p.breakdown == o.breakdown
            && p.provenance.span.start as usize >= loc.sentence_off
            && p.quantity
                .as_ref()
                .is_some_and(|q| q.unit_code != UnitCode::Percent))
        .then_some(j)
    }

    /// The figure of the sentence from `sentence_off` that `phrase` names,
    /// by its unit ("về số doanh nghiệp": the count in "doanh nghiệp") or
    /// its label ("về số vốn đăng ký": the capital), the latest first.
    fn named_in_sentence(&self, phrase: &str, sentence_off: usize) -> Option<usize> {
        let folded = fold(phrase);
        let named = folded.strip_prefix("so ").unwrap_or(&folded).trim();
        if named.is_empty() {
            return None;
        }
        let in_sentence = || {
            (0..self.obs.len())
                .rev()
                .take_while(|&i| self.obs[i].provenance.span.start as usize >= sentence_off)
        };
        in_sentence()
            .find(|&i| {
                let o = &self.obs[i];
                o.quantity
                    .as_ref()
                    .is_some_and(|q| !q.unit.is_empty() && fold(&q.unit) == named)
                    || (!o.label.is_empty() && fold(&o.label).contains(named))
            })
            .or_else(|| {
                // "số người chết" after "làm chết 30 người": the level of the
                // indicator the words name.
                let last = in_sentence().next()?;
                let previous = catalog::by_code(&self.obs[last].indicator).map(|i| i.code);
                let (ind, _) = self.find(phrase, previous)?;
                in_sentence().find(|&i| self.obs[i].indicator == ind.code)
            })
    }

    /// "của quý I/2023" right after a change: the period before `than` it
    /// is of, and the bytes up to its end.
    fn of_period(&self, after: &str, than: Option<&Period>) -> Option<(Period, usize)> {
        let rest = after.trim_start().strip_prefix("của ")?;
        let at = after.len() - rest.len();
        let m = when::mentions(tail_start(rest, 40), self.anchor)
            .into_iter()
            .find(|m| m.start == 0)?;
        let earlier = than.is_some_and(|p| m.period.end < p.start);
        earlier.then_some((m.period, at + m.end))
    }

    /// "so với tháng 5 năm 2023 tăng 4,21%": the number is part of the base
    /// written before a change, which reads it (the cursor stays before
    /// the base).
    fn in_base_before_change(&self, main: &str, n: &Num, cursor: usize) -> bool {
        let Some(gap) = main.get(cursor..n.start) else {
            return false;
        };
        let Some(p) = rfind_str(gap, "so ").or_else(|| rfind_str(gap, "So ")) else {
            return false;
        };
        base_before_change(&main[cursor + p..], self.anchor)
            .is_some_and(|len| cursor + p + len >= n.end)
    }

    /// A change whose words name a new period, subject or breakdown starts
    /// an observation of its own ("chỉ số 05 tháng tăng 24,64%").
    #[allow(clippy::too_many_arguments)]
    fn change_context(
        &mut self,
        gap: &str,
        cursor: usize,
        mentions: &[when::Mention],
        loc: Loc,
        state: &mut State,
        span: Span,
        in_paren: bool,
    ) {
        let has_period = mentions
            .iter()
            .any(|m| m.start >= cursor && m.end <= cursor + gap.len());
        let subject = self.find(gap, Some(state.code).filter(|c| !c.is_empty()));
        let new_subject = subject.as_ref().is_some_and(|(i, _)| i.code != state.code);
        // The noun phrase (pure, and remembered for `begin`) only when the
        // rest does not decide.
        if has_period
            || new_subject
            || state.current.is_none()
            || !self
                .noun_phrase(
                    gap,
                    cursor,
                    mentions,
                    subject.as_ref().map(|(_, r)| r.clone()),
                    &state.label,
                )
                .is_empty()
        {
            state.current = None;
            self.begin(gap, cursor, mentions, loc, state, None, span, in_paren);
        }
    }

    /// A level: starts an observation.
    #[allow(clippy::too_many_arguments)]
    fn level(
        &mut self,
        gap: &str,
        cursor: usize,
        mentions: &[when::Mention],
        loc: Loc,
        state: &mut State,
        mut q: Quantity,
        window: &str,
        listed: &str,
        counted: &str,
        to_figure: bool,
        span: Span,
        in_paren: bool,
    ) -> usize {
        let previous = Some(state.code).filter(|c| !c.is_empty());
        if is_yield(&q.unit) {
            return self.crop_yield(gap, cursor, mentions, loc, state, q, span, in_paren);
        }
        // "diện tích thiệt hại 4,6 ha²" and "² Cháy rừng tại các huyện:
        // Quỳnh Lưu 1,8 ha; Nghi Lộc 2,1 ha": in a footnote, places alone
        // before figures the subject in force takes are its items, one
        // place each; the topic before the colon names no other subject.
        if loc.footnote.is_some()
            && !state.in_breakdown
            && catalog::by_code(state.code).is_some_and(|i| fits(i.unit, &q))
            && let Some((at, place)) = listed_place(gap)
        {
            state.breakdown = place;
            state.breakdown_fresh = true;
            state.current = None;
            if let Some(i) = self.begin(
                &gap[at..],
                cursor + at,
                mentions,
                loc,
                state,
                Some(q),
                span,
                in_paren,
            ) {
                self.sentence_levels.push(i);
            }
            return 0;
        }
        if q.unit_code == UnitCode::Hectare
            && let Some((at, hit)) = damage_at(gap)
            && !self
                .find(gap, previous)
                .is_some_and(|(_, r)| r.start <= hit && hit < r.end)
        {
            // "gây hại rải rác trên 1.250 ha lúa": an area hit by pests or
            // weather, not the crop's area; named by its words as written.
            // (An indicator whose name says the damage, "diện tích rừng bị
            // thiệt hại", is read as such.)
            state.code = "";
            state.label = without_figure(&window[at..], &span, loc, cursor);
            state.breakdown = String::new();
            state.fresh = true;
            state.current = None;
            if let Some(i) = self.begin_unnamed(cursor, mentions, gap, loc, state, q, span) {
                self.sentence_levels.push(i);
            }
            return window.len();
        }
        // A subject named before the figure whose unit the figure cannot
        // have ("... khoáng sản, với tổng trữ lượng 1,9 triệu m3"): the
        // figure is of something else, named by the words left.
        let in_gap = self.find(gap, previous);
        // "doanh nghiệp giải thể có 32 trường hợp": cases of the subject
        // named right before them are its count (the unit as written).
        if q.unit == "trường hợp"
            && let Some((ind, r)) = &in_gap
            && is_count(ind.unit)
            && gap[r.end..].split_whitespace().all(|w| {
                matches!(
                    w,
                    "có" | "là" | "với" | "gồm" | "khoảng" | "gần" | "hơn" | "trên"
                )
            })
        {
            q.unit_code = ind.unit;
        }
        let named = in_gap.clone().or_else(|| self.find(window, previous));
        // ("Sản lượng thịt hơi ... Trong đó: thịt heo hơi 51.420 tấn": a
        // price's item under an output that takes the unit is the output's
        // item, read below.)
        let item_of_subject = named.as_ref().is_some_and(|(ind, _)| {
            ITEMIZED.contains(&ind.code)
                && catalog::by_code(state.code).is_some_and(|s| fits(s.unit, &q))
        });
        if let Some((ind, r)) = named
            && !fits(ind.unit, &q)
            && !state.in_breakdown
            && !item_of_subject
        {
            state.pending = Some((ind.code, clean_label(window.get(r.clone()).unwrap_or(""))));
            let np = match &in_gap {
                Some((_, r)) => noun_phrase(gap, cursor, mentions, Some(r.clone()), ""),
                None => noun_phrase(gap, cursor, mentions, None, ""),
            };
            state.code = "";
            state.label = if np.is_empty() {
                counted.to_owned()
            } else {
                np
            };
            state.breakdown = String::new();
            state.fresh = true;
            state.current = None;
            if let Some(i) = self.begin_unnamed(cursor, mentions, gap, loc, state, q, span) {
                self.sentence_levels.push(i);
            }
            return 0;
        }
        if self.find(gap, previous).is_none()
            && self.find(window, previous).is_none()
            && let Some((code, label)) = state.pending.clone()
            && catalog::by_code(code).is_some_and(|i| {
                i.unit == q.unit_code
                    || (fits(i.unit, &q)
                        && !matches!(q.unit_code, UnitCode::Number | UnitCode::Percent))
            })
        {
            state.code = code;
            state.label = label;
            state.fresh = true;
        }
        // "xảy ra 25 vụ tai nạn giao thông", "tiếp nhận 643 đơn": the subject
        // after, or around, the number.
        let in_force = Some(state.code).filter(|c| !c.is_empty());
        if self.find(gap, previous).is_none()
            && let Some((ind, r)) = self.find(window, in_force).or_else(|| {
                // (Only a name that reaches past the comma: one before it
                // was looked for in the window.)
                (listed.len() > window.len())
                    .then(|| self.find(listed, in_force))
                    .flatten()
                    .filter(|(_, r)| r.end > window.len())
            })
            && (ind.code != state.code || state.in_breakdown)
        {
            let used = r.end;
            let label = without_figure(&listed[r], &span, loc, cursor);
            if q.unit_code == UnitCode::Number && is_count(ind.unit) {
                q.unit_code = ind.unit;
            }
            if let Some(i) = self.begin(gap, cursor, mentions, loc, state, Some(q), span, in_paren)
            {
                self.obs[i].indicator = ind.code.to_owned();
                self.obs[i].label = label.clone();
                self.obs[i].breakdown = String::new();
                state.code = ind.code;
                state.label = label;
                state.breakdown = String::new();
                // (Named in this sentence: the words of the next clause are
                // its item, "...; du khách quốc tế đạt hơn 135.000 lượt".)
                state.fresh = true;
                self.sentence_levels.push(i);
            }
            return used;
        }
        // "lũy kế 05 tháng có 706 doanh nghiệp được thành lập mới, tăng
        // 4,2%": the subject in force named again after its figure; its
        // words are the figure's, no item of the change after it.
        // (Also the subject the words before the figure named: "cấp giấy
        // chứng nhận đăng ký doanh nghiệp cho 401 doanh nghiệp thành lập
        // mới, tăng 10%".)
        let again = if state.in_breakdown {
            None
        } else {
            // (After the figure, when the gap named it.)
            let (of, from) = in_gap
                .as_ref()
                .map_or((state.code, 0), |(ind, _)| (ind.code, gap.len()));
            window
                .get(from..)
                .and_then(|w| self.find(w, Some(of).filter(|c| !c.is_empty())))
                .filter(|(ind, _)| ind.code == of)
                .map(|(_, r)| from + r.end)
        };
        // "Có 12/15 khoản thu tăng ...": a count of something else, not the
        // revenue in force; what is counted is the subject.
        let named = self
            .find(gap, Some(state.code).filter(|c| !c.is_empty()))
            .is_some();
        if !named
            && !state.in_breakdown
            && !counted.is_empty()
            && let Some(ind) = catalog::by_code(state.code)
            && !fits(ind.unit, &q)
            && let Some(item) = next_product(ind, q.unit_code, gap, cursor, mentions)
        {
            // "Điện sản xuất ... 1.245 triệu kWh; xi măng ước đạt 612 nghìn
            // tấn": the next key product of the list, the item of key
            // products whose generic name is not written.
            state.code = "industrial_product_output";
            state.label = String::new();
            state.breakdown = item;
            state.fresh = true;
        } else if !named
            && state.in_breakdown
            && let Some(ind) = catalog::by_code(state.code)
            && !fits(ind.unit, &q)
            && let Some(j) = self.sentence_levels.iter().rev().copied().find(|&j| {
                self.obs[j]
                    .quantity
                    .as_ref()
                    .is_some_and(|p| p.unit_code == q.unit_code && p.unit == q.unit)
            })
        {
            // "trong đó: nợ từ 3 đến dưới 6 tháng là: 161 đơn vị, với số
            // tiền là: 8.958 triệu đồng; nợ từ 6 ... là: 16 đơn vị": items
            // that pair a count with an amount; a count the subject in
            // force cannot have is of the subject of the sentence's count
            // before it.
            state.pending = Some((state.code, std::mem::take(&mut state.label)));
            state.code = catalog::by_code(&self.obs[j].indicator).map_or("", |i| i.code);
            state.label = self.obs[j].label.clone();
        } else if !named
            && !counted.is_empty()
            && let Some(ind) = catalog::by_code(state.code)
            && !fits(ind.unit, &q)
        {
            // (Also in a breakdown: "trong đó ...; có 09 lượt VĐV đạt Kiện
            // tướng" under medals.) A bare unit names nothing: "Va chạm
            // giao thông xảy ra 8 vụ" is named by the words before it.
            state.pending = Some((state.code, std::mem::take(&mut state.label)));
            state.code = "";
            // (Not an item after "trong đó", which is no subject.)
            let opens = || {
                let lower = self.lower(gap);
                BREAKDOWN_OPENERS
                    .iter()
                    .any(|o| find_str(&lower, o).is_some())
            };
            let before =
                if !state.in_breakdown && lowercase(counted) == lowercase(&q.unit) && !opens() {
                    noun_phrase(gap, cursor, mentions, None, "")
                } else {
                    String::new()
                };
            state.label = if before.is_empty() {
                counted.to_owned()
            } else {
                before
            };
            state.breakdown = String::new();
            state.fresh = true;
        }
        // "xử lý 655 vụ vi phạm, thu nộp ngân sách 5,36 tỷ đồng", "cho 4.215
        // đối tượng với kinh phí 2,9 tỷ đồng": a figure the uncatalogued
        // count of the sentence cannot have, after words of its own, is
        // named by them, with no item. (This figure only: the count stays
        // the subject in force, of its footnote's items too. The capital
        // of projects or enterprises, "299 dự án, vốn đầu tư đạt ...", is
        // theirs, as before.)
        let own_name = (!named
            && !state.in_breakdown
            && state.code.is_empty()
            && !state.label.is_empty()
            && self.sentence_levels.last().is_some_and(|&j| {
                self.obs[j].indicator.is_empty()
                    && self.obs[j].quantity.as_ref().is_some_and(|p| {
                        !matches!(p.unit_code, UnitCode::Project | UnitCode::Enterprise)
                            && !compatible(p.unit_code, q.unit_code)
                            && !compatible(q.unit_code, p.unit_code)
                    })
            }))
        .then(|| {
            // ("..., mua lại phần vốn góp ..., với vốn góp đăng ký": what
            // comes with the count, after its last "với".)
            let cut = rfind_str(gap, " với ").map_or(0, |i| i + 1);
            let np = noun_phrase(&gap[cut..], cursor + cut, mentions, None, "");
            // ("...; lũy kế 9 tháng cấp mới 31 dự án" after an amount: no
            // words of its own but its counted noun, which names it.)
            if np.is_empty()
                && (is_count(q.unit_code) || q.unit_code == UnitCode::Other)
                && !q.unit.contains('/')
                && counted.trim() == q.unit
            {
                q.unit.clone()
            } else {
                np
            }
        })
        .filter(|np| !np.is_empty());
        state.current = None;
        // "..., nâng tổng số hợp tác xã đang hoạt động trên địa bàn tỉnh lên
        // 214 hợp tác xã": the stock the figure raises, named between
        // "nâng tổng số" and "lên" (its place left out).
        let raised = raised_total(gap);
        if let Some(i) = self.begin(gap, cursor, mentions, loc, state, Some(q), span, in_paren) {
            if let Some(name) = raised
                && self.obs[i].indicator.is_empty()
            {
                self.obs[i].label = name;
                self.obs[i].breakdown = String::new();
            } else if let Some(name) = own_name {
                self.obs[i].label = name;
                self.obs[i].breakdown = String::new();
            }
            // "ghi nhận 126 ca mắc sốt xuất huyết, giảm 38,5%": a count the
            // catalog has no code for, named by the words after its figure;
            // they are the figure's, not an item of the change after it.
            // An uncatalogued subject's words are no item of the count
            // after it ("đã kiểm tra 86 vụ, phát hiện và xử lý 64 vụ vi phạm").
            if self.obs[i].indicator.is_empty()
                && self.obs[i]
                    .quantity
                    .as_ref()
                    .is_some_and(|q| named_after(q, counted, to_figure))
            {
                // "05 doanh nghiệp xuất khẩu trái cây như ViFoko, ...": the
                // examples are no part of the name.
                let label = counted.split(" như ").next().unwrap_or(counted);
                self.name_subject(i, state, label.to_owned());
                return window.len();
            }
            // "ngoài ra tặng 1.120 suất quà cho người có công", "với khoảng
            // 300 đại biểu, nhà đầu tư tham dự": a whole number with no unit
            // the parser knows, then nouns of their own (no verb, base or
            // figure after them), counts what they name.
            if self.obs[i].indicator.is_empty()
                && !state.in_breakdown
                && !in_paren
                && !to_figure
                && let Some(q) = self.obs[i].quantity.as_ref()
                && q.unit.is_empty()
                && q.unit_code == UnitCode::Number
                && q.value.fract() == 0.0
                && let Some(name) = bare_named_after(counted)
            {
                self.name_subject(i, state, name.to_owned());
                return window.len();
            }
            // "tịch thu 12,6 m3 gỗ các loại", "các xã đã làm mới 12,5 km
            // đường giao thông nông thôn": an uncatalogued measure named by
            // the words after its unit; the unit is no part of the name,
            // and the words before (a verb, its actor) are no item.
            if self.obs[i].indicator.is_empty()
                && !state.in_breakdown
                && !in_paren
                && let Some(name) = self.obs[i]
                    .quantity
                    .as_ref()
                    .and_then(|q| measure_named_after(q, counted, to_figure))
            {
                self.name_subject(i, state, name.to_owned());
                return window.len();
            }
            if self.obs[i].indicator.is_empty()
                && !state.in_breakdown
                && let Some(q) = self.obs[i].quantity.as_ref()
                && matches!(q.unit_code, UnitCode::Enterprise | UnitCode::Project)
                && !q.unit.is_empty()
                && counted.trim() == q.unit
                && let Some(name) = stock_name(gap, &q.unit)
            {
                // "Toàn tỉnh có 1.120 doanh nghiệp, tăng 5,2%", "Trong thời
                // gian này, trên địa bàn có hơn 2.400 lượt DN, ...": the
                // stock of what the unit names, after only its place and
                // "có"; the unit is its name. "Về góp vốn, mua cổ phần có
                // 299 dự án": the topic is.
                self.name_subject(i, state, name);
                return again.unwrap_or(0);
            }
            // "toàn tỉnh có 687 trường với 327.150 học sinh", "Trong tháng,
            // cấp mới 03 dự án": nothing but a place, "có" or edge words
            // before a count; the noun counted is its subject. (Not a bare
            // classifier, "Trên 422.000 lượt là tổng lượng khách ...",
            // named after it.)
            if self.obs[i].indicator.is_empty()
                && self.obs[i].label.is_empty()
                && self.obs[i].breakdown.is_empty()
                && !state.in_breakdown
                && let Some(q) = self.obs[i].quantity.as_ref()
                && (is_count(q.unit_code) || q.unit_code == UnitCode::Other)
                && !q.unit.is_empty()
                && !q.unit.contains('/')
                && !matches!(
                    q.unit.as_str(),
                    "lượt" | "người" | "cái" | "chiếc" | "con" | "lần"
                )
                && counted.trim() == q.unit
            {
                // (Its own name only: the words in force stay, so the
                // count after it, "với 327.150 học sinh", is named by its
                // own noun, and "với tổng vốn đăng ký ..." by its words.)
                self.obs[i].label = q.unit.clone();
                // "khai giảng năm học ... ngày 05/9/2024 với 298.640 học
                // sinh": the count of an event on the day written before it.
                let before = loc
                    .sentence
                    .get(..(span.start as usize).saturating_sub(loc.sentence_off))
                    .unwrap_or(gap);
                if let Some(p) = day_with(before) {
                    self.obs[i].period = Some(p);
                }
                self.sentence_levels.push(i);
                return 0;
            }
            if self.obs[i].indicator.is_empty()
                && self.obs[i].label.is_empty()
                && self.obs[i].breakdown.is_empty()
            {
                // No subject at all: a number the parser cannot attach.
                let text = loc
                    .sentence
                    .get(
                        span.start as usize - loc.sentence_off
                            ..span.end as usize - loc.sentence_off,
                    )
                    .unwrap_or("")
                    .to_owned();
                self.obs.pop();
                state.current = None;
                self.issues.push(QualityIssue {
                    kind: QualityIssueKind::UnattachedNumber,
                    message: format!("\"{text}\" names no subject the parser could attach it to"),
                    span,
                });
                return 0;
            }
            // "(08 HCV, 07 HCB, 19 HCĐ)": the unit names the item; after
            // "trong đó" too ("trong đó có 01 HCV, 01 HCB") when it is a
            // kind of what the subject counts, not the subject's own unit
            // ("Cấp mới 14 dự án" of new projects).
            let kind_of = |q: &Quantity| {
                catalog::by_code(&self.obs[i].indicator).is_some_and(|ind| {
                    ind.unit == q.unit_code && !lowercase(ind.name).contains(&*lowercase(&q.unit))
                })
            };
            if state.in_breakdown
                && self.obs[i].breakdown.is_empty()
                && self.obs[i].quantity.as_ref().is_some_and(|q| {
                    is_count(q.unit_code) && !q.unit.is_empty() && (in_paren || kind_of(q))
                })
            {
                self.obs[i].breakdown = counted.to_owned();
            } else if state.in_breakdown
                && !in_paren
                && self.obs[i].breakdown.is_empty()
                && let Some(q) = self.obs[i].quantity.as_ref()
                && is_count(q.unit_code)
                && !q.unit.is_empty()
                && catalog::by_code(&self.obs[i].indicator)
                    .is_some_and(|ind| ind.unit == q.unit_code)
                && let Some(kind) = counted
                    .strip_prefix(q.unit.as_str())
                    .filter(|k| k.starts_with(' '))
                    .map(str::trim)
                    .filter(|k| !k.is_empty())
            {
                // "Tiếp nhận 85 đơn, trong đó: 12 đơn khiếu nại, 20 đơn tố
                // cáo": the subject's own unit again, then the words naming
                // the part; they are its item.
                self.obs[i].breakdown = kind.to_owned();
            }
            // "164.283" of "Số lượt khám, chữa bệnh": the count's unit is
            // its subject's.
            let ind = catalog::by_code(&self.obs[i].indicator);
            if let (Some(q), Some(ind)) = (self.obs[i].quantity.as_mut(), ind)
                && q.unit_code == UnitCode::Number
                && is_count(ind.unit)
            {
                q.unit_code = ind.unit;
            }
            self.sentence_levels.push(i);
        }
        again.unwrap_or(0)
    }

    /// "năng suất ước đạt 56,5 tạ/ha": a yield is no area nor output:
    /// `crop_yield` (`rice_yield` where named so), label "năng suất", the item of
    /// the crop figure before it ("Vụ Mùa"). The subject and item in force
    /// stay for the figures after it ("..., sản lượng 210,4 nghìn tấn").
    #[allow(clippy::too_many_arguments)]
    fn crop_yield(
        &mut self,
        gap: &str,
        cursor: usize,
        mentions: &[when::Mention],
        loc: Loc,
        state: &mut State,
        q: Quantity,
        span: Span,
        in_paren: bool,
    ) -> usize {
        // "năng suất lúa" names the rice yield; any other yield is the
        // crop's ("năng suất bình quân", the crop in its item).
        let code = match self.find(gap, None) {
            Some((ind, _)) if ind.code == "rice_yield" => "rice_yield",
            _ => "crop_yield",
        };
        // The item named in its sentence, or of the crop area before it
        // (of the rice area only for a rice yield: "hoa màu các loại gieo
        // trồng 46.715 ha. Năng suất lúa ..." is no yield of the vegetables).
        let item = state
            .current
            .filter(|&c| {
                let ind = self.obs[c].indicator.as_str();
                if code == "rice_yield" {
                    ind == "rice_area"
                } else {
                    self.sentence_levels.contains(&c) || ["rice_area", "crop_area"].contains(&ind)
                }
            })
            .map(|c| self.obs[c].breakdown.clone())
            .filter(|b| !b.is_empty())
            // "Cây ngô thu hoạch" (the harvest of the crop in force): the
            // yield is the crop's.
            .map(|b| {
                match b
                    .strip_suffix(" thu hoạch được")
                    .or_else(|| b.strip_suffix(" thu hoạch"))
                {
                    Some(crop) if !crop.ends_with(" đã") => crop.to_owned(),
                    _ => b,
                }
            })
            // "lúa mùa đã thu hoạch": the state is no item of the yield.
            .map(|b| {
                if !state.season.is_empty() && b.starts_with(&state.season) {
                    state.season.clone()
                } else {
                    b
                }
            })
            .or_else(|| {
                Some(state.breakdown.clone()).filter(|b| state.breakdown_fresh && !b.is_empty())
            })
            .unwrap_or_else(|| state.season.clone());
        let kept = (
            state.code,
            state.label.clone(),
            state.breakdown.clone(),
            state.breakdown_fresh,
        );
        state.current = None;
        if let Some(i) = self.begin(gap, cursor, mentions, loc, state, Some(q), span, in_paren) {
            self.obs[i].indicator = code.into();
            self.obs[i].label = "năng suất".into();
            self.obs[i].breakdown = item.clone();
            self.sentence_levels.push(i);
        }
        (
            state.code,
            state.label,
            state.breakdown,
            state.breakdown_fresh,
        ) = kept;
        // The output after it is of the same crop.
        if !item.is_empty() {
            state.breakdown = item;
            state.breakdown_fresh = true;
        }
        0
    }

    /// Names the figure `i` by words of its own, with no item, and makes
    /// that name the subject in force for the clauses after it.
    fn name_subject(&mut self, i: usize, state: &mut State, name: String) {
        self.obs[i].label = name.clone();
        self.obs[i].breakdown = String::new();
        state.label = name;
        state.breakdown = String::new();
        state.fresh = true;
        self.sentence_levels.push(i);
    }

    /// An observation of a subject named only by words (no catalog code).
    #[allow(clippy::too_many_arguments)]
    fn begin_unnamed(
        &mut self,
        cursor: usize,
        mentions: &[when::Mention],
        gap: &str,
        loc: Loc,
        state: &mut State,
        q: Quantity,
        span: Span,
    ) -> Option<usize> {
        let period = mentions
            .iter()
            .rev()
            .find(|m| m.start >= cursor && m.end <= cursor + gap.len())
            .map(|m| m.period.clone());
        if let Some(p) = period {
            state.period = Some(p);
        }
        let obs = Observation {
            indicator: String::new(),
            label: state.label.clone(),
            breakdown: String::new(),
            period: state.period.clone().or_else(|| self.fallback.clone()),
            quantity: Some(q),
            status: state.status,
            comparisons: Vec::new(),
            provenance: Provenance {
                section_number: loc.section.to_owned(),
                footnote_number: loc.footnote,
                span,
                sentence: cited_sentence(loc.sentence, &span, loc.sentence_off),
            },
        };
        self.obs.push(obs);
        state.current = Some(self.obs.len() - 1);
        state.current
    }

    /// Starts an observation from the words before an anchor and the state.
    #[allow(clippy::too_many_arguments)]
    fn begin(
        &mut self,
        gap: &str,
        cursor: usize,
        mentions: &[when::Mention],
        loc: Loc,
        state: &mut State,
        q: Option<Quantity>,
        span: Span,
        in_paren: bool,
    ) -> Option<usize> {
        let (mut gap, mut cursor) = (gap, cursor);
        let mut lower = self.lower(gap);
        // (The crop in force before this figure, for its harvest below.)
        let crop_before = (state.code == "crop_area").then(|| state.breakdown.clone());
        if BREAKDOWN_OPENERS
            .iter()
            .any(|o| find_str(&lower, o).is_some())
        {
            state.in_breakdown = true;
            // "Có 8/11 nhóm hàng tăng giá, trong đó nhóm nhà ở ... tăng
            // 0,68%": a change is no part of a count; the parts are the
            // subject the count displaced (the index in force), named
            // after the opener.
            if q.is_none()
                && state.code.is_empty()
                && let Some((code, label)) = state.pending.take()
            {
                state.code = code;
                state.label = label;
                if let Some(i) = ["trong đó", "Trong đó"]
                    .iter()
                    .filter_map(|o| find_str(gap, o).map(|i| i + o.len()))
                    .max()
                {
                    gap = &gap[i..];
                    cursor += i;
                    lower = self.lower(gap);
                }
            }
        }
        // "Trong khu vực nông, lâm nghiệp và thủy sản, ngành thủy sản đạt
        // mức tăng cao nhất 11,25%" under the GRDP: a branch of the whole
        // in force, named after its sector (whose "thủy sản" is no
        // fisheries output).
        if CONTRIBUTIONS.iter().any(|(w, _)| *w == state.code)
            && let Some(i) = after_part_opener(gap)
        {
            state.in_breakdown = true;
            gap = &gap[i..];
            cursor += i;
            lower = self.lower(gap);
        }
        // (The mention, not its period: the period is cloned once, into the
        // state, below.)
        let period = mentions
            .iter()
            .rev()
            .find(|m| m.start >= cursor && m.end <= cursor + gap.len());
        let status = if find_str(&lower, "dự kiến").is_some() {
            Some(ObservationStatus::Forecast)
        } else if has_word(&lower, "ước") {
            Some(ObservationStatus::Estimate)
        } else if has_word(&lower, "đã") {
            // "...; đã thu hoạch khoảng 3.350 tấn": what is done is counted.
            Some(ObservationStatus::Actual)
        } else {
            None
        };
        let previous = Some(state.code).filter(|c| !c.is_empty());
        let subject = self
            .find(gap, previous)
            // (Unless the figure's unit is the named subject's and not the
            // one in force: "Cụ thể, nông nghiệp ..., với diện tích gieo sạ
            // lúa đạt hơn 331.000ha" under the GRDP's growth.)
            .filter(|(ind, _)| {
                !other_field(state, ind)
                    || q.as_ref().is_some_and(|q| {
                        fits(ind.unit, q)
                            && catalog::by_code(state.code).is_some_and(|s| !fits(s.unit, q))
                    })
            })
            // "Một số sản phẩm ...: ...; thức ăn thủy sản 61,3 nghìn tấn": in
            // a list of products, a name found after words of the item
            // ("thức ăn") is the product's last words, no other subject.
            .filter(|(ind, r)| {
                state.code != "industrial_product_output"
                    || ind.code == state.code
                    || !gap[gap[..r.start].rfind([';', ':', ',']).map_or(0, |i| i + 1)..r.start]
                        .chars()
                        .any(baocao_domain::text::is_alphabetic)
            })
            .map(|(ind, r)| {
                let last = self
                    .sentence_levels
                    .iter()
                    .rev()
                    .chain(self.last_levels.iter().rev())
                    .map(|&i| self.obs[i].indicator.as_str())
                    // (A yield between the area and the output is of the
                    // same crop.)
                    .find(|c| !c.is_empty() && !c.ends_with("_yield"));
                let next = gap[r.end..].split_whitespace().next().unwrap_or("");
                let named_item =
                    !next.is_empty() && !self.with_lower(next, |l| EDGE_SET.contains(l));
                let ind = if named_item {
                    ind
                } else {
                    rice_output_after(ind, last, &gap[r.clone()])
                };
                (ind, r)
            });
        // "...; trong đó, sản lượng tôm ... Cụ thể, sản lượng khai thác
        // thủy sản ...": a headed subject named again, whole, inside its
        // breakdown is that part, not the last item once more.
        let whole_again = subject
            .as_ref()
            .filter(|(ind, _)| {
                ind.code == state.code
                    && state.in_breakdown
                    && HEADED.iter().any(|(c, _)| *c == ind.code)
            })
            .map(|(_, r)| clean_label(&gap[r.clone()]));
        // "Diện tích nuôi trồng thủy sản ... Diện tích thu hoạch 291.910
        // ha": the bare head after the aquaculture area is that area's (the
        // harvested ponds), not a crop's; the words after it are the item.
        let mut pond_item = None;
        let subject = subject.map(|(ind, r)| {
            if ind.code == "crop_area"
                && previous == Some("aquaculture_area")
                && lowercase(gap[r.clone()].trim()) == "diện tích"
                && let Some(pond) = catalog::by_code("aquaculture_area")
            {
                pond_item = Some(noun_phrase(
                    &gap[r.end..],
                    cursor + r.end,
                    mentions,
                    None,
                    "",
                ))
                .filter(|i| !i.is_empty());
                (pond, r)
            } else {
                (ind, r)
            }
        });
        let mut item = pond_item;
        let mut head_item = None;
        if let Some((ind, r)) = &subject {
            if ind.code != state.code || !state.in_breakdown {
                let changed = ind.code != state.code;
                if changed && state.in_breakdown && state.parent.is_none() {
                    state.parent = Some((state.code, state.label.clone()));
                }
                state.code = ind.code;
                state.label = clean_label(&gap[r.clone()]);
                if changed
                    && state.breakdown_fresh
                    && !state.in_breakdown
                    && gap[r.clone()].split_whitespace().count() <= 2
                {
                    // "Diện tích dứa ..., sản lượng ...": same item.
                    item = Some(std::mem::take(&mut state.breakdown));
                }
                if !state.in_breakdown || changed {
                    state.breakdown = String::new();
                }
                if changed {
                    // In a list whose parent is known, the next item without
                    // a name of its own is again the parent's ("Trong đó:
                    // doanh thu bán lẻ ...; doanh thu du lịch lữ hành ...;
                    // doanh thu dịch vụ khác ...").
                    state.in_breakdown = state.in_breakdown
                        && (find_str(&lower, "trong đó").is_some() || state.parent.is_some());
                }
            }
            // "Thịt lợn hơi từ 63-66 nghìn đồng/kg": the alias names the item.
            if ITEMIZED.contains(&ind.code) && !fold(&gap[r.clone()]).starts_with("gia") {
                item = Some(clean_label(&gap[r.clone()]));
            }
            head_item = headed_item(ind.code, &gap[r.clone()]);
            state.fresh = true;
        }
        // Words after a specific subject qualify it ("Tổng kế hoạch vốn ...
        // do tỉnh quản lý"); after a generic one they name the item
        // ("Diện tích dứa").
        let np = match &subject {
            // "Thủy sản: diện tích thả nuôi ...": a topic before the
            // subject's colon is no breakdown.
            Some((ind, r))
                if !GENERIC.contains(&ind.code)
                    && !state.in_breakdown
                    && gap[..r.start].trim_end().ends_with(':') =>
            {
                String::new()
            }
            Some((ind, r)) if !GENERIC.contains(&ind.code) => {
                // "... trái phép với tổng diện tích bị phá là 1,59 ha": the
                // words before "với" are what the subject comes with; after
                // a figure of the clause, those before a comma are that
                // figure's ("07 vụ ... trái pháp luật, diện tích thiệt hại
                // 14,16 ha"). Neither is an item of the subject.
                // (Not "Đối với ...,": a topic that leads in, which the
                // noun phrase knows; nor before the indicator in force named
                // again, "nhóm hàng dệt may với kim ngạch xuất khẩu đạt ...",
                // whose item the words are.)
                let before = &gap[..r.start];
                let cut = rfind_str(before, " với ")
                    .filter(|&i| !before[..i].to_lowercase().ends_with("đối"))
                    .filter(|_| previous != Some(ind.code))
                    .map(|i| i + " với ".len())
                    .into_iter()
                    // "Kết quả trên đã góp phần đưa doanh thu du lịch ...
                    // đạt": what brought the subject to its figure, up to
                    // "đưa", is no item of it.
                    .chain(rfind_str(before, " đưa ").map(|i| i + " đưa ".len()))
                    .chain(
                        (cursor > 0)
                            .then(|| before.rfind(',').map(|i| i + 1))
                            .flatten(),
                    )
                    .max()
                    .unwrap_or(0);
                // (The subject follows these words: an empty range at
                // their end says so, and "tỉnh Đồng Nai xuất siêu" keeps
                // the province as where, not an item.)
                let at = before.len() - cut;
                let np = self.noun_phrase(
                    &before[cut..],
                    cursor + cut,
                    mentions,
                    Some(at..at),
                    &state.label,
                );
                // "Một số ngành có chỉ số sản xuất tăng cao như: Chế biến
                // thực phẩm tăng 3,54%, Dệt ...": after the subject, a list
                // opener; the first entry is the item, as the next ones are.
                let listed = list_opener_end(&gap[r.end..]).map(|k| {
                    let a = r.end + k;
                    self.noun_phrase(&gap[a..], cursor + a, mentions, None, &state.label)
                });
                if let Some(first) = listed.filter(|l| !l.is_empty()) {
                    first
                // ("Tốc độ tăng (trưởng) giá trị sản xuất ...": the rate of
                // the subject's growth, no item of it.)
                } else if names_indicator(&np, ind) || lowercase(&np).starts_with("tốc độ") {
                    String::new()
                } else if np.is_empty()
                    && let Some(origin) = origin_after(&gap[r.end..])
                {
                    // "Lượt khách quốc tế 9 tháng ước đạt ...": the origin
                    // written right after the subject is its item.
                    origin.to_owned()
                } else if np.is_empty() && ind.code.ends_with("_plan") {
                    // "Kế hoạch vốn năm 2023 Thủ tướng Chính phủ giao là ...":
                    // the plan as the level of government that set it.
                    let after =
                        noun_phrase(&gap[r.end..], cursor + r.end, mentions, None, &state.label);
                    if after.ends_with(" giao") { after } else { np }
                } else {
                    np
                }
            }
            _ => {
                let np = self.noun_phrase(
                    gap,
                    cursor,
                    mentions,
                    subject.as_ref().map(|(_, r)| r.clone()),
                    &state.label,
                );
                // "Chè: diện tích 22.780 ha": the item heads the list entry.
                match subject
                    .as_ref()
                    .and_then(|(_, r)| gap[..r.start].rfind(": "))
                {
                    // "Lúa đông xuân: Diện tích gieo sạ ...": sowing is no item.
                    Some(colon) if np.is_empty() || only_sowing(&np) => {
                        self.noun_phrase(&gap[..colon], cursor, mentions, None, &state.label)
                    }
                    _ => np,
                }
            }
        };
        // "Trong tháng thu hoạch được 5.245 tấn" under aquaculture output:
        // the verb before "được" says how the subject in force was got; it
        // is no item of it.
        let np = if !np.is_empty()
            && !state.code.is_empty()
            && subject.is_none()
            && np.split_whitespace().count() <= 2
            && verb_before_duoc(&lower, &np)
        {
            String::new()
        } else {
            np
        };
        let mut done_of_item = None;
        if let Some(crop) = crop_before
            .filter(|c| !c.is_empty())
            .filter(|_| {
                subject
                    .as_ref()
                    .is_some_and(|(ind, _)| ind.code == "crop_area")
            })
            .filter(|_| matches!(&*lowercase(np.trim()), "thu hoạch" | "thu hoạch được"))
        {
            // "Cây ngô ... gieo trồng được 471,5 ha ... Dự ước diện tích thu
            // hoạch 38,5 ha, năng suất đạt 46 tạ/ha": the harvest of the
            // crop in force, which stays the item of the yield after it.
            done_of_item = Some(format!("{crop} {}", np.trim()));
            state.breakdown = crop;
            state.breakdown_fresh = true;
        } else if let Some(i) = head_item {
            state.breakdown = i;
            state.breakdown_fresh = true;
        } else if np.is_empty()
            && let Some(whole) = whole_again
        {
            state.breakdown = whole;
            state.breakdown_fresh = true;
        } else if !np.is_empty()
            && subject.is_none()
            && matches!(
                state.code,
                "iip" | "industrial_output_value" | "industrial_product_output"
            )
            && (products_listed(&lower)
                || (state.code != "industrial_product_output"
                    && loc
                        .sentence
                        .get(..(span.start as usize).saturating_sub(loc.sentence_off))
                        .is_some_and(|head| products_listed(&head.to_lowercase()))))
        {
            // "IIP ... tăng 4,32%. Một số sản phẩm có mức tăng trưởng tốt như
            // sữa các loại tăng 10,09%, ...": the products the index is
            // made of, each an item of the key products.
            state.code = "industrial_product_output";
            state.label = String::new();
            state.breakdown = np;
            state.breakdown_fresh = true;
            state.fresh = true;
        } else if !np.is_empty() {
            let classifier = np
                .split(' ')
                .next()
                .is_some_and(|w| self.with_lower(w, |l| CLASSIFIERS.contains(&l)));
            // "Bên cạnh đó, về lĩnh vực ngân hàng, vốn huy động ...": after a
            // connective or topic, a classifier opens a subject of its own.
            let led_in = classifier && skip_lead_ins(gap.trim_start()) > 0;
            // "Trong các ngành công nghiệp cấp II có một số ngành tăng so
            // tháng trước như: sản xuất xe có động cơ tăng 8,78%; ...": a
            // list of branches or groups, led in without naming the index,
            // is of the subject in force in the paragraph.
            if subject.is_none()
                && !state.code.is_empty()
                && !state.fresh
                && !state.in_breakdown
                && find_str(&lower, " như").is_some_and(|i| {
                    has_word(&lower[..i], "ngành") || has_word(&lower[..i], "nhóm")
                })
            {
                state.fresh = true;
            }
            if (state.code.is_empty() && state.label.is_empty() && !state.in_breakdown)
                || (!state.fresh
                    && !state.in_breakdown
                    && subject.is_none()
                    && (!classifier || led_in))
            {
                // No subject in force in this sentence: these words are the
                // subject; a breakdown (an entity named before a bracket)
                // stays.
                state.code = "";
                state.label = np;
                if !in_paren {
                    // "khách quốc tế chủ yếu đến từ Trung Quốc 25,1%, Nga
                    // 20,07%": the place the figure is from, which the
                    // label drops, is the first item of the list by place.
                    state.breakdown = place_after_tu(gap).unwrap_or_default();
                }
                state.fresh = true;
            } else if let Some(ind) = (subject.is_none() && !state.code.is_empty())
                .then(|| self.elided_indicator(&state.label, &np))
                .flatten()
                .filter(|ind| ind.code != state.code)
            {
                // "Kim ngạch xuất khẩu ... đạt 310 triệu USD; nhập khẩu đạt
                // 205 triệu USD": the head the item shares with the subject
                // before is left out; with it, the item names an indicator.
                state.code = ind.code;
                state.label = np;
                state.breakdown = String::new();
                state.fresh = true;
            } else {
                if subject.is_none()
                    && state.in_breakdown
                    && let Some((code, label)) = state.parent.clone()
                {
                    state.code = code;
                    state.label = label;
                }
                if subject.is_none()
                    && !state.in_breakdown
                    && state.breakdown_fresh
                    && !state.breakdown.is_empty()
                    && lower.trim_start_matches([' ', ',', ';']).starts_with("đã ")
                {
                    // "Diện tích dứa ...; đã thu hoạch khoảng 3.350 tấn":
                    // what is done of the item in force; the item stays
                    // for the figures after it ("giá bán ...").
                    done_of_item = Some(format!("{} đã {np}", state.breakdown));
                } else if subject.is_none()
                    && state.code.is_empty()
                    && !state.label.is_empty()
                    && state.breakdown.is_empty()
                    && !state.in_breakdown
                    && !classifier
                    && list_opened(loc, &span)
                {
                    // "Các giống lúa sử dụng chủ yếu là: OM18 chiếm 36,7%,
                    // Đài thơm chiếm 32,9%": with no catalog subject in
                    // force, the next entry of a list is a subject of its
                    // own, as the first is; not an item of the first
                    // entry's words. (Only after a list's colon: "trâu, bò
                    // mắc bệnh là 178 con, chết 13 con" keeps the dead as
                    // an item of the sick.)
                    state.label = np;
                    state.fresh = true;
                } else {
                    state.breakdown = np;
                    state.breakdown_fresh = true;
                    // "Nhóm đồ uống và thuốc lá tăng 2,38%; may mặc, mũ
                    // nón, giầy dép tăng 1,67%": a group of the subject in
                    // force confirms it for the sentence: the items after
                    // are its groups too.
                    if classifier && subject.is_none() && !state.code.is_empty() {
                        state.fresh = true;
                    }
                }
            }
        } else if let Some(i) = item {
            state.breakdown = i;
            state.breakdown_fresh = true;
        } else if period.is_some_and(|m| !when::is_whole_year(&m.period))
            && !state.in_breakdown
            && subject.is_none()
        {
            // (Not "...; ước cả năm 812 ha": the item's own year.)
            state.breakdown = String::new();
        }
        if let Some(m) = period {
            state.period = Some(m.period.clone());
        }
        // A status carries to the later clauses of its sentence, whatever
        // their subject or period: "Tổng mức bán lẻ ... ước đạt ...; doanh
        // thu dịch vụ lưu trú ... đạt ...".
        if let Some(s) = status {
            state.status = s;
        }
        if state.code.is_empty()
            && state.label.is_empty()
            && state.breakdown.is_empty()
            && q.is_none()
        {
            return None;
        }
        let period = state.period.clone().or_else(|| self.fallback.clone());
        // "..., cùng kỳ năm 2023 đạt 450 triệu USD": a year earlier.
        // (A bracket opened by "cùng kỳ" has its period shifted already.)
        // The words since the clause's last comma: a year in them ("năm
        // 2023") was read before the gap began.
        let before = loc
            .sentence
            .get(..(span.start as usize).saturating_sub(loc.sentence_off))
            .unwrap_or(gap);
        // (',' and ';' are ASCII: the bytes are searched from the end.)
        let since_comma =
            memchr::memrchr2(b',', b';', before.as_bytes()).map_or(before, |i| &before[i + 1..]);
        let earlier = !in_paren && !state.year_earlier && year_earlier_lead(since_comma).is_some();
        let period = match period {
            Some(p) if earlier => Some(when::year_earlier(&p, "cùng kỳ")),
            p => p,
        };
        let own = if earlier || (status.is_none() && self.settled(period.as_ref(), state.code)) {
            ObservationStatus::Actual
        } else {
            state.status
        };
        let mut obs = Observation {
            indicator: state.code.to_owned(),
            label: if state.label.is_empty() && state.code.is_empty() {
                state.breakdown.clone()
            } else {
                state.label.clone()
            },
            breakdown: if state.label.is_empty() && state.code.is_empty() {
                String::new()
            } else if let Some(b) = done_of_item {
                b
            } else if state.breakdown.is_empty() {
                state.season.clone()
            } else {
                state.breakdown.clone()
            },

            period,
            quantity: q,
            status: own,
            comparisons: Vec::new(),
            provenance: Provenance {
                section_number: loc.section.to_owned(),
                footnote_number: loc.footnote,
                span,
                sentence: cited_sentence(loc.sentence, &span, loc.sentence_off),
            },
        };
        rice_area_named(&mut obs);
        crop_area_named(&mut obs);
        price_named(&mut obs);
        self.obs.push(obs);
        state.current = Some(self.obs.len() - 1);
        Some(self.obs.len() - 1)
    }
}

/// "Một số sản phẩm tăng cao (so với 8 tháng đầu năm 2017) như: tôm đông
/// lạnh tăng 31,7%": the words (lowercase) open a list of products. (A
/// base or a period written before the list ends the gap: the caller looks
/// at the sentence up to the figure too, unless the products are in force
/// already, under a label of their own.)
fn products_listed(lower: &str) -> bool {
    find_str(lower, "sản phẩm")
        .is_some_and(|i| find_str(&lower[i..], " như").is_some() || lower[i..].contains(':'))
}

/// The sentence up to the figure at `span` opens a list with a colon
/// ("Các giống lúa sử dụng chủ yếu là: OM18 chiếm 36,7%, ..."), not a
/// breakdown ("Trong đó: ...").
fn list_opened(loc: Loc, span: &Span) -> bool {
    loc.sentence
        .get(..(span.start as usize).saturating_sub(loc.sentence_off))
        .is_some_and(|head| {
            let lower = head.to_lowercase();
            lower.contains(':')
                && !BREAKDOWN_OPENERS
                    .iter()
                    .any(|o| find_str(&lower, o).is_some())
        })
}

/// The clauses of `text` parted again at commas outside brackets after a
/// figure ("giảm 3 vụ, tăng 1 người chết", "tổng đàn lợn tăng 4,5%, đàn
/// gia cầm tăng 2%"); a decimal comma, between digits, parts nothing.
fn comma_parts(text: &str, parts: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for r in parts {
        let mut start = r.start;
        let mut depth = 0usize;
        for i in r.clone() {
            match b[i] {
                b'(' => depth += 1,
                b')' => depth = depth.saturating_sub(1),
                b',' if depth == 0 => {
                    let decimal = i > 0
                        && b[i - 1].is_ascii_digit()
                        && b.get(i + 1).is_some_and(u8::is_ascii_digit);
                    if !decimal && b[start..i].iter().any(u8::is_ascii_digit) {
                        out.push(start..i);
                        start = i + 1;
                    }
                }
                // "..., giảm 4 người chết (7%) và giảm 44 người bị thương":
                // the last change of the list is joined by "và".
                b' ' if depth == 0
                    && text[i..].starts_with(" và ")
                    && b[start..i].iter().any(u8::is_ascii_digit)
                    && ["tăng ", "giảm ", "số "]
                        .iter()
                        .any(|w| text[i + " và ".len()..].starts_with(w)) =>
                {
                    out.push(start..i);
                    start = i + " và".len();
                }
                _ => {}
            }
        }
        out.push(start..r.end);
    }
    out
}

/// Words that say an area was hit: by pests ("gây hại", "nhiễm bệnh"),
/// by weather ("ngập", "thiệt hại", "đổ ngã").
const DAMAGE: &[&str] = &[
    "gây hại",
    "nhiễm",
    "bị hại",
    "thiệt hại",
    "hư hại",
    "ngập",
    "mất trắng",
    "đổ ngã",
    "bị ảnh hưởng",
];

/// Where the words before an area say it was hit ("gây hại rải rác trên",
/// "diện tích lúa bị nhiễm rầy"): the byte its label starts at, "diện
/// tích" before the damage word if written, else the damage word; and
/// where the damage word is.
fn damage_at(gap: &str) -> Option<(usize, usize)> {
    let lower = lowercase(gap);
    if lower.len() != gap.len() {
        return None;
    }
    let at = DAMAGE
        .iter()
        .filter_map(|d| {
            match_starts(&lower, d).find(|&i| {
                let end = i + d.len();
                lower[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphabetic())
                    && lower[end..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphabetic())
            })
        })
        .min()?;
    let from = lower[..at].rfind([',', ';', ':']).map_or(0, |i| i + 1);
    let start = lower[from..at].find("diện tích").map_or(at, |i| from + i);
    gap.is_char_boundary(start).then_some((start, at))
}

/// The lowercase name and aliases of every indicator of the catalog, in
/// its order: made once, like the catalog's own index.
static LOWER_NAMES: std::sync::LazyLock<Vec<Vec<String>>> = std::sync::LazyLock::new(|| {
    catalog::catalog()
        .iter()
        .map(|d| {
            std::iter::once(d.name)
                .chain(d.aliases.iter().copied())
                .map(baocao_domain::text::lowercase)
                .collect()
        })
        .collect()
});

/// [`LOWER_NAMES`]'s entry for `ind` when it is an indicator of the catalog
/// (found by its address in the catalog's slice).
fn lower_names(ind: &catalog::Indicator) -> Option<&'static [String]> {
    let all = catalog::catalog();
    let at = (std::ptr::from_ref(ind) as usize).wrapping_sub(all.as_ptr() as usize)
        / std::mem::size_of::<catalog::Indicator>();
    all.get(at)
        .filter(|d| std::ptr::eq(*d, ind))
        .map(|_| LOWER_NAMES[at].as_slice())
}

/// Whether the words before an alias name its indicator rather than an
/// item of it: "Vốn đầu tư công" of "Vốn đầu tư công giải ngân đến ...
/// được" is in the indicator's name ("Giải ngân vốn đầu tư công").
fn names_indicator(np: &str, ind: &catalog::Indicator) -> bool {
    let np = lowercase(np.trim());
    if np.is_empty() {
        return false;
    }
    // Whether " {np} " is in " {a} ": `np` is in `a` between spaces or
    // the ends (every place it stands is tried, as a search of the padded
    // texts would). The catalog's names are lowercased once, in a table;
    // an indicator from elsewhere is lowercased here.
    let own: Vec<String>;
    let names: &[String] = match lower_names(ind) {
        Some(names) => names,
        None => {
            own = std::iter::once(ind.name)
                .chain(ind.aliases.iter().copied())
                .map(baocao_domain::text::lowercase)
                .collect();
            &own
        }
    };
    names.iter().any(|a| {
        let b = a.as_bytes();
        let mut from = 0;
        while let Some(i) = a.get(from..).and_then(|t| find_str(t, &np)) {
            let at = from + i;
            let end = at + np.len();
            if (at == 0 || b[at - 1] == b' ') && (end == b.len() || b[end] == b' ') {
                return true;
            }
            // The next place may overlap this one: on by one character.
            from = at + a[at..].chars().next().map_or(1, char::len_utf8);
        }
        false
    })
}

/// "..., đạt 101,2% kế hoạch; cây rau màu 9.800 ha, tăng 4,5%": a plan
/// measures attainment, so a bare rise or fall after it keeps the default
/// base (the same period last year), not the plan.
fn plan_for_change(kind: Kind, base: ComparisonBase) -> bool {
    matches!(kind, Kind::Change(_))
        && matches!(base, ComparisonBase::Plan | ComparisonBase::BudgetEstimate)
}

/// Words after an area that are no item of it: a verb, a base, a status.
const AREA_STOPS: &[&str] = &[
    "tăng", "giảm", "bằng", "đạt", "so", "gấp", "vượt", "chiếm", "ước", "dự", "trong", "cùng",
    "của", "là", "được", "đã", "thì",
];

/// The bytes of a clause's lead that names the same period a year earlier
/// ("cùng kỳ năm trước", "cùng kỳ năm 2023", "cùng kỳ") when a figure
/// follows it: "cùng kỳ năm trước đạt 5.998,5 tỷ đồng".
fn year_earlier_lead(clause: &str) -> Option<usize> {
    let t = clause.trim_start();
    let lead = clause.len() - t.len();
    // The lowercase opens with "c" only if the text opens with "c" or "C"
    // (no other character lowercases to it): most clauses are not
    // lowercased for this.
    if !t.starts_with(['c', 'C']) {
        return None;
    }
    let lower = lowercase(tail_start(t, 40));
    let head = ["cùng kỳ", "cùng kì"]
        .iter()
        .find(|h| lower.starts_with(*h))?
        .len();
    let mut n = head;
    let rest = &lower[n..];
    for w in [" năm trước", " năm ngoái", " năm"] {
        if let Some(r) = rest.strip_prefix(w) {
            n += w.len();
            // "cùng kỳ năm 2023"
            let digits = r.trim_start();
            let y = digits.bytes().take_while(u8::is_ascii_digit).count();
            if w == " năm" {
                if y != 4 {
                    return None;
                }
                n += r.len() - digits.len() + y;
            }
            break;
        }
    }
    let after = &lower[n..];
    let verb = after.trim_start_matches([' ', ',', ':']);
    let starts = ["đạt", "là", "được", "có", "tăng", "giảm", "bằng"]
        .iter()
        .any(|v| verb.starts_with(v) && !verb[v.len()..].starts_with(char::is_alphanumeric))
        || verb.starts_with(|c: char| c.is_ascii_digit());
    // The case of "Cùng kỳ" / "cùng kỳ" keeps byte lengths: the lead is
    // measured on the lowercase copy.
    (starts && t.is_char_boundary(n) && lower.is_char_boundary(n)).then_some(lead + n)
}

static DURATION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^\s*(?:đến|-|–)\s*(?:dưới\s*)?\d+\s*(?:tháng|năm|ngày|tuổi)")
        .expect("duration pattern")
});

static CUTOFF: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\((?i:tính) đến (?:hết )?ngày (\d{1,2})/(\d{1,2})/(\d{4})\)")
        .expect("cut-off pattern")
});

fn cut_period(p: &mut Period, cut: chrono::NaiveDate) {
    if p.start <= cut && cut < p.end && matches!(p.kind, PeriodKind::Month | PeriodKind::YearToDate)
    {
        if p.kind == PeriodKind::Month {
            p.kind = PeriodKind::DateRange;
        }
        p.end = cut;
    }
}

/// A date range written in brackets right after a month: "tháng 5 (từ
/// 15/4 đến 14/5)", "Tháng 5/2024 (từ ngày 15/4 đến ngày 14/5/2024)".
fn bracket_range(sentence: &str, anchor: Anchor) -> Option<Period> {
    let open = find_str(sentence, "(từ ").or_else(|| find_str(sentence, "(Từ "))?;
    let before = lowercase(tail(sentence[..open].trim_end(), 24));
    let month = before
        .rsplit("tháng")
        .next()
        .filter(|_| before.contains("tháng"))?;
    if !month
        .trim()
        .chars()
        .all(|c| c.is_ascii_digit() || c == '/' || c == ' ')
        || month.trim().is_empty()
    {
        return None;
    }
    let close = sentence[open..].find(')')? + open;
    when::mentions(&sentence[open + 1..close], anchor)
        .into_iter()
        .map(|m| m.period)
        .find(|p| p.kind == PeriodKind::DateRange)
}

/// The cut-off date the heading of section `s`, or of a section it stands
/// in, writes in brackets ("(tính đến ngày 15/5/2024)"), the nearest first.
fn heading_cutoff(outline: &Outline, s: usize) -> Option<Period> {
    let path = &outline.sections[s].path;
    outline
        .sections
        .iter()
        .filter(|t| {
            path.strip_prefix(t.path.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
        .filter_map(|t| {
            let c = cutoff_captures(&t.title)?;
            let day = cutoff(&t.title)?;
            Some((
                t.path.len(),
                Period::as_of(day, c[0].trim_matches(['(', ')'])),
            ))
        })
        .max_by_key(|(len, _)| *len)
        .map(|(_, p)| p)
}

/// `CUTOFF.captures(text)`, with no capturing search (which allocates its
/// slots first) for the many texts without the pattern's " đến ".
fn cutoff_captures(text: &str) -> Option<regex::Captures<'_>> {
    if !text.contains(" đến ") {
        return None;
    }
    CUTOFF.captures(text)
}

/// A cut-off date written in brackets after a period.
fn cutoff(sentence: &str) -> Option<chrono::NaiveDate> {
    let c = cutoff_captures(sentence)?;
    chrono::NaiveDate::from_ymd_opt(c[3].parse().ok()?, c[2].parse().ok()?, c[1].parse().ok()?)
}

fn is_rank(gap_lower: &str) -> bool {
    let g = gap_lower.trim_end();
    g.ends_with("xếp thứ")
        || g.ends_with("đứng thứ")
        // "tăng trưởng ... cao thứ 9/63 tỉnh", "thấp thứ 3 cả nước".
        || g.ends_with("cao thứ")
        || g.ends_with("thấp thứ")
        || g.ends_with("xếp hạng")
        || g.ends_with("đứng thứ hạng")
        // "đứng vị trí thứ 11/63 tỉnh, thành phố".
        || g.ends_with("vị trí thứ")
}

/// "gieo sạ 36.150 ha lúa, năng suất ..., sản lượng khoảng 210,4 nghìn
/// tấn": output named by its generic word after the rice area (the last
/// catalogued level of its sentence, or of the sentence before) is the
/// rice's output, unless the words after it name a crop ("Sản lượng chè
/// búp tươi").
fn rice_output_after(
    ind: &'static catalog::Indicator,
    last: Option<&str>,
    alias: &str,
) -> &'static catalog::Indicator {
    let generic = ind.code == "crop_output" && lowercase(alias.trim()) == "sản lượng";
    match catalog::by_code("rice_output") {
        Some(rice) if generic && last == Some("rice_area") => rice,
        _ => ind,
    }
}

/// Whether `counted` (a count's unit and the words after it) names what
/// is counted: a noun counted ("ca", "vụ", "thí sinh") with words of its
/// own after it, not a verb or a base ("64 vụ tăng ...").
/// "khoản thu đã vượt dự toán, bao gồm: ...": when no figure follows the
/// words (`to_figure` false), their verbs describe what is counted.
fn named_after(q: &Quantity, counted: &str, to_figure: bool) -> bool {
    let unit = lowercase(&q.unit);
    let lower = lowercase(counted);
    let Some(rest) = lower.strip_prefix(unit.as_str()) else {
        return false;
    };
    (is_count(q.unit_code) || q.unit_code == UnitCode::Other)
        && !unit.is_empty()
        && !unit.contains('/')
        && (rest.starts_with(' ') || rest.starts_with(", "))
        && (!to_figure
            || !stop_in_name(rest, {
                // The same words as written (lowercasing keeps the words).
                let skip = unit.split_whitespace().count();
                let at = counted
                    .split_whitespace()
                    .nth(skip)
                    .map_or(counted.len(), |w| {
                        w.as_ptr() as usize - counted.as_ptr() as usize
                    });
                &counted[at..]
            }))
}

/// Whether the first figure of a footnote's body can be of a figure in
/// `unit`: a percent, a bare number, or a unit compatible with it.
fn first_unit_fits(body: &str, unit: UnitCode) -> bool {
    // (The figure as `numbers` reads it: a trailing mark is no part of it.)
    let b = body.as_bytes();
    let Some(start) = next_digit(b, 0) else {
        return false;
    };
    let end = digits_end(b, start);
    match unit_after(&body[end..]) {
        None => true,
        Some(u) => {
            matches!(u.code, UnitCode::Percent | UnitCode::Number) || compatible(unit, u.code)
        }
    }
}

/// What a total raised to the figure after the gap totals: the words
/// between "nâng tổng số" and a closing "lên", without their place.
fn raised_total(gap: &str) -> Option<String> {
    let head = "nâng tổng số ";
    let i = find_str(gap, head)?;
    let rest = gap[i + head.len()..].trim_end().strip_suffix(" lên")?;
    let mut name = rest.to_owned();
    for place in [
        "trên địa bàn tỉnh",
        "trên địa bàn huyện",
        "trên địa bàn",
        "toàn tỉnh",
        "của tỉnh",
    ] {
        if let Some(j) = find_str(&name, place) {
            name.replace_range(j..j + place.len(), "");
        }
    }
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    (!name.is_empty() && !name.bytes().any(|b| b.is_ascii_digit())).then_some(name)
}

/// A place alone ("Quỳnh Lưu", "huyện Yên Thành") after a list's colon or
/// semicolon: where it starts and its words.
fn listed_place(gap: &str) -> Option<(usize, String)> {
    let at = gap.rfind([':', ';']).map_or(0, |i| i + 1);
    let part = gap[at..].trim();
    let words: Vec<&str> = part.split_whitespace().collect();
    let names = words
        .iter()
        .skip_while(|w| matches!(**w, "huyện" | "xã" | "thị" | "thành" | "phố" | "tỉnh"))
        .count();
    // (One capitalised word alone, "Riêng", is no place; after "xã" it is.)
    (names >= 1
        && (names >= 2 || names < words.len())
        && words.len() <= 5
        && words.iter().rev().take(names).all(|w| {
            w.starts_with(char::is_uppercase) && w.chars().all(baocao_domain::text::is_alphabetic)
        }))
    .then(|| (at, part.to_owned()))
}

/// The day of an event a count after it is of: "... ngày 05/9/2024 với"
/// (the words before the figure end so).
fn day_with(before: &str) -> Option<Period> {
    let mut words = before.split_whitespace().rev();
    if words.next()? != "với" {
        return None;
    }
    let date = words.next()?;
    if words.next()? != "ngày" {
        return None;
    }
    let mut parts = date.split('/').map(|p| p.parse::<u32>().ok());
    let (d, m, y) = (parts.next()??, parts.next()??, parts.next()??);
    if parts.next().is_some() || y < 1900 {
        return None;
    }
    let day = chrono::NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
    Some(Period::as_of(day, format!("ngày {date}")))
}

/// The nouns after a number with no unit ("suất quà cho người có công")
/// when they name what is counted: lowercase words, no time word first,
/// no verb or base among them, no figure.
fn bare_named_after(counted: &str) -> Option<&str> {
    let name = counted.trim();
    // (At most six words: "suất quà cho người có công".)
    let name = match name.match_indices(' ').nth(5) {
        Some((i, _)) => &name[..i],
        None => name,
    };
    let lower = lowercase(name);
    // "đạt từ 10 tiêu chí trở lên": a bound inside a name, no count.
    if lower.ends_with("trở lên") {
        return None;
    }
    let first = lower.split(' ').next().unwrap_or("");
    // (The first word all lowercase: "110kV" is a unit's sign, no noun.)
    let first_written = name.split(' ').next().unwrap_or("");
    (!name.is_empty()
        && first_written.chars().all(char::is_lowercase)
        && !matches!(first, "tháng" | "năm" | "ngày" | "quý" | "tuần" | "giờ")
        && !EDGE_SET.contains(first)
        && !stop_in_name(&lower, name)
        && !name.bytes().any(|b| b.is_ascii_digit()))
    .then_some(name)
}

/// The words after the unit of a physical measure ("m3 gỗ các loại", "km
/// đường giao thông nông thôn") when they name what is measured: words of
/// their own, no verb or base among them and no figure after them.
fn measure_named_after<'c>(q: &Quantity, counted: &'c str, to_figure: bool) -> Option<&'c str> {
    use UnitCode::*;
    if to_figure
        || q.unit.is_empty()
        || q.unit.contains('/')
        || !matches!(
            q.unit_code,
            Hectare | SquareMetre | Tonne | Kilogram | CubicMetre | Kilometre
        )
    {
        return None;
    }
    let rest = counted.strip_prefix(q.unit.as_str())?;
    if !rest.starts_with(' ') {
        return None;
    }
    let rest = rest.trim();
    let lower = lowercase(rest);
    // "8.977 ha tại thị xã Vĩnh Châu": where, not what.
    let first = lower.split(' ').next().unwrap_or("");
    (!rest.is_empty()
        && rest.starts_with(char::is_lowercase)
        && !matches!(first, "tại" | "ở" | "cho" | "thuộc" | "trên" | "với")
        && !stop_in_name(&lower, rest)
        && !rest.bytes().any(|b| b.is_ascii_digit()))
    .then_some(rest)
}

/// Whether `words` hold a verb or base of `AREA_STOPS` that is no part of
/// a name: "đạt chuẩn" ("xã đạt chuẩn nông thôn mới") and "tăng giá",
/// "giảm giá" ("nhóm hàng tăng giá") name what is counted.
/// "VĐV đạt Kiện tướng": "đạt" before a title or grade (a capital, "cấp")
/// names it too.
/// (`written`: the same words as written, for their capitals.)
fn stop_in_name(words: &str, written: &str) -> bool {
    let mut it = words.split_whitespace().peekable();
    let mut as_written = written.split_whitespace().skip(1);
    while let Some(w) = it.next() {
        let next = it.peek().copied().unwrap_or("");
        let next_written = as_written.next().unwrap_or("");
        let title = w == "đạt" && (next_written.starts_with(char::is_uppercase) || next == "cấp");
        if AREA_STOPS.contains(&w) && !NAME_PAIRS.contains(&(w, next)) && !title {
            return true;
        }
    }
    false
}

/// A verb and the word after it that together name a property of what
/// is counted, not a statement about a figure.
const NAME_PAIRS: &[(&str, &str)] = &[("đạt", "chuẩn"), ("tăng", "giá"), ("giảm", "giá")];

/// Whether a paragraph is written in capitals only (a title).
/// A headline read as the first paragraph (a portal's news item: "Gia
/// Lai giải ngân được 97,9 tỷ đồng nguồn vốn ..."): its figure the body
/// repeats (same indicator, period and value) is the body's, counted
/// once; one the body does not write stays.
fn drop_repeated_headline(obs: &mut Vec<Observation>, headline: Range<usize>) {
    if headline.is_empty() {
        return;
    }
    let same = |a: &Observation, b: &Observation| {
        a.indicator == b.indicator
            && (!a.indicator.is_empty() || a.label == b.label)
            && a.period.as_ref().map(|p| (p.kind, p.start, p.end))
                == b.period.as_ref().map(|p| (p.kind, p.start, p.end))
            && matches!((&a.quantity, &b.quantity), (Some(x), Some(y))
                if x.value == y.value && x.value_max == y.value_max && x.unit == y.unit)
    };
    let repeated: Vec<bool> = obs[headline.clone()]
        .iter()
        .map(|h| obs[headline.end..].iter().any(|b| same(h, b)))
        .collect();
    let mut i = 0;
    obs.retain(|_| {
        let keep = !headline.contains(&i) || !repeated[i - headline.start];
        i += 1;
        keep
    });
}

/// "Giá trị sản xuất công nghiệp tháng 8 ... Nhiều sản phẩm tăng cao so
/// với 8 tháng đầu năm 2017 như: tôm đông lạnh tăng 31,7%; ...": a figure
/// whose sentence writes no period of its own, compared with a span of
/// the year before (months to date, a half, a quarter), is of the same
/// span this year, not of the period carried from the sentence before.
fn dated_by_base(obs: &mut [Observation]) {
    use chrono::Datelike;
    for o in obs {
        let Some(p) = o.period.as_ref() else { continue };
        // (Only a base that writes its year and months or quarter can name
        // a span of its own: "so với cùng kỳ năm 2023", most bases, is not
        // read again.)
        let Some(q) = o
            .comparisons
            .iter()
            .filter(|c| {
                c.base == ComparisonBase::SamePeriodLastYear
                    && c.base_label.bytes().filter(u8::is_ascii_digit).count() >= 4
                    && (c.base_label.contains("tháng") || c.base_label.contains("uý"))
            })
            .find_map(|c| crate::periods::first_period(&c.base_label, None))
        else {
            continue;
        };
        let year = p.end.year();
        if q.start.year() != year - 1
            || q.end.year() != year - 1
            || q.kind == p.kind
            || !matches!(
                q.kind,
                PeriodKind::YearToDate | PeriodKind::HalfYear | PeriodKind::Quarter
            )
            || (!p.label.is_empty() && o.provenance.sentence.contains(p.label.as_str()))
        {
            continue;
        }
        let shift = |d: chrono::NaiveDate| {
            baocao_domain::period::last_day_of_month(year, d.month()).map(|last| {
                if d.day() == 1 {
                    d.with_year(year).unwrap_or(last)
                } else {
                    last
                }
            })
        };
        let (Some(start), Some(end)) = (shift(q.start), shift(q.end)) else {
            continue;
        };
        let label = q.label.replace(&(year - 1).to_string(), &year.to_string());
        o.period = Some(Period {
            kind: q.kind,
            start,
            end,
            label,
        });
    }
}

fn in_capitals(text: &str) -> bool {
    text.chars().any(char::is_uppercase) && !text.chars().any(char::is_lowercase)
}

/// Words of sowing, which name no crop: "gieo sạ", "đã cấy", "trồng được".
const SOWING: &[&str] = &["đã", "được", "gieo", "sạ", "cấy", "trồng", "xuống", "giống"];

fn only_sowing(words: &str) -> bool {
    let lower = lowercase(words);
    lower.split_whitespace().all(|w| SOWING.contains(&w))
}

/// "Cây lúa đã cấy 20.310 ha", "Lúa đông xuân: Diện tích gieo sạ 61.240
/// ha": an area whose crop, as its subject or item, is rice is the rice
/// area. Its season or variety stays its item ("Lúa đông xuân", "lúa
/// lai"); rice alone, or with the verbs of sowing, is the indicator itself.
fn rice_area_named(o: &mut Observation) {
    if o.quantity
        .as_ref()
        .is_none_or(|q| q.unit_code != UnitCode::Hectare)
    {
        return;
    }
    let named = match o.indicator.as_str() {
        "" if o.breakdown.is_empty() => o.label.clone(),
        "" => o.breakdown.clone(),
        "crop_area" => o.breakdown.clone(),
        _ => return,
    };
    let lower = lowercase(named.trim_start_matches(['-', ' ']));
    let crop = lower.strip_prefix("cây ").unwrap_or(&lower);
    let Some(rest) = crop.strip_prefix("lúa") else {
        return;
    };
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return;
    }
    o.indicator = "rice_area".into();
    o.breakdown = if only_sowing(rest) {
        String::new()
    } else {
        named.trim_start_matches(['-', ' ']).to_owned()
    };
}

/// "Cây bắp trồng được 1.120 ha": an uncatalogued area named by a crop
/// ("cây" and its name) then only verbs of sowing is the crop area, the
/// crop its item. (Rice is read by [`rice_area_named`] first.)
fn crop_area_named(o: &mut Observation) {
    if !o.indicator.is_empty()
        || !o.breakdown.is_empty()
        || o.quantity
            .as_ref()
            .is_none_or(|q| q.unit_code != UnitCode::Hectare)
    {
        return;
    }
    let words: Vec<&str> = o.label.split_whitespace().collect();
    if words.len() < 3 || lowercase(words[0]) != "cây" {
        return;
    }
    let Some(verb) = words
        .iter()
        .position(|w| SOWING.contains(&lowercase(w).as_str()))
    else {
        return;
    };
    if !(2..=4).contains(&verb) || !only_sowing(&words[verb..].join(" ")) {
        return;
    }
    o.indicator = "crop_area".into();
    o.breakdown = words[..verb].join(" ");
}

/// "...; giá chè búp khô dao động từ 150-250 nghìn đồng/kg": a price per
/// kilogram whose item is "giá" and a product, under another subject, is
/// the product's farm-gate price.
fn price_named(o: &mut Observation) {
    let per_kg = o
        .quantity
        .as_ref()
        .is_some_and(|q| q.unit_code == UnitCode::VndPerKilogram);
    if !per_kg || o.indicator.is_empty() || o.indicator == "farm_gate_price" {
        return;
    }
    let product = o
        .breakdown
        .strip_prefix("giá ")
        .or_else(|| o.breakdown.strip_prefix("Giá "))
        .map(str::to_owned);
    if let Some(product) = product.filter(|p| !p.trim().is_empty()) {
        o.indicator = "farm_gate_price".into();
        o.breakdown = product;
    }
}

/// "- Lúa đông xuân 2023-2024: Diện tích gieo sạ ...": the rice of a
/// season opening a sentence, as [`when::leading_season`] reads "Vụ Đông
/// Xuân 2023-2024, ...".
fn rice_season(sentence: &str) -> Option<&str> {
    let end = sentence.find([',', ':'])?;
    let head = sentence[..end].trim().trim_start_matches(['-', ' ']);
    let season = head
        .strip_prefix("Lúa ")
        .or_else(|| head.strip_prefix("lúa "))?;
    when::leading_season(&format!("vụ {season}:")).map(|_| head)
}

/// A crop's yield, a weight per hectare ("tạ/ha", "tấn/ha").
fn is_yield(unit: &str) -> bool {
    // Compared character by character: no lowercase copy of the unit.
    // (Lowercasing neither makes nor removes white space, and only Σ
    // lowercases by its context, to letters none of these holds.)
    // (Nor does it make a '/': a unit without one is no yield.)
    let u = unit.trim();
    if !u.as_bytes().contains(&b'/') {
        return false;
    }
    [
        "tạ/ha",
        "tấn/ha",
        "kg/ha",
        "tạ/héc-ta",
        "tấn/héc-ta",
        "tạ/hecta",
    ]
    .iter()
    .any(|y| u.chars().flat_map(char::to_lowercase).eq(y.chars()))
}

/// Units that count things.
fn is_count(u: UnitCode) -> bool {
    use UnitCode::*;
    matches!(
        u,
        Visit
            | Person
            | Household
            | Enterprise
            | Project
            | Case
            | Petition
            | Licence
            | Medal
            | Unit
            | Head
            | Piece
    )
}

/// The words of a subject named around its figure, without the figure:
/// "tiếp nhận 643 đơn" -> "tiếp nhận đơn".
fn without_figure(matched: &str, span: &Span, loc: Loc, _cursor: usize) -> String {
    let figure = loc
        .sentence
        .get(span.start as usize - loc.sentence_off..span.end as usize - loc.sentence_off)
        .unwrap_or("");
    // The words before the figure's first place, then those after it (the
    // figure replaced by a space, the words joined by one): one String.
    let (head, tail) = match (!figure.is_empty())
        .then(|| find_str(matched, figure))
        .flatten()
    {
        Some(i) => (&matched[..i], &matched[i + figure.len()..]),
        None => (matched, ""),
    };
    let mut out = String::with_capacity(matched.len());
    for w in head.split_whitespace().chain(tail.split_whitespace()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Whether a figure in `q` can be a value of an indicator measured in `ind`.
/// Whether the figure at `at` is named as the whole country's by the words
/// of its stretch (`main[from..at]`, after the last comma): "CPI ... của cả
/// nước tăng", "mức tăng chung (của) cả nước (8,1%)", "bình quân (chung)
/// cả nước (5,66%)", "(cả nước: 3,2%)", "..., toàn quốc tăng", "Tăng
/// trưởng kinh tế của Việt Nam năm nay được dự báo đạt 6,3%". Not a rank
/// or a share ("đứng thứ 4 cả nước (đạt 91%)", "cao nhất của cả nước",
/// "chiếm ... của cả nước"), nor a province named after it ("... của cả
/// nước nhưng riêng tỉnh ...").
fn national_before(main: &str, from: usize, at: usize) -> bool {
    let gap = &main[from..at];
    // Cheap first: most stretches name no country.
    if find_str(gap, "nước").is_none()
        && find_str(gap, "quốc").is_none()
        && find_str(gap, "Việt Nam").is_none()
    {
        return false;
    }
    let part = gap.rfind([',', ';', ':']).map_or(from, |i| from + i + 1);
    let lower = lowercase(&main[..at]);
    // `lowercase` keeps byte offsets of Vietnamese letters; fall back to
    // nothing when it does not.
    if lower.len() != at {
        return false;
    }
    let part = &lower[part..];
    // "Tăng trưởng kinh tế của Việt Nam": the country by its name (with
    // "của" or opening the clause, as below; "Ngân hàng ... Việt Nam" is
    // neither).
    let Some((m, len)) = ["cả nước", "toàn quốc", "việt nam"]
        .iter()
        .filter_map(|w| rfind_str(part, w).map(|i| (i, w.len())))
        .max()
    else {
        return false;
    };
    let start = at - part.len() + m;
    let words: Vec<&str> = lower[..start].split_whitespace().rev().take(4).collect();
    let opens = lower[..start].trim_end().is_empty()
        || lower[..start].trim_end().ends_with([',', ';', ':', '(']);
    let owner = matches!(words.first(), Some(&("của" | "chung" | "quân")));
    let rank_or_share = words
        .iter()
        .any(|w| matches!(*w, "thứ" | "nhất" | "đầu" | "chiếm" | "trọng"));
    let province_after = [
        "tỉnh",
        "thành phố",
        "địa bàn",
        "riêng",
        "nhưng",
        "trong khi",
    ]
    .iter()
    .any(|w| find_str(&part[m + len..], w).is_some());
    (opens || owner) && !rank_or_share && !province_after
}

/// Whether a quantity can be a value of an indicator in `ind`: as
/// `compatible`, but persons counted by their role ("560 học viên", "1.200
/// lao động") are no visits; people ("2.150 người") may be (examined,
/// received).
fn fits(ind: UnitCode, q: &Quantity) -> bool {
    compatible(ind, q.unit_code)
        && !(ind == UnitCode::Visit
            && q.unit_code == UnitCode::Person
            && !matches!(q.unit.as_str(), "người" | ""))
}

pub(super) fn compatible(ind: UnitCode, q: UnitCode) -> bool {
    use UnitCode::*;
    ind == Unspecified
        || ind == q
        || matches!(q, Number | Percent)
        || matches!(
            (ind, q),
            (Vnd, Usd)
                | (Usd, Vnd)
                | (Person, Visit)
                | (Visit, Person)
                | (Petition, Case)
                | (Case, Petition)
        )
}

/// Where a list opener after a subject ends: "tăng cao như: " (the
/// entries follow), if the words before it are few and hold no figure.
fn list_opener_end(after: &str) -> Option<usize> {
    let lower = lowercase(after);
    let i = find_str(&lower, " như")?;
    let rest = &lower[i + " như".len()..];
    let skip = rest.len() - rest.trim_start_matches([':', ' ']).len();
    (skip > 0
        && lower[..i].split_whitespace().count() <= 6
        && !lower[..i].contains(|c: char| c.is_ascii_digit() || c == ';'))
    .then_some(i + " như".len() + skip)
}

fn has_word(text: &str, word: &str) -> bool {
    // `word` is letters only: it is a word of `text` where it stands with
    // no letter before or after it (each place it stands is tried).
    debug_assert!(word.chars().all(baocao_domain::text::is_alphabetic));
    if word.is_empty() {
        return text
            .split(|c: char| !baocao_domain::text::is_alphabetic(c))
            .any(str::is_empty);
    }
    let letter = |c: Option<char>| c.is_some_and(baocao_domain::text::is_alphabetic);
    let mut from = 0;
    while let Some(i) = find_str(&text[from..], word) {
        let at = from + i;
        let end = at + word.len();
        if !letter(text[..at].chars().next_back()) && !letter(text[end..].chars().next()) {
            return true;
        }
        from = at + text[at..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// The product a figure after an industrial product's names ("xi măng" of
/// "...; xi măng ước đạt 612 nghìn tấn" after "Điện sản xuất ... triệu
/// kWh"): its words before the figure, when its unit is a quantity of goods.
fn next_product(
    ind: &catalog::Indicator,
    unit: UnitCode,
    gap: &str,
    cursor: usize,
    mentions: &[when::Mention],
) -> Option<String> {
    use UnitCode::*;
    let goods = matches!(unit, Tonne | Piece | CubicMetre | KilowattHour | Other);
    // Goods under the industrial production index ("IIP ... tăng 9,8%¹" and
    // its footnote "sản phẩm lọc hóa dầu ... 5,24 triệu tấn") are its products.
    let products = ["electricity_output", "industrial_product_output", "iip"];
    if !goods || !products.contains(&ind.code) {
        return None;
    }
    let np = noun_phrase(gap, cursor, mentions, None, "");
    (!np.is_empty()).then_some(np)
}

/// "OM 5451, OM 4900, ST 25": a rice variety (a road, a model) named by
/// capitals and a number; the number is part of the name, no figure. Only
/// a whole number with no unit after it, after a word of two to four
/// capitals.
fn code_name(main: &str, n: &Num<'_>) -> bool {
    if !n.text.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let Some(before) = main[..n.start].strip_suffix(' ') else {
        return false;
    };
    // "Đài thơm 8 chiếm 32,9%": a bare number that a share follows ends the
    // name whose figure the share is.
    if before.ends_with(|c: char| c.is_alphabetic())
        && unit_after(&main[n.end..]).is_none()
        && main[n.end..]
            .trim_start()
            .strip_prefix("chiếm ")
            .is_some_and(|a| a.trim_start().starts_with(|c: char| c.is_ascii_digit()))
    {
        return true;
    }
    let word = before
        .rsplit([' ', ',', ';', ':', '('])
        .next()
        .unwrap_or("");
    let letters = word.chars().count();
    (2..=4).contains(&letters)
        && word.chars().all(char::is_uppercase)
        && unit_after(&main[n.end..]).is_none()
}

/// The length of a restatement's lead ("tương đương", "tương ứng", "tức
/// là", "hay", "bằng") after the comma that follows a change (or opening
/// the bracket after it: "giảm 15,07% (tương ứng giảm 1.510 ha)"): what comes next states the same
/// change in other terms; and whether it is "bằng" (a restatement only in
/// the level's unit).
fn restatement(gap: &str, in_paren: bool) -> Option<(usize, bool)> {
    let rest = gap.trim_start_matches([',', ' ']);
    if rest.len() == gap.len() && !gap.is_empty() && !in_paren {
        return None;
    }
    // Each word opens with "t", "h" or "b", which only they and their
    // capitals lowercase to: other texts are not lowercased.
    if !rest.starts_with(['t', 'T', 'h', 'H', 'b', 'B']) {
        return None;
    }
    let lower = lowercase(rest);
    ["tương đương", "tương ứng", "tức là", "hay", "bằng"]
        .iter()
        .find(|w| {
            lower.starts_with(*w)
                && lower[w.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !baocao_domain::text::is_alphabetic(c))
        })
        .map(|w| (gap.len() - rest.len() + w.len(), *w == "bằng"))
}

/// A restated change has its change's base: a base written after the
/// restatement is the first statement's too ("giảm 3 vụ, tương đương 4,5% so
/// với tháng trước"); with none written, the restatement takes the first's.
fn same_base(
    comparisons: &mut [Comparison],
    written: bool,
    base: ComparisonBase,
    label: String,
) -> (ComparisonBase, String) {
    let Some(first) = comparisons.last_mut() else {
        return (base, label);
    };
    if written {
        first.base = base;
        first.base_label = label.clone();
        (base, label)
    } else {
        (first.base, first.base_label.clone())
    }
}

/// The last base written in `before` (the sentence up to a change), read
/// or not: "Có 8/11 nhóm hàng tăng giá so với tháng trước, trong đó ...
/// nhóm bưu chính, viễn thông giảm 0,05%" writes its base after no figure.
fn last_base_written(before: &str, anchor: Anchor) -> Option<(ComparisonBase, String)> {
    before
        .match_indices("so ")
        .chain(before.match_indices("So "))
        .filter(|(p, _)| {
            before[..*p]
                .chars()
                .next_back()
                .is_none_or(|c| !baocao_domain::text::is_alphanumeric(c))
        })
        .filter_map(|(p, _)| base_at(&before[p..], anchor).map(|(b, l, _)| (p, b, l)))
        .filter(|(_, b, _)| *b != ComparisonBase::Other)
        .max_by_key(|(p, _, _)| *p)
        .map(|(_, b, l)| (b, l))
}

/// Where "so " opens a word in a sentence, each with the base it writes
/// there, and for each the last real base at or before it.
#[derive(Default)]
struct BasesWritten {
    /// The sentence's address and length.
    key: Option<(usize, usize)>,
    /// (where, the base read from the whole sentence there).
    at: Vec<(usize, Option<(ComparisonBase, String)>)>,
    /// For each entry of `at`, the index of the last entry up to it whose
    /// base is a real one.
    last: Vec<Option<usize>>,
}

impl BasesWritten {
    fn fill(&mut self, key: (usize, usize), sentence: &str, anchor: Anchor) {
        self.key = Some(key);
        self.at.clear();
        self.last.clear();
        let mut opens: Vec<usize> = sentence
            .match_indices("so ")
            .chain(sentence.match_indices("So "))
            .map(|(p, _)| p)
            .filter(|p| {
                sentence[..*p]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !baocao_domain::text::is_alphanumeric(c))
            })
            .collect();
        opens.sort_unstable();
        let mut last = None;
        for p in opens {
            let base = base_at(&sentence[p..], anchor)
                .map(|(b, l, _)| (b, l))
                .filter(|(b, _)| *b != ComparisonBase::Other);
            if base.is_some() {
                last = Some(self.at.len());
            }
            self.at.push((p, base));
            self.last.push(last);
        }
    }

    /// The last real base written in `before`, the sentence up to a
    /// change: as `last_base_written(before)`. `base_at` reads at most 80
    /// bytes, so a base opening 80 bytes or more before the end reads as
    /// it does in the whole sentence; the few nearer are read again.
    fn last_before(&self, before: &str, anchor: Anchor) -> Option<(ComparisonBase, String)> {
        let end = before.len();
        // The openings whose "so " lies wholly in `before`.
        let n = self.at.partition_point(|(p, _)| p + 3 <= end);
        let far = self.at[..n].partition_point(|(p, _)| p + 80 <= end);
        for (p, _) in self.at[far..n].iter().rev() {
            let base = base_at(&before[*p..], anchor)
                .map(|(b, l, _)| (b, l))
                .filter(|(b, _)| *b != ComparisonBase::Other);
            if base.is_some() {
                return base;
            }
        }
        let i = self.last[..far].last().copied().flatten()?;
        self.at[i].1.clone()
    }
}

fn change_sign(c: &Change) -> f64 {
    let v = match c {
        Change::PercentChange(v) => *v,
        Change::AbsoluteChange(q) => q.value,
        _ => 1.0,
    };
    if v < 0.0 { -1.0 } else { 1.0 }
}

/// The sign of a change verb ending `before` ("tăng", "giảm nhẹ", "tăng
/// rất cao"), if it ends with one.
fn verb_before(before: &str, anchor: Anchor) -> Option<f64> {
    let percent = Unit {
        text: "%".into(),
        code: UnitCode::Percent,
        multiplier: 1.0,
        len: 0,
    };
    match classify(&lowercase(before), Some(&percent), "", anchor, false) {
        Kind::Change(sign) => Some(sign),
        _ => None,
    }
}

/// "(-21,9%)", "(7,1%)", "(giảm 22,2%)": (value, whether the sign is
/// written).
fn paren_percent(inner: &str) -> Option<(f64, bool)> {
    let t = inner.trim();
    let body = t.strip_suffix('%')?.trim_end();
    let (sign, written, num) = if let Some(r) = body.strip_prefix('-') {
        (-1.0, true, r)
    } else if let Some(r) = body.strip_prefix('+') {
        (1.0, true, r)
    } else if let Some(r) = body.strip_prefix("giảm ") {
        (-1.0, true, r)
    } else if let Some(r) = body.strip_prefix("tăng ") {
        (1.0, true, r)
    } else {
        (1.0, false, body)
    };
    Some((sign * parse_number(num.trim())?, written))
}

/// "chiếm 9,6% trong tổng số, tăng 4,2%", "chiếm hơn 83% trong tổng mức,
/// giảm 17%": the bytes of `gap`, the words after a share, that name the
/// whole it is of, up to and with the comma that closes them.
fn whole_of_share(gap: &str) -> Option<usize> {
    let t = gap.trim_start_matches([',', ' ']);
    let lower = lowercase(tail_start(t, 40));
    if !["trong tổng", "trên tổng"]
        .iter()
        .any(|w| lower.starts_with(w))
    {
        return None;
    }
    let comma = t.find(',')?;
    if t[..comma].chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(gap.len() - t.len() + comma + 1)
}

/// "chiếm tỷ trọng 1,37% tổng dư nợ", "chiếm 24,9%/tổng dư nợ": whether
/// `post`, the words after a percent that `before` writes as a share, name
/// the whole it is of.
fn share_of_whole(before: &str, post: &str) -> bool {
    let words = post.trim_start();
    let words = words.strip_prefix('/').unwrap_or(words).trim_start();
    if !(words.starts_with("tổng ") || words.starts_with("Tổng ")) {
        return false;
    }
    written_as_share(
        before,
        &[
            "chiếm",
            "chiếm tỷ trọng",
            "chiếm tỷ lệ",
            "chiếm tỉ trọng",
            "chiếm tỉ lệ",
        ],
    )
}

/// Whether `before`, the text before a percent, ends with one of `verbs`
/// ("chiếm", "chiếm tỷ trọng"), past a qualifier of the share ("chiếm
/// khoảng", "chiếm hơn 83%").
fn written_as_share(before: &str, verbs: &[&str]) -> bool {
    let before = lowercase(tail(before.trim_end(), 40));
    let b = before.trim_end();
    let b = ["khoảng", "hơn", "gần", "trên"]
        .iter()
        .find_map(|q| b.strip_suffix(q))
        .map_or(b, str::trim_end);
    verbs.iter().any(|w| b.ends_with(w))
}

/// "so với tổng đàn lợn", "so với tổng diện tích": the whole a share is
/// of, written after it.
fn of_the_whole(label: &str) -> bool {
    let l = lowercase(label);
    l.strip_prefix("so với ")
        .or_else(|| l.strip_prefix("so "))
        .is_some_and(|r| r.starts_with("tổng"))
}

/// "về số doanh nghiệp" right after a change: the words naming what it is
/// about, and the bytes up to their end.
fn about_phrase(after: &str) -> Option<(&str, usize)> {
    let t = after.trim_start();
    // "tăng 6,67% số vụ, 3,45% số người chết": the figure named right
    // after the percent.
    let rest = t
        .strip_prefix("về ")
        .or_else(|| t.starts_with("số ").then_some(t))?;
    let start = after.len() - rest.len();
    let mut end = rest
        .find([',', ';', '.', '(', ')', ':'])
        .unwrap_or(rest.len());
    for stop in [" và ", " so ", " tăng ", " giảm ", " bằng ", " đạt "] {
        if let Some(p) = find_str(&rest[..end], stop) {
            end = p;
        }
    }
    let phrase = rest[..end].trim();
    let words = phrase.split_whitespace().count();
    (words > 0 && words <= 6 && !phrase.bytes().any(|b| b.is_ascii_digit()))
        .then_some((phrase, start + rest[..end].trim_end().len()))
}

/// "... tăng 6,67% số vụ, 3,45% " before a percent: the sign of the verb
/// whose list of percents, each naming its figure ("số ..."), the percent
/// continues.
fn listed_change_sign(before: &str) -> Option<f64> {
    let lower = lowercase(tail(before, 160));
    let (at, sign) = [(" tăng ", 1.0), (" giảm ", -1.0)]
        .iter()
        .filter_map(|(v, s)| rfind_str(&lower, v).map(|i| (i + v.len(), *s)))
        .max_by_key(|(i, _)| *i)?;
    let list = lower[at..].trim_end();
    let list = list
        .strip_suffix(',')
        .or_else(|| list.strip_suffix(" và"))
        .or_else(|| list.strip_suffix(", và"))?;
    // Every item: a percent, then "số ..." with no digit and no verb.
    // (Parted at ", ", not at the decimal comma.)
    list.split(", ")
        .flat_map(|p| p.split("; "))
        .flat_map(|p| p.split(" và "))
        .all(|item| {
            let item = item.trim();
            item.split_once("% số ").is_some_and(|(num, words)| {
                !num.is_empty()
                    && num
                        .bytes()
                        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
                    && !words.bytes().any(|b| b.is_ascii_digit())
            })
        })
        .then_some(sign)
}

/// Whether `text` opens with a breakdown opener ("Trong đó", "Chia ra",
/// "Chia theo", "Bao gồm", "Cụ thể"), either case. (The openers' lowercase
/// opens with t, b or c: only a text opening with one of them, either
/// case, is lowercased to tell.)
/// Whether a paragraph opens on a group of goods before its first figure:
/// "Nhóm hàng ăn ... tăng", "So với tháng trước, nhóm giáo dục tăng",
/// "Riêng nhóm bưu chính viễn thông giảm", "Bên cạnh đó, nhóm ...".
fn opens_on_group(text: &str) -> bool {
    let head = &text[..text
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(text.len())];
    let head = lowercase(head);
    head.match_indices("nhóm ").any(|(p, _)| {
        let before = head[..p].trim_end();
        before.is_empty() || before.ends_with(',') || before == "riêng"
    })
}

/// Whether `text` opens, in either case, on a part of a whole
/// (`PART_OPENERS`) and `whole`, the subject in force, is made of parts.
fn opens_on_part(text: &str, whole: &str) -> bool {
    text.starts_with(['t', 'T'])
        && CONTRIBUTIONS.iter().any(|(w, _)| *w == whole)
        && starts_with_any(text, PART_OPENERS)
}

/// Where the part a sentence opened on ends and its first named branch
/// starts: "Trong khu vực nông, lâm nghiệp và thủy sản, ngành thủy sản
/// ..." at "ngành" (the sector's name holds commas of its own).
fn after_part_opener(gap: &str) -> Option<usize> {
    let lower = lowercase(gap);
    if lower.len() != gap.len()
        || !PART_OPENERS
            .iter()
            .any(|o| lower.trim_start().starts_with(o))
    {
        return None;
    }
    // (The first classifier after a comma: the sector's own words hold
    // none.)
    lower.match_indices(", ").map(|(i, _)| i + 2).find(|&i| {
        let w = lower[i..].split(' ').next().unwrap_or("");
        ["ngành", "nhóm", "lĩnh"].contains(&w)
    })
}

/// Where the parts start in a sentence that opens on the growth of a
/// whole made of parts (`CONTRIBUTIONS`) in force: "Trong mức tăng 7,84%
/// của kinh tế thành phố, khu vực nông, lâm nghiệp và thủy sản tăng
/// 0,50%, đóng góp 0,05 điểm phần trăm ...", "Trong mức tăng chung của
/// toàn nền kinh tế, ...", at the first word after the comma that ends
/// the whole's name. The growth repeats the whole's figure just given:
/// the parts are read as after "Trong đó".
fn after_growth_lead(text: &str, whole: &str) -> Option<usize> {
    if !text.starts_with(['t', 'T']) || !CONTRIBUTIONS.iter().any(|(w, _)| *w == whole) {
        return None;
    }
    let end = text.char_indices().nth(80).map_or(text.len(), |(i, _)| i);
    let head = &text[..end];
    let lower = lowercase(head);
    if lower.len() != head.len() || !lower.starts_with("trong mức tăng") {
        return None;
    }
    let of = find_str(&lower, " của ")?;
    let comma = lower[of..].find(", ")? + of;
    Some(comma + ", ".len())
}

fn opens_breakdown(text: &str) -> bool {
    text.starts_with(['t', 'T', 'b', 'B', 'c', 'C']) && {
        let twelve = text.char_indices().nth(12).map_or(text.len(), |(i, _)| i);
        let lower_start = lowercase(&text[..twelve]);
        BREAKDOWN_OPENERS.iter().any(|o| lower_start.starts_with(o))
    }
}

/// Whether `before` ends with a comparison base whose period a bracket
/// after it can date: Some(false) for "(so với) cùng kỳ (năm trước|năm
/// ngoái|năm 2016)", Some(true) for "so với tháng trước".
fn base_period_before(before: &str) -> Option<bool> {
    let t = lowercase(tail(before.trim_end(), 48));
    let mut t = t.as_str();
    for year in ["năm trước", "năm ngoái"] {
        t = t.strip_suffix(year).unwrap_or(t).trim_end();
    }
    if let Some(head) = t.strip_suffix(|c: char| c.is_ascii_digit())
        && let Some(i) = head.rfind("năm ")
        && head[i + "năm ".len()..].bytes().all(|b| b.is_ascii_digit())
    {
        t = head[..i].trim_end();
    }
    if t.ends_with("cùng kỳ") || t.ends_with("cùng kì") {
        Some(false)
    } else if t.ends_with("so với tháng trước") || t.ends_with("so tháng trước") {
        Some(true)
    } else {
        None
    }
}

/// How the second number of `two_scales` adds to the first.
enum Scales {
    /// "7 triệu 520 nghìn con": the rest in the first's unit, added.
    After(f64),
    /// "107 nghìn 700 tỷ đồng": the first times its scale, plus the rest,
    /// in the second's unit.
    Before(f64, f64),
}

impl Scales {
    fn total(&self, first: f64) -> f64 {
        match *self {
            Scales::After(rest) => first + rest,
            Scales::Before(scale, rest) => first * scale + rest,
        }
    }
}

/// "(so với 79 tỷ đồng cùng kỳ năm trước)": the bracket writes the level
/// its figure was compared to, with its base after it.
/// "7 triệu 520 nghìn con", "2 tỷ 350 triệu đồng": after a number and a
/// bare scale, a whole number in a smaller scale is the rest of it; "107
/// nghìn 700 tỷ đồng": a whole number under the scale, then a larger unit,
/// is the rest in that unit. Returns how the rest adds to the first number,
/// the unit of the whole and where it ends.
fn two_scales(
    main: &str,
    unit: Option<&Unit>,
    unit_end: usize,
    next: Option<&Num<'_>>,
    value_max: Option<f64>,
) -> Option<(Scales, Unit, usize)> {
    let (u, m) = (unit?, next?);
    if value_max.is_some()
        || u.code != UnitCode::Number
        || u.multiplier <= 1.0
        || main.get(unit_end..m.start)? != " "
        || !m.text.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let u2 = unit_after(&main[m.end..])?;
    if u2.multiplier > u.multiplier && !u.text.contains(' ') && parse_number(m.text)? < u.multiplier
    {
        // "107 nghìn 700 tỷ đồng": a bare scale, then the rest in the
        // larger unit: 107.700 tỷ đồng.
        let rest = parse_number(m.text)?;
        let at = m.end + u2.len;
        return Some((
            Scales::Before(u.multiplier, rest),
            Unit {
                len: at - unit_end + u.len,
                ..u2
            },
            at,
        ));
    }
    if u2.multiplier >= u.multiplier {
        return None;
    }
    let rest = parse_number(m.text)? * u2.multiplier / u.multiplier;
    // The base unit after the second scale ("con"), if any.
    let base = u2.text.split_once(' ').map_or("", |(_, b)| b);
    let text = if base.is_empty() {
        u.text.clone()
    } else {
        format!("{} {base}", u.text).into()
    };
    let code = if base.is_empty() { u.code } else { u2.code };
    let at = m.end + u2.len;
    Some((
        Scales::After(rest),
        Unit {
            text,
            code,
            multiplier: u.multiplier,
            len: at - unit_end + u.len,
        },
        at,
    ))
}

/// " thép cán " before a bracket: a new item of a list (words with no
/// digit and no verb of change), as written.
fn listed_item(before: &str) -> Option<String> {
    let words = before.trim_start();
    let words = words.strip_prefix(';').unwrap_or(words).trim();
    let lower = lowercase(words);
    let verb = ["tăng", "giảm", "đạt", "bằng", "gấp", "so "]
        .iter()
        .any(|v| lower.contains(v));
    (!words.is_empty() && !verb && !words.bytes().any(|b| b.is_ascii_digit()))
        .then(|| clean_label(words))
}

/// "(921 tỷ đồng)", "(570,9 nghìn lượt khách)": a bracket opening with an
/// unsigned amount in a unit other than percent; its value in base units.
fn opens_with_amount(inner: &str) -> Option<f64> {
    let t = inner.trim_start();
    let digits = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(t.len());
    let unit = unit_after(&t[digits..])
        .filter(|u| digits > 0 && u.code != UnitCode::Percent && !u.text.is_empty())?;
    Some(parse_number(&t[..digits])? * unit.multiplier)
}

/// Returns the base as [`base_period_before`] does and where the amount
/// starts in `inner`.
fn base_in_bracket(inner: &str) -> Option<(bool, usize)> {
    let lead = inner.len() - inner.trim_start().len();
    let t = inner.trim();
    let t = t
        .strip_prefix("so với ")
        .or_else(|| t.strip_prefix("So với "))?;
    let digits = t.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))?;
    let unit = unit_after(&t[digits..])?;
    let base = (digits > 0 && unit.code != UnitCode::Percent && !unit.text.is_empty())
        .then(|| base_period_before(&t[digits + unit.len..]))
        .flatten()?;
    Some((base, lead + "so với ".len()))
}

/// "(-1.015 ha)", "(+18 ha)", "(20,0 nghìn tấn)", "(bằng 837,2 ha)": a
/// bracket holding only an amount in a unit other than percent: (value,
/// whether the sign is written, unit).
fn paren_amount(inner: &str) -> Option<(f64, bool, Unit)> {
    let t = inner.trim();
    // "tăng 0,74% so với cùng kỳ (bằng 837,2 ha)": the same, led by "bằng".
    let t = t.strip_prefix("bằng ").map_or(t, str::trim_start);
    let (sign, written, body) = if let Some(r) = t.strip_prefix('-') {
        (-1.0, true, r)
    } else if let Some(r) = t.strip_prefix('+') {
        (1.0, true, r)
    } else {
        (1.0, false, t)
    };
    let body = body.trim_start();
    let digits = body
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(body.len());
    let value = parse_number(body.get(..digits)?)?;
    let rest = &body[digits..];
    let unit = unit_after(rest)?;
    (unit.code != UnitCode::Percent && !unit.text.is_empty() && rest[unit.len..].trim().is_empty())
        .then_some((sign * value, written, unit))
}

/// Words before a bracket that name an entity whose figures the bracket
/// holds ("Công ty Luxshare ICT"): a proper name, or any words when no
/// figure is open.
fn is_entity(words: &str, figure_open: bool) -> bool {
    if words.is_empty()
        || words.bytes().any(|b| b.is_ascii_digit())
        || !words.chars().any(baocao_domain::text::is_alphabetic)
    {
        return false;
    }
    let capitalised = words
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    !figure_open || (capitalised >= 2 && words.split_whitespace().count() >= 2)
}

fn ends_with_digit_unit(main: &str, at: usize) -> bool {
    let before = main[..at].trim_end();
    before.ends_with(|c: char| c.is_ascii_digit() || c == '%') || unit_ends(before)
}

fn unit_ends(before: &str) -> bool {
    // "... 164.283 (tuyến tỉnh: ...": the bracket splits the figure before.
    let words: Vec<&str> = before.rsplit(' ').take(3).collect();
    words.iter().skip(1).any(|w| {
        w.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    }) && words.first().is_some_and(|w| w.chars().count() <= 12)
}

/// "cao hơn" (+1) or "thấp hơn" (-1) ending a gap: a difference, whose
/// "hơn" is no qualifier of the number after it.
fn higher_or_lower(gap_lower: &str) -> Option<f64> {
    let t = gap_lower.trim_end();
    [("cao hơn", 1.0), ("thấp hơn", -1.0)]
        .iter()
        .find(|(w, _)| {
            t.ends_with(w) && !t[..t.len() - w.len()].ends_with(|c: char| c.is_alphanumeric())
        })
        .map(|(_, s)| *s)
}

fn classify(
    gap_lower: &str,
    unit: Option<&Unit>,
    after_unit: &str,
    anchor: Anchor,
    has_level: bool,
) -> Kind {
    let mut g = gap_lower.trim_end();
    for q in [
        "khoảng",
        "xấp xỉ",
        "gần",
        "trên",
        "hơn",
        "dưới",
        "ít nhất",
        "tối đa",
    ] {
        if let Some(r) = g.strip_suffix(q) {
            g = r.trim_end();
        }
    }
    let percent = unit.is_some_and(|u| u.code == UnitCode::Percent);
    let times = unit.is_some_and(|u| u.text == "lần");
    if times || g.ends_with("gấp") {
        return Kind::Ratio;
    }
    // "nhóm nhà ở ... tăng mạnh, hơn 1%", "có mức tăng khá, trên 0,5%":
    // how much, after a comma (a percent's only; a verb before the comma
    // is then read as below).
    if percent && let Some(r) = g.strip_suffix(',') {
        let r = r.trim_end();
        let verb = ["tăng", "giảm"].iter().any(|v| {
            r.ends_with(v)
                || ["cao", "mạnh", "nhẹ", "khá", "nhanh", "sâu"]
                    .iter()
                    .any(|a| r.strip_suffix(a).is_some_and(|x| x.trim_end().ends_with(v)))
        });
        if verb {
            g = r;
        }
    }
    // The most of all: "tăng cao nhất", "giảm mạnh nhất"; the next after
    // it: "đạt mức tăng cao tiếp theo 7,29%".
    if let Some(r) = g
        .strip_suffix(" nhất")
        .or_else(|| g.strip_suffix(" tiếp theo"))
    {
        g = r.trim_end();
    }
    // "vượt 35,8% kế hoạch, cao hơn 2,3% so với cùng kỳ": a percent
    // higher or lower than the same period or the period before is that
    // base's change, no level of its own ("hơn" was taken as a qualifier
    // above).
    if percent
        && let Some(sign) = higher_or_lower(gap_lower)
        && base_at(after_unit, anchor).is_some_and(|(b, _, _)| {
            matches!(
                b,
                ComparisonBase::SamePeriodLastYear | ComparisonBase::PreviousPeriod
            )
        })
    {
        return Kind::Change(sign);
    }
    // How much: "tăng cao", "tăng rất cao", "giảm nhẹ", "tăng mạnh".
    for adverb in ["cao", "mạnh", "nhẹ", "khá", "nhanh", "sâu"] {
        if let Some(r) = g.strip_suffix(adverb)
            && r.ends_with(' ')
        {
            g = r.trim_end();
            g = g.strip_suffix("rất").map_or(g, str::trim_end);
            break;
        }
    }
    if g.ends_with("tăng") || g.ends_with("tăng thêm") {
        return Kind::Change(1.0);
    }
    // "đạt 8.820 tỷ đồng, tăng trưởng 6,1%", "khu vực dịch vụ dự ước tăng
    // trưởng 6,09%", "đạt mức tăng trưởng 9,8%": to grow is to increase (a
    // percent's only, as "mức tăng 9,8%"); the rate "tốc độ tăng trưởng
    // 7,2%" is a level of its own, and "tốc độ tăng trưởng ... đạt 7%"
    // ends on "đạt", a level of the growth rate.
    if percent
        && let Some(r) = g.strip_suffix("tăng trưởng")
        && (r.is_empty() || r.ends_with(' '))
        && !r.trim_end().ends_with("tốc độ")
    {
        return Kind::Change(1.0);
    }
    if g.ends_with("giảm") {
        return Kind::Change(-1.0);
    }
    if g.ends_with("vượt") {
        return Kind::Exceed;
    }
    // "đạt 126,3% dự toán tỉnh giao và 117,6% dự toán HĐND huyện giao":
    // the "đạt" of the first share carries to the second, against a plan
    // or an estimate written after it.
    if percent
        && (g.ends_with(" và") || g.ends_with(','))
        && base_at(after_unit, anchor).is_some_and(|(b, _, _)| {
            matches!(b, ComparisonBase::Plan | ComparisonBase::BudgetEstimate)
        })
    {
        return Kind::Attain;
    }
    // "hoàn thành 47% (so) dự toán" says what "đạt 47% dự toán" says.
    if percent && (g.ends_with("bằng") || g.ends_with("đạt") || g.ends_with("hoàn thành")) {
        let based = base_at(after_unit, anchor).is_some_and(|(b, _, _)| b != ComparisonBase::Other);
        if based || (has_level && g.ends_with("bằng")) {
            return Kind::Attain;
        }
    }
    Kind::Level
}

/// The item an alias of a [`HEADED`] indicator names: "trâu" of "đàn
/// trâu"; None for the head alone ("tổng đàn").
fn headed_item(code: &str, alias: &str) -> Option<String> {
    let heads = HEADED.iter().find(|(c, _)| *c == code)?.1;
    let lower = lowercase(alias.trim());
    let rest = heads
        .iter()
        .find_map(|h| lower.strip_prefix(h).filter(|r| r.starts_with(' ')))?;
    // "sản lượng (nuôi trồng/khai thác) thủy sản", "sản lượng nuôi trồng
    // và khai thác (thủy hải sản)": the whole, no item.
    let folded = fold(rest);
    if folded.contains("thuy san")
        || folded.contains("hai san")
        || folded.trim() == "nuoi trong va khai thac"
    {
        return None;
    }
    // The item as written (the alias's own case), after the head's words.
    let words: Vec<&str> = alias.split_whitespace().collect();
    let skip = words.len() - rest.split_whitespace().count();
    let item = clean_label(&words[skip..].join(" "));
    (!item.is_empty()).then_some(item)
}

/// An item of a breakdown that names an indicator of another field than
/// its subject's ("Thu ngân sách ... Trong đó: thu xuất nhập khẩu ..." is
/// revenue, not trade): the words name the item.
fn other_field(state: &State, ind: &catalog::Indicator) -> bool {
    state.in_breakdown && catalog::by_code(state.code).is_some_and(|s| s.sector != ind.sector)
}

/// The base a level names when it is a plan or a budget estimate itself
/// ("Kế hoạch vốn đầu tư công năm 2024 là 6.500 tỷ đồng").
fn plan_named(o: &Observation) -> Option<ComparisonBase> {
    // "kế hoạch" and "dự toán" hold "ạ" and "ự", which only "ạ"/"Ạ" and
    // "ự"/"Ự" lowercase to: a label with neither is not lowercased.
    if !o.indicator.ends_with("_plan") && !o.label.contains(['ạ', 'Ạ', 'ự', 'Ự']) {
        return None;
    }
    let l = lowercase(&o.label);
    if o.indicator.ends_with("_plan") || l.contains("kế hoạch") {
        Some(ComparisonBase::Plan)
    } else if l.contains("dự toán") {
        Some(ComparisonBase::BudgetEstimate)
    } else {
        None
    }
}

/// "đạt 40,5%" right after a level, with no base written after it: in a
/// paragraph about a plan, the share of the plan done.
/// "kế hoạch đạt", "KH bằng", "dự toán đạt": the plan or budget estimate
/// that `before`, the text before a percent, names whole before its verb
/// (back to a comma or the figure before, whose unit it may follow).
fn base_before_verb(before: &str, anchor: Anchor) -> Option<(ComparisonBase, String)> {
    let g = before.trim_end();
    let rest = ["đạt", "bằng"]
        .iter()
        .find_map(|v| g.strip_suffix(v))
        .filter(|r| r.ends_with(' '))?
        .trim_end();
    // (Only the last words, back to a comma or a figure, may be the base:
    // "266,35ha/295 ha kế hoạch đạt 90,3%" read "kế hoạch" with the whole.)
    let from = rest
        .rfind(|c: char| c == ',' || c == ';' || c.is_ascii_digit())
        .map_or(0, |i| i + 1);
    // (The unit of the figure before may stand first: "295 ha kế hoạch".)
    let words = &rest[from..];
    let words = match unit_after(words) {
        Some(u) if base_at(words, anchor).is_none() => &words[u.len..],
        _ => words,
    };
    let words = words.trim_start();
    let (b, label, len) = base_at(words, anchor)?;
    (matches!(b, ComparisonBase::Plan | ComparisonBase::BudgetEstimate)
        && words[len..].trim().is_empty())
    .then_some((b, label))
}

fn bare_attainment(gap_lower: &str, unit: Option<&Unit>, after_unit: &str) -> bool {
    let g = gap_lower
        .trim()
        .trim_start_matches([',', ';'])
        .trim_start()
        .trim_start_matches("ước")
        .trim();
    let after = after_unit.trim_start();
    unit.is_some_and(|u| u.code == UnitCode::Percent)
        && g == "đạt"
        && (after
            .chars()
            .next()
            .is_none_or(|c| matches!(c, ',' | ';' | '.' | ')' | '('))
            // "chi đầu tư phát triển đạt 2.087,1 tỷ đồng, đạt 10,1% và tăng
            // 429,1%": the attainment, then the change, joined by "và".
            || after.strip_prefix("và ").is_some_and(|a| {
                ["tăng", "giảm", "gấp", "bằng"]
                    .iter()
                    .any(|v| a.starts_with(v))
            }))
}

/// Words after a unit up to punctuation or a number (for a subject named
/// after its figure).
fn post_words(text: &str) -> &str {
    // The words end at a mark or a digit, whichever comes first: the scan
    // stops there, so a clause of many figures and no marks is not read to
    // its end for each figure. The marks are ASCII, never part of another
    // character: bytes are scanned.
    let stop = text
        .bytes()
        .position(|b| matches!(b, b',' | b';' | b'.' | b'(' | b':' | b')') || b.is_ascii_digit())
        .unwrap_or(text.len());
    // A digit at `stop`: a figure follows the words (no digit comes before
    // `stop`, so a word cut nearer has none after it up to the cut).
    let figure_next = text.as_bytes().get(stop).is_some_and(u8::is_ascii_digit);
    let mut end = stop;
    for w in [" với ", " và ", " đạt ", " là "] {
        if let Some(i) = find_str(&text[..end], w)
            // "xã đạt chuẩn nông thôn mới", "lượt VĐV đạt Kiện tướng": a
            // property named, not a level (no figure follows).
            && !(w == " đạt "
                && (text[i + w.len()..end].starts_with("chuẩn")
                    || !(end == stop && figure_next)))
        {
            end = i;
        }
    }
    // "6 nhóm giảm so với tháng trước" counts "nhóm giảm": the "so" of
    // its base, left before " với ", is no part of the name. (Not before
    // the figure's digit: the words end there.)
    if !(end == stop && figure_next)
        && let Some(t) = text[..end].strip_suffix(" so")
    {
        end = t.len();
    }
    let t = &text[..end];
    // At most six words, and the word that ends a pair cut at the sixth
    // ("... đăng ký thông báo thay đổi", "... hoạt động trở lại").
    let mut n = 0;
    for (i, c) in t.bytes().enumerate() {
        if c == b' ' && i > 0 {
            n += 1;
            if n > 6 {
                let last = t[..i].rsplit(' ').next().unwrap_or("");
                let next = t[i + 1..].split(' ').next().unwrap_or("");
                if TAIL_PAIRS.contains(&(last, next)) {
                    return &t[..i + 1 + next.len()];
                }
                return &t[..i];
            }
        }
    }
    t
}

/// The name of a count of enterprises or projects whose words before it
/// say only where and "có": its unit, after a place ("Toàn tỉnh có",
/// "trên địa bàn tỉnh Bắc Ninh có hơn": a stock); the topic, after "về X(,)
/// có" ("Về góp vốn, mua cổ phần có 299 dự án": what is counted).
fn stock_name(gap: &str, unit: &str) -> Option<String> {
    let mut words: Vec<&str> = gap.split_whitespace().collect();
    while words
        .last()
        .is_some_and(|w| matches!(*w, "hơn" | "gần" | "khoảng" | "trên" | "xấp" | "xỉ"))
    {
        words.pop();
    }
    if words.pop() != Some("có") {
        return None;
    }
    // "..., về điều chỉnh tăng vốn đầu tư, có": the topic's words (at most
    // eight, no figure among them).
    if let Some(v) = words.iter().rposition(|w| matches!(*w, "về" | "Về"))
        && words.len() - v - 1 <= 8
        && words.len() > v + 1
    {
        let topic = words[v + 1..].join(" ");
        let topic = topic.trim_end_matches(',');
        return (!topic.bytes().any(|b| b.is_ascii_digit()) && !topic.is_empty())
            .then(|| topic.to_owned());
    }
    let from = words
        .iter()
        .rposition(|w| w.ends_with(','))
        .map_or(0, |i| i + 1);
    words[from..]
        .iter()
        .all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(
                    *w,
                    "toàn"
                        | "tỉnh"
                        | "thành"
                        | "phố"
                        | "huyện"
                        | "trên"
                        | "địa"
                        | "bàn"
                        | "cả"
                        | "hiện"
                )
        })
        .then(|| unit.to_owned())
}

/// Two-word verbs a name cut at its sixth word must not lose half of.
const TAIL_PAIRS: &[(&str, &str)] = &[
    ("thay", "đổi"),
    ("trở", "lại"),
    ("hoạt", "động"),
    ("kinh", "doanh"),
    ("giải", "thể"),
    ("đăng", "ký"),
];

/// Whether `gap_lower` ends with `np` then "được" (and at most a
/// qualifier): "thu hoạch được (khoảng)".
fn verb_before_duoc(gap_lower: &str, np: &str) -> bool {
    let mut t = gap_lower.trim_end();
    for q in ["khoảng", "gần", "hơn", "trên", "xấp xỉ"] {
        if let Some(r) = t.strip_suffix(q) {
            t = r.trim_end();
            break;
        }
    }
    let np = lowercase(np);
    GOT_BY.contains(&np.as_str())
        && t.strip_suffix("được")
            .is_some_and(|b| b.trim_end().ends_with(&*np))
}

/// Verbs by which an output, a sum or a count in force is got ("thu hoạch
/// được", "huy động được"); others before "được" ("tiêu thụ được", "xuất
/// khẩu được") measure something else of it and stay the figure's item.
const GOT_BY: &[&str] = &[
    "thu hoạch",
    "sản xuất",
    "thu",
    "thu hút",
    "huy động",
    "giải ngân",
    "trồng",
    "gieo trồng",
    "gieo cấy",
    "cấy",
    "tuyển sinh",
];

/// "…, chi nhánh tạm ngừng hoạt động, tăng 22%" after "519 doanh
/// nghiệp": when the words after a count's unit stop at a comma, the
/// bytes of the next comma-free stretch that may still name what is
/// counted (up to a figure, a verb or a base, at most six words).
fn listed_after(rest: &str) -> Option<usize> {
    let after = rest.strip_prefix(',')?;
    let end = after
        .bytes()
        .position(|b| matches!(b, b',' | b';' | b'.' | b'(' | b':' | b')') || b.is_ascii_digit())
        .unwrap_or(after.len());
    let mut len = 0;
    for (n, w) in after[..end].split_whitespace().enumerate() {
        let lower = lowercase(w);
        if n >= 6 || LIST_STOPS.contains(&lower.as_str()) {
            break;
        }
        // (The words are slices of `after`: their end is their offset
        // plus their length.)
        len = w.as_ptr() as usize - after.as_ptr() as usize + w.len();
    }
    (len > 0).then_some(1 + len)
}

/// Words that end a list of counted nouns: a statement about the figure
/// begins.
const LIST_STOPS: &[&str] = &[
    "tăng", "giảm", "đạt", "bằng", "gấp", "chiếm", "so", "với", "là", "làm", "vượt", "ước",
    "trong", "bao", "chia", "cụ", "tương", "hay", "tức", "còn",
];

/// The first `n` bytes of `s` (at a char boundary).
fn tail_start(s: &str, n: usize) -> &str {
    let mut i = s.len().min(n);
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    &s[..i]
}

/// The last `n` bytes of `s` (at a char boundary), for looking at the
/// words right before a number without touching the whole clause.
fn tail(s: &str, n: usize) -> &str {
    let mut i = s.len().saturating_sub(n);
    while !s.is_char_boundary(i) {
        i += 1;
    }
    &s[i..]
}

fn is_ordinal(before: &str) -> bool {
    let before = before.trim_end();
    // The words end in these letters, which only they and their capitals
    // lowercase to: a text ending otherwise is not lowercased.
    if !before.ends_with([
        'p', 'P', 't', 'T', 'a', 'A', 'á', 'Á', 'ứ', 'Ứ', 'ố', 'Ố', 'y', 'Y', 'i', 'I', 'n', 'N',
        'ộ', 'Ộ', 'h', 'H', 'g', 'G',
    ]) {
        return false;
    }
    let b = lowercase(tail(before, 40));
    [
        "lớp",
        "đợt",
        "khóa",
        "khoá",
        "lần thứ",
        // "kỳ họp thứ 12", "phiên họp thứ 3": a meeting's number.
        "họp thứ",
        // "mùng 4 Tết": a day of the lunar month.
        "mùng",
        "mồng",
        "số",
        "ngày",
        "kỳ thi",
        "giai đoạn",
        "quốc lộ",
        "tỉnh lộ",
        "chương trình",
        "đề án",
    ]
    .iter()
    .any(|w| b.ends_with(w))
}

/// "sản phẩm OCOP đạt từ 3 sao trở lên", "khách sạn 4 sao": the stars
/// grade what is counted; they are no figure of their own.
fn star_rating(main: &str, n: &Num<'_>) -> bool {
    let after = main[n.end..].trim_start();
    after
        .strip_prefix("sao")
        .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
}

/// "tăng trưởng 2 con số", "địa phương tăng trưởng hai con số": a
/// two-digit rate, no count of "con" (head of livestock).
fn digit_count(main: &str, n: &Num<'_>) -> bool {
    main[n.end..]
        .trim_start()
        .strip_prefix("con số")
        .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
}

/// "giảm cả 3 tiêu chí", "tăng cả 3 chỉ tiêu": all the criteria of the
/// paragraph (accidents, deaths, injuries) moved one way; no figure.
fn all_criteria(main: &str, n: &Num<'_>) -> bool {
    let before = main[..n.start].trim_end();
    let after = main[n.end..].trim_start();
    (before.ends_with(" cả") || before.ends_with(" Cả") || before == "cả" || before == "Cả")
        && (after.starts_with("tiêu chí") || after.starts_with("chỉ tiêu"))
}

/// "Covid-19", "COVID-19", "SARS-CoV-2": digits joined by a hyphen to
/// the letters before them end a name, not a figure.
fn in_name(before: &str) -> bool {
    before
        .strip_suffix(['-', '–'])
        .and_then(|b| b.chars().next_back())
        .is_some_and(baocao_domain::text::is_alphabetic)
}

/// A year as reports write one: four digits, 1950 to 2100.
fn is_year(text: &str) -> bool {
    text.len() == 4
        && text
            .parse::<u32>()
            .is_ok_and(|y| (1950..=2100).contains(&y))
}

/// "từ 3 đến dưới 6 tháng", "3-6 tháng": `after`, the text after a
/// number, goes on to a span of time. (The pattern opens with spaces, then
/// "đến" or a dash: other texts are not searched.)
fn duration_range(after: &str) -> bool {
    let t = after.trim_start();
    ["đến", "-", "–"].iter().any(|p| t.starts_with(p)) && DURATION.is_match(tail_start(after, 40))
}

/// "đóng góp 15,61 điểm phần trăm", "làm giảm 0,47 điểm phần trăm": where
/// the verb of a contribution to a change starts, and the bytes of the
/// unit after its number.
fn contribution(main: &str, n: &Num<'_>) -> Option<(usize, usize)> {
    if let Some(found) = cpi_effect(main, n) {
        return Some(found);
    }
    // (Most numbers are followed by no "điểm": tested first, cheaply.)
    if !main[n.end..].trim_start_matches(' ').starts_with("điểm") {
        return None;
    }
    let u = unit_after(&main[n.end..])?;
    // "điểm %" is the same unit with the sign for "phần trăm".
    if u.code != UnitCode::Point || !(u.text.contains("phần trăm") || u.text.contains('%')) {
        return None;
    }
    let mut before = main[..n.start].trim_end();
    // "đóng góp hơn 7 điểm phần trăm": a qualifier between verb and number.
    if let Some(q) = ["hơn", "khoảng", "gần", "trên"].into_iter().find(|q| {
        before.ends_with(q)
            && !before[..before.len() - q.len()].ends_with(|c: char| c.is_alphanumeric())
    }) {
        before = before[..before.len() - q.len()].trim_end();
    }
    let lowered = lowercase(tail(before, 24));
    // "thấp hơn 1,3 điểm phần trăm so với cùng kỳ": a difference between
    // two rates, as little a level or change of its own ("hơn" was taken
    // as a qualifier above: "thấp" is left).
    let verb = [
        "đóng góp",
        "làm giảm",
        "làm tăng",
        "thấp hơn",
        "cao hơn",
        "thấp",
        "cao",
    ]
    .into_iter()
    .find(|w| {
        lowered.ends_with(w)
            && !lowered[..lowered.len() - w.len()].ends_with(|c: char| c.is_alphanumeric())
    })?;
    // Both forms of the verb have the same length in bytes.
    Some((before.len() - verb.len(), u.len))
}

/// "(tác động làm tăng CPI chung 0,15%)", "tác động làm CPI bình quân
/// chung giảm 0,11%", "làm CPI chung tăng 0,02 điểm phần trăm": what a
/// group of goods moved the whole price index by, written after the
/// group's own change. The start of "tác động" (or "làm") in `main` and
/// the length of the unit after the number.
fn cpi_effect(main: &str, n: &Num<'_>) -> Option<(usize, usize)> {
    let after = main[n.end..].trim_start_matches(' ');
    if !(after.starts_with('%') || after.starts_with("điểm")) {
        return None;
    }
    let u = unit_after(&main[n.end..])?;
    if !(u.code == UnitCode::Percent
        || u.code == UnitCode::Point && (u.text.contains("phần trăm") || u.text.contains('%')))
    {
        return None;
    }
    let trimmed = main[..n.start].trim_end();
    let before = tail(trimmed, 72);
    // The clause the number ends: back to its bracket or comma.
    let cut = trimmed.len() - before.len() + before.rfind(['(', ',', ';']).map_or(0, |i| i + 1);
    let clause = &main[cut..trimmed.len()];
    // (Most percents follow no price index: looked for before lowercasing.)
    if !["CPI", "cpi", "hỉ số giá", "HỈ SỐ GIÁ"]
        .iter()
        .any(|w| find_str(clause, w).is_some())
    {
        return None;
    }
    let lowered = lowercase(clause);
    if lowered.len() != clause.len() || !(lowered.contains("cpi") || lowered.contains("chỉ số giá"))
    {
        return None;
    }
    let verb = ["tác động", "làm"]
        .into_iter()
        .filter_map(|w| lowered.find(w))
        .min()?;
    let words = &lowered[verb..];
    if !(words.ends_with("tăng")
        || words.ends_with("giảm")
        || words.ends_with("chung")
        || words.ends_with("cpi"))
    {
        return None;
    }
    Some((cut + verb, u.len))
}

/// "20/5-15/6", "30/4", "11/01/2024", "49 năm", "3 tháng trở lên".
fn is_date_or_duration(main: &str, n: &Num<'_>) -> bool {
    let after = &main[n.end..];
    let t = after.trim_start();
    if duration_range(after) {
        return true;
    }
    // A bare year ("năm học 2023-2024", "giai đoạn 2022-2024"): not a figure.
    if is_year(n.text) && unit_after(after).is_none() {
        return true;
    }
    // "tuy tăng so với tháng 8", "đến ngày 30 tháng 11": the number of a
    // month no period phrase took (a base, or a day's month). (The cheap
    // tests first: most numbers are no month's.)
    let before = main[..n.start].trim_end();
    if (before.ends_with("tháng") || before.ends_with("Tháng"))
        && n.text.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
        && before[..before.len() - "tháng".len()]
            .chars()
            .next_back()
            .is_none_or(|c| !baocao_domain::text::is_alphabetic(c))
        && unit_after(after).is_none()
    {
        return true;
    }
    // "từ 28 Tết": a day before the lunar new year.
    if [
        "năm", "tháng", "ngày", "tuổi", "giờ", "phút", "tuần", "Tết", "tết",
    ]
    .iter()
    .any(|w| {
        t.starts_with(w)
            && t[w.len()..]
                .chars()
                .next()
                .is_none_or(|c| !baocao_domain::text::is_alphabetic(c))
    }) {
        return true;
    }
    // "Chiều 23-1, tại cuộc họp ...": a press lead's day and month, after
    // the time of day, written with a dash.
    if let Some(rest) = after.strip_prefix('-') {
        let m = &rest[..rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len()];
        let before = lowercase(tail(main[..n.start].trim_end(), 12));
        return ["sáng", "chiều", "tối", "trưa", "đêm"]
            .iter()
            .any(|w| before.ends_with(w) && has_word(&before, w))
            && n.text.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
            && m.parse::<u32>().is_ok_and(|mo| (1..=12).contains(&mo))
            && unit_after(&rest[m.len()..]).is_none();
    }
    if let Some(rest) = after.strip_prefix('/') {
        let m: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let d: u32 = n.text.parse().unwrap_or(99);
        let mo: u32 = m.parse().unwrap_or(99);
        let before = lowercase(tail(main[..n.start].trim_end(), 40));
        let date_words = ["ngày", "dịp", "từ", "đến", "(", "-"]
            .iter()
            .any(|w| before.ends_with(w));
        let followed = rest[m.len()..].starts_with('/')
            || rest[m.len()..].trim_start().starts_with(['-', '–', ')']);
        let unit = unit_after(&rest[m.len()..]).is_some();
        return (1..=31).contains(&d)
            && (1..=12).contains(&mo)
            && (date_words || followed || !unit);
    }
    false
}

/// "các nguồn vốn kéo dài ... sang năm 2024 là 327,3 tỷ đồng": a year no
/// period phrase took, part of the words that name the figure after it.
fn is_bare_year(main: &str, n: &Num<'_>) -> bool {
    is_year(n.text)
        && unit_after(&main[n.end..]).is_none()
        // (Not a span of years, "2023-2024": a season's or a plan's.)
        && !main[n.end..].starts_with(['-', '–', '/'])
        && !main[..n.start].ends_with(['-', '–', '/'])
}

/// "từ 3 đến dưới 6 tháng", "từ 9 tháng trở lên": a number of a span of
/// time that bounds what is counted (debts, arrears, ages).
fn is_duration(main: &str, n: &Num<'_>) -> bool {
    let after = &main[n.end..];
    let t = after.trim_start();
    if duration_range(after) {
        return true;
    }
    let before = lowercase(tail(main[..n.start].trim_end(), 12));
    ["từ", "đến", "dưới", "trên"]
        .iter()
        .any(|w| before.ends_with(w) && has_word(&before, w))
        && ["tháng", "năm", "ngày", "tuổi"].iter().any(|w| {
            t.starts_with(w)
                && t[w.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !baocao_domain::text::is_alphabetic(c))
        })
}

/// "từ 60 đến 65 nghìn đồng/kg": the upper end of a range written out,
/// one quantity like "60-65 nghìn đồng/kg" (not "từ 5 đến 7 ngày", a
/// duration, nor dates, read before).
fn range_to<'n, 't>(
    main: &str,
    n: &Num<'t>,
    next: Option<&'n Num<'t>>,
    cursor: usize,
) -> Option<&'n Num<'t>> {
    let m = next?;
    let between = main.get(n.end..m.start)?;
    // "dao động từ 45 - 52 nghìn đồng/kg": a range with spaces round its
    // dash, the unit after its second number.
    if (between == " - " || between == " – ") && unit_after(&main[m.end..]).is_some() {
        return Some(m);
    }
    // Only "... từ N đến M" is lowercased.
    if between != " đến " {
        return None;
    }
    let before = lowercase(main.get(cursor..n.start)?.trim_end());
    (between == " đến " && before.rsplit(' ').next() == Some("từ") && !is_date_or_duration(main, m))
        .then_some(m)
}

fn date_len(after: &str) -> usize {
    after
        .find(|c: char| !(c.is_ascii_digit() || c == '/' || c == '-' || c == '–'))
        .unwrap_or(after.len())
}

/// Openers of a clause that leads to the subject without being part of
/// it: a connective ("Tuy nhiên, ...", "Điều đáng nói, ...", "Ở chiều
/// ngược lại, ...") or the topic the sentence is about ("Về lĩnh vực ngân
/// hàng, ...", "Đối với hoạt động thương mại, ...").
const LEAD_IN_OPENERS: &[&str] = &[
    "về ",
    "đối với ",
    "bên cạnh đó",
    "tuy nhiên",
    "đáng chú ý",
    "điều đáng nói",
    "ở chiều ngược lại",
    "ngoài ra",
    "như vậy",
    "trong khi đó",
    "mặt khác",
    "đơn cử",
    "nhìn chung",
    "trước đó",
    "do đó",
    "nhờ đó",
    "thông tin từ ",
    "thông tin tại ",
    // What the figure owes or stands against: "Do thời tiết thuận lợi, ...",
    // "Nhờ giá bán ổn định, ...", "Với thế mạnh ..., ...", "Mặc dù ...,
    // (nhưng) ...".
    "do ",
    "nhờ ",
    "với ",
    "mặc dù ",
];

/// The openers of a concession, whose clause runs to its "nhưng".
const CONCESSIVE_OPENERS: &[&str] = &["mặc dù "];

/// How a clause saying who reports ends ("Sở Tài chính cho biết", "bà
/// ..., Phó Giám đốc Sở ... nhấn mạnh").
const REPORTER_VERBS: &[&str] = &["cho biết", "cho thấy", "cho hay", "nhấn mạnh"];

/// Whether the clause before a comma only leads to the subject after it:
/// it opens with a connective or topic ([`LEAD_IN_OPENERS`]), or it says
/// who reports ("Báo cáo của UBND tỉnh cho thấy", "Sở Tài chính cho biết").
fn is_discourse_lead_in(clause: &str) -> bool {
    let clause = clause.trim();
    if REPORTER_VERBS.iter().any(|v| clause.ends_with(v)) {
        return true;
    }
    // Only a clause opening as an opener does (either case) is lowercased,
    // and only as far as the longest opener.
    if !clause.starts_with([
        'v', 'V', 'đ', 'Đ', 'b', 'B', 't', 'T', 'n', 'N', 'ở', 'Ở', 'm', 'M', 'd', 'D',
    ]) {
        return false;
    }
    let head = clause
        .char_indices()
        .nth(20)
        .map_or(clause, |(i, _)| &clause[..i]);
    let head = lowercase(head);
    LEAD_IN_OPENERS.iter().any(|o| head.starts_with(o))
}

/// Where the words after the lead-in clauses of `s` start ("Bên cạnh đó,
/// về lĩnh vực ngân hàng, vốn huy động ...": at "vốn").
fn skip_lead_ins(s: &str) -> usize {
    // "Ông A, Giám đốc Sở B cho biết, ...": a reporter's clause holds the
    // commas of its apposition; all before it leads in too.
    let mut at = memchr::memchr_iter(b',', s.as_bytes())
        .rfind(|&i| {
            s.as_bytes().get(i + 1) == Some(&b' ')
                && REPORTER_VERBS.iter().any(|v| s[..i].ends_with(v))
        })
        .map_or(0, |i| i + 2);
    // (A comma is one byte: ", " found by memchr, not a substring search.)
    while let Some(i) = memchr::memchr(b',', &s.as_bytes()[at..]) {
        if s.as_bytes().get(at + i + 1) != Some(&b' ') {
            at += i + 1;
            continue;
        }
        if !is_discourse_lead_in(&s[at..at + i]) {
            break;
        }
        // "Mặc dù còn khó khăn do sụt lún, thiên tai, ... nhưng GRDP ...": a
        // concession runs to its "nhưng", commas and all.
        if starts_with_any(&s[at..], CONCESSIVE_OPENERS)
            && let Some(j) = find_str(&s[at..], " nhưng ")
        {
            at += j + " nhưng ".len();
            continue;
        }
        at += i + 2;
        if let Some(rest) = s[at..].strip_prefix("nhưng ") {
            at = s.len() - rest.len();
        }
    }
    at
}

/// Whether `s` opens, in either case, with one of `openers` (lowercase).
fn starts_with_any(s: &str, openers: &[&str]) -> bool {
    let chars = openers.iter().map(|o| o.chars().count()).max().unwrap_or(0);
    let head = s.char_indices().nth(chars).map_or(s, |(i, _)| &s[..i]);
    let head = lowercase(head);
    openers.iter().any(|o| head.starts_with(o))
}

/// Whether byte `at` of `s` is inside round brackets.
fn in_brackets(s: &str, at: usize) -> bool {
    let before = s.get(..at).unwrap_or(s);
    before.matches('(').count() > before.matches(')').count()
}

fn clean_label(s: &str) -> String {
    clean_label_str(s).to_owned()
}

fn clean_label_str(s: &str) -> &str {
    s.trim().trim_end_matches([',', ':', ';', '.']).trim()
}

/// [`clean_label`] of a text made for it, in its own buffer.
fn clean_label_in_place(s: &mut String) {
    let t = clean_label_str(s);
    // (A subslice of `s`: its offset and length.)
    let (from, len) = (t.as_ptr() as usize - s.as_ptr() as usize, t.len());
    s.truncate(from + len);
    s.drain(..from);
}

/// What the words before an anchor name besides the subject and period: a
/// breakdown ("Khu vực kinh tế nhà nước", "ngành khai khoáng").
fn noun_phrase(
    gap: &str,
    cursor: usize,
    mentions: &[when::Mention],
    subject: Option<Range<usize>>,
    label: &str,
) -> String {
    noun_phrase_with(
        &mut NpScratch::default(),
        gap,
        cursor,
        mentions,
        subject,
        label,
    )
}

/// Words a noun phrase holds without a heap copy of their list.
const NP_STACK_WORDS: usize = 32;

/// [`noun_phrase`], reusing the buffers of `scratch`.
fn noun_phrase_with(
    scratch: &mut NpScratch,
    gap: &str,
    cursor: usize,
    mentions: &[when::Mention],
    subject: Option<Range<usize>>,
    label: &str,
) -> String {
    // The gap with its periods and subject blanked (same length); copied
    // only when something is blanked.
    let mut owned: Option<String> = None;
    let mut blank = |r: Range<usize>| {
        let s = owned.get_or_insert_with(|| gap.to_owned());
        if r.end <= s.len() && s.is_char_boundary(r.start) && s.is_char_boundary(r.end) {
            const SPACES: &str = "                                                                ";
            match SPACES.get(..r.len()) {
                Some(b) => s.replace_range(r, b),
                None => s.replace_range(r.clone(), &" ".repeat(r.len())),
            }
        }
    };
    for m in mentions {
        if m.start >= cursor && m.end <= cursor + gap.len() {
            blank(m.start - cursor..m.end - cursor);
        }
    }
    // (A place is kept as the item only under a subject, never as one, and
    // only with no subject named in or right after the gap.)
    let place_item = subject.is_none() && !label.is_empty();
    if let Some(r) = subject {
        blank(r);
    }
    let s: &str = owned.as_deref().unwrap_or(gap);
    // After "Trong đó:" or "như": the item; in a list of like items
    // ("ngành A, ngành B tăng 36%") the last, which the figure is for; after
    // a lead-in clause ("Đồng thời, có ..."), what follows it.
    // "KN: 53", "tuyến tỉnh: 58.976": the label is before the colon.
    let s = s.trim_end().strip_suffix(':').unwrap_or(s);
    let mut part = [": ", " như "]
        .iter()
        .filter_map(|sep| rfind_str(s, sep).map(|i| i + sep.len()))
        .max()
        .unwrap_or(0);
    part += skip_lead_ins(&s[part..]);
    if let Some(i) = rfind_str(&s[part..], ", ") {
        let head = s[part..].trim_start().split(' ').next().unwrap_or("");
        let tail = s[part + i + 2..]
            .trim_start()
            .split(' ')
            .next()
            .unwrap_or("");
        let (head, tail) = (lowercase(head), lowercase(tail));
        // "Theo báo cáo của Sở Công Thương, ...": who reports, however long;
        // "Chia theo loại hình kinh tế, ...": how the figure is split.
        let lead_in = s[part..part + i].split_whitespace().count() <= 2
            || head == "theo"
            || (head == "chia" || head == "phân")
                && lowercase(&s[part..part + i]).split(' ').nth(1) == Some("theo");
        if (head == tail && !head.is_empty()) || lead_in {
            part += i + 2;
        }
    }
    let mut tail = std::borrow::Cow::Borrowed(&s[part..]);
    // Each place phrase holds "địa bàn", "tỉnh" or "nước": most words hold
    // none, and then nothing is replaced.
    if ["địa bàn", "tỉnh", "huyện", "nước"]
        .iter()
        .any(|k| find_str(&tail, k).is_some())
    {
        for place in [
            "trên địa bàn tỉnh",
            "trên địa bàn huyện",
            "trên địa bàn",
            "của tỉnh",
            "toàn tỉnh",
            "của huyện",
            "toàn huyện",
            "trên cả nước",
            "cả nước",
        ] {
            if find_str(&tail, place).is_some() {
                tail = tail.replace(place, " ").into();
            }
        }
    }
    // Place names ("tỉnh Bắc Giang", "Bắc Giang") are where, not what:
    // runs of two or more capitalised words are dropped, in place.
    // The words, on the stack when they are few (most phrases).
    let mut stack: [&str; NP_STACK_WORDS] = [""; NP_STACK_WORDS];
    let mut heap: Vec<&str> = Vec::new();
    let mut n = 0;
    for w in tail.split_whitespace() {
        if n < NP_STACK_WORDS {
            stack[n] = w;
        } else {
            if heap.is_empty() {
                heap.extend_from_slice(&stack);
            }
            heap.push(w);
        }
        n += 1;
    }
    let words: &mut [&str] = if heap.is_empty() {
        &mut stack[..n]
    } else {
        &mut heap
    };
    let cap = is_capitalised;
    let mut kept = 0;
    let mut i = 0;
    // The last place dropped (with its "tỉnh"), for a phrase that is
    // nothing but the place (see below).
    let mut place: Option<String> = None;
    while i < n {
        let start = if words[i] == "tỉnh" && words.get(i + 1).is_some_and(|w| cap(w)) {
            i + 1
        } else {
            i
        };
        // "vụ Đông Xuân", "Vụ Hè Thu": a crop season, not a place (kept).
        if is_vu(words[i]) {
            loop {
                words[kept] = words[i];
                kept += 1;
                i += 1;
                if i >= n || !cap(words[i]) {
                    break;
                }
            }
            continue;
        }
        let mut j = start;
        while j < n && cap(words[j]) {
            j += 1;
        }
        // "Ngành Khai khoáng", "Nhóm Hàng ăn": capitalised after a
        // classifier of branches or groups, a branch's name, not a place;
        // so is a crop's after "cây" ("Cây Ngô Đông - Xuân", "cây Lúa Lúa
        // Đông - Xuân": Cao Bằng's list of crops lost them).
        let branch = j > start && {
            let w = lowercase(words[start]);
            w == "ngành"
                || w == "nhóm"
                || w == "cây"
                || (kept > 0 && lowercase(words[kept - 1]).as_str() == "cây")
        };
        if j - start >= 2 && !branch {
            if place_item {
                place = Some(words[i..j].join(" "));
            }
            i = j;
        } else if branch {
            // (The whole run: "Lúa Lúa Đông" after "cây".)
            while i < j {
                words[kept] = words[i];
                kept += 1;
                i += 1;
            }
        } else {
            words[kept] = words[i];
            kept += 1;
            i += 1;
        }
    }
    let words = &words[..kept];
    // Edge words are recognised by their lowercase, made only for the words
    // looked at, each once: `cur` holds the lowercase of the word at the
    // edge, `next` that of its neighbour inward when made.
    let is_alpha = |w: &str| w.chars().any(baocao_domain::text::is_alphabetic);
    // (The buffers are given back below: only their capacity is reused.)
    let mut cur = std::mem::take(&mut scratch.cur);
    let mut next = std::mem::take(&mut scratch.next);
    let lower = |w: &str, buf: &mut String| {
        buf.clear();
        lowercase_into(w, buf);
    };
    let mut a = 0;
    let mut b = words.len();
    let mut fresh = false; // `cur` already holds words[a]
    while a < b {
        if !fresh {
            lower(words[a], &mut cur);
        }
        fresh = false;
        if a + 1 < b {
            lower(words[a + 1], &mut next);
            if is_pair(EDGE_PHRASES, &cur, &next) {
                a += 2;
                continue;
            }
            // "Kế hoạch năm 2024", "đồng hồ": a compound is not cut.
            if is_pair(COMPOUNDS, &cur, &next) {
                break;
            }
        }
        if EDGE_SET.contains(cur.as_str()) || !is_alpha(words[a]) {
            a += 1;
            if a < b {
                // The neighbour's lowercase was made above.
                std::mem::swap(&mut cur, &mut next);
                fresh = true;
            }
            continue;
        }
        break;
    }
    let mut fresh = false; // `cur` already holds words[b - 1]
    while b > a {
        if !fresh {
            lower(words[b - 1], &mut cur);
        }
        fresh = false;
        // "nợ từ 9 tháng trở lên", "từ 3 đến dưới 6 tháng": a duration
        // that bounds the item is part of it.
        if ends_in_duration(&words[a..b]) {
            break;
        }
        if b >= a + 2 {
            lower(words[b - 2], &mut next);
            if is_pair(TRAILING_PHRASES, &next, &cur) {
                b -= 2;
                continue;
            }
            // "đồng hồ", "kế hoạch": a compound is not cut.
            if is_pair(COMPOUNDS, &next, &cur) {
                break;
            }
        }
        // "sầu riêng": only a leading "riêng" is an edge ("Riêng tháng 5");
        // "cây hằng năm" is a kind of crop (`next` holds the word before).
        let yearly = cur == "năm" && b >= a + 2 && (next == "hằng" || next == "hàng");
        if cur != "riêng" && !yearly && (EDGE_SET.contains(cur.as_str()) || !is_alpha(words[b - 1]))
        {
            b -= 1;
            if b > a {
                std::mem::swap(&mut cur, &mut next);
                fresh = true;
            }
            continue;
        }
        break;
    }
    scratch.cur = cur;
    scratch.next = next;
    let joined = words[a..b].join(" ");
    let trimmed =
        joined.trim_matches(|c: char| !baocao_domain::text::is_alphanumeric(c) && c != ')');
    // "Trung Quốc 25,1%, Nga 20,07%", "huyện Bắc Hà là 79.000 lượt", "tỉnh
    // Vĩnh Phúc tăng 10,07%": with no subject named before it, a place that
    // is the whole phrase (or follows nothing but its kind of unit) is the
    // item of a list by place.
    if let Some(place) = place
        && (trimmed.is_empty() || is_admin_unit(trimmed))
    {
        return if trimmed.is_empty() {
            place
        } else {
            format!("{joined} {place}")
        };
    }
    let np = if trimmed.len() == joined.len() {
        joined
    } else {
        trimmed.to_owned()
    };
    if np.is_empty() {
        return np;
    }
    // Words of the subject itself ("chỉ số" of "Chỉ số sản xuất ...") are no
    // breakdown.
    if scratch.label != label {
        scratch.label.clear();
        scratch.label.push_str(label);
        scratch.label_folded.clear();
        fold_into(label, &mut scratch.label_folded);
    }
    let fl = &scratch.label_folded;
    if fold(&np)
        .split_whitespace()
        .all(|w| fl.split_whitespace().any(|l| l == w))
    {
        return String::new();
    }
    np
}

/// "quốc tế", "nội địa", "trong nước", "nước ngoài" opening `after` (the
/// words right after a subject) and ending there or before a space or a
/// comma: where what is counted comes from ("Lượt khách quốc tế ...").
/// Not when another origin follows ("trong nước và quốc tế", "quốc tế,
/// nội địa"): both are the whole.
fn origin_after(after: &str) -> Option<&str> {
    const ORIGINS: [&str; 4] = ["quốc tế", "nội địa", "trong nước", "nước ngoài"];
    let after = after.trim_start();
    let (o, rest) = ORIGINS.into_iter().find_map(|o| {
        after
            .strip_prefix(o)
            .filter(|rest| rest.is_empty() || rest.starts_with([' ', ',']))
            .map(|rest| (o, rest))
    })?;
    let next = rest.trim_start_matches([' ', ',']);
    let next = next.strip_prefix("và ").unwrap_or(next);
    (!ORIGINS.iter().any(|o| next.starts_with(o))).then(|| &after[..o.len()])
}

/// "... đến từ Trung Quốc", "... từ Hàn Quốc": the place (capitalised
/// words only, one to three) that ends `gap` after "từ".
fn place_after_tu(gap: &str) -> Option<String> {
    let gap = gap.trim_end_matches(|c: char| c.is_whitespace() || c == ':');
    let at = rfind_str(gap, " từ ")?;
    let place = &gap[at + " từ ".len()..];
    let words: Vec<&str> = place.split_whitespace().collect();
    ((1..=3).contains(&words.len()) && words.iter().all(|w| is_capitalised(w)))
        .then(|| words.join(" "))
}

/// Whether `w` is written as a name's word: a capital, then only small
/// letters ("Hàn", "Quốc"; not "TP", "UBND" or "hàn").
fn is_capitalised(w: &str) -> bool {
    w.starts_with(char::is_uppercase) && w.chars().skip(1).all(char::is_lowercase)
}

/// Whether `w` names a kind of local unit ("huyện", "TP"), written before
/// the unit's name.
fn is_admin_unit(w: &str) -> bool {
    [
        "huyện",
        "thị xã",
        "thành phố",
        "tp",
        "quận",
        "xã",
        "thị trấn",
    ]
    .contains(&lowercase(w).as_str())
}

/// Whether `words` end with a span of time ("6 tháng", "9 tháng trở
/// lên") bounded by "từ", "đến", "dưới" or "trên".
fn ends_in_duration(words: &[&str]) -> bool {
    let n = words.len();
    let end = if n >= 2 && words[n - 2] == "trở" && words[n - 1] == "lên" {
        n - 2
    } else {
        n
    };
    end >= 3
        && ["tháng", "năm", "ngày", "tuổi"].contains(&words[end - 1])
        && words[end - 2].bytes().all(|b| b.is_ascii_digit())
        && ["từ", "đến", "dưới", "trên"].contains(&words[end - 3])
}

/// Whether the lowercase of `w` is "vụ": only "v"/"V" lowercase to "v",
/// only "ụ"/"Ụ" to "ụ" (no allocation for every word of a phrase).
fn is_vu(w: &str) -> bool {
    let mut c = w.chars();
    matches!(
        (c.next(), c.next(), c.next()),
        (Some('v' | 'V'), Some('ụ' | 'Ụ'), None)
    )
}

/// Whether "a b" is one of `phrases`.
fn is_pair(phrases: &[&str], a: &str, b: &str) -> bool {
    phrases.iter().any(|p| {
        p.len() == a.len() + 1 + b.len()
            && p.starts_with(a)
            && p.ends_with(b)
            && p.as_bytes()[a.len()] == b' '
    })
}

/// The lowercase of each word, in one buffer: the text and each word's
/// range in it.
fn lowercase_words(words: &[&str]) -> (String, Vec<Range<usize>>) {
    let mut buf = String::new();
    let spans = words
        .iter()
        .map(|w| {
            let from = buf.len();
            lowercase_into(w, &mut buf);
            from..buf.len()
        })
        .collect();
    (buf, spans)
}

fn strip_edges(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    let (buf, spans) = lowercase_words(&words);
    let mut a = 0;
    while a < words.len() && EDGE_SET.contains(&buf[spans[a].clone()]) {
        a += 1;
    }
    words[a..].join(" ")
}

/// With no reporting period (none in the title, no hint) no figure is
/// read (every period is read against the report's month): the
/// paragraphs that hold figures, outside the closing, are named in one
/// issue (a yearbook page stored alone lost its table without a word).
fn unread_without_period(doc: &Document, issues: &mut Vec<QualityIssue>) {
    let with_figures: Vec<usize> = (0..doc.paras.len())
        .filter(|&pi| doc.paras[pi].zone != Zone::Closing && holds_a_figure(doc.para(pi)))
        .collect();
    let (Some(&first), Some(&last)) = (with_figures.first(), with_figures.last()) else {
        return;
    };
    issues.push(QualityIssue {
        kind: QualityIssueKind::UnattachedNumber,
        message: format!(
            "the reporting period is not known: the figures of {} paragraphs are not read (the first: {:?})",
            with_figures.len(),
            doc.para(first).trim()
        ),
        span: Span::new(
            doc.paras[first].span.start as usize,
            doc.paras[last].span.end as usize,
        ),
    });
}

/// Whether a paragraph holds a figure: a number that is no year, no
/// list's or article's number ("1.", "Điều 3") and no day, month or
/// document number ("ngày 19 tháng 6").
fn holds_a_figure(text: &str) -> bool {
    let mut prev = "";
    text.split_ascii_whitespace().any(|t| {
        let before = std::mem::replace(&mut prev, t);
        figure_token(t)
            && !t.ends_with(['.', ')'])
            && ![
                "ngày", "tháng", "năm", "số", "điều", "khoản", "mục", "lần", "quý", "phần",
            ]
            .iter()
            .any(|w| before.len() == w.len() && crate::starts_with_ci(before, w))
    })
}

/// A word that is a figure: a number with a digit (no "-" cell), no year
/// (four digits).
fn figure_token(t: &str) -> bool {
    crate::paragraphs::figure_cell(t)
        && t.bytes().any(|b| b.is_ascii_digit())
        && !(t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
}

/// Where a paragraph holds two figures side by side with nothing between
/// them ("113,65 109,16"; one with a decimal comma, no year), the byte
/// offset of the first: a row of a table, not a header's line.
fn figures_in_a_row(text: &str) -> Option<usize> {
    let mut prev: Option<(usize, &str)> = None;
    let base = text.as_ptr() as usize;
    for tok in text.split_ascii_whitespace() {
        let figure = figure_token(tok);
        if figure
            && let Some((at, p)) = prev
            && (p.contains(',') || tok.contains(','))
        {
            return Some(at);
        }
        prev = figure.then(|| (tok.as_ptr() as usize - base, tok));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// noun_phrase as it was first written: the oracle.
    /// What the words before an anchor name besides the subject and period: a
    /// breakdown ("Khu vực kinh tế nhà nước", "ngành khai khoáng").
    fn noun_phrase_oracle(
        gap: &str,
        cursor: usize,
        mentions: &[when::Mention],
        subject: Option<Range<usize>>,
        label: &str,
    ) -> String {
        let mut s = gap.to_owned();
        let mut blank = |r: Range<usize>| {
            if r.end <= s.len() && s.is_char_boundary(r.start) && s.is_char_boundary(r.end) {
                let b = " ".repeat(r.len());
                s.replace_range(r, &b);
            }
        };
        for m in mentions {
            if m.start >= cursor && m.end <= cursor + gap.len() {
                blank(m.start - cursor..m.end - cursor);
            }
        }
        let place_item = subject.is_none() && !label.is_empty();
        if let Some(r) = subject {
            blank(r);
        }
        // After "Trong đó:" or "như": the item; in a list of like items
        // ("ngành A, ngành B tăng 36%") the last, which the figure is for; after
        // a lead-in clause ("Đồng thời, có ..."), what follows it.
        // "KN: 53", "tuyến tỉnh: 58.976": the label is before the colon.
        let s = match s.trim_end().strip_suffix(':') {
            Some(head) => head.to_owned(),
            None => s,
        };
        let mut part = [": ", " như "]
            .iter()
            .filter_map(|sep| s.rfind(sep).map(|i| i + sep.len()))
            .max()
            .unwrap_or(0);
        part += skip_lead_ins(&s[part..]);
        if let Some(i) = s[part..].rfind(", ") {
            let head = s[part..].trim_start().split(' ').next().unwrap_or("");
            let tail = s[part + i + 2..]
                .trim_start()
                .split(' ')
                .next()
                .unwrap_or("");
            let (head, tail) = (lowercase(head), lowercase(tail));
            let lead_in = s[part..part + i].split_whitespace().count() <= 2
                || head == "theo"
                || (head == "chia" || head == "phân")
                    && lowercase(&s[part..part + i]).split(' ').nth(1) == Some("theo");
            if (head == tail && !head.is_empty()) || lead_in {
                part += i + 2;
            }
        }
        let mut tail = s[part..].to_owned();
        // Each place phrase holds "địa bàn", "tỉnh" or "nước": most words hold
        // none, and then nothing is replaced.
        if ["địa bàn", "tỉnh", "huyện", "nước"]
            .iter()
            .any(|k| tail.contains(k))
        {
            for place in [
                "trên địa bàn tỉnh",
                "trên địa bàn huyện",
                "trên địa bàn",
                "của tỉnh",
                "toàn tỉnh",
                "của huyện",
                "toàn huyện",
                "trên cả nước",
                "cả nước",
            ] {
                if tail.contains(place) {
                    tail = tail.replace(place, " ");
                }
            }
        }
        // Place names ("tỉnh Bắc Giang", "Bắc Giang") are where, not what.
        let words: Vec<&str> = tail.split_whitespace().collect();
        let mut keep = vec![true; words.len()];
        let mut place = None;
        let mut i = 0;
        while i < words.len() {
            let cap = is_capitalised;
            let start = if words[i] == "tỉnh" && words.get(i + 1).is_some_and(|w| cap(w)) {
                i + 1
            } else {
                i
            };
            // "vụ Đông Xuân", "Vụ Hè Thu": a crop season, not a place.
            if lowercase(words[i]) == "vụ" {
                i += 1;
                while i < words.len() && cap(words[i]) {
                    i += 1;
                }
                continue;
            }
            let mut j = start;
            while j < words.len() && cap(words[j]) {
                j += 1;
            }
            if j - start >= 2 {
                if place_item {
                    place = Some(words[i..j].join(" "));
                }
                for k in keep.iter_mut().take(j).skip(i) {
                    *k = false;
                }
                i = j;
            } else {
                i += 1;
            }
        }
        let words: Vec<&str> = words
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(w, _)| *w)
            .collect();
        let (buf, spans) = lowercase_words(&words);
        let lower: Vec<&str> = spans.iter().map(|r| &buf[r.clone()]).collect();
        let mut a = 0;
        let mut b = words.len();
        loop {
            if a + 1 < b && is_pair(EDGE_PHRASES, lower[a], lower[a + 1]) {
                a += 2;
            } else if a + 1 < b && is_pair(COMPOUNDS, lower[a], lower[a + 1]) {
                break;
            } else if a < b
                && (EDGE_SET.contains(lower[a])
                    || !words[a].chars().any(baocao_domain::text::is_alphabetic))
            {
                a += 1;
            } else {
                break;
            }
        }
        loop {
            if ends_in_duration(&words[a..b]) {
                break;
            }
            if b >= a + 2 && is_pair(TRAILING_PHRASES, lower[b - 2], lower[b - 1]) {
                b -= 2;
            } else if b >= a + 2 && is_pair(COMPOUNDS, lower[b - 2], lower[b - 1]) {
                break;
            } else if b > a
                // "sầu riêng": only a leading "riêng" is an edge ("Riêng tháng 5");
                // "cây hằng năm" is a kind of crop.
                && lower[b - 1] != "riêng"
                && !(lower[b - 1] == "năm" && b >= a + 2 && ["hằng", "hàng"].contains(&lower[b - 2]))
                && (EDGE_SET.contains(lower[b - 1])
                    || !words[b - 1].chars().any(baocao_domain::text::is_alphabetic))
            {
                b -= 1;
            } else {
                break;
            }
        }
        let joined = words[a..b].join(" ");
        let np = joined
            .trim_matches(|c: char| !baocao_domain::text::is_alphanumeric(c) && c != ')')
            .to_owned();
        // A place that is the whole phrase, or follows only its kind of
        // unit, with no subject before it: the item of a list by place.
        if let Some(place) = place {
            if np.is_empty() {
                return place;
            }
            if [
                "huyện",
                "thị xã",
                "thành phố",
                "tp",
                "quận",
                "xã",
                "thị trấn",
            ]
            .contains(&lowercase(&np).as_str())
            {
                return format!("{joined} {place}");
            }
        }
        if np.is_empty() {
            return np;
        }
        // Words of the subject itself ("chỉ số" of "Chỉ số sản xuất ...") are no
        // breakdown.
        let fl = fold(label);
        if fold(&np)
            .split_whitespace()
            .all(|w| fl.split_whitespace().any(|l| l == w))
        {
            return String::new();
        }
        np
    }

    const SEED: &str = include_str!("../../../../testdata/reports/000_5b1c2bc8d5408b7b.txt");

    /// noun_phrase answers as its first version did, on every prefix of
    /// every line of the seed that ends before a number, with the periods
    /// and the subject found in it blanked, under two labels.
    #[test]
    fn noun_phrase_agrees_with_oracle() {
        let anchor = Anchor {
            year: 2024,
            month: 5,
        };
        let mut checked = 0;
        // One set of buffers for every call, as the engine reuses them.
        let mut scratch = NpScratch::default();
        for line in SEED.lines() {
            for (end, _) in line.match_indices(|c: char| c.is_ascii_digit()) {
                let gap = &line[..end];
                // Also from a later cursor (a part of the line).
                for cursor in [0, gap.find(' ').map_or(0, |i| i + 1)] {
                    let part = &gap[cursor..];
                    let mentions: Vec<when::Mention> = when::mentions(gap, anchor);
                    let subject = catalog::find_in(part, None).map(|(_, r)| r);
                    for label in ["", "Chỉ số sản xuất công nghiệp", "Tổng mức bán lẻ"]
                    {
                        for subject in [None, subject.clone()] {
                            let oracle =
                                noun_phrase_oracle(part, cursor, &mentions, subject.clone(), label);
                            assert_eq!(
                                noun_phrase(part, cursor, &mentions, subject.clone(), label),
                                oracle,
                                "{part:?}"
                            );
                            assert_eq!(
                                noun_phrase_with(
                                    &mut scratch,
                                    part,
                                    cursor,
                                    &mentions,
                                    subject,
                                    label
                                ),
                                oracle,
                                "{part:?}"
                            );
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    /// A phrase of more words than `noun_phrase` keeps on the stack, with
    /// edge words and a place name at both ends, answers as the oracle.
    #[test]
    fn long_noun_phrase_agrees_with_oracle() {
        let mut scratch = NpScratch::default();
        for n in [NP_STACK_WORDS - 1, NP_STACK_WORDS, NP_STACK_WORDS + 1, 70] {
            let middle: Vec<String> = (0..n).map(|i| format!("từ{i}")).collect();
            for gap in [
                middle.join(" "),
                format!(
                    "Trong đó: toàn tỉnh {} Bắc Giang của tỉnh",
                    middle.join(" ")
                ),
                format!("khu vực {} tăng", middle.join(" ")),
            ] {
                for label in ["", "Khu vực"] {
                    let oracle = noun_phrase_oracle(&gap, 0, &[], None, label);
                    assert!(!oracle.is_empty(), "{gap}");
                    assert_eq!(noun_phrase(&gap, 0, &[], None, label), oracle);
                    assert_eq!(
                        noun_phrase_with(&mut scratch, &gap, 0, &[], None, label),
                        oracle
                    );
                }
            }
        }
    }

    proptest::proptest! {
        /// `without_figure` as it was first written: the figure replaced
        /// by a space, then the words joined by one.
        #[test]
        fn without_figure_agrees_with_replacing(
            matched in "[ a1,.\t]{0,14}",
            from in 0usize..16,
            len in 0usize..5,
        ) {
            let sentence = format!("x {matched} y");
            let from = (2 + from).min(sentence.len());
            let to = (from + len).min(sentence.len());
            let span = Span::new(from, to);
            let loc = Loc { section: "", footnote: None, sentence: &sentence, sentence_off: 0 };
            let figure = &sentence[from..to];
            let t = if figure.is_empty() {
                matched.clone()
            } else {
                matched.replacen(figure, " ", 1)
            };
            let old = t.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(without_figure(&matched, &span, loc, 0), old);
        }

        /// `clean_label_in_place` trims as `clean_label` copies.
        #[test]
        fn clean_label_in_place_agrees(s in "[ ,:;.aạ]{0,12}") {
            let mut t = s.clone();
            clean_label_in_place(&mut t);
            proptest::prop_assert_eq!(t, clean_label(&s));
        }

        /// `has_word` as it was first written: the text split at every
        /// character that is no letter.
        #[test]
        fn has_word_agrees_with_splitting(text in "[aưđớc ,.1]{0,16}", word in "[aưđớc]{0,3}") {
            let split = text
                .split(|c: char| !baocao_domain::text::is_alphabetic(c))
                .any(|w| w == word);
            proptest::prop_assert_eq!(has_word(&text, &word), split);
        }

        /// `is_yield` as it was first written: the unit lowercased, then
        /// trimmed.
        #[test]
        fn is_yield_agrees_with_lowercasing(
            unit in "[ tạấnkgKGTẠẤNhaHA/Σ\u{212a}]{0,8}",
            pick in 0usize..4,
        ) {
            let unit = match pick {
                0 => unit,
                1 => format!(" {} ", ["tạ/ha", "Tấn/HA", "KG/ha"][unit.len() % 3]),
                2 => "\u{212a}g/ha".to_owned(),
                _ => format!("{unit}/ha"),
            };
            let slow = ["tạ/ha", "tấn/ha", "kg/ha"].contains(&lowercase(&unit).trim());
            proptest::prop_assert_eq!(is_yield(&unit), slow, "{:?}", unit);
        }

        /// `names_indicator` as it was first written: padded texts.
        #[test]
        fn names_indicator_agrees_with_padding(
            noise in "[aAđĐ ]{0,6}",
            code in 0usize..400,
            other in 0usize..400,
            from in 0usize..4,
            len in 0usize..4,
            upper: bool,
            same: bool,
        ) {
            let all = catalog::catalog();
            let ind = &all[code % all.len()];
            // Words of an alias of this indicator or another, or noise.
            let pick = if same { code } else { other };
            let source = all[pick % all.len()].aliases.first().copied().unwrap_or("");
            let words: Vec<&str> = source.split(' ').skip(from).take(len).collect();
            let np = if words.is_empty() { noise } else { words.join(" ") };
            let np = if upper { np.to_uppercase() } else { np };
            let padded = {
                let np = lowercase(np.trim());
                !np.is_empty() && {
                    let words = format!(" {np} ");
                    std::iter::once(lowercase(ind.name))
                        .chain(ind.aliases.iter().map(|a| lowercase(a)))
                        .any(|a| format!(" {a} ").contains(&words))
                }
            };
            proptest::prop_assert_eq!(names_indicator(&np, ind), padded, "{}", np);
            // An indicator outside the catalog's slice (a copy) is read
            // without the table, to the same answer.
            let copy = *ind;
            proptest::prop_assert!(lower_names(&copy).is_none());
            proptest::prop_assert!(lower_names(ind).is_some());
            proptest::prop_assert_eq!(names_indicator(&np, &copy), padded, "{}", np);
        }
    }
}
