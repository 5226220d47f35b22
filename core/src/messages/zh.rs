//! 中文消息模板:每种发现(`Detail`)一条,数字由 `numbers` 统一格式化。
//! Chinese templates, one per detail variant. Keep to plain words a school clerk uses; never an
//! English identifier (field names, enum wire names) in a Chinese sentence.

use super::numbers::{amount, bound_zh, quotient};
use super::Nouns;
use crate::finding::{Detail, Finding, FindingCode, Notation, Period, Reason};

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
            let metric = n.metric_zh(field.zh);
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
                numerator.zh,
                amount(*num, u),
                denominator.zh,
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
                    denominator.zh,
                    measure(u),
                    numerator.zh,
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
        } => format!(
            "{p}{}{}{u}、{}{}{du}:{}为零,{}无法计算,不符合要求。",
            numerator.zh,
            amount(*num, u),
            denominator.zh,
            amount(*den, du),
            denominator.zh,
            n.metric_zh("比值")
        ),
        Detail::Missing { field } => format!("{p}未填写{}。", field.zh),
        // @presence-time
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
                None => format!("{}既有{a}又有{b}", field.zh),
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
            let allowed: Vec<&str> = allowed.iter().map(|l| l.zh()).collect();
            format!(
                "{p}{}一方{school}是{},须为{}。",
                field.zh,
                level.zh(),
                super::relations::list_zh(&allowed, "或")
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
                format!("{p}{}一方{school}不是{kind}。", field.zh)
            } else {
                format!("{p}{}一方{school}未注明是否{}。", field.zh, flag.zh)
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
                field.zh, project_field.zh
            ),
            None => format!(
                "{p}未填写{},应为项目的{}{expected}。",
                field.zh, project_field.zh
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
                    if_true.zh, then_true.zh
                )
            } else {
                format!("{p}{}为“是”,但未填写{}。", if_true.zh, then_true.zh)
            }
        }
        Detail::AnyOf {
            missing,
            held,
            min,
            of,
        } => {
            let metric = n.metric_zh("");
            let names: Vec<&str> = missing.iter().map(|m| m.zh).collect();
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
        // @integrity
        Detail::DuplicateId { id, first } => {
            let e = f.locations.first().map_or("", |l| l.entity.zh());
            format!("编号“{id}”与第{}条{e}记录重复。", first + 1)
        }
        Detail::UnknownReference { field, target, id } => {
            format!("{}“{id}”在数据的{}中不存在。", field.zh, target.zh())
        }
        Detail::Legacy { message, .. } => message.zh.clone(),
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
                format!("还需增加{}{u}{}", amount(*need, u), numerator.zh)
            } else {
                format!("还需增加{}{du}{}", amount(*need, du), denominator.zh)
            }
        }
        // A zero denominator with nothing counted: there is nothing to add to, only to record.
        Detail::ZeroDenominator {
            numerator,
            denominator,
            num,
            need,
            ..
        } => {
            if num.is_zero() {
                format!(
                    "数据中{}和{}均为零,请核实并填写实际人数",
                    numerator.zh, denominator.zh
                )
            } else {
                format!("还需{}{du}{}", amount(*need, du), denominator.zh)
            }
        }
        Detail::Missing { field } => format!("请填写{}", field.zh),
        // @presence-time
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
            let allowed: Vec<&str> = allowed.iter().map(|l| l.zh()).collect();
            format!("请改填一所{}", super::relations::list_zh(&allowed, "或"))
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
                    flag.zh
                )
            }
        }
        Detail::NotSameAs {
            field,
            actual,
            expected,
            ..
        } => match actual {
            Some(_) => format!("请将{}改为{expected}", field.zh),
            None => format!("请填写{}:{expected}", field.zh),
        },
        // The pack's own wording where it gives one (it has no count to fill in).
        Detail::Implies {
            if_true, then_true, ..
        } => match &f.rule.wording.remedy_zh {
            Some(r) => r.clone(),
            None => format!("{}后方可{}", then_true.zh, if_true.zh),
        },
        Detail::AnyOf {
            missing,
            held,
            min,
            of,
            ..
        } => {
            let names: Vec<&str> = missing.iter().map(|m| m.zh).collect();
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
        // @integrity
        Detail::DuplicateId { .. } => "请为该记录改用唯一的编号".to_string(),
        Detail::UnknownReference { field, target, id } => {
            format!("请核对{},或在数据中补充{}“{id}”", field.zh, target.zh())
        }
        Detail::Legacy { remedy, .. } => return remedy.as_ref().map(|r| r.zh.clone()),
        #[allow(unreachable_patterns)]
        _ => return None,
    })
}

pub(super) fn reason(r: &Reason) -> String {
    match r {
        Reason::NoRecords { entity } => format!("数据中没有{}记录", entity.zh()),
        Reason::NoneApplies { entity } => format!("没有适用本规则的{}记录", entity.zh()),
        Reason::NoneGives { entity, fields } => {
            let names: Vec<&str> = fields.iter().map(|f| f.zh).collect();
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
                from.format("%Y年%-m月%-d日")
            )
        }
        Reason::MissingParams { names, note } => format!(
            "未提供参数{}({}),本规则未检查",
            names.join("、"),
            note.as_ref().map_or("来源文件未规定", |t| t.zh.as_str())
        ),
        // @presence-time
        // @groups-relations
        // @reference-money
        Reason::Legacy(t) => t.zh.clone(),
    }
}
