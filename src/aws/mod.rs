//! Talking to Cognito: everything up to the network, pure and tested natively.
//!
//! - [`time`]: timestamps in the text forms AWS uses (no clock is read here);
//! - [`credentials`]: temporary credentials typed or pasted in any form admins have;
//! - [`sign`]: SigV4 signing of a request with `aws-sigv4` (time is a parameter);
//! - [`api`]: the three operations (ListUserPools, DescribeUserPool, UpdateUserPool): endpoint,
//!   headers, bodies, and reading their results;
//! - [`error`]: Cognito's exceptions and transport failures, in plain words with what to do next;
//! - [`retry`]: bounded, jittered exponential backoff;
//! - [`clock`]: the offset between the browser's clock and AWS's, learnt from responses;
//! - [`apply`]: the load → review → apply → verify decisions (conflicts, rebase, verification).
//!
//! The browser edge that sends requests (`gloo-net`) and reads the clock is `crate::ui::client`.

pub mod api;
pub mod apply;
pub mod clock;
pub mod credentials;
pub mod error;
pub mod retry;
pub mod sign;
pub mod time;
