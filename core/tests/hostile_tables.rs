#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! Hostile and broken workbooks and CSV files (issue 10), each generated here: bombs refused
//! before the allocation with a located `limit` issue, wrong reads made right, workbooks out
//! safe to edit. "Fast" is asserted by construction: each bomb, if read, would need gigabytes
//! (a dense 17-billion-cell grid, a 4 MiB part from a few KiB), so a test that finishes at all
//! shows the limit tripped first.
#![cfg(feature = "tables")]

use std::io::{Cursor, Read, Write};
use xianjie::input::{InputError, InputErrorKind};
use xianjie::limits::Limits;
use xianjie::table::{self, read_csv, read_xlsx, ReadOptions};

const HEADER_ROW: &str = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>项目编号</t></is></c><c r="B1" t="inlineStr"><is><t>学期</t></is></c><c r="C1" t="inlineStr"><is><t>专题业务沟通会次数</t></is></c></row>"#;

fn row(r: u32, project: &str, meetings: &str) -> String {
    format!(
        r#"<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{project}</t></is></c><c r="B{r}" t="inlineStr"><is><t>2023-2024-1</t></is></c><c r="C{r}"><v>{meetings}</v></c></row>"#
    )
}

/// A workbook of `sheets` (name, sheetData inner XML, what follows sheetData), optional shared
/// strings XML.
fn xlsx(sheets: &[(&str, &str, &str)], shared: Option<&str>) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut put = |name: &str, body: &str| {
        z.start_file(name, o).unwrap();
        z.write_all(body.as_bytes()).unwrap();
    };
    let mut types = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
    );
    let mut wb = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#,
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (i, (name, data, after)) in sheets.iter().enumerate() {
        let n = i + 1;
        types.push_str(&format!(r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#));
        wb.push_str(&format!(
            r#"<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>"#
        ));
        rels.push_str(&format!(r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#));
        put(
            &format!("xl/worksheets/sheet{n}.xml"),
            &format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{data}</sheetData>{after}</worksheet>"#
            ),
        );
    }
    if let Some(sst) = shared {
        types.push_str(r#"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#);
        rels.push_str(r#"<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#);
        put("xl/sharedStrings.xml", sst);
    }
    types.push_str("</Types>");
    wb.push_str("</sheets></workbook>");
    rels.push_str("</Relationships>");
    put("[Content_Types].xml", &types);
    put(
        "_rels/.rels",
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    );
    put("xl/workbook.xml", &wb);
    put("xl/_rels/workbook.xml.rels", &rels);
    z.finish().unwrap().into_inner()
}

fn activities(data: &str, after: &str) -> Vec<u8> {
    xlsx(&[("学期活动", data, after)], None)
}

fn opts(limits: Limits) -> ReadOptions {
    ReadOptions {
        limits,
        ..Default::default()
    }
}

/// (type, loc) of every issue of a refusal.
fn refusal(r: Result<table::TableRead, InputError>) -> Vec<(InputErrorKind, String)> {
    match r {
        Ok(t) => panic!("read, not refused: {:?}", t.issues),
        Err(e) => e.errors.into_iter().map(|i| (i.kind, i.loc)).collect(),
    }
}

fn limit(loc: &str) -> (InputErrorKind, String) {
    (InputErrorKind::Limit, loc.to_string())
}

#[test]
fn far_corner_cell_is_refused_at_its_cell_or_read_sparse() {
    let data = format!(
        "{HEADER_ROW}{}{}",
        row(2, "P1", "2"),
        r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#
    );
    let wb = activities(&data, "");
    // Default limits: 1,000 columns; the cell is refused where it is, before calamine reads it.
    assert_eq!(
        refusal(read_xlsx(&wb, &ReadOptions::default())),
        [limit("学期活动!XFD1048576")]
    );
    // Raised to Excel's own bounds: read sparse (a dense grid would be 17 billion cells).
    let mut l = Limits::default();
    l.set("columns", "16384").unwrap();
    let read = read_xlsx(&wb, &opts(l)).unwrap();
    assert_eq!(read.dataset.semester_activities.len(), 1);
}

#[test]
fn references_past_the_limits_or_u32_are_limit_issues() {
    for (r, loc) in [
        ("A2000000", "学期活动!A2000000"),
        ("A99999999999", "学期活动!A99999999999"),
        ("ZZZZZZZZZZZZZZ1", "学期活动!ZZZZZZZZZZZZZZ1"),
    ] {
        let data = format!(r#"{HEADER_ROW}<row r="2"><c r="{r}"><v>1</v></c></row>"#);
        assert_eq!(
            refusal(read_xlsx(&activities(&data, ""), &ReadOptions::default())),
            [limit(loc)],
            "{r}"
        );
    }
    // A malformed reference is a syntax refusal at its place.
    let data = format!(r#"{HEADER_ROW}<row r="2"><c r="A1B"><v>1</v></c></row>"#);
    assert_eq!(
        refusal(read_xlsx(&activities(&data, ""), &ReadOptions::default())),
        [(InputErrorKind::Syntax, "学期活动!A1B".to_string())]
    );
}

#[test]
fn references_that_hold_no_data_are_bounded_by_excel_not_by_the_limits() {
    // A `<dimension>` or hyperlink over the whole sheet is common and holds no cell: a file
    // with one is read (only Excel's own bounds apply, which keep calamine's arithmetic safe).
    let data = format!("{HEADER_ROW}{}", row(2, "P1", "2"));
    let link = r#"<hyperlinks><hyperlink ref="A1:XFD1048576" display="x"/></hyperlinks>"#;
    let read = read_xlsx(&activities(&data, link), &ReadOptions::default()).unwrap();
    assert_eq!(read.dataset.semester_activities.len(), 1);
    // Past Excel's bounds it is refused, naming the whole reference.
    let link = r#"<hyperlinks><hyperlink ref="A1:XFE1048576" display="x"/></hyperlinks>"#;
    assert_eq!(
        refusal(read_xlsx(&activities(&data, link), &ReadOptions::default())),
        [limit("学期活动!A1:XFE1048576")]
    );
}

#[test]
fn huge_merge_is_refused_before_it_is_spread() {
    let data = format!("{HEADER_ROW}{}", row(2, "P1", "2"));
    let wb = activities(
        &data,
        r#"<mergeCells count="1"><mergeCell ref="A3:ALL1048576"/></mergeCells>"#,
    );
    assert_eq!(
        refusal(read_xlsx(&wb, &ReadOptions::default())),
        [limit("学期活动!A3:ALL1048576")]
    );
    // Small merges still spread: a merged project cell covers two rows.
    let data = format!(
        r#"{HEADER_ROW}{}<row r="3"><c r="B3" t="inlineStr"><is><t>2023-2024-2</t></is></c><c r="C3"><v>3</v></c></row>"#,
        row(2, "P1", "2")
    );
    let wb = activities(
        &data,
        r#"<mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>"#,
    );
    let read = read_xlsx(&wb, &ReadOptions::default()).unwrap();
    let projects: Vec<_> = read
        .dataset
        .semester_activities
        .iter()
        .map(|a| a.project.as_str())
        .collect();
    assert_eq!(projects, ["P1", "P1"]);
}

#[test]
fn shared_string_bomb_is_refused_before_calamine_reads_it() {
    let sst = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>{}</t></si></sst>"#,
        "a".repeat(4 << 20)
    );
    let wb = xlsx(&[("学期活动", HEADER_ROW, "")], Some(&sst));
    assert!(wb.len() < 64 << 10, "the bomb is small: {}", wb.len());
    // Ratio: 4 MiB from a few KiB.
    assert_eq!(
        refusal(read_xlsx(&wb, &ReadOptions::default())),
        [limit("xl/sharedStrings.xml")]
    );
    // Size, with the ratio check out of the way.
    let mut l = Limits::default();
    l.set("zip_ratio", "1000000").unwrap();
    l.set("zip_part_bytes", "1MiB").unwrap();
    let r = refusal(read_xlsx(&wb, &opts(l.clone())));
    assert_eq!(r, [limit("xl/sharedStrings.xml")]);
    // Length of one string, the part itself allowed.
    l.set("zip_part_bytes", "8MiB").unwrap();
    assert_eq!(
        refusal(read_xlsx(&wb, &opts(l))),
        [limit("xl/sharedStrings.xml#1")]
    );
}

#[test]
fn shared_string_counts_declared_and_real_are_bounded() {
    // calamine reserves room for `uniqueCount` strings: a lie is refused first.
    let sst = r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="99999999999"><si><t>x</t></si></sst>"#;
    let wb = xlsx(&[("学期活动", HEADER_ROW, "")], Some(sst));
    assert_eq!(
        refusal(read_xlsx(&wb, &ReadOptions::default())),
        [limit("xl/sharedStrings.xml")]
    );
    let sst = r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>x</t></si><si><t>y</t></si><si><t>z</t></si></sst>"#;
    let wb = xlsx(&[("学期活动", HEADER_ROW, "")], Some(sst));
    let mut l = Limits::default();
    l.set("shared_strings", "2").unwrap();
    assert_eq!(
        refusal(read_xlsx(&wb, &opts(l))),
        [limit("xl/sharedStrings.xml")]
    );
}

#[test]
fn whitespace_bomb_in_a_sheet_is_refused() {
    let data = format!("{HEADER_ROW}{}{}", " ".repeat(4 << 20), row(2, "P1", "2"));
    let wb = activities(&data, "");
    assert!(wb.len() < 64 << 10);
    assert_eq!(
        refusal(read_xlsx(&wb, &ReadOptions::default())),
        [limit("xl/worksheets/sheet1.xml")]
    );
}

#[test]
fn long_inline_cell_is_refused_at_its_cell() {
    let data = format!(
        r#"{HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>{}</t></is></c></row>"#,
        "甲".repeat(40_000)
    );
    assert_eq!(
        refusal(read_xlsx(&activities(&data, ""), &ReadOptions::default())),
        [limit("学期活动!A2")]
    );
}

#[test]
fn duplicated_cell_is_reported_at_that_cell() {
    let data = format!(
        r#"{HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>P1</t></is></c><c r="B2" t="inlineStr"><is><t>2023-2024-1</t></is></c><c r="C2"><v>2</v></c><c r="C2"><v>9</v></c></row>"#
    );
    let read = read_xlsx(&activities(&data, ""), &ReadOptions::default()).unwrap();
    let issues: Vec<_> = read.issues.iter().map(|i| (i.kind, i.cell_ref())).collect();
    assert_eq!(
        issues,
        [(InputErrorKind::Syntax, "学期活动!C2".to_string())]
    );
    assert_eq!(read.dataset.semester_activities[0].meetings, Some(2));
}

#[test]
fn unknown_sheet_names_the_file_and_sheet() {
    let dir = tempdir("unknown-sheet");
    let p = dir.join("book.xlsx");
    std::fs::write(
        &p,
        xlsx(
            &[
                (
                    "学期活动",
                    &format!("{HEADER_ROW}{}", row(2, "P1", "2")),
                    "",
                ),
                ("杂项", HEADER_ROW, ""),
            ],
            None,
        ),
    )
    .unwrap();
    let read = table::read_path(&p, &ReadOptions::default()).unwrap();
    assert_eq!(read.issues.len(), 1);
    assert_eq!(read.issues[0].place(), format!("{}: 杂项", p.display()));
}

#[test]
fn reporting_year_text_read_or_refused_at_its_cell() {
    let ds_sheet = |y: &str| {
        format!(
            r#"<row r="1"><c r="A1" t="inlineStr"><is><t>填报年度</t></is></c><c r="B1" t="inlineStr"><is><t>{y}</t></is></c></row>"#
        )
    };
    let body = format!("{HEADER_ROW}{}", row(2, "P1", "2"));
    for (y, want) in [
        ("2024年", Some(2024)),
        ("２０２４", Some(2024)),
        ("2024", Some(2024)),
    ] {
        let wb = xlsx(
            &[("数据集", &ds_sheet(y), ""), ("学期活动", &body, "")],
            None,
        );
        let read = read_xlsx(&wb, &ReadOptions::default()).unwrap();
        assert_eq!(read.dataset.reporting_year, want, "{y}");
        assert!(read.issues.is_empty(), "{y}: {:?}", read.issues);
    }
    for y in ["1999", "0", "-2024", "二〇二四"] {
        let wb = xlsx(
            &[("数据集", &ds_sheet(y), ""), ("学期活动", &body, "")],
            None,
        );
        let read = read_xlsx(&wb, &ReadOptions::default()).unwrap();
        assert_eq!(read.dataset.reporting_year, None, "{y}");
        let at: Vec<_> = read.issues.iter().map(|i| (i.kind, i.cell_ref())).collect();
        assert_eq!(
            at,
            [(InputErrorKind::Value, "数据集!B1".to_string())],
            "{y}"
        );
    }
}

const CSV_HEAD: &str = "项目编号,学期,专题业务沟通会次数";

fn csv(text: &[u8], limits: Limits) -> Result<table::TableRead, InputError> {
    read_csv(text, "学期活动", &opts(limits))
}

fn issue_places(r: &table::TableRead) -> Vec<(InputErrorKind, String)> {
    r.issues.iter().map(|i| (i.kind, i.cell_ref())).collect()
}

fn tempdir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("xianjie-hostile-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn tsv_by_extension_is_split_on_tabs() {
    let dir = tempdir("tsv");
    let p = dir.join("学期活动.tsv");
    std::fs::write(
        &p,
        "项目编号\t学期\t专题业务沟通会次数\nP1\t2023-2024-1\t2\n",
    )
    .unwrap();
    let read = table::read_path(&p, &ReadOptions::default()).unwrap();
    assert!(read.issues.is_empty(), "{:?}", read.issues);
    assert_eq!(read.dataset.semester_activities[0].meetings, Some(2));
    let b: Vec<_> = table::read_path_batches(&p, &ReadOptions::default(), 10)
        .unwrap()
        .collect();
    assert_eq!(b[0].dataset.semester_activities.len(), 1);
}

#[test]
fn cr_only_line_ends_keep_row_numbers() {
    let text = format!("{CSV_HEAD}\rP1,2023-2024-1,2\r\rP3,2023-2024-1,x\rP4,2023-2024-1,1\r");
    let read = csv(text.as_bytes(), Limits::default()).unwrap();
    assert_eq!(read.dataset.semester_activities.len(), 3);
    assert_eq!(
        issue_places(&read),
        [(InputErrorKind::Type, "学期活动!C4".to_string())].map(|(_, c)| (read.issues[0].kind, c))
    );
    assert_eq!(read.issues[0].cell_ref(), "学期活动!C4");
    // CRLF as well.
    let text = format!("{CSV_HEAD}\r\nP1,2023-2024-1,2\r\n\r\nP3,2023-2024-1,x\r\n");
    let read = csv(text.as_bytes(), Limits::default()).unwrap();
    assert_eq!(read.issues[0].cell_ref(), "学期活动!C4");
}

#[test]
fn bad_byte_refuses_the_file_at_its_cell() {
    let mut text = format!("{CSV_HEAD}\nP1,2023-2024-1,2\nP2,").into_bytes();
    text.extend_from_slice(b"\xff2023,1\n");
    assert_eq!(
        refusal(csv(&text, Limits::default())),
        [(InputErrorKind::Syntax, "学期活动!B3".to_string())]
    );
    // Early, in the header: still UTF-8 with one bad byte, not garbled GB18030.
    let mut text = b"\xe9".to_vec();
    text.extend_from_slice(format!("{CSV_HEAD}\nP1,2023-2024-1,2\n").as_bytes());
    assert_eq!(
        refusal(csv(&text, Limits::default())),
        [(InputErrorKind::Syntax, "学期活动!A1".to_string())]
    );
}

#[test]
fn real_gb18030_file_is_read_and_said() {
    let text = format!("{CSV_HEAD}\nP1,2023-2024-1,2\n");
    let (gb, _, _) = encoding_rs::GB18030.encode(&text);
    let read = csv(&gb, Limits::default()).unwrap();
    assert!(read.issues.is_empty(), "{:?}", read.issues);
    assert_eq!(read.dataset.semester_activities.len(), 1);
    assert!(read.notes[0].contains("GB18030"), "{:?}", read.notes);
    // A UTF-8 file says nothing.
    assert!(csv(text.as_bytes(), Limits::default())
        .unwrap()
        .notes
        .is_empty());
}

#[test]
fn ragged_row_extra_cells_are_reported() {
    let text = format!("{CSV_HEAD}\nP1,2023-2024-1,2,,extra,more\nP2,2023-2024-1\n");
    let read = csv(text.as_bytes(), Limits::default()).unwrap();
    assert_eq!(
        issue_places(&read),
        [(InputErrorKind::UnknownField, "学期活动!E2".to_string())]
    );
    assert!(read.issues[0].msg_en.starts_with("2 cell(s)"));
    assert_eq!(read.dataset.semester_activities.len(), 2);
}

#[test]
fn long_line_and_long_cell_are_bounded() {
    let mut l = Limits::default();
    l.set("csv_line_bytes", "1KiB").unwrap();
    // 1 MiB in one quoted cell: refused at its row after ~1 KiB + the reader's buffer.
    let text = format!(
        "{CSV_HEAD}\nP1,2023-2024-1,2\nP2,\"{}\",3\n",
        "x\n".repeat(1 << 19)
    );
    assert_eq!(refusal(csv(text.as_bytes(), l)), [limit("学期活动!A3")]);
    let mut l = Limits::default();
    l.set("cell_chars", "100").unwrap();
    let text = format!("{CSV_HEAD}\nP1,{},2\nP2,2023-2024-1,3\n", "学".repeat(200));
    let read = csv(text.as_bytes(), l).unwrap();
    assert_eq!(issue_places(&read), [limit("学期活动!B2")]);
    assert_eq!(read.dataset.semester_activities.len(), 1);
    // A long bad value is quoted abbreviated.
    let text = format!("{CSV_HEAD}\nP1,2023-2024-1,{}\n", "9x".repeat(10_000));
    let read = csv(text.as_bytes(), Limits::default()).unwrap();
    assert_eq!(read.issues[0].cell_ref(), "学期活动!C2");
    assert!(
        read.issues[0].msg_en.len() < 400,
        "{}",
        read.issues[0].msg_en
    );
}

#[test]
fn wide_header_is_one_bounded_error() {
    // 7.9 MB header: one limit issue, not megabytes of messages.
    let text = format!("{CSV_HEAD},{}\nP1,2023-2024-1,2\n", "列".repeat(2_600_000));
    let e = csv(text.as_bytes(), Limits::default()).unwrap_err();
    assert_eq!(e.errors.len(), 1);
    assert_eq!(e.errors[0].kind, InputErrorKind::Limit);
    assert!(e.to_string().len() < 1000);
    // Too many columns.
    let text = format!("{CSV_HEAD}{}\n", ",x".repeat(2000));
    assert_eq!(
        refusal(csv(text.as_bytes(), Limits::default())),
        [limit("学期活动!ALM1")]
    );
    // Unknown names: abbreviated, listed up to errors_listed, the rest counted.
    let mut l = Limits::default();
    l.set("errors_listed", "3").unwrap();
    let names: Vec<String> = (0..10)
        .map(|i| format!("{i}{}", "名".repeat(500)))
        .collect();
    let text = format!("{CSV_HEAD},{}\nP1,2023-2024-1,2\n", names.join(","));
    let read = csv(text.as_bytes(), l).unwrap();
    assert_eq!(read.issues.len(), 4);
    assert!(read.issues.iter().all(|i| i.msg_zh.chars().count() < 200));
    assert!(read.issues[3].msg_en.starts_with("7 more"));
}

#[test]
fn input_larger_than_the_limit_is_refused_before_reading() {
    let dir = tempdir("size");
    let p = dir.join("学期活动.csv");
    std::fs::write(&p, format!("{CSV_HEAD}\nP1,2023-2024-1,2\n")).unwrap();
    let mut l = Limits::default();
    l.set("input_bytes", "10").unwrap();
    let e = table::read_path(&p, &opts(l.clone())).unwrap_err();
    assert_eq!(e.errors[0].kind, InputErrorKind::Limit);
    assert_eq!(e.source_name.as_deref(), Some(p.to_str().unwrap()));
    // A stream without a length: refused at the limit.
    let endless = std::io::repeat(b'a').take(1 << 30);
    assert_eq!(
        read_csv(endless, "学期活动", &opts(l)).unwrap_err().errors[0].kind,
        InputErrorKind::Limit
    );
}

fn summary_of(projects: &[String]) -> Vec<u8> {
    let recs: Vec<String> = projects
        .iter()
        .map(|p| {
            format!(
                r#"{{"project": {}, "semester": "2023-2024-1", "meetings": 1, "joint_research": 3, "teachers_dispatched": 5}}"#,
                serde_json::to_string(p).unwrap()
            )
        })
        .collect();
    let ds = xianjie::Dataset::from_json_str(&format!(
        r#"{{"semester_activities": [{}]}}"#,
        recs.join(",")
    ))
    .unwrap();
    // The records name no school, so their region cannot be told: the Beijing pack judges them
    // only when named.
    let opts = xianjie::Options {
        packs: vec!["bj-3p2-2024".into()],
        ..Default::default()
    };
    let report = xianjie::check(&ds, &opts).unwrap();
    table::summary_workbook_rows(&ds, &report, 5).unwrap()
}

fn part(xlsx: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(Cursor::new(xlsx)).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn summary_formula_like_text_gets_the_quote_prefix() {
    let bytes = summary_of(&["=HYPERLINK(\"http://x\")".into(), "@SUM(1)".into()]);
    assert!(part(&bytes, "xl/styles.xml").contains("quotePrefix=\"1\""));
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let r = wb.worksheet_range("学期合规").unwrap();
    assert_eq!(
        r.get_value((1, 0)),
        Some(&calamine::Data::String("=HYPERLINK(\"http://x\")".into()))
    );
    assert!(wb.worksheet_formula("学期合规").unwrap().is_empty());
}

#[test]
fn summary_caps_rows_with_a_note_and_cuts_long_cells() {
    let mut projects: Vec<String> = (0..10).map(|i| format!("P{i}")).collect();
    projects[0] = format!("A{}", "长".repeat(40_000));
    let bytes = summary_of(&projects);
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let r = wb.worksheet_range("学期合规").unwrap();
    // max 5 rows: the header, 3 records, the note.
    assert_eq!(r.height(), 5);
    let note = r.get_value((4, 0)).unwrap().to_string();
    assert!(note.contains("另有7行"), "{note}");
    let long = r.get_value((1, 0)).unwrap().to_string();
    assert!(long.chars().count() <= 32_767 && long.contains("truncated"));
}

/// The sheets are written in constant-memory mode (rows streamed, text inline, no shared-string
/// table) and keep the quote prefix and the row-cap note there.
#[test]
fn summary_streamed_sheets_keep_the_quote_prefix_and_the_note() {
    let mut projects: Vec<String> = (0..10).map(|i| format!("P{i}")).collect();
    projects[0] = "=1+1".into();
    let bytes = summary_of(&projects);
    let mut z = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
    assert!(z.by_name("xl/sharedStrings.xml").is_err());
    drop(z);
    let styles = part(&bytes, "xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs").unwrap()..styles.find("</cellXfs>").unwrap()];
    let quoted = xfs
        .split("<xf ")
        .skip(1)
        .position(|x| x.contains("quotePrefix=\"1\""))
        .unwrap();
    // Sheet 10 is 学期合规: the cover, findings, six rate sheets and 申报汇总 come first.
    let compliance = part(&bytes, "xl/worksheets/sheet10.xml");
    assert!(
        compliance.contains(&format!(
            r#"<c r="A2" s="{quoted}" t="inlineStr"><is><t>=1+1</t></is></c>"#
        )),
        "{compliance}"
    );
    // The findings sheet: the header, 3 findings, the note in row 5, nothing after.
    let findings = part(&bytes, "xl/worksheets/sheet2.xml");
    let note = &findings[findings.find(r#"<c r="A5""#).unwrap()..];
    assert!(
        note.contains("另有7行") && note.contains("inlineStr"),
        "{note}"
    );
    assert!(!findings.contains(r#"<row r="6""#));
}

fn ods(rows: &str) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let o = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    z.start_file("mimetype", stored).unwrap();
    z.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    z.start_file("META-INF/manifest.xml", o).unwrap();
    z.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    z.start_file("content.xml", o).unwrap();
    let text = |t: &str| {
        format!(
            r#"<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>"#
        )
    };
    write!(
        z,
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="学期活动"><table:table-row>{}{}{}</table:table-row>{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#,
        text("项目编号"),
        text("学期"),
        text("专题业务沟通会次数")
    )
    .unwrap();
    z.finish().unwrap().into_inner()
}

#[test]
fn ods_repeat_bomb_is_refused_and_trailing_blanks_are_not() {
    // 1,000,000 rows of 100 valued cells: calamine would build a 100-million-cell range.
    let bomb = ods(
        r#"<table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="100"/></table:table-row>"#,
    );
    assert_eq!(
        refusal(read_xlsx(&bomb, &ReadOptions::default())),
        [limit("content.xml")]
    );
    // LibreOffice pads with blank repeats to the sheet's edge: read as usual.
    let fine = ods(
        r#"<table:table-row><table:table-cell office:value-type="string"><text:p>P1</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>2023-2024-1</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="2"/><table:table-cell table:number-columns-repeated="16381"/></table:table-row><table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#,
    );
    let read = read_xlsx(&fine, &ReadOptions::default()).unwrap();
    assert!(read.issues.is_empty(), "{:?}", read.issues);
    assert_eq!(read.dataset.semester_activities[0].meetings, Some(2));
}

/// The cost of checking parts before reading, on a real-size workbook (200,000 rows × 5
/// columns). Run with `--ignored --nocapture` in an optimised build; prints the figures.
#[test]
#[ignore]
fn measure_part_check_cost() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("学期活动").unwrap();
    for (c, h) in [
        "项目编号",
        "学期",
        "专题业务沟通会次数",
        "双方教师教研活动次数",
        "派出教师人数",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let rows = 200_000u32;
    for r in 1..=rows {
        ws.write_string(r, 0, format!("P{r}")).unwrap();
        ws.write_string(r, 1, "2023-2024-1").unwrap();
        for c in 2..5u16 {
            ws.write_number(r, c, f64::from(r % 7)).unwrap();
        }
    }
    let bytes = wb.save_to_buffer().unwrap();
    let t = std::time::Instant::now();
    table::check_workbook(&bytes, &Limits::default()).unwrap();
    let check = t.elapsed();
    let t = std::time::Instant::now();
    let read = read_xlsx(&bytes, &ReadOptions::default()).unwrap();
    let total = t.elapsed();
    assert_eq!(read.dataset.semester_activities.len(), rows as usize);
    println!(
        "workbook {} bytes, {rows} rows: part check {check:?}, whole read (check included) {total:?}",
        bytes.len()
    );
}

/// `bytes` with the declared uncompressed size of part `name` set to `size`, in its local
/// header and in the central directory.
fn lie_about_size(mut bytes: Vec<u8>, name: &str, size: u32) -> Vec<u8> {
    let u16_at = |b: &[u8], i: usize| usize::from(u16::from_le_bytes([b[i], b[i + 1]]));
    for (sig, name_len, name_at, size_at) in
        [(b"PK\x03\x04", 26, 30, 22), (b"PK\x01\x02", 28, 46, 24)]
    {
        let mut i = 0;
        while let Some(p) = bytes[i..].windows(4).position(|w| w == sig) {
            let at = i + p;
            let n = u16_at(&bytes, at + name_len);
            if bytes.get(at + name_at..at + name_at + n) == Some(name.as_bytes()) {
                bytes[at + size_at..at + size_at + 4].copy_from_slice(&size.to_le_bytes());
            }
            i = at + 4;
        }
    }
    bytes
}

#[test]
fn declared_sizes_are_not_trusted() {
    let sst = format!(
        r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>{}</t></si></sst>"#,
        "a".repeat(4 << 20)
    );
    let wb = lie_about_size(
        xlsx(&[("学期活动", HEADER_ROW, "")], Some(&sst)),
        "xl/sharedStrings.xml",
        1000,
    );
    // Declared 1,000 bytes: passes the first look, caught while decompressing (the string's
    // length as it streams by, then the real ratio, which stops the decompression).
    assert_eq!(
        refusal(read_xlsx(&wb, &ReadOptions::default())),
        [
            limit("xl/sharedStrings.xml#1"),
            limit("xl/sharedStrings.xml")
        ]
    );
}

#[test]
fn binary_workbook_is_refused_before_calamine() {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    z.start_file("xl/workbook.bin", zip::write::SimpleFileOptions::default())
        .unwrap();
    z.write_all(&[0x83, 0x01, 0x00]).unwrap();
    let bytes = z.finish().unwrap().into_inner();
    let e = read_xlsx(&bytes, &ReadOptions::default()).unwrap_err();
    assert_eq!(e.errors[0].kind, InputErrorKind::Syntax);
    assert!(e.errors[0].msg_en.contains(".xlsb"));
}

/// Found by the `csv` fuzz target (strict mode): a sheet refused for its missing required
/// columns had no place at all (`xianjie: : …`); the place is the sheet.
#[test]
fn a_sheet_missing_required_columns_is_placed_at_the_sheet() {
    let opts = ReadOptions::for_entity(xianjie::model::EntityKind::Schools);
    let r = read_csv(&b"\x01id,level\r\nS1,secondary\r\n"[..], "学校", &opts).unwrap();
    let e = r.input_error().unwrap();
    assert!(e.errors.iter().all(|i| !i.loc.is_empty()), "{e:?}");
    assert!(e
        .errors
        .iter()
        .any(|i| i.kind == InputErrorKind::Missing && i.loc == "学校"));
}
