//! From parsed hops to the summary: per-hop statistics for probe-based
//! formats, the destination, whether it answered, and where loss starts.

use super::{Hop, Parsed, Target, TraceSummary, lex};

pub(crate) fn finish(mut p: Parsed, command_target: Target) -> TraceSummary {
    for hop in &mut p.hops {
        if !p.stats {
            probe_stats(hop);
        }
        to_thousandths(hop);
    }
    let target = if p.target.is_known() {
        p.target
    } else {
        command_target
    };
    let reached = if p.cut_short {
        None
    } else {
        reached(&p.hops, &target, p.stats, p.reached_hint, p.ended_early)
    };
    let last = p.hops.last();
    let final_loss_pct = last.and_then(|h| h.loss_pct);
    let loss_onset_hop = loss_onset(&p.hops);
    let mut worst: Option<(u32, f64)> = None;
    for h in &p.hops {
        if let Some(avg) = h.avg_ms
            && worst.is_none_or(|(_, w)| avg > w)
        {
            worst = Some((h.hop, avg));
        }
    }
    let (destination, destination_name) = match (target.address, target.name) {
        (Some(a), name) => {
            let name = name.filter(|n| !n.eq_ignore_ascii_case(&a));
            (Some(a), name)
        }
        (None, name) => (name, None),
    };
    TraceSummary {
        format: p.format,
        hop_count: p.hops.iter().map(|h| h.hop).max().unwrap_or(0),
        destination,
        destination_name,
        reached,
        final_loss_pct,
        loss_onset_hop,
        worst_hop: worst.map(|(h, _)| h),
        hops: p.hops,
    }
}

/// Loss, mean, best and worst from the individual probes.
fn probe_stats(hop: &mut Hop) {
    let n = hop.rtts_ms.len();
    let total = n as f64 + f64::from(hop.lost);
    hop.loss_pct = (total > 0.0).then(|| f64::from(hop.lost) * 100.0 / total);
    if n > 0 {
        let sum: f64 = hop.rtts_ms.iter().sum();
        hop.avg_ms = Some(sum / n as f64);
        hop.best_ms = hop.rtts_ms.iter().copied().reduce(f64::min);
        hop.worst_ms = hop.rtts_ms.iter().copied().reduce(f64::max);
    }
}

/// Tools print times to the microsecond at most, so this keeps what they
/// said and drops only the noise of averaging (`33.333333333333336`).
fn to_thousandths(hop: &mut Hop) {
    let round = |x: &mut f64| *x = (*x * 1000.0).round() / 1000.0;
    hop.rtts_ms.iter_mut().for_each(round);
    for x in [
        &mut hop.loss_pct,
        &mut hop.avg_ms,
        &mut hop.best_ms,
        &mut hop.worst_ms,
    ]
    .into_iter()
    .flatten()
    {
        round(x);
    }
}

/// No router answered at this hop (`* * *`, `???`, `no reply`).
pub(crate) fn silent(hop: &Hop) -> bool {
    hop.rtts_ms.is_empty()
        && hop
            .responders
            .iter()
            .all(|r| r.address.is_none() && r.name.is_none())
}

/// Did the target answer? Any probe of the last hop counts: the target may
/// answer one probe of three (TCP `traceroute -T`), or show up on a
/// continuation line beside a router.
fn reached(
    hops: &[Hop],
    target: &Target,
    stats: bool,
    hint: Option<bool>,
    ended_early: bool,
) -> Option<bool> {
    if hint.is_some() {
        return hint;
    }
    let last = hops.last()?;
    if silent(last) {
        return Some(false);
    }
    if !target.is_known() {
        return None;
    }
    // Addresses decide; a name only confirms (a PTR name often differs
    // from the name the customer typed).
    let mut comparable = false;
    for r in &last.responders {
        if let (Some(a), Some(b)) = (&r.address, &target.address) {
            if lex::same_host(a, b) {
                return Some(true);
            }
            comparable = true;
        }
        if let (Some(a), Some(b)) = (&r.name, &target.name)
            && lex::same_host(a, b)
        {
            return Some(true);
        }
    }
    // A responder known only by its PTR name (KAME traceroute6) cannot be
    // compared; the run stopping there says it was the target.
    if ended_early
        && last
            .responders
            .iter()
            .any(|r| r.address.is_none() && r.name.is_some())
    {
        return Some(true);
    }
    if stats {
        // mtr lists one row past the last answering hop unless the target
        // answered, so a final row that answers is the target (its name and
        // the command-line address may just be spelt differently).
        let both_ips = last.responders.iter().any(|r| {
            r.address.as_deref().and_then(lex::ip).is_some()
                && target.address.as_deref().and_then(lex::ip).is_some()
        });
        return Some(!both_ips);
    }
    comparable.then_some(false)
}

/// The first hop of loss that lasts through the end. Hops where no router
/// answered at all (`???`, `* * *`) say nothing about where loss starts and
/// are passed over, except a silent run at the very end: the trace dies
/// there, so that run is part of the loss.
fn loss_onset(hops: &[Hop]) -> Option<u32> {
    let last = hops.last()?;
    if last.loss_pct.is_none_or(|l| l <= 0.0) {
        return None;
    }
    let mut onset = None;
    let mut trailing_silence = true;
    for h in hops.iter().rev() {
        let Some(loss) = h.loss_pct else { continue };
        if silent(h) {
            if trailing_silence {
                onset = Some(h.hop);
            }
            continue;
        }
        trailing_silence = false;
        if loss > 0.0 {
            onset = Some(h.hop);
        } else {
            break;
        }
    }
    onset
}
