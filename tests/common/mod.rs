//! Test helpers driven by the field table: valid sample values and minimal requests that hold a
//! value at a given path (with the required members around it filled in).

#![allow(dead_code)]

use cognito_pool_console::pattern::Pattern;
use cognito_pool_console::schema::{self, Field, Shape};
use cognito_pool_console::validate::{self, Finding};
use serde_json::{json, Map, Value};

/// A pool id whose Region is us-east-1.
pub const POOL_ID: &str = "us-east-1_Ab12Cd34E";

/// A string of exactly `length` code points that matches the field's pattern, when there is one.
pub fn sample_string(field: &Field, length: usize) -> Option<String> {
    let pad = |prefix: &str, suffix: &str| -> Option<String> {
        let used = prefix.chars().count() + suffix.chars().count();
        (length >= used).then(|| format!("{prefix}{}{suffix}", "a".repeat(length - used)))
    };
    match field.pattern {
        None => pad("", ""),
        Some(Pattern::UserPoolId) => {
            if length >= 11 {
                pad("us-east-1_", "")
            } else {
                pad("a_", "1")
            }
        }
        Some(Pattern::Arn) => {
            let service = if field.path.contains("KMS") || field.path.contains("Kms") {
                "kms"
            } else if field.path.contains("SourceArn") {
                "ses"
            } else if field.path.contains("Sms") || field.path.contains("Sns") {
                "iam"
            } else {
                "lambda"
            };
            pad(&format!("arn:aws:{service}:us-east-1:1:f"), "")
        }
        Some(Pattern::OptionalArn) => {
            if length == 0 {
                Some(String::new())
            } else {
                pad("arn:aws:iam::1:role/r", "")
            }
        }
        Some(Pattern::SmsCode | Pattern::EmailCode) => pad("{####}", ""),
        Some(Pattern::EmailLink) => {
            if length == 6 {
                Some("{####}".to_owned())
            } else {
                pad("{##a", "##}")
            }
        }
        Some(Pattern::EmailAddress) => pad("a@", "b"),
        Some(Pattern::AcrLevelKey) => (length == 6).then(|| "Level1".to_owned()),
        Some(
            Pattern::PoolName
            | Pattern::SmsInvite
            | Pattern::EmailInvite
            | Pattern::EmailSubject
            | Pattern::SesConfigurationSet
            | Pattern::QuotelessAscii,
        ) => pad("", ""),
    }
}

/// A valid value for a field (the shortest allowed string, the lowest integer, the first enum
/// value, a structure with its required members, one list item, one map entry).
pub fn sample(field: &'static Field) -> Value {
    match field.shape {
        Shape::String => {
            if let Some(first) = field.values.first() {
                return json!(first);
            }
            // The shortest allowed length for which a matching sample exists.
            let shortest = field.min.unwrap_or(1).max(1) as usize;
            let found = (shortest..shortest + 32).find_map(|length| sample_string(field, length));
            json!(found.unwrap_or_default())
        }
        Shape::Integer => json!(field.min.unwrap_or(1)),
        Shape::Boolean => json!(true),
        Shape::Structure => {
            let mut members = Map::new();
            for child in field.children().filter(|c| c.required) {
                members.insert(child.name().to_owned(), sample(child));
            }
            Value::Object(members)
        }
        Shape::List => match field.child("[]") {
            Some(item) => json!([sample(item)]),
            None => json!([]),
        },
        Shape::Map => {
            let mut entries = Map::new();
            if let Some(value) = field.child("{value}") {
                entries.insert("Level1".to_owned(), sample(value));
            }
            Value::Object(entries)
        }
    }
}

/// A request with `UserPoolId` and `value` placed at `path` (list items go into a one-item list,
/// map values under key `Level1`, map keys get a valid value), together with the JSON pointer of
/// the placed value.
pub fn place(path: &str, value: Value) -> (Value, String) {
    let mut request = json!({ "UserPoolId": POOL_ID });
    if path == "UserPoolId" {
        request["UserPoolId"] = value;
        return (request, "/UserPoolId".to_owned());
    }
    let pointer = insert(&mut request, path, value);
    (request, pointer)
}

fn insert(root: &mut Value, path: &str, value: Value) -> String {
    // Build the chain of entries from the top-level member down to `path`.
    let mut chain = vec![path];
    let mut current = path;
    while let Some(parent) = schema::parent_of(current) {
        chain.push(parent);
        current = parent;
    }
    chain.reverse();
    let mut pointer = String::new();
    let mut slot = root;
    let mut value = Some(value);
    for (index, step) in chain.iter().enumerate() {
        let Some(field) = schema::field(step) else {
            panic!("unknown path {step}");
        };
        let last = index + 1 == chain.len();
        let name = field.name();
        let next = if name == "[]" {
            pointer.push_str("/0");
            let list = slot.as_array_mut().expect("list");
            if list.is_empty() {
                list.push(sample(field));
            }
            &mut list[0]
        } else if name == "{key}" {
            // The key itself: rename the sample entry.
            let key = value
                .take()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            let map = slot.as_object_mut().expect("map");
            let entry = map
                .remove("Level1")
                .unwrap_or_else(|| json!({"AcrValue": "a"}));
            pointer.push('/');
            pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
            map.clear();
            map.insert(key, entry);
            return pointer;
        } else if name == "{value}" {
            pointer.push_str("/Level1");
            let map = slot.as_object_mut().expect("map");
            map.entry("Level1").or_insert_with(|| sample(field))
        } else {
            pointer.push('/');
            pointer.push_str(name);
            let members = slot.as_object_mut().expect("object");
            members.entry(name).or_insert_with(|| sample(field))
        };
        if last {
            if let Some(value) = value.take() {
                *next = value;
            }
            return pointer;
        }
        slot = next;
    }
    pointer
}

/// The findings of checking raw JSON without a baseline.
pub fn check(value: &Value) -> Vec<Finding> {
    validate::check_json(value, None).findings
}

/// The rule ids found at a pointer.
pub fn rules_at<'a>(findings: &'a [Finding], pointer: &str) -> Vec<&'a str> {
    findings
        .iter()
        .filter(|f| f.pointer == pointer)
        .map(|f| f.rule)
        .collect()
}

/// Every model path present in a request document.
pub fn paths_in(value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    if let Value::Object(members) = value {
        for (name, member) in members {
            collect(member, name.clone(), &mut out);
        }
    }
    out.sort();
    out.dedup();
    out
}

fn collect(value: &Value, path: String, out: &mut Vec<String>) {
    let Some(field) = schema::field(&path) else {
        return;
    };
    out.push(path.clone());
    match (field.shape, value) {
        (Shape::Structure, Value::Object(members)) => {
            for (name, member) in members {
                collect(member, format!("{path}.{name}"), out);
            }
        }
        (Shape::List, Value::Array(items)) => {
            for item in items {
                collect(item, format!("{path}[]"), out);
            }
        }
        (Shape::Map, Value::Object(entries)) => {
            if !entries.is_empty() {
                out.push(format!("{path}{{key}}"));
            }
            for entry in entries.values() {
                collect(entry, format!("{path}{{value}}"), out);
            }
        }
        _ => {}
    }
}
