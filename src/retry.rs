//! When to try a failed submission again. Pure, so it is tested natively.

const BASE_MS: u32 = 1_000;
const CAP_MS: u32 = 30_000;
/// A server asking for more than this is treated as "later, by hand".
const RETRY_AFTER_CAP_S: u32 = 120;

/// Why an attempt failed, as far as retrying is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// No answer: offline, DNS, reset, CORS.
    Network,
    /// No answer within the request timeout.
    Timeout,
    /// 5xx, 408 or 429: the server may accept the same ticket later.
    Server(u16),
    /// 429 `spam.too_fast`: sent sooner after the form appeared than the
    /// receiver allows; it goes again once `Retry-After` has passed.
    TooFast,
}

/// Delay before retry number `retry` (1-based): capped exponential backoff
/// with ±25 % jitter (`jitter` in 0.0..1.0), or the server's `Retry-After`.
pub fn delay_ms(retry: u32, retry_after_s: Option<u32>, jitter: f64) -> u32 {
    if let Some(s) = retry_after_s {
        return s.min(RETRY_AFTER_CAP_S) * 1_000;
    }
    let exp = BASE_MS
        .saturating_mul(1 << retry.saturating_sub(1).min(16))
        .min(CAP_MS);
    let factor = 0.75 + 0.5 * jitter.clamp(0.0, 1.0);
    (f64::from(exp) * factor) as u32
}

/// `Retry-After` as seconds; HTTP dates are rare from APIs and read as absent.
pub fn parse_retry_after(value: Option<&str>) -> Option<u32> {
    value?.trim().parse().ok()
}

/// Statuses worth retrying with the same idempotency key. Other 4xx mean the
/// ticket itself is refused, and sending it again cannot help.
pub fn is_retryable(status: u16) -> bool {
    matches!(status, 408 | 429 | 500..=599)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backs_off_exponentially_with_a_cap() {
        let mid = |n| delay_ms(n, None, 0.5);
        assert_eq!(
            [mid(1), mid(2), mid(3), mid(4), mid(5)],
            [1_000, 2_000, 4_000, 8_000, 16_000]
        );
        assert_eq!(mid(6), 30_000);
        assert_eq!(mid(40), 30_000);
        assert_eq!(delay_ms(1, None, 0.0), 750);
        assert_eq!(delay_ms(1, None, 1.0), 1_250);
    }

    #[test]
    fn honours_retry_after_within_reason() {
        assert_eq!(delay_ms(1, Some(7), 0.9), 7_000);
        assert_eq!(delay_ms(3, Some(3_600), 0.1), 120_000);
        assert_eq!(parse_retry_after(Some(" 5 ")), Some(5));
        assert_eq!(
            parse_retry_after(Some("Wed, 21 Oct 2026 07:28:00 GMT")),
            None
        );
        assert_eq!(parse_retry_after(None), None);
    }

    #[test]
    fn only_transient_statuses_are_retried() {
        for s in [408, 429, 500, 502, 503, 504] {
            assert!(is_retryable(s), "{s}");
        }
        for s in [400, 401, 403, 404, 413, 415, 422] {
            assert!(!is_retryable(s), "{s}");
        }
    }
}
