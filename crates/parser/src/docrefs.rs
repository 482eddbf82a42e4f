//! Cited documents: "Kế hoạch số 02/KH-UBND ngày 11/01/2024 của UBND
//! tỉnh", "Chỉ thị số 19-CT/TU", "Đề án 06/CP", "Luật Đất đai".

use std::sync::LazyLock;

use baocao_domain::{DocumentRef, Span};
use chrono::NaiveDate;
use regex::Regex;

/// Type words and their abbreviations.
const TYPES: &[(&str, &str)] = &[
    ("Nghị quyết", "NQ"),
    ("Nghị định", "NĐ"),
    ("Quyết định", "QĐ"),
    ("Chỉ thị", "CT"),
    ("Kế hoạch", "KH"),
    ("Kết luận", "KL"),
    ("Công điện", "CĐ"),
    ("Công văn", "CV"),
    ("Văn bản", "CV"),
    ("Thông báo", "TB"),
    ("Thông tư", "TT"),
    ("Báo cáo", "BC"),
    ("Tờ trình", "TTr"),
    ("Hướng dẫn", "HD"),
    ("Đề án", "DA"),
    ("Chương trình", "CTr"),
    ("Quy định", "QĐi"),
    ("Pháp lệnh", "PL"),
    ("Luật", "LUAT"),
];

/// Abbreviations that name a document type when they open a number's code.
const TYPE_CODES: &[&str] = &[
    "NQ", "NĐ", "QĐ", "CT", "KH", "KL", "CĐ", "TB", "TT", "BC", "TTr", "HD", "CV", "QC", "QĐi",
    "ĐA", "DA", "CTr", "TTLT", "NQLT", "PL", "L",
];

/// The pattern of numbered documents: read by hand (`numbered_at`), kept
/// as the tests' oracle.
#[cfg(test)]
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    // Verbose mode ignores spaces: the type words' spaces become \s+.
    let types: Vec<String> = TYPES.iter().map(|(w, _)| w.replace(' ', r"\s+")).collect();
    Regex::new(&format!(
        r"(?x)
        (?:(?P<type>{})\s+(?:số\s*)?)?
        (?P<number>
            \d{{1,5}}(?:[/-]\d{{4}})?/
              (?:(?:{})\x20-\s?[A-ZĐƯ](?:&?[A-ZĐƯ0-9])+\b|[A-ZĐƯ](?:&?[A-Za-zĐđƯư0-9])*)
              (?:-[A-ZĐƯ](?:&?[A-Za-zĐđƯư0-9])*)*
          | \d{{1,5}}(?:\x20-\x20?|-\x20?)[A-ZĐƯ][A-Za-zĐđƯư]{{0,4}}/[A-ZĐƯ][A-Za-zĐđƯư]*(?:-[A-ZĐƯ][A-Za-zĐđƯư]*)*
        )
        (?:\s+ngày\s+(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}}))?
        ",
        types.join("|"),
        TYPE_CODES.join("|")
    ))
    .expect("document number pattern")
});

/// What every [`LAW`] match starts with.
const LAW_WORDS: [&str; 3] = ["Luật ", "Bộ luật ", "Pháp lệnh "];

static LAW_STARTS: LazyLock<[memchr::memmem::Finder<'static>; 3]> =
    LazyLock::new(|| LAW_WORDS.map(|w| memchr::memmem::Finder::new(w.as_bytes())));

/// Where a [`LAW`] match starting at `at` with word `k` ends: after the
/// word, its space and a letter, if a letter follows (`\p{L}` is within
/// `is_alphabetic`, as long as std's Unicode tables are not older than the
/// regex crate's).
fn law_bound(text: &str, at: usize, k: usize) -> Option<usize> {
    let after = at + LAW_WORDS[k].len();
    let c = text[after..].chars().next().filter(|c| c.is_alphabetic())?;
    Some(after + c.len_utf8())
}

static LAW: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?P<kind>Luật|Bộ luật|Pháp lệnh) \p{L}").expect("law pattern"));

/// The end of a law's name starting at `at`: its first word, then lowercase
/// words (or a body's name, "Chính phủ") up to a stop word (at most nine:
/// "Luật Ban hành văn bản quy phạm pháp luật" has eight), then "năm YYYY"
/// if written. A
/// detached mark inside the name (PDF damage) is kept as written.
fn law_name_end(text: &str, at: usize) -> Option<usize> {
    if let Some(end) = amending_law_end(text, at) {
        return Some(end);
    }
    let mut end = at;
    let mut words = 0;
    let mut skip_to = 0;
    // A name ends with its paragraph: "luật;\nCăn cứ" is not one word;
    // but a line ending in "và" between bodies goes on ("Luật Tổ chức
    // HĐND và" / "UBND ngày ..."): the break is read as a space (one byte
    // for one, offsets unchanged).
    let line_end = |from: usize| from + text[from..].find('\n').unwrap_or(text.len() - from);
    let first_end = line_end(at);
    let joined;
    let line = if text[at..first_end].ends_with(" và")
        && first_end < text.len()
        && split_words(&text[first_end + 1..line_end(first_end + 1)])
            .next()
            .is_some_and(|(_, n)| {
                is_abbreviation(n.trim_end_matches([',', ';', '.']))
                    || LAW_BODIES
                        .iter()
                        .any(|b| text[first_end + 1..].starts_with(b))
            }) {
        joined = text[at..line_end(first_end + 1)].replace('\n', " ");
        joined.as_str()
    } else {
        &text[at..first_end]
    };
    for (i, w) in split_words(line) {
        if i < skip_to {
            continue;
        }
        // The body a law organises is named capitalised: "Luật Tổ chức
        // Chính phủ", "Luật Tổ chức Hội đồng nhân dân".
        if words > 0
            && let Some(body) = LAW_BODIES.iter().find(|b| {
                text[at + i..]
                    .strip_prefix(**b)
                    .is_some_and(|r| !r.starts_with(baocao_domain::text::is_alphanumeric))
            })
        {
            end = at + i + body.len();
            skip_to = i + body.len();
            words += 1;
            continue;
        }
        let letters = w.trim_end_matches(|c: char| {
            !baocao_domain::text::is_alphabetic(c) && !baocao_domain::text::is_combining_mark(c)
        });
        let after = &line[(i + w.len() + 1).min(line.len())..];
        let ok = if words == 0 {
            !letters.is_empty() && letters.chars().all(baocao_domain::text::is_alphabetic)
        } else {
            !letters.is_empty()
                && (letters.chars().all(char::is_lowercase)
                    || letters.chars().all(baocao_domain::text::is_combining_mark)
                    // An abbreviated body: "Luật Tổ chức HĐND và UBND".
                    || is_abbreviation(letters)
                    // A field capitalised: "Luật Bảo hiểm Xã hội".
                    || capitalised_field(letters, w, after))
        };
        // "và" joins two bodies ("HĐND và UBND", "Hội đồng nhân dân và Ủy
        // ban nhân dân") or paired verbs ("Bảo vệ và phát triển rừng");
        // "của" names the councils a law governs ("... pháp luật của Hội
        // đồng nhân dân, Ủy ban nhân dân"); else both end the name.
        let word_after = |p: &&str| {
            after
                .strip_prefix(*p)
                .is_some_and(|r| r.is_empty() || r.starts_with([' ', ',', ';']))
        };
        let joins_bodies = w.len() == letters.len()
            && match letters {
                "và" => {
                    split_words(after)
                        .next()
                        .is_some_and(|(_, n)| is_abbreviation(n.trim_end_matches([',', ';', '.'])))
                        || LAW_BODIES.iter().any(|b| after.starts_with(b))
                        || PAIRED_AFTER_AND.iter().any(word_after)
                }
                "của" => COUNCILS.iter().any(word_after),
                _ => false,
            };
        if !ok || (LAW_STOPS.contains(&letters) && !joins_bodies) || words >= 9 {
            break;
        }
        end = at + i + letters.len();
        words += 1;
        // A comma between paired verbs goes on with the name: "Luật Quản
        // lý, sử dụng tài sản công", "Luật Phòng, chống tham nhũng".
        let paired = w.len() == letters.len() + 1
            && w.ends_with(',')
            && PAIRED_AFTER_COMMA.iter().any(|p| {
                after
                    .strip_prefix(p)
                    .is_some_and(|r| r.is_empty() || r.starts_with(' '))
            });
        if letters.len() != w.len() && !paired {
            break;
        }
    }
    if words == 0 {
        return None;
    }
    let rest = &text[end..];
    if let Some(y) = rest.strip_prefix(" năm ")
        && y.len() >= 4
        && y.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && !y.as_bytes().get(4).is_some_and(u8::is_ascii_digit)
    {
        end += " năm ".len() + 4;
    }
    Some(end)
}

/// Words after a comma that go on with a law's name (the second of two
/// paired verbs).
const PAIRED_AFTER_COMMA: &[&str] = &["sử dụng", "chống", "bổ sung", "chăm sóc"];

/// Words after "và" that go on with a law's name (the second of two paired
/// verbs: "Luật Bảo vệ và phát triển rừng", "Luật Bảo vệ, chăm sóc và
/// giáo dục trẻ em").
const PAIRED_AFTER_AND: &[&str] = &["phát triển", "giáo dục", "chăm sóc", "sử dụng", "bảo vệ"];

/// The councils a law's name may name after "của" ("Luật Ban hành văn bản
/// quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân").
const COUNCILS: &[&str] = &[
    "Hội đồng nhân dân",
    "Ủy ban nhân dân",
    "Uỷ ban nhân dân",
    "HĐND",
    "UBND",
];

/// Whether `letters` (the word `w` trimmed), a capitalised word inside a
/// law's name, is a field written capitalised ("Luật Bảo hiểm Xã hội"):
/// a lowercase word follows it, and it opens no document, ground or law.
fn capitalised_field(letters: &str, w: &str, after: &str) -> bool {
    let mut cs = letters.chars();
    w.len() == letters.len()
        && cs.next().is_some_and(char::is_uppercase)
        && cs.clone().next().is_some()
        && cs.all(char::is_lowercase)
        && after.starts_with(char::is_lowercase)
        && !LAW_STOPS.contains(&after.split(' ').next().unwrap_or(""))
        && !opens_document(&format!("{letters} {after}"))
        && !LINE_OPENERS.iter().any(|o| o.starts_with(letters))
}

/// An abbreviation in capitals of two letters or more ("HĐND", "UBND").
fn is_abbreviation(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase())
}

/// The end of an amending law's name starting at `at`: "sửa đổi, bổ sung
/// (một số điều) của Luật A (và Luật B)", the laws amended named in full
/// (their name may start on the next line, after "của"), then their date
/// if written.
fn amending_law_end(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let head = rest
        .strip_prefix("sửa đổi, bổ sung")
        .or_else(|| rest.strip_prefix("Sửa đổi, bổ sung"))?;
    let line_end = head.find('\n').unwrap_or(head.len());
    let of = head[..line_end].find(" của")?;
    let mut p = at + (rest.len() - head.len()) + of + " của".len();
    let mut end = None;
    loop {
        let gap = text[p..].len() - text[p..].trim_start_matches([' ', '\n']).len();
        if !text[p + gap..].starts_with("Luật ") || gap == 0 || gap > 1 {
            break;
        }
        let name = p + gap + "Luật ".len();
        let e = law_name_end(text, name)?;
        end = Some(e);
        let after = &text[e..];
        p = match after
            .strip_prefix(" và")
            .or_else(|| after.strip_prefix(","))
        {
            Some(r) => e + (after.len() - r.len()),
            None => break,
        };
    }
    end
}

/// Bodies a law's name holds capitalised.
const LAW_BODIES: &[&str] = &[
    "Chính phủ",
    "Quốc hội",
    "Hội đồng nhân dân",
    "Ủy ban nhân dân",
    "Uỷ ban nhân dân",
    "Tòa án nhân dân",
    "Toà án nhân dân",
    "Viện kiểm sát nhân dân",
    "Kiểm toán nhà nước",
    "Nhà nước",
];

/// Words that end an issuer phrase after "của" ("ban" only before "hành":
/// "Ủy ban nhân dân" is a name; "thông" only before "qua" or "báo").
const ISSUER_STOPS: &[&str] = &[
    "về", "nhằm", "để", "theo", "trong", "tại", "và", "thông", "ban", "phê", "quy", "hướng", "đã",
    "được", "đối", "cho", "với", "trên", "là", "thực", "sửa", "đẩy",
];

/// Verb phrases that end an issuer phrase even capitalised, as a document's
/// subject is often written ("của Chính phủ Ban hành Quy định ...").
const ISSUER_STOP_PHRASES: &[(&str, &str)] = &[
    ("ban", "hành"),
    ("quy", "định"),
    ("sửa", "đổi"),
    ("thực", "hiện"),
    ("phê", "duyệt"),
    ("hướng", "dẫn"),
    ("về", "việc"),
];

/// Whether `word` (trimmed of punctuation), followed by `next`, ends an
/// issuer phrase.
fn is_issuer_stop(word: &str, next: &str) -> bool {
    let next = next.to_lowercase();
    if word.starts_with(char::is_lowercase) {
        return match word {
            "ban" => next.starts_with("hành"),
            // "thông qua", "thông báo"; "Truyền thông" is a name.
            "thông" => next.starts_with("qua") || next.starts_with("báo"),
            _ => ISSUER_STOPS.contains(&word),
        };
    }
    let lower = word.to_lowercase();
    ISSUER_STOP_PHRASES
        .iter()
        .any(|(w, n)| *w == lower && next.trim_end_matches([',', ';', '.']) == *n)
}

/// Whether the words from `rest` on open a document ("Kế hoạch số ...").
fn opens_document(rest: &str) -> bool {
    TYPES.iter().any(|(t, _)| {
        rest.strip_prefix(t)
            .is_some_and(|after| after.is_empty() || after.starts_with(' '))
    })
}

/// Whether `text` opens with a numbered citation: a type word, "số" if
/// written, and a number with its code ("Quyết định số 924/QĐ-TTg",
/// "Thông tư 05/2022/TT-BNNPTNT", "Nghị quyết số 05-NQ/TU"); not a name
/// that merely begins with a type word ("Kế hoạch sản xuất vụ đông",
/// "Chương trình 135").
pub(crate) fn opens_citation(text: &str) -> bool {
    TYPES.iter().any(|(t, _)| {
        let Some(after) = text.strip_prefix(t) else {
            return false;
        };
        let after = after.strip_prefix(" số").unwrap_or(after);
        let Some(n) = after.strip_prefix(' ') else {
            return false;
        };
        let digits = n.bytes().take_while(u8::is_ascii_digit).count();
        (1..=5).contains(&digits) && n[digits..].starts_with(['/', '-'])
    })
}

/// Words that end a law's name.
const LAW_STOPS: &[&str] = &[
    "năm", "mới", "và", "để", "của", "về", "theo", "thuộc", "đã", "được", "có", "sửa", "số",
    "hiện", "hướng", "trong", "tại", "ngày", "thì", "khi", "như",
];

/// Words that open a decision's next ground or article, not an issuer's
/// name carried onto a new line.
const LINE_OPENERS: &[&str] = &["Căn cứ", "Xét", "Theo", "Điều", "Nơi nhận", "Thực hiện"];

/// Whether `line`, the line after an issuer's first line, may carry the
/// rest of its name: it opens with a capitalised word (no number) that
/// starts no ground, article or document, and it is not a line in
/// capitals (a type line or heading, "QUYẾT ĐỊNH:").
fn carries_issuer(line: &str) -> bool {
    let first = line.split([' ', '\n']).next().unwrap_or("");
    line.starts_with(char::is_uppercase)
        // A word, not a heading's number ("II.", "A-").
        && first.chars().all(baocao_domain::text::is_alphabetic)
        && line.chars().any(char::is_lowercase)
        && !opens_document(line)
        && !LINE_OPENERS.iter().any(|o| {
            line.strip_prefix(o)
                .is_some_and(|r| !r.starts_with(baocao_domain::text::is_alphanumeric))
        })
}

fn issuer_after(text: &str, at: usize) -> Option<(String, usize)> {
    let rest = &text[at..];
    let rest_trim = rest
        .strip_prefix(", ")
        .or_else(|| rest.strip_prefix(' '))
        .unwrap_or(rest);
    let lead = rest.len() - rest_trim.len();
    // "của" may end its line, the issuer on the next ("của" / "Bộ Ngoại
    // giao").
    // A title in capitals writes "CỦA BỘ CHÍNH TRỊ" (as long as "của ").
    let body = match rest_trim
        .strip_prefix("của ")
        .or_else(|| rest_trim.strip_prefix("CỦA "))
    {
        Some(b) => b,
        None => rest_trim
            .strip_prefix("của\n")
            .filter(|b| carries_issuer(b))?,
    };
    let line = &body[..body.find('\n').unwrap_or(body.len())];
    let mut end = issuer_end(line);
    // A name the line's end cuts ("của UBND tỉnh Thừa" / "Thiên Huế ban
    // hành ...") goes on over the break when nothing ended it.
    if end == line.len() && line.len() < body.len() && carries_issuer(&body[line.len() + 1..]) {
        let next = &body[line.len() + 1..];
        let two = &body[..line.len() + 1 + next.find('\n').unwrap_or(next.len())];
        end = issuer_end(two);
    }
    (end > 0).then(|| {
        (
            body[..end].replace('\n', " "),
            at + lead + "của ".len() + end,
        )
    })
}

/// Where an issuer phrase at the start of `body` (one line, or two joined
/// by a line break) ends.
fn issuer_end(body: &str) -> usize {
    // A department's or ministry's name joins words with "và" or a comma
    // ("Sở Khoa học và Công nghệ", "Bộ Văn hóa, Thể thao và Du lịch"):
    // there a capitalised word that opens no document goes on with it.
    let named_body = body.starts_with("Sở ") || body.starts_with("Bộ ");
    let goes_on = |at: usize| {
        named_body
            && body[at..].starts_with(|c: char| c.is_uppercase())
            && !opens_document(&body[at..])
    };
    // (The loop reads at most 14 words and the one after the last: not
    // the rest of a long paragraph.)
    let words: Vec<(usize, &str)> = split_words_or_lines(body).take(16).collect();
    // A phrase in capitals ("BỘ CHÍNH TRỊ VỀ TIẾP TỤC ...", a title's)
    // ends where its words in lower case would.
    let capitals = words.len() >= 3
        && words[..3]
            .iter()
            .all(|(_, w)| w.chars().any(char::is_uppercase) && !w.chars().any(char::is_lowercase));
    let mut end = 0;
    for (k, &(i, w)) in words.iter().enumerate() {
        let clean = w.trim_end_matches([',', ';', '.', ':', ')']);
        let lower;
        let clean_for_stop = if capitals {
            lower = clean.to_lowercase();
            lower.as_str()
        } else {
            clean
        };
        let next = words.get(k + 1).map_or("", |(_, n)| n);
        let next_at = words.get(k + 1).map_or(body.len(), |(j, _)| *j);
        let stop = if clean == "và" && goes_on(next_at) {
            false
        } else {
            (k > 0 || clean_for_stop.starts_with(char::is_lowercase))
                && is_issuer_stop(clean_for_stop, next)
        };
        // A word with '/' is a number (a heading's "1/" run on), no name.
        if stop
            || k >= if named_body { 14 } else { 8 }
            || clean.is_empty()
            || clean.starts_with(['(', '“', '"'])
            || clean.contains('/')
        {
            break;
        }
        end = i + clean.len();
        if clean.len() != w.len()
            && !(w.ends_with(',') && clean.len() + 1 == w.len() && goes_on(next_at))
        {
            break;
        }
    }
    end
}

/// Words split at spaces and line breaks, with their offsets.
fn split_words_or_lines(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split([' ', '\n']).scan(0usize, |pos, w| {
        let start = *pos;
        *pos += w.len() + 1;
        Some((start, w))
    })
}

/// Documents cited by a type word, "số" and a number with no code
/// ("Chỉ thị số 11", "Thông báo số 18,"): where each starts, where its
/// number ends, and its type's abbreviation. The number is one to five
/// digits that no code, fraction or letter follows.
fn codeless(text: &str) -> Vec<(usize, usize, &'static str)> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices(" số ") {
        let before = &text[..i];
        let Some((word, abbr)) = TYPES.iter().find(|(w, _)| {
            *w != "Luật"
                && before.ends_with(w)
                && !before[..before.len() - w.len()]
                    .chars()
                    .next_back()
                    .is_some_and(baocao_domain::text::is_alphanumeric)
        }) else {
            continue;
        };
        let at = i + " số ".len();
        let n = text[at..].bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 || n > 5 {
            continue;
        }
        let rest = &text[at + n..];
        // A code after a spaced dash ("100 - KL/TW", "120 -KL/TU") is no
        // number alone.
        if rest.trim_start_matches(' ').starts_with(['-', '–', '/']) {
            continue;
        }
        let mut cs = rest.chars();
        let next = cs.next();
        let after = cs.next();
        let ok = match next {
            None => true,
            Some(c) if baocao_domain::text::is_alphanumeric(c) => false,
            // A code, a fraction or a decimal: "11/CT-TTg", "19-CT/TU", "1.234".
            Some('/' | '-' | '.' | ',') => !after.is_some_and(baocao_domain::text::is_alphanumeric),
            Some(_) => true,
        };
        if ok {
            out.push((i - word.len(), at + n, *abbr));
        }
    }
    out
}

fn split_words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split(' ').scan(0usize, |pos, w| {
        let start = *pos;
        *pos += w.len() + 1;
        Some((start, w))
    })
}

fn type_from_code(number: &str) -> Option<String> {
    // "19-CT/TU": between '-' and '/'; "02/KH-UBND", "72/2021/QĐ-UBND": the
    // first letters after the last numeric part.
    if let Some((head, _)) = number.split_once('/')
        && let Some((_, t)) = head.split_once('-')
        && t.starts_with(|c: char| baocao_domain::text::is_alphabetic(c))
    {
        return Some(t.to_owned());
    }
    let code = number
        .split('/')
        .find(|p| p.starts_with(|c: char| baocao_domain::text::is_alphabetic(c)))?;
    let first = code.split('-').next()?;
    TYPE_CODES.contains(&first).then(|| first.to_owned())
}

fn issuer_from_code(number: &str) -> String {
    if let Some((head, tail)) = number.split_once('/')
        && head
            .split_once('-')
            .is_some_and(|(_, t)| t.starts_with(|c: char| baocao_domain::text::is_alphabetic(c)))
    {
        return tail.to_owned();
    }
    let code = number
        .split('/')
        .find(|p| p.starts_with(|c: char| baocao_domain::text::is_alphabetic(c)))
        .unwrap_or("");
    match code.split_once('-') {
        Some((t, issuer)) if TYPE_CODES.contains(&t) => issuer.to_owned(),
        Some((issuer, _)) => issuer.to_owned(),
        None => code.to_owned(),
    }
}

/// Whether the ASCII byte `b` can never stand inside a `NUMBERED` match:
/// punctuation other than '/' and '-' (the pattern is made of letters,
/// digits, whitespace, '/' and '-').
fn is_barrier(b: u8) -> bool {
    b.is_ascii_punctuation() && b != b'/' && b != b'-' && b != b'&'
}

/// The stretches of `text` between barriers (see [`is_barrier`]) that may
/// hold a `NUMBERED` match, in order. Every match holds a '/' or '-'
/// followed by a capital A-Z or 'Đ' (the code after the number), so only a
/// stretch with one is searched: not dates, fractions or "đồng/kg", the
/// common slashes, nor the dash between words. The pattern has no
/// look-around and never matches across a barrier, so searching these
/// stretches finds exactly the matches of the whole text, for a fraction of
/// the regex's cost (~0.4 M instructions per seed parse).
fn numbered_segments(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let b = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            let at = from + memchr::memchr2(b'/', b'-', &b[from..])?;
            from = at + 1;
            let capital_after = match b.get(at + 1..) {
                Some([x, ..]) if x.is_ascii_uppercase() => true,
                Some([0xc4, 0x90, ..]) => true, // 'Đ'
                Some([0xc6, 0xaf, ..]) => true, // 'Ư'
                _ => false,
            };
            if !capital_after {
                continue;
            }
            let start = b[..at]
                .iter()
                .rposition(|&x| is_barrier(x))
                .map_or(0, |i| i + 1);
            let end = b[at..]
                .iter()
                .position(|&x| is_barrier(x))
                .map_or(b.len(), |i| at + i);
            from = end;
            return Some(start..end);
        }
    })
}

/// A hand-written reader of `NUMBERED`: `numbered_at(text, from)` is
/// the range `NUMBERED.find_at(text, from)` gives. Each place that can
/// open a match (a capital that opens a type word, a digit) is tried in
/// order, and there the pattern is read as its leftmost-first search
/// reads it:
/// - a type word (its words split by `\s+`) is taken when it stands there;
///   then `\s+`, "số" if there, `\s*` and the number must follow (without
///   the type the number would have to open with the type's letter);
/// - `\d{1,5}` is followed by '/' or '-' in both alternatives, so it
///   matches only a whole run of at most five digits;
/// - `(?:/\d{4})?` is taken when it stands there ('/' then a digit cannot
///   be the '/' and capital that must follow otherwise);
/// - `[A-Za-zĐđƯư]{0,4}` is followed by '/': a whole run of at most four;
/// - the repeated parts and the date are taken as far as they go (what
///   follows them is optional).
fn numbered_at(text: &str, from: usize) -> Option<std::ops::Range<usize>> {
    let b = text.as_bytes();
    let mut p = from;
    while p < b.len() {
        match b[p] {
            // Type words open with one of these capitals (Đ: 0xC4 0x90).
            b'N' | b'Q' | b'C' | b'K' | b'V' | b'T' | b'B' | b'H' | b'P' | b'L' | 0xC4 => {
                if let Some(end) = numbered_match_at(text, p) {
                    return Some(p..end);
                }
            }
            // Digits: ASCII or from U+0660 (lead bytes 0xD9 and up). Every
            // start in a run of digits reads the same code after the run:
            // a run not followed by '/' or '-' is passed over, and in one
            // that is, the first start with at most five digits after it
            // is the only one that can match.
            c if c.is_ascii_digit() || c >= 0xD9 => {
                if let Some(mut q) = crate::obs::when::digit_at(text, p) {
                    while let Some(e) = crate::obs::when::digit_at(text, q) {
                        q = e;
                    }
                    if matches!(b.get(q), Some(b'/' | b'-'))
                        || (b.get(q) == Some(&b' ') && b.get(q + 1) == Some(&b'-'))
                    {
                        let mut s = p;
                        while s < q {
                            if let Some(end) = numbered_match_at(text, s) {
                                return Some(s..end);
                            }
                            s = crate::obs::when::digit_at(text, s).unwrap_or(q);
                        }
                    }
                    p = q;
                    continue;
                }
            }
            _ => {}
        }
        p += 1;
    }
    None
}

/// The end of the `NUMBERED` match that starts at `p`, if one does.
fn numbered_match_at(text: &str, p: usize) -> Option<usize> {
    let b = text.as_bytes();
    let digit = |q: usize| crate::obs::when::digit_at(text, q);
    let space = |q: usize| {
        text.get(q..)?
            .chars()
            .next()
            .filter(|c| c.is_whitespace())
            .map(|c| q + c.len_utf8())
    };
    let spaces = |mut q: usize| {
        while let Some(e) = space(q) {
            q = e;
        }
        q
    };
    let lit = |q: usize, s: &str| b[q..].starts_with(s.as_bytes()).then_some(q + s.len());
    // [A-ZĐƯ] and [A-Za-zĐđƯư] (and digits where `digits`): party codes
    // write "TƯ" (Trung ương) as well as "TW".
    let capital = |q: usize| match b.get(q) {
        Some(x) if x.is_ascii_uppercase() => Some(q + 1),
        Some(0xC4) if b.get(q + 1) == Some(&0x90) => Some(q + 2),
        Some(0xC6) if b.get(q + 1) == Some(&0xAF) => Some(q + 2), // 'Ư'
        _ => None,
    };
    let letter = |q: usize, digits: bool| match b.get(q) {
        Some(x) if x.is_ascii_alphabetic() => Some(q + 1),
        Some(0xC4) if matches!(b.get(q + 1), Some(0x90 | 0x91)) => Some(q + 2),
        Some(0xC6) if matches!(b.get(q + 1), Some(0xAF | 0xB0)) => Some(q + 2), // 'Ư', 'ư'
        Some(x) if digits && x.is_ascii_digit() => Some(q + 1),
        _ => None,
    };
    let letters = |mut q: usize, digits: bool| {
        while let Some(e) = letter(q, digits) {
            q = e;
        }
        q
    };
    // (?:&?[A-Za-zĐđƯư0-9])*: "SKH&ĐT", "NN&PTNT".
    let code_letters = |mut q: usize| {
        loop {
            if let Some(e) = letter(q, true) {
                q = e;
            } else if b.get(q) == Some(&b'&')
                && let Some(e) = letter(q + 1, true)
            {
                q = e;
            } else {
                return q;
            }
        }
    };
    // The type word, its spaces and "số".
    let mut q = p;
    let first = b[p];
    let types = TYPES
        .iter()
        .filter(|(t, _)| !first.is_ascii_digit() && t.as_bytes()[0] == first);
    for (t, _) in types {
        let mut at = Some(p);
        for (k, word) in t.split(' ').enumerate() {
            at = at.and_then(|a| {
                let a = if k > 0 {
                    let e = space(a)?;
                    spaces(e)
                } else {
                    a
                };
                lit(a, word)
            });
        }
        if let Some(a) = at {
            let e = spaces(space(a)?);
            q = lit(e, "số").map_or(e, spaces);
            break;
        }
    }
    // The number: a run of one to five digits.
    let mut n = 0;
    while let Some(e) = digit(q) {
        q = e;
        n += 1;
        if n > 5 {
            return None;
        }
    }
    if n == 0 {
        return None;
    }
    // "19-2018/NQ-CP": the year joined by a dash (`[/-]\d{4}`), read as
    // "19/2018/NQ-CP" is.
    let dash_year = (b.get(q) == Some(&b'-'))
        .then(|| digit(q + 1).and_then(digit).and_then(digit).and_then(digit))
        .flatten()
        .filter(|&e| b.get(e) == Some(&b'/'));
    let mut end = match (b.get(q), dash_year) {
        (_, Some(slash)) => {
            let first = code_letters(capital(slash + 1)?);
            let mut e = spaced_after_type(text, slash + 1, first).unwrap_or(first);
            while b.get(e) == Some(&b'-')
                && let Some(c) = capital(e + 1)
            {
                e = code_letters(c);
            }
            e
        }
        (Some(b'/'), None) => {
            // (?:/\d{4})?/[A-ZĐƯ][A-Za-zĐđƯư0-9]*(?:-[A-ZĐƯ][A-Za-zĐđƯư0-9]*)*:
            // a Quốc hội code ends in the legislature's number ("QH15").
            let year = digit(q + 1)
                .and_then(digit)
                .and_then(digit)
                .and_then(digit)
                .filter(|&e| b.get(e) == Some(&b'/'));
            let q = year.unwrap_or(q);
            let first = code_letters(capital(q + 1)?);
            let mut e = spaced_after_type(text, q + 1, first).unwrap_or(first);
            while b.get(e) == Some(&b'-')
                && let Some(c) = capital(e + 1)
            {
                e = code_letters(c);
            }
            e
        }
        (Some(b'-' | b' '), None) => {
            // (?:\x20-\x20?|-\x20?): "19-CT/TU", "100 - KL/TW".
            let q = if b[q] == b' ' {
                if b.get(q + 1) != Some(&b'-') {
                    return None;
                }
                q + 1
            } else {
                q
            };
            let q = if b.get(q + 1) == Some(&b' ') {
                q + 1
            } else {
                q
            };
            // -[A-ZĐƯ][A-Za-zĐđƯư]{0,4}/[A-ZĐƯ][A-Za-zĐđƯư]*(?:-[A-ZĐƯ][A-Za-zĐđƯư]*)*
            let mut e = capital(q + 1)?;
            let mut k = 0;
            while let Some(x) = letter(e, false) {
                e = x;
                k += 1;
                if k > 4 {
                    return None;
                }
            }
            if b.get(e) != Some(&b'/') {
                return None;
            }
            let mut e = letters(capital(e + 1)?, false);
            while b.get(e) == Some(&b'-')
                && let Some(c) = capital(e + 1)
            {
                e = letters(c, false);
            }
            e
        }
        _ => return None,
    };
    // (?:\s+ngày\s+D/M/Y)?, D and M runs of one or two digits.
    let date = (|| {
        let e = lit(spaces(space(end)?), "ngày")?;
        let mut e = spaces(space(e)?);
        for k in 0..3 {
            let mut n = 0;
            while let Some(x) = digit(e) {
                e = x;
                n += 1;
                if k == 2 && n == 4 {
                    break;
                }
            }
            match k {
                0 | 1 if (1..=2).contains(&n) && b.get(e) == Some(&b'/') => e += 1,
                2 if n == 4 => {}
                _ => return None,
            }
        }
        Some(e)
    })();
    if let Some(e) = date {
        end = e;
    }
    Some(end)
}

/// After a code's first part `text[start..end]`, a spaced dash and the
/// issuing body's code in capitals when that part is a type's code only
/// ("473/TTr - NN&PTNT", the dash maybe ending its line): where the body's
/// code ends. As the pattern reads `(?:TYPE)\x20-\s?[A-ZĐƯ](?:&?[A-ZĐƯ0-9])+\b`:
/// the longest run of capitals and digits (joined by '&') after which a
/// word ends.
fn spaced_after_type(text: &str, start: usize, end: usize) -> Option<usize> {
    let b = text.as_bytes();
    if !TYPE_CODES.contains(&&text[start..end]) || !b[end..].starts_with(b" -") {
        return None;
    }
    let upper = |q: usize| match b.get(q) {
        Some(x) if x.is_ascii_uppercase() || x.is_ascii_digit() => Some(q + 1),
        Some(0xC4) if b.get(q + 1) == Some(&0x90) => Some(q + 2), // 'Đ'
        Some(0xC6) if b.get(q + 1) == Some(&0xAF) => Some(q + 2), // 'Ư'
        _ => None,
    };
    let word_ends = |q: usize| {
        !text[q..].chars().next().is_some_and(|c| {
            c.is_alphanumeric() || c == '_' || baocao_domain::text::is_combining_mark(c)
        })
    };
    let body_code = |q: usize| {
        // [A-ZĐƯ], then (&?[A-ZĐƯ0-9])+: digits cannot open it.
        if b.get(q).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let mut e = upper(q)?;
        let mut best = None;
        loop {
            let next =
                upper(e).or_else(|| (b.get(e) == Some(&b'&')).then(|| upper(e + 1)).flatten());
            match next {
                Some(x) => {
                    e = x;
                    if word_ends(e) {
                        best = Some(e);
                    }
                }
                None => return best,
            }
        }
    };
    let dash = end + 2;
    let one_space = text[dash..]
        .chars()
        .next()
        .filter(|c| c.is_whitespace())
        .map(|c| dash + c.len_utf8());
    one_space.and_then(body_code).or_else(|| body_code(dash))
}

/// The groups of one `NUMBERED` match, as byte ranges of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Numbered {
    whole: std::ops::Range<usize>,
    doc_type: Option<std::ops::Range<usize>>,
    number: std::ops::Range<usize>,
    /// Day, month, year.
    date: Option<[std::ops::Range<usize>; 3]>,
}

/// The `NUMBERED` matches of `text` with their groups, as
/// `captures_iter` gives them: each match is found by hand
/// (`numbered_at`), and its groups are read off it by hand. (The capture engine
/// cost ~11 K instructions a match, however short the text.)
///
/// The reading follows the pattern: a match that does not open with a
/// digit opens with a type word, whose group ends where the whitespace
/// (and "số") before the number begin; the number runs from the first
/// digit to the first whitespace (it holds none); what follows it, if
/// anything, is `\s+ngày\s+D/M/Y`.
fn numbered_matches(text: &str) -> impl Iterator<Item = Numbered> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let range = numbered_at(text, from)?;
        from = range.end;
        Some(range)
    })
    .map(|range| {
        let s = &text[range.clone()];
        // Type words and "số" are letters and whitespace; the number opens
        // with a (Unicode) digit, neither.
        let num_start = s
            .find(|c: char| !c.is_alphabetic() && !c.is_whitespace())
            .unwrap_or(s.len());
        let doc_type = (num_start > 0).then(|| {
            let head = s[..num_start].trim_end();
            let head = head.strip_suffix("số").map_or(head, str::trim_end);
            range.start..range.start + head.len()
        });
        // The number may hold a spaced dash ("100 - KL/TW"), never "ngày".
        let num_end = s[num_start..].find("ngày").map_or(s.len(), |i| {
            num_start + s[num_start..num_start + i].trim_end().len()
        });
        let date = (num_end < s.len()).then(|| {
            // Whitespace, "ngày", whitespace, then D/M/Y: digits and two
            // slashes.
            let rest = s[num_end..].trim_start();
            let after = rest.strip_prefix("ngày").unwrap_or(rest).trim_start();
            let d0 = range.end - after.len();
            let mut slashes = after.match_indices('/').map(|(i, _)| d0 + i);
            let (s1, s2) = (slashes.next().unwrap_or(d0), slashes.next().unwrap_or(d0));
            [d0..s1, s1 + 1..s2, s2 + 1..range.end]
        });
        Numbered {
            whole: range.clone(),
            doc_type,
            number: range.start + num_start..range.start + num_end,
            date,
        }
    })
}

/// A date written after a number outside the pattern's "ngày D/M/Y": in
/// words ("ngày 14 tháng 5 năm 2016", often wrapped between "tháng" and
/// its number), or after a comma ("số 6202/UBND-KT, ngày 23/11/2023").
/// "ngày D-M-Y" is read too. Returns the date and where it ends. `slashed`:
/// "ngày D/M/Y" without a comma is read too (after a law's name, where no pattern reads it).
fn date_after(text: &str, at: usize, slashed: bool) -> Option<(NaiveDate, usize)> {
    let rest = &text[at..];
    let spaces = |s: &str| -> Option<usize> {
        let n = s.len() - s.trim_start().len();
        (n > 0).then_some(n)
    };
    let digits = |s: &str, max: usize| -> Option<(u32, usize)> {
        let n = s.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 || n > max {
            return None;
        }
        Some((s[..n].parse().ok()?, n))
    };
    let mut p = usize::from(rest.starts_with(','));
    p += spaces(&rest[p..])?;
    // A title in capitals writes "NGÀY 02 THÁNG 8 NĂM 2012" (each word
    // as long in capitals).
    let word_at = |p: usize, w: &str| {
        let upper = match w {
            "ngày" => "NGÀY",
            "tháng" => "THÁNG",
            _ => "NĂM",
        };
        rest[p..].starts_with(w) || rest[p..].starts_with(upper)
    };
    if !word_at(p, "ngày") {
        return None;
    }
    p += "ngày".len();
    p += spaces(&rest[p..])?;
    let (d, n) = digits(&rest[p..], 2)?;
    p += n;
    // A year has four digits ("năm 5-CT/TW" is a number's).
    let year = |s: &str| digits(s, 4).filter(|&(_, n)| n == 4);
    // "ngày 16-3-2011" (party texts, the press: no pattern reads it), and
    // D/M/Y only after a comma (the pattern reads it otherwise).
    let sep = match rest[p..].chars().next() {
        Some('-') if rest[p + 1..].starts_with(|c: char| c.is_ascii_digit()) => Some('-'),
        Some('/') if slashed || rest.starts_with(',') => Some('/'),
        Some('/') => return None,
        _ => None,
    };
    let (m, y) = if let Some(sep) = sep {
        let (m, n) = digits(&rest[p + 1..], 2)?;
        p += 1 + n;
        let (y, n) = year(rest[p..].strip_prefix(sep)?)?;
        p += 1 + n;
        (m, y)
    } else {
        let mut word = |w: &str| -> Option<u32> {
            p += spaces(&rest[p..])?;
            p += word_at(p, w).then_some(w.len())?;
            p += spaces(&rest[p..])?;
            let (v, n) = if w == "năm" {
                year(&rest[p..])?
            } else {
                digits(&rest[p..], 2)?
            };
            p += n;
            Some(v)
        };
        let m = word("tháng")?;
        let y = word("năm")?;
        (m, y)
    };
    if rest[p..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((NaiveDate::from_ymd_opt(y as i32, m, d)?, at + p))
}

/// Every document cited in `text`, in order. A reference that is followed
/// only by further references before "của X" shares that issuer ("Kế hoạch
/// số 02/KH-UBND ... và Kế hoạch số 22/KH-UBND ... của UBND tỉnh").
pub fn find(text: &str, base: usize) -> Vec<DocumentRef> {
    let mut refs: Vec<(DocumentRef, usize, bool)> = Vec::new(); // ref, end, has own issuer
    let numbered = numbered_segments(text)
        .flat_map(|seg| numbered_matches(&text[seg.clone()]).map(move |c| (seg.start, c)));
    for (seg_start, c) in numbered {
        let at = |r: &std::ops::Range<usize>| &text[seg_start + r.start..seg_start + r.end];
        let m = seg_start + c.whole.start..seg_start + c.whole.end;
        // "100 - KL/TW" is the number "100-KL/TW": spaces are layout.
        let number = at(&c.number).replace([' ', '\n'], "");
        let type_word = c.doc_type.as_ref().map(at);
        let doc_type = type_from_code(&number)
            .or_else(|| {
                type_word
                    .and_then(|w| TYPES.iter().find(|(t, _)| *t == w))
                    .map(|(_, a)| (*a).to_owned())
            })
            .unwrap_or_default();
        let mut issued_on = c.date.as_ref().and_then(|[d, mo, y]| {
            NaiveDate::from_ymd_opt(
                at(y).parse().unwrap_or(0),
                at(mo).parse().unwrap_or(0),
                at(d).parse().unwrap_or(0),
            )
        });
        let mut m = m;
        if c.date.is_none()
            && let Some((d, end)) = date_after(text, m.end, false)
        {
            issued_on = Some(d);
            m.end = end;
        }
        let (issuer, end, own) = match issuer_after(text, m.end) {
            Some((i, end)) => (i, end, true),
            None if doc_type == "LUAT" => ("Quốc hội".to_owned(), m.end, false),
            None => (issuer_from_code(&number), m.end, false),
        };
        refs.push((
            DocumentRef {
                number,
                doc_type,
                issuer,
                issued_on,
                raw: text[m.start..end].to_owned(),
                span: Span::new(base + m.start, base + end),
            },
            m.end,
            own,
        ));
    }
    // Documents cited by their number alone: "Chỉ thị số 11 ngày
    // 13/3/2020 của Thủ tướng Chính phủ", "Nghị quyết số 05 của Tỉnh ủy".
    let numbered_spans: Vec<(u32, u32)> = refs
        .iter()
        .map(|r| (r.0.span.start, r.0.span.end))
        .collect();
    for (start, digits_end, abbr) in codeless(text) {
        let s = (base + start) as u32;
        if numbered_spans.iter().any(|&(a, b)| a <= s && s < b) {
            continue;
        }
        let number_start = text[..digits_end]
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .len();
        let mut m_end = digits_end;
        let mut issued_on = None;
        if let Some((d, e)) = date_after(text, m_end, true) {
            issued_on = Some(d);
            m_end = e;
        }
        let (issuer, end, own) = match issuer_after(text, m_end) {
            Some((i, end)) => (i, end, true),
            None => (String::new(), m_end, false),
        };
        refs.push((
            DocumentRef {
                number: text[number_start..digits_end].to_owned(),
                doc_type: abbr.to_owned(),
                issuer,
                issued_on,
                raw: text[start..end].to_owned(),
                span: Span::new(base + start, base + end),
            },
            m_end,
            own,
        ));
    }
    refs.sort_by_key(|r| r.0.span.start);
    // Chains: share the issuer written after the last of them.
    for i in (0..refs.len()).rev() {
        if refs[i].2 {
            continue;
        }
        let Some(next) = refs.get(i + 1) else {
            continue;
        };
        // A reference that starts inside this one's date (fuzzing:
        // "năm 2005-CT/TW") is no next one in a chain: nothing between.
        let Some(gap) = text.get(refs[i].1..next.0.span.start as usize - base) else {
            continue;
        };
        if next.2 && matches!(gap.trim(), "," | "và" | "" | ", và") {
            let issuer = next.0.issuer.clone();
            refs[i].0.issuer = issuer;
            refs[i].2 = true;
        }
    }
    let mut out: Vec<DocumentRef> = refs.into_iter().map(|(r, _, _)| r).collect();
    // A match is one of the three words, a space and a letter: the regex
    // runs only where one of the words and a space stand.
    // The regex runs only where one of its words and a space stand.
    let law_bound = |at, k| law_bound(text, at, k);
    let mut last_law_end = 0;
    for c in crate::captures_at_starts(&LAW, text, &*LAW_STARTS, law_bound) {
        let kind = c.name("kind").map_or("Luật", |m| m.as_str());
        let start = c.get(0).map_or(0, |m| m.start());
        // The laws an amending law names are part of its name.
        if start < last_law_end {
            continue;
        }
        let name_start = c.name("kind").map_or(0, |m| m.end()) + 1;
        let Some(mut end) = law_name_end(text, name_start) else {
            continue;
        };
        // "Luật Đầu tư công số 58/2024/QH15": the law's number, read as a
        // numbered reference, joins its name.
        let mut number = String::new();
        let mut issued_on = None;
        let numbered_at = base + end + " số ".len();
        if text[end..].starts_with(" số ")
            && let Some(k) = out
                .iter()
                .position(|r| r.span.start as usize == numbered_at)
        {
            let r = out.remove(k);
            number = r.number;
            issued_on = r.issued_on;
            end = r.span.end as usize - base;
        }
        // "Luật Thống kê ngày 23 tháng 11 năm 2015": the law's date.
        if issued_on.is_none()
            && let Some((d, e)) = date_after(text, end, true)
        {
            issued_on = Some(d);
            end = e;
        }
        last_law_end = end;
        out.push(DocumentRef {
            number,
            doc_type: if kind == "Pháp lệnh" {
                "PL".into()
            } else {
                "LUAT".into()
            },
            issuer: "Quốc hội".into(),
            issued_on,
            raw: text[start..end].to_owned(),
            span: Span::new(base + start, base + end),
        });
    }
    out.sort_by_key(|r| r.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    /// `numbered_at` finds, from `from`, what the pattern finds.
    fn numbered_same_from(text: &str, from: usize) -> Result<(), String> {
        let want = NUMBERED.find_at(text, from).map(|m| m.range());
        let got = numbered_at(text, from);
        if want == got {
            Ok(())
        } else {
            Err(format!("from {from}: {want:?} vs {got:?} in {text:?}"))
        }
    }

    /// From every place of the seed, the samples and texts made of the
    /// pattern's pieces, the hand-written reader finds what the pattern
    /// finds.
    #[test]
    fn reader_finds_what_the_numbered_pattern_finds() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/reports");
        let mut texts =
            vec![std::fs::read_to_string(format!("{dir}/000_5b1c2bc8d5408b7b.txt")).unwrap()];
        for e in std::fs::read_dir(format!("{dir}/samples")).unwrap() {
            texts.push(std::fs::read_to_string(e.unwrap().path()).unwrap());
        }
        for t in [
            "Kế hoạch số 02/KH-UBND ngày 11/01/2024, Chỉ thị 19-CT/TU; 123456/KH",
            "Nghị quyết\nsố   01/NQ-CP và Quyết định số 72/2021/QĐ-UBND (ngày 21/12/2021)",
            "5/2024, 12/15, đồng/kg, kinh tế - xã hội, 3-Đa/Đb, x/Y, 7/Đ",
            "Kế hoạch 12/KH ngày 1/2/2024 Kế hoạch số 3-KH/TU ngày 31/12/20245",
            "Kế hoạch số12/KH, Tờ trình\u{a0}số\u{2003}٣/TTr-UBND\tngày\n١/٢/٢٠٢٤ Đề án 06/CP",
            "Chương  trình 1/Đđx-A1-B ngày 1/1/2024x Văn bảnsố 2/CV Báo cáo 3-Bc/XY-Z",
            "1/12/2024/QĐ 12/20245/QĐ 1/QĐ-UB12/QĐ 12/QĐ-5/QĐ 1-ABCDE/X 1-ABCD/X-y-Z 1/A-٣",
            "Quy định Quyết định 5/QĐi ngày 1/2/3 Công văn số /CV Pháp lệnh 1-P/L ngày 011/2/2024",
            "Số 512-KL/TƯ, Nghị quyết 27-NQ/TƯ ngày 2/3/2012, 7/Ưx-ưA, 8-Ư/Tư-Ưư 9/ư",
            "Kết luận số 100 - KL/TW ngày 1/2/2014, 12/KH-SKH&ĐT, 3 -X/Y, 4- Z/W, 5  - A/B, 6&/K&, 7/A&&B, 8 -  C/D",
            "Tờ trình số 473/TTr -\nNN&PTNT ngày 1/2/2007, 1/TTr - AB&cd, 2/TT - A, 3/TTr - ABx, 4/KH -  AB, 5/UBND - UBND, 6/QĐ - Ư1&Đ-X ngày",
            "Nghị quyết số 19-2018/NQ-CP ngày 1/2/2018, 5-20181/QĐ, 6-201/QĐ, 7-2018/x, 8-2018-QĐ, 123456-2018/NQ, 9-2018/TTr - AB",
        ] {
            texts.push(t.to_owned());
        }
        for text in &texts {
            // The whole text, match after match (a match may span lines).
            let want: Vec<_> = NUMBERED.find_iter(text).map(|m| m.range()).collect();
            let mut got = Vec::new();
            let mut from = 0;
            while let Some(r) = numbered_at(text, from) {
                from = r.end;
                got.push(r);
            }
            assert_eq!(got, want);
            // From every place of each line.
            for line in text.lines() {
                for (from, _) in line.char_indices() {
                    numbered_same_from(line, from).unwrap();
                }
            }
        }
    }

    proptest::proptest! {
        /// On texts made of the pattern's words, digits, codes and
        /// separators, from every place, the reader finds what the
        /// pattern finds.
        #[test]
        fn reader_finds_what_the_numbered_pattern_finds_in_pieces(
            text in "((Kế hoạch|Nghị quyết|Nghị|Quy định|Quyết định|Công văn|Tờ trình|Đề án|số|ngày|[0-9٣]{1,6}|/|-|[A-ZĐ]{1,3}|[a-zđ]{1,5}|Đ|Ư|ư|TƯ|TTr|&|x|2024)( |  | |\n|/|-|)){0,12}"
        ) {
            for (from, _) in text.char_indices() {
                if let Err(e) = numbered_same_from(&text, from) {
                    proptest::prop_assert!(false, "{}", e);
                }
            }
        }
    }

    /// Searching the stretches `numbered_segments` gives finds what
    /// searching the whole text finds.
    #[test]
    fn segments_find_every_numbered_match() {
        let seed = include_str!("../../../testdata/reports/000_5b1c2bc8d5408b7b.txt");
        let texts = [
            seed,
            "Kế hoạch số 02/KH-UBND ngày 11/01/2024, Chỉ thị 19-CT/TU; 123456/KH",
            "Nghị quyết\nsố   01/NQ-CP và Quyết định số 72/2021/QĐ-UBND (ngày 21/12/2021)",
            "5/2024, 12/15, đồng/kg, kinh tế - xã hội, 3-Đa/Đb, x/Y, 7/Đ",
            "Số 512-KL/TƯ, Nghị quyết 27-NQ/TƯ ngày 2/3/2012, 7/Ưx-ưA, 9/ư",
            "Kế hoạch số 02/KH-UBND",
            "/K",
        ];
        for text in texts {
            let want: Vec<_> = NUMBERED
                .captures_iter(text)
                .map(|c| c.get(0).map(|m| m.range()))
                .collect();
            let got: Vec<_> = numbered_segments(text)
                .flat_map(|seg| {
                    NUMBERED
                        .captures_iter(&text[seg.clone()])
                        .map(move |c| c.get(0).map(|m| seg.start + m.start()..seg.start + m.end()))
                })
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    /// The groups read by hand are the groups the regex captures.
    #[test]
    fn hand_read_groups_agree_with_captures_iter() {
        let seed = include_str!("../../../testdata/reports/000_5b1c2bc8d5408b7b.txt");
        let texts = [
            seed,
            "Kế hoạch số 02/KH-UBND ngày 11/01/2024, Chỉ thị 19-CT/TU; 123456/KH",
            "Nghị quyết\nsố   01/NQ-CP và Quyết định số 72/2021/QĐ-UBND (ngày 21/12/2021)",
            "Kế hoạch 12/KH ngày 1/2/2024 Kế hoạch số 3-KH/TU ngày 31/12/20245",
            "Kế hoạch số12/KH, Tờ trình\u{a0}số\u{2003}٣/TTr-UBND\tngày\n١/٢/٢٠٢٤ Đề án 06/CP",
            "Chương  trình 1/Đđx-A1-B ngày 1/1/2024x Văn bảnsố 2/CV Báo cáo 3-Bc/XY-Z",
        ];
        for text in texts {
            let want: Vec<_> = NUMBERED
                .captures_iter(text)
                .map(|c| Numbered {
                    whole: c.get(0).map_or(0..0, |m| m.range()),
                    doc_type: c.name("type").map(|m| m.range()),
                    number: c.name("number").map_or(0..0, |m| m.range()),
                    date: c.name("d").map(|d| {
                        [
                            d.range(),
                            c.name("m").map_or(0..0, |m| m.range()),
                            c.name("y").map_or(0..0, |m| m.range()),
                        ]
                    }),
                })
                .collect();
            let got: Vec<_> = numbered_matches(text).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn numbered_references_with_dates_and_shared_issuers() {
        let r = find(
            "thực hiện Kế hoạch số 02/KH-UBND ngày 11/01/2024 và Kế hoạch số 22/KH-UBND ngày 29/01/2024 của UBND tỉnh về thực hiện Nghị quyết số 01/NQ-CP, Nghị quyết số 02/NQ-CP của Chính phủ và",
            0,
        );
        let got: Vec<(&str, &str, &str, Option<NaiveDate>)> = r
            .iter()
            .map(|r| {
                (
                    r.number.as_str(),
                    r.doc_type.as_str(),
                    r.issuer.as_str(),
                    r.issued_on,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("02/KH-UBND", "KH", "UBND tỉnh", d(2024, 1, 11)),
                ("22/KH-UBND", "KH", "UBND tỉnh", d(2024, 1, 29)),
                ("01/NQ-CP", "NQ", "Chính phủ", None),
                ("02/NQ-CP", "NQ", "Chính phủ", None),
            ]
        );
        assert_eq!(
            r[1].raw,
            "Kế hoạch số 22/KH-UBND ngày 29/01/2024 của UBND tỉnh"
        );
    }

    #[test]
    fn party_documents_decisions_and_schemes() {
        let r = find(
            "Chỉ thị số 19-CT/TU và Kết luận số 120-KL/TU ngày 08/8/2021 của Ban Thường vụ Tỉnh ủy; Quyết định số 72/2021/QĐ-UBND ngày 21/12/2021 của UBND tỉnh ban hành Quy định; Đề án 06/CP theo chỉ đạo",
            0,
        );
        assert_eq!(r[0].number, "19-CT/TU");
        assert_eq!(r[0].doc_type, "CT");
        assert_eq!(r[0].issuer, "Ban Thường vụ Tỉnh ủy");
        assert_eq!(r[1].issued_on, d(2021, 8, 8));
        assert_eq!(r[2].number, "72/2021/QĐ-UBND");
        assert_eq!(r[2].doc_type, "QĐ");
        assert_eq!(r[2].issuer, "UBND tỉnh");
        assert_eq!(r[3].number, "06/CP");
        assert_eq!(r[3].doc_type, "DA");
        assert_eq!(r[3].issuer, "CP");
    }

    /// The law pattern run where its words stand finds what it finds on
    /// the whole text.
    #[test]
    fn law_starts_find_every_law_match() {
        let seed = include_str!("../../../testdata/reports/000_5b1c2bc8d5408b7b.txt");
        let texts = [
            seed,
            "Luật Đất đai, Bộ luật Dân sự; Pháp lệnh 12, xLuật Nhà ở, Luật  A",
            "Luật ",
            "Luật 2024, Bộ luật ǅx, Pháp lệnh \u{323}x, Luật Luật Mới",
        ];
        for text in texts {
            let want: Vec<_> = LAW
                .captures_iter(text)
                .map(|c| c.get(0).map(|m| m.range()))
                .collect();
            let bound = |at, k| law_bound(text, at, k);
            let got: Vec<_> = crate::captures_at_starts(&LAW, text, &*LAW_STARTS, bound)
                .iter()
                .map(|c| c.get(0).map(|m| m.range()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn laws_by_name() {
        let r = find(
            "quy định tại Luật Đất đai¹, Luật Các tổ chức tín dụng, Luật Nhà ở... và Luật đất đai năm 2024 thuộc",
            0,
        );
        let raws: Vec<&str> = r.iter().map(|r| r.raw.as_str()).collect();
        assert_eq!(
            raws,
            [
                "Luật Đất đai",
                "Luật Các tổ chức tín dụng",
                "Luật Nhà ở",
                "Luật đất đai năm 2024"
            ]
        );
        assert!(
            r.iter()
                .all(|r| r.doc_type == "LUAT" && r.number.is_empty())
        );
    }

    /// A law's name ends with its paragraph ("luật;\nCăn cứ" is no word).
    #[test]
    fn a_law_name_ends_at_the_line() {
        let r = find(
            "thi hành Luật Ban hành văn bản quy phạm pháp luật;\nCăn cứ Luật Thống kê\nNghị định",
            0,
        );
        let raws: Vec<&str> = r.iter().map(|r| r.raw.as_str()).collect();
        assert_eq!(
            raws,
            ["Luật Ban hành văn bản quy phạm pháp luật", "Luật Thống kê"]
        );
    }

    #[test]
    fn numbers_that_are_not_documents() {
        assert!(
            find(
                "có 12/15 khoản thu, 10/10 huyện, tháng 5/2024, 537/1.619 ha",
                0
            )
            .is_empty()
        );
    }
}
