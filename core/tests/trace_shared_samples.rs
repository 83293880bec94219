//! Checks the parser against the real tool outputs in `../shared/traces`
//! (outside the repository; not copied in). The expected values are the
//! table of that folder's README. Skips when the folder is absent.

use std::path::PathBuf;
use ticket_core::trace::{NotATrace, TraceFormat, TraceSummary, parse};

struct Expect {
    file: &'static str,
    format: TraceFormat,
    hops: u32,
    destination: Option<&'static str>,
    reached: Option<bool>,
    final_loss: f64,
    /// Hops that may carry the highest mean (README ties), and that mean.
    worst: &'static [u32],
    worst_avg: f64,
}

use TraceFormat::*;

#[rustfmt::skip]
const EXPECTED: &[Expect] = &[
    Expect { file: "traceroute-linux-01.txt", format: Traceroute, hops: 30, destination: Some("151.101.197.67"), reached: Some(false), final_loss: 100.0, worst: &[4], worst_avg: 42.19 },
    Expect { file: "traceroute-linux-02.txt", format: Traceroute, hops: 6, destination: Some("185.235.236.197"), reached: Some(true), final_loss: 0.0, worst: &[3], worst_avg: 1.803 },
    Expect { file: "traceroute-linux-03.txt", format: Traceroute, hops: 8, destination: Some("217.29.77.53"), reached: Some(false), final_loss: 100.0, worst: &[1], worst_avg: 19.603 },
    Expect { file: "traceroute6-linux-01.txt", format: Traceroute, hops: 12, destination: Some("2607:f8b0:4020:806::2004"), reached: Some(true), final_loss: 0.0, worst: &[4], worst_avg: 14.459 },
    Expect { file: "traceroute-freebsd-01.txt", format: Traceroute, hops: 9, destination: Some("8.8.8.8"), reached: Some(true), final_loss: 0.0, worst: &[4], worst_avg: 30.871 },
    Expect { file: "traceroute-macos-01.txt", format: Traceroute, hops: 9, destination: Some("8.8.8.8"), reached: Some(true), final_loss: 0.0, worst: &[4], worst_avg: 112.711 },
    Expect { file: "traceroute-macos-asn-01.txt", format: Traceroute, hops: 12, destination: Some("181.40.91.83"), reached: Some(false), final_loss: 100.0, worst: &[8], worst_avg: 65.134 },
    // The README's 12000.559 is the largest of the three late TTL-3 lines;
    // they are one hop here, whose mean is 11932.572 (its worst is checked
    // below).
    Expect { file: "tracepath-01.txt", format: Tracepath, hops: 30, destination: None, reached: Some(false), final_loss: 100.0, worst: &[3], worst_avg: 11932.572 },
    Expect { file: "mtr-report-01.txt", format: MtrReport, hops: 10, destination: None, reached: None, final_loss: 0.0, worst: &[10], worst_avg: 20.5 },
    Expect { file: "mtr-report-02.txt", format: MtrReport, hops: 11, destination: None, reached: None, final_loss: 0.0, worst: &[11], worst_avg: 49.6 },
    Expect { file: "mtr-report-nopipe-01.txt", format: MtrReport, hops: 15, destination: None, reached: None, final_loss: 11.1, worst: &[7], worst_avg: 246.3 },
    Expect { file: "mtr-curses-01.txt", format: MtrCurses, hops: 10, destination: None, reached: None, final_loss: 0.0, worst: &[9], worst_avg: 21.7 },
    Expect { file: "mtr-curses-02.txt", format: MtrCurses, hops: 9, destination: None, reached: None, final_loss: 13.7, worst: &[9], worst_avg: 22.5 },
    // mtr stops at the target, so a last hub that answers (dns.google) is
    // the target 8.8.8.8.
    Expect { file: "mtr-json-01.json", format: MtrJson, hops: 10, destination: Some("8.8.8.8"), reached: Some(true), final_loss: 0.0, worst: &[6], worst_avg: 59.78 },
    Expect { file: "winmtr-01.txt", format: WinMtr, hops: 11, destination: None, reached: None, final_loss: 0.0, worst: &[10], worst_avg: 15.0 },
    Expect { file: "tracert-windows-en-01.txt", format: TracertWindows, hops: 14, destination: Some("216.58.200.99"), reached: Some(true), final_loss: 0.0, worst: &[9, 11, 12, 13, 14], worst_avg: 27.0 },
    Expect { file: "tracert-windows-en-02.txt", format: TracertWindows, hops: 8, destination: Some("22.110.0.1"), reached: Some(false), final_loss: 100.0, worst: &[7], worst_avg: 7.333 },
    Expect { file: "tracert-windows-en-03.txt", format: TracertWindows, hops: 6, destination: Some("209.85.225.104"), reached: Some(true), final_loss: 0.0, worst: &[6], worst_avg: 88.0 },
    Expect { file: "besttrace-01.txt", format: BestTrace, hops: 29, destination: Some("123.125.99.1"), reached: Some(true), final_loss: 0.0, worst: &[26], worst_avg: 297.59 },
    Expect { file: "besttrace-02.txt", format: BestTrace, hops: 16, destination: Some("180.153.28.1"), reached: Some(true), final_loss: 0.0, worst: &[14], worst_avg: 204.73 },
];

const REJECTED: &[(&str, NotATrace)] = &[
    ("negative-ping-01.txt", NotATrace::Ping),
    ("negative-ifconfig-01.txt", NotATrace::InterfaceListing),
];

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.006
}

fn check(x: &Expect, s: &TraceSummary) -> Vec<String> {
    let mut bad = Vec::new();
    if s.format != x.format {
        bad.push(format!("format {:?}, expected {:?}", s.format, x.format));
    }
    if s.hop_count != x.hops {
        bad.push(format!("hops {}, expected {}", s.hop_count, x.hops));
    }
    if s.destination.as_deref() != x.destination {
        bad.push(format!(
            "destination {:?}, expected {:?}",
            s.destination, x.destination
        ));
    }
    if s.reached != x.reached {
        bad.push(format!("reached {:?}, expected {:?}", s.reached, x.reached));
    }
    if !s.final_loss_pct.is_some_and(|l| close(l, x.final_loss)) {
        bad.push(format!(
            "last-hop loss {:?}, expected {}",
            s.final_loss_pct, x.final_loss
        ));
    }
    let worst = s.worst_hop.and_then(|w| s.hops.iter().find(|h| h.hop == w));
    match worst {
        Some(h) if x.worst.contains(&h.hop) && h.avg_ms.is_some_and(|a| close(a, x.worst_avg)) => {}
        _ => bad.push(format!(
            "max avg {:?} at hop {:?}, expected {} at {:?}",
            worst.and_then(|h| h.avg_ms),
            s.worst_hop,
            x.worst_avg,
            x.worst
        )),
    }
    if x.file == "tracepath-01.txt"
        && !worst
            .and_then(|h| h.worst_ms)
            .is_some_and(|w| close(w, 12000.559))
    {
        bad.push("tracepath hop 3 worst is not 12000.559".into());
    }
    bad
}

#[test]
fn shared_samples_match_their_readme() {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/traces"));
    if !dir.is_dir() {
        println!("shared traces: {} absent, skipped", dir.display());
        return;
    }
    let total = EXPECTED.len() + REJECTED.len();
    let mut matched = 0;
    let mut failures = Vec::new();
    for x in EXPECTED {
        let bytes = std::fs::read(dir.join(x.file)).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        match parse(&text) {
            Ok(s) => {
                let bad = check(x, &s);
                if bad.is_empty() {
                    matched += 1;
                } else {
                    failures.push(format!("{}: {}", x.file, bad.join("; ")));
                }
            }
            Err(e) => failures.push(format!("{}: rejected ({})", x.file, e.reason())),
        }
    }
    for (file, want) in REJECTED {
        let bytes = std::fs::read(dir.join(file)).unwrap_or_default();
        match parse(&String::from_utf8_lossy(&bytes)) {
            Err(e) if e == *want => matched += 1,
            other => failures.push(format!(
                "{file}: {:?}, expected Err({want:?})",
                other.map(|s| s.format)
            )),
        }
    }
    println!("shared traces: {matched}/{total} match");
    for f in &failures {
        println!("  {f}");
    }
    assert!(
        failures.is_empty(),
        "{} of {total} shared traces mismatch",
        failures.len()
    );
}
