//! The receiver's HTTP/1.1: keep-alive, chunked bodies, a graceful stop on
//! SIGTERM, and 422 (not 400) for JSON that is not a ticket.

mod common;

use common::{example, post_reply, read_reply, start, stored};
use std::io::Write;
use std::net::TcpStream;
use std::time::Duration;

fn ticket_head(length_header: &str, key: &str) -> String {
    format!(
        "POST /api/tickets HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
         Idempotency-Key: {key}\r\n{length_header}\r\n"
    )
}

#[test]
fn one_connection_carries_several_requests() {
    let r = start(&[]);
    let mut stream = TcpStream::connect(&r.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let body = example();
    for key in ["ka-1", "ka-2", "ka-1"] {
        let head = ticket_head(&format!("Content-Length: {}\r\n", body.len()), key);
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(body.as_bytes()).unwrap();
        let reply = read_reply(&mut stream);
        assert!(matches!(reply.status, 200 | 201), "{}", reply.head);
        assert!(reply.json()["reference"].is_string(), "{}", reply.body);
    }
    stream
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    assert_eq!(read_reply(&mut stream).status, 200);
    assert_eq!(stored(&r).len(), 2);
}

#[test]
fn a_chunked_body_is_read_whole() {
    let r = start(&[]);
    let mut stream = TcpStream::connect(&r.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let body = example();
    // Chunks cut on byte boundaries (some inside a character), as a
    // streaming client may send them.
    let mut bytes = ticket_head("Transfer-Encoding: chunked\r\n", "chunked-1").into_bytes();
    for chunk in body.as_bytes().chunks(100) {
        bytes.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        bytes.extend_from_slice(chunk);
        bytes.extend_from_slice(b"\r\n");
    }
    bytes.extend_from_slice(b"0\r\n\r\n");
    stream.write_all(&bytes).unwrap();
    let reply = read_reply(&mut stream);
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(stored(&r).len(), 1);
}

#[test]
fn a_chunked_body_over_the_limit_is_refused_with_413() {
    let r = start(&[]);
    let mut stream = TcpStream::connect(&r.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    stream
        .write_all(ticket_head("Transfer-Encoding: chunked\r\n", "big").as_bytes())
        .unwrap();
    let chunk = vec![b'x'; 64 * 1024];
    for _ in 0..20 {
        stream
            .write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
            .unwrap();
        stream.write_all(&chunk).unwrap();
        stream.write_all(b"\r\n").unwrap();
    }
    stream.write_all(b"0\r\n\r\n").unwrap();
    let reply = read_reply(&mut stream);
    assert_eq!(reply.status, 413);
    assert_eq!(reply.json()["errors"][0]["code"], "body.too_large");
}

#[test]
fn json_that_is_not_a_ticket_gets_422_naming_every_member() {
    let r = start(&[]);
    let reply = post_reply(&r.addr, "application/json", None, "{}");
    assert_eq!(reply.status, 422, "{}", reply.body);
    let fields: Vec<String> = reply.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            assert_eq!(e["code"], "required", "{e}");
            e["field"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(
        fields,
        [
            "schema_version",
            "category",
            "locale",
            "email",
            "subject",
            "message"
        ]
    );

    let mut ticket: serde_json::Value = serde_json::from_str(&example()).unwrap();
    ticket["fields"]["trace"] = 42.into();
    ticket["policy"]["acknowledged"] = "yes".into();
    ticket.as_object_mut().unwrap().remove("subject");
    let reply = post_reply(&r.addr, "application/json", None, &ticket.to_string());
    assert_eq!(reply.status, 422);
    assert_eq!(
        reply.json(),
        serde_json::json!({ "errors": [
            { "field": "subject", "code": "required" },
            { "field": "fields.trace", "code": "type.invalid" },
            { "field": "policy.acknowledged", "code": "type.invalid" },
        ]})
    );
    for body in ["[]", "null", "\"ticket\""] {
        let reply = post_reply(&r.addr, "application/json", None, body);
        assert_eq!(reply.status, 422, "{body}");
        assert_eq!(reply.json()["errors"][0]["field"], "body");
    }
    // Only what is not JSON at all is a 400.
    for body in ["", "{", "{\"a\":1}x", "\u{feff}{}"] {
        let reply = post_reply(&r.addr, "application/json", None, body);
        assert_eq!(reply.status, 400, "{body:?}");
        assert_eq!(reply.json()["errors"][0]["code"], "body.invalid_json");
    }
    assert!(stored(&r).is_empty());
}

#[test]
fn sigterm_lets_the_request_in_flight_finish_then_stops() {
    let mut r = start(&["--delay-ms", "800"]);
    let addr = r.addr.clone();
    let in_flight = std::thread::spawn(move || {
        post_reply(&addr, "application/json", Some("last-one"), &example())
    });
    std::thread::sleep(Duration::from_millis(300));
    r.terminate();
    let reply = in_flight.join().unwrap();
    assert_eq!(reply.status, 201, "{}", reply.head);
    let status = r.wait_exit(Duration::from_secs(10)).expect("stopped");
    assert!(status.success(), "{status:?}");
    assert_eq!(stored(&r).len(), 1);
    // Nothing listens any more.
    assert!(TcpStream::connect(&r.addr).is_err());
}
