//! From a live pool to an editable request: maps a `DescribeUserPool` response onto the complete
//! `UpdateUserPool` request that would leave the pool as it is.
//!
//! `UpdateUserPool` resets every member it is not given, so the console always starts from the
//! pool's current settings. The mapping renames the two members whose names differ (`Id` to
//! `UserPoolId`, `Name` to `PoolName`), drops what Describe returns but Update does not accept, and
//! handles the known round-trip pitfalls. A member it does not know is kept in the output (so the
//! validator reports it and nothing is sent without the admin's decision) and listed in the notes.

use serde_json::{Map, Value};

use crate::schema;

/// What the mapping did to one member, for the admin to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// Describe-side path of the member (`Id`, `AdminCreateUserConfig.UnusedAccountValidityDays`).
    pub path: String,
    /// What happened, in plain words.
    pub message: String,
    /// How the member was handled.
    pub action: Action,
}

/// How the mapping handled a member.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Carried over under another name.
    Renamed,
    /// Left out on purpose (read-only, or would change the pool if sent back).
    Dropped,
    /// Not known to this console: carried over as it is, and reported by the validator.
    Unknown,
}

/// The result of mapping a Describe response.
#[derive(Clone, Debug)]
pub struct Mapped {
    /// The `UpdateUserPool` body (JSON, to be checked with [`crate::validate::check_json`]).
    pub request: Value,
    /// What was renamed, dropped or not understood.
    pub notes: Vec<Note>,
}

/// Why a document is not a Describe response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DescribeError {
    /// The document is not a JSON object.
    NotAnObject,
    /// There is no `UserPool` object in it.
    NoUserPool,
}

impl std::fmt::Display for DescribeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DescribeError::NotAnObject => f.write_str(
                "A DescribeUserPool response is a JSON object of the form {\"UserPool\": {...}}.",
            ),
            DescribeError::NoUserPool => f.write_str(
                "This is not a DescribeUserPool response: it has no \"UserPool\" object. Paste the whole output of aws cognito-idp describe-user-pool.",
            ),
        }
    }
}

impl std::error::Error for DescribeError {}

/// Members of a Describe result that `UpdateUserPool` does not accept, each with where it can be
/// changed instead.
const READ_ONLY: &[(&str, &str)] = &[
    ("Status", "It is no longer used and cannot be set."),
    ("LastModifiedDate", "It is a timestamp that Cognito keeps."),
    ("CreationDate", "It is a timestamp that Cognito keeps."),
    (
        "EstimatedNumberOfUsers",
        "It is a count that Cognito keeps.",
    ),
    ("Arn", "The ARN follows from the pool id and cannot be set."),
    (
        "SchemaAttributes",
        "Attributes are fixed at creation; custom attributes are added with AddCustomAttributes.",
    ),
    (
        "AliasAttributes",
        "Sign-in aliases can only be chosen when the pool is created.",
    ),
    (
        "UsernameAttributes",
        "Username attributes can only be chosen when the pool is created.",
    ),
    (
        "UsernameConfiguration",
        "Username case sensitivity can only be chosen when the pool is created.",
    ),
    (
        "SmsConfigurationFailure",
        "It reports why SMS sending fails; fix the SMS settings instead.",
    ),
    (
        "EmailConfigurationFailure",
        "It reports why email sending fails; fix the email settings instead.",
    ),
    (
        "Domain",
        "The hosted domain is managed with the user pool domain operations.",
    ),
    (
        "CustomDomain",
        "Custom domains are managed with the user pool domain operations.",
    ),
];

/// Describe names that Update spells differently.
const RENAMES: &[(&str, &str)] = &[("Id", "UserPoolId"), ("Name", "PoolName")];

/// Why a top-level member found in a request cannot be sent, when it is a Describe-only or
/// creation-only member (used in the unknown-member message).
pub fn read_only_note(name: &str) -> Option<&'static str> {
    if let Some((_, update)) = RENAMES.iter().find(|(describe, _)| *describe == name) {
        return Some(match *update {
            "UserPoolId" => {
                "DescribeUserPool calls the pool id \"Id\"; in an update it is \"UserPoolId\"."
            }
            _ => "DescribeUserPool calls the pool name \"Name\"; in an update it is \"PoolName\".",
        });
    }
    if name == "Schema" {
        return Some("Attributes are fixed at creation; custom attributes are added with AddCustomAttributes.");
    }
    READ_ONLY
        .iter()
        .find(|(member, _)| *member == name)
        .map(|(_, why)| *why)
}

/// Whether a document looks like a Describe response (`{"UserPool": {...}}`) rather than an
/// update body.
pub fn is_describe_response(document: &Value) -> bool {
    document.get("UserPool").is_some_and(Value::is_object) && document.get("UserPoolId").is_none()
}

/// Maps a `DescribeUserPool` response onto the `UpdateUserPool` body that leaves the pool as it
/// is.
///
/// # Errors
/// When the document is not of the form `{"UserPool": {...}}`.
pub fn describe_to_update(response: &Value) -> Result<Mapped, DescribeError> {
    let Value::Object(top) = response else {
        return Err(DescribeError::NotAnObject);
    };
    let Some(Value::Object(pool)) = top.get("UserPool") else {
        return Err(DescribeError::NoUserPool);
    };
    let mut notes = Vec::new();
    let mut request = Map::new();
    for (name, value) in pool {
        if value.is_null() {
            notes.push(Note {
                path: name.clone(),
                message: format!("{name} was null, which means not set; it is left out."),
                action: Action::Dropped,
            });
            continue;
        }
        if let Some((_, update)) = RENAMES.iter().find(|(describe, _)| describe == name) {
            request.insert((*update).to_owned(), value.clone());
            notes.push(Note {
                path: name.clone(),
                message: format!("{name} becomes {update}."),
                action: Action::Renamed,
            });
        } else if let Some((_, why)) = READ_ONLY.iter().find(|(member, _)| member == name) {
            notes.push(Note {
                path: name.clone(),
                message: format!("{name} is not part of an update and is left out. {why}"),
                action: Action::Dropped,
            });
        } else {
            let mut copy = value.clone();
            drop_nulls(&mut copy, name, &mut notes);
            if schema::field(name).is_none() {
                notes.push(Note {
                    path: name.clone(),
                    message: format!("{name} is not a setting this console knows. It is kept so you can decide: an update that leaves it out might reset it."),
                    action: Action::Unknown,
                });
            } else {
                note_unknown_members(&copy, name, &mut notes);
            }
            request.insert(name.clone(), copy);
        }
    }
    fix_pitfalls(&mut request, &mut notes);
    Ok(Mapped {
        request: Value::Object(request),
        notes,
    })
}

/// Removes `null` members inside a value (Describe never means anything by them).
fn drop_nulls(value: &mut Value, path: &str, notes: &mut Vec<Note>) {
    match value {
        Value::Object(members) => {
            let nulls: Vec<String> = members
                .iter()
                .filter(|(_, v)| v.is_null())
                .map(|(k, _)| k.clone())
                .collect();
            for name in nulls {
                members.remove(&name);
                notes.push(Note {
                    path: format!("{path}.{name}"),
                    message: format!(
                        "{path}.{name} was null, which means not set; it is left out."
                    ),
                    action: Action::Dropped,
                });
            }
            for (name, member) in members.iter_mut() {
                drop_nulls(member, &format!("{path}.{name}"), notes);
            }
        }
        Value::Array(items) => {
            for item in items.iter_mut() {
                drop_nulls(item, &format!("{path}[]"), notes);
            }
        }
        _ => {}
    }
}

/// Notes members of known structures that this console does not know (the validator reports
/// them as errors too).
fn note_unknown_members(value: &Value, path: &str, notes: &mut Vec<Note>) {
    let Some(field) = schema::field(path) else {
        return;
    };
    match (field.shape, value) {
        (schema::Shape::Structure, Value::Object(members)) => {
            for (name, member) in members {
                let child = format!("{path}.{name}");
                if schema::field(&child).is_some() {
                    note_unknown_members(member, &child, notes);
                } else {
                    notes.push(Note {
                        path: child.clone(),
                        message: format!("{child} is not a setting this console knows. It is kept so you can decide: an update that leaves it out might reset it."),
                        action: Action::Unknown,
                    });
                }
            }
        }
        (schema::Shape::List, Value::Array(items)) => {
            let item = format!("{path}[]");
            for value in items {
                note_unknown_members(value, &item, notes);
            }
        }
        (schema::Shape::Map, Value::Object(entries)) => {
            let item = format!("{path}{{value}}");
            for value in entries.values() {
                note_unknown_members(value, &item, notes);
            }
        }
        _ => {}
    }
}

/// The round-trip pitfalls of `describe_to_update.md`.
fn fix_pitfalls(request: &mut Map<String, Value>, notes: &mut Vec<Note>) {
    // P3: once TemporaryPasswordValidityDays is in use, UnusedAccountValidityDays cannot be sent.
    let temp_days = request
        .get("Policies")
        .and_then(|p| p.get("PasswordPolicy"))
        .and_then(|p| p.get("TemporaryPasswordValidityDays"))
        .is_some();
    if temp_days {
        let removed = request
            .get_mut("AdminCreateUserConfig")
            .and_then(Value::as_object_mut)
            .and_then(|c| c.remove("UnusedAccountValidityDays"));
        if removed.is_some() {
            notes.push(Note {
                path: "AdminCreateUserConfig.UnusedAccountValidityDays".into(),
                message: "The legacy unused account validity is left out: the pool uses the temporary password validity of its password policy, and Cognito rejects both together.".into(),
                action: Action::Dropped,
            });
        }
    }

    // An empty recovery list means "no setting" (legacy recovery); the model needs at least one
    // method, so the whole setting is left out, which keeps the same behaviour.
    let empty_recovery = request
        .get("AccountRecoverySetting")
        .and_then(|a| a.get("RecoveryMechanisms"))
        .and_then(Value::as_array)
        .is_some_and(Vec::is_empty);
    if empty_recovery {
        request.remove("AccountRecoverySetting");
        notes.push(Note {
            path: "AccountRecoverySetting".into(),
            message: "Account recovery has no methods (Cognito's legacy behaviour). It is left out: sending an empty list would be rejected, and leaving it out keeps the same behaviour.".into(),
            action: Action::Dropped,
        });
    }

    // P8: an empty device configuration sent back would turn device remembering on.
    let empty_devices = request
        .get("DeviceConfiguration")
        .and_then(Value::as_object)
        .is_some_and(Map::is_empty);
    if empty_devices {
        request.remove("DeviceConfiguration");
        notes.push(Note {
            path: "DeviceConfiguration".into(),
            message: "Device remembering is off (empty device settings). The section is left out: sending it, even empty, would turn device remembering on.".into(),
            action: Action::Dropped,
        });
    }
}
