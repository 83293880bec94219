//! Understanding MTR / traceroute pastes: which tool printed them, the hops,
//! and where loss or latency starts.
//!
//! Every format of `FORMATS.md` is read: mtr (report, curses screen copy,
//! JSON, CSV), WinMTR, traceroute (Linux, BSD, macOS, IPv6, KAME
//! traceroute6), tracepath, Windows tracert and pathping (English, zh-CN,
//! zh-TW), PowerShell `Test-NetConnection -TraceRoute`, BestTrace and
//! NextTrace. Other tools' output is refused with a reason naming the tool.
//!
//! The parser never panics and runs in time linear in the paste. `parse`
//! cleans the paste up (`lines`), scores the formats (`detect`), runs the
//! best-scoring parser that finds hops, and derives the summary (`summary`).

mod besttrace;
mod command;
mod csv;
mod detect;
mod json;
mod lex;
mod lines;
mod mtr;
mod netconnection;
mod pathping;
mod reject;
mod summary;
mod tracepath;
mod traceroute;
mod tracert;
mod winmtr;

/// Pastes larger than this are refused up front rather than parsed.
use serde::{Deserialize, Serialize};

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
    #[serde(rename = "pathping")]
    PathPing,
    TestNetConnection,
}

impl TraceFormat {
    pub const ALL: [TraceFormat; 12] = [
        TraceFormat::MtrReport,
        TraceFormat::MtrCurses,
        TraceFormat::MtrJson,
        TraceFormat::MtrCsv,
        TraceFormat::WinMtr,
        TraceFormat::Traceroute,
        TraceFormat::Tracepath,
        TraceFormat::TracertWindows,
        TraceFormat::BestTrace,
        TraceFormat::NextTrace,
        TraceFormat::PathPing,
        TraceFormat::TestNetConnection,
    ];

    /// The name in the payload.
    pub fn id(self) -> &'static str {
        match self {
            TraceFormat::MtrReport => "mtr_report",
            TraceFormat::MtrCurses => "mtr_curses",
            TraceFormat::MtrJson => "mtr_json",
            TraceFormat::MtrCsv => "mtr_csv",
            TraceFormat::WinMtr => "win_mtr",
            TraceFormat::Traceroute => "traceroute",
            TraceFormat::Tracepath => "tracepath",
            TraceFormat::TracertWindows => "tracert_windows",
            TraceFormat::BestTrace => "best_trace",
            TraceFormat::NextTrace => "next_trace",
            TraceFormat::PathPing => "pathping",
            TraceFormat::TestNetConnection => "test_net_connection",
        }
    }

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
            TraceFormat::PathPing => "pathping",
            TraceFormat::TestNetConnection => "Test-NetConnection -TraceRoute",
        }
    }
}

/// One router (or the destination) that answered at a hop.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Responder {
    /// The IP address as printed (may be partly redacted, e.g. `103.31.x.x`).
    pub address: Option<String>,
    /// The reverse-DNS name, when the tool printed one.
    pub name: Option<String>,
    /// The AS number as printed (`AS4134`), when the tool printed one.
    pub asn: Option<String>,
}

/// One hop number. Its times (ms) and losses (%) are to the thousandth.
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
    /// The target: its IP address when the paste prints one, else its name.
    pub destination: Option<String>,
    /// The target's host name, when the paste names one besides the address.
    pub destination_name: Option<String>,
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
    /// nslookup, dig, Resolve-DnsName.
    DnsLookup,
    /// netstat, ss, Get-NetTCPConnection.
    ConnectionList,
    /// route print, netstat -r, ip route, Get-NetRoute.
    RoutingTable,
    /// Test-NetConnection run without `-TraceRoute`.
    NetConnectionWithoutRoute,
    /// PowerShell 7 `Test-Connection -Traceroute`.
    TestConnection,
    /// nmap (also with `--traceroute`).
    Nmap,
}

impl NotATrace {
    pub const ALL: [NotATrace; 11] = [
        NotATrace::Empty,
        NotATrace::TooLarge,
        NotATrace::Ping,
        NotATrace::InterfaceListing,
        NotATrace::NoHops,
        NotATrace::DnsLookup,
        NotATrace::ConnectionList,
        NotATrace::RoutingTable,
        NotATrace::NetConnectionWithoutRoute,
        NotATrace::TestConnection,
        NotATrace::Nmap,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NotATrace::Empty => "required",
            NotATrace::TooLarge => "trace.too_large",
            NotATrace::Ping => "trace.ping",
            NotATrace::InterfaceListing => "trace.interfaces",
            NotATrace::NoHops => "trace.no_hops",
            NotATrace::DnsLookup => "trace.dns",
            NotATrace::ConnectionList => "trace.connections",
            NotATrace::RoutingTable => "trace.route_table",
            NotATrace::NetConnectionWithoutRoute => "trace.tnc_no_route",
            NotATrace::TestConnection => "trace.test_connection",
            NotATrace::Nmap => "trace.nmap",
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
            NotATrace::DnsLookup => "this is a DNS lookup (nslookup / dig), not a route trace",
            NotATrace::ConnectionList => {
                "this is a connection list (netstat / ss), not a route trace"
            }
            NotATrace::RoutingTable => {
                "this is a routing table (route print / ip route), not a route trace"
            }
            NotATrace::NetConnectionWithoutRoute => {
                "this is Test-NetConnection output without -TraceRoute: it lists no hops"
            }
            NotATrace::TestConnection => {
                "this is PowerShell Test-Connection output, which is not read; use tracert or Test-NetConnection -TraceRoute"
            }
            NotATrace::Nmap => "this is nmap output, not a route trace",
        }
    }
}

/// What a format parser read, before the summary is derived.
pub(crate) struct Parsed {
    pub format: TraceFormat,
    /// Sorted by hop number, one entry per hop number.
    pub hops: Vec<Hop>,
    /// Target named by the output itself (header, JSON `dst`, CSV `Host`).
    pub target: Target,
    /// The output says outright whether the target answered (tracepath).
    pub reached_hint: Option<bool>,
    /// Hops carry mtr-style statistics (loss %, avg) rather than probes.
    pub stats: bool,
    /// A header, a tool marker or a row with real content was seen, so this is
    /// not a couple of stray numbered lines.
    pub strong: bool,
    /// The run stopped before the maximum its header announced, without an
    /// unreachable flag: the tool stopped because the target answered.
    pub ended_early: bool,
    /// The hop list was shortened by the tool (`{a, b, c...}`), so the last
    /// hop shown is not the last one.
    pub cut_short: bool,
}

/// The trace target as far as the paste names it.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Target {
    pub address: Option<String>,
    pub name: Option<String>,
}

impl Target {
    pub fn is_known(&self) -> bool {
        self.address.is_some() || self.name.is_some()
    }
}

impl Parsed {
    pub fn new(format: TraceFormat) -> Parsed {
        Parsed {
            format,
            hops: Vec::new(),
            target: Target::default(),
            reached_hint: None,
            stats: false,
            strong: false,
            ended_early: false,
            cut_short: false,
        }
    }
}

/// Reads a pasted trace. Refuses pastes that are not a route trace, saying why.
pub fn parse(input: &str) -> Result<TraceSummary, NotATrace> {
    if input.len() > MAX_TRACE_BYTES {
        return Err(NotATrace::TooLarge);
    }
    if input.trim().is_empty() {
        return Err(NotATrace::Empty);
    }
    let text = if input.is_ascii() {
        std::borrow::Cow::Borrowed(input)
    } else {
        crate::normalize::fold_fullwidth_str(input)
    };
    if let Some(tool) = reject::foreign_trace(&text) {
        return Err(tool);
    }
    let paste = lines::Paste::new(&text);
    let command = command::find(&paste);
    for format in detect::candidates(&text, &paste, command.tool) {
        let parsed = match format {
            TraceFormat::MtrJson => json::parse(&paste),
            TraceFormat::MtrCsv => csv::parse(&paste),
            TraceFormat::WinMtr => winmtr::parse(&paste),
            TraceFormat::MtrReport | TraceFormat::MtrCurses => mtr::parse(&paste),
            TraceFormat::TracertWindows => tracert::parse(&paste),
            TraceFormat::NextTrace => besttrace::parse_nexttrace(&paste),
            TraceFormat::BestTrace => besttrace::parse_besttrace(&paste),
            TraceFormat::Tracepath => tracepath::parse(&paste),
            TraceFormat::Traceroute => traceroute::parse(&paste),
            TraceFormat::PathPing => pathping::parse(&paste),
            TraceFormat::TestNetConnection => netconnection::parse(&paste),
        };
        if let Some(p) = parsed
            && p.strong
            && !p.hops.is_empty()
        {
            return Ok(summary::finish(p, command.target));
        }
    }
    Err(reject::reason(&text))
}
