//! Periods written in a clause, resolved against the report's own period:
//! "tháng 5/2024", "trong tháng", "05 tháng", "lũy kế", "6 tháng đầu năm",
//! "năm 2024", "tính đến hết ngày 15/5/2024", "quý II".

use std::sync::LazyLock;

use baocao_domain::Period;
use chrono::NaiveDate;
use regex::Regex;

use crate::numbering::roman_value;

/// The report's own month: everything without a year is read against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    pub year: i32,
    pub month: u32,
}

/// A period found in text, with its byte range.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub period: Period,
}

static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<since>(?:(?:[Ll]ũy|[Ll]uỹ)\ kế\ )?(?:[Tt]ính\ )?(?:[Tt]ừ|[Kk]ể\ từ)\ đầu\ năm(?:\ (?P<sy>\d{4}))?(?:\ (?:đến|tới)\ (?:nay|(?:hết\ )?ngày\ (?P<sd>\d{1,2})/(?P<sm>\d{1,2})(?:/(?P<sdy>\d{4}))?))?)
      | (?P<asof>(?:[Tt]ính\ đến\ (?:hết\ )?(?:thời\ điểm\ )?(?:ngày\ )?|[Đđ]ến\ (?:hết\ )?(?:ngày\ )?|(?:[Tt]ại\ )?[Tt]hời\ điểm\ (?:ngày\ )?)(?P<ad>\d{1,2})(?:/(?P<am>\d{1,2})(?:/(?P<ay>\d{4}))?|\ tháng\ (?P<aw>\d{1,2})(?:\ năm\ (?P<awy>\d{4}))?))
      | (?P<asofm>(?:[Tt]ính\ đến\ (?:hết\ |thời\ điểm\ cuối\ )?|[Đđ]ến\ hết\ |(?:[Tt]ại\ )?[Tt]hời\ điểm\ cuối\ )tháng\ (?P<bm>\d{1,2})(?:/(?P<by>\d{4})|\ năm\ (?P<by2>\d{4}))?)
      | (?P<range>[Tt]ừ\ (?:ngày\ )?(?P<r1d>\d{1,2})/(?P<r1m>\d{1,2})(?:/(?P<r1y>\d{4}))?\ (?:đến|-)\ (?:hết\ )?(?:ngày\ )?(?P<r2d>\d{1,2})/(?P<r2m>\d{1,2})(?:/(?P<r2y>\d{4}))?)
      | (?P<half>(?:6|06|[Ss]áu)\ tháng\ (?P<hw>đầu|cuối)\ năm(?:\ (?P<hy>\d{4}))?)
      | (?P<ytd>(?:(?:[Ll]ũy|[Ll]uỹ)\ kế\ )?(?:[Tt]rong\ )?(?P<n>\d{1,2})\ tháng(?:\ đầu\ năm)?(?:\ (?:năm\ )?(?P<ny>\d{4}))?)
      | (?P<cum>(?:[Ll]ũy|[Ll]uỹ)\ kế)
      | (?P<month>(?:[Tt]rong\ )?[Tt]háng\ (?P<m>\d{1,2})(?:[/.\-](?P<my>\d{4})|\ năm\ (?P<my2>\d{4}))?)
      | (?P<this>[Tt]rong\ tháng)
      | (?P<quarter>[Qq]uý\ (?P<q>IV|III|II|I|[1-4])(?:/(?P<qy>\d{4})|\ năm\ (?P<qy2>\d{4}))?)
      | (?P<year>[Nn]ăm\ (?P<y>\d{4}))
        ",
    )
    .expect("period pattern")
});

/// A decimal digit as `\d` reads one (Unicode's Nd, not only ASCII): the
/// few non-ASCII ones a report might hold ("٣") are asked of this.
static DIGIT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\A\d").expect("digit pattern"));

/// The end of one `\d` (Unicode's Nd) at byte `p` of `text`, a char
/// boundary: what the regex engine reads as a digit, without asking it but
/// for the rare non-ASCII ones.
pub(crate) fn digit_at(text: &str, p: usize) -> Option<usize> {
    Reader::new(text).digit(p)
}

/// Lead bytes a period phrase can open with (see `Reader::at`): the
/// letters of its first words, the ASCII digits, "Đ"/"đ" (0xC4) and the
/// lead bytes of every non-ASCII decimal digit (U+0660 and above: 0xD9..).
static LEAD: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = matches!(
            b,
            b'L' | b'l'
                | b'T'
                | b't'
                | b'K'
                | b'k'
                | b'0'..=b'9'
                | b'S'
                | b's'
                | b'Q'
                | b'q'
                | b'N'
                | b'n'
                | 0xC4
                | 0xD9..=0xF4
        );
        i += 1;
    }
    t
};

/// A hand-written reader of [`PERIOD`]: `find_at` gives the match
/// `PERIOD.find_at` gives (its leftmost start, and there the first
/// alternative that matches, each optional part taken where it can be, as
/// the regex's leftmost-first search does), without walking an automaton
/// over the text. Every optional prefix of an alternative is followed by
/// words the text without it cannot have at that place, and every
/// `\d{1,2}` by a part that cannot open with a digit, or by optional parts
/// and the end: so the first way each part can match is the only one that
/// leads to a match, and no part is ever tried again another way.
struct Reader<'t> {
    text: &'t str,
    b: &'t [u8],
}

impl<'t> Reader<'t> {
    fn new(text: &'t str) -> Self {
        Reader {
            text,
            b: text.as_bytes(),
        }
    }

    /// The end of `s` if the text has it at `p`.
    #[inline]
    fn lit(&self, p: usize, s: &str) -> Option<usize> {
        let end = p + s.len();
        (self.b.get(p..end)? == s.as_bytes()).then_some(end)
    }

    /// The end of the first of `ss` the text has at `p`.
    #[inline]
    fn any(&self, p: usize, ss: &[&str]) -> Option<usize> {
        ss.iter().find_map(|s| self.lit(p, s))
    }

    /// Past `s` if the text has it at `p`, else `p`: `(?:s)?`.
    #[inline]
    fn opt(&self, p: usize, s: &str) -> usize {
        self.lit(p, s).unwrap_or(p)
    }

    /// The end of one `\d` at `p`.
    #[inline]
    fn digit(&self, p: usize) -> Option<usize> {
        let &c = self.b.get(p)?;
        if c.is_ascii_digit() {
            return Some(p + 1);
        }
        if c < 0xD9 {
            // ASCII, a continuation byte, or below U+0640: no digit.
            return None;
        }
        self.wide_digit(p)
    }

    /// A non-ASCII `\d` at `p` (a char boundary), asked of the regex
    /// engine itself: none lies in U+1C5A..U+A61F (Vietnamese letters,
    /// punctuation, symbols), which are passed over without asking.
    fn wide_digit(&self, p: usize) -> Option<usize> {
        // U+1C80..U+9FFF: lead byte 0xE1 and a second byte from 0xB2, or
        // 0xE2..=0xE9. Vietnamese letters (U+1EA0..) end here.
        match self.b[p] {
            0xE1 if self.b.get(p + 1).is_some_and(|&c| c >= 0xB2) => return None,
            0xE2..=0xE9 => return None,
            _ => {}
        }
        self.rare_digit(p)
    }

    #[cold]
    fn rare_digit(&self, p: usize) -> Option<usize> {
        let c = self.text.get(p..)?.chars().next()?;
        if ('\u{1C5A}'..'\u{A620}').contains(&c) {
            return None;
        }
        DIGIT.find(&self.text[p..]).map(|m| p + m.end())
    }

    /// `\d{1,2}` where what follows cannot open with a digit (or is
    /// optional and ends the alternative): one digit, and a second if
    /// there is one.
    #[inline]
    fn d12(&self, p: usize) -> Option<usize> {
        let e = self.digit(p)?;
        Some(self.digit(e).unwrap_or(e))
    }

    /// `\d{4}`.
    #[inline]
    fn d4(&self, p: usize) -> Option<usize> {
        let e = self.digit(p)?;
        let e = self.digit(e)?;
        let e = self.digit(e)?;
        self.digit(e)
    }

    /// `\d{1,2}/\d{1,2}(?:/\d{4})?`: a day and month, maybe a year.
    fn date(&self, p: usize) -> Option<usize> {
        let p = self.d12(p)?;
        let p = self.lit(p, "/")?;
        let p = self.d12(p)?;
        Some(self.lit(p, "/").and_then(|e| self.d4(e)).unwrap_or(p))
    }

    /// `M` then `(?:/Y|\ năm\ Y)?` (with `slash` the separators of `/`).
    fn month_year(&self, p: usize, slash: &[u8]) -> Option<usize> {
        let p = self.d12(p)?;
        if let Some(&c) = self.b.get(p)
            && slash.contains(&c)
            && let Some(e) = self.d4(p + 1)
        {
            return Some(e);
        }
        Some(self.lit(p, " năm ").and_then(|e| self.d4(e)).unwrap_or(p))
    }

    /// The end of the period phrase that starts at `p` (a char boundary),
    /// the first of `PERIOD`'s alternatives that matches there. Each lead
    /// byte goes to the alternatives that can open with it, in order.
    fn at(&self, p: usize) -> Option<usize> {
        // The first word (its first letter in either case, the rest as
        // written) tells which alternatives can match: only those are
        // tried, in the pattern's order. Most candidates fail here.
        let rest = &self.b[p + 1..];
        let word = |w: &str| rest.starts_with(w.as_bytes());
        match self.b[p] {
            b'T' | b't' => {
                if word("háng ") {
                    self.month(p)
                } else if word("rong ") {
                    self.ytd(p)
                        .or_else(|| self.month(p))
                        .or_else(|| self.any(p, &["Trong tháng", "trong tháng"]))
                } else if word("ính ") {
                    self.since(p)
                        .or_else(|| self.asof(p))
                        .or_else(|| self.asofm(p))
                } else if word("ừ ") {
                    self.since(p).or_else(|| self.range(p))
                } else if word("ại ") || word("hời điểm ") {
                    self.asof(p).or_else(|| self.asofm(p))
                } else {
                    None
                }
            }
            b'L' | b'l' if word("ũy kế") || word("uỹ kế") => self
                .since(p)
                .or_else(|| self.ytd(p))
                .or_else(|| self.cum(p)),
            b'K' | b'k' if word("ể từ ") => self.since(p),
            // "Đ" or "đ" (0xC4 0x90, 0xC4 0x91), then "ến ".
            0xC4 if matches!(rest.first(), Some(0x90 | 0x91))
                && rest[1..].starts_with("ến ".as_bytes()) =>
            {
                self.asof(p).or_else(|| self.asofm(p))
            }
            // "half" and "ytd" both go on with " tháng" after the number.
            b'0'..=b'9' => {
                self.lit(self.d12(p)?, " tháng")?;
                self.half(p).or_else(|| self.ytd(p))
            }
            b'S' | b's' if word("áu tháng ") => self.half(p),
            b'Q' | b'q' if word("uý ") => self.quarter(p),
            b'N' | b'n' if word("ăm ") => self.d4(p + "năm ".len()),
            // Only "ytd" opens with a digit that is not ASCII.
            0xD9.. => {
                self.wide_digit(p)?;
                self.ytd(p)
            }
            _ => None,
        }
    }

    const CUM: [&'static str; 4] = ["Lũy kế", "lũy kế", "Luỹ kế", "luỹ kế"];

    /// "cum": `(?:[Ll]ũy|[Ll]uỹ)\ kế`.
    fn cum(&self, p: usize) -> Option<usize> {
        self.any(p, &Self::CUM)
    }

    /// "cum" and a space, if there: the optional prefix of "since" and "ytd".
    fn cum_prefix(&self, p: usize) -> usize {
        self.cum(p).and_then(|e| self.lit(e, " ")).unwrap_or(p)
    }

    /// "since": `(?:cum\ )?(?:[Tt]ính\ )?(?:[Tt]ừ|[Kk]ể\ từ)\ đầu\ năm
    /// (?:\ Y)?(?:\ (?:đến|tới)\ (?:nay|(?:hết\ )?ngày\ D/M(?:/Y)?))?`.
    fn since(&self, p: usize) -> Option<usize> {
        let p = self.cum_prefix(p);
        let p = self
            .lit(p, "Tính ")
            .or_else(|| self.lit(p, "tính "))
            .unwrap_or(p);
        let p = self.any(
            p,
            &["Từ đầu năm", "từ đầu năm", "Kể từ đầu năm", "kể từ đầu năm"],
        )?;
        let p = self.lit(p, " ").and_then(|e| self.d4(e)).unwrap_or(p);
        let to = self.any(p, &[" đến ", " tới "]).and_then(|e| {
            self.lit(e, "nay").or_else(|| {
                let e = self.lit(self.opt(e, "hết "), "ngày ")?;
                self.date(e)
            })
        });
        Some(to.unwrap_or(p))
    }

    /// "asof": `(?:[Tt]ính\ đến\ (?:hết\ )?(?:thời\ điểm\ )?(?:ngày\ )?|[Đđ]ến\ (?:hết\ )?(?:ngày\ )?|(?:[Tt]ại\ )?[Tt]hời\ điểm\ (?:ngày\ )?)D/M(?:/Y)?`.
    fn asof(&self, p: usize) -> Option<usize> {
        let e = if let Some(e) = self.any(p, &["Tính đến ", "tính đến "]) {
            self.opt(self.opt(self.opt(e, "hết "), "thời điểm "), "ngày ")
        } else if let Some(e) = self.any(p, &["Đến ", "đến "]) {
            // "ước thực hiện đến 30/9/2021 là ...": "ngày" may be left out.
            self.opt(self.opt(e, "hết "), "ngày ")
        } else {
            let e = self.any(p, &["Tại ", "tại "]).unwrap_or(p);
            let e = self.any(e, &["Thời điểm ", "thời điểm "])?;
            self.opt(e, "ngày ")
        };
        self.date(e).or_else(|| self.date_in_words(e))
    }

    /// `\d{1,2}\ tháng\ \d{1,2}(?:\ năm\ \d{4})?`: "31 tháng 10 (năm
    /// 2024)", a cut-off's day written in words ("/" was tried first and
    /// failed, so the day is followed by no "/").
    fn date_in_words(&self, p: usize) -> Option<usize> {
        let p = self.lit(self.d12(p)?, " tháng ")?;
        let p = self.d12(p)?;
        Some(self.lit(p, " năm ").and_then(|e| self.d4(e)).unwrap_or(p))
    }

    /// "asofm": `(?:[Tt]ính\ đến\ (?:hết\ |thời\ điểm\ cuối\ )?|[Đđ]ến\ hết\ |(?:[Tt]ại\ )?[Tt]hời\ điểm\ cuối\ )tháng\ M(?:/Y|\ năm\ Y)?`.
    fn asofm(&self, p: usize) -> Option<usize> {
        let e = if let Some(e) = self.any(p, &["Tính đến ", "tính đến "]) {
            self.any(e, &["hết ", "thời điểm cuối "]).unwrap_or(e)
        } else if let Some(e) = self.any(p, &["Đến hết ", "đến hết "]) {
            e
        } else {
            let e = self.any(p, &["Tại ", "tại "]).unwrap_or(p);
            self.any(e, &["Thời điểm cuối ", "thời điểm cuối "])?
        };
        let e = self.lit(e, "tháng ")?;
        self.month_year(e, b"/")
    }

    /// "range": `[Tt]ừ\ (?:ngày\ )?D/M(?:/Y)?\ (?:đến|-)\ (?:hết\ )?(?:ngày\ )?D/M(?:/Y)?`.
    fn range(&self, p: usize) -> Option<usize> {
        let e = self.any(p, &["Từ ", "từ "])?;
        let e = self.date(self.opt(e, "ngày "))?;
        let e = self.any(e, &[" đến ", " - "])?;
        self.date(self.opt(self.opt(e, "hết "), "ngày "))
    }

    /// "half": `(?:6|06|[Ss]áu)\ tháng\ (?:đầu|cuối)\ năm(?:\ Y)?`.
    fn half(&self, p: usize) -> Option<usize> {
        let e = self.any(p, &["6 tháng ", "06 tháng ", "Sáu tháng ", "sáu tháng "])?;
        let e = self.any(e, &["đầu năm", "cuối năm"])?;
        Some(self.lit(e, " ").and_then(|y| self.d4(y)).unwrap_or(e))
    }

    /// "ytd": `(?:cum\ )?(?:[Tt]rong\ )?N\ tháng(?:\ đầu\ năm)?(?:\ (?:năm\ )?Y)?`.
    fn ytd(&self, p: usize) -> Option<usize> {
        let e = self.cum_prefix(p);
        let e = self.any(e, &["Trong ", "trong "]).unwrap_or(e);
        let e = self.lit(self.d12(e)?, " tháng")?;
        let e = self.opt(e, " đầu năm");
        let year = self.lit(e, " ").and_then(|y| self.d4(self.opt(y, "năm ")));
        Some(year.unwrap_or(e))
    }

    /// "month": `(?:[Tt]rong\ )?[Tt]háng\ M(?:[/.\-]Y|\ năm\ Y)?`.
    fn month(&self, p: usize) -> Option<usize> {
        let e = self.any(p, &["Trong ", "trong "]).unwrap_or(p);
        let e = self.any(e, &["Tháng ", "tháng "])?;
        self.month_year(e, b"/.-")
    }

    /// "quarter": `[Qq]uý\ (?:IV|III|II|I|[1-4])(?:/Y|\ năm\ Y)?`.
    fn quarter(&self, p: usize) -> Option<usize> {
        let e = self.any(p, &["Quý ", "quý "])?;
        let e = self.any(e, &["IV", "III", "II", "I", "1", "2", "3", "4"])?;
        if let Some(y) = self.lit(e, "/").and_then(|y| self.d4(y)) {
            return Some(y);
        }
        Some(self.lit(e, " năm ").and_then(|y| self.d4(y)).unwrap_or(e))
    }

    /// The first period phrase starting at `from` or later, as
    /// `PERIOD.find_at(text, from)` finds it.
    fn find_at(&self, from: usize) -> Option<(usize, usize)> {
        let b = self.b;
        let mut p = from;
        while p < b.len() {
            let c = b[p];
            if LEAD[c as usize] {
                // The letters of U+1C80..U+1FFF (Vietnamese "ạ", "ế"...)
                // and the other letters of 0xC4 ("ă"; not "Đ", "đ") open
                // nothing: passed over without a call.
                match (c, b.get(p + 1)) {
                    (0xE1, Some(&c1)) if c1 >= 0xB2 => p += 3,
                    (0xC4, Some(&c1)) if c1 != 0x90 && c1 != 0x91 => p += 2,
                    _ => {
                        if let Some(end) = self.at(p) {
                            return Some((p, end));
                        }
                        p += 1;
                    }
                }
            } else {
                p += 1;
            }
        }
        None
    }
}

/// Every period phrase of `text`, as `PERIOD.find_iter` finds them (no
/// phrase is empty, so each search goes on from the last one's end).
fn phrases(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let reader = Reader::new(text);
    let mut from = 0;
    std::iter::from_fn(move || {
        let (s, e) = reader.find_at(from)?;
        from = e;
        Some((s, e))
    })
}

/// The groups of [`PERIOD`] read, by name (in `GROUP_NAMES`' order).
#[derive(Clone, Copy)]
enum G {
    Since,
    Sd,
    Sm,
    Sy,
    Sdy,
    Asof,
    Ad,
    Am,
    Ay,
    Aw,
    Awy,
    Asofm,
    Bm,
    By,
    By2,
    Range,
    R1d,
    R1m,
    R1y,
    R2d,
    R2m,
    R2y,
    Half,
    Hw,
    Hy,
    Ytd,
    N,
    Ny,
    Cum,
    Month,
    M,
    My,
    My2,
    This,
    Quarter,
    Q,
    Qy,
    Qy2,
    Year,
    Y,
}

/// Every group, in `GROUP_NAMES`' order.
#[cfg(test)]
const GROUPS_IN_ORDER: [G; 40] = [
    G::Since,
    G::Sd,
    G::Sm,
    G::Sy,
    G::Sdy,
    G::Asof,
    G::Ad,
    G::Am,
    G::Ay,
    G::Aw,
    G::Awy,
    G::Asofm,
    G::Bm,
    G::By,
    G::By2,
    G::Range,
    G::R1d,
    G::R1m,
    G::R1y,
    G::R2d,
    G::R2m,
    G::R2y,
    G::Half,
    G::Hw,
    G::Hy,
    G::Ytd,
    G::N,
    G::Ny,
    G::Cum,
    G::Month,
    G::M,
    G::My,
    G::My2,
    G::This,
    G::Quarter,
    G::Q,
    G::Qy,
    G::Qy2,
    G::Year,
    G::Y,
];

const GROUP_NAMES: [&str; 40] = [
    "since", "sd", "sm", "sy", "sdy", "asof", "ad", "am", "ay", "aw", "awy", "asofm", "bm", "by",
    "by2", "range", "r1d", "r1m", "r1y", "r2d", "r2m", "r2y", "half", "hw", "hy", "ytd", "n", "ny",
    "cum", "month", "m", "my", "my2", "this", "quarter", "q", "qy", "qy2", "year", "y",
];

/// Each group's index, found once: a group read by name hashes its name.
static GROUPS: LazyLock<[usize; GROUP_NAMES.len()]> = LazyLock::new(|| {
    GROUP_NAMES.map(|name| {
        PERIOD
            .capture_names()
            .position(|n| n == Some(name))
            .expect("a group of the period pattern")
    })
});

/// The groups of a period phrase: captured, or read by hand.
enum Groups<'h> {
    Captured(regex::Captures<'h>),
    /// A phrase of the "month" or "year" alternative opening with its word
    /// ("tháng 5/2024", "năm 2024"): its groups are read from its text
    /// (`read_plain`), with no capturing search.
    Read([Option<(G, &'h str)>; 4]),
}

fn g<'h>(c: &Groups<'h>, group: G) -> Option<&'h str> {
    match c {
        Groups::Captured(c) => c.get(GROUPS[group as usize]).map(|m| m.as_str()),
        Groups::Read(groups) => groups
            .iter()
            .flatten()
            .find(|(k, _)| *k as usize == group as usize)
            .map(|(_, t)| *t),
    }
}

fn num(c: &Groups, group: G) -> Option<u32> {
    g(c, group).and_then(|m| m.parse().ok())
}

fn year(c: &Groups, groups: &[G]) -> Option<i32> {
    groups
        .iter()
        .find_map(|&n| g(c, n).and_then(|m| m.parse().ok()))
}

/// `t` after the prefix `a` or `b` (a word written capitalized or not).
fn either<'t>(t: &'t str, a: &str, b: &str) -> Option<&'t str> {
    t.strip_prefix(a).or_else(|| t.strip_prefix(b))
}

/// `t` after the prefix `p`, if it opens with it.
fn opt<'t>(t: &'t str, p: &str) -> &'t str {
    t.strip_prefix(p).unwrap_or(t)
}

/// The groups of a phrase [`PERIOD`] matched, read from its text when it
/// is of a common, plain form; None for the others (captured instead).
/// The phrase is what the winning alternative matched, so its first words
/// tell which one won:
/// - "năm ...": only "year" opens with "năm" ("năm" and four digits);
/// - "tháng ..." or "trong tháng ...": only "month" opens so and goes on
///   ("ytd" has a digit after "trong", "this" ends there), with one or two
///   digits, then "/" or " năm " and four digits, or nothing;
/// - "trong tháng" alone is "this", "lũy kế" alone "cum" (the others need
///   a digit or "đầu năm" after them);
/// - "lũy kế"? "trong"? and a digit: "ytd" ("half" opens with "6", "06" or
///   "sáu" and no prefix: such phrases are left to the capturing search).
///
/// Digits are never '/' nor spaces, so the parts split where the groups
/// do.
fn read_plain(label: &str) -> Option<[Option<(G, &str)>; 4]> {
    if let Some(y) = either(label, "năm ", "Năm ") {
        return Some([Some((G::Year, label)), Some((G::Y, y)), None, None]);
    }
    let after_trong = either(label, "trong ", "Trong ");
    if after_trong == Some("tháng") {
        return Some([Some((G::This, label)), None, None, None]);
    }
    if let Some(rest) = either(after_trong.unwrap_or(label), "tháng ", "Tháng ") {
        // "tháng 5/2024"; in the press also "tháng 5-2024", "tháng 5.2024".
        let (m, y) = if let Some((m, y)) = rest.split_once(['/', '-', '.']) {
            (m, Some((G::My, y)))
        } else if let Some((m, y)) = rest.split_once(" năm ") {
            (m, Some((G::My2, y)))
        } else {
            (rest, None)
        };
        return Some([Some((G::Month, label)), Some((G::M, m)), y, None]);
    }
    if let Some(groups) = read_dated(label) {
        return Some(groups);
    }
    if ["lũy kế", "Lũy kế", "luỹ kế", "Luỹ kế"].contains(&label) {
        return Some([Some((G::Cum, label)), None, None, None]);
    }
    // "ytd": ("lũy kế ")? ("trong ")? N " tháng" (" đầu năm")? (" " ("năm
    // ")? YYYY)?
    let cum = ["lũy kế ", "Lũy kế ", "luỹ kế ", "Luỹ kế "]
        .iter()
        .find_map(|p| label.strip_prefix(p));
    let rest = cum.unwrap_or(label);
    let trong = either(rest, "trong ", "Trong ");
    let rest = trong.unwrap_or(rest);
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if cum.is_none()
        && trong.is_none()
        && [
            "6 tháng đầu",
            "6 tháng cuối",
            "06 tháng đầu",
            "06 tháng cuối",
        ]
        .iter()
        .any(|h| rest.starts_with(h))
    {
        return None;
    }
    let (n, r) = rest.split_once(" tháng")?;
    let r = r.strip_prefix(" đầu năm").unwrap_or(r);
    let ny = if r.is_empty() {
        None
    } else {
        let r = r.strip_prefix(' ')?;
        Some((G::Ny, r.strip_prefix("năm ").unwrap_or(r)))
    };
    Some([Some((G::Ytd, label)), Some((G::N, n)), ny, None])
}

/// The groups of the phrases of "asof", "asofm", "half" and "quarter"
/// (`read_plain` for them): the cut-offs "Tính đến (hết) ngày 15/5/2024"
/// and "Tính đến hết tháng 4/2024", "06 tháng đầu năm", "quý I/2024",
/// which the capturing search read at ~20 k instructions each. Each opens
/// with words no alternative before its own opens with ("since" needs
/// "từ" after "tính", "range" opens with "từ", none before "half" with a
/// digit, none before "quarter" with "quý"), so the phrase is that
/// alternative's match; and each optional word of its prefix is followed
/// by a word no other is, so the groups split where the words do.
fn read_dated(label: &str) -> Option<[Option<(G, &str)>; 4]> {
    /// "M" then "/Y" or " năm Y" or nothing, as "month" and "asofm" end.
    fn month_year(rest: &str, y: G, y2: G) -> (&str, Option<(G, &str)>) {
        if let Some((m, year)) = rest.split_once('/') {
            (m, Some((y, year)))
        } else if let Some((m, year)) = rest.split_once(" năm ") {
            (m, Some((y2, year)))
        } else {
            (rest, None)
        }
    }
    let tinh_den = either(label, "Tính đến ", "tính đến ");
    // "asof": ("tính đến " ("hết ")? ("thời điểm ")? ("ngày ")? | "đến "
    // ("hết ")? ("ngày ")? | ("tại ")? "thời điểm " ("ngày ")?) D "/" M ("/" Y)?
    let date = tinh_den
        .map(|r| opt(opt(opt(r, "hết "), "thời điểm "), "ngày "))
        .or_else(|| either(label, "Đến ", "đến ").map(|r| opt(opt(r, "hết "), "ngày ")))
        .or_else(|| {
            either(opt(opt(label, "Tại "), "tại "), "Thời điểm ", "thời điểm ")
                .map(|r| opt(r, "ngày "))
        });
    if let Some(date) = date
        && date.starts_with(|c: char| c.is_ascii_digit())
    {
        // "31 tháng 10 (năm 2024)": the day and month in words.
        if let Some((d, rest)) = date.split_once(" tháng ") {
            let (m, y) = match rest.split_once(" năm ") {
                Some((m, y)) => (m, Some((G::Awy, y))),
                None => (rest, None),
            };
            return Some([
                Some((G::Asof, label)),
                Some((G::Ad, d)),
                Some((G::Aw, m)),
                y,
            ]);
        }
        let (d, rest) = date.split_once('/')?;
        let (m, y) = match rest.split_once('/') {
            Some((m, y)) => (m, Some((G::Ay, y))),
            None => (rest, None),
        };
        return Some([
            Some((G::Asof, label)),
            Some((G::Ad, d)),
            Some((G::Am, m)),
            y,
        ]);
    }
    // "asofm": ("tính đến " ("hết " | "thời điểm cuối ")? | "đến hết " |
    // ("tại ")? "thời điểm cuối ") "tháng " M ("/" Y | " năm " Y)?
    let month = tinh_den
        .map(|r| opt(opt(r, "hết "), "thời điểm cuối "))
        .or_else(|| either(label, "Đến hết ", "đến hết "))
        .or_else(|| {
            either(
                opt(opt(label, "Tại "), "tại "),
                "Thời điểm cuối ",
                "thời điểm cuối ",
            )
        })
        .and_then(|r| r.strip_prefix("tháng "));
    if let Some(rest) = month {
        let (m, y) = month_year(rest, G::By, G::By2);
        return Some([Some((G::Asofm, label)), Some((G::Bm, m)), y, None]);
    }
    // "half": ("6" | "06" | "sáu") " tháng " ("đầu" | "cuối") " năm" (" " Y)?
    if let Some(rest) = ["6 tháng ", "06 tháng ", "Sáu tháng ", "sáu tháng "]
        .iter()
        .find_map(|p| label.strip_prefix(p))
        && let Some((hw, rest)) = ["đầu", "cuối"]
            .iter()
            .find_map(|&w| rest.strip_prefix(w).map(|r| (w, r)))
        && let Some(rest) = rest.strip_prefix(" năm")
    {
        let y = match rest.strip_prefix(' ') {
            Some(y) => Some((G::Hy, y)),
            None if rest.is_empty() => None,
            None => return None,
        };
        return Some([Some((G::Half, label)), Some((G::Hw, hw)), y, None]);
    }
    // "quarter": "quý " ("IV" | "III" | "II" | "I" | 1-4) ("/" Y | " năm " Y)?
    if let Some(rest) = either(label, "quý ", "Quý ") {
        let (q, y) = month_year(rest, G::Qy, G::Qy2);
        if !["IV", "III", "II", "I", "1", "2", "3", "4"].contains(&q) {
            return None;
        }
        return Some([Some((G::Quarter, label)), Some((G::Q, q)), y, None]);
    }
    None
}

/// The lowercase of the last 16 characters of `text`: enough to test
/// whether the whole text, lowercased, ends with a word or two of fewer
/// characters (each character lowercases to one or more), without
/// lowercasing a whole clause for it.
fn lower_tail(text: &str) -> String {
    let start = text.char_indices().rev().nth(15).map_or(0, |(i, _)| i);
    baocao_domain::text::lowercase(&text[start..])
}

/// The day `D` of "từ D" or "từ ngày D" ending `before`, the text before a
/// cut-off "đến (ngày) D/M": the first day of a range in that month.
fn range_first_day(before: &str) -> Option<(u32, usize)> {
    let t = before.trim_end();
    let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let words = t[..t.len() - digits].trim_end();
    let words = words.strip_suffix("ngày").map_or(words, str::trim_end);
    let from = words
        .strip_suffix("từ")
        .or_else(|| words.strip_suffix("Từ"))?;
    if from.ends_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    // (Where "từ" starts: the range's phrase, its first day included.)
    Some((t[t.len() - digits..].parse().ok()?, from.len()))
}

/// "Lũy kế đến hết tháng 9, ... có 1.520 dự án FDI còn hiệu lực", "...
/// doanh nghiệp đang hoạt động": "lũy kế" of what is in force or active
/// counts every year before, a stock at the month's end, where "xuất khẩu
/// lũy kế đến hết tháng 9" is the sum from January.
fn of_a_stock(text: &str) -> bool {
    ["còn hiệu lực", "đang hoạt động"]
        .iter()
        .any(|w| text.contains(w))
}

/// Every period mentioned in `text`, in order.
pub fn mentions(text: &str, anchor: Anchor) -> Vec<Mention> {
    let mut out = Vec::new();
    // Every period phrase holds one of these words: most clauses hold none.
    if !["háng", "ăm", "uý", " kế", "ngày", "đến", "điểm"]
        .iter()
        .any(|w| text.contains(w))
    {
        return out;
    }
    // Phrases are found by hand (`Reader`, what the pattern's search finds);
    // the capturing search (slow: the pattern is large) reads only those
    // whose groups are not read by hand.
    for (mut start, mut end) in phrases(text) {
        // "nợ từ 3 tháng trở lên", "dưới 6 tháng": a duration, not a period.
        let before = text[..start].trim_end();
        let after = text[end..].trim_start();
        let label = &text[start..end];
        // "so với tháng 5/2023", "cùng kỳ năm 2023": the base of a
        // comparison, not the figure's period.
        let bl = lower_tail(before);
        if bl.ends_with("so với")
            || bl.ends_with(" so")
            || bl.ends_with("cùng kỳ")
            || bl.ends_with("cùng kì")
        {
            continue;
        }
        let c = match read_plain(label) {
            Some(groups) => Groups::Read(groups),
            // The match at this place, found again with its groups (no
            // look-around in the pattern: the text before it is no matter).
            None => match PERIOD.captures_at(text, start) {
                Some(c) => Groups::Captured(c),
                None => continue,
            },
        };
        let period = if g(&c, G::Since).is_some() {
            since_new_year(&c, anchor, label)
        } else if g(&c, G::Asof).is_some() {
            // "đến 30/9/2021" without "ngày" is a cut-off with its year
            // only: "đến 3/4 số xã" is a fraction ("đến 31/12 năm trước"
            // a date).
            if g(&c, G::Ay).is_none()
                && g(&c, G::Aw).is_none()
                && year_before(text, end).is_none()
                && either(label, "Đến ", "đến ")
                    .is_some_and(|r| opt(r, "hết ").starts_with(|c: char| c.is_ascii_digit()))
            {
                continue;
            }
            // "Đến ngày 31 tháng 10": the day and month in words need
            // "ngày" ("đến 5 tháng 10" is no date a report writes).
            if g(&c, G::Aw).is_some() && !label.contains("ngày ") {
                continue;
            }
            // "Đến ngày 31 tháng 12 năm trước", "đến 31/12 năm trước".
            let y = cut_off_year(year(&c, &[G::Ay, G::Awy]), text, &mut end, anchor);
            let label = &text[start..end];
            let last = NaiveDate::from_ymd_opt(
                y,
                num(&c, G::Am).or_else(|| num(&c, G::Aw)).unwrap_or(0),
                num(&c, G::Ad).unwrap_or(0),
            );
            // "từ (ngày) 3 đến (ngày) 30/9/2021": the end of a range of days
            // in one month, a flow over them, no stock's cut-off day.
            // The phrase then starts at "từ": its first day is no figure
            // ("Vốn đầu tư thực hiện từ 3 đến 30/9/2021 đạt ...": the "3").
            let to = start + label.len();
            match (range_first_day(before), last) {
                (Some((d, from)), Some(e)) => chrono::Datelike::with_day(&e, d)
                    .filter(|s| *s <= e)
                    .map(|s| {
                        start = from;
                        Period {
                            kind: baocao_domain::PeriodKind::DateRange,
                            start: s,
                            end: e,
                            label: text[from..to].to_owned(),
                        }
                    }),
                _ => last.map(|d| Period::as_of(d, label)),
            }
        } else if g(&c, G::Asofm).is_some() {
            // ("Tính đến hết tháng 12 năm trước": as a day's.)
            let y = cut_off_year(year(&c, &[G::By, G::By2]), text, &mut end, anchor);
            let label = &text[start..end];
            let m = num(&c, G::Bm).unwrap_or(0);
            // "lũy kế đến hết tháng 9": a sum from January, no stock's day
            // (unless what is summed is in force: see `of_a_stock`).
            if (bl.ends_with("lũy kế") || bl.ends_with("luỹ kế")) && !of_a_stock(text) {
                Period::year_to_date(y, m, label)
            } else {
                baocao_domain::period::last_day_of_month(y, m).map(|d| Period::as_of(d, label))
            }
        } else if g(&c, G::Range).is_some() {
            let y2 = year(&c, &[G::R2y]).unwrap_or(anchor.year);
            let (m1, m2) = (num(&c, G::R1m).unwrap_or(0), num(&c, G::R2m).unwrap_or(0));
            let y1 = year(&c, &[G::R1y]).unwrap_or(if m1 > m2 { y2 - 1 } else { y2 });
            match (
                NaiveDate::from_ymd_opt(y1, m1, num(&c, G::R1d).unwrap_or(0)),
                NaiveDate::from_ymd_opt(y2, m2, num(&c, G::R2d).unwrap_or(0)),
            ) {
                (Some(s), Some(e)) if s <= e => Some(Period {
                    kind: baocao_domain::PeriodKind::DateRange,
                    start: s,
                    end: e,
                    label: label.to_owned(),
                }),
                _ => None,
            }
        } else if g(&c, G::Half).is_some() {
            let y = year(&c, &[G::Hy]).unwrap_or(anchor.year);
            if g(&c, G::Hw).is_some_and(|w| w == "đầu") {
                Period::year_to_date(y, 6, label)
            } else {
                Period::half_year(y, 2, label)
            }
        } else if g(&c, G::Ytd).is_some() {
            if before.ends_with("từ")
                || before.ends_with("dưới")
                || before.ends_with("đến")
                || before.ends_with("sau")
                || after.starts_with("trở lên")
                || after.starts_with("tuổi")
            {
                continue;
            }
            let n = num(&c, G::N).unwrap_or(0);
            let y = year(&c, &[G::Ny]).unwrap_or(anchor.year);
            if !(1..=12).contains(&n) {
                continue;
            }
            Period::year_to_date(y, n, label)
        } else if g(&c, G::Cum).is_some() {
            Period::year_to_date(anchor.year, anchor.month, label)
        } else if g(&c, G::Month).is_some() {
            // "tháng trước", "tháng cùng kỳ" are bases, not periods (no digit).
            let y = year(&c, &[G::My, G::My2]).unwrap_or(anchor.year);
            let m = num(&c, G::M).unwrap_or(0);
            // "Nhập khẩu lũy kế đến tháng 9": the year to that month.
            if bl.ends_with("lũy kế đến") || bl.ends_with("luỹ kế đến") {
                if of_a_stock(text) {
                    baocao_domain::period::last_day_of_month(y, m).map(|d| Period::as_of(d, label))
                } else {
                    Period::year_to_date(y, m, label)
                }
            } else {
                Period::month(y, m, label)
            }
        } else if g(&c, G::This).is_some() {
            Period::month(anchor.year, anchor.month, label)
        } else if g(&c, G::Quarter).is_some() {
            let q = g(&c, G::Q).map_or(0, |q| {
                roman_value(q).unwrap_or_else(|| q.parse().unwrap_or(0))
            });
            Period::quarter(year(&c, &[G::Qy, G::Qy2]).unwrap_or(anchor.year), q, label)
        } else if g(&c, G::Year).is_some() {
            // "năm học 2023-2024" never reaches here (no "năm 2023"); "kế
            // hoạch năm 2024" is still the year.
            // "kéo dài sang năm 2024", "của năm 2023": part of a name;
            // "theo giá so sánh năm 2010": the year of the prices.
            if ["sang", "của", "học", "đến", "từ", "so sánh"]
                .iter()
                .any(|w| bl.ends_with(w))
                || ends_with_season(&bl)
            {
                continue;
            }
            year(&c, &[G::Y]).and_then(|y| Period::year(y, label))
        } else {
            None
        };
        if let Some(period) = period {
            out.push(Mention { start, end, period });
        }
    }
    whole_year(text, anchor, &mut out);
    dash_cut_off(text, anchor, &mut out);
    out
}

/// "Ước đến 30-9 đạt 36.900 tỷ đồng", "đến 30-9-2016,": a cut-off's day
/// and month written with a dash, as the press writes a date, after
/// "đến" and before a verb or a stop (not "đến 10-12 tỷ đồng", a range
/// in its unit). Without a year, the report's (or the year before, with
/// "năm trước" after it).
fn dash_cut_off(text: &str, anchor: Anchor, out: &mut Vec<Mention>) {
    // (memchr's search, built once: every clause with a period word.)
    static DEN: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("ến "));
    let b = text.as_bytes();
    let mut from = 0;
    let mut added = false;
    while let Some(i) = DEN.find(&b[from..]).map(|i| from + i) {
        from = i + "ến ".len();
        // "đến" or "Đến" (0xC4 0x91 / 0xC4 0x90), a word of its own.
        let Some(start) = i.checked_sub(2) else {
            continue;
        };
        if b[start] != 0xC4
            || !matches!(b[start + 1], 0x90 | 0x91)
            || (start > 0 && !matches!(b[start - 1], b' ' | b',' | b'(' | b';' | b':'))
        {
            continue;
        }
        let digits = |p: usize| b[p..].iter().take_while(|c| c.is_ascii_digit()).count();
        // ("đến ngày 30-9".)
        if text[from..].starts_with("ngày ") {
            from += "ngày ".len();
        }
        let d_len = digits(from);
        if !(1..=2).contains(&d_len) || b.get(from + d_len) != Some(&b'-') {
            continue;
        }
        let m_at = from + d_len + 1;
        let m_len = digits(m_at);
        if !(1..=2).contains(&m_len) {
            continue;
        }
        let mut end = m_at + m_len;
        let mut written = None;
        if b.get(end) == Some(&b'-') && digits(end + 1) == 4 {
            written = text[end + 1..end + 5].parse::<i32>().ok();
            end += 5;
        }
        let rest = &text[end..];
        if !(rest.is_empty()
            || rest.starts_with([',', ';', '.', ')', ':'])
                && !rest[1..].starts_with(|c: char| c.is_ascii_digit())
            || [
                " đạt",
                " là",
                " ước",
                " có",
                " tăng",
                " giảm",
                " toàn",
                " năm trước",
            ]
            .iter()
            .any(|w| rest.starts_with(w)))
            || out.iter().any(|m| m.start < end && start < m.end)
        {
            continue;
        }
        let (Ok(d), Ok(m)) = (
            text[from..from + d_len].parse::<u32>(),
            text[m_at..m_at + m_len].parse::<u32>(),
        ) else {
            continue;
        };
        let y = cut_off_year(written, text, &mut end, anchor);
        if let Some(day) = NaiveDate::from_ymd_opt(y, m, d) {
            out.push(Mention {
                start,
                end,
                period: Period::as_of(day, &text[start..end]),
            });
            added = true;
        }
    }
    if added {
        out.sort_by_key(|m| m.start);
    }
}

/// Whether `p` is the year of a "cả năm" (see `whole_year`).
pub fn is_whole_year(p: &Period) -> bool {
    p.kind == baocao_domain::PeriodKind::Year && matches!(p.label.as_str(), "cả năm" | "Cả năm")
}

/// "ước cả năm 812 ha", "Năng suất lúa cả năm ...": the year's estimate
/// among the report's months is the year's. Not "cả năm học", "cả năm
/// 2024" (the year, read above), nor the plan or the base of a figure
/// ("đạt 45% kế hoạch cả năm", "so với cả năm").
fn whole_year(text: &str, anchor: Anchor, out: &mut Vec<Mention>) {
    // "cả năm 2024" (a year), not "cả năm 812 ha" (a figure).
    fn written_year(t: &str) -> bool {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        digits == 4
            && !(t[4..].starts_with(['.', ','])
                && t.get(5..)
                    .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit())))
    }
    let mut from = 0;
    let mut added = false;
    // (memchr's search, built once: this runs on every text whose periods
    // are read.)
    static CA_NAM: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("ả năm"));
    while let Some(i) = CA_NAM.find(&text.as_bytes()[from..]).map(|i| from + i) {
        from = i + "ả năm".len();
        let Some(start) = text[..i]
            .strip_suffix('C')
            .or_else(|| text[..i].strip_suffix('c'))
        else {
            continue;
        };
        let start = start.len();
        let end = from;
        let before = lower_tail(text[..start].trim_end());
        let after = &text[end..];
        if !(start == 0 || text[..start].ends_with([' ', ',', '(', ';', ':']))
            || after.starts_with(|c: char| c.is_alphanumeric())
            || written_year(after.trim_start())
            || after.starts_with(" học")
            || after.starts_with(" qua")
            || [
                "kế hoạch",
                "dự toán",
                "so với",
                " so",
                "chỉ tiêu",
                "mục tiêu",
                "nhiệm vụ",
                "của",
            ]
            .iter()
            .any(|w| before.ends_with(w))
            || out.iter().any(|m| m.start <= start && start < m.end)
        {
            continue;
        }
        if let Some(period) = Period::year(anchor.year, &text[start..end]) {
            out.push(Mention { start, end, period });
            added = true;
        }
    }
    if added {
        out.sort_by_key(|m| m.start);
    }
}

/// The end of " năm trước" written at `at` of `text` after a day or a
/// month without its year ("31/12 năm trước"), a word of its own.
fn year_before(text: &str, at: usize) -> Option<usize> {
    let rest = text[at..].strip_prefix(" năm trước")?;
    rest.chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
        .then_some(text.len() - rest.len())
}

/// A cut-off's year: the one written, else the year before the report's
/// where " năm trước" follows the phrase at `end` (which then takes the
/// words in), else the report's.
fn cut_off_year(written: Option<i32>, text: &str, end: &mut usize, anchor: Anchor) -> i32 {
    if let Some(y) = written {
        return y;
    }
    match year_before(text, *end) {
        Some(e) => {
            *end = e;
            anchor.year - 1
        }
        None => anchor.year,
    }
}

/// "(Tính) từ đầu năm (đến nay)", "lũy kế từ đầu năm": the year to date
/// of the report's month; "từ đầu năm đến ngày 20/5": January 1 to that
/// day, a year to date cut at the date (DOMAIN.md is silent; a flow over
/// the interval, as SDMX would key it, not a stock on the day).
fn since_new_year(c: &Groups, anchor: Anchor, label: &str) -> Option<Period> {
    let Some(day) = num(c, G::Sd) else {
        let y = year(c, &[G::Sy]).unwrap_or(anchor.year);
        let month = if y == anchor.year { anchor.month } else { 12 };
        return Period::year_to_date(y, month, label);
    };
    let y = year(c, &[G::Sdy, G::Sy]).unwrap_or(anchor.year);
    let end = NaiveDate::from_ymd_opt(y, num(c, G::Sm)?, day)?;
    let mut p = Period::year_to_date(y, 1, label)?;
    p.end = end;
    Some(p)
}

/// Crop seasons: "vụ Đông Xuân năm 2024" names a season, which spans
/// parts of two calendar years; its year is part of the name.
const SEASONS: &[&str] = &[
    "vụ đông xuân",
    "vụ chiêm xuân",
    "vụ hè thu",
    "vụ thu đông",
    "vụ xuân hè",
    "vụ mùa",
    "vụ xuân",
    "vụ đông",
    "vụ chiêm",
    "vụ hè",
];

/// Whether `before` ends with a crop season's name and maybe "năm": a
/// year written next ("vụ Hè Thu năm 2024", "vụ Đông Xuân 2023-2024")
/// belongs to the name.
pub fn names_season(before: &str) -> bool {
    // "năm" and the seasons' names end in m, n, u, g, è or a, which only
    // they and their capitals lowercase to: other texts are not lowercased.
    let before = before.trim_end();
    if !before.ends_with(['m', 'M', 'n', 'N', 'u', 'U', 'g', 'G', 'è', 'È', 'a', 'A']) {
        return false;
    }
    let b = lower_tail(before);
    let b = b.strip_suffix("năm").map_or(b.as_str(), str::trim_end);
    ends_with_season(b)
}

/// "Vụ Đông Xuân 2023-2024, toàn tỉnh gieo trồng ...": a season that opens
/// a sentence, before its comma or colon (the name, "năm" and years only),
/// names the item of the sentence's figures. Returns it as written.
pub fn leading_season(sentence: &str) -> Option<&str> {
    // Every season's name opens with "vụ", whose lowercase only "v" or "V"
    // opens: other sentences are not looked at further.
    if !sentence.trim_start().starts_with(['v', 'V']) {
        return None;
    }
    let end = sentence.find([',', ':'])?;
    let head = sentence[..end].trim();
    if head.chars().count() > 40 {
        return None;
    }
    let lower = baocao_domain::text::lowercase(head);
    let s = SEASONS.iter().find(|s| lower.starts_with(*s))?;
    let rest = &lower[s.len()..];
    rest.split_whitespace()
        .all(|w| w == "năm" || w.bytes().all(|b| b.is_ascii_digit() || b == b'-'))
        .then_some(head)
}

/// Whether lowercase `before` ends with a crop season's name.
fn ends_with_season(before: &str) -> bool {
    SEASONS.iter().any(|s| {
        before.ends_with(s)
            && before[..before.len() - s.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphabetic())
    })
}

/// The same period a year earlier ("cùng kỳ").
pub fn year_earlier(p: &Period, label: &str) -> Period {
    use chrono::Datelike;
    let shift = |d: NaiveDate| {
        d.with_year(d.year() - 1)
            .or_else(|| NaiveDate::from_ymd_opt(d.year() - 1, d.month(), 28))
            .unwrap_or(d)
    };
    let mut end = shift(p.end);
    // Month-aligned periods keep ending on the month's last day (February).
    if p.end.succ_opt().is_some_and(|n| n.day() == 1) {
        end = baocao_domain::period::last_day_of_month(end.year(), end.month()).unwrap_or(end);
    }
    Period {
        kind: p.kind,
        start: shift(p.start),
        end,
        label: label.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baocao_domain::PeriodKind;

    const MAY: Anchor = Anchor {
        year: 2024,
        month: 5,
    };

    #[test]
    fn the_whole_year() {
        let got: Vec<(PeriodKind, String)> = mentions("; ước cả năm 812 ha, giảm 3%", MAY)
            .into_iter()
            .map(|m| (m.period.kind, m.period.label))
            .collect();
        assert_eq!(got, [(PeriodKind::Year, "cả năm".to_owned())]);
        assert!(mentions("đạt 45% kế hoạch cả năm", MAY).is_empty());
        assert!(mentions("trong cả năm học", MAY).is_empty());
    }

    fn first(text: &str) -> Option<(PeriodKind, String, String, String)> {
        mentions(text, MAY).into_iter().next().map(|m| {
            (
                m.period.kind,
                m.period.start.to_string(),
                m.period.end.to_string(),
                text[m.start..m.end].to_owned(),
            )
        })
    }

    #[test]
    fn months_and_cumulative() {
        assert_eq!(first("tháng 5/2024 tăng").unwrap().1, "2024-05-01");
        assert_eq!(
            first("Giá trị tháng 5 ước đạt").unwrap().0,
            PeriodKind::Month
        );
        assert_eq!(
            first("Trong tháng 5, toàn tỉnh").unwrap().3,
            "Trong tháng 5"
        );
        let ytd = first("05 tháng ước đạt").unwrap();
        assert_eq!(
            (ytd.0, ytd.1.as_str(), ytd.2.as_str()),
            (PeriodKind::YearToDate, "2024-01-01", "2024-05-31")
        );
        assert_eq!(first("5 tháng đầu năm ước đạt").unwrap().2, "2024-05-31");
        assert_eq!(first("06 tháng đầu năm đạt").unwrap().2, "2024-06-30");
        assert_eq!(
            first("(05 tháng năm 2023 tăng 15,3%)").unwrap().2,
            "2023-05-31"
        );
        assert_eq!(
            first("lũy kế 05 tháng có 706").unwrap().0,
            PeriodKind::YearToDate
        );
        assert_eq!(first("lũy kế đạt 21.395 tấn").unwrap().2, "2024-05-31");
        assert_eq!(first("trong tháng không xảy ra").unwrap().1, "2024-05-01");
    }

    #[test]
    fn dates_quarters_years() {
        let a = first("Tính đến ngày 15/5/2024, riêng").unwrap();
        assert_eq!((a.0, a.1.as_str()), (PeriodKind::AsOfDate, "2024-05-15"));
        assert_eq!(
            first("tính đến hết ngày 15/5/2024:").unwrap().1,
            "2024-05-15"
        );
        assert_eq!(
            first("Tính đến hết tháng 4/2024, có").unwrap().1,
            "2024-04-30"
        );
        let w = first("Đến ngày 31 tháng 10, tổng").unwrap();
        assert_eq!((w.0, w.1.as_str()), (PeriodKind::AsOfDate, "2024-10-31"));
        // "năm trước": the year before the report's, taken into the phrase.
        let b = first("Đến ngày 31 tháng 12 năm trước, tổng").unwrap();
        assert_eq!(
            (b.1.as_str(), b.3.as_str()),
            ("2023-12-31", "Đến ngày 31 tháng 12 năm trước")
        );
        assert_eq!(first("đến 31/12 năm trước đạt").unwrap().1, "2023-12-31");
        assert_eq!(
            first("Tính đến hết tháng 12 năm trước có").unwrap().1,
            "2023-12-31"
        );
        // ("năm trướcx" is no word of its own: the report's year.)
        assert_eq!(first("đến ngày 31/12 năm trướcx").unwrap().1, "2024-12-31");
        assert_eq!(
            first("tính đến ngày 15 tháng 5 năm 2024 có").unwrap().1,
            "2024-05-15"
        );
        // Without "ngày", "đến 5 tháng 10" is no cut-off.
        assert!(first("tăng từ 3 đến 5 tháng 10").is_none());
        assert_eq!(first("quý II").unwrap().1, "2024-04-01");
        assert_eq!(first("Năm 2023, Chỉ số PCI").unwrap().0, PeriodKind::Year);
        let r = first("(từ ngày 15/12/2023 đến ngày 14/3/2024)").unwrap();
        assert_eq!(
            (r.0, r.1.as_str(), r.2.as_str()),
            (PeriodKind::DateRange, "2023-12-15", "2024-03-14")
        );
    }

    /// The texts of the reader's tests: the seed and every sample, as
    /// written and NFC-normalized (the parser reads the latter).
    fn corpus() -> Vec<String> {
        use unicode_normalization::UnicodeNormalization;
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/reports");
        let mut paths = vec![format!("{dir}/000_5b1c2bc8d5408b7b.txt")];
        for e in std::fs::read_dir(format!("{dir}/samples")).expect("samples") {
            paths.push(e.expect("entry").path().display().to_string());
        }
        let mut texts = Vec::new();
        for p in paths {
            let t = std::fs::read_to_string(&p).expect("a text");
            texts.push(t.nfc().collect::<String>());
            texts.push(t);
        }
        texts
    }

    /// The reader finds, from `from`, what the pattern finds.
    fn same_from(text: &str, from: usize) -> Result<(), String> {
        let oracle = PERIOD.find_at(text, from).map(|m| (m.start(), m.end()));
        let read = Reader::new(text).find_at(from);
        if oracle == read {
            Ok(())
        } else {
            Err(format!("from {from}: {oracle:?} vs {read:?} in {text:?}"))
        }
    }

    /// From every position of the seed and the samples, the hand-written
    /// reader finds the phrase the period pattern finds, and all of a
    /// text's phrases are those of `find_iter`.
    #[test]
    fn reader_finds_what_the_pattern_finds() {
        let mut phrases_seen = 0;
        for text in corpus() {
            for (from, _) in text.char_indices() {
                same_from(&text, from).unwrap();
            }
            let oracle: Vec<_> = PERIOD
                .find_iter(&text)
                .map(|m| (m.start(), m.end()))
                .collect();
            phrases_seen += oracle.len();
            assert_eq!(phrases(&text).collect::<Vec<_>>(), oracle);
        }
        assert!(phrases_seen > 300, "{phrases_seen}");
    }

    /// Every text made of one piece of each list (the words of the
    /// pattern's alternatives, their optional words and their ends, with
    /// near misses): the reader's phrases are `find_iter`'s.
    #[test]
    fn reader_finds_what_the_pattern_finds_in_built_phrases() {
        const OPENS: [&str; 14] = [
            "",
            "x",
            "Lũy kế ",
            "luỹ kế ",
            "lũy kế",
            "Tính ",
            "tính đến ",
            "Đến ",
            "đến ",
            "Tại ",
            "tại ",
            "Từ ",
            "từ ",
            "kể ",
        ];
        const WORDS: [&str; 15] = [
            "",
            "hết ",
            "thời điểm ",
            "thời điểm cuối ",
            "Thời điểm ",
            "ngày ",
            "từ đầu năm",
            "đầu năm",
            "trong ",
            "Trong ",
            "từ ",
            "Kể từ đầu năm ",
            "6 ",
            "06 ",
            "Sáu ",
        ];
        const CORES: [&str; 12] = [
            "",
            "tháng ",
            "Tháng ",
            "tháng",
            "quý ",
            "Quý ",
            "năm ",
            "Năm ",
            "ngày ",
            "hết ngày ",
            "nay",
            "tháng đầu năm",
        ];
        const NUMBERS: [&str; 12] = [
            "",
            "5",
            "15",
            "123",
            "1/5",
            "15/12",
            "1/5/2024",
            "01/5/20245",
            "٣",
            "IV",
            "III",
            "I",
        ];
        const ENDS: [&str; 18] = [
            "",
            " tháng",
            " tháng đầu năm",
            " tháng năm 2024",
            " 2024",
            "/2024",
            ".2024",
            "-2024",
            " năm 2024",
            " năm 202",
            " đến ngày 1/2",
            " - 3/4/2024",
            " đến nay",
            " tới hết ngày 2/3",
            " đầu năm",
            " cuối năm 2024",
            " tháng 10 năm 2024",
            " tháng 1 năm 20",
        ];
        let mut text = String::new();
        let mut phrases_seen = 0;
        for o in OPENS {
            for w in WORDS {
                for c in CORES {
                    for n in NUMBERS {
                        for e in ENDS {
                            text.clear();
                            for part in [o, w, c, n, e] {
                                text.push_str(part);
                            }
                            let oracle: Vec<_> = PERIOD
                                .find_iter(&text)
                                .map(|m| (m.start(), m.end()))
                                .collect();
                            phrases_seen += oracle.len();
                            assert_eq!(phrases(&text).collect::<Vec<_>>(), oracle, "{text}");
                        }
                    }
                }
            }
        }
        assert!(phrases_seen > 100_000, "{phrases_seen}");
    }

    /// `Reader::digit` is `\d`, on every character.
    #[test]
    fn reader_digits_are_the_patterns() {
        let d = Regex::new(r"\A\d").unwrap();
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut buf);
            let read = Reader::new(s).digit(0);
            assert_eq!(read, d.find(s).map(|m| m.end()), "{c:?}");
            if read.is_some() || (c as u32).is_multiple_of(97) {
                // As the opening of a phrase, found from each place.
                let text = format!("x{c}{c} tháng 5, {c} tháng");
                for (from, _) in text.char_indices() {
                    same_from(&text, from).unwrap();
                }
            }
        }
    }

    proptest::proptest! {
        /// On texts made of the pattern's words, digits (ASCII and not),
        /// separators and other words, from every position, the reader
        /// finds what the pattern finds.
        #[test]
        fn reader_finds_what_the_pattern_finds_in_phrases(
            text in "((Lũy|lũy|Luỹ|luỹ|Tính|tính|Từ|từ|Kể|kể|đầu|năm|Năm|đến|Đến|tới|nay|hết|ngày|thời|Thời|điểm|cuối|Tại|tại|tháng|Tháng|trong|Trong|6|06|Sáu|sáu|quý|Quý|IV|III|II|I|V|kế|[0-9٣०]{1,5}|x|Ntháng)( | | | |/|-|\\.|, |)){0,14}"
        ) {
            for (from, _) in text.char_indices() {
                if let Err(e) = same_from(&text, from) {
                    proptest::prop_assert!(false, "{}", e);
                }
            }
        }
    }

    #[test]
    fn durations_are_not_periods() {
        assert!(mentions("nợ từ 3 tháng trở lên", MAY).is_empty());
        assert!(mentions("nợ từ 3 đến dưới 6 tháng là", MAY).is_empty());
    }

    #[test]
    fn a_year_earlier() {
        let p = Period::year_to_date(2024, 2, "").unwrap();
        let e = year_earlier(&p, "cùng kỳ");
        assert_eq!(
            (e.start.to_string(), e.end.to_string()),
            ("2023-01-01".into(), "2023-02-28".into())
        );
    }

    #[test]
    fn plain_phrases_of_each_kind_are_read() {
        for label in [
            "năm 2024",
            "tháng 5",
            "Tháng 5/2024",
            "tháng 12 năm 2023",
            "Trong tháng",
            "Trong tháng 5",
            "lũy kế",
            "5 tháng",
            "5 tháng đầu năm 2024",
            "Trong 5 tháng",
            "lũy kế 5 tháng năm 2024",
        ] {
            assert!(read_plain(label).is_some(), "{label}");
            let m = PERIOD.find(label).expect("a period");
            assert_eq!(m.range(), 0..label.len(), "{label}");
        }
        for label in [
            "6 tháng đầu năm",
            "Tính đến ngày 1/2/2024",
            "Tính đến hết tháng 4/2024",
            "quý II",
        ] {
            assert!(read_plain(label).is_some(), "{label}");
        }
        for label in ["từ đầu năm", "từ ngày 1/5 đến ngày 15/5/2024"] {
            assert!(read_plain(label).is_none(), "{label}");
        }
    }

    /// A phrase of "asof", "asofm", "half" or "quarter" read by hand has
    /// the groups the capturing search gives: every text made of these
    /// pieces, one of each list.
    #[test]
    fn dated_phrases_read_as_captured() {
        const OPENS: [&str; 8] = [
            "",
            "x ",
            "Tính đến ",
            "tính đến ",
            "Đến ",
            "đến ",
            "Tại ",
            "từ ",
        ];
        const PREFIXES: [&str; 6] = [
            "",
            "hết ",
            "thời điểm ",
            "thời điểm cuối ",
            "Thời điểm cuối ",
            "ngày ",
        ];
        const WORDS: [&str; 9] = [
            "",
            "ngày ",
            "tháng ",
            "quý ",
            "Quý ",
            "6 tháng ",
            "06 tháng ",
            "Sáu tháng ",
            "1 tháng ",
        ];
        const CORES: [&str; 10] = [
            "15",
            "5",
            "\u{661}5",
            "IV",
            "II",
            "I",
            "V",
            "đầu năm",
            "cuối năm",
            "đầu",
        ];
        const TAILS: [&str; 9] = [
            "",
            "/5",
            "/2024",
            " năm 2024",
            " năm",
            "/",
            " tháng 10",
            " tháng 10 năm 2024",
            " tháng năm 2024",
        ];
        const ENDS: [&str; 4] = ["", "/2024", " 2024", " đến ngày 1/2"];
        let mut read_by_hand = 0;
        let mut text = String::new();
        for o in OPENS {
            for p in PREFIXES {
                for w in WORDS {
                    for c in CORES {
                        for t in TAILS {
                            for e in ENDS {
                                text.clear();
                                for part in [o, p, w, c, t, e] {
                                    text.push_str(part);
                                }
                                for m in PERIOD.find_iter(&text) {
                                    let Some(read) = read_dated(m.as_str()) else {
                                        continue;
                                    };
                                    read_by_hand += 1;
                                    let c = PERIOD.captures_at(&text, m.start()).expect("again");
                                    assert_eq!(c.get(0).map(|a| a.range()), Some(m.range()));
                                    let read = Groups::Read(read);
                                    let captured = Groups::Captured(c);
                                    for (k, name) in GROUP_NAMES.iter().enumerate() {
                                        let group = GROUPS_IN_ORDER[k];
                                        assert_eq!(
                                            g(&read, group),
                                            g(&captured, group),
                                            "{name} {text}"
                                        );
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(read_by_hand > 1000, "{read_by_hand}");
    }

    proptest::proptest! {
        /// A phrase read by hand has the groups the capturing search gives.
        #[test]
        fn plain_phrases_read_as_captured(
            text in "(Trong |trong |6 |lũy kế |Luỹ kế |từ |Tính đến |so với |cùng kỳ |1)?(Trong |trong )?(tháng|Tháng|năm|Năm|Quý|6|06|[0-9٣]{1,2})( tháng)?( [0-9٣]{1,4})?(/[0-9٣]{1,4}| năm [0-9٣]{1,4})?( đầu năm| cuối năm| đầu| năm)?( [0-9٣]{4})?( tháng)?"
        ) {
            for m in PERIOD.find_iter(&text) {
                let Some(read) = read_plain(m.as_str()) else { continue };
                let c = PERIOD.captures_at(&text, m.start()).expect("the match again");
                proptest::prop_assert_eq!(c.get(0).map(|a| a.range()), Some(m.range()));
                let read = Groups::Read(read);
                let captured = Groups::Captured(c);
                for (k, name) in GROUP_NAMES.iter().enumerate() {
                    let group = GROUPS_IN_ORDER[k];
                    proptest::prop_assert_eq!(group as usize, k);
                    proptest::prop_assert_eq!(g(&read, group), g(&captured, group), "{} {}", name, &text);
                }
            }
        }
    }
}
