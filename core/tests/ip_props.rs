//! Properties of the IP checks over generated input.

use proptest::prelude::*;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::time::{Duration, Instant};
use ticket_core::ip::{IpError, Scope, check_cidr, check_ip, scope_of};

/// A full-width or IME variant of an ASCII character of an IPv4 address.
fn fullwidth_variant(c: char, pick: u8) -> String {
    match (c, pick % 4) {
        ('.', 0) => "．".into(),
        ('.', 1) => "。".into(),
        ('.', 2) => "｡".into(),
        ('0'..='9', 0 | 1) => char::from_u32(c as u32 + 0xFEE0).unwrap().to_string(),
        _ => c.to_string(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn ipv4_display_round_trips(bits in any::<u32>()) {
        let a = Ipv4Addr::from(bits);
        let info = check_ip(&a.to_string()).unwrap();
        prop_assert_eq!(&info.address, &a.to_string());
        prop_assert_eq!(info.version, 4);
        prop_assert_eq!(info.scope, scope_of(IpAddr::V4(a)));
    }

    #[test]
    fn ipv6_display_round_trips(bits in any::<u128>()) {
        let a = Ipv6Addr::from(bits);
        let info = check_ip(&a.to_string()).unwrap();
        prop_assert_eq!(&info.address, &a.to_string());
        prop_assert_eq!(info.version, 6);
        // The full, uncompressed upper-case form gives the same address.
        let s = a.segments();
        let full = format!(
            "{:04X}:{:04X}:{:04X}:{:04X}:{:04X}:{:04X}:{:04X}:{:04X}",
            s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]
        );
        prop_assert_eq!(check_ip(&full).unwrap().address, a.to_string());
    }

    /// Addresses with runs of zero groups exercise `::` compression.
    #[test]
    fn sparse_ipv6_round_trips(segs in prop::array::uniform8(prop_oneof![Just(0u16), Just(0xffff), any::<u16>()])) {
        let a = Ipv6Addr::from(segs);
        prop_assert_eq!(check_ip(&a.to_string()).unwrap().address, a.to_string());
    }

    #[test]
    fn ipv4_mapped_and_nat64_follow_their_ipv4(bits in any::<u32>()) {
        let v4 = Ipv4Addr::from(bits);
        let v4_scope = check_ip(&v4.to_string()).unwrap().scope;
        let mapped = check_ip(&format!("::ffff:{v4}")).unwrap();
        prop_assert_eq!(&mapped.address, &v4.to_ipv6_mapped().to_string());
        prop_assert_eq!(mapped.scope, v4_scope);
        prop_assert_eq!(check_ip(&format!("64:ff9b::{v4}")).unwrap().scope, v4_scope);
    }

    #[test]
    fn fullwidth_ipv4_is_accepted(bits in any::<u32>(), picks in prop::collection::vec(any::<u8>(), 15), pad in 0usize..3) {
        let a = Ipv4Addr::from(bits).to_string();
        let typed: String = a
            .chars()
            .zip(picks.iter().cycle())
            .map(|(c, &p)| fullwidth_variant(c, p))
            .collect();
        let input = format!("{}{typed}{}", " ".repeat(pad), "\u{3000}".repeat(pad));
        prop_assert_eq!(check_ip(&input).unwrap().address, a);
    }

    #[test]
    fn leading_zero_is_always_rejected(bits in any::<u32>(), which in 0usize..4) {
        let mut octets: Vec<String> = Ipv4Addr::from(bits).octets().iter().map(u8::to_string).collect();
        octets[which] = format!("0{}", octets[which]);
        prop_assert_eq!(check_ip(&octets.join(".")), Err(IpError::LeadingZero));
    }

    #[test]
    fn ports_are_rejected(bits in any::<u32>(), v6 in any::<u128>(), port in any::<u16>()) {
        let a = Ipv4Addr::from(bits);
        prop_assert_eq!(check_ip(&format!("{a}:{port}")), Err(IpError::Port));
        let b = Ipv6Addr::from(v6);
        prop_assert_eq!(check_ip(&format!("[{b}]:{port}")), Err(IpError::Port));
        prop_assert_eq!(check_ip(&format!("[{b}]")), Err(IpError::Brackets));
    }

    #[test]
    fn cidr_clears_host_bits(bits in any::<u32>(), len in 0u8..=32) {
        let a = Ipv4Addr::from(bits);
        let info = check_cidr(&format!("{a}/{len}")).unwrap();
        let mask = u32::MAX.checked_shl(32 - u32::from(len)).unwrap_or(0);
        prop_assert_eq!(&info.network, &Ipv4Addr::from(bits & mask).to_string());
        prop_assert_eq!(info.prefix_len, len);
        prop_assert_eq!(info.host_bits_set, bits & !mask != 0);
        prop_assert_eq!(info.scope, scope_of(IpAddr::V4(Ipv4Addr::from(bits & mask))));
        // The cleaned network is accepted without the flag.
        prop_assert!(!check_cidr(&info.cidr()).unwrap().host_bits_set);
        prop_assert_eq!(check_ip(&format!("{a}/{len}")), Err(IpError::Prefix));
    }

    #[test]
    fn cidr_v6_clears_host_bits(bits in any::<u128>(), len in 0u8..=128) {
        let info = check_cidr(&format!("{}/{len}", Ipv6Addr::from(bits))).unwrap();
        let mask = u128::MAX.checked_shl(128 - u32::from(len)).unwrap_or(0);
        prop_assert_eq!(&info.network, &Ipv6Addr::from(bits & mask).to_string());
        prop_assert_eq!(info.host_bits_set, bits & !mask != 0);
        prop_assert_eq!(info.version, 6);
    }

    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>()) {
        let _ = check_ip(&s);
        let _ = check_cidr(&s);
    }

    /// Strings made of the characters the parser cares about reach deep
    /// into it; accepted ones agree with the standard library's parser.
    #[test]
    fn address_like_strings_agree_with_std(s in "[0-9a-fA-F:.\\[\\]%/ ]{0,50}") {
        if let Ok(info) = check_ip(&s) {
            let std_addr: IpAddr = s.trim().parse().expect("std rejects what we accept");
            prop_assert_eq!(info.address, std_addr.to_string());
        }
        let _ = check_cidr(&s);
    }

    /// Token soup close to real addresses: the set accepted is exactly the
    /// standard library's (which also rejects IPv4 leading zeros), with the
    /// same canonical form.
    #[test]
    fn token_strings_match_std(tokens in prop::collection::vec(prop::sample::select(vec![
        "0", "1", "00", "01", "9", "10", "99", "255", "256", "a", "ff", "FfFf", "0db8", "12345",
        ":", ":", "::", ".", ".", "1.2.3.4", "ffff", "64:ff9b", " ",
    ]), 0..14)) {
        let s: String = tokens.concat();
        let ours = check_ip(&s).map(|i| i.address);
        let std = s.trim().parse::<IpAddr>().map(|a| a.to_string());
        prop_assert_eq!(ours.ok(), std.ok(), "{:?}", s);
    }

    /// Near-valid IPv6: 0–9 groups (some too long, some dotted IPv4, some
    /// with leading zeros), optionally one `::`. Same verdict as std.
    #[test]
    fn near_ipv6_matches_std(
        groups in prop::collection::vec(prop_oneof![
            4 => "[0-9a-fA-F]{1,4}",
            1 => "[0-9a-f]{5}",
            1 => "(0|1|01|99|255|256)\\.(0|1|01|255)\\.(0|1)\\.(0|1|255|256|00)",
            1 => "(1\\.2\\.3|1\\.2\\.3\\.4\\.5)",
        ], 0..10),
        gap in prop::option::of(0usize..10),
    ) {
        let s = match gap {
            Some(at) => {
                let at = at.min(groups.len());
                format!("{}::{}", groups[..at].join(":"), groups[at..].join(":"))
            }
            None => groups.join(":"),
        };
        let ours = check_ip(&s).map(|i| i.address);
        let std = s.parse::<IpAddr>().map(|a| a.to_string());
        prop_assert_eq!(ours.ok(), std.ok(), "{:?}", s);
    }

    #[test]
    fn odd_unicode_never_panics(s in "[\\u{0}-\\u{10FFFF}]{0,120}", t in "[０-９．。：［］／％\u{3000}\u{200B}\u{FEFF}a-f0-9.:]{0,60}") {
        let _ = check_ip(&s);
        let _ = check_cidr(&s);
        let _ = check_ip(&t);
        let _ = check_cidr(&t);
    }
}

#[test]
fn huge_inputs_are_rejected_quickly() {
    let mb = 1 << 20;
    let inputs = [
        "1".repeat(mb),
        ":".repeat(mb),
        ".".repeat(mb),
        "中".repeat(mb / 3),
        "１".repeat(mb / 3),
        format!("{}1.2.3.4{}x", " ".repeat(mb), " ".repeat(mb)),
        "\u{200B}".repeat(mb / 3),
        " ".repeat(mb),
    ];
    for input in &inputs {
        let start = Instant::now();
        let ip = check_ip(input);
        let cidr = check_cidr(input);
        assert!(
            start.elapsed() < Duration::from_millis(500),
            "slow on {} bytes",
            input.len()
        );
        assert!(ip.is_err() && cidr.is_err());
        assert!(
            matches!(ip, Err(IpError::TooLong | IpError::Empty)),
            "{ip:?}"
        );
    }
    // Surrounding whitespace is trimmed, however much of it there is.
    let padded = format!("{}1.2.3.4{}", "\u{3000}".repeat(mb), " ".repeat(mb));
    let start = Instant::now();
    assert_eq!(check_ip(&padded).unwrap().scope, Scope::Public);
    assert!(start.elapsed() < Duration::from_millis(500));
}
