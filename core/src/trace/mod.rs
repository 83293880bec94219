//! Understanding MTR / traceroute pastes: which tool printed them, the hops,
//! and where loss or latency starts. (First version; issue 3 covers every
//! format of FORMATS.md.)

use serde::{Deserialize, Serialize};

/// Pastes larger than this are refused up front rather than parsed.
pub const MAX_TRACE_BYTES: usize = 256 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TraceFormat {
    MtrReport,
    MtrCurses,
    MtrJson,
    MtrCsv,
    WinMtr,
    Traceroute,
    Tracepath,
    TracertWindows,
    BestTrace,
    NextTrace,
}

impl TraceFormat {
    /// The tool's own name, the same in every language.
    pub fn label(self) -> &'static str {
        match self {
            TraceFormat::MtrReport => "mtr --report",
            TraceFormat::MtrCurses => "mtr",
            TraceFormat::MtrJson => "mtr --json",
            TraceFormat::MtrCsv => "mtr --csv",
            TraceFormat::WinMtr => "WinMTR",
            TraceFormat::Traceroute => "traceroute",
            TraceFormat::Tracepath => "tracepath",
            TraceFormat::TracertWindows => "tracert",
            TraceFormat::BestTrace => "BestTrace",
            TraceFormat::NextTrace => "NextTrace",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Responder {
    pub address: Option<String>,
    pub name: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hop {
    /// The TTL (hop number) as printed.
    pub hop: u32,
    pub responders: Vec<Responder>,
    /// Round-trip times of answered probes, in ms (empty for mtr statistics).
    pub rtts_ms: Vec<f64>,
    /// Probes that got no answer.
    pub lost: u32,
    pub loss_pct: Option<f64>,
    pub avg_ms: Option<f64>,
    pub best_ms: Option<f64>,
    pub worst_ms: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TraceSummary {
    pub format: TraceFormat,
    /// The highest hop number listed.
    pub hop_count: u32,
    pub destination: Option<String>,
    /// `None` when the paste cannot tell (e.g. mtr reports name no target).
    pub reached: Option<bool>,
    pub final_loss_pct: Option<f64>,
    /// First hop of loss that lasts to the end of the trace.
    pub loss_onset_hop: Option<u32>,
    /// Hop with the highest average round-trip time.
    pub worst_hop: Option<u32>,
    pub hops: Vec<Hop>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotATrace {
    Empty,
    TooLarge,
    Ping,
    InterfaceListing,
    NoHops,
}

impl NotATrace {
    pub const ALL: [NotATrace; 5] = [
        NotATrace::Empty,
        NotATrace::TooLarge,
        NotATrace::Ping,
        NotATrace::InterfaceListing,
        NotATrace::NoHops,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NotATrace::Empty => "required",
            NotATrace::TooLarge => "trace.too_large",
            NotATrace::Ping => "trace.ping",
            NotATrace::InterfaceListing => "trace.interfaces",
            NotATrace::NoHops => "trace.no_hops",
        }
    }

    /// One line for `ticket-check`'s stderr.
    pub fn reason(self) -> &'static str {
        match self {
            NotATrace::Empty => "the paste is empty",
            NotATrace::TooLarge => "the paste is larger than 256 KB",
            NotATrace::Ping => "this is ping output, not a route trace",
            NotATrace::InterfaceListing => {
                "this is an interface listing (ifconfig / ip addr), not a route trace"
            }
            NotATrace::NoHops => "no numbered hop rows or known trace header found",
        }
    }
}

pub fn parse(input: &str) -> Result<TraceSummary, NotATrace> {
    if input.len() > MAX_TRACE_BYTES {
        return Err(NotATrace::TooLarge);
    }
    if input.trim().is_empty() {
        return Err(NotATrace::Empty);
    }
    if input.contains("ping statistics") || input.contains("bytes of data") {
        return Err(NotATrace::Ping);
    }
    if input.contains("inet ") && (input.contains("flags=") || input.contains("mtu ")) {
        return Err(NotATrace::InterfaceListing);
    }
    let mut hops: Vec<Hop> = Vec::new();
    for line in input.lines() {
        let t = line.trim_start();
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 {
            continue;
        }
        let rest = &t[digits..];
        if !(rest.starts_with(' ') || rest.starts_with(".|--") || rest.starts_with('.')) {
            continue;
        }
        let Ok(hop) = t[..digits].parse::<u32>() else {
            continue;
        };
        let rtts: Vec<f64> = rest
            .split_whitespace()
            .collect::<Vec<_>>()
            .windows(2)
            .filter(|w| w[1] == "ms")
            .filter_map(|w| w[0].trim_start_matches('<').parse().ok())
            .collect();
        let lost = rest.split_whitespace().filter(|w| *w == "*").count() as u32;
        let avg = (!rtts.is_empty()).then(|| rtts.iter().sum::<f64>() / rtts.len() as f64);
        hops.push(Hop {
            hop,
            responders: Vec::new(),
            lost,
            loss_pct: None,
            avg_ms: avg,
            best_ms: None,
            worst_ms: None,
            rtts_ms: rtts,
        });
    }
    if hops.is_empty() {
        return Err(NotATrace::NoHops);
    }
    let worst_hop = hops
        .iter()
        .filter_map(|h| h.avg_ms.map(|a| (h.hop, a)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(h, _)| h);
    Ok(TraceSummary {
        format: TraceFormat::Traceroute,
        hop_count: hops.iter().map(|h| h.hop).max().unwrap_or(0),
        destination: None,
        reached: None,
        final_loss_pct: None,
        loss_onset_hop: None,
        worst_hop,
        hops,
    })
}
