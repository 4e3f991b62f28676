//! The field table: one declarative entry for each of the 115 paths of the `UpdateUserPool`
//! request. The renderer, the validator and import/export all read it; nothing else in the
//! crate hard-codes what a field is, how it is bounded or where it sits.
//!
//! Paths use the model notation: `A.B` is member `B` of structure `A`, `A[]` an item of list `A`,
//! `A{key}` / `A{value}` the key / value of map `A`.

use crate::pattern::Pattern;

mod table;

pub use table::FIELDS;

/// The JSON type a path carries on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A JSON string.
    String,
    /// A JSON integral number.
    Integer,
    /// `true` or `false`.
    Boolean,
    /// A JSON object with fixed, named members.
    Structure,
    /// A JSON array.
    List,
    /// A JSON object with free keys.
    Map,
}

impl Shape {
    /// How the type is named in messages ("a string", "an integer", ...).
    pub fn noun(self) -> &'static str {
        match self {
            Shape::String => "a string",
            Shape::Integer => "a whole number",
            Shape::Boolean => "true or false",
            Shape::Structure | Shape::Map => "an object",
            Shape::List => "a list",
        }
    }
}

/// The control that edits a path. Six value widgets, two collection editors, and the container
/// and item kinds that the collection editors and sections render themselves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Widget {
    /// Single-line text.
    Text,
    /// Multi-line message template with placeholder hints and a character counter.
    Template,
    /// Whole number with bounds.
    Integer,
    /// Not set / true / false.
    TriState,
    /// One value out of the enum, or not set.
    Select,
    /// A set of enum values (a list of enum strings).
    MultiSelect,
    /// A list of free-text strings (one row each).
    TextList,
    /// A list of records (one sub-form per row; add, remove, reorder).
    RecordList,
    /// A map edited as key/value rows.
    KeyValue,
    /// A structure: a titled block that can be switched on and off when optional.
    Section,
    /// A list item, map key or map value: rendered by its collection editor.
    Item,
}

/// What `min` / `max` bound on a path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// Length of a string in Unicode code points.
    Length,
    /// Value of an integer.
    Value,
    /// Number of items of a list or entries of a map.
    Count,
}

/// The feature plan a setting needs before it can be switched on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// The Essentials plan (or Plus).
    Essentials,
    /// The Plus plan.
    Plus,
}

impl Tier {
    /// The plan's wire value.
    pub fn wire(self) -> &'static str {
        match self {
            Tier::Essentials => "ESSENTIALS",
            Tier::Plus => "PLUS",
        }
    }
}

/// The sections of the form, in display order. Each top-level member belongs to one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    /// Pool id, name and feature plan.
    Pool,
    /// Password and sign-in policies.
    Policies,
    /// Deletion protection.
    DeletionProtection,
    /// Lambda triggers.
    Lambda,
    /// Attribute verification and verification messages.
    Verification,
    /// Multi-factor authentication and its SMS message.
    Mfa,
    /// Verification before attribute updates.
    AttributeUpdates,
    /// Device remembering.
    Devices,
    /// Email sending.
    Email,
    /// SMS sending.
    Sms,
    /// Tags.
    Tags,
    /// Administrator-created users and invitations.
    AdminCreateUser,
    /// Threat protection add-ons.
    ThreatProtection,
    /// Account recovery.
    Recovery,
    /// Dynamic client registration.
    Dcr,
    /// Encryption key.
    Encryption,
    /// Token issuer.
    Issuer,
    /// Authentication context class reference names.
    Acr,
}

impl Group {
    /// Every group, in the order the form shows them.
    pub const ALL: [Group; 18] = [
        Group::Pool,
        Group::Policies,
        Group::DeletionProtection,
        Group::Lambda,
        Group::Verification,
        Group::Mfa,
        Group::AttributeUpdates,
        Group::Devices,
        Group::Email,
        Group::Sms,
        Group::Tags,
        Group::AdminCreateUser,
        Group::ThreatProtection,
        Group::Recovery,
        Group::Dcr,
        Group::Encryption,
        Group::Issuer,
        Group::Acr,
    ];

    /// The group's place in [`Group::ALL`] (the enum is declared in that order; a test holds
    /// the two together).
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The section heading.
    pub fn title(self) -> &'static str {
        match self {
            Group::Pool => "User pool",
            Group::Policies => "Password and sign-in policies",
            Group::DeletionProtection => "Deletion protection",
            Group::Lambda => "Lambda triggers",
            Group::Verification => "Verification",
            Group::Mfa => "Multi-factor authentication",
            Group::AttributeUpdates => "Attribute updates",
            Group::Devices => "Remembered devices",
            Group::Email => "Email delivery",
            Group::Sms => "SMS delivery",
            Group::Tags => "Tags",
            Group::AdminCreateUser => "Admin-created users",
            Group::ThreatProtection => "Threat protection",
            Group::Recovery => "Account recovery",
            Group::Dcr => "Dynamic client registration",
            Group::Encryption => "Encryption key",
            Group::Issuer => "Token issuer",
            Group::Acr => "ACR level names",
        }
    }

    /// A stable fragment id for links to the section (`#group-lambda`, ...).
    pub fn anchor(self) -> &'static str {
        match self {
            Group::Pool => "group-pool",
            Group::Policies => "group-policies",
            Group::DeletionProtection => "group-deletion-protection",
            Group::Lambda => "group-lambda",
            Group::Verification => "group-verification",
            Group::Mfa => "group-mfa",
            Group::AttributeUpdates => "group-attribute-updates",
            Group::Devices => "group-devices",
            Group::Email => "group-email",
            Group::Sms => "group-sms",
            Group::Tags => "group-tags",
            Group::AdminCreateUser => "group-admin-create-user",
            Group::ThreatProtection => "group-threat-protection",
            Group::Recovery => "group-recovery",
            Group::Dcr => "group-dcr",
            Group::Encryption => "group-encryption",
            Group::Issuer => "group-issuer",
            Group::Acr => "group-acr",
        }
    }

    /// The table entries of this group, in form order.
    pub fn fields(self) -> impl Iterator<Item = &'static Field> {
        FIELDS.iter().filter(move |f| f.group == self)
    }
}

/// One path of the request: everything the form, the validator and import/export need to know.
#[derive(Debug)]
pub struct Field {
    /// Model path, e.g. `Policies.PasswordPolicy.MinimumLength`.
    pub path: &'static str,
    /// Short label shown next to the control.
    pub label: &'static str,
    /// One or two sentences of help, in plain words.
    pub help: &'static str,
    /// JSON type on the wire.
    pub shape: Shape,
    /// Control that edits it.
    pub widget: Widget,
    /// Form section.
    pub group: Group,
    /// Required inside its parent whenever the parent is sent.
    pub required: bool,
    /// Lower bound (see [`Field::bound`]).
    pub min: Option<u64>,
    /// Upper bound (see [`Field::bound`]).
    pub max: Option<u64>,
    /// Whole-value pattern of a string.
    pub pattern: Option<Pattern>,
    /// Allowed values of an enum string (empty when not an enum).
    pub values: &'static [&'static str],
    /// Documented as no longer used: shown folded away, with a warning when sent.
    pub legacy: bool,
    /// Feature plan needed to switch the setting on, when there is one.
    pub tier: Option<Tier>,
}

impl Field {
    /// What `min`/`max` count for this path.
    pub fn bound(&self) -> Bound {
        match self.shape {
            Shape::Integer => Bound::Value,
            Shape::List | Shape::Map => Bound::Count,
            _ => Bound::Length,
        }
    }

    /// The enclosing path (`None` at the top level). `A[]` and `A{key}` / `A{value}` have `A` as
    /// parent; `A{value}.B` has `A{value}`.
    pub fn parent(&self) -> Option<&'static str> {
        parent_of(self.path)
    }

    /// The last segment of the path: the member name for structure members, `[]`, `{key}` or
    /// `{value}` for items.
    pub fn name(&self) -> &'static str {
        let path = self.path;
        match parent_of(path) {
            None => path,
            Some(parent) => path[parent.len()..].trim_start_matches('.'),
        }
    }

    /// Nesting depth: 0 for top-level members.
    pub fn depth(&self) -> usize {
        let mut depth = 0;
        let mut path = self.path;
        while let Some(parent) = parent_of(path) {
            depth += 1;
            path = parent;
        }
        depth
    }

    /// The members (structures), item (lists) or key and value (maps) of this path.
    pub fn children(&self) -> impl Iterator<Item = &'static Field> {
        let at = FIELDS.iter().position(|f| std::ptr::eq(f, self));
        let children: &'static [usize] = match at {
            Some(at) => &index().children[at],
            None => &[],
        };
        children.iter().map(|&i| &FIELDS[i])
    }

    /// The child entry named `name` (a member name, `[]`, `{key}` or `{value}`).
    pub fn child(&self, name: &str) -> Option<&'static Field> {
        self.children().find(|f| f.name() == name)
    }
}

/// The enclosing path of a model path, or `None` for a top-level member.
pub fn parent_of(path: &str) -> Option<&str> {
    if let Some(stripped) = path.strip_suffix("[]") {
        return Some(stripped);
    }
    for suffix in ["{key}", "{value}"] {
        if let Some(stripped) = path.strip_suffix(suffix) {
            return Some(stripped);
        }
    }
    path.rfind('.').map(|dot| &path[..dot])
}

/// Lookups over the table, computed once: entries by path, and each entry's children.
struct Index {
    /// `(path, position in FIELDS)`, sorted by path.
    by_path: Vec<(&'static str, usize)>,
    /// For each entry, the positions of its children in table order.
    children: Vec<Vec<usize>>,
    /// Positions of the top-level members in table order.
    top: Vec<usize>,
}

fn index() -> &'static Index {
    static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        // Insertion sort: 115 entries once, and far less wasm than the standard library's sort.
        let mut by_path: Vec<(&'static str, usize)> = Vec::with_capacity(FIELDS.len());
        for (i, f) in FIELDS.iter().enumerate() {
            let at = by_path.partition_point(|(p, _)| *p < f.path);
            by_path.insert(at, (f.path, i));
        }
        let position = |path: &str| {
            by_path
                .binary_search_by(|(p, _)| (*p).cmp(path))
                .ok()
                .map(|at| by_path[at].1)
        };
        let mut children = vec![Vec::new(); FIELDS.len()];
        let mut top = Vec::new();
        for (i, f) in FIELDS.iter().enumerate() {
            match parent_of(f.path) {
                Some(parent) => {
                    if let Some(p) = position(parent) {
                        children[p].push(i);
                    }
                }
                None => top.push(i),
            }
        }
        Index {
            by_path,
            children,
            top,
        }
    })
}

/// The table entry of a model path.
pub fn field(path: &str) -> Option<&'static Field> {
    let by_path = &index().by_path;
    by_path
        .binary_search_by(|(p, _)| (*p).cmp(path))
        .ok()
        .map(|at| &FIELDS[by_path[at].1])
}

/// The entries directly under `path`, in table order.
pub fn children(path: &str) -> impl Iterator<Item = &'static Field> {
    let children: &'static [usize] = match field(path) {
        Some(parent) => {
            let at = FIELDS.iter().position(|f| std::ptr::eq(f, parent));
            at.map_or(&[], |at| &index().children[at])
        }
        None => &[],
    };
    children.iter().map(|&i| &FIELDS[i])
}

/// The top-level members of the request, in table order.
pub fn top_level() -> impl Iterator<Item = &'static Field> {
    index().top.iter().map(|&i| &FIELDS[i])
}
