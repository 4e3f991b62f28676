//! The part of [wasm-streams] 0.5 that Leptos's `server_fn` uses, written without
//! `#[wasm_bindgen]` exports.
//!
//! `server_fn` (which Leptos always builds with its "browser" feature) streams request and
//! response bodies through `wasm_streams::ReadableStream`: [`ReadableStream::from_stream`],
//! [`ReadableStream::from_raw`], [`ReadableStream::into_raw`] and
//! [`ReadableStream::into_stream`]. The crates.io crate implements its underlying sources and
//! sinks as exported classes, and exports are kept by the linker whether anything calls them or
//! not: in the console, which has no server functions, they were 16.8 KB of wasm and three JS
//! classes that nothing ever used (7.3 KB gzip). Here the underlying source is a plain JS object
//! whose `pull` and `cancel` are closures, so none of it is linked unless a server function
//! streams.
//!
//! Behaviour follows wasm-streams: a Rust stream's items become chunks and its first error
//! errors the JS stream; a JS stream read as a Rust stream yields its chunks, then ends, or
//! yields the read error once and ends; dropping the Rust stream before its end cancels the JS
//! one. Unlike wasm-streams, [`ReadableStream::into_stream`] of a stream already locked to a
//! reader does not throw: the Rust stream yields the `TypeError` of `getReader()` and ends.
//!
//! [wasm-streams]: https://crates.io/crates/wasm-streams

use std::cell::{Cell, RefCell};
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use futures_util::future::{abortable, AbortHandle};
use futures_util::stream::{FusedStream, Stream, StreamExt};
use futures_util::FutureExt;
use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use web_sys::{
    ReadableStreamDefaultController, ReadableStreamDefaultReader, ReadableStreamReadResult,
    UnderlyingSource,
};

#[wasm_bindgen]
extern "C" {
    /// The JS `ReadableStream` class, for the two calls web-sys binds differently.
    #[wasm_bindgen(js_name = ReadableStream)]
    type Raw;

    /// `new ReadableStream(source)`. It throws only for a source whose members are not
    /// functions, which ours never is: like wasm-streams, no `catch`.
    #[wasm_bindgen(constructor, js_class = ReadableStream)]
    fn new(source: &UnderlyingSource) -> Raw;

    /// `stream.getReader()`, which throws when the stream is locked to a reader already.
    #[wasm_bindgen(method, catch, js_class = ReadableStream, js_name = getReader)]
    fn try_get_reader(this: &Raw) -> Result<ReadableStreamDefaultReader, JsValue>;
}

/// A JS `ReadableStream`, made from or turned into a Rust [`Stream`] of `JsValue` chunks.
#[derive(Debug)]
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

/// The Rust stream a JS stream is made from ([`ReadableStream::from_stream`]); its errors are
/// `JsValue`s too.
type Chunks = Pin<Box<dyn Stream<Item = Result<JsValue, JsValue>>>>;

impl ReadableStream {
    /// Wraps a JS stream.
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    /// A JS stream whose chunks are `stream`'s items, pulled one at a time as the JS side
    /// reads. The first `Err` errors the JS stream with that value; the end of `stream` closes
    /// it. Cancelling the JS stream drops `stream`, also while a pull waits on it.
    pub fn from_stream<St>(stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        let source = Rc::new(Source {
            stream: RefCell::new(Some(Box::pin(stream))),
            waiting: RefCell::new(None),
            cancelled: Cell::new(false),
        });
        let cancelled = source.clone();
        let pull = Closure::<dyn FnMut(ReadableStreamDefaultController) -> Promise>::new(
            move |controller: ReadableStreamDefaultController| {
                let pulling = source.clone();
                let (pulled, handle) = abortable(async move { pulling.pull(&controller).await });
                *source.waiting.borrow_mut() = Some(handle);
                // An aborted pull resolves: the stream is cancelled, nobody reads it.
                future_to_promise(pulled.map(|outcome| outcome.unwrap_or(Ok(JsValue::UNDEFINED))))
            },
        );
        let cancel = Closure::<dyn FnMut(JsValue)>::new(move |_reason: JsValue| {
            cancelled.cancel();
        });
        let underlying = UnderlyingSource::new();
        underlying.set_pull(pull.into_js_value().unchecked_ref());
        underlying.set_cancel(cancel.into_js_value().unchecked_ref());
        Self {
            raw: Raw::new(&underlying).unchecked_into(),
        }
    }

    /// The JS stream.
    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// Reads the JS stream as a Rust stream of its chunks (it locks the JS stream to a reader).
    pub fn into_stream(self) -> IntoStream<'static> {
        let (reader, failed) = match self.raw.unchecked_ref::<Raw>().try_get_reader() {
            Ok(reader) => (Some(reader), None),
            Err(error) => (None, Some(error)),
        };
        IntoStream {
            reader,
            pending: None,
            failed,
            _reader: std::marker::PhantomData,
        }
    }
}

/// What the JS stream's `pull` and `cancel` share.
struct Source {
    /// The Rust stream, out of here while a pull waits on it.
    stream: RefCell<Option<Chunks>>,
    /// The pull that waits, to abort on cancel.
    waiting: RefCell<Option<AbortHandle>>,
    /// Set by `cancel`, for good.
    cancelled: Cell<bool>,
}

impl Source {
    /// Answers one `pull`: the next item of the Rust stream, enqueued; or its end, which
    /// closes the JS stream; or its error, which rejects the pull and so errors the JS stream.
    async fn pull(&self, controller: &ReadableStreamDefaultController) -> Result<JsValue, JsValue> {
        // The JS stream never pulls again before the promise of the last pull settles, so the
        // Rust stream can be taken out for the wait and put back after it.
        let Some(mut stream) = self.stream.borrow_mut().take() else {
            return Ok(JsValue::UNDEFINED);
        };
        match stream.next().await {
            Some(Ok(chunk)) => {
                controller.enqueue_with_chunk(&chunk)?;
                if !self.cancelled.get() {
                    *self.stream.borrow_mut() = Some(stream);
                }
                Ok(JsValue::UNDEFINED)
            }
            Some(Err(error)) => Err(error),
            None => {
                controller.close()?;
                Ok(JsValue::UNDEFINED)
            }
        }
    }

    /// The JS stream is cancelled: drops the Rust stream, or aborts the pull that holds it.
    fn cancel(&self) {
        self.cancelled.set(true);
        self.stream.borrow_mut().take();
        if let Some(waiting) = self.waiting.borrow_mut().take() {
            waiting.abort();
        }
    }
}

/// The chunks of a JS stream, as [`ReadableStream::into_stream`] reads them.
#[must_use = "streams do nothing unless polled"]
#[derive(Debug)]
pub struct IntoStream<'reader> {
    /// The reader until the stream ends or errors.
    reader: Option<ReadableStreamDefaultReader>,
    /// The read in flight.
    pending: Option<JsFuture>,
    /// Why the stream could not be read at all, yielded once.
    failed: Option<JsValue>,
    _reader: std::marker::PhantomData<&'reader ()>,
}

impl Stream for IntoStream<'_> {
    type Item = Result<JsValue, JsValue>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        if let Some(error) = this.failed.take() {
            return Poll::Ready(Some(Err(error)));
        }
        let Some(reader) = &this.reader else {
            return Poll::Ready(None);
        };
        let read = this
            .pending
            .get_or_insert_with(|| JsFuture::from(reader.read()));
        let Poll::Ready(outcome) = read.poll_unpin(cx) else {
            return Poll::Pending;
        };
        this.pending = None;
        Poll::Ready(match outcome {
            Ok(result) => {
                let result: ReadableStreamReadResult = result.unchecked_into();
                if result.get_done().unwrap_or(false) {
                    this.reader = None;
                    None
                } else {
                    Some(Ok(result.get_value()))
                }
            }
            Err(error) => {
                this.reader = None;
                Some(Err(error))
            }
        })
    }
}

impl FusedStream for IntoStream<'_> {
    fn is_terminated(&self) -> bool {
        self.reader.is_none() && self.failed.is_none()
    }
}

impl Drop for IntoStream<'_> {
    /// Dropped before its end, the stream cancels the JS one (a rejection is ignored).
    fn drop(&mut self) {
        if let Some(reader) = self.reader.take() {
            let cancelled = JsFuture::from(reader.cancel());
            wasm_bindgen_futures::spawn_local(async move {
                let _ = cancelled.await;
            });
        }
    }
}
