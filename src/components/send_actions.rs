use super::context::{use_config, use_form, use_sender};
use crate::i18n::{I18n, use_i18n};
use crate::plain_text::ticket_as_text;
use crate::state::{Form, SendState};
use leptos::prelude::*;

/// "Try again now" while a ticket waits, and when sending keeps failing,
/// the ticket as text to e-mail instead.
#[component]
pub fn SendActions() -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let sender = use_sender();
    // Memos: the buttons come and go with the state, not with every tick of
    // the countdown, so a focused button stays.
    let can_try_now = Memo::new(move |_| {
        matches!(
            form.send_state.get(),
            SendState::Waiting { .. } | SendState::Offline
        )
    });
    let can_copy = Memo::new(move |_| {
        matches!(
            form.send_state.get(),
            SendState::Waiting { .. }
                | SendState::Offline
                | SendState::Refused { .. }
                | SendState::Misconfigured
        )
    });
    // None: not copied yet; Some(true): on the clipboard; Some(false): the
    // clipboard refused, so the text is shown for copying by hand.
    let copied: RwSignal<Option<bool>> = RwSignal::new(None);
    let copy = move |_| {
        let text = ticket_text(i18n, form);
        match web_sys::window().map(|w| w.navigator().clipboard()) {
            Some(clipboard) => {
                let promise = clipboard.write_text(&text);
                leptos::task::spawn_local(async move {
                    let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                    copied.try_set(Some(ok));
                });
            }
            None => copied.set(Some(false)),
        }
    };

    view! {
        <div class="ltw-actions ltw-actions--start">
            <Show when=move || can_try_now.get()>
                <button type="button" class="ltw-button" on:click=move |_| sender.send_now()>
                    {i18n.t("btn-retry-now")}
                </button>
            </Show>
            <Show when=move || can_copy.get()>
                <button type="button" class="ltw-button" on:click=copy>
                    {i18n.t("copy-button")}
                </button>
            </Show>
        </div>
        {move || copied.get().map(|ok| view! { <CopyResult ok/> })}
    }
}

/// The ticket as plain text in the current language.
fn ticket_text(i18n: I18n, form: Form) -> String {
    form.to_ticket(i18n.lang.get())
        .map(|t| ticket_as_text(&t, i18n.lang.get()))
        .unwrap_or_default()
}

/// What became of "copy": done, or the text shown to copy by hand.
#[component]
fn CopyResult(ok: bool) -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let support = use_config().with(|config| config.support_email.clone());
    let note = move || match (&support, ok) {
        (Some(email), true) => i18n.t_args("copy-done-to", &[("email", email.clone())]),
        (None, true) => i18n.text("copy-done"),
        (Some(email), false) => i18n.t_args("copy-manual-to", &[("email", email.clone())]),
        (None, false) => i18n.text("copy-manual"),
    };
    view! {
        <p class="ltw-note">{note}</p>
        {(!ok).then(|| view! {
            <textarea class="ltw-input ltw-textarea ltw-mono" readonly rows="8" aria-label=i18n.t("copy-button")>
                {move || ticket_text(i18n, form)}
            </textarea>
        })}
    }
}
