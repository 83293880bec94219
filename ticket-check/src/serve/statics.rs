//! `--static DIR`: the built widget, so one process is enough for a demo or
//! an end-to-end test, served as a CDN would serve it (README, "Serving the
//! files"): the precompressed copy the build wrote beside a file (`.br`,
//! `.gz`) when the browser accepts it, content-hashed files cached for a
//! year, the stable loader, stylesheet and pages revalidated by ETag.

use super::negotiate::{self, Encoding};
use super::reply::Reply;
use axum::http::{HeaderMap, header};
use std::path::{Component, Path, PathBuf};
use std::time::UNIX_EPOCH;

/// Named by their content (`ticket-widget-<hash>.js`, `…_bg.wasm`,
/// `ticket-widget-<lang>-<hash>.txt`): a new build gets new names, so a
/// copy never goes stale.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// The stable names a host page links (`ticket-widget.js`, `.css`): kept a
/// few minutes, then revalidated, so that a new build reaches every page
/// within ten minutes and an unchanged one costs a 304.
pub const REVALIDATE: &str = "public, max-age=600, must-revalidate";
/// Pages: always revalidated (a host's page usually is not ours to cache).
pub const PAGE: &str = "no-cache";

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        // The widget's language packs (ticket-widget-<lang>-<hash>.txt).
        Some("txt") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

/// Whether the name ends in a content hash, as Trunk and
/// scripts/trunk-post-build write them: the last `-` part before the
/// extension (and wasm-bindgen's `_bg`) is at least 16 hex digits.
pub fn content_hashed(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() >= 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn cache_control(name: &str) -> &'static str {
    if content_hashed(name) {
        IMMUTABLE
    } else if name.ends_with(".html") {
        PAGE
    } else {
        REVALIDATE
    }
}

/// The file `url_path` names under `dir` (`index.html` for a folder); None
/// for anything that would leave `dir`.
fn resolve(dir: &Path, url_path: &str) -> Option<PathBuf> {
    let relative = url_path.trim_start_matches('/');
    let relative = if relative.is_empty() || relative.ends_with('/') {
        format!("{relative}index.html")
    } else {
        relative.to_owned()
    };
    let candidate = Path::new(&relative);
    candidate
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
        .then(|| dir.join(candidate))
}

/// As nginx makes it, modification time and length (so that no file is
/// read or hashed to answer a revalidation), and the encoding: each copy
/// is a representation of its own.
fn etag(meta: &std::fs::Metadata, encoding: Option<Encoding>) -> String {
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs());
    match encoding {
        Some(e) => format!("\"{modified:x}-{:x}-{}\"", meta.len(), e.suffix()),
        None => format!("\"{modified:x}-{:x}\"", meta.len()),
    }
}

async fn file_meta(path: &Path) -> Option<std::fs::Metadata> {
    tokio::fs::metadata(path).await.ok().filter(|m| m.is_file())
}

/// The copy to send: the best precompressed one the request accepts and
/// the build wrote, else the file itself.
async fn choose(
    full: &Path,
    accept_encoding: &str,
) -> Option<(PathBuf, std::fs::Metadata, Option<Encoding>)> {
    for encoding in Encoding::PREFERRED {
        if !negotiate::accepts(accept_encoding, encoding) {
            continue;
        }
        let mut name = full.as_os_str().to_owned();
        name.push(".");
        name.push(encoding.suffix());
        let path = PathBuf::from(name);
        if let Some(meta) = file_meta(&path).await {
            return Some((path, meta, Some(encoding)));
        }
    }
    let meta = file_meta(full).await?;
    Some((full.to_owned(), meta, None))
}

/// The file at `url_path` under `dir`, as `request`'s headers ask for it;
/// 404 for anything outside `dir` or missing.
pub async fn serve_file(dir: &Path, url_path: &str, request: &HeaderMap) -> Reply {
    let not_found = || Reply::error(404, "path", "not_found");
    let Some(full) = resolve(dir, url_path) else {
        return not_found();
    };
    let text = |name| {
        request
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    };
    let Some((path, meta, encoding)) = choose(&full, text(header::ACCEPT_ENCODING)).await else {
        return not_found();
    };
    let name = full
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let etag = etag(&meta, encoding);
    let fresh = negotiate::none_match(text(header::IF_NONE_MATCH), &etag)
        && request.contains_key(header::IF_NONE_MATCH);
    let reply = if fresh {
        Reply::new(304, content_type(&full), Vec::new())
    } else {
        match tokio::fs::read(&path).await {
            Ok(body) => {
                let reply = Reply::new(200, content_type(&full), body);
                match encoding {
                    Some(e) => reply.with_header(header::CONTENT_ENCODING, e.token().into()),
                    None => reply,
                }
            }
            Err(_) => return not_found(),
        }
    };
    reply
        .with_header(header::CACHE_CONTROL, cache_control(&name).into())
        .with_header(header::ETAG, etag)
        .with_header(header::VARY, "Accept-Encoding".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn content_hashed_names() {
        assert!(content_hashed("ticket-widget-3f2a9c0d1e4b5a69.js"));
        assert!(content_hashed("ticket-widget-3f2a9c0d1e4b5a69_bg.wasm"));
        assert!(content_hashed("ticket-widget-zh-Hant-0123456789abcdef.txt"));
        assert!(!content_hashed("ticket-widget.js"));
        assert!(!content_hashed("ticket-widget.css"));
        assert!(!content_hashed("ticket-widget.wasm"));
        assert!(!content_hashed("index.html"));
        assert!(!content_hashed("ticket-widget-en-0123.txt"));
        assert!(!content_hashed("demo-page-notahexnumber-at-all.css"));
    }

    struct Dir(PathBuf);
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn dir(name: &str, files: &[(&str, &str)]) -> Dir {
        let dir =
            std::env::temp_dir().join(format!("ticket-statics-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (file, body) in files {
            std::fs::write(dir.join(file), body).unwrap();
        }
        Dir(dir)
    }

    fn headers(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(name.clone(), HeaderValue::from_str(value).unwrap());
        }
        map
    }

    fn header_of(reply: &Reply, name: header::HeaderName) -> Option<&str> {
        reply
            .headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    const HASHED: &str = "ticket-widget-0123456789abcdef_bg.wasm";

    #[tokio::test]
    async fn picks_the_best_precompressed_copy_the_browser_accepts() {
        let d = dir(
            "encoding",
            &[
                (HASHED, "raw"),
                (&format!("{HASHED}.br"), "brotli"),
                (&format!("{HASHED}.gz"), "gzip"),
                ("ticket-widget.css", "css"),
                ("ticket-widget.css.gz", "css-gzip"),
            ],
        );
        let wasm = format!("/{HASHED}");
        for (accept, body, encoding) in [
            ("gzip, deflate, br, zstd", "brotli", Some("br")),
            ("gzip", "gzip", Some("gzip")),
            ("br;q=0, gzip", "gzip", Some("gzip")),
            ("", "raw", None),
            ("identity", "raw", None),
        ] {
            let reply =
                serve_file(&d.0, &wasm, &headers(&[(header::ACCEPT_ENCODING, accept)])).await;
            assert_eq!(reply.status, 200);
            assert_eq!(String::from_utf8_lossy(&reply.body), body, "{accept}");
            assert_eq!(
                header_of(&reply, header::CONTENT_ENCODING),
                encoding,
                "{accept}"
            );
            assert_eq!(reply.content_type, "application/wasm");
            assert_eq!(header_of(&reply, header::VARY), Some("Accept-Encoding"));
            assert_eq!(header_of(&reply, header::CACHE_CONTROL), Some(IMMUTABLE));
        }
        // Only a gzip copy: a brotli-capable browser gets that.
        let css = serve_file(
            &d.0,
            "/ticket-widget.css",
            &headers(&[(header::ACCEPT_ENCODING, "br, gzip")]),
        )
        .await;
        assert_eq!(String::from_utf8_lossy(&css.body), "css-gzip");
        assert_eq!(header_of(&css, header::CONTENT_ENCODING), Some("gzip"));
        assert_eq!(css.content_type, "text/css; charset=utf-8");
        assert_eq!(header_of(&css, header::CACHE_CONTROL), Some(REVALIDATE));
    }

    #[tokio::test]
    async fn an_unchanged_copy_is_a_304_with_its_etag() {
        let d = dir(
            "etag",
            &[
                ("ticket-widget.js", "loader"),
                ("ticket-widget.js.br", "loader-br"),
                ("index.html", "<p>page</p>"),
            ],
        );
        let first = serve_file(
            &d.0,
            "/ticket-widget.js",
            &headers(&[(header::ACCEPT_ENCODING, "br")]),
        )
        .await;
        let etag = header_of(&first, header::ETAG).unwrap().to_owned();
        assert_eq!(header_of(&first, header::CACHE_CONTROL), Some(REVALIDATE));
        let again = serve_file(
            &d.0,
            "/ticket-widget.js",
            &headers(&[
                (header::ACCEPT_ENCODING, "br"),
                (header::IF_NONE_MATCH, &etag),
            ]),
        )
        .await;
        assert_eq!(again.status, 304);
        assert!(again.body.is_empty());
        assert_eq!(header_of(&again, header::ETAG), Some(etag.as_str()));
        assert_eq!(header_of(&again, header::CACHE_CONTROL), Some(REVALIDATE));
        // The uncompressed copy is another representation: another tag.
        let plain = serve_file(
            &d.0,
            "/ticket-widget.js",
            &headers(&[(header::IF_NONE_MATCH, &etag)]),
        )
        .await;
        assert_eq!(plain.status, 200);
        assert_eq!(String::from_utf8_lossy(&plain.body), "loader");
        assert_ne!(header_of(&plain, header::ETAG), Some(etag.as_str()));
        // Pages are revalidated every time.
        let page = serve_file(&d.0, "/", &HeaderMap::new()).await;
        assert_eq!(header_of(&page, header::CACHE_CONTROL), Some(PAGE));
        let stale = serve_file(&d.0, "/", &headers(&[(header::IF_NONE_MATCH, "\"0-0\"")])).await;
        assert_eq!(stale.status, 200);
    }

    #[tokio::test]
    async fn nothing_outside_the_folder_and_nothing_missing() {
        let d = dir("outside", &[("index.html", "in")]);
        let accept = headers(&[(header::ACCEPT_ENCODING, "br, gzip")]);
        for path in [
            "/../Cargo.toml",
            "/a/../../x",
            "/missing.js",
            "//etc/passwd",
            "/./index.html",
        ] {
            assert_eq!(serve_file(&d.0, path, &accept).await.status, 404, "{path}");
        }
        // A folder is not a file.
        std::fs::create_dir_all(d.0.join("sub.js")).unwrap();
        assert_eq!(serve_file(&d.0, "/sub.js", &accept).await.status, 404);
    }
}
