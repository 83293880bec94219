//! Native timings of the checks the widget runs as the customer types.
//! `cargo bench -p ticket-core --bench core` (scripts/bench runs it). The
//! release profile is the widget's (`opt-level = "z"`), so these figures are
//! conservative for the receiver.

mod inputs;

use divan::{Bencher, black_box};
use ticket_core::{ip, policy, trace};

fn main() {
    divan::main();
}

#[divan::bench]
fn trace_parse_mtr_30_hops(b: Bencher) {
    let text = inputs::mtr_report(30);
    assert_eq!(trace::parse(&text).map(|s| s.hop_count), Ok(30));
    b.bench(|| trace::parse(black_box(&text)));
}

#[divan::bench]
fn trace_parse_paste_1000_chars(b: Bencher) {
    let text = inputs::mtr_report_of_len(1000);
    assert!(trace::parse(&text).is_ok());
    b.bench(|| trace::parse(black_box(&text)));
}

#[divan::bench]
fn trace_refuse_1mb_paste(b: Bencher) {
    let text = inputs::paste_1mb();
    assert_eq!(
        trace::parse(&text).map(|s| s.hop_count),
        Err(trace::NotATrace::TooLarge)
    );
    b.bench(|| trace::parse(black_box(&text)));
}

/// What the widget runs on every keystroke in the free text.
#[divan::bench]
fn policy_circumvention_10kb(b: Bencher) {
    let text = inputs::message_10k();
    assert_eq!(policy::circumvention_terms(&text).len(), 1);
    b.bench(|| policy::circumvention_terms(black_box(&text)));
}

/// What the receiver runs once per ticket.
#[divan::bench]
fn policy_check_10kb(b: Bencher) {
    let text = inputs::message_10k();
    b.bench(|| policy::check(black_box(&text)));
}

#[divan::bench(args = inputs::IPS)]
fn ip_check(b: Bencher, input: &str) {
    b.bench(|| ip::check_ip(black_box(input)));
}
