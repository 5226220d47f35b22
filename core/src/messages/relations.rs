//! Words shared by the templates of group and relation findings (group counts, rankings,
//! exclusions, roles): lists, the kinds of school a flag makes, a group's name and subject. The
//! sentences themselves are in `zh.rs` and `en.rs`.

use crate::finding::{FieldRef, Finding};
use crate::model::{EntityKind, Index, SchoolLevel, Subject};
use crate::reference::catalog;

/// The labels of value `wire` of `field` (高本贯通 / higher-to-bachelor programme for
/// `higher_bachelor`), looked up on the collection of the finding's records; the value as written
/// when it has none.
pub(super) fn value_label(f: &Finding, field: &FieldRef, wire: &str) -> (String, String) {
    super::presence::labels(f, field, wire).map_or_else(
        || (wire.to_string(), wire.to_string()),
        |(zh, en)| (zh.to_string(), en.to_string()),
    )
}

/// How many ranks are spelt out one by one; longer runs read "1至12" / "1 to 12".
const SPELT_OUT: i64 = 10;

/// A group's name as readers know it: school ids as the school's name, catalogue major codes as
/// "code name", anything else as written (`北京财贸职业学院 540113 休闲服务与管理`).
pub(crate) fn group_name(ix: &Index<'_>, key: &[String]) -> String {
    key.iter()
        .map(|k| match (ix.school(k), catalog::major(k)) {
            (Some(s), _) => s.name.clone(),
            (None, Some(m)) => format!("{} {}", m.code, m.name),
            _ => k.clone(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The subject of a group belonging to a school: its name, then the group's values
/// (`北京市实美职业学校(S31,2024)`); without a school, the group's values.
pub(crate) fn group_subject(entity: EntityKind, key: &[String], school: Option<&str>) -> Subject {
    let id = key.join(" ");
    match school {
        Some(name) => Subject {
            entity,
            id,
            zh: format!("{name}({})", key.join(",")),
            en: format!("{name} ({})", key.join(", ")),
        },
        None => Subject {
            entity,
            zh: id.clone(),
            en: id.clone(),
            id,
        },
    }
}

/// A group's name leading a Chinese sentence: a colon after it when it ends in a letter or digit
/// (`S1 2024:3个新申报项目`), so that a count does not run into it; none after a name.
pub(super) fn lead_zh(group: &str) -> String {
    if group
        .chars()
        .last()
        .is_some_and(|c| c.is_ascii_alphanumeric())
    {
        format!("{group}:")
    } else {
        group.to_string()
    }
}

/// A Chinese list: `甲、乙或丙` (`last` is 或 or 和).
pub(super) fn list_zh(items: &[&str], last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., end] => format!("{}{last}{end}", init.join("、")),
    }
}

/// An English list: `a, b and c` (`last` is and / or).
pub(super) fn list_en(items: &[&str], last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., end] => format!("{} {last} {end}", init.join(", ")),
    }
}

/// The kinds of school a role allows, as alternatives: `中职学校或技工学校`.
pub(super) fn levels_zh(allowed: &[SchoolLevel]) -> String {
    let names: Vec<&str> = allowed.iter().map(|l| l.zh()).collect();
    list_zh(&names, "或")
}

/// The same in English, with articles: `a secondary vocational school or a technician school`.
pub(super) fn levels_en(allowed: &[SchoolLevel]) -> String {
    let names: Vec<String> = allowed.iter().map(|l| a(l.en())).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    list_en(&names, "or")
}

/// `a` or `an` before a noun phrase.
pub(super) fn a(noun: &str) -> String {
    let vowel = noun
        .chars()
        .next()
        .is_some_and(|c| "aeiouAEIOU".contains(c));
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

/// Ranks as a Chinese list: `1、1、3`.
pub(super) fn ranks_zh(ranks: &[i64]) -> String {
    ranks
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join("、")
}

/// Ranks as an English list: `1, 1 and 3`.
pub(super) fn ranks_en(ranks: &[i64]) -> String {
    let r: Vec<String> = ranks.iter().map(i64::to_string).collect();
    let r: Vec<&str> = r.iter().map(String::as_str).collect();
    list_en(&r, "and")
}

/// The ranks 1..=n in Chinese: `1、2、3`, or `1至12` for a long run.
pub(super) fn expected_zh(n: i64) -> String {
    if n > SPELT_OUT {
        format!("1至{n}")
    } else {
        ranks_zh(&(1..=n).collect::<Vec<_>>())
    }
}

/// The ranks 1..=n in English: `1, 2 and 3`, or `1 to 12` for a long run.
pub(super) fn expected_en(n: i64) -> String {
    if n > SPELT_OUT {
        format!("1 to {n}")
    } else {
        ranks_en(&(1..=n).collect::<Vec<_>>())
    }
}

/// The flag of a school named `flag` (`national_key`, `independent`), with its labels.
pub(super) fn school_flag(flag: &str) -> FieldRef {
    FieldRef::of(EntityKind::Schools, flag)
}

/// The kind of school a flag makes, in Chinese: `国家级重点中职学校`, `独立设置的高职学校`,
/// negated `非国家级重点中职学校`; `学校` when the level is not known.
pub(super) fn flagged_school_zh(
    flag: &FieldRef,
    value: bool,
    level: Option<SchoolLevel>,
) -> String {
    let school = level.map_or("学校", SchoolLevel::zh);
    let not = if value { "" } else { "非" };
    match flag.name() {
        // 独立设置 is a verb phrase and takes 的; 国家级重点 qualifies the noun directly.
        "independent" => format!("{not}独立设置的{school}"),
        _ => format!("{not}{}{school}", flag.zh()),
    }
}

/// The kind of school a flag makes, in English, without an article:
/// `independently established higher vocational school`, `national key secondary vocational school`.
pub(super) fn flagged_school_en(flag: &FieldRef, level: SchoolLevel) -> String {
    match flag.name() {
        "national_key" => format!("national key {}", level.en()),
        _ => format!("{} {}", flag.en(), level.en()),
    }
}

/// What a school is, or is not, by a flag: `a national key school`, `not independently
/// established`.
pub(super) fn flag_predicate_en(flag: &FieldRef, value: bool) -> String {
    let not = if value { "" } else { "not " };
    match flag.name() {
        "national_key" => format!("{not}a national key school"),
        _ => format!("{not}{}", flag.en()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_lists() {
        assert_eq!(list_zh(&["甲", "乙", "丙"], "或"), "甲、乙或丙");
        assert_eq!(list_zh(&["甲"], "或"), "甲");
        assert_eq!(list_en(&["a", "b", "c"], "and"), "a, b and c");
        assert_eq!(list_en(&["a", "b"], "or"), "a or b");
        assert_eq!(expected_zh(3), "1、2、3");
        assert_eq!(expected_zh(12), "1至12");
        assert_eq!(expected_en(2), "1 and 2");
        assert_eq!(
            a("independently established school"),
            "an independently established school"
        );
    }

    #[test]
    fn flags_make_kinds_of_school() {
        let nk = school_flag("national_key");
        let ind = school_flag("independent");
        let sec = Some(SchoolLevel::Secondary);
        assert_eq!(flagged_school_zh(&nk, true, sec), "国家级重点中职学校");
        assert_eq!(flagged_school_zh(&nk, false, sec), "非国家级重点中职学校");
        assert_eq!(
            flagged_school_zh(&ind, true, Some(SchoolLevel::Higher)),
            "独立设置的高职学校"
        );
        assert_eq!(
            flagged_school_en(&ind, SchoolLevel::Higher),
            "independently established higher vocational school"
        );
        assert_eq!(flag_predicate_en(&nk, false), "not a national key school");
    }
}
