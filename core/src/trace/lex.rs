//! Small word-level readers shared by the format parsers. All of them work
//! on whole tokens and never slice inside a character.

use std::net::IpAddr;

/// Highest TTL any tool can send.
pub(crate) const MAX_HOP: u32 = 255;
/// Responders kept per hop (more are ignored; keeps merging linear).
pub(crate) const MAX_RESPONDERS: usize = 16;
/// Probe times kept per hop.
pub(crate) const MAX_RTTS: usize = 256;

// Byte-level helpers: the release profile optimises for size, where
// `str` patterns (`strip_suffix('%')`) cost a call and a `memcmp` each.

/// `tok` without its first byte, when that is the ASCII `b`.
pub(crate) fn cut_first(tok: &str, b: u8) -> Option<&str> {
    if tok.as_bytes().first() == Some(&b) {
        tok.get(1..)
    } else {
        None
    }
}

/// `tok` without its last byte, when that is the ASCII `b`.
pub(crate) fn cut_last(tok: &str, b: u8) -> Option<&str> {
    if tok.as_bytes().last() == Some(&b) {
        tok.get(..tok.len() - 1)
    } else {
        None
    }
}

/// The first byte (0 for an empty string).
pub(crate) fn first_byte(tok: &str) -> u8 {
    tok.as_bytes().first().copied().unwrap_or(0)
}

/// Does `tok` contain the ASCII byte `b`?
pub(crate) fn has_byte(tok: &str, b: u8) -> bool {
    tok.as_bytes().contains(&b)
}

/// A hop number: 1 to 3 digits, 1..=255.
pub(crate) fn hop_number(tok: &str) -> Option<u32> {
    if tok.is_empty() || tok.len() > 3 {
        return None;
    }
    let mut n = 0u32;
    for b in tok.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u32::from(b - b'0');
    }
    (1..=MAX_HOP).contains(&n).then_some(n)
}

/// A count of packets: 1 to 9 digits.
pub(crate) fn count(tok: &str) -> Option<u32> {
    if tok.is_empty() || tok.len() > 9 || !tok.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    tok.parse().ok()
}

/// A plain decimal number as tools print it: `12`, `0.354`, `1021.`.
/// No sign, exponent, `inf` or `nan`. (Hand-rolled: this is the parser's
/// hottest path. With at most 12 characters the digits fit a `u64` exactly,
/// and one division by an exact power of ten rounds like `str::parse`.)
pub(crate) fn number(tok: &str) -> Option<f64> {
    const POW10: [f64; 13] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
    ];
    let b = tok.as_bytes();
    if b.len() > 12 || !b.first()?.is_ascii_digit() {
        return None;
    }
    let (mut digits, mut decimals, mut dot) = (0u64, 0usize, false);
    for &c in b {
        match c {
            b'0'..=b'9' => {
                digits = digits * 10 + u64::from(c - b'0');
                decimals += usize::from(dot);
            }
            b'.' if !dot => dot = true,
            _ => return None,
        }
    }
    Some(digits as f64 / POW10.get(decimals)?)
}

/// A percentage: `20.0%`, `100.0`, `0`.
pub(crate) fn percent(tok: &str) -> Option<f64> {
    number(cut_last(tok, b'%').unwrap_or(tok)).filter(|v| *v <= 100.0)
}

/// A round-trip time written with its unit glued on: `12.345ms`, `<1ms`.
pub(crate) fn glued_ms(tok: &str) -> Option<f64> {
    let v = match tok.as_bytes().last()? {
        b's' => cut_last(tok, b's').and_then(|t| cut_last(t, b'm'))?,
        0x80.. => tok.strip_suffix("毫秒")?,
        _ => return None,
    };
    rtt_value(v)
}

/// The number in front of a separate `ms`: `12`, `0.354`, `<1`.
pub(crate) fn rtt_value(tok: &str) -> Option<f64> {
    match cut_first(tok, b'<') {
        Some(rest) => number(rest),
        None => number(tok),
    }
}

/// `ms` or the Chinese `毫秒`.
pub(crate) fn is_ms(tok: &str) -> bool {
    tok == "ms" || tok == "毫秒"
}

/// A literal IP address (v4 or v6, an IPv6 zone suffix allowed).
pub(crate) fn ip(tok: &str) -> Option<IpAddr> {
    // Every address starts with a hex digit or `:`: names fail fast.
    if tok.len() > 64 || !(first_byte(tok).is_ascii_hexdigit() || first_byte(tok) == b':') {
        return None;
    }
    let core = match tok.bytes().position(|b| b == b'%') {
        Some(i) => tok.get(..i).filter(|a| has_byte(a, b':'))?,
        None => tok,
    };
    crate::ip::parse_literal(core)
}

/// An IP address, or an IPv4 address with some parts redacted
/// (`103.31.x.x`, `10.*.*.1`).
pub(crate) fn is_addr(tok: &str) -> bool {
    ip(tok).is_some() || redacted_v4(tok)
}

fn redacted_v4(tok: &str) -> bool {
    if tok.len() > 15 || !has_byte(tok, b'.') {
        return false;
    }
    let mut parts = 0;
    let mut digits = false;
    let mut redacted = false;
    for part in tok.split('.') {
        parts += 1;
        if !part.is_empty() && part.len() <= 3 && part.bytes().all(|b| b.is_ascii_digit()) {
            digits = true;
        } else if !part.is_empty()
            && part.len() <= 3
            && part.bytes().all(|b| matches!(b, b'x' | b'X' | b'*'))
        {
            redacted = true;
        } else {
            return false;
        }
    }
    parts == 4 && digits && redacted
}

/// A DNS name as tools print it (letters, digits, `-`, `_`, `.`), with at
/// least one letter or digit. Also accepts addresses.
pub(crate) fn is_hostname(tok: &str) -> bool {
    let dns = !tok.is_empty()
        && tok.len() <= 253
        && tok.bytes().any(|b| b.is_ascii_alphanumeric())
        && !matches!(first_byte(tok), b'-' | b'.')
        && tok
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    dns || is_addr(tok)
}

/// `(inner)` → `inner` (a trailing `,` or `:` is tolerated, as in headers).
pub(crate) fn parens(tok: &str) -> Option<&str> {
    let inner = cut_first(tok, b'(')?;
    let inner = cut_last(inner, b',')
        .or_else(|| cut_last(inner, b':'))
        .unwrap_or(inner);
    cut_last(inner, b')')
}

/// `[inner]` → `inner`.
pub(crate) fn brackets(tok: &str) -> Option<&str> {
    cut_last(cut_first(tok, b'[')?, b']')
}

/// An AS label as mtr, BestTrace and NextTrace print it: `AS4134`, `AS???`.
pub(crate) fn asn(tok: &str) -> Option<&str> {
    let rest = cut_first(tok, b'A').and_then(|t| cut_first(t, b'S'))?;
    (!rest.is_empty()
        && rest.len() <= 10
        && (rest.bytes().all(|b| b.is_ascii_digit()) || rest == "???"))
        .then_some(tok)
}

/// The answer of an mtr `AS???`, traceroute `[*]` or `AS0`-style label: the
/// label worth keeping, or `None` when it names no AS.
pub(crate) fn known_asn(label: &str) -> Option<String> {
    let useful = label.starts_with("AS") && label.len() > 2 && !label.contains('?');
    useful.then(|| label.to_string())
}

/// Same address? IPs compare by value (so `2001:db8::1` equals
/// `2001:DB8:0::1`), everything else case-insensitively.
pub(crate) fn same_host(a: &str, b: &str) -> bool {
    match (ip(a), ip(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a.eq_ignore_ascii_case(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number("1021."), Some(1021.0));
        assert_eq!(number("0.354"), Some(0.354));
        assert_eq!(number("1.2.3"), None);
        for t in [
            "0.354",
            "12.345",
            "1021.",
            "246.3",
            "0.1",
            "99999.999",
            "123456789012",
            "0.0000000001",
        ] {
            assert_eq!(number(t), t.parse().ok(), "{t}");
        }
        assert_eq!(number("inf"), None);
        assert_eq!(number("-1"), None);
        assert_eq!(rtt_value("<1"), Some(1.0));
        assert_eq!(glued_ms("12.5ms"), Some(12.5));
        assert_eq!(percent("100.0"), Some(100.0));
        assert_eq!(percent("13.7%"), Some(13.7));
        assert_eq!(hop_number("0"), None);
        assert_eq!(hop_number("30"), Some(30));
        assert_eq!(hop_number("256"), None);
    }

    #[test]
    fn addresses() {
        assert!(is_addr("2607:f8b0:4020:806::2004"));
        assert!(is_addr("103.31.x.x"));
        assert!(!is_addr("x.x.x.x"));
        assert!(!is_addr("1.2.3"));
        assert!(is_hostname("Google-demarc.seflow.it"));
        assert!(!is_hostname("root@host:~#"));
        assert_eq!(parens("(8.8.8.8),"), Some("8.8.8.8"));
        assert_eq!(asn("AS4134"), Some("AS4134"));
        assert_eq!(asn("AS???"), Some("AS???"));
        assert_eq!(asn("ASIA"), None);
        assert!(same_host("2001:db8::1", "2001:DB8:0::1"));
    }

    #[test]
    fn ip_accepts_what_std_accepts() {
        for t in [
            "8.8.8.8",
            "255.255.255.255",
            "256.1.1.1",
            "01.2.3.4",
            "1.2.3",
            "1.2.3.4.5",
            "1..2.3",
            "::",
            "::1",
            "fe80::1%eth0",
            "fe80::1%",
            "1.2.3.4%x",
            "2001:db8::1:0:0:1",
            "2001:0db8:0000:0000:0000:0000:0000:0001",
            "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7::",
            "::1:2:3:4:5:6:7",
            "1:2:3:4:5:6:1.2.3.4",
            "1:2:3:4:5:6:7:1.2.3.4",
            "::ffff:1.2.3.4",
            "1.2.3.4::",
            "1::2::3",
            ":::",
            ":1::2",
            "12345::",
            "abcd:",
            "a.b.c.d",
            "deadbeef",
            "Ab::Cd",
        ] {
            let core = t.split('%').next().unwrap_or(t);
            let want = (!t.contains('%') || core.contains(':'))
                .then(|| core.parse::<IpAddr>().ok())
                .flatten();
            assert_eq!(ip(t), want, "{t}");
        }
    }
}
