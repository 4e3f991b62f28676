//! The offset between this computer's clock and AWS's, learnt from responses, so that requests
//! are signed at AWS's time even when the local clock is wrong.
//!
//! SigV4 signs the time of the request, and AWS refuses a signature more than 5 minutes away from
//! its own clock ("Signature expired" / "Signature not yet current"). Like the AWS SDKs, the
//! console signs with `local + offset` and sets the offset from the server's time whenever the
//! two are 5 minutes or more apart: from the `Date` header of any response (Cognito exposes it to
//! the page through CORS) and from the time quoted in a clock-skew error.
//!
//! Why 5 minutes and not less: `Date` has a resolution of one second and arrives after the
//! network's delay, so an offset learnt from it is only good to a second or two; correcting for
//! smaller gaps would make the offset jitter from one response to the next for no gain, since
//! AWS accepts any signing time within 5 minutes anyway.
//!
//! Pure: the local time is always a parameter (the browser edge reads `Date.now()`).

use crate::aws::error::ApiError;
use crate::aws::time::Millis;

/// The correction added to the local clock; the default is none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Clock {
    offset: Millis,
}

/// A gap between the corrected local time and a server's `Date` that changes the offset: SigV4's
/// 5-minute window, as in the AWS SDKs.
pub const SKEW_THRESHOLD: Millis = 5 * 60_000;

/// The same, after AWS has refused a request for its signing time. AWS has then said the clock is
/// out of its window, but the gap measured when the answer arrives can look a little under
/// 5 minutes (the request's travel time and the times' one-second resolution). A 1-minute
/// threshold still corrects it, where the SDKs' 5 minutes would leave the console failing on
/// every request; a smaller gap means the clock is not the cause (a request signed long before
/// it was sent), and a retry would not help.
pub const SKEW_ERROR_THRESHOLD: Millis = 60_000;

impl Clock {
    /// The offset in milliseconds (server minus local); positive when the local clock is slow.
    pub fn offset(&self) -> Millis {
        self.offset
    }

    /// AWS's time now, estimated from the local time: `local + offset`.
    pub fn now(&self, local: Millis) -> Millis {
        local.saturating_add(self.offset)
    }

    /// Takes note of the server's time (`server`, from a `Date` header) seen at local time
    /// `local_now`. When the corrected local time is [`SKEW_THRESHOLD`] or more away from it, the
    /// offset becomes `server - local_now`. Returns whether the offset changed.
    pub fn observe_date(&mut self, local_now: Millis, server: Millis) -> bool {
        self.observe(local_now, server, SKEW_THRESHOLD)
    }

    /// Takes note of a failed call: the server's time is the one quoted in a clock-skew message
    /// ([`ApiError::server_time`]), else the response's `Date` header (`date_header`, already
    /// parsed with [`crate::aws::time::parse_http_date`]).
    ///
    /// For a clock-skew error ([`ApiError::is_clock_skew`]) the offset is corrected from a gap of
    /// [`SKEW_ERROR_THRESHOLD`], and the result says whether to sign and send again: true only
    /// when the offset changed, so a clock-skew error is retried at most once per correction and
    /// can never loop. Other errors update the offset like any response ([`Clock::observe_date`])
    /// and return false: their retries are the business of [`crate::aws::retry`].
    pub fn observe_error(
        &mut self,
        local_now: Millis,
        error: &ApiError,
        date_header: Option<Millis>,
    ) -> bool {
        let skew = error.is_clock_skew();
        let Some(server) = error.server_time().or(date_header) else {
            return false;
        };
        if skew {
            self.observe(local_now, server, SKEW_ERROR_THRESHOLD)
        } else {
            self.observe_date(local_now, server);
            false
        }
    }

    fn observe(&mut self, local_now: Millis, server: Millis, threshold: Millis) -> bool {
        if self.now(local_now).abs_diff(server) < threshold.unsigned_abs() {
            return false;
        }
        let old = std::mem::replace(&mut self.offset, server.saturating_sub(local_now));
        old != self.offset
    }
}
