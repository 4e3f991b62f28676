//! The form's reactive state, shared by every control through the Leptos context.
//!
//! One signal holds the draft request as a JSON document; one holds the baseline (the loaded or
//! imported configuration). Findings and changes are memos derived from them; only their
//! per-member copies for display are written, by the effect in [`FormState::new`]. Each control
//! reads its own value through a memo on its pointer, so typing in one field re-renders only that
//! field and the findings that actually change.
//!
//! A keystroke must not wake every control. So the draft, its findings and its changes are each
//! split once per top-level member of the request ([`Scope`]), and a control's memos listen to
//! the scope of its member, not to the whole form. A member's value is a signal of its own,
//! written in the same turn as the draft by [`FormState::update_document`], the draft's only
//! writer: an edit under `Policies` then reaches the `Policies` controls and nothing else, not
//! even to be asked whether they changed. Findings and changes are handed to the members the
//! same way, by an effect that writes only the parts that changed.

use leptos::prelude::*;
use serde_json::Value;

use crate::diff::{self, Change};
use crate::form;
use crate::schema;
use crate::sort::SortedSet;
use crate::ui::sig::{effect, Derived, ReadSig, Sig};
use crate::validate::{self, Finding, Severity};

/// The state of the form. `Copy`: every field is a signal handle.
#[derive(Clone, Copy)]
pub struct FormState {
    /// The draft request body. Written only through [`FormState::update_document`].
    pub document: ReadSig<Value>,
    /// The draft's write half, kept here so that every write updates the scopes too.
    write: Sig<Value>,
    /// The configuration the draft started from (loaded, imported, or an empty request).
    pub baseline: Sig<Value>,
    /// Every finding of the draft: model constraints, cross-field rules, and the form's own
    /// findings about input the request cannot hold (see [`FormState::form_findings`]).
    pub findings: Derived<Vec<Finding>>,
    /// Whether the draft reads exactly as a request (from the same check as `findings`).
    exact: Derived<bool>,
    /// Findings of the form itself, wired once at start-up (duplicate map keys from
    /// `MapDrafts`): a memo, so they stay derived.
    pub form_findings: Sig<Option<Derived<Vec<Finding>>>>,
    /// Every setting that differs from the baseline.
    pub changes: Derived<Vec<Change>>,
    /// The counts of every group, in [`schema::Group::ALL`] order: one pass over `findings`
    /// and `changes` for all the groups' headings and contents entries.
    pub tallies: Derived<[form::Tally; schema::Group::ALL.len()]>,
    /// Pointers of the controls the admin has edited or left: their findings are shown.
    pub touched: Sig<SortedSet<String>>,
    /// Set by "Review": every finding is shown, touched or not.
    pub show_all: Sig<bool>,
    /// The "Find a setting" text.
    pub filter: Sig<String>,
    /// The warnings the admin confirmed having read, as (rule, pointer): a new set of
    /// warnings needs a new confirmation.
    pub acknowledged: Sig<Vec<(&'static str, String)>>,
    /// Set once a pool was loaded into the form: its id is then fixed.
    pub pool_locked: Sig<bool>,
    /// Set by "Review": the review of what will be sent is open.
    pub reviewing: Sig<bool>,
    /// The draft, findings and changes of each top-level member, in table order.
    scopes: Sig<Vec<Scope>>,
}

/// What the form knows under one top-level member of the request (`Policies`,
/// `LambdaConfig`, ...). Each signal is set only when its own part changed, so a change
/// elsewhere never reaches this member's controls.
#[derive(Clone, Copy)]
struct Scope {
    /// The member's name.
    name: &'static str,
    /// The member's value in the draft: set with the draft (see [`FormState::update_document`]).
    value: Sig<Option<Value>>,
    /// The findings at the member or beneath it.
    findings: Sig<Vec<Finding>>,
    /// The pointers of the changed settings at the member or beneath it.
    changed: Sig<Vec<String>>,
}

impl Scope {
    fn new(
        name: &'static str,
        document: ReadSig<Value>,
        findings: Derived<Vec<Finding>>,
        changes: Derived<Vec<Change>>,
    ) -> Self {
        Scope {
            name,
            value: Sig::new(document.with_untracked(|d| d.get(name).cloned())),
            findings: Sig::new(
                findings.with_untracked(|all| part(name, all, finding_pointer, Finding::clone)),
            ),
            changed: Sig::new(
                changes.with_untracked(|all| part(name, all, change_pointer, change_kept)),
            ),
        }
    }
}

/// The items of `all` at member `name` or beneath it (`pointer` gives an item's pointer), as
/// `keep` keeps them; only those are copied.
fn part<T, U>(name: &str, all: &[T], pointer: fn(&T) -> &str, keep: fn(&T) -> U) -> Vec<U> {
    all.iter()
        .filter(|one| form::split_top(pointer(one)).is_some_and(|(top, _)| top == name))
        .map(keep)
        .collect()
}

fn finding_pointer(finding: &Finding) -> &str {
    &finding.pointer
}

fn change_pointer(change: &Change) -> &str {
    &change.pointer
}

fn change_kept(change: &Change) -> String {
    change.pointer.clone()
}

/// Sets `signal` to `new` unless it holds that already.
fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: Sig<T>, new: T) {
    if signal.with_untracked(|old| *old != new) {
        signal.set(new);
    }
}

impl FormState {
    /// A form whose draft and baseline are `baseline`.
    pub fn new(baseline: Value) -> Self {
        let write = Sig::new(baseline.clone());
        let document = write.read_only();
        let baseline = Sig::new(baseline);
        let loaded =
            computed(move || baseline.with(|b| validate::reads_exactly(b).then(|| b.clone())));
        let form_findings: Sig<Option<Derived<Vec<Finding>>>> = Sig::new(None);
        // One check of the draft per change: its findings, and whether it reads exactly.
        let checked = computed(move || {
            loaded.with(|loaded| {
                document.with(|d| {
                    let checked = validate::check_json(d, loaded.as_ref());
                    (checked.findings, checked.faithful)
                })
            })
        });
        let exact = computed(move || checked.with(|(_, faithful)| *faithful));
        let findings = computed(move || {
            let mut all = checked.with(|(findings, _)| findings.clone());
            if let Some(extra) = form_findings.get() {
                extra.with(|extra| all.extend(extra.iter().cloned()));
            }
            all
        });
        let changes = computed(move || baseline.with(|b| document.with(|d| diff::changes(b, d))));
        let tallies = computed(move || findings.with(|f| changes.with(|c| form::tallies(f, c))));
        let scopes: Vec<Scope> = schema::top_level()
            .map(|f| Scope::new(f.name(), document, findings, changes))
            .collect();
        // Findings and changes reach each member by one effect that writes the member's part only
        // when it changed (the pattern of Leptos's `Selector`): the controls of a member whose
        // part stayed the same are not even asked. Display only: every decision (Review, the
        // summary, what is sent) reads `findings` and `changes` themselves.
        let members = scopes.clone();
        effect(move || {
            findings.with(|findings| {
                changes.with(|changes| {
                    for scope in &members {
                        set_if_changed(
                            scope.findings,
                            part(scope.name, findings, finding_pointer, Finding::clone),
                        );
                        set_if_changed(
                            scope.changed,
                            part(scope.name, changes, change_pointer, change_kept),
                        );
                    }
                })
            })
        });
        FormState {
            document,
            write,
            baseline,
            findings,
            exact,
            form_findings,
            changes,
            tallies,
            touched: Sig::new(SortedSet::new()),
            show_all: Sig::new(false),
            filter: Sig::new(String::new()),
            acknowledged: Sig::new(Vec::new()),
            pool_locked: Sig::new(false),
            reviewing: Sig::new(false),
            scopes: Sig::new(scopes),
        }
    }

    /// The scope `pointer` is in and the rest of the pointer below its member; `None` for the
    /// whole request and for members the table does not know.
    fn scope_of(self, pointer: &str) -> Option<(Scope, String)> {
        let (top, rest) = form::split_top(pointer)?;
        let scope = self
            .scopes
            .with_untracked(|scopes| scopes.iter().find(|s| s.name == top).copied())?;
        Some((scope, rest.to_owned()))
    }

    /// The current warnings, as (rule, pointer).
    pub fn warning_keys(self) -> Vec<(&'static str, String)> {
        self.findings.with(|f| {
            f.iter()
                .filter(|f| f.severity == Severity::Warning)
                .map(|f| (f.rule, f.pointer.clone()))
                .collect()
        })
    }

    /// Whether the draft reads exactly as a request (no type error, unknown member or
    /// value): the draft can then be exported and sent as it is. Tracked: for views and memos.
    pub fn reads_as_request(self) -> bool {
        self.exact.get()
    }

    /// No error stands, and every warning was confirmed (tracked: for views and memos).
    pub fn ready(self) -> bool {
        let (errors, warnings) = self.findings.with(|f| {
            let errors = f.iter().filter(|f| f.severity == Severity::Error).count();
            (errors, f.len() - errors)
        });
        errors == 0 && (warnings == 0 || self.acknowledged.with(|a| *a == self.warning_keys()))
    }

    /// An empty request for a pool id not chosen yet.
    pub fn empty() -> Self {
        let mut request = serde_json::Map::new();
        request.insert("UserPoolId".to_owned(), Value::from(""));
        FormState::new(Value::Object(request))
    }

    /// The state provided by [`crate::ui::App`] (a fresh empty form for a component mounted on
    /// its own, as in a test).
    pub fn get() -> Self {
        use_context::<FormState>().unwrap_or_else(FormState::empty)
    }

    /// The value at `pointer`, as a memo: it notifies only when that value changes.
    pub fn value(self, pointer: String) -> Derived<Option<Value>> {
        if let Some((scope, rest)) = self.scope_of(&pointer) {
            let member = scope.value;
            return computed(move || {
                member.with(|m| m.as_ref().and_then(|m| form::get(m, &rest)).cloned())
            });
        }
        let document = self.document;
        computed(move || document.with(|d| form::get(d, &pointer).cloned()))
    }

    /// The baseline's value at `pointer`.
    pub fn baseline_value(self, pointer: String) -> Derived<Option<Value>> {
        let baseline = self.baseline;
        computed(move || baseline.with(|b| form::get(b, &pointer).cloned()))
    }

    /// Sets or removes the value at `pointer` and marks it touched.
    pub fn edit(self, pointer: &str, value: Option<Value>) {
        self.update_document(|d| form::set(d, pointer, value));
        self.touch(pointer);
    }

    /// Changes the draft: `change` says whether it changed anything (a change that leaves the
    /// draft as it was wakes nothing). Then each member's value is brought up to date, in the
    /// same turn, so no control ever sees a member older than the draft.
    pub fn update_document(self, change: impl FnOnce(&mut Value) -> bool) {
        // One copy of the writing code for every caller: only this adapter is generic.
        let mut change = Some(change);
        self.write_document(&mut |d| change.take().is_some_and(|change| change(d)));
    }

    fn write_document(self, change: &mut dyn FnMut(&mut Value) -> bool) {
        let mut changed = false;
        self.write.maybe_update(|d| {
            changed = change(d);
            changed
        });
        if !changed {
            return;
        }
        self.document.with_untracked(|d| {
            self.scopes.with_untracked(|scopes| {
                for scope in scopes {
                    let now = d.get(scope.name);
                    if scope.value.with_untracked(|v| v.as_ref() != now) {
                        scope.value.set(now.cloned());
                    }
                }
            })
        });
    }

    /// Marks a control as touched, so its findings show.
    pub fn touch(self, pointer: &str) {
        if !self.touched.with_untracked(|t| t.contains(pointer)) {
            self.touched.update(|t| {
                t.insert(pointer.to_owned());
            });
        }
    }

    /// The findings to show at exactly `pointer`: all of them once the control was touched or
    /// after "Review", none before.
    pub fn findings_at(self, pointer: String) -> Derived<Vec<Finding>> {
        self.visible_findings(pointer, false)
    }

    /// The findings to show for a list edited as one control (a set of choices): those at the
    /// list and at each of its items, on the same terms as [`FormState::findings_at`].
    pub fn findings_within(self, pointer: String) -> Derived<Vec<Finding>> {
        self.visible_findings(pointer, true)
    }

    fn visible_findings(self, pointer: String, inner: bool) -> Derived<Vec<Finding>> {
        let FormState {
            touched, show_all, ..
        } = self;
        let scoped = self.scope_of(&pointer).map(|(scope, _)| scope.findings);
        let all = self.findings;

        let covers = move |p: &str| {
            if inner {
                form::within(p, &pointer)
            } else {
                p == pointer
            }
        };
        computed(move || {
            let visible = show_all.get() || touched.with(|t| t.iter().any(|p| covers(p)));
            if !visible {
                return Vec::new();
            }
            let pick = |found: &Vec<Finding>| -> Vec<Finding> {
                found
                    .iter()
                    .filter(|f| covers(&f.pointer))
                    .cloned()
                    .collect()
            };
            match scoped {
                Some(scoped) => scoped.with(pick),
                None => all.with(pick),
            }
        })
    }

    /// Whether the value at `pointer` differs from the baseline.
    pub fn changed_at(self, pointer: String) -> Derived<bool> {
        if let Some((scope, _)) = self.scope_of(&pointer) {
            let changed = scope.changed;
            return computed(move || changed.with(|c| c.iter().any(|p| form::within(p, &pointer))));
        }
        let changes = self.changes;
        computed(move || changes.with(|c| c.iter().any(|c| form::within(&c.pointer, &pointer))))
    }

    /// Puts the baseline's value back at `pointer`.
    pub fn reset(self, pointer: &str) {
        let old = self
            .baseline
            .with_untracked(|b| form::get(b, pointer).cloned());
        self.edit(pointer, old);
    }

    /// Replaces draft and baseline (an import or a load): what was typed before is the caller's
    /// to keep (drafts are saved separately).
    pub fn replace(self, baseline: Value, draft: Value) {
        self.baseline.set(baseline);
        self.update_document(|d| {
            *d = draft;
            true
        });
        self.touched.set(SortedSet::new());
        self.show_all.set(false);
    }
}

/// An HTML id for the control at `pointer`: letters and digits kept, every other character
/// written as `_` and its hex code, so that distinct pointers give distinct ids.
pub fn control_id(pointer: &str) -> String {
    let mut id = String::from("ctl");
    for c in pointer.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else {
            id.push_str(&format!("_{:x}_", u32::from(c)));
        }
    }
    id
}

/// A memo of `compute` (see [`Derived`]): the closure is boxed, and the memo holds its value
/// type-erased, so there is one copy of Leptos's memo code for the whole console.
pub fn computed<T, F>(compute: F) -> Derived<T>
where
    T: PartialEq + Send + Sync + 'static,
    F: Fn() -> T + Send + Sync + 'static,
{
    Derived::new(compute)
}
