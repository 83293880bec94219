//! End to end: the release build of the widget, served by the reference
//! receiver (`ticket-check serve --static dist`), driven in headless Chromium
//! through chromedriver; each test checks what the receiver stored.
//!
//! Needs a built `dist/` and `ticket-check`; `scripts/test` prepares both and
//! runs these with `--ignored`.

#![cfg(not(target_arch = "wasm32"))]

use fantoccini::{Client, ClientBuilder, Locator};
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn env_path(var: &str, default: &str) -> PathBuf {
    std::env::var_os(var).map_or_else(|| Path::new(ROOT).join(default), PathBuf::from)
}

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

struct Harness {
    client: Client,
    base: String,
    store: PathBuf,
    dist: PathBuf,
    receiver: Killed,
    _driver: Killed,
}

/// Starts `ticket-check serve` and returns it with its base URL.
fn spawn_receiver(bin: &Path, store: &Path, dist: &Path, addr: Option<&str>) -> (Killed, String) {
    let mut receiver = Command::new(bin)
        .args(["serve", "--addr", addr.unwrap_or("127.0.0.1:0"), "--store"])
        .arg(store)
        .arg("--static")
        .arg(dist)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start ticket-check serve");
    let mut line = String::new();
    BufReader::new(receiver.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line
        .trim()
        .strip_prefix("listening on ")
        .expect(&line)
        .to_owned();
    (Killed(receiver), base)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Harness {
    async fn start(name: &str) -> Harness {
        let dist = env_path("TICKET_WIDGET_DIST", "dist");
        assert!(
            dist.join("index.html").exists(),
            "no {}/index.html: run `trunk build --release` (scripts/test does)",
            dist.display()
        );
        let bin = env_path("TICKET_CHECK_BIN", "target/debug/ticket-check");
        assert!(
            bin.exists(),
            "no {}: run `cargo build -p ticket-core` (scripts/test does)",
            bin.display()
        );

        let store = std::env::temp_dir().join(format!("e2e-{name}-{}.jsonl", std::process::id()));
        let _ = std::fs::remove_file(&store);
        let (receiver, base) = spawn_receiver(&bin, &store, &dist, None);

        let port = free_port();
        let driver_bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let driver = Command::new(driver_bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let driver = Killed(driver);

        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": std::env::var("CHROME_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--no-first-run", "--window-size=1024,1400", "--lang=en-US"],
            }),
        );
        let deadline = Instant::now() + Duration::from_secs(20);
        let client = loop {
            match ClientBuilder::rustls()
                .expect("rustls")
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(c) => break c,
                Err(e) if Instant::now() < deadline => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(e) => panic!("chromedriver did not start: {e}"),
            }
        };
        Harness {
            client,
            base,
            store,
            dist,
            receiver,
            _driver: driver,
        }
    }

    fn spawn_receiver(&self, addr: Option<&str>) -> (Killed, String) {
        let bin = env_path("TICKET_CHECK_BIN", "target/debug/ticket-check");
        spawn_receiver(&bin, &self.store, &self.dist, addr)
    }

    async fn open(&self) {
        self.client.goto(&format!("{}/", self.base)).await.unwrap();
        self.wait_for(Locator::Css(".ltw-progress")).await;
    }

    async fn wait_for(&self, locator: Locator<'_>) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(locator)
            .await
            .unwrap_or_else(|e| panic!("element not found: {e}"))
    }

    async fn click_id(&self, id: &str) {
        self.wait_for(Locator::Id(id)).await.click().await.unwrap();
    }

    async fn click_button(&self, label: &str) {
        let xpath = format!("//button[normalize-space()='{label}']");
        self.wait_for(Locator::XPath(&xpath))
            .await
            .click()
            .await
            .unwrap();
    }

    async fn type_into(&self, id: &str, text: &str) {
        self.wait_for(Locator::Id(id))
            .await
            .send_keys(text)
            .await
            .unwrap();
    }

    async fn page_text(&self) -> String {
        self.client
            .find(Locator::Css(".ltw"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }

    async fn wait_for_text(&self, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if self.page_text().await.contains(needle) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{needle:?} never appeared in:\n{}",
                self.page_text().await
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    async fn reference(&self) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Ok(el) = self
                .client
                .find(Locator::Css("[data-testid=reference]"))
                .await
            {
                let text = el.text().await.unwrap_or_default();
                if !text.trim().is_empty() {
                    return text.trim().to_owned();
                }
            }
            assert!(
                Instant::now() < deadline,
                "no ticket reference shown:\n{}",
                self.page_text().await
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    async fn screenshot(&self, name: &str) {
        let dir = Path::new(ROOT).join("test-artifacts");
        let _ = std::fs::create_dir_all(&dir);
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(dir.join(format!("{name}.png")), png);
        }
    }

    fn stored(&self) -> Vec<serde_json::Value> {
        std::fs::read_to_string(&self.store)
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    async fn finish(self) {
        let _ = self.client.close().await;
        let _ = std::fs::remove_file(&self.store);
    }
}

const MTR: &str = "root@home:~# mtr -rwc 10 203.0.113.20
Start: 2026-11-24T21:03:11+0800
HOST: home-pc                 Loss%   Snt   Last   Avg  Best  Wrst StDev
  1.|-- 192.168.1.1               0.0%    10    0.8   0.9   0.7   1.2   0.1
  2.|-- 100.64.0.1                0.0%    10    3.1   3.4   2.9   4.8   0.5
  3.|-- 202.97.33.14              0.0%    10   28.4  29.1  27.9  31.0   0.9
  4.|-- 202.97.94.130            20.0%    10  301.2 298.7 290.4 310.9   6.1
  5.|-- 203.0.113.20             30.0%    10  305.8 303.2 296.1 312.4   5.2
";

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn routing_ticket_in_traditional_chinese_arrives_with_its_trace_summary() {
    let h = Harness::start("routing-zh").await;
    h.open().await;
    h.client
        .find(Locator::Css("button[lang='zh-Hant']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    h.wait_for_text("開立支援工單").await;
    h.click_id("ltw0-group-technical").await;
    h.click_id("ltw0-cat-technical-routing").await;
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
async fn english_inquiry_arrives_and_the_circumvention_dialog_records_consent() {
    let h = Harness::start("inquiry-en").await;
    h.open().await;
    h.client
        .find(Locator::Css("button[lang='en']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    h.wait_for_text("Open a support ticket").await;
    h.click_id("ltw0-group-inquiry").await;
    h.click_id("ltw0-cat-inquiry-plan").await;
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
async fn a_receiver_that_is_down_loses_nothing_and_try_again_sends_once() {
    let mut h = Harness::start("down").await;
    h.open().await;
    h.client
        .find(Locator::Css("button[lang='en']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    h.click_id("ltw0-group-inquiry").await;
    h.click_id("ltw0-cat-inquiry-price").await;
    h.click_button("Next").await;
    h.type_into("ltw0-email", "li@example.net").await;
    h.type_into("ltw0-subject", "Renewal price").await;
    h.type_into(
        "ltw0-message",
        "What will the renewal price be next year for my plan?",
    )
    .await;
    h.click_button("Next").await;

    // The page is loaded; now the receiver goes away.
    let _ = h.receiver.0.kill();
    let _ = h.receiver.0.wait();
    h.click_button("Submit ticket").await;
    h.wait_for_text("We could not reach the support server")
        .await;
    assert!(
        h.page_text()
            .await
            .contains("What will the renewal price be next year for my plan?")
    );
    h.screenshot("down-network-error").await;

    // Back on the same address: "Try again" sends the kept ticket, once.
    h.receiver = h
        .spawn_receiver(Some(h.base.trim_start_matches("http://")))
        .0;
    h.click_button("Try again").await;
    let reference = h.reference().await;
    let stored = h.stored();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0]["reference"], reference.as_str());
    assert_eq!(stored[0]["ticket"]["subject"], "Renewal price");
    h.finish().await;
}
