//! Issue 12: an mtr report whose host cells are markup said "6 hops" but
//! listed only hops 1 and 6. Every numbered row with statistics is a hop,
//! whatever its host column says, and that text is kept as text.

use ticket_core::trace::{TraceFormat, TraceSummary, parse};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/traces/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn names(s: &TraceSummary) -> Vec<(u32, Option<&str>, Option<&str>)> {
    s.hops
        .iter()
        .map(|h| {
            let r = h.responders.first();
            (
                h.hop,
                r.and_then(|r| r.name.as_deref()),
                r.and_then(|r| r.address.as_deref()),
            )
        })
        .collect()
}

#[test]
fn every_hop_is_listed_with_its_host_text() {
    let s = parse(&fixture("mtr-report-markup-hosts.txt")).unwrap();
    assert_eq!(s.format, TraceFormat::MtrReport);
    assert_eq!(s.hop_count, 6);
    assert_eq!(
        names(&s),
        [
            (1, None, Some("10.0.0.1")),
            (2, Some("<img src=x onerror=alert(1)>"), None),
            (3, Some("<script>alert(document.cookie)</script>"), None),
            (4, Some("\"><svg/onload=alert(1)>"), None),
            (5, Some("a b c d e f g h <b>many words</b>"), None),
            (6, None, Some("203.0.113.60")),
        ]
    );
    assert_eq!(s.hops.len() as u32, s.hop_count);
    let h4 = &s.hops[3];
    assert_eq!(
        (h4.loss_pct, h4.avg_ms, h4.lost),
        (Some(10.0), Some(21.0), 1)
    );
    assert_eq!(s.loss_onset_hop, Some(4));
}

#[test]
fn a_report_without_header_whose_hosts_are_all_markup_still_reads() {
    let text: String = (1..=4)
        .map(|n| {
            format!(
                "  {n}.|-- <img src=x onerror=alert({n})>  0.0%  10  1.0  1.{n}  0.9  2.0  0.1\n"
            )
        })
        .collect();
    let s = parse(&text).unwrap();
    assert_eq!(s.format, TraceFormat::MtrReport);
    assert_eq!(s.hops.len(), 4);
    assert_eq!(
        s.hops[2].responders[0].name.as_deref(),
        Some("<img src=x onerror=alert(3)>")
    );
}

#[test]
fn long_host_text_is_cut() {
    let host = "<".repeat(5000);
    let text = format!(
        "HOST: vps  Loss%   Snt   Last   Avg  Best  Wrst StDev\n  1.|-- {host}  0.0%  10  1.0  1.0  0.9  2.0  0.1\n"
    );
    let s = parse(&text).unwrap();
    let name = s.hops[0].responders[0].name.as_deref().unwrap_or_default();
    assert_eq!(name.chars().count(), 200);
}

#[test]
fn rows_without_statistics_still_need_a_host() {
    // Free text that happens to be numbered with a period is not a hop.
    let text = "HOST: vps  Loss%   Snt   Last   Avg  Best  Wrst StDev\n  1.|-- 10.0.0.1  0.0%  10  1.0  1.0  0.9  2.0  0.1\n  2. see <b>this</b> please\n";
    let s = parse(text).unwrap();
    assert_eq!(s.hops.len(), 1);
}
