//! Abuse resistance without a captcha: rate limits per client IP and per
//! e-mail (429 with Retry-After), the honeypot (422 spam.honeypot) and the
//! minimum fill time (429 spam.too_fast with Retry-After), and
//! `GET /healthz`. The proof of work is in receiver_pow.rs.

mod common;

use common::{example, get, post_reply, request, start, stored};

fn ticket(email: &str, form: serde_json::Value) -> String {
    let mut t: serde_json::Value = serde_json::from_str(&example()).unwrap();
    t["email"] = email.into();
    t["message"] = format!("{} ({email})", t["message"].as_str().unwrap()).into();
    t["form"] = form;
    t.to_string()
}

fn form(fill_ms: u32) -> serde_json::Value {
    serde_json::json!({ "honeypot": "", "fill_ms": fill_ms })
}

fn error(reply: &common::Reply) -> (String, String) {
    let e = &reply.json()["errors"][0];
    (
        e["field"].as_str().unwrap_or_default().to_owned(),
        e["code"].as_str().unwrap_or_default().to_owned(),
    )
}

#[test]
fn the_ip_limit_answers_429_with_retry_after_and_spares_repeats() {
    let r = start(&["--rate-ip", "2/600", "--rate-email", "off"]);
    for (i, key) in ["ip-1", "ip-2"].iter().enumerate() {
        let body = ticket(&format!("c{i}@example.com"), form(9000));
        assert_eq!(
            post_reply(&r.addr, "application/json", Some(key), &body).status,
            201
        );
    }
    let reply = post_reply(
        &r.addr,
        "application/json",
        Some("ip-3"),
        &ticket("c3@example.com", form(9000)),
    );
    assert_eq!(reply.status, 429, "{}", reply.body);
    assert_eq!(error(&reply), ("client".into(), "rate.limited".into()));
    let wait: u64 = reply.header("retry-after").unwrap().parse().unwrap();
    assert!((590..=600).contains(&wait), "{wait}");
    assert_eq!(
        reply.header("access-control-expose-headers"),
        Some("Retry-After")
    );
    // A retry of a stored ticket is not a new ticket: still answered.
    let repeat = post_reply(
        &r.addr,
        "application/json",
        Some("ip-1"),
        &ticket("c0@example.com", form(9500)),
    );
    assert_eq!(repeat.status, 200, "{}", repeat.body);
    assert_eq!(stored(&r).len(), 2);
}

#[test]
fn the_email_limit_counts_one_address_across_clients() {
    let r = start(&[
        "--rate-ip",
        "off",
        "--rate-email",
        "1/3600",
        "--trust-proxy",
    ]);
    let send = |ip: &str, email: &str| {
        let body = ticket(email, form(9000));
        let head = format!(
            "POST /api/tickets HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
             X-Real-IP: {ip}\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        request(&r.addr, &head, body.as_bytes())
    };
    assert_eq!(send("203.0.113.1", "same@example.com").status, 201);
    let reply = send("203.0.113.2", "SAME@example.com");
    assert_eq!(reply.status, 429);
    assert_eq!(error(&reply), ("email".into(), "rate.limited".into()));
    assert!(reply.header("retry-after").is_some());
    assert_eq!(send("203.0.113.2", "other@example.com").status, 201);
}

#[test]
fn behind_a_trusted_proxy_each_client_ip_has_its_own_limit() {
    let r = start(&["--rate-ip", "1/600", "--rate-email", "off", "--trust-proxy"]);
    for (i, ip) in ["198.51.100.7", "198.51.100.8"].iter().enumerate() {
        let body = ticket(&format!("p{i}@example.com"), form(9000));
        let head = format!(
            "POST /api/tickets HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
             X-Real-IP: {ip}\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        assert_eq!(request(&r.addr, &head, body.as_bytes()).status, 201);
    }
    // Without --trust-proxy the header means nothing: one peer, one limit.
    let r = start(&["--rate-ip", "1/600", "--rate-email", "off"]);
    let mut statuses = Vec::new();
    for (i, ip) in ["198.51.100.7", "198.51.100.8"].iter().enumerate() {
        let body = ticket(&format!("q{i}@example.com"), form(9000));
        let head = format!(
            "POST /api/tickets HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
             X-Real-IP: {ip}\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        statuses.push(request(&r.addr, &head, body.as_bytes()).status);
    }
    assert_eq!(statuses, [201, 429]);
}

#[test]
fn a_filled_honeypot_and_a_too_fast_form_are_refused() {
    let r = start(&[]);
    let bot = ticket(
        "bot@example.com",
        serde_json::json!({ "honeypot": "http://cheap.example", "fill_ms": 60000 }),
    );
    let reply = post_reply(&r.addr, "application/json", None, &bot);
    assert_eq!(reply.status, 422);
    assert_eq!(
        error(&reply),
        ("form.honeypot".into(), "spam.honeypot".into())
    );

    // Too fast is "wait and send again", not "go away": a person may be
    // quick, and the widget retries after Retry-After with a larger fill_ms.
    let fast = ticket("fast@example.com", form(800));
    let reply = post_reply(&r.addr, "application/json", Some("fast-1"), &fast);
    assert_eq!(reply.status, 429, "{}", reply.body);
    assert_eq!(
        error(&reply),
        ("form.fill_ms".into(), "spam.too_fast".into())
    );
    assert_eq!(reply.header("retry-after"), Some("3"));
    assert!(stored(&r).is_empty());
    let later = ticket("fast@example.com", form(3_900));
    let reply = post_reply(&r.addr, "application/json", Some("fast-1"), &later);
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(stored(&r).len(), 1);

    // Older widgets send no `form`: accepted unless --require-form.
    let mut plain: serde_json::Value = serde_json::from_str(&example()).unwrap();
    plain.as_object_mut().unwrap().remove("form");
    assert_eq!(
        post_reply(&r.addr, "application/json", None, &plain.to_string()).status,
        201
    );
    let records = stored(&r);
    assert_eq!(records.len(), 2);

    let strict = start(&["--require-form", "--min-fill-ms", "500"]);
    let reply = post_reply(&strict.addr, "application/json", None, &plain.to_string());
    assert_eq!(error(&reply), ("form.fill_ms".into(), "required".into()));
    let reply = post_reply(&strict.addr, "application/json", None, &fast);
    assert_eq!(reply.status, 201, "800 ms is enough with --min-fill-ms 500");
    assert_eq!(stored(&strict)[0]["form"], form(800));
}

#[test]
fn healthz_reports_the_store() {
    let r = start(&[]);
    let reply = get(&r.addr, "/healthz");
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json()["ok"], true);
    assert_eq!(reply.json()["tickets"], 0);
}

#[test]
fn bad_limit_switches_stop_the_receiver_before_it_listens() {
    for bad in [
        &["--rate-ip", "lots"][..],
        &["--rate-email", "0/60"],
        &["--min-fill-ms", "soon"],
        &["--pow-bits", "33"],
        &["--pow-bits", "-1"],
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
