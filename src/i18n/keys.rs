//! Message ids computed from ticket-core data. Kept in one place so the
//! locale test can enumerate every id the widget may ask for.

use ticket_core::{Category, Field, Group};

/// Validation codes (`email.no_at`) become message ids (`err-email-no-at`).
pub fn error(code: &str) -> String {
    format!("err-{}", code.replace(['.', '_'], "-"))
}

pub fn group_title(group: Group) -> String {
    format!("group-{}-title", group.id())
}

pub fn group_intro(group: Group) -> String {
    format!("group-{}-intro", group.id())
}

pub fn category_title(c: &Category) -> String {
    format!("cat-{}-title", c.slug())
}

pub fn category_scope(c: &Category) -> String {
    format!("cat-{}-scope", c.slug())
}

pub fn category_exclusion(c: &Category) -> Option<String> {
    c.has_exclusion
        .then(|| format!("cat-{}-excluded", c.slug()))
}

pub fn category_notice(c: &Category) -> Option<String> {
    c.has_notice.then(|| format!("cat-{}-notice", c.slug()))
}

/// `field` is a payload key: a common field or a category field id.
pub fn field_label(field: &str) -> String {
    format!("field-{}-label", field.replace('_', "-"))
}

/// What helps most as an attachment for this category.
pub fn attachments_hint(c: &Category) -> String {
    format!("attachments-hint-{}", c.slug())
}

pub fn field_hint(field: &str) -> String {
    format!("field-{}-hint", field.replace('_', "-"))
}

pub fn choice(field: Field, value: &str) -> String {
    format!(
        "{}-{}",
        field.id().replace('_', "-"),
        value.replace('_', "-")
    )
}

pub fn ip_scope(scope_id: &str) -> String {
    format!("ip-scope-{}", scope_id.replace('_', "-"))
}

/// Secret kinds from the scope guard (`password`, `private key`, `API token`).
pub fn secret_kind(term: &str) -> String {
    format!("secret-{}", term.to_ascii_lowercase().replace(' ', "-"))
}

pub const SECRET_KINDS: [&str; 3] = ["password", "private key", "API token"];

pub const COMMON_FIELDS: [&str; 5] = ["email", "name", "service", "subject", "message"];
