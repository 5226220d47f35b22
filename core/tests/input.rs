#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! Reading datasets: every unknown field listed (a misspelling repeated in every record costs one
//! pass), repeated keys refused, records only as objects, errors located by path, line and column.

use xianjie::input::InputErrorKind;
use xianjie::Dataset;

fn school(extra: &str) -> String {
    format!(r#"{{"id": "S1", "name": "甲", "level": "secondary"{extra}}}"#)
}

#[test]
fn every_unknown_field_is_listed_with_its_place() {
    let text = format!(
        "{{\"schools\": [{},\n{},\n{}], \"colour\": 1}}",
        school(r#", "colour": "red""#),
        school(""),
        school(r#", "colour": "blue", "governance": {"leading_grop": {}}"#),
    );
    let e = Dataset::from_json_str(&text).unwrap_err();
    let locs: Vec<&str> = e.errors.iter().map(|i| i.loc.as_str()).collect();
    assert_eq!(
        locs,
        // In document order.
        [
            "schools[0].colour",
            "schools[2].colour",
            "schools[2].governance.leading_grop",
            "colour",
        ]
    );
    assert!(e
        .errors
        .iter()
        .all(|i| i.kind == InputErrorKind::UnknownField));
    let second = &e.errors[1];
    assert_eq!(second.line, Some(3), "{second:?}");
    assert!(second.msg_zh.contains("未知字段schools[2].colour"));
}

#[test]
fn a_misspelling_in_many_records_is_counted_past_the_list() {
    let rows: Vec<String> = (0..1200).map(|_| school(r#", "colour": 1"#)).collect();
    let text = format!("{{\"schools\": [{}]}}", rows.join(","));
    let e = Dataset::from_json_str(&text).unwrap_err();
    assert_eq!(e.errors.len(), 1001);
    assert_eq!(e.errors[999].loc, "schools[999].colour");
    // The first ones carry a line and column; the rest are not searched for.
    assert!(e.errors[0].column.is_some() && e.errors[999].column.is_none());
    let last = &e.errors[1000];
    assert!(last.msg_en.starts_with("200 more problems not listed"));
    assert_eq!(last.kind, InputErrorKind::UnknownField);
}

#[test]
fn unknown_fields_and_a_structural_error_are_both_reported() {
    let text = format!(
        r#"{{"schools": [{}], "semester_activities": [{{"project": "P1", "semester": "2023-2024-1", "meetings": "2"}}]}}"#,
        school(r#", "colour": 1"#)
    );
    let e = Dataset::from_json_str(&text).unwrap_err();
    let got: Vec<(&str, InputErrorKind)> =
        e.errors.iter().map(|i| (i.loc.as_str(), i.kind)).collect();
    assert_eq!(
        got,
        [
            ("schools[0].colour", InputErrorKind::UnknownField),
            ("semester_activities[0].meetings", InputErrorKind::Type)
        ]
    );
    assert_eq!(e.errors[1].line, Some(1));
}

#[test]
fn repeated_keys_and_records_as_arrays_are_refused() {
    let e = Dataset::from_json_str(r#"{"schools": [{"id": "S1", "id": "S2"}]}"#).unwrap_err();
    assert_eq!(e.errors[0].loc, "schools[0].id");
    assert_eq!(e.errors[0].kind, InputErrorKind::DuplicateKey);

    let e = Dataset::from_json_str(r#"{"schools": [["S1", "甲", "secondary"]]}"#).unwrap_err();
    assert_eq!(e.errors[0].loc, "schools[0]");
    assert_eq!(e.errors[0].kind, InputErrorKind::Type);
    assert_eq!(
        (e.errors[0].msg_zh.as_str(), e.errors[0].msg_en.as_str()),
        (
            "应为对象(用 { } 括起),实为列表",
            "should be an object ({…}), but is a list"
        )
    );
}

#[test]
fn a_missing_field_names_the_record() {
    let e = Dataset::from_json_str("{\"schools\": [\n  {\"id\": \"S1\"}]}").unwrap_err();
    assert_eq!(e.errors[0].loc, "schools[0]");
    assert_eq!(e.errors[0].kind, InputErrorKind::Missing);
    assert_eq!((e.errors[0].line, e.errors[0].column), (Some(2), Some(3)));
}
