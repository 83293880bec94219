use super::super::context::{use_config, use_form};
use super::required::is_required;
use crate::i18n::{keys, use_i18n};
use leptos::prelude::*;

/// Label (with the required mark), hint, the control and its error: the
/// frame every field shares. The control's id is `config.id(key)`.
#[component]
pub fn FieldFrame(
    key: &'static str,
    /// The error shown at the field, as a code.
    error: Memo<Option<String>>,
    /// Required whatever the category (the routing direction).
    #[prop(optional)]
    always_required: bool,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let id = use_config().id(key);
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let required = move || always_required || is_required(&form, key);
    view! {
        <div class="ltw-field" class:ltw-field--error=move || error.get().is_some()>
            <label class="ltw-label" for=id>
                {i18n.tk(keys::field_label(key).into())}
                {move || required().then(|| view! {
                    <span class="ltw-required">{format!(" {}", i18n.text("required-mark"))}</span>
                })}
            </label>
            <p class="ltw-hint" id=hint_id>{i18n.tk(keys::field_hint(key).into())}</p>
            {children()}
            <p class="ltw-error" id=error_id>
                {move || error.get().map(|code| i18n.text(&keys::error(&code)))}
            </p>
        </div>
    }
}
