#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! What a person at a terminal gets: tables fitted to the width without breaking an id or a path,
//! colour only on a terminal and never with NO_COLOR, Markdown tables, findings workbooks,
//! completions, and the words on stderr.

use std::path::PathBuf;
use std::process::{Command, Output};
use unicode_width::UnicodeWidthStr;

fn xianjie_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_xianjie"));
    c.args(args).env_remove("COLUMNS").env_remove("NO_COLOR");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("run xianjie")
}

fn xianjie(args: &[&str]) -> Output {
    xianjie_env(args, &[])
}

fn dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("xianjie-terminal-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).unwrap()
}

/// The sample's report as JSON: the rule ids and paths the tables must show whole.
fn sample_report() -> serde_json::Value {
    let out = xianjie(&["check", "--format", "json"]);
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn output_to_a_pipe_has_no_escape_code() {
    for args in [
        vec!["check"],
        vec!["check", "--lang", "en"],
        vec!["summary"],
        vec!["rules"],
        vec!["limits"],
    ] {
        let out = xianjie_env(&args, &[("COLUMNS", "100")]);
        let s = text(&out.stdout);
        assert!(!s.is_empty() && !s.contains('\u{1b}'), "{args:?}: {s:?}");
        // No progress display either: stderr is not a terminal.
        let err = text(&out.stderr);
        assert!(
            !err.contains('\u{1b}') && !err.contains("检查 / checking"),
            "{args:?}: {err}"
        );
        // The break marks used for layout never reach the output.
        assert!(!s.contains('\u{200b}'), "{args:?}");
    }
}

#[test]
fn tables_fit_columns_and_keep_every_id_and_path_whole() {
    let report = sample_report();
    let findings = report["findings"].as_array().unwrap();
    assert!(findings.len() > 20);
    for width in [160usize, 100, 72] {
        let w = width.to_string();
        let out = xianjie_env(&["check"], &[("COLUMNS", &w)]);
        assert_eq!(out.status.code(), Some(1));
        let s = text(&out.stdout);
        for line in s
            .lines()
            .filter(|l| !l.starts_with("检查 ") && !l.starts_with("错误"))
        {
            assert!(
                line.width() <= width,
                "{width}: {line:?} is {}",
                line.width()
            );
        }
        // Each line's words: a rule id or a path is one of them, never cut across lines.
        let words: std::collections::HashSet<&str> = s.split_whitespace().collect();
        for f in findings {
            let rule = f["rule_id"].as_str().unwrap();
            assert!(words.contains(rule), "{width}: {rule} not whole");
            let path = f["locations"][0]["path"].as_str().unwrap();
            assert!(words.contains(path), "{width}: {path} not whole");
        }
    }
    // Without a width (a pipe, no COLUMNS): one line a finding, as `grep` wants.
    let s = text(&xianjie(&["check"]).stdout);
    let lines = s
        .lines()
        .filter(|l| l.contains("bj-3p2-2024/semester-meetings"))
        .count();
    let n = findings
        .iter()
        .filter(|f| f["rule_id"] == "bj-3p2-2024/semester-meetings")
        .count();
    assert!(n > 0 && lines == n, "{lines} lines for {n} findings");
}

#[test]
fn summary_rates_read_one_way() {
    let s = text(&xianjie(&["summary"]).stdout);
    // Every percentage with two decimals, as the workbook's `0.00%` shows them.
    let rates: Vec<&str> = s.split_whitespace().filter(|w| w.ends_with('%')).collect();
    assert!(!rates.is_empty(), "{s}");
    for r in &rates {
        let digits = r.trim_end_matches('%');
        let (_, decimals) = digits.split_once('.').unwrap_or(("", ""));
        assert_eq!(decimals.len(), 2, "{r}");
    }
}

/// Runs `args` under a pseudo-terminal (`script` from util-linux), as a person would.
fn on_a_terminal(args: &str, env: &str) -> Option<String> {
    let script = ["/usr/bin/script", "/bin/script"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())?;
    let cmd = format!("{env} COLUMNS=140 {} {args}", env!("CARGO_BIN_EXE_xianjie"));
    let out = Command::new(script)
        .args(["-qec", &cmd, "/dev/null"])
        .env_remove("NO_COLOR")
        .stdin(std::process::Stdio::null())
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn colour_on_a_terminal_unless_no_color() {
    let Some(coloured) = on_a_terminal("check", "") else {
        eprintln!("no `script` on this machine: the terminal case is not run");
        return;
    };
    // Progress on the terminal's stderr while the check runs (cleared after).
    assert!(coloured.contains("检查 / checking"), "{coloured:?}");
    // The error rows' severity in red, the header bold.
    assert!(coloured.contains("\u{1b}[38;5;9m 错误"), "{coloured:?}");
    assert!(coloured.contains("\u{1b}[1m"), "{coloured:?}");
    let plain = on_a_terminal("check", "NO_COLOR=1").unwrap();
    let table: String = plain
        .lines()
        .skip_while(|l| !l.contains("规则"))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(table.contains("错误"), "{plain:?}");
    assert!(!table.contains('\u{1b}'), "{table:?}");
    // An empty NO_COLOR is no request (no-color.org).
    let empty = on_a_terminal("check", "NO_COLOR=").unwrap();
    assert!(empty.contains("\u{1b}[38;5;9m"), "{empty:?}");
}

#[test]
fn markdown_is_real_markdown_tables() {
    let out = xianjie(&["check", "--format", "markdown"]);
    let s = text(&out.stdout);
    let lines: Vec<&str> = s.lines().collect();
    let header = lines
        .iter()
        .position(|l| l.starts_with("| 级别 "))
        .expect("findings header");
    assert_eq!(lines[header - 1], "", "a blank line before the table");
    let delimiter = lines[header + 1];
    assert!(
        delimiter.starts_with("|-") && delimiter.chars().all(|c| matches!(c, '|' | '-')),
        "{delimiter}"
    );
    // Every row of the table has the header's number of cells (no unescaped `|` in a cell).
    let cells = |l: &str| l.replace("\\|", "").matches('|').count();
    for row in lines[header..].iter().take_while(|l| l.starts_with('|')) {
        assert_eq!(cells(row), 7, "{row}");
    }
    // Section titles are headings.
    assert!(s.contains("\n### 未检查的规则\n"), "{s}");
}

#[test]
fn findings_to_a_workbook_jsonl_and_csv_by_the_extension_of_out() {
    let d = dir();
    let n = sample_report()["findings"].as_array().unwrap().len();

    let xlsx = d.join("findings.xlsx");
    let out = xianjie(&["check", "--out", xlsx.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    assert!(err.contains(&format!("{n} findings")), "{err}");
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    use calamine::Reader;
    let sheet = wb.worksheet_range("问题清单").unwrap();
    // The header and one row a finding.
    assert_eq!(sheet.height(), n + 1);
    assert_eq!(
        sheet.get((0, 1)).map(|c| c.to_string()).as_deref(),
        Some("规则编号")
    );

    let jsonl = d.join("findings.jsonl");
    let out = xianjie(&["check", "--out", jsonl.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let lines = std::fs::read_to_string(&jsonl).unwrap();
    assert_eq!(lines.lines().count(), n);
    for l in lines.lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert!(v["rule_id"].is_string());
    }

    let csv = d.join("findings.csv");
    let out = xianjie(&["check", "--out", csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let rows = std::fs::read_to_string(&csv).unwrap();
    assert!(rows.lines().next().unwrap().contains("rule"), "{rows}");

    // --format wins over the extension.
    let named = d.join("report.xlsx.txt");
    let out = xianjie(&[
        "check",
        "--format",
        "json",
        "--out",
        named.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&named).unwrap()).unwrap();
    assert_eq!(v["findings"].as_array().unwrap().len(), n);

    // A workbook is never written to a terminal or a pipe.
    let out = xianjie(&["check", "--format", "xlsx"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--format xlsx"),
        "{}",
        text(&out.stderr)
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = xianjie(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let s = text(&out.stdout);
        for word in [
            "xianjie",
            "check",
            "summary",
            "completions",
            "format",
            "markdown",
        ] {
            assert!(s.contains(word), "{shell}: no {word}");
        }
    }
    // The bash script is valid bash.
    let out = xianjie(&["completions", "bash"]);
    let path = dir().join("xianjie.bash");
    std::fs::write(&path, &out.stdout).unwrap();
    let status = Command::new("bash")
        .args(["-n", path.to_str().unwrap()])
        .status()
        .unwrap();
    assert!(status.success());
    let out = xianjie(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn check_without_a_file_says_it_checks_the_bundled_sample() {
    let out = xianjie(&["check", "--format", "json"]);
    let err = text(&out.stderr);
    assert!(
        err.contains("检查内置样例 bj-3p2-2024") && err.contains("checking the bundled sample"),
        "{err}"
    );
    // stdout is the report alone.
    let _: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // With a file, nothing is said.
    let sample = dir().join("sample.json");
    std::fs::write(&sample, xianjie(&["sample", "bj-3p2-2024"]).stdout).unwrap();
    let out = xianjie(&["check", sample.to_str().unwrap(), "--format", "json"]);
    assert!(
        !text(&out.stderr).contains("bundled"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn summary_out_exits_0_when_the_workbook_is_written() {
    let path = dir().join("summary.xlsx");
    let out = xianjie(&["summary", "--out", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(&std::fs::read(&path).unwrap()[..2], b"PK");
    // The findings are counted on stderr, pointing to `check` for the verdict.
    let err = text(&out.stderr);
    assert!(err.contains("xianjie check"), "{err}");
    // A workbook that cannot be written is exit 2.
    let out = xianjie(&["summary", "--out", "/nonexistent-dir/s.xlsx"]);
    assert_eq!(out.status.code(), Some(2));
}
