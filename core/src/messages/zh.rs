//! 中文消息模板:每种发现(`Detail`)一条,数字由 `numbers` 统一格式化。
//! Chinese templates, one per detail variant. Keep to plain words a school clerk uses; never an
//! English identifier (field names, enum wire names) in a Chinese sentence.

use super::numbers::{amount, bound_zh, quotient};
use super::presence as ps;
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
        Detail::NotUploaded { field } => format!("{p}未上传{}。", field.zh),
        Detail::Placeholder { field, text } => {
            format!("{p}{}仅填写了“{text}”,未作实质说明。", field.zh)
        }
        Detail::TooShort { field, chars, min } => {
            format!("{p}{}仅{chars}字,过于简略(至少{min}字)。", field.zh)
        }
        Detail::WrongFileType {
            field,
            file,
            suffix,
        } => format!("{p}{}应为{suffix}文件,上传的是“{file}”。", field.zh),
        Detail::NotOneOf { field, value, .. } => format!(
            "{p}{}为{},应为{}。",
            field.zh,
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
                None => format!("{p}{}为北京时间{at},晚于截止时间{due}。", field.zh),
            }
        }
        Detail::Deadline {
            field,
            at: None,
            deadline,
        } => format!(
            "{p}未填写{},无法确认是否已在北京时间{}前完成。",
            field.zh,
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
        } => {
            let within = format!(
                "{}({}{}后{})",
                ps::date_zh(*end),
                base_field.zh,
                ps::date_zh(*base),
                ps::span_zh(*months, *days)
            );
            match date {
                Some(d) => format!("{p}{}为{},晚于期限{within}。", field.zh, ps::date_zh(*d)),
                None => format!("{p}未填写{};期限为{within}。", field.zh),
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
                n.metric_zh(field.zh),
                values.join("、"),
                series.len(),
                words
                    .condition_zh
                    .replace("{bound}", &bound_zh(condition.bound())),
                words.consequence_zh
            )
        }
        Detail::Unequal { field, found, want } => {
            let what = n.metric_zh(field.zh);
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
        Detail::NotUploaded { field } => format!("请上传{}", field.zh),
        Detail::Placeholder { field, .. } => format!("请具体说明{}", field.zh),
        Detail::TooShort { field, min, .. } => {
            format!("请具体说明{},至少{min}字", field.zh)
        }
        Detail::WrongFileType { field, suffix, .. } => {
            format!("请上传{suffix}格式的{}", field.zh)
        }
        Detail::NotOneOf { field, .. } => {
            format!("请将{}改为{}", field.zh, ps::allowed_zh(f, &f.detail))
        }
        Detail::NoCompanion { companion, year } => {
            format!("请补报{year}年度的{}", companion.zh())
        }
        // Late is late: nothing to change in the data.
        Detail::Deadline { at: Some(_), .. } => return None,
        Detail::Deadline { field, .. } => format!("请填写{}", field.zh),
        Detail::DueWithin {
            field,
            end,
            date: Some(_),
            ..
        } => format!("请核实{};期限为{}", field.zh, ps::date_zh(*end)),
        Detail::DueWithin { field, end, .. } => {
            format!("请填写{}(期限为{})", field.zh, ps::date_zh(*end))
        }
        Detail::Consecutive { words, .. } => words.consequence_zh.clone(),
        Detail::Unequal { field, found, want } => {
            let what = n.metric_zh(field.zh);
            let want = ps::literal_zh(f, field, want);
            match found {
                Some(_) => format!("请将{what}改为{want}{u}"),
                None => format!("请填写{what},应为{want}{u}"),
            }
        }
        // @groups-relations
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
        Reason::FromReportingYear { from, year } => {
            format!("本规则自{from}年度起适用,数据为{year}年度")
        }
        Reason::NoRunCondition => {
            "规则未给出连续年份的判断条件(班额或上限),本规则未检查".to_string()
        }
        // @groups-relations
        // @reference-money
        Reason::Legacy(t) => t.zh.clone(),
    }
}
