use super::category_step::category_step;
use super::config_notice::{config_notice, support_contact};
use super::details_step::details_step;
use super::done_step::done_step;
use super::lang_switch::lang_switch;
use super::notices::draft_notices;
use super::review_step::review_step;
use super::{Ctx, effect};
use crate::config::{ConfigProblem, WidgetConfig};
use crate::i18n::{I18n, initial_lang};
use crate::prefill;
use crate::sending::Sender;
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
    crate::draft_keeping::start(form, &config);
    let sender = Sender::new(form, i18n.lang, config.clone());
    // A ticket waiting for the network goes out the moment it is back.
    let online = window_event_listener(leptos::ev::online, move |_| sender.back_online());
    on_cleanup(move || online.remove());
    let c = Ctx {
        i18n,
        form,
        sender,
        config: StoredValue::new(config.clone()),
        instance: config.instance,
    };

    let heading_id = c.id("heading");
    let step_heading_id = c.id("step-heading");
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
    let focus_id = step_heading_id.clone();
    effect(move |first| {
        form.step.track();
        if !first {
            focus_by_id(&focus_id);
        }
    });

    let fatal = config.problems.iter().any(ConfigProblem::is_fatal);
    let body = (!fatal).then(|| {
        // Only the step is tracked: the steps' own reads happen inside
        // their closures (as in a component's body).
        view! {
            {draft_notices(c)}
            <p class="ltw-progress" id=step_heading_id.clone() tabindex="-1">{progress}</p>
            {move || {
                let step = form.step.get();
                untrack(move || match step {
                    Step::Category => category_step(c).into_any(),
                    // The details are built for one category; without one,
                    // back to choosing it.
                    Step::Details => match form.category.get_untracked() {
                        Some(category) => details_step(c, category).into_any(),
                        None => {
                            form.step.set(Step::Category);
                            category_step(c).into_any()
                        }
                    },
                    Step::Review => review_step(c).into_any(),
                    Step::Done => done_step(c).into_any(),
                })
            }}
        }
    });

    // Not a named region (landmark): a page may hold several widgets with
    // the same title, and landmarks must be told apart. The host page's own
    // landmarks and the h2 give screen-reader users the structure.
    view! {
        <section class="ltw" lang=move || i18n.lang.get().tag().to_owned()>
            <header class="ltw-header">
                <h2 class="ltw-title" id=heading_id.clone()>{i18n.t("widget-title")}</h2>
                {lang_switch(c)}
            </header>
            {config_notice(&config.problems)}
            {body}
            {support_contact(i18n, config.support_email.clone())}
        </section>
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
