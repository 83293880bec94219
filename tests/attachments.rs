//! End to end, attachments (issue 15): files picked in the release build
//! reach the reference receiver byte for byte, a file over the limit never
//! leaves the browser, uploads survive a failing receiver and a reload,
//! and the field with files listed stays accessible in every language.
//!
//! Needs a built `dist/`, `ticket-check` and `node_modules/axe-core`;
//! `scripts/test` prepares them and runs these with `--ignored`. The
//! harness is in `tests/common/`.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::Harness;
use fantoccini::Locator;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn fixture(name: &str) -> PathBuf {
    Path::new(ROOT).join("tests/fixtures").join(name)
}

/// `sha256sum` of a file, as lowercase hex.
fn sha256_of(path: &Path) -> String {
    let out = Command::new("sha256sum")
        .arg(path)
        .output()
        .expect("sha256sum");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// A boot-failure ticket's details, filled in, on the details step.
async fn fill_boot_failure(h: &Harness) {
    h.open().await;
    h.switch_language("en").await;
    h.choose("technical.boot").await;
    h.click_button("Next").await;
    h.type_into("ltw0-email", "li@example.net").await;
    h.type_into("ltw0-service", "vps-1234.example.net").await;
    h.type_into("ltw0-os_template", "Debian 12").await;
    h.type_into("ltw0-subject", "The server does not boot")
        .await;
    h.type_into(
        "ltw0-message",
        "Since the reboot last night the VPS stops at the boot screen.",
    )
    .await;
}

/// Picks files with the real file input (chromedriver sets its files from
/// the paths, one per line).
async fn pick(h: &Harness, files: &[&Path]) {
    let input = h.wait_for(Locator::Id("ltw0-attachments")).await;
    let paths: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    input.send_keys(&paths.join("\n")).await.unwrap();
}

async fn until_uploaded(h: &Harness, n: usize) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let text = h.text_of(".ltw-files").await;
        if text.matches("Uploaded.").count() == n {
            return;
        }
        assert!(Instant::now() < deadline, "never {n} uploaded: {text}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Checks the one stored ticket names both fixtures with the SHA-256 of
/// their bytes, and that the receiver's copies are those bytes.
fn assert_fixtures_arrived(h: &Harness) {
    let stored = h.stored();
    assert_eq!(stored.len(), 1, "one ticket: {stored:?}");
    let record = &stored[0];
    let attachments = record["ticket"]["attachments"]
        .as_array()
        .expect("attachments");
    let files = record["attachment_files"]
        .as_array()
        .expect("attachment_files");
    assert_eq!(attachments.len(), 2, "{record}");
    for (name, mime) in [("console.png", "image/png"), ("boot.log", "text/plain")] {
        let path = fixture(name);
        let sha = sha256_of(&path);
        let sent = attachments
            .iter()
            .find(|a| a["name"] == name)
            .unwrap_or_else(|| panic!("{name} not in {attachments:?}"));
        assert_eq!(sent["sha256"], sha.as_str(), "{name}");
        assert_eq!(sent["type"], mime, "{name}");
        assert_eq!(
            sent["size"],
            std::fs::metadata(&path).unwrap().len(),
            "{name}"
        );
        let kept = files
            .iter()
            .find(|f| f["id"] == sent["id"])
            .unwrap_or_else(|| panic!("{name}: no stored file in {files:?}"));
        assert_eq!(kept["sha256"], sha.as_str(), "{name}");
        let mut dir = h.store.as_os_str().to_owned();
        dir.push(".files");
        let copy = Path::new(&dir).join(kept["file"].as_str().unwrap_or_default());
        assert_eq!(
            std::fs::read(&copy).unwrap_or_default(),
            std::fs::read(&path).unwrap(),
            "{name}: the receiver's copy {} differs",
            copy.display()
        );
    }
}

/// Goes to the review and submits; returns once the reference is shown.
async fn submit(h: &Harness) {
    h.click_button("Next").await;
    h.wait_for_text("This is exactly what will be sent").await;
    h.click_button("Submit ticket").await;
    h.reference().await;
}

/// Submits, and checks the fixtures arrived.
async fn submit_and_check_fixtures(h: &Harness) {
    submit(h).await;
    assert_fixtures_arrived(h);
}

/// A file of this test run in the temporary folder.
fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("e2e-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path
}

#[tokio::test]
#[ignore = "needs the release build, chromium and axe-core; run by scripts/test"]
async fn a_screenshot_and_a_log_arrive_byte_identical_and_the_list_passes_axe() {
    let h = Harness::start("attach-fixtures").await;
    fill_boot_failure(&h).await;
    h.wait_for_text("a screenshot of the VNC console").await;
    pick(&h, &[&fixture("console.png"), &fixture("boot.log")]).await;
    until_uploaded(&h, 2).await;
    let list = h.text_of(".ltw-files").await;
    assert!(
        list.contains("console.png") && list.contains("boot.log"),
        "{list}"
    );
    assert_eq!(h.axe().await, Vec::<String>::new(), "axe with files listed");
    h.viewport(320, 800).await;
    assert_eq!(h.axe().await, Vec::<String>::new(), "axe at 320 px");
    assert_eq!(h.overflow().await, Vec::<String>::new(), "320 px");
    h.viewport(1024, 800).await;

    h.click_button("Next").await;
    h.wait_for_text("This is exactly what will be sent").await;
    let review = h.page_text().await;
    assert!(
        review.contains("console.png") && review.contains("boot.log"),
        "{review}"
    );
    h.click_button("Submit ticket").await;
    h.reference().await;
    assert_fixtures_arrived(&h);
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn a_30_mb_file_is_refused_in_the_browser() {
    let h = Harness::start("attach-too-large").await;
    let mut bytes = vec![0u8; 30 * 1024 * 1024];
    bytes[..8].copy_from_slice(b"\x89PNG\r\n\x1a\n");
    let big = temp_file("big.png", &bytes);
    fill_boot_failure(&h).await;
    pick(&h, &[&big]).await;
    h.wait_for_text_in("#ltw0-attachments-error", "This file is larger than 10 MB")
        .await;
    let error = h.text_of("#ltw0-attachments-error").await;
    assert!(
        error.contains(&big.file_name().unwrap().to_string_lossy().to_string()),
        "{error}"
    );
    assert_eq!(h.text_of(".ltw-files").await.trim(), "", "nothing listed");
    // Nothing reached the receiver: the ticket goes without files.
    submit(&h).await;
    let stored = h.stored();
    assert_eq!(stored.len(), 1);
    assert!(stored[0].get("attachment_files").is_none(), "{}", stored[0]);
    let _ = std::fs::remove_file(&big);
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn with_two_failed_uploads_the_ticket_still_arrives_once_with_all_files() {
    let h = Harness::start_receiving("attach-retry", &["--fail-uploads", "2"]).await;
    fill_boot_failure(&h).await;
    pick(&h, &[&fixture("console.png"), &fixture("boot.log")]).await;
    // Submitted at once: the ticket waits for its files, which are retried.
    submit_and_check_fixtures(&h).await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build, chromium and axe-core; run by scripts/test"]
async fn a_reload_mid_form_keeps_the_files_and_the_ticket_arrives_with_them() {
    let h = Harness::start("attach-reload").await;
    fill_boot_failure(&h).await;
    pick(&h, &[&fixture("console.png"), &fixture("boot.log")]).await;
    until_uploaded(&h, 2).await;
    // The draft is saved 400 ms after the last change.
    tokio::time::sleep(Duration::from_millis(800)).await;

    h.client.refresh().await.unwrap();
    h.wait_for_text("We restored the ticket you had not sent yet")
        .await;
    until_uploaded(&h, 2).await;
    let list = h.text_of(".ltw-files").await;
    assert!(
        list.contains("console.png") && list.contains("boot.log"),
        "{list}"
    );
    assert!(
        h.execute(
            "return document.querySelectorAll('.ltw-thumb').length;",
            vec![]
        )
        .await
            == 1,
        "the screenshot's thumbnail is back"
    );
    // Listed files stay accessible in the other languages too.
    for (tag, next) in [("zh-Hant", "下一步"), ("zh-Hans", "下一步")] {
        h.switch_language(tag).await;
        h.wait_for_text(next).await;
        assert_eq!(
            h.axe().await,
            Vec::<String>::new(),
            "axe, files listed, {tag}"
        );
    }
    h.switch_language("en").await;

    submit_and_check_fixtures(&h).await;
    // Accepted: nothing is kept for this ticket any more, in IndexedDB
    // either (the files are removed once the backend has them).
    h.client.refresh().await.unwrap();
    h.wait_for_text("What do you need help with?").await;
    assert!(!h.page_text().await.contains("We restored"));
    let kept = h
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const open = indexedDB.open('ticket-widget');
             open.onerror = () => done(-1);
             open.onsuccess = () => {
               const db = open.result;
               if (!db.objectStoreNames.contains('files')) { db.close(); return done(0); }
               const count = db.transaction('files').objectStore('files').count();
               count.onsuccess = () => { db.close(); done(count.result); };
             };",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        kept, 0,
        "files left in IndexedDB after the ticket was accepted"
    );
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromium; run by scripts/test"]
async fn files_the_receiver_lost_are_uploaded_again_and_the_ticket_arrives_with_them() {
    let mut h = Harness::start("attach-lost").await;
    fill_boot_failure(&h).await;
    pick(&h, &[&fixture("console.png"), &fixture("boot.log")]).await;
    until_uploaded(&h, 2).await;
    // The receiver loses its store (a new disk, a cleaned-up upload) and
    // comes back on the same address: the ticket's ids mean nothing now.
    let _ = h.receiver.0.kill();
    let _ = h.receiver.0.wait();
    h.wipe_store();
    h.receiver = h
        .spawn_receiver(Some(h.base.trim_start_matches("http://")))
        .0;
    submit_and_check_fixtures(&h).await;
    h.finish().await;
}

#[tokio::test]
#[ignore = "needs the release build, chromium and axe-core; run by scripts/test"]
async fn a_config_with_a_private_key_arrives_without_it_and_its_notes_pass_axe() {
    let h = Harness::start("attach-key").await;
    let config = temp_file(
        "sshd.txt",
        b"PermitRootLogin yes\npassword: hunter2sesame\n-----BEGIN OPENSSH PRIVATE KEY-----\n\
         b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n\
         -----END OPENSSH PRIVATE KEY-----\nPort 22\n",
    );
    fill_boot_failure(&h).await;
    pick(&h, &[&config]).await;
    until_uploaded(&h, 1).await;
    let notes = h.text_of(".ltw-file-notes").await;
    assert!(notes.contains("A private key was cut out"), "{notes}");
    assert!(notes.contains("a password"), "{notes}");
    assert_eq!(h.axe().await, Vec::<String>::new(), "axe with notes, en");
    h.switch_language("zh-Hant").await;
    h.wait_for_text("私鑰").await;
    assert_eq!(
        h.axe().await,
        Vec::<String>::new(),
        "axe with notes, zh-Hant"
    );
    h.switch_language("en").await;

    submit(&h).await;
    let stored = h.stored();
    assert_eq!(stored.len(), 1);
    let ticket = &stored[0]["ticket"];
    assert_eq!(
        ticket["policy"]["secrets_left"],
        serde_json::json!(["password"])
    );
    let file = &stored[0]["attachment_files"][0];
    let mut dir = h.store.as_os_str().to_owned();
    dir.push(".files");
    let copy =
        std::fs::read_to_string(Path::new(&dir).join(file["file"].as_str().unwrap())).unwrap();
    assert!(
        !copy.contains("PRIVATE KEY") && !copy.contains("b3BlbnNzaC1rZXkt"),
        "{copy}"
    );
    assert!(
        copy.starts_with("PermitRootLogin yes\npassword: hunter2sesame\n"),
        "{copy}"
    );
    assert!(copy.ends_with("Port 22\n"), "{copy}");
    let _ = std::fs::remove_file(&config);
    h.finish().await;
}
