//! Keeping the customer's draft while they type: put back after a reload,
//! saved a moment after each change, offered when another tab left one,
//! and removed once the backend confirmed the ticket. Storage itself is in
//! `draft_store`; what a draft holds is in `draft`.

use crate::config::WidgetConfig;
use crate::draft::{Draft, new_idempotency_key};
use crate::draft_store::Slot;
use crate::file_shelf::FileShelf;
use crate::state::{Form, Step};
use leptos::prelude::*;
use std::time::Duration;

/// Gives the form this tab's draft slot, restores what it holds (or offers
/// another tab's draft), and saves every change from now on.
pub fn start(form: Form, config: &WidgetConfig) {
    let Some(endpoint) = config.endpoint.as_deref() else {
        return;
    };
    // What the page prefilled is not the customer's work: a draft holding
    // only that is not worth saving, nor a "draft restored" notice.
    let prefilled = untrack(|| form.to_draft());
    let slot = Slot::for_this_tab(endpoint, &config.widget_id);
    match slot.load_own().filter(Draft::has_content) {
        Some(d) if !d.idempotency_key.is_empty() => {
            form.apply_draft(&offered_only(d, config));
            form.draft_restored.set(true);
        }
        _ => {
            form.idempotency_key.set(new_idempotency_key());
            form.draft_offer.set(slot.other_draft());
        }
    }
    form.draft_slot.set_value(Some(slot));
    autosave(form, prefilled);
}

/// "Continue it": the other tab's draft becomes this tab's, with a key of
/// its own.
pub fn accept_offer(form: Form, config: &WidgetConfig) {
    let Some(offer) = form.draft_offer.get_untracked() else {
        return;
    };
    let draft = form
        .draft_slot
        .with_value(|slot| slot.as_ref().map(|s| s.take_over(offer.clone())))
        .unwrap_or(offer.draft);
    form.apply_draft(&offered_only(draft, config));
    form.draft_offer.set(None);
}

/// "Start a new ticket": the other draft stays where it is (its tab may
/// still be open).
pub fn decline_offer(form: Form) {
    form.draft_offer.set(None);
}

/// "Discard draft": the ticket is emptied and its draft forgotten.
pub fn discard(form: Form) {
    forget(form);
    form.reset_ticket(new_idempotency_key());
    form.step.set(Step::Category);
}

/// The backend confirmed the ticket (or the customer discarded it):
/// nothing left to keep, the files on its shelf included.
pub fn forget(form: Form) {
    form.draft_slot.with_value(|slot| {
        if let Some(slot) = slot {
            slot.clear();
            let shelf = FileShelf::of_draft(&slot.storage_key());
            leptos::task::spawn_local(async move {
                let _ = shelf.forget_all().await;
            });
        }
    });
}

/// A draft's category is kept only if this widget offers it (a page's
/// widgets may offer different topics); the text is always kept.
fn offered_only(mut draft: Draft, config: &WidgetConfig) -> Draft {
    let offered = draft
        .category
        .as_deref()
        .and_then(ticket_core::catalog::find)
        .is_none_or(|c| config.offers(c));
    if !offered {
        draft.category = None;
        draft.group = None;
    }
    draft
}

/// Saves the draft 400 ms after the last change, or removes it when there
/// is nothing left worth keeping (nothing, or only the page's prefill).
fn autosave(form: Form, prefilled: Draft) {
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    Effect::new(move |_| {
        let (draft, masked) = without_secrets(form.to_draft());
        let worth_keeping = draft.has_content()
            && draft
                != Draft {
                    idempotency_key: draft.idempotency_key.clone(),
                    began_at_ms: draft.began_at_ms,
                    ..prefilled.clone()
                };
        if form.draft_masked.get_untracked() != masked {
            form.draft_masked.set(masked);
        }
        // A save still pending when the ticket is confirmed must not bring
        // the removed draft back.
        if let Some(handle) = pending.get_value() {
            handle.clear();
            pending.set_value(None);
        }
        if form.step.get() == Step::Done {
            return;
        }
        let handle = set_timeout_with_handle(
            move || {
                // `try_`: the widget may be gone by now (browser tests
                // unmount theirs), and a panic would trap the wasm.
                let Some(Some(slot)) = form.draft_slot.try_get_value() else {
                    return;
                };
                if worth_keeping {
                    let saved = slot.save(&draft);
                    if form
                        .storage_ok
                        .try_get_untracked()
                        .is_some_and(|ok| ok != saved)
                    {
                        form.storage_ok.try_set(saved);
                    }
                } else {
                    slot.clear();
                }
            },
            Duration::from_millis(400),
        );
        pending.set_value(handle.ok());
    });
}

/// What of a draft may be stored: private keys removed, passwords and
/// tokens masked (the form itself keeps the customer's text, and the
/// ticket sends it, private keys excepted). True when something was.
fn without_secrets(mut draft: Draft) -> (Draft, bool) {
    let mut changed = false;
    let texts = [&mut draft.subject, &mut draft.message]
        .into_iter()
        .chain(draft.fields.values_mut());
    for text in texts {
        let masked = ticket_core::policy::mask_for_storage(text);
        if masked.text != *text {
            *text = masked.text;
            changed = true;
        }
    }
    (draft, changed)
}
