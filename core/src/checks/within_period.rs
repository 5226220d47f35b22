//! `within_period`: a date no later than another date of the same record plus a calendar period
//! (the tripartite agreement within one month of term start). Calendar months are chrono's: one
//! month after 31 January is 29 February in a leap year (the last day of the shorter month).

use super::{expect_field, label, open, Cx, Kind, LegacyDraft, Outcome};
use crate::finding::{FindingCode, Location, Text};
use crate::model::{EntityKind, Value, ValueKind};
use chrono::{Datelike, Days, Months, NaiveDate};
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
        let (fz, fe) = label(items.kind(), &c.field);
        let (bz, be) = label(items.kind(), &c.base);
        let (mz, me) = cx.metric((fz, fe));
        let (qz, qe) = c.period();
        let mut checked = 0;
        for (i, item) in items.iter().enumerate() {
            let Value::Date(base) = bf.get(item) else {
                continue;
            };
            let Some(end) = c.end(base) else { continue };
            checked += 1;
            let (pz, pe) = crate::messages::period_prefix(&item.period());
            let v = ff.get(item);
            let (code, message, remedy) = match v {
                Value::Date(d) if d <= end => continue,
                Value::Date(d) => (
                    FindingCode::Late,
                    Text::new(
                        format!(
                            "{pz}{mz}为{},晚于{bz}{}后{qz}({})。",
                            zh_date(d),
                            zh_date(base),
                            zh_date(end)
                        ),
                        cap(format!("{pe}{me}: {d}, later than {qe} after the {be} {base} ({end}).")),
                    ),
                    Text::new(
                        format!("{fz}须不晚于{}", zh_date(end)),
                        format!("{fe} must be no later than {end}"),
                    ),
                ),
                _ => (
                    FindingCode::Missing,
                    Text::new(
                        format!("{pz}未填写{mz},须在{bz}{}后{qz}内(不晚于{})完成。", zh_date(base), zh_date(end)),
                        cap(format!("{pe}{me} is not given; it is due within {qe} of the {be} {base} (by {end}).")),
                    ),
                    Text::new(
                        format!("请于{}前完成并填写{fz}", zh_date(end)),
                        format!("complete it by {end} and fill in the {fe}"),
                    ),
                ),
            };
            let remedy = match (&cx.rule.wording.remedy_zh, &cx.rule.wording.remedy_en) {
                (Some(_), Some(_)) => cx.remedy(&zh_date(end), (remedy.zh, remedy.en)),
                _ => remedy,
            };
            let subject = cx.subject(item);
            cx.emit_legacy(LegacyDraft {
                code,
                subject,
                locations: vec![Location::new(items.kind(), i, Some(&c.field))],
                message,
                inputs: vec![
                    (c.field.clone(), v.display()),
                    (c.base.clone(), base.to_string()),
                ],
                computed: Some(format!("{} + {qe} = {end}", base)),
                threshold: Some(format!("{} ≤ {end}", c.field)),
                remedy: Some(remedy),
            });
        }
        if checked == 0 {
            return Outcome::Unchecked(crate::finding::Reason::Legacy(Text::new(
                format!("{}记录均未给出{bz}", items.kind().zh()),
                format!("no {} record gives the {be}", items.kind().en()),
            )));
        }
        Outcome::Checked(checked)
    }
}

impl WithinPeriod {
    fn end(&self, base: NaiveDate) -> Option<NaiveDate> {
        base.checked_add_months(Months::new(self.months))?
            .checked_add_days(Days::new(self.days.into()))
    }
    fn period(&self) -> (String, String) {
        match (self.months, self.days) {
            (m, 0) => (format!("{m}个月"), format!("{m} month(s)")),
            (0, d) => (format!("{d}日"), format!("{d} day(s)")),
            (m, d) => (format!("{m}个月{d}日"), format!("{m} month(s) {d} day(s)")),
        }
    }
}

fn zh_date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// Upper-cases the first letter of an English sentence.
fn cap(s: String) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => s,
    }
}
