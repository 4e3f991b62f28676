//! The form's state as plain data: the draft request as a JSON document, edited setting by
//! setting through JSON pointers, and the conversions between what a control shows and what the
//! document holds.
//!
//! The draft keeps whatever the admin typed, even when it is not a valid value (the text `12a`
//! in a whole-number field stays a string), so nothing typed is ever lost and the validator
//! reports it where it stands. Empty input means "not set": the member is removed.

use serde_json::{Map, Value};

use crate::diff::Change;
use crate::schema::{self, Field, Group, Shape};
use crate::validate::{Finding, Severity};

/// The model path of a JSON pointer into a request (`/AccountRecoverySetting/RecoveryMechanisms/1/Priority`
/// gives `AccountRecoverySetting.RecoveryMechanisms[].Priority`), when the table knows it.
pub fn path_of_pointer(pointer: &str) -> Option<&'static str> {
    let mut field: Option<&'static Field> = None;
    for token in pointer.split('/').skip(1) {
        let token = unescape(token);
        let next = match field {
            None => schema::top_level().find(|f| f.name() == token),
            Some(parent) => match parent.shape {
                Shape::List => parent.child("[]"),
                Shape::Map => parent.child("{value}"),
                _ => parent.child(&token),
            },
        };
        field = Some(next?);
    }
    field.map(|f| f.path)
}

/// Undoes RFC 6901 escaping of one reference token.
pub fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// The top-level member token a pointer starts with, and the rest of the pointer
/// (`/Policies/PasswordPolicy` gives `("Policies", "/PasswordPolicy")`, `/Policies` gives
/// `("Policies", "")`); `None` for the whole document (`""`). The token is left escaped: a
/// top-level member's name holds neither `~` nor `/`.
pub fn split_top(pointer: &str) -> Option<(&str, &str)> {
    let rest = pointer.strip_prefix('/')?;
    Some(match rest.find('/') {
        Some(end) => rest.split_at(end),
        None => (rest, ""),
    })
}

/// The value at `pointer`, if the document has one there.
pub fn get<'a>(document: &'a Value, pointer: &str) -> Option<&'a Value> {
    if pointer.is_empty() {
        return Some(document);
    }
    document.pointer(pointer)
}

/// Sets (`Some`) or removes (`None`) the value at `pointer`, creating the structures, lists and
/// maps on the way as the table nests them. A list index past the end appends. Returns whether
/// the document changed (a structure made on the way counts).
pub fn set(document: &mut Value, pointer: &str, value: Option<Value>) -> bool {
    let tokens: Vec<String> = pointer.split('/').skip(1).map(unescape).collect();
    let Some((last, parents)) = tokens.split_last() else {
        return false;
    };
    let mut slot = document;
    let mut prefix = String::new();
    // A structure made on the way is a change even when the value then cannot be placed.
    let mut created = false;
    for token in parents {
        if value.is_none() && slot.get(token.as_str()).is_none() && !slot.is_array() {
            return false; // nothing to remove
        }
        prefix.push('/');
        prefix.push_str(&token.replace('~', "~0").replace('/', "~1"));
        // A missing container is created as the table nests it: a list for list settings.
        let is_list = path_of_pointer(&prefix)
            .and_then(schema::field)
            .is_some_and(|f| f.shape == Shape::List);
        slot = match slot {
            Value::Object(members) => members.entry(token.clone()).or_insert_with(|| {
                created = true;
                if is_list {
                    Value::Array(Vec::new())
                } else {
                    Value::Object(Map::new())
                }
            }),
            Value::Array(items) => match token.parse::<usize>() {
                Ok(index) if index < items.len() => &mut items[index],
                _ => return created,
            },
            _ => return created,
        };
    }
    let placed = match (slot, value) {
        (Value::Object(members), Some(value)) => {
            let changed = members.get(last.as_str()) != Some(&value);
            members.insert(last.clone(), value);
            changed
        }
        (Value::Object(members), None) => members.remove(last.as_str()).is_some(),
        (Value::Array(items), Some(value)) => match last.parse::<usize>() {
            Ok(index) if index < items.len() => {
                let changed = items[index] != value;
                items[index] = value;
                changed
            }
            Ok(_) => {
                items.push(value);
                true
            }
            Err(_) => false,
        },
        (Value::Array(items), None) => match last.parse::<usize>() {
            Ok(index) if index < items.len() => {
                items.remove(index);
                true
            }
            _ => false,
        },
        _ => false,
    };
    placed || created
}

/// What a text-like control shows for a value: strings as they are, numbers and booleans in
/// JSON form, nothing for no value.
pub fn shown(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(other) => crate::export::json_text(other),
    }
}

/// The value a control's input stands for, given the field it edits. Empty input is "not set".
/// A whole-number field keeps text that is not a number as a string, so that the validator
/// reports it and the text is not lost.
pub fn input_value(field: &Field, input: &str) -> Option<Value> {
    match field.shape {
        Shape::Integer => {
            let trimmed = input.trim();
            if trimmed.is_empty() {
                None
            } else {
                Some(match trimmed.parse::<i64>() {
                    Ok(n) => Value::from(n),
                    Err(_) => Value::String(input.to_owned()),
                })
            }
        }
        Shape::Boolean => match input {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => None,
        },
        _ if input.is_empty() => None,
        _ => Some(Value::String(input.to_owned())),
    }
}

/// Counts shown on a section: settings changed from the baseline, errors, warnings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Changed settings.
    pub changed: usize,
    /// Error findings.
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
}

/// The group of the top-level member named at the start of a model path (paths are written
/// out plainly, not escaped as pointer tokens are).
fn group_of_top(top: &str) -> Option<Group> {
    schema::field(top).map(|f| f.group)
}

/// The top-level member named by a model path (`A.B[]` gives `A`).
fn top_of_path(path: &str) -> &str {
    path.split(['.', '[', '{']).next().unwrap_or(path)
}

/// The counts of every group, in [`Group::ALL`] order, from one pass over the findings and
/// changes (the form shows each group's counts twice, in its heading and in the contents: one
/// pass serves them all on each keystroke, where a pass per group looked every item up 36 times).
pub fn tallies(findings: &[Finding], changes: &[Change]) -> [Tally; Group::ALL.len()] {
    let mut all = [Tally::default(); Group::ALL.len()];
    for finding in findings {
        let group = group_of_top(top_of_path(&finding.path));
        if let Some(tally) = group.and_then(|g| all.get_mut(g.index())) {
            match finding.severity {
                Severity::Error => tally.errors += 1,
                Severity::Warning => tally.warnings += 1,
            }
        }
    }
    for change in changes {
        let group = group_of_top(top_of_path(&change.path));
        if let Some(tally) = group.and_then(|g| all.get_mut(g.index())) {
            tally.changed += 1;
        }
    }
    all
}

/// Whether `pointer` is `scope` or inside it.
pub fn within(pointer: &str, scope: &str) -> bool {
    pointer
        .strip_prefix(scope)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Whether `field` matches the "Find a setting" text: its label or path contains it, ignoring
/// case. An empty filter matches everything.
///
/// Labels and paths are ASCII, so ASCII case folding is exact here (a letter outside ASCII
/// matches nothing either way) and spares the page Unicode's case tables.
pub fn matches_filter(field: &Field, filter: &str) -> bool {
    let filter = filter.trim().to_ascii_lowercase();
    filter.is_empty()
        || field.label.to_ascii_lowercase().contains(&filter)
        || field.path.to_ascii_lowercase().contains(&filter)
}

/// Whether `field` or anything below it matches the filter (a section stays visible while any
/// of its settings does).
pub fn subtree_matches(field: &Field, filter: &str) -> bool {
    matches_filter(field, filter) || field.children().any(|c| subtree_matches(c, filter))
}
