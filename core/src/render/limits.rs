//! The table of input limits (`xianjie limits`; the "Limits" section of `docs/guide.md` is
//! generated from it), from [`Limit::ALL`] so it cannot fall behind the code.

use super::TextTable;
use crate::limits::{Limit, Limits};

/// A default as a reader thinks of it: sizes in KiB/MiB/GiB when whole, counts grouped.
fn shown(limit: Limit, n: u64) -> String {
    let name = limit.name();
    if name.ends_with("_bytes") {
        for (unit, size) in [("GiB", 1u64 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] {
            if n >= size && n % size == 0 {
                return format!("{} {unit}", n / size);
            }
        }
    }
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if name.ends_with("_ratio") {
        out.push_str(":1");
    }
    out
}

/// Every limit: its name (for `--limit NAME=VALUE`, Python's and JS's `limits`), its default in
/// `limits`' place (pass `Limits::default()` for the documented defaults) and what it bounds.
///
/// ```
/// let t = xianjie::render::limits_table(&xianjie::Limits::default()).render();
/// assert!(t.contains("input_bytes     1 GiB"), "{t}");
/// ```
pub fn limits_table(limits: &Limits) -> TextTable {
    let mut t = TextTable::new(&["limit", "default", "限制的是", "bounds"]).keep_whole(&[0, 1]);
    for l in Limit::ALL {
        let (zh, en) = l.what();
        t.row(vec![
            l.name().into(),
            shown(l, limits.get(l)),
            zh.into(),
            en.into(),
        ]);
    }
    t
}
