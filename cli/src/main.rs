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
    /// Check data files (JSON); with no FILE, the bundled sample bj-3p2-2024.
    Check {
        /// Dataset files.
        files: Vec<PathBuf>,
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
            serde_json::from_str(&text).map_err(|e| {
                Unusable(format!(
                    "{name}: expected {{\"RULE_ID.NAME\": \"VALUE\"}}: {e}"
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
            packs,
            format,
            lang,
        } => {
            let lang = Lang::from(lang);
            let checker =
                Checker::new(&options(&packs, lang)?).map_err(|e| Unusable(e.to_string()))?;
            let datasets: Vec<Dataset> = if files.is_empty() {
                vec![xianjie::sample::load("bj-3p2-2024")
                    .ok_or_else(|| Unusable("the bundled sample bj-3p2-2024 is missing".into()))?]
            } else {
                files
                    .iter()
                    .map(|f| read_dataset(f))
                    .collect::<Result<_, _>>()?
            };
            let mut any_error = false;
            for ds in &datasets {
                let r = checker.check(ds);
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
