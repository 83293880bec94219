//! The payload written and the receiver's answers read without serde, for
//! the widget. Field for field what serde's derives do with the types in
//! `payload` (`tests/payload_json.rs` compares them on random tickets).

use super::{Accepted, PolicyFlags, Rejected, Ticket};
use crate::json::{self, Object, ToJson, Value};
use crate::validate::FieldError;

impl Ticket {
    /// The body the widget posts, and shows before sending.
    pub fn to_json(&self) -> String {
        json::to_string(self)
    }
}

impl ToJson for Ticket {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.field("schema_version", &self.schema_version)
            .field("category", &self.category)
            .field("locale", &self.locale)
            .field("email", &self.email)
            .field("name", &self.name)
            .field("service", &self.service)
            .field("subject", &self.subject)
            .field("message", &self.message)
            .field("fields", &self.fields)
            .field("trace_summary", &self.trace_summary)
            .field("policy", &self.policy);
        o.end();
    }
}

impl ToJson for PolicyFlags {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.field("circumvention_terms", &self.circumvention_terms)
            .field("acknowledged", &self.acknowledged)
            .field("out_of_scope_terms", &self.out_of_scope_terms)
            .field("secrets_left", &self.secrets_left);
        o.end();
    }
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key)?.as_str().map(str::to_owned)
}

impl Accepted {
    /// `{"reference": "LK-…"}`; other members are ignored.
    pub fn from_json(body: &str) -> Option<Accepted> {
        let v = json::parse(body)?;
        Some(Accepted {
            reference: text(&v, "reference")?,
        })
    }
}

impl Rejected {
    /// `{"errors": [{"field": …, "code": …}, …]}`; other members are ignored.
    pub fn from_json(body: &str) -> Option<Rejected> {
        let v = json::parse(body)?;
        let errors = v.get("errors")?.as_array()?.iter().map(|e| {
            Some(FieldError {
                field: text(e, "field")?,
                code: text(e, "code")?,
            })
        });
        Some(Rejected {
            errors: errors.collect::<Option<_>>()?,
        })
    }
}
