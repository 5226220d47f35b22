#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! Collections held as columns (students, semester activities, cohorts) are checked exactly as
//! rows: for every shared vector, every sample and the national generator, `read_for_check` +
//! `check_with_columns` gives the report `read_batches` + `check` gives, word for word, and the
//! aggregates over held cohorts and activities are those over rows; data the row reader would say
//! something about is read as rows, so its problems are reported as before.
#![cfg(feature = "arrow")]

use arrow_array::{ArrayRef, BooleanArray, Date32Array, Int64Array, RecordBatch, StringArray};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use xianjie::columns::{dataset_to_batches, read_batches, read_for_check};
use xianjie::model::EntityKind;
use xianjie::table::ReadOptions;
use xianjie::{Checker, Dataset, Report};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

/// Every shared vector's file.
fn vectors() -> Vec<PathBuf> {
    let mut paths = Vec::new();
    files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors"),
        &mut paths,
    );
    paths
}

type Input = Vec<(String, Vec<RecordBatch>)>;

/// Asserts two reports are the same text, showing the first lines that differ.
fn same(a: &Report, b: &Report, what: &str) {
    let (a, b) = (a.to_json_pretty(), b.to_json_pretty());
    if a != b {
        let diff: Vec<String> = a
            .lines()
            .zip(b.lines())
            .enumerate()
            .filter(|(_, (x, y))| x != y)
            .take(6)
            .map(|(i, (x, y))| format!("line {i}: rows {x} | held {y}"))
            .collect();
        panic!("{what}: reports differ:\n{}", diff.join("\n"));
    }
}

fn empty(year: Option<i32>) -> Dataset {
    Dataset {
        reporting_year: year,
        ..Dataset::default()
    }
}

fn input(batches: Vec<(EntityKind, RecordBatch)>) -> Input {
    batches
        .into_iter()
        .map(|(k, b)| (k.as_str().to_string(), vec![b]))
        .collect()
}

fn opts(year: Option<i32>) -> ReadOptions {
    ReadOptions {
        reporting_year: year,
        ..ReadOptions::default()
    }
}

/// `o` read on `n` threads.
fn threads(mut o: ReadOptions, n: usize) -> ReadOptions {
    o.threads = Some(n);
    o
}

/// The collections that can be held.
const HELD: [EntityKind; 3] = [
    EntityKind::Students,
    EntityKind::SemesterActivities,
    EntityKind::Cohorts,
];

/// Both ways: rows, and clean collections held. Returns (rows report, held report, the kinds
/// held), after checking that the aggregates over held columns are those over rows.
fn both(checker: &Checker, data: Input, year: Option<i32>) -> (Report, Report, Vec<EntityKind>) {
    let rows = read_batches(data.clone(), &opts(year));
    assert!(rows.issues.is_empty(), "{:?}", rows.issues);
    let held = read_for_check(empty(year), data.clone(), &opts(year));
    assert!(held.read.issues.is_empty(), "{:?}", held.read.issues);
    let kinds: Vec<EntityKind> = held.held.kinds().collect();
    // On two threads (columns held beside the rows read): the same dataset, the same held.
    let two = read_for_check(empty(year), data, &threads(opts(year), 2));
    assert_eq!(two.read.dataset, held.read.dataset);
    assert_eq!(two.held.kinds().collect::<Vec<_>>(), kinds);
    assert!(two.read.issues.is_empty(), "{:?}", two.read.issues);
    for k in &kinds {
        assert!(HELD.contains(k), "{k:?} held");
        assert_eq!(held.read.dataset.len_of(*k), 0, "{k:?} held and read");
    }
    same_aggregates(&rows.dataset, &held.read.dataset, &held.held);
    // Every field of every held collection reads by its reader as by `value`, past the end too.
    for k in &kinds {
        let r = held.held.get(*k).unwrap();
        for name in k.field_names() {
            let Some(f) = r.field(name) else { continue };
            let read = r.reader(f.id);
            for i in 0..=r.len() {
                assert_eq!(read(i), r.value(i, f.id), "{k:?} {name} {i}");
            }
        }
    }
    (
        checker.check(&rows.dataset),
        checker.check_with_columns(&held.read.dataset, &held.held),
        kinds,
    )
}

/// The cohort and semester aggregates over held columns are those over the rows.
fn same_aggregates(rows: &Dataset, ds: &Dataset, held: &xianjie::model::Held) {
    use xianjie::aggregate::*;
    for by in [
        &[GroupBy::SecondarySchool, GroupBy::EntryYear][..],
        &[GroupBy::Category],
        &[GroupBy::Project, GroupBy::District],
    ] {
        assert_eq!(
            transfer_rates(rows, by),
            transfer_rates_with_columns(ds, held, by)
        );
        assert_eq!(
            enrollment_totals(rows, by),
            enrollment_totals_with_columns(ds, held, by)
        );
    }
    assert_eq!(
        semester_compliance(rows),
        semester_compliance_with_columns(ds, held)
    );
}

#[test]
fn every_vector_with_held_collections_gets_the_same_report() {
    let checker = Checker::builtin(&[], &Default::default()).unwrap();
    let mut n = [0; 3];
    let mut held = [0; 3];
    let mut narrowed_columns = 0;
    for p in vectors() {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let Ok(ds) = Dataset::from_json_str(&v["input"].to_string()) else {
            continue;
        };
        let given: Vec<usize> = (0..3).filter(|k| ds.len_of(HELD[*k]) > 0).collect();
        if given.is_empty() {
            continue;
        }
        let data = input(dataset_to_batches(&ds).unwrap());
        let (a, b, h) = both(&checker, data.clone(), ds.reporting_year);
        same(&a, &b, &p.display().to_string());
        let (_, c, _) = both(&checker, dictionaries(data.clone()), ds.reporting_year);
        same(&a, &c, &format!("{}, text as dictionaries", p.display()));
        let (_, c, hc) = both(&checker, categoricals(data.clone()), ds.reporting_year);
        same(
            &a,
            &c,
            &format!("{}, text as polars' categoricals", p.display()),
        );
        assert_eq!(hc, h, "{}: categoricals held as dictionaries", p.display());
        let (narrow, k) = narrowed(data);
        narrowed_columns += k;
        let (_, d, _) = both(&checker, narrow, ds.reporting_year);
        same(&a, &d, &format!("{}, integers as 32-bit", p.display()));
        for k in given {
            n[k] += 1;
            held[k] += usize::from(h.contains(&HELD[k]));
        }
    }
    assert!(n[0] >= 8, "only {} vectors with students", n[0]);
    assert!(n[1] >= 8, "only {} vectors with semester activities", n[1]);
    assert!(n[2] >= 4, "only {} vectors with cohorts", n[2]);
    assert_eq!(held, n, "every vector's collections are clean columns");
    assert!(
        narrowed_columns >= 20,
        "only {narrowed_columns} columns narrowed"
    );
}

/// The same input with each column that `recast` gives a new array for replaced by it.
fn recast(
    data: Input,
    mut recast: impl FnMut(&arrow_schema::DataType, &ArrayRef) -> Option<ArrayRef>,
) -> Input {
    let mut each = |b: RecordBatch| {
        let schema = b.schema();
        let cols: Vec<(String, ArrayRef)> = schema
            .fields()
            .iter()
            .zip(b.columns())
            .map(|(f, c)| {
                let c = recast(f.data_type(), c).unwrap_or_else(|| Arc::clone(c));
                (f.name().clone(), c)
            })
            .collect();
        RecordBatch::try_from_iter(cols).unwrap()
    };
    data.into_iter()
        .map(|(name, batches)| (name, batches.into_iter().map(&mut each).collect()))
        .collect()
}

/// The same input with every text column dictionary-encoded.
fn dictionaries(data: Input) -> Input {
    use arrow_schema::DataType as D;
    let dict = D::Dictionary(Box::new(D::Int32), Box::new(D::Utf8));
    recast(data, |t, c| {
        (*t == D::Utf8).then(|| arrow_cast::cast(c, &dict).unwrap())
    })
}

/// The same input as polars hands over its categoricals (unsigned 32-bit keys, texts as string
/// views), every batch given as two slices so that the second starts past its buffers' start.
fn categoricals(data: Input) -> Input {
    use arrow_schema::DataType as D;
    let dict = D::Dictionary(Box::new(D::UInt32), Box::new(D::Utf8View));
    let data = recast(data, |t, c| {
        (*t == D::Utf8).then(|| arrow_cast::cast(c, &dict).unwrap())
    });
    data.into_iter()
        .map(|(name, batches)| {
            let halves = batches
                .into_iter()
                .flat_map(|b| {
                    let half = b.num_rows() / 2;
                    [b.slice(0, half), b.slice(half, b.num_rows() - half)]
                })
                .collect();
            (name, halves)
        })
        .collect()
}

/// The same input with every 64-bit integer column whose values fit as 32-bit integers (as
/// polars and pandas hand over a year), and how many columns were narrowed.
fn narrowed(data: Input) -> (Input, usize) {
    use arrow_schema::DataType as D;
    let opts = arrow_cast::CastOptions {
        safe: false,
        ..Default::default()
    };
    let mut k = 0;
    let data = recast(data, |t, c| {
        let n = (*t == D::Int64)
            .then(|| arrow_cast::cast_with_options(c, &D::Int32, &opts).ok())
            .flatten();
        k += usize::from(n.is_some());
        n
    });
    (data, k)
}

/// Each held text field read as codes (`Records::text_codes`) reads as `value` does.
#[cfg(feature = "bulk")]
fn codes_read_as_values(held: &xianjie::model::Held) -> usize {
    use xianjie::model::Value;
    let mut coded = 0;
    for kind in held.kinds() {
        let r = held.get(kind).unwrap();
        for name in ["id", "school", "higher_school", "project", "semester"] {
            let Some(f) = r.field(name) else { continue };
            let Some(codes) = r.text_codes(f.id) else {
                continue;
            };
            coded += 1;
            assert_eq!(codes.codes.len(), r.len());
            assert_eq!(codes.texts.last(), Some(&None));
            for i in 0..r.len() {
                let value = match r.value(i, f.id) {
                    Value::Text(t) => Some(t),
                    _ => None,
                };
                assert_eq!(codes.text(i), value, "{kind:?} {name} {i}");
            }
        }
    }
    coded
}

#[test]
fn every_sample_gets_the_same_report() {
    let checker = Checker::builtin(&[], &Default::default()).unwrap();
    let mut held = Vec::new();
    let mut coded = 0;
    for name in xianjie::sample::names() {
        let ds = xianjie::sample::load(name).unwrap();
        let data = input(dataset_to_batches(&ds).unwrap());
        let (a, b, h) = both(&checker, data.clone(), ds.reporting_year);
        same(&a, &b, name);
        held.extend(h);
        // Ids and schools as dictionaries: places worked out once per distinct id.
        let (_, c, _) = both(&checker, dictionaries(data.clone()), ds.reporting_year);
        same(&a, &c, &format!("{name}, text as dictionaries"));
        let (_, c, _) = both(&checker, categoricals(data.clone()), ds.reporting_year);
        same(&a, &c, &format!("{name}, text as polars' categoricals"));
        #[cfg(feature = "bulk")]
        {
            let r = read_for_check(
                empty(ds.reporting_year),
                categoricals(data.clone()),
                &opts(ds.reporting_year),
            );
            coded += codes_read_as_values(&r.held);
            let r = read_for_check(
                empty(ds.reporting_year),
                dictionaries(data),
                &opts(ds.reporting_year),
            );
            coded += codes_read_as_values(&r.held);
        }
    }
    #[cfg(feature = "bulk")]
    assert!(
        coded >= 6,
        "only {coded} fields read as codes (dictionaries and categoricals)"
    );
    let _ = coded;
    for k in HELD {
        assert!(held.contains(&k), "no sample's {k:?} were held");
    }
}

#[test]
fn the_national_data_gets_the_same_report() {
    use xianjie::sample::national::{national, REPORTING_YEAR};
    let packs = ["bj-3p2-2024".to_string(), "qz-pilot-2024".to_string()];
    let checker = Checker::builtin(&packs, &Default::default()).unwrap();
    let data = national(0.002, 7).unwrap();
    let students = data
        .iter()
        .find(|(k, _)| *k == EntityKind::Students)
        .map(|(_, b)| b.num_rows())
        .unwrap();
    assert!(students >= 10_000);
    let (a, b, h) = both(&checker, input(data), Some(REPORTING_YEAR));
    for k in HELD {
        assert!(h.contains(&k), "the generator's {k:?} are clean columns");
    }
    same(&a, &b, "national");
    for k in HELD {
        let on = b
            .findings
            .iter()
            .filter(|f| f.locations.iter().any(|l| l.entity == k))
            .count();
        assert!(on > 5, "{on} findings on {k:?}");
    }
}

fn table(name: &str, cols: Vec<(&str, ArrayRef)>) -> Input {
    vec![(name.into(), vec![RecordBatch::try_from_iter(cols).unwrap()])]
}

fn students(cols: Vec<(&str, ArrayRef)>) -> Input {
    table("students", cols)
}

fn ints(v: Vec<Option<i64>>) -> ArrayRef {
    Arc::new(Int64Array::from(v))
}

#[test]
fn data_the_reader_must_speak_about_is_read_as_rows() {
    let text = |v: Vec<Option<&str>>| Arc::new(StringArray::from(v)) as ArrayRef;
    let years = Arc::new(Int64Array::from(vec![2024, 2024])) as ArrayRef;
    // Two clean cohorts with `change` replacing (or adding) columns.
    let cohorts = |name: &str, change: Vec<(&'static str, ArrayRef)>| {
        let mut cols = vec![
            ("project", text(vec![Some("P1"), Some("P2")])),
            ("entry_year", years.clone()),
            ("enrolled", ints(vec![Some(40), Some(30)])),
        ];
        for (n, a) in change {
            cols.retain(|(c, _)| *c != n);
            cols.push((n, a));
        }
        table(name, cols)
    };
    // Two activities in `semesters`, with `more` columns.
    let activities = |semesters: [&str; 2], more: Vec<(&'static str, ArrayRef)>| {
        let mut cols = vec![
            ("project", text(vec![Some("P1"), Some("P2")])),
            ("semester", text(semesters.map(Some).to_vec())),
        ];
        cols.extend(more);
        table("semester_activities", cols)
    };
    let views = |v: Vec<Option<&str>>| Arc::new(arrow_array::StringViewArray::from(v)) as ArrayRef;
    // Two clean students with `change` replacing (or adding) columns.
    let pupils = |change: Vec<(&'static str, ArrayRef)>| {
        let mut cols = vec![
            ("id", text(vec![Some("S1"), Some("S2")])),
            ("school", text(vec![Some("Z1"), Some("Z1")])),
            ("entry_year", years.clone()),
        ];
        for (n, a) in change {
            cols.retain(|(c, _)| *c != n);
            cols.push((n, a));
        }
        students(cols)
    };
    let cases: Vec<(&str, Input)> = vec![
        (
            "a blank id",
            pupils(vec![("id", text(vec![Some("S1"), Some("  ")]))]),
        ),
        (
            "text that was not UTF-8",
            pupils(vec![("id", text(vec![Some("S1"), Some("S\u{fffd}2")]))]),
        ),
        (
            "an optional text not UTF-8",
            pupils(vec![("name", text(vec![Some("张三"), Some("李\u{fffd}")]))]),
        ),
        (
            "an optional text not UTF-8, as short views",
            pupils(vec![(
                "name",
                views(vec![Some("张三"), Some("李\u{fffd}")]),
            )]),
        ),
        (
            "an optional text not UTF-8, as long views",
            pupils(vec![(
                "name",
                views(vec![None, Some("欧阳修远之后的第十七位学生\u{fffd}")]),
            )]),
        ),
        (
            "years as text",
            pupils(vec![(
                "entry_year",
                text(vec![Some("2024"), Some("二〇二四")]),
            )]),
        ),
        (
            "an unknown certificate",
            pupils(vec![(
                "certificates",
                text(vec![Some(r#"[{"kind": "驾照"}]"#), None]),
            )]),
        ),
        (
            "an unknown column",
            pupils(vec![("shoe_size", years.clone())]),
        ),
        (
            "a cohort without its project",
            cohorts("cohorts", vec![("project", text(vec![Some("P1"), None]))]),
        ),
        (
            "a count below zero",
            cohorts(
                "招生批次",
                vec![("transferred", ints(vec![Some(-1), None]))],
            ),
        ),
        (
            "a required count not given",
            cohorts("cohorts", vec![("enrolled", ints(vec![Some(40), None]))]),
        ),
        (
            "an entry year past i32",
            cohorts(
                "cohorts",
                vec![("entry_year", ints(vec![Some(2024), Some(1 << 40)]))],
            ),
        ),
        (
            "a semester that is not one",
            activities(["2023-2024-1", "2023-2025-3"], vec![]),
        ),
        (
            "an activity without its semester",
            activities(["2023-2024-1", " "], vec![]),
        ),
        (
            "counts as text",
            activities(
                ["2023-2024-1", "2023-2024-2"],
                vec![("joint_research", text(vec![Some("3"), Some("三次")]))],
            ),
        ),
        (
            "a column given twice",
            activities(
                ["2023-2024-1", "2023-2024-2"],
                vec![
                    ("meetings", ints(vec![Some(2), Some(1)])),
                    ("专题业务沟通会次数", ints(vec![Some(2), Some(1)])),
                ],
            ),
        ),
    ];
    for (what, data) in cases {
        let rows = read_batches(data.clone(), &opts(Some(2024)));
        let held = read_for_check(empty(Some(2024)), data.clone(), &opts(Some(2024)));
        assert!(held.held.is_empty(), "{what}: held");
        assert!(
            !rows.issues.is_empty() || !rows.notes.is_empty(),
            "{what}: no word"
        );
        assert_eq!(
            format!("{:?}{:?}", held.read.issues, held.read.notes),
            format!("{:?}{:?}", rows.issues, rows.notes),
            "{what}"
        );
        assert_eq!(held.read.dataset, rows.dataset, "{what}");
        declined_beside_rows_on_two_threads(what, data);
    }
}

/// `data` (declined: read as rows) beside a collection read as rows, on two threads (held and
/// read side by side, then read again in order): the same words in the same order, the same
/// rows as on one.
fn declined_beside_rows_on_two_threads(what: &str, data: Input) {
    let schools = dataset_to_batches(
        &Dataset::from_json_str(
            r#"{"schools": [{"id": "Z1", "name": "第一职业学校", "level": "secondary"}]}"#,
        )
        .unwrap(),
    )
    .unwrap()
    .into_iter()
    .find(|(k, _)| *k == EntityKind::Schools)
    .unwrap()
    .1;
    let mut beside = vec![("schools".to_string(), vec![schools])];
    beside.extend(data);
    let one = read_for_check(empty(Some(2024)), beside.clone(), &opts(Some(2024)));
    let two = read_for_check(empty(Some(2024)), beside, &threads(opts(Some(2024)), 2));
    assert!(two.held.is_empty(), "{what}: held on two threads");
    assert_eq!(
        format!("{:?}{:?}", two.read.issues, two.read.notes),
        format!("{:?}{:?}", one.read.issues, one.read.notes),
        "{what}: two threads"
    );
    assert_eq!(two.read.dataset, one.read.dataset, "{what}: two threads");
    assert_eq!(two.read.dataset.schools.len(), 1, "{what}");
}

#[test]
fn students_in_several_batches_and_beside_rows() {
    let batch = |ids: Vec<&str>, signed: Vec<Option<i32>>| {
        let n = ids.len();
        RecordBatch::try_from_iter(vec![
            ("id", Arc::new(StringArray::from(ids)) as ArrayRef),
            (
                "school",
                Arc::new(StringArray::from(vec!["Z1"; n])) as ArrayRef,
            ),
            (
                "entry_year",
                Arc::new(Int64Array::from(vec![2024; n])) as ArrayRef,
            ),
            (
                "term_start",
                Arc::new(Date32Array::from(vec![Some(19967); n])) as ArrayRef, // 2024-09-02
            ),
            (
                "agreement.signed_on",
                Arc::new(Date32Array::from(signed)) as ArrayRef,
            ),
            (
                "agreement.higher_school",
                Arc::new(BooleanArray::from(vec![Some(true); n])) as ArrayRef,
            ),
        ])
        .unwrap()
    };
    let data: Input = vec![(
        "学生".into(),
        vec![
            batch(vec!["S1", "S2"], vec![Some(19967), Some(20100)]),
            batch(vec!["S3"], vec![None]),
        ],
    )];
    let packs = ["qz-pilot-2024".to_string()];
    let checker = Checker::builtin(&packs, &Default::default()).unwrap();
    let (a, b, h) = both(&checker, data.clone(), Some(2024));
    assert_eq!(h, [EntityKind::Students]);
    same(&a, &b, "batches");
    let late: Vec<String> = b
        .findings
        .iter()
        .filter(|f| f.rule_id() == "qz-pilot-2024/tripartite-agreement")
        .map(|f| f.path().to_string())
        .collect();
    assert!(
        late.contains(&"students[1].agreement.signed_on".to_string()),
        "{late:?}"
    );
    // Students given as rows already: the frames are read onto them, as rows.
    let ds = Dataset::from_json_str(
        r#"{"students": [{"id": "S0", "school": "Z1", "entry_year": 2024}]}"#,
    )
    .unwrap();
    let r = read_for_check(ds, data, &opts(Some(2024)));
    assert!(r.held.is_empty());
    assert_eq!(r.read.dataset.students.len(), 4);
}

#[test]
fn string_views_and_dictionaries_read_as_text() {
    use arrow_array::types::Int32Type;
    use arrow_array::{DictionaryArray, StringViewArray};
    let n = 3;
    let school: DictionaryArray<Int32Type> = vec![" Z1", "Z1", "Z2"].into_iter().collect();
    let batch = RecordBatch::try_from_iter(vec![
        (
            "id",
            Arc::new(StringViewArray::from(vec!["S1", "S2", "S3"])) as ArrayRef,
        ),
        ("school", Arc::new(school) as ArrayRef),
        (
            "entry_year",
            Arc::new(Int64Array::from(vec![2024; n])) as ArrayRef,
        ),
        (
            "term_start",
            Arc::new(Date32Array::from(vec![Some(19967); n])) as ArrayRef,
        ),
        (
            "三方协议签订日期",
            Arc::new(Date32Array::from(vec![Some(19967), Some(20100), None])) as ArrayRef,
        ),
    ])
    .unwrap();
    let data: Input = vec![("students".into(), vec![batch])];
    let packs = ["qz-pilot-2024".to_string()];
    let checker = Checker::builtin(&packs, &Default::default()).unwrap();
    let (a, b, h) = both(&checker, data, Some(2024));
    assert_eq!(h, [EntityKind::Students]);
    same(&a, &b, "views");
    let late: Vec<(&str, &str)> = b
        .findings
        .iter()
        .filter(|f| f.rule_id() == "qz-pilot-2024/tripartite-agreement")
        .map(|f| (f.subject.id.as_str(), f.path()))
        .collect();
    // Late (S2), not given (S3); S1 on time, but without the parties' signatures (all three).
    for want in [
        ("S2", "students[1].agreement.signed_on"),
        ("S3", "students[2].agreement.signed_on"),
        ("S1", "students[0].agreement"),
    ] {
        assert!(late.contains(&want), "{want:?} not in {late:?}");
    }
    assert!(!late.contains(&("S1", "students[0].agreement.signed_on")));
}

#[test]
fn forms_the_row_reader_reads_quietly_are_left_to_it() {
    let text = |v: Vec<&str>| Arc::new(StringArray::from(v)) as ArrayRef;
    let cases: Vec<(&str, Input)> = vec![
        (
            "counts as floats (pandas with gaps)",
            table(
                "cohorts",
                vec![
                    ("project", text(vec!["P1", "P2"])),
                    ("entry_year", ints(vec![Some(2021), Some(2022)])),
                    (
                        "enrolled",
                        Arc::new(arrow_array::Float64Array::from(vec![40.0, 30.0])) as ArrayRef,
                    ),
                ],
            ),
        ),
        (
            "semesters in words",
            table(
                "semester_activities",
                vec![
                    ("project", text(vec!["P1", "P2"])),
                    (
                        "semester",
                        text(vec!["2023-2024-1", "2023—2024学年第一学期"]),
                    ),
                ],
            ),
        ),
        (
            "one collection under two names",
            [
                table(
                    "cohorts",
                    vec![
                        ("project", text(vec!["P1"])),
                        ("entry_year", ints(vec![Some(2021)])),
                        ("enrolled", ints(vec![Some(40)])),
                    ],
                ),
                table(
                    "招生批次",
                    vec![
                        ("project", text(vec!["P2"])),
                        ("entry_year", ints(vec![Some(2022)])),
                        ("enrolled", ints(vec![Some(30)])),
                    ],
                ),
            ]
            .concat(),
        ),
    ];
    for (what, data) in cases {
        let rows = read_batches(data.clone(), &opts(Some(2024)));
        let held = read_for_check(empty(Some(2024)), data.clone(), &opts(Some(2024)));
        assert!(held.held.is_empty(), "{what}: held");
        assert_eq!(
            format!("{:?}{:?}", held.read.issues, held.read.notes),
            format!("{:?}{:?}", rows.issues, rows.notes),
            "{what}"
        );
        assert_eq!(held.read.dataset, rows.dataset, "{what}");
        assert!(rows.dataset.cohorts.len() + rows.dataset.semester_activities.len() >= 2);
        declined_beside_rows_on_two_threads(what, data);
    }
}

#[test]
fn a_small_column_limit_reads_as_rows() {
    let text = |v: Vec<&str>| Arc::new(StringArray::from(v)) as ArrayRef;
    let data = table(
        "cohorts",
        vec![
            ("project", text(vec!["P1"])),
            ("entry_year", ints(vec![Some(2021)])),
            ("enrolled", ints(vec![Some(40)])),
        ],
    );
    let mut o = opts(Some(2024));
    o.limits.columns = 2;
    let rows = read_batches(data.clone(), &o);
    let held = read_for_check(empty(Some(2024)), data, &o);
    assert!(held.held.is_empty());
    assert!(!rows.issues.is_empty());
    assert_eq!(
        format!("{:?}", held.read.issues),
        format!("{:?}", rows.issues)
    );
}

#[test]
fn activities_and_cohorts_with_chinese_headers_dictionaries_and_chunks() {
    use arrow_array::types::Int32Type;
    use arrow_array::{DictionaryArray, Int32Array, UInt16Array};
    let acts = |projects: Vec<&str>, semesters: Vec<&str>, meetings: Vec<Option<i32>>| {
        let semesters: DictionaryArray<Int32Type> = semesters.into_iter().collect();
        RecordBatch::try_from_iter(vec![
            (
                "项目编号",
                Arc::new(StringArray::from(projects)) as ArrayRef,
            ),
            ("学期", Arc::new(semesters) as ArrayRef),
            (
                "专题业务沟通会次数",
                Arc::new(Int32Array::from(meetings)) as ArrayRef,
            ),
        ])
        .unwrap()
    };
    let cohorts = RecordBatch::try_from_iter(vec![
        (
            "project",
            Arc::new(StringArray::from(vec![" P1 ", "P2"])) as ArrayRef,
        ),
        (
            "入学年份",
            Arc::new(UInt16Array::from(vec![2021, 2022])) as ArrayRef,
        ),
        (
            "enrolled",
            Arc::new(UInt16Array::from(vec![40, 0])) as ArrayRef,
        ),
        (
            "transferred",
            Arc::new(Int32Array::from(vec![Some(30), None])) as ArrayRef,
        ),
    ])
    .unwrap();
    let data: Input = vec![
        (
            "学期活动".into(),
            vec![
                acts(
                    vec!["P1", "P2"],
                    vec!["2023-2024-1", " 2023-2024-2"],
                    vec![Some(1), None],
                ),
                acts(vec!["P1"], vec!["2023-2024-2"], vec![Some(3)]),
            ],
        ),
        ("招生批次".into(), vec![cohorts]),
    ];
    let checker = Checker::builtin(&["bj-3p2-2024".into()], &Default::default()).unwrap();
    let (a, b, h) = both(&checker, data, Some(2024));
    assert_eq!(h, [EntityKind::SemesterActivities, EntityKind::Cohorts]);
    same(&a, &b, "chinese headers");
    let meetings: Vec<(&str, &str)> = b
        .findings
        .iter()
        .filter(|f| f.rule_id() == "bj-3p2-2024/semester-meetings")
        .map(|f| (f.subject.id.as_str(), f.path()))
        .collect();
    assert!(
        meetings.contains(&("P1 2023-2024-1", "semester_activities[0].meetings")),
        "{meetings:?}"
    );
    assert!(meetings.len() >= 2, "{meetings:?}");
}

/// A JSON document read with its students, cohorts and semester activities as columns
/// (`read_json_for_check`, the CLI's way with a JSON file) is checked as its rows are, every field
/// of every record read the same, for every shared vector; a vector whose records the columns
/// would read otherwise is declined, never read differently.
#[cfg(feature = "bulk")]
#[test]
fn every_vector_read_from_json_as_columns_gets_the_same_report() {
    let checker = Checker::builtin(&[], &Default::default()).unwrap();
    let limits = xianjie::Limits::default();
    let (mut with_students, mut held) = (0, 0);
    for p in vectors() {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let text = v["input"].to_string();
        let Ok(rows) = Dataset::from_json_str(&text) else {
            assert!(xianjie::columns::read_json_for_check(&text, &limits).is_none());
            continue;
        };
        let Some((ds, cols)) = xianjie::columns::read_json_for_check(&text, &limits) else {
            continue;
        };
        let what = p.display().to_string();
        same(
            &checker.check(&rows),
            &checker.check_with_columns(&ds, &cols),
            &what,
        );
        if !rows.students.is_empty() {
            with_students += 1;
            held += usize::from(cols.get(EntityKind::Students).is_some());
            let held = cols.get(EntityKind::Students).unwrap();
            same_fields(&rows.students, held, &what);
        }
        if !rows.cohorts.is_empty() {
            same_fields(&rows.cohorts, cols.get(EntityKind::Cohorts).unwrap(), &what);
        }
        if !rows.semester_activities.is_empty() {
            let held = cols.get(EntityKind::SemesterActivities).unwrap();
            same_fields(&rows.semester_activities, held, &what);
        }
    }
    assert!(
        with_students >= 8,
        "only {with_students} vectors with students"
    );
    assert_eq!(held, with_students, "every vector's students held");
}

/// Asserts every field of every record reads the same from the rows and from the columns, and
/// every record is in the same period.
#[cfg(feature = "bulk")]
fn same_fields<T: xianjie::model::Entity>(
    rows: &Vec<T>,
    cols: &dyn xianjie::model::Records,
    what: &str,
) {
    use xianjie::model::Records;
    assert_eq!(rows.len(), cols.len(), "{what}");
    for def in T::fields() {
        let f = Records::field(rows, def.name).unwrap();
        for i in 0..rows.len() {
            assert_eq!(
                rows.value(i, f.id),
                cols.value(i, f.id),
                "{what}: {} of {i}",
                def.name
            );
        }
    }
    for i in 0..rows.len() {
        assert_eq!(
            Records::period(rows, i),
            cols.period(i),
            "{what}: period of {i}"
        );
    }
}
