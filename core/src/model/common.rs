//! Value types shared by the entities: levels, modes, semesters, major references, timestamps.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeZone, Timelike};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// An instant with its UTC offset, as given (ISO 8601 / RFC 3339, e.g. `2024-02-27T17:00:00+08:00`).
pub type Timestamp = DateTime<FixedOffset>;

/// Beijing time, UTC+08:00: every deadline in the source notices is stated in it.
pub fn beijing() -> FixedOffset {
    // Evaluated at compile time: a bad offset would not build.
    const BEIJING: FixedOffset = match FixedOffset::east_opt(8 * 3600) {
        Some(o) => o,
        None => unreachable!(),
    };
    BEIJING
}

/// The last instant of a calendar year in Beijing time (`YYYY-12-31T23:59:59+08:00`).
pub fn year_end(year: i32) -> Option<Timestamp> {
    let date = NaiveDate::from_ymd_opt(year, 12, 31)?;
    beijing()
        .from_local_datetime(&date.and_hms_opt(23, 59, 59)?)
        .single()
}

/// `%Y-%m-%d{sep}%H:%M:%S` exactly as chrono's `format` writes it (a sign on years outside
/// 0–9999, second 60 in a leap second), without linking chrono's format-string interpreter:
/// kilobytes in the WebAssembly module for three fixed formats.
pub(crate) fn date_time(t: &(impl Datelike + Timelike), sep: char) -> String {
    let y = t.year();
    let year = if (0..10_000).contains(&y) {
        format!("{y:04}")
    } else {
        format!("{y:+05}")
    };
    format!("{year}-{:02}-{:02}{sep}{}", t.month(), t.day(), hms(t))
}

/// `%H:%M:%S`, as [`date_time`].
fn hms(t: &impl Timelike) -> String {
    let second = t.second() + t.nanosecond() / 1_000_000_000;
    format!("{:02}:{:02}:{second:02}", t.hour(), t.minute())
}

crate::labelled_enum! {
    /// Kind of school. Technician schools (技工学校) count as secondary vocational schools.
    pub enum SchoolLevel {
        Secondary = "secondary" {
            zh: "中职学校",
            en: "secondary vocational school",
            also: ["中职", "中等职业学校", "中专", "中等专业学校", "职业高中", "职高", "职业中学"],
        },
        Technician = "technician" {
            zh: "技工学校",
            en: "technician school",
            also: ["技校", "技工", "技工院校", "高级技工学校"],
        },
        Higher = "higher" {
            zh: "高职学校",
            en: "higher vocational school",
            also: [
                "高职",
                "高职院校",
                "高等职业学校",
                "高等职业院校",
                "职业技术学院",
                "高等职业技术学院",
                "职业学院",
                "高等专科学校",
            ],
        },
        VocationalBachelor = "vocational_bachelor" {
            zh: "职业本科学校",
            en: "vocational bachelor's university",
            also: ["职业本科", "职教本科", "本科层次职业学校", "职业技术大学"],
        },
        Bachelor = "bachelor" {
            zh: "本科高校",
            en: "bachelor's university",
            also: ["普通本科高校", "普通本科", "本科院校", "本科"],
        },
    }
}

crate::labelled_enum! {
    /// Programme mode of a project (DOMAIN.md: 3+2, five-year, through, higher-to-bachelor, pilots).
    #[derive(Default)]
    pub enum ProgramMode {
        #[default]
        ThreePlusTwo = "three_plus_two" {
            zh: "“3+2”中高职衔接",
            en: "3+2 articulation",
            also: ["3+2", "三二分段", "三二连读", "3+2分段", "中高职衔接", "3+2中高职衔接"],
        },
        FiveYear = "five_year" {
            zh: "五年一贯制",
            en: "five-year integrated programme",
            also: ["五年一贯", "五年制", "五年制高职"],
        },
        Through = "through" {
            zh: "贯通培养",
            en: "through programme",
            also: ["贯通", "中高职贯通培养", "中高职贯通"],
        },
        HigherBachelor = "higher_bachelor" {
            zh: "高本贯通",
            en: "higher-to-bachelor programme",
            also: ["高本贯通培养", "高职本科贯通", "专本贯通"],
        },
        SpecialistPilot = "specialist_pilot" {
            zh: "专科人才培养试点",
            en: "specialist training pilot",
            also: ["专科试点", "专科人才培养"],
        },
        RegionalIntegrated = "regional_integrated" {
            zh: "区域中高职一体化试点",
            en: "regional integrated pilot",
            also: ["区域中高职一体化", "区域中高职一体化人才培养改革试点", "中高职一体化", "一体化试点"],
        },
    }
}

crate::labelled_enum! {
    /// Where a project stands.
    #[derive(Default)]
    pub enum Standing {
        #[default]
        NewlyApproved = "newly_approved" {
            zh: "新增立项",
            en: "newly approved",
            also: ["新立项", "新增"],
        },
        QualityMonitored = "quality_monitored" {
            zh: "通过质量监测",
            en: "passed quality monitoring",
            also: ["已通过质量监测", "质量监测通过"],
        },
        Discontinued = "discontinued" {
            zh: "已停办",
            en: "discontinued",
            also: ["停办"],
        },
    }
}

/// A major by catalogue code, with the name the submitter used.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct MajorRef {
    /// Catalogue code, e.g. `700206` or `520101K`.
    pub code: String,
    /// Name as written by the submitter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl MajorRef {
    /// `code name`, or the code alone.
    pub fn label(&self) -> String {
        match &self.name {
            Some(n) => format!("{} {}", self.code, n),
            None => self.code.clone(),
        }
    }
}

/// A semester of a school year: `2023-2024-1` is the first semester of 2023–2024.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Semester {
    /// The calendar year the school year starts in.
    pub start_year: i32,
    /// 1 (autumn) or 2 (spring).
    pub term: u8,
}

impl Semester {
    /// Chinese label, e.g. `2023—2024学年第一学期`.
    pub fn zh(&self) -> String {
        let t = if self.term == 1 { "一" } else { "二" };
        format!("{}—{}学年第{}学期", self.start_year, self.start_year + 1, t)
    }
    /// English label, e.g. `the first semester of 2023–2024`.
    pub fn en(&self) -> String {
        let t = if self.term == 1 { "first" } else { "second" };
        format!(
            "the {} semester of {}–{}",
            t,
            self.start_year,
            self.start_year + 1
        )
    }
}

impl fmt::Display for Semester {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{}-{}",
            self.start_year,
            self.start_year + 1,
            self.term
        )
    }
}

impl FromStr for Semester {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let expected = || format!("expected a semester like 2023-2024-1, found {s:?}");
        let parts: Vec<&str> = s.trim().split(['-', '—', '–']).collect();
        let [a, b, t] = parts.as_slice() else {
            return Err(expected());
        };
        let a: i32 = a.parse().map_err(|_| expected())?;
        let b: i32 = b.parse().map_err(|_| expected())?;
        let term: u8 = t.parse().map_err(|_| expected())?;
        if b != a + 1 || !(1..=2).contains(&term) || !(1900..=2200).contains(&a) {
            return Err(expected());
        }
        Ok(Semester {
            start_year: a,
            term,
        })
    }
}

impl Serialize for Semester {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Semester {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        /// Text, as `String` reads it; the reader's name (`…::SemesterText`) tells the input
        /// reader what a bad value should have been (`input::words::Expect::of_type`).
        struct SemesterText;
        impl serde::de::Visitor<'_> for SemesterText {
            type Value = Semester;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                // serde's words for `String`'s reader.
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Semester, E> {
                s.parse().map_err(E::custom)
            }
        }
        d.deserialize_str(SemesterText)
    }
}

impl JsonSchema for Semester {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Semester".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{4}-[12]$",
            "description": "School year and term, e.g. 2023-2024-1 (first semester of 2023–2024)"
        })
    }
}

#[cfg(test)]
mod format_tests {
    use super::*;
    use chrono::NaiveDateTime;

    #[test]
    fn date_time_writes_what_chronos_format_writes() {
        let at = |y: i32, ns: u32| -> NaiveDateTime {
            NaiveDate::from_ymd_opt(y, 2, 7)
                .unwrap()
                .and_hms_nano_opt(9, 5, 59, ns)
                .unwrap()
        };
        for t in [
            at(2024, 0),
            at(2024, 1_500_000_000), // a leap second
            at(7, 0),
            at(0, 0),
            at(-1, 0),
            at(-44, 0),
            at(10_000, 0),
            at(262_142, 999_999_999),
        ] {
            let ours = date_time(&t, 'T');
            assert_eq!(ours, t.format("%Y-%m-%dT%H:%M:%S").to_string());
            assert_eq!(hms(&t), t.format("%H:%M:%S").to_string());
        }
    }
}
