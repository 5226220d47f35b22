#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! The summary workbook prints: converted to PDF by LibreOffice headless (what a commission's
//! clerk does with 打印 / 导出PDF), it gives a handful of A4 pages whose first page is the title
//! block and whose findings pages carry their header, title and page numbers; and its numbers are
//! numbers. Needs `soffice` (Debian `libreoffice-calc-nogui`) and `pdftotext`/`pdfinfo` (Debian
//! `poppler-utils`); `scripts/test.sh` installs them. Set `XIANJIE_SKIP=print` to skip locally.
#![cfg(feature = "tables")]

use std::io::{Cursor, Read};
use std::path::Path;
use std::process::Command;
use xianjie::table;

fn skipped() -> bool {
    let skip = std::env::var("XIANJIE_SKIP").unwrap_or_default();
    if skip.split(',').any(|s| s.trim() == "print") {
        eprintln!("XIANJIE_SKIP=print: the PDF rendering tests are skipped");
        return true;
    }
    false
}

fn summary(sample: &str) -> Vec<u8> {
    let ds = xianjie::sample::load(sample).unwrap();
    let report = xianjie::check(&ds, &Default::default()).unwrap();
    table::summary_workbook(&ds, &report).unwrap()
}

fn part(xlsx: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(Cursor::new(xlsx)).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| {
        panic!(
            "{cmd:?}: {e}; install LibreOffice and poppler (apt-get install -y \
             libreoffice-calc-nogui poppler-utils) or set XIANJIE_SKIP=print"
        )
    });
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The workbook as LibreOffice prints it: (pages, text of each page).
fn print(xlsx: &[u8], dir: &Path) -> (usize, Vec<String>) {
    let file = dir.join("summary.xlsx");
    std::fs::write(&file, xlsx).unwrap();
    // A profile of its own: a second LibreOffice (another test, a desktop session) cannot block it.
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    run(Command::new("soffice")
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(&file));
    let pdf = dir.join("summary.pdf");
    let info = run(Command::new("pdfinfo").arg(&pdf));
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    let text = run(Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-"));
    (pages, text.split('\u{c}').map(str::to_owned).collect())
}

#[test]
#[cfg(not(feature = "lean-packs"))] // the lean packs leave out the issuer the cover prints
fn the_beijing_summary_prints_as_titled_numbered_a4_pages() {
    if skipped() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("xianjie-print-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let xlsx = summary("bj-3p2-2024");
    let (pages, text) = print(&xlsx, &dir);
    // One page for the cover, the findings, each group of rates, the applications and targets;
    // the sample's 1,486 semester rows take about thirty; the campaign two or three; then one
    // page per applying school's 汇总表 (59 in the sample). Not hundreds of cut-up pages: every
    // sheet is one page wide.
    assert!((70..=120).contains(&pages), "{pages} pages");
    let first = &text[0];
    for want in [
        "中高职衔接数据检查汇总",
        "京教函〔2024〕51号",
        "北京市教育委员会",
        "bj-3p2-2024",
        "2024",
        "生成时间",
        "错误 / errors",
        "第 1 页,共",
    ] {
        assert!(first.contains(want), "first page lacks {want:?}:\n{first}");
    }
    // The findings sheet starts on page 2 with its header row, and what prints is the Chinese a
    // clerk acts on (the English columns are for the screen).
    let findings = &text[1];
    for want in [
        "问题清单",
        "严重程度",
        "规则编号",
        "说明",
        "整改建议",
        "第 2 页",
    ] {
        assert!(
            findings.contains(want),
            "page 2 lacks {want:?}:\n{findings}"
        );
    }
    assert!(!findings.contains("Remedy"), "{findings}");
    // The header row repeats on every page of a long sheet.
    // (The cover lists the sheets too: it is not one of them.)
    let compliance: Vec<&String> = text[1..]
        .iter()
        .filter(|p| p.contains("学期合规"))
        .collect();
    assert!(compliance.len() > 1, "the semester sheet is one page");
    assert!(compliance.iter().all(|p| p.contains("全部达标")));
    // Each secondary school's 汇总表 prints on one A4 page of its own: the notice's title, the
    // school, the date, its entries with the rules they break, the seal and signature block.
    let sheets: Vec<(usize, &String)> = text
        .iter()
        .enumerate()
        .filter(|(_, p)| p.contains("2024年拟新增“3+2”中高职衔接申报项目汇总表"))
        .collect();
    assert_eq!(sheets.len(), 59, "one page per applying school");
    let (n, shop) = sheets
        .iter()
        .find(|(_, p)| p.contains("学校:北京市商业学校(S01)"))
        .expect("the sheet of 北京市商业学校");
    for want in [
        "填报日期:2024年02月26日",
        "排序",
        "违反规则",
        "A0002",
        "学校(盖章)",
        "校长(签字)",
        "经办人(签字)",
        "日期:",
        "汇总表-2024-北京市商业学校",
    ] {
        assert!(
            shop.contains(want),
            "the 汇总表 page lacks {want:?}:\n{shop}"
        );
    }
    // An entry breaking a rule names it on the sheet.
    assert!(
        sheets
            .iter()
            .any(|(_, p)| p.contains("bj-3p2-2024/application-attachments")),
        "no 汇总表 marks a rule"
    );
    let size = run(Command::new("pdfinfo")
        .args(["-f", &(n + 1).to_string(), "-l", &(n + 1).to_string()])
        .arg(dir.join("summary.pdf")));
    assert!(size.contains("(A4)"), "{size}");
    // The campaign table: by district with the city total, then by school.
    assert!(text
        .iter()
        .any(|p| p.contains("填报情况-区县") && p.contains("合计")));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn each_city_sample_has_its_own_sheets() {
    let names = |sample: &str| {
        let workbook = part(&summary(sample), "xl/workbook.xml");
        workbook
            .split("<sheet name=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next().map(str::to_owned))
            .collect::<Vec<_>>()
    };
    let bj = names("bj-3p2-2024");
    assert!(bj.contains(&"填报情况-区县".to_string()), "{bj:?}");
    assert!(bj.contains(&"填报情况-学校".to_string()));
    assert_eq!(
        bj.iter().filter(|n| n.starts_with("汇总表-2024-")).count(),
        59
    );
    assert!(bj.iter().all(|n| n.chars().count() <= 31));
    assert!(!bj.contains(&"细则指标".to_string()) && !bj.contains(&"专业调整台账".to_string()));
    let qz = names("qz-pilot-2024");
    for want in ["细则指标", "经费结算", "目标-按年度"] {
        assert!(qz.contains(&want.to_string()), "{qz:?}");
    }
    assert!(!qz
        .iter()
        .any(|n| n.starts_with("汇总表-") || n.starts_with("填报情况")));
    let hh = names("hhht-majors-2022");
    assert!(hh.contains(&"专业调整台账".to_string()), "{hh:?}");
    assert!(!hh.contains(&"细则指标".to_string()));
}

#[test]
fn a_school_sheet_is_a4_with_its_print_area_and_repeated_header() {
    let xlsx = summary("bj-3p2-2024");
    let workbook = part(&xlsx, "xl/workbook.xml");
    // Sheets are numbered in order; the first 汇总表 is the one after the campaign's two.
    let names: Vec<String> = workbook
        .split("<sheet name=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next().map(str::to_owned))
        .collect();
    let i = names.iter().position(|n| n.starts_with("汇总表-")).unwrap();
    let sheet = part(&xlsx, &format!("xl/worksheets/sheet{}.xml", i + 1));
    assert!(sheet.contains(r#"paperSize="9""#), "A4");
    assert!(sheet.contains(r#"fitToHeight="0""#), "one page wide");
    assert!(sheet.contains("<mergeCell "), "the title spans the table");
    assert!(
        workbook.contains(&format!(
            r#"<definedName name="_xlnm.Print_Titles" localSheetId="{i}">'{}'!$4:$4</definedName>"#,
            names[i]
        )) || workbook.contains(&format!(
            r#"<definedName name="_xlnm.Print_Titles" localSheetId="{i}">{}!$4:$4</definedName>"#,
            names[i]
        )),
        "{workbook}"
    );
}

#[test]
fn every_sheet_is_set_up_for_a4_and_the_findings_print_area_is_the_chinese_columns() {
    let xlsx = summary("bj-3p2-2024");
    let workbook = part(&xlsx, "xl/workbook.xml");
    assert!(workbook.contains("<sheet name=\"封面\""), "{workbook}");
    // The header row repeated on every printed page, and the findings' printed columns A–H.
    assert!(workbook.contains("_xlnm.Print_Titles"), "{workbook}");
    assert!(
        workbook
            .contains(r#"<definedName name="_xlnm.Print_Area" localSheetId="1">问题清单!$A$1:$H$"#),
        "print area of the findings: {workbook}"
    );
    let findings = part(&xlsx, "xl/worksheets/sheet2.xml");
    assert!(findings.contains(r#"paperSize="9""#), "A4");
    assert!(findings.contains(r#"orientation="landscape""#));
    assert!(findings.contains(r#"fitToHeight="0""#), "one page wide");
    assert!(findings.contains("&amp;P"), "page numbers");
    // Wrapped rows are given their height: nothing is cut off on paper.
    assert!(findings.contains("customHeight=\"1\""));
}

#[test]
fn years_rates_values_and_goals_are_numbers() {
    use calamine::{Data, Reader};
    let xlsx = summary("hhht-majors-2022");
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(xlsx)).unwrap();
    let cover = wb.worksheet_range("封面").unwrap();
    let year = cover
        .rows()
        .find(|r| r[0].to_string().starts_with("填报年度"))
        .map(|r| r[1].clone());
    assert!(
        matches!(year, Some(Data::Float(y)) if y > 2000.0),
        "{year:?}"
    );
    let targets = wb.worksheet_range("目标进度").unwrap();
    let header: Vec<String> = targets
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (year, value, goal) = (col("年度"), col("当前值"), col("目标"));
    let rows: Vec<_> = targets.rows().skip(1).collect();
    assert!(!rows.is_empty());
    for r in &rows {
        for c in [year, value, goal] {
            assert!(matches!(r[c], Data::Float(_)), "{:?} in {:?}", r[c], r);
        }
    }
    // A share is stored as the fraction with a percentage format: 65% is 0.65.
    assert!(
        rows.iter()
            .any(|r| matches!(r[value], Data::Float(v) if (v - 0.65).abs() < 1e-12)),
        "{rows:?}"
    );
}

#[test]
fn schools_past_the_sheet_cap_are_counted_on_a_last_sheet() {
    // 305 applying schools: 300 sheets of their own, then one saying 5 more are on 申报汇总.
    let schools: Vec<String> = (0..305)
        .map(|i| format!(r#"{{"id": "S{i}", "name": "学校{i}", "level": "secondary", "district": "110108"}}"#))
        .chain([r#"{"id": "H1", "name": "高职", "level": "higher", "district": "110108", "independent": true}"#.to_string()])
        .collect();
    let apps: Vec<String> = (0..305)
        .map(|i| format!(r#"{{"id": "A{i}", "year": 2024, "secondary_school": "S{i}", "higher_school": "H1", "rank": 1, "secondary_major": {{"code": "710201"}}, "higher_major": {{"code": "510201"}}}}"#))
        .collect();
    let ds = xianjie::Dataset::from_json_str(&format!(
        r#"{{"reporting_year": 2024, "schools": [{}], "applications": [{}]}}"#,
        schools.join(","),
        apps.join(",")
    ))
    .unwrap();
    let report = xianjie::check(&ds, &Default::default()).unwrap();
    let xlsx = table::summary_workbook(&ds, &report).unwrap();
    let workbook = part(&xlsx, "xl/workbook.xml");
    assert_eq!(
        workbook.matches("<sheet name=\"汇总表-2024-").count(),
        300,
        "{workbook}"
    );
    assert!(
        workbook.contains("<sheet name=\"汇总表-其余\""),
        "{workbook}"
    );
}
