//! Where each record and field came from in a workbook or CSV file, to put cells on findings.

use crate::finding::Cell;
use crate::model::EntityKind;
use crate::report::Report;
use std::collections::BTreeMap;

/// Spreadsheet column letters for a 0-based index: 0 → `A`, 26 → `AA`.
///
/// ```
/// assert_eq!(xianjie::table::column_letter(3), "D");
/// assert_eq!(xianjie::table::column_letter(27), "AB");
/// ```
pub fn column_letter(mut i: u32) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// `学期活动!D17`.
pub fn cell_ref(c: &Cell) -> String {
    format!("{}!{}{}", c.sheet, c.column, c.row)
}

/// One sheet's columns: JSON path → 0-based column.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SheetColumns {
    /// Sheet name (file stem for CSV).
    pub sheet: String,
    /// Field path → column index.
    pub columns: BTreeMap<String, u32>,
}

/// Record → cell, for every entity read from tables.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CellMap {
    sheets: Vec<SheetColumns>,
    /// Per entity, per record index: (sheet index, 1-based row).
    rows: BTreeMap<EntityKind, Vec<(usize, u32)>>,
}

impl CellMap {
    /// Registers a sheet; returns its index.
    pub fn add_sheet(&mut self, sheet: SheetColumns) -> usize {
        self.sheets.push(sheet);
        self.sheets.len() - 1
    }
    /// Records that the next record of `kind` came from `row` of sheet `sheet`.
    pub fn push_row(&mut self, kind: EntityKind, sheet: usize, row: u32) {
        self.rows.entry(kind).or_default().push((sheet, row));
    }
    /// The columns of sheet `i`.
    pub fn sheet_columns(&self, i: usize) -> Option<&SheetColumns> {
        self.sheets.get(i)
    }
    pub(crate) fn clear_rows(&mut self) {
        self.rows.clear();
    }
    /// Number of records mapped, all entities.
    pub fn total_rows(&self) -> usize {
        self.rows.values().map(Vec::len).sum()
    }
    /// Number of records of `kind` mapped.
    pub fn len_of(&self, kind: EntityKind) -> usize {
        self.rows.get(&kind).map_or(0, Vec::len)
    }
    /// The sheet and 1-based row record `index` of `kind` came from.
    pub fn row_of(&self, kind: EntityKind, index: usize) -> Option<(&str, u32)> {
        let &(s, row) = self.rows.get(&kind)?.get(index)?;
        Some((self.sheets.get(s)?.sheet.as_str(), row))
    }
    /// The cell of record `index` of `kind`, at `field` (or the record's first column).
    pub fn cell(&self, kind: EntityKind, index: usize, field: Option<&str>) -> Option<Cell> {
        let &(s, row) = self.rows.get(&kind)?.get(index)?;
        let sheet = self.sheets.get(s)?;
        let col = field
            .and_then(|f| {
                sheet.columns.get(f).copied().or_else(|| {
                    // A field naming an object (`secondary_major`): its first column.
                    let prefix = format!("{f}.");
                    sheet
                        .columns
                        .iter()
                        .filter(|(p, _)| p.starts_with(&prefix))
                        .map(|(_, c)| *c)
                        .min()
                })
            })
            .or_else(|| sheet.columns.values().copied().min())
            .unwrap_or(0);
        Some(Cell {
            sheet: sheet.sheet.clone(),
            row,
            column: column_letter(col),
        })
    }
    /// Fills `Location.cell` on every finding of `report` whose record came from a table.
    pub fn locate(&self, report: &mut Report) {
        for f in &mut report.findings {
            for l in &mut f.locations {
                if l.cell.is_none() {
                    l.cell = self.cell(l.entity, l.index, l.field.as_deref());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        let got: Vec<_> = [0, 25, 26, 51, 52, 701, 702].map(column_letter).to_vec();
        assert_eq!(got, ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
    }
}
