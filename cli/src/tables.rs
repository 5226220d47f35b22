//! Table files for the CLI: reading (cell problems on stderr), batches with progress, writing.

use super::Unusable;
use crate::progress::Progress;
use std::path::Path;
use std::process::ExitCode;
use xianjie::model::EntityKind;
use xianjie::table::{self, CellIssue, ReadOptions};
use xianjie::{Checker, Report};

pub fn read_options(
    entity: Option<&str>,
    year: Option<i32>,
    limits: &xianjie::Limits,
) -> Result<ReadOptions, Unusable> {
    let entity = match entity {
        None => None,
        Some(e) => Some(table::entity_for_sheet(e).ok_or_else(|| {
            Unusable(format!("--entity {e}: unknown entity; known: {}", names()))
        })?),
    };
    Ok(ReadOptions {
        entity,
        reporting_year: year,
        limits: limits.clone(),
        ..Default::default()
    })
}

fn names() -> String {
    EntityKind::ALL
        .iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Prints cell problems (see `print_cell_issues`); whether any makes the input unusable.
fn print_issues(path: &Path, issues: &[CellIssue]) -> bool {
    super::print_cell_issues(&[path], issues)
}

/// Checks one CSV file in batches, giving each batch's report to `each` (which writes or merges
/// it), its records numbered in the whole file; a progress spinner on stderr only when it is a
/// terminal.
pub fn check_batches(
    checker: &Checker,
    path: &Path,
    opts: &ReadOptions,
    size: usize,
    mut each: impl FnMut(Report) -> Result<(), String>,
) -> Result<ExitCode, Unusable> {
    let name = path.display().to_string();
    let mut batches =
        table::read_path_batches(path, opts, size).map_err(|e| Unusable(e.to_string()))?;
    if let Some(n) = batches.encoding_note() {
        super::streams::say(&format!("{}: {n}", super::streams::input_name(path)));
    }
    let bar = Progress::rows();
    let mut any_error = false;
    let mut any_issue = false;
    for b in batches.by_ref() {
        if print_issues(path, &b.issues) {
            // A sheet not read at all, or a limit: unusable input, no report for this batch.
            return Ok(ExitCode::from(2));
        }
        any_issue |= !b.issues.is_empty();
        let mut r = checker.check(&b.dataset);
        b.apply(&mut r);
        any_error |= !r.ok;
        each(r).map_err(Unusable)?;
        bar.inc(b.cells.total_rows() as u64);
    }
    bar.clear();
    // A file refused part way (a record over the limits, bad bytes) is unusable: exit 2.
    batches
        .finish()
        .map_err(|e| Unusable(e.with_source(name.clone()).to_string()))?;
    Ok(if any_error || any_issue {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn write(path: &Path, bytes: &[u8]) -> Result<(), Unusable> {
    std::fs::write(path, bytes)
        .map_err(|e| Unusable(format!("{}: cannot write: {e}", path.display())))
}
