//! What went wrong when a call to Cognito failed, in plain words, with what to do next.
//!
//! Every failure the browser edge sees becomes one [`ApiError`]: an error response from AWS (read
//! by [`ApiError::from_response`]), a `fetch` that never got an answer ([`ApiError::network`]),
//! a time-out ([`ApiError::timeout`]), or a success whose body is not what was expected
//! ([`ApiError::not_json`]). The [`ErrorKind`] mirrors the exceptions `UpdateUserPool` lists,
//! the authentication failures every AWS JSON service returns, and the transport failures only a
//! browser sees, plus [`ErrorKind::Unexpected`] for anything else (its code is kept).
//!
//! The same error also says whether sending again can help ([`ApiError::is_retryable`], used by
//! [`crate::aws::retry`]) and whether the browser's clock is to blame
//! ([`ApiError::is_clock_skew`], [`ApiError::server_time`], used by [`crate::aws::clock`]).
//!
//! Pure: no clock, no IO.

use std::fmt;

use serde_json::Value;

use crate::aws::time::{parse_amz_date, Millis};

/// The kinds of failure, one for each case the admin is told about differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// `ConcurrentModificationException`: another change to the pool was under way.
    ConcurrentModification,
    /// `FeatureUnavailableInTierException`: a setting needs a higher feature plan.
    FeatureUnavailableInTier,
    /// `InternalErrorException` (also `InternalFailure`, or a bare 5xx): Cognito failed.
    InternalError,
    /// `InvalidEmailRoleAccessPolicyException`: Cognito may not send from the SES identity.
    InvalidEmailRoleAccessPolicy,
    /// `InvalidParameterException`: Cognito rejected a value.
    InvalidParameter,
    /// `InvalidSmsRoleAccessPolicyException`: the SMS role may not publish through SNS.
    InvalidSmsRoleAccessPolicy,
    /// `InvalidSmsRoleTrustRelationshipException`: Cognito may not assume the SMS role.
    InvalidSmsRoleTrustRelationship,
    /// `NotAuthorizedException`: Cognito's own refusal (not IAM's).
    NotAuthorized,
    /// `ResourceNotFoundException`: no such pool here.
    ResourceNotFound,
    /// `TierChangeNotAllowedException`: the feature plan cannot change this way.
    TierChangeNotAllowed,
    /// `TooManyRequestsException`: Cognito's request-rate quota.
    TooManyRequests,
    /// `UserImportInProgressException`: a user import job holds the pool.
    UserImportInProgress,
    /// `UserPoolTaggingException`: the pool's tags could not be set.
    UserPoolTagging,
    /// `UnrecognizedClientException` (also `InvalidClientTokenId`): unknown key id or token.
    UnrecognizedClient,
    /// `InvalidSignatureException` (also `SignatureDoesNotMatch` and the request-time codes):
    /// a wrong secret key, or a clock too far off ([`ApiError::is_clock_skew`] tells which).
    InvalidSignature,
    /// `IncompleteSignatureException`: the signature lacks parts.
    IncompleteSignature,
    /// `ExpiredTokenException`: the temporary credentials ran out.
    ExpiredToken,
    /// `AccessDeniedException`: IAM does not allow the call.
    AccessDenied,
    /// `MissingAuthenticationTokenException`: no signature at all (or a wrong URL).
    MissingAuthenticationToken,
    /// `ThrottlingException`: AWS's generic throttling, or a bare HTTP 429.
    Throttling,
    /// `ServiceUnavailableException`, or a bare HTTP 503.
    ServiceUnavailable,
    /// `fetch` was rejected: offline, a name that does not resolve, or a CORS refusal (the browser
    /// does not say which).
    Network,
    /// No answer within the console's own time limit.
    ClientTimeout,
    /// The body is not the JSON Cognito sends (an HTML error page, a proxy, a wrong endpoint).
    NotJson,
    /// Any other error code; [`ApiError::code`] keeps it.
    Unexpected,
}

impl ErrorKind {
    /// The kind of an error code in its short form (`ResourceNotFoundException`); the
    /// `Exception` suffix is optional, so the XML codes of other AWS front ends match too.
    pub fn from_code(code: &str) -> ErrorKind {
        use ErrorKind::*;
        match code.strip_suffix("Exception").unwrap_or(code) {
            "ConcurrentModification" => ConcurrentModification,
            "FeatureUnavailableInTier" => FeatureUnavailableInTier,
            "InternalError" | "InternalFailure" | "InternalServerError" => InternalError,
            "InvalidEmailRoleAccessPolicy" => InvalidEmailRoleAccessPolicy,
            "InvalidParameter" => InvalidParameter,
            "InvalidSmsRoleAccessPolicy" => InvalidSmsRoleAccessPolicy,
            "InvalidSmsRoleTrustRelationship" => InvalidSmsRoleTrustRelationship,
            "NotAuthorized" => NotAuthorized,
            "ResourceNotFound" => ResourceNotFound,
            "TierChangeNotAllowed" => TierChangeNotAllowed,
            "TooManyRequests" => TooManyRequests,
            "UserImportInProgress" => UserImportInProgress,
            "UserPoolTagging" => UserPoolTagging,
            "UnrecognizedClient" | "InvalidClientTokenId" | "InvalidAccessKeyId" => {
                UnrecognizedClient
            }
            "InvalidSignature"
            | "SignatureDoesNotMatch"
            | "RequestExpired"
            | "RequestTimeTooSkewed"
            | "RequestInTheFuture" => InvalidSignature,
            "IncompleteSignature" => IncompleteSignature,
            "ExpiredToken" => ExpiredToken,
            "AccessDenied" => AccessDenied,
            "MissingAuthenticationToken" => MissingAuthenticationToken,
            "Throttling" | "RequestLimitExceeded" | "RequestThrottled" => Throttling,
            "ServiceUnavailable" => ServiceUnavailable,
            _ => Unexpected,
        }
    }
}

/// One failed call, as the admin is told about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    /// What kind of failure this is.
    pub kind: ErrorKind,
    /// The error code in its short form (`ResourceNotFoundException`); for failures without one,
    /// `HTTP 503`, `NetworkError`, `ClientTimeout` or `NotJson`.
    pub code: String,
    /// AWS's own message, verbatim (for a body that is not JSON, its start); may be empty.
    pub message: String,
    /// The HTTP status, when there was a response.
    pub status: Option<u16>,
    /// The `x-amzn-RequestId` header, for AWS Support.
    pub request_id: Option<String>,
}

/// How much of a body that is not JSON is kept as the message, in characters.
const SNIPPET_CHARS: usize = 200;

/// The first [`SNIPPET_CHARS`] characters of a body, runs of whitespace turned into one space.
fn snippet(body: &str) -> String {
    let mut out = String::new();
    for (i, word) in body.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
        if out.len() >= SNIPPET_CHARS * 4 {
            break;
        }
    }
    match out.char_indices().nth(SNIPPET_CHARS) {
        Some((cut, _)) => format!("{}…", &out[..cut]),
        None => out,
    }
}

/// The short form of an error type: `Foo` from `Foo`, `ns.model#Foo` or
/// `Foo:http://internal.amazon.com/coral/...` (the `x-amzn-ErrorType` form).
fn short_code(raw: &str) -> &str {
    let s = raw.split(':').next().unwrap_or(raw);
    s.rsplit('#').next().unwrap_or(s).trim()
}

/// The text of the first `<tag>…</tag>` in an XML body (the `<ErrorResponse>` that moto and
/// AWS's query-protocol front ends send), with the five predefined entities decoded.
fn xml_text(body: &str, tag: &str) -> Option<String> {
    let start = body.find(&format!("<{tag}>"))? + tag.len() + 2;
    let len = body[start..].find(&format!("</{tag}>"))?;
    let text = body[start..start + len]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    Some(text)
}

impl ApiError {
    /// Reads a non-2xx response: its status, `x-amzn-ErrorType` and `x-amzn-RequestId` headers
    /// (when the browser could read them) and its body.
    ///
    /// The code comes from the body's `__type` (or `code`), else from the header, else from the
    /// `<Code>` of an XML error (moto without a wrapper answers in XML). The message comes from
    /// `message` or `Message` (or `<Message>`); for a body that is neither JSON nor an XML error,
    /// it is the body's first 200 characters with whitespace collapsed.
    ///
    /// Without a code the status decides: 429 is [`ErrorKind::Throttling`], 503
    /// [`ErrorKind::ServiceUnavailable`], any other 5xx [`ErrorKind::InternalError`]; below 500 a
    /// body that is not JSON is [`ErrorKind::NotJson`], and JSON without a code
    /// [`ErrorKind::Unexpected`] (code `HTTP <status>` in all these cases). Never fails: every
    /// input gives an error to show.
    pub fn from_response(
        status: u16,
        error_type_header: Option<&str>,
        request_id: Option<&str>,
        body: &str,
    ) -> ApiError {
        let json = match crate::json::parse(body.as_bytes()) {
            Ok(Value::Object(map)) => Some(map),
            _ => None,
        };
        let field = |names: &[&str]| {
            let map = json.as_ref()?;
            names
                .iter()
                .find_map(|n| map.get(*n)?.as_str())
                .map(str::to_owned)
        };
        let (body_code, message) = if json.is_some() {
            (field(&["__type", "code"]), field(&["message", "Message"]))
        } else {
            (xml_text(body, "Code"), xml_text(body, "Message"))
        };
        let code = body_code
            .as_deref()
            .or(error_type_header)
            .map(short_code)
            .filter(|c| !c.is_empty());
        let message = match message {
            Some(m) => m,
            None if json.is_some() => String::new(),
            None => snippet(body),
        };
        let (kind, code) = match code {
            Some(code) => (ErrorKind::from_code(code), code.to_owned()),
            None => {
                let kind = match status {
                    429 => ErrorKind::Throttling,
                    503 => ErrorKind::ServiceUnavailable,
                    500..=599 => ErrorKind::InternalError,
                    _ if json.is_none() => ErrorKind::NotJson,
                    _ => ErrorKind::Unexpected,
                };
                (kind, format!("HTTP {status}"))
            }
        };
        ApiError {
            kind,
            code,
            message,
            status: Some(status),
            request_id: request_id
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(str::to_owned),
        }
    }

    /// A `fetch` that was rejected before any response; `detail` is what the browser said
    /// (`TypeError: Failed to fetch`).
    pub fn network(detail: &str) -> ApiError {
        ApiError::local(ErrorKind::Network, "NetworkError", detail.trim().to_owned())
    }

    /// A request the console gave up waiting for after `waited` milliseconds.
    pub fn timeout(waited: Millis) -> ApiError {
        let message = format!("No answer after {} s.", waited.max(0) / 1000);
        ApiError::local(ErrorKind::ClientTimeout, "ClientTimeout", message)
    }

    /// A response (usually 2xx) whose body is not what the operation returns.
    pub fn not_json(status: u16, body: &str) -> ApiError {
        ApiError {
            status: Some(status),
            ..ApiError::local(ErrorKind::NotJson, "NotJson", snippet(body))
        }
    }

    fn local(kind: ErrorKind, code: &str, message: String) -> ApiError {
        ApiError {
            kind,
            code: code.to_owned(),
            message,
            status: None,
            request_id: None,
        }
    }

    /// Whether sending the same request again, after a pause, can succeed.
    ///
    /// Yes for throttling (`TooManyRequests`, `Throttling`), for failures on AWS's side
    /// (`InternalError`, `ServiceUnavailable`, any 5xx), for `ConcurrentModification` (the other
    /// change finishes), and for `Network` and `ClientTimeout` (a dropped connection or a slow
    /// network often passes). Retrying is safe for all three operations: List and Describe only
    /// read, and `UpdateUserPool` always carries the whole configuration, so sending it twice
    /// leaves the pool as sending it once (even if the first one did arrive). A CORS refusal
    /// also looks like `Network`; retrying it only delays the message by about a second.
    /// Idempotent is not conflict-free: an update retried after `ConcurrentModification` still
    /// overwrites what the other change set, like any apply; noticing that is the apply step's
    /// job (`crate::aws::apply`, comparing the pool with the baseline).
    ///
    /// No for everything the admin has to fix (values, permissions, credentials, tiers) and for a
    /// clock-skew error: that one is retried once by [`crate::aws::clock::Clock::observe_error`]
    /// after correcting the clock, since the same signing time would fail again.
    pub fn is_retryable(&self) -> bool {
        use ErrorKind::*;
        matches!(
            self.kind,
            TooManyRequests
                | Throttling
                | ConcurrentModification
                | InternalError
                | ServiceUnavailable
                | Network
                | ClientTimeout
        ) || self.status.is_some_and(|s| s >= 500)
    }

    /// Whether AWS rejected the request because its signing time was too far from AWS's clock:
    /// an `InvalidSignatureException` (or `SignatureDoesNotMatch`, `AuthFailure`) whose message
    /// says "Signature expired" or "Signature not yet current", and the codes the AWS SDKs treat
    /// as clock errors (`RequestExpired`, `RequestTimeTooSkewed`, `RequestInTheFuture`).
    pub fn is_clock_skew(&self) -> bool {
        let code = self.code.strip_suffix("Exception").unwrap_or(&self.code);
        let message = self.message.to_ascii_lowercase();
        matches!(
            code,
            "RequestExpired" | "RequestTimeTooSkewed" | "RequestInTheFuture"
        ) || (matches!(
            code,
            "InvalidSignature" | "SignatureDoesNotMatch" | "AuthFailure"
        ) && [
            "signature expired",
            "signature not yet current",
            "request has expired",
        ]
        .iter()
        .any(|m| message.contains(m)))
    }

    /// AWS's time when it checked the signature, read from a clock-skew message: the time in
    /// parentheses of `Signature expired: X is now earlier than Y (Z - 5 min.)` or
    /// `Signature not yet current: X is still later than Y (Z + 5 min.)`, that is Z.
    /// `None` for other errors or when the message has no such time.
    pub fn server_time(&self) -> Option<Millis> {
        if !self.is_clock_skew() {
            return None;
        }
        let (_, after) = self.message.rsplit_once('(')?;
        parse_amz_date(after.split_whitespace().next()?)
    }

    /// What went wrong, in one plain sentence.
    pub fn summary(&self) -> String {
        use ErrorKind::*;
        if self.is_clock_skew() {
            return "AWS refused the request because it was signed at a time more than 5 minutes \
                    away from AWS's clock."
                .into();
        }
        let text = match self.kind {
            ConcurrentModification => {
                "Another change to this user pool was under way at the same moment, so Cognito \
                 refused this one."
            }
            FeatureUnavailableInTier => {
                "A setting in this change is not available on the pool's feature plan (tier)."
            }
            InternalError => "Cognito failed on its side while handling the request.",
            InvalidEmailRoleAccessPolicy => {
                "Cognito is not allowed to send email from the SES identity in \
                 EmailConfiguration.SourceArn."
            }
            InvalidParameter => "Cognito rejected a value in the request.",
            InvalidSmsRoleAccessPolicy => {
                "The IAM role in SmsConfiguration.SnsCallerArn is not allowed to send text \
                 messages through Amazon SNS."
            }
            InvalidSmsRoleTrustRelationship => {
                "Cognito cannot take on (assume) the IAM role in SmsConfiguration.SnsCallerArn \
                 to send text messages."
            }
            NotAuthorized => "Cognito itself refused this operation as not allowed.",
            ResourceNotFound => "Cognito has no user pool with this id in this region.",
            TierChangeNotAllowed => {
                "Cognito refused to move the pool to another feature plan (UserPoolTier)."
            }
            TooManyRequests => {
                "Cognito's limit on calls per second for this operation and account was reached."
            }
            UserImportInProgress => {
                "A user import job is running on this pool; the pool cannot change until it ends."
            }
            UserPoolTagging => "Cognito could not set the pool's tags (UserPoolTags).",
            UnrecognizedClient => "AWS does not recognise the access key id or session token.",
            InvalidSignature => {
                "The request's signature does not match the one AWS computed with the secret \
                 key it holds."
            }
            IncompleteSignature => "The request's signature is missing parts AWS needs.",
            ExpiredToken => "The temporary credentials have expired.",
            AccessDenied => {
                "The credentials are valid, but their IAM permissions do not allow this call."
            }
            MissingAuthenticationToken => "The request reached AWS without a signature.",
            Throttling => "AWS is slowing down requests from this account (throttling).",
            ServiceUnavailable => "Cognito is unavailable for the moment in this region.",
            Network => "No answer: the browser could not reach the endpoint.",
            ClientTimeout => "No answer came in time.",
            NotJson => "The answer is not the JSON Cognito sends; something else answered.",
            Unexpected => "AWS returned an error this console does not know.",
        };
        text.into()
    }

    /// What to do next, concretely (1–3 sentences, with a policy snippet where one helps).
    pub fn advice(&self) -> String {
        use ErrorKind::*;
        if self.is_clock_skew() {
            return "This computer's clock is off. The console learns AWS's time from the answer \
                    and retries once; if the error comes back, set the system clock to update \
                    automatically and reload."
                .into();
        }
        let text = match self.kind {
            ConcurrentModification => {
                "Someone or something else (another admin, a deployment pipeline) is changing \
                 the pool. The console retries a few times; if it still fails, reload the pool, \
                 look at what changed, and apply again."
            }
            FeatureUnavailableInTier => {
                "Each pool is on a feature plan (LITE, ESSENTIALS or PLUS) and some settings \
                 work only on the higher ones, such as threat protection on PLUS. Raise \
                 UserPoolTier in this change (it costs more per user), or turn the feature off, \
                 then apply again."
            }
            InternalError => {
                "This is not caused by your settings. The console retries a few times; if it \
                 keeps failing, wait a few minutes, check the AWS Health Dashboard for the \
                 region, and apply again."
            }
            InvalidEmailRoleAccessPolicy => {
                "Check that SourceArn names an identity verified in SES in a region Cognito \
                 supports, and that the identity's sending authorization policy lets Cognito \
                 send, for example:\n{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \
                 \"email.cognito-idp.amazonaws.com\"}, \"Action\": [\"ses:SendEmail\", \
                 \"ses:SendRawEmail\"], \"Resource\": \"<SourceArn>\"}"
            }
            InvalidParameter => {
                "AWS's message below names the setting and what is wrong with it; fix it and \
                 apply again. The console checks most rules before sending, but some (an ARN \
                 that must exist, a combination of settings) only Cognito can check."
            }
            InvalidSmsRoleAccessPolicy => {
                "Attach a policy to that role that allows sns:Publish. Text messages go to \
                 phone numbers, not topics, so the resource is \"*\":\n{\"Effect\": \"Allow\", \
                 \"Action\": \"sns:Publish\", \"Resource\": \"*\"}"
            }
            InvalidSmsRoleTrustRelationship => {
                "The role's trust policy must let cognito-idp.amazonaws.com call \
                 sts:AssumeRole with an sts:ExternalId equal to SmsConfiguration.ExternalId; \
                 aws:SourceAccount and aws:SourceArn (the pool) are optional extra checks. A \
                 role just created or edited can take a minute to work.\n{\"Effect\": \
                 \"Allow\", \"Principal\": {\"Service\": \"cognito-idp.amazonaws.com\"}, \
                 \"Action\": \"sts:AssumeRole\", \"Condition\": {\"StringEquals\": \
                 {\"sts:ExternalId\": \"<ExternalId>\", \"aws:SourceAccount\": \"<account \
                 id>\"}, \"ArnLike\": {\"aws:SourceArn\": \
                 \"arn:aws:cognito-idp:<region>:<account id>:userpool/<pool id>\"}}}"
            }
            NotAuthorized => {
                "This is Cognito's own check, separate from IAM permissions; AWS's message \
                 below says what is not allowed. Change that part of the configuration, or use \
                 credentials from the account that owns the pool."
            }
            ResourceNotFound => {
                "Check the pool id (it starts with its region, as in us-east-1_AbC123) and \
                 that the selected region matches it; the pool may also have been deleted. Pick \
                 the pool again from the list."
            }
            TierChangeNotAllowed => {
                "Keep UserPoolTier at the pool's current plan to apply the rest of this change. \
                 Change the plan in a separate apply, after turning off what only the current \
                 plan offers; AWS's message says what blocks it."
            }
            TooManyRequests => {
                "The console waits and retries on its own. If it still fails, wait a minute: \
                 other tools and scripts using this account share the same quota."
            }
            UserImportInProgress => {
                "Wait for the import job to finish, or stop it (aws cognito-idp \
                 list-user-import-jobs shows it), then apply again; your changes stay in the \
                 form."
            }
            UserPoolTagging => {
                "Check the keys and values in UserPoolTags (at most 50 tags, keys not starting \
                 with aws:, keys up to 128 and values up to 256 characters) and that your IAM \
                 policy allows tagging, then apply again."
            }
            UnrecognizedClient => {
                "The key id or token is not valid for this endpoint: look for a typo, paste the \
                 session token that goes with temporary (ASIA…) keys, and check that the keys \
                 belong to this account and partition (China and GovCloud keys work only there) \
                 and were not deleted."
            }
            InvalidSignature => {
                "The secret access key is most likely mistyped, or belongs to another key id. \
                 Paste the access key id and the secret key again, both from the same source."
            }
            IncompleteSignature => {
                "Check that the access key id has no spaces or line breaks in it and paste it \
                 again. If it persists, a proxy or browser extension may be changing the \
                 request's headers; try without it."
            }
            ExpiredToken => {
                "Get fresh temporary credentials (aws sts assume-role, or your access portal's \
                 access keys page) and paste them in the credentials panel; nothing you typed in \
                 the form is lost."
            }
            AccessDenied => {
                "The console needs cognito-idp:ListUserPools, cognito-idp:DescribeUserPool and \
                 cognito-idp:UpdateUserPool on this pool. Read-only credentials can load and \
                 review but cannot apply; AWS's message names the refused action."
            }
            MissingAuthenticationToken => {
                "Enter credentials before sending. If they are there, check the endpoint URL: \
                 AWS also answers this way for an address that serves no API."
            }
            Throttling => {
                "The console slows down and retries on its own; if it still fails, wait a \
                 minute and try again."
            }
            ServiceUnavailable => {
                "The console retries a few times; if it keeps failing, wait a few minutes and \
                 check the AWS Health Dashboard. Your changes stay in the form."
            }
            Network => {
                "Check the connection and the endpoint URL. The browser does not say why \
                 (offline, an unknown host name and a CORS refusal look the same); a custom \
                 endpoint must answer CORS preflight (OPTIONS) requests from this page's origin."
            }
            ClientTimeout => {
                "The network or the endpoint is slow; the console retries. Applying again is \
                 safe: the change carries the whole configuration, so a second copy changes \
                 nothing more."
            }
            NotJson => {
                "Check the endpoint URL and any proxy, VPN or captive portal in between; the \
                 start of the answer is shown below."
            }
            Unexpected => {
                "Read AWS's message below and look up the code in the Cognito API reference; \
                 your changes stay in the form."
            }
        };
        text.into()
    }
}

impl fmt::Display for ApiError {
    /// One line: the summary, then the code in parentheses.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.summary(), self.code)
    }
}

impl std::error::Error for ApiError {}
