//! The SQLite store through the receiver: a 201 survives SIGKILL, keys
//! survive a restart, and `import`/`export` carry tickets over.

mod common;

use common::{example, export, post, remove_store, start, start_on, stored, temp_store};
use std::process::Command;

#[test]
fn a_ticket_answered_201_survives_sigkill() {
    let r = start(&[]);
    let (status, body) = post(&r.addr, "application/json", Some("crash-1"), &example());
    assert_eq!(status, 201, "{body}");
    // Killed the moment the answer arrived: no chance to flush anything.
    let store = r.kill();
    let records = export(&store);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["reference"], body["reference"]);

    let r = start_on(store, &[]);
    let (status, again) = post(&r.addr, "application/json", Some("crash-1"), &example());
    assert_eq!((status, &again["reference"]), (200, &body["reference"]));
    let mut edited: serde_json::Value = serde_json::from_str(&example()).unwrap();
    edited["subject"] = "Edited after the restart".into();
    let (status, conflict) = post(
        &r.addr,
        "application/json",
        Some("crash-1"),
        &edited.to_string(),
    );
    assert_eq!((status, &conflict["reference"]), (409, &body["reference"]));
    assert_eq!(stored(&r).len(), 1);
}

#[test]
fn import_brings_an_old_jsonl_store_over() {
    // Two tickets as the JSON-lines receiver stored them.
    let first = start(&[]);
    let (_, a) = post(&first.addr, "application/json", Some("old-1"), &example());
    let (_, b) = post(&first.addr, "application/json", None, &example());
    let old_records = stored(&first);
    let jsonl = std::env::temp_dir().join(format!("ticket-import-{}.jsonl", std::process::id()));
    let lines: String = old_records.iter().map(|r| format!("{r}\n")).collect();
    std::fs::write(&jsonl, lines).unwrap();

    let store = temp_store();
    for _ in 0..2 {
        let out = Command::new(env!("CARGO_BIN_EXE_ticket-check"))
            .arg("import")
            .arg(&jsonl)
            .arg("--store")
            .arg(&store)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(
        export(&store),
        old_records,
        "imported once, exported as written"
    );
    let r = start_on(store, &[]);
    let (status, again) = post(&r.addr, "application/json", Some("old-1"), &example());
    assert_eq!((status, &again["reference"]), (200, &a["reference"]));
    assert_ne!(a["reference"], b["reference"]);
    let _ = std::fs::remove_file(jsonl);
}

#[test]
fn export_of_a_missing_store_fails() {
    let store = temp_store();
    let out = Command::new(env!("CARGO_BIN_EXE_ticket-check"))
        .arg("export")
        .arg("--store")
        .arg(&store)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!store.exists());
    remove_store(&store);
}
