//! One input whose value is checked as the console checks a whole number (6 to 99), with the
//! finding shown under it: the least a Leptos page doing the console's job per keystroke needs.

use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        let text = RwSignal::new(String::from("12"));
        let finding = Memo::new(move |_| {
            text.with(|t| match t.trim().parse::<i64>() {
                Ok(n) if (6..=99).contains(&n) => None,
                _ => Some("Minimum length must be a whole number from 6 to 99."),
            })
        });
        view! {
            <main>
                <div class="field" data-pointer="/Policies/PasswordPolicy/MinimumLength">
                    <label for="min">"Minimum length"</label>
                    <input
                        id="min"
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                    />
                    {move || finding.get().map(|m| view! { <p class="finding" data-rule="R-PWD-01">{m}</p> })}
                </div>
            </main>
        }
    });
}
