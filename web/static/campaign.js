// The campaign and template editors: the preview follows what is typed; the progress panel
// follows the sending. Without this file, the Preview button and a reload do the same.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var editor = document.getElementById("editor");
  var button = document.getElementById("preview-button");
  if (editor && button && editor.requestSubmit) {
    var timer = null;
    var refresh = function () {
      clearTimeout(timer);
      timer = setTimeout(function () { editor.requestSubmit(button); }, 400);
    };
    editor.addEventListener("input", refresh);
    // A form has one pending submission: a preview fired after "Save draft" was pressed would
    // replace the save (seen in the browser test when a box was ticked just before saving).
    editor.addEventListener("submit", function (e) {
      if (e.submitter !== button) clearTimeout(timer);
    });
    editor.requestSubmit(button);
  }
  // The audience count follows the ticked lists, tags, segments, searches and purpose before saving,
  // counted by the server with the sender's own rules.
  var size = document.getElementById("audience-size");
  if (editor && size && size.dataset.url && window.fetch && window.FormData) {
    var countTimer = null, asked = 0;
    var recount = function () {
      clearTimeout(countTimer);
      countTimer = setTimeout(function () {
        var mine = ++asked;
        var form = new FormData(editor);
        var body = {
          lists: form.getAll("lists"),
          tags: String(form.get("tags") || "").split(",").map(function (t) { return t.trim(); }).filter(Boolean),
          search: String(form.get("search") || ""),
          saved_search: String(form.get("saved_search") || ""),
          segments: form.getAll("segments").map(String),
          exclude_segments: form.getAll("exclude_segments").map(String)
        };
        if (form.get("purpose")) body.purpose = String(form.get("purpose"));
        fetch(size.dataset.url, {
          method: "POST", credentials: "same-origin",
          headers: { "Accept": "application/json", "Content-Type": "application/json", "X-CSRF-Token": String(form.get("csrf") || "") },
          body: JSON.stringify(body)
        })
          .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
          .then(function (res) {
            if (mine !== asked) return;
            // The words come from the page, in the staff member's language.
            size.textContent = res.ok
              ? size.dataset.tCount.replace("@count@", res.body.count)
              : (res.body.message || size.dataset.tUncountable);
          })
          .catch(function () {});
      }, 300);
    };
    ["lists", "tags", "search", "saved_search", "segments", "exclude_segments", "purpose"].forEach(function (name) {
      Array.prototype.forEach.call(editor.querySelectorAll("[name='" + name + "']"), function (el) {
        el.addEventListener("input", recount);
        el.addEventListener("change", recount);
      });
    });
  }

  var viewer = document.getElementById("preview-form");
  if (viewer && viewer.requestSubmit) viewer.requestSubmit();

  var progress = document.getElementById("progress");
  if (progress && (progress.dataset.state === "sending")) {
    var id = progress.dataset.campaign;
    var set = function (elId, value) {
      var el = document.getElementById(elId);
      if (el && el.firstChild) el.firstChild.nodeValue = String(value);
    };
    var poll = function () {
      fetch("/api/v1/campaigns/" + id, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (body) {
          if (!body) return;
          var c = body.campaign, p = c.progress;
          var done = p.sent + p.failed + p.skipped;
          var pct = p.queued ? Math.floor(done * 100 / p.queued) : 0;
          document.getElementById("progress-bar").value = pct;
          set("progress-percent", pct);
          set("stat-queued", p.queued);
          set("stat-sent", p.sent);
          set("stat-failed", p.failed);
          set("stat-retrying", p.retrying);
          set("stat-skipped", p.skipped);
          if (c.state !== "sending") { window.location.reload(); return; }
          setTimeout(poll, 1000);
        })
        .catch(function () { setTimeout(poll, 5000); });
    };
    setTimeout(poll, 1000);
  }
});
