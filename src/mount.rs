//! Puts a widget into each host element, and remembers which widget lives
//! where so that the host API and the events can find it again.

use crate::components::App;
use crate::config::WidgetConfig;
use crate::host_events;
use crate::i18n::{self, I18n, Lang, initial_lang_over, tr_args};
use crate::prerender;
use crate::sending::OutcomeReport;
use crate::state::Form;
#[cfg(feature = "hydrate")]
use crate::takeover;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Set on a host element once it holds a widget, or is about to: from the
/// moment it is claimed until its language's pack is in (pages may style
/// on it). Taken away again if that pack cannot be had.
pub const MOUNTED_ATTR: &str = "data-ticket-widget-mounted";

/// One mounted widget. Its signals live as long as the page: mounts are
/// never undone.
#[derive(Clone)]
pub struct Mounted {
    pub host: web_sys::HtmlElement,
    pub form: Form,
    pub config: WidgetConfig,
}

thread_local! {
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    // A page-wide counter, not the position in the page: widgets mounted
    // later through `TicketWidget.mount` must not reuse element ids.
    static NEXT_INSTANCE: Cell<usize> = const { Cell::new(0) };
}

/// Mounts a widget into every `[data-ticket-widget]` element of the page
/// that has none yet, leaving the rest of the page alone. Returns how many.
pub fn mount_all() -> usize {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return 0;
    };
    let Ok(hosts) = document.query_selector_all("[data-ticket-widget]") else {
        return 0;
    };
    (0..hosts.length())
        .filter_map(|i| hosts.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|host| mount(host.clone()))
        .count()
}

/// Mounts one widget into `host`; false if it already holds one (or is
/// about to). The widget appears once its language's pack is loaded: at
/// once if it is, else when it arrives. Until then, and for good if the
/// pack cannot be had (`ticket-widget:error` with kind `load`), the host
/// keeps the page's fallback content.
pub fn mount(host: web_sys::HtmlElement) -> bool {
    if host.has_attribute(MOUNTED_ATTR) {
        return false;
    }
    let _ = host.set_attribute(MOUNTED_ATTR, "");
    let instance = NEXT_INSTANCE.with(|n| n.replace(n.get() + 1));
    let config = WidgetConfig::from_element(&host, instance);
    let prerendered = prerender::fragment_in(&host).map(|(_, lang)| lang);
    let lang = initial_lang_over(config.lang.as_deref(), prerendered);
    let has_problems = !config.problems.is_empty();
    let done = move |ok: bool| {
        if ok {
            show(host, config, lang);
        } else {
            let _ = host.remove_attribute(MOUNTED_ATTR);
            host_events::emit_error(&host, "load", None);
        }
    };
    // A wrong configuration is explained in every language (ConfigNotice),
    // so such a widget waits for the other packs as well; only its own is
    // required.
    if has_problems {
        // All fetched at once; then waited for one after the other.
        Lang::ALL.into_iter().for_each(i18n::prefetch);
        when_all_settled(
            Lang::ALL.to_vec(),
            Box::new(move || i18n::when_loaded(lang, done)),
        );
    } else {
        i18n::when_loaded(lang, done);
    }
    true
}

/// Calls `done` once each of `langs` is loaded or could not be had.
fn when_all_settled(mut langs: Vec<Lang>, done: Box<dyn FnOnce()>) {
    match langs.pop() {
        Some(lang) => i18n::when_loaded(lang, move |_| when_all_settled(langs, done)),
        None => done(),
    }
}

fn show(host: web_sys::HtmlElement, config: WidgetConfig, lang: Lang) {
    log_problems(&host, &config);
    let page = host.clone();
    let on_outcome: OutcomeReport =
        Rc::new(move |outcome, category| host_events::report_outcome(&page, outcome, category));
    // Owned by no reactive owner: they live as long as the page, as the
    // widget does (mounts are never undone), and the host API keeps them.
    let form = Form::new();
    let i18n = I18n::new(lang);
    // Only the `hydrate` build can take a prerendered step over.
    let hydratable = prerender::fragment_in(&host)
        .map(|(root, _)| root)
        .filter(|root| cfg!(feature = "hydrate") && prerender::takes_over(root, &config, lang));
    match hydratable {
        #[cfg(feature = "hydrate")]
        Some(root) => takeover::hydrate(&host, root, &config, form, i18n, on_outcome),
        _ => build_afresh(&host, &config, form, i18n, on_outcome),
    }
    MOUNTED.with(|m| {
        m.borrow_mut().push(Mounted {
            host: host.clone(),
            form,
            config: config.clone(),
        })
    });
    host_events::emit_ready(&host, lang);
    if !config.problems.is_empty() {
        host_events::emit_error(&host, "config", None);
    }
}

/// Mounts a new widget into `host`. Whatever the page put inside is its
/// fallback for browsers that cannot run the widget, or a prerendered step
/// this widget cannot take over; the widget replaces it, keeping the group
/// and topic chosen there, and the focus.
fn build_afresh(
    host: &web_sys::HtmlElement,
    config: &WidgetConfig,
    form: Form,
    i18n: I18n,
    on_outcome: OutcomeReport,
) {
    let fragment = prerender::fragment_in(host).map(|(root, _)| root);
    let chosen = fragment
        .as_ref()
        .and_then(|root| prerender::chosen(root, config));
    let focused = fragment.as_ref().and_then(prerender::focused_id);
    host.set_text_content(None);
    let config = config.clone();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <App config form i18n on_outcome/> }
    });
    handle.forget();
    prerender::keep_choice(form, chosen);
    // The new elements have the ids of the old ones.
    if let Some(el) = focused
        .and_then(|id| host.query_selector(&format!("#{id}")).ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The widget living in `host` (compared by identity).
pub fn find(host: &wasm_bindgen::JsValue) -> Option<Mounted> {
    MOUNTED.with(|m| {
        m.borrow()
            .iter()
            .find(|w| AsRef::<wasm_bindgen::JsValue>::as_ref(&w.host) == host)
            .cloned()
    })
}

/// The page's developer reads the console; the message names the element.
fn log_problems(host: &web_sys::HtmlElement, config: &WidgetConfig) {
    for problem in &config.problems {
        let (key, id) = problem.message();
        let text = tr_args(Lang::En, key, &[("id", id.to_owned())]);
        web_sys::console::error_2(&format!("ticket-widget: {text}").into(), host);
    }
}
