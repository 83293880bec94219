//! Scope classification: every scope, every special block, and the
//! addresses that embed IPv4.

use ticket_core::ip::{Scope, check_ip};

fn scope(input: &str) -> Scope {
    match check_ip(input) {
        Ok(info) => info.scope,
        Err(e) => panic!("{input:?} rejected with {}", e.code()),
    }
}

fn assert_scope(expected: Scope, inputs: &[&str]) {
    for input in inputs {
        assert_eq!(scope(input), expected, "{input}");
    }
}

#[test]
fn public() {
    assert_scope(
        Scope::Public,
        &[
            "8.8.8.8",
            "1.1.1.1",
            "103.31.2.1",
            "9.255.255.255",
            "11.0.0.0",
            "100.63.255.255",
            "100.128.0.0",
            "172.15.255.255",
            "172.32.0.0",
            "192.0.1.255",
            "192.0.3.0",
            "192.0.0.9",
            "192.0.0.10",
            "192.88.99.1",
            "192.167.255.255",
            "192.169.0.0",
            "198.17.255.255",
            "198.20.0.0",
            "223.255.255.255",
            "2606:4700:4700::1111",
            "2001:4860:4860::8888",
            "2400:cb00::1",
            "3ffe::1",
            "3fff:1000::1",
            "2001:200::1",
            "2001:1::1",
            "2001:1::2",
            "2001:3::1",
            "2001:4:112::1",
            "2001:20::1",
            "2001:3f::1",
            "::ffff:8.8.8.8",
            "64:ff9b::8.8.8.8",
            "2002:808:808::1",
        ],
    );
    assert!(check_ip("8.8.8.8").unwrap().is_public());
    assert!(!check_ip("10.0.0.1").unwrap().is_public());
}

#[test]
fn private() {
    assert_scope(
        Scope::Private,
        &[
            "10.0.0.0",
            "10.255.255.255",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.0.1",
            "192.168.255.255",
            "fc00::1",
            "fd12:3456:789a::1",
            "fdff:ffff::1",
            "64:ff9b:1::1",
            "::ffff:10.0.0.1",
            "::ffff:192.168.1.1",
            "64:ff9b::10.0.0.1",
            "2002:c0a8:101::1",
        ],
    );
}

#[test]
fn loopback() {
    assert_scope(
        Scope::Loopback,
        &["127.0.0.1", "127.255.255.254", "::1", "::ffff:127.0.0.1"],
    );
}

#[test]
fn link_local() {
    assert_scope(
        Scope::LinkLocal,
        &[
            "169.254.0.1",
            "169.254.169.254",
            "fe80::1",
            "febf:ffff::1",
            "::ffff:169.254.1.1",
        ],
    );
}

#[test]
fn shared() {
    assert_scope(
        Scope::Shared,
        &[
            "100.64.0.0",
            "100.64.0.1",
            "100.127.255.255",
            "::ffff:100.64.0.1",
        ],
    );
}

#[test]
fn documentation() {
    assert_scope(
        Scope::Documentation,
        &[
            "192.0.2.1",
            "198.51.100.7",
            "203.0.113.255",
            "2001:db8::1",
            "2001:db8:ffff::1",
            "3fff::1",
            "3fff:fff:ffff::1",
            "::ffff:203.0.113.5",
            "64:ff9b::192.0.2.1",
            "2002:cb00:7105::1",
        ],
    );
}

#[test]
fn multicast() {
    assert_scope(
        Scope::Multicast,
        &[
            "224.0.0.1",
            "239.255.255.250",
            "ff02::1",
            "ff05::1:3",
            "ff0e::1",
            "::ffff:224.0.0.1",
        ],
    );
}

#[test]
fn unspecified() {
    assert_scope(Scope::Unspecified, &["0.0.0.0", "::", "::ffff:0.0.0.0"]);
}

#[test]
fn broadcast() {
    assert_scope(
        Scope::Broadcast,
        &["255.255.255.255", "::ffff:255.255.255.255"],
    );
}

#[test]
fn reserved() {
    assert_scope(
        Scope::Reserved,
        &[
            "0.0.0.1",
            "0.255.255.255",
            "240.0.0.1",
            "250.1.2.3",
            "255.255.255.254",
            "192.0.0.1",
            "192.0.0.170",
            "198.18.0.1",
            "198.19.255.255",
            // IPv6: the rest of ::/8 (IPv4-compatible, IPv4-translated), the
            // discard block, 2001::/23 (Teredo, benchmarking, old ORCHID),
            // SRv6, site-local, unallocated space.
            "::2",
            "::1.2.3.4",
            "::ffff:0:1.2.3.4",
            "100::1",
            "2001::1",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2",
            "2001:2::1",
            "2001:10::1",
            "2001:1::3",
            "2001:1ff::1",
            "4000::1",
            "5f00::1",
            "fec0::1",
            "fe00::1",
            "64:ff9b:2::1",
            "::ffff:240.0.0.1",
            "::ffff:198.18.0.1",
            "2002:c612::1",
        ],
    );
}

#[test]
fn every_scope_is_reachable_and_ids_are_stable() {
    let ids: Vec<&str> = Scope::ALL.iter().map(|s| s.id()).collect();
    assert_eq!(
        ids,
        [
            "public",
            "private",
            "loopback",
            "link_local",
            "shared",
            "documentation",
            "multicast",
            "unspecified",
            "broadcast",
            "reserved",
        ]
    );
    // The serde name is the id.
    for s in Scope::ALL {
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            format!("\"{}\"", s.id())
        );
    }
}
