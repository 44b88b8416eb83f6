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
