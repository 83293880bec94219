use super::context::{use_config, use_form};
use crate::i18n::{keys, use_i18n};
use leptos::html::Input;
use leptos::prelude::*;
use ticket_core::catalog::Group;

/// The offered groups as radios, each with its introduction.
#[component]
pub fn GroupList(
    /// Given to the first radio: focus goes there when nothing is chosen.
    first: NodeRef<Input>,
) -> impl IntoView {
    let i18n = use_i18n();
    let groups = use_config()
        .with(|config| config.offered_groups())
        .into_iter()
        .enumerate()
        .map(|(i, group)| {
            let radio = if i == 0 { first } else { NodeRef::new() };
            view! { <GroupOption group radio/> }
        })
        .collect_view();
    view! {
        <fieldset class="ltw-fieldset">
            <legend>{i18n.t("group-picker-legend")}</legend>
            <div class="ltw-choices ltw-choices--groups">{groups}</div>
        </fieldset>
    }
}

/// One group's radio. Choosing another group drops a category of the old
/// one. Checked as the form says, whoever chose (the host page may).
#[component]
fn GroupOption(group: Group, radio: NodeRef<Input>) -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let config = use_config();
    let id = config.id(&format!("group-{}", group.id()));
    let intro_id = format!("{id}-intro");
    let label_for = id.clone();
    let choose = move |_| form.choose_group(group);
    view! {
        <label class="ltw-choice ltw-choice--group" for=label_for>
            <input
                type="radio"
                id=id
                name=config.id("group")
                value=group.id()
                aria-describedby=intro_id.clone()
                prop:checked=move || form.group.get() == Some(group)
                node_ref=radio
                on:change=choose
            />
            <span class="ltw-choice-title">{i18n.tk(keys::group_title(group).into())}</span>
            <span class="ltw-choice-text" id=intro_id>{i18n.tk(keys::group_intro(group).into())}</span>
        </label>
    }
}
