use crate::config::ConfigProblem;
use crate::i18n::{Lang, key, tr, tr_args};
use leptos::prelude::*;

/// What the host page set up wrong, in every language at once: whoever
/// reads it (the customer or the page's developer) may not be able to
/// switch languages in a widget that cannot start.
#[component]
pub fn ConfigNotice(problems: Vec<ConfigProblem>) -> impl IntoView {
    (!problems.is_empty()).then(|| {
        let per_lang = Lang::ALL
            .into_iter()
            .map(|lang| {
                let items = problems
                    .iter()
                    .map(|p| {
                        let (message, id) = p.message();
                        view! { <li>{tr_args(lang, message, &[("id", id.to_owned())])}</li> }
                    })
                    .collect_view();
                view! {
                    <div lang=lang.tag()>
                        <p class="ltw-config-title">{tr(lang, key("config-title"))}</p>
                        <ul>{items}</ul>
                    </div>
                }
            })
            .collect_view();
        view! { <div class="ltw-alert ltw-alert--error ltw-config" role="alert">{per_lang}</div> }
    })
}
