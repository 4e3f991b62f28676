//! One setting of the form: [`FieldView`] picks the control from the field table's widget kind;
//! [`FieldRow`] owns the label, id, help, change marker and findings around a value control.

use leptos::prelude::*;

use super::collections::{key_value_editor, record_list_editor, text_list_editor};
use super::section::section_view;
use super::widgets::{line_input, multi_select, select_input, template_input};
use crate::form;
use crate::schema::{Field, Tier, Widget};
use crate::ui::dom::{self, Keep, E};
use crate::ui::sig::Derived;
use crate::ui::state::{computed, control_id, FormState};
use crate::validate::{join_pointer, Finding};

/// The control for `field` at `pointer`, chosen by the field's widget kind.
#[component]
pub fn FieldView(
    /// The table entry.
    field: &'static Field,
    /// Where its value is in the request (`/Policies/PasswordPolicy/MinimumLength`).
    pointer: String,
) -> impl IntoView {
    dom::piece(move |keep| {
        // A wrapper only for a field that has no control of its own (a list's item entry).
        field_element(keep, field, pointer).unwrap_or_else(|| E::new("span").attr("hidden", ""))
    })
}

/// The element of [`FieldView`]; `None` for a field without a control of its own.
pub fn field_element(keep: &mut Keep, field: &'static Field, pointer: String) -> Option<E> {
    match field.widget {
        Widget::Section => Some(section_view(keep, field, pointer)),
        Widget::RecordList => record_list_editor(keep, field, pointer),
        Widget::KeyValue => key_value_editor(keep, field, pointer),
        Widget::TextList => text_list_editor(keep, field, pointer),
        Widget::Item => None,
        _ => Some(field_row(keep, field, pointer)),
    }
}

/// A value control with everything around it: label, help, tier and legacy notes, a change
/// marker with "reset", and the findings of exactly this pointer.
fn field_row(keep: &mut Keep, field: &'static Field, pointer: String) -> E {
    let state = FormState::get();
    let id = control_id(&pointer);
    let help_id = format!("{id}-help");
    let findings_id = format!("{id}-findings");
    let findings = if field.widget == Widget::MultiSelect {
        state.findings_within(pointer.clone())
    } else {
        state.findings_at(pointer.clone())
    };
    let changed = state.changed_at(pointer.clone());
    let described_by = {
        let help_id = help_id.clone();
        let findings_id = findings_id.clone();
        move || {
            if findings.with(Vec::is_empty) {
                help_id.clone()
            } else {
                format!("{help_id} {findings_id}")
            }
        }
    };
    let attrs = ControlAttrs {
        id: id.clone(),
        described_by: computed(described_by),
        invalid: computed(move || {
            findings.with(|f| f.iter().any(|f| f.severity.as_str() == "error"))
        }),
    };
    let control: Vec<E> = match field.widget {
        Widget::Template => template_input(keep, field, pointer.clone(), &attrs).into(),
        Widget::Integer => vec![line_input(keep, field, pointer.clone(), &attrs, true)],
        Widget::Select | Widget::TriState => {
            vec![select_input(keep, field, pointer.clone(), &attrs)]
        }
        Widget::MultiSelect => vec![multi_select(keep, field, pointer.clone(), &attrs)],
        _ => vec![line_input(keep, field, pointer.clone(), &attrs, false)],
    };
    let mut head = E::new("div")
        .class("field-head")
        .child(E::new("label").attr("for", &id).text(field.label));
    if field.legacy {
        head = head.child(E::new("span").class("tag").text("legacy"));
    }
    if let Some(tier) = field.tier {
        head = head.child(E::new("span").class("tag").text(tier_note(tier)));
    }
    let reset_pointer = pointer.clone();
    let head = head.dynamic(keep, move |keep| {
        if !changed.get() {
            return Vec::new();
        }
        let reset_pointer = reset_pointer.clone();
        vec![
            E::new("span").class("tag changed-tag").text("changed"),
            E::button("link-button")
                .text("Reset")
                .on(keep, "click", move |_| state.reset(&reset_pointer)),
        ]
    });
    let filter = state.filter;
    let row = E::new("div")
        .class(if field.legacy {
            "field legacy"
        } else {
            "field"
        })
        .class_with(keep, "changed", move || changed.get())
        .attr("data-path", field.path)
        .attr("data-pointer", &pointer)
        .flag_with(keep, "hidden", move || {
            !form::matches_filter(field, &filter.get())
        })
        .child(head);
    control
        .into_iter()
        .fold(row, E::child)
        .child(help(field).attr("id", &help_id))
        .child(findings_list(keep, findings_id, findings))
}

/// A setting's help, followed by its path in the request.
pub fn help(field: &Field) -> E {
    E::new("p")
        .class("help")
        .text(field.help)
        .text(" ")
        .child(E::new("code").class("path").text(field.path))
}

/// A finding's list item, with the hooks tests and styles use (`data-severity`, `data-rule`,
/// `data-path`, `data-pointer`).
pub fn finding_item(f: &Finding) -> E {
    E::new("li")
        .class("finding")
        .attr("data-severity", f.severity.as_str())
        .attr("data-rule", f.rule)
        .attr("data-path", &f.path)
        .attr("data-pointer", &f.pointer)
}

/// "error" or "warning", as a badge.
pub fn finding_badge(f: &Finding) -> E {
    E::new("span").class("badge").text(f.severity.as_str())
}

/// What keys a finding in a list of findings: a keystroke rebuilds only the findings it changes.
pub fn finding_key(f: &Finding) -> String {
    format!("{}\u{0}{}\u{0}{}", f.rule, f.pointer, f.message)
}

/// The attributes a value control takes from its row.
#[derive(Clone)]
pub struct ControlAttrs {
    /// The control's id (the label's `for`).
    pub id: String,
    /// Ids of the help and findings that describe it.
    pub described_by: Derived<String>,
    /// Whether an error stands on it.
    pub invalid: Derived<bool>,
}

/// The findings of one control, errors and warnings styled apart.
#[component]
pub fn Findings(
    /// Id of the list (referenced by `aria-describedby`).
    id: String,
    /// The findings to list.
    findings: Derived<Vec<Finding>>,
) -> impl IntoView {
    dom::piece(move |keep| findings_list(keep, id, findings))
}

/// The element of [`Findings`].
pub(super) fn findings_list(keep: &mut Keep, id: String, findings: Derived<Vec<Finding>>) -> E {
    let list = E::new("ul").class("field-findings").attr("id", &id);
    dom::keyed(
        keep,
        &list.0,
        move || findings.get(),
        finding_key,
        |f, _| {
            finding_item(&f)
                .child(finding_badge(&f))
                .text(" ")
                .text(&f.message)
        },
    );
    list
}

/// "Needs Essentials" / "Needs Plus".
pub fn tier_note(tier: Tier) -> &'static str {
    match tier {
        Tier::Essentials => "needs Essentials or Plus",
        Tier::Plus => "needs Plus",
    }
}

/// Settings side by side under one parent (`pointer` is the parent's), as the parent's
/// children: the current ones first, then the legacy ones folded away under "Legacy settings"
/// (open when one of them has a value, so that its findings can be seen and reached).
pub fn members(keep: &mut Keep, fields: Vec<&'static Field>, pointer: &str) -> Vec<E> {
    let state = FormState::get();
    let (legacy, current): (Vec<_>, Vec<_>) = fields.into_iter().partition(|f| f.legacy);
    let mut shown: Vec<E> = current
        .into_iter()
        .filter_map(|field| field_element(keep, field, join_pointer(pointer, field.name())))
        .collect();
    if !legacy.is_empty() {
        let legacy_values: Vec<Derived<Option<serde_json::Value>>> = legacy
            .iter()
            .map(|f| state.value(join_pointer(pointer, f.name())))
            .collect();
        let fold = E::new("details")
            .class("legacy-fold")
            .flag_with(keep, "open", move || {
                legacy_values.iter().any(|v| v.with(Option::is_some))
            })
            .child(
                E::new("summary")
                    .text(&format!("Legacy settings ({})", legacy.len()))
                    .child(
                        E::new("span")
                            .class("muted")
                            .text(" — kept only for older pools"),
                    ),
            );
        let fold = legacy.into_iter().fold(fold, |fold, field| {
            match field_element(keep, field, join_pointer(pointer, field.name())) {
                Some(child) => fold.child(child),
                None => fold,
            }
        });
        shown.push(fold);
    }
    shown
}
