//! Validation of an arbitrary request document (`validate::check_json`), as an import or the
//! request checker runs it: never panics, every finding's pointer resolves, and a faithful
//! reading round-trips and gives the same findings through the typed path, with and without
//! itself as the baseline (the rules that compare with the pool's settings).

#![no_main]

use cognito_pool_console_fuzz::check_and_assert;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(document) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    let checked = check_and_assert(&document, None);
    if checked.faithful {
        check_and_assert(&document, Some(&document));
    }
});
