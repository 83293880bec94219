use super::super::context::{use_config, use_form};
use super::focus::focus_when_asked;
use super::frame::FieldFrame;
use super::required::is_required;
use crate::dom::{is_composing, pasted_text, selection_of, target_value};
use crate::i18n::use_i18n;
use crate::paste_guard::{Refusal, check_paste};
use leptos::html::{Input, Textarea};
use leptos::prelude::*;
use ticket_core::validate::LenUnit;

#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub enum Control {
    #[default]
    Text,
    Email,
    Multiline,
    /// Monospace, no spell-check or autocorrect: for pasted tool output.
    Code,
}

/// A text input or text area for one of the form's values (`email`, …, or
/// a category field id).
#[component]
pub fn TextField(key: &'static str, #[prop(optional)] control: Control) -> impl IntoView {
    let form = use_form();
    // Every key the views pass has a signal; a stray one would get a
    // field of its own that is not sent.
    let value = form
        .value(key)
        .unwrap_or_else(|| RwSignal::new(String::new()));
    let id = use_config().id(key);
    let described_by = format!("{id}-hint {id}-error");
    let error = Memo::new(move |_| form.shown_error(key));
    let refused: RwSignal<Option<Refusal>> = RwSignal::new(None);

    // Chinese IMEs fire input events while a word is still being composed;
    // the value is taken when composition ends, so the IME is never disturbed.
    let on_input = move |ev: leptos::ev::Event| {
        if !is_composing(&ev) {
            refused.set(None);
            value.set(target_value(&ev));
            form.edited(key);
        }
    };
    let on_composition_end = move |ev: leptos::ev::CompositionEvent| {
        value.set(target_value(&ev));
        form.edited(key);
    };
    let on_blur = move |_| form.touch(key);
    // A paste that would take the field past its limit is refused before
    // it lands, and the customer is told the limit; what they typed stays.
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        let Some(pasted) = pasted_text(&ev) else {
            return;
        };
        let refusal =
            value.with_untracked(|current| check_paste(key, current, selection_of(&ev), &pasted));
        if refusal.is_some() {
            ev.prevent_default();
        }
        if refused.get_untracked() != refusal {
            refused.set(refusal);
        }
    };
    let invalid = move || error.get().is_some().to_string();
    let required = move || is_required(&form, key).to_string();

    let input = match control {
        Control::Multiline | Control::Code => {
            let area = NodeRef::<Textarea>::new();
            focus_when_asked(key, area);
            let code = control == Control::Code;
            view! {
                <textarea
                    id=id
                    class=if code { "ltw-input ltw-textarea ltw-mono" } else { "ltw-input ltw-textarea" }
                    rows=if code { "10" } else { "6" }
                    spellcheck=if code { "false" } else { "true" }
                    aria-describedby=described_by
                    aria-invalid=invalid
                    aria-required=required
                    prop:value=move || value.get()
                    node_ref=area
                    on:input=on_input
                    on:compositionend=on_composition_end
                    on:blur=on_blur
                    on:paste=on_paste
                ></textarea>
            }
            .into_any()
        }
        Control::Text | Control::Email => {
            let input = NodeRef::<Input>::new();
            focus_when_asked(key, input);
            view! {
                <input
                    id=id
                    class="ltw-input"
                    // Not type="email": its value sanitising drops a typed
                    // space and puts the cursor back at the start. The
                    // e-mail keyboard comes from inputmode, and the check
                    // says that addresses have no spaces.
                    type="text"
                    inputmode=if control == Control::Email { "email" } else { "text" }
                    spellcheck=if control == Control::Email { "false" } else { "true" }
                    autocapitalize=if control == Control::Email { "off" } else { "sentences" }
                    autocomplete=match key {
                        "email" => "email",
                        "name" => "name",
                        _ => "off",
                    }
                    aria-describedby=described_by
                    aria-invalid=invalid
                    aria-required=required
                    prop:value=move || value.get()
                    node_ref=input
                    on:input=on_input
                    on:compositionend=on_composition_end
                    on:blur=on_blur
                    on:paste=on_paste
                />
            }
            .into_any()
        }
    };

    let i18n = use_i18n();
    let refusal_text = move || {
        refused.get().map(|Refusal { size, limit }| {
            let id = match limit.unit {
                LenUnit::Chars => "paste-too-long-chars",
                LenUnit::Bytes => "paste-too-long-bytes",
            };
            let args = [("size", size.to_string()), ("max", limit.max.to_string())];
            view! { <p class="ltw-error" role="alert">{i18n.t_args(id, &args)}</p> }
        })
    };
    view! {
        <FieldFrame key error>
            {input}
            {refusal_text}
        </FieldFrame>
    }
}
