//! Reading pasted and typed credentials: every form the AWS tools print (shapes as in aws-cli
//! v2's `awscli/customizations/configure/exportcreds.py`), what copy and paste does to them,
//! every error and warning in plain words, redaction, and the session-storage form.

#![cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency

use cognito_pool_console::aws::credentials::{
    from_fields, parse, Credentials, Field, Format, ParseError, Parsed, Warning, EXPIRES_SOON,
};
use cognito_pool_console::aws::time::{format_iso8601, Millis};
use proptest::prelude::*;
use serde_json::json;

const ID: &str = "ASIAEXAMPLE7QWERTY12";
const LONG_ID: &str = "AKIAEXAMPLE7QWERTY34";
/// Contains `/` and `+`, as real secrets often do.
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLE+Ky";
const TOKEN: &str = "IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+fake/session/\
                     token/0123456789abcdefghijKLMNOPqrstuvWXYZ+example==";
/// `2026-11-22T13:00:00+00:00`, as aws-cli prints it (`datetime.isoformat()`).
const EXP_TEXT: &str = "2026-11-22T13:00:00+00:00";
/// The same instant in milliseconds since the epoch (computed independently).
const EXP: Millis = 1_795_352_400_000;

/// Every value of temporary credentials as they should be read.
fn temporary() -> Credentials {
    Credentials {
        access_key_id: ID.to_owned(),
        secret_access_key: SECRET.to_owned(),
        session_token: Some(TOKEN.to_owned()),
        expires_at: Some(EXP),
    }
}

fn ok(text: &str) -> Parsed {
    match parse(text) {
        Ok(parsed) => parsed,
        Err(e) => panic!("expected credentials, got: {e}\n--- input:\n{text}"),
    }
}

fn err(text: &str) -> ParseError {
    match parse(text) {
        Ok(parsed) => panic!("expected an error, got {parsed:?}\n--- input:\n{text}"),
        Err(e) => {
            assert_no_secrets(&e.to_string());
            assert_no_secrets(&format!("{e:?}"));
            e
        }
    }
}

fn assert_no_secrets(text: &str) {
    for secret in [SECRET, TOKEN, "wJalrXUtnFEMI", "IQoJb3JpZ2lu"] {
        assert!(!text.contains(secret), "secret material in: {text}");
    }
}

/// The temporary credentials, read as `format`, with no warnings and no region.
fn assert_temporary(parsed: &Parsed, format: Format) {
    assert_eq!(parsed.credentials, temporary());
    assert_eq!(parsed.format, format);
    assert_eq!(parsed.region, None);
    assert_eq!(parsed.warnings, vec![]);
}

/// The four lines aws-cli prints for temporary credentials with one `_VAR_FORMAT` template.
/// One line of output from a variable's name and value (aws-cli's `_VAR_FORMAT`).
type Template = fn(&str, &str) -> String;

fn four_lines(template: impl Fn(&str, &str) -> String) -> String {
    [
        ("AWS_ACCESS_KEY_ID", ID),
        ("AWS_SECRET_ACCESS_KEY", SECRET),
        ("AWS_SESSION_TOKEN", TOKEN),
        ("AWS_CREDENTIAL_EXPIRATION", EXP_TEXT),
    ]
    .iter()
    .map(|(name, value)| template(name, value) + "\n")
    .collect()
}

fn env(name: &str, value: &str) -> String {
    format!("export {name}={value}")
}
fn env_no_export(name: &str, value: &str) -> String {
    format!("{name}={value}")
}
fn powershell(name: &str, value: &str) -> String {
    format!("$Env:{name}=\"{value}\"")
}
fn windows_cmd(name: &str, value: &str) -> String {
    format!("set {name}={value}")
}
fn fish(name: &str, value: &str) -> String {
    format!("set -gx {name} \"{value}\"")
}

fn process_json() -> String {
    // json.dumps(output, indent=2, separators=(',', ': ')) + '\n'
    format!(
        "{{\n  \"Version\": 1,\n  \"AccessKeyId\": \"{ID}\",\n  \"SecretAccessKey\": \"{SECRET}\",\n  \"SessionToken\": \"{TOKEN}\",\n  \"Expiration\": \"{EXP_TEXT}\"\n}}\n"
    )
}

fn sts_credentials() -> serde_json::Value {
    json!({
        "AccessKeyId": ID,
        "SecretAccessKey": SECRET,
        "SessionToken": TOKEN,
        "Expiration": EXP_TEXT,
    })
}

// ---------------------------------------------------------------------------------------------
// Every format

#[test]
fn process_json_of_export_credentials() {
    assert_temporary(&ok(&process_json()), Format::Process);
}

#[test]
fn process_json_with_long_term_keys_only() {
    let text = format!(
        "{{\n  \"Version\": 1,\n  \"AccessKeyId\": \"{LONG_ID}\",\n  \"SecretAccessKey\": \"{SECRET}\"\n}}\n"
    );
    let parsed = ok(&text);
    assert_eq!(parsed.credentials.access_key_id, LONG_ID);
    assert_eq!(parsed.credentials.secret_access_key, SECRET);
    assert_eq!(parsed.credentials.session_token, None);
    assert_eq!(parsed.credentials.expires_at, None);
    assert_eq!(parsed.format, Format::Process);
    assert_eq!(parsed.warnings, vec![Warning::LongTerm { akia: true }]);
    assert!(parsed.credentials.is_long_term());
}

#[test]
fn env_export_lines() {
    assert_temporary(&ok(&four_lines(env)), Format::Env);
}

#[test]
fn env_no_export_lines() {
    assert_temporary(&ok(&four_lines(env_no_export)), Format::EnvNoExport);
}

#[test]
fn powershell_lines() {
    assert_temporary(&ok(&four_lines(powershell)), Format::PowerShell);
}

#[test]
fn windows_cmd_lines() {
    assert_temporary(&ok(&four_lines(windows_cmd)), Format::WindowsCmd);
}

#[test]
fn fish_lines_as_aws_cli_prints_them() {
    assert_temporary(&ok(&four_lines(fish)), Format::Fish);
}

#[test]
fn fish_lines_with_other_flags() {
    for flags in ["-x", "-Ux", "--export --global", ""] {
        let text = four_lines(|name, value| format!("set {flags} {name} '{value}'"));
        assert_temporary(&ok(&text), Format::Fish);
    }
}

#[test]
fn sts_assume_role_output() {
    let text = serde_json::to_string_pretty(&json!({
        "Credentials": sts_credentials(),
        "AssumedRoleUser": {
            "AssumedRoleId": "AROAEXAMPLEROLEID1234:admin-session",
            "Arn": "arn:aws:sts::123456789012:assumed-role/CognitoAdmin/admin-session"
        },
        "PackedPolicySize": 6
    }))
    .unwrap();
    assert_temporary(&ok(&text), Format::StsJson);
}

#[test]
fn sts_get_session_token_output() {
    let text = serde_json::to_string_pretty(&json!({ "Credentials": sts_credentials() })).unwrap();
    assert_temporary(&ok(&text), Format::StsJson);
}

#[test]
fn sts_assume_role_with_web_identity_output() {
    let text = serde_json::to_string_pretty(&json!({
        "Credentials": sts_credentials(),
        "SubjectFromWebIdentityToken": "amzn1.account.AF6RHO7KZU5XRVQJGXK6HEXAMPLE",
        "AssumedRoleUser": {
            "Arn": "arn:aws:sts::123456789012:assumed-role/FederatedWebIdentityRole/app1",
            "AssumedRoleId": "AROACLKWSDQRAOEXAMPLE:app1"
        },
        "Provider": "www.amazon.com",
        "Audience": "client.5498841531868486423.1548@apps.example.com"
    }))
    .unwrap();
    assert_temporary(&ok(&text), Format::StsJson);
}

#[test]
fn cognito_identity_through_the_cli_with_a_local_offset() {
    let text = format!(
        r#"{{
    "IdentityId": "us-east-1:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
    "Credentials": {{
        "AccessKeyId": "{ID}",
        "SecretKey": "{SECRET}",
        "SessionToken": "{TOKEN}",
        "Expiration": "2026-11-22T14:00:00+01:00"
    }}
}}"#
    );
    assert_temporary(&ok(&text), Format::CognitoIdentity);
}

#[test]
fn cognito_identity_raw_api_with_epoch_seconds() {
    // 1.79E9 s = 2026-09-21T14:13:20Z
    for (expiration, expected) in [
        ("1.79E9", 1_790_000_000_000),
        ("1.79e+9", 1_790_000_000_000),
        ("1790000000", 1_790_000_000_000),
        ("1790000000.5", 1_790_000_000_500),
    ] {
        let text = format!(
            r#"{{"Credentials":{{"AccessKeyId":"{ID}","Expiration":{expiration},"SecretKey":"{SECRET}","SessionToken":"{TOKEN}"}},"IdentityId":"eu-west-1:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"}}"#
        );
        let parsed = ok(&text);
        assert_eq!(parsed.format, Format::CognitoIdentity);
        assert_eq!(
            parsed.credentials.expires_at,
            Some(expected),
            "{expiration}"
        );
        assert_eq!(parsed.credentials.secret_access_key, SECRET);
        assert_eq!(parsed.credentials.session_token.as_deref(), Some(TOKEN));
    }
}

#[test]
fn ini_profile_block() {
    let text = format!(
        "[cognito-admin]\naws_access_key_id = {ID}\naws_secret_access_key = {SECRET}\naws_session_token = {TOKEN}\nregion = eu-central-1\n"
    );
    let parsed = ok(&text);
    assert_eq!(parsed.format, Format::IniProfile);
    assert_eq!(
        parsed.credentials,
        Credentials {
            expires_at: None,
            ..temporary()
        }
    );
    assert_eq!(parsed.region.as_deref(), Some("eu-central-1"));
    assert_eq!(parsed.warnings, vec![]);
}

#[test]
fn ini_profile_without_header_or_with_upper_case_keys() {
    let bare = format!(
        "aws_access_key_id={ID}\naws_secret_access_key={SECRET}\naws_session_token={TOKEN}"
    );
    assert_eq!(ok(&bare).format, Format::IniProfile);
    let upper = format!("[default]\nAWS_ACCESS_KEY_ID={ID}\nAWS_SECRET_ACCESS_KEY={SECRET}\nAWS_SESSION_TOKEN={TOKEN}");
    let parsed = ok(&upper);
    assert_eq!(parsed.format, Format::IniProfile);
    assert_eq!(parsed.credentials.session_token.as_deref(), Some(TOKEN));
}

#[test]
fn labels_are_plain_and_distinct() {
    assert_eq!(
        Format::Process.label(),
        "aws configure export-credentials (process JSON)"
    );
    let labels: std::collections::BTreeSet<_> = Format::ALL.iter().map(|f| f.label()).collect();
    assert_eq!(labels.len(), Format::ALL.len());
    for (format, flag) in [
        (Format::Env, "--format env"),
        (Format::EnvNoExport, "--format env-no-export"),
        (Format::PowerShell, "--format powershell"),
        (Format::WindowsCmd, "--format windows-cmd"),
        (Format::Fish, "--format fish"),
    ] {
        assert!(format.label().contains(flag), "{format:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// What copy and paste does

#[test]
fn crlf_lone_cr_and_trailing_whitespace() {
    let crlf = four_lines(env).replace('\n', "\r\n");
    assert_temporary(&ok(&crlf), Format::Env);
    let cr = four_lines(env_no_export).replace('\n', "\r");
    assert_temporary(&ok(&cr), Format::EnvNoExport);
    let spaced = format!(
        "\u{feff}\n\n   {}  \t\n\n",
        four_lines(powershell).replace('\n', " \t\r\n")
    );
    assert_temporary(&ok(&spaced), Format::PowerShell);
}

#[test]
fn value_with_a_trailing_carriage_return() {
    let text = format!("export AWS_ACCESS_KEY_ID={ID}\r\nexport AWS_SECRET_ACCESS_KEY={SECRET}\r\nexport AWS_SESSION_TOKEN=\"{TOKEN}\r\"\r\n");
    let parsed = ok(&text);
    assert_eq!(parsed.credentials.access_key_id, ID);
    assert_eq!(parsed.credentials.secret_access_key, SECRET);
    assert_eq!(parsed.credentials.session_token.as_deref(), Some(TOKEN));
}

#[test]
fn single_double_and_curly_quotes() {
    let single = four_lines(|n, v| format!("export {n}='{v}'"));
    assert_temporary(&ok(&single), Format::Env);
    let double = four_lines(|n, v| format!("{n}=\"{v}\""));
    assert_temporary(&ok(&double), Format::EnvNoExport);
    let curly = four_lines(|n, v| format!("export {n}=“{v}”"));
    assert_temporary(&ok(&curly), Format::Env);
    let cmd_quoted = four_lines(|n, v| format!("set \"{n}={v}\""));
    assert_temporary(&ok(&cmd_quoted), Format::WindowsCmd);
}

#[test]
fn prompts_before_the_lines() {
    let bash = four_lines(|n, v| format!("$ export {n}={v}"));
    assert_temporary(&ok(&bash), Format::Env);
    let host = four_lines(|n, v| format!("admin@bastion:~$ export {n}={v}"));
    assert_temporary(&ok(&host), Format::Env);
    let ps = four_lines(|n, v| format!("PS C:\\Users\\admin> $Env:{n}=\"{v}\""));
    assert_temporary(&ok(&ps), Format::PowerShell);
    let cmd = four_lines(|n, v| format!("C:\\Users\\admin>set {n}={v}"));
    assert_temporary(&ok(&cmd), Format::WindowsCmd);
}

#[test]
fn comments_blank_lines_and_statement_ends() {
    let text = format!(
        "# temporary credentials for the Cognito console\n\n\
         REM copied from a cmd window\n:: another cmd comment\n; an ini comment\n\
         $Env:AWS_ACCESS_KEY_ID=\"{ID}\";\n\n\
         $Env:AWS_SECRET_ACCESS_KEY=\"{SECRET}\"  # the secret\n\
         $env:aws_session_token = '{TOKEN}'\n\
         $Env:AWS_CREDENTIAL_EXPIRATION=\"{EXP_TEXT}\"\n"
    );
    assert_temporary(&ok(&text), Format::PowerShell);
    let unquoted = four_lines(|n, v| format!("export {n}={v};  # from the wiki"));
    assert_temporary(&ok(&unquoted), Format::Env);
}

#[test]
fn commented_out_credentials_are_ignored() {
    let text = format!(
        "# export AWS_ACCESS_KEY_ID=ASIAOLDOLDOLDOLDOLD1\n{}",
        four_lines(env)
    );
    assert_temporary(&ok(&text), Format::Env);
    let text = format!(
        "REM C:\\>set AWS_SECRET_ACCESS_KEY=old\nrem C:\\>set AWS_SESSION_TOKEN=old\n:: C:\\>set AWS_ACCESS_KEY_ID=old\n{}",
        four_lines(windows_cmd)
    );
    assert_temporary(&ok(&text), Format::WindowsCmd);
    let text = format!("; $ export AWS_ACCESS_KEY_ID=old\n[admin]\naws_access_key_id = {ID}\naws_secret_access_key = {SECRET}\naws_session_token = {TOKEN}\n");
    assert_eq!(ok(&text).credentials.access_key_id, ID);
}

#[test]
fn unrelated_lines_and_the_region() {
    let text = format!(
        "export AWS_PROFILE=cognito-admin\nexport AWS_DEFAULT_REGION=us-west-2\n{}export AWS_REGION=eu-west-1\nexport AWS_PAGER=\"\"\necho done\n",
        four_lines(env)
    );
    let parsed = ok(&text);
    assert_eq!(parsed.credentials, temporary());
    assert_eq!(parsed.format, Format::Env);
    assert_eq!(
        parsed.region.as_deref(),
        Some("eu-west-1"),
        "AWS_REGION wins"
    );

    let default_only = format!(
        "{}AWS_DEFAULT_REGION=ap-southeast-2\n",
        four_lines(env_no_export)
    );
    assert_eq!(ok(&default_only).region.as_deref(), Some("ap-southeast-2"));
}

#[test]
fn braces_in_a_prompt_do_not_hide_the_lines() {
    // `{}` parses as JSON (with no credentials); `{main} ... {main}` does not parse at all.
    let text = format!("admin@bastion {{}} % {}", four_lines(env));
    assert_temporary(&ok(&text), Format::Env);
    let text = four_lines(|n, v| format!("admin@bastion {{main}} % export {n}={v}"));
    assert_temporary(&ok(&text), Format::Env);
}

#[test]
fn secret_with_slash_and_plus_kept_exactly() {
    let secret = "ab/+cd/+EFGH1234ijkl+/mnopQRST5678uvwx/y+";
    let text = format!(
        "AWS_ACCESS_KEY_ID={ID}\nAWS_SECRET_ACCESS_KEY={secret}\nAWS_SESSION_TOKEN={TOKEN}\n"
    );
    assert_eq!(ok(&text).credentials.secret_access_key, secret);
}

#[test]
fn json_after_a_command_line_and_before_a_prompt() {
    let text = format!(
        "$ aws configure export-credentials --profile cognito-admin\n{}$ ",
        process_json()
    );
    assert_temporary(&ok(&text), Format::Process);
}

#[test]
fn json_wrapped_in_other_members() {
    let text = json!({
        "result": { "ok": true, "data": [ { "Credentials": sts_credentials(), "Note": "x" } ] },
        "RequestId": "0f1e2d3c"
    })
    .to_string();
    assert_temporary(&ok(&text), Format::StsJson);
    let process = json!({ "profile": "admin", "credentials": {
        "Version": 1, "AccessKeyId": ID, "SecretAccessKey": SECRET,
        "SessionToken": TOKEN, "Expiration": EXP_TEXT } })
    .to_string();
    assert_temporary(&ok(&process), Format::Process);
}

#[test]
fn json_nulls_and_empty_strings_are_absent() {
    let text = json!({ "Version": 1, "AccessKeyId": LONG_ID, "SecretAccessKey": SECRET,
                       "SessionToken": null, "Expiration": "" })
    .to_string();
    let parsed = ok(&text);
    assert_eq!(parsed.credentials.session_token, None);
    assert_eq!(parsed.credentials.expires_at, None);
}

#[test]
fn expiration_forms() {
    for (text, expected) in [
        ("2026-11-22T13:00:00Z", EXP),
        ("2026-11-22T13:00:00+00:00", EXP),
        ("2026-11-22T13:00:00.123456+00:00", EXP + 123),
        ("2026-11-22T08:00:00-05:00", EXP),
        ("2026-11-22T13:00:00.5Z", EXP + 500),
        ("1795352400", EXP),
        ("1.7953524E9", EXP),
        ("1795352400000", EXP),
    ] {
        let lines = format!("export AWS_ACCESS_KEY_ID={ID}\nexport AWS_SECRET_ACCESS_KEY={SECRET}\nexport AWS_SESSION_TOKEN={TOKEN}\nexport AWS_CREDENTIAL_EXPIRATION={text}\n");
        assert_eq!(ok(&lines).credentials.expires_at, Some(expected), "{text}");
        let json = json!({ "Credentials": { "AccessKeyId": ID, "SecretAccessKey": SECRET,
                                            "SessionToken": TOKEN, "Expiration": text } })
        .to_string();
        assert_eq!(ok(&json).credentials.expires_at, Some(expected), "{text}");
    }
    let number = json!({ "Version": 1, "AccessKeyId": ID, "SecretAccessKey": SECRET,
                         "SessionToken": TOKEN, "Expiration": 1_795_352_400 })
    .to_string();
    assert_eq!(ok(&number).credentials.expires_at, Some(EXP));
}

#[test]
fn identical_duplicates_are_fine() {
    // aws-vault and older tools also set AWS_SECURITY_TOKEN to the same token.
    let text = format!(
        "{}export AWS_SECURITY_TOKEN={TOKEN}\nexport AWS_ACCESS_KEY_ID={ID}\n",
        four_lines(env)
    );
    assert_temporary(&ok(&text), Format::Env);
}

// ---------------------------------------------------------------------------------------------
// Errors: what was recognised and what is missing

#[test]
fn legacy_security_token_variable() {
    let text = four_lines(env).replace("AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN");
    assert_temporary(&ok(&text), Format::Env);
    let differing = format!("{}export AWS_SECURITY_TOKEN=other\n", four_lines(env));
    assert_eq!(
        err(&differing),
        ParseError::Conflict {
            variable: "AWS_SECURITY_TOKEN".to_owned()
        }
    );
}

#[test]
fn empty_input() {
    for text in ["", "   \n\t\r\n  ", "\u{feff}"] {
        let e = err(text);
        assert_eq!(e, ParseError::Empty);
        let message = e.to_string();
        assert!(
            message.contains("aws configure export-credentials"),
            "{message}"
        );
    }
}

#[test]
fn garbage_lists_the_accepted_forms() {
    for text in [
        "hello world",
        "AWS credentials please",
        "1234",
        "=====",
        "[default]\n",
    ] {
        let e = err(text);
        assert_eq!(e, ParseError::NotRecognised, "{text}");
        let message = e.to_string();
        assert!(message.starts_with("No credentials found."), "{message}");
        for form in [
            "aws configure export-credentials",
            "env-no-export",
            "powershell",
            "windows-cmd",
            "fish",
            "aws sts assume-role",
            "GetCredentialsForIdentity",
            "~/.aws/credentials",
        ] {
            assert!(message.contains(form), "{form} in {message}");
        }
    }
}

#[test]
fn only_a_key_id() {
    let e = err(&format!("  {ID}\n"));
    assert_eq!(
        e,
        ParseError::OnlyKeyId {
            key_id: "ASIA…TY12".to_owned()
        }
    );
    let message = e.to_string();
    assert!(
        message.contains("only an access key ID (ASIA…TY12)"),
        "{message}"
    );
    assert!(message.contains("secret access key"), "{message}");
    assert!(message.contains("session token"), "{message}");
}

#[test]
fn a_key_id_prefix_alone_is_not_a_key_id() {
    for text in ["AKIA", "ASIA1234", "ASIAEXAMPLE-7QWERTY12"] {
        assert_eq!(err(text), ParseError::NotRecognised, "{text}");
    }
    assert_eq!(
        err(&format!("'{LONG_ID}'")),
        ParseError::OnlyKeyId {
            key_id: "AKIA…TY34".to_owned()
        }
    );
}

#[test]
fn only_a_key_id_line() {
    let e = err(&format!("export AWS_ACCESS_KEY_ID={ID}\n"));
    assert_eq!(
        e,
        ParseError::Missing {
            format: Format::Env,
            field: Field::SecretAccessKey
        }
    );
    assert_eq!(
        e.to_string(),
        "This looks like `aws configure export-credentials --format env` output, but it has no \
         AWS_SECRET_ACCESS_KEY line. Copy the whole output, all four lines."
    );
}

#[test]
fn each_line_format_names_itself_and_the_missing_line() {
    let cases: [(Template, Format, &str); 5] = [
        (env, Format::Env, "--format env`"),
        (
            env_no_export,
            Format::EnvNoExport,
            "--format env-no-export`",
        ),
        (powershell, Format::PowerShell, "--format powershell`"),
        (windows_cmd, Format::WindowsCmd, "--format windows-cmd`"),
        (fish, Format::Fish, "--format fish`"),
    ];
    for (template, format, flag) in cases {
        let without_secret: String = four_lines(template)
            .lines()
            .filter(|l| !l.contains("SECRET"))
            .map(|l| format!("{l}\n"))
            .collect();
        let e = err(&without_secret);
        assert_eq!(
            e,
            ParseError::Missing {
                format,
                field: Field::SecretAccessKey
            }
        );
        let message = e.to_string();
        assert!(message.contains(flag), "{message}");
        assert!(
            message.contains("no AWS_SECRET_ACCESS_KEY line"),
            "{message}"
        );

        let without_id: String = four_lines(template)
            .lines()
            .filter(|l| !l.contains("ACCESS_KEY_ID"))
            .map(|l| format!("{l}\n"))
            .collect();
        let message = err(&without_id).to_string();
        assert!(
            message.contains(flag) && message.contains("no AWS_ACCESS_KEY_ID line"),
            "{message}"
        );
    }
}

#[test]
fn temporary_key_without_its_session_token() {
    let text = format!("export AWS_ACCESS_KEY_ID={ID}\nexport AWS_SECRET_ACCESS_KEY={SECRET}\n");
    let e = err(&text);
    assert_eq!(
        e,
        ParseError::Missing {
            format: Format::Env,
            field: Field::SessionToken
        }
    );
    let message = e.to_string();
    assert!(message.contains("no AWS_SESSION_TOKEN line"), "{message}");
    assert!(
        message.contains("start with ASIA are temporary"),
        "{message}"
    );
}

#[test]
fn json_without_access_key_id() {
    let e = err(r#"{"UserPools": [], "NextToken": null}"#);
    assert_eq!(e, ParseError::JsonWithoutCredentials);
    assert_eq!(
        e.to_string(),
        "This is JSON, but it has no AccessKeyId: paste the output of \
         `aws configure export-credentials --format process` or of `aws sts assume-role`."
    );
}

#[test]
fn process_json_without_secret_or_key_id() {
    let no_secret = json!({ "Version": 1, "AccessKeyId": ID, "SessionToken": TOKEN }).to_string();
    let e = err(&no_secret);
    assert_eq!(
        e,
        ParseError::Missing {
            format: Format::Process,
            field: Field::SecretAccessKey
        }
    );
    let message = e.to_string();
    assert!(message.contains("--format process"), "{message}");
    assert!(message.contains("no SecretAccessKey."), "{message}");

    let no_id =
        json!({ "Version": 1, "SecretAccessKey": SECRET, "SessionToken": TOKEN }).to_string();
    let message = err(&no_id).to_string();
    assert!(
        message.contains("--format process") && message.contains("no AccessKeyId."),
        "{message}"
    );
}

#[test]
fn sts_and_cognito_json_missing_parts() {
    let sts = json!({ "Credentials": { "AccessKeyId": ID, "SecretAccessKey": SECRET,
                                       "Expiration": EXP_TEXT } })
    .to_string();
    let e = err(&sts);
    assert_eq!(
        e,
        ParseError::Missing {
            format: Format::StsJson,
            field: Field::SessionToken
        }
    );
    let message = e.to_string();
    assert!(
        message.contains("aws sts assume-role") && message.contains("no SessionToken"),
        "{message}"
    );

    let empty = err(r#"{"Credentials": {}}"#).to_string();
    assert!(
        empty.contains("aws sts assume-role") && empty.contains("no AccessKeyId"),
        "{empty}"
    );

    let cognito = json!({ "IdentityId": "us-east-1:abc", "Credentials": { "AccessKeyId": ID,
                          "SessionToken": TOKEN } })
    .to_string();
    let e = err(&cognito);
    assert_eq!(
        e,
        ParseError::Missing {
            format: Format::CognitoIdentity,
            field: Field::SecretAccessKey
        }
    );
    let message = e.to_string();
    assert!(
        message.contains("GetCredentialsForIdentity") && message.contains("no SecretKey"),
        "{message}"
    );
}

#[test]
fn ini_profile_missing_secret() {
    let e = err(&format!(
        "[default]\naws_access_key_id = {ID}\naws_session_token = {TOKEN}\n"
    ));
    assert_eq!(
        e,
        ParseError::Missing {
            format: Format::IniProfile,
            field: Field::SecretAccessKey
        }
    );
    let message = e.to_string();
    assert!(
        message.contains("~/.aws/credentials") && message.contains("no aws_secret_access_key line"),
        "{message}"
    );
}

#[test]
fn truncated_json() {
    let full = process_json();
    let cut = &full[..full.find("\"SessionToken\"").unwrap() + 30];
    let e = err(cut);
    assert!(
        matches!(e, ParseError::InvalidJson { line: 5, .. }),
        "{e:?}"
    );
    assert!(e.to_string().contains("not valid JSON (line 5"), "{e}");

    // after a command line, the line is counted in the whole paste
    let e = err(&format!("$ aws sts get-session-token\n{cut}"));
    assert!(
        matches!(e, ParseError::InvalidJson { line: 6, .. }),
        "{e:?}"
    );
}

#[test]
fn json_members_without_braces() {
    let text = format!("\"AccessKeyId\": \"{ID}\",\n\"SecretAccessKey\": \"{SECRET}\",\n");
    let e = err(&text);
    assert_eq!(e, ParseError::JsonFragment);
    assert!(e.to_string().contains("from the first { to the last }"));
}

#[test]
fn conflicting_duplicates_name_the_variable() {
    let other = "zzzzzzzzzzOTHERSECRETzzzzzzzzzzzzzzzzzzz";
    let text = format!("{}export AWS_SECRET_ACCESS_KEY={other}\n", four_lines(env));
    let e = err(&text);
    assert_eq!(
        e,
        ParseError::Conflict {
            variable: "AWS_SECRET_ACCESS_KEY".to_owned()
        }
    );
    let message = e.to_string();
    assert!(
        message.starts_with("AWS_SECRET_ACCESS_KEY is given twice"),
        "{message}"
    );
    assert!(!message.contains(other), "{message}");
}

#[test]
fn two_profiles_conflict() {
    let text = format!(
        "[default]\naws_access_key_id = {LONG_ID}\naws_secret_access_key = {SECRET}\n\n\
         [admin]\naws_access_key_id = {ID}\naws_secret_access_key = {SECRET}\naws_session_token = {TOKEN}\n"
    );
    let e = err(&text);
    assert_eq!(
        e,
        ParseError::Conflict {
            variable: "aws_access_key_id".to_owned()
        }
    );
    assert!(e.to_string().contains("only the profile you want"));
}

#[test]
fn expiration_that_is_not_a_timestamp() {
    let text = four_lines(env).replace(EXP_TEXT, "tomorrow");
    let e = err(&text);
    assert_eq!(
        e,
        ParseError::BadExpiration {
            format: Format::Env
        }
    );
    let message = e.to_string();
    assert!(
        message.contains("AWS_CREDENTIAL_EXPIRATION is not a timestamp"),
        "{message}"
    );
    assert!(message.contains("2026-11-22T13:00:00+00:00"), "{message}");

    for expiration in [
        json!("2026-13-01T00:00:00Z"),
        json!(true),
        json!(-5),
        json!([1]),
    ] {
        let text = json!({ "Credentials": { "AccessKeyId": ID, "SecretAccessKey": SECRET,
                                            "SessionToken": TOKEN, "Expiration": expiration } })
        .to_string();
        let e = err(&text);
        assert_eq!(
            e,
            ParseError::BadExpiration {
                format: Format::StsJson
            },
            "{expiration}"
        );
        assert!(e.to_string().contains("its Expiration is not a timestamp"));
    }
}

#[test]
fn json_member_that_is_not_text() {
    let text = json!({ "Version": 1, "AccessKeyId": 12345, "SecretAccessKey": SECRET }).to_string();
    let e = err(&text);
    assert_eq!(
        e,
        ParseError::NotText {
            format: Format::Process,
            field: Field::AccessKeyId
        }
    );
    assert!(e.to_string().contains("its AccessKeyId is not text"));
}

// ---------------------------------------------------------------------------------------------
// The typed form

#[test]
fn fields_are_trimmed_and_unquoted() {
    let parsed = from_fields(
        &format!("  {ID}\r\n"),
        &format!("\"{SECRET}\""),
        &format!("\t{TOKEN} "),
        &format!(" {EXP_TEXT} "),
    )
    .unwrap();
    assert_temporary(&parsed, Format::Fields);
}

#[test]
fn empty_token_and_expiration_are_none() {
    let parsed = from_fields(LONG_ID, SECRET, "   ", "").unwrap();
    assert_eq!(parsed.credentials.session_token, None);
    assert_eq!(parsed.credentials.expires_at, None);
    assert_eq!(parsed.warnings, vec![Warning::LongTerm { akia: true }]);
}

#[test]
fn typed_epoch_seconds() {
    for text in [
        "1795352400",
        " 1.7953524E9 ",
        "1.7953524e+9",
        "1795352400000",
    ] {
        let parsed = from_fields(ID, SECRET, TOKEN, text).unwrap();
        assert_eq!(parsed.credentials.expires_at, Some(EXP), "{text}");
    }
}

#[test]
fn typed_fields_missing() {
    let cases = [
        (
            "",
            SECRET,
            TOKEN,
            Field::AccessKeyId,
            "Enter the access key ID.",
        ),
        (
            ID,
            " ",
            TOKEN,
            Field::SecretAccessKey,
            "Enter the secret access key.",
        ),
        (
            ID,
            SECRET,
            "",
            Field::SessionToken,
            "Enter the session token.",
        ),
    ];
    for (id, secret, token, field, start) in cases {
        let e = from_fields(id, secret, token, EXP_TEXT).unwrap_err();
        assert_eq!(
            e,
            ParseError::Missing {
                format: Format::Fields,
                field
            }
        );
        assert!(e.to_string().starts_with(start), "{e}");
        assert_no_secrets(&e.to_string());
    }
}

#[test]
fn typed_expiration_that_is_not_a_timestamp() {
    for bad in [
        "in one hour",
        "22/11/2026 13:00",
        "2026-11-31T00:00:00Z",
        "NaN",
        // Epoch seconds are read as a JSON number: none of these is one.
        "inf",
        "+1795352400",
        "1795352400s",
        "1e400",
        "-5",
        "[1795352400]",
    ] {
        let e = from_fields(ID, SECRET, TOKEN, bad).unwrap_err();
        assert_eq!(
            e,
            ParseError::BadExpiration {
                format: Format::Fields
            },
            "{bad}"
        );
        let message = e.to_string();
        assert!(
            message.starts_with("The expiration is not a timestamp"),
            "{message}"
        );
        assert!(message.contains("2026-11-22T13:00:00Z"), "{message}");
    }
}

// ---------------------------------------------------------------------------------------------
// Redaction

#[test]
fn debug_never_shows_the_secret_or_the_token() {
    let credentials = temporary();
    let debug = format!("{credentials:?}");
    assert_eq!(
        debug,
        format!(
            "Credentials {{ access_key_id: ASIA…TY12, secret_access_key: <redacted>, \
             session_token: Some(<redacted, {} chars>), expires_at: Some(2026-11-22T13:00:00Z) }}",
            TOKEN.len()
        )
    );
    assert_no_secrets(&format!("{credentials:#?}"));
    let parsed = ok(&process_json());
    assert_no_secrets(&format!("{parsed:?}"));
    assert_no_secrets(&format!("{parsed:#?}"));
    for warning in &ok(&format!(
        "{{\"AccessKeyId\":\"x\",\"SecretAccessKey\":\"{SECRET}\"}}"
    ))
    .warnings
    {
        assert_no_secrets(&warning.to_string());
        assert_no_secrets(&format!("{warning:?}"));
    }
}

#[test]
fn masked_key_id() {
    assert_eq!(temporary().masked_key_id(), "ASIA…TY12");
    let short = Credentials {
        access_key_id: "test".to_owned(),
        ..temporary()
    };
    assert_eq!(short.masked_key_id(), "test");
    assert!(format!("{short:?}").contains("access_key_id: test,"));
}

// ---------------------------------------------------------------------------------------------
// Session storage

#[test]
fn session_storage_round_trip() {
    let long_term = Credentials {
        access_key_id: LONG_ID.to_owned(),
        secret_access_key: SECRET.to_owned(),
        session_token: None,
        expires_at: None,
    };
    let odd = Credentials {
        access_key_id: "ключ \"quoted\"\n".to_owned(),
        secret_access_key: "\\/+".to_owned(),
        session_token: Some(String::new()),
        expires_at: Some(-1),
    };
    for credentials in [temporary(), long_term, odd] {
        let stored = credentials.to_session_storage();
        assert_eq!(
            Credentials::from_session_storage(&stored),
            Some(credentials)
        );
    }
}

#[test]
fn session_storage_rejects_other_text() {
    let good: serde_json::Value = serde_json::from_str(&temporary().to_session_storage()).unwrap();
    assert_eq!(good["v"], 1);
    for (member, value) in [
        ("v", json!(2)),
        ("id", json!(null)),
        ("secret", json!(5)),
        ("token", json!(5)),
        ("exp", json!("2026-11-22T13:00:00Z")),
    ] {
        let mut bad = good.clone();
        bad[member] = value;
        assert_eq!(
            Credentials::from_session_storage(&bad.to_string()),
            None,
            "{member}"
        );
    }
    for text in ["", "null", "[]", "{", &process_json()] {
        assert_eq!(Credentials::from_session_storage(text), None, "{text}");
    }
}

// ---------------------------------------------------------------------------------------------
// Warnings and time

#[test]
fn long_term_key_warning() {
    let text =
        format!("export AWS_ACCESS_KEY_ID={LONG_ID}\nexport AWS_SECRET_ACCESS_KEY={SECRET}\n");
    let parsed = ok(&text);
    assert!(parsed.credentials.is_long_term());
    assert_eq!(parsed.warnings, vec![Warning::LongTerm { akia: true }]);
    let message = parsed.warnings[0].to_string();
    for words in [
        "starts with AKIA",
        "temporary credentials",
        "browser",
        "aws sts get-session-token",
        "aws configure export-credentials",
    ] {
        assert!(message.contains(words), "{words} in {message}");
    }
}

#[test]
fn no_session_token_warning_for_an_emulator_key() {
    let parsed = ok("AWS_ACCESS_KEY_ID=test\nAWS_SECRET_ACCESS_KEY=test\n");
    assert!(parsed.credentials.is_long_term());
    assert_eq!(
        parsed.warnings,
        vec![
            Warning::LongTerm { akia: false },
            Warning::UnusualKeyId {
                key_id: "test".to_owned()
            }
        ]
    );
    assert!(parsed.warnings[0]
        .to_string()
        .starts_with("There is no session token"));
    assert!(parsed.warnings[1]
        .to_string()
        .contains("does not look like an AWS one"));
}

#[test]
fn unusual_key_id_is_a_warning_not_an_error() {
    for id in [
        "asiaexample7qwerty12",
        "ASIAEXAMPLE7QWERTY1",
        "ASIAEXAMPLE7QWERTY123",
        "LKIAEXAMPLE7QWERTY12",
    ] {
        let parsed = from_fields(id, SECRET, TOKEN, "").unwrap();
        assert!(
            parsed
                .warnings
                .iter()
                .any(|w| matches!(w, Warning::UnusualKeyId { .. })),
            "{id}: {:?}",
            parsed.warnings
        );
    }
    assert_eq!(from_fields(ID, SECRET, TOKEN, "").unwrap().warnings, vec![]);
}

#[test]
fn expiry_warnings_as_of_now() {
    let parsed = ok(&process_json());
    assert_eq!(parsed.warnings, vec![], "parse reads no clock");

    let expired = parsed.clone().checked_at(EXP + 1000);
    assert_eq!(expired.warnings, vec![Warning::Expired { at: EXP }]);
    assert!(expired.warnings[0]
        .to_string()
        .contains("expired at 2026-11-22T13:00:00Z"));
    assert_eq!(
        parsed.clone().checked_at(EXP).warnings,
        vec![Warning::Expired { at: EXP }]
    );

    let soon = parsed.clone().checked_at(EXP - 4 * 60_000);
    assert_eq!(
        soon.warnings,
        vec![Warning::ExpiresSoon {
            at: EXP,
            remaining: 240_000
        }]
    );
    assert!(
        soon.warnings[0]
            .to_string()
            .contains("expire in 4 min 00 s"),
        "{}",
        soon.warnings[0]
    );
    assert_eq!(
        parsed.clone().checked_at(EXP - EXPIRES_SOON).warnings.len(),
        1
    );
    assert_eq!(
        parsed.clone().checked_at(EXP - EXPIRES_SOON - 1).warnings,
        vec![]
    );

    // checking again replaces the earlier expiry warning
    assert_eq!(
        soon.checked_at(EXP + 1).warnings,
        vec![Warning::Expired { at: EXP }]
    );
}

#[test]
fn is_expired_and_remaining() {
    let credentials = temporary();
    assert!(!credentials.is_expired(EXP - 1));
    assert!(credentials.is_expired(EXP));
    assert_eq!(credentials.remaining(EXP - 61_000), Some(61_000));
    assert_eq!(credentials.remaining(EXP + 5_000), Some(0));
    let open = Credentials {
        expires_at: None,
        ..temporary()
    };
    assert!(!open.is_expired(i64::MAX));
    assert_eq!(open.remaining(0), None);
    assert_eq!(open.expiry_warning(i64::MAX), None);
    assert!(!credentials.is_long_term());
}

// ---------------------------------------------------------------------------------------------
// Properties

#[derive(Debug, Clone)]
struct Generated {
    id: String,
    secret: String,
    token: Option<String>,
    expires_at: Option<Millis>,
    region: Option<String>,
}

fn generated() -> impl Strategy<Value = Generated> {
    (
        "(AKIA|ASIA)[A-Z0-9]{16}",
        "[A-Za-z0-9/+]{40}",
        proptest::option::of("[A-Za-z0-9/+]{16,400}={0,2}"),
        proptest::option::of(1_500_000_000i64..4_000_000_000),
        proptest::option::of("(us|eu|ap)-(east|west|central)-[1-3]"),
    )
        .prop_map(|(id, secret, token, seconds, region)| Generated {
            id,
            secret,
            token,
            expires_at: seconds.map(|s| s * 1000),
            region,
        })
        .prop_filter("ASIA keys come with a token", |g| {
            g.token.is_some() || !g.id.starts_with("ASIA")
        })
}

const LINE_FORMATS: [Format; 6] = [
    Format::Env,
    Format::EnvNoExport,
    Format::PowerShell,
    Format::WindowsCmd,
    Format::Fish,
    Format::Process,
];

/// The text aws-cli prints for `g` in `format` (its `_VAR_FORMAT` templates), plus region.
fn render(g: &Generated, format: Format, crlf: bool, epoch: bool) -> String {
    let expiration = g.expires_at.map(|ms| {
        if epoch {
            (ms / 1000).to_string()
        } else {
            format_iso8601(ms)
        }
    });
    if format == Format::Process {
        let mut object = json!({ "Version": 1, "AccessKeyId": g.id, "SecretAccessKey": g.secret });
        if let Some(token) = &g.token {
            object["SessionToken"] = json!(token);
        }
        if let Some(at) = &expiration {
            object["Expiration"] = json!(at);
        }
        return serde_json::to_string_pretty(&object).unwrap() + "\n";
    }
    let template: Template = match format {
        Format::Env => env,
        Format::EnvNoExport => env_no_export,
        Format::PowerShell => powershell,
        Format::WindowsCmd => windows_cmd,
        _ => fish,
    };
    let mut lines = vec![
        template("AWS_ACCESS_KEY_ID", &g.id),
        template("AWS_SECRET_ACCESS_KEY", &g.secret),
    ];
    lines.extend(g.token.iter().map(|t| template("AWS_SESSION_TOKEN", t)));
    lines.extend(
        expiration
            .iter()
            .map(|e| template("AWS_CREDENTIAL_EXPIRATION", e)),
    );
    lines.extend(g.region.iter().map(|r| template("AWS_REGION", r)));
    let newline = if crlf { "\r\n" } else { "\n" };
    lines.iter().map(|l| format!("{l}{newline}")).collect()
}

/// A small edit of a text, at character boundaries.
#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize, usize),
    Insert(usize, String),
    Truncate(usize),
    DuplicateLine(usize),
    Replace(usize, char),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (
            any::<usize>(),
            prop_oneof![
                any::<String>(),
                Just("\n".to_owned()),
                Just("\"".to_owned()),
                Just("=".to_owned()),
                Just("{".to_owned()),
                Just("export AWS_SECRET_ACCESS_KEY=".to_owned()),
            ]
        )
            .prop_map(|(at, s)| Mutation::Insert(at, s)),
        any::<usize>().prop_map(Mutation::Truncate),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), any::<char>()).prop_map(|(at, c)| Mutation::Replace(at, c)),
    ]
}

fn mutate(text: &str, mutation: &Mutation) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let len = chars.len().max(1);
    match mutation {
        Mutation::Delete(at, n) => {
            let start = at % len;
            let end = (start + n).min(chars.len());
            chars.drain(start.min(end)..end);
        }
        Mutation::Insert(at, s) => {
            let at = at % (chars.len() + 1);
            chars.splice(at..at, s.chars());
        }
        Mutation::Truncate(at) => chars.truncate(at % len),
        Mutation::DuplicateLine(at) => {
            let lines: Vec<&str> = text.split('\n').collect();
            let i = at % lines.len();
            let mut out: Vec<&str> = lines.clone();
            out.insert(i, lines[i]);
            return out.join("\n");
        }
        Mutation::Replace(at, c) => {
            if !chars.is_empty() {
                let i = at % chars.len();
                chars[i] = *c;
            }
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn parse_never_panics_on_arbitrary_text(text in any::<String>()) {
        let _ = parse(&text);
    }

    #[test]
    fn parse_never_panics_on_line_like_text(
        lines in proptest::collection::vec(
            "(export |set -gx |set |\\$Env:|\\$ |PS C:\\\\> |# |REM )?(AWS_[A-Z_]{0,24}|aws_[a-z_]{0,24}|\\[[a-z]{0,5}\\])?( ?= ?| )?[\"'{}A-Za-z0-9/+=:.\\-\u{feff}“]{0,30}",
            0..8,
        ),
        crlf in any::<bool>(),
    ) {
        let text = lines.join(if crlf { "\r\n" } else { "\n" });
        if let Ok(parsed) = parse(&text) {
            prop_assert!(!parsed.credentials.access_key_id.is_empty());
            prop_assert!(!parsed.credentials.secret_access_key.is_empty());
        }
    }

    #[test]
    fn generated_texts_read_back_exactly(
        g in generated(),
        format in proptest::sample::select(LINE_FORMATS.to_vec()),
        crlf in any::<bool>(),
        epoch in any::<bool>(),
        prefix in proptest::sample::select(vec!["", "\n\n", "# pasted\n", "   ", "$ aws configure export-credentials\n"]),
    ) {
        let text = format!("{prefix}{}", render(&g, format, crlf, epoch));
        let parsed = parse(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&parsed.credentials.access_key_id, &g.id);
        prop_assert_eq!(&parsed.credentials.secret_access_key, &g.secret);
        prop_assert_eq!(&parsed.credentials.session_token, &g.token);
        prop_assert_eq!(parsed.credentials.expires_at, g.expires_at);
        prop_assert_eq!(parsed.format, format);
        let region = if format == Format::Process { None } else { g.region.clone() };
        prop_assert_eq!(parsed.region, region);
        prop_assert_eq!(
            parsed.warnings.contains(&Warning::LongTerm { akia: g.id.starts_with("AKIA") }),
            g.id.starts_with("AKIA") || g.token.is_none()
        );
        let restored = Credentials::from_session_storage(&parsed.credentials.to_session_storage());
        prop_assert_eq!(restored.as_ref(), Some(&parsed.credentials));
    }

    #[test]
    fn mutated_texts_never_panic_or_leak(
        g in generated(),
        format in proptest::sample::select(LINE_FORMATS.to_vec()),
        mutations in proptest::collection::vec(mutation(), 1..4),
    ) {
        let mut text = render(&g, format, false, false);
        for m in &mutations {
            text = mutate(&text, m);
        }
        match parse(&text) {
            Ok(parsed) => {
                let debug = format!("{:?}", parsed.credentials);
                prop_assert!(!debug.contains(&g.secret), "{}", debug);
                if let Some(token) = &parsed.credentials.session_token {
                    prop_assert!(!debug.contains(token.as_str()) || token.len() < 8, "{}", debug);
                }
                for warning in &parsed.warnings {
                    prop_assert!(!warning.to_string().contains(&g.secret));
                }
            }
            Err(e) => {
                for shown in [e.to_string(), format!("{e:?}")] {
                    prop_assert!(!shown.contains(&g.secret), "{}", shown);
                    if let Some(token) = &g.token {
                        prop_assert!(!shown.contains(token.as_str()), "{}", shown);
                    }
                }
            }
        }
    }
}
