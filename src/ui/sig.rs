//! [`Sig`], the console's signal: a value and a Leptos [`Trigger`].
//!
//! A `RwSignal<T>` brings, for every value type `T`, its own copy of Leptos's reading,
//! updating, tracking and notifying code (about 1.5 KB of wasm per type, and the console holds
//! some thirty types). A `Sig<T>` keeps the value in a `StoredValue<T>` and leaves tracking and
//! notifying to one `Trigger`, whose code is the same for every type: only reading and writing
//! the value itself is per type. It is read and written with the same method names as a
//! `RwSignal`, and memos and effects track it the same way.

use leptos::prelude::*;

/// A value that memos and effects reading it (with [`Sig::get`] or [`Sig::with`]) follow.
/// `Copy`, like every Leptos signal: the value lives in the reactive owner's arena.
pub struct Sig<T: 'static> {
    value: StoredValue<T>,
    changed: Trigger,
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
            value: StoredValue::new(value),
            changed: Trigger::new(),
        }
    }

    /// Calls `f` with the value, tracked.
    pub fn with<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        self.changed.track();
        self.value.with_value(f)
    }

    /// Calls `f` with the value, untracked.
    pub fn with_untracked<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        self.value.with_value(f)
    }

    /// Changes the value with `f` and notifies the readers.
    pub fn update(&self, f: impl FnOnce(&mut T)) {
        self.value.update_value(f);
        self.changed.notify();
    }

    /// Changes the value with `f` when it says so (`true`), and then notifies the readers.
    pub fn maybe_update(&self, f: impl FnOnce(&mut T) -> bool) {
        let mut changed = false;
        self.value.update_value(|value| changed = f(value));
        if changed {
            self.changed.notify();
        }
    }

    /// Sets the value and notifies the readers.
    pub fn set(&self, value: T) {
        self.value.set_value(value);
        self.changed.notify();
    }

    /// Sets the value and notifies the readers, unless the signal was disposed (its owner is
    /// gone, as after an `await`): then it gives `value` back.
    pub fn try_set(&self, value: T) -> Option<T> {
        let back = self.value.try_set_value(value);
        if back.is_none() {
            self.changed.notify();
        }
        back
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
