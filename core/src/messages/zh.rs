//! 中文消息模板:每种发现(`Detail`)一条,数字由 `numbers` 统一格式化。
//! Chinese templates, one per detail variant. Keep to plain words a school clerk uses; never an
//! English identifier (field names, enum wire names) in a Chinese sentence.

use super::numbers::{amount, bound_zh, money, of_goal, plain, quotient, OfGoal};
use super::presence as ps;
use super::Nouns;
use super::{Progress, Reached};
use crate::checks::code::CodeProblem;
use crate::checks::text_form::Form;
use crate::finding::{Detail, Finding, FindingCode, IntakeCause, Notation, Period, Reason};
use crate::reference::divisions::DivisionLevel;
use crate::rules::Wording;

/// The period prefix: `2023—2024学年第一学期,`.
pub(super) fn period(p: &Option<Period>) -> String {
    match p {
        None => String::new(),
        Some(Period::Semester { semester }) => format!("{},", semester.zh()),
        Some(Period::Year { year }) => format!("{year}年,"),
        Some(Period::Cohort { year }) => format!("{year}级,"),
        Some(Period::SchoolYear { year }) => format!("{year}学年,"),
    }
}

/// A measure word for a count of people: `人` reads `名` before a noun (每名专任教师).
fn measure(unit: &str) -> &str {
    match unit {
        "人" | "" => "名",
        u => u,
    }
}

pub(super) fn message(f: &Finding, n: &Nouns<'_>) -> String {
    let p = period(&f.period);
    let (u, du) = (n.unit.0, n.den_unit.0);
    let below = f.code == FindingCode::BelowMinimum;
    match &f.detail {
        Detail::Bound {
            field,
            value,
            bound,
            ..
        } => {
            let metric = n.metric_zh(field.zh());
            let v = amount(*value, u);
            let b = bound_zh(bound);
            let per = n.per.0;
            if below {
                format!("{p}{metric}为{v}{u},少于{per}至少{b}{u}的要求。")
            } else {
                format!("{p}{metric}为{v}{u},超过{per}至多{b}{u}的要求。")
            }
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
                "{}{}{u}、{}{}{du}",
                numerator.zh(),
                amount(*num, u),
                denominator.zh(),
                amount(*den, du)
            );
            let q = quotient(*num, *den, bound, *notation == Notation::Percent).unwrap_or_default();
            let b = bound_zh(bound);
            let side = if below {
                ("低于", "要求")
            } else {
                ("高于", "上限")
            };
            match notation {
                Notation::PerOne => format!(
                    "{p}{given},每{}{}对应{q}{}{},{}{b}{}的{}。",
                    measure(du),
                    denominator.zh(),
                    measure(u),
                    numerator.zh(),
                    side.0,
                    measure(u),
                    side.1
                ),
                Notation::Percent => format!(
                    "{p}{given},{}为{q}%,{}{b}的{}。",
                    n.metric_zh("比例"),
                    side.0,
                    side.1
                ),
                Notation::Number => format!(
                    "{p}{given},{}为{q}{u},{}{b}{u}的{}。",
                    n.metric_zh("比值"),
                    side.0,
                    side.1
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
            "{p}未记录{},也未记录{}(均为零),{}无法计算,不符合要求。",
            numerator.zh(),
            denominator.zh(),
            n.metric_zh("比值")
        ),
        Detail::ZeroDenominator {
            numerator,
            denominator,
            num,
            den,
            ..
        } => {
            let given = if num.is_zero() {
                format!("{}为零", numerator.zh())
            } else {
                format!("{}{}{u}", numerator.zh(), amount(*num, u))
            };
            let none = if den.is_zero() {
                format!("没有{}", denominator.zh())
            } else {
                format!("{}为负数{}", denominator.zh(), amount(*den, du))
            };
            format!(
                "{p}{given},{none},{}无法计算,不符合要求。",
                n.metric_zh("比值")
            )
        }
        Detail::Missing { field } => format!("{p}未填写{}。", field.zh()),
        // @presence-time
        Detail::NotUploaded { field } => format!("{p}未上传{}。", field.zh()),
        Detail::UploadNotListed { field } => format!(
            "{p}未上传{}。该项工作须开展,但通知未将其列为须上传的材料,故仅作提示。",
            field.zh()
        ),
        Detail::Placeholder { field, text } => {
            format!("{p}{}仅填写了“{text}”,未作实质说明。", field.zh())
        }
        Detail::TooShort { field, chars, min } => {
            format!("{p}{}仅{chars}字,过于简略(至少{min}字)。", field.zh())
        }
        Detail::WrongFileType {
            field,
            file,
            suffix,
        } => format!("{p}{}应为{suffix}文件,上传的是“{file}”。", field.zh()),
        Detail::NotOneOf { field, value, .. } => format!(
            "{p}{}为{},应为{}。",
            field.zh(),
            ps::text_zh(f, field, value),
            ps::allowed_zh(f, &f.detail)
        ),
        Detail::NoCompanion { companion, year } => format!(
            "{p}{}缺少{year}年度的{}记录。",
            f.subject.zh,
            companion.zh()
        ),
        Detail::Deadline {
            field,
            at: Some(at),
            deadline,
        } => {
            let (at, due) = (ps::instant_zh(at, false), ps::instant_zh(deadline, true));
            match n.metric.0 {
                Some(m) => format!("{p}{m}于北京时间{at},晚于截止时间{due}。"),
                None => format!("{p}{}为北京时间{at},晚于截止时间{due}。", field.zh()),
            }
        }
        Detail::Deadline {
            field,
            at: None,
            deadline,
        } => format!(
            "{p}未填写{},无法确认是否已在北京时间{}前完成。",
            field.zh(),
            ps::instant_zh(deadline, true)
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
            // A last day moved off a rest day says so, and by what law.
            let moved = moved_from.map_or(String::new(), |m| {
                format!(
                    ";{}为法定休假日,依民法典第二百零三条顺延至休假日结束的次日",
                    super::numbers::date_zh(m)
                )
            });
            let within = format!(
                "{}({}{}后{}{moved})",
                super::numbers::date_zh(*end),
                base_field.zh(),
                super::numbers::date_zh(*base),
                ps::span_zh(*months, *days)
            );
            match date {
                Some(d) => format!("{p}{}为{},晚于期限{within}。", field.zh(), super::numbers::date_zh(*d)),
                None => format!("{p}未填写{};期限为{within}。", field.zh()),
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
            let values: Vec<String> = series.iter().map(|y| amount(y.value, u)).collect();
            format!(
                "{}{}年{}分别为{}{u},连续{}年{},{}。",
                words.lead_zh,
                years.join("、"),
                n.metric_zh(field.zh()),
                values.join("、"),
                series.len(),
                words
                    .condition_zh
                    .replace("{bound}", &bound_zh(condition.bound())),
                words.consequence_zh
            )
        }
        Detail::Unequal { field, found, want } => {
            let what = n.metric_zh(field.zh());
            let want = ps::literal_zh(f, field, want);
            match found {
                Some(v) => format!(
                    "{p}{what}为{}{u},应为{want}{u}。",
                    ps::literal_zh(f, field, v)
                ),
                None => format!("{p}未填写{what},应为{want}{u}。"),
            }
        }
        // @groups-relations
        Detail::GroupCount {
            group,
            count,
            bound,
            chosen_by,
            level,
            ..
        } => {
            let metric = n.metric_zh("记录数");
            let b = bound_zh(bound);
            // A bound chosen by a flag is the bound for that kind of school: 非国家级重点中职学校每学年2个.
            let whose = chosen_by.as_ref().map_or(String::new(), |c| {
                let flag = super::relations::school_flag(&c.flag);
                super::relations::flagged_school_zh(&flag, c.value, *level)
            });
            let per = n.per.0;
            let group = super::relations::lead_zh(group);
            if f.code == FindingCode::TooFew {
                format!("{p}{group}{metric}为{count}{u},少于{whose}{per}至少{b}{u}的要求。")
            } else {
                format!("{p}{group}{metric}为{count}{u},超过{whose}{per}{b}{u}的上限。")
            }
        }
        Detail::Ranking {
            group,
            ranks,
            unranked,
        } => {
            let metric = n.metric_zh("记录");
            let total = ranks.len() as u64 + unranked;
            let given = if ranks.is_empty() {
                "均未填写排序".to_string()
            } else if *unranked > 0 {
                format!(
                    "的排序为{}(另有{unranked}个未填写排序)",
                    super::relations::ranks_zh(ranks)
                )
            } else {
                format!("的排序为{}", super::relations::ranks_zh(ranks))
            };
            let want = super::relations::expected_zh(i64::try_from(total).unwrap_or(i64::MAX));
            let group = super::relations::lead_zh(group);
            format!("{p}{group}{total}个{metric}{given},排序须从1开始连续且不重复(应为{want})。")
        }
        Detail::Exclusion {
            group,
            field,
            values,
            ids,
        } => {
            let [a, b] = values
                .each_ref()
                .map(|v| super::relations::value_label(f, field, v).0);
            let metric = match n.metric.0 {
                Some(m) => m.to_string(),
                None => format!("{}既有{a}又有{b}", field.zh()),
            };
            format!(
                "{p}{group}:{metric}({a}:{};{b}:{})。",
                ids[0].join("、"),
                ids[1].join("、")
            )
        }
        Detail::Overlap {
            person,
            name,
            sides_zh: [a, b],
            schools,
            ..
        } => {
            let who = match name {
                Some(name) => format!("{name}(标识{person})"),
                None => format!("标识为{person}的人员"),
            };
            match schools {
                [Some(x), Some(y)] if x != y => {
                    format!("{p}{who}同时计入{x}的{a}和{y}的{b}。")
                }
                [Some(x), _] | [None, Some(x)] => {
                    format!("{p}{who}同时计入{x}的{a}和{b}。")
                }
                [None, None] => format!("{p}{who}同时计入{a}和{b}。"),
            }
        }
        Detail::RoleLevel {
            field,
            school,
            level,
            allowed,
        } => {
            format!(
                "{p}{}一方{school}是{},须为{}。",
                field.zh(),
                level.zh(),
                super::relations::levels_zh(allowed)
            )
        }
        Detail::RoleFlag {
            field,
            school,
            level,
            flag,
            stated,
        } => {
            if *stated {
                let kind = super::relations::flagged_school_zh(flag, true, Some(*level));
                format!("{p}{}一方{school}不是{kind}。", field.zh())
            } else {
                format!("{p}{}一方{school}未注明是否{}。", field.zh(), flag.zh())
            }
        }
        Detail::NotSameAs {
            field,
            project_field,
            actual,
            expected,
        } => match actual {
            Some(a) => format!(
                "{p}{}为{a},应为项目的{}{expected}。",
                field.zh(), project_field.zh()
            ),
            None => format!(
                "{p}未填写{},应为项目的{}{expected}。",
                field.zh(), project_field.zh()
            ),
        },
        Detail::Implies {
            if_true,
            then_true,
            given,
        } => {
            if *given {
                format!(
                    "{p}{}为“是”,但{}为“否”,不符合要求。",
                    if_true.zh(), then_true.zh()
                )
            } else {
                format!("{p}{}为“是”,但未填写{}。", if_true.zh(), then_true.zh())
            }
        }
        Detail::AnyOf {
            missing,
            held,
            min,
            of,
        } => {
            let metric = n.metric_zh("");
            let names: Vec<&str> = missing.iter().map(|m| m.zh()).collect();
            if min == of {
                format!("{p}{metric}缺少{}。", names.join("、"))
            } else if *min == 1 {
                format!(
                    "{p}{metric}未取得{}中的任何一项。",
                    super::relations::list_zh(&names, "或")
                )
            } else {
                format!(
                    "{p}{metric}具备{held}项,少于至少{min}项的要求;缺少{}。",
                    names.join("、")
                )
            }
        }
        // @reference-money
        Detail::BadCode {
            field,
            code,
            problem,
            ..
        } => format!("{p}{}“{code}”{}。", field.zh(), code_problem(problem)),
        Detail::MajorName {
            field,
            name,
            code,
            catalogue,
        } => format!(
            "{p}{}“{name}”与《职业教育专业目录(2021年)》中专业代码{code}的名称“{catalogue}”不一致。",
            field.zh()
        ),
        Detail::CategoryMismatch {
            secondary: s,
            higher: h,
            parallel,
            parallel_name,
        } => format!(
            "{p}中职专业{} {}属{}({}),高职专业{} {}属{}({}),不属于同一专业大类(与之对应的高职专业大类为{parallel_name}({parallel}))。",
            s.code, s.name, s.category_name, s.category_code,
            h.code, h.name, h.category_name, h.category_code,
        ),
        Detail::Exceeds {
            field,
            limit,
            value,
            limit_value,
        } => format!(
            "{p}{}为{}{u},超过{}{}{u},两者不可能同时成立。",
            field.zh(),
            amount(*value, u),
            limit.zh(),
            amount(*limit_value, u)
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
            let given = owed_zh(&f.detail, u);
            match (paid, share) {
                (None, _) => format!("{p}{given},未填写{}。", paid_field.zh()),
                (Some(paid), None) => format!(
                    "{p}{given},应全额拨付,实际{}{}{u},少{}{u}。",
                    paid_field.zh(),
                    money(*paid),
                    money(*short)
                ),
                (Some(paid), Some(s)) => format!(
                    "{p}{given},按不低于{}的比例应拨付{}{u},实际{}{}{u}(占{}%),少{}{u}。",
                    bound_zh(s),
                    money(*required),
                    paid_field.zh(),
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
                        "{}{}{u}的{}为{}{u}",
                        l.of.zh(),
                        amount(l.base, u),
                        bound_zh(s),
                        amount(l.amount, u)
                    ),
                    None => format!("{}{}{u}", l.of.zh(), amount(l.base, u)),
                })
                .collect();
            let which = if limits.len() > 1 { ",取其小者" } else { "" };
            format!(
                "{p}{}为{}{u},超过上限{}{u}({}{which})。",
                field.zh(),
                amount(*value, u),
                amount(*limit, u),
                parts.join("、")
            )
        }
        // @integrity
        Detail::DuplicateId { first, .. } | Detail::DuplicatePeriod { first } => {
            let e = f.locations.first().map_or("", |l| l.entity.zh());
            let (what, _, key) = super::repeated(f);
            format!("{what}“{key}”与第{}条{e}记录重复。", first + 1)
        }
        Detail::UnknownReference { field, target, id } => {
            format!("{}“{id}”在数据的{}中不存在。", field.zh(), target.zh())
        }
        // @duties
        Detail::BadForm { field, text, form } => {
            format!("{p}{}“{text}”不是有效的{}。", field.zh(), form_zh(*form))
        }
        Detail::Disagrees {
            field,
            value,
            companion,
            companion_field,
            companion_value,
            year,
        } => format!(
            "{p}{}填报为{},与{year}年{}记录的{}{}不一致。",
            field.zh(),
            value.normalize(),
            companion.zh(),
            companion_field.zh(),
            companion_value.normalize()
        ),
        Detail::NotListed { field, id, list } => format!(
            "{p}{}“{id}”不在已立项的{}名单中,不应填报。",
            field.zh(),
            list.zh()
        ),
        Detail::IntakeAfter { field, value, cause } => match cause {
            IntakeCause::NoIntake { from, to } => format!(
                "{p}该专业{from}—{to}年连续未招生,恢复招生({}{})前未按新设专业重新备案。",
                field.zh(),
                value.normalize()
            ),
            IntakeCause::Flag { field: flag, year } => format!(
                "{p}该专业{year}年{},应暂停招生,但仍有{}{}。",
                flag.zh(),
                field.zh(),
                value.normalize()
            ),
        },
        Detail::NotInRoster { name, entity, year } => format!(
            "{p}文件点名的“{name}”在{year}年的{}数据中没有记录。",
            entity.zh()
        ),
    }
}

/// The name of a text form, in Chinese.
fn form_zh(f: Form) -> &'static str {
    match f {
        Form::Phone => "电话号码(手机号或带区号的固定电话)",
        Form::Email => "电子邮箱地址",
    }
}

pub(super) fn remedy(f: &Finding, n: &Nouns<'_>) -> Option<String> {
    let (u, du) = (n.unit.0, n.den_unit.0);
    let below = f.code == FindingCode::BelowMinimum;
    Some(match &f.detail {
        Detail::Bound { need, .. } if below => format!("还需增加{}{u}", amount(*need, u)),
        Detail::Bound { need, .. } => format!("需减少{}{u}", amount(*need, u)),
        Detail::Ratio {
            numerator,
            denominator,
            need,
            ..
        } => {
            if below {
                format!("还需增加{}{u}{}", amount(*need, u), numerator.zh())
            } else {
                format!("还需增加{}{du}{}", amount(*need, du), denominator.zh())
            }
        }
        // A zero denominator with nothing counted: there is nothing to add to, only to record.
        Detail::ZeroDenominator {
            denominator, need, ..
        } => match need {
            Some(need) => format!("还需{}{du}{}", amount(*need, du), denominator.zh()),
            None => format!("请核实{},填写实际数字", denominator.zh()),
        },
        Detail::Missing { field } => format!("请填写{}", field.zh()),
        // @presence-time
        Detail::NotUploaded { field } => format!("请上传{}", field.zh()),
        Detail::UploadNotListed { field } => format!("建议上传{},以证明已开展该项工作", field.zh()),
        Detail::Placeholder { field, .. } => format!("请具体说明{}", field.zh()),
        Detail::TooShort { field, min, .. } => {
            format!("请具体说明{},至少{min}字", field.zh())
        }
        Detail::WrongFileType { field, suffix, .. } => {
            format!("请上传{suffix}格式的{}", field.zh())
        }
        Detail::NotOneOf { field, .. } => {
            format!("请将{}改为{}", field.zh(), ps::allowed_zh(f, &f.detail))
        }
        Detail::NoCompanion { companion, year } => {
            format!("请补报{year}年度的{}", companion.zh())
        }
        // Late is late: nothing to change in the data.
        Detail::Deadline { at: Some(_), .. } => return None,
        Detail::Deadline { field, .. } => format!("请填写{}", field.zh()),
        Detail::DueWithin {
            field,
            end,
            date: Some(_),
            ..
        } => format!(
            "请核实{};期限为{}",
            field.zh(),
            super::numbers::date_zh(*end)
        ),
        Detail::DueWithin { field, end, .. } => {
            format!(
                "请填写{}(期限为{})",
                field.zh(),
                super::numbers::date_zh(*end)
            )
        }
        Detail::Consecutive { words, .. } => words.consequence_zh.clone(),
        Detail::Unequal { field, found, want } => {
            let what = n.metric_zh(field.zh());
            let want = ps::literal_zh(f, field, want);
            match found {
                Some(_) => format!("请将{what}改为{want}{u}"),
                None => format!("请填写{what},应为{want}{u}"),
            }
        }
        // @groups-relations
        Detail::GroupCount { need, .. } if f.code == FindingCode::TooFew => {
            format!("还需增加{}{u}", amount(*need, u))
        }
        Detail::GroupCount { need, .. } => format!("需减少{}{u}", amount(*need, u)),
        Detail::Ranking {
            ranks, unranked, ..
        } => {
            let total = ranks.len() as u64 + unranked;
            let want = super::relations::expected_zh(i64::try_from(total).unwrap_or(i64::MAX));
            format!("请将排序改为{want}")
        }
        Detail::Exclusion { field, values, .. } => {
            let [a, b] = values
                .each_ref()
                .map(|v| super::relations::value_label(f, field, v).0);
            format!("{a}与{b}只能保留其一")
        }
        Detail::Overlap {
            sides_zh: [a, b], ..
        } => format!("另行配备一名{a},不与{b}重合"),
        Detail::RoleLevel { allowed, .. } => {
            format!("请改填一所{}", super::relations::levels_zh(allowed))
        }
        Detail::RoleFlag {
            school,
            level,
            flag,
            stated,
            ..
        } => {
            let kind = super::relations::flagged_school_zh(flag, true, Some(*level));
            if *stated {
                format!("请改填一所{kind}")
            } else {
                format!(
                    "请在学校信息中注明{school}是否{};如不是,请改填一所{kind}",
                    flag.zh()
                )
            }
        }
        Detail::NotSameAs {
            field,
            actual,
            expected,
            ..
        } => match actual {
            Some(_) => format!("请将{}改为{expected}", field.zh()),
            None => format!("请填写{}:{expected}", field.zh()),
        },
        // The pack's own wording where it gives one (it has no count to fill in).
        Detail::Implies {
            if_true, then_true, ..
        } => match &f.rule.wording.remedy_zh {
            Some(r) => r.clone(),
            None => format!("{}后方可{}", then_true.zh(), if_true.zh()),
        },
        Detail::AnyOf {
            missing,
            held,
            min,
            of,
            ..
        } => {
            let names: Vec<&str> = missing.iter().map(|m| m.zh()).collect();
            if min == of {
                format!("补齐{}", names.join("、"))
            } else {
                format!(
                    "还需具备{}项:{}",
                    min.saturating_sub(*held),
                    super::relations::list_zh(&names, "或")
                )
            }
        }
        // @reference-money
        Detail::BadCode { field, problem, .. } => code_remedy(field.zh(), problem),
        Detail::MajorName { catalogue, .. } => format!("专业名称应为“{catalogue}”"),
        Detail::CategoryMismatch {
            parallel,
            parallel_name,
            ..
        } => format!("选择{parallel_name}({parallel})内的高职专业,或说明跨大类衔接的理由"),
        Detail::Exceeds { field, limit, .. } => format!("请核对{}与{}", field.zh(), limit.zh()),
        Detail::PassThrough {
            paid_field,
            paid: None,
            ..
        } => format!("请填写{}", paid_field.zh()),
        Detail::PassThrough { short, .. } => {
            format!("还需拨付{}{}", money(*short), money_unit(u))
        }
        Detail::Cap { field, over, .. } => {
            format!("需减少{}{}{u}", field.zh(), amount(*over, u))
        }
        // @integrity
        Detail::DuplicateId { .. } | Detail::DuplicatePeriod { .. } => {
            format!("请合并重复的记录,或更正{}", super::repeated(f).0)
        }
        Detail::UnknownReference { field, target, id } => {
            format!("请核对{},或在数据中补充{}“{id}”", field.zh(), target.zh())
        }
        // @duties
        Detail::BadForm { field, form, .. } => {
            format!("请将{}改为有效的{}", field.zh(), form_zh(*form))
        }
        Detail::Disagrees {
            field,
            companion,
            companion_field,
            ..
        } => format!(
            "请核对{}与{}的{},使二者一致",
            field.zh(),
            companion.zh(),
            companion_field.zh()
        ),
        Detail::NotListed { list, .. } => {
            format!("请删除该记录,或核对是否为已立项{}", list.zh())
        }
        Detail::IntakeAfter {
            cause: IntakeCause::NoIntake { .. },
            ..
        } => "请先按新设专业重新备案,经审批后再招生".to_string(),
        Detail::IntakeAfter { .. } => "请暂停该专业招生".to_string(),
        Detail::NotInRoster { name, entity, .. } => {
            format!("请补报“{name}”的{},或核对学校名称", entity.zh())
        }
        #[allow(unreachable_patterns)]
        _ => return None,
    })
}

pub(super) fn reason(r: &Reason) -> String {
    match r {
        Reason::NoRecords { entity } => format!("数据中没有{}记录", entity.zh()),
        Reason::NoneApplies { entity } => format!("没有适用本规则的{}记录", entity.zh()),
        Reason::NoneGives { entity, fields } => {
            let names: Vec<&str> = fields.iter().map(|f| f.zh()).collect();
            if names.len() > 1 {
                format!("{}记录均未同时给出{}", entity.zh(), names.join("和"))
            } else {
                format!("{}记录均未给出{}", entity.zh(), names.join(""))
            }
        }
        Reason::TableNotLoaded { table } => format!(
            "参考数据{}({})未加载,本规则未检查;JavaScript 中请先 await loadReference()",
            table.title().zh,
            table.file_name()
        ),
        Reason::NoReportingYear => "数据未给出填报年度".to_string(),
        Reason::NotInForce { year, from } => {
            format!(
                "{year}年度不在本规则有效期内(自{}起施行)",
                super::numbers::date_zh(*from)
            )
        }
        // The parameter's name is for the command line or the API (the English reason and the
        // rule's `required_params` give it); the Chinese reason says what is missing in words.
        Reason::MissingParams { note, .. } => format!(
            "{},须由使用者提供;未提供,本规则未检查",
            note.as_ref()
                .map_or("来源文件未规定该参数", |t| t.zh.as_str()),
        ),
        // @presence-time
        Reason::FromReportingYear { from, year } => {
            format!("本规则自{from}年度起适用,数据为{year}年度")
        }
        Reason::NoRunCondition => {
            "规则未给出连续年份的判断条件(班额或上限),本规则未检查".to_string()
        }
        // @groups-relations
        // @reference-money
        Reason::NoCatalogueMajor { entity, fields } => {
            let names: Vec<&str> = fields.iter().map(|f| f.zh()).collect();
            format!(
                "{}记录均未同时给出{}(专业代码须为《职业教育专业目录(2021年)》中的专业)",
                entity.zh(),
                names.join("和")
            )
        }
        Reason::NoCapBase {
            entity,
            field,
            limits,
        } => {
            let names: Vec<&str> = limits.iter().map(|f| f.zh()).collect();
            format!(
                "{}记录均未同时给出{}及其上限依据({})",
                entity.zh(),
                field.zh(),
                names.join("或")
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
                Some(u) => format!(
                    "{}至{}",
                    super::numbers::date_zh(*from),
                    super::numbers::date_zh(*u)
                ),
                None => format!("{}起", super::numbers::date_zh(*from)),
            };
            match region {
                Some(r) => format!(
                    "数据中的{}记录均不在本规则的适用范围内(地区:{};有效期:{period})",
                    entity.zh(),
                    r.zh
                ),
                None => format!(
                    "数据中的{}记录均不在本规则的有效期内({period})",
                    entity.zh()
                ),
            }
        }
        Reason::UnknownRegion { records } => format!(
            "{records}条记录无法判断所属地区(未关联学校或学校缺少行政区划代码),未按本规则检查;指定本规则包即可检查"
        ),
        Reason::OtherCampaign {
            year,
            campaign,
            closes,
            ..
        } => {
            let closed = closes.map_or(String::new(), |t| {
                format!("(截止时间{})", super::presence::instant_zh(&t, true))
            });
            format!(
                "本规则属于{campaign}年度填报工作{closed},不适用于{year}年度的数据;可通过参数给出本年度的截止时间"
            )
        }
    }
}

// @reference-money helpers

/// The currency of a money rule: the pack's unit, 元 when it gives none.
fn money_unit(u: &str) -> &str {
    if u.is_empty() {
        "元"
    } else {
        u
    }
}

/// What is owed in a pass-through finding: `生均拨款12,000.00元×学生人数3=36,000.00元`.
fn owed_zh(d: &Detail, u: &str) -> String {
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
            "{}{}{u}×{}{}={}{u}",
            owed_field.zh(),
            money(*base),
            t.zh(),
            plain(*n),
            money(*owed)
        ),
        _ => format!("{}{}{u}", owed_field.zh(), money(*owed)),
    }
}

/// What is wrong with a code, after the code itself (`“91…”校验位不符…`).
fn code_problem(p: &CodeProblem) -> String {
    match p {
        CodeProblem::UsccLength { actual } => format!("应为18位,实为{actual}位"),
        CodeProblem::UsccCharacter { position, found } => format!(
            "第{position}位“{found}”不是统一社会信用代码可用的字符(只能是数字或除I、O、S、V、Z以外的大写字母)"
        ),
        CodeProblem::UsccCheck { expected, found } => {
            format!("校验位不符:按前17位计算,第18位应为{expected},实为{found}")
        }
        CodeProblem::SchoolCodeLength { actual } => format!("应为10位数字,实为{actual}位"),
        CodeProblem::SchoolCodeCharacter { position, found } => {
            format!("应全为数字,第{position}位为“{found}”")
        }
        CodeProblem::SchoolCodeProvince { digits } => {
            format!("第3–4位应为省级行政区划代码,“{digits}”不是")
        }
        CodeProblem::MajorShape { .. } => {
            "不是有效的专业代码:应为6位数字(国家控制专业末尾加K)".to_string()
        }
        CodeProblem::MajorLevel { is, want, name } => format!(
            "{}是{}专业代码,此处应填{}专业代码",
            name.as_ref().map_or(String::new(), |n| format!("({n})")),
            is.name_zh(),
            want.name_zh()
        ),
        CodeProblem::MajorCategory { .. } => "是专业大类代码,不是6位的专业代码".to_string(),
        CodeProblem::MajorClass { .. } => "是专业类代码,不是6位的专业代码".to_string(),
        CodeProblem::MajorUnknown { .. } => {
            "不在内置专业目录中:内置的是《职业教育专业目录(2021年)》,2022年起增补的专业未收录,该代码可能有效,请核对".to_string()
        }
        CodeProblem::DivisionUnknown => {
            "不是有效的行政区划代码(国家统计局2023年行政区划代码中没有)".to_string()
        }
        CodeProblem::DivisionTier { level, name } => format!(
            "是{}行政区划代码({name}),此处应填县级(区、县)代码",
            match level {
                DivisionLevel::Province => "省级",
                _ => "地级",
            }
        ),
        CodeProblem::DivisionLength => "不是6位的县级行政区划代码".to_string(),
    }
}

/// How to fix a code.
fn code_remedy(field: &str, p: &CodeProblem) -> String {
    match p {
        CodeProblem::UsccLength { .. }
        | CodeProblem::UsccCharacter { .. }
        | CodeProblem::UsccCheck { .. } => format!("请对照登记证书核对{field}"),
        CodeProblem::MajorShape { want }
        | CodeProblem::MajorLevel { want, .. }
        | CodeProblem::MajorCategory { want }
        | CodeProblem::MajorClass { want } => format!(
            "请按《职业教育专业目录(2021年)》填写{}专业代码",
            want.name_zh()
        ),
        CodeProblem::MajorUnknown { want } => format!(
            "如为2022年起增补的专业,请对照教育部增补专业名单核对;否则请按《职业教育专业目录(2021年)》填写{}专业代码",
            want.name_zh()
        ),
        CodeProblem::DivisionTier { .. } | CodeProblem::DivisionLength => {
            "请填写所在区县的6位代码".to_string()
        }
        _ => format!("请核对{field}"),
    }
}

/// Progress towards a goal: `2024年招生人数为430名,目标为450名,未达到(为目标的95.56%)。`
pub(super) fn progress(p: &Progress<'_>, w: &Wording) -> String {
    let u = w.unit_zh.as_deref().unwrap_or("");
    let metric = w.metric_zh.as_deref().unwrap_or("合计");
    let g = p.group.map_or(String::new(), |g| format!("{g}:"));
    let value = match p.value {
        Reached::Number(x) => format!("{}{u}", amount(x, u)),
        Reached::Share(_, d) if d.is_zero() => "无数据(分母为零)".to_string(),
        Reached::Share(n, d) => format!("{}%", quotient(n, d, &p.bound, true).unwrap_or_default()),
    };
    let goal = match p.value {
        Reached::Share(..) => bound_zh(&p.bound),
        Reached::Number(_) => format!("{}{u}", bound_zh(&p.bound)),
    };
    let goal = if p.strict {
        format!("超过{goal}")
    } else if p.approximate {
        format!("{goal}左右")
    } else {
        goal
    };
    let stretch = p.stretch.map_or(String::new(), |s| match p.value {
        Reached::Share(..) => format!("(力争{})", bound_zh(&s)),
        Reached::Number(_) => format!("(力争{}{u})", bound_zh(&s)),
    });
    let share = match p.value {
        Reached::Number(x) => of_goal(x, &p.bound),
        Reached::Share(..) => None,
    }
    .map_or(String::new(), |r| match r {
        OfGoal::Times(t) => format!("为目标的{t}倍"),
        OfGoal::Percent(q) => format!("为目标的{q}%"),
    });
    if p.pending {
        let share = if share.is_empty() {
            share
        } else {
            format!(",{share}")
        };
        return format!(
            "{g}{}年目标为{goal}{stretch},尚未到期;截至{}年,{metric}为{value}{share}。",
            p.year, p.as_of
        );
    }
    let verdict = match (p.met, p.stretch_met, p.approximate) {
        (true, true, _) => "已达到目标,也达到了力争目标",
        (true, false, _) => "已达到目标",
        // 左右 is an approximate number, not a hard minimum.
        (false, _, true) => "目标为约数,不作为硬性下限",
        (false, _, false) => "未达到目标",
    };
    let share = if share.is_empty() {
        share
    } else {
        format!("({share})")
    };
    format!(
        "{g}{}年{metric}为{value},目标为{goal}{stretch},{verdict}{share}。",
        p.year
    )
}
