//! The form's state: one signal per value, so a language switch, a step
//! change or a failed submission never touches what the customer typed.

use crate::attachments::Attachments;
use crate::draft::Draft;
use crate::draft_store::{Offer, Slot};
use crate::i18n::{Lang, key};
use crate::retry::Failure;
use leptos::prelude::*;
use std::collections::BTreeMap;
use ticket_core::catalog::{Category, Field, Group};
use ticket_core::payload::{PolicyFlags, SCHEMA_VERSION, Ticket};
use ticket_core::trace::{NotATrace, TraceSummary};
use ticket_core::validate::{FieldError, check_field, fold_for_field};
use ticket_core::{policy, trace};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Category,
    Details,
    Review,
    Done,
}

impl Step {
    pub const ALL: [Step; 4] = [Step::Category, Step::Details, Step::Review, Step::Done];

    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    pub fn title_key(self) -> &'static str {
        match self {
            Step::Category => key("step-category"),
            Step::Details => key("step-details"),
            Step::Review => key("step-review"),
            Step::Done => key("step-done"),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum SendState {
    Idle,
    /// A request is in flight (attempt number, from 1).
    Sending {
        attempt: u32,
    },
    /// An automatic retry is due in `seconds`.
    Waiting {
        failure: Failure,
        seconds: u32,
    },
    /// The browser is offline; the ticket goes out when it is back.
    Offline,
    /// The server refused the ticket and retrying cannot help; the
    /// customer is told why in plain words (by status), the page's console
    /// gets the server's answer.
    Refused {
        status: u16,
    },
    /// The host page's settings make the request impossible (the browser
    /// would not build it): nothing can be sent from this widget.
    Misconfigured,
    /// 422 on visible fields: the errors are shown there.
    Rejected,
    /// "Submit" was pressed while files are still uploading: the ticket
    /// goes as soon as every file has an id.
    AwaitingFiles,
    /// The receiver refused a file: the ticket waits until the customer
    /// removes it.
    FilesRefused,
}

#[derive(Clone, Copy)]
pub struct Form {
    pub step: RwSignal<Step>,
    pub group: RwSignal<Option<Group>>,
    pub category: RwSignal<Option<&'static Category>>,
    pub email: RwSignal<String>,
    pub name: RwSignal<String>,
    pub service: RwSignal<String>,
    pub subject: RwSignal<String>,
    pub message: RwSignal<String>,
    /// Values of every category field, kept when the category changes.
    extra: [RwSignal<String>; Field::ALL.len()],
    /// Fields the customer has left once: their errors show from then on.
    pub touched: RwSignal<Vec<String>>,
    /// Set by a "Next" with errors: every error shows.
    pub show_all_errors: RwSignal<bool>,
    /// What the receiver rejected (422), until the field is edited.
    pub server_errors: RwSignal<Vec<FieldError>>,
    pub acknowledged: RwSignal<bool>,
    /// Created with the draft and sent with every attempt for this ticket.
    pub idempotency_key: RwSignal<String>,
    /// A draft from an earlier visit was put back into the form.
    pub draft_restored: RwSignal<bool>,
    /// Where this widget keeps its draft in this tab (none without an
    /// endpoint).
    pub draft_slot: StoredValue<Option<Slot>>,
    /// A draft another tab (or an earlier visit) left, until the customer
    /// continues it or starts afresh.
    pub draft_offer: RwSignal<Option<Offer>>,
    /// The saved draft leaves out secrets the customer pasted.
    pub draft_masked: RwSignal<bool>,
    /// False once the browser refused to store the draft.
    pub storage_ok: RwSignal<bool>,
    pub send_state: RwSignal<SendState>,
    /// The hidden field only bots fill in (see `components::honeypot`);
    /// sent as `form.honeypot`, never kept in a draft.
    pub honeypot: RwSignal<String>,
    /// When this ticket was begun (ms since 1970): when the widget became
    /// interactive, or when a restored draft was begun on an earlier visit
    /// (its time was spent then). `form.fill_ms` counts from here.
    pub began_at: StoredValue<f64>,
    /// The accepted ticket's reference; empty before, and when the server
    /// accepted it without giving one.
    pub reference: RwSignal<String>,
    /// When the customer's changes went out as a ticket of their own
    /// because an earlier version had already arrived: that version's
    /// reference (empty if the server did not say).
    pub first_reference: RwSignal<Option<String>>,
    /// Parsed once per change of the trace text, shared by the field's
    /// summary, validation and the payload.
    pub trace: Memo<Option<Result<TraceSummary, NotATrace>>>,
    /// What the scope guard finds in the free text, recomputed only when
    /// that text changes (not on every keystroke elsewhere).
    pub policy: Memo<PolicyFindings>,
    /// The files added to this ticket and their uploads.
    pub attachments: Attachments,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PolicyFindings {
    pub circumvention: Vec<String>,
    pub out_of_scope: Vec<String>,
    /// Secrets in the free text (the hint offers to remove them).
    pub secrets: Vec<String>,
    /// Secrets in attached text files (each file says so; private keys
    /// were already cut out of them).
    pub file_secrets: Vec<String>,
}

fn add_distinct(to: &mut Vec<String>, terms: &[String]) {
    for t in terms {
        if !to.contains(t) {
            to.push(t.clone());
        }
    }
}

/// Free-text fields the scope guard reads (the trace paste is tool output).
const FREE_TEXT: [&str; 4] = ["subject", "message", "os_template", "order_number"];

impl Form {
    pub fn new() -> Form {
        let extra = std::array::from_fn(|_| RwSignal::new(String::new()));
        let trace_text = extra[field_index(Field::Trace)];
        let subject = RwSignal::new(String::new());
        let message = RwSignal::new(String::new());
        let text_fields = extra;
        let attachments = Attachments::new();
        // Only the findings: the list changes on every upload step.
        let file_notes = Memo::new(move |_| attachments.notes());
        let policy = Memo::new(move |_| {
            let mut text = subject.get();
            text.push('\n');
            message.with(|m| text.push_str(m));
            for f in [Field::OsTemplate, Field::OrderNumber] {
                text.push('\n');
                text_fields[field_index(f)].with(|v| text.push_str(v));
            }
            let report = policy::check(&text);
            let mut findings = PolicyFindings {
                circumvention: policy::distinct_terms(&report.circumvention),
                out_of_scope: policy::distinct_terms(&report.out_of_scope),
                secrets: policy::distinct_terms(&report.secrets),
                file_secrets: Vec::new(),
            };
            // A text file is read like the message: a circumvention term in
            // a log brings up the policy dialog as one typed would.
            file_notes.with(|notes| {
                for n in notes {
                    add_distinct(&mut findings.circumvention, &n.circumvention);
                    add_distinct(&mut findings.out_of_scope, &n.out_of_scope);
                    add_distinct(&mut findings.file_secrets, &n.secrets);
                }
            });
            findings
        });
        Form {
            step: RwSignal::new(Step::Category),
            group: RwSignal::new(None),
            category: RwSignal::new(None),
            email: RwSignal::new(String::new()),
            name: RwSignal::new(String::new()),
            service: RwSignal::new(String::new()),
            subject,
            message,
            extra,
            touched: RwSignal::new(Vec::new()),
            show_all_errors: RwSignal::new(false),
            server_errors: RwSignal::new(Vec::new()),
            acknowledged: RwSignal::new(false),
            idempotency_key: RwSignal::new(String::new()),
            draft_restored: RwSignal::new(false),
            draft_slot: StoredValue::new(None),
            draft_offer: RwSignal::new(None),
            draft_masked: RwSignal::new(false),
            storage_ok: RwSignal::new(true),
            send_state: RwSignal::new(SendState::Idle),
            honeypot: RwSignal::new(String::new()),
            began_at: StoredValue::new(0.0),
            reference: RwSignal::new(String::new()),
            first_reference: RwSignal::new(None),
            trace: Memo::new(move |_| {
                trace_text.with(|t| (!t.trim().is_empty()).then(|| trace::parse(t)))
            }),
            policy,
            attachments,
        }
    }

    /// Circumvention terms (from `policy`), for the hint and the dialog
    /// (tracked).
    pub fn policy_terms(&self) -> Vec<String> {
        self.policy.with(|p| p.circumvention.clone())
    }

    /// Replaces every detected secret in the free-text fields by a marker.
    pub fn remove_secrets(&self) {
        for key in FREE_TEXT {
            if let Some(value) = self.value(key) {
                let redacted = value.with_untracked(|v| {
                    let secrets = policy::check(v).secrets;
                    (!secrets.is_empty()).then(|| policy::redact_secrets(v, &secrets))
                });
                if let Some(r) = redacted {
                    value.set(r);
                }
            }
        }
    }

    /// A fresh form for the next ticket; contact details are kept.
    /// "Open another ticket": a fresh ticket and idempotency key; the
    /// contact details stay.
    pub fn start_new_ticket(&self) {
        self.reset_ticket(crate::draft::new_idempotency_key());
        self.reference.set(String::new());
        self.first_reference.set(None);
        self.step.set(Step::Category);
    }

    pub fn field(&self, field: Field) -> RwSignal<String> {
        self.extra[field_index(field)]
    }

    /// The signal behind a payload key (`email`, … or a category field id).
    pub fn value(&self, key: &str) -> Option<RwSignal<String>> {
        Some(match key {
            "email" => self.email,
            "name" => self.name,
            "service" => self.service,
            "subject" => self.subject,
            "message" => self.message,
            other => self.field(Field::from_id(other)?),
        })
    }

    /// Keys of the fields the chosen category shows, in display order.
    pub fn visible_keys(&self) -> Vec<&'static str> {
        let mut keys = vec!["email", "name", "service"];
        if let Some(c) = self.category.get() {
            keys.extend(c.fields.iter().map(|s| s.field.id()));
        }
        keys.extend(["subject", "message"]);
        keys
    }

    /// The error code for one field now, whether or not it is shown yet.
    pub fn error_of(&self, key: &str) -> Option<String> {
        if let Some(e) = self
            .server_errors
            .with(|errs| errs.iter().find(|e| e.field == key).cloned())
        {
            return Some(e.code);
        }
        let category = self.category.get();
        if key == Field::Trace.id() {
            let required = category
                .and_then(|c| c.field_spec(Field::Trace))
                .is_some_and(|s| s.required);
            return match self.trace.get() {
                None if required => Some("required".into()),
                Some(Err(e)) => Some(e.code().into()),
                _ => None,
            };
        }
        let value = self.value(key)?;
        value
            .with(|v| check_field(key, v, category))
            .err()
            .map(str::to_owned)
    }

    /// The error to display: only after the field was left or "Next" pressed.
    pub fn shown_error(&self, key: &'static str) -> Option<String> {
        let visible = self.show_all_errors.get()
            || self.touched.with(|t| t.iter().any(|k| k == key))
            || self
                .server_errors
                .with(|e| e.iter().any(|e| e.field == key));
        if visible { self.error_of(key) } else { None }
    }

    /// The customer left the field: its error shows from now on, and an
    /// e-mail or IP typed with full-width (IME) characters is shown in the
    /// ASCII form the check approved and the ticket will carry.
    pub fn touch(&self, key: &str) {
        if !self.touched.with_untracked(|t| t.iter().any(|k| k == key)) {
            self.touched.update(|t| t.push(key.to_owned()));
        }
        self.fold(key);
    }

    /// Puts the folded form of `key`'s value in the field, if it differs.
    pub fn fold(&self, key: &str) {
        let Some(value) = self.value(key) else {
            return;
        };
        let category = self.category.get_untracked();
        // Only an approved value is rewritten: a wrong one stays as typed,
        // next to its error.
        let folded = value.with_untracked(|v| {
            let folded = fold_for_field(key, v);
            (folded != *v && check_field(key, v, category).is_ok()).then_some(folded)
        });
        if let Some(folded) = folded {
            value.set(folded);
        }
    }

    /// Editing a field clears what the server said about it.
    pub fn edited(&self, key: &str) {
        if self
            .server_errors
            .with_untracked(|e| e.iter().any(|e| e.field == key))
        {
            self.server_errors.update(|e| e.retain(|e| e.field != key));
        }
    }

    /// Visible fields with errors, in display order.
    pub fn invalid_keys(&self) -> Vec<&'static str> {
        self.visible_keys()
            .into_iter()
            .filter(|k| self.error_of(k).is_some())
            .collect()
    }

    pub fn to_ticket(&self, lang: Lang) -> Option<Ticket> {
        let category = self.category.get_untracked()?;
        let mut fields = BTreeMap::new();
        for spec in category.fields {
            let key = spec.field.id();
            let value = self
                .field(spec.field)
                .with_untracked(|v| fold_for_field(key, v));
            if !value.trim().is_empty() {
                fields.insert(key.to_owned(), value);
            }
        }
        let trace_summary = category
            .field_spec(Field::Trace)
            .and_then(|_| self.trace.get_untracked())
            .and_then(Result::ok);
        Some(Ticket {
            schema_version: SCHEMA_VERSION,
            category: category.id.to_owned(),
            locale: lang.tag().to_owned(),
            email: self.email.with_untracked(|e| fold_for_field("email", e)),
            name: self.name.get_untracked().trim().to_owned(),
            service: self.service.get_untracked().trim().to_owned(),
            subject: without_private_keys(self.subject.get_untracked().trim()),
            message: without_private_keys(&self.message.get_untracked()),
            fields,
            trace_summary,
            policy: self.policy.with_untracked(|p| PolicyFlags {
                circumvention_terms: p.circumvention.clone(),
                acknowledged: self.acknowledged.get_untracked(),
                out_of_scope_terms: p.out_of_scope.clone(),
                secrets_left: {
                    let mut left: Vec<String> = p
                        .secrets
                        .iter()
                        .filter(|s| *s != policy::PRIVATE_KEY_TERM)
                        .cloned()
                        .collect();
                    add_distinct(&mut left, &p.file_secrets);
                    left
                },
            }),
            attachments: self.attachments.to_payload(),
        })
    }
}

impl Form {
    /// The customer chose `group`: a category of another group goes.
    pub fn choose_group(&self, group: Group) {
        self.group.set(Some(group));
        if self
            .category
            .get_untracked()
            .is_some_and(|c| c.group != group)
        {
            self.category.set(None);
        }
    }

    /// Everything worth keeping across a reload (tracked: re-run on change).
    pub fn to_draft(&self) -> Draft {
        let mut fields = BTreeMap::new();
        for f in Field::ALL {
            let value = self.field(f).get();
            if !value.is_empty() {
                fields.insert(f.id().to_owned(), value);
            }
        }
        Draft {
            idempotency_key: self.idempotency_key.get(),
            category: self.category.get().map(|c| c.id.to_owned()),
            group: self.group.get().map(|g| g.id().to_owned()),
            email: self.email.get(),
            name: self.name.get(),
            service: self.service.get(),
            subject: self.subject.get(),
            message: self.message.get(),
            fields,
            began_at_ms: self.began_at.get_value() as u64,
            files: self.attachments.draft_files(),
        }
    }

    pub fn apply_draft(&self, d: &Draft) {
        self.idempotency_key.set(d.idempotency_key.clone());
        self.attachments.expect(d.files.clone());
        // Drafts of earlier versions do not say: the clock keeps running
        // from this visit.
        if d.began_at_ms > 0 {
            self.began_at.set_value(d.began_at_ms as f64);
        }
        let category = d.category.as_deref().and_then(ticket_core::catalog::find);
        let group = category.map(|c| c.group).or_else(|| {
            Group::ALL
                .into_iter()
                .find(|g| Some(g.id()) == d.group.as_deref())
        });
        self.group.set(group);
        self.category.set(category);
        self.email.set(d.email.clone());
        self.name.set(d.name.clone());
        self.service.set(d.service.clone());
        self.subject.set(d.subject.clone());
        self.message.set(d.message.clone());
        for f in Field::ALL {
            self.field(f)
                .set(d.fields.get(f.id()).cloned().unwrap_or_default());
        }
        if category.is_some() {
            self.step.set(Step::Details);
        }
    }

    /// Clears this ticket's content for the next one; contact details stay.
    pub fn reset_ticket(&self, new_key: String) {
        self.subject.set(String::new());
        self.message.set(String::new());
        for f in Field::ALL {
            self.field(f).set(String::new());
        }
        self.attachments.clear();
        self.category.set(None);
        self.group.set(None);
        self.acknowledged.set(false);
        self.touched.set(Vec::new());
        self.show_all_errors.set(false);
        self.server_errors.set(Vec::new());
        self.send_state.set(SendState::Idle);
        self.idempotency_key.set(new_key);
        self.began_at.set_value(js_sys::Date::now());
        self.draft_restored.set(false);
        self.draft_offer.set(None);
    }
}

impl Default for Form {
    fn default() -> Self {
        Form::new()
    }
}

/// A private key is never sent, even if the customer ignored the warning.
fn without_private_keys(text: &str) -> String {
    let keys: Vec<_> = policy::check(text)
        .secrets
        .into_iter()
        .filter(|s| s.term == policy::PRIVATE_KEY_TERM)
        .collect();
    if keys.is_empty() {
        text.to_owned()
    } else {
        policy::redact_secrets(text, &keys)
    }
}

fn field_index(field: Field) -> usize {
    Field::ALL.iter().position(|f| *f == field).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_keys_never_leave_but_other_text_does() {
        let text = "Key below\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\nthanks";
        let sent = without_private_keys(text);
        assert!(!sent.contains("b3BlbnNzaC1rZXktdjEAAAAA"), "{sent}");
        assert!(sent.starts_with("Key below") && sent.ends_with("thanks"));
        assert!(sent.contains(policy::REDACTION_MARKER));
        assert_eq!(without_private_keys("no secrets here"), "no secrets here");
    }
}
