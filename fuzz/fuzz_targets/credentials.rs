//! The credential paste parser (`aws::credentials::parse`, every pasted format) and the "type
//! them in" form (`from_fields`) on arbitrary text. Never panics, and never shows a secret:
//!
//! - `@S` and `@T` in the input stand for a secret access key and a session token (those of
//!   tests/credentials.rs), so the fuzzer can put secret material anywhere; no error message,
//!   no `Debug` output and no warning may contain it (tests/credentials.rs `assert_no_secrets`).
//! - Read credentials have a key ID and a secret; their `Debug` does not depend on the secret
//!   or the token (only the token's length shows); the session-storage form reads back exactly;
//!   expiry warnings can be worked out at any time.

#![no_main]

use cognito_pool_console::aws::credentials::{from_fields, parse, Credentials, ParseError, Parsed};
use libfuzzer_sys::fuzz_target;

/// Contains `/` and `+`, as real secrets often do (tests/credentials.rs).
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLE+Ky";
const TOKEN: &str = "IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+fake/session/\
                     token/0123456789abcdefghijKLMNOPqrstuvWXYZ+example==";

fn assert_no_secrets(text: &str) {
    for secret in [SECRET, TOKEN, "wJalrXUtnFEMI", "IQoJb3JpZ2lu"] {
        assert!(!text.contains(secret), "secret material in: {text}");
    }
}

fn check(result: Result<Parsed, ParseError>) {
    let parsed = match result {
        Ok(parsed) => parsed,
        Err(error) => {
            let message = error.to_string();
            assert!(!message.is_empty());
            assert_no_secrets(&message);
            assert_no_secrets(&format!("{error:?}"));
            return;
        }
    };
    let credentials = &parsed.credentials;
    assert!(!credentials.access_key_id.is_empty());
    assert!(!credentials.secret_access_key.is_empty());
    assert!(credentials.masked_key_id().chars().count() <= 9);
    // Debug shows neither secret nor token: the same text for any other secret and token of
    // the same length.
    let other = Credentials {
        secret_access_key: "x".to_owned(),
        session_token: credentials
            .session_token
            .as_ref()
            .map(|t| "x".repeat(t.chars().count())),
        ..credentials.clone()
    };
    let debug = format!("{credentials:?}");
    assert_eq!(
        debug,
        format!("{other:?}"),
        "Debug shows the secret or the token"
    );
    assert_no_secrets(&debug);
    // The region is shown as it was pasted (it is not secret), the rest never shows a secret.
    let shown = Parsed {
        region: None,
        ..parsed.clone()
    };
    assert_no_secrets(&format!("{shown:?}"));
    for warning in &parsed.warnings {
        assert_no_secrets(&warning.to_string());
    }
    let stored = credentials.to_session_storage();
    assert_eq!(
        Credentials::from_session_storage(&stored).as_ref(),
        Some(credentials)
    );
    let mut nows = vec![0, i64::MIN, i64::MAX];
    if let Some(at) = credentials.expires_at {
        nows.extend([at.saturating_sub(1), at, at.saturating_sub(60_000)]);
    }
    for now in nows {
        let checked = parsed.clone().checked_at(now);
        for warning in &checked.warnings {
            assert_no_secrets(&warning.to_string());
        }
        let _ = credentials.remaining(now);
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data)
        .replace("@S", SECRET)
        .replace("@T", TOKEN);
    check(parse(&text));
    // The typed-in form: key ID, secret, token and expiration, one a line.
    let mut lines = text.splitn(4, '\n');
    let mut next = || lines.next().unwrap_or_default();
    let (id, secret, token, expiration) = (next(), next(), next(), next());
    check(from_fields(id, secret, token, expiration));
});
