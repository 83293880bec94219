//! Taking files from the picker, a drop or a paste: each is checked with
//! ticket-core's rules before anything is sent (size and count from
//! `File.size` before it is read, then its type from its content), listed,
//! and uploaded at once, so it is in by the time the customer reviews.
//! Uploads retry as tickets do (`retry.rs`): backoff, `Retry-After`, and
//! at once when the browser is back online.

use crate::attachments::{Attachments, FileEntry, FileNotes, UploadState};
use crate::config::WidgetConfig;
use crate::draft::new_idempotency_key;
use crate::draft_store::Slot;
use crate::retry::{self, Failure};
use crate::sleep::{browser_online, sleep};
use crate::upload::{Upload, UploadOutcome, post_attachment};
use leptos::prelude::*;
use leptos::task::spawn_local;
use ticket_core::attachment::limits::{self, FileFacts};
use ticket_core::attachment::name::clean_name;
use ticket_core::attachment::prepare::prepare;
use ticket_core::attachment::{Kind, LIMITS, Sniffed, sniff};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// How often a waiting upload looks whether the browser is back online.
const ONLINE_POLL_MS: u32 = 500;

#[derive(Clone, Copy)]
pub struct Uploader {
    pub(crate) files: Attachments,
    config: StoredValue<WidgetConfig>,
    /// The draft's slot, whose shelf keeps the files for a reload (none
    /// without an endpoint: nothing is kept then, nor can be sent).
    pub(crate) slot: StoredValue<Option<Slot>>,
}

/// The files a `FileList` (picker, drop, paste) holds.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

impl Uploader {
    pub fn new(
        files: Attachments,
        slot: StoredValue<Option<Slot>>,
        config: WidgetConfig,
    ) -> Uploader {
        Uploader {
            files,
            config: StoredValue::new(config),
            slot,
        }
    }

    /// Checks, lists and uploads each file in turn; a refused one is named
    /// next to the field, and the files already listed stay.
    pub fn add(self, files: Vec<web_sys::File>) {
        if files.is_empty() {
            return;
        }
        self.files.refusal.set(None);
        spawn_local(async move {
            for file in files {
                self.add_one(file).await;
            }
        });
    }

    async fn add_one(self, file: web_sys::File) {
        let name = clean_name(&file.name());
        let size = file.size().max(0.0) as u64;
        let refuse = |code: &'static str| {
            self.files.refusal.try_set(Some((name.clone(), code)));
        };
        // Size, count and total first: a 30 MB file is refused without
        // reading a byte of it. The kind is not known yet, any allowed one
        // stands in.
        let unread = FileFacts {
            size,
            kind: Some(Kind::Text),
        };
        if let Some(code) = LIMITS.check_addition(&self.files.facts(), unread) {
            refuse(code);
            return;
        }
        let Ok(buffer) = JsFuture::from(file.array_buffer()).await else {
            refuse(limits::EMPTY);
            return;
        };
        let Ok(buffer) = buffer.dyn_into::<js_sys::ArrayBuffer>() else {
            refuse(limits::EMPTY);
            return;
        };
        let bytes = js_sys::Uint8Array::new(&buffer);
        let content = bytes.to_vec();
        let kind = match sniff(&content) {
            Sniffed::Allowed(kind) => kind,
            Sniffed::Empty => return refuse(limits::EMPTY),
            Sniffed::Executable(_) | Sniffed::Unknown => return refuse(limits::TYPE_NOT_ALLOWED),
        };
        // Metadata out of photos, private keys out of text: what is sent
        // (and kept for a reload) is the prepared copy.
        let prepared = prepare(kind, &content);
        drop(content);
        let bytes = match &prepared.replaced {
            Some(replaced) => js_sys::Uint8Array::from(replaced.as_slice()),
            None => bytes,
        };
        let notes = FileNotes::from(&prepared);
        drop(prepared);
        let size = u64::from(bytes.length());
        // Again: other files may have been added while this one was read.
        let Some(facts) = self.files.try_with_facts() else {
            return;
        };
        if let Some(code) = LIMITS.check_addition(
            &facts,
            FileFacts {
                size,
                kind: Some(kind),
            },
        ) {
            refuse(code);
            return;
        }
        let thumbnail = kind
            .is_image()
            .then(|| web_sys::Url::create_object_url_with_blob(&file).ok())
            .flatten();
        let uid = self.files.push(
            FileEntry {
                uid: 0,
                name,
                size,
                kind,
                idempotency_key: new_idempotency_key(),
                thumbnail,
                state: UploadState::Waiting,
                notes,
                added_ms: js_sys::Date::now(),
            },
            bytes,
        );
        self.keep(uid);
        spawn_local(self.upload(uid));
    }

    /// The receiver no longer holds the files at these positions of the
    /// ticket's `attachments` (the list's order): each goes up again under
    /// a new key, since the old one may answer with the lost id.
    pub fn upload_again(self, positions: &[usize]) {
        let uids: Vec<u32> = self.files.files.with_untracked(|f| {
            positions
                .iter()
                .filter_map(|&i| f.get(i).map(|e| e.uid))
                .collect()
        });
        for uid in uids {
            self.files.files.update(|f| {
                if let Some(e) = f.iter_mut().find(|e| e.uid == uid) {
                    // The kept record goes with the old key.
                    if let Some(shelf) = self.shelf() {
                        let old = e.idempotency_key.clone();
                        spawn_local(async move {
                            let _ = shelf.forget(&old).await;
                        });
                    }
                    e.idempotency_key = new_idempotency_key();
                    e.state = UploadState::Waiting;
                }
            });
            self.keep(uid);
            spawn_local(self.upload(uid));
        }
    }

    /// Sends one file until the receiver holds it or refuses it, or the
    /// customer removes it.
    pub(crate) async fn upload(self, uid: u32) {
        let mut retries = 0u32;
        loop {
            let (Some(entry), Some(bytes)) = (self.files.entry(uid), self.files.bytes_of(uid))
            else {
                return;
            };
            if !browser_online() {
                self.files.set_state(
                    uid,
                    UploadState::Retrying {
                        failure: Failure::Network,
                    },
                );
                sleep(ONLINE_POLL_MS).await;
                continue;
            }
            self.files.set_state(uid, UploadState::Uploading);
            let Some((endpoint, csrf)) = self
                .config
                .try_with_value(|c| (c.endpoint.clone().unwrap_or_default(), c.csrf_token.clone()))
            else {
                return;
            };
            let outcome = post_attachment(Upload {
                endpoint: &endpoint,
                bytes: &bytes,
                content_type: entry.kind.mime(),
                name: &entry.name,
                idempotency_key: &entry.idempotency_key,
                csrf_token: csrf.as_deref(),
            })
            .await;
            match outcome {
                UploadOutcome::Stored(stored) => {
                    self.files.set_state(uid, UploadState::Uploaded(stored));
                    // A reload now does not send the file again.
                    self.keep(uid);
                    return;
                }
                UploadOutcome::Refused { code, .. } => {
                    self.files.set_state(uid, UploadState::Failed { code });
                    return;
                }
                UploadOutcome::BadConfig => {
                    self.files
                        .set_state(uid, UploadState::Failed { code: None });
                    return;
                }
                UploadOutcome::Retry {
                    failure,
                    retry_after_s,
                } => {
                    retries = retries.saturating_add(1);
                    self.files.set_state(uid, UploadState::Retrying { failure });
                    let delay = retry::delay_ms(retries, retry_after_s, js_sys::Math::random());
                    self.wait(delay).await;
                }
            }
        }
    }

    /// The backoff, cut short when the browser comes back online after
    /// being offline (the moment a dead connection is likely to work).
    async fn wait(self, mut ms: u32) {
        let was_online = browser_online();
        while ms > 0 {
            let slice = ms.min(ONLINE_POLL_MS);
            sleep(slice).await;
            ms -= slice;
            if !was_online && browser_online() {
                return;
            }
        }
    }
}
