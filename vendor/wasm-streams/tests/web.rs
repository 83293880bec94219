//! `cargo test -p wasm-streams --target wasm32-unknown-unknown`: the
//! stand-in in headless Chromium.
#![cfg(target_arch = "wasm32")]

use futures_util::stream;
use futures_util::StreamExt;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use wasm_streams::ReadableStream;

wasm_bindgen_test_configure!(run_in_browser);

fn blob_stream(text: &str) -> web_sys::ReadableStream {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    web_sys::Blob::new_with_str_sequence(&parts)
        .expect("blob")
        .stream()
}

#[wasm_bindgen_test]
async fn reads_a_javascript_stream() {
    let mut chunks = ReadableStream::from_raw(blob_stream("abc")).into_stream();
    let mut bytes = Vec::new();
    while let Some(chunk) = chunks.next().await {
        let chunk: js_sys::Uint8Array = chunk.expect("chunk").unchecked_into();
        bytes.extend(chunk.to_vec());
    }
    assert_eq!(bytes, b"abc");
}

#[wasm_bindgen_test]
async fn a_locked_stream_gives_one_error() {
    let raw = blob_stream("abc");
    let _reader = raw.get_reader();
    let items: Vec<_> = ReadableStream::from_raw(raw).into_stream().collect().await;
    assert!(matches!(items.as_slice(), [Err(_)]));
}

#[wasm_bindgen_test]
async fn from_stream_is_an_errored_stream() {
    let rust = stream::iter([Ok(JsValue::from_str("x"))]);
    let stream = ReadableStream::from_stream(rust);
    let items: Vec<_> = ReadableStream::from_raw(stream.into_raw())
        .into_stream()
        .collect()
        .await;
    assert!(matches!(items.as_slice(), [Err(_)]), "{items:?}");
}
