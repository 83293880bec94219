//! Fault injection for `ticket-check serve`, for tests only: failed, slow
//! and unanswered ticket POSTs, so a client's retries can be tested against
//! the real receiver. Attachment uploads (`POST …/attachments`) go through
//! the same switches as tickets (a failure or hang-up counted against
//! `fail_next` or `drop_after_store` may be an upload or a ticket,
//! whichever comes first), and `--fail-uploads N` fails the next N uploads
//! only, so a test can fail uploads and still let the ticket through.
//! Nothing is injected unless a switch was given on the
//! command line, and the run-time control endpoint (`/__faults`) exists only
//! with `--enable-fault-control`: a receiver started without switches
//! behaves exactly as in production.
//!
//!   --fail-next N:STATUS    the next N ticket POSTs get STATUS (400–599), nothing stored
//!   --fail-uploads N        the next N attachment uploads get STATUS (that of
//!                           --fail-next, else 503), nothing stored
//!   --retry-after SECS      `Retry-After: SECS` on every 429 and 503 ticket answer
//!   --delay-ms MS           wait MS (≤ 60000) before every ticket answer
//!   --drop-after-store N    the next N ticket POSTs that reach the store (new or
//!                           repeated key) are stored, then the connection closes unanswered
//!   --enable-fault-control  POST /__faults replaces all of the above at run time with
//!                           `{"fail_next":2,"status":503,"retry_after":1,"delay_ms":0,
//!                           "drop_after_store":0,"fail_uploads":0}` (absent fields: off;
//!                           status 503);
//!                           two settings exist only there: `"body":"<html>…"` answers the
//!                           injected failures with that text (as a proxy's error page would),
//!                           `"no_reference":N` answers the next N stored tickets `201 {}`;
//!                           GET /__faults shows them; GET /__tickets/count counts tickets

use crate::serve::reply::Reply;
use axum::http::{Method, header::RETRY_AFTER};
use serde::{Deserialize, Serialize};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

/// Longer delays would only hang the test that asked for them.
const MAX_DELAY_MS: u64 = 60_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    pub fail_next: u32,
    pub status: u16,
    pub retry_after: Option<u64>,
    pub delay_ms: u64,
    pub drop_after_store: u32,
    /// The body of injected failures instead of the receiver's JSON error
    /// (`text/html` when it starts with `<`): what a proxy in front of a
    /// backend answers.
    pub body: Option<String>,
    /// The next N stored tickets are answered `201 {}`, without a reference.
    pub no_reference: u32,
    /// The next N attachment uploads fail with `status` (tickets do not).
    pub fail_uploads: u32,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            fail_next: 0,
            status: 503,
            retry_after: None,
            delay_ms: 0,
            drop_after_store: 0,
            body: None,
            no_reference: 0,
            fail_uploads: 0,
        }
    }
}

impl Settings {
    /// The offending field and an error code, as in a 422.
    fn check(&self) -> Result<(), (&'static str, &'static str)> {
        // A 2xx "failure" would tell the client its ticket was stored.
        if !(400..=599).contains(&self.status) {
            return Err(("status", "fault.status_range"));
        }
        if self.delay_ms > MAX_DELAY_MS {
            return Err(("delay_ms", "fault.delay_too_long"));
        }
        Ok(())
    }
}

#[derive(Default)]
pub struct Faults {
    control: bool,
    settings: Mutex<Settings>,
}

impl Faults {
    /// Consumes `flag` (and its value from `rest`) if it is a fault switch.
    pub fn take_arg<'a>(
        &mut self,
        flag: &str,
        rest: &mut impl Iterator<Item = &'a String>,
    ) -> Result<bool, String> {
        let mut value = || rest.next().ok_or(format!("{flag} needs a value"));
        let number = |v: &str| {
            v.parse::<u64>()
                .map_err(|_| format!("{flag} {v}: not a number"))
        };
        let count = |v: &str| {
            v.parse::<u32>()
                .map_err(|_| format!("{flag} {v}: not a count"))
        };
        let settings = self.settings.get_mut().unwrap_or_else(|e| e.into_inner());
        match flag {
            "--fail-next" => {
                let v = value()?;
                let (n, status) = v
                    .split_once(':')
                    .ok_or(format!("{flag} {v}: expected N:STATUS, e.g. 3:503"))?;
                settings.fail_next = count(n)?;
                settings.status = status
                    .parse()
                    .map_err(|_| format!("{flag} {v}: STATUS is not a number"))?;
            }
            "--retry-after" => settings.retry_after = Some(number(value()?)?),
            "--delay-ms" => settings.delay_ms = number(value()?)?,
            "--drop-after-store" => settings.drop_after_store = count(value()?)?,
            "--fail-uploads" => settings.fail_uploads = count(value()?)?,
            "--enable-fault-control" => self.control = true,
            _ => return Ok(false),
        }
        settings
            .check()
            .map_err(|(field, code)| format!("{flag}: {field}: {code}"))?;
        Ok(true)
    }

    pub fn control_enabled(&self) -> bool {
        self.control
    }

    fn lock(&self) -> MutexGuard<'_, Settings> {
        // Settings are plain numbers: a panic elsewhere cannot leave them torn.
        self.settings.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Answers a ticket POST through `receive`, unless a fault says
    /// otherwise (a hang-up is `Reply::hang_up`).
    pub async fn around<F>(&self, receive: impl FnOnce() -> F) -> Reply
    where
        F: Future<Output = Reply>,
    {
        self.around_post(false, receive).await
    }

    /// As `around`, for an attachment upload: `fail_uploads` first.
    pub async fn around_upload<F>(&self, receive: impl FnOnce() -> F) -> Reply
    where
        F: Future<Output = Reply>,
    {
        self.around_post(true, receive).await
    }

    async fn around_post<F>(&self, upload: bool, receive: impl FnOnce() -> F) -> Reply
    where
        F: Future<Output = Reply>,
    {
        let failure = {
            let mut s = self.lock();
            if upload && s.fail_uploads > 0 {
                s.fail_uploads -= 1;
                Some((s.status, s.body.clone()))
            } else {
                (s.fail_next > 0).then(|| {
                    s.fail_next -= 1;
                    (s.status, s.body.clone())
                })
            }
        };
        let mut reply = match failure {
            Some((status, Some(body))) => {
                let content_type = if body.starts_with('<') {
                    "text/html; charset=utf-8"
                } else {
                    "text/plain; charset=utf-8"
                };
                Reply::new(status, content_type, body.into_bytes())
            }
            Some((status, None)) => Reply::error(status, "fault", "fault.injected"),
            None => receive().await,
        };
        let (hang_up, delay_ms, retry_after) = {
            let mut s = self.lock();
            // Only a stored ticket is answered with 200 or 201.
            let stored = matches!(reply.status, 200 | 201);
            let hang_up = stored && s.drop_after_store > 0;
            if hang_up {
                s.drop_after_store -= 1;
            } else if stored && s.no_reference > 0 {
                s.no_reference -= 1;
                reply.body = b"{}".to_vec();
            }
            (hang_up, s.delay_ms, s.retry_after)
        };
        tokio::time::sleep(Duration::from_millis(delay_ms)).await;
        if hang_up {
            return Reply::hang_up();
        }
        if let (429 | 503, Some(secs)) = (reply.status, retry_after) {
            reply.headers.push((RETRY_AFTER, secs.to_string()));
        }
        reply
    }

    /// `GET /__faults` shows the settings; `POST /__faults` replaces them.
    pub fn control(&self, method: &Method, body: &[u8]) -> Reply {
        match *method {
            Method::GET => Reply::json(200, &settings_json(&self.lock())),
            Method::POST => {
                let Ok(new) = serde_json::from_slice::<Settings>(body) else {
                    return Reply::error(400, "body", "body.invalid_json");
                };
                if let Err((field, code)) = new.check() {
                    return Reply::error(422, field, code);
                }
                eprintln!("faults now {}", settings_json(&new));
                let answer = settings_json(&new);
                *self.lock() = new;
                Reply::json(200, &answer)
            }
            _ => Reply::error(405, "method", "method.not_allowed"),
        }
    }
}

fn settings_json(settings: &Settings) -> serde_json::Value {
    serde_json::to_value(settings).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Faults, String> {
        let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
        let mut faults = Faults::default();
        let mut it = args.iter();
        while let Some(flag) = it.next() {
            if !faults.take_arg(flag, &mut it)? {
                return Err(format!("not a fault switch: {flag}"));
            }
        }
        Ok(faults)
    }

    async fn answer() -> Reply {
        Reply::json(201, &serde_json::json!({ "reference": "LK-1" }))
    }

    #[test]
    fn parses_every_switch() {
        let faults = parse(&[
            "--fail-next",
            "3:429",
            "--retry-after",
            "2",
            "--delay-ms",
            "5",
            "--drop-after-store",
            "1",
            "--enable-fault-control",
        ])
        .unwrap();
        assert!(faults.control_enabled());
        assert_eq!(
            *faults.lock(),
            Settings {
                fail_next: 3,
                status: 429,
                retry_after: Some(2),
                delay_ms: 5,
                drop_after_store: 1,
                ..Settings::default()
            }
        );
    }

    #[test]
    fn refuses_bad_values() {
        for args in [
            &["--fail-next", "3"][..],
            &["--fail-next", "x:503"],
            &["--fail-next", "3:200"],
            &["--fail-next", "3:abc"],
            &["--delay-ms", "-1"],
            &["--delay-ms", "60001"],
            &["--retry-after"],
            &["--drop-after-store", "many"],
        ] {
            assert!(parse(args).is_err(), "{args:?}");
        }
    }

    #[tokio::test]
    async fn failures_then_hang_ups_then_answers() {
        let faults = parse(&["--fail-next", "2:503", "--retry-after", "1"]).unwrap();
        faults.lock().drop_after_store = 1;
        let received = std::sync::atomic::AtomicUsize::new(0);
        let receive = || {
            received.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            answer()
        };
        for _ in 0..2 {
            let r = faults.around(receive).await;
            assert_eq!(r.status, 503);
            assert_eq!(r.headers, [(RETRY_AFTER, "1".to_owned())]);
        }
        assert!(faults.around(receive).await.hang_up);
        let r = faults.around(receive).await;
        assert_eq!((r.status, r.hang_up), (201, false));
        assert_eq!(received.into_inner(), 2);
    }

    #[tokio::test]
    async fn a_rejected_ticket_does_not_use_up_a_hang_up() {
        let faults = parse(&["--drop-after-store", "1"]).unwrap();
        let rejected = || async { Reply::error(422, "email", "email.no_at") };
        let r = faults.around(rejected).await;
        assert_eq!((r.status, r.hang_up), (422, false));
        assert!(faults.around(answer).await.hang_up);
    }

    #[tokio::test]
    async fn a_failure_body_and_a_missing_reference_can_be_injected() {
        let faults = parse(&[]).unwrap();
        {
            let mut s = faults.lock();
            s.fail_next = 1;
            s.status = 502;
            s.body = Some("<html><h1>Bad gateway</h1></html>".into());
            s.no_reference = 1;
        }
        let r = faults.around(answer).await;
        assert_eq!(
            (r.status, r.content_type),
            (502, "text/html; charset=utf-8")
        );
        assert_eq!(r.body, b"<html><h1>Bad gateway</h1></html>");
        let r = faults.around(answer).await;
        assert_eq!((r.status, r.body.as_slice()), (201, &b"{}"[..]));
        let r = faults.around(answer).await;
        assert_eq!(r.body, br#"{"reference":"LK-1"}"#);
    }

    #[tokio::test]
    async fn upload_failures_spare_tickets() {
        let faults = parse(&["--fail-uploads", "2", "--retry-after", "1"]).unwrap();
        assert_eq!(faults.around(answer).await.status, 201);
        for _ in 0..2 {
            let r = faults.around_upload(answer).await;
            assert_eq!(r.status, 503);
            assert_eq!(r.headers, [(RETRY_AFTER, "1".to_owned())]);
        }
        assert_eq!(faults.around_upload(answer).await.status, 201);
        // `fail_next` counts uploads and tickets alike.
        let faults = parse(&["--fail-next", "1:503"]).unwrap();
        assert_eq!(faults.around_upload(answer).await.status, 503);
        assert_eq!(faults.around(answer).await.status, 201);
    }

    #[tokio::test]
    async fn retry_after_only_on_429_and_503() {
        let faults = parse(&["--fail-next", "1:500", "--retry-after", "4"]).unwrap();
        assert!(faults.around(answer).await.headers.is_empty());
    }
}
