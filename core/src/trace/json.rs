//! `mtr --json` (FORMATS.md §6):
//! `{"report":{"mtr":{"dst":…},"hubs":[{"count":"1","host":…,"Loss%":0.0,…}]}}`.
//! `count` may be a string (mtr 0.9x) or a number.

use super::lines::Paste;
use super::traceroute::{add_responder, new_hop};
use super::{Hop, Parsed, Responder, Target, TraceFormat, lex};
use serde_json::Value;

/// The first JSON value in the paste, starting at the first line that
/// opens with `{` (a prompt line may come before, another after).
fn first_value(paste: &Paste) -> Option<Value> {
    let start = paste
        .iter()
        .position(|(l, _)| l.trim_start().starts_with('{'))?;
    let mut text = String::new();
    for l in paste.texts_from(start) {
        text.push_str(l);
        text.push('\n');
    }
    // Whatever follows the value (a prompt, a note) is not read. serde_json
    // refuses nesting deeper than 128 levels with an error, so no paste can
    // exhaust the stack.
    serde_json::Deserializer::from_str(&text)
        .into_iter::<Value>()
        .next()?
        .ok()
}

/// mtr writes plain decimals (`12.34`), as numbers or as strings.
fn num(v: Option<&Value>) -> Option<f64> {
    match v? {
        // The range of what `lex::number` reads from text.
        Value::Number(n) => n.as_f64().filter(|x| (0.0..1e12).contains(x)),
        Value::String(s) => lex::number(s.trim().trim_end_matches('%')),
        _ => None,
    }
}

pub(crate) fn parse(paste: &Paste) -> Option<Parsed> {
    let value = first_value(paste)?;
    let report = value.get("report").unwrap_or(&value);
    let hubs = report.get("hubs")?.as_array()?;
    let mut p = Parsed::new(TraceFormat::MtrJson);
    p.stats = true;
    p.strong = true;
    if let Some(dst) = report
        .get("mtr")
        .and_then(|m| m.get("dst"))
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|d| lex::is_hostname(d))
    {
        p.target = if lex::ip(dst).is_some() {
            Target {
                address: Some(dst.to_string()),
                name: None,
            }
        } else {
            Target {
                address: None,
                name: Some(dst.to_string()),
            }
        };
    }
    for (i, hub) in hubs.iter().enumerate() {
        let index = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let n = num(hub.get("count"))
            .filter(|c| c.fract() == 0.0 && *c >= 1.0 && *c <= f64::from(lex::MAX_HOP))
            .map_or(index, |c| c as u32);
        if n > lex::MAX_HOP {
            break;
        }
        let mut hop = new_hop(n);
        read_hub(hub, &mut hop);
        match p.hops.last_mut() {
            // `-w` style: several hubs for one hop number.
            Some(last) if last.hop == n => {
                for r in hop.responders {
                    if last.responders.len() < lex::MAX_RESPONDERS {
                        last.responders.push(r);
                    }
                }
            }
            Some(last) if last.hop > n => break,
            _ => p.hops.push(hop),
        }
    }
    Some(p)
}

fn read_hub(hub: &Value, hop: &mut Hop) {
    let host = hub
        .get("host")
        .and_then(Value::as_str)
        .unwrap_or("???")
        .trim();
    let asn = hub
        .get("ASN")
        .and_then(Value::as_str)
        .and_then(lex::known_asn);
    let silent = host.is_empty() || host == "???";
    if !silent {
        let (name, address) = match host.split_once(" (") {
            Some((n, a)) => (Some(n), a.strip_suffix(')').unwrap_or(a)),
            None => (None, host),
        };
        if lex::is_addr(address) {
            let i = add_responder(hop, address, name, None);
            if let Some(r) = hop.responders.get_mut(i) {
                r.asn = asn;
            }
        } else {
            hop.responders.push(Responder {
                address: None,
                name: Some(host.chars().take(253).collect()),
                asn,
            });
        }
    }
    hop.loss_pct = num(hub.get("Loss%")).filter(|l| *l <= 100.0);
    let snt = num(hub.get("Snt"));
    let lost = num(hub.get("Drop"))
        .or_else(|| Some(snt? - num(hub.get("Rcv"))?))
        .or_else(|| Some((snt? * hop.loss_pct? / 100.0).round()));
    hop.lost = lost.map_or(0, |l| l.clamp(0.0, f64::from(u32::MAX)) as u32);
    if silent {
        hop.loss_pct = hop.loss_pct.or(Some(100.0));
    } else if hop.loss_pct != Some(100.0) {
        hop.avg_ms = num(hub.get("Avg"));
        hop.best_ms = num(hub.get("Best"));
        hop.worst_ms = num(hub.get("Wrst"));
    }
}
