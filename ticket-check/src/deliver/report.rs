//! What staff read about a ticket, in their language, before it becomes
//! text, HTML or markdown: the same facts in the same order for every
//! target.

use super::Delivery;
use super::catalog_text::{category_scope, category_title, field_label, field_value};
use super::words::{Words, words};
use crate::config::StaffLanguage;
use crate::reference::datetime;
use ticket_core::trace::TraceSummary;

pub struct Report {
    pub words: &'static Words,
    pub reference: String,
    pub category_title: String,
    /// `Ticket LK-… · category title`.
    pub heading: String,
    /// Category, scope, received, customer, service, subject, language.
    pub facts: Vec<(String, String)>,
    /// The form's label of the message ("Message").
    pub message_label: String,
    pub message: String,
    pub fields: Vec<(String, String)>,
    pub trace: Option<Trace>,
    pub findings: Vec<(String, String)>,
}

pub struct Trace {
    pub facts: Vec<(String, String)>,
    /// One row per hop: hop, hosts, loss, avg, best, worst.
    pub hops: Vec<[String; 6]>,
    pub pasted: String,
}

pub fn build(delivery: &Delivery, language: StaffLanguage) -> Report {
    let w = words(language);
    let ticket = &delivery.record.ticket;
    let title = category_title(language, &ticket.category);
    let given = |text: &str| {
        if text.trim().is_empty() {
            w.none_given.to_owned()
        } else {
            text.to_owned()
        }
    };
    let customer = if ticket.name.trim().is_empty() {
        ticket.email.clone()
    } else {
        format!("{} <{}>", ticket.name, ticket.email)
    };
    let mut facts = vec![
        (
            w.category.to_owned(),
            format!("{title} ({})", ticket.category),
        ),
        (
            w.scope.to_owned(),
            given(&category_scope(language, &ticket.category)),
        ),
        (w.received.to_owned(), datetime(delivery.record.received_at)),
        (field_label(language, "email"), customer),
        (field_label(language, "service"), given(&ticket.service)),
        (field_label(language, "subject"), given(&ticket.subject)),
        (w.customer_language.to_owned(), ticket.locale.clone()),
    ];
    // The files stay in the receiver's store (`<store>.files/`, by SHA-256):
    // staff see what came with the ticket and can find each file.
    if !ticket.attachments.is_empty() {
        let list: Vec<String> = ticket
            .attachments
            .iter()
            .map(|a| {
                format!(
                    "{} ({}, {} bytes, sha256 {})",
                    a.name, a.r#type, a.size, a.sha256
                )
            })
            .collect();
        facts.push((w.attachments.to_owned(), list.join("; ")));
    }
    let fields = ticket
        .fields
        .iter()
        .filter(|(id, _)| id.as_str() != "trace")
        .map(|(id, value)| (field_label(language, id), field_value(language, id, value)))
        .collect();
    let trace = ticket.fields.get("trace").map(|pasted| {
        let summary = delivery
            .record
            .checks
            .trace_summary
            .clone()
            .or_else(|| ticket_core::trace::parse(pasted).ok());
        trace(w, summary.as_ref(), pasted)
    });
    Report {
        words: w,
        reference: delivery.reference.clone(),
        heading: format!("{} {} · {title}", w.ticket, delivery.reference),
        category_title: title,
        facts,
        message_label: field_label(language, "message"),
        message: ticket.message.clone(),
        fields,
        trace,
        findings: findings(w, delivery),
    }
}

fn trace(w: &Words, summary: Option<&TraceSummary>, pasted: &str) -> Trace {
    let Some(s) = summary else {
        return Trace {
            facts: vec![(w.trace_tool.to_owned(), w.unknown.to_owned())],
            hops: Vec::new(),
            pasted: pasted.to_owned(),
        };
    };
    let number = |x: Option<f64>| x.map_or_else(|| "–".to_owned(), |x| format!("{x:.1}"));
    let hop = |x: Option<u32>| x.map_or_else(|| w.nothing_found.to_owned(), |h| h.to_string());
    let destination = match (&s.destination, &s.destination_name) {
        (Some(a), Some(n)) => format!("{a} ({n})"),
        (Some(a), None) => a.clone(),
        (None, _) => w.unknown.to_owned(),
    };
    let reached = match s.reached {
        Some(true) => w.yes,
        Some(false) => w.no,
        None => w.unknown,
    };
    let facts = vec![
        (w.trace_tool.to_owned(), s.format.label().to_owned()),
        (w.destination.to_owned(), destination),
        (w.reached.to_owned(), reached.to_owned()),
        (
            w.final_loss.to_owned(),
            s.final_loss_pct
                .map_or_else(|| w.unknown.to_owned(), |x| format!("{x:.1} %")),
        ),
        (w.loss_from_hop.to_owned(), hop(s.loss_onset_hop)),
        (w.slowest_hop.to_owned(), hop(s.worst_hop)),
    ];
    let hops = s
        .hops
        .iter()
        .map(|h| {
            let hosts: Vec<String> = h
                .responders
                .iter()
                .filter_map(|r| match (&r.address, &r.name) {
                    (Some(a), Some(n)) if n != a => Some(format!("{n} ({a})")),
                    (Some(a), _) => Some(a.clone()),
                    (None, Some(n)) => Some(n.clone()),
                    (None, None) => None,
                })
                .collect();
            [
                h.hop.to_string(),
                if hosts.is_empty() {
                    "*".to_owned()
                } else {
                    hosts.join(", ")
                },
                number(h.loss_pct),
                number(h.avg_ms),
                number(h.best_ms),
                number(h.worst_ms),
            ]
        })
        .collect();
    Trace {
        facts,
        hops,
        pasted: pasted.to_owned(),
    }
}

fn findings(w: &Words, delivery: &Delivery) -> Vec<(String, String)> {
    let checks = &delivery.record.checks;
    let policy = &delivery.record.ticket.policy;
    let list = |terms: &[String]| {
        if terms.is_empty() {
            w.nothing_found.to_owned()
        } else {
            terms.join(", ")
        }
    };
    // The receiver's own findings first; the widget's are the customer's
    // browser's word.
    let mut circumvention = checks.circumvention_terms.clone();
    for term in &policy.circumvention_terms {
        if !circumvention.contains(term) {
            circumvention.push(term.clone());
        }
    }
    let mut out_of_scope = checks.out_of_scope_terms.clone();
    for term in &policy.out_of_scope_terms {
        if !out_of_scope.contains(term) {
            out_of_scope.push(term.clone());
        }
    }
    vec![
        (w.circumvention.to_owned(), list(&circumvention)),
        (w.out_of_scope.to_owned(), list(&out_of_scope)),
        (w.secrets_found.to_owned(), checks.secrets_found.to_string()),
        (w.secrets_left.to_owned(), list(&policy.secrets_left)),
        (
            w.acknowledged.to_owned(),
            if policy.acknowledged {
                w.acknowledged_yes
            } else {
                w.acknowledged_no
            }
            .to_owned(),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn delivery(ticket: serde_json::Value) -> Delivery {
        let record = serde_json::json!({ "received_at": 1, "ticket": ticket, "checks": {} });
        Delivery::read("LK-1", &record.to_string()).unwrap()
    }

    #[test]
    fn attachments_are_listed_only_when_there_are_some() {
        let example: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../public/examples/ticket-with-attachments.json"
            ))
            .unwrap(),
        )
        .unwrap();
        let report = build(&delivery(example.clone()), StaffLanguage::ZhHant);
        let (label, value) = report.facts.last().unwrap();
        assert_eq!(label, "附件");
        assert!(
            value.starts_with("console.png (image/png, 302 bytes, sha256 2ede2ff4")
                && value.contains("; boot.log (text/plain, 670 bytes"),
            "{value}"
        );
        let mut plain = example;
        plain.as_object_mut().unwrap().remove("attachments");
        let report = build(&delivery(plain), StaffLanguage::En);
        assert!(report.facts.iter().all(|(label, _)| label != "Attachments"));
    }
}
