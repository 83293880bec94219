//! The outbox survives what a server does to a receiver: SIGKILL right
//! after a 201, and an SMTP server that is down for a while. Each ticket
//! reaches the mailbox exactly once.

mod common;

use common::smtp_sink::{SmtpSink, free_port, smtp_config};
use common::{
    example, post, remove_store, start_with, status, temp_config, temp_store, wait_for_attempts,
    wait_for_status,
};
use std::time::Duration;

#[test]
fn a_ticket_killed_after_its_201_is_delivered_once_after_the_restart() {
    // No SMTP server yet: the first receiver cannot deliver before it dies.
    let port = free_port();
    let config = temp_config(&smtp_config(port, "en"));
    let args = ["--config", config.to_str().unwrap()];
    let r = start_with(temp_store(), &args, &[]);
    let (code, body) = post(&r.addr, "application/json", Some("kill-1"), &example());
    assert_eq!(code, 201, "{body}");
    let reference = body["reference"].as_str().unwrap().to_owned();
    let store = r.kill();

    let sink = SmtpSink::start_on(port);
    let r = start_with(store.clone(), &args, &[]);
    let mails = sink.wait_for(1, Duration::from_secs(20));
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0]["message_id"], format!("<{reference}@example.com>"));
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(sink.messages().len(), 1, "delivered exactly once");
    let out = wait_for_status(&store, &reference, "delivered", Duration::from_secs(10));
    assert!(out.contains("delivered"), "{out}");

    // Stopped cleanly and started again: nothing is sent twice.
    r.terminate();
    let mut r = r;
    assert!(r.wait_exit(Duration::from_secs(10)).is_some());
    let store = r.kill();
    let r = start_with(store, &args, &[]);
    std::thread::sleep(Duration::from_millis(1000));
    assert_eq!(sink.messages().len(), 1, "not sent again after a restart");
    drop(r);
    let _ = std::fs::remove_file(config);
}

#[test]
fn delivery_completes_once_the_smtp_server_comes_up() {
    let port = free_port();
    let config = temp_config(&smtp_config(port, "en"));
    let r = start_with(temp_store(), &["--config", config.to_str().unwrap()], &[]);
    let (code, body) = post(&r.addr, "application/json", None, &example());
    assert_eq!(code, 201, "{body}");
    let reference = body["reference"].as_str().unwrap();

    // A few failed attempts first, each recorded.
    let out = wait_for_attempts(&r.store, reference, 3);
    assert!(out.contains("last error: smtp"), "{out}");

    let sink = SmtpSink::start_on(port);
    let mails = sink.wait_for(1, Duration::from_secs(20));
    assert_eq!(mails.len(), 1);
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(sink.messages().len(), 1, "delivered exactly once");
    let out = wait_for_status(&r.store, reference, "delivered", Duration::from_secs(10));
    assert!(out.contains("delivered"), "{out}");
    let _ = std::fs::remove_file(config);
}

#[test]
fn status_of_an_unknown_reference_exits_1() {
    let r = start_with(temp_store(), &[], &[]);
    let (code, body) = post(&r.addr, "application/json", None, &example());
    assert_eq!(code, 201);
    let (code, out) = status(&r.store, "LK-20000101-000000");
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("no such ticket"), "{out}");
    let (code, out) = status(&r.store, body["reference"].as_str().unwrap());
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("no delivery targets"), "{out}");
    let missing = temp_store();
    let (code, _) = status(&missing, "LK-20000101-000000");
    assert_eq!(code, Some(2));
    assert!(!missing.exists(), "status creates no store");
    remove_store(&missing);
}
