#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! The message catalogue is the only place that writes user-facing sentences: checks and the
//! engine hold no Chinese text, and the bundled samples' Chinese output shows no English
//! identifier (ids, codes and file names aside).

use std::path::Path;
use xianjie::{check, Options};

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c)
}

/// Lines of `dir`'s Rust files outside comments that hold a string literal with Chinese text.
fn chinese_literals(dir: &Path) -> Vec<String> {
    let mut bad = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        // Unit tests may hold Chinese data; they follow `#[cfg(test)]` at the end of a file.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (i, line) in code.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains('"') && code.chars().any(is_han) {
                bad.push(format!("{}:{}: {}", path.display(), i + 1, line.trim()));
            }
        }
    }
    bad
}

#[test]
fn checks_and_engine_write_no_words() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut bad = chinese_literals(&src.join("checks"));
    bad.extend(chinese_literals(&src.join("engine")));
    assert!(
        bad.is_empty(),
        "Chinese text outside the catalogue:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_scan_sees_a_chinese_literal() {
    let dir = std::env::temp_dir().join(format!("xianjie-scan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("k.rs"),
        "// 注释可以\nfn f() -> String { format!(\"未填写{}\", 1) }\n",
    )
    .unwrap();
    let bad = chinese_literals(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(bad.len(), 1, "{bad:?}");
}

/// ASCII words in Chinese text that are not data: ids and codes carry digits; file types and a
/// few standard abbreviations are what users write too.
fn identifiers(text: &str) -> Vec<String> {
    const ALLOWED: &[&str] = &[
        "PDF", "pdf", "jpg", "png", "doc", "docx", "xlsx", "GB", "T", "X",
    ];
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
        .filter(|w| !ALLOWED.contains(w))
        .map(str::to_string)
        .collect()
}

#[test]
fn bundled_samples_read_in_chinese_without_identifiers() {
    let mut seen = 0;
    let mut bad = Vec::new();
    for name in xianjie::sample::names() {
        let ds = xianjie::sample::load(name).unwrap();
        let r = check(&ds, &Options::default()).unwrap();
        let mut texts: Vec<(String, String)> = Vec::new();
        for f in &r.findings {
            let why = f.explanation();
            texts.push((f.rule_id().to_string(), f.message().zh));
            texts.extend(f.remedy().map(|t| (f.rule_id().to_string(), t.zh)));
            texts.push((f.rule_id().to_string(), why.clause));
            texts.push((f.rule_id().to_string(), f.subject.zh.clone()));
        }
        for s in &r.rules {
            texts.extend(s.reason.as_ref().map(|t| (s.rule_id.clone(), t.zh.clone())));
        }
        for t in &r.targets {
            texts.push((t.rule_id.clone(), t.message.zh.clone()));
        }
        for (rule, text) in texts {
            seen += 1;
            let ids = identifiers(&text);
            if !ids.is_empty() {
                bad.push(format!("{name} {rule}: {ids:?} in {text}"));
            }
        }
    }
    assert!(seen > 100, "{seen}");
    assert!(bad.is_empty(), "{} texts:\n{}", bad.len(), bad.join("\n"));
}

/// A finding serialized writes the words its methods give: the explanation, the message and the
/// remedy.
#[test]
fn serialized_words_are_the_methods_words() {
    let mut seen = 0;
    // The bundled samples and some generated from them, for findings of every shape.
    let datasets = xianjie::sample::names().iter().flat_map(|name| {
        let generated = (1..4).filter_map(move |seed| xianjie::sample::generate(name, seed));
        std::iter::once(xianjie::sample::load(name).unwrap()).chain(generated)
    });
    for ds in datasets {
        let name = ds.name.clone().unwrap_or_default();
        let r = check(&ds, &Options::default()).unwrap();
        for f in &r.findings {
            let json = serde_json::to_value(f).unwrap();
            assert_eq!(
                json["explanation"],
                serde_json::to_value(f.explanation()).unwrap(),
                "{name} {}",
                f.rule_id()
            );
            assert_eq!(json["message"], serde_json::to_value(f.message()).unwrap());
            assert_eq!(
                json.get("remedy")
                    .cloned()
                    .unwrap_or(serde_json::Value::Null),
                serde_json::to_value(f.remedy()).unwrap()
            );
            seen += 1;
        }
    }
    assert!(seen > 200, "{seen}");
}
