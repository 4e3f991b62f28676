//! Native timings of the core (not a test: it prints figures and asserts nothing about time).
//!
//! `cargo bench --bench validate` prints the median and the 90th percentile over repeated runs
//! of: validating the maximal request as raw JSON and as a typed request, mapping a Describe
//! response, the per-keystroke work of the form (one field changed, whole request checked; every
//! section's counts), and
//! framing and signing the UpdateUserPool call with the maximal request as its body.

use std::hint::black_box;
use std::time::{Duration, Instant};

use cognito_pool_console::aws::api::{self, Endpoint, Operation};
use cognito_pool_console::aws::sign::Key;
use cognito_pool_console::describe;
use cognito_pool_console::diff;
use cognito_pool_console::form;
use cognito_pool_console::model::UpdateUserPoolRequest;
use cognito_pool_console::validate;
use serde_json::{json, Value};

const RUNS: usize = 2_000;

fn measure(name: &str, mut work: impl FnMut()) {
    for _ in 0..RUNS / 10 {
        work();
    }
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort();
    let micros = |d: Duration| d.as_secs_f64() * 1e6;
    println!(
        "{name:<52} median {:>8.1} µs   p90 {:>8.1} µs   ({RUNS} runs)",
        micros(times[RUNS / 2]),
        micros(times[RUNS * 9 / 10])
    );
}

fn main() {
    let maximal: Value =
        match serde_json::from_str(include_str!("../tests/fixtures/maximal_request.json")) {
            Ok(value) => value,
            Err(error) => {
                eprintln!("fixture: {error}");
                std::process::exit(2);
            }
        };
    let typed: UpdateUserPoolRequest = match serde_json::from_value(maximal.clone()) {
        Ok(typed) => typed,
        Err(error) => {
            eprintln!("fixture: {error}");
            std::process::exit(2);
        }
    };
    let text = maximal.to_string();
    println!("maximal request: {} bytes of JSON, 114 paths", text.len());

    measure("check_json(maximal request)", || {
        black_box(validate::check_json(black_box(&maximal), None));
    });
    measure("parse text + check_json(maximal request)", || {
        let value: Value = serde_json::from_str(black_box(&text)).unwrap_or(Value::Null);
        black_box(validate::check_json(&value, None));
    });
    measure("check_request(typed maximal, baseline = itself)", || {
        black_box(validate::check_request(black_box(&typed), Some(&typed)));
    });
    let mut edited = typed.clone();
    let mut n = 6;
    measure("keystroke: edit one field + check_request", || {
        n = if n >= 99 { 6 } else { n + 1 };
        if let Some(policy) = edited
            .policies
            .as_mut()
            .and_then(|p| p.password_policy.as_mut())
        {
            policy.minimum_length = Some(n);
        }
        black_box(validate::check_request(black_box(&edited), Some(&typed)));
    });
    let mut pool = maximal.clone();
    if let Some(members) = pool.as_object_mut() {
        if let Some(id) = members.remove("UserPoolId") {
            members.insert("Id".into(), id);
        }
        if let Some(name) = members.remove("PoolName") {
            members.insert("Name".into(), name);
        }
        members.insert(
            "Arn".into(),
            json!("arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Ab12Cd34E"),
        );
        members.insert("CreationDate".into(), json!(1.70057487574e9));
    }
    let response = json!({ "UserPool": pool });
    measure("describe_to_update(maximal pool)", || {
        black_box(describe::describe_to_update(black_box(&response)).ok());
    });
    // Every section's counts, as the form recomputes them on each keystroke: the findings of
    // the maximal request and its 100-odd changes from a form holding only the pool id.
    let findings = validate::check_json(&maximal, None).findings;
    let list = diff::changes(&json!({ "UserPoolId": maximal["UserPoolId"] }), &maximal);
    measure("section counts of all 18 groups (form::tallies)", || {
        black_box(form::tallies(black_box(&findings), black_box(&list)));
    });
    let endpoint = match Endpoint::for_region("us-east-1") {
        Ok(endpoint) => endpoint,
        Err(error) => {
            eprintln!("endpoint: {error}");
            std::process::exit(2);
        }
    };
    let key = Key {
        access_key_id: "ASIAEXAMPLE7Q2R4T6VX",
        secret_access_key: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYzEXAMPLEKY",
        session_token: Some("IQoJb3JpZ2luX2VjEXAMPLEtoken"),
    };
    let body = serde_json::to_string_pretty(&maximal).unwrap_or_default();
    measure("sign UpdateUserPool (maximal body, aws-sigv4)", || {
        black_box(
            api::prepare(
                Operation::UpdateUserPool,
                &endpoint,
                "us-east-1",
                key,
                black_box(body.clone()),
                1_795_305_600_000,
            )
            .ok(),
        );
    });
}
