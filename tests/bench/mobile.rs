//! Page loads under Lighthouse's mobile profile, set through the DevTools
//! protocol (chromedriver's `goog/cdp/execute`): what a customer on a slow
//! phone over a poor mobile network waits for, the widget's demo page against
//! the same page with a plain HTML form.
//!
//! - cold: a fresh browser (new profile, empty caches) per load;
//! - warm: one browser per page, primed by one load, then each load a new
//!   navigation from `about:blank` (the HTTP cache and V8's code cache help,
//!   as for a customer coming back).
//!
//! Per load: the first form control in the DOM, the `ltw-mounted` mark (the
//! widget is interactive; the plain page sets it after its form), script
//! time (`Performance.getMetrics` ScriptDuration), bytes transferred
//! (navigation and resource `transferSize`) and the host page's layout
//! shift while it loads (buffered `layout-shift` entries, CLS).

use crate::common::{cdp, connect_browser};
use fantoccini::Client;
use serde_json::{Value, json};

/// Lighthouse's mobile profile (its DevTools throttling figures).
const LATENCY_MS: f64 = 562.5;
const DOWNLOAD_BYTES_PER_S: u64 = 188_743;
const UPLOAD_BYTES_PER_S: u64 = 86_400;
const CPU_SLOWDOWN: u64 = 4;
const VIEWPORT: (u32, u32) = (412, 823);

/// The goals of the performance issue.
const FORM_READY_RATIO_GOAL: f64 = 2.0;
const SCRIPT_GOAL_MS: f64 = 50.0;
const WARM_RATIO_GOAL: f64 = 1.2;

/// Installed before any page script: layout shifts and the moment the first
/// form control (of the widget, or of the plain form) is in the DOM.
const OBSERVER_JS: &str = r#"
(() => {
  const w = (window.__bench = { cls: 0, shifts: [], control: null });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        w.cls += e.value;
        w.shifts.push([Math.round(e.startTime), e.value,
          e.sources.map((s) => s.node ? (s.node.nodeName + '.' + (s.node.className || '')) : '?').join(' ')]);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (e) {}
  const controls = '[data-ticket-widget] :is(input, select, textarea, button), form :is(input, select, textarea, button)';
  const seen = new MutationObserver(() => {
    if (w.control === null && document.querySelector(controls)) {
      w.control = performance.now();
      seen.disconnect();
    }
  });
  seen.observe(document, { childList: true, subtree: true });
})();
"#;

/// Waits for `ltw-mounted` and the load event, lets late layout shifts
/// land, then reads what the observer saw and what was transferred.
const COLLECT_JS: &str = r#"
const done = arguments[arguments.length - 1];
const started = performance.now();
(function poll() {
  const mounted = performance.getEntriesByName('ltw-mounted')[0];
  if (!mounted || document.readyState !== 'complete' || !window.__bench || window.__bench.control === null) {
    if (performance.now() - started > 60000) return done({ error: 'no ltw-mounted mark or no form control' });
    return setTimeout(poll, 10);
  }
  setTimeout(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource');
    done({
      control: window.__bench.control,
      mounted: mounted.startTime,
      cls: window.__bench.cls,
      shifts: window.__bench.shifts,
      bytes: nav.transferSize + res.reduce((n, r) => n + r.transferSize, 0),
      files: [[new URL(nav.name).pathname, 'navigation', Math.round(nav.startTime), Math.round(nav.responseEnd), nav.transferSize]]
        .concat(res.map((r) => [new URL(r.name).pathname, r.initiatorType, Math.round(r.startTime), Math.round(r.responseEnd), r.transferSize])),
    });
  }, 500);
})();
"#;

/// A browser with the mobile profile set on its tab.
async fn mobile_browser(driver: &str) -> Client {
    let client = connect_browser(driver).await;
    cdp(&client, "Network.enable", json!({})).await;
    cdp(
        &client,
        "Network.emulateNetworkConditions",
        json!({
            "offline": false,
            "latency": LATENCY_MS,
            "downloadThroughput": DOWNLOAD_BYTES_PER_S,
            "uploadThroughput": UPLOAD_BYTES_PER_S,
        }),
    )
    .await;
    cdp(
        &client,
        "Emulation.setCPUThrottlingRate",
        json!({ "rate": CPU_SLOWDOWN }),
    )
    .await;
    cdp(
        &client,
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": VIEWPORT.0, "height": VIEWPORT.1, "deviceScaleFactor": 1.75, "mobile": true }),
    )
    .await;
    cdp(&client, "Performance.enable", json!({})).await;
    cdp(
        &client,
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": OBSERVER_JS }),
    )
    .await;
    client
}

/// The renderer's script time so far, in ms.
async fn script_ms(client: &Client) -> f64 {
    let metrics = cdp(client, "Performance.getMetrics", json!({})).await;
    metrics["metrics"]
        .as_array()
        .and_then(|m| m.iter().find(|m| m["name"] == "ScriptDuration"))
        .and_then(|m| m["value"].as_f64())
        .map_or(0.0, |s| s * 1000.0)
}

/// One load of `url` in `client`; the script time is the difference of the
/// renderer's counter around it.
async fn load(client: &Client, url: &str) -> Value {
    let before = script_ms(client).await;
    client.goto(url).await.unwrap();
    let mut load = client.execute_async(COLLECT_JS, vec![]).await.unwrap();
    assert!(load.get("error").is_none(), "{url}: {}", load["error"]);
    load["script"] = json!(script_ms(client).await - before);
    load
}

async fn cold(driver: &str, url: &str) -> Value {
    let client = mobile_browser(driver).await;
    let load = load(&client, url).await;
    let _ = client.close().await;
    load
}

async fn warm(driver: &str, url: &str, loads: usize) -> Vec<Value> {
    let client = mobile_browser(driver).await;
    load(&client, url).await;
    let mut out = Vec::new();
    for _ in 0..loads {
        client.goto("about:blank").await.unwrap();
        out.push(load(&client, url).await);
    }
    let _ = client.close().await;
    out
}

fn median(loads: &[Value], key: &str) -> f64 {
    let mut xs: Vec<f64> = loads.iter().filter_map(|l| l[key].as_f64()).collect();
    assert!(!xs.is_empty(), "no {key}");
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn row(what: &str, unit: &str, page: f64, plain: f64) {
    let ratio = if plain > 0.0 {
        format!("{:.2}×", page / plain)
    } else {
        "—".into()
    };
    println!("BENCH mobile  {what:<34} {page:>10.1} {plain:>10.1} {unit:<3} {ratio:>7}");
}

fn verdict(ok: bool, what: String) {
    println!("{}  {what}", if ok { "PASS" } else { "FAIL" });
}

/// Runs the cold and warm series of each widget page in `pages` (`/` first)
/// against `/baseline.html`, and prints the medians side by side.
pub async fn run(driver: &str, base: &str, pages: &[String], loads: usize) {
    let plain_url = format!("{base}/baseline.html");
    let mut cold_loads: Vec<Vec<Value>> = vec![Vec::new(); pages.len()];
    let mut plain = Vec::new();
    // Interleaved, so that the machine's load hits every page alike.
    for _ in 0..loads {
        for (i, page) in pages.iter().enumerate() {
            cold_loads[i].push(cold(driver, &format!("{base}{page}")).await);
        }
        plain.push(cold(driver, &plain_url).await);
    }
    let plain_warm = warm(driver, &plain_url, loads).await;
    if std::env::var_os("BENCH_VERBOSE").is_some() {
        for load in cold_loads.iter().flatten().chain(&plain) {
            println!("{load}");
        }
    }
    println!();
    println!(
        "BENCH mobile  Lighthouse mobile profile: {LATENCY_MS} ms latency, {DOWNLOAD_BYTES_PER_S} B/s down, \
         {UPLOAD_BYTES_PER_S} B/s up, {CPU_SLOWDOWN}× CPU, {}×{}; medians of {loads} loads",
        VIEWPORT.0, VIEWPORT.1
    );
    for (page, cold) in pages.iter().zip(&cold_loads) {
        let warm = warm(driver, &format!("{base}{page}"), loads).await;
        println!(
            "BENCH mobile  {:<34} {:>10} {:>10} {:<3} {:>7}",
            format!("page {page}"),
            "widget",
            "plain",
            "",
            "ratio"
        );
        let control = (median(cold, "control"), median(&plain, "control"));
        let mounted = (median(cold, "mounted"), median(&plain, "mounted"));
        let script = (median(cold, "script"), median(&plain, "script"));
        let cls = median(cold, "cls");
        let warm_mounted = (median(&warm, "mounted"), median(&plain_warm, "mounted"));
        row("cold: first form control", "ms", control.0, control.1);
        row(
            "cold: interactive (ltw-mounted)",
            "ms",
            mounted.0,
            mounted.1,
        );
        row("cold: script time", "ms", script.0, script.1);
        row(
            "cold: bytes transferred",
            "B",
            median(cold, "bytes"),
            median(&plain, "bytes"),
        );
        row("cold: CLS while loading", "", cls, median(&plain, "cls"));
        row(
            "warm: first form control",
            "ms",
            median(&warm, "control"),
            median(&plain_warm, "control"),
        );
        row("warm: interactive", "ms", warm_mounted.0, warm_mounted.1);
        row(
            "warm: script time",
            "ms",
            median(&warm, "script"),
            median(&plain_warm, "script"),
        );
        row(
            "warm: bytes transferred",
            "B",
            median(&warm, "bytes"),
            median(&plain_warm, "bytes"),
        );
        let worst_cls = cold
            .iter()
            .filter_map(|l| l["cls"].as_f64())
            .fold(0.0, f64::max);
        // Two readings of "form ready": the first step on screen with its
        // topic groups choosable (prerendered, before the wasm), and the
        // whole widget working (`ltw-mounted`).
        verdict(
            control.0 <= FORM_READY_RATIO_GOAL * control.1,
            format!(
                "{page}: form shown, groups choosable ≤ {FORM_READY_RATIO_GOAL}× the plain form (cold, median): {:.2}×",
                control.0 / control.1
            ),
        );
        verdict(
            mounted.0 <= FORM_READY_RATIO_GOAL * mounted.1,
            format!(
                "{page}: form interactive ≤ {FORM_READY_RATIO_GOAL}× the plain form (cold, median): {:.2}×",
                mounted.0 / mounted.1
            ),
        );
        verdict(
            script.0 <= SCRIPT_GOAL_MS,
            format!(
                "{page}: script time ≤ {SCRIPT_GOAL_MS} ms (cold, median): {:.1} ms",
                script.0
            ),
        );
        let warm_control = (median(&warm, "control"), median(&plain_warm, "control"));
        verdict(
            warm_control.0 <= WARM_RATIO_GOAL * warm_control.1,
            format!(
                "{page}: warm load, form shown ≤ {WARM_RATIO_GOAL}× the plain form (median): {:.2}×",
                warm_control.0 / warm_control.1
            ),
        );
        verdict(
            warm_mounted.0 <= WARM_RATIO_GOAL * warm_mounted.1,
            format!(
                "{page}: warm load, interactive ≤ {WARM_RATIO_GOAL}× the plain form (median): {:.2}×",
                warm_mounted.0 / warm_mounted.1
            ),
        );
        verdict(
            worst_cls == 0.0,
            format!("{page}: CLS 0 while loading (worst of {loads}): {worst_cls:.4}"),
        );
    }
}
