//! The console's reactive values: [`Sig`] (a signal), [`Derived`] (a memo), [`effect`], and
//! [`spawn`] for tasks.
//!
//! A `RwSignal<T>` or a `Memo<T>` brings, for every value type `T`, its own copy of Leptos's
//! storing, reading, tracking and notifying code (1 to 2 KB of wasm per type, and the console
//! holds some fifty types). These are the same Leptos primitives with the value type erased:
//! a `Sig<T>` is a boxed value in a `StoredValue` and a `Trigger`, a `Derived<T>` a `Memo` of a
//! boxed value compared through `T`'s own `PartialEq`, so Leptos's code is there once and only
//! the downcast is per type. They are read and written with the same method names as Leptos's
//! signals, and memos and effects track them the same way (`make size` measured the three
//! steps: 266.6 -> 251.0 KB gzip of dist).

use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;

use leptos::prelude::*;

use crate::ui::dom::Source;

/// A value that memos and effects reading it (with [`Sig::get`] or [`Sig::with`]) follow.
/// `Copy`, like every Leptos signal: the value lives in the reactive owner's arena.
pub struct Sig<T: 'static> {
    /// The value, boxed: the arena's code is then the same for every type too.
    value: StoredValue<Box<dyn Any + Send + Sync>>,
    changed: Trigger,
    _type: PhantomData<fn() -> T>,
}

impl<T: 'static> Clone for Sig<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Sig<T> {}

impl<T: Send + Sync + 'static> Sig<T> {
    /// A signal holding `value`.
    pub fn new(value: T) -> Self {
        Sig {
            value: StoredValue::new(Box::new(value)),
            changed: Trigger::new(),
            _type: PhantomData,
        }
    }

    /// Calls `f` with the value, tracked.
    pub fn with<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        self.changed.track();
        self.with_untracked(f)
    }

    /// Calls `f` with the value, untracked.
    pub fn with_untracked<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        self.value.with_value(|value| f(cast(&**value)))
    }

    /// Changes the value with `f` and notifies the readers.
    pub fn update(&self, f: impl FnOnce(&mut T)) {
        self.maybe_update(|value| {
            f(value);
            true
        });
    }

    /// Changes the value with `f` when it says so (`true`), and then notifies the readers.
    pub fn maybe_update(&self, f: impl FnOnce(&mut T) -> bool) {
        let mut changed = false;
        self.value
            .update_value(|value| changed = f(cast_mut(&mut **value)));
        if changed {
            self.changed.notify();
        }
    }

    /// Sets the value and notifies the readers.
    pub fn set(&self, value: T) {
        self.value.set_value(Box::new(value));
        self.changed.notify();
    }

    /// Whether the signal was disposed (with its owner, as when its part of the page is gone).
    pub fn is_disposed(&self) -> bool {
        self.value.is_disposed()
    }

    /// Sets the value and notifies the readers, unless the signal was disposed (its owner is
    /// gone, as after an `await`): then it gives `value` back.
    pub fn try_set(&self, value: T) -> Option<T> {
        if self.is_disposed() {
            return Some(value);
        }
        self.set(value);
        None
    }
}

/// The `T` in a `Sig<T>` or a `Derived<T>`: only their constructors and [`Sig::set`] store
/// values, always a `T`, so the downcast cannot fail.
fn cast<T: 'static>(value: &(dyn Any + Send + Sync)) -> &T {
    match value.downcast_ref::<T>() {
        Some(value) => value,
        None => unreachable!("a Sig<T> or Derived<T> holds a T"),
    }
}

/// See [`cast`].
fn cast_mut<T: 'static>(value: &mut (dyn Any + Send + Sync)) -> &mut T {
    match value.downcast_mut::<T>() {
        Some(value) => value,
        None => unreachable!("a Sig<T> or Derived<T> holds a T"),
    }
}

impl<T: Clone + Send + Sync + 'static> Sig<T> {
    /// A copy of the value, tracked.
    pub fn get(&self) -> T {
        self.with(T::clone)
    }

    /// A copy of the value, untracked.
    pub fn get_untracked(&self) -> T {
        self.with_untracked(T::clone)
    }
}

impl<T: 'static> Sig<T> {
    /// The reading half alone, for a value that only its owner may write.
    pub fn read_only(self) -> ReadSig<T> {
        ReadSig(self)
    }
}

/// A [`Sig`] that can only be read (see [`Sig::read_only`]).
pub struct ReadSig<T: 'static>(Sig<T>);

impl<T: 'static> Clone for ReadSig<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for ReadSig<T> {}

impl<T: Send + Sync + 'static> ReadSig<T> {
    /// Calls `f` with the value, tracked.
    pub fn with<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        self.0.with(f)
    }

    /// Calls `f` with the value, untracked.
    pub fn with_untracked<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        self.0.with_untracked(f)
    }
}

impl<T: Clone + Send + Sync + 'static> ReadSig<T> {
    /// A copy of the value, tracked.
    pub fn get(&self) -> T {
        self.0.get()
    }

    /// A copy of the value, untracked.
    pub fn get_untracked(&self) -> T {
        self.0.get_untracked()
    }
}

/// A value a [`Derived`] holds, of whichever type: the memo under every `Derived` holds one, so
/// Leptos's memo code is there once, not once per value type.
struct Held(Box<dyn Any + Send + Sync>, fn(&Held, &Held) -> bool);

impl PartialEq for Held {
    fn eq(&self, other: &Held) -> bool {
        (self.1)(self, other)
    }
}

impl Held {
    fn new<T: PartialEq + Send + Sync + 'static>(value: T) -> Held {
        Held(Box::new(value), |a, b| {
            match (a.0.downcast_ref::<T>(), b.0.downcast_ref::<T>()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            }
        })
    }
}

/// A value computed from signals and memos, recomputed when they change, which notifies its
/// readers only when the result differs from the last one: a Leptos memo, read as a `T`.
pub struct Derived<T: 'static> {
    memo: Memo<Held>,
    _type: PhantomData<fn() -> T>,
}

impl<T: 'static> Clone for Derived<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Derived<T> {}

impl<T: PartialEq + Send + Sync + 'static> Derived<T> {
    /// The memo of `compute`.
    pub fn new(compute: impl Fn() -> T + Send + Sync + 'static) -> Self {
        Derived::with_previous(move |_| compute())
    }

    /// The memo of `compute`, which is given the value it computed last (`None` the first
    /// time).
    pub fn with_previous(compute: impl Fn(Option<&T>) -> T + Send + Sync + 'static) -> Self {
        Derived {
            memo: held_memo(Box::new(move |previous: Option<&Held>| {
                Held::new(compute(previous.map(value_of)))
            })),
            _type: PhantomData,
        }
    }

    /// Calls `f` with the value, tracked.
    pub fn with<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        self.memo.with(|held| f(value_of(held)))
    }

    /// Calls `f` with the value, untracked.
    pub fn with_untracked<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        self.memo.with_untracked(|held| f(value_of(held)))
    }
}

impl<T: Clone + PartialEq + Send + Sync + 'static> Derived<T> {
    /// A copy of the value, tracked.
    pub fn get(&self) -> T {
        self.with(T::clone)
    }

    /// A copy of the value, untracked.
    pub fn get_untracked(&self) -> T {
        self.with_untracked(T::clone)
    }
}

/// How a [`Derived`]'s value is computed from its last one: a trait of its own for the reason
/// given at [`Source`].
trait Recompute: Send + Sync {
    fn recompute(&self, previous: Option<&Held>) -> Held;
}

impl<F: Fn(Option<&Held>) -> Held + Send + Sync> Recompute for F {
    fn recompute(&self, previous: Option<&Held>) -> Held {
        self(previous)
    }
}

fn held_memo(compute: Box<dyn Recompute>) -> Memo<Held> {
    Memo::new(move |previous| compute.recompute(previous))
}

/// The `T` a `Derived<T>`'s memo holds: only [`Derived::with_previous`] (which
/// [`Derived::new`] calls) makes those memos, always from a `T`, so the downcast cannot fail.
fn value_of<T: 'static>(held: &Held) -> &T {
    cast(&*held.0)
}

/// Runs `run` once the page is drawn and again whenever a signal it read changes, for as long
/// as the reactive owner lives: a Leptos `Effect`, with one copy of its code for every effect.
pub fn effect(run: impl Fn() + 'static) {
    effect_boxed(Box::new(run));
}

fn effect_boxed(run: Box<dyn Source<()>>) {
    Effect::new(move |_| run.get());
}

/// Runs `work` to its end without blocking the page: Leptos's `spawn_local`, with one copy of
/// its code for every task (the future is boxed before it gets there).
pub fn spawn(work: impl Future<Output = ()> + 'static) {
    spawn_boxed(Box::pin(work));
}

fn spawn_boxed(work: Pin<Box<dyn Future<Output = ()>>>) {
    leptos::task::spawn_local(work);
}
