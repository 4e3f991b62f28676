//! Shared by the browser tests: waiting for the page to settle after an event.

#![allow(dead_code)]

use wasm_bindgen_futures::JsFuture;

/// Lets the reactive system, its effects and zero-delay timers run: a microtask turn, a short
/// real timeout, and another turn.
pub async fn settle() {
    leptos::task::tick().await;
    sleep(5).await;
    leptos::task::tick().await;
}

/// Waits `ms` milliseconds of real time on the page's `setTimeout`.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}
