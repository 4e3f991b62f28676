//! The `DescribeUserPool` result -> `UpdateUserPool` body mapping (`describe::describe_to_update`)
//! on arbitrary JSON: never panics; a document that is a Describe output maps; the body never
//! carries a read-only member or a `null` the mapping should have dropped; and the body, fed to
//! validation (alone and with itself as the baseline, as an import does), keeps every property
//! of the `validate` target.

#![no_main]

use cognito_pool_console::describe::{self, Action, DescribeError};
use cognito_pool_console::model::json::FromJson;
use cognito_pool_console::model::UpdateUserPoolRequest;
use cognito_pool_console_fuzz::check_and_assert;
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

/// What Describe returns and an update never sends (tests/describe.rs).
const READ_ONLY: [&str; 15] = [
    "Id",
    "Name",
    "Status",
    "LastModifiedDate",
    "CreationDate",
    "SchemaAttributes",
    "AliasAttributes",
    "UsernameAttributes",
    "EstimatedNumberOfUsers",
    "SmsConfigurationFailure",
    "EmailConfigurationFailure",
    "Domain",
    "CustomDomain",
    "UsernameConfiguration",
    "Arn",
];

fn has_null(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Array(items) => items.iter().any(has_null),
        Value::Object(members) => members.values().any(has_null),
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    // Inputs that are not of the form {"UserPool": {...}} are read as the pool itself, so the
    // fuzzer need not find the wrapper; the unwrapped document is tried too.
    let document = if value.get("UserPool").is_some() {
        value
    } else {
        let _ = describe::describe_to_update(&value);
        json!({ "UserPool": value })
    };
    let mapped = match describe::describe_to_update(&document) {
        Ok(mapped) => mapped,
        Err(error) => {
            assert!(!error.to_string().is_empty());
            assert!(
                !document["UserPool"].is_object(),
                "{error:?} for a Describe-shaped document"
            );
            assert_eq!(error, DescribeError::NoUserPool);
            return;
        }
    };
    let pool = document["UserPool"]
        .as_object()
        .expect("mapped from an object");
    let request = mapped.request.as_object().expect("the body is an object");
    for member in READ_ONLY {
        assert!(request.get(member).is_none(), "{member} is sent");
    }
    for (name, member) in request {
        // Renamed members are carried over as they are; every other one without its nulls.
        if name != "UserPoolId" && name != "PoolName" {
            assert!(!has_null(member), "{name} keeps a null: {member}");
        }
    }
    for note in &mapped.notes {
        // (A member may be named "", so the path may be empty.)
        assert!(!note.message.is_empty(), "{note:?}");
        if note.action == Action::Renamed {
            assert!(pool.contains_key(&note.path), "{note:?}");
        }
    }
    let checked = check_and_assert(&mapped.request, None);
    let baseline = UpdateUserPoolRequest::from_json(&mapped.request);
    if let Some(request) = &checked.request() {
        assert_eq!(Some(request), baseline.as_ref());
    }
    if baseline.is_some() {
        check_and_assert(&mapped.request, Some(&mapped.request));
    }
});
