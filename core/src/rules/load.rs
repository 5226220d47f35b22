//! Loading and validating packs: TOML text in, a checked [`Pack`] out, or an error naming the place.

use super::error::{PackError, PackErrorKind};
use super::{Pack, Rule};
use std::collections::{BTreeMap, HashSet};

#[cfg(feature = "toml")]
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

impl Pack {
    /// Parses and validates a pack from TOML text; `origin` names it in errors.
    #[cfg(feature = "toml")]
    ///
    /// ```
    /// let err = xianjie::Pack::from_toml_str("id = 1", "my.toml").unwrap_err();
    /// assert_eq!(err.origin, "my.toml");
    /// ```
    pub fn from_toml_str(text: &str, origin: &str) -> Result<Pack, PackError> {
        // A check that cannot be read says so in a typed error, which the TOML reader can only
        // carry as text: it is taken back from where `Check`'s reader left it.
        let _ = super::check::take_read_error();
        let pack: Pack = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map_or((None, None), |s| {
                let (l, c) = line_col(text, s.start);
                (Some(l), Some(c))
            });
            let kind = match super::check::take_read_error() {
                Some(error) => PackErrorKind::Check { error },
                None => PackErrorKind::Syntax {
                    detail: e.message().to_string(),
                },
            };
            PackError {
                origin: origin.to_string(),
                line,
                column,
                loc: String::new(),
                kind: Box::new(kind),
            }
        })?;
        pack.validate(origin)?;
        Ok(pack)
    }

    /// Checks ids, parameters and field references.
    pub fn validate(&self, origin: &str) -> Result<(), PackError> {
        let err = |loc: String, kind: PackErrorKind| PackError::new(origin, kind).at(loc);
        let slug_ok = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        };
        if !slug_ok(&self.id) {
            return Err(err(
                "id".into(),
                PackErrorKind::PackId {
                    id: self.id.clone(),
                },
            ));
        }
        if let Some(region) = &self.region {
            if !super::Region::code_ok(&region.code) {
                return Err(err(
                    "region.code".into(),
                    PackErrorKind::Region {
                        code: region.code.clone(),
                    },
                ));
            }
        }
        for (i, c) in self.campaigns.iter().enumerate() {
            let twice = self.campaigns[..i]
                .iter()
                .any(|d| d.id == c.id || d.reporting_year == c.reporting_year);
            if twice {
                return Err(err(
                    format!("campaigns[{i}]"),
                    PackErrorKind::Campaign { id: c.id.clone() },
                ));
            }
            if c.reports_from > c.reports_until {
                return Err(err(
                    format!("campaigns[{i}]"),
                    PackErrorKind::EffectiveDates {
                        from: c.reports_from,
                        until: c.reports_until,
                    },
                ));
            }
        }
        let mut seen = HashSet::new();
        for (i, r) in self.rules.iter().enumerate() {
            let loc = format!("rules[{i}] ({})", r.id);
            let slug = r.id.strip_prefix(&format!("{}/", self.id));
            if !slug.is_some_and(slug_ok) {
                return Err(err(
                    loc,
                    PackErrorKind::RuleId {
                        id: r.id.clone(),
                        pack: self.id.clone(),
                    },
                ));
            }
            if !seen.insert(r.id.as_str()) {
                return Err(err(
                    loc,
                    PackErrorKind::DuplicateRuleId {
                        id: r.id.clone(),
                        first: self.id.clone(),
                        second: self.id.clone(),
                    },
                ));
            }
            if r.checks.is_empty() {
                return Err(err(loc, PackErrorKind::NoChecks));
            }
            if r.quote.trim().is_empty() || r.clause.trim().is_empty() {
                return Err(err(loc, PackErrorKind::NoQuote));
            }
            if let Some(until) = r.ends(self) {
                let from = r.starts(self);
                if from > until {
                    return Err(err(loc, PackErrorKind::EffectiveDates { from, until }));
                }
            }
            if let Some(id) = &r.campaign {
                if r.campaign(self).is_none() {
                    return Err(err(loc, PackErrorKind::Campaign { id: id.clone() }));
                }
            }
            for (j, c) in r.checks.iter().enumerate() {
                c.kind().validate().map_err(|error| {
                    err(
                        format!("{loc}.checks[{j}] (kind {})", c.kind_name()),
                        PackErrorKind::Check { error },
                    )
                })?;
            }
        }
        Ok(())
    }

    /// A rule by id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// Applies user parameters `"<rule id>.<name>" → value` to this pack's rules.
    /// Keys naming other packs' rules are left for them; a key naming one of this pack's rules
    /// but no parameter of it is an error, so nothing given is silently ignored.
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// let pack = xianjie::rules::builtin("hhht-majors-2022").unwrap();
    /// let id = "hhht-majors-2022/small-major-discontinue";
    /// let params = BTreeMap::from([(format!("{id}.class_size"), "30".to_string())]);
    /// let with = pack.with_params(&params).unwrap();
    /// assert_ne!(&with, pack);
    /// let bad = BTreeMap::from([(format!("{id}.colour"), "red".to_string())]);
    /// let e = pack.with_params(&bad).unwrap_err();
    /// assert!(matches!(&*e.kind, xianjie::rules::PackErrorKind::UnknownParam { name, .. } if name == "colour"));
    /// ```
    pub fn with_params(&self, params: &BTreeMap<String, String>) -> Result<Pack, PackError> {
        if !super::params::any_for(self, params) {
            return Ok(self.clone());
        }
        // A typed pack goes back to JSON for this; the built-in packs start from their JSON
        // (`builtin::with_params`), so the WebAssembly build needs no serializer for checks.
        let origin = format!("pack {}", self.id);
        let v = serde_json::to_value(self).map_err(|e| {
            PackError::new(
                &origin,
                PackErrorKind::Syntax {
                    detail: e.to_string(),
                },
            )
        })?;
        super::params::reread(v, params, &origin)
    }
}

/// Parses a flat TOML table (used for parameter files), converting values to JSON.
#[cfg(feature = "toml")]
pub fn parse_toml_table(
    text: &str,
) -> Result<std::collections::BTreeMap<String, serde_json::Value>, String> {
    let t: toml::Table = toml::from_str(text).map_err(|e| e.to_string())?;
    t.into_iter()
        .map(|(k, v)| {
            serde_json::to_value(v)
                .map(|j| (k, j))
                .map_err(|e| e.to_string())
        })
        .collect()
}
