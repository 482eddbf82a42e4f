//! Observations of the seed checked field by field against the text, and
//! the accuracy of the whole against the hand-written gold file
//! (testdata/gold/000_5b1c2bc8d5408b7b.observations.jsonl, conventions in
//! testdata/gold/CONVENTIONS.md).

use std::sync::OnceLock;

use baocao_domain::{
    Change, ComparisonBase as B, Observation, ObservationStatus as S, PeriodKind as P, Qualifier,
    QualityIssueKind, Report, UnitCode as U,
};
use baocao_parser::{Hints, gold, parse};
use chrono::NaiveDate;

const SEED: &[u8] = include_bytes!("../../../testdata/reports/000_5b1c2bc8d5408b7b.txt");
const GOLD: &str = include_str!("../../../testdata/gold/000_5b1c2bc8d5408b7b.observations.jsonl");
const BRIEF: &[u8] = include_bytes!("../../../testdata/reports/samples/cuc-thong-ke-brief.txt");
const CTK5: &[u8] = include_bytes!("../../../testdata/reports/samples/cuc-thong-ke-5-thang.txt");

fn seed() -> &'static Report {
    static R: OnceLock<Report> = OnceLock::new();
    R.get_or_init(|| parse(SEED, &Hints::default()).expect("seed parses"))
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

/// The observation whose figure is written as `figure` in the normalized
/// text (its provenance span), in the body or in footnote `footnote`.
fn at<'a>(r: &'a Report, figure: &str, footnote: Option<u32>) -> &'a Observation {
    let found: Vec<&Observation> = r
        .observations
        .iter()
        .filter(|o| {
            o.provenance.footnote_number == footnote
                && o.provenance
                    .span
                    .slice(&r.normalized_text)
                    .is_some_and(|s| s.starts_with(figure))
        })
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one observation at {figure:?} (fn {footnote:?}), found {found:#?}"
    );
    found[0]
}

fn period(o: &Observation) -> (P, NaiveDate, NaiveDate) {
    let p = o.period.as_ref().expect("period");
    (p.kind, p.start, p.end)
}

fn value(o: &Observation) -> (f64, Option<f64>, &str, U, f64, Qualifier) {
    let q = o.quantity.as_ref().expect("quantity");
    (
        q.value,
        q.value_max,
        q.unit.as_str(),
        q.unit_code,
        q.multiplier,
        q.qualifier,
    )
}

fn changes(o: &Observation) -> Vec<(B, String)> {
    o.comparisons
        .iter()
        .map(|c| {
            let v = match &c.change {
                Change::PercentChange(v) => format!("{v:+}%"),
                Change::Ratio(v) => format!("x{v}"),
                Change::AttainmentPercent(v) => format!("={v}%"),
                Change::AbsoluteChange(q) => format!("{:+} {}", q.value, q.unit),
            };
            let v = if c.qualifier == Qualifier::Approximate {
                format!("~{v}")
            } else {
                v
            };
            (c.base, v)
        })
        .collect()
}

const MAY: (P, NaiveDate, NaiveDate) = (
    P::Month,
    NaiveDate::from_ymd_opt(2024, 5, 1).unwrap(),
    NaiveDate::from_ymd_opt(2024, 5, 31).unwrap(),
);

fn ytd(y: i32, m: u32) -> (P, NaiveDate, NaiveDate) {
    (
        P::YearToDate,
        d(y, 1, 1),
        baocao_domain::period::last_day_of_month(y, m).expect("month"),
    )
}

#[test]
fn iip_by_month_year_to_date_and_the_year_before() {
    // "Chỉ số sản xuất công nghiệp (IIP) tháng 5/2024 tăng 17,32% so với
    // tháng 5/2023¹, tăng 10,38% so với tháng 4/2024; chỉ số 05 tháng tăng
    // 24,64% so với cùng kỳ (05 tháng năm 2023 tăng 15,3%)."
    let r = seed();
    let m = at(r, "17,32%", None);
    assert_eq!(
        (
            m.indicator.as_str(),
            m.breakdown.as_str(),
            period(m),
            m.status
        ),
        ("iip", "", MAY, S::Actual)
    );
    assert!(m.quantity.is_none());
    assert_eq!(
        changes(m),
        [
            (B::SamePeriodLastYear, "+17.32%".into()),
            (B::PreviousPeriod, "+10.38%".into())
        ]
    );
    assert_eq!(m.comparisons[0].base_label, "so với tháng 5/2023");
    assert_eq!(m.provenance.section_number, "1.1");
    assert!(
        m.provenance
            .sentence
            .starts_with("Chỉ số sản xuất công nghiệp (IIP) tháng 5/2024")
    );
    let y = at(r, "24,64%", None);
    assert_eq!((y.indicator.as_str(), period(y)), ("iip", ytd(2024, 5)));
    assert_eq!(changes(y), [(B::SamePeriodLastYear, "+24.64%".into())]);
    let last = at(r, "15,3%", None);
    assert_eq!(
        (last.indicator.as_str(), period(last)),
        ("iip", ytd(2023, 5))
    );
    assert_eq!(changes(last), [(B::SamePeriodLastYear, "+15.3%".into())]);
}

#[test]
fn industrial_output_value_level_year_to_date_plan_and_breakdowns() {
    let r = seed();
    let m = at(r, "60.769 tỷ đồng", None);
    assert_eq!(
        (m.indicator.as_str(), period(m), m.status),
        ("industrial_output_value", MAY, S::Estimate)
    );
    assert_eq!(
        value(m),
        (60769.0, None, "tỷ đồng", U::Vnd, 1e9, Qualifier::Exact)
    );
    assert_eq!(m.quantity.as_ref().map(|q| q.base_value()), Some(60_769e9));
    let y = at(r, "266.878 tỷ đồng", None);
    assert_eq!((period(y), y.status), (ytd(2024, 5), S::Estimate));
    assert_eq!(
        changes(y),
        [
            (B::SamePeriodLastYear, "+26%".into()),
            (B::Plan, "=40.09%".into())
        ]
    );
    // "(cùng kỳ đạt 40% kế hoạch)": the same figure a year earlier.
    let prev = at(r, "40%", None);
    assert_eq!(
        (prev.indicator.as_str(), period(prev)),
        ("industrial_output_value", ytd(2023, 5))
    );
    assert_eq!(changes(prev), [(B::Plan, "=40%".into())]);
    // "Trong đó: Khu vực kinh tế nhà nước 4.900 tỷ đồng, tăng 9,5%; ..."
    for (figure, breakdown, v, pct) in [
        ("4.900", "Khu vực kinh tế nhà nước", 4900.0, "+9.5%"),
        ("26.969", "kinh tế ngoài nhà nước", 26969.0, "+14.3%"),
        (
            "235.008",
            "khu vực kinh tế có vốn đầu tư nước ngoài",
            235008.0,
            "+27.9%",
        ),
    ] {
        let b = at(r, figure, None);
        assert_eq!(
            (b.indicator.as_str(), b.breakdown.as_str(), period(b)),
            ("industrial_output_value", breakdown, ytd(2024, 5))
        );
        assert_eq!(b.quantity.as_ref().map(|q| q.value), Some(v));
        assert_eq!(changes(b), [(B::SamePeriodLastYear, pct.to_owned())]);
    }
    // "Dự kiến ... 06 tháng đầu năm đạt 311.673 tỷ đồng, tăng 26,6%, đạt 46,8% kế hoạch."
    let f = at(r, "311.673", None);
    assert_eq!((period(f), f.status), (ytd(2024, 6), S::Forecast));
    assert_eq!(
        changes(f),
        [
            (B::SamePeriodLastYear, "+26.6%".into()),
            (B::Plan, "=46.8%".into())
        ]
    );
}

#[test]
fn a_footnote_inherits_the_subject_period_status_and_base_of_its_marker() {
    // Footnote 1: "Trong đó, ngành khai khoáng ước tăng 14,7%; ..." under the
    // IIP of May 2024 compared with May 2023.
    let r = seed();
    let f = at(r, "14,7%", Some(1));
    assert_eq!(
        (
            f.indicator.as_str(),
            f.breakdown.as_str(),
            period(f),
            f.status
        ),
        ("iip", "ngành khai khoáng", MAY, S::Estimate)
    );
    assert_eq!(changes(f), [(B::SamePeriodLastYear, "+14.7%".into())]);
    assert_eq!(f.provenance.section_number, "1.1");
    // "ngành công nghiệp chế biến chế tạo tăng 17,53%" writes no "ước" of
    // its own: the sentence's estimate carries (CONVENTIONS.md rule 13).
    let c = at(r, "17,53%", Some(1));
    assert_eq!(
        (c.indicator.as_str(), c.breakdown.as_str(), c.status),
        ("iip", "ngành công nghiệp chế biến chế tạo", S::Estimate)
    );
}

#[test]
fn trade_and_budget_comparisons() {
    let r = seed();
    let retail = at(r, "5.656", None);
    assert_eq!(
        (retail.indicator.as_str(), period(retail)),
        ("retail_sales", MAY)
    );
    assert_eq!(changes(retail), [(B::PreviousPeriod, "~+5%".into())]);
    let exports = at(r, "2,16 tỷ USD", None);
    assert_eq!(
        value(exports),
        (2.16, None, "tỷ USD", U::Usd, 1e9, Qualifier::Exact)
    );
    assert_eq!(
        changes(exports),
        [
            (B::PreviousPeriod, "+7.1%".into()),
            (B::SamePeriodLastYear, "+17.1%".into())
        ]
    );
    let trade = at(r, "19,05", None);
    assert_eq!(
        (trade.indicator.as_str(), period(trade), trade.status),
        ("total_trade", ytd(2024, 5), S::Actual)
    );
    assert_eq!(changes(trade), [(B::SamePeriodLastYear, "x1.2".into())]);
    let revenue = at(r, "1.007,5", None);
    assert_eq!(
        (revenue.indicator.as_str(), value(revenue).0),
        ("domestic_revenue", 1007.5)
    );
    assert_eq!(changes(revenue), [(B::SamePeriodLastYear, "~x1.7".into())]);
    let ytd_rev = at(r, "7.071,6", None);
    assert_eq!(
        changes(ytd_rev),
        [
            (B::SamePeriodLastYear, "+16%".into()),
            (B::BudgetEstimate, "=49.2%".into())
        ]
    );
    // "vượt 2% dự toán"; "vượt 45,2%" takes the base before it.
    let soe = at(r, "1,7 tỷ đồng", None);
    assert_eq!(
        (soe.indicator.as_str(), soe.breakdown.as_str()),
        (
            "domestic_revenue",
            "Thu từ doanh nghiệp nhà nước của địa phương"
        )
    );
    assert_eq!(changes(soe), [(B::BudgetEstimate, "+2%".into())]);
    let minerals = at(r, "5,5 tỷ đồng", None);
    assert_eq!(
        (minerals.indicator.as_str(), changes(minerals)),
        (
            "mineral_rights_fees",
            vec![(B::BudgetEstimate, "+45.2%".to_owned())]
        )
    );
    let land = at(r, "1.993", None);
    assert_eq!(
        changes(land),
        [
            (B::SamePeriodLastYear, "+20%".into()),
            (B::BudgetEstimate, "=30.2%".into())
        ]
    );
    // "Có 12/15 khoản thu tăng cao hơn cùng kỳ": done of a whole, not revenue.
    let parts = at(r, "12/15", None);
    assert_eq!(
        (parts.indicator.as_str(), value(parts).0, value(parts).1),
        ("", 12.0, Some(15.0))
    );
}

#[test]
fn dates_cut_offs_and_ranges() {
    let r = seed();
    // "Tính đến hết ngày 15/5/2024: Tổng giá trị giải ngân chung đạt 1.210,5 tỷ
    // đồng, bằng 12,8% kế hoạch (cùng kỳ đạt 18,1% kế hoạch)".
    let g = at(r, "1.210,5", None);
    assert_eq!(
        (g.indicator.as_str(), period(g)),
        (
            "public_investment_disbursement",
            (P::AsOfDate, d(2024, 5, 15), d(2024, 5, 15))
        )
    );
    assert_eq!(changes(g), [(B::Plan, "=12.8%".into())]);
    let prev = at(r, "18,1%", None);
    assert_eq!(period(prev), (P::AsOfDate, d(2023, 5, 15), d(2023, 5, 15)));
    // "Trong tháng 5 (tính đến ngày 16/5/2024), ... 305,2 triệu USD": the
    // month up to the cut-off.
    let inv = at(r, "305,2", None);
    assert_eq!(
        (inv.indicator.as_str(), period(inv)),
        (
            "investment_attracted",
            (P::DateRange, d(2024, 5, 1), d(2024, 5, 16))
        )
    );
    let cum = at(r, "1.118,8", None);
    assert_eq!(period(cum), (P::YearToDate, d(2024, 1, 1), d(2024, 5, 16)));
    assert_eq!(value(cum).5, Qualifier::AtLeast);
    // Ranges: "giá bán dao động từ 9-10 nghìn đồng/kg⁴".
    let price = at(r, "9-10", None);
    assert_eq!(
        value(price),
        (
            9.0,
            Some(10.0),
            "nghìn đồng/kg",
            U::VndPerKilogram,
            1e3,
            Qualifier::Exact
        )
    );
    // "(tháng trước là 59-63 nghìn đồng/kg)": April.
    let april = at(r, "59-63", Some(6));
    assert_eq!(
        (april.breakdown.as_str(), period(april)),
        ("Thịt lợn hơi", (P::Month, d(2024, 4, 1), d(2024, 4, 30)))
    );
}

#[test]
fn the_two_sentence_traffic_pattern() {
    // "Trong tháng 5, toàn tỉnh xảy ra 25 vụ tai nạn giao thông, làm chết 15
    // người, làm bị thương 15 người. So sánh với cùng kỳ năm 2023: giảm 07 vụ
    // (-21,9%); giảm 01 người chết (-6,3%); giảm 03 người bị thương (-16,7%).
    // So sánh với tháng 4 năm 2024: giảm 08 vụ (-24,2%); giảm 10 người chết
    // (-40%); tăng 01 người bị thương (7,1%)."
    let r = seed();
    let expect = [
        (
            "25 vụ",
            "traffic_accidents",
            25.0,
            U::Case,
            ["-7 vụ", "-21.9%", "-8 vụ", "-24.2%"],
        ),
        (
            "15 người, làm bị",
            "traffic_deaths",
            15.0,
            U::Person,
            ["-1 người", "-6.3%", "-10 người", "-40%"],
        ),
        (
            "15 người.",
            "traffic_injuries",
            15.0,
            U::Person,
            ["-3 người", "-16.7%", "+1 người", "+7.1%"],
        ),
    ];
    for (figure, code, v, unit, ch) in expect {
        let found: Vec<&Observation> = r
            .observations
            .iter()
            .filter(|o| o.indicator == code && o.provenance.footnote_number.is_none())
            .collect();
        assert_eq!(found.len(), 1, "{code}: {found:#?}");
        let o = found[0];
        assert!(
            r.normalized_text[o.provenance.span.start as usize..]
                .starts_with(&figure[..figure.find(' ').unwrap_or(figure.len())]),
            "{figure}"
        );
        assert_eq!((period(o), value(o).0, value(o).3), (MAY, v, unit));
        let got = changes(o);
        let bases: Vec<B> = got.iter().map(|(b, _)| *b).collect();
        assert_eq!(
            bases,
            [
                B::SamePeriodLastYear,
                B::SamePeriodLastYear,
                B::PreviousPeriod,
                B::PreviousPeriod
            ],
            "{code}"
        );
        let values: Vec<&str> = got.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(values, ch, "{code}");
    }
}

#[test]
fn ranks_and_scores_of_governance_indices() {
    // Footnote 19: "Năm 2023, Chỉ số PCI tỉnh Bắc Giang đạt 69,75 điểm, xếp
    // thứ 4/63 tỉnh, giảm 2 bậc so với năm 2022; ..."
    let r = seed();
    let pci = at(r, "69,75", Some(19));
    assert_eq!(
        (pci.indicator.as_str(), period(pci)),
        ("pci", (P::Year, d(2023, 1, 1), d(2023, 12, 31)))
    );
    assert_eq!(value(pci).3, U::Point);
    let rank = at(r, "4/63", Some(19));
    assert_eq!(
        (
            rank.indicator.as_str(),
            rank.breakdown.as_str(),
            value(rank).0,
            value(rank).1
        ),
        ("pci", "xếp hạng", 4.0, Some(63.0))
    );
    assert_eq!(changes(rank), [(B::PreviousPeriod, "-2 bậc".into())]);
    let papi = at(r, "44,3204", Some(19));
    assert_eq!(papi.indicator, "papi");
}

#[test]
fn damaged_and_unattachable_numbers_are_reported_not_invented() {
    let r = seed();
    // "tổng vốn tăng thêm là 475,37 52,13 triệu USD, gấp 9,1 lần cùng kỳ".
    let garbled: Vec<_> = r
        .quality_issues
        .iter()
        .filter(|q| q.kind == QualityIssueKind::GarbledNumber)
        .collect();
    assert_eq!(garbled.len(), 1);
    assert_eq!(
        garbled[0].span.slice(&r.normalized_text),
        Some("475,37 52,13")
    );
    assert!(!r.observations.iter().any(|o| {
        o.quantity
            .as_ref()
            .is_some_and(|q| q.value == 475.37 || q.value == 52.13)
    }));
    let adjusted = r
        .observations
        .iter()
        .find(|o| {
            o.indicator == "fdi_projects_adjusted_capital" && o.provenance.footnote_number.is_none()
        })
        .expect("the ratio stands");
    assert!(adjusted.quantity.is_none());
    assert_eq!(changes(adjusted), [(B::SamePeriodLastYear, "x9.1".into())]);
    // Years, dates and document numbers never become figures.
    for o in &r.observations {
        let q = o.quantity.as_ref().map_or(0.0, |q| q.value);
        assert!(
            !(2000.0..=2030.0).contains(&q)
                || o.quantity
                    .as_ref()
                    .is_some_and(|q| q.unit_code != U::Number),
            "{o:#?}"
        );
    }
}

#[test]
fn every_observation_points_at_its_figure() {
    let r = seed();
    assert!(r.observations.len() > 150, "{}", r.observations.len());
    for o in &r.observations {
        let s = o
            .provenance
            .span
            .slice(&r.normalized_text)
            .expect("valid span");
        assert!(s.starts_with(|c: char| c.is_ascii_digit()), "{s:?}");
        assert!(
            o.provenance
                .sentence
                .contains(s.split(' ').next().unwrap_or(s)),
            "{s:?} in {:?}",
            o.provenance.sentence
        );
        assert!(
            !o.provenance.section_number.is_empty() || o.provenance.footnote_number.is_some(),
            "{o:#?}"
        );
    }
    // No observation from the tasks part.
    let tasks_start = r.tasks.first().map_or(u32::MAX, |t| t.span.start);
    let fn_start = r.footnotes.first().map_or(u32::MAX, |f| f.span.start);
    assert!(
        r.observations
            .iter()
            .all(|o| o.provenance.span.start < tasks_start || o.provenance.span.start >= fn_start)
    );
}

#[test]
fn accuracy_against_the_gold_file() {
    let g = gold::read(GOLD).expect("gold parses");
    assert!(g.len() > 100);
    let s = gold::score(&g, &seed().observations);
    println!("{}", s.render(true));
    // A ratchet: raise these as the parser improves; never lower them to
    // make a change pass.
    assert!(
        s.recall() >= 0.951,
        "recall {:.3}\n{}",
        s.recall(),
        s.render(true)
    );
    assert!(
        s.precision() >= 0.945,
        "precision {:.3}\n{}",
        s.precision(),
        s.render(true)
    );
    assert!(
        s.exact as f64 >= 0.97 * s.matched as f64,
        "{}",
        s.render(true)
    );
}

#[test]
fn a_statistics_brief_reads_the_same_way() {
    // testdata/reports/samples/cuc-thong-ke-brief.txt, report on March 2024.
    let r = parse(BRIEF, &Hints::default()).expect("brief parses");
    let cpi: Vec<&Observation> = r
        .observations
        .iter()
        .filter(|o| o.indicator == "cpi")
        .collect();
    assert!(!cpi.is_empty());
    let march = cpi
        .iter()
        .find(|o| period(o).0 == P::Month)
        .expect("March CPI");
    assert_eq!(period(march), (P::Month, d(2024, 3, 1), d(2024, 3, 31)));
    assert_eq!(changes(march)[0], (B::PreviousPeriod, "+0.35%".into()));
    let traffic = r
        .observations
        .iter()
        .find(|o| o.indicator == "traffic_accidents")
        .expect("traffic");
    assert_eq!(
        period(traffic),
        (P::DateRange, d(2023, 12, 15), d(2024, 3, 14))
    );
}

#[test]
fn a_yield_is_one_unit_per_hectare() {
    // testdata/reports/samples/cuc-thong-ke-5-thang.txt, line 29:
    // "năng suất ước đạt 63,85 tạ/ha (tăng 1,96%); sản lượng ước đạt
    // 391.020 tấn (giảm 2,24%)."
    let r = parse(CTK5, &Hints::default()).expect("sample parses");
    let y = at(&r, "63,85", None);
    assert_eq!(y.label, "năng suất");
    assert_eq!(y.indicator, "crop_yield");
    // The crop of the sentence before (testdata/gold/samples/NOTES.md).
    assert_eq!(y.breakdown, "Lúa đông xuân 2023-2024");
    assert_eq!(
        value(y),
        (63.85, None, "tạ/ha", U::Other, 1.0, Qualifier::Exact)
    );
    assert_eq!(y.status, S::Estimate);
    // The rate is not what the next figure counts.
    let out = at(&r, "391.020", None);
    assert_eq!(out.label, "sản lượng");
    assert_eq!(out.indicator, "rice_output");
    assert_eq!(out.breakdown, "Lúa đông xuân 2023-2024");
    assert_eq!(value(out).2, "tấn");
    assert!(
        r.observations.iter().all(|o| !o.label.contains('/')),
        "no unit as a label"
    );
}

#[test]
fn statistics_office_wording_of_changes() {
    // Constructions of provincial statistics offices' reports (a survey of
    // real ones, rewritten here with invented figures): an adverb between
    // the verb and the figure, "CK" for cùng kỳ, "cùng thời điểm năm trước",
    // and a signed change in brackets with no level before it.
    let text = "UBND TỈNH THỬ NGHIỆM\n\nBÁO CÁO\n\n\
        Tình hình kinh tế - xã hội tháng 5 năm 2024\n\nI. KINH TẾ\n\n1. Công nghiệp\n\n\
        Chỉ số sản xuất công nghiệp (IIP) tháng 5 tăng khá (+8,25%) so với tháng trước và \
        tăng rất cao (+21,4%) so với cùng tháng năm trước (CK). Tổng mức bán lẻ hàng hóa \
        tháng 5 ước đạt 5.120 tỷ đồng, giảm nhẹ 0,8% so với tháng trước, tăng 9,6% so với \
        CK. Đàn lợn có 412.500 con, tăng 3,1% so cùng thời điểm năm trước.\n";
    let r = parse(text.as_bytes(), &Hints::default()).expect("parses");
    let retail = at(&r, "5.120", None);
    assert_eq!(retail.indicator, "retail_sales");
    assert_eq!(retail.breakdown, "", "the adverb is not a breakdown");
    assert_eq!(
        changes(retail),
        [
            (B::PreviousPeriod, "-0.8%".into()),
            (B::SamePeriodLastYear, "+9.6%".into())
        ]
    );
    let pigs = at(&r, "412.500", None);
    assert_eq!(changes(pigs), [(B::SamePeriodLastYear, "+3.1%".into())]);
    assert_eq!(
        (pigs.indicator.as_str(), pigs.breakdown.as_str()),
        ("livestock_herd", "lợn")
    );
    // The bracketed changes are the changes of the IIP named before the
    // verb, each with the base written after its bracket.
    let iip = at(&r, "8,25%", None);
    assert_eq!(
        (
            iip.indicator.as_str(),
            iip.breakdown.as_str(),
            period(iip),
            iip.status
        ),
        ("iip", "", MAY, S::Actual)
    );
    assert!(iip.quantity.is_none());
    assert_eq!(
        changes(iip),
        [
            (B::PreviousPeriod, "+8.25%".into()),
            (B::SamePeriodLastYear, "+21.4%".into())
        ]
    );
    assert_eq!(r.observations.len(), 3, "{:#?}", r.observations);
    let unattached = r
        .quality_issues
        .iter()
        .filter(|q| q.kind == QualityIssueKind::UnattachedNumber)
        .count();
    assert_eq!(unattached, 0, "{:#?}", r.quality_issues);
}
