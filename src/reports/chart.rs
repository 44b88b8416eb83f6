//! Small charts drawn on the server as SVG: lines and (grouped) bars with a y axis of round
//! numbers, thinned x labels, a `<title>` on every point and bar (the browser shows it as a
//! tooltip), and an accessible name and summary. The same numbers come out as rows for a table
//! beside the chart, for screen readers and for anyone who wants the figures.
//!
//! No script and no inline style (the admin pages' Content-Security-Policy allows neither):
//! series are coloured by class (`s1`, `s2`, `s3` in web/static/app.css), and lines also differ
//! by dash pattern so colour is never the only cue. Every piece of text is escaped here, so the
//! markup can be placed in a page as it is.
//!
//! The words a chart writes itself (its summary, its tooltips) and its numbers follow the
//! language it is given ([`Chart::language`]; English when none), from the admin catalogue.

use serde::Serialize;

use crate::i18n::{args, Arg, Language};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Line,
    Bar,
}

/// What the values are, for axis labels and tooltips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Whole numbers.
    Count,
    /// Fractions (0.25 is 25%).
    Percent,
    /// Minor units (cents), shown in major units.
    Money,
}

impl Unit {
    /// A value as a person reads it: `1,234`, `12.5%`, `1,234.50` (`1.234`, `12,5 %`,
    /// `1.234,50` in German).
    pub fn format(&self, v: f64, lang: &Language) -> String {
        match self {
            Unit::Count => lang.number(v.round()),
            // Whole percentages without decimals, else one.
            Unit::Percent => percent_in(lang, lang.number((v * 1000.0).round() / 10.0)),
            Unit::Money => {
                let cents = v.round() as i64;
                let sign = if cents < 0 { "-" } else { "" };
                let whole = lang.number((cents.abs() / 100) as f64);
                format!("{sign}{whole}{}{:02}", lang.decimal_mark(), cents.abs() % 100)
            }
        }
    }

    /// An axis tick: no decimals unless the step needs them.
    fn tick(&self, v: f64, step: f64, lang: &Language) -> String {
        match self {
            Unit::Count => lang.number(v.round()),
            Unit::Percent if step < 0.01 => {
                percent_in(lang, format!("{:.1}", v * 100.0).replace('.', lang.decimal_mark()))
            }
            Unit::Percent => percent_in(lang, lang.number((v * 100.0).round())),
            Unit::Money => lang.number((v / 100.0).round()),
        }
    }

    /// The smallest step between ticks that makes sense.
    fn min_step(&self) -> f64 {
        match self {
            Unit::Count => 1.0,
            Unit::Percent => 0.001,
            Unit::Money => 100.0,
        }
    }
}

/// A percentage already written as a number ("12.5"), with its sign as the language puts it.
fn percent_in(lang: &Language, number: String) -> String {
    lang.text("format-percent", Some(&args([("value", Arg::Text(number))])))
}

/// `1234567` → `1,234,567`
pub fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// `0.1234` → `12.3%`; whole percentages without decimals.
pub fn percent(f: f64) -> String {
    let p = f * 100.0;
    if (p - p.round()).abs() < 0.05 {
        format!("{:.0}%", p)
    } else {
        format!("{:.1}%", p)
    }
}

/// Minor units in major units with two decimals: `4990` → `49.90`.
pub fn money(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let c = cents.unsigned_abs();
    format!("{sign}{}.{:02}", grouped((c / 100) as i64), c % 100)
}

/// One line, or one colour of bars. `None` is a gap (no data that day).
#[derive(Debug, Clone)]
pub struct Series {
    pub name: String,
    /// The name inside a sentence ("5 opens", "5 Öffnungen"), for tooltips; the name in lower
    /// case when not given.
    pub in_text: Option<String>,
    pub values: Vec<Option<f64>>,
}

impl Series {
    pub fn new(name: &str, values: impl IntoIterator<Item = f64>) -> Self {
        Self { name: name.to_string(), in_text: None, values: values.into_iter().map(Some).collect() }
    }

    pub fn sparse(name: &str, values: Vec<Option<f64>>) -> Self {
        Self { name: name.to_string(), in_text: None, values }
    }

    /// How the name reads inside a sentence: lower case is English's rule, not German's.
    pub fn in_text(mut self, words: &str) -> Self {
        self.in_text = Some(words.to_string());
        self
    }

    fn words(&self) -> String {
        self.in_text.clone().unwrap_or_else(|| self.name.to_lowercase())
    }
}

#[derive(Debug, Clone)]
pub struct Chart {
    /// Unique on the page: the accessible name and summary are referenced by id.
    pub id: String,
    /// The accessible name, and the table's caption.
    pub title: String,
    pub kind: Kind,
    pub unit: Unit,
    /// What the x axis counts ("Day", "Hour", "Campaign"), the table's first column.
    pub x_name: String,
    /// Short labels under the axis, one per position.
    pub labels: Vec<String>,
    /// Longer labels for tooltips and the table (the short ones when empty).
    pub long_labels: Vec<String>,
    pub series: Vec<Series>,
    /// Size in SVG units: a chart shown at half the page's width is drawn smaller, so its text
    /// comes out at the same size as a full-width chart's.
    pub width: f64,
    pub height: f64,
    /// The language of the summary, the tooltips and the numbers.
    pub lang: &'static Language,
    /// Bars only: an interval (low, high) per position, drawn as a whisker over the first
    /// series' bar (an A/B test's credible intervals).
    pub intervals: Vec<Option<(f64, f64)>>,
}

/// What a template needs: the markup, the legend and the table.
#[derive(Debug, Clone, Serialize)]
pub struct ChartView {
    pub id: String,
    /// `line` or `bar` (the legend draws its swatches to match).
    pub kind: &'static str,
    pub title: String,
    /// Escaped SVG, safe to place as it is.
    pub svg: String,
    pub legend: Vec<String>,
    pub x_name: String,
    pub rows: Vec<Row>,
    /// False when every value is zero or missing: the page says so instead of an empty chart.
    pub has_data: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub label: String,
    pub values: Vec<String>,
}

/// The default size in SVG units (the chart scales to its box; text keeps its proportion).
const W: f64 = 640.0;
const H: f64 = 220.0;
const LEFT: f64 = 52.0;
const RIGHT: f64 = 14.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 28.0;
/// Width of one character of the 11-unit axis font, and the gap kept between two labels.
const CHAR_W: f64 = 6.4;
const LABEL_GAP: f64 = 14.0;
/// Axis labels longer than this are cut (the tooltip and the table have them whole).
const LABEL_MAX: usize = 14;
/// Up to this many points a line shows a marker on each; past it the markers are invisible
/// (still there to hover for the tooltip), past [`HOVER_MAX`] there are none.
const MARKERS_SHOWN: usize = 40;
const HOVER_MAX: usize = 200;

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(max - 1).collect::<String>())
    }
}

/// A step of 1, 2 or 5 times a power of ten that divides `max` into about `ticks` parts.
fn nice_step(max: f64, ticks: f64, min: f64) -> f64 {
    if max <= 0.0 {
        return min;
    }
    let raw = max / ticks;
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let step = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    } * mag;
    step.max(min)
}

/// Keeps 3 significant decimals, so that 0.1 + 0.2 prints as 0.3 in coordinates.
fn px(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

impl Chart {
    pub fn new(id: &str, title: &str, kind: Kind, unit: Unit, x_name: &str, labels: Vec<String>) -> Self {
        Self {
            // An id is a token in `aria-labelledby`: letters, digits, `-` and `_` only.
            id: id.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_')).collect(),
            title: title.to_string(),
            kind,
            unit,
            x_name: x_name.to_string(),
            labels,
            long_labels: Vec::new(),
            series: Vec::new(),
            width: W,
            height: H,
            lang: crate::i18n::admin_catalogue().source(),
            intervals: Vec::new(),
        }
    }

    /// Whiskers over the first series' bars (see [`Chart::intervals`]).
    pub fn intervals(mut self, intervals: Vec<Option<(f64, f64)>>) -> Self {
        self.intervals = intervals;
        self
    }

    /// Writes the chart's own words and numbers in `lang`.
    pub fn language(mut self, lang: &'static Language) -> Self {
        self.lang = lang;
        self
    }

    pub fn size(mut self, width: f64, height: f64) -> Self {
        self.width = width.max(200.0);
        self.height = height.max(120.0);
        self
    }

    pub fn long_labels(mut self, long: Vec<String>) -> Self {
        self.long_labels = long;
        self
    }

    pub fn series(mut self, s: Series) -> Self {
        self.series.push(s);
        self
    }

    fn long(&self, i: usize) -> &str {
        self.long_labels.get(i).or_else(|| self.labels.get(i)).map(String::as_str).unwrap_or("")
    }

    fn max(&self) -> f64 {
        let highs = self.intervals.iter().flatten().map(|(_, high)| high);
        self.series.iter().flat_map(|s| s.values.iter().flatten()).chain(highs).fold(0.0, |a, b| a.max(*b))
    }

    pub fn has_data(&self) -> bool {
        self.series.iter().flat_map(|s| s.values.iter().flatten()).any(|v| *v != 0.0)
    }

    /// The summary read out after the name: the range and each series' total or highest point.
    fn summary(&self) -> String {
        let lang = self.lang;
        let text = |key: &str, pairs: Vec<(&str, String)>| {
            lang.text(key, Some(&args(pairs.into_iter().map(|(k, v)| (k, Arg::Text(v))))))
        };
        let n = self.labels.len();
        let mut out = match (self.labels.first(), n) {
            (None, _) => lang.text("cm-chart-no-data", None),
            (Some(_), 1) => text("cm-chart-one", vec![("axis", self.x_name.clone()), ("label", self.long(0).into())]),
            (Some(_), _) => text(
                "cm-chart-range",
                vec![("axis", self.x_name.clone()), ("first", self.long(0).into()), ("last", self.long(n - 1).into())],
            ),
        };
        for s in &self.series {
            let best = s.values.iter().enumerate().filter_map(|(i, v)| v.map(|v| (i, v))).fold(
                None,
                |acc: Option<(usize, f64)>, (i, v)| match acc {
                    Some((_, b)) if b >= v => acc,
                    _ => Some((i, v)),
                },
            );
            let name = ("series", s.name.clone());
            let sentence = match (best, self.unit) {
                (Some((i, v)), Unit::Percent) => text(
                    "cm-chart-highest",
                    vec![name, ("value", self.unit.format(v, lang)), ("label", self.long(i).into())],
                ),
                (Some((i, v)), _) => {
                    let total: f64 = s.values.iter().flatten().sum();
                    text(
                        "cm-chart-total",
                        vec![
                            name,
                            ("total", self.unit.format(total, lang)),
                            ("value", self.unit.format(v, lang)),
                            ("label", self.long(i).into()),
                        ],
                    )
                }
                (None, _) => text("cm-chart-series-no-data", vec![name]),
            };
            out.push(' ');
            out.push_str(&sentence);
        }
        out
    }

    pub fn svg(&self) -> String {
        let n = self.labels.len();
        let (w, h) = (self.width, self.height);
        let widest = self.labels.iter().map(|l| cut(l, LABEL_MAX).chars().count()).max().unwrap_or(1) as f64;
        // A line's last label is centred on the right edge of the plot: leave it room.
        let right = if self.kind == Kind::Line { RIGHT.max(widest * CHAR_W / 2.0) } else { RIGHT };
        let (pw, ph) = (w - LEFT - right, h - TOP - BOTTOM);
        let step = nice_step(self.max(), 4.0, self.unit.min_step());
        let top = (self.max() / step).ceil().max(1.0) * step;
        let y = |v: f64| TOP + ph - (v / top) * ph;
        let id = escape(&self.id);
        let mut s = String::with_capacity(4096);
        s.push_str(&format!(
            "<svg class=\"plot {kind}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" \
             xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{id}-t\">{title}</title><desc id=\"{id}-d\">{desc}</desc>",
            kind = if self.kind == Kind::Line { "line" } else { "bar" },
            title = escape(&self.title),
            desc = escape(&self.summary()),
        ));
        // The y axis: gridlines at round values, labelled on the left.
        let ticks = (top / step).round() as usize;
        for i in 0..=ticks {
            let v = i as f64 * step;
            let yy = y(v);
            s.push_str(&format!(
                "<line class=\"grid\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/><text class=\"ylab\" x=\"{}\" y=\"{}\">{}</text>",
                px(LEFT),
                px(yy),
                px(w - right),
                px(yy),
                px(LEFT - 6.0),
                px(yy + 4.0),
                escape(&self.unit.tick(v, step, self.lang))
            ));
        }
        s.push_str(&format!(
            "<line class=\"axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            px(LEFT),
            px(TOP + ph),
            px(w - right),
            px(TOP + ph)
        ));
        if n == 0 {
            s.push_str("</svg>");
            return s;
        }
        // Where each position sits: points spread edge to edge for lines, centred in a band
        // for bars.
        let band = pw / n as f64;
        let x = |i: usize| match self.kind {
            Kind::Line if n == 1 => LEFT + pw / 2.0,
            Kind::Line => LEFT + i as f64 * pw / (n - 1) as f64,
            Kind::Bar => LEFT + band * (i as f64 + 0.5),
        };
        // As many labels as fit without touching; always the last one (today, the newest).
        let room = match self.kind {
            Kind::Line if n > 1 => pw / (n - 1) as f64,
            _ => band,
        };
        let every = ((widest * CHAR_W + LABEL_GAP) / room).ceil().max(1.0) as usize;
        for (i, label) in self.labels.iter().enumerate() {
            if (n - 1 - i) % every != 0 {
                continue;
            }
            s.push_str(&format!(
                "<text class=\"xlab\" x=\"{}\" y=\"{}\">{}</text>",
                px(x(i)),
                px(h - 10.0),
                escape(&cut(label, LABEL_MAX))
            ));
        }
        match self.kind {
            Kind::Line => self.lines(&mut s, &x, &y),
            Kind::Bar => self.bars(&mut s, band, &x, &y),
        }
        s.push_str("</svg>");
        s
    }

    fn tip(&self, i: usize, series: &Series, v: f64) -> String {
        let pairs = [
            ("label", Arg::Text(self.long(i).into())),
            ("value", Arg::Text(self.unit.format(v, self.lang))),
            ("series", Arg::Text(series.words())),
        ];
        escape(&self.lang.text("cm-chart-tip", Some(&args(pairs))))
    }

    fn lines(&self, s: &mut String, x: &dyn Fn(usize) -> f64, y: &dyn Fn(f64) -> f64) {
        for (k, series) in self.series.iter().enumerate() {
            let class = format!("s{}", k % 3 + 1);
            let mut d = String::new();
            let mut pen_down = false;
            for (i, v) in series.values.iter().enumerate() {
                match v {
                    Some(v) => {
                        d.push_str(&format!("{}{} {} ", if pen_down { "L" } else { "M" }, px(x(i)), px(y(*v))));
                        pen_down = true;
                    }
                    None => pen_down = false,
                }
            }
            if !d.is_empty() {
                s.push_str(&format!("<path class=\"{class}\" d=\"{}\"/>", d.trim_end()));
            }
            let lone = |i: usize| {
                let gap = |j: Option<usize>| j.and_then(|j| series.values.get(j)).is_none_or(|v| v.is_none());
                gap(i.checked_sub(1)) && gap(Some(i + 1))
            };
            let many = series.values.len();
            for (i, v) in series.values.iter().enumerate() {
                let Some(v) = v else { continue };
                // A point alone between gaps has no line to show it: it always gets a marker.
                let alone = lone(i);
                if many > HOVER_MAX && !alone {
                    continue;
                }
                // Zeros, and every point of a long line, get an invisible marker: the tooltip
                // is still there to hover, without beads along the line.
                let hidden = !alone && (*v == 0.0 || many > MARKERS_SHOWN);
                let (extra, r) = if hidden { (" z", 4) } else { ("", 3) };
                s.push_str(&format!(
                    "<circle class=\"{class}{extra}\" cx=\"{}\" cy=\"{}\" r=\"{r}\"><title>{}</title></circle>",
                    px(x(i)),
                    px(y(*v)),
                    self.tip(i, series, *v)
                ));
            }
        }
    }

    fn bars(&self, s: &mut String, band: f64, x: &dyn Fn(usize) -> f64, y: &dyn Fn(f64) -> f64) {
        let k = self.series.len().max(1) as f64;
        let group = (band * 0.7).min(28.0 * k);
        let width = group / k;
        let base = y(0.0);
        for i in 0..self.labels.len() {
            for (j, series) in self.series.iter().enumerate() {
                let Some(v) = series.values.get(i).copied().flatten() else { continue };
                let top = y(v);
                let left = x(i) - group / 2.0 + j as f64 * width;
                s.push_str(&format!(
                    "<rect class=\"s{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}</title></rect>",
                    j % 3 + 1,
                    px(left + 0.5),
                    px(top),
                    px((width - 1.0).max(1.0)),
                    px(base - top),
                    self.tip(i, series, v)
                ));
                if let (0, Some((low, high))) = (j, self.intervals.get(i).copied().flatten()) {
                    let (mid, cap) = (left + width / 2.0, (width / 4.0).min(6.0));
                    let (yl, yh) = (px(y(low)), px(y(high)));
                    s.push_str(&format!(
                        "<path class=\"interval\" d=\"M{} {yh} H{} M{} {yh} V{yl} M{} {yl} H{}\"/>",
                        px(mid - cap),
                        px(mid + cap),
                        px(mid),
                        px(mid - cap),
                        px(mid + cap),
                    ));
                }
            }
        }
    }

    pub fn view(&self) -> ChartView {
        let rows = (0..self.labels.len())
            .map(|i| Row {
                label: self.long(i).to_string(),
                values: self
                    .series
                    .iter()
                    .map(|s| {
                        s.values
                            .get(i)
                            .copied()
                            .flatten()
                            .map_or_else(|| "—".to_string(), |v| self.unit.format(v, self.lang))
                    })
                    .collect(),
            })
            .collect();
        ChartView {
            id: self.id.clone(),
            kind: if self.kind == Kind::Line { "line" } else { "bar" },
            title: self.title.clone(),
            svg: self.svg(),
            legend: self.series.iter().map(|s| s.name.clone()).collect(),
            x_name: self.x_name.clone(),
            rows,
            has_data: self.has_data(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(n: usize) -> Vec<String> {
        (1..=n).map(|d| format!("{d:02} Nov")).collect()
    }

    #[test]
    fn text_is_escaped_everywhere_and_nothing_runs() {
        let evil = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>";
        let svg = Chart::new(evil, evil, Kind::Bar, Unit::Count, evil, vec![evil.into(), "b".into()])
            .series(Series::new(evil, [1.0, 2.0]))
            .svg();
        assert!(svg.contains("&lt;script&gt;"));
        // Every tag is one the chart draws; no attribute but those it writes.
        let tags = ["svg", "title", "desc", "line", "text", "rect", "circle", "path"];
        for part in svg.split('<').skip(1) {
            let name = part.trim_start_matches('/').split([' ', '>']).next().unwrap();
            assert!(tags.contains(&name), "unexpected <{name} in {svg}");
        }
        let attrs = [
            "class",
            "viewBox",
            "role",
            "aria-labelledby",
            "xmlns",
            "id",
            "x",
            "y",
            "x1",
            "y1",
            "x2",
            "y2",
            "width",
            "height",
            "d",
            "cx",
            "cy",
            "r",
        ];
        for tag in svg.split('<').skip(1).map(|p| p.split('>').next().unwrap()) {
            let mut rest = tag.split_once(' ').map_or("", |(_, r)| r).trim_end_matches('/');
            while let Some((name, after)) = rest.split_once("=\"") {
                assert!(attrs.contains(&name.trim()), "attribute {name} in <{tag}>");
                rest = after.split_once('"').unwrap().1.trim_start();
            }
        }
        assert!(svg.contains("aria-labelledby=\"scriptalert1scriptimgsrcxonerroralert1-t "), "ids are tokens: {svg}");
    }

    #[test]
    fn axis_ticks_are_round_and_cover_the_highest_value() {
        assert_eq!(nice_step(37.0, 4.0, 1.0), 10.0);
        assert_eq!(nice_step(3.0, 4.0, 1.0), 1.0);
        assert_eq!(nice_step(0.0, 4.0, 1.0), 1.0);
        assert_eq!(nice_step(0.37, 4.0, 0.001), 0.1);
        assert_eq!(nice_step(1234.0, 4.0, 1.0), 500.0);
        let svg = Chart::new("c", "t", Kind::Line, Unit::Count, "Day", days(3))
            .series(Series::new("Opens", [0.0, 37.0, 5.0]))
            .svg();
        for tick in [">0<", ">10<", ">20<", ">30<", ">40<"] {
            assert!(svg.contains(tick), "{tick} in {svg}");
        }
        let pct = Chart::new("p", "t", Kind::Bar, Unit::Percent, "Campaign", days(2))
            .series(Series::new("Open rate", [0.25, 0.5]));
        assert!(pct.svg().contains(">60%<"), "{}", pct.svg());
        assert_eq!(pct.view().rows[0].values, ["25%"]);
    }

    #[test]
    fn labels_are_thinned_so_they_do_not_touch_and_the_last_is_kept() {
        let svg = Chart::new("c", "t", Kind::Line, Unit::Count, "Day", days(30))
            .series(Series::new("Opens", (0..30).map(f64::from)))
            .svg();
        let shown = svg.matches("class=\"xlab\"").count();
        assert!((4..=12).contains(&shown), "{shown} labels");
        assert!(svg.contains(">30 Nov<"), "the newest day is labelled");
        let one = Chart::new("c", "t", Kind::Line, Unit::Count, "Day", days(1)).series(Series::new("Opens", [4.0]));
        assert!(one.svg().contains("<circle"), "a single point still shows");
    }

    #[test]
    fn gaps_break_the_line_and_the_table_shows_them() {
        let c = Chart::new("g", "t", Kind::Line, Unit::Count, "Day", days(4))
            .series(Series::sparse("Subscribed", vec![Some(10.0), None, Some(12.0), Some(13.0)]));
        let svg = c.svg();
        let d = svg.split(" d=\"").nth(1).unwrap().split('"').next().unwrap();
        assert_eq!(d.matches('M').count(), 2, "two runs of line around the gap: {d}");
        let v = c.view();
        assert_eq!(v.rows[1].values, ["—"]);
        assert!(v.has_data);
        assert!(
            svg.contains(
                "<desc id=\"g-d\">Day from 01 Nov to 04 Nov. Subscribed: 35 in all, at most 13 (04 Nov).</desc>"
            ),
            "{svg}"
        );
    }

    #[test]
    fn a_chart_given_german_says_its_summary_tooltips_and_numbers_in_german() {
        let de = crate::i18n::admin_catalogue().get("de");
        let labels = vec!["01. Nov".to_string(), "02. Nov".to_string()];
        let c = Chart::new("g", "Öffnungen pro Tag", Kind::Bar, Unit::Count, "Tag (UTC)", labels)
            .language(de)
            .series(Series::new("Öffnungen", [1200.0, 3.0]).in_text("Öffnungen"));
        let svg = c.svg();
        assert!(
            svg.contains(
                "<desc id=\"g-d\">Tag (UTC) von 01. Nov bis 02. Nov. Öffnungen: insgesamt 1.203, Höchstwert 1.200 (01. Nov).</desc>"
            ),
            "{svg}"
        );
        assert!(svg.contains("<title>01. Nov: 1.200 Öffnungen</title>"), "{svg}");
        let pct = Chart::new("p", "t", Kind::Bar, Unit::Percent, "Kampagne", vec!["a".into()])
            .language(de)
            .series(Series::new("Öffnungsrate", [0.125]));
        assert_eq!(pct.view().rows[0].values, ["12,5 %"]);
        assert!(pct.svg().contains(">15 %<"), "{}", pct.svg());
        assert!(pct.svg().contains("Öffnungsrate: Höchstwert 12,5 % (a)."), "{}", pct.svg());
        let none = Chart::new("n", "t", Kind::Line, Unit::Count, "Tag", vec![]).language(de);
        assert!(none.svg().contains(">Keine Daten.</desc>"), "{}", none.svg());
    }

    #[test]
    fn numbers_read_well() {
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(grouped(-1200), "-1,200");
        assert_eq!(money(4990), "49.90");
        assert_eq!(money(123_456_789), "1,234,567.89");
        assert_eq!(percent(0.5), "50%");
        assert_eq!(percent(0.1234), "12.3%");
        assert_eq!(percent(1.0 / 3.0), "33.3%");
    }
}
