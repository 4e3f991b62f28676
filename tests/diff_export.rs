//! The change list between a baseline and a draft, and the exports (JSON and CLI command).

use std::process::Command;

use cognito_pool_console::diff::{changes, Change};
use cognito_pool_console::export::{cli_command, compact, indent, request_json, shell_quote};
use cognito_pool_console::model::UpdateUserPoolRequest;
use cognito_pool_console::schema;
use serde_json::{json, Value};

fn maximal() -> Value {
    serde_json::from_str(include_str!("fixtures/maximal_request.json")).expect("fixture")
}

fn summary(list: &[Change]) -> Vec<(&str, &str)> {
    list.iter()
        .map(|c| (c.path.as_str(), c.pointer.as_str()))
        .collect()
}

#[test]
fn an_unchanged_draft_has_no_changes() {
    assert!(changes(&maximal(), &maximal()).is_empty());
}

#[test]
fn a_changed_scalar_is_one_change_with_old_and_new() {
    let mut draft = maximal();
    draft["Policies"]["PasswordPolicy"]["MinimumLength"] = json!(14);
    let list = changes(&maximal(), &draft);
    assert_eq!(
        list,
        [Change {
            path: "Policies.PasswordPolicy.MinimumLength".into(),
            pointer: "/Policies/PasswordPolicy/MinimumLength".into(),
            before: Some(json!(12)),
            after: Some(json!(14)),
        }]
    );
}

#[test]
fn settings_added_and_removed_are_listed_leaf_by_leaf_in_form_order() {
    let baseline = json!({"UserPoolId": "us-east-1_A", "DeletionProtection": "ACTIVE", "MfaConfiguration": "OFF"});
    let draft = json!({"UserPoolId": "us-east-1_A", "MfaConfiguration": "OFF", "LambdaConfig": {"PreSignUp": "arn:aws:lambda:us-east-1:1:function:f", "KMSKeyID": "arn:aws:kms:us-east-1:1:key/k"}});
    let list = changes(&baseline, &draft);
    assert_eq!(
        summary(&list),
        [
            ("DeletionProtection", "/DeletionProtection"),
            ("LambdaConfig.PreSignUp", "/LambdaConfig/PreSignUp"),
            ("LambdaConfig.KMSKeyID", "/LambdaConfig/KMSKeyID"),
        ]
    );
    assert_eq!(list[0].after, None);
    assert_eq!(list[1].before, None);
}

#[test]
fn a_structure_switched_on_empty_is_a_change_of_its_own() {
    let baseline = json!({"UserPoolId": "us-east-1_A"});
    let draft = json!({"UserPoolId": "us-east-1_A", "DeviceConfiguration": {}});
    let list = changes(&baseline, &draft);
    assert_eq!(
        summary(&list),
        [("DeviceConfiguration", "/DeviceConfiguration")]
    );
    assert_eq!(list[0].after, Some(json!({})));
}

#[test]
fn lists_change_as_a_whole_and_map_entries_key_by_key() {
    let mut draft = maximal();
    draft["AccountRecoverySetting"]["RecoveryMechanisms"] = json!([{"Priority": 1, "Name": "verified_phone_number"}, {"Priority": 2, "Name": "verified_email"}]);
    draft["UserPoolTags"]["team"] = json!("platform");
    draft["UserPoolTags"]["new/key"] = json!("x");
    draft["UserPoolTags"]
        .as_object_mut()
        .expect("tags")
        .remove("cost-center");
    let list = changes(&maximal(), &draft);
    assert_eq!(
        summary(&list),
        [
            ("UserPoolTags{value}", "/UserPoolTags/cost-center"),
            ("UserPoolTags{value}", "/UserPoolTags/new~1key"),
            ("UserPoolTags{value}", "/UserPoolTags/team"),
            (
                "AccountRecoverySetting.RecoveryMechanisms",
                "/AccountRecoverySetting/RecoveryMechanisms"
            ),
        ]
    );
}

#[test]
fn unknown_members_and_values_of_the_wrong_type_are_compared_whole() {
    let baseline = json!({"UserPoolId": "us-east-1_A", "Policies": "x"});
    let draft = json!({"UserPoolId": "us-east-1_A", "Policies": {"PasswordPolicy": {"MinimumLength": 8}}, "Future": 1});
    assert_eq!(
        summary(&changes(&baseline, &draft)),
        [("Policies", "/Policies"), ("Future", "/Future")]
    );
}

#[test]
fn the_json_export_is_the_request_and_reads_back_identically() {
    let text = request_json(&maximal());
    assert!(
        text.contains("\n  \"UserPoolId\": \"us-east-1_Ab12Cd34E\""),
        "{text}"
    );
    let back: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(back, maximal());
}

#[test]
fn the_cli_command_survives_a_real_shell() {
    let mut body = maximal();
    body["PoolName"] = json!("it's mine");
    body["AdminCreateUserConfig"]["InviteMessageTemplate"]["EmailSubject"] =
        json!("Don't wait: $HOME `id` \"quoted\" \\ {####}");
    let command = cli_command(&body);
    assert!(command
        .starts_with("aws cognito-idp update-user-pool --region us-east-1 --cli-input-json '"));
    // Let sh parse the command and print the argument after --cli-input-json.
    let script = format!(
        "set -- {}; shift 3; printf '%s' \"$1\"",
        command.trim_start_matches("aws cognito-idp update-user-pool")
    );
    let output = Command::new("sh")
        .arg("-c")
        .arg(&script)
        .output()
        .expect("sh runs");
    let argument = String::from_utf8(output.stdout).expect("utf-8");
    let parsed: Value = serde_json::from_str(&argument).expect("the argument is the JSON");
    assert_eq!(parsed, body);
}

#[test]
fn shell_quoting_handles_quotes() {
    assert_eq!(shell_quote("a'b"), "'a'\\''b'");
    assert_eq!(shell_quote(""), "''");
}

#[test]
fn indent_lays_out_compact_json_as_serde_json_pretty_does() {
    let tricky = json!({
        "Empty": {},
        "None": [],
        "Nested": [[], {}, [1, [2, {"a": []}]], {"b": {"c": null}}],
        "Text": "a \"quoted\" {brace}, [bracket]: colon \\ back\\\\slash \n newline \u{7f} é 😀",
        "Key, with: \"marks\"{[": -1.5e-7,
        "Numbers": [0, -12, 3.25, 18446744073709551615u64],
        "Flags": [true, false, null]
    });
    for value in [
        maximal(),
        tricky,
        json!({}),
        json!([]),
        json!("x"),
        json!(3),
    ] {
        let compact = serde_json::to_string(&value).expect("compact");
        let want = serde_json::to_string_pretty(&value).expect("pretty");
        assert_eq!(indent(&compact), want);
    }
}

#[test]
fn the_export_lists_members_in_the_model_order_like_the_typed_request() {
    // The export, built from the JSON, is the typed request's JSON, members in the form's order.
    let document = maximal();
    let typed: UpdateUserPoolRequest = serde_json::from_value(document.clone()).expect("typed");
    let text = compact(&document);
    let back: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(Some(back), serde_json::to_value(&typed).ok());
    assert_member_order(&text, schema::top_level().map(|f| f.name()));
    let lambda = schema::field("LambdaConfig").expect("LambdaConfig");
    let start = text.find("\"LambdaConfig\":").expect("LambdaConfig");
    assert_member_order(&text[start..], lambda.children().map(|f| f.name()));
    // Members the model does not know come after the known ones, in key order.
    let mut extra = json!({"Zeta": 1, "UserPoolId": "us-east-1_A", "Alpha": [{}], "PoolName": "p"});
    assert_eq!(
        compact(&extra),
        r#"{"UserPoolId":"us-east-1_A","PoolName":"p","Alpha":[{}],"Zeta":1}"#
    );
    extra["UserPoolTags"] = json!({"b": "2", "a": "1"});
    assert!(compact(&extra).contains(r#""UserPoolTags":{"a":"1","b":"2"}"#));
}

/// The members named in `order` that appear in `text` (as `"Name":`), appear in that order.
fn assert_member_order<'a>(text: &str, order: impl Iterator<Item = &'a str>) {
    let mut last = 0;
    let mut seen = 0;
    for name in order {
        if let Some(at) = text.find(&format!("\"{name}\":")) {
            assert!(at >= last, "{name} is out of order in {text}");
            last = at;
            seen += 1;
        }
    }
    assert!(seen > 1, "too few members to compare in {text}");
}
