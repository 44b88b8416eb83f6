//! The plain-text part, derived from the HTML part once per campaign.
//!
//! It runs on the *template* (tags stand in as placeholders), so the text part is itself a
//! template and each message only fills fields. A DOM-based converter would re-parse the HTML
//! and move anything that sits between table rows (HTML's "foster parenting"), tags included;
//! this one reads the markup as a flat stream of tokens, so a tag stays where it was written.
//! It expects HTML as an HTML serializer writes it (the CSS inliner's output): only the
//! entities `&amp; &lt; &gt; &quot; &nbsp;` and numeric ones remain; a few common named ones
//! are decoded too.

/// Converts `html` to text. A comment whose content starts with `placeholder` is a template
/// tag: it is kept in place (statements even inside `<head>`/`<style>`, which are otherwise
/// dropped); `is_statement` tells which placeholders those are.
pub fn html_to_text(html: &str, placeholder: &str, is_statement: &dyn Fn(&str) -> bool) -> String {
    let mut c = Converter { out: Out::default(), lists: Vec::new(), links: Vec::new(), skip_depth: 0, pre: 0 };
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'<' {
            let rest = &html[i..];
            if let Some(body) = rest.strip_prefix("<!--") {
                let end = body.find("-->").unwrap_or(body.len());
                let comment = &body[..end];
                if comment.starts_with(placeholder) && (c.skip_depth == 0 || is_statement(comment)) {
                    c.out.raw(comment);
                }
                i += 4 + end + 3.min(body.len() - end);
                continue;
            }
            let close = find_tag_end(rest);
            let tag = &rest[1..close.saturating_sub(1).max(1)];
            i += close;
            c.tag(tag, html, &mut i, placeholder, is_statement);
            continue;
        }
        let next = html[i..].find('<').map_or(html.len(), |n| i + n);
        if c.skip_depth == 0 {
            let text = decode_entities(&html[i..next]);
            if c.pre > 0 {
                c.out.pre_text(&text);
            } else {
                c.out.text(&text);
            }
        } else {
            c.out.statements_in(&html[i..next], placeholder, is_statement);
        }
        i = next;
    }
    c.out.finish()
}

/// Index just past the `>` that closes the tag at the start of `s`, minding quoted values.
pub(super) fn find_tag_end(s: &str) -> usize {
    let mut quote = None;
    for (i, b) in s.bytes().enumerate().skip(1) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    s.len()
}

struct Converter {
    out: Out,
    /// Open lists: `None` for `<ul>`, `Some(n)` for the next number of an `<ol>`.
    lists: Vec<Option<u32>>,
    /// Open links: the href and where the link text started in the output.
    links: Vec<(String, usize)>,
    /// Inside `<head>`, `<style>`, `<script>`, `<title>`: nothing is shown.
    skip_depth: usize,
    pre: usize,
}

impl Converter {
    fn tag(&mut self, tag: &str, html: &str, i: &mut usize, placeholder: &str, is_statement: &dyn Fn(&str) -> bool) {
        let closing = tag.starts_with('/');
        let tag = tag.trim_start_matches('/').trim_end_matches('/');
        let name_end = tag.find(|c: char| c.is_whitespace()).unwrap_or(tag.len());
        let name = tag[..name_end].to_ascii_lowercase();
        let attrs = &tag[name_end..];
        match name.as_str() {
            // Raw text: jump to the end tag (markup inside is not markup).
            "style" | "script" | "title" | "textarea" if !closing => {
                let end_tag = format!("</{name}");
                let lower = html[*i..].to_ascii_lowercase();
                let end = lower.find(&end_tag).map_or(html.len(), |n| *i + n);
                self.out.statements_in(&html[*i..end], placeholder, is_statement);
                *i = end;
            }
            "head" => {
                if closing {
                    self.skip_depth = self.skip_depth.saturating_sub(1);
                } else {
                    self.skip_depth += 1;
                }
            }
            _ if self.skip_depth > 0 => {}
            "br" => self.out.newline(),
            "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "table" => self.out.block(2),
            "pre" => {
                self.out.block(2);
                if closing {
                    self.pre = self.pre.saturating_sub(1);
                } else {
                    self.pre += 1;
                }
            }
            "hr" => {
                self.out.block(2);
                self.out.raw("----------");
                self.out.block(2);
            }
            "ul" | "ol" => {
                self.out.block(if self.lists.is_empty() { 2 } else { 1 });
                if closing {
                    self.lists.pop();
                } else {
                    self.lists.push(if name == "ol" { Some(1) } else { None });
                }
            }
            "li" if !closing => {
                self.out.block(1);
                let depth = self.lists.len().saturating_sub(1);
                let bullet = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "- ".to_string(),
                };
                self.out.raw(&"  ".repeat(depth));
                self.out.raw(&bullet);
            }
            "div" | "tr" | "li" | "section" | "article" | "header" | "footer" | "center" | "dl" | "dt" | "dd"
            | "address" | "figure" | "figcaption" | "main" | "nav" | "aside" | "tbody" | "thead" | "tfoot" => {
                self.out.block(1)
            }
            "td" | "th" if !closing => self.out.space(),
            "a" => {
                if closing {
                    if let Some((href, start)) = self.links.pop() {
                        let label = self.out.s[start.min(self.out.s.len())..].trim().to_string();
                        let shown = href.strip_prefix("mailto:").unwrap_or(&href);
                        if !href.is_empty() && !href.starts_with('#') && label != shown && !label.is_empty() {
                            self.out.text(" (");
                            self.out.raw(&href);
                            self.out.raw(")");
                        } else if label.is_empty() && !href.is_empty() {
                            self.out.raw(shown);
                        }
                    }
                } else {
                    let href = attr(attrs, "href").map(|h| decode_entities(&h).into_owned()).unwrap_or_default();
                    self.out.flush_space();
                    self.links.push((href.trim().to_string(), self.out.s.len()));
                }
            }
            "img" => {
                if let Some(alt) = attr(attrs, "alt").map(|a| decode_entities(&a).into_owned()) {
                    self.out.text(&alt);
                }
            }
            _ => {}
        }
    }
}

/// The value of attribute `name` in the attribute text of a start tag.
fn attr(attrs: &str, name: &str) -> Option<String> {
    let mut rest = attrs;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return None;
        }
        let key_end = rest.find(|c: char| c == '=' || c.is_whitespace() || c == '/').unwrap_or(rest.len());
        let key = &rest[..key_end];
        rest = rest[key_end..].trim_start();
        let value = if let Some(v) = rest.strip_prefix('=') {
            let v = v.trim_start();
            let (value, tail) = match v.as_bytes().first() {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = v[1..].find(q as char).map_or(v.len(), |n| n + 1);
                    (&v[1..end], v.get(end + 1..).unwrap_or(""))
                }
                _ => {
                    let end = v.find(char::is_whitespace).unwrap_or(v.len());
                    (&v[..end], &v[end..])
                }
            };
            rest = tail;
            value
        } else {
            if key.is_empty() {
                // A stray `/` or `=`: skip one character.
                rest = rest.get(1..).unwrap_or("");
            }
            ""
        };
        if key.eq_ignore_ascii_case(name) {
            return Some(value.to_string());
        }
    }
}

pub fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..].find(|c: char| c == ';' || c == '&' || c.is_whitespace()).map(|n| n + 1);
        let decoded = match end {
            Some(e) if rest.as_bytes()[e] == b';' => entity(&rest[1..e]).map(|c| (c, e + 1)),
            _ => None,
        };
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        // A non-breaking space is a space in plain text.
        "nbsp" => ' ',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "bull" => '•',
        "middot" => '·',
        "euro" => '€',
        _ => return None,
    })
}

/// Text output with collapsed whitespace and requested line breaks.
#[derive(Default)]
struct Out {
    s: String,
    /// Line breaks owed before the next text (the largest request wins).
    breaks: usize,
    space: bool,
}

impl Out {
    fn text(&mut self, t: &str) {
        for (i, word) in t.split(|c: char| c.is_whitespace()).enumerate() {
            if i > 0 {
                self.space = true;
            }
            if !word.is_empty() {
                self.flush_space();
                self.s.push_str(word);
            }
        }
    }

    fn pre_text(&mut self, t: &str) {
        self.flush_space();
        self.s.push_str(t);
    }

    /// Text as it is (a placeholder, a bullet): no whitespace collapsing.
    fn raw(&mut self, t: &str) {
        self.flush_space();
        self.s.push_str(t);
    }

    fn flush_space(&mut self) {
        if self.breaks > 0 {
            if !self.s.is_empty() {
                while self.s.ends_with(' ') {
                    self.s.pop();
                }
                let have = self.s.len() - self.s.trim_end_matches('\n').len();
                for _ in have..self.breaks {
                    self.s.push('\n');
                }
            }
            self.breaks = 0;
            self.space = false;
        } else if self.space {
            if !self.s.is_empty() && !self.s.ends_with([' ', '\n']) {
                self.s.push(' ');
            }
            self.space = false;
        }
    }

    fn space(&mut self) {
        self.space = true;
    }

    fn block(&mut self, lines: usize) {
        self.breaks = self.breaks.max(lines);
    }

    fn newline(&mut self) {
        self.flush_space();
        self.s.push('\n');
        self.space = false;
    }

    /// Keeps the statement placeholders found in text that is otherwise not shown.
    fn statements_in(&mut self, text: &str, placeholder: &str, is_statement: &dyn Fn(&str) -> bool) {
        let mut rest = text;
        while let Some(at) = rest.find(placeholder) {
            let token_end = rest[at + placeholder.len()..]
                .find(|c: char| !c.is_ascii_alphanumeric())
                .map_or(rest.len(), |n| at + placeholder.len() + n);
            let token = &rest[at..token_end];
            if is_statement(token) {
                self.raw(token);
            }
            rest = &rest[token_end..];
        }
    }

    fn finish(self) -> String {
        tidy(&self.s)
    }
}

/// Trailing spaces removed, at most one blank line in a row, no blank lines at either end.
pub fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        html_to_text(html, "tdgtag", &|t| t.ends_with("s"))
    }

    #[test]
    fn paragraphs_lists_links_and_entities() {
        let html = "<html><head><title>T</title><style>p{color:red}</style></head><body>\
            <h1>Hello   Ann</h1><p>Fish &amp; chips&nbsp;today.<br>Second line</p>\
            <ul><li>one</li><li>two</li></ul><ol><li>first</li><li>second</li></ol>\
            <p><a href=\"https://example.com/x?a=1&amp;b=2\">Read more</a> or \
            <a href=\"https://example.com/\">https://example.com/</a></p>\
            <img src=\"logo.png\" alt=\"Shop logo\"></body></html>";
        assert_eq!(
            text(html),
            "Hello Ann\n\nFish & chips today.\nSecond line\n\n- one\n- two\n\n1. first\n2. second\n\n\
             Read more (https://example.com/x?a=1&b=2) or https://example.com/\n\nShop logo\n"
        );
    }

    #[test]
    fn placeholders_stay_in_place_even_between_table_rows() {
        let html = "<head><style>tdgtag1s</style></head><table><!--tdgtag2s--><tr><td><!--tdgtag3x-->\
                    </td></tr><!--tdgtag4s--></table><a href=\"tdgtag5x\">Unsubscribe</a>";
        assert_eq!(text(html), "tdgtag1s\n\ntdgtag2s\ntdgtag3x\ntdgtag4s\n\nUnsubscribe (tdgtag5x)\n");
    }

    #[test]
    fn attributes_parse_with_any_quoting() {
        assert_eq!(attr(" class=x href='a b' alt=\"c\"", "href").as_deref(), Some("a b"));
        assert_eq!(attr(" disabled alt=c", "alt").as_deref(), Some("c"));
        assert_eq!(attr(" alt=c", "href"), None);
    }
}
