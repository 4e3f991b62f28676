//! "Check a request": paste an `UpdateUserPool` body or a `describe-user-pool` output and see
//! every finding, as `check-request` prints them. Findings are derived from the text; nothing is
//! sent anywhere and nothing is stored.

use leptos::prelude::*;

use crate::import::{self, Report, Source};
use crate::validate::{Finding, Severity};

/// What the text currently amounts to.
enum Outcome {
    /// Nothing pasted yet.
    Empty,
    /// Not JSON: why, and where.
    NotJson(String),
    /// Read and checked.
    Checked(Box<Report>),
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

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The checker panel.
#[component]
pub fn RequestChecker() -> impl IntoView {
    let text = RwSignal::new(String::new());
    let result = move || match outcome(&text.read()) {
        Outcome::Empty => view! {
            <p class="checker-status">"Paste a request to see what is wrong with it."</p>
        }
        .into_any(),
        Outcome::NotJson(message) => view! {
            <p class="checker-status finding" data-severity="error" data-rule="json">
                <strong>"This is not JSON: "</strong>
                {message}
            </p>
        }
        .into_any(),
        Outcome::Checked(report) => report_view(*report).into_any(),
    };
    view! {
        <section id="check" class="checker" aria-labelledby="check-heading">
            <h2 id="check-heading">"Check a request"</h2>
            <p>
                "Paste the JSON body of an update (what "
                <code>"aws cognito-idp update-user-pool --cli-input-json"</code>
                " reads) or the output of "
                <code>"aws cognito-idp describe-user-pool"</code>
                ". Every setting is checked against the service model and the cross-field rules. "
                "The text stays in this page: nothing is sent or saved."
            </p>
            <label for="check-input">"Request to check"</label>
            <textarea
                id="check-input"
                class="checker-input"
                rows="10"
                spellcheck="false"
                autocomplete="off"
                prop:value=move || text.get()
                on:input=move |event| text.set(event_target_value(&event))
            ></textarea>
            <div class="checker-result" aria-live="polite">{result}</div>
        </section>
    }
}

fn report_view(report: Report) -> impl IntoView {
    let findings = report.checked.findings;
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
    let notes = report.notes;
    view! {
        <p class="checker-status">{read_as} " " <strong>{summary}</strong></p>
        {(!notes.is_empty())
            .then(|| {
                view! {
                    <details class="checker-notes">
                        <summary>{format!("What the mapping did ({})", notes.len())}</summary>
                        <ul>
                            {notes
                                .into_iter()
                                .map(|note| view! { <li>{note.message}</li> })
                                .collect_view()}
                        </ul>
                    </details>
                }
            })}
        <ul class="findings">{findings.into_iter().map(finding_view).collect_view()}</ul>
    }
}

fn finding_view(finding: Finding) -> impl IntoView {
    let pointer = if finding.pointer.is_empty() {
        "/".to_owned()
    } else {
        finding.pointer.clone()
    };
    view! {
        <li
            class="finding"
            data-severity=finding.severity.as_str()
            data-rule=finding.rule
            data-path=finding.path.clone()
            data-pointer=finding.pointer.clone()
        >
            <span class="badge">{finding.severity.as_str()}</span>
            " "
            <code>{pointer}</code>
            " "
            <span class="rule">{finding.rule}</span>
            <p class="finding-message">{finding.message}</p>
        </li>
    }
}
