//! The findings table as first written, one `StringDictionaryBuilder` per categorical column and
//! each bound worked out on every row: kept as the oracle the faster table must equal, column
//! for column, on the bundled samples, a workbook's cells, a non-terminating bound and a
//! national check.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion

use super::*;
use arrow_array::builder::StringDictionaryBuilder;

fn reference(findings: &[Finding], opts: &FindingsTableOptions) -> RecordBatch {
    let values: Vec<_> = findings.iter().map(|f| f.detail.values()).collect();
    let bounds: Vec<Option<Decimal>> = values
        .iter()
        .map(|v| v.bound.as_ref().and_then(exact_decimal))
        .collect();
    let scale = opts.scale.unwrap_or_else(|| {
        let mut scale = 0u32;
        for (v, b) in values.iter().zip(&bounds) {
            for d in [v.value, *b, v.numerator, v.denominator, v.shortfall]
                .into_iter()
                .flatten()
            {
                scale = scale.max(d.normalize().scale());
            }
        }
        i8::try_from(scale).unwrap()
    });
    let rescale = |d: Decimal| {
        let d = d.normalize();
        let up = u32::try_from(scale)
            .unwrap()
            .checked_sub(d.scale())
            .unwrap();
        d.mantissa() * 10i128.pow(up)
    };
    let mut rule_id = StringDictionaryBuilder::<Int32Type>::new();
    let mut severity = StringDictionaryBuilder::<Int32Type>::new();
    let mut code = StringDictionaryBuilder::<Int32Type>::new();
    let mut entity = StringDictionaryBuilder::<Int32Type>::new();
    let mut index = UInt64Builder::new();
    let mut path = StringBuilder::new();
    let mut subject_id = StringBuilder::new();
    let mut cell = StringBuilder::new();
    let mut exact: [Decimal128Builder; 5] = std::array::from_fn(|_| {
        Decimal128Builder::new().with_data_type(DataType::Decimal128(PRECISION, scale))
    });
    let mut floats: [Float64Builder; 5] = std::array::from_fn(|_| Float64Builder::new());
    let mut bound_text = StringDictionaryBuilder::<Int32Type>::new();
    for (i, f) in findings.iter().enumerate() {
        let first = f.locations.first();
        rule_id.append_value(f.rule_id());
        severity.append_value(f.severity.as_str());
        code.append_value(f.code.as_str());
        entity.append_value(first.map_or(f.subject.entity, |l| l.entity).as_str());
        index.append_option(first.map(|l| l.index as u64));
        path.append_option(first.map(|l| l.path.as_str()));
        subject_id.append_value(&f.subject.id);
        match f.locations.iter().find_map(|l| l.cell.as_ref()) {
            Some(c) => cell.append_value(format!("{}!{}{}", c.sheet, c.column, c.row)),
            None => cell.append_null(),
        }
        let v = &values[i];
        for (k, d) in [v.value, bounds[i], v.numerator, v.denominator, v.shortfall]
            .into_iter()
            .enumerate()
        {
            exact[k].append_option(d.map(rescale));
        }
        let value_f64 = match (v.value, v.numerator, v.denominator) {
            (Some(x), _, _) => x.to_f64(),
            (None, Some(a), Some(b)) if b > Decimal::ZERO => {
                a.to_f64().zip(b.to_f64()).map(|(a, b)| a / b)
            }
            _ => None,
        };
        let bound_f64 = v
            .bound
            .and_then(|b| b.num().to_f64().zip(b.den().to_f64()).map(|(a, b)| a / b));
        let plots = [
            value_f64,
            bound_f64,
            v.numerator.and_then(|x| x.to_f64()),
            v.denominator.and_then(|x| x.to_f64()),
            v.shortfall.and_then(|x| x.to_f64()),
        ];
        for (b, x) in floats.iter_mut().zip(plots) {
            b.append_option(x);
        }
        match &v.bound {
            Some(b) => bound_text.append_value(b.to_string()),
            None => bound_text.append_null(),
        }
    }
    let mut columns: Vec<ArrayRef> = vec![
        Arc::new(rule_id.finish()),
        Arc::new(severity.finish()),
        Arc::new(code.finish()),
        Arc::new(entity.finish()),
        Arc::new(index.finish()),
        Arc::new(path.finish()),
        Arc::new(subject_id.finish()),
        Arc::new(cell.finish()),
    ];
    for b in &mut exact {
        columns.push(Arc::new(b.finish()));
    }
    columns.push(Arc::new(bound_text.finish()));
    for b in &mut floats {
        columns.push(Arc::new(b.finish()));
    }
    for lang in langs(opts.messages) {
        let (m, r): (Vec<String>, Vec<Option<String>>) = findings
            .iter()
            .map(|f| {
                (
                    crate::messages::message_in(f, lang),
                    crate::messages::remedy_in(f, lang),
                )
            })
            .unzip();
        columns.push(Arc::new(StringArray::from(m)));
        columns.push(Arc::new(StringArray::from(r)));
    }
    RecordBatch::try_new(Arc::new(findings_schema(opts, scale)), columns).unwrap()
}

/// Every finding of the bundled samples, the workbook fixture (cells) and a small national
/// check, in an order that interleaves rules, codes and bounds (so runs break often).
fn findings() -> Vec<Finding> {
    let mut all = Vec::new();
    for name in crate::sample::names() {
        let ds = crate::sample::load(name).unwrap();
        all.extend(
            crate::check(&ds, &crate::Options::default())
                .unwrap()
                .findings,
        );
    }
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/tables/activities.xlsx");
    let read = crate::table::read_path(&path, &crate::table::ReadOptions::default()).unwrap();
    let r = crate::table::check_table(&read, &crate::Options::default()).unwrap();
    assert!(r
        .findings
        .iter()
        .any(|f| f.locations.iter().any(|l| l.cell.is_some())));
    all.extend(r.findings);
    let named = crate::sample::national::national(0.005, 7)
        .unwrap()
        .into_iter()
        .map(|(k, b)| (k.as_str().to_string(), vec![b]));
    let mut ds = crate::columns::dataset_from_batches(named, &crate::Limits::default()).unwrap();
    ds.reporting_year = Some(crate::sample::national::REPORTING_YEAR);
    let packs = ["bj-3p2-2024".to_string(), "qz-pilot-2024".to_string()];
    let checker = crate::Checker::builtin(&packs, &Default::default()).unwrap();
    let national = checker.check(&ds).findings;
    assert!(national.len() > 1000, "{}", national.len());
    all.extend(national);
    // The findings in runs (report order), then shuffled by a stride, past two parts of a table
    // made on two threads.
    let n = all.len();
    let mut mixed = Vec::new();
    while mixed.len() < PART {
        mixed.extend(all.iter().cloned());
    }
    mixed.extend((0..PART + n).map(|k| all[(k * 7919) % n].clone()));
    mixed
}

#[test]
fn the_table_is_the_reference_table() {
    let findings = findings();
    assert!(findings.len() > 2 * PART, "{}", findings.len());
    for messages in [Messages::None, Messages::Both] {
        for scale in [None, Some(FIXED_SCALE)] {
            for threads in [None, Some(2)] {
                let opts = FindingsTableOptions {
                    messages,
                    scale,
                    threads,
                };
                let want = reference(&findings, &opts);
                let got = findings_to_arrow(&findings, &opts).unwrap();
                assert_eq!(got.schema(), want.schema(), "{opts:?}");
                for (c, field) in want.schema().fields().iter().enumerate() {
                    let (g, w) = (got.column(c), want.column(c));
                    if g.to_data() != w.to_data() {
                        // The first row that differs, not two dumps of 100,000 rows.
                        let row = (0..w.len()).find(|&r| g.slice(r, 1) != w.slice(r, 1));
                        panic!("{} {opts:?}: differs at row {row:?}", field.name());
                    }
                }
            }
        }
    }
}

#[test]
fn a_fraction_has_the_bits_of_another_only_written_the_same() {
    let f = |s: &str| s.parse::<Fraction>().unwrap();
    assert_eq!(f("1/3").bits(), f("1/3").bits());
    assert_eq!(f("60%").bits(), f("60%").bits());
    for (a, b) in [("1/3", "2/6"), ("60%", "3/5"), ("3", "3.0"), ("0.6", "60%")] {
        assert_ne!(f(a).bits(), f(b).bits(), "{a} {b}");
    }
}
