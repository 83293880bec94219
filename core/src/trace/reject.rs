//! Why a paste with no trace in it is not one: the output of other network
//! tools (ping, interface listings, DNS lookups, connection lists, routing
//! tables, nmap, PowerShell's Test-Connection and Test-NetConnection without
//! `-TraceRoute`) contains addresses, `ms` and `% packet loss`, so each gets
//! a message naming the tool. Checked from the most to the least specific.

use super::NotATrace;
use super::netconnection;

/// nmap, also with `--traceroute` (its hop table has no tool header we read).
const NMAP: &[&str] = &[
    "Starting Nmap",
    "Nmap scan report",
    "Nmap done:",
    "TRACEROUTE (using",
];

/// PowerShell 7 `Test-Connection -Traceroute`: a table with these columns.
const TEST_CONNECTION: &[&str] = &["Hop", "Hostname", "Ping", "Latency", "Status"];

/// nslookup (en, zh-CN, zh-TW), dig, Resolve-DnsName.
const DNS: &[&str] = &[
    "Non-authoritative answer",
    "非权威应答",
    "未经授权的应答",
    "未經授權的回答",
    "; <<>> DiG",
    ";; ANSWER SECTION",
    ";; QUESTION SECTION",
    "Section    IPAddress",
];

/// netstat / ss / Get-NetTCPConnection connection lists.
const CONNECTIONS: &[&str] = &[
    "Active Internet connections",
    "Active Connections",
    "活动连接",
    "使用中連線",
    "Proto Recv-Q",
    "Netid State",
    "Netid  State",
    "LocalAddress",
];

/// route print, netstat -r (Linux, BSD), ip route, Get-NetRoute.
const ROUTES: &[&str] = &[
    "Kernel IP routing table",
    "IPv4 Route Table",
    "Active Routes:",
    "IPv4 路由表",
    "活动路由:",
    "作用中的路由:",
    "Routing tables",
    "DestinationPrefix",
];

/// Linux, BSD/macOS and Windows ping (en, zh-CN, zh-TW).
const PING: &[&str] = &[
    "ping statistics",
    "bytes of data",
    "icmp_seq=",
    "data bytes",
    "Pinging ",
    "Reply from ",
    "Ping statistics",
    "Request timeout for icmp_seq",
    "正在 Ping",
    "的回复:",
    "Ping 统计信息",
    "回覆自",
    "Ping 統計資料",
    "Time(ms)",
    "Latency BufferSize",
];

/// ifconfig, `ip addr`, Windows ipconfig.
const INTERFACES: &[&str] = &[
    "flags=",
    "link/ether",
    "link/loopback",
    "netmask ",
    "Windows IP Configuration",
    "IPv4 Address",
    "Ethernet adapter",
    "Windows IP 配置",
    "以太网适配器",
    "乙太網路卡",
];

/// Tools whose hop tables look like tracert or traceroute rows but are
/// not theirs: refused before any parser runs, so they never become a trace
/// with the wrong columns.
pub(crate) fn foreign_trace(text: &str) -> Option<NotATrace> {
    if NMAP.iter().any(|m| text.contains(m)) {
        Some(NotATrace::Nmap)
    } else if text.lines().any(|l| {
        let mut w = l.split_whitespace();
        TEST_CONNECTION.iter().all(|c| w.next() == Some(*c))
    }) {
        Some(NotATrace::TestConnection)
    } else {
        None
    }
}

pub(crate) fn reason(text: &str) -> NotATrace {
    let has = |m: &str| text.contains(m);
    let any = |list: &[&str]| list.iter().any(|m| has(m));
    if let Some(tool) = foreign_trace(text) {
        tool
    } else if text
        .lines()
        .filter_map(netconnection::property)
        .any(|(k, _)| matches!(k, "PingSucceeded" | "TcpTestSucceeded" | "RemoteAddress"))
    {
        NotATrace::NetConnectionWithoutRoute
    } else if any(DNS) {
        NotATrace::DnsLookup
    } else if any(ROUTES) || (has("default via ") && has(" dev ")) {
        NotATrace::RoutingTable
    } else if any(CONNECTIONS) {
        NotATrace::ConnectionList
    } else if PING.iter().any(|m| has(m)) {
        NotATrace::Ping
    } else if INTERFACES.iter().any(|m| has(m)) || (has("inet ") && (has(" mtu ") || has("scope ")))
    {
        NotATrace::InterfaceListing
    } else {
        NotATrace::NoHops
    }
}
