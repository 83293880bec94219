//! Text to address, with a precise error for each way customers get it wrong.
//!
//! Hand-written rather than `str::parse::<IpAddr>()` so that every failure
//! gets its own code (leading zero vs. octet over 255 vs. wrong count…) and
//! the accepted syntax does not depend on the standard library's version.
//! Only `split_once`/`strip_*` on ASCII separators cut strings, so no slice
//! can fall inside a multi-byte character, and nothing indexes unchecked.

use super::{IpError, MAX_INPUT_CHARS};
// The same folding as `normalize::fold_ip`, so the widget can send what
// this check read.
use crate::normalize::{fold_ime as fold, is_invisible};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Trims, drops invisible characters and folds to ASCII. The length cap is
/// applied while copying, so a megabyte of input costs one trim and at most
/// `MAX_INPUT_CHARS` steps.
pub(super) fn normalize(input: &str) -> Result<String, IpError> {
    // `char::is_whitespace` covers the ideographic space U+3000 too.
    let trimmed = input.trim_matches(|c: char| c.is_whitespace() || is_invisible(c));
    if trimmed.is_empty() {
        return Err(IpError::Empty);
    }
    let mut out = String::with_capacity(trimmed.len().min(MAX_INPUT_CHARS));
    for (i, c) in trimmed.chars().enumerate() {
        if i >= MAX_INPUT_CHARS {
            return Err(IpError::TooLong);
        }
        if !is_invisible(c) {
            out.push(fold(c));
        }
    }
    Ok(out)
}

/// What surrounded the address: brackets, or a port (bracketed or not).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Wrap {
    None,
    Brackets,
    Port,
}

fn all_digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

/// Separates the address from brackets and a port. A port with an empty
/// number (`1.2.3.4:`) counts as a port: that is a port being typed.
///
/// An unbracketed IPv6 address followed by a port (`2001:db8::1:22`) is a
/// valid address in its own right and cannot be told apart; that is why
/// RFC 3986 brackets IPv6 literals with ports.
fn peel(s: &str) -> Result<(&str, Wrap), IpError> {
    if let Some(rest) = s.strip_prefix('[') {
        return match rest.split_once(']') {
            // The closing bracket not typed yet.
            None => Ok((rest, Wrap::Brackets)),
            Some((inner, "")) => Ok((inner, Wrap::Brackets)),
            Some((inner, after)) => match after.strip_prefix(':') {
                Some(port) if all_digits(port) => Ok((inner, Wrap::Port)),
                _ => Err(IpError::Invalid),
            },
        };
    }
    if let Some(inner) = s.strip_suffix(']') {
        return Ok((inner, Wrap::Brackets));
    }
    // IPv4 with a port: a dot before the first colon. (In IPv6 text a dotted
    // IPv4 part only ever comes after the last colon.)
    if let Some((head, port)) = s.split_once(':')
        && head.contains('.')
        && all_digits(port)
    {
        return Ok((head, Wrap::Port));
    }
    Ok((s, Wrap::None))
}

/// The address and, if present, the text after `/`. Errors about the
/// address itself come first (they are what the customer must fix in any
/// case), then the zone, then brackets or port.
pub(super) fn parse_parts(s: &str) -> Result<(IpAddr, Option<&str>), IpError> {
    let (inner, wrap) = peel(s)?;
    let (addr_zone, prefix) = match inner.split_once('/') {
        Some((a, p)) => (a, Some(p)),
        None => (inner, None),
    };
    let (addr_text, zone) = match addr_zone.split_once('%') {
        Some((a, z)) => (a, Some(z)),
        None => (addr_zone, None),
    };
    let addr = parse_addr(addr_text)?;
    if zone.is_some() {
        return Err(IpError::ZoneId);
    }
    match wrap {
        Wrap::None => Ok((addr, prefix)),
        Wrap::Brackets => Err(IpError::Brackets),
        Wrap::Port => Err(IpError::Port),
    }
}

pub(super) fn parse_addr(s: &str) -> Result<IpAddr, IpError> {
    if s.contains(':') {
        parse_v6(s).map(IpAddr::V6)
    } else if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        parse_v4(s).map(IpAddr::V4)
    } else if looks_like_hostname(s) {
        Err(IpError::Hostname)
    } else {
        Err(IpError::Invalid)
    }
}

/// Strict dotted decimal: exactly four numbers 0–255 without leading zeros.
/// The shorthand forms `inet_aton` accepts (`127.1`, `0x7f.0.0.1`,
/// `2130706433`) are rejected: customers do not mean them, and `010` is read
/// as 8 by some tools and as 10 by others.
fn parse_v4(s: &str) -> Result<Ipv4Addr, IpError> {
    if !s.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return Err(IpError::Invalid);
    }
    if s.split('.').count() != 4 || s.split('.').any(str::is_empty) {
        return Err(IpError::OctetCount);
    }
    let mut octets = [0u8; 4];
    for (slot, part) in octets.iter_mut().zip(s.split('.')) {
        if part.len() > 1 && part.starts_with('0') {
            return Err(IpError::LeadingZero);
        }
        let mut value: u32 = 0;
        for b in part.bytes() {
            value = value * 10 + u32::from(b - b'0');
            if value > 255 {
                return Err(IpError::OctetRange);
            }
        }
        *slot = value as u8;
    }
    Ok(Ipv4Addr::from(octets))
}

/// RFC 4291 text: eight groups of 1–4 hex digits, one `::` standing for one
/// or more zero groups, and optionally a dotted IPv4 address as the last 32
/// bits. Group leading zeros are fine in IPv6 (`2001:0db8::`): no octal
/// reading exists there.
fn parse_v6(s: &str) -> Result<Ipv6Addr, IpError> {
    if !s
        .bytes()
        .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
    {
        return Err(IpError::Invalid);
    }
    let mut head = [0u16; 8];
    let mut tail = [0u16; 8];
    let (n_head, n_tail) = match split_gap(s) {
        Some((h, t)) => {
            if split_gap(t).is_some() {
                return Err(IpError::Ipv6Format);
            }
            // An IPv4 part must end the address, so never before `::`.
            let n_head = groups(h, &mut head, false)?;
            let n_tail = groups(t, &mut tail, true)?;
            // `::` stands for at least one group.
            if n_head + n_tail > 7 {
                return Err(IpError::Ipv6Format);
            }
            (n_head, n_tail)
        }
        None => {
            let n = groups(s, &mut head, true)?;
            if n != 8 {
                return Err(IpError::Ipv6Format);
            }
            (n, 0)
        }
    };
    let mut segments = [0u16; 8];
    for (slot, value) in segments.iter_mut().zip(head.iter().take(n_head)) {
        *slot = *value;
    }
    for (slot, value) in segments
        .iter_mut()
        .skip(8usize.saturating_sub(n_tail))
        .zip(tail.iter().take(n_tail))
    {
        *slot = *value;
    }
    Ok(Ipv6Addr::from(segments))
}

/// Splits at the first `::`. (A byte search: `str::split_once("::")` pulls
/// the general substring searcher into the wasm.)
fn split_gap(s: &str) -> Option<(&str, &str)> {
    let i = s.as_bytes().windows(2).position(|w| w == b"::")?;
    Some((s.get(..i)?, s.get(i + 2..)?))
}

/// Parses colon-separated groups into `out`, returning how many. `ends` says
/// whether this part ends the address (where an IPv4 part may stand).
fn groups(part: &str, out: &mut [u16; 8], ends: bool) -> Result<usize, IpError> {
    if part.is_empty() {
        return Ok(0);
    }
    let mut n = 0;
    let mut pieces = part.split(':').peekable();
    while let Some(piece) = pieces.next() {
        let last = pieces.peek().is_none();
        if piece.contains('.') {
            if !(last && ends) || n > 6 {
                return Err(IpError::Ipv6Format);
            }
            let [a, b, c, d] = parse_v4(piece)?.octets();
            for (slot, value) in out
                .iter_mut()
                .skip(n)
                .zip([u16::from_be_bytes([a, b]), u16::from_be_bytes([c, d])])
            {
                *slot = value;
            }
            n += 2;
            continue;
        }
        if piece.is_empty() || piece.len() > 4 || n >= 8 {
            return Err(IpError::Ipv6Format);
        }
        let mut value: u16 = 0;
        for b in piece.bytes() {
            // Only hex digits remain (checked by `parse_v6`); 4 of them fit.
            let digit = (b as char).to_digit(16).ok_or(IpError::Invalid)?;
            value = (value << 4) | digit as u16;
        }
        if let Some(slot) = out.get_mut(n) {
            *slot = value;
        }
        n += 1;
    }
    Ok(n)
}

/// A domain name such as `vps1.example.com`: at least two dot-separated LDH
/// labels whose last one (the TLD) is alphabetic or an IDN `xn--` label.
/// Customers often type their server's name instead of its IP.
fn looks_like_hostname(s: &str) -> bool {
    let s = s.strip_suffix('.').unwrap_or(s);
    let mut labels = 0;
    let mut last = "";
    for label in s.split('.') {
        let ldh = label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if label.is_empty()
            || label.len() > 63
            || !ldh
            || label.starts_with('-')
            || label.ends_with('-')
        {
            return false;
        }
        labels += 1;
        last = label;
    }
    labels >= 2
        && ((last.len() >= 2 && last.bytes().all(|b| b.is_ascii_alphabetic()))
            || last
                .get(..4)
                .is_some_and(|p| p.eq_ignore_ascii_case("xn--")))
}

/// Prefix length after `/`: decimal without leading zeros, or for IPv4 a
/// contiguous dotted netmask (`255.255.255.0`), which customers copy from
/// their control panel.
pub(super) fn prefix_len(p: &str, addr: IpAddr) -> Result<u8, IpError> {
    let max: u32 = if addr.is_ipv4() { 32 } else { 128 };
    if p.is_empty() {
        return Err(IpError::PrefixMissing);
    }
    if addr.is_ipv4() && p.contains('.') {
        let mask = u32::from(parse_v4(p)?);
        let ones = mask.leading_ones();
        // Contiguous: nothing is left once the leading ones are shifted out.
        if mask.checked_shl(ones).unwrap_or(0) != 0 {
            return Err(IpError::PrefixRange);
        }
        return Ok(ones as u8);
    }
    if !all_digits(p) {
        return Err(IpError::Invalid);
    }
    if p.len() > 1 && p.starts_with('0') {
        return Err(IpError::LeadingZero);
    }
    let mut value: u32 = 0;
    for b in p.bytes() {
        value = value * 10 + u32::from(b - b'0');
        if value > max {
            return Err(IpError::PrefixRange);
        }
    }
    Ok(value as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_folds_trims_and_caps() {
        assert_eq!(
            normalize(" \u{3000}１．２。３｡４\u{200B} ").unwrap(),
            "1.2.3.4"
        );
        assert_eq!(normalize("\u{FEFF}::１\u{FE55}"), Ok("::1:".to_owned()));
        assert_eq!(normalize(" \u{200B}\u{3000} "), Err(IpError::Empty));
        assert_eq!(
            normalize(&"1".repeat(MAX_INPUT_CHARS)).map(|s| s.len()),
            Ok(MAX_INPUT_CHARS)
        );
        assert_eq!(
            normalize(&"1".repeat(MAX_INPUT_CHARS + 1)),
            Err(IpError::TooLong)
        );
    }

    #[test]
    fn peel_recognises_wrappers() {
        assert_eq!(peel("[::1]"), Ok(("::1", Wrap::Brackets)));
        assert_eq!(peel("[::1"), Ok(("::1", Wrap::Brackets)));
        assert_eq!(peel("::1]"), Ok(("::1", Wrap::Brackets)));
        assert_eq!(peel("[::1]:22"), Ok(("::1", Wrap::Port)));
        assert_eq!(peel("[::1]:"), Ok(("::1", Wrap::Port)));
        assert_eq!(peel("[::1]x"), Err(IpError::Invalid));
        assert_eq!(peel("1.2.3.4:22"), Ok(("1.2.3.4", Wrap::Port)));
        assert_eq!(peel("::ffff:1.2.3.4"), Ok(("::ffff:1.2.3.4", Wrap::None)));
    }

    #[test]
    fn groups_fill_in_order() {
        let mut out = [0u16; 8];
        assert_eq!(groups("1:ab:1.2.3.4", &mut out, true), Ok(4));
        assert_eq!(out[..4], [1, 0xab, 0x0102, 0x0304]);
        assert_eq!(
            groups("1.2.3.4:1", &mut out, true),
            Err(IpError::Ipv6Format)
        );
    }

    #[test]
    fn hostnames() {
        assert!(looks_like_hostname("vps1.example.com"));
        assert!(looks_like_hostname("example.com."));
        assert!(looks_like_hostname("xn--fiqs8s.xn--fiqz9s"));
        assert!(!looks_like_hostname("localhost"));
        assert!(!looks_like_hostname("1.2.3.a"));
        assert!(!looks_like_hostname("-a.com"));
    }
}
