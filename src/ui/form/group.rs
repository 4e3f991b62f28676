//! One group of the form (a section of the page): heading with its counts, collapsible, and the
//! group's top-level settings.

use leptos::prelude::*;

use super::field::Members;
use crate::form::{self, Tally};
use crate::schema::Group;
use crate::ui::state::{computed, FormState};

/// "2 changed · 1 error · 3 warnings", or nothing when all are zero.
pub fn tally_text(tally: Tally) -> String {
    let mut parts = Vec::new();
    if tally.changed > 0 {
        parts.push(format!("{} changed", tally.changed));
    }
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("1 {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    if tally.errors > 0 {
        parts.push(plural(tally.errors, "error"));
    }
    if tally.warnings > 0 {
        parts.push(plural(tally.warnings, "warning"));
    }
    parts.join(" · ")
}

/// The counts of `group`, as a memo over the form's counts of every group: it notifies only
/// when this group's counts change.
pub fn group_tally(state: FormState, group: Group) -> Memo<Tally> {
    computed(move || {
        state
            .tallies
            .with(|all| all.get(group.index()).copied().unwrap_or_default())
    })
}

/// A group's section: heading (a button that collapses it), counts, settings.
#[component]
pub fn GroupPanel(
    /// The group shown.
    group: Group,
) -> impl IntoView {
    let state = FormState::get();
    let tally = group_tally(state, group);
    let open = RwSignal::new(true);
    let heading_id = format!("{}-heading", group.anchor());
    let labelled_by = heading_id.clone();
    let body_id = format!("{}-body", group.anchor());
    let controls = body_id.clone();
    let filter = state.filter;
    let hidden = move || {
        let filter = filter.get();
        !group.fields().any(|f| form::matches_filter(f, &filter))
    };
    view! {
        <section
            id=group.anchor()
            class="group"
            aria-labelledby=labelled_by
            hidden=hidden
        >
            <h2 id=heading_id>
                <button
                    type="button"
                    class="group-toggle"
                    aria-expanded=move || open.get().to_string()
                    aria-controls=controls
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {group.title()}
                </button>
            </h2>
            <p class="count tally" data-group=group.anchor()>
                {move || tally_text(tally.get())}
            </p>
            <div id=body_id class="group-body" hidden=move || !open.get()>
                <Members
                    fields=group.fields().filter(|f| f.depth() == 0).collect()
                    pointer=String::new()
                />
            </div>
        </section>
    }
}
