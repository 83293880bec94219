use super::trace_summary::{element, escape};
use super::{Ctx, effect, on_click_ev};
use crate::i18n::{Lang, key, remember_lang, tr};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Two buttons, each named in its own language so a customer who cannot read
/// the current one still finds theirs.
///
/// The names do not change with the language, so the buttons are escaped
/// markup written once (the focused button stays when it is pressed); one
/// click handler on the group serves both, and one effect keeps their
/// `aria-pressed` as the language is, whoever changes it.
pub fn lang_switch(c: Ctx) -> impl IntoView {
    let i18n = c.i18n;
    let group_id = c.id("langs");
    let current = i18n.lang.get_untracked();
    let mut html = String::new();
    for lang in Lang::ALL {
        let name_key = match lang {
            Lang::En => key("lang-name-en"),
            Lang::ZhHant => key("lang-name-zh-hant"),
        };
        let attrs = format!(
            " type=\"button\" class=\"ltw-lang\" lang=\"{}\" aria-pressed=\"{}\"",
            escape(lang.tag()),
            lang == current
        );
        element(&mut html, "button", &attrs, &tr(lang, name_key));
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
    let choose = move |ev: leptos::ev::MouseEvent| {
        let lang = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("button").ok().flatten())
            .and_then(|b| b.get_attribute("lang"))
            .and_then(|tag| Lang::from_tag(&tag));
        if let Some(lang) = lang {
            i18n.lang.set(lang);
            remember_lang(lang);
        }
    };
    view! {
        <div class="ltw-langs" id=group_id role="group" aria-label=i18n.t("lang-switch-label") inner_html=html on:click=on_click_ev(choose)></div>
    }
}
