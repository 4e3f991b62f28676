//! The form's plain-data state: pointers to paths, edits, control values, section counts.

use cognito_pool_console::diff::{changes, Change};
use cognito_pool_console::form::{
    get, input_value, path_of_pointer, set, shown, tallies, within, Tally,
};
use cognito_pool_console::schema::{self, Group};
use cognito_pool_console::validate::{check_json, Finding};
use serde_json::{json, Value};

#[test]
fn pointers_map_to_model_paths() {
    let cases = [
        ("/UserPoolId", Some("UserPoolId")),
        (
            "/Policies/PasswordPolicy/MinimumLength",
            Some("Policies.PasswordPolicy.MinimumLength"),
        ),
        (
            "/AccountRecoverySetting/RecoveryMechanisms/1/Priority",
            Some("AccountRecoverySetting.RecoveryMechanisms[].Priority"),
        ),
        ("/UserPoolTags/a~1b", Some("UserPoolTags{value}")),
        (
            "/AcrConfiguration/Level2/AcrValue",
            Some("AcrConfiguration{value}.AcrValue"),
        ),
        ("/Bogus", None),
        ("/Policies/Bogus", None),
    ];
    for (pointer, path) in cases {
        assert_eq!(path_of_pointer(pointer), path, "{pointer}");
    }
}

#[test]
fn every_finding_pointer_of_the_rule_fixtures_maps_to_its_path() {
    let mut request: Value =
        serde_json::from_str(include_str!("fixtures/maximal_request.json")).expect("fixture");
    request["VerificationMessageTemplate"]["EmailMessage"] = json!("x");
    request["Policies"]["PasswordPolicy"]["MinimumLength"] = json!(3);
    for finding in check_json(&request, None).findings {
        assert_eq!(
            path_of_pointer(&finding.pointer),
            Some(finding.path.as_str()),
            "{finding:?}"
        );
    }
}

#[test]
fn set_creates_structures_and_lists_as_the_table_nests_them() {
    let mut doc = json!({"UserPoolId": "us-east-1_A"});
    assert!(set(
        &mut doc,
        "/Policies/PasswordPolicy/MinimumLength",
        Some(json!(8))
    ));
    assert!(set(
        &mut doc,
        "/AutoVerifiedAttributes/0",
        Some(json!("email"))
    ));
    assert!(set(
        &mut doc,
        "/AccountRecoverySetting/RecoveryMechanisms/0",
        Some(json!({"Priority": 1, "Name": "verified_email"}))
    ));
    assert!(set(&mut doc, "/UserPoolTags/a~1b", Some(json!("v"))));
    assert_eq!(
        doc,
        json!({
            "UserPoolId": "us-east-1_A",
            "Policies": {"PasswordPolicy": {"MinimumLength": 8}},
            "AutoVerifiedAttributes": ["email"],
            "AccountRecoverySetting": {"RecoveryMechanisms": [{"Priority": 1, "Name": "verified_email"}]},
            "UserPoolTags": {"a/b": "v"}
        })
    );
    assert!(
        !set(
            &mut doc,
            "/Policies/PasswordPolicy/MinimumLength",
            Some(json!(8))
        ),
        "same value: no change"
    );
    assert!(set(&mut doc, "/AutoVerifiedAttributes/0", None));
    assert_eq!(doc["AutoVerifiedAttributes"], json!([]));
    assert!(
        !set(&mut doc, "/LambdaConfig/PreSignUp", None),
        "removing what is not there changes nothing"
    );
    assert!(doc.get("LambdaConfig").is_none(), "and creates nothing");
    assert_eq!(get(&doc, "/UserPoolTags/a~1b"), Some(&json!("v")));
    // The form only notifies when `set` says the document changed: a structure made on the
    // way counts, even when the value itself has no place (an item past an empty list).
    assert!(set(
        &mut doc,
        "/LambdaConfig/PreSignUp",
        Some(json!("arn:aws:lambda:us-east-1:123456789012:function:f"))
    ));
    let mut fresh = json!({});
    assert!(set(
        &mut fresh,
        "/AccountRecoverySetting/RecoveryMechanisms/2/Priority",
        Some(json!(1))
    ));
    assert_eq!(
        fresh,
        json!({"AccountRecoverySetting": {"RecoveryMechanisms": []}})
    );
}

#[test]
fn control_input_becomes_the_value_and_back_without_losing_text() {
    let field = |path: &str| schema::field(path).expect("field");
    let min = field("Policies.PasswordPolicy.MinimumLength");
    assert_eq!(input_value(min, "12"), Some(json!(12)));
    assert_eq!(input_value(min, " 12 "), Some(json!(12)));
    assert_eq!(
        input_value(min, "12a"),
        Some(json!("12a")),
        "kept as typed, reported by the validator"
    );
    assert_eq!(input_value(min, ""), None);
    let flag = field("Policies.PasswordPolicy.RequireSymbols");
    assert_eq!(input_value(flag, "false"), Some(json!(false)));
    assert_eq!(input_value(flag, ""), None);
    let name = field("PoolName");
    assert_eq!(input_value(name, " spaced "), Some(json!(" spaced ")));
    for value in [json!("text"), json!(12), json!(true)] {
        let f = match value {
            Value::Number(_) => min,
            Value::Bool(_) => flag,
            _ => name,
        };
        assert_eq!(input_value(f, &shown(Some(&value))), Some(value));
    }
    // The typed-in text survives a round trip through the document and the validator.
    let mut doc = json!({"UserPoolId": "us-east-1_A"});
    set(
        &mut doc,
        "/Policies/PasswordPolicy/MinimumLength",
        input_value(min, "12a"),
    );
    assert_eq!(
        shown(get(&doc, "/Policies/PasswordPolicy/MinimumLength")),
        "12a"
    );
    let findings = check_json(&doc, None).findings;
    assert_eq!(findings[0].rule, "R-MODEL-TYPE");
}

/// The counts of one group, as its heading shows them.
fn tally(group: Group, findings: &[Finding], changes: &[Change]) -> Tally {
    tallies(findings, changes)[group.index()]
}

#[test]
fn sections_count_their_changes_errors_and_warnings() {
    let baseline = json!({"UserPoolId": "us-east-1_A", "MfaConfiguration": "OFF"});
    let draft = json!({"UserPoolId": "us-east-1_A", "MfaConfiguration": "ON", "Policies": {"PasswordPolicy": {"MinimumLength": 3, "PasswordHistorySize": 99}}});
    let findings = check_json(&draft, None).findings;
    let list = changes(&baseline, &draft);
    assert_eq!(
        tally(Group::Policies, &findings, &list),
        Tally {
            changed: 2,
            errors: 2,
            warnings: 0
        }
    );
    assert_eq!(
        tally(Group::Mfa, &findings, &list),
        Tally {
            changed: 1,
            errors: 0,
            warnings: 2
        }
    );
    assert_eq!(tally(Group::Tags, &findings, &list), Tally::default());
    let all: usize = Group::ALL
        .iter()
        .map(|g| tally(*g, &findings, &list).errors + tally(*g, &findings, &list).warnings)
        .sum();
    assert_eq!(all, findings.len());
    let changed: usize = tallies(&findings, &list).iter().map(|t| t.changed).sum();
    assert_eq!(changed, list.len());
}

#[test]
fn each_group_knows_its_place_in_the_form_order() {
    for (place, group) in Group::ALL.iter().enumerate() {
        assert_eq!(group.index(), place, "{group:?}");
    }
}

#[test]
fn within_respects_token_boundaries() {
    assert!(within("/Policies/PasswordPolicy", "/Policies"));
    assert!(within("/Policies", "/Policies"));
    assert!(!within("/PoliciesX", "/Policies"));
}

#[test]
fn the_filter_matches_label_or_path_in_any_case() {
    let field = schema::field("Policies.PasswordPolicy.MinimumLength").expect("the field");
    for filter in [
        "",
        "  ",
        "minimumlength",
        "MINIMUMLENGTH",
        " passwordpolicy.min ",
        "Policies.",
    ] {
        assert!(
            cognito_pool_console::form::matches_filter(field, filter),
            "{filter:?}"
        );
    }
    for filter in ["maximumlength", "minimum length policy", "É"] {
        assert!(
            !cognito_pool_console::form::matches_filter(field, filter),
            "{filter:?}"
        );
    }
}
