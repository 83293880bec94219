//! Where a draft's files wait in IndexedDB (`idb`), so that a reload keeps
//! them until the backend has accepted the ticket. The draft itself stays
//! in `localStorage` (`draft_store`); its file bytes are too large for it.
//!
//! Each file is one record, keyed `<draft slot>\n<file's idempotency key>`,
//! so a slot's files are one key range. A record holds what the list shows
//! and, once uploaded, what the receiver answered (a restored file is not
//! sent twice), and the bytes as they will be uploaded: metadata and
//! private keys are already removed, so nothing kept is more than what
//! would be sent.

use crate::attachments::FileNotes;
use crate::idb::{self, Refused};
use crate::upload::Stored;
use serde::{Deserialize, Serialize};
use ticket_core::attachment::Kind;
use wasm_bindgen::{JsCast, JsValue};

/// What a record says of its file, as JSON beside the bytes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeptMeta {
    pub name: String,
    pub kind: Kind,
    pub idempotency_key: String,
    /// When it was added (ms since 1970): the list's order.
    pub added_ms: f64,
    #[serde(default)]
    pub notes: FileNotes,
    #[serde(default)]
    pub stored: Option<Stored>,
}

pub struct KeptFile {
    pub meta: KeptMeta,
    pub bytes: js_sys::Uint8Array,
}

/// The files of one draft slot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileShelf {
    prefix: String,
}

const META: &str = "meta";
const BYTES: &str = "bytes";

impl FileShelf {
    /// The shelf of the draft stored under `draft_storage_key`.
    pub fn of_draft(draft_storage_key: &str) -> FileShelf {
        FileShelf {
            prefix: format!("{draft_storage_key}\n"),
        }
    }

    fn key(&self, idempotency_key: &str) -> String {
        format!("{}{idempotency_key}", self.prefix)
    }

    /// Keeps (or updates) one file.
    pub async fn keep(&self, meta: &KeptMeta, bytes: &js_sys::Uint8Array) -> Result<(), Refused> {
        let record = js_sys::Object::new();
        let json = serde_json::to_string(meta).map_err(|_| Refused)?;
        js_sys::Reflect::set(&record, &META.into(), &json.into())?;
        js_sys::Reflect::set(&record, &BYTES.into(), bytes)?;
        idb::put(&self.key(&meta.idempotency_key), &record).await
    }

    pub async fn forget(&self, idempotency_key: &str) -> Result<(), Refused> {
        idb::delete(&self.key(idempotency_key)).await
    }

    pub async fn forget_all(&self) -> Result<(), Refused> {
        idb::delete_prefixed(&self.prefix).await
    }

    /// The files kept, in the order they were added. A record that cannot
    /// be read (written by another version, say) is left out.
    pub async fn load(&self) -> Result<Vec<KeptFile>, Refused> {
        let mut files: Vec<KeptFile> = idb::get_prefixed(&self.prefix)
            .await?
            .iter()
            .filter_map(read_record)
            .collect();
        files.sort_by(|a, b| a.meta.added_ms.total_cmp(&b.meta.added_ms));
        Ok(files)
    }
}

fn read_record(record: &JsValue) -> Option<KeptFile> {
    let json = js_sys::Reflect::get(record, &META.into())
        .ok()?
        .as_string()?;
    let bytes = js_sys::Reflect::get(record, &BYTES.into())
        .ok()?
        .dyn_into::<js_sys::Uint8Array>()
        .ok()?;
    Some(KeptFile {
        meta: serde_json::from_str(&json).ok()?,
        bytes,
    })
}
