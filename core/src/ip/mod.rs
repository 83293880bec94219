//! IP address checks for the "IP concerned" fields, as customers type them.
//!
//! - [`check_ip`]: one IPv4 or IPv6 address (the usual field).
//! - [`check_cidr`]: a network in `address/prefix` notation.
//!
//! Input is forgiving where the intent is unambiguous (surrounding spaces,
//! full-width digits and punctuation and the ideographic full stop produced by
//! Chinese IMEs, invisible characters picked up by copy and paste) and strict
//! where it is not (leading zeros, ports, zones, prefixes): each rejection has
//! its own [`IpError`] code so the widget can say exactly what to change.
//!
//! `parse` turns text into an address, `scope` classifies the address.

mod parse;
mod scope;

pub use scope::scope_of;
use serde::Serialize;

use std::net::IpAddr;

/// Longest input considered, in characters after trimming. The longest
/// meaningful text is about 53 characters
/// (`[ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255]:65535`), so anything
/// longer is rejected with [`IpError::TooLong`] before any parsing work.
pub const MAX_INPUT_CHARS: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Globally reachable unicast.
    Public,
    /// RFC 1918 (10/8, 172.16/12, 192.168/16), IPv6 ULA (fc00::/7) and
    /// local-use NAT64 (64:ff9b:1::/48).
    Private,
    /// 127/8, ::1.
    Loopback,
    /// 169.254/16, fe80::/10.
    LinkLocal,
    /// Carrier-grade NAT space, 100.64/10 (RFC 6598).
    Shared,
    /// 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32, 3fff::/20.
    Documentation,
    /// 224/4, ff00::/8.
    Multicast,
    /// 0.0.0.0, ::.
    Unspecified,
    /// 255.255.255.255.
    Broadcast,
    /// Everything else that is not globally reachable unicast: 0/8, 240/4,
    /// 192.0.0/24, benchmarking, unallocated IPv6, deprecated blocks, …
    Reserved,
}

impl Scope {
    pub const ALL: [Scope; 10] = [
        Scope::Public,
        Scope::Private,
        Scope::Loopback,
        Scope::LinkLocal,
        Scope::Shared,
        Scope::Documentation,
        Scope::Multicast,
        Scope::Unspecified,
        Scope::Broadcast,
        Scope::Reserved,
    ];

    /// Stable identifier (also the serde name); the widget localises it.
    pub fn id(self) -> &'static str {
        match self {
            Scope::Public => "public",
            Scope::Private => "private",
            Scope::Loopback => "loopback",
            Scope::LinkLocal => "link_local",
            Scope::Shared => "shared",
            Scope::Documentation => "documentation",
            Scope::Multicast => "multicast",
            Scope::Unspecified => "unspecified",
            Scope::Broadcast => "broadcast",
            Scope::Reserved => "reserved",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IpInfo {
    /// Canonical text form (IPv4 dotted decimal; IPv6 per RFC 5952:
    /// compressed, lower case, IPv4-mapped as `::ffff:a.b.c.d`).
    pub address: String,
    pub version: u8,
    pub scope: Scope,
}

impl IpInfo {
    pub fn is_public(&self) -> bool {
        self.scope == Scope::Public
    }
}

/// A network in CIDR notation, as returned by [`check_cidr`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CidrInfo {
    /// Canonical network address with the host bits cleared, without the
    /// `/prefix` (see [`CidrInfo::cidr`] for the combined form).
    pub network: String,
    pub prefix_len: u8,
    pub version: u8,
    /// Scope of the network address. Blocks that straddle several ranges
    /// (only very short prefixes can) are classified by their first address.
    pub scope: Scope,
    /// The customer typed an address inside the network (`203.0.113.5/24`)
    /// rather than the network itself (`203.0.113.0/24`). Common and harmless,
    /// so a flag for the widget to offer [`CidrInfo::cidr`], not an error.
    pub host_bits_set: bool,
}

impl CidrInfo {
    /// `network/prefix_len`, e.g. `203.0.113.0/24`.
    pub fn cidr(&self) -> String {
        format!("{}/{}", self.network, self.prefix_len)
    }

    pub fn is_public(&self) -> bool {
        self.scope == Scope::Public
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IpError {
    /// Nothing but spaces.
    Empty,
    /// Over [`MAX_INPUT_CHARS`] characters.
    TooLong,
    /// Not an IP address at all.
    Invalid,
    /// A domain name (`server1.example.com`) where an IP address is asked for.
    Hostname,
    /// IPv4 without exactly four non-empty dot-separated numbers.
    OctetCount,
    /// An IPv4 number above 255.
    OctetRange,
    /// `010.1.1.1`: a leading zero, which some tools read as octal.
    LeadingZero,
    /// IPv6 with the wrong number of groups, a group over four hex digits,
    /// more than one `::`, or a misplaced IPv4 part.
    Ipv6Format,
    /// `fe80::1%eth0`: a zone index, meaningless outside the customer's host.
    ZoneId,
    /// `[2001:db8::1]`: brackets around the address.
    Brackets,
    /// `1.2.3.4:22`, `[2001:db8::1]:22`: an address followed by a port.
    Port,
    /// `10.0.0.0/8` where a single address is asked for.
    Prefix,
    /// A network without its `/prefix` length.
    PrefixMissing,
    /// A prefix length over 32 (IPv4) or 128 (IPv6), or a non-contiguous netmask.
    PrefixRange,
}

impl IpError {
    pub const ALL: [IpError; 14] = [
        IpError::Empty,
        IpError::TooLong,
        IpError::Invalid,
        IpError::Hostname,
        IpError::OctetCount,
        IpError::OctetRange,
        IpError::LeadingZero,
        IpError::Ipv6Format,
        IpError::ZoneId,
        IpError::Brackets,
        IpError::Port,
        IpError::Prefix,
        IpError::PrefixMissing,
        IpError::PrefixRange,
    ];

    /// Stable error code; the widget maps it to a localised message.
    pub fn code(self) -> &'static str {
        match self {
            IpError::Empty => "required",
            IpError::TooLong => "ip.too_long",
            IpError::Invalid => "ip.invalid",
            IpError::Hostname => "ip.hostname",
            IpError::OctetCount => "ip.octet_count",
            IpError::OctetRange => "ip.octet_range",
            IpError::LeadingZero => "ip.leading_zero",
            IpError::Ipv6Format => "ip.ipv6_format",
            IpError::ZoneId => "ip.zone_id",
            IpError::Brackets => "ip.brackets",
            IpError::Port => "ip.port",
            IpError::Prefix => "ip.prefix",
            IpError::PrefixMissing => "ip.prefix_missing",
            IpError::PrefixRange => "ip.prefix_range",
        }
    }
}

/// Parses one address as a customer types it: spaces trimmed, full-width
/// digits and punctuation and the ideographic full stop folded to ASCII.
pub fn check_ip(input: &str) -> Result<IpInfo, IpError> {
    let text = parse::normalize(input)?;
    let (addr, prefix) = parse::parse_parts(&text)?;
    if prefix.is_some() {
        return Err(IpError::Prefix);
    }
    Ok(IpInfo {
        address: canonical(addr),
        version: version(addr),
        scope: scope_of(addr),
    })
}

/// Parses a network as `address/prefix` (an IPv4 dotted netmask such as
/// `/255.255.255.0` is accepted too). Host bits are allowed and reported in
/// [`CidrInfo::host_bits_set`]; the network is returned with them cleared.
pub fn check_cidr(input: &str) -> Result<CidrInfo, IpError> {
    let text = parse::normalize(input)?;
    let (addr, prefix) = parse::parse_parts(&text)?;
    let prefix_len = parse::prefix_len(prefix.ok_or(IpError::PrefixMissing)?, addr)?;
    let (network, host_bits_set) = match addr {
        IpAddr::V4(a) => {
            let bits = u32::from(a);
            let mask = u32::MAX
                .checked_shl(32u32.saturating_sub(prefix_len.into()))
                .unwrap_or(0);
            (IpAddr::from((bits & mask).to_be_bytes()), bits & !mask != 0)
        }
        IpAddr::V6(a) => {
            let bits = u128::from(a);
            let mask = u128::MAX
                .checked_shl(128u32.saturating_sub(prefix_len.into()))
                .unwrap_or(0);
            (IpAddr::from((bits & mask).to_be_bytes()), bits & !mask != 0)
        }
    };
    Ok(CidrInfo {
        network: canonical(network),
        prefix_len,
        version: version(addr),
        scope: scope_of(network),
        host_bits_set,
    })
}

/// A bare address literal, nothing trimmed or folded: what trace parsers
/// need. The same syntax as `str::parse::<IpAddr>()` (see the `ip_props`
/// tests), without bringing the standard library's parser into the wasm.
pub(crate) fn parse_literal(s: &str) -> Option<IpAddr> {
    parse::parse_addr(s).ok()
}

/// The text `addr.to_string()` gives (the `ip_props` tests compare them),
/// written by hand: the standard library's `Display` for addresses is
/// 2 KB of wasm.
fn canonical(addr: IpAddr) -> String {
    let mut out = String::with_capacity(39);
    match addr {
        IpAddr::V4(a) => push_v4(&mut out, a.octets()),
        IpAddr::V6(a) => {
            if let Some(v4) = a.to_ipv4_mapped() {
                out.push_str("::ffff:");
                push_v4(&mut out, v4.octets());
                return out;
            }
            let groups = a.segments();
            // The longest run of zero groups (the first of equal ones), if
            // it spans two or more, becomes `::` (RFC 5952).
            let (mut gap, mut gap_len, mut run) = (0, 0, 0);
            for (i, &g) in groups.iter().enumerate() {
                run = if g == 0 { run + 1 } else { 0 };
                if run > gap_len {
                    (gap, gap_len) = (i + 1 - run, run);
                }
            }
            if gap_len < 2 {
                gap_len = 0;
                gap = groups.len();
            }
            for (i, &g) in groups.iter().enumerate() {
                if i == gap {
                    out.push_str("::");
                } else if (gap..gap + gap_len).contains(&i) {
                    continue;
                } else {
                    if i > 0 && i != gap + gap_len {
                        out.push(':');
                    }
                    push_hex(&mut out, g);
                }
            }
        }
    }
    out
}

fn push_v4(out: &mut String, octets: [u8; 4]) {
    for (i, o) in octets.into_iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        if o >= 100 {
            out.push(char::from(b'0' + o / 100));
        }
        if o >= 10 {
            out.push(char::from(b'0' + o / 10 % 10));
        }
        out.push(char::from(b'0' + o % 10));
    }
}

/// Lower-case hex without leading zeros.
fn push_hex(out: &mut String, v: u16) {
    for shift in [12, 8, 4, 0] {
        if v >> shift != 0 || shift == 0 {
            out.push(char::from(
                b"0123456789abcdef"[usize::from(v >> shift & 0xF)],
            ));
        }
    }
}

fn version(addr: IpAddr) -> u8 {
    if addr.is_ipv4() { 4 } else { 6 }
}

#[cfg(test)]
mod tests {
    use super::canonical;
    use std::net::{IpAddr, Ipv6Addr};

    #[test]
    fn canonical_text_is_std_display() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            // Sparse groups, so that zero runs of every length and place occur.
            let groups: [u16; 8] = std::array::from_fn(|i| {
                let r = (seed >> (i * 8)) as u16;
                if r & 3 == 0 { r } else { 0 }
            });
            let v6 = IpAddr::V6(Ipv6Addr::from(groups));
            assert_eq!(canonical(v6), v6.to_string());
            let v4 = IpAddr::from((seed as u32).to_be_bytes());
            assert_eq!(canonical(v4), v4.to_string());
        }
        for text in [
            "::",
            "::1",
            "1::",
            "::ffff:1.2.3.4",
            "::1.2.3.4",
            "1:0:0:1:0:0:0:1",
            "0.0.0.0",
        ] {
            let addr: IpAddr = text.parse().unwrap();
            assert_eq!(canonical(addr), addr.to_string());
        }
    }
}
