use super::super::context::{use_config, use_form};
use super::focus::focus_when_asked;
use super::frame::FieldFrame;
use crate::dom::target_value;
use crate::i18n::{keys, use_i18n};
use leptos::html::Select;
use leptos::prelude::*;
use ticket_core::catalog::{DIRECTIONS, Field};

/// The routing direction, as a native select (best on phones and with
/// screen readers).
#[component]
pub fn DirectionField() -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let key = Field::Direction.id();
    let value = form.field(Field::Direction);
    let id = use_config().id(key);
    let error = Memo::new(move |_| form.shown_error(key));
    let described_by = format!("{id}-hint {id}-error");
    let select = NodeRef::<Select>::new();
    focus_when_asked(key, select);

    let options = DIRECTIONS
        .iter()
        .map(|choice| {
            view! {
                <option value=*choice selected=move || value.get() == *choice>
                    {i18n.tk(keys::choice(Field::Direction, choice).into())}
                </option>
            }
        })
        .collect_view();
    let choose = move |ev: leptos::ev::Event| {
        value.set(target_value(&ev));
        form.edited(key);
        form.touch(key);
    };
    view! {
        <FieldFrame key error always_required=true>
            <select
                id=id
                class="ltw-input ltw-select"
                aria-describedby=described_by
                aria-invalid=move || error.get().is_some().to_string()
                aria-required="true"
                prop:value=move || value.get()
                node_ref=select
                on:change=choose
            >
                <option value="" selected=move || value.get().is_empty()>
                    {i18n.t("direction-placeholder")}
                </option>
                {options}
            </select>
        </FieldFrame>
    }
}
