//! A national-scale dataset built straight into Arrow columns, for benchmarks and the yardsticks
//! in `benches/python/` (`xianjie sample national --scale S --out DIR`).
//!
//! At scale 1: 10,000 schools, 50,000 projects, 300,000 cohorts, 500,000 semester rows, 20,000
//! finance settlements and 5,000,000 students, plus the two companion collections the
//! completeness rules look for (one status report per project that must file one, one quality
//! monitoring record per school), with about 600,000 findings over the 18 rules of `bj-3p2-2024`
//! and `qz-pilot-2024` that read them.
//!
//! Columns are typed arrays built directly (no record structs, no JSON): Int32 counts and years,
//! Decimal128(18, 2) money, Date32 dates, millisecond timestamps in `+08:00`, Boolean flags,
//! dictionary-encoded ids and enums, `List<Struct{kind, level}>` certificates. Column names are
//! the records' dotted JSON paths. The reporting year is [`REPORTING_YEAR`].
//!
//! Every collection starts with a few fixed rows (the "pinned" rows, documented at each
//! generator) that sit exactly on a rule's bound, just past it, on a calendar edge or on a zero
//! denominator, so that even a tiny scale shows every case; the rest is drawn from a seeded
//! [`Rng`] at realistic rates. Same seed, same columns, on every platform.

use super::rng::Rng;
use crate::model::EntityKind;
use crate::reference::catalog::{self, EducationLevel};
use arrow_array::types::Int32Type;
use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Decimal128Array, DictionaryArray, Int32Array, ListArray,
    RecordBatch, StringArray, StructArray, TimestampMillisecondArray,
};
use arrow_buffer::{Buffer, OffsetBuffer, ScalarBuffer};
use arrow_schema::{ArrowError, DataType, Field, Fields};
use std::sync::Arc;

/// The reporting year the dataset is made for (status reports of 2024, monitoring of 2023).
pub const REPORTING_YEAR: i32 = 2024;

/// Rows at scale 1, per collection.
pub const SCALE_1: [(EntityKind, usize); 6] = [
    (EntityKind::Schools, 10_000),
    (EntityKind::Projects, 50_000),
    (EntityKind::Cohorts, 300_000),
    (EntityKind::SemesterActivities, 500_000),
    (EntityKind::FinanceSettlements, 20_000),
    (EntityKind::Students, 5_000_000),
];

/// Fewest rows per collection, whatever the scale: the pinned rows plus room for draws.
const MIN_ROWS: [usize; 6] = [20, 40, 60, 40, 20, 60];

/// Time zone of every instant (Beijing time).
const TZ: &str = "+08:00";

/// The national dataset at `scale` (1.0 = the sizes of [`SCALE_1`]) from `seed`: one batch per
/// collection, in document order. Errors only if Arrow refuses a column it was built for (a bug).
pub fn national(scale: f64, seed: u64) -> Result<Vec<(EntityKind, RecordBatch)>, ArrowError> {
    let n = |i: usize| -> usize {
        let (_, base) = SCALE_1.get(i).copied().unwrap_or((EntityKind::Schools, 0));
        let want = (base as f64 * scale.max(0.0)).round();
        let want = if want.is_finite() { want as usize } else { 0 };
        want.max(MIN_ROWS.get(i).copied().unwrap_or(1))
    };
    // One stream per collection, so that a collection's rows do not depend on another's size.
    let stream = |k: u64| Rng::new(seed ^ k.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let world = World::new(n(0), n(1), &mut stream(1))?;
    Ok(vec![
        (EntityKind::Schools, schools(&world, &mut stream(2))?),
        (EntityKind::Projects, projects(&world)?),
        (EntityKind::Cohorts, cohorts(&world, n(2), &mut stream(3))?),
        (
            EntityKind::SemesterActivities,
            semesters(&world, n(3), &mut stream(4))?,
        ),
        (
            EntityKind::StatusReports,
            status_reports(&world, &mut stream(5))?,
        ),
        (
            EntityKind::QualityMonitoring,
            quality_monitoring(&world, &mut stream(6))?,
        ),
        (
            EntityKind::FinanceSettlements,
            finance(&world, n(4), &mut stream(7))?,
        ),
        (
            EntityKind::Students,
            students(&world, n(5), &mut stream(8))?,
        ),
    ])
}

// ---------------------------------------------------------------------------------------------
// Calendar: integer day numbers, no time-zone library.

/// Days from 1970-01-01 to `y-m-d` (proleptic Gregorian; Hinnant's `days_from_civil`).
pub fn day_number(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn month_days(y: i32, m: u32) -> u32 {
    match m {
        2 if leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// One calendar month after `y-m-d`, clamped to the end of the shorter month (31 August → 30
/// September; 31 January 2024 → 29 February), as the `within_period` check counts.
fn plus_one_month(y: i32, m: u32, d: u32) -> i32 {
    let (y2, m2) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    day_number(y2, m2, d.min(month_days(y2, m2)))
}

/// Seconds since the epoch of Beijing time `y-m-d hh:mm:ss`.
fn beijing(y: i32, m: u32, d: u32, hh: i64, mm: i64, ss: i64) -> i64 {
    i64::from(day_number(y, m, d)) * 86_400 + hh * 3600 + mm * 60 + ss - 8 * 3600
}

// ---------------------------------------------------------------------------------------------
// Column helpers.

/// `prefix` followed by `i + 1` zero-padded to `width` digits, for `i` in `0..n`, as one Utf8
/// array built from a single byte buffer (no string per row).
fn id_column(prefix: &str, width: usize, n: usize) -> Result<StringArray, ArrowError> {
    let per = prefix.len() + width;
    let mut bytes = Vec::with_capacity(n * per);
    let mut offsets = Vec::with_capacity(n + 1);
    offsets.push(0i32);
    let mut digits = [0u8; 20];
    for i in 0..n {
        bytes.extend_from_slice(prefix.as_bytes());
        let mut v = i + 1;
        let mut k = 0;
        while v > 0 && k < digits.len() {
            digits[k] = b'0' + (v % 10) as u8;
            v /= 10;
            k += 1;
        }
        bytes.extend(std::iter::repeat_n(b'0', width.saturating_sub(k)));
        for j in (0..k).rev() {
            bytes.push(digits[j]);
        }
        let end = i32::try_from(bytes.len())
            .map_err(|_| ArrowError::ComputeError("id column over 2 GiB".into()))?;
        offsets.push(end);
    }
    StringArray::try_new(
        OffsetBuffer::new(ScalarBuffer::from(offsets)),
        Buffer::from_vec(bytes),
        None,
    )
}

/// A dictionary column: `keys` index `values` (`None` = null).
fn dict(keys: Vec<Option<i32>>, values: &ArrayRef) -> Result<ArrayRef, ArrowError> {
    Ok(Arc::new(DictionaryArray::<Int32Type>::try_new(
        Int32Array::from(keys),
        Arc::clone(values),
    )?))
}

/// A dictionary column over a fixed word list.
fn words(keys: Vec<Option<i32>>, list: &[&str]) -> Result<ArrayRef, ArrowError> {
    let values: ArrayRef = Arc::new(StringArray::from(list.to_vec()));
    dict(keys, &values)
}

fn money(cents: Vec<Option<i128>>) -> Result<ArrayRef, ArrowError> {
    Ok(Arc::new(
        Decimal128Array::from(cents).with_precision_and_scale(18, 2)?,
    ))
}

/// Instants from epoch seconds, stored as milliseconds: Parquet has no second unit, and a
/// millisecond column keeps its timestamp type for every reader.
fn instants(secs: Vec<Option<i64>>) -> ArrayRef {
    let ms: Vec<Option<i64>> = secs.into_iter().map(|s| s.map(|s| s * 1000)).collect();
    Arc::new(TimestampMillisecondArray::from(ms).with_timezone(TZ))
}

fn batch(cols: Vec<(&str, ArrayRef)>) -> Result<RecordBatch, ArrowError> {
    RecordBatch::try_from_iter(cols)
}

fn key(i: usize) -> Option<i32> {
    i32::try_from(i).ok()
}

/// A case drawn by weights (per mille, summing to at most 1000; the rest is case `weights.len()`).
fn case(rng: &mut Rng, weights: &[u32]) -> usize {
    let mut x = rng.below(1000) as u32;
    for (i, &w) in weights.iter().enumerate() {
        if x < w {
            return i;
        }
        x -= w;
    }
    weights.len()
}

// ---------------------------------------------------------------------------------------------
// The shared world: schools, projects and the majors they run.

/// Modes of projects, as wire names; the index is stored per project.
const MODES: &[&str] = &[
    "three_plus_two",
    "five_year",
    "higher_bachelor",
    "specialist_pilot",
    "through",
    "regional_integrated",
];
const THREE_PLUS_TWO: u8 = 0;
const FIVE_YEAR: u8 = 1;
const HIGHER_BACHELOR: u8 = 2;
const SPECIALIST_PILOT: u8 = 3;

const STANDINGS: &[&str] = &["newly_approved", "quality_monitored", "discontinued"];
const DISCONTINUED: u8 = 2;

const LEVELS: &[&str] = &["secondary", "technician", "higher"];

struct Project {
    mode: u8,
    standing: u8,
    /// Index of the secondary school (None for higher-to-bachelor programmes).
    secondary: Option<usize>,
    higher: usize,
    secondary_major: Option<usize>,
    higher_major: usize,
    approved_year: i32,
}

impl Project {
    /// Must file a status report for the reporting year (status-report-required and
    /// five-year-reporting-from-2024).
    fn files_report(&self) -> bool {
        self.standing != DISCONTINUED
            && matches!(self.mode, THREE_PLUS_TWO | FIVE_YEAR | SPECIALIST_PILOT)
    }
}

struct World {
    /// Level index per school (into [`LEVELS`]).
    levels: Vec<u8>,
    secondary: Vec<usize>,
    higher: Vec<usize>,
    school_ids: ArrayRef,
    projects: Vec<Project>,
    project_ids: ArrayRef,
    secondary_majors: ArrayRef,
    higher_majors: ArrayRef,
}

/// Associate (higher) majors each higher school runs: few enough that a five-year and a
/// higher-to-bachelor programme meet on one major now and then (the exclusion rule).
const MAJORS_PER_HIGHER_SCHOOL: usize = 8;

impl World {
    fn new(n_schools: usize, n_projects: usize, rng: &mut Rng) -> Result<World, ArrowError> {
        let levels: Vec<u8> = (0..n_schools)
            .map(|i| match i % 10 {
                0..=2 => 2,
                3 => 1,
                _ => 0,
            })
            .collect();
        let higher: Vec<usize> = (0..n_schools).filter(|&i| levels[i] == 2).collect();
        let secondary: Vec<usize> = (0..n_schools).filter(|&i| levels[i] != 2).collect();
        let codes = |level: EducationLevel, fallback: &'static str| -> Vec<&'static str> {
            let v: Vec<&'static str> = catalog::majors()
                .iter()
                .filter(|m| m.level == level)
                .map(|m| m.code)
                .collect();
            if v.is_empty() {
                vec![fallback]
            } else {
                v
            }
        };
        let sec_codes = codes(EducationLevel::Secondary, "710201");
        let high_codes = codes(EducationLevel::Associate, "510201");
        // The last associate major is kept out of the draws: the pinned projects 6 and 7 use it
        // alone, so their group is known to hold no five-year programme.
        let reserved = high_codes.len().saturating_sub(1);
        let drawn = reserved.max(1);
        let school_majors: Vec<[usize; MAJORS_PER_HIGHER_SCHOOL]> = (0..higher.len())
            .map(|_| std::array::from_fn(|_| rng.below(drawn)))
            .collect();
        let mut projects = Vec::with_capacity(n_projects);
        for j in 0..n_projects {
            let h = rng.below(higher.len());
            let mode = match case(rng, &[600, 200, 80, 40, 50]) {
                i @ 0..=4 => i as u8,
                _ => 5,
            };
            let standing = case(rng, &[250, 650]) as u8;
            let secondary_school = (mode != HIGHER_BACHELOR).then(|| rng.below(secondary.len()));
            let mut p = Project {
                mode,
                standing,
                secondary: secondary_school.and_then(|s| secondary.get(s).copied()),
                higher: higher.get(h).copied().unwrap_or(0),
                secondary_major: (mode != HIGHER_BACHELOR).then(|| rng.below(sec_codes.len())),
                higher_major: school_majors
                    .get(h)
                    .and_then(|m| m.get(rng.below(MAJORS_PER_HIGHER_SCHOOL)))
                    .copied()
                    .unwrap_or(0),
                approved_year: 2016 + rng.below(8) as i32,
            };
            pin_project(j, &mut p, &higher, &secondary, &school_majors, reserved);
            projects.push(p);
        }
        let to_array = |v: Vec<&'static str>| -> ArrayRef { Arc::new(StringArray::from(v)) };
        Ok(World {
            levels,
            school_ids: Arc::new(id_column("S", 6, n_schools)?),
            project_ids: Arc::new(id_column("P", 7, n_projects)?),
            secondary,
            higher,
            projects,
            secondary_majors: to_array(sec_codes),
            higher_majors: to_array(high_codes),
        })
    }
}

/// Pinned projects: 0 a 3+2 project that files its report with every figure on its bound; 1 a
/// newly approved 3+2 project with no report; 2 a five-year project with no report; 3 a
/// five-year project with its report; 4 and 5 a higher-to-bachelor and a five-year programme on
/// the same major of the same higher school (excluded); 6 and 7 a higher-to-bachelor and a 3+2
/// programme on the reserved major of that school (allowed).
fn pin_project(
    j: usize,
    p: &mut Project,
    higher: &[usize],
    secondary: &[usize],
    school_majors: &[[usize; MAJORS_PER_HIGHER_SCHOOL]],
    reserved: usize,
) {
    let h0 = higher.first().copied().unwrap_or(0);
    let s = |k: usize| secondary.get(k % secondary.len().max(1)).copied();
    let m0 = school_majors.first().map_or(0, |m| m[0]);
    let (mode, standing) = match j {
        0 => (THREE_PLUS_TWO, 1),
        1 => (THREE_PLUS_TWO, 0),
        2 | 5 => (FIVE_YEAR, 1),
        3 => (FIVE_YEAR, 0),
        4 | 6 => (HIGHER_BACHELOR, 1),
        7 => (THREE_PLUS_TWO, 1),
        _ => return,
    };
    p.mode = mode;
    p.standing = standing;
    p.secondary = (mode != HIGHER_BACHELOR).then(|| s(j)).flatten();
    if mode == HIGHER_BACHELOR {
        p.secondary_major = None;
    } else if p.secondary_major.is_none() {
        p.secondary_major = Some(j);
    }
    if (4..=7).contains(&j) {
        p.higher = h0;
        p.higher_major = if j <= 5 { m0 } else { reserved };
    }
}

// ---------------------------------------------------------------------------------------------
// Collections.

const HEAD_ROLES: &[&str] = &["principal", "party_secretary", "vice_principal", "other"];
const OFFICES: &[&str] = &["中高职衔接工作办公室", "教务处", "招生就业处", "无"];
const SURNAMES: &[&str] = &["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "军", "杰", "涛",
];

fn person(rng: &mut Rng) -> String {
    let s = SURNAMES
        .get(rng.below(SURNAMES.len()))
        .copied()
        .unwrap_or("王");
    let g = GIVEN.get(rng.below(GIVEN.len())).copied().unwrap_or("伟");
    format!("{s}{g}")
}

/// Schools. Pinned: 0 reports its contact exactly at the deadline (2024-01-31 17:00:00) with a
/// complete leading group; 1 one second late; 2 never; 3 a vice principal heads the group and
/// the office is 无; 4 no head and no contact name, nor an e-mail. Telephones and e-mails are
/// derived from the index (no random draw, so the other columns stay as they were).
fn schools(w: &World, rng: &mut Rng) -> Result<RecordBatch, ArrowError> {
    let n = w.levels.len();
    let deadline = beijing(2024, 1, 31, 17, 0, 0);
    let mut names = Vec::with_capacity(n);
    let mut level = Vec::with_capacity(n);
    let mut independent = Vec::with_capacity(n);
    let mut head = Vec::with_capacity(n);
    let mut role = Vec::with_capacity(n);
    let mut office = Vec::with_capacity(n);
    let mut contact = Vec::with_capacity(n);
    let mut reported = Vec::with_capacity(n);
    let phone: Vec<Option<String>> = (0..n)
        .map(|i| Some(format!("010-8{:07}", i % 10_000_000)))
        .collect();
    let email: Vec<Option<String>> = (0..n)
        .map(|i| (i != 4).then(|| format!("lianxi{i}@school.edu.cn")))
        .collect();
    for i in 0..n {
        let lv = w.levels.get(i).copied().unwrap_or(0);
        names.push(match lv {
            2 => format!("第{}职业技术学院", i + 1),
            1 => format!("第{}技工学校", i + 1),
            _ => format!("第{}中等职业学校", i + 1),
        });
        level.push(Some(i32::from(lv)));
        independent.push((lv == 2).then(|| !rng.chance(20)));
        let mut h = (!rng.chance(15)).then(|| person(rng));
        let mut r = match case(rng, &[600, 300, 50, 20]) {
            4 => None,
            k => key(k),
        };
        let mut o = match case(rng, &[500, 300, 170, 15]) {
            4 => None,
            k => key(k),
        };
        let mut c = (!rng.chance(15)).then(|| person(rng));
        let mut t = match case(rng, &[850, 40, 5, 65]) {
            0 => Some(deadline - 3600 - rng.below(20 * 86_400) as i64),
            1 => Some(deadline),
            2 => Some(deadline + 1),
            3 => Some(deadline + 1 + rng.below(30 * 86_400) as i64),
            _ => None,
        };
        match i {
            0 => {
                t = Some(deadline);
                h = Some(person(rng));
                r = Some(0);
                o = Some(0);
                c = Some(person(rng));
            }
            1 => t = Some(deadline + 1),
            2 => t = None,
            3 => {
                r = Some(2);
                o = Some(3);
            }
            4 => {
                h = None;
                c = None;
            }
            _ => {}
        }
        head.push(h);
        role.push(r);
        office.push(o);
        contact.push(c);
        reported.push(t);
    }
    batch(vec![
        ("id", Arc::clone(&w.school_ids)),
        ("name", Arc::new(StringArray::from(names))),
        ("level", words(level, LEVELS)?),
        ("independent", Arc::new(BooleanArray::from(independent))),
        (
            "governance.leading_group.head",
            Arc::new(StringArray::from(head)),
        ),
        (
            "governance.leading_group.head_role",
            words(role, HEAD_ROLES)?,
        ),
        ("governance.responsible_office", words(office, OFFICES)?),
        (
            "governance.contact.name",
            Arc::new(StringArray::from(contact)),
        ),
        (
            "governance.contact.phone",
            Arc::new(StringArray::from(phone)),
        ),
        (
            "governance.contact.email",
            Arc::new(StringArray::from(email)),
        ),
        ("governance.contact.reported_at", instants(reported)),
    ])
}

fn projects(w: &World) -> Result<RecordBatch, ArrowError> {
    let ps = &w.projects;
    batch(vec![
        ("id", Arc::clone(&w.project_ids)),
        (
            "mode",
            words(ps.iter().map(|p| Some(i32::from(p.mode))).collect(), MODES)?,
        ),
        (
            "secondary_school",
            dict(
                ps.iter().map(|p| p.secondary.and_then(key)).collect(),
                &w.school_ids,
            )?,
        ),
        (
            "higher_school",
            dict(ps.iter().map(|p| key(p.higher)).collect(), &w.school_ids)?,
        ),
        (
            "secondary_major.code",
            dict(
                ps.iter().map(|p| p.secondary_major.and_then(key)).collect(),
                &w.secondary_majors,
            )?,
        ),
        (
            "higher_major.code",
            dict(
                ps.iter().map(|p| key(p.higher_major)).collect(),
                &w.higher_majors,
            )?,
        ),
        (
            "standing",
            words(
                ps.iter().map(|p| Some(i32::from(p.standing))).collect(),
                STANDINGS,
            )?,
        ),
        (
            "approved_year",
            Arc::new(Int32Array::from_iter_values(
                ps.iter().map(|p| p.approved_year),
            )),
        ),
    ])
}

/// Cohorts, six entry years (2018–2023) per project; those from 2021 on have not finished the
/// three secondary years and give no graduates yet. Pinned: 0 every graduate transferred and
/// every entrant graduated (both bounds met exactly); 1 one more transferred than graduated; 2
/// one more graduated than enrolled; 6 nobody enrolled (zero denominators).
fn cohorts(w: &World, n: usize, rng: &mut Rng) -> Result<RecordBatch, ArrowError> {
    let np = w.projects.len().max(1);
    let mut project = Vec::with_capacity(n);
    let mut year = Vec::with_capacity(n);
    let mut enrolled = Vec::with_capacity(n);
    let mut still = Vec::with_capacity(n);
    let mut graduated = Vec::with_capacity(n);
    let mut transferred = Vec::with_capacity(n);
    for c in 0..n {
        let p = (c / 6) % np;
        let y = 2018 + (c % 6) as i32;
        let mut e = 20 + rng.below(41) as i32;
        let (mut g, mut t) = (None, None);
        if y <= 2020 {
            let gv = match case(rng, &[100, 10]) {
                0 => e,
                1 => e + 1 + rng.below(3) as i32,
                _ => e - 1 - rng.below(5) as i32,
            };
            let tv = match case(rng, &[80, 25]) {
                0 => gv,
                1 => gv + 1 + rng.below(3) as i32,
                _ => gv * (70 + rng.below(30) as i32) / 100,
            };
            g = Some(gv);
            t = Some(tv);
        }
        if rng.chance(5) {
            e = 0;
            if y <= 2020 {
                (g, t) = (Some(0), Some(0));
            }
        }
        match c {
            0 => (g, t) = (Some(e), Some(e)),
            1 => (g, t) = (Some(e - 2), Some(e - 1)),
            2 => (g, t) = (Some(e + 1), Some(e - 3)),
            6 => (e, g, t) = (0, Some(0), Some(0)),
            _ => {}
        }
        project.push(key(p));
        year.push(y);
        enrolled.push(e);
        still.push((y >= 2021).then_some(e));
        graduated.push(g);
        transferred.push(t);
    }
    batch(vec![
        ("project", dict(project, &w.project_ids)?),
        ("entry_year", Arc::new(Int32Array::from(year))),
        ("enrolled", Arc::new(Int32Array::from(enrolled))),
        ("still_enrolled", Arc::new(Int32Array::from(still))),
        ("graduated_secondary", Arc::new(Int32Array::from(graduated))),
        ("transferred", Arc::new(Int32Array::from(transferred))),
    ])
}

/// The ten semesters from autumn 2019 to spring 2024.
const SEMESTERS: &[&str] = &[
    "2019-2020-1",
    "2019-2020-2",
    "2020-2021-1",
    "2020-2021-2",
    "2021-2022-1",
    "2021-2022-2",
    "2022-2023-1",
    "2022-2023-2",
    "2023-2024-1",
    "2023-2024-2",
];

/// A count with a floor `min`: on the floor, above, below or not given.
fn activity(rng: &mut Rng, min: i32) -> Option<i32> {
    match case(rng, &[200, 50, 15, 8]) {
        0 => Some(min),
        1 => Some(min - 1),
        2 => Some(rng.below(min.max(1) as usize) as i32),
        3 => None,
        _ => Some(min + 1 + rng.below(4) as i32),
    }
}

/// Semester activity (meetings ≥ 2, joint research ≥ 3, teachers dispatched ≥ 5), each
/// project's semesters latest first: only 2023-2024-1 (under way on 2024-01-24, the notice's
/// date) and 2023-2024-2 are judged. Pinned: 0 (2023-2024-2) exactly 2, 3, 5; 1 (2023-2024-1)
/// one short of each; 2 (2022-2023-2, before the notice) nothing given, not judged; 10
/// (2023-2024-2 of the next project) nothing given.
fn semesters(w: &World, n: usize, rng: &mut Rng) -> Result<RecordBatch, ArrowError> {
    let np = w.projects.len().max(1);
    let mut project = Vec::with_capacity(n);
    let mut sem = Vec::with_capacity(n);
    let (mut m, mut r, mut t) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    for a in 0..n {
        project.push(key((a / SEMESTERS.len()) % np));
        sem.push(key(SEMESTERS.len() - 1 - a % SEMESTERS.len()));
        let (x, y, z) = match a {
            0 => (Some(2), Some(3), Some(5)),
            1 => (Some(1), Some(2), Some(4)),
            2 | 10 => (None, None, None),
            _ => (activity(rng, 2), activity(rng, 3), activity(rng, 5)),
        };
        m.push(x);
        r.push(y);
        t.push(z);
    }
    batch(vec![
        ("project", dict(project, &w.project_ids)?),
        ("semester", words(sem, SEMESTERS)?),
        ("meetings", Arc::new(Int32Array::from(m))),
        ("joint_research", Arc::new(Int32Array::from(r))),
        ("teachers_dispatched", Arc::new(Int32Array::from(t))),
    ])
}

/// Texts for the status report's descriptions: in substance, exactly 10 characters (on the
/// bound: passes), 9 characters (too short), and two placeholders.
const TEXTS: &[&str] = &[
    "与合作企业共建实训基地,每学期联合开展岗位实践与课程开发",
    "双方学校定期召开联席会议,共同修订一体化人才培养方案并跟踪实施",
    "校企合作机制已经建立",
    "校企合作机制已建立",
    "无",
    "略",
];

fn text(rng: &mut Rng) -> Option<i32> {
    match case(rng, &[30, 6, 4, 2, 3]) {
        0 => Some(2),
        1 => Some(3),
        2 => Some(4),
        3 => Some(5),
        4 => None,
        _ => key(rng.below(2)),
    }
}

/// Status reports of the reporting year, one for most projects that must file one. Pinned:
/// project 0's report is submitted exactly at the deadline (2024-02-27 17:00:00), with every
/// description exactly 10 characters, as many transferred as graduated, filed by the secondary
/// school; project 3's one second late, with the higher school as filer.
fn status_reports(w: &World, rng: &mut Rng) -> Result<RecordBatch, ArrowError> {
    let deadline = beijing(2024, 2, 27, 17, 0, 0);
    let mut project = Vec::new();
    let (mut enr, mut grad, mut tr) = (Vec::new(), Vec::new(), Vec::new());
    let mut texts: Vec<Vec<Option<i32>>> = vec![Vec::new(); 11];
    let mut filed = Vec::new();
    let mut submitted = Vec::new();
    for (j, p) in w.projects.iter().enumerate() {
        let pinned = matches!(j, 0 | 3);
        if !p.files_report() || matches!(j, 1 | 2) || (!pinned && rng.chance(60)) {
            continue;
        }
        project.push(key(j));
        let e = 20 + rng.below(41) as i32;
        let g = e - rng.below(6) as i32;
        let t = match case(rng, &[80, 20, 10]) {
            0 => Some(g),
            1 => Some(g + 1),
            2 => None,
            _ => Some(g * (70 + rng.below(30) as i32) / 100),
        };
        let e = (!rng.chance(10)).then_some(e);
        let mut f = match case(rng, &[20, 20]) {
            0 => None,
            1 => key(p.higher),
            _ => p.secondary.or(Some(p.higher)).and_then(key),
        };
        let mut s = match case(rng, &[20, 5, 30, 10]) {
            0 => Some(deadline),
            1 => Some(deadline + 1),
            2 => Some(deadline + 1 + rng.below(10 * 86_400) as i64),
            3 => None,
            _ => Some(deadline - 60 - rng.below(40 * 86_400) as i64),
        };
        let (mut e2, mut t2) = (e, t);
        for col in texts.iter_mut() {
            col.push(if j == 0 { Some(2) } else { text(rng) });
        }
        match j {
            0 => {
                s = Some(deadline);
                f = p.secondary.and_then(key);
                (e2, t2) = (Some(e.unwrap_or(30)), Some(g));
            }
            3 => {
                s = Some(deadline + 1);
                f = key(p.higher);
            }
            _ => {}
        }
        enr.push(e2);
        grad.push(Some(g));
        tr.push(t2);
        filed.push(f);
        submitted.push(s);
    }
    let names = [
        "mechanisms.school_enterprise",
        "mechanisms.school_school",
        "mechanisms.teacher_exchange",
        "mechanisms.resource_sharing",
        "mechanisms.quality_monitoring",
        "integrated_training.plan_revision",
        "integrated_training.bridging_courses",
        "integrated_training.enterprise_communication",
        "integrated_training.teacher_exchange_research",
        "integrated_training.shared_resources",
        "integrated_training.transfer_assessment",
    ];
    let n = project.len();
    let mut cols: Vec<(&str, ArrayRef)> = vec![
        ("project", dict(project, &w.project_ids)?),
        (
            "reporting_year",
            Arc::new(Int32Array::from(vec![REPORTING_YEAR; n])),
        ),
        ("enrollment", Arc::new(Int32Array::from(enr))),
        ("graduated_secondary", Arc::new(Int32Array::from(grad))),
        ("transferred", Arc::new(Int32Array::from(tr))),
    ];
    for (name, col) in names.iter().zip(texts) {
        cols.push((name, words(col, TEXTS)?));
    }
    cols.push(("filed_by", dict(filed, &w.school_ids)?));
    cols.push(("submitted_at", instants(submitted)));
    batch(cols)
}

/// Quality monitoring of the year before the reporting year, for most schools. Pinned: school 0
/// completed exactly at 2023-12-31 23:59:59; school 1 has no record; school 2 completed at
/// 2024-01-01 00:00:00 (one second late); school 3's record gives no completion time.
fn quality_monitoring(w: &World, rng: &mut Rng) -> Result<RecordBatch, ArrowError> {
    let end = beijing(2023, 12, 31, 23, 59, 59);
    let mut school = Vec::new();
    let mut done = Vec::new();
    for i in 0..w.levels.len() {
        if i == 1 || (i > 3 && rng.chance(30)) {
            continue;
        }
        let t = match (i, case(rng, &[25, 8, 30, 10])) {
            (0, _) => Some(end),
            (2, _) => Some(end + 1),
            (3, _) | (_, 3) => None,
            (_, 0) => Some(end),
            (_, 1) => Some(end + 1),
            (_, 2) => Some(end + 1 + rng.below(45 * 86_400) as i64),
            _ => Some(end - rng.below(60 * 86_400) as i64),
        };
        school.push(key(i));
        done.push(t);
    }
    let n = school.len();
    batch(vec![
        ("school", dict(school, &w.school_ids)?),
        (
            "year",
            Arc::new(Int32Array::from(vec![REPORTING_YEAR - 1; n])),
        ),
        ("completed_at", instants(done)),
    ])
}

/// Finance settlements between a higher school and a secondary school, one school year each
/// (2023–2024 or 2024–2025: the school years the Quzhou pilot of 2024-05-29 is in force in).
/// Amounts in cents. Pinned: 0 tuition passed on at exactly 60%, fees and appropriation exactly
/// in full; 1 one cent short on each (59.99…%); 2 nothing collected and no students (zero). The
/// local finance pays the higher school in full, but one cent short on 1 (no random draw, so the
/// other columns stay as they were).
fn finance(w: &World, n: usize, rng: &mut Rng) -> Result<RecordBatch, ArrowError> {
    let mut higher = Vec::with_capacity(n);
    let mut school = Vec::with_capacity(n);
    let mut year = Vec::with_capacity(n);
    let (mut tc, mut tp, mut fc, mut fp) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    let (mut aps, mut ast, mut apd, mut arc) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    for k in 0..n {
        let h = w
            .higher
            .get(rng.below(w.higher.len()))
            .copied()
            .unwrap_or(0);
        let s = w
            .secondary
            .get(rng.below(w.secondary.len()))
            .copied()
            .unwrap_or(0);
        let students = match (k, rng.chance(10)) {
            (0 | 1, _) => 20 + rng.below(280) as i64,
            (2, _) | (_, true) => 0,
            _ => 20 + rng.below(280) as i64,
        };
        // Tuition in whole yuan per student, so that 60% of it is a whole number of cents.
        let collected = i128::from(students) * i128::from(4000 + 500 * rng.below(5) as i64) * 100;
        let sixty = collected * 6 / 10;
        let passed = match (k, case(rng, &[100, 15, 40, 10])) {
            (0, _) | (_, 0) => Some(sixty),
            (1, _) | (_, 1) => Some((sixty - 1).max(0)),
            (_, 2) => Some(collected / 2),
            (_, 3) => None,
            _ => Some(sixty + collected * rng.below(30) as i128 / 100),
        };
        let fees = i128::from(students) * i128::from(1200 + rng.below(800) as i64) * 100
            + rng.below(100) as i128;
        let fees_paid = match (k, case(rng, &[50, 20, 8])) {
            (0, _) => Some(fees),
            (1, _) | (_, 0) => Some((fees - 1).max(0)),
            (_, 1) => Some(fees * 9 / 10),
            (_, 2) => None,
            _ => Some(fees),
        };
        let per = i128::from(8000 + 500 * rng.below(9) as i64) * 100;
        let owed = per * i128::from(students);
        let paid = match (k, case(rng, &[40, 20, 8])) {
            (0, _) => Some(owed),
            (1, _) | (_, 0) => Some((owed - 1).max(0)),
            (_, 1) => Some(owed * 95 / 100),
            (_, 2) => None,
            _ => Some(owed),
        };
        higher.push(key(h));
        school.push(key(s));
        year.push(2023 + (k % 2) as i32);
        tc.push(Some(collected));
        tp.push(passed);
        fc.push(Some(fees));
        fp.push(fees_paid);
        aps.push(Some(per));
        ast.push(i32::try_from(students).ok());
        apd.push(paid);
        arc.push(Some(if k == 1 { (owed - 1).max(0) } else { owed }));
    }
    batch(vec![
        ("higher_school", dict(higher, &w.school_ids)?),
        ("school", dict(school, &w.school_ids)?),
        ("year", Arc::new(Int32Array::from(year))),
        ("tuition_collected", money(tc)?),
        ("tuition_passed_on", money(tp)?),
        ("fees_collected", money(fc)?),
        ("fees_passed_on", money(fp)?),
        ("appropriation_per_student", money(aps)?),
        ("appropriation_students", Arc::new(Int32Array::from(ast))),
        ("appropriation_paid", money(apd)?),
        ("appropriation_received", money(arc)?),
    ])
}

const CERT_KINDS: &[&str] = &["senior_worker", "x_certificate"];
const CERT_LEVELS: &[&str] = &["elementary", "intermediate", "advanced"];

/// Students of the five-year pilot, entry years 2019–2024 (those of 2019 have graduated). Term
/// start is 1 September, or 31 August (one month later: 30 September), or a spring intake on
/// 31 January (one month later: 29 February in a leap year) or on 29 February. The pilot's
/// agreement rule judges intakes from its date (2024-05-29) on. Pinned: 0 term 31 August 2024,
/// signed 30 September (on the bound); 1 signed 1 October (late); 2 term 31 January 2025,
/// signed 28 February (on the bound); 3 signed 1 March (late); 4 term 29 February 2024, signed
/// 29 March (before the pilot: not judged); 5 term 1 September 2024, no signing date; 6 the
/// same, signed on time but without the guardian's signature; 7 a graduate holding only an
/// intermediate X certificate (enough); 8 a graduate holding only an elementary X certificate;
/// 9 a graduate with no certificate.
fn students(w: &World, n: usize, rng: &mut Rng) -> Result<RecordBatch, ArrowError> {
    let mut school = Vec::with_capacity(n);
    let mut higher = Vec::with_capacity(n);
    let mut entry = Vec::with_capacity(n);
    let mut term = Vec::with_capacity(n);
    let mut signed = Vec::with_capacity(n);
    let (mut sh, mut ss, mut sg) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    let mut graduated = Vec::with_capacity(n);
    let mut offsets: Vec<i32> = Vec::with_capacity(n + 1);
    offsets.push(0);
    let mut kinds: Vec<Option<i32>> = Vec::with_capacity(n);
    let mut levels: Vec<Option<i32>> = Vec::with_capacity(n);
    for k in 0..n {
        let mut y = 2019 + rng.below(6) as i32;
        let (mut tm, mut td) = match case(rng, &[100, 20, 10]) {
            0 => (8, 31),
            1 => (1, 31),
            2 if leap(y) => (2, 29),
            2 => (2, 28),
            _ => (9, 1),
        };
        let pinned_term = match k {
            0 | 1 => Some((2024, 8, 31)),
            2 | 3 => Some((2025, 1, 31)),
            4 => Some((2024, 2, 29)),
            5 | 6 => Some((2024, 9, 1)),
            _ => None,
        };
        if let Some((py, pm, pd)) = pinned_term {
            (y, tm, td) = (py, pm, pd);
        }
        if (7..=9).contains(&k) {
            y = 2019;
        }
        let start = day_number(y, tm, td);
        let due = plus_one_month(y, tm, td);
        let mut sign = match case(rng, &[40, 10, 25, 25]) {
            0 => Some(due),
            1 => Some(due + 1),
            2 => Some(due + 2 + rng.below(60) as i32),
            3 => None,
            _ => Some(start - 20 + rng.below((due - start + 21).max(1) as usize) as i32),
        };
        match k {
            0 | 2 | 4 => sign = Some(due),
            1 | 3 => sign = Some(due + 1),
            5 => sign = None,
            6 => sign = Some(start),
            _ => {}
        }
        let flags = if sign.is_some() {
            let mut f = [Some(true); 3];
            match case(rng, &[10, 10]) {
                0 => f[rng.below(3)] = Some(false),
                1 => f[rng.below(3)] = None,
                _ => {}
            }
            if k == 6 {
                f = [Some(true), Some(true), Some(false)];
            } else if k < 10 {
                f = [Some(true); 3];
            }
            f
        } else {
            [None; 3]
        };
        let grad = y == 2019;
        // Certificates: graduates mostly qualify (senior worker, or an X certificate at
        // intermediate level or above); the rest hold nothing or an elementary one.
        let certs: &[(i32, Option<i32>)] = match (k, grad, case(rng, &[35, 25, 20])) {
            (7, ..) => &[(1, Some(1))],
            (8, ..) => &[(1, Some(0))],
            (9, ..) => &[],
            (_, true, 0) => &[],
            (_, true, 1) => &[(1, Some(0))],
            (_, true, 2) => &[(1, None)],
            (_, true, _) => match rng.below(4) {
                0 => &[(0, None)],
                1 => &[(1, Some(1))],
                2 => &[(1, Some(2)), (1, Some(0))],
                _ => &[(1, Some(0)), (0, None)],
            },
            (_, false, _) => match rng.below(3) {
                0 => &[],
                1 => &[(1, Some(0))],
                _ => &[(1, Some(1))],
            },
        };
        for &(kd, lv) in certs {
            kinds.push(Some(kd));
            levels.push(lv);
        }
        let end = i32::try_from(kinds.len())
            .map_err(|_| ArrowError::ComputeError("over 2^31 certificates".into()))?;
        offsets.push(end);
        school.push(
            w.secondary
                .get(rng.below(w.secondary.len()))
                .copied()
                .and_then(key),
        );
        higher.push(
            w.higher
                .get(rng.below(w.higher.len()))
                .copied()
                .and_then(key),
        );
        entry.push(y);
        term.push(start);
        signed.push(sign);
        sh.push(flags[0]);
        ss.push(flags[1]);
        sg.push(flags[2]);
        graduated.push(grad);
    }
    let kind_col = words(kinds, CERT_KINDS)?;
    let level_col = words(levels, CERT_LEVELS)?;
    let fields = Fields::from(vec![
        Field::new("kind", kind_col.data_type().clone(), false),
        Field::new("level", level_col.data_type().clone(), true),
    ]);
    let structs = StructArray::try_new(fields.clone(), vec![kind_col, level_col], None)?;
    let item = Arc::new(Field::new("item", DataType::Struct(fields), true));
    let certificates = ListArray::try_new(
        item,
        OffsetBuffer::new(ScalarBuffer::from(offsets)),
        Arc::new(structs),
        None,
    )?;
    batch(vec![
        ("id", Arc::new(id_column("ST", 8, n)?)),
        ("school", dict(school, &w.school_ids)?),
        ("higher_school", dict(higher, &w.school_ids)?),
        ("entry_year", Arc::new(Int32Array::from(entry))),
        ("term_start", Arc::new(Date32Array::from(term))),
        ("agreement.signed_on", Arc::new(Date32Array::from(signed))),
        ("agreement.higher_school", Arc::new(BooleanArray::from(sh))),
        (
            "agreement.secondary_school",
            Arc::new(BooleanArray::from(ss)),
        ),
        (
            "agreement.student_or_guardian",
            Arc::new(BooleanArray::from(sg)),
        ),
        ("certificates", Arc::new(certificates)),
        ("graduated", Arc::new(BooleanArray::from(graduated))),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::Array;

    #[test]
    fn calendar_edges() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(2024, 2, 29) - day_number(2024, 2, 28), 1);
        assert_eq!(plus_one_month(2024, 8, 31), day_number(2024, 9, 30));
        assert_eq!(plus_one_month(2024, 1, 31), day_number(2024, 2, 29));
        assert_eq!(plus_one_month(2023, 1, 31), day_number(2023, 2, 28));
        assert_eq!(plus_one_month(2024, 2, 29), day_number(2024, 3, 29));
        assert_eq!(plus_one_month(2024, 12, 15), day_number(2025, 1, 15));
        // 2024-01-31T17:00:00+08:00 = 09:00 UTC.
        assert_eq!(beijing(2024, 1, 31, 17, 0, 0), 1_706_691_600);
    }

    #[test]
    fn texts_sit_on_the_ten_character_bound() {
        assert_eq!(TEXTS[2].chars().count(), 10);
        assert_eq!(TEXTS[3].chars().count(), 9);
        assert!(TEXTS[..2].iter().all(|t| t.chars().count() >= 10));
    }

    #[test]
    fn sizes_and_determinism() {
        let a = national(0.001, 7).unwrap();
        let b = national(0.001, 7).unwrap();
        assert_eq!(a, b);
        let rows: Vec<(&str, usize)> = a.iter().map(|(k, b)| (k.as_str(), b.num_rows())).collect();
        assert_eq!(rows[0], ("schools", 20));
        assert_eq!(rows[1], ("projects", 50));
        assert_eq!(rows[2], ("cohorts", 300));
        assert_eq!(rows[3], ("semester_activities", 500));
        assert_eq!(rows[6], ("finance_settlements", 20));
        assert_eq!(rows[7], ("students", 5000));
        let c = national(0.001, 8).unwrap();
        assert_ne!(a, c);
        let students = &a[7].1;
        let ids = students.column_by_name("id").unwrap();
        let ids = ids.as_any().downcast_ref::<StringArray>().unwrap();
        assert_eq!(ids.value(0), "ST00000001");
        assert_eq!(ids.value(4999), "ST00005000");
    }
}
