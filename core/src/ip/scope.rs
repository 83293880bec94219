//! Address classification, after the IANA IPv4 and IPv6 Special-Purpose
//! Address Registries (RFC 6890 and later).
//!
//! The question the widget asks is "could this be the public address of a
//! server we host?", so every block the registries do not mark globally
//! reachable gets a non-public scope, and the scopes a customer can act on
//! (private, loopback, documentation…) are told apart from the catch-all
//! `Reserved`. Tables are ordered most specific first: the first match wins.

use super::Scope;
use std::net::IpAddr;

const fn v4(a: u8, b: u8, c: u8, d: u8) -> u32 {
    u32::from_be_bytes([a, b, c, d])
}

/// The first three groups of an IPv6 address (the rest zero).
const fn v6(a: u16, b: u16, c: u16) -> u128 {
    ((a as u128) << 112) | ((b as u128) << 96) | ((c as u128) << 80)
}

const IPV4: &[(u32, u32, Scope)] = &[
    (v4(0, 0, 0, 0), 32, Scope::Unspecified),
    (v4(255, 255, 255, 255), 32, Scope::Broadcast),
    // 192.0.0.9 (PCP anycast) and 192.0.0.10 (TURN anycast) are the two
    // globally reachable addresses in 192.0.0.0/24.
    (v4(192, 0, 0, 9), 32, Scope::Public),
    (v4(192, 0, 0, 10), 32, Scope::Public),
    // "This network": only valid as a source while a host boots.
    (v4(0, 0, 0, 0), 8, Scope::Reserved),
    (v4(10, 0, 0, 0), 8, Scope::Private),
    // Carrier-grade NAT (RFC 6598): not private to the customer, not public
    // either; support needs to know the customer is behind their ISP's NAT.
    (v4(100, 64, 0, 0), 10, Scope::Shared),
    (v4(127, 0, 0, 0), 8, Scope::Loopback),
    (v4(169, 254, 0, 0), 16, Scope::LinkLocal),
    (v4(172, 16, 0, 0), 12, Scope::Private),
    // IETF protocol assignments (DS-Lite, NAT64 discovery, …).
    (v4(192, 0, 0, 0), 24, Scope::Reserved),
    (v4(192, 0, 2, 0), 24, Scope::Documentation),
    (v4(192, 168, 0, 0), 16, Scope::Private),
    // Benchmarking (RFC 2544): lab networks only.
    (v4(198, 18, 0, 0), 15, Scope::Reserved),
    (v4(198, 51, 100, 0), 24, Scope::Documentation),
    (v4(203, 0, 113, 0), 24, Scope::Documentation),
    (v4(224, 0, 0, 0), 4, Scope::Multicast),
    // Former class E, never usable on the Internet (255.255.255.255 above).
    (v4(240, 0, 0, 0), 4, Scope::Reserved),
];

const IPV6: &[(u128, u32, Scope)] = &[
    // Globally reachable exceptions inside 2001::/23 (same list as the
    // standard library's unstable `Ipv6Addr::is_global`).
    (v6(0x2001, 1, 0) | 1, 128, Scope::Public), // PCP anycast
    (v6(0x2001, 1, 0) | 2, 128, Scope::Public), // TURN anycast
    (v6(0x2001, 3, 0), 32, Scope::Public),      // AMT
    (v6(0x2001, 4, 0x112), 48, Scope::Public),  // AS112-v6
    (v6(0x2001, 0x20, 0), 27, Scope::Public),   // ORCHIDv2 and DETs (2001:20::/28, 2001:30::/28)
    // IETF protocol assignments: Teredo (2001::/32, registry says "N/A" for
    // global reachability; it is a client tunnel, never a hosted server),
    // benchmarking (2001:2::/48), the deprecated ORCHID block, …
    (v6(0x2001, 0, 0), 23, Scope::Reserved),
    (v6(0x2001, 0xdb8, 0), 32, Scope::Documentation),
    (v6(0x3fff, 0, 0), 20, Scope::Documentation), // RFC 9637
    // Global unicast: the only IPv6 space allocated for the Internet.
    (v6(0x2000, 0, 0), 3, Scope::Public),
    // Local-use IPv4/IPv6 translation (RFC 8215): like a private network,
    // meaningful only inside the operator's domain.
    (v6(0x64, 0xff9b, 1), 48, Scope::Private),
    // Unique local addresses: IPv6's private networks.
    (v6(0xfc00, 0, 0), 7, Scope::Private),
    (v6(0xfe80, 0, 0), 10, Scope::LinkLocal),
    (v6(0xff00, 0, 0), 8, Scope::Multicast),
];

/// Classifies an address (see the module documentation for the reasoning).
pub fn scope_of(addr: IpAddr) -> Scope {
    match addr {
        IpAddr::V4(a) => scope_v4(u32::from(a)),
        IpAddr::V6(a) => scope_v6(u128::from(a)),
    }
}

fn scope_v4(a: u32) -> Scope {
    IPV4.iter()
        .find(|&&(net, len, _)| (a ^ net).checked_shr(32 - len).unwrap_or(0) == 0)
        .map_or(Scope::Public, |&(_, _, scope)| scope)
}

fn scope_v6(a: u128) -> Scope {
    match a {
        0 => return Scope::Unspecified,
        1 => return Scope::Loopback,
        _ => {}
    }
    // Addresses that embed an IPv4 address are classified by it:
    // - ::ffff:0:0/96, IPv4-mapped: how dual-stack software (nginx logs,
    //   `ss`, …) shows IPv4 peers; customers copy it from there.
    // - 64:ff9b::/96, the NAT64 well-known prefix (RFC 6052): it must only
    //   carry global IPv4 addresses, so a public embedded address makes it
    //   public and anything else means it is not usable either.
    // - 2002::/16, 6to4 (RFC 3056): the network of the embedded IPv4
    //   address; public only if that address is.
    let embedded = if a >> 32 == 0xffff || a >> 32 == v6(0x64, 0xff9b, 0) >> 32 {
        Some(a as u32)
    } else if a >> 112 == 0x2002 {
        Some((a >> 80) as u32)
    } else {
        None
    };
    if let Some(v4) = embedded {
        return scope_v4(v4);
    }
    // Everything else outside the table (the rest of ::/8 such as the
    // deprecated IPv4-compatible ::a.b.c.d, the discard block 100::/64,
    // SRv6 5f00::/16, site-local fec0::/10, unallocated space) is reserved.
    IPV6.iter()
        .find(|&&(net, len, _)| (a ^ net).checked_shr(128 - len).unwrap_or(0) == 0)
        .map_or(Scope::Reserved, |&(_, _, scope)| scope)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_aligned_networks() {
        for &(net, len, _) in IPV4 {
            assert!(len <= 32 && net & !u32::MAX.checked_shl(32 - len).unwrap_or(0) == 0);
        }
        for &(net, len, _) in IPV6 {
            assert!(len <= 128 && net & !u128::MAX.checked_shl(128 - len).unwrap_or(0) == 0);
        }
    }
}
