//! A small HTTP server (axum) inside the test that records every request
//! and answers from a script: the webhook's and WHMCS's far end.

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::routing::any;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Clone, Debug)]
pub struct Captured {
    pub path: String,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

struct Shared {
    requests: Mutex<Vec<Captured>>,
    /// Answer n goes to request n; the last repeats.
    answers: Vec<(u16, String)>,
}

pub struct Capture {
    pub url: String,
    shared: Arc<Shared>,
    _runtime: tokio::runtime::Runtime,
}

impl Capture {
    pub fn start(answers: Vec<(u16, &str)>) -> Capture {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let shared = Arc::new(Shared {
            requests: Mutex::new(Vec::new()),
            answers: answers
                .into_iter()
                .map(|(s, b)| (s, b.to_owned()))
                .collect(),
        });
        let app = Router::new()
            .fallback(any(record))
            .with_state(Arc::clone(&shared));
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        runtime.spawn(async move { axum::serve(listener, app).await });
        Capture {
            url,
            shared,
            _runtime: runtime,
        }
    }

    pub fn requests(&self) -> Vec<Captured> {
        self.shared.requests.lock().unwrap().clone()
    }

    /// Waits (at most `within`) until `n` requests have come.
    pub fn wait_for(&self, n: usize, within: Duration) -> Vec<Captured> {
        let deadline = Instant::now() + within;
        loop {
            let requests = self.requests();
            if requests.len() >= n || Instant::now() > deadline {
                return requests;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

async fn record(
    State(shared): State<Arc<Shared>>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> (StatusCode, String) {
    let mut requests = shared.requests.lock().unwrap();
    let n = requests.len();
    requests.push(Captured {
        path: uri.path().to_owned(),
        headers,
        body: body.to_vec(),
    });
    let (status, answer) = shared
        .answers
        .get(n)
        .or(shared.answers.last())
        .cloned()
        .unwrap_or((200, String::new()));
    (StatusCode::from_u16(status).unwrap(), answer)
}
