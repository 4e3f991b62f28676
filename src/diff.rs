//! What a draft changes compared with its baseline (the configuration loaded from the pool or
//! imported): one entry per changed setting, with the old and the new value.
//!
//! Settings are compared as the field table nests them: structures member by member, lists as a
//! whole (a list is one setting: its order and items together), map entries key by key. A
//! structure switched on or off without any setting inside it is one change of its own, because
//! sending it at all can mean something (device remembering, for instance).

use serde_json::{Map, Value};

use crate::schema::{self, Field, Shape};
use crate::sort;
use crate::validate::join_pointer;

/// One changed setting.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// Model path (`Policies.PasswordPolicy.MinimumLength`, `UserPoolTags{value}`).
    pub path: String,
    /// JSON pointer of the setting (`/UserPoolTags/team`).
    pub pointer: String,
    /// The baseline's value; `None` when it was not set.
    pub before: Option<Value>,
    /// The draft's value; `None` when it is no longer set.
    pub after: Option<Value>,
}

/// Every setting that differs between `baseline` and `draft` (two request bodies), in form
/// order; members the field table does not know are compared as a whole, after the known ones.
pub fn changes(baseline: &Value, draft: &Value) -> Vec<Change> {
    let mut out = Vec::new();
    members(baseline.as_object(), draft.as_object(), None, "", &mut out);
    out
}

fn members(
    before: Option<&Map<String, Value>>,
    after: Option<&Map<String, Value>>,
    parent: Option<&'static Field>,
    pointer: &str,
    out: &mut Vec<Change>,
) {
    let children: Vec<&'static Field> = match parent {
        Some(parent) => parent.children().collect(),
        None => schema::top_level().collect(),
    };
    for child in &children {
        let name = child.name();
        compare(
            before.and_then(|m| m.get(name)),
            after.and_then(|m| m.get(name)),
            child,
            &join_pointer(pointer, name),
            out,
        );
    }
    // Members the table does not know: compared whole, in name order.
    let mut unknown: Vec<&String> = before
        .into_iter()
        .chain(after)
        .flat_map(|m| m.keys())
        .filter(|name| !children.iter().any(|c| c.name() == name.as_str()))
        .collect();
    sort::sort(&mut unknown);
    unknown.dedup();
    for name in unknown {
        let old = before.and_then(|m| m.get(name));
        let new = after.and_then(|m| m.get(name));
        if old != new {
            let path = match parent {
                Some(parent) => format!("{}.{name}", parent.path),
                None => name.clone(),
            };
            out.push(Change {
                path,
                pointer: join_pointer(pointer, name),
                before: old.cloned(),
                after: new.cloned(),
            });
        }
    }
}

fn compare(
    before: Option<&Value>,
    after: Option<&Value>,
    field: &'static Field,
    pointer: &str,
    out: &mut Vec<Change>,
) {
    if before == after {
        return;
    }
    let whole = |out: &mut Vec<Change>| {
        out.push(Change {
            path: field.path.to_owned(),
            pointer: pointer.to_owned(),
            before: before.cloned(),
            after: after.cloned(),
        })
    };
    let is_object = |v: Option<&Value>| v.is_none_or(Value::is_object);
    match field.shape {
        Shape::Structure if is_object(before) && is_object(after) => {
            let old = before.and_then(Value::as_object);
            let new = after.and_then(Value::as_object);
            // Switched on or off with nothing inside: the structure itself is the change.
            let empty = |m: Option<&Map<String, Value>>| m.is_none_or(Map::is_empty);
            if empty(old) && empty(new) {
                whole(out);
            } else {
                members(old, new, Some(field), pointer, out);
            }
        }
        Shape::Map if is_object(before) && is_object(after) => {
            let Some(value_field) = field.child("{value}") else {
                return whole(out);
            };
            let old = before.and_then(Value::as_object);
            let new = after.and_then(Value::as_object);
            if old.is_none_or(Map::is_empty) && new.is_none_or(Map::is_empty) {
                return whole(out);
            }
            let mut keys: Vec<&String> =
                old.into_iter().chain(new).flat_map(|m| m.keys()).collect();
            sort::sort(&mut keys);
            keys.dedup();
            for key in keys {
                let a = old.and_then(|m| m.get(key));
                let b = new.and_then(|m| m.get(key));
                if a != b {
                    out.push(Change {
                        path: value_field.path.to_owned(),
                        pointer: join_pointer(pointer, key),
                        before: a.cloned(),
                        after: b.cloned(),
                    });
                }
            }
        }
        _ => whole(out),
    }
}
