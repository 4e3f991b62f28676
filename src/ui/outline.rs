//! What the overview shows of a group, read from the field table (no browser types here).

use crate::schema::Group;

/// The number of table entries (paths) in `group`, nested ones included.
pub fn setting_count(group: Group) -> usize {
    group.fields().count()
}

/// "1 setting", "18 settings", with `qualifier` before the noun when given ("3 nested settings").
pub fn settings_phrase(count: usize, qualifier: Option<&str>) -> String {
    let noun = if count == 1 { "setting" } else { "settings" };
    match qualifier {
        Some(qualifier) => format!("{count} {qualifier} {noun}"),
        None => format!("{count} {noun}"),
    }
}
