//! `check_cidr`: networks in `address/prefix` notation.

use ticket_core::ip::{CidrInfo, IpError, Scope, check_cidr};

fn ok(input: &str) -> CidrInfo {
    match check_cidr(input) {
        Ok(info) => info,
        Err(e) => panic!("{input:?} rejected with {}", e.code()),
    }
}

fn err(input: &str) -> IpError {
    match check_cidr(input) {
        Ok(info) => panic!("{input:?} accepted as {}", info.cidr()),
        Err(e) => e,
    }
}

#[test]
fn clean_networks() {
    let n = ok("203.0.113.0/24");
    assert_eq!(
        n,
        CidrInfo {
            network: "203.0.113.0".into(),
            prefix_len: 24,
            version: 4,
            scope: Scope::Documentation,
            host_bits_set: false,
        }
    );
    assert_eq!(n.cidr(), "203.0.113.0/24");
    let n = ok("2001:DB8::/32");
    assert_eq!(
        (n.network.as_str(), n.prefix_len, n.version),
        ("2001:db8::", 32, 6)
    );
    assert!(!n.host_bits_set);
    assert_eq!(ok("10.0.0.0/8").scope, Scope::Private);
    assert_eq!(ok("103.31.2.0/29").scope, Scope::Public);
    assert!(ok("103.31.2.0/29").is_public());
    assert_eq!(ok("fd00::/8").scope, Scope::Private);
    assert_eq!(ok("2400:cb00:1::/48").scope, Scope::Public);
}

#[test]
fn host_bits_are_a_flag() {
    let n = ok("203.0.113.5/24");
    assert!(n.host_bits_set);
    assert_eq!(n.cidr(), "203.0.113.0/24");
    let n = ok("2001:db8::1/64");
    assert!(n.host_bits_set);
    assert_eq!(n.cidr(), "2001:db8::/64");
    let n = ok("10.1.2.3/7");
    assert_eq!(n.cidr(), "10.0.0.0/7");
}

#[test]
fn prefix_bounds() {
    assert_eq!(ok("0.0.0.0/0").cidr(), "0.0.0.0/0");
    assert_eq!(ok("1.2.3.4/0").cidr(), "0.0.0.0/0");
    assert_eq!(ok("1.2.3.4/32").cidr(), "1.2.3.4/32");
    assert!(!ok("1.2.3.4/32").host_bits_set);
    assert_eq!(ok("::/0").cidr(), "::/0");
    assert_eq!(ok("2001:db8::1/128").cidr(), "2001:db8::1/128");
    assert_eq!(ok("ffff::1/1").cidr(), "8000::/1");
    for input in [
        "1.2.3.4/33",
        "1.2.3.4/255",
        "1.2.3.4/99999999999",
        "::/129",
        "2001:db8::/999",
    ] {
        assert_eq!(err(input), IpError::PrefixRange, "{input:?}");
    }
}

#[test]
fn netmask_notation() {
    let n = ok("192.168.1.0/255.255.255.0");
    assert_eq!(
        (n.cidr().as_str(), n.host_bits_set),
        ("192.168.1.0/24", false)
    );
    assert_eq!(ok("10.0.0.0/255.0.0.0").prefix_len, 8);
    assert_eq!(ok("1.2.3.4/255.255.255.255").prefix_len, 32);
    assert_eq!(ok("1.2.3.4/0.0.0.0").prefix_len, 0);
    assert_eq!(ok("1.2.3.4/255.255.255.252").cidr(), "1.2.3.4/30");
    assert_eq!(err("1.2.3.4/255.0.255.0"), IpError::PrefixRange);
    assert_eq!(err("1.2.3.4/0.0.0.255"), IpError::PrefixRange);
    assert_eq!(err("1.2.3.4/255.255.255"), IpError::OctetCount);
    assert_eq!(err("2001:db8::/255.255.0.0"), IpError::Invalid);
}

#[test]
fn ime_input() {
    assert_eq!(
        ok(" １０３．３１．２．０／２４\u{3000}").cidr(),
        "103.31.2.0/24"
    );
    assert_eq!(ok("103。31。2。0/24").cidr(), "103.31.2.0/24");
}

#[test]
fn errors() {
    assert_eq!(err(""), IpError::Empty);
    assert_eq!(err("203.0.113.0"), IpError::PrefixMissing);
    assert_eq!(err("203.0.113.0/"), IpError::PrefixMissing);
    assert_eq!(err("203.0.113.0/24a"), IpError::Invalid);
    assert_eq!(err("203.0.113.0/-1"), IpError::Invalid);
    assert_eq!(err("203.0.113.0/024"), IpError::LeadingZero);
    assert_eq!(err("203.0.113/24"), IpError::OctetCount);
    assert_eq!(err("203.0.113.0.1/24"), IpError::OctetCount);
    assert_eq!(err("203.0.113.256/24"), IpError::OctetRange);
    assert_eq!(err("fe80::%eth0/64"), IpError::ZoneId);
    assert_eq!(err("[2001:db8::]/32"), IpError::Invalid);
    assert_eq!(err("example.com/24"), IpError::Hostname);
    assert_eq!(err(&"1".repeat(1000)), IpError::TooLong);
}
