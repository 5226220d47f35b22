//! Tables for people: drawn to the terminal's width with comfy-table, or as Markdown.
//!
//! The words, their order and the tables' cells come from the core (`render::report_blocks`,
//! `summary_blocks`, …, the same text the other faces print); what only a terminal needs is here:
//!
//! - Width: a terminal's own; `COLUMNS` when set (also when stdout is not a terminal, so a pipe
//!   or a test can ask for a width); otherwise none (a pipe gets one line a row, for `grep`).
//! - Wrapping counts display columns (a Chinese character is two) and breaks only where a line may
//!   break: after a space or a Chinese character, never before closing or after opening
//!   punctuation, never inside a run of ASCII letters and digits (an id, a path, a number) nor
//!   between it and the character after (`12月`). The columns the core marks as ids, paths or
//!   codes are never broken at all: they are given at least their widest cell; when the terminal
//!   is too narrow for them side by side, each row's cells are stacked one a line.
//! - Colour: the severity cell of a finding's row (error red, warning yellow, target cyan) and bold
//!   headers, only when stdout is a terminal and `NO_COLOR` is unset or empty
//!   (<https://no-color.org>). Output to a file or a pipe has no escape code.
//! - Markdown (`--format markdown`): GitHub-flavoured tables (header row, delimiter row, `|` in
//!   cells escaped, columns padded to align in plain text too), section titles as headings.

use comfy_table::{
    presets, Attribute, Cell, CellAlignment, Color, ColumnConstraint, ContentArrangement, Table,
    Width,
};
use std::io::IsTerminal;
use unicode_width::UnicodeWidthStr;
use xianjie::render::{escape_markdown, Block, TextTable};
use xianjie::Severity;

/// The break opportunity inserted into cells before layout and removed after: zero columns wide,
/// so removing it changes no width. A zero-width space of the user's own is shown escaped.
const BREAK: char = '\u{200b}';

/// How tables are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    /// Wrap to this many columns; `None`: one line a row.
    width: Option<u16>,
    /// Colour by severity, bold headers.
    colour: bool,
    /// Stdout is a terminal (comfy-table then reads its width itself).
    tty: bool,
    markdown: bool,
}

impl Term {
    /// For stdout, as it is now (terminal or not, `COLUMNS`, `NO_COLOR`).
    pub fn stdout() -> Term {
        let tty = std::io::stdout().is_terminal();
        Term {
            width: columns_env(),
            colour: tty && colour_allowed(std::env::var_os("NO_COLOR").as_deref()),
            tty,
            markdown: false,
        }
    }
    /// For a file: no colour, no wrapping.
    pub fn file() -> Term {
        Term {
            width: None,
            colour: false,
            tty: false,
            markdown: false,
        }
    }
    /// Markdown tables.
    pub fn markdown() -> Term {
        Term {
            markdown: true,
            ..Term::file()
        }
    }

    /// The blocks of a report or summary: headings, text as it is, tables drawn.
    pub fn blocks(&self, blocks: &[Block]) -> String {
        let mut out = String::new();
        for b in blocks {
            match b {
                Block::Heading(h) if self.markdown => {
                    let h = h.trim_end_matches([':', '\u{ff1a}']);
                    out.push_str(&format!("### {}\n\n", escape_markdown(h)));
                }
                Block::Heading(h) if self.colour => {
                    out.push_str(&format!("\u{1b}[1m{h}\u{1b}[0m\n"));
                }
                Block::Heading(h) => {
                    out.push_str(h);
                    out.push('\n');
                }
                Block::Text(t) => out.push_str(t),
                Block::Table(t) => out.push_str(&self.table(t)),
                _ => {}
            }
        }
        out
    }

    /// One table, ending with a newline.
    pub fn table(&self, t: &TextTable) -> String {
        if self.markdown {
            return self.markdown_table(t);
        }
        let width = self.width.or_else(|| {
            // On a terminal without COLUMNS: its own width, read as comfy-table reads it.
            // (A terminal reporting no size, as a bare pseudo-terminal does, is not wrapped.)
            if self.tty {
                Table::new().width().filter(|w| *w >= MIN_WIDTH)
            } else {
                None
            }
        });
        let columns = t.header().len();
        let widest = |i: usize| -> usize {
            std::iter::once(t.header().get(i))
                .chain(t.body().iter().map(|r| r.get(i)))
                .flatten()
                .map(|s| UnicodeWidthStr::width(s.as_str()))
                .max()
                .unwrap_or(0)
        };
        let grid = Grid::of(t);
        let Some(width) = width else {
            // No width to fit (a pipe, a file): one line a row, as wide as it takes.
            return self.draw(&grid, None, LINE_A_ROW);
        };
        // The columns never broken take their widest cell; each other column needs a little room.
        let need: usize = (0..columns)
            .map(|i| {
                if t.is_whole(i) {
                    widest(i) + 2
                } else {
                    widest(i).min(MIN_PROSE) + 2
                }
            })
            .sum();
        if need <= usize::from(width) {
            // Lines between rows only when some row takes more than one.
            let one = self.draw(&grid, Some(width), LINE_A_ROW);
            if one.lines().count() <= grid.body.len() + 2 {
                one
            } else {
                self.draw(&grid, Some(width), WRAPPED)
            }
        } else {
            // Too narrow for the ids side by side: each row's cells one under another, after its
            // first cell, so that every id still has a whole line.
            self.draw(&grid.stacked(), Some(width), WRAPPED)
        }
    }

    fn draw(&self, t: &Grid, width: Option<u16>, preset: &str) -> String {
        let mut table = Table::new();
        table.load_preset(preset);
        // Width and styling are decided here, not by comfy-table's own look at stdout.
        table.force_no_tty();
        if self.colour {
            table.enforce_styling();
        }
        match width {
            Some(w) => {
                table
                    .set_content_arrangement(ContentArrangement::Dynamic)
                    .set_width(w);
            }
            None => {
                table.set_content_arrangement(ContentArrangement::Disabled);
            }
        }
        table.set_delimiter(BREAK);
        let cell = |col: usize, s: &str| -> String {
            let s = s.replace(BREAK, "\\u{200b}");
            if t.whole.contains(&col) {
                s
            } else {
                // Lines of a stacked cell each break on their own.
                s.split('\n').map(breakable).collect::<Vec<_>>().join("\n")
            }
        };
        table.set_header(t.header.iter().enumerate().map(|(i, h)| {
            let c = Cell::new(cell(i, h));
            if self.colour {
                c.add_attribute(Attribute::Bold)
            } else {
                c
            }
        }));
        for (row, severity) in t.body.iter().zip(&t.severities) {
            table.add_row(row.iter().enumerate().map(|(i, s)| {
                let c = Cell::new(cell(i, s));
                match severity {
                    Some(sev) if self.colour && i == 0 => c.fg(colour_of(*sev)),
                    _ => c,
                }
            }));
        }
        if width.is_some() {
            // Ids, paths and codes keep their widest cell: the other columns give way.
            for &i in &t.whole {
                let widest = std::iter::once(t.header.get(i))
                    .chain(t.body.iter().map(|r| r.get(i)))
                    .flatten()
                    .flat_map(|s| s.split('\n'))
                    .map(UnicodeWidthStr::width)
                    .max()
                    .unwrap_or(0);
                if let Some(col) = table.column_mut(i) {
                    col.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(
                        u16::try_from(widest + 2).unwrap_or(u16::MAX),
                    )));
                }
            }
        }
        finish(&table.to_string())
    }

    fn markdown_table(&self, t: &TextTable) -> String {
        let mut table = Table::new();
        table.load_preset(presets::ASCII_MARKDOWN);
        table.force_no_tty();
        table.set_content_arrangement(ContentArrangement::Disabled);
        let cell = |s: &str| escape_markdown(&s.replace(BREAK, "\\u{200b}")).into_owned();
        table.set_header(t.header().iter().map(|h| cell(h)));
        for row in t.body() {
            table.add_row(row.iter().map(|s| cell(s)));
        }
        for col in table.column_iter_mut() {
            col.set_cell_alignment(CellAlignment::Left);
        }
        // Markdown needs a blank line before a table.
        format!("\n{}", finish(&table.to_string()))
    }
}

/// Room a column of text needs at least before the table is stacked instead.
const MIN_PROSE: usize = 16;
/// One line a row: a line under the header.
const LINE_A_ROW: &str = "     ──            ";
/// Wrapped rows: a line under the header, a dashed one between rows.
const WRAPPED: &str = "     ──  ╌╌        ";

/// The rendered table without the break marks and the spaces that pad its lines.
fn finish(drawn: &str) -> String {
    let text: String = drawn.chars().filter(|c| *c != BREAK).collect();
    let mut out = text
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n");
    out.push('\n');
    out
}

/// A table's cells (escaped by the core) and what drawing it needs.
struct Grid {
    header: Vec<String>,
    body: Vec<Vec<String>>,
    severities: Vec<Option<Severity>>,
    whole: Vec<usize>,
}

impl Grid {
    fn of(t: &TextTable) -> Grid {
        Grid {
            header: t.header().to_vec(),
            body: t.body().to_vec(),
            severities: (0..t.body().len()).map(|n| t.severity(n)).collect(),
            whole: (0..t.header().len()).filter(|i| t.is_whole(*i)).collect(),
        }
    }

    /// Two columns: the first, and the others' cells one line each (empty ones left out), their
    /// headers joined by ` / `. The first column stays whole; an id has a line of its own.
    fn stacked(&self) -> Grid {
        let rest = |cells: &[String]| -> String {
            cells
                .iter()
                .skip(1)
                .filter(|c| !c.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        };
        Grid {
            header: vec![
                self.header.first().cloned().unwrap_or_default(),
                rest(&self.header).replace('\n', " / "),
            ],
            body: self
                .body
                .iter()
                .map(|r| vec![r.first().cloned().unwrap_or_default(), rest(r)])
                .collect(),
            severities: self.severities.clone(),
            whole: vec![0],
        }
    }
}

/// Narrower than this is taken for no width at all.
const MIN_WIDTH: u16 = 20;

/// `COLUMNS`, when it is a width.
fn columns_env() -> Option<u16> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<u16>().ok())
        .filter(|w| *w >= MIN_WIDTH)
}

/// <https://no-color.org>: colour unless `NO_COLOR` is set to something not empty.
fn colour_allowed(no_color: Option<&std::ffi::OsStr>) -> bool {
    no_color.is_none_or(|v| v.is_empty())
}

fn colour_of(s: Severity) -> Color {
    match s {
        Severity::Error => Color::Red,
        Severity::Warning => Color::Yellow,
        Severity::Target => Color::Cyan,
    }
}

/// Characters a line must not start with (closing punctuation).
fn no_break_before(c: char) -> bool {
    matches!(
        c,
        ',' | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
            | ']'
            | '}'
            | '%'
            | '\u{3001}' // 、
            | '\u{3002}' // 。
            | '\u{300b}' // 》
            | '\u{300d}' // 」
            | '\u{300f}' // 』
            | '\u{3011}' // 】
            | '\u{3015}' // 〕
            | '\u{201d}' // ”
            | '\u{2019}' // ’
            | '\u{ff01}' // !
            | '\u{ff09}' // )
            | '\u{ff0c}' // ,
            | '\u{ff1a}' // :
            | '\u{ff1b}' // ;
            | '\u{ff1f}' // ?
    )
}

/// Characters a line must not end with (opening punctuation).
fn no_break_after(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '\u{300a}' // 《
            | '\u{300c}' // 「
            | '\u{300e}' // 『
            | '\u{3010}' // 【
            | '\u{3014}' // 〔
            | '\u{201c}' // “
            | '\u{2018}' // ‘
            | '\u{ff08}' // (
    )
}

/// Wide (two columns: Chinese characters and full-width punctuation).
fn is_wide(c: char) -> bool {
    unicode_width::UnicodeWidthChar::width(c) == Some(2)
}

/// `s` with a [`BREAK`] wherever a line may break: after a space or a wide character, except
/// before closing and after opening punctuation. A run of narrow characters (an id such
/// as `P0007`, a path, `1,398,000.00元`'s number) gets none.
fn breakable(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 2);
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if let Some(p) = prev {
            // After a space or a wide character; not before one after a narrow character, so
            // that `12月`, `P0007的` and `2个` keep together.
            let may = c != ' ' && (p == ' ' || is_wide(p));
            if may && !no_break_before(c) && !no_break_after(p) {
                out.push(BREAK);
            }
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_set_and_not_empty_turns_colour_off() {
        assert!(colour_allowed(None));
        assert!(colour_allowed(Some(std::ffi::OsStr::new(""))));
        assert!(!colour_allowed(Some(std::ffi::OsStr::new("1"))));
    }

    #[test]
    fn breaks_beside_chinese_and_after_spaces_never_inside_ids() {
        let b = breakable("需召开P0007的会,见 semester_activities[3].meetings。");
        let parts: Vec<&str> = b.split(BREAK).collect();
        // `P0007的` keeps together, `,` stays with what it closes, the path is one piece.
        assert_eq!(
            parts,
            [
                "需",
                "召",
                "开",
                "P0007的",
                "会,见 ",
                "semester_activities[3].meetings。"
            ]
        );
    }

    #[test]
    fn the_break_mark_takes_no_column() {
        assert_eq!(UnicodeWidthStr::width("\u{200b}"), 0);
    }

    fn sample() -> TextTable {
        let mut t = TextTable::new(&["级别", "规则", "说明"]).keep_whole(&[1]);
        t.finding_row(
            Severity::Error,
            vec![
                "错误".into(),
                "bj-3p2-2024/semester-joint-research".into(),
                "2023—2024学年第一学期,联合教研活动为1次,少于每学期至少3次的要求。 → 还需开展2次联合教研活动"
                    .into(),
            ],
        );
        t
    }

    #[test]
    fn wraps_to_the_width_in_display_columns_keeping_ids_whole() {
        let term = Term {
            width: Some(60),
            ..Term::file()
        };
        let text = term.table(&sample());
        for line in text.lines() {
            assert!(UnicodeWidthStr::width(line) <= 60, "{line}\n{text}");
        }
        assert!(
            text.contains("bj-3p2-2024/semester-joint-research"),
            "{text}"
        );
        assert!(text.lines().count() > 4, "{text}");
        assert!(
            !text.contains(BREAK) && !text.contains('\u{1b}'),
            "{text:?}"
        );
    }

    #[test]
    fn colour_only_when_asked() {
        let plain = Term::file().table(&sample());
        assert!(!plain.contains('\u{1b}'), "{plain:?}");
        let coloured = Term {
            colour: true,
            ..Term::file()
        };
        let text = coloured.table(&sample());
        // Red on the severity cell of the error row (comfy-table's ANSI form of `Color::Red`).
        assert!(text.contains("\u{1b}[38;5;9m 错误"), "{text:?}");
    }

    #[test]
    fn markdown_is_a_table_with_delimiter_row_and_escaped_bars() {
        let mut t = TextTable::new(&["id", "名称"]);
        t.row(vec!["S|1".into(), "甲".into()]);
        let md = Term::markdown().table(&t);
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(lines[0], "");
        assert!(
            lines[1].starts_with("| id") && lines[1].ends_with('|'),
            "{md}"
        );
        assert!(
            lines[2].starts_with("|--") || lines[2].starts_with("|-"),
            "{md}"
        );
        assert!(lines[3].contains("S\\|1"), "{md}");
    }
}
