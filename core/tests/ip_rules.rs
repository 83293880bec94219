//! `check_ip`: what is accepted, how it is normalised, and the precise error
//! for each way an address can be mistyped.

use ticket_core::ip::{IpError, MAX_INPUT_CHARS, check_ip};

fn addr(input: &str) -> String {
    match check_ip(input) {
        Ok(info) => info.address,
        Err(e) => panic!("{input:?} rejected with {}", e.code()),
    }
}

fn err(input: &str) -> IpError {
    match check_ip(input) {
        Ok(info) => panic!("{input:?} accepted as {}", info.address),
        Err(e) => e,
    }
}

#[test]
fn accepts_plain_addresses() {
    assert_eq!(addr("8.8.8.8"), "8.8.8.8");
    assert_eq!(addr("0.0.0.0"), "0.0.0.0");
    assert_eq!(addr("255.255.255.255"), "255.255.255.255");
    assert_eq!(addr("2001:db8::1"), "2001:db8::1");
    assert_eq!(addr("::"), "::");
    assert_eq!(addr("::1"), "::1");
    assert_eq!(addr("1::"), "1::");
    assert_eq!(addr("1:2:3:4:5:6:7:8"), "1:2:3:4:5:6:7:8");
    // `::` may stand for a single group.
    assert_eq!(addr("1:2:3:4:5:6::8"), "1:2:3:4:5:6:0:8");
    assert_eq!(addr("::2:3:4:5:6:7:8"), "0:2:3:4:5:6:7:8");
    assert_eq!(addr("1:2:3:4:5:6:7::"), "1:2:3:4:5:6:7:0");
}

#[test]
fn versions() {
    assert_eq!(check_ip("8.8.8.8").unwrap().version, 4);
    assert_eq!(check_ip("2606:4700::1111").unwrap().version, 6);
    assert_eq!(check_ip("::ffff:8.8.8.8").unwrap().version, 6);
}

#[test]
fn ipv6_is_canonicalised() {
    assert_eq!(
        addr("2001:0DB8:0000:0000:0000:0000:0000:0001"),
        "2001:db8::1"
    );
    assert_eq!(addr("2001:DB8::A"), "2001:db8::a");
    assert_eq!(addr("2001:db8:0:0:1:0:0:1"), "2001:db8::1:0:0:1");
    assert_eq!(addr("0:0:0:0:0:0:0:0"), "::");
    assert_eq!(addr("::ffff:c000:0201"), "::ffff:192.0.2.1");
    assert_eq!(addr("::FFFF:192.0.2.1"), "::ffff:192.0.2.1");
    assert_eq!(addr("64:ff9b::192.0.2.1"), "64:ff9b::c000:201");
    assert_eq!(addr("1:2:3:4:5:6:1.2.3.4"), "1:2:3:4:5:6:102:304");
}

#[test]
fn trims_and_folds_ime_input() {
    assert_eq!(addr("  103.31.2.1\t\n"), "103.31.2.1");
    assert_eq!(addr("\u{3000}103.31.2.1\u{3000}"), "103.31.2.1");
    assert_eq!(addr("１０３．３１．２．１"), "103.31.2.1");
    assert_eq!(addr("１０３。３１。２。１"), "103.31.2.1");
    assert_eq!(addr("103｡31｡2｡1"), "103.31.2.1");
    assert_eq!(addr("１０３.31。２．1"), "103.31.2.1");
    assert_eq!(addr("２００１：ｄｂ８：：１"), "2001:db8::1");
    assert_eq!(addr("２００１：ＤＢ８：：Ａ"), "2001:db8::a");
    assert_eq!(addr("\u{FEFF}8.8.8.8\u{200B}"), "8.8.8.8");
    assert_eq!(addr("8.8\u{200B}.8.8"), "8.8.8.8");
}

#[test]
fn empty_is_required() {
    for input in ["", "   ", "\u{3000}", "\t\n", "\u{200B}"] {
        assert_eq!(err(input), IpError::Empty, "{input:?}");
    }
    assert_eq!(IpError::Empty.code(), "required");
}

#[test]
fn too_long() {
    let long = format!("1.2.3.4{}", " x".repeat(MAX_INPUT_CHARS));
    assert_eq!(err(&long), IpError::TooLong);
    assert_eq!(err(&"1".repeat(MAX_INPUT_CHARS + 1)), IpError::TooLong);
    // Surrounding spaces do not count.
    let padded = format!("{}8.8.8.8{}", " ".repeat(500), "\u{3000}".repeat(500));
    assert_eq!(addr(&padded), "8.8.8.8");
}

#[test]
fn leading_zero() {
    for input in [
        "010.1.1.1",
        "1.1.1.01",
        "10.00.0.1",
        "192.168.001.1",
        "::ffff:010.1.1.1",
    ] {
        assert_eq!(err(input), IpError::LeadingZero, "{input:?}");
    }
    // Zero itself is fine, and so are leading zeros in IPv6 groups.
    assert_eq!(addr("10.0.0.0"), "10.0.0.0");
    assert_eq!(addr("2001:0db8::0001"), "2001:db8::1");
}

#[test]
fn octet_count() {
    for input in [
        "1.2.3",
        "1.2.3.4.5",
        "1",
        "3232235777",
        "1..2.3",
        "1.2.3.",
        ".1.2.3",
        "1.2.3.4.",
        "...",
        "::ffff:1.2.3",
    ] {
        assert_eq!(err(input), IpError::OctetCount, "{input:?}");
    }
}

#[test]
fn octet_range() {
    for input in [
        "256.1.1.1",
        "1.1.1.300",
        "999.999.999.999",
        "1.1.1.99999999999999999999",
        "::ffff:1.2.3.256",
    ] {
        assert_eq!(err(input), IpError::OctetRange, "{input:?}");
    }
}

#[test]
fn ipv6_format() {
    for input in [
        "1:2:3:4:5:6:7",     // too few groups
        "1:2:3:4:5:6:7:8:9", // too many
        "1:2:3:4:5:6:7:8::", // `::` with no group left to stand for
        "::1:2:3:4:5:6:7:8",
        "1::2::3", // two `::`
        ":::",
        "1:::2",
        "12345::", // group over four digits
        "2001:db8:::1",
        ":1:2:3:4:5:6:7", // lone leading colon
        "1:2:3:4:5:6:7:", // lone trailing colon
        "1.2.3.4::",      // IPv4 part not at the end
        "::1.2.3.4:1",
        "1:2:3:4:5:6:7:1.2.3.4", // IPv4 part makes nine groups
        "1::2:3:4:5:6:7:1.2.3.4",
        "1:2",
    ] {
        assert_eq!(err(input), IpError::Ipv6Format, "{input:?}");
    }
}

#[test]
fn zone_id() {
    for input in [
        "fe80::1%eth0",
        "fe80::1%2",
        "fe80::1%",
        "1.2.3.4%eth0",
        "ｆｅ８０：：１％ｅｔｈ０",
    ] {
        assert_eq!(err(input), IpError::ZoneId, "{input:?}");
    }
    // The address is checked first.
    assert_eq!(err("fe80:::1%eth0"), IpError::Ipv6Format);
}

#[test]
fn prefix() {
    for input in [
        "10.0.0.0/8",
        "2001:db8::/32",
        "203.0.113.5/24",
        "1.2.3.4/",
        "1.2.3.4/999",
        "１０．０．０．０／８",
    ] {
        assert_eq!(err(input), IpError::Prefix, "{input:?}");
    }
    assert_eq!(err("10.0.0/8"), IpError::OctetCount);
}

#[test]
fn port() {
    for input in [
        "1.2.3.4:22",
        "1.2.3.4:",
        "1.2.3.4:65535",
        "[2001:db8::1]:22",
        "[2001:db8::1]:",
        "[1.2.3.4]:8080",
        "１．２．３．４：２２",
        "［２００１：ｄｂ８：：１］：２２",
        // The longest meaningful input stays under the length cap.
        "[ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255]:65535",
    ] {
        assert_eq!(err(input), IpError::Port, "{input:?}");
    }
    // The address is checked first.
    assert_eq!(err("1.2.3.400:22"), IpError::OctetRange);
    assert_eq!(err("[2001:db8:::1]:22"), IpError::Ipv6Format);
    assert_eq!(err("[fe80::1%eth0]:22"), IpError::ZoneId);
    // Not a port: garbage after the bracket.
    assert_eq!(err("[2001:db8::1]:ssh"), IpError::Invalid);
    assert_eq!(err("[2001:db8::1]x"), IpError::Invalid);
}

#[test]
fn brackets() {
    for input in [
        "[2001:db8::1]",
        "[2001:db8::1",
        "2001:db8::1]",
        "[1.2.3.4]",
        "［::1］",
    ] {
        assert_eq!(err(input), IpError::Brackets, "{input:?}");
    }
    assert_eq!(err("[]"), IpError::Invalid);
}

#[test]
fn hostname() {
    for input in [
        "example.com",
        "vps1.leikwan.example",
        "Server-1.Example.COM",
        "example.com.",
        "example.com:22",
    ] {
        assert_eq!(err(input), IpError::Hostname, "{input:?}");
    }
}

#[test]
fn invalid() {
    for input in [
        "my server",
        "localhost",
        "1.2.3.a",
        "0x7f.0.0.1",
        "1.2.3.4a",
        "1. 2.3.4",
        "1.2.3.4 5",
        "1.2.3.4,",
        "1,2,3,4",
        "1、2、3、4",
        "١٢٣.١.١.١", // Arabic-Indic digits
        "𝟏.𝟐.𝟑.𝟒",   // mathematical bold digits
        "2001:db8::g",
        "http://1.2.3.4/",
        "/24",
        "%eth0",
        "服务器",
        "-",
    ] {
        assert_eq!(err(input), IpError::Invalid, "{input:?}");
    }
}

#[test]
fn error_codes_are_stable_and_unique() {
    let codes: Vec<&str> = IpError::ALL.iter().map(|e| e.code()).collect();
    assert_eq!(
        codes,
        [
            "required",
            "ip.too_long",
            "ip.invalid",
            "ip.hostname",
            "ip.octet_count",
            "ip.octet_range",
            "ip.leading_zero",
            "ip.ipv6_format",
            "ip.zone_id",
            "ip.brackets",
            "ip.port",
            "ip.prefix",
            "ip.prefix_missing",
            "ip.prefix_range",
        ]
    );
    // Every variant is in ALL (this match stops compiling when one is added).
    for e in IpError::ALL {
        match e {
            IpError::Empty
            | IpError::TooLong
            | IpError::Invalid
            | IpError::Hostname
            | IpError::OctetCount
            | IpError::OctetRange
            | IpError::LeadingZero
            | IpError::Ipv6Format
            | IpError::ZoneId
            | IpError::Brackets
            | IpError::Port
            | IpError::Prefix
            | IpError::PrefixMissing
            | IpError::PrefixRange => {}
        }
    }
}
