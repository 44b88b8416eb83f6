//! A scoring model in words, in the staff member's language: the records of processing
//! (profiling's logic, Art. 30), the list of models and a contact's breakdown. The API keeps
//! `Model::describe` (English, as documented); a field rule's operator is said the way a
//! segment's condition says it ([`segment_words::op_words`]).

use crate::domain::score::{Model, On, Rule};
use crate::i18n::{args, Arg, Language};

use super::segment_words::{self, Names};

fn say(ui: &Language, key: &str, pairs: Vec<(&str, Arg)>) -> String {
    ui.text(key, Some(&args(pairs)))
}

/// Points with their sign, as the language writes the number ("+5", "−2,5").
fn points(ui: &Language, n: f64) -> String {
    if n > 0.0 {
        format!("+{}", ui.number(n))
    } else {
        ui.number(n)
    }
}

/// What a rule counts ("clicked a link containing “/pricing”").
fn counts(ui: &Language, names: &Names, on: &On) -> String {
    let quoted = |s: &str| segment_words::quoted(ui, s);
    match on {
        On::Opened => ui.text("cm-score-words-opened", None),
        On::Clicked { url: None } => ui.text("cm-score-words-clicked", None),
        On::Clicked { url: Some(u) } => say(ui, "cm-score-words-clicked-url", vec![("url", Arg::from(quoted(u)))]),
        On::PageViewed { url } => say(ui, "cm-score-words-page-viewed", vec![("url", Arg::from(quoted(url)))]),
        On::Custom { name, properties } if properties.is_empty() => {
            say(ui, "cm-score-words-custom", vec![("name", Arg::from(quoted(name)))])
        }
        On::Custom { name, properties } => {
            let props: Vec<String> = properties
                .iter()
                .map(|(k, v)| {
                    say(
                        ui,
                        "cm-score-words-property",
                        vec![("key", Arg::from(k.clone())), ("value", Arg::from(quoted(v)))],
                    )
                })
                .collect();
            say(
                ui,
                "cm-score-words-custom-where",
                vec![("name", Arg::from(quoted(name))), ("properties", Arg::from(props.join(", ")))],
            )
        }
        On::FormSubmitted { form: None } => ui.text("cm-score-words-form-any", None),
        On::FormSubmitted { form: Some(f) } => say(ui, "cm-score-words-form", vec![("form", Arg::from(f.clone()))]),
        On::Ordered { .. } => ui.text("cm-score-words-ordered", None),
        On::Field { field, kind, op } => say(
            ui,
            "cm-score-words-field",
            vec![
                ("field", Arg::from(names.field(ui, field))),
                ("op", Arg::from(segment_words::op_words(ui, op, *kind))),
            ],
        ),
        On::Unsubscribed => ui.text("cm-score-words-unsubscribed", None),
        On::Bounced => ui.text("cm-score-words-bounced", None),
    }
}

/// A rule in words: what it counts, its points, its cap.
pub fn rule_words(ui: &Language, names: &Names, r: &Rule) -> String {
    let what = counts(ui, names, &r.on);
    let mut s = match &r.on {
        On::Ordered { per_unit: Some(p) } => say(
            ui,
            "cm-score-words-points-per-unit",
            vec![
                ("what", Arg::from(what)),
                ("points", Arg::from(points(ui, r.points))),
                ("per_unit", Arg::from(points(ui, *p))),
            ],
        ),
        _ => say(
            ui,
            "cm-score-words-points",
            vec![("what", Arg::from(what)), ("points", Arg::from(points(ui, r.points)))],
        ),
    };
    if let Some(c) = &r.cap {
        s = say(
            ui,
            "cm-score-words-cap",
            vec![
                ("rule", Arg::from(s)),
                ("points", Arg::from(ui.number(c.points))),
                ("days", Arg::Number(f64::from(c.days))),
            ],
        );
    }
    s
}

/// A model in words: its name and key, its rules, its half-life.
pub fn model_words(ui: &Language, names: &Names, m: &Model) -> String {
    let rules: Vec<String> = m.rules.iter().map(|r| rule_words(ui, names, r)).collect();
    say(
        ui,
        "cm-score-words-model",
        vec![
            ("name", Arg::from(m.name.clone())),
            ("key", Arg::from(m.key.clone())),
            ("rules", Arg::from(rules.join("; "))),
            ("days", Arg::from(ui.number(m.half_life_days))),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> Model {
        let v = serde_json::json!({"key": "intent", "name": "Intent", "half_life_days": 30, "rules": [
            {"on": "clicked", "url": "/pricing", "points": 5, "cap": {"points": 30, "days": 7}},
            {"on": "ordered", "points": 10, "per_unit": 0.5},
            {"on": "field", "field": "status", "op": "equals", "value": "subscribed", "points": 2},
            {"on": "bounced", "points": -40},
        ]});
        Model::parse(&v, &|_| None).unwrap()
    }

    /// Every rule in German, with the operator said as a segment says it; nothing English left.
    #[test]
    fn a_model_reads_in_the_staff_members_language() {
        let names = Names::of_fields(&[]);
        let c = crate::i18n::admin_catalogue();
        let de = model_words(c.get("de"), &names, &model());
        for english in ["clicked", "ordered", "field", "bounced", "points", "every", "days"] {
            assert!(!de.contains(english), "{english} in {de}");
        }
        assert!(de.contains("„/pricing“") && de.contains("30 Tage"), "{de}");
        let en = model_words(c.get("en"), &names, &model());
        assert!(
            en.contains("containing “/pricing” (where engagement may be measured): +5 points, at most 30 per 7"),
            "{en}"
        );
        assert!(en.contains("+10 points and +0.5 per unit"), "{en}");
    }
}
