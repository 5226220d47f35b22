#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! The core's errors are read in Python and JavaScript as well as on the command line: none may
//! name a command-line flag (`--pack nope: unknown pack` in Python was the complaint). The CLI adds
//! the flag that brought a faulty value in.

use std::path::Path;

/// Flags of the `xianjie` command.
const FLAGS: [&str; 9] = [
    "--pack", "--param", "--limit", "--entity", "--year", "--format", "--lang", "--batch", "--out",
];

/// Files whose text may name a flag, and why.
const ALLOWED: [(&str, &str); 1] = [(
    "render/catalogue.rs",
    "the header of the generated rule catalogue says which command generated it",
)];

fn scan(dir: &Path, hits: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            scan(&path, hits);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path
            .strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if ALLOWED.iter().any(|(f, _)| *f == rel) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate() {
            // Code only: comments may say how the CLI uses a thing.
            let code = line.split("//").next().unwrap_or("");
            if code.contains('"') && FLAGS.iter().any(|f| code.contains(f)) {
                hits.push(format!("{rel}:{}: {}", n + 1, line.trim()));
            }
        }
    }
}

#[test]
fn no_core_text_names_a_cli_flag() {
    let mut hits = Vec::new();
    scan(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut hits,
    );
    assert!(
        hits.is_empty(),
        "core text naming a CLI flag:\n{}",
        hits.join("\n")
    );
}
