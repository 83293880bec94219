//! mtr `--report` / `--report-wide` and curses screen copies
//! (FORMATS.md §4–5). The statistics columns are read from the header line,
//! so `-o` field orders work; `-z` (AS) and `-b` (`name (ip)`) host columns,
//! `???` and `(waiting for reply)` rows and ECMP continuation lines too.
//!
//! ```text
//! HOST: vps                      Loss%   Snt   Last   Avg  Best  Wrst StDev
//!   1.|-- AS64500  gw (10.0.0.1)  0.0%    10    0.4   0.5   0.3   0.9   0.1
//!     |  `|-- 10.0.0.2
//!   2.|-- ???                    100.0    10    0.0   0.0   0.0   0.0   0.0
//! ```

use super::lines::Paste;
use super::traceroute::{add_responder, new_hop};
use super::{Hop, Parsed, Responder, Target, TraceFormat, lex, lines};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Col {
    Loss,
    Drop,
    Rcv,
    Snt,
    Last,
    Best,
    Avg,
    Wrst,
    Other,
}

const NAMES: &[(&str, Col)] = &[
    ("Loss%", Col::Loss),
    ("Drop", Col::Drop),
    ("Rcv", Col::Rcv),
    ("Snt", Col::Snt),
    ("Last", Col::Last),
    ("Best", Col::Best),
    ("Avg", Col::Avg),
    ("Wrst", Col::Wrst),
    ("StDev", Col::Other),
    ("Gmean", Col::Other),
    ("Jttr", Col::Other),
    ("Javg", Col::Other),
    ("Jmax", Col::Other),
    ("Jint", Col::Other),
];

/// mtr's default field order, used when the header was not pasted.
const DEFAULT: &[Col] = &[
    Col::Loss,
    Col::Snt,
    Col::Last,
    Col::Avg,
    Col::Best,
    Col::Wrst,
    Col::Other,
];

fn col(word: &str) -> Option<Col> {
    NAMES.iter().find(|(n, _)| *n == word).map(|&(_, c)| c)
}

/// The statistics columns of a header line (`HOST: x  Loss%  Snt …`,
/// ` Host  Loss% …`), when this is one.
pub(crate) fn header(words: &[&str]) -> Option<Vec<Col>> {
    let start = words.iter().position(|w| col(w).is_some())?;
    let cols: Vec<Col> = words
        .get(start..)?
        .iter()
        .map(|w| col(w).unwrap_or(Col::Other))
        .collect();
    (cols.iter().filter(|c| **c != Col::Other).count() >= 3).then_some(cols)
}

/// `1.`, `10.|--`, `3.|--host` → the hop number, whether `|--` was there,
/// and any host text glued on.
fn row_start(word: &str) -> Option<(u32, bool, &str)> {
    let dot = word.bytes().take(4).position(|b| b == b'.')?;
    let n = lex::hop_number(word.get(..dot)?)?;
    let rest = word.get(dot + 1..)?;
    match rest.as_bytes() {
        [] => Some((n, false, "")),
        [b'|', b'-', b'-', ..] => Some((n, true, rest.get(3..)?)),
        _ => None,
    }
}

/// Statistics columns a row can have.
const MAX_COLS: usize = 16;
/// Host words a row can have (`AS64500 name (ip)`, `(waiting for reply)`).
const MAX_HOST: usize = 6;
/// Characters kept of a host column that is no name or address.
const MAX_HOST_TEXT: usize = 200;

/// One row split into its host words and its statistics.
struct Row<'a> {
    hop: u32,
    /// Host text glued to the hop number (`3.|--host`), or empty.
    glued: &'a str,
    /// The words between the hop number and the statistics.
    words: &'a [&'a str],
    /// The statistics, in the order of the columns, when the row has them.
    stats: Option<[f64; MAX_COLS]>,
}

impl<'a> Row<'a> {
    /// The host words, glued text first; `None` when there are more than
    /// [`MAX_HOST`] (no name or address has that many).
    fn host<'b>(&self, buf: &'b mut [&'a str; MAX_HOST]) -> Option<&'b [&'a str]> {
        let mut n = 0;
        let glued = (!self.glued.is_empty()).then_some(self.glued);
        for &w in glued.iter().chain(self.words) {
            *buf.get_mut(n)? = w;
            n += 1;
        }
        buf.get(..n)
    }

    /// The host column as printed (words joined by one space), cut to
    /// [`MAX_HOST_TEXT`] characters: for hosts that are neither a name nor
    /// an address, which are listed as they are rather than dropped.
    fn host_text(&self) -> String {
        let mut text = String::from(self.glued);
        for w in self.words {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(w);
        }
        match text.char_indices().nth(MAX_HOST_TEXT) {
            Some((cut, _)) => text.get(..cut).unwrap_or_default().to_owned(),
            None => text,
        }
    }
}

/// Splits a row into host words and the values of `cols` (the last words).
fn split_row<'a>(words: &'a [&'a str], cols: &[Col]) -> Option<Row<'a>> {
    let (hop, _, glued) = row_start(words.first()?)?;
    let rest = words.get(1..).unwrap_or_default();
    let mut stats = None;
    let mut host_words = rest;
    if let Some(cut) = rest.len().checked_sub(cols.len())
        && !cols.is_empty()
        && cols.len() <= MAX_COLS
    {
        let mut values = [0.0; MAX_COLS];
        let tail = rest.get(cut..).unwrap_or_default();
        let ok = tail
            .iter()
            .zip(cols)
            .zip(values.iter_mut())
            .all(|((w, c), slot)| value(w, *c).map(|v| *slot = v).is_some());
        if ok {
            stats = Some(values);
            host_words = rest.get(..cut).unwrap_or_default();
        }
    }
    let row = Row {
        hop,
        glued,
        words: host_words,
        stats,
    };
    (!row.glued.is_empty() || !row.words.is_empty()).then_some(row)
}

/// What the host column says.
enum Host<'a> {
    /// `???`: no reply.
    Silent,
    /// `(waiting for reply)`: no probe answered or sent yet.
    Waiting,
    Responder {
        asn: Option<&'a str>,
        name: Option<&'a str>,
        address: Option<&'a str>,
    },
    /// Neither a name nor an address: the text as printed.
    Text(String),
}

fn host<'a>(words: &[&'a str]) -> Option<Host<'a>> {
    let (asn, rest) = match words.split_first() {
        Some((first, rest)) if lex::asn(first).is_some() && !rest.is_empty() => {
            (Some(*first), rest)
        }
        _ => (None, words),
    };
    match rest {
        ["???"] => Some(Host::Silent),
        // `(waiting for reply)`, `(no route to host)`: no statistics yet.
        [first, ..]
            if lex::first_byte(first) == b'('
                && rest
                    .last()
                    .is_some_and(|l| l.as_bytes().last() == Some(&b')'))
                && lex::parens(first).is_none_or(|a| !lex::is_addr(a)) =>
        {
            Some(Host::Waiting)
        }
        [one] if lex::is_addr(one) => Some(Host::Responder {
            asn,
            name: None,
            address: Some(one),
        }),
        [one] => lex::is_hostname(one).then_some(Host::Responder {
            asn,
            name: Some(one),
            address: None,
        }),
        [name, paren] => {
            let a = lex::parens(paren).filter(|a| lex::is_addr(a))?;
            Some(Host::Responder {
                asn,
                name: Some(name),
                address: Some(a),
            })
        }
        _ => None,
    }
}

/// A numbered mtr row (with or without statistics) for format detection:
/// `(pipe, has statistics)`. A cheap look: three numbers at the end count
/// as statistics, and without them the first host word must look like one.
pub(crate) fn is_row(words: &[&str]) -> Option<(bool, bool)> {
    let (_, pipe, glued) = row_start(words.first()?)?;
    let stats = words.len() > 4
        && words
            .iter()
            .rev()
            .take(3)
            .all(|w| value(w, Col::Other).is_some());
    let first = if glued.is_empty() {
        *words.get(1)?
    } else {
        glued
    };
    // With statistics the row counts whatever the host says: `parse`
    // lists such hops with their host as text.
    let host_like = stats
        || first == "???"
        || lex::asn(first).is_some()
        || lex::first_byte(first) == b'('
        || lex::is_hostname(first);
    host_like.then_some((pipe, stats))
}

/// One statistics value; counts may be scaled (`1234k`, curses).
fn value(w: &str, c: Col) -> Option<f64> {
    match c {
        Col::Loss => lex::percent(w),
        Col::Drop | Col::Rcv | Col::Snt => match w.as_bytes().last() {
            Some(b'k') => lex::number(w.get(..w.len() - 1)?).map(|v| v * 1e3),
            Some(b'M') => lex::number(w.get(..w.len() - 1)?).map(|v| v * 1e6),
            _ => lex::number(w),
        },
        Col::Other => lex::number(w).or_else(|| lex::percent(w)),
        _ => lex::number(w),
    }
}

fn apply_stats(hop: &mut Hop, cols: &[Col], stats: &[f64; MAX_COLS], silent: bool) {
    let (mut snt, mut rcv, mut drop) = (None, None, None);
    for (&v, c) in stats.iter().zip(cols) {
        let v = Some(v);
        match c {
            Col::Loss => hop.loss_pct = v,
            Col::Drop => drop = v,
            Col::Rcv => rcv = v,
            Col::Snt => snt = v,
            Col::Avg => hop.avg_ms = v,
            Col::Best => hop.best_ms = v,
            Col::Wrst => hop.worst_ms = v,
            Col::Last | Col::Other => {}
        }
    }
    let lost = drop
        .or_else(|| Some(snt? - rcv?))
        .or_else(|| Some((snt? * hop.loss_pct? / 100.0).round()));
    hop.lost = lost.map_or(0, |l| l.clamp(0.0, f64::from(u32::MAX)) as u32);
    // Counts that disagree (more lost than sent: columns shifted under a
    // mangled header) give no percentage rather than one over 100.
    if hop.loss_pct.is_none()
        && let (Some(s), Some(l)) = (snt, lost)
        && s > 0.0
        && l <= s
    {
        hop.loss_pct = Some(l * 100.0 / s);
    }
    if silent || rcv == Some(0.0) || hop.loss_pct == Some(100.0) {
        hop.avg_ms = None;
        hop.best_ms = None;
        hop.worst_ms = None;
    }
}

pub(crate) fn parse(paste: &Paste) -> Option<Parsed> {
    let mut p = Parsed::new(TraceFormat::MtrReport);
    p.stats = true;
    let mut curses = false;
    let mut cols: Vec<Col> = DEFAULT.to_vec();
    for (line, words) in paste.iter() {
        let Some(first) = words.first() else { continue };
        if row_start(first).is_none() {
            if line.contains("My traceroute") || *first == "Keys:" {
                curses = true;
                p.strong = true;
            } else if let Some(c) = header(words) {
                if !p.hops.is_empty() {
                    break; // a second report
                }
                curses |= *first == "Host";
                cols = c;
                p.strong = true;
            } else if let Some(h) = p.hops.last_mut() {
                continuation(line, words, h);
            } else if let Some(t) = curses_target(words) {
                p.target = t;
            }
            continue;
        }
        let Some(row) = split_row(words, &cols) else {
            continue;
        };
        let mut buf = [""; MAX_HOST];
        let what = match row.host(&mut buf).and_then(host) {
            Some(what) => what,
            // A row with statistics is a hop whatever its host column says
            // (markup, a name with odd characters): keep it, host as text.
            None if row.stats.is_some() => Host::Text(row.host_text()),
            None => continue,
        };
        if p.hops.last().is_some_and(|h| h.hop >= row.hop) {
            break; // a second report
        }
        let mut hop = new_hop(row.hop);
        let silent = matches!(what, Host::Silent);
        match what {
            Host::Silent => hop.loss_pct = Some(100.0),
            Host::Waiting => {}
            Host::Responder { asn, name, address } => match address {
                Some(a) => {
                    add_responder(&mut hop, a, name, asn);
                }
                None => hop.responders.push(Responder {
                    address: None,
                    name: name.map(str::to_string),
                    asn: asn.and_then(lex::known_asn),
                }),
            },
            Host::Text(text) => hop.responders.push(Responder {
                address: None,
                name: Some(text),
                asn: None,
            }),
        }
        if let Some(stats) = &row.stats {
            apply_stats(&mut hop, &cols, stats, silent);
            p.strong |= !silent;
        }
        p.hops.push(hop);
    }
    if curses {
        p.format = TraceFormat::MtrCurses;
    }
    Some(p)
}

/// mtr 0.94+ curses title: `vps (10.0.0.5) -> example.net (203.0.113.7)  <date>`.
fn curses_target(words: &[&str]) -> Option<Target> {
    let arrow = words.iter().position(|w| *w == "->")?;
    let name = *words.get(arrow + 1)?;
    let address = words
        .get(arrow + 2)
        .and_then(|w| lex::parens(w))
        .filter(|a| lex::ip(a).is_some());
    let mut t = Target::default();
    if lex::ip(name).is_some() {
        t.address = Some(name.to_string());
    } else if lex::is_hostname(name) {
        t.name = Some(name.to_string());
        t.address = address.map(str::to_string);
    }
    t.is_known().then_some(t)
}

/// An extra address for the hop above: `    |  `|-- 10.0.0.2` (report
/// `-w`) or an indented `    10.0.0.2` / `    host.example.com` (curses).
fn continuation(line: &str, words: &[&str], hop: &mut Hop) {
    let glued;
    let host_words: &[&str] = if let Some(pos) = words.iter().rposition(|w| w.contains("|--")) {
        match words.get(pos + 1..) {
            Some(after) if !after.is_empty() => after,
            _ => {
                let h = words
                    .get(pos)
                    .and_then(|w| w.rsplit_once("|--"))
                    .map_or("", |(_, h)| h);
                if h.is_empty() {
                    return;
                }
                glued = [h];
                &glued
            }
        }
    } else if words.len() <= 3
        && (lines::indented(line)
            || words.first().is_some_and(|w| lex::is_addr(w))
            || (words.first().is_some_and(|w| lex::asn(w).is_some())
                && words.get(1).is_some_and(|w| lex::is_addr(w))))
    {
        words
    } else {
        return;
    };
    let Some(Host::Responder { asn, name, address }) = host(host_words) else {
        return;
    };
    if hop.responders.len() >= lex::MAX_RESPONDERS {
        return;
    }
    match address {
        Some(a) => {
            add_responder(hop, a, name, asn);
        }
        None => {
            let n = name.unwrap_or_default();
            if !hop.responders.iter().any(|r| r.name.as_deref() == Some(n)) {
                hop.responders.push(Responder {
                    address: None,
                    name: Some(n.to_string()),
                    asn: asn.and_then(lex::known_asn),
                });
            }
        }
    }
}
