#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! A table's unreadable cell, through the command: on stderr as before, and in the JSON report
//! as an input issue with its cell (the same report the Python and JS faces give).

use std::process::Command;

#[test]
fn a_bad_cell_is_an_input_issue_in_the_json_report() {
    let dir = std::env::temp_dir().join(format!("xianjie-cli-cells-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("学期活动.csv");
    std::fs::write(
        &p,
        "项目编号,学期,专题业务沟通会次数,双方教师教研活动次数,派出教师人数\n\
         P1,2023-2024-1,3,3,5\nP2,2023-2024-1,three,3,5\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_xianjie"))
        .args(["check", &p.display().to_string(), "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "a bad cell: exit 1");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("学期活动!C3 (meetings)"), "{stderr}");
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["ok"], false);
    let issues = r["input_issues"].as_array().unwrap();
    assert_eq!(issues.len(), 1);
    assert_eq!(
        issues[0]["loc"],
        format!("{}: 学期活动!C3 meetings", p.display())
    );
    assert_eq!(issues[0]["type"], "type");
    // No finding says the unreadable meetings are missing.
    let paths: Vec<&str> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["locations"][0]["path"].as_str())
        .collect();
    assert!(
        !paths.contains(&"semester_activities[1].meetings"),
        "{paths:?}"
    );
}
