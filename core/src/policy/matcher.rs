//! Matching a term list against a normalised text in one pass, then applying
//! each term's [`Rule`](super::terms::Rule).
//!
//! ASCII spellings are looked up word by word in a byte trie: from every
//! word, the walk goes on into the following words while only one or two
//! separators lie between them and the trie has a way on, and the longest
//! spelling wins. Chinese spellings are looked up from every character by
//! their first character. The work per position is bounded by the longest
//! spelling, so the whole is linear in the text.

use super::TermMatch;
use super::normalize::{Norm, fold_str, is_join_sep, word_end, word_start};
use super::terms::{RULES, Rule, Term};
use std::sync::OnceLock;

/// How far (in bytes of normalised text) a `near` cue may be.
const NEAR: usize = 45;
/// How far before a match a `block_near_before` cue may end: a few words
/// (`Cloudflare 的代理模式`, `nginx 做 API 代理`).
const NEAR_BEFORE: usize = 24;

type Entry = (String, u16);

/// No term.
const NONE: u16 = u16::MAX;

/// A node of the trie of compact ASCII spellings (letters and digits).
struct Node {
    /// (byte, child node).
    edges: Vec<(u8, u32)>,
    /// The term spelled by the path to here.
    term: u16,
    /// The term of a `prefix*` spelling ending here.
    prefix: u16,
}

/// A term list compiled for matching.
pub(super) struct Lexicon {
    terms: &'static [Term],
    /// The ASCII spellings; node 0 is the root.
    trie: Vec<Node>,
    /// `*vpn`: a word ending with this.
    suffixes: Vec<Entry>,
    /// Spellings with a non-ASCII character, separators removed, sorted by
    /// first character then longest first.
    phrases: Vec<Entry>,
    /// The distinct first characters of `phrases`, with the index of their
    /// first phrase.
    firsts: Vec<(char, u16)>,
    /// The root's child for each ASCII byte (0: none), to skip the edge
    /// search for the first byte of every word.
    root: [u32; 128],
    /// Whether some phrase starts with ASCII byte `b`.
    ascii_firsts: [bool; 128],
}

/// A raw match in the normalised text, before its rule is applied.
#[derive(Clone, Copy, Debug)]
struct Hit {
    term: u16,
    start: usize,
    end: usize,
    /// Joined from several words.
    joined: bool,
}

impl Lexicon {
    pub fn new(terms: &'static [Term]) -> Lexicon {
        let mut lex = Lexicon {
            terms,
            trie: vec![Node::new()],
            suffixes: Vec::new(),
            phrases: Vec::new(),
            firsts: Vec::new(),
            root: [0; 128],
            ascii_firsts: [false; 128],
        };
        for (id, term) in terms.iter().enumerate() {
            let id = id as u16;
            for spelling in term.spellings.split('|') {
                let folded = fold_str(spelling.trim());
                let compact: String = folded
                    .chars()
                    .filter(|&c| !c.is_ascii() || c.is_ascii_alphanumeric())
                    .collect();
                if compact.is_empty() {
                    continue;
                }
                if !compact.is_ascii() {
                    lex.phrases.push((compact, id));
                } else if folded.starts_with('*') {
                    lex.suffixes.push((compact, id));
                } else {
                    let node = lex.insert(&compact);
                    let node = &mut lex.trie[node];
                    let slot = if folded.ends_with('*') {
                        &mut node.prefix
                    } else {
                        &mut node.term
                    };
                    if *slot == NONE {
                        *slot = id;
                    }
                }
            }
        }
        // By first character, then longest first.
        lex.phrases
            .sort_by_key(|(p, _)| (p.chars().next(), std::cmp::Reverse(p.len())));
        for (i, (p, _)) in lex.phrases.iter().enumerate() {
            let c = p.chars().next().unwrap_or_default();
            if lex.firsts.last().is_none_or(|f| f.0 != c) {
                lex.firsts.push((c, i as u16));
            }
            if c.is_ascii() {
                lex.ascii_firsts[c as usize] = true;
            }
        }
        for &(b, next) in &lex.trie[0].edges {
            lex.root[usize::from(b & 0x7F)] = next;
        }
        lex
    }

    /// The trie node for `word`, added if needed.
    fn insert(&mut self, word: &str) -> usize {
        let mut node = 0;
        for b in word.bytes() {
            node = match self.child(node, b) {
                Some(next) => next,
                None => {
                    let next = self.trie.len();
                    self.trie.push(Node::new());
                    self.trie[node].edges.push((b, next as u32));
                    next
                }
            };
        }
        node
    }

    /// The child of `node` by byte `b` (matching; the root by its table).
    #[inline]
    fn step(&self, node: usize, b: u8) -> Option<usize> {
        if node == 0 {
            return match self.root.get(usize::from(b)) {
                Some(&next) if next != 0 => Some(next as usize),
                _ => None,
            };
        }
        self.child(node, b)
    }

    #[inline]
    fn child(&self, node: usize, b: u8) -> Option<usize> {
        let edges = &self.trie[node].edges;
        edges.iter().find(|e| e.0 == b).map(|e| e.1 as usize)
    }

    /// The counted matches of this list in `norm`, by position.
    pub fn find(&self, norm: &Norm) -> Vec<TermMatch> {
        let mut hits = Vec::new();
        self.word_hits(norm, &mut hits);
        self.phrase_hits(norm, &mut hits);
        self.resolve(norm, hits)
    }

    fn word_hits(&self, norm: &Norm, hits: &mut Vec<Hit>) {
        let tokens = &norm.tokens;
        let mut i = 0;
        while i < tokens.len() {
            let mut best = None;
            let mut prefixed = NONE;
            let mut node = 0;
            let mut j = i;
            'walk: loop {
                let (a, z) = tokens[j];
                for &b in &norm.s.as_bytes()[a..z] {
                    match self.step(node, b) {
                        Some(next) => node = next,
                        None => break 'walk,
                    }
                    if j == i && self.trie[node].prefix != NONE {
                        prefixed = self.trie[node].prefix;
                    }
                }
                if self.trie[node].term != NONE {
                    best = Some((j, self.trie[node].term));
                }
                if self.trie[node].edges.is_empty() || j + 1 >= tokens.len() || !norm.joinable(j) {
                    break;
                }
                j += 1;
            }
            if best.is_none() && prefixed != NONE {
                best = Some((i, prefixed));
            }
            if best.is_none() {
                let word = norm.token(i).as_bytes();
                best = self
                    .suffixes
                    .iter()
                    .find(|(p, _)| word.ends_with(p.as_bytes()))
                    .map(|(_, id)| (i, *id));
            }
            // A match must not cut a spelled-out run: `S S D` is not `SS`,
            // `C L A S S` neither (but `a V.P.N` is `VPN`).
            let cuts_end = |j: usize| j + 1 < tokens.len() && norm.tight(j);
            let cuts_start = |j: usize| {
                let bytes = norm.s.as_bytes();
                i > 0 && j > i && norm.tight(i - 1) && bytes[tokens[i].0 - 1] == bytes[tokens[i].1]
            };
            match best {
                Some((j, id)) if !cuts_end(j) && !cuts_start(j) => {
                    hits.push(Hit {
                        term: id,
                        start: tokens[i].0,
                        end: tokens[j].1,
                        joined: j > i,
                    });
                    i = j + 1;
                }
                _ => i += 1,
            }
        }
    }

    fn phrase_hits(&self, norm: &Norm, hits: &mut Vec<Hit>) {
        if self.phrases.is_empty() {
            return;
        }
        let s = norm.s.as_str();
        let bytes = s.as_bytes();
        let mut pos = 0;
        while pos < bytes.len() {
            let b = bytes[pos];
            // Only ASCII bytes some phrase starts with (at a word start),
            // and the first bytes of other characters.
            let c = if b < 0x80 {
                if !self.ascii_firsts[usize::from(b)] || !word_start(s, pos) {
                    pos += 1;
                    continue;
                }
                char::from(b)
            } else if b < 0xC0 {
                pos += 1;
                continue;
            } else {
                s[pos..].chars().next().unwrap_or_default()
            };
            let found = match self.firsts.binary_search_by_key(&c, |f| f.0) {
                Ok(k) => {
                    let from = usize::from(self.firsts[k].1);
                    let to = self
                        .firsts
                        .get(k + 1)
                        .map_or(self.phrases.len(), |f| usize::from(f.1));
                    self.phrases[from..to]
                        .iter()
                        .find_map(|(p, id)| match_phrase(s, pos, p).map(|end| (end, *id)))
                }
                Err(_) => None,
            };
            match found {
                Some((end, id)) => {
                    hits.push(Hit {
                        term: id,
                        start: pos,
                        end,
                        joined: false,
                    });
                    pos = end;
                }
                None => pos += 1,
            }
        }
    }

    /// Applies each hit's rule and maps the counted ones to the original text.
    fn resolve(&self, norm: &Norm, mut hits: Vec<Hit>) -> Vec<TermMatch> {
        hits.sort_by_key(|h| h.start);
        let rules = compiled_rules();
        let mut text_blocked: [Option<bool>; RULES.len()] = [None; RULES.len()];
        let s = norm.s.as_str();
        // 0 dropped, 1 weak without a cue, 2 counted.
        let status: Vec<u8> = hits
            .iter()
            .map(|h| {
                let rule_id = usize::from(self.terms[usize::from(h.term)].rule);
                let rule = &rules[rule_id];
                if s[h.end..].starts_with("://") {
                    return 2;
                }
                let blocked = (rule.one_word && h.joined)
                    || any_before(s, h.start, &rule.block_before)
                    || any_near_before(s, h.start, &rule.block_near_before)
                    || any_after(s, h.end, &rule.block_after)
                    || *text_blocked[rule_id].get_or_insert_with(|| {
                        rule.block_text
                            .iter()
                            .any(|cue| find_word(s, 0, s.len(), cue))
                    });
                if blocked {
                    0
                } else if !rule.weak
                    || any_before(s, h.start, &rule.before)
                    || any_after(s, h.end, &rule.after)
                    || any_near(s, h.start, h.end, &rule.near)
                {
                    2
                } else {
                    1
                }
            })
            .collect();
        let floor = if status.contains(&2) { 1 } else { 2 };
        let mut found = Vec::new();
        for (h, st) in hits.iter().zip(status) {
            if st >= floor {
                let (start, end) = norm.orig(h.start, h.end);
                found.push(TermMatch {
                    term: self.terms[usize::from(h.term)].canon.to_owned(),
                    start,
                    end,
                });
            }
        }
        found
    }
}

/// The end of `phrase` matched at `pos` of `s`, allowing one or two
/// separators between its characters (`翻 牆`).
fn match_phrase(s: &str, pos: usize, phrase: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = pos;
    for (n, pc) in phrase.chars().enumerate() {
        if n > 0 {
            let mut skipped = 0;
            while skipped < 2 && bytes.get(i).is_some_and(|&b| is_join_sep(b)) {
                i += 1;
                skipped += 1;
            }
        }
        let c = s[i..].chars().next()?;
        if c != pc {
            return None;
        }
        i += c.len_utf8();
    }
    let last_ascii = phrase
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    (!last_ascii || word_end(s, i)).then_some(i)
}

impl Node {
    fn new() -> Node {
        Node {
            edges: Vec::new(),
            term: NONE,
            prefix: NONE,
        }
    }
}

/// A rule with its cue lists split and normalised.
struct Cues {
    weak: bool,
    one_word: bool,
    near: Vec<String>,
    before: Vec<String>,
    after: Vec<String>,
    block_before: Vec<String>,
    block_near_before: Vec<String>,
    block_after: Vec<String>,
    block_text: Vec<String>,
}

fn compiled_rules() -> &'static [Cues] {
    static CUES: OnceLock<Vec<Cues>> = OnceLock::new();
    CUES.get_or_init(|| {
        let split = |lists: &[&str]| -> Vec<String> {
            let mut cues = Vec::new();
            for list in lists {
                for cue in list.split('|') {
                    let cue = fold_str(cue.trim());
                    if !cue.is_empty() {
                        cues.push(cue);
                    }
                }
            }
            cues
        };
        RULES
            .iter()
            .map(|r: &Rule| Cues {
                weak: r.weak,
                one_word: r.one_word,
                near: split(r.near),
                before: split(r.before),
                after: split(r.after),
                block_before: split(r.block_before),
                block_near_before: split(r.block_near_before),
                block_after: split(r.block_after),
                block_text: split(r.block_text),
            })
            .collect()
    })
}

/// Skips up to two separators backwards from `pos`.
fn back_over_seps(s: &str, mut pos: usize) -> usize {
    let bytes = s.as_bytes();
    for _ in 0..2 {
        if pos > 0 && is_join_sep(bytes[pos - 1]) {
            pos -= 1;
        }
    }
    pos
}

fn over_seps(s: &str, mut pos: usize) -> usize {
    let bytes = s.as_bytes();
    for _ in 0..2 {
        if bytes.get(pos).is_some_and(|&b| is_join_sep(b)) {
            pos += 1;
        }
    }
    pos
}

/// Whether a whole cue ends right before `pos` (separators aside).
fn any_before(s: &str, pos: usize, cues: &[String]) -> bool {
    let p = back_over_seps(s, pos);
    let head = &s[..p];
    cues.iter()
        .any(|c| head.ends_with(&**c) && (!starts_ascii_word(c) || word_start(s, p - c.len())))
}

/// Whether a whole cue starts right after `pos` (separators aside).
fn any_after(s: &str, pos: usize, cues: &[String]) -> bool {
    let p = over_seps(s, pos);
    let tail = &s[p..];
    cues.iter()
        .any(|c| tail.starts_with(&**c) && (!ends_ascii_word(c) || word_end(s, p + c.len())))
}

/// Whether a cue occurs within [`NEAR`] bytes before `start` or after `end`.
fn any_near(s: &str, start: usize, end: usize, cues: &[String]) -> bool {
    let mut from = start.saturating_sub(NEAR);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (end + NEAR).min(s.len());
    while !s.is_char_boundary(to) {
        to -= 1;
    }
    cues.iter()
        .any(|c| find_word(s, from, start, c) || find_word(s, end, to, c))
}

/// Whether a cue occurs within [`NEAR_BEFORE`] bytes before `start`.
fn any_near_before(s: &str, start: usize, cues: &[String]) -> bool {
    if cues.is_empty() {
        return false;
    }
    let mut from = start.saturating_sub(NEAR_BEFORE);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    cues.iter().any(|c| find_word(s, from, start, c))
}

/// Whether `cue` occurs in `s[from..to]` as a whole word (for ASCII cues).
fn find_word(s: &str, from: usize, to: usize, cue: &str) -> bool {
    // Non-overlapping, left to right, like `match_indices`.
    let mut at = from;
    while let Some(i) = s[at..to].find(cue) {
        let a = at + i;
        if (!starts_ascii_word(cue) || word_start(s, a))
            && (!ends_ascii_word(cue) || word_end(s, a + cue.len()))
        {
            return true;
        }
        at = a + cue.len();
    }
    false
}

fn starts_ascii_word(cue: &str) -> bool {
    cue.as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphanumeric)
}

fn ends_ascii_word(cue: &str) -> bool {
    cue.as_bytes().last().is_some_and(u8::is_ascii_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::terms::PLAIN;

    const TEST_TERMS: &[Term] = &[
        Term {
            canon: "V2Ray",
            spellings: "v2ray|v2ray*",
            rule: PLAIN,
        },
        Term {
            canon: "sing-box",
            spellings: "sing-box",
            rule: PLAIN,
        },
        Term {
            canon: "VPN",
            spellings: "vpn|*vpn",
            rule: PLAIN,
        },
        Term {
            canon: "翻牆",
            spellings: "翻牆",
            rule: PLAIN,
        },
    ];

    fn terms(text: &str) -> Vec<(String, &str)> {
        let lex = Lexicon::new(TEST_TERMS);
        lex.find(&Norm::new(text))
            .into_iter()
            .map(|m| (m.term, &text[m.start..m.end]))
            .collect()
    }

    #[test]
    fn joins_words_written_apart() {
        assert_eq!(terms("use V 2 R a y now"), [("V2Ray".into(), "V 2 R a y")]);
        assert_eq!(terms("sing box"), [("sing-box".into(), "sing box")]);
        assert_eq!(terms("v2rayN"), [("V2Ray".into(), "v2rayN")]);
        assert_eq!(terms("fooVPN"), [("VPN".into(), "fooVPN")]);
        assert_eq!(terms("翻. 牆"), [("翻牆".into(), "翻. 牆")]);
    }

    #[test]
    fn does_not_cut_words() {
        assert!(terms("V P S N").is_empty());
        assert!(terms("vpns2").is_empty());
        assert!(terms("sing boxes").is_empty());
        assert!(terms("singing box").is_empty());
    }
}
