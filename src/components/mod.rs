//! The widget's views, one job per file.

mod app;
mod category_step;
mod config_notice;
mod details_step;
mod done_step;
mod fields;
mod lang_switch;
mod notices;
mod policy_dialog;
mod review_step;
mod send_status;
pub mod trace_summary;

pub use app::App;

use crate::config::WidgetConfig;
use crate::i18n::I18n;
use crate::sending::Sender;
use crate::state::Form;
use leptos::prelude::*;

/// What every view of one widget reads, handed down as an argument rather
/// than through four contexts (each `expect_context` instance and the
/// context map cost wasm bytes; an argument costs nothing).
#[derive(Clone, Copy)]
pub(crate) struct Ctx {
    pub i18n: I18n,
    pub form: Form,
    pub sender: Sender,
    pub config: StoredValue<WidgetConfig>,
    /// `WidgetConfig::instance`, for element ids.
    pub instance: usize,
}

impl Ctx {
    /// The page-unique element id for `name` (as `WidgetConfig::id`).
    pub fn id(self, name: &str) -> String {
        format!("ltw{}-{name}", self.instance)
    }
}

/// An effect, told whether this is its first run: one instance of Leptos's
/// effect code for every effect of the views.
pub(crate) fn effect(f: impl Fn(bool) + 'static) {
    effect_dyn(std::rc::Rc::new(f));
}

fn effect_dyn(f: std::rc::Rc<dyn Fn(bool)>) {
    Effect::new(move |previous: Option<()>| f(previous.is_none()));
}

/// A click handler: one closure type for every `on:click` of the widget
/// (each closure type brings its own copy of the attribute's code).
pub(crate) fn on_click_ev(
    handler: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl Fn(leptos::ev::MouseEvent) + Clone {
    on_click_dyn(std::rc::Rc::new(handler))
}

fn on_click_dyn(
    handler: std::rc::Rc<dyn Fn(leptos::ev::MouseEvent)>,
) -> impl Fn(leptos::ev::MouseEvent) + Clone {
    move |ev| handler(ev)
}

/// A change handler: one closure type for every `on:change` of the widget.
pub(crate) fn on_change(
    handler: impl Fn(leptos::ev::Event) + 'static,
) -> impl Fn(leptos::ev::Event) + Clone {
    on_change_dyn(std::rc::Rc::new(handler))
}

fn on_change_dyn(
    handler: std::rc::Rc<dyn Fn(leptos::ev::Event)>,
) -> impl Fn(leptos::ev::Event) + Clone {
    move |ev| handler(ev)
}

/// A button's click handler, from an action that ignores the event.
pub(crate) fn on_click(action: impl Fn() + 'static) -> impl Fn(leptos::ev::MouseEvent) + Clone {
    on_click_ev(move |_| action())
}

/// A handler for clicks on any button inside the element it is set on:
/// markup written through `inner_html` carries its buttons' actions this
/// way.
pub(crate) fn on_button(action: impl Fn() + 'static) -> impl Fn(leptos::ev::MouseEvent) + Clone {
    on_button_dyn(std::rc::Rc::new(action))
}

fn on_button_dyn(action: std::rc::Rc<dyn Fn()>) -> impl Fn(leptos::ev::MouseEvent) + Clone {
    on_click_ev(move |ev| {
        if closest(&ev, "button").is_some() {
            action();
        }
    })
}

/// The element matching `selector` that an event happened in (its target or
/// an ancestor): how the delegated handlers of markup written through
/// `inner_html` tell their buttons and links apart.
pub(crate) fn closest(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()
        .flatten()
}
