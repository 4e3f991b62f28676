//! One group's section: its heading and the list of its top-level settings.

use leptos::prelude::*;

use super::outline::{nested_count, setting_count, settings_phrase, top_level};
use crate::schema::{Field, Group};

/// The section of `group`, targeted by the table of contents through `group.anchor()`.
#[component]
pub fn GroupSection(
    /// The field group shown.
    group: Group,
) -> impl IntoView {
    let heading_id = format!("{}-heading", group.anchor());
    let labelled_by = heading_id.clone();
    view! {
        <section id=group.anchor() class="group" aria-labelledby=labelled_by>
            <h2 id=heading_id>{group.title()}</h2>
            <p class="count">{settings_phrase(setting_count(group), None)}</p>
            <ul class="settings">
                {top_level(group).map(|field| view! { <SettingItem field /> }).collect_view()}
            </ul>
        </section>
    }
}

/// A top-level setting: label, model path, how many settings it holds, help.
#[component]
fn SettingItem(
    /// The table entry shown.
    field: &'static Field,
) -> impl IntoView {
    let nested = nested_count(field);
    view! {
        <li class="setting">
            <span class="setting-label">{field.label}</span>
            " "
            <code class="setting-path">{field.path}</code>
            {(nested > 0)
                .then(|| {
                    view! {
                        " "
                        <span class="setting-nested">
                            {settings_phrase(nested, Some("nested"))}
                        </span>
                    }
                })}
            <p class="setting-help">{field.help}</p>
        </li>
    }
}
