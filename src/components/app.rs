use super::config_notice::ConfigNotice;
use super::context::{Config, FocusField};
use super::lang_switch::LangSwitch;
use super::steps::Steps;
use super::support_contact::SupportContact;
use crate::config::{ConfigProblem, WidgetConfig};
use crate::held_start::HeldStart;
use crate::i18n::{I18n, initial_lang};
use crate::prefill;
use crate::prerender;
use crate::sending::{OutcomeReport, Sender};
use crate::state::Form;
use crate::uploading::Uploader;
use leptos::prelude::*;

/// One whole widget: header, language switch, progress and the current step.
/// Provides the form, the language, the sender and the configuration to
/// every view inside through context.
#[component]
pub fn App(
    config: WidgetConfig,
    /// The form's signals, when the caller keeps them (for the host API).
    #[prop(optional)]
    form: Option<Form>,
    /// The widget's language, likewise.
    #[prop(optional)]
    i18n: Option<I18n>,
    /// Told how each attempt to send a ticket ended (the host page's events).
    #[prop(optional)]
    on_outcome: Option<OutcomeReport>,
    /// Given when the view must be built exactly as the prerendered first
    /// step was (a fresh form, nothing read from the browser): by the
    /// server rendering it, and by the hydration taking it over. What the
    /// browser brings (prefill, draft, files) then waits in it until the
    /// caller runs it, after the view is built.
    #[prop(optional)]
    held_start: Option<HeldStart>,
) -> impl IntoView {
    let i18n = i18n.unwrap_or_else(|| I18n::new(initial_lang(config.lang.as_deref())));
    let form = form.unwrap_or_default();
    let sender = Sender::new(form, i18n.lang, config.clone(), on_outcome);
    let uploader = Uploader::new(form.attachments, form.draft_slot, config.clone());
    provide_context(i18n);
    provide_context(form);
    provide_context(sender);
    provide_context(uploader);
    provide_context(Config::new(config.clone()));
    provide_context(FocusField::new());
    // Only on a prerendered view and the one taking it over (`prerender.rs`).
    let stamp = held_start
        .is_some()
        .then(|| prerender::stamp(&config, i18n.lang.get_untracked()));
    let start = {
        let config = config.clone();
        let owner = Owner::current();
        move || {
            let run = move || start_in_browser(form, &config, sender, uploader);
            match owner {
                Some(owner) => owner.with(run),
                None => run(),
            }
        }
    };
    match held_start {
        Some(held) => held.hold(start),
        None => start(),
    }

    let fatal = config.problems.iter().any(ConfigProblem::is_fatal);
    // Not a named region (landmark): a page may hold several widgets with
    // the same title, and landmarks must be told apart. The host page's own
    // landmarks and the h2 give screen-reader users the structure.
    view! {
        <section class="ltw" lang=move || i18n.lang.get().tag() data-ltw-stamp=stamp>
            <header class="ltw-header">
                <h2 class="ltw-title" id=config.id("heading")>{i18n.t("widget-title")}</h2>
                <LangSwitch/>
            </header>
            <ConfigNotice problems=config.problems.clone()/>
            {(!fatal).then(|| view! { <Steps/> })}
            <SupportContact/>
        </section>
    }
}

/// What a widget takes from the browser once its view exists: the fill
/// clock, the page's prefill, the customer's draft and its files, and
/// sending again when the network comes back.
fn start_in_browser(form: Form, config: &WidgetConfig, sender: Sender, uploader: Uploader) {
    // The fill time counts from now: the form is interactive from here on.
    form.began_at.set_value(js_sys::Date::now());
    prefill::apply_initial(&form, config);
    // A draft from an earlier visit wins over the page's prefill: it is what
    // the customer typed themselves.
    crate::draft_keeping::start(form, config);
    sender.resume_when_back();
    // A restored draft's files come back from IndexedDB. Only then: a
    // page load without a draft does not open the database at all.
    if form.draft_restored.get_untracked()
        && let Some(shelf) = uploader.shelf()
    {
        uploader.restore(shelf, form.attachments.take_expected());
    }
    // The thumbnails' object URLs go with the widget.
    on_cleanup(move || form.attachments.clear());
}
