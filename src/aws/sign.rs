//! SigV4 signing with `aws-sigv4`, pure: the request, the key, the scope and the time go in; the
//! headers to add come out. Nothing here reads the clock or the network.
//!
//! The signer is general (any method, URL, headers and body) so that it can be checked against
//! the AWS SigV4 test suite as well as against botocore's signatures of Cognito requests
//! (`tests/sign.rs`); [`crate::aws::api`] uses it for the three Cognito calls.

use std::fmt;
use std::time::{Duration, UNIX_EPOCH};

use aws_sigv4::http_request::{self, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;

use crate::aws::time::Millis;

/// The key a request is signed with. Borrowed, so that the secret is never copied into
/// anything longer-lived than one signature.
#[derive(Clone, Copy)]
pub struct Key<'a> {
    /// `ASIA…` for temporary credentials, `AKIA…` for long-term ones.
    pub access_key_id: &'a str,
    /// The secret access key.
    pub secret_access_key: &'a str,
    /// The session token of temporary credentials; it is signed (`X-Amz-Security-Token`).
    pub session_token: Option<&'a str>,
}

impl fmt::Debug for Key<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Key")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"<redacted>")
            .field("session_token", &self.session_token.map(|_| "<redacted>"))
            .finish()
    }
}

/// A request to sign.
#[derive(Clone, Copy, Debug)]
pub struct Request<'a> {
    /// `POST`, `GET`, …
    pub method: &'a str,
    /// The full URL; its authority is signed as the `host` header.
    pub url: &'a str,
    /// The headers that are sent and signed (besides `host`, which comes from the URL).
    pub headers: &'a [(&'a str, &'a str)],
    /// The exact body bytes.
    pub body: &'a [u8],
}

/// Why a request could not be signed. Never holds key material.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignError(String);

impl fmt::Display for SignError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the request could not be signed: {}", self.0)
    }
}

impl std::error::Error for SignError {}

/// Signs `request` for `service` in `region` at `time` and returns the headers to add:
/// `x-amz-date`, `authorization` and, with a session token, `x-amz-security-token` (names in
/// lower case). No payload-hash header is added, as for botocore's Cognito requests.
///
/// # Errors
/// A URL or header the signer cannot read, a time before 1970, or an empty region or service.
pub fn sign(
    request: &Request<'_>,
    key: Key<'_>,
    region: &str,
    service: &str,
    time: Millis,
) -> Result<Vec<(String, String)>, SignError> {
    if region.is_empty() || service.is_empty() {
        return Err(SignError(
            "the region and the service must not be empty".into(),
        ));
    }
    let millis = u64::try_from(time).map_err(|_| SignError("the time is before 1970".into()))?;
    let identity: Identity = aws_credential_types::Credentials::new(
        key.access_key_id,
        key.secret_access_key,
        key.session_token.map(str::to_owned),
        None,
        "console",
    )
    .into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name(service)
        .time(UNIX_EPOCH + Duration::from_millis(millis))
        .settings(SigningSettings::default())
        .build()
        .map_err(|e| SignError(e.to_string()))?
        .into();
    let signable = SignableRequest::new(
        request.method,
        request.url,
        request.headers.iter().copied(),
        SignableBody::Bytes(request.body),
    )
    .map_err(|e| SignError(e.to_string()))?;
    let (instructions, _) = http_request::sign(signable, &params)
        .map_err(|e| SignError(e.to_string()))?
        .into_parts();
    let (headers, _) = instructions.into_parts();
    Ok(headers
        .into_iter()
        .map(|h| (h.name().to_ascii_lowercase(), h.value().to_owned()))
        .collect())
}
