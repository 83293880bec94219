//! The receiver's answers as plain data (status, type, headers, body), so
//! that the fault switches can rewrite them and unit tests can read them
//! without a server. `Reply::hang_up` is the one answer that is not sent:
//! the connection closes instead (see `serve::connection`).

use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub headers: Vec<(HeaderName, String)>,
    pub body: Vec<u8>,
    /// Close the connection without answering (a fault switch asked to).
    pub hang_up: bool,
}

/// Marks a response whose connection must close unanswered.
#[derive(Clone, Copy, Debug)]
pub struct HangUp;

impl Reply {
    pub fn new(status: u16, content_type: &'static str, body: Vec<u8>) -> Reply {
        Reply {
            status,
            content_type,
            headers: Vec::new(),
            body,
            hang_up: false,
        }
    }

    pub fn json(status: u16, value: &serde_json::Value) -> Reply {
        Reply::new(status, "application/json", value.to_string().into_bytes())
    }

    /// `{"errors": [{"field": …, "code": …}]}`, the shape of every refusal.
    pub fn error(status: u16, field: &str, code: &str) -> Reply {
        Reply::json(
            status,
            &serde_json::json!({ "errors": [{ "field": field, "code": code }] }),
        )
    }

    pub fn empty(status: u16) -> Reply {
        Reply::new(status, "text/plain", Vec::new())
    }

    pub fn hang_up() -> Reply {
        Reply {
            hang_up: true,
            ..Reply::empty(500)
        }
    }

    pub fn with_header(mut self, name: HeaderName, value: String) -> Reply {
        self.headers.push((name, value));
        self
    }
}

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = (status, self.body).into_response();
        let headers = response.headers_mut();
        headers.insert(
            axum::http::header::CONTENT_TYPE,
            HeaderValue::from_static(self.content_type),
        );
        for (name, value) in self.headers {
            // A value no header may carry (a line break) is left out rather
            // than sent broken.
            if let Ok(value) = HeaderValue::from_str(&value) {
                headers.append(name, value);
            }
        }
        if self.hang_up {
            response.extensions_mut().insert(HangUp);
        }
        response
    }
}
