//! A bounded load test of the reference receiver on 127.0.0.1: 2,000 ticket
//! POSTs from 50 client threads, a quarter of them repeating an earlier
//! idempotency key (half of those while the first send is still in flight).
//! Every ticket must be stored exactly once and every repeat must get the
//! first send's reference.

mod common;

use common::{example, start, stored};
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const REQUESTS: usize = 2_000;
const CLIENTS: usize = 50;
/// Past this, clients stop taking work and the test fails rather than hangs.
const DEADLINE: Duration = Duration::from_secs(50);
const SOCKET_TIMEOUT: Duration = Duration::from_secs(15);

/// Every fourth request repeats a key: every eighth the one just before it
/// (most likely still in flight on another client), the others a key from
/// about half-way back (long stored).
fn key_for(i: usize) -> String {
    match i % 8 {
        3 => key_for(i - 1),
        7 => key_for(i / 2),
        _ => format!("load-{i:04}"),
    }
}

struct Outcome {
    key: String,
    status: u16,
    reference: Option<String>,
    latency: Duration,
}

fn send(addr: SocketAddr, key: &str, body: &str) -> Result<(u16, Option<String>), String> {
    let mut stream =
        TcpStream::connect_timeout(&addr, SOCKET_TIMEOUT).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(SOCKET_TIMEOUT))
        .and_then(|()| stream.set_write_timeout(Some(SOCKET_TIMEOUT)))
        .map_err(|e| e.to_string())?;
    let request = format!(
        "POST /api/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
         Idempotency-Key: {key}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream
        .write_all(request.as_bytes())
        .map_err(|e| e.to_string())?;
    let reply = common::read_reply(&mut stream);
    if reply.status == 0 {
        return Err(format!("not an HTTP answer: {:?}", reply.head));
    }
    let status = reply.status;
    let reference = reply.json()["reference"].as_str().map(str::to_owned);
    Ok((status, reference))
}

fn percentile(sorted: &[Duration], p: usize) -> f64 {
    let i = (sorted.len() * p / 100).min(sorted.len() - 1);
    sorted[i].as_secs_f64() * 1000.0
}

#[test]
fn two_thousand_posts_from_fifty_clients_store_each_key_exactly_once() {
    // One client IP and one e-mail address send everything: no rate limits.
    let r = start(&["--rate-ip", "off", "--rate-email", "off"]);
    let addr: SocketAddr = r.addr.parse().unwrap();
    let template: serde_json::Value = serde_json::from_str(&example()).unwrap();
    let body_for = move |key: &str| {
        let mut ticket = template.clone();
        ticket["message"] = format!("{} ({key})", ticket["message"].as_str().unwrap()).into();
        ticket.to_string()
    };
    let next = Arc::new(AtomicUsize::new(0));
    let outcomes = Arc::new(Mutex::new(Vec::with_capacity(REQUESTS)));
    let errors = Arc::new(Mutex::new(Vec::new()));
    let started = Instant::now();
    let clients: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let (next, outcomes, errors) = (next.clone(), outcomes.clone(), errors.clone());
            let body_for = body_for.clone();
            std::thread::spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= REQUESTS || started.elapsed() > DEADLINE {
                        break;
                    }
                    let key = key_for(i);
                    let body = body_for(&key);
                    let t = Instant::now();
                    match send(addr, &key, &body) {
                        Ok((status, reference)) => outcomes.lock().unwrap().push(Outcome {
                            key,
                            status,
                            reference,
                            latency: t.elapsed(),
                        }),
                        Err(e) => errors.lock().unwrap().push(format!("request {i}: {e}")),
                    }
                }
            })
        })
        .collect();
    for client in clients {
        client.join().unwrap();
    }
    let elapsed = started.elapsed();
    let errors = errors.lock().unwrap();
    assert!(
        errors.is_empty(),
        "{} failed: {:?}",
        errors.len(),
        &errors[..errors.len().min(5)]
    );
    let outcomes = outcomes.lock().unwrap();
    assert_eq!(
        outcomes.len(),
        REQUESTS,
        "stopped at the {DEADLINE:?} deadline"
    );

    let mut latencies: Vec<Duration> = outcomes.iter().map(|o| o.latency).collect();
    latencies.sort();
    println!(
        "receiver load: {REQUESTS} requests, {CLIENTS} clients, {:.0} req/s, p50 {:.1} ms, p99 {:.1} ms",
        REQUESTS as f64 / elapsed.as_secs_f64(),
        percentile(&latencies, 50),
        percentile(&latencies, 99),
    );

    let keys: HashSet<String> = (0..REQUESTS).map(key_for).collect();
    assert_eq!(keys.len(), REQUESTS / 4 * 3);
    let mut reference_of: HashMap<&str, &str> = HashMap::new();
    for o in outcomes.iter() {
        assert!(matches!(o.status, 200 | 201), "{}: {}", o.key, o.status);
        let reference = o.reference.as_deref().expect("a reference");
        let first = *reference_of.entry(&o.key).or_insert(reference);
        assert_eq!(first, reference, "two references for {}", o.key);
    }
    let created = outcomes.iter().filter(|o| o.status == 201).count();
    assert_eq!(created, keys.len(), "one 201 per key, 200 for every repeat");
    let references: HashSet<&str> = reference_of.values().copied().collect();
    assert_eq!(references.len(), keys.len());

    let records = stored(&r);
    assert_eq!(records.len(), keys.len(), "one stored line per key");
    let mut stored_keys = HashSet::new();
    for record in &records {
        let key = record["idempotency_key"].as_str().unwrap();
        assert!(stored_keys.insert(key), "{key} stored twice");
        assert_eq!(record["reference"].as_str(), reference_of.get(key).copied());
        assert!(
            record["ticket"]["message"]
                .as_str()
                .unwrap()
                .ends_with(&format!("({key})"))
        );
    }
}
