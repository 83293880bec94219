use crate::state::Form;
use leptos::prelude::*;
use ticket_core::catalog::Field;

/// Whether `key` must be filled in for the chosen category (tracked).
pub fn is_required(form: &Form, key: &str) -> bool {
    match key {
        "email" | "subject" | "message" => true,
        "service" => form.category.get().is_some_and(|c| c.service_required),
        other => Field::from_id(other)
            .and_then(|f| form.category.get().and_then(|c| c.field_spec(f).copied()))
            .is_some_and(|s| s.required),
    }
}
