//! The trace parser against real outputs of the newer layouts
//! (`tests/fixtures/traces/real`, sources in its README): KAME traceroute6,
//! pathping, Test-NetConnection -TraceRoute. Then the layouts no public
//! sample was found for, on lines marked SYNTHETIC, and the refusal of
//! other tools' output.

use ticket_core::trace::{Hop, NotATrace, TraceFormat, TraceSummary, parse};

fn real(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/traces/real/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

struct Expect {
    file: &'static str,
    format: TraceFormat,
    hops: u32,
    destination: &'static str,
    destination_name: Option<&'static str>,
    reached: Option<bool>,
    final_loss: f64,
    onset: Option<u32>,
    worst: Option<u32>,
}

use TraceFormat::*;

#[rustfmt::skip]
const EXPECTED: &[Expect] = &[
    Expect { file: "traceroute6-kame-names.txt", format: Traceroute, hops: 12, destination: "2001:1890:1112:1::20", destination_name: Some("www.ietf.org"), reached: Some(true), final_loss: 0.0, onset: None, worst: Some(12) },
    Expect { file: "traceroute6-kame-continuation.txt", format: Traceroute, hops: 12, destination: "2607:f8b0:4000:80c::2004", destination_name: Some("www.google.com"), reached: Some(true), final_loss: 0.0, onset: None, worst: Some(9) },
    Expect { file: "pathping-en.txt", format: PathPing, hops: 5, destination: "10.54.1.196", destination_name: Some("contoso1"), reached: Some(true), final_loss: 13.0, onset: Some(2), worst: Some(1) },
    Expect { file: "pathping-zh-cn.txt", format: PathPing, hops: 7, destination: "39.156.66.18", destination_name: Some("www.a.shifen.com"), reached: Some(false), final_loss: 100.0, onset: Some(6), worst: Some(4) },
    Expect { file: "tnc-traceroute.txt", format: TestNetConnection, hops: 6, destination: "1.1.1.1", destination_name: None, reached: Some(true), final_loss: 0.0, onset: None, worst: None },
    Expect { file: "tnc-traceroute-redacted.txt", format: TestNetConnection, hops: 10, destination: "8.8.8.8", destination_name: None, reached: Some(true), final_loss: 0.0, onset: None, worst: None },
];

fn mismatches(x: &Expect, s: &TraceSummary) -> Vec<String> {
    let checks = [
        (s.format == x.format, format!("format {:?}", s.format)),
        (s.hop_count == x.hops, format!("hop_count {}", s.hop_count)),
        (
            s.destination.as_deref() == Some(x.destination),
            format!("destination {:?}", s.destination),
        ),
        (
            s.destination_name.as_deref() == x.destination_name,
            format!("destination_name {:?}", s.destination_name),
        ),
        (s.reached == x.reached, format!("reached {:?}", s.reached)),
        (
            s.final_loss_pct
                .is_some_and(|l| (l - x.final_loss).abs() < 1e-6),
            format!("final_loss_pct {:?}", s.final_loss_pct),
        ),
        (
            s.loss_onset_hop == x.onset,
            format!("loss_onset_hop {:?}", s.loss_onset_hop),
        ),
        (
            s.worst_hop == x.worst,
            format!("worst_hop {:?}", s.worst_hop),
        ),
    ];
    checks
        .into_iter()
        .filter(|(ok, _)| !ok)
        .map(|(_, what)| what)
        .collect()
}

fn check_all(transform: impl Fn(&str) -> String, label: &str) {
    let mut failures = Vec::new();
    for x in EXPECTED {
        match parse(&transform(&real(x.file))) {
            Ok(s) => {
                let bad = mismatches(x, &s);
                if !bad.is_empty() {
                    failures.push(format!("{}: {}", x.file, bad.join(", ")));
                }
            }
            Err(e) => failures.push(format!("{}: rejected: {}", x.file, e.reason())),
        }
    }
    assert!(failures.is_empty(), "{label}:\n{}", failures.join("\n"));
}

#[test]
fn real_samples_read_as_their_readme_says() {
    check_all(str::to_string, "as published");
}

#[test]
fn paste_hazards_change_nothing() {
    check_all(|t| t.replace('\n', "\r\n"), "CRLF");
    check_all(
        |t| t.lines().map(|l| format!("{l}  \n\n")).collect(),
        "trailing spaces + blank lines",
    );
    check_all(
        |t| {
            t.lines()
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ") + "\n")
                .collect()
        },
        "collapsed whitespace",
    );
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

fn names(h: &Hop) -> Vec<(Option<&str>, Option<&str>)> {
    h.responders
        .iter()
        .map(|r| (r.name.as_deref(), r.address.as_deref()))
        .collect()
}

#[test]
fn kame_hops_known_by_name_only_keep_their_probes() {
    let s = parse(&real("traceroute6-kame-names.txt")).unwrap();
    let h4 = hop(&s, 4);
    assert_eq!(names(h4), [(Some("10ge.cr2.brueve.belnet.net"), None)]);
    assert_eq!(h4.rtts_ms, [3.668, 3.988, 3.699]);
    assert_eq!(s.hops.len(), 12, "no hop dropped");

    let s = parse(&real("traceroute6-kame-continuation.txt")).unwrap();
    assert_eq!(hop(&s, 6).responders.len(), 3);
    assert_eq!(hop(&s, 6).rtts_ms, [2.286, 2.233, 7.307]);
    assert_eq!(
        names(hop(&s, 12)),
        [
            (None, Some("2001:4860:0:1::2787")),
            (Some("dfw06s48-in-x04.1e100.net"), None)
        ]
    );
}

#[test]
fn pathping_takes_loss_and_time_from_its_statistics() {
    let s = parse(&real("pathping-en.txt")).unwrap();
    let h2 = hop(&s, 2);
    assert_eq!(
        (h2.avg_ms, h2.lost, h2.loss_pct),
        (Some(22.0), 16, Some(16.0))
    );
    assert!(s.hops.iter().all(|h| h.hop >= 1), "hop 0 is the source");

    let s = parse(&real("pathping-zh-cn.txt")).unwrap();
    assert_eq!(
        names(hop(&s, 1)),
        [(Some("XiaoQiang"), Some("192.168.31.1"))]
    );
    let h6 = hop(&s, 6);
    assert_eq!((h6.avg_ms, h6.loss_pct), (None, Some(100.0)));
    let h7 = hop(&s, 7);
    assert!(h7.responders.is_empty());
    assert_eq!((h7.lost, h7.loss_pct), (3, Some(100.0)));
}

#[test]
fn test_netconnection_hops_are_its_list() {
    let s = parse(&real("tnc-traceroute-redacted.txt")).unwrap();
    assert_eq!(names(hop(&s, 3)), [(Some("74.[REDACTED].37"), None)]);
    assert_eq!(names(hop(&s, 10)), [(None, Some("8.8.8.8"))]);
}

// ---- SYNTHETIC: minimal lines written for the layouts no public sample
// was found for (see fixtures/traces/real/README.md). Not real output.

#[test]
fn synthetic_kame_star_then_continuation_line() {
    let text = "traceroute6 to example.net (2001:db8::99) from 2001:db8::1, 64 hops max, 12 byte packets\n \
                1  gw.example.net  0.512 ms  0.498 ms  0.470 ms\n \
                2 *\n    core.example.net  9.870 ms  9.912 ms\n \
                3 * *\n    2001:db8::99  12.100 ms\n";
    let s = parse(text).unwrap();
    assert_eq!(s.hop_count, 3);
    let h2 = hop(&s, 2);
    assert_eq!((h2.lost, h2.rtts_ms.len()), (1, 2));
    assert_eq!(names(h2), [(Some("core.example.net"), None)]);
    assert_eq!(s.reached, Some(true), "the target on a continuation line");
}

#[test]
fn synthetic_target_answering_one_probe_of_three() {
    // TCP `traceroute -T`: the target answers one probe, the others time out.
    let text = "traceroute to 203.0.113.10 (203.0.113.10), 30 hops max, 60 byte packets\n \
                1  192.0.2.1 (192.0.2.1)  0.5 ms  0.4 ms  0.4 ms\n \
                2  * * 203.0.113.10 (203.0.113.10)  20.1 ms\n";
    let s = parse(text).unwrap();
    assert_eq!(s.reached, Some(true));
    assert!((s.final_loss_pct.unwrap() - 66.667).abs() < 1e-9);

    // BSD: a router first, the target on the continuation line.
    let text = "traceroute to 203.0.113.10 (203.0.113.10), 64 hops max, 52 byte packets\n \
                1  192.0.2.1 (192.0.2.1)  0.5 ms  0.4 ms  0.4 ms\n \
                2  198.51.100.1 (198.51.100.1)  9.1 ms *\n    \
                203.0.113.10 (203.0.113.10)  20.1 ms\n";
    assert_eq!(parse(text).unwrap().reached, Some(true));

    // Stopped early, but every last-hop responder is a known other address.
    let text = "traceroute to 203.0.113.10 (203.0.113.10), 30 hops max, 60 byte packets\n \
                1  192.0.2.1 (192.0.2.1)  0.5 ms  0.4 ms  0.4 ms\n \
                2  198.51.100.1 (198.51.100.1)  9.1 ms !H  9.2 ms !H  *\n";
    assert_eq!(parse(text).unwrap().reached, Some(false));
}

#[test]
fn synthetic_pathping_zh_tw_is_read_by_its_shape() {
    // The table's headers differ by language; its rows do not.
    let text = "在上限 30 個躍點上\n追蹤 hinet.example.tw [203.0.113.30] 的路由:\n  \
                0  PC [192.168.1.2]\n  1  192.168.1.1\n  2  203.0.113.30\n\
                正在計算統計資料...\n\
                  1    1ms     0/ 100 =  0%     0/ 100 =  0%  192.168.1.1\n\
                                                0/ 100 =  0%   |\n\
                  2    9ms     2/ 100 =  2%     2/ 100 =  2%  203.0.113.30\n\
                追蹤完成。\n";
    let s = parse(text).unwrap();
    assert_eq!(
        (s.format, s.hop_count, s.reached, s.final_loss_pct),
        (PathPing, 2, Some(true), Some(2.0))
    );
    assert_eq!(s.destination_name.as_deref(), Some("hinet.example.tw"));
}

#[test]
fn synthetic_test_netconnection_shortened_list() {
    let text = "ComputerName           : example.com\n\
                RemoteAddress          : 203.0.113.5\n\
                TraceRoute             : {192.168.1.1, 0.0.0.0, 198.51.100.1, 198.51.100.9...}\n\
                PingSucceeded          : True\n";
    let s = parse(text).unwrap();
    assert_eq!((s.format, s.hop_count), (TestNetConnection, 4));
    assert_eq!(s.reached, None, "the list was cut short");
    assert_eq!(hop(&s, 2).loss_pct, Some(100.0));
    assert_eq!(s.destination_name.as_deref(), Some("example.com"));

    let unreached = "RemoteAddress : 203.0.113.5\nTraceRoute : 192.168.1.1\n0.0.0.0\n0.0.0.0\n";
    let s = parse(unreached).unwrap();
    assert_eq!((s.hop_count, s.reached), (3, Some(false)));
}

#[test]
fn synthetic_other_tools_are_refused_by_name() {
    for (text, want) in [
        (
            "Server:  dns.google\nAddress:  8.8.8.8\n\nNon-authoritative answer:\nName:    example.com\nAddresses:  203.0.113.5\n",
            NotATrace::DnsLookup,
        ),
        (
            "; <<>> DiG 9.18 <<>> example.com\n;; ANSWER SECTION:\nexample.com. 300 IN A 203.0.113.5\n",
            NotATrace::DnsLookup,
        ),
        (
            "Active Internet connections (servers and established)\nProto Recv-Q Send-Q Local Address Foreign Address State\ntcp 0 0 0.0.0.0:22 0.0.0.0:* LISTEN\n",
            NotATrace::ConnectionList,
        ),
        (
            "Kernel IP routing table\nDestination Gateway Genmask Flags Metric Ref Use Iface\n0.0.0.0 192.0.2.1 0.0.0.0 UG 100 0 0 eth0\n",
            NotATrace::RoutingTable,
        ),
        (
            "default via 192.0.2.1 dev eth0 proto dhcp metric 100\n192.0.2.0/24 dev eth0 proto kernel scope link src 192.0.2.10\n",
            NotATrace::RoutingTable,
        ),
        (
            "ComputerName     : 203.0.113.5\nRemoteAddress    : 203.0.113.5\nRemotePort       : 443\nTcpTestSucceeded : True\n",
            NotATrace::NetConnectionWithoutRoute,
        ),
        (
            "   Target: example.com\n\nHop Hostname Ping Latency Status Source TargetAddress\n--- -------- ---- ------- ------ ------ -------------\n  1 192.0.2.1 1 1 Success PC 203.0.113.5\n",
            NotATrace::TestConnection,
        ),
        (
            "Starting Nmap 7.94 ( https://nmap.org )\nNmap scan report for example.com (203.0.113.5)\nTRACEROUTE (using port 443/tcp)\nHOP RTT     ADDRESS\n1   0.50 ms 192.0.2.1\n2   9.80 ms 203.0.113.5\n",
            NotATrace::Nmap,
        ),
        (
            "Source        Destination     IPV4Address      IPV6Address  Bytes    Time(ms)\n------        -----------     -----------      -----------  -----    --------\nPC            203.0.113.5     203.0.113.5                   32       14\n",
            NotATrace::Ping,
        ),
    ] {
        assert_eq!(parse(text).map(|s| s.format), Err(want), "{text}");
    }
}
