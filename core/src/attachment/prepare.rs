//! What happens to a file between the customer choosing it and its upload,
//! so the widget sends nothing the customer would not want sent:
//!
//! - a JPEG loses its EXIF and XMP segments (where it was taken, with what
//!   device): a console screenshot needs neither, and a phone photo of a
//!   document should not tell support where the customer lives. Only the
//!   orientation is kept (see [`super::exif::strip`]), so a photo taken
//!   with the phone turned does not show sideways.
//! - a text file is read with the same scope guard as the message: private
//!   keys are cut out (a private key is never sent, wherever it was
//!   pasted), other secrets and circumvention terms are reported so the
//!   widget can warn and the ticket's `policy` can record them.
//!
//! Other kinds go as they are. Nothing here fails: a JPEG that cannot be
//! parsed is sent unchanged and reported as unchecked.

use super::exif::{self, Metadata};
use super::kind::Kind;
use super::text;
use crate::policy::{self, PRIVATE_KEY_TERM};

/// The outcome for one file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prepared {
    /// The bytes to upload instead of the customer's, if they differ.
    pub replaced: Option<Vec<u8>>,
    /// JPEG metadata that was removed (`None`: none, or not a JPEG).
    pub metadata_removed: Option<Metadata>,
    /// A JPEG whose segments could not be read: sent unchanged, and the
    /// customer told its metadata could not be checked.
    pub metadata_unchecked: bool,
    /// How many private keys were cut out of a text file.
    pub private_keys_removed: usize,
    /// Other secrets left in a text file (`password`, `API token`), by kind.
    pub secrets: Vec<String>,
    /// Circumvention terms in a text file, as the message's scope guard
    /// names them.
    pub circumvention: Vec<String>,
    /// Software outside the scope named in a text file.
    pub out_of_scope: Vec<String>,
}

/// Prepares `bytes`, already sniffed as `kind`, for upload.
pub fn prepare(kind: Kind, bytes: &[u8]) -> Prepared {
    match kind {
        Kind::Jpeg => jpeg(bytes),
        Kind::Text => text_file(bytes),
        _ => Prepared::default(),
    }
}

fn jpeg(bytes: &[u8]) -> Prepared {
    let found = match exif::inspect(bytes) {
        Ok(found) => found,
        Err(_) => {
            return Prepared {
                metadata_unchecked: true,
                ..Prepared::default()
            };
        }
    };
    if !found.any() {
        return Prepared::default();
    }
    match exif::strip(bytes) {
        Ok(stripped) => Prepared {
            replaced: Some(stripped),
            metadata_removed: Some(found),
            ..Prepared::default()
        },
        Err(_) => Prepared {
            metadata_unchecked: true,
            ..Prepared::default()
        },
    }
}

fn text_file(bytes: &[u8]) -> Prepared {
    let Some(content) = text::decode(bytes) else {
        return Prepared::default();
    };
    let report = policy::check(&content);
    let (keys, others): (Vec<_>, Vec<_>) = report
        .secrets
        .into_iter()
        .partition(|s| s.term == PRIVATE_KEY_TERM);
    // Re-encoded as UTF-8 only when a key was cut: otherwise the customer's
    // bytes go exactly as they are (UTF-16 logs included).
    let replaced = (!keys.is_empty()).then(|| policy::redact_secrets(&content, &keys).into_bytes());
    Prepared {
        replaced,
        private_keys_removed: keys.len(),
        secrets: policy::distinct_terms(&others),
        circumvention: policy::distinct_terms(&report.circumvention),
        out_of_scope: policy::distinct_terms(&report.out_of_scope),
        ..Prepared::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attachment::exif::tests::{exif, jpeg};

    const KEY: &str = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACDJ2V5sZXhhbXBsZWtleW5vdHJlYWxub3RyZWFsbm90cmVhbAAAAJg=\n-----END OPENSSH PRIVATE KEY-----\n";

    #[test]
    fn a_jpeg_loses_its_location_and_device() {
        let located = jpeg(Some(&exif(&[0x010F, 0x8825])));
        let p = prepare(Kind::Jpeg, &located);
        assert_eq!(p.replaced.as_deref(), Some(jpeg(None).as_slice()));
        let removed = p.metadata_removed.unwrap();
        assert!(removed.exif && removed.gps);
        assert!(!p.metadata_unchecked);
    }

    #[test]
    fn a_clean_jpeg_goes_unchanged() {
        assert_eq!(prepare(Kind::Jpeg, &jpeg(None)), Prepared::default());
    }

    #[test]
    fn an_unreadable_jpeg_goes_unchanged_and_says_so() {
        let located = jpeg(Some(&exif(&[0x8825])));
        let p = prepare(Kind::Jpeg, &located[..located.len() / 2]);
        assert!(p.metadata_unchecked);
        assert_eq!(p.replaced, None);
    }

    #[test]
    fn a_private_key_is_cut_from_a_text_file_and_the_rest_kept() {
        let config = format!("server {{ listen 443; }}\n{KEY}# end\n");
        let p = prepare(Kind::Text, config.as_bytes());
        assert_eq!(p.private_keys_removed, 1);
        let sent = String::from_utf8(p.replaced.unwrap()).unwrap();
        assert!(!sent.contains("PRIVATE KEY"), "{sent}");
        assert!(sent.starts_with("server { listen 443; }\n"));
        assert!(sent.ends_with("# end\n"));
    }

    #[test]
    fn a_utf16_log_is_read_too() {
        let text = format!("log\r\n{KEY}");
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        let p = prepare(Kind::Text, &utf16);
        assert_eq!(p.private_keys_removed, 1);
        assert!(
            String::from_utf8(p.replaced.unwrap())
                .unwrap()
                .starts_with("log\r\n")
        );
    }

    #[test]
    fn other_findings_are_reported_and_the_bytes_kept() {
        let log = "password: hunter2hunter2\nShadowsocks started\nnginx restarted\n";
        let p = prepare(Kind::Text, log.as_bytes());
        assert_eq!(p.replaced, None);
        assert_eq!(p.private_keys_removed, 0);
        assert_eq!(p.secrets, ["password"]);
        assert_eq!(p.circumvention, ["Shadowsocks"]);
        assert_eq!(p.out_of_scope, ["nginx"]);
    }

    #[test]
    fn images_and_documents_are_not_touched() {
        for kind in [Kind::Png, Kind::Webp, Kind::Gif, Kind::Pdf] {
            assert_eq!(prepare(kind, KEY.as_bytes()), Prepared::default());
        }
    }
}
