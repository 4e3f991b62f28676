//! The decisions around applying a configuration, pure: which changes need a second
//! confirmation, whether the pool changed since it was loaded, how the admin's edits move onto
//! the pool's new state, and whether the pool holds what was sent.
//!
//! All documents are `UpdateUserPool` request bodies: the pool's state as
//! [`crate::describe::describe_to_update`] maps a `DescribeUserPool` result.

use serde_json::Value;

use crate::diff::{self, Change};
use crate::form;
use crate::sort;

/// Whether two values mean the same setting: numbers by value (`12` and `12.0`), lists of
/// plain values in any order (Cognito may return them reordered), lists of structures in order,
/// structures member by member.
pub fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            if x.len() != y.len() {
                return false;
            }
            if x.iter().chain(y).all(|v| !v.is_object() && !v.is_array()) {
                let key = crate::export::json_text;
                let mut xs: Vec<String> = x.iter().map(key).collect();
                let mut ys: Vec<String> = y.iter().map(key).collect();
                sort::sort(&mut xs);
                sort::sort(&mut ys);
                return xs == ys;
            }
            x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

/// The settings that differ between two configurations, by [`same`].
pub fn differences(before: &Value, after: &Value) -> Vec<Change> {
    diff::changes(before, after)
        .into_iter()
        .filter(|c| match (&c.before, &c.after) {
            (Some(a), Some(b)) => !same(a, b),
            _ => true,
        })
        .collect()
}

/// A change that deserves a second look before it is sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Risk {
    /// A stable id (for the confirmation checkbox).
    pub id: &'static str,
    /// What the change does, in a few words.
    pub title: &'static str,
    /// Why it matters.
    pub why: &'static str,
}

const DELETION: Risk = Risk {
    id: "deletion-protection",
    title: "Deletion protection is switched off",
    why: "Without it, anyone allowed to call DeleteUserPool can delete the pool and every user in it, with no undo.",
};
const MFA: Risk = Risk {
    id: "mfa",
    title: "Multi-factor authentication changes",
    why: "Turning MFA on can stop users without a second factor from signing in; turning it off weakens every account.",
};
const TIER: Risk = Risk {
    id: "tier",
    title: "The feature plan (tier) changes",
    why: "The plan changes what the pool is billed for, and features of a higher plan stop working on a lower one.",
};
const SENDING: Risk = Risk {
    id: "sending",
    title: "How the pool sends email or SMS changes",
    why: "A wrong identity, role or sender stops codes, invitations and password resets from reaching users.",
};
const RECOVERY: Risk = Risk {
    id: "recovery",
    title: "Account recovery changes",
    why: "Users who forget their password may no longer be able to reset it by the channel they have.",
};
const TRIGGERS: Risk = Risk {
    id: "triggers",
    title: "Lambda triggers are removed or replaced",
    why: "Sign-up, sign-in and token flows that depend on a trigger change behaviour at once for every user.",
};
const SIGN_IN: Risk = Risk {
    id: "sign-in",
    title: "The allowed first sign-in factors change",
    why: "Users whose only factor is no longer allowed cannot sign in.",
};

/// The risky changes among `changes`, each once, in a fixed order.
pub fn risks(changes: &[Change]) -> Vec<Risk> {
    let mut out = Vec::new();
    let mut add = |risk: Risk| {
        if !out.contains(&risk) {
            out.push(risk);
        }
    };
    for change in changes {
        match form::split_top(&change.pointer).map_or("", |(top, _)| top) {
            "DeletionProtection"
                if change.before.as_ref().and_then(Value::as_str) == Some("ACTIVE")
                    && change.after.as_ref().and_then(Value::as_str) != Some("ACTIVE") =>
            {
                add(DELETION)
            }
            "MfaConfiguration" => add(MFA),
            "UserPoolTier" => add(TIER),
            "EmailConfiguration" | "SmsConfiguration" => add(SENDING),
            "AccountRecoverySetting" => add(RECOVERY),
            "LambdaConfig" if change.before.is_some() => add(TRIGGERS),
            "Policies" if change.pointer.starts_with("/Policies/SignInPolicy") => add(SIGN_IN),
            _ => {}
        }
    }
    let order = [DELETION, MFA, TIER, SENDING, RECOVERY, TRIGGERS, SIGN_IN];
    let rank = |r: &Risk| order.iter().position(|o| o == r);
    sort::sort_by(&mut out, |a, b| rank(a).cmp(&rank(b)));
    out
}

/// The admin's edits moved onto the pool's new state.
#[derive(Clone, Debug, PartialEq)]
pub struct Rebased {
    /// The new state with every edit of the admin on top: the new draft.
    pub draft: Value,
    /// Settings both sides changed to different values: the admin's value was kept, and these
    /// are shown before anything is sent. `before` is the other side's value, `after` the
    /// admin's.
    pub overlaps: Vec<Change>,
}

/// Moves the admin's edits (`loaded` → `draft`) onto `fresh`, the pool's state now.
pub fn rebase(loaded: &Value, draft: &Value, fresh: &Value) -> Rebased {
    let mut out = fresh.clone();
    let mut overlaps = Vec::new();
    for edit in differences(loaded, draft) {
        let was = form::get(loaded, &edit.pointer);
        let now = form::get(fresh, &edit.pointer);
        let theirs_changed = !matches!((was, now), (None, None))
            && !matches!((was, now), (Some(a), Some(b)) if same(a, b));
        let agrees = match (now, edit.after.as_ref()) {
            (Some(a), Some(b)) => same(a, b),
            (None, None) => true,
            _ => false,
        };
        if theirs_changed && !agrees {
            overlaps.push(Change {
                before: now.cloned(),
                ..edit.clone()
            });
        }
        form::set(&mut out, &edit.pointer, edit.after);
    }
    Rebased {
        draft: out,
        overlaps,
    }
}

/// What reading the pool back after an update showed.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Verification {
    /// Settings sent that the pool does not hold as sent: `before` is what was sent, `after`
    /// what the pool holds.
    pub not_applied: Vec<Change>,
    /// Settings the request left out that the pool now holds (Cognito's defaults).
    pub filled_in: Vec<Change>,
}

impl Verification {
    /// Every setting sent is in the pool as sent.
    pub fn verified(&self) -> bool {
        self.not_applied.is_empty()
    }
}

/// Compares the request that was sent with the pool's state read back after it.
pub fn verify(sent: &Value, now: &Value) -> Verification {
    let mut out = Verification::default();
    for change in differences(sent, now) {
        if change.before.is_some() {
            out.not_applied.push(change);
        } else {
            out.filled_in.push(change);
        }
    }
    out
}
