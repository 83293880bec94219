//! Timing of `policy::check` on a 10 KB ticket, run by hand:
//!
//! ```sh
//! CARGO_TARGET_DIR=/tmp/target-policy cargo test -p ticket-core --release \
//!     --test policy_timing -- --ignored --nocapture
//! ```

use std::time::Instant;
use ticket_core::policy;

/// A 10 KB ticket: mixed English and Chinese, a trace, some terms, a key.
fn ticket_10k() -> String {
    let parts = [
        "Hello support, my VPS in Hong Kong has high latency to Shanghai since yesterday. ",
        "去程走 CN2 回程走 163，晚上丟包嚴重，附上 MTR 報告。請幫忙檢查路由。 ",
        " 1. 10.0.0.1  0.0%  10  0.5  0.6  0.4  1.0  0.2\n 2. 203.0.113.1 20.0% 10 35.1 40.2 30.0 80.1 12.3\n",
        "I also run nginx as a reverse proxy and MySQL, and I tried V2Ray once. ",
        "root password: Hunter2!x please do not share. 我想問一下能不能搭梯子翻牆。 ",
        "The SSD plan and SSH access are fine; the address class is /29. 我在機場轉機。 ",
    ];
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 10 * 1024 {
        text.push_str(parts[i % parts.len()]);
        i += 1;
    }
    text
}

/// A 10 KB ticket as most are: prose and a trace, few findings.
fn plain_10k() -> String {
    let parts = [
        "Hello, since the maintenance last night my server cannot be reached from Guangzhou. ",
        "I rebooted it from the control panel twice and the console shows the login prompt. ",
        "您好，我的主機從昨晚開始無法連線，控制台重開機兩次後仍然一樣，請幫忙從後端檢查網路。 ",
        " 3. 202.97.12.34  0.0%  10  28.1  30.2  27.9  41.0  4.1\n",
        "请问是否需要我提供更多的路由追踪报告？谢谢。 ",
    ];
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 10 * 1024 {
        text.push_str(parts[i % parts.len()]);
        i += 1;
    }
    text
}

#[test]
#[ignore = "timing, run by hand in release"]
fn check_10k_timing() {
    time("dense", &ticket_10k());
    time("plain", &plain_10k());
}

fn time(name: &str, text: &str) {
    let report = policy::check(text); // warm up (term tables are built once)
    let runs = 2000;
    let start = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(policy::check(std::hint::black_box(text)));
    }
    let per = start.elapsed() / runs;
    println!(
        "policy::check on a {name} {} byte ticket: {per:?} per call ({} circumvention, {} out-of-scope, {} secrets)",
        text.len(),
        report.circumvention.len(),
        report.out_of_scope.len(),
        report.secrets.len()
    );
}
