//! `xianjie`: check articulation data against policy rule packs from the command line.
//!
//! Thin: parses arguments, reads files, calls the core, prints. Exit codes: 0 no error finding,
//! 1 error findings, 2 unusable input (the message names the file and the place). A reader that
//! goes away (`| head`) ends output quietly; the exit code stays the result's ([`streams`]).
//! Every text output is escaped (no control or bidi character from the input reaches the
//! terminal raw); JSON output keeps the data, with C1 and bidi controls as `\uXXXX`.

use clap::{Parser, Subcommand, ValueEnum};
use findings_out::{FindingsWriter, Sink, StreamFormat};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use streams::{out, out_json, quoted, read_bounded, say};
use xianjie::finding::Lang;
use xianjie::input::InputError;
use xianjie::limits::Limits;
use xianjie::model::EntityKind;
use xianjie::rules::{builtin, builtin_packs, find_rule, Pack, PackError, PackErrorKind};
use xianjie::table::{CellIssue, Origin, ReadOptions, TableRead};
use xianjie::{render, Checker, Dataset, Options, Report};

mod columnar;
mod findings_out;
mod national;
mod progress;
mod streams;
mod tables;
mod term;

#[derive(Parser)]
#[command(
    name = "xianjie",
    version,
    about = "中高职衔接政策规则检查 / Check vocational articulation data against policy rules"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Json,
    Markdown,
}

/// Output formats of `check`: the report's, and findings streamed one by one.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    Table,
    Json,
    Markdown,
    /// One finding a line, as in the JSON report.
    Jsonl,
    /// The findings table, messages in `--lang`.
    Csv,
    /// The findings table as a Parquet file (zstd); needs `--out`.
    Parquet,
    /// The findings as a workbook (.xlsx: one row a finding, both languages); needs `--out`.
    Xlsx,
}

impl CheckFormat {
    /// The stream format, for the formats that write findings one batch at a time.
    fn stream(self) -> Option<StreamFormat> {
        match self {
            CheckFormat::Jsonl => Some(StreamFormat::Jsonl),
            CheckFormat::Csv => Some(StreamFormat::Csv),
            CheckFormat::Parquet => Some(StreamFormat::Parquet),
            CheckFormat::Table | CheckFormat::Json | CheckFormat::Markdown | CheckFormat::Xlsx => {
                None
            }
        }
    }
    /// The format `--out FILE` implies when `--format` is not given: by the file's extension,
    /// the report as a table otherwise.
    fn for_out(out: Option<&Path>) -> CheckFormat {
        let ext = out
            .and_then(Path::extension)
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("xlsx") => CheckFormat::Xlsx,
            Some("json") => CheckFormat::Json,
            Some("jsonl" | "ndjson") => CheckFormat::Jsonl,
            Some("csv") => CheckFormat::Csv,
            Some("parquet") => CheckFormat::Parquet,
            Some("md" | "markdown") => CheckFormat::Markdown,
            _ => CheckFormat::Table,
        }
    }
    /// Binary formats: written to a file only, never to a terminal.
    fn needs_file(self) -> bool {
        matches!(self, CheckFormat::Parquet | CheckFormat::Xlsx)
    }
    /// The report format.
    fn report(self) -> Format {
        match self {
            CheckFormat::Json => Format::Json,
            CheckFormat::Markdown => Format::Markdown,
            _ => Format::Table,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(clap::Args)]
struct PackArgs {
    /// Built-in pack id (repeatable); default: every built-in pack.
    #[arg(long = "pack", value_name = "ID")]
    packs: Vec<String>,
    /// A pack file (TOML) of your own (repeatable).
    #[arg(long = "pack-file", value_name = "PATH")]
    pack_files: Vec<PathBuf>,
    /// A parameter `RULE_ID.NAME=VALUE`, e.g. hhht-majors-2022/small-major-discontinue.class_size=30.
    #[arg(long = "param", value_name = "KEY=VALUE")]
    params: Vec<String>,
    /// A JSON or TOML file of parameters {"RULE_ID.NAME": "VALUE"}.
    #[arg(long = "params-file", value_name = "PATH")]
    params_file: Option<PathBuf>,
}

/// Bounds on what is read (`--limit NAME=VALUE`), for every command that reads input.
#[derive(clap::Args)]
struct LimitArgs {
    /// Raise or lower a limit on input, e.g. `--limit input_bytes=4GiB` (repeatable); names and
    /// defaults in docs/guide.md, "Limits".
    #[arg(long = "limit", value_name = "NAME=VALUE")]
    limits: Vec<String>,
}

impl LimitArgs {
    /// The limits of this run; every bad `--limit` is reported, with the known names.
    fn limits(&self) -> Result<Limits, Unusable> {
        let mut limits = Limits::default();
        let mut pairs = Vec::new();
        for kv in &self.limits {
            let Some(pair) = kv.split_once('=') else {
                return Err(Unusable(format!(
                    "--limit {}: 应为 名称=值 / expected NAME=VALUE",
                    quoted(&limits, kv)
                )));
            };
            pairs.push((pair.0.trim(), pair.1.trim()));
        }
        limits
            .set_all(pairs)
            .map_err(|e| Unusable(e.with_source("--limit").to_string()))?;
        streams::use_limits(&limits);
        Ok(limits)
    }
}

#[derive(Subcommand)]
enum Cmd {
    /// Check data files (JSON, .xlsx/.csv tables, or Parquet/Arrow IPC columns); with no FILE,
    /// the bundled sample bj-3p2-2024.
    Check {
        /// Dataset files: JSON (`-`: stdin), a workbook (.xlsx, one sheet per entity), CSV (one
        /// file per entity), Parquet or Arrow IPC (.parquet, .arrow, .feather, .ipc: one file per
        /// collection, named after it, e.g. students.parquet or 学生.parquet), or a folder of
        /// Parquet/IPC files; the Parquet/IPC files given are read as one dataset.
        files: Vec<PathBuf>,
        /// The entity of a CSV file whose name does not say it (e.g. semester_activities).
        #[arg(long, value_name = "NAME")]
        entity: Option<String>,
        /// The reporting year, for tables without a 数据集 sheet.
        #[arg(long, value_name = "YEAR")]
        year: Option<i32>,
        /// Read one CSV, Parquet or IPC file in batches of N rows (bounded memory; rules across
        /// records see one batch). The report formats print one report of all batches at the
        /// end; jsonl, csv and parquet write each batch's findings as they come.
        #[arg(long, value_name = "N")]
        batch_size: Option<usize>,
        #[command(flatten)]
        packs: PackArgs,
        #[command(flatten)]
        limits: LimitArgs,
        /// Output format: the report (table, json, markdown), or the findings (jsonl: one JSON
        /// object a line; csv and parquet: the findings table; xlsx: a workbook). Default: from
        /// the extension of --out (.xlsx, .json, .jsonl, .csv, .parquet, .md), else table.
        #[arg(long, value_enum)]
        format: Option<CheckFormat>,
        /// Language of the table output and of the csv and parquet messages.
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
        /// Write the output to this file instead of stdout (needed for parquet and xlsx).
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
        /// Threads to read Parquet and IPC files, check and write JSON Lines with (0: every
        /// core); default one. The output is the same, order included.
        #[arg(long, value_name = "N")]
        threads: Option<usize>,
    },
    /// List rules.
    Rules {
        /// Only this pack.
        #[arg(long)]
        pack: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
        /// Language of the table output.
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
    },
    /// Explain one rule: source, quoted clause, interpretation, checks.
    Explain {
        /// Rule id, e.g. bj-3p2-2024/semester-meetings.
        rule_id: String,
        /// Language.
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
    },
    /// Print a bundled sample dataset as JSON; with no NAME, list them. `national` writes the
    /// national-scale dataset as Parquet files (one per collection) into --out.
    Sample {
        /// Sample name, e.g. bj-3p2-2024, or `national`.
        name: Option<String>,
        /// national: size, 1 = 10,000 schools, 50,000 projects, 5,000,000 students.
        #[arg(long, default_value_t = 1.0)]
        scale: f64,
        /// national: the folder to write the Parquet files into.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// national: seed of the generator (same seed, same files).
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Write a blank workbook to fill in, for the entities the packs check.
    Template {
        /// Built-in pack id (repeatable); default: every built-in pack.
        #[arg(long = "pack", value_name = "ID")]
        packs: Vec<String>,
        /// Output file (.xlsx).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Summarise data: transfer rates, application summaries (汇总表), semester compliance, target
    /// progress, and the city's own tables (Beijing's status-data campaign and one 汇总表 per school,
    /// Quzhou's 细则 indicators, settlements and targets by year, Hohhot's major ledger); printed,
    /// or written as a workbook with --out. With no FILE, the bundled sample.
    Summary {
        /// Dataset files (JSON (`-`: stdin), .xlsx or .csv), read as one dataset.
        files: Vec<PathBuf>,
        /// Output format when printing.
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
        /// Language when printing.
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
        #[command(flatten)]
        packs: PackArgs,
        #[command(flatten)]
        limits: LimitArgs,
        /// The reporting year, for tables without a 数据集 sheet.
        #[arg(long, value_name = "YEAR")]
        year: Option<i32>,
        /// Write a summary workbook (.xlsx) instead of printing.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// List the limits on input, with their defaults (set them with `--limit NAME=VALUE`).
    Limits {
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Print the JSON Schema of the dataset document (or of the report).
    Schema {
        /// `dataset` or `report`.
        #[arg(default_value = "dataset")]
        of: String,
    },
    /// Print a shell completion script, e.g. `xianjie completions bash >
    /// ~/.local/share/bash-completion/completions/xianjie` (see docs/guide.md).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// An unusable input or argument: exit code 2. The message is the user's text too (file names,
/// keys, values): it is escaped when printed ([`say`]).
struct Unusable(String);

impl From<PackError> for Unusable {
    /// In both languages, as input errors are. The core names packs and parameters, never the
    /// command line: the flag that brought the faulty one in is said here.
    fn from(e: PackError) -> Self {
        let limits = Limits::default();
        let flagged = |flag: &str, what: &str| format!("{flag} {}", quoted(&limits, what));
        let place = match &*e.kind {
            PackErrorKind::UnknownPack { id, .. } => flagged("--pack", id),
            PackErrorKind::UnknownRule { key } | PackErrorKind::ParamValue { key, .. } => {
                flagged("--param", key)
            }
            PackErrorKind::UnknownParam { rule, name } => {
                flagged("--param", &format!("{rule}.{name}"))
            }
            _ => {
                let mut place = quoted(&limits, &e.origin);
                if let (Some(l), Some(c)) = (e.line, e.column) {
                    place += &format!(":{l}:{c}");
                }
                if !e.loc.is_empty() {
                    place += &format!(" at {}", quoted(&limits, &e.loc));
                }
                place
            }
        };
        let m = e.message();
        Unusable(format!("{place}: {} / {}", m.zh, m.en))
    }
}

/// `--pack ID` naming no built-in pack.
fn unknown_pack(id: &str) -> Unusable {
    Unusable::from(PackError::new(
        format!("pack {id}"),
        PackErrorKind::UnknownPack {
            id: id.to_string(),
            known: xianjie::rules::builtin_ids()
                .into_iter()
                .map(str::to_string)
                .collect(),
        },
    ))
}

impl From<InputError> for Unusable {
    fn from(e: InputError) -> Self {
        Unusable(e.to_string())
    }
}

/// Reads a JSON dataset from `path` (`-`: stdin), bounded by `limits` ([`read_bounded`]).
fn read_dataset(path: &Path, limits: &Limits) -> Result<Dataset, Unusable> {
    let name = streams::input_name(path);
    let text = read_bounded(path, limits, true)?;
    Ok(Dataset::from_json_str_with(&text, limits).map_err(|e| e.with_source(name))?)
}

/// Reads a JSON dataset for checking: as [`read_dataset`], with its students, cohorts and
/// semester activities held as columns when they read the same way
/// (`columns::read_json_reader_for_check`), which keeps a national document's five million
/// students out of rows and its text out of memory.
fn read_dataset_for_check(
    path: &Path,
    limits: &Limits,
) -> Result<(Dataset, xianjie::model::Held), Unusable> {
    let name = streams::input_name(path);
    // A file is parsed as it is read, never held whole as text (1.6 GB for the nation); what
    // that way declines (a problem to report, a form it does not take) is read whole below,
    // as rows (the text would decline the same way). Standard input can be read only once.
    let stdin = streams::is_stdin(path);
    if !stdin {
        if let Ok(file) = xianjie::api::open_bounded(path, limits) {
            if let Some(read) = xianjie::columns::read_json_reader_for_check(file, limits) {
                return Ok(read);
            }
        }
    }
    let text = read_bounded(path, limits, true)?;
    if stdin {
        if let Some(read) = xianjie::columns::read_json_for_check(&text, limits) {
            return Ok(read);
        }
    }
    let ds = Dataset::from_json_str_with(&text, limits).map_err(|e| e.with_source(name))?;
    Ok((ds, xianjie::model::Held::new()))
}

/// Prints table problems on stderr, each as `FILE: SHEET!CELL (field): 中文 / English` (for a
/// problem of a whole file or sheet, `FILE: …`), the place never empty; returns whether any makes
/// the input unusable ([`CellIssue::is_unusable`]: exit 2, no report).
fn print_cell_issues(files: &[&Path], issues: &[CellIssue]) -> bool {
    let all = files
        .iter()
        .map(|f| streams::input_name(f))
        .collect::<Vec<_>>()
        .join(", ");
    // Made lazily: past `errors_listed` the lines are only counted.
    streams::say_lines(issues.iter().map(|i| {
        // The core names the file of every issue it read from a path (`read_paths`); a batch
        // reads one file.
        let file = i.file.clone().unwrap_or_else(|| all.clone());
        let mut place = i.cell_ref();
        if let Some(f) = &i.field {
            place = format!("{place} ({f})").trim_start().to_string();
        }
        let sep = if place.is_empty() { "" } else { ": " };
        format!("{file}: {place}{sep}{} / {}", i.msg_zh, i.msg_en)
    }));
    issues.iter().any(CellIssue::is_unusable)
}

/// Reads table files into one dataset. Cell problems go to stderr and the rest is still checked
/// (the report carries them as input issues, exit 1); a problem that makes the input unusable is
/// exit 2, with no report.
fn read_tables(paths: &[&Path], opts: &ReadOptions) -> Result<(Dataset, Origin), Failure> {
    // `opts.limits` bounds the reading (tables::read_options puts the --limit values there).
    let read = {
        let _shown = reading(paths);
        xianjie::table::read_paths(paths, opts)?
    };
    checked_read(paths, read)
}

/// Progress while `paths` are read (cleared when dropped, before their problems are listed).
fn reading(paths: &[&Path]) -> progress::Progress {
    let names: Vec<String> = paths.iter().map(|p| streams::input_name(p)).collect();
    progress::Progress::step(&format!("读取 / reading {}", names.join(", ")))
}

/// A table read of `paths`: its notes and cell problems on stderr; exit 2 (no report) when a
/// problem makes the input unusable.
fn checked_read(paths: &[&Path], r: TableRead) -> Result<(Dataset, Origin), Failure> {
    streams::say_lines(&r.notes);
    if print_cell_issues(paths, &r.issues) {
        return Err(Failure::Reported);
    }
    Ok(r.into_origin())
}

/// Why a command stopped: an unusable input or argument to print, or one already printed.
/// Both exit 2.
enum Failure {
    Unusable(Unusable),
    Reported,
}

impl From<Unusable> for Failure {
    fn from(e: Unusable) -> Self {
        Failure::Unusable(e)
    }
}

impl From<InputError> for Failure {
    fn from(e: InputError) -> Self {
        Failure::Unusable(e.into())
    }
}

impl From<String> for Failure {
    fn from(s: String) -> Self {
        Failure::Unusable(Unusable(s))
    }
}

fn options(a: &PackArgs, lang: Lang, limits: &Limits) -> Result<Options, Unusable> {
    let mut params = BTreeMap::new();
    if let Some(p) = &a.params_file {
        let name = p.display().to_string();
        let is_toml = name.ends_with(".toml");
        let text = read_bounded(p, limits, !is_toml)?;
        let map: BTreeMap<String, String> = if is_toml {
            toml_map(&text).map_err(|e| Unusable(format!("{name}: {e}")))?
        } else {
            // The strict reader: a repeated key is refused, not its last value kept.
            xianjie::input::from_json_str(&text).map_err(|e| {
                Unusable(format!(
                    "{name}: expected {{\"RULE_ID.NAME\": \"VALUE\"}}: {}",
                    e.with_source(&name)
                ))
            })?
        };
        params.extend(map);
    }
    for kv in &a.params {
        let (k, v) = kv.split_once('=').ok_or_else(|| {
            Unusable(format!(
                "--param {}: expected RULE_ID.NAME=VALUE",
                quoted(limits, kv)
            ))
        })?;
        params.insert(k.trim().to_string(), v.trim().to_string());
    }
    let mut extra = Vec::new();
    for f in &a.pack_files {
        let name = f.display().to_string();
        let text = read_bounded(f, limits, false)?;
        extra.push(Pack::from_toml_str(&text, &name).map_err(Unusable::from)?);
    }
    Ok(Options {
        packs: a.packs.clone(),
        extra_packs: extra,
        params,
        lang,
        // One thread: the same report as before threads existed.
        threads: None,
    })
}

/// A flat TOML table of strings (numbers are taken as written).
fn toml_map(text: &str) -> Result<BTreeMap<String, String>, String> {
    let v: BTreeMap<String, serde_json::Value> = xianjie::rules::parse_toml_table(text)?;
    Ok(v.into_iter()
        .map(|(k, v)| (k, v.as_str().map_or_else(|| v.to_string(), str::to_string)))
        .collect())
}

fn print_report(r: &Report, format: Format, lang: Lang, to: &mut Sink) -> Result<(), String> {
    match format {
        Format::Json => to.write(r.to_json_pretty() + "\n", findings_out::json_line),
        Format::Markdown => to.write(
            term::Term::markdown().blocks(&render::report_blocks(r, lang)),
            findings_out::as_is,
        ),
        Format::Table => {
            let term = match to {
                Sink::Stdout => term::Term::stdout(),
                Sink::File(..) => term::Term::file(),
            };
            to.write(
                term.blocks(&render::report_blocks(r, lang)),
                findings_out::as_is,
            )
        }
    }
}

/// Prints `blocks` in `format`'s look (table or Markdown) to stdout.
fn print_blocks(blocks: &[render::Block], format: Format) -> Result<(), String> {
    match format {
        Format::Markdown => out(&term::Term::markdown().blocks(blocks)),
        _ => out(&term::Term::stdout().blocks(blocks)),
    }
}

/// Where `check` puts its results: findings streamed batch by batch, or reports (each dataset's,
/// or in batch mode one merged report of all batches at the end).
enum Results {
    Stream(FindingsWriter),
    /// A findings workbook, written at the end from the reports merged.
    Workbook {
        path: PathBuf,
        merged: Box<xianjie::report::BatchReports>,
    },
    Reports {
        sink: Sink,
        format: Format,
        lang: Lang,
        merged: Option<Box<xianjie::report::BatchReports>>,
    },
}

/// One `check` run's output and its verdict.
struct CheckRun {
    results: Results,
    any_error: bool,
    /// Records of each collection in the batches before (batch mode: indices are the file's).
    before: BTreeMap<EntityKind, usize>,
}

impl CheckRun {
    fn new(
        format: CheckFormat,
        out: Option<&Path>,
        lang: Lang,
        threads: usize,
        batched: bool,
    ) -> Result<Self, Unusable> {
        let results = match (format.stream(), format, out) {
            (Some(s), ..) => Results::Stream(FindingsWriter::new(s, out, lang, threads)?),
            (None, CheckFormat::Xlsx, Some(path)) => Results::Workbook {
                path: path.to_path_buf(),
                merged: Box::default(),
            },
            (None, ..) => Results::Reports {
                sink: Sink::open(out)?,
                format: format.report(),
                lang,
                merged: batched.then(Box::default),
            },
        };
        Ok(CheckRun {
            results,
            any_error: false,
            before: BTreeMap::new(),
        })
    }

    /// Takes one report: of a dataset, or of a batch; with the batch's dataset and the rows of
    /// the file before it, its record indices and cells are made the file's (counting the
    /// records of the batches before).
    fn take(&mut self, batch: Option<(&Dataset, u32)>, mut r: Report) -> Result<(), String> {
        self.any_error |= !r.ok;
        if let Some((ds, rows_before)) = batch {
            r.shift_records(&self.before, rows_before);
            for k in EntityKind::ALL {
                *self.before.entry(*k).or_insert(0) += ds.len_of(*k);
            }
        }
        let written = match &mut self.results {
            Results::Stream(w) => w.write(&r.findings),
            Results::Workbook { merged, .. } => {
                merged.add(r);
                return Ok(());
            }
            Results::Reports {
                merged: Some(m), ..
            } => {
                m.add(r);
                return Ok(());
            }
            Results::Reports {
                sink, format, lang, ..
            } => print_report(&r, *format, *lang, sink),
        };
        drop_aside(r);
        written
    }

    /// Ends the output: the merged report printed, a stream closed with its counts on stderr.
    fn finish(self, checker: &Checker) -> Result<ExitCode, String> {
        match self.results {
            Results::Workbook { path, merged } => {
                let r = merged
                    .finish()
                    .unwrap_or_else(|| checker.check(&Dataset::default()));
                let bytes = xianjie::table::findings_workbook(&r).map_err(|e| e.to_string())?;
                tables::write(&path, &bytes).map_err(|Unusable(m)| m)?;
                let c = r.counts;
                let n = r.findings.len();
                say(&format!(
                    "{}: {n}项发现(错误{}、警告{}、目标{}) / {n} findings (error {}, warning {}, target {})",
                    streams::input_name(&path),
                    c.error,
                    c.warning,
                    c.target,
                    c.error,
                    c.warning,
                    c.target
                ));
            }
            Results::Stream(w) => {
                let c = w.finish()?;
                let n = c.error + c.warning + c.target;
                say(&format!(
                    "{n}项发现(错误{}、警告{}、目标{}) / {n} findings (error {}, warning {}, target {})",
                    c.error, c.warning, c.target, c.error, c.warning, c.target
                ));
            }
            Results::Reports {
                mut sink,
                format,
                lang,
                merged,
            } => {
                if let Some(m) = merged {
                    // No batch at all (an empty file): the report of no records.
                    let r = m
                        .finish()
                        .unwrap_or_else(|| checker.check(&Dataset::default()));
                    print_report(&r, format, lang, &mut sink)?;
                }
                sink.finish()?;
            }
        }
        Ok(if self.any_error {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        })
    }
}

/// `xianjie check`.
#[allow(clippy::too_many_arguments)] // the command's flags, passed on as parsed
fn check_command(
    files: &[PathBuf],
    entity: Option<&str>,
    year: Option<i32>,
    batch_size: Option<usize>,
    packs: &PackArgs,
    limits: &LimitArgs,
    format: Option<CheckFormat>,
    lang: Lang,
    out: Option<&Path>,
    threads: Option<usize>,
) -> Result<ExitCode, Failure> {
    let limits = limits.limits()?;
    let format = format.unwrap_or_else(|| CheckFormat::for_out(out));
    if format.needs_file() && out.is_none() {
        // Before any reading: a binary file is never written to a terminal.
        let name = if format == CheckFormat::Xlsx {
            "xlsx"
        } else {
            "parquet"
        };
        return Err(Unusable(format!(
            "--format {name}: 须用 --out 指定输出文件 / needs --out FILE"
        ))
        .into());
    }
    let mut opts = options(packs, lang, &limits)?;
    opts.threads = threads;
    let checker = Checker::new(&opts).map_err(Unusable::from)?;
    let threads = thread_count(threads);
    let mut ropts = tables::read_options(entity, year, &limits)?;
    ropts.threads = opts.threads;
    if let (Some(n), [file]) = (batch_size, files) {
        if !file.is_dir() {
            let mut run = CheckRun::new(format, out, lang, threads, true)?;
            if columnar::is_columnar_path(file) {
                columnar::read_in_batches(file, &ropts, n, |read, rows_before| {
                    // Rows of the file, not of the batch, in what is printed and reported.
                    let mut issues = read.issues.clone();
                    for c in issues.iter_mut().filter_map(|i| i.cell.as_mut()) {
                        c.row = c.row.saturating_add(rows_before);
                    }
                    if print_cell_issues(&[file.as_path()], &issues) {
                        return Err(Failure::Reported);
                    }
                    let (ds, origin) = read.into_origin();
                    let mut r = checker.check(&ds);
                    origin.apply(&mut r);
                    if !issues.is_empty() {
                        r.input_issues = issues.iter().map(CellIssue::to_report_issue).collect();
                    }
                    Ok(run.take(Some((&ds, rows_before)), r)?)
                })?;
            } else {
                // The CSV reader numbers a batch's records in the whole file itself.
                let code = tables::check_batches(&checker, file, &ropts, n, |r| run.take(None, r))?;
                if code == ExitCode::from(2) {
                    return Err(Failure::Reported);
                }
                // Cell problems in a batch make its report not ok: the run's verdict has them.
                run.any_error |= code != ExitCode::SUCCESS;
            }
            return Ok(run.finish(&checker)?);
        }
    }
    // Inputs in order; the Parquet/IPC files (and folders) together are one dataset, at the
    // place of the first.
    let columnar: Vec<&Path> = files
        .iter()
        .map(PathBuf::as_path)
        .filter(|f| columnar::is_columnar_path(f))
        .collect();
    // Each with its origin (tables) and the collections held as columns (Parquet/IPC).
    let mut datasets: Vec<(Dataset, Option<Origin>, xianjie::model::Held)> = Vec::new();
    if files.is_empty() {
        // Said, so that a run without a file is not taken for a check of one's own data.
        say("未给出文件,检查内置样例 bj-3p2-2024 / no file given: checking the bundled sample bj-3p2-2024");
        datasets.push((
            xianjie::sample::load("bj-3p2-2024")
                .ok_or_else(|| Unusable("the bundled sample bj-3p2-2024 is missing".into()))?,
            None,
            xianjie::model::Held::new(),
        ));
    }
    let mut columnar_read = false;
    for f in files {
        if columnar::is_columnar_path(f) {
            if !columnar_read {
                columnar_read = true;
                let (read, held) = {
                    let _shown = reading(&columnar);
                    columnar::read(&columnar, &ropts)?
                };
                let (d, o) = checked_read(&columnar, read)?;
                datasets.push((d, Some(o), held));
            }
        } else if xianjie::table::is_table_path(f) {
            let (d, o) = read_tables(&[f.as_path()], &ropts)?;
            datasets.push((d, Some(o), xianjie::model::Held::new()));
        } else {
            let _shown = reading(&[f.as_path()]);
            let (ds, held) = read_dataset_for_check(f, &limits)?;
            datasets.push((ds, None, held));
        }
    }
    let mut run = CheckRun::new(format, out, lang, threads, false)?;
    for (ds, origin, held) in &datasets {
        let mut r = {
            let _shown = progress::Progress::step("检查 / checking");
            checker.check_with_columns(ds, held)
        };
        if let Some(o) = origin {
            // Cell problems become the report's input issues: `ok` false, exit 1.
            o.apply(&mut r);
        }
        run.take(None, r)?;
    }
    let code = run.finish(&checker)?;
    drop_aside(datasets);
    Ok(code)
}

/// The threads `--threads` asks for, as the core counts them: none one, 0 every core.
pub fn thread_count(threads: Option<usize>) -> usize {
    match threads {
        None => 1,
        Some(0) => std::thread::available_parallelism().map_or(1, usize::from),
        Some(n) => n,
    }
}

/// Drops `value` on a thread of its own, not waited for. Freeing a national run's findings (or
/// a JSON document's five million records) one allocation at a time took a twentieth of the
/// run; beside the rest (the next check, the last blocks being written) it costs no wall time,
/// and when the process ends first the system takes the memory back at once. Without a thread
/// (none can be made), it is dropped here.
fn drop_aside<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new()
        .name("drop".into())
        .spawn(move || drop(value));
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    match cli.cmd {
        Cmd::Check {
            files,
            entity,
            year,
            batch_size,
            packs,
            limits,
            format,
            lang,
            out,
            threads,
        } => check_command(
            &files,
            entity.as_deref(),
            year,
            batch_size,
            &packs,
            &limits,
            format,
            lang.into(),
            out.as_deref(),
            threads,
        ),
        Cmd::Rules { pack, format, lang } => {
            let packs: Vec<&Pack> = match &pack {
                Some(id) => vec![builtin(id).ok_or_else(|| unknown_pack(id))?],
                None => builtin_packs().iter().collect(),
            };
            match format {
                Format::Json => {
                    let all: Vec<&Pack> = packs;
                    out_json(&serde_json::to_string_pretty(&all).unwrap_or_default())?;
                }
                Format::Markdown => out(&render::rules_markdown(&packs))?,
                Format::Table => {
                    out(&term::Term::stdout().table(&render::rules_text_table(&packs, lang.into())))?
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Explain { rule_id, lang } => {
            let (p, r) = find_rule(&rule_id).ok_or_else(|| {
                Unusable(format!(
                    "unknown rule {:?}; list them with `xianjie rules`",
                    Limits::default().quote(&rule_id)
                ))
            })?;
            out(&render::explain(p, r, lang.into()))?;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Sample {
            name,
            scale,
            out: dir,
            seed,
        } => {
            if name.as_deref() == Some("national") {
                let dir = dir.ok_or_else(|| {
                    Unusable("sample national: 须给出 --out DIR / --out DIR is needed".into())
                })?;
                out(&national::run(&dir, scale, seed)?)?;
                return Ok(ExitCode::SUCCESS);
            }
            match name {
                None => {
                    for n in xianjie::sample::names() {
                        out(&format!("{n}\n"))?;
                    }
                }
                Some(n) => {
                    let ds = xianjie::sample::load(&n).ok_or_else(|| {
                        Unusable(format!(
                            "unknown sample {:?}; samples: {}",
                            Limits::default().quote(&n),
                            xianjie::sample::names().join(", ")
                        ))
                    })?;
                    out_json(&ds.to_json_pretty())?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Template { packs, out } => {
            let chosen: Vec<&Pack> = if packs.is_empty() {
                builtin_packs().iter().collect()
            } else {
                packs
                    .iter()
                    .map(|id| builtin(id).ok_or_else(|| unknown_pack(id)))
                    .collect::<Result<_, _>>()?
            };
            let bytes = xianjie::table::template(&chosen).map_err(|e| Unusable(e.to_string()))?;
            tables::write(&out, &bytes)?;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Summary {
            files,
            format,
            lang,
            packs,
            limits,
            year,
            out: out_file,
        } => {
            let limits = limits.limits()?;
            let checker =
                Checker::new(&options(&packs, Lang::Zh, &limits)?).map_err(Unusable::from)?;
            let ropts = tables::read_options(None, year, &limits)?;
            let (tabular, json): (Vec<&Path>, Vec<&Path>) = files
                .iter()
                .map(PathBuf::as_path)
                .partition(|f| xianjie::table::is_table_path(f));
            let (ds, cells) = match (tabular.is_empty(), json.as_slice()) {
                (true, []) => (
                    xianjie::sample::load("bj-3p2-2024").ok_or_else(|| {
                        Unusable("the bundled sample bj-3p2-2024 is missing".into())
                    })?,
                    None,
                ),
                (true, [one]) => (read_dataset(one, &limits)?, None),
                (false, []) => {
                    let (d, o) = read_tables(&tabular, &ropts)?;
                    (d, Some(o))
                }
                _ => {
                    return Err(Unusable(
                        "summary: give one JSON dataset, or table files (.xlsx/.csv)".into(),
                    )
                    .into())
                }
            };
            let mut r = checker.check(&ds);
            if let Some(o) = &cells {
                o.apply(&mut r);
            }
            let Some(out_file) = out_file else {
                let summary = xianjie::aggregate::summary(&ds, &r);
                match format {
                    Format::Json => {
                        out_json(&serde_json::to_string_pretty(&summary).unwrap_or_default())?
                    }
                    _ => print_blocks(&render::summary_blocks(&summary, lang.into()), format)?,
                }
                return Ok(ExitCode::SUCCESS);
            };
            let bytes =
                xianjie::table::summary_workbook(&ds, &r).map_err(|e| Unusable(e.to_string()))?;
            tables::write(&out_file, &bytes)?;
            let n = r.findings.len();
            say(&format!(
                "{}: 已写入汇总表,含{n}项发现(错误{}项);检查结论见 xianjie check / summary written with {n} findings ({} errors); for the verdict run xianjie check",
                streams::input_name(&out_file),
                r.counts.error,
                r.counts.error
            ));
            // The summary's job is the workbook: written, it succeeded (0), as printing the
            // summary does; the data's verdict (0/1) is `xianjie check`'s.
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Limits { format } => {
            let defaults = Limits::default();
            match format {
                Format::Json => {
                    out_json(&serde_json::to_string_pretty(&defaults).unwrap_or_default())?
                }
                Format::Markdown => {
                    out(&term::Term::markdown().table(&render::limits_table(&defaults)))?
                }
                Format::Table => {
                    out(&term::Term::stdout().table(&render::limits_table(&defaults)))?
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Schema { of } => {
            match of.as_str() {
                "dataset" => out_json(&xianjie::schema::dataset_schema().to_string())?,
                "report" => out_json(&xianjie::schema::report_schema().to_string())?,
                other => {
                    return Err(Unusable(format!(
                        "schema {:?}: expected `dataset` or `report`",
                        Limits::default().quote(other)
                    ))
                    .into())
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(
                shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "xianjie",
                &mut script,
            );
            out(&String::from_utf8_lossy(&script))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // clap quotes the arguments it refuses: escaped like every other message. Help and
        // version go to stdout (exit 0); usage errors to stderr (exit 2).
        Err(e) => {
            let mut text = e.render().to_string();
            if !text.ends_with('\n') {
                text.push('\n');
            }
            if e.use_stderr() {
                let _ = std::io::Write::write_all(
                    &mut std::io::stderr(),
                    render::escape_text(&text).as_bytes(),
                );
            } else if out(&render::escape_text(&text)).is_err() {
                return ExitCode::from(2);
            }
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(Failure::Unusable(Unusable(msg))) => {
            say(&msg);
            ExitCode::from(2)
        }
        Err(Failure::Reported) => ExitCode::from(2),
    }
}
