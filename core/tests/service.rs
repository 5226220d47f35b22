#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! `examples/service.rs` as a client sees it: started on 127.0.0.1, a form posted over TCP, the
//! findings (or the input errors) in the answer. The example's own code is what runs.

#[allow(dead_code)] // its `main` is the example's, not the test's
#[path = "../examples/service.rs"]
mod service;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use xianjie::{Checker, Options};

/// Starts the service on a free port of 127.0.0.1; its address.
fn start() -> std::net::SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let checker = Checker::new(&Options {
        packs: vec!["bj-3p2-2024".into()],
        ..Default::default()
    })
    .unwrap();
    std::thread::spawn(move || service::serve(listener, Arc::new(checker)));
    addr
}

/// Posts `form` to `path`; the status code and the JSON body.
fn post(addr: std::net::SocketAddr, path: &str, form: &str) -> (u16, serde_json::Value) {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(
        s,
        "POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{form}",
        form.len()
    )
    .unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).unwrap();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, serde_json::from_str(body).unwrap())
}

#[test]
fn a_posted_form_gets_its_findings() {
    let addr = start();
    let form = "project=P1&semester=2023-2024-1&meetings=1&joint_research=3&teachers_dispatched=5";
    let (status, report) = post(addr, "/semester-activity", form);
    assert_eq!(status, 200);
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{report}");
    assert_eq!(findings[0]["rule_id"], "bj-3p2-2024/semester-meetings");
    assert_eq!(
        findings[0]["locations"][0]["path"],
        "semester_activities[0].meetings"
    );
    assert_eq!(findings[0]["remedy"]["zh"], "还需召开1次沟通会");
    assert_eq!(report["ok"], false);

    // Several clients at once share the one checker; a compliant form passes.
    let threads: Vec<_> = (0..4)
        .map(|_| {
            std::thread::spawn(move || {
                post(
                    addr,
                    "/semester-activity",
                    "project=P2&semester=2023-2024-2&meetings=2&joint_research=3&teachers_dispatched=5",
                )
            })
        })
        .collect();
    for t in threads {
        let (status, report) = t.join().unwrap();
        assert_eq!(status, 200);
        assert_eq!(report["ok"], true, "{report}");
    }
}

#[test]
fn a_bad_value_is_422_with_its_path_and_other_requests_are_refused() {
    let addr = start();
    let (status, e) = post(
        addr,
        "/semester-activity",
        "project=P1&semester=2023-2024-1&meetings=%E4%B8%A4&joint_research=3&teachers_dispatched=5",
    );
    assert_eq!(status, 422);
    assert_eq!(
        e["errors"][0]["loc"], "semester_activities[0].meetings",
        "{e}"
    );
    let (status, _) = post(addr, "/elsewhere", "");
    assert_eq!(status, 404);
    let (status, _) = post(addr, "/semester-activity", "a=%zz");
    assert_eq!(status, 400);
    // A body announced over the bound is refused before it is read.
    let mut s = TcpStream::connect(addr).unwrap();
    s.write_all(b"POST /semester-activity HTTP/1.1\r\nContent-Length: 100000000\r\n\r\n")
        .unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 413 "), "{answer}");
}
