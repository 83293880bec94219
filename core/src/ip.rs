//! IP address checks for the "IP concerned" fields.
//! (First version; issue 3 makes it thorough.)

use crate::normalize::fold_fullwidth;
use serde::Serialize;
use std::net::IpAddr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Public,
    Private,
    Loopback,
    LinkLocal,
    Shared,
    Documentation,
    Multicast,
    Unspecified,
    Broadcast,
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
    /// Canonical text form (IPv6 compressed, lower case).
    pub address: String,
    pub version: u8,
    pub scope: Scope,
}

impl IpInfo {
    pub fn is_public(&self) -> bool {
        self.scope == Scope::Public
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IpError {
    Empty,
    LeadingZero,
    ZoneId,
    Prefix,
    Invalid,
}

impl IpError {
    pub const ALL: [IpError; 5] = [
        IpError::Empty,
        IpError::LeadingZero,
        IpError::ZoneId,
        IpError::Prefix,
        IpError::Invalid,
    ];

    pub fn code(self) -> &'static str {
        match self {
            IpError::Empty => "required",
            IpError::LeadingZero => "ip.leading_zero",
            IpError::ZoneId => "ip.zone_id",
            IpError::Prefix => "ip.prefix",
            IpError::Invalid => "ip.invalid",
        }
    }
}

/// Parses one address as a customer types it: spaces trimmed, full-width
/// digits and dots (and the ideographic full stop) folded to ASCII.
pub fn check_ip(input: &str) -> Result<IpInfo, IpError> {
    let s: String = input
        .trim()
        .chars()
        .map(|c| if c == '。' { '.' } else { fold_fullwidth(c) })
        .collect();
    let s = s.trim();
    if s.is_empty() {
        return Err(IpError::Empty);
    }
    if s.contains('%') {
        return Err(IpError::ZoneId);
    }
    if s.contains('/') {
        return Err(IpError::Prefix);
    }
    let addr: IpAddr = s.parse().map_err(|_| {
        let leading_zero = s
            .split('.')
            .any(|o| o.len() > 1 && o.starts_with('0') && o.bytes().all(|b| b.is_ascii_digit()));
        if leading_zero {
            IpError::LeadingZero
        } else {
            IpError::Invalid
        }
    })?;
    Ok(IpInfo {
        address: addr.to_string(),
        version: if addr.is_ipv4() { 4 } else { 6 },
        scope: scope_of(addr),
    })
}

fn scope_of(addr: IpAddr) -> Scope {
    match addr {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            if v4.is_unspecified() {
                Scope::Unspecified
            } else if v4.is_loopback() {
                Scope::Loopback
            } else if v4.is_private() {
                Scope::Private
            } else if v4.is_link_local() {
                Scope::LinkLocal
            } else if a == 100 && (64..128).contains(&b) {
                Scope::Shared
            } else if (a, b, c) == (192, 0, 2)
                || (a, b, c) == (198, 51, 100)
                || (a, b, c) == (203, 0, 113)
            {
                Scope::Documentation
            } else if v4.is_multicast() {
                Scope::Multicast
            } else if v4.is_broadcast() {
                Scope::Broadcast
            } else if a >= 240 || a == 0 {
                Scope::Reserved
            } else {
                Scope::Public
            }
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return scope_of(IpAddr::V4(v4));
            }
            let seg = v6.segments();
            if v6.is_unspecified() {
                Scope::Unspecified
            } else if v6.is_loopback() {
                Scope::Loopback
            } else if seg[0] & 0xfe00 == 0xfc00 {
                Scope::Private
            } else if seg[0] & 0xffc0 == 0xfe80 {
                Scope::LinkLocal
            } else if seg[0] == 0x2001 && seg[1] == 0x0db8 {
                Scope::Documentation
            } else if v6.is_multicast() {
                Scope::Multicast
            } else if seg[0] & 0xe000 == 0x2000 {
                Scope::Public
            } else {
                Scope::Reserved
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_common_addresses() {
        assert_eq!(check_ip("8.8.8.8").unwrap().scope, Scope::Public);
        assert_eq!(check_ip(" 192.168.1.1 ").unwrap().scope, Scope::Private);
        assert_eq!(
            check_ip("１０３．３１．２．１").unwrap().address,
            "103.31.2.1"
        );
        assert_eq!(check_ip("2001:db8::1").unwrap().scope, Scope::Documentation);
        assert_eq!(check_ip("::ffff:10.0.0.1").unwrap().scope, Scope::Private);
        assert_eq!(check_ip("100.64.0.1").unwrap().scope, Scope::Shared);
    }

    #[test]
    fn rejects_with_a_reason() {
        assert_eq!(check_ip(""), Err(IpError::Empty));
        assert_eq!(check_ip("010.1.1.1"), Err(IpError::LeadingZero));
        assert_eq!(check_ip("fe80::1%eth0"), Err(IpError::ZoneId));
        assert_eq!(check_ip("10.0.0.0/8"), Err(IpError::Prefix));
        assert_eq!(check_ip("my server"), Err(IpError::Invalid));
    }
}
