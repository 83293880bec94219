//! Starting the reference receiver and talking raw HTTP to it on 127.0.0.1.
// Each test crate uses a different subset of these helpers.
#![allow(dead_code)]

pub mod capture;
pub mod smtp_sink;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct Receiver {
    child: Child,
    pub addr: String,
    pub store: PathBuf,
    /// Removed when the receiver is dropped (false after `kill`).
    owns_store: bool,
}

impl Receiver {
    /// Sends SIGTERM, as a service manager stops the receiver.
    pub fn terminate(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success());
    }

    /// The exit status, once the receiver has stopped (at most `within`).
    pub fn wait_exit(&mut self, within: Duration) -> Option<std::process::ExitStatus> {
        let deadline = std::time::Instant::now() + within;
        while std::time::Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if self.owns_store {
            remove_store(&self.store);
        }
    }
}

impl Receiver {
    /// SIGKILL, as a crash or power cut would stop it; the store stays
    /// for a restart with `start_on`.
    pub fn kill(mut self) -> PathBuf {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.owns_store = false;
        self.store.clone()
    }
}

/// The SQLite file and its WAL companions.
pub fn remove_store(store: &std::path::Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut path = store.as_os_str().to_owned();
        path.push(suffix);
        let _ = std::fs::remove_file(path);
    }
}

/// A store path of its own for this test.
pub fn temp_store() -> PathBuf {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    // The test binary's name keeps parallel test crates off each other's files.
    let crate_name = std::env::current_exe()
        .ok()
        .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let store = std::env::temp_dir().join(format!(
        "ticket-receiver-{crate_name}-{}-{n}.db",
        std::process::id()
    ));
    remove_store(&store);
    store
}

pub fn start(extra: &[&str]) -> Receiver {
    start_on(temp_store(), extra)
}

/// Starts the receiver on `store` (a new or an existing one).
pub fn start_on(store: PathBuf, extra: &[&str]) -> Receiver {
    start_with(store, extra, &[])
}

/// As `start_on`, with these environment variables (secrets named in a
/// config file). `TICKET_TEST_LOG=1` shows the receiver's log.
pub fn start_with(store: PathBuf, extra: &[&str], envs: &[(&str, &str)]) -> Receiver {
    let log = if std::env::var_os("TICKET_TEST_LOG").is_some() {
        Stdio::inherit()
    } else {
        Stdio::null()
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_ticket-check"))
        .args(["serve", "--addr", "127.0.0.1:0", "--store"])
        .arg(&store)
        .args(extra)
        .envs(envs.iter().copied())
        .stdout(Stdio::piped())
        .stderr(log)
        .spawn()
        .expect("start ticket-check serve");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .strip_prefix("listening on http://")
        .expect(&line)
        .to_owned();
    Receiver {
        child,
        addr,
        store,
        owns_store: true,
    }
}

pub struct Reply {
    /// 0 when the connection closed without an answer.
    pub status: u16,
    pub head: String,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or(serde_json::Value::Null)
    }
}

pub fn request(addr: &str, raw_head: &str, body: &[u8]) -> Reply {
    let mut stream = TcpStream::connect(addr).unwrap();
    // A hung receiver fails the test instead of hanging it.
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    stream.write_all(raw_head.as_bytes()).unwrap();
    // The receiver may answer (413) before the whole body is sent.
    let _ = stream.write_all(body);
    read_reply(&mut stream)
}

/// One answer from `stream`: the head, then as many body bytes as its
/// `Content-Length` says (the connection stays open: keep-alive), or up to
/// the end of the stream without one. Status 0 when the receiver closed
/// the connection without answering.
pub fn read_reply(stream: &mut TcpStream) -> Reply {
    // Nothing follows an answer until the next request, so this reader
    // cannot take bytes that belong to a later one.
    let mut reader = BufReader::new(stream);
    let mut raw = Vec::new();
    loop {
        let before = raw.len();
        match reader.read_until(b'\n', &mut raw) {
            Ok(0) => break,
            Ok(_) if raw[before..] == *b"\r\n" => break,
            Ok(_) => {}
            Err(e) => {
                assert!(
                    e.kind() != std::io::ErrorKind::WouldBlock
                        && e.kind() != std::io::ErrorKind::TimedOut,
                    "no answer within 30 s"
                );
                break;
            }
        }
    }
    let head = String::from_utf8_lossy(&raw).trim_end().to_owned();
    let status = head.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut reply = Reply {
        status,
        head,
        body: String::new(),
    };
    let mut body = Vec::new();
    match reply.header("content-length").and_then(|n| n.parse().ok()) {
        Some(length) => {
            body.resize(length, 0);
            let _ = reader.read_exact(&mut body);
        }
        None if status != 0 => {
            let _ = reader.read_to_end(&mut body);
        }
        None => {}
    }
    reply.body = String::from_utf8_lossy(&body).into_owned();
    reply
}

pub fn post_reply(addr: &str, content_type: &str, key: Option<&str>, body: &str) -> Reply {
    let key_header = key
        .map(|k| format!("Idempotency-Key: {k}\r\n"))
        .unwrap_or_default();
    let head = format!(
        "POST /api/tickets HTTP/1.1\r\nHost: x\r\nContent-Type: {content_type}\r\n{key_header}Content-Length: {}\r\n\r\n",
        body.len()
    );
    request(addr, &head, body.as_bytes())
}

pub fn post(
    addr: &str,
    content_type: &str,
    key: Option<&str>,
    body: &str,
) -> (u16, serde_json::Value) {
    let reply = post_reply(addr, content_type, key, body);
    (reply.status, reply.json())
}

pub fn get(addr: &str, path: &str) -> Reply {
    request(
        addr,
        &format!("GET {path} HTTP/1.1\r\nHost: x\r\n\r\n"),
        b"",
    )
}

pub fn example() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../public/examples/ticket.json"
    ))
    .unwrap()
}

/// Every stored ticket, as `ticket-check export` writes them.
pub fn stored(r: &Receiver) -> Vec<serde_json::Value> {
    export(&r.store)
}

pub fn export(store: &std::path::Path) -> Vec<serde_json::Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_ticket-check"))
        .arg("export")
        .arg("--store")
        .arg(store)
        .output()
        .expect("run ticket-check export");
    assert!(
        out.status.success(),
        "export: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Writes `text` to a config file of its own for this test.
pub fn temp_config(text: &str) -> PathBuf {
    let path = temp_store().with_extension("toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// `ticket-check status REF --store STORE`: exit code and output.
pub fn status(store: &std::path::Path, reference: &str) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ticket-check"))
        .args(["status", reference, "--store"])
        .arg(store)
        .output()
        .expect("run ticket-check status");
    (
        out.status.code(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

/// `ticket-check status` once its output contains `needle`, or as it is
/// after `within`.
/// Waits until the status of `reference` shows `attempts` failed delivery
/// attempts (at most 20 s), and returns it.
pub fn wait_for_attempts(store: &std::path::Path, reference: &str, attempts: u32) -> String {
    let needle = format!("pending ({attempts} attempts");
    let out = wait_for_status(store, reference, &needle, Duration::from_secs(20));
    assert!(out.contains(&needle), "{out}");
    out
}

pub fn wait_for_status(
    store: &std::path::Path,
    reference: &str,
    needle: &str,
    within: Duration,
) -> String {
    let deadline = std::time::Instant::now() + within;
    loop {
        let (_, out) = status(store, reference);
        if out.contains(needle) || std::time::Instant::now() > deadline {
            return out;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
