use super::circumvention_notice::CircumventionNotice;
use super::context::{use_form, use_sender, use_uploader};
use super::details_hints::{PolicyHint, ScopeHint, SecretsHint};
use super::error_summary::ErrorSummary;
use super::fields::{AttachmentsField, Control, DirectionField, IpField, TextField};
use super::honeypot::Honeypot;
use super::trace_field::TraceField;
use crate::dom::focus_after_render;
use crate::i18n::{keys, use_i18n};
use crate::state::Step;
use crate::uploading::files_of;
use leptos::html::Div;
use leptos::prelude::*;
use ticket_core::catalog::{Category, Field};

/// Step 2: the common fields and the chosen category's own fields.
#[component]
pub fn DetailsStep(category: &'static Category) -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let sender = use_sender();
    let summary = NodeRef::<Div>::new();
    let uploader = use_uploader();
    // A screenshot pasted anywhere in the step (Ctrl+V, ⌘V) is attached;
    // a paste of text goes on to its field as usual.
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        let files = files_of(ev.clipboard_data().and_then(|d| d.files()));
        if !files.is_empty() {
            ev.prevent_default();
            uploader.add(files);
        }
    };

    let category_fields = category
        .fields
        .iter()
        .map(|spec| match spec.field {
            Field::Ip => view! { <IpField/> }.into_any(),
            Field::Trace => view! { <TraceField/> }.into_any(),
            Field::Direction => view! { <DirectionField/> }.into_any(),
            Field::OsTemplate | Field::OrderNumber => {
                view! { <TextField key=spec.field.id()/> }.into_any()
            }
        })
        .collect_view();
    let notice = keys::category_notice(category)
        .map(|key| view! { <p class="ltw-notice ltw-notice--info">{i18n.tk(key.into())}</p> });

    let next = move |_| {
        if form.invalid_keys().is_empty() {
            form.show_all_errors.set(false);
            form.step.set(Step::Review);
        } else {
            form.show_all_errors.set(true);
            // Once the summary shows, focus goes there (GOV.UK pattern).
            if let Some(summary) = summary.get_untracked() {
                focus_after_render(summary.into());
            }
        }
    };

    // The first keystroke (input events bubble here from every field)
    // starts the receiver's proof of work, so it is done by "Submit".
    view! {
        <div class="ltw-step" on:input=move |_| sender.prepare() on:paste=on_paste>
            <ErrorSummary summary/>
            <ChosenCategory category/>
            {notice}
            <CircumventionNotice/>
            <TextField key="email" control=Control::Email/>
            <TextField key="name"/>
            <TextField key="service"/>
            {category_fields}
            <TextField key="subject"/>
            <TextField key="message" control=Control::Multiline/>
            <AttachmentsField category/>
            <Honeypot/>
            <PolicyHint/>
            <ScopeHint category/>
            <SecretsHint/>
            <div class="ltw-actions">
                <button type="button" class="ltw-button" on:click=move |_| form.step.set(Step::Category)>
                    {i18n.t("btn-back")}
                </button>
                <button type="button" class="ltw-button ltw-button--primary" on:click=next>
                    {i18n.t("btn-next")}
                </button>
            </div>
        </div>
    }
}

/// The chosen category and its scope, above its form.
#[component]
fn ChosenCategory(category: &'static Category) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="ltw-chosen">
            <strong>{i18n.tk(keys::category_title(category).into())}</strong>
            {move || format!(" — {}", i18n.text(&keys::category_scope(category)))}
        </p>
    }
}
