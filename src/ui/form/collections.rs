//! Collection editors: a list of text ([`text_list_editor`]), a list of records
//! ([`record_list_editor`]) and a key/value map ([`key_value_editor`]).
//!
//! Each editor is a `<fieldset class="collection">` with the field's label as legend, its help,
//! the findings of the list or map itself (counts, R-REC-01..03, R-TAG-01, R-LIST-01), one row per
//! item or entry, and an "Add ..." button that is disabled at the table's count limit.
//!
//! # Lists
//! A list lives in the draft as it is: each row reads and writes its item by pointer, so a value
//! always sits in the item it was typed into. Rows are keyed by a stable id (`ListRows`): the
//! ids are rearranged with the items when a row is added, removed or moved, and derived again
//! (kept where they can be, fresh where they cannot) when the list is changed from outside, by
//! an import or a reset. Moving or removing a row also renumbers the row's "touched" marks, so
//! the findings shown move with it.
//!
//! # Maps, and the duplicate-key API for the form: [`MapDrafts`]
//! A JSON object cannot hold a key twice, and a half-typed row may not have a key yet, so the
//! key/value editors keep their rows (`id`, `key`, `value`) as the admin typed them, in
//! [`MapDrafts`], and write the map the rows stand for into the draft: rows without a key are
//! left out, and of rows sharing a key the first one wins. Nothing typed is lost. The rows are
//! used while the draft still holds the map they wrote; when it does not (an import, a reset),
//! the rows are derived from the draft again.
//!
//! [`MapDrafts::findings`] is a memo, derived from those rows and the draft (never written by an
//! effect): one **error** with rule [`DUPLICATE_KEY_RULE`] (`R-FORM-DUPKEY`) for every row whose
//! key a row above it already uses, with the `{key}` path of the map and the entry's pointer.
//! The draft cannot show these, so the validator does not report them. For the form:
//!
//! - provide it once, next to the form state:
//!   `provide_context(state); let drafts = MapDrafts::provide(state);`
//!   (an editor mounted without one makes its own: the duplicates are still shown and kept, but
//!   nothing outside the editor can count them);
//! - count `drafts.findings` in the error total and in the section tallies, list them with the
//!   others, and do not send while it is non-empty: every finding it holds is an error, e.g.
//!   `errors = state.findings.with(count_errors) + drafts.findings.with(Vec::len)`.

use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use leptos::prelude::*;
use serde_json::{Map, Value};
use wasm_bindgen::JsCast;

use super::field::{field_element, findings_list, help, tier_note};
use super::widgets::bind_choice;
use crate::draft_store;
use crate::form;
use crate::pattern::Pattern;
use crate::schema::{self, Field, Shape};
use crate::sort::SortedMap;
use crate::ui::dom::{self, Keep, E};
use crate::ui::sig::{Derived, Sig};
use crate::ui::state::{computed, control_id, FormState};
use crate::validate::{join_pointer, Finding, Severity};

/// Rule id of a key that two rows of a key/value editor share.
pub const DUPLICATE_KEY_RULE: &str = "R-FORM-DUPKEY";

/// R-TAG-01: the model puts no limit on the number of tags, but a pool holds at most 50.
const TAG_LIMIT: u64 = 50;

/// A fresh row id, unique for the life of the page.
fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// How many rows the editor of `field` may hold: the table's count limit, or R-TAG-01's for tags.
fn count_limit(field: &Field) -> Option<u64> {
    field
        .max
        .or((field.path == "UserPoolTags").then_some(TAG_LIMIT))
}

/// What one row is called: the item's label for lists ("Scope", "Recovery method"), the key's
/// label without " key" for maps ("Tag", "ACR level").
fn row_noun(field: &Field) -> &'static str {
    match field.shape {
        Shape::Map => field.child("{key}").map_or(field.label, |k| {
            k.label.strip_suffix(" key").unwrap_or(k.label)
        }),
        _ => field.child("[]").map_or(field.label, |item| item.label),
    }
}

/// The noun inside a sentence: "scope", "recovery method", "tag"; an initialism stays as it is
/// ("ACR level").
fn lower_noun(noun: &str) -> String {
    let first_word = noun.split(' ').next().unwrap_or_default();
    if first_word.len() > 1 && first_word.chars().all(|c| c.is_ascii_uppercase()) {
        return noun.to_owned();
    }
    // Nouns come from the field table, in ASCII.
    let mut chars = noun.chars();
    chars
        .next()
        .map(|first| {
            std::iter::once(first.to_ascii_lowercase())
                .chain(chars)
                .collect()
        })
        .unwrap_or_default()
}

/// Moves the keyboard focus to the element with `id` once the view has caught up with the
/// change that was just made (a moved or removed row is re-inserted, which drops the focus).
fn focus_later(id: String) {
    set_timeout(
        move || {
            let element = document()
                .get_element_by_id(&id)
                .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok());
            if let Some(element) = element {
                let _ = element.focus();
            }
        },
        Duration::ZERO,
    );
}

/// The findings of the draft to show for `scope`: those at exactly `scope`, or with `exact`
/// false those anywhere inside it except under the pointers in `skip` (shown by their own
/// controls). Shown once anything inside `scope` was touched, or after "Review". Reads signals:
/// call it inside a memo.
fn scoped_findings(state: FormState, scope: &str, exact: bool, skip: &[String]) -> Vec<Finding> {
    let visible = state.show_all.get()
        || state.touched.with(|touched| {
            touched
                .iter_from(scope)
                .take_while(|p| p.starts_with(scope))
                .any(|p| form::within(p, scope))
        });
    if !visible {
        return Vec::new();
    }
    state.findings.with(|all| {
        all.iter()
            .filter(|f| {
                if exact {
                    f.pointer == scope
                } else {
                    form::within(&f.pointer, scope)
                        && !skip.iter().any(|s| form::within(&f.pointer, s))
                }
            })
            .cloned()
            .collect()
    })
}

/// Renumbers the touched marks under the list at `list` after its items moved: `moved(old)` is
/// the new index of the item that was at `old`, `None` when it was removed.
fn renumber_touched(state: FormState, list: &str, moved: impl Fn(usize) -> Option<usize>) {
    let prefix = format!("{list}/");
    let affected: Vec<String> = state.touched.with_untracked(|touched| {
        touched
            .iter_from(prefix.as_str())
            .take_while(|p| p.starts_with(&prefix))
            .cloned()
            .collect()
    });
    if affected.is_empty() {
        return;
    }
    state.touched.update(|touched| {
        let mut renamed = Vec::new();
        for old in affected {
            let rest = &old[prefix.len()..];
            let (index, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
            let Ok(index) = index.parse::<usize>() else {
                continue;
            };
            touched.remove(old.as_str());
            if let Some(new) = moved(index) {
                renamed.push(format!("{prefix}{new}{tail}"));
            }
        }
        touched.extend(renamed);
    });
}

/// Whether the baseline holds an empty list or map at `pointer`: then removing the last row
/// leaves it empty rather than not set, so that nothing changes that the admin did not change.
fn baseline_keeps_empty(state: FormState, pointer: &str) -> bool {
    state
        .baseline
        .with_untracked(|b| match form::get(b, pointer) {
            Some(Value::Array(items)) => items.is_empty(),
            Some(Value::Object(entries)) => entries.is_empty(),
            _ => false,
        })
}

// ---- Lists -------------------------------------------------------------------------------------

/// The rows of a list editor: the list's pointer and length, and one stable id per item.
#[derive(Clone, Copy)]
struct ListRows {
    state: FormState,
    field: &'static Field,
    pointer: Sig<String>,
    /// The list in the draft.
    value: Derived<Option<Value>>,
    /// Number of items (0 when the list is not set, or is not a list).
    len: Derived<usize>,
    /// Row ids in item order, as this editor last arranged them.
    order: Sig<Vec<u64>>,
    /// Row ids in item order for the list as it is now: `order` while it fits the list; after a
    /// change from outside, the ids shown before as far as they go, and fresh ones for the rest.
    ids: Derived<Vec<u64>>,
}

impl ListRows {
    fn new(state: FormState, field: &'static Field, pointer: String) -> Self {
        let value = state.value(pointer.clone());
        let len = computed(move || {
            value.with(|v| match v {
                Some(Value::Array(items)) => items.len(),
                _ => 0,
            })
        });
        let order = Sig::new(Vec::new());
        let ids = Derived::with_previous(move |previous: Option<&Vec<u64>>| {
            let len = len.get();
            order.with(|order| {
                if order.len() == len {
                    return order.clone();
                }
                let mut ids: Vec<u64> = previous
                    .unwrap_or(order)
                    .iter()
                    .copied()
                    .take(len)
                    .collect();
                ids.resize_with(len, next_id);
                ids
            })
        });
        ListRows {
            state,
            field,
            pointer: Sig::new(pointer),
            value,
            len,
            order,
            ids,
        }
    }

    fn pointer(self) -> String {
        self.pointer.get_untracked()
    }

    fn item_pointer(self, index: usize) -> String {
        join_pointer(&self.pointer(), &index.to_string())
    }

    /// The id prefix of this editor's own controls (buttons).
    fn base_id(self) -> String {
        control_id(&self.pointer())
    }

    fn limit_reached(self) -> bool {
        count_limit(self.field).is_some_and(|max| self.len.get() as u64 >= max)
    }

    /// The row index of row `id`, as a memo.
    fn index_of(self, id: u64) -> Derived<Option<usize>> {
        let ids = self.ids;
        computed(move || ids.with(|ids| ids.iter().position(|x| *x == id)))
    }

    /// Appends `item`; returns its index.
    fn add(self, item: Value) -> usize {
        let index = self.len.get_untracked();
        let mut ids = self.ids.get_untracked();
        ids.push(next_id());
        let pointer = self.pointer();
        let is_list = self
            .value
            .with_untracked(|v| matches!(v, None | Some(Value::Array(_))));
        self.order.set(ids);
        self.state.update_document(|d| {
            if is_list {
                form::set(d, &join_pointer(&pointer, &index.to_string()), Some(item))
            } else {
                // Not a list (an import with the wrong type): the new row replaces it.
                form::set(d, &pointer, Some(Value::Array(vec![item])))
            }
        });
        self.state.touch(&pointer);
        index
    }

    /// Removes the item at `index`. Removing the last one leaves the list not set, unless the
    /// baseline had an empty list.
    fn remove(self, index: usize) {
        let mut ids = self.ids.get_untracked();
        if index >= ids.len() {
            return;
        }
        ids.remove(index);
        let pointer = self.pointer();
        let last = ids.is_empty();
        let keep_empty = last && baseline_keeps_empty(self.state, &pointer);
        self.order.set(ids);
        self.state.update_document(|d| {
            if last {
                form::set(d, &pointer, keep_empty.then(|| Value::Array(Vec::new())))
            } else {
                form::set(d, &join_pointer(&pointer, &index.to_string()), None)
            }
        });
        renumber_touched(self.state, &pointer, |i| match i.cmp(&index) {
            std::cmp::Ordering::Less => Some(i),
            std::cmp::Ordering::Equal => None,
            std::cmp::Ordering::Greater => Some(i - 1),
        });
        self.state.touch(&pointer);
    }

    /// Swaps the items at `a` and `b`, ids and touched marks with them.
    fn swap(self, a: usize, b: usize) {
        let mut ids = self.ids.get_untracked();
        if a >= ids.len() || b >= ids.len() {
            return;
        }
        ids.swap(a, b);
        let pointer = self.pointer();
        self.order.set(ids);
        self.state
            .update_document(|d| match d.pointer_mut(&pointer) {
                Some(Value::Array(items)) => {
                    items.swap(a, b);
                    a != b
                }
                _ => false,
            });
        renumber_touched(self.state, &pointer, |i| {
            Some(if i == a {
                b
            } else if i == b {
                a
            } else {
                i
            })
        });
        self.state.touch(&pointer);
    }

    /// The items now (untracked).
    fn items(self) -> Vec<Value> {
        self.value.with_untracked(|v| match v {
            Some(Value::Array(items)) => items.clone(),
            _ => Vec::new(),
        })
    }
}

/// A new record for a list of records. A required whole-number member whose range is no wider
/// than the list's count limit is a rank (a recovery method's priority): it gets the smallest
/// value no other row has. Other members are left out, so that required ones are reported as
/// missing once touched.
fn new_record(list: &Field, item: &Field, items: &[Value]) -> Value {
    let mut record = Map::new();
    for member in item.children() {
        let (Some(min), Some(max)) = (member.min, member.max) else {
            continue;
        };
        let is_rank = member.shape == Shape::Integer
            && member.required
            && list
                .max
                .is_some_and(|count| max >= min && max - min < count);
        if !is_rank {
            continue;
        }
        let used: Vec<u64> = items
            .iter()
            .filter_map(|i| i.get(member.name()).and_then(Value::as_u64))
            .collect();
        if let Some(free) = (min..=max).find(|v| !used.contains(v)) {
            record.insert(member.name().to_owned(), Value::from(free));
        }
    }
    Value::Object(record)
}

/// The frame of every collection editor: legend, help, the collection's own findings, the rows
/// (`rows`, an `<ol>` its editor fills), and the "Add ..." button with its limit.
fn collection_frame(
    keep: &mut Keep,
    field: &'static Field,
    pointer: String,
    findings: Derived<Vec<Finding>>,
    full: Derived<bool>,
    on_add: impl Fn() + 'static,
    rows: E,
) -> E {
    let state = FormState::get();
    let base = control_id(&pointer);
    let help_id = format!("{base}-help");
    let findings_id = format!("{base}-findings");
    let limit_id = format!("{base}-limit");
    let noun = lower_noun(row_noun(field));
    let filter = state.filter;
    let changed = state.changed_at(pointer.clone());
    let reset_pointer = Sig::new(pointer.clone());
    let marks = field.legacy || field.tier.is_some();
    let head = move |keep: &mut Keep| -> Vec<E> {
        if !(marks || changed.get()) {
            return Vec::new();
        }
        let mut head = E::new("div").class("field-head");
        if field.legacy {
            head = head.child(E::new("span").class("tag").text("legacy"));
        }
        if let Some(tier) = field.tier {
            head = head.child(E::new("span").class("tag").text(tier_note(tier)));
        }
        vec![head.dynamic(keep, move |keep| {
            if !changed.get() {
                return Vec::new();
            }
            vec![
                E::new("span").class("tag changed-tag").text("changed"),
                E::button("link-button")
                    .text("Reset")
                    .on(keep, "click", move |_| {
                        reset_pointer.with_untracked(|p| state.reset(p))
                    }),
            ]
        })]
    };
    let described_limit = limit_id.clone();
    let mut add = E::new("div").class("collection-add").child(
        E::button("secondary")
            .attr("id", &format!("{base}-add"))
            .flag_with(keep, "disabled", move || full.get())
            .attr_with(keep, "aria-describedby", move || {
                full.get().then(|| described_limit.clone())
            })
            .on(keep, "click", move |_| on_add())
            .text(&format!("Add {noun}")),
    );
    if let Some(max) = count_limit(field) {
        let plural = if field.shape == Shape::Map {
            "entries"
        } else {
            "items"
        };
        add = add.child(
            E::new("span")
                .class("muted limit-note")
                .attr("id", &limit_id)
                .flag_with(keep, "hidden", move || !full.get())
                .text(&format!("At most {max} {plural}.")),
        );
    }
    E::new("fieldset")
        .class("collection")
        .class_with(keep, "changed", move || changed.get())
        .attr("data-path", field.path)
        .attr("data-pointer", &pointer)
        .attr("aria-describedby", &help_id)
        .flag_with(keep, "hidden", move || {
            !form::subtree_matches(field, &filter.get())
        })
        .child(E::new("legend").text(field.label))
        .dynamic(keep, head)
        .child(help(field).attr("id", &help_id))
        .child(findings_list(keep, findings_id, findings))
        .child(rows)
        .child(add)
}

/// "Move up", "Move down" and "Remove" for the row at `index` of `rows`, named after the row
/// ("Move up scope 2"). Moves keep the focus on the moved row; removing passes it to the next
/// row, or to "Add".
fn row_actions(keep: &mut Keep, rows: ListRows, id: u64, index: usize) -> E {
    let noun = lower_noun(row_noun(rows.field));
    let name = format!("{noun} {}", index + 1);
    let button_id = move |row: u64, what: &str| format!("{}-row{row}-{what}", rows.base_id());
    let len = rows.len;
    let move_to = move |to: usize| {
        rows.swap(index, to);
        let last = len.get_untracked().saturating_sub(1);
        let what = match (to < index, to) {
            (true, 0) => "down",
            (true, _) => "up",
            (false, t) if t == last => "up",
            (false, _) => "down",
        };
        focus_later(button_id(id, what));
    };
    let remove = move |_| {
        rows.remove(index);
        let ids = rows.ids.get_untracked();
        let next = ids
            .get(index)
            .or_else(|| index.checked_sub(1).and_then(|i| ids.get(i)));
        focus_later(match next {
            Some(&row) => button_id(row, "remove"),
            None => format!("{}-add", rows.base_id()),
        });
    };
    let button = |what: &str, class: &str, label: &str| {
        E::button(class)
            .attr("id", &button_id(id, what))
            .attr("aria-label", &format!("{label} {name}"))
    };
    let up = button("up", "secondary", "Move up");
    let up = if index == 0 {
        up.attr("disabled", "")
    } else {
        up
    };
    E::new("div")
        .class("row-actions")
        .child(
            up.on(keep, "click", move |_| move_to(index.saturating_sub(1)))
                .text("Move up"),
        )
        .child(
            button("down", "secondary", "Move down")
                .flag_with(keep, "disabled", move || index + 1 >= len.get())
                .on(keep, "click", move |_| move_to(index + 1))
                .text("Move down"),
        )
        .child(
            button("remove", "secondary danger", "Remove")
                .on(keep, "click", remove)
                .text("Remove"),
        )
}

/// The rows of a list editor: an `<ol>` with one `<li class="collection-row {class}">` per row
/// id, each made by `row` again whenever its index changes.
fn list_rows(
    keep: &mut Keep,
    rows: ListRows,
    class: &'static str,
    row: impl Fn(&mut Keep, u64, usize) -> Vec<E> + Copy + 'static,
) -> E {
    let list = E::new("ol").class("collection-rows");
    dom::keyed(
        keep,
        &list.0,
        move || rows.ids.get(),
        |id| id.to_string(),
        move |id, keep| {
            let index = rows.index_of(id);
            E::new("li").class(class).dynamic(keep, move |keep| {
                index
                    .get()
                    .map(|index| row(keep, id, index))
                    .unwrap_or_default()
            })
        },
    );
    list
}

/// The findings of the list or map at `pointer` itself, shown once anything in it was touched.
fn collection_findings(state: FormState, pointer: String) -> Derived<Vec<Finding>> {
    computed(move || scoped_findings(state, &pointer, true, &[]))
}

/// A list of free-text strings: one labelled text input per item ("Scope 2"), with its own
/// findings, and buttons to move and remove it. An emptied input keeps an empty item (reported
/// as too short) rather than removing the row under the admin's cursor.
pub(super) fn text_list_editor(
    keep: &mut Keep,
    field: &'static Field,
    pointer: String,
) -> Option<E> {
    let state = FormState::get();
    let item = field.child("[]")?;
    Some({
        let rows = ListRows::new(state, field, pointer.clone());
        let findings = collection_findings(state, pointer.clone());
        let on_add = move || {
            let index = rows.add(Value::String(String::new()));
            focus_later(control_id(&rows.item_pointer(index)));
        };
        let list = list_rows(
            keep,
            rows,
            "collection-row text-row",
            move |keep, id, index| text_row(keep, rows, item, id, index),
        );
        let full = computed(move || rows.limit_reached());
        collection_frame(keep, field, pointer, findings, full, on_add, list)
    })
}

/// One item of a text list, at a fixed index (the row is made again when its index changes).
fn text_row(
    keep: &mut Keep,
    rows: ListRows,
    item: &'static Field,
    id: u64,
    index: usize,
) -> Vec<E> {
    let state = rows.state;
    let pointer = rows.item_pointer(index);
    let input_id = control_id(&pointer);
    let findings_id = format!("{input_id}-findings");
    let value = state.value(pointer.clone());
    let findings = {
        let pointer = pointer.clone();
        computed(move || scoped_findings(state, &pointer, true, &[]))
    };
    let described = findings_id.clone();
    // Plain strings, not stored values: a blur can reach the handler after the row was rebuilt.
    let (input_pointer, blur_pointer) = (pointer.clone(), pointer.clone());
    vec![
        E::new("div")
            .class("row-field")
            .child(E::new("label").attr("for", &input_id).text(&format!(
                "{} {}",
                item.label,
                index + 1
            )))
            .child(
                E::new("input")
                    .attr("type", "text")
                    .attr("id", &input_id)
                    .class("control")
                    .attr("autocomplete", "off")
                    .attr("spellcheck", "false")
                    .attr("data-path", item.path)
                    .attr("data-pointer", &pointer)
                    .attr_with(keep, "aria-describedby", move || {
                        findings.with(|f| !f.is_empty()).then(|| described.clone())
                    })
                    .attr_with(keep, "aria-invalid", move || {
                        findings
                            .with(|f| f.iter().any(|f| f.severity == Severity::Error))
                            .then(|| "true".to_owned())
                    })
                    .prop_with(keep, "value", move || form::shown(value.get().as_ref()))
                    .on(keep, "input", move |ev| {
                        state.edit(&input_pointer, Some(Value::String(event_target_value(&ev))))
                    })
                    .on(keep, "blur", move |_| state.touch(&blur_pointer)),
            ),
        row_actions(keep, rows, id, index),
        findings_list(keep, findings_id, findings),
    ]
}

/// A list of records: one `<fieldset>` per item ("Recovery method 1") holding the item's members
/// as ordinary fields, with buttons to move and remove it. A new row gets the next free rank
/// (priority) and leaves the other required members to the admin.
pub(super) fn record_list_editor(
    keep: &mut Keep,
    field: &'static Field,
    pointer: String,
) -> Option<E> {
    let state = FormState::get();
    let item = field.child("[]")?;
    Some({
        let rows = ListRows::new(state, field, pointer.clone());
        let findings = collection_findings(state, pointer.clone());
        let on_add = move || {
            let record = new_record(field, item, &rows.items());
            let prefilled: Vec<String> = record
                .as_object()
                .map(|r| r.keys().cloned().collect())
                .unwrap_or_default();
            let index = rows.add(record);
            let first_open = item
                .children()
                .find(|m| !prefilled.iter().any(|p| p == m.name()))
                .or_else(|| item.children().next());
            if let Some(member) = first_open {
                focus_later(control_id(&join_pointer(
                    &rows.item_pointer(index),
                    member.name(),
                )));
            }
        };
        let list = list_rows(
            keep,
            rows,
            "collection-row record-row",
            move |keep, id, index| vec![record_row(keep, rows, item, id, index)],
        );
        let full = computed(move || rows.limit_reached());
        collection_frame(keep, field, pointer, findings, full, on_add, list)
    })
}

/// One record of a list, at a fixed index (the row is made again when its index changes).
fn record_row(keep: &mut Keep, rows: ListRows, item: &'static Field, id: u64, index: usize) -> E {
    let state = rows.state;
    let pointer = rows.item_pointer(index);
    let findings_id = format!("{}-findings", control_id(&pointer));
    // The members show their own findings; the row shows the rest (a wrong type, an unknown
    // member).
    let members: Vec<String> = item
        .children()
        .map(|m| join_pointer(&pointer, m.name()))
        .collect();
    let findings = {
        let pointer = pointer.clone();
        computed(move || scoped_findings(state, &pointer, false, &members))
    };
    let mut fields = E::new("div").class("members");
    for member in item.children() {
        if let Some(control) = field_element(keep, member, join_pointer(&pointer, member.name())) {
            fields = fields.child(control);
        }
    }
    E::new("fieldset")
        .class("record")
        .attr("data-path", item.path)
        .attr("data-pointer", &pointer)
        .child(E::new("legend").text(&format!("{} {}", item.label, index + 1)))
        .child(fields)
        .child(findings_list(keep, findings_id, findings))
        .child(row_actions(keep, rows, id, index))
}

// ---- Maps --------------------------------------------------------------------------------------

/// One row of a key/value editor, as the admin typed it.
#[derive(Clone, Debug, PartialEq)]
pub struct MapRow {
    /// Stable id (the row's identity while its key changes).
    pub id: u64,
    /// The key; empty while not typed yet.
    pub key: String,
    /// The value: a string for tags, the entry's structure for ACR levels.
    pub value: Value,
}

/// The map `rows` stand for: rows with a key, in order, the first row of a key winning.
pub fn written_map(rows: &[MapRow]) -> Map<String, Value> {
    let mut map = Map::new();
    for row in rows {
        if !row.key.is_empty() && !map.contains_key(&row.key) {
            map.insert(row.key.clone(), row.value.clone());
        }
    }
    map
}

/// The entries of a map in the draft (none when it is not set or not an object).
fn entries_of(value: Option<&Value>) -> Map<String, Value> {
    match value {
        Some(Value::Object(entries)) => entries.clone(),
        _ => Map::new(),
    }
}

/// Rows for a map of the draft, keeping the ids of `previous` rows with the same key.
fn rows_from(value: Option<&Value>, previous: Option<&[MapRow]>) -> Vec<MapRow> {
    let previous = previous.unwrap_or_default();
    entries_of(value)
        .into_iter()
        .map(|(key, value)| {
            let id = previous
                .iter()
                .find(|r| r.key == key)
                .map_or_else(next_id, |r| r.id);
            MapRow { id, key, value }
        })
        .collect()
}

/// One `R-FORM-DUPKEY` error, with the id of its row, for every row of `rows` (the editor of
/// map `field` at `pointer`) whose key a row above it already uses.
pub fn duplicate_keys(field: &Field, pointer: &str, rows: &[MapRow]) -> Vec<(u64, Finding)> {
    let Some(key_field) = field.child("{key}") else {
        return Vec::new();
    };
    let noun = lower_noun(row_noun(field));
    let mut out = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        if row.key.is_empty() || !rows[..index].iter().any(|r| r.key == row.key) {
            continue;
        }
        let times = match rows.iter().filter(|r| r.key == row.key).count() {
            2 => "twice".to_owned(),
            n => format!("{n} times"),
        };
        let message = format!(
            "{} {} is used {times}: each key can appear once. Change or remove {noun} {}.",
            key_field.label,
            row.key,
            index + 1
        );
        out.push((
            row.id,
            Finding::new(
                Severity::Error,
                DUPLICATE_KEY_RULE,
                key_field.path,
                join_pointer(pointer, &row.key),
                message,
            ),
        ));
    }
    out
}

/// The rows of every key/value editor, kept as typed (see the module documentation), and the
/// duplicate-key errors they hold. Provide one next to [`FormState`] with [`MapDrafts::provide`].
#[derive(Clone, Copy)]
pub struct MapDrafts {
    /// Rows by the map's pointer, with the map's table entry.
    rows: Sig<SortedMap<String, (&'static Field, Vec<MapRow>)>>,
    /// One `R-FORM-DUPKEY` error for each row that repeats a key above it, in every map whose
    /// rows the draft still holds. Derived; all errors: count them and block sending.
    pub findings: Derived<Vec<Finding>>,
}

impl MapDrafts {
    /// Rows and duplicate-key findings for the maps of `state`'s draft.
    pub fn new(state: FormState) -> Self {
        let rows: Sig<SortedMap<String, (&'static Field, Vec<MapRow>)>> =
            Sig::new(SortedMap::new());
        let document = state.document;
        let findings = computed(move || {
            rows.with(|all| {
                let mut out = Vec::new();
                for (pointer, (field, rows)) in all.iter() {
                    let duplicates = duplicate_keys(field, pointer, rows);
                    if duplicates.is_empty() {
                        continue;
                    }
                    let current =
                        document.with(|d| written_map(rows) == entries_of(form::get(d, pointer)));
                    if current {
                        out.extend(duplicates.into_iter().map(|(_, f)| f));
                    }
                }
                out
            })
        });
        MapDrafts { rows, findings }
    }

    /// A new one for `state`, provided as context to the components below.
    pub fn provide(state: FormState) -> Self {
        let drafts = MapDrafts::new(state);
        provide_context(drafts);
        drafts
    }

    /// The one provided, or (for an editor mounted on its own) a new one.
    pub fn get() -> Self {
        use_context::<MapDrafts>().unwrap_or_else(|| MapDrafts::new(FormState::get()))
    }

    /// The rows the draft cannot hold (a key typed twice, a row without a key yet) of every map
    /// whose rows the draft still holds, as `(key, value)` by the map's pointer: what a saved
    /// draft must keep besides the request. Tracked: an effect that calls it runs again when
    /// rows change.
    pub fn unwritten(self, document: &Value) -> draft_store::MapRows {
        self.rows.with(|all| {
            all.iter()
                .filter(|(pointer, (_, rows))| {
                    let map = written_map(rows);
                    map.len() != rows.len() && map == entries_of(form::get(document, pointer))
                })
                .map(|(pointer, (_, rows))| {
                    let rows = rows.iter().map(|r| (r.key.clone(), r.value.clone()));
                    (pointer.clone(), rows.collect())
                })
                .collect()
        })
    }

    /// Puts back rows that a saved draft kept (see [`MapDrafts::unwritten`]), with fresh ids;
    /// they show as long as the draft holds the map they stand for. Rows for a pointer that is
    /// not a key/value map are ignored.
    pub fn restore(self, saved: &draft_store::MapRows) {
        let restored: Vec<_> = saved
            .iter()
            .filter_map(|(pointer, rows)| {
                let field = schema::field(form::path_of_pointer(pointer)?)?;
                field.child("{key}")?;
                let rows = rows
                    .iter()
                    .map(|(key, value)| MapRow {
                        id: next_id(),
                        key: key.clone(),
                        value: value.clone(),
                    })
                    .collect();
                Some((pointer.clone(), (field, rows)))
            })
            .collect();
        if !restored.is_empty() {
            self.rows.update(|all| all.extend(restored));
        }
    }
}

/// The rows of one key/value editor and what the admin does with them.
#[derive(Clone, Copy)]
struct MapRows {
    state: FormState,
    drafts: MapDrafts,
    field: &'static Field,
    key_field: &'static Field,
    value_field: &'static Field,
    pointer: Sig<String>,
    /// The map in the draft.
    value: Derived<Option<Value>>,
    /// The rows shown: the kept rows while the draft holds the map they wrote, else rows derived
    /// from the draft.
    rows: Derived<Vec<MapRow>>,
    /// Duplicate-key errors by row id.
    duplicates: Derived<Vec<(u64, Finding)>>,
}

impl MapRows {
    fn new(state: FormState, field: &'static Field, pointer: String) -> Option<Self> {
        let key_field = field.child("{key}")?;
        let value_field = field.child("{value}")?;
        let drafts = MapDrafts::get();
        let value = state.value(pointer.clone());
        let pointer = Sig::new(pointer);
        let rows = Derived::with_previous(move |previous: Option<&Vec<MapRow>>| {
            let kept = pointer.with_untracked(|p| {
                drafts
                    .rows
                    .with(|all| all.get(p).map(|(_, rows)| rows.clone()))
            });
            value.with(|v| match kept {
                Some(kept) if written_map(&kept) == entries_of(v.as_ref()) => kept,
                _ => rows_from(v.as_ref(), previous.map(Vec::as_slice)),
            })
        });
        let duplicates = computed(move || {
            rows.with(|rows| pointer.with_untracked(|p| duplicate_keys(field, p, rows)))
        });
        Some(MapRows {
            state,
            drafts,
            field,
            key_field,
            value_field,
            pointer,
            value,
            rows,
            duplicates,
        })
    }

    fn pointer(self) -> String {
        self.pointer.get_untracked()
    }

    /// Whether the editor is still mounted (a blur can arrive after it was removed).
    fn alive(self) -> bool {
        !self.pointer.is_disposed()
    }

    fn base_id(self) -> String {
        control_id(&self.pointer())
    }

    fn entry_pointer(self, key: &str) -> String {
        join_pointer(&self.pointer(), key)
    }

    /// The members of a structure value (ACR: `AcrValue`); empty for a plain value.
    fn value_members(self) -> Vec<&'static Field> {
        if self.value_field.shape == Shape::Structure {
            self.value_field.children().collect()
        } else {
            Vec::new()
        }
    }

    /// Where the value of the entry `key` is reported: the entry itself for a plain value, its
    /// first member for a structure.
    fn value_pointer(self, key: &str) -> String {
        let entry = self.entry_pointer(key);
        match self.value_members().first() {
            Some(member) => join_pointer(&entry, member.name()),
            None => entry,
        }
    }

    /// Keeps `rows` and writes the map they stand for into the draft, when it differs.
    fn commit(self, rows: Vec<MapRow>) {
        let pointer = self.pointer();
        let map = written_map(&rows);
        let changed = self.value.with_untracked(|v| map != entries_of(v.as_ref()));
        let field = self.field;
        self.drafts.rows.update(|all| {
            all.insert(pointer.clone(), (field, rows));
        });
        if changed {
            let value = if !map.is_empty() {
                Some(Value::Object(map))
            } else if baseline_keeps_empty(self.state, &pointer) {
                Some(Value::Object(Map::new()))
            } else {
                None
            };
            self.state
                .update_document(|d| form::set(d, &pointer, value));
        }
    }

    /// Applies `change` to row `id`.
    fn update_row(self, id: u64, change: impl FnOnce(&mut MapRow)) {
        let mut rows = self.rows.get_untracked();
        if let Some(row) = rows.iter_mut().find(|r| r.id == id) {
            change(row);
            self.commit(rows);
        }
    }

    /// The keys the key control offers, when it offers a fixed set (ACR levels).
    fn key_choices(self) -> &'static [&'static str] {
        if !self.key_field.values.is_empty() {
            return self.key_field.values;
        }
        match self.key_field.pattern {
            Some(Pattern::AcrLevelKey) => &["Level1", "Level2", "Level3", "Level4"],
            _ => &[],
        }
    }

    fn limit_reached(self) -> bool {
        count_limit(self.field).is_some_and(|max| self.rows.with(Vec::len) as u64 >= max)
    }

    /// Adds a row: with a fixed set of keys, the first one no row uses yet; otherwise no key.
    /// A tag's value starts as "" (a real value); a structure's members start missing.
    /// Returns the new row.
    fn add(self) -> MapRow {
        let mut rows = self.rows.get_untracked();
        let key = self
            .key_choices()
            .iter()
            .find(|k| !rows.iter().any(|r| r.key == **k))
            .map(|k| (*k).to_owned())
            .unwrap_or_default();
        let value = if self.value_field.shape == Shape::Structure {
            Value::Object(Map::new())
        } else {
            Value::String(String::new())
        };
        let row = MapRow {
            id: next_id(),
            key,
            value,
        };
        rows.push(row.clone());
        self.commit(rows);
        self.state.touch(&self.pointer());
        row
    }

    /// Removes row `id`; returns the id of the row now in its place, or of the one before.
    fn remove(self, id: u64) -> Option<u64> {
        let mut rows = self.rows.get_untracked();
        let index = rows.iter().position(|r| r.id == id)?;
        rows.remove(index);
        let next = rows
            .get(index)
            .or_else(|| index.checked_sub(1).and_then(|i| rows.get(i)))
            .map(|r| r.id);
        self.commit(rows);
        self.state.touch(&self.pointer());
        next
    }

    /// Renames row `id`: its entry moves to the new key.
    fn set_key(self, id: u64, key: String) {
        let entry = (!key.is_empty()).then(|| self.entry_pointer(&key));
        self.update_row(id, |row| row.key = key);
        if let Some(entry) = entry {
            self.state.touch(&entry);
        }
    }

    /// Sets the plain value of row `id` (a tag's text; "" is a value).
    fn set_text(self, id: u64, text: String) {
        self.update_row(id, |row| row.value = Value::String(text));
        self.touch_value(id);
    }

    /// Sets member `member` of row `id`'s structure value; empty text leaves it out.
    fn set_member(self, id: u64, member: &'static str, text: String) {
        self.update_row(id, |row| {
            let mut entry = match std::mem::take(&mut row.value) {
                Value::Object(entry) => entry,
                _ => Map::new(),
            };
            if text.is_empty() {
                entry.remove(member);
            } else {
                entry.insert(member.to_owned(), Value::String(text));
            }
            row.value = Value::Object(entry);
        });
        self.touch_value(id);
    }

    /// Marks the value of row `id` touched (when it has a key: a row without one is not in the
    /// request).
    fn touch_value(self, id: u64) {
        if !self.alive() {
            return;
        }
        let key = self
            .rows
            .with_untracked(|rows| rows.iter().find(|r| r.id == id).map(|r| r.key.clone()));
        if let Some(key) = key.filter(|k| !k.is_empty()) {
            self.state.touch(&self.value_pointer(&key));
        }
    }

    fn touch_key(self, id: u64) {
        if !self.alive() {
            return;
        }
        let key = self
            .rows
            .with_untracked(|rows| rows.iter().find(|r| r.id == id).map(|r| r.key.clone()));
        if let Some(key) = key.filter(|k| !k.is_empty()) {
            self.state.touch(&self.entry_pointer(&key));
        }
    }
}

/// A map edited as rows of key and value (tags; ACR level names). Keys are edited in place:
/// renaming moves the entry. Two rows with one key are both kept, and the later one carries an
/// `R-FORM-DUPKEY` error (see [`MapDrafts`]). A row without a key is not part of the request
/// until it gets one.
pub(super) fn key_value_editor(
    keep: &mut Keep,
    field: &'static Field,
    pointer: String,
) -> Option<E> {
    let state = FormState::get();
    let map = MapRows::new(state, field, pointer.clone())?;
    Some({
        let findings = collection_findings(state, pointer.clone());
        let on_add = move || {
            let row = map.add();
            let base = map.base_id();
            let target = if row.key.is_empty() {
                format!("{base}-row{}-key", row.id)
            } else if map.value_members().is_empty() {
                format!("{}-value", control_id(&map.entry_pointer(&row.key)))
            } else {
                control_id(&map.value_pointer(&row.key))
            };
            focus_later(target);
        };
        let list = E::new("ol").class("collection-rows");
        dom::keyed(
            keep,
            &list.0,
            move || map.rows.with(|rows| rows.iter().map(|r| r.id).collect()),
            |id| id.to_string(),
            move |id, keep| {
                E::new("li")
                    .class("collection-row map-row")
                    .child(map_row(keep, map, id))
            },
        );
        let full = computed(move || map.limit_reached());
        collection_frame(keep, field, pointer, findings, full, on_add, list)
    })
}

/// A text input of a map row: its id and pointer follow the entry, its value is `text`, typing
/// calls `typed`.
#[allow(clippy::too_many_arguments)]
fn row_input(
    keep: &mut Keep,
    path: &str,
    id: impl Fn() -> String + 'static,
    pointer: impl Fn() -> Option<String> + 'static,
    described_by: impl Fn() -> Option<String> + 'static,
    invalid: impl Fn() -> bool + 'static,
    text: impl Fn() -> String + 'static,
    typed: impl Fn(String) + 'static,
    left: impl Fn() + 'static,
) -> E {
    E::new("input")
        .attr("type", "text")
        .attr_with(keep, "id", move || Some(id()))
        .class("control")
        .attr("autocomplete", "off")
        .attr("spellcheck", "false")
        .attr("data-path", path)
        .attr_with(keep, "data-pointer", pointer)
        .attr_with(keep, "aria-describedby", described_by)
        .attr_with(keep, "aria-invalid", move || {
            invalid().then(|| "true".to_owned())
        })
        .prop_with(keep, "value", text)
        .on(keep, "input", move |ev| typed(event_target_value(&ev)))
        .on(keep, "blur", move |_| left())
}

/// One key/value row. Its controls stay in place while the key changes, so typing a key keeps
/// the focus; their ids follow the entry's pointer, so that a finding's pointer names them.
fn map_row(keep: &mut Keep, map: MapRows, id: u64) -> E {
    let state = map.state;
    let rows = map.rows;
    let position = computed(move || rows.with(|r| r.iter().position(|r| r.id == id)));
    let row = computed(move || rows.with(|r| r.iter().find(|r| r.id == id).cloned()));
    let key = computed(move || row.with(|r| r.as_ref().map(|r| r.key.clone()).unwrap_or_default()));
    // The first row with a key owns the entry in the draft, and shows its findings.
    let owner = computed(move || {
        let key = key.get();
        !key.is_empty() && rows.with(|r| r.iter().find(|r| r.key == key).map(|r| r.id) == Some(id))
    });
    let entry = computed(move || {
        let key = key.get();
        (!key.is_empty()).then(|| map.entry_pointer(&key))
    });
    let base = Sig::new(map.base_id());
    let findings_id = Sig::new(format!("{}-row{id}-findings", map.base_id()));
    let findings = computed(move || {
        let mut shown: Vec<Finding> = map.duplicates.with(|d| {
            d.iter()
                .filter(|(row, _)| *row == id)
                .map(|(_, f)| f.clone())
                .collect()
        });
        if owner.get() {
            if let Some(entry) = entry.get() {
                shown.extend(scoped_findings(state, &entry, false, &[]));
            }
        }
        shown
    });
    let key_path = map.key_field.path;
    let has_error = move |value_side: bool| {
        findings.with(|f| {
            f.iter()
                .any(|f| f.severity == Severity::Error && (f.path == key_path) != value_side)
        })
    };
    let described_by = move || {
        findings
            .with(|f| !f.is_empty())
            .then(|| findings_id.get_untracked())
    };
    let key_id = move || match (owner.get(), entry.get()) {
        (true, Some(entry)) => control_id(&entry),
        _ => format!("{}-row{id}-key", base.get_untracked()),
    };
    let noun = row_noun(map.field);
    let choices = map.key_choices();
    let key_control = if choices.is_empty() {
        row_input(
            keep,
            key_path,
            key_id,
            move || entry.get(),
            described_by,
            move || has_error(false),
            move || key.get(),
            move |text| map.set_key(id, text),
            move || map.touch_key(id),
        )
    } else {
        let option = |value: &str, text: &str| E::new("option").attr("value", value).text(text);
        let select = choices.iter().fold(
            E::new("select")
                .attr_with(keep, "id", move || Some(key_id()))
                .class("control")
                .attr("data-path", key_path)
                .attr_with(keep, "data-pointer", move || entry.get())
                .attr_with(keep, "aria-describedby", described_by)
                .attr_with(keep, "aria-invalid", move || {
                    has_error(false).then(|| "true".to_owned())
                })
                .child(option("", "Choose…")),
            |select, c| select.child(option(c, c)),
        );
        bind_choice(keep, &select, choices.to_vec(), move || key.get());
        select
            .on(keep, "change", move |ev| {
                map.set_key(id, event_target_value(&ev))
            })
            .on(keep, "blur", move |_| map.touch_key(id))
    };
    let members = map.value_members();
    let labelled = |keep: &mut Keep, label: &str, id: Rc<dyn Fn() -> String>, control: E| {
        E::new("div")
            .class("row-field")
            .child(
                E::new("label")
                    .text(label)
                    .attr_with(keep, "for", move || Some(id())),
            )
            .child(control)
    };
    let mut fields = E::new("div").class("row-fields").child(labelled(
        keep,
        map.key_field.label,
        Rc::new(key_id),
        key_control,
    ));
    if members.is_empty() {
        let value_field = map.value_field;
        let value_id: Rc<dyn Fn() -> String> = Rc::new(move || match (owner.get(), entry.get()) {
            (true, Some(entry)) => format!("{}-value", control_id(&entry)),
            _ => format!("{}-row{id}-value", base.get_untracked()),
        });
        let for_input = value_id.clone();
        let input = row_input(
            keep,
            value_field.path,
            move || for_input(),
            move || entry.get(),
            described_by,
            move || has_error(true),
            move || row.with(|r| form::shown(r.as_ref().map(|r| &r.value))),
            move |text| map.set_text(id, text),
            move || map.touch_value(id),
        );
        // A plain value (a tag's) is often prose: the browser's spell-check stays on for it.
        let _ = input.0.remove_attribute("spellcheck");
        fields = fields.child(labelled(keep, value_field.label, value_id, input));
    } else {
        for member in members {
            let member_pointer = move || entry.get().map(|e| join_pointer(&e, member.name()));
            let value_id: Rc<dyn Fn() -> String> =
                Rc::new(move || match (owner.get(), member_pointer()) {
                    (true, Some(pointer)) => control_id(&pointer),
                    _ => format!("{}-row{id}-{}", base.get_untracked(), member.name()),
                });
            let for_input = value_id.clone();
            let input = row_input(
                keep,
                member.path,
                move || for_input(),
                member_pointer,
                described_by,
                move || has_error(true),
                move || {
                    row.with(|r| form::shown(r.as_ref().and_then(|r| r.value.get(member.name()))))
                },
                move |text| map.set_member(id, member.name(), text),
                move || map.touch_value(id),
            );
            fields = fields.child(labelled(keep, member.label, value_id, input));
        }
    }
    let remove = move |_| {
        let next = map.remove(id);
        focus_later(match next {
            Some(row) => format!("{}-row{row}-remove", map.base_id()),
            None => format!("{}-add", map.base_id()),
        });
    };
    E::new("fieldset")
        .class("map-entry")
        .attr("data-path", map.value_field.path)
        .attr_with(keep, "data-pointer", move || entry.get())
        .child(E::new("legend").text_with(keep, move || {
            format!("{noun} {}", position.get().map_or(0, |p| p + 1))
        }))
        .child(fields)
        .child(
            E::new("p")
                .class("muted row-note")
                .flag_with(keep, "hidden", move || !key.with(String::is_empty))
                .text("Not part of the request until it has a key."),
        )
        .child(findings_list(keep, findings_id.get_untracked(), findings))
        .child(
            E::new("div").class("row-actions").child(
                E::button("secondary danger")
                    .attr("id", &format!("{}-row{id}-remove", base.get_untracked()))
                    .attr_with(keep, "aria-label", move || {
                        Some(format!(
                            "Remove {} {}",
                            lower_noun(noun),
                            position.get().map_or(0, |p| p + 1)
                        ))
                    })
                    .on(keep, "click", remove)
                    .text("Remove"),
            ),
        )
}
