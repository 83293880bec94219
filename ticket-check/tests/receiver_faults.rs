//! The receiver's test-only fault switches, over real HTTP on 127.0.0.1.

mod common;

use common::{Receiver, example, get, post, post_reply, request, start, stored};
use std::time::{Duration, Instant};

fn set_faults(r: &Receiver, json: &str) -> common::Reply {
    let head = format!(
        "POST /__faults HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        json.len()
    );
    request(&r.addr, &head, json.as_bytes())
}

#[test]
fn fail_next_fails_that_many_posts_then_accepts() {
    let r = start(&["--fail-next", "2:500"]);
    for _ in 0..2 {
        let reply = post_reply(&r.addr, "application/json", Some("k1"), &example());
        assert_eq!(reply.status, 500);
        assert_eq!(reply.json()["errors"][0]["code"], "fault.injected");
        assert_eq!(reply.header("retry-after"), None);
    }
    assert!(stored(&r).is_empty());
    let (status, body) = post(&r.addr, "application/json", Some("k1"), &example());
    assert_eq!(status, 201, "{body}");
    assert_eq!(stored(&r).len(), 1);
}

#[test]
fn a_503_carries_retry_after_and_exposes_it_to_other_origins() {
    let r = start(&["--fail-next", "1:503", "--retry-after", "7"]);
    let reply = post_reply(&r.addr, "application/json", None, &example());
    assert_eq!(reply.status, 503);
    assert_eq!(reply.header("retry-after"), Some("7"));
    assert_eq!(
        reply.header("access-control-expose-headers"),
        Some("Retry-After")
    );
    let reply = post_reply(&r.addr, "application/json", None, &example());
    assert_eq!(reply.status, 201);
    assert_eq!(reply.header("retry-after"), None);
    assert_eq!(
        reply.header("access-control-expose-headers"),
        Some("Retry-After")
    );
}

#[test]
fn delay_ms_delays_ticket_answers_only() {
    let r = start(&["--delay-ms", "300"]);
    let t = Instant::now();
    assert_eq!(get(&r.addr, "/api/health").status, 200);
    assert!(t.elapsed() < Duration::from_millis(300));
    let t = Instant::now();
    assert_eq!(post(&r.addr, "application/json", None, &example()).0, 201);
    assert!(t.elapsed() >= Duration::from_millis(300));
}

#[test]
fn drop_after_store_stores_then_hangs_up_and_the_retry_gets_the_same_reference() {
    let r = start(&["--drop-after-store", "1"]);
    let reply = post_reply(&r.addr, "application/json", Some("lost-answer"), &example());
    assert_eq!(
        (reply.status, reply.head.as_str()),
        (0, ""),
        "EOF, no answer"
    );
    let records = stored(&r);
    assert_eq!(records.len(), 1);
    let (status, body) = post(&r.addr, "application/json", Some("lost-answer"), &example());
    assert_eq!(status, 200);
    assert_eq!(body["reference"], records[0]["reference"]);
    assert_eq!(stored(&r).len(), 1);
}

#[test]
fn the_control_endpoints_do_not_exist_without_the_switch() {
    let r = start(&["--fail-next", "1:503"]);
    assert_eq!(set_faults(&r, r#"{"fail_next": 0}"#).status, 404);
    assert_eq!(get(&r.addr, "/__faults").status, 404);
    assert_eq!(get(&r.addr, "/__tickets/count").status, 404);
    // The switch given on the command line still holds.
    assert_eq!(post(&r.addr, "application/json", None, &example()).0, 503);
}

#[test]
fn the_control_endpoint_changes_faults_at_run_time() {
    let r = start(&["--enable-fault-control"]);
    assert_eq!(get(&r.addr, "/__tickets/count").json()["count"], 0);
    let reply = set_faults(
        &r,
        r#"{"fail_next": 2, "status": 503, "retry_after": 1, "delay_ms": 0, "drop_after_store": 1}"#,
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.json(), get(&r.addr, "/__faults").json());
    for _ in 0..2 {
        let reply = post_reply(&r.addr, "application/json", Some("ctl"), &example());
        assert_eq!(
            (reply.status, reply.header("retry-after")),
            (503, Some("1"))
        );
    }
    assert_eq!(
        post_reply(&r.addr, "application/json", Some("ctl"), &example()).status,
        0
    );
    assert_eq!(get(&r.addr, "/__tickets/count").json()["count"], 1);
    let (status, _) = post(&r.addr, "application/json", Some("ctl"), &example());
    assert_eq!(status, 200);
    // Absent fields switch their fault off.
    assert_eq!(set_faults(&r, r#"{"fail_next": 1}"#).json()["status"], 503);
    assert_eq!(post(&r.addr, "application/json", None, &example()).0, 503);
    assert_eq!(set_faults(&r, "{}").status, 200);
    assert_eq!(post(&r.addr, "application/json", None, &example()).0, 201);
    assert_eq!(get(&r.addr, "/__tickets/count").json()["count"], 2);
    assert_eq!(stored(&r).len(), 2);
}

#[test]
fn the_control_endpoint_refuses_bad_settings() {
    let r = start(&["--enable-fault-control"]);
    assert_eq!(set_faults(&r, "{not json").status, 400);
    assert_eq!(set_faults(&r, r#"{"fail_nxt": 1}"#).status, 400);
    assert_eq!(set_faults(&r, r#"{"fail_next": -1}"#).status, 400);
    let reply = set_faults(&r, r#"{"fail_next": 1, "status": 201}"#);
    assert_eq!(reply.status, 422);
    assert_eq!(reply.json()["errors"][0]["field"], "status");
    assert_eq!(set_faults(&r, r#"{"delay_ms": 600000}"#).status, 422);
    assert_eq!(post(&r.addr, "application/json", None, &example()).0, 201);
}

#[test]
fn bad_switches_stop_the_receiver_before_it_listens() {
    for bad in [
        &["--fail-next", "2"][..],
        &["--fail-next", "2:200"],
        &["--delay-ms", "soon"],
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_ticket-check"))
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(bad)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn help_documents_the_switches() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ticket-check"))
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    for switch in [
        "--fail-next N:STATUS",
        "--retry-after SECS",
        "--delay-ms MS",
        "--drop-after-store N",
        "--enable-fault-control",
        "/__faults",
        "/__tickets/count",
    ] {
        assert!(help.contains(switch), "{switch} missing from --help");
    }
}

#[test]
fn garbage_never_takes_the_receiver_down() {
    let r = start(&["--enable-fault-control"]);
    let garbage: &[&[u8]] = &[
        b"",
        b"\r\n\r\n",
        b"GET\r\n\r\n",
        b"\xff\xfe\xfd / HTTP/1.1\r\n\r\n",
        b"POST /api/tickets HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
        b"POST /api/tickets HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n",
        b"POST /api/tickets HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 4\r\n\r\nnull",
        b"POST /api/tickets HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{\"a\":",
        b"POST /__faults HTTP/1.1\r\nContent-Length: 2\r\n\r\n[]",
        b"POST /__faults HTTP/1.1\r\nContent-Length: 30\r\n\r\n{\"status\": 99999999999999999}",
        b"GET /__tickets/count?x HTTP/1.1\r\nHost: \xff\r\n\r\n",
    ];
    for raw in garbage {
        let mut stream = std::net::TcpStream::connect(&r.addr).unwrap();
        use std::io::{Read, Write};
        let _ = stream.write_all(raw);
        let _ = stream.shutdown(std::net::Shutdown::Write);
        let _ = stream.set_read_timeout(Some(Duration::from_secs(20)));
        let _ = stream.read_to_end(&mut Vec::new());
    }
    let long_header = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(64 * 1024));
    let _ = request(&r.addr, &long_header, b"");
    assert_eq!(get(&r.addr, "/api/health").status, 200);
    assert_eq!(post(&r.addr, "application/json", None, &example()).0, 201);
}
