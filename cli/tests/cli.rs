#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! The command as a user runs it: exit codes, messages that name the file and place.

use std::process::{Command, Output};

fn xianjie(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xianjie"))
        .args(args)
        .output()
        .expect("run xianjie")
}

fn tmp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("xianjie-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

#[test]
fn malformed_json_exits_2_naming_file_line_and_column() {
    let f = tmp(
        "broken.json",
        "{\"reporting_year\": 2024,\n \"schools\": [}\n",
    );
    let out = xianjie(&["check", &f]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.json:2:"), "{err}");
    assert!(
        err.contains("JSON 格式错误(第2行第14列):括号不配对"),
        "{err}"
    );
}

#[test]
fn wrong_type_exits_2_naming_the_json_path() {
    let f = tmp(
        "typed.json",
        r#"{"semester_activities": [{"project": "P1", "semester": "2023-2024-1", "meetings": "two"}]}"#,
    );
    let out = xianjie(&["check", &f]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("semester_activities[0].meetings"), "{err}");
}

#[test]
fn findings_exit_1_and_clean_data_exits_0() {
    let bad = tmp(
        "bad.json",
        r#"{"reporting_year": 2024, "semester_activities": [{"project": "P1", "semester": "2023-2024-1", "meetings": 1, "joint_research": 3, "teachers_dispatched": 5}]}"#,
    );
    let out = xianjie(&["check", &bad, "--pack", "bj-3p2-2024"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("bj-3p2-2024/semester-meetings")
            && text.contains("京教函〔2024〕51号 三(二)"),
        "{text}"
    );
    assert!(text.contains("还需召开1次沟通会"), "{text}");

    let good = tmp(
        "good.json",
        r#"{"reporting_year": 2024, "semester_activities": [{"project": "P1", "semester": "2023-2024-1", "meetings": 2, "joint_research": 3, "teachers_dispatched": 5}]}"#,
    );
    let out = xianjie(&["check", &good, "--pack", "bj-3p2-2024", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ok"], true);
}

#[test]
fn rules_json_lists_all_22_beijing_ids() {
    let out = xianjie(&["rules", "--pack", "bj-3p2-2024", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v[0]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 22);
    assert!(ids.contains(&"bj-3p2-2024/five-year-reporting-from-2024"));
}

#[test]
fn rules_markdown_is_the_generated_catalogue() {
    let out = xianjie(&["rules", "--format", "markdown"]);
    let md = String::from_utf8_lossy(&out.stdout);
    let on_disk =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/rules.md")).unwrap();
    assert_eq!(
        md, on_disk,
        "docs/rules.md must be what `xianjie rules --format markdown` prints"
    );
}

#[test]
fn unknown_rule_pack_and_param_exit_2() {
    assert_eq!(xianjie(&["explain", "no/such-rule"]).status.code(), Some(2));
    assert_eq!(xianjie(&["rules", "--pack", "nope"]).status.code(), Some(2));
    let f = tmp("p.json", "{}");
    let out = xianjie(&["check", &f, "--param", "bj-3p2-2024/semester-meetings.min"]);
    assert_eq!(out.status.code(), Some(2));
}

/// The core's pack errors name no flag (Python and JavaScript read them too); the command says
/// which of its flags brought the faulty pack or parameter in.
#[test]
fn pack_errors_name_the_flag() {
    let f = tmp("flags.json", "{}");
    for args in [
        vec!["check", f.as_str(), "--pack", "nope"],
        vec!["rules", "--pack", "nope"],
    ] {
        let out = xianjie(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("--pack nope: 没有标识为“nope”的内置规则包;内置规则包:"),
            "{err}"
        );
        assert!(
            err.contains(" / unknown pack \"nope\"; built-in packs: "),
            "{err}"
        );
        assert!(err.contains("bj-3p2-2024"), "{err}");
    }
    let out = xianjie(&["check", &f, "--param", "nowhere/rule.x=1"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--param nowhere/rule.x: "), "{err}");
    let out = xianjie(&[
        "check",
        &f,
        "--param",
        "bj-3p2-2024/semester-meetings.colour=red",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--param bj-3p2-2024/semester-meetings.colour: 规则bj-3p2-2024/semester-meetings没有参数`colour` / rule bj-3p2-2024/semester-meetings has no parameter `colour`"),
        "{err}"
    );
}

#[test]
fn explain_quotes_the_clause() {
    let out = xianjie(&["explain", "bj-3p2-2024/semester-meetings"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("高职学校每学期须牵头召开至少2次双方专题业务沟通会"),
        "{text}"
    );
}

#[test]
fn summary_prints_rates_and_the_ranked_application_table() {
    let out = xianjie(&["summary"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("转段升学率(按入学年份)"), "{text}");
    assert!(text.contains("新增项目申报汇总表"), "{text}");
    let out = xianjie(&["summary", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["transfer_by_year"]
        .as_array()
        .is_some_and(|a| !a.is_empty()));
    assert!(v["semesters"].as_array().is_some_and(|a| a.len() == 4));
}

#[test]
fn each_samples_summary_shows_its_citys_tables() {
    let sample = |name: &str| {
        let out = xianjie(&["sample", name]);
        tmp(
            &format!("{name}.json"),
            &String::from_utf8_lossy(&out.stdout),
        )
    };
    let text = |args: &[&str]| {
        let out = xianjie(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    // Beijing: the campaign by district and school, and the 汇总表 entries that break a rule.
    let bj = text(&["summary"]);
    for want in [
        "人才培养状态数据填报(2024年填报,截止2024-02-27 17:00)",
        "北京市 海淀区",
        "合计",
        "汇总表中违反规则的条目",
        "bj-3p2-2024/application-attachments",
    ] {
        assert!(bj.contains(want), "Beijing lacks {want:?}");
    }
    assert!(!bj.contains("专业调整台账") && !bj.contains("高职校区办学条件指标"));
    // Quzhou: indicators with value, bound and verdict; settlements; targets by year.
    let qz = text(&["summary", &sample("qz-pilot-2024"), "--lang", "en"]);
    for want in [
        "Higher-stage campus indicators",
        "14.5",
        "≥ 15",
        "failed",
        "Finance settlements",
        "59.5%",
        "Targets for 2027",
    ] {
        assert!(qz.contains(want), "Quzhou lacks {want:?}:\n{qz}");
    }
    assert!(!qz.contains("Status-data campaign"));
    // Hohhot: the ledger, and why the discontinue column is empty without a class size.
    let path = sample("hhht-majors-2022");
    let hh = text(&["summary", &path]);
    assert!(hh.contains("专业调整台账"), "{hh}");
    assert!(
        hh.contains("hhht-majors-2022/small-major-discontinue 未检查"),
        "{hh}"
    );
    let json = text(&[
        "summary",
        &path,
        "--format",
        "json",
        "--param",
        "hhht-majors-2022/small-major-discontinue.class_size=30",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = v["major_ledger"]["rows"].as_array().unwrap();
    assert!(rows.iter().any(|r| r["discontinue"].is_array()));
    assert!(v.get("pilot").is_none() && v.get("status_campaign").is_none());
}

#[test]
fn the_guides_limits_section_is_what_xianjie_limits_prints() {
    let out = xianjie(&["limits", "--format", "markdown"]);
    assert_eq!(out.status.code(), Some(0));
    let table = String::from_utf8(out.stdout).unwrap();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/guide.md");
    let guide = std::fs::read_to_string(path).unwrap();
    let begin = "<!-- limits:begin (generated by `xianjie limits --format markdown`) -->\n";
    let end = "<!-- limits:end -->";
    let (head, rest) = guide.split_once(begin).expect("limits:begin marker");
    let (_, tail) = rest.split_once(end).expect("limits:end marker");
    let fresh = format!("{head}{begin}{}{end}{tail}", table.trim_start());
    if std::env::var_os("XIANJIE_BLESS").is_some() {
        std::fs::write(path, &fresh).unwrap();
        return;
    }
    assert!(
        guide == fresh,
        "docs/guide.md's limits section is stale: run `XIANJIE_BLESS=1 cargo test -p xianjie-cli --test cli`"
    );
}
