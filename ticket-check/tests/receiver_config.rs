//! `serve --config receiver.toml`: the file's settings apply, the command
//! line overrides them, and a bad file stops the receiver with exit code 2
//! and a message naming what is wrong.

mod common;

use common::{example, get, post, remove_store, start_on, temp_config, temp_store};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

fn serve(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ticket-check"))
        .arg("serve")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn an_unknown_key_is_named_and_exits_2() {
    let config = temp_config("[serve]\naddr = \"127.0.0.1:0\"\nrate_limit = \"1/1\"\n");
    let out = serve(&["--config", config.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("unknown field `rate_limit`"), "{stderr}");
    assert!(stderr.contains(config.to_str().unwrap()), "{stderr}");
    let _ = std::fs::remove_file(config);
}

#[test]
fn a_missing_file_exits_2() {
    let out = serve(&["--config", "/nonexistent/receiver.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/receiver.toml"));
}

#[test]
fn a_secret_variable_not_set_exits_2_naming_it() {
    let config = temp_config(
        "[[deliver]]\nkind = \"webhook\"\nurl = \"http://127.0.0.1:9/\"\n\
         secret_env = \"TICKET_TEST_UNSET_SECRET\"\n",
    );
    let store = temp_store();
    let out = Command::new(env!("CARGO_BIN_EXE_ticket-check"))
        .args(["serve", "--addr", "127.0.0.1:0", "--config"])
        .arg(&config)
        .arg("--store")
        .arg(&store)
        .env_remove("TICKET_TEST_UNSET_SECRET")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("TICKET_TEST_UNSET_SECRET"), "{stderr}");
    assert!(!store.exists(), "stopped before opening the store");
    remove_store(&store);
    let _ = std::fs::remove_file(config);
}

#[test]
fn the_file_sets_the_store_and_serve_options() {
    let store = temp_store();
    let config = temp_config(&format!(
        "[store]\npath = {:?}\n\n[serve]\naddr = \"127.0.0.1:0\"\nmin_fill_ms = 60000\npow_bits = 4\nkeep_uploads_days = 30\n",
        store.to_str().unwrap()
    ));
    let mut child = Command::new(env!("CARGO_BIN_EXE_ticket-check"))
        .args(["serve", "--config"])
        .arg(&config)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line.trim().strip_prefix("listening on http://").unwrap();
    // The example was filled in 48 s: too fast for this file's minimum.
    let (status, body) = post(addr, "application/json", None, &example());
    assert_eq!(status, 429, "{body}");
    assert_eq!(body["errors"][0]["code"], "spam.too_fast");
    // The file turned the proof of work on, at its number of bits.
    let challenge = get(addr, "/api/tickets/challenge");
    assert_eq!(challenge.status, 200, "{}", challenge.body);
    let issued: serde_json::Value = serde_json::from_str(&challenge.body).unwrap();
    assert_eq!(issued["bits"], 4);
    assert_eq!(get(addr, "/healthz").status, 200);
    let _ = child.kill();
    let _ = child.wait();
    assert!(store.exists(), "the store is where the file says");
    remove_store(&store);
    let _ = std::fs::remove_file(config);
}

#[test]
fn the_command_line_overrides_the_file() {
    let elsewhere = temp_store();
    let config = temp_config(&format!(
        "[store]\npath = {:?}\n\n[serve]\naddr = \"127.0.0.1:9\"\n",
        elsewhere.to_str().unwrap()
    ));
    // start_on gives --addr 127.0.0.1:0 and --store of its own.
    let r = start_on(temp_store(), &["--config", config.to_str().unwrap()]);
    let (status, body) = post(&r.addr, "application/json", None, &example());
    assert_eq!(status, 201, "{body}");
    assert!(r.store.exists());
    assert!(!elsewhere.exists());
    let _ = std::fs::remove_file(config);
}
