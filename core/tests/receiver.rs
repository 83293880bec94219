//! The reference receiver over real HTTP on 127.0.0.1.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

struct Receiver {
    child: Child,
    addr: String,
    store: PathBuf,
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.store);
    }
}

fn start(extra: &[&str]) -> Receiver {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let store =
        std::env::temp_dir().join(format!("ticket-receiver-{}-{n}.jsonl", std::process::id()));
    let _ = std::fs::remove_file(&store);
    let mut child = Command::new(env!("CARGO_BIN_EXE_ticket-check"))
        .args(["serve", "--addr", "127.0.0.1:0", "--store"])
        .arg(&store)
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start ticket-check serve");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .strip_prefix("listening on http://")
        .expect(&line)
        .to_owned();
    Receiver { child, addr, store }
}

fn request(addr: &str, raw_head: &str, body: &[u8]) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.write_all(raw_head.as_bytes()).unwrap();
    // The receiver may answer (413) before the whole body is sent.
    let _ = stream.write_all(body);
    let mut out = String::new();
    stream.read_to_string(&mut out).expect("read response");
    let status = out[9..12].parse().unwrap();
    let body = out
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    (status, body)
}

fn post(addr: &str, content_type: &str, key: Option<&str>, body: &str) -> (u16, serde_json::Value) {
    let key_header = key
        .map(|k| format!("Idempotency-Key: {k}\r\n"))
        .unwrap_or_default();
    let head = format!(
        "POST /api/tickets HTTP/1.1\r\nHost: x\r\nContent-Type: {content_type}\r\n{key_header}Content-Length: {}\r\n\r\n",
        body.len()
    );
    let (status, body) = request(addr, &head, body.as_bytes());
    (
        status,
        serde_json::from_str(&body).unwrap_or(serde_json::Value::Null),
    )
}

fn example() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../public/examples/ticket.json"
    ))
    .unwrap()
}

fn stored(r: &Receiver) -> Vec<serde_json::Value> {
    std::fs::read_to_string(&r.store)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn accepts_the_example_ticket_and_stores_it_with_checks() {
    let r = start(&[]);
    let (status, body) = post(&r.addr, "application/json", None, &example());
    assert_eq!(status, 201, "{body}");
    let reference = body["reference"].as_str().unwrap();
    assert!(reference.starts_with("LK-"));
    let records = stored(&r);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["reference"], reference);
    assert_eq!(records[0]["ticket"]["category"], "technical.routing");
    assert_eq!(records[0]["checks"]["trace_summary"]["hop_count"], 5);
}

#[test]
fn rejects_invalid_tickets_with_per_field_errors() {
    let r = start(&[]);
    let mut ticket: serde_json::Value = serde_json::from_str(&example()).unwrap();
    ticket["email"] = "not-an-address".into();
    ticket["fields"]["trace"] = "PING 8.8.8.8 (8.8.8.8) 56(84) bytes of data.".into();
    let (status, body) = post(&r.addr, "application/json", None, &ticket.to_string());
    assert_eq!(status, 422);
    let errors: Vec<(String, String)> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().into(),
                e["code"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            ("email".into(), "email.no_at".into()),
            ("trace".into(), "trace.ping".into())
        ]
    );
    assert!(stored(&r).is_empty());
}

#[test]
fn refuses_wrong_content_types_bad_json_and_huge_bodies() {
    let r = start(&[]);
    assert_eq!(post(&r.addr, "text/plain", None, &example()).0, 415);
    assert_eq!(post(&r.addr, "application/json", None, "{not json").0, 400);
    let huge = format!("{{\"message\":\"{}\"}}", "x".repeat(2 * 1024 * 1024));
    let (status, body) = post(&r.addr, "application/json", None, &huge);
    assert_eq!(status, 413);
    assert_eq!(body["errors"][0]["code"], "body.too_large");
}

#[test]
fn a_repeated_idempotency_key_returns_the_same_reference_and_stores_once() {
    let r = start(&[]);
    let (s1, b1) = post(&r.addr, "application/json", Some("key-123"), &example());
    let (s2, b2) = post(&r.addr, "application/json", Some("key-123"), &example());
    assert_eq!((s1, s2), (201, 200));
    assert_eq!(b1["reference"], b2["reference"]);
    assert_eq!(stored(&r).len(), 1);
}

#[test]
fn serves_static_files_without_escaping_the_folder() {
    let dir = std::env::temp_dir().join(format!("ticket-static-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<p>widget</p>").unwrap();
    let r = start(&["--static", dir.to_str().unwrap()]);
    let (status, body) = request(&r.addr, "GET / HTTP/1.1\r\nHost: x\r\n\r\n", b"");
    assert_eq!((status, body.as_str()), (200, "<p>widget</p>"));
    let (status, _) = request(
        &r.addr,
        "GET /../Cargo.toml HTTP/1.1\r\nHost: x\r\n\r\n",
        b"",
    );
    assert_eq!(status, 404);
    let _ = std::fs::remove_dir_all(dir);
}
