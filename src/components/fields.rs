//! Labelled inputs wired to the form: hint and error tied to the control with
//! `aria-describedby`, errors shown once the field was left or "Next" pressed.

use super::trace_summary::{element, escape};
use super::{Ctx, on_change};
use crate::i18n::{key, keys};
use crate::state::Form;
use leptos::prelude::*;
use ticket_core::catalog::{DIRECTIONS, Field};
use wasm_bindgen::JsCast;

/// Whether `key` must be filled in for the chosen category.
fn is_required(form: &Form, key: &str) -> bool {
    match key {
        "email" | "subject" | "message" => true,
        "service" => form.category.get().is_some_and(|c| c.service_required),
        other => Field::from_id(other)
            .and_then(|f| form.category.get().and_then(|c| c.field_spec(f).copied()))
            .is_some_and(|s| s.required),
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub enum Control {
    #[default]
    Text,
    Email,
    Multiline,
    /// Monospace, no spell-check or autocorrect: for pasted tool output.
    Code,
}

pub fn text_field(c: Ctx, key: &'static str, control: Control) -> AnyView {
    let form = c.form;
    // Every key the views pass has a signal; a stray one would get a
    // field of its own that is not sent.
    let value = form
        .value(key)
        .unwrap_or_else(|| RwSignal::new(String::new()));
    let id = c.id(key);
    let described_by = format!("{id}-hint {id}-error");

    // Chinese IMEs fire input events while a word is still being composed;
    // the value is taken when composition ends, so the IME is never disturbed.
    let on_input = move |ev: leptos::ev::Event| {
        let composing = ev
            .dyn_ref::<web_sys::InputEvent>()
            .is_some_and(|e| e.is_composing());
        if !composing {
            value.set(target_value(&ev));
            form.edited(key);
        }
    };
    let on_composition_end = move |ev: leptos::ev::CompositionEvent| {
        value.set(target_value(&ev));
        form.edited(key);
    };
    let on_blur = move |_| form.touch(key);
    let invalid = invalid(form, key);
    let required = move || is_required(&form, key).to_string();
    let current = current(value);

    let input = match control {
        Control::Multiline | Control::Code => view! {
            <textarea
                id=id.clone()
                class=if control == Control::Code {
                    "ltw-input ltw-textarea ltw-mono"
                } else {
                    "ltw-input ltw-textarea"
                }
                rows=if control == Control::Code { "10" } else { "6" }
                spellcheck=if control == Control::Code { "false" } else { "true" }
                aria-describedby=described_by.clone()
                aria-invalid=invalid
                aria-required=required
                prop:value=current
                on:input=on_input
                on:compositionend=on_composition_end
                on:blur=on_blur
            ></textarea>
        }
        .into_any(),
        Control::Text | Control::Email => view! {
            <input
                id=id.clone()
                class="ltw-input"
                type=if control == Control::Email { "email" } else { "text" }
                autocomplete=match key {
                    "email" => "email",
                    "name" => "name",
                    _ => "off",
                }
                aria-describedby=described_by.clone()
                aria-invalid=invalid
                aria-required=required
                prop:value=current
                on:input=on_input
                on:compositionend=on_composition_end
                on:blur=on_blur
            />
        }
        .into_any(),
    };

    field_frame(c, key, id, false, input)
}

/// `aria-invalid` of a field's control: one closure type for all fields.
fn invalid(form: Form, key: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || form.shown_error(key).is_some().to_string()
}

/// `prop:value` of a field's control: one closure type for all fields.
fn current(value: RwSignal<String>) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || value.get()
}

/// Label (with the required mark), hint, the control and its error: the
/// frame every field shares, one view for all of them.
fn field_frame(
    c: Ctx,
    key: &'static str,
    id: String,
    always_required: bool,
    control: AnyView,
) -> AnyView {
    let Ctx { i18n, form, .. } = c;
    let required = move || always_required || is_required(&form, key);
    let error = move || form.shown_error(key);
    // The label and its required mark: escaped markup, not two views.
    let label = move || {
        let mut html = escape(&i18n.text(&keys::field_label(key)));
        if required() {
            html.push_str("<span class=\"ltw-required\"> ");
            html.push_str(&escape(&i18n.text("required-mark")));
            html.push_str("</span>");
        }
        html
    };
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    view! {
        <div class="ltw-field" class:ltw-field--error=move || error().is_some()>
            <label class="ltw-label" for=id inner_html=label></label>
            <p class="ltw-hint" id=hint_id>{i18n.tk(keys::field_hint(key).into())}</p>
            {control}
            <p class="ltw-error" id=error_id>
                {move || error().map(|code| i18n.text(&keys::error(&code)))}
            </p>
        </div>
    }
    .into_any()
}

/// The value of the control an event came from. Leptos's own
/// `event_target_value` assumes an `<input>` and throws on a `<textarea>`.
pub fn target_value(ev: &web_sys::Event) -> String {
    let Some(target) = ev.target() else {
        return String::new();
    };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        input.value()
    } else if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.value()
    } else if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.value()
    } else {
        String::new()
    }
}

/// The routing direction, as a native select (best on phones and with
/// screen readers).
pub fn direction_field(c: Ctx) -> AnyView {
    let Ctx { i18n, form, .. } = c;
    let key = Field::Direction.id();
    let value = form.field(Field::Direction);
    let id = c.id(key);
    // The options as escaped markup, re-written when the language changes
    // (the chosen one marked `selected`); `prop:value` follows the value.
    let options = move || {
        let chosen = value.get_untracked();
        let mut html = String::new();
        let mut option = |choice: &str, label: String| {
            let selected = if chosen == choice { " selected" } else { "" };
            let attrs = format!(" value=\"{}\"{selected}", escape(choice));
            element(&mut html, "option", &attrs, &label);
        };
        option("", i18n.text("direction-placeholder"));
        for choice in DIRECTIONS {
            option(choice, i18n.text(&keys::choice(Field::Direction, choice)));
        }
        html
    };
    let described_by = format!("{id}-hint {id}-error");
    let select = view! {
        <select
            id=id.clone()
            class="ltw-input ltw-select"
            aria-describedby=described_by
            aria-invalid=invalid(form, key)
            aria-required="true"
            inner_html=options
            prop:value=current(value)
            on:change=on_change(move |ev| {
                value.set(target_value(&ev));
                form.edited(key);
                form.touch(key);
            })
        ></select>
    }
    .into_any();
    field_frame(c, key, id, true, select)
}

/// IP field: besides errors, says what kind of address a valid but
/// non-public one is, since support cannot act on a LAN address.
pub fn ip_field(c: Ctx) -> impl IntoView {
    let Ctx { i18n, form, .. } = c;
    let value = form.field(Field::Ip);
    let note = note(move || {
        value
            .with(|v| ticket_core::ip::check_ip(v).ok())
            .map(|info| {
                let args = [
                    ("address", info.address.clone()),
                    ("version", info.version.to_string()),
                ];
                let (class, key) = if info.is_public() {
                    ("ltw-note ltw-note--ok", key("ip-public").to_owned())
                } else {
                    ("ltw-note ltw-note--warn", keys::ip_scope(info.scope.id()))
                };
                (class, i18n.t_args(&key, &args))
            })
    });
    view! {
        {text_field(c, Field::Ip.id(), Control::Text)}
        {note}
    }
}

/// A note shown while `content` gives its class and text: one view type
/// for every such note keeps the wasm smaller.
pub fn note(
    content: impl Fn() -> Option<(&'static str, String)> + Send + Sync + 'static,
) -> impl IntoView {
    let content: std::sync::Arc<dyn Fn() -> Option<(&'static str, String)> + Send + Sync> =
        std::sync::Arc::new(content);
    move || content().map(|(class, text)| view! { <p class=class>{text}</p> })
}
