// Live progress for a running import: polls the status endpoint and updates the bar and the
// counts; reloads once when the import ends so the final links appear. Without script the
// page still shows the state at load time.
(function () {
  "use strict";
  var box = document.getElementById("import-progress");
  if (!box || !box.dataset.running) return;
  var url = box.dataset.statusUrl;
  function tick() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (b) {
        document.getElementById("import-bar").value = b.percent;
        // "42%", "42 %": the page gives the pattern in the staff member's language.
        document.getElementById("import-percent").textContent = box.dataset.tPercent.replace("{value}", b.percent);
        box.querySelectorAll("[data-count]").forEach(function (el) {
          el.textContent = b[el.dataset.count];
        });
        if (b.status === "running") setTimeout(tick, 500);
        else window.location.reload();
      })
      .catch(function () { setTimeout(tick, 2000); });
  }
  setTimeout(tick, 300);
})();
