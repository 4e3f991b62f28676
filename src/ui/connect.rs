//! Connecting to Cognito: the admin's temporary credentials (kept in memory, or in this tab's
//! sessionStorage when the admin opts in), the Region and an optional endpoint, the list of
//! pools, and loading one pool's settings into the form.
//!
//! What is read from a paste, what an endpoint may be, and how responses are read are decided in
//! the pure core ([`crate::aws`]); this file holds the views and the browser edges (storage,
//! paste events, the clock tick).

use leptos::prelude::*;
use serde_json::Value;
use wasm_bindgen::JsCast;

use crate::aws::api::{self, Endpoint, Listing, Operation, PoolSummary};
use crate::aws::credentials::{self, Credentials, Parsed};
use crate::aws::error::ApiError;
use crate::aws::time::{self, Millis};
use crate::describe;
use crate::draft_store;
use crate::model::region_of_pool_id;
use crate::ui::client::{self, Link, Target};
use crate::ui::dom::{self, Keep, E};
use crate::ui::io::{replace_feedback, Incoming, Place, Replacer};
use crate::ui::sig::{spawn, Sig};
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
    pub credentials: Sig<Option<Credentials>>,
    /// How the credentials were given (for the status line).
    pub source: Sig<Option<String>>,
    /// The warnings about them, in words.
    pub warnings: Sig<Vec<String>>,
    /// Why the last paste could not be read.
    pub paste_error: Sig<Option<String>>,
    /// Whether the credentials are kept in this tab's sessionStorage.
    pub remember: Sig<bool>,
    /// The Region typed or taken from the pool id.
    pub region: Sig<String>,
    /// An endpoint override (emulators); empty for AWS's own.
    pub endpoint: Sig<String>,
    /// The clock offset and the progress of the call in flight.
    pub link: Link,
    /// The browser's clock, read every second while credentials with an expiry are held.
    pub tick: Sig<Millis>,
    /// A call is in flight: every button that calls AWS is disabled.
    pub busy: Sig<bool>,
    /// The pools listed, when they were.
    pub pools: Sig<Option<Vec<PoolSummary>>>,
    /// The last problem of the connection panel.
    pub problem: Sig<Option<Problem>>,
    /// The pool last loaded: id, name and when.
    pub loaded: Sig<Option<(String, String, Millis)>>,
    /// Notes of the last load (members that are not settings, and so on).
    pub notes: Sig<Vec<String>>,
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
            credentials: Sig::new(None),
            source: Sig::new(None),
            warnings: Sig::new(Vec::new()),
            paste_error: Sig::new(None),
            remember: Sig::new(false),
            region: Sig::new(String::new()),
            endpoint: Sig::new(String::new()),
            link: Link::new(),
            tick: Sig::new(client::local_now()),
            busy: Sig::new(false),
            pools: Sig::new(None),
            problem: Sig::new(None),
            loaded: Sig::new(None),
            notes: Sig::new(Vec::new()),
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
    pub fn run(self, work: impl std::future::Future<Output = ()> + 'static) {
        self.run_boxed(Box::pin(work));
    }

    fn run_boxed(self, work: std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>) {
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        let session = self;
        spawn(async move {
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
    dom::piece(connect_panel)
}

fn connect_panel(keep: &mut Keep) -> E {
    let session = Session::get();
    let state = FormState::get();
    let replacer = Replacer::get();

    let read_paste = move |text: String| match credentials::parse(&text) {
        Ok(parsed) => session.accept(parsed),
        Err(why) => session.paste_error.set(Some(why.to_string())),
    };
    let on_paste = move |ev: web_sys::Event| {
        let ev: web_sys::ClipboardEvent = ev.unchecked_into();
        // Read the clipboard text itself: an input drops line breaks, which env-style
        // credentials need. The text never reaches the page.
        let Some(text) = ev.clipboard_data().and_then(|d| d.get_data("text").ok()) else {
            return;
        };
        ev.prevent_default();
        read_paste(text);
    };
    let on_change = move |ev: web_sys::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let text = input.value();
        input.set_value("");
        if !text.trim().is_empty() {
            read_paste(text);
        }
    };

    // Typed in by hand.
    let typed_input = |kind: &str, id: &str| {
        let input = E::new("input")
            .attr("type", kind)
            .attr("id", id)
            .class("control")
            .attr("autocomplete", "off");
        if kind == "text" {
            input.attr("spellcheck", "false")
        } else {
            input
        }
    };
    let key_id = typed_input("text", "creds-key-id");
    let secret = typed_input("password", "creds-secret");
    let token = typed_input("password", "creds-token");
    let expiry = typed_input("text", "creds-expiry");
    let fields: Vec<web_sys::HtmlInputElement> = [&key_id, &secret, &token, &expiry]
        .iter()
        .filter_map(|e| e.0.clone().dyn_into().ok())
        .collect();
    let use_typed = move |_| {
        let value = |at: usize| fields.get(at).map(|i| i.value()).unwrap_or_default();
        match credentials::from_fields(&value(0), &value(1), &value(2), &value(3)) {
            Ok(parsed) => {
                session.accept(parsed);
                for input in &fields {
                    input.set_value("");
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
                E::new("p")
                    .class("creds-status")
                    .attr("data-expired", &expired.to_string())
                    .text("Using ")
                    .child(E::new("code").class("creds-key").text(&c.masked_key_id()))
                    .text(&format!(" ({kind}, {expiry}), read from {source}."))
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

    let pool_input = Sig::new(String::new());
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
    let pool_row = move |keep: &mut Keep, pool: PoolSummary| {
        let id = pool.id.clone();
        E::new("li")
            .class("pool")
            .attr("data-pool-id", &pool.id)
            .child(E::new("span").class("pool-name").text(&pool.name))
            .text(" ")
            .child(E::new("code").class("pool-id").text(&pool.id))
            .text(" ")
            .child(
                E::button("secondary")
                    .attr("aria-label", &format!("Load {}", pool.id))
                    .flag_with(keep, "disabled", move || session.busy.get())
                    .on(keep, "click", move |_| load(id.clone()))
                    .text("Load"),
            )
    };
    let has_credentials = move || session.credentials.with(Option::is_some);
    let problem = |id: &str, message: Option<String>| -> Vec<E> {
        message
            .map(|m| E::new("p").class("io-problem").attr("id", id).text(&m))
            .into_iter()
            .collect()
    };
    let notes_list = |notes: Vec<String>, class: &str| {
        notes.iter().fold(E::new("ul"), |list, n| {
            list.child(E::new("li").class(class).text(n))
        })
    };
    let text_input = |keep: &mut Keep, id: &str, placeholder: &str, value: Sig<String>| {
        E::new("input")
            .attr("type", "text")
            .attr("id", id)
            .class("control")
            .attr("autocomplete", "off")
            .attr("spellcheck", "false")
            .attr("placeholder", placeholder)
            .prop_with(keep, "value", move || value.get())
            .on(keep, "input", move |ev| value.set(event_target_value(&ev)))
    };
    let load_input = text_input(keep, "load-pool-id", "", pool_input).attr_with(
        keep,
        "placeholder",
        move || {
            let id = current_pool();
            Some(if id.is_empty() {
                "us-east-1_AbCdEf123".to_owned()
            } else {
                id
            })
        },
    );
    E::new("section")
        .attr("id", "connection")
        .class("io-panel")
        .attr("aria-labelledby", "connection-heading")
        .child(E::new("h2").attr("id", "connection-heading").text("Connect"))
        .child(
            E::new("p")
                .text("Bring temporary AWS credentials (for example from ")
                .child(E::new("code").text("aws configure export-credentials"))
                .text(" or ")
                .child(E::new("code").text("aws sts assume-role"))
                .text(
                    "). They stay in this page's memory, are used only to sign requests to the \
                     endpoint below, and are gone when you close the tab or press Forget.",
                ),
        )
        .child(
            E::new("label")
                .attr("for", "credentials-paste")
                .text_with(keep, move || {
                    if has_credentials() {
                        "Paste new credentials".to_owned()
                    } else {
                        "Paste credentials".to_owned()
                    }
                }),
        )
        .child(
            E::new("input")
                .attr("type", "password")
                .attr("id", "credentials-paste")
                .class("control")
                .attr("autocomplete", "off")
                .attr("spellcheck", "false")
                .attr("aria-describedby", "credentials-forms")
                .on(keep, "paste", on_paste)
                .on(keep, "change", on_change),
        )
        .child(E::new("p").attr("id", "credentials-forms").class("muted").text(
            "Any output of aws configure export-credentials (process JSON, env, env-no-export, \
             powershell, windows-cmd, fish), of aws sts assume-role or get-session-token, of \
             Cognito's GetCredentialsForIdentity, or a profile from ~/.aws/credentials.",
        ))
        .child(
            E::new("details")
                .class("creds-typed")
                .child(E::new("summary").text("Type them in instead"))
                .child(E::new("label").attr("for", "creds-key-id").text("Access key ID"))
                .child(key_id)
                .child(E::new("label").attr("for", "creds-secret").text("Secret access key"))
                .child(secret)
                .child(E::new("label").attr("for", "creds-token").text("Session token"))
                .child(token)
                .child(
                    E::new("label")
                        .attr("for", "creds-expiry")
                        .text("Expires at (optional, e.g. 2026-11-22T13:00:00Z)"),
                )
                .child(expiry)
                .child(
                    E::new("div").class("io-actions").child(
                        E::button("secondary")
                            .on(keep, "click", use_typed)
                            .text("Use these credentials"),
                    ),
                ),
        )
        .child(
            E::new("div")
                .class("creds-state")
                .attr("aria-live", "polite")
                .dynamic(keep, move |_| {
                    problem("credentials-error", session.paste_error.get())
                })
                .dynamic(keep, move |_| status().into_iter().collect())
                .child(E::new("ul").class("creds-warnings").dynamic(keep, move |_| {
                    session
                        .warnings
                        .get()
                        .iter()
                        .map(|w| E::new("li").class("io-note").text(w))
                        .collect()
                }))
                .dynamic(keep, move |_| problem("credentials-expired", blocked())),
        )
        .dynamic(keep, move |keep| {
            if !has_credentials() {
                return Vec::new();
            }
            vec![E::new("div")
                .class("io-actions")
                .child(
                    E::new("label")
                        .class("ack")
                        .attr("for", "creds-remember")
                        .child(
                            E::new("input")
                                .attr("type", "checkbox")
                                .attr("id", "creds-remember")
                                .flag_with(keep, "checked", move || session.remember.get())
                                .on(keep, "change", move |ev| {
                                    session.remember.set(event_target_checked(&ev));
                                    session.store();
                                }),
                        )
                        .text(" Remember for this tab (sessionStorage, until the tab closes)"),
                )
                .child(
                    E::button("secondary")
                        .attr("id", "creds-forget")
                        .on(keep, "click", move |_| session.forget())
                        .text("Forget the credentials"),
                )]
        })
        .child(
            E::new("div")
                .class("connect-where")
                .child(E::new("label").attr("for", "region").text("Region"))
                .child(text_input(
                    keep,
                    "region",
                    "taken from the pool ID, e.g. eu-west-3",
                    session.region,
                ))
                .child(
                    E::new("label")
                        .attr("for", "endpoint")
                        .text("Endpoint (optional, for a local emulator)"),
                )
                .child(text_input(
                    keep,
                    "endpoint",
                    "https://cognito-idp.<Region>.amazonaws.com/",
                    session.endpoint,
                )),
        )
        .child(
            E::new("div").class("io-actions").child(
                E::button("secondary")
                    .attr("id", "list-pools")
                    .flag_with(keep, "disabled", move || session.busy.get())
                    .on(keep, "click", list)
                    .text("List user pools"),
            ),
        )
        .dynamic(keep, move |keep| {
            let Some(pools) = session.pools.get() else {
                return Vec::new();
            };
            let count = match pools.len() {
                0 => "No user pools in this Region.".to_owned(),
                1 => "1 user pool".to_owned(),
                n => format!("{n} user pools"),
            };
            let list = pools
                .into_iter()
                .fold(E::new("ul").class("pools"), |list, pool| {
                    list.child(pool_row(keep, pool))
                });
            vec![
                E::new("p").class("io-count").attr("role", "status").text(&count),
                list,
            ]
        })
        .child(
            E::new("label")
                .attr("for", "load-pool-id")
                .text("ID of the pool to load"),
        )
        .child(load_input)
        .child(
            E::new("div").class("io-actions").child(
                E::button("primary")
                    .attr("id", "load-pool")
                    .flag_with(keep, "disabled", move || session.busy.get())
                    .on(keep, "click", load_typed)
                    .text("Load the pool"),
            ),
        )
        .child(
            E::new("p")
                .class("io-status")
                .attr("role", "status")
                .attr("id", "connection-progress")
                .text_with(keep, move || session.link.progress.get().unwrap_or_default()),
        )
        .child(
            E::new("p")
                .class("muted")
                .attr("id", "clock-note")
                .text_with(keep, move || session.link.skew_note.get().unwrap_or_default()),
        )
        .dynamic(keep, move |_| {
            session
                .problem
                .get()
                .map(problem_element)
                .into_iter()
                .collect()
        })
        .dynamic(keep, move |_| {
            session
                .loaded
                .get()
                .map(|(id, name, at)| {
                    let name = if name.is_empty() {
                        String::new()
                    } else {
                        format!(" ({name})")
                    };
                    E::new("p").class("loaded").attr("id", "loaded-pool").text(&format!(
                        "Read pool {id}{name} at {}.",
                        time::format_iso8601(at)
                    ))
                })
                .into_iter()
                .collect()
        })
        .dynamic(keep, move |_| {
            let notes = session.notes.get();
            if notes.is_empty() {
                return Vec::new();
            }
            vec![E::new("details")
                .class("load-notes")
                .child(E::new("summary").text(&format!(
                    "How the pool's description became the form ({} notes)",
                    notes.len()
                )))
                .child(notes_list(notes, "muted"))]
        })
        .child(replace_feedback(keep, replacer, Place::Connection))
}
