//! The Markdown rule catalogue (`docs/rules.md`) and per-rule explanations, generated from the packs.

use super::escape_text;
use crate::finding::Lang;
use crate::rules::{Pack, Rule};
use std::fmt::Write;

fn check_lines(rule: &Rule) -> Vec<String> {
    rule.checks
        .iter()
        .map(|c| {
            // The check's own parameters, as the pack states them (compact JSON, stable key order).
            let v = serde_json::to_value(c).unwrap_or_default();
            let mut parts = Vec::new();
            if let Some(o) = v.as_object() {
                for (k, val) in o {
                    if k == "kind" {
                        continue;
                    }
                    let shown = match val {
                        serde_json::Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    parts.push(format!("{k} = {shown}"));
                }
            }
            format!("`{}`: {}", c.kind_name(), parts.join("; "))
        })
        .collect()
}

/// The catalogue of `packs` in Markdown: per pack its source, per rule its clause, quoted text,
/// severity, interpretation, checks with parameters, dates and required parameters. A user's pack
/// is the user's text: controls and bidi characters are escaped ([`escape_text`]).
pub fn rules_markdown(packs: &[&Pack]) -> String {
    escape_text(&catalogue(packs)).into_owned()
}

fn catalogue(packs: &[&Pack]) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# Rule catalogue\n");
    let _ = writeln!(
        s,
        "Generated from the rule packs by `xianjie rules --format markdown`; do not edit by hand \
         (a test fails when this file is stale). Severity follows the modality of the source text: \
         须/必须/不得/应 → error; 一般/原则上/力争 → warning; region-wide goals → target.\n"
    );
    for p in packs {
        let _ = writeln!(s, "## Pack `{}` v{}: {}\n", p.id, p.version, p.title_zh);
        let _ = writeln!(s, "{}\n", p.title_en);
        let _ = writeln!(
            s,
            "- Source: {} ({}), {}",
            p.source.document, p.source.issuer, p.source.title
        );
        let _ = writeln!(
            s,
            "- Date: {}{}",
            p.source.date_cited(),
            p.source
                .published
                .map(|d| format!(", published {d}"))
                .unwrap_or_default()
        );
        if let Some(seed) = &p.source.seed {
            let _ = writeln!(s, "- Seed: `{seed}`");
        }
        if let Some(n) = &p.source.note {
            let _ = writeln!(s, "- Note: {n}");
        }
        match &p.region {
            Some(r) if r.is_national() => {
                let _ = writeln!(s, "- Region: {} ({}): every record", r.zh, r.en);
            }
            Some(r) => {
                let _ = writeln!(
                    s,
                    "- Region: {} ({}), GB/T 2260 `{}`: records whose schools lie there",
                    r.zh, r.en, r.code
                );
            }
            None => {
                let _ = writeln!(s, "- Region: not declared (applies wherever it is named)");
            }
        }
        let _ = writeln!(
            s,
            "- Period: from {}{}",
            p.source.date_cited(),
            p.effective_until
                .map(|u| format!(" until {u}"))
                .unwrap_or_default()
        );
        for c in &p.campaigns {
            let _ = writeln!(
                s,
                "- Campaign `{}`: reporting year {}, reports on {} to {}, {}; {} / {}",
                c.id,
                c.reporting_year,
                c.reports_from,
                c.reports_until,
                c.closes
                    .map_or("closing time to be announced".to_string(), |t| format!(
                        "closes {}",
                        t.to_rfc3339()
                    )),
                c.scope_zh,
                c.scope_en
            );
        }
        let _ = writeln!(s, "- Rules: {}\n", p.rules.len());
        for r in &p.rules {
            let _ = writeln!(s, "### `{}`\n", r.id);
            let _ = writeln!(s, "{} / {}\n", r.title_zh, r.title_en);
            let _ = writeln!(s, "- Severity: {}", r.severity.as_str());
            let _ = writeln!(
                s,
                "- Clause: {}",
                crate::messages::citation(&p.source.document, &r.clause)
            );
            let _ = writeln!(s, "- Text: > {}", r.quote);
            if let Some(i) = &r.interpretation {
                let _ = writeln!(s, "- Interpretation: {i}");
            }
            // A start taken from a placeholder date is marked as one.
            let start = if r.effective_from.is_none() && p.source.date_placeholder {
                p.source.date_cited()
            } else {
                r.starts(p).to_string()
            };
            let _ = writeln!(
                s,
                "- In force: from {}{}",
                start,
                r.ends(p).map(|u| format!(" until {u}")).unwrap_or_default()
            );
            if let Some(j) = r.judges_from {
                let _ = writeln!(s, "- Judges records from: {j}");
            }
            if let Some(f) = &r.period_field {
                let _ = writeln!(s, "- Records placed in time by: `{f}`");
            }
            if let Some(c) = r.campaign(p) {
                let _ = writeln!(
                    s,
                    "- Campaign: `{}` (reporting year {} only; other years unchecked unless the deadline is given as a parameter)",
                    c.id, c.reporting_year
                );
            }
            if !r.required_params.is_empty() {
                let _ = writeln!(
                    s,
                    "- Required parameters (the source sets none): {}",
                    r.required_params
                        .iter()
                        .map(|x| format!("`{x}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
            for c in check_lines(r) {
                let _ = writeln!(s, "- Check {c}");
            }
            let _ = writeln!(s);
        }
    }
    s
}

/// A rule explained in full: titles, source, quoted clause, interpretation, checks; controls and
/// bidi characters escaped ([`escape_text`]).
///
/// ```
/// let (p, r) = xianjie::rules::find_rule("bj-3p2-2024/semester-meetings").unwrap();
/// let mut r = r.clone();
/// r.title_zh = "会\u{1b}]8;;http://x\u{7}议\u{202e}".into();
/// let text = xianjie::render::explain(p, &r, xianjie::finding::Lang::Zh);
/// assert!(text.contains("会\\u{1b}]8;;http://x\\u{7}议\\u{202e}"), "{text}");
/// ```
pub fn explain(pack: &Pack, rule: &Rule, lang: Lang) -> String {
    escape_text(&explanation(pack, rule, lang)).into_owned()
}

fn explanation(pack: &Pack, rule: &Rule, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut s = String::new();
    let _ = writeln!(s, "{}", rule.id);
    let _ = writeln!(s, "{}", if zh { &rule.title_zh } else { &rule.title_en });
    let _ = writeln!(
        s,
        "{}{}",
        if zh { "级别:" } else { "Severity: " },
        if zh {
            rule.severity.zh()
        } else {
            rule.severity.as_str()
        }
    );
    let _ = writeln!(
        s,
        "{}{} {}",
        if zh { "出处:" } else { "Source: " },
        p_doc(pack),
        rule.clause
    );
    let _ = writeln!(s, "{}“{}”", if zh { "原文:" } else { "Text: " }, rule.quote);
    if let Some(i) = &rule.interpretation {
        let _ = writeln!(s, "{}{i}", if zh { "解读:" } else { "Interpretation: " });
    }
    let _ = writeln!(
        s,
        "{}{}",
        if zh { "生效:" } else { "In force from: " },
        rule.starts(pack)
    );
    if !rule.required_params.is_empty() {
        let _ = writeln!(
            s,
            "{}{}",
            if zh {
                "须提供参数:"
            } else {
                "Required parameters: "
            },
            rule.required_params.join(", ")
        );
    }
    for c in check_lines(rule) {
        let _ = writeln!(s, "{}{c}", if zh { "检查:" } else { "Check: " });
    }
    s
}

fn p_doc(p: &Pack) -> String {
    format!("{}《{}》", p.source.document, p.source.title)
}
