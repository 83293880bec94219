//! Field-by-field validation shared by the widget (as the customer types) and
//! the receiver (before it stores a ticket). Errors are stable codes; the
//! widget turns each into a message in the customer's language.

use crate::catalog::{self, Category, Field, FieldKind};
use crate::email::{EmailError, MAX_EMAIL_BYTES, check_email, check_email_exact};
use crate::ip::{IpError, MAX_INPUT_CHARS as IP_MAX_CHARS, check_ip};
use crate::normalize::{fold_email, fold_ip};
use crate::payload::{SCHEMA_VERSION, Ticket};
use crate::policy;
use crate::trace::{self, MAX_TRACE_BYTES, NotATrace};

// Length limits of the free-text fields, in characters after trimming
// (see `max_len`).
pub const NAME_MAX: usize = 100;
pub const SERVICE_MAX: usize = 200;
pub const SUBJECT_MAX: usize = 200;
pub const MESSAGE_MAX: usize = 20_000;
pub const MESSAGE_MIN: usize = 10;

/// How a [`MaxLen`] counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LenUnit {
    /// Unicode scalar values (`str::chars`), after trimming.
    Chars,
    /// UTF-8 bytes.
    Bytes,
}

/// The longest value a field's check accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MaxLen {
    pub max: usize,
    pub unit: LenUnit,
}

/// The limit the check of payload key `key` enforces (`None` for keys
/// without one, such as `direction`, and unknown keys): characters for
/// text, bytes for the e-mail address (RFC 5321) and the trace paste.
pub fn max_len(key: &str) -> Option<MaxLen> {
    let chars = |max| {
        Some(MaxLen {
            max,
            unit: LenUnit::Chars,
        })
    };
    match key {
        "email" => Some(MaxLen {
            max: MAX_EMAIL_BYTES,
            unit: LenUnit::Bytes,
        }),
        "name" => chars(NAME_MAX),
        "service" => chars(SERVICE_MAX),
        "subject" => chars(SUBJECT_MAX),
        "message" => chars(MESSAGE_MAX),
        other => match Field::from_id(other)?.kind() {
            FieldKind::Text { max_chars } => chars(max_chars),
            FieldKind::Ip => chars(IP_MAX_CHARS),
            FieldKind::Trace => Some(MaxLen {
                max: MAX_TRACE_BYTES,
                unit: LenUnit::Bytes,
            }),
            FieldKind::Choice(_) => None,
        },
    }
}

/// `Some(limit)` exactly when the check of `key` would refuse `value` as
/// too long: for refusing an over-limit paste before it lands, naming the
/// limit. Measures as the check does (trimmed characters, folded e-mail
/// bytes, raw trace bytes).
pub fn exceeds_max_len(key: &str, value: &str) -> Option<MaxLen> {
    let limit = max_len(key)?;
    let over = match key {
        "email" => fold_email(value).len() > limit.max,
        _ if is_ip_key(key) => matches!(check_ip(value), Err(IpError::TooLong)),
        _ => match limit.unit {
            LenUnit::Chars => value.trim().chars().count() > limit.max,
            LenUnit::Bytes => value.len() > limit.max,
        },
    };
    over.then_some(limit)
}

fn is_ip_key(key: &str) -> bool {
    Field::from_id(key).is_some_and(|f| f.kind() == FieldKind::Ip)
}

/// The value to send (and show) for payload key `key` once its check
/// passed: the e-mail and IP fields folded as their checks read them
/// (`ｃｈａｎ＠ｅｘａｍｐｌｅ．ｃｏｍ` → `chan@example.com`, trimmed);
/// every other field unchanged.
pub fn fold_for_field(key: &str, value: &str) -> String {
    if key == "email" {
        fold_email(value)
    } else if is_ip_key(key) {
        fold_ip(value)
    } else {
        value.to_owned()
    }
}

/// Where a value comes from. Typed text is folded before it is checked;
/// a payload must carry the folded form already (the receiver stores
/// what it checked, not a variant of it).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Source {
    Typed,
    Sent,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FieldError {
    /// The payload key: `email`, `subject`, … or a category field id.
    pub field: String,
    pub code: String,
}

/// Codes produced here beyond those of the e-mail, IP and trace checks.
const OWN_CODES: &[&str] = &[
    "required",
    "too_long",
    "too_short",
    "choice.invalid",
    "schema.unsupported",
    "category.unknown",
    "locale.unknown",
    "field.unknown",
    "policy.unacknowledged",
];

/// Every error code validation can produce (each needs a message in every
/// locale; the widget's locale test checks that).
pub fn all_error_codes() -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = OWN_CODES.to_vec();
    codes.extend(EmailError::ALL.iter().map(|e| e.code()));
    codes.extend(IpError::ALL.iter().map(|e| e.code()));
    codes.extend(NotATrace::ALL.iter().map(|e| e.code()));
    codes.extend(crate::attachment::ALL_CODES);
    codes.sort_unstable();
    codes.dedup();
    codes
}

fn text_len(value: &str, min: usize, max: usize, required: bool) -> Result<(), &'static str> {
    let n = value.trim().chars().count();
    match n {
        0 if required => Err("required"),
        0 => Ok(()),
        n if n > max => Err("too_long"),
        n if n < min => Err("too_short"),
        _ => Ok(()),
    }
}

/// Checks one field as the customer types. `field` is the payload key.
/// Returns the error code, if any.
pub fn check_field(
    field: &str,
    value: &str,
    category: Option<&Category>,
) -> Result<(), &'static str> {
    check_value(field, value, category, Source::Typed)
}

fn check_value(
    field: &str,
    value: &str,
    category: Option<&Category>,
    source: Source,
) -> Result<(), &'static str> {
    match field {
        "email" if source == Source::Sent => check_email_exact(value).map_err(EmailError::code),
        "email" => check_email(value).map(drop).map_err(EmailError::code),
        "name" => text_len(value, 0, NAME_MAX, false),
        "service" => text_len(
            value,
            0,
            SERVICE_MAX,
            category.is_some_and(|c| c.service_required),
        ),
        "subject" => text_len(value, 0, SUBJECT_MAX, true),
        "message" => text_len(value, MESSAGE_MIN, MESSAGE_MAX, true),
        other => {
            let Some(f) = Field::from_id(other) else {
                return Err("field.unknown");
            };
            let required = category
                .and_then(|c| c.field_spec(f))
                .is_some_and(|s| s.required);
            check_category_field(f, value, required, source)
        }
    }
}

fn check_category_field(
    field: Field,
    value: &str,
    required: bool,
    source: Source,
) -> Result<(), &'static str> {
    if value.trim().is_empty() {
        return if required { Err("required") } else { Ok(()) };
    }
    match field.kind() {
        FieldKind::Text { max_chars } => text_len(value, 0, max_chars, required),
        FieldKind::Ip => {
            check_ip(value).map_err(IpError::code)?;
            // A payload must carry the folded form the check read.
            if source == Source::Sent && fold_ip(value) != value {
                return Err(IpError::Invalid.code());
            }
            Ok(())
        }
        FieldKind::Trace => trace::parse(value).map(drop).map_err(NotATrace::code),
        FieldKind::Choice(options) => {
            if options.contains(&value) {
                Ok(())
            } else {
                Err("choice.invalid")
            }
        }
    }
}

/// The languages the widget speaks (BCP 47 tags, as its `Lang::tag`; the
/// widget's locale test checks the two lists agree).
pub const LOCALES: &[&str] = &["en", "zh-Hant", "zh-Hans"];

/// Everything wrong with a ticket, as the receiver sees it. Empty means valid.
pub fn validate_ticket(t: &Ticket) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut push = |field: &str, code: &str| {
        errors.push(FieldError {
            field: field.to_owned(),
            code: code.to_owned(),
        })
    };
    if t.schema_version != SCHEMA_VERSION {
        push("schema_version", "schema.unsupported");
    }
    if !LOCALES.contains(&t.locale.as_str()) {
        push("locale", "locale.unknown");
    }
    let category = catalog::find(&t.category);
    if category.is_none() {
        push("category", "category.unknown");
    }
    for (field, value) in [
        ("email", &t.email),
        ("name", &t.name),
        ("service", &t.service),
        ("subject", &t.subject),
        ("message", &t.message),
    ] {
        if let Err(code) = check_value(field, value, category, Source::Sent) {
            push(field, code);
        }
    }
    if let Some(category) = category {
        for spec in category.fields {
            let value = t.fields.get(spec.field.id()).map_or("", String::as_str);
            if let Err(code) = check_category_field(spec.field, value, spec.required, Source::Sent)
            {
                push(spec.field.id(), code);
            }
        }
        for key in t.fields.keys() {
            if Field::from_id(key).is_none_or(|f| category.field_spec(f).is_none()) {
                push(key, "field.unknown");
            }
        }
    }
    let found = policy::circumvention_terms(&t.text_for_policy());
    if !found.is_empty() && !t.policy.acknowledged {
        push("policy", "policy.unacknowledged");
    }
    errors.extend(crate::attachment::payload::validate_list(&t.attachments));
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::payload::PolicyFlags;
    use std::collections::BTreeMap;

    fn ticket(category: &str) -> Ticket {
        Ticket {
            schema_version: SCHEMA_VERSION,
            category: category.into(),
            locale: "en".into(),
            email: "customer@example.com".into(),
            name: String::new(),
            service: "vps-1".into(),
            subject: "Question".into(),
            message: "What does the plan include?".into(),
            fields: BTreeMap::new(),
            trace_summary: None,
            policy: PolicyFlags::default(),
            attachments: Vec::new(),
        }
    }

    fn codes(t: &Ticket) -> Vec<(String, String)> {
        validate_ticket(t)
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    #[test]
    fn a_plain_inquiry_is_valid() {
        assert!(validate_ticket(&ticket("inquiry.plan")).is_empty());
    }

    #[test]
    fn every_language_of_the_widget_is_accepted_and_no_other() {
        for locale in ["en", "zh-Hant", "zh-Hans"] {
            let mut t = ticket("inquiry.plan");
            t.locale = locale.into();
            assert!(validate_ticket(&t).is_empty(), "{locale}");
        }
        for locale in ["zh-CN", "zh", "zh-hans", "fr", ""] {
            let mut t = ticket("inquiry.plan");
            t.locale = locale.into();
            assert_eq!(
                codes(&t),
                [("locale".into(), "locale.unknown".into())],
                "{locale}"
            );
        }
    }

    #[test]
    fn missing_category_fields_are_reported_by_field() {
        let t = ticket("technical.routing");
        assert_eq!(
            codes(&t),
            [
                ("trace".into(), "required".into()),
                ("direction".into(), "required".into())
            ]
        );
    }

    #[test]
    fn unknown_fields_and_categories_are_rejected() {
        let mut t = ticket("technical.ip");
        t.fields.insert("ip".into(), "8.8.8.8".into());
        t.fields.insert("trace".into(), "1 x".into());
        assert_eq!(codes(&t), [("trace".into(), "field.unknown".into())]);
        let t = ticket("technical.nope");
        assert_eq!(codes(&t), [("category".into(), "category.unknown".into())]);
    }

    #[test]
    fn service_is_required_for_technical_tickets_only() {
        let mut t = ticket("technical.general");
        t.service.clear();
        assert_eq!(codes(&t), [("service".into(), "required".into())]);
        let mut t = ticket("inquiry.price");
        t.service.clear();
        assert!(codes(&t).is_empty());
    }

    #[test]
    fn circumvention_needs_acknowledgement() {
        let mut t = ticket("technical.general");
        t.message = "Please help me install V2Ray".into();
        assert_eq!(
            codes(&t),
            [("policy".into(), "policy.unacknowledged".into())]
        );
        t.policy.acknowledged = true;
        assert!(codes(&t).is_empty());
    }

    #[test]
    fn live_checks_give_codes() {
        assert_eq!(check_field("email", "x", None), Err("email.no_at"));
        assert_eq!(check_field("message", "short", None), Err("too_short"));
        assert_eq!(check_field("ip", "010.0.0.1", None), Err("ip.leading_zero"));
        assert_eq!(
            check_field("direction", "sideways", None),
            Err("choice.invalid")
        );
        assert_eq!(check_field("bogus", "", None), Err("field.unknown"));
    }

    #[test]
    fn error_code_list_is_complete_and_unique() {
        let codes = all_error_codes();
        for c in ["required", "email.no_at", "ip.leading_zero", "trace.ping"] {
            assert!(codes.contains(&c), "{c}");
        }
    }
}
