//! The table of contents: one link per field group, with the number of settings in it.

use leptos::prelude::*;

use super::dom::{self, E};
use super::form::group::{group_tally, tally_text};
use super::outline::{setting_count, settings_phrase};
use super::state::FormState;
use crate::schema::Group;

/// Navigation to the group sections, in form order.
#[component]
pub fn Contents() -> impl IntoView {
    dom::piece(|keep| {
        let state = FormState::get();
        let list =
            Group::ALL
                .into_iter()
                .fold(E::new("ol").class("contents-list"), |list, group| {
                    let tally = group_tally(state, group);
                    list.child(
                        E::new("li")
                            .child(
                                E::new("a")
                                    .attr("href", &format!("#{}", group.anchor()))
                                    .text(group.title()),
                            )
                            .text(" ")
                            .child(
                                E::new("span")
                                    .class("count")
                                    .text(&settings_phrase(setting_count(group), None)),
                            )
                            // The live counts of the group.
                            .child(
                                E::new("span")
                                    .class("tally")
                                    .text_with(keep, move || tally_text(tally.get())),
                            ),
                    )
                });
        E::new("nav")
            .class("contents")
            .attr("aria-label", "Form sections")
            .child(E::new("h2").class("contents-title").text("Contents"))
            .child(list)
    })
}
