//! MoE school code (学校标识码): 10 digits with no check digit, e.g.
//! `4111010001`: a 2-digit school type, the 2-digit province code of
//! [`crate::reference::divisions`] and a 6-digit sequence.
//!
//! Only two type prefixes matter for articulation and are named here: `36`
//! secondary vocational school (中等职业学校) and `41` regular higher
//! education institution (普通高等学校). The Ministry uses other prefixes for
//! other kinds of school, which the source data does not list; they parse as
//! [`SchoolType::Other`] so that the caller decides whether to reject them.

use super::divisions::{self, Division, DivisionLevel};
use serde::Serialize;
use std::fmt;

/// Length of a school code, in characters.
pub const LEN: usize = 10;

/// The 2-digit school type prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SchoolType {
    /// `36`: 中等职业学校.
    SecondaryVocational,
    /// `41`: 普通高等学校 (including 高职 colleges).
    RegularHigher,
    /// Any other two digits: a type not covered by the reference data.
    Other(u8),
}

impl SchoolType {
    /// From the numeric prefix (0–99).
    pub fn from_code(code: u8) -> Self {
        match code {
            36 => Self::SecondaryVocational,
            41 => Self::RegularHigher,
            other => Self::Other(other),
        }
    }

    /// The numeric prefix.
    pub fn code(self) -> u8 {
        match self {
            Self::SecondaryVocational => 36,
            Self::RegularHigher => 41,
            Self::Other(code) => code,
        }
    }

    /// Whether the type is one of the two the reference data names.
    pub fn is_known(self) -> bool {
        !matches!(self, Self::Other(_))
    }
}

/// A structurally valid school code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct MoeCode {
    /// Digits 1–2.
    pub school_type: SchoolType,
    /// Digits 3–4, resolved to the province.
    pub province: &'static Division,
    /// Digits 5–10 as a number (0–999999; shown zero-padded by `Display`).
    pub sequence: u32,
}

/// `Display` gives back the 10-digit code.
impl fmt::Display for MoeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:02}{}{:06}",
            self.school_type.code(),
            self.province.short_code(),
            self.sequence
        )
    }
}

/// Why a string is not a school code. Positions are 1-based. `Display` is the
/// English message.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MoeCodeError {
    /// Not 10 characters long.
    #[error("school code (MoE 学校标识码) should be 10 digits, found {actual} characters")]
    WrongLength {
        /// Length found, in characters.
        actual: usize,
    },
    /// A character that is not an ASCII digit.
    #[error("school code should contain only digits 0-9, found '{found}' at position {position}")]
    NonDigit {
        /// 1-based character position.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// Digits 3–4 are not one of the 31 province codes.
    #[error("school code digits 3-4 should be one of the 31 province codes, found {code}")]
    UnknownProvince {
        /// The two digits found.
        code: String,
    },
}

impl MoeCodeError {
    /// Chinese message, e.g. `学校标识码应为10位数字，实为9位`.
    pub fn message_zh(&self) -> String {
        match self {
            Self::WrongLength { actual } => format!("学校标识码应为10位数字，实为{actual}位"),
            Self::NonDigit { position, found } => {
                format!("学校标识码应全为数字，第{position}位为“{found}”")
            }
            Self::UnknownProvince { code } => {
                format!("学校标识码第3–4位应为省级行政区划代码，“{code}”不是")
            }
        }
    }

    /// English message.
    pub fn message_en(&self) -> String {
        self.to_string()
    }
}

/// Parses a school code: length, digits, then province, in that order.
///
/// # Errors
///
/// [`MoeCodeError::WrongLength`] unless 10 characters,
/// [`MoeCodeError::NonDigit`] for the first character that is not `0`–`9`,
/// [`MoeCodeError::UnknownProvince`] if digits 3–4 are not a province code.
///
/// ```
/// use xianjie::reference::moe_code::{self, MoeCodeError, SchoolType};
///
/// let code = moe_code::parse("4111010001").unwrap();
/// assert_eq!(code.school_type, SchoolType::RegularHigher);
/// assert_eq!(code.province.name, "北京市");
/// assert_eq!(code.sequence, 10001);
/// assert_eq!(code.to_string(), "4111010001");
///
/// let err = moe_code::parse("3699000001").unwrap_err();
/// assert_eq!(err, MoeCodeError::UnknownProvince { code: "99".into() });
/// assert_eq!(err.message_zh(), "学校标识码第3–4位应为省级行政区划代码，“99”不是");
/// ```
pub fn parse(code: &str) -> Result<MoeCode, MoeCodeError> {
    let actual = code.chars().count();
    if actual != LEN {
        return Err(MoeCodeError::WrongLength { actual });
    }
    if let Some((i, found)) = code.chars().enumerate().find(|(_, c)| !c.is_ascii_digit()) {
        return Err(MoeCodeError::NonDigit {
            position: i + 1,
            found,
        });
    }
    // All ten characters are ASCII digits, so byte slicing is exact.
    let part = |range: std::ops::Range<usize>| code.get(range).unwrap_or_default();
    let province_code = part(2..4);
    let province = divisions::division(province_code)
        .filter(|d| d.level == DivisionLevel::Province)
        .ok_or_else(|| MoeCodeError::UnknownProvince {
            code: province_code.to_owned(),
        })?;
    Ok(MoeCode {
        school_type: SchoolType::from_code(part(0..2).parse().unwrap_or_default()),
        province,
        sequence: part(4..10).parse().unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_known_types() {
        let c = parse("3633080012").expect("valid");
        assert_eq!(c.school_type, SchoolType::SecondaryVocational);
        assert_eq!(c.province.code, "330000");
        assert_eq!(c.sequence, 80012);
        assert_eq!(c.to_string(), "3633080012");
        assert!(c.school_type.is_known());

        let c = parse("4165000000").expect("valid");
        assert_eq!(c.school_type, SchoolType::RegularHigher);
        assert_eq!(c.province.name, "新疆维吾尔自治区");
        assert_eq!(c.to_string(), "4165000000");
    }

    #[test]
    fn other_types_are_allowed_but_flagged() {
        let c = parse("0511999999").expect("structurally valid");
        assert_eq!(c.school_type, SchoolType::Other(5));
        assert!(!c.school_type.is_known());
        assert_eq!(c.to_string(), "0511999999");
        for t in 0..100u8 {
            assert_eq!(SchoolType::from_code(t).code(), t);
        }
    }

    #[test]
    fn wrong_length() {
        for (code, actual) in [
            ("", 0),
            ("411101000", 9),
            ("41110100011", 11),
            ("４111010001", 10),
        ] {
            let got = parse(code);
            if actual == 10 {
                assert!(matches!(
                    got,
                    Err(MoeCodeError::NonDigit {
                        position: 1,
                        found: '４'
                    })
                ));
            } else {
                assert_eq!(got, Err(MoeCodeError::WrongLength { actual }), "{code:?}");
            }
        }
        assert_eq!(
            MoeCodeError::WrongLength { actual: 9 }.message_zh(),
            "学校标识码应为10位数字，实为9位"
        );
    }

    #[test]
    fn non_digit() {
        let err = parse("41110100O1").expect_err("letter O");
        assert_eq!(
            err,
            MoeCodeError::NonDigit {
                position: 9,
                found: 'O'
            }
        );
        assert_eq!(err.message_zh(), "学校标识码应全为数字，第9位为“O”");
        assert_eq!(
            err.message_en(),
            "school code should contain only digits 0-9, found 'O' at position 9"
        );
        assert!(matches!(
            parse("-111010001"),
            Err(MoeCodeError::NonDigit { position: 1, .. })
        ));
    }

    #[test]
    fn unknown_province() {
        for p in ["00", "10", "66", "71", "81", "82", "99"] {
            let code = format!("41{p}010001");
            assert_eq!(
                parse(&code),
                Err(MoeCodeError::UnknownProvince { code: p.into() }),
                "{code}"
            );
        }
        assert_eq!(
            serde_json::to_value(MoeCodeError::UnknownProvince { code: "99".into() }).ok(),
            Some(serde_json::json!({"kind": "unknown_province", "code": "99"}))
        );
    }
}
