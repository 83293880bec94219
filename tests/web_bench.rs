//! ticket-core's checks timed inside headless Chromium, in the widget's
//! release profile (no wasm-opt pass, so slightly pessimistic). Run by
//! `scripts/bench`, not by `scripts/test`:
//!
//! ```sh
//! cargo test -p ticket-widget --target wasm32-unknown-unknown --profile release \
//!     --test web_bench -- --nocapture
//! ```

#![cfg(target_arch = "wasm32")]

#[path = "../core/benches/inputs/mod.rs"]
mod inputs;

use std::hint::black_box;
use ticket_core::{ip, policy, trace};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance)]
    fn now() -> f64;
}

/// Median time of one call in µs. Without cross-origin isolation the
/// browser's clock ticks in 100 µs steps, so calls are timed in batches of
/// at least 5 ms.
fn time_us<R>(mut f: impl FnMut() -> R) -> f64 {
    black_box(f());
    let mut batch = 1u32;
    loop {
        let start = now();
        for _ in 0..batch {
            black_box(f());
        }
        if now() - start >= 5.0 || batch >= 1 << 24 {
            break;
        }
        batch *= 2;
    }
    let mut samples: Vec<f64> = (0..21)
        .map(|_| {
            let start = now();
            for _ in 0..batch {
                black_box(f());
            }
            (now() - start) * 1000.0 / f64::from(batch)
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn report(name: &str, us: f64, budget_us: Option<f64>) {
    console_log!("BENCH wasm  {name:<40} {us:>10.2} µs");
    if let Some(budget) = budget_us {
        let verdict = if us <= budget { "PASS" } else { "FAIL" };
        console_log!("{verdict}  wasm {name}: {us:.1} µs (budget {budget} µs)");
    }
}

#[wasm_bindgen_test]
fn core_checks_in_the_browser() {
    let mtr30 = inputs::mtr_report(30);
    let paste = inputs::mtr_report_of_len(1000);
    let huge = inputs::paste_1mb();
    let message = inputs::message_10k();
    assert_eq!(trace::parse(&mtr30).map(|s| s.hop_count), Ok(30));
    assert_eq!(policy::circumvention_terms(&message).len(), 1);

    let us = time_us(|| trace::parse(black_box(&mtr30)));
    report("trace::parse, 30-hop mtr report", us, Some(1000.0));
    let us = time_us(|| trace::parse(black_box(&paste)));
    report(
        &format!("trace::parse, {}-char paste", paste.len()),
        us,
        None,
    );
    let us = time_us(|| trace::parse(black_box(&huge)));
    report("trace::parse, 1 MB paste (refused)", us, None);
    let us = time_us(|| policy::circumvention_terms(black_box(&message)));
    report("policy::circumvention_terms, 10 KB", us, Some(1000.0));
    let us = time_us(|| policy::check(black_box(&message)));
    report("policy::check (all rules), 10 KB", us, Some(1000.0));
    for addr in inputs::IPS {
        let us = time_us(|| ip::check_ip(black_box(addr)));
        report(&format!("ip::check_ip {addr}"), us, None);
    }
}
