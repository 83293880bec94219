//! The whole ticket as readable text: the last resort when it cannot be
//! sent, for the customer to paste into an e-mail to support.

use crate::i18n::{Lang, keys, tr};
use ticket_core::catalog;
use ticket_core::payload::Ticket;

pub fn ticket_as_text(ticket: &Ticket, lang: Lang) -> String {
    let mut out = String::new();
    let mut line = |label: String, value: &str| {
        if !value.trim().is_empty() {
            out.push_str(&label);
            out.push_str(if value.contains('\n') { ":\n" } else { ": " });
            out.push_str(value.trim_end());
            out.push('\n');
        }
    };
    let category = catalog::find(&ticket.category)
        .map(|c| format!("{} ({})", tr(lang, &keys::category_title(c)), c.id))
        .unwrap_or_else(|| ticket.category.clone());
    line(tr(lang, "review-category"), &category);
    for (key, value) in [
        ("email", &ticket.email),
        ("name", &ticket.name),
        ("service", &ticket.service),
        ("subject", &ticket.subject),
    ] {
        line(tr(lang, &keys::field_label(key)), value);
    }
    for (key, value) in &ticket.fields {
        line(tr(lang, &keys::field_label(key)), value);
    }
    line(tr(lang, &keys::field_label("message")), &ticket.message);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn lists_every_given_value_with_its_label() {
        let mut fields = BTreeMap::new();
        fields.insert("ip".to_owned(), "203.0.113.9".to_owned());
        let t = Ticket {
            schema_version: 1,
            category: "technical.ip".into(),
            locale: "en".into(),
            email: "a@b.co".into(),
            name: String::new(),
            service: "vps-1".into(),
            subject: "Gateway".into(),
            message: "Which gateway?\nThanks".into(),
            fields,
            trace_summary: None,
            policy: Default::default(),
            attachments: Vec::new(),
        };
        let text = ticket_as_text(&t, Lang::En);
        assert!(
            text.contains("Topic: IP Address Inquiry (technical.ip)"),
            "{text}"
        );
        assert!(text.contains("IP address concerned: 203.0.113.9"));
        assert!(text.contains("Message:\nWhich gateway?\nThanks"));
        assert!(!text.contains("Name"), "empty fields are left out");

        let text = ticket_as_text(&t, Lang::ZhHans);
        assert!(
            text.contains("问题类别: IP 地址咨询 (technical.ip)"),
            "{text}"
        );
        assert!(text.contains("相关 IP 地址: 203.0.113.9"), "{text}");
        assert!(text.contains("内容:\nWhich gateway?\nThanks"), "{text}");
    }
}
