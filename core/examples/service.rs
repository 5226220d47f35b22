//! A small service answering HTTP form submissions with findings: one shared [`Checker`] (packs
//! and parameters resolved once; `check` takes `&self`), a thread per connection, the standard
//! library's `TcpListener` only, and xianjie's default features (no spreadsheet code).
//!
//! ```sh
//! cargo run -p xianjie --example service -- 127.0.0.1:8080
//! curl -s 127.0.0.1:8080/semester-activity \
//!   -d project=P1 -d semester=2023-2024-1 -d meetings=1 -d joint_research=3 -d teachers_dispatched=5
//! ```
//!
//! `POST /semester-activity` takes the fields of a 学期衔接活动 form
//! (`application/x-www-form-urlencoded`) and answers `200` with the JSON report (findings with
//! their clause, place, message and remedy in both languages), or `422` with the input errors
//! (each with its path, e.g. `semester_activities[0].meetings`) when a value is not usable.
//! Anything else is `404`/`405`/`400`/`413`. Requests are bounded (head and body size, a read
//! timeout) as a service facing the public must be; a real deployment puts it behind a proxy with
//! TLS and a pool of workers instead of a thread per connection.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::time::Duration;
use xianjie::{Checker, Dataset, Options};

/// Bytes of a request's head (request line and headers) read at most.
const MAX_HEAD: usize = 16 * 1024;
/// Bytes of a form body read at most.
const MAX_BODY: usize = 64 * 1024;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8080".into());
    let checker = Checker::new(&Options {
        packs: vec!["bj-3p2-2024".into()],
        ..Default::default()
    })?;
    let listener = TcpListener::bind(&addr)?;
    eprintln!("listening on http://{}", listener.local_addr()?);
    serve(listener, Arc::new(checker));
    Ok(())
}

/// Answers every connection of `listener`, each on its own thread, with the one `checker`.
pub fn serve(listener: TcpListener, checker: Arc<Checker>) {
    for stream in listener.incoming().flatten() {
        let checker = Arc::clone(&checker);
        std::thread::spawn(move || {
            // A client that goes away is its own business: nothing to report.
            let _ = handle(stream, &checker);
        });
    }
}

/// One request, one response.
fn handle(stream: TcpStream, checker: &Checker) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let (status, body) = match read_request(&mut reader) {
        Ok((method, path, form)) => answer(&method, &path, &form, checker),
        Err((status, why)) => (status, error_json(why)),
    };
    let mut stream = stream;
    write!(
        stream,
        "HTTP/1.1 {status}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )?;
    stream.flush()
}

type Request = (String, String, String);

/// The method, the path and the body of a request, within the bounds.
fn read_request(r: &mut impl BufRead) -> Result<Request, (&'static str, &'static str)> {
    let bad = ("400 Bad Request", "malformed request");
    let mut head = 0usize;
    let mut line = String::new();
    let mut next_line = |r: &mut dyn BufRead, line: &mut String| {
        line.clear();
        let n = (&mut *r)
            .take((MAX_HEAD - head.min(MAX_HEAD)) as u64 + 1)
            .read_line(line)
            .map_err(|_| bad)?;
        head += n;
        if head > MAX_HEAD {
            return Err((
                "431 Request Header Fields Too Large",
                "request head too large",
            ));
        }
        Ok(line.trim_end().to_string())
    };
    let request_line = next_line(r, &mut line)?;
    let mut parts = request_line.split(' ');
    let (Some(method), Some(path)) = (parts.next(), parts.next()) else {
        return Err(bad);
    };
    let mut length = 0usize;
    loop {
        let header = next_line(r, &mut line)?;
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().map_err(|_| bad)?;
            }
        }
    }
    if length > MAX_BODY {
        return Err(("413 Content Too Large", "form too large"));
    }
    let mut body = vec![0; length];
    r.read_exact(&mut body).map_err(|_| bad)?;
    let body = String::from_utf8(body).map_err(|_| bad)?;
    Ok((method.to_string(), path.to_string(), body))
}

/// The status and JSON body for a request.
fn answer(method: &str, path: &str, form: &str, checker: &Checker) -> (&'static str, String) {
    if path != "/semester-activity" {
        return ("404 Not Found", error_json("unknown path"));
    }
    if method != "POST" {
        return ("405 Method Not Allowed", error_json("use POST"));
    }
    let fields = match parse_form(form) {
        Some(f) => f,
        None => return ("400 Bad Request", error_json("malformed form")),
    };
    // The form's record as the dataset document: counts as numbers when they read as whole
    // numbers, otherwise as the text given, for the core to refuse with its path and reason.
    let mut record = serde_json::Map::new();
    let mut year = serde_json::Value::from(2024);
    for (name, value) in fields {
        let v = match value.parse::<u64>() {
            Ok(n) if name != "project" && name != "semester" => serde_json::Value::from(n),
            _ => serde_json::Value::from(value),
        };
        if name == "reporting_year" {
            year = v;
        } else {
            record.insert(name, v);
        }
    }
    let doc = serde_json::json!({
        "reporting_year": year,
        "semester_activities": [record],
    });
    match Dataset::from_json_str(&doc.to_string()) {
        Ok(ds) => ("200 OK", checker.check(&ds).to_json_pretty()),
        Err(e) => (
            "422 Unprocessable Content",
            serde_json::to_string_pretty(&e).unwrap_or_else(|_| error_json("input error")),
        ),
    }
}

fn error_json(why: &str) -> String {
    serde_json::json!({ "error": why }).to_string()
}

/// `a=1&b=x+y` decoded (`+` a space, `%XX` a byte, UTF-8); `None` when malformed.
fn parse_form(body: &str) -> Option<Vec<(String, String)>> {
    body.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            Some((decode(k)?, decode(v)?))
        })
        .collect()
}

fn decode(s: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(s.len());
    let mut it = s.bytes();
    while let Some(b) = it.next() {
        match b {
            b'+' => bytes.push(b' '),
            b'%' => {
                let hex = [it.next()?, it.next()?];
                let hex = std::str::from_utf8(&hex).ok()?;
                bytes.push(u8::from_str_radix(hex, 16).ok()?);
            }
            _ => bytes.push(b),
        }
    }
    String::from_utf8(bytes).ok()
}
