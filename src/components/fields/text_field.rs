use super::super::context::{use_config, use_form};
use super::focus::focus_when_asked;
use super::frame::FieldFrame;
use super::required::is_required;
use crate::dom::{is_composing, target_value};
use leptos::html::{Input, Textarea};
use leptos::prelude::*;

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

    // Chinese IMEs fire input events while a word is still being composed;
    // the value is taken when composition ends, so the IME is never disturbed.
    let on_input = move |ev: leptos::ev::Event| {
        if !is_composing(&ev) {
            value.set(target_value(&ev));
            form.edited(key);
        }
    };
    let on_composition_end = move |ev: leptos::ev::CompositionEvent| {
        value.set(target_value(&ev));
        form.edited(key);
    };
    let on_blur = move |_| form.touch(key);
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
                    type=if control == Control::Email { "email" } else { "text" }
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
                />
            }
            .into_any()
        }
    };

    view! { <FieldFrame key error>{input}</FieldFrame> }
}
