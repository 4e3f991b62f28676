//! The value controls: text, message template, whole number, tri-state boolean, enum select and
//! enum multi-select. Each binds one pointer of the draft; the row around it owns the rest.

use leptos::prelude::*;
use serde_json::Value;

use super::field::ControlAttrs;
use crate::form;
use crate::pattern::Pattern;
use crate::schema::{Field, Shape};
use crate::ui::state::FormState;
use crate::validate::join_pointer;

/// Single-line text.
#[component]
pub fn TextInput(field: &'static Field, pointer: String, attrs: ControlAttrs) -> impl IntoView {
    line_input(field, pointer, attrs, false)
}

/// Whole number with the table's bounds (typed text that is not a number is kept and reported).
#[component]
pub fn IntegerInput(field: &'static Field, pointer: String, attrs: ControlAttrs) -> impl IntoView {
    line_input(field, pointer, attrs, true)
}

/// A one-line input bound to `pointer`; `numeric` asks for a number keyboard and shows the
/// bounds as a placeholder.
fn line_input(
    field: &'static Field,
    pointer: String,
    attrs: ControlAttrs,
    numeric: bool,
) -> impl IntoView {
    let state = FormState::get();
    let value = state.value(pointer.clone());
    let (input_pointer, blur_pointer) = (pointer.clone(), pointer);
    let bounds = match (numeric, field.min, field.max) {
        (true, Some(min), Some(max)) => format!("{min}–{max}"),
        _ => String::new(),
    };
    view! {
        <input
            type="text"
            inputmode=if numeric { "numeric" } else { "text" }
            id=attrs.id
            class=if numeric { "control number" } else { "control" }
            data-path=field.path
            data-pointer=input_pointer.clone()
            autocomplete="off"
            spellcheck="false"
            placeholder=bounds
            prop:readOnly=move || field.path == "UserPoolId" && state.pool_locked.get()
            aria-describedby=move || attrs.described_by.get()
            aria-invalid=move || attrs.invalid.get().then_some("true")
            prop:value=move || form::shown(value.get().as_ref())
            on:input=move |ev| state.edit(&input_pointer, form::input_value(field, &event_target_value(&ev)))
            on:blur=move |_| state.touch(&blur_pointer)
        />
    }
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
/// (code points, as Cognito counts them) against the limit.
#[component]
pub fn TemplateInput(field: &'static Field, pointer: String, attrs: ControlAttrs) -> impl IntoView {
    let state = FormState::get();
    let value = state.value(pointer.clone());
    let text = move || form::shown(value.get().as_ref());
    let count = move || text().chars().count();
    let max = field.max;
    let over = move || max.is_some_and(|max| count() as u64 > max);
    let counter_id = format!("{}-count", attrs.id);
    let described = {
        let counter_id = counter_id.clone();
        move || format!("{} {counter_id}", attrs.described_by.get())
    };
    let (input_pointer, blur_pointer) = (pointer.clone(), pointer);
    let needed = placeholders(field);
    view! {
        <textarea
            id=attrs.id
            class="control template"
            data-path=field.path
            data-pointer=input_pointer.clone()
            rows="4"
            spellcheck="true"
            aria-describedby=described
            aria-invalid=move || attrs.invalid.get().then_some("true")
            prop:value=text
            on:input=move |ev| state.edit(&input_pointer, form::input_value(field, &event_target_value(&ev)))
            on:blur=move |_| state.touch(&blur_pointer)
        ></textarea>
        <p class="template-meta" id=counter_id>
            {(!needed.is_empty())
                .then(|| {
                    view! {
                        <span class="placeholders">
                            "Placeholders: "
                            {needed
                                .iter()
                                .map(|p| {
                                    // A link placeholder counts once "{##" is there.
                                    let needle = if p.starts_with("{##") { "{##" } else { *p };
                                    let present = move || text().contains(needle);
                                    view! {
                                        <code class="placeholder" class:missing=move || !text().is_empty() && !present()>
                                            {*p}
                                        </code>
                                        " "
                                    }
                                })
                                .collect_view()}
                        </span>
                    }
                })}
            <span class="counter" class:over=over>
                {move || match max {
                    Some(max) => format!("{} / {max} characters", count()),
                    None => format!("{} characters", count()),
                }}
            </span>
        </p>
    }
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
#[component]
pub fn SelectInput(field: &'static Field, pointer: String, attrs: ControlAttrs) -> impl IntoView {
    let state = FormState::get();
    let value = state.value(pointer.clone());
    let current = move || form::shown(value.get().as_ref());
    let options = choices(field);
    let known: Vec<&'static str> = options.iter().map(|(v, _)| *v).collect();
    let stray = move || {
        let current = current();
        (!current.is_empty() && !known.contains(&current.as_str())).then_some(current)
    };
    let input_pointer = pointer;
    view! {
        <select
            id=attrs.id
            class="control"
            data-path=field.path
            data-pointer=input_pointer.clone()
            aria-describedby=move || attrs.described_by.get()
            aria-invalid=move || attrs.invalid.get().then_some("true")
            prop:value=current
            on:change=move |ev| state.edit(&input_pointer, form::input_value(field, &event_target_value(&ev)))
        >
            <option value="">"Not set"</option>
            {options
                .into_iter()
                .map(|(v, text)| view! { <option value=v>{text}</option> })
                .collect_view()}
            {move || stray().map(|v| view! { <option value=v.clone()>{format!("{v} (not allowed)")}</option> })}
        </select>
    }
}

/// A set of enum values, as checkboxes. Unchecking every box leaves the list not set.
#[component]
pub fn MultiSelect(field: &'static Field, pointer: String, attrs: ControlAttrs) -> impl IntoView {
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
    let id = attrs.id.clone();
    view! {
        <div
            class="control choices"
            role="group"
            id=attrs.id
            aria-describedby=move || attrs.described_by.get()
            aria-invalid=move || attrs.invalid.get().then_some("true")
        >
            {values
                .iter()
                .map(|choice| {
                    let box_id = format!("{id}-{choice}");
                    let label_for = box_id.clone();
                    // The pointer of this choice's item when it is selected, else of the list.
                    let box_pointer = move || {
                        let list = pointer.with_value(Clone::clone);
                        match selected().iter().position(|s| s == choice) {
                            Some(index) => join_pointer(&list, &index.to_string()),
                            None => list,
                        }
                    };
                    view! {
                        <label class="choice" for=label_for>
                            <input
                                type="checkbox"
                                id=box_id
                                value=*choice
                                data-path=item_path
                                data-pointer=box_pointer
                                prop:checked=move || selected().iter().any(|s| s == choice)
                                on:change=move |ev| toggle(choice, event_target_checked(&ev))
                            />
                            " "
                            {*choice}
                        </label>
                    }
                })
                .collect_view()}
        </div>
    }
}
