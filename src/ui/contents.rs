//! The table of contents: one link per field group, with the number of settings in it.

use leptos::prelude::*;

use super::form::group::{group_tally, tally_text};
use super::outline::{setting_count, settings_phrase};
use super::state::FormState;
use crate::schema::Group;

/// Navigation to the group sections, in form order.
#[component]
pub fn Contents() -> impl IntoView {
    view! {
        <nav class="contents" aria-label="Form sections">
            <h2 class="contents-title">"Contents"</h2>
            <ol class="contents-list">
                {Group::ALL
                    .into_iter()
                    .map(|group| {
                        view! {
                            <li>
                                <a href=format!("#{}", group.anchor())>{group.title()}</a>
                                " "
                                <span class="count">{settings_phrase(setting_count(group), None)}</span>
                                <GroupTally group />
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}

/// The live counts of a group beside its contents link.
#[component]
fn GroupTally(group: Group) -> impl IntoView {
    let tally = group_tally(FormState::get(), group);
    view! { <span class="tally">{move || tally_text(tally.get())}</span> }
}
