use crate::i18n::{Lang, key, prefetch, remember_lang, tr, use_i18n, when_loaded};
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Two buttons, each named in its own language so a customer who cannot read
/// the current one still finds theirs (the names are built into the wasm:
/// `lang-name-en` and `lang-name-zh-hant`, each from its own `.ftl`).
///
/// Only the current language's texts are loaded at first. The other
/// language's pack is fetched as soon as the customer shows intent (the
/// pointer enters its button, which a touch does too, or the button gets
/// focus), so the click is normally instant. If it is not there yet, the
/// button is `aria-busy` and the switch happens when it arrives; if it
/// cannot be had, the widget stays in its language and says so. Nothing
/// typed is touched.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let i18n = use_i18n();
    // The language last asked for, while its pack is on its way. Plain DOM
    // and a `Cell` rather than signals and views: this is rare, and each
    // reactive attribute or view type costs wasm bytes.
    let asked: Rc<Cell<Option<Lang>>> = Rc::default();
    let buttons = Lang::ALL
        .into_iter()
        .map(|lang| {
            let asked = Rc::clone(&asked);
            view! {
                <button
                    type="button"
                    class="ltw-lang"
                    lang=lang.tag()
                    aria-pressed=move || (i18n.lang.get() == lang).to_string()
                    on:pointerenter=move |_| prefetch(lang)
                    on:focus=move |_| prefetch(lang)
                    on:click=move |ev| {
                        let Some(button) = ev
                            .current_target()
                            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        else {
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
                        // At once when the pack is loaded. The widget may be
                        // gone by the time it arrives: hence the `try_`s.
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
                    }
                >
                    {lang.native_name()}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="ltw-langs" role="group" aria-label=i18n.t("lang-switch-label")>
            {buttons}
        </div>
    }
}

/// "The other language could not be loaded", in the current one, right
/// after the buttons; the next click on a language button takes it away.
fn failure_note(group: &web_sys::Element, lang: Lang) {
    let mut html = String::new();
    super::trace_summary::element(
        &mut html,
        "p",
        " class=\"ltw-note ltw-note--warn\" role=\"alert\"",
        &tr(lang, key("lang-load-failed")),
    );
    let _ = group.insert_adjacent_html("afterend", &html);
}
