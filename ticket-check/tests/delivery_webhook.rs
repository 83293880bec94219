//! The webhook target against a real HTTP server in the test: the body is
//! the stored ticket, `X-Signature` verifies with the shared secret, the
//! `Idempotency-Key` is the reference, and a failed POST is retried.

mod common;

use common::capture::Capture;
use common::{example, post, start_with, temp_config, temp_store, wait_for_status};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::time::Duration;

const SECRET: &str = "test webhook secret";

fn verifies(signature: &str, body: &[u8]) -> bool {
    let Some(hex) = signature.strip_prefix("sha256=") else {
        return false;
    };
    let Ok(bytes) = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("zz"), 16))
        .collect::<Result<Vec<u8>, _>>()
    else {
        return false;
    };
    let mut mac = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(body);
    mac.verify_slice(&bytes).is_ok()
}

#[test]
fn the_webhook_is_signed_keyed_and_retried() {
    let hook = Capture::start(vec![(503, "busy"), (204, "")]);
    let config = temp_config(&format!(
        "[retry]\nfirst_ms = 100\nmax_ms = 400\n\n\
         [[deliver]]\nkind = \"webhook\"\nname = \"crm\"\nurl = \"{}/hooks/tickets\"\n\
         secret_env = \"TICKET_TEST_HOOK_SECRET\"\n",
        hook.url
    ));
    let r = start_with(
        temp_store(),
        &["--config", config.to_str().unwrap()],
        &[("TICKET_TEST_HOOK_SECRET", SECRET)],
    );
    let (code, body) = post(&r.addr, "application/json", None, &example());
    assert_eq!(code, 201, "{body}");
    let reference = body["reference"].as_str().unwrap();

    let requests = hook.wait_for(2, Duration::from_secs(20));
    assert_eq!(requests.len(), 2, "a 503, then the retry");
    for request in &requests {
        assert_eq!(request.path, "/hooks/tickets");
        assert_eq!(request.headers["content-type"], "application/json");
        assert_eq!(request.headers["idempotency-key"], reference);
        let signature = request.headers["x-signature"].to_str().unwrap();
        assert!(verifies(signature, &request.body), "{signature}");
        assert!(
            !verifies(signature, b"{}"),
            "a signature of anything else fails"
        );
        let json: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
        assert_eq!(json["reference"], reference);
        assert_eq!(json["ticket"]["email"], "chan.taiman@example.com");
        assert_eq!(json["checks"]["trace_summary"]["loss_onset_hop"], 4);
    }
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(hook.requests().len(), 2, "no more after the 204");
    let out = wait_for_status(&r.store, reference, "delivered", Duration::from_secs(10));
    assert!(out.contains("crm  delivered"), "{out}");
    assert!(out.contains("(2 attempts)"), "{out}");
    let _ = std::fs::remove_file(config);
}
