//! Just enough HTTP/1.1 for the reference receiver: one request per
//! connection, `Content-Length` bodies, `Connection: close` answers.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;

pub const MAX_HEADER_BYTES: usize = 16 * 1024;

pub struct Request {
    pub method: String,
    pub path: String,
    headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

pub enum ReadError {
    /// The client went away or sent something that is not HTTP.
    Malformed,
    /// The declared body is larger than allowed (answer 413).
    TooLarge,
}

pub fn read_request(stream: &TcpStream, max_body: usize) -> Result<Request, ReadError> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    let mut header_bytes = 0;
    let mut read_line = |reader: &mut BufReader<&TcpStream>, line: &mut String| {
        line.clear();
        let n = reader
            .by_ref()
            .take((MAX_HEADER_BYTES - header_bytes.min(MAX_HEADER_BYTES)) as u64)
            .read_line(line)
            .map_err(|_| ReadError::Malformed)?;
        header_bytes += n;
        if n == 0 || header_bytes >= MAX_HEADER_BYTES {
            return Err(ReadError::Malformed);
        }
        Ok(())
    };
    read_line(&mut reader, &mut line)?;
    let mut parts = line.split_whitespace();
    let method = parts.next().ok_or(ReadError::Malformed)?.to_owned();
    let path = parts.next().ok_or(ReadError::Malformed)?.to_owned();
    let mut headers = Vec::new();
    loop {
        read_line(&mut reader, &mut line)?;
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            headers.push((k.trim().to_owned(), v.trim().to_owned()));
        }
    }
    let mut request = Request {
        method,
        path,
        headers,
        body: Vec::new(),
    };
    let length: usize = match request.header("content-length") {
        Some(v) => v.parse().map_err(|_| ReadError::Malformed)?,
        None => 0,
    };
    if length > max_body {
        return Err(ReadError::TooLarge);
    }
    request.body = vec![0; length];
    reader
        .read_exact(&mut request.body)
        .map_err(|_| ReadError::Malformed)?;
    Ok(request)
}

pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn json(status: u16, value: &serde_json::Value) -> Response {
        Response {
            status,
            content_type: "application/json",
            headers: Vec::new(),
            body: value.to_string().into_bytes(),
        }
    }

    pub fn error(status: u16, field: &str, code: &str) -> Response {
        Response::json(
            status,
            &serde_json::json!({ "errors": [{ "field": field, "code": code }] }),
        )
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    }
}

pub fn write_response(mut stream: &TcpStream, response: &Response) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\
         Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n",
        response.status,
        reason(response.status),
        response.content_type,
        response.body.len()
    );
    for (name, value) in &response.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(&response.body)?;
    stream.flush()
}

/// Reads and discards up to `limit` bytes, until the peer closes or stalls.
pub fn drain(mut stream: &TcpStream, limit: usize) {
    let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(2)));
    let mut buf = [0u8; 16 * 1024];
    let mut total = 0;
    while total < limit {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => total += n,
        }
    }
}
