//! A table's unreadable cells are reported in the report itself (`input_issues`, each at its
//! cell), the findings a rule would raise on exactly that field are withheld and counted in the
//! rule's status, and the report is not `ok`: the same on every face. Inputs are generated here.
#![cfg(feature = "tables")]

use xianjie::model::EntityKind;
use xianjie::report::RuleState;
use xianjie::table::{self, ReadOptions};
use xianjie::{Lang, Options, Report};

const HEADER: &str = "项目编号,学期,专题业务沟通会次数,双方教师教研活动次数,派出教师人数\n";
const MEETINGS: &str = "bj-3p2-2024/semester-meetings";

/// P1 holds 1 meeting (a real finding), P2's meetings cell cannot be read (C3), P3's semester
/// (required) cannot be read (B4, the record is left out), P4 is clean.
fn csv() -> String {
    format!(
        "{HEADER}P1,2023-2024-1,1,3,5\nP2,2023-2024-1,three,3,5\nP3,bad-sem,2,3,5\nP4,2023-2024-1,2,3,5\n"
    )
}

fn opts() -> Options {
    Options {
        packs: vec!["bj-3p2-2024".into()],
        ..Default::default()
    }
}

fn report_of(text: &str) -> Report {
    let read = table::read_csv(
        text.as_bytes(),
        "学期活动",
        &ReadOptions::for_entity(EntityKind::SemesterActivities),
    )
    .unwrap();
    table::check_table(&read, &opts()).unwrap()
}

fn status<'a>(r: &'a Report, id: &str) -> &'a xianjie::report::RuleStatus {
    r.rules.iter().find(|s| s.rule_id == id).unwrap()
}

/// The paths of the meetings rule's findings.
fn meetings(r: &Report) -> Vec<&str> {
    r.findings
        .iter()
        .filter(|f| f.rule_id() == MEETINGS)
        .map(|f| f.path())
        .collect()
}

#[test]
fn bad_cells_are_input_issues_and_their_fields_are_not_judged() {
    let r = report_of(&csv());
    let locs: Vec<(&str, &str)> = r
        .input_issues
        .iter()
        .map(|i| (i.loc.as_str(), i.kind.as_str()))
        .collect();
    assert_eq!(
        locs,
        [
            ("学期活动!C3 meetings", "type"),
            ("学期活动!B4 semester", "value")
        ]
    );
    assert_eq!(r.input_issues[0].line, Some(3));
    assert!(r.input_issues[1].msg_en.contains("this row was not read"));
    // The misleading "meetings not given" on P2 is withheld; P1's real finding stays.
    assert_eq!(meetings(&r), ["semester_activities[0].meetings"]);
    assert!(r
        .findings
        .iter()
        .all(|f| f.path() != "semester_activities[1].meetings"));
    // Other rules on P2 still judged it: its other fields were read.
    assert_eq!(status(&r, "bj-3p2-2024/semester-joint-research").checked, 3);
    // The rule says what it could not judge.
    let s = status(&r, MEETINGS);
    assert_eq!(
        (s.state, s.checked, s.findings),
        (RuleState::Failed, 2, 1),
        "{s:?}"
    );
    assert!(s
        .reason
        .as_ref()
        .unwrap()
        .en
        .starts_with("1 record not checked"));
    assert_eq!(r.counts.error, 1);
    assert_eq!(r.by_rule.get(MEETINGS), Some(&1));
    assert!(!r.ok);
    // In JSON, as every face prints it.
    let json: serde_json::Value = serde_json::from_str(&r.to_json_pretty()).unwrap();
    assert_eq!(json["input_issues"][0]["loc"], "学期活动!C3 meetings");
}

#[test]
fn a_rule_failed_only_on_an_unreadable_cell_passes_the_rest_and_the_report_is_not_ok() {
    let r = report_of(&format!(
        "{HEADER}P1,2023-2024-1,3,3,5\nP2,2023-2024-1,three,3,5\n"
    ));
    assert_eq!(r.counts.error, 0, "{:#?}", r.findings);
    let s = status(&r, MEETINGS);
    assert_eq!((s.state, s.checked, s.findings), (RuleState::Passed, 1, 0));
    assert!(!r.ok, "a cell could not be read: not fully judged");
    let text = xianjie::render::report_table(&r, Lang::En);
    assert!(text.contains("学期活动!C3 meetings"), "{text}");
    assert!(text.contains("not fully checked"), "{text}");
    // The rule checked on some records only is listed with its reason.
    assert!(text.contains("1 record not checked"), "{text}");
    let md = xianjie::render::report_markdown(&r, Lang::Zh);
    assert!(md.contains("| 学期活动!C3 meetings | type |"), "{md}");
}

#[test]
fn a_clean_table_has_no_input_issues_in_its_json() {
    let r = report_of(&format!("{HEADER}P1,2023-2024-1,3,3,5\n"));
    assert!(r.input_issues.is_empty());
    assert!(r.ok);
    assert!(!r.to_json_pretty().contains("input_issues"));
}

#[test]
fn cell_text_in_an_issue_is_escaped_in_text_output() {
    let r = report_of(&format!("{HEADER}P1,2023-2024-1,\u{1b}[31mx\u{202e},3,5\n"));
    assert_eq!(r.input_issues.len(), 1);
    let text = xianjie::render::report_table(&r, Lang::Zh);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "{text:?}"
    );
    assert!(text.contains("\\u{1b}"), "{text}");
}

#[test]
fn a_file_read_from_a_path_is_named_in_the_issue() {
    let dir = std::env::temp_dir().join(format!("xianjie-cell-issues-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("学期活动.csv");
    std::fs::write(&p, csv()).unwrap();
    let (ds, origin) = xianjie::api::read_path_origin(&p, &Default::default()).unwrap();
    let mut r = xianjie::check(&ds, &opts()).unwrap();
    origin.unwrap().apply(&mut r);
    assert_eq!(
        r.input_issues[0].loc,
        format!("{}: 学期活动!C3 meetings", p.display())
    );
    // The same as the table path the CLI takes.
    let read = table::read_path(&p, &ReadOptions::default()).unwrap();
    assert_eq!(table::check_table(&read, &opts()).unwrap(), r);
    // A file that cannot be used at all is still refused.
    let bad = dir.join("学期活动2.csv");
    std::fs::write(&bad, "no,such,columns\n1,2,3\n").unwrap();
    assert!(xianjie::api::read_path_origin(&bad, &Default::default()).is_err());
}

#[test]
fn batches_withhold_by_their_own_rows() {
    // The bad cell is in the second batch: its record is index 0 of the batch, 2 of the file.
    let text = format!(
        "{HEADER}P1,2023-2024-1,3,3,5\nP2,2023-2024-1,3,3,5\nP3,2023-2024-1,three,3,5\nP4,2023-2024-1,1,3,5\n"
    );
    let batches: Vec<_> =
        table::read_csv_batches(text.as_bytes(), "学期活动", &ReadOptions::default(), 2)
            .unwrap()
            .collect();
    let mut r = xianjie::check(&batches[1].dataset, &opts()).unwrap();
    batches[1].apply(&mut r);
    assert_eq!(r.input_issues[0].loc, "学期活动!C4 meetings");
    assert_eq!(meetings(&r), ["semester_activities[3].meetings"]);
}

#[test]
fn a_workbook_cell_is_reported_the_same_way() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("学期活动").unwrap();
    for (c, h) in HEADER.trim().split(',').enumerate() {
        ws.write_string(0, c as u16, h).unwrap();
    }
    for (r, row) in [
        ["P1", "2023-2024-1", "3", "3", "5"],
        ["P2", "2023-2024-1", "三次", "3", "5"],
    ]
    .iter()
    .enumerate()
    {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32 + 1, c as u16, *v).unwrap();
        }
    }
    let bytes = wb.save_to_buffer().unwrap();
    let read = table::read_xlsx(&bytes, &ReadOptions::default()).unwrap();
    let r = table::check_table(&read, &opts()).unwrap();
    assert_eq!(r.input_issues.len(), 1, "{:#?}", r.input_issues);
    assert_eq!(r.input_issues[0].loc, "学期活动!C3 meetings");
    assert!(r.findings.iter().all(|f| f.rule_id() != MEETINGS));
    assert!(!r.ok);
}
