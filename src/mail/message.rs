//! MIME messages, written byte by byte into a reused buffer.
//!
//! A campaign message is `multipart/alternative` (text, then HTML), both parts UTF-8 in
//! quoted-printable, so the bytes are 7-bit clean: no relay re-encodes them on the way, which
//! would break the DKIM body hash. Non-ASCII header text becomes RFC 2047 encoded words. Any
//! control character (CR and LF above all) in a header value is refused: a merge field or a form
//! value can never add a header of its own.
//!
//! Written here rather than with lettre's builder: this is the per-message hot path of a campaign
//! send, and the output is a pure function of the inputs (the same message, resent, carries the
//! same bytes and the same Message-ID). `benches/mail.rs` measures it.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MessageError {
    #[error(
        "header {header}: contains a line break or another control character; refused, because it could add \
         headers of its own (header injection)"
    )]
    ControlCharacter { header: String },
    #[error(
        "header name `{0}` is not allowed (printable ASCII without `:` or spaces, and not one Tidings sets itself)"
    )]
    HeaderName(String),
    #[error("{header}: `{value}` is not an email address")]
    Address { header: &'static str, value: String },
    #[error("Message-ID: {0}")]
    MessageId(String),
}

/// A `Message-ID` without its angle brackets: `local@domain`, both parts dot-atoms. The outbox
/// derives the local part from (campaign, contact), so a resent message carries the same id and
/// receivers can drop the copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageId(String);

impl MessageId {
    pub fn new(local: &str, domain: &str) -> Result<Self, MessageError> {
        let dot_atom = |s: &str| {
            !s.is_empty()
                && !s.starts_with('.')
                && !s.ends_with('.')
                && !s.contains("..")
                && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~.".contains(&b))
        };
        if !dot_atom(local) {
            return Err(MessageError::MessageId(format!(
                "`{local}` is not a valid local part (letters, digits, . - _ + …)"
            )));
        }
        if !dot_atom(domain) {
            return Err(MessageError::MessageId(format!("`{domain}` is not a valid domain")));
        }
        Ok(Self(format!("{local}@{domain}")))
    }

    /// A random id on `domain`, for messages that are not resent by the outbox (test mails).
    pub fn random(domain: &str) -> Result<Self, MessageError> {
        Self::new(&uuid::Uuid::now_v7().simple().to_string(), domain)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for MessageId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{}>", self.0)
    }
}

/// An address with an optional display name.
#[derive(Debug, Clone, Copy)]
pub struct Mailbox<'a> {
    pub name: &'a str,
    pub address: &'a str,
}

impl<'a> Mailbox<'a> {
    pub fn new(name: &'a str, address: &'a str) -> Self {
        Self { name, address }
    }

    pub fn bare(address: &'a str) -> Self {
        Self { name: "", address }
    }
}

/// Headers Tidings writes itself; callers cannot add a second one.
const RESERVED: &[&str] = &[
    "date",
    "from",
    "to",
    "cc",
    "bcc",
    "reply-to",
    "subject",
    "message-id",
    "mime-version",
    "content-type",
    "content-transfer-encoding",
    "dkim-signature",
    "return-path",
];

/// One message. Borrowed fields, so building a message per contact copies nothing but the
/// output bytes.
#[derive(Debug, Clone, Copy)]
pub struct Message<'a> {
    pub from: Mailbox<'a>,
    pub to: Mailbox<'a>,
    /// Empty: no Reply-To header.
    pub reply_to: &'a str,
    pub subject: &'a str,
    pub message_id: &'a MessageId,
    pub date: DateTime<Utc>,
    /// Further headers in this order, e.g. `List-Unsubscribe`, `List-Unsubscribe-Post`, `List-Id`.
    pub headers: &'a [(&'a str, &'a str)],
    pub text: &'a str,
    /// `None` sends a single text/plain part.
    pub html: Option<&'a str>,
}

impl Message<'_> {
    pub fn to_bytes(&self) -> Result<Vec<u8>, MessageError> {
        let mut out = Vec::with_capacity(1024 + self.text.len() * 11 / 10 + self.html.map_or(0, |h| h.len() * 11 / 10));
        self.write_to(&mut out)?;
        Ok(out)
    }

    /// Appends the message to `out` (which may hold a previous message's capacity). On error
    /// `out` is left as it was.
    pub fn write_to(&self, out: &mut Vec<u8>) -> Result<(), MessageError> {
        self.check()?;
        let mut h = HeaderWriter { out: &mut *out };
        h.raw("Date", &self.date.to_rfc2822());
        h.mailbox("From", self.from);
        h.mailbox("To", self.to);
        if !self.reply_to.is_empty() {
            h.raw("Reply-To", self.reply_to);
        }
        h.unstructured("Subject", self.subject);
        h.raw("Message-ID", &self.message_id.to_string());
        h.raw("MIME-Version", "1.0");
        for (name, value) in self.headers {
            h.unstructured(name, value);
        }
        match self.html {
            None => {
                out.extend_from_slice(b"Content-Type: text/plain; charset=utf-8\r\n");
                out.extend_from_slice(b"Content-Transfer-Encoding: quoted-printable\r\n\r\n");
                write_quoted_printable(out, self.text);
            }
            Some(html) => {
                // `=_` never occurs in quoted-printable output (`=` is always followed by two hex
                // digits or a line break), so the boundary cannot collide with the content.
                let boundary = format!("=_tidings_{:016x}", fnv1a(self.message_id.as_str().as_bytes()));
                out.extend_from_slice(b"Content-Type: multipart/alternative; boundary=\"");
                out.extend_from_slice(boundary.as_bytes());
                out.extend_from_slice(b"\"\r\n\r\n");
                for (mime, body) in [("text/plain", self.text), ("text/html", html)] {
                    out.extend_from_slice(b"--");
                    out.extend_from_slice(boundary.as_bytes());
                    out.extend_from_slice(b"\r\nContent-Type: ");
                    out.extend_from_slice(mime.as_bytes());
                    out.extend_from_slice(b"; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n");
                    write_quoted_printable(out, body);
                }
                out.extend_from_slice(b"--");
                out.extend_from_slice(boundary.as_bytes());
                out.extend_from_slice(b"--\r\n");
            }
        }
        Ok(())
    }

    fn check(&self) -> Result<(), MessageError> {
        check_value("From", self.from.name)?;
        check_value("To", self.to.name)?;
        check_value("Subject", self.subject)?;
        check_address("From", self.from.address)?;
        check_address("To", self.to.address)?;
        if !self.reply_to.is_empty() {
            check_address("Reply-To", self.reply_to)?;
        }
        for (name, value) in self.headers {
            let valid_name = !name.is_empty() && name.bytes().all(|b| (33..=126).contains(&b) && b != b':');
            if !valid_name || RESERVED.contains(&name.to_ascii_lowercase().as_str()) {
                return Err(MessageError::HeaderName(name.to_string()));
            }
            check_value(name, value)?;
        }
        Ok(())
    }
}

/// Refuses any control character (CR, LF, NUL, TAB, DEL, C1) and the Unicode line and
/// paragraph separators in a header value: the rule of [`crate::domain::header`], which the
/// places where such values are entered apply first.
pub fn check_value(header: &str, value: &str) -> Result<(), MessageError> {
    if value.chars().any(crate::domain::header::refused) {
        return Err(MessageError::ControlCharacter { header: header.to_string() });
    }
    Ok(())
}

/// A bare `local@domain` as it may appear in an address header and an SMTP envelope.
pub fn check_address(header: &'static str, address: &str) -> Result<(), MessageError> {
    check_value(header, address)?;
    let ok = match address.rsplit_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.is_empty()
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !address.chars().any(|c| c.is_whitespace() || "<>()[]\\,;:\"".contains(c))
        }
        None => false,
    };
    if ok {
        Ok(())
    } else {
        Err(MessageError::Address { header, value: address.to_string() })
    }
}

/// Lines are folded before this width where the value has spaces (RFC 5322 recommends 78).
const FOLD_AT: usize = 78;

struct HeaderWriter<'o> {
    out: &'o mut Vec<u8>,
}

impl HeaderWriter<'_> {
    /// A value that is ASCII by construction (dates, ids, addresses).
    fn raw(&mut self, name: &str, value: &str) {
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(b": ");
        self.out.extend_from_slice(value.as_bytes());
        self.out.extend_from_slice(b"\r\n");
    }

    fn mailbox(&mut self, name: &str, mb: Mailbox<'_>) {
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(b": ");
        let mut col = name.len() + 2;
        if !mb.name.is_empty() {
            if mb.name.is_ascii() {
                let mut quoted = String::with_capacity(mb.name.len() + 2);
                quoted.push('"');
                for c in mb.name.chars() {
                    if c == '"' || c == '\\' {
                        quoted.push('\\');
                    }
                    quoted.push(c);
                }
                quoted.push('"');
                self.out.extend_from_slice(quoted.as_bytes());
                col += quoted.len();
            } else {
                col = encoded_words(self.out, mb.name, col);
            }
            if col + mb.address.len() + 3 > FOLD_AT {
                self.out.extend_from_slice(b"\r\n");
            }
            self.out.push(b' ');
        }
        self.out.push(b'<');
        self.out.extend_from_slice(mb.address.as_bytes());
        self.out.extend_from_slice(b">\r\n");
    }

    /// Free text: kept as it is when ASCII (folded at spaces), encoded words otherwise.
    fn unstructured(&mut self, name: &str, value: &str) {
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(b": ");
        let col = name.len() + 2;
        let longest_word = value.split(' ').map(str::len).max().unwrap_or(0);
        if !value.is_ascii() || longest_word > 900 {
            encoded_words(self.out, value, col);
        } else {
            fold_ascii(self.out, value, col);
        }
        self.out.extend_from_slice(b"\r\n");
    }
}

/// Writes `value` with a line break before a space wherever the line would pass `FOLD_AT`.
fn fold_ascii(out: &mut Vec<u8>, value: &str, mut col: usize) {
    for (i, word) in value.split(' ').enumerate() {
        if i > 0 {
            if col + 1 + word.len() > FOLD_AT && col > 1 {
                out.extend_from_slice(b"\r\n");
                col = 0;
            }
            out.push(b' ');
            col += 1;
        }
        out.extend_from_slice(word.as_bytes());
        col += word.len();
    }
}

/// RFC 2047 `=?utf-8?b?…?=` words of at most 75 characters, folded so that lines stay within
/// `FOLD_AT`, never splitting a character. Returns the column after the last word.
fn encoded_words(out: &mut Vec<u8>, value: &str, col: usize) -> usize {
    use base64::Engine;
    const WRAPPER: usize = "=?utf-8?b??=".len();
    let mut rest = value;
    let mut col = col;
    let mut buf = String::with_capacity(76);
    let mut first = true;
    while !rest.is_empty() {
        let mut room = 75.min(FOLD_AT.saturating_sub(col));
        if !first || room < WRAPPER + 8 {
            out.extend_from_slice(b"\r\n ");
            col = 1;
            room = 75;
        }
        first = false;
        // Whole base64 quanta: 3 bytes of UTF-8 per 4 characters.
        let mut end = rest.len().min((room - WRAPPER) / 4 * 3);
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        let (chunk, tail) = rest.split_at(end);
        buf.clear();
        buf.push_str("=?utf-8?b?");
        base64::engine::general_purpose::STANDARD.encode_string(chunk, &mut buf);
        buf.push_str("?=");
        out.extend_from_slice(buf.as_bytes());
        col += buf.len();
        rest = tail;
    }
    col
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Quoted-printable (RFC 2045) with CRLF line ends and lines of at most 76 characters. Input
/// lines may end in LF or CRLF.
pub fn write_quoted_printable(out: &mut Vec<u8>, text: &str) {
    out.reserve(text.len() + text.len() / 8);
    let body = text.strip_suffix('\n').unwrap_or(text);
    if text.is_empty() {
        return;
    }
    for line in body.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line).as_bytes();
        let mut col = 0;
        let last = line.len().saturating_sub(1);
        for (i, &b) in line.iter().enumerate() {
            let literal = match b {
                b' ' | b'\t' => i != last,
                b'=' => false,
                33..=126 => true,
                _ => false,
            };
            let width = if literal { 1 } else { 3 };
            // 75 leaves room for the `=` of a soft line break.
            if col + width > 75 {
                out.extend_from_slice(b"=\r\n");
                col = 0;
            }
            if literal {
                out.push(b);
            } else {
                out.extend_from_slice(&[b'=', HEX[(b >> 4) as usize], HEX[(b & 15) as usize]]);
            }
            col += width;
        }
        out.extend_from_slice(b"\r\n");
    }
}

/// 64-bit FNV-1a: a stable, dependency-free hash for the MIME boundary.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// `Name <address>` for logs and the CLI (not for headers: no encoding).
pub fn display_mailbox(mb: Mailbox<'_>) -> String {
    let mut s = String::new();
    if !mb.name.is_empty() {
        let _ = write!(s, "{} ", mb.name);
    }
    let _ = write!(s, "<{}>", mb.address);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id() -> MessageId {
        MessageId::new("c1.p1", "news.example.com").unwrap()
    }

    fn sample<'a>(id: &'a MessageId, headers: &'a [(&'a str, &'a str)]) -> Message<'a> {
        Message {
            from: Mailbox::new("Café Zoë", "news@example.com"),
            to: Mailbox::new("Ann \"the\" Lee", "ann@example.org"),
            reply_to: "",
            subject: "Grüße aus Köln — this week's offers",
            message_id: id,
            date: DateTime::parse_from_rfc3339("2026-11-23T10:00:00Z").unwrap().with_timezone(&Utc),
            headers,
            text: "Hello Ann,\n\nline with trailing space \nand = sign\n",
            html: Some("<p>Hello Ann</p>"),
        }
    }

    #[test]
    fn headers_are_encoded_and_body_is_quoted_printable() {
        let id = id();
        let bytes = sample(&id, &[("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")]).to_bytes().unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.is_ascii(), "the message is 7-bit clean");
        assert!(text.contains("From: =?utf-8?b?"), "{text}");
        assert!(text.contains("To: \"Ann \\\"the\\\" Lee\" <ann@example.org>\r\n"), "{text}");
        assert!(text.contains("Message-ID: <c1.p1@news.example.com>\r\n"));
        assert!(text.contains("line with trailing space=20\r\nand =3D sign\r\n"), "{text}");
        assert!(text.lines().all(|l| l.len() <= 78), "{text}");
        let parsed = mail_parser::MessageParser::default().parse(text.as_bytes()).unwrap();
        assert_eq!(parsed.subject(), Some("Grüße aus Köln — this week's offers"));
        assert_eq!(parsed.from().unwrap().first().unwrap().name(), Some("Café Zoë"));
        // The line break before a boundary belongs to the boundary (RFC 2046).
        assert_eq!(
            parsed.body_text(0).unwrap().replace("\r\n", "\n"),
            "Hello Ann,\n\nline with trailing space \nand = sign"
        );
        assert_eq!(parsed.body_html(0).unwrap().trim_end(), "<p>Hello Ann</p>");
    }

    #[test]
    fn the_same_message_gives_the_same_bytes() {
        let id = id();
        assert_eq!(sample(&id, &[]).to_bytes().unwrap(), sample(&id, &[]).to_bytes().unwrap());
    }

    #[test]
    fn header_injection_is_refused() {
        let id = id();
        let mut m = sample(&id, &[]);
        m.subject = "Hi\r\nBcc: everyone@example.net";
        assert!(matches!(m.to_bytes(), Err(MessageError::ControlCharacter { .. })));
        let mut m = sample(&id, &[]);
        m.to.name = "Ann\nBcc: x@example.net";
        assert!(matches!(m.to_bytes(), Err(MessageError::ControlCharacter { .. })));
        let mut m = sample(&id, &[]);
        m.to.address = "ann@example.org>\r\nBcc: <x@example.net";
        assert!(m.to_bytes().is_err());
        let h = [("X-Campaign", "a\u{0}b")];
        assert!(sample(&id, &h).to_bytes().is_err());
        let h = [("Bcc", "x@example.net")];
        assert!(matches!(sample(&id, &h).to_bytes(), Err(MessageError::HeaderName(_))));
        let h = [("X-Bad Name", "v")];
        assert!(matches!(sample(&id, &h).to_bytes(), Err(MessageError::HeaderName(_))));
    }

    #[test]
    fn long_lines_are_soft_broken() {
        let mut out = Vec::new();
        let long = "é".repeat(100) + &"a".repeat(200);
        write_quoted_printable(&mut out, &long);
        let s = String::from_utf8(out).unwrap();
        assert!(s.lines().all(|l| l.len() <= 76), "{s}");
        let decoded = mail_parser::decoders::quoted_printable::quoted_printable_decode(s.as_bytes()).unwrap();
        assert_eq!(String::from_utf8(decoded).unwrap().trim_end(), long);
    }

    #[test]
    fn long_subjects_fold_and_long_unicode_subjects_split_on_characters() {
        let id = id();
        let mut m = sample(&id, &[]);
        let subject = "word ".repeat(40);
        m.subject = subject.trim_end();
        let text = String::from_utf8(m.to_bytes().unwrap()).unwrap();
        assert!(text.lines().all(|l| l.len() <= 78));
        let parsed = mail_parser::MessageParser::default().parse(text.as_bytes()).unwrap();
        assert_eq!(parsed.subject(), Some(subject.trim_end()));
        let subject = "日本語のテキスト".repeat(12);
        m.subject = &subject;
        let text = String::from_utf8(m.to_bytes().unwrap()).unwrap();
        assert!(text.lines().all(|l| l.len() <= 78));
        let parsed = mail_parser::MessageParser::default().parse(text.as_bytes()).unwrap();
        assert_eq!(parsed.subject(), Some(subject.as_str()));
    }

    #[test]
    fn message_ids_are_dot_atoms() {
        assert!(MessageId::new("a b", "x.org").is_err());
        assert!(MessageId::new("a", "x.org>").is_err());
        assert!(MessageId::new("cmp-1.contact-2", "news.example.com").is_ok());
    }
}
