//! Validation, table-driven over the field table: every bound at and one past its limit, every
//! enum, every pattern, every JSON type, every required and unknown member, then every
//! cross-field rule of the catalogue with cases that must and must not fire.

mod common;

use cognito_pool_console::model::UpdateUserPoolRequest;
use cognito_pool_console::pattern::Pattern;
use cognito_pool_console::schema::{self, Shape, FIELDS};
use cognito_pool_console::validate::{self, Severity, CATALOGUE};
use common::{check, paths_in, place, rules_at, sample, sample_string, POOL_ID};
use serde_json::{json, Value};

const LENGTH_RULES: &[&str] = &["R-MODEL-LEN"];
const RANGE_RULES: &[&str] = &["R-MODEL-RANGE", "R-PWD-01"];
const PATTERN_RULES: &[&str] = &["R-MODEL-PATTERN", "R-MSG-01", "R-MSG-02", "R-MSG-03"];
const ENUM_RULES: &[&str] = &["R-MODEL-ENUM", "R-LAMBDA-03"];

fn count_of(findings: &[validate::Finding], pointer: &str, rules: &[&str]) -> usize {
    rules_at(findings, pointer)
        .iter()
        .filter(|r| rules.contains(r))
        .count()
}

#[test]
fn every_string_length_bound_at_and_one_past_its_limit() {
    let mut checked = 0;
    for field in FIELDS
        .iter()
        .filter(|f| f.shape == Shape::String && f.values.is_empty())
    {
        let mut limits = Vec::new();
        if let Some(min) = field.min {
            limits.push((min as usize, true));
            if min > 0 {
                limits.push((min as usize - 1, false));
            }
        }
        if let Some(max) = field.max {
            limits.push((max as usize, true));
            limits.push((max as usize + 1, false));
        }
        for (length, ok) in limits {
            let value = if length == 0 {
                Some(String::new())
            } else {
                sample_string(field, length)
            };
            let Some(value) = value else { continue };
            assert_eq!(value.chars().count(), length);
            let (request, pointer) = place(field.path, json!(value));
            let findings = check(&request);
            let found = count_of(&findings, &pointer, LENGTH_RULES);
            assert_eq!(
                found,
                usize::from(!ok),
                "{} at length {length}: {findings:#?}",
                field.path
            );
            if ok {
                assert_eq!(
                    count_of(&findings, &pointer, PATTERN_RULES),
                    0,
                    "{} sample must match its pattern",
                    field.path
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 90, "only {checked} length checks ran");
}

#[test]
fn lengths_count_code_points_not_bytes_or_utf16_units() {
    // 140 emoji: 140 code points, 280 UTF-16 units, 560 bytes; the SMS limit is 140.
    let emoji = "😀".repeat(134);
    let (request, pointer) = place(
        "VerificationMessageTemplate.SmsMessage",
        json!(format!("{emoji}{{####}}")),
    );
    assert_eq!(count_of(&check(&request), &pointer, LENGTH_RULES), 0);
    let (request, pointer) = place(
        "VerificationMessageTemplate.SmsMessage",
        json!(format!("{emoji}x{{####}}")),
    );
    assert_eq!(count_of(&check(&request), &pointer, LENGTH_RULES), 1);
}

#[test]
fn every_integer_range_at_and_one_past_its_limit() {
    for field in FIELDS.iter().filter(|f| f.shape == Shape::Integer) {
        let (Some(min), Some(max)) = (field.min, field.max) else {
            panic!("{} has no range", field.path);
        };
        let min = min as i64;
        let max = max as i64;
        for (value, ok) in [(min, true), (max, true), (min - 1, false), (max + 1, false)] {
            let (request, pointer) = place(field.path, json!(value));
            let findings = check(&request);
            let rules: Vec<&str> = rules_at(&findings, &pointer)
                .into_iter()
                .filter(|r| RANGE_RULES.contains(r))
                .collect();
            assert_eq!(
                rules.len(),
                usize::from(!ok),
                "{} = {value}: {findings:#?}",
                field.path
            );
            if !ok {
                let expected = if field.path == "Policies.PasswordPolicy.MinimumLength" {
                    "R-PWD-01"
                } else {
                    "R-MODEL-RANGE"
                };
                assert_eq!(rules, [expected]);
            }
        }
    }
}

#[test]
fn huge_integers_are_range_errors_not_crashes() {
    let (request, pointer) = place(
        "Policies.PasswordPolicy.PasswordHistorySize",
        json!(u64::MAX),
    );
    let checked = validate::check_json(&request, None);
    assert_eq!(rules_at(&checked.findings, &pointer), ["R-MODEL-RANGE"]);
    assert!(
        checked.request().is_none(),
        "a value the model cannot hold is not faithful"
    );
}

#[test]
fn every_list_and_map_count_at_and_one_past_its_limit() {
    for field in FIELDS
        .iter()
        .filter(|f| matches!(f.shape, Shape::List | Shape::Map))
    {
        let item = if field.shape == Shape::List {
            field.child("[]")
        } else {
            field.child("{value}")
        };
        let Some(item) = item else {
            panic!("{} has no item", field.path)
        };
        let make = |n: usize| -> Value {
            if field.shape == Shape::Map {
                let entries: serde_json::Map<String, Value> = (1..=n)
                    .map(|i| (format!("Level{i}"), sample(item)))
                    .collect();
                Value::Object(entries)
            } else {
                let values: Vec<Value> = (0..n)
                    .map(|i| match item.values.get(i % item.values.len().max(1)) {
                        Some(v) => json!(v),
                        None => sample(item),
                    })
                    .collect();
                Value::Array(values)
            }
        };
        let mut limits = Vec::new();
        if let Some(min) = field.min {
            limits.push((min as usize, true));
            if min > 0 {
                limits.push((min as usize - 1, false));
            }
        }
        if let Some(max) = field.max {
            limits.push((max as usize, true));
            limits.push((max as usize + 1, false));
        }
        for (n, ok) in limits {
            let (request, pointer) = place(field.path, make(n));
            let findings = check(&request);
            assert_eq!(
                count_of(&findings, &pointer, &["R-MODEL-COUNT"]),
                usize::from(!ok),
                "{} with {n}: {findings:#?}",
                field.path
            );
        }
    }
}

#[test]
fn tags_have_no_model_bound_but_at_most_fifty() {
    let tags = |n: usize| -> Value {
        Value::Object((0..n).map(|i| (format!("k{i}"), json!("v"))).collect())
    };
    let (request, _) = place("UserPoolTags", tags(50));
    assert!(check(&request).is_empty());
    let (request, pointer) = place("UserPoolTags", tags(51));
    assert_eq!(rules_at(&check(&request), &pointer), ["R-TAG-01"]);
}

#[test]
fn every_enum_value_is_accepted_and_others_are_not() {
    for field in FIELDS.iter().filter(|f| !f.values.is_empty()) {
        for value in field.values {
            let (request, pointer) = place(field.path, json!(value));
            let findings = check(&request);
            assert_eq!(
                count_of(&findings, &pointer, ENUM_RULES),
                0,
                "{} = {value}",
                field.path
            );
        }
        // Case matters and nothing is trimmed.
        let first = field.values[0];
        for wrong in [
            first.to_lowercase(),
            format!("{first} "),
            "BOGUS".to_owned(),
        ] {
            if field.values.contains(&wrong.as_str()) {
                continue;
            }
            let (request, pointer) = place(field.path, json!(wrong));
            let checked = validate::check_json(&request, None);
            let rules = rules_at(&checked.findings, &pointer);
            let expected = if field.name() == "LambdaVersion" && field.values == ["V1_0"] {
                "R-LAMBDA-03"
            } else {
                "R-MODEL-ENUM"
            };
            assert!(
                rules.contains(&expected),
                "{} = {wrong:?}: {:#?}",
                field.path,
                checked.findings
            );
            assert!(checked.request().is_none());
        }
    }
}

#[test]
fn enum_messages_suggest_the_right_spelling() {
    let (request, pointer) = place(
        "EmailConfiguration.EmailSendingAccount",
        json!("developer "),
    );
    let findings = check(&request);
    let finding = findings
        .iter()
        .find(|f| f.pointer == pointer)
        .expect("finding");
    assert!(
        finding.message.contains("Did you mean \"DEVELOPER\""),
        "{}",
        finding.message
    );
}

#[test]
fn lambda_versions_beyond_v1_are_refused_for_senders_only() {
    let (request, pointer) = place("LambdaConfig.CustomSMSSender.LambdaVersion", json!("V2_0"));
    assert!(rules_at(&check(&request), &pointer).contains(&"R-LAMBDA-03"));
    let (request, pointer) = place(
        "LambdaConfig.PreTokenGenerationConfig.LambdaVersion",
        json!("V3_0"),
    );
    assert!(rules_at(&check(&request), &pointer).is_empty());
}

/// Values of a valid length that miss each pattern, and the rule expected.
fn bad_values(pattern: Pattern) -> Vec<&'static str> {
    match pattern {
        Pattern::UserPoolId => vec!["us-east-1", "us east 1_abc", "us-east-1_ab-c", "_abc"],
        Pattern::PoolName => vec!["pool/name", "pool:name", "pööl"],
        Pattern::Arn => vec![
            "arn:aws:lambda:us-east-1:12345678901x:function:f",
            "aws:lambda:us-east-1:123456789012:function:f",
            "arn:aws:lambda:us-east-1:123456789012:function:f:a:b:c",
            "arn:aws:lambda:us-east-1:123456789012:function:my function",
        ],
        Pattern::OptionalArn => vec!["not-an-arn-at-all-really"],
        Pattern::SmsCode => vec!["Your code is 1234", "Your code\nis {####}"],
        Pattern::SmsInvite => vec![],
        Pattern::EmailCode => vec!["Your code is {###}", "Code\u{200B} {####}"],
        Pattern::EmailLink => vec!["Click the link to verify", "Click {##here##\u{E000}"],
        Pattern::EmailInvite => vec!["Welcome\u{200B}", "Hello\u{00A0}there"],
        Pattern::EmailSubject => vec!["Subject\u{2028}", "\u{0007}bell"],
        Pattern::EmailAddress => vec!["support example.com", "support.example.com"],
        Pattern::SesConfigurationSet => vec!["my set", "set.name"],
        Pattern::QuotelessAscii => vec!["has space", "quote\"d", "back\\slash", "émoji"],
        Pattern::AcrLevelKey => vec!["Level5", "level1", "Level12"],
    }
}

#[test]
fn every_patterned_field_accepts_a_sample_and_rejects_bad_values() {
    let mut rejected = 0;
    for field in FIELDS.iter().filter(|f| f.pattern.is_some()) {
        let Some(pattern) = field.pattern else {
            continue;
        };
        let good = sample(field);
        let (request, pointer) = place(field.path, good.clone());
        let findings = check(&request);
        assert_eq!(
            count_of(&findings, &pointer, PATTERN_RULES),
            0,
            "{} = {good}: {findings:#?}",
            field.path
        );
        for bad in bad_values(pattern) {
            let (request, pointer) = place(field.path, json!(bad));
            let findings = check(&request);
            let expected = match pattern {
                Pattern::SmsCode => "R-MSG-01",
                Pattern::EmailCode => "R-MSG-02",
                Pattern::EmailLink => "R-MSG-03",
                _ => "R-MODEL-PATTERN",
            };
            assert!(
                rules_at(&findings, &pointer).contains(&expected),
                "{} = {bad:?}: {findings:#?}",
                field.path
            );
            rejected += 1;
        }
    }
    assert!(rejected > 60, "only {rejected} bad values checked");
}

#[test]
fn template_messages_say_what_is_missing() {
    let (request, pointer) = place("SmsAuthenticationMessage", json!("Your code"));
    let message = &check(&request)
        .into_iter()
        .find(|f| f.pointer == pointer)
        .expect("finding")
        .message;
    assert!(message.contains("{####}"), "{message}");
    let (request, pointer) = place(
        "VerificationMessageTemplate.EmailMessage",
        json!("Code\u{200B} {####}"),
    );
    let message = &check(&request)
        .into_iter()
        .find(|f| f.pointer == pointer)
        .expect("finding")
        .message;
    assert!(message.contains("U+200B"), "{message}");
}

#[test]
fn every_path_rejects_the_wrong_json_type_and_null() {
    for field in FIELDS {
        if field.path.ends_with("{key}") {
            continue; // keys are always strings in JSON
        }
        let wrong = match field.shape {
            Shape::String => json!(12),
            Shape::Integer => json!("12"),
            Shape::Boolean => json!("true"),
            Shape::Structure | Shape::Map => json!([]),
            Shape::List => json!("email"),
        };
        for value in [wrong, Value::Null] {
            let (request, pointer) = place(field.path, value.clone());
            let checked = validate::check_json(&request, None);
            // Exactly one model finding there (a cross-field rule may add its own view of the
            // now missing value, e.g. R-SMS-01 when the SNS role ARN is unreadable).
            let model: Vec<&str> = rules_at(&checked.findings, &pointer)
                .into_iter()
                .filter(|r| r.starts_with("R-MODEL-"))
                .collect();
            assert_eq!(
                model,
                ["R-MODEL-TYPE"],
                "{} = {value}: {:#?}",
                field.path,
                checked.findings
            );
            assert!(
                checked.request().is_none(),
                "{}: an unreadable value is not faithful",
                field.path
            );
        }
    }
}

#[test]
fn type_messages_say_how_to_fix_the_value() {
    let cases = [
        (
            "Policies.PasswordPolicy.MinimumLength",
            json!("12"),
            "Write 12 without quotes",
        ),
        (
            "Policies.PasswordPolicy.MinimumLength",
            json!(12.0),
            "without a decimal point",
        ),
        (
            "Policies.PasswordPolicy.MinimumLength",
            json!(8.5),
            "whole number",
        ),
        (
            "Policies.PasswordPolicy.MinimumLength",
            json!(true),
            "whole number",
        ),
        (
            "Policies.PasswordPolicy.RequireSymbols",
            json!("false"),
            "Write false without quotes",
        ),
        (
            "Policies.PasswordPolicy.RequireSymbols",
            json!(1),
            "true or false",
        ),
        ("AutoVerifiedAttributes", json!("email"), "[\"email\"]"),
        ("DeletionProtection", Value::Null, "Leave the member out"),
    ];
    for (path, value, hint) in cases {
        let (request, pointer) = place(path, value);
        let findings = check(&request);
        let finding = findings
            .iter()
            .find(|f| f.pointer == pointer)
            .expect("finding");
        assert_eq!(finding.rule, "R-MODEL-TYPE");
        assert!(
            finding.message.contains(hint),
            "{path}: {}",
            finding.message
        );
    }
}

#[test]
fn every_required_member_is_reported_when_missing() {
    for field in FIELDS.iter().filter(|f| f.required) {
        let request = if field.path == "UserPoolId" {
            json!({})
        } else {
            let parent = schema::field(field.parent().unwrap_or_default()).expect("parent");
            let mut whole = sample(parent);
            if let Some(members) = whole.as_object_mut() {
                members.remove(field.name());
            }
            place(parent.path, whole).0
        };
        let (_, pointer) = place(field.path, sample(field));
        let checked = validate::check_json(&request, None);
        assert_eq!(
            rules_at(&checked.findings, &pointer),
            ["R-MODEL-REQ"],
            "{}: {:#?}",
            field.path,
            checked.findings
        );
        assert!(checked.request().is_none());
    }
}

#[test]
fn unknown_members_are_reported_at_every_level_with_suggestions() {
    for field in FIELDS.iter().filter(|f| f.shape == Shape::Structure) {
        let mut value = sample(field);
        if let Some(members) = value.as_object_mut() {
            members.insert("Bogus".into(), json!(1));
        }
        let (request, pointer) = place(field.path, value);
        let unknown = format!("{pointer}/Bogus");
        assert_eq!(
            rules_at(&check(&request), &unknown),
            ["R-MODEL-UNKNOWN"],
            "{}",
            field.path
        );
    }
    let cases = [
        (
            json!({"UserPoolId": POOL_ID, "Polices": {}}),
            "/Polices",
            "Did you mean \"Policies\"",
        ),
        (
            json!({"UserPoolId": POOL_ID, "mfaConfiguration": "OFF"}),
            "/mfaConfiguration",
            "case-sensitive",
        ),
        (
            json!({"UserPoolId": POOL_ID, "Id": POOL_ID}),
            "/Id",
            "UserPoolId",
        ),
        (
            json!({"UserPoolId": POOL_ID, "SchemaAttributes": []}),
            "/SchemaAttributes",
            "creat",
        ),
        (
            json!({"UserPoolId": POOL_ID, "Policies": {"PasswordPolicy": {"MinLength": 8}}}),
            "/Policies/PasswordPolicy/MinLength",
            "MinimumLength",
        ),
    ];
    for (request, pointer, hint) in cases {
        let findings = check(&request);
        let finding = findings
            .iter()
            .find(|f| f.pointer == pointer)
            .expect("finding");
        assert_eq!(finding.rule, "R-MODEL-UNKNOWN");
        assert!(finding.message.contains(hint), "{}", finding.message);
    }
}

#[test]
fn a_request_that_is_not_an_object_is_one_type_error() {
    for value in [json!([]), json!("x"), json!(null), json!(3)] {
        let checked = validate::check_json(&value, None);
        assert_eq!(checked.findings.len(), 1);
        assert_eq!(checked.findings[0].rule, "R-MODEL-TYPE");
        assert_eq!(checked.findings[0].pointer, "");
        assert!(checked.request().is_none());
    }
}

#[test]
fn pointers_escape_map_keys() {
    let request = json!({"UserPoolId": POOL_ID, "UserPoolTags": {"a/b~c": "x".repeat(257)}});
    let findings = check(&request);
    assert_eq!(
        rules_at(&findings, "/UserPoolTags/a~1b~0c"),
        ["R-MODEL-LEN"]
    );
    assert_eq!(findings[0].path, "UserPoolTags{value}");
}

// ---------------------------------------------------------------------------------------------
// Cross-field rules.

struct Case {
    name: &'static str,
    request: Value,
    baseline: Option<Value>,
    /// (rule, severity, pointer) that must be found.
    expect: &'static [(&'static str, Severity, &'static str)],
    /// Rules that must not be found anywhere.
    absent: &'static [&'static str],
}

fn body(extra: Value) -> Value {
    let mut request = json!({ "UserPoolId": POOL_ID });
    if let (Some(target), Value::Object(extra)) = (request.as_object_mut(), extra) {
        target.extend(extra);
    }
    request
}

const E: Severity = Severity::Error;
const W: Severity = Severity::Warning;

const ARN_LAMBDA: &str = "arn:aws:lambda:us-east-1:123456789012:function:f";
const ARN_LAMBDA2: &str = "arn:aws:lambda:us-east-1:123456789012:function:g";
const ARN_KMS: &str = "arn:aws:kms:us-east-1:123456789012:key/abc";
const ARN_ROLE: &str = "arn:aws:iam::123456789012:role/sms";

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "pwd-02 non-zero",
            request: body(
                json!({"Policies": {"PasswordPolicy": {"TemporaryPasswordValidityDays": 7}}, "AdminCreateUserConfig": {"UnusedAccountValidityDays": 7}}),
            ),
            baseline: None,
            expect: &[
                (
                    "R-PWD-02",
                    E,
                    "/AdminCreateUserConfig/UnusedAccountValidityDays",
                ),
                (
                    "R-DEP-02",
                    W,
                    "/AdminCreateUserConfig/UnusedAccountValidityDays",
                ),
            ],
            absent: &[],
        },
        Case {
            name: "pwd-02 zero",
            request: body(
                json!({"Policies": {"PasswordPolicy": {"TemporaryPasswordValidityDays": 7}}, "AdminCreateUserConfig": {"UnusedAccountValidityDays": 0}}),
            ),
            baseline: None,
            expect: &[(
                "R-PWD-02",
                W,
                "/AdminCreateUserConfig/UnusedAccountValidityDays",
            )],
            absent: &[],
        },
        Case {
            name: "pwd-02 from baseline",
            request: body(json!({"AdminCreateUserConfig": {"UnusedAccountValidityDays": 3}})),
            baseline: Some(body(
                json!({"Policies": {"PasswordPolicy": {"TemporaryPasswordValidityDays": 7}}}),
            )),
            expect: &[(
                "R-PWD-02",
                E,
                "/AdminCreateUserConfig/UnusedAccountValidityDays",
            )],
            absent: &[],
        },
        Case {
            name: "pwd-02 legacy alone",
            request: body(json!({"AdminCreateUserConfig": {"UnusedAccountValidityDays": 3}})),
            baseline: None,
            expect: &[(
                "R-DEP-02",
                W,
                "/AdminCreateUserConfig/UnusedAccountValidityDays",
            )],
            absent: &["R-PWD-02"],
        },
        Case {
            name: "pwd-03",
            request: body(
                json!({"Policies": {"PasswordPolicy": {"TemporaryPasswordValidityDays": 0}}}),
            ),
            baseline: None,
            expect: &[(
                "R-PWD-03",
                W,
                "/Policies/PasswordPolicy/TemporaryPasswordValidityDays",
            )],
            absent: &[],
        },
        Case {
            name: "dep-01 without baseline",
            request: body(
                json!({"SmsVerificationMessage": "Code {####}", "EmailVerificationMessage": "Code {####}", "EmailVerificationSubject": "Code"}),
            ),
            baseline: None,
            expect: &[
                ("R-DEP-01", W, "/SmsVerificationMessage"),
                ("R-DEP-01", W, "/EmailVerificationMessage"),
                ("R-DEP-01", W, "/EmailVerificationSubject"),
            ],
            absent: &[],
        },
        Case {
            name: "dep-01 echo of the loaded value",
            request: body(json!({"SmsVerificationMessage": "Code {####}"})),
            baseline: Some(body(json!({"SmsVerificationMessage": "Code {####}"}))),
            expect: &[],
            absent: &["R-DEP-01"],
        },
        Case {
            name: "dep-01 edited",
            request: body(json!({"SmsVerificationMessage": "New code {####}"})),
            baseline: Some(body(json!({"SmsVerificationMessage": "Code {####}"}))),
            expect: &[("R-DEP-01", W, "/SmsVerificationMessage")],
            absent: &[],
        },
        Case {
            name: "signin-01",
            request: body(
                json!({"Policies": {"SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD", "SOFTWARE_TOKEN"]}}}),
            ),
            baseline: None,
            expect: &[(
                "R-SIGNIN-01",
                E,
                "/Policies/SignInPolicy/AllowedFirstAuthFactors/1",
            )],
            absent: &[],
        },
        Case {
            name: "lambda-01",
            request: body(
                json!({"LambdaConfig": {"PreTokenGeneration": ARN_LAMBDA, "PreTokenGenerationConfig": {"LambdaVersion": "V2_0", "LambdaArn": ARN_LAMBDA2}}}),
            ),
            baseline: None,
            expect: &[(
                "R-LAMBDA-01",
                E,
                "/LambdaConfig/PreTokenGenerationConfig/LambdaArn",
            )],
            absent: &["R-LAMBDA-02"],
        },
        Case {
            name: "lambda-01 equal",
            request: body(
                json!({"LambdaConfig": {"PreTokenGeneration": ARN_LAMBDA, "PreTokenGenerationConfig": {"LambdaVersion": "V2_0", "LambdaArn": ARN_LAMBDA}}}),
            ),
            baseline: None,
            expect: &[],
            absent: &["R-LAMBDA-01", "R-LAMBDA-02"],
        },
        Case {
            name: "lambda-02",
            request: body(json!({"LambdaConfig": {"PreTokenGeneration": ARN_LAMBDA}})),
            baseline: None,
            expect: &[("R-LAMBDA-02", W, "/LambdaConfig/PreTokenGeneration")],
            absent: &[],
        },
        Case {
            name: "lambda-04",
            request: body(
                json!({"LambdaConfig": {"CustomEmailSender": {"LambdaVersion": "V1_0", "LambdaArn": ARN_LAMBDA}}}),
            ),
            baseline: None,
            expect: &[("R-LAMBDA-04", E, "/LambdaConfig/KMSKeyID")],
            absent: &["R-LAMBDA-05"],
        },
        Case {
            name: "lambda-05",
            request: body(json!({"LambdaConfig": {"KMSKeyID": ARN_KMS}})),
            baseline: None,
            expect: &[("R-LAMBDA-05", W, "/LambdaConfig/KMSKeyID")],
            absent: &["R-LAMBDA-04"],
        },
        Case {
            name: "lambda-04/05 satisfied",
            request: body(
                json!({"LambdaConfig": {"KMSKeyID": ARN_KMS, "CustomSMSSender": {"LambdaVersion": "V1_0", "LambdaArn": ARN_LAMBDA}}}),
            ),
            baseline: None,
            expect: &[],
            absent: &["R-LAMBDA-04", "R-LAMBDA-05"],
        },
        Case {
            name: "lambda-07",
            request: body(
                json!({"LambdaConfig": {"DefineAuthChallenge": ARN_LAMBDA, "CreateAuthChallenge": ARN_LAMBDA}}),
            ),
            baseline: None,
            expect: &[("R-LAMBDA-07", W, "/LambdaConfig")],
            absent: &[],
        },
        Case {
            name: "lambda-07 complete",
            request: body(
                json!({"LambdaConfig": {"DefineAuthChallenge": ARN_LAMBDA, "CreateAuthChallenge": ARN_LAMBDA, "VerifyAuthChallengeResponse": ARN_LAMBDA}}),
            ),
            baseline: None,
            expect: &[],
            absent: &["R-LAMBDA-07"],
        },
        Case {
            name: "arn-02",
            request: body(
                json!({"LambdaConfig": {"PreSignUp": "arn:aws:sns:us-east-1:123456789012:topic", "KMSKeyID": ARN_LAMBDA, "CustomSMSSender": {"LambdaVersion": "V1_0", "LambdaArn": ARN_KMS}}, "KeyConfiguration": {"KeyType": "CUSTOMER_MANAGED_KEY", "KmsKeyArn": ARN_LAMBDA}}),
            ),
            baseline: None,
            expect: &[
                ("R-ARN-02", W, "/LambdaConfig/PreSignUp"),
                ("R-ARN-02", W, "/LambdaConfig/KMSKeyID"),
                ("R-ARN-02", W, "/LambdaConfig/CustomSMSSender/LambdaArn"),
                ("R-ARN-02", W, "/KeyConfiguration/KmsKeyArn"),
            ],
            absent: &[],
        },
        Case {
            name: "msg-05 without baseline",
            request: body(
                json!({"VerificationMessageTemplate": {"EmailSubject": "Hi"}, "AdminCreateUserConfig": {"InviteMessageTemplate": {"EmailSubject": "Hi", "EmailMessage": "Hi {####}"}}}),
            ),
            baseline: None,
            expect: &[
                ("R-MSG-05", W, "/VerificationMessageTemplate/EmailSubject"),
                (
                    "R-MSG-05",
                    W,
                    "/AdminCreateUserConfig/InviteMessageTemplate/EmailSubject",
                ),
                (
                    "R-MSG-05",
                    W,
                    "/AdminCreateUserConfig/InviteMessageTemplate/EmailMessage",
                ),
            ],
            absent: &[],
        },
        Case {
            name: "msg-05 developer",
            request: body(
                json!({"VerificationMessageTemplate": {"EmailSubject": "Hi"}, "EmailConfiguration": {"EmailSendingAccount": "DEVELOPER", "SourceArn": "arn:aws:ses:us-east-1:123456789012:identity/example.com"}}),
            ),
            baseline: None,
            expect: &[],
            absent: &["R-MSG-05"],
        },
        Case {
            name: "msg-05 echo",
            request: body(json!({"VerificationMessageTemplate": {"EmailSubject": "Hi"}})),
            baseline: Some(body(
                json!({"VerificationMessageTemplate": {"EmailSubject": "Hi"}}),
            )),
            expect: &[],
            absent: &["R-MSG-05"],
        },
        Case {
            name: "msg-06",
            request: body(
                json!({"AdminCreateUserConfig": {"InviteMessageTemplate": {"SMSMessage": "Welcome {username}"}}}),
            ),
            baseline: None,
            expect: &[(
                "R-MSG-06",
                W,
                "/AdminCreateUserConfig/InviteMessageTemplate/SMSMessage",
            )],
            absent: &[],
        },
        Case {
            name: "vmt-01 code",
            request: body(
                json!({"VerificationMessageTemplate": {"EmailMessage": "Code {####}", "EmailMessageByLink": "{##Go##}", "DefaultEmailOption": "CONFIRM_WITH_CODE"}}),
            ),
            baseline: None,
            expect: &[(
                "R-VMT-01",
                E,
                "/VerificationMessageTemplate/EmailMessageByLink",
            )],
            absent: &["R-VMT-02", "R-VMT-03"],
        },
        Case {
            name: "vmt-01 link",
            request: body(
                json!({"VerificationMessageTemplate": {"EmailMessage": "Code {####}", "EmailMessageByLink": "{##Go##}", "DefaultEmailOption": "CONFIRM_WITH_LINK"}}),
            ),
            baseline: None,
            expect: &[("R-VMT-01", E, "/VerificationMessageTemplate/EmailMessage")],
            absent: &["R-VMT-02"],
        },
        Case {
            name: "vmt-01 no option",
            request: body(
                json!({"VerificationMessageTemplate": {"EmailMessage": "Code {####}", "EmailMessageByLink": "{##Go##}"}}),
            ),
            baseline: None,
            expect: &[
                ("R-VMT-01", E, "/VerificationMessageTemplate/EmailMessage"),
                (
                    "R-VMT-01",
                    E,
                    "/VerificationMessageTemplate/EmailMessageByLink",
                ),
            ],
            absent: &[],
        },
        Case {
            name: "vmt-02 code message with link",
            request: body(
                json!({"VerificationMessageTemplate": {"EmailMessage": "Code {####}", "DefaultEmailOption": "CONFIRM_WITH_LINK"}}),
            ),
            baseline: None,
            expect: &[("R-VMT-02", W, "/VerificationMessageTemplate/EmailMessage")],
            absent: &["R-VMT-01"],
        },
        Case {
            name: "vmt-02 link without message",
            request: body(
                json!({"VerificationMessageTemplate": {"DefaultEmailOption": "CONFIRM_WITH_LINK"}}),
            ),
            baseline: None,
            expect: &[(
                "R-VMT-02",
                W,
                "/VerificationMessageTemplate/EmailMessageByLink",
            )],
            absent: &[],
        },
        Case {
            name: "vmt-03",
            request: body(
                json!({"VerificationMessageTemplate": {"EmailMessageByLink": "{##Go##}", "DefaultEmailOption": "CONFIRM_WITH_CODE"}}),
            ),
            baseline: None,
            expect: &[(
                "R-VMT-03",
                W,
                "/VerificationMessageTemplate/EmailMessageByLink",
            )],
            absent: &[],
        },
        Case {
            name: "vmt-04",
            request: body(
                json!({"EmailVerificationMessage": "Code {####}", "VerificationMessageTemplate": {"EmailMessageByLink": "{##Go##}", "DefaultEmailOption": "CONFIRM_WITH_LINK"}}),
            ),
            baseline: None,
            expect: &[("R-VMT-04", W, "/EmailVerificationMessage")],
            absent: &[],
        },
        Case {
            name: "vmt-05",
            request: body(
                json!({"VerificationMessageTemplate": {"EmailMessageByLink": "Use {####} now", "DefaultEmailOption": "CONFIRM_WITH_LINK"}}),
            ),
            baseline: None,
            expect: &[(
                "R-VMT-05",
                W,
                "/VerificationMessageTemplate/EmailMessageByLink",
            )],
            absent: &["R-MSG-03"],
        },
        Case {
            name: "vmt-05 with a named link",
            request: body(
                json!({"VerificationMessageTemplate": {"EmailMessageByLink": "Use {####} or {##this link##}"}}),
            ),
            baseline: None,
            expect: &[],
            absent: &["R-VMT-05"],
        },
        Case {
            name: "email-01",
            request: body(json!({"EmailConfiguration": {"EmailSendingAccount": "DEVELOPER"}})),
            baseline: None,
            expect: &[("R-EMAIL-01", E, "/EmailConfiguration/SourceArn")],
            absent: &[],
        },
        Case {
            name: "email-02 and -03",
            request: body(
                json!({"EmailConfiguration": {"EmailSendingAccount": "DEVELOPER", "SourceArn": "arn:aws:sns:eu-west-1:123456789012:identity/example.com"}}),
            ),
            baseline: None,
            expect: &[
                ("R-EMAIL-02", W, "/EmailConfiguration/SourceArn"),
                ("R-EMAIL-03", W, "/EmailConfiguration/SourceArn"),
            ],
            absent: &["R-EMAIL-01"],
        },
        Case {
            name: "email-04",
            request: body(json!({"EmailConfiguration": {"From": "Support Team"}})),
            baseline: None,
            expect: &[("R-EMAIL-04", W, "/EmailConfiguration/From")],
            absent: &[],
        },
        Case {
            name: "email-04 ok forms",
            request: body(
                json!({"EmailConfiguration": {"From": "Support Team <support@example.com>", "ReplyToEmailAddress": "a@example.com"}}),
            ),
            baseline: None,
            expect: &[],
            absent: &["R-EMAIL-04"],
        },
        Case {
            name: "sms-01 neither",
            request: body(json!({"SmsConfiguration": {"SnsCallerArn": "", "ExternalId": "x"}})),
            baseline: None,
            expect: &[("R-SMS-01", E, "/SmsConfiguration/SnsCallerArn")],
            absent: &[],
        },
        Case {
            name: "sms-01 both",
            request: body(
                json!({"SmsConfiguration": {"SnsCallerArn": ARN_ROLE, "EumsSms": {"CallerArn": ARN_ROLE}}}),
            ),
            baseline: None,
            expect: &[("R-SMS-01", E, "/SmsConfiguration/EumsSms")],
            absent: &[],
        },
        Case {
            name: "sms-02",
            request: body(json!({"SmsConfiguration": {"EumsSms": {"CallerArn": ARN_LAMBDA}}})),
            baseline: None,
            expect: &[("R-SMS-02", W, "/SmsConfiguration/EumsSms/CallerArn")],
            absent: &["R-SMS-01"],
        },
        Case {
            name: "sms-03 wrong region",
            request: json!({"UserPoolId": "ap-northeast-2_Abc", "SmsConfiguration": {"SnsCallerArn": ARN_ROLE, "SnsRegion": "ap-northeast-2"}}),
            baseline: None,
            expect: &[("R-SMS-03", E, "/SmsConfiguration/SnsRegion")],
            absent: &[],
        },
        Case {
            name: "sms-03 missing region",
            request: json!({"UserPoolId": "ap-northeast-2_Abc", "SmsConfiguration": {"SnsCallerArn": ARN_ROLE}}),
            baseline: None,
            expect: &[("R-SMS-03", W, "/SmsConfiguration/SnsRegion")],
            absent: &[],
        },
        Case {
            name: "sms-03 tokyo",
            request: json!({"UserPoolId": "ap-northeast-2_Abc", "SmsConfiguration": {"SnsCallerArn": ARN_ROLE, "SnsRegion": "ap-northeast-1"}}),
            baseline: None,
            expect: &[],
            absent: &["R-SMS-03"],
        },
        Case {
            name: "sms-04",
            request: body(
                json!({"SmsConfiguration": {"EumsSms": {"CallerArn": ARN_ROLE, "Region": "us-west-2"}}}),
            ),
            baseline: None,
            expect: &[("R-SMS-04", E, "/SmsConfiguration/EumsSms/Region")],
            absent: &[],
        },
        Case {
            name: "sms-06",
            request: body(
                json!({"SmsConfiguration": {"SnsCallerArn": ARN_ROLE, "SnsRegion": "Virginia"}}),
            ),
            baseline: None,
            expect: &[("R-SMS-06", W, "/SmsConfiguration/SnsRegion")],
            absent: &[],
        },
        Case {
            name: "mfa-01 and -03",
            request: body(json!({"MfaConfiguration": "ON"})),
            baseline: None,
            expect: &[
                ("R-MFA-01", W, "/MfaConfiguration"),
                ("R-MFA-03", W, "/MfaConfiguration"),
            ],
            absent: &[],
        },
        Case {
            name: "mfa-01 already on",
            request: body(
                json!({"MfaConfiguration": "ON", "SmsConfiguration": {"SnsCallerArn": ARN_ROLE}}),
            ),
            baseline: Some(body(json!({"MfaConfiguration": "ON"}))),
            expect: &[],
            absent: &["R-MFA-01", "R-MFA-03"],
        },
        Case {
            name: "mfa-02",
            request: body(
                json!({"MfaConfiguration": "ON", "UserPoolAddOns": {"AdvancedSecurityMode": "AUDIT"}, "UserPoolTier": "PLUS"}),
            ),
            baseline: None,
            expect: &[("R-MFA-02", W, "/MfaConfiguration")],
            absent: &["R-TIER-01"],
        },
        Case {
            name: "tier-01 essentials",
            request: body(
                json!({"UserPoolAddOns": {"AdvancedSecurityMode": "ENFORCED", "AdvancedSecurityAdditionalFlows": {"CustomAuthMode": "AUDIT"}}, "UserPoolTier": "ESSENTIALS"}),
            ),
            baseline: None,
            expect: &[
                ("R-TIER-01", E, "/UserPoolAddOns/AdvancedSecurityMode"),
                (
                    "R-TIER-01",
                    E,
                    "/UserPoolAddOns/AdvancedSecurityAdditionalFlows/CustomAuthMode",
                ),
            ],
            absent: &[],
        },
        Case {
            name: "tier-01 unknown tier",
            request: body(json!({"UserPoolAddOns": {"AdvancedSecurityMode": "AUDIT"}})),
            baseline: None,
            expect: &[("R-TIER-01", W, "/UserPoolAddOns/AdvancedSecurityMode")],
            absent: &[],
        },
        Case {
            name: "tier-01 off is fine",
            request: body(
                json!({"UserPoolAddOns": {"AdvancedSecurityMode": "OFF"}, "UserPoolTier": "LITE"}),
            ),
            baseline: None,
            expect: &[],
            absent: &["R-TIER-01"],
        },
        Case {
            name: "tier-02 and -03",
            request: body(
                json!({"UserPoolTier": "LITE", "Policies": {"SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD", "EMAIL_OTP"]}}, "AcrConfiguration": {"Level1": {"AcrValue": "low"}}, "DcrConfiguration": {"EnableStatus": "Enabled"}}),
            ),
            baseline: None,
            expect: &[
                (
                    "R-TIER-02",
                    E,
                    "/Policies/SignInPolicy/AllowedFirstAuthFactors",
                ),
                ("R-TIER-02", E, "/AcrConfiguration"),
                ("R-TIER-03", E, "/DcrConfiguration/EnableStatus"),
            ],
            absent: &[],
        },
        Case {
            name: "tier-02 password only on lite",
            request: body(
                json!({"UserPoolTier": "LITE", "Policies": {"SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD"]}}, "DcrConfiguration": {"EnableStatus": "Disabled"}}),
            ),
            baseline: None,
            expect: &[],
            absent: &["R-TIER-02", "R-TIER-03"],
        },
        Case {
            name: "tier-04",
            request: body(json!({})),
            baseline: Some(body(json!({"UserPoolTier": "PLUS"}))),
            expect: &[("R-TIER-04", W, "/UserPoolTier")],
            absent: &[],
        },
        Case {
            name: "tier-04 kept",
            request: body(json!({"UserPoolTier": "PLUS"})),
            baseline: Some(body(json!({"UserPoolTier": "PLUS"}))),
            expect: &[],
            absent: &["R-TIER-04"],
        },
        Case {
            name: "asf-01",
            request: body(
                json!({"UserPoolAddOns": {"AdvancedSecurityMode": "OFF", "AdvancedSecurityAdditionalFlows": {"CustomAuthMode": "ENFORCED"}}, "UserPoolTier": "PLUS"}),
            ),
            baseline: None,
            expect: &[(
                "R-ASF-01",
                W,
                "/UserPoolAddOns/AdvancedSecurityAdditionalFlows/CustomAuthMode",
            )],
            absent: &[],
        },
        Case {
            name: "dcr-01 and -05",
            request: body(json!({"DcrConfiguration": {"AuthenticatedGrantTypes": []}})),
            baseline: None,
            expect: &[
                ("R-DCR-01", W, "/DcrConfiguration/EnableStatus"),
                ("R-DCR-05", W, "/DcrConfiguration/AuthenticatedGrantTypes"),
            ],
            absent: &[],
        },
        Case {
            name: "dcr-02, -03, -04",
            request: body(
                json!({"DcrConfiguration": {"EnableStatus": "Enabled", "AuthenticatedGrantTypes": ["implicit"], "OpenDcrGrantTypes": ["code", "client_credentials"], "AllowedScopes": ["openid", "aws.cognito/dcr/register"]}}),
            ),
            baseline: None,
            expect: &[
                ("R-DCR-02", W, "/DcrConfiguration/AuthenticatedGrantTypes/0"),
                ("R-DCR-03", W, "/DcrConfiguration/OpenDcrGrantTypes/1"),
                ("R-DCR-04", W, "/DcrConfiguration/AllowedScopes/1"),
            ],
            absent: &["R-DCR-01", "R-DCR-05"],
        },
        Case {
            name: "acr-02 custom clash",
            request: body(
                json!({"AcrConfiguration": {"Level1": {"AcrValue": "same"}, "Level2": {"AcrValue": "same"}}}),
            ),
            baseline: None,
            expect: &[
                ("R-ACR-02", E, "/AcrConfiguration/Level1/AcrValue"),
                ("R-ACR-02", E, "/AcrConfiguration/Level2/AcrValue"),
            ],
            absent: &[],
        },
        Case {
            name: "acr-02 default clash",
            request: body(
                json!({"AcrConfiguration": {"Level1": {"AcrValue": "urn:cognito:loa:3"}}}),
            ),
            baseline: None,
            expect: &[("R-ACR-02", E, "/AcrConfiguration/Level1/AcrValue")],
            absent: &[],
        },
        Case {
            name: "acr-02 defaults echoed",
            request: body(
                json!({"AcrConfiguration": {"Level1": {"AcrValue": "urn:cognito:loa:1"}, "Level2": {"AcrValue": "urn:cognito:loa:2"}, "Level3": {"AcrValue": "urn:cognito:loa:3"}, "Level4": {"AcrValue": "urn:cognito:loa:4"}}}),
            ),
            baseline: None,
            expect: &[],
            absent: &["R-ACR-02"],
        },
        Case {
            name: "key-01 missing arn",
            request: body(json!({"KeyConfiguration": {"KeyType": "CUSTOMER_MANAGED_KEY"}})),
            baseline: None,
            expect: &[("R-KEY-01", W, "/KeyConfiguration/KmsKeyArn")],
            absent: &[],
        },
        Case {
            name: "key-01 arn with aws key",
            request: body(
                json!({"KeyConfiguration": {"KeyType": "AWS_OWNED_KEY", "KmsKeyArn": ARN_KMS}}),
            ),
            baseline: None,
            expect: &[("R-KEY-01", W, "/KeyConfiguration/KmsKeyArn")],
            absent: &[],
        },
        Case {
            name: "key-02",
            request: body(
                json!({"KeyConfiguration": {"KeyType": "AWS_OWNED_KEY"}, "IssuerConfiguration": {"Type": "UPDATED"}}),
            ),
            baseline: Some(body(
                json!({"KeyConfiguration": {"KeyType": "CUSTOMER_MANAGED_KEY", "KmsKeyArn": ARN_KMS}, "IssuerConfiguration": {"Type": "ORIGINAL"}}),
            )),
            expect: &[
                ("R-KEY-02", W, "/KeyConfiguration"),
                ("R-KEY-02", W, "/IssuerConfiguration"),
            ],
            absent: &[],
        },
        Case {
            name: "key-02 unchanged",
            request: body(json!({"IssuerConfiguration": {"Type": "ORIGINAL"}})),
            baseline: Some(body(json!({"IssuerConfiguration": {"Type": "ORIGINAL"}}))),
            expect: &[],
            absent: &["R-KEY-02"],
        },
        Case {
            name: "rec-01, -02",
            request: body(
                json!({"AccountRecoverySetting": {"RecoveryMechanisms": [{"Priority": 1, "Name": "verified_email"}, {"Priority": 1, "Name": "verified_email"}]}}),
            ),
            baseline: None,
            expect: &[
                ("R-REC-01", E, "/AccountRecoverySetting/RecoveryMechanisms"),
                ("R-REC-02", E, "/AccountRecoverySetting/RecoveryMechanisms"),
            ],
            absent: &[],
        },
        Case {
            name: "rec-03",
            request: body(
                json!({"AccountRecoverySetting": {"RecoveryMechanisms": [{"Priority": 1, "Name": "admin_only"}, {"Priority": 2, "Name": "verified_email"}]}}),
            ),
            baseline: None,
            expect: &[("R-REC-03", E, "/AccountRecoverySetting/RecoveryMechanisms")],
            absent: &["R-REC-01", "R-REC-02"],
        },
        Case {
            name: "rec-04",
            request: body(
                json!({"AccountRecoverySetting": {"RecoveryMechanisms": [{"Priority": 2, "Name": "verified_email"}]}}),
            ),
            baseline: None,
            expect: &[(
                "R-REC-04",
                W,
                "/AccountRecoverySetting/RecoveryMechanisms/0/Priority",
            )],
            absent: &[],
        },
        Case {
            name: "rec-05",
            request: body(
                json!({"MfaConfiguration": "OPTIONAL", "SmsConfiguration": {"SnsCallerArn": ARN_ROLE}, "AccountRecoverySetting": {"RecoveryMechanisms": [{"Priority": 1, "Name": "verified_phone_number"}]}}),
            ),
            baseline: None,
            expect: &[("R-REC-05", W, "/AccountRecoverySetting/RecoveryMechanisms")],
            absent: &[],
        },
        Case {
            name: "rec-06",
            request: body(json!({"AccountRecoverySetting": {}})),
            baseline: None,
            expect: &[("R-REC-06", W, "/AccountRecoverySetting")],
            absent: &[],
        },
        Case {
            name: "dev-01 empty",
            request: body(json!({"DeviceConfiguration": {}})),
            baseline: None,
            expect: &[("R-DEV-01", W, "/DeviceConfiguration")],
            absent: &[],
        },
        Case {
            name: "dev-01 newly sent",
            request: body(json!({"DeviceConfiguration": {"ChallengeRequiredOnNewDevice": true}})),
            baseline: Some(body(json!({}))),
            expect: &[("R-DEV-01", W, "/DeviceConfiguration")],
            absent: &[],
        },
        Case {
            name: "dev-01 kept",
            request: body(json!({"DeviceConfiguration": {"ChallengeRequiredOnNewDevice": true}})),
            baseline: Some(body(
                json!({"DeviceConfiguration": {"ChallengeRequiredOnNewDevice": false}}),
            )),
            expect: &[],
            absent: &["R-DEV-01"],
        },
        Case {
            name: "list-01",
            request: body(
                json!({"AutoVerifiedAttributes": ["email", "email"], "UserAttributeUpdateSettings": {"AttributesRequireVerificationBeforeUpdate": ["phone_number", "phone_number"]}, "Policies": {"SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD", "PASSWORD"]}}, "DcrConfiguration": {"EnableStatus": "Enabled", "AuthenticatedGrantTypes": ["code", "code"], "OpenDcrGrantTypes": ["code", "code"], "AllowedScopes": ["a", "a"]}}),
            ),
            baseline: None,
            expect: &[
                ("R-LIST-01", W, "/AutoVerifiedAttributes"),
                (
                    "R-LIST-01",
                    W,
                    "/UserAttributeUpdateSettings/AttributesRequireVerificationBeforeUpdate",
                ),
                (
                    "R-LIST-01",
                    W,
                    "/Policies/SignInPolicy/AllowedFirstAuthFactors",
                ),
                ("R-LIST-01", W, "/DcrConfiguration/AuthenticatedGrantTypes"),
                ("R-LIST-01", W, "/DcrConfiguration/OpenDcrGrantTypes"),
                ("R-LIST-01", W, "/DcrConfiguration/AllowedScopes"),
            ],
            absent: &[],
        },
        Case {
            name: "id-02",
            request: json!({"UserPoolId": "mypool_Abc123"}),
            baseline: None,
            expect: &[("R-ID-02", W, "/UserPoolId")],
            absent: &[],
        },
        Case {
            name: "id-02 region prefix",
            request: json!({"UserPoolId": "us-gov-west-1_Abc123"}),
            baseline: None,
            expect: &[],
            absent: &["R-ID-02"],
        },
    ]
}

#[test]
fn every_cross_field_rule_fires_where_it_should_and_only_there() {
    for case in cases() {
        let baseline = case.baseline.as_ref().map(|b| {
            assert!(validate::reads_exactly(b), "{}: baseline", case.name);
            serde_json::from_value::<UpdateUserPoolRequest>(b.clone())
                .unwrap_or_else(|e| panic!("{}: baseline: {e}", case.name))
        });
        let checked = validate::check_json(&case.request, case.baseline.as_ref());
        for (rule, severity, pointer) in case.expect {
            assert!(
                checked
                    .findings
                    .iter()
                    .any(|f| f.rule == *rule && f.severity == *severity && f.pointer == *pointer),
                "{}: expected {rule} ({severity}) at {pointer}, got {:#?}",
                case.name,
                checked.findings
            );
        }
        for rule in case.absent {
            assert!(
                !checked.findings.iter().any(|f| f.rule == *rule),
                "{}: {rule} must not fire: {:#?}",
                case.name,
                checked.findings
            );
        }
        // Every finding names an existing model path, and its severity is the catalogue's
        // (R-PWD-02, R-SMS-03 and R-TIER-01 have a milder form, documented in rules.md).
        for finding in &checked.findings {
            let top = finding
                .path
                .split(['.', '[', '{'])
                .next()
                .unwrap_or_default();
            assert!(schema::field(top).is_some(), "{}: {finding:?}", case.name);
            let info = CATALOGUE
                .iter()
                .find(|r| r.id == finding.rule)
                .expect("rule in catalogue");
            let milder = matches!(finding.rule, "R-PWD-02" | "R-SMS-03" | "R-TIER-01");
            assert!(
                info.severity == Some(finding.severity) || milder,
                "{}: {finding:?}",
                case.name
            );
        }
        // The typed path reports the same as the JSON path.
        if let Some(request) = &checked.request() {
            assert_eq!(
                validate::check_request(request, baseline.as_ref()),
                checked.findings,
                "{}",
                case.name
            );
        }
    }
}

#[test]
fn every_checkable_rule_of_the_catalogue_is_exercised() {
    let mut seen: Vec<&str> = cases()
        .iter()
        .flat_map(|c| c.expect.iter().map(|(r, _, _)| *r))
        .collect();
    // The generic rules are exercised by the table-driven tests above.
    seen.extend([
        "R-MODEL-REQ",
        "R-MODEL-UNKNOWN",
        "R-MODEL-TYPE",
        "R-MODEL-LEN",
        "R-MODEL-RANGE",
        "R-MODEL-COUNT",
        "R-MODEL-ENUM",
        "R-MODEL-PATTERN",
        "R-PWD-01",
        "R-LAMBDA-03",
        "R-MSG-01",
        "R-MSG-02",
        "R-MSG-03",
        "R-TAG-01",
    ]);
    let missing: Vec<&str> = CATALOGUE
        .iter()
        .filter(|r| r.severity.is_some() && !seen.contains(&r.id))
        .map(|r| r.id)
        .collect();
    assert!(missing.is_empty(), "rules without a case: {missing:?}");
    assert_eq!(CATALOGUE.len(), 68);
    assert_eq!(
        CATALOGUE
            .iter()
            .filter(|r| r.severity == Some(Severity::Error))
            .count(),
        30
    );
    assert_eq!(
        CATALOGUE
            .iter()
            .filter(|r| r.severity == Some(Severity::Warning))
            .count(),
        36
    );
}

// ---------------------------------------------------------------------------------------------
// Whole requests.

fn maximal() -> Value {
    serde_json::from_str(include_str!("fixtures/maximal_request.json")).expect("fixture")
}

#[test]
fn a_minimal_request_has_no_findings() {
    let checked = validate::check_json(&json!({"UserPoolId": POOL_ID}), None);
    assert!(checked.findings.is_empty(), "{:#?}", checked.findings);
    assert_eq!(
        checked.request().map(|r| r.user_pool_id),
        Some(POOL_ID.to_owned())
    );
}

#[test]
fn the_maximal_request_has_no_errors_and_only_the_expected_warnings() {
    let request = maximal();
    let paths = paths_in(&request);
    assert_eq!(paths.len(), 114, "all paths but the code email body");
    let checked = validate::check_json(&request, None);
    let mut got: Vec<(&str, &str)> = checked
        .findings
        .iter()
        .map(|f| (f.rule, f.pointer.as_str()))
        .collect();
    got.sort();
    let mut expected = vec![
        ("R-DEP-01", "/EmailVerificationMessage"),
        ("R-DEP-01", "/EmailVerificationSubject"),
        ("R-DEP-01", "/SmsVerificationMessage"),
        (
            "R-DEP-02",
            "/AdminCreateUserConfig/UnusedAccountValidityDays",
        ),
        (
            "R-PWD-02",
            "/AdminCreateUserConfig/UnusedAccountValidityDays",
        ),
        ("R-REC-05", "/AccountRecoverySetting/RecoveryMechanisms"),
        ("R-VMT-04", "/EmailVerificationMessage"),
    ];
    expected.sort();
    assert_eq!(got, expected, "{:#?}", checked.findings);
    assert!(!validate::has_errors(&checked.findings));
    assert!(checked.request().is_some());
}

#[test]
fn all_115_paths_at_once_conflict_only_on_the_two_email_bodies() {
    let mut request = maximal();
    request["VerificationMessageTemplate"]["EmailMessage"] = json!("Your code is {####}");
    assert_eq!(paths_in(&request).len(), 115);
    let findings = check(&request);
    let errors: Vec<(&str, &str)> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.rule, f.pointer.as_str()))
        .collect();
    assert_eq!(
        errors,
        [("R-VMT-01", "/VerificationMessageTemplate/EmailMessage")]
    );
}

#[test]
fn round_trips_are_lossless() {
    let mut request = maximal();
    request["VerificationMessageTemplate"]["EmailMessage"] = json!("Your code is {####}");
    let typed: UpdateUserPoolRequest = serde_json::from_value(request.clone()).expect("typed");
    let back = serde_json::to_value(&typed).expect("json");
    assert_eq!(back, request);
    let again: UpdateUserPoolRequest = serde_json::from_value(back).expect("typed again");
    assert_eq!(again, typed);
}

#[test]
fn absent_values_are_omitted_never_null() {
    let typed: UpdateUserPoolRequest = serde_json::from_value(json!({
        "UserPoolId": POOL_ID,
        "Policies": {"PasswordPolicy": {"MinimumLength": 8}},
        "UserPoolAddOns": {"AdvancedSecurityMode": "OFF"}
    }))
    .expect("typed");
    let text = serde_json::to_string(&typed).expect("json");
    assert!(!text.contains("null"), "{text}");
    assert_eq!(
        text,
        r#"{"UserPoolId":"us-east-1_Ab12Cd34E","Policies":{"PasswordPolicy":{"MinimumLength":8}},"UserPoolAddOns":{"AdvancedSecurityMode":"OFF"}}"#
    );
}

#[test]
fn the_wire_names_of_the_irregular_members_are_exact() {
    let typed: UpdateUserPoolRequest = serde_json::from_value(maximal()).expect("typed");
    let text = serde_json::to_string(&typed).expect("json");
    for name in [
        "\"KMSKeyID\"",
        "\"CustomSMSSender\"",
        "\"SMSMessage\"",
        "\"EumsSms\"",
        "\"Type\"",
        "\"AcrValue\"",
        "\"OpenDcrEnabled\"",
        "\"InEntityId\"",
    ] {
        assert!(text.contains(name), "{name} missing from {text}");
    }
}

#[test]
fn a_readable_part_is_still_checked_when_another_part_has_type_errors() {
    // The MinimumLength string is unreadable; the recovery duplicates are still found.
    let request = body(json!({
        "Policies": {"PasswordPolicy": {"MinimumLength": "8"}},
        "AccountRecoverySetting": {"RecoveryMechanisms": [{"Priority": 1, "Name": "verified_email"}, {"Priority": 1, "Name": "verified_phone_number"}]}
    }));
    let checked = validate::check_json(&request, None);
    assert!(checked.request().is_none());
    let rules: Vec<&str> = checked.findings.iter().map(|f| f.rule).collect();
    assert!(
        rules.contains(&"R-MODEL-TYPE") && rules.contains(&"R-REC-01"),
        "{rules:?}"
    );
}

#[test]
fn the_typed_model_reads_only_exact_requests() {
    let read = |value: Value| serde_json::from_value::<UpdateUserPoolRequest>(value).is_ok();
    assert!(read(json!({"UserPoolId": POOL_ID})));
    assert!(!read(json!({})), "UserPoolId is required");
    assert!(
        !read(json!({"UserPoolId": POOL_ID, "Bogus": 1})),
        "unknown member"
    );
    assert!(
        !read(json!({"UserPoolId": POOL_ID, "Policies": {"PasswordPolicy": {"MinLength": 8}}})),
        "nested unknown member"
    );
    assert!(
        !read(json!({"UserPoolId": POOL_ID, "MfaConfiguration": "on"})),
        "unknown enum value"
    );
    assert!(
        !read(json!({"UserPoolId": POOL_ID, "UserPoolAddOns": {}})),
        "missing required member"
    );
    assert!(
        !read(
            json!({"UserPoolId": POOL_ID, "Policies": {"PasswordPolicy": {"MinimumLength": "8"}}})
        ),
        "wrong type"
    );
    assert!(
        !read(json!({"UserPoolId": POOL_ID, "UserPoolTags": {"a": 1}})),
        "wrong map value type"
    );
    let error = serde_json::from_value::<UpdateUserPoolRequest>(json!({"UserPoolId": 1}))
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(error.contains("UpdateUserPoolRequest"), "{error}");
}
