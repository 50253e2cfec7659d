// A file field in the page's language: the browser labels its own button in the browser's language, so the field is
// kept (focusable, read by screen readers) but hidden behind a button-like text and the chosen files' names, both
// written by the page (data-choose, data-none). Without script the bare field works as it is.
"use strict";
for (const input of document.querySelectorAll("input[type=file][data-choose]")) {
  const choose = document.createElement("span");
  choose.className = "button secondary file-choose";
  choose.textContent = input.dataset.choose;
  const names = document.createElement("span");
  names.className = "file-names";
  for (const shown of [choose, names]) shown.setAttribute("aria-hidden", "true");
  const show = () => { names.textContent = [...input.files].map(f => f.name).join(", ") || input.dataset.none; };
  choose.addEventListener("click", () => input.click());
  input.addEventListener("change", show);
  const field = document.createElement("span");
  field.className = "file-field";
  input.before(field);
  field.append(input, choose, names);
  show();
}
