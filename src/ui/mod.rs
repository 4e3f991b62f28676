//! The browser shell: the page that Leptos mounts in the browser.
//!
//! Everything this module shows about settings comes from the field table in
//! [`crate::schema`]; the components only lay it out: the form's state is in [`state`], the
//! controls in [`form`].

pub mod apply;
pub mod client;
pub mod connect;
mod contents;
pub mod dom;
pub mod form;
pub mod io;
mod outline;
pub mod sig;
pub mod state;

use leptos::prelude::*;

pub use contents::Contents;

use crate::schema::Group;
use apply::ReviewPanel;
use connect::{ConnectPanel, Session};
use dom::E;
use form::collections::MapDrafts;
use form::group::group_panel;
use form::{ErrorSummary, ReviewBar};
use io::{ChangesView, ExportPanel, ImportPanel, Replacer};
use state::FormState;

/// The product name, shown as the page's only `h1`.
pub const PRODUCT_NAME: &str = "Cognito Pool Console";

/// Mounts [`App`] at the end of `<body>` and routes panics to the browser console.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// The whole page: banner, the form's summary and review bar, table of contents, and one
/// section per group with every setting.
#[component]
pub fn App() -> impl IntoView {
    let state = FormState::empty();
    provide_context(state);
    let drafts = MapDrafts::provide(state);
    state.form_findings.set(Some(drafts.findings));
    Replacer::provide(state);
    Session::provide();
    // Four top-level pieces (the page's body holds them side by side); the panels are built
    // by their own components, each one piece.
    let skip = dom::piece(|_| {
        E::new("a")
            .class("skip-link")
            .attr("href", "#main")
            .text("Skip to the settings")
    });
    let masthead = dom::piece(|_| {
        E::new("header")
            .class("masthead")
            .child(E::new("h1").text(PRODUCT_NAME))
            .child(E::new("p").class("lede").text(
                "Every setting of an Amazon Cognito user pool, with its limits and the rules \
                 between settings. Load a pool with your temporary credentials, edit it, see \
                 exactly what will change, apply the complete configuration and check that it \
                 took; or take the request away as JSON or as an AWS CLI command.",
            ))
    });
    let toolbar = dom::piece(move |keep| {
        E::new("div")
            .class("toolbar")
            .child(E::new("label").attr("for", "filter").text("Find a setting"))
            .child(
                E::new("input")
                    .attr("type", "search")
                    .attr("id", "filter")
                    .class("control")
                    .attr("placeholder", "name or path, e.g. MinimumLength")
                    .prop_with(keep, "value", move || state.filter.get())
                    .on(keep, "input", move |ev| {
                        state.filter.set(event_target_value(&ev))
                    }),
            )
            .view(keep, ErrorSummary())
            .view(keep, ReviewBar())
    });
    let layout = dom::piece(|keep| {
        let main = E::new("main")
            .attr("id", "main")
            .class("groups")
            .attr("tabindex", "-1")
            .view(keep, ConnectPanel())
            .view(keep, ImportPanel());
        let main = Group::ALL
            .into_iter()
            .fold(main, |main, group| main.child(group_panel(keep, group)))
            .view(keep, ChangesView())
            .view(keep, ReviewPanel())
            .view(keep, ExportPanel());
        E::new("div")
            .class("layout")
            .view(keep, Contents())
            .child(main)
    });
    (skip, masthead, toolbar, layout)
}
