//! One setting of the form: [`FieldView`] picks the control from the field table's widget kind;
//! [`FieldRow`] owns the label, id, help, change marker and findings around a value control.

use leptos::prelude::*;

use super::collections::{KeyValueEditor, RecordListEditor, TextListEditor};
use super::section::SectionView;
use super::widgets::{IntegerInput, MultiSelect, SelectInput, TemplateInput, TextInput};
use crate::form;
use crate::schema::{Field, Tier, Widget};
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
    match field.widget {
        Widget::Section => view! { <SectionView field pointer /> }.into_any(),
        Widget::RecordList => view! { <RecordListEditor field pointer /> }.into_any(),
        Widget::KeyValue => view! { <KeyValueEditor field pointer /> }.into_any(),
        Widget::TextList => view! { <TextListEditor field pointer /> }.into_any(),
        Widget::Item => ().into_any(),
        _ => view! { <FieldRow field pointer /> }.into_any(),
    }
}

/// A value control with everything around it: label, help, tier and legacy notes, a change
/// marker with "reset", and the findings of exactly this pointer.
#[component]
pub fn FieldRow(
    /// The table entry.
    field: &'static Field,
    /// Where its value is.
    pointer: String,
) -> impl IntoView {
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
    let invalid = move || findings.with(|f| f.iter().any(|f| f.severity.as_str() == "error"));
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
    let control = {
        let (id, pointer) = (id.clone(), pointer.clone());
        let a = ControlAttrs {
            id,
            described_by: Signal::derive(described_by),
            invalid: Signal::derive(invalid),
        };
        match field.widget {
            Widget::Template => view! { <TemplateInput field pointer attrs=a /> }.into_any(),
            Widget::Integer => view! { <IntegerInput field pointer attrs=a /> }.into_any(),
            Widget::Select | Widget::TriState => {
                view! { <SelectInput field pointer attrs=a /> }.into_any()
            }
            Widget::MultiSelect => view! { <MultiSelect field pointer attrs=a /> }.into_any(),
            _ => view! { <TextInput field pointer attrs=a /> }.into_any(),
        }
    };
    let reset_pointer = pointer.clone();
    let reset = move |_| state.reset(&reset_pointer);
    let filter = state.filter;
    let hidden = move || !form::matches_filter(field, &filter.get());
    view! {
        <div
            class="field"
            class:changed=move || changed.get()
            class:legacy=field.legacy
            data-path=field.path
            data-pointer=pointer.clone()
            hidden=hidden
        >
            <div class="field-head">
                <label for=id.clone()>{field.label}</label>
                {field.legacy.then(|| view! { <span class="tag">"legacy"</span> })}
                {field.tier.map(|tier| view! { <span class="tag">{tier_note(tier)}</span> })}
                <Show when=move || changed.get()>
                    <span class="tag changed-tag">"changed"</span>
                    <button type="button" class="link-button" on:click=reset.clone()>
                        "Reset"
                    </button>
                </Show>
            </div>
            {control}
            <p class="help" id=help_id>
                {field.help}
                " "
                <code class="path">{field.path}</code>
            </p>
            <Findings id=findings_id findings />
        </div>
    }
}

/// The attributes a value control takes from its row.
#[derive(Clone)]
pub struct ControlAttrs {
    /// The control's id (the label's `for`).
    pub id: String,
    /// Ids of the help and findings that describe it.
    pub described_by: Signal<String>,
    /// Whether an error stands on it.
    pub invalid: Signal<bool>,
}

/// The findings of one control, errors and warnings styled apart.
#[component]
pub fn Findings(
    /// Id of the list (referenced by `aria-describedby`).
    id: String,
    /// The findings to list.
    findings: Memo<Vec<Finding>>,
) -> impl IntoView {
    view! {
        <ul class="field-findings" id=id>
            <For
                each=move || findings.get()
                key=|f| (f.rule, f.pointer.clone(), f.message.clone())
                children=|f| {
                    view! {
                        <li
                            class="finding"
                            data-severity=f.severity.as_str()
                            data-rule=f.rule
                            data-path=f.path
                            data-pointer=f.pointer
                        >
                            <span class="badge">{f.severity.as_str()}</span>
                            " "
                            {f.message}
                        </li>
                    }
                }
            />
        </ul>
    }
}

/// "Needs Essentials" / "Needs Plus".
pub fn tier_note(tier: Tier) -> &'static str {
    match tier {
        Tier::Essentials => "needs Essentials or Plus",
        Tier::Plus => "needs Plus",
    }
}

/// Settings side by side under one parent (`pointer` is the parent's): the current ones first,
/// then the legacy ones folded away under "Legacy settings" (open when one of them has a value,
/// so that its findings can be seen and reached).
#[component]
pub fn Members(
    /// The settings, in form order.
    fields: Vec<&'static Field>,
    /// Where their parent is (`""` for top-level members).
    pointer: String,
) -> impl IntoView {
    let state = FormState::get();
    let (legacy, current): (Vec<_>, Vec<_>) = fields.into_iter().partition(|f| f.legacy);
    let row = {
        let pointer = pointer.clone();
        move |field: &'static Field| {
            let child = join_pointer(&pointer, field.name());
            view! { <FieldView field pointer=child /> }
        }
    };
    let legacy_values: Vec<Memo<Option<serde_json::Value>>> = legacy
        .iter()
        .map(|f| state.value(join_pointer(&pointer, f.name())))
        .collect();
    let in_use = computed(move || legacy_values.iter().any(|v| v.with(Option::is_some)));
    let count = legacy.len();
    view! {
        {current.into_iter().map(row.clone()).collect_view()}
        {(count > 0)
            .then(|| {
                view! {
                    <details class="legacy-fold" prop:open=move || in_use.get()>
                        <summary>
                            {format!("Legacy settings ({count})")}
                            <span class="muted">" — kept only for older pools"</span>
                        </summary>
                        {legacy.into_iter().map(row).collect_view()}
                    </details>
                }
            })}
    }
}
