//! Text that becomes (part of) a mail header: a subject, a sender name, a campaign or template
//! name (`List-Id`), the organisation's name (a breach notice's subject). One rule, checked where
//! the value is entered, so that a value that can never be sent is refused then, not found out
//! when every message of a campaign fails.
//!
//! Refused: every C0 control character (NUL, TAB, CR, LF, VT, ESC …), DEL, every C1 control
//! character (U+0080–U+009F, NEL among them) and the Unicode line and paragraph separators
//! U+2028 and U+2029. A header is one line; some mail software reads NEL and the separators as
//! line breaks, and the others are invisible at best. The message writer refuses the same
//! characters as the last line of defence (`mail::message`).

use std::fmt;

/// A value that may be written into a mail header: one line, no control characters, at most
/// a given number of characters. Surrounding white space is removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderText(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HeaderError {
    #[error("contains the control character {}; it must be one line of plain text", describe(*.0))]
    Control(char),
    #[error("is longer than {0} characters")]
    TooLong(usize),
}

impl HeaderText {
    /// Checks `raw` (trimmed) against the rule; `max` counts characters.
    pub fn parse(raw: &str, max: usize) -> Result<Self, HeaderError> {
        let s = raw.trim();
        if let Some(c) = s.chars().find(|c| refused(*c)) {
            return Err(HeaderError::Control(c));
        }
        if s.chars().count() > max {
            return Err(HeaderError::TooLong(max));
        }
        Ok(Self(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for HeaderText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<HeaderText> for String {
    fn from(h: HeaderText) -> String {
        h.0
    }
}

/// Whether `c` may never appear in a header value.
pub fn refused(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')
}

/// A value made at send time (a subject after merge fields, a contact's name) made fit for a
/// header: each run of refused characters becomes one space. For values that were not typed
/// by the person who can fix them.
pub fn clean(s: &str) -> String {
    if !s.chars().any(refused) {
        return s.trim().to_string();
    }
    let mut out = String::with_capacity(s.len());
    // Whether the text is in a run that started with a refused character: its spaces go too.
    let mut gap = false;
    for c in s.chars() {
        if refused(c) {
            if !out.ends_with(' ') {
                out.push(' ');
            }
            gap = true;
        } else if !(gap && c == ' ') {
            gap = false;
            out.push(c);
        }
    }
    out.trim().to_string()
}

/// `U+0000 (NUL)`: a refused character, named so that a person can find it.
pub fn describe(c: char) -> String {
    let name = match c {
        '\0' => Some("NUL"),
        '\t' => Some("TAB"),
        '\n' => Some("line feed"),
        '\u{0b}' => Some("vertical tab"),
        '\u{0c}' => Some("form feed"),
        '\r' => Some("carriage return"),
        '\u{1b}' => Some("ESC"),
        '\u{7f}' => Some("DEL"),
        '\u{85}' => Some("next line, NEL"),
        '\u{2028}' => Some("line separator"),
        '\u{2029}' => Some("paragraph separator"),
        _ => None,
    };
    match name {
        Some(n) => format!("U+{:04X} ({n})", c as u32),
        None => format!("U+{:04X}", c as u32),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_every_line_breaking_or_control_character() {
        for c in
            ['\0', '\t', '\n', '\r', '\u{0b}', '\u{1b}', '\u{7f}', '\u{80}', '\u{85}', '\u{9f}', '\u{2028}', '\u{2029}']
        {
            let e = HeaderText::parse(&format!("Hello{c}there"), 300).unwrap_err();
            assert_eq!(e, HeaderError::Control(c), "{c:?}");
            assert!(e.to_string().contains(&format!("U+{:04X}", c as u32)), "{e}");
        }
        assert_eq!(
            HeaderText::parse("  Grüße, Zoë — 50 % off 🎉  ", 300).unwrap().as_str(),
            "Grüße, Zoë — 50 % off 🎉"
        );
        assert_eq!(HeaderText::parse(&"é".repeat(300), 300).unwrap().as_str().chars().count(), 300);
        assert_eq!(HeaderText::parse(&"é".repeat(301), 300).unwrap_err(), HeaderError::TooLong(300));
    }

    #[test]
    fn cleaning_turns_each_run_into_one_space() {
        assert_eq!(clean("Hello\r\n\tAnn\u{85}!"), "Hello Ann !");
        assert_eq!(clean("\u{0}Ann\u{2028}"), "Ann");
        assert_eq!(clean("a \n b"), "a b");
        assert_eq!(clean("plain"), "plain");
        assert!(!clean("x\u{1b}[31my").chars().any(refused));
    }
}
