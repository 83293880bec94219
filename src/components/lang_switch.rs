use super::on_click;
use crate::i18n::{I18n, Lang, key, remember_lang};
use leptos::prelude::*;

/// Two buttons, each named in its own language so a customer who cannot read
/// the current one still finds theirs.
pub fn lang_switch(i18n: I18n) -> impl IntoView {
    let buttons = Lang::ALL
        .into_iter()
        .map(|lang| {
            let name_key = match lang {
                Lang::En => key("lang-name-en"),
                Lang::ZhHant => key("lang-name-zh-hant"),
            };
            view! {
                <button
                    type="button"
                    class="ltw-lang"
                    lang=lang.tag()
                    aria-pressed=move || (i18n.lang.get() == lang).to_string()
                    on:click=on_click(move || {
                        i18n.lang.set(lang);
                        remember_lang(lang);
                    })
                >
                    {crate::i18n::tr(lang, name_key)}
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
