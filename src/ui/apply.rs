//! Review and apply: what will change, the warnings confirmed, the exact body, a second
//! confirmation of risky changes; then check the pool did not change since it was read, send
//! the complete configuration, read the pool back and say whether every setting took.
//!
//! The decisions (risks, conflicts, rebase, verification) are in [`crate::aws::apply`]; this
//! file holds the views and the sequence of calls.

use leptos::prelude::*;
use serde_json::Value;

use crate::aws::api::{self, Operation};
use crate::aws::apply::{self, Rebased, Risk, Verification};
use crate::aws::error::ApiError;
use crate::aws::time::{self, Millis};
use crate::diff::Change;
use crate::draft_store;
use crate::export;
use crate::schema;
use crate::sort::SortedSet;
use crate::ui::client;
use crate::ui::connect::{Problem, ProblemView, Session};
use crate::ui::io::{download_name, Incoming, Replacer};
use crate::ui::state::{computed, FormState};
use crate::validate::Severity;

/// Where applying stands.
#[derive(Clone, Debug)]
enum Stage {
    /// Nothing sent yet (or the last outcome was dismissed by an edit).
    Idle,
    /// The pool differs from the baseline the edits started from: what the other side changed.
    Conflict { fresh: Value, theirs: Vec<Change> },
    /// The edits were moved onto the pool's new state; settings both sides changed.
    Rebased { overlaps: Vec<Change> },
    /// Sent and read back.
    Done {
        pool_id: String,
        at: Millis,
        verification: Verification,
    },
    /// A call failed; nothing in the form changed.
    Failed(Problem),
}

fn shown(value: Option<&Value>) -> String {
    value.map_or_else(|| "not set".to_owned(), Value::to_string)
}

fn label_of(path: &str) -> &'static str {
    schema::field(path).map_or("Setting not in the model", |f| f.label)
}

/// A list of changes as `label path: old → new`.
fn change_list(changes: Vec<Change>, class: &'static str) -> impl IntoView {
    view! {
        <ul class=class>
            {changes
                .into_iter()
                .map(|c| {
                    view! {
                        <li data-pointer=c.pointer.clone()>
                            <span class="change-label">{label_of(&c.path)}</span>
                            " "
                            <code class="change-path">{c.path.clone()}</code>
                            ": "
                            <code class="change-before">{shown(c.before.as_ref())}</code>
                            " → "
                            <code class="change-after">{shown(c.after.as_ref())}</code>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// Review and apply (`section#review`), after the change list.
#[component]
pub fn ReviewPanel() -> impl IntoView {
    let state = FormState::get();
    let session = Session::get();
    let replacer = Replacer::get();
    let stage = RwSignal::new(Stage::Idle);
    let confirmed: RwSignal<SortedSet<&'static str>> = RwSignal::new(SortedSet::new());
    // The configuration the pool had before the last apply: the way back.
    let previous: RwSignal<Option<Value>> = RwSignal::new(None);

    // Whether the typed request reads the draft exactly, during a review; the body is then
    // built from the draft itself (see export).
    let readable = computed(move || state.reviewing.get() && state.reads_as_request());
    let body = computed(move || {
        readable
            .get()
            .then(|| state.document.with(export::request_json))
    });
    let risks = computed(move || state.changes.with(|c| apply::risks(c)));
    let pool_id = computed(move || state.document.with(|d| draft_store::pool_id(d).to_owned()));
    let unconfirmed =
        move || risks.with(|r| confirmed.with(|c| r.iter().filter(|r| !c.contains(r.id)).count()));
    let why_not = move || -> Option<String> {
        if session.busy.get() {
            return Some("Working…".into());
        }
        if let Some(why) = session.blocker() {
            return Some(why);
        }
        if pool_id.with(String::is_empty) {
            return Some("Load a pool first (Connect, above).".into());
        }
        if !state.ready() {
            return Some(
                "Fix the errors and confirm the warnings first (see the summary at the top)."
                    .into(),
            );
        }
        if state.changes.with(Vec::is_empty) {
            return Some("Nothing to apply: no setting differs from the pool's settings.".into());
        }
        if !readable.get() {
            return Some("The draft cannot be read as a request yet (see the findings).".into());
        }
        match unconfirmed() {
            0 => None,
            1 => Some("Confirm the risky change above first.".into()),
            n => Some(format!("Confirm the {n} risky changes above first.")),
        }
    };

    // A new edit after an outcome starts a new review: risky changes are confirmed again.
    Effect::new(move |previous_changes: Option<usize>| {
        let n = state.changes.with(Vec::len);
        if previous_changes.is_some_and(|p| p != n) {
            confirmed.set(SortedSet::new());
        }
        n
    });

    let apply = move |_| {
        if why_not().is_some() {
            return;
        }
        let id = pool_id.get_untracked();
        let target = match session.target(Some(&id)) {
            Ok(t) => t,
            Err(why) => return stage.set(Stage::Failed(Problem::Local(why))),
        };
        let Some(sent_body) = body.get_untracked() else {
            return;
        };
        // What is compared with the pool afterwards: exactly the body sent.
        let sent_value: Value = serde_json::from_slice(sent_body.as_bytes())
            .unwrap_or_else(|_| state.document.get_untracked());
        let baseline = state.baseline.get_untracked();
        stage.set(Stage::Idle);
        session.run(async move {
            // 1. Has the pool changed since its settings were read?
            let fresh = match session.describe(&target, &id).await {
                Ok(fresh) => fresh,
                Err(problem) => return stage.set(Stage::Failed(problem)),
            };
            let theirs = apply::differences(&baseline, &fresh);
            if !theirs.is_empty() {
                stage.set(Stage::Conflict { fresh, theirs });
                return;
            }
            // 2. Send the complete configuration.
            let sent = session
                .link
                .call(
                    &target,
                    Operation::UpdateUserPool,
                    sent_body,
                    &format!("Applying to {id}"),
                )
                .await
                .and_then(|text| {
                    api::read_update(&text).map_err(|e| ApiError::not_json(200, &e.to_string()))
                });
            if let Err(error) = sent {
                return stage.set(Stage::Failed(Problem::Api(error)));
            }
            previous.set(Some(baseline));
            // 3. Read it back and compare every setting sent.
            let now = match session.describe(&target, &id).await {
                Ok(now) => now,
                Err(problem) => {
                    stage.set(Stage::Failed(Problem::Local(format!(
                        "The update was sent and accepted, but the pool could not be read back \
                         to verify it: {}. Load the pool again to see its settings.",
                        match problem {
                            Problem::Api(e) => e.summary(),
                            Problem::Local(m) => m,
                        }
                    ))));
                    return;
                }
            };
            let verification = apply::verify(&sent_value, &now);
            // The pool's state is the new baseline; what did not take stays as a change.
            let draft = if verification.verified() {
                now.clone()
            } else {
                sent_value
            };
            replacer.apply(Incoming::load_with_draft(now, draft));
            state.reviewing.set(false);
            stage.set(Stage::Done {
                pool_id: id,
                at: client::local_now(),
                verification,
            });
        });
    };

    let rebase = move |fresh: Value| {
        let Rebased { draft, overlaps } = state.baseline.with_untracked(|b| {
            state
                .document
                .with_untracked(|d| apply::rebase(b, d, &fresh))
        });
        replacer.apply(Incoming::load_with_draft(fresh, draft));
        state.reviewing.set(true);
        confirmed.set(SortedSet::new());
        stage.set(Stage::Rebased { overlaps });
    };
    let abandon = move |fresh: Value| {
        replacer.apply(Incoming::load(fresh));
        stage.set(Stage::Idle);
        state.reviewing.set(false);
    };

    let stage_view = move || {
        match stage.get() {
        Stage::Idle => ().into_any(),
        Stage::Failed(problem) => view! {
            <div class="apply-outcome" data-outcome="failed">
                <ProblemView problem />
                <p class="muted">"Nothing in the form changed: fix the cause and apply again."</p>
            </div>
        }
        .into_any(),
        Stage::Conflict { fresh, theirs } => {
            let n = theirs.len();
            let (keep, drop) = (fresh.clone(), fresh);
            view! {
                <div class="apply-outcome conflict" data-outcome="conflict" role="alert">
                    <p>
                        <strong>"Nothing was sent: the pool changed since its settings were read."</strong>
                        {format!(" {} now differ from the baseline your edits started from:", if n == 1 { "1 setting".to_owned() } else { format!("{n} settings") })}
                    </p>
                    {change_list(theirs, "changes theirs")}
                    <div class="io-actions">
                        <button type="button" class="primary" id="rebase" on:click=move |_| rebase(keep.clone())>
                            "Put my edits on top of the new settings"
                        </button>
                        <button type="button" class="secondary" id="abandon" on:click=move |_| abandon(drop.clone())>
                            "Drop my edits and load the new settings"
                        </button>
                    </div>
                    <p class="muted">"Either way you can undo it under Connect, and nothing is sent until you apply again."</p>
                </div>
            }
            .into_any()
        }
        Stage::Rebased { overlaps } => view! {
            <div class="apply-outcome" data-outcome="rebased" role="status">
                <p>"Your edits are now on top of the pool's new settings. Review them, then apply again."</p>
                {(!overlaps.is_empty()).then(|| view! {
                    <p>"These settings were changed on both sides; your value is kept (theirs → yours):"</p>
                    {change_list(overlaps, "changes overlaps")}
                })}
            </div>
        }
        .into_any(),
        Stage::Done { pool_id, at, verification } => {
            let when = time::format_iso8601(at);
            let verified = verification.verified();
            let Verification { not_applied, filled_in } = verification;
            view! {
                <div class="apply-outcome" data-outcome=if verified { "verified" } else { "not-verified" } role="status">
                    {if verified {
                        view! { <p class="verified"><strong>"Applied and verified."</strong>
                            {format!(" Pool {pool_id} holds every setting that was sent (read back at {when}).")}</p> }.into_any()
                    } else {
                        view! {
                            <p class="io-problem"><strong>"Applied, but not everything took."</strong>
                                {format!(" Reading pool {pool_id} back at {when} shows these settings differ from what was sent (sent → now). They stay in the form as changes:")}</p>
                            {change_list(not_applied, "changes not-applied")}
                        }.into_any()
                    }}
                    {(!filled_in.is_empty()).then(|| view! {
                        <details>
                            <summary>{format!("Cognito filled in {} the request left out", if filled_in.len() == 1 { "1 setting".to_owned() } else { format!("{} settings", filled_in.len()) })}</summary>
                            {change_list(filled_in, "changes filled-in")}
                        </details>
                    })}
                </div>
            }
            .into_any()
        }
    }
    };

    let previous_href = move || {
        previous.with(|p| {
            p.as_ref().map(|v| {
                let text = crate::export::indent(&v.to_string());
                format!(
                    "data:application/json;charset=utf-8,{}",
                    String::from(js_sys::encode_uri_component(&text))
                )
            })
        })
    };
    let previous_name = move || {
        previous.with(|p| {
            let id = p.as_ref().map(draft_store::pool_id).unwrap_or_default();
            download_name(id).replace("update-user-pool-", "before-update-")
        })
    };

    let warnings = move || {
        state.findings.with(|f| {
            f.iter()
                .filter(|f| f.severity == Severity::Warning)
                .map(|f| {
                    view! {
                        <li class="finding" data-severity="warning" data-rule=f.rule>
                            <code>{f.path.clone()}</code> " " <span class="rule">{f.rule}</span>
                            <p class="finding-message">{f.message.clone()}</p>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let risk_row = move |risk: Risk| {
        let id = format!("risk-{}", risk.id);
        let label_for = id.clone();
        view! {
            <li class="risk" data-risk=risk.id>
                <label class="ack" for=label_for>
                    <input
                        type="checkbox"
                        id=id
                        prop:checked=move || confirmed.with(|c| c.contains(risk.id))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            confirmed.update(|c| {
                                if on { c.insert(risk.id); } else { c.remove(risk.id); }
                            });
                        }
                    />
                    " " <strong>{risk.title}</strong> ": " {risk.why} " I want this."
                </label>
            </li>
        }
    };

    view! {
        <section id="review" class="io-panel" aria-labelledby="review-heading" tabindex="-1">
            <h2 id="review-heading">"Review and apply"</h2>
            <Show
                when=move || state.reviewing.get()
                fallback=|| view! { <p class="muted">"Press Review (at the top) to see exactly what would be sent."</p> }
            >
                <p>
                    {move || format!(
                        "UpdateUserPool replaces the whole configuration of {}: anything left out \
                         goes back to its default. So the console sends every setting, changed or \
                         not ({}).",
                        pool_id.get(),
                        match state.changes.with(Vec::len) { 1 => "1 changed setting".to_owned(), n => format!("{n} changed settings") }
                    )}
                </p>
                {move || change_list(state.changes.get(), "changes review-changes")}
                {move || (!state.findings.with(|f| f.iter().all(|f| f.severity != Severity::Warning))).then(|| view! {
                    <p>"Warnings you confirmed:"</p>
                    <ul class="findings review-warnings">{warnings}</ul>
                })}
                {move || (!risks.with(Vec::is_empty)).then(|| view! {
                    <p><strong>"Changes that need a second look:"</strong></p>
                    <ul class="risks">{move || risks.get().into_iter().map(risk_row).collect_view()}</ul>
                })}
                <details class="review-body" open>
                    <summary>"The exact request body"</summary>
                    <pre id="review-body">{move || body.get().unwrap_or_default()}</pre>
                </details>
            </Show>
            <div class="io-actions">
                <button
                    type="button"
                    class="primary"
                    id="apply-button"
                    aria-describedby="apply-why"
                    prop:disabled=move || !state.reviewing.get() || why_not().is_some()
                    on:click=apply
                >
                    {move || format!("Apply to {}", { let id = pool_id.get(); if id.is_empty() { "the pool".to_owned() } else { id } })}
                </button>
            </div>
            <p id="apply-why" class="muted">{move || if state.reviewing.get() { why_not() } else { None }}</p>
            <p class="io-status" role="status" id="apply-progress">{move || session.link.progress.get()}</p>
            {stage_view}
            {move || previous_href().map(|href| view! {
                <p>
                    <a class="io-download" id="download-previous" href=href download=previous_name>
                        "Download the settings from before the last apply"
                    </a>
                    " (to undo, import this file and apply it)."
                </p>
            })}
        </section>
    }
}
