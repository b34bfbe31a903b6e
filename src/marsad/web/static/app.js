// marsad web UI: progressive enhancement only; every page works without this file.
// Loaded from 'self' (the Content-Security-Policy forbids inline scripts).
"use strict";
document.addEventListener("keydown", function (event) {
  // "/" focuses the search box, as on many reading sites.
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
  var target = event.target;
  if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA")) return;
  var box = document.querySelector("input[type=search]");
  if (box) {
    event.preventDefault();
    box.focus();
  }
});
