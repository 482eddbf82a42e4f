//! The indicator catalog: what a report measures, with the phrases reports
//! use for it, and [`find_in`], which spots those phrases in a clause.
//!
//! Every [`Indicator`] has a stable snake_case code ("iip", "exports",
//! "traffic_deaths"), the Vietnamese name an analyst would write, its unit
//! and sector, and its aliases: lowercase Vietnamese phrases as reports write
//! them, the first being the canonical one. Aliases are compared word by
//! word on [`match_key`](crate::text::match_key), so case and tone placement
//! ("hoá"/"hóa", "thuỷ"/"thủy") never matter, and the punctuation between
//! words is free within a clause ("hàng hóa, dịch vụ" = "hàng hóa dịch vụ",
//! "xuất - nhập khẩu" = "xuất nhập khẩu"). An alias may hold one or more
//! "…", which stand for up to four words of the same comma-free stretch of
//! text: "tiếp nhận … đơn" finds "tiếp nhận 643 đơn".
//!
//! Some aliases mean something only after a given subject: "vốn đăng ký"
//! is the registered capital of new FDI projects right after "cấp mới 25 dự
//! án FDI", and of new enterprises right after "706 doanh nghiệp được thành
//! lập mới". Such an indicator lists those subjects' codes in
//! [`Indicator::context`], and [`find_in`] applies its aliases only when the
//! previous subject is one of them.
//!
//! # National codes
//!
//! [`Indicator::national_code`] is meant for the indicator's code in the
//! national statistical indicator system (Phụ lục "Danh mục chỉ tiêu thống
//! kê quốc gia" of the Statistics Law as amended by Law No. 01/2021/QH15 of
//! 12 November 2021, whose contents Decree 94/2022/NĐ-CP specifies). **None
//! could be verified, so every code is empty.** The stored copies of Law
//! 01/2021/QH15 and Decree 94/2022/NĐ-CP that could be consulted stop before
//! the annex tables. The codes that were seen belong to other systems and
//! are not used here: those of the superseded 2010 national system (Thông tư
//! 02/2011/TT-BKHĐT, e.g. "0101. Diện tích và cơ cấu đất") and those of the
//! provincial system (Quyết định 54/2016/QĐ-TTg, e.g. "T0501" for GRDP in the
//! General Statistics Office's metadata). Fill a code only from the annex
//! itself.

use std::cmp::Reverse;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::UnitCode;
use crate::text::{is_combining_mark, is_tone_mark};

/// The field of the economy or of public life an indicator belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Sector {
    Macro,
    Industry,
    Trade,
    Prices,
    Budget,
    Investment,
    Enterprise,
    Agriculture,
    Labour,
    Social,
    Safety,
    Governance,
}

/// One indicator of the catalog.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Indicator {
    /// Stable snake_case code: "iip", "exports", "traffic_deaths".
    pub code: &'static str,
    /// The Vietnamese name, as an analyst would write it.
    pub name: &'static str,
    pub name_en: &'static str,
    /// How reports write it: lowercase Vietnamese with diacritics, the
    /// first being the canonical phrase. "…" stands for up to four words.
    pub aliases: &'static [&'static str],
    /// The unit kind of its level values. Indices and rates are
    /// [`UnitCode::Percent`]; [`UnitCode::Unspecified`] when the unit varies
    /// (industrial products: cái, tấn, m3 ...).
    pub unit: UnitCode,
    pub sector: Sector,
    /// Its code in the national statistical indicator system, only where
    /// verified in the annex of the Statistics Law; else "" (see the module
    /// documentation: none is verified yet).
    pub national_code: &'static str,
    /// For contextual aliases: the codes of the subjects after which this
    /// indicator's aliases apply. Empty: they apply anywhere.
    pub context: &'static [&'static str],
}

const fn ind(
    code: &'static str,
    name: &'static str,
    name_en: &'static str,
    sector: Sector,
    unit: UnitCode,
    aliases: &'static [&'static str],
) -> Indicator {
    Indicator {
        code,
        name,
        name_en,
        aliases,
        unit,
        sector,
        national_code: "",
        context: &[],
    }
}

impl Indicator {
    /// The same indicator, its aliases applying only after these subjects.
    const fn after(self, context: &'static [&'static str]) -> Indicator {
        Indicator { context, ..self }
    }

    /// Whether this indicator's aliases apply after `previous`.
    pub fn applies_after(&self, previous: Option<&str>) -> bool {
        self.context.is_empty() || previous.is_some_and(|p| self.context.contains(&p))
    }
}

/// Capital registered by new projects or enterprises; applies after the
/// count it belongs to.
const NEW_CAPITAL: &[&str] = &[
    "vốn đăng ký",
    "tổng vốn đăng ký",
    "vốn đăng ký mới",
    "tổng vốn đăng ký mới",
    "số vốn đăng ký",
    "vốn đầu tư đăng ký",
    "tổng vốn đầu tư đăng ký",
];

/// Capital added by adjusted projects; applies after the count of adjusted
/// projects.
const ADDED_CAPITAL: &[&str] = &[
    "vốn đăng ký tăng thêm",
    "tổng vốn đăng ký tăng thêm",
    "tổng vốn tăng thêm",
    "vốn tăng thêm",
    "vốn điều chỉnh tăng",
    "vốn điều chỉnh tăng thêm",
    "tổng vốn điều chỉnh tăng",
    "vốn đăng ký điều chỉnh",
    "vốn điều chỉnh",
    "tổng vốn điều chỉnh",
];

/// The subjects of a traffic paragraph, after which "người chết" and
/// "người bị thương" are traffic casualties.
const TRAFFIC: &[&str] = &["traffic_accidents", "traffic_deaths", "traffic_injuries"];

use Sector::*;
use UnitCode as U;

static CATALOG: &[Indicator] = &[
    // --- Macro -------------------------------------------------------------
    ind(
        "grdp",
        "Tổng sản phẩm trên địa bàn (GRDP)",
        "Gross regional domestic product",
        Macro,
        U::Vnd,
        &[
            "tổng sản phẩm trên địa bàn",
            "tổng sản phẩm trên địa bàn tỉnh",
            "tổng sản phẩm trong tỉnh",
            "grdp",
            "quy mô grdp",
            "quy mô nền kinh tế",
        ],
    ),
    ind(
        "grdp_growth",
        "Tốc độ tăng trưởng kinh tế (GRDP)",
        "GRDP growth rate",
        Macro,
        U::Percent,
        &[
            "tốc độ tăng trưởng kinh tế",
            "tăng trưởng kinh tế",
            "tốc độ tăng trưởng grdp",
            "tăng trưởng grdp",
            "tốc độ tăng grdp",
            "tốc độ tăng tổng sản phẩm trên địa bàn",
            // Nghệ An's "Tốc độ tăng trưởng tổng sản phẩm (GRDP) ... đạt 6,27%".
            "tốc độ tăng trưởng tổng sản phẩm trên địa bàn",
            "tốc độ tăng trưởng tổng sản phẩm",
        ],
    ),
    // "khu vực dịch vụ tăng 7,47%, đóng góp 3,77 điểm phần trăm": what a
    // sector added to the GRDP's growth, in percentage points (a unit of
    // its own, no growth rate); the sector is the breakdown.
    ind(
        "grdp_growth_contribution",
        "Đóng góp vào tăng trưởng kinh tế (GRDP)",
        "Contribution to GRDP growth (percentage points)",
        Macro,
        U::Point,
        &[
            "đóng góp vào tăng trưởng kinh tế",
            "mức đóng góp vào tăng trưởng kinh tế",
            "đóng góp vào tăng trưởng grdp",
        ],
    ),
    ind(
        "grdp_per_capita",
        "GRDP bình quân đầu người",
        "GRDP per capita",
        Macro,
        U::Vnd,
        &[
            "grdp bình quân đầu người",
            "tổng sản phẩm bình quân đầu người",
        ],
    ),
    // Productivity is no crop's yield ("năng suất" alone is).
    ind(
        "labour_productivity",
        "Năng suất lao động",
        "Labour productivity",
        Macro,
        U::Vnd,
        &["năng suất lao động", "năng suất lao động xã hội"],
    ),
    // Banking (the provinces' "lĩnh vực ngân hàng" paragraph).
    ind(
        "deposits_mobilised",
        "Vốn huy động",
        "Deposits mobilised by credit institutions",
        Macro,
        U::Vnd,
        &[
            "vốn huy động",
            "tổng vốn huy động",
            "nguồn vốn huy động",
            "tổng nguồn vốn huy động",
        ],
    ),
    ind(
        "credit_outstanding",
        "Dư nợ tín dụng",
        "Credit outstanding",
        Macro,
        U::Vnd,
        &[
            "dư nợ tín dụng",
            "tổng dư nợ tín dụng",
            "dư nợ cho vay",
            "tổng dư nợ cho vay",
            "tổng dư nợ",
        ],
    ),
    // "nợ xấu 1.480 tỷ đồng, ..., chiếm tỷ trọng 1,37% tổng dư nợ": the
    // bank branches' bad debt, after the credit level.
    ind(
        "bad_debt",
        "Nợ xấu",
        "Non-performing loans",
        Macro,
        U::Vnd,
        &["nợ xấu", "tổng nợ xấu", "dư nợ xấu"],
    ),
    // --- Industry ----------------------------------------------------------
    ind(
        "iip",
        "Chỉ số sản xuất công nghiệp (IIP)",
        "Index of industrial production",
        Industry,
        U::Percent,
        &[
            "chỉ số sản xuất công nghiệp",
            "chỉ số sản xuất toàn ngành công nghiệp",
            "chỉ số sản xuất ngành công nghiệp",
            // Cần Thơ's statistics office.
            "chỉ số phát triển sản xuất công nghiệp",
            // Đồng Nai's Sở Công Thương, in the industry section: "Một số
            // ngành ... có chỉ số sản xuất 5 tháng đầu năm đạt mức tăng khá".
            "chỉ số sản xuất",
            "chỉ số iip",
            "iip",
        ],
    ),
    // "ngành khai khoáng giảm 4,1%, làm giảm 0,03 điểm phần trăm": what a
    // branch added to the index's change, in percentage points; the branch
    // is the breakdown.
    ind(
        "iip_contribution",
        "Đóng góp vào mức tăng chỉ số sản xuất công nghiệp",
        "Contribution to the change of the IIP (percentage points)",
        Industry,
        U::Point,
        &["đóng góp vào mức tăng chỉ số sản xuất công nghiệp"],
    ),
    // The statistics offices' monthly pair after the index: sales and
    // stocks of manufacturing (a percent against a base).
    ind(
        "manufacturing_consumption_index",
        "Chỉ số tiêu thụ ngành công nghiệp chế biến, chế tạo",
        "Consumption index of manufacturing",
        Industry,
        U::Percent,
        &[
            "chỉ số tiêu thụ ngành công nghiệp chế biến, chế tạo",
            "chỉ số tiêu thụ toàn ngành công nghiệp chế biến, chế tạo",
            "chỉ số tiêu thụ sản phẩm ngành công nghiệp chế biến, chế tạo",
            "chỉ số tiêu thụ sản phẩm công nghiệp chế biến, chế tạo",
            "chỉ số tiêu thụ công nghiệp chế biến, chế tạo",
            "chỉ số tiêu thụ",
        ],
    ),
    ind(
        "manufacturing_inventory_index",
        "Chỉ số tồn kho ngành công nghiệp chế biến, chế tạo",
        "Inventory index of manufacturing",
        Industry,
        U::Percent,
        &[
            "chỉ số tồn kho ngành công nghiệp chế biến, chế tạo",
            "chỉ số tồn kho toàn ngành công nghiệp chế biến, chế tạo",
            "chỉ số tồn kho sản phẩm ngành công nghiệp chế biến, chế tạo",
            "chỉ số tồn kho công nghiệp chế biến, chế tạo",
            "chỉ số tồn kho",
        ],
    ),
    ind(
        "industrial_output_value",
        "Giá trị sản xuất công nghiệp",
        "Industrial output value",
        Industry,
        U::Vnd,
        &[
            "giá trị sản xuất công nghiệp",
            "giá trị sản xuất ngành công nghiệp",
            "giá trị sản xuất toàn ngành công nghiệp",
            "gtsx công nghiệp",
        ],
    ),
    ind(
        "industrial_product_output",
        "Sản lượng sản phẩm công nghiệp chủ yếu",
        "Output of key industrial products",
        Industry,
        U::Unspecified,
        &[
            "sản phẩm công nghiệp chủ yếu",
            "sản phẩm công nghiệp chủ lực",
            "sản lượng sản phẩm công nghiệp",
            "sản phẩm chủ lực",
            "sản phẩm chủ yếu",
        ],
    ),
    ind(
        "electricity_output",
        "Sản lượng điện sản xuất",
        "Electricity generated",
        Industry,
        U::KilowattHour,
        &["sản lượng điện sản xuất", "sản lượng điện", "điện sản xuất"],
    ),
    // --- Trade and services ------------------------------------------------
    ind(
        "retail_sales",
        "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
        "Retail sales of goods and consumer services",
        Trade,
        U::Vnd,
        &[
            "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
            "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ",
            "tổng mức bán lẻ hàng hóa và dịch vụ tiêu dùng",
            // The statistics offices' tables: "Doanh thu bán lẻ hàng hóa và
            // dịch vụ tiêu dùng" heads the total of goods and services.
            "doanh thu bán lẻ hàng hóa và dịch vụ tiêu dùng",
            "tổng mức bán lẻ hàng hóa và dịch vụ",
            "tổng mức bán lẻ hàng hóa, dịch vụ",
            "tổng mức bán lẻ hàng hóa",
            "tổng mức bán lẻ",
            // "Tổng mức hàng hóa bán ra và doanh thu dịch vụ 9 tháng đạt
            // ..." (Gio Linh).
            "tổng mức hàng hóa bán ra và doanh thu dịch vụ",
            "tổng mức hàng hóa bán ra",
            "tổng mức lưu chuyển hàng hóa bán lẻ và doanh thu dịch vụ tiêu dùng",
            "tổng mức lưu chuyển hàng hóa bán lẻ và doanh thu dịch vụ",
            "tổng mức lưu chuyển hàng hóa bán lẻ",
            // Hà Nội's statistics office: "tổng mức bán hàng hoá và doanh
            // thu dịch vụ tiêu dùng xã hội tăng 9,7%".
            "tổng mức bán hàng hóa và doanh thu dịch vụ tiêu dùng xã hội",
            "tổng mức bán hàng hóa và doanh thu dịch vụ tiêu dùng",
        ],
    ),
    ind(
        "retail_goods",
        "Doanh thu bán lẻ hàng hóa",
        "Retail sales of goods",
        Trade,
        U::Vnd,
        &["doanh thu bán lẻ hàng hóa", "doanh thu bán lẻ"],
    ),
    ind(
        "accommodation_food_revenue",
        "Doanh thu dịch vụ lưu trú, ăn uống",
        "Accommodation and food service revenue",
        Trade,
        U::Vnd,
        &[
            "doanh thu dịch vụ lưu trú, ăn uống",
            "doanh thu lưu trú, ăn uống",
            "dịch vụ lưu trú, ăn uống",
            // Đà Nẵng's statistics office: "Doanh thu dịch vụ lưu trú và ăn
            // uống 5 tháng ...".
            "doanh thu dịch vụ lưu trú và ăn uống",
            "doanh thu lưu trú và ăn uống",
            // Hà Nội's statistics office (and the GSO's older tables).
            "doanh thu khách sạn, nhà hàng",
        ],
    ),
    ind(
        "tourism_revenue",
        "Doanh thu du lịch",
        "Tourism revenue",
        Trade,
        U::Vnd,
        &[
            "doanh thu du lịch lữ hành",
            // Đà Nẵng: "Doanh thu dịch vụ du lịch lữ hành 5 tháng ...".
            "doanh thu dịch vụ du lịch lữ hành",
            "doanh thu du lịch",
            "tổng thu từ du lịch",
            "tổng thu du lịch",
            "tổng thu từ khách du lịch",
            "doanh thu từ khách du lịch",
        ],
    ),
    ind(
        "tourist_arrivals",
        "Lượt khách du lịch",
        "Tourist arrivals",
        Trade,
        U::Visit,
        &[
            "lượt khách du lịch",
            "tổng lượt khách du lịch",
            "khách du lịch",
            "tổng lượt khách",
            "lượt khách tham quan",
            "tổng lượng khách du lịch",
            "lượng khách du lịch",
            "tổng lượng khách",
            "lượt khách",
        ],
    ),
    ind(
        "exports",
        "Kim ngạch xuất khẩu",
        "Exports",
        Trade,
        U::Usd,
        &[
            "giá trị xuất khẩu",
            "kim ngạch xuất khẩu",
            "tổng kim ngạch xuất khẩu",
            "kim ngạch xuất khẩu hàng hóa",
            "giá trị hàng hóa xuất khẩu",
            "xuất khẩu hàng hóa",
        ],
    ),
    ind(
        "imports",
        "Kim ngạch nhập khẩu",
        "Imports",
        Trade,
        U::Usd,
        &[
            "giá trị nhập khẩu",
            "kim ngạch nhập khẩu",
            "tổng kim ngạch nhập khẩu",
            "kim ngạch nhập khẩu hàng hóa",
            "giá trị hàng hóa nhập khẩu",
            "nhập khẩu hàng hóa",
        ],
    ),
    ind(
        "total_trade",
        "Tổng kim ngạch xuất, nhập khẩu",
        "Total trade (exports plus imports)",
        Trade,
        U::Usd,
        &[
            "tổng kim ngạch xuất - nhập khẩu",
            "kim ngạch xuất nhập khẩu",
            "tổng giá trị xuất nhập khẩu",
            "giá trị xuất nhập khẩu",
            "kim ngạch xuất khẩu, nhập khẩu",
            "xuất nhập khẩu",
        ],
    ),
    ind(
        "trade_balance",
        "Cán cân thương mại",
        "Trade balance",
        Trade,
        U::Usd,
        &[
            "cán cân thương mại",
            "cán cân thương mại hàng hóa",
            "xuất siêu",
            "nhập siêu",
        ],
    ),
    ind(
        "passenger_transport",
        "Vận chuyển hành khách",
        "Passengers carried",
        Trade,
        U::Person,
        &[
            "vận chuyển hành khách",
            "vận tải hành khách",
            "hành khách vận chuyển",
            "khối lượng hành khách vận chuyển",
        ],
    ),
    ind(
        "freight_transport",
        "Vận chuyển hàng hóa",
        "Freight carried",
        Trade,
        U::Tonne,
        &[
            "vận chuyển hàng hóa",
            "vận tải hàng hóa",
            "hàng hóa vận chuyển",
            "khối lượng hàng hóa vận chuyển",
        ],
    ),
    // --- Prices ------------------------------------------------------------
    ind(
        "cpi",
        "Chỉ số giá tiêu dùng (CPI)",
        "Consumer price index",
        Prices,
        U::Percent,
        &[
            "chỉ số giá tiêu dùng",
            "chỉ số giá tiêu dùng bình quân",
            "chỉ số cpi",
            "cpi",
        ],
    ),
    ind(
        "gold_price_index",
        "Chỉ số giá vàng",
        "Gold price index",
        Prices,
        U::Percent,
        &["chỉ số giá vàng"],
    ),
    ind(
        "usd_price_index",
        "Chỉ số giá đô la Mỹ",
        "US dollar price index",
        Prices,
        U::Percent,
        &[
            "chỉ số giá đô la mỹ",
            "chỉ số giá đô la",
            "chỉ số giá đôla mỹ",
            "chỉ số giá usd",
        ],
    ),
    ind(
        "farm_gate_price",
        "Giá bán sản phẩm nông nghiệp",
        "Farm-gate price",
        Prices,
        U::VndPerKilogram,
        &[
            "giá thịt lợn hơi",
            "giá lợn hơi",
            "thịt lợn hơi",
            "lợn hơi",
            "giá heo hơi",
            "heo hơi",
            "giá bán thịt lợn",
            "gà thương phẩm",
            "vịt thương phẩm",
            "giá cá thương phẩm",
            "cá thương phẩm",
            "giá bán",
        ],
    ),
    // --- Budget ------------------------------------------------------------
    ind(
        "budget_revenue",
        "Tổng thu ngân sách nhà nước trên địa bàn",
        "State budget revenue collected in the province",
        Budget,
        U::Vnd,
        &[
            "tổng thu ngân sách nhà nước trên địa bàn",
            "tổng thu ngân sách nhà nước",
            "thu ngân sách nhà nước trên địa bàn",
            "thu ngân sách nhà nước",
            "tổng thu nsnn trên địa bàn",
            "tổng thu nsnn",
            "thu nsnn",
            "tổng thu ngân sách",
            "thu ngân sách trên địa bàn",
            "thu ngân sách",
        ],
    ),
    ind(
        "domestic_revenue",
        "Thu nội địa",
        "Domestic revenue",
        Budget,
        U::Vnd,
        &["thu nội địa", "tổng thu nội địa"],
    ),
    ind(
        "land_use_fees",
        "Thu tiền sử dụng đất",
        "Land use fees",
        Budget,
        U::Vnd,
        &["thu tiền sử dụng đất", "tiền sử dụng đất"],
    ),
    ind(
        "import_export_revenue",
        "Thu từ hoạt động xuất nhập khẩu",
        "Revenue from import and export duties",
        Budget,
        U::Vnd,
        &[
            "thu từ hoạt động xuất nhập khẩu",
            "thu từ hoạt động xuất khẩu, nhập khẩu",
            "thu thuế xuất nhập khẩu",
            "thuế xuất nhập khẩu",
            "thu từ xuất nhập khẩu",
            "thu xuất nhập khẩu",
        ],
    ),
    ind(
        "mineral_rights_fees",
        "Thu tiền cấp quyền khai thác khoáng sản",
        "Mineral extraction right fees",
        Budget,
        U::Vnd,
        &[
            "thu tiền cấp quyền khai thác khoáng sản",
            "tiền cấp quyền khai thác khoáng sản",
        ],
    ),
    ind(
        "budget_expenditure",
        "Tổng chi ngân sách địa phương",
        "Local budget expenditure",
        Budget,
        U::Vnd,
        &[
            "tổng chi ngân sách địa phương",
            "chi ngân sách địa phương",
            "tổng chi ngân sách nhà nước",
            "chi ngân sách nhà nước",
            "tổng chi nsđp",
            "chi nsđp",
            "tổng chi nsnn",
            "chi nsnn",
            "tổng chi ngân sách",
            "chi ngân sách",
        ],
    ),
    ind(
        "development_expenditure",
        "Chi đầu tư phát triển",
        "Development expenditure",
        Budget,
        U::Vnd,
        &["chi đầu tư phát triển"],
    ),
    ind(
        "recurrent_expenditure",
        "Chi thường xuyên",
        "Recurrent expenditure",
        Budget,
        U::Vnd,
        &["chi thường xuyên"],
    ),
    // --- Investment --------------------------------------------------------
    ind(
        "public_investment_plan",
        "Kế hoạch vốn đầu tư công",
        "Public investment plan",
        Investment,
        U::Vnd,
        &[
            "kế hoạch vốn đầu tư công",
            "tổng kế hoạch vốn đầu tư công",
            "tổng kế hoạch vốn đầu tư nsnn",
            "kế hoạch vốn đầu tư nsnn",
            "tổng kế hoạch vốn đầu tư ngân sách nhà nước",
            "kế hoạch vốn đầu tư ngân sách nhà nước",
            "kế hoạch đầu tư công",
            // "Kế hoạch vốn năm 2023 Thủ tướng Chính phủ giao là ...".
            "kế hoạch vốn",
        ],
    ),
    ind(
        "public_investment_disbursement",
        "Giải ngân vốn đầu tư công",
        "Public investment disbursed",
        Investment,
        U::Vnd,
        &[
            "giải ngân vốn đầu tư công",
            "tổng giá trị giải ngân",
            "giá trị giải ngân",
            "giải ngân vốn đầu tư",
            "giải ngân kế hoạch vốn",
            "tỷ lệ giải ngân",
            "giải ngân đạt",
            "giải ngân được",
            // "giải ngân đến ngày 15/5/2024 đạt ...": a cut-off between
            // (a date is three words). With "tính đến" the other aliases
            // ("giá trị giải ngân") already name it.
            "giải ngân đến … đạt",
            "giải ngân đến ngày … đạt",
            "giải ngân đến hết ngày … đạt",
            "giải ngân đến … được",
            "giải ngân đến ngày … được",
        ],
    ),
    ind(
        "realized_investment",
        "Vốn đầu tư thực hiện",
        "Realized investment",
        Investment,
        U::Vnd,
        &[
            "vốn đầu tư thực hiện",
            "tổng vốn đầu tư thực hiện",
            "vốn đầu tư thực hiện trên địa bàn",
            "vốn đầu tư phát triển toàn xã hội",
            "tổng vốn đầu tư toàn xã hội",
            "vốn đầu tư toàn xã hội",
        ],
    ),
    ind(
        "state_budget_investment",
        "Vốn đầu tư thực hiện từ nguồn ngân sách nhà nước",
        "Realized investment from the state budget",
        Investment,
        U::Vnd,
        &[
            "vốn đầu tư thực hiện từ nguồn ngân sách nhà nước",
            "vốn đầu tư thực hiện từ nguồn vốn ngân sách nhà nước",
            "vốn đầu tư thực hiện thuộc nguồn vốn ngân sách nhà nước",
            "vốn đầu tư thực hiện từ nguồn nsnn",
            "vốn đầu tư thực hiện thuộc nguồn vốn nsnn",
            "vốn đầu tư từ nguồn ngân sách nhà nước",
            "vốn đầu tư từ ngân sách nhà nước",
            "tổng vốn đầu tư từ ngân sách nhà nước",
            "vốn đầu tư thuộc nguồn vốn ngân sách nhà nước",
            "vốn đầu tư thuộc nguồn vốn nsnn",
            "vốn đầu tư thuộc nguồn vốn nsnn do địa phương quản lý",
            "vốn đầu tư thuộc nguồn vốn ngân sách nhà nước do địa phương quản lý",
            "vốn đầu tư phát triển của nhà nước do địa phương quản lý",
        ],
    ),
    ind(
        "investment_attracted",
        "Vốn đầu tư thu hút (quy đổi)",
        "Investment attracted (converted to USD)",
        Investment,
        U::Usd,
        &[
            "vốn đầu tư quy đổi",
            "tổng vốn đầu tư quy đổi",
            "thu hút được … vốn đầu tư",
            "tổng vốn đầu tư thu hút",
            "vốn đầu tư thu hút",
        ],
    ),
    ind(
        "domestic_projects_new",
        "Dự án đầu tư trong nước cấp mới",
        "New domestic investment projects",
        Investment,
        U::Project,
        &[
            "cấp mới … dự án đầu tư trong nước",
            "cấp mới … dự án trong nước",
            "dự án đầu tư trong nước cấp mới",
            "dự án đầu tư trong nước được cấp mới",
            "dự án trong nước cấp mới",
            "dự án trong nước được cấp mới",
            "dự án đầu tư trong nước",
            "dự án trong nước",
        ],
    ),
    ind(
        "domestic_projects_new_capital",
        "Vốn đăng ký của dự án trong nước cấp mới",
        "Capital registered by new domestic projects",
        Investment,
        U::Vnd,
        NEW_CAPITAL,
    )
    .after(&["domestic_projects_new", "domestic_projects_new_capital"]),
    ind(
        "domestic_projects_adjusted",
        "Dự án đầu tư trong nước điều chỉnh vốn",
        "Domestic projects with adjusted capital",
        Investment,
        U::Project,
        &[
            "điều chỉnh … dự án trong nước",
            "điều chỉnh … dự án đầu tư trong nước",
            "điều chỉnh tăng vốn … dự án trong nước",
            "điều chỉnh tăng vốn … dự án đầu tư trong nước",
            "dự án trong nước điều chỉnh",
            "dự án đầu tư trong nước điều chỉnh",
            "dự án trong nước điều chỉnh tăng vốn",
        ],
    ),
    ind(
        "domestic_projects_adjusted_capital",
        "Vốn tăng thêm của dự án trong nước điều chỉnh",
        "Capital added by adjusted domestic projects",
        Investment,
        U::Vnd,
        ADDED_CAPITAL,
    )
    .after(&[
        "domestic_projects_adjusted",
        "domestic_projects_adjusted_capital",
    ]),
    ind(
        "fdi_projects_new",
        "Dự án FDI cấp mới",
        "New FDI projects",
        Investment,
        U::Project,
        &[
            "cấp mới … dự án fdi",
            "cấp mới … dự án đầu tư nước ngoài",
            "cấp mới … dự án có vốn đầu tư nước ngoài",
            "cấp mới … dự án đầu tư trực tiếp nước ngoài",
            "dự án fdi cấp mới",
            "dự án fdi được cấp mới",
            "dự án fdi mới",
            "dự án đầu tư nước ngoài cấp mới",
            "dự án đầu tư trực tiếp nước ngoài",
            "dự án fdi",
        ],
    ),
    ind(
        "fdi_projects_new_capital",
        "Vốn đăng ký của dự án FDI cấp mới",
        "Capital registered by new FDI projects",
        Investment,
        U::Usd,
        NEW_CAPITAL,
    )
    .after(&["fdi_projects_new", "fdi_projects_new_capital"]),
    ind(
        "fdi_projects_adjusted",
        "Dự án FDI điều chỉnh vốn",
        "FDI projects with adjusted capital",
        Investment,
        U::Project,
        &[
            "điều chỉnh … dự án fdi",
            "điều chỉnh tăng vốn … dự án fdi",
            "điều chỉnh … dự án đầu tư nước ngoài",
            "điều chỉnh … dự án có vốn đầu tư nước ngoài",
            "dự án fdi điều chỉnh",
            "dự án fdi điều chỉnh vốn",
            "dự án fdi điều chỉnh tăng vốn",
        ],
    ),
    ind(
        "fdi_projects_adjusted_capital",
        "Vốn tăng thêm của dự án FDI điều chỉnh",
        "Capital added by adjusted FDI projects",
        Investment,
        U::Usd,
        ADDED_CAPITAL,
    )
    .after(&["fdi_projects_adjusted", "fdi_projects_adjusted_capital"]),
    ind(
        "fdi_realized",
        "Vốn FDI thực hiện",
        "FDI disbursed",
        Investment,
        U::Usd,
        &[
            "vốn fdi thực hiện",
            "vốn fdi giải ngân",
            "vốn đầu tư trực tiếp nước ngoài thực hiện",
            "vốn đầu tư trực tiếp nước ngoài giải ngân",
        ],
    ),
    // --- Enterprises -------------------------------------------------------
    ind(
        "enterprises_new",
        "Doanh nghiệp thành lập mới",
        "Newly registered enterprises",
        Enterprise,
        U::Enterprise,
        &[
            "doanh nghiệp thành lập mới",
            "doanh nghiệp được thành lập mới",
            "doanh nghiệp được thành lập",
            "doanh nghiệp đăng ký thành lập mới",
            "doanh nghiệp đăng ký thành lập",
            "doanh nghiệp đăng ký mới",
            "doanh nghiệp thành lập",
            "thành lập mới … doanh nghiệp",
            // "cấp giấy chứng nhận đăng ký doanh nghiệp cho 1.215 doanh
            // nghiệp": how a planning department words new registrations.
            "cấp giấy chứng nhận đăng ký doanh nghiệp",
            "cấp giấy chứng nhận đăng ký kinh doanh",
            "cấp mới giấy chứng nhận đăng ký doanh nghiệp",
        ],
    ),
    ind(
        "enterprises_new_capital",
        "Vốn đăng ký của doanh nghiệp thành lập mới",
        "Capital registered by new enterprises",
        Enterprise,
        U::Vnd,
        NEW_CAPITAL,
    )
    .after(&["enterprises_new", "enterprises_new_capital"]),
    ind(
        "enterprises_dissolved",
        "Doanh nghiệp giải thể",
        "Enterprises dissolved",
        Enterprise,
        U::Enterprise,
        &[
            "doanh nghiệp giải thể",
            "doanh nghiệp đã giải thể",
            "doanh nghiệp hoàn tất thủ tục giải thể",
            "hoàn tất thủ tục giải thể",
            "giải thể",
        ],
    ),
    ind(
        "enterprises_pending_dissolution",
        "Doanh nghiệp ngừng hoạt động chờ làm thủ tục giải thể",
        "Enterprises awaiting dissolution",
        Enterprise,
        U::Enterprise,
        &[
            "doanh nghiệp ngừng hoạt động chờ làm thủ tục giải thể",
            "ngừng hoạt động chờ làm thủ tục giải thể",
            "doanh nghiệp chờ giải thể",
            "chờ giải thể",
        ],
    ),
    ind(
        "enterprises_suspended",
        "Doanh nghiệp tạm ngừng hoạt động",
        "Enterprises suspending business",
        Enterprise,
        U::Enterprise,
        &[
            "tạm ngừng hoạt động",
            "doanh nghiệp tạm ngừng hoạt động",
            "doanh nghiệp tạm ngừng kinh doanh có thời hạn",
            "tạm ngừng kinh doanh có thời hạn",
            "tạm ngừng kinh doanh",
        ],
    ),
    ind(
        "enterprises_resumed",
        "Doanh nghiệp quay trở lại hoạt động",
        "Enterprises resuming business",
        Enterprise,
        U::Enterprise,
        &[
            "quay trở lại hoạt động",
            "doanh nghiệp quay trở lại hoạt động",
            "quay lại hoạt động",
            "trở lại hoạt động",
            "doanh nghiệp hoạt động trở lại",
            "hoạt động trở lại",
        ],
    ),
    // --- Agriculture, forestry and fishery ---------------------------------
    ind(
        "agri_output_value",
        "Giá trị sản xuất nông, lâm nghiệp và thủy sản",
        "Agriculture, forestry and fishery output value",
        Agriculture,
        U::Vnd,
        &[
            "giá trị sản xuất nông, lâm nghiệp và thủy sản",
            "giá trị sản xuất nông lâm thủy sản",
            "giá trị sản xuất ngành nông nghiệp",
            "giá trị sản xuất nông nghiệp",
        ],
    ),
    ind(
        "crop_area",
        "Diện tích gieo trồng",
        "Area sown",
        Agriculture,
        U::Hectare,
        &[
            "diện tích gieo trồng",
            "tổng diện tích gieo trồng",
            "diện tích gieo cấy",
            "diện tích cây hằng năm",
            "diện tích cây hàng năm",
            "gieo trồng",
            "gieo cấy",
            // Sown directly, as the southern provinces write it.
            "gieo sạ",
            // Generic: "Diện tích dứa", the crop named after it. Longer
            // aliases of other indicators win ("diện tích bị phá").
            "diện tích",
        ],
    ),
    ind(
        "crop_output",
        "Sản lượng cây trồng",
        "Crop output",
        Agriculture,
        U::Tonne,
        &[
            "sản lượng",
            "sản lượng cây trồng",
            "sản lượng lương thực",
            "sản lượng lương thực có hạt",
            "sản lượng thu hoạch",
        ],
    ),
    ind(
        "rice_area",
        "Diện tích lúa",
        "Rice area",
        Agriculture,
        U::Hectare,
        &[
            "diện tích lúa",
            "diện tích gieo cấy lúa",
            "diện tích lúa gieo cấy",
            "diện tích trồng lúa",
            "gieo cấy lúa",
            "ha lúa",
        ],
    ),
    ind(
        "rice_output",
        "Sản lượng lúa",
        "Rice output",
        Agriculture,
        U::Tonne,
        &["sản lượng lúa", "sản lượng thóc"],
    ),
    // Yields, in "tạ/ha" (a unit without a code: OTHER).
    ind(
        "crop_yield",
        "Năng suất cây trồng",
        "Crop yield",
        Agriculture,
        U::Other,
        &["năng suất", "năng suất bình quân", "năng suất cây trồng"],
    ),
    ind(
        "rice_yield",
        "Năng suất lúa",
        "Rice yield",
        Agriculture,
        U::Other,
        &["năng suất lúa", "năng suất lúa bình quân", "năng suất thóc"],
    ),
    ind(
        "livestock_herd",
        "Tổng đàn vật nuôi",
        "Livestock herd",
        Agriculture,
        U::Head,
        &[
            "tổng đàn",
            "tổng đàn lợn",
            "tổng đàn trâu",
            "tổng đàn bò",
            "tổng đàn gia cầm",
            // "Tổng số gia cầm có 2.800,65 nghìn con" (Cao Bằng).
            "tổng số gia cầm",
            "đàn lợn",
            "đàn heo",
            "đàn trâu",
            "đàn bò",
            "đàn gia cầm",
            "đàn dê",
            "đàn ngựa",
            "đàn gà",
            "đàn vịt",
        ],
    ),
    ind(
        "meat_output",
        "Sản lượng thịt hơi xuất chuồng",
        "Live-weight meat output",
        Agriculture,
        U::Tonne,
        &[
            "sản lượng thịt hơi xuất chuồng",
            "sản lượng thịt hơi",
            "sản lượng thịt lợn hơi",
            "thịt hơi xuất chuồng",
            "sản lượng thịt",
        ],
    ),
    ind(
        "aquaculture_output",
        "Sản lượng thủy sản",
        "Fishery and aquaculture output",
        Agriculture,
        U::Tonne,
        &[
            "sản lượng thủy sản",
            "sản lượng nuôi trồng thủy sản",
            "sản lượng thủy sản nuôi trồng",
            "sản lượng khai thác thủy sản",
            "sản lượng nuôi trồng và khai thác thủy sản",
            "sản lượng khai thác và nuôi trồng thủy sản",
            "sản lượng thủy sản nuôi trồng và khai thác",
            // Bạc Liêu, Cà Mau: "tổng sản lượng nuôi trồng và khai thác
            // (thủy hải sản)"; nothing but the fisheries is both farmed and
            // caught.
            "sản lượng nuôi trồng và khai thác thủy hải sản",
            "sản lượng nuôi trồng và khai thác",
            // "Sản lượng thủy, hải sản ước đạt 13.750 tấn" (Kim Sơn).
            "sản lượng thủy, hải sản",
            // "Sản lượng hải sản khai thác 13.863 tấn" (Gio Linh).
            "sản lượng hải sản khai thác",
            "sản lượng hải sản",
            "thu hoạch thủy sản",
            "nuôi trồng thủy sản",
            // The items a province farms or catches, named after the head
            // "sản lượng" (the parser reads them as items, as "đàn trâu"
            // of the herd).
            "sản lượng cá",
            "sản lượng cá tra",
            "sản lượng tôm",
            "sản lượng tôm sú",
            "sản lượng tôm thẻ chân trắng",
            "thủy sản",
        ],
    ),
    ind(
        "aquaculture_area",
        "Diện tích nuôi trồng thủy sản",
        "Aquaculture area",
        Agriculture,
        U::Hectare,
        &[
            "diện tích nuôi trồng thủy sản",
            "diện tích nuôi thủy sản",
            "diện tích nuôi trồng",
            "diện tích thả nuôi",
        ],
    ),
    ind(
        "planted_forest_area",
        "Diện tích rừng trồng mới",
        "Area of new forest planted",
        Agriculture,
        U::Hectare,
        &[
            "trồng rừng",
            "rừng trồng",
            "diện tích rừng trồng mới",
            "diện tích trồng rừng",
            "trồng rừng tập trung",
            "trồng rừng mới",
            "rừng trồng mới",
        ],
    ),
    ind(
        "forest_large_timber_conversion",
        "Chuyển hóa rừng trồng gỗ nhỏ sang gỗ lớn",
        "Plantation converted from small to large timber",
        Agriculture,
        U::Hectare,
        &[
            "chuyển hóa rừng trồng gỗ nhỏ sang gỗ lớn",
            "chuyển hóa … rừng trồng gỗ nhỏ sang gỗ lớn",
        ],
    ),
    ind(
        "timber_output",
        "Sản lượng gỗ khai thác",
        "Timber harvested",
        Agriculture,
        U::CubicMetre,
        &[
            "sản lượng gỗ khai thác",
            "sản lượng khai thác gỗ",
            "sản lượng gỗ",
            "gỗ khai thác",
            "khai thác gỗ",
        ],
    ),
    ind(
        "forest_violations",
        "Vụ vi phạm Luật Lâm nghiệp",
        "Forestry law violations",
        Agriculture,
        U::Case,
        &[
            "vụ vi phạm luật lâm nghiệp",
            "vi phạm luật lâm nghiệp",
            "vụ vi phạm pháp luật về lâm nghiệp",
            "vi phạm pháp luật về lâm nghiệp",
            "vụ vi phạm lâm luật",
            "vi phạm lâm luật",
            "vụ vi phạm … lâm nghiệp",
        ],
    ),
    ind(
        "deforestation_cases",
        "Vụ phá rừng trái phép",
        "Illegal deforestation cases",
        Agriculture,
        U::Case,
        &[
            "vụ phá rừng",
            "vụ phát, phá rừng",
            "vụ chặt phá rừng",
            "vụ khai thác, chặt phá rừng",
            "vụ khai thác rừng trái phép",
        ],
    ),
    ind(
        "deforested_area",
        "Diện tích rừng bị thiệt hại",
        "Forest area destroyed",
        Agriculture,
        U::Hectare,
        &[
            "diện tích rừng bị thiệt hại",
            "diện tích rừng bị phá",
            "diện tích rừng bị chặt phá",
            "diện tích bị phá",
            "diện tích thiệt hại",
        ],
    ),
    ind(
        "reservoir_storage",
        "Dung tích các hồ chứa",
        "Reservoir storage (share of design capacity)",
        Agriculture,
        U::Percent,
        &[
            "dung tích các hồ chứa",
            "dung tích hồ chứa",
            "dung tích trữ nước",
        ],
    ),
    // --- Labour ------------------------------------------------------------
    ind(
        "jobs_created",
        "Số lao động được tạo việc làm mới",
        "Jobs created",
        Labour,
        U::Person,
        &[
            "tạo việc làm mới",
            "tạo việc làm",
            "giải quyết việc làm mới",
            "giải quyết việc làm",
            "lao động được tạo việc làm",
        ],
    ),
    ind(
        "unemployment_rate",
        "Tỷ lệ thất nghiệp",
        "Unemployment rate",
        Labour,
        U::Percent,
        &[
            "tỷ lệ thất nghiệp",
            "tỉ lệ thất nghiệp",
            "tỷ lệ thất nghiệp của lực lượng lao động trong độ tuổi",
            "tỉ lệ thất nghiệp của lực lượng lao động trong độ tuổi",
        ],
    ),
    ind(
        "industrial_park_workers",
        "Lao động làm việc trong các khu công nghiệp",
        "Workers in industrial parks",
        Labour,
        U::Person,
        &[
            "lao động trong các khu công nghiệp",
            "lao động trong các kcn",
            "lao động làm việc trong các khu công nghiệp",
            "lao động làm việc trong các kcn",
            "lao động làm việc tại các khu công nghiệp",
            "lao động làm việc tại các kcn",
            "lao động tại các khu công nghiệp",
            "lao động tại các kcn",
            "trong các khu công nghiệp … lao động",
            "trong các kcn … lao động",
        ],
    ),
    ind(
        "labour_export",
        "Người lao động đi làm việc ở nước ngoài theo hợp đồng",
        "Workers sent abroad under contract",
        Labour,
        U::Person,
        &[
            "xuất khẩu lao động",
            "người lao động đi làm việc ở nước ngoài theo hợp đồng",
            "người lao động đi làm việc ở nước ngoài",
            "lao động đi làm việc ở nước ngoài",
        ],
    ),
    ind(
        "social_insurance_debt",
        "Nợ bảo hiểm xã hội",
        "Social insurance contributions in arrears",
        Labour,
        U::Vnd,
        &[
            "nợ bảo hiểm",
            "nợ bảo hiểm xã hội",
            "nợ đọng bảo hiểm xã hội",
            "nợ bhxh",
            "nợ đọng bhxh",
            "nợ đóng bhxh",
            "chậm đóng bhxh",
            "chậm đóng bảo hiểm xã hội",
        ],
    ),
    ind(
        "social_insurance_participants",
        "Người tham gia bảo hiểm xã hội",
        "Social insurance participants",
        Labour,
        U::Person,
        &[
            "người tham gia bảo hiểm xã hội",
            "người tham gia bhxh",
            "tham gia bảo hiểm xã hội",
            "tham gia bhxh",
        ],
    ),
    ind(
        "health_insurance_coverage",
        "Tỷ lệ bao phủ bảo hiểm y tế",
        "Health insurance coverage",
        Labour,
        U::Percent,
        &[
            "tỷ lệ bao phủ bảo hiểm y tế",
            "tỷ lệ bao phủ bhyt",
            "tỷ lệ dân số tham gia bảo hiểm y tế",
            "tỷ lệ dân số tham gia bhyt",
            "bao phủ bảo hiểm y tế",
            "bao phủ bhyt",
        ],
    ),
    // --- Social ------------------------------------------------------------
    ind(
        "health_visits",
        "Lượt khám, chữa bệnh",
        "Medical consultations",
        Social,
        U::Visit,
        &[
            "lượt khám, chữa bệnh",
            "số lượt khám, chữa bệnh",
            "lượt khám bệnh, chữa bệnh",
            "lượt khám bệnh",
            "lượt người khám bệnh",
            // "15.600 lượt người được khám chữa bệnh": patients, not the
            // citizens received of "lượt người" alone.
            "lượt người được khám",
            "lượt người khám chữa bệnh",
            // "khám bệnh cho 214.360 lượt người": not citizens received.
            "khám bệnh cho … lượt",
            "khám, chữa bệnh cho … lượt",
        ],
    ),
    ind(
        "inpatients",
        "Bệnh nhân điều trị nội trú",
        "Inpatients",
        Social,
        U::Person,
        &[
            "bệnh nhân nội trú",
            "bệnh nhân điều trị nội trú",
            "người bệnh điều trị nội trú",
            "lượt điều trị nội trú",
            "điều trị nội trú",
        ],
    ),
    ind(
        "outpatients",
        "Bệnh nhân điều trị ngoại trú",
        "Outpatients",
        Social,
        U::Person,
        &[
            "bệnh nhân điều trị ngoại trú",
            "bệnh nhân ngoại trú",
            "người bệnh điều trị ngoại trú",
            "lượt điều trị ngoại trú",
            "điều trị ngoại trú",
        ],
    ),
    ind(
        "hospital_bed_occupancy",
        "Công suất sử dụng giường bệnh",
        "Hospital bed occupancy",
        Social,
        U::Percent,
        &["công suất sử dụng giường bệnh", "công suất giường bệnh"],
    ),
    ind(
        "medals",
        "Huy chương",
        "Sports medals won",
        Social,
        U::Medal,
        &["huy chương", "tổng số huy chương"],
    ),
    ind(
        "poverty_rate",
        "Tỷ lệ hộ nghèo",
        "Poverty rate (households)",
        Social,
        U::Percent,
        &["tỷ lệ hộ nghèo", "tỷ lệ hộ nghèo đa chiều"],
    ),
    // --- Safety ------------------------------------------------------------
    ind(
        "traffic_accidents",
        "Tai nạn giao thông",
        "Traffic accidents",
        Safety,
        U::Case,
        &[
            "vụ tai nạn giao thông",
            "số vụ tai nạn giao thông",
            "tai nạn giao thông",
            "vụ tngt",
            "tngt",
        ],
    ),
    ind(
        "traffic_deaths",
        "Số người chết do tai nạn giao thông",
        "Traffic deaths",
        Safety,
        U::Person,
        &[
            "người chết",
            "làm chết",
            "số người chết",
            "người tử vong",
            "làm tử vong",
            "tử vong",
        ],
    )
    .after(TRAFFIC),
    ind(
        "traffic_injuries",
        "Số người bị thương do tai nạn giao thông",
        "Traffic injuries",
        Safety,
        U::Person,
        &[
            "người bị thương",
            "làm bị thương",
            "số người bị thương",
            "bị thương",
        ],
    )
    .after(TRAFFIC),
    ind(
        "traffic_violations",
        "Vi phạm trật tự an toàn giao thông",
        "Traffic violations",
        Safety,
        U::Case,
        &[
            "vi phạm trật tự an toàn giao thông",
            "trường hợp vi phạm trật tự an toàn giao thông",
            "vi phạm an toàn giao thông",
        ],
    ),
    ind(
        "fires",
        "Vụ cháy, nổ",
        "Fires and explosions",
        Safety,
        U::Case,
        &[
            "vụ cháy",
            "số vụ cháy",
            "vụ cháy nổ",
            "cháy nổ",
            "vụ hỏa hoạn",
        ],
    ),
    ind(
        "forest_fires",
        "Vụ cháy rừng",
        "Forest fires",
        Safety,
        U::Case,
        &["cháy rừng", "vụ cháy rừng", "số vụ cháy rừng"],
    ),
    ind(
        "criminal_cases",
        "Vụ phạm tội về trật tự xã hội",
        "Crimes against social order",
        Safety,
        U::Case,
        &[
            "vụ phạm tội về trật tự xã hội",
            "tội phạm về trật tự xã hội",
            "vụ phạm pháp hình sự",
            "vụ án hình sự",
        ],
    ),
    // --- Governance --------------------------------------------------------
    ind(
        "pci",
        "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)",
        "Provincial Competitiveness Index",
        Governance,
        U::Point,
        &[
            "chỉ số năng lực cạnh tranh cấp tỉnh",
            "năng lực cạnh tranh cấp tỉnh",
            "chỉ số pci",
            "pci",
        ],
    ),
    ind(
        "papi",
        "Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)",
        "Provincial Governance and Public Administration Performance Index",
        Governance,
        U::Point,
        &[
            "chỉ số hiệu quả quản trị và hành chính công cấp tỉnh",
            "chỉ số hiệu quả quản trị và hành chính công",
            "chỉ số papi",
            "papi",
        ],
    ),
    ind(
        "par_index",
        "Chỉ số cải cách hành chính (PAR Index)",
        "Public Administration Reform Index",
        Governance,
        U::Percent,
        &[
            "chỉ số cải cách hành chính",
            "chỉ số par index",
            "par index",
            "chỉ số par",
        ],
    ),
    ind(
        "sipas",
        "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)",
        "Satisfaction Index of Public Administration Services",
        Governance,
        U::Percent,
        &[
            "chỉ số hài lòng",
            "chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của các cơ quan hành chính nhà nước",
            "chỉ số hài lòng về sự phục vụ hành chính",
            "chỉ số sipas",
            "sipas",
        ],
    ),
    ind(
        "citizen_receptions",
        "Lượt tiếp công dân",
        "Citizens received",
        Governance,
        U::Visit,
        &[
            "tiếp công dân",
            "lượt tiếp công dân",
            "lượt công dân",
            "lượt người",
        ],
    ),
    ind(
        "petitions_received",
        "Đơn thư tiếp nhận",
        "Petitions received",
        Governance,
        U::Petition,
        &[
            "tiếp nhận … đơn",
            "tiếp nhận … đơn thư",
            "đơn thư tiếp nhận",
            "số đơn tiếp nhận",
        ],
    ),
    ind(
        "petitions_resolved",
        "Đơn thư thuộc thẩm quyền đã giải quyết",
        "Petitions handled",
        Governance,
        U::Petition,
        &[
            "giải quyết … đơn",
            "giải quyết … đơn thư",
            "đơn thư đã giải quyết",
            "số đơn đã giải quyết",
        ],
    ),
    ind(
        "petitions_settled",
        "Đơn thư đã giải quyết xong",
        "Petitions settled",
        Governance,
        U::Petition,
        &[
            "giải quyết xong … đơn",
            "giải quyết dứt điểm … đơn",
            "đơn đã giải quyết xong",
        ],
    ),
    ind(
        "mineral_licences",
        "Giấy phép khai thác khoáng sản",
        "Mineral extraction licences",
        Governance,
        U::Licence,
        &[
            "giấy phép khai thác khoáng sản",
            "cấp phép khai thác khoáng sản",
            "giấy phép thăm dò, khai thác khoáng sản",
        ],
    ),
];

/// The whole catalog, in a stable order.
pub fn catalog() -> &'static [Indicator] {
    CATALOG
}

/// The indicator with this code.
pub fn by_code(code: &str) -> Option<&'static Indicator> {
    INDEX.by_code.get(code).map(|&i| &CATALOG[i])
}

// ---------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------

/// The most words a "…" of an alias stands for.
const MAX_GAP: usize = 4;

/// Compound words an alias must not split: an alias ending in the first
/// word does not match before the second. "giải quyết … đơn" (petitions) is
/// not "đơn vị" (units), "giải thể" (dissolved) is not "giải thể thao"
/// (sports tournaments), "giá bán" (farm-gate price) is not "giá bán lẻ".
const NO_SPLIT: &[(&str, &str)] = &[("đơn", "vị"), ("thể", "thao"), ("bán", "lẻ")];

/// The id of a word no alias uses.
const NO_WORD: u32 = u32::MAX;

/// What separates a word from the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Sep {
    /// Spaces, hyphens, slashes, quotes: an alias's words may stand across.
    Soft,
    /// A comma: an alias's words may stand across it, a "…" may not.
    Comma,
    /// The end of a clause ('.', ';', ':', '!', '?', '…', brackets).
    Hard,
}

fn sep_class(c: char) -> Sep {
    match c {
        '.' | ';' | ':' | '!' | '?' | '…' | '(' | ')' | '[' | ']' | '{' | '}' => Sep::Hard,
        ',' => Sep::Comma,
        _ => Sep::Soft,
    }
}

/// A word of the text: its bytes, its word id and what follows it.
#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    id: u32,
    sep: Sep,
    /// A '…' stands between this word and the next (used in aliases).
    ellipsis: bool,
}

/// Splits `text` into words: runs of letters and digits with their
/// combining marks, a number's inner '.' and ',' included ("1.007,5").
/// `id_of` names each word.
///
/// A word is read to its end in a loop of its own: ASCII letters and
/// digits from the byte, the letters of U+1E00..U+1EFF (most of
/// Vietnamese's marked letters, all alphanumeric) from their first two
/// bytes, other characters decoded.
fn tokenize(text: &str, id_of: impl FnMut(&str) -> u32) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 6 + 1);
    tokenize_into(text, id_of, &mut tokens);
    tokens
}

/// [`tokenize`] into `tokens`, which is empty (a buffer used again).
fn tokenize_into(text: &str, mut id_of: impl FnMut(&str) -> u32, tokens: &mut Vec<Token>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        // Between words: a space (the commonest separator) adds nothing to
        // the separator after the last word (Soft, the least).
        if x == b' ' {
            i += 1;
            continue;
        }
        let (c, len, starts) = if x < 0x80 {
            (char::from(x), 1, x.is_ascii_alphanumeric())
        } else {
            let (c, len) = decode(b, i);
            (c, len, crate::text::is_alphanumeric(c))
        };
        if !starts {
            if let Some(last) = tokens.last_mut() {
                last.sep = last.sep.max(sep_class(c));
                last.ellipsis |= c == '…';
            }
            i += len;
            continue;
        }
        let start = i;
        // Whether the previous character is an ASCII digit.
        let mut prev_digit = x.is_ascii_digit();
        i += len;
        while i < b.len() {
            let y = b[i];
            if y < 0x80 {
                if y.is_ascii_alphanumeric() {
                    prev_digit = y.is_ascii_digit();
                    i += 1;
                    continue;
                }
                if (y == b'.' || y == b',')
                    && prev_digit
                    && b.get(i + 1).is_some_and(u8::is_ascii_digit)
                {
                    prev_digit = false;
                    i += 1;
                    continue;
                }
                break;
            }
            prev_digit = false;
            if y == 0xE1 && matches!(b.get(i + 1), Some(0xB8..=0xBB)) {
                i += 3;
                continue;
            }
            let (c, len) = decode(b, i);
            if crate::text::is_alphanumeric(c) || is_combining_mark(c) {
                i += len;
                continue;
            }
            break;
        }
        tokens.push(Token {
            start,
            end: i,
            id: id_of(&text[start..i]),
            sep: Sep::Soft,
            ellipsis: false,
        });
    }
}

/// The character whose UTF-8 encoding starts at `b[i]` (a lead byte of
/// valid UTF-8), and its length: decoded from the bytes, without the
/// checks of slicing a `str` at `i`.
#[inline]
fn decode(b: &[u8], i: usize) -> (char, usize) {
    let x = u32::from(b[i]);
    let cont = |k: usize| u32::from(b.get(i + k).copied().unwrap_or(0x80) & 0x3F);
    let (u, len) = match x {
        0xC0..=0xDF => (((x & 0x1F) << 6) | cont(1), 2),
        0xE0..=0xEF => (((x & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3),
        _ => (
            ((x & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        ),
    };
    (
        char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER),
        len,
    )
}

/// [`match_key`](crate::text::match_key) of one word, written into `out`
/// (which is cleared first) so that no call allocates.
fn word_key(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    let mut pending = None;
    let table = &*PRECOMPOSED;
    for c in word.chars() {
        // ASCII as it is (what decomposition would give); precomposed
        // letters through a table; others decomposed.
        if c.is_ascii() {
            if !c.is_ascii_alphanumeric() {
                out.extend(pending.take());
            }
            out.push(c.to_ascii_lowercase());
            continue;
        }
        if let Some((base, tone)) = precomposed_in(table, c) {
            out.push_str(base);
            if tone.is_some() {
                pending = tone;
            }
            continue;
        }
        for c in c.nfd() {
            if is_tone_mark(c) {
                pending = Some(c);
                continue;
            }
            if !crate::text::is_alphanumeric(c) && !is_combining_mark(c) {
                out.extend(pending.take());
            }
            out.extend(c.to_lowercase());
        }
    }
    out.extend(pending);
}

/// For each precomposed Latin letter (U+00C0..U+024F, U+1E00..U+1EFF): its
/// lowercase decomposition without the tone mark, and the tone mark.
static PRECOMPOSED: LazyLock<Vec<(String, Option<char>)>> = LazyLock::new(|| {
    (0xC0u32..0x250)
        .chain(0x1E00..0x1F00)
        .map(|u| {
            let c = char::from_u32(u).unwrap_or(' ');
            let mut base = String::new();
            let mut tone = None;
            for d in c.nfd() {
                if is_tone_mark(d) {
                    tone = Some(d);
                } else {
                    base.extend(d.to_lowercase());
                }
            }
            (base, tone)
        })
        .collect()
});

/// [`PRECOMPOSED`]'s entry for `c`, if it has one and `c` is alphanumeric.
fn precomposed_in(
    table: &'static [(String, Option<char>)],
    c: char,
) -> Option<(&'static str, Option<char>)> {
    let u = c as u32;
    let i = match u {
        0xC0..0x250 => (u - 0xC0) as usize,
        0x1E00..0x1F00 => (u - 0x1E00) as usize + 0x190,
        _ => return None,
    };
    let (base, tone) = &table[i];
    // A letter that is not alphanumeric (×, ÷) keeps the slow path.
    if !crate::text::is_alphanumeric(c) {
        return None;
    }
    Some((base.as_str(), *tone))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Elem {
    Word(u32),
    /// Up to [`MAX_GAP`] words of any kind, within one comma-free stretch.
    Gap,
}

#[derive(Debug)]
struct Alias {
    indicator: usize,
    /// Starts and ends with a word; no two gaps in a row.
    elems: Vec<Elem>,
    /// Words, gaps not counted: the length that [`find_in`] maximizes.
    words: usize,
    /// Characters of the words' keys, to break ties.
    chars: usize,
    /// The id of its second word, [`NO_WORD`] when it has none or a gap
    /// comes second: an alias whose second word is not the text's next
    /// word cannot match there.
    second: u32,
}

/// FNV-1a: the vocabulary is looked up once per word of every clause read,
/// and its keys are short; the default SipHash costs more than the look-up.
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

struct Index {
    vocab: HashMap<String, u32, Fnv>,
    /// Word id -> the aliases that start with it.
    by_first: Vec<Vec<u32>>,
    aliases: Vec<Alias>,
    by_code: HashMap<&'static str, usize, Fnv>,
    no_split: Vec<(u32, u32)>,
    /// Whether a word of the vocabulary opens with an ASCII digit: if none
    /// does, a number ("17,32") is no word of it.
    digit_words: bool,
}

fn intern(vocab: &mut HashMap<String, u32, Fnv>, key: &str) -> u32 {
    let next = vocab.len() as u32;
    *vocab.entry(key.to_owned()).or_insert(next)
}

/// The elements of an alias, interning its words.
fn parse_alias(alias: &str, vocab: &mut HashMap<String, u32, Fnv>) -> (Vec<Elem>, usize) {
    let mut buf = String::new();
    let mut chars = 0;
    let tokens = tokenize(alias, |w| {
        word_key(w, &mut buf);
        chars += buf.chars().count();
        intern(vocab, &buf)
    });
    let mut elems = Vec::with_capacity(tokens.len() * 2);
    for (k, t) in tokens.iter().enumerate() {
        elems.push(Elem::Word(t.id));
        if t.ellipsis && k + 1 < tokens.len() {
            elems.push(Elem::Gap);
        }
    }
    (elems, chars)
}

static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut vocab = HashMap::with_hasher(Fnv);
    let mut aliases = Vec::new();
    for (i, indicator) in CATALOG.iter().enumerate() {
        for alias in indicator.aliases {
            let (elems, chars) = parse_alias(alias, &mut vocab);
            if elems.is_empty() {
                continue;
            }
            let words = elems.iter().filter(|e| matches!(e, Elem::Word(_))).count();
            let second = match elems.get(1) {
                Some(Elem::Word(id)) => *id,
                _ => NO_WORD,
            };
            aliases.push(Alias {
                indicator: i,
                second,
                elems,
                words,
                chars,
            });
        }
    }
    let mut buf = String::new();
    let no_split = NO_SPLIT
        .iter()
        .map(|(a, b)| {
            word_key(a, &mut buf);
            let a = intern(&mut vocab, &buf);
            word_key(b, &mut buf);
            (a, intern(&mut vocab, &buf))
        })
        .collect();
    let mut by_first = vec![Vec::new(); vocab.len()];
    for (a, alias) in aliases.iter().enumerate() {
        if let Some(Elem::Word(first)) = alias.elems.first() {
            by_first[*first as usize].push(a as u32);
        }
    }
    // Longest first (words, then letters; a stable sort keeps the catalog's
    // order among equals, which decides their ties): `best_match` stops at
    // a word's first alias that cannot beat the best so far.
    for list in &mut by_first {
        list.sort_by_key(|&a| {
            let alias = &aliases[a as usize];
            Reverse((alias.words, alias.chars))
        });
    }
    let by_code = CATALOG
        .iter()
        .enumerate()
        .map(|(i, d)| (d.code, i))
        .collect();
    let digit_words = vocab
        .keys()
        .any(|k| k.starts_with(|c: char| c.is_ascii_digit()));
    Index {
        vocab,
        by_first,
        aliases,
        by_code,
        no_split,
        digit_words,
    }
});

/// Matches `rest` (the elements after a word matched at `last`); returns the
/// index of the last word matched.
fn match_rest(tokens: &[Token], last: usize, rest: &[Elem]) -> Option<usize> {
    match rest {
        [] => Some(last),
        [Elem::Word(id), more @ ..] => {
            let next = last + 1;
            (next < tokens.len() && tokens[last].sep < Sep::Hard && tokens[next].id == *id)
                .then(|| match_rest(tokens, next, more))
                .flatten()
        }
        [Elem::Gap, Elem::Word(id), more @ ..] => {
            let mut k = last;
            for _ in 0..=MAX_GAP {
                let next = k + 1;
                if next >= tokens.len() || tokens[k].sep != Sep::Soft {
                    return None;
                }
                if tokens[next].id == *id
                    && let Some(end) = match_rest(tokens, next, more)
                {
                    return Some(end);
                }
                k = next;
            }
            None
        }
        [Elem::Gap, ..] => None,
    }
}

/// Longest alias of any indicator contained in `text` (matched on
/// [`match_key`](crate::text::match_key), so tone placement "hoà"/"hòa",
/// "thuỷ"/"thủy", "UỶ"/"ỦY" and case don't matter), honouring `context`
/// (the previous subject's code, if any). Returns the indicator and the byte
/// range of the match in `text`.
///
/// Aliases are matched word by word, the punctuation between two words free
/// unless it ends a clause ('.', ';', ':', '!', '?', '…', brackets); a "…"
/// in an alias stands for up to four words with no comma among them, and
/// the range then spans them ("tiếp nhận 643 đơn"). "Longest" counts the
/// alias's words (not those a "…" stands for); ties go to the match that
/// starts first, then to the alias with more letters. Contextual aliases
/// (see [`Indicator::context`]) count only after one of their subjects.
pub fn find_in(text: &str, previous: Option<&str>) -> Option<(&'static Indicator, Range<usize>)> {
    best_match(&words(text).tokens, previous)
}

/// A text split into words once, for several look-ups of parts of it
/// ([`find_in_words`]).
pub struct Words {
    tokens: Vec<Token>,
}

impl Words {
    /// Whether the byte offset `at` is not inside a word: a part of the
    /// text that starts and ends at such offsets can be looked up with
    /// [`find_in_words`] for the answer [`find_in`] gives on it.
    pub fn is_boundary(&self, at: usize) -> bool {
        let t = &self.tokens;
        let k = t.partition_point(|k| k.end <= at);
        t.get(k).is_none_or(|k| k.start >= at)
    }
}

/// Splits `text` into words and looks each up in the catalog's vocabulary.
pub fn words(text: &str) -> Words {
    let mut buf = String::new();
    let tokens = tokenize(text, |w| word_id(w, &mut buf));
    Words { tokens }
}

/// The vocabulary's id of the word `w` ([`NO_WORD`] if no alias uses it);
/// `buf` holds its key.
fn word_id(w: &str, buf: &mut String) -> u32 {
    let index = &*INDEX;
    // A word's key opens with the same ASCII digit as the word.
    if !index.digit_words && w.starts_with(|c: char| c.is_ascii_digit()) {
        return NO_WORD;
    }
    word_key(w, buf);
    index.vocab.get(buf.as_str()).copied().unwrap_or(NO_WORD)
}

/// The ids of the words a reader has looked up, by the words as written:
/// a report's clauses use the same few hundred words again and again, and
/// hashing a word as written costs a fraction of making its key
/// ([`word_key`]) and hashing that. Keep one for the texts of one document
/// ([`words_cached`], [`find_in_cached`]); it grows with their vocabulary.
pub struct WordCache {
    /// The words seen, one after the other.
    seen: String,
    /// A word's FNV-1a hash -> its bytes in `seen` and its id. Two words
    /// of one hash: the second is looked up every time, uncached.
    ids: HashMap<u64, (u32, u32, u32), Hashed>,
    /// The key buffer of the words not seen yet.
    buf: String,
    /// The words of at most 8 bytes (most Vietnamese syllables), by their
    /// bytes read as one integer (zero-padded: a word has no zero byte):
    /// an open-addressing table of `SHORT_SLOTS` keys (0 is a free slot)
    /// and their ids. A hit is a multiply, a load and a compare, against
    /// hashing the bytes, probing the map and comparing the bytes.
    short_keys: Vec<u64>,
    short_ids: Vec<u32>,
    /// Keys in `short_keys`; kept under 3/4 of the slots, so a probe
    /// always ends at a free slot.
    short_len: usize,
    /// Token buffers of [`Words`] given back ([`WordCache::recycle`]),
    /// used again by [`words_cached`]: a reader splits a hundred clauses
    /// or more a document.
    spare: Vec<Vec<Token>>,
}

/// The token buffers a [`WordCache`] keeps for reuse (a reader holds a
/// few `Words` at once: a clause and the brackets inside it).
const SPARE_BUFFERS: usize = 8;

/// The slots of [`WordCache::short_keys`]: a power of two, twice a
/// report's vocabulary.
const SHORT_SLOTS: usize = 1 << 11;

/// The hasher of keys that are hashes already: the key as it is.
#[derive(Clone, Copy, Default)]
struct Hashed;

struct HashedHasher(u64);

impl std::hash::BuildHasher for Hashed {
    type Hasher = HashedHasher;

    fn build_hasher(&self) -> HashedHasher {
        HashedHasher(0)
    }
}

impl std::hash::Hasher for HashedHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are hashed here; any other key is mixed in whole.
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}

impl Default for WordCache {
    fn default() -> Self {
        // A report's vocabulary: about a thousand words.
        WordCache {
            seen: String::with_capacity(8 << 10),
            ids: HashMap::with_capacity_and_hasher(1 << 10, Hashed),
            buf: String::new(),
            short_keys: vec![0; SHORT_SLOTS],
            short_ids: vec![0; SHORT_SLOTS],
            short_len: 0,
            spare: Vec::new(),
        }
    }
}

impl WordCache {
    /// Takes back the buffer of `words` (made by [`words_cached`] with this
    /// cache or another) for the next texts split.
    pub fn recycle(&mut self, words: Words) {
        if self.spare.len() < SPARE_BUFFERS {
            self.spare.push(words.tokens);
        }
    }

    /// `id` of the word `w`, which is `text[at..at + w.len()]`: a short
    /// word's key is read from the text's eight bytes at `at` where there
    /// are eight.
    fn id_at(&mut self, text: &[u8], at: usize, w: &str) -> u32 {
        if (1..=8).contains(&w.len())
            && let Some(eight) = text.get(at..at + 8)
            && let Ok(eight) = <[u8; 8]>::try_from(eight)
        {
            let key = u64::from_le_bytes(eight) & (u64::MAX >> (64 - 8 * w.len()));
            return self.id_keyed(w, key);
        }
        self.id(w)
    }

    fn id(&mut self, w: &str) -> u32 {
        let key = if w.len() <= 8 {
            short_key(w.as_bytes())
        } else {
            0
        };
        self.id_keyed(w, key)
    }

    /// `id`, `key` being the word's [`short_key`] when it has at most 8
    /// bytes.
    fn id_keyed(&mut self, w: &str, key: u64) -> u32 {
        // A number is no word of the vocabulary (see `word_id`), and each
        // is mostly written once: neither hashed nor remembered.
        if w.starts_with(|c: char| c.is_ascii_digit()) && !INDEX.digit_words {
            return NO_WORD;
        }
        if w.len() <= 8 && !has_zero_byte(key, w.len()) {
            return self.short_id(w, key);
        }
        let mut h = FnvHasher(0xcbf2_9ce4_8422_2325);
        std::hash::Hasher::write(&mut h, w.as_bytes());
        match self.ids.get(&h.0) {
            Some(&(at, len, id)) => {
                if &self.seen[at as usize..(at + len) as usize] == w {
                    return id;
                }
                word_id(w, &mut self.buf)
            }
            None => {
                let id = word_id(w, &mut self.buf);
                // Offsets fit in u32 for any text a report holds; past that
                // the word is simply not remembered.
                if let (Ok(at), Ok(len)) = (u32::try_from(self.seen.len()), u32::try_from(w.len()))
                    && at.checked_add(len).is_some()
                {
                    self.seen.push_str(w);
                    self.ids.insert(h.0, (at, len, id));
                }
                id
            }
        }
    }
}

impl WordCache {
    /// `id` of a word of 1 to 8 bytes, none of them zero, whose
    /// [`short_key`] is `key`.
    fn short_id(&mut self, w: &str, key: u64) -> u32 {
        let mask = SHORT_SLOTS - 1;
        // Fibonacci hashing: the top bits of the product.
        let mut i = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SHORT_SLOTS.trailing_zeros()))
            as usize;
        loop {
            let k = self.short_keys[i];
            if k == key {
                return self.short_ids[i];
            }
            if k == 0 {
                let id = word_id(w, &mut self.buf);
                // Past 3/4 full the word is simply not remembered.
                if self.short_len < SHORT_SLOTS / 4 * 3 {
                    self.short_keys[i] = key;
                    self.short_ids[i] = id;
                    self.short_len += 1;
                }
                return id;
            }
            i = (i + 1) & mask;
        }
    }
}

/// The bytes of a word of at most 8 bytes zero-padded, read
/// little-endian (no copy of a slice of unknown length, which is a call to
/// memcpy).
#[inline]
fn short_key(w: &[u8]) -> u64 {
    w.iter().rev().fold(0u64, |k, &x| (k << 8) | u64::from(x))
}

/// Whether one of the first `len` (1 to 8) bytes of `key` is zero: the
/// padding set to 0xFF, then the word-wide zero-byte test (a byte's borrow
/// reaches its top bit only from a zero byte or from a zero byte below
/// it, so the lowest flagged byte is zero). Where `contains(&0)` was a
/// call to memchr for every word.
#[inline]
fn has_zero_byte(key: u64, len: usize) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let v = key | u64::MAX.checked_shl(8 * len as u32).unwrap_or(0);
    v.wrapping_sub(ONES) & !v & HIGHS != 0
}

/// [`words`], with the ids of words seen before taken from `cache`.
pub fn words_cached(text: &str, cache: &mut WordCache) -> Words {
    let mut tokens = cache.spare.pop().unwrap_or_default();
    tokens.clear();
    tokens.reserve(text.len() / 6 + 1);
    let bytes = text.as_bytes();
    // A word's place in the text, from its address (it is a part of it).
    let at = |w: &str| (w.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    tokenize_into(text, |w| cache.id_at(bytes, at(w), w), &mut tokens);
    Words { tokens }
}

/// [`find_in`], with the ids of words seen before taken from `cache`.
pub fn find_in_cached(
    text: &str,
    previous: Option<&str>,
    cache: &mut WordCache,
) -> Option<(&'static Indicator, Range<usize>)> {
    let words = words_cached(text, cache);
    let found = best_match(&words.tokens, previous);
    cache.recycle(words);
    found
}

/// [`find_in`] on the part `range` (byte offsets) of the text `words` was
/// made from: the same answer as `find_in(&text[range], previous)`, with
/// offsets into the whole text, when the part starts and ends between
/// words.
pub fn find_in_words(
    words: &Words,
    range: Range<usize>,
    previous: Option<&str>,
) -> Option<(&'static Indicator, Range<usize>)> {
    let t = &words.tokens;
    let a = t.partition_point(|k| k.start < range.start);
    let b = t.partition_point(|k| k.end <= range.end);
    if a >= b {
        return None;
    }
    // What follows the part's last word is outside it: matching never looks
    // past the last token, so its separator does not matter.
    best_match(&t[a..b], previous)
}

fn best_match(
    tokens: &[Token],
    previous: Option<&str>,
) -> Option<(&'static Indicator, Range<usize>)> {
    let index = &*INDEX;
    // (words, earlier start, chars) of the best match so far.
    type Rank = (usize, Reverse<usize>, usize);
    let mut best: Option<(Rank, usize, Range<usize>)> = None;
    for (i, token) in tokens.iter().enumerate() {
        if token.id == NO_WORD {
            continue;
        }
        // The word an alias may go on to (`match_rest`'s first step).
        let next_id = match tokens.get(i + 1) {
            Some(next) if token.sep < Sep::Hard => next.id,
            _ => NO_WORD,
        };
        for &a in &index.by_first[token.id as usize] {
            let alias = &index.aliases[a as usize];
            let rank = (alias.words, Reverse(i), alias.chars);
            if best.as_ref().is_some_and(|(b, _, _)| *b >= rank) {
                // The word's later aliases rank no higher (longest first).
                break;
            }
            // Its second word is not the next: `match_rest` would fail.
            if alias.second != NO_WORD && alias.second != next_id {
                continue;
            }
            if !CATALOG[alias.indicator].applies_after(previous) {
                continue;
            }
            let Some(last) = match_rest(tokens, i, &alias.elems[1..]) else {
                continue;
            };
            let splits = tokens.get(last + 1).is_some_and(|next| {
                tokens[last].sep < Sep::Hard && index.no_split.contains(&(tokens[last].id, next.id))
            });
            if splits {
                continue;
            }
            best = Some((rank, alias.indicator, token.start..tokens[last].end));
        }
    }
    best.map(|(_, i, range)| (&CATALOG[i], range))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::match_key;
    use std::collections::HashSet;

    const SEED: &str = include_str!("../../../testdata/reports/000_5b1c2bc8d5408b7b.txt");

    /// The match keys of an alias's words, "…" for a gap.
    fn alias_keys(alias: &str) -> Vec<String> {
        let mut keys = Vec::new();
        let tokens = tokenize(alias, |w| {
            keys.push(match_key(w));
            0
        });
        let mut out = Vec::new();
        for (t, key) in tokens.iter().zip(keys) {
            out.push(key);
            if t.ellipsis {
                out.push("…".to_owned());
            }
        }
        out
    }

    #[test]
    fn decode_reads_every_character() {
        let all: String = (0x80..0x11_0000u32)
            .step_by(7)
            .chain([0x80, 0x7FF, 0x800, 0xFFFF, 0x1_0000, 0x10_FFFF])
            .filter_map(char::from_u32)
            .collect();
        for (i, c) in all.char_indices() {
            assert_eq!(
                decode(all.as_bytes(), i),
                (c, c.len_utf8()),
                "U+{:04X}",
                c as u32
            );
        }
    }

    /// `best_match` as first written: every alias of every word tried in
    /// the catalog's order, the first of the highest rank kept.
    fn best_match_oracle(
        tokens: &[Token],
        previous: Option<&str>,
    ) -> Option<(&'static str, Range<usize>)> {
        let index = &*INDEX;
        type Rank = (usize, Reverse<usize>, usize);
        let mut best: Option<(Rank, usize, Range<usize>)> = None;
        for (i, token) in tokens.iter().enumerate() {
            for alias in &index.aliases {
                if alias.elems.first() != Some(&Elem::Word(token.id)) || token.id == NO_WORD {
                    continue;
                }
                let rank = (alias.words, Reverse(i), alias.chars);
                if best.as_ref().is_some_and(|(b, _, _)| *b >= rank)
                    || !CATALOG[alias.indicator].applies_after(previous)
                {
                    continue;
                }
                let Some(last) = match_rest(tokens, i, &alias.elems[1..]) else {
                    continue;
                };
                let splits = tokens.get(last + 1).is_some_and(|next| {
                    tokens[last].sep < Sep::Hard
                        && index.no_split.contains(&(tokens[last].id, next.id))
                });
                if !splits {
                    best = Some((rank, alias.indicator, token.start..tokens[last].end));
                }
            }
        }
        best.map(|(_, i, range)| (CATALOG[i].code, range))
    }

    #[test]
    fn best_match_agrees_with_trying_every_alias() {
        for line in SEED.lines() {
            let w = words(line);
            for previous in [None, Some("fdi_projects_new"), Some("enterprises_new")] {
                // The whole line and its tails, as gaps are looked up.
                for from in 0..w.tokens.len().min(12) {
                    let t = &w.tokens[from..];
                    assert_eq!(
                        best_match(t, previous).map(|(d, r)| (d.code, r)),
                        best_match_oracle(t, previous),
                        "{line}"
                    );
                }
            }
        }
    }

    #[test]
    fn cached_word_ids_are_the_words_ids() {
        // One cache for every line of the seed report, as a parse keeps it.
        let mut cache = WordCache::default();
        for line in SEED.lines().chain(SEED.lines()) {
            let ids = |w: &Words| {
                w.tokens
                    .iter()
                    .map(|t| (t.start, t.end, t.id, t.sep))
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                ids(&words_cached(line, &mut cache)),
                ids(&words(line)),
                "{line}"
            );
            for previous in [None, Some("fdi_projects_new")] {
                assert_eq!(
                    find_in_cached(line, previous, &mut cache),
                    find_in(line, previous)
                );
            }
        }
    }

    #[test]
    fn cached_short_words_past_a_full_table_are_the_words_ids() {
        // More distinct short words than the table keeps, seen twice.
        let mut cache = WordCache::default();
        let text: String = (0..2 * SHORT_SLOTS)
            .map(|i| format!("x{i:x}y đồng{i} "))
            .collect::<String>()
            + "tổng sản phẩm GRDP";
        for _ in 0..2 {
            let ids = |w: &Words| w.tokens.iter().map(|t| t.id).collect::<Vec<_>>();
            assert_eq!(ids(&words_cached(&text, &mut cache)), ids(&words(&text)));
        }
        assert_eq!(cache.short_len, SHORT_SLOTS / 4 * 3);
    }

    fn found<'a>(text: &'a str, previous: Option<&str>) -> Option<(&'static str, &'a str)> {
        find_in(text, previous).map(|(d, r)| (d.code, &text[r]))
    }

    #[test]
    fn catalog_is_large_enough() {
        assert!(catalog().len() >= 40, "{} indicators", catalog().len());
    }

    #[test]
    fn codes_are_unique_snake_case() {
        let mut seen = HashSet::new();
        for d in catalog() {
            assert!(seen.insert(d.code), "duplicate code {}", d.code);
            let ok = d.code.starts_with(|c: char| c.is_ascii_lowercase())
                && d.code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                && !d.code.ends_with('_')
                && !d.code.contains("__");
            assert!(ok, "not snake_case: {}", d.code);
            assert_eq!(by_code(d.code).map(|x| x.code), Some(d.code));
        }
        assert!(by_code("no_such_indicator").is_none());
    }

    #[test]
    fn names_are_filled() {
        for d in catalog() {
            assert!(!d.name.trim().is_empty(), "{}", d.code);
            assert!(!d.name_en.trim().is_empty(), "{}", d.code);
            assert!(!d.aliases.is_empty(), "{} has no alias", d.code);
        }
    }

    #[test]
    fn national_codes_are_empty_or_four_digits() {
        for d in catalog() {
            assert!(
                d.national_code.is_empty()
                    || (d.national_code.len() == 4
                        && d.national_code.chars().all(|c| c.is_ascii_digit())),
                "{}: {:?}",
                d.code,
                d.national_code
            );
        }
    }

    #[test]
    fn aliases_are_lowercase_nfc_words() {
        for d in catalog() {
            for alias in d.aliases {
                assert!(!alias.trim().is_empty(), "{}: empty alias", d.code);
                assert_eq!(*alias, alias.to_lowercase(), "{}: {alias}", d.code);
                assert!(
                    unicode_normalization::is_nfc(alias),
                    "{}: not NFC: {alias}",
                    d.code
                );
                assert_eq!(*alias, alias.trim(), "{}: {alias:?}", d.code);
                assert!(
                    alias
                        .chars()
                        .all(|c| c.is_alphabetic() || matches!(c, ' ' | ',' | '-' | '…')),
                    "{}: unexpected character in {alias:?}",
                    d.code
                );
                let keys = alias_keys(alias);
                assert!(!keys.is_empty(), "{}: {alias}", d.code);
                assert_ne!(keys.first().map(String::as_str), Some("…"));
                assert_ne!(keys.last().map(String::as_str), Some("…"));
            }
        }
    }

    #[test]
    fn aliases_are_unique_except_in_disjoint_contexts() {
        let mut owners: HashMap<Vec<String>, Vec<&Indicator>> = HashMap::new();
        for d in catalog() {
            let mut own = HashSet::new();
            for alias in d.aliases {
                let keys = alias_keys(alias);
                assert!(own.insert(keys.clone()), "{}: {alias} twice", d.code);
                owners.entry(keys).or_default().push(d);
            }
        }
        for (keys, ds) in owners {
            for (k, a) in ds.iter().enumerate() {
                for b in &ds[k + 1..] {
                    let disjoint = !a.context.is_empty()
                        && !b.context.is_empty()
                        && a.context.iter().all(|c| !b.context.contains(c));
                    assert!(
                        disjoint,
                        "{:?} belongs to {} and {}",
                        keys.join(" "),
                        a.code,
                        b.code
                    );
                }
            }
        }
    }

    #[test]
    fn contexts_name_catalog_codes() {
        for d in catalog() {
            for c in d.context {
                assert!(by_code(c).is_some(), "{}: unknown context {c}", d.code);
            }
        }
    }

    #[test]
    fn every_alias_finds_its_own_indicator() {
        for d in catalog() {
            let previous = d.context.first().copied();
            for alias in d.aliases {
                let text = alias.replace('…', "12");
                let got = find_in(&text, previous);
                assert_eq!(
                    got.as_ref().map(|(x, r)| (x.code, r.clone())),
                    Some((d.code, 0..text.len())),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn sector_serializes_screaming_snake() {
        assert_eq!(serde_json::to_string(&Sector::Macro).unwrap(), "\"MACRO\"");
        let s: Sector = serde_json::from_str("\"GOVERNANCE\"").unwrap();
        assert_eq!(s, Sector::Governance);
    }

    #[test]
    fn a_key_read_from_the_text_is_the_words_key() {
        let text = "Đ ngành ab\0c công nghiệp x 12345678 tỷ";
        let b = text.as_bytes();
        for (at, _) in text.char_indices() {
            for end in (at + 1)..=text.len().min(at + 8) {
                let Some(w) = text.get(at..end) else { continue };
                let Some(eight) = b.get(at..at + 8) else {
                    continue;
                };
                let mut e = [0u8; 8];
                e.copy_from_slice(eight);
                let key = u64::from_le_bytes(e) & (u64::MAX >> (64 - 8 * w.len()));
                assert_eq!(key, short_key(w.as_bytes()), "{w:?}");
            }
        }
        let mut a = WordCache::default();
        let mut c = WordCache::default();
        for (at, _) in text.char_indices() {
            for end in (at + 1)..=text.len() {
                let Some(w) = text.get(at..end) else { continue };
                assert_eq!(a.id_at(b, at, w), c.id(w), "{w:?}");
            }
        }
    }

    #[test]
    fn has_zero_byte_agrees_with_contains() {
        for len in 1..=8usize {
            for zero in 0..=len {
                for fill in [1u8, 0x7F, 0x80, 0xFF, b'a'] {
                    let mut w = vec![fill; len];
                    if zero < len {
                        w[zero] = 0;
                    }
                    let key = short_key(&w);
                    assert_eq!(has_zero_byte(key, len), w.contains(&0), "{w:?}");
                }
            }
        }
        for w in ["a", "đ", "ngành", "nghiệp", "12345678", "a\0b", "\0"] {
            let b = w.as_bytes();
            if b.len() <= 8 {
                assert_eq!(
                    has_zero_byte(short_key(b), b.len()),
                    b.contains(&0),
                    "{w:?}"
                );
            }
        }
    }

    /// The tokenizer as it was first written (character by character).
    fn tokenize_oracle(text: &str, mut id_of: impl FnMut(&str) -> u32) -> Vec<Token> {
        let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 6 + 1);
        let mut start: Option<usize> = None;
        let mut prev = ' ';
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let in_word = start.is_some();
            let continues = crate::text::is_alphanumeric(c)
                || (in_word && is_combining_mark(c))
                || (in_word
                    && (c == '.' || c == ',')
                    && prev.is_ascii_digit()
                    && chars.peek().is_some_and(|&(_, n)| n.is_ascii_digit()));
            if continues {
                start.get_or_insert(i);
            } else {
                if let Some(s) = start.take() {
                    tokens.push(Token {
                        start: s,
                        end: i,
                        id: id_of(&text[s..i]),
                        sep: Sep::Soft,
                        ellipsis: false,
                    });
                }
                if let Some(last) = tokens.last_mut() {
                    last.sep = last.sep.max(sep_class(c));
                    last.ellipsis |= c == '…';
                }
            }
            prev = c;
        }
        if let Some(s) = start {
            tokens.push(Token {
                start: s,
                end: text.len(),
                id: id_of(&text[s..]),
                sep: Sep::Soft,
                ellipsis: false,
            });
        }
        tokens
    }

    /// The byte-wise tokenizer splits as the character-wise one did, on
    /// every line of the seed and on texts of numbers, marks and
    /// punctuation.
    #[test]
    fn tokenize_agrees_with_oracle() {
        let key = |t: &[Token]| -> Vec<(usize, usize, u32, Sep, bool)> {
            t.iter()
                .map(|t| (t.start, t.end, t.id, t.sep, t.ellipsis))
                .collect()
        };
        let extra = [
            "1.007,5 tỷ; 12/15, a.b 3.x 4,5,6 …x… e\u{301}a \u{301}b 9.",
            "Đ1.2, ,3 ×÷ Ⅻ ٣.٤ 5.٣ x,1 1,x 1.. 2,,3 (a) [b] {c}",
        ];
        for text in SEED.lines().chain(extra) {
            let mut n = 0u32;
            let a = tokenize(text, |w| {
                n += w.len() as u32;
                n
            });
            let mut n = 0u32;
            let b = tokenize_oracle(text, |w| {
                n += w.len() as u32;
                n
            });
            assert_eq!(key(&a), key(&b), "{text}");
        }
    }

    proptest::proptest! {
        /// The tokenizer splits as the character-wise one did on texts of
        /// letters, marks, digits and punctuation.
        #[test]
        fn tokenize_agrees_with_oracle_on_any_text(
            text in "[ a-zA-Z0-9.,;:()…×÷\u{345}\u{300}-\u{36f}đĐàÀảạăằắâầấèéẻêềếìíòóôồốơờớùúưừứỳýỵ\u{1e00}-\u{1eff}\u{100}-\u{24f}Ⅻ٣€😀-]{0,60}",
        ) {
            let key = |t: &[Token]| -> Vec<(usize, usize, u32, Sep, bool)> {
                t.iter()
                    .map(|t| (t.start, t.end, t.id, t.sep, t.ellipsis))
                    .collect()
            };
            let mut n = 0u32;
            let a = tokenize(&text, |w| {
                n += w.len() as u32;
                n
            });
            let mut n = 0u32;
            let b = tokenize_oracle(&text, |w| {
                n += w.len() as u32;
                n
            });
            proptest::prop_assert_eq!(key(&a), key(&b));
        }
    }

    proptest::proptest! {
        /// Ids read with the eight-byte keys of `words_cached` are those of
        /// `words` on any text: words of every length ending at any byte,
        /// the last ones near the text's end (fewer than eight bytes left).
        #[test]
        fn cached_word_ids_are_the_words_ids_on_any_text(
            text in "[ a-zA-Z0-9.,\u{300}-\u{36f}đĐàảạăằâấèêềếìòôồơờùưừứỳỵ\u{1e00}-\u{1eff}€😀\u{0}-]{0,40}",
            // Words of the vocabulary and others a byte apart from them,
            // near each other and the text's end.
            picks in proptest::collection::vec(0usize..20, 0..16),
        ) {
            let ids = |w: &Words| {
                w.tokens
                    .iter()
                    .map(|t| (t.start, t.end, t.id, t.sep))
                    .collect::<Vec<_>>()
            };
            let few: Vec<&str> = picks
                .iter()
                .map(|&i| {
                    [
                        "tăng", "tổng", "tông", "công", "cong", "nông", "ngành", "nganh", "vụ",
                        "vũ", "số", "so", "sản", "xã", "tỷ", "ty", "đồng", "dồng", "a\0", "9,5",
                    ][i]
                })
                .collect();
            let few = few.join(" ");
            let mut cache = WordCache::default();
            for text in [&text, &few, &text, &few] {
                proptest::prop_assert_eq!(ids(&words_cached(text, &mut cache)), ids(&words(text)));
            }
        }
    }

    /// Screening aliases by their second word keeps the answer of trying
    /// every alias: on runs of up to 12 words from every word of every seed
    /// line and alias, after no subject and after every subject some alias
    /// needs.
    #[test]
    fn best_match_agrees_with_trying_every_alias_on_parts() {
        let mut contexts: Vec<Option<&str>> = std::iter::once(None)
            .chain(
                catalog()
                    .iter()
                    .flat_map(|d| d.context.iter().copied().map(Some)),
            )
            .collect();
        contexts.sort_unstable();
        contexts.dedup();
        let aliases = catalog().iter().flat_map(|d| d.aliases.iter().copied());
        let mut found = 0;
        for text in SEED.lines().chain(aliases) {
            let t = words(text).tokens;
            for a in 0..t.len() {
                // Runs of 1, 2, 3, 5 and 12 words (a debug build's test
                // of every length takes minutes).
                for b in [1, 2, 3, 5, 12].map(|k| a + k) {
                    if b > t.len() {
                        break;
                    }
                    for previous in &contexts {
                        let got = best_match(&t[a..b], *previous).map(|(d, r)| (d.code, r));
                        let want = best_match_oracle(&t[a..b], *previous);
                        assert_eq!(got, want, "{text}");
                        found += usize::from(got.is_some());
                    }
                }
            }
        }
        assert!(found > 10_000, "{found}");
    }

    #[test]
    fn word_key_agrees_with_match_key() {
        let mut buf = String::new();
        let mut n = 0;
        let texts = catalog()
            .iter()
            .flat_map(|d| d.aliases.iter().copied())
            .chain([SEED, "ỦY UỶ Hoà HÒA thuỷ THỦY Tha\u{300}nh 1.007,5 KCN"]);
        for text in texts {
            for t in tokenize(text, |_| 0) {
                let word = &text[t.start..t.end];
                word_key(word, &mut buf);
                assert_eq!(buf, match_key(word), "{word:?}");
                n += 1;
            }
        }
        assert!(n > 5000);
    }

    #[test]
    fn looking_up_a_part_of_a_tokenized_text_equals_looking_up_the_part() {
        let mut checked = 0;
        for line in SEED.lines().filter(|l| l.len() > 20) {
            let w = words(line);
            let cuts: Vec<usize> = std::iter::once(0)
                .chain(line.match_indices(' ').map(|(i, _)| i))
                .chain([line.len()])
                .collect();
            for (i, &a) in cuts.iter().enumerate().step_by(3) {
                for &b in cuts[i + 1..].iter().step_by(4) {
                    let whole = find_in_words(&w, a..b, None).map(|(ind, r)| (ind.code, r));
                    let part = find_in(&line[a..b], None)
                        .map(|(ind, r)| (ind.code, r.start + a..r.end + a));
                    assert_eq!(whole, part, "{:?}", &line[a..b]);
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn a_part_cut_at_boundaries_anywhere_equals_looking_up_the_part() {
        // Cuts at every character, not only at spaces: next to digits,
        // punctuation and combining marks, wherever `is_boundary` allows.
        let mut checked = 0;
        let extra = "Sản lượng 1.007,5 tấn,tăng 5%; Tha\u{300}nh phố (KCN) vụ\u{323}5 x";
        for line in SEED
            .lines()
            .filter(|l| l.len() > 20)
            .step_by(7)
            .chain([extra])
        {
            let w = words(line);
            let cuts: Vec<usize> = (0..=line.len())
                .filter(|&i| line.is_char_boundary(i) && w.is_boundary(i))
                .collect();
            for (i, &a) in cuts.iter().enumerate().step_by(5) {
                for &b in cuts[i..].iter().step_by(7) {
                    let whole = find_in_words(&w, a..b, None).map(|(ind, r)| (ind.code, r));
                    let part = find_in(&line[a..b], None)
                        .map(|(ind, r)| (ind.code, r.start + a..r.end + a));
                    assert_eq!(whole, part, "{:?}", &line[a..b]);
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn tokenize_keeps_numbers_whole() {
        let text = "đạt 1.007,5 tỷ đồng, tăng 17,32%.";
        let words: Vec<&str> = tokenize(text, |_| 0)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect();
        assert_eq!(words, ["đạt", "1.007,5", "tỷ", "đồng", "tăng", "17,32"]);
    }

    #[test]
    fn seed_phrases_find_their_indicators() {
        let cases: &[(&str, Option<&str>, &str, &str)] = &[
            (
                "Chỉ số sản xuất công nghiệp (IIP) tháng 5/2024 tăng 17,32%",
                None,
                "iip",
                "Chỉ số sản xuất công nghiệp",
            ),
            (
                "Giá trị sản xuất công nghiệp (giá hiện hành) tháng 5 ước đạt 60.769 tỷ",
                None,
                "industrial_output_value",
                "Giá trị sản xuất công nghiệp",
            ),
            (
                "Tổng mức bán lẻ hàng hóa, dịch vụ tháng 5 ước đạt 5.656 tỷ đồng",
                None,
                "retail_sales",
                "Tổng mức bán lẻ hàng hóa, dịch vụ",
            ),
            (
                "Giá trị xuất khẩu tháng 5 ước đạt 2,16 tỷ USD",
                None,
                "exports",
                "Giá trị xuất khẩu",
            ),
            (
                "Giá trị nhập khẩu tháng 5 ước đạt 2,05 tỷ USD",
                None,
                "imports",
                "Giá trị nhập khẩu",
            ),
            (
                "Tính chung tổng kim ngạch xuất - \nnhập khẩu 05 tháng của tỉnh đạt 19,05 tỷ USD",
                None,
                "total_trade",
                "tổng kim ngạch xuất - \nnhập khẩu",
            ),
            (
                "Tổng thu nội địa tháng 5 ước đạt 1.007,5 tỷ đồng",
                None,
                "domestic_revenue",
                "Tổng thu nội địa",
            ),
            (
                "Riêng thu tiền sử dụng đất đạt khá với 1.993 tỷ đồng",
                None,
                "land_use_fees",
                "thu tiền sử dụng đất",
            ),
            (
                "thu tiền cấp quyền khai thác khoáng sản đạt 5,5 tỷ đồng, vượt 45,2%",
                None,
                "mineral_rights_fees",
                "thu tiền cấp quyền khai thác khoáng sản",
            ),
            (
                "Tổng kế hoạch vốn đầu tư NSNN do tỉnh quản lý năm 2024 tính đến nay là 9.614,7 tỷ đồng",
                None,
                "public_investment_plan",
                "Tổng kế hoạch vốn đầu tư NSNN",
            ),
            (
                "Tổng giá trị giải ngân chung đạt 1.210,5 tỷ đồng",
                None,
                "public_investment_disbursement",
                "Tổng giá trị giải ngân",
            ),
            (
                "Vốn NSTW đầu tư theo ngành, lĩnh vực giải ngân đạt 16,04 tỷ đồng",
                None,
                "public_investment_disbursement",
                "giải ngân đạt",
            ),
            (
                "toàn tỉnh đã thu hút được 305,2 triệu USD vốn đầu tư quy đổi",
                None,
                "investment_attracted",
                "thu hút được 305,2 triệu USD vốn đầu tư",
            ),
            (
                "Cấp mới 14 dự án đầu tư trong nước",
                None,
                "domestic_projects_new",
                "Cấp mới 14 dự án đầu tư trong nước",
            ),
            (
                "vốn đăng ký 9.353,9 tỷ đồng, gấp gần 21 lần cùng kỳ",
                Some("domestic_projects_new"),
                "domestic_projects_new_capital",
                "vốn đăng ký",
            ),
            (
                "điều chỉnh 8 dự án trong nước",
                Some("domestic_projects_new_capital"),
                "domestic_projects_adjusted",
                "điều chỉnh 8 dự án trong nước",
            ),
            (
                "vốn đăng ký tăng thêm 1.799,1 tỷ đồng, gấp 5,2 lần",
                Some("domestic_projects_adjusted"),
                "domestic_projects_adjusted_capital",
                "vốn đăng ký tăng thêm",
            ),
            (
                "cấp mới 25 dự án \nFDI",
                None,
                "fdi_projects_new",
                "cấp mới 25 dự án \nFDI",
            ),
            (
                "vốn đăng ký 197,29  triệu USD, bằng xấp xỉ 21%",
                Some("fdi_projects_new"),
                "fdi_projects_new_capital",
                "vốn đăng ký",
            ),
            (
                "điều chỉnh 24 dự án FDI",
                None,
                "fdi_projects_adjusted",
                "điều chỉnh 24 dự án FDI",
            ),
            (
                "tổng vốn tăng thêm là 475,37 52,13 triệu USD",
                Some("fdi_projects_adjusted"),
                "fdi_projects_adjusted_capital",
                "tổng vốn tăng thêm",
            ),
            (
                "điều chỉnh tăng vốn 05 dự án FDI",
                None,
                "fdi_projects_adjusted",
                "điều chỉnh tăng vốn 05 dự án FDI",
            ),
            (
                "vốn điều chỉnh tăng là 227,4 triệu USD",
                Some("fdi_projects_adjusted"),
                "fdi_projects_adjusted_capital",
                "vốn điều chỉnh tăng",
            ),
            (
                "toàn tỉnh có 182 doanh nghiệp được thành lập, tăng 1,6%",
                None,
                "enterprises_new",
                "doanh nghiệp được thành lập",
            ),
            (
                "lũy kế 05 tháng có 706 doanh nghiệp được thành lập mới",
                None,
                "enterprises_new",
                "doanh nghiệp được thành lập mới",
            ),
            (
                "vốn đăng ký đạt 5.931 tỷ đồng",
                Some("enterprises_new"),
                "enterprises_new_capital",
                "vốn đăng ký",
            ),
            (
                "Bên cạnh đó có 63 doanh nghiệp giải thể",
                None,
                "enterprises_dissolved",
                "doanh nghiệp giải thể",
            ),
            (
                "519 doanh nghiệp, chi nhánh tạm ngừng hoạt động",
                None,
                "enterprises_suspended",
                "tạm ngừng hoạt động",
            ),
            (
                "Hiện có 20 nghìn ha lúa đã trỗ",
                None,
                "rice_area",
                "ha lúa",
            ),
            (
                "sản lượng ước đạt 12.000 tấn",
                None,
                "crop_output",
                "sản lượng",
            ),
            (
                "Thịt lợn hơi từ 63-66 nghìn đồng/kg tùy loại lợn",
                None,
                "farm_gate_price",
                "Thịt lợn hơi",
            ),
            (
                "Tính đến ngày 15/5/2024 dung tích các hồ chứa trên  địa bàn tỉnh đạt 62,2%",
                None,
                "reservoir_storage",
                "dung tích các hồ chứa",
            ),
            (
                "Sản lượng gỗ khai thác đạt 447 nghìn m3 gỗ",
                None,
                "timber_output",
                "Sản lượng gỗ khai thác",
            ),
            (
                "chuyển hóa 334,9 ha rừng trồng gỗ nhỏ sang gỗ lớn",
                None,
                "forest_large_timber_conversion",
                "chuyển hóa 334,9 ha rừng trồng gỗ nhỏ sang gỗ lớn",
            ),
            (
                "Trong tháng xảy ra 02 vụ phát, phá rừng tự nhiên trái phép",
                None,
                "deforestation_cases",
                "vụ phát, phá rừng",
            ),
            (
                "với tổng diện tích bị phá là 1,59ha",
                None,
                "deforested_area",
                "diện tích bị phá",
            ),
            (
                "lập biên bản 08 vụ vi phạm Luật Lâm nghiệp",
                None,
                "forest_violations",
                "vụ vi phạm Luật Lâm nghiệp",
            ),
            (
                "Trong 5 tháng toàn tỉnh tạo việc làm mới cho 14.568 lao động",
                None,
                "jobs_created",
                "tạo việc làm mới",
            ),
            (
                "xuất khẩu lao động là 896",
                None,
                "labour_export",
                "xuất khẩu lao động",
            ),
            (
                "riêng trong các KCN có khoảng 191.000 lao động thực tế đi làm",
                None,
                "industrial_park_workers",
                "trong các KCN có khoảng 191.000 lao động",
            ),
            (
                "có 220 đơn vị còn nợ bảo hiểm từ 3 tháng trở lên",
                None,
                "social_insurance_debt",
                "nợ bảo hiểm",
            ),
            (
                "Tình hình Nợ BHXH, BHTN, BHYT từ 3 tháng trở lên",
                None,
                "social_insurance_debt",
                "Nợ BHXH",
            ),
            (
                "Số lượt khám, chữa bệnh trong tháng 5 là: 164.283",
                None,
                "health_visits",
                "Số lượt khám, chữa bệnh",
            ),
            (
                "Bệnh nhân nội trú: 24.485",
                None,
                "inpatients",
                "Bệnh nhân nội trú",
            ),
            (
                "Bệnh nhân điều trị ngoại trú: 58.074",
                None,
                "outpatients",
                "Bệnh nhân điều trị ngoại trú",
            ),
            (
                "Công suất sử dụng giường bệnh 105 %",
                None,
                "hospital_bed_occupancy",
                "Công suất sử dụng giường bệnh",
            ),
            (
                "Toàn tỉnh giành được 32 huy chương các loại",
                None,
                "medals",
                "huy chương",
            ),
            (
                "Năm 2023, Chỉ số PCI tỉnh Bắc Giang đạt 69,75 điểm",
                None,
                "pci",
                "Chỉ số PCI",
            ),
            (
                "chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI) năm 2023",
                None,
                "papi",
                "chỉ số hiệu quả quản trị và hành chính công cấp tỉnh",
            ),
            (
                "chỉ số cải cách hành chính (Par Index) đứng thứ 4 cả nước",
                None,
                "par_index",
                "chỉ số cải cách hành chính",
            ),
            (
                "chỉ số hài lòng về sự phục vụ hành chính SIPAS đứng thứ 38",
                None,
                "sipas",
                "chỉ số hài lòng về sự phục vụ hành chính",
            ),
            (
                "Trong tháng toàn tỉnh đã tổ chức tiếp 579 lượt người đến đề nghị",
                None,
                "citizen_receptions",
                "lượt người",
            ),
            (
                "giải quyết 542 vụ việc, tiếp nhận 643 đơn các loại",
                None,
                "petitions_received",
                "tiếp nhận 643 đơn",
            ),
            (
                "giải quyết 661 đơn (KN: 53, TC: 88, KNPA: 520)",
                None,
                "petitions_resolved",
                "giải quyết 661 đơn",
            ),
            (
                "đã giải quyết xong 370 đơn",
                None,
                "petitions_settled",
                "giải quyết xong 370 đơn",
            ),
            (
                "Trong tháng UBND tỉnh cấp 03 Giấy phép khai thác khoáng sản",
                None,
                "mineral_licences",
                "Giấy phép khai thác khoáng sản",
            ),
        ];
        for &(text, previous, code, phrase) in cases {
            assert_eq!(
                found(text, previous),
                Some((code, phrase)),
                "{text:?} after {previous:?}"
            );
        }
    }

    #[test]
    fn traffic_paragraph_reads_accidents_then_casualties() {
        let text = "Trong tháng 5, toàn tỉnh xảy ra 25 vụ tai nạn giao thông, làm chết 15 \
                    người, làm bị thương 15 người.";
        let (d, r) = find_in(text, None).unwrap();
        assert_eq!(
            (d.code, &text[r.clone()]),
            ("traffic_accidents", "vụ tai nạn giao thông")
        );
        assert_eq!(r.start, text.find("vụ tai nạn").unwrap());

        let rest = &text[r.end..];
        assert_eq!(
            found(rest, Some("traffic_accidents")),
            Some(("traffic_injuries", "làm bị thương")),
            "the longest alias wins within one clause"
        );
        assert_eq!(
            found(" làm chết 15 người", Some("traffic_accidents")),
            Some(("traffic_deaths", "làm chết"))
        );
        assert_eq!(
            found(" làm bị thương 15 người.", Some("traffic_deaths")),
            Some(("traffic_injuries", "làm bị thương"))
        );
        assert_eq!(
            found("giảm 01 người chết (-6,3%)", Some("traffic_injuries")),
            Some(("traffic_deaths", "người chết"))
        );
        // Casualties mean traffic casualties only after a traffic subject.
        assert_eq!(found(" làm chết 15 người", None), None);
        assert_eq!(found(" làm chết 2 người", Some("fires")), None);
    }

    #[test]
    fn registered_capital_depends_on_the_previous_subject() {
        let text = "vốn đăng ký 197,29 triệu USD";
        assert_eq!(
            found(text, Some("fdi_projects_new")),
            Some(("fdi_projects_new_capital", "vốn đăng ký"))
        );
        assert_eq!(
            found(text, Some("enterprises_new")),
            Some(("enterprises_new_capital", "vốn đăng ký"))
        );
        assert_eq!(
            found(text, Some("domestic_projects_new")),
            Some(("domestic_projects_new_capital", "vốn đăng ký"))
        );
        assert_eq!(
            found(text, Some("fdi_projects_new_capital")),
            Some(("fdi_projects_new_capital", "vốn đăng ký"))
        );
        assert_eq!(found(text, None), None);
        assert_eq!(found(text, Some("iip")), None);
        assert_eq!(
            found(
                "vốn đăng ký tăng thêm 10 triệu USD",
                Some("fdi_projects_adjusted")
            ),
            Some(("fdi_projects_adjusted_capital", "vốn đăng ký tăng thêm"))
        );
    }

    #[test]
    fn the_output_farmed_and_caught_is_the_fisherys() {
        for text in [
            "Tổng sản lượng nuôi trồng và khai thác quý I ước đạt",
            "tổng sản lượng nuôi trồng và khai thác thủy hải sản 4 tháng",
        ] {
            let (d, r) = find_in(text, None).unwrap();
            assert_eq!(d.code, "aquaculture_output", "{text:?}");
            assert!(text[r].ends_with("khai thác") || text.contains("hải sản 4"));
        }
        // Timber and minerals are caught ("khai thác") but not farmed.
        for text in [
            "sản lượng gỗ khai thác đạt 12.500 m3",
            "sản lượng khai thác than đạt 1,2 triệu tấn",
        ] {
            assert_ne!(
                find_in(text, None).map(|(d, _)| d.code),
                Some("aquaculture_output"),
                "{text:?}"
            );
        }
    }

    #[test]
    fn tone_placement_and_case_do_not_matter() {
        for text in [
            "Thuỷ sản đảm bảo đủ giống",
            "Thủy sản đảm bảo đủ giống",
            "THUỶ SẢN đảm bảo đủ giống",
            "THỦY SẢN đảm bảo đủ giống",
            // Decomposed (NFD) input.
            "Thu\u{309}y sa\u{309}n đảm bảo đủ giống",
        ] {
            let (d, r) = find_in(text, None).unwrap();
            assert_eq!(d.code, "aquaculture_output", "{text:?}");
            assert_eq!(r, 0..text.find(" đảm").unwrap(), "{text:?}");
        }
        for text in [
            "Tổng mức bán lẻ hàng hoá, dịch vụ tháng 5",
            "Tổng mức bán lẻ hàng hóa, dịch vụ tháng 5",
            "TỔNG MỨC BÁN LẺ HÀNG HOÁ, DỊCH VỤ tháng 5",
        ] {
            let (d, r) = find_in(text, None).unwrap();
            assert_eq!(d.code, "retail_sales");
            assert_eq!(r, 0..text.find(" tháng").unwrap(), "{text:?}");
        }
        assert_eq!(
            found("chuyển hoá 334,9 ha rừng trồng gỗ nhỏ sang gỗ lớn", None).map(|x| x.0),
            Some("forest_large_timber_conversion")
        );
    }

    #[test]
    fn fishery_output_and_its_items_are_no_crop_output() {
        // Longer than the crops' bare "sản lượng" (crop_output): the
        // fishery as a whole, and the items a province farms or catches.
        for (text, name) in [
            (
                "Sản lượng nuôi trồng và khai thác thủy sản tháng 10 ước đạt 41,7 nghìn tấn",
                "Sản lượng nuôi trồng và khai thác thủy sản",
            ),
            (
                "sản lượng khai thác và nuôi trồng thuỷ sản đạt 52.100 tấn",
                "sản lượng khai thác và nuôi trồng thuỷ sản",
            ),
            ("sản lượng tôm 20.820 tấn", "sản lượng tôm"),
            ("Sản lượng cá tra đạt 48.300 tấn", "Sản lượng cá tra"),
            (
                "sản lượng tôm thẻ chân trắng ước đạt 9.400 tấn",
                "sản lượng tôm thẻ chân trắng",
            ),
        ] {
            assert_eq!(
                found(text, None),
                Some(("aquaculture_output", name)),
                "{text:?}"
            );
        }
        // A crop's output stays the crop's.
        assert_eq!(
            found("sản lượng ngô đạt 12.500 tấn", None).map(|x| x.0),
            Some("crop_output")
        );
    }

    #[test]
    fn monthly_brief_names_of_yields_banking_and_stocks() {
        for (text, code, name) in [
            (
                "Năng suất lúa bình quân đạt 62,5 tạ/ha",
                "rice_yield",
                "Năng suất lúa bình quân",
            ),
            ("năng suất ước đạt 56,5 tạ/ha", "crop_yield", "năng suất"),
            (
                "doanh thu khách sạn, nhà hàng đạt 9,4 nghìn tỷ đồng",
                "accommodation_food_revenue",
                "doanh thu khách sạn, nhà hàng",
            ),
            // Productivity is no yield.
            (
                "năng suất lao động đạt 152 triệu đồng/người",
                "labour_productivity",
                "năng suất lao động",
            ),
            (
                "Tỉ lệ thất nghiệp khu vực thành thị là 3,1%",
                "unemployment_rate",
                "Tỉ lệ thất nghiệp",
            ),
            (
                "tổng nguồn vốn huy động ước đạt 73.500 tỷ đồng",
                "deposits_mobilised",
                "tổng nguồn vốn huy động",
            ),
            (
                "tổng dư nợ cho vay đạt 81.200 tỷ đồng",
                "credit_outstanding",
                "tổng dư nợ cho vay",
            ),
            ("nợ xấu 1.480 tỷ đồng, giảm 0,21%", "bad_debt", "nợ xấu"),
            (
                "Chỉ số tồn kho toàn ngành công nghiệp chế biến, chế tạo tăng 2,1%",
                "manufacturing_inventory_index",
                "Chỉ số tồn kho toàn ngành công nghiệp chế biến, chế tạo",
            ),
            (
                "chỉ số tiêu thụ ngành công nghiệp chế biến, chế tạo tăng 5%",
                "manufacturing_consumption_index",
                "chỉ số tiêu thụ ngành công nghiệp chế biến, chế tạo",
            ),
            // Longer than "vốn đầu tư thực hiện" (realized_investment).
            (
                "Vốn đầu tư thực hiện từ nguồn ngân sách nhà nước ước đạt 512 tỷ đồng",
                "state_budget_investment",
                "Vốn đầu tư thực hiện từ nguồn ngân sách nhà nước",
            ),
            (
                "vốn đầu tư thuộc nguồn vốn NSNN do địa phương quản lý đạt 248 tỷ đồng",
                "state_budget_investment",
                "vốn đầu tư thuộc nguồn vốn NSNN do địa phương quản lý",
            ),
        ] {
            assert_eq!(found(text, None), Some((code, name)), "{text:?}");
        }
        assert_eq!(
            found("Vốn đầu tư thực hiện trên địa bàn đạt 9.100 tỷ đồng", None).map(|x| x.0),
            Some("realized_investment")
        );
    }

    #[test]
    fn longer_aliases_win() {
        assert_eq!(
            found("xảy ra 2 vụ cháy rừng", None).map(|x| x.0),
            Some("forest_fires")
        );
        assert_eq!(
            found("xảy ra 2 vụ cháy nhà", None).map(|x| x.0),
            Some("fires")
        );
        assert_eq!(
            found("Sản lượng thủy sản ước đạt 5.245 tấn", None),
            Some(("aquaculture_output", "Sản lượng thủy sản"))
        );
        assert_eq!(
            found("có 12 doanh nghiệp chờ giải thể", None),
            Some((
                "enterprises_pending_dissolution",
                "doanh nghiệp chờ giải thể"
            ))
        );
        assert_eq!(
            found("diện tích gieo cấy lúa đạt 50 nghìn ha", None).map(|x| x.0),
            Some("rice_area")
        );
    }

    #[test]
    fn clause_ends_and_commas_bound_matches() {
        // A full stop ends the clause: no "tai nạn giao thông" across it.
        assert_eq!(
            found("phòng chống tai nạn. Giao thông thông suốt", None),
            None
        );
        // A "…" does not cross a comma.
        assert_eq!(found("giải quyết 542 vụ việc, 643 đơn", None), None);
        // Nor more than four words.
        assert_eq!(found("tiếp nhận một hai ba bốn năm đơn", None), None);
        assert_eq!(
            found("tiếp nhận một hai ba bốn đơn", None).map(|x| x.0),
            Some("petitions_received")
        );
        // Compounds are not split: "đơn vị", "giải thể thao", "giá bán lẻ".
        assert_eq!(found("giải quyết cho 5 đơn vị", None), None);
        assert_eq!(
            found("tham gia thi đấu 07 giải thể thao quốc gia", None),
            None
        );
        assert_eq!(found("giá bán lẻ xăng dầu giảm", None), None);
        assert_eq!(
            found("có 63 doanh nghiệp giải thể, tăng 36%", None).map(|x| x.0),
            Some("enterprises_dissolved")
        );
    }

    #[test]
    fn no_match_is_none() {
        assert_eq!(found("", None), None);
        assert_eq!(found("   ,.;  ", None), None);
        assert_eq!(
            found(
                "Tiếp tục làm tốt công tác quản lý nhà nước về báo chí",
                None
            ),
            None
        );
    }

    #[test]
    fn every_seed_line_gives_a_valid_range() {
        let mut hits = 0;
        let mut previous: Option<&str> = None;
        for line in SEED.lines().filter(|l| !l.trim().is_empty()) {
            for clause in line.split([';', '.']) {
                if let Some((d, r)) = find_in(clause, previous) {
                    assert!(clause.is_char_boundary(r.start) && clause.is_char_boundary(r.end));
                    assert!(r.start < r.end, "{clause:?}");
                    let key = match_key(&clause[r]);
                    assert!(!key.trim().is_empty());
                    previous = Some(d.code);
                    hits += 1;
                }
            }
        }
        assert!(hits > 60, "{hits} hits");
    }

    proptest::proptest! {
        #[test]
        fn find_in_never_panics_and_ranges_are_boundaries(
            text in "[ a-zA-ZđĐàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ\u{300}\u{301}\u{303}\u{309}\u{323}0-9.,;:()…-]{0,80}",
            previous in proptest::option::of("[a-z_]{1,30}"),
        ) {
            if let Some((_, r)) = find_in(&text, previous.as_deref()) {
                proptest::prop_assert!(r.start < r.end && r.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            }
        }

        #[test]
        fn alias_phrases_are_found_among_numbers(
            i in 0usize..10_000,
            before in "[0-9 ]{0,20}",
            after in "[0-9 ]{0,20}",
        ) {
            let d = &catalog()[i % catalog().len()];
            let alias = d.aliases[(i / 7) % d.aliases.len()].replace('…', "7");
            let text = format!("{before} {alias}. {after}");
            let (got, r) = find_in(&text, d.context.first().copied()).expect("found");
            proptest::prop_assert_eq!(got.code, d.code);
            proptest::prop_assert_eq!(&text[r], alias.as_str());
        }
    }
}
