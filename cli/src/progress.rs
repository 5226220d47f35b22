//! Progress on stderr for long runs, only when stderr is a terminal (a log file or a pipe gets
//! none, and stdout is never touched): a spinner with the rows done and their rate for batches,
//! a spinner naming the step for a whole-file run.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

/// A progress display, or nothing when stderr is not a terminal.
pub struct Progress(Option<ProgressBar>);

impl Progress {
    /// Rows done, their rate and the time, for a run in batches.
    pub fn rows() -> Progress {
        Progress::with("{spinner} {pos} 行 / rows  {per_sec}  {elapsed}")
    }
    /// One step under way (reading a file, checking), for a run over whole files; cleared when
    /// dropped, before anything else is written to stderr.
    pub fn step(what: &str) -> Progress {
        let p = Progress::with("{spinner} {msg}  {elapsed}");
        if let Some(b) = &p.0 {
            b.set_message(xianjie::render::escape(what).into_owned());
        }
        p
    }
    fn with(template: &str) -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template(template)
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        // Ticks on its own thread: a long check in the core still shows it is alive.
        bar.enable_steady_tick(Duration::from_millis(120));
        Progress(Some(bar))
    }
    /// Adds `n` rows.
    pub fn inc(&self, n: u64) {
        if let Some(b) = &self.0 {
            b.inc(n);
        }
    }
    /// Removes the display (before the results or messages are written).
    pub fn clear(&self) {
        if let Some(b) = &self.0 {
            b.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.clear();
    }
}
