//! Text renderings of reports and rule packs: aligned tables (CJK-aware widths), the Markdown rule
//! catalogue (`docs/rules.md` is generated from it), and rule explanations. User text in every
//! rendering is escaped (`render::safe`): no control or bidi character reaches a terminal raw.

mod catalogue;
mod cities;
mod limits;
mod safe;
mod summary;
mod table;

pub use catalogue::{explain, rules_markdown};
pub use limits::limits_table;
pub use safe::{escape, escape_markdown, escape_text, is_unsafe, json_safe};
pub use summary::{summary_blocks, summary_markdown, summary_table};
pub use table::{
    report_blocks, report_markdown, report_table, rules_table, rules_text_table, Block, TextTable,
};
