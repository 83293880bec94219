//! Benchmark inputs, shared by the native benches (`core/benches/core.rs`),
//! the in-browser ones (`tests/web_bench.rs`) and the page harness
//! (`tests/bench.rs`), so every figure is taken on the same text.

#![allow(dead_code)]

/// An `mtr --report` of `hops` hops as customers paste it, prompt included;
/// loss starts two hops before the end and the middle is slow.
pub fn mtr_report(hops: usize) -> String {
    let mut out = String::from(
        "root@hk-vps:~# mtr -rwc 10 203.0.113.20\n\
         Start: 2026-11-24T21:03:11+0800\n\
         HOST: hk-vps                     Loss%   Snt   Last   Avg  Best  Wrst StDev\n",
    );
    for i in 1..=hops {
        let host = if i == hops {
            "203.0.113.20".to_owned()
        } else {
            format!("202.97.{}.{}", i * 7 % 250, i * 13 % 250)
        };
        let loss = if i + 2 > hops { 20.0 } else { 0.0 };
        let avg = 1.5 + (i as f64) * 9.25 + if i == hops / 2 { 250.0 } else { 0.0 };
        out.push_str(&format!(
            "{i:3}.|-- {host:<24} {loss:5.1}%    10 {:6.1} {avg:6.1} {:6.1} {:6.1} {:5.1}\n",
            avg + 0.4,
            avg - 0.9,
            avg + 3.1,
            0.6
        ));
    }
    out
}

/// The report the browser benchmark pastes: exactly `chars` characters, as
/// many hops as fit (10 for 1,000) and the trailing prompt line padded out.
pub fn mtr_report_of_len(chars: usize) -> String {
    const PROMPT: &str = "root@hk-vps:~# ";
    let mut hops = 1;
    while mtr_report(hops + 1).len() + PROMPT.len() <= chars {
        hops += 1;
    }
    let mut out = mtr_report(hops);
    out.push_str(PROMPT);
    while out.len() < chars {
        out.push(' ');
    }
    out
}

/// A 1 MB paste: far above `MAX_TRACE_BYTES`, refused before parsing.
pub fn paste_1mb() -> String {
    let row = mtr_report(30);
    let mut out = String::with_capacity(1 << 20);
    while out.len() < 1 << 20 {
        out.push_str(&row);
    }
    out.truncate(1 << 20);
    out
}

/// A 10 KB ticket as most are: prose in three scripts and a trace excerpt,
/// one circumvention term at the very end.
pub fn message_10k() -> String {
    let parts = [
        "Hello, since the maintenance last night my server cannot be reached from Guangzhou. ",
        "I rebooted it from the control panel twice and the console shows the login prompt. ",
        "您好，我的主機從昨晚開始無法連線，控制台重開機兩次後仍然一樣，請幫忙從後端檢查網路。 ",
        " 3. 202.97.12.34  0.0%  10  28.1  30.2  27.9  41.0  4.1\n",
        "请问是否需要我提供更多的路由追踪报告？谢谢。 ",
    ];
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 10 * 1024 - 40 {
        text.push_str(parts[i % parts.len()]);
        i += 1;
    }
    text.push_str("I do not use a VPN on it.");
    text
}

/// Addresses as customers type them: plain, IME full-width, IPv6, with a
/// port, with leading zeros, and a host name.
pub const IPS: [&str; 6] = [
    "203.0.113.25",
    "２０３．０．１１３．２５",
    "2001:db8:85a3::8a2e:370:7334",
    "[2001:db8::1]:22",
    "010.000.000.001",
    "vps1.example.com",
];
