//! Linux, BSD and macOS traceroute / traceroute6 (FORMATS.md §1–2).
//!
//! ```text
//! traceroute to example.com (93.184.215.14), 30 hops max, 60 byte packets
//!  1  gw (192.168.1.1)  0.5 ms  0.4 ms 10.0.0.2 (10.0.0.2)  0.6 ms
//!  2  [AS64500] core1 (198.51.100.1)  3.1 ms !H  *  3.3 ms
//!     core2 (198.51.100.2)  3.4 ms
//!  3  * * *
//! ```
//!
//! KAME traceroute6 (BSD, macOS) prints a responder by its name alone
//! unless run with `-l`, and puts every responder after a hop's first probe
//! on a line of its own, also after a `*`:
//!
//! ```text
//! 12  2001:db8:1::1  35.530 ms  34.943 ms
//!     dfw06s48-in-x04.1e100.net  37.070 ms
//! 13 *
//!     core2.example.net  40.112 ms  39.870 ms
//! ```

use super::lines::Paste;
use super::{Hop, Parsed, Responder, Target, TraceFormat, lex};

/// `traceroute to HOST (IP), …`, `traceroute6 to HOST (IP) from SRC, …`,
/// NextTrace's `traceroute to IP (name), …`: the target.
pub(crate) fn header(words: &[&str]) -> Option<Target> {
    let (tool, to) = (words.first()?, words.get(1)?);
    let tool_ok =
        tool.eq_ignore_ascii_case("traceroute") || tool.eq_ignore_ascii_case("traceroute6");
    if !tool_ok || *to != "to" {
        return None;
    }
    let first = words.get(2)?.trim_end_matches(',');
    let second = words.get(3).and_then(|w| lex::parens(w));
    let mut target = Target::default();
    // An empty part is neither an address nor a name.
    for part in [first, second.unwrap_or_default()] {
        if lex::ip(part).is_some() && target.address.is_none() {
            target.address = Some(part.to_string());
        } else if lex::is_hostname(part) && target.name.is_none() {
            target.name = Some(part.to_string());
        }
    }
    target.is_known().then_some(target)
}

/// `…, 30 hops max, …` in a header: the highest TTL the run would try.
pub(crate) fn max_hops(words: &[&str]) -> Option<u32> {
    let at = words
        .iter()
        .position(|w| *w == "hops" || *w == "hops,")
        .filter(|&i| words.get(i + 1).is_some_and(|m| m.starts_with("max")))?;
    lex::hop_number(words.get(at.checked_sub(1)?)?)
}

/// What one row or continuation line held.
pub(crate) struct Groups {
    /// Answering routers (or redacted ones) seen.
    pub responders: u32,
    /// Probe times seen.
    pub rtts: u32,
    /// ICMP error flags (`!H`, `!N` …): an unreachable, not an answer.
    pub flags: u32,
}

/// Reads the probe groups of a row (after the hop number) or of a
/// continuation line into `hop`, or only checks them when `hop` is `None`.
/// `None` when a word does not fit, and then `hop` is left unchanged.
pub(crate) fn scan(words: &[&str], mut hop: Option<&mut Hop>) -> Option<Groups> {
    let mark = hop
        .as_deref()
        .map(|h| (h.responders.len(), h.rtts_ms.len(), h.lost));
    let out = scan_inner(words, hop.as_deref_mut());
    if out.is_none()
        && let (Some(h), Some((r, t, l))) = (hop, mark)
    {
        h.responders.truncate(r);
        h.rtts_ms.truncate(t);
        h.lost = l;
    }
    out
}

fn scan_inner(words: &[&str], mut hop: Option<&mut Hop>) -> Option<Groups> {
    let mut g = Groups {
        responders: 0,
        rtts: 0,
        flags: 0,
    };
    let mut lost = 0;
    let mut current: Option<usize> = None;
    let mut pending_asn: Option<&str> = None;
    let mut i = 0;
    while let Some(&w) = words.get(i) {
        let next = words.get(i + 1).copied();
        if w == "*" {
            lost += 1;
            if let Some(h) = hop.as_deref_mut() {
                h.lost = h.lost.saturating_add(1);
            }
            i += 1;
            continue;
        }
        let rtt = match (lex::number(w), next) {
            (Some(v), Some("ms")) => Some((v, 2)),
            _ => lex::cut_last(w, b's')
                .and_then(|t| lex::cut_last(t, b'm'))
                .and_then(lex::number)
                .map(|v| (v, 1)),
        };
        if let Some((v, used)) = rtt {
            if g.responders == 0 {
                return None;
            }
            g.rtts += 1;
            if let Some(h) = hop.as_deref_mut()
                && h.rtts_ms.len() < lex::MAX_RTTS
            {
                h.rtts_ms.push(v);
            }
            i += used;
            continue;
        }
        if lex::first_byte(w) == b'!' && w.len() <= 8 {
            // `!H`, `!N`, `!X`, `!<10>`: the probe's ICMP error flag.
            if g.rtts == 0 && lost == 0 {
                return None;
            }
            g.flags += 1;
            i += 1;
            continue;
        }
        if let Some(label) = lex::brackets(w).filter(|l| l.starts_with("AS") || *l == "*") {
            let before_responder = next.is_some_and(|n| {
                lex::is_addr(n)
                    || words
                        .get(i + 2)
                        .is_some_and(|p| strict_parens_addr(p).is_some())
            });
            if before_responder {
                pending_asn = Some(label);
            } else if let (Some(h), Some(c)) = (hop.as_deref_mut(), current)
                && let Some(r) = h.responders.get_mut(c)
            {
                r.asn = lex::known_asn(label);
            }
            i += 1;
            continue;
        }
        let (name, address, used) = if let Some(a) = next.and_then(strict_parens_addr)
            && is_name(w)
        {
            (Some(w), Some(a), 2)
        } else if let Some(a) = strict_parens_addr(w) {
            (None, Some(a), 1)
        } else if lex::is_addr(w) {
            (None, Some(w), 1)
        } else if is_bare_name(w, next) {
            // KAME traceroute6 without `-l`: the name alone, then a time.
            (Some(w), None, 1)
        } else {
            return None;
        };
        g.responders += 1;
        if let Some(h) = hop.as_deref_mut() {
            let asn = pending_asn.take();
            current = Some(match address {
                Some(a) => add_responder(h, a, name, asn),
                None => add_named_responder(h, w),
            });
        }
        i += used;
    }
    (g.responders > 0 || lost > 0).then_some(g)
}

fn strict_parens_addr(w: &str) -> Option<&str> {
    lex::cut_last(lex::cut_first(w, b'(')?, b')').filter(|a| lex::is_addr(a))
}

/// A name printed before `(IP)`: anything that is not itself markup.
fn is_name(w: &str) -> bool {
    w.len() <= 253
        && w != "*"
        && !w.bytes().any(|b| matches!(b, b'(' | b')' | b'[' | b']'))
        && lex::first_byte(w) != b'!'
}

/// A responder printed by its DNS name alone: it must be followed by a
/// probe time, so that words of prompts and footers are not taken for one.
fn is_bare_name(w: &str, next: Option<&str>) -> bool {
    let time_follows = next.is_some_and(|n| {
        lex::number(n).is_some()
            || lex::cut_last(n, b's')
                .and_then(|t| lex::cut_last(t, b'm'))
                .and_then(lex::number)
                .is_some()
    });
    time_follows
        && lex::is_hostname(w)
        && w.bytes().any(|b| b.is_ascii_alphabetic())
        && !w.eq_ignore_ascii_case("ms")
}

/// Adds a responder known only by its name unless the hop has it already;
/// returns its index.
pub(crate) fn add_named_responder(hop: &mut Hop, name: &str) -> usize {
    if let Some(i) = hop
        .responders
        .iter()
        .position(|r| r.address.is_none() && r.name.as_deref() == Some(name))
    {
        return i;
    }
    if hop.responders.len() >= lex::MAX_RESPONDERS {
        return hop.responders.len() - 1;
    }
    hop.responders.push(Responder {
        address: None,
        name: Some(name.to_string()),
        asn: None,
    });
    hop.responders.len() - 1
}

/// Adds a responder to the hop unless the same address is already there;
/// returns its index.
pub(crate) fn add_responder(
    hop: &mut Hop,
    address: &str,
    name: Option<&str>,
    asn: Option<&str>,
) -> usize {
    if let Some(i) = hop
        .responders
        .iter()
        .position(|r| r.address.as_deref() == Some(address))
    {
        return i;
    }
    if hop.responders.len() >= lex::MAX_RESPONDERS {
        return hop.responders.len() - 1;
    }
    hop.responders.push(Responder {
        address: Some(address.to_string()),
        name: name.filter(|n| *n != address).map(str::to_string),
        asn: asn.and_then(lex::known_asn),
    });
    hop.responders.len() - 1
}

pub(crate) fn new_hop(n: u32) -> Hop {
    Hop {
        hop: n,
        responders: Vec::new(),
        rtts_ms: Vec::new(),
        lost: 0,
        loss_pct: None,
        avg_ms: None,
        best_ms: None,
        worst_ms: None,
    }
}

/// True for a hop row: hop number, then probe groups.
pub(crate) fn is_row(words: &[&str]) -> Option<Groups> {
    lex::hop_number(words.first()?)?;
    scan(words.get(1..)?, None)
}

pub(crate) fn parse(paste: &Paste) -> Option<Parsed> {
    let mut p = Parsed::new(TraceFormat::Traceroute);
    let mut max = None;
    // ICMP error flags on the last hop's lines.
    let mut last_flags = 0;
    for (_, words) in paste.iter() {
        if let Some(t) = header(words) {
            if !p.hops.is_empty() {
                break; // a second run
            }
            p.target = t;
            max = max_hops(words);
            p.strong = true;
            continue;
        }
        if let Some(n) = words.first().and_then(|w| lex::hop_number(w)) {
            let mut hop = new_hop(n);
            let Some(g) = scan(words.get(1..).unwrap_or_default(), Some(&mut hop)) else {
                continue;
            };
            if p.hops.last().is_some_and(|h| h.hop >= n) {
                break; // a second run
            }
            p.strong |= g.responders > 0 && g.rtts > 0;
            last_flags = g.flags;
            p.hops.push(hop);
        } else if let Some(h) = p.hops.last_mut()
            && words.first().is_some_and(|w| !w.starts_with('*'))
        {
            // A further responder of the same hop (BSD, macOS), or an
            // unrelated line (prompt, footer), which `scan` refuses.
            if let Some(g) = scan(words, Some(h)) {
                last_flags += g.flags;
            }
        }
    }
    // traceroute stops at the hop where the target answered; a run that
    // ends before its maximum, with answers and no unreachable flags, ended
    // there.
    p.ended_early =
        max.is_some_and(|m| p.hops.last().is_some_and(|h| h.hop < m)) && last_flags == 0;
    Some(p)
}
