//! Attachments beyond adding them: what is removed before an upload, and
//! the files a draft keeps across a reload (IndexedDB).

use super::*;
use ticket_widget::file_shelf::FileShelf;

/// A JPEG whose EXIF says where it was taken (IFD0 with a GPS entry).
fn located_jpeg() -> Vec<u8> {
    let mut exif = b"Exif\0\0II*\0\x08\0\0\0\x01\0".to_vec();
    exif.extend_from_slice(&[0x25, 0x88, 4, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    let mut jpeg = b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00".to_vec();
    jpeg.extend_from_slice(&[0xFF, 0xE1]);
    jpeg.extend_from_slice(&u16::try_from(exif.len() + 2).unwrap().to_be_bytes());
    jpeg.extend_from_slice(&exif);
    jpeg.extend_from_slice(b"\xFF\xDB\x00\x04\x00\x01\xFF\xDA\x00\x02\x12\x34\xFF\x00\x56\xFF\xD9");
    jpeg
}

const KEY: &str = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACDJ2V5sZXhhbXBsZWtleW5vdHJlYWxub3RyZWFsbm90cmVhbAAAAJg=\n-----END OPENSSH PRIVATE KEY-----\n";

fn pick(w: &Mounted, files: &[web_sys::File]) {
    let input: HtmlInputElement = w.el("attachments");
    input.set_files(transfer(files).files().as_ref());
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

/// A photo goes without its location; a config goes without its private
/// key, and the circumvention software it names counts as if typed: each
/// is said next to the file.
#[wasm_bindgen_test]
async fn photos_lose_their_location_and_text_files_their_private_keys_before_upload() {
    let original = fake_upload_fetch();
    let w = on_details(61, "technical.general").await;
    let config = format!("server 203.0.113.7\n{KEY}# Shadowsocks on port 8388\n");
    pick(
        &w,
        &[
            file(&located_jpeg(), "phone.jpg"),
            file(config.as_bytes(), "ss.conf.txt"),
        ],
    );
    until("both files are uploaded", || {
        w.text().matches(&en("attachments-state-uploaded")).count() == 2
    })
    .await;
    let sent = bodies();
    let photo = &sent[0];
    assert!(photo.starts_with(b"\xFF\xD8"), "still a JPEG");
    assert!(!photo.windows(4).any(|w| w == b"Exif"), "the EXIF was sent");
    let text = String::from_utf8(sent[1].clone()).unwrap();
    assert!(!text.contains("PRIVATE KEY"), "{text}");
    assert!(text.starts_with("server 203.0.113.7\n") && text.ends_with("port 8388\n"));

    let shown = w.text();
    assert!(
        shown.contains(&en("attachments-note-location-removed")),
        "{shown}"
    );
    assert!(
        shown.contains(&en("attachments-note-key-removed")),
        "{shown}"
    );
    let terms = [("terms", "Shadowsocks".to_owned())];
    let note = i18n::tr_args(Lang::En, "attachments-note-circumvention", &terms);
    assert!(
        shown.contains(&note),
        "the file's note names the term: {shown}"
    );
    // The ticket's scope guard counts it as if typed: its hint, and so the
    // policy dialog before sending and the payload's `policy`.
    let hint = i18n::tr_args(Lang::En, "policy-hint", &terms);
    assert!(shown.contains(&hint), "{shown}");
    restore_fetch(original);
}

/// This widget's draft slot in `localStorage`, once saved.
fn draft_key() -> Option<String> {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .find(|k| k.starts_with("ticket-widget.draft:"))
}

/// A reload finds the files again, uploaded ones without a second upload;
/// a file the draft names but the browser lost is named for the customer
/// to add again; discarding the draft empties its shelf.
#[wasm_bindgen_test]
async fn files_are_kept_for_a_reload_and_named_when_they_could_not_be() {
    let original = fake_upload_fetch();
    let w = on_details(62, "technical.boot").await;
    w.type_text("message", "It stops at the GRUB prompt.");
    pick(&w, &[file(PNG_HEAD, "console.png")]);
    until("the file is uploaded", || {
        w.text().contains(&en("attachments-state-uploaded"))
    })
    .await;
    // The draft is saved 400 ms after the last change.
    until("the draft is saved with its file", || {
        draft_key().is_some_and(|k| {
            web_sys::window()
                .unwrap()
                .local_storage()
                .unwrap()
                .unwrap()
                .get_item(&k)
                .unwrap()
                .unwrap_or_default()
                .contains("console.png")
        })
    })
    .await;
    let key = draft_key().unwrap();
    let shelf = FileShelf::of_draft(&key);
    let mut kept = Vec::new();
    for _ in 0..100 {
        // Other tests' widgets share the slot (same endpoint and widget
        // id, never sent): only this file counts here.
        kept = shelf.load().await.unwrap();
        kept.retain(|f| f.meta.name == "console.png");
        if kept.iter().any(|f| f.meta.stored.is_some()) {
            break;
        }
        settle().await;
    }
    let metas: Vec<_> = kept.iter().map(|f| f.meta.clone()).collect();
    assert_eq!(kept.len(), 1, "{key:?} {metas:?}");
    assert_eq!(kept[0].bytes.to_vec(), PNG_HEAD);
    drop(w);

    let w = mount_keeping_storage("en", 62);
    until("the file is back", || file_names(&w) == ["console.png"]).await;
    until("as uploaded", || {
        w.text().contains(&en("attachments-state-uploaded"))
    })
    .await;
    let sent: Vec<_> = uploads()
        .into_iter()
        .filter(|u| u[0].ends_with("/attachments"))
        .collect();
    assert_eq!(
        sent.len(),
        1,
        "an uploaded file is not sent again: {sent:?}"
    );
    assert!(w.value("message").contains("GRUB"));
    drop(w);

    // A file the draft had, but the shelf not (storage cleared, say).
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let draft = storage.get_item(&key).unwrap().unwrap();
    storage
        .set_item(
            &key,
            &draft.replace(
                "\"files\":[",
                "\"files\":[{\"name\":\"boot.log\",\"key\":\"not-on-the-shelf\"},",
            ),
        )
        .unwrap();
    let w = mount_keeping_storage("en", 62);
    until("the lost file is named", || {
        w.text().contains(&i18n::tr_args(
            Lang::En,
            "attachments-lost",
            &[("names", "boot.log".to_owned())],
        ))
    })
    .await;
    assert_eq!(file_names(&w), ["console.png"]);

    w.button(&en("draft-discard")).click();
    settle().await;
    let mut left = 1;
    for _ in 0..100 {
        left = shelf.load().await.unwrap().len();
        if left == 0 {
            break;
        }
        settle().await;
    }
    assert_eq!(left, 0, "a discarded draft leaves no file behind");
    restore_fetch(original);
}

/// A browser that refuses IndexedDB (some private modes): the file is still
/// uploaded, and the customer is told before any reload that it is not
/// kept.
#[wasm_bindgen_test]
async fn without_indexeddb_the_customer_is_told_files_are_not_kept() {
    let original = fake_upload_fetch();
    let hide = js_sys::Function::new_no_args(
        "window.__idb = Object.getOwnPropertyDescriptor(window, 'indexedDB');
         Object.defineProperty(window, 'indexedDB', { get: () => null, configurable: true });",
    );
    hide.call0(&JsValue::NULL).unwrap();
    let w = on_details(63, "technical.boot").await;
    assert!(
        !w.text().contains(&en("attachments-not-kept")),
        "said before any file"
    );
    pick(&w, &[file(PNG_HEAD, "console.png")]);
    until("the file is uploaded", || {
        w.text().contains(&en("attachments-state-uploaded"))
    })
    .await;
    until("the customer is told", || {
        w.text().contains(&en("attachments-not-kept"))
    })
    .await;
    let show = js_sys::Function::new_no_args(
        "if (window.__idb) { Object.defineProperty(window, 'indexedDB', window.__idb); }
         else { delete window.indexedDB; }",
    );
    show.call0(&JsValue::NULL).unwrap();
    restore_fetch(original);
}
