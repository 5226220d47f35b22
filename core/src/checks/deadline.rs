//! `deadline`: a timestamp no later than a fixed instant, or than the end of a year (Beijing time).

use super::{expect_field, open, Cx, Kind, Outcome};
use crate::finding::{Inputs, Detail, FieldRef, FindingCode};
use crate::model::{date_time, year_end, EntityKind, Timestamp, Value, ValueKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `kind = "deadline"`: exactly one of `at` and `year_end_of`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// The collection.
    pub entity: EntityKind,
    /// The timestamp field.
    pub field: String,
    /// A fixed deadline with its offset, e.g. `2024-02-27T17:00:00+08:00`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::input::dates::opt_timestamp"
    )]
    pub at: Option<Timestamp>,
    /// A year field of the record: the deadline is 31 December of that year, 23:59:59 Beijing time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_end_of: Option<String>,
    /// When true, an absent timestamp is a finding (the thing was never done or never reported).
    #[serde(default)]
    pub required: bool,
}

impl Kind for Deadline {
    fn validate(&self) -> Result<(), super::CheckError> {
        expect_field(self.entity, &self.field, &[ValueKind::Time])?;
        match (&self.at, &self.year_end_of) {
            (Some(_), None) => Ok(()),
            (None, Some(y)) => expect_field(self.entity, y, &[ValueKind::Int]),
            _ => Err(super::CheckError::ExactlyOneOf {
                params: vec!["at".into(), "year_end_of".into()],
            }),
        }
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let c = self;
        let (items, [f]) = match open(cx.ds, self.entity, [&c.field]) {
            Ok(x) => x,
            Err(o) => return o,
        };
        let year_f = c.year_end_of.as_deref().and_then(|n| items.field(n));
        let field = FieldRef::from(&f);
        for item in items.iter() {
            let deadline = match (c.at, year_f) {
                (Some(at), _) => Some(at),
                (None, Some(yf)) => match yf.get(item) {
                    Value::Int(y) => i32::try_from(y).ok().and_then(year_end),
                    _ => None,
                },
                _ => None,
            };
            let Some(deadline) = deadline else { continue };
            let (code, at, inputs) = match f.get(item) {
                Value::Time(t) if t > deadline => (
                    FindingCode::Late,
                    Some(t),
                    Inputs::from([
                        (c.field.clone(), t.to_rfc3339()),
                        (
                            format!("{} (UTC)", c.field),
                            format!("{}Z", date_time(&t.naive_utc(), 'T')),
                        ),
                    ]),
                ),
                Value::Missing if c.required => (
                    FindingCode::Missing,
                    None,
                    Inputs::from([(c.field.as_str(), "—")]),
                ),
                _ => continue,
            };
            cx.emit_at(
                item,
                &c.field,
                code,
                inputs,
                Detail::Deadline {
                    field,
                    at,
                    deadline,
                },
            );
        }
        Outcome::Checked(items.len())
    }
}
