//! The form's ways in and out: importing a document, exporting the request, the list of
//! changes, and drafts kept across reloads.
//!
//! # Where the components go
//! All three read the [`FormState`] from the context, so `App` must `provide_context` one above
//! them (the form's own state; a component mounted without one gets a fresh empty form).
//!
//! - [`ImportPanel`] (`section#import`): at the top of `<main>`, before the group sections, in
//!   place of the `RequestChecker` it supersedes. It also keeps the draft in `localStorage` and
//!   offers a draft saved on an earlier visit back, so it must be mounted whenever the form is.
//! - [`ChangesView`] (`section#changes`) and [`ExportPanel`] (`section#export`): after the group
//!   sections, in that order (the review: what changes, then how to take it away).
//!
//! The contents may link to `#import`, `#changes` and `#export`.
//!
//! Everything decided here is in the pure core: reading a document ([`crate::import`]), the
//! change list ([`crate::diff`]), exports ([`crate::export`]) and what is stored, under which key
//! and when ([`crate::draft_store`]). This file holds the browser edges (storage, clipboard,
//! files, clock) and the views.

use leptos::prelude::*;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::diff::Change;
use crate::draft_store::{self, DecodeError, Save, StoredDraft};
use crate::export;
use crate::import::{self, Report, Source};
use crate::schema;
use crate::sort::SortedSet;
use crate::ui::dom::{self, Keep, E};
use crate::ui::form::collections::MapDrafts;
use crate::ui::form::field::{finding_badge, finding_item};
use crate::ui::sig::{effect, spawn, Derived, Sig};
use crate::ui::state::{computed, FormState};
use crate::validate::{Finding, Severity};

// ---- Reading a document --------------------------------------------------------------------

/// What the import text currently amounts to.
enum Outcome {
    /// Nothing pasted yet.
    Empty,
    /// Not JSON: why, and where.
    NotJson(String),
    /// Read and checked.
    Checked(Box<Report>),
}

/// Never equal: every text gets a fresh report, and reports are not compared.
impl PartialEq for Outcome {
    fn eq(&self, _: &Outcome) -> bool {
        false
    }
}

fn outcome(text: &str) -> Outcome {
    if text.trim().is_empty() {
        return Outcome::Empty;
    }
    match import::parse_json(text.as_bytes()) {
        Ok(document) => Outcome::Checked(Box::new(import::check_document(document))),
        Err(message) => Outcome::NotJson(message),
    }
}

impl Outcome {
    /// What importing it would put in the form, or why it cannot be imported. Any JSON object
    /// can: its findings then show on the form's fields, which is where the admin fixes them.
    fn incoming(&self) -> Result<Incoming, &'static str> {
        match self {
            Outcome::Empty => Err("Paste a document or open a file first."),
            Outcome::NotJson(_) => {
                Err("Nothing was imported: the text is not JSON (see why above).")
            }
            Outcome::Checked(report) if !report.request.is_object() => Err(
                "Nothing was imported: only a JSON object can be imported, either the body of an \
                 UpdateUserPool request or the output of describe-user-pool.",
            ),
            Outcome::Checked(report) => Ok(Incoming {
                kind: Kind::Import(report.source),
                baseline: report.request.clone(),
                draft: report.request.clone(),
                saved: None,
            }),
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// What a document was read as, the mapping's notes and every finding.
fn report_view(report: &Report) -> Vec<E> {
    let findings = &report.checked.findings;
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings.len() - errors;
    let read_as = match report.source {
        Source::UpdateBody => "Read as an UpdateUserPool request body.",
        Source::DescribeOutput => {
            "Read as a DescribeUserPool output, checked as the update that would leave the pool as it is."
        }
    };
    let summary = if findings.is_empty() {
        "No problems found.".to_owned()
    } else {
        format!(
            "{}, {}.",
            plural(errors, "error"),
            plural(warnings, "warning")
        )
    };
    let mut shown = vec![E::new("p")
        .class("io-read-as")
        .text(read_as)
        .text(" ")
        .child(E::new("strong").text(&summary))];
    if !report.notes.is_empty() {
        let notes = report.notes.iter().fold(E::new("ul"), |list, note| {
            list.child(E::new("li").text(&note.message))
        });
        shown.push(
            E::new("details")
                .class("io-notes")
                .child(
                    E::new("summary")
                        .text(&format!("What the mapping did ({})", report.notes.len())),
                )
                .child(notes),
        );
    }
    shown.push(finding_list(findings));
    shown
}

/// The findings, as a list.
fn finding_list(findings: &[Finding]) -> E {
    findings
        .iter()
        .fold(E::new("ul").class("findings"), |list, f| {
            list.child(finding_view(f))
        })
}

/// One finding, with the hooks tests and styles use (`data-path`, `data-pointer`,
/// `data-severity`, `data-rule`).
fn finding_view(finding: &Finding) -> E {
    let at = if finding.pointer.is_empty() {
        "/"
    } else {
        &finding.pointer
    };
    let item = finding_item(finding)
        .child(finding_badge(finding))
        .text(" ");
    let item = match schema::field(&finding.path) {
        Some(field) => item
            .child(E::new("span").class("finding-label").text(field.label))
            .text(" "),
        None => item,
    };
    item.child(E::new("code").text(at))
        .text(" ")
        .child(E::new("span").class("rule").text(finding.rule))
        .child(E::new("p").class("finding-message").text(&finding.message))
}

// ---- Replacing the draft (import, restore), with a confirm step and undo ---------------------

/// Where a replacement comes from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A document imported, read as this.
    Import(Source),
    /// A draft saved on an earlier visit.
    Restore,
    /// A pool's settings read from Cognito (DescribeUserPool).
    Load,
}

impl Kind {
    fn verb(self) -> &'static str {
        match self {
            Kind::Import(_) => "import",
            Kind::Restore => "restore",
            Kind::Load => "load",
        }
    }

    fn gerund(self) -> &'static str {
        match self {
            Kind::Import(_) => "Importing",
            Kind::Restore => "Restoring",
            Kind::Load => "Loading the pool",
        }
    }

    /// Where its confirm step, outcome and undo show: beside the saved-draft offers for a
    /// restore, under the Import button for an import.
    fn place(self) -> Place {
        match self {
            Kind::Import(_) => Place::Import,
            Kind::Restore => Place::Restore,
            Kind::Load => Place::Connection,
        }
    }
}

/// Where feedback about a replacement shows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Import,
    Restore,
    /// The connection panel (loading a pool).
    Connection,
}

/// A baseline and draft waiting to replace the form's.
#[derive(Clone)]
pub struct Incoming {
    kind: Kind,
    baseline: Value,
    draft: Value,
    /// The storage key of a restored draft, and the editor rows it kept besides the request.
    saved: Option<(String, draft_store::MapRows)>,
}

impl Incoming {
    /// A pool's settings as read from Cognito: baseline and draft alike.
    pub fn load(request: Value) -> Self {
        Incoming {
            kind: Kind::Load,
            baseline: request.clone(),
            draft: request,
            saved: None,
        }
    }

    /// A pool's settings read from Cognito (`baseline`) under a draft that differs from them
    /// (the admin's edits moved onto them, or what was sent and did not all take).
    pub fn load_with_draft(baseline: Value, draft: Value) -> Self {
        Incoming {
            kind: Kind::Load,
            baseline,
            draft,
            saved: None,
        }
    }
}

/// The form as it was before a replacement (or before an undo of one).
#[derive(Clone)]
struct Snapshot {
    kind: Kind,
    /// Whether this snapshot undoes the replacement (`false`: it redoes it).
    undoes: bool,
    baseline: Value,
    draft: Value,
    touched: SortedSet<String>,
}

/// The replacement logic shared by import and restore: ask before replacing a draft that has
/// changes, keep what was replaced, swap it back on "Undo".
#[derive(Clone, Copy)]
pub struct Replacer {
    state: FormState,
    /// A replacement waiting for the admin's yes.
    confirming: Sig<Option<Incoming>>,
    /// What "Undo" (or "Redo") puts back.
    undo: Sig<Option<Snapshot>>,
    /// The outcome of the last action, in words, and where it shows.
    status: Sig<Option<(Place, String)>>,
    /// Drafts from an earlier visit still offered back.
    pending: Sig<Vec<(String, StoredDraft)>>,
    /// The drafts of earlier visits.
    drafts: Drafts,
    /// The key/value editors' rows (a restored draft puts back those it kept).
    maps: MapDrafts,
}

impl Replacer {
    /// The replacer of the page's form (a fresh one, with its own drafts, for a component
    /// mounted alone, as in a test).
    pub fn get() -> Self {
        use_context::<Replacer>().unwrap_or_else(|| Replacer::provide(FormState::get()))
    }

    /// Creates the form's replacer and its drafts kept across reloads, and provides it to the
    /// components below (`App` calls this once).
    pub fn provide(state: FormState) -> Self {
        let drafts = Drafts::load(state);
        let maps = MapDrafts::get();
        drafts.keep(state, maps);
        let replacer = Replacer {
            maps,
            state,
            confirming: Sig::new(None),
            undo: Sig::new(None),
            status: Sig::new(None),
            pending: drafts.pending,
            drafts,
        };
        provide_context(replacer);
        replacer
    }

    /// Replaces the form with `incoming`, or asks first when the draft has changes.
    pub fn request(self, incoming: Incoming) {
        if self.state.changes.with_untracked(Vec::is_empty) {
            self.apply(incoming);
        } else {
            self.status.set(None);
            self.confirming.set(Some(incoming));
        }
    }

    fn confirm(self) {
        if let Some(incoming) = self.confirming.get_untracked() {
            self.confirming.set(None);
            self.apply(incoming);
        }
    }

    fn cancel(self) {
        if let Some(incoming) = self.confirming.get_untracked() {
            self.confirming.set(None);
            self.say(
                incoming.kind.place(),
                "Nothing was replaced: your draft is as it was.",
            );
        }
    }

    /// Shows `message` at `place` (the outcome of the last action there).
    pub fn say(self, place: Place, message: impl Into<String>) {
        self.status.set(Some((place, message.into())));
    }

    fn snapshot(self, kind: Kind, undoes: bool) -> Snapshot {
        Snapshot {
            kind,
            undoes,
            baseline: self.state.baseline.get_untracked(),
            draft: self.state.document.get_untracked(),
            touched: self.state.touched.get_untracked(),
        }
    }

    /// Replaces the form with `incoming` without asking (the admin already chose), keeping
    /// what it replaces for "Undo".
    pub fn apply(self, incoming: Incoming) {
        let Incoming {
            kind,
            baseline,
            draft,
            saved,
        } = incoming;
        self.undo.set(Some(self.snapshot(kind, true)));
        self.state.replace(baseline, draft);
        self.state.pool_locked.set(kind == Kind::Load);
        if let Some((key, rows)) = saved {
            self.maps.restore(&rows);
            if draft_store::current_key(&key) == key {
                self.pending.update(|p| p.retain(|(k, _)| *k != key));
            } else {
                // A set-aside entry lives on as the draft in the form, which is saved under the
                // pool's current key: its own entry would only be offered again.
                self.drafts.discard(&key);
            }
        }
        // What the document brought in shows on its fields straight away.
        let mut flagged = SortedSet::new();
        self.state.findings.with_untracked(|f| {
            for finding in f {
                flagged.insert(finding.pointer.clone());
            }
        });
        let shown = flagged.len();
        self.state.touched.set(flagged);
        let what = match kind {
            Kind::Import(Source::UpdateBody) => {
                "Imported the request body. It is the baseline now, so the change list starts empty."
            }
            Kind::Import(Source::DescribeOutput) => {
                "Imported the pool's current settings (the DescribeUserPool output): they are the baseline now."
            }
            Kind::Restore => "Restored the saved draft.",
            Kind::Load => "Loaded the pool's current settings: they are the baseline now.",
        };
        let findings = match shown {
            0 => String::new(),
            n => format!(
                " {} with findings, shown on their fields.",
                plural(n, "setting")
            ),
        };
        self.say(kind.place(), format!("{what}{findings}"));
    }

    /// Swaps the form with the kept snapshot: undo, and undo the undo.
    fn swap(self) {
        let Some(kept) = self.undo.get_untracked() else {
            return;
        };
        self.undo.set(Some(self.snapshot(kept.kind, !kept.undoes)));
        self.state.replace(kept.baseline, kept.draft);
        self.state.touched.set(kept.touched);
        self.state
            .pool_locked
            .set(kept.kind == Kind::Load && !kept.undoes);
        let verb = kept.kind.verb();
        let message = if kept.undoes {
            format!("Undid the {verb}: your previous draft and baseline are back.")
        } else {
            format!("Redid the {verb}.")
        };
        self.say(kept.kind.place(), message);
    }
}

/// The confirm step, the outcome and the undo button of replacements that show at `place`.
#[component]
pub fn ReplaceFeedback(replacer: Replacer, place: Place) -> impl IntoView {
    dom::piece(move |keep| replace_feedback(keep, replacer, place))
}

/// The element of [`ReplaceFeedback`].
pub fn replace_feedback(keep: &mut Keep, replacer: Replacer, place: Place) -> E {
    let state = replacer.state;
    let (class, text_id) = match place {
        Place::Import => ("io-feedback import-feedback", "import-confirm-text"),
        Place::Restore => ("io-feedback restore-feedback", "restore-confirm-text"),
        Place::Connection => ("io-feedback load-feedback", "load-confirm-text"),
    };
    let confirm = move |keep: &mut Keep| -> Vec<E> {
        let Some(gerund) = replacer.confirming.with(|c| {
            c.as_ref()
                .filter(|incoming| incoming.kind.place() == place)
                .map(|incoming| incoming.kind.gerund())
        }) else {
            return Vec::new();
        };
        let changes = plural(state.changes.with_untracked(Vec::len), "change");
        let yes = E::button("primary")
            .on(keep, "click", move |_| replacer.confirm())
            .text("Replace my draft");
        // The question takes the focus, so that it is heard and answered: once it is on the
        // page, at the end of this turn.
        let button = yes.0.clone();
        queue_microtask(move || {
            if let Some(button) = button.dyn_ref::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        });
        vec![E::new("div")
            .class("io-confirm")
            .attr("role", "group")
            .attr("aria-labelledby", text_id)
            .child(E::new("p").attr("id", text_id).text(&format!(
                "Your draft has {changes} that are not applied. {gerund} replaces the draft and \
                 its baseline; you can undo it right after."
            )))
            .child(
                E::new("div").class("io-actions").child(yes).child(
                    E::button("secondary")
                        .on(keep, "click", move |_| replacer.cancel())
                        .text("Keep my draft"),
                ),
            )]
    };
    let undo = move |keep: &mut Keep| -> Vec<E> {
        let Some(label) = replacer.undo.with(|u| {
            u.as_ref()
                .filter(|kept| kept.kind.place() == place)
                .map(|kept| {
                    format!(
                        "{} {}",
                        if kept.undoes { "Undo" } else { "Redo" },
                        kept.kind.verb()
                    )
                })
        }) else {
            return Vec::new();
        };
        vec![E::new("div").class("io-actions").child(
            E::button("secondary")
                .on(keep, "click", move |_| replacer.swap())
                .text(&label),
        )]
    };
    E::new("div")
        .class(class)
        .dynamic(keep, confirm)
        .child(
            E::new("p")
                .class("io-status")
                .attr("role", "status")
                .text_with(keep, move || {
                    replacer.status.with(|s| {
                        s.as_ref()
                            .filter(|(at, _)| *at == place)
                            .map(|(_, message)| message.clone())
                            .unwrap_or_default()
                    })
                }),
        )
        .dynamic(keep, undo)
}

// ---- Storage edge --------------------------------------------------------------------------

/// The message of a JavaScript exception or rejection, without its final full stop (it is
/// quoted inside a sentence).
fn js_message(error: &JsValue) -> String {
    let message = match error.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => error
            .as_string()
            .unwrap_or_else(|| "an unknown error".to_owned()),
    };
    message.trim_end_matches('.').to_owned()
}

fn storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("there is no window")?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err("this browser offers no local storage".to_owned()),
        Err(error) => Err(js_message(&error)),
    }
}

/// This console's entries in `localStorage` (key, text).
fn stored_entries() -> Result<Vec<(String, String)>, String> {
    let storage = storage()?;
    let length = storage.length().map_err(|e| js_message(&e))?;
    let mut entries = Vec::new();
    for index in 0..length {
        let Ok(Some(key)) = storage.key(index) else {
            continue;
        };
        if draft_store::pool_of_key(&key).is_none() {
            continue;
        }
        if let Ok(Some(text)) = storage.get_item(&key) {
            entries.push((key, text));
        }
    }
    Ok(entries)
}

fn write(save: &Save) -> Result<(), String> {
    match save {
        Save::Store { key, text } => storage()?.set_item(key, text).map_err(|e| js_message(&e)),
        Save::Remove { key } => storage()?.remove_item(key).map_err(|e| js_message(&e)),
        Save::SetAside { to, text, .. } => {
            storage()?.set_item(to, text).map_err(|e| js_message(&e))
        }
    }
}

/// The clock: milliseconds since the epoch.
fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// A saved-at time in the reader's local time.
fn local_time(saved_at: u64) -> String {
    let offset = js_sys::Date::new(&JsValue::from_f64(saved_at as f64)).get_timezone_offset();
    draft_store::time_label(saved_at, -(offset as i64))
}

/// The drafts of earlier visits: offered back, ignored, or unavailable.
#[derive(Clone, Copy)]
struct Drafts {
    /// Readable drafts that differed from the form when it was loaded, not yet restored or
    /// discarded, with their keys. None is overwritten until then: one under the key the form's
    /// draft is saved under is set aside first (`draft_store::plan_save`).
    pending: Sig<Vec<(String, StoredDraft)>>,
    /// Entries under this console's keys that could not be read, and why.
    ignored: Sig<Vec<(String, DecodeError)>>,
    /// Why storage could not be read or the draft could not be written, when it could not.
    trouble: Sig<Option<String>>,
    /// Why an entry could not be removed, when it could not.
    removal: Sig<Option<String>>,
}

impl Drafts {
    /// Reads storage once, when the panel is created.
    fn load(state: FormState) -> Self {
        let (read, trouble) = match stored_entries() {
            Ok(entries) => (draft_store::read_all(entries), None),
            Err(why) => (draft_store::Read::default(), Some(why)),
        };
        let loaded = |s: &StoredDraft| {
            state
                .baseline
                .with_untracked(|b| state.document.with_untracked(|d| s.differs_from(b, d)))
        };
        let pending = read.drafts.into_iter().filter(|(_, s)| loaded(s)).collect();
        Drafts {
            pending: Sig::new(pending),
            ignored: Sig::new(read.ignored),
            trouble: Sig::new(trouble.map(|why| unavailable(&why))),
            removal: Sig::new(None),
        }
    }

    /// Saves the draft as the admin types: IO at the edge, driven by the form's signals. The
    /// only signal it writes is the storage trouble message.
    fn keep(self, state: FormState, maps: MapDrafts) {
        let Drafts {
            pending, trouble, ..
        } = self;
        effect(move || {
            let plan = pending.with(|undecided| {
                state.baseline.with(|baseline| {
                    state.document.with(|draft| {
                        let rows = maps.unwritten(draft);
                        draft_store::plan_save(baseline, draft, &rows, now(), undecided)
                    })
                })
            });
            // In order, stopping at the first failure: a failed set-aside must not be followed
            // by the write that would overwrite the entry it was moving.
            let mut failed = None;
            for save in &plan {
                if let Err(why) = write(save) {
                    failed = Some(why);
                    break;
                }
                if let Save::SetAside { from, to, .. } = save {
                    pending.update(|p| {
                        for (key, _) in p.iter_mut().filter(|(key, _)| key == from) {
                            key.clone_from(to);
                        }
                    });
                }
            }
            let message = failed.map(|why| {
                format!(
                    "Your draft could not be saved for your next visit ({why}). It stays in this \
                     page until you close it: export it to keep it."
                )
            });
            if trouble.with_untracked(|t| *t != message) {
                trouble.set(message);
            }
        });
    }

    fn discard(self, key: &str) {
        self.pending.update(|p| p.retain(|(k, _)| k != key));
        if let Err(why) = write(&Save::Remove {
            key: key.to_owned(),
        }) {
            self.removal.set(Some(format!(
                "The saved draft could not be removed ({why}); it is offered again next time."
            )));
        }
    }

    fn forget_ignored(self, key: &str) {
        self.ignored.update(|i| i.retain(|(k, _)| k != key));
        if let Err(why) = write(&Save::Remove {
            key: key.to_owned(),
        }) {
            self.removal
                .set(Some(format!("The entry could not be removed ({why}).")));
        }
    }
}

fn unavailable(why: &str) -> String {
    format!(
        "Drafts cannot be kept in this browser ({why}). Your draft stays in this page until you \
         close it: export it to keep it."
    )
}

/// The offers to restore drafts of earlier visits, and what could not be read.
fn draft_offers(keep: &mut Keep, drafts: Drafts, replacer: Replacer) -> E {
    let state = replacer.state;
    let current_key = computed(move || state.baseline.with(draft_store::key_for));
    // Each offer with whether it is the current pool's (the wording says so).
    let offers = computed(move || {
        let current = current_key.get();
        drafts.pending.with(|pending| {
            state.baseline.with(|b| {
                state.document.with(|d| {
                    pending
                        .iter()
                        .filter(|(_, s)| s.differs_from(b, d))
                        .map(|(key, s)| {
                            let here = draft_store::current_key(key) == current;
                            (key.clone(), s.clone(), here)
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    let offer_view = move |keep: &mut Keep, (key, stored, here): (String, StoredDraft, bool)| {
        let time = local_time(stored.saved_at);
        let iso = draft_store::iso_utc(stored.saved_at);
        let pool = draft_store::pool_of_key(&key).unwrap_or(draft_store::NEW_POOL);
        let of = if here {
            String::new()
        } else if pool == draft_store::NEW_POOL {
            " of a pool not named yet".to_owned()
        } else {
            format!(" of pool {pool}")
        };
        let count = plural(stored.change_count(), "change");
        let (restore_key, discard_key) = (key.clone(), key.clone());
        let restore = move |_| {
            replacer.request(Incoming {
                kind: Kind::Restore,
                baseline: stored.baseline.clone(),
                draft: stored.draft.clone(),
                saved: Some((restore_key.clone(), stored.rows.clone())),
            })
        };
        E::new("div")
            .class("draft-offer")
            .attr("data-key", &key)
            .child(
                E::new("p")
                    .text(&format!("Restore the draft{of} from "))
                    .child(E::new("time").attr("datetime", &iso).text(&time))
                    .text("? ")
                    .child(E::new("span").class("muted").text(&format!("({count})"))),
            )
            .child(
                E::new("div")
                    .class("io-actions")
                    .child(
                        E::button("primary")
                            .on(keep, "click", restore)
                            .text("Restore"),
                    )
                    .child(
                        E::button("secondary")
                            .on(keep, "click", move |_| drafts.discard(&discard_key))
                            .text("Discard"),
                    ),
            )
    };
    let ignored_view = move |keep: &mut Keep, (key, why): (String, DecodeError)| {
        let remove_key = key.clone();
        E::new("div")
            .class("io-note")
            .attr("data-key", &key)
            .child(E::new("p").text(&format!(
                "A saved entry ({key}) could not be read and was ignored: {why}."
            )))
            .child(
                E::button("secondary")
                    .on(keep, "click", move |_| drafts.forget_ignored(&remove_key))
                    .text("Remove it"),
            )
    };
    let problem = |message: Option<String>| -> Vec<E> {
        message
            .map(|m| E::new("p").class("io-problem").text(&m))
            .into_iter()
            .collect()
    };
    E::new("div")
        .class("draft-offers")
        .attr("aria-live", "polite")
        .dynamic(keep, move |keep| {
            offers
                .get()
                .into_iter()
                .map(|offer| offer_view(keep, offer))
                .collect()
        })
        .dynamic(keep, move |keep| {
            drafts
                .ignored
                .get()
                .into_iter()
                .map(|entry| ignored_view(keep, entry))
                .collect()
        })
        .dynamic(keep, move |_| problem(drafts.trouble.get()))
        .dynamic(keep, move |_| problem(drafts.removal.get()))
}

// ---- Import --------------------------------------------------------------------------------

/// Import: paste or open a document, see what it is read as and every finding, then replace the
/// form with it. Also keeps the draft across reloads (see the module docs).
#[component]
pub fn ImportPanel() -> impl IntoView {
    dom::piece(import_panel)
}

fn import_panel(keep: &mut Keep) -> E {
    let text = Sig::new(String::new());
    let read = computed(move || text.with(|t| outcome(t)));
    let replacer = Replacer::get();
    let drafts = replacer.drafts;
    let status = replacer.status;

    let preview = move |_: &mut Keep| -> Vec<E> {
        read.with(|outcome| match outcome {
            Outcome::Empty => vec![E::new("p")
                .class("io-read-as")
                .text("Paste a document or open a file to see what it holds.")],
            Outcome::NotJson(message) => vec![E::new("p")
                .class("io-read-as finding")
                .attr("data-severity", "error")
                .attr("data-rule", "json")
                .child(E::new("strong").text("This is not JSON: "))
                .text(message)],
            Outcome::Checked(report) => report_view(report),
        })
    };
    let import = move |_| match read.with_untracked(Outcome::incoming) {
        Ok(incoming) => replacer.request(incoming),
        Err(why) => replacer.say(Place::Import, why),
    };
    let open_file = move |ev: web_sys::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        let name = file.name();
        spawn(async move {
            let message = match JsFuture::from(file.text()).await {
                Ok(content) => {
                    text.try_set(content.as_string().unwrap_or_default());
                    format!("Opened {name}: check what it holds above, then Import.")
                }
                Err(error) => format!("{name} could not be read: {}", js_message(&error)),
            };
            status.try_set(Some((Place::Import, message)));
        });
        // The same file can be opened again after changing it.
        input.set_value("");
    };
    let typed = move |ev: web_sys::Event| {
        text.set(event_target_value(&ev));
        if status.with_untracked(|s| matches!(s, Some((Place::Import, _)))) {
            status.set(None);
        }
    };
    E::new("section")
        .attr("id", "import")
        .class("io-panel")
        .attr("aria-labelledby", "import-heading")
        .child(E::new("h2").attr("id", "import-heading").text("Import"))
        .child(draft_offers(keep, drafts, replacer))
        .child(replace_feedback(keep, replacer, Place::Restore))
        .child(
            E::new("p")
                .text("Paste or open the JSON body of an update (what ")
                .child(E::new("code").text("aws cognito-idp update-user-pool --cli-input-json"))
                .text(" reads) or the output of ")
                .child(E::new("code").text("aws cognito-idp describe-user-pool"))
                .text(
                    ". You see what it holds before anything is replaced; importing makes it \
                     the baseline. The text stays in this page: nothing is sent.",
                ),
        )
        .child(
            E::new("label")
                .attr("for", "import-input")
                .text("Import JSON"),
        )
        .child(
            E::new("textarea")
                .attr("id", "import-input")
                .class("io-text")
                .attr("rows", "8")
                .attr("spellcheck", "false")
                .attr("autocomplete", "off")
                .prop_with(keep, "value", move || text.get())
                .on(keep, "input", typed),
        )
        .child(
            E::new("label")
                .attr("for", "import-file")
                .text("Open a file…"),
        )
        .child(
            E::new("input")
                .attr("id", "import-file")
                .class("io-file")
                .attr("type", "file")
                .attr("accept", ".json,application/json")
                .on(keep, "change", open_file),
        )
        .child(
            E::new("div")
                .class("io-result import-result")
                .attr("aria-live", "polite")
                .dynamic(keep, preview),
        )
        .child(
            E::new("div").class("io-actions").child(
                E::button("primary")
                    .on(keep, "click", import)
                    .text("Import"),
            ),
        )
        .child(replace_feedback(keep, replacer, Place::Import))
}

// ---- Export --------------------------------------------------------------------------------

/// Findings that leave the typed request unreadable: a wrong type, an unknown member, a missing
/// required member, a value outside its list.
fn blocks_reading(finding: &Finding) -> bool {
    matches!(
        finding.rule,
        "R-MODEL-TYPE" | "R-MODEL-UNKNOWN" | "R-MODEL-REQ" | "R-MODEL-ENUM" | "R-LAMBDA-03"
    )
}

/// The name of the downloaded file: `update-user-pool-<pool id>.json`, the id reduced to
/// letters, digits, `-` and `_` (`new` when there is none).
pub fn download_name(pool_id: &str) -> String {
    let id: String = pool_id
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let id = if id.is_empty() {
        draft_store::NEW_POOL
    } else {
        &id
    };
    format!("update-user-pool-{id}.json")
}

async fn write_clipboard(text: &str) -> Result<(), String> {
    let navigator = web_sys::window().ok_or("there is no window")?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .map_err(|e| js_message(&e))?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err("this page has no clipboard access".to_owned());
    }
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|e| js_message(&e))
}

/// A read-only text with its label and a Copy button; copying falls back to selecting the text.
/// `id` is the text area's, `copy_name` the accessible name of the button (starting with
/// "Copy").
fn output(
    keep: &mut Keep,
    id: &'static str,
    label: &'static str,
    copy_name: &'static str,
    text: Derived<Option<String>>,
    rows: &str,
) -> E {
    let text = move || text.get().unwrap_or_default();
    let area = E::new("textarea")
        .attr("id", id)
        .class("io-text")
        .attr("rows", rows)
        .attr("readonly", "")
        .attr("spellcheck", "false")
        .prop_with(keep, "value", text);
    let element = area.0.clone();
    // The message of the last copy, with the text it copied: shown while the text is the same.
    let copied: Sig<Option<(String, String)>> = Sig::new(None);
    let copy = move |_| {
        let value = untrack(text);
        let element = element.clone();
        spawn(async move {
            let message = match write_clipboard(&value).await {
                Ok(()) => "Copied".to_owned(),
                Err(why) => {
                    if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                        let _ = area.focus();
                        area.select();
                    }
                    format!(
                        "Copying was not allowed ({why}). The text is selected: press Ctrl+C \
                         (⌘C on a Mac) to copy it."
                    )
                }
            };
            copied.try_set(Some((message, value)));
        });
    };
    let message = move || {
        copied.with(|c| {
            c.as_ref()
                .filter(|(_, copied)| *copied == text())
                .map(|(message, _)| message.clone())
                .unwrap_or_default()
        })
    };
    E::new("div")
        .class("io-output")
        .child(E::new("label").attr("for", id).text(label))
        .child(area)
        .child(
            E::new("div")
                .class("io-actions")
                .child(
                    E::button("secondary")
                        .attr("aria-label", copy_name)
                        .on(keep, "click", copy)
                        .text("Copy"),
                )
                .child(
                    E::new("span")
                        .class("io-copy-status")
                        .attr("role", "status")
                        .text_with(keep, message),
                ),
        )
}

/// Export: the draft as the JSON body and as a ready AWS CLI command, each with Copy, and a
/// download of the JSON. The command holds the request only: no credentials, ever.
#[component]
pub fn ExportPanel() -> impl IntoView {
    dom::piece(export_panel)
}

fn export_panel(keep: &mut Keep) -> E {
    let state = FormState::get();
    // Built from the draft itself once the typed request reads it exactly (see export).
    let readable = computed(move || state.reads_as_request());
    let json = computed(move || {
        readable
            .get()
            .then(|| state.document.with(export::request_json))
    });
    let command = computed(move || {
        readable
            .get()
            .then(|| state.document.with(export::cli_command))
    });
    let file_name = computed(move || {
        state
            .document
            .with(|d| download_name(draft_store::pool_id(d)))
    });
    let errors = computed(move || {
        state
            .findings
            .with(|f| f.iter().filter(|f| f.severity == Severity::Error).count())
    });
    let blocking = computed(move || {
        state.findings.with(|all| {
            let blocking: Vec<Finding> =
                all.iter().filter(|f| blocks_reading(f)).cloned().collect();
            if blocking.is_empty() {
                all.iter()
                    .filter(|f| f.severity == Severity::Error)
                    .cloned()
                    .collect()
            } else {
                blocking
            }
        })
    });
    let href = move || {
        json.with(|j| {
            let body = String::from(js_sys::encode_uri_component(j.as_deref().unwrap_or("")));
            Some(format!("data:application/json;charset=utf-8,{body}"))
        })
    };
    let blocked = move || -> Vec<E> {
        let list = blocking.get();
        let count = list.len();
        let them = if count == 1 { "it" } else { "them" };
        vec![
            E::new("p").class("io-problem").text(&format!(
                "The draft cannot be exported while {} cannot be read as the API reads {them} \
                 (a wrong type, an unknown name, a missing required member, a value not in its \
                 list). Fix {them} in the form first:",
                plural(count, "value"),
            )),
            finding_list(&list),
        ]
    };
    // The error note and the texts are made apart: a change in the number of errors leaves the
    // texts (and a "Copied") as they are.
    let note = move || -> Vec<E> {
        let n = errors.get();
        if n == 0 {
            return Vec::new();
        }
        vec![E::new("p").class("io-problem").text(&format!(
            "The draft has {}: Cognito would refuse it as it stands.",
            plural(n, "error"),
        ))]
    };
    let exported = move |keep: &mut Keep| -> Vec<E> {
        let json_text = output(
            keep,
            "export-json",
            "Request JSON",
            "Copy the request JSON",
            json,
            "12",
        );
        let download = E::new("p").child(
            E::new("a")
                .class("io-download")
                .attr_with(keep, "href", href)
                .attr_with(keep, "download", move || Some(file_name.get()))
                .text("Download JSON"),
        );
        let command_text = output(
            keep,
            "export-cli",
            "AWS CLI command",
            "Copy the AWS CLI command",
            command,
            "4",
        );
        vec![
            json_text,
            download,
            command_text,
            E::new("p").class("muted").text(
                "The command uses the credentials of your AWS CLI profile; it contains none.",
            ),
        ]
    };
    // Built on demand: rendering the JSON and the command on every keystroke cost more than
    // the rest of the form together (about 7 ms of a 10 ms keystroke, see `make bench`). The
    // memos above are lazy, so while the export is closed they are not computed.
    let open = Sig::new(false);
    E::new("section")
        .attr("id", "export")
        .class("io-panel")
        .attr("aria-labelledby", "export-heading")
        .child(E::new("h2").attr("id", "export-heading").text("Export"))
        .child(
            E::button("secondary")
                .attr_with(keep, "aria-expanded", move || Some(open.get().to_string()))
                .attr("aria-controls", "export-body")
                .on(keep, "click", move |_| open.update(|o| *o = !*o))
                .text_with(keep, move || {
                    if open.get() {
                        "Hide the request".to_owned()
                    } else {
                        "Show the request as JSON and as an AWS CLI command".to_owned()
                    }
                }),
        )
        .child(
            E::new("div")
                .attr("id", "export-body")
                .dynamic(keep, move |_| {
                    if !open.get() {
                        Vec::new()
                    } else if readable.get() {
                        note()
                    } else {
                        blocked()
                    }
                })
                .dynamic(keep, move |keep| {
                    if open.get() && readable.get() {
                        exported(keep)
                    } else {
                        Vec::new()
                    }
                }),
        )
}

// ---- Changes -------------------------------------------------------------------------------

/// A value as the change list shows it: compact JSON, or "not set".
/// A value in a list of changes: its JSON, or "not set".
pub fn shown_value(value: Option<&Value>) -> String {
    value.map_or_else(|| "not set".to_owned(), export::json_text)
}

/// Every setting the draft changes compared with its baseline, old and new, each with Reset.
/// Built with [`dom`]: it is the first panel off Leptos's typed views.
#[component]
pub fn ChangesView() -> impl IntoView {
    let state = FormState::get();
    dom::piece(move |keep| {
        let list = E::new("ul").class("changes");
        // Keyed by what an item shows: a keystroke rebuilds the one item it changes.
        dom::keyed(
            keep,
            &list.0,
            move || state.changes.get(),
            |c| {
                format!(
                    "{}\u{0}{}\u{0}{}",
                    c.pointer,
                    shown_value(c.before.as_ref()),
                    shown_value(c.after.as_ref())
                )
            },
            move |change, keep| change_item(state, change, keep),
        );
        E::new("section")
            .attr("id", "changes")
            .class("io-panel")
            .attr("aria-labelledby", "changes-heading")
            .attr("tabindex", "-1")
            .child(E::new("h2").attr("id", "changes-heading").text("Changes"))
            .child(
                E::new("p")
                    .class("io-count")
                    .attr("role", "status")
                    .text_with(keep, move || match state.changes.with(Vec::len) {
                        0 => "No changes".to_owned(),
                        n => format!(
                            "{} compared with the baseline",
                            plural(n, "changed setting")
                        ),
                    }),
            )
            .child(list)
    })
}

/// One item of the change list: the setting, its old and new values, and Reset.
fn change_item(state: FormState, change: Change, keep: &mut Keep) -> E {
    let Change {
        path,
        pointer,
        before,
        after,
    } = change;
    let label = schema::field(&path).map_or("Setting not in the model", |f| f.label);
    let code = |class: &str, text: &str| E::new("code").class(class).text(text);
    let reset_pointer = pointer.clone();
    E::new("li")
        .class("change")
        .attr("data-path", &path)
        .attr("data-pointer", &pointer)
        .child(
            E::new("p")
                .class("change-head")
                .child(E::new("span").class("change-label").text(label))
                .text(" ")
                .child(code("change-path", &path)),
        )
        .child(
            E::new("p")
                .class("change-values")
                .child(code("change-before", &shown_value(before.as_ref())))
                .text(" → ")
                .child(code("change-after", &shown_value(after.as_ref()))),
        )
        .child(
            E::new("p")
                .class("change-pointer muted")
                .text("At ")
                .child(E::new("code").text(&pointer)),
        )
        .child(
            E::button("secondary")
                .attr("aria-label", &format!("Reset {label}"))
                .text("Reset")
                .on(keep, "click", move |_| {
                    state.edit(&reset_pointer, before.clone())
                }),
        )
}
