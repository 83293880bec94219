//! Stand-in for [wasm-streams] 0.5 with only the `ReadableStream` API that
//! `server_fn` 0.8 calls, and no `#[wasm_bindgen]` exports (README.md).
//!
//! [wasm-streams]: https://github.com/MattiasBuelens/wasm-streams

pub use readable::ReadableStream;

pub mod readable {
    //! A [`ReadableStream`] wrapper: from and into the JavaScript object,
    //! and read as a Rust [`Stream`].

    use core::marker::PhantomData;
    use core::pin::Pin;
    use core::task::{Context, Poll};
    use futures_util::stream::{self, StreamExt};
    use futures_util::Stream;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    pub mod sys {
        //! The raw JavaScript type, re-exported from web-sys as upstream does.
        pub use web_sys::ReadableStream;
        pub use web_sys::ReadableStreamDefaultReader;
    }

    /// A [JavaScript `ReadableStream`](sys::ReadableStream).
    #[derive(Debug)]
    pub struct ReadableStream {
        raw: sys::ReadableStream,
    }

    impl ReadableStream {
        /// Wraps a JavaScript stream.
        #[inline]
        pub fn from_raw(raw: sys::ReadableStream) -> Self {
            Self { raw }
        }

        /// Not supported here (upstream needs an exported class for it):
        /// drops `stream` and returns a JavaScript stream that is already
        /// errored, so whatever reads it fails instead of seeing an empty
        /// body.
        pub fn from_stream<St>(stream: St) -> Self
        where
            St: Stream<Item = Result<JsValue, JsValue>> + 'static,
        {
            drop(stream);
            Self {
                raw: errored_stream(),
            }
        }

        #[inline]
        pub fn as_raw(&self) -> &sys::ReadableStream {
            &self.raw
        }

        #[inline]
        pub fn into_raw(self) -> sys::ReadableStream {
            self.raw
        }

        #[inline]
        pub fn is_locked(&self) -> bool {
            self.raw.locked()
        }

        /// The stream's chunks, read with its default reader. A locked stream
        /// gives one error item (upstream throws).
        pub fn into_stream(self) -> IntoStream<'static> {
            let reader = match sys::ReadableStreamDefaultReader::new(&self.raw) {
                Ok(reader) => reader,
                Err(e) => return IntoStream::new(stream::once(async move { Err(e) })),
            };
            IntoStream::new(stream::unfold(Some(reader), |reader| async move {
                let reader = reader?;
                match JsFuture::from(reader.read()).await {
                    Err(e) => Some((Err(e), None)),
                    Ok(result) => {
                        let result: web_sys::ReadableStreamReadResult = result.unchecked_into();
                        if result.get_done().unwrap_or(true) {
                            reader.release_lock();
                            None
                        } else {
                            Some((Ok(result.get_value()), Some(reader)))
                        }
                    }
                }
            }))
        }
    }

    impl From<sys::ReadableStream> for ReadableStream {
        fn from(raw: sys::ReadableStream) -> Self {
            Self::from_raw(raw)
        }
    }

    /// A JavaScript stream errored with "not supported": the readable side
    /// of a `TransformStream` whose writable side is aborted. (A
    /// `ReadableStream` with an erroring source would need a JavaScript
    /// function, which a strict CSP forbids building at run time.)
    fn errored_stream() -> sys::ReadableStream {
        let reason = JsValue::from(js_sys::Error::new(
            "wasm-streams stand-in: ReadableStream::from_stream is not supported",
        ));
        match web_sys::TransformStream::new() {
            Ok(pair) => {
                let _settled = pair.writable().abort_with_reason(&reason);
                pair.readable()
            }
            // No streams API at all (upstream would throw): `undefined`,
            // which `fetch` takes as no body.
            Err(_) => JsValue::UNDEFINED.unchecked_into(),
        }
    }

    /// The chunks of a [`ReadableStream`] as a Rust [`Stream`].
    pub struct IntoStream<'reader> {
        inner: Pin<Box<dyn Stream<Item = Result<JsValue, JsValue>>>>,
        _reader: PhantomData<&'reader ()>,
    }

    impl IntoStream<'_> {
        fn new(inner: impl Stream<Item = Result<JsValue, JsValue>> + 'static) -> Self {
            Self {
                inner: Box::pin(inner),
                _reader: PhantomData,
            }
        }
    }

    impl Stream for IntoStream<'_> {
        type Item = Result<JsValue, JsValue>;

        fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
            self.inner.poll_next_unpin(cx)
        }
    }
}
