//! Loading and validating packs: TOML text in, a checked [`Pack`] out, or an error naming the place.

use super::params::perr;
use super::{Pack, Rule};
use std::collections::{BTreeMap, HashSet};
use std::fmt;

/// A pack could not be loaded or a parameter could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, schemars::JsonSchema)]
pub struct PackError {
    /// File name or `builtin:<id>`.
    pub origin: String,
    /// Line (1-based) where known.
    pub line: Option<usize>,
    /// Column (1-based) where known.
    pub column: Option<usize>,
    /// Where in the pack, e.g. `rules[3] (bj-3p2-2024/semester-meetings).checks[0]`.
    pub loc: String,
    /// What is wrong and what was expected.
    pub message: String,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.origin)?;
        if let (Some(l), Some(c)) = (self.line, self.column) {
            write!(f, ":{l}:{c}")?;
        }
        if !self.loc.is_empty() {
            write!(f, " at {}", self.loc)?;
        }
        write!(f, ": {}", self.message)
    }
}

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
        let pack: Pack = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map_or((None, None), |s| {
                let (l, c) = line_col(text, s.start);
                (Some(l), Some(c))
            });
            PackError {
                origin: origin.to_string(),
                line,
                column,
                loc: String::new(),
                message: e.message().to_string(),
            }
        })?;
        pack.validate(origin)?;
        Ok(pack)
    }

    /// Checks ids, parameters and field references.
    pub fn validate(&self, origin: &str) -> Result<(), PackError> {
        let err = |loc: String, message: String| PackError {
            origin: origin.to_string(),
            line: None,
            column: None,
            loc,
            message,
        };
        if self.id.is_empty()
            || !self
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(err(
                "id".into(),
                format!(
                    "pack id {:?} must be lower-case letters, digits and '-'",
                    self.id
                ),
            ));
        }
        let mut seen = HashSet::new();
        for (i, r) in self.rules.iter().enumerate() {
            let loc = format!("rules[{i}] ({})", r.id);
            let slug = r.id.strip_prefix(&format!("{}/", self.id));
            if !slug.is_some_and(|s| {
                !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            }) {
                return Err(err(
                    loc,
                    format!(
                        "rule id must be `{}/<slug>` (lower-case, digits, '-')",
                        self.id
                    ),
                ));
            }
            if !seen.insert(r.id.as_str()) {
                return Err(err(loc, format!("duplicate rule id {}", r.id)));
            }
            if r.checks.is_empty() {
                return Err(err(loc, "a rule needs at least one check".into()));
            }
            if r.quote.trim().is_empty() || r.clause.trim().is_empty() {
                return Err(err(
                    loc,
                    "a rule must quote its clause (`clause` and `quote`)".into(),
                ));
            }
            if let (Some(a), Some(b)) = (r.effective_from, r.effective_until) {
                if a > b {
                    return Err(err(
                        loc,
                        format!("effective_from {a} is after effective_until {b}"),
                    ));
                }
            }
            for (j, c) in r.checks.iter().enumerate() {
                c.kind()
                    .validate()
                    .map_err(|m| err(format!("{loc}.checks[{j}] (kind {})", c.kind_name()), m))?;
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
    /// assert!(pack.with_params(&bad).unwrap_err().message.contains("no parameter `colour`"));
    /// ```
    pub fn with_params(&self, params: &BTreeMap<String, String>) -> Result<Pack, PackError> {
        if !super::params::any_for(self, params) {
            return Ok(self.clone());
        }
        // A typed pack goes back to JSON for this; the built-in packs start from their JSON
        // (`builtin::with_params`), so the WebAssembly build needs no serializer for checks.
        let origin = format!("pack {}", self.id);
        let v = serde_json::to_value(self).map_err(|e| perr(&origin, e.to_string()))?;
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
