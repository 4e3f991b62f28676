//! When to send a failed request again, and how long to wait first: bounded exponential backoff
//! with "full jitter" (each wait is a random part of an exponentially growing ceiling), the
//! scheme the AWS SDKs use so that many clients throttled at once do not come back in step.
//!
//! Pure: the random number is a parameter and nothing here sleeps; the browser edge draws
//! `Math.random()` and waits.
//!
//! The caller counts `attempt` as the number of retries already made: 0 after the first
//! failure. A loop reads:
//!
//! ```text
//! attempt = 0
//! loop: send; on error e:
//!     if !backoff.should_retry(attempt, &e) -> give up with e
//!     wait backoff.delay(attempt, random()); attempt += 1
//! ```

use crate::aws::error::ApiError;
use crate::aws::time::Millis;

/// A retry policy; see [`Backoff::STANDARD`] for the numbers the console uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Backoff {
    /// Attempts in all, the first one included.
    pub max_attempts: u32,
    /// Ceiling of the first wait, in milliseconds; it doubles for each retry.
    pub base: Millis,
    /// Highest ceiling of any wait, in milliseconds.
    pub cap: Millis,
}

impl Backoff {
    /// 4 attempts in all (3 retries), a 200 ms base, a 5 s cap. The waits are at most 200, 400
    /// and 800 ms, 1.4 s in the worst case and 0.7 s on average: short enough for an admin
    /// waiting on an Apply button, long enough to let a brief throttle or a concurrent change
    /// pass. The cap only matters for a policy with more attempts (the ceiling reaches 5 s at the
    /// sixth retry). Errors that persist longer are shown to the admin, who can apply again.
    pub const STANDARD: Backoff = Backoff {
        max_attempts: 4,
        base: 200,
        cap: 5_000,
    };

    /// The most the wait before retry number `attempt + 1` can be: `min(cap, base * 2^attempt)`,
    /// without overflow for any `attempt`.
    pub fn ceiling(&self, attempt: u32) -> Millis {
        let cap = self.cap.max(0);
        let base = self.base.clamp(0, cap);
        if attempt >= 62 {
            return if base == 0 { 0 } else { cap };
        }
        base.saturating_mul(1 << attempt).min(cap)
    }

    /// How long to wait before the next retry, after `attempt` retries: `random` (in `[0, 1)`,
    /// drawn by the caller) times [`Backoff::ceiling`]. A `random` outside `[0, 1]` is clamped;
    /// NaN gives 0 (a float-to-integer cast turns NaN into 0).
    pub fn delay(&self, attempt: u32, random: f64) -> Millis {
        let ceiling = self.ceiling(attempt);
        ((ceiling as f64 * random.clamp(0.0, 1.0)) as Millis).min(ceiling)
    }

    /// Whether to try again after `error`, when `attempt` retries were already made: only if the
    /// error can pass ([`ApiError::is_retryable`]) and the attempts are not used up.
    pub fn should_retry(&self, attempt: u32, error: &ApiError) -> bool {
        error.is_retryable() && attempt.saturating_add(1) < self.max_attempts
    }
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff::STANDARD
    }
}
