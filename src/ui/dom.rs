//! A small imperative DOM layer: the whole page is built with it.
//!
//! A `view!` tree is a nested type, and every distinct one brings its own copy of tachys's build,
//! rebuild, mount and drop code: the console's panels cost well over 70 KB of gzipped wasm that
//! way (`make size-breakdown`). Here a piece of the page is built by plain calls on [`E`], one
//! copy of code for every element, and its reactive parts are render effects over boxed
//! closures: the same signals and memos, only without a type per tree. [`piece`] turns such a
//! builder into a view (each component returns one), and [`E::view`] puts a view inside a
//! piece.
//!
//! What a piece needs to stay live (its effects and event handlers) is kept in its [`Keep`],
//! which the view holds while it is mounted and drops with it.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::html::attribute::Attribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::renderer::Rndr;
use leptos::tachys::view::{add_attr::AddAnyAttr, Mountable, Position, PositionState};

/// The effects and event handlers of a built piece: live while this is.
#[derive(Default)]
pub struct Keep(Vec<Box<dyn Any>>);

impl Keep {
    fn hold(&mut self, thing: impl Any) {
        self.0.push(Box::new(thing));
    }

    /// Runs `update` now and again whenever a signal it read changes, for as long as `self`
    /// lives.
    pub fn effect(&mut self, update: impl Fn() + 'static) {
        self.effect_boxed(Box::new(update));
    }

    fn effect_boxed(&mut self, update: Box<dyn Source<()>>) {
        self.hold(RenderEffect::new(move |_| update.get()));
    }
}

/// A value computed by a boxed closure. A trait of its own: the vtable of a `dyn Fn` also
/// carries `FnOnce` and `FnMut` entries for every closure boxed, this one only the call.
pub trait Source<R> {
    /// Computes the value.
    fn get(&self) -> R;
}

impl<R, F: Fn() -> R> Source<R> for F {
    fn get(&self) -> R {
        self()
    }
}

/// An event handler in a box, for the same reason as [`Source`].
pub trait Handler {
    /// Handles one event.
    fn handle(&mut self, event: web_sys::Event);
}

impl<F: FnMut(web_sys::Event)> Handler for F {
    fn handle(&mut self, event: web_sys::Event) {
        self(event)
    }
}

/// Builds the rows or content of a list or dynamic part, for the same reason as [`Source`].
pub trait Make<A, R> {
    /// Builds, keeping what must stay live in `keep`.
    fn make(&self, arg: A, keep: &mut Keep) -> R;
}

impl<A, R, F: Fn(A, &mut Keep) -> R> Make<A, R> for F {
    fn make(&self, arg: A, keep: &mut Keep) -> R {
        self(arg, keep)
    }
}

/// An element being built.
pub struct E(pub web_sys::Element);

impl E {
    /// A new `<tag>`.
    pub fn new(tag: &str) -> E {
        E(Rndr::create_element(tag, None))
    }

    /// A `<button type="button">` with `class`: the page's buttons submit nothing.
    pub fn button(class: &str) -> E {
        E::new("button").attr("type", "button").class(class)
    }

    /// Sets attribute `name`.
    pub fn attr(self, name: &str, value: &str) -> E {
        Rndr::set_attribute(&self.0, name, value);
        self
    }

    /// Sets the `class` attribute.
    pub fn class(self, class: &str) -> E {
        self.attr("class", class)
    }

    /// Appends a text node.
    pub fn text(self, text: &str) -> E {
        append(&self.0, &Rndr::create_text_node(text));
        self
    }

    /// Appends `child`.
    pub fn child(self, child: E) -> E {
        append(&self.0, &child.0);
        self
    }

    /// Appends a text node that shows `text`, kept up to date.
    pub fn text_with(self, keep: &mut Keep, text: impl Fn() -> String + 'static) -> E {
        self.text_boxed(keep, Box::new(text))
    }

    fn text_boxed(self, keep: &mut Keep, text: Box<dyn Source<String>>) -> E {
        let node = Rndr::create_text_node("");
        append(&self.0, &node);
        keep.effect(move || node.set_data(&text.get()));
        self
    }

    /// Keeps attribute `name` at what `value` says (removed while it says `None`).
    pub fn attr_with(
        self,
        keep: &mut Keep,
        name: &'static str,
        value: impl Fn() -> Option<String> + 'static,
    ) -> E {
        self.attr_boxed(keep, name, Box::new(value))
    }

    fn attr_boxed(
        self,
        keep: &mut Keep,
        name: &'static str,
        value: Box<dyn Source<Option<String>>>,
    ) -> E {
        let el = self.0.clone();
        keep.effect(move || match value.get() {
            Some(v) => Rndr::set_attribute(&el, name, &v),
            None => Rndr::remove_attribute(&el, name),
        });
        self
    }

    /// Keeps the boolean property `name` (`disabled`, `checked`, `open`) at what `on` says.
    pub fn flag_with(
        self,
        keep: &mut Keep,
        name: &'static str,
        on: impl Fn() -> bool + 'static,
    ) -> E {
        self.flag_boxed(keep, name, Box::new(on))
    }

    fn flag_boxed(self, keep: &mut Keep, name: &'static str, on: Box<dyn Source<bool>>) -> E {
        let el = self.0.clone();
        keep.effect(move || {
            Rndr::set_property(&el, name, &wasm_bindgen::JsValue::from_bool(on.get()))
        });
        self
    }

    /// Keeps the string property `name` (an input's `value`) at what `value` says.
    pub fn prop_with(
        self,
        keep: &mut Keep,
        name: &'static str,
        value: impl Fn() -> String + 'static,
    ) -> E {
        self.prop_boxed(keep, name, Box::new(value))
    }

    fn prop_boxed(self, keep: &mut Keep, name: &'static str, value: Box<dyn Source<String>>) -> E {
        let el = self.0.clone();
        keep.effect(move || {
            Rndr::set_property(&el, name, &wasm_bindgen::JsValue::from_str(&value.get()))
        });
        self
    }

    /// Keeps class `name` on while `on` says so.
    pub fn class_with(
        self,
        keep: &mut Keep,
        name: &'static str,
        on: impl Fn() -> bool + 'static,
    ) -> E {
        self.class_boxed(keep, name, Box::new(on))
    }

    fn class_boxed(self, keep: &mut Keep, name: &'static str, on: Box<dyn Source<bool>>) -> E {
        let list = self.0.class_list();
        keep.effect(move || {
            let _ = list.toggle_with_force(name, on.get());
        });
        self
    }

    /// Appends what `build` makes, made again (and the previous one dropped) whenever a signal
    /// it read changes: the imperative `move || view! { ... }`.
    pub fn dynamic(self, keep: &mut Keep, build: impl Fn(&mut Keep) -> Vec<E> + 'static) -> E {
        self.dynamic_boxed(keep, Box::new(move |(), keep: &mut Keep| build(keep)))
    }

    fn dynamic_boxed(self, keep: &mut Keep, build: Build) -> E {
        let marker = Rndr::create_placeholder();
        append(&self.0, &marker);
        let parent = self.0.clone();
        // One owner for whatever is shown, cleaned before each rebuild: that disposes the
        // reactive values of the content shown before, and leaves no dead owner behind.
        let slot = Owner::current()
            .unwrap_or_else(|| Owner::new_root(None))
            .child();
        let shown: Rc<RefCell<Option<Shown>>> = Rc::default();
        keep.effect(move || {
            if let Some(old) = shown.take() {
                for node in &old.nodes {
                    node.remove();
                }
            }
            let mut keep = Keep::default();
            let nodes: Vec<web_sys::Element> = slot
                .with_cleanup(|| build.make((), &mut keep))
                .into_iter()
                .map(|e| e.0)
                .collect();
            for node in &nodes {
                let _ = parent.insert_before(node, Some(&marker));
            }
            *shown.borrow_mut() = Some(Shown { nodes, _keep: keep });
        });
        self
    }

    /// Appends a Leptos view (a component, which returns a [`Piece`]).
    pub fn view(self, keep: &mut Keep, view: impl IntoView + 'static) -> E {
        let mut state = view.into_view().build();
        state.mount(&self.0, None);
        keep.hold(state);
        self
    }

    /// Calls `handler` on each `event` (a plain listener on this element).
    pub fn on(
        self,
        keep: &mut Keep,
        event: &str,
        handler: impl FnMut(web_sys::Event) + 'static,
    ) -> E {
        self.on_boxed(keep, event, Box::new(handler))
    }

    fn on_boxed(self, keep: &mut Keep, event: &str, mut handler: Box<dyn Handler>) -> E {
        let remover = Rndr::add_event_listener(
            &self.0,
            event,
            Box::new(move |ev: wasm_bindgen::JsValue| {
                use wasm_bindgen::JsCast;
                handler.handle(ev.unchecked_into())
            }),
        );
        // The listener's closure lives in its remover.
        keep.hold(remover);
        self
    }
}

fn append(parent: &web_sys::Element, child: &web_sys::Node) {
    // Appending to an element just created cannot fail.
    let _ = parent.append_child(child);
}

/// A list under `parent` with one child per item of `items()`, kept in step with it: an item
/// whose key was there before keeps its element (and what it holds); new keys are built with
/// `build`, gone ones are removed, and only rows out of place are moved. `parent` holds the
/// rows and nothing else.
pub fn keyed<T: 'static>(
    keep: &mut Keep,
    parent: &web_sys::Element,
    items: impl Fn() -> Vec<T> + 'static,
    key: fn(&T) -> String,
    build: impl Fn(T, &mut Keep) -> E + 'static,
) {
    // Only this adapter is generic: the items of the last run wait here, by index, for the
    // rows that need building.
    let latest: Rc<RefCell<Vec<Option<T>>>> = Rc::default();
    let waiting = latest.clone();
    keyed_erased(
        keep,
        parent,
        Box::new(move || {
            let items = items();
            let keys = items.iter().map(key).collect();
            *latest.borrow_mut() = items.into_iter().map(Some).collect();
            keys
        }),
        Box::new(move |at, keep: &mut Keep| {
            let item = waiting.borrow_mut().get_mut(at).and_then(Option::take);
            item.map(|item| build(item, keep))
        }),
    );
}

/// The keys of a [`keyed`] list's items (tracked).
type Keys = Box<dyn Source<Vec<String>>>;
/// Builds the row of the item at an index of the last keys.
type BuildAt = Box<dyn Make<usize, Option<E>>>;

fn keyed_erased(keep: &mut Keep, parent: &web_sys::Element, keys: Keys, build: BuildAt) {
    let parent = parent.clone();
    // Items are owned by the piece's owner, not by the list's effect: the effect's owner is
    // cleaned up each time it runs, which would take the items' reactive values with it.
    let owner = Owner::current().unwrap_or_else(|| Owner::new_root(None));
    let rows: Rc<RefCell<Vec<Row>>> = Rc::default();
    keep.effect(move || {
        let keys = keys.get();
        let mut old: Vec<Option<Row>> = rows.take().into_iter().map(Some).collect();
        let mut new = Vec::with_capacity(keys.len());
        for (at, k) in keys.into_iter().enumerate() {
            let is_it = |row: &Option<Row>| row.as_ref().is_some_and(|r| r.key == k);
            // Most runs change one row at most: look where the row was first.
            let found = if old.get(at).is_some_and(is_it) {
                Some(at)
            } else {
                old.iter().position(is_it)
            };
            let row = match found.and_then(|at| old.get_mut(at)).and_then(Option::take) {
                Some(row) => row,
                None => {
                    let owner = owner.child();
                    let mut keep = Keep::default();
                    let Some(element) = untrack(|| owner.with(|| build.make(at, &mut keep))) else {
                        continue;
                    };
                    Row {
                        key: k,
                        element: element.0,
                        _keep: keep,
                        _owner: owner,
                    }
                }
            };
            new.push(row);
        }
        for gone in old.into_iter().flatten() {
            gone.element.remove();
        }
        let mut next = parent.first_child();
        for row in &new {
            let node: &web_sys::Node = &row.element;
            if next.as_ref() == Some(node) {
                next = node.next_sibling();
            } else {
                // Moves the row when it is elsewhere in the list, adds it when it is new.
                let _ = parent.insert_before(node, next.as_ref());
            }
        }
        *rows.borrow_mut() = new;
    });
}

/// What an [`E::dynamic`] shows now.
struct Shown {
    nodes: Vec<web_sys::Element>,
    _keep: Keep,
}

/// One child of a [`keyed`] list.
struct Row {
    key: String,
    element: web_sys::Element,
    _keep: Keep,
    _owner: Owner,
}

/// A piece of the page built by `build` when it is mounted, as a view.
pub fn piece(build: impl FnOnce(&mut Keep) -> E + Send + 'static) -> Piece {
    Piece(Box::new(build))
}

/// See [`piece`].
pub struct Piece(Box<dyn FnOnce(&mut Keep) -> E + Send>);

/// A mounted [`Piece`]: its root and what keeps it live.
pub struct PieceState {
    root: web_sys::Element,
    _keep: Keep,
}

impl Render for Piece {
    type State = PieceState;

    fn build(self) -> PieceState {
        let mut keep = Keep::default();
        let root = (self.0)(&mut keep).0;
        PieceState { root, _keep: keep }
    }

    fn rebuild(self, state: &mut PieceState) {
        let mut new = self.build();
        state.root.insert_before_this(&mut new.root);
        state.root.unmount();
        *state = new;
    }
}

impl Mountable for PieceState {
    fn unmount(&mut self) {
        self.root.unmount();
    }

    fn mount(&mut self, parent: &web_sys::Element, marker: Option<&web_sys::Node>) {
        self.root.mount(parent, marker);
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        self.root.insert_before_this(child)
    }

    fn elements(&self) -> Vec<web_sys::Element> {
        vec![self.root.clone()]
    }
}

impl AddAnyAttr for Piece {
    type Output<SomeNewAttr: Attribute> = Piece;

    fn add_any_attr<NewAttr: Attribute>(self, _attr: NewAttr) -> Piece {
        self
    }
}

/// The page is rendered in the browser only: the server-side half of the trait is never used.
impl RenderHtml for Piece {
    type AsyncOutput = Piece;
    type Owned = Piece;

    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Piece {
        self
    }

    fn to_html_with_buf(
        self,
        _buf: &mut String,
        _position: &mut Position,
        _escape: bool,
        _mark_branches: bool,
        _extra_attrs: Vec<AnyAttribute>,
    ) {
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        _cursor: &Cursor,
        _position: &PositionState,
    ) -> PieceState {
        self.build()
    }

    fn into_owned(self) -> Piece {
        self
    }
}

/// A builder of the content of an [`E::dynamic`].
type Build = Box<dyn Make<(), Vec<E>>>;
