//! The editable form: every setting of the request, grouped and nested as the API nests them,
//! each control chosen by the field table.

pub mod collections;
pub mod field;
pub mod group;
pub mod section;
pub mod summary;
pub mod widgets;

pub use field::FieldView;
pub use summary::{ErrorSummary, ReviewBar};
