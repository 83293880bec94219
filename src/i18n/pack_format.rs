// The pack format, shared by build.rs (which writes packs; it includes this
// file) and src/i18n (which reads them), so the two cannot drift apart.
// Plain `//` comments: `include!` takes items only.

/// What a pack starts with; the version changes with the format.
pub const PACK_MAGIC: &str = "ltw-pack-2\u{2}";
/// Between the ids and the messages.
pub const SECTION_SEP: char = '\u{3}';
/// Between two ids, or two messages.
pub const FIELD_SEP: char = '\u{2}';

// The markers inside a message. No `.ftl` text may hold U+0000 up to
// `END_SELECT`.
pub const END: char = '\u{1}';
pub const VAR: char = '\u{4}';
pub const NUMBER: char = '\u{5}';
pub const SELECT: char = '\u{6}';
pub const VARIANT: char = '\u{7}';
pub const END_SELECT: char = '\u{8}';
pub const NUMERIC: char = '#';
pub const DEFAULT: char = '*';
