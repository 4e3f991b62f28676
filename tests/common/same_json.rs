//! Whether two JSON values are the same document, floats within rounding.
//!
//! `cognito_pool_console::json` and serde_json read integers exactly and floats to within a
//! few units in the last place, each its own way; everything else must be identical. Shared
//! by `tests/json.rs` and the fuzz targets (`fuzz/src/lib.rs`).

use serde_json::Value;

/// `a` and `b` have the same shape, members, strings and integers (of the same kind: u64,
/// i64 or float), and their floats differ by at most 10⁻¹³ of their size (or both are below
/// 10⁻³⁰⁰, where floats have too few digits to compare that way).
pub fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() && y.is_f64() => {
            let (x, y) = (
                x.as_f64().unwrap_or(f64::NAN),
                y.as_f64().unwrap_or(f64::NAN),
            );
            let gap = (x - y).abs();
            gap <= 1e-13 * x.abs().max(y.abs()) || (x.abs() < 1e-300 && y.abs() < 1e-300)
        }
        (Value::Array(xs), Value::Array(ys)) => {
            xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(xs), Value::Object(ys)) => {
            xs.len() == ys.len()
                && xs
                    .iter()
                    .zip(ys)
                    .all(|((kx, x), (ky, y))| kx == ky && same_json(x, y))
        }
        _ => a == b,
    }
}
