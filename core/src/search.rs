//! Substring search for the crate. `str::find`, `contains`, `split_once`
//! and `match_indices` with a `&str` pattern bring the standard library's
//! two-way searcher (about 2.5 KB of wasm) into the widget. The needles
//! here are short words and markers: looking for their first character
//! (`memchr`, which ships anyway) and comparing there is as fast (see the
//! `policy_timing` test).
//!
//! Both arguments are UTF-8, so a match of a whole needle always starts and
//! ends on a char boundary of the haystack.

/// Where the first `needle` starts in `hay`. `None` for an empty needle.
pub(crate) fn find(hay: &str, needle: &str) -> Option<usize> {
    let c = needle.chars().next()?;
    let mut from = 0;
    loop {
        let i = from + hay.get(from..)?.find(c)?;
        if hay.as_bytes().get(i..)?.starts_with(needle.as_bytes()) {
            return Some(i);
        }
        from = i + c.len_utf8();
    }
}

/// Where the last `needle` starts in `hay`. `None` for an empty needle.
pub(crate) fn rfind(hay: &str, needle: &str) -> Option<usize> {
    let c = needle.chars().next()?;
    let mut to = hay.len();
    loop {
        let i = hay.get(..to)?.rfind(c)?;
        if hay.as_bytes().get(i..)?.starts_with(needle.as_bytes()) {
            return Some(i);
        }
        to = i;
    }
}

/// `hay` around its first `needle`.
pub(crate) fn split_once<'a>(hay: &'a str, needle: &str) -> Option<(&'a str, &'a str)> {
    let i = find(hay, needle)?;
    Some((hay.get(..i)?, hay.get(i + needle.len()..)?))
}

/// `hay` around its last `needle`.
pub(crate) fn rsplit_once<'a>(hay: &'a str, needle: &str) -> Option<(&'a str, &'a str)> {
    let i = rfind(hay, needle)?;
    Some((hay.get(..i)?, hay.get(i + needle.len()..)?))
}

/// Whether `hay` contains `needle` (never an empty one).
pub(crate) fn contains(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_standard_library() {
        let hays = [
            "",
            "a",
            "aaa",
            "abcabc",
            "翻墙翻墙x",
            "x|--y|--",
            "-----begin ",
        ];
        let needles = [
            "a",
            "aa",
            "abc",
            "c",
            "翻墙",
            "墙x",
            "|--",
            "-----begin ",
            "z",
        ];
        for hay in hays {
            for needle in needles {
                assert_eq!(find(hay, needle), hay.find(needle), "{hay} {needle}");
                assert_eq!(rfind(hay, needle), hay.rfind(needle), "{hay} {needle}");
                assert_eq!(contains(hay, needle), hay.contains(needle));
                assert_eq!(split_once(hay, needle), hay.split_once(needle));
                assert_eq!(rsplit_once(hay, needle), hay.rsplit_once(needle));
            }
            assert_eq!(find(hay, ""), None);
        }
    }
}
