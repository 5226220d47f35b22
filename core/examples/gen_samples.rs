#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // benchmark/example code: a panic is a failed run
//! Writes every bundled sample to `samples/<name>.json` (pretty JSON), from the generators.
//! Run after changing a generator: `cargo run -p xianjie --example gen_samples`.

use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../samples");
    std::fs::create_dir_all(&dir)?;
    for name in xianjie::sample::names() {
        let ds = xianjie::sample::load(name).ok_or(format!("no sample {name}"))?;
        let mut text = serde_json::to_string_pretty(&ds)?;
        text.push('\n');
        let path = dir.join(format!("{name}.json"));
        std::fs::write(&path, text)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
