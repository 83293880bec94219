//! Getting one ticket to the backend: every attempt carries the same
//! idempotency key; transient failures are retried with backoff (shown as a
//! countdown); an offline browser waits for the `online` event; the draft is
//! removed only after the backend confirmed the ticket.

use crate::config::WidgetConfig;
use crate::draft::new_idempotency_key;
use crate::i18n::Lang;
use crate::pow::ProofOfWork;
use crate::retry::{self, Failure};
use crate::state::{Form, SendState, Step};
use crate::submit::{Attempt, Outcome, post_ticket};
use crate::uploading::Uploader;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;
use std::time::Duration;
use ticket_core::payload::{FormSignals, Proof};

/// New proofs of work asked for one ticket before the receiver's refusal
/// is taken as final (each is one fetch and about a second of hashing).
const MAX_PROOF_ROUNDS: u32 = 3;

/// Times one ticket's files are uploaded again because the receiver no
/// longer held them, before its refusal is shown (something else is wrong).
const MAX_FILE_ROUNDS: u32 = 2;

/// How often a ticket waiting for its files looks whether they are in.
const FILES_POLL_MS: u32 = 250;

/// Told how each attempt ended, with the ticket's category: how the host
/// page hears of it (given at mount, see `mount.rs`), without the sender
/// knowing about the page.
pub type OutcomeReport = Rc<dyn Fn(&Outcome, &str)>;

#[derive(Clone, Copy)]
pub struct Sender {
    form: Form,
    lang: RwSignal<Lang>,
    config: StoredValue<WidgetConfig>,
    /// Automatic retries spent on the current ticket.
    retries: StoredValue<u32>,
    /// The pending countdown tick, cancelled by "try again now".
    timer: StoredValue<Option<TimeoutHandle>>,
    on_outcome: StoredValue<Option<OutcomeReport>, LocalStorage>,
    pow: ProofOfWork,
    /// New proofs asked for the current ticket.
    proof_rounds: StoredValue<u32>,
    /// Times the current ticket's files were uploaded again.
    file_rounds: StoredValue<u32>,
    /// Uploads them again (the receiver lost them).
    uploader: Uploader,
}

/// Milliseconds since the ticket was begun, for the receiver's minimum
/// fill time (sent again with each attempt: a later attempt has a larger
/// value, which the receiver does not count as a different ticket).
fn fill_ms(began_at: f64) -> u32 {
    (js_sys::Date::now() - began_at).clamp(0.0, f64::from(u32::MAX)) as u32
}

use crate::sleep::browser_online;

impl Sender {
    pub fn new(
        form: Form,
        lang: RwSignal<Lang>,
        config: WidgetConfig,
        on_outcome: Option<OutcomeReport>,
    ) -> Sender {
        Sender {
            form,
            lang,
            pow: ProofOfWork::new(config.endpoint.clone()),
            uploader: Uploader::new(form.attachments, form.draft_slot, config.clone()),
            config: StoredValue::new(config),
            retries: StoredValue::new(0),
            timer: StoredValue::new(None),
            on_outcome: StoredValue::new_local(on_outcome),
            proof_rounds: StoredValue::new(0),
            file_rounds: StoredValue::new(0),
        }
    }

    /// The customer started typing: time to fetch and solve the receiver's
    /// proof of work (if it asks for one), so it is ready at "Submit".
    pub fn prepare(self) {
        self.pow.start();
    }

    fn busy(self) -> bool {
        matches!(
            self.form.send_state.get_untracked(),
            SendState::Sending { .. } | SendState::AwaitingFiles
        )
    }

    /// The customer pressed "Submit" (or confirmed the policy dialog).
    pub fn submit(self) {
        if self.busy() {
            return;
        }
        self.retries.set_value(0);
        self.proof_rounds.set_value(0);
        self.file_rounds.set_value(0);
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
        if self.form.category.get_untracked().is_none() {
            return;
        }
        if !self.files_ready() {
            return;
        }
        let attempt = self.retries.get_value() + 1;
        // Shown while the proof of work is finished too: from the
        // customer's side, that is part of sending.
        self.form.send_state.set(SendState::Sending { attempt });
        self.post();
    }

    /// Whether every file has an id; if not, the ticket waits for them
    /// (shown), and goes by itself once they are in.
    fn files_ready(self) -> bool {
        let files = self.form.attachments;
        if untrack(|| files.all_uploaded()) {
            return true;
        }
        if untrack(|| files.any_failed()) {
            self.form.send_state.set(SendState::FilesRefused);
            return false;
        }
        self.form.send_state.set(SendState::AwaitingFiles);
        spawn_local(async move {
            loop {
                crate::sleep::sleep(FILES_POLL_MS).await;
                if self.form.send_state.try_get_untracked() != Some(SendState::AwaitingFiles) {
                    return;
                }
                if untrack(|| files.all_uploaded()) {
                    self.form.send_state.set(SendState::Idle);
                    self.send_now();
                    return;
                }
                if untrack(|| files.any_failed()) {
                    self.form.send_state.set(SendState::FilesRefused);
                    return;
                }
            }
        });
        false
    }

    /// Posts the ticket once the proof of work (if asked for) is ready.
    fn post(self) {
        spawn_local(async move {
            // None: the widget was removed while the proof was worked out.
            if let Some(proof) = self.pow.proof().await {
                self.post_with(proof).await;
            }
        });
    }

    async fn post_with(self, proof: Option<Proof>) {
        let Some(ticket) = self.form.to_ticket(self.lang.get_untracked()) else {
            return;
        };
        let form = FormSignals {
            honeypot: self.form.honeypot.get_untracked(),
            fill_ms: Some(fill_ms(self.form.began_at.get_value())),
            pow: proof,
        };
        let key = self.form.idempotency_key.get_untracked();
        let config = self.config.get_value();
        let outcome = post_ticket(Attempt {
            endpoint: config.endpoint.as_deref().unwrap_or_default(),
            ticket: &ticket,
            form: &form,
            idempotency_key: &key,
            csrf_token: config.csrf_token.as_deref(),
        })
        .await;
        if let Some(Some(report)) = self.on_outcome.try_get_value() {
            report(&outcome, &ticket.category);
        }
        self.handle(outcome);
    }

    /// A ticket waiting for its next try goes out at once when the browser
    /// is back online, or the customer comes back to the page (its window
    /// gets focus, its tab is shown again): the moments a dead connection
    /// is most likely to work again.
    pub fn resume_when_back(self) {
        let resume = move || self.resume();
        let online = window_event_listener(leptos::ev::online, move |_| resume());
        let focus = window_event_listener(leptos::ev::focus, move |_| resume());
        let shown = window_event_listener(leptos::ev::visibilitychange, move |_| {
            let visible = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
            if visible {
                resume();
            }
        });
        on_cleanup(move || {
            online.remove();
            focus.remove();
            shown.remove();
        });
    }

    fn resume(self) {
        if matches!(
            self.form.send_state.try_get_untracked(),
            Some(SendState::Offline | SendState::Waiting { .. })
        ) {
            self.send_now();
        }
    }

    fn handle(self, outcome: Outcome) {
        let form = self.form;
        match outcome {
            Outcome::Accepted(reference) => {
                crate::draft_keeping::forget(form);
                form.attachments.clear();
                self.pow.forget();
                form.reference.set(reference.unwrap_or_default());
                form.send_state.set(SendState::Idle);
                form.step.set(Step::Done);
            }
            // What arrived first stays as it was; the changes go out at
            // once as a ticket of their own, under a key of their own.
            Outcome::Conflict { first_reference } => {
                form.first_reference
                    .set(Some(first_reference.unwrap_or_default()));
                form.idempotency_key.set(new_idempotency_key());
                form.send_state.set(SendState::Idle);
                self.retries.set_value(0);
                self.send_now();
            }
            Outcome::NeedsProof => {
                let round = self.proof_rounds.get_value() + 1;
                self.proof_rounds.set_value(round);
                if round > MAX_PROOF_ROUNDS {
                    form.send_state.set(SendState::Refused { status: 422 });
                } else {
                    self.pow.renew();
                    self.post();
                }
            }
            Outcome::FilesLost(positions) => {
                let round = self.file_rounds.get_value() + 1;
                self.file_rounds.set_value(round);
                if round > MAX_FILE_ROUNDS {
                    form.send_state.set(SendState::Refused { status: 422 });
                } else {
                    self.uploader.upload_again(&positions);
                    // Waits for them (shown), then goes by itself.
                    form.send_state.set(SendState::Idle);
                    self.send_now();
                }
            }
            Outcome::Rejected(errors) => {
                let visible = form.visible_keys();
                let on_fields = errors.iter().any(|e| visible.contains(&e.field.as_str()));
                form.server_errors.set(errors);
                if on_fields {
                    form.show_all_errors.set(true);
                    form.send_state.set(SendState::Rejected);
                    form.step.set(Step::Details);
                } else {
                    form.send_state.set(SendState::Refused { status: 422 });
                }
            }
            Outcome::Refused { status, body } => {
                web_sys::console::error_1(
                    &format!(
                        "ticket-widget: the support server refused the ticket (HTTP {status}): {body}"
                    )
                    .into(),
                );
                form.send_state.set(SendState::Refused { status });
            }
            // Not retried: the host page's settings cannot make a request.
            Outcome::BadConfig => form.send_state.set(SendState::Misconfigured),
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
        // Retried for as long as the page is open: the backoff is capped,
        // and a backend that is back after minutes still gets the ticket.
        let retry = self.retries.get_value().saturating_add(1);
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
