//! The shape of a ticket body, checked before it is read as a [`Ticket`]:
//! every missing member and every member of the wrong type, each named by
//! its path (`email`, `fields.trace`, `policy.circumvention_terms[0]`), so
//! that a client sending well-formed JSON that is not a ticket learns all
//! that is wrong at once (serde would stop at the first problem).

use serde_json::{Map, Value};
use ticket_core::FieldError;
use ticket_core::payload::Ticket;
use ticket_core::trace::TraceSummary;

/// A required member is absent (or `null`).
pub const MISSING: &str = "required";
/// A member is there but of the wrong JSON type (or out of range).
pub const WRONG_TYPE: &str = "type.invalid";

#[derive(Clone, Copy)]
enum Kind {
    String,
    Bool,
    /// An unsigned 32-bit integer.
    Count,
    /// An unsigned 64-bit integer (a file's size).
    Size,
    StringList,
    StringMap,
}

const TOP: &[(&str, Kind, bool)] = &[
    ("schema_version", Kind::Count, true),
    ("category", Kind::String, true),
    ("locale", Kind::String, true),
    ("email", Kind::String, true),
    ("name", Kind::String, false),
    ("service", Kind::String, false),
    ("subject", Kind::String, true),
    ("message", Kind::String, true),
    ("fields", Kind::StringMap, false),
];

const POLICY: &[(&str, Kind)] = &[
    ("circumvention_terms", Kind::StringList),
    ("acknowledged", Kind::Bool),
    ("out_of_scope_terms", Kind::StringList),
    ("secrets_left", Kind::StringList),
];

const FORM: &[(&str, Kind)] = &[("honeypot", Kind::String), ("fill_ms", Kind::Count)];

const PROOF: &[(&str, Kind)] = &[("challenge", Kind::String), ("nonce", Kind::String)];
/// Each item of `attachments`; every member required.
const ATTACHMENT: &[(&str, Kind)] = &[
    ("id", Kind::String),
    ("name", Kind::String),
    ("type", Kind::String),
    ("size", Kind::Size),
    ("sha256", Kind::String),
];

/// The ticket in `value`, or every structural error in it.
pub fn read_ticket(value: &Value) -> Result<Ticket, Vec<FieldError>> {
    let errors = check(value);
    if !errors.is_empty() {
        return Err(errors);
    }
    // The checks above cover every member serde reads; should they ever
    // miss one, the body is still refused with a 422, not a 400.
    serde_json::from_value(value.clone()).map_err(|_| vec![error("body", WRONG_TYPE)])
}

fn check(value: &Value) -> Vec<FieldError> {
    let Some(object) = value.as_object() else {
        return vec![error("body", WRONG_TYPE)];
    };
    let mut errors = Vec::new();
    for &(name, kind, required) in TOP {
        match object.get(name) {
            None | Some(Value::Null) if required => errors.push(error(name, MISSING)),
            // serde fills in an absent optional member, not a `null` one.
            None => {}
            Some(v) => check_kind(name, v, kind, &mut errors),
        }
    }
    match object.get("trace_summary") {
        None | Some(Value::Null) => {}
        Some(v) => {
            if serde_json::from_value::<TraceSummary>(v.clone()).is_err() {
                errors.push(error("trace_summary", WRONG_TYPE));
            }
        }
    }
    check_object("policy", object.get("policy"), POLICY, &mut errors);
    check_object("form", object.get("form"), FORM, &mut errors);
    let proof = object.get("form").and_then(|form| form.get("pow"));
    check_object("form.pow", proof, PROOF, &mut errors);
    match object.get("attachments") {
        None => {}
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                check_item(&format!("attachments[{i}]"), item, ATTACHMENT, &mut errors);
            }
        }
        Some(_) => errors.push(error("attachments", WRONG_TYPE)),
    }
    errors
}

/// An object whose members are all required.
fn check_item(path: &str, value: &Value, members: &[(&str, Kind)], errors: &mut Vec<FieldError>) {
    let Some(object) = value.as_object() else {
        return errors.push(error(path, WRONG_TYPE));
    };
    for &(name, kind) in members {
        let at = format!("{path}.{name}");
        match object.get(name) {
            None | Some(Value::Null) => errors.push(error(&at, MISSING)),
            Some(v) => check_kind(&at, v, kind, errors),
        }
    }
}

/// An optional object whose members are all optional.
fn check_object(
    path: &str,
    value: Option<&Value>,
    members: &[(&str, Kind)],
    errors: &mut Vec<FieldError>,
) {
    let object: &Map<String, Value> = match value {
        None => return,
        Some(Value::Object(o)) => o,
        Some(_) => return errors.push(error(path, WRONG_TYPE)),
    };
    for &(name, kind) in members {
        if let Some(v) = object.get(name) {
            check_kind(&format!("{path}.{name}"), v, kind, errors);
        }
    }
}

fn check_kind(path: &str, value: &Value, kind: Kind, errors: &mut Vec<FieldError>) {
    let ok = match kind {
        Kind::String => value.is_string(),
        Kind::Bool => value.is_boolean(),
        Kind::Count => value.as_u64().is_some_and(|n| u32::try_from(n).is_ok()),
        Kind::Size => value.as_u64().is_some(),
        Kind::StringList => match value.as_array() {
            Some(items) => {
                for (i, item) in items.iter().enumerate() {
                    if !item.is_string() {
                        errors.push(error(&format!("{path}[{i}]"), WRONG_TYPE));
                    }
                }
                true
            }
            None => false,
        },
        Kind::StringMap => match value.as_object() {
            Some(members) => {
                for (key, item) in members {
                    if !item.is_string() {
                        errors.push(error(&format!("{path}.{key}"), WRONG_TYPE));
                    }
                }
                true
            }
            None => false,
        },
    };
    if !ok {
        errors.push(error(path, WRONG_TYPE));
    }
}

fn error(field: &str, code: &str) -> FieldError {
    FieldError {
        field: field.to_owned(),
        code: code.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn errors(value: Value) -> Vec<(String, String)> {
        match read_ticket(&value) {
            Ok(_) => Vec::new(),
            Err(e) => e.into_iter().map(|e| (e.field, e.code)).collect(),
        }
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(f, c)| ((*f).to_owned(), (*c).to_owned()))
            .collect()
    }

    #[test]
    fn an_empty_object_names_every_required_member() {
        assert_eq!(
            errors(json!({})),
            pairs(&[
                ("schema_version", MISSING),
                ("category", MISSING),
                ("locale", MISSING),
                ("email", MISSING),
                ("subject", MISSING),
                ("message", MISSING),
            ])
        );
    }

    #[test]
    fn wrong_types_are_named_by_path() {
        let body = json!({
            "schema_version": -1, "category": 7, "locale": "en", "email": ["a"],
            "subject": "s", "message": "m", "name": null,
            "fields": { "ip": "203.0.113.9", "trace": 5 },
            "trace_summary": "none",
            "policy": { "acknowledged": "yes", "circumvention_terms": ["vpn", 3] },
            "form": { "fill_ms": 1.5, "pow": { "challenge": 1, "nonce": "7" } },
        });
        assert_eq!(
            errors(body),
            pairs(&[
                ("schema_version", WRONG_TYPE),
                ("category", WRONG_TYPE),
                ("email", WRONG_TYPE),
                ("name", WRONG_TYPE),
                ("fields.trace", WRONG_TYPE),
                ("trace_summary", WRONG_TYPE),
                ("policy.circumvention_terms[1]", WRONG_TYPE),
                ("policy.acknowledged", WRONG_TYPE),
                ("form.fill_ms", WRONG_TYPE),
                ("form.pow.challenge", WRONG_TYPE),
            ])
        );
    }

    #[test]
    fn attachments_are_checked_item_by_item() {
        let mut body: Value = serde_json::from_str(
            &std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../public/examples/ticket-with-attachments.json"
            ))
            .unwrap(),
        )
        .unwrap();
        assert!(read_ticket(&body).is_ok());
        body["attachments"][0]["size"] = json!(-1);
        body["attachments"][1] = json!({ "id": 5, "name": "a.log", "type": "text/plain" });
        body["attachments"]
            .as_array_mut()
            .unwrap()
            .push(json!("att_1"));
        assert_eq!(
            errors(body.clone()),
            pairs(&[
                ("attachments[0].size", WRONG_TYPE),
                ("attachments[1].id", WRONG_TYPE),
                ("attachments[1].size", MISSING),
                ("attachments[1].sha256", MISSING),
                ("attachments[2]", WRONG_TYPE),
            ])
        );
        body["attachments"] = json!({});
        assert_eq!(errors(body), pairs(&[("attachments", WRONG_TYPE)]));
    }

    #[test]
    fn anything_but_an_object_is_not_a_ticket() {
        for body in [json!(null), json!([]), json!("ticket"), json!(1)] {
            assert_eq!(errors(body), pairs(&[("body", WRONG_TYPE)]));
        }
    }

    #[test]
    fn the_example_ticket_passes() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../public/examples/ticket.json"
        ))
        .unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        assert!(read_ticket(&value).is_ok());
    }
}
