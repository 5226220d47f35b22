//! `within_period`: a date no later than another date of the same record plus a calendar period
//! (the tripartite agreement within one month of term start). Calendar months are chrono's: one
//! month after 31 January is 29 February in a leap year (the last day of the shorter month).

use super::{expect_field, open, Cx, Draft, Kind, Outcome};
use crate::finding::{Inputs, Detail, FieldRef, FindingCode, Location, Reason};
use crate::model::{EntityKind, Value, ValueKind};
use chrono::{Days, Months, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `kind = "within_period"`: `field ≤ base + months + days`, on each record that gives `base`.
/// A missing `field` where `base` is given is a finding (never done).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WithinPeriod {
    /// The collection.
    pub entity: EntityKind,
    /// The date checked.
    pub field: String,
    /// The date the period starts from.
    pub base: String,
    /// Calendar months.
    #[serde(default)]
    pub months: u32,
    /// Days.
    #[serde(default)]
    pub days: u32,
    /// What a last day falling on a rest day means; as counted (`calendar`) by default.
    #[serde(default, skip_serializing_if = "LastDay::is_calendar")]
    pub last_day: LastDay,
}

/// How the period's last day is read when it falls on a rest day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LastDay {
    /// The calendar day, whatever day of the week it is.
    #[default]
    Calendar,
    /// Moved off public holidays and weekends to the next working day, as 民法典 第二百零三条
    /// moves a period's last day (`reference::holidays`: the State Council's schedules for the
    /// years embedded; weekends only in other years).
    NextWorkingDay,
}

impl LastDay {
    fn is_calendar(&self) -> bool {
        *self == LastDay::Calendar
    }
}

impl Kind for WithinPeriod {
    fn validate(&self) -> Result<(), super::CheckError> {
        expect_field(self.entity, &self.field, &[ValueKind::Date])?;
        expect_field(self.entity, &self.base, &[ValueKind::Date])?;
        if self.months == 0 && self.days == 0 {
            return Err(super::CheckError::NeedsOneOf {
                params: vec!["months".into(), "days".into()],
            });
        }
        Ok(())
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let c = self;
        let (items, [ff, bf]) = match open(cx.ds, self.entity, [&c.field, &c.base]) {
            Ok(x) => x,
            Err(o) => return o,
        };
        let (field, base_field) = (FieldRef::from(&ff), FieldRef::from(&bf));
        let mut checked = 0;
        // Records come in runs of one base date (a class's term start): the last base's ends
        // are kept, so the calendar and the holiday table are consulted once per run (feature
        // `bulk`: not in the size-bound WebAssembly module, which checks one form).
        #[cfg(feature = "bulk")]
        let mut last: Option<(NaiveDate, Option<(NaiveDate, NaiveDate)>)> = None;
        for (i, item) in items.iter().enumerate() {
            let Value::Date(base) = bf.get(item) else {
                continue;
            };
            #[cfg(feature = "bulk")]
            let ends = match last {
                Some((b, ends)) if b == base => ends,
                _ => {
                    let ends = c.ends(base);
                    last = Some((base, ends));
                    ends
                }
            };
            #[cfg(not(feature = "bulk"))]
            let ends = c.ends(base);
            let Some((calendar_end, end)) = ends else {
                continue;
            };
            let moved_from = (end != calendar_end).then_some(calendar_end);
            checked += 1;
            let v = ff.get(item);
            let (code, date) = match v {
                Value::Date(d) if d <= end => continue,
                Value::Date(d) => (FindingCode::Late, Some(d)),
                _ => (FindingCode::Missing, None),
            };
            let subject = cx.subject(item);
            cx.emit(Draft {
                code,
                subject,
                locations: vec![Location::new(items.kind(), i, Some(&c.field))],
                period: item.period(),
                inputs: Inputs::from([
                    (c.field.as_str(), v.display()),
                    (c.base.as_str(), base.to_string()),
                ]),
                detail: Detail::DueWithin {
                    field,
                    base_field,
                    base,
                    months: c.months,
                    days: c.days,
                    end,
                    date,
                    moved_from,
                },
            });
        }
        if checked == 0 {
            return Outcome::Unchecked(Reason::NoneGives {
                entity: items.kind(),
                fields: vec![base_field],
            });
        }
        Outcome::Checked(checked)
    }
}

impl WithinPeriod {
    /// The last day by the calendar, and the last day allowed (moved to the next working day
    /// when the rule says so), for base date `base`.
    fn ends(&self, base: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
        let calendar_end = self.end(base)?;
        let end = match self.last_day {
            LastDay::Calendar => calendar_end,
            LastDay::NextWorkingDay => {
                crate::reference::holidays::next_working_day(calendar_end).unwrap_or(calendar_end)
            }
        };
        Some((calendar_end, end))
    }
    fn end(&self, base: NaiveDate) -> Option<NaiveDate> {
        base.checked_add_months(Months::new(self.months))?
            .checked_add_days(Days::new(self.days.into()))
    }
}
