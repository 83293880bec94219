//! The form's own spam signals (`form.honeypot`, `form.fill_ms`; see
//! `ticket_core::payload::FormSignals`), checked before anything is stored.

use super::reply::Reply;
use axum::http::header::RETRY_AFTER;
use ticket_core::payload::FormSignals;

pub struct SpamPolicy {
    /// A send sooner than this after the form appeared is a script's.
    pub min_fill_ms: u32,
    /// Refuse bodies without `form.fill_ms` (once every widget sends it).
    pub require_form: bool,
}

impl Default for SpamPolicy {
    fn default() -> SpamPolicy {
        SpamPolicy {
            min_fill_ms: 3_000,
            require_form: false,
        }
    }
}

/// `Err(422)` with `spam.honeypot` or `required`; `Err(429)` with
/// `spam.too_fast` and `Retry-After`: the seconds still missing. A person
/// who is simply fast (or sends a draft restored from an earlier visit
/// right away) is not refused: the widget waits those seconds, as for any
/// 429, and sends again with a `fill_ms` that has grown past the minimum.
/// A script gains nothing it could not have by waiting in the first place.
pub fn check(body: &serde_json::Value, policy: &SpamPolicy) -> Result<(), Reply> {
    // The structure check has already refused a `form` of the wrong shape.
    let form: FormSignals = match body.get("form") {
        Some(form) => serde_json::from_value(form.clone()).unwrap_or_default(),
        None => FormSignals::default(),
    };
    if !form.honeypot.is_empty() {
        eprintln!("refused a ticket: the honeypot field was filled in");
        return Err(Reply::error(422, "form.honeypot", "spam.honeypot"));
    }
    match form.fill_ms {
        Some(ms) if ms < policy.min_fill_ms => {
            eprintln!("refused a ticket filled in {ms} ms: 429");
            let wait_s = (policy.min_fill_ms - ms).div_ceil(1000).max(1);
            Err(Reply::error(429, "form.fill_ms", "spam.too_fast")
                .with_header(RETRY_AFTER, wait_s.to_string()))
        }
        None if policy.require_form => Err(Reply::error(422, "form.fill_ms", "required")),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn code(body: serde_json::Value, policy: &SpamPolicy) -> Option<String> {
        check(&body, policy).err().map(|r| {
            let v: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
            format!(
                "{} {}",
                v["errors"][0]["field"].as_str().unwrap(),
                v["errors"][0]["code"].as_str().unwrap()
            )
        })
    }

    #[test]
    fn honeypot_and_fill_time() {
        let p = SpamPolicy::default();
        assert_eq!(code(json!({}), &p), None);
        assert_eq!(
            code(json!({ "form": { "honeypot": "", "fill_ms": 3000 } }), &p),
            None
        );
        assert_eq!(
            code(
                json!({ "form": { "honeypot": "http://spam", "fill_ms": 90000 } }),
                &p
            )
            .as_deref(),
            Some("form.honeypot spam.honeypot")
        );
        assert_eq!(
            code(json!({ "form": { "fill_ms": 2999 } }), &p).as_deref(),
            Some("form.fill_ms spam.too_fast")
        );
        let wait = |fill_ms: u32| {
            let reply = check(&json!({ "form": { "fill_ms": fill_ms } }), &p).unwrap_err();
            let header = reply.headers.iter().find(|(name, _)| *name == RETRY_AFTER);
            (reply.status, header.map(|(_, v)| v.clone()))
        };
        assert_eq!(wait(2999), (429, Some("1".to_owned())));
        assert_eq!(wait(0), (429, Some("3".to_owned())));
        assert_eq!(wait(1999), (429, Some("2".to_owned())));
        let strict = SpamPolicy {
            require_form: true,
            ..SpamPolicy::default()
        };
        assert_eq!(
            code(json!({ "form": {} }), &strict).as_deref(),
            Some("form.fill_ms required")
        );
    }
}
