//! The files of the ticket being written: what the list shows, what each
//! upload has come to, and what the ticket's `attachments` carries. The
//! bytes stay on the JavaScript side (a `Uint8Array` per file), so a
//! 10 MB file is not copied into the wasm memory twice.

use crate::draft::DraftFile;
use crate::file_shelf::KeptMeta;
use crate::retry::Failure;
use crate::upload::Stored;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use ticket_core::attachment::limits::FileFacts;
use ticket_core::attachment::name::clean_name;
use ticket_core::attachment::prepare::Prepared;
use ticket_core::attachment::{Attachment, Kind};

#[derive(Clone, Debug, PartialEq)]
pub enum UploadState {
    /// Added; its upload has not started yet.
    Waiting,
    Uploading,
    Uploaded(Stored),
    /// Failed for now; tried again in `seconds` (or once back online).
    Retrying {
        failure: Failure,
    },
    /// Refused by the receiver: the customer removes it (or sends without).
    Failed {
        code: Option<String>,
    },
}

/// What was done to a file before its upload, and what the scope guard
/// found in a text file (see `ticket_core::attachment::prepare`): shown
/// beside the file, and the findings count in the ticket's `policy`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileNotes {
    /// EXIF or XMP was removed from a JPEG; `location`: it held GPS data.
    pub metadata_removed: bool,
    pub location_removed: bool,
    /// A JPEG whose metadata could not be read: sent as it is.
    pub metadata_unchecked: bool,
    pub private_keys_removed: usize,
    pub secrets: Vec<String>,
    pub circumvention: Vec<String>,
    pub out_of_scope: Vec<String>,
}

impl From<&Prepared> for FileNotes {
    fn from(p: &Prepared) -> FileNotes {
        FileNotes {
            metadata_removed: p.metadata_removed.is_some(),
            location_removed: p.metadata_removed.is_some_and(|m| m.gps),
            metadata_unchecked: p.metadata_unchecked,
            private_keys_removed: p.private_keys_removed,
            secrets: p.secrets.clone(),
            circumvention: p.circumvention.clone(),
            out_of_scope: p.out_of_scope.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct FileEntry {
    /// Unique within this widget, to find the entry after the list changed.
    pub uid: u32,
    /// As the customer's system names it, cleaned for display.
    pub name: String,
    pub size: u64,
    pub kind: Kind,
    pub idempotency_key: String,
    /// An object URL for an image's thumbnail (revoked on removal).
    pub thumbnail: Option<String>,
    pub state: UploadState,
    pub notes: FileNotes,
    /// When it was added (ms since 1970), to keep the order across a reload.
    pub added_ms: f64,
}

impl FileEntry {
    pub fn facts(&self) -> FileFacts {
        FileFacts {
            size: self.size,
            kind: Some(self.kind),
        }
    }

    /// What is kept of it for a reload (`file_shelf`).
    pub fn kept_meta(&self) -> KeptMeta {
        KeptMeta {
            name: self.name.clone(),
            kind: self.kind,
            idempotency_key: self.idempotency_key.clone(),
            added_ms: self.added_ms,
            notes: self.notes.clone(),
            stored: match &self.state {
                UploadState::Uploaded(stored) => Some(stored.clone()),
                _ => None,
            },
        }
    }

    /// What the ticket says of the file, once the receiver holds it.
    pub fn as_attachment(&self) -> Option<Attachment> {
        let UploadState::Uploaded(stored) = &self.state else {
            return None;
        };
        Some(Attachment {
            id: stored.id.clone(),
            name: stored
                .name
                .as_deref()
                .map(clean_name)
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| self.name.clone()),
            r#type: self.kind.mime().to_owned(),
            size: stored.size,
            sha256: stored.sha256.clone(),
        })
    }
}

/// The list, and each file's bytes beside it (kept out of the signal: a
/// JavaScript object is neither `Send` nor comparable).
#[derive(Clone, Copy)]
pub struct Attachments {
    pub files: RwSignal<Vec<FileEntry>>,
    bytes: StoredValue<Vec<(u32, js_sys::Uint8Array)>, LocalStorage>,
    next_uid: StoredValue<u32>,
    /// Why the last file offered was refused: its name and the code.
    pub refusal: RwSignal<Option<(String, &'static str)>>,
    /// False once the browser refused to keep a file for a reload (no
    /// IndexedDB, storage blocked or full): the customer is told that the
    /// files must be added again after one.
    pub kept: RwSignal<bool>,
    /// Files a restored draft had that could not be found again.
    pub lost: RwSignal<Vec<String>>,
    /// The files the draft being restored had.
    expected: StoredValue<Vec<DraftFile>>,
}

impl Attachments {
    pub fn new() -> Attachments {
        Attachments {
            files: RwSignal::new(Vec::new()),
            bytes: StoredValue::new_local(Vec::new()),
            next_uid: StoredValue::new(1),
            refusal: RwSignal::new(None),
            kept: RwSignal::new(true),
            lost: RwSignal::new(Vec::new()),
            expected: StoredValue::new(Vec::new()),
        }
    }

    /// A draft with these files is being restored (see `file_keeping`).
    pub fn expect(&self, files: Vec<DraftFile>) {
        self.expected.set_value(files);
    }

    pub fn take_expected(&self) -> Vec<DraftFile> {
        self.expected
            .try_update_value(std::mem::take)
            .unwrap_or_default()
    }

    /// What the list holds now, for the limits (untracked).
    pub fn facts(&self) -> Vec<FileFacts> {
        self.files
            .with_untracked(|f| f.iter().map(FileEntry::facts).collect())
    }

    /// Like [`Attachments::facts`], `None` once the widget is gone.
    pub fn try_with_facts(&self) -> Option<Vec<FileFacts>> {
        self.files
            .try_with_untracked(|f| f.iter().map(FileEntry::facts).collect())
    }

    pub fn push(&self, mut entry: FileEntry, bytes: js_sys::Uint8Array) -> u32 {
        let uid = self.next_uid.get_value();
        self.next_uid.set_value(uid.wrapping_add(1));
        entry.uid = uid;
        self.bytes.update_value(|b| b.push((uid, bytes)));
        self.files.update(|f| f.push(entry));
        uid
    }

    pub fn bytes_of(&self, uid: u32) -> Option<js_sys::Uint8Array> {
        self.bytes
            .try_with_value(|b| b.iter().find(|(u, _)| *u == uid).map(|(_, a)| a.clone()))
            .flatten()
    }

    /// The entry, if it is still listed (the customer may have removed it
    /// while it was uploading; `None` once the widget is gone too).
    pub fn entry(&self, uid: u32) -> Option<FileEntry> {
        self.files
            .try_with_untracked(|f| f.iter().find(|e| e.uid == uid).cloned())
            .flatten()
    }

    pub fn set_state(&self, uid: u32, state: UploadState) {
        self.files.try_update(|f| {
            if let Some(e) = f.iter_mut().find(|e| e.uid == uid) {
                e.state = state;
            }
        });
    }

    pub fn remove(&self, uid: u32) {
        let mut gone = None;
        self.files.update(|f| {
            if let Some(i) = f.iter().position(|e| e.uid == uid) {
                gone = Some(f.remove(i));
            }
        });
        self.bytes.update_value(|b| b.retain(|(u, _)| *u != uid));
        if let Some(url) = gone.and_then(|e| e.thumbnail) {
            revoke(&url);
        }
        self.refusal.set(None);
    }

    /// Every file gone (the ticket was accepted, or a new one begun).
    pub fn clear(&self) {
        let gone = self.files.try_update(std::mem::take).unwrap_or_default();
        for url in gone.into_iter().filter_map(|e| e.thumbnail) {
            revoke(&url);
        }
        self.bytes.try_update_value(Vec::clear);
        self.refusal.try_set(None);
        self.lost.try_set(Vec::new());
    }

    /// Whether every listed file has an id (tracked). True for no files.
    pub fn all_uploaded(&self) -> bool {
        self.files.with(|f| {
            f.iter()
                .all(|e| matches!(e.state, UploadState::Uploaded(_)))
        })
    }

    /// Whether a file was refused by the receiver (tracked): the ticket
    /// cannot go until the customer removes it.
    pub fn any_failed(&self) -> bool {
        self.files.with(|f| {
            f.iter()
                .any(|e| matches!(e.state, UploadState::Failed { .. }))
        })
    }

    /// The listed files (tracked), for the draft.
    pub fn draft_files(&self) -> Vec<DraftFile> {
        self.files.with(|f| {
            f.iter()
                .map(|e| DraftFile {
                    name: e.name.clone(),
                    key: e.idempotency_key.clone(),
                })
                .collect()
        })
    }

    /// Every listed file's notes (tracked), for the scope guard.
    pub fn notes(&self) -> Vec<FileNotes> {
        self.files
            .with(|f| f.iter().map(|e| e.notes.clone()).collect())
    }

    /// The ticket's `attachments`: the uploaded files, in list order.
    pub fn to_payload(&self) -> Vec<Attachment> {
        self.files
            .with_untracked(|f| f.iter().filter_map(FileEntry::as_attachment).collect())
    }
}

impl Default for Attachments {
    fn default() -> Self {
        Attachments::new()
    }
}

fn revoke(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}
