//! Labelled controls wired to the form: hint and error tied to the control
//! with `aria-describedby`, errors shown once the field was left or "Next"
//! pressed.

mod direction_field;
mod frame;
mod ip_field;
mod text_field;

pub use direction_field::DirectionField;
pub use ip_field::IpField;
pub use text_field::{Control, TextField};

use super::context::use_focus_field;
use crate::dom::focus_after_render;
use crate::state::Form;
use leptos::prelude::*;
use leptos::tachys::html::element::ElementType;
use ticket_core::catalog::Field;
use wasm_bindgen::JsCast;

/// Whether `key` must be filled in for the chosen category (tracked).
fn is_required(form: &Form, key: &str) -> bool {
    match key {
        "email" | "subject" | "message" => true,
        "service" => form.category.get().is_some_and(|c| c.service_required),
        other => Field::from_id(other)
            .and_then(|f| form.category.get().and_then(|c| c.field_spec(f).copied()))
            .is_some_and(|s| s.required),
    }
}

/// Gives the control focus when `FocusField` asks for `key` (an error
/// summary link, the policy dialog's "edit"), once it is on screen.
fn focus_when_asked<E>(key: &'static str, control: NodeRef<E>)
where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + 'static,
{
    let focus = use_focus_field();
    Effect::new(move |_| {
        if focus.is_asked(key)
            && let Some(el) = control.get()
        {
            untrack(|| focus.done());
            focus_after_render(el.unchecked_into());
        }
    });
}
