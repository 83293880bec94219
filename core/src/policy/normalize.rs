//! One normalising pass over the ticket text, keeping a map back to the
//! original byte offsets.
//!
//! Each original character becomes at most one normalised character:
//! full-width forms fold to ASCII, letters to lower case, look-alike
//! Cyrillic/Greek letters and mathematical or circled letters to plain
//! Latin ones, the Traditional characters our term lists use to their
//! Simplified forms, odd spaces to `' '`, dashes to `-`, middle dots to `.`,
//! and zero-width characters, direction marks, variation selectors and
//! combining marks are dropped.

use crate::normalize::fold_fullwidth;

/// Traditional → Simplified pairs, only for characters the term and cue lists
/// use (both spellings then match the one list entry).
const TRAD_SIMP: &str = "機机場场節节點点網网學学牆墙墻墙訂订閱阅鏈链連连結结協协議议帳账帐账\
號号價价費费計计劃划權权級级請请為为當当總总區区獨独國国際际線线戶户務务導导匯汇測测試试軟软\
體体裝装開开買买換换薦荐碼码錯错誤误調调環环證证書书憑凭據据數数庫库資资設设長长應应馬马駭骇\
檢检掃扫礦矿惡恶濫滥訴诉報报舉举裡里個个們们飛飞園园鐵铁車车經经銷销夥伙處处臺台傳传輸输類类\
擬拟專专絡络賽赛藍蓝燈灯鑰钥員员虛虚後后雞鸡擊击殺杀註注冊册實实備备辦办頁页記记驗验門门構构\
題题問问護护攔拦層层發发碼码鬥斗關关閉闭僅仅將将讓让與与給给從从東东種种圖图變变腦脑邊边隊队\
蘭兰紅红龍龙鐘钟間间陸陆頻频寬宽遠远內内幫帮\
寶宝產产則则統统紙纸規规託托貴贵賬账購购趕赶風风";

/// Look-alike letters (Cyrillic, Greek) folded to the Latin letter they
/// imitate; used to dodge filters (`VРN` with a Cyrillic `Р`).
const HOMOGLYPHS: &str = "аaеeоoрpсcуyхxіiјjѕsԁdԛqԝwһhАaВbЕeКkМmНhОoРpСcТtХxУyІiЈjЅs\
ΑaΒbΕeΖzΗhΙiΚkΜmΝnΟoΡpΤtΥyΧxοoνvρpιiκkυu";

/// `TRAD_SIMP` and `HOMOGLYPHS` as one table sorted by the character to
/// fold (the first of equal ones kept), built by the compiler: read at run
/// time, the strings cost more code than the table costs data. Every
/// character of both is in the Basic Multilingual Plane, so `u16` holds it.
static CHAR_TABLE: [(u16, u16); pair_count()] = char_table();

const fn pair_count() -> usize {
    let (table, n) = sorted_pairs();
    let mut distinct = 0;
    let mut i = 0;
    while i < n {
        if i == 0 || table[i].0 != table[i - 1].0 {
            distinct += 1;
        }
        i += 1;
    }
    distinct
}

const fn char_table() -> [(u16, u16); pair_count()] {
    let (all, n) = sorted_pairs();
    let mut out = [(0, 0); pair_count()];
    let (mut i, mut k) = (0, 0);
    while i < n {
        if i == 0 || all[i].0 != all[i - 1].0 {
            out[k] = all[i];
            k += 1;
        }
        i += 1;
    }
    out
}

/// Upper bound of the number of pairs in both strings.
const MAX_PAIRS: usize = 512;

/// The pairs of both strings sorted by (from, to), and how many.
const fn sorted_pairs() -> ([(u16, u16); MAX_PAIRS], usize) {
    let mut pairs = [(0u16, 0u16); MAX_PAIRS];
    let mut n = 0;
    let tables = [TRAD_SIMP.as_bytes(), HOMOGLYPHS.as_bytes()];
    let mut t = 0;
    while t < tables.len() {
        let b = tables[t];
        let mut at = 0;
        while at < b.len() {
            let (from, next) = decode(b, at);
            let (to, next) = decode(b, next);
            at = next;
            // Insertion sort: a few hundred pairs, at compile time.
            let mut j = n;
            while j > 0
                && (pairs[j - 1].0 > from || (pairs[j - 1].0 == from && pairs[j - 1].1 > to))
            {
                pairs[j] = pairs[j - 1];
                j -= 1;
            }
            pairs[j] = (from, to);
            n += 1;
        }
        t += 1;
    }
    (pairs, n)
}

/// The character at byte `at` of UTF-8 `b` (one of up to three bytes) and
/// where the next starts.
const fn decode(b: &[u8], at: usize) -> (u16, usize) {
    let lead = b[at] as u16;
    if lead < 0x80 {
        (lead, at + 1)
    } else if lead < 0xE0 {
        (((lead & 0x1F) << 6) | (b[at + 1] as u16 & 0x3F), at + 2)
    } else if lead < 0xF0 {
        let c =
            ((lead & 0x0F) << 12) | ((b[at + 1] as u16 & 0x3F) << 6) | (b[at + 2] as u16 & 0x3F);
        (c, at + 3)
    } else {
        panic!("a character outside the Basic Multilingual Plane")
    }
}

/// The lower case of `c` for Latin-1, Latin Extended-A, Greek, Cyrillic and
/// circled letters and the letter-like symbols that lower to them; any other
/// character is kept. `char::to_lowercase` would bring a 13 KB table into the
/// widget for scripts no term list uses: the term lists hold ASCII and CJK
/// only, and no character left as it is lowers to either (see the tests).
fn lower(c: char) -> char {
    let code = u32::from(c);
    let lowered = match code {
        0xC0..=0xDE if code != 0xD7 => code + 0x20,
        0x100..=0x12F
        | 0x132..=0x137
        | 0x14A..=0x177
        | 0x460..=0x481
        | 0x48A..=0x4BF
        | 0x4D0..=0x52F
            if code % 2 == 0 =>
        {
            code + 1
        }
        0x139..=0x148 | 0x179..=0x17E | 0x4C1..=0x4CE if code % 2 == 1 => code + 1,
        0x178 => 0xFF,
        0x386 => 0x3AC,
        0x388..=0x38A => code + 0x25,
        0x38C => 0x3CC,
        0x38E..=0x38F => code + 0x3F,
        0x391..=0x3AB if code != 0x3A2 => code + 0x20,
        0x400..=0x40F => code + 0x50,
        0x410..=0x42F => code + 0x20,
        0x4C0 => 0x4CF,
        0x2126 => 0x3C9,
        0x24B6..=0x24CF => code + 26,
        0x212A => u32::from(b'k'),
        0x212B => 0xE5,
        _ => code,
    };
    char::from_u32(lowered).unwrap_or(c)
}

/// Characters that carry nothing visible: dropped before matching.
fn is_ignorable(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{E0000}'..='\u{E0FFF}'
        // Combining marks (strike-through, underline, accents).
        | '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// The normalised form of one character, or `None` to drop it.
pub(crate) fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(fold_ascii(c));
    }
    if is_ignorable(c) {
        return None;
    }
    let c = fold_fullwidth(c);
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    let code = c as u32;
    let folded = match code {
        0x2028 | 0x2029 | 0x85 => '\n',
        0x2010..=0x2015 | 0x2212 | 0xFE58 | 0xFE63 => '-',
        0xB7 | 0x2022 | 0x2027 | 0x2219 | 0x22C5 | 0x30FB | 0xFF65 => '.',
        // Mathematical alphanumerics: bold, italic, script, … A–Z a–z.
        0x1D400..=0x1D6A3 => ascii_letter((code - 0x1D400) % 52 % 26),
        0x1D7CE..=0x1D7FF => char::from(b'0' + ((code - 0x1D7CE) % 10) as u8),
        // Circled Ⓐ–Ⓩ and ⓐ–ⓩ.
        0x24B6..=0x24E9 => ascii_letter((code - 0x24B6) % 26),
        // Greek and Cyrillic look-alikes, Traditional characters.
        0x0370..=0x052F | 0x4E00..=0x9FFF => {
            match CHAR_TABLE.binary_search_by_key(&(code as u16), |p| p.0) {
                Ok(i) => char::from_u32(u32::from(CHAR_TABLE[i].1)).unwrap_or(c),
                Err(_) => lower(c),
            }
        }
        _ if c.is_whitespace() => ' ',
        _ => lower(c),
    };
    Some(folded)
}

#[inline]
fn fold_ascii(c: char) -> char {
    match c {
        '\t' | '\x0B' | '\x0C' => ' ',
        '\r' => '\n',
        _ => c.to_ascii_lowercase(),
    }
}

fn ascii_letter(i: u32) -> char {
    char::from(b'a' + i as u8)
}

/// [`fold_char`] over a whole word (for the term and cue lists).
pub(crate) fn fold_str(s: &str) -> String {
    s.chars().filter_map(fold_char).collect()
}

/// Characters that may sit inside a word written with tricks
/// (`V 2 R a y`, `S.h.a.d.o.w`, `sing-box`); tokens separated by one or two
/// of them may be joined.
#[inline]
pub(crate) fn is_join_sep(b: u8) -> bool {
    matches!(
        b,
        b' ' | b'.'
            | b'-'
            | b'_'
            | b'*'
            | b'/'
            | b'\\'
            | b'|'
            | b'\''
            | b'`'
            | b'~'
            | b'+'
            | b'^'
            | b','
    )
}

/// The normalised text: `s`, the original byte range of every byte of `s`,
/// and the ASCII alphanumeric tokens of `s`.
pub(crate) struct Norm<'a> {
    text: &'a str,
    pub s: String,
    /// For every byte of `s`, where its character starts in `text`.
    src: Vec<usize>,
    /// Byte ranges in `s` of the maximal `[a-z0-9]` runs.
    pub tokens: Vec<(usize, usize)>,
}

impl<'a> Norm<'a> {
    pub fn new(text: &'a str) -> Norm<'a> {
        // A `String` from the start: bytes would need a UTF-8 check at the
        // end, whose code is larger than this whole loop.
        let mut s = String::with_capacity(text.len());
        let mut src = Vec::with_capacity(text.len());
        for (i, c) in text.char_indices() {
            if c.is_ascii() {
                s.push(fold_ascii(c));
                src.push(i);
            } else if let Some(f) = fold_char(c) {
                s.push(f);
                src.extend(std::iter::repeat_n(i, f.len_utf8()));
            }
        }
        let bytes = s.as_bytes();
        let mut tokens = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_alphanumeric() {
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                tokens.push((start, i));
            } else {
                i += 1;
            }
        }
        Norm {
            text,
            s,
            src,
            tokens,
        }
    }

    /// The original byte range of the normalised range `start..end`
    /// (`start < end`, both char boundaries of `s`).
    pub fn orig(&self, start: usize, end: usize) -> (usize, usize) {
        let last = self.src[end - 1];
        let len = self.text[last..].chars().next().map_or(0, char::len_utf8);
        (self.src[start], last + len)
    }

    #[inline]
    pub fn token(&self, i: usize) -> &str {
        let (a, b) = self.tokens[i];
        &self.s[a..b]
    }

    /// Whether tokens `i` and `i + 1` are separated only by one or two
    /// joining characters (`V 2 R a y`, `sing-box`).
    #[inline]
    pub fn joinable(&self, i: usize) -> bool {
        let gap = &self.s.as_bytes()[self.tokens[i].1..self.tokens[i + 1].0];
        (1..=2).contains(&gap.len()) && gap.iter().all(|&b| is_join_sep(b))
    }

    /// Tokens `i` and `i + 1` are single characters one separator apart: a
    /// spelled-out word (`S S D`) that a match must not cut in the middle.
    #[inline]
    pub fn tight(&self, i: usize) -> bool {
        let (a, b) = self.tokens[i];
        let (c, d) = self.tokens[i + 1];
        b - a == 1 && d - c == 1 && c - b == 1 && is_join_sep(self.s.as_bytes()[b])
    }
}

/// Whether byte `i` of `s` (or the end) is not inside an ASCII word, looking
/// at the byte before it.
#[inline]
pub(crate) fn word_start(s: &str, i: usize) -> bool {
    i == 0 || !s.as_bytes()[i - 1].is_ascii_alphanumeric()
}

/// Whether byte `i` of `s` is not followed by more of an ASCII word.
#[inline]
pub(crate) fn word_end(s: &str, i: usize) -> bool {
    s.as_bytes()
        .get(i)
        .is_none_or(|b| !b.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::lower;

    /// `char::to_lowercase`, when it gives one character.
    fn std_lower(c: char) -> char {
        let mut l = c.to_lowercase();
        match (l.next(), l.next()) {
            (Some(l), None) => l,
            _ => c,
        }
    }

    /// Where `lower` lowers a character, it agrees with the standard
    /// library; where it keeps one the standard library would lower, that
    /// lower case is neither ASCII nor any character of the policy sources
    /// (term and cue lists, tables), so no term matches it either way.
    #[test]
    fn lower_agrees_with_the_standard_library_where_it_matters() {
        let sources = [
            include_str!("terms.rs"),
            include_str!("circumvention.rs"),
            include_str!("out_of_scope.rs"),
            include_str!("secrets.rs"),
            include_str!("matcher.rs"),
            include_str!("normalize.rs"),
        ];
        let used: std::collections::HashSet<char> =
            sources.iter().flat_map(|s| s.chars()).collect();
        for c in (0x80..0x3000).filter_map(char::from_u32) {
            let ours = lower(c);
            let std = std_lower(c);
            if ours != c {
                assert_eq!(ours, std, "U+{:04X}", u32::from(c));
            } else if std != c {
                assert!(
                    !std.is_ascii() && !used.contains(&std),
                    "U+{:04X} lowers to {std:?}",
                    u32::from(c)
                );
            }
        }
        for (upper, lowered) in [
            ('À', 'à'),
            ('Ÿ', 'ÿ'),
            ('Σ', 'σ'),
            ('Ж', 'ж'),
            ('Ё', 'ё'),
            ('\u{212A}', 'k'),
        ] {
            assert_eq!(lower(upper), lowered);
        }
    }

    use super::*;

    #[test]
    fn folds_tricks_to_plain_lower_case() {
        assert_eq!(fold_str("ＶＰＮ"), "vpn");
        assert_eq!(fold_str("V\u{200B}P\u{00AD}N"), "vpn");
        assert_eq!(fold_str("VРN"), "vpn", "Cyrillic Р");
        assert_eq!(fold_str("𝐕𝐏𝐍 ⓥⓟⓝ"), "vpn vpn");
        assert_eq!(fold_str("翻牆 科學上網 機場"), "翻墙 科学上网 机场");
        assert_eq!(fold_str("V̶P̶N̶"), "vpn");
        assert_eq!(fold_str("a\u{3000}b\u{00A0}c"), "a b c");
    }

    /// The compiled table is what reading the strings at run time gave.
    #[test]
    fn char_table_is_the_sorted_strings() {
        let mut pairs: Vec<(char, char)> = Vec::new();
        for table in [TRAD_SIMP, HOMOGLYPHS] {
            let chars: Vec<char> = table.chars().collect();
            assert_eq!(chars.len() % 2, 0);
            pairs.extend(chars.chunks_exact(2).map(|p| (p[0], p[1])));
        }
        pairs.sort();
        pairs.dedup_by_key(|p| p.0);
        let compiled: Vec<(char, char)> = CHAR_TABLE
            .iter()
            .map(|&(a, b)| {
                (
                    char::from_u32(a.into()).unwrap(),
                    char::from_u32(b.into()).unwrap(),
                )
            })
            .collect();
        assert_eq!(compiled, pairs);
    }

    #[test]
    fn maps_back_to_original_offsets() {
        let text = "Ｖ\u{200B}P n 翻牆";
        let n = Norm::new(text);
        assert_eq!(n.s, "vp n 翻墙");
        let at = n.s.find("翻墙").unwrap();
        let (a, b) = n.orig(at, at + "翻墙".len());
        assert_eq!(&text[a..b], "翻牆");
        let (a, b) = n.orig(0, 2);
        assert_eq!(&text[a..b], "Ｖ\u{200B}P");
        assert_eq!(n.tokens.len(), 2);
        assert!(n.joinable(0) && !n.tight(0));
    }
}
