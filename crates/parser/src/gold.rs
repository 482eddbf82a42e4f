//! Scores parsed observations against a gold file (one JSON object a line,
//! see `testdata/gold/CONVENTIONS.md`): precision, recall, and how many
//! matched observations agree on every field.

use baocao_domain::text::fold;
use baocao_domain::{
    Change, Comparison, ComparisonBase, Observation, ObservationStatus, PeriodKind, Qualifier,
    UnitCode,
};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GoldPeriod {
    pub kind: PeriodKind,
    pub start: chrono::NaiveDate,
    pub end: chrono::NaiveDate,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GoldQuantity {
    pub value: f64,
    #[serde(default)]
    pub value_max: Option<f64>,
    #[serde(default)]
    pub unit: String,
    pub unit_code: UnitCode,
    #[serde(default = "one")]
    pub multiplier: f64,
    #[serde(default)]
    pub qualifier: Qualifier,
}

fn one() -> f64 {
    1.0
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GoldComparison {
    pub base: ComparisonBase,
    #[serde(default)]
    pub percent_change: Option<f64>,
    #[serde(default)]
    pub ratio: Option<f64>,
    #[serde(default)]
    pub attainment_percent: Option<f64>,
    #[serde(default)]
    pub absolute_change: Option<GoldQuantity>,
    #[serde(default)]
    pub qualifier: Qualifier,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Gold {
    #[serde(default)]
    pub section: String,
    #[serde(default)]
    pub footnote: Option<u32>,
    #[serde(default)]
    pub indicator: String,
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub breakdown: String,
    pub period: GoldPeriod,
    pub status: ObservationStatus,
    #[serde(default)]
    pub quantity: Option<GoldQuantity>,
    #[serde(default)]
    pub comparisons: Vec<GoldComparison>,
    #[serde(default)]
    pub evidence: String,
}

/// Reads a gold file; the error names the line.
pub fn read(jsonl: &str) -> Result<Vec<Gold>, String> {
    jsonl
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("line {}: {e}", i + 1)))
        .collect()
}

#[derive(Debug, Default, Clone)]
pub struct Score {
    pub gold: usize,
    pub predicted: usize,
    /// Gold observations found (same place, subject, breakdown, period and
    /// value).
    pub matched: usize,
    /// Of those, how many agree on every field (status, unit, multiplier,
    /// qualifier, range, comparisons).
    pub exact: usize,
    /// Gold lines not found, as "line: evidence".
    pub missed: Vec<String>,
    /// Matched lines with a field that differs, as "line: field".
    pub differing: Vec<String>,
    /// Predicted observations matching no gold line.
    pub spurious: Vec<String>,
}

impl Score {
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            0.0
        } else {
            self.matched as f64 / self.predicted as f64
        }
    }

    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.matched as f64 / self.gold as f64
        }
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// A report for a person.
    pub fn render(&self, verbose: bool) -> String {
        let mut s = format!(
            "gold {}  predicted {}  matched {}  exact {}\nprecision {:.3}  recall {:.3}  f1 {:.3}  exact/matched {:.3}\n",
            self.gold,
            self.predicted,
            self.matched,
            self.exact,
            self.precision(),
            self.recall(),
            self.f1(),
            if self.matched == 0 {
                0.0
            } else {
                self.exact as f64 / self.matched as f64
            }
        );
        if verbose {
            for (title, list) in [
                ("missed", &self.missed),
                ("differing", &self.differing),
                ("spurious", &self.spurious),
            ] {
                s.push_str(&format!("\n{title} ({}):\n", list.len()));
                for l in list {
                    s.push_str(&format!("  {l}\n"));
                }
            }
        }
        s
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    let (a, b) = (a.trim(), b.trim());
    a == b || (!a.is_empty() && !b.is_empty() && (a.contains(b) || b.contains(a)))
}

fn key_match(g: &Gold, o: &Observation) -> bool {
    let place = g.footnote == o.provenance.footnote_number;
    let subject = if g.indicator.is_empty() {
        o.indicator.is_empty() && same_text(&g.label, &o.label)
    } else {
        g.indicator == o.indicator
    };
    let breakdown = same_text(&g.breakdown, &o.breakdown);
    let period = o.period.as_ref().is_some_and(|p| {
        p.kind == g.period.kind && p.start == g.period.start && p.end == g.period.end
    });
    let value = match (&g.quantity, &o.quantity) {
        (None, None) => true,
        (Some(a), Some(b)) => close(a.value, b.value),
        _ => false,
    };
    place && subject && breakdown && period && value
}

fn comparison_eq(g: &GoldComparison, c: &Comparison) -> bool {
    let change = match &c.change {
        Change::PercentChange(v) => g.percent_change.is_some_and(|x| close(x, *v)),
        Change::Ratio(v) => g.ratio.is_some_and(|x| close(x, *v)),
        Change::AttainmentPercent(v) => g.attainment_percent.is_some_and(|x| close(x, *v)),
        Change::AbsoluteChange(q) => g
            .absolute_change
            .as_ref()
            .is_some_and(|x| close(x.value, q.value) && x.unit_code == q.unit_code),
    };
    change && g.base == c.base && g.qualifier == c.qualifier
}

fn differences(g: &Gold, o: &Observation) -> Vec<&'static str> {
    let mut d = Vec::new();
    if g.status != o.status {
        d.push("status");
    }
    if let (Some(a), Some(b)) = (&g.quantity, &o.quantity) {
        if a.unit_code != b.unit_code {
            d.push("unitCode");
        }
        if !close(
            a.multiplier,
            if b.multiplier == 0.0 {
                1.0
            } else {
                b.multiplier
            },
        ) {
            d.push("multiplier");
        }
        if a.qualifier != b.qualifier {
            d.push("qualifier");
        }
        match (a.value_max, b.value_max) {
            (None, None) => {}
            (Some(x), Some(y)) if close(x, y) => {}
            _ => d.push("valueMax"),
        }
    }
    let mut used = vec![false; o.comparisons.len()];
    let all = g.comparisons.len() == o.comparisons.len()
        && g.comparisons.iter().all(|gc| {
            match o
                .comparisons
                .iter()
                .enumerate()
                .find(|(i, c)| !used[*i] && comparison_eq(gc, c))
            {
                Some((i, _)) => {
                    used[i] = true;
                    true
                }
                None => false,
            }
        });
    if !all {
        d.push("comparisons");
    }
    d
}

fn describe(o: &Observation) -> String {
    let p = o.period.as_ref().map_or(String::new(), |p| p.key());
    let v = o
        .quantity
        .as_ref()
        .map_or("-".to_owned(), |q| format!("{} {}", q.value, q.unit));
    format!(
        "{} [{}] {} {} {} (fn {:?}, §{})",
        o.indicator,
        o.label,
        o.breakdown,
        p,
        v,
        o.provenance.footnote_number,
        o.provenance.section_number
    )
}

/// Scores `predicted` against `gold`.
pub fn score(gold: &[Gold], predicted: &[Observation]) -> Score {
    let mut s = Score {
        gold: gold.len(),
        predicted: predicted.len(),
        ..Score::default()
    };
    let mut taken = vec![false; predicted.len()];
    for (line, g) in gold.iter().enumerate() {
        let found = predicted
            .iter()
            .enumerate()
            .filter(|(i, o)| !taken[*i] && key_match(g, o))
            .min_by_key(|(_, o)| differences(g, o).len());
        match found {
            Some((i, o)) => {
                taken[i] = true;
                s.matched += 1;
                let d = differences(g, o);
                if d.is_empty() {
                    s.exact += 1;
                } else {
                    s.differing
                        .push(format!("{}: {} — {}", line + 1, d.join(", "), g.evidence));
                }
            }
            None => s.missed.push(format!(
                "{}: {} {} {:?} — {}",
                line + 1,
                g.indicator,
                g.breakdown,
                g.quantity.as_ref().map(|q| q.value),
                g.evidence
            )),
        }
    }
    s.spurious = predicted
        .iter()
        .enumerate()
        .filter(|(i, _)| !taken[*i])
        .map(|(_, o)| describe(o))
        .collect();
    s
}
