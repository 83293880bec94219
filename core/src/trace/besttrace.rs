//! The Chinese trace tools (FORMATS.md §11–12).
//!
//! BestTrace: one line per hop, one probe, then AS and geo text:
//! ```text
//!  4  202.97.12.1  35.81 ms  AS4134  中国 北京 电信
//!  5  *
//! ```
//! NextTrace: two lines per hop (address / AS / geo, then PTR and times),
//! more responders of a TTL as indented two-line groups, `*` for a silent
//! or redacted hop:
//! ```text
//! 4   202.97.12.1     AS4134   [CHINANET-BB]  中国 北京  chinatelecom.com.cn
//!     bj.example.cn                             35.81 ms / * ms / 35.90 ms
//! 5   *
//! ```

use super::lines::Paste;
use super::traceroute::{add_responder, header, new_hop};
use super::{Parsed, TraceFormat, lex};

/// NextTrace banner and wrapper words.
pub(crate) const NEXTTRACE_MARKERS: &[&str] = &[
    "NextTrace",
    "nexttrace",
    "bytes payload",
    "IP Geo Data Provider",
    "LeoMoeAPI",
    "Hop, IPv",
];

/// BestTrace / LemonBench wrapper words.
pub(crate) const BESTTRACE_MARKERS: &[&str] = &["BestTrace", "besttrace", "路由追踪到", "跃点)"];

/// A BestTrace row.
pub(crate) struct BtRow<'a> {
    pub hop: u32,
    pub address: Option<&'a str>,
    pub name: Option<&'a str>,
    pub asn: Option<&'a str>,
    /// Times (up to 8 kept) and how many.
    pub rtts: [f64; 8],
    pub answered: usize,
    pub lost: u32,
    /// AS or geo text follows the times: not plain traceroute.
    pub distinct: bool,
}

pub(crate) fn bt_row<'a>(words: &[&'a str]) -> Option<BtRow<'a>> {
    let hop = lex::hop_number(words.first()?)?;
    let rest = words.get(1..)?;
    let mut row = BtRow {
        hop,
        address: None,
        name: None,
        asn: None,
        rtts: [0.0; 8],
        answered: 0,
        lost: 0,
        distinct: false,
    };
    if !rest.is_empty() && rest.iter().all(|w| *w == "*") {
        row.lost = u32::try_from(rest.len()).ok()?;
        return Some(row);
    }
    let first = rest.first()?;
    let mut i = 1;
    if let Some(a) = rest
        .get(1)
        .and_then(|w| lex::parens(w))
        .filter(|a| lex::is_addr(a))
    {
        row.name = Some(first);
        row.address = Some(a);
        i = 2;
    } else if lex::is_addr(first) {
        row.address = Some(first);
    } else {
        return None;
    }
    while let Some(&w) = rest.get(i) {
        let next = rest.get(i + 1).copied();
        if let (Some(v), Some("ms")) = (lex::number(w), next) {
            if let Some(slot) = row.rtts.get_mut(row.answered) {
                *slot = v;
            }
            row.answered += 1;
            i += 2;
        } else if w == "*" && next.is_some_and(|n| lex::number(n).is_some()) {
            row.lost += 1;
            i += 1;
        } else {
            break;
        }
    }
    if row.answered == 0 {
        return None;
    }
    if let Some(&w) = rest.get(i) {
        row.distinct = true;
        row.asn = lex::asn(w);
        if row.asn.is_none() && w != "*" && lex::number(w).is_some() {
            return None;
        }
    }
    Some(row)
}

pub(crate) fn parse_besttrace(paste: &Paste) -> Option<Parsed> {
    let mut p = Parsed::new(TraceFormat::BestTrace);
    for (line, words) in paste.iter() {
        if BESTTRACE_MARKERS.iter().any(|m| line.contains(m)) {
            p.strong = true;
        }
        if let Some(t) = header(words) {
            if !p.hops.is_empty() {
                break;
            }
            p.target = t;
            continue;
        }
        let Some(row) = bt_row(words) else { continue };
        if p.hops.last().is_some_and(|h| h.hop >= row.hop) {
            break;
        }
        let mut hop = new_hop(row.hop);
        if let Some(a) = row.address {
            add_responder(&mut hop, a, row.name, row.asn);
        }
        let kept = row.answered.min(row.rtts.len());
        hop.rtts_ms
            .extend_from_slice(row.rtts.get(..kept).unwrap_or_default());
        hop.lost = row.lost;
        p.strong |= row.distinct;
        p.hops.push(hop);
    }
    Some(p)
}

/// A NextTrace hop line: `4   202.97.12.1   AS4134  …` or `5   *`.
/// Returns the hop number and the address (`None` for `*`).
pub(crate) fn nt_hop_line<'a>(
    words: &[&'a str],
) -> Option<(u32, Option<&'a str>, Option<&'a str>)> {
    let n = lex::hop_number(words.first()?)?;
    let (addr, tail) = nt_responder(words.get(1..)?)?;
    Some((n, addr, tail))
}

/// `202.97.12.1  AS4134 …`, `10.0.0.1  *  RFC1918`, `*` → (address, AS).
fn nt_responder<'a>(words: &[&'a str]) -> Option<(Option<&'a str>, Option<&'a str>)> {
    let first = *words.first()?;
    let second = words.get(1).copied();
    if first == "*" {
        // `5   *` (silent or redacted), or a redacted address before its AS.
        return match second {
            None => Some((None, None)),
            Some("*") => Some((None, None)),
            Some(s) => lex::asn(s).map(|a| (None, Some(a))),
        };
    }
    if !lex::is_addr(first) {
        return None;
    }
    match second {
        None => Some((Some(first), None)),
        Some("*") => Some((Some(first), None)),
        Some(s) => lex::asn(s).map(|a| (Some(first), Some(a))),
    }
}

/// A NextTrace time line: `[PTR]  1.37 ms / 1.26 ms / * ms`.
/// Returns the PTR name, the times (via `push`) and the lost probes.
pub(crate) fn nt_rtt_line<'a>(
    words: &[&'a str],
    mut push: impl FnMut(f64),
) -> Option<(Option<&'a str>, u32)> {
    let first = *words.first()?;
    let probe_start =
        |w: &str| w == "*" || w == "*ms" || lex::number(w).is_some() || lex::glued_ms(w).is_some();
    let (ptr, mut i) = if probe_start(first) {
        (None, 0)
    } else if lex::is_hostname(first) {
        (Some(first), 1)
    } else {
        return None;
    };
    let (mut groups, mut lost) = (0, 0u32);
    loop {
        let w = *words.get(i)?;
        let next = words.get(i + 1).copied();
        if w == "*ms" || (w == "*" && next == Some("ms")) {
            lost += 1;
            i += if w == "*" { 2 } else { 1 };
        } else if let (Some(v), Some("ms")) = (lex::number(w), next) {
            push(v);
            i += 2;
        } else if let Some(v) = lex::glued_ms(w).filter(|_| !w.starts_with('<')) {
            push(v);
            i += 1;
        } else {
            return None;
        }
        groups += 1;
        match words.get(i) {
            None => break,
            Some(&"/") => i += 1,
            Some(_) => return None,
        }
    }
    (groups > 0).then_some((ptr, lost))
}

pub(crate) fn parse_nexttrace(paste: &Paste) -> Option<Parsed> {
    let mut p = Parsed::new(TraceFormat::NextTrace);
    // Per hop: whether a time line followed it.
    let mut timed: Vec<bool> = Vec::new();
    let mut current: Option<usize> = None;
    for (line, words) in paste.iter() {
        if NEXTTRACE_MARKERS.iter().any(|m| line.contains(m)) {
            p.strong = true;
        }
        if let Some(t) = header(words) {
            if !p.hops.is_empty() {
                break;
            }
            p.target = t;
            continue;
        }
        if let Some((n, addr, asn)) = nt_hop_line(words) {
            match p.hops.last() {
                Some(last) if last.hop > n => break,
                Some(last) if last.hop == n => {}
                _ => {
                    p.hops.push(new_hop(n));
                    timed.push(false);
                }
            }
            current = None;
            if let (Some(a), Some(hop)) = (addr, p.hops.last_mut()) {
                current = Some(add_responder(hop, a, None, asn));
            }
            continue;
        }
        let Some(hop) = p.hops.last_mut() else {
            continue;
        };
        let mut rtts: Vec<f64> = Vec::new();
        if let Some((ptr, lost)) = nt_rtt_line(words, |v| rtts.push(v)) {
            let room = lex::MAX_RTTS.saturating_sub(hop.rtts_ms.len());
            rtts.truncate(room);
            hop.rtts_ms.extend_from_slice(&rtts);
            hop.lost = hop.lost.saturating_add(lost);
            if let (Some(name), Some(r)) = (ptr, current.and_then(|c| hop.responders.get_mut(c))) {
                r.name = Some(name.to_string());
            }
            if let Some(t) = timed.last_mut() {
                *t = true;
            }
            p.strong = true;
        } else if let Some((Some(a), asn)) = nt_responder(words) {
            // Another responder of the same TTL (line 1 indented by 4).
            current = Some(add_responder(hop, a, None, asn));
        }
    }
    for (hop, timed) in p.hops.iter_mut().zip(timed) {
        if !timed && hop.responders.is_empty() {
            hop.lost = 1; // `5   *`: the hop never answered.
        }
    }
    Some(p)
}
