//! Issue 12, defects 2 and 5 through `ticket-check validate`: markup in the
//! e-mail address and unfolded full-width e-mail/IP text are refused with
//! the same codes the widget shows; the folded form passes.

use std::io::Write;
use std::process::{Command, Stdio};

fn example() -> serde_json::Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../public/examples/ticket.json"
    ))
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

/// `(exit code, [(field, code)])` of `ticket-check validate` on `ticket`.
fn validate(ticket: &serde_json::Value) -> (i32, Vec<(String, String)>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ticket-check"))
        .arg("validate")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(ticket.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let body: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    (out.status.code().unwrap_or(-1), errors)
}

#[test]
fn the_example_is_valid() {
    assert_eq!(validate(&example()), (0, vec![]));
}

#[test]
fn markup_in_the_email_is_refused() {
    for (email, code) in [
        ("a@example.com<svg/onload=alert(1)>", "email.invalid_char"),
        (
            "x<img/src=x/onerror=alert(1)>@example.com",
            "email.invalid_char",
        ),
        ("a@<b>.com", "email.invalid_char"),
        ("a..b@example.com", "email.local_dots"),
        (".a@example.com", "email.local_dots"),
        ("a@exa_mple.com", "email.bad_domain"),
        ("c h@x.com", "email.spaces"),
    ] {
        let mut t = example();
        t["email"] = email.into();
        assert_eq!(
            validate(&t),
            (1, vec![("email".into(), code.into())]),
            "{email}"
        );
    }
    let mut t = example();
    t["email"] = format!("{}@example.com", "a".repeat(65)).into();
    assert_eq!(
        validate(&t),
        (1, vec![("email".into(), "email.local_too_long".into())])
    );
}

#[test]
fn unfolded_fullwidth_is_refused_and_the_folded_form_passes() {
    let mut t = example();
    t["email"] = "ｃｈａｎ＠ｅｘａｍｐｌｅ．ｃｏｍ".into();
    assert_eq!(
        validate(&t),
        (1, vec![("email".into(), "email.invalid_char".into())])
    );
    t["email"] = "chan@example.com".into();
    assert_eq!(validate(&t).0, 0);
}
