//! WinMTR's text export (FORMATS.md §8): a `|`-drawn table, one row per
//! hop in order, integer ms and %.
//!
//! ```text
//! |                          Host              -   %  | Sent | Recv | Best | Avrg | Wrst | Last |
//! |                          192.168.1.1 -    0 |   10 |   10 |    0 |    0 |    1 |    0 |
//! |                No response from host -  100 |   10 |    0 |    0 |    0 |    0 |    0 |
//! ```

use super::lines::Paste;
use super::traceroute::{add_responder, new_hop};
use super::{Parsed, Responder, TraceFormat, lex};

#[derive(Clone, Copy, PartialEq)]
enum Col {
    Sent,
    Recv,
    Best,
    Avg,
    Worst,
    Other,
}

const DEFAULT: [Col; 6] = [
    Col::Sent,
    Col::Recv,
    Col::Best,
    Col::Avg,
    Col::Worst,
    Col::Other,
];

fn col(name: &str) -> Col {
    match name {
        "Sent" => Col::Sent,
        "Recv" => Col::Recv,
        "Best" => Col::Best,
        "Avrg" | "Avg" => Col::Avg,
        "Wrst" | "Worst" => Col::Worst,
        _ => Col::Other,
    }
}

/// `host - loss` from the first cell.
fn host_and_loss(cell: &str) -> Option<(&str, f64)> {
    let (host, loss) = cell.rsplit_once('-')?;
    Some((host.trim(), lex::percent(loss.trim())?))
}

/// A data row: `| host - 0 | 22 | 22 | 0 | 0 | 3 | 1 |`.
pub(crate) fn is_row(line: &str) -> bool {
    row(line).is_some()
}

fn row(line: &str) -> Option<(&str, f64, [Option<f64>; 6])> {
    let inner = line.trim().strip_prefix('|')?.strip_suffix('|')?;
    let mut cells = inner.split('|');
    let (host, loss) = host_and_loss(cells.next()?)?;
    if host.is_empty() {
        return None;
    }
    let mut values = [None; 6];
    let mut count = 0;
    for (slot, cell) in values.iter_mut().zip(cells.by_ref()) {
        *slot = Some(lex::number(cell.trim())?);
        count += 1;
    }
    (count >= 5 && cells.next().is_none()).then_some((host, loss, values))
}

pub(crate) fn parse(paste: &Paste) -> Option<Parsed> {
    let mut p = Parsed::new(TraceFormat::WinMtr);
    p.stats = true;
    let mut cols = DEFAULT;
    for (line, _) in paste.iter() {
        if line.contains("WinMTR") {
            p.strong = true;
        }
        if line.contains("Sent") && line.contains("Recv") && line.trim_start().starts_with('|') {
            let names = line
                .split('|')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .skip(1);
            for (slot, name) in cols.iter_mut().zip(names) {
                *slot = col(name);
            }
            p.strong = true;
            continue;
        }
        let Some((host, loss, values)) = row(line) else {
            continue;
        };
        let n = u32::try_from(p.hops.len() + 1).unwrap_or(u32::MAX);
        if n > lex::MAX_HOP {
            break;
        }
        let mut hop = new_hop(n);
        let silent = host.eq_ignore_ascii_case("No response from host");
        if !silent {
            if lex::is_addr(host) {
                add_responder(&mut hop, host, None, None);
            } else {
                let (name, addr) = match host.split_once(" (") {
                    Some((nm, a)) => (nm, a.trim_end_matches(')')),
                    None => (host, ""),
                };
                if lex::is_addr(addr) {
                    add_responder(&mut hop, addr, Some(name), None);
                } else {
                    hop.responders.push(Responder {
                        address: None,
                        name: Some(host.chars().take(253).collect()),
                        asn: None,
                    });
                }
            }
            p.strong = true;
        }
        hop.loss_pct = Some(loss);
        let (mut sent, mut recv) = (None, None);
        for (c, v) in cols.iter().zip(values) {
            match c {
                Col::Sent => sent = v,
                Col::Recv => recv = v,
                Col::Best => hop.best_ms = v,
                Col::Avg => hop.avg_ms = v,
                Col::Worst => hop.worst_ms = v,
                Col::Other => {}
            }
        }
        if let (Some(s), Some(r)) = (sent, recv) {
            hop.lost = (s - r).clamp(0.0, f64::from(u32::MAX)) as u32;
        }
        if silent || recv == Some(0.0) {
            hop.avg_ms = None;
            hop.best_ms = None;
            hop.worst_ms = None;
        }
        p.hops.push(hop);
    }
    Some(p)
}
