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
use crate::ui::connect::{problem_element, Problem, Session};
use crate::ui::dom::{self, Keep, E};
use crate::ui::io::{download_name, shown_value, Incoming, Replacer};
use crate::ui::sig::{effect, Sig};
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

fn label_of(path: &str) -> &'static str {
    schema::field(path).map_or("Setting not in the model", |f| f.label)
}

/// A list of changes as `label path: old → new`.
fn change_list(changes: &[Change], class: &str) -> E {
    changes.iter().fold(E::new("ul").class(class), |list, c| {
        list.child(
            E::new("li")
                .attr("data-pointer", &c.pointer)
                .child(E::new("span").class("change-label").text(label_of(&c.path)))
                .text(" ")
                .child(E::new("code").class("change-path").text(&c.path))
                .text(": ")
                .child(
                    E::new("code")
                        .class("change-before")
                        .text(&shown_value(c.before.as_ref())),
                )
                .text(" → ")
                .child(
                    E::new("code")
                        .class("change-after")
                        .text(&shown_value(c.after.as_ref())),
                ),
        )
    })
}

/// `n` settings, as a phrase.
fn settings(n: usize) -> String {
    if n == 1 {
        "1 setting".to_owned()
    } else {
        format!("{n} settings")
    }
}

/// Review and apply (`section#review`), after the change list.
#[component]
pub fn ReviewPanel() -> impl IntoView {
    let state = FormState::get();
    let session = Session::get();
    let replacer = Replacer::get();
    let stage = Sig::new(Stage::Idle);
    let confirmed: Sig<SortedSet<&'static str>> = Sig::new(SortedSet::new());
    // The configuration the pool had before the last apply: the way back.
    let previous: Sig<Option<Value>> = Sig::new(None);

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
    let counted = std::cell::Cell::new(None);
    effect(move || {
        let n = state.changes.with(Vec::len);
        if counted.replace(Some(n)).is_some_and(|p| p != n) {
            confirmed.set(SortedSet::new());
        }
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
        let sent_value: Value = crate::json::parse(sent_body.as_bytes())
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

    let stage_view = move |keep: &mut Keep| -> Vec<E> {
        match stage.get() {
            Stage::Idle => Vec::new(),
            Stage::Failed(problem) => vec![E::new("div")
                .class("apply-outcome")
                .attr("data-outcome", "failed")
                .child(problem_element(problem))
                .child(
                    E::new("p")
                        .class("muted")
                        .text("Nothing in the form changed: fix the cause and apply again."),
                )],
            Stage::Conflict { fresh, theirs } => {
                let (keep_it, drop_it) = (fresh.clone(), fresh);
                vec![E::new("div")
                    .class("apply-outcome conflict")
                    .attr("data-outcome", "conflict")
                    .attr("role", "alert")
                    .child(
                        E::new("p")
                            .child(E::new("strong").text(
                                "Nothing was sent: the pool changed since its settings were read.",
                            ))
                            .text(&format!(
                                " {} now differ from the baseline your edits started from:",
                                settings(theirs.len())
                            )),
                    )
                    .child(change_list(&theirs, "changes theirs"))
                    .child(
                        E::new("div")
                            .class("io-actions")
                            .child(
                                E::button("primary")
                                    .attr("id", "rebase")
                                    .text("Put my edits on top of the new settings")
                                    .on(keep, "click", move |_| rebase(keep_it.clone())),
                            )
                            .child(
                                E::button("secondary")
                                    .attr("id", "abandon")
                                    .text("Drop my edits and load the new settings")
                                    .on(keep, "click", move |_| abandon(drop_it.clone())),
                            ),
                    )
                    .child(E::new("p").class("muted").text(
                        "Either way you can undo it under Connect, and nothing is sent until you \
                         apply again.",
                    ))]
            }
            Stage::Rebased { overlaps } => {
                let mut outcome = E::new("div")
                    .class("apply-outcome")
                    .attr("data-outcome", "rebased")
                    .attr("role", "status")
                    .child(E::new("p").text(
                        "Your edits are now on top of the pool's new settings. Review them, then \
                         apply again.",
                    ));
                if !overlaps.is_empty() {
                    outcome = outcome
                        .child(E::new("p").text(
                            "These settings were changed on both sides; your value is kept \
                             (theirs → yours):",
                        ))
                        .child(change_list(&overlaps, "changes overlaps"));
                }
                vec![outcome]
            }
            Stage::Done {
                pool_id,
                at,
                verification,
            } => {
                let when = time::format_iso8601(at);
                let verified = verification.verified();
                let Verification {
                    not_applied,
                    filled_in,
                } = verification;
                let mut outcome = E::new("div")
                    .class("apply-outcome")
                    .attr(
                        "data-outcome",
                        if verified { "verified" } else { "not-verified" },
                    )
                    .attr("role", "status");
                outcome = if verified {
                    outcome.child(
                        E::new("p")
                            .class("verified")
                            .child(E::new("strong").text("Applied and verified."))
                            .text(&format!(
                                " Pool {pool_id} holds every setting that was sent (read back at \
                                 {when})."
                            )),
                    )
                } else {
                    outcome
                        .child(
                            E::new("p")
                                .class("io-problem")
                                .child(E::new("strong").text("Applied, but not everything took."))
                                .text(&format!(
                                    " Reading pool {pool_id} back at {when} shows these settings \
                                     differ from what was sent (sent → now). They stay in the \
                                     form as changes:"
                                )),
                        )
                        .child(change_list(&not_applied, "changes not-applied"))
                };
                if !filled_in.is_empty() {
                    outcome = outcome.child(
                        E::new("details")
                            .child(E::new("summary").text(&format!(
                                "Cognito filled in {} the request left out",
                                settings(filled_in.len())
                            )))
                            .child(change_list(&filled_in, "changes filled-in")),
                    );
                }
                vec![outcome]
            }
        }
    };

    let previous_href = move || {
        previous.with(|p| {
            p.as_ref().map(|v| {
                let text = crate::export::indent(&crate::export::json_text(v));
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

    let warnings = move || -> E {
        state.findings.with(|f| {
            f.iter().filter(|f| f.severity == Severity::Warning).fold(
                E::new("ul").class("findings review-warnings"),
                |list, f| {
                    list.child(
                        E::new("li")
                            .class("finding")
                            .attr("data-severity", "warning")
                            .attr("data-rule", f.rule)
                            .child(E::new("code").text(&f.path))
                            .text(" ")
                            .child(E::new("span").class("rule").text(f.rule))
                            .child(E::new("p").class("finding-message").text(&f.message)),
                    )
                },
            )
        })
    };
    let risk_row = move |risk: Risk, keep: &mut Keep| -> E {
        let id = format!("risk-{}", risk.id);
        E::new("li").class("risk").attr("data-risk", risk.id).child(
            E::new("label")
                .class("ack")
                .attr("for", &id)
                .child(
                    E::new("input")
                        .attr("type", "checkbox")
                        .attr("id", &id)
                        .flag_with(keep, "checked", move || {
                            confirmed.with(|c| c.contains(risk.id))
                        })
                        .on(keep, "change", move |ev| {
                            let on = event_target_checked(&ev);
                            confirmed.update(|c| {
                                if on {
                                    c.insert(risk.id);
                                } else {
                                    c.remove(risk.id);
                                }
                            });
                        }),
                )
                .text(" ")
                .child(E::new("strong").text(risk.title))
                .text(": ")
                .text(risk.why)
                .text(" I want this."),
        )
    };

    // What the review shows, in the order it shows it: each part is made again on its own,
    // and shows only while the review is open (the first says how to open it).
    let intro = move |keep: &mut Keep| -> Vec<E> {
        if !state.reviewing.get() {
            return vec![E::new("p")
                .class("muted")
                .text("Press Review (at the top) to see exactly what would be sent.")];
        }
        vec![E::new("p").text_with(keep, move || {
            format!(
                "UpdateUserPool replaces the whole configuration of {}: anything left out goes \
                 back to its default. So the console sends every setting, changed or not ({}).",
                pool_id.get(),
                match state.changes.with(Vec::len) {
                    1 => "1 changed setting".to_owned(),
                    n => format!("{n} changed settings"),
                }
            )
        })]
    };
    let review_changes = move |_: &mut Keep| -> Vec<E> {
        if !state.reviewing.get() {
            return Vec::new();
        }
        vec![state
            .changes
            .with(|c| change_list(c, "changes review-changes"))]
    };
    let review_warnings = move |_: &mut Keep| -> Vec<E> {
        let any = state
            .findings
            .with(|f| f.iter().any(|f| f.severity == Severity::Warning));
        if !state.reviewing.get() || !any {
            return Vec::new();
        }
        vec![E::new("p").text("Warnings you confirmed:"), warnings()]
    };
    let review_risks = move |keep: &mut Keep| -> Vec<E> {
        let list = risks.get();
        if !state.reviewing.get() || list.is_empty() {
            return Vec::new();
        }
        let rows = list
            .into_iter()
            .fold(E::new("ul").class("risks"), |ul, risk| {
                ul.child(risk_row(risk, keep))
            });
        vec![
            E::new("p").child(E::new("strong").text("Changes that need a second look:")),
            rows,
        ]
    };
    let review_body = move |keep: &mut Keep| -> Vec<E> {
        if !state.reviewing.get() {
            return Vec::new();
        }
        vec![E::new("details")
            .class("review-body")
            .attr("open", "")
            .child(E::new("summary").text("The exact request body"))
            .child(
                E::new("pre")
                    .attr("id", "review-body")
                    .text_with(keep, move || body.get().unwrap_or_default()),
            )]
    };

    dom::piece(move |keep| {
        E::new("section")
            .attr("id", "review")
            .class("io-panel")
            .attr("aria-labelledby", "review-heading")
            .attr("tabindex", "-1")
            .child(
                E::new("h2")
                    .attr("id", "review-heading")
                    .text("Review and apply"),
            )
            .dynamic(keep, intro)
            .dynamic(keep, review_changes)
            .dynamic(keep, review_warnings)
            .dynamic(keep, review_risks)
            .dynamic(keep, review_body)
            .child(
                E::new("div").class("io-actions").child(
                    E::button("primary")
                        .attr("id", "apply-button")
                        .attr("aria-describedby", "apply-why")
                        .flag_with(keep, "disabled", move || {
                            !state.reviewing.get() || why_not().is_some()
                        })
                        .on(keep, "click", apply)
                        .text_with(keep, move || {
                            let id = pool_id.get();
                            if id.is_empty() {
                                "Apply to the pool".to_owned()
                            } else {
                                format!("Apply to {id}")
                            }
                        }),
                ),
            )
            .child(
                E::new("p")
                    .attr("id", "apply-why")
                    .class("muted")
                    .text_with(keep, move || {
                        if state.reviewing.get() {
                            why_not().unwrap_or_default()
                        } else {
                            String::new()
                        }
                    }),
            )
            .child(
                E::new("p")
                    .class("io-status")
                    .attr("role", "status")
                    .attr("id", "apply-progress")
                    .text_with(keep, move || {
                        session.link.progress.get().unwrap_or_default()
                    }),
            )
            .dynamic(keep, stage_view)
            .dynamic(keep, move |_| {
                previous_href()
                    .map(|href| {
                        E::new("p")
                            .child(
                                E::new("a")
                                    .class("io-download")
                                    .attr("id", "download-previous")
                                    .attr("href", &href)
                                    .attr("download", &previous_name())
                                    .text("Download the settings from before the last apply"),
                            )
                            .text(" (to undo, import this file and apply it).")
                    })
                    .into_iter()
                    .collect()
            })
    })
}
