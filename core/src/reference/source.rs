//! Where the reference tables' text comes from: embedded in the binary (feature
//! `embedded-reference`, on by default) or loaded once at run time with [`load`].
//!
//! The WebAssembly module a browser downloads first leaves the tables out (they are a sixth of its
//! size) and the JavaScript package fetches them on demand. Until a table is there, the checks
//! that need it report their rule as unchecked, saying why, rather than guess. A loaded text must
//! be byte for byte the file this build was made with (length and FNV-1a digest, computed by
//! `build.rs`), so the parsers only ever see data the tests have pinned.

use crate::finding::Text;
use std::sync::OnceLock;

include!("digest.rs");
include!(concat!(env!("OUT_DIR"), "/reference_digests.rs"));

/// A reference table that can be embedded or loaded at run time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    /// The 2021 vocational major catalogue (`catalog-2021.tsv`).
    Catalog,
    /// The NBS 2023 administrative division codes (`divisions.tsv`).
    Divisions,
}

impl Table {
    /// Every table.
    pub const ALL: [Table; 2] = [Table::Catalog, Table::Divisions];

    /// The file the table ships as (in `core/data/` and in the JavaScript package).
    pub fn file_name(self) -> &'static str {
        match self {
            Table::Catalog => "catalog-2021.tsv",
            Table::Divisions => "divisions.tsv",
        }
    }

    /// The table named by its file name.
    pub fn from_file_name(name: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.file_name() == name)
    }

    /// Title in both languages.
    pub fn title(self) -> Text {
        match self {
            Table::Catalog => Text::new(
                "《职业教育专业目录(2021年)》",
                "the 2021 vocational major catalogue",
            ),
            Table::Divisions => Text::new(
                "行政区划代码表(国家统计局2023年)",
                "the NBS 2023 administrative division codes",
            ),
        }
    }

    /// Whether the table's text is available (embedded, or loaded with [`load`]).
    pub fn is_loaded(self) -> bool {
        self.text().is_some()
    }

    /// The table's text, if available.
    pub(crate) fn text(self) -> Option<&'static str> {
        embedded(self).or_else(|| loaded(self).get().map(String::as_str))
    }

    /// (length, digest) of the text this build was made with.
    fn expected(self) -> (usize, u64) {
        match self {
            Table::Catalog => CATALOG_DIGEST,
            Table::Divisions => DIVISIONS_DIGEST,
        }
    }
}

#[cfg(feature = "embedded-reference")]
fn embedded(t: Table) -> Option<&'static str> {
    Some(match t {
        Table::Catalog => include_str!("../../data/catalog-2021.tsv"),
        Table::Divisions => include_str!("../../data/divisions.tsv"),
    })
}

#[cfg(not(feature = "embedded-reference"))]
fn embedded(_: Table) -> Option<&'static str> {
    None
}

fn loaded(t: Table) -> &'static OnceLock<String> {
    static LOADED: [OnceLock<String>; 2] = [OnceLock::new(), OnceLock::new()];
    match t {
        Table::Catalog => &LOADED[0],
        Table::Divisions => &LOADED[1],
    }
}

/// A text offered to [`load`] that this build cannot use.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", message.en)]
pub struct LoadError {
    /// The file name given.
    pub file: String,
    /// What is wrong, in both languages.
    pub message: Text,
}

/// Loads a reference table's text, named by its file name (see [`Table::file_name`]). Loading
/// the same text again, or a table that is embedded, is a no-op; a text that is not the file
/// this build was made with is refused (a proxy's error page, a newer edition, a truncated
/// download).
///
/// ```
/// use xianjie::reference::source::{load, Table};
///
/// let err = load("catalog-2021.tsv", "<html>404</html>".to_string()).unwrap_err();
/// assert!(err.message.en.contains("not the catalog-2021.tsv"));
/// assert!(load("majors.csv", String::new()).is_err());
/// assert!(Table::Catalog.is_loaded()); // embedded in this build
/// ```
pub fn load(file: &str, text: String) -> Result<(), LoadError> {
    let Some(table) = Table::from_file_name(file) else {
        let known: Vec<&str> = Table::ALL.iter().map(|t| t.file_name()).collect();
        return Err(LoadError {
            file: file.into(),
            message: Text::new(
                format!("未知的参考数据文件“{file}”,应为:{}", known.join("、")),
                format!(
                    "unknown reference file “{file}”; expected one of: {}",
                    known.join(", ")
                ),
            ),
        });
    };
    let (len, digest) = table.expected();
    if text.len() != len || fnv1a(text.as_bytes()) != digest {
        return Err(LoadError {
            file: file.into(),
            message: Text::new(
                format!(
                    "收到的文本({} 字节)不是本版本随附的 {file}({len} 字节):请提供随包发布的文件",
                    text.len()
                ),
                format!(
                    "the text given ({} bytes) is not the {file} this build ships ({len} bytes): serve the file from the package",
                    text.len()
                ),
            ),
        });
    }
    if embedded(table).is_none() {
        // A second identical load is a no-op; the digest makes a different text impossible.
        let _ = loaded(table).set(text);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_files_load_and_match_their_digest() {
        for t in Table::ALL {
            let text = std::fs::read_to_string(format!(
                "{}/data/{}",
                env!("CARGO_MANIFEST_DIR"),
                t.file_name()
            ))
            .expect("data file");
            assert_eq!(t.expected(), (text.len(), fnv1a(text.as_bytes())));
            assert!(load(t.file_name(), text).is_ok());
            assert!(t.is_loaded());
            assert_eq!(Table::from_file_name(t.file_name()), Some(t));
        }
    }

    #[test]
    fn other_texts_are_refused_with_sizes() {
        let e = load("divisions.tsv", "110000\t北京市".into()).unwrap_err();
        assert_eq!(e.file, "divisions.tsv");
        assert!(e.message.zh.contains("随包发布"), "{}", e.message.zh);
        assert!(e.message.en.contains(" bytes)"), "{}", e.message.en);
        let e = load("nope.tsv", String::new()).unwrap_err();
        assert!(e.message.en.contains("catalog-2021.tsv, divisions.tsv"));
    }

    #[test]
    fn reason_names_the_file() {
        let r = crate::messages::reason(&crate::finding::Reason::TableNotLoaded {
            table: Table::Divisions,
        });
        assert!(r.zh.contains("divisions.tsv") && r.en.contains("loadReference"));
    }
}
