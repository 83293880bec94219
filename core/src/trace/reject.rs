//! Why a paste with no trace in it is not one: ping output and interface
//! listings contain addresses, `ms` and `% packet loss`, so they get a
//! message of their own.

use super::NotATrace;

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

pub(crate) fn reason(text: &str) -> NotATrace {
    let has = |m: &str| text.contains(m);
    if PING.iter().any(|m| has(m)) {
        NotATrace::Ping
    } else if INTERFACES.iter().any(|m| has(m)) || (has("inet ") && (has(" mtu ") || has("scope ")))
    {
        NotATrace::InterfaceListing
    } else {
        NotATrace::NoHops
    }
}
