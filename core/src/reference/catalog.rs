//! The Ministry of Education's vocational major catalogue, 2021 edition
//! (职业教育专业目录（2021年）, annex to 教职成〔2021〕2号).
//!
//! Three levels share one code space, told apart by the leading digit:
//! `6x`/`7x` secondary (中职), `4x`/`5x` associate (高职专科), `2x`/`3x`
//! vocational bachelor (职业本科). Within a level, a 2-digit code is a
//! category (专业大类), a 4-digit code a class (专业类) and a 6-digit code a
//! major (专业); 47 associate majors carry a trailing `K` (state-controlled,
//! e.g. `520101K` 临床医学) which is part of the code.
//!
//! Only the 2021 edition is embedded: majors added by the yearly updates from
//! 2022 on are unknown here, so callers should treat "not in the catalogue" as
//! a finding to report, not as proof that a code is fake.

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// Level of vocational education a catalogue code belongs to.
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
pub enum EducationLevel {
    /// 中等职业教育 (codes `6x`, `7x`).
    Secondary,
    /// 高等职业教育专科 (codes `4x`, `5x`).
    Associate,
    /// 高等职业教育本科 (codes `2x`, `3x`).
    Bachelor,
}

impl EducationLevel {
    /// Chinese name, e.g. `中职`.
    pub fn name_zh(self) -> &'static str {
        match self {
            Self::Secondary => "中职",
            Self::Associate => "高职专科",
            Self::Bachelor => "职业本科",
        }
    }

    /// English name, e.g. `secondary vocational`.
    pub fn name_en(self) -> &'static str {
        match self {
            Self::Secondary => "secondary vocational",
            Self::Associate => "higher vocational (associate)",
            Self::Bachelor => "vocational bachelor",
        }
    }
}

/// One major (专业) of the 2021 catalogue, with its class and category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct CatalogMajor {
    /// Six digits, possibly followed by `K`, e.g. `710201` or `520101K`.
    pub code: &'static str,
    /// Official name, e.g. `计算机应用`.
    pub name: &'static str,
    /// Level, implied by the leading digit.
    pub level: EducationLevel,
    /// Two-digit category (专业大类) code, e.g. `71`.
    pub category_code: &'static str,
    /// Category name, e.g. `电子与信息大类`.
    pub category_name: &'static str,
    /// Four-digit class (专业类) code, e.g. `7102`.
    pub class_code: &'static str,
    /// Class name, e.g. `计算机类`.
    pub class_name: &'static str,
}

/// A category or class row: code, name, level.
#[derive(Debug, Clone, Copy)]
struct Group {
    code: &'static str,
    name: &'static str,
    level: EducationLevel,
}

struct Catalog {
    categories: Vec<Group>,
    classes: Vec<Group>,
    majors: Vec<CatalogMajor>,
}

/// The parsed table; `None` while it is neither embedded nor loaded (see [`super::source`]).
fn catalog() -> Option<&'static Catalog> {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    if let Some(c) = CATALOG.get() {
        return Some(c);
    }
    let text = super::source::Table::Catalog.text()?;
    Some(CATALOG.get_or_init(|| parse(text)))
}

fn find_group(groups: &[Group], code: &str) -> Option<Group> {
    groups
        .binary_search_by(|g| g.code.cmp(code))
        .ok()
        .and_then(|i| groups.get(i).copied())
}

/// Parses the embedded table (sorted by code; `#` lines are comments).
/// Malformed rows are skipped; the unit tests pin the row counts.
fn parse(tsv: &'static str) -> Catalog {
    let mut rows = Vec::new();
    for line in tsv.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let mut f = line.split('\t');
        let (Some(code), Some(level), Some(kind), Some(name)) =
            (f.next(), f.next(), f.next(), f.next())
        else {
            continue;
        };
        let level = match level {
            "S" => EducationLevel::Secondary,
            "H" => EducationLevel::Associate,
            "B" => EducationLevel::Bachelor,
            _ => continue,
        };
        rows.push((code, kind, Group { code, name, level }));
    }
    let pick = |k: &str| -> Vec<Group> {
        rows.iter()
            .filter(|(_, kind, _)| *kind == k)
            .map(|(_, _, g)| *g)
            .collect()
    };
    let categories = pick("category");
    let classes = pick("class");
    let majors = rows
        .iter()
        .filter(|(_, kind, _)| *kind == "major")
        .filter_map(|&(code, _, g)| {
            let class = find_group(&classes, code.get(..4)?)?;
            let category = find_group(&categories, code.get(..2)?)?;
            Some(CatalogMajor {
                code,
                name: g.name,
                level: g.level,
                category_code: category.code,
                category_name: category.name,
                class_code: class.code,
                class_name: class.name,
            })
        })
        .collect();
    Catalog {
        categories,
        classes,
        majors,
    }
}

/// Looks up a major (6-digit code, with its `K` if it has one). Category and
/// class codes return `None`; see [`category`] and [`class`].
///
/// ```
/// use xianjie::reference::catalog::{self, EducationLevel};
///
/// let m = catalog::major("710201").unwrap();
/// assert_eq!(m.name, "计算机应用");
/// assert_eq!(m.level, EducationLevel::Secondary);
/// assert_eq!((m.class_code, m.category_name), ("7102", "电子与信息大类"));
/// assert!(catalog::major("520101K").is_some());
/// assert!(catalog::major("520101").is_none()); // the K is part of the code
/// assert!(catalog::major("7102").is_none());
/// ```
pub fn major(code: &str) -> Option<&'static CatalogMajor> {
    let majors = &catalog()?.majors;
    majors
        .binary_search_by(|m| m.code.cmp(code))
        .ok()
        .and_then(|i| majors.get(i))
}

/// Looks up a category (专业大类, 2 digits): its name and level.
///
/// ```
/// use xianjie::reference::catalog::{self, EducationLevel};
///
/// assert_eq!(catalog::category("51"), Some(("电子与信息大类", EducationLevel::Associate)));
/// assert_eq!(catalog::category("80"), None);
/// ```
pub fn category(code: &str) -> Option<(&'static str, EducationLevel)> {
    find_group(&catalog()?.categories, code).map(|g| (g.name, g.level))
}

/// Looks up a class (专业类, 4 digits): its name and level.
///
/// ```
/// use xianjie::reference::catalog::{self, EducationLevel};
///
/// assert_eq!(catalog::class("7102"), Some(("计算机类", EducationLevel::Secondary)));
/// assert_eq!(catalog::class("710201"), None);
/// ```
pub fn class(code: &str) -> Option<(&'static str, EducationLevel)> {
    find_group(&catalog()?.classes, code).map(|g| (g.name, g.level))
}

/// All 1,349 majors of the three levels, sorted by code (byte order, so
/// bachelor `2x` first and secondary `7x` last).
///
/// ```
/// use xianjie::reference::catalog;
///
/// let all = catalog::majors();
/// assert_eq!(all.len(), 1349);
/// assert!(all.windows(2).all(|w| w[0].code < w[1].code));
/// ```
pub fn majors() -> &'static [CatalogMajor] {
    catalog().map_or(&[], |c| &c.majors)
}

/// Level implied by a code's leading digit (`6`/`7` secondary, `4`/`5`
/// associate, `2`/`3` bachelor), for any well-formed code: 2, 4 or 6 ASCII
/// digits, the 6-digit form optionally followed by `K`. Does not check that
/// the code is in the catalogue, so it also classifies post-2021 additions.
///
/// ```
/// use xianjie::reference::catalog::{level_of_code, EducationLevel};
///
/// assert_eq!(level_of_code("710201"), Some(EducationLevel::Secondary));
/// assert_eq!(level_of_code("520101K"), Some(EducationLevel::Associate));
/// assert_eq!(level_of_code("31"), Some(EducationLevel::Bachelor));
/// assert_eq!(level_of_code("810201"), None);
/// assert_eq!(level_of_code("71020"), None);
/// ```
pub fn level_of_code(code: &str) -> Option<EducationLevel> {
    let digits = match code.strip_suffix('K') {
        Some(d) if d.len() == 6 => d,
        Some(_) => return None,
        None => code,
    };
    if !matches!(digits.len(), 2 | 4 | 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match digits.as_bytes().first()? {
        b'6' | b'7' => Some(EducationLevel::Secondary),
        b'4' | b'5' => Some(EducationLevel::Associate),
        b'2' | b'3' => Some(EducationLevel::Bachelor),
        _ => None,
    }
}

/// The associate-level category parallel to a secondary category: the same
/// 大类 with 20 subtracted from its code (`71` 电子与信息大类 → `51`). Returns
/// `None` unless the input is a secondary category of the catalogue. (The
/// bachelor parallel is 20 lower again, e.g. `31`.)
///
/// ```
/// use xianjie::reference::catalog::parallel_category;
///
/// assert_eq!(parallel_category("71").as_deref(), Some("51"));
/// assert_eq!(parallel_category("61").as_deref(), Some("41"));
/// assert_eq!(parallel_category("51"), None); // already associate
/// assert_eq!(parallel_category("7102"), None); // a class, not a category
/// ```
pub fn parallel_category(secondary_category: &str) -> Option<String> {
    match category(secondary_category)? {
        (_, EducationLevel::Secondary) => {}
        _ => return None,
    }
    let n: u8 = secondary_category.parse().ok()?;
    let higher = n.checked_sub(20)?.to_string();
    category(&higher).map(|_| higher)
}

// The tables are embedded in test builds (the default features).
#[cfg(test)]
#[cfg(feature = "embedded-reference")]
mod tests {
    use super::*;

    fn count(level: EducationLevel) -> usize {
        majors().iter().filter(|m| m.level == level).count()
    }

    #[test]
    fn row_counts_match_the_source() {
        let c = catalog().expect("embedded");
        assert_eq!(c.categories.len(), 57);
        assert_eq!(c.classes.len(), 88 + 97 + 90);
        assert_eq!(count(EducationLevel::Secondary), 358);
        assert_eq!(count(EducationLevel::Associate), 744);
        assert_eq!(count(EducationLevel::Bachelor), 247);
        assert_eq!(
            majors().iter().filter(|m| m.code.ends_with('K')).count(),
            47
        );
        let lines = crate::reference::source::Table::Catalog
            .text()
            .expect("embedded")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .count();
        assert_eq!(lines, 57 + 275 + 1349, "every data line parsed");
    }

    #[test]
    fn tables_are_sorted_and_unique() {
        let c = catalog().expect("embedded");
        assert!(c.categories.windows(2).all(|w| w[0].code < w[1].code));
        assert!(c.classes.windows(2).all(|w| w[0].code < w[1].code));
        assert!(majors().windows(2).all(|w| w[0].code < w[1].code));
    }

    #[test]
    fn every_major_is_consistent_with_its_code() {
        for m in majors() {
            assert_eq!(level_of_code(m.code), Some(m.level), "{}", m.code);
            assert!(m.code.starts_with(m.class_code), "{}", m.code);
            assert!(m.class_code.starts_with(m.category_code), "{}", m.code);
            assert_eq!(category(m.category_code), Some((m.category_name, m.level)));
            assert_eq!(class(m.class_code), Some((m.class_name, m.level)));
            assert_eq!(major(m.code), Some(m));
        }
    }

    #[test]
    fn lookups() {
        let m = major("520101K").expect("临床医学");
        assert_eq!(
            (m.name, m.level, m.class_name),
            ("临床医学", EducationLevel::Associate, "临床医学类")
        );
        assert_eq!(major("210101").map(|m| m.name), Some("现代种业技术"));
        assert_eq!(major("610101").map(|m| m.name), Some("种子生产技术"));
        for missing in ["", "61", "6101", "520101", "520101k", "999999", "710201 "] {
            assert_eq!(major(missing), None, "{missing:?}");
        }
        assert_eq!(
            category("79"),
            Some(("公共管理与服务大类", EducationLevel::Secondary))
        );
        assert_eq!(category("7102"), None);
        assert_eq!(class("71"), None);
    }

    #[test]
    fn level_rule() {
        use EducationLevel::*;
        let cases = [
            ("61", Some(Secondary)),
            ("7999", Some(Secondary)),
            ("410101", Some(Associate)),
            ("599999K", Some(Associate)),
            ("21", Some(Bachelor)),
            ("3101", Some(Bachelor)),
            ("11", None),
            ("81", None),
            ("0", None),
            ("", None),
            ("K", None),
            ("71K", None),
            ("7102011", None),
            ("71020a", None),
            ("７１", None),
        ];
        for (code, want) in cases {
            assert_eq!(level_of_code(code), want, "{code:?}");
        }
    }

    #[test]
    fn parallel_categories_share_names() {
        for n in 61..=79u8 {
            let sec = n.to_string();
            let hi = parallel_category(&sec).expect("every secondary category has a parallel");
            assert_eq!(hi, (n - 20).to_string());
            assert_eq!(category(&sec).map(|c| c.0), category(&hi).map(|c| c.0));
        }
        for bad in ["41", "21", "60", "80", "7", "", "x1", "710201"] {
            assert_eq!(parallel_category(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn level_serde_and_order() {
        assert_eq!(
            serde_json::to_string(&EducationLevel::Associate)
                .ok()
                .as_deref(),
            Some("\"associate\"")
        );
        assert!(EducationLevel::Secondary < EducationLevel::Associate);
        assert!(EducationLevel::Associate < EducationLevel::Bachelor);
        assert_eq!(EducationLevel::Bachelor.name_zh(), "职业本科");
    }
}
