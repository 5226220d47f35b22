//! Embedded reference data and identifier checks (参考数据与代码校验).
//!
//! - [`catalog`]: the MoE vocational major catalogue, 2021 edition
//!   (职业教育专业目录（2021年）), 1,349 majors at three levels plus their
//!   categories and classes.
//! - [`divisions`]: NBS 2023 administrative division codes (31 provinces,
//!   342 prefecture-level, 2,975 county-level units), as six-digit GB/T 2260
//!   codes.
//! - [`uscc`]: unified social credit code (统一社会信用代码, GB 32100-2015).
//! - [`moe_code`]: MoE school code (学校标识码).
//!
//! - [`source`]: whether the tables are embedded or loaded at run time.
//!
//! Tables are embedded with `include_str!` (or loaded, see [`source`]) and parsed once, on first use;
//! lookups are binary searches that return `&'static` data without
//! allocating. Origins, licences and regeneration: `docs/reference-data.md`.
//!
//! Errors carry the facts (lengths, positions, characters) and offer
//! `message_zh` / `message_en`; their `Display` is the English message.
//!
//! ```
//! use xianjie::reference::{catalog, divisions, moe_code, uscc};
//!
//! assert_eq!(catalog::major("710201").map(|m| m.name), Some("计算机应用"));
//! assert_eq!(divisions::full_name("110101").as_deref(), Some("北京市 东城区"));
//! assert!(uscc::validate("91350100M000100Y43").is_ok());
//! assert!(moe_code::parse("4111010001").is_ok());
//! ```

pub mod catalog;
pub mod divisions;
pub mod holidays;
pub mod moe_code;
pub mod source;
pub mod uscc;

pub use catalog::{CatalogMajor, EducationLevel};
pub use divisions::{Division, DivisionLevel};
pub use moe_code::{MoeCode, MoeCodeError, SchoolType};
pub use uscc::UsccError;
