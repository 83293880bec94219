//! End to end: the first step prerendered into the demo page
//! (`scripts/prerender`, included by `scripts/trunk-post-build`) is usable
//! before the wasm arrives, and the wasm takes it over: hydrated when it
//! is this build's, in the widget's language; replaced otherwise. Either
//! way a group and topic chosen before the wasm stay chosen.
//!
//! "Before the wasm arrives" is made certain, not timed: the wasm is
//! blocked while the page loads (the loader then gives up, as on a network
//! that drops it), and the loader is run again once it is let through.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::Harness;
use fantoccini::Locator;
use serde_json::{Value as Json, json};

/// The demo page with its wasm blocked: the prerendered step alone.
async fn open_without_wasm(h: &Harness) {
    h.cdp("Network.enable", json!({})).await;
    h.cdp("Network.setBlockedURLs", json!({ "urls": ["*.wasm"] }))
        .await;
    h.client.goto(&format!("{}/", h.base)).await.unwrap();
    h.wait_for(Locator::Css(
        "section.ltw[data-ltw-stamp] #ltw0-group-technical",
    ))
    .await;
    // The loader has given up on the blocked wasm and said so.
    h.wait_for_event("ticket-widget:error", "").await;
}

/// Lets the wasm through and runs the loader again, as a later visit
/// would; waits until the widget is interactive.
async fn let_the_wasm_in(h: &Harness) {
    h.cdp("Network.setBlockedURLs", json!({ "urls": [] })).await;
    h.execute(
        "import(new URL('ticket-widget.js?again', location.href).href);",
        vec![],
    )
    .await;
    h.wait_until_interactive().await;
}

/// Whether the page still shows the very element the prerendered section
/// was (marked by `mark_fragment`): hydration keeps it, a fresh mount not.
async fn same_section(h: &Harness) -> Json {
    h.execute(
        "return document.querySelector('section.ltw').__prerendered === true;",
        vec![],
    )
    .await
}

/// Whether the element is rendered (not inside a `display: none` list).
async fn displayed(h: &Harness, id: &str) -> bool {
    h.execute(
        "return document.getElementById(arguments[0]).checkVisibility();",
        vec![json!(id)],
    )
    .await
        == json!(true)
}

/// Marks the prerendered section element itself (a property, which
/// hydration does not touch), for `same_section`.
async fn mark_fragment(h: &Harness) {
    h.execute(
        "document.querySelector('section.ltw').__prerendered = true;",
        vec![],
    )
    .await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn the_prerendered_step_is_usable_first_then_hydrated_keeping_the_choice() {
    let h = Harness::start("prerendered").await;
    open_without_wasm(&h).await;
    // The page's language, the fragment's: the browser here is English.
    h.wait_for(Locator::Css("section.ltw[lang='zh-Hant']"))
        .await;
    h.wait_for_text("開立支援工單").await;
    // The loader fetched the fragment's language pack, the only one.
    let packs = h
        .execute(
            "return performance.getEntriesByType('resource')\
             .map((r) => r.name).filter((n) => n.endsWith('.txt'));",
            vec![],
        )
        .await;
    let packs = packs.as_array().cloned().unwrap_or_default();
    assert!(
        packs.len() == 1
            && packs[0]
                .as_str()
                .unwrap_or("")
                .contains("/ticket-widget-zh-Hant-"),
        "{packs:?}"
    );
    assert_eq!(h.axe().await, Vec::<String>::new(), "the fragment alone");
    h.screenshot("prerendered-before-wasm").await;
    // The customer starts before the wasm: radios need none, and the
    // stylesheet shows the chosen group's topics.
    assert!(!displayed(&h, "ltw0-cat-technical-routing").await);
    h.click_id("ltw0-group-technical").await;
    assert!(displayed(&h, "ltw0-cat-technical-routing").await);
    assert!(!displayed(&h, "ltw0-cat-inquiry-price").await);
    h.click_id("ltw0-cat-technical-routing").await;
    mark_fragment(&h).await;

    let_the_wasm_in(&h).await;
    assert_eq!(same_section(&h).await, json!(true), "hydrated, not rebuilt");
    assert!(
        h.focused_matches("#ltw0-cat-technical-routing").await,
        "focus stays where the customer left it"
    );
    // The choice is the widget's now: on to the routing details.
    for id in ["ltw0-group-technical", "ltw0-cat-technical-routing"] {
        let checked = h
            .execute(
                "return document.getElementById(arguments[0]).checked;",
                vec![json!(id)],
            )
            .await;
        assert_eq!(checked, json!(true), "{id}");
    }
    h.click_button("下一步").await;
    h.wait_for(Locator::Id("ltw0-trace")).await;
    // Fully alive: back, a language switch and a whole ticket.
    h.click_button("上一步").await;
    h.fill_inquiry("Asked before the wasm").await;
    h.click_button("Submit ticket").await;
    let reference = h.reference().await;
    let stored = h.stored();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0]["reference"], reference.as_str());
    assert_eq!(stored[0]["ticket"]["subject"], "Asked before the wasm");
    let errors: Vec<Json> = h.recorded("errors").await;
    assert!(
        errors
            .iter()
            .all(|e| e.as_str().is_some_and(|e| e.contains("could not start"))),
        "only the blocked wasm's error: {errors:?}"
    );
    h.finish().await;
}

/// A fragment the widget cannot hydrate (rendered by another build, or in
/// a language other than the one the customer chose before) is replaced by
/// a widget built afresh; the group chosen in it stays chosen (a topic of
/// another group does not), and focus stays on it.
#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn a_fragment_the_widget_cannot_hydrate_is_replaced_keeping_the_choice() {
    let h = Harness::start("prerendered-replaced").await;
    open_without_wasm(&h).await;
    h.execute(
        "const s = document.querySelector('section.ltw');\
         s.setAttribute('data-ltw-stamp', s.getAttribute('data-ltw-stamp').replace(/^\\w+/, 'an-older-build'));",
        vec![],
    )
    .await;
    // A topic of one group, then another group: only the group counts.
    h.click_id("ltw0-group-technical").await;
    h.click_id("ltw0-cat-technical-boot").await;
    h.click_id("ltw0-group-inquiry").await;
    mark_fragment(&h).await;
    let_the_wasm_in(&h).await;
    assert_eq!(same_section(&h).await, json!(false), "built afresh");
    h.wait_for(Locator::Css(
        "section.ltw[lang='zh-Hant']:not([data-ltw-stamp])",
    ))
    .await;
    assert!(displayed(&h, "ltw0-cat-inquiry-price").await);
    let boot = h
        .execute(
            "return document.getElementById('ltw0-cat-technical-boot').checked;",
            vec![],
        )
        .await;
    assert_eq!(boot, json!(false), "no topic of another group");
    assert!(
        h.focused_matches("#ltw0-group-inquiry").await,
        "focus is where it was, on the new element"
    );

    // The customer chose English on an earlier visit: that wins over the
    // page's zh-Hant fragment, which is replaced at once.
    h.switch_language("en").await;
    h.wait_for_text("Open a support ticket").await;
    h.open().await;
    h.wait_for(Locator::Css("section.ltw[lang='en']:not([data-ltw-stamp])"))
        .await;
    h.wait_for_text("Open a support ticket").await;
    let errors: Vec<Json> = h.recorded("errors").await;
    assert_eq!(errors, Vec::<Json>::new());
    h.finish().await;
}
