//! Rate limits per client IP and per e-mail address: at most N new tickets
//! in any window of W seconds, each counted when it is stored (repeats of
//! a stored ticket cost nothing). Refusals say when the oldest counted
//! ticket leaves the window, for `Retry-After`.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// `N/SECONDS`, e.g. `20/600`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rate {
    pub count: usize,
    pub window: Duration,
}

impl Rate {
    /// `N/SECONDS`, or `off` (no limit: `None`).
    pub fn parse(text: &str) -> Result<Option<Rate>, String> {
        if text == "off" {
            return Ok(None);
        }
        let bad = || format!("{text}: expected N/SECONDS (e.g. 20/600) or off");
        let (count, secs) = text.split_once('/').ok_or_else(bad)?;
        let count: usize = count.trim().parse().map_err(|_| bad())?;
        let secs: u64 = secs.trim().parse().map_err(|_| bad())?;
        if count == 0 || secs == 0 {
            return Err(bad());
        }
        Ok(Some(Rate {
            count,
            window: Duration::from_secs(secs),
        }))
    }
}

/// Which limit refused, and after how many seconds a try may pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limited {
    /// `client` (the IP address) or `email`.
    pub field: &'static str,
    pub retry_after_secs: u64,
}

#[derive(Default)]
struct Window {
    rate: Option<Rate>,
    seen: HashMap<String, VecDeque<Instant>>,
}

impl Window {
    /// `Err(seconds to wait)` when `key` is at its limit.
    fn check(&mut self, key: &str, now: Instant) -> Result<(), u64> {
        let Some(rate) = self.rate else {
            return Ok(());
        };
        let Some(times) = self.seen.get_mut(key) else {
            return Ok(());
        };
        while times
            .front()
            .is_some_and(|t| now.duration_since(*t) >= rate.window)
        {
            times.pop_front();
        }
        match times.front() {
            Some(oldest) if times.len() >= rate.count => {
                let wait = rate.window.saturating_sub(now.duration_since(*oldest));
                Err(wait.as_secs() + u64::from(wait.subsec_nanos() > 0))
            }
            _ => Ok(()),
        }
    }

    fn record(&mut self, key: &str, now: Instant) {
        if self.rate.is_some() {
            self.seen.entry(key.to_owned()).or_default().push_back(now);
        }
    }

    /// Forgets keys whose every ticket left the window (bounded memory).
    fn sweep(&mut self, now: Instant) {
        if let Some(rate) = self.rate {
            self.seen.retain(|_, times| {
                times
                    .back()
                    .is_some_and(|t| now.duration_since(*t) < rate.window)
            });
        }
    }
}

pub struct Limits {
    inner: Mutex<(Window, Window, usize)>,
}

/// Sweep the maps after this many stored tickets.
const SWEEP_EVERY: usize = 1024;

impl Limits {
    pub fn new(per_ip: Option<Rate>, per_email: Option<Rate>) -> Limits {
        let window = |rate| Window {
            rate,
            seen: HashMap::new(),
        };
        Limits {
            inner: Mutex::new((window(per_ip), window(per_email), 0)),
        }
    }

    /// Counts one new ticket from `ip` for `email`, unless either is at
    /// its limit (then nothing is counted).
    pub fn admit(&self, ip: &str, email: &str) -> Result<(), Limited> {
        self.admit_at(ip, email, Instant::now())
    }

    fn admit_at(&self, ip: &str, email: &str, now: Instant) -> Result<(), Limited> {
        // Plain counters: a panic elsewhere cannot leave them torn.
        let mut guard = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let (by_ip, by_email, stored) = &mut *guard;
        let email = email.to_lowercase();
        by_ip
            .check(ip, now)
            .map_err(|secs| limited("client", secs))?;
        by_email
            .check(&email, now)
            .map_err(|secs| limited("email", secs))?;
        by_ip.record(ip, now);
        by_email.record(&email, now);
        *stored += 1;
        if *stored % SWEEP_EVERY == 0 {
            by_ip.sweep(now);
            by_email.sweep(now);
        }
        Ok(())
    }
}

fn limited(field: &'static str, secs: u64) -> Limited {
    Limited {
        field,
        retry_after_secs: secs.max(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rate(text: &str) -> Option<Rate> {
        Rate::parse(text).unwrap()
    }

    #[test]
    fn parses_rates_and_off() {
        assert_eq!(
            rate("20/600"),
            Some(Rate {
                count: 20,
                window: Duration::from_secs(600)
            })
        );
        assert_eq!(rate("off"), None);
        for bad in ["", "20", "x/600", "20/x", "0/600", "20/0", "-1/5"] {
            assert!(Rate::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn each_limit_refuses_with_the_time_to_wait() {
        let limits = Limits::new(rate("2/60"), rate("3/3600"));
        let t0 = Instant::now();
        assert!(limits.admit_at("1.2.3.4", "a@b.co", t0).is_ok());
        assert!(
            limits
                .admit_at("1.2.3.4", "A@B.co", t0 + Duration::from_secs(10))
                .is_ok()
        );
        assert_eq!(
            limits.admit_at("1.2.3.4", "c@d.co", t0 + Duration::from_secs(20)),
            Err(Limited {
                field: "client",
                retry_after_secs: 40
            })
        );
        // Another address: the e-mail's third ticket passes, its fourth not.
        assert!(
            limits
                .admit_at("5.6.7.8", "a@b.co", t0 + Duration::from_secs(20))
                .is_ok()
        );
        assert_eq!(
            limits
                .admit_at("9.9.9.9", "a@b.co", t0 + Duration::from_secs(30))
                .map_err(|l| l.field),
            Err("email")
        );
        // The first IP's window has moved on.
        assert!(
            limits
                .admit_at("1.2.3.4", "c@d.co", t0 + Duration::from_secs(61))
                .is_ok()
        );
    }

    #[test]
    fn off_never_refuses() {
        let limits = Limits::new(None, None);
        let t0 = Instant::now();
        for _ in 0..10_000 {
            assert!(limits.admit_at("1.2.3.4", "a@b.co", t0).is_ok());
        }
    }
}
