//! What the overview shows of a group, read from the field table (no browser types here).

use crate::schema::{Field, Group};

/// The number of table entries (paths) in `group`, nested ones included.
pub fn setting_count(group: Group) -> usize {
    group.fields().count()
}

/// The top-level members of `group`, in form order.
pub fn top_level(group: Group) -> impl Iterator<Item = &'static Field> {
    group.fields().filter(|field| field.depth() == 0)
}

/// The number of entries below `field` (members, items, keys and values, at any depth).
pub fn nested_count(field: &Field) -> usize {
    field.children().map(|child| 1 + nested_count(child)).sum()
}

/// "1 setting", "18 settings", with `qualifier` before the noun when given ("3 nested settings").
pub fn settings_phrase(count: usize, qualifier: Option<&str>) -> String {
    let noun = if count == 1 { "setting" } else { "settings" };
    match qualifier {
        Some(qualifier) => format!("{count} {qualifier} {noun}"),
        None => format!("{count} {noun}"),
    }
}
