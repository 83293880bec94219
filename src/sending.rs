//! Getting one ticket to the backend: every attempt carries the same
//! idempotency key; transient failures are retried with backoff (shown as a
//! countdown); an offline browser waits for the `online` event; the draft is
//! removed only after the backend confirmed the ticket.

use crate::config::WidgetConfig;
use crate::i18n::Lang;
use crate::retry::{self, Failure, MAX_AUTOMATIC_RETRIES};
use crate::state::{Form, SendState, Step};
use crate::submit::{Attempt, Outcome, post_ticket};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

#[derive(Clone, Copy)]
pub struct Sender {
    form: Form,
    lang: RwSignal<Lang>,
    config: StoredValue<WidgetConfig>,
    /// Automatic retries spent on the current ticket.
    retries: StoredValue<u32>,
    /// The pending countdown tick, cancelled by "try again now".
    timer: StoredValue<Option<TimeoutHandle>>,
}

fn browser_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

impl Sender {
    pub fn new(form: Form, lang: RwSignal<Lang>, config: WidgetConfig) -> Sender {
        Sender {
            form,
            lang,
            config: StoredValue::new(config),
            retries: StoredValue::new(0),
            timer: StoredValue::new(None),
        }
    }

    fn busy(self) -> bool {
        matches!(
            self.form.send_state.get_untracked(),
            SendState::Sending { .. }
        )
    }

    /// The customer pressed "Submit" (or confirmed the policy dialog).
    pub fn submit(self) {
        if self.busy() {
            return;
        }
        self.retries.set_value(0);
        self.send_now();
    }

    /// "Try again now", or the browser came back online.
    pub fn send_now(self) {
        if self.busy() {
            return;
        }
        self.cancel_timer();
        if !browser_online() {
            self.form.send_state.set(SendState::Offline);
            return;
        }
        let Some(ticket) = self.form.to_ticket(self.lang.get_untracked()) else {
            return;
        };
        let attempt = self.retries.get_value() + 1;
        self.form.send_state.set(SendState::Sending { attempt });
        let key = self.form.idempotency_key.get_untracked();
        let config = self.config.get_value();
        spawn_local(async move {
            let outcome = post_ticket(Attempt {
                endpoint: config.endpoint.as_deref().unwrap_or_default(),
                ticket: &ticket,
                idempotency_key: &key,
                csrf_token: config.csrf_token.as_deref(),
            })
            .await;
            crate::host_api::report_outcome(config.instance, &outcome, &ticket.category);
            self.handle(outcome);
        });
    }

    /// Called when the `online` event fires: resume a waiting ticket at once.
    pub fn back_online(self) {
        if matches!(
            self.form.send_state.get_untracked(),
            SendState::Offline | SendState::Waiting { .. }
        ) {
            self.send_now();
        }
    }

    fn handle(self, outcome: Outcome) {
        let form = self.form;
        match outcome {
            Outcome::Accepted(reference) => {
                crate::draft_keeping::forget(form);
                form.reference.set(reference);
                form.send_state.set(SendState::Idle);
                form.step.set(Step::Done);
            }
            Outcome::Rejected(errors) => {
                let visible = form.visible_keys();
                let on_fields = errors.iter().any(|e| visible.contains(&e.field.as_str()));
                let detail = errors
                    .iter()
                    .map(|e| e.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                form.server_errors.set(errors);
                if on_fields {
                    form.show_all_errors.set(true);
                    form.send_state.set(SendState::Rejected);
                    form.step.set(Step::Details);
                } else {
                    form.send_state.set(SendState::Refused {
                        status: 422,
                        detail,
                    });
                }
            }
            Outcome::Refused { status, detail } => {
                form.send_state.set(SendState::Refused { status, detail })
            }
            // Not retried: the host page's settings cannot make a request.
            // Status 0: nothing reached a server.
            Outcome::BadConfig => form.send_state.set(SendState::Refused {
                status: 0,
                detail: "config.invalid".into(),
            }),
            Outcome::Retry {
                failure,
                retry_after_s,
            } => self.schedule_retry(failure, retry_after_s),
        }
    }

    fn schedule_retry(self, failure: Failure, retry_after_s: Option<u32>) {
        if failure == Failure::Network && !browser_online() {
            self.form.send_state.set(SendState::Offline);
            return;
        }
        let retry = self.retries.get_value() + 1;
        if retry > MAX_AUTOMATIC_RETRIES {
            self.form.send_state.set(SendState::Failed(failure));
            return;
        }
        self.retries.set_value(retry);
        let delay = retry::delay_ms(retry, retry_after_s, js_sys::Math::random());
        self.countdown(failure, delay.div_ceil(1000).max(1));
    }

    fn countdown(self, failure: Failure, seconds: u32) {
        self.form
            .send_state
            .set(SendState::Waiting { failure, seconds });
        let handle = set_timeout_with_handle(
            move || {
                self.timer.set_value(None);
                match self.form.send_state.get_untracked() {
                    SendState::Waiting { seconds: 1, .. } => self.send_now(),
                    SendState::Waiting { seconds, failure } => self.countdown(failure, seconds - 1),
                    // Cancelled or overtaken (the customer pressed "try now").
                    _ => {}
                }
            },
            Duration::from_secs(1),
        );
        self.timer.set_value(handle.ok());
    }

    fn cancel_timer(self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
            self.timer.set_value(None);
        }
    }
}
