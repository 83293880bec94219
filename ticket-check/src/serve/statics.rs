//! `--static DIR`: the built widget, so one process is enough for a demo or
//! an end-to-end test.

use super::reply::Reply;
use std::path::{Component, Path};

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

/// The file at `url_path` under `dir` (`index.html` for a folder); 404 for
/// anything outside `dir` or missing.
pub async fn serve_file(dir: &Path, url_path: &str) -> Reply {
    let relative = url_path.trim_start_matches('/');
    let relative = if relative.is_empty() || relative.ends_with('/') {
        format!("{relative}index.html")
    } else {
        relative.to_owned()
    };
    let candidate = Path::new(&relative);
    if candidate
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return Reply::error(404, "path", "not_found");
    }
    let full = dir.join(candidate);
    match tokio::fs::read(&full).await {
        Ok(body) => Reply::new(200, content_type(&full), body),
        Err(_) => Reply::error(404, "path", "not_found"),
    }
}
