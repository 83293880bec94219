//! Keeping the listed files on the draft's shelf (`file_shelf`): each is
//! kept when added and again once uploaded, and forgotten when removed.
//!
//! Putting a draft's files back: after a reload from this draft's own
//! shelf, or, when the customer continues a draft another tab left, from
//! that draft's shelf (the files then move to this one). The draft names
//! its files by key: a record it does not name (left by an earlier ticket
//! in the same slot) goes, and a file it names that the shelf does not have
//! is named next to the field, so the customer knows to add it again.
//! Uploads that had not finished resume. (A file added in the 400 ms
//! before a reload, before the draft was saved with it, is not restored:
//! the draft decides.)

use crate::attachments::{FileEntry, UploadState};
use crate::draft::DraftFile;
use crate::file_shelf::{FileShelf, KeptFile};
use crate::uploading::Uploader;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ticket_core::attachment::LIMITS;
use ticket_core::attachment::limits::FileFacts;

impl Uploader {
    /// The shelf of this widget's draft, if it has one.
    pub(crate) fn shelf(self) -> Option<FileShelf> {
        self.slot
            .try_with_value(|s| s.as_ref().map(|s| FileShelf::of_draft(&s.storage_key())))
            .flatten()
    }

    /// Keeps the file's current state for a reload; says so next to the
    /// field if the browser refuses.
    pub(crate) fn keep(self, uid: u32) {
        let (Some(shelf), Some(entry), Some(bytes)) = (
            self.shelf(),
            self.files.entry(uid),
            self.files.bytes_of(uid),
        ) else {
            return;
        };
        spawn_local(async move {
            if shelf.keep(&entry.kept_meta(), &bytes).await.is_err() {
                self.files.kept.try_set(false);
            }
        });
    }

    /// The customer removed a file: it goes from the list and the shelf.
    pub fn remove(self, uid: u32) {
        let key = self.files.entry(uid).map(|e| e.idempotency_key);
        self.files.remove(uid);
        if let (Some(shelf), Some(key)) = (self.shelf(), key) {
            spawn_local(async move {
                let _ = shelf.forget(&key).await;
            });
        }
    }

    /// Restores what `from` keeps of the files the draft had, `expected`.
    pub fn restore(self, from: FileShelf, mut expected: Vec<DraftFile>) {
        spawn_local(async move {
            let own = self.shelf();
            let moved = own.as_ref() != Some(&from);
            let kept = match from.load().await {
                Ok(kept) => kept,
                Err(_) => {
                    self.files.kept.try_set(false);
                    Vec::new()
                }
            };
            for file in kept {
                // The draft is the truth: a file it does not name was left
                // by an earlier ticket in this slot, and goes.
                let key = &file.meta.idempotency_key;
                let Some(i) = expected.iter().position(|f| f.key == *key) else {
                    if !moved {
                        let _ = from.forget(&file.meta.idempotency_key).await;
                    }
                    continue;
                };
                if self.put_back(file, moved) {
                    expected.remove(i);
                }
            }
            if moved {
                let _ = from.forget_all().await;
            }
            self.files
                .lost
                .try_set(expected.into_iter().map(|f| f.name).collect());
        });
    }

    /// Lists one kept file again (false if the list has no room left for
    /// it: files added meanwhile come first).
    fn put_back(self, file: KeptFile, moved: bool) -> bool {
        let KeptFile { meta, bytes } = file;
        let size = u64::from(bytes.length());
        let facts = FileFacts {
            size,
            kind: Some(meta.kind),
        };
        let room = self
            .files
            .try_with_facts()
            .is_some_and(|listed| LIMITS.check_addition(&listed, facts).is_none());
        if !room {
            return false;
        }
        let thumbnail = meta.kind.is_image().then(|| thumbnail_of(&bytes)).flatten();
        let uploaded = meta.stored.is_some();
        let uid = self.files.push(
            FileEntry {
                uid: 0,
                name: meta.name,
                size,
                kind: meta.kind,
                idempotency_key: meta.idempotency_key,
                thumbnail,
                state: meta
                    .stored
                    .map_or(UploadState::Waiting, UploadState::Uploaded),
                notes: meta.notes,
                added_ms: meta.added_ms,
            },
            bytes,
        );
        if moved {
            self.keep(uid);
        }
        if !uploaded {
            spawn_local(self.upload(uid));
        }
        true
    }
}

fn thumbnail_of(bytes: &js_sys::Uint8Array) -> Option<String> {
    let blob = web_sys::Blob::new_with_u8_array_sequence(&js_sys::Array::of1(bytes)).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}
