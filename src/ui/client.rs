//! The browser edge of the AWS calls: reads the clock, signs through the pure core, sends with
//! `gloo-net`, and retries what may be retried. Everything it decides is in [`crate::aws`]:
//! framing ([`api`]), errors ([`ApiError`]), backoff ([`Backoff`]) and clock skew ([`Clock`]).

use gloo_net::http::Request;
use web_sys::{ReferrerPolicy, RequestCache, RequestCredentials};

use crate::aws::api::{self, Endpoint, Operation};
use crate::aws::clock::Clock;
use crate::aws::credentials::Credentials;
use crate::aws::error::{ApiError, ErrorKind};
use crate::aws::retry::Backoff;
use crate::aws::sign::Key;
use crate::aws::time::{self, Millis};
use crate::ui::sig::Sig;

/// The browser's clock, in milliseconds since the epoch (the only place it is read, with
/// [`crate::ui::io`]'s draft time stamps).
pub fn local_now() -> Millis {
    js_sys::Date::now() as Millis
}

/// Waits `ms` milliseconds without blocking the page.
pub async fn sleep(ms: Millis) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let delay = i32::try_from(ms.max(0)).unwrap_or(i32::MAX);
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, delay);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Where a call goes and with which key: a copy taken when the call starts, so that changing
/// the panel during a call does not change the call.
#[derive(Clone)]
pub struct Target {
    /// The credentials to sign with.
    pub credentials: Credentials,
    /// The Region in the credential scope.
    pub region: String,
    /// Where to post.
    pub endpoint: Endpoint,
}

/// The connection's shared, non-secret state: the clock offset learnt from AWS, and a line
/// saying what the call in flight is doing (retries included).
#[derive(Clone, Copy)]
pub struct Link {
    /// The offset between this browser's clock and AWS's.
    pub clock: Sig<Clock>,
    /// What the call in flight is doing, for the admin; `None` when idle.
    pub progress: Sig<Option<String>>,
    /// Set whenever the clock offset was corrected, for the status line.
    pub skew_note: Sig<Option<String>>,
}

impl Link {
    /// A link with no offset yet.
    pub fn new() -> Self {
        Link {
            clock: Sig::new(Clock::default()),
            progress: Sig::new(None),
            skew_note: Sig::new(None),
        }
    }

    /// AWS's time as far as the console knows it.
    pub fn now(self) -> Millis {
        self.clock.with_untracked(|c| c.now(local_now()))
    }

    fn learn_date(self, date: Option<Millis>) {
        if let Some(server) = date {
            let mut clock = self.clock.get_untracked();
            if clock.observe_date(local_now(), server) {
                self.clock.set(clock);
                self.note_skew();
            }
        }
    }

    fn note_skew(self) {
        let offset = self.clock.with_untracked(|c| c.offset());
        let direction = if offset > 0 { "behind" } else { "ahead of" };
        self.skew_note.set(Some(format!(
            "This computer's clock is {} min {direction} AWS's; the console signs with AWS's \
             time instead.",
            tenths(offset.unsigned_abs() / 6_000)
        )));
    }

    /// Calls `operation` with `body` and returns the response body. Signs with the corrected
    /// clock; a clock-skew rejection corrects the clock and is retried once; throttling, server
    /// errors and concurrent modifications are retried with jittered backoff, each wait shown
    /// in [`Link::progress`] under `doing`.
    ///
    /// # Errors
    /// Expired credentials (nothing is sent), a network failure, or AWS's error after the
    /// retries.
    pub async fn call(
        self,
        target: &Target,
        operation: Operation,
        body: String,
        doing: &str,
    ) -> Result<String, ApiError> {
        let backoff = Backoff::default();
        let mut attempt: u32 = 0;
        let mut skew_retried = false;
        loop {
            self.progress.set(Some(if attempt == 0 {
                format!("{doing}…")
            } else {
                format!(
                    "{doing} (attempt {} of {})…",
                    attempt + 1,
                    backoff.max_attempts
                )
            }));
            let (result, date) = self.send_once(target, operation, body.clone()).await;
            let error = match result {
                Ok(text) => {
                    self.learn_date(date);
                    return Ok(text);
                }
                Err(error) => error,
            };
            let mut clock = self.clock.get_untracked();
            let retry_now = clock.observe_error(local_now(), &error, date);
            if clock != self.clock.get_untracked() {
                self.clock.set(clock);
                self.note_skew();
            }
            if retry_now && !skew_retried {
                skew_retried = true;
                continue;
            }
            if !backoff.should_retry(attempt, &error) {
                return Err(error);
            }
            let wait = backoff.delay(attempt, js_sys::Math::random());
            self.progress.set(Some(format!(
                "{doing}: {} Trying again in {} s (attempt {} of {}).",
                error.summary(),
                tenths(wait.unsigned_abs() / 100),
                attempt + 2,
                backoff.max_attempts
            )));
            sleep(wait).await;
            attempt += 1;
        }
    }

    /// One signed request: its outcome, and the response's `Date` when there was a response.
    async fn send_once(
        self,
        target: &Target,
        operation: Operation,
        body: String,
    ) -> (Result<String, ApiError>, Option<Millis>) {
        match self.try_send(target, operation, body).await {
            Ok((text, date)) => (Ok(text), date),
            Err((error, date)) => (Err(error), date),
        }
    }

    async fn try_send(
        self,
        target: &Target,
        operation: Operation,
        body: String,
    ) -> Result<(String, Option<Millis>), (ApiError, Option<Millis>)> {
        let now = self.now();
        let creds = &target.credentials;
        if creds.is_expired(now) {
            let at = creds
                .expires_at
                .map(time::format_iso8601)
                .unwrap_or_default();
            return Err((
                ApiError {
                    kind: ErrorKind::ExpiredToken,
                    code: "ExpiredToken".into(),
                    message: format!(
                        "The credentials expired at {at}; nothing was sent (checked in the \
                         browser)."
                    ),
                    status: None,
                    request_id: None,
                },
                None,
            ));
        }
        let key = Key {
            access_key_id: &creds.access_key_id,
            secret_access_key: &creds.secret_access_key,
            session_token: creds.session_token.as_deref(),
        };
        let prepared = api::prepare(operation, &target.endpoint, &target.region, key, body, now)
            .map_err(|e| (ApiError::network(&e.to_string()), None))?;
        let mut request = Request::post(&prepared.url)
            .credentials(RequestCredentials::Omit)
            .cache(RequestCache::NoStore)
            .referrer_policy(ReferrerPolicy::NoReferrer);
        for (name, value) in &prepared.headers {
            request = request.header(name, value);
        }
        let request = request
            .body(prepared.body)
            .map_err(|e| (ApiError::network(&e.to_string()), None))?;
        let response = request
            .send()
            .await
            .map_err(|e| (ApiError::network(&error_text(&e)), None))?;
        let headers = response.headers();
        let date = headers.get("date").and_then(|d| time::parse_http_date(&d));
        let status = response.status();
        let text = response
            .text()
            .await
            .map_err(|e| (ApiError::network(&error_text(&e)), date))?;
        if (200..300).contains(&status) {
            return Ok((text, date));
        }
        let error_type = headers.get("x-amzn-errortype");
        let request_id = headers.get("x-amzn-requestid");
        let mut error =
            ApiError::from_response(status, error_type.as_deref(), request_id.as_deref(), &text);
        // Some services quote the canonical request in signature errors, session token
        // included: it must not reach the page.
        for secret in [
            Some(creds.secret_access_key.as_str()),
            creds.session_token.as_deref(),
        ]
        .into_iter()
        .flatten()
        {
            if error.message.contains(secret) {
                error.message = error.message.replace(secret, "<redacted>");
            }
        }
        Err((error, date))
    }
}

impl Default for Link {
    fn default() -> Self {
        Link::new()
    }
}

/// `n` tenths as a decimal with one digit after the point (`12` → `1.2`), without the float
/// formatting code that `{:.1}` pulls into the wasm.
fn tenths(n: u64) -> String {
    format!("{}.{}", n / 10, n % 10)
}

/// The message of a gloo-net error (a rejected `fetch` says "Failed to fetch").
fn error_text(error: &gloo_net::Error) -> String {
    match error {
        gloo_net::Error::JsError(js) => js.message.clone(),
        other => other.to_string(),
    }
}
