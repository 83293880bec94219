//! The rules of the LeiKwan Host support-ticket form, free of any web
//! dependency, so that the same code runs in the browser (the widget), in
//! native tests and fuzzing, and in the provider's backend (`ticket-check`).

pub mod attachment;
pub mod catalog;
pub mod email;
pub mod ip;
pub mod normalize;
pub mod payload;
pub mod policy;
pub mod trace;
pub mod validate;

pub use catalog::{CATEGORIES, Category, Field, FieldKind, Group};
pub use payload::Ticket;
pub use validate::{FieldError, validate_ticket};
