// Progressive enhancement only: every page works without this file.
"use strict";
document.addEventListener("submit", function (ev) {
  var form = ev.target;
  var question = form.getAttribute && form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    ev.preventDefault();
  }
});
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-copy]").forEach(function (el) {
    if (!navigator.clipboard) return;
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = "Copy";
    button.className = "small";
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(el.querySelector("code").textContent.trim()).then(function () {
        button.textContent = "Copied";
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
      el.textContent = left < 0 ? "0 h 0 min (the deadline has passed)" : Math.floor(left / 60) + " h " + (left % 60) + " min";
    });
  }
  tick();
  setInterval(tick, 30000);
});
