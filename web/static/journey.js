// The journey editor: the draft's steps as cards in a branching list, edited without touching
// JSON. It edits the same JSON the API takes (the form's `definition` field, kept up to date),
// asks the API what stands between the draft and publishing (the server's checks are the only
// ones), and saves through the API with the page's session. Without this file the JSON is
// edited by hand. Every word shown comes from the page (the staff member's language).
"use strict";
(function () {
  var catEl = document.getElementById("journey-catalogue");
  var textarea = document.getElementById("definition");
  var root = document.getElementById("journey-editor");
  var form = document.getElementById("journey-form");
  if (!catEl || !textarea || !root || !form || !window.fetch) return;
  var cat = JSON.parse(catEl.textContent);
  var W = cat.words;
  var KINDS = ["send", "wait", "wait_until", "wait_until_date", "wait_for", "condition", "split", "update", "notify", "exit"];
  var LINEAR = ["send", "wait", "wait_until", "wait_until_date", "update", "notify"];
  var TRIGGERS = ["segment_entered", "segment_exited", "event", "form_submitted", "form_confirmed", "consent_granted", "tag_added", "date", "schedule", "manual"];
  var EVENTS = ["", "open", "click", "page_view", "custom", "order"];
  var status = document.getElementById("editor-status");
  var box = document.getElementById("json-box");
  var def = null;
  var problems = [];
  var checkTimer = null, asked = 0;

  // ---- small helpers

  function t(key, vars) {
    var s = W[key] || key;
    Object.keys(vars || {}).forEach(function (k) { s = s.split("@" + k + "@").join(vars[k]); });
    return s;
  }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") e.textContent = attrs[k];
      else if (k === "class") e.className = attrs[k];
      else if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) e.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }
  function fid() {
    return "ed-" + Array.prototype.slice.call(arguments).join("-").replace(/[^a-zA-Z0-9_-]/g, "_");
  }
  function field(id, label, control, wide) {
    control.id = id;
    return el("div", { class: "ed-field" + (wide ? " wide" : "") }, [el("label", { for: id, text: label }), control]);
  }
  function input(type, value, onInput, attrs) {
    var i = el("input", Object.assign({ type: type }, attrs || {}));
    i.value = value === undefined || value === null ? "" : String(value);
    i.addEventListener("input", function () { onInput(i.value, i); });
    return i;
  }
  function text(id, label, value, onInput, attrs, wide) { return field(id, label, input("text", value, onInput, attrs), wide); }
  function number(id, label, value, onInput, attrs) {
    return field(id, label, input("number", value, function (v) { onInput(v === "" ? 0 : Number(v)); }, Object.assign({ class: "narrow", step: "1" }, attrs || {})));
  }
  function time(id, label, value, onInput) { return field(id, label, input("time", value, onInput, { class: "narrow" })); }
  function area(id, label, value, onInput, rows) {
    var a = el("textarea", { rows: String(rows || 4) });
    a.value = value || "";
    a.addEventListener("input", function () { onInput(a.value, a); });
    return field(id, label, a, true);
  }
  function select(options, value, onChange) {
    var s = el("select");
    options.forEach(function (o) { s.appendChild(el("option", { value: o.value, text: o.label })); });
    s.value = value === null || value === undefined ? "" : String(value);
    s.addEventListener("change", function () { onChange(s.value); });
    return s;
  }
  function choice(id, label, options, value, onChange) { return field(id, label, select(options, value, onChange)); }
  function check(id, label, checked, onChange) {
    var c = el("input", { type: "checkbox", id: id });
    c.checked = !!checked;
    c.addEventListener("change", function () { onChange(c.checked); });
    return el("label", { class: "check ed-check", for: id }, [c, " " + label]);
  }
  function button(label, onClick, attrs) {
    var b = el("button", Object.assign({ type: "button", class: "small", text: label }, attrs || {}));
    b.addEventListener("click", onClick);
    return b;
  }
  function row(children, cls) { return el("div", { class: "ed-row" + (cls ? " " + cls : "") }, children); }
  function withChoose(list) { return [{ value: "", label: W.choose }].concat(list); }
  function purposeOptions() { return withChoose(cat.purposes.map(function (p) { return { value: p.key, label: p.name }; })); }
  function segmentOptions() { return withChoose(cat.segments.map(function (s) { return { value: s.id, label: s.name }; })); }
  function say(message) { status.className = "editor-status"; status.textContent = message; }

  // ---- the definition

  function kindOf(step) {
    for (var i = 0; i < KINDS.length; i++) if (step && Object.prototype.hasOwnProperty.call(step, KINDS[i])) return KINDS[i];
    return "";
  }
  function freshId(kind) {
    var base = kind.replace(/[^a-z0-9_-]/g, "_"), n = 1, id = base;
    while (def.steps[id]) { n += 1; id = base + "_" + n; }
    return id;
  }
  function fresh(kind, next) {
    var span = function (d, h) { return { days: d, hours: h, minutes: 0 }; };
    switch (kind) {
      case "send": return { send: { subject: "", body: "", preheader: "", sender: "", purpose: "" }, next: next };
      case "wait": return { wait: span(1, 0), next: next };
      case "wait_until": return { wait_until: { time: "09:00", weekdays: [] }, next: next };
      case "wait_until_date": return { wait_until_date: { field: cat.date_fields.length ? cat.date_fields[0].key : "", offset_days: 0, time: "09:00", anniversary: true }, next: next };
      case "wait_for": return { wait_for: { event: { kind: "order" }, timeout: span(1, 0) }, yes: next, no: next };
      case "condition": return { condition: { branches: [{ filter: freshFilter(cat.segments.length ? "segment" : "tag"), next: next, label: "" }], else: next } };
      case "split": return { split: [{ percent: 50, next: next, label: "A", holdout: false }, { percent: 50, next: next, label: "B", holdout: false }] };
      case "update": return { update: { add_tags: [], remove_tags: [], add_lists: [], remove_lists: [], set_fields: {} }, next: next };
      case "notify": return { notify: { to: "", subject: "", text: "" }, next: next };
    }
    return { exit: true };
  }
  function freshFilter(mode) {
    if (mode === "segment") return { all: [{ segment: cat.segments.length ? cat.segments[0].id : "", member: true }] };
    if (mode === "tag") return { all: [{ field: "tags", op: "contains", value: "" }] };
    return { all: [] };
  }
  function filterMode(f) {
    var only = f && Array.isArray(f.all) && f.all.length === 1 && Object.keys(f).length === 1 ? f.all[0] : null;
    if (only && "segment" in only && only.member !== false) return "segment";
    if (only && only.field === "tags" && only.op === "contains") return "tag";
    return "json";
  }

  // The ways out of a step, each with its words and a getter and setter of the step it leads to.
  function ways(id) {
    var s = def.steps[id], kind = kindOf(s), out = [];
    var way = function (label, obj, key) { out.push({ label: label, get: function () { return obj[key]; }, set: function (v) { obj[key] = v; } }); };
    if (LINEAR.indexOf(kind) >= 0) way(W["way-then"], s, "next");
    else if (kind === "wait_for") { way(W["way-comes"], s, "yes"); way(W["way-timeout"], s, "no"); }
    else if (kind === "condition") {
      var c = s.condition || {};
      (c.branches || []).forEach(function (b, i) { way(t("way-if", { label: b.label || t("branch-n", { n: i + 1 }) }), b, "next"); });
      way(W["way-otherwise"], c, "else");
    } else if (kind === "split") {
      (s.split || []).forEach(function (a, i) { way(t("way-arm", { label: a.label || t("arm-n", { n: i + 1 }), percent: a.percent }), a, "next"); });
    }
    return out;
  }
  function targets(id) {
    var seen = [];
    ways(id).forEach(function (w) { if (seen.indexOf(w.get()) < 0) seen.push(w.get()); });
    return seen;
  }
  // Every reference to `id`: the start, and each way of each step.
  function refsTo(id) {
    var out = [];
    if (def.start === id) out.push({ from: null, set: function (v) { def.start = v; } });
    Object.keys(def.steps).forEach(function (k) {
      ways(k).forEach(function (w) { if (w.get() === id) out.push({ from: k, set: w.set }); });
    });
    return out;
  }

  function insert(at, kind) {
    var id = freshId(kind);
    def.steps[id] = fresh(kind, at.get());
    at.set(id);
    changed(true, fid("card", id));
    say(t("added", { step: id }));
  }
  function removeStep(id) {
    if (Object.keys(def.steps).length <= 1) return refuse(id, W["refuse-last"]);
    var next = targets(id);
    if (next.indexOf(id) >= 0) return refuse(id, W["refuse-loop"]);
    if (next.length > 1) return refuse(id, W["refuse-branches"]);
    var refs = refsTo(id).filter(function (r) { return r.from !== id; });
    if (!next.length && refs.length) return refuse(id, W["refuse-exit"]);
    refs.forEach(function (r) { r.set(next[0]); });
    delete def.steps[id];
    changed(true, null);
    say(t("removed", { step: id }));
  }
  function refuse(id, message) {
    var slot = document.getElementById(fid("refusal", id));
    if (slot) { slot.textContent = message; slot.hidden = false; slot.focus(); }
  }
  // A step moves up past the one before it when both go straight on and nothing else leads to it.
  function predecessor(id) {
    var s = def.steps[id];
    if (!s || LINEAR.indexOf(kindOf(s)) < 0) return null;
    var refs = refsTo(id);
    if (refs.length !== 1 || !refs[0].from) return null;
    var p = refs[0].from, ps = def.steps[p];
    if (LINEAR.indexOf(kindOf(ps)) < 0 || ps.next !== id || s.next === p) return null;
    return p;
  }
  function moveUp(id) {
    var p = predecessor(id);
    if (!p) return;
    var s = def.steps[id], ps = def.steps[p];
    refsTo(p).forEach(function (r) { r.set(id); });
    ps.next = s.next;
    s.next = p;
    changed(true, fid("card", id));
  }

  // ---- drawing

  function problemsAt(prefix) {
    return problems.filter(function (p) { return p.path === prefix || p.path.indexOf(prefix + ".") === 0 || p.path.indexOf(prefix + "[") === 0; });
  }
  function problemList(prefix) {
    return el("ul", { class: "ed-problems", "data-prefix": prefix, role: "list" });
  }
  function stepOf(path) {
    var m = /^steps\.([a-z0-9_-]+)/.exec(path);
    return m && def.steps[m[1]] ? m[1] : null;
  }

  function durationFields(idBase, span, after) {
    return row(["days", "hours", "minutes"].map(function (u) {
      return number(idBase + "-" + u, W[u], span[u] || 0, function (v) { span[u] = v; after(); }, { min: "0" });
    }));
  }
  function eventFields(idBase, ev, after, redraw) {
    var parts = [choice(idBase + "-kind", W["event-kind"], EVENTS.map(function (k) { return { value: k, label: W["event-" + (k || "any")] }; }), ev.kind || "", function (v) {
      if (v) ev.kind = v; else delete ev.kind;
      if (v !== "custom") delete ev.name;
      if (v !== "custom" && v !== "order") delete ev.property;
      redraw();
    })];
    if (ev.kind === "custom") parts.push(text(idBase + "-name", W["event-name"], ev.name, function (v) { if (v) ev.name = v; else delete ev.name; after(); }));
    if (!ev.kind || ev.kind === "page_view" || ev.kind === "click") parts.push(text(idBase + "-url", W["event-url"], ev.url, function (v) { if (v) ev.url = v; else delete ev.url; after(); }));
    if (ev.kind === "custom" || ev.kind === "order") {
      var p = Array.isArray(ev.property) ? ev.property.slice() : ["", ""];
      var setProp = function () { if (p[0]) ev.property = [p[0], p[1]]; else delete ev.property; after(); };
      parts.push(text(idBase + "-prop", W["property-name"], p[0], function (v) { p[0] = v; setProp(); }, { class: "narrow" }));
      parts.push(text(idBase + "-propv", W["property-value"], p[1], function (v) { p[1] = v; setProp(); }, { class: "narrow" }));
    }
    return row(parts);
  }
  function list(v) { return Array.isArray(v) ? v.join(", ") : ""; }
  function split(v) { return v.split(",").map(function (x) { return x.trim(); }).filter(Boolean); }

  function stepFields(id, s) {
    var kind = kindOf(s), body = s[kind], out = [];
    var edit = function () { changed(false); };
    var redraw = function () { changed(true, document.activeElement && document.activeElement.id); };
    var f = function (name) { return fid("s", id, name); };
    switch (kind) {
      case "send":
        out.push(text(f("subject"), W.subject, body.subject, function (v) { body.subject = v; edit(); }, { maxlength: "200" }, true));
        out.push(text(f("preheader"), W.preheader, body.preheader, function (v) { body.preheader = v; edit(); }, { maxlength: "300" }, true));
        out.push(area(f("body"), W.body, body.body, function (v) { body.body = v; edit(); }, 5));
        out.push(row([
          choice(f("purpose"), W.purpose, purposeOptions(), body.purpose, function (v) { body.purpose = v; edit(); }),
          text(f("sender"), W.sender, body.sender, function (v) { body.sender = v; edit(); }, { placeholder: W["sender-default"] })
        ]));
        break;
      case "wait":
        out.push(durationFields(f("wait"), body, edit));
        break;
      case "wait_until":
        out.push(time(f("time"), W.time, body.time, function (v) { body.time = v; edit(); }));
        var days = el("fieldset", { class: "ed-days" }, [el("legend", { text: W.weekdays })]);
        cat.days.forEach(function (d) {
          days.appendChild(check(f("day-" + d.key), d.label, (body.weekdays || []).indexOf(d.key) >= 0, function (on) {
            var now = (body.weekdays || []).filter(function (x) { return x !== d.key; });
            if (on) now.push(d.key);
            body.weekdays = cat.days.map(function (x) { return x.key; }).filter(function (k) { return now.indexOf(k) >= 0; });
            edit();
          }));
        });
        out.push(days);
        break;
      case "wait_until_date":
        var dates = cat.date_fields.map(function (d) { return { value: d.key, label: d.label }; });
        if (body.field && !dates.some(function (d) { return d.value === body.field; })) dates.push({ value: body.field, label: body.field });
        out.push(row([
          choice(f("field"), W.field, withChoose(dates), body.field, function (v) { body.field = v; edit(); }),
          number(f("offset"), W.offset, body.offset_days || 0, function (v) { body.offset_days = v; edit(); }, { min: "-365", max: "365" }),
          time(f("time"), W.time, body.time, function (v) { body.time = v; edit(); })
        ]));
        out.push(check(f("anniversary"), W.anniversary, body.anniversary, function (on) { body.anniversary = on; edit(); }));
        break;
      case "wait_for":
        var mode = "segment" in body ? "segment" : "event";
        out.push(choice(f("what"), W["waits-for"], [{ value: "event", label: W["wait-event"] }, { value: "segment", label: W["wait-segment"] }], mode, function (v) {
          var timeout = body.timeout;
          Object.keys(body).forEach(function (k) { delete body[k]; });
          if (v === "segment") body.segment = cat.segments.length ? cat.segments[0].id : ""; else body.event = { kind: "order" };
          body.timeout = timeout;
          redraw();
        }));
        if (mode === "segment") out.push(choice(f("segment"), W.segment, segmentOptions(), body.segment, function (v) { body.segment = v; edit(); }));
        else out.push(eventFields(f("event"), body.event, edit, redraw));
        body.timeout = body.timeout || { days: 1, hours: 0, minutes: 0 };
        out.push(el("p", { class: "ed-sub", text: W.timeout }));
        out.push(durationFields(f("timeout"), body.timeout, edit));
        break;
      case "condition":
        (body.branches || []).forEach(function (b, i) {
          var bf = function (name) { return fid("s", id, "b" + i, name); };
          var m = filterMode(b.filter);
          var parts = [
            text(bf("label"), W["branch-label"], b.label, function (v) { b.label = v; edit(); }, { placeholder: t("branch-n", { n: i + 1 }) }),
            choice(bf("who"), W.who, [{ value: "segment", label: W["who-segment"] }, { value: "tag", label: W["who-tag"] }, { value: "json", label: W["who-filter"] }], m, function (v) {
              b.filter = v === "json" ? b.filter : freshFilter(v); redraw();
            })
          ];
          if (m === "segment") parts.push(choice(bf("segment"), W.segment, segmentOptions(), b.filter.all[0].segment, function (v) { b.filter.all[0].segment = v; edit(); }));
          if (m === "tag") parts.push(text(bf("tag"), W.tag, b.filter.all[0].value, function (v) { b.filter.all[0].value = v; edit(); }, { class: "narrow" }));
          var group = el("fieldset", { class: "ed-branch" }, [el("legend", { text: t("branch-n", { n: i + 1 }) }), row(parts)]);
          if (m === "json") {
            group.appendChild(area(bf("filter"), W["filter-json"], JSON.stringify(b.filter || {}), function (v, a) {
              try { b.filter = JSON.parse(v); a.removeAttribute("aria-invalid"); edit(); } catch (e) { a.setAttribute("aria-invalid", "true"); }
            }, 3));
          }
          if (body.branches.length > 1) group.appendChild(button(W["remove-branch"], function () { body.branches.splice(i, 1); redraw(); }, { class: "small link" }));
          out.push(group);
        });
        out.push(button("+ " + W["add-branch"], function () {
          body.branches.push({ filter: freshFilter(cat.segments.length ? "segment" : "tag"), next: body.else, label: "" }); redraw();
        }));
        break;
      case "split":
        var arms = s.split;
        arms.forEach(function (a, i) {
          var af = function (name) { return fid("s", id, "a" + i, name); };
          var parts = [
            text(af("label"), W["arm-label"], a.label, function (v) { a.label = v; edit(); }, { class: "narrow" }),
            number(af("percent"), W.percent, a.percent, function (v) { a.percent = v; edit(); }, { min: "1", max: "100" }),
            check(af("holdout"), W.holdout, a.holdout, function (on) { a.holdout = on; edit(); })
          ];
          if (arms.length > 2) parts.push(button(W["remove-arm"], function () {
            var gone = arms.splice(i, 1)[0]; arms[0].percent += gone.percent; redraw();
          }, { class: "small link" }));
          out.push(row(parts, "ed-arm"));
        });
        if (arms.length < 10) out.push(button("+ " + W["add-arm"], function () {
          // The new arm takes ten points from the largest (the percents keep adding up to 100).
          var big = arms.reduce(function (m, a) { return a.percent > m.percent ? a : m; }, arms[0]);
          var share = Math.min(10, Math.max(1, big.percent - 1));
          big.percent -= share;
          arms.push({ percent: share, next: arms[arms.length - 1].next, label: String.fromCharCode(65 + arms.length), holdout: false });
          redraw();
        }));
        break;
      case "update":
        ["add_tags", "remove_tags", "add_lists", "remove_lists"].forEach(function (k) {
          out.push(text(f(k), W[k.replace("_", "-")], list(body[k]), function (v) { body[k] = split(v); edit(); }, { placeholder: W.comma }, true));
        });
        body.set_fields = body.set_fields || {};
        var options = withChoose(cat.fields.map(function (x) { return { value: x.key, label: x.label }; }));
        Object.keys(body.set_fields).forEach(function (k, i) {
          var sf = function (name) { return fid("s", id, "set" + i, name); };
          out.push(row([
            choice(sf("field"), W["set-field"], options, k, function (v) {
              var value = body.set_fields[k]; delete body.set_fields[k]; if (v) body.set_fields[v] = value; redraw();
            }),
            text(sf("value"), W.value, body.set_fields[k], function (v) { body.set_fields[k] = v; edit(); }),
            button(W["remove-field"], function () { delete body.set_fields[k]; redraw(); }, { class: "small link" })
          ]));
        });
        out.push(button("+ " + W["add-field"], function () {
          var free = cat.fields.filter(function (x) { return !(x.key in body.set_fields); })[0];
          if (free) { body.set_fields[free.key] = ""; redraw(); }
        }));
        break;
      case "notify":
        out.push(row([
          text(f("to"), W["notify-to"], body.to, function (v) { body.to = v; edit(); }, { type: "email" }),
          text(f("subject"), W["notify-subject"], body.subject, function (v) { body.subject = v; edit(); })
        ]));
        out.push(area(f("text"), W["notify-text"], body.text, function (v) { body.text = v; edit(); }, 3));
        break;
    }
    return out;
  }

  // A control that adds a step where `at` leads (a way out of a step, or the start).
  function adder(at, label, key) {
    var wrap = el("div", { class: "ed-add" });
    var open = button("+ " + label, function () {
      wrap.textContent = "";
      var s = select(KINDS.map(function (k) { return { value: k, label: W["kind-" + k] }; }), "wait", function () {});
      var sid = fid("add", key, "kind");
      s.id = sid;
      wrap.appendChild(el("label", { for: sid, class: "sr-only", text: W["step-type"] }));
      wrap.appendChild(s);
      wrap.appendChild(button(W.add, function () { insert(at, s.value); }, { class: "small primary", id: fid("add", key, "go") }));
      wrap.appendChild(button(W.cancel, function () { draw(); var b = document.getElementById(fid("add", key)); if (b) b.focus(); }, { class: "small link" }));
      s.focus();
    }, { id: fid("add", key), "aria-label": label });
    wrap.appendChild(open);
    return wrap;
  }

  function card(id) {
    var s = def.steps[id], kind = kindOf(s);
    var li = el("li", { class: "journey-step ed-card kind-" + kind, id: fid("card", id), tabindex: "-1", "data-step": id, "aria-label": (W["kind-" + kind] || kind) + ": " + id });
    var head = el("div", { class: "step-head" }, [
      el("h3", { class: "ed-kind", text: W["kind-" + kind] || kind }),
      el("code", { class: "step-id", text: id })
    ]);
    if (def.start === id) head.appendChild(el("span", { class: "tag ok", text: W.start }));
    var tools = el("div", { class: "ed-tools" });
    if (predecessor(id)) tools.appendChild(button("↑ " + W["move-up"], function () { moveUp(id); }, { class: "small link", id: fid("up", id), "aria-label": W["move-up"] + ": " + id }));
    var next = def.steps[s.next] && predecessor(s.next) === id ? s.next : null;
    if (next) tools.appendChild(button("↓ " + W["move-down"], function () { moveUp(next); }, { class: "small link", id: fid("down", id), "aria-label": W["move-down"] + ": " + id }));
    tools.appendChild(button(W["remove-step"], function () { removeStep(id); }, { class: "small link danger", id: fid("remove", id), "aria-label": W["remove-step"] + ": " + id }));
    head.appendChild(tools);
    li.appendChild(head);
    li.appendChild(el("p", { class: "field-error", role: "alert", id: fid("refusal", id), tabindex: "-1", hidden: true }));
    li.appendChild(problemList("steps." + id));
    var fields = el("div", { class: "ed-fields" });
    stepFields(id, s).forEach(function (x) { fields.appendChild(x); });
    li.appendChild(fields);
    return li;
  }

  // The steps from `id` on: cards one after another while a step goes straight on; a step with
  // several ways out lists each way with the steps down it. A step already drawn is linked to.
  function chain(id, drawn, key) {
    var ol = el("ol", { class: "ed-chain" });
    while (true) {
      if (!def.steps[id]) {
        ol.appendChild(el("li", { class: "ed-missing" }, [el("code", { text: String(id) })]));
        break;
      }
      if (drawn[id]) {
        ol.appendChild(el("li", { class: "ed-continue" }, [W["continues-at"] + " ", el("a", { href: "#" + fid("card", id), text: id })]));
        break;
      }
      drawn[id] = true;
      var li = card(id);
      ol.appendChild(li);
      var kind = kindOf(def.steps[id]), w = ways(id);
      if (LINEAR.indexOf(kind) >= 0) {
        li.appendChild(adder(w[0], W["add-step"], "after-" + id));
        id = w[0].get();
        continue;
      }
      if (w.length) {
        // The ways out are a row of columns under the card (one under the other when narrow).
        var branches = el("ul", { class: "ed-ways", "aria-label": W["kind-" + kind] + " " + id });
        w.forEach(function (way, i) {
          var b = el("li", { class: "ed-way" }, [el("p", { class: "ed-way-label", text: "↳ " + way.label })]);
          b.appendChild(adder(way, t("add-step-at", { way: way.label }), id + "-" + i));
          b.appendChild(chain(way.get(), drawn, key + "-" + i));
          branches.appendChild(b);
        });
        ol.appendChild(el("li", { class: "ed-branching" }, [branches]));
      }
      break;
    }
    return ol;
  }

  function triggerFields(tr, i) {
    var type = Object.keys(tr)[0], f = function (name) { return fid("t", i, name); };
    var edit = function () { changed(false); };
    var set = function (v) { tr[type] = v; edit(); };
    var redraw = function () { changed(true, document.activeElement && document.activeElement.id); };
    var parts = [choice(f("type"), W.trigger, TRIGGERS.map(function (k) { return { value: k, label: W["t-" + k] }; }), type, function (v) {
      delete tr[type];
      tr[v] = freshTrigger(v);
      redraw();
    })];
    switch (type) {
      case "segment_entered": case "segment_exited":
        parts.push(choice(f("segment"), W.segment, segmentOptions(), tr[type], set)); break;
      case "event":
        return [row(parts), eventFields(f("event"), tr.event, edit, redraw)];
      case "form_submitted": case "form_confirmed":
        parts.push(choice(f("form"), W.form, [{ value: "", label: W["any-form"] }].concat(cat.forms.map(function (x) { return { value: x.id, label: x.name }; })), tr[type] || "", function (v) { set(v || null); }));
        break;
      case "consent_granted":
        parts.push(choice(f("purpose"), W.purpose, purposeOptions(), tr[type], set)); break;
      case "tag_added":
        parts.push(text(f("tag"), W.tag, tr[type], set, { class: "narrow" })); break;
      case "schedule":
        parts.push(text(f("cron"), W.cron, tr[type], set)); break;
      case "date":
        var d = tr.date;
        parts.push(choice(f("field"), W.field, withChoose(cat.date_fields.map(function (x) { return { value: x.key, label: x.label }; })), d.field, function (v) { d.field = v; edit(); }));
        parts.push(number(f("offset"), W.offset, d.offset_days || 0, function (v) { d.offset_days = v; edit(); }, { min: "-365", max: "365" }));
        parts.push(time(f("at"), W.time, d.at, function (v) { d.at = v; edit(); }));
        parts.push(check(f("anniversary"), W.anniversary, d.anniversary, function (on) { d.anniversary = on; edit(); }));
        break;
    }
    return [row(parts)];
  }
  function freshTrigger(type) {
    switch (type) {
      case "segment_entered": case "segment_exited": return cat.segments.length ? cat.segments[0].id : "";
      case "event": return { kind: "custom", name: "" };
      case "form_submitted": case "form_confirmed": return null;
      case "consent_granted": return cat.purposes.length ? cat.purposes[0].key : "";
      case "tag_added": return "";
      case "date": return { field: cat.date_fields.length ? cat.date_fields[0].key : "", anniversary: true, offset_days: 0, at: "09:00" };
      case "schedule": return "0 0 9 * * Mon";
    }
    return true;
  }

  function entrySection() {
    var sec = el("section", { class: "panel ed-section", id: "ed-triggers", "aria-labelledby": "ed-triggers-h" }, [el("h2", { id: "ed-triggers-h", text: W.triggers })]);
    sec.appendChild(problemList("triggers"));
    def.triggers = Array.isArray(def.triggers) ? def.triggers : [];
    var ul = el("ul", { class: "ed-list" });
    def.triggers.forEach(function (tr, i) {
      if (!tr || typeof tr !== "object") return;
      var li = el("li", { class: "ed-trigger" });
      triggerFields(tr, i).forEach(function (x) { li.appendChild(x); });
      li.appendChild(button(W["remove-trigger"], function () { def.triggers.splice(i, 1); changed(true); }, { class: "small link", id: fid("t", i, "remove") }));
      ul.appendChild(li);
    });
    sec.appendChild(ul);
    sec.appendChild(button("+ " + W["add-trigger"], function () { def.triggers.push({ manual: true }); changed(true, fid("t", def.triggers.length - 1, "type")); }, { id: "ed-add-trigger" }));
    return sec;
  }

  function rulesSection() {
    def.rules = def.rules && typeof def.rules === "object" ? def.rules : {};
    var r = def.rules, edit = function () { changed(false); }, redraw = function () { changed(true, document.activeElement && document.activeElement.id); };
    var sec = el("section", { class: "panel ed-section", id: "ed-rules", "aria-labelledby": "ed-rules-h" }, [el("h2", { id: "ed-rules-h", text: W.rules })]);
    sec.appendChild(problemList("rules"));
    var re = r.reentry && typeof r.reentry === "object" ? "cooldown" : (r.reentry || "never");
    var parts = [choice("ed-reentry", W.reentry, ["never", "always", "cooldown"].map(function (k) { return { value: k, label: W["reentry-" + k] }; }), re, function (v) {
      r.reentry = v === "cooldown" ? { cooldown_days: 30 } : v; redraw();
    })];
    if (re === "cooldown") parts.push(number("ed-cooldown", W.cooldown, r.reentry.cooldown_days, function (v) { r.reentry.cooldown_days = v; edit(); }, { min: "1" }));
    parts.push(text("ed-dedupe", W.dedupe, r.dedupe_property || "", function (v) { if (v.trim()) r.dedupe_property = v.trim(); else delete r.dedupe_property; edit(); }, { placeholder: W["dedupe-hint"] }));
    sec.appendChild(row(parts));
    var quiet = el("fieldset", { class: "ed-group" }, [el("legend", { text: W.quiet })]);
    quiet.appendChild(check("ed-quiet-on", W.on, !!r.quiet_hours, function (on) { if (on) r.quiet_hours = { from: "21:00", to: "08:00" }; else delete r.quiet_hours; redraw(); }));
    if (r.quiet_hours) quiet.appendChild(row([
      time("ed-quiet-from", W.from, r.quiet_hours.from, function (v) { r.quiet_hours.from = v; edit(); }),
      time("ed-quiet-to", W.to, r.quiet_hours.to, function (v) { r.quiet_hours.to = v; edit(); })
    ]));
    sec.appendChild(quiet);
    var cap = el("fieldset", { class: "ed-group" }, [el("legend", { text: W.cap })]);
    cap.appendChild(check("ed-cap-on", W.on, !!r.frequency_cap, function (on) { if (on) r.frequency_cap = { max: 2, hours: 24, then: "defer" }; else delete r.frequency_cap; redraw(); }));
    if (r.frequency_cap) cap.appendChild(row([
      number("ed-cap-max", W["cap-max"], r.frequency_cap.max, function (v) { r.frequency_cap.max = v; edit(); }, { min: "1", max: "100" }),
      number("ed-cap-hours", W["cap-hours"], r.frequency_cap.hours, function (v) { r.frequency_cap.hours = v; edit(); }, { min: "1" }),
      choice("ed-cap-then", W["cap-then"], [{ value: "defer", label: W["cap-defer"] }, { value: "skip", label: W["cap-skip"] }], r.frequency_cap.then, function (v) { r.frequency_cap.then = v; edit(); })
    ]));
    sec.appendChild(cap);
    var goal = el("fieldset", { class: "ed-group", id: "ed-goal" }, [el("legend", { text: W.goal })]);
    goal.appendChild(problemList("goal"));
    var g = def.goal && typeof def.goal === "object" ? ("segment" in def.goal ? "segment" : "event") : "none";
    goal.appendChild(choice("ed-goal-kind", W.goal, ["none", "event", "segment"].map(function (k) { return { value: k, label: W["goal-" + k] }; }), g, function (v) {
      def.goal = v === "none" ? null : v === "segment" ? { segment: cat.segments.length ? cat.segments[0].id : "" } : { event: { kind: "order" } };
      redraw();
    }));
    if (g === "segment") goal.appendChild(choice("ed-goal-segment", W.segment, segmentOptions(), def.goal.segment, function (v) { def.goal.segment = v; edit(); }));
    if (g === "event") goal.appendChild(eventFields("ed-goal-event", def.goal.event, edit, redraw));
    sec.appendChild(goal);
    return sec;
  }

  function stepsSection() {
    var sec = el("section", { class: "panel ed-section", id: "ed-steps", "aria-labelledby": "ed-steps-h" }, [
      el("h2", { id: "ed-steps-h", text: W.title }),
      el("p", { class: "muted small", text: W.hint })
    ]);
    var summary = el("div", { class: "callout ed-summary", id: "ed-problems", "aria-live": "polite" });
    sec.appendChild(summary);
    sec.appendChild(adder({ get: function () { return def.start; }, set: function (v) { def.start = v; } }, W["add-start"], "start"));
    var drawn = {};
    sec.appendChild(chain(def.start, drawn, "root"));
    var rest = Object.keys(def.steps).filter(function (k) { return !drawn[k]; });
    if (rest.length) {
      var lost = el("div", { class: "ed-unreachable" }, [el("h3", { class: "small-heading", text: W.unreachable })]);
      rest.forEach(function (k) { if (!drawn[k]) lost.appendChild(chain(k, drawn, "lost-" + k)); });
      sec.appendChild(lost);
    }
    return sec;
  }

  function drawProblems() {
    root.querySelectorAll(".ed-problems").forEach(function (ul) {
      ul.textContent = "";
      var prefix = ul.getAttribute("data-prefix");
      problemsAt(prefix).forEach(function (p) {
        ul.appendChild(el("li", {}, [el("code", { text: p.path }), ": " + p.message]));
      });
      var cardEl = ul.closest(".ed-card");
      if (cardEl) cardEl.classList.toggle("has-problem", ul.children.length > 0);
    });
    var summary = document.getElementById("ed-problems");
    if (!summary) return;
    summary.textContent = "";
    if (!problems.length) { summary.className = "ed-summary ok"; summary.appendChild(el("p", { text: W["no-problems"] })); return; }
    summary.className = "callout ed-summary";
    summary.appendChild(el("p", {}, [el("strong", { text: W.problems })]));
    var ul = el("ul");
    problems.forEach(function (p) {
      var step = stepOf(p.path);
      var where = step ? el("a", { href: "#" + fid("card", step) }, [el("code", { text: p.path })]) : el("code", { text: p.path });
      ul.appendChild(el("li", {}, [where, ": " + p.message]));
    });
    summary.appendChild(ul);
  }

  function draw(focusId) {
    var active = focusId || (document.activeElement && root.contains(document.activeElement) ? document.activeElement.id : null);
    root.textContent = "";
    root.appendChild(entrySection());
    root.appendChild(stepsSection());
    root.appendChild(rulesSection());
    drawProblems();
    if (active) { var again = document.getElementById(active); if (again) again.focus(); }
  }

  // ---- keeping the JSON, the checks and the saves

  function changed(structural, focusId) {
    textarea.value = JSON.stringify(def, null, 2);
    if (structural) draw(focusId);
    clearTimeout(checkTimer);
    checkTimer = setTimeout(checkDraft, 400);
  }
  function csrf() { return String(new FormData(form).get("csrf") || ""); }
  function call(method, url, body) {
    return fetch(url, {
      method: method, credentials: "same-origin",
      headers: { "Accept": "application/json", "Content-Type": "application/json", "X-CSRF-Token": csrf() },
      body: JSON.stringify(body)
    }).then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); });
  }
  function checkDraft() {
    var mine = ++asked;
    root.setAttribute("aria-busy", "true");
    call("POST", cat.api + "/problems", { definition: def }).then(function (res) {
      if (mine !== asked) return;
      root.removeAttribute("aria-busy");
      if (!res.ok) return;
      problems = (res.body.problems && res.body.problems.errors) || [];
      drawProblems();
    }).catch(function () { root.removeAttribute("aria-busy"); });
  }
  function save() {
    var fd = new FormData(form);
    say(W.saving);
    call("PUT", cat.api, { name: fd.get("name"), description: fd.get("description"), definition: def }).then(function (res) {
      if (!res.ok) {
        status.className = "editor-status error";
        status.textContent = W["save-failed"] + " " + (res.body.field ? res.body.field + ": " : "") + (res.body.message || "");
        return;
      }
      problems = (res.body.problems && res.body.problems.errors) || [];
      drawProblems();
      status.className = "editor-status notice";
      status.textContent = W.saved;
    }).catch(function (e) { status.className = "editor-status error"; status.textContent = W["save-failed"] + " " + e.message; });
  }

  function readable(v) { return v && typeof v === "object" && !Array.isArray(v) && v.steps && typeof v.steps === "object" && !Array.isArray(v.steps); }

  var first;
  try { first = JSON.parse(textarea.value); } catch (e) { first = null; }
  var nojs = document.getElementById("editor-nojs");
  if (nojs) nojs.hidden = true;
  root.hidden = false;
  if (!readable(first)) {
    root.appendChild(el("p", { class: "notice", text: W.unreadable }));
  } else {
    def = first;
    if (box) box.removeAttribute("open");
    draw();
    checkDraft();
  }
  // Typing in the JSON redraws the cards whenever it reads as a journey.
  textarea.addEventListener("input", function () {
    var v;
    try { v = JSON.parse(textarea.value); } catch (e) { return; }
    if (!readable(v)) return;
    def = v;
    draw();
    clearTimeout(checkTimer);
    checkTimer = setTimeout(checkDraft, 400);
  });
  // Saved through the API while the JSON reads; else the form goes as it is and the server
  // says what is wrong with it.
  form.addEventListener("submit", function (e) {
    var v;
    try { v = JSON.parse(textarea.value); } catch (err) { return; }
    if (!readable(v)) return;
    e.preventDefault();
    // Typing in the JSON has already made it the one edited (and redrawn the cards).
    if (!def) { def = v; draw(); }
    save();
  });
})();
