//! The city sheets of the summary workbook: Beijing's status-data campaign by district and school
//! and one printable 汇总表 per secondary school (title, school, date, the entries in rank order
//! with the rules they break, a seal and signature block); Quzhou's 细则 indicators, finance
//! settlements and targets by year; Hohhot's major ledger. Each is set up for A4 like the others.

use super::{exact, print_setup, width, yes, Print, Sheet, WriteError};
use crate::aggregate::{
    ApplicationSheet, CampaignRow, MajorLedger, PilotTables, StatusCampaign, Verdict,
};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook};
use std::collections::BTreeSet;

fn num(s: &mut Sheet<'_>, col: u16, d: Option<Decimal>) -> Result<(), WriteError> {
    match d.and_then(|d| d.to_f64()) {
        Some(x) => s.num(
            col,
            x,
            Some(&Format::new().set_num_format("#,##0.########")),
        ),
        None => s.text(col, "—"),
    }
}

fn rate(s: &mut Sheet<'_>, col: u16, r: &crate::aggregate::Rate) -> Result<(), WriteError> {
    match r.rate.and_then(|d| d.to_f64()) {
        Some(x) => s.num(col, x, Some(&Format::new().set_num_format("0.00%"))),
        None => s.text(col, "—"),
    }
}

/// The campaign by district (the city total last) and by school.
pub(super) fn campaign(
    wb: &mut Workbook,
    c: &StatusCampaign,
    max_rows: u32,
    print: &Print,
) -> Result<(), WriteError> {
    let headers = |first: &'static str| {
        [
            first,
            "名称",
            "已立项",
            "已填报",
            "未填报",
            "逾期",
            "名单外",
            "招生数",
            "中职毕业人数",
            "转段升学人数",
            "转段率",
            "精确分数",
            "未填报项目",
            "逾期项目",
            "名单外项目",
        ]
    };
    let row = |s: &mut Sheet<'_>, key: &str, name: &str, r: &CampaignRow| {
        s.text(0, key)?;
        s.text(1, name)?;
        for (i, n) in [r.approved, r.filed, r.missing, r.late, r.unlisted]
            .into_iter()
            .enumerate()
        {
            s.num(2 + i as u16, n as f64, None)?;
        }
        s.num(7, r.enrollment as f64, None)?;
        s.num(8, r.graduated as f64, None)?;
        s.num(9, r.transferred as f64, None)?;
        rate(s, 10, &r.transfer_rate)?;
        s.text(11, &r.transfer_rate.fraction)?;
        s.text(12, &r.missing_projects.join(", "))?;
        s.text(13, &r.late_projects.join(", "))?;
        s.text(14, &r.unlisted_projects.join(", "))?;
        s.next()
    };
    let mut s = Sheet::new(wb, "填报情况-区县", &headers("区县"), max_rows, print)?
        .wrap_columns(&[12, 13, 14]);
    for d in &c.districts {
        row(
            &mut s,
            d.district.as_deref().unwrap_or("(未知)"),
            d.district_name.as_deref().unwrap_or(""),
            d,
        )?;
    }
    let total = match c.campaign.as_ref() {
        Some(k) => format!("{}年填报合计({})", c.reporting_year, k.scope_zh),
        None => format!("{}年填报合计", c.reporting_year),
    };
    row(&mut s, "合计", &total, &c.total)?;
    s.done()?;
    let mut s = Sheet::new(wb, "填报情况-学校", &headers("学校"), max_rows, print)?
        .wrap_columns(&[1, 12, 13, 14]);
    for r in &c.schools {
        let name = match (&r.school_name, &r.district_name) {
            (Some(n), Some(d)) => format!("{n}({d})"),
            (Some(n), None) => n.clone(),
            (None, d) => d.clone().unwrap_or_default(),
        };
        row(&mut s, r.school.as_deref().unwrap_or("(未知)"), &name, r)?;
    }
    s.done()
}

/// A sheet name Excel accepts (≤ 31 characters, none of `[]:*?/\`, no leading or trailing
/// apostrophe), unique in `used`.
fn sheet_name(want: &str, used: &mut BTreeSet<String>) -> String {
    let clean: String = want
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .collect();
    let clean = clean.trim_matches('\'').to_string();
    let fit = |s: &str, room: usize| s.chars().take(room).collect::<String>();
    let mut name = fit(&clean, 31);
    let mut n = 2;
    while used.contains(&name) {
        let tail = format!("~{n}");
        name = format!("{}{tail}", fit(&clean, 31 - tail.chars().count()));
        n += 1;
    }
    used.insert(name.clone());
    name
}

/// Schools given a 汇总表 sheet of their own: a workbook of thousands of sheets opens slowly and
/// each streamed sheet holds a temporary file until the workbook is saved. The rest are in the
/// 申报汇总 sheet (and the JSON summary), and a last sheet says how many.
const MAX_SCHOOL_SHEETS: usize = 300;

/// One printable 汇总表 per school and year.
pub(super) fn application_sheets(
    wb: &mut Workbook,
    sheets: &[ApplicationSheet],
    print: &Print,
) -> Result<(), WriteError> {
    let mut used = BTreeSet::new();
    if sheets.len() > MAX_SCHOOL_SHEETS {
        let n = sheets.len() - MAX_SCHOOL_SHEETS;
        let ws = wb.add_worksheet_with_constant_memory();
        ws.set_name("汇总表-其余")?;
        print_setup(ws, print, true);
        ws.write_string_with_format(
            0,
            0,
            format!(
                "另有{n}所学校的汇总表未单独成表(每个工作簿最多{MAX_SCHOOL_SHEETS}张),其条目见“申报汇总”工作表 / {n} more schools' 汇总表 are not given sheets of their own (at most {MAX_SCHOOL_SHEETS} a workbook); their entries are on the 申报汇总 sheet"
            ),
            &Format::new().set_bold().set_font_color(0xC00000),
        )?;
        used.insert("汇总表-其余".to_string());
    }
    for sh in sheets.iter().take(MAX_SCHOOL_SHEETS) {
        let school = sh
            .secondary_school_name
            .as_deref()
            .unwrap_or(&sh.secondary_school);
        let name = sheet_name(&format!("汇总表-{}-{school}", sh.year), &mut used);
        school_sheet(wb, sh, &name, print)?;
    }
    Ok(())
}

fn school_sheet(
    wb: &mut Workbook,
    sh: &ApplicationSheet,
    name: &str,
    print: &Print,
) -> Result<(), WriteError> {
    // Streamed like the others: rows strictly in order.
    let ws = wb.add_worksheet_with_constant_memory();
    ws.set_name(name)?;
    print_setup(ws, print, true);
    let title = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_align(FormatAlign::Center);
    let bold = Format::new().set_bold();
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let head = cell.clone().set_bold().set_background_color(0xDDEBF7);
    let marked = cell.clone().set_font_color(0xC00000).set_bold();
    let headers = [
        "排序",
        "申报编号",
        "合作高职学校",
        "中职专业",
        "高职专业",
        "材料齐全",
        "提交时间(北京时间)",
        "违反规则",
    ];
    let widths = [6.0, 12.0, 24.0, 24.0, 24.0, 9.0, 19.0, 40.0];
    let last_col = (headers.len() - 1) as u16;
    ws.merge_range(0, 0, 0, last_col, &sh.title, &title)?;
    let school = match &sh.secondary_school_name {
        Some(n) => format!("学校:{n}({})", sh.secondary_school),
        None => format!("学校:{}", sh.secondary_school),
    };
    ws.write_string_with_format(1, 0, &school, &bold)?;
    let date = sh.date.map_or("填报日期:    年  月  日".to_string(), |d| {
        format!("填报日期:{}", d.format("%Y年%m月%d日"))
    });
    ws.write_string_with_format(1, 5, &date, &bold)?;
    let header_row = 3u32;
    for (i, h) in headers.iter().enumerate() {
        ws.write_string_with_format(header_row, i as u16, *h, &head)?;
    }
    let mut row = header_row + 1;
    for a in &sh.applications {
        let l = &a.application;
        let f = if a.breaks.is_empty() { &cell } else { &marked };
        match l.rank {
            Some(r) => ws.write_number_with_format(row, 0, f64::from(r), f)?,
            None => ws.write_string_with_format(row, 0, "未排序", f)?,
        };
        let higher = l.higher_school_name.as_deref().unwrap_or(&l.higher_school);
        let at = l
            .submitted_at
            .map(|t| {
                t.with_timezone(&crate::model::beijing())
                    .format("%Y-%m-%d %H:%M")
                    .to_string()
            })
            .unwrap_or_default();
        let texts = [
            l.id.clone(),
            higher.to_string(),
            l.secondary_major.label(),
            l.higher_major.label(),
            yes(l.attachments_complete).to_string(),
            at,
            a.breaks.join("\n"),
        ];
        let lines = a.breaks.len().max(
            texts[1..4]
                .iter()
                .map(|t| width(t).div_ceil(22).max(1))
                .max()
                .unwrap_or(1),
        );
        if lines > 1 {
            ws.set_row_height(row, super::LINE_HEIGHT * lines.min(10) as f64)?;
        }
        for (i, t) in texts.iter().enumerate() {
            // Text Excel would read as a formula keeps its quote prefix, as on the other sheets.
            if super::formula_like(t) {
                ws.write_string_with_format(row, 1 + i as u16, t, &f.clone().set_quote_prefix())?;
            } else {
                ws.write_string_with_format(row, 1 + i as u16, t, f)?;
            }
        }
        row += 1;
    }
    row += 1;
    if !sh.breaks.is_empty() {
        let red = Format::new().set_font_color(0xC00000).set_bold();
        ws.write_string_with_format(row, 0, format!("汇总表上传:{}", sh.breaks.join(", ")), &red)?;
        row += 1;
    }
    let marked_n = sh
        .applications
        .iter()
        .filter(|a| !a.breaks.is_empty())
        .count();
    ws.write_string(
        row,
        0,
        format!(
            "共{}项申报,其中{marked_n}项违反规则(红色标出,规则编号见 xianjie explain)",
            sh.applications.len()
        ),
    )?;
    row += 2;
    // The seal and signature block the notice requires (加盖公章生成PDF): left blank to be
    // signed and sealed on paper.
    let sign = Format::new().set_bold().set_font_size(12);
    for (left, right) in [
        ("学校(盖章):", "校长(签字):"),
        ("经办人(签字):", "联系电话:"),
        ("", "日期:      年    月    日"),
    ] {
        ws.set_row_height(row, 30.0)?;
        if !left.is_empty() {
            ws.write_string_with_format(row, 0, left, &sign)?;
        }
        ws.write_string_with_format(row, 5, right, &sign)?;
        row += 1;
    }
    for (i, w) in widths.iter().enumerate() {
        ws.set_column_width(i as u16, *w)?;
    }
    ws.set_repeat_rows(header_row, header_row)?;
    ws.set_print_area(0, 0, row.saturating_sub(1), last_col)?;
    Ok(())
}

/// Quzhou: indicators per campus, settlements, targets by year.
pub(super) fn pilot(
    wb: &mut Workbook,
    p: &PilotTables,
    max_rows: u32,
    print: &Print,
) -> Result<(), WriteError> {
    if !p.campuses.is_empty() {
        let mut s = Sheet::new(
            wb,
            "细则指标",
            &[
                "中职学校(高职校区)",
                "高职院校",
                "年度",
                "条款",
                "指标",
                "分子",
                "分母",
                "数值",
                "要求",
                "结论",
                "规则编号",
            ],
            max_rows,
            print,
        )?
        .wrap_columns(&[0, 1, 4]);
        for c in &p.campuses {
            for x in &c.indicators {
                s.text(0, c.school_name.as_deref().unwrap_or(&c.school))?;
                s.text(
                    1,
                    c.higher_school_name
                        .as_deref()
                        .or(c.higher_school.as_deref())
                        .unwrap_or(""),
                )?;
                s.num(2, f64::from(c.year), None)?;
                s.text(3, &x.clause)?;
                s.text(4, &x.title.zh)?;
                num(&mut s, 5, x.numerator)?;
                num(&mut s, 6, x.denominator)?;
                s.text(7, x.shown.as_deref().unwrap_or("—"))?;
                s.text(8, &x.bound)?;
                s.text(9, x.verdict.zh())?;
                s.text(10, &x.rule_id)?;
                s.next()?;
            }
        }
        s.done()?;
    }
    if !p.settlements.is_empty() {
        let mut s = Sheet::new(
            wb,
            "经费结算",
            &[
                "高职院校",
                "中职学校",
                "学年",
                "学费收取",
                "学费拨付中职",
                "拨付比例",
                "代管住宿费收取",
                "代管住宿费支付",
                "生均拨款标准",
                "计算学生数",
                "生均拨款应拨",
                "属地财政拨付",
                "支付高职校区",
                "未达标规则",
            ],
            max_rows,
            print,
        )?
        .wrap_columns(&[0, 1, 13]);
        let pct = Format::new().set_num_format("0.00%");
        for r in &p.settlements {
            s.text(
                0,
                r.higher_school_name.as_deref().unwrap_or(&r.higher_school),
            )?;
            s.text(1, r.school_name.as_deref().unwrap_or(&r.school))?;
            s.num(2, f64::from(r.year), None)?;
            num(&mut s, 3, r.tuition_collected)?;
            num(&mut s, 4, r.tuition_passed_on)?;
            match r.tuition_share.and_then(|d| d.to_f64()) {
                Some(x) => s.num(5, x, Some(&pct))?,
                None => s.text(5, "—")?,
            }
            num(&mut s, 6, r.fees_collected)?;
            num(&mut s, 7, r.fees_passed_on)?;
            num(&mut s, 8, r.appropriation_per_student)?;
            num(&mut s, 9, r.appropriation_students.map(Decimal::from))?;
            num(&mut s, 10, r.appropriation_owed)?;
            num(&mut s, 11, r.appropriation_received)?;
            num(&mut s, 12, r.appropriation_paid)?;
            let failed: Vec<&str> = r
                .checks
                .iter()
                .filter(|c| c.verdict == Verdict::Failed)
                .map(|c| c.rule_id.as_str())
                .collect();
            s.text(13, &failed.join("\n"))?;
            s.next()?;
        }
        s.done()?;
    }
    if !p.targets_by_year.is_empty() {
        let mut s = Sheet::new(
            wb,
            "目标-按年度",
            &[
                "目标年度",
                "规则编号",
                "当前值",
                "目标",
                "力争",
                "已达成",
                "年度未到",
                "说明",
            ],
            max_rows,
            print,
        )?
        .wrap_columns(&[7]);
        for y in &p.targets_by_year {
            for t in &y.targets {
                s.num(0, f64::from(y.year), None)?;
                s.text(1, &t.rule_id)?;
                exact(&mut s, 2, Some(&t.value))?;
                exact(&mut s, 3, Some(&t.goal))?;
                exact(&mut s, 4, t.stretch.as_deref())?;
                s.text(5, yes(t.met))?;
                s.text(6, yes(t.pending))?;
                s.text(7, &t.message.zh)?;
                s.next()?;
            }
        }
        s.done()?;
    }
    Ok(())
}

/// Hohhot: the ledger, one row per school and school year.
pub(super) fn ledger(
    wb: &mut Workbook,
    l: &MajorLedger,
    max_rows: u32,
    print: &Print,
) -> Result<(), WriteError> {
    let mut s = Sheet::new(
        wb,
        "专业调整台账",
        &[
            "学校",
            "学年",
            "新设专业",
            "不予备案",
            "新设数量",
            "应停办专业",
            "须重新备案专业",
            "专业布点",
            "服务重点产业链",
            "占比",
            "产业链",
        ],
        max_rows,
        print,
    )?
    .wrap_columns(&[0, 2, 3, 5, 6, 10]);
    let majors = |v: &[crate::model::MajorRef]| {
        v.iter()
            .map(crate::model::MajorRef::label)
            .collect::<Vec<_>>()
            .join("\n")
    };
    for r in &l.rows {
        s.text(0, r.school_name.as_deref().unwrap_or(&r.school))?;
        s.text(1, &r.school_year)?;
        s.text(2, &majors(&r.new_majors))?;
        s.text(3, &majors(&r.refused))?;
        s.text(4, r.new_majors_verdict.zh())?;
        s.text(5, &majors(&r.discontinue))?;
        s.text(6, &majors(&r.refile))?;
        s.num(7, r.offerings as f64, None)?;
        s.num(8, r.key_chain_offerings as f64, None)?;
        rate(&mut s, 9, &r.key_chain_share)?;
        s.text(10, &r.chains.join("、"))?;
        s.next()?;
    }
    for n in l
        .rules
        .iter()
        .filter(|n| n.state == crate::report::RuleState::Unchecked)
    {
        if let Some(why) = &n.reason {
            s.text(0, &format!("{} 未检查:{}", n.rule_id, why.zh))?;
            s.next()?;
        }
    }
    s.done()
}
