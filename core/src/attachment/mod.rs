//! Files attached to a ticket (console screenshots, logs, documents): the
//! rules the widget applies before an upload and the receiver applies
//! again on arrival, so both refuse the same files with the same codes.
//!
//! - [`sniff`]: the type is read from the content (magic bytes), never
//!   from the file name; executables are refused whatever they are called.
//! - [`declared`]: the `Content-Type` sent must name the sniffed type.
//! - [`limits`]: how many files, how large, as data, and the check of a list.
//! - [`name`]: the customer's file name, cleaned for display only.
//! - [`exif`]: whether a JPEG carries EXIF (and GPS) metadata, and a copy
//!   without it.
//! - [`payload`]: the `attachments` member of a ticket and its validation.
//! - [`prepare`]: what the widget does to a file before its upload (EXIF
//!   removed, private keys cut from text, findings of the scope guard).

pub mod declared;
pub mod exif;
pub mod kind;
pub mod limits;
pub mod name;
pub mod payload;
pub mod prepare;
pub mod sniff;
pub mod text;

pub use kind::Kind;
pub use limits::{LIMITS, Limits};
pub use payload::Attachment;
pub use sniff::{Sniffed, sniff};

/// Every code the attachment rules produce (for the widget's messages).
pub const ALL_CODES: &[&str] = &[
    limits::TOO_LARGE,
    limits::TOO_MANY,
    limits::TOTAL_TOO_LARGE,
    limits::EMPTY,
    limits::TYPE_NOT_ALLOWED,
    declared::TYPE_MISMATCH,
    payload::ID_INVALID,
    payload::ID_DUPLICATE,
    payload::NAME_INVALID,
    payload::SHA256_INVALID,
    payload::UNKNOWN,
    payload::MISMATCH,
];
