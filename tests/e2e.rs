//! End to end: the release build of the widget, served by the reference
//! receiver (`ticket-check serve --static dist`), driven in headless Chromium
//! through chromedriver; each test checks what the receiver stored.
//!
//! Needs a built `dist/` and `ticket-check`; `scripts/test` prepares both and
//! runs these with `--ignored`. The harness is in `tests/common/`.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{Harness, MTR};
use fantoccini::Locator;
use std::time::Duration;

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn routing_ticket_in_traditional_chinese_arrives_with_its_trace_summary() {
    let h = Harness::start("routing-zh").await;
    h.open().await;
    h.switch_language("zh-Hant").await;
    h.wait_for_text("開立支援工單").await;
    h.choose("technical.routing").await;
    h.wait_for_text("報告特定方向的網路延遲過高").await;
    h.click_button("下一步").await;

    h.type_into("ltw0-email", "chan.taiman@example.com").await;
    h.type_into("ltw0-service", "203.0.113.20").await;
    h.type_into("ltw0-trace", MTR).await;
    h.wait_for_text("已辨識：mtr --report，共 5 個躍點").await;
    h.wait_for_text("從第 4 跳開始丟包").await;
    h.wait_for(Locator::Css("#ltw0-direction option[value='to_server']"))
        .await
        .click()
        .await
        .unwrap();
    h.type_into("ltw0-subject", "晚上到香港機房丟包嚴重").await;
    h.type_into("ltw0-message", "每天晚上八點後延遲超過 300ms，並有丟包。")
        .await;
    h.screenshot("routing-zh-details").await;
    h.click_button("下一步").await;

    h.wait_for_text("以下正是將送交利群主機客服的內容").await;
    h.click_button("送出工單").await;
    let reference = h.reference().await;
    h.screenshot("routing-zh-done").await;

    let stored = h.stored();
    assert_eq!(stored.len(), 1, "exactly one ticket stored");
    let record = &stored[0];
    assert_eq!(record["reference"], reference.as_str());
    let ticket = &record["ticket"];
    assert_eq!(ticket["category"], "technical.routing");
    assert_eq!(ticket["locale"], "zh-Hant");
    assert_eq!(ticket["email"], "chan.taiman@example.com");
    assert_eq!(ticket["subject"], "晚上到香港機房丟包嚴重");
    assert_eq!(ticket["fields"]["direction"], "to_server");
    assert!(
        ticket["fields"]["trace"]
            .as_str()
            .unwrap()
            .contains("202.97.94.130")
    );
    assert_eq!(ticket["trace_summary"]["format"], "mtr_report");
    assert_eq!(ticket["trace_summary"]["hop_count"], 5);
    assert_eq!(ticket["trace_summary"]["loss_onset_hop"], 4);
    assert_eq!(record["checks"]["trace_summary"]["hop_count"], 5);
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn mainland_ticket_in_simplified_chinese_arrives_with_its_locale() {
    let h = Harness::start("procedures-zh-hans").await;
    h.open().await;
    h.switch_language("zh-Hans").await;
    h.wait_for_text("提交技术支持工单").await;
    h.choose("china.procedures").await;
    h.wait_for_text("关于域名备案、服务器内容限制等中国大陆特有规定")
        .await;
    h.click_button("下一步").await;

    // Nothing filled in: the errors come in zh-Hans, with a full-width colon.
    h.click_button("下一步").await;
    h.wait_for_text("请修正以下各项：").await;
    h.wait_for_text("电子邮箱：请填写此项。").await;

    h.type_into("ltw0-email", "wang.fang@example.cn").await;
    h.type_into("ltw0-subject", "ICP 备案需要准备哪些资料")
        .await;
    h.type_into(
        "ltw0-message",
        "我们打算在贵司的服务器上运行公司网站，请问办理 ICP 备案需要哪些步骤？",
    )
    .await;
    h.click_button("下一步").await;

    h.wait_for_text("以下正是将发送给利群主机客服的内容").await;
    h.screenshot("procedures-zh-hans-review").await;
    h.click_button("提交工单").await;
    let reference = h.reference().await;
    h.wait_for_text("已收到您的工单").await;
    h.screenshot("procedures-zh-hans-done").await;

    let stored = h.stored();
    assert_eq!(stored.len(), 1, "exactly one ticket stored");
    let record = &stored[0];
    assert_eq!(record["reference"], reference.as_str());
    let ticket = &record["ticket"];
    assert_eq!(ticket["category"], "china.procedures");
    assert_eq!(ticket["locale"], "zh-Hans");
    assert_eq!(ticket["email"], "wang.fang@example.cn");
    assert_eq!(ticket["subject"], "ICP 备案需要准备哪些资料");
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn english_inquiry_arrives_and_the_circumvention_dialog_records_consent() {
    let h = Harness::start("inquiry-en").await;
    h.open().await;
    h.switch_language("en").await;
    h.wait_for_text("Open a support ticket").await;
    h.choose("inquiry.plan").await;
    h.click_button("Next").await;

    h.type_into("ltw0-email", "jane@example.org").await;
    h.type_into("ltw0-name", "Jane Doe").await;
    h.type_into("ltw0-subject", "Which plan for a VPN endpoint?")
        .await;
    h.type_into(
        "ltw0-message",
        "I want to run a VPN for my office. How much RAM does the 2 GB plan really have?",
    )
    .await;
    h.wait_for_text("Your text mentions VPN").await;
    h.click_button("Next").await;
    h.click_button("Submit ticket").await;

    // The policy dialog comes first; nothing has been sent yet.
    h.wait_for_text("Before you send").await;
    h.screenshot("inquiry-en-policy-dialog").await;
    assert!(h.stored().is_empty());
    h.click_button("Submit anyway, I understand it may be closed")
        .await;
    let reference = h.reference().await;

    let stored = h.stored();
    assert_eq!(stored.len(), 1);
    let ticket = &stored[0]["ticket"];
    assert_eq!(stored[0]["reference"], reference.as_str());
    assert_eq!(ticket["category"], "inquiry.plan");
    assert_eq!(ticket["locale"], "en");
    assert_eq!(ticket["name"], "Jane Doe");
    assert_eq!(
        ticket["policy"]["circumvention_terms"],
        serde_json::json!(["VPN"])
    );
    assert_eq!(ticket["policy"]["acknowledged"], true);
    assert_eq!(
        stored[0]["checks"]["circumvention_terms"],
        serde_json::json!(["VPN"])
    );
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn a_receiver_that_is_down_for_a_while_gets_the_ticket_once_it_is_back() {
    let mut h = Harness::start("down").await;
    h.open().await;
    h.fill_inquiry("Renewal price").await;

    // The page is loaded; now the receiver goes away.
    let _ = h.receiver.0.kill();
    let _ = h.receiver.0.wait();
    h.click_button("Submit ticket").await;
    h.wait_for_text("We could not reach the support server")
        .await;
    h.wait_for_text("Trying again in").await;
    assert!(
        h.page_text()
            .await
            .contains("What will the renewal price be next year for my plan?")
    );
    h.screenshot("down-retrying").await;

    // Back on the same address: the next automatic retry delivers it, once.
    h.receiver = h
        .spawn_receiver(Some(h.base.trim_start_matches("http://")))
        .0;
    let reference = h.reference().await;
    let stored = h.stored();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0]["reference"], reference.as_str());
    assert_eq!(stored[0]["ticket"]["subject"], "Renewal price");
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn server_errors_are_retried_with_the_same_key_and_stored_once() {
    let h = Harness::start("retry-500").await;
    h.open().await;
    h.fill_inquiry("Two failures first").await;
    let mut key = String::new();
    for _ in 0..30 {
        key = h.draft_key().await;
        if !key.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        key.len(),
        36,
        "a UUID idempotency key is kept with the draft: {key:?}"
    );
    h.faults(serde_json::json!({ "fail_next": 2, "status": 500 }));
    h.click_button("Submit ticket").await;
    let reference = h.reference().await;
    let stored = h.stored();
    assert_eq!(stored.len(), 1, "500, 500, then 201: one ticket");
    assert_eq!(stored[0]["reference"], reference.as_str());
    assert_eq!(stored[0]["idempotency_key"], key.as_str());
    // Confirmed by the backend: the draft is gone.
    assert_eq!(h.draft_key().await, "");
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn an_answer_lost_after_storing_gets_the_same_reference_without_a_duplicate() {
    let h = Harness::start("dropped").await;
    h.open().await;
    h.fill_inquiry("Dropped answer").await;
    h.faults(serde_json::json!({ "drop_after_store": 1 }));
    h.click_button("Submit ticket").await;
    let reference = h.reference().await;
    let stored = h.stored();
    assert_eq!(stored.len(), 1, "stored once although sent twice");
    assert_eq!(stored[0]["reference"], reference.as_str());
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn a_double_click_sends_one_ticket() {
    let h = Harness::start("double").await;
    h.open().await;
    h.fill_inquiry("Double click").await;
    h.faults(serde_json::json!({ "delay_ms": 800 }));
    h.client
        .execute(
            "const b = [...document.querySelectorAll('.ltw button')].find(b => b.textContent.trim() === 'Submit ticket');
             b.click(); b.click(); b.dispatchEvent(new MouseEvent('click', {bubbles: true}));
             return true;",
            vec![],
        )
        .await
        .unwrap();
    h.reference().await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(h.stored().len(), 1);
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn a_refused_ticket_says_why_and_keeps_everything() {
    let h = Harness::start("refused").await;
    h.open().await;
    h.fill_inquiry("Too large").await;
    h.faults(serde_json::json!({ "fail_next": 1, "status": 413 }));
    h.click_button("Submit ticket").await;
    h.wait_for_text("refused the ticket (HTTP 413)").await;
    let text = h.page_text().await;
    assert!(text.contains("What will the renewal price be next year for my plan?"));
    assert!(text.contains("Copy my ticket as text"));
    assert!(h.stored().is_empty());
    // Nothing was retried automatically, and sending again works.
    h.click_button("Submit ticket").await;
    h.reference().await;
    assert_eq!(h.stored().len(), 1);
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn a_reload_while_typing_restores_every_field_in_the_chosen_language() {
    let h = Harness::start("reload").await;
    h.open().await;
    h.switch_language("zh-Hant").await;
    h.choose("technical.routing").await;
    h.click_button("下一步").await;
    h.type_into("ltw0-email", "chan@example.com").await;
    h.type_into("ltw0-service", "203.0.113.20").await;
    h.type_into("ltw0-trace", MTR).await;
    h.type_into("ltw0-subject", "丟包").await;
    h.type_into("ltw0-message", "晚上丟包嚴重，請協助").await;
    tokio::time::sleep(Duration::from_millis(800)).await;

    h.client.refresh().await.unwrap();
    h.wait_for_text("我們已還原您尚未送出的工單").await;
    assert_eq!(h.value_of("ltw0-email").await, "chan@example.com");
    assert_eq!(h.value_of("ltw0-service").await, "203.0.113.20");
    assert_eq!(h.value_of("ltw0-subject").await, "丟包");
    assert_eq!(h.value_of("ltw0-message").await, "晚上丟包嚴重，請協助");
    assert!(h.value_of("ltw0-trace").await.contains("202.97.94.130"));
    h.wait_for_text("已辨識：mtr --report").await;
    h.screenshot("reload-restored").await;

    // "Discard draft" empties the ticket and forgets it.
    h.click_button("捨棄草稿").await;
    h.wait_for_text("您需要哪一類協助？").await;
    h.client.refresh().await.unwrap();
    h.wait_for_text("您需要哪一類協助？").await;
    assert!(!h.page_text().await.contains("我們已還原"));
    h.finish().await;
}
