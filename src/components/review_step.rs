use super::context::{use_focus_field, use_form, use_sender};
use super::policy_dialog::PolicyDialog;
use super::raw_payload::RawPayload;
use super::review_list::ReviewList;
use super::send_actions::SendActions;
use super::send_status::SendStatus;
use super::trace_summary::TraceSummaryView;
use crate::i18n::use_i18n;
use crate::state::{SendState, Step};
use leptos::prelude::*;

/// Step 3: exactly what will be sent, then the policy check and the POST.
#[component]
pub fn ReviewStep() -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let sender = use_sender();
    let focus = use_focus_field();
    let dialog_open = RwSignal::new(false);
    // The payload is rebuilt when the language changes (its `locale` does);
    // nothing else it reads is tracked.
    let ticket = Memo::new(move |_| form.to_ticket(i18n.lang.get()));
    let trace = move || {
        ticket
            .get()
            .and_then(|t| t.trace_summary)
            .map(|summary| view! { <TraceSummaryView summary/> })
    };

    let submit = move |_| {
        if !form.policy.with_untracked(|p| p.circumvention.is_empty())
            && !form.acknowledged.get_untracked()
        {
            dialog_open.set(true);
        } else {
            sender.submit();
        }
    };
    let on_edit = Callback::new(move |()| {
        form.step.set(Step::Details);
        focus.ask("message");
    });
    let on_confirm = Callback::new(move |()| {
        form.acknowledged.set(true);
        sender.submit();
    });

    // While a request is in flight, or a retry is counting down, "Submit"
    // cannot start a second one (double clicks, Enter): one ticket only.
    let busy = move || {
        matches!(
            form.send_state.get(),
            SendState::Sending { .. } | SendState::Waiting { .. } | SendState::AwaitingFiles
        )
    };
    view! {
        <div class="ltw-step">
            <p class="ltw-intro">{i18n.t("review-intro")}</p>
            <ReviewList ticket/>
            {trace}
            <RawPayload ticket/>
            <SendStatus/>
            <SendActions/>
            <div class="ltw-actions">
                // Back stays open while a retry counts down: the customer may
                // still change the ticket (the next attempt sends the change).
                <button
                    type="button"
                    class="ltw-button"
                    disabled=move || matches!(form.send_state.get(), SendState::Sending { .. })
                    on:click=move |_| form.step.set(Step::Details)
                >
                    {i18n.t("btn-back")}
                </button>
                <button type="button" class="ltw-button ltw-button--primary" disabled=busy on:click=submit>
                    {i18n.t("btn-submit")}
                </button>
            </div>
            <PolicyDialog open=dialog_open on_edit on_confirm/>
        </div>
    }
}
