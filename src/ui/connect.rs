//! Connecting to Cognito: the admin's temporary credentials (kept in memory, or in this tab's
//! sessionStorage when the admin opts in), the Region and an optional endpoint, the list of
//! pools, and loading one pool's settings into the form.
//!
//! What is read from a paste, what an endpoint may be, and how responses are read are decided in
//! the pure core ([`crate::aws`]); this file holds the views and the browser edges (storage,
//! paste events, the clock tick).

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;

use crate::aws::api::{self, Endpoint, Listing, Operation, PoolSummary};
use crate::aws::credentials::{self, Credentials, Parsed};
use crate::aws::error::ApiError;
use crate::aws::time::{self, Millis};
use crate::describe;
use crate::draft_store;
use crate::model::region_of_pool_id;
use crate::ui::client::{self, Link, Target};
use crate::ui::dom::{self, E};
use crate::ui::io::{Incoming, Place, ReplaceFeedback, Replacer};
use crate::ui::state::FormState;

/// The sessionStorage key of remembered credentials (only when the admin opts in).
const STORAGE_KEY: &str = "cognito-pool-console:credentials";

/// A problem to show: AWS's error, or one found before anything was sent.
#[derive(Clone, Debug)]
pub enum Problem {
    /// A call failed.
    Api(ApiError),
    /// Something the admin can fix before a call (no credentials, a bad Region, …).
    Local(String),
}

impl From<ApiError> for Problem {
    fn from(error: ApiError) -> Self {
        Problem::Api(error)
    }
}

/// The connection: credentials, where to send, the clock, and whether a call is in flight.
/// `Copy`: every field is a signal handle.
#[derive(Clone, Copy)]
pub struct Session {
    /// The credentials in use; never rendered, never logged.
    pub credentials: RwSignal<Option<Credentials>>,
    /// How the credentials were given (for the status line).
    pub source: RwSignal<Option<String>>,
    /// The warnings about them, in words.
    pub warnings: RwSignal<Vec<String>>,
    /// Why the last paste could not be read.
    pub paste_error: RwSignal<Option<String>>,
    /// Whether the credentials are kept in this tab's sessionStorage.
    pub remember: RwSignal<bool>,
    /// The Region typed or taken from the pool id.
    pub region: RwSignal<String>,
    /// An endpoint override (emulators); empty for AWS's own.
    pub endpoint: RwSignal<String>,
    /// The clock offset and the progress of the call in flight.
    pub link: Link,
    /// The browser's clock, read every second while credentials with an expiry are held.
    pub tick: RwSignal<Millis>,
    /// A call is in flight: every button that calls AWS is disabled.
    pub busy: RwSignal<bool>,
    /// The pools listed, when they were.
    pub pools: RwSignal<Option<Vec<PoolSummary>>>,
    /// The last problem of the connection panel.
    pub problem: RwSignal<Option<Problem>>,
    /// The pool last loaded: id, name and when.
    pub loaded: RwSignal<Option<(String, String, Millis)>>,
    /// Notes of the last load (members that are not settings, and so on).
    pub notes: RwSignal<Vec<String>>,
}

impl Session {
    /// The page's session (a fresh one for a component mounted alone, as in a test).
    pub fn get() -> Self {
        use_context::<Session>().unwrap_or_else(Session::provide)
    }

    /// Creates the session, takes back credentials remembered in this tab, starts the clock
    /// tick, and provides the session to the components below.
    pub fn provide() -> Self {
        let session = Session {
            credentials: RwSignal::new(None),
            source: RwSignal::new(None),
            warnings: RwSignal::new(Vec::new()),
            paste_error: RwSignal::new(None),
            remember: RwSignal::new(false),
            region: RwSignal::new(String::new()),
            endpoint: RwSignal::new(String::new()),
            link: Link::new(),
            tick: RwSignal::new(client::local_now()),
            busy: RwSignal::new(false),
            pools: RwSignal::new(None),
            problem: RwSignal::new(None),
            loaded: RwSignal::new(None),
            notes: RwSignal::new(Vec::new()),
        };
        provide_context(session);
        if let Some(kept) = session_storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|text| Credentials::from_session_storage(&text))
        {
            session.credentials.set(Some(kept));
            session.source.set(Some("remembered in this tab".into()));
            session.remember.set(true);
        }
        let tick = session.tick;
        let _ = set_interval_with_handle(
            move || {
                tick.try_set(client::local_now());
            },
            std::time::Duration::from_secs(1),
        );
        session
    }

    /// Puts newly read credentials in use (and in sessionStorage when remembered).
    pub fn accept(self, parsed: Parsed) {
        let Parsed {
            credentials,
            format,
            region,
            warnings,
        } = parsed;
        if let Some(region) = region {
            if self.region.with_untracked(String::is_empty) {
                self.region.set(region);
            }
        }
        self.source.set(Some(format.label().to_owned()));
        self.warnings
            .set(warnings.iter().map(ToString::to_string).collect());
        self.paste_error.set(None);
        self.credentials.set(Some(credentials));
        self.store();
        if matches!(self.problem.get_untracked(), Some(Problem::Local(_))) {
            self.problem.set(None);
        }
    }

    /// Drops the credentials from memory and from this tab's storage.
    pub fn forget(self) {
        self.credentials.set(None);
        self.source.set(None);
        self.warnings.set(Vec::new());
        self.remember.set(false);
        if let Some(storage) = session_storage() {
            let _ = storage.remove_item(STORAGE_KEY);
        }
    }

    /// Writes or removes the remembered credentials, as the checkbox says.
    fn store(self) {
        let Some(storage) = session_storage() else {
            return;
        };
        let kept = self
            .credentials
            .with_untracked(|c| c.as_ref().map(Credentials::to_session_storage));
        match kept.filter(|_| self.remember.get_untracked()) {
            Some(text) => {
                if storage.set_item(STORAGE_KEY, &text).is_err() {
                    self.remember.set(false);
                }
            }
            None => {
                let _ = storage.remove_item(STORAGE_KEY);
            }
        }
    }

    /// Why nothing can be sent now, if something stops it (tracked, for views).
    pub fn blocker(self) -> Option<String> {
        let now = self.tick.get() + self.link.clock.with(|c| c.offset());
        self.credentials.with(|c| match c {
            None => Some("Paste your temporary AWS credentials first (Connect, above).".into()),
            Some(c) if c.is_expired(now) => Some(format!(
                "Your credentials expired at {}. Paste fresh ones under Connect: your edits stay \
                 as they are.",
                c.expires_at.map(time::format_iso8601).unwrap_or_default()
            )),
            Some(_) => None,
        })
    }

    /// Where calls about `pool_id` go: the Region of the pool id (or the one typed), and the
    /// endpoint typed or AWS's own.
    ///
    /// # Errors
    /// No credentials, expired ones, or a Region or endpoint that cannot be used.
    pub fn target(self, pool_id: Option<&str>) -> Result<Target, String> {
        if let Some(why) = self.blocker_untracked() {
            return Err(why);
        }
        let typed = self.region.get_untracked().trim().to_owned();
        let region = match pool_id.and_then(region_of_pool_id) {
            Some(region) => {
                if typed != region {
                    self.region.set(region.to_owned());
                }
                region.to_owned()
            }
            None if typed.is_empty() => {
                return Err(
                    "Type the Region of your pools (for example eu-west-3) under Connect.".into(),
                )
            }
            None => typed,
        };
        let custom = self.endpoint.get_untracked();
        let endpoint = if custom.trim().is_empty() {
            Endpoint::for_region(&region)
        } else {
            Endpoint::custom(&custom)
        }
        .map_err(|e| e.to_string())?;
        let credentials = self
            .credentials
            .get_untracked()
            .ok_or("Paste your temporary AWS credentials first (Connect, above).")?;
        Ok(Target {
            credentials,
            region,
            endpoint,
        })
    }

    fn blocker_untracked(self) -> Option<String> {
        let session = self;
        untrack(move || session.blocker())
    }

    /// Reads pool `pool_id` and maps it to the request that keeps it as it is.
    ///
    /// # Errors
    /// The call failed, or the answer is not a pool's description.
    pub async fn describe(self, target: &Target, pool_id: &str) -> Result<Value, Problem> {
        let body = self
            .link
            .call(
                target,
                Operation::DescribeUserPool,
                api::describe_body(pool_id),
                &format!("Reading pool {pool_id}"),
            )
            .await?;
        let response =
            api::read_describe(&body).map_err(|e| ApiError::not_json(200, &e.to_string()))?;
        let mapped = describe::describe_to_update(&response).map_err(|e| {
            Problem::Local(format!(
                "The pool's description could not be read as settings: {e}"
            ))
        })?;
        self.notes.set(
            mapped
                .notes
                .iter()
                .map(|n| format!("{}: {}", n.path, n.message))
                .collect(),
        );
        Ok(mapped.request)
    }

    /// Runs `work` as the one call in flight: buttons are disabled and progress shows until
    /// it ends.
    pub fn run<F>(self, work: F)
    where
        F: std::future::Future<Output = ()> + 'static,
    {
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        let session = self;
        spawn_local(async move {
            work.await;
            session.busy.try_set(false);
            session.link.progress.try_set(None);
        });
    }
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.session_storage().ok().flatten())
}

/// An error with what to do next, and AWS's own words and request id.
#[component]
pub fn ProblemView(
    /// The problem to show.
    problem: Problem,
) -> impl IntoView {
    dom::piece(move |_| problem_element(problem))
}

/// The element of [`ProblemView`].
pub fn problem_element(problem: Problem) -> E {
    let alert = E::new("div")
        .class("io-problem problem")
        .attr("role", "alert");
    match problem {
        Problem::Local(message) => alert.child(E::new("p").text(&message)),
        Problem::Api(error) => {
            let aws = if error.message.is_empty() {
                error.code.clone()
            } else {
                format!("{}: {}", error.code, error.message)
            };
            let status = error
                .status
                .map(|s| format!(" (HTTP {s})"))
                .unwrap_or_default();
            let alert = alert
                .attr("data-code", &error.code)
                .child(
                    E::new("p")
                        .class("problem-summary")
                        .child(E::new("strong").text(&error.summary())),
                )
                .child(E::new("p").class("problem-advice").text(&error.advice()))
                .child(
                    E::new("p")
                        .class("problem-aws muted")
                        .text("AWS said")
                        .text(&status)
                        .text(": ")
                        .child(E::new("code").text(&aws)),
                );
            match &error.request_id {
                Some(id) => alert.child(
                    E::new("p")
                        .class("problem-id muted")
                        .text("Request ID: ")
                        .child(E::new("code").text(id)),
                ),
                None => alert,
            }
        }
    }
}

/// The connection panel: credentials, Region and endpoint, the pool list, loading a pool.
#[component]
pub fn ConnectPanel() -> impl IntoView {
    let session = Session::get();
    let state = FormState::get();
    let replacer = Replacer::get();

    let read_paste = move |text: String| match credentials::parse(&text) {
        Ok(parsed) => session.accept(parsed),
        Err(why) => session.paste_error.set(Some(why.to_string())),
    };
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        // Read the clipboard text itself: an input drops line breaks, which env-style
        // credentials need. The text never reaches the page.
        let Some(text) = ev.clipboard_data().and_then(|d| d.get_data("text").ok()) else {
            return;
        };
        ev.prevent_default();
        read_paste(text);
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let text = input.value();
        input.set_value("");
        if !text.trim().is_empty() {
            read_paste(text);
        }
    };

    // Typed in by hand.
    let key_id: NodeRef<leptos::html::Input> = NodeRef::new();
    let secret: NodeRef<leptos::html::Input> = NodeRef::new();
    let token: NodeRef<leptos::html::Input> = NodeRef::new();
    let expiry: NodeRef<leptos::html::Input> = NodeRef::new();
    let use_typed = move |_| {
        let value = |r: NodeRef<leptos::html::Input>| {
            r.get_untracked().map(|i| i.value()).unwrap_or_default()
        };
        match credentials::from_fields(
            &value(key_id),
            &value(secret),
            &value(token),
            &value(expiry),
        ) {
            Ok(parsed) => {
                session.accept(parsed);
                for r in [key_id, secret, token, expiry] {
                    if let Some(input) = r.get_untracked() {
                        input.set_value("");
                    }
                }
            }
            Err(why) => session.paste_error.set(Some(why.to_string())),
        }
    };

    let status = move || {
        let now = session.tick.get() + session.link.clock.with(|c| c.offset());
        session.credentials.with(|c| {
            c.as_ref().map(|c| {
                let kind = if c.is_long_term() {
                    "long-term key"
                } else {
                    "temporary"
                };
                let expiry = match c.remaining(now) {
                    None => "no expiry given".to_owned(),
                    Some(left) if left <= 0 => format!(
                        "expired at {}",
                        c.expires_at.map(time::format_iso8601).unwrap_or_default()
                    ),
                    Some(left) => format!("expires in {}", time::format_remaining(left)),
                };
                let expired = c.is_expired(now);
                let source = session.source.get().unwrap_or_default();
                view! {
                    <p class="creds-status" data-expired=expired.to_string()>
                        "Using "
                        <code class="creds-key">{c.masked_key_id()}</code>
                        {format!(" ({kind}, {expiry}), read from {source}.")}
                    </p>
                }
            })
        })
    };
    let blocked = move || {
        session
            .credentials
            .with(Option::is_some)
            .then(|| session.blocker())
            .flatten()
    };

    let list = move |_| {
        let target = match session.target(None) {
            Ok(t) => t,
            Err(why) => return session.problem.set(Some(Problem::Local(why))),
        };
        session.problem.set(None);
        session.run(async move {
            let mut listing = Listing::default();
            let mut token: Option<String> = None;
            loop {
                let page = session
                    .link
                    .call(
                        &target,
                        Operation::ListUserPools,
                        api::list_body(token.as_deref()),
                        "Listing the user pools",
                    )
                    .await
                    .and_then(|body| {
                        api::read_list_page(&body)
                            .map_err(|e| ApiError::not_json(200, &e.to_string()))
                    });
                match page.map(|p| listing.add(p)) {
                    Ok(Ok(Some(next))) => token = Some(next),
                    Ok(Ok(None)) => break,
                    Ok(Err(stop)) => {
                        session
                            .problem
                            .try_set(Some(Problem::Local(stop.to_string())));
                        break;
                    }
                    Err(error) => {
                        session.problem.try_set(Some(Problem::Api(error)));
                        break;
                    }
                }
            }
            session.pools.try_set(Some(listing.pools));
        });
    };

    let pool_input = RwSignal::new(String::new());
    let current_pool = move || state.document.with(|d| draft_store::pool_id(d).to_owned());
    let load = move |pool_id: String| {
        let pool_id = pool_id.trim().to_owned();
        if pool_id.is_empty() {
            session.problem.set(Some(Problem::Local(
                "Type or pick the ID of the pool to load.".into(),
            )));
            return;
        }
        let target = match session.target(Some(&pool_id)) {
            Ok(t) => t,
            Err(why) => return session.problem.set(Some(Problem::Local(why))),
        };
        session.problem.set(None);
        session.run(async move {
            match session.describe(&target, &pool_id).await {
                Ok(request) => {
                    let name = session
                        .pools
                        .with_untracked(|p| {
                            p.as_ref().and_then(|p| {
                                p.iter().find(|s| s.id == pool_id).map(|s| s.name.clone())
                            })
                        })
                        .unwrap_or_default();
                    session
                        .loaded
                        .try_set(Some((pool_id, name, client::local_now())));
                    replacer.request(Incoming::load(request));
                }
                Err(problem) => {
                    session.problem.try_set(Some(problem));
                }
            }
        });
    };
    let load_typed = move |_| {
        let typed = pool_input.get_untracked();
        load(if typed.trim().is_empty() {
            current_pool()
        } else {
            typed
        })
    };
    let pool_row = move |pool: PoolSummary| {
        let id = pool.id.clone();
        let label = format!("Load {}", pool.id);
        view! {
            <li class="pool" data-pool-id=pool.id.clone()>
                <span class="pool-name">{pool.name.clone()}</span>
                " "
                <code class="pool-id">{pool.id.clone()}</code>
                " "
                <button
                    type="button"
                    class="secondary"
                    aria-label=label
                    prop:disabled=move || session.busy.get()
                    on:click=move |_| load(id.clone())
                >
                    "Load"
                </button>
            </li>
        }
    };
    view! {
        <section id="connection" class="io-panel" aria-labelledby="connection-heading">
            <h2 id="connection-heading">"Connect"</h2>
            <p>
                "Bring temporary AWS credentials (for example from "
                <code>"aws configure export-credentials"</code>
                " or "
                <code>"aws sts assume-role"</code>
                "). They stay in this page's memory, are used only to sign requests to the "
                "endpoint below, and are gone when you close the tab or press Forget."
            </p>
            <label for="credentials-paste">
                {move || if session.credentials.with(Option::is_some) { "Paste new credentials" } else { "Paste credentials" }}
            </label>
            <input
                type="password"
                id="credentials-paste"
                class="control"
                autocomplete="off"
                spellcheck="false"
                aria-describedby="credentials-forms"
                on:paste=on_paste
                on:change=on_change
            />
            <p id="credentials-forms" class="muted">
                "Any output of aws configure export-credentials (process JSON, env, env-no-export, "
                "powershell, windows-cmd, fish), of aws sts assume-role or get-session-token, of "
                "Cognito's GetCredentialsForIdentity, or a profile from ~/.aws/credentials."
            </p>
            <details class="creds-typed">
                <summary>"Type them in instead"</summary>
                <label for="creds-key-id">"Access key ID"</label>
                <input type="text" id="creds-key-id" class="control" autocomplete="off" spellcheck="false" node_ref=key_id />
                <label for="creds-secret">"Secret access key"</label>
                <input type="password" id="creds-secret" class="control" autocomplete="off" node_ref=secret />
                <label for="creds-token">"Session token"</label>
                <input type="password" id="creds-token" class="control" autocomplete="off" node_ref=token />
                <label for="creds-expiry">"Expires at (optional, e.g. 2026-11-22T13:00:00Z)"</label>
                <input type="text" id="creds-expiry" class="control" autocomplete="off" spellcheck="false" node_ref=expiry />
                <div class="io-actions">
                    <button type="button" class="secondary" on:click=use_typed>"Use these credentials"</button>
                </div>
            </details>
            <div class="creds-state" aria-live="polite">
                {move || session.paste_error.get().map(|why| view! { <p class="io-problem" id="credentials-error">{why}</p> })}
                {status}
                <ul class="creds-warnings">
                    {move || session.warnings.get().into_iter().map(|w| view! { <li class="io-note">{w}</li> }).collect_view()}
                </ul>
                {move || blocked().map(|why| view! { <p class="io-problem" id="credentials-expired">{why}</p> })}
            </div>
            <Show when=move || session.credentials.with(Option::is_some)>
                <div class="io-actions">
                    <label class="ack" for="creds-remember">
                        <input
                            type="checkbox"
                            id="creds-remember"
                            prop:checked=move || session.remember.get()
                            on:change=move |ev| {
                                session.remember.set(event_target_checked(&ev));
                                session.store();
                            }
                        />
                        " Remember for this tab (sessionStorage, until the tab closes)"
                    </label>
                    <button type="button" class="secondary" id="creds-forget" on:click=move |_| session.forget()>
                        "Forget the credentials"
                    </button>
                </div>
            </Show>
            <div class="connect-where">
                <label for="region">"Region"</label>
                <input
                    type="text"
                    id="region"
                    class="control"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="taken from the pool ID, e.g. eu-west-3"
                    prop:value=move || session.region.get()
                    on:input=move |ev| session.region.set(event_target_value(&ev))
                />
                <label for="endpoint">"Endpoint (optional, for a local emulator)"</label>
                <input
                    type="text"
                    id="endpoint"
                    class="control"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="https://cognito-idp.<Region>.amazonaws.com/"
                    prop:value=move || session.endpoint.get()
                    on:input=move |ev| session.endpoint.set(event_target_value(&ev))
                />
            </div>
            <div class="io-actions">
                <button type="button" class="secondary" id="list-pools" prop:disabled=move || session.busy.get() on:click=list>
                    "List user pools"
                </button>
            </div>
            {move || session.pools.get().map(|pools| {
                let count = pools.len();
                view! {
                    <p class="io-count" role="status">
                        {match count { 0 => "No user pools in this Region.".to_owned(), 1 => "1 user pool".to_owned(), n => format!("{n} user pools") }}
                    </p>
                    <ul class="pools">{pools.into_iter().map(pool_row).collect_view()}</ul>
                }
            })}
            <label for="load-pool-id">"ID of the pool to load"</label>
            <input
                type="text"
                id="load-pool-id"
                class="control"
                autocomplete="off"
                spellcheck="false"
                placeholder=move || { let id = current_pool(); if id.is_empty() { "us-east-1_AbCdEf123".to_owned() } else { id } }
                prop:value=move || pool_input.get()
                on:input=move |ev| pool_input.set(event_target_value(&ev))
            />
            <div class="io-actions">
                <button type="button" class="primary" id="load-pool" prop:disabled=move || session.busy.get() on:click=load_typed>
                    "Load the pool"
                </button>
            </div>
            <p class="io-status" role="status" id="connection-progress">{move || session.link.progress.get()}</p>
            <p class="muted" id="clock-note">{move || session.link.skew_note.get()}</p>
            {move || session.problem.get().map(|problem| view! { <ProblemView problem /> })}
            {move || session.loaded.get().map(|(id, name, at)| {
                let name = if name.is_empty() { String::new() } else { format!(" ({name})") };
                view! {
                    <p class="loaded" id="loaded-pool">
                        {format!("Read pool {id}{name} at {}.", time::format_iso8601(at))}
                    </p>
                }
            })}
            {move || {
                let notes = session.notes.get();
                (!notes.is_empty()).then(|| view! {
                    <details class="load-notes">
                        <summary>{format!("How the pool's description became the form ({} notes)", notes.len())}</summary>
                        <ul>{notes.into_iter().map(|n| view! { <li class="muted">{n}</li> }).collect_view()}</ul>
                    </details>
                })
            }}
            <ReplaceFeedback replacer place=Place::Connection />
        </section>
    }
}
