//! Ticket references customers can read out on the phone: `LK-YYYYMMDD-XXXXX`.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Crockford base32: no I, L, O or U to misread.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

pub fn now_unix() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

pub fn new_reference() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    // splitmix64 mixes time, counter and pid into an unguessable-enough suffix.
    let mut x = nanos ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ u64::from(std::process::id()) << 40;
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^= x >> 31;
    let suffix: String = (0..6)
        .map(|i| ALPHABET[((x >> (i * 5)) & 31) as usize] as char)
        .collect();
    format!("LK-{}-{suffix}", date(now_unix()))
}

/// `YYYYMMDD` in UTC (Howard Hinnant's days-to-civil algorithm).
pub fn date(unix: u64) -> String {
    let (y, m, d) = civil(unix);
    format!("{y:04}{m:02}{d:02}")
}

/// `YYYY-MM-DD HH:MM:SS UTC`, for people (mails, `ticket-check status`).
pub fn datetime(unix: u64) -> String {
    let (y, m, d) = civil(unix);
    let secs = unix % 86_400;
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02} UTC",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

fn civil(unix: u64) -> (i64, i64, i64) {
    let z = (unix / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_civil() {
        assert_eq!(date(0), "19700101");
        assert_eq!(date(951_782_400), "20000229");
        assert_eq!(date(1_795_564_800), "20261125");
        assert_eq!(datetime(1_795_564_800 + 3_723), "2026-11-25 01:02:03 UTC");
    }

    #[test]
    fn references_are_distinct() {
        let a = new_reference();
        let b = new_reference();
        assert_ne!(a, b);
        assert!(a.starts_with("LK-") && a.len() == "LK-20261125-ABCDEF".len());
    }
}
