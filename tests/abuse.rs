//! End to end, the abuse resistance as a customer meets it: the release
//! build against `ticket-check serve` with its spam checks on, in headless
//! Chromium. The proof of work is fetched at the first keystroke (not at
//! page load) and solved while the customer types; a form sent faster than
//! the receiver's minimum fill time waits and goes out by itself; a filled
//! honeypot is refused in plain words and the customer's text stays.
//!
//! Needs a built `dist/` and `ticket-check`; run with `--ignored` like
//! tests/e2e.rs (see scripts/test).

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::Harness;
use serde_json::json;
use std::time::{Duration, Instant};

/// The proof of work's requests the page made so far.
async fn challenge_requests(h: &Harness) -> usize {
    let n = h
        .execute(
            "return performance.getEntriesByType('resource')
               .filter(e => e.name.includes('/api/tickets/challenge')).length;",
            vec![],
        )
        .await;
    n.as_u64().unwrap() as usize
}

async fn until_stored(h: &Harness, n: usize, within: Duration) {
    let deadline = Instant::now() + within;
    while h.stored().len() < n {
        assert!(Instant::now() < deadline, "{n} ticket(s) never arrived");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn with_proof_of_work_on_the_ticket_arrives_with_its_solved_challenge() {
    let h = Harness::start_receiving("pow", &["--pow-bits", "14"]).await;
    h.open().await;
    h.switch_language("en").await;
    h.choose("inquiry.price").await;
    h.click_button("Next").await;
    assert_eq!(challenge_requests(&h).await, 0, "nothing fetched at load");
    h.type_into("ltw0-email", "li@example.net").await;
    // The first keystroke fetched the challenge; the rest of the typing
    // happens while it is solved.
    assert_eq!(challenge_requests(&h).await, 1);
    h.type_into("ltw0-subject", "Renewal price").await;
    h.type_into(
        "ltw0-message",
        "What will the renewal price be next year for my plan?",
    )
    .await;
    h.click_button("Next").await;
    h.click_button("Submit ticket").await;
    let reference = h.reference().await;
    assert_eq!(challenge_requests(&h).await, 1, "one challenge per ticket");

    let stored = h.stored();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0]["reference"], reference.as_str());
    let form = &stored[0]["form"];
    assert_eq!(form["honeypot"], "");
    assert!(form["fill_ms"].as_u64().unwrap() > 0, "{form}");
    let challenge = form["pow"]["challenge"].as_str().unwrap();
    let nonce = form["pow"]["nonce"].as_str().unwrap();
    assert!(
        !challenge.is_empty() && nonce.parse::<u64>().is_ok(),
        "{form}"
    );
    // The ticket itself is what the review showed: no `form` inside.
    assert!(stored[0]["ticket"].get("form").is_none());

    // The next ticket solves a challenge of its own (the first is spent).
    h.click_button("Open another ticket").await;
    h.choose("inquiry.price").await;
    h.click_button("Next").await;
    h.type_into("ltw0-subject", "And the price after that?")
        .await;
    h.type_into("ltw0-message", "And the year after that, please?")
        .await;
    h.click_button("Next").await;
    h.click_button("Submit ticket").await;
    h.wait_for_text("Ticket received").await;
    until_stored(&h, 2, Duration::from_secs(15)).await;
    let stored = h.stored();
    assert_ne!(stored[1]["form"]["pow"]["challenge"], challenge);
    assert_eq!(challenge_requests(&h).await, 2);
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn a_ticket_sent_sooner_than_the_minimum_fill_time_waits_and_goes_out() {
    let h = Harness::start_receiving("too-fast", &["--min-fill-ms", "12000"]).await;
    h.open().await;
    h.fill_inquiry("Renewal price").await;
    h.click_button("Submit ticket").await;
    // Well under 12 s after the page opened: asked to wait, not refused.
    h.wait_for_text("asks for a few more seconds").await;
    h.wait_for_text("Trying again in").await;
    assert!(h.stored().is_empty());
    let text = h.page_text().await;
    assert!(!text.contains("refused"), "{text}");
    // It goes out by itself once the time is up.
    h.reference().await;
    let stored = h.stored();
    assert_eq!(stored.len(), 1, "sent once, stored once");
    assert!(stored[0]["form"]["fill_ms"].as_u64().unwrap() >= 12_000);
    assert_eq!(stored[0]["ticket"]["subject"], "Renewal price");
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn a_filled_honeypot_is_refused_in_plain_words_and_the_text_stays() {
    let h = Harness::start("honeypot").await;
    h.open().await;
    h.switch_language("en").await;
    h.choose("inquiry.price").await;
    h.click_button("Next").await;

    // People never meet the field: hidden from assistive technology, out
    // of the tab order, and axe-clean.
    let field = h
        .execute(
            "const i = document.querySelector('.ltw input[name=website]');
             const box = i.closest('[aria-hidden=true]');
             return [i.tabIndex, box !== null,
                     box.getBoundingClientRect().width <= 1 &&
                       getComputedStyle(box).overflow === 'hidden',
                     i.autocomplete];",
            vec![],
        )
        .await;
    assert_eq!(field, json!([-1, true, true, "off"]));
    assert_eq!(h.axe().await, Vec::<String>::new());

    h.type_into("ltw0-email", "li@example.net").await;
    h.type_into("ltw0-subject", "Renewal price").await;
    h.type_into("ltw0-message", "What will the renewal cost?")
        .await;
    // A bot fills in every input it finds.
    h.execute(
        "const i = document.querySelector('.ltw input[name=website]');
         i.value = 'https://cheap-pills.example';
         i.dispatchEvent(new Event('input', { bubbles: true }));
         return true;",
        vec![],
    )
    .await;
    h.click_button("Next").await;
    h.click_button("Submit ticket").await;
    h.wait_for_text("taken for an automated submission").await;
    assert!(h.stored().is_empty(), "nothing stored");
    // The text stays, and can be copied to e-mail support.
    h.click_button("Copy my ticket as text").await;
    h.click_button("Back").await;
    assert_eq!(
        h.value_of("ltw0-message").await,
        "What will the renewal cost?"
    );
    h.finish().await;
}
