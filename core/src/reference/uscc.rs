//! Unified social credit code (统一社会信用代码, GB 32100-2015).
//!
//! 18 characters over [`ALPHABET`] (a character's value is its position
//! there; `I O S V Z` and lower case are not used). The 18th is a check
//! character over the first 17 with [`WEIGHTS`]:
//! `check = ALPHABET[(31 − Σ value·weight mod 31) mod 31]`.
//! Public institutions such as schools start with `12`.
//!
//! Only the form and the check character are verified here; callers wanting
//! more (registration-authority codes, the embedded division code at
//! positions 3–8) can build on [`crate::reference::divisions`].

use serde::Serialize;

/// The 31 characters of the code, in value order.
pub const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Weights of positions 1–17 (3^i mod 31).
pub const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// Length of a complete code, in characters.
pub const LEN: usize = 18;

/// Why a string is not a valid unified social credit code. Positions are
/// 1-based character positions. `Display` is the English message.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UsccError {
    /// Not 18 characters long.
    #[error("unified social credit code should be 18 characters long, found {actual}")]
    WrongLength {
        /// Length found, in characters.
        actual: usize,
    },
    /// A character outside [`ALPHABET`].
    #[error("unified social credit code has invalid character '{found}' at position {position}")]
    InvalidChar {
        /// 1-based character position.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// The 18th character does not match the first 17.
    #[error("unified social credit code check character should be {expected}, found {found}")]
    WrongCheckChar {
        /// Check character computed from the first 17.
        expected: char,
        /// Check character present.
        found: char,
    },
}

impl UsccError {
    /// Chinese message, e.g. `统一社会信用代码校验位应为L，实为X`.
    pub fn message_zh(&self) -> String {
        match self {
            Self::WrongLength { actual } => {
                format!("统一社会信用代码应为18位，实为{actual}位")
            }
            Self::InvalidChar { position, found } => {
                format!("统一社会信用代码第{position}位字符“{found}”不合法")
            }
            Self::WrongCheckChar { expected, found } => {
                format!("统一社会信用代码校验位应为{expected}，实为{found}")
            }
        }
    }

    /// English message, e.g. `... check character should be L, found X`.
    pub fn message_en(&self) -> String {
        self.to_string()
    }
}

fn value(c: char) -> Option<u32> {
    ALPHABET.find(c).and_then(|i| u32::try_from(i).ok())
}

fn char_of(v: u32) -> Option<char> {
    ALPHABET.chars().nth(usize::try_from(v).ok()?)
}

/// Weighted sum check over exactly 17 alphabet characters.
fn check_of(first17: &str) -> Result<char, UsccError> {
    let mut sum = 0u32;
    let mut n = 0usize;
    for (i, c) in first17.chars().enumerate() {
        let v = value(c).ok_or(UsccError::InvalidChar {
            position: i + 1,
            found: c,
        })?;
        sum += v * WEIGHTS.get(i).copied().unwrap_or(0);
        n += 1;
    }
    if n != LEN - 1 {
        return Err(UsccError::WrongLength { actual: n });
    }
    char_of((31 - sum % 31) % 31).ok_or(UsccError::WrongLength { actual: n })
}

/// The check character for the first 17 characters of a code, or `None` if
/// `first17` is not 17 characters of [`ALPHABET`].
///
/// ```
/// use xianjie::reference::uscc;
///
/// assert_eq!(uscc::check_char("91110000600037341"), Some('L'));
/// assert_eq!(uscc::check_char("9111000060003734"), None);
/// assert_eq!(uscc::check_char("9111000060003734I"), None);
/// ```
pub fn check_char(first17: &str) -> Option<char> {
    check_of(first17).ok()
}

/// The first 17 characters followed by their check character: a valid code,
/// e.g. for sample data. `None` under the same conditions as [`check_char`].
///
/// ```
/// use xianjie::reference::uscc;
///
/// let code = uscc::with_check_char("12330800000000000").unwrap();
/// assert_eq!(code.len(), 18);
/// assert!(uscc::validate(&code).is_ok());
/// ```
pub fn with_check_char(first17: &str) -> Option<String> {
    let check = check_char(first17)?;
    let mut code = String::with_capacity(LEN);
    code.push_str(first17);
    code.push(check);
    Some(code)
}

/// Checks length, alphabet and check character, in that order. Input is
/// taken as is: trim whitespace and upper-case first if that is acceptable.
///
/// # Errors
///
/// [`UsccError::WrongLength`] unless 18 characters,
/// [`UsccError::InvalidChar`] for the first character outside [`ALPHABET`],
/// [`UsccError::WrongCheckChar`] if the 18th does not match the first 17.
///
/// ```
/// use xianjie::reference::uscc::{self, UsccError};
///
/// assert_eq!(uscc::validate("91110000600037341L"), Ok(()));
/// assert_eq!(
///     uscc::validate("91110000600037341X"),
///     Err(UsccError::WrongCheckChar { expected: 'L', found: 'X' })
/// );
/// let err = uscc::validate("9111000060003734").unwrap_err();
/// assert_eq!(err.message_zh(), "统一社会信用代码应为18位，实为16位");
/// assert_eq!(err.message_en(), "unified social credit code should be 18 characters long, found 16");
/// ```
pub fn validate(code: &str) -> Result<(), UsccError> {
    let actual = code.chars().count();
    if actual != LEN {
        return Err(UsccError::WrongLength { actual });
    }
    let split = code
        .char_indices()
        .nth(LEN - 1)
        .map_or(code.len(), |(i, _)| i);
    let (first17, rest) = code.split_at(split);
    let expected = check_of(first17)?;
    let found = rest
        .chars()
        .next()
        .ok_or(UsccError::WrongLength { actual })?;
    if value(found).is_none() {
        return Err(UsccError::InvalidChar {
            position: LEN,
            found,
        });
    }
    if found != expected {
        return Err(UsccError::WrongCheckChar { expected, found });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn weights_are_powers_of_three() {
        let mut w = 1;
        for &x in &WEIGHTS {
            assert_eq!(x, w);
            w = w * 3 % 31;
        }
        assert_eq!(ALPHABET.len(), 31);
    }

    #[test]
    fn accepts_known_codes() {
        for code in [
            "91110000600037341L",
            "91110108551385082Q",
            "91350100M000100Y43",
        ] {
            assert_eq!(validate(code), Ok(()), "{code}");
            assert_eq!(with_check_char(&code[..17]).as_deref(), Some(code));
        }
    }

    #[test]
    fn wrong_length() {
        for (code, actual) in [
            ("", 0),
            ("91110000600037341", 17),
            ("91110000600037341LL", 19),
            ("９1110000600037341", 17),
        ] {
            assert_eq!(
                validate(code),
                Err(UsccError::WrongLength { actual }),
                "{code}"
            );
        }
        assert_eq!(check_char("911100006000373410"), None);
    }

    #[test]
    fn invalid_char() {
        let cases = [
            ("I1110000600037341L", 1, 'I'),
            ("91110000600037341l", 18, 'l'),
            ("91110000600037341Z", 18, 'Z'),
            ("9111000060003734OL", 17, 'O'),
            ("91110000６00037341L", 9, '６'),
            (" 1110000600037341L", 1, ' '),
        ];
        for (code, position, found) in cases {
            assert_eq!(
                validate(code),
                Err(UsccError::InvalidChar { position, found }),
                "{code}"
            );
        }
    }

    #[test]
    fn wrong_check_char() {
        assert_eq!(
            validate("91110108551385082R"),
            Err(UsccError::WrongCheckChar {
                expected: 'Q',
                found: 'R'
            })
        );
    }

    #[test]
    fn messages() {
        let e = UsccError::WrongCheckChar {
            expected: 'L',
            found: 'X',
        };
        assert_eq!(e.message_zh(), "统一社会信用代码校验位应为L，实为X");
        assert!(e
            .message_en()
            .ends_with("check character should be L, found X"));
        let e = UsccError::InvalidChar {
            position: 3,
            found: 'a',
        };
        assert_eq!(e.message_zh(), "统一社会信用代码第3位字符“a”不合法");
        assert_eq!(
            e.message_en(),
            "unified social credit code has invalid character 'a' at position 3"
        );
        assert_eq!(
            serde_json::to_value(&e).ok(),
            Some(serde_json::json!({"kind": "invalid_char", "position": 3, "found": "a"}))
        );
    }

    fn alphabet_char(i: usize) -> char {
        ALPHABET.as_bytes()[i % ALPHABET.len()] as char
    }

    proptest! {
        #[test]
        fn generated_codes_validate_and_detect_any_single_substitution(
            values in proptest::collection::vec(0usize..31, 17),
            position in 0usize..18,
            shift in 1usize..31,
        ) {
            let first17: String = values.iter().map(|&v| alphabet_char(v)).collect();
            let code = with_check_char(&first17).expect("17 alphabet chars");
            prop_assert_eq!(validate(&code), Ok(()));

            let mut chars: Vec<char> = code.chars().collect();
            let old = value(chars[position]).expect("alphabet char") as usize;
            chars[position] = alphabet_char(old + shift);
            let changed: String = chars.into_iter().collect();
            prop_assert!(
                matches!(validate(&changed), Err(UsccError::WrongCheckChar { .. })),
                "{} accepted", changed
            );
        }
    }
}
