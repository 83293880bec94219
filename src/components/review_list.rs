use super::context::use_form;
use super::fields::size_text;
use crate::i18n::{keys, use_i18n};
use leptos::prelude::*;
use ticket_core::catalog::{Field, FieldKind};
use ticket_core::payload::Ticket;

/// Every value of the ticket under its label, as it will be sent; choices
/// in words, empty values marked as such.
#[component]
pub fn ReviewList(ticket: Memo<Option<Ticket>>) -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let rows = move || {
        let t = ticket.get()?;
        let category = ticket_core::catalog::find(&t.category)?;
        let mut items = vec![(
            i18n.text("review-category"),
            i18n.text(&keys::category_title(category)),
            false,
        )];
        for key in keys::COMMON_FIELDS.iter().take(3) {
            let value = form.value(key).map(|v| v.get()).unwrap_or_default();
            items.push((i18n.text(&keys::field_label(key)), value, false));
        }
        for spec in category.fields {
            let raw = t.fields.get(spec.field.id()).cloned().unwrap_or_default();
            let value = match spec.field.kind() {
                FieldKind::Choice(_) if !raw.is_empty() => {
                    i18n.text(&keys::choice(spec.field, &raw))
                }
                _ => raw,
            };
            items.push((
                i18n.text(&keys::field_label(spec.field.id())),
                value,
                spec.field == Field::Trace,
            ));
        }
        items.push((i18n.text(&keys::field_label("subject")), t.subject, false));
        items.push((i18n.text(&keys::field_label("message")), t.message, false));
        let files = form.attachments.files.with(|f| {
            f.iter()
                .map(|e| format!("{} ({})", e.name, size_text(i18n, e.size)))
                .collect::<Vec<_>>()
        });
        items.push((
            i18n.text("field-attachments-label"),
            files.join("\n"),
            false,
        ));
        let empty = i18n.text("review-empty");
        let rows = items
            .into_iter()
            .map(|(label, value, mono)| {
                let shown = if value.trim().is_empty() {
                    empty.clone()
                } else {
                    value
                };
                let class = if mono { "ltw-pre ltw-mono" } else { "ltw-pre" };
                view! {
                    <dt>{label}</dt>
                    <dd class=class>{shown}</dd>
                }
            })
            .collect_view();
        Some(rows)
    };
    view! { <dl class="ltw-review">{rows}</dl> }
}
