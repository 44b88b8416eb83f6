// The media library: dropping a file on the upload form sends it; in the campaign editor,
// "Insert image" picks a library image and inserts its <img> (public address, alt text, width)
// where the cursor is in the body. Without this file the library still uploads through its
// form; the editor's button stays hidden.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var upload = document.getElementById("media-upload");
  if (upload) {
    var input = upload.querySelector("input[type=file]");
    ["dragenter", "dragover"].forEach(function (type) {
      upload.addEventListener(type, function (e) { e.preventDefault(); upload.classList.add("dragging"); });
    });
    upload.addEventListener("dragleave", function () { upload.classList.remove("dragging"); });
    upload.addEventListener("drop", function (e) {
      e.preventDefault();
      upload.classList.remove("dragging");
      if (!e.dataTransfer || !e.dataTransfer.files.length || !input) return;
      input.files = e.dataTransfer.files;
      if (upload.requestSubmit) upload.requestSubmit(); else upload.submit();
    });
  }

  var button = document.getElementById("media-insert");
  var picker = document.getElementById("media-picker");
  var body = button && document.getElementById(button.getAttribute("data-target"));
  if (!button || !picker || !body || !picker.showModal) return;
  button.hidden = false;
  var list = document.getElementById("media-picker-items");
  var empty = document.getElementById("media-picker-empty");
  // Until the body has been clicked or typed in, its cursor sits at its start: the image
  // goes at the end instead.
  var touched = false;
  body.addEventListener("focus", function () { touched = true; });
  var insert = function (html) {
    var text = body.value;
    var start = touched ? body.selectionStart : text.length, end = touched ? body.selectionEnd : text.length;
    body.value = text.slice(0, start) + html + text.slice(end);
    body.selectionStart = body.selectionEnd = start + html.length;
    body.focus();
    // The preview follows what is typed.
    body.dispatchEvent(new Event("input", { bubbles: true }));
  };
  document.getElementById("media-picker-close").addEventListener("click", function () { picker.close(); });
  button.addEventListener("click", function () {
    fetch("/api/v1/media", { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { media: [] }; })
      .then(function (data) {
        while (list.firstChild) list.removeChild(list.firstChild);
        empty.hidden = data.media.length > 0;
        data.media.forEach(function (m) {
          var li = document.createElement("li");
          var choose = document.createElement("button");
          choose.type = "button";
          var img = document.createElement("img");
          img.src = m.path;
          img.alt = "";
          var label = document.createElement("span");
          label.textContent = (m.alt || m.file_name) + " · " + m.width + " × " + m.height;
          choose.appendChild(img);
          choose.appendChild(label);
          choose.addEventListener("click", function () { insert(m.html); picker.close(); });
          li.appendChild(choose);
          list.appendChild(li);
        });
        picker.showModal();
      });
  });
});
