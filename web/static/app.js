// Progressive enhancement only: every page works without this file.
"use strict";
document.addEventListener("submit", function (ev) {
  var form = ev.target;
  var question = form.getAttribute && form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    ev.preventDefault();
  }
});
// The page says the buttons' words in its language (data-t-copy, data-t-copied).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-copy]").forEach(function (el) {
    if (!navigator.clipboard || !el.dataset.tCopy) return;
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = el.dataset.tCopy;
    button.className = "small";
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(el.querySelector("code").textContent.trim()).then(function () {
        button.textContent = el.dataset.tCopied;
      });
    });
    el.appendChild(document.createTextNode(" "));
    el.appendChild(button);
  });
});
// A breach's 72 hours, counting down while the page is open (the server renders the same).
document.addEventListener("DOMContentLoaded", function () {
  var els = document.querySelectorAll("[data-countdown]");
  if (!els.length) return;
  function tick() {
    els.forEach(function (el) {
      var left = Math.floor((Date.parse(el.getAttribute("data-countdown")) - Date.now()) / 60000);
      if (isNaN(left)) return;
      // The page gives the words in its language (data-t-passed); English where it does not.
      var passed = el.getAttribute("data-t-passed") || "(the deadline has passed)";
      el.textContent = left < 0 ? "0 h 0 min " + passed : Math.floor(left / 60) + " h " + (left % 60) + " min";
    });
  }
  tick();
  setInterval(tick, 30000);
});
// Recovery codes: copy them all, or download them as a text file (made in the browser). The
// list carries the buttons' words in the page's language (data-t-copy-all, -copied, -download).
document.addEventListener("DOMContentLoaded", function () {
  var list = document.querySelector("[data-codes-file]");
  var actions = document.getElementById("codes-actions");
  if (!list || !actions || !list.dataset.tDownload) return;
  var text = Array.prototype.map.call(list.querySelectorAll("code"), function (c) {
    return c.textContent.trim();
  }).join("\n") + "\n";
  function button(label, id, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.id = id;
    b.textContent = label;
    b.addEventListener("click", function () { onClick(b); });
    actions.appendChild(b);
  }
  if (navigator.clipboard) {
    button(list.dataset.tCopyAll, "codes-copy", function (b) {
      navigator.clipboard.writeText(text).then(function () { b.textContent = list.dataset.tCopied; });
    });
  }
  button(list.dataset.tDownload, "codes-download", function () {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
    a.download = list.getAttribute("data-codes-file");
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  });
});
// A page showing work in progress (a bulk action) reloads until the work is done.
document.addEventListener("DOMContentLoaded", function () {
  var el = document.querySelector("[data-reload-while-running]");
  if (!el) return;
  setTimeout(function () { window.location.reload(); }, Number(el.getAttribute("data-reload-while-running")) || 2000);
});
