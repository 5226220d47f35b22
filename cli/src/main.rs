//! `xianjie`: check articulation data against policy rule packs from the command line.
//!
//! Thin: parses arguments, reads files, calls the core, prints. Exit codes: 0 no error finding,
//! 1 error findings, 2 unusable input (the message names the file and the place).

use clap::{Parser, Subcommand, ValueEnum};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use xianjie::finding::Lang;
use xianjie::rules::{builtin, builtin_packs, find_rule, Pack};
use xianjie::{render, Checker, Dataset, Options, Report};

mod tables;

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

#[derive(Subcommand)]
enum Cmd {
    /// Check data files (JSON, or .xlsx/.csv tables); with no FILE, the bundled sample bj-3p2-2024.
    Check {
        /// Dataset files: JSON, a workbook (.xlsx, one sheet per entity) or CSV (one file per entity).
        files: Vec<PathBuf>,
        /// The entity of a CSV file whose name does not say it (e.g. semester_activities).
        #[arg(long, value_name = "NAME")]
        entity: Option<String>,
        /// The reporting year, for tables without a 数据集 sheet.
        #[arg(long, value_name = "YEAR")]
        year: Option<i32>,
        /// Read one CSV file in batches of N rows (bounded memory; rules across records see one batch).
        #[arg(long, value_name = "N")]
        batch_size: Option<usize>,
        #[command(flatten)]
        packs: PackArgs,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
        /// Language of the table output.
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
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
    /// Print a bundled sample dataset as JSON; with no NAME, list them.
    Sample {
        /// Sample name, e.g. bj-3p2-2024.
        name: Option<String>,
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
    /// progress; printed, or written as a workbook with --out. With no FILE, the bundled sample.
    Summary {
        /// Dataset files (JSON, .xlsx or .csv), read as one dataset.
        files: Vec<PathBuf>,
        /// Output format when printing.
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
        /// Language when printing.
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
        #[command(flatten)]
        packs: PackArgs,
        /// The reporting year, for tables without a 数据集 sheet.
        #[arg(long, value_name = "YEAR")]
        year: Option<i32>,
        /// Write a summary workbook (.xlsx) instead of printing.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Print the JSON Schema of the dataset document (or of the report).
    Schema {
        /// `dataset` or `report`.
        #[arg(default_value = "dataset")]
        of: String,
    },
}

/// An unusable input or argument: exit code 2.
struct Unusable(String);

fn read_dataset(path: &Path) -> Result<Dataset, Unusable> {
    let name = path.display().to_string();
    let text =
        std::fs::read_to_string(path).map_err(|e| Unusable(format!("{name}: cannot read: {e}")))?;
    Dataset::from_json_str(&text).map_err(|e| Unusable(e.with_source(name).to_string()))
}

fn options(a: &PackArgs, lang: Lang) -> Result<Options, Unusable> {
    let mut params = BTreeMap::new();
    if let Some(p) = &a.params_file {
        let name = p.display().to_string();
        let text = std::fs::read_to_string(p)
            .map_err(|e| Unusable(format!("{name}: cannot read: {e}")))?;
        let map: BTreeMap<String, String> = if name.ends_with(".toml") {
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
        let (k, v) = kv
            .split_once('=')
            .ok_or_else(|| Unusable(format!("--param {kv}: expected RULE_ID.NAME=VALUE")))?;
        params.insert(k.trim().to_string(), v.trim().to_string());
    }
    let mut extra = Vec::new();
    for f in &a.pack_files {
        let name = f.display().to_string();
        let text = std::fs::read_to_string(f)
            .map_err(|e| Unusable(format!("{name}: cannot read: {e}")))?;
        extra.push(Pack::from_toml_str(&text, &name).map_err(|e| Unusable(e.to_string()))?);
    }
    Ok(Options {
        packs: a.packs.clone(),
        extra_packs: extra,
        params,
        lang,
    })
}

/// A flat TOML table of strings (numbers are taken as written).
fn toml_map(text: &str) -> Result<BTreeMap<String, String>, String> {
    let v: BTreeMap<String, serde_json::Value> = xianjie::rules::parse_toml_table(text)?;
    Ok(v.into_iter()
        .map(|(k, v)| (k, v.as_str().map_or_else(|| v.to_string(), str::to_string)))
        .collect())
}

fn print_report(r: &Report, format: Format, lang: Lang) {
    match format {
        Format::Json => println!("{}", r.to_json_pretty()),
        _ => print!("{}", render::report_table(r, lang)),
    }
}

fn run(cli: Cli) -> Result<ExitCode, Unusable> {
    match cli.cmd {
        Cmd::Check {
            files,
            entity,
            year,
            batch_size,
            packs,
            format,
            lang,
        } => {
            let lang = Lang::from(lang);
            let checker =
                Checker::new(&options(&packs, lang)?).map_err(|e| Unusable(e.to_string()))?;
            let ropts = tables::read_options(entity.as_deref(), year)?;
            if let (Some(n), [file]) = (batch_size, files.as_slice()) {
                return tables::check_batches(&checker, file, &ropts, n, |r| {
                    print_report(r, format, lang)
                });
            }
            let mut any_error = false;
            let datasets: Vec<(Dataset, Option<xianjie::table::CellMap>)> = if files.is_empty() {
                vec![(
                    xianjie::sample::load("bj-3p2-2024").ok_or_else(|| {
                        Unusable("the bundled sample bj-3p2-2024 is missing".into())
                    })?,
                    None,
                )]
            } else {
                files
                    .iter()
                    .map(|f| {
                        if xianjie::table::is_table_path(f) {
                            tables::read(&[f.as_path()], &ropts).map(|(d, c, bad)| {
                                any_error |= bad;
                                (d, Some(c))
                            })
                        } else {
                            read_dataset(f).map(|d| (d, None))
                        }
                    })
                    .collect::<Result<_, _>>()?
            };
            for (ds, cells) in &datasets {
                let mut r = checker.check(ds);
                if let Some(c) = cells {
                    c.locate(&mut r);
                }
                any_error |= !r.ok;
                print_report(&r, format, lang);
            }
            Ok(if any_error {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Cmd::Rules { pack, format, lang } => {
            let packs: Vec<&Pack> = match &pack {
                Some(id) => vec![builtin(id).ok_or_else(|| {
                    Unusable(format!(
                        "unknown pack {id:?}; built-in packs: {}",
                        xianjie::rules::builtin_ids().join(", ")
                    ))
                })?],
                None => builtin_packs().iter().collect(),
            };
            match format {
                Format::Json => {
                    let all: Vec<&Pack> = packs;
                    println!("{}", serde_json::to_string_pretty(&all).unwrap_or_default());
                }
                Format::Markdown => print!("{}", render::rules_markdown(&packs)),
                Format::Table => print!("{}", render::rules_table(&packs, lang.into())),
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Explain { rule_id, lang } => {
            let (p, r) = find_rule(&rule_id).ok_or_else(|| {
                Unusable(format!(
                    "unknown rule {rule_id:?}; list them with `xianjie rules`"
                ))
            })?;
            print!("{}", render::explain(p, r, lang.into()));
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Sample { name } => {
            match name {
                None => {
                    for n in xianjie::sample::names() {
                        println!("{n}");
                    }
                }
                Some(n) => {
                    let ds = xianjie::sample::load(&n).ok_or_else(|| {
                        Unusable(format!(
                            "unknown sample {n:?}; samples: {}",
                            xianjie::sample::names().join(", ")
                        ))
                    })?;
                    println!("{}", ds.to_json_pretty());
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
                    .map(|id| {
                        builtin(id).ok_or_else(|| {
                            Unusable(format!(
                                "unknown pack {id:?}; built-in packs: {}",
                                xianjie::rules::builtin_ids().join(", ")
                            ))
                        })
                    })
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
            year,
            out,
        } => {
            let checker =
                Checker::new(&options(&packs, Lang::Zh)?).map_err(|e| Unusable(e.to_string()))?;
            let ropts = tables::read_options(None, year)?;
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
                (true, [one]) => (read_dataset(one)?, None),
                (false, []) => {
                    let (d, c, _) = tables::read(&tabular, &ropts)?;
                    (d, Some(c))
                }
                _ => {
                    return Err(Unusable(
                        "summary: give one JSON dataset, or table files (.xlsx/.csv)".into(),
                    ))
                }
            };
            let mut r = checker.check(&ds);
            if let Some(c) = &cells {
                c.locate(&mut r);
            }
            let Some(out) = out else {
                let summary = xianjie::aggregate::summary(&ds, &r);
                match format {
                    Format::Json => println!(
                        "{}",
                        serde_json::to_string_pretty(&summary).unwrap_or_default()
                    ),
                    _ => print!("{}", render::summary_table(&summary, lang.into())),
                }
                return Ok(ExitCode::SUCCESS);
            };
            let bytes =
                xianjie::table::summary_workbook(&ds, &r).map_err(|e| Unusable(e.to_string()))?;
            tables::write(&out, &bytes)?;
            eprintln!(
                "{}: {} findings ({} errors)",
                out.display(),
                r.findings.len(),
                r.counts.error
            );
            Ok(if r.ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Cmd::Schema { of } => {
            match of.as_str() {
                "dataset" => println!("{}", xianjie::schema::dataset_schema()),
                "report" => println!("{}", xianjie::schema::report_schema()),
                other => {
                    return Err(Unusable(format!(
                        "schema {other:?}: expected `dataset` or `report`"
                    )))
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(Unusable(msg)) => {
            eprintln!("xianjie: {msg}");
            ExitCode::from(2)
        }
    }
}
