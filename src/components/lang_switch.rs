use super::trace_summary::{element, escape};
use super::{Ctx, closest, effect, on_click_ev};
use crate::i18n::{Lang, key, prefetch, remember_lang, tr, when_loaded};
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Two buttons, each named in its own language so a customer who cannot read
/// the current one still finds theirs (the names are built into the wasm:
/// `lang-name-en` and `lang-name-zh-hant`, each from its own `.ftl`).
///
/// The names do not change with the language, so the buttons are escaped
/// markup written once (the focused button stays when it is pressed); one
/// handler per event on the group serves both, and one effect keeps their
/// `aria-pressed` as the language is, whoever changes it.
///
/// Only the current language's texts are loaded at first. The other
/// language's pack is fetched as soon as the customer shows intent (the
/// pointer enters its button, which a touch does too, or the button gets
/// focus), so the click is normally instant. If it is not there yet, the
/// button is `aria-busy` and the switch happens when it arrives; if it
/// cannot be had, the widget stays in its language and says so. Nothing
/// typed is touched.
pub fn lang_switch(c: Ctx) -> impl IntoView {
    let i18n = c.i18n;
    let group_id = c.id("langs");
    let current = i18n.lang.get_untracked();
    let mut html = String::new();
    for lang in Lang::ALL {
        let attrs = format!(
            " type=\"button\" class=\"ltw-lang\" lang=\"{}\" aria-pressed=\"{}\"",
            escape(lang.tag()),
            lang == current
        );
        element(&mut html, "button", &attrs, lang.native_name());
    }

    let lookup = group_id.clone();
    effect(move |_| {
        let tag = i18n.lang.get().tag();
        let buttons = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&lookup))
            .and_then(|group| group.query_selector_all("button").ok());
        let Some(buttons) = buttons else { return };
        for button in (0..buttons.length()).filter_map(|i| buttons.item(i)) {
            if let Ok(button) = button.dyn_into::<web_sys::Element>() {
                let pressed = button.get_attribute("lang").as_deref() == Some(tag);
                let _ = button.set_attribute("aria-pressed", &pressed.to_string());
            }
        }
    });

    // The language last asked for, while its pack is on its way. Plain DOM
    // and a `Cell` rather than signals and views: this is rare, and each
    // reactive attribute or view type costs wasm bytes.
    let asked: Rc<Cell<Option<Lang>>> = Rc::default();
    let choose = move |ev: leptos::ev::MouseEvent| {
        let Some((button, lang)) = button_of(&ev) else {
            return;
        };
        // A note from an earlier failure goes.
        let group = button.parent_element();
        if let Some(note) = group.as_ref().and_then(|g| g.next_element_sibling()) {
            note.remove();
        }
        asked.set(Some(lang));
        let _ = button.set_attribute("aria-busy", "true");
        let asked = Rc::clone(&asked);
        // At once when the pack is loaded. The widget may be gone by the
        // time it arrives: hence the `try_`s.
        when_loaded(lang, move |ok| {
            let _ = button.remove_attribute("aria-busy");
            // Another button was clicked meanwhile.
            if asked.replace(None) != Some(lang) {
                return;
            }
            let Some(current) = i18n.lang.try_get_untracked() else {
                return;
            };
            if ok {
                i18n.lang.try_set(lang);
                remember_lang(lang);
            } else if let Some(group) = group {
                failure_note(&group, current);
            }
        });
    };
    // `pointerover` and `focusin` bubble to the group, unlike
    // `pointerenter` and `focus`.
    let intent = |ev: &web_sys::Event| {
        if let Some((_, lang)) = button_of(ev) {
            prefetch(lang);
        }
    };
    view! {
        <div
            class="ltw-langs"
            id=group_id
            role="group"
            aria-label=i18n.t("lang-switch-label")
            inner_html=html
            on:click=on_click_ev(choose)
            on:pointerover=move |ev: leptos::ev::PointerEvent| intent(&ev)
            on:focusin=move |ev: leptos::ev::FocusEvent| intent(&ev)
        ></div>
    }
}

/// The language button an event happened in, with its language.
fn button_of(ev: &web_sys::Event) -> Option<(web_sys::Element, Lang)> {
    let button = closest(ev, "button")?;
    let lang = button
        .get_attribute("lang")
        .and_then(|t| Lang::from_tag(&t))?;
    Some((button, lang))
}

/// "The other language could not be loaded", in the current one, right
/// after the buttons; the next click on a language button takes it away.
fn failure_note(group: &web_sys::Element, lang: Lang) {
    let mut html = String::new();
    element(
        &mut html,
        "p",
        " class=\"ltw-note ltw-note--warn\" role=\"alert\"",
        &tr(lang, key("lang-load-failed")),
    );
    let _ = group.insert_adjacent_html("afterend", &html);
}
