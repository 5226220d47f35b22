//! English templates, one per detail variant, in the same order as `zh.rs`. Sentences start in
//! lower case where a period may come first; the catalogue capitalizes the first letter.

use super::numbers::{amount, bound_en, money, of_goal, plain, quotient, OfGoal};
use super::presence as ps;
use super::Nouns;
use super::{Progress, Reached};
use crate::checks::code::CodeProblem;
use crate::checks::text_form::Form;
use crate::finding::{Detail, Finding, FindingCode, IntakeCause, Notation, Period, Reason};
use crate::reference::divisions::DivisionLevel;
use crate::rules::Wording;

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
            let metric = n.metric_en(field.en());
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
                words(&[&amount(*num, uz), u, numerator.en()]),
                words(&[&amount(*den, n.den_unit.0), du, denominator.en()])
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
                    numerator.en(), denominator.en()
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
        } if num.is_zero() && den.is_zero() => format!(
            "{p}no {} and no {} recorded: the {} cannot be computed, so the rule is not met.",
            numerator.en(),
            denominator.en(),
            n.metric_en("ratio")
        ),
        Detail::ZeroDenominator {
            numerator,
            denominator,
            num,
            den,
            ..
        } => {
            let none = if den.is_zero() {
                format!("no {}", denominator.en())
            } else {
                format!(
                    "a negative number of {} ({})",
                    denominator.en(),
                    amount(*den, n.den_unit.0)
                )
            };
            format!(
                "{p}{} and {none}: the {} cannot be computed, so the rule is not met.",
                words(&[&amount(*num, uz), u, numerator.en()]),
                n.metric_en("ratio")
            )
        }
        Detail::Missing { field } => format!("{p}the {} is not given.", field.en()),
        // @presence-time
        Detail::NotUploaded { field } => format!("{p}the {} is not uploaded.", field.en()),
        Detail::UploadNotListed { field } => format!(
            "{p}the {} is not uploaded. The work is required, but the notice does not list it among the uploads, so this is a warning only.",
            field.en()
        ),
        Detail::Placeholder { field, text } => {
            format!("{p}the {} says only “{text}”, which describes nothing.", field.en())
        }
        Detail::TooShort { field, chars, min } => format!(
            "{p}the {} has only {chars} {{character|characters}}; at least {min} are needed.",
            field.en()
        ),
        Detail::WrongFileType {
            field,
            file,
            suffix,
        } => format!(
            "{p}the {} should be a {suffix} file; the file given is “{file}”.",
            field.en()
        ),
        Detail::NotOneOf { field, value, .. } => format!(
            "{p}the {} is {}; it must be {}.",
            field.en(),
            ps::text_en(f, field, value),
            ps::allowed_en(f, &f.detail)
        ),
        Detail::NoCompanion { companion, year } => format!(
            "{p}{} has no {year} record in {}.",
            f.subject.en,
            companion.en()
        ),
        Detail::Deadline {
            field,
            at: Some(at),
            deadline,
        } => {
            let (at, due) = (ps::instant_en(at, false), ps::instant_en(deadline, true));
            match n.metric.1 {
                Some(m) => format!("{p}{m} at {at}, after the deadline of {due} (Beijing time)."),
                None => format!(
                    "{p}the {} is {at}, after the deadline of {due} (Beijing time).",
                    field.en()
                ),
            }
        }
        Detail::Deadline {
            field,
            at: None,
            deadline,
        } => format!(
            "{p}the {} is not given, so it cannot be confirmed that the deadline of {} (Beijing time) was met.",
            field.en(),
            ps::instant_en(deadline, true)
        ),
        Detail::DueWithin {
            field,
            base_field,
            base,
            months,
            days,
            end,
            date,
            moved_from,
        } => {
            let span = ps::span_en(*months, *days);
            // A last day moved off a rest day says so, and by what law.
            let moved = moved_from.map_or(String::new(), |m| {
                format!("; {m} is a rest day, so the last day moves to the day after the rest days (Civil Code art. 203)")
            });
            match date {
                Some(d) => format!(
                    "{p}the {} is {d}, after the deadline of {end} ({span} after the {} of {base}{moved}).",
                    field.en(), base_field.en()
                ),
                None => format!(
                    "{p}the {} is not given; it is due by {end} ({span} after the {} of {base}{moved}).",
                    field.en(), base_field.en()
                ),
            }
        }
        Detail::Consecutive {
            field,
            series,
            condition,
            words,
            ..
        } => {
            let years: Vec<String> = series.iter().map(|y| y.year.to_string()).collect();
            let values: Vec<String> = series.iter().map(|y| amount(y.value, uz)).collect();
            format!(
                "{} in {} was {}: {} for {} consecutive years; {}.",
                n.metric_en(field.en()),
                super::relations::list_en(&years.iter().map(String::as_str).collect::<Vec<_>>(), "and"),
                with_unit(
                    &super::relations::list_en(&values.iter().map(String::as_str).collect::<Vec<_>>(), "and"),
                    u
                ),
                words
                    .condition_en
                    .replace("{bound}", &bound_en(condition.bound())),
                series.len(),
                words.consequence_en
            )
        }
        Detail::Unequal { field, found, want } => {
            let what = n.metric_en(field.en());
            let flag = matches!(want, crate::finding::Literal::Bool(_));
            let want = with_unit(&ps::literal_en(f, field, want), u);
            match found {
                // A flag reads as a form's yes/no: "Graduated: no; it must be yes."
                Some(v) if flag => {
                    format!("{p}{what}: {}; it must be {want}.", ps::literal_en(f, field, v))
                }
                Some(v) => format!(
                    "{p}the {what} is {}; it must be {want}.",
                    with_unit(&ps::literal_en(f, field, v), u)
                ),
                None => format!("{p}the {what} is not given; it must be {want}."),
            }
        }
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
                None => format!("the {} is both {a} and {b}", field.en()),
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
            format!(
                "{p}the {} {school} is {}; this side must be {}.",
                field.en(),
                super::relations::a(level.en()),
                super::relations::levels_en(allowed)
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
                    field.en(),
                    super::relations::flag_predicate_en(flag, false)
                )
            } else {
                format!(
                    "{p}the {} {school} does not state whether it is {}.",
                    field.en(),
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
                field.en(), project_field.en()
            ),
            None => format!(
                "{p}the {} is not given; it should be the project's {}, {expected}.",
                field.en(), project_field.en()
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
                    if_true.en(), then_true.en()
                )
            } else {
                format!(
                    "{p}{} is “yes” but {} is not given.",
                    if_true.en(), then_true.en()
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
            let names: Vec<&str> = missing.iter().map(|m| m.en()).collect();
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
        Detail::BadCode {
            field,
            code,
            problem,
            ..
        } => format!("{p}{} “{code}”: {}.", field.en(), code_problem(problem)),
        Detail::MajorName {
            field,
            name,
            code,
            catalogue,
        } => format!(
            "{p}{} “{name}” differs from “{catalogue}”, the 2021 catalogue name of major {code}.",
            field.en()
        ),
        Detail::CategoryMismatch {
            secondary: s,
            higher: h,
            parallel,
            parallel_name,
        } => format!(
            "{p}the secondary major {} {} is in category {} ({}), the higher major {} {} in category {} ({}): not parallel categories (the higher category parallel to the secondary one is {parallel} {parallel_name}).",
            s.code, s.name, s.category_code, s.category_name,
            h.code, h.name, h.category_code, h.category_name,
        ),
        Detail::Exceeds {
            field,
            limit,
            value,
            limit_value,
        } => format!(
            "{p}{} ({}) exceeds {} ({}), which cannot be.",
            field.en(),
            with_unit(&amount(*value, uz), u),
            limit.en(),
            with_unit(&amount(*limit_value, uz), u)
        ),
        Detail::PassThrough {
            paid_field,
            share,
            required,
            paid,
            short,
            owed,
            ..
        } => {
            let u = money_unit(u);
            let given = owed_en(&f.detail, u);
            match (paid, share) {
                (None, _) => format!("{p}{given}; no figure is given for the {}.", paid_field.en()),
                (Some(paid), None) => format!(
                    "{p}{given} is to be passed on in full; {}: {} {u}, {} {u} short.",
                    paid_field.en(),
                    money(*paid),
                    money(*short)
                ),
                (Some(paid), Some(s)) => format!(
                    "{p}{given}; at least {} ({} {u}) is to be passed on, {}: {} {u} ({}%), {} {u} short.",
                    bound_en(s),
                    money(*required),
                    paid_field.en(),
                    money(*paid),
                    quotient(*paid, *owed, s, true).unwrap_or_default(),
                    money(*short)
                ),
            }
        }
        Detail::Cap {
            field,
            value,
            limit,
            limits,
            ..
        } => {
            let parts: Vec<String> = limits
                .iter()
                .map(|l| match &l.share {
                    Some(s) => format!(
                        "{} of {} {} is {}",
                        bound_en(s),
                        l.of.en(),
                        with_unit(&amount(l.base, uz), u),
                        with_unit(&amount(l.amount, uz), u)
                    ),
                    None => format!("{} {}", l.of.en(), with_unit(&amount(l.base, uz), u)),
                })
                .collect();
            let which = if limits.len() > 1 {
                ", whichever is smaller"
            } else {
                ""
            };
            format!(
                "{p}{} of {} exceeds the limit of {} ({}{which}).",
                field.en(),
                with_unit(&amount(*value, uz), u),
                with_unit(&amount(*limit, uz), u),
                parts.join("; ")
            )
        }
        // @integrity
        Detail::DuplicateId { first, .. } | Detail::DuplicatePeriod { first } => {
            let e = f.locations.first().map_or("", |l| l.entity.en());
            let (_, what, key) = super::repeated(f);
            format!("same {what} “{key}” as {e} record {}.", first + 1)
        }
        Detail::UnknownReference { field, target, id } => {
            format!(
                "{} “{id}” is not among the {} in the data.",
                field.en(),
                target.en()
            )
        }
        // @duties
        Detail::BadForm { field, text, form } => {
            format!("{p}The {} “{text}” is not {}.", field.en(), form_en(*form))
        }
        Detail::Disagrees {
            field,
            value,
            companion,
            companion_field,
            companion_value,
            year,
        } => format!(
            "{p}The {} is given as {}, but the {} record of {year} gives {} as {}.",
            field.en(),
            value.normalize(),
            companion.en(),
            companion_field.en(),
            companion_value.normalize()
        ),
        Detail::NotListed { field, id, list } => format!(
            "{p}The {} “{id}” is not on the list of approved {}, so no report is due for it.",
            field.en(),
            list.en()
        ),
        Detail::IntakeAfter { field, value, cause } => match cause {
            IntakeCause::NoIntake { from, to } => format!(
                "{p}The major had no intake from {from} to {to}; it enrolled again ({} {}) without being filed again as a new major.",
                field.en(),
                value.normalize()
            ),
            IntakeCause::Flag { field: flag, year } => format!(
                "{p}The major's intake is suspended ({} in {year}), yet it enrolled again ({} {}).",
                flag.en(),
                field.en(),
                value.normalize()
            ),
        },
        Detail::NotInRoster { name, entity, year } => format!(
            "{p}“{name}”, named by the notice, has no record in the {} of {year}.",
            entity.en()
        ),
    }
}

/// The name of a text form, in English, with its article.
fn form_en(f: Form) -> &'static str {
    match f {
        Form::Phone => {
            "a valid telephone number (a mobile number, or a landline with its area code)"
        }
        Form::Email => "a valid e-mail address",
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
                words(&[&amount(*need, uz), "more", u, numerator.en(), "needed"])
            } else {
                words(&[
                    &amount(*need, n.den_unit.0),
                    "more",
                    du,
                    denominator.en(),
                    "needed",
                ])
            }
        }
        Detail::ZeroDenominator {
            denominator, need, ..
        } => match need {
            Some(need) => words(&[&amount(*need, n.den_unit.0), du, denominator.en(), "needed"]),
            None => format!("check the {} and enter the actual number", denominator.en()),
        },
        Detail::Missing { field } => format!("fill in the {}", field.en()),
        // @presence-time
        Detail::NotUploaded { field } => format!("upload the {}", field.en()),
        Detail::UploadNotListed { field } => {
            format!("consider uploading the {} to show the work was done", field.en())
        }
        Detail::Placeholder { field, .. } => format!("describe the {} in substance", field.en()),
        Detail::TooShort { field, min, .. } => {
            format!("describe the {} in at least {min} characters", field.en())
        }
        Detail::WrongFileType { field, suffix, .. } => {
            format!("upload the {} as a {suffix} file", field.en())
        }
        Detail::NotOneOf { field, .. } => {
            format!(
                "change the {} to {}",
                field.en(),
                ps::allowed_en(f, &f.detail)
            )
        }
        Detail::NoCompanion { companion, year } => {
            format!("file the {year} record in {}", companion.en())
        }
        // Late is late: nothing to change in the data.
        Detail::Deadline { at: Some(_), .. } => return None,
        Detail::Deadline { field, .. } => format!("fill in the {}", field.en()),
        Detail::DueWithin {
            field,
            end,
            date: Some(_),
            ..
        } => format!("check the {}; the deadline was {end}", field.en()),
        Detail::DueWithin { field, end, .. } => {
            format!("fill in the {} (due by {end})", field.en())
        }
        Detail::Consecutive { words, .. } => words.consequence_en.clone(),
        Detail::Unequal { field, found, want } => {
            let what = n.metric_en(field.en());
            let flag = matches!(want, crate::finding::Literal::Bool(_));
            let want = with_unit(&ps::literal_en(f, field, want), u);
            match found {
                Some(_) if flag => format!("set {what} to {want}"),
                Some(_) => format!("change the {what} to {want}"),
                None => format!("fill in the {what}: {want}"),
            }
        }
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
            format!("enter {} instead", super::relations::levels_en(allowed))
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
            Some(_) => format!("change the {} to {expected}", field.en()),
            None => format!("enter {expected} as the {}", field.en()),
        },
        Detail::Implies {
            if_true, then_true, ..
        } => match &f.rule.wording.remedy_en {
            Some(r) => r.clone(),
            None => format!("{} requires {} to be “yes”", if_true.en(), then_true.en()),
        },
        Detail::AnyOf {
            missing,
            held,
            min,
            of,
            ..
        } => {
            let names: Vec<&str> = missing.iter().map(|m| m.en()).collect();
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
        Detail::BadCode { field, problem, .. } => code_remedy(field.en(), problem),
        Detail::MajorName { catalogue, .. } => format!("the name should be “{catalogue}”"),
        Detail::CategoryMismatch {
            parallel,
            parallel_name,
            ..
        } => format!(
            "choose a higher major in category {parallel} {parallel_name}, or justify the cross-category pairing"
        ),
        Detail::Exceeds { field, limit, .. } => {
            format!("check the {} and the {}", field.en(), limit.en())
        }
        Detail::PassThrough {
            paid_field,
            paid: None,
            ..
        } => format!("fill in the {}", paid_field.en()),
        Detail::PassThrough { short, .. } => {
            format!("{} {} more to pass on", money(*short), money_unit(u))
        }
        Detail::Cap { field, over, .. } => format!(
            "{} to be reduced by {}",
            field.en(),
            with_unit(&amount(*over, uz), u)
        ),
        // @integrity
        Detail::DuplicateId { .. } | Detail::DuplicatePeriod { .. } => format!(
            "merge the repeated records, or correct the {}",
            super::repeated(f).1
        ),
        Detail::UnknownReference { field, target, id } => {
            format!(
                "check the {}, or add {} “{id}” to the data",
                field.en(),
                target.en()
            )
        }
        // @duties
        Detail::BadForm { field, form, .. } => {
            format!("change the {} to {}", field.en(), form_en(*form))
        }
        Detail::Disagrees {
            field,
            companion,
            companion_field,
            ..
        } => format!(
            "reconcile the {} with the {} in {}",
            field.en(),
            companion_field.en(),
            companion.en()
        ),
        Detail::NotListed { list, .. } => {
            format!("remove the record, or check that it is one of the approved {}", list.en())
        }
        Detail::IntakeAfter {
            cause: IntakeCause::NoIntake { .. },
            ..
        } => "file the major again as a new major, and enroll only once it is approved".to_string(),
        Detail::IntakeAfter { .. } => "suspend intake to the major".to_string(),
        Detail::NotInRoster { name, entity, .. } => {
            format!("add the {} of “{name}”, or check the school's name", entity.en())
        }
        #[allow(unreachable_patterns)]
        _ => return None,
    })
}

pub(super) fn reason(r: &Reason) -> String {
    match r {
        // Collection names are plural ("status reports"): "in" keeps them so.
        Reason::NoRecords { entity } => format!("the data has no records in {}", entity.en()),
        Reason::NoneApplies { entity } => {
            format!("no record in {} is one the rule applies to", entity.en())
        }
        Reason::NoneGives { entity, fields } => {
            let names: Vec<&str> = fields.iter().map(|f| f.en()).collect();
            if names.len() > 1 {
                format!("no record in {} gives both {}", entity.en(), names.join(" and "))
            } else {
                format!("no record in {} gives its {}", entity.en(), names.join(""))
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
        Reason::FromReportingYear { from, year } => {
            format!("this rule applies from reporting year {from} on; the data is for {year}")
        }
        Reason::NoRunCondition => "the rule gives no condition for the run of years (a class size or an upper bound), so it was not checked".to_string(),
        // @groups-relations
        // @reference-money
        Reason::NoCatalogueMajor { entity, fields } => {
            let names: Vec<&str> = fields.iter().map(|f| f.en()).collect();
            format!(
                "no record in {} gives both {} with a major code of the 2021 catalogue",
                entity.en(),
                names.join(" and ")
            )
        }
        Reason::NoCapBase {
            entity,
            field,
            limits,
        } => {
            let names: Vec<&str> = limits.iter().map(|f| f.en()).collect();
            format!(
                "no record in {} gives both its {} and a base for its limit ({})",
                entity.en(),
                field.en(),
                names.join(" or ")
            )
        }
        // @scope
        Reason::NoneInScope {
            entity,
            region,
            from,
            until,
        } => {
            let period = match until {
                Some(u) => format!("{from} to {u}"),
                None => format!("from {from}"),
            };
            match region {
                Some(r) => format!(
                    "no record in {} lies within the rule's scope (region: {}; in force {period})",
                    entity.en(),
                    r.en
                ),
                None => format!(
                    "no record in {} falls within the rule's period in force ({period})",
                    entity.en()
                ),
            }
        }
        Reason::UnknownRegion { records } => format!(
            "{records} {} whose region cannot be told (no school, or a school without a division code) not checked by this rule; name the pack to check them",
            if *records == 1 { "record" } else { "records" }
        ),
        Reason::OtherCampaign {
            year,
            campaign,
            closes,
            param,
        } => {
            let closed = closes.map_or(String::new(), |t| {
                format!(" (closed {} Beijing time)", super::presence::instant_en(&t, true))
            });
            format!(
                "this rule belongs to the {campaign} campaign{closed} and does not judge data of reporting year {year}; give this year's deadline as parameter {param}"
            )
        }
    }
}

// @reference-money helpers

/// The currency of a money rule: the pack's unit, CNY when it gives none.
fn money_unit(u: &str) -> &str {
    if u.is_empty() {
        "CNY"
    } else {
        u
    }
}

/// What is owed in a pass-through finding: `appropriation 12,000.00 CNY × 3 students = …`.
fn owed_en(d: &Detail, u: &str) -> String {
    let Detail::PassThrough {
        owed_field,
        times_field,
        base,
        count,
        owed,
        ..
    } = d
    else {
        return String::new();
    };
    match (times_field, count) {
        (Some(t), Some(n)) => format!(
            "{} {} {u} × {} {} = {} {u}",
            owed_field.en(),
            money(*base),
            plain(*n),
            t.en(),
            money(*owed)
        ),
        _ => format!("{} {} {u}", owed_field.en(), money(*owed)),
    }
}

/// What is wrong with a code, after the code itself.
fn code_problem(p: &CodeProblem) -> String {
    match p {
        CodeProblem::UsccLength { actual } => {
            format!("18 characters expected, this one has {actual}")
        }
        CodeProblem::UsccCharacter { position, found } => format!(
            "character {position}, “{found}”, cannot appear in a unified social credit code (digits and capital letters other than I, O, S, V, Z only)"
        ),
        CodeProblem::UsccCheck { expected, found } => format!(
            "the check character does not match: from the first 17 characters the 18th should be {expected}, not {found}"
        ),
        CodeProblem::SchoolCodeLength { actual } => {
            format!("10 digits expected, this one has {actual} characters")
        }
        CodeProblem::SchoolCodeCharacter { position, found } => {
            format!("digits only expected, character {position} is “{found}”")
        }
        CodeProblem::SchoolCodeProvince { digits } => {
            format!("digits 3–4 should be a province code, “{digits}” is not one")
        }
        CodeProblem::MajorShape { .. } => {
            "not a valid major code: 6 digits expected (state-controlled majors end in K)"
                .to_string()
        }
        CodeProblem::MajorLevel { is, want, name } => format!(
            "a {} code{}; a {} major code is expected here",
            is.name_en(),
            name.as_ref().map_or(String::new(), |n| format!(" ({n})")),
            want.name_en()
        ),
        CodeProblem::MajorCategory { .. } => {
            "a category code, not a 6-digit major code".to_string()
        }
        CodeProblem::MajorClass { .. } => "a class code, not a 6-digit major code".to_string(),
        CodeProblem::MajorUnknown { .. } => {
            "not in the embedded major catalogue, which is the 2021 edition: majors added from 2022 on are not in it, so the code may be valid; please verify"
                .to_string()
        }
        CodeProblem::DivisionUnknown => {
            "not an administrative division code (not among the 2023 division codes of the National Bureau of Statistics)"
                .to_string()
        }
        CodeProblem::DivisionTier { level, name } => format!(
            "a {} division code ({name}); a county-level code is expected here",
            match level {
                DivisionLevel::Province => "province-level",
                _ => "prefecture-level",
            }
        ),
        CodeProblem::DivisionLength => "not a 6-digit county-level division code".to_string(),
    }
}

/// How to fix a code.
fn code_remedy(field: &str, p: &CodeProblem) -> String {
    match p {
        CodeProblem::UsccLength { .. }
        | CodeProblem::UsccCharacter { .. }
        | CodeProblem::UsccCheck { .. } => {
            format!("check the {field} against the registration certificate")
        }
        CodeProblem::MajorShape { want }
        | CodeProblem::MajorLevel { want, .. }
        | CodeProblem::MajorCategory { want }
        | CodeProblem::MajorClass { want }
        => {
            format!("use a {} major code of the 2021 catalogue", want.name_en())
        }
        CodeProblem::MajorUnknown { want } => format!(
            "if the major was added to the catalogue from 2022 on, verify it against the Ministry's list of additions; otherwise use a {} major code of the 2021 catalogue",
            want.name_en()
        ),
        CodeProblem::DivisionTier { .. } | CodeProblem::DivisionLength => {
            "give the 6-digit code of the county or district".to_string()
        }
        _ => format!("check the {field}"),
    }
}

/// Progress towards a goal: `2024: enrolment 430 students, goal 450 students: not met (95.56% of the goal).`
pub(super) fn progress(p: &Progress<'_>, w: &Wording) -> String {
    let u = w.unit_en.as_deref().unwrap_or("");
    let uz = w.unit_zh.as_deref().unwrap_or("");
    let metric = w.metric_en.as_deref().unwrap_or("total");
    let g = p.group.map_or(String::new(), |g| format!("{g}: "));
    let value = match p.value {
        Reached::Number(x) => with_unit(&amount(x, uz), u),
        Reached::Share(_, d) if d.is_zero() => "no data (nothing to divide by)".to_string(),
        Reached::Share(n, d) => format!("{}%", quotient(n, d, &p.bound, true).unwrap_or_default()),
    };
    let shown = |b: &crate::rules::Fraction| match p.value {
        Reached::Share(..) => bound_en(b),
        Reached::Number(_) => with_unit(&bound_en(b), u),
    };
    let goal = if p.strict {
        format!("over {}", shown(&p.bound))
    } else if p.approximate {
        format!("about {}", shown(&p.bound))
    } else {
        shown(&p.bound)
    };
    let stretch = p
        .stretch
        .map_or(String::new(), |s| format!(" (stretch goal {})", shown(&s)));
    let share = match p.value {
        Reached::Number(x) => of_goal(x, &p.bound),
        Reached::Share(..) => None,
    }
    .map_or(String::new(), |r| match r {
        OfGoal::Times(t) => format!("{t} times the goal"),
        OfGoal::Percent(q) => format!("{q}% of the goal"),
    });
    if p.pending {
        let share = if share.is_empty() {
            share
        } else {
            format!(", {share}")
        };
        return format!(
            "{g}{} goal {goal}{stretch} still to come; as of {}, {metric}: {value}{share}.",
            p.year, p.as_of
        );
    }
    let verdict = match (p.met, p.stretch_met, p.approximate) {
        (true, true, _) => "met, the stretch goal too",
        (true, false, _) => "met",
        // 左右 is an approximate number, not a hard minimum.
        (false, _, true) => "an approximate goal (左右), not a hard minimum",
        (false, _, false) => "not met",
    };
    let share = if share.is_empty() {
        share
    } else {
        format!(" ({share})")
    };
    format!(
        "{g}{}, {metric}: {value} against a goal of {goal}{stretch}: {verdict}{share}.",
        p.year
    )
}
