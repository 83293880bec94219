//! The proof of work through the real binary: `--pow-bits N` opens
//! `GET /api/tickets/challenge`, a ticket without a valid proof is refused
//! with 422 `form.pow` and a precise code, a proof is spent by the ticket it
//! came with (a replay is refused), and a retry of that same ticket under
//! its idempotency key still gets its stored answer.

mod common;

use common::{example, get, post_reply, start, stored};
use sha2::{Digest, Sha256};

/// Counted again here rather than taken from ticket-core, so that a fault
/// there cannot hide behind a test that shares it.
fn leading_zero_bits(digest: &[u8]) -> u32 {
    let mut bits = 0;
    for byte in digest {
        bits += byte.leading_zeros();
        if *byte != 0 {
            break;
        }
    }
    bits
}

fn solve(challenge: &str, bits: u32) -> String {
    (0u64..)
        .map(|n| n.to_string())
        .find(|nonce| leading_zero_bits(&Sha256::digest(format!("{challenge}:{nonce}"))) >= bits)
        .unwrap()
}

fn ticket(email: &str, pow: Option<serde_json::Value>) -> String {
    let mut t: serde_json::Value = serde_json::from_str(&example()).unwrap();
    t["email"] = email.into();
    t["form"] = serde_json::json!({ "honeypot": "", "fill_ms": 9000 });
    if let Some(pow) = pow {
        t["form"]["pow"] = pow;
    }
    t.to_string()
}

fn code(reply: &common::Reply) -> String {
    let e = &reply.json()["errors"][0];
    format!(
        "{} {} {}",
        reply.status,
        e["field"].as_str().unwrap_or_default(),
        e["code"].as_str().unwrap_or_default()
    )
}

#[test]
fn without_pow_bits_there_is_no_challenge_and_no_proof_is_asked() {
    let r = start(&[]);
    let reply = get(&r.addr, "/api/tickets/challenge");
    assert_eq!(reply.status, 404);
    let body = ticket("plain@example.com", None);
    assert_eq!(
        post_reply(&r.addr, "application/json", None, &body).status,
        201
    );
}

#[test]
fn a_solved_challenge_carries_one_ticket_and_refuses_replays() {
    let bits = 10;
    let r = start(&["--pow-bits", &bits.to_string(), "--rate-ip", "off"]);
    let reply = get(&r.addr, "/api/tickets/challenge");
    assert_eq!(reply.status, 200, "{}", reply.body);
    let issued = reply.json();
    assert_eq!(issued["bits"], bits);
    let expires = issued["expires"].as_u64().unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    assert!(
        (now + 3600..=now + 3 * 3600).contains(&expires),
        "{expires}"
    );
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    let challenge = issued["challenge"].as_str().unwrap().to_owned();
    let nonce = solve(&challenge, bits);
    let proof = serde_json::json!({ "challenge": challenge, "nonce": nonce });

    // No proof, a forged challenge, too little work: refused, nothing stored.
    let missing = post_reply(
        &r.addr,
        "application/json",
        Some("k0"),
        &ticket("a@example.com", None),
    );
    assert_eq!(code(&missing), "422 form.pow pow.missing");
    let forged_challenge = challenge.replacen(|c: char| c.is_ascii_digit(), "9", 1);
    let forged = serde_json::json!({
        "challenge": forged_challenge,
        "nonce": solve(&forged_challenge, bits),
    });
    let reply = post_reply(
        &r.addr,
        "application/json",
        Some("k0"),
        &ticket("a@example.com", Some(forged)),
    );
    assert_eq!(code(&reply), "422 form.pow pow.invalid");
    let weak_nonce = (0u64..)
        .map(|n| n.to_string())
        .find(|n| leading_zero_bits(&Sha256::digest(format!("{challenge}:{n}"))) < bits)
        .unwrap();
    let weak = serde_json::json!({ "challenge": challenge, "nonce": weak_nonce });
    let reply = post_reply(
        &r.addr,
        "application/json",
        Some("k0"),
        &ticket("a@example.com", Some(weak)),
    );
    assert_eq!(code(&reply), "422 form.pow pow.insufficient");
    assert!(stored(&r).is_empty());

    // The solved one is accepted…
    let body = ticket("a@example.com", Some(proof.clone()));
    let first = post_reply(&r.addr, "application/json", Some("k1"), &body);
    assert_eq!(first.status, 201, "{}", first.body);
    // …its retry under the same key gets the stored answer (the idempotency
    // replay comes before the proof's)…
    let retry = post_reply(&r.addr, "application/json", Some("k1"), &body);
    assert_eq!(retry.status, 200, "{}", retry.body);
    assert_eq!(retry.json()["reference"], first.json()["reference"]);
    // …but another ticket with the same proof is a replay.
    let other = ticket("b@example.com", Some(proof.clone()));
    let replay = post_reply(&r.addr, "application/json", Some("k2"), &other);
    assert_eq!(code(&replay), "422 form.pow pow.replayed");
    let replay = post_reply(&r.addr, "application/json", None, &other);
    assert_eq!(code(&replay), "422 form.pow pow.replayed");
    assert_eq!(stored(&r).len(), 1);
    assert_eq!(stored(&r)[0]["form"]["pow"], proof);

    // A fresh challenge carries the second ticket.
    let fresh = get(&r.addr, "/api/tickets/challenge").json();
    let challenge = fresh["challenge"].as_str().unwrap();
    assert_ne!(challenge, proof["challenge"].as_str().unwrap());
    let proof = serde_json::json!({ "challenge": challenge, "nonce": solve(challenge, bits) });
    let reply = post_reply(
        &r.addr,
        "application/json",
        Some("k2"),
        &ticket("b@example.com", Some(proof)),
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
}

#[test]
fn a_challenge_from_before_a_restart_is_invalid() {
    let r = start(&["--pow-bits", "4"]);
    let issued = get(&r.addr, "/api/tickets/challenge").json();
    let challenge = issued["challenge"].as_str().unwrap().to_owned();
    drop(r);
    let r = start(&["--pow-bits", "4"]);
    let proof = serde_json::json!({ "challenge": challenge, "nonce": solve(&challenge, 4) });
    let reply = post_reply(
        &r.addr,
        "application/json",
        None,
        &ticket("c@example.com", Some(proof)),
    );
    assert_eq!(code(&reply), "422 form.pow pow.invalid");
}
