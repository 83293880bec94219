//! The `attachments` member of a ticket: the files the receiver already
//! holds (uploaded one by one to `{endpoint}/attachments`), each named by
//! the id it answered, with what the widget knows of it. The receiver
//! checks the list against what it stored.

use super::kind::Kind;
use super::limits::{self, FileFacts, LIMITS};
use super::name::clean_name;
use crate::validate::FieldError;
use serde::{Deserialize, Serialize};

pub const ID_INVALID: &str = "attachment.id_invalid";
pub const ID_DUPLICATE: &str = "attachment.id_duplicate";
pub const NAME_INVALID: &str = "attachment.name_invalid";
pub const SHA256_INVALID: &str = "attachment.sha256_invalid";
/// The receiver's check against what it stored (not this module's, which
/// cannot know): the ticket names an id it does not hold (never issued,
/// or an upload it has since cleaned up)…
pub const UNKNOWN: &str = "attachment.unknown";
/// …or its `sha256`, `size` or `type` differ from the stored file's. The
/// widget uploads such files again and resends the ticket.
pub const MISMATCH: &str = "attachment.mismatch";

/// The longest id accepted (the reference receiver's are 36 characters).
pub const MAX_ID_LEN: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// The id the receiver answered the upload with: 1–64 ASCII letters,
    /// digits, `-` and `_`.
    pub id: String,
    /// The file name for display, as [`clean_name`] leaves it.
    pub name: String,
    /// The sniffed type's media type ([`Kind::mime`]).
    #[serde(rename = "type")]
    pub r#type: String,
    /// Bytes.
    pub size: u64,
    /// SHA-256 of the bytes uploaded, 64 lowercase hex digits.
    pub sha256: String,
}

/// True for an id the receiver may have issued.
pub fn is_valid_id(id: &str) -> bool {
    (1..=MAX_ID_LEN).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// True for 64 lowercase hex digits.
pub fn is_sha256_hex(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Every problem in a ticket's `attachments`, each named by its path
/// (`attachments[1].size`; `attachments` for the list as a whole).
pub fn validate_list(list: &[Attachment]) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut push = |field: String, code: &str| {
        errors.push(FieldError {
            field,
            code: code.to_owned(),
        });
    };
    let mut facts = Vec::with_capacity(list.len());
    for (i, a) in list.iter().enumerate() {
        let at = |member: &str| format!("attachments[{i}].{member}");
        if !is_valid_id(&a.id) {
            push(at("id"), ID_INVALID);
        } else if list[..i].iter().any(|b| b.id == a.id) {
            push(at("id"), ID_DUPLICATE);
        }
        if a.name.is_empty() || clean_name(&a.name) != a.name {
            push(at("name"), NAME_INVALID);
        }
        if !is_sha256_hex(&a.sha256) {
            push(at("sha256"), SHA256_INVALID);
        }
        facts.push(FileFacts {
            size: a.size,
            kind: Kind::from_mime(&a.r#type),
        });
    }
    for e in LIMITS.check_list(&facts) {
        match e.index {
            Some(i) if e.code == limits::TYPE_NOT_ALLOWED => {
                push(format!("attachments[{i}].type"), e.code);
            }
            Some(i) if e.code == limits::TOO_MANY => {
                push(format!("attachments[{i}]"), e.code);
            }
            Some(i) => push(format!("attachments[{i}].size"), e.code),
            None => push("attachments".to_owned(), e.code),
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn attachment(n: u8) -> Attachment {
        Attachment {
            id: format!("att_{n:032x}"),
            name: "console.png".into(),
            r#type: "image/png".into(),
            size: 1234,
            sha256: "ab".repeat(32),
        }
    }

    fn fields(list: &[Attachment]) -> Vec<(String, String)> {
        validate_list(list)
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    #[test]
    fn a_good_list_passes_and_reads_back() {
        let list = vec![attachment(1), attachment(2)];
        assert!(validate_list(&list).is_empty());
        let json = serde_json::to_string(&list[0]).unwrap();
        assert!(json.contains(r#""type":"image/png""#), "{json}");
        assert_eq!(serde_json::from_str::<Attachment>(&json).unwrap(), list[0]);
    }

    #[test]
    fn each_member_is_checked_by_path() {
        let mut a = attachment(1);
        a.id = "../x".into();
        a.name = "a/b.png".into();
        a.r#type = "application/x-msdownload".into();
        a.sha256 = "AB".repeat(32);
        let mut b = attachment(2);
        b.size = 11 * 1024 * 1024;
        let c = attachment(2);
        assert_eq!(
            fields(&[a, b, c]),
            [
                ("attachments[0].id", ID_INVALID),
                ("attachments[0].name", NAME_INVALID),
                ("attachments[0].sha256", SHA256_INVALID),
                ("attachments[2].id", ID_DUPLICATE),
                ("attachments[0].type", limits::TYPE_NOT_ALLOWED),
                ("attachments[1].size", limits::TOO_LARGE),
            ]
            .map(|(f, c)| (f.to_owned(), c.to_owned()))
        );
    }

    #[test]
    fn count_and_total_are_checked() {
        let six: Vec<Attachment> = (0..6).map(attachment).collect();
        assert_eq!(
            fields(&six),
            [("attachments[5]".to_owned(), limits::TOO_MANY.to_owned())]
        );
        let mut big: Vec<Attachment> = (0..3).map(attachment).collect();
        for a in &mut big {
            a.size = 9 * 1024 * 1024;
        }
        assert_eq!(
            fields(&big),
            [("attachments".to_owned(), limits::TOTAL_TOO_LARGE.to_owned())]
        );
    }
}
