//! Drafts kept across reloads: what is stored, under which key, and when.
//!
//! The browser edge (`ui::io`) keeps the admin's draft in `localStorage` so that a reload or a
//! closed tab loses nothing. Everything it decides is here, as plain functions over JSON values:
//! the key of a pool's entry, the versioned format, reading an entry back with validation (a
//! corrupt or foreign entry is an error to report, never a panic), what to write after an edit,
//! and how to show the time an entry was saved. The clock is a parameter: the edge passes
//! `Date.now()` in.
//!
//! A pool has one current entry, under [`key`]. When an entry from an earlier visit is still
//! offered back (neither restored nor discarded) and the admin edits the same pool, that entry
//! is first set aside under its own key ([`earlier_key`]: the current key, `~` and the time it
//! was saved), and then this visit's draft is written under the current key: both are offered
//! on the next visit, and neither is ever overwritten.
//!
//! Only the request document, its baseline and the rows of key/value editors that the request
//! cannot hold (a key typed twice, a row without a key yet: [`MapRows`]) are ever stored. [`StoredDraft`] has no other
//! member and [`StoredDraft::encode`] writes nothing else, so when credentials come to the console
//! they cannot reach storage through here.
//!
//! The stored format, version 1 (`rows` only when an editor holds such rows; a console that
//! does not know it reads the rest):
//!
//! ```json
//! {"version":1,"savedAt":1735732800000,"baseline":{"UserPoolId":"..."},"draft":{"UserPoolId":"..."},
//!  "rows":{"/UserPoolTags":[["team","a"],["team","b"]]}}
//! ```

use std::fmt;

use serde_json::Value;

use crate::aws::time::{self, Millis, MS_PER_DAY};
use crate::diff;
use crate::export;
use crate::sort;

/// The prefix of every key this console stores a draft under.
pub const KEY_PREFIX: &str = "cognito-pool-console/draft/";

/// The key suffix for a draft whose baseline names no pool yet.
pub const NEW_POOL: &str = "new";

/// The version of the stored format that [`StoredDraft::encode`] writes and
/// [`StoredDraft::decode`] reads.
pub const VERSION: u64 = 1;

/// The pool id a request names (`UserPoolId`, trimmed), or `""` when it names none.
pub fn pool_id(request: &Value) -> &str {
    request
        .get("UserPoolId")
        .and_then(Value::as_str)
        .map_or("", str::trim)
}

/// The storage key of the draft of `pool_id`: `cognito-pool-console/draft/<pool id>`, or
/// `cognito-pool-console/draft/new` when the id is empty.
pub fn key(pool_id: &str) -> String {
    let id = pool_id.trim();
    let id = if id.is_empty() { NEW_POOL } else { id };
    format!("{KEY_PREFIX}{id}")
}

/// The storage key of a draft edited from `baseline`: the baseline's pool id names it, so that
/// typing in the form's pool id field does not move the draft from key to key.
pub fn key_for(baseline: &Value) -> String {
    key(pool_id(baseline))
}

/// What separates a set-aside entry's key from the time it was saved (pool ids never hold it).
const EARLIER: char = '~';

/// The key an entry saved at `saved_at` under `key` is set aside under when this visit's draft
/// of the same pool must be written: `cognito-pool-console/draft/<pool id>~<saved at>`.
pub fn earlier_key(key: &str, saved_at: u64) -> String {
    format!("{}{EARLIER}{saved_at}", current_key(key))
}

/// The current key of the pool a key names: `key` itself, or without its `~<saved at>` when it
/// is a set-aside entry's.
pub fn current_key(key: &str) -> &str {
    match key.rsplit_once(EARLIER) {
        Some((current, time)) if !time.is_empty() && time.bytes().all(|b| b.is_ascii_digit()) => {
            current
        }
        _ => key,
    }
}

/// The pool part of one of this console's keys (`new` for a pool not named yet), set-aside
/// entries' included; `None` for a key that is not one of ours.
pub fn pool_of_key(key: &str) -> Option<&str> {
    current_key(key)
        .strip_prefix(KEY_PREFIX)
        .filter(|id| !id.is_empty())
}

/// The rows of the key/value editors whose rows the request cannot hold, by the map's pointer
/// (`/UserPoolTags`), each row as typed: `(key, value)`, the key empty while not typed yet.
/// Only maps with such a row are listed.
pub type MapRows = Vec<(String, Vec<(String, Value)>)>;

/// One stored draft: the request being edited, the configuration it started from, the editor
/// rows the request cannot hold, and when it was saved. Nothing else is ever stored.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredDraft {
    /// When it was saved, in milliseconds since 1970-01-01 UTC (`Date.now()`).
    pub saved_at: u64,
    /// The configuration the draft started from (loaded, imported or empty).
    pub baseline: Value,
    /// The draft request body.
    pub draft: Value,
    /// The key/value editors' rows that `draft` cannot hold (usually none).
    pub rows: MapRows,
}

/// The stored form of a draft, without building a [`StoredDraft`] (no copies of the request).
pub fn encode(
    saved_at: u64,
    baseline: &Value,
    draft: &Value,
    rows: &[(String, Vec<(String, Value)>)],
) -> String {
    let rows = (!rows.is_empty()).then(|| {
        // Inserted one by one: collecting into a map would compile a copy of the standard
        // library's sort for it (6 KB of wasm).
        let mut all = serde_json::Map::new();
        for (pointer, rows) in rows {
            let rows = rows
                .iter()
                .map(|(key, value)| Value::Array(vec![Value::String(key.clone()), value.clone()]))
                .collect();
            all.insert(pointer.clone(), Value::Array(rows));
        }
        Value::Object(all)
    });
    // Written member by member (the same compact JSON `serde_json::to_string` gives), so that
    // nothing is copied and no serde serialiser is compiled for a wire struct.
    let mut text = format!("{{\"version\":{VERSION},\"savedAt\":{saved_at},\"baseline\":");
    export::push_json(&mut text, baseline);
    text.push_str(",\"draft\":");
    export::push_json(&mut text, draft);
    if let Some(rows) = rows {
        text.push_str(",\"rows\":");
        export::push_json(&mut text, &rows);
    }
    text.push('}');
    text
}

/// Reads the `rows` member back; `None` when it is not of the shape [`encode`] writes.
fn decode_rows(value: &Value) -> Option<MapRows> {
    let mut out = Vec::new();
    for (pointer, rows) in value.as_object()? {
        let rows = rows
            .as_array()?
            .iter()
            .map(|row| match row.as_array()?.as_slice() {
                [Value::String(key), value] => Some((key.clone(), value.clone())),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()?;
        out.push((pointer.clone(), rows));
    }
    Some(out)
}

impl StoredDraft {
    /// The stored form: one line of JSON in the versioned format.
    pub fn encode(&self) -> String {
        encode(self.saved_at, &self.baseline, &self.draft, &self.rows)
    }

    /// Reads a stored entry back, checking every member.
    ///
    /// # Errors
    /// [`DecodeError`] when the text is not JSON, not an object, of another version, or when a
    /// member is missing or of the wrong type. Members other than these five are ignored.
    pub fn decode(text: &str) -> Result<Self, DecodeError> {
        let value: Value =
            crate::json::parse(text.as_bytes()).map_err(|e| DecodeError::NotJson(e.to_string()))?;
        let Value::Object(mut members) = value else {
            return Err(DecodeError::NotAnObject);
        };
        match members.get("version") {
            None => return Err(DecodeError::NoVersion),
            Some(v) if v.as_u64() == Some(VERSION) => {}
            Some(v) => return Err(DecodeError::UnsupportedVersion(export::json_text(v))),
        }
        let saved_at =
            members
                .get("savedAt")
                .and_then(Value::as_u64)
                .ok_or(DecodeError::BadMember {
                    member: "savedAt",
                    expected: "a whole number of milliseconds",
                })?;
        let mut request = |member: &'static str| match members.remove(member) {
            Some(Value::Object(body)) => Ok(Value::Object(body)),
            _ => Err(DecodeError::BadMember {
                member,
                expected: "a JSON object (a request body)",
            }),
        };
        let baseline = request("baseline")?;
        let draft = request("draft")?;
        let rows = match members.get("rows") {
            None => Vec::new(),
            Some(rows) => decode_rows(rows).ok_or(DecodeError::BadMember {
                member: "rows",
                expected: "an object of [key, value] rows by map",
            })?,
        };
        Ok(StoredDraft {
            saved_at,
            baseline,
            draft,
            rows,
        })
    }

    /// Reads the entry stored under `key`, and checks that it belongs there (its baseline names
    /// the pool the key names; a set-aside entry's key names it too).
    ///
    /// # Errors
    /// As [`StoredDraft::decode`], and [`DecodeError::WrongKey`] for an entry under another
    /// pool's key.
    pub fn decode_entry(key: &str, text: &str) -> Result<Self, DecodeError> {
        let stored = StoredDraft::decode(text)?;
        let expected = key_for(&stored.baseline);
        if expected != current_key(key) {
            return Err(DecodeError::WrongKey {
                pool: pool_of_key(&expected).unwrap_or(NEW_POOL).to_owned(),
            });
        }
        Ok(stored)
    }

    /// The pool the draft is for (`""` for a pool not named yet).
    pub fn pool_id(&self) -> &str {
        pool_id(&self.baseline)
    }

    /// Whether restoring this draft would change what is in the form (its request; rows the
    /// request cannot hold count too, as the form holds none right after loading).
    pub fn differs_from(&self, baseline: &Value, draft: &Value) -> bool {
        self.baseline != *baseline || self.draft != *draft || !self.rows.is_empty()
    }

    /// How many settings the stored draft changes compared with its own baseline.
    pub fn change_count(&self) -> usize {
        diff::changes(&self.baseline, &self.draft).len()
    }
}

/// Why a stored entry was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The entry is not JSON (serde_json's message).
    NotJson(String),
    /// The entry is JSON but not an object.
    NotAnObject,
    /// The entry has no `version`: not written by this console.
    NoVersion,
    /// The entry's `version` is one this console does not read (as written in the entry).
    UnsupportedVersion(String),
    /// A member is missing or of the wrong type.
    BadMember {
        /// The member's name.
        member: &'static str,
        /// What it should be.
        expected: &'static str,
    },
    /// The entry is stored under one pool's key but holds another pool's draft.
    WrongKey {
        /// The pool the entry is for.
        pool: String,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotJson(why) => write!(f, "it is not JSON ({why})"),
            DecodeError::NotAnObject => f.write_str("it is not a JSON object"),
            DecodeError::NoVersion => {
                f.write_str("it has no version, so this console did not save it")
            }
            DecodeError::UnsupportedVersion(version) => write!(
                f,
                "it is in format version {version}, which this version of the console does not read"
            ),
            DecodeError::BadMember { member, expected } => {
                write!(f, "its {member} is missing or not {expected}")
            }
            DecodeError::WrongKey { pool } => {
                write!(
                    f,
                    "it holds a draft of pool {pool}, not of the pool its key names"
                )
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// One write to storage after the form changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Save {
    /// Write `text` under `key`.
    Store {
        /// The storage key.
        key: String,
        /// The encoded entry.
        text: String,
    },
    /// The draft has no changes: remove any entry under `key` (restoring it would bring back
    /// changes the admin took back).
    Remove {
        /// The storage key.
        key: String,
    },
    /// The entry offered back under `from` is written under `to` (its [`earlier_key`]), so
    /// that this visit's draft can take `from`. From then on it is offered under `to`.
    SetAside {
        /// Its key until now (the pool's current key).
        from: String,
        /// Its own key from now on.
        to: String,
        /// The entry, encoded.
        text: String,
    },
}

/// The writes that keep `draft` (edited from `baseline`, with the editor `rows` it cannot
/// hold) for the next visit, in order, at
/// `saved_at` (ms since the epoch). `undecided` holds the entries from an earlier visit that are
/// still offered back, with their keys: those are never overwritten nor removed. One that holds
/// the pool's current key is set aside first ([`Save::SetAside`]); a draft without changes then
/// needs no write at all.
///
/// Apply them in order and stop at the first that fails: a failed set-aside must not be
/// followed by the write that would overwrite the entry.
pub fn plan_save(
    baseline: &Value,
    draft: &Value,
    rows: &[(String, Vec<(String, Value)>)],
    saved_at: u64,
    undecided: &[(String, StoredDraft)],
) -> Vec<Save> {
    let key = key_for(baseline);
    let offered = undecided.iter().find(|(k, _)| *k == key);
    if baseline == draft && rows.is_empty() {
        return match offered {
            Some(_) => Vec::new(),
            None => vec![Save::Remove { key }],
        };
    }
    let mut plan = Vec::with_capacity(2);
    if let Some((from, earlier)) = offered {
        let mut to = earlier_key(from, earlier.saved_at);
        // Two entries saved in the same millisecond: the later one takes the next free time.
        let mut at = earlier.saved_at;
        while undecided.iter().any(|(k, _)| *k == to) {
            at += 1;
            to = earlier_key(from, at);
        }
        plan.push(Save::SetAside {
            from: from.clone(),
            to,
            text: earlier.encode(),
        });
    }
    plan.push(Save::Store {
        text: encode(saved_at, baseline, draft, rows),
        key,
    });
    plan
}

/// The entries of this console among `entries` (storage key, stored text), read: the drafts
/// that could be read, in key order, and the keys that could not with the reason. Keys that are
/// not this console's are left alone.
pub fn read_all(entries: Vec<(String, String)>) -> Read {
    let mut read = Read::default();
    for (key, text) in entries {
        if pool_of_key(&key).is_none() {
            continue;
        }
        match StoredDraft::decode_entry(&key, &text) {
            Ok(stored) => read.drafts.push((key, stored)),
            Err(error) => read.ignored.push((key, error)),
        }
    }
    sort::sort_by(&mut read.drafts, |a, b| a.0.cmp(&b.0));
    sort::sort_by(&mut read.ignored, |a, b| a.0.cmp(&b.0));
    read
}

/// The drafts found in storage (see [`read_all`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Read {
    /// Drafts that could be read, with their keys.
    pub drafts: Vec<(String, StoredDraft)>,
    /// Entries under this console's keys that could not be read, and why.
    pub ignored: Vec<(String, DecodeError)>,
}

/// A saved-at time as the admin reads it: `2025-01-01 13:00` in local time, given the local
/// offset from UTC in minutes east (UTC+2 is `120`; `-Date.getTimezoneOffset()` at that time).
pub fn time_label(saved_at: u64, offset_minutes: i64) -> String {
    let local = millis(saved_at).saturating_add(offset_minutes.saturating_mul(60_000));
    let (year, month, day) = time::civil_from_days(local.div_euclid(MS_PER_DAY));
    let minutes = local.rem_euclid(MS_PER_DAY) / 60_000;
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}",
        minutes / 60,
        minutes % 60
    )
}

/// A saved-at time in ISO 8601 UTC (`2025-01-01T12:00:00Z`), for a `<time datetime>`.
pub fn iso_utc(saved_at: u64) -> String {
    time::format_iso8601(millis(saved_at))
}

/// A saved-at time as the clock's milliseconds (a time past the year 292 million is read as the
/// last one that can be held).
fn millis(saved_at: u64) -> Millis {
    Millis::try_from(saved_at).unwrap_or(Millis::MAX)
}
