//! Labelled controls wired to the form: hint and error tied to the control
//! with `aria-describedby`, errors shown once the field was left or "Next"
//! pressed.

mod attachments_field;
mod direction_field;
mod file_item;
mod focus;
mod frame;
mod ip_field;
mod required;
mod text_field;

pub use attachments_field::{AttachmentsField, size_text};
pub use direction_field::DirectionField;
pub use ip_field::IpField;
pub use text_field::{Control, TextField};
