use super::category_list::CategoryList;
use super::circumvention_notice::CircumventionNotice;
use super::context::{use_config, use_form};
use super::group_list::GroupList;
use crate::i18n::use_i18n;
use crate::state::Step;
use leptos::html::Input;
use leptos::prelude::*;

/// Step 1: the group, then one of its categories, each with its scope text
/// in full beside the choice (never hidden in a tooltip).
///
/// Every offered group's topics are in the markup, and only the chosen
/// group's are shown (style/widget.css): so a prerendered step lets the
/// customer choose a topic before the wasm arrives, the checked radio
/// alone showing its group's topics where the browser has `:has()`.
#[component]
pub fn CategoryStep() -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let config = use_config();
    let missing = RwSignal::new(false);
    // Where focus goes when "Next" is pressed without a choice.
    let first_group = NodeRef::<Input>::new();

    let next = move |_| {
        if form.category.get_untracked().is_some() {
            missing.set(false);
            form.step.set(Step::Details);
        } else {
            missing.set(true);
            if let Some(radio) = first_group.get_untracked() {
                let _ = radio.focus();
            }
        }
    };

    let topics = config
        .with(|config| config.offered_groups())
        .into_iter()
        .map(|group| {
            view! {
                <div
                    class="ltw-topics"
                    data-group=group.id()
                    class:ltw-topics--chosen=move || form.group.get() == Some(group)
                >
                    <CategoryList group missing/>
                </div>
            }
        })
        .collect_view();

    view! {
        <div class="ltw-step">
            <p class="ltw-intro">{i18n.t("widget-intro")}</p>
            <GroupList first=first_group/>
            {topics}
            <div
                class="ltw-topics ltw-topics--any"
                class:ltw-topics--chosen=move || form.group.with(Option::is_some)
            >
                <CircumventionNotice/>
            </div>
            <p class="ltw-error" id=config.id("category-error") role="alert">
                {move || missing.get().then(|| i18n.text("category-required"))}
            </p>
            <div class="ltw-actions">
                <button type="button" class="ltw-button ltw-button--primary" on:click=next>
                    {i18n.t("btn-next")}
                </button>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use ticket_core::catalog::Group;

    /// Before the wasm, only the stylesheet can show a chosen group's
    /// topics: it needs a rule for every group there is.
    #[test]
    fn the_stylesheet_shows_the_topics_of_every_group_when_its_radio_is_checked() {
        let css = include_str!("../../style/widget.css");
        for group in Group::ALL {
            let id = group.id();
            let rule = format!(
                ".ltw-step:has(input[name$=\"-group\"][value=\"{id}\"]:checked) .ltw-topics[data-group=\"{id}\"]"
            );
            assert!(css.contains(&rule), "no rule for {id}: {rule}");
        }
    }
}
