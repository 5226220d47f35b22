//! `code`: an identifier checked against embedded reference data: major codes against the 2021
//! catalogue at the right level, county-level division codes (GB/T 2260), unified social credit
//! codes (GB 32100-2015 check character), MoE school codes (学校标识码 shape).

use super::{expect_field, open, Cx, Draft, Kind, Outcome};
use crate::finding::{Inputs, Detail, FieldRef, FindingCode, Location, Reason};
use crate::model::{EntityKind, Value, ValueKind};
use crate::reference::catalog::{self, EducationLevel};
use crate::reference::divisions::{self, DivisionLevel};
use crate::reference::moe_code::{self, MoeCodeError};
use crate::reference::source::Table;
use crate::reference::uscc::{self, UsccError};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Which reference a code is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Scheme {
    /// A secondary (中职) major of the 2021 catalogue.
    MajorSecondary,
    /// A higher vocational associate (高职专科) major of the 2021 catalogue.
    MajorHigher,
    /// A county-level administrative division code.
    Division,
    /// A unified social credit code.
    Uscc,
    /// A MoE school code.
    MoeSchool,
}

impl Scheme {
    /// The wire name, for explanations.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::MajorSecondary => "major_secondary",
            Self::MajorHigher => "major_higher",
            Self::Division => "division",
            Self::Uscc => "uscc",
            Self::MoeSchool => "moe_school",
        }
    }
}

/// `kind = "code"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Code {
    /// The collection.
    pub entity: EntityKind,
    /// The text field holding the code; records without it are skipped.
    pub field: String,
    /// The reference.
    pub scheme: Scheme,
    /// Only records where this boolean field is true are checked (e.g. `filed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when_true: Option<String>,
}

impl Kind for Code {
    fn needs(&self) -> Option<Table> {
        match self.scheme {
            Scheme::MajorSecondary | Scheme::MajorHigher => Some(Table::Catalog),
            // A MoE school code starts with the school's province code.
            Scheme::Division | Scheme::MoeSchool => Some(Table::Divisions),
            Scheme::Uscc => None,
        }
    }
    fn validate(&self) -> Result<(), super::CheckError> {
        expect_field(self.entity, &self.field, &[ValueKind::Text])?;
        if let Some(w) = &self.when_true {
            expect_field(self.entity, w, &[ValueKind::Bool])?;
        }
        Ok(())
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let c = self;
        let (items, [f]) = match open(cx.ds, self.entity, [&c.field]) {
            Ok(x) => x,
            Err(o) => return o,
        };
        let when = c.when_true.as_deref().and_then(|n| items.field(n));
        let field = FieldRef::from(&f);
        let mut checked = 0;
        for item in items.iter() {
            if when.is_some_and(|w| w.get(item) != Value::Bool(true)) {
                continue;
            }
            let Some(code) = f.get(item).text() else {
                continue;
            };
            checked += 1;
            let Some(problem) = problem(c.scheme, code.trim()) else {
                continue;
            };
            // A well-formed major code missing from the embedded 2021 catalogue may be one added
            // since (the catalogue grows every year): a warning to verify, never an error.
            let unknown = matches!(problem, CodeProblem::MajorUnknown { .. });
            let draft = Draft {
                code: FindingCode::InvalidCode,
                subject: cx.subject(item),
                locations: vec![Location::new(item.kind(), item.index(), Some(&c.field))],
                period: item.period(),
                inputs: Inputs::from([(c.field.as_str(), code.to_string())]),
                detail: Detail::BadCode {
                    field,
                    code: code.trim().to_string(),
                    scheme: c.scheme,
                    problem,
                },
            };
            if unknown {
                cx.emit_warning(draft);
            } else {
                cx.emit(draft);
            }
        }
        if checked == 0 {
            return Outcome::Unchecked(Reason::NoneGives {
                entity: items.kind(),
                fields: vec![field],
            });
        }
        Outcome::Checked(checked)
    }
}

/// What is wrong with a code, as data: the message catalogue says it in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "problem", rename_all = "snake_case")]
#[non_exhaustive]
pub enum CodeProblem {
    /// A unified social credit code not 18 characters long.
    UsccLength {
        /// Characters found.
        actual: usize,
    },
    /// A character a unified social credit code cannot contain.
    UsccCharacter {
        /// 1-based position.
        position: usize,
        /// The character.
        found: String,
    },
    /// The 18th character does not match the check character computed from the first 17.
    UsccCheck {
        /// The check character the first 17 give.
        expected: String,
        /// The one written.
        found: String,
    },
    /// A MoE school code not 10 characters long.
    SchoolCodeLength {
        /// Characters found.
        actual: usize,
    },
    /// A MoE school code with a character that is not a digit.
    SchoolCodeCharacter {
        /// 1-based position.
        position: usize,
        /// The character.
        found: String,
    },
    /// Digits 3–4 of a MoE school code are not a province code.
    SchoolCodeProvince {
        /// The two digits.
        digits: String,
    },
    /// Not shaped like a major code (6 digits, K at the end for state-controlled majors).
    MajorShape {
        /// The level expected.
        want: EducationLevel,
    },
    /// A major code of another level of education.
    MajorLevel {
        /// The level of the code.
        is: EducationLevel,
        /// The level expected.
        want: EducationLevel,
        /// The major's catalogue name, where the code is a major.
        #[serde(skip_serializing_if = "Option::is_none")]
        name: Option<String>,
    },
    /// A 专业大类 (2-digit) code where a major code is expected.
    MajorCategory {
        /// The level expected.
        want: EducationLevel,
    },
    /// A 专业类 (4-digit) code where a major code is expected.
    MajorClass {
        /// The level expected.
        want: EducationLevel,
    },
    /// Shaped like a major code but not in the 2021 catalogue.
    MajorUnknown {
        /// The level expected.
        want: EducationLevel,
    },
    /// Not an administrative division code.
    DivisionUnknown,
    /// A province- or prefecture-level division where a county-level one is expected.
    DivisionTier {
        /// The division's tier.
        level: DivisionLevel,
        /// Its name.
        name: String,
    },
    /// A division code that is not 6 digits.
    DivisionLength,
}

/// What is wrong with `code` under `scheme`, if anything.
pub(crate) fn problem(scheme: Scheme, code: &str) -> Option<CodeProblem> {
    match scheme {
        Scheme::MajorSecondary => major_problem(code, EducationLevel::Secondary),
        Scheme::MajorHigher => major_problem(code, EducationLevel::Associate),
        Scheme::Division => division_problem(code),
        Scheme::Uscc => uscc::validate(code).err().map(|e| match e {
            UsccError::WrongLength { actual } => CodeProblem::UsccLength { actual },
            UsccError::InvalidChar { position, found } => CodeProblem::UsccCharacter {
                position,
                found: found.to_string(),
            },
            UsccError::WrongCheckChar { expected, found } => CodeProblem::UsccCheck {
                expected: expected.to_string(),
                found: found.to_string(),
            },
        }),
        Scheme::MoeSchool => moe_code::parse(code).err().map(|e| match e {
            MoeCodeError::WrongLength { actual } => CodeProblem::SchoolCodeLength { actual },
            MoeCodeError::NonDigit { position, found } => CodeProblem::SchoolCodeCharacter {
                position,
                found: found.to_string(),
            },
            MoeCodeError::UnknownProvince { code } => {
                CodeProblem::SchoolCodeProvince { digits: code }
            }
        }),
    }
}

fn major_problem(code: &str, want: EducationLevel) -> Option<CodeProblem> {
    let Some(level) = catalog::level_of_code(code) else {
        return Some(CodeProblem::MajorShape { want });
    };
    if level != want {
        return Some(CodeProblem::MajorLevel {
            is: level,
            want,
            name: catalog::major(code).map(|m| m.name.to_string()),
        });
    }
    if code.len() < 6 {
        return Some(if code.len() == 2 {
            CodeProblem::MajorCategory { want }
        } else {
            CodeProblem::MajorClass { want }
        });
    }
    if catalog::major(code).is_none() {
        return Some(CodeProblem::MajorUnknown { want });
    }
    None
}

fn division_problem(code: &str) -> Option<CodeProblem> {
    match divisions::division(code) {
        None => Some(CodeProblem::DivisionUnknown),
        Some(d) if d.level != DivisionLevel::County && code.len() == 6 => {
            Some(CodeProblem::DivisionTier {
                level: d.level,
                name: d.name.to_string(),
            })
        }
        Some(_) if code.len() != 6 => Some(CodeProblem::DivisionLength),
        Some(_) => None,
    }
}
