#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! Tabular input and output against fixtures in `tests/fixtures/tables/`, some written by another
//! program (openpyxl; see `gen_tables.py` there).
#![cfg(feature = "tables")]

use std::path::{Path, PathBuf};
use xianjie::input::InputErrorKind;
use xianjie::model::EntityKind;
use xianjie::table::{self, cell_ref, ReadOptions};
use xianjie::{Finding, Options};

/// The Beijing pack, named: these fixtures' schools give no division code (or the records name
/// no school), so their region cannot be told and only a named pack judges them.
fn beijing() -> Options {
    Options {
        packs: vec!["bj-3p2-2024".into()],
        ..Default::default()
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/tables")
        .join(name)
}

fn cell_of(f: &Finding) -> String {
    f.locations
        .first()
        .and_then(|l| l.cell.as_ref())
        .map(cell_ref)
        .unwrap_or_default()
}

fn findings_by_cell(report: &xianjie::Report) -> Vec<(String, String)> {
    let mut v: Vec<_> = report
        .findings
        .iter()
        .map(|f| (f.rule_id().to_string(), cell_of(f)))
        .collect();
    v.sort();
    v
}

/// Regenerates the committed template (run with `--ignored` after changing the model).
#[test]
#[ignore]
fn write_template_fixture() {
    let pack = xianjie::rules::builtin("bj-3p2-2024").unwrap();
    std::fs::write(
        fixture("template-bj-3p2-2024.xlsx"),
        table::template(&[pack]).unwrap(),
    )
    .unwrap();
}

#[test]
fn workbook_written_by_openpyxl() {
    let read = table::read_path(&fixture("activities.xlsx"), &ReadOptions::default()).unwrap();
    // The bad cell is reported at its cell, with its field…
    let issues: Vec<_> = read
        .issues
        .iter()
        .map(|i| (i.cell_ref(), i.field.clone().unwrap_or_default(), i.kind))
        .collect();
    assert_eq!(
        issues,
        [(
            "学期活动!D3".to_string(),
            "joint_research".to_string(),
            InputErrorKind::Type
        )],
        "{:#?}",
        read.issues
    );
    assert_eq!(read.dataset.reporting_year, Some(2024));
    // …and the rest of the sheet is still read: 5 data rows (one blank row skipped).
    assert_eq!(read.dataset.semester_activities.len(), 5);
    let a = &read.dataset.semester_activities;
    // Numbers stored as text, full-width digits, stray spaces, Chinese semester form.
    assert_eq!(
        (a[1].project.as_str(), a[1].meetings, a[1].joint_research),
        ("P2", Some(2), None)
    );
    assert_eq!(
        (
            a[2].project.as_str(),
            a[2].meetings,
            a[2].teachers_dispatched
        ),
        ("P3", Some(3), Some(4))
    );
    assert_eq!(a[3].semester.to_string(), "2023-2024-2");
    // Applications: merged two-row header; dates as serials and as text, Beijing time.
    let apps = &read.dataset.applications;
    assert_eq!(apps.len(), 3);
    assert_eq!(
        apps[0].submitted_at.unwrap().to_rfc3339(),
        "2024-02-26T10:30:00+08:00"
    );
    assert_eq!(
        apps[1].submitted_at.unwrap().to_rfc3339(),
        "2024-02-27T17:30:00+08:00"
    );
    assert_eq!(
        apps[2].attachments.training_plan.as_deref(),
        Some("方案.docx")
    );

    let report = table::check_table(&read, &Options::default()).unwrap();
    let got = findings_by_cell(&report);
    let want = |rule: &str, cell: &str| (format!("bj-3p2-2024/{rule}"), cell.to_string());
    for w in [
        // Other rows' findings are still reported, at their cells.
        want("semester-meetings", "学期活动!C5"),
        want("semester-teachers-dispatched", "学期活动!E4"),
        want("upload-deadline", "申报!K4"),
        want("application-attachments", "申报!H5"),
    ] {
        assert!(got.contains(&w), "missing {w:?} in {got:#?}");
    }
}

#[test]
fn gb18030_csv_with_a_bad_cell() {
    let read = table::read_path(&fixture("学期活动.csv"), &ReadOptions::default()).unwrap();
    let issues: Vec<_> = read.issues.iter().map(|i| (i.cell_ref(), i.kind)).collect();
    assert_eq!(
        issues,
        [("学期活动!C3".to_string(), InputErrorKind::Type)],
        "{:#?}",
        read.issues
    );
    assert_eq!(read.dataset.semester_activities.len(), 5);
    assert_eq!(read.cells.len_of(EntityKind::SemesterActivities), 5);
    let report = table::check_table(&read, &beijing()).unwrap();
    let got = findings_by_cell(&report);
    assert!(
        got.contains(&(
            "bj-3p2-2024/semester-joint-research".into(),
            "学期活动!D4".into()
        )),
        "{got:#?}"
    );
    assert!(
        got.contains(&("bj-3p2-2024/semester-meetings".into(), "学期活动!C5".into())),
        "{got:#?}"
    );
}

#[test]
fn template_filled_by_openpyxl_round_trip() {
    let read = table::read_path(&fixture("template-filled.xlsx"), &ReadOptions::default()).unwrap();
    assert!(read.issues.is_empty(), "{:#?}", read.issues);
    assert_eq!(read.dataset.reporting_year, Some(2024));
    assert_eq!(read.dataset.schools.len(), 2);
    assert_eq!(read.dataset.semester_activities.len(), 2);
    let report = table::check_table(&read, &beijing()).unwrap();
    let got = findings_by_cell(&report);
    assert!(
        got.contains(&(
            "bj-3p2-2024/semester-meetings".into(),
            "学期衔接活动!B3".into()
        )),
        "{got:#?}"
    );
    // The summary workbook of the result reads back as a workbook (its sheets are not entities).
    let bytes = table::summary_workbook(&read.dataset, &report).unwrap();
    assert_eq!(&bytes[..2], b"PK");
}

#[test]
fn csv_line_numbers_survive_blank_lines_crlf_and_quoted_breaks() {
    let csv = "project,semester,meetings\r\nP1,2023-2024-1,2\r\n\r\n\"P\n2\",2023-2024-1,x\r\nP3,2023-2024-1,y";
    let read = table::read_csv(
        csv.as_bytes(),
        "semester_activities",
        &ReadOptions::default(),
    )
    .unwrap();
    let cells: Vec<_> = read.issues.iter().map(|i| i.cell_ref()).collect();
    assert_eq!(cells, ["semester_activities!C4", "semester_activities!C6"]);
}

#[test]
fn templates_for_every_builtin_pack_read_back_clean() {
    for pack in xianjie::rules::builtin_packs() {
        let bytes = table::template(&[pack]).unwrap();
        let read = table::read_xlsx(&bytes, &ReadOptions::default()).unwrap();
        assert!(read.issues.is_empty(), "{}: {:#?}", pack.id, read.issues);
    }
    let all: Vec<_> = xianjie::rules::builtin_packs().iter().collect();
    let kinds = table::template::entities_for(&all);
    assert!(
        kinds.contains(&EntityKind::SemesterActivities) && kinds.contains(&EntityKind::Schools)
    );
}

/// The template guides the clerk: every column has an input message with its type (and an
/// example where one helps), numbers and dates a range that warns, enumerations a list; the key
/// columns (which record a row is) come first.
#[test]
fn template_columns_have_validation_messages_and_keys_first() {
    use std::io::Read;
    let pack = xianjie::rules::builtin("bj-3p2-2024").unwrap();
    let bytes = table::template(&[pack]).unwrap();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let workbook = {
        let mut s = String::new();
        z.by_name("xl/workbook.xml")
            .unwrap()
            .read_to_string(&mut s)
            .unwrap();
        s
    };
    // Sheet order: 说明, 数据集, then the entities; find the semester sheet's part.
    let names: Vec<&str> = workbook
        .split("<sheet name=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    let zh = EntityKind::SemesterActivities.zh();
    let i = names
        .iter()
        .position(|n| *n == zh)
        .unwrap_or_else(|| panic!("{names:?}"))
        + 1;
    let mut sheet = String::new();
    z.by_name(&format!("xl/worksheets/sheet{i}.xml"))
        .unwrap()
        .read_to_string(&mut sheet)
        .unwrap();
    // The project and the semester first: which record the row is.
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
    let range = wb.worksheet_range(zh).unwrap();
    let head: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert!(head[0].starts_with("项目"), "{head:?}");
    assert!(head[1].starts_with("学期"), "{head:?}");
    // Counts: whole numbers ≥ 0 that warn, with an input message saying so.
    assert!(
        sheet.contains(r#"type="whole" errorStyle="warning""#),
        "{sheet}"
    );
    assert!(sheet.contains("整数 / whole number"), "{sheet}");
    let validations = sheet.matches("<dataValidation ").count();
    let columns = head.len();
    assert_eq!(validations, columns, "one validation per column");
    assert_eq!(sheet.matches("showInputMessage=\"1\"").count(), columns);
}

/// A workbook as clerks fill it: Chinese values (中职, 技校, 职业技术学院, 院长, 书记) read as the
/// model's values, and the leading-group rule accepts 院长 and 书记 as principal leaders.
#[test]
fn workbook_with_chinese_values() {
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("schools").unwrap();
    let head = [
        "id",
        "name",
        "level",
        "governance.leading_group.head",
        "governance.leading_group.head_role",
    ];
    let rows = [
        ["S1", "某某中等职业学校", "中职", "张三", "校长"],
        ["S2", "某某技工学校", "技校", "李四", "书记"],
        ["H1", "某某职业技术学院", "职业技术学院", "王五", "院长"],
        ["S3", "某某职业高中", " 职业高中 ", "赵六", "副校长"],
    ];
    for (c, h) in head.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32 + 1, c as u16, *v).unwrap();
        }
    }
    let bytes = wb.save_to_buffer().unwrap();
    let read = table::read_xlsx(&bytes, &ReadOptions::default()).unwrap();
    assert!(read.issues.is_empty(), "{:#?}", read.issues);
    use xianjie::model::{HeadRole, SchoolLevel};
    let got: Vec<_> = read
        .dataset
        .schools
        .iter()
        .map(|s| {
            let role = s
                .governance
                .as_ref()
                .and_then(|g| g.leading_group.as_ref())
                .and_then(|l| l.head_role);
            (s.level, role)
        })
        .collect();
    assert_eq!(
        got,
        [
            (SchoolLevel::Secondary, Some(HeadRole::Principal)),
            (SchoolLevel::Technician, Some(HeadRole::PartySecretary)),
            (SchoolLevel::Higher, Some(HeadRole::Principal)),
            (SchoolLevel::Secondary, Some(HeadRole::VicePrincipal)),
        ]
    );
    let report = table::check_table(&read, &beijing()).unwrap();
    let roles: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule_id() == "bj-3p2-2024/leading-group")
        .filter(|f| f.locations.iter().any(|l| l.path.ends_with("head_role")))
        .map(cell_of)
        .collect();
    // Only the vice principal's row is told the head is not a principal leader.
    assert_eq!(roles, ["schools!E5"], "{roles:?}");
}

/// An unknown value in a cell is reported at the cell, listing the Chinese labels in Chinese and
/// the wire names in English.
#[test]
fn workbook_cell_with_an_unknown_value() {
    let csv = "id,name,level\nS1,某校,小学\n";
    let read = table::read_csv(csv.as_bytes(), "schools", &ReadOptions::default()).unwrap();
    assert_eq!(read.issues.len(), 1, "{:#?}", read.issues);
    let i = &read.issues[0];
    assert_eq!(i.kind, InputErrorKind::Value);
    assert_eq!(i.cell_ref(), "schools!C2");
    let text = format!("{i:?}");
    assert!(text.contains("中职学校、技工学校、高职学校"), "{text}");
    assert!(text.contains("secondary, technician, higher"), "{text}");
}

/// The template's dropdowns offer the Chinese labels.
#[test]
fn template_dropdowns_offer_chinese_labels() {
    use std::io::Read;
    let pack = xianjie::rules::builtin("bj-3p2-2024").unwrap();
    let bytes = table::template(&[pack]).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut all = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().starts_with("xl/worksheets/") {
            f.read_to_string(&mut all).unwrap();
        }
    }
    assert!(
        all.contains("中职学校,技工学校,高职学校"),
        "no Chinese level list"
    );
    assert!(
        !all.contains("secondary,technician"),
        "English codes offered"
    );
}
