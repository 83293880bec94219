//! Reading an upload's body without ever holding (or reading) more than
//! the limit: at most `max + 1` bytes are read, then the upload is refused.
//! Unlike ticket bodies (serve/body.rs), the rest is not drained: a 10 MB
//! limit drained 16-fold would be 160 MB of someone else's upload. The
//! refusal closes the connection (`Connection: close`); a client that
//! checked the size first (the widget does) never sees it.

use axum::body::{Body, Bytes};
use http_body_util::BodyExt;
use std::time::Duration;

/// A client that sends nothing for this long is given up on.
const STALL: Duration = Duration::from_secs(15);

pub enum UploadError {
    TooLarge,
    /// The client stalled or the connection broke.
    Broken,
}

/// The whole body if it is at most `max` bytes.
pub async fn read_at_most(body: Body, max: usize) -> Result<Bytes, UploadError> {
    let mut body = body;
    let mut buffer = Vec::new();
    loop {
        let frame = match tokio::time::timeout(STALL, body.frame()).await {
            Ok(Some(Ok(frame))) => frame,
            Ok(None) => return Ok(Bytes::from(buffer)),
            Ok(Some(Err(_))) | Err(_) => return Err(UploadError::Broken),
        };
        let Ok(data) = frame.into_data() else {
            continue; // trailers
        };
        if buffer.len().saturating_add(data.len()) > max {
            return Err(UploadError::TooLarge);
        }
        buffer.extend_from_slice(&data);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn up_to_the_limit_and_not_a_byte_more() {
        let exact = read_at_most(Body::from(vec![7u8; 10]), 10).await;
        assert!(matches!(exact, Ok(b) if b.len() == 10));
        let over = read_at_most(Body::from(vec![7u8; 11]), 10).await;
        assert!(matches!(over, Err(UploadError::TooLarge)));
        let empty = read_at_most(Body::empty(), 10).await;
        assert!(matches!(empty, Ok(b) if b.is_empty()));
    }
}
