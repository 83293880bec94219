//! End to end, one test per defect found when the widget was tried as a new
//! user and as an attacker would (issue 12): each failed before its fix.
//! The release build, served by the reference receiver, in headless
//! Chromium; each test checks what the customer sees and what the receiver
//! stored, never how the widget does it.
//!
//! Needs a built `dist/` and `ticket-check`; `scripts/test` prepares both and
//! runs these with `--ignored`. The harness is in `tests/common/`.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{Harness, MTR};
use fantoccini::Locator;
use fantoccini::key::Key;
use serde_json::json;
use std::time::{Duration, Instant};

/// Every `localStorage` entry the widget wrote, as one text.
async fn stored_drafts(h: &Harness) -> String {
    h.execute(
        "let out = '';
         for (let i = 0; i < localStorage.length; i++) {
           const k = localStorage.key(i);
           if (k.startsWith('ticket-widget.draft')) out += k + '=' + localStorage.getItem(k) + '\\n';
         }
         return out;",
        vec![],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

/// Waits until the receiver holds `n` tickets.
async fn until_stored(h: &Harness, n: usize) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while h.stored().len() < n {
        assert!(Instant::now() < deadline, "never {n} tickets stored");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Replaces a field's text, as selecting all and typing would.
async fn retype(h: &Harness, id: &str, text: &str) {
    let field = h.wait_for(Locator::Id(id)).await;
    field.clear().await.unwrap();
    field.send_keys(text).await.unwrap();
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn two_tabs_keep_their_own_drafts_and_both_tickets_arrive() {
    let h = Harness::start("two-tabs").await;
    h.open().await;
    h.fill_inquiry("Asked in the first tab").await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let first = h.client.window().await.unwrap();

    // A second tab finds the first tab's draft: offered, not taken.
    let second = h.client.new_window(true).await.unwrap().handle;
    h.client.switch_to_window(second.clone()).await.unwrap();
    h.open().await;
    h.wait_for_text("You started a ticket in another tab").await;
    h.click_button("Continue that ticket").await;
    assert_eq!(h.value_of("ltw0-subject").await, "Asked in the first tab");
    retype(&h, "ltw0-subject", "Changed in the second tab").await;
    h.click_button("Next").await;
    h.wait_for_text("This is exactly what will be sent").await;
    h.click_button("Submit ticket").await;
    let second_reference = h.reference().await;

    // The first tab still sends its own version.
    h.client.switch_to_window(first).await.unwrap();
    h.click_button("Submit ticket").await;
    let first_reference = h.reference().await;

    assert_ne!(first_reference, second_reference);
    let stored = h.stored();
    assert_eq!(stored.len(), 2, "both tabs' tickets stored");
    let subjects: Vec<&str> = stored
        .iter()
        .map(|r| r["ticket"]["subject"].as_str().unwrap_or_default())
        .collect();
    assert!(subjects.contains(&"Asked in the first tab"), "{subjects:?}");
    assert!(
        subjects.contains(&"Changed in the second tab"),
        "{subjects:?}"
    );
    assert_ne!(stored[0]["idempotency_key"], stored[1]["idempotency_key"]);
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn two_widgets_on_one_page_keep_their_own_drafts_and_prefill() {
    let h = Harness::start("two-widgets").await;
    h.open_page("/examples/embed.html").await;
    h.wait_for(Locator::Id("ltw1-group-inquiry")).await;
    h.click_id("ltw1-group-inquiry").await;
    h.click_id("ltw1-cat-inquiry-price").await;
    h.click_css("#sales-widget .ltw-actions .ltw-button--primary")
        .await;
    h.type_into("ltw1-subject", "續約價格").await;
    h.type_into("ltw1-message", "請問明年續約的價格是多少？謝謝")
        .await;
    tokio::time::sleep(Duration::from_millis(800)).await;

    h.client.refresh().await.unwrap();
    h.wait_for(Locator::Id("ltw1-subject")).await;
    assert_eq!(h.value_of("ltw1-subject").await, "續約價格");
    // The account widget kept its own topic and prefill.
    let account = h.text_of("#account-widget").await;
    assert!(!account.contains("續約價格"), "{account}");
    assert!(!account.contains("restored"), "{account}");
    let chosen = h.wait_for(Locator::Id("ltw0-cat-technical-ip")).await;
    assert_eq!(
        chosen.prop("checked").await.unwrap().as_deref(),
        Some("true")
    );
    h.click_css("#account-widget .ltw-actions .ltw-button--primary")
        .await;
    assert_eq!(h.value_of("ltw0-email").await, "chan.taiman@example.com");
    assert_eq!(h.value_of("ltw0-ip").await, "203.0.113.20");
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn edits_after_a_stored_but_unanswered_attempt_are_sent_as_a_new_ticket() {
    let h = Harness::start("edited-retry").await;
    h.open().await;
    h.fill_inquiry("First version").await;
    // Stored, then the connection drops; later attempts fail for a while.
    h.faults(json!({ "drop_after_store": 1 }));
    h.click_button("Submit ticket").await;
    until_stored(&h, 1).await;
    h.faults(json!({ "fail_next": 100, "status": 503 }));
    h.wait_for_text("Trying again in").await;

    // The customer goes back and changes the ticket.
    h.click_button("Back").await;
    retype(&h, "ltw0-subject", "Second version").await;
    h.click_button("Next").await;
    h.wait_for_text("This is exactly what will be sent").await;
    h.faults(json!({}));
    // "Try again now", unless an automatic retry is already under way.
    h.execute(
        "const b = [...document.querySelectorAll('.ltw button')]
           .find(b => b.textContent.trim() === 'Try again now');
         if (b) b.click();
         return true;",
        vec![],
    )
    .await;
    let reference = h.reference().await;

    let stored = h.stored();
    assert_eq!(
        stored.len(),
        2,
        "the changes arrive as a ticket of their own"
    );
    assert_eq!(stored[0]["ticket"]["subject"], "First version");
    assert_eq!(stored[1]["ticket"]["subject"], "Second version");
    assert_eq!(stored[1]["reference"], reference.as_str());
    let first = stored[0]["reference"].as_str().unwrap();
    let text = h.page_text().await;
    assert!(
        text.contains(first) && text.contains("first version arrived"),
        "the customer is told about the first ticket:\n{text}"
    );
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn full_width_input_is_sent_and_shown_as_the_ascii_the_checks_approved() {
    let h = Harness::start("full-width").await;
    h.open().await;
    h.switch_language("en").await;
    h.choose("technical.ip").await;
    h.click_button("Next").await;
    h.type_into("ltw0-email", "ｃｈａｎ＠ｅｘａｍｐｌｅ．ｃｏｍ")
        .await;
    h.type_into("ltw0-service", "vps-hk-042").await;
    h.type_into("ltw0-ip", "２０３．０．１１３．７").await;
    h.type_into("ltw0-subject", "IP unreachable").await;
    h.type_into(
        "ltw0-message",
        "The address stopped answering this morning.",
    )
    .await;
    h.click_button("Next").await;
    h.wait_for_text("This is exactly what will be sent").await;
    h.click_button("Back").await;
    assert_eq!(h.value_of("ltw0-email").await, "chan@example.com");
    assert_eq!(h.value_of("ltw0-ip").await, "203.0.113.7");
    h.click_button("Next").await;
    h.click_button("Submit ticket").await;
    h.reference().await;
    let ticket = &h.stored()[0]["ticket"];
    assert_eq!(ticket["email"], "chan@example.com");
    assert_eq!(ticket["fields"]["ip"], "203.0.113.7");
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn a_space_typed_in_the_email_stays_where_it_was_typed_and_is_an_error() {
    let h = Harness::start("email-space").await;
    h.open().await;
    h.switch_language("en").await;
    h.choose("inquiry.price").await;
    h.click_button("Next").await;
    h.click_id("ltw0-email").await;
    h.type_text("ch xy@e").await;
    assert_eq!(h.value_of("ltw0-email").await, "ch xy@e");
    h.press(Key::Tab).await;
    h.wait_for_text("An e-mail address cannot contain spaces.")
        .await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn pasted_secrets_are_not_kept_in_the_saved_draft() {
    let h = Harness::start("secrets").await;
    h.open().await;
    h.switch_language("en").await;
    h.choose("technical.boot").await;
    h.click_button("Next").await;
    h.type_into("ltw0-subject", "Server does not boot").await;
    h.type_into(
        "ltw0-message",
        "It hangs at grub.\npassword: hunter2sesame\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----\n",
    )
    .await;
    h.wait_for_text("not kept in the draft").await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let drafts = stored_drafts(&h).await;
    assert!(
        drafts.contains("It hangs at grub."),
        "the draft is saved: {drafts}"
    );
    assert!(!drafts.contains("hunter2sesame"), "{drafts}");
    assert!(
        !drafts.contains("b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ"),
        "{drafts}"
    );
    // What is on screen is the customer's, untouched.
    assert!(h.value_of("ltw0-message").await.contains("hunter2sesame"));
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn a_paste_over_the_limit_is_refused_naming_the_limit_and_keeps_the_text() {
    let h = Harness::start("big-paste").await;
    h.open().await;
    h.switch_language("en").await;
    h.choose("inquiry.price").await;
    h.click_button("Next").await;
    h.type_into("ltw0-message", "Typed before the paste.").await;
    let refused = h
        .execute(
            "const area = document.getElementById('ltw0-message');
             area.focus();
             const data = new DataTransfer();
             data.setData('text/plain', 'x'.repeat(1 << 20));
             const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
             return !area.dispatchEvent(paste);",
            vec![],
        )
        .await;
    assert_eq!(refused, json!(true), "the paste was not refused");
    h.wait_for_text("at most 20000 characters").await;
    assert_eq!(h.value_of("ltw0-message").await, "Typed before the paste.");
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert!(stored_drafts(&h).await.len() < 10_000);
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn automatic_retries_go_on_until_the_backend_is_back() {
    let h = Harness::start("retry-long").await;
    h.open().await;
    h.fill_inquiry("Backend down for a while").await;
    h.faults(json!({ "fail_next": 9, "status": 503, "retry_after": 1 }));
    h.click_button("Submit ticket").await;
    h.wait_for_text("Trying again in").await;
    let reference = h.reference().await;
    assert_eq!(h.stored().len(), 1);
    assert_eq!(h.stored()[0]["reference"], reference.as_str());
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn server_error_bodies_are_not_shown_but_explained() {
    let h = Harness::start("error-bodies").await;
    h.open().await;
    h.fill_inquiry("Error pages").await;
    let page = "<html><body><h1>403 Forbidden</h1><hr><center>nginx</center></body></html>";
    h.faults(json!({ "fail_next": 1, "status": 403, "body": page }));
    h.click_button("Submit ticket").await;
    h.wait_for_text("refused the ticket (HTTP 403)").await;
    let text = h.page_text().await;
    assert!(!text.contains("nginx") && !text.contains("<h1>"), "{text}");
    let console = h.recorded("errors").await;
    assert!(
        console
            .iter()
            .any(|e| e.as_str().unwrap_or_default().contains("nginx")),
        "the body goes to the console: {console:?}"
    );

    let code = r#"{"errors":[{"field":"method","code":"method.not_allowed"}]}"#;
    h.faults(json!({ "fail_next": 1, "status": 405, "body": code }));
    h.click_button("Submit ticket").await;
    h.wait_for_text("refused the ticket (HTTP 405)").await;
    assert!(!h.page_text().await.contains("method.not_allowed"));

    h.faults(json!({ "fail_next": 1, "status": 429, "retry_after": 2 }));
    h.click_button("Submit ticket").await;
    h.wait_for_text("busy").await;
    assert!(!h.page_text().await.contains("had a problem"));
    h.reference().await;
    assert_eq!(h.stored().len(), 1);
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn an_accepted_ticket_without_a_reference_is_confirmed_once() {
    let h = Harness::start("no-reference").await;
    h.open().await;
    h.fill_inquiry("No reference").await;
    h.faults(json!({ "no_reference": 1 }));
    h.click_button("Submit ticket").await;
    h.wait_for_text("gave no reference").await;
    h.wait_for_text("Ticket received").await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(h.stored().len(), 1, "accepted, so not sent again");
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn a_host_element_with_a_bad_endpoint_gets_a_configuration_error_logged_once() {
    let h = Harness::start("bad-config").await;
    h.open().await;
    h.execute(
        "const host = document.createElement('div');
         host.id = 'bad-widget';
         host.dataset.endpoint = 'javascript:alert(1)';
         host.dataset.lang = 'en';
         document.body.append(host);
         return TicketWidget.mount(host);",
        vec![],
    )
    .await;
    h.wait_for_text_in("#bad-widget", "is not a web address")
        .await;
    assert!(
        h.text_of("#bad-widget .ltw-progress").await.is_empty(),
        "no form"
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    let logged: Vec<_> = h
        .recorded("errors")
        .await
        .into_iter()
        .filter(|e| {
            e.as_str()
                .unwrap_or_default()
                .contains("javascript:alert(1)")
        })
        .collect();
    assert_eq!(logged.len(), 1, "logged once: {logged:?}");
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn the_important_notice_shows_in_every_group() {
    let h = Harness::start("notice").await;
    h.open().await;
    h.switch_language("en").await;
    for category in ["inquiry.price", "technical.boot", "china.kyc"] {
        h.choose(category).await;
        h.wait_for_text_in(".ltw-notice--policy", "Important Notice")
            .await;
        h.click_button("Next").await;
        h.wait_for_text_in(".ltw-notice--policy", "Important Notice")
            .await;
        h.click_button("Back").await;
    }
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn the_hop_table_scrolls_in_its_box_at_320_px_in_chinese() {
    let h = Harness::start("hops-320").await;
    h.viewport(320, 800).await;
    h.open().await;
    h.switch_language("zh-Hant").await;
    h.choose("technical.routing").await;
    h.click_button("下一步").await;
    h.type_into("ltw0-trace", MTR).await;
    h.wait_for(Locator::Css(".ltw-trace-table")).await;
    let squeezed = h
        .execute(
            "const out = [];
             for (const cell of document.querySelectorAll('.ltw-trace-table th, .ltw-trace-table td')) {
               const line = parseFloat(getComputedStyle(cell).lineHeight) || 20;
               const pad = parseFloat(getComputedStyle(cell).paddingTop) + parseFloat(getComputedStyle(cell).paddingBottom);
               if (cell.getBoundingClientRect().height - pad > line * 1.5) out.push(cell.textContent);
             }
             return out;",
            vec![],
        )
        .await;
    assert_eq!(squeezed, json!([]), "cells broken over several lines");
    assert_eq!(h.overflow().await, Vec::<String>::new());
    h.finish().await;
}
