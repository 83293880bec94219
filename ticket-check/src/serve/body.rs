//! Reading a request body (with `Content-Length` or chunked) up to a limit.

use axum::body::{Body, Bytes};
use http_body_util::BodyExt;
use std::time::Duration;

/// A client that sends nothing for this long is given up on.
const STALL: Duration = Duration::from_secs(15);
/// After the limit, up to this much more is read and thrown away.
const DRAIN_FACTOR: usize = 16;

pub enum BodyError {
    /// Larger than allowed (answer 413).
    TooLarge,
    /// The client stalled or the connection broke: nothing to answer.
    Broken,
}

/// The whole body, or why not. A body over `max` bytes is read on (up to
/// 16 × `max`) before the 413 goes out: a connection closed with unread
/// input is reset by the kernel, and the client might never see the answer.
pub async fn read(body: Body, max: usize) -> Result<Bytes, BodyError> {
    let mut body = body;
    let mut buffer = Vec::new();
    let mut total = 0usize;
    loop {
        let frame = match tokio::time::timeout(STALL, body.frame()).await {
            Ok(Some(Ok(frame))) => frame,
            Ok(None) => break,
            Ok(Some(Err(_))) | Err(_) => {
                return if total > max {
                    Err(BodyError::TooLarge)
                } else {
                    Err(BodyError::Broken)
                };
            }
        };
        let Ok(data) = frame.into_data() else {
            continue; // trailers
        };
        total = total.saturating_add(data.len());
        if total > max.saturating_mul(DRAIN_FACTOR) {
            return Err(BodyError::TooLarge);
        }
        if total <= max {
            buffer.extend_from_slice(&data);
        }
    }
    if total > max {
        return Err(BodyError::TooLarge);
    }
    Ok(Bytes::from(buffer))
}
