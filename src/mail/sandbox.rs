//! The template sandbox: what a campaign body, layout, subject or message template may do, and
//! why no template can take one rendering past a stated amount of memory.
//!
//! minijinja bounds the *work* of a rendering (fuel: one unit per instruction), not the *size*
//! of what it builds: one `~` is one instruction whatever the length of its operands, so a few
//! lines that double a string in a loop asked the allocator for gigabytes. Three layers close
//! that, each one checked where it can be:
//!
//! 1. **Refused constructs, at prepare and save time**
//!    ([`check_source`](super::template::check_source)). Every template is parsed into
//!    minijinja's syntax tree before it is compiled, and refused, with the construct and its
//!    line, when it uses anything whose result has no size bound: the `~` operator; `+`
//!    unless one side is a number (a number literal, `x | int`, `loop.index` …: the other side
//!    must then be a number too, or the addition fails) and `*` unless both are (it repeats
//!    text and lists); slices (`x[1:5]`, a copy that is not counted); captured output
//!    (`{% set x %}…{% endset %}`, `{% filter %}`, macros and `{% call %}`, blocks, recursive
//!    loops); lists and maps built from anything but constants
//!    (`[x, x]` nests a value inside itself and prints twice its size, each time round a loop);
//!    calls other than `range()`, `loop.cycle()` and `loop.changed()`; any filter or test not in
//!    [`FILTERS`] / [`TESTS`]; and `include`, `import`, `extends`.
//! 2. **Filters that count what they make, at render time.** The environment starts empty
//!    ([`Environment::empty`]) and holds only the filters in [`FILTERS`]. Each one that builds a
//!    string or a list works out the size of its result before it allocates it (the number of
//!    matches for `replace`, the lines times the width for `indent`, the items for `batch` and
//!    `sort` …) and charges it to one budget per rendering, [`Limits::max_values`]; past it the
//!    rendering stops with "the values this template makes grew past … MiB". Values printed
//!    with `{{ }}` and values turned into text (`string`, `join`, `escape`) are written through
//!    a writer that stops at its bound, never through `to_string()`.
//! 3. **Bounded output.** Each part is rendered into a buffer that refuses to grow past
//!    [`Limits::max_output`] (the subject past [`MAX_SUBJECT`]).
//!
//! # The figure
//!
//! What one rendering of one part can hold at once, beyond the compiled template (made once per
//! campaign) and the merge fields it is given (the contact's fields, and a message's `data`,
//! at most 64 KiB):
//!
//! - its output: at most `max_output` (2 MiB);
//! - the values its filters made: at most `max_values` (8 MiB) in all, counted as made (freed
//!   ones are not given back), each list item counted as 128 bytes;
//! - everything else the engine makes is a fixed size per instruction (numbers, one-character
//!   strings from indexing, loop state) or a reference to a value counted above: no refused
//!   construct is left that copies or concatenates. What stays alive at once is bounded by the
//!   variables and the stack of the template, which its source bounds (512 KiB);
//! - transient buffers inside a builtin filter or operator (`in` turns a non-string into text to
//!   search for it; `unique` lower-cases what it compares) last one call and are at most a few
//!   times the largest value above.
//!
//! [`PreparedCampaign::render`](super::PreparedCampaign::render) renders the subject, the HTML
//! and the text part one after the other and keeps the three results. With the defaults
//! (sources ≤ 512 KiB, a message's data ≤ 64 KiB, output ≤ 2 MiB per part, values ≤ 8 MiB per
//! part, fuel 200,000) one rendering holds at most about 2 × 2 MiB of kept output, 8 MiB of
//! values, the merge fields, and transients of a few times the largest of those: the stated
//! figure is **64 MB per rendering**, with room to spare. `tests/template_memory.rs` holds the
//! code to it, preparing and rendering a table of hostile templates each in a process of its
//! own and measuring its peak resident memory (the largest seen: about 12 MiB, for a 2 MB
//! message). The sender prepares up to four messages at once, so a campaign's renderings hold
//! at most four times the figure.
//!
//! Work stays bounded by fuel as before. One instruction's work is linear in the size of the
//! values it touches (comparing, searching, formatting for `in`), so a hostile template can
//! still spend CPU in proportion to fuel times its largest merge field: seconds, not memory.

use std::borrow::Cow;
use std::fmt::{self, Write as _};
use std::sync::atomic::{AtomicUsize, Ordering};

use minijinja::machinery::{self, ast};
use minijinja::value::{Kwargs, Object, Rest, ValueKind};
use minijinja::{AutoEscape, Environment, Error, ErrorKind, Output, State, Value};

use super::template::{Limits, Part, TemplateError};

/// The longest subject a rendering may produce, in bytes (the subject as written is at most
/// 300 characters; merge fields add to it).
pub const MAX_SUBJECT: usize = 4096;

/// Bytes charged for each item of a list a filter makes: a value is 24 bytes, a pair made on
/// the way (`items`, `dictsort`) about 100.
const ITEM: usize = 128;
/// Bytes charged for a string besides its text (its allocation's header).
const STRING: usize = 32;

/// The filters a template may use. Each is bounded: it returns a value it was given, a number,
/// or a result it counted before making it.
pub const FILTERS: &[&str] = &[
    "abs",
    "attr",
    "batch",
    "bool",
    "capitalize",
    "count",
    "d",
    "default",
    "dictsort",
    "e",
    "escape",
    "first",
    "float",
    "groupby",
    "indent",
    "int",
    "items",
    "join",
    "last",
    "length",
    "lines",
    "list",
    "lower",
    "map",
    "max",
    "min",
    "reject",
    "rejectattr",
    "replace",
    "reverse",
    "round",
    "safe",
    "select",
    "selectattr",
    "sort",
    "split",
    "string",
    "sum",
    "title",
    "trim",
    "truncate",
    "unique",
    "upper",
];

/// The tests a template may use (`x is defined`); each answers true or false.
pub const TESTS: &[&str] = &[
    "undefined",
    "defined",
    "none",
    "safe",
    "escaped",
    "boolean",
    "odd",
    "even",
    "divisibleby",
    "number",
    "integer",
    "int",
    "float",
    "string",
    "sequence",
    "iterable",
    "mapping",
    "startingwith",
    "endingwith",
    "lower",
    "upper",
    "sameas",
    "eq",
    "equalto",
    "==",
    "ne",
    "!=",
    "lt",
    "lessthan",
    "<",
    "le",
    "<=",
    "gt",
    "greaterthan",
    ">",
    "ge",
    ">=",
    "in",
    "true",
    "false",
    "filter",
    "test",
];

// ---- the environment

/// The environment every user template is compiled in: no loader, no globals but `range`, the
/// filters in [`FILTERS`], the tests in [`TESTS`], fuel, and the bounded formatter.
pub(super) fn environment(limits: Limits) -> Environment<'static> {
    let mut env = Environment::empty();
    env.set_fuel(Some(limits.fuel));
    env.set_recursion_limit(64);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    // Debug info would copy the variables a failing template referenced into the error.
    env.set_debug(false);
    env.set_auto_escape_callback(|name| if name.ends_with(".html") { AutoEscape::Html } else { AutoEscape::None });
    let max_output = limits.max_output;
    env.set_formatter(move |out, state, value| merge_field_formatter(out, state, value, max_output));
    env.add_function("range", minijinja::functions::range);
    add_filters(&mut env, limits.max_values);
    add_tests(&mut env);
    env
}

fn add_tests(env: &mut Environment<'static>) {
    use minijinja::tests::*;
    env.add_test("undefined", is_undefined);
    env.add_test("defined", is_defined);
    env.add_test("none", is_none);
    env.add_test("safe", is_safe);
    env.add_test("escaped", is_safe);
    env.add_test("boolean", is_boolean);
    env.add_test("odd", is_odd);
    env.add_test("even", is_even);
    env.add_test("divisibleby", is_divisibleby);
    env.add_test("number", is_number);
    env.add_test("integer", is_integer);
    env.add_test("int", is_integer);
    env.add_test("float", is_float);
    env.add_test("string", is_string);
    env.add_test("sequence", is_sequence);
    env.add_test("iterable", is_iterable);
    env.add_test("mapping", is_mapping);
    env.add_test("startingwith", is_startingwith);
    env.add_test("endingwith", is_endingwith);
    env.add_test("lower", is_lower);
    env.add_test("upper", is_upper);
    env.add_test("sameas", is_sameas);
    for name in ["eq", "equalto", "=="] {
        env.add_test(name, is_eq);
    }
    for name in ["ne", "!="] {
        env.add_test(name, is_ne);
    }
    for name in ["lt", "lessthan", "<"] {
        env.add_test(name, is_lt);
    }
    for name in ["le", "<="] {
        env.add_test(name, is_le);
    }
    for name in ["gt", "greaterthan", ">"] {
        env.add_test(name, is_gt);
    }
    for name in ["ge", ">="] {
        env.add_test(name, is_ge);
    }
    env.add_test("in", is_in);
    env.add_test("true", is_true);
    env.add_test("false", is_false);
    env.add_test("filter", is_filter);
    env.add_test("test", is_test);
}

fn add_filters(env: &mut Environment<'static>, max: usize) {
    use minijinja::filters as builtin;
    // A value given, or a number: nothing to count.
    env.add_filter("abs", builtin::abs);
    env.add_filter("attr", builtin::attr);
    env.add_filter("bool", builtin::bool);
    env.add_filter("default", builtin::default);
    env.add_filter("d", builtin::default);
    env.add_filter("first", builtin::first);
    env.add_filter("float", builtin::float);
    env.add_filter("int", builtin::int);
    env.add_filter("last", builtin::last);
    env.add_filter("length", builtin::length);
    env.add_filter("count", builtin::length);
    env.add_filter("max", builtin::max);
    env.add_filter("min", builtin::min);
    env.add_filter("round", builtin::round);
    env.add_filter("sum", sum);
    env.add_filter("items", builtin::items);

    // Text.
    env.add_filter("upper", move |state: &State, v: Value| recase(state, max, &v, str::to_uppercase));
    env.add_filter("lower", move |state: &State, v: Value| recase(state, max, &v, str::to_lowercase));
    env.add_filter("title", move |state: &State, v: Value| recase(state, max, &v, title));
    env.add_filter("capitalize", move |state: &State, v: Value| recase(state, max, &v, capitalize));
    env.add_filter("trim", move |state: &State, v: Value, chars: Option<String>| trim(state, max, &v, chars));
    env.add_filter("replace", move |state: &State, v: Value, old: Value, new: Value, count: Option<usize>| {
        replace(state, max, &v, &old, &new, count)
    });
    // More arguments than a closure filter can take: read from the rest.
    env.add_filter("indent", move |state: &State, v: Value, args: Rest<Value>| {
        let (width, first, blank, kw): (Option<usize>, Option<bool>, Option<bool>, Kwargs) =
            minijinja::value::from_args(&args)?;
        indent(state, max, &v, width, first, blank, kw)
    });
    env.add_filter("truncate", move |state: &State, v: Value, args: Rest<Value>| {
        let (length, killwords, end, leeway, kw): (Option<usize>, Option<bool>, Option<String>, Option<usize>, Kwargs) =
            minijinja::value::from_args(&args)?;
        truncate(state, max, &v, Truncate::from_args(length, killwords, end, leeway, &kw)?)
    });
    env.add_filter("escape", move |state: &State, v: Value| escape(state, max, &v));
    env.add_filter("e", move |state: &State, v: Value| escape(state, max, &v));
    env.add_filter("safe", move |state: &State, v: Value| safe(state, max, &v));
    env.add_filter("string", move |state: &State, v: Value| string(state, max, &v));
    env.add_filter("join", move |state: &State, v: Value, joiner: Option<Value>| join(state, max, &v, joiner));
    env.add_filter("split", move |state: &State, v: Value, sep: Option<String>, n: Option<i64>| {
        split(state, max, &v, sep, n)
    });
    env.add_filter("lines", move |state: &State, v: Value| lines(state, max, &v));

    // Lists: the result's items are counted before it is made.
    env.add_filter("reverse", move |state: &State, v: Value| reverse(state, max, v));
    env.add_filter("batch", move |state: &State, v: Value, size: usize| batch(state, max, v, size));
    env.add_filter("list", move |state: &State, v: Value| {
        items_first(state, max, &v, 1)?;
        builtin::list(state, v)
    });
    env.add_filter("sort", move |state: &State, v: Value, kw: Kwargs| {
        items_first(state, max, &v, 1)?;
        builtin::sort(state, v, kw)
    });
    env.add_filter("unique", move |state: &State, v: Value, kw: Kwargs| {
        items_first(state, max, &v, 1)?;
        builtin::unique(state, v, kw)
    });
    env.add_filter("dictsort", move |state: &State, v: Value, kw: Kwargs| {
        items_first(state, max, &v, 2)?;
        builtin::dictsort(&v, kw)
    });
    env.add_filter("groupby", move |state: &State, v: Value, attribute: Option<String>, kw: Kwargs| {
        items_first(state, max, &v, 3)?;
        builtin::groupby(v, attribute.as_deref(), kw)
    });
    env.add_filter("select", move |state: &State, v: Value, test: Option<String>, args: Rest<Value>| {
        items_first(state, max, &v, 1)?;
        builtin::select(state, v, test.map(Into::into), args)
    });
    env.add_filter("reject", move |state: &State, v: Value, test: Option<String>, args: Rest<Value>| {
        items_first(state, max, &v, 1)?;
        builtin::reject(state, v, test.map(Into::into), args)
    });
    env.add_filter(
        "selectattr",
        move |state: &State, v: Value, attr: String, test: Option<String>, args: Rest<Value>| {
            items_first(state, max, &v, 1)?;
            builtin::selectattr(state, v, attr.into(), test.map(Into::into), args)
        },
    );
    env.add_filter(
        "rejectattr",
        move |state: &State, v: Value, attr: String, test: Option<String>, args: Rest<Value>| {
            items_first(state, max, &v, 1)?;
            builtin::rejectattr(state, v, attr.into(), test.map(Into::into), args)
        },
    );
    env.add_filter("map", move |state: &State, v: Value, args: Rest<Value>| {
        // `default=` would put one value in every slot of the list: a value many times over.
        let (_, kwargs): (&[Value], Kwargs) = minijinja::value::from_args(&args)?;
        if kwargs.has("default") {
            return Err(Error::new(ErrorKind::InvalidOperation, "map(default=…) is not available in templates"));
        }
        items_first(state, max, &v, 1)?;
        builtin::map(state, v, args)
    });
}

// ---- the budget

/// What one rendering's filters have made so far, in bytes. A temp of the rendering's state,
/// so each rendering starts at zero.
#[derive(Debug, Default)]
struct Budget(AtomicUsize);

impl Object for Budget {}

const BUDGET: &str = "tidings.budget";

fn over(max: usize) -> Error {
    Error::new(
        ErrorKind::InvalidOperation,
        format!("{LIMIT_PREFIX}{} (a string or list in the template became too large)", size_words(max)),
    )
}

/// The start of every error about the value budget, so that [`TemplateError`] can show it
/// without the engine's "invalid operation" in front.
pub(super) const LIMIT_PREFIX: &str = "the values this template makes grew past ";

fn size_words(bytes: usize) -> String {
    if bytes >= 1 << 20 && bytes % (1 << 20) == 0 {
        format!("{} MiB", bytes >> 20)
    } else {
        format!("{} KiB", bytes.div_ceil(1024))
    }
}

fn used(state: &State) -> std::sync::Arc<Budget> {
    state.get_or_set_temp_object(BUDGET, Budget::default)
}

/// What is left of the budget.
fn left(state: &State, max: usize) -> usize {
    max.saturating_sub(used(state).0.load(Ordering::Relaxed))
}

/// Fails unless `bytes` more fit in the budget (nothing is charged).
fn fits(state: &State, max: usize, bytes: usize) -> Result<(), Error> {
    if bytes > left(state, max) {
        Err(over(max))
    } else {
        Ok(())
    }
}

/// Charges `bytes` to the budget; fails when that passes it.
fn charge(state: &State, max: usize, bytes: usize) -> Result<(), Error> {
    let budget = used(state);
    let total = budget.0.load(Ordering::Relaxed).saturating_add(bytes);
    budget.0.store(total, Ordering::Relaxed);
    if total > max {
        Err(over(max))
    } else {
        Ok(())
    }
}

/// A string made by a filter: counted, and safe when its input was.
fn made(state: &State, max: usize, s: String, safe: bool) -> Result<Value, Error> {
    charge(state, max, s.len() + STRING)?;
    Ok(if safe { Value::from_safe_string(s) } else { Value::from(s) })
}

/// How many items iterating `v` gives (a string's characters, a map's keys), counted without
/// collecting them.
fn item_count(v: &Value) -> Result<usize, Error> {
    match v.len() {
        Some(n) => Ok(n),
        None if v.is_undefined() || v.is_none() => Ok(0),
        None => Ok(v.try_iter()?.count()),
    }
}

/// Charges, before a list filter runs, for a result of up to as many items as its input (each
/// `per_item` list slots).
fn items_first(state: &State, max: usize, v: &Value, per_item: usize) -> Result<(), Error> {
    let n = item_count(v)?;
    charge(state, max, n.saturating_mul(ITEM * per_item).saturating_add(ITEM))
}

// ---- bounded writers

/// A string that refuses to grow past `cap` bytes (its capacity never passes `cap` either).
struct Capped {
    buf: String,
    cap: usize,
}

impl Capped {
    fn new(cap: usize) -> Self {
        Self { buf: String::new(), cap }
    }
}

impl fmt::Write for Capped {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let need = self.buf.len() + s.len();
        if need > self.cap {
            return Err(fmt::Error);
        }
        if need > self.buf.capacity() {
            let grow = need.max(self.buf.capacity() * 2).min(self.cap);
            self.buf.reserve_exact(grow - self.buf.len());
        }
        self.buf.push_str(s);
        Ok(())
    }
}

/// Passes at most `left` bytes on to `inner`, then fails.
struct Bounded<'w, W: fmt::Write> {
    inner: &'w mut W,
    left: usize,
    over: bool,
}

impl<W: fmt::Write> fmt::Write for Bounded<'_, W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if s.len() > self.left {
            self.over = true;
            return Err(fmt::Error);
        }
        self.left -= s.len();
        self.inner.write_str(s)
    }
}

/// HTML-escapes what is written through it. `/` is left alone: minijinja's `&#x2f;` bloats
/// every URL and protects nothing in element content or quoted attributes.
struct HtmlEscaping<'w, W: fmt::Write>(&'w mut W);

impl<W: fmt::Write> fmt::Write for HtmlEscaping<'_, W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let mut rest = s;
        while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
            self.0.write_str(&rest[..at])?;
            self.0.write_str(match rest.as_bytes()[at] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            })?;
            rest = &rest[at + 1..];
        }
        self.0.write_str(rest)
    }
}

/// `v` as text, made within what is left of the budget (a string as it is).
fn text_of<'v>(state: &State, max: usize, v: &'v Value) -> Result<(Cow<'v, str>, bool), Error> {
    if let Some(s) = v.as_str() {
        return Ok((Cow::Borrowed(s), v.is_safe()));
    }
    if v.is_undefined() || v.is_none() {
        return Ok((Cow::Borrowed(""), false));
    }
    let mut w = Capped::new(left(state, max));
    write!(w, "{v}").map_err(|_| over(max))?;
    charge(state, max, w.buf.len() + STRING)?;
    Ok((Cow::Owned(w.buf), false))
}

/// `{{ value }}`: a missing field or `none` prints nothing (never "none" in a customer's
/// mail); HTML is escaped in the HTML part; anything that is not a string is written as it is
/// displayed, through a writer bounded by the output limit (a list from the merge fields is
/// never turned into one string first).
fn merge_field_formatter(out: &mut Output, state: &State, value: &Value, max_output: usize) -> Result<(), Error> {
    if value.is_undefined() || value.is_none() {
        return Ok(());
    }
    let escape = matches!(state.auto_escape(), AutoEscape::Html) && !value.is_safe();
    if let Some(s) = value.as_str() {
        return if escape { HtmlEscaping(out).write_str(s) } else { out.write_str(s) }.map_err(Error::from);
    }
    let mut bounded = Bounded { inner: out, left: max_output, over: false };
    let written = if escape { write!(HtmlEscaping(&mut bounded), "{value}") } else { write!(bounded, "{value}") };
    match written {
        Ok(()) => Ok(()),
        Err(_) if bounded.over => Err(Error::new(
            ErrorKind::InvalidOperation,
            format!("a value printed by the template is larger than {}", size_words(max_output)),
        )),
        Err(e) => Err(Error::from(e)),
    }
}

// ---- the filters

fn recase(state: &State, max: usize, v: &Value, f: fn(&str) -> String) -> Result<Value, Error> {
    let (s, safe) = text_of(state, max, v)?;
    // Changing case can make a character up to three times as long in UTF-8 (ΐ → Ϊ́).
    fits(state, max, s.len().saturating_mul(3) + STRING)?;
    made(state, max, f(&s), safe)
}

fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if c.is_ascii_punctuation() || c.is_whitespace() {
            out.push(c);
            start = true;
        } else if start {
            out.extend(c.to_uppercase());
            start = false;
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        None => String::new(),
        Some(first) => first.to_uppercase().collect::<String>() + &chars.as_str().to_lowercase(),
    }
}

fn trim(state: &State, max: usize, v: &Value, chars: Option<String>) -> Result<Value, Error> {
    let (s, safe) = text_of(state, max, v)?;
    let out = match chars {
        Some(chars) => {
            let set: Vec<char> = chars.chars().collect();
            s.trim_matches(&set[..]).to_string()
        }
        None => s.trim().to_string(),
    };
    made(state, max, out, safe)
}

/// `replace(old, new[, count])`, its size worked out from the number of matches first.
fn replace(
    state: &State,
    max: usize,
    v: &Value,
    old: &Value,
    new: &Value,
    count: Option<usize>,
) -> Result<Value, Error> {
    let (s, safe) = text_of(state, max, v)?;
    let (old, _) = text_of(state, max, old)?;
    let (new, new_safe) = text_of(state, max, new)?;
    // In the HTML part, replacing into a safe string keeps it safe: the new text is escaped.
    let new = if safe && !new_safe && !matches!(state.auto_escape(), AutoEscape::None) {
        let mut w = Capped::new(left(state, max));
        HtmlEscaping(&mut w).write_str(&new).map_err(|_| over(max))?;
        Cow::Owned(w.buf)
    } else {
        new
    };
    let matches = if old.is_empty() { s.chars().count() + 1 } else { s.matches(old.as_ref()).count() };
    let n = count.map_or(matches, |c| c.min(matches));
    let size = (s.len() - n * old.len()).saturating_add(n.saturating_mul(new.len()));
    fits(state, max, size.saturating_add(STRING))?;
    made(state, max, s.replacen(old.as_ref(), &new, n), safe)
}

/// `indent(width=4, first=false, blank=false)`, as minijinja's (same arguments and keywords).
fn indent(
    state: &State,
    max: usize,
    v: &Value,
    width: Option<usize>,
    first: Option<bool>,
    blank: Option<bool>,
    kwargs: Kwargs,
) -> Result<Value, Error> {
    let width = match width {
        Some(w) => w,
        None => kwargs.get::<Option<usize>>("width")?.unwrap_or(4),
    };
    let first = match first {
        Some(f) => f,
        None => kwargs.get::<Option<bool>>("first")?.unwrap_or(false),
    };
    let blank = match blank {
        Some(b) => b,
        None => kwargs.get::<Option<bool>>("blank")?.unwrap_or(false),
    };
    kwargs.assert_all_used()?;
    let (s, safe) = text_of(state, max, v)?;
    let input = s.strip_suffix('\n').unwrap_or(&s);
    let input = input.strip_suffix('\r').unwrap_or(input);
    let lines = input.split('\n').count();
    fits(state, max, lines.saturating_mul(width.saturating_add(1)).saturating_add(s.len() + STRING))?;
    let pad = " ".repeat(width);
    let mut out = String::with_capacity(input.len() + lines * (width + 1));
    for (i, line) in input.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if (i > 0 || first) && (!line.is_empty() || blank) {
            out.push_str(&pad);
        }
        out.push_str(line);
    }
    made(state, max, out, safe)
}

/// The arguments of Jinja's `truncate(length=255, killwords=false, end='...', leeway=5)`,
/// given by position or keyword.
struct Truncate {
    length: usize,
    killwords: bool,
    end: String,
    leeway: usize,
}

impl Truncate {
    fn from_args(
        length: Option<usize>,
        killwords: Option<bool>,
        end: Option<String>,
        leeway: Option<usize>,
        kwargs: &Kwargs,
    ) -> Result<Self, Error> {
        let args = Truncate {
            length: match length {
                Some(l) => l,
                None => kwargs.get::<Option<usize>>("length")?.unwrap_or(255),
            },
            killwords: match killwords {
                Some(k) => k,
                None => kwargs.get::<Option<bool>>("killwords")?.unwrap_or(false),
            },
            end: match end {
                Some(e) => e,
                None => kwargs.get::<Option<String>>("end")?.unwrap_or_else(|| "...".into()),
            },
            leeway: match leeway {
                Some(l) => l,
                None => kwargs.get::<Option<usize>>("leeway")?.unwrap_or(5),
            },
        };
        kwargs.assert_all_used()?;
        Ok(args)
    }
}

/// The text cut to `length` characters (at a word unless `killwords`) with `end` added; left
/// alone when it is at most `leeway` characters too long.
fn truncate(state: &State, max: usize, v: &Value, args: Truncate) -> Result<Value, Error> {
    let Truncate { length, killwords, end, leeway } = args;
    let (s, safe) = text_of(state, max, v)?;
    let end_chars = end.chars().count();
    if length < end_chars {
        return Err(Error::new(ErrorKind::InvalidOperation, "truncate: length is shorter than the end text"));
    }
    if s.chars().count() <= length.saturating_add(leeway) {
        return made(state, max, s.into_owned(), safe);
    }
    let cut = s.char_indices().nth(length - end_chars).map_or(s.len(), |(i, _)| i);
    let mut kept = &s[..cut];
    if !killwords {
        if let Some((head, _)) = kept.rsplit_once(' ') {
            kept = head;
        }
    }
    let mut out = String::with_capacity(kept.len() + end.len());
    out.push_str(kept);
    out.push_str(&end);
    made(state, max, out, safe)
}

fn escape(state: &State, max: usize, v: &Value) -> Result<Value, Error> {
    if v.is_safe() {
        return Ok(v.clone());
    }
    let mut w = Capped::new(left(state, max));
    let written = match v.as_str() {
        Some(s) => HtmlEscaping(&mut w).write_str(s),
        None if v.is_undefined() || v.is_none() => Ok(()),
        None => write!(HtmlEscaping(&mut w), "{v}"),
    };
    written.map_err(|_| over(max))?;
    made(state, max, w.buf, true)
}

fn safe(state: &State, max: usize, v: &Value) -> Result<Value, Error> {
    if v.is_safe() {
        return Ok(v.clone());
    }
    let (s, _) = text_of(state, max, v)?;
    made(state, max, s.into_owned(), true)
}

fn string(state: &State, max: usize, v: &Value) -> Result<Value, Error> {
    if v.kind() == ValueKind::String {
        return Ok(v.clone());
    }
    let (s, _) = text_of(state, max, v)?;
    made(state, max, s.into_owned(), false)
}

/// `join(joiner='')`: the items as text, written into a string bounded by the budget. In the
/// HTML part, as minijinja's: if the joiner or an item is safe, the others are escaped and the
/// result is safe.
fn join(state: &State, max: usize, v: &Value, joiner: Option<Value>) -> Result<Value, Error> {
    let joiner = joiner.unwrap_or_else(|| Value::from(""));
    let html = !matches!(state.auto_escape(), AutoEscape::None);
    let safe_out = html && (joiner.is_safe() || v.try_iter()?.any(|item| item.is_safe()));
    let write = |w: &mut Capped, item: &Value| -> fmt::Result {
        let escape = safe_out && !item.is_safe();
        match item.as_str() {
            Some(s) if escape => HtmlEscaping(w).write_str(s),
            Some(s) => w.write_str(s),
            None if item.is_undefined() || item.is_none() => Ok(()),
            None if escape => write!(HtmlEscaping(w), "{item}"),
            None => write!(w, "{item}"),
        }
    };
    let mut w = Capped::new(left(state, max));
    for (i, item) in v.try_iter()?.enumerate() {
        if i > 0 {
            write(&mut w, &joiner).map_err(|_| over(max))?;
        }
        write(&mut w, &item).map_err(|_| over(max))?;
    }
    made(state, max, w.buf, safe_out)
}

fn split(state: &State, max: usize, v: &Value, sep: Option<String>, maxsplits: Option<i64>) -> Result<Value, Error> {
    let (s, safe) = text_of(state, max, v)?;
    let limit = maxsplits.and_then(|n| usize::try_from(n).ok()).map(|n| n.saturating_add(1));
    let pieces = match &sep {
        None => s.split_whitespace().count(),
        Some(sep) => s.split(sep.as_str()).count(),
    };
    let pieces = limit.map_or(pieces, |l| pieces.min(l));
    charge(state, max, pieces.saturating_mul(ITEM).saturating_add(s.len() + ITEM))?;
    let wrap = |piece: &str| if safe { Value::from_safe_string(piece.to_string()) } else { Value::from(piece) };
    Ok(match (sep, limit) {
        (None, None) => s.split_whitespace().map(wrap).collect(),
        (None, Some(n)) => {
            // As Python's `split(None, n)`: the last piece keeps the rest of the text.
            let mut out: Vec<Value> = Vec::with_capacity(pieces);
            let mut rest = s.trim_start();
            while !rest.is_empty() {
                if out.len() + 1 == n {
                    out.push(wrap(rest));
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push(wrap(&rest[..end]));
                rest = rest[end..].trim_start();
            }
            Value::from(out)
        }
        (Some(sep), None) => s.split(sep.as_str()).map(wrap).collect(),
        (Some(sep), Some(n)) => s.splitn(n, sep.as_str()).map(wrap).collect(),
    })
}

fn lines(state: &State, max: usize, v: &Value) -> Result<Value, Error> {
    let (s, safe) = text_of(state, max, v)?;
    let n = s.lines().count();
    charge(state, max, n.saturating_mul(ITEM).saturating_add(s.len() + ITEM))?;
    Ok(s.lines().map(|l| if safe { Value::from_safe_string(l.to_string()) } else { Value::from(l) }).collect())
}

fn reverse(state: &State, max: usize, v: Value) -> Result<Value, Error> {
    if let Some(s) = v.as_str() {
        return made(state, max, s.chars().rev().collect(), v.is_safe());
    }
    items_first(state, max, &v, 1)?;
    minijinja::filters::reverse(&v)
}

/// `batch(size)`: the items in lists of `size`. Without Jinja's `fill_with`, which would put
/// one value in the list many times over; and the lists are sized by the items there are, not
/// by `size` (minijinja reserves `size` slots before it looks).
fn batch(state: &State, max: usize, v: Value, size: usize) -> Result<Value, Error> {
    if size == 0 {
        return Err(Error::new(ErrorKind::InvalidOperation, "batch: the size cannot be 0"));
    }
    let n = item_count(&v)?;
    charge(state, max, n.saturating_mul(ITEM).saturating_add((n / size + 1).saturating_mul(ITEM)))?;
    let mut out = Vec::with_capacity(n.div_ceil(size));
    let mut chunk = Vec::with_capacity(size.min(n));
    for item in v.try_iter()? {
        chunk.push(item);
        if chunk.len() == size {
            out.push(Value::from(std::mem::replace(&mut chunk, Vec::with_capacity(size.min(n)))));
        }
    }
    if !chunk.is_empty() {
        out.push(Value::from(chunk));
    }
    Ok(Value::from(out))
}

/// `sum(attribute=None, start=0)` over numbers only: minijinja's adds whatever `+` adds, which
/// includes lists (a `start=[]` made one long list of every item).
fn sum(v: Value, kwargs: Kwargs) -> Result<Value, Error> {
    let attribute: Option<String> = kwargs.get("attribute")?;
    let start: Option<Value> = kwargs.get("start")?;
    kwargs.assert_all_used()?;
    let not_number = || Error::new(ErrorKind::InvalidOperation, "sum adds numbers only");
    let mut int: i128 = 0;
    let mut float: Option<f64> = None;
    let items = start.into_iter().map(Ok).chain(v.try_iter()?.map(|item| match &attribute {
        None => Ok(item),
        Some(path) => path.split('.').try_fold(item, |value, part| match part.parse::<i64>() {
            Ok(i) => value.get_item(&Value::from(i)),
            Err(_) => value.get_attr(part),
        }),
    }));
    for item in items {
        let item = item?;
        if !item.is_number() {
            return Err(not_number());
        }
        match (item.is_integer(), float) {
            (true, None) => {
                let n = i128::try_from(item).map_err(|_| not_number())?;
                int = int.checked_add(n).ok_or_else(|| Error::new(ErrorKind::InvalidOperation, "sum overflowed"))?;
            }
            _ => {
                let n = f64::try_from(item).map_err(|_| not_number())?;
                float = Some(float.unwrap_or(int as f64) + n);
            }
        }
    }
    Ok(match float {
        Some(f) => Value::from(f),
        None => Value::from(int),
    })
}

// ---- the check at prepare and save time

/// Refuses the constructs whose results have no size bound (see the module documentation),
/// naming the construct and its line. A template that does not parse passes: compiling it
/// reports the syntax error in the engine's own words.
pub(super) fn check(source: &str, part: Part) -> Result<(), TemplateError> {
    let whitespace =
        machinery::WhitespaceConfig { keep_trailing_newline: false, lstrip_blocks: true, trim_blocks: true };
    match machinery::parse(source, "template", minijinja::syntax::SyntaxConfig, whitespace) {
        Ok(tree) => Walk { part }.stmt(&tree),
        Err(_) => Ok(()),
    }
}

struct Walk {
    part: Part,
}

type Checked = Result<(), TemplateError>;

impl Walk {
    fn refuse(&self, span: machinery::Span, message: impl Into<String>) -> Checked {
        Err(TemplateError::new(self.part, Some(usize::from(span.start_line)), message))
    }

    fn stmts(&self, list: &[ast::Stmt<'_>]) -> Checked {
        list.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&self, s: &ast::Stmt<'_>) -> Checked {
        use ast::Stmt;
        const NO_FILES: &str = "templates cannot include, import or extend other templates or files";
        match s {
            Stmt::Template(t) => self.stmts(&t.children),
            Stmt::EmitExpr(e) => self.expr(&e.expr),
            Stmt::EmitRaw(_) => Ok(()),
            Stmt::ForLoop(f) => {
                if f.recursive {
                    return self.refuse(
                        f.span(),
                        "recursive loops (`{% for … recursive %}`) are not available: each level's output is kept \
                        whole in memory, without a limit",
                    );
                }
                self.expr(&f.iter)?;
                if let Some(e) = &f.filter_expr {
                    self.expr(e)?;
                }
                self.stmts(&f.body)?;
                self.stmts(&f.else_body)
            }
            Stmt::IfCond(i) => {
                self.expr(&i.expr)?;
                self.stmts(&i.true_body)?;
                self.stmts(&i.false_body)
            }
            Stmt::WithBlock(w) => {
                for (_, value) in &w.assignments {
                    self.expr(value)?;
                }
                self.stmts(&w.body)
            }
            Stmt::Set(s) => self.expr(&s.expr),
            Stmt::SetBlock(s) => self.refuse(
                s.span(),
                "`{% set … %}…{% endset %}` is not available: captured output is kept whole in memory, \
                    without a limit; set the variable to a value (`{% set x = … %}`)",
            ),
            Stmt::AutoEscape(a) => {
                self.expr(&a.enabled)?;
                self.stmts(&a.body)
            }
            Stmt::FilterBlock(f) => self.refuse(
                f.span(),
                "`{% filter %}` blocks are not available: captured output is kept whole in memory, without \
                    a limit; apply the filter to each value (`{{ x | upper }}`)",
            ),
            Stmt::Block(b) => self.refuse(b.span(), format!("`{{% block {} %}}` is not available: {NO_FILES}", b.name)),
            Stmt::Import(i) => self.refuse(i.span(), NO_FILES),
            Stmt::FromImport(i) => self.refuse(i.span(), NO_FILES),
            Stmt::Extends(e) => self.refuse(e.span(), NO_FILES),
            Stmt::Include(i) => self.refuse(i.span(), NO_FILES),
            Stmt::Macro(m) => self.refuse(
                m.span(),
                format!(
                    "macros (`{{% macro {} %}}`) are not available: a macro's output is kept whole in memory, \
                    without a limit",
                    m.name
                ),
            ),
            Stmt::CallBlock(c) => self.refuse(
                c.span(),
                "`{% call %}` blocks are not available: their output is kept whole in memory, without a limit",
            ),
            Stmt::Do(d) => self.call(&d.call),
        }
    }

    fn args(&self, args: &[ast::CallArg<'_>]) -> Checked {
        use ast::CallArg;
        args.iter().try_for_each(|a| match a {
            CallArg::Pos(e) | CallArg::Kwarg(_, e) | CallArg::PosSplat(e) | CallArg::KwargSplat(e) => self.expr(e),
        })
    }

    fn call(&self, c: &ast::Spanned<ast::Call<'_>>) -> Checked {
        let allowed = match c.identify_call() {
            ast::CallType::Function(name) => name == "range",
            ast::CallType::Method(ast::Expr::Var(v), name) => v.id == "loop" && matches!(name, "cycle" | "changed"),
            _ => false,
        };
        if !allowed {
            return self.refuse(
                c.span(),
                "only `range()`, `loop.cycle()` and `loop.changed()` can be called in templates (no \
                    macros, methods or other functions)",
            );
        }
        self.args(&c.args)
    }

    fn expr(&self, e: &ast::Expr<'_>) -> Checked {
        use ast::{BinOpKind, Expr};
        match e {
            Expr::Var(_) | Expr::Const(_) => Ok(()),
            Expr::Slice(s) => self.refuse(
                s.span(),
                "slices (`x[1:5]`) are not available: each one is a copy the template's limits do not \
                    count; use `truncate`, `first` or `last`",
            ),
            Expr::UnaryOp(u) => self.expr(&u.expr),
            Expr::BinOp(b) => {
                match b.op {
                    BinOpKind::Concat => {
                        return self.refuse(
                            b.span(),
                            "`~` (joining text) is not available: it lets a value grow without limit; write the parts \
                                side by side (`{{ a }} {{ b }}`)",
                        )
                    }
                    BinOpKind::Add if !(numeric(&b.left) || numeric(&b.right)) => {
                        return self.refuse(
                            b.span(),
                            "`+` adds numbers only here (joining text or lists with it lets a value grow without \
                                limit): make one side a number, e.g. `price | float + 1`",
                        )
                    }
                    BinOpKind::Mul if !(numeric(&b.left) && numeric(&b.right)) => {
                        return self.refuse(
                            b.span(),
                            "`*` multiplies numbers only here (it repeats text and lists otherwise, without limit): \
                                make both sides numbers, e.g. `price | float * 1.2`",
                        )
                    }
                    _ => {}
                }
                self.expr(&b.left)?;
                self.expr(&b.right)
            }
            Expr::Compare(c) => {
                self.expr(&c.expr)?;
                c.ops.iter().try_for_each(|op| self.expr(&op.expr))
            }
            Expr::IfExpr(i) => {
                self.expr(&i.test_expr)?;
                self.expr(&i.true_expr)?;
                i.false_expr.as_ref().map_or(Ok(()), |f| self.expr(f))
            }
            Expr::Filter(f) => {
                if !FILTERS.contains(&f.name) {
                    return self.refuse(
                        f.span(),
                        format!(
                            "there is no filter `{}` in templates; the filters are: {}",
                            f.name,
                            FILTERS.join(", ")
                        ),
                    );
                }
                let kwarg = |name: &str| f.args.iter().any(|a| matches!(a, ast::CallArg::Kwarg(k, _) if *k == name));
                let positional = f.args.iter().filter(|a| matches!(a, ast::CallArg::Pos(_))).count();
                if f.name == "map" && kwarg("default") {
                    return self.refuse(
                        f.span(),
                        "`map(default=…)` is not available: it puts one value in every slot of a list; use \
                        `default` where the value is printed",
                    );
                }
                if f.name == "batch" && (kwarg("fill_with") || positional > 1) {
                    return self.refuse(
                        f.span(),
                        "`batch(…, fill_with)` is not available: it puts one value in a list many times over; test \
                        for the missing items instead",
                    );
                }
                if let Some(e) = &f.expr {
                    self.expr(e)?;
                }
                self.args(&f.args)
            }
            Expr::Test(t) => {
                if !TESTS.contains(&t.name) {
                    return self.refuse(t.span(), format!("there is no test `{}` in templates", t.name));
                }
                self.expr(&t.expr)?;
                self.args(&t.args)
            }
            Expr::GetAttr(g) => self.expr(&g.expr),
            Expr::GetItem(g) => {
                self.expr(&g.expr)?;
                self.expr(&g.subscript_expr)
            }
            Expr::Call(c) => self.call(c),
            Expr::List(l) => {
                if l.items.iter().all(literal) {
                    Ok(())
                } else {
                    self.refuse(
                        l.span(),
                        "a list (`[…]`) may hold only constants here (`['a', 'b']`): a list built from variables \
                        can hold itself and grow without limit",
                    )
                }
            }
            Expr::Map(m) => {
                if m.keys.iter().chain(&m.values).all(literal) {
                    Ok(())
                } else {
                    self.refuse(
                        m.span(),
                        "a map (`{…}`) may hold only constants here: one built from variables can hold itself and \
                        grow without limit",
                    )
                }
            }
        }
    }
}

/// A constant, or a list or map of constants.
fn literal(e: &ast::Expr<'_>) -> bool {
    use ast::Expr;
    match e {
        Expr::Const(_) => true,
        Expr::UnaryOp(u) => literal(&u.expr),
        Expr::List(l) => l.items.iter().all(literal),
        Expr::Map(m) => m.keys.iter().chain(&m.values).all(literal),
        _ => false,
    }
}

/// An expression that is a number whenever it is anything (it may fail, but it never yields
/// text or a list).
fn numeric(e: &ast::Expr<'_>) -> bool {
    use ast::{BinOpKind, Expr, UnaryOpKind};
    match e {
        Expr::Const(c) => c.value.is_number(),
        Expr::UnaryOp(u) => matches!(u.op, UnaryOpKind::Neg) && numeric(&u.expr),
        // `-`, `/`, `//`, `%` and `**` refuse anything but numbers; `+` and `*` are numeric when
        // the check let them through.
        Expr::BinOp(b) => matches!(
            b.op,
            BinOpKind::Add
                | BinOpKind::Sub
                | BinOpKind::Mul
                | BinOpKind::Div
                | BinOpKind::FloorDiv
                | BinOpKind::Rem
                | BinOpKind::Pow
        ),
        Expr::Filter(f) => matches!(f.name, "int" | "float" | "abs" | "round" | "length" | "count" | "sum"),
        Expr::GetAttr(g) => {
            matches!(&g.expr, Expr::Var(v) if v.id == "loop")
                && matches!(g.name, "index" | "index0" | "revindex" | "revindex0" | "length" | "depth" | "depth0")
        }
        _ => false,
    }
}

/// An output that refuses to grow past `max` bytes, so a runaway template stops early. Its
/// capacity never passes `max` either (a doubling `Vec` would reach twice the limit).
pub(super) struct Limited {
    buf: Vec<u8>,
    max: usize,
    over: bool,
}

impl Limited {
    pub(super) fn new(initial: usize, max: usize) -> Self {
        Self { buf: Vec::with_capacity(initial.min(max)), max, over: false }
    }

    /// Whether the rendering stopped because it reached the limit.
    pub(super) fn over(&self) -> bool {
        self.over
    }

    pub(super) fn into_string(self) -> String {
        String::from_utf8(self.buf).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

impl std::io::Write for Limited {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        let need = self.buf.len() + data.len();
        if need > self.max {
            self.over = true;
            return Err(std::io::Error::other("output limit"));
        }
        if need > self.buf.capacity() {
            let grow = need.max(self.buf.capacity() * 2).min(self.max);
            self.buf.reserve_exact(grow - self.buf.len());
        }
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::mail::template::{BodyFormat, CampaignSource, PreparedCampaign, RenderedMessage, SystemLinks};

    fn prepare(body: &str) -> Result<PreparedCampaign, TemplateError> {
        PreparedCampaign::prepare(
            &CampaignSource { subject: "Hi", layout: "{{ content }}", body, format: BodyFormat::Html },
            Limits::default(),
        )
    }

    fn fields() -> serde_json::Value {
        json!({
            "first_name": "Ann",
            "big": "a".repeat(64 * 1024),
            "lines": "one\ntwo\nthree\n".repeat(4000),
            "items": (0..1000).map(|i| json!({"name": format!("item {i}"), "price": i, "tags": ["x", "y"]})).collect::<Vec<_>>(),
        })
    }

    fn render(body: &str) -> Result<RenderedMessage, TemplateError> {
        prepare(body)?.render(&fields(), &SystemLinks::default())
    }

    /// Templates a hostile or careless marketer could write, each refused when it is prepared,
    /// with the construct and its line named.
    #[test]
    fn constructs_without_a_size_bound_are_refused_with_their_line() {
        let cases: &[(&str, &str)] = &[
            // The review's: 50 MB by repetition, then doubling by concatenation.
            ("{% set a='x'*50000000 %}{% set b=a~a %}{% set c=b~b %}", "`*` multiplies numbers only"),
            ("{% set s = first_name %}\n{% for i in range(60) %}{% set s = s ~ s %}{% endfor %}", "`~`"),
            ("{{ first_name ~ big }}", "`~`"),
            ("{% set s = big + big %}", "`+` adds numbers only"),
            ("{% set l = items + items %}", "`+` adds numbers only"),
            ("{{ big * 1000 }}", "`*` multiplies numbers only"),
            ("{{ 1000 * big }}", "`*` multiplies numbers only"),
            ("{{ items * 3 }}", "`*` multiplies numbers only"),
            (
                "{% set x = [1] %}{% for i in range(60) %}{% set x = [x, x] %}{% endfor %}{{ x }}",
                "a list (`[…]`) may hold only constants",
            ),
            ("{% set x = {'a': big} %}", "a map (`{…}`) may hold only constants"),
            ("{% set x %}{% for i in range(100000) %}{{ big }}{% endfor %}{% endset %}", "`{% set … %}…{% endset %}`"),
            (
                "{% filter upper %}{% for i in range(100000) %}{{ big }}{% endfor %}{% endfilter %}",
                "`{% filter %}` blocks",
            ),
            ("{% macro m() %}{{ big }}{% endmacro %}{% for i in range(9) %}{% set y = m() %}{% endfor %}", "macros"),
            ("{% call range(3) %}x{% endcall %}", "`{% call %}`"),
            ("{% for i in items recursive %}{{ loop(i.tags) }}{% endfor %}", "recursive loops"),
            ("{% block b %}{{ self.b() }}{% endblock %}", "cannot include, import or extend"),
            ("{% include 'x.html' %}", "cannot include, import or extend"),
            ("{% import 'x.html' as x %}", "cannot include, import or extend"),
            ("{% extends 'x.html' %}", "cannot include, import or extend"),
            ("{% set a = big[0:] %}", "slices"),
            ("{{ items|tojson }}", "there is no filter `tojson`"),
            ("{{ items|pprint }}", "there is no filter `pprint`"),
            ("{{ '%s'|format(big) }}", "there is no filter `format`"),
            ("{{ first_name|center(1000000000) }}", "there is no filter `center`"),
            ("{{ first_name|wordwrap(1) }}", "there is no filter `wordwrap`"),
            ("{{ items|map(attribute='x', default=big)|list }}", "`map(default=…)`"),
            ("{{ [1]|batch(1000000, big)|list }}", "`batch(…, fill_with)`"),
            ("{{ dict(a=big) }}", "only `range()`"),
            ("{% set ns = namespace(a=big) %}", "only `range()`"),
            ("{{ big.upper() }}", "only `range()`"),
            ("{{ lipsum(1000000) }}", "only `range()`"),
            ("{% if big is divisible_by(3) %}{% endif %}", "there is no test"),
        ];
        for (template, expected) in cases {
            let e = prepare(&format!("Hello\n{template}")).err().unwrap_or_else(|| panic!("accepted: {template}"));
            assert_eq!(e.part, Part::Body, "{template}: {e}");
            assert!(e.line.is_some_and(|l| l >= 2), "the line: {template}: {e}");
            assert!(e.message.contains(expected), "{template}: {e}");
        }
        // The subject and the layout are checked the same way.
        let e = PreparedCampaign::prepare(
            &CampaignSource {
                subject: "{{ first_name ~ first_name }}",
                layout: "{{ content }}",
                body: "x",
                format: BodyFormat::Html,
            },
            Limits::default(),
        )
        .unwrap_err();
        assert_eq!((e.part, e.line), (Part::Subject, Some(1)), "{e}");
        let e = PreparedCampaign::prepare(
            &CampaignSource {
                subject: "s",
                layout: "<p>\n{{ content }}\n{% set x %}{% endset %}",
                body: "x",
                format: BodyFormat::Html,
            },
            Limits::default(),
        )
        .unwrap_err();
        assert_eq!((e.part, e.line), (Part::Layout, Some(3)), "{e}");
    }

    /// Templates that pass the check but would grow past the limits with the values they are
    /// given: each stops with the limit named, before it allocates what it asked for.
    #[test]
    fn values_that_grow_past_the_budget_stop_the_rendering_with_the_limit_named() {
        let cases: &[(&str, &str)] = &[
            // Replace amplification: each step multiplies the length by itself (3, 15, 255,
            // 65 535, 4 294 967 295 characters). A `set` inside a loop is local to one round, so
            // growth needs steps written out; the source limit bounds how many.
            ("{% set s = first_name %}{% set s = s|replace('', s) %}{% set s = s|replace('', s) %}{% set s = s|replace('', s) %}{% set s = s|replace('', s) %}{{ s|length }}", "grew past 8 MiB"),
            ("{{ big|replace('a', big) }}", "grew past 8 MiB"),
            ("{{ lines|indent(100000) }}", "grew past 8 MiB"),
            ("{{ lines|indent(width=1000000000, first=true) }}", "grew past 8 MiB"),
            ("{% for i in range(100000) %}{% set l = range(100000)|list %}{% endfor %}", "grew past 8 MiB"),
            ("{% for i in range(100000) %}{% set s = items|string %}{% endfor %}", "grew past 8 MiB"),
            ("{% for i in range(100000) %}{% set s = items|join(big) %}{% endfor %}", "grew past 8 MiB"),
            ("{% for i in range(100000) %}{% set s = big|upper %}{% endfor %}", "grew past 8 MiB"),
            ("{% for i in range(100000) %}{% set s = big|split('') %}{% endfor %}", "grew past 8 MiB"),
            ("{% for i in range(100000) %}{% set s = items|sort(attribute='name') %}{% endfor %}", "grew past 8 MiB"),
            ("{% for i in range(100000) %}{% set s = items|map(attribute='name')|map('upper')|list %}{% endfor %}", "grew past 8 MiB"),
            ("{% for i in range(100000) %}{% set s = items|batch(1) %}{% endfor %}", "grew past 8 MiB"),
            ("{% for i in range(100000) %}{% set s = big|e %}{% endfor %}", "grew past 8 MiB"),
            ("{% for i in range(100000) %}{% set s = big|truncate(100000) %}{% endfor %}", "grew past 8 MiB"),
            // Printing: the output limit.
            ("{% for i in range(100000) %}{{ big }}{% endfor %}", "larger than 2048 KiB"),
            ("{% for i in range(100000) %}{{ items }}{% endfor %}", "larger than 2048 KiB"),
            // Work: fuel.
            ("{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}", "too much work"),
        ];
        for (template, expected) in cases {
            let e = render(template).err().unwrap_or_else(|| panic!("rendered: {template}"));
            assert!(e.message.contains(expected), "{template}: {e}");
        }
        // The subject has a limit of its own.
        let c = PreparedCampaign::prepare(
            &CampaignSource { subject: "{{ big }}", layout: "{{ content }}", body: "x", format: BodyFormat::Html },
            Limits::default(),
        )
        .unwrap();
        let e = c.render(&fields(), &SystemLinks::default()).unwrap_err();
        assert_eq!(e.part, Part::Subject, "{e}");
        assert!(e.message.contains("longer than 4096 bytes"), "{e}");
    }

    /// What a newsletter does with merge fields still works, with the same output as
    /// minijinja's own filters.
    #[test]
    fn the_filters_that_stay_work_as_before() {
        let cases: &[(&str, &str)] = &[
            ("{{ first_name|upper }} {{ first_name|lower }} {{ 'hello world'|title }} {{ 'hELLO'|capitalize }}", "ANN ann Hello World Hello"),
            ("{{ '  x  '|trim }}|{{ '--x--'|trim('-') }}", "x|x"),
            ("{{ 'a-b-c'|replace('-', '+') }} {{ 'a-b-c'|replace('-', '+', 1) }}", "a+b+c a+b-c"),
            ("{{ ['a', 'b', 'c']|join(', ') }} {{ items|map(attribute='name')|first }}", "a, b, c item 0"),
            ("{{ 'The quick brown fox jumps'|truncate(15) }}|{{ 'The quick brown fox'|truncate(10, true, '…') }}|{{ 'short'|truncate(10) }}", "The quick...|The quick…|short"),
            ("{{ 'a\nb'|indent(2) }}|{{ 'a\nb'|indent(2, true) }}", "a\n  b|  a\n  b"),
            ("{{ missing|default('there') }} {{ missing|d('x') }}", "there x"),
            ("{{ items|length }} {{ items|count }} {{ 'abc'|length }}", "1000 1000 3"),
            ("{{ items|sum(attribute='price') }} {{ [1.5, 2]|sum }} {{ [1, 2]|sum(start=10) }}", "499500 3.5 13"),
            ("{% for row in [1, 2, 3, 4, 5]|batch(2) %}{{ row|join('') }};{% endfor %}", "12;34;5;"),
            ("{{ [3, 1, 2]|sort|join }} {{ [3, 1, 2]|sort(reverse=true)|join }} {{ [1, 1, 2]|unique|join }}", "123 321 12"),
            ("{{ items|selectattr('price', 'lt', 2)|map(attribute='name')|join('/') }}", "item 0/item 1"),
            ("{{ [1, 2, 3, 4]|select('odd')|join }} {{ [1, 2, 3, 4]|reject('odd')|join }}", "13 24"),
            ("{{ 'a b  c'|split|join(',') }} {{ 'a,b,c'|split(',', 1)|join('|') }} {{ 'x\ny'|lines|join('+') }}", "a,b,c a|b,c x+y"),
            ("{{ 'abc'|reverse }} {{ [1, 2]|reverse|join }} {{ {'b': 1, 'a': 2}|dictsort|first|first }}", "cba 21 a"),
            ("{% for k, v in {'a': 1}|items %}{{ k }}={{ v }}{% endfor %}", "a=1"),
            ("{{ 3.14159|round(2) }} {{ -3|abs }} {{ '42'|int + 1 }} {{ '1.5'|float * 2 }} {{ 0|bool }}", "3.14 3 43 3.0 False"),
            ("{{ items[0].price|float * 1.2 }} {{ items|length + 1 }}", "0.0 1001"),
            ("{% for i in range(3) %}{{ loop.index + 1 }}{{ loop.cycle('a', 'b') }}{% endfor %}", "2a3b4a"),
            ("{{ items|groupby('price')|length }} {% for g in [{'a': 1}, {'a': 1}]|groupby('a') %}{{ g.grouper }}:{{ g.list|length }}{% endfor %}", "1000 1:2"),
            ("{{ [2, 1]|min }} {{ [2, 1]|max }} {{ [2, 1]|last }}", "1 2 1"),
            ("{{ 42|string }}{{ 'x'|string }} {{ '<b>'|e }} {{ '<b>'|safe }}", "42x &lt;b&gt; <b>"),
            ("{% if first_name is defined and 'n' in first_name and 3 is odd %}yes{% endif %}", "yes"),
            ("{{ ['a', 'b']|list|length }} {{ 'ab'|list|join('.') }} {{ items[0]|attr('name') }}", "2 a.b item 0"),
            ("{{ [[1, 2], [3]]|length }} {{ {'a': [1, 2]}.a|join }}", "2 12"),
        ];
        let env = environment(Limits::default());
        let mut failed = Vec::new();
        for (template, expected) in cases {
            let got = check(template, Part::Body)
                .map_err(|e| e.to_string())
                .and_then(|()| env.render_str(template, fields()).map_err(|e| e.to_string()));
            if got.as_deref() != Ok(*expected) {
                failed.push(format!("{template}\n  want {expected:?}\n  got  {got:?}"));
            }
        }
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    /// The list of filters and the environment agree: every listed filter is there, and a
    /// template can reach no other (the environment starts empty).
    #[test]
    fn every_listed_filter_and_test_exists_and_no_other() {
        let env = environment(Limits::default());
        for name in FILTERS {
            let r = env.render_str(&format!("{{{{ 1 | {name} }}}}"), ());
            assert!(!matches!(&r, Err(e) if e.kind() == ErrorKind::UnknownFilter), "{name}: {r:?}");
        }
        for name in TESTS {
            let r = env.render_str(&format!("{{{{ 1 is {name} }}}}"), ());
            assert!(!matches!(&r, Err(e) if e.kind() == ErrorKind::UnknownTest), "{name}: {r:?}");
        }
        // Reached by name through `map` or `select`, bypassing the check: still not there.
        for name in ["tojson", "pprint", "format", "slice", "chain", "zip", "urlencode"] {
            let e = env.render_str(&format!("{{{{ [1]|map('{name}')|list }}}}"), ()).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::UnknownFilter, "{name}");
        }
        for name in ["dict", "namespace", "debug", "lipsum", "cycler", "joiner"] {
            let e = env.render_str(&format!("{{{{ {name}() }}}}"), ()).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::UnknownFunction, "{name}");
        }
    }

    /// The check reads minijinja's syntax tree (`unstable_machinery`, no semver promise): these
    /// pin the shapes it relies on, so an upgrade that changes them fails here first.
    #[test]
    fn the_syntax_tree_has_the_shapes_the_check_reads() {
        let whitespace =
            machinery::WhitespaceConfig { keep_trailing_newline: false, lstrip_blocks: true, trim_blocks: true };
        let tree = machinery::parse(
            "a\n{{ x ~ y }}{% set z %}{% endset %}{{ v[1:2] }}{{ [x] }}{{ f() }}{{ x|upper }}",
            "t",
            minijinja::syntax::SyntaxConfig,
            whitespace,
        )
        .unwrap();
        let ast::Stmt::Template(t) = &tree else { panic!("a template") };
        let kinds: Vec<&str> = t
            .children
            .iter()
            .map(|s| match s {
                ast::Stmt::EmitRaw(_) => "raw",
                ast::Stmt::EmitExpr(e) => match &e.expr {
                    ast::Expr::BinOp(b) if matches!(b.op, ast::BinOpKind::Concat) => "concat",
                    ast::Expr::Slice(_) => "slice",
                    ast::Expr::List(_) => "list",
                    ast::Expr::Call(c) if matches!(c.identify_call(), ast::CallType::Function("f")) => "call",
                    ast::Expr::Filter(f) if f.name == "upper" => "filter",
                    _ => "other expression",
                },
                ast::Stmt::SetBlock(_) => "capture",
                _ => "other statement",
            })
            .collect();
        assert_eq!(kinds, ["raw", "concat", "capture", "slice", "list", "call", "filter"]);
        let ast::Stmt::EmitExpr(e) = &t.children[1] else { panic!() };
        assert_eq!(e.expr.span().start_line, 2, "lines count from 1");
    }
}
