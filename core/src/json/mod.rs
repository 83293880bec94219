//! Just enough JSON for the widget: writing the payload and the draft, and
//! reading the draft, the receiver's answers and `mtr --json` pastes.
//!
//! The widget used serde and serde_json for this; with the derived code they
//! were 35 KB of the wasm (16 KB gzip). The receiver and the tests still use
//! serde (the `serde` feature), and the tests check that both agree byte for
//! byte on everything the widget sends.

mod read;
mod write;

pub use read::{MAX_DEPTH, Value, parse, parse_first};
pub use write::{Object, ToJson, to_string};
