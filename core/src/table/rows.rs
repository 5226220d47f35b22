//! Turning table rows into a dataset: each row becomes a JSON record, checked against the model
//! through serde (so any entity works), with every bad cell reported and only that field (or,
//! for a required field, that record) left out.

use super::cell::{to_json, Raw};
use super::cellmap::{column_letter, CellMap, SheetColumns};
use super::columns::EntitySpec;
use super::CellIssue;
use crate::finding::Cell;
use crate::input::InputErrorKind;
use crate::model::{Dataset, EntityKind};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// A sheet being read: its entity, its name and which table column holds which model column.
pub struct SheetReader {
    pub(crate) spec: &'static EntitySpec,
    pub(crate) sheet: String,
    pub(crate) sheet_index: usize,
    /// (table column, spec column index).
    pub(crate) mapping: Vec<(u32, usize)>,
}

impl SheetReader {
    pub(crate) fn cell(&self, row: u32, col: u32) -> Cell {
        Cell {
            sheet: self.sheet.clone(),
            row,
            column: column_letter(col),
        }
    }
}

/// Accumulates records per entity with their rows.
#[derive(Default)]
pub struct Builder {
    records: BTreeMap<EntityKind, Vec<(Value, usize, u32)>>,
    /// Cells and problems so far.
    pub cells: CellMap,
    /// Problems so far.
    pub issues: Vec<CellIssue>,
    /// Notes for people (the encoding a CSV file was read in).
    pub notes: Vec<String>,
}

fn insert_path(obj: &mut Map<String, Value>, path: &str, v: Value) {
    match path.split_once('.') {
        Some((head, rest)) => {
            let child = obj
                .entry(head.to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(m) = child {
                insert_path(m, rest, v);
            }
        }
        None => {
            obj.insert(path.to_string(), v);
        }
    }
}

fn remove_path(v: &mut Value, path: &str) -> bool {
    match (v, path.split_once('.')) {
        (Value::Object(m), Some((head, rest))) => {
            m.get_mut(head).is_some_and(|c| remove_path(c, rest))
        }
        (Value::Object(m), None) => m.remove(path).is_some(),
        _ => false,
    }
}

impl Builder {
    /// Registers a sheet for `spec` with its column mapping.
    pub fn sheet(
        &mut self,
        spec: &'static EntitySpec,
        sheet: &str,
        mapping: Vec<(u32, usize)>,
    ) -> SheetReader {
        let columns = mapping
            .iter()
            .filter_map(|&(c, i)| spec.columns.get(i).map(|col| (col.path.clone(), c)))
            .collect();
        let sheet_index = self.cells.add_sheet(SheetColumns {
            sheet: sheet.to_string(),
            columns,
        });
        SheetReader {
            spec,
            sheet: sheet.to_string(),
            sheet_index,
            mapping,
        }
    }

    /// Reads one row; `get(col)` gives the raw cell of a table column. Blank rows are skipped.
    pub fn row<'a>(&mut self, sr: &SheetReader, row: u32, get: impl Fn(u32) -> Raw<'a>) {
        if let Some(v) = self.row_value(sr, row, get) {
            self.records
                .entry(sr.spec.kind)
                .or_default()
                .push((v, sr.sheet_index, row));
        }
    }

    /// Reads one row into its JSON record, reporting bad cells; `None` for a blank row or one
    /// whose required cell is bad.
    pub(crate) fn row_value<'a>(
        &mut self,
        sr: &SheetReader,
        row: u32,
        get: impl Fn(u32) -> Raw<'a>,
    ) -> Option<Value> {
        let mut obj = Map::new();
        let mut any = false;
        let mut dropped = false;
        for &(col, i) in &sr.mapping {
            let raw = get(col);
            if raw.is_blank() {
                continue;
            }
            any = true;
            let Some(c) = sr.spec.columns.get(i) else {
                continue;
            };
            match to_json(&c.kind, raw) {
                Ok(Some(v)) => insert_path(&mut obj, &c.path, v),
                Ok(None) => {}
                Err(e) => {
                    dropped |= c.required;
                    // Said, so that a reader knows the whole record is missing from the check.
                    let (row_zh, row_en) = if c.required {
                        (";必填,本行未读入", "; required: this row was not read")
                    } else {
                        ("", "")
                    };
                    self.issues.push(CellIssue {
                        cell: Some(sr.cell(row, col)),
                        entity: Some(sr.spec.kind),
                        field: Some(c.path.clone()),
                        kind: e.kind,
                        value: Some(raw.shown()),
                        msg_zh: format!("{}:{}{row_zh}", c.zh, e.zh),
                        msg_en: format!("{}: {}{row_en}", c.en, e.en),
                        sheet: None,
                        file: None,
                    });
                }
            }
        }
        if !any || dropped {
            return None;
        }
        Some(Value::Object(obj))
    }

    fn column_of(&self, sheet: usize, kind: EntityKind, field: &str) -> Option<u32> {
        let _ = kind;
        self.cells.sheet_columns(sheet).and_then(|s| {
            s.columns.get(field).copied().or_else(|| {
                let prefix = format!("{field}.");
                s.columns
                    .iter()
                    .filter(|(p, _)| p.starts_with(&prefix))
                    .map(|(_, c)| *c)
                    .min()
            })
        })
    }

    /// Checks one record against the model; bad fields are reported and removed, a record that
    /// still fails (a required field) is dropped. Returns whether it is kept.
    pub(crate) fn validate(
        &mut self,
        kind: EntityKind,
        rec: &mut Value,
        sheet: usize,
        row: u32,
    ) -> bool {
        let spec = super::columns::spec(kind);
        let sheet_name = self
            .cells
            .sheet_columns(sheet)
            .map(|s| s.sheet.clone())
            .unwrap_or_default();
        for _ in 0..64 {
            let mut wrapper = Map::new();
            wrapper.insert(
                kind.as_str().to_string(),
                Value::Array(vec![std::mem::take(rec)]),
            );
            let wrapper = Value::Object(wrapper);
            let res: Result<Dataset, _> = crate::input::de::from_value(&wrapper);
            let Value::Object(mut w) = wrapper else {
                return false;
            };
            if let Some(Value::Array(mut a)) = w.remove(kind.as_str()) {
                if let Some(r) = a.pop() {
                    *rec = r;
                }
            }
            let e = match res {
                Ok(_) => return true,
                Err(e) => e,
            };
            let path = crate::input::locate::render(&e.path);
            let missing = e.missing_field();
            let prefix = format!("{}[0]", kind.as_str());
            let mut field = path
                .strip_prefix(&prefix)
                .unwrap_or("")
                .trim_start_matches('.')
                .to_string();
            if let Some(f) = missing {
                field = if field.is_empty() {
                    f.to_string()
                } else {
                    format!("{field}.{f}")
                };
            }
            let col = self.column_of(sheet, kind, &field);
            let (label_zh, label_en) = spec
                .and_then(|s| s.column_of_path(&field).and_then(|i| s.columns.get(i)))
                .map_or((field.clone(), field.clone()), |c| {
                    (c.zh.clone(), c.en.clone())
                });
            let required = spec
                .and_then(|s| s.column_of_path(&field).and_then(|i| s.columns.get(i)))
                .is_none_or(|c| c.required)
                || missing.is_some();
            let (kind_e, zh, en) = if missing.is_some() {
                (
                    InputErrorKind::Missing,
                    format!("{label_zh}:必填,不能为空;本行未读入"),
                    format!("{label_en}: required, may not be blank; this row was not read"),
                )
            } else {
                let (zh, en) = e.problem.words(None);
                (
                    e.problem.kind(),
                    format!("{label_zh}:{zh}"),
                    format!("{label_en}: {en}"),
                )
            };
            self.issues.push(CellIssue {
                cell: Some(Cell {
                    sheet: sheet_name.clone(),
                    row,
                    column: column_letter(col.unwrap_or(0)),
                }),
                entity: Some(kind),
                field: (!field.is_empty()).then_some(field.clone()),
                kind: kind_e,
                value: None,
                msg_zh: zh,
                msg_en: en,
                sheet: None,
                file: None,
            });
            if required || field.is_empty() || !remove_path(rec, &field) {
                return false;
            }
        }
        false
    }

    /// Builds the dataset from the records read; every record is checked individually only when
    /// the whole set does not deserialize (the common, clean case costs one pass).
    pub fn finish(
        mut self,
        name: Option<String>,
        reporting_year: Option<i32>,
    ) -> (Dataset, CellMap, Vec<CellIssue>) {
        let records = std::mem::take(&mut self.records);
        let mut doc = Map::new();
        let mut kept_rows: BTreeMap<EntityKind, Vec<(usize, u32)>> = BTreeMap::new();
        for (kind, recs) in records {
            let mut arr = Vec::with_capacity(recs.len());
            let mut rows = Vec::with_capacity(recs.len());
            for (v, s, r) in recs {
                arr.push(v);
                rows.push((s, r));
            }
            let mut single = Map::new();
            single.insert(kind.as_str().to_string(), Value::Array(arr));
            let single = Value::Object(single);
            let ok = crate::input::de::from_value::<Dataset>(&single).is_ok();
            let Value::Object(mut single) = single else {
                continue;
            };
            let Some(Value::Array(arr)) = single.remove(kind.as_str()) else {
                continue;
            };
            let (arr, rows) = if ok {
                (arr, rows)
            } else {
                let mut keep = Vec::with_capacity(arr.len());
                let mut keep_rows = Vec::with_capacity(arr.len());
                for (mut v, (s, r)) in arr.into_iter().zip(rows) {
                    if self.validate(kind, &mut v, s, r) {
                        keep.push(v);
                        keep_rows.push((s, r));
                    }
                }
                (keep, keep_rows)
            };
            kept_rows.insert(kind, rows);
            doc.insert(kind.as_str().to_string(), Value::Array(arr));
        }
        if let Some(n) = name {
            doc.insert("name".into(), Value::String(n));
        }
        if let Some(y) = reporting_year {
            doc.insert("reporting_year".into(), Value::from(y));
        }
        let ds = match serde_json::from_value::<Dataset>(Value::Object(doc)) {
            Ok(ds) => ds,
            Err(e) => {
                // Every record passed on its own; a failure here is a model change we missed.
                self.issues.push(CellIssue::general(
                    InputErrorKind::Value,
                    format!("数据无法组装:{e}"),
                    format!("the records could not be assembled: {e}"),
                ));
                return (Dataset::default(), CellMap::default(), self.issues);
            }
        };
        let mut cells = self.cells;
        cells.clear_rows();
        for (kind, rows) in kept_rows {
            for (s, r) in rows {
                cells.push_row(kind, s, r);
            }
        }
        (ds, cells, self.issues)
    }
}
