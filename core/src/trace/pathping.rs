//! Windows `pathping` in any language (FORMATS.md §13). Its first part is
//! the route, like tracert's but without times; its second part, after
//! `Computing statistics…`, has the numbers: per hop the mean time and
//! `lost/sent = pct` from the source to that hop, then for the node.
//!
//! ```text
//! Tracing route to contoso1 [10.54.1.196]
//! over a maximum of 30 hops:
//!   0  172.16.87.35
//!   1  172.16.87.218
//!   2     *     192.168.52.1
//! Computing statistics for 125 seconds...
//!             Source to Here   This Node/Link
//! Hop  RTT    Lost/Sent = Pct  Lost/Sent = Pct  Address
//!   1   41ms     0/ 100 =  0%     0/ 100 =  0%  172.16.87.218
//!                               13/ 100 = 13%   |
//!   2  ---     100/ 100 =100%     0/ 100 =  0%  192.168.52.1
//! Trace complete.
//! ```
//!
//! The table is told apart by its shape (`N/ M = P%` groups), so the
//! localised headers (zh-CN `正在计算统计信息`, zh-TW …) need no list.

use super::lines::Paste;
use super::traceroute::new_hop;
use super::{Hop, Parsed, TraceFormat, lex, tracert};

/// The statistics part's own lines (English, zh-CN).
pub(crate) const MARKERS: &[&str] = &[
    "omputing statistics for",
    "Source to Here",
    "This Node/Link",
    "Lost/Sent = Pct",
    "正在计算统计信息",
    "指向此处的源",
    "此节点/链接",
    "已丢失/已发送",
];

/// One `lost/ sent = pct%` group.
#[derive(Clone, Copy)]
struct Count {
    lost: u32,
    sent: u32,
    pct: f64,
}

/// Reads a `lost/sent = pct%` group, however the spaces fall
/// (`13/ 100 = 13%`, `100/ 100 =100%`, `1000/1000 =100%`): the words up to
/// the one ending in `%`. Returns it and the words it took.
fn count(words: &[&str]) -> Option<(Count, usize)> {
    let mut glued = [0u8; 24];
    let mut len = 0;
    let mut used = 0;
    for w in words.iter().take(5) {
        let b = w.as_bytes();
        let end = len + b.len();
        glued.get_mut(len..end)?.copy_from_slice(b);
        len = end;
        used += 1;
        if b.last() == Some(&b'%') {
            break;
        }
    }
    let text = std::str::from_utf8(glued.get(..len)?).ok()?;
    let (lost, rest) = text.split_once('/')?;
    let (sent, pct) = rest.split_once('=')?;
    let pct = lex::cut_last(pct, b'%')?;
    let count = Count {
        lost: lex::count(lost)?,
        sent: lex::count(sent)?,
        pct: lex::percent(pct)?,
    };
    (count.lost <= count.sent).then_some((count, used))
}

/// A statistics row: hop, mean time (`41ms` or `---`), the two groups,
/// then the address. Returns the hop, the time, the source-to-here group
/// and the address words.
fn stats_row<'a, 'w>(words: &'a [&'w str]) -> Option<(u32, Option<f64>, Count, &'a [&'w str])> {
    let n = lex::hop_number(words.first()?)?;
    let rtt = words.get(1)?;
    let avg = if *rtt == "---" {
        None
    } else {
        Some(lex::glued_ms(rtt)?)
    };
    let rest = words.get(2..)?;
    let (here, a) = count(rest)?;
    let (_node, b) = count(rest.get(a..)?)?;
    let address = rest.get(a + b..)?;
    (!address.is_empty()).then_some((n, avg, here, address))
}

/// True for a row of the statistics table.
pub(crate) fn is_stats_row(words: &[&str]) -> bool {
    stats_row(words).is_some()
}

/// A route row of the first part: hop, `*` for each unanswered probe, then
/// the address (or nothing when all timed out). No times.
fn route_row<'a, 'w>(words: &'a [&'w str]) -> Option<(u32, u32, &'a [&'w str])> {
    let n = lex::hop_number(words.first()?)?;
    let rest = words.get(1..)?;
    let stars = rest.iter().take_while(|w| **w == "*").count();
    let address = rest.get(stars..)?;
    let ok = match address {
        [] => stars > 0,
        [a] => lex::is_hostname(a),
        [name, a] => lex::is_hostname(name) && lex::brackets(a).is_some_and(lex::is_addr),
        _ => false,
    };
    ok.then_some((n, u32::try_from(stars).ok()?, address))
}

/// True for a route row of the first part (`  3  192.0.2.1`).
pub(crate) fn is_route_row(words: &[&str]) -> bool {
    route_row(words).is_some_and(|(_, _, a)| !a.is_empty())
}

pub(crate) fn parse(paste: &Paste) -> Option<Parsed> {
    let mut p = Parsed::new(TraceFormat::PathPing);
    p.stats = true;
    // Index into `p.hops` by hop number, plus one (0: none yet).
    let mut index = [0u8; lex::MAX_HOP as usize + 1];
    // Hops the statistics table gave numbers for.
    let mut counted = [false; lex::MAX_HOP as usize + 1];
    let mut hop_at = |p: &mut Parsed, n: u32| -> Option<usize> {
        let slot = index.get_mut(n as usize)?;
        if *slot == 0 {
            p.hops.push(new_hop(n));
            *slot = u8::try_from(p.hops.len()).ok()?;
        }
        Some(usize::from(*slot) - 1)
    };
    for (line, words) in paste.iter() {
        if MARKERS.iter().any(|m| line.contains(m)) {
            p.strong = true;
            continue;
        }
        if line.contains("Trace complete.")
            || line.contains("跟踪完成")
            || line.contains("追蹤完成")
        {
            if !p.hops.is_empty() {
                break;
            }
            continue;
        }
        if let Some(t) = tracert::header(line) {
            if counted.iter().any(|c| *c) {
                break; // a second run
            }
            p.target = t;
            p.strong = true;
            continue;
        }
        if let Some((n, avg, here, address)) = stats_row(words) {
            let i = hop_at(&mut p, n)?;
            let hop = p.hops.get_mut(i)?;
            *hop = new_hop(n);
            tracert::address(address, hop);
            hop.avg_ms = avg;
            hop.lost = here.lost;
            hop.loss_pct = Some(if here.sent > 0 {
                f64::from(here.lost) * 100.0 / f64::from(here.sent)
            } else {
                here.pct
            });
            *counted.get_mut(n as usize)? = true;
            p.strong = true;
        } else if let Some((n, stars, address)) = route_row(words) {
            if counted.get(n as usize).copied().unwrap_or(true) {
                continue;
            }
            let i = hop_at(&mut p, n)?;
            let hop = p.hops.get_mut(i)?;
            *hop = new_hop(n);
            tracert::address(address, hop);
            if address.is_empty() {
                // `  7     *        *        *`: the route ended here.
                hop.responders.clear();
            }
            hop.lost = stars;
            let answered = u32::from(!hop.responders.is_empty());
            hop.loss_pct = Some(f64::from(stars) * 100.0 / f64::from(stars + answered).max(1.0));
        }
    }
    p.hops.sort_by_key(|h: &Hop| h.hop);
    Some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        s.split_whitespace().collect()
    }

    #[test]
    fn reads_counts_however_spaced() {
        for (text, lost, sent) in [
            ("13/ 100 = 13%", 13, 100),
            ("100/ 100 =100%", 100, 100),
            ("1000/1000 =100%", 1000, 1000),
            ("0/ 100 =  0%", 0, 100),
        ] {
            let w = words(text);
            let (c, used) = count(&w).unwrap();
            assert_eq!((c.lost, c.sent, used), (lost, sent, w.len()), "{text}");
        }
        assert!(count(&words("5/ 4 = 125%")).is_none());
        assert!(count(&words("a/ b = c%")).is_none());
    }

    #[test]
    fn rows() {
        assert!(is_stats_row(&words(
            "  6  ---     100/ 100 =100%     0/ 100 =  0%  221.183.37.189"
        )));
        assert!(is_stats_row(&words(
            "  1    4ms     0/ 100 =  0%     0/ 100 =  0%  XiaoQiang [192.168.31.1]"
        )));
        assert!(!is_stats_row(&words(
            "  1    4 ms    3 ms    4 ms  192.168.31.1"
        )));
        assert!(is_route_row(&words("  5     *     221.183.47.205")));
        assert!(is_route_row(&words("  1  XiaoQiang [192.168.31.1]")));
        assert!(!is_route_row(&words("  7     *        *        *")));
        assert!(!is_route_row(&words("  1  gw (192.0.2.1)  0.5 ms")));
    }
}
