//! The headers an upload must carry: its own `Idempotency-Key` and the
//! percent-encoded `X-Filename`. The file name is decoded and cleaned for
//! display (ticket_core::attachment::name) and never used as a path.

use super::super::reply::Reply;
use axum::http::HeaderMap;
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use ticket_core::attachment::name::display_name;

/// The longest `Idempotency-Key` kept (as for tickets).
const MAX_KEY_LEN: usize = 255;
/// The longest `X-Filename` read, encoded: room for a 255-byte file name
/// (the most a file system allows) ten times over; the name kept is
/// shortened to 100 characters anyway.
const MAX_FILENAME_HEADER: usize = 8192;

pub struct Upload {
    pub key: String,
    /// Cleaned for display.
    pub name: String,
    /// As sent (compared with the content's type).
    pub content_type: String,
}

/// The upload's headers, or the 400 that says which one is missing or bad.
pub fn read(headers: &HeaderMap) -> Result<Upload, Reply> {
    let text = |name: &str| headers.get(name).map(|v| v.to_str().map(str::trim));
    let key = match text("idempotency-key") {
        None | Some(Ok("")) => {
            return Err(Reply::error(400, "idempotency_key", "idempotency.missing"));
        }
        Some(Ok(key)) if key.len() <= MAX_KEY_LEN => key.to_owned(),
        Some(_) => return Err(Reply::error(400, "idempotency_key", "idempotency.invalid")),
    };
    let name = match text("x-filename") {
        None | Some(Ok("")) => {
            return Err(Reply::error(400, "filename", "attachment.filename_missing"));
        }
        Some(Ok(raw)) if raw.len() <= MAX_FILENAME_HEADER => display_name(raw),
        // Not visible ASCII (it should be percent-encoded) or too long.
        Some(_) => return Err(Reply::error(400, "filename", "attachment.filename_invalid")),
    };
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    Ok(Upload {
        key,
        name,
        content_type,
    })
}

/// The declared `Content-Length`, when there is one that reads.
pub fn content_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &[u8])]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_bytes(value).unwrap());
        }
        map
    }

    fn code(result: Result<Upload, Reply>) -> String {
        let reply = result.err().unwrap();
        assert_eq!(reply.status, 400);
        let body: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
        body["errors"][0]["code"].as_str().unwrap().to_owned()
    }

    #[test]
    fn key_and_name_are_required() {
        assert_eq!(
            code(read(&headers(&[("x-filename", b"a.png")]))),
            "idempotency.missing"
        );
        assert_eq!(
            code(read(&headers(&[
                ("idempotency-key", b"k"),
                ("x-filename", b" ")
            ]))),
            "attachment.filename_missing"
        );
        assert_eq!(
            code(read(&headers(&[
                ("idempotency-key", b"k"),
                ("x-filename", "é".as_bytes())
            ]))),
            "attachment.filename_invalid"
        );
        let long = "k".repeat(256);
        assert_eq!(
            code(read(&headers(&[
                ("idempotency-key", long.as_bytes()),
                ("x-filename", b"a")
            ]))),
            "idempotency.invalid"
        );
    }

    #[test]
    fn the_name_is_decoded_and_cleaned() {
        let upload = read(&headers(&[
            ("idempotency-key", b"k1"),
            ("x-filename", b"..%2F..%2Fetc%2Fpasswd%00%E2%80%AEgnp.exe"),
            ("content-type", b"text/plain"),
        ]))
        .ok()
        .unwrap();
        assert_eq!(upload.key, "k1");
        assert_eq!(upload.name, "passwdgnp.exe");
        assert_eq!(upload.content_type, "text/plain");
    }
}
