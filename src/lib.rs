//! Cognito Pool Console: edit the settings of an Amazon Cognito user pool from the browser.
//!
//! The crate is a functional core with a thin browser shell. Everything but [`ui`] is plain Rust
//! with no browser imports, tested natively:
//!
//! - [`schema`]: the field table, one entry for each of the 115 request paths;
//! - [`model`]: the typed `UpdateUserPool` request (serde, exact wire names);
//! - [`validate`]: findings for a request or raw JSON (model constraints and cross-field rules);
//! - [`describe`]: a `DescribeUserPool` result mapped to the request that leaves the pool as it is;
//! - [`diff`]: what a draft changes compared with its baseline;
//! - [`export`]: the request as JSON and as a ready AWS CLI command;
//! - [`form`]: the draft as a JSON document edited by pointer, and control <-> value conversions;
//! - [`import`]: reading a pasted or opened document (JSON syntax, Describe or update body);
//! - [`json`]: the one JSON reader (text to `serde_json::Value`), smaller than serde_json's;
//! - [`pattern`]: the model's string patterns as small matchers;
//! - [`sort`]: the one stable sort every list in the crate goes through, and the sorted-list
//!   set and map used instead of `BTreeSet` / `BTreeMap` (smaller wasm);
//! - [`aws`]: credentials, SigV4 signing, the three Cognito operations, errors, retries, clock
//!   skew, and the apply/verify decisions.

pub mod aws;
pub mod describe;
pub mod diff;
pub mod draft_store;
pub mod export;
pub mod form;
pub mod import;
pub mod json;
pub mod model;
pub mod pattern;
pub mod schema;
pub mod sort;
#[cfg(target_arch = "wasm32")]
pub mod ui;
pub mod validate;
