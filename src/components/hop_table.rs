use crate::i18n::use_i18n;
use leptos::prelude::*;
use ticket_core::trace::{Hop, TraceSummary};

/// Every hop of a trace, with the loss onset and the worst hop marked.
#[component]
pub fn HopTable(summary: TraceSummary) -> impl IntoView {
    let i18n = use_i18n();
    let (onset, worst) = (summary.loss_onset_hop, summary.worst_hop);
    let rows = summary
        .hops
        .into_iter()
        .map(|hop| {
            let (is_onset, is_worst) = (onset == Some(hop.hop), worst == Some(hop.hop));
            view! { <HopRow hop is_onset is_worst/> }
        })
        .collect_view();
    // Scrolls sideways on a phone, so it takes focus for the keyboard.
    view! {
        <div class="ltw-table-wrap" tabindex="0" role="region" aria-label=i18n.t("trace-table-caption")>
            <table class="ltw-trace-table">
                <caption>{i18n.t("trace-table-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("trace-col-hop")}</th>
                        <th scope="col">{i18n.t("trace-col-host")}</th>
                        <th scope="col">{i18n.t("trace-col-loss")}</th>
                        <th scope="col">{i18n.t("trace-col-avg")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn HopRow(hop: Hop, is_onset: bool, is_worst: bool) -> impl IntoView {
    let i18n = use_i18n();
    let no_reply = hop.responders.is_empty() && hop.avg_ms.is_none();
    let host = host_of(&hop);
    // The trailing space shares the host's text node, as it always has.
    let host = move || {
        if no_reply {
            format!("{} ", i18n.text("trace-no-reply"))
        } else {
            format!("{host} ")
        }
    };
    let marks = (is_onset || is_worst).then(|| {
        let marks = move || {
            let mut marks = Vec::new();
            if is_onset {
                marks.push(i18n.text("trace-mark-onset"));
            }
            if is_worst {
                marks.push(i18n.text("trace-mark-worst"));
            }
            marks.join(" · ")
        };
        view! { <span class="ltw-mark">{marks}</span> }
    });
    let loss = hop_loss(&hop)
        .map(|l| format!("{}%", short_number(l)))
        .unwrap_or_default();
    let avg = hop.avg_ms.map(short_number).unwrap_or_default();
    view! {
        <tr class:ltw-row-onset=is_onset class:ltw-row-worst=is_worst>
            <td>{hop.hop.to_string()}</td>
            <td class="ltw-mono">{host} {marks}</td>
            <td>{loss}</td>
            <td>{avg}</td>
        </tr>
    }
}

/// A hop's responders as "name (address)", "address" or "*".
fn host_of(hop: &Hop) -> String {
    let names: Vec<String> = hop
        .responders
        .iter()
        .map(|r| match (&r.name, &r.address) {
            (Some(n), Some(a)) if n != a => format!("{n} ({a})"),
            (Some(n), _) => n.clone(),
            (None, Some(a)) => a.clone(),
            (None, None) => String::from("*"),
        })
        .collect();
    names.join(", ")
}

fn hop_loss(hop: &Hop) -> Option<f64> {
    hop.loss_pct.or_else(|| {
        let sent = hop.rtts_ms.len() as u32 + hop.lost;
        (sent > 0).then(|| f64::from(hop.lost) * 100.0 / f64::from(sent))
    })
}

/// `12.0` → "12", `12.345` → "12.3": enough precision to read a trace.
/// Written with integers: float formatting would add about 10 KB of wasm.
pub fn short_number(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    let tenths = (x * 10.0).round();
    // Saturates far beyond any latency or percentage a trace prints.
    let t = tenths.abs() as u64;
    let mut out = String::new();
    if tenths < 0.0 {
        out.push('-');
    }
    out.push_str(&(t / 10).to_string());
    if !t.is_multiple_of(10) {
        out.push('.');
        out.push(char::from(b'0' + (t % 10) as u8));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::short_number;

    #[test]
    fn numbers_read_as_before() {
        for (x, shown) in [
            (12.0, "12"),
            (12.345, "12.3"),
            (12.35, "12.4"),
            (0.04, "0"),
            (0.05, "0.1"),
            (99.96, "100"),
            (1021.0, "1021"),
            (33.333_333, "33.3"),
            (66.666_667, "66.7"),
            (-2.5, "-2.5"),
            (f64::NAN, "NaN"),
        ] {
            assert_eq!(short_number(x), shown, "{x}");
        }
    }
}
