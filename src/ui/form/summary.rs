//! The form's summary at the top: every finding as a link to its setting, and the "Review"
//! button, which stays disabled while an error stands and needs the warnings acknowledged.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::field::{finding_badge, finding_item, finding_key};
use crate::form;
use crate::schema;
use crate::ui::dom::{self, Keep, E};
use crate::ui::sig::Derived;
use crate::ui::state::{computed, control_id, FormState};
use crate::validate::{Finding, Severity};

/// Focuses the control of `pointer`, or of the nearest enclosing setting that has one.
fn focus_setting(pointer: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let mut pointer = pointer.to_owned();
    loop {
        let by_id = document.get_element_by_id(&control_id(&pointer));
        let by_pointer = || {
            document
                .query_selector(&format!("[data-pointer=\"{}\"] input, [data-pointer=\"{}\"] select, [data-pointer=\"{}\"] textarea, [data-pointer=\"{}\"] button", css_escape(&pointer), css_escape(&pointer), css_escape(&pointer), css_escape(&pointer)))
                .ok()
                .flatten()
        };
        if let Some(element) = by_id.or_else(by_pointer) {
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                element.scroll_into_view();
                let _ = element.focus();
            }
            return;
        }
        match pointer.rfind('/') {
            Some(cut) if cut > 0 => pointer.truncate(cut),
            _ => return,
        }
    }
}

/// Scrolls to and focuses the element with `id` (a section of the page).
fn focus_setting_or_section(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        element.scroll_into_view();
        let _ = element.focus();
    }
}

/// Escapes a value for a double-quoted CSS attribute selector.
fn css_escape(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"")
}

/// The numbers of errors and of warnings among `findings`.
fn counts(findings: Derived<Vec<Finding>>) -> (Derived<usize>, Derived<usize>) {
    let errors = computed(move || {
        findings.with(|f| f.iter().filter(|f| f.severity == Severity::Error).count())
    });
    let warnings = computed(move || findings.with(Vec::len) - errors.get());
    (errors, warnings)
}

/// What a finding is about, for the summary: the setting's label and where it is.
fn finding_title(finding: &Finding) -> String {
    let label = form::path_of_pointer(&finding.pointer)
        .or(Some(finding.path.as_str())
            .filter(|p| !p.is_empty())
            .and_then(|p| schema::field(p).map(|f| f.path)))
        .and_then(schema::field)
        .map_or("Request", |f| f.label);
    let at = if finding.pointer.is_empty() {
        "/"
    } else {
        &finding.pointer
    };
    format!("{label} ({at})")
}

/// Counts and the list of every finding, each a link to its setting.
#[component]
pub fn ErrorSummary() -> impl IntoView {
    dom::piece(|keep| {
        let state = FormState::get();
        let findings = state.findings;
        let (errors, warnings) = counts(findings);
        let heading = move || match (errors.get(), warnings.get()) {
            (0, 0) => "No problems found".to_owned(),
            (e, w) => format!(
                "{} and {}",
                if e == 1 {
                    "1 error".to_owned()
                } else {
                    format!("{e} errors")
                },
                if w == 1 {
                    "1 warning".to_owned()
                } else {
                    format!("{w} warnings")
                }
            ),
        };
        let list = E::new("ol").class("summary-list");
        dom::keyed(
            keep,
            &list.0,
            move || findings.get(),
            finding_key,
            |f, keep| {
                let pointer = f.pointer.clone();
                finding_item(&f)
                    .child(
                        E::new("a")
                            .attr("href", &format!("#{}", control_id(&f.pointer)))
                            .on(keep, "click", move |ev| {
                                ev.prevent_default();
                                focus_setting(&pointer);
                            })
                            .child(finding_badge(&f))
                            .text(" ")
                            .text(&finding_title(&f)),
                    )
                    .child(E::new("span").class("finding-message").text(&f.message))
            },
        );
        // The list is kept while it is empty, out of sight.
        let list = list.flag_with(keep, "hidden", move || findings.with(Vec::is_empty));
        E::new("section")
            .class("summary")
            .attr("aria-labelledby", "summary-heading")
            .attr("tabindex", "-1")
            .attr("id", "summary")
            .child(
                E::new("h2")
                    .attr("id", "summary-heading")
                    .text_with(keep, heading),
            )
            .child(list)
    })
}

/// "Review": disabled while an error stands; with warnings, enabled only once they are
/// acknowledged. Pressing it shows every finding on its field and moves to the list of changes
/// and the exact request.
#[component]
pub fn ReviewBar() -> impl IntoView {
    dom::piece(|keep| {
        let state = FormState::get();
        let findings = state.findings;
        let (errors, warnings) = counts(findings);
        let acknowledged = move || {
            state
                .acknowledged
                .with(|a| !a.is_empty() && *a == state.warning_keys())
        };
        let ok_warnings = move || warnings.get() == 0 || acknowledged();
        let can_review = move || errors.get() == 0 && ok_warnings();
        let why = move || {
            if errors.get() > 0 {
                format!(
                    "Fix the {} before reviewing.",
                    if errors.get() == 1 {
                        "error".to_owned()
                    } else {
                        format!("{} errors", errors.get())
                    }
                )
            } else if !ok_warnings() {
                "Read the warnings and confirm them before reviewing.".to_owned()
            } else {
                "Ready to review.".to_owned()
            }
        };
        let confirm = move |keep: &mut Keep| -> Vec<E> {
            if warnings.get() == 0 || errors.get() > 0 {
                return Vec::new();
            }
            vec![E::new("label")
                .class("ack")
                .attr("for", "ack-warnings")
                .child(
                    E::new("input")
                        .attr("type", "checkbox")
                        .attr("id", "ack-warnings")
                        .flag_with(keep, "checked", acknowledged)
                        .on(keep, "change", move |ev| {
                            let keys = if event_target_checked(&ev) {
                                state.warning_keys()
                            } else {
                                Vec::new()
                            };
                            state.acknowledged.set(keys);
                        }),
                )
                .text_with(keep, move || {
                    format!(
                        " I have read the {} and want to go on",
                        if warnings.get() == 1 {
                            "warning".to_owned()
                        } else {
                            format!("{} warnings", warnings.get())
                        }
                    )
                })]
        };
        E::new("div")
            .class("review-bar")
            .dynamic(keep, confirm)
            .child(
                E::button("primary")
                    .attr("id", "review-button")
                    .attr("aria-describedby", "review-why")
                    .flag_with(keep, "disabled", move || !can_review())
                    .on(keep, "click", move |_| {
                        state.show_all.set(true);
                        state.reviewing.set(true);
                        focus_setting_or_section("review");
                    })
                    .text("Review"),
            )
            .child(
                E::button("secondary")
                    .on(keep, "click", move |_| state.show_all.set(true))
                    .text("Show all findings on the form"),
            )
            .child(
                E::new("p")
                    .attr("id", "review-why")
                    .class("muted")
                    .attr("aria-live", "polite")
                    .text_with(keep, why),
            )
    })
}
