//! The readable summary `baocao parse` prints without `--json`.

use std::fmt::Write;

use baocao_domain::{Period, Report};

fn period(p: Option<&Period>) -> String {
    p.map_or_else(
        || "-".to_owned(),
        |p| format!("{} ({:?}, {} .. {})", p.key(), p.kind, p.start, p.end),
    )
}

fn clip(s: &str, n: usize) -> String {
    let s = s.replace('\n', " ");
    if s.chars().count() <= n {
        s
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

/// Renders a report's structure for a person to read.
pub fn render(r: &Report) -> String {
    let mut o = String::new();
    let m = &r.metadata;
    let _ = writeln!(o, "Report");
    let _ = writeln!(o, "  issuer             {}", or_dash(&m.issuer));
    let _ = writeln!(o, "  province           {}", or_dash(&m.province));
    let _ = writeln!(o, "  title              {}", or_dash(&m.title));
    let _ = writeln!(o, "  document number    {}", or_dash(&m.document_number));
    let _ = writeln!(
        o,
        "  issued on          {}",
        m.issued_on.map_or("-".into(), |d| d.to_string())
    );
    let _ = writeln!(
        o,
        "  reporting period   {}",
        period(m.reporting_period.as_ref())
    );
    let _ = writeln!(
        o,
        "  planning period    {}",
        period(m.planning_period.as_ref())
    );
    if let Some(s) = &m.signer {
        let parts: Vec<&str> = [
            s.on_behalf_of.as_str(),
            s.signing_for.as_str(),
            s.position.as_str(),
            s.name.as_str(),
        ]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
        let _ = writeln!(o, "  signer             {}", parts.join(" / "));
    }
    let _ = writeln!(o, "  recipients         {}", m.recipients.len());
    for rec in &m.recipients {
        let _ = writeln!(o, "    - {rec}");
    }
    if let Some(src) = &r.source {
        let _ = writeln!(
            o,
            "  source             {} sha256:{}",
            or_dash(&src.filename),
            src.content_sha256
        );
    }
    let _ = writeln!(o, "  parser             {}", r.parser_version);

    let _ = writeln!(o, "\nSections ({})", r.sections.len());
    for s in &r.sections {
        let indent = "  ".repeat(s.level as usize);
        let _ = writeln!(o, "{indent}{}. {}", s.number, clip(&s.title, 90));
    }

    let _ = writeln!(o, "\nFootnotes ({})", r.footnotes.len());
    for f in &r.footnotes {
        let at = if f.section_number.is_empty() {
            "-".to_owned()
        } else {
            f.section_number.clone()
        };
        let _ = writeln!(o, "  {:>3}  [{at:>5}]  {}", f.number, clip(&f.text, 90));
    }

    let _ = writeln!(o, "\nTasks ({})", r.tasks.len());
    for t in &r.tasks {
        let _ = writeln!(o, "  {:>3}. {}", t.ordinal, clip(&t.title, 100));
        if !t.topics.is_empty() {
            let _ = writeln!(o, "       topics: {}", t.topics.join(", "));
        }
        if let Some(d) = t.deadline {
            let _ = writeln!(o, "       deadline: {d}");
        }
        if !t.document_references.is_empty() {
            let refs: Vec<&str> = t
                .document_references
                .iter()
                .map(|d| {
                    if d.number.is_empty() {
                        d.raw.as_str()
                    } else {
                        d.number.as_str()
                    }
                })
                .collect();
            let _ = writeln!(o, "       cites: {}", refs.join(", "));
        }
    }

    let _ = writeln!(o, "\nDocument references ({})", r.document_references.len());
    for d in &r.document_references {
        let date = d.issued_on.map_or(String::new(), |d| d.to_string());
        let _ = writeln!(
            o,
            "  {:<18} {:<5} {:<10} {}",
            if d.number.is_empty() { "-" } else { &d.number },
            d.doc_type,
            date,
            clip(&d.raw, 70)
        );
    }

    let _ = writeln!(o, "\nObservations ({})", r.observations.len());
    if !r.observations.is_empty() {
        let _ = write!(o, "{}", observations_table(&r.observations));
    }

    let _ = writeln!(o, "\nQuality issues ({})", r.quality_issues.len());
    for q in &r.quality_issues {
        let _ = writeln!(o, "  {:?}: {}", q.kind, q.message);
    }
    o
}

/// Formats a number the way the report writes it: "." for thousands, ","
/// for decimals.
pub fn vi_number(v: f64) -> String {
    let neg = v < 0.0;
    let v = v.abs();
    let s = format!("{v}");
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let sign = if neg { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{frac}")
    }
}

fn change_text(c: &baocao_domain::Comparison) -> String {
    use baocao_domain::{Change, ComparisonBase};
    let base = match c.base {
        ComparisonBase::SamePeriodLastYear => "y/y",
        ComparisonBase::PreviousPeriod => "prev",
        ComparisonBase::Plan => "plan",
        ComparisonBase::BudgetEstimate => "budget",
        ComparisonBase::Other => "other",
        ComparisonBase::Unspecified => "?",
    };
    let approx = if c.qualifier == baocao_domain::Qualifier::Approximate {
        "~"
    } else {
        ""
    };
    match &c.change {
        Change::PercentChange(v) => format!(
            "{}{approx}{}% {base}",
            if *v >= 0.0 { "+" } else { "" },
            vi_number(*v)
        ),
        Change::Ratio(v) => format!("x{approx}{} {base}", vi_number(*v)),
        Change::AttainmentPercent(v) => format!("={approx}{}% {base}", vi_number(*v)),
        Change::AbsoluteChange(q) => format!(
            "{}{approx}{} {} {base}",
            if q.value >= 0.0 { "+" } else { "" },
            vi_number(q.value),
            q.unit
        ),
    }
}

/// The observations as a table: indicator, period, value, unit, changes,
/// status.
pub fn observations_table(list: &[baocao_domain::Observation]) -> String {
    let mut rows: Vec<[String; 6]> = vec![[
        "indicator".into(),
        "period".into(),
        "value".into(),
        "unit".into(),
        "changes".into(),
        "status".into(),
    ]];
    for ob in list {
        let name = match (ob.indicator.is_empty(), ob.breakdown.is_empty()) {
            (false, true) => ob.indicator.clone(),
            (false, false) => format!("{} / {}", ob.indicator, clip(&ob.breakdown, 28)),
            (true, true) => format!("\"{}\"", clip(&ob.label, 30)),
            (true, false) => format!("\"{}\" / {}", clip(&ob.label, 20), clip(&ob.breakdown, 20)),
        };
        let name = match ob.provenance.footnote_number {
            Some(n) => format!("{name} [fn {n}]"),
            None => name,
        };
        let period = ob.period.as_ref().map_or("-".to_owned(), |p| p.key());
        let (value, unit) = match &ob.quantity {
            Some(q) => {
                let q_mark = match q.qualifier {
                    baocao_domain::Qualifier::Approximate => "~",
                    baocao_domain::Qualifier::AtLeast => ">",
                    baocao_domain::Qualifier::AtMost => "<",
                    baocao_domain::Qualifier::Exact => "",
                };
                let v = match q.value_max {
                    Some(m) => format!("{q_mark}{}-{}", vi_number(q.value), vi_number(m)),
                    None => format!("{q_mark}{}", vi_number(q.value)),
                };
                (v, q.unit.clone())
            }
            None => ("-".to_owned(), String::new()),
        };
        let changes: Vec<String> = ob.comparisons.iter().map(change_text).collect();
        let status = format!("{:?}", ob.status).to_uppercase();
        rows.push([name, period, value, unit, changes.join(", "), status]);
    }
    let widths: Vec<usize> = (0..6)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for r in &rows {
        out.push_str("  ");
        for (c, cell) in r.iter().enumerate() {
            let pad = widths[c] - cell.chars().count();
            if c == 2 {
                out.push_str(&" ".repeat(pad));
                out.push_str(cell);
            } else {
                out.push_str(cell);
                if c < 5 {
                    out.push_str(&" ".repeat(pad));
                }
            }
            if c < 5 {
                out.push_str("  ");
            }
        }
        out.push('\n');
    }
    out
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() { "-" } else { s }
}
