//! Parameters, `"<rule id>.<name>" → value`, applied to a pack in its JSON form before it is
//! typed: the value is written into the rule's checks as the pack file would write it, and read
//! with the same reader, so a parameter is checked exactly like the rest of the pack.

use super::error::{PackError, PackErrorKind};
use super::Check;
use serde_json::Value;
use std::collections::BTreeMap;

/// Applies to `pack` (a pack in JSON form) the parameters naming its rules; keys naming other
/// packs' rules are left for them. Returns the keys applied. A key naming one of its rules but no
/// parameter of that rule is an error, so nothing given is silently ignored.
pub(crate) fn apply(
    pack: &mut Value,
    params: &BTreeMap<String, String>,
) -> Result<Vec<String>, PackError> {
    let mut applied = Vec::new();
    for (key, value) in params {
        let Some((rule_id, name)) = key.rsplit_once('.') else {
            continue;
        };
        let Some(rule) = pack
            .get_mut("rules")
            .and_then(Value::as_array_mut)
            .and_then(|rules| {
                rules
                    .iter_mut()
                    .find(|r| r.get("id").and_then(Value::as_str) == Some(rule_id))
            })
        else {
            continue;
        };
        let declared = rule
            .get("required_params")
            .and_then(Value::as_array)
            .is_some_and(|ps| ps.iter().any(|p| p.as_str() == Some(name)));
        let origin = format!("parameter {key}");
        let mut hit = false;
        for check in rule
            .get_mut("checks")
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            let Some(obj) = check.as_object_mut() else {
                continue;
            };
            if !(obj.contains_key(name) || declared) {
                continue;
            }
            obj.insert(name.to_string(), Value::String(value.clone()));
            // Read the check now, so that a bad value is reported as the parameter's fault.
            let bad = |error| {
                PackError::new(
                    &origin,
                    PackErrorKind::ParamValue {
                        key: key.clone(),
                        value: value.clone(),
                        error,
                    },
                )
            };
            let typed = Check::from_value(check.clone()).map_err(bad)?;
            typed.kind().validate().map_err(bad)?;
            hit = true;
        }
        if !hit {
            return Err(PackError::new(
                &origin,
                PackErrorKind::UnknownParam {
                    rule: rule_id.to_string(),
                    name: name.to_string(),
                },
            ));
        }
        applied.push(key.clone());
    }
    Ok(applied)
}

/// `pack` (JSON form) with `params` applied, read and validated; `origin` names it in errors.
pub(crate) fn reread(
    mut pack: Value,
    params: &BTreeMap<String, String>,
    origin: &str,
) -> Result<super::Pack, PackError> {
    apply(&mut pack, params)?;
    let typed: super::Pack =
        crate::input::from_value(pack).map_err(|e| PackError::new(origin, e.into()))?;
    typed.validate(origin)?;
    Ok(typed)
}

/// Whether any key of `params` names a rule of `pack` (then it must be re-read with them).
pub(crate) fn any_for(pack: &super::Pack, params: &BTreeMap<String, String>) -> bool {
    params.keys().any(|k| {
        k.rsplit_once('.')
            .is_some_and(|(rule, _)| pack.rule(rule).is_some())
    })
}
