use super::context::use_form;
use crate::i18n::{I18n, use_i18n};
use crate::retry::Failure;
use crate::state::SendState;
use leptos::prelude::*;

fn failure_text(i18n: I18n, failure: Failure) -> String {
    match failure {
        Failure::Network => i18n.text("status-network-error"),
        Failure::Timeout => i18n.text("status-timeout"),
        Failure::Server(429) => i18n.t_args("status-busy", &[("status", "429".into())]),
        Failure::TooFast => i18n.text("status-too-fast"),
        Failure::Server(status) => {
            i18n.t_args("status-server-error", &[("status", status.to_string())])
        }
    }
}

/// Why a refusal happened, in the customer's words: the server's own answer
/// (an error page, an error code) goes to the console, never on screen.
fn refusal_reason(status: u16, spam: bool) -> &'static str {
    match status {
        // The hidden field people never see was filled in: by a bot, or by
        // a browser extension or autofill that fills in every field.
        422 if spam => "refused-spam",
        413 => "refused-too-large",
        401 | 403 | 419 => "refused-forbidden",
        404 | 405 | 410 => "refused-wrong-address",
        _ => "refused-invalid",
    }
}

/// The live status of a submission, announced to screen readers.
#[component]
pub fn SendStatus() -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();

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
    let spam = move || {
        form.server_errors
            .with(|errors| errors.iter().any(|e| e.code == "spam.honeypot"))
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
        SendState::Refused { status } => Some((
            "ltw-alert ltw-alert--error",
            i18n.t_args(
                "status-refused",
                &[
                    ("status", status.to_string()),
                    ("reason", i18n.text(refusal_reason(status, spam()))),
                ],
            ),
        )),
        SendState::AwaitingFiles => Some((
            "ltw-alert ltw-alert--info",
            i18n.text("status-awaiting-files"),
        )),
        SendState::FilesRefused => Some((
            "ltw-alert ltw-alert--error",
            i18n.text("status-files-refused"),
        )),
        SendState::Misconfigured => Some((
            "ltw-alert ltw-alert--error",
            i18n.text("status-misconfigured"),
        )),
    };

    view! {
        <div class="ltw-status" role="status" aria-live="polite">
            {move || message().map(|(class, text)| view! { <p class=class>{text} {countdown}</p> })}
        </div>
    }
}
