// While a citizen types the subject of an information request, the answers and information bodies already published
// that match it: the citizen may find the answer without asking. A pause in typing sends one question to the open API.
"use strict";

(() => {
  const words = {
    title: ["Déjà publié, peut-être ce que vous cherchez (s'ouvre dans un nouvel onglet) :", "سبق نشره، ربما ما تبحثون عنه (يفتح في علامة تبويب جديدة):"],
    answer: ["réponse", "جواب"],
    register: ["information publiée", "معلومة منشورة"],
  };
  let items = [];
  let timer;
  let asked = "";

  const arabic = () => document.documentElement.lang === "ar";
  const pick = pair => pair[arabic() ? 1 : 0];

  function show() {
    const region = document.getElementById("suggestions");
    if (!items.length) { region.replaceChildren(); return; }
    const list = document.createElement("ul");
    for (const item of items) {
      const link = Object.assign(document.createElement("a"), {
        href: `/publication.html?show=${encodeURIComponent(item.kind)}&id=${encodeURIComponent(item.id)}`, target: "_blank", rel: "noopener",
        textContent: (arabic() ? item.titleAr || item.titleFr : item.titleFr || item.titleAr) || item.title, dir: "auto",
      });
      const body = document.createElement("bdi");
      body.textContent = (arabic() ? item.bodyNameAr : item.bodyNameFr) || item.bodyCode;
      const entry = document.createElement("li");
      entry.append(link, " · ", body, ` · ${pick(words[item.kind] ?? words.register)}`);
      list.append(entry);
    }
    const title = document.createElement("p");
    title.textContent = pick(words.title);
    region.replaceChildren(title, list);
  }

  async function suggest(form) {
    const q = form.elements.subject.value.trim();
    if (q === asked) return;
    asked = q;
    if (q.length < 3) { items = []; show(); return; }
    const query = new URLSearchParams({ q });
    if (form.elements.bodyCode.value) query.set("body", form.elements.bodyCode.value);
    try {
      const response = await fetch(`/api/public/suggest?${query}`);
      if (!response.ok || asked !== q) return;
      items = (await response.json()).items ?? [];
    } catch {
      items = [];
    }
    show();
  }

  document.addEventListener("DOMContentLoaded", () => {
    const form = document.getElementById("request-form");
    if (!form) return;
    form.elements.subject.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => suggest(form), 300);
    });
    // the list follows the page's language
    new MutationObserver(show).observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });
  });
})();
