//! The types of file a ticket may carry, and the media type each is sent
//! and stored as.

use serde::{Deserialize, Serialize};

/// An allowed type, as sniffed from the content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Png,
    Jpeg,
    Webp,
    Gif,
    Pdf,
    /// Plain text or a log: UTF-8, or UTF-16 with a byte-order mark (see
    /// [`super::text`]).
    Text,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Png,
        Kind::Jpeg,
        Kind::Webp,
        Kind::Gif,
        Kind::Pdf,
        Kind::Text,
    ];

    /// The media type the widget sends as `Content-Type` and the payload
    /// records as `type`.
    pub fn mime(self) -> &'static str {
        match self {
            Kind::Png => "image/png",
            Kind::Jpeg => "image/jpeg",
            Kind::Webp => "image/webp",
            Kind::Gif => "image/gif",
            Kind::Pdf => "application/pdf",
            Kind::Text => "text/plain",
        }
    }

    /// The kind whose canonical media type is exactly `mime`.
    pub fn from_mime(mime: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.mime() == mime)
    }

    /// Images get a thumbnail in the widget; the others a name only.
    pub fn is_image(self) -> bool {
        matches!(self, Kind::Png | Kind::Jpeg | Kind::Webp | Kind::Gif)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_from_its_mime() {
        for k in Kind::ALL {
            assert_eq!(Kind::from_mime(k.mime()), Some(k));
        }
        assert_eq!(Kind::from_mime("image/jpg"), None);
        assert_eq!(Kind::from_mime("IMAGE/PNG"), None);
    }
}
