//! Strategies for generated records, shared by the tests that generate datasets
//! (`properties.rs`, `direct.rs`).

use proptest::prelude::*;
use xianjie::model::{Cohort, QualityMonitoring, Semester, SemesterActivity};

pub fn semester() -> impl Strategy<Value = Semester> {
    (1950i32..2150, 1u8..=2).prop_map(|(start_year, term)| Semester { start_year, term })
}

pub fn activity(
    meetings: std::ops::Range<u32>,
    research: std::ops::Range<u32>,
    teachers: std::ops::Range<u32>,
) -> impl Strategy<Value = SemesterActivity> {
    (
        "P[0-9]{1,4}",
        semester(),
        proptest::option::of(meetings),
        proptest::option::of(research),
        proptest::option::of(teachers),
    )
        .prop_map(
            |(project, semester, meetings, joint_research, teachers_dispatched)| SemesterActivity {
                project,
                semester,
                meetings,
                joint_research,
                teachers_dispatched,
            },
        )
}

pub fn cohort() -> impl Strategy<Value = Cohort> {
    (
        "\\PC{0,12}",
        1990i32..2100,
        any::<u32>(),
        proptest::option::of(any::<u32>()),
        proptest::option::of(any::<u32>()),
        proptest::option::of(any::<u32>()),
    )
        .prop_map(|(project, entry_year, enrolled, still, grad, tr)| Cohort {
            project,
            entry_year,
            enrolled,
            still_enrolled: still,
            graduated_secondary: grad,
            transferred: tr,
        })
}

pub fn monitoring() -> impl Strategy<Value = QualityMonitoring> {
    use chrono::{FixedOffset, TimeZone};
    (
        "\\PC{0,8}",
        1990i32..2100,
        proptest::option::of((0i64..4_102_444_800, -12i32..=14)),
        proptest::option::of("\\PC{0,40}"),
    )
        .prop_map(|(school, year, at, summary)| QualityMonitoring {
            school,
            year,
            completed_at: at.and_then(|(secs, h)| {
                FixedOffset::east_opt(h * 3600)?
                    .timestamp_opt(secs, 0)
                    .single()
            }),
            summary,
        })
}
