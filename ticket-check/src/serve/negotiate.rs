//! What a request for a static file asks for in its headers: which
//! compressed copy it accepts (`Accept-Encoding`) and whether the copy it
//! holds is still current (`If-None-Match`).

/// A precompressed copy the build writes beside a file, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
}

impl Encoding {
    pub const PREFERRED: [Encoding; 2] = [Encoding::Brotli, Encoding::Gzip];

    /// The token of `Content-Encoding`.
    pub fn token(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gzip",
        }
    }

    /// The suffix of the copy's file name.
    pub fn suffix(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gz",
        }
    }
}

/// Whether an `Accept-Encoding` value allows `encoding`: named with a
/// quality above zero, or `*` with one and not named with zero.
pub fn accepts(accept_encoding: &str, encoding: Encoding) -> bool {
    let mut wildcard = false;
    for item in accept_encoding.split(',') {
        let mut parts = item.split(';');
        let name = parts.next().unwrap_or_default().trim();
        let allowed = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .next_back()
            .is_none_or(|q| q.trim().parse::<f32>().is_ok_and(|q| q > 0.0));
        if name.eq_ignore_ascii_case(encoding.token())
            || (encoding == Encoding::Gzip && name.eq_ignore_ascii_case("x-gzip"))
        {
            return allowed;
        }
        if name == "*" {
            wildcard = allowed;
        }
    }
    wildcard
}

/// Whether an `If-None-Match` value names `etag` (weak comparison, as
/// RFC 9110 asks for this header), or is `*`.
pub fn none_match(if_none_match: &str, etag: &str) -> bool {
    let bare = |tag: &str| tag.trim().trim_start_matches("W/").to_owned();
    if_none_match
        .split(',')
        .any(|tag| tag.trim() == "*" || bare(tag) == bare(etag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_encoding_as_browsers_and_odd_clients_send_it() {
        let chrome = "gzip, deflate, br, zstd";
        assert!(accepts(chrome, Encoding::Brotli));
        assert!(accepts(chrome, Encoding::Gzip));
        assert!(!accepts("gzip, deflate", Encoding::Brotli));
        assert!(!accepts("", Encoding::Gzip));
        assert!(!accepts("identity", Encoding::Gzip));
        assert!(!accepts("br;q=0, gzip;q=0.5", Encoding::Brotli));
        assert!(accepts("br;q=0, gzip;q=0.5", Encoding::Gzip));
        assert!(accepts("*", Encoding::Brotli));
        assert!(!accepts("*, br;q=0", Encoding::Brotli));
        assert!(accepts("BR ; q=1.0", Encoding::Brotli));
        assert!(accepts("x-gzip", Encoding::Gzip));
        assert!(!accepts("gzip;q=nonsense", Encoding::Gzip));
        assert!(!accepts(";;;,,q=1", Encoding::Gzip));
    }

    #[test]
    fn if_none_match_lists_and_weak_tags() {
        assert!(none_match("\"abc\"", "\"abc\""));
        assert!(none_match("W/\"abc\"", "\"abc\""));
        assert!(none_match("\"x\", \"abc\"", "\"abc\""));
        assert!(none_match("*", "\"abc\""));
        assert!(!none_match("\"abd\"", "\"abc\""));
        assert!(!none_match("", "\"abc\""));
    }
}
