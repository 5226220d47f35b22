//! `role`: a school referenced in a role is of an allowed level (and has a required flag).

use super::{expect_field, open, Cx, Draft, Kind, Outcome};
use crate::finding::{Inputs, Detail, FieldRef, FindingCode, Location, Reason};
use crate::model::{EntityKind, SchoolLevel, ValueKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `kind = "role"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// The collection.
    pub entity: EntityKind,
    /// The field holding a school id.
    pub field: String,
    /// Allowed school levels.
    pub levels: Vec<SchoolLevel>,
    /// A school flag that must be true, e.g. `independent` (独立设置).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub require_flag: Option<String>,
}

impl Kind for Role {
    fn validate(&self) -> Result<(), super::CheckError> {
        expect_field(self.entity, &self.field, &[ValueKind::Text])?;
        if self.levels.is_empty() {
            return Err(super::CheckError::Empty {
                param: "levels".into(),
            });
        }
        match self.require_flag.as_deref() {
            None | Some("independent") | Some("national_key") => Ok(()),
            Some(f) => Err(super::CheckError::UnknownFlag {
                flag: f.to_string(),
                known: vec!["independent".into(), "national_key".into()],
            }),
        }
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let c = self;
        let (items, [f]) = match open(cx.ds, self.entity, [&c.field]) {
            Ok(x) => x,
            Err(o) => return o,
        };
        let field = FieldRef::from(&f);
        let flag = c
            .require_flag
            .as_deref()
            .map(|name| FieldRef::of(EntityKind::Schools, name));
        // Records whose school is known: a level can only be judged from the school's record.
        let mut checked = 0;
        for (i, item) in items.iter().enumerate() {
            // Unknown ids are reported once by the integrity checks.
            let Some(school) = f.get(item).text().and_then(|id| cx.ix.school(id)) else {
                continue;
            };
            checked += 1;
            let level_ok = c.levels.contains(&school.level);
            let flag_value = match c.require_flag.as_deref() {
                Some("independent") => school.independent,
                Some("national_key") => school.national_key,
                _ => Some(true),
            };
            let flag_bad = flag.filter(|_| flag_value != Some(true));
            let detail = match flag_bad {
                _ if !level_ok => Detail::RoleLevel {
                    field,
                    school: school.name.clone(),
                    level: school.level,
                    allowed: c.levels.clone(),
                },
                Some(flag) => Detail::RoleFlag {
                    field,
                    school: school.name.clone(),
                    level: school.level,
                    flag,
                    stated: flag_value.is_some(),
                },
                None => continue,
            };
            let subject = cx.subject(item);
            cx.emit(Draft {
                code: FindingCode::WrongRole,
                subject,
                locations: vec![Location::new(items.kind(), i, Some(&c.field))],
                period: None,
                inputs: Inputs::from([
                    (c.field.as_str(), school.id.as_str()),
                    ("level", school.level.as_str()),
                ]),
                detail,
            });
        }
        if checked == 0 {
            // Without the schools' records nothing was judged: unchecked, never passed.
            return Outcome::Unchecked(Reason::NoRecords {
                entity: EntityKind::Schools,
            });
        }
        Outcome::Checked(checked)
    }
}
