//! Refusing a paste that would take a field over its limit, before it
//! lands: a 1 MB paste would otherwise make every keystroke slow and be
//! written to the draft, only to be refused on leaving the field. Pure, so
//! it is tested natively; the view reads the event and shows the refusal.

use ticket_core::validate::{LenUnit, MaxLen, exceeds_max_len};

/// A paste that was not let in: how long it was, in the unit of the limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub size: usize,
    pub limit: MaxLen,
}

/// Whether pasting `pasted` into `key`'s field, whose text is `current`
/// with `selection` (UTF-16 offsets, as the DOM gives them) replaced by the
/// paste, takes the field past its limit.
pub fn check_paste(
    key: &str,
    current: &str,
    selection: Option<(u32, u32)>,
    pasted: &str,
) -> Option<Refusal> {
    let (start, end) = selection
        .map(|(s, e)| (byte_offset(current, s), byte_offset(current, e)))
        .map_or((current.len(), current.len()), |(s, e)| {
            (s.min(e), s.max(e))
        });
    let result = [&current[..start], pasted, &current[end..]].concat();
    let limit = exceeds_max_len(key, &result)?;
    let size = match limit.unit {
        LenUnit::Chars => pasted.chars().count(),
        LenUnit::Bytes => pasted.len(),
    };
    Some(Refusal { size, limit })
}

/// The byte offset in `text` of a UTF-16 offset (clamped to the text, and
/// to a character boundary).
fn byte_offset(text: &str, utf16: u32) -> usize {
    let mut units = 0u32;
    for (i, c) in text.char_indices() {
        if units >= utf16 {
            return i;
        }
        units = units.saturating_add(c.len_utf16() as u32);
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_past_the_limit_is_refused_with_its_size_and_the_limit() {
        let huge = "x".repeat(1 << 20);
        let refusal = check_paste("message", "Typed before.", None, &huge).unwrap();
        assert_eq!(refusal.size, 1 << 20);
        assert_eq!(refusal.limit.max, 20_000);
        assert_eq!(refusal.limit.unit, LenUnit::Chars);
        assert_eq!(
            check_paste("message", "Typed.", None, "a short paste"),
            None
        );
    }

    #[test]
    fn the_selection_the_paste_replaces_does_not_count() {
        let full = "y".repeat(20_000);
        // Replacing all of it with a short text is fine; adding is not.
        assert_eq!(
            check_paste("message", &full, Some((0, 20_000)), "short"),
            None
        );
        assert!(check_paste("message", &full, None, "more").is_some());
        assert!(check_paste("message", &full, Some((5, 5)), "more").is_some());
    }

    #[test]
    fn utf16_offsets_of_chinese_and_emoji_text_map_to_characters() {
        let text = "丟包😀x";
        assert_eq!(byte_offset(text, 0), 0);
        assert_eq!(byte_offset(text, 1), 3);
        assert_eq!(byte_offset(text, 2), 6);
        assert_eq!(byte_offset(text, 4), 10);
        assert_eq!(byte_offset(text, 3), 10);
        assert_eq!(byte_offset(text, 99), text.len());
        // A selection from the browser never panics, whatever it says.
        assert_eq!(check_paste("subject", text, Some((99, 3)), "a"), None);
    }

    #[test]
    fn a_trace_is_limited_in_bytes() {
        let refusal = check_paste("trace", "", None, &"1 ".repeat(300_000)).unwrap();
        assert_eq!(refusal.limit.unit, LenUnit::Bytes);
        assert_eq!(refusal.size, 600_000);
    }
}
