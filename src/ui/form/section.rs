//! A structure of the request: a titled group of settings. An optional structure can be left
//! out as a whole, which is different from sending it empty (see each section's help).

use leptos::prelude::*;
use serde_json::{Map, Value};

use super::field::Members;
use crate::form;
use crate::schema::Field;
use crate::ui::state::{computed, control_id, FormState};

/// A structure: legend, help, an "include" switch when it is optional, and its members.
#[component]
pub fn SectionView(
    /// The structure's table entry.
    field: &'static Field,
    /// Where it is in the request.
    pointer: String,
) -> impl IntoView {
    let state = FormState::get();
    let value = state.value(pointer.clone());
    // A memo, so that editing a member does not rebuild the section (and its focused input).
    let present = computed(move || value.with(Option::is_some));
    let findings = state.findings_at(pointer.clone());
    let id = control_id(&pointer);
    let switch_id = format!("{id}-include");
    let findings_id = format!("{id}-findings");
    let toggle_pointer = StoredValue::new(pointer.clone());
    let toggle = move |on: bool| {
        let new = on.then(|| Value::Object(Map::new()));
        toggle_pointer.with_value(|p| state.edit(p, new));
    };
    let filter = state.filter;
    let hidden = move || !form::subtree_matches(field, &filter.get());
    let members = {
        let pointer = pointer.clone();
        move || {
            present.get().then(|| {
                view! { <Members fields=field.children().collect() pointer=pointer.clone() /> }
            })
        }
    };
    view! {
        <fieldset
            class="section"
            class:absent=move || !present.get()
            data-path=field.path
            data-pointer=pointer.clone()
            hidden=hidden
        >
            <legend>{field.label}</legend>
            <p class="help">{field.help} " " <code class="path">{field.path}</code></p>
            {(!field.required)
                .then(|| {
                    view! {
                        <label class="include" for=switch_id.clone()>
                            <input
                                type="checkbox"
                                id=switch_id.clone()
                                data-path=field.path
                                data-pointer=pointer.clone()
                                prop:checked=move || present.get()
                                on:change=move |ev| toggle(event_target_checked(&ev))
                            />
                            " Send "
                            {field.label}
                            <span class="muted">
                                {move || if present.get() { " (included in the request)" } else { " (left out of the request)" }}
                            </span>
                        </label>
                    }
                })}
            <super::field::Findings id=findings_id findings />
            <div class="members">{members}</div>
        </fieldset>
    }
}
