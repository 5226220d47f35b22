//! Aggregations (`xianjie::aggregate`), in the lazily loaded module: the rows Python's
//! `xianjie.transfer_rates` and friends are built from, as the core's JSON documents (rates exact:
//! numerator, denominator, fraction and a decimal string).

use super::*;
use xianjie::aggregate::{self, GroupBy};

/// The groupings: absent means by district (as in Python); each one a grouping name, read by the
/// core's reader (an unknown one is located at `by[<i>]`, with the accepted names).
fn group_by(by: &JsValue) -> Result<Vec<GroupBy>, JsValue> {
    if by.is_undefined() || by.is_null() {
        return Ok(vec![GroupBy::District]);
    }
    let value = json(by, &Limits::default())?;
    input::from_value(value).map_err(|mut e| {
        for i in &mut e.errors {
            i.loc = format!("by{}", i.loc);
        }
        input_error(e)
    })
}

/// The dataset, read as `check` reads it (limits from the options).
fn read(
    data: Ts<DatasetInputT>,
    opts: Option<Ts<CheckOptionsT>>,
) -> Result<(Dataset, CheckOptions), JsValue> {
    let o = options(opts)?;
    let ds = dataset(&data.js_value(), &o.limits()?)?;
    Ok((ds, o))
}

/// Transfer rates (transferred ÷ secondary graduates) grouped by `by`.
#[wasm_bindgen(js_name = transferRates)]
pub fn transfer_rates(
    data: Ts<DatasetInputT>,
    by: Option<Ts<GroupByListT>>,
    opts: Option<Ts<CheckOptionsT>>,
) -> Result<Ts<TransferRowListT>, JsValue> {
    let by = group_by(&by.map_or(JsValue::UNDEFINED, |b| b.js_value()))?;
    let (ds, _) = read(data, opts)?;
    Ok(out(&aggregate::transfer_rates(&ds, &by)))
}

/// Enrollment totals grouped by `by`.
#[wasm_bindgen(js_name = enrollmentTotals)]
pub fn enrollment_totals(
    data: Ts<DatasetInputT>,
    by: Option<Ts<GroupByListT>>,
    opts: Option<Ts<CheckOptionsT>>,
) -> Result<Ts<EnrollmentRowListT>, JsValue> {
    let by = group_by(&by.map_or(JsValue::UNDEFINED, |b| b.js_value()))?;
    let (ds, _) = read(data, opts)?;
    Ok(out(&aggregate::enrollment_totals(&ds, &by)))
}

/// Each secondary school's new applications in rank order (汇总表).
#[wasm_bindgen(js_name = applicationSummary)]
pub fn application_summary(
    data: Ts<DatasetInputT>,
    opts: Option<Ts<CheckOptionsT>>,
) -> Result<Ts<SchoolApplicationsListT>, JsValue> {
    let (ds, _) = read(data, opts)?;
    Ok(out(&aggregate::application_summary(&ds)))
}

/// Each project-semester against the semester minimums.
#[wasm_bindgen(js_name = semesterCompliance)]
pub fn semester_compliance(
    data: Ts<DatasetInputT>,
    opts: Option<Ts<CheckOptionsT>>,
) -> Result<Ts<SemesterComplianceListT>, JsValue> {
    let (ds, _) = read(data, opts)?;
    Ok(out(&aggregate::semester_compliance(&ds)))
}

/// Target progress, from a check with the options' packs and parameters.
#[wasm_bindgen]
pub fn targets(
    data: Ts<DatasetInputT>,
    opts: Option<Ts<CheckOptionsT>>,
) -> Result<Ts<TargetProgressListT>, JsValue> {
    let (_, report) = run(data, opts)?;
    Ok(out(aggregate::targets(&report)))
}

/// Beijing's status-data campaign of the data's reporting year, by district and school (read
/// from the `bj-3p2-2024` pack's campaigns and approved list); `null` without a reporting year.
#[wasm_bindgen(js_name = statusCampaign)]
pub fn status_campaign(
    data: Ts<DatasetInputT>,
    opts: Option<Ts<CheckOptionsT>>,
) -> Result<Ts<StatusCampaignOrNullT>, JsValue> {
    let (ds, _) = read(data, opts)?;
    Ok(out(&aggregate::status_campaign(&ds)))
}

/// Each secondary school's printable 汇总表 per year, entries marked with the rules they break
/// (from a check with the options' packs and parameters).
#[wasm_bindgen(js_name = applicationSheets)]
pub fn application_sheets(
    data: Ts<DatasetInputT>,
    opts: Option<Ts<CheckOptionsT>>,
) -> Result<Ts<ApplicationSheetListT>, JsValue> {
    let (ds, report) = run(data, opts)?;
    Ok(out(&aggregate::application_sheets(&ds, &report)))
}

/// Quzhou: every 细则 indicator per campus with value, bound and verdict, the settlements and
/// the targets by year; `null` when the check did not use the Quzhou pack.
#[wasm_bindgen(js_name = pilotTables)]
pub fn pilot_tables(
    data: Ts<DatasetInputT>,
    opts: Option<Ts<CheckOptionsT>>,
) -> Result<Ts<PilotTablesOrNullT>, JsValue> {
    let (ds, report) = run(data, opts)?;
    Ok(out(&aggregate::pilot_tables(&ds, &report)))
}

/// Hohhot: the major ledger per school and school year; `null` when the check did not use the
/// Hohhot pack.
#[wasm_bindgen(js_name = majorLedger)]
pub fn major_ledger(
    data: Ts<DatasetInputT>,
    opts: Option<Ts<CheckOptionsT>>,
) -> Result<Ts<MajorLedgerOrNullT>, JsValue> {
    let (ds, report) = run(data, opts)?;
    Ok(out(&aggregate::major_ledger(&ds, &report)))
}

/// The one-page summary (`xianjie summary`): transfer rates by year, district and 大类, the 汇总表,
/// applications per school, semester compliance and target progress, and the tables of the city
/// whose notices the check used.
#[wasm_bindgen]
pub fn summary(
    data: Ts<DatasetInputT>,
    opts: Option<Ts<CheckOptionsT>>,
) -> Result<Ts<SummaryT>, JsValue> {
    let (ds, report) = run(data, opts)?;
    Ok(out(&aggregate::summary(&ds, &report)))
}
