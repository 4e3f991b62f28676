//! Browser tests of `ui::sig`: `Sig`, the console's signal, which memos and effects follow as
//! they follow a Leptos signal, and `Derived`, its memo, which holds its value type-erased. Run with `cargo test --target wasm32-unknown-unknown --test browser_sig`.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use cognito_pool_console::ui::sig::{Derived, Sig};
use leptos::prelude::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Lets the scheduled effects run.
async fn settle() {
    let promise = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
    for _ in 0..4 {
        let _ = wasm_bindgen_futures::JsFuture::from(promise.clone()).await;
    }
}

#[wasm_bindgen_test]
fn a_memo_reads_what_was_set_updated_or_changed_last() {
    let owner = Owner::new();
    owner.with(|| {
        let value = Sig::new(2_i64);
        let runs = Arc::new(AtomicUsize::new(0));
        let counted = runs.clone();
        let double = Memo::new(move |_| {
            counted.fetch_add(1, Ordering::Relaxed);
            value.get() * 2
        });
        assert_eq!(double.get(), 4);
        value.set(5);
        assert_eq!(double.get(), 10);
        value.update(|v| *v += 1);
        assert_eq!(double.get(), 12);
        // A change that says it changed nothing wakes nothing.
        value.maybe_update(|_| false);
        assert_eq!(double.get(), 12);
        assert_eq!(runs.load(Ordering::Relaxed), 3);
        value.maybe_update(|v| {
            *v = 7;
            true
        });
        assert_eq!(double.get(), 14);
        assert_eq!(value.get_untracked(), 7);
        assert_eq!(value.read_only().with(|v| v + 1), 8);
    });
}

#[wasm_bindgen_test]
fn an_untracked_read_does_not_subscribe() {
    let owner = Owner::new();
    owner.with(|| {
        let tracked = Sig::new(1_i64);
        let untracked = Sig::new(10_i64);
        let sum = Memo::new(move |_| tracked.get() + untracked.with_untracked(|u| *u));
        assert_eq!(sum.get(), 11);
        untracked.set(20);
        assert_eq!(sum.get(), 11, "an untracked read must not rerun the memo");
        tracked.set(2);
        assert_eq!(sum.get(), 22);
    });
}

#[wasm_bindgen_test]
async fn an_effect_reruns_on_set_and_a_disposed_signal_gives_the_value_back() {
    // Mounting starts Leptos's executor, which runs effects.
    let document = web_sys::window().unwrap().document().unwrap();
    let root: web_sys::HtmlElement =
        wasm_bindgen::JsCast::unchecked_into(document.create_element("div").unwrap());
    let _mounted = leptos::mount::mount_to(root, || ());
    let owner = Owner::new();
    let (value, seen, effect) = owner.with(|| {
        let value = Sig::new(String::from("a"));
        let seen = Rc::new(RefCell::new(Vec::new()));
        let log = seen.clone();
        let effect = RenderEffect::new(move |_| log.borrow_mut().push(value.get()));
        (value, seen, effect)
    });
    settle().await;
    assert_eq!(value.try_set("b".into()), None);
    settle().await;
    assert_eq!(*seen.borrow(), ["a", "b"]);
    drop(effect);
    drop(owner);
    assert_eq!(value.try_set("c".into()), Some("c".into()));
}

#[wasm_bindgen_test]
fn a_derived_value_notifies_only_when_it_changes() {
    let owner = Owner::new();
    owner.with(|| {
        let text = Sig::new(String::from("abc"));
        let length = Derived::new(move || text.with(String::len));
        let runs = Arc::new(AtomicUsize::new(0));
        let counted = runs.clone();
        // Two layers of different types over one memo type.
        let label = Derived::new(move || {
            counted.fetch_add(1, Ordering::Relaxed);
            format!("{} letters", length.get())
        });
        assert_eq!(label.get(), "3 letters");
        text.set("xyz".into());
        assert_eq!(length.get(), 3);
        assert_eq!(label.get(), "3 letters");
        assert_eq!(
            runs.load(Ordering::Relaxed),
            1,
            "an equal length must not rerun the label"
        );
        text.set("four".into());
        assert_eq!(label.get(), "4 letters");
        assert_eq!(runs.load(Ordering::Relaxed), 2);
        assert_eq!(length.with_untracked(|n| n * 10), 40);
    });
}

#[wasm_bindgen_test]
fn a_derived_value_is_given_its_last_value() {
    let owner = Owner::new();
    owner.with(|| {
        let step = Sig::new(1_u32);
        let history = Derived::with_previous(move |previous: Option<&Vec<u32>>| {
            let mut all = previous.cloned().unwrap_or_default();
            all.push(step.get());
            all
        });
        assert_eq!(history.get(), [1]);
        step.set(2);
        step.set(3);
        assert_eq!(history.get(), [1, 3]);
        step.set(4);
        assert_eq!(history.get_untracked(), [1, 3, 4]);
    });
}
