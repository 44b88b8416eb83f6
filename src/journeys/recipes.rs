//! Ready-made journeys to start from. Each is a draft: a recipe that needs something only the
//! shop knows (a segment, a form) leaves it for the editor to fill in, and says so.

use serde_json::{json, Value};

/// A recipe: its key, its name and what it does (admin catalogue keys), and its definition.
pub struct Recipe {
    pub key: &'static str,
    pub name: &'static str,
    pub about: &'static str,
    pub definition: fn() -> Value,
}

pub const RECIPES: &[Recipe] = &[
    Recipe { key: "welcome", name: "jr-recipe-welcome", about: "jr-recipe-welcome-about", definition: welcome },
    Recipe { key: "abandoned_cart", name: "jr-recipe-cart", about: "jr-recipe-cart-about", definition: abandoned_cart },
    Recipe {
        key: "post_purchase",
        name: "jr-recipe-post-purchase",
        about: "jr-recipe-post-purchase-about",
        definition: post_purchase,
    },
    Recipe { key: "birthday", name: "jr-recipe-birthday", about: "jr-recipe-birthday-about", definition: birthday },
    Recipe { key: "win_back", name: "jr-recipe-win-back", about: "jr-recipe-win-back-about", definition: win_back },
    Recipe {
        key: "re_permission",
        name: "jr-recipe-re-permission",
        about: "jr-recipe-re-permission-about",
        definition: re_permission,
    },
];

pub fn find(key: &str) -> Option<&'static Recipe> {
    RECIPES.iter().find(|r| r.key == key)
}

fn send(subject: &str, body: &str, next: &str) -> Value {
    json!({"send": {"subject": subject, "body": body, "preheader": "", "sender": "", "purpose": "newsletter"}, "next": next})
}

fn welcome() -> Value {
    json!({
        "triggers": [{"form_confirmed": null}],
        "start": "hello",
        "steps": {
            "hello": send("Welcome, {{ first_name }}!", "Thank you for signing up. Here is what to expect from us.", "two_days"),
            "two_days": {"wait": {"days": 2, "hours": 0, "minutes": 0}, "next": "morning"},
            "morning": {"wait_until": {"time": "09:00", "weekdays": ["mon", "tue", "wed", "thu", "fri"]}, "next": "tips"},
            "tips": send("Getting the most out of our shop", "A few things our customers like best.", "done"),
            "done": {"exit": true}
        },
        "rules": {"reentry": "never", "quiet_hours": {"from": "21:00", "to": "08:00"}},
        "goal": null
    })
}

fn abandoned_cart() -> Value {
    json!({
        "triggers": [{"event": {"kind": "custom", "name": "cart_added"}}],
        "start": "wait_order",
        "steps": {
            "wait_order": {"wait_for": {"event": {"kind": "order"}, "timeout": {"days": 0, "hours": 1, "minutes": 0}}, "yes": "done", "no": "reminder"},
            "reminder": send("You left something in your cart", "Your cart is waiting for you.", "wait_again"),
            "wait_again": {"wait_for": {"event": {"kind": "order"}, "timeout": {"days": 1, "hours": 0, "minutes": 0}}, "yes": "done", "no": "last_call"},
            "last_call": send("Still thinking it over?", "Your cart is still here, {{ first_name }}.", "done"),
            "done": {"exit": true}
        },
        "rules": {"reentry": {"cooldown_days": 1}, "quiet_hours": {"from": "21:00", "to": "08:00"}},
        "goal": {"event": {"kind": "order"}}
    })
}

fn post_purchase() -> Value {
    json!({
        "triggers": [{"event": {"kind": "order"}}],
        "start": "a_week",
        "steps": {
            "a_week": {"wait": {"days": 7, "hours": 0, "minutes": 0}, "next": "cross_sell"},
            "cross_sell": send("Goes well with your order", "Customers who bought this also liked these.", "done"),
            "done": {"exit": true}
        },
        "rules": {"reentry": "always", "dedupe_property": "order_id", "frequency_cap": {"max": 2, "hours": 24, "then": "defer"}},
        "goal": null
    })
}

fn birthday() -> Value {
    json!({
        "triggers": [{"date": {"field": "birthday", "anniversary": true, "offset_days": 0, "at": "09:00"}}],
        "start": "wishes",
        "steps": {
            "wishes": send("Happy birthday, {{ first_name }}!", "A little present from us.", "done"),
            "done": {"exit": true}
        },
        // Every year (the trigger enters each contact once per date).
        "rules": {"reentry": "always"},
        "goal": null
    })
}

fn win_back() -> Value {
    json!({
        "triggers": [{"segment_entered": ""}],
        "start": "miss_you",
        "steps": {
            "miss_you": send("We miss you, {{ first_name }}", "It has been a while. Here is what is new.", "wait_click"),
            "wait_click": {"wait_for": {"event": {"kind": "click"}, "timeout": {"days": 14, "hours": 0, "minutes": 0}}, "yes": "done", "no": "offer"},
            "offer": send("A welcome-back offer", "Come back and save on your next order.", "done"),
            "done": {"exit": true}
        },
        "rules": {"reentry": {"cooldown_days": 180}},
        "goal": {"event": {"kind": "order"}}
    })
}

fn re_permission() -> Value {
    json!({
        "triggers": [{"manual": true}],
        "start": "ask",
        "steps": {
            "ask": send("Do you still want to hear from us?", "Click the link in this mail to keep receiving our newsletter.", "wait_click"),
            "wait_click": {"wait_for": {"event": {"kind": "click"}, "timeout": {"days": 14, "hours": 0, "minutes": 0}}, "yes": "done", "no": "mark"},
            "mark": {"update": {"add_tags": ["lapsed"], "remove_tags": [], "add_lists": [], "remove_lists": [], "set_fields": {}}, "next": "done"},
            "done": {"exit": true}
        },
        "rules": {"reentry": "never"},
        "goal": null
    })
}
