//! English templates, one per detail variant, in the same order as `zh.rs`. Sentences start in
//! lower case where a period may come first; the catalogue capitalizes the first letter.

use super::numbers::{amount, bound_en, quotient};
use super::Nouns;
use crate::finding::{Detail, Finding, FindingCode, Notation, Period, Reason};

/// The period prefix: `In the first semester of 2023–2024, `.
pub(super) fn period(p: &Option<Period>) -> String {
    match p {
        None => String::new(),
        Some(Period::Semester { semester }) => format!("in {}, ", semester.en()),
        Some(Period::Year { year }) => format!("in {year}, "),
        Some(Period::Cohort { year }) => format!("for the {year} cohort, "),
        Some(Period::SchoolYear { year }) => format!("in school year {year}, "),
    }
}

/// `value unit` with a space only where there is a unit.
fn with_unit(v: &str, unit: &str) -> String {
    if unit.is_empty() {
        v.to_string()
    } else {
        format!("{v} {unit}")
    }
}

/// Joins words with single spaces, skipping empty ones.
fn words(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn message(f: &Finding, n: &Nouns<'_>) -> String {
    let p = period(&f.period);
    let (u, du) = (n.unit.1, n.den_unit.1);
    let uz = n.unit.0;
    let below = f.code == FindingCode::BelowMinimum;
    match &f.detail {
        Detail::Bound {
            field,
            value,
            bound,
            ..
        } => {
            let metric = n.metric_en(field.en);
            let v = amount(*value, uz);
            let b = bound_en(bound);
            let (least, verb) = if below {
                ("at least", "required")
            } else {
                ("at most", "allowed")
            };
            format!(
                "{p}{metric}: {}; {}.",
                with_unit(&v, u),
                words(&[least, &b, u, n.per.1, verb])
            )
        }
        Detail::Ratio {
            numerator,
            denominator,
            num,
            den,
            bound,
            notation,
            ..
        } => {
            let given = format!(
                "{} and {}",
                words(&[&amount(*num, uz), u, numerator.en]),
                words(&[&amount(*den, n.den_unit.0), du, denominator.en])
            );
            let q = quotient(*num, *den, bound, *notation == Notation::Percent).unwrap_or_default();
            let b = bound_en(bound);
            let side = if below {
                "below the minimum of"
            } else {
                "above the maximum of"
            };
            match notation {
                Notation::PerOne => format!(
                    "{p}{given}: {q} {} for each of the {}, {side} {b}.",
                    numerator.en, denominator.en
                ),
                Notation::Percent => format!(
                    "{p}{given} give a {} of {q}%, {side} {b}.",
                    n.metric_en("share")
                ),
                Notation::Number => format!(
                    "{p}{given} give a {} of {}, {side} {}.",
                    n.metric_en("ratio"),
                    with_unit(&q, u),
                    with_unit(&b, u)
                ),
            }
        }
        Detail::ZeroDenominator {
            numerator,
            denominator,
            num,
            den,
            ..
        } => format!(
            "{p}{} and {}: with no {} the {} cannot be computed, so the rule is not met.",
            words(&[&amount(*num, uz), u, numerator.en]),
            words(&[&amount(*den, n.den_unit.0), du, denominator.en]),
            denominator.en,
            n.metric_en("ratio")
        ),
        Detail::Missing { field } => format!("{p}the {} is not given.", field.en),
        // @presence-time
        // @groups-relations
        Detail::GroupCount {
            group,
            count,
            bound,
            chosen_by,
            ..
        } => {
            let metric = n.metric_en("records");
            // The pack's metric is a plural noun; a count of one reads "metric: 1".
            let given = if *count == 1 {
                format!("{metric}: 1")
            } else {
                format!("{count} {metric}")
            };
            let side = if f.code == FindingCode::TooFew {
                "below the minimum of"
            } else {
                "above the maximum of"
            };
            let whose = chosen_by.as_ref().map_or(String::new(), |c| {
                let flag = super::relations::school_flag(&c.flag);
                format!(
                    " (the school is {})",
                    super::relations::flag_predicate_en(&flag, c.value)
                )
            });
            format!(
                "{p}{group}: {given}, {}{whose}.",
                words(&[side, &bound_en(bound), u, n.per.1])
            )
        }
        Detail::Ranking {
            group,
            ranks,
            unranked,
        } => {
            let metric = n.metric_en("records");
            let total = ranks.len() as u64 + unranked;
            let given = if ranks.is_empty() {
                format!("none of the {metric} has a rank")
            } else if *unranked > 0 {
                format!(
                    "{metric} ranked {} ({unranked} without a rank)",
                    super::relations::ranks_en(ranks)
                )
            } else {
                format!("{metric} ranked {}", super::relations::ranks_en(ranks))
            };
            let rule = if total == 1 {
                "the rank must be 1".to_string()
            } else {
                format!("ranks must run from 1 to {total}, each used once")
            };
            format!("{p}{group}: {given}; {rule}.")
        }
        Detail::Exclusion {
            group,
            field,
            values,
            ids,
        } => {
            let [a, b] = values
                .each_ref()
                .map(|v| super::relations::value_label(f, field, v).1);
            let metric = match n.metric.1 {
                Some(m) => m.to_string(),
                None => format!("the {} is both {a} and {b}", field.en),
            };
            format!(
                "{p}{group}: {metric} ({a}: {}; {b}: {}).",
                ids[0].join(", "),
                ids[1].join(", ")
            )
        }
        Detail::Overlap {
            person,
            name,
            sides_en: [a, b],
            schools,
            ..
        } => {
            let who = match name {
                Some(name) => format!("{name} ({person})"),
                None => format!("the person with id {person}"),
            };
            match schools {
                [Some(x), Some(y)] if x != y => {
                    format!("{p}{who} is counted in both the {a} of {x} and the {b} of {y}.")
                }
                [Some(x), _] | [None, Some(x)] => {
                    format!("{p}{who} is counted in both the {a} and the {b} of {x}.")
                }
                [None, None] => format!("{p}{who} is counted in both the {a} and the {b}."),
            }
        }
        Detail::RoleLevel {
            field,
            school,
            level,
            allowed,
        } => {
            let allowed: Vec<String> = allowed
                .iter()
                .map(|l| super::relations::a(l.en()))
                .collect();
            let allowed: Vec<&str> = allowed.iter().map(String::as_str).collect();
            format!(
                "{p}the {} {school} is {}; this side must be {}.",
                field.en,
                super::relations::a(level.en()),
                super::relations::list_en(&allowed, "or")
            )
        }
        Detail::RoleFlag {
            field,
            school,
            flag,
            stated,
            ..
        } => {
            if *stated {
                format!(
                    "{p}the {} {school} is {}.",
                    field.en,
                    super::relations::flag_predicate_en(flag, false)
                )
            } else {
                format!(
                    "{p}the {} {school} does not state whether it is {}.",
                    field.en,
                    super::relations::flag_predicate_en(flag, true)
                )
            }
        }
        Detail::NotSameAs {
            field,
            project_field,
            actual,
            expected,
        } => match actual {
            Some(a) => format!(
                "{p}the {} is {a}; it should be the project's {}, {expected}.",
                field.en, project_field.en
            ),
            None => format!(
                "{p}the {} is not given; it should be the project's {}, {expected}.",
                field.en, project_field.en
            ),
        },
        Detail::Implies {
            if_true,
            then_true,
            given,
        } => {
            if *given {
                format!(
                    "{p}{} is “yes” but {} is “no”; the rule is not met.",
                    if_true.en, then_true.en
                )
            } else {
                format!(
                    "{p}{} is “yes” but {} is not given.",
                    if_true.en, then_true.en
                )
            }
        }
        Detail::AnyOf {
            missing,
            held,
            min,
            of,
        } => {
            let metric = n.metric.1.map_or(String::new(), |m| format!("{m}: "));
            let names: Vec<&str> = missing.iter().map(|m| m.en).collect();
            if min == of {
                let verb = if names.len() == 1 { "is" } else { "are" };
                format!(
                    "{p}{metric}{} {verb} missing.",
                    super::relations::list_en(&names, "and")
                )
            } else if *min == 1 {
                match names.as_slice() {
                    [x, y] => format!("{p}{metric}neither {x} nor {y} is held."),
                    _ => format!(
                        "{p}{metric}none of {} is held.",
                        super::relations::list_en(&names, "or")
                    ),
                }
            } else {
                format!(
                    "{p}{metric}{held} of {of} held, at least {min} required; missing: {}.",
                    super::relations::list_en(&names, "and")
                )
            }
        }
        // @reference-money
        // @integrity
        Detail::DuplicateId { id, first } => {
            let e = f.locations.first().map_or("", |l| l.entity.en());
            format!("id “{id}” is also used by {e} record {}.", first + 1)
        }
        Detail::UnknownReference { field, target, id } => {
            format!(
                "{} “{id}” is not among the {} in the data.",
                field.en,
                target.en()
            )
        }
        Detail::Legacy { message, .. } => message.en.clone(),
    }
}

pub(super) fn remedy(f: &Finding, n: &Nouns<'_>) -> Option<String> {
    let (u, du) = (n.unit.1, n.den_unit.1);
    let uz = n.unit.0;
    let below = f.code == FindingCode::BelowMinimum;
    Some(match &f.detail {
        Detail::Bound { need, .. } if below => words(&[&amount(*need, uz), "more", u, "needed"]),
        Detail::Bound { need, .. } => words(&[&amount(*need, uz), "fewer", u, "needed"]),
        Detail::Ratio {
            numerator,
            denominator,
            need,
            ..
        } => {
            if below {
                words(&[&amount(*need, uz), "more", u, numerator.en, "needed"])
            } else {
                words(&[
                    &amount(*need, n.den_unit.0),
                    "more",
                    du,
                    denominator.en,
                    "needed",
                ])
            }
        }
        Detail::ZeroDenominator {
            numerator,
            denominator,
            num,
            need,
            ..
        } => {
            if num.is_zero() {
                format!(
                    "both {} and {} are zero: check the data and enter the actual numbers",
                    numerator.en, denominator.en
                )
            } else {
                words(&[&amount(*need, n.den_unit.0), du, denominator.en, "needed"])
            }
        }
        Detail::Missing { field } => format!("fill in the {}", field.en),
        // @presence-time
        // @groups-relations
        Detail::GroupCount { need, .. } if f.code == FindingCode::TooFew => {
            words(&[&amount(*need, uz), "more", u, "needed"])
        }
        Detail::GroupCount { need, .. } => words(&[&amount(*need, uz), "fewer", u, "needed"]),
        Detail::Ranking {
            ranks, unranked, ..
        } => {
            let total = ranks.len() as u64 + unranked;
            if total == 1 {
                "rank it 1".to_string()
            } else {
                let want = super::relations::expected_en(i64::try_from(total).unwrap_or(i64::MAX));
                format!("rank them {want}")
            }
        }
        Detail::Exclusion { field, values, .. } => {
            let [a, b] = values
                .each_ref()
                .map(|v| super::relations::value_label(f, field, v).1);
            format!("keep only one: the {a} or the {b}")
        }
        Detail::Overlap {
            sides_en: [a, b], ..
        } => format!("replace them in the {a} with someone not also in the {b}"),
        Detail::RoleLevel { allowed, .. } => {
            let allowed: Vec<String> = allowed
                .iter()
                .map(|l| super::relations::a(l.en()))
                .collect();
            let allowed: Vec<&str> = allowed.iter().map(String::as_str).collect();
            format!(
                "enter {} instead",
                super::relations::list_en(&allowed, "or")
            )
        }
        Detail::RoleFlag {
            school,
            level,
            flag,
            stated,
            ..
        } => {
            let kind = super::relations::a(&super::relations::flagged_school_en(flag, *level));
            if *stated {
                format!("enter {kind} instead")
            } else {
                format!(
                    "state in the school data whether {school} is {}; if it is not, enter {kind} instead",
                    super::relations::flag_predicate_en(flag, true)
                )
            }
        }
        Detail::NotSameAs {
            field,
            actual,
            expected,
            ..
        } => match actual {
            Some(_) => format!("change the {} to {expected}", field.en),
            None => format!("enter {expected} as the {}", field.en),
        },
        Detail::Implies {
            if_true, then_true, ..
        } => match &f.rule.wording.remedy_en {
            Some(r) => r.clone(),
            None => format!("{} requires {} to be “yes”", if_true.en, then_true.en),
        },
        Detail::AnyOf {
            missing,
            held,
            min,
            of,
            ..
        } => {
            let names: Vec<&str> = missing.iter().map(|m| m.en).collect();
            if min == of {
                format!("add {}", super::relations::list_en(&names, "and"))
            } else {
                format!(
                    "{} more needed from: {}",
                    min.saturating_sub(*held),
                    super::relations::list_en(&names, "or")
                )
            }
        }
        // @reference-money
        // @integrity
        Detail::DuplicateId { .. } => "give this record an id of its own".to_string(),
        Detail::UnknownReference { field, target, id } => {
            format!(
                "check the {}, or add {} “{id}” to the data",
                field.en,
                target.en()
            )
        }
        Detail::Legacy { remedy, .. } => return remedy.as_ref().map(|r| r.en.clone()),
        #[allow(unreachable_patterns)]
        _ => return None,
    })
}

pub(super) fn reason(r: &Reason) -> String {
    match r {
        Reason::NoRecords { entity } => format!("the data has no {} records", entity.en()),
        Reason::NoneApplies { entity } => {
            format!("no {} record the rule applies to", entity.en())
        }
        Reason::NoneGives { entity, fields } => {
            let names: Vec<&str> = fields.iter().map(|f| f.en).collect();
            if names.len() > 1 {
                format!("no {} record gives both {}", entity.en(), names.join(" and "))
            } else {
                format!("no {} record gives its {}", entity.en(), names.join(""))
            }
        }
        Reason::TableNotLoaded { table } => format!(
            "reference data {} ({}) is not loaded, so this rule was not checked; in JavaScript, await loadReference() first",
            table.title().en,
            table.file_name()
        ),
        Reason::NoReportingYear => "the data gives no reporting year".to_string(),
        Reason::NotInForce { year, from } => {
            format!("not in force in {year} (in force from {from})")
        }
        Reason::MissingParams { names, note } => format!(
            "parameter {} not given ({}); this rule was not checked",
            names.join(", "),
            note.as_ref().map_or("the source sets none", |t| t.en.as_str())
        ),
        // @presence-time
        // @groups-relations
        // @reference-money
        Reason::Legacy(t) => t.en.clone(),
    }
}
