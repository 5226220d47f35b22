//! The command's three streams, made safe for what comes from the public.
//!
//! - stdout: every write goes through [`out`], which ends quietly when the reader has gone (`| head`):
//!   a closed pipe is not an error of ours, so nothing more is written and the exit code stays the
//!   result's (0 no error finding, 1 error findings, 2 unusable input). `println!` would panic.
//! - stderr: every message goes through [`say`], which escapes control and bidi characters
//!   (user ids, names, file names and keys are in messages), prefixes each line with `xianjie: `,
//!   and lists at most `errors_listed` lines, counting the rest.
//! - input: [`read_bounded`] reads a file or stdin (`-`) up to `input_bytes`, and refuses at once
//!   what cannot be a JSON document (`/dev/zero` starts with NUL), instead of reading until memory
//!   runs out.

use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use xianjie::api;
use xianjie::input::InputError;
use xianjie::limits::{abbreviate, Limits};
use xianjie::render::{escape, json_safe};

/// Set once stdout's reader has gone; later output is dropped.
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);
/// Lines of messages listed on stderr (`--limit errors_listed=N`).
static LINES_LISTED: AtomicU64 = AtomicU64::new(1_000);
/// Characters of one line on stderr (from `--limit message_chars=N`).
static LINE_CHARS: AtomicU64 = AtomicU64::new(line_chars(80));

/// A message line holds a place, a file name and the Chinese and English text, each quoting at
/// most `message_chars` of the user's value: room for all of that, so only a value the core
/// failed to abbreviate is cut (a 7.9 MB header must not become megabytes of stderr).
const fn line_chars(message_chars: u64) -> u64 {
    1_000u64.saturating_add(message_chars.saturating_mul(4))
}

/// Takes the bounds of this run's messages from `limits`.
pub fn use_limits(limits: &Limits) {
    LINES_LISTED.store(limits.errors_listed, Ordering::Relaxed);
    LINE_CHARS.store(line_chars(limits.message_chars), Ordering::Relaxed);
}

/// Writes `text` to stdout. A closed pipe ends output quietly (`Ok`); any other failure (a full
/// disk) is an error message.
pub fn out(text: &str) -> Result<(), String> {
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        return Ok(());
    }
    let mut o = io::stdout().lock();
    match o.write_all(text.as_bytes()).and_then(|()| o.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            STDOUT_CLOSED.store(true, Ordering::Relaxed);
            Ok(())
        }
        Err(e) => Err(format!("无法写入标准输出 / cannot write to stdout: {e}")),
    }
}

/// Writes JSON text to stdout, with the characters serde_json leaves raw (C1 and bidi controls)
/// escaped as `\uXXXX`: the same document for a parser, nothing live for a terminal.
pub fn out_json(json: &str) -> Result<(), String> {
    out(&json_safe(json))?;
    out("\n")
}

/// Prints `msg` on stderr, each line prefixed with `xianjie: `, escaped, at most
/// `errors_listed` lines (the rest counted) of bounded length ([`line_chars`]). Errors writing
/// to stderr are ignored: there is nowhere left to say them.
pub fn say(msg: &str) {
    // Split on `\n` alone: `lines()` would drop a `\r` that must be shown escaped.
    say_lines(msg.split_terminator('\n'));
}

/// [`say`] for lines made one by one: lines past `errors_listed` are counted, never made.
pub fn say_lines<S: AsRef<str>>(lines: impl IntoIterator<Item = S>) {
    let listed = usize::try_from(LINES_LISTED.load(Ordering::Relaxed)).unwrap_or(usize::MAX);
    let width = LINE_CHARS.load(Ordering::Relaxed);
    let mut e = io::stderr().lock();
    let mut lines = lines.into_iter();
    for line in lines.by_ref().take(listed.max(1)) {
        // One line each: a newline inside one (a user's value) is shown, not obeyed.
        let line = escape(&abbreviate(line.as_ref(), width)).into_owned();
        let _ = writeln!(e, "xianjie: {line}");
    }
    let rest = lines.count();
    if rest > 0 {
        let _ = writeln!(
            e,
            "xianjie: 另有{rest}行未列出(可用限额errors_listed调整) / {rest} more lines not listed (raise the limit errors_listed)"
        );
    }
}

/// The name of an input in messages: `stdin` for `-`, the path otherwise (escaped when printed).
pub fn input_name(path: &Path) -> String {
    if is_stdin(path) {
        "stdin".into()
    } else {
        path.display().to_string()
    }
}

/// Whether `path` is `-`, standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Reads the file at `path`, or stdin for `-`, as UTF-8 text of at most `limits.input_bytes`
/// bytes; a larger input is refused before it is read whole (a regular file by its size, a pipe
/// or device after `input_bytes + 1` bytes). With `json`, the first non-blank byte must be able to
/// start a JSON value: `/dev/zero` or a binary file is refused after its first read.
///
/// The core's reader for this (`api.rs`, branch h/json) is being added in parallel; this one is
/// the CLI's until the two are folded together.
pub fn read_bounded(path: &Path, limits: &Limits, json: bool) -> Result<String, InputError> {
    let name = input_name(path);
    if is_stdin(path) {
        api::read_text_with(io::stdin().lock(), &name, limits, json)
    } else {
        let file = api::open_bounded(path, limits).map_err(|e| e.with_source(&name))?;
        api::read_text_with(file, &name, limits, json)
    }
}

/// A user's value in a message: escaped and abbreviated to `message_chars`.
pub fn quoted(limits: &Limits, s: &str) -> String {
    escape(&limits.quote(s)).into_owned()
}
