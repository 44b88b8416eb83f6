// The segment builder and the build's progress. The builder edits the same JSON the API takes
// (the form's `filter` field): without this file that JSON is edited by hand and the server
// checks it the same way. Every word shown comes from the page (the staff member's language).
"use strict";
(function () {
  var catalogueEl = document.getElementById("segment-catalogue");
  var textarea = document.getElementById("filter");
  var root = document.getElementById("builder");
  if (catalogueEl && textarea && root) builder(JSON.parse(catalogueEl.textContent), textarea, root);
  var build = document.getElementById("build");
  if (build && (build.dataset.state === "queued" || build.dataset.state === "running")) follow(build);

  function builder(cat, textarea, root) {
    var W = cat.words;
    var NO_VALUE = ["empty", "not_empty", "is_true", "is_false", "anniversary_today"];
    var DAYS = ["within_last_days", "more_than_days_ago", "within_next_days"];
    var tree;
    try { tree = JSON.parse(textarea.value || "{}"); } catch (e) { return; } // the JSON box stays
    if (!isGroup(tree)) tree = { all: tree && typeof tree === "object" && Object.keys(tree).length ? [tree] : [] };
    var uid = 0;

    function isGroup(n) { return n && typeof n === "object" && (Array.isArray(n.all) || Array.isArray(n.any) || Array.isArray(n.none)); }
    function groupKind(n) { return Array.isArray(n.all) ? "all" : Array.isArray(n.any) ? "any" : "none"; }
    function field(key) { return cat.fields.filter(function (f) { return f.key === key; })[0]; }
    function el(tag, attrs, children) {
      var e = document.createElement(tag);
      Object.keys(attrs || {}).forEach(function (k) {
        if (k === "text") e.textContent = attrs[k];
        else if (k === "class") e.className = attrs[k];
        else e.setAttribute(k, attrs[k]);
      });
      (children || []).forEach(function (c) { if (c) e.appendChild(c); });
      return e;
    }
    function select(label, options, value, onChange) {
      var s = el("select", { "aria-label": label });
      options.forEach(function (o) {
        if (o.group) {
          var g = el("optgroup", { label: o.group });
          o.options.forEach(function (x) { g.appendChild(option(x)); });
          s.appendChild(g);
        } else s.appendChild(option(o));
      });
      s.value = value;
      s.addEventListener("change", function () { onChange(s.value); });
      return s;
      function option(o) { var x = el("option", { value: o.value, text: o.label }); return x; }
    }
    function input(label, type, value, onInput, attrs) {
      var i = el("input", Object.assign({ "aria-label": label, type: type }, attrs || {}));
      i.value = value === undefined || value === null ? "" : String(value);
      i.addEventListener("input", function () { onInput(i.value); });
      return i;
    }
    function words(text) { return el("span", { class: "muted", text: text }); }

    // What a condition is about, as the "what" select names it.
    function whatOf(c) {
      if ("field" in c) return "field:" + c.field;
      if ("consent" in c) return "consent:" + c.consent;
      if ("restricted" in c) return "restricted";
      if ("performed" in c) return "performed";
      if ("not_performed" in c) return "not_performed";
      if ("orders" in c) return "orders";
      if ("score" in c) return "score";
      if ("segment" in c) return "segment";
      return "";
    }
    function fresh(what) {
      var parts = what.split(":");
      switch (parts[0]) {
        case "field": {
          var f = field(parts.slice(1).join(":"));
          var op = cat.ops[f.kind][0];
          return withValue({ field: f.key, op: op }, f.kind);
        }
        case "consent": return { consent: parts.slice(1).join(":"), state: "granted" };
        case "restricted": return { restricted: true };
        case "performed": return { performed: { kind: "page_view" }, at_least: 1, within_days: 30 };
        case "not_performed": return { not_performed: { kind: "page_view" }, within_days: 30 };
        case "orders": return { orders: {}, at_least: 1, within_days: 90 };
        case "score": return { score: cat.models[0] || "", op: "gte", value: 50 };
        case "segment": return { segment: cat.segments.length ? cat.segments[0].id : "", member: true };
      }
      return { all: [] };
    }
    // A value that fits the operator (kept when it still fits).
    function withValue(c, kind) {
      var op = c.op, v = c.value;
      if (NO_VALUE.indexOf(op) >= 0) { delete c.value; return c; }
      if (DAYS.indexOf(op) >= 0) { c.value = typeof v === "number" ? v : 30; return c; }
      if (op === "between") { c.value = Array.isArray(v) ? v : ["", ""]; return c; }
      if (op === "one_of") { c.value = Array.isArray(v) ? v : (v ? [String(v)] : []); return c; }
      if (Array.isArray(v)) v = v[0];
      c.value = v === undefined ? "" : v;
      if (kind === "number" && c.value !== "" && !isNaN(Number(c.value))) c.value = Number(c.value);
      return c;
    }

    function whatOptions() {
      var fields = cat.fields.map(function (f) { return { value: "field:" + f.key, label: f.label }; });
      var privacy = cat.purposes.map(function (p) { return { value: "consent:" + p.key, label: W.consent + ": " + p.name }; });
      privacy.push({ value: "restricted", label: W.restricted });
      var behaviour = [
        { value: "performed", label: W.performed },
        { value: "not_performed", label: W["not-performed"] },
        { value: "orders", label: W.orders },
        { value: "score", label: W.score }
      ];
      var other = cat.segments.length ? [{ value: "segment", label: W.segment }] : [];
      var out = [
        { group: W["kind-field"], options: fields },
        { group: W["kind-behaviour"], options: behaviour },
        { group: W["kind-privacy"], options: privacy }
      ];
      if (other.length) out.push({ group: W["kind-other"], options: other });
      return out;
    }

    function valueControls(c, kind, options, changed) {
      var op = c.op, out = [];
      var type = kind === "number" ? "number" : kind === "date" ? "date" : "text";
      var store = function (v) { c.value = type === "number" && v !== "" && !isNaN(Number(v)) ? Number(v) : v; changed(); };
      if (NO_VALUE.indexOf(op) >= 0) return out;
      if (DAYS.indexOf(op) >= 0) {
        out.push(input(W.days, "number", c.value, function (v) { c.value = v === "" ? "" : Number(v); changed(); }, { min: "1", class: "narrow" }));
        out.push(words(W.days));
        return out;
      }
      if (op === "between") {
        out.push(input(W.from, type, c.value[0], function (v) { c.value[0] = type === "number" && v !== "" ? Number(v) : v; changed(); }, { class: "narrow" }));
        out.push(words(W.to));
        out.push(input(W.to, type, c.value[1], function (v) { c.value[1] = type === "number" && v !== "" ? Number(v) : v; changed(); }, { class: "narrow" }));
        return out;
      }
      if (op === "one_of") {
        out.push(input(W.value, "text", (c.value || []).join(", "), function (v) {
          c.value = v.split(",").map(function (x) { return x.trim(); }).filter(Boolean); changed();
        }, { placeholder: W["one-of-hint"] }));
        return out;
      }
      if (options && options.length && (kind === "choice" || kind === "multi")) {
        if (options.indexOf(c.value) < 0) { c.value = options[0]; }
        out.push(select(W.value, options.map(function (o) { return { value: o, label: o }; }), c.value, function (v) { c.value = v; changed(); }));
        return out;
      }
      out.push(input(W.value, type, c.value, store));
      return out;
    }

    function eventControls(ev, changed) {
      var out = [];
      out.push(select(W["event-kind"], cat.events.map(function (e) { return { value: e.key, label: e.label }; }), ev.kind || "", function (v) {
        if (v) ev.kind = v; else delete ev.kind;
        if (v !== "custom") delete ev.name;
        draw(); changed();
      }));
      if (ev.kind === "custom") out.push(input(W["event-name"], "text", ev.name, function (v) { if (v) ev.name = v; else delete ev.name; changed(); }, { placeholder: W["event-name"] }));
      if (ev.kind === "page_view" || ev.kind === "click" || !ev.kind) out.push(input(W["event-url"], "text", ev.url, function (v) { if (v) ev.url = v; else delete ev.url; changed(); }, { placeholder: W["event-url"] }));
      if (ev.kind === "custom" || ev.kind === "order") {
        var p = ev.property || ["", ""];
        var setProp = function () { if (p[0]) ev.property = p; else delete ev.property; changed(); };
        out.push(input(W["property-name"], "text", p[0], function (v) { p[0] = v; setProp(); }, { placeholder: W["property-name"], class: "narrow" }));
        out.push(words("="));
        out.push(input(W["property-value"], "text", p[1], function (v) { p[1] = v; setProp(); }, { placeholder: W["property-value"], class: "narrow" }));
      }
      return out;
    }
    function countControls(c, changed, optionalDays) {
      var out = [];
      if ("at_least" in c || !("not_performed" in c)) {
        out.push(words(W["at-least"]));
        out.push(input(W["at-least"], "number", c.at_least, function (v) { c.at_least = v === "" ? 1 : Number(v); changed(); }, { min: "1", class: "narrow" }));
        out.push(words(W.times));
      }
      out.push(words(W["within-days"]));
      out.push(input(W["within-days"], "number", c.within_days, function (v) {
        if (v === "" && optionalDays) delete c.within_days; else c.within_days = v === "" ? "" : Number(v);
        changed();
      }, { min: "1", class: "narrow", placeholder: optionalDays ? W["any-time"] : "" }));
      out.push(words(W.days));
      return out;
    }

    function conditionRow(c, parent, index, changed) {
      var row = el("div", { class: "cond", role: "group", "aria-label": W.what });
      var what = whatOf(c);
      if (!what) {
        // A condition the builder does not know: kept as it is, shown as JSON.
        row.appendChild(el("code", { text: JSON.stringify(c) }));
      } else {
        row.appendChild(select(W.what, whatOptions(), what, function (v) { parent[index] = fresh(v); draw(); changed(); }));
        var kind = what.split(":")[0];
        var parts = [];
        if (kind === "field") {
          var f = field(c.field) || { kind: "text", options: [] };
          parts.push(select(W.operator, cat.ops[f.kind].map(function (o) { return { value: o, label: cat.op_labels[o] }; }), c.op, function (v) {
            c.op = v; withValue(c, f.kind); draw(); changed();
          }));
          parts = parts.concat(valueControls(c, f.kind, f.options, changed));
        } else if (kind === "consent") {
          parts.push(select(W["consent-state"], ["granted", "withdrawn", "never"].map(function (s) { return { value: s, label: W[s] }; }), c.state, function (v) { c.state = v; changed(); }));
        } else if (kind === "restricted") {
          parts.push(select(W.restricted, [{ value: "true", label: W.yes }, { value: "false", label: W.no }], String(c.restricted), function (v) { c.restricted = v === "true"; changed(); }));
        } else if (kind === "performed") {
          parts = eventControls(c.performed, changed).concat(countControls(c, changed, true));
        } else if (kind === "not_performed") {
          parts = eventControls(c.not_performed, changed).concat(countControls(c, changed, false));
        } else if (kind === "orders") {
          parts.push(input(W.sku, "text", c.orders.sku, function (v) { if (v) c.orders.sku = v; else delete c.orders.sku; changed(); }, { placeholder: W.sku, class: "narrow" }));
          parts = parts.concat(countControls(c, changed, true));
          parts.push(input(W["min-revenue"], "number", c.min_revenue, function (v) { if (v === "") delete c.min_revenue; else c.min_revenue = Number(v); changed(); }, { placeholder: W["min-revenue"], class: "narrow", min: "0", step: "any" }));
        } else if (kind === "score") {
          if (cat.models.length) parts.push(select(W.model, cat.models.map(function (m) { return { value: m, label: m }; }), c.score, function (v) { c.score = v; changed(); }));
          else parts.push(input(W.model, "text", c.score, function (v) { c.score = v; changed(); }, { placeholder: W.model, class: "narrow" }));
          parts.push(select(W.operator, ["gte", "gt", "lte", "lt", "equals", "between"].map(function (o) { return { value: o, label: cat.op_labels[o] }; }), c.op, function (v) { c.op = v; withValue(c, "number"); draw(); changed(); }));
          parts = parts.concat(valueControls(c, "number", [], changed));
        } else if (kind === "segment") {
          parts.push(select(W.member, [{ value: "true", label: W.member }, { value: "false", label: W["not-member"] }], String(c.member !== false), function (v) { c.member = v === "true"; changed(); }));
          parts.push(select(W.segment, cat.segments.map(function (s) { return { value: s.id, label: s.name }; }), c.segment, function (v) { c.segment = v; changed(); }));
        }
        parts.forEach(function (p) { row.appendChild(p); });
      }
      var remove = el("button", { type: "button", class: "small link remove", text: W.remove, "aria-label": W.remove });
      remove.addEventListener("click", function () { parent.splice(index, 1); draw(); changed(); });
      row.appendChild(remove);
      return row;
    }

    function groupBox(g, depth, onRemove, changed) {
      var kind = groupKind(g), children = g[kind];
      var box = el("div", { class: "group depth-" + depth, role: "group", "aria-label": W.group });
      var head = el("div", { class: "group-head" });
      head.appendChild(select(W.group, ["all", "any", "none"].map(function (k) { return { value: k, label: W[k] }; }), kind, function (v) {
        var list = g[kind]; delete g[kind]; g[v] = list; draw(); changed();
      }));
      if (onRemove) {
        var rm = el("button", { type: "button", class: "small link remove", text: W.remove, "aria-label": W.remove + " (" + W.group + ")" });
        rm.addEventListener("click", function () { onRemove(); draw(); changed(); });
        head.appendChild(rm);
      }
      box.appendChild(head);
      var list = el("ul", { class: "conds" });
      children.forEach(function (c, i) {
        var li = el("li");
        if (isGroup(c)) li.appendChild(groupBox(c, depth + 1, function () { children.splice(i, 1); }, changed));
        else li.appendChild(conditionRow(c, children, i, changed));
        list.appendChild(li);
      });
      if (!children.length) list.appendChild(el("li", { class: "muted", text: W["empty-group"] }));
      box.appendChild(list);
      var actions = el("div", { class: "group-actions" });
      var addC = el("button", { type: "button", class: "small", text: "+ " + W["add-condition"] });
      addC.addEventListener("click", function () {
        children.push(fresh("field:" + cat.fields[0].key)); draw(); changed();
        var rows = box.querySelectorAll(":scope > ul > li > .cond select");
        if (rows.length) rows[rows.length - 1].focus();
      });
      actions.appendChild(addC);
      if (depth < 5) {
        var addG = el("button", { type: "button", class: "small", text: "+ " + W["add-group"] });
        addG.addEventListener("click", function () { children.push({ any: [] }); draw(); changed(); });
        actions.appendChild(addG);
      }
      box.appendChild(actions);
      return box;
    }

    var timer = null, asked = 0;
    function changed() {
      textarea.value = JSON.stringify(tree);
      clearTimeout(timer);
      timer = setTimeout(preview, 400);
    }
    function draw() {
      var focused = document.activeElement && root.contains(document.activeElement);
      root.textContent = "";
      root.appendChild(groupBox(tree, 0, null, changed));
      if (focused) { var first = root.querySelector("select"); if (first) first.focus(); }
    }

    var panel = document.getElementById("preview");
    var count = document.getElementById("preview-count");
    var sample = document.getElementById("preview-sample");
    var form = document.getElementById("segment-form");
    function preview() {
      if (!panel || !window.fetch) return;
      var mine = ++asked;
      count.textContent = panel.dataset.tWait;
      var body;
      try { body = JSON.stringify({ filter: JSON.parse(textarea.value) }); } catch (e) { count.textContent = e.message; return; }
      fetch(panel.dataset.url, {
        method: "POST", credentials: "same-origin",
        headers: { "Accept": "application/json", "Content-Type": "application/json", "X-CSRF-Token": String(new FormData(form).get("csrf") || "") },
        body: body
      })
        .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
        .then(function (res) {
          if (mine !== asked) return;
          sample.textContent = "";
          if (!res.ok) {
            count.className = "error";
            count.textContent = (res.body.field ? res.body.field + ": " : "") + (res.body.message || "");
            return;
          }
          var b = res.body;
          count.className = "";
          var t = b.complete ? panel.dataset.tCount : panel.dataset.tPartial;
          count.textContent = t.replace("@matched@", b.matched.toLocaleString()).replace("@total@", b.total.toLocaleString()).replace("@examined@", b.examined.toLocaleString());
          count.dataset.matched = String(b.matched);
          if (!b.sample.length) { sample.appendChild(el("li", { class: "muted", text: panel.dataset.tNobody })); return; }
          b.sample.forEach(function (c) {
            var name = [c.first_name, c.last_name].filter(Boolean).join(" ");
            var li = el("li");
            li.appendChild(el("a", { href: "/contacts/" + c.id, text: c.email }));
            if (name) li.appendChild(el("span", { class: "muted", text: " " + name }));
            sample.appendChild(li);
          });
        })
        .catch(function () {});
    }

    root.hidden = false;
    var box = document.getElementById("filter-json-box");
    if (box && !box.hasAttribute("open")) box.removeAttribute("open");
    // The JSON box follows the builder; typing in it redraws the builder when it parses.
    textarea.addEventListener("input", function () {
      try {
        var t = JSON.parse(textarea.value);
        if (isGroup(t)) { tree = t; draw(); }
      } catch (e) { /* shown when saved */ }
      clearTimeout(timer);
      timer = setTimeout(preview, 400);
    });
    draw();
    preview();
  }

  // A build in progress: its bar follows the server; the page reloads when it ends.
  function follow(build) {
    var id = build.dataset.segment;
    var bar = document.getElementById("build-progress");
    var text = document.getElementById("build-text");
    var poll = function () {
      fetch("/api/v1/segments/" + id, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (body) {
          if (!body) return;
          var b = body.segment.build;
          if (b.state !== "queued" && b.state !== "running") { window.location.reload(); return; }
          if (b.state === "running" && b.total) {
            var pct = Math.min(100, Math.floor(b.done * 100 / b.total));
            if (bar) { bar.value = pct; bar.textContent = pct + "%"; }
            if (text && build.dataset.tRunning) text.textContent = build.dataset.tRunning.replace("@done@", b.done.toLocaleString()).replace("@total@", b.total.toLocaleString());
          }
          setTimeout(poll, 1000);
        })
        .catch(function () { setTimeout(poll, 5000); });
    };
    setTimeout(poll, 1000);
  }
})();
