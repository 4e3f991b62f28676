//! The browser shell: the page that Leptos mounts in the browser.
//!
//! Everything this module shows about settings comes from the field table in
//! [`crate::schema`]; the components only lay it out. For now the page is an overview of the
//! form: a table of contents of the field groups and, per group, its top-level settings. The
//! editable form replaces the lists in a later version.

mod checker;
mod contents;
mod outline;
mod section;

use leptos::prelude::*;

pub use checker::RequestChecker;
pub use contents::Contents;
pub use section::GroupSection;

use crate::schema::Group;

/// The product name, shown as the page's only `h1`.
pub const PRODUCT_NAME: &str = "Cognito Pool Console";

/// Mounts [`App`] at the end of `<body>` and routes panics to the browser console.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// The whole page: banner with the product name, table of contents, one section per group.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to the settings"</a>
        <header class="masthead">
            <h1>{PRODUCT_NAME}</h1>
            <p class="lede">
                "Every setting of an Amazon Cognito user pool's UpdateUserPool request, "
                "with its limits and the rules between settings. Check a request before you "
                "apply it; editing and applying live settings from here come next."
            </p>
        </header>
        <div class="layout">
            <Contents />
            <main id="main" class="groups" tabindex="-1">
                <RequestChecker />
                {Group::ALL.into_iter().map(|group| view! { <GroupSection group /> }).collect_view()}
            </main>
        </div>
    }
}
