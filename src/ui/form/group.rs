//! One group of the form (a section of the page): heading with its counts, collapsible, and the
//! group's top-level settings.

use super::field::members;
use crate::form::{self, Tally};
use crate::schema::Group;
use crate::ui::dom::{Keep, E};
use crate::ui::sig::{Derived, Sig};
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
pub fn group_tally(state: FormState, group: Group) -> Derived<Tally> {
    computed(move || {
        state
            .tallies
            .with(|all| all.get(group.index()).copied().unwrap_or_default())
    })
}

/// A group's section: heading (a button that collapses it), counts, settings.
pub fn group_panel(keep: &mut Keep, group: Group) -> E {
    let state = FormState::get();
    let tally = group_tally(state, group);
    let open = Sig::new(true);
    let heading_id = format!("{}-heading", group.anchor());
    let body_id = format!("{}-body", group.anchor());
    let filter = state.filter;
    let body = members(
        keep,
        group.fields().filter(|f| f.depth() == 0).collect(),
        "",
    )
    .into_iter()
    .fold(
        E::new("div")
            .attr("id", &body_id)
            .class("group-body")
            .flag_with(keep, "hidden", move || !open.get()),
        E::child,
    );
    E::new("section")
        .attr("id", group.anchor())
        .class("group")
        .attr("aria-labelledby", &heading_id)
        .flag_with(keep, "hidden", move || {
            let filter = filter.get();
            !group.fields().any(|f| form::matches_filter(f, &filter))
        })
        .child(
            E::new("h2").attr("id", &heading_id).child(
                E::button("group-toggle")
                    .attr_with(keep, "aria-expanded", move || Some(open.get().to_string()))
                    .attr("aria-controls", &body_id)
                    .on(keep, "click", move |_| open.update(|o| *o = !*o))
                    .text(group.title()),
            ),
        )
        .child(
            E::new("p")
                .class("count tally")
                .attr("data-group", group.anchor())
                .text_with(keep, move || tally_text(tally.get())),
        )
        .child(body)
}
