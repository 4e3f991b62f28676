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
pub mod state;

use leptos::prelude::*;

pub use contents::Contents;

use crate::schema::Group;
use apply::ReviewPanel;
use connect::{ConnectPanel, Session};
use form::collections::MapDrafts;
use form::{ErrorSummary, GroupPanel, ReviewBar};
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
    view! {
        <a class="skip-link" href="#main">"Skip to the settings"</a>
        <header class="masthead">
            <h1>{PRODUCT_NAME}</h1>
            <p class="lede">
                "Every setting of an Amazon Cognito user pool, with its limits and the rules "
                "between settings. Load a pool with your temporary credentials, edit it, see "
                "exactly what will change, apply the complete configuration and check that it "
                "took; or take the request away as JSON or as an AWS CLI command."
            </p>
        </header>
        <div class="toolbar">
            <label for="filter">"Find a setting"</label>
            <input
                type="search"
                id="filter"
                class="control"
                placeholder="name or path, e.g. MinimumLength"
                prop:value=move || state.filter.get()
                on:input=move |ev| state.filter.set(event_target_value(&ev))
            />
            <ErrorSummary />
            <ReviewBar />
        </div>
        <div class="layout">
            <Contents />
            <main id="main" class="groups" tabindex="-1">
                <ConnectPanel />
                <ImportPanel />
                {Group::ALL.into_iter().map(|group| view! { <GroupPanel group /> }).collect_view()}
                <ChangesView />
                <ReviewPanel />
                <ExportPanel />
            </main>
        </div>
    }
}
