//! The first step rendered ahead of time (Leptos SSR, `src/bin/prerender.rs`)
//! so that a host page can show it, and the customer start on it, before the
//! wasm arrives; the wasm then hydrates it (`mount.rs`).
//!
//! Hydration walks the markup expecting exactly the view it builds, and a
//! difference is not an error it can recover from: it traps. So a widget
//! takes a fragment over only when the fragment's stamp says it was
//! rendered by this very build, in the widget's language, for what its
//! first view shows of its configuration. Anything else (an old fragment
//! after an upgrade, another language, a page that offers fewer topics) is
//! thrown away and the widget mounted afresh, as without a fragment.

use crate::config::{Choice, WidgetConfig};
use crate::i18n::Lang;
use crate::prefill;
use crate::state::{Form, Step};
use leptos::prelude::*;
use ticket_core::catalog::Group;
use wasm_bindgen::JsCast;

/// The digest of the sources this build comes from (`build.rs`).
pub const BUILD: &str = env!("TICKET_WIDGET_BUILD");

/// The attribute of the widget's root element holding the stamp.
pub const STAMP_ATTR: &str = "data-ltw-stamp";

/// What the widget's first view depends on, besides the form (fresh in a
/// prerendered view): this build, the language, the instance (element ids),
/// the groups offered and the support address.
pub fn stamp(config: &WidgetConfig, lang: Lang) -> String {
    let groups: Vec<&str> = config.offered_groups().into_iter().map(Group::id).collect();
    format!(
        "{BUILD} {} {} {} {}",
        lang.tag(),
        config.instance,
        groups.join(","),
        config.support_email.as_deref().unwrap_or("-")
    )
}

/// The prerendered root in `host` and its language, if `host` holds one:
/// the first element child with a stamp.
pub fn fragment_in(host: &web_sys::HtmlElement) -> Option<(web_sys::Element, Lang)> {
    let root = host.first_element_child()?;
    root.has_attribute(STAMP_ATTR).then_some(())?;
    let lang = root
        .get_attribute("lang")
        .and_then(|tag| Lang::from_tag(&tag))?;
    Some((root, lang))
}

/// Whether the widget may hydrate `root`: the stamp is the one it would
/// render itself.
pub fn takes_over(root: &web_sys::Element, config: &WidgetConfig, lang: Lang) -> bool {
    config.problems.is_empty()
        && root.get_attribute(STAMP_ATTR).as_deref() == Some(stamp(config, lang).as_str())
}

/// What the customer chose in the prerendered `root` before the wasm
/// arrived, if anything: the checked group, or the checked topic if it is
/// one of that group's (a topic stays checked, hidden, when the customer
/// then picks another group). Kept whether the widget hydrates `root` or
/// replaces it; only what the configuration offers.
pub fn chosen(root: &web_sys::Element, config: &WidgetConfig) -> Option<Choice> {
    let checked = |name: &str| {
        let selector = format!("input[name=\"{}\"]:checked", config.id(name));
        let input = root.query_selector(&selector).ok()??;
        let id = input.dyn_into::<web_sys::HtmlInputElement>().ok()?.value();
        config.check_choice(&id).ok()
    };
    let group = checked("group")?.group();
    match checked("category") {
        Some(topic) if topic.group() == group => Some(topic),
        _ => Some(Choice::Group(group)),
    }
}

/// The id of the element inside `root` that has focus, if any.
pub fn focused_id(root: &web_sys::Element) -> Option<String> {
    let active = web_sys::window()?.document()?.active_element()?;
    (root.contains(Some(&active)) && !active.id().is_empty()).then(|| active.id())
}

/// Makes `choice` the widget's own, unless a restored draft moved on from
/// the first step (the draft holds what the customer typed).
pub fn keep_choice(form: Form, choice: Option<Choice>) {
    if let Some(choice) = choice
        && form.step.get_untracked() == Step::Category
    {
        prefill::select(&form, choice);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stamp_changes_with_everything_the_first_view_shows() {
        let config = |attrs: &[(&str, &str)], instance| {
            WidgetConfig::from_attributes(
                |name| {
                    attrs
                        .iter()
                        .find(|(n, _)| *n == name)
                        .map(|(_, v)| v.to_string())
                },
                None,
                instance,
            )
        };
        let plain = config(&[("endpoint", "/t")], 0);
        let base = stamp(&plain, Lang::ZhHant);
        assert!(
            base.starts_with(BUILD) && base.contains(" zh-Hant "),
            "{base}"
        );
        // Not the endpoint nor what is prefilled: neither shows on the first step.
        assert_eq!(
            stamp(
                &config(&[("endpoint", "/other"), ("email", "a@b.example")], 0),
                Lang::ZhHant
            ),
            base
        );
        let others = [
            stamp(&plain, Lang::En),
            stamp(&config(&[("endpoint", "/t")], 1), Lang::ZhHant),
            stamp(
                &config(&[("endpoint", "/t"), ("categories", "technical")], 0),
                Lang::ZhHant,
            ),
            stamp(
                &config(
                    &[("endpoint", "/t"), ("supportEmail", "help@example.com")],
                    0,
                ),
                Lang::ZhHant,
            ),
        ];
        for other in others {
            assert_ne!(other, base);
        }
    }
}
