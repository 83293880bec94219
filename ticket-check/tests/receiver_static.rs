//! `serve --static` over HTTP: the cache headers and precompressed copies a
//! CDN would send, which the receiver's own "no-store" must not override.

mod common;

use common::{Receiver, get, request, start};

struct Site {
    dir: std::path::PathBuf,
    receiver: Receiver,
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

const WASM: &str = "ticket-widget-0123456789abcdef_bg.wasm";

fn site(name: &str) -> Site {
    let dir = std::env::temp_dir().join(format!("ticket-static-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, body) in [
        ("index.html", "<p>page</p>"),
        ("ticket-widget.js", "loader"),
        ("ticket-widget.js.br", "loader-br"),
        ("ticket-widget.js.gz", "loader-gz"),
        (WASM, "\0asm"),
        (&format!("{WASM}.br"), "wasm-br"),
    ] {
        std::fs::write(dir.join(file), body).unwrap();
    }
    let receiver = start(&["--static", dir.to_str().unwrap()]);
    Site { dir, receiver }
}

fn get_with(addr: &str, path: &str, headers: &str) -> common::Reply {
    request(
        addr,
        &format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n{headers}\r\n"),
        b"",
    )
}

#[test]
fn hashed_files_are_cached_for_a_year_and_sent_precompressed() {
    let s = site("hashed");
    let wasm = get_with(
        &s.receiver.addr,
        &format!("/{WASM}"),
        "Accept-Encoding: gzip, deflate, br\r\n",
    );
    assert_eq!((wasm.status, wasm.body.as_str()), (200, "wasm-br"));
    assert_eq!(
        wasm.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    assert_eq!(wasm.header("content-encoding"), Some("br"));
    assert_eq!(wasm.header("content-type"), Some("application/wasm"));
    assert_eq!(wasm.header("vary"), Some("Accept-Encoding"));
    // No brotli copy wanted, no gzip copy written: the file itself.
    let plain = get_with(
        &s.receiver.addr,
        &format!("/{WASM}"),
        "Accept-Encoding: gzip\r\n",
    );
    assert_eq!((plain.status, plain.body.as_str()), (200, "\0asm"));
    assert_eq!(plain.header("content-encoding"), None);
}

#[test]
fn the_loader_is_revalidated_by_etag() {
    let s = site("loader");
    let addr = &s.receiver.addr;
    let first = get_with(addr, "/ticket-widget.js", "Accept-Encoding: gzip\r\n");
    assert_eq!((first.status, first.body.as_str()), (200, "loader-gz"));
    assert_eq!(first.header("content-encoding"), Some("gzip"));
    assert_eq!(
        first.header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    assert_eq!(
        first.header("cache-control"),
        Some("public, max-age=600, must-revalidate")
    );
    let etag = first.header("etag").expect("an ETag").to_owned();
    let again = get_with(
        addr,
        "/ticket-widget.js",
        &format!("Accept-Encoding: gzip\r\nIf-None-Match: {etag}\r\n"),
    );
    assert_eq!((again.status, again.body.as_str()), (304, ""));
    assert_eq!(again.header("etag"), Some(etag.as_str()));
    let page = get(addr, "/");
    assert_eq!((page.status, page.body.as_str()), (200, "<p>page</p>"));
    assert_eq!(page.header("cache-control"), Some("no-cache"));
    assert!(page.header("etag").is_some());
}

#[test]
fn nothing_outside_the_folder_even_compressed() {
    let s = site("outside");
    let outside = s
        .dir
        .parent()
        .unwrap()
        .join(format!("outside-{}.js", std::process::id()));
    std::fs::write(&outside, "secret").unwrap();
    std::fs::write(outside.with_extension("js.br"), "secret").unwrap();
    let name = outside.file_name().unwrap().to_str().unwrap();
    for path in [
        format!("/../{name}"),
        format!("/%2e%2e/{name}"),
        "/../Cargo.toml".into(),
    ] {
        let reply = get_with(&s.receiver.addr, &path, "Accept-Encoding: br\r\n");
        assert_eq!(reply.status, 404, "{path}");
        assert_eq!(reply.header("cache-control"), Some("no-store"), "{path}");
    }
    let _ = std::fs::remove_file(&outside);
    let _ = std::fs::remove_file(outside.with_extension("js.br"));
}
