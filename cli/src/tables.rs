//! Table files for the CLI: reading (cell problems on stderr), batches with progress, writing.

use super::Unusable;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use xianjie::model::{Dataset, EntityKind};
use xianjie::table::{self, CellIssue, CellMap, ReadOptions};
use xianjie::{Checker, Report};

pub fn read_options(entity: Option<&str>, year: Option<i32>) -> Result<ReadOptions, Unusable> {
    let entity = match entity {
        None => None,
        Some(e) => Some(table::entity_for_sheet(e).ok_or_else(|| {
            Unusable(format!("--entity {e}: unknown entity; known: {}", names()))
        })?),
    };
    Ok(ReadOptions {
        entity,
        reporting_year: year,
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

fn print_issues(issues: &[CellIssue]) {
    for i in issues {
        let at = i.place();
        let field = i
            .field
            .as_deref()
            .map(|f| format!(" ({f})"))
            .unwrap_or_default();
        eprintln!("xianjie: {at}{field}: {} / {}", i.msg_zh, i.msg_en);
    }
}

/// Reads table files into one dataset; cell problems go to stderr (the rest is still checked)
/// and make the exit code 1.
pub fn read(paths: &[&Path], opts: &ReadOptions) -> Result<(Dataset, CellMap, bool), Unusable> {
    let r = table::read_paths(paths, opts).map_err(|e| Unusable(e.to_string()))?;
    for n in &r.notes {
        eprintln!("xianjie: {n}");
    }
    print_issues(&r.issues);
    Ok((r.dataset, r.cells, !r.issues.is_empty()))
}

/// Checks one CSV file in batches, printing each batch's report; a progress spinner on stderr
/// only when it is a terminal.
pub fn check_batches(
    checker: &Checker,
    path: &Path,
    opts: &ReadOptions,
    size: usize,
    mut print: impl FnMut(&Report),
) -> Result<ExitCode, Unusable> {
    let name = path.display().to_string();
    let mut batches =
        table::read_path_batches(path, opts, size).map_err(|e| Unusable(e.to_string()))?;
    if let Some(n) = batches.encoding_note() {
        eprintln!("xianjie: {name}: {n}");
    }
    let bar = if std::io::stderr().is_terminal() {
        let b = ProgressBar::new_spinner();
        b.set_style(
            ProgressStyle::with_template("{spinner} {pos} rows {per_sec} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        Some(b)
    } else {
        None
    };
    let mut any_error = false;
    let mut any_issue = false;
    for b in batches.by_ref() {
        print_issues(&b.issues);
        any_issue |= !b.issues.is_empty();
        let mut r = checker.check(&b.dataset);
        b.locate(&mut r);
        any_error |= !r.ok;
        print(&r);
        if let Some(bar) = &bar {
            bar.inc(b.cells.total_rows() as u64);
        }
    }
    if let Some(bar) = bar {
        bar.finish();
    }
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
