use super::context::use_config;
use crate::i18n::{Lang, prefetch, remember_lang, use_i18n, when_loaded};
use leptos::prelude::*;

/// One button per language (简体中文, 繁體中文, English), each named in its
/// own language and script so a customer who cannot read the current one
/// still finds theirs (the names are built into the wasm: `lang-name-*`,
/// each from its own `.ftl`). Plain buttons in the tab order, so the
/// keyboard reaches and presses them as any other; `aria-pressed` tells
/// which is current.
///
/// Only the current language's texts are loaded at first. Another
/// language's pack is fetched as soon as the customer shows intent (the
/// pointer enters its button, which a touch does too, or the button gets
/// focus), so the click is normally instant. If it is not there yet, the
/// button is `aria-busy` and the switch happens when it arrives; if it
/// cannot be had, the widget stays in its language and says so right after
/// the buttons. Nothing typed is touched.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let i18n = use_i18n();
    // The language last asked for, while its pack is on its way.
    let asked = StoredValue::new(None::<Lang>);
    let failed = RwSignal::new(false);
    let buttons = Lang::ALL
        .into_iter()
        .map(|lang| view! { <LangButton lang asked failed/> })
        .collect_view();
    view! {
        <div class="ltw-langs" id=use_config().id("langs") role="group" aria-label=i18n.t("lang-switch-label")>
            {buttons}
        </div>
        <Show when=move || failed.get()>
            <p class="ltw-note ltw-note--warn" role="alert">{i18n.t("lang-load-failed")}</p>
        </Show>
    }
}

/// One language's button: pressed while it is the widget's language, busy
/// while its pack is on its way.
#[component]
fn LangButton(
    lang: Lang,
    /// The language last asked for, shared by the buttons: only that one is
    /// switched to when packs arrive.
    asked: StoredValue<Option<Lang>>,
    /// The last asked for language could not be loaded.
    failed: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let busy = RwSignal::new(false);
    let choose = move |_| {
        failed.set(false);
        asked.set_value(Some(lang));
        busy.set(true);
        // At once when the pack is loaded. The widget may be gone by the
        // time it arrives: hence the `try_`s.
        when_loaded(lang, move |ok| {
            busy.try_set(false);
            let still_wanted = asked
                .try_update_value(|asked| {
                    let wanted = *asked == Some(lang);
                    if wanted {
                        *asked = None;
                    }
                    wanted
                })
                .unwrap_or(false);
            if !still_wanted {
                return;
            }
            if ok {
                // `try_set` hands the value back when the widget is gone.
                if i18n.lang.try_set(lang).is_none() {
                    remember_lang(lang);
                }
            } else {
                failed.try_set(true);
            }
        });
    };
    view! {
        <button
            type="button"
            class="ltw-lang"
            lang=lang.tag()
            aria-pressed=move || (i18n.lang.get() == lang).to_string()
            aria-busy=move || busy.get().then_some("true")
            on:click=choose
            on:pointerover=move |_| prefetch(lang)
            on:focus=move |_| prefetch(lang)
        >
            {lang.native_name()}
        </button>
    }
}
