use super::category_step::CategoryStep;
use super::context::{use_config, use_form};
use super::details_step::DetailsStep;
use super::done_step::DoneStep;
use super::draft_notices::DraftNotices;
use super::review_step::ReviewStep;
use crate::i18n::use_i18n;
use crate::state::Step;
use leptos::html::P;
use leptos::prelude::*;

/// The draft notices, the progress line ("Step 2 of 4: …") and the current
/// step. The progress line takes focus when the step changes.
#[component]
pub fn Steps() -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let config = use_config();
    let heading = NodeRef::<P>::new();
    let progress = move || {
        let step = form.step.get();
        i18n.t_args(
            "step-progress",
            &[
                ("current", step.number().to_string()),
                ("total", Step::ALL.len().to_string()),
                ("name", i18n.text(step.title_key())),
            ],
        )
    };
    // Moving focus to the new step's heading tells screen-reader users where
    // they are; skipped on first render so the page does not jump.
    Effect::new(move |previous: Option<()>| {
        form.step.track();
        if previous.is_some()
            && let Some(heading) = heading.get_untracked()
        {
            let _ = heading.focus();
        }
    });

    view! {
        <DraftNotices/>
        <p class="ltw-progress" id=config.id("step-heading") tabindex="-1" node_ref=heading>{progress}</p>
        {move || {
            let step = form.step.get();
            // Only the step is tracked: what a step reads while it is built
            // must not rebuild it.
            untrack(move || match step {
                Step::Category => view! { <CategoryStep/> }.into_any(),
                // The details are built for one category; without one,
                // back to choosing it.
                Step::Details => match form.category.get_untracked() {
                    Some(category) => view! { <DetailsStep category/> }.into_any(),
                    None => {
                        form.step.set(Step::Category);
                        view! { <CategoryStep/> }.into_any()
                    }
                },
                Step::Review => view! { <ReviewStep/> }.into_any(),
                Step::Done => view! { <DoneStep/> }.into_any(),
            })
        }}
    }
}
