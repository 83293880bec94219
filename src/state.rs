//! The form's state: one signal per value, so a language switch, a step
//! change or a failed submission never touches what the customer typed.

use crate::i18n::{Lang, key};
use leptos::prelude::*;
use std::collections::BTreeMap;
use ticket_core::catalog::{Category, Field, Group};
use ticket_core::payload::{PolicyFlags, SCHEMA_VERSION, Ticket};
use ticket_core::trace::{NotATrace, TraceSummary};
use ticket_core::validate::{FieldError, check_field};
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
    Sending,
    NetworkError,
    ServerError(u16),
    Refused { status: u16, detail: String },
    Rejected,
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
    pub send_state: RwSignal<SendState>,
    pub reference: RwSignal<Option<String>>,
    /// Parsed once per change of the trace text, shared by the field's
    /// summary, validation and the payload.
    pub trace: Memo<Option<Result<TraceSummary, NotATrace>>>,
    /// Circumvention terms in the free text, recomputed only when it changes.
    pub policy_terms: Memo<Vec<String>>,
}

impl Form {
    pub fn new() -> Form {
        let extra = std::array::from_fn(|_| RwSignal::new(String::new()));
        let trace_text = extra[field_index(Field::Trace)];
        let subject = RwSignal::new(String::new());
        let message = RwSignal::new(String::new());
        let text_fields = extra;
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
            send_state: RwSignal::new(SendState::Idle),
            reference: RwSignal::new(None),
            trace: Memo::new(move |_| {
                trace_text.with(|t| (!t.trim().is_empty()).then(|| trace::parse(t)))
            }),
            policy_terms: Memo::new(move |_| {
                let mut text = subject.get();
                text.push('\n');
                message.with(|m| text.push_str(m));
                for f in [Field::OsTemplate, Field::OrderNumber] {
                    text.push('\n');
                    text_fields[field_index(f)].with(|v| text.push_str(v));
                }
                policy::distinct_terms(&policy::circumvention_terms(&text))
            }),
        }
    }

    /// A fresh form for the next ticket; contact details are kept.
    pub fn start_new_ticket(&self) {
        self.subject.set(String::new());
        self.message.set(String::new());
        self.acknowledged.set(false);
        self.touched.set(Vec::new());
        self.reference.set(None);
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

    pub fn touch(&self, key: &str) {
        if !self.touched.with_untracked(|t| t.iter().any(|k| k == key)) {
            self.touched.update(|t| t.push(key.to_owned()));
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
            let value = self.field(spec.field).get_untracked();
            if !value.trim().is_empty() {
                fields.insert(spec.field.id().to_owned(), value);
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
            email: self.email.get_untracked().trim().to_owned(),
            name: self.name.get_untracked().trim().to_owned(),
            service: self.service.get_untracked().trim().to_owned(),
            subject: self.subject.get_untracked().trim().to_owned(),
            message: self.message.get_untracked(),
            fields,
            trace_summary,
            policy: PolicyFlags {
                circumvention_terms: self.policy_terms.get_untracked(),
                acknowledged: self.acknowledged.get_untracked(),
            },
        })
    }
}

impl Default for Form {
    fn default() -> Self {
        Form::new()
    }
}

fn field_index(field: Field) -> usize {
    Field::ALL.iter().position(|f| *f == field).unwrap_or(0)
}
