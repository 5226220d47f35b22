//! Which columns each entity's sheet has, derived from the dataset's JSON Schema (so entities added
//! to the model get sheets without table code), labelled from the entities' field tables.

use crate::model::{Dataset, EntityKind};
use serde_json::Value;
use std::sync::OnceLock;

/// How a column's cells are read.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnKind {
    /// A whole number.
    Int,
    /// An exact decimal (written to JSON as a string).
    Decimal,
    /// A flag (是/否, true/false, 1/0).
    Bool,
    /// Free text or a code.
    Text,
    /// A semester, `2023-2024-1` (also `2023—2024学年第一学期`).
    Semester,
    /// One of fixed values: (wire value, description).
    Enum(Vec<(String, String)>),
    /// An instant; without an offset it means Beijing time.
    DateTime,
    /// A calendar date.
    Date,
    /// A list, as JSON text.
    Json,
}

/// One column of an entity's sheet.
#[derive(Debug, Clone)]
pub struct Column {
    /// Dotted JSON path inside the record, e.g. `attachments.training_plan`.
    pub path: String,
    /// Chinese header.
    pub zh: String,
    /// English header.
    pub en: String,
    /// How cells are read.
    pub kind: ColumnKind,
    /// Whether a record must give it.
    pub required: bool,
    /// Meaning, from the model's documentation.
    pub description: String,
}

/// The sheet layout of one entity.
#[derive(Debug, Clone)]
pub struct EntitySpec {
    /// The collection.
    pub kind: EntityKind,
    /// Its columns: the pack-visible fields first, in their table order.
    pub columns: Vec<Column>,
}

/// Labels for record fields that packs do not name (so no field table gives them a label).
const EXTRA_LABELS: &[(&str, &str, &str)] = &[
    ("semester", "学期", "semester"),
    (
        "secondary_major.name",
        "中职专业名称",
        "secondary major name",
    ),
    ("higher_major.name", "高职专业名称", "higher major name"),
    ("name", "名称", "name"),
];

/// Extra sheet names people use for a collection.
const SHEET_ALIASES: &[(&str, EntityKind)] = &[
    ("学期活动", EntityKind::SemesterActivities),
    ("学校信息", EntityKind::Schools),
    ("项目", EntityKind::Projects),
    ("申报", EntityKind::Applications),
    ("招生", EntityKind::Cohorts),
    ("状态数据", EntityKind::StatusReports),
];

/// Every entity's layout, built once.
pub fn specs() -> &'static [EntitySpec] {
    static SPECS: OnceLock<Vec<EntitySpec>> = OnceLock::new();
    SPECS.get_or_init(|| {
        let schema = serde_json::to_value(schemars::schema_for!(Dataset)).unwrap_or_default();
        EntityKind::ALL
            .iter()
            .map(|&kind| {
                let mut columns = Vec::new();
                if let Some(prop) = schema.pointer(&format!("/properties/{}/items", kind.as_str()))
                {
                    flatten(&schema, prop, "", true, &mut columns);
                }
                label(kind, &mut columns);
                EntitySpec { kind, columns }
            })
            .collect()
    })
}

/// The layout of `kind`.
pub fn spec(kind: EntityKind) -> Option<&'static EntitySpec> {
    specs().iter().find(|s| s.kind == kind)
}

fn resolve<'a>(root: &'a Value, v: &'a Value) -> &'a Value {
    match v.get("$ref").and_then(Value::as_str) {
        Some(r) => r
            .strip_prefix('#')
            .and_then(|p| root.pointer(p))
            .unwrap_or(v),
        None => v,
    }
}

fn types(v: &Value) -> Vec<&str> {
    match v.get("type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn flatten(root: &Value, node: &Value, prefix: &str, required: bool, out: &mut Vec<Column>) {
    let desc = node
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let mut n = resolve(root, node);
    // `Option<Struct>` is `anyOf: [{$ref}, {type: null}]`.
    if let Some(Value::Array(any)) = n.get("anyOf") {
        if let Some(v) = any.iter().find(|v| types(v) != ["null"]) {
            n = resolve(root, v);
        }
    }
    if let Some(Value::Object(props)) = n.get("properties") {
        let req: Vec<&str> = n
            .get("required")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for (k, sub) in props {
            let path = if prefix.is_empty() {
                k.clone()
            } else {
                format!("{prefix}.{k}")
            };
            flatten(root, sub, &path, required && req.contains(&k.as_str()), out);
        }
        return;
    }
    let t = types(n);
    let kind = if let Some(Value::Array(one)) = n.get("oneOf") {
        let values: Vec<(String, String)> = one
            .iter()
            .filter_map(|v| {
                let c = v.get("const").and_then(Value::as_str)?;
                let d = v.get("description").and_then(Value::as_str).unwrap_or("");
                Some((c.to_string(), d.to_string()))
            })
            .collect();
        // A model enumeration is offered by its Chinese labels (the dropdowns and notes show them).
        match crate::model::label::by_wires(values.iter().map(|(c, _)| c.as_str())) {
            Some(l) => ColumnKind::Enum(
                l.variants
                    .iter()
                    .map(|v| (v.wire.to_string(), v.zh.to_string()))
                    .collect(),
            ),
            None => ColumnKind::Enum(values),
        }
    } else if t.contains(&"integer") {
        ColumnKind::Int
    } else if t.contains(&"number") {
        ColumnKind::Decimal
    } else if t.contains(&"boolean") {
        ColumnKind::Bool
    } else if t.contains(&"array") {
        ColumnKind::Json
    } else {
        match (
            n.get("format").and_then(Value::as_str),
            n.get("pattern").and_then(Value::as_str),
        ) {
            (Some("date-time"), _) => ColumnKind::DateTime,
            (Some("date"), _) => ColumnKind::Date,
            (_, Some("^[0-9]{4}-[0-9]{4}-[12]$")) => ColumnKind::Semester,
            _ => ColumnKind::Text,
        }
    };
    let description = if desc.is_empty() {
        n.get("description")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    } else {
        desc
    };
    out.push(Column {
        path: prefix.to_string(),
        zh: String::new(),
        en: String::new(),
        kind,
        required,
        description,
    });
}

fn is_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Labels from the field tables, then the extra labels, then a short Chinese description, else
/// the path; field-table columns first in table order.
fn label(kind: EntityKind, cols: &mut [Column]) {
    for c in cols.iter_mut() {
        if let Some((zh, en)) = kind.field_label(&c.path) {
            c.zh = zh.to_string();
            c.en = en.to_string();
        } else if let Some((_, zh, en)) = EXTRA_LABELS.iter().find(|(p, _, _)| *p == c.path) {
            c.zh = zh.to_string();
            c.en = en.to_string();
        } else {
            let d = c.description.trim_end_matches(['.', '。']);
            c.zh = if is_cjk(d) && d.chars().count() <= 16 {
                d.to_string()
            } else {
                c.path.clone()
            };
            c.en = c.path.replace(['_', '.'], " ");
        }
    }
    // Chinese headers must be unique within a sheet.
    for i in 0..cols.len() {
        let dup = cols.iter().filter(|c| c.zh == cols[i].zh).count() > 1;
        if dup {
            let p = cols[i].path.clone();
            cols[i].zh = format!("{}({p})", cols[i].zh);
        }
    }
    let order: Vec<&str> = kind.field_names();
    cols.sort_by_key(|c| {
        order
            .iter()
            .position(|n| *n == c.path)
            .unwrap_or(order.len())
    });
}

/// Normalizes a header or sheet name for matching: no spaces or `*`, ASCII forms of full-width
/// characters, lower case, no trailing unit in brackets (`招生数(人)`).
pub fn norm_header(s: &str) -> String {
    let mut t: String = super::cell::halfwidth(s)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '*')
        .collect::<String>()
        .to_lowercase();
    if t.ends_with(')') {
        if let Some(i) = t.rfind('(') {
            if i > 0 {
                t.truncate(i);
            }
        }
    }
    t
}

/// The entity a sheet (or CSV file stem) name stands for: its JSON, Chinese or English name.
///
/// ```
/// use xianjie::model::EntityKind;
/// use xianjie::table::entity_for_sheet;
/// assert_eq!(entity_for_sheet("学期活动"), Some(EntityKind::SemesterActivities));
/// assert_eq!(entity_for_sheet("semester_activities"), Some(EntityKind::SemesterActivities));
/// assert_eq!(entity_for_sheet("Semester Activities"), Some(EntityKind::SemesterActivities));
/// assert_eq!(entity_for_sheet("说明"), None);
/// ```
pub fn entity_for_sheet(name: &str) -> Option<EntityKind> {
    let n = norm_header(name);
    EntityKind::ALL
        .iter()
        .copied()
        .find(|k| {
            n == norm_header(k.as_str()) || n == norm_header(k.zh()) || n == norm_header(k.en())
        })
        .or_else(|| {
            SHEET_ALIASES
                .iter()
                .find(|(a, _)| n == norm_header(a))
                .map(|(_, k)| *k)
        })
}

impl EntitySpec {
    /// The column a header names: Chinese or English label or the JSON path.
    pub fn column_for(&self, header: &str) -> Option<usize> {
        let h = norm_header(header);
        if h.is_empty() {
            return None;
        }
        self.columns.iter().position(|c| {
            h == norm_header(&c.zh) || h == norm_header(&c.en) || h == norm_header(&c.path)
        })
    }
    /// The column of JSON path `path`.
    pub fn column_of_path(&self, path: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.path == path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semester_activity_columns() {
        let s = spec(EntityKind::SemesterActivities).unwrap();
        let cols: Vec<_> = s
            .columns
            .iter()
            .map(|c| (c.path.as_str(), c.zh.as_str(), c.required))
            .collect();
        assert_eq!(
            cols,
            [
                ("project", "项目编号", true),
                ("meetings", "专题业务沟通会次数", false),
                ("joint_research", "双方教师教研活动次数", false),
                ("teachers_dispatched", "派出教师人数", false),
                ("semester", "学期", true),
            ]
        );
        assert_eq!(s.columns[4].kind, ColumnKind::Semester);
        assert_eq!(s.column_for(" 派出教师人数(人) "), Some(3));
        assert_eq!(s.column_for("Joint Meetings"), Some(1));
    }

    #[test]
    fn nested_and_enums() {
        let s = spec(EntityKind::Schools).unwrap();
        let level = &s.columns[s.column_of_path("level").unwrap()];
        assert!(
            matches!(&level.kind, ColumnKind::Enum(v) if v.iter().any(|(c, _)| c == "technician"))
        );
        assert!(s.column_of_path("governance.contact.reported_at").is_some());
        let r = &s.columns[s.column_of_path("governance.contact.reported_at").unwrap()];
        assert_eq!(r.kind, ColumnKind::DateTime);
        let a = spec(EntityKind::Applications).unwrap();
        let code = &a.columns[a.column_of_path("higher_major.code").unwrap()];
        assert!(code.required);
        assert!(!a.columns[a.column_of_path("attachments.training_plan").unwrap()].required);
    }
}
