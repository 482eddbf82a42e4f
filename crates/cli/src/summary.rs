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

    if !r.observations.is_empty() {
        let _ = writeln!(o, "\nObservations ({})", r.observations.len());
    }

    let _ = writeln!(o, "\nQuality issues ({})", r.quality_issues.len());
    for q in &r.quality_issues {
        let _ = writeln!(o, "  {:?}: {}", q.kind, q.message);
    }
    o
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() { "-" } else { s }
}
