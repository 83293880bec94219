//! Setting the form from the host page: the `data-*` prefill when a widget
//! starts, and `TicketWidget.prefill` / `TicketWidget.open` later. Every
//! write is `try_`: a call from the page must never panic the widget.

use crate::config::{Choice, ConfigProblem, Prefill, WidgetConfig};
use crate::state::{Form, Step};
use leptos::prelude::*;
use ticket_core::catalog::Field;

/// What a new widget starts with: a lone offered group (or category) is
/// chosen already, then the page's prefill is applied. Problems with the
/// prefill were found when the configuration was read.
pub fn apply_initial(form: &Form, config: &WidgetConfig) {
    if let [group] = config.offered_groups()[..] {
        let _ = form.group.try_set(Some(group));
        if let Some([category]) = config.offered.as_deref() {
            let _ = form.category.try_set(Some(*category));
        }
    }
    let _ = apply(form, config, &config.prefill);
}

/// Sets the given values and leaves the others as the customer typed them.
pub fn apply(form: &Form, config: &WidgetConfig, prefill: &Prefill) -> Result<(), ConfigProblem> {
    let fields = [
        (form.email, &prefill.email),
        (form.name, &prefill.name),
        (form.service, &prefill.service),
        (form.field(Field::Ip), &prefill.ip),
    ];
    for (signal, value) in fields {
        if let Some(value) = value {
            let _ = signal.try_set(value.clone());
        }
    }
    if let Some(id) = &prefill.category {
        select(form, config.check_choice(id)?);
    }
    Ok(())
}

/// Chooses a category and shows its fields: the host page's "report a
/// routing problem" button. A group id only opens the group.
pub fn open(form: &Form, config: &WidgetConfig, id: &str) -> Result<(), ConfigProblem> {
    let choice = config.check_choice(id)?;
    if form.step.try_get_untracked() == Some(Step::Done) {
        form.start_new_ticket();
    }
    select(form, choice);
    let step = match choice {
        Choice::Category(_) => Step::Details,
        Choice::Group(_) => Step::Category,
    };
    let _ = form.step.try_set(step);
    Ok(())
}

/// Chooses `choice`'s group, and its category if it is one (a group alone
/// keeps a category of that group).
pub fn select(form: &Form, choice: Choice) {
    let before = form.category.try_get_untracked().flatten();
    let _ = form.group.try_set(Some(choice.group()));
    let after = match choice {
        Choice::Category(c) => Some(c),
        Choice::Group(g) => before.filter(|c| c.group == g),
    };
    if after != before {
        let _ = form.category.try_set(after);
        // The details step is built for one category; a new one needs it
        // rebuilt (or the choice step, when only the group is known).
        if matches!(
            form.step.try_get_untracked(),
            Some(Step::Details | Step::Review)
        ) {
            let step = if after.is_some() {
                Step::Details
            } else {
                Step::Category
            };
            let _ = form.step.try_set(step);
        }
    }
}
