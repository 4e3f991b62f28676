//! Golden tests for the `DescribeUserPool` -> `UpdateUserPool` mapping (`src/describe.rs`).
//!
//! Fixtures live in `tests/fixtures/describe/`:
//! - `aws_*.json`: hand-written outputs shaped like the real service's wire form (Jackson-style
//!   epoch-second timestamps such as `1.700574875743E9`, the standard `SchemaAttributes`, `Arn`,
//!   `Domain`, `UsernameConfiguration`, ...). `go_sdk_marshal_nulls.json` is what `json.Marshal`
//!   of the Go SDK's output struct looks like (nulls everywhere, RFC 3339 times, an extra
//!   top-level `ResultMetadata`).
//! - `moto_*.json`: raw response bodies of moto 5.2.5, written by `tests/tools/gen_describe_fixtures.py`.
//!
//! Each has a `*.expected.json` golden: the exact update body. The goldens were produced by an
//! independent Python implementation of `describe_to_update.md` (same script) and reviewed by
//! hand, member by member, against that document.
//!
//! For each fixture the test checks the body, the notes (what was renamed, dropped, not
//! understood), and the findings of `check_json` on the body: once without a baseline (what
//! `check-request` prints) and once with the body itself as the baseline (the console right after
//! loading the pool, before any edit).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use cognito_pool_console::describe::{self, Action, DescribeError};
use cognito_pool_console::validate::{self, Severity};
use serde_json::{json, Value};

const E: Severity = Severity::Error;
const W: Severity = Severity::Warning;

/// A finding as the tests compare it: rule, JSON pointer, severity.
type Expected = (&'static str, &'static str, Severity);

struct Case {
    /// File stem in `tests/fixtures/describe/`.
    name: &'static str,
    /// Describe-side paths the mapping must report as dropped (every fixture also renames `Id`
    /// and `Name`, which is checked for all).
    dropped: &'static [&'static str],
    /// Describe-side paths the mapping must report as unknown (and keep).
    unknown: &'static [&'static str],
    /// Findings of `check_json(body, None)`.
    findings: &'static [Expected],
    /// Findings of `check_json(body, Some(body))`; `None` when the body cannot be read as a
    /// typed request (unknown members), so there is no baseline.
    loaded: Option<&'static [Expected]>,
}

const DATES: [&str; 2] = ["CreationDate", "LastModifiedDate"];

/// The legacy message members a pool echoes back (R-DEP-01 without a baseline).
const LEGACY_MESSAGES: [Expected; 3] = [
    ("R-DEP-01", "/SmsVerificationMessage", W),
    ("R-DEP-01", "/EmailVerificationMessage", W),
    ("R-DEP-01", "/EmailVerificationSubject", W),
];

/// The default template texts that moto (and, per open question Q1, possibly Cognito) returns
/// for a pool that sends email with COGNITO_DEFAULT (R-MSG-05 without a baseline).
const DEFAULT_EMAIL_TEXTS: [Expected; 4] = [
    ("R-MSG-05", "/VerificationMessageTemplate/EmailMessage", W),
    ("R-MSG-05", "/VerificationMessageTemplate/EmailSubject", W),
    (
        "R-MSG-05",
        "/AdminCreateUserConfig/InviteMessageTemplate/EmailMessage",
        W,
    ),
    (
        "R-MSG-05",
        "/AdminCreateUserConfig/InviteMessageTemplate/EmailSubject",
        W,
    ),
];

const REC_05: Expected = ("R-REC-05", "/AccountRecoverySetting/RecoveryMechanisms", W);

/// What moto returns for every default pool, without a baseline.
const MOTO_DEFAULTS: [Expected; 7] = [
    LEGACY_MESSAGES[0],
    LEGACY_MESSAGES[1],
    LEGACY_MESSAGES[2],
    DEFAULT_EMAIL_TEXTS[0],
    DEFAULT_EMAIL_TEXTS[1],
    DEFAULT_EMAIL_TEXTS[2],
    DEFAULT_EMAIL_TEXTS[3],
];

const P3: &str = "AdminCreateUserConfig.UnusedAccountValidityDays";

static CASES: &[Case] = &[
    Case {
        // A production Essentials pool: every trigger kind, custom SES email, SNS SMS, tags,
        // recovery by email then phone, optional MFA, device remembering, hosted and custom
        // domain, both validity settings (P3).
        name: "aws_essentials_production",
        dropped: &[
            "Arn",
            DATES[0],
            "CustomDomain",
            "Domain",
            "EstimatedNumberOfUsers",
            DATES[1],
            "SchemaAttributes",
            "UsernameAttributes",
            "UsernameConfiguration",
            P3,
        ],
        unknown: &[],
        findings: &[
            LEGACY_MESSAGES[0],
            LEGACY_MESSAGES[1],
            LEGACY_MESSAGES[2],
            REC_05,
        ],
        // Echoing the loaded legacy messages is not an edit; SMS recovery next to SMS MFA is.
        loaded: Some(&[REC_05]),
    },
    Case {
        name: "aws_lite",
        dropped: &[
            "AliasAttributes",
            "Arn",
            DATES[0],
            "EstimatedNumberOfUsers",
            DATES[1],
            "SchemaAttributes",
            "UsernameConfiguration",
            P3,
        ],
        unknown: &[],
        findings: &[],
        loaded: Some(&[]),
    },
    Case {
        // Plus: threat protection ENFORCED for standard and custom authentication, the three
        // challenge triggers, a custom email sender with its KMS key, passkeys.
        name: "aws_plus_threat_protection",
        dropped: &[
            "Arn",
            DATES[0],
            "Domain",
            "EstimatedNumberOfUsers",
            DATES[1],
            "SchemaAttributes",
            "UsernameAttributes",
            "UsernameConfiguration",
            P3,
        ],
        unknown: &[],
        findings: &[],
        loaded: Some(&[]),
    },
    Case {
        // P3 with different values (14 vs 30): the temporary password validity wins.
        name: "aws_p3_both_validity",
        dropped: &[
            "Arn",
            DATES[0],
            "EstimatedNumberOfUsers",
            DATES[1],
            "SchemaAttributes",
            P3,
        ],
        unknown: &[],
        findings: &[],
        loaded: Some(&[]),
    },
    Case {
        // The opposite of P3: an old pool that only has the legacy setting keeps it.
        name: "aws_legacy_unused_validity",
        dropped: &[
            "Arn",
            DATES[0],
            "EstimatedNumberOfUsers",
            DATES[1],
            "SchemaAttributes",
        ],
        unknown: &[],
        findings: &[(
            "R-DEP-02",
            "/AdminCreateUserConfig/UnusedAccountValidityDays",
            W,
        )],
        loaded: Some(&[(
            "R-DEP-02",
            "/AdminCreateUserConfig/UnusedAccountValidityDays",
            W,
        )]),
    },
    Case {
        // RecoveryMechanisms: [] cannot be sent (min 1); leaving the setting out keeps the
        // legacy behaviour.
        name: "aws_empty_recovery",
        dropped: &[
            "AccountRecoverySetting",
            "Arn",
            DATES[0],
            "EstimatedNumberOfUsers",
            DATES[1],
            "SchemaAttributes",
        ],
        unknown: &[],
        findings: &[],
        loaded: Some(&[]),
    },
    Case {
        // P8: DeviceConfiguration: {} sent back would switch device remembering on.
        name: "aws_empty_device_configuration",
        dropped: &[
            "Arn",
            DATES[0],
            "DeviceConfiguration",
            "EstimatedNumberOfUsers",
            DATES[1],
            "SchemaAttributes",
            "UsernameAttributes",
            "UsernameConfiguration",
        ],
        unknown: &[],
        findings: &[],
        loaded: Some(&[]),
    },
    Case {
        // End User Messaging SMS instead of SNS (P10), with India DLT ids, in the pool Region.
        name: "aws_eums_sms",
        dropped: &[
            "Arn",
            DATES[0],
            "EstimatedNumberOfUsers",
            DATES[1],
            "SchemaAttributes",
            "UsernameAttributes",
            "UsernameConfiguration",
            P3,
        ],
        unknown: &[],
        findings: &[],
        loaded: Some(&[]),
    },
    Case {
        // DCR, customer-managed key, updated issuer, ACR names with the defaults merged in (P6).
        name: "aws_registration_key_issuer_acr",
        dropped: &[
            "Arn",
            DATES[0],
            "Domain",
            "EstimatedNumberOfUsers",
            DATES[1],
            "SchemaAttributes",
            "UsernameAttributes",
            "UsernameConfiguration",
        ],
        unknown: &[],
        findings: &[],
        loaded: Some(&[]),
    },
    Case {
        // Seoul sends SMS through SNS in Tokyo (R-SMS-03 satisfied); SmsConfigurationFailure is
        // read-only.
        name: "aws_seoul",
        dropped: &[
            "Arn",
            DATES[0],
            "EstimatedNumberOfUsers",
            DATES[1],
            "SchemaAttributes",
            "SmsConfigurationFailure",
            "UsernameAttributes",
            "UsernameConfiguration",
            P3,
        ],
        unknown: &[],
        findings: &[REC_05],
        loaded: Some(&[REC_05]),
    },
    Case {
        name: "aws_minimal",
        dropped: &["Arn", DATES[0], DATES[1]],
        unknown: &[],
        findings: &[],
        loaded: Some(&[]),
    },
    Case {
        // Members this console does not know, at the top level, inside a structure and inside a
        // list item: kept in the body and reported, never silently dropped.
        name: "aws_unknown_members",
        dropped: &[
            "Arn",
            DATES[0],
            "EstimatedNumberOfUsers",
            DATES[1],
            "SchemaAttributes",
        ],
        unknown: &[
            "AccountRecoverySetting.RecoveryMechanisms[].Channel",
            "Policies.PasswordPolicy.MaximumLength",
            "SessionPolicy",
        ],
        findings: &[
            (
                "R-MODEL-UNKNOWN",
                "/Policies/PasswordPolicy/MaximumLength",
                E,
            ),
            (
                "R-MODEL-UNKNOWN",
                "/AccountRecoverySetting/RecoveryMechanisms/0/Channel",
                E,
            ),
            ("R-MODEL-UNKNOWN", "/SessionPolicy", E),
        ],
        loaded: None,
    },
    Case {
        // Open question Q1 (rules.md): a pool created in the AWS console returns the default
        // code *and* link templates. R-VMT-01 is an error by the documentation, so an unmodified
        // round trip of such a pool is blocked until the admin clears the link template. This
        // fixture pins that behaviour; see the report on Q1.
        name: "aws_q1_default_templates",
        dropped: &[
            "Arn",
            DATES[0],
            "EstimatedNumberOfUsers",
            DATES[1],
            "SchemaAttributes",
            "UsernameAttributes",
            "UsernameConfiguration",
            P3,
        ],
        unknown: &[],
        findings: &[
            LEGACY_MESSAGES[0],
            LEGACY_MESSAGES[1],
            LEGACY_MESSAGES[2],
            DEFAULT_EMAIL_TEXTS[0],
            DEFAULT_EMAIL_TEXTS[1],
            (
                "R-MSG-05",
                "/VerificationMessageTemplate/EmailMessageByLink",
                W,
            ),
            (
                "R-MSG-05",
                "/VerificationMessageTemplate/EmailSubjectByLink",
                W,
            ),
            DEFAULT_EMAIL_TEXTS[2],
            DEFAULT_EMAIL_TEXTS[3],
            (
                "R-VMT-01",
                "/VerificationMessageTemplate/EmailMessageByLink",
                E,
            ),
        ],
        loaded: Some(&[(
            "R-VMT-01",
            "/VerificationMessageTemplate/EmailMessageByLink",
            E,
        )]),
    },
    Case {
        // Go SDK json.Marshal: every unset member is null (dropped, each with a note), times
        // are RFC 3339 strings, Status is "" (read-only anyway).
        name: "go_sdk_marshal_nulls",
        dropped: &[
            "AdminCreateUserConfig.InviteMessageTemplate",
            "AliasAttributes",
            "Arn",
            DATES[0],
            "CustomDomain",
            "DeviceConfiguration",
            "Domain",
            "EmailConfiguration.ConfigurationSet",
            "EmailConfiguration.From",
            "EmailConfiguration.ReplyToEmailAddress",
            "EmailConfiguration.SourceArn",
            "EmailConfigurationFailure",
            "EmailVerificationMessage",
            "EmailVerificationSubject",
            "EstimatedNumberOfUsers",
            "LambdaConfig.CreateAuthChallenge",
            "LambdaConfig.CustomEmailSender",
            "LambdaConfig.CustomMessage",
            "LambdaConfig.CustomSMSSender",
            "LambdaConfig.DefineAuthChallenge",
            "LambdaConfig.KMSKeyID",
            "LambdaConfig.PostAuthentication",
            "LambdaConfig.PostConfirmation",
            "LambdaConfig.PreAuthentication",
            "LambdaConfig.PreTokenGeneration",
            "LambdaConfig.PreTokenGenerationConfig",
            "LambdaConfig.UserMigration",
            "LambdaConfig.VerifyAuthChallengeResponse",
            DATES[1],
            "Policies.PasswordPolicy.PasswordHistorySize",
            "Policies.SignInPolicy",
            "SchemaAttributes",
            "SmsAuthenticationMessage",
            "SmsConfiguration",
            "SmsConfigurationFailure",
            "SmsVerificationMessage",
            "Status",
            "UserPoolAddOns",
            "UsernameAttributes",
            "UsernameConfiguration",
            "VerificationMessageTemplate.EmailMessage",
            "VerificationMessageTemplate.EmailMessageByLink",
            "VerificationMessageTemplate.EmailSubject",
            "VerificationMessageTemplate.EmailSubjectByLink",
            "VerificationMessageTemplate.SmsMessage",
            P3,
        ],
        unknown: &[],
        findings: &[],
        loaded: Some(&[]),
    },
    Case {
        name: "moto_default",
        dropped: &[
            "Arn",
            DATES[0],
            "EstimatedNumberOfUsers",
            DATES[1],
            "SchemaAttributes",
            P3,
        ],
        unknown: &[],
        findings: &MOTO_DEFAULTS,
        loaded: Some(&[]),
    },
    Case {
        name: "moto_essentials_full",
        dropped: &[
            "Arn",
            DATES[0],
            "Domain",
            "EstimatedNumberOfUsers",
            DATES[1],
            "SchemaAttributes",
        ],
        unknown: &[],
        findings: &[
            LEGACY_MESSAGES[0],
            LEGACY_MESSAGES[1],
            LEGACY_MESSAGES[2],
            REC_05,
        ],
        loaded: Some(&[REC_05]),
    },
    Case {
        // moto echoes DeviceConfiguration: {} for a LITE pool created with it (P8).
        name: "moto_lite",
        dropped: &[
            "AliasAttributes",
            "Arn",
            DATES[0],
            "DeviceConfiguration",
            "EstimatedNumberOfUsers",
            DATES[1],
            "SchemaAttributes",
            P3,
        ],
        unknown: &[],
        findings: &MOTO_DEFAULTS,
        loaded: Some(&[]),
    },
    Case {
        // moto reset the password policy on update (reset-on-omit), so the legacy unused
        // account validity is the only validity setting left and is kept.
        name: "moto_plus",
        dropped: &[
            "Arn",
            DATES[0],
            "EstimatedNumberOfUsers",
            DATES[1],
            "SchemaAttributes",
        ],
        unknown: &[],
        findings: &[
            (
                "R-DEP-02",
                "/AdminCreateUserConfig/UnusedAccountValidityDays",
                W,
            ),
            MOTO_DEFAULTS[0],
            MOTO_DEFAULTS[1],
            MOTO_DEFAULTS[2],
            MOTO_DEFAULTS[3],
            MOTO_DEFAULTS[4],
            MOTO_DEFAULTS[5],
            MOTO_DEFAULTS[6],
        ],
        loaded: Some(&[(
            "R-DEP-02",
            "/AdminCreateUserConfig/UnusedAccountValidityDays",
            W,
        )]),
    },
    Case {
        name: "moto_registration",
        dropped: &[
            "Arn",
            DATES[0],
            "EstimatedNumberOfUsers",
            DATES[1],
            "SchemaAttributes",
            P3,
        ],
        unknown: &[],
        findings: &MOTO_DEFAULTS,
        loaded: Some(&[]),
    },
    Case {
        name: "moto_seoul",
        dropped: &[
            "Arn",
            DATES[0],
            "EstimatedNumberOfUsers",
            DATES[1],
            "SchemaAttributes",
            "UsernameAttributes",
            P3,
        ],
        unknown: &[],
        findings: &MOTO_DEFAULTS,
        loaded: Some(&[]),
    },
];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/describe")
}

fn read_json(path: &Path) -> Value {
    let text =
        fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

fn fixture(name: &str) -> Value {
    read_json(&dir().join(format!("{name}.json")))
}

fn golden(name: &str) -> Value {
    read_json(&dir().join(format!("{name}.expected.json")))
}

fn sorted(
    findings: impl IntoIterator<Item = (String, String, Severity)>,
) -> Vec<(String, String, Severity)> {
    let mut v: Vec<_> = findings.into_iter().collect();
    v.sort();
    v
}

fn expected(list: &[Expected]) -> Vec<(String, String, Severity)> {
    sorted(
        list.iter()
            .map(|(r, p, s)| ((*r).to_owned(), (*p).to_owned(), *s)),
    )
}

fn actual(findings: &[validate::Finding]) -> Vec<(String, String, Severity)> {
    sorted(
        findings
            .iter()
            .map(|f| (f.rule.to_owned(), f.pointer.clone(), f.severity)),
    )
}

#[test]
fn every_fixture_has_a_case_and_a_golden() {
    let mut fixtures = BTreeSet::new();
    let mut goldens = BTreeSet::new();
    for entry in fs::read_dir(dir()).expect("fixture directory") {
        let name = entry
            .expect("entry")
            .file_name()
            .into_string()
            .expect("UTF-8 name");
        if let Some(stem) = name.strip_suffix(".expected.json") {
            goldens.insert(stem.to_owned());
        } else if let Some(stem) = name.strip_suffix(".json") {
            fixtures.insert(stem.to_owned());
        }
    }
    let cases: BTreeSet<String> = CASES.iter().map(|c| c.name.to_owned()).collect();
    assert_eq!(
        fixtures, cases,
        "every fixture needs a case in CASES, and the reverse"
    );
    assert_eq!(fixtures, goldens, "every fixture needs a golden");
}

#[test]
fn each_fixture_maps_to_its_golden_body() {
    for case in CASES {
        let mapped = describe::describe_to_update(&fixture(case.name))
            .unwrap_or_else(|e| panic!("{}: {e}", case.name));
        let want = golden(case.name);
        assert!(
            mapped.request == want,
            "{}: mapped body differs from the golden\n--- got\n{}\n--- want\n{}",
            case.name,
            serde_json::to_string_pretty(&mapped.request).unwrap_or_default(),
            serde_json::to_string_pretty(&want).unwrap_or_default(),
        );
    }
}

#[test]
fn each_fixture_reports_exactly_the_expected_notes() {
    for case in CASES {
        let mapped = describe::describe_to_update(&fixture(case.name)).expect("a Describe output");
        let with = |action: Action| -> BTreeSet<String> {
            mapped
                .notes
                .iter()
                .filter(|n| n.action == action)
                .map(|n| n.path.clone())
                .collect()
        };
        let set = |paths: &[&str]| {
            paths
                .iter()
                .map(|p| (*p).to_owned())
                .collect::<BTreeSet<_>>()
        };
        assert_eq!(
            with(Action::Renamed),
            set(&["Id", "Name"]),
            "{}: renamed",
            case.name
        );
        assert_eq!(
            with(Action::Dropped),
            set(case.dropped),
            "{}: dropped",
            case.name
        );
        assert_eq!(
            with(Action::Unknown),
            set(case.unknown),
            "{}: unknown",
            case.name
        );
        assert_eq!(
            mapped.notes.len(),
            2 + case.dropped.len() + case.unknown.len(),
            "{}: one note per member",
            case.name
        );
        for note in &mapped.notes {
            assert!(
                !note.message.is_empty(),
                "{}: empty note for {}",
                case.name,
                note.path
            );
        }
    }
}

#[test]
fn each_mapped_body_has_exactly_the_expected_findings() {
    for case in CASES {
        let mapped = describe::describe_to_update(&fixture(case.name)).expect("a Describe output");
        let checked = validate::check_json(&mapped.request, None);
        assert_eq!(
            actual(&checked.findings),
            expected(case.findings),
            "{}: findings without a baseline",
            case.name
        );
        match (&checked.request(), case.loaded) {
            (Some(loaded), Some(want)) => {
                let again = validate::check_json(&mapped.request, Some(&mapped.request));
                assert_eq!(
                    actual(&again.findings),
                    expected(want),
                    "{}: findings with the loaded pool as baseline",
                    case.name
                );
                // The typed form gives the same findings as the raw JSON.
                assert_eq!(
                    actual(&validate::check_request(loaded, Some(loaded))),
                    expected(want),
                    "{}: check_request with the loaded pool as baseline",
                    case.name
                );
            }
            (None, None) => {}
            (got, want) => panic!(
                "{}: typed request is {}, the case expects {}",
                case.name,
                if got.is_some() {
                    "readable"
                } else {
                    "not readable"
                },
                if want.is_some() { "one" } else { "none" },
            ),
        }
    }
}

#[test]
fn only_the_deliberate_unknown_members_are_reported_and_they_are_kept() {
    for case in CASES {
        let mapped = describe::describe_to_update(&fixture(case.name)).expect("a Describe output");
        let unknown: Vec<String> = validate::check_json(&mapped.request, None)
            .findings
            .into_iter()
            .filter(|f| f.rule == "R-MODEL-UNKNOWN")
            .map(|f| f.pointer)
            .collect();
        if case.name != "aws_unknown_members" {
            assert!(
                unknown.is_empty(),
                "{}: unexpected unknown members {unknown:?}",
                case.name
            );
        }
    }
    let mapped = describe::describe_to_update(&fixture("aws_unknown_members")).expect("Describe");
    let body = &mapped.request;
    assert_eq!(
        body.pointer("/SessionPolicy/IdleTimeoutMinutes"),
        Some(&json!(30))
    );
    assert_eq!(
        body.pointer("/SessionPolicy/AbsoluteTimeoutHours"),
        Some(&json!(12.0))
    );
    assert_eq!(
        body.pointer("/Policies/PasswordPolicy/MaximumLength"),
        Some(&json!(64))
    );
    assert_eq!(
        body.pointer("/AccountRecoverySetting/RecoveryMechanisms/0/Channel"),
        Some(&json!("EMAIL"))
    );
}

#[test]
fn production_like_pools_have_no_errors() {
    for name in [
        "aws_essentials_production",
        "aws_lite",
        "aws_plus_threat_protection",
        "aws_eums_sms",
        "aws_registration_key_issuer_acr",
        "aws_seoul",
        "moto_essentials_full",
        "moto_plus",
    ] {
        let mapped = describe::describe_to_update(&fixture(name)).expect("a Describe output");
        let checked = validate::check_json(&mapped.request, None);
        assert!(
            !validate::has_errors(&checked.findings),
            "{name}: {:#?}",
            checked.findings
        );
        assert!(
            checked.request().is_some(),
            "{name}: the body reads as a typed request"
        );
    }
}

#[test]
fn wire_timestamps_in_exponent_notation_are_read() {
    // Cognito (Jackson) writes epoch seconds as doubles in exponent notation.
    let text = fs::read_to_string(dir().join("aws_essentials_production.json")).expect("fixture");
    assert!(
        text.contains("\"LastModifiedDate\":1.700574875743E9"),
        "fixture keeps the wire form"
    );
    let doc: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(
        doc.pointer("/UserPool/LastModifiedDate")
            .and_then(Value::as_f64),
        Some(1_700_574_875.743)
    );
    assert!(describe::is_describe_response(&doc));
}

#[test]
fn mapped_bodies_round_trip_through_text_losslessly() {
    for case in CASES {
        let mapped = describe::describe_to_update(&fixture(case.name)).expect("a Describe output");
        for text in [
            serde_json::to_string(&mapped.request).expect("serialise"),
            serde_json::to_string_pretty(&mapped.request).expect("serialise"),
        ] {
            let back: Value = serde_json::from_str(&text).expect("parse");
            assert_eq!(back, mapped.request, "{}: lossy round trip", case.name);
        }
        // And through the typed request, when there is one: nothing added, nothing lost.
        if let Some(typed) = validate::check_json(&mapped.request, None).request() {
            let value = serde_json::to_value(&typed).expect("serialise typed");
            assert_eq!(value, mapped.request, "{}: typed round trip", case.name);
        }
    }
}

#[test]
fn mapping_never_sends_read_only_members() {
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
    for case in CASES {
        let mapped = describe::describe_to_update(&fixture(case.name)).expect("a Describe output");
        for member in READ_ONLY {
            assert!(
                mapped.request.get(member).is_none(),
                "{}: {member} is sent",
                case.name
            );
        }
        assert!(
            mapped
                .request
                .get("UserPoolId")
                .is_some_and(Value::is_string),
            "{}",
            case.name
        );
    }
}

#[test]
fn documents_that_are_not_describe_outputs_are_refused_with_a_clear_message() {
    let cases = [
        (json!([{"UserPool": {}}]), DescribeError::NotAnObject),
        (json!("UserPool"), DescribeError::NotAnObject),
        (json!(null), DescribeError::NotAnObject),
        (
            json!({"UserPoolId": "us-east-1_AbC123", "PoolName": "x"}),
            DescribeError::NoUserPool,
        ),
        (
            json!({"UserPool": "us-east-1_AbC123"}),
            DescribeError::NoUserPool,
        ),
        (json!({"UserPool": null}), DescribeError::NoUserPool),
        (
            json!({"UserPools": [{"Id": "us-east-1_AbC123"}]}),
            DescribeError::NoUserPool,
        ),
    ];
    for (document, want) in cases {
        assert!(!describe::is_describe_response(&document), "{document}");
        let error = describe::describe_to_update(&document).expect_err("not a Describe output");
        assert_eq!(error, want, "{document}");
        let message = error.to_string();
        assert!(
            message.contains("\"UserPool\"") && message.contains("DescribeUserPool"),
            "the message names the expected shape: {message}"
        );
    }
    assert!(DescribeError::NoUserPool
        .to_string()
        .contains("aws cognito-idp describe-user-pool"));
}

#[test]
fn an_update_body_is_not_mistaken_for_a_describe_output() {
    // A body that happens to carry a "UserPool" member is still an update body (its unknown
    // member is the validator's business).
    let body = json!({"UserPoolId": "us-east-1_AbC123", "UserPool": {"Id": "us-east-1_AbC123"}});
    assert!(!describe::is_describe_response(&body));
    for case in CASES {
        let body = golden(case.name);
        assert!(!describe::is_describe_response(&body), "{}", case.name);
        assert!(
            describe::describe_to_update(&body).is_err(),
            "{}",
            case.name
        );
    }
}
