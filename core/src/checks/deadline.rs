//! `deadline`: a timestamp no later than a fixed instant, or than the end of a year (Beijing time).

use super::{expect_field, label, open, Cx, Kind, LegacyDraft, Outcome};
use crate::finding::{FindingCode, Location, Text};
use crate::model::{date_time, format_beijing, year_end, EntityKind, Timestamp, Value, ValueKind};
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
        let (metric_zh, metric_en) = cx.metric((f.zh, f.en));
        for (i, item) in items.iter().enumerate() {
            let deadline = match (c.at, year_f) {
                (Some(at), _) => Some(at),
                (None, Some(yf)) => match yf.get(item) {
                    Value::Int(y) => i32::try_from(y).ok().and_then(year_end),
                    _ => None,
                },
                _ => None,
            };
            let Some(deadline) = deadline else { continue };
            let (dz, de) = format_beijing(&deadline);
            match f.get(item) {
                Value::Time(t) if t > deadline => {
                    let (tz, te) = format_beijing(&t);
                    let subject = cx.subject(item);
                    cx.emit_legacy(LegacyDraft {
                        code: FindingCode::Late,
                        subject,
                        locations: vec![Location::new(items.kind(), i, Some(&c.field))],
                        message: Text::new(
                            format!("{metric_zh}时间为{tz},晚于截止时间{dz}。"),
                            format!("{metric_en} at {te}, after the deadline {de}."),
                        ),
                        inputs: vec![
                            (c.field.clone(), t.to_rfc3339()),
                            (
                                format!("{} (UTC)", c.field),
                                format!("{}Z", date_time(&t.naive_utc(), 'T')),
                            ),
                        ],
                        computed: Some(format!("late by {} s", (t - deadline).num_seconds())),
                        threshold: Some(format!("deadline = {}", deadline.to_rfc3339())),
                        remedy: None,
                    });
                }
                Value::Missing if c.required => {
                    let subject = cx.subject(item);
                    let (lz, le) = label(items.kind(), &c.field);
                    cx.emit_legacy(LegacyDraft {
                        code: FindingCode::Missing,
                        subject,
                        locations: vec![Location::new(items.kind(), i, Some(&c.field))],
                        message: Text::new(
                            format!("未提供{lz},无法确认是否在截止时间{dz}前完成。"),
                            format!("{le} is not given, so meeting the deadline {de} cannot be confirmed."),
                        ),
                        inputs: vec![(c.field.clone(), "—".into())],
                        computed: None,
                        threshold: Some(format!("deadline = {}", deadline.to_rfc3339())),
                        remedy: Some(Text::new(format!("请填写{lz}"), format!("fill in the {le}"))),
                    });
                }
                _ => {}
            }
        }
        Outcome::Checked(items.len())
    }
}
