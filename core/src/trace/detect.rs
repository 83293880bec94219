//! Which tool printed the paste: every format gets a score from its
//! markers (headers, banners: 100 each) and from the rows only it prints
//! (10 each); `parse` tries the formats best score first.

use super::lines::Paste;
use super::{
    TraceFormat, besttrace, csv, lex, mtr, netconnection, pathping, tracepath, traceroute, tracert,
    winmtr,
};

/// Formats in the order ties are broken (the stricter first).
const ORDER: [TraceFormat; 11] = [
    TraceFormat::MtrJson,
    TraceFormat::MtrCsv,
    TraceFormat::TestNetConnection,
    TraceFormat::WinMtr,
    TraceFormat::MtrReport,
    TraceFormat::PathPing,
    TraceFormat::TracertWindows,
    TraceFormat::NextTrace,
    TraceFormat::BestTrace,
    TraceFormat::Tracepath,
    TraceFormat::Traceroute,
];

fn slot(f: TraceFormat) -> usize {
    match f {
        TraceFormat::MtrJson => 0,
        TraceFormat::MtrCsv => 1,
        TraceFormat::WinMtr => 2,
        TraceFormat::MtrReport | TraceFormat::MtrCurses => 3,
        TraceFormat::TracertWindows => 4,
        TraceFormat::NextTrace => 5,
        TraceFormat::BestTrace => 6,
        TraceFormat::Tracepath => 7,
        TraceFormat::Traceroute => 8,
        TraceFormat::PathPing => 9,
        TraceFormat::TestNetConnection => 10,
    }
}

const MARKER: u32 = 100;
const ROW: u32 = 10;

/// The formats worth trying, most likely first. `tool` is the tool named
/// on a pasted command line.
pub(crate) fn candidates(text: &str, paste: &Paste, tool: Option<TraceFormat>) -> Vec<TraceFormat> {
    let mut score = [0u32; ORDER.len()];
    let mut add = |f: TraceFormat, n: u32| {
        if let Some(s) = score.get_mut(slot(f)) {
            *s = s.saturating_add(n);
        }
    };
    if text.contains("\"hubs\"") && paste.iter().any(|(l, _)| l.trim_start().starts_with('{')) {
        add(TraceFormat::MtrJson, 10 * MARKER);
    }
    if let Some(t) = tool {
        add(t, 30);
    }
    let mut prev_nt_hop = false;
    for (line, words) in paste.iter() {
        let lead = line.bytes().find(|b| !b.is_ascii_whitespace()).unwrap_or(0);
        if lead == b'|' {
            if winmtr::is_row(line) {
                add(TraceFormat::WinMtr, ROW);
            } else if line.contains("WinMTR") {
                add(TraceFormat::WinMtr, MARKER);
            }
            continue;
        }
        if lead == b'M' && csv::is_header(line) {
            add(TraceFormat::MtrCsv, MARKER);
            continue;
        }
        if lead == b'M' && csv::is_row(line) {
            add(TraceFormat::MtrCsv, ROW);
            continue;
        }
        let Some(first) = words.first().copied() else {
            continue;
        };
        let nt_hop = besttrace::nt_hop_line(words).is_some();
        if lex::hop_number(first).is_some() {
            rows(words, &mut add);
        } else if let Some((key, value)) = netconnection::property(line) {
            // The hop list makes it a trace; the other properties alone
            // are Test-NetConnection without `-TraceRoute`.
            if key == "TraceRoute" && !value.is_empty() {
                add(TraceFormat::TestNetConnection, 10 * MARKER);
            }
        } else if first.as_bytes().last() == Some(&b':') && tracepath::is_row(words) {
            add(TraceFormat::Tracepath, ROW);
        } else if lex::has_byte(first, b'.')
            && let Some((pipe, stats)) = mtr::is_row(words)
        {
            add(TraceFormat::MtrReport, if pipe || stats { ROW } else { 1 });
        } else if prev_nt_hop && besttrace::nt_rtt_line(words, |_| {}).is_some() {
            add(TraceFormat::NextTrace, ROW);
        } else {
            markers(line, words, &mut add);
        }
        prev_nt_hop = nt_hop;
    }
    let mut order: Vec<TraceFormat> = Vec::new();
    for f in ORDER {
        if score.get(slot(f)).is_some_and(|s| *s > 0) {
            order.push(f);
        }
    }
    // Highest score first.
    order.sort_by_key(|f| std::cmp::Reverse(score.get(slot(*f)).copied().unwrap_or(0)));
    order
}

/// Scores a line that starts with a hop number.
fn rows(words: &[&str], add: &mut impl FnMut(TraceFormat, u32)) {
    if tracert::is_row(words) {
        add(TraceFormat::TracertWindows, ROW);
    }
    if let Some(g) = traceroute::is_row(words) {
        add(
            TraceFormat::Traceroute,
            if g.responders > 0 && g.rtts > 0 {
                ROW
            } else {
                1
            },
        );
    }
    if besttrace::bt_row(words).is_some_and(|r| r.distinct) {
        add(TraceFormat::BestTrace, ROW);
    }
    // pathping's statistics rows also pass for tracert rows (`41ms`) but
    // no other tool prints `lost/sent = pct` twice, so each is a marker (its
    // headers are localised); its route rows have no times at all.
    if pathping::is_stats_row(words) {
        add(TraceFormat::PathPing, 10 * MARKER);
    } else if pathping::is_route_row(words) {
        add(TraceFormat::PathPing, 1);
    }
}

/// Scores a line that is no row: headers, banners, trailers.
fn markers(line: &str, words: &[&str], add: &mut impl FnMut(TraceFormat, u32)) {
    if traceroute::header(words).is_some() {
        add(TraceFormat::Traceroute, MARKER / 2);
        add(TraceFormat::BestTrace, MARKER / 5);
        add(TraceFormat::NextTrace, MARKER / 5);
    }
    if mtr::header(words).is_some()
        || line.contains("My traceroute")
        || line.trim_start().starts_with("Keys:")
    {
        add(TraceFormat::MtrReport, MARKER);
    }
    if line.contains("Resume: pmtu")
        || line.contains("Too many hops")
        || line.contains("[LOCALHOST]")
    {
        add(TraceFormat::Tracepath, MARKER);
    }
    if line.contains("WinMTR") {
        add(TraceFormat::WinMtr, MARKER);
    }
    let ascii = line.is_ascii();
    let has = |markers: &[&str]| {
        markers
            .iter()
            .any(|m| (!ascii || m.is_ascii()) && line.contains(m))
    };
    if has(tracert::MARKERS) {
        add(TraceFormat::TracertWindows, MARKER);
    }
    if has(pathping::MARKERS) {
        // Only pathping prints its statistics table, under tracert's header.
        add(TraceFormat::PathPing, 10 * MARKER);
    }
    if has(besttrace::NEXTTRACE_MARKERS) {
        add(TraceFormat::NextTrace, MARKER);
    }
    if has(besttrace::BESTTRACE_MARKERS) {
        add(TraceFormat::BestTrace, MARKER);
    }
}
