//! Windows tracert in English, Simplified and Traditional Chinese
//! (FORMATS.md §9–10). Rows put the three probe times before the address:
//!
//! ```text
//!   1    <1 ms    <1 ms    <1 ms  192.168.1.1
//!   2     *        *        *     Request timed out.
//!   3    12 ms    11 ms    12 毫秒 core1.example.net [198.51.100.1]
//! ```

use super::lines::Paste;
use super::traceroute::{add_responder, new_hop};
use super::{Hop, Parsed, Target, TraceFormat, lex};

/// Header and trailer words of every locale.
pub(crate) const MARKERS: &[&str] = &[
    "Tracing route to",
    "over a maximum of",
    "Trace complete.",
    "通过最多",
    "跃点跟踪",
    "跟踪完成",
    "在上限",
    "個躍點",
    "追蹤完成",
];

/// The target named in a header line, if this is one.
pub(crate) fn header(line: &str) -> Option<Target> {
    let rest = if let Some(i) = line.find("Tracing route to ") {
        line.get(i + "Tracing route to ".len()..)?
    } else if let Some(i) = line.find("跟踪到 ") {
        line.get(i + "跟踪到 ".len()..)?
    } else {
        let t = line.trim_start();
        let r = t.strip_prefix("到 ").or_else(|| t.strip_prefix("追蹤 "))?;
        if !(r.contains("的路由") || r.contains('[')) {
            return None;
        }
        r
    };
    let mut words = rest.split_whitespace();
    let first = words.next()?;
    let mut target = Target::default();
    if lex::ip(first).is_some() {
        target.address = Some(first.to_string());
    } else if lex::is_hostname(first) {
        target.name = Some(first.to_string());
        if let Some(a) = words
            .next()
            .and_then(lex::brackets)
            .filter(|a| lex::ip(a).is_some())
        {
            target.address = Some(a.to_string());
        }
    }
    target.is_known().then_some(target)
}

/// Reads the probe fields at the start of `words`: `<1 ms`, `12 毫秒`, `*`.
/// Returns how many words they took, the times, and the timeouts.
fn fields(words: &[&str], mut rtts: Option<&mut Vec<f64>>) -> (usize, u32, u32) {
    let (mut i, mut answered, mut lost) = (0, 0, 0);
    while let Some(&w) = words.get(i) {
        let v = if w == "*" {
            lost += 1;
            i += 1;
            continue;
        } else if let Some(v) =
            lex::rtt_value(w).filter(|_| words.get(i + 1).is_some_and(|n| lex::is_ms(n)))
        {
            i += 2;
            v
        } else if let Some(v) = lex::glued_ms(w) {
            i += 1;
            v
        } else {
            break;
        };
        answered += 1;
        if let Some(r) = rtts.as_deref_mut()
            && r.len() < lex::MAX_RTTS
        {
            r.push(v);
        }
    }
    (i, answered, lost)
}

/// A tracert row: hop number, probe fields, then an address or a message.
pub(crate) fn is_row(words: &[&str]) -> bool {
    if words.first().and_then(|w| lex::hop_number(w)).is_none() {
        return false;
    }
    let rest = words.get(1..).unwrap_or_default();
    let (used, answered, lost) = fields(rest, None);
    let text = rest.get(used..).unwrap_or_default();
    // Traceroute rows can also open with `*`, but go on with `(IP)` and `ms`.
    (answered > 0 || lost > 0)
        && !text.is_empty()
        && !text
            .iter()
            .any(|w| lex::is_ms(w) || *w == "*" || w.starts_with('('))
}

/// The address part: `name [IP]`, `IP`, or a message (`Request timed out.`).
pub(crate) fn address(text: &[&str], hop: &mut Hop) {
    if let Some(pos) = text
        .iter()
        .position(|w| lex::brackets(w).is_some_and(lex::is_addr))
    {
        let addr = text
            .get(pos)
            .and_then(|w| lex::brackets(w))
            .unwrap_or_default();
        let name = pos.checked_sub(1).and_then(|p| text.get(p)).copied();
        add_responder(hop, addr, name, None);
    } else if let Some(first) = text.first().filter(|w| lex::is_addr(w)) {
        add_responder(hop, first, None, None);
    }
}

pub(crate) fn parse(paste: &Paste) -> Option<Parsed> {
    let mut p = Parsed::new(TraceFormat::TracertWindows);
    for (line, words) in paste.iter() {
        if MARKERS.iter().any(|m| line.contains(m)) {
            p.strong = true;
            if line.contains("Trace complete.")
                || line.contains("跟踪完成")
                || line.contains("追蹤完成")
            {
                if !p.hops.is_empty() {
                    break;
                }
                continue;
            }
        }
        if let Some(t) = header(line) {
            if !p.hops.is_empty() {
                break;
            }
            p.target = t;
            p.strong = true;
            continue;
        }
        let Some(n) = words.first().and_then(|w| lex::hop_number(w)) else {
            continue;
        };
        let rest = words.get(1..).unwrap_or_default();
        let mut hop = new_hop(n);
        let (used, answered, lost) = fields(rest, Some(&mut hop.rtts_ms));
        let text = rest.get(used..).unwrap_or_default();
        if answered + lost == 0 {
            // `  4  10.0.0.1  reports: Destination host unreachable.`
            if text.len() >= 2 && text.first().is_some_and(|w| lex::is_addr(w)) {
                address(text, &mut hop);
            } else {
                continue;
            }
        } else {
            if text.is_empty() && answered == 0 {
                continue;
            }
            hop.lost = lost;
            address(text, &mut hop);
        }
        if p.hops.last().is_some_and(|h| h.hop >= n) {
            break;
        }
        p.strong |= answered > 0 && !hop.responders.is_empty();
        p.hops.push(hop);
    }
    Some(p)
}
