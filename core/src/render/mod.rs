//! Text renderings of reports and rule packs: aligned tables (CJK-aware widths), the Markdown rule
//! catalogue (`docs/rules.md` is generated from it), and rule explanations.

mod catalogue;
mod summary;
mod table;

pub use catalogue::{explain, rules_markdown};
pub use summary::summary_table;
pub use table::{report_table, rules_table, TextTable};
