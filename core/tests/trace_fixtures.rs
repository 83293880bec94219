//! The trace parser against the project's own fixtures
//! (`tests/fixtures/traces`, written from FORMATS.md), one or more per
//! format, with the paste hazards of real tickets.

use ticket_core::trace::{Hop, NotATrace, TraceFormat, TraceSummary, parse};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/traces/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

struct Expect {
    file: &'static str,
    format: TraceFormat,
    hops: u32,
    destination: Option<&'static str>,
    destination_name: Option<&'static str>,
    reached: Option<bool>,
    final_loss: Option<f64>,
    onset: Option<u32>,
    worst: Option<u32>,
}

use TraceFormat::*;

#[rustfmt::skip]
const EXPECTED: &[Expect] = &[
    Expect { file: "mtr-report-prompt.txt", format: MtrReport, hops: 8, destination: Some("203.0.113.20"), destination_name: None, reached: Some(true), final_loss: Some(30.0), onset: Some(7), worst: Some(5) },
    Expect { file: "mtr-report-wide-asn.txt", format: MtrReport, hops: 6, destination: Some("example.net"), destination_name: None, reached: Some(false), final_loss: Some(100.0), onset: Some(6), worst: Some(5) },
    Expect { file: "mtr-report-wide-ecmp.txt", format: MtrReport, hops: 4, destination: Some("2001:db8:100::25"), destination_name: None, reached: Some(true), final_loss: Some(0.0), onset: None, worst: Some(3) },
    Expect { file: "mtr-report-collapsed-custom.txt", format: MtrReport, hops: 5, destination: Some("198.51.100.77"), destination_name: None, reached: Some(true), final_loss: Some(40.0), onset: Some(3), worst: Some(4) },
    Expect { file: "mtr-curses-asn.txt", format: MtrCurses, hops: 6, destination: Some("198.51.100.9"), destination_name: None, reached: Some(true), final_loss: Some(6.7), onset: Some(6), worst: Some(6) },
    Expect { file: "mtr-curses-unreached.txt", format: MtrCurses, hops: 4, destination: None, destination_name: None, reached: Some(false), final_loss: Some(100.0), onset: Some(3), worst: Some(3) },
    Expect { file: "mtr.json", format: MtrJson, hops: 4, destination: Some("203.0.113.50"), destination_name: None, reached: Some(true), final_loss: Some(20.0), onset: Some(3), worst: Some(3) },
    Expect { file: "mtr.csv", format: MtrCsv, hops: 4, destination: Some("mirror.example.org"), destination_name: None, reached: Some(false), final_loss: Some(100.0), onset: Some(4), worst: Some(3) },
    Expect { file: "mtr-noheader.csv", format: MtrCsv, hops: 2, destination: Some("192.0.2.80"), destination_name: None, reached: Some(true), final_loss: Some(0.0), onset: None, worst: Some(2) },
    Expect { file: "winmtr.txt", format: WinMtr, hops: 5, destination: None, destination_name: None, reached: None, final_loss: Some(4.0), onset: Some(5), worst: Some(5) },
    Expect { file: "traceroute-linux-prompt.txt", format: Traceroute, hops: 5, destination: Some("203.0.113.99"), destination_name: Some("example.org"), reached: Some(false), final_loss: Some(0.0), onset: None, worst: Some(5) },
    Expect { file: "traceroute-linux-asn-cutoff.txt", format: Traceroute, hops: 6, destination: Some("198.51.100.200"), destination_name: None, reached: Some(false), final_loss: Some(100.0), onset: Some(4), worst: Some(4) },
    Expect { file: "traceroute-bsd-asn.txt", format: Traceroute, hops: 5, destination: Some("192.0.2.44"), destination_name: Some("example.com"), reached: Some(true), final_loss: Some(0.0), onset: None, worst: Some(5) },
    Expect { file: "traceroute-macos-noheader.txt", format: Traceroute, hops: 5, destination: Some("198.51.100.7"), destination_name: None, reached: Some(true), final_loss: Some(0.0), onset: None, worst: Some(5) },
    Expect { file: "traceroute6.txt", format: Traceroute, hops: 4, destination: Some("2001:db8:beef::10"), destination_name: None, reached: Some(true), final_loss: Some(0.0), onset: None, worst: Some(4) },
    Expect { file: "traceroute-oldbsd.txt", format: Traceroute, hops: 4, destination: Some("192.0.2.1"), destination_name: Some("gw.example.edu"), reached: Some(true), final_loss: Some(33.333), onset: Some(4), worst: Some(4) },
    Expect { file: "tracepath.txt", format: Tracepath, hops: 5, destination: Some("198.51.100.80"), destination_name: None, reached: Some(true), final_loss: Some(0.0), onset: None, worst: Some(5) },
    Expect { file: "tracert-en.txt", format: TracertWindows, hops: 6, destination: Some("203.0.113.20"), destination_name: None, reached: Some(true), final_loss: Some(0.0), onset: None, worst: Some(6) },
    Expect { file: "tracert-en-unreachable.txt", format: TracertWindows, hops: 3, destination: Some("198.51.100.44"), destination_name: Some("db.example.com"), reached: Some(false), final_loss: None, onset: None, worst: Some(2) },
    Expect { file: "tracert-zh-cn.txt", format: TracertWindows, hops: 6, destination: Some("198.51.100.10"), destination_name: Some("www.example.cn"), reached: Some(true), final_loss: Some(0.0), onset: None, worst: Some(6) },
    Expect { file: "tracert-zh-cn-oneline.txt", format: TracertWindows, hops: 5, destination: Some("203.0.113.77"), destination_name: None, reached: Some(false), final_loss: Some(100.0), onset: Some(4), worst: Some(3) },
    Expect { file: "tracert-zh-tw.txt", format: TracertWindows, hops: 4, destination: Some("203.0.113.30"), destination_name: Some("hinet.example.tw"), reached: Some(true), final_loss: Some(0.0), onset: None, worst: Some(4) },
    Expect { file: "besttrace.txt", format: BestTrace, hops: 7, destination: Some("202.96.209.133"), destination_name: None, reached: Some(true), final_loss: Some(0.0), onset: None, worst: Some(6) },
    Expect { file: "nexttrace.txt", format: NextTrace, hops: 5, destination: Some("58.60.188.222"), destination_name: None, reached: Some(true), final_loss: Some(0.0), onset: None, worst: Some(5) },
    Expect { file: "nexttrace-midway.txt", format: NextTrace, hops: 10, destination: None, destination_name: None, reached: None, final_loss: Some(66.667), onset: Some(9), worst: Some(10) },
];

const REJECTED: &[(&str, NotATrace)] = &[
    ("negative-ping-linux.txt", NotATrace::Ping),
    ("negative-ping-windows-zh-cn.txt", NotATrace::Ping),
    ("negative-ping-windows-en.txt", NotATrace::Ping),
    ("negative-ip-addr.txt", NotATrace::InterfaceListing),
    ("negative-ifconfig-macos.txt", NotATrace::InterfaceListing),
    ("negative-free-text.txt", NotATrace::NoHops),
];

fn mismatches(x: &Expect, s: &TraceSummary) -> Vec<String> {
    let mut bad = Vec::new();
    let loss_ok = match (s.final_loss_pct, x.final_loss) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-6,
        (a, b) => a == b,
    };
    let checks = [
        (s.format == x.format, format!("format {:?}", s.format)),
        (s.hop_count == x.hops, format!("hop_count {}", s.hop_count)),
        (
            s.destination.as_deref() == x.destination,
            format!("destination {:?}", s.destination),
        ),
        (
            s.destination_name.as_deref() == x.destination_name,
            format!("destination_name {:?}", s.destination_name),
        ),
        (s.reached == x.reached, format!("reached {:?}", s.reached)),
        (loss_ok, format!("final_loss_pct {:?}", s.final_loss_pct)),
        (
            s.loss_onset_hop == x.onset,
            format!("loss_onset_hop {:?}", s.loss_onset_hop),
        ),
        (
            s.worst_hop == x.worst,
            format!("worst_hop {:?}", s.worst_hop),
        ),
    ];
    for (ok, what) in checks {
        if !ok {
            bad.push(what);
        }
    }
    bad
}

fn check_all(transform: impl Fn(&str) -> String, label: &str) {
    let mut failures = Vec::new();
    for x in EXPECTED {
        let text = transform(&fixture(x.file));
        match parse(&text) {
            Ok(s) => {
                let bad = mismatches(x, &s);
                if !bad.is_empty() {
                    failures.push(format!("{}: {}", x.file, bad.join(", ")));
                }
            }
            Err(e) => failures.push(format!("{}: rejected: {}", x.file, e.reason())),
        }
    }
    for (file, want) in REJECTED {
        match parse(&transform(&fixture(file))) {
            Err(e) if e == *want => {}
            other => failures.push(format!("{file}: {:?}", other.map(|s| s.format))),
        }
    }
    assert!(failures.is_empty(), "{label}:\n{}", failures.join("\n"));
}

#[test]
fn every_fixture_reads_as_expected() {
    check_all(str::to_string, "as written");
}

#[test]
fn crlf_line_ends_change_nothing() {
    check_all(|t| t.replace("\r\n", "\n").replace('\n', "\r\n"), "CRLF");
}

#[test]
fn markdown_trailing_spaces_and_blank_lines_change_nothing() {
    check_all(
        |t| t.lines().map(|l| format!("{l}  \n\n")).collect(),
        "trailing spaces + blank lines",
    );
}

#[test]
fn collapsed_whitespace_changes_nothing() {
    let collapse = |t: &str| -> String {
        t.lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ") + "\n")
            .collect()
    };
    check_all(collapse, "collapsed whitespace");
}

#[test]
fn fullwidth_colons_change_nothing() {
    check_all(|t| t.replace(':', "\u{FF1A}"), "full-width colons");
}

#[test]
fn prompt_lines_around_change_nothing() {
    check_all(
        |t| format!("PS C:\\Users\\x> \n{t}\nroot@vps:~# \n"),
        "prompts around",
    );
}

fn hop(s: &TraceSummary, n: u32) -> &Hop {
    s.hops
        .iter()
        .find(|h| h.hop == n)
        .unwrap_or_else(|| panic!("no hop {n}"))
}

#[test]
fn mtr_report_reads_four_digit_times_and_silent_rows() {
    let s = parse(&fixture("mtr-report-prompt.txt")).unwrap();
    assert_eq!(hop(&s, 5).worst_ms, Some(1021.0));
    assert_eq!(hop(&s, 5).avg_ms, Some(612.4));
    let silent = hop(&s, 6);
    assert!(silent.responders.is_empty());
    assert_eq!(
        (silent.loss_pct, silent.avg_ms, silent.lost),
        (Some(100.0), None, 10)
    );
    assert_eq!(hop(&s, 8).lost, 3);
}

#[test]
fn mtr_asn_names_and_ecmp_lines_become_responders() {
    let s = parse(&fixture("mtr-report-wide-asn.txt")).unwrap();
    let h1 = &hop(&s, 1).responders[0];
    assert_eq!(
        (h1.name.as_deref(), h1.address.as_deref(), h1.asn.as_deref()),
        (Some("_gateway"), Some("192.168.1.1"), None)
    );
    let h4: Vec<_> = hop(&s, 4)
        .responders
        .iter()
        .filter_map(|r| r.address.as_deref())
        .collect();
    assert_eq!(h4, ["202.97.24.1", "202.97.24.5", "202.97.24.9"]);
    assert_eq!(hop(&s, 4).responders[1].asn.as_deref(), Some("AS4134"));

    let s = parse(&fixture("mtr-report-wide-ecmp.txt")).unwrap();
    let h2: Vec<_> = hop(&s, 2)
        .responders
        .iter()
        .map(|r| (r.name.as_deref(), r.address.as_deref()))
        .collect();
    assert_eq!(
        h2,
        [
            (Some("ae0-200.cr1.fra.example.net"), None),
            (None, Some("2001:db8:ffff:10::2")),
            (None, Some("2001:db8:ffff:10::6"))
        ]
    );

    let s = parse(&fixture("mtr-curses-asn.txt")).unwrap();
    assert_eq!(hop(&s, 3).responders.len(), 2);
    let waiting = hop(&s, 4);
    assert!(waiting.responders.is_empty() && waiting.loss_pct.is_none());
}

#[test]
fn mtr_custom_columns_follow_the_header() {
    let s = parse(&fixture("mtr-report-collapsed-custom.txt")).unwrap();
    let h = hop(&s, 4);
    assert_eq!(
        (h.lost, h.best_ms, h.avg_ms, h.worst_ms),
        (4, Some(13.9), Some(16.1), Some(19.8))
    );
}

#[test]
fn csv_keeps_the_first_run_and_ecmp_rows() {
    let s = parse(&fixture("mtr.csv")).unwrap();
    assert_eq!(hop(&s, 3).responders.len(), 2);
    assert_eq!(hop(&s, 3).responders[0].asn.as_deref(), Some("AS64500"));
    assert_eq!(hop(&s, 2).avg_ms, Some(2.34));
}

#[test]
fn json_counts_may_be_strings_or_numbers() {
    let text = fixture("mtr.json").replace("\"count\": 3", "\"count\": \"3\"");
    let s = parse(&text).unwrap();
    assert_eq!(s.hop_count, 4);
    assert_eq!(hop(&s, 3).responders[0].asn.as_deref(), Some("AS64496"));
    assert_eq!(hop(&s, 3).lost, 1);
}

#[test]
fn winmtr_rows_count_as_hops() {
    let s = parse(&fixture("winmtr.txt")).unwrap();
    let h = hop(&s, 3);
    assert_eq!(
        (h.lost, h.avg_ms, h.best_ms, h.worst_ms),
        (1, Some(5.0), Some(3.0), Some(19.0))
    );
    assert_eq!(
        hop(&s, 4).responders[0].name.as_deref(),
        Some("ae1.gz-core.example.net.cn")
    );
}

#[test]
fn traceroute_probes_flags_and_asns() {
    let s = parse(&fixture("traceroute-linux-prompt.txt")).unwrap();
    assert_eq!(hop(&s, 2).responders.len(), 2);
    assert_eq!(hop(&s, 2).rtts_ms, [1.902, 2.114, 2.020]);
    assert_eq!(hop(&s, 4).lost, 1);
    assert_eq!(hop(&s, 5).rtts_ms.len(), 3);

    let s = parse(&fixture("traceroute-linux-asn-cutoff.txt")).unwrap();
    assert_eq!(hop(&s, 1).responders[0].asn, None);
    assert_eq!(hop(&s, 4).responders[0].asn.as_deref(), Some("AS64500"));
    assert_eq!((hop(&s, 6).lost, hop(&s, 6).rtts_ms.len()), (2, 0));

    let s = parse(&fixture("traceroute-bsd-asn.txt")).unwrap();
    let h3 = hop(&s, 3);
    assert_eq!(h3.responders.len(), 2);
    assert_eq!(h3.responders[1].asn.as_deref(), Some("AS17676"));
    assert_eq!(h3.rtts_ms, [10.442, 11.003, 10.871]);
}

#[test]
fn tracepath_merges_lines_of_one_ttl() {
    let s = parse(&fixture("tracepath.txt")).unwrap();
    assert_eq!(hop(&s, 1).rtts_ms, [0.611, 0.532]);
    assert_eq!(hop(&s, 3).lost, 1);
    assert!(s.hops.iter().all(|h| h.hop >= 1));
}

#[test]
fn tracert_reads_less_than_one_ms_and_chinese_units() {
    let s = parse(&fixture("tracert-zh-cn.txt")).unwrap();
    assert_eq!(hop(&s, 1).rtts_ms, [1.0, 1.0, 1.0]);
    assert_eq!(hop(&s, 4).lost, 3);
    let s = parse(&fixture("tracert-zh-tw.txt")).unwrap();
    let h3 = hop(&s, 3);
    assert_eq!((h3.lost, h3.rtts_ms.len()), (1, 2));
    assert_eq!(
        h3.responders[0].name.as_deref(),
        Some("h254.s98.ts.example.net")
    );
}

#[test]
fn besttrace_and_nexttrace_details() {
    let s = parse(&fixture("besttrace.txt")).unwrap();
    assert_eq!(
        hop(&s, 1).loss_pct,
        Some(0.0),
        "the `*` after the time is the AS column"
    );
    assert_eq!(
        hop(&s, 2).responders[0].address.as_deref(),
        Some("103.31.x.x")
    );
    assert_eq!(hop(&s, 3).loss_pct, Some(100.0));

    let s = parse(&fixture("nexttrace.txt")).unwrap();
    let h4 = hop(&s, 4);
    assert_eq!(h4.responders.len(), 2);
    assert_eq!(h4.responders[0].name.as_deref(), Some("gz-cn2.example.cn"));
    assert_eq!(h4.rtts_ms, [7.44, 7.39, 7.51, 7.62]);
    assert_eq!((hop(&s, 3).lost, hop(&s, 2).loss_pct), (1, Some(100.0)));

    let s = parse(&fixture("nexttrace-midway.txt")).unwrap();
    assert_eq!(s.hops.first().map(|h| h.hop), Some(6));
    let h8 = hop(&s, 8);
    assert!(h8.responders.is_empty());
    assert_eq!(
        (h8.rtts_ms.len(), h8.lost),
        (3, 0),
        "a redacted `*` with times answered"
    );
    assert_eq!(hop(&s, 7).loss_pct, Some(100.0));
}

#[test]
fn small_inputs() {
    assert_eq!(parse(""), Err(NotATrace::Empty));
    assert_eq!(parse(" \n\t\r\n"), Err(NotATrace::Empty));
    assert_eq!(parse("hello"), Err(NotATrace::NoHops));
    assert_eq!(parse("1 2 3"), Err(NotATrace::NoHops));
    assert_eq!(parse(" 1  * * *\n"), Err(NotATrace::NoHops));
    let one = parse(" 1  gw (192.0.2.1)  0.512 ms  0.498 ms  0.470 ms").unwrap();
    assert_eq!(
        (one.format, one.hop_count, one.reached),
        (Traceroute, 1, None)
    );
    assert_eq!(parse(&"x".repeat(1024 * 1024)), Err(NotATrace::TooLarge));
}

#[test]
fn error_codes_are_stable() {
    let codes: Vec<_> = NotATrace::ALL.iter().map(|e| e.code()).collect();
    assert_eq!(
        codes,
        [
            "required",
            "trace.too_large",
            "trace.ping",
            "trace.interfaces",
            "trace.no_hops",
            "trace.dns",
            "trace.connections",
            "trace.route_table",
            "trace.tnc_no_route",
            "trace.test_connection",
            "trace.nmap"
        ]
    );
    assert!(NotATrace::ALL.iter().all(|e| !e.reason().is_empty()));
}

#[test]
fn summary_serialises_and_round_trips() {
    let s = parse(&fixture("traceroute-bsd-asn.txt")).unwrap();
    let json = serde_json::to_string(&s).unwrap();
    assert!(json.contains("\"format\":\"traceroute\"") && json.contains("\"asn\":\"AS17676\""));
    // (serde_json may round the last bit of a float, so compare the rest.)
    let back: TraceSummary = serde_json::from_str(&json).unwrap();
    assert_eq!(
        (back.format, back.hop_count, back.reached, back.worst_hop),
        (s.format, s.hop_count, s.reached, s.worst_hop)
    );
    assert_eq!(
        (&back.destination, &back.destination_name),
        (&s.destination, &s.destination_name)
    );
    let responders = |t: &TraceSummary| {
        t.hops
            .iter()
            .map(|h| h.responders.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(responders(&back), responders(&s));
}
