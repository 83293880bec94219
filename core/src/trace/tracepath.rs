//! tracepath / tracepath6 (FORMATS.md §3). Lines of one TTL can repeat
//! and arrive late, out of order; they are merged per TTL.
//!
//! ```text
//!  1?: [LOCALHOST]                      pmtu 1500
//!  1:  gw.example.net                   0.512ms
//!  2:  no reply
//!  3:  203.0.113.7                      9.870ms reached
//!      Resume: pmtu 1500 hops 3 back 3
//! ```

use super::lines::Paste;
use super::traceroute::{add_responder, new_hop};
use super::{Hop, Parsed, Responder, TraceFormat, lex};

/// `3:` or `1?:` → the TTL.
fn ttl(word: &str) -> Option<u32> {
    let n = word.strip_suffix(':')?;
    lex::hop_number(n.strip_suffix('?').unwrap_or(n))
}

/// What one line says about its TTL.
#[derive(Default)]
struct Line<'a> {
    host: Option<&'a str>,
    address: Option<&'a str>,
    rtt: Option<f64>,
    no_reply: bool,
    reached: bool,
    local: bool,
}

fn read<'a>(words: &[&'a str]) -> Option<(u32, Line<'a>)> {
    let n = ttl(words.first()?)?;
    let mut l = Line::default();
    let mut i = 1;
    while let Some(&w) = words.get(i) {
        match w {
            "[LOCALHOST]" => l.local = true,
            "no" if words.get(i + 1) == Some(&"reply") => {
                l.no_reply = true;
                i += 1;
            }
            "reached" => l.reached = true,
            "asymm" | "pmtu" => {
                // `asymm 5`, `pmtu 1492`
                words.get(i + 1).and_then(|v| lex::number(v))?;
                i += 1;
            }
            _ => {
                if let Some(v) = lex::glued_ms(w).filter(|_| l.rtt.is_none()) {
                    l.rtt = Some(v);
                } else if let Some(a) = lex::parens(w).filter(|a| lex::is_addr(a)) {
                    l.address = Some(a);
                } else if l.host.is_none() && l.rtt.is_none() && lex::is_hostname(w) {
                    l.host = Some(w);
                } else {
                    return None;
                }
            }
        }
        i += 1;
    }
    let ok = l.no_reply || l.local || (l.rtt.is_some() && l.host.is_some());
    ok.then_some((n, l))
}

/// A tracepath line: `N:` plus a host and time, `no reply` or `[LOCALHOST]`.
pub(crate) fn is_row(words: &[&str]) -> bool {
    read(words).is_some()
}

pub(crate) fn parse(paste: &Paste) -> Option<Parsed> {
    let mut p = Parsed::new(TraceFormat::Tracepath);
    // Index into `p.hops` by TTL, plus one (0: none yet).
    let mut index = [0u8; lex::MAX_HOP as usize + 1];
    for (_, words) in paste.iter() {
        match words.first().copied() {
            Some("Resume:") => {
                p.strong = true;
                if words.contains(&"hops") && p.reached_hint.is_none() {
                    p.reached_hint = Some(true);
                }
                continue;
            }
            Some("Too") if words.get(1) == Some(&"many") => {
                p.strong = true;
                p.reached_hint = Some(false);
                continue;
            }
            _ => {}
        }
        let Some((n, l)) = read(words) else { continue };
        if l.local {
            p.strong = true;
            continue;
        }
        let slot = index.get_mut(n as usize)?;
        if *slot == 0 {
            p.hops.push(new_hop(n));
            // At most one hop per TTL, so at most 255.
            *slot = u8::try_from(p.hops.len()).ok()?;
        }
        let hop = p.hops.get_mut(usize::from(*slot) - 1)?;
        merge(hop, &l);
        if l.reached {
            p.reached_hint = Some(true);
        }
        p.strong |= l.rtt.is_some();
    }
    p.hops.sort_by_key(|h| h.hop);
    Some(p)
}

fn merge(hop: &mut Hop, l: &Line) {
    if l.no_reply {
        hop.lost = hop.lost.saturating_add(1);
        return;
    }
    if let Some(v) = l.rtt
        && hop.rtts_ms.len() < lex::MAX_RTTS
    {
        hop.rtts_ms.push(v);
    }
    match (l.address, l.host) {
        (Some(a), name) => {
            add_responder(hop, a, name, None);
        }
        (None, Some(h)) if lex::is_addr(h) => {
            add_responder(hop, h, None, None);
        }
        (None, Some(h)) => {
            let known = hop.responders.iter().any(|r| r.name.as_deref() == Some(h));
            if !known && hop.responders.len() < lex::MAX_RESPONDERS {
                hop.responders.push(Responder {
                    address: None,
                    name: Some(h.to_string()),
                    asn: None,
                });
            }
        }
        (None, None) => {}
    }
}
