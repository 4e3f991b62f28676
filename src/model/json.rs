//! Reading typed values out of JSON that the validator has already walked.
//!
//! serde's derived `Deserialize` generates a visitor per struct and per `Option` field, which
//! cost about 60 KB of wasm for this model. The console always has the JSON as a
//! [`serde_json::Value`] first (it must be walked for findings anyway), so reading the typed
//! request out of it needs only lookups: [`FromJson`] does that, and the model's `Deserialize`
//! impls go through it (`Value` first, then [`FromJson`]).

use serde_json::Value;

use crate::sort::SortedMap;

/// A model type read from a JSON value, exactly: wrong types, unknown members, missing required
/// members or unknown enum values give `None` (the validator says why).
pub trait FromJson: Sized {
    /// The typed value, or `None` when the JSON is not exactly one.
    fn from_json(value: &Value) -> Option<Self>;
}

impl FromJson for String {
    fn from_json(value: &Value) -> Option<Self> {
        value.as_str().map(str::to_owned)
    }
}

impl FromJson for i64 {
    fn from_json(value: &Value) -> Option<Self> {
        value.as_i64()
    }
}

impl FromJson for bool {
    fn from_json(value: &Value) -> Option<Self> {
        value.as_bool()
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value) -> Option<Self> {
        value.as_array()?.iter().map(T::from_json).collect()
    }
}

impl<T: FromJson> FromJson for SortedMap<String, T> {
    fn from_json(value: &Value) -> Option<Self> {
        // A JSON object's keys are sorted already: each insert lands at the end.
        let mut map = SortedMap::new();
        for (key, entry) in value.as_object()? {
            map.insert(key.clone(), T::from_json(entry)?);
        }
        Some(map)
    }
}

/// A structure member: required (`T`) or optional (`Option<T>`), read from the member's value
/// when it is present.
///
/// Reading never stops half-way through a structure: a member that cannot be read clears `ok`
/// and stands in as its default, and the structure is dropped whole at the end. With `?` after
/// each member, every exit dropped the members read so far, a copy of that drop code per member
/// (about 5 KB of wasm for the request).
pub trait Member: Sized {
    /// The member; when it is required and absent, or present and unreadable, a placeholder and
    /// `*ok = false`.
    fn member(value: Option<&Value>, ok: &mut bool) -> Self;
}

impl<T: FromJson + Default> Member for T {
    fn member(value: Option<&Value>, ok: &mut bool) -> Self {
        match value.and_then(T::from_json) {
            Some(member) => member,
            None => {
                *ok = false;
                T::default()
            }
        }
    }
}

impl<T: FromJson> Member for Option<T> {
    fn member(value: Option<&Value>, ok: &mut bool) -> Self {
        let member = T::from_json(value?);
        *ok &= member.is_some();
        member
    }
}

/// The members of `value` when it is an object with no member outside `names`: the one copy of
/// that check for every structure.
#[inline(never)]
pub fn members<'a>(value: &'a Value, names: &[&str]) -> Option<&'a serde_json::Map<String, Value>> {
    let members = value.as_object()?;
    if members.keys().any(|key| !names.contains(&key.as_str())) {
        return None;
    }
    Some(members)
}

/// Declares how a model structure is read from JSON: its fields and their wire names. Generates
/// [`FromJson`] (unknown members refused) and serde's `Deserialize` through it.
macro_rules! from_json {
    ($name:ident $(<$generic:ident>)? { $($field:ident: $wire:literal),* $(,)? }) => {
        impl$(<$generic: $crate::model::json::FromJson + Default>)? $crate::model::json::FromJson
            for $name$(<$generic>)?
        {
            fn from_json(value: &serde_json::Value) -> Option<Self> {
                use $crate::model::json::Member;
                let members = $crate::model::json::members(value, &[$($wire),*])?;
                let mut ok = true;
                let read = $name { $($field: Member::member(members.get($wire), &mut ok),)* };
                ok.then_some(read)
            }
        }

        impl<'de, $($generic: $crate::model::json::FromJson + Default)?> serde::Deserialize<'de>
            for $name$(<$generic>)?
        {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = <serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
                <Self as $crate::model::json::FromJson>::from_json(&value).ok_or_else(|| {
                    serde::de::Error::custom(concat!(
                        "not a valid ",
                        stringify!($name),
                        " (check it with validate::check_json to see why)"
                    ))
                })
            }
        }
    };
}
pub(crate) use from_json;
