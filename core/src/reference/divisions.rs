//! Administrative division codes (行政区划代码, GB/T 2260 six-digit form) from
//! the National Bureau of Statistics' 2023 统计用区划代码: 31 provinces, 342
//! prefecture-level units and 2,975 county-level units (mainland only; Hong
//! Kong, Macao and Taiwan are not in the source).
//!
//! Codes are stored padded to six digits: province `11` → `110000`, city
//! `1101` → `110100`, county `110101`. [`Division::short_code`] gives back the
//! 2- or 4-digit form and [`division`] accepts either form.
//!
//! Data quirks worth knowing:
//! - Some prefecture-level rows are statistical groupings, not places:
//!   `市辖区` (Beijing, Tianjin, Shanghai, Chongqing), `县` (Chongqing 500200)
//!   and `省直辖县级行政区划` / `自治区直辖县级行政区划` (county-level cities
//!   administered directly by Henan, Hubei, Hainan and Xinjiang).
//!   [`full_name`] leaves them out.
//! - 东莞 `441900`, 中山 `442000` and 儋州 `460400` are prefecture-level cities
//!   without counties. The source lists each a second time as its own
//!   county-level unit with the same code; here each is one row of level
//!   [`DivisionLevel::City`], which [`counties_of`] also yields.

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// Tier of an administrative division.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    PartialOrd,
    Ord,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DivisionLevel {
    /// 省级: province, autonomous region or municipality.
    Province,
    /// 地级: prefecture-level city, prefecture, league, or a grouping row.
    City,
    /// 县级: district, county, county-level city, banner.
    County,
}

/// One administrative division.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Division {
    /// Six-digit code, e.g. `110101`.
    pub code: &'static str,
    /// Name as published, e.g. `东城区`.
    pub name: &'static str,
    /// Tier.
    pub level: DivisionLevel,
    /// Six-digit code of the enclosing division; `None` for provinces.
    pub parent: Option<&'static str>,
}

impl Division {
    /// The code without its zero padding: 2 digits for a province, 4 for a
    /// city, all 6 for a county.
    ///
    /// ```
    /// use xianjie::reference::divisions;
    ///
    /// assert_eq!(divisions::division("330000").map(|d| d.short_code()), Some("33"));
    /// assert_eq!(divisions::division("330800").map(|d| d.short_code()), Some("3308"));
    /// assert_eq!(divisions::division("330802").map(|d| d.short_code()), Some("330802"));
    /// ```
    pub fn short_code(&self) -> &'static str {
        let len = match self.level {
            DivisionLevel::Province => 2,
            DivisionLevel::City => 4,
            DivisionLevel::County => 6,
        };
        self.code.get(..len).unwrap_or(self.code)
    }
}

struct Table {
    /// Every division, sorted by code.
    all: Vec<Division>,
    /// County-level units (plus the cities without counties), sorted by code.
    counties: Vec<Division>,
}

/// The parsed table; `None` while it is neither embedded nor loaded (see [`super::source`]).
fn table() -> Option<&'static Table> {
    static TABLE: OnceLock<Table> = OnceLock::new();
    if let Some(t) = TABLE.get() {
        return Some(t);
    }
    let text = super::source::Table::Divisions.text()?;
    Some(TABLE.get_or_init(|| parse(text)))
}

/// Parses the embedded table (sorted by code; `#` lines are comments).
/// Malformed rows are skipped; the unit tests pin the row counts.
fn parse(tsv: &'static str) -> Table {
    let mut all = Vec::new();
    for line in tsv.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let mut f = line.split('\t');
        let (Some(code), Some(name), Some(level), Some(parent)) =
            (f.next(), f.next(), f.next(), f.next())
        else {
            continue;
        };
        let level = match level {
            "province" => DivisionLevel::Province,
            "city" => DivisionLevel::City,
            "county" => DivisionLevel::County,
            _ => continue,
        };
        if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let parent = (parent != "-").then_some(parent);
        all.push(Division {
            code,
            name,
            level,
            parent,
        });
    }
    let counties = all
        .iter()
        .enumerate()
        .filter(|&(i, d)| match d.level {
            DivisionLevel::County => true,
            DivisionLevel::City => !all
                .get(i + 1)
                .is_some_and(|next| next.code.starts_with(d.short_code())),
            DivisionLevel::Province => false,
        })
        .map(|(_, d)| *d)
        .collect();
    Table { all, counties }
}

fn lookup(code: &str) -> Option<&'static Division> {
    let all = &table()?.all;
    all.binary_search_by(|d| d.code.cmp(code))
        .ok()
        .and_then(|i| all.get(i))
}

/// Looks up a division by its six-digit code, or a province by its 2-digit
/// or a city by its 4-digit short code.
///
/// ```
/// use xianjie::reference::divisions::{self, DivisionLevel};
///
/// let d = divisions::division("110101").unwrap();
/// assert_eq!((d.name, d.level, d.parent), ("东城区", DivisionLevel::County, Some("110100")));
/// assert_eq!(divisions::division("3308").map(|d| d.name), Some("衢州市"));
/// assert_eq!(divisions::division("33").map(|d| d.code), Some("330000"));
/// assert!(divisions::division("110199").is_none());
/// ```
pub fn division(code: &str) -> Option<&'static Division> {
    if !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let level = match code.len() {
        6 => return lookup(code),
        2 => DivisionLevel::Province,
        4 => DivisionLevel::City,
        _ => return None,
    };
    let mut buf = [b'0'; 6];
    buf.get_mut(..code.len())?.copy_from_slice(code.as_bytes());
    let d = lookup(std::str::from_utf8(&buf).ok()?)?;
    (d.level == level).then_some(d)
}

/// All divisions, sorted by code.
pub fn divisions() -> &'static [Division] {
    table().map_or(&[], |t| &t.all)
}

/// Placeholder prefecture-level names that are groupings, not places.
const GROUPING_NAMES: [&str; 4] = [
    "市辖区",
    "县",
    "省直辖县级行政区划",
    "自治区直辖县级行政区划",
];

/// Province, city and county names joined by spaces, leaving out grouping
/// rows such as `市辖区` and a name repeated by the level below (嘉峪关市
/// 620200 → 620201 嘉峪关市). Accepts the same codes as [`division`].
///
/// ```
/// use xianjie::reference::divisions::full_name;
///
/// assert_eq!(full_name("110101").as_deref(), Some("北京市 东城区"));
/// assert_eq!(full_name("330802").as_deref(), Some("浙江省 衢州市 柯城区"));
/// assert_eq!(full_name("419001").as_deref(), Some("河南省 济源市"));
/// assert_eq!(full_name("4419").as_deref(), Some("广东省 东莞市"));
/// assert_eq!(full_name("000000"), None);
/// ```
pub fn full_name(code: &str) -> Option<String> {
    let mut chain = [None; 3];
    let mut next = Some(division(code)?);
    for slot in &mut chain {
        let Some(d) = next else { break };
        *slot = Some(d.name);
        next = d.parent.and_then(lookup);
    }
    let mut out = String::new();
    let mut last = "";
    for name in chain.iter().rev().flatten() {
        if GROUPING_NAMES.contains(name) || *name == last {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(name);
        last = name;
    }
    Some(out)
}

/// County-level units whose code starts with `prefix`, in code order: e.g.
/// `"1101"` gives Beijing's 16 districts, `"3308"` Quzhou's six units, `"33"`
/// all of Zhejiang. A padded 6-digit province or city code works like its
/// short code, and the cities without counties (东莞, 中山, 儋州) count as their
/// own county-level unit, as the source does. An unknown prefix yields nothing.
///
/// ```
/// use xianjie::reference::divisions::counties_of;
///
/// let quzhou: Vec<_> = counties_of("3308").map(|d| d.name).collect();
/// assert_eq!(quzhou, ["柯城区", "衢江区", "常山县", "开化县", "龙游县", "江山市"]);
/// assert_eq!(counties_of("110000").count(), 16);
/// assert_eq!(counties_of("4419").map(|d| d.code).collect::<Vec<_>>(), ["441900"]);
/// ```
pub fn counties_of(prefix: &str) -> impl Iterator<Item = &'static Division> {
    let prefix = match division(prefix) {
        Some(d) if prefix.len() == 6 && d.level != DivisionLevel::County => d.short_code(),
        _ => prefix,
    };
    let counties = table().map_or(&[][..], |t| &t.counties);
    let start = counties.partition_point(|d| d.code < prefix);
    let end = counties.partition_point(|d| d.code < prefix || d.code.starts_with(prefix));
    counties.get(start..end).unwrap_or_default().iter()
}

// The tables are embedded in test builds (the default features).
#[cfg(test)]
#[cfg(feature = "embedded-reference")]
mod tests {
    use super::*;

    fn count(level: DivisionLevel) -> usize {
        divisions().iter().filter(|d| d.level == level).count()
    }

    #[test]
    fn row_counts_match_the_source() {
        assert_eq!(count(DivisionLevel::Province), 31);
        assert_eq!(count(DivisionLevel::City), 342);
        assert_eq!(count(DivisionLevel::County), 2978 - 3);
        assert_eq!(table().expect("embedded").counties.len(), 2978);
        let lines = crate::reference::source::Table::Divisions
            .text()
            .expect("embedded")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .count();
        assert_eq!(lines, divisions().len(), "every data line parsed");
    }

    #[test]
    fn table_is_sorted_and_parents_are_consistent() {
        let all = divisions();
        assert!(all.windows(2).all(|w| w[0].code < w[1].code));
        for d in all {
            match (d.level, d.parent.and_then(lookup)) {
                (DivisionLevel::Province, None) => assert!(d.code.ends_with("0000")),
                (DivisionLevel::City, Some(p)) => {
                    assert_eq!(p.level, DivisionLevel::Province);
                    assert!(d.code.ends_with("00") && d.code.starts_with(p.short_code()));
                }
                (DivisionLevel::County, Some(p)) => {
                    assert_eq!(p.level, DivisionLevel::City);
                    assert!(d.code.starts_with(p.short_code()));
                }
                other => panic!("{d:?} has parent {other:?}"),
            }
            assert_eq!(division(d.short_code()), Some(d));
            assert!(full_name(d.code).is_some_and(|n| !n.is_empty()));
        }
    }

    #[test]
    fn lookups_by_short_and_long_code() {
        assert_eq!(division("11").map(|d| d.name), Some("北京市"));
        assert_eq!(division("110000").map(|d| d.name), Some("北京市"));
        assert_eq!(division("1101").map(|d| d.name), Some("市辖区"));
        assert_eq!(division("1501").map(|d| d.name), Some("呼和浩特市"));
        assert_eq!(
            division("441900").map(|d| d.level),
            Some(DivisionLevel::City)
        );
        for bad in [
            "", "1", "110", "11010", "1101010", "71", "8100", "１１", "11a101", "110101 ",
        ] {
            assert_eq!(division(bad), None, "{bad:?}");
        }
        // A short code must name a division of its own tier.
        assert_eq!(division("4190").map(|d| d.level), Some(DivisionLevel::City));
    }

    #[test]
    fn full_names() {
        let cases = [
            ("11", "北京市"),
            ("110100", "北京市"),
            ("110119", "北京市 延庆区"),
            ("500229", "重庆市 城口县"),
            ("150102", "内蒙古自治区 呼和浩特市 新城区"),
            ("429004", "湖北省 仙桃市"),
            ("659001", "新疆维吾尔自治区 石河子市"),
            ("620201", "甘肃省 嘉峪关市"),
            ("460400", "海南省 儋州市"),
        ];
        for (code, want) in cases {
            assert_eq!(full_name(code).as_deref(), Some(want), "{code}");
        }
        assert_eq!(full_name("999999"), None);
    }

    #[test]
    fn counties() {
        let beijing: Vec<_> = counties_of("1101").map(|d| d.code).collect();
        assert_eq!(beijing.len(), 16);
        assert_eq!(beijing.first(), Some(&"110101"));
        assert_eq!(beijing.last(), Some(&"110119"));
        assert_eq!(counties_of("1501").count(), 10);
        assert_eq!(counties_of("330800").count(), 6);
        assert_eq!(counties_of("110101").count(), 1);
        assert_eq!(counties_of("").count(), 2978);
        assert!(counties_of("11").all(|d| d.code.starts_with("11")));
        for none in ["9", "1199", "abc", "110199", "１１"] {
            assert_eq!(counties_of(none).count(), 0, "{none:?}");
        }
        let sum: usize = divisions()
            .iter()
            .filter(|d| d.level == DivisionLevel::Province)
            .map(|p| counties_of(p.short_code()).count())
            .sum();
        assert_eq!(sum, 2978);
    }

    #[test]
    fn level_serde() {
        assert_eq!(
            serde_json::to_string(&DivisionLevel::County)
                .ok()
                .as_deref(),
            Some("\"county\"")
        );
    }
}
