//! The end-to-end harness shared by `tests/e2e.rs` and `tests/embed.rs`: the
//! release build served by the reference receiver (`ticket-check serve
//! --static dist`), and headless Chromium driven through chromedriver.
//!
//! Needs a built `dist/` and `ticket-check`; `scripts/test` prepares both.

// Each test file uses its own part of the harness.
#![allow(dead_code)]

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value as Json, json};
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// What a strict host page allows: no inline script or style, WebAssembly
/// compilation, and requests only to its own origin.
pub const STRICT_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
                              style-src 'self'; connect-src 'self'";

pub const DESKTOP: (u32, u32) = (1024, 1400);

pub const MTR: &str = "root@home:~# mtr -rwc 10 203.0.113.20
Start: 2026-11-24T21:03:11+0800
HOST: home-pc                 Loss%   Snt   Last   Avg  Best  Wrst StDev
  1.|-- 192.168.1.1               0.0%    10    0.8   0.9   0.7   1.2   0.1
  2.|-- 100.64.0.1                0.0%    10    3.1   3.4   2.9   4.8   0.5
  3.|-- 202.97.33.14              0.0%    10   28.4  29.1  27.9  31.0   0.9
  4.|-- 202.97.94.130            20.0%    10  301.2 298.7 290.4 310.9   6.1
  5.|-- 203.0.113.20             30.0%    10  305.8 303.2 296.1 312.4   5.2
";

/// Installed before any page script runs (through the DevTools protocol,
/// which the page's CSP does not govern), so nothing is missed: CSP
/// violations, the widget's events and console errors.
const RECORDER: &str = r#"
window.__ltw = { csp: [], events: [], errors: [] };
document.addEventListener('securitypolicyviolation', (e) => {
  window.__ltw.csp.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
});
for (const name of ['ticket-widget:ready', 'ticket-widget:submitted', 'ticket-widget:error']) {
  document.addEventListener(name, (e) => {
    window.__ltw.events.push({ type: e.type, target: e.target.id || '', detail: e.detail });
  });
}
const consoleError = console.error.bind(console);
console.error = (...args) => {
  window.__ltw.errors.push(args.map(String).join(' '));
  consoleError(...args);
};
"#;

pub fn env_path(var: &str, default: &str) -> PathBuf {
    std::env::var_os(var).map_or_else(|| Path::new(ROOT).join(default), PathBuf::from)
}

pub struct Killed(pub Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[derive(Default)]
pub struct Options {
    /// Sent as the Content-Security-Policy of every static file.
    pub csp: Option<&'static str>,
}

/// More `ticket-check serve` options (`--pow-bits 12`, `--min-fill-ms 8000`).
pub type ReceiverArgs = &'static [&'static str];

pub struct Harness {
    pub client: Client,
    pub base: String,
    pub store: PathBuf,
    pub dist: PathBuf,
    pub receiver: Killed,
    options: Options,
    receiver_args: ReceiverArgs,
    _driver: Killed,
}

/// Starts `ticket-check serve` and returns it with its base URL.
pub fn spawn_receiver(
    bin: &Path,
    store: &Path,
    dist: &Path,
    addr: Option<&str>,
    options: &Options,
) -> (Killed, String) {
    spawn_receiver_with(bin, store, dist, addr, options, &[])
}

/// The same, with more options for the receiver.
pub fn spawn_receiver_with(
    bin: &Path,
    store: &Path,
    dist: &Path,
    addr: Option<&str>,
    options: &Options,
    receiver_args: ReceiverArgs,
) -> (Killed, String) {
    let mut command = Command::new(bin);
    command
        .args([
            "serve",
            "--enable-fault-control",
            "--addr",
            addr.unwrap_or("127.0.0.1:0"),
            "--store",
        ])
        .arg(store)
        .arg("--static")
        .arg(dist);
    if let Some(csp) = options.csp {
        command.args(["--csp", csp]);
    }
    // A script fills in the form faster than any person: the minimum fill
    // time is off unless a test asks for it (tests/abuse.rs does).
    command.args(["--min-fill-ms", "0"]);
    command.args(receiver_args);
    let mut receiver = command
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

/// chromedriver on a free local port, and the URL to reach it.
pub fn spawn_chromedriver() -> (Killed, String) {
    let port = free_port();
    let driver_bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
    let driver = Command::new(driver_bin)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    (Killed(driver), format!("http://127.0.0.1:{port}"))
}

/// A new headless Chromium session with an empty profile, retried while
/// chromedriver is still starting.
pub async fn connect_browser(driver_url: &str) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": std::env::var("CHROME_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into()),
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run",
                     format!("--window-size={},{}", DESKTOP.0, DESKTOP.1), "--lang=en-US"],
        }),
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        match ClientBuilder::new(HttpConnector::new())
            .capabilities(caps.clone())
            .connect(driver_url)
            .await
        {
            Ok(c) => return c,
            Err(e) if Instant::now() < deadline => {
                let _ = e;
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            Err(e) => panic!("chromedriver did not start: {e}"),
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A DevTools protocol command, through chromedriver's `goog/cdp/execute`.
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: Json,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session = session_id.unwrap_or_default();
        base_url.join(&format!("session/{session}/goog/cdp/execute"))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// Runs one DevTools protocol command in the browser's current tab.
pub async fn cdp(client: &Client, cmd: &'static str, params: Json) -> Json {
    client
        .issue_cmd(Cdp { cmd, params })
        .await
        .unwrap_or_else(|e| panic!("{cmd}: {e}"))
}

impl Harness {
    pub async fn start(name: &str) -> Harness {
        Harness::start_with(name, Options::default()).await
    }

    pub async fn start_with(name: &str, options: Options) -> Harness {
        Harness::start_full(name, options, &[]).await
    }

    /// With more options for the receiver.
    pub async fn start_receiving(name: &str, receiver_args: ReceiverArgs) -> Harness {
        Harness::start_full(name, Options::default(), receiver_args).await
    }

    async fn start_full(name: &str, options: Options, receiver_args: ReceiverArgs) -> Harness {
        let dist = env_path("TICKET_WIDGET_DIST", "dist");
        assert!(
            dist.join("index.html").exists() && dist.join("ticket-widget.js").exists(),
            "no {}/index.html or ticket-widget.js: run `trunk build --release` (scripts/test does)",
            dist.display()
        );
        let bin = env_path("TICKET_CHECK_BIN", "target/debug/ticket-check");
        assert!(
            bin.exists(),
            "no {}: run `cargo build -p ticket-check` (scripts/test does)",
            bin.display()
        );

        let store = std::env::temp_dir().join(format!("e2e-{name}-{}.db", std::process::id()));
        remove_store(&store);
        let (receiver, base) =
            spawn_receiver_with(&bin, &store, &dist, None, &options, receiver_args);

        let (driver, driver_url) = spawn_chromedriver();
        let client = connect_browser(&driver_url).await;
        let harness = Harness {
            client,
            base,
            store,
            dist,
            receiver,
            options,
            receiver_args,
            _driver: driver,
        };
        harness
            .cdp(
                "Page.addScriptToEvaluateOnNewDocument",
                json!({ "source": RECORDER }),
            )
            .await;
        harness
    }

    pub fn spawn_receiver(&self, addr: Option<&str>) -> (Killed, String) {
        let bin = env_path("TICKET_CHECK_BIN", "target/debug/ticket-check");
        spawn_receiver_with(
            &bin,
            &self.store,
            &self.dist,
            addr,
            &self.options,
            self.receiver_args,
        )
    }

    /// Everything the receiver stored, tickets and uploaded files, gone
    /// (as after a lost disk); stop the receiver first.
    pub fn wipe_store(&self) {
        remove_store(&self.store);
        let mut files = self.store.as_os_str().to_owned();
        files.push(".files");
        let _ = std::fs::remove_dir_all(&files);
        assert!(
            !Path::new(&files).exists() && !self.store.exists(),
            "the store is still there"
        );
    }

    pub async fn cdp(&self, cmd: &'static str, params: Json) -> Json {
        cdp(&self.client, cmd, params).await
    }

    /// Opens the demo page and waits for the widget.
    pub async fn open(&self) {
        self.open_page("/").await;
    }

    pub async fn open_page(&self, path: &str) {
        self.client
            .goto(&format!("{}{path}", self.base))
            .await
            .unwrap();
        self.wait_for(Locator::Css(".ltw-progress, .ltw-config"))
            .await;
        self.wait_until_interactive().await;
    }

    /// Until the widgets found are mounted (the loader's `ltw-mounted`
    /// mark): a prerendered first step is on screen long before it works.
    pub async fn wait_until_interactive(&self) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while self
            .execute(
                "return performance.getEntriesByName('ltw-mounted').length;",
                vec![],
            )
            .await
            == json!(0)
        {
            assert!(
                Instant::now() < deadline,
                "the widget never became interactive"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn wait_for(&self, locator: Locator<'_>) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(locator)
            .await
            .unwrap_or_else(|e| panic!("element not found: {e}"))
    }

    pub async fn click_id(&self, id: &str) {
        self.wait_for(Locator::Id(id)).await.click().await.unwrap();
    }

    pub async fn click_css(&self, css: &str) {
        self.wait_for(Locator::Css(css))
            .await
            .click()
            .await
            .unwrap();
    }

    pub async fn click_button(&self, label: &str) {
        let xpath = format!("//button[normalize-space()='{label}']");
        self.wait_for(Locator::XPath(&xpath))
            .await
            .click()
            .await
            .unwrap();
    }

    pub async fn type_into(&self, id: &str, text: &str) {
        self.wait_for(Locator::Id(id))
            .await
            .send_keys(text)
            .await
            .unwrap();
    }

    pub async fn page_text(&self) -> String {
        self.text_of(".ltw").await
    }

    pub async fn text_of(&self, css: &str) -> String {
        match self.client.find(Locator::Css(css)).await {
            Ok(el) => el.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    pub async fn wait_for_text(&self, needle: &str) {
        self.wait_for_text_in(".ltw", needle).await;
    }

    pub async fn wait_for_text_in(&self, css: &str, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if self.text_of(css).await.contains(needle) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{needle:?} never appeared in {css}:\n{}",
                self.text_of(css).await
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn reference(&self) -> String {
        self.reference_in(".ltw").await
    }

    /// Sets the receiver's injected faults (`POST /__faults`).
    pub fn faults(&self, settings: Json) {
        use std::io::{Read, Write};
        let body = settings.to_string();
        let mut stream =
            std::net::TcpStream::connect(self.base.trim_start_matches("http://")).unwrap();
        write!(
            stream,
            "POST /__faults HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        assert!(
            answer.starts_with("HTTP/1.1 200"),
            "faults not set: {answer}"
        );
    }

    /// The idempotency key of the draft the widget keeps in localStorage.
    pub async fn draft_key(&self) -> String {
        let value = self
            .execute(
                "for (let i = 0; i < localStorage.length; i++) {
                   const k = localStorage.key(i);
                   if (k.startsWith('ticket-widget.draft:')) return JSON.parse(localStorage.getItem(k)).idempotency_key;
                 }
                 return null;",
                vec![],
            )
            .await;
        value.as_str().unwrap_or_default().to_owned()
    }

    pub async fn value_of(&self, id: &str) -> String {
        let el = self.wait_for(Locator::Id(id)).await;
        el.prop("value").await.unwrap().unwrap_or_default()
    }

    /// Clicks the language button named in its own language (`en`, `zh-Hant`).
    pub async fn switch_language(&self, tag: &str) {
        self.click_css(&format!("button[lang='{tag}']")).await;
    }

    /// Picks a category of the first widget, its group first (`inquiry.price`).
    pub async fn choose(&self, category: &str) {
        let group = category.split('.').next().unwrap_or_default();
        self.click_id(&format!("ltw0-group-{group}")).await;
        self.click_id(&format!("ltw0-cat-{}", category.replace('.', "-")))
            .await;
    }

    /// An English price inquiry, filled in and on the review step.
    pub async fn fill_inquiry(&self, subject: &str) {
        self.switch_language("en").await;
        self.choose("inquiry.price").await;
        self.click_button("Next").await;
        self.type_into("ltw0-email", "li@example.net").await;
        self.type_into("ltw0-subject", subject).await;
        self.type_into(
            "ltw0-message",
            "What will the renewal price be next year for my plan?",
        )
        .await;
        self.click_button("Next").await;
        self.wait_for_text("This is exactly what will be sent")
            .await;
    }

    pub async fn reference_in(&self, widget: &str) -> String {
        let css = format!("{widget} [data-testid=reference]");
        // Long enough for a few automatic retries with backoff.
        let deadline = Instant::now() + Duration::from_secs(40);
        loop {
            let text = self.text_of(&css).await;
            if !text.trim().is_empty() {
                return text.trim().to_owned();
            }
            assert!(
                Instant::now() < deadline,
                "no ticket reference shown:\n{}",
                self.text_of(widget).await
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn execute(&self, script: &str, args: Vec<Json>) -> Json {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// What the recorder saw since the page loaded: `csp`, `events`, `errors`.
    pub async fn recorded(&self, what: &str) -> Vec<Json> {
        let got = self
            .execute("return window.__ltw[arguments[0]];", vec![json!(what)])
            .await;
        got.as_array().cloned().unwrap_or_default()
    }

    pub async fn wait_for_event(&self, kind: &str, target: &str) -> Json {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let events = self.recorded("events").await;
            if let Some(e) = events
                .iter()
                .find(|e| e["type"] == kind && e["target"] == target)
            {
                return e["detail"].clone();
            }
            assert!(
                Instant::now() < deadline,
                "no {kind} event on #{target}; saw {events:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Presses and releases one key, as the keyboard would (not typed into
    /// a given element): focus goes wherever the page sends it.
    pub async fn press(&self, key: Key) {
        self.press_with(None, key).await;
    }

    pub async fn press_with(&self, modifier: Option<Key>, key: Key) {
        let mut actions = KeyActions::new("keyboard".into());
        if let Some(m) = modifier {
            actions = actions.then(KeyAction::Down { value: m.into() });
        }
        actions = actions
            .then(KeyAction::Down { value: key.into() })
            .then(KeyAction::Up { value: key.into() });
        if let Some(m) = modifier {
            actions = actions.then(KeyAction::Up { value: m.into() });
        }
        self.client.perform_actions(actions).await.unwrap();
    }

    /// Types text with the keyboard into whatever has focus.
    pub async fn type_text(&self, text: &str) {
        let mut actions = KeyActions::new("keyboard".into());
        for c in text.chars() {
            actions = actions
                .then(KeyAction::Down { value: c })
                .then(KeyAction::Up { value: c });
        }
        self.client.perform_actions(actions).await.unwrap();
    }

    pub async fn focused_matches(&self, css: &str) -> bool {
        self.execute(
            "const a = document.activeElement; return !!a && a.matches(arguments[0]);",
            vec![json!(css)],
        )
        .await
        .as_bool()
        .unwrap_or(false)
    }

    pub async fn wait_for_focus(&self, css: &str) {
        let deadline = Instant::now() + Duration::from_secs(5);
        while !self.focused_matches(css).await {
            assert!(Instant::now() < deadline, "{css} never got focus");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Tabs (or Shift-Tabs) until the focused element matches `css`.
    pub async fn tab_to(&self, css: &str, backwards: bool) {
        for _ in 0..60 {
            if self.focused_matches(css).await {
                return;
            }
            let modifier = backwards.then_some(Key::Shift);
            self.press_with(modifier, Key::Tab).await;
        }
        let focused = self
            .execute(
                "return document.activeElement.outerHTML.slice(0, 200);",
                vec![],
            )
            .await;
        panic!("Tab never reached {css}; focus is on {focused}");
    }

    /// Layout width (and height) as a phone or a desktop would have it.
    pub async fn viewport(&self, width: u32, height: u32) {
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false }),
        )
        .await;
    }

    /// The dark or light theme. Reduced motion as well: the widget's colour
    /// transitions would otherwise be measured halfway through.
    pub async fn dark(&self, dark: bool) {
        let scheme = if dark { "dark" } else { "light" };
        let features = json!([
            { "name": "prefers-color-scheme", "value": scheme },
            { "name": "prefers-reduced-motion", "value": "reduce" },
        ]);
        self.cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": features }),
        )
        .await;
    }

    /// axe-core's WCAG 2.2 A/AA and best-practice violations on the page,
    /// one line per violation with its elements.
    pub async fn axe(&self) -> Vec<String> {
        let loaded = self
            .execute("return typeof axe === 'object';", vec![])
            .await;
        if loaded != json!(true) {
            let path = Path::new(ROOT).join("node_modules/axe-core/axe.min.js");
            let source = std::fs::read_to_string(&path).unwrap_or_else(|e| {
                panic!(
                    "{}: {e} (scripts/setup installs axe-core with npm ci)",
                    path.display()
                )
            });
            self.execute(&source, vec![]).await;
        }
        let result = self
            .client
            .execute_async(
                r#"
const done = arguments[arguments.length - 1];
axe.run(document, {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  resultTypes: ['violations'],
}).then((r) => done(r.violations.map((v) =>
  `${v.id} (${v.impact}): ${v.help}\n` +
  v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`).join('\n'))))
  .catch((e) => done([`axe failed: ${e}`]));
"#,
                vec![],
            )
            .await
            .expect("axe.run");
        strings(&result)
    }

    /// Anything wider than the viewport: the page, a widget, or an element
    /// inside a widget sticking out of it (scrolling boxes excepted).
    pub async fn overflow(&self) -> Vec<String> {
        let found = self
            .execute(
                r#"
const out = [];
const doc = document.documentElement;
if (doc.scrollWidth > innerWidth) out.push(`page is ${doc.scrollWidth}px wide in a ${innerWidth}px viewport`);
for (const w of document.querySelectorAll('.ltw')) {
  const box = w.getBoundingClientRect();
  if (w.scrollWidth > w.clientWidth) out.push(`widget scrolls: ${w.scrollWidth}px in ${w.clientWidth}px`);
  if (box.right > innerWidth + 0.5) out.push(`widget ends at ${box.right}px`);
  for (const el of w.querySelectorAll('*')) {
    if (el.closest('.ltw-table-wrap, .ltw-pre, .ltw-raw pre, dialog')) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > box.right + 0.5) {
      out.push(`${el.tagName.toLowerCase()}.${el.className} ends at ${Math.round(r.right)}px, widget at ${Math.round(box.right)}px`);
    }
  }
}
return out;
"#,
                vec![],
            )
            .await;
        strings(&found)
    }

    pub async fn screenshot(&self, name: &str) {
        let dir = Path::new(ROOT).join("test-artifacts");
        let _ = std::fs::create_dir_all(&dir);
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(dir.join(format!("{name}.png")), png);
        }
    }

    /// A screenshot of the whole page at `width`: the viewport is made as
    /// tall as the page first.
    pub async fn full_screenshot(&self, name: &str, width: u32) {
        self.viewport(width, DESKTOP.1).await;
        let height = self
            .execute(
                "return Math.ceil(document.documentElement.scrollHeight);",
                vec![],
            )
            .await
            .as_u64()
            .unwrap_or(u64::from(DESKTOP.1))
            .clamp(400, 6000) as u32;
        self.viewport(width, height).await;
        self.screenshot(name).await;
        self.viewport(width, DESKTOP.1).await;
    }

    /// Every stored ticket, oldest first, as `ticket-check export` writes
    /// them (one JSON object per ticket).
    pub fn stored(&self) -> Vec<serde_json::Value> {
        let bin = env_path("TICKET_CHECK_BIN", "target/debug/ticket-check");
        let out = Command::new(bin)
            .arg("export")
            .arg("--store")
            .arg(&self.store)
            .output()
            .expect("run ticket-check export");
        if !out.status.success() {
            // No store yet: the receiver has not started (or not stored).
            return Vec::new();
        }
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    pub async fn finish(self) {
        let _ = self.client.close().await;
        remove_store(&self.store);
        let mut files = self.store.as_os_str().to_owned();
        files.push(".files");
        let _ = std::fs::remove_dir_all(files);
    }
}

/// The receiver's SQLite file and its WAL companions.
fn remove_store(store: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut path = store.as_os_str().to_owned();
        path.push(suffix);
        let _ = std::fs::remove_file(path);
    }
}

/// The strings in a JSON array a page script returned (anything else: none).
fn strings(value: &Json) -> Vec<String> {
    value
        .as_array()
        .map(|v| {
            v.iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}
