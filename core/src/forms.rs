//! Support for form front-ends (the JS and Python bindings): one entity's JSON Schema, the findings
//! that concern one input field, and a rule with its pack for "show the clause".

use crate::finding::Finding;
use crate::finding::Text;
use crate::input::{InputError, InputErrorKind};
use crate::model::{Dataset, EntityKind};
use crate::report::{PackRef, Report};
use crate::rules::{find_rule, Rule};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// JSON Schema (pretty JSON) of one record of collection `kind` (e.g. `applications`), or of the
/// whole dataset document for `dataset`. `None` for an unknown name.
///
/// ```
/// let s = xianjie::forms::entity_schema("semester_activities").unwrap();
/// assert!(s.contains("meetings"));
/// assert!(xianjie::forms::entity_schema("nope").is_none());
/// ```
pub fn entity_schema(kind: &str) -> Option<String> {
    let mut doc = serde_json::to_value(schemars::schema_for!(crate::Dataset)).ok()?;
    if kind != "dataset" {
        // One record of a collection: the dataset schema rooted at that collection's item type,
        // so every entity (present and future) is covered without a list to keep up to date.
        let kind = EntityKind::parse(kind)?;
        let items = doc
            .pointer(&format!("/properties/{}/items", kind.as_str()))?
            .clone();
        let obj = doc.as_object_mut()?;
        for key in ["properties", "type", "description", "title"] {
            obj.remove(key);
        }
        if let Some(name) = items
            .get("$ref")
            .and_then(|r| r.as_str())
            .and_then(|r| r.rsplit('/').next())
        {
            obj.insert("title".into(), name.into());
        }
        if let serde_json::Value::Object(fields) = items {
            obj.extend(fields);
        }
    }
    serde_json::to_string_pretty(&doc).ok()
}

fn bad_path(loc: &str, zh: String, en: String) -> InputError {
    let mut e = InputError::single(InputErrorKind::Value, zh, en);
    e.errors[0].loc = loc.to_string();
    e
}

/// The findings of `report` that concern the field at `path` of a record of collection `kind`:
/// those with a location at `path` or inside it (`applications[0].attachments` covers
/// `applications[0].attachments.training_plan`). Findings about a whole record are not included.
///
/// `path` is written as in findings, e.g. `semester_activities[0].meetings`, and must lie in `kind`.
///
/// ```
/// use xianjie::{check, forms::field_findings, Dataset, Options};
/// let ds = Dataset::from_json_str(r#"{"reporting_year": 2024, "semester_activities": [
///   {"project": "P1", "semester": "2023-2024-1", "meetings": 1, "joint_research": 1, "teachers_dispatched": 5}]}"#).unwrap();
/// let report = check(&ds, &Options { packs: vec!["bj-3p2-2024".into()], ..Default::default() }).unwrap();
/// let f = field_findings(&ds, &report, "semester_activities", "semester_activities[0].meetings").unwrap();
/// assert_eq!(f.len(), 1);
/// assert_eq!(f[0].rule_id(), "bj-3p2-2024/semester-meetings");
/// assert!(field_findings(&ds, &report, "applications", "semester_activities[0].meetings").is_err());
/// // A misspelt field or a record that is not there is an error, not "no findings".
/// assert!(field_findings(&ds, &report, "semester_activities", "semester_activities[0].meeting").is_err());
/// assert!(field_findings(&ds, &report, "semester_activities", "semester_activities[1].meetings").is_err());
/// ```
pub fn field_findings<'r>(
    ds: &Dataset,
    report: &'r Report,
    kind: &str,
    path: &str,
) -> Result<Vec<&'r Finding>, InputError> {
    let Some(entity) = EntityKind::parse(kind) else {
        let names: Vec<&str> = EntityKind::ALL.iter().map(|k| k.as_str()).collect();
        return Err(bad_path(
            "kind",
            format!("未知的数据集合{kind}:应为{}之一", names.join("、")),
            format!(
                "unknown collection {kind:?}: expected one of {}",
                names.join(", ")
            ),
        ));
    };
    let k = entity.as_str();
    let parts = path
        .strip_prefix(k)
        .and_then(|r| r.strip_prefix('['))
        .and_then(|r| r.split_once("]."))
        .and_then(|(i, field)| Some((i.parse::<usize>().ok()?, field)))
        .filter(|(_, field)| !field.is_empty());
    let Some((index, field)) = parts else {
        return Err(bad_path(
            "path",
            format!("字段路径{path}无效:应形如{k}[0].字段名"),
            format!("invalid field path {path:?}: expected {k}[<index>].<field>"),
        ));
    };
    let n = ds.len_of(entity);
    if index >= n {
        return Err(bad_path(
            "path",
            format!("记录{k}[{index}]不存在:{k}共有{n}条记录"),
            format!("no record {k}[{index}]: {k} has {n} record(s)"),
        ));
    }
    if !is_field(entity, field) {
        return Err(bad_path(
            "path",
            format!("{k}没有字段{field}(请检查拼写)"),
            format!("{k} has no field {field:?} (check its spelling)"),
        ));
    }
    let concerns = |p: &str| {
        p.strip_prefix(path)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
    };
    Ok(report
        .findings
        .iter()
        // Borrowed, not cloned: a copy of each finding is a copy of every kind of detail.
        .filter(|f| f.locations.iter().any(|l| concerns(&l.path)))
        .collect())
}

/// Whether `field` (`meetings`, `attachments.training_plan`; indexes inside it are not followed)
/// names a field of a `kind` record. The dataset reader, which refuses unknown fields, is asked
/// with a record holding only that field: the reader's field list is the one true list.
fn is_field(kind: EntityKind, field: &str) -> bool {
    let names = field.split('[').next().unwrap_or_default();
    let mut probe = serde_json::Value::Null;
    for name in names.split('.').rev() {
        let mut obj = serde_json::Map::new();
        obj.insert(name.to_string(), probe);
        probe = serde_json::Value::Object(obj);
    }
    let mut doc = serde_json::Map::new();
    doc.insert(
        kind.as_str().to_string(),
        serde_json::Value::Array(vec![probe]),
    );
    let doc = serde_json::Value::Object(doc);
    match crate::input::from_value::<Dataset>(doc) {
        Ok(_) => true,
        Err(e) => !e
            .errors
            .iter()
            .any(|i| i.kind == InputErrorKind::UnknownField),
    }
}

/// A rule with the pack it belongs to: what a form shows when asked "which clause is this?".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RuleInfo {
    /// The pack (source document).
    pub pack: PackRef,
    /// The rule, with its clause and quote.
    pub rule: Rule,
}

/// The built-in rule `rule_id` with its pack, if there is one.
///
/// ```
/// let info = xianjie::forms::explain("bj-3p2-2024/semester-meetings").unwrap();
/// assert_eq!(info.pack.id, "bj-3p2-2024");
/// assert!(xianjie::forms::explain("nope").is_none());
/// ```
pub fn explain(rule_id: &str) -> Option<RuleInfo> {
    let (p, r) = find_rule(rule_id)?;
    Some(RuleInfo {
        pack: PackRef {
            id: p.id.clone(),
            version: p.version.clone(),
            document: p.source.document.clone(),
            title: Text::new(&p.title_zh, &p.title_en),
        },
        rule: r.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_the_readers_fields() {
        let sa = EntityKind::SemesterActivities;
        assert!(is_field(sa, "meetings") && is_field(sa, "semester"));
        assert!(!is_field(sa, "meeting") && !is_field(sa, ""));
        let st = EntityKind::Students;
        assert!(is_field(st, "name") && !is_field(st, "nmae"));
        let ap = EntityKind::Applications;
        assert!(is_field(ap, "attachments.training_plan"));
        assert!(!is_field(ap, "attachments.trainng_plan"));
    }
}
