//! `mtr --csv` (FORMATS.md §7):
//!
//! ```text
//! Mtr_Version,Start_Time,Status,Host,Hop,Ip,Asn,Loss%,Snt, ,Last,Avg,Best,Wrst,StDev,
//! MTR.0.95,1700000000,OK,203.0.113.7,1,10.0.0.1,AS???,0.00,10,0,0.41,0.52,0.33,0.90,0.12
//! ```
//!
//! Columns are read from the header; a run appended after the first (the
//! header repeats) is ignored; `-w` ECMP rows repeat the hop number.

use super::lines::Paste;
use super::traceroute::{add_responder, new_hop};
use super::{Hop, Parsed, Responder, Target, TraceFormat, lex};

/// Where the fields this parser uses sit in a row.
#[derive(Clone, Copy)]
struct Layout {
    host: usize,
    hop: usize,
    ip: usize,
    asn: Option<usize>,
    loss: usize,
    snt: usize,
    drop: Option<usize>,
    rcv: Option<usize>,
    avg: usize,
    best: usize,
    wrst: usize,
}

/// mtr 0.9x without `-z`, for pastes that lost the header.
const PLAIN: Layout = Layout {
    host: 3,
    hop: 4,
    ip: 5,
    asn: None,
    loss: 6,
    snt: 7,
    drop: None,
    rcv: None,
    avg: 10,
    best: 11,
    wrst: 12,
};

pub(crate) fn is_header(line: &str) -> bool {
    line.trim_start().starts_with("Mtr_Version,")
}

pub(crate) fn is_row(line: &str) -> bool {
    let t = line.trim_start();
    t.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("MTR."))
        && t.bytes().filter(|b| *b == b',').count() >= 8
}

fn layout(header: &str) -> Option<Layout> {
    let find = |name: &str| header.split(',').position(|f| f.trim() == name);
    Some(Layout {
        host: find("Host")?,
        hop: find("Hop")?,
        ip: find("Ip")?,
        asn: find("Asn"),
        loss: find("Loss%")?,
        snt: find("Snt")?,
        drop: find("Drop"),
        rcv: find("Rcv"),
        avg: find("Avg")?,
        best: find("Best")?,
        wrst: find("Wrst")?,
    })
}

pub(crate) fn parse(paste: &Paste) -> Option<Parsed> {
    let mut p = Parsed::new(TraceFormat::MtrCsv);
    p.stats = true;
    let mut lay: Option<Layout> = None;
    let mut offset = None;
    let mut fields: Vec<&str> = Vec::new();
    for (line, _) in paste.iter() {
        if is_header(line) {
            if !p.hops.is_empty() {
                break; // the next run
            }
            lay = layout(line.trim());
            p.strong = true;
            continue;
        }
        if !is_row(line) {
            continue;
        }
        fields.clear();
        fields.extend(line.trim().split(',').map(str::trim).take(64));
        let l = match lay {
            Some(l) => l,
            None => {
                // No header: `-z` adds an `AS…` field after the address.
                let with_asn = fields.get(6).is_some_and(|f| f.starts_with("AS"));
                let mut l = PLAIN;
                if with_asn {
                    l.asn = Some(6);
                    l.loss += 1;
                    l.snt += 1;
                    l.avg += 1;
                    l.best += 1;
                    l.wrst += 1;
                }
                l
            }
        };
        let get = |i: usize| fields.get(i).copied().unwrap_or_default();
        let Some(raw) = hop_field(get(l.hop)) else {
            continue;
        };
        // Old mtr counted hops from 0.
        let n = raw + *offset.get_or_insert(u32::from(raw == 0));
        if !(1..=lex::MAX_HOP).contains(&n) {
            continue;
        }
        if p.target.address.is_none() && p.target.name.is_none() {
            let host = get(l.host);
            if lex::ip(host).is_some() {
                p.target = Target {
                    address: Some(host.to_string()),
                    name: None,
                };
            } else if lex::is_hostname(host) {
                p.target = Target {
                    address: None,
                    name: Some(host.to_string()),
                };
            }
        }
        let ip = get(l.ip);
        let asn = l.asn.map(get);
        match p.hops.last_mut() {
            Some(last) if last.hop == n => {
                responder(last, ip, asn);
                continue;
            }
            Some(last) if last.hop > n => break, // the next run
            _ => {}
        }
        let mut hop = new_hop(n);
        responder(&mut hop, ip, asn);
        let silent = hop.responders.is_empty();
        hop.loss_pct = lex::percent(get(l.loss));
        let snt = lex::number(get(l.snt));
        let lost = l
            .drop
            .and_then(|i| lex::number(get(i)))
            .or_else(|| Some(snt? - lex::number(get(l.rcv?))?))
            .or_else(|| Some((snt? * hop.loss_pct? / 100.0).round()));
        hop.lost = lost.map_or(0, |v| v.clamp(0.0, f64::from(u32::MAX)) as u32);
        if silent {
            hop.loss_pct = hop.loss_pct.or(Some(100.0));
        } else if hop.loss_pct != Some(100.0) {
            hop.avg_ms = lex::number(get(l.avg));
            hop.best_ms = lex::number(get(l.best));
            hop.worst_ms = lex::number(get(l.wrst));
            p.strong = true;
        }
        p.hops.push(hop);
    }
    Some(p)
}

/// The hop field, as `str::parse::<u32>` reads it (a `+` allowed), when at
/// most `MAX_HOP`. By hand: the standard parser inlines to more code.
fn hop_field(f: &str) -> Option<u32> {
    let digits = lex::cut_first(f, b'+').unwrap_or(f);
    if digits.is_empty() {
        return None;
    }
    let mut n = 0u32;
    for b in digits.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        // Saturating: past `MAX_HOP` the exact value no longer matters.
        n = n.saturating_mul(10).saturating_add(u32::from(b - b'0'));
    }
    (n <= lex::MAX_HOP).then_some(n)
}

fn responder(hop: &mut Hop, ip: &str, asn: Option<&str>) {
    if ip.is_empty() || ip == "???" {
        return;
    }
    if lex::is_addr(ip) {
        let i = add_responder(hop, ip, None, None);
        if let Some(r) = hop.responders.get_mut(i) {
            r.asn = asn.and_then(lex::known_asn);
        }
    } else if lex::is_hostname(ip) && hop.responders.len() < lex::MAX_RESPONDERS {
        hop.responders.push(Responder {
            address: None,
            name: Some(ip.to_string()),
            asn: asn.and_then(lex::known_asn),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hop_field_reads_like_str_parse() {
        for f in [
            "",
            "+",
            "++1",
            "-1",
            "0",
            "1",
            "+7",
            "007",
            "255",
            "256",
            "4294967295",
            "4294967296",
            "99999999999999999999",
            "1 ",
            " 1",
            "1a",
            "１",
        ] {
            let want = f.parse::<u32>().ok().filter(|n| *n <= lex::MAX_HOP);
            assert_eq!(hop_field(f), want, "{f:?}");
        }
    }
}
