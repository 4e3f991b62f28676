//! Browser tests of crates/wasm-streams, which stands in for the crates.io wasm-streams under
//! Leptos's `server_fn` (Cargo.toml, `[patch.crates-io]`). The console makes no streaming call
//! itself; these hold the replacement to what server_fn relies on: Rust streams read by JS
//! (including by `fetch`'s own `Response`), JS streams read by Rust, errors both ways, and
//! cancellation. Run with `cargo test --target wasm32-unknown-unknown --test browser_streams`.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use futures_util::stream::{self, StreamExt};
use js_sys::Uint8Array;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use wasm_streams::ReadableStream;

wasm_bindgen_test_configure!(run_in_browser);

/// Lets queued promise jobs run.
async fn settle() {
    let promise = js_sys::Promise::resolve(&JsValue::NULL);
    for _ in 0..8 {
        let _ = JsFuture::from(promise.clone()).await;
    }
}

fn texts(items: &[&str]) -> Vec<Result<JsValue, JsValue>> {
    items.iter().map(|t| Ok(JsValue::from_str(t))).collect()
}

fn as_texts(read: Vec<Result<JsValue, JsValue>>) -> Vec<Result<String, String>> {
    read.into_iter()
        .map(|item| match item {
            Ok(v) => Ok(v.as_string().unwrap_or_else(|| format!("{v:?}"))),
            Err(e) => Err(e.as_string().unwrap_or_else(|| format!("{e:?}"))),
        })
        .collect()
}

#[wasm_bindgen_test]
async fn a_rust_stream_read_back_through_js_gives_its_items_in_order() {
    let raw = ReadableStream::from_stream(stream::iter(texts(&["one", "two", "three"]))).into_raw();
    let read: Vec<_> = ReadableStream::from_raw(raw).into_stream().collect().await;
    assert_eq!(
        as_texts(read),
        vec![Ok("one".into()), Ok("two".into()), Ok("three".into())]
    );
}

#[wasm_bindgen_test]
async fn fetchs_response_reads_a_rust_stream_of_bytes_as_its_body() {
    let chunks =
        ["Cognito ", "pool ", "console"].map(|t| Ok(JsValue::from(Uint8Array::from(t.as_bytes()))));
    let raw = ReadableStream::from_stream(stream::iter(chunks)).into_raw();
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&raw)).unwrap();
    let text = JsFuture::from(response.text().unwrap()).await.unwrap();
    assert_eq!(text.as_string().as_deref(), Some("Cognito pool console"));
}

#[wasm_bindgen_test]
async fn a_responses_body_is_read_as_its_bytes() {
    let response = web_sys::Response::new_with_opt_str(Some("{\"UserPool\":{}}")).unwrap();
    let body = response
        .body()
        .expect("a response made from text has a body");
    let mut bytes = Vec::new();
    let mut chunks = ReadableStream::from_raw(body).into_stream();
    while let Some(chunk) = chunks.next().await {
        bytes.extend(chunk.unwrap().unchecked_into::<Uint8Array>().to_vec());
    }
    assert_eq!(bytes, b"{\"UserPool\":{}}");
    // Ended streams stay ended.
    assert!(chunks.next().await.is_none());
}

#[wasm_bindgen_test]
async fn the_first_error_of_a_rust_stream_errors_the_js_stream_and_ends_it() {
    let items = vec![
        Ok(JsValue::from_str("before")),
        Err(JsValue::from_str("broken")),
        Ok(JsValue::from_str("never read")),
    ];
    let raw = ReadableStream::from_stream(stream::iter(items)).into_raw();
    let read: Vec<_> = ReadableStream::from_raw(raw).into_stream().collect().await;
    assert_eq!(
        as_texts(read),
        vec![Ok("before".into()), Err("broken".into())]
    );
}

#[wasm_bindgen_test]
async fn a_stream_locked_to_another_reader_yields_that_error_once_instead_of_throwing() {
    let raw = ReadableStream::from_stream(stream::iter(texts(&["x"]))).into_raw();
    let _other = raw.get_reader();
    let mut chunks = ReadableStream::from_raw(raw).into_stream();
    let first = chunks.next().await.expect("one item");
    let error = first.expect_err("a locked stream cannot be read");
    assert!(error.is_instance_of::<js_sys::TypeError>(), "{error:?}");
    assert!(chunks.next().await.is_none());
}

/// Sets its flag when dropped: tells whether a stream was let go.
struct Dropped(Rc<Cell<bool>>);

impl Drop for Dropped {
    fn drop(&mut self) {
        self.0.set(true);
    }
}

/// Reads the first chunk of the JS stream made from the stream `make` builds around a
/// [`Dropped`], checks it is `first` and that the Rust stream is still alive, then drops the
/// reading side: true when that let the Rust stream go.
async fn dropped_after_first_read<St>(make: impl FnOnce(Dropped) -> St, first: &str) -> bool
where
    St: futures_util::Stream<Item = Result<JsValue, JsValue>> + 'static,
{
    let dropped = Rc::new(Cell::new(false));
    let raw = ReadableStream::from_stream(make(Dropped(dropped.clone()))).into_raw();
    let mut chunks = ReadableStream::from_raw(raw).into_stream();
    let read = chunks.next().await.expect("a first item");
    assert_eq!(
        read.ok().and_then(|v| v.as_string()).as_deref(),
        Some(first)
    );
    settle().await;
    assert!(
        !dropped.get(),
        "the Rust stream is let go while still being read"
    );
    drop(chunks);
    settle().await;
    dropped.get()
}

#[wasm_bindgen_test]
async fn dropping_the_reading_side_early_cancels_the_js_stream_which_drops_the_rust_one() {
    let endless = |guard: Dropped| {
        stream::repeat(()).map(move |()| {
            let _ = &guard;
            Ok(JsValue::from_str("again"))
        })
    };
    assert!(
        dropped_after_first_read(endless, "again").await,
        "cancelling the JS stream drops the Rust stream"
    );
}

#[wasm_bindgen_test]
async fn cancelling_while_a_pull_waits_on_the_rust_stream_drops_it_too() {
    // One item, then never another: the JS stream's next pull waits for good.
    let stalls = |guard: Dropped| {
        stream::iter(texts(&["only"]))
            .chain(stream::pending())
            .map(move |item| {
                let _ = &guard;
                item
            })
    };
    assert!(
        dropped_after_first_read(stalls, "only").await,
        "the cancel aborts the waiting pull, which held the stream"
    );
}
