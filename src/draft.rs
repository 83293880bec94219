//! What a draft holds, so a reload or a crash loses nothing, and its JSON
//! (pure, tested natively). Where drafts are stored is `draft_store`'s job;
//! when, `draft_keeping`'s.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Drafts saved by earlier versions still load: only the key is required,
/// and a member of the wrong type discards the draft.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// Sent as `Idempotency-Key` on every attempt for this ticket.
    pub idempotency_key: String,
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub group: Option<String>,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub service: String,
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
    /// When the ticket was begun (ms since 1970; 0: not known), so that a
    /// restored draft sent at once is not taken for a bot's fast form.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub began_at_ms: u64,
    /// The attached files (their bytes wait in IndexedDB, `file_shelf`):
    /// the draft says which kept files are its own, and names those that
    /// could not be kept when it comes back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<DraftFile>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftFile {
    pub name: String,
    /// The file's idempotency key: its record's key on the shelf.
    pub key: String,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl Draft {
    /// A draft worth restoring has something the customer typed or chose.
    /// A chosen category alone is not worth a "draft restored" notice.
    pub fn has_content(&self) -> bool {
        [&self.subject, &self.message]
            .iter()
            .any(|s| !s.trim().is_empty())
            || self.fields.values().any(|v| !v.trim().is_empty())
            || !self.files.is_empty()
    }

    pub fn from_json(saved: &str) -> Option<Draft> {
        serde_json::from_str(saved).ok()
    }

    pub fn to_json(&self) -> String {
        // Cannot fail: strings and a map with string keys.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// A random version-4 UUID. `getRandomValues` also works on plain-HTTP pages,
/// where `crypto.randomUUID` is missing.
pub fn new_idempotency_key() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    uuid_v4(bytes)
}

pub fn uuid_v4(mut bytes: [u8; 16]) -> String {
    use std::fmt::Write;
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let mut id = String::with_capacity(36);
    for (i, b) in bytes.into_iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            id.push('-');
        }
        let _ = write!(id, "{b:02x}");
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_tolerates_old_or_broken_json() {
        let mut d = Draft {
            idempotency_key: "k".into(),
            category: Some("technical.routing".into()),
            message: "晚上丟包".into(),
            ..Draft::default()
        };
        d.fields.insert("trace".into(), "1 x".into());
        assert_eq!(Draft::from_json(&d.to_json()), Some(d.clone()));
        d.began_at_ms = 1_796_000_000_000;
        assert!(d.to_json().contains("\"began_at_ms\":1796000000000"));
        assert_eq!(Draft::from_json(&d.to_json()), Some(d));
        assert_eq!(
            Draft::from_json("{\"idempotency_key\":\"k\"}").map(|d| d.has_content()),
            Some(false)
        );
        assert_eq!(Draft::from_json("not json"), None);
        assert_eq!(Draft::from_json("{\"idempotency_key\":1}"), None);
        assert_eq!(Draft::from_json("{\"message\":\"m\"}"), None);
        assert_eq!(
            Draft::from_json("{\"idempotency_key\":\"k\",\"fields\":{\"a\":1}}"),
            None
        );
        assert_eq!(
            Draft::from_json("{\"idempotency_key\":\"k\",\"subject\":null}"),
            None
        );
    }

    #[test]
    fn reads_drafts_saved_by_earlier_versions() {
        let saved = r#"{"idempotency_key":"k","category":"technical.routing","group":null,"email":"a@b.co","name":"","service":"","subject":"s","message":"晚上\n丟包","fields":{"trace":"1 x"}}"#;
        let d = Draft::from_json(saved).unwrap();
        assert_eq!(d.message, "晚上\n丟包");
        assert_eq!(
            (d.category.as_deref(), d.group.as_deref()),
            (Some("technical.routing"), None)
        );
        assert_eq!(d.to_json(), saved);
    }

    #[test]
    fn a_draft_with_only_files_is_worth_keeping_and_names_them_by_key() {
        let d = Draft {
            idempotency_key: "k".into(),
            files: vec![DraftFile {
                name: "console.png".into(),
                key: "f1".into(),
            }],
            ..Draft::default()
        };
        assert!(d.has_content());
        assert!(
            d.to_json()
                .contains(r#""files":[{"name":"console.png","key":"f1"}]"#)
        );
        assert_eq!(Draft::from_json(&d.to_json()), Some(d));
        // Without files, the member is left out (and drafts from before
        // attachments load as having none).
        assert!(!Draft::default().to_json().contains("files"));
    }

    #[test]
    fn uuids_are_version_4() {
        let id = uuid_v4([0xff; 16]);
        assert_eq!(id, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        let bytes: [u8; 16] = std::array::from_fn(|i| (i * 17) as u8);
        assert_eq!(uuid_v4(bytes), "00112233-4455-4677-8899-aabbccddeeff");
        assert_eq!(uuid_v4([0; 16]).len(), 36);
    }
}
