//! Reading credentials pasted or typed by the admin (`src/aws/credentials.rs`): every form the
//! AWS CLI, STS and Cognito Identity print, what a paste that cannot be read is told, and that
//! secrets never show in `Debug` or in messages.

#![cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency

use cognito_pool_console::aws::credentials::{
    from_fields, parse, Credentials, Format, ParseError, Warning,
};
use cognito_pool_console::aws::time::parse_iso8601;
use proptest::prelude::*;

const KEY: &str = "ASIAEXAMPLE7Q2R4T6VX";
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYzEXAMPLEKY";
const TOKEN: &str = "IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+example/token==";
const EXPIRY: &str = "2026-11-22T13:00:00+00:00";

fn expiry() -> i64 {
    parse_iso8601(EXPIRY).unwrap()
}

fn assert_full(text: &str, format: Format) {
    let parsed = parse(text).unwrap_or_else(|e| panic!("{format:?}: {e}\n{text}"));
    assert_eq!(parsed.format, format, "{text}");
    let c = &parsed.credentials;
    assert_eq!(c.access_key_id, KEY);
    assert_eq!(c.secret_access_key, SECRET);
    assert_eq!(c.session_token.as_deref(), Some(TOKEN));
    assert_eq!(c.expires_at, Some(expiry()));
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn every_export_credentials_format_is_read() {
    let process = format!(
        "{{\n  \"Version\": 1,\n  \"AccessKeyId\": \"{KEY}\",\n  \"SecretAccessKey\": \"{SECRET}\",\n  \"SessionToken\": \"{TOKEN}\",\n  \"Expiration\": \"{EXPIRY}\"\n}}\n"
    );
    assert_full(&process, Format::Process);
    let lines = |f: &dyn Fn(&str, &str) -> String| {
        [
            ("AWS_ACCESS_KEY_ID", KEY),
            ("AWS_SECRET_ACCESS_KEY", SECRET),
            ("AWS_SESSION_TOKEN", TOKEN),
            ("AWS_CREDENTIAL_EXPIRATION", EXPIRY),
        ]
        .iter()
        .map(|(n, v)| f(n, v))
        .collect::<Vec<_>>()
        .join("\n")
    };
    assert_full(&lines(&|n, v| format!("export {n}={v}")), Format::Env);
    assert_full(&lines(&|n, v| format!("{n}={v}")), Format::EnvNoExport);
    assert_full(
        &lines(&|n, v| format!("$Env:{n}=\"{v}\"")),
        Format::PowerShell,
    );
    assert_full(&lines(&|n, v| format!("set {n}={v}")), Format::WindowsCmd);
    assert_full(&lines(&|n, v| format!("set -gx {n} {v}")), Format::Fish);
    assert_full(&lines(&|n, v| format!("set -x {n} '{v}'")), Format::Fish);
}

#[test]
fn sts_cognito_identity_and_profile_forms_are_read() {
    let sts = format!(
        r#"{{"Credentials": {{"AccessKeyId": "{KEY}", "SecretAccessKey": "{SECRET}", "SessionToken": "{TOKEN}", "Expiration": "2026-11-22T13:00:00Z"}}, "AssumedRoleUser": {{"Arn": "arn:aws:sts::123456789012:assumed-role/admin/me"}}}}"#
    );
    assert_full(&sts, Format::StsJson);
    let identity = format!(
        r#"{{"IdentityId": "us-east-1:1234", "Credentials": {{"AccessKeyId": "{KEY}", "SecretKey": "{SECRET}", "SessionToken": "{TOKEN}", "Expiration": 1.7953128E9}}}}"#
    );
    let parsed = parse(&identity).unwrap();
    assert_eq!(parsed.format, Format::CognitoIdentity);
    assert_eq!(parsed.credentials.secret_access_key, SECRET);
    assert_eq!(parsed.credentials.expires_at, Some(1_795_312_800_000));
    let profile = format!(
        "[admin]\naws_access_key_id = {KEY}\naws_secret_access_key = {SECRET}\naws_session_token = {TOKEN}\n"
    );
    let parsed = parse(&profile).unwrap();
    assert_eq!(parsed.format, Format::IniProfile);
    assert_eq!(parsed.credentials.session_token.as_deref(), Some(TOKEN));
    assert_eq!(parsed.credentials.expires_at, None);
}

#[test]
fn what_copy_and_paste_adds_is_tolerated() {
    let text = format!(
        "$ aws configure export-credentials --format env\r\n\r\n# temporary\r\nexport AWS_ACCESS_KEY_ID=\"{KEY}\"\r\n  export AWS_SECRET_ACCESS_KEY='{SECRET}'  \r\nexport AWS_SESSION_TOKEN={TOKEN}\r\nexport AWS_CREDENTIAL_EXPIRATION={EXPIRY}\r\nexport AWS_DEFAULT_REGION=eu-west-3\r\n"
    );
    let parsed = parse(&text).unwrap();
    assert_eq!(parsed.format, Format::Env);
    assert_eq!(parsed.credentials.secret_access_key, SECRET);
    assert_eq!(parsed.region.as_deref(), Some("eu-west-3"));
    let cmd = format!("REM creds\r\n:: more\r\nset AWS_ACCESS_KEY_ID={KEY}\r\nset AWS_SECRET_ACCESS_KEY={SECRET}\r\nset AWS_SESSION_TOKEN={TOKEN}");
    assert_eq!(
        parse(&cmd).unwrap().credentials.session_token.as_deref(),
        Some(TOKEN)
    );
}

#[test]
fn a_paste_that_cannot_be_read_says_what_was_recognised_and_what_is_missing() {
    let env = format!("export AWS_ACCESS_KEY_ID={KEY}\nexport AWS_SESSION_TOKEN={TOKEN}");
    let e = parse(&env).unwrap_err();
    assert_eq!(
        e,
        ParseError::Missing {
            format: Format::Env,
            missing: vec!["export AWS_SECRET_ACCESS_KEY=…".into()]
        }
    );
    let m = e.to_string();
    assert!(
        m.contains("--format env") && m.contains("AWS_SECRET_ACCESS_KEY"),
        "{m}"
    );

    let ps = format!("$Env:AWS_SECRET_ACCESS_KEY=\"{SECRET}\"");
    let m = parse(&ps).unwrap_err().to_string();
    assert!(
        m.contains("powershell") && m.contains("$Env:AWS_ACCESS_KEY_ID"),
        "{m}"
    );

    let json = r#"{"Version": 1, "SessionToken": "x"}"#;
    let m = parse(json).unwrap_err().to_string();
    assert!(
        m.contains("This is JSON") && m.contains("AccessKeyId") && m.contains("SecretAccessKey"),
        "{m}"
    );

    let m = parse(r#"{"AccessKeyId": "#).unwrap_err().to_string();
    assert!(m.contains("cannot be read"), "{m}");
    assert_eq!(parse("   \n "), Err(ParseError::Empty));
    assert_eq!(parse("hello world"), Err(ParseError::NotRecognised));
    assert_eq!(parse(KEY), Err(ParseError::KeyIdOnly));
    assert!(parse("hello world")
        .unwrap_err()
        .to_string()
        .contains("export-credentials"));
}

#[test]
fn conflicting_assignments_and_bad_expiries_are_errors_naming_the_variable() {
    let twice = format!("export AWS_ACCESS_KEY_ID={KEY}\nexport AWS_SECRET_ACCESS_KEY={SECRET}\nexport AWS_ACCESS_KEY_ID=ASIAOTHEROTHEROTHER1");
    let e = parse(&twice).unwrap_err();
    assert_eq!(e, ParseError::Conflict("AWS_ACCESS_KEY_ID"));
    assert!(e.to_string().contains("AWS_ACCESS_KEY_ID"));
    let same_twice = format!("export AWS_ACCESS_KEY_ID={KEY}\nexport AWS_ACCESS_KEY_ID={KEY}\nexport AWS_SECRET_ACCESS_KEY={SECRET}");
    assert!(parse(&same_twice).is_ok());
    let bad = format!("export AWS_ACCESS_KEY_ID={KEY}\nexport AWS_SECRET_ACCESS_KEY={SECRET}\nexport AWS_CREDENTIAL_EXPIRATION=tomorrow");
    let m = parse(&bad).unwrap_err().to_string();
    assert!(
        m.contains("AWS_CREDENTIAL_EXPIRATION") && m.contains("2026-11-22T13:00:00Z"),
        "{m}"
    );
    let m = parse(&format!(
        r#"{{"AccessKeyId":"{KEY}","SecretAccessKey":"{SECRET}","Expiration":"soon"}}"#
    ))
    .unwrap_err()
    .to_string();
    assert!(m.contains("Expiration"), "{m}");
}

#[test]
fn typed_fields_are_trimmed_and_checked() {
    let parsed = from_fields(&format!(" {KEY} "), SECRET, "", "").unwrap();
    assert_eq!(parsed.format, Format::Typed);
    assert_eq!(parsed.credentials.session_token, None);
    assert_eq!(parsed.warnings, vec![Warning::LongTerm]);
    let parsed = from_fields(KEY, SECRET, TOKEN, "2026-11-22T13:00:00Z").unwrap();
    assert_eq!(parsed.credentials.expires_at, Some(expiry()));
    let m = from_fields(KEY, "", TOKEN, "").unwrap_err().to_string();
    assert!(m.contains("Secret access key"), "{m}");
    let m = from_fields(KEY, SECRET, TOKEN, "13:00")
        .unwrap_err()
        .to_string();
    assert!(
        m.contains("Expires at") && m.contains("2026-11-22T13:00:00Z"),
        "{m}"
    );
}

#[test]
fn long_term_and_unusual_keys_are_warned_about() {
    let long = parse(&format!(
        "AWS_ACCESS_KEY_ID=AKIAEXAMPLE7Q2R4T6VX\nAWS_SECRET_ACCESS_KEY={SECRET}"
    ))
    .unwrap();
    assert_eq!(long.warnings, vec![Warning::LongTerm]);
    assert!(long.credentials.is_long_term());
    assert!(Warning::LongTerm.to_string().contains("get-session-token"));
    let odd = parse(&format!(
        "AWS_ACCESS_KEY_ID=test\nAWS_SECRET_ACCESS_KEY=test\nAWS_SESSION_TOKEN={TOKEN}"
    ))
    .unwrap();
    assert_eq!(odd.warnings, vec![Warning::UnusualKeyId]);
}

#[test]
fn expiry_is_known_and_counted_down() {
    let c = parse(&format!("AWS_ACCESS_KEY_ID={KEY}\nAWS_SECRET_ACCESS_KEY={SECRET}\nAWS_SESSION_TOKEN={TOKEN}\nAWS_CREDENTIAL_EXPIRATION={EXPIRY}")).unwrap().credentials;
    assert!(!c.is_expired(expiry() - 1));
    assert!(c.is_expired(expiry()));
    assert_eq!(c.remaining(expiry() - 90_000), Some(90_000));
}

#[test]
fn secrets_never_show_in_debug_or_messages() {
    let parsed = parse(&format!("export AWS_ACCESS_KEY_ID={KEY}\nexport AWS_SECRET_ACCESS_KEY={SECRET}\nexport AWS_SESSION_TOKEN={TOKEN}")).unwrap();
    let debug = format!("{parsed:?} {:?}", parsed.credentials);
    assert!(!debug.contains(SECRET) && !debug.contains(TOKEN), "{debug}");
    assert!(!debug.contains(KEY), "the key id is masked: {debug}");
    assert!(debug.contains("ASIA…T6VX"), "{debug}");
    let broken = format!("export AWS_SECRET_ACCESS_KEY={SECRET}\nexport AWS_SESSION_TOKEN={TOKEN}\nexport AWS_CREDENTIAL_EXPIRATION=bad");
    let message = parse(&broken).unwrap_err().to_string();
    assert!(
        !message.contains(SECRET) && !message.contains(TOKEN),
        "{message}"
    );
}

#[test]
fn the_session_storage_form_round_trips_and_refuses_anything_else() {
    let c = Credentials {
        access_key_id: KEY.into(),
        secret_access_key: SECRET.into(),
        session_token: Some(TOKEN.into()),
        expires_at: Some(expiry()),
    };
    assert_eq!(
        Credentials::from_session_storage(&c.to_session_storage()),
        Some(c.clone())
    );
    let bare = Credentials {
        session_token: None,
        expires_at: None,
        ..c
    };
    assert_eq!(
        Credentials::from_session_storage(&bare.to_session_storage()),
        Some(bare)
    );
    for bad in ["", "{}", "null", r#"{"k":"","s":"x"}"#, "not json"] {
        assert_eq!(Credentials::from_session_storage(bad), None, "{bad}");
    }
}

proptest! {
    #[test]
    fn parsing_never_panics(text in "\\PC{0,200}") {
        let _ = parse(&text);
    }

    #[test]
    fn generated_env_and_process_texts_give_back_exactly_their_values(
        key in "(AKIA|ASIA)[A-Z0-9]{16}",
        secret in "[A-Za-z0-9/+]{40}",
        token in "[A-Za-z0-9/+=]{20,400}",
        secs in 1_600_000_000i64..2_100_000_000,
        mutate in 0usize..400,
    ) {
        let at = cognito_pool_console::aws::time::format_iso8601(secs * 1000);
        let env = format!("export AWS_ACCESS_KEY_ID={key}\nexport AWS_SECRET_ACCESS_KEY={secret}\nexport AWS_SESSION_TOKEN={token}\nexport AWS_CREDENTIAL_EXPIRATION={at}\n");
        let process = format!(r#"{{"Version":1,"AccessKeyId":"{key}","SecretAccessKey":"{secret}","SessionToken":"{token}","Expiration":"{at}"}}"#);
        for text in [&env, &process] {
            let c = parse(text).unwrap().credentials;
            prop_assert_eq!(&c.access_key_id, &key);
            prop_assert_eq!(&c.secret_access_key, &secret);
            prop_assert_eq!(c.session_token.as_deref(), Some(token.as_str()));
            prop_assert_eq!(c.expires_at, Some(secs * 1000));
            // A damaged copy never panics.
            let cut: String = text.chars().take(mutate).collect();
            let _ = parse(&cut);
            let mut swapped = text.clone().into_bytes();
            if let Some(b) = swapped.get_mut(mutate % text.len()) { *b = b'\n'; }
            let _ = parse(&String::from_utf8_lossy(&swapped));
        }
    }
}
