//! End to end, the way a host page embeds the widget: the documented
//! snippet under a strict Content-Security-Policy, accessibility (axe-core,
//! keyboard only, 320 px wide), several widgets on one page, configuration
//! by attributes, the JavaScript API and the events.
//!
//! Needs a built `dist/`, `ticket-check` and `node_modules/axe-core`;
//! `scripts/test` prepares them and runs these with `--ignored`.
//! Screenshots of every step go to `test-artifacts/`.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{DESKTOP, Harness, MTR, Options, STRICT_CSP};
use fantoccini::Locator;
use fantoccini::key::Key;
use serde_json::{Value as Json, json};

/// The primary button of the current step ("Next" or "Submit"), not the
/// policy dialog's.
const PRIMARY: &str = ".ltw-step > .ltw-actions .ltw-button--primary";

async fn value_of(h: &Harness, id: &str) -> String {
    h.execute(
        "const el = document.getElementById(arguments[0]); return el ? el.value : null;",
        vec![json!(id)],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

async fn checked_in(h: &Harness, host: &str) -> Json {
    h.execute(
        "return [...document.querySelectorAll(arguments[0] + ' input:checked')].map((i) => i.id);",
        vec![json!(host)],
    )
    .await
}

/// One state of the page, checked as thoroughly as the tools allow: axe in
/// the light and dark themes at desktop width and at 320 px, overflow at
/// 320 px, and a screenshot of each.
async fn checkpoint(h: &Harness, name: &str, problems: &mut Vec<String>) {
    let views = [
        ("desktop", DESKTOP.0, false),
        ("desktop-dark", DESKTOP.0, true),
        ("320", 320, false),
    ];
    for (label, width, dark) in views {
        h.dark(dark).await;
        h.viewport(width, DESKTOP.1).await;
        for violation in h.axe().await {
            problems.push(format!("{name} [{label}] {violation}"));
        }
        if width == 320 {
            for o in h.overflow().await {
                problems.push(format!("{name} [320] overflow: {o}"));
            }
        }
        h.full_screenshot(&format!("embed-{name}-{label}"), width)
            .await;
    }
    h.dark(false).await;
    h.viewport(DESKTOP.0, DESKTOP.1).await;
}

/// A routing ticket through every step of the demo page, including the
/// error summary and the policy dialog, checked at each.
async fn every_step_passes_axe(lang: &str, message: &str) {
    let h = Harness::start(&format!("axe-{lang}")).await;
    let mut problems = Vec::new();
    h.open().await;
    h.click_css(&format!("button.ltw-lang[lang='{lang}']"))
        .await;
    h.wait_for(Locator::Css(&format!("section.ltw[lang='{lang}']")))
        .await;
    checkpoint(&h, &format!("{lang}-1-topic"), &mut problems).await;

    h.choose("technical.routing").await;
    checkpoint(&h, &format!("{lang}-1-topic-chosen"), &mut problems).await;

    h.click_css(PRIMARY).await;
    h.wait_for(Locator::Id("ltw0-email")).await;
    h.click_css(PRIMARY).await;
    h.wait_for(Locator::Css(".ltw-error-summary li")).await;
    checkpoint(&h, &format!("{lang}-2-details-errors"), &mut problems).await;

    h.type_into("ltw0-email", "chan.taiman@example.com").await;
    h.type_into("ltw0-service", "203.0.113.20").await;
    h.type_into("ltw0-trace", MTR).await;
    h.click_css("#ltw0-direction option[value='to_server']")
        .await;
    h.type_into("ltw0-subject", "Evening packet loss / 晚上丟包")
        .await;
    h.type_into("ltw0-message", message).await;
    h.wait_for(Locator::Css(".ltw-trace-summary")).await;
    checkpoint(&h, &format!("{lang}-2-details-filled"), &mut problems).await;

    h.click_css(PRIMARY).await;
    h.wait_for(Locator::Css(".ltw-review")).await;
    checkpoint(&h, &format!("{lang}-3-review"), &mut problems).await;

    h.click_css(PRIMARY).await;
    h.wait_for(Locator::Css("dialog.ltw-dialog[open]")).await;
    checkpoint(&h, &format!("{lang}-3-policy-dialog"), &mut problems).await;

    h.click_css("dialog.ltw-dialog .ltw-button--danger").await;
    let reference = h.reference().await;
    checkpoint(&h, &format!("{lang}-4-done"), &mut problems).await;

    let stored = h.stored();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0]["reference"], reference.as_str());
    assert_eq!(stored[0]["ticket"]["locale"], lang);
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build, chromium and axe-core; run by scripts/test"]
async fn every_step_passes_axe_in_english_in_both_themes_and_at_320px() {
    every_step_passes_axe(
        "en",
        "Since 8 pm the VPN to my office drops and latency is above 300 ms.",
    )
    .await;
}

#[tokio::test]
#[ignore = "needs the release build, chromium and axe-core; run by scripts/test"]
async fn every_step_passes_axe_in_traditional_chinese_in_both_themes_and_at_320px() {
    every_step_passes_axe(
        "zh-Hant",
        "每天晚上八點後連往辦公室的 VPN 斷線，延遲超過 300ms。",
    )
    .await;
}

#[tokio::test]
#[ignore = "needs the release build, chromium and axe-core; run by scripts/test"]
async fn every_step_passes_axe_in_simplified_chinese_in_both_themes_and_at_320px() {
    every_step_passes_axe(
        "zh-Hans",
        "每天晚上八点以后，连接办公室的 VPN 会断开，延迟超过 300ms。",
    )
    .await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn the_keyboard_alone_completes_a_ticket() {
    let h = Harness::start("keyboard").await;
    h.open().await;
    // From the top of the page, as a keyboard user arrives.
    h.tab_to("button.ltw-lang[lang='en']", false).await;
    h.press(Key::Enter).await;
    h.wait_for(Locator::Css("section.ltw[lang='en']")).await;

    h.tab_to("#ltw0-group-inquiry", false).await;
    h.press(Key::Space).await;
    // Into the category radios (none chosen: focus lands on the first), then
    // the arrow key moves to and chooses the next one.
    h.tab_to("#ltw0-cat-inquiry-price", false).await;
    h.press(Key::Down).await;
    assert!(h.focused_matches("#ltw0-cat-inquiry-plan:checked").await);
    h.tab_to(PRIMARY, false).await;
    h.press(Key::Enter).await;

    // The new step's heading takes focus; the fields follow in order.
    h.wait_for(Locator::Id("ltw0-email")).await;
    h.wait_for_focus("#ltw0-step-heading").await;
    h.tab_to("#ltw0-email", false).await;
    h.type_text("kb.user@example.com").await;
    h.tab_to("#ltw0-subject", false).await;
    h.type_text("Which plan has IPv6?").await;
    h.tab_to("#ltw0-message", false).await;
    h.type_text("I need a plan with a routed IPv6 prefix. Which one has it?")
        .await;
    // Back up to the name field, skipped on the way down.
    h.tab_to("#ltw0-name", true).await;
    h.type_text("Keyboard User").await;
    h.tab_to(PRIMARY, false).await;
    h.press(Key::Enter).await;

    h.wait_for(Locator::Css(".ltw-review")).await;
    h.tab_to(PRIMARY, false).await;
    h.press(Key::Space).await;
    let reference = h.reference().await;

    let stored = h.stored();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0]["reference"], reference.as_str());
    let ticket = &stored[0]["ticket"];
    assert_eq!(ticket["category"], "inquiry.plan");
    assert_eq!(ticket["email"], "kb.user@example.com");
    assert_eq!(ticket["name"], "Keyboard User");
    assert_eq!(ticket["subject"], "Which plan has IPv6?");
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn nothing_is_wider_than_a_320px_phone() {
    let h = Harness::start("narrow").await;
    h.viewport(320, 640).await;
    h.open().await;
    let mut problems = Vec::new();
    let mut check = async |what: &str| {
        for o in h.overflow().await {
            problems.push(format!("{what}: {o}"));
        }
    };
    check("topic").await;
    h.choose("technical.general").await;
    check("topic with scope texts").await;
    h.click_id("ltw0-cat-technical-routing").await;
    h.click_css(PRIMARY).await;
    h.type_into("ltw0-service", "203.0.113.20").await;
    h.type_into("ltw0-trace", MTR).await;
    h.type_into(
        "ltw0-subject",
        "https://very-long-host-name.example.com/with/a/long/path/and_no_spaces_at_all",
    )
    .await;
    h.wait_for(Locator::Css(".ltw-trace-summary")).await;
    check("details with a trace table and a long subject").await;
    h.click_css(PRIMARY).await;
    h.wait_for(Locator::Css(".ltw-error-summary li")).await;
    check("details with the error summary").await;
    h.open_page("/examples/embed.html").await;
    h.wait_for(Locator::Css("#sales-widget .ltw-progress"))
        .await;
    check("two widgets").await;
    h.full_screenshot("embed-examples-320", 320).await;
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn a_strict_csp_host_page_sees_no_violation_from_start_to_sent_ticket() {
    let h = Harness::start_with(
        "csp",
        Options {
            csp: Some(STRICT_CSP),
        },
    )
    .await;
    h.open().await;
    let header = h
        .execute(
            "return fetch('/').then((r) => r.headers.get('content-security-policy'));",
            vec![],
        )
        .await;
    assert_eq!(header, json!(STRICT_CSP), "the page is served with the CSP");

    h.click_css("button.ltw-lang[lang='en']").await;
    h.choose("inquiry.plan").await;
    h.click_css(PRIMARY).await;
    h.type_into("ltw0-email", "csp@example.com").await;
    h.type_into("ltw0-subject", "Plans").await;
    h.type_into("ltw0-message", "Can I run a VPN endpoint on the 2 GB plan?")
        .await;
    h.click_css(PRIMARY).await;
    h.wait_for(Locator::Css(".ltw-review")).await;
    h.click_css(PRIMARY).await;
    h.click_css("dialog.ltw-dialog .ltw-button--danger").await;
    let reference = h.reference().await;
    assert_eq!(h.stored()[0]["reference"], reference.as_str());

    let styled = h
        .execute(
            "return [...document.querySelectorAll('.ltw [style], .ltw-dialog [style]')]\
             .map((e) => e.outerHTML.slice(0, 120));",
            vec![],
        )
        .await;
    assert_eq!(styled, json!([]), "no style attributes in the widget");
    assert_eq!(h.recorded("csp").await, Vec::<Json>::new());

    // The example page (two widgets and a module of its own) as well.
    h.open_page("/examples/embed.html").await;
    h.wait_for(Locator::Css("#sales-widget .ltw-progress"))
        .await;
    h.click_css("button[data-open-category='technical.routing']")
        .await;
    h.wait_for(Locator::Id("ltw0-trace")).await;
    assert_eq!(h.recorded("csp").await, Vec::<Json>::new());

    // The recorder does see a violation when there is one.
    h.execute(
        "document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>');",
        vec![],
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(
        !h.recorded("csp").await.is_empty(),
        "an inline style attribute must be reported"
    );
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn two_widgets_on_one_page_start_from_their_attributes_and_keep_to_themselves() {
    let h = Harness::start("two-widgets").await;
    h.open_page("/examples/embed.html").await;
    assert_eq!(
        h.wait_for_event("ticket-widget:ready", "account-widget")
            .await,
        json!({ "lang": "en" })
    );
    assert_eq!(
        h.wait_for_event("ticket-widget:ready", "sales-widget")
            .await,
        json!({ "lang": "zh-Hant" })
    );

    // data-category chose the group and the category; data-categories
    // limits what each widget offers.
    assert_eq!(
        checked_in(&h, "#account-widget").await,
        json!(["ltw0-group-technical", "ltw0-cat-technical-ip"])
    );
    assert_eq!(checked_in(&h, "#sales-widget").await, json!([]));
    let groups = h
        .execute(
            "return [...document.querySelectorAll('#sales-widget input[name=ltw1-group]')].map((i) => i.id);",
            vec![],
        )
        .await;
    assert_eq!(groups, json!(["ltw1-group-inquiry", "ltw1-group-china"]));
    h.wait_for_text_in("#sales-widget", "第 1 步").await;
    h.wait_for_text_in("#account-widget", "support@leikwan.example")
        .await;
    assert_eq!(h.axe().await, Vec::<String>::new(), "two widgets, one page");

    // The account widget's fields start filled in.
    h.click_css(&format!("#account-widget {PRIMARY}")).await;
    h.wait_for(Locator::Id("ltw0-ip")).await;
    assert_eq!(value_of(&h, "ltw0-email").await, "chan.taiman@example.com");
    assert_eq!(value_of(&h, "ltw0-name").await, "Chan Tai Man");
    assert_eq!(value_of(&h, "ltw0-service").await, "vps-hk-042");
    assert_eq!(value_of(&h, "ltw0-ip").await, "203.0.113.20");
    h.type_into("ltw0-subject", "Extra IP does not answer")
        .await;
    h.type_into("ltw0-message", "The additional IP stopped answering pings.")
        .await;
    h.click_css(&format!("#account-widget {PRIMARY}")).await;
    h.wait_for(Locator::Css("#account-widget .ltw-review"))
        .await;
    h.click_css(&format!("#account-widget {PRIMARY}")).await;
    let first = h.reference_in("#account-widget").await;

    // The other widget did not move.
    h.wait_for_text_in("#sales-widget", "第 1 步").await;
    assert_eq!(checked_in(&h, "#sales-widget").await, json!([]));
    h.click_id("ltw1-group-inquiry").await;
    h.click_id("ltw1-cat-inquiry-price").await;
    h.click_css(&format!("#sales-widget {PRIMARY}")).await;
    h.type_into("ltw1-email", "li@example.net").await;
    h.type_into("ltw1-subject", "續約價格").await;
    h.type_into("ltw1-message", "請問明年續約的價格是多少？")
        .await;
    h.click_css(&format!("#sales-widget {PRIMARY}")).await;
    h.wait_for(Locator::Css("#sales-widget .ltw-review")).await;
    h.click_css(&format!("#sales-widget {PRIMARY}")).await;
    let second = h.reference_in("#sales-widget").await;
    assert_ne!(first, second);

    let stored = h.stored();
    assert_eq!(stored.len(), 2);
    let (a, b) = (&stored[0]["ticket"], &stored[1]["ticket"]);
    assert_eq!(a["category"], "technical.ip");
    assert_eq!(a["locale"], "en");
    assert_eq!(a["email"], "chan.taiman@example.com");
    assert_eq!(a["service"], "vps-hk-042");
    assert_eq!(a["fields"]["ip"], "203.0.113.20");
    assert_eq!(b["category"], "inquiry.price");
    assert_eq!(b["locale"], "zh-Hant");

    assert_eq!(
        h.wait_for_event("ticket-widget:submitted", "account-widget")
            .await,
        json!({ "reference": first, "category": "technical.ip" })
    );
    assert_eq!(
        h.wait_for_event("ticket-widget:submitted", "sales-widget")
            .await,
        json!({ "reference": second, "category": "inquiry.price" })
    );
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn the_host_page_prefills_opens_and_mounts_through_the_javascript_api() {
    let harness = Harness::start("js-api").await;
    let h = &harness;
    h.open_page("/examples/embed.html").await;
    h.wait_for_event("ticket-widget:ready", "sales-widget")
        .await;

    let prefill = |host: &str, values: Json| {
        let script = format!(
            "return TicketWidget.prefill(document.getElementById('{host}'), arguments[0]);"
        );
        async move { h.execute(&script, vec![values]).await }
    };
    let done = prefill(
        "sales-widget",
        json!({ "email": " li@example.net ", "name": "Li", "category": "inquiry.refund" }),
    )
    .await;
    assert_eq!(done, json!(true));
    assert_eq!(
        checked_in(h, "#sales-widget").await,
        json!(["ltw1-group-inquiry", "ltw1-cat-inquiry-refund"])
    );
    let refused = prefill("sales-widget", json!({ "category": "technical.routing" })).await;
    assert_eq!(refused, json!(false), "not offered by data-categories");
    let errors = h.recorded("errors").await;
    assert!(
        errors
            .iter()
            .any(|e| e.as_str().unwrap_or("").contains("technical.routing")),
        "{errors:?}"
    );
    let nowhere = h
        .execute("return TicketWidget.prefill(document.body, {});", vec![])
        .await;
    assert_eq!(nowhere, json!(false));

    h.click_css(&format!("#sales-widget {PRIMARY}")).await;
    assert_eq!(value_of(h, "ltw1-email").await, "li@example.net");
    assert_eq!(value_of(h, "ltw1-name").await, "Li");
    h.wait_for(Locator::Id("ltw1-order_number")).await;

    // The page's own button opens a category's form (public/examples/embed.js).
    h.click_css("button[data-open-category='technical.routing']")
        .await;
    h.wait_for(Locator::Id("ltw0-trace")).await;
    let opened = h
        .execute(
            "return TicketWidget.open(document.getElementById('account-widget'), 'technical.boot');",
            vec![],
        )
        .await;
    assert_eq!(opened, json!(true));
    h.wait_for(Locator::Id("ltw0-os_template")).await;

    // A host element added later, posting where nothing accepts tickets.
    let mounted = h
        .execute(
            r#"
const el = document.createElement('div');
el.id = 'late';
el.dataset.ticketWidget = '';
el.dataset.endpoint = '/api/nowhere';
el.dataset.lang = 'en';
el.dataset.category = 'inquiry.price';
document.querySelector('main').append(el);
return [TicketWidget.mount(el), TicketWidget.mount(el), TicketWidget.mount()];
"#,
            vec![],
        )
        .await;
    assert_eq!(mounted, json!([true, false, 0]));
    assert_eq!(
        h.wait_for_event("ticket-widget:ready", "late").await,
        json!({ "lang": "en" })
    );
    h.click_css(&format!("#late {PRIMARY}")).await;
    h.type_into("ltw2-email", "late@example.com").await;
    h.type_into("ltw2-subject", "Price").await;
    h.type_into("ltw2-message", "How much is the 4 GB plan per year?")
        .await;
    h.click_css(&format!("#late {PRIMARY}")).await;
    h.wait_for(Locator::Css("#late .ltw-review")).await;
    h.click_css(&format!("#late {PRIMARY}")).await;
    assert_eq!(
        h.wait_for_event("ticket-widget:error", "late").await,
        json!({ "kind": "refused", "status": 405 })
    );

    // A host element set up wrongly explains itself, in both languages.
    h.execute(
        r#"
const el = document.createElement('div');
el.id = 'broken';
el.dataset.category = 'technical.nope';
document.querySelector('main').append(el);
TicketWidget.mount(el);
"#,
        vec![],
    )
    .await;
    assert_eq!(
        h.wait_for_event("ticket-widget:error", "broken").await,
        json!({ "kind": "config", "status": null })
    );
    let text = h.text_of("#broken").await;
    for needle in [
        "設定不正確",
        "not set up correctly",
        "data-endpoint",
        "technical.nope",
    ] {
        assert!(text.contains(needle), "{needle:?} not in {text:?}");
    }
    assert_eq!(
        h.axe().await,
        Vec::<String>::new(),
        "with the problem shown"
    );
    let errors = h.recorded("errors").await;
    for needle in ["data-endpoint", "technical.nope"] {
        assert!(
            errors
                .iter()
                .any(|e| e.as_str().unwrap_or("").contains(needle)),
            "no console.error about {needle}: {errors:?}"
        );
    }
    harness.finish().await;
}

/// Opens the two-widget example page when the widgets cannot start: both
/// hosts keep the page's fallback, each fires a `load` error event, and the
/// console says why (`console_says`).
async fn page_keeps_its_fallback(h: &Harness, console_says: &str) {
    h.client
        .goto(&format!("{}/examples/embed.html", h.base))
        .await
        .unwrap();
    for host in ["account-widget", "sales-widget"] {
        assert_eq!(
            h.wait_for_event("ticket-widget:error", host).await,
            json!({ "kind": "load", "status": null })
        );
    }
    let fallback = h.text_of("#account-widget").await;
    assert!(
        fallback.contains("Please write to support@leikwan.example"),
        "{fallback:?}"
    );
    let errors = h.recorded("errors").await;
    assert!(
        errors
            .iter()
            .any(|e| e.as_str().unwrap_or("").contains(console_says)),
        "{errors:?}"
    );
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn without_webassembly_the_page_keeps_its_fallback_and_hears_why() {
    // The host forgot 'wasm-unsafe-eval': the wasm cannot be compiled.
    let h = Harness::start_with(
        "no-wasm",
        Options {
            csp: Some(
                "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'",
            ),
        },
    )
    .await;
    page_keeps_its_fallback(&h, "could not start").await;
    h.finish().await;
}

/// The language packs a page has fetched so far (file names), from the
/// Resource Timing entries.
async fn packs_fetched(h: &Harness) -> Vec<String> {
    let names = h
        .execute(
            "return performance.getEntriesByType('resource')\
             .map((r) => new URL(r.name).pathname.split('/').pop())\
             .filter((n) => /^ticket-widget-.*\\.txt$/.test(n));",
            vec![],
        )
        .await;
    names
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|n| n.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Each language's texts are a pack file of their own. A cold page fetches
/// the starting language's pack alongside the wasm, and the other only once
/// the customer reaches for the other language; the switch keeps everything
/// typed.
#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn a_cold_page_fetches_one_language_pack_and_the_other_only_when_asked_for() {
    use fantoccini::actions::{InputSource, MouseActions, PointerAction};
    let h = Harness::start("packs").await;
    h.open_page(BASIC).await;
    h.wait_for_text("Open a support ticket").await;
    let fetched = packs_fetched(&h).await;
    assert!(
        fetched.len() == 1 && fetched[0].starts_with("ticket-widget-en-"),
        "an English browser loads the English pack only: {fetched:?}"
    );
    // In parallel with the wasm: asked for by the loader with the wasm,
    // before even the wasm-bindgen glue is requested.
    let parallel = h
        .execute(
            "const e = performance.getEntriesByType('resource');\
             const pack = e.find((r) => r.name.endsWith('.txt'));\
             const glue = e.find((r) => /ticket-widget-[0-9a-f]+\\.js$/.test(r.name));\
             return [pack.startTime <= glue.startTime, pack.startTime, glue.startTime];",
            vec![],
        )
        .await;
    assert_eq!(parallel[0], json!(true), "the pack waited: {parallel}");

    h.choose("inquiry.price").await;
    h.click_css(PRIMARY).await;
    h.type_into("ltw0-email", "packs@example.com").await;
    h.type_into("ltw0-message", "續約價格是多少？").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(packs_fetched(&h).await.len(), 1, "nothing asked yet");

    // The pointer on the other language's button fetches its pack.
    let button = h.wait_for(Locator::Css("button[lang='zh-Hant']")).await;
    let hover = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
        element: button.clone(),
        duration: None,
        x: 0.0,
        y: 0.0,
    });
    h.client.perform_actions(hover).await.unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while packs_fetched(&h).await.len() < 2 {
        assert!(
            std::time::Instant::now() < deadline,
            "hovering fetched nothing"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(packs_fetched(&h).await[1].starts_with("ticket-widget-zh-Hant-"));
    button.click().await.unwrap();
    h.wait_for_text("開立支援工單").await;
    assert_eq!(value_of(&h, "ltw0-email").await, "packs@example.com");
    assert_eq!(value_of(&h, "ltw0-message").await, "續約價格是多少？");
    // Back and forth: both packs are in memory, nothing is fetched again.
    h.switch_language("en").await;
    h.wait_for_text("Open a support ticket").await;
    h.switch_language("zh-Hant").await;
    h.wait_for_text("開立支援工單").await;
    assert_eq!(packs_fetched(&h).await.len(), 2);

    // The third language: its pack too only when reached for.
    let button = h.wait_for(Locator::Css("button[lang='zh-Hans']")).await;
    let hover = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
        element: button.clone(),
        duration: None,
        x: 0.0,
        y: 0.0,
    });
    h.client.perform_actions(hover).await.unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while packs_fetched(&h).await.len() < 3 {
        assert!(
            std::time::Instant::now() < deadline,
            "hovering fetched nothing"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(packs_fetched(&h).await[2].starts_with("ticket-widget-zh-Hans-"));
    button.click().await.unwrap();
    h.wait_for_text("提交技术支持工单").await;
    assert_eq!(value_of(&h, "ltw0-email").await, "packs@example.com");
    assert_eq!(value_of(&h, "ltw0-message").await, "續約價格是多少？");
    assert_eq!(packs_fetched(&h).await.len(), 3);
    assert_eq!(h.recorded("errors").await, Vec::<Json>::new());
    h.finish().await;
}

/// The browser's languages choose the starting language, through the
/// loader's early guess and the widget's own negotiation alike: a mainland
/// browser starts in zh-Hans and fetches that pack only; a remembered
/// choice then wins over the browser.
#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn the_browsers_languages_pick_the_starting_pack_and_a_remembered_choice_wins() {
    let h = Harness::start("packs-negotiation").await;
    h.open_page(BASIC).await;
    let agent = h.execute("return navigator.userAgent;", vec![]).await;
    let rows = [
        ("zh-CN,zh;q=0.9,en;q=0.8", "zh-Hans", "提交技术支持工单"),
        ("zh-SG", "zh-Hans", "提交技术支持工单"),
        ("zh", "zh-Hans", "提交技术支持工单"),
        ("zh-HK,en", "zh-Hant", "開立支援工單"),
        ("zh-TW", "zh-Hant", "開立支援工單"),
        ("fr-FR,de", "en", "Open a support ticket"),
    ];
    for (accept, tag, title) in rows {
        h.cdp(
            "Emulation.setUserAgentOverride",
            json!({ "userAgent": agent, "acceptLanguage": accept }),
        )
        .await;
        h.open_page(BASIC).await;
        h.wait_for(Locator::Css(&format!("section.ltw[lang='{tag}']")))
            .await;
        h.wait_for_text(title).await;
        let fetched = packs_fetched(&h).await;
        assert!(
            fetched.len() == 1 && fetched[0].starts_with(&format!("ticket-widget-{tag}-")),
            "{accept}: {fetched:?}"
        );
    }

    // Chosen once, remembered: it wins over the browser's languages.
    h.switch_language("zh-Hans").await;
    h.wait_for_text("提交技术支持工单").await;
    h.open_page(BASIC).await;
    h.wait_for(Locator::Css("section.ltw[lang='zh-Hans']"))
        .await;
    let fetched = packs_fetched(&h).await;
    assert!(
        fetched.len() == 1 && fetched[0].starts_with("ticket-widget-zh-Hans-"),
        "the loader guessed the remembered language: {fetched:?}"
    );
    assert_eq!(h.recorded("errors").await, Vec::<Json>::new());
    h.finish().await;
}

/// The snippet alone, without a prerendered first step: the widget starts
/// in the browser's language (the demo page's zh-Hant step would decide it).
const BASIC: &str = "/examples/basic.html";

/// A pack that cannot be fetched: on demand, the widget stays in its
/// language and says so; at start, the host keeps its fallback content and
/// the page hears why.
#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn a_language_pack_that_cannot_be_fetched_is_told_and_never_loses_anything() {
    let h = Harness::start("packs-blocked").await;
    h.open_page(BASIC).await;
    h.wait_for_text("Open a support ticket").await;
    h.choose("inquiry.price").await;
    h.click_css(PRIMARY).await;
    h.type_into("ltw0-message", "What will the renewal cost?")
        .await;
    h.cdp("Network.enable", json!({})).await;
    h.cdp(
        "Network.setBlockedURLs",
        json!({ "urls": ["*ticket-widget-zh-Hant-*"] }),
    )
    .await;
    h.switch_language("zh-Hant").await;
    // Three attempts, 0.3 s and 0.9 s apart.
    h.wait_for_text("The chosen language could not be loaded")
        .await;
    assert_eq!(
        value_of(&h, "ltw0-message").await,
        "What will the renewal cost?"
    );
    assert!(h.page_text().await.contains("Open a support ticket"));
    let busy = h
        .execute(
            "return document.querySelector(\"button[lang='zh-Hant']\").getAttribute('aria-busy');",
            vec![],
        )
        .await;
    assert_eq!(busy, json!(null));

    // Nothing the page's widgets can read: both keep their fallback.
    h.cdp("Network.setBlockedURLs", json!({ "urls": ["*.txt"] }))
        .await;
    page_keeps_its_fallback(&h, "texts could not be loaded").await;
    let api = h.execute("return typeof TicketWidget.mount;", vec![]).await;
    assert_eq!(api, json!("function"));
    h.cdp("Network.setBlockedURLs", json!({ "urls": [] })).await;
    h.finish().await;
}

/// Markup as a host page might pass it on by mistake (from its own users'
/// data): both payloads at once. A handler's `__pwned=1` sets
/// `window.__pwned`.
const MARKUP: &str = "<img src=x onerror=__pwned=1>\"><svg onload=__pwned=1>";

/// Asserts that no element came out of markup inside `#host`, and that no
/// handler in it ran.
async fn assert_inert(h: &Harness, host: &str, step: &str) {
    let found = h
        .execute(
            "const host = document.getElementById(arguments[0]);\
             return [host.querySelectorAll('img, svg, script').length, typeof window.__pwned];",
            vec![json!(host)],
        )
        .await;
    assert_eq!(found, json!([0, "undefined"]), "{step}");
}

/// Markup in every `data-*` attribute of a host element and in every value
/// of `TicketWidget.prefill`, through every step to a stored ticket: it
/// shows as text, never as elements, and nothing in it runs.
#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn markup_in_attributes_and_in_the_prefill_never_becomes_elements() {
    let harness = Harness::start("injection").await;
    let h = &harness;
    h.open_page("/examples/embed.html").await;
    h.wait_for_event("ticket-widget:ready", "sales-widget")
        .await;
    // `marked`: every attribute but the endpoint (which must work for the
    // ticket to go out); `marked-endpoint`: the endpoint alone.
    h.execute(
        r#"
const m = arguments[0];
const marked = document.createElement('div');
marked.id = 'marked';
for (const name of ['lang', 'csrfToken', 'supportEmail', 'email', 'name', 'service', 'ip', 'category', 'categories']) {
  marked.dataset[name] = m;
}
marked.dataset.endpoint = '/api/tickets';
const endpoint = document.createElement('div');
endpoint.id = 'marked-endpoint';
endpoint.dataset.endpoint = '/api/' + m;
endpoint.dataset.lang = 'en';
document.querySelector('main').append(marked, endpoint);
TicketWidget.mount(marked);
TicketWidget.mount(endpoint);
"#,
        vec![json!(MARKUP)],
    )
    .await;
    h.wait_for_event("ticket-widget:ready", "marked").await;
    h.wait_for_event("ticket-widget:ready", "marked-endpoint")
        .await;
    h.wait_for_text_in("#marked", MARKUP).await;
    assert_inert(h, "marked", "the configuration notice").await;
    assert_inert(h, "marked-endpoint", "a widget with a marked endpoint").await;

    let prefill = |values: Json| async move {
        h.execute(
            "return TicketWidget.prefill(document.getElementById('marked'), arguments[0]);",
            vec![values],
        )
        .await
    };
    let all = json!({ "email": MARKUP, "name": MARKUP, "service": MARKUP, "ip": MARKUP, "category": MARKUP });
    assert_eq!(prefill(all).await, json!(false), "no such category");
    h.click_css("#marked button.ltw-lang[lang='en']").await;
    h.wait_for(Locator::Css("#marked section.ltw[lang='en']"))
        .await;
    h.click_id("ltw2-group-technical").await;
    h.click_id("ltw2-cat-technical-ip").await;
    h.click_css(&format!("#marked {PRIMARY}")).await;
    h.wait_for(Locator::Id("ltw2-ip")).await;
    assert_eq!(value_of(h, "ltw2-name").await, MARKUP);
    h.click_css(&format!("#marked {PRIMARY}")).await;
    h.wait_for(Locator::Css("#marked .ltw-error-summary li"))
        .await;
    assert_inert(h, "marked", "details with the prefill and its errors").await;

    let valid = json!({ "email": "inject@example.com", "ip": "203.0.113.7" });
    assert_eq!(prefill(valid).await, json!(true));
    h.type_into("ltw2-subject", MARKUP).await;
    h.type_into("ltw2-message", MARKUP).await;
    h.click_css(&format!("#marked {PRIMARY}")).await;
    h.wait_for(Locator::Css("#marked .ltw-review")).await;
    assert!(h.text_of("#marked .ltw-review").await.contains(MARKUP));
    assert_inert(h, "marked", "review").await;

    h.click_css(&format!("#marked {PRIMARY}")).await;
    let reference = h.reference_in("#marked").await;
    assert_inert(h, "marked", "confirmation").await;
    let stored = h.stored();
    let ticket = &stored.last().expect("the ticket was stored")["ticket"];
    assert_eq!(stored.last().unwrap()["reference"], reference.as_str());
    assert_eq!(ticket["name"], MARKUP);
    assert_eq!(ticket["service"], MARKUP);
    assert_eq!(ticket["subject"], MARKUP);
    harness.finish().await;
}
