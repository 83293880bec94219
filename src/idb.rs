//! The little of IndexedDB the widget uses (one database, one object store,
//! put / get-all / delete by key or key range), as futures over web-sys.
//! Written here rather than taken from a crate: it is four calls, and every
//! kilobyte of wasm is paid for on the customer's first load.
//!
//! Every operation opens the database and closes it again: files are kept
//! or forgotten a handful of times per ticket, and a connection held open
//! would block a newer version of the widget from upgrading the database
//! in another tab.

use js_sys::{Array, Function, Promise};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbKeyRange, IdbObjectStore, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "ticket-widget";
const VERSION: u32 = 1;
const STORE: &str = "files";

/// Why an operation did not happen: IndexedDB is missing (some private
/// modes), refused (storage blocked, quota), or failed midway.
#[derive(Debug)]
pub struct Refused;

impl From<JsValue> for Refused {
    fn from(_: JsValue) -> Refused {
        Refused
    }
}

/// Stores `value` under `key`, replacing what was there.
pub async fn put(key: &str, value: &JsValue) -> Result<(), Refused> {
    write(|store| store.put_with_key(value, &key.into())).await
}

/// Removes what is stored under `key` (nothing stored is no error).
pub async fn delete(key: &str) -> Result<(), Refused> {
    write(|store| store.delete(&key.into())).await
}

/// Removes everything stored under a key that starts with `prefix`.
pub async fn delete_prefixed(prefix: &str) -> Result<(), Refused> {
    let range = prefix_range(prefix)?;
    write(|store| store.delete(&range)).await
}

/// Everything stored under a key that starts with `prefix`, in key order.
pub async fn get_prefixed(prefix: &str) -> Result<Vec<JsValue>, Refused> {
    let range = prefix_range(prefix)?;
    let db = open().await?;
    let found = async {
        let store = db.transaction_with_str(STORE)?.object_store(STORE)?;
        let all = request(&store.get_all_with_key(&range)?).await?;
        Ok::<_, Refused>(
            all.dyn_into::<Array>()
                .map(|a| a.to_vec())
                .unwrap_or_default(),
        )
    }
    .await;
    db.close();
    found
}

/// Runs one write in a read-write transaction and waits until it is
/// committed (not merely queued): a reload right after must find it.
async fn write(
    op: impl FnOnce(&IdbObjectStore) -> Result<IdbRequest, JsValue>,
) -> Result<(), Refused> {
    let db = open().await?;
    let written = async {
        let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
        op(&tx.object_store(STORE)?)?;
        let committed = settle(|done, failed| {
            tx.set_oncomplete(Some(done));
            tx.set_onerror(Some(failed));
            tx.set_onabort(Some(failed));
        })
        .await;
        // An error is followed by an abort: it must not find a handler
        // that is gone.
        tx.set_oncomplete(None);
        tx.set_onerror(None);
        tx.set_onabort(None);
        committed
    }
    .await;
    db.close();
    written
}

/// Keys from `prefix` up to the last string that starts with it.
fn prefix_range(prefix: &str) -> Result<IdbKeyRange, Refused> {
    Ok(IdbKeyRange::bound(
        &prefix.into(),
        &format!("{prefix}\u{10FFFF}").into(),
    )?)
}

async fn open() -> Result<IdbDatabase, Refused> {
    let factory = web_sys::window()
        .ok_or(Refused)?
        .indexed_db()?
        .ok_or(Refused)?;
    let opening = factory.open_with_u32(DATABASE, VERSION)?;
    // The first open makes the store; the handler lives as long as the
    // open request is being waited for.
    let upgrading = opening.clone();
    let on_upgrade = Closure::<dyn FnMut()>::new(move || {
        let Ok(db) = upgrading.result().and_then(|r| r.dyn_into::<IdbDatabase>()) else {
            return;
        };
        if !db.object_store_names().contains(STORE) {
            let _ = db.create_object_store(STORE);
        }
    });
    opening.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    let db = request(&opening).await;
    opening.set_onupgradeneeded(None);
    Ok(db?.dyn_into::<IdbDatabase>()?)
}

/// The result of `req` once it succeeded.
async fn request(req: &IdbRequest) -> Result<JsValue, Refused> {
    let settled = settle(|done, failed| {
        req.set_onsuccess(Some(done));
        req.set_onerror(Some(failed));
    })
    .await;
    req.set_onsuccess(None);
    req.set_onerror(None);
    settled?;
    Ok(req.result()?)
}

/// Waits until one of the two handlers that `listen` attaches is called.
/// Both are dropped once it has been, so nothing is leaked; the caller
/// detaches them.
async fn settle(listen: impl FnOnce(&Function, &Function)) -> Result<(), Refused> {
    let mut settlers = None;
    let promise = Promise::new(&mut |resolve, reject| settlers = Some((resolve, reject)));
    let (resolve, reject) = settlers.ok_or(Refused)?;
    let done = Closure::<dyn FnMut()>::new(move || {
        let _ = resolve.call0(&JsValue::UNDEFINED);
    });
    let failed = Closure::<dyn FnMut()>::new(move || {
        let _ = reject.call0(&JsValue::UNDEFINED);
    });
    listen(
        done.as_ref().unchecked_ref(),
        failed.as_ref().unchecked_ref(),
    );
    let settled = JsFuture::from(promise).await;
    drop((done, failed));
    settled.map(drop).map_err(Refused::from)
}
