//! The declared type (`Content-Type` of an upload, `type` in the payload)
//! must name the type sniffed from the content.
//!
//! The media type is compared without its parameters (`; charset=utf-8`)
//! and case-insensitively. Besides each type's canonical name
//! ([`Kind::mime`]) a few names that browsers and tools really send are
//! accepted: `image/jpg` and `image/pjpeg` for JPEG, `text/x-log` and
//! `text/log` for text. A missing or generic type
//! (`application/octet-stream`) does not agree with anything: the widget
//! always sends the type it sniffed, so only a client that did not look at
//! the content sends one, and it must look.

use super::kind::Kind;

/// The code for a declared type that does not match the content.
pub const TYPE_MISMATCH: &str = "attachment.type_mismatch";

const ALIASES: &[(&str, Kind)] = &[
    ("image/jpg", Kind::Jpeg),
    ("image/pjpeg", Kind::Jpeg),
    ("text/x-log", Kind::Text),
    ("text/log", Kind::Text),
];

/// The kind a `Content-Type` value names, if it names an allowed one.
pub fn declared_kind(content_type: &str) -> Option<Kind> {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    Kind::from_mime(&essence).or_else(|| {
        ALIASES
            .iter()
            .find(|(name, _)| *name == essence)
            .map(|(_, kind)| *kind)
    })
}

/// True when `content_type` names `sniffed`.
pub fn agrees(content_type: &str, sniffed: Kind) -> bool {
    declared_kind(content_type) == Some(sniffed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_case_and_aliases() {
        assert!(agrees("text/plain; charset=utf-8", Kind::Text));
        assert!(agrees(" Image/PNG ", Kind::Png));
        assert!(agrees("image/jpg", Kind::Jpeg));
        assert!(agrees("text/x-log", Kind::Text));
    }

    #[test]
    fn a_different_generic_or_missing_type_disagrees() {
        assert!(!agrees("image/png", Kind::Text));
        assert!(!agrees("image/jpeg", Kind::Png));
        assert!(!agrees("application/octet-stream", Kind::Pdf));
        assert!(!agrees("", Kind::Text));
        assert!(!agrees("text/html", Kind::Text));
    }
}
