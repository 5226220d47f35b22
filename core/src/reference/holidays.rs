//! Public holidays and adjusted working days in mainland China (法定节假日与调休), for moving a
//! period's last day off a rest day (民法典 第二百零三条: 期间的最后一日是法定休假日的,以法定休假日
//! 结束的次日为期间的最后一日).
//!
//! Kept small and cited: the State Council General Office's yearly notices, one row per day off
//! that falls on a weekday and per weekend day that is worked (调休上班). Saturdays and Sundays
//! are rest days unless listed as worked.
//!
//! - 2024: 国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号).
//! - 2025: 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号).
//!
//! Years outside [`YEARS`] know weekends only; callers say so where it matters.

use chrono::{Datelike, NaiveDate, Weekday};

/// Years whose schedule is embedded.
pub const YEARS: std::ops::RangeInclusive<i32> = 2024..=2025;

/// Weekdays off (month, day) by year, from the notices above.
const OFF: &[(i32, &[(u32, u32)])] = &[
    (
        2024,
        &[
            (1, 1),
            (2, 12),
            (2, 13),
            (2, 14),
            (2, 15),
            (2, 16),
            (4, 4),
            (4, 5),
            (5, 1),
            (5, 2),
            (5, 3),
            (6, 10),
            (9, 16),
            (9, 17),
            (10, 1),
            (10, 2),
            (10, 3),
            (10, 4),
            (10, 7),
        ],
    ),
    (
        2025,
        &[
            (1, 1),
            (1, 28),
            (1, 29),
            (1, 30),
            (1, 31),
            (2, 3),
            (2, 4),
            (4, 4),
            (5, 1),
            (5, 2),
            (5, 5),
            (6, 2),
            (10, 1),
            (10, 2),
            (10, 3),
            (10, 6),
            (10, 7),
            (10, 8),
        ],
    ),
];

/// Weekend days worked (调休上班) by year, from the notices above.
const WORKED: &[(i32, &[(u32, u32)])] = &[
    (
        2024,
        &[
            (2, 4),
            (2, 18),
            (4, 7),
            (4, 28),
            (5, 11),
            (9, 14),
            (9, 29),
            (10, 12),
        ],
    ),
    (2025, &[(1, 26), (2, 8), (4, 27), (9, 28), (10, 11)]),
];

fn listed(table: &[(i32, &[(u32, u32)])], d: NaiveDate) -> bool {
    table
        .iter()
        .find(|(y, _)| *y == d.year())
        .is_some_and(|(_, days)| days.contains(&(d.month(), d.day())))
}

/// Whether `d` is a rest day (法定休假日): a public holiday, or a Saturday or Sunday not worked.
pub fn is_rest_day(d: NaiveDate) -> bool {
    if listed(OFF, d) {
        return true;
    }
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !listed(WORKED, d)
}

/// The first day from `d` on that is not a rest day (`d` itself when it is a working day).
/// `None` only at the end of the calendar.
pub fn next_working_day(d: NaiveDate) -> Option<NaiveDate> {
    let mut day = d;
    // A holiday run is at most 9 days long; the bound keeps the loop finite on any input.
    for _ in 0..16 {
        if !is_rest_day(day) {
            return Some(day);
        }
        day = day.succ_opt()?;
    }
    Some(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn national_day_2024_moves_to_the_8th() {
        assert!(is_rest_day(d("2024-10-01")));
        assert!(is_rest_day(d("2024-10-06")));
        assert_eq!(next_working_day(d("2024-10-01")), Some(d("2024-10-08")));
        // The Sunday before it was worked.
        assert!(!is_rest_day(d("2024-09-29")));
    }

    #[test]
    fn national_day_2025_moves_to_the_9th() {
        assert_eq!(next_working_day(d("2025-10-01")), Some(d("2025-10-09")));
        assert!(!is_rest_day(d("2025-09-28")));
    }

    #[test]
    fn weekends_and_working_days() {
        // A Tuesday is worked; a Saturday is not, outside the embedded years too.
        assert_eq!(next_working_day(d("2024-10-08")), Some(d("2024-10-08")));
        assert_eq!(next_working_day(d("2026-10-03")), Some(d("2026-10-05")));
        // Spring Festival 2025: 28 January to 4 February.
        assert_eq!(next_working_day(d("2025-01-28")), Some(d("2025-02-05")));
    }
}
