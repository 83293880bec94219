use super::trace_summary::element;
use super::{Ctx, closest, on_click_ev};
use crate::i18n::I18n;
use crate::plain_text::ticket_as_text;
use crate::retry::Failure;
use crate::state::SendState;
use leptos::prelude::*;

fn failure_text(i18n: I18n, failure: Failure) -> String {
    match failure {
        Failure::Network => i18n.text("status-network-error"),
        Failure::Timeout => i18n.text("status-timeout"),
        Failure::Server(status) => {
            i18n.t_args("status-server-error", &[("status", status.to_string())])
        }
    }
}

/// The live status of a submission (announced to screen readers), the
/// "try again now" button and, when sending keeps failing, the ticket as
/// text to e-mail instead.
pub fn send_status(c: Ctx) -> impl IntoView {
    let Ctx {
        i18n, form, sender, ..
    } = c;

    // The countdown changes every second; it is hidden from screen readers,
    // which hear once that a retry will happen instead.
    let countdown = move || match form.send_state.get() {
        SendState::Waiting { seconds, .. } => Some(view! {
            " "
            <span aria-hidden="true">{i18n.t_args("status-retrying", &[("seconds", seconds.to_string())])}</span>
            <span class="ltw-sr-only">{i18n.text("status-retrying-auto")}</span>
        }),
        _ => None,
    };
    // Re-run with every tick of the countdown, but the announced text node
    // is only written when its text changes (Leptos compares), so screen
    // readers hear it once per state.
    let message = move || match form.send_state.get() {
        SendState::Idle | SendState::Rejected => None,
        SendState::Sending { attempt: 1 } => {
            Some(("ltw-alert ltw-alert--info", i18n.text("status-sending")))
        }
        SendState::Sending { attempt } => Some((
            "ltw-alert ltw-alert--info",
            i18n.t_args("status-sending-again", &[("attempt", attempt.to_string())]),
        )),
        SendState::Waiting { failure, .. } => {
            Some(("ltw-alert ltw-alert--error", failure_text(i18n, failure)))
        }
        SendState::Offline => Some(("ltw-alert ltw-alert--error", i18n.text("status-offline"))),
        SendState::Failed(failure) => Some((
            "ltw-alert ltw-alert--error",
            format!(
                "{} {}",
                failure_text(i18n, failure),
                i18n.text("status-gave-up")
            ),
        )),
        SendState::Refused { status, detail } => Some((
            "ltw-alert ltw-alert--error",
            i18n.t_args(
                "status-refused",
                &[("status", status.to_string()), ("detail", detail)],
            ),
        )),
    };
    let can_try_now = move || {
        matches!(
            form.send_state.get(),
            SendState::Waiting { .. } | SendState::Offline | SendState::Failed(_)
        )
    };
    let can_copy = move || {
        matches!(
            form.send_state.get(),
            SendState::Waiting { .. }
                | SendState::Offline
                | SendState::Failed(_)
                | SendState::Refused { .. }
        )
    };

    // Whether "copy" was used, and whether the clipboard took the text (if
    // it refused, the text is shown for copying by hand).
    let copied = RwSignal::new(false);
    let clipboard_ok = RwSignal::new(false);
    let text = move || {
        form.to_ticket(i18n.lang.get())
            .map(|t| ticket_as_text(&t, i18n.lang.get()))
            .unwrap_or_default()
    };
    let copy = move || {
        let text = text();
        let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
        match clipboard {
            Some(c) => {
                let promise = c.write_text(&text);
                leptos::task::spawn_local(async move {
                    let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                    clipboard_ok.set(ok);
                    copied.set(true);
                });
            }
            None => {
                clipboard_ok.set(false);
                copied.set(true);
            }
        }
    };
    let support = c.config.with_value(|config| config.support_email.clone());
    let copied_message = move || {
        copied.get().then(|| {
            let ok = clipboard_ok.get();
            let note = match (&support, ok) {
                (Some(email), true) => i18n.t_args("copy-done-to", &[("email", email.clone())]),
                (None, true) => i18n.text("copy-done"),
                (Some(email), false) => i18n.t_args("copy-manual-to", &[("email", email.clone())]),
                (None, false) => i18n.text("copy-manual"),
            };
            view! {
                <p class="ltw-note">{note}</p>
                {(!ok).then(|| view! {
                    <textarea class="ltw-input ltw-textarea ltw-mono" readonly rows="8" aria-label=i18n.t("copy-button")>
                        {text()}
                    </textarea>
                })}
            }
        })
    };

    // The two buttons as escaped markup (the markup only changes with the
    // buttons shown or the language, so a focused button stays), served by
    // one click handler that tells them apart by `data-act`.
    let actions = move || {
        let mut html = String::new();
        let button = " type=\"button\" class=\"ltw-button\" data-act=\"";
        if can_try_now() {
            let attrs = format!("{button}retry\"");
            element(&mut html, "button", &attrs, &i18n.text("btn-retry-now"));
        }
        if can_copy() {
            let attrs = format!("{button}copy\"");
            element(&mut html, "button", &attrs, &i18n.text("copy-button"));
        }
        html
    };
    let act = move |ev: leptos::ev::MouseEvent| {
        let action = closest(&ev, "button").and_then(|b| b.get_attribute("data-act"));
        match action.as_deref() {
            Some("retry") => sender.send_now(),
            Some("copy") => copy(),
            _ => {}
        }
    };

    view! {
        <div class="ltw-status" role="status" aria-live="polite">
            {move || message().map(|(class, text)| view! { <p class=class>{text} {countdown}</p> })}
        </div>
        <div class="ltw-actions ltw-actions--start" inner_html=actions on:click=on_click_ev(act)></div>
        {copied_message}
    }
}
