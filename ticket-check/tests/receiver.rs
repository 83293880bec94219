//! The reference receiver over real HTTP on 127.0.0.1.

mod common;

use common::{example, get, post, post_reply, start, stored};
use std::sync::{Arc, Barrier};

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
    let reply = get(&r.addr, "/");
    assert_eq!((reply.status, reply.body.as_str()), (200, "<p>widget</p>"));
    assert_eq!(get(&r.addr, "/../Cargo.toml").status, 404);
    // The widget's files, each with the type a browser needs.
    std::fs::write(dir.join("ticket-widget-en-0123.txt"), "ltw-pack-1").unwrap();
    std::fs::write(dir.join("w_bg.wasm"), "\0asm").unwrap();
    let pack = get(&r.addr, "/ticket-widget-en-0123.txt");
    assert_eq!((pack.status, pack.body.as_str()), (200, "ltw-pack-1"));
    assert!(
        pack.head
            .contains("Content-Type: text/plain; charset=utf-8\r\n"),
        "{}",
        pack.head
    );
    let wasm = get(&r.addr, "/w_bg.wasm");
    assert!(
        wasm.head.contains("Content-Type: application/wasm\r\n"),
        "{}",
        wasm.head
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn per_field_errors_have_one_documented_shape() {
    let r = start(&[]);
    let mut ticket: serde_json::Value = serde_json::from_str(&example()).unwrap();
    ticket["subject"] = "".into();
    ticket["email"] = "a@".into();
    let reply = post_reply(&r.addr, "application/json", None, &ticket.to_string());
    assert_eq!(reply.status, 422);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
    // Exactly `{"errors": [{"field": …, "code": …}, …]}`: the widget maps
    // `field` to the input and `code` to a localised message.
    let body = reply.json();
    let object = body.as_object().unwrap();
    assert_eq!(object.keys().collect::<Vec<_>>(), ["errors"]);
    let errors = object["errors"].as_array().unwrap();
    assert!(errors.len() >= 2, "{body}");
    for error in errors {
        let error = error.as_object().unwrap();
        assert_eq!(
            error.keys().collect::<Vec<_>>(),
            ["code", "field"],
            "{body}"
        );
        assert!(
            error
                .values()
                .all(|v| v.as_str().is_some_and(|s| !s.is_empty()))
        );
    }
    let fields: Vec<&str> = errors
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert!(
        fields.contains(&"subject") && fields.contains(&"email"),
        "{body}"
    );
}

#[test]
fn concurrent_repeats_of_one_key_store_one_ticket_and_share_its_reference() {
    let r = start(&[]);
    let clients = 24;
    let barrier = Arc::new(Barrier::new(clients));
    let threads: Vec<_> = (0..clients)
        .map(|_| {
            let (addr, barrier) = (r.addr.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                post(&addr, "application/json", Some("burst-1"), &example())
            })
        })
        .collect();
    let replies: Vec<(u16, serde_json::Value)> =
        threads.into_iter().map(|t| t.join().unwrap()).collect();
    let created = replies.iter().filter(|(s, _)| *s == 201).count();
    let repeated = replies.iter().filter(|(s, _)| *s == 200).count();
    assert_eq!((created, repeated), (1, clients - 1));
    let reference = &replies[0].1["reference"];
    assert!(replies.iter().all(|(_, b)| &b["reference"] == reference));
    let records = stored(&r);
    assert_eq!(records.len(), 1);
    assert_eq!(&records[0]["reference"], reference);
}

#[test]
fn a_repeated_key_with_an_edited_ticket_is_a_conflict_and_stores_nothing() {
    let r = start(&[]);
    let (s1, b1) = post(&r.addr, "application/json", Some("edit-1"), &example());
    let mut edited: serde_json::Value = serde_json::from_str(&example()).unwrap();
    edited["message"] = "Edited after a send that seemed to fail.".into();
    let (s2, b2) = post(
        &r.addr,
        "application/json",
        Some("edit-1"),
        &edited.to_string(),
    );
    assert_eq!((s1, s2), (201, 409));
    assert_eq!(
        b2,
        serde_json::json!({
            "errors": [{ "field": "idempotency_key", "code": "idempotency.conflict" }],
            "reference": b1["reference"],
        })
    );
    // An unchanged repeat keeps the plain answer.
    let (s3, b3) = post(&r.addr, "application/json", Some("edit-1"), &example());
    assert_eq!(s3, 200);
    assert_eq!(b3, serde_json::json!({ "reference": b1["reference"] }));
    let records = stored(&r);
    assert_eq!(records.len(), 1);
    assert_eq!(
        records[0]["ticket"]["message"],
        serde_json::from_str::<serde_json::Value>(&example()).unwrap()["message"]
    );
}

/// The body is compared as the ticket it carries, not byte for byte: a
/// client that writes the same ticket with other spacing, member order or
/// extra members repeats it; the same edit under a new key is a new ticket.
#[test]
fn a_repeat_is_the_same_ticket_however_written_and_an_edit_needs_a_new_key() {
    let r = start(&[]);
    let (s1, b1) = post(&r.addr, "application/json", Some("same-1"), &example());
    let mut respelt: serde_json::Value = serde_json::from_str(&example()).unwrap();
    respelt["client_note"] = "not part of the ticket".into();
    let pretty = serde_json::to_string_pretty(&respelt).unwrap();
    let (s2, b2) = post(&r.addr, "application/json", Some("same-1"), &pretty);
    assert_eq!((s1, s2), (201, 200), "{b2}");
    assert_eq!(b2, serde_json::json!({ "reference": b1["reference"] }));

    let mut edited: serde_json::Value = serde_json::from_str(&example()).unwrap();
    edited["subject"] = "Packet loss every evening (edited)".into();
    let (s3, b3) = post(
        &r.addr,
        "application/json",
        Some("same-1"),
        &edited.to_string(),
    );
    assert_eq!(s3, 409);
    assert_eq!(b3["reference"], b1["reference"]);
    let (s4, b4) = post(
        &r.addr,
        "application/json",
        Some("same-2"),
        &edited.to_string(),
    );
    assert_eq!(s4, 201);
    assert_ne!(b4["reference"], b1["reference"]);
    let records = stored(&r);
    assert_eq!(records.len(), 2);
    assert_eq!(records[1]["ticket"]["subject"], edited["subject"]);
}
