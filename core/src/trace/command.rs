//! The command line, when the customer pasted it with the output
//! (`root@vps:~# mtr -rwc 100 203.0.113.7`, `C:\>tracert google.co.nz`):
//! which tool ran, and the target.

use super::lines::Paste;
use super::{Target, TraceFormat, lex};

pub(crate) struct Command {
    /// The tool named on the command line (mtr → `MtrReport`).
    pub tool: Option<TraceFormat>,
    pub target: Target,
}

const TOOLS: &[(&str, TraceFormat)] = &[
    ("mtr", TraceFormat::MtrReport),
    ("traceroute", TraceFormat::Traceroute),
    ("traceroute6", TraceFormat::Traceroute),
    ("tracepath", TraceFormat::Tracepath),
    ("tracepath6", TraceFormat::Tracepath),
    ("tracert", TraceFormat::TracertWindows),
    ("besttrace", TraceFormat::BestTrace),
    ("nexttrace", TraceFormat::NextTrace),
    ("nxtrace", TraceFormat::NextTrace),
    ("pathping", TraceFormat::PathPing),
    ("test-netconnection", TraceFormat::TestNetConnection),
    ("tnc", TraceFormat::TestNetConnection),
];

/// Finds the first pasted command line. Lines that merely mention a tool
/// (`traceroute to …` headers, `My traceroute [v0.93]`) are not commands.
pub(crate) fn find(paste: &Paste) -> Command {
    let mut first_tool = None;
    for (_, line_words) in paste.iter() {
        let mut words = line_words.iter().copied();
        let mut prev: Option<&str> = None;
        while let Some(word) = words.next() {
            let Some(tool) = tool_of(word) else {
                prev = Some(word);
                continue;
            };
            let mut rest = words.clone().peekable();
            let header = matches!(rest.peek(), Some(&"to") | Some(&"to:"));
            if header || prev == Some("My") || rest.peek().is_some_and(|w| w.starts_with("[v")) {
                break;
            }
            let target = target_of(rest);
            first_tool.get_or_insert(tool);
            if let Some(t) = target {
                return Command {
                    tool: Some(tool),
                    target: t,
                };
            }
            break;
        }
    }
    Command {
        tool: first_tool,
        target: Target::default(),
    }
}

/// `H:\>tracert`, `/usr/sbin/mtr`, `./besttrace`, `tracert.exe` → the tool.
fn tool_of(word: &str) -> Option<TraceFormat> {
    // Every tool name (and `.exe`) ends in one of these: a cheap filter.
    let last = word.bytes().last()?.to_ascii_lowercase();
    if word.len() > 64 || !matches!(last, b'r' | b'e' | b'6' | b'h' | b't' | b'g' | b'n' | b'c') {
        return None;
    }
    let cut = word
        .bytes()
        .rposition(|b| matches!(b, b'>' | b'$' | b'#' | b'/' | b'\\' | b'%'));
    let tail = match cut {
        Some(i) => word.get(i + 1..)?,
        None => word,
    };
    let tail = strip_suffix_ci(tail, ".exe").unwrap_or(tail);
    TOOLS
        .iter()
        .find(|(name, _)| tail.eq_ignore_ascii_case(name))
        .map(|&(_, f)| f)
}

fn strip_suffix_ci<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(suffix.len())?;
    let (head, tail) = (s.get(..cut)?, s.get(cut..)?);
    tail.eq_ignore_ascii_case(suffix).then_some(head)
}

/// The last word before any pipe or redirection that looks like a host:
/// options and their numeric arguments (`-c 100`, a trailing packet size)
/// are skipped.
fn target_of<'a>(words: impl Iterator<Item = &'a str>) -> Option<Target> {
    let mut found = None;
    for w in words {
        if w.starts_with(['|', '>', ';', '&']) || w == "2>" {
            break;
        }
        if w.starts_with('-') {
            continue;
        }
        let w = w
            .trim_matches(['"', '\''])
            .trim_end_matches([':', ',', ';', ')']);
        let w = w
            .strip_suffix('.')
            .filter(|s| lex::ip(s).is_some())
            .unwrap_or(w);
        if lex::ip(w).is_some() || looks_like_domain(w) {
            found = Some(w);
        }
    }
    let w = found?;
    Some(if lex::ip(w).is_some() {
        Target {
            address: Some(w.to_string()),
            name: None,
        }
    } else {
        Target {
            address: None,
            name: Some(w.to_string()),
        }
    })
}

/// `google.co.nz` yes; `v0.92`, `localhost`, `100` no.
fn looks_like_domain(w: &str) -> bool {
    let Some((_, tld)) = w.rsplit_once('.') else {
        return false;
    };
    lex::is_hostname(w)
        && tld.len() >= 2
        && tld.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(line: &str) -> (Option<TraceFormat>, Option<String>, Option<String>) {
        let c = find(&Paste::new(line));
        (c.tool, c.target.address, c.target.name)
    }

    #[test]
    fn reads_command_lines() {
        assert_eq!(
            t("H:\\>tracert google.co.nz"),
            (
                Some(TraceFormat::TracertWindows),
                None,
                Some("google.co.nz".into())
            )
        );
        assert_eq!(
            t("root@vps:~# sudo mtr -rwc 100 -o LSD 203.0.113.7 | tee x.txt"),
            (
                Some(TraceFormat::MtrReport),
                Some("203.0.113.7".into()),
                None
            )
        );
        assert_eq!(
            t("$ /usr/sbin/traceroute -q 1 example.com 60"),
            (
                Some(TraceFormat::Traceroute),
                None,
                Some("example.com".into())
            )
        );
        assert_eq!(t("traceroute to 8.8.8.8 (8.8.8.8), 30 hops max").1, None);
        assert_eq!(t("                My traceroute  [v0.93]").0, None);
        assert_eq!(t("WinMTR v0.92 GPL V2 by Appnor MSP").1, None);
    }
}
