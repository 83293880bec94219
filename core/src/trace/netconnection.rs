//! PowerShell `Test-NetConnection -TraceRoute` (FORMATS.md §14). Its
//! property names are not translated. The hops are the `TraceRoute` list,
//! one address a line (or `{a, b, c...}` when PowerShell shortened it);
//! `0.0.0.0` is a hop that did not answer. There are no times.
//!
//! ```text
//! ComputerName           : 1.1.1.1
//! RemoteAddress          : 1.1.1.1
//! PingSucceeded          : True
//! TraceRoute             : 192.168.1.1
//!                          0.0.0.0
//!                          1.1.1.1
//! ```

use super::lines::Paste;
use super::traceroute::{add_named_responder, add_responder, new_hop};
use super::{Parsed, Target, TraceFormat, lex};

/// Properties Test-NetConnection prints, in every language.
const KEYS: &[&str] = &[
    "ComputerName",
    "RemoteAddress",
    "RemotePort",
    "NameResolutionResults",
    "InterfaceAlias",
    "SourceAddress",
    "NetRoute (NextHop)",
    "PingSucceeded",
    "PingReplyDetails (RTT)",
    "TcpTestSucceeded",
    "TraceRoute",
];

/// `Key   : value` of a known property: the key and the value.
pub(crate) fn property(line: &str) -> Option<(&'static str, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    let known = KEYS.iter().find(|k| k.eq_ignore_ascii_case(key))?;
    Some((known, value.trim()))
}

pub(crate) fn parse(paste: &Paste) -> Option<Parsed> {
    let mut p = Parsed::new(TraceFormat::TestNetConnection);
    p.stats = true;
    let mut name = None;
    let mut address = None;
    let mut in_list = false;
    for (line, words) in paste.iter() {
        let hops: Vec<&str> = match property(line) {
            Some(("TraceRoute", value)) => {
                if !p.hops.is_empty() {
                    break; // a second run
                }
                in_list = true;
                p.strong = true;
                let value = value.trim_start_matches('{').trim_end_matches('}');
                let (value, cut) = match value.strip_suffix("...") {
                    Some(v) => (v, true),
                    None => (value, false),
                };
                p.cut_short |= cut;
                value
                    .split(',')
                    .map(str::trim)
                    .filter(|h| !h.is_empty())
                    .collect()
            }
            Some((key, value)) => {
                in_list = false;
                let value = value.split_whitespace().next().unwrap_or_default();
                match key {
                    "ComputerName" if lex::is_hostname(value) => name = Some(value),
                    "RemoteAddress" if lex::ip(value).is_some() => address = Some(value),
                    _ => {}
                }
                continue;
            }
            // A further hop of the list: one word on a line of its own.
            None if in_list && words.len() == 1 => words.to_vec(),
            None => {
                in_list = false;
                continue;
            }
        };
        for h in hops {
            let n = u32::try_from(p.hops.len() + 1).ok()?;
            if n > lex::MAX_HOP {
                break;
            }
            let mut hop = new_hop(n);
            if h == "0.0.0.0" || h == "::" {
                hop.lost = 1;
                hop.loss_pct = Some(100.0);
            } else {
                if lex::is_addr(h) {
                    add_responder(&mut hop, h, None, None);
                } else if h.len() <= 253 && h.contains('.') && !h.contains(':') {
                    // A hop the customer redacted (`74.[REDACTED].37`).
                    add_named_responder(&mut hop, h);
                } else {
                    in_list = false;
                    continue;
                }
                hop.loss_pct = Some(0.0);
            }
            p.hops.push(hop);
        }
    }
    p.target = Target {
        address: address.map(str::to_string),
        name: name.filter(|n| lex::ip(n).is_none()).map(str::to_string),
    };
    Some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties() {
        assert_eq!(
            property("TraceRoute             : 192.168.1.1"),
            Some(("TraceRoute", "192.168.1.1"))
        );
        assert_eq!(
            property("RemoteAddress : 2001:db8::1"),
            Some(("RemoteAddress", "2001:db8::1"))
        );
        assert_eq!(property("2001:db8::1"), None);
        assert_eq!(property("Host: x"), None);
    }
}
