//! The value controls: text, message template, whole number, tri-state boolean, enum select and
//! enum multi-select. Each binds one pointer of the draft; the row around it owns the rest.
//! Built with [`crate::ui::dom`]: a form has a hundred of them.

use std::cell::RefCell;

use leptos::prelude::*;
use leptos::tachys::renderer::Rndr;
use serde_json::Value;
use wasm_bindgen::JsValue;

use super::field::ControlAttrs;
use crate::form;
use crate::pattern::Pattern;
use crate::schema::{Field, Shape};
use crate::ui::dom::{Keep, E};
use crate::ui::state::FormState;
use crate::validate::join_pointer;

/// Sets the row's attributes on a control: its id, what describes it (and the element `also`
/// names, when there is one), and whether an error stands on it.
fn with_attrs(control: E, keep: &mut Keep, attrs: &ControlAttrs, also: Option<String>) -> E {
    let ControlAttrs {
        described_by,
        invalid,
        ..
    } = attrs.clone();
    control
        .attr("id", &attrs.id)
        .attr_with(keep, "aria-describedby", move || {
            Some(match &also {
                Some(also) => format!("{} {also}", described_by.get()),
                None => described_by.get(),
            })
        })
        .attr_with(keep, "aria-invalid", move || {
            invalid.get().then(|| "true".to_owned())
        })
}

/// Single-line text, or a whole number with the table's bounds (`numeric`: typed text that is
/// not a number is kept and reported).
pub fn line_input(
    keep: &mut Keep,
    field: &'static Field,
    pointer: String,
    attrs: &ControlAttrs,
    numeric: bool,
) -> E {
    let state = FormState::get();
    let value = state.value(pointer.clone());
    let bounds = match (numeric, field.min, field.max) {
        (true, Some(min), Some(max)) => format!("{min}–{max}"),
        _ => String::new(),
    };
    let input = E::new("input")
        .attr("type", "text")
        .attr("inputmode", if numeric { "numeric" } else { "text" })
        .class(if numeric { "control number" } else { "control" })
        .attr("data-path", field.path)
        .attr("data-pointer", &pointer)
        .attr("autocomplete", "off")
        .attr("spellcheck", "false")
        .attr("placeholder", &bounds);
    let input = if field.path == "UserPoolId" {
        input.flag_with(keep, "readOnly", move || state.pool_locked.get())
    } else {
        input
    };
    let blur_pointer = pointer.clone();
    with_attrs(input, keep, attrs, None)
        .prop_with(keep, "value", move || form::shown(value.get().as_ref()))
        .on(keep, "input", move |ev| {
            state.edit(&pointer, form::input_value(field, &event_target_value(&ev)))
        })
        .on(keep, "blur", move |_| state.touch(&blur_pointer))
}

/// The placeholders a template must or may contain, by its pattern.
fn placeholders(field: &Field) -> &'static [&'static str] {
    match field.pattern {
        Some(Pattern::SmsCode | Pattern::EmailCode) => &["{####}"],
        Some(Pattern::EmailLink) => &["{##link text##}"],
        _ if field.path.contains("InviteMessageTemplate") => &["{username}", "{####}"],
        _ => &[],
    }
}

/// Multi-line message template: shows which placeholders it needs and counts characters
/// (code points, as Cognito counts them) against the limit. Two elements: the text area and
/// its notes.
pub fn template_input(
    keep: &mut Keep,
    field: &'static Field,
    pointer: String,
    attrs: &ControlAttrs,
) -> [E; 2] {
    let state = FormState::get();
    let value = state.value(pointer.clone());
    let text = move || form::shown(value.get().as_ref());
    let count = move || text().chars().count();
    let max = field.max;
    let counter_id = format!("{}-count", attrs.id);
    let blur_pointer = pointer.clone();
    let area = with_attrs(
        E::new("textarea")
            .class("control template")
            .attr("data-path", field.path)
            .attr("data-pointer", &pointer)
            .attr("rows", "4")
            .attr("spellcheck", "true"),
        keep,
        attrs,
        Some(counter_id.clone()),
    )
    .prop_with(keep, "value", text)
    .on(keep, "input", move |ev| {
        state.edit(&pointer, form::input_value(field, &event_target_value(&ev)))
    })
    .on(keep, "blur", move |_| state.touch(&blur_pointer));
    let mut meta = E::new("p").class("template-meta").attr("id", &counter_id);
    let needed = placeholders(field);
    if !needed.is_empty() {
        let mut list = E::new("span").class("placeholders").text("Placeholders: ");
        for p in needed {
            // A link placeholder counts once "{##" is there.
            let needle = if p.starts_with("{##") { "{##" } else { *p };
            list = list
                .child(E::new("code").class("placeholder").text(p).class_with(
                    keep,
                    "missing",
                    move || {
                        let text = text();
                        !text.is_empty() && !text.contains(needle)
                    },
                ))
                .text(" ");
        }
        meta = meta.child(list);
    }
    let meta = meta.child(
        E::new("span")
            .class("counter")
            .class_with(keep, "over", move || {
                max.is_some_and(|max| count() as u64 > max)
            })
            .text_with(keep, move || match max {
                Some(max) => format!("{} / {max} characters", count()),
                None => format!("{} characters", count()),
            }),
    );
    [area, meta]
}

/// The choices of a select: a boolean's two values, or the enum's values, each with its text.
fn choices(field: &Field) -> Vec<(&'static str, &'static str)> {
    if field.shape == Shape::Boolean {
        vec![("true", "Yes (true)"), ("false", "No (false)")]
    } else {
        field.values.iter().map(|v| (*v, *v)).collect()
    }
}

/// One enum value, or a boolean (not set / true / false), or not set. A value outside the
/// choices (from an import) stays selectable so that it is shown, and is reported.
pub fn select_input(
    keep: &mut Keep,
    field: &'static Field,
    pointer: String,
    attrs: &ControlAttrs,
) -> E {
    let state = FormState::get();
    let value = state.value(pointer.clone());
    let options = choices(field);
    let known: Vec<&'static str> = options.iter().map(|(v, _)| *v).collect();
    let option = |value: &str, text: &str| E::new("option").attr("value", value).text(text);
    let select = options.iter().fold(
        E::new("select")
            .class("control")
            .attr("data-path", field.path)
            .attr("data-pointer", &pointer)
            .child(option("", "Not set")),
        |select, (v, text)| select.child(option(v, text)),
    );
    let select = with_attrs(select, keep, attrs, None);
    bind_choice(keep, &select, known, move || {
        form::shown(value.get().as_ref())
    });
    select.on(keep, "change", move |ev| {
        state.edit(&pointer, form::input_value(field, &event_target_value(&ev)))
    })
}

/// Keeps `select` showing `current()`. A value outside `known` gets an option of its own,
/// marked as not allowed, so that it is shown (and reported) rather than silently dropped.
/// The option and the selection are set in one effect: a value can only be selected once its
/// option is there.
pub(super) fn bind_choice(
    keep: &mut Keep,
    select: &E,
    known: Vec<&'static str>,
    current: impl Fn() -> String + 'static,
) {
    let element = select.0.clone();
    let stray: RefCell<Option<web_sys::Element>> = RefCell::new(None);
    keep.effect(move || {
        let current = current();
        if let Some(old) = stray.take() {
            old.remove();
        }
        if !current.is_empty() && !known.contains(&current.as_str()) {
            let extra = E::new("option")
                .attr("value", &current)
                .text(&format!("{current} (not allowed)"));
            let _ = element.append_child(&extra.0);
            *stray.borrow_mut() = Some(extra.0);
        }
        Rndr::set_property(&element, "value", &JsValue::from_str(&current));
    });
}

/// A set of enum values, as checkboxes. Unchecking every box leaves the list not set.
pub fn multi_select(
    keep: &mut Keep,
    field: &'static Field,
    pointer: String,
    attrs: &ControlAttrs,
) -> E {
    let state = FormState::get();
    let value = state.value(pointer.clone());
    let item = field.child("[]");
    let values: &'static [&'static str] = item.map_or(&[], |i| i.values);
    let item_path = item.map_or(field.path, |i| i.path);
    let selected = move || -> Vec<String> {
        match value.get() {
            Some(Value::Array(items)) => items.iter().map(|v| form::shown(Some(v))).collect(),
            _ => Vec::new(),
        }
    };
    let pointer = StoredValue::new(pointer);
    let toggle = move |choice: &str, on: bool| {
        let mut now = selected();
        now.retain(|v| v != choice);
        if on {
            now.push(choice.to_owned());
        }
        // Keep the model's order for known values, then anything else as it was.
        let mut ordered: Vec<Value> = values
            .iter()
            .filter(|v| now.iter().any(|n| n == *v))
            .map(|v| Value::String((*v).to_owned()))
            .collect();
        ordered.extend(
            now.iter()
                .filter(|n| !values.contains(&n.as_str()))
                .map(|n| Value::String(n.clone())),
        );
        let new = (!ordered.is_empty()).then_some(Value::Array(ordered));
        pointer.with_value(|p| state.edit(p, new));
    };
    let group = with_attrs(
        E::new("div").class("control choices").attr("role", "group"),
        keep,
        attrs,
        None,
    );
    values.iter().fold(group, |group, choice| {
        let box_id = format!("{}-{choice}", attrs.id);
        // The pointer of this choice's item when it is selected, else of the list.
        let box_pointer = move || {
            let list = pointer.with_value(Clone::clone);
            Some(match selected().iter().position(|s| s == choice) {
                Some(index) => join_pointer(&list, &index.to_string()),
                None => list,
            })
        };
        group.child(
            E::new("label")
                .class("choice")
                .attr("for", &box_id)
                .child(
                    E::new("input")
                        .attr("type", "checkbox")
                        .attr("id", &box_id)
                        .attr("value", choice)
                        .attr("data-path", item_path)
                        .attr_with(keep, "data-pointer", box_pointer)
                        .flag_with(keep, "checked", move || {
                            selected().iter().any(|s| s == choice)
                        })
                        .on(keep, "change", move |ev| {
                            toggle(choice, event_target_checked(&ev))
                        }),
                )
                .text(" ")
                .text(choice),
        )
    })
}
