use super::Ctx;
use super::fields::{Control, text_field};
use crate::i18n::{Lang, key, tr, tr_args};

/// Lookups in a fixed language, for views rebuilt on a language change.
#[derive(Clone, Copy)]
struct I18nNow(Lang);

impl I18nNow {
    fn text(self, key: &str) -> String {
        tr(self.0, key)
    }

    fn t(self, key: &str) -> String {
        tr(self.0, key)
    }

    fn t_args(self, key: &str, args: &[(&'static str, String)]) -> String {
        tr_args(self.0, key, args)
    }
}
use leptos::prelude::*;
use ticket_core::catalog::Field;
use ticket_core::trace::{Hop, TraceSummary};

/// The trace paste box, with what was read from it shown as it is typed:
/// the tool, the hop table with loss onset and worst hop marked, or how to
/// make a report when the paste is not one.
pub(crate) fn trace_field(c: Ctx) -> impl IntoView {
    let Ctx { i18n, form, .. } = c;
    let panel = move || match form.trace.get() {
        Some(Ok(summary)) => trace_summary_view(&summary, i18n.lang.get()).into_any(),
        _ => trace_howto(c).into_any(),
    };
    view! {
        {text_field(c, Field::Trace.id(), Control::Code)}
        <div class="ltw-trace" aria-live="polite">{panel}</div>
        <p class="ltw-note">{i18n.t("trace-both-directions")}</p>
    }
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

/// `text` with the characters HTML gives a meaning escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Appends `<tag attrs>text</tag>`, the text escaped.
pub fn element(out: &mut String, tag: &str, attrs: &str, text: &str) {
    out.push('<');
    out.push_str(tag);
    out.push_str(attrs);
    out.push('>');
    out.push_str(&escape(text));
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

/// Rendered whole for one language: the caller re-renders it when the
/// language or the summary changes. Nothing in it is reactive, so it is
/// written as markup (every text escaped) instead of one view per element,
/// which keeps the wasm smaller.
pub fn trace_summary_view(summary: &TraceSummary, lang: Lang) -> impl IntoView + use<> {
    view! { <div class="ltw-trace-summary" inner_html=summary_html(summary, lang)></div> }
}

fn summary_html(s: &TraceSummary, lang: Lang) -> String {
    let i18n = I18nNow(lang);
    let mut out = String::new();
    let detected = i18n.t_args(
        "trace-detected",
        &[
            ("format", s.format.label().to_owned()),
            ("hops", s.hop_count.to_string()),
        ],
    );
    out.push_str("<p class=\"ltw-trace-detected\">");
    element(&mut out, "strong", "", &detected);
    out.push_str("</p><ul class=\"ltw-trace-facts\">");
    if let Some(d) = s.destination.clone() {
        let text = i18n.t_args("trace-destination", &[("destination", d)]);
        element(&mut out, "li", "", &text);
    }
    let reached = match s.reached {
        Some(true) => key("trace-reached-yes"),
        Some(false) => key("trace-reached-no"),
        None => key("trace-reached-unknown"),
    };
    element(&mut out, "li", "", &i18n.text(reached));
    if let Some(l) = s.final_loss_pct {
        let text = i18n.t_args("trace-final-loss", &[("loss", short_number(l))]);
        element(&mut out, "li", "", &text);
    }
    if let Some(h) = s.loss_onset_hop {
        let text = i18n.t_args("trace-loss-onset", &[("hop", h.to_string())]);
        element(&mut out, "li", " class=\"ltw-trace-onset\"", &text);
    }
    let worst_avg = s
        .worst_hop
        .and_then(|w| s.hops.iter().filter(|h| h.hop == w).find_map(|h| h.avg_ms));
    if let Some((h, ms)) = s.worst_hop.zip(worst_avg) {
        let text = i18n.t_args(
            "trace-worst",
            &[("hop", h.to_string()), ("ms", short_number(ms))],
        );
        element(&mut out, "li", " class=\"ltw-trace-worst\"", &text);
    }
    let caption = escape(&i18n.t("trace-table-caption"));
    // Scrolls sideways on a phone, so it takes focus for the keyboard.
    out.push_str("</ul><div class=\"ltw-table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"");
    out.push_str(&caption);
    out.push_str("\"><table class=\"ltw-trace-table\"><caption>");
    out.push_str(&caption);
    out.push_str("</caption><thead><tr>");
    for col in [
        key("trace-col-hop"),
        key("trace-col-host"),
        key("trace-col-loss"),
        key("trace-col-avg"),
    ] {
        element(&mut out, "th", " scope=\"col\"", &i18n.t(col));
    }
    out.push_str("</tr></thead><tbody>");
    for hop in &s.hops {
        let is_onset = s.loss_onset_hop == Some(hop.hop);
        let is_worst = s.worst_hop == Some(hop.hop);
        let host = if hop.responders.is_empty() && hop.avg_ms.is_none() {
            i18n.text("trace-no-reply")
        } else {
            host_of(hop)
        };
        let mut marks = Vec::new();
        if is_onset {
            marks.push(i18n.text("trace-mark-onset"));
        }
        if is_worst {
            marks.push(i18n.text("trace-mark-worst"));
        }
        out.push_str(match (is_onset, is_worst) {
            (true, true) => "<tr class=\"ltw-row-onset ltw-row-worst\">",
            (true, false) => "<tr class=\"ltw-row-onset\">",
            (false, true) => "<tr class=\"ltw-row-worst\">",
            (false, false) => "<tr>",
        });
        element(&mut out, "td", "", &hop.hop.to_string());
        out.push_str("<td class=\"ltw-mono\">");
        out.push_str(&escape(&host));
        out.push(' ');
        if !marks.is_empty() {
            element(&mut out, "span", " class=\"ltw-mark\"", &marks.join(" · "));
        }
        out.push_str("</td>");
        let loss = hop_loss(hop)
            .map(|l| format!("{}%", short_number(l)))
            .unwrap_or_default();
        element(&mut out, "td", "", &loss);
        element(
            &mut out,
            "td",
            "",
            &hop.avg_ms.map(short_number).unwrap_or_default(),
        );
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
    out
}

fn trace_howto(c: Ctx) -> impl IntoView {
    let Ctx { i18n, form, .. } = c;
    // Use the customer's own server address in the commands when known.
    let target = move || {
        let service = form.service.get();
        ticket_core::ip::check_ip(&service)
            .map(|info| info.address)
            .unwrap_or_else(|_| i18n.text("trace-howto-target"))
    };
    // The summary and the three commands as one escaped markup string; only
    // the details' children are re-written, so it stays open.
    let lines = move || {
        let args = [("target", target())];
        let mut html = String::new();
        element(&mut html, "summary", "", &i18n.text("trace-howto-title"));
        html.push_str("<ul class=\"ltw-mono\">");
        for key in [
            key("trace-howto-windows"),
            key("trace-howto-macos"),
            key("trace-howto-linux"),
        ] {
            element(&mut html, "li", "", &i18n.t_args(key, &args));
        }
        html.push_str("</ul>");
        html
    };
    view! { <details class="ltw-howto" inner_html=lines></details> }
}

#[cfg(test)]
mod tests {
    use super::{escape, short_number};

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape("<b a=\"x\">'&'</b>"),
            "&lt;b a=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;"
        );
    }

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
