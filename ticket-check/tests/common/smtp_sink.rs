//! A real SMTP server for the tests: aiosmtpd (Python), run with
//! tests/smtp/sink.py, from the virtual environment scripts/setup makes.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// `TICKET_SMTP_PYTHON`, else the Python of scripts/setup's virtual
/// environment. Missing means the test fails: it never skips.
pub fn python() -> PathBuf {
    let path = std::env::var_os("TICKET_SMTP_PYTHON").map_or_else(
        || {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default())
                .join(".venv-ticket-smtp/bin/python")
        },
        PathBuf::from,
    );
    assert!(
        path.exists(),
        "no Python with aiosmtpd at {}: run scripts/setup (it creates that virtual \
         environment), or set TICKET_SMTP_PYTHON to a python that can import aiosmtpd",
        path.display()
    );
    path
}

pub struct SmtpSink {
    child: Child,
    pub port: u16,
    pub dir: PathBuf,
}

/// A port free right now (for a server started later).
pub fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

impl SmtpSink {
    pub fn start() -> SmtpSink {
        SmtpSink::start_on(0)
    }

    pub fn start_on(port: u16) -> SmtpSink {
        SmtpSink::start_with(port, "none")
    }

    /// `tls`: `none`, `starttls` (required) or `tls` (implicit).
    pub fn start_with(port: u16, tls: &str) -> SmtpSink {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("ticket-smtp-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mut child = Command::new(python())
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/smtp/sink.py"))
            .arg(port.to_string())
            .arg(&dir)
            .arg(tls)
            .stdout(Stdio::piped())
            // aiosmtpd logs refused TLS handshakes (a test provokes one).
            .stderr(if std::env::var_os("TICKET_TEST_LOG").is_some() {
                Stdio::inherit()
            } else {
                Stdio::null()
            })
            .spawn()
            .expect("start the SMTP sink");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .trim()
            .strip_prefix("listening on ")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| {
                panic!("the SMTP sink did not start (is aiosmtpd installed? run scripts/setup)")
            });
        SmtpSink { child, port, dir }
    }

    /// Every message received so far, as tests/smtp/sink.py parsed it.
    pub fn messages(&self) -> Vec<serde_json::Value> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|p| serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap())
            .collect()
    }

    /// Waits (at most `within`) until `n` messages have arrived.
    pub fn wait_for(&self, n: usize, within: Duration) -> Vec<serde_json::Value> {
        let deadline = Instant::now() + within;
        loop {
            let messages = self.messages();
            if messages.len() >= n || Instant::now() > deadline {
                return messages;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The receiver's config for one SMTP target on `port`, retrying fast.
pub fn smtp_config(port: u16, language: &str) -> String {
    format!(
        "[retry]\nfirst_ms = 100\nmax_ms = 400\ntimeout_secs = 5\n\n\
         [[deliver]]\nkind = \"smtp\"\nhost = \"127.0.0.1\"\nport = {port}\ntls = \"none\"\n\
         from = \"support-form@example.com\"\nto = \"support@example.com\"\n\
         language = \"{language}\"\n"
    )
}

/// As `smtp_config`, over TLS (`starttls` or `tls`) to `localhost`,
/// trusting the test CA.
pub fn smtp_tls_config(port: u16, tls: &str) -> String {
    format!(
        "[retry]\nfirst_ms = 100\nmax_ms = 400\ntimeout_secs = 5\n\n\
         [[deliver]]\nkind = \"smtp\"\nhost = \"localhost\"\nport = {port}\ntls = \"{tls}\"\n\
         ca_file = \"{}/tests/smtp/test-ca.pem\"\n\
         from = \"support-form@example.com\"\nto = \"support@example.com\"\n",
        env!("CARGO_MANIFEST_DIR")
    )
}
