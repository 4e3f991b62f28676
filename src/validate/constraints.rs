//! The generic model rules (R-MODEL-*), driven entirely by the field table: required members,
//! unknown members, JSON types, lengths, ranges, counts, enums and patterns.
//!
//! The walk also builds a *readable* copy of the JSON: the same value minus whatever the typed
//! model cannot hold (type errors, unknown members, unknown enum values, structures missing a
//! required member), so that the cross-field rules can still run on the rest.

use serde_json::{Map, Number, Value};

use super::{rules, Finding, Severity};
use crate::describe;
use crate::pattern::{self, Pattern};
use crate::schema::{self, Field, Shape};

/// What the walk produced besides findings.
pub(super) struct Walked {
    /// The JSON minus what the typed model cannot hold; `None` when the top level is not an
    /// object.
    pub readable: Option<Value>,
    /// Whether `readable` is the whole input (nothing had to be dropped).
    pub faithful: bool,
    /// Pointers of the parts of the input whose cross-field findings cannot be trusted: for each
    /// value that was present but left out of `readable` (a type error, an unknown enum value, a
    /// structure without a required member), its nearest enclosing structure, or the top-level
    /// member itself. Rules see such a value as absent, so a finding there might be about the
    /// gap rather than about the input (or point at a shifted list index).
    pub unreliable: Vec<String>,
}

/// Walks a whole request body.
pub(super) fn walk_request(value: &Value, out: &mut Vec<Finding>) -> Walked {
    let mut walker = Walker {
        out,
        faithful: true,
        unreliable: Vec::new(),
    };
    let Value::Object(members) = value else {
        walker.out.push(Finding::new(
            Severity::Error,
            "R-MODEL-TYPE",
            "",
            "",
            format!(
                "The request must be a JSON object ({{\"UserPoolId\": ...}}), not {}.",
                describe_value(value)
            ),
        ));
        return Walked {
            readable: None,
            faithful: false,
            unreliable: Vec::new(),
        };
    };
    let mut readable = walker.members(members, None, "");
    if !readable.contains_key("UserPoolId") {
        // Reported as missing already; an empty id lets the cross-field rules still run.
        readable.insert("UserPoolId".into(), Value::String(String::new()));
    }
    Walked {
        readable: Some(Value::Object(readable)),
        faithful: walker.faithful,
        unreliable: walker.unreliable,
    }
}

struct Walker<'a> {
    out: &'a mut Vec<Finding>,
    faithful: bool,
    unreliable: Vec<String>,
}

/// The scope whose cross-field findings are withheld when the value of `field` at `pointer` is
/// left out of the readable copy: the nearest enclosing structure (lists and maps are skipped,
/// since their remaining items would be renumbered), or the top-level member itself.
fn unreliable_scope(field: &Field, pointer: &str) -> String {
    let mut path = field.path;
    let mut depth = field.depth();
    while let Some(parent) = schema::parent_of(path) {
        path = parent;
        depth -= 1;
        if schema::field(parent).is_some_and(|f| f.shape == Shape::Structure) {
            break;
        }
    }
    // A pointer has one token per path segment: keep the tokens of the scope.
    pointer
        .split('/')
        .take(depth + 2)
        .collect::<Vec<_>>()
        .join("/")
}

impl Walker<'_> {
    /// [`Walker::value`], remembering where a present value could not be kept.
    fn read(&mut self, value: &Value, field: &'static Field, pointer: &str) -> Option<Value> {
        let kept = self.value(value, field, pointer);
        if kept.is_none() {
            self.unreliable.push(unreliable_scope(field, pointer));
        }
        kept
    }

    fn push(&mut self, field: &Field, pointer: &str, rule: &'static str, message: String) {
        self.out.push(Finding::new(
            Severity::Error,
            rule,
            field.path,
            pointer,
            message,
        ));
    }

    /// The members of a structure (`parent` is `None` for the request itself). Returns the
    /// readable members.
    fn members(
        &mut self,
        members: &Map<String, Value>,
        parent: Option<&'static Field>,
        pointer: &str,
    ) -> Map<String, Value> {
        let children: Vec<&'static Field> = match parent {
            Some(parent) => parent.children().collect(),
            None => schema::top_level().collect(),
        };
        let mut readable = Map::new();
        for child in &children {
            let name = child.name();
            let child_pointer = join(pointer, name);
            match members.get(name) {
                Some(value) => {
                    if let Some(kept) = self.read(value, child, &child_pointer) {
                        readable.insert(name.to_owned(), kept);
                    }
                }
                None if child.required => {
                    self.faithful = false;
                    let whole = match parent {
                        Some(parent) => format!("{} ({})", parent.label, parent.path),
                        None => "The request".to_owned(),
                    };
                    let message = format!(
                        "{whole} is missing {} ({name}), which is required whenever {} is sent.",
                        child.label,
                        parent.map_or("the request", |p| p.name()),
                    );
                    self.push(child, &child_pointer, "R-MODEL-REQ", message);
                }
                None => {}
            }
        }
        for (name, _) in members {
            if children.iter().any(|c| c.name() == name) {
                continue;
            }
            self.faithful = false;
            let member_path = match parent {
                Some(parent) => format!("{}.{name}", parent.path),
                None => name.clone(),
            };
            let message = unknown_member_message(name, parent, &children);
            self.out.push(Finding::new(
                Severity::Error,
                "R-MODEL-UNKNOWN",
                member_path,
                join(pointer, name),
                message,
            ));
        }
        readable
    }

    /// One value of `field`. Returns the readable copy, or `None` when the typed model cannot
    /// hold it.
    fn value(&mut self, value: &Value, field: &'static Field, pointer: &str) -> Option<Value> {
        match (field.shape, value) {
            (_, Value::Null) => {
                self.type_error(field, pointer, value);
                None
            }
            (Shape::String, Value::String(text)) => {
                if self.string(text, field, pointer) {
                    Some(value.clone())
                } else {
                    self.faithful = false;
                    None
                }
            }
            (Shape::Integer, Value::Number(number)) => {
                if let Some(n) = number.as_i64() {
                    self.integer(i128::from(n), number, field, pointer);
                    Some(value.clone())
                } else if let Some(n) = number.as_u64() {
                    self.integer(i128::from(n), number, field, pointer);
                    self.faithful = false;
                    None
                } else if let Some(n) = number
                    .as_f64()
                    .filter(|f| f.fract() == 0.0 && (9.2e18..1e30).contains(&f.abs()))
                {
                    // A whole number beyond 64 bits, which serde_json can only hold as a float:
                    // out of range, not "a number with a fraction".
                    self.integer(n as i128, number, field, pointer);
                    self.faithful = false;
                    None
                } else {
                    self.type_error(field, pointer, value);
                    None
                }
            }
            (Shape::Boolean, Value::Bool(_)) => Some(value.clone()),
            (Shape::Structure, Value::Object(members)) => {
                let readable = self.members(members, Some(field), pointer);
                // The typed model cannot hold a structure without one of its required members,
                // whether it is missing or was present but unreadable (a wrong type, an unknown
                // enum value): leave the structure out so that the rest can still be read.
                let complete = field
                    .children()
                    .filter(|child| child.required)
                    .all(|child| readable.contains_key(child.name()));
                complete.then_some(Value::Object(readable))
            }
            (Shape::List, Value::Array(items)) => {
                self.count(items.len(), field, pointer);
                let item_field = field.child("[]")?;
                let kept: Vec<Value> = items
                    .iter()
                    .enumerate()
                    .filter_map(|(index, item)| {
                        self.read(item, item_field, &join(pointer, &index.to_string()))
                    })
                    .collect();
                Some(Value::Array(kept))
            }
            (Shape::Map, Value::Object(entries)) => {
                self.count(entries.len(), field, pointer);
                let key_field = field.child("{key}")?;
                let value_field = field.child("{value}")?;
                let mut kept = Map::new();
                for (key, entry) in entries {
                    let entry_pointer = join(pointer, key);
                    self.string(key, key_field, &entry_pointer);
                    if let Some(entry) = self.read(entry, value_field, &entry_pointer) {
                        kept.insert(key.clone(), entry);
                    }
                }
                Some(Value::Object(kept))
            }
            _ => {
                self.type_error(field, pointer, value);
                None
            }
        }
    }

    fn type_error(&mut self, field: &Field, pointer: &str, value: &Value) {
        self.faithful = false;
        let mut message = format!(
            "{} must be {}, not {}.",
            field.label,
            field.shape.noun(),
            describe_value(value)
        );
        if let Some(fix) = type_fix(field, value) {
            message.push(' ');
            message.push_str(&fix);
        }
        self.push(field, pointer, "R-MODEL-TYPE", message);
    }

    /// Checks a string's length, enum and pattern. Returns `false` when the typed model cannot
    /// hold it (an unknown enum value).
    fn string(&mut self, text: &str, field: &'static Field, pointer: &str) -> bool {
        let length = text.chars().count() as u64;
        if let Some(min) = field.min.filter(|&min| length < min) {
            let message = if length == 0 {
                if field.required {
                    format!("{} must not be empty: enter a value.", field.label)
                } else {
                    format!(
                        "{} must not be empty: enter a value or leave the setting out.",
                        field.label
                    )
                }
            } else {
                format!(
                    "{} must be at least {min} characters long; it has {length}.",
                    field.label
                )
            };
            self.push(field, pointer, "R-MODEL-LEN", message);
        }
        if let Some(max) = field.max.filter(|&max| length > max) {
            let message = format!(
                "{} must be at most {max} characters long; it has {length}.",
                field.label
            );
            self.push(field, pointer, "R-MODEL-LEN", message);
        }
        if !field.values.is_empty() && !field.values.contains(&text) {
            let rule = rules::enum_rule(field);
            let mut message = format!(
                "{} must be one of {}; \"{text}\" is not.",
                field.label,
                field.values.join(", ")
            );
            if let Some(close) = field
                .values
                .iter()
                .find(|v| v.eq_ignore_ascii_case(text.trim()))
            {
                message.push_str(&format!(
                    " Did you mean \"{close}\"? Values are case-sensitive and take no spaces."
                ));
            }
            self.push(field, pointer, rule, message);
            return false;
        }
        if let Some(pattern) = field.pattern {
            // An empty value is already reported by the length rule.
            let reported_empty = length == 0 && field.min.is_some_and(|min| min > 0);
            if !reported_empty && !pattern.matches(text) {
                let rule = rules::pattern_rule(field);
                let message = pattern_message(field, pattern, text);
                self.push(field, pointer, rule, message);
            }
        }
        true
    }

    /// Checks whole number `n` (as written: `number`) against the field's bounds. The message
    /// shows `number` rather than `n`: formatting an `i128` would link 128-bit division.
    fn integer(&mut self, n: i128, number: &Number, field: &Field, pointer: &str) {
        let low = field.min.map(i128::from);
        let high = field.max.map(i128::from);
        let outside = low.is_some_and(|low| n < low) || high.is_some_and(|high| n > high);
        if outside {
            let range = match (field.min, field.max) {
                (Some(low), Some(high)) => format!("between {low} and {high}"),
                (Some(low), None) => format!("at least {low}"),
                (None, Some(high)) => format!("at most {high}"),
                (None, None) => String::new(),
            };
            let message = format!("{} must be {range}; it is {number}.", field.label);
            self.push(field, pointer, rules::range_rule(field), message);
        }
    }

    fn count(&mut self, count: usize, field: &Field, pointer: &str) {
        let count = count as u64;
        let unit = if field.shape == Shape::Map {
            "entries"
        } else {
            "items"
        };
        if let Some(min) = field.min.filter(|&min| count < min) {
            let message = if count == 0 {
                format!(
                    "{} must not be an empty list: add at least {min}, or leave the setting out.",
                    field.label
                )
            } else {
                format!(
                    "{} needs at least {min} {unit}; it has {count}.",
                    field.label
                )
            };
            self.push(field, pointer, "R-MODEL-COUNT", message);
        }
        if let Some(max) = field.max.filter(|&max| count > max) {
            let message = format!(
                "{} can have at most {max} {unit}; it has {count}. Remove {}.",
                field.label,
                count - max
            );
            self.push(field, pointer, "R-MODEL-COUNT", message);
        }
    }
}

/// Appends one RFC 6901 reference token to a pointer (`~` and `/` escaped).
pub fn join(pointer: &str, token: &str) -> String {
    let mut joined = String::with_capacity(pointer.len() + token.len() + 1);
    joined.push_str(pointer);
    joined.push('/');
    for c in token.chars() {
        match c {
            '~' => joined.push_str("~0"),
            '/' => joined.push_str("~1"),
            c => joined.push(c),
        }
    }
    joined
}

/// A short description of a JSON value for messages: `"12" (a string)`, `true`, `8.5`, ...
fn describe_value(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => {
            if n.is_f64() {
                format!("{n} (a number with a fraction)")
            } else {
                n.to_string()
            }
        }
        Value::String(s) => {
            let shown: String = s.chars().take(40).collect();
            let more = if s.chars().count() > 40 { "…" } else { "" };
            format!("\"{shown}{more}\" (a string)")
        }
        Value::Array(_) => "a list".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// How to fix a type error, when there is an obvious fix.
fn type_fix(field: &Field, value: &Value) -> Option<String> {
    match (field.shape, value) {
        (_, Value::Null) => Some("Leave the member out instead of sending null.".to_owned()),
        (Shape::Integer, Value::String(s)) if s.trim().parse::<i64>().is_ok() => {
            Some(format!("Write {} without quotes.", s.trim()))
        }
        (Shape::Integer, Value::Number(n)) => match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
                Some(format!("Write {} without a decimal point.", f as i64))
            }
            _ => Some("Use a whole number.".to_owned()),
        },
        (Shape::Integer, Value::Bool(_)) => Some("Use a whole number.".to_owned()),
        (Shape::Boolean, Value::String(s)) if s == "true" || s == "false" => {
            Some(format!("Write {s} without quotes."))
        }
        (Shape::Boolean, Value::Number(_)) => Some("Write true or false.".to_owned()),
        (Shape::List, Value::String(s)) => Some(format!("Put it in a list: [\"{s}\"].")),
        (Shape::String, Value::Number(n)) => Some(format!("Put it in quotes: \"{n}\".")),
        _ => None,
    }
}

/// The message for an unknown member, with the likeliest intended name when there is one.
fn unknown_member_message(
    name: &str,
    parent: Option<&Field>,
    children: &[&'static Field],
) -> String {
    let place = match parent {
        Some(parent) => format!("{} ({})", parent.label, parent.path),
        None => "an UpdateUserPool request".to_owned(),
    };
    let mut message = format!("\"{name}\" is not a member of {place}.");
    if parent.is_none() {
        if let Some(note) = describe::read_only_note(name) {
            message.push(' ');
            message.push_str(note);
            return message;
        }
    }
    let closest = children
        .iter()
        .map(|c| {
            (
                edit_distance(&name.to_ascii_lowercase(), &c.name().to_ascii_lowercase()),
                c,
            )
        })
        .min_by_key(|(distance, _)| *distance);
    match closest {
        Some((0, child)) => message.push_str(&format!(
            " Did you mean \"{}\"? Member names are case-sensitive.",
            child.name()
        )),
        Some((distance, child)) if distance <= 2 || (distance <= 3 && name.len() > 12) => {
            message.push_str(&format!(" Did you mean \"{}\"?", child.name()))
        }
        _ => {
            let names: Vec<&str> = children.iter().map(|c| c.name()).collect();
            message.push_str(&format!(" Allowed here: {}.", names.join(", ")));
        }
    }
    message
}

/// Levenshtein distance (small inputs only: member names).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == *cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Whether Java's ASCII `\s` matches `c`.
fn is_java_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r')
}

/// The message for a value that does not match its pattern: what is missing or which character
/// is not allowed, when that can be said precisely.
fn pattern_message(field: &Field, pattern: Pattern, text: &str) -> String {
    let label = field.label;
    let needs_code = matches!(pattern, Pattern::SmsCode | Pattern::EmailCode);
    if needs_code && !text.contains("{####}") {
        return format!("{label} must contain the code placeholder {{####}}.");
    }
    if pattern == Pattern::EmailLink && !has_link_placeholder(text) {
        return format!(
            "{label} must contain a link placeholder such as {{##Verify email##}}: the text between {{## and ##}} becomes the link."
        );
    }
    if pattern == Pattern::SmsCode {
        return format!("{label} must fit on one line: remove the line breaks.");
    }
    let class_based = matches!(
        pattern,
        Pattern::EmailCode
            | Pattern::EmailLink
            | Pattern::EmailInvite
            | Pattern::EmailSubject
            | Pattern::EmailAddress
    );
    if class_based {
        let allows_space = pattern != Pattern::EmailAddress;
        if let Some(bad) = text
            .chars()
            .find(|&c| !(pattern::is_lmsnp(c) || (allows_space && is_java_space(c))))
        {
            let what = if bad.is_whitespace() {
                "a kind of space that is not allowed (only ordinary spaces, tabs and line breaks are)"
            } else {
                "an invisible or unassigned character that is not allowed"
            };
            return format!(
                "{label} contains U+{:04X}, {what}. Remove it or replace it.",
                u32::from(bad)
            );
        }
    }
    format!("{label} must be {}.", pattern.hint())
}

/// Whether the text has a `{##...##}` placeholder.
fn has_link_placeholder(text: &str) -> bool {
    text.find("{##")
        .is_some_and(|start| text[start + 3..].contains("##}"))
}
