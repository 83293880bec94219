use super::category_step::CategoryStep;
use super::config_notice::{ConfigNotice, SupportContact};
use super::details_step::DetailsStep;
use super::done_step::DoneStep;
use super::lang_switch::LangSwitch;
use super::notices::DraftNotices;
use super::review_step::ReviewStep;
use crate::config::{ConfigProblem, WidgetConfig};
use crate::draft::{self, Draft};
use crate::i18n::{I18n, initial_lang};
use crate::prefill;
use crate::sending::{self, Sender};
use crate::state::{Form, Step};
use leptos::prelude::*;

/// One whole widget: header, language switch, progress and the current step.
#[component]
pub fn App(
    config: WidgetConfig,
    /// The form's signals, when the caller keeps them (for the host API).
    #[prop(optional)]
    form: Option<Form>,
    /// The widget's language, likewise.
    #[prop(optional)]
    i18n: Option<I18n>,
) -> impl IntoView {
    let i18n = i18n.unwrap_or_else(|| I18n::new(initial_lang(config.lang.as_deref())));
    let form = form.unwrap_or_default();
    prefill::apply_initial(&form, &config);
    // A draft from an earlier visit wins over the page's prefill: it is what
    // the customer typed themselves.
    if let Some(endpoint) = config.endpoint.clone() {
        restore_draft(form, &endpoint);
        sending::autosave_drafts(form, endpoint);
    }
    let sender = Sender::new(form, i18n.lang, config.clone());
    // A ticket waiting for the network goes out the moment it is back.
    let online = window_event_listener(leptos::ev::online, move |_| sender.back_online());
    on_cleanup(move || online.remove());
    provide_context(i18n);
    provide_context(form);
    provide_context(sender);
    provide_context(config.clone());

    let heading_id = config.id("heading");
    let step_heading_id = config.id("step-heading");
    let progress = move || {
        let step = form.step.get();
        i18n.t_args(
            "step-progress",
            &[
                ("current", step.number().to_string()),
                ("total", Step::ALL.len().to_string()),
                ("name", i18n.text(step.title_key())),
            ],
        )
    };
    // Moving focus to the new step's heading tells screen-reader users where
    // they are; skipped on first render so the page does not jump.
    // (The effect's previous value is `None` only on its first run.)
    let focus_id = step_heading_id.clone();
    Effect::new(move |previous: Option<()>| {
        form.step.track();
        if previous.is_some() {
            focus_by_id(&focus_id);
        }
    });

    let fatal = config.problems.iter().any(ConfigProblem::is_fatal);
    let body = (!fatal).then(|| {
        view! {
            <DraftNotices/>
            <p class="ltw-progress" id=step_heading_id.clone() tabindex="-1">{progress}</p>
            {move || match form.step.get() {
                Step::Category => view! { <CategoryStep/> }.into_any(),
                Step::Details => view! { <DetailsStep/> }.into_any(),
                Step::Review => view! { <ReviewStep/> }.into_any(),
                Step::Done => view! { <DoneStep/> }.into_any(),
            }}
        }
    });

    // Not a named region (landmark): a page may hold several widgets with
    // the same title, and landmarks must be told apart. The host page's own
    // landmarks and the h2 give screen-reader users the structure.
    view! {
        <section class="ltw" lang=move || i18n.lang.get().tag()>
            <header class="ltw-header">
                <h2 class="ltw-title" id=heading_id.clone()>{i18n.t("widget-title")}</h2>
                <LangSwitch/>
            </header>
            <ConfigNotice problems=config.problems.clone()/>
            {body}
            <SupportContact/>
        </section>
    }
}

/// Puts back what the customer typed before a reload, with a new
/// idempotency key only when there is no draft to continue.
fn restore_draft(form: Form, endpoint: &str) {
    match draft::load(endpoint).filter(Draft::has_content) {
        Some(d) if !d.idempotency_key.is_empty() => {
            form.apply_draft(&d);
            form.draft_restored.set(true);
        }
        _ => form.idempotency_key.set(draft::new_idempotency_key()),
    }
}

pub fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
