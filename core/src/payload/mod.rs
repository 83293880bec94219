//! The JSON the widget posts and the receiver stores. Documented as a JSON
//! Schema in `public/ticket.schema.json`; bump [`SCHEMA_VERSION`] on any
//! incompatible change.

use crate::trace::TraceSummary;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ticket {
    pub schema_version: u32,
    /// A category id from the catalog, e.g. `technical.routing`.
    pub category: String,
    /// The language the customer wrote in: `en`, `zh-Hant` or `zh-Hans`.
    pub locale: String,
    pub email: String,
    #[serde(default)]
    pub name: String,
    /// Hostname, IP or service id of the server concerned.
    #[serde(default)]
    pub service: String,
    pub subject: String,
    pub message: String,
    /// Category-specific fields by id (`ip`, `trace`, `direction`, …).
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
    /// What the widget read from the trace paste, for support at a glance.
    #[serde(default)]
    pub trace_summary: Option<TraceSummary>,
    #[serde(default)]
    pub policy: PolicyFlags,
    /// Files uploaded before the ticket (see `attachment`). Left out of
    /// the JSON when empty, so a ticket without files reads, and is
    /// fingerprinted by the receiver, exactly as before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<crate::attachment::Attachment>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyFlags {
    /// Circumvention-software terms found in the ticket text.
    #[serde(default)]
    pub circumvention_terms: Vec<String>,
    /// The customer confirmed they read the policy and still want to submit.
    #[serde(default)]
    pub acknowledged: bool,
    /// Customer-installed software the text mentions (support may decline).
    #[serde(default)]
    pub out_of_scope_terms: Vec<String>,
    /// Kinds of secrets still in the text after the warning (`password`,
    /// `API token`); private keys are always removed before sending.
    #[serde(default)]
    pub secrets_left: Vec<String>,
}

impl Ticket {
    /// The body the widget posts, and shows before sending.
    pub fn to_json(&self) -> String {
        // Cannot fail: every map has string keys, and serde_json writes a
        // non-finite float as `null`.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// All free text a policy check should read.
    pub fn text_for_policy(&self) -> String {
        let mut text = format!("{}\n{}", self.subject, self.message);
        for (k, v) in &self.fields {
            if k != "trace" {
                text.push('\n');
                text.push_str(v);
            }
        }
        text
    }
}

/// Signals from the form itself, posted beside the ticket as the member
/// `form` (see [`Ticket::to_json_with_form`]), for the receiver's spam
/// checks. Both parts are optional on the wire: a receiver may require
/// them, and an older widget sends neither.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormSignals {
    /// The value of a field people never see (hidden off-screen, not
    /// announced): anything but empty means a bot filled in every input.
    #[serde(default)]
    pub honeypot: String,
    /// Milliseconds from the form's first display to the send. A person
    /// takes seconds; a script posting at once takes none.
    #[serde(default)]
    pub fill_ms: Option<u32>,
    /// The answer to the receiver's proof-of-work challenge, when it asks
    /// for one (`GET {endpoint}/challenge`); left out otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pow: Option<Proof>,
}

/// A solved proof-of-work challenge: SHA-256 of `challenge ":" nonce` starts
/// with as many zero bits as the receiver asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proof {
    /// The challenge exactly as the receiver issued it.
    #[serde(default)]
    pub challenge: String,
    /// What the widget found (decimal digits).
    #[serde(default)]
    pub nonce: String,
}

/// The number of leading zero bits of `digest` (a proof's work).
pub fn leading_zero_bits(digest: &[u8]) -> u32 {
    let mut bits = 0;
    for byte in digest {
        bits += byte.leading_zeros();
        if *byte != 0 {
            break;
        }
    }
    bits
}

impl Ticket {
    /// The body to post with the form's signals: the ticket's members and
    /// `"form": {"honeypot": …, "fill_ms": …}`. `form` is not part of the
    /// ticket (nor of the receiver's idempotency fingerprint), so a retry
    /// with a later `fill_ms` is still the same ticket.
    pub fn to_json_with_form(&self, form: &FormSignals) -> String {
        /// Flattened rather than built as a `serde_json::Value`: the
        /// widget then carries no `Value` serializer (several KB of wasm).
        #[derive(Serialize)]
        struct Posted<'a> {
            #[serde(flatten)]
            ticket: &'a Ticket,
            form: &'a FormSignals,
        }
        // Cannot fail, as `to_json`.
        serde_json::to_string(&Posted { ticket: self, form }).unwrap_or_default()
    }
}

/// What the receiver answers with `201 Created`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accepted {
    pub reference: String,
}

/// What the receiver answers with `422 Unprocessable Entity`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejected {
    pub errors: Vec<crate::validate::FieldError>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_json() {
        let mut fields = BTreeMap::new();
        fields.insert("ip".to_owned(), "203.0.113.9".to_owned());
        let t = Ticket {
            schema_version: SCHEMA_VERSION,
            category: "technical.ip".into(),
            locale: "zh-Hant".into(),
            email: "a@b.co".into(),
            name: "陳大文".into(),
            service: "vps-1234".into(),
            subject: "IP".into(),
            message: "請問網關是什麼？".into(),
            fields,
            trace_summary: None,
            policy: PolicyFlags::default(),
            attachments: Vec::new(),
        };
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(serde_json::from_str::<Ticket>(&json).unwrap(), t);
    }

    #[test]
    fn the_form_signals_travel_beside_the_ticket() {
        let json = r#"{"schema_version":1,"category":"inquiry.price","locale":"en",
            "email":"a@b.co","subject":"s","message":"m"}"#;
        let t: Ticket = serde_json::from_str(json).unwrap();
        let form = FormSignals {
            honeypot: String::new(),
            fill_ms: Some(12_345),
            pow: None,
        };
        let sent: serde_json::Value = serde_json::from_str(&t.to_json_with_form(&form)).unwrap();
        assert_eq!(
            sent["form"],
            serde_json::json!({ "honeypot": "", "fill_ms": 12345 })
        );
        assert_eq!(
            serde_json::from_value::<FormSignals>(sent["form"].clone()).unwrap(),
            form
        );
        // The ticket reads as before: `form` is not one of its members.
        assert_eq!(serde_json::from_value::<Ticket>(sent).unwrap(), t);
        assert_eq!(
            serde_json::from_str::<FormSignals>("{}").unwrap(),
            FormSignals::default()
        );
    }

    #[test]
    fn a_proof_travels_in_the_form_and_old_forms_still_read() {
        let form = FormSignals {
            honeypot: String::new(),
            fill_ms: Some(4_000),
            pow: Some(Proof {
                challenge: "c".into(),
                nonce: "42".into(),
            }),
        };
        let json = serde_json::to_value(&form).unwrap();
        assert_eq!(
            json["pow"],
            serde_json::json!({ "challenge": "c", "nonce": "42" })
        );
        assert_eq!(serde_json::from_value::<FormSignals>(json).unwrap(), form);
        let old: FormSignals = serde_json::from_str(r#"{"honeypot":"","fill_ms":1}"#).unwrap();
        assert_eq!(old.pow, None);
    }

    #[test]
    fn counts_leading_zero_bits() {
        assert_eq!(leading_zero_bits(&[0xff]), 0);
        assert_eq!(leading_zero_bits(&[0x00, 0x00, 0x10, 0x00]), 19);
        assert_eq!(leading_zero_bits(&[0x01, 0x00]), 7);
        assert_eq!(leading_zero_bits(&[0, 0]), 16);
        assert_eq!(leading_zero_bits(&[]), 0);
    }

    #[test]
    fn optional_parts_may_be_left_out() {
        let json = r#"{"schema_version":1,"category":"inquiry.price","locale":"en",
            "email":"a@b.co","subject":"s","message":"m"}"#;
        let t: Ticket = serde_json::from_str(json).unwrap();
        assert!(t.fields.is_empty() && t.trace_summary.is_none() && !t.policy.acknowledged);
    }
}
