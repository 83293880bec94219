use super::hop_table::{HopTable, short_number};
use crate::i18n::{key, use_i18n};
use leptos::prelude::*;
use ticket_core::trace::TraceSummary;

/// What was read from a trace: the tool, whether it reached its target,
/// where loss starts, the slowest hop, then every hop.
#[component]
pub fn TraceSummaryView(summary: TraceSummary) -> impl IntoView {
    let i18n = use_i18n();
    let s = summary;
    let (format, hops) = (s.format.label(), s.hop_count.to_string());
    let detected = move || {
        i18n.t_args(
            "trace-detected",
            &[("format", format.to_owned()), ("hops", hops.clone())],
        )
    };
    let destination = s.destination.clone().map(|d| {
        view! { <li>{move || i18n.t_args("trace-destination", &[("destination", d.clone())])}</li> }
    });
    let reached = match s.reached {
        Some(true) => key("trace-reached-yes"),
        Some(false) => key("trace-reached-no"),
        None => key("trace-reached-unknown"),
    };
    let final_loss = s.final_loss_pct.map(|l| {
        let loss = short_number(l);
        view! { <li>{move || i18n.t_args("trace-final-loss", &[("loss", loss.clone())])}</li> }
    });
    let onset = s.loss_onset_hop.map(|h| {
        let hop = h.to_string();
        view! {
            <li class="ltw-trace-onset">
                {move || i18n.t_args("trace-loss-onset", &[("hop", hop.clone())])}
            </li>
        }
    });
    let worst_avg = s
        .worst_hop
        .and_then(|w| s.hops.iter().filter(|h| h.hop == w).find_map(|h| h.avg_ms));
    let worst = s.worst_hop.zip(worst_avg).map(|(h, ms)| {
        let args = [("hop", h.to_string()), ("ms", short_number(ms))];
        view! { <li class="ltw-trace-worst">{move || i18n.t_args("trace-worst", &args)}</li> }
    });
    view! {
        <div class="ltw-trace-summary">
            <p class="ltw-trace-detected"><strong>{detected}</strong></p>
            <ul class="ltw-trace-facts">
                {destination}
                <li>{i18n.t(reached)}</li>
                {final_loss}
                {onset}
                {worst}
            </ul>
            <HopTable summary=s/>
        </div>
    }
}
