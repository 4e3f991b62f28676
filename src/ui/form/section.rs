//! A structure of the request: a titled group of settings. An optional structure can be left
//! out as a whole, which is different from sending it empty (see each section's help).

use leptos::prelude::*;
use serde_json::{Map, Value};

use super::field::{findings_list, help, members};
use crate::form;
use crate::schema::Field;
use crate::ui::dom::{Keep, E};
use crate::ui::sig::Sig;
use crate::ui::state::{computed, control_id, FormState};

/// A structure: legend, help, an "include" switch when it is optional, and its members.
pub fn section_view(keep: &mut Keep, field: &'static Field, pointer: String) -> E {
    let state = FormState::get();
    let value = state.value(pointer.clone());
    // A memo, so that editing a member does not rebuild the section (and its focused input).
    let present = computed(move || value.with(Option::is_some));
    let findings = state.findings_at(pointer.clone());
    let id = control_id(&pointer);
    let switch_id = format!("{id}-include");
    let findings_id = format!("{id}-findings");
    let toggle_pointer = Sig::new(pointer.clone());
    let filter = state.filter;
    let mut section = E::new("fieldset")
        .class("section")
        .class_with(keep, "absent", move || !present.get())
        .attr("data-path", field.path)
        .attr("data-pointer", &pointer)
        .flag_with(keep, "hidden", move || {
            !form::subtree_matches(field, &filter.get())
        })
        .child(E::new("legend").text(field.label))
        .child(help(field));
    if !field.required {
        section = section.child(
            E::new("label")
                .class("include")
                .attr("for", &switch_id)
                .child(
                    E::new("input")
                        .attr("type", "checkbox")
                        .attr("id", &switch_id)
                        .attr("data-path", field.path)
                        .attr("data-pointer", &pointer)
                        .flag_with(keep, "checked", move || present.get())
                        .on(keep, "change", move |ev| {
                            let new = event_target_checked(&ev).then(|| Value::Object(Map::new()));
                            toggle_pointer.with_untracked(|p| state.edit(p, new));
                        }),
                )
                .text(" Send ")
                .text(field.label)
                .child(E::new("span").class("muted").text_with(keep, move || {
                    if present.get() {
                        " (included in the request)".to_owned()
                    } else {
                        " (left out of the request)".to_owned()
                    }
                })),
        );
    }
    section
        .child(findings_list(keep, findings_id, findings))
        .child(E::new("div").class("members").dynamic(keep, move |keep| {
            if !present.get() {
                return Vec::new();
            }
            members(keep, field.children().collect(), &pointer)
        }))
}
