// Search as you type on /contacts. Without this file the form submits and the page reloads;
// with it, the results table is fetched (partial=1) and swapped in place, and the address bar
// follows so that a reload or a shared link shows the same results.
"use strict";
(function () {
  var form = document.getElementById("contact-search");
  var results = document.getElementById("contact-results");
  var status = document.getElementById("contact-search-status");
  if (!form || !results || !window.fetch || !window.AbortController || !window.URLSearchParams) return;
  var box = form.querySelector("[data-live-search]");
  var timer = null;
  var inflight = null;
  var last = null;

  // The form's values without empty ones; a new search starts on the first page.
  function params() {
    var p = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (typeof value === "string" && value.trim() !== "") p.append(key, value.trim());
    });
    return p;
  }

  function announce() {
    if (!status) return;
    var count = results.querySelector("#contact-count");
    status.textContent = count ? count.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function refresh() {
    var p = params();
    var query = p.toString();
    if (query === last) return;
    last = query;
    if (inflight) inflight.abort();
    var controller = new AbortController();
    inflight = controller;
    var fetchParams = new URLSearchParams(p);
    fetchParams.set("partial", "1");
    results.setAttribute("aria-busy", "true");
    fetch(form.getAttribute("action") + "?" + fetchParams.toString(), {
      signal: controller.signal,
      credentials: "same-origin",
      headers: { Accept: "text/html" },
    })
      .then(function (r) {
        // A signed-out session or an error: fall back to a real page load.
        if (!r.ok || r.redirected) throw new Error("status " + r.status);
        return r.text();
      })
      .then(function (html) {
        if (controller !== inflight) return;
        results.innerHTML = html;
        results.removeAttribute("aria-busy");
        inflight = null;
        history.replaceState(null, "", form.getAttribute("action") + (query ? "?" + query : ""));
        announce();
      })
      .catch(function (err) {
        if (err && err.name === "AbortError") return;
        results.removeAttribute("aria-busy");
        inflight = null;
        last = null;
      });
  }

  if (box) {
    box.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 150);
    });
    // Enter still submits the form; the page that loads is the same as the one shown.
  }
  form.querySelectorAll("select").forEach(function (select) {
    select.addEventListener("change", function () {
      clearTimeout(timer);
      refresh();
    });
  });
  last = params().toString();
})();
// The bulk bar: "select all on this page", the count of what is ticked, and only the field the
// chosen action needs. Without this file the boxes and the bar still post the same form.
(function () {
  var results = document.getElementById("contact-results");
  if (!results) return;
  function boxes() {
    return Array.prototype.slice.call(results.querySelectorAll('input[name="id"]'));
  }
  function update() {
    var bar = results.querySelector("#bulk-bar");
    if (!bar) return;
    var pageBox = results.querySelector("#select-page");
    if (pageBox) pageBox.hidden = false;
    var all = results.querySelector("#bulk-all");
    var ticked = boxes().filter(function (b) { return b.checked; }).length;
    var count = results.querySelector("#bulk-count");
    // The words come from the page, in the staff member's language (data-t-* on the bar).
    var t = bar.dataset;
    if (all && all.checked) {
      count.textContent = t.tAll;
    } else if (ticked === 0) {
      count.textContent = t.tNone;
    } else {
      count.textContent = ticked === 1 ? t.tOne : t.tOther.replace("{count}", String(ticked));
    }
    bar.classList.toggle("active", ticked > 0 || (all && all.checked));
    if (pageBox) pageBox.checked = ticked > 0 && ticked === boxes().length;
    var action = results.querySelector("#bulk-action");
    if (action) {
      bar.querySelectorAll("[data-for-actions]").forEach(function (el) {
        el.hidden = el.getAttribute("data-for-actions").split(" ").indexOf(action.value) < 0;
      });
    }
  }
  results.addEventListener("change", function (ev) {
    if (ev.target.id === "select-page") {
      boxes().forEach(function (b) { b.checked = ev.target.checked; });
    }
    update();
  });
  // The live search swaps the table in: set the new one up.
  new MutationObserver(update).observe(results, { childList: true });
  update();
})();
