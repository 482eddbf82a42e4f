//! Realistic reports built in code: a normalized text assembled paragraph
//! by paragraph, with every span pointing into it, in the shape the parser
//! produces for a provincial monthly report.

use baocao_domain::{
    Change, Comparison, ComparisonBase, DocumentRef, Footnote, Metadata, Observation,
    ObservationStatus, Period, Provenance, Qualifier, QualityIssue, QualityIssueKind, Quantity,
    Report, Section, Signer, Source, Span, Task, UnitCode,
};
use chrono::{DateTime, Datelike, TimeZone, Utc};

pub const PARSER: &str = "baocao-parser/test";
pub const BAC_GIANG: &str = "UBND tỉnh Bắc Giang";

/// What varies between test reports.
#[derive(Debug, Clone)]
pub struct Spec {
    pub issuer: String,
    pub department: String,
    pub year: i32,
    pub month: u32,
    /// Day of the month after the reporting month the report was issued.
    pub issued_day: Option<u32>,
    /// The month's IIP growth, percent.
    pub iip: f64,
    /// The previous month's IIP growth as this report restates it.
    pub iip_previous: Option<f64>,
    /// Told apart in the text, so that two specs never share content.
    pub tag: String,
    pub parser_version: String,
}

impl Spec {
    pub fn new(month: u32) -> Self {
        Self {
            issuer: BAC_GIANG.into(),
            department: "so-khdt".into(),
            year: 2024,
            month,
            issued_day: Some(5),
            iip: 17.32,
            iip_previous: None,
            tag: format!("m{month}"),
            parser_version: PARSER.into(),
        }
    }

    pub fn issuer(mut self, issuer: &str) -> Self {
        self.issuer = issuer.into();
        self
    }

    pub fn department(mut self, d: &str) -> Self {
        self.department = d.into();
        self
    }

    pub fn issued_day(mut self, d: Option<u32>) -> Self {
        self.issued_day = d;
        self
    }

    pub fn iip(mut self, v: f64) -> Self {
        self.iip = v;
        self
    }

    pub fn iip_previous(mut self, v: f64) -> Self {
        self.iip_previous = Some(v);
        self
    }

    pub fn tag(mut self, t: impl Into<String>) -> Self {
        self.tag = t.into();
        self
    }

    pub fn parser_version(mut self, v: &str) -> Self {
        self.parser_version = v.into();
        self
    }

    pub fn period(&self) -> Period {
        Period::month(self.year, self.month, format!("tháng {}", self.month)).unwrap()
    }

    pub fn planning(&self) -> Period {
        self.period()
            .next_month(format!("tháng {} năm {}", self.month % 12 + 1, self.year))
            .unwrap()
    }

    /// The bytes a department would upload for this report.
    pub fn raw(&self) -> Vec<u8> {
        format!(
            "{}\nBÁO CÁO tình hình kinh tế - xã hội tháng {}/{} ({})\n",
            self.issuer.to_uppercase(),
            self.month,
            self.year,
            self.tag
        )
        .into_bytes()
    }

    pub fn source(&self, message_id: &str) -> Source {
        Source {
            department: self.department.clone(),
            filename: format!("bc-{}-{}.txt", self.month, self.tag),
            content_type: "text/plain; charset=utf-8".into(),
            message_id: message_id.into(),
            content_sha256: String::new(),
            received_at: Some(received_at(self.month, 0)),
        }
    }

    pub fn report(&self) -> Report {
        build(self)
    }
}

pub fn received_at(month: u32, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, month.min(12), 6, 8, minute, 0)
        .unwrap()
}

/// The normalized text being assembled.
#[derive(Default)]
struct Text {
    s: String,
}

impl Text {
    fn para(&mut self, p: &str) -> Span {
        let start = self.s.len();
        self.s.push_str(p);
        let span = Span::new(start, self.s.len());
        self.s.push('\n');
        span
    }

    fn find(&self, needle: &str, within: Span) -> Span {
        let hay = within.slice(&self.s).unwrap();
        let at = hay
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {hay:?}"));
        Span::new(
            within.start as usize + at,
            within.start as usize + at + needle.len(),
        )
    }
}

fn section(number: &str, path: &str, title: &str, level: u32, parent: &str) -> Section {
    Section {
        number: number.into(),
        path: path.into(),
        title: title.into(),
        level,
        parent_number: parent.into(),
        ..Section::default()
    }
}

fn docref(number: &str, doc_type: &str, issuer: &str, raw: &str, span: Span) -> DocumentRef {
    DocumentRef {
        number: number.into(),
        doc_type: doc_type.into(),
        issuer: issuer.into(),
        issued_on: None,
        raw: raw.into(),
        span,
    }
}

fn pct(v: f64) -> String {
    format!("{v:.2}").replace('.', ",")
}

fn build(spec: &Spec) -> Report {
    let period = spec.period();
    let planning = spec.planning();
    let m = spec.month;
    let y = spec.year;
    let mut t = Text::default();
    let mut sections = Vec::new();
    let mut observations = Vec::new();

    // I. The situation.
    let mut s1 = section("I", "I", "TÌNH HÌNH KINH TẾ - XÃ HỘI", 1, "");
    s1.span = t.para("I. TÌNH HÌNH KINH TẾ - XÃ HỘI");
    sections.push(s1);

    let mut s11 = section("1", "I/1", "Sản xuất công nghiệp", 2, "I");
    let head = t.para("1. Sản xuất công nghiệp");
    let iip_sentence = format!(
        "Chỉ số sản xuất công nghiệp (IIP) tháng {m}/{y} ước tăng {}% so với cùng kỳ năm trước ({}).",
        pct(spec.iip),
        spec.tag
    );
    let p1 = t.para(&iip_sentence);
    let mut body = iip_sentence.clone();
    let iip_span = t.find(&format!("{}%", pct(spec.iip)), p1);
    observations.push(Observation {
        indicator: "iip".into(),
        label: "Chỉ số sản xuất công nghiệp (IIP)".into(),
        breakdown: String::new(),
        period: Some(period.clone()),
        quantity: None,
        status: ObservationStatus::Estimate,
        comparisons: vec![Comparison {
            base: ComparisonBase::SamePeriodLastYear,
            base_label: "so với cùng kỳ năm trước".into(),
            change: Change::PercentChange(spec.iip),
            qualifier: Qualifier::Exact,
        }],
        provenance: Provenance {
            section_number: "1".into(),
            footnote_number: None,
            span: iip_span,
            sentence: iip_sentence.clone(),
        },
    });
    if let Some(prev) = spec.iip_previous {
        let prev_period = period.previous_month(format!("tháng {}", m - 1)).unwrap();
        let sentence = format!(
            "Chỉ số IIP tháng {}/{y} chính thức tăng {}% so với cùng kỳ.",
            m - 1,
            pct(prev)
        );
        let p = t.para(&sentence);
        body.push('\n');
        body.push_str(&sentence);
        observations.push(Observation {
            indicator: "iip".into(),
            label: "Chỉ số IIP".into(),
            period: Some(prev_period),
            status: ObservationStatus::Actual,
            comparisons: vec![Comparison {
                base: ComparisonBase::SamePeriodLastYear,
                base_label: "so với cùng kỳ".into(),
                change: Change::PercentChange(prev),
                qualifier: Qualifier::Exact,
            }],
            provenance: Provenance {
                section_number: "1".into(),
                footnote_number: None,
                span: t.find(&format!("{}%", pct(prev)), p),
                sentence,
            },
            ..Observation::default()
        });
    }
    let exports_sentence = format!(
        "Kim ngạch xuất khẩu {m} tháng ước đạt 17.368 triệu USD, bằng 40,09% kế hoạch năm; \
         trong đó khu vực kinh tế nhà nước đạt 12 triệu USD.¹"
    );
    let p2 = t.para(&exports_sentence);
    body.push('\n');
    body.push_str(&exports_sentence);
    s11.span = Span::new(head.start as usize, p2.end as usize);
    s11.text = body;
    let ytd = Period::year_to_date(y, m, format!("{m} tháng")).unwrap();
    observations.push(Observation {
        indicator: "exports".into(),
        label: "Kim ngạch xuất khẩu".into(),
        breakdown: String::new(),
        period: Some(ytd.clone()),
        quantity: Some(Quantity {
            value: 17368.0,
            value_max: None,
            unit: "triệu USD".into(),
            unit_code: UnitCode::Usd,
            multiplier: 1e6,
            qualifier: Qualifier::Exact,
        }),
        status: ObservationStatus::Estimate,
        comparisons: vec![Comparison {
            base: ComparisonBase::Plan,
            base_label: "kế hoạch năm".into(),
            change: Change::AttainmentPercent(40.09),
            qualifier: Qualifier::Exact,
        }],
        provenance: Provenance {
            section_number: "1".into(),
            footnote_number: None,
            span: t.find("17.368 triệu USD", p2),
            sentence: exports_sentence.clone(),
        },
    });
    observations.push(Observation {
        indicator: "exports".into(),
        label: "Kim ngạch xuất khẩu".into(),
        breakdown: "Khu vực kinh tế nhà nước".into(),
        period: Some(ytd),
        quantity: Some(Quantity {
            value: 12.0,
            unit: "triệu USD".into(),
            unit_code: UnitCode::Usd,
            multiplier: 1e6,
            ..Quantity::default()
        }),
        status: ObservationStatus::Estimate,
        provenance: Provenance {
            section_number: "1".into(),
            footnote_number: None,
            span: t.find("12 triệu USD", p2),
            sentence: exports_sentence,
        },
        ..Observation::default()
    });
    sections.push(s11);

    let mut s12 = section("2", "I/2", "Thu ngân sách, quản lý đầu tư công", 2, "I");
    let head = t.para("2. Thu ngân sách, quản lý đầu tư công");
    let budget = format!(
        "Tổng thu ngân sách nhà nước trên địa bàn tháng {m} ước đạt 1.007,5 tỷ đồng. \
         Giải ngân vốn đầu tư công đạt 35,2% kế hoạch vốn giao."
    );
    let p = t.para(&budget);
    s12.span = Span::new(head.start as usize, p.end as usize);
    s12.text = budget.clone();
    observations.push(Observation {
        indicator: "budget_revenue".into(),
        label: "Tổng thu ngân sách nhà nước trên địa bàn".into(),
        period: Some(period.clone()),
        quantity: Some(Quantity {
            value: 1007.5,
            unit: "tỷ đồng".into(),
            unit_code: UnitCode::Vnd,
            multiplier: 1e9,
            ..Quantity::default()
        }),
        status: ObservationStatus::Estimate,
        provenance: Provenance {
            section_number: "2".into(),
            footnote_number: None,
            span: t.find("1.007,5 tỷ đồng", p),
            sentence: budget,
        },
        ..Observation::default()
    });
    sections.push(s12);

    let mut s13 = section("3", "I/3", "Nông nghiệp", 2, "I");
    let head = t.para("3. Nông nghiệp");
    let agri = "Sản lượng thuỷ sản ước đạt 4,2 nghìn tấn; công tác phòng, chống dịch bệnh \
                cho đàn vật nuôi được chú trọng."
        .to_owned();
    let p = t.para(&agri);
    s13.span = Span::new(head.start as usize, p.end as usize);
    s13.text = agri;
    sections.push(s13);

    // II. Tasks.
    let mut s2 = section(
        "II",
        "II",
        &format!("NHIỆM VỤ CHỦ YẾU THÁNG {} NĂM {y}", m % 12 + 1),
        1,
        "",
    );
    let head = t.para(&s2.title.clone());
    let task_texts = [
        (
            "Tập trung đẩy nhanh tiến độ giải ngân vốn đầu tư công; thực hiện Kế hoạch số \
             02/KH-UBND ngày 11/01/2024 của UBND tỉnh.",
            vec!["investment"],
            vec![("02/KH-UBND", "KH", "UBND tỉnh", "Kế hoạch số 02/KH-UBND")],
        ),
        (
            "Hỗ trợ phát triển sản xuất công nghiệp, thu hút đầu tư theo Nghị quyết số \
             65/NQ-CP của Chính phủ và Chỉ thị số 19-CT/TU.",
            vec!["industry", "investment"],
            vec![
                ("65/NQ-CP", "NQ", "Chính phủ", "Nghị quyết số 65/NQ-CP"),
                ("19-CT/TU", "CT", "TU", "Chỉ thị số 19-CT/TU"),
            ],
        ),
        (
            "Chuẩn bị tốt các điều kiện tổ chức Kỳ thi tốt nghiệp THPT năm 2024; bảo đảm an \
             toàn, nghiêm túc.",
            vec!["education"],
            vec![],
        ),
    ];
    let mut tasks = Vec::new();
    let mut task_body = String::new();
    for (i, (text, topics, refs)) in task_texts.iter().enumerate() {
        let line = format!("{}. {text}", i + 1);
        let span = t.para(&line);
        if !task_body.is_empty() {
            task_body.push('\n');
        }
        task_body.push_str(&line);
        let document_references = refs
            .iter()
            .map(|(n, ty, iss, raw)| docref(n, ty, iss, raw, t.find(raw, span)))
            .collect();
        tasks.push(Task {
            ordinal: i as u32 + 1,
            period: Some(planning.clone()),
            title: text.split(';').next().unwrap().to_owned(),
            text: (*text).to_owned(),
            topics: topics.iter().map(|s| (*s).to_owned()).collect(),
            document_references,
            deadline: None,
            span,
        });
    }
    s2.span = Span::new(head.start as usize, tasks.last().unwrap().span.end as usize);
    s2.text = task_body;
    sections.push(s2);

    // Footnotes after the body.
    let fn_text = "Trong đó: hàng dệt may đạt 2.100 triệu USD, tăng 8,5%; điện tử, máy tính và \
                   linh kiện đạt 13.200 triệu USD."
        .to_owned();
    let fn_span = t.para(&fn_text);
    let marker = {
        let s1 = &sections[1];
        t.find("¹", s1.span)
    };
    let footnotes = vec![Footnote {
        number: 1,
        text: fn_text,
        section_number: "1".into(),
        section_path: "I/1".into(),
        marker_span: Some(marker),
        span: fn_span,
    }];

    let document_references = tasks
        .iter()
        .flat_map(|t| t.document_references.clone())
        .collect();
    Report {
        id: String::new(),
        source: None,
        metadata: Metadata {
            issuer: spec.issuer.clone(),
            province: "Bắc Giang".into(),
            title: format!(
                "Báo cáo tình hình kinh tế - xã hội tháng {m} và nhiệm vụ trọng tâm tháng {}",
                m % 12 + 1
            ),
            document_number: format!("{}/BC-UBND", 100 + m),
            issued_on: spec.issued_day.and_then(|d| planning.start.with_day(d)),
            reporting_period: Some(period),
            planning_period: Some(planning),
            signer: Some(Signer {
                name: "Phan Thế Tuấn".into(),
                position: "PHÓ CHỦ TỊCH".into(),
                signing_for: "KT. CHỦ TỊCH".into(),
                on_behalf_of: "UỶ BAN NHÂN DÂN".into(),
            }),
            recipients: vec!["Văn phòng Chính phủ".into(), "Bộ Kế hoạch và Đầu tư".into()],
        },
        sections,
        footnotes,
        observations,
        tasks,
        document_references,
        quality_issues: vec![QualityIssue {
            kind: QualityIssueKind::DetachedDiacriticRepaired,
            message: "dấu thanh tách rời đã được ghép lại".into(),
            span: Span::new(0, 1),
        }],
        parser_version: spec.parser_version.clone(),
        normalized_text: t.s,
    }
}

/// The real report in `testdata/`, parsed by the current parser.
pub fn seed() -> (Vec<u8>, Report) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../testdata/reports/000_5b1c2bc8d5408b7b.txt"
    );
    let raw = std::fs::read(path).expect("the seed report is in testdata");
    let report = baocao_parser::parse(&raw, &baocao_parser::Hints::default())
        .expect("the seed report parses");
    (raw, report)
}
