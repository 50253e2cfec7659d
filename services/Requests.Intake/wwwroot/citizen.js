// The citizen's page: file an information request or a complaint, keep the receipt, follow the case and act on it.
// Everything goes through the intake API; its problem details name the fields, shown next to them.
"use strict";

const statusLabels = {
  "received": "reçue, en attente d'attribution",
  "assigned": "confiée à un agent de l'organisme",
  "accepted": "en cours de traitement",
  "awaiting-clarification": "en attente de votre précision (délai suspendu)",
  "extended": "en cours, délai prolongé",
  "deadline-missed": "sans réponse dans le délai légal",
  "answered": "répondue",
  "redirected": "transmise à l'organisme compétent",
  "closed": "classée",
  "under-recourse": "recours en cours auprès du chef de l'organisme",
  "recourse-deadline-missed": "recours sans réponse dans le délai légal",
  "recourse-answered": "recours répondu",
  "reopened": "rouverte",
  "rated": "répondue et notée",
};

const actionForms = {
  recourse: { label: "Former un recours auprès du chef de l'organisme", field: "text", prompt: "Motifs du recours" },
  reopen: { label: "Rouvrir ma réclamation", field: "text", prompt: "Pourquoi la réponse ne vous satisfait pas" },
  clarify: { label: "Envoyer la précision demandée", field: "text", prompt: "Votre précision" },
  rate: { label: "Noter la réponse", field: "rating", prompt: "Commentaire (facultatif)" },
  withdraw: { label: "Retirer ma démarche", field: "reason", prompt: "Motif (facultatif)" },
};

// the API's messages are in English; the page shows the ones a citizen can meet in French (others as they come)
const messagesFr = {
  "Required.": "Champ obligatoire.",
  "Not a valid e-mail address.": "Adresse électronique invalide.",
  "Not a valid phone number.": "Numéro de téléphone invalide.",
  "Required for delivery by e-mail.": "Obligatoire pour une réponse par courrier électronique.",
  "Required for delivery by post.": "Obligatoire pour une réponse par voie postale.",
  "Give at least one way to reach you: e-mail, postal address or phone.":
    "Indiquez au moins un moyen de vous joindre : courrier électronique, adresse postale ou téléphone.",
  "A national ID (CNIE) or residence permit number: 1–2 letters then digits, e.g. AB123456.":
    "Numéro de CNIE ou de carte de séjour : une ou deux lettres puis des chiffres, par exemple AB123456.",
  "Consent to the processing of personal data (Law 09-08) is required to handle the case.":
    "Votre consentement au traitement de vos données personnelles (loi n° 09-08) est nécessaire pour instruire votre démarche.",
  "The end of the period covered is before its start.": "La fin de la période précède son début.",
  "Some fields are missing or invalid; nothing was recorded.": "Des champs manquent ou sont invalides : rien n'a été enregistré.",
  "The receipt could not be stored and nothing was recorded. Please try again.":
    "Votre démarche n'a pas pu être enregistrée : réessayez dans un instant.",
};
const inFrench = message => messagesFr[message] ?? message.replace(/^At most (\d+) characters\.$/, "$1 caractères au plus.");

const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

function show(panel) {
  for (const section of $$("main > section")) section.hidden = section.id !== panel;
  for (const button of $$("nav button")) button.classList.toggle("active", button.dataset.show === panel);
}

function formatDay(iso) {
  if (!iso) return "";
  const [year, month, day] = iso.slice(0, 10).split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString("fr-MA", { dateStyle: "long", timeZone: "UTC" });
}

// a form's named fields as the API's JSON: "requester.email" nests, empty fields are left out, checkboxes are booleans
function formJson(form) {
  const json = {};
  for (const field of $$("[name]", form)) {
    const value = field.type === "checkbox" ? field.checked : field.value.trim();
    if (value === "") continue;
    const path = field.name.split(".");
    let target = json;
    for (const key of path.slice(0, -1)) target = target[key] ??= {};
    target[path.at(-1)] = value;
  }
  return json;
}

function clearErrors(form) {
  for (const error of $$(".error", form)) error.remove();
  for (const field of $$("[aria-invalid]", form)) field.removeAttribute("aria-invalid");
  $(".form-error", form).textContent = "";
}

// problem details: each error next to the field it names, the rest above the button
async function showProblem(form, response) {
  let problem = {};
  try { problem = await response.json(); } catch { /* not JSON */ }
  const unplaced = [];
  for (const [name, messages] of Object.entries(problem.errors ?? {})) {
    const field = form.elements.namedItem(name) ?? $(`[name^="${name}."]`, form);
    if (!field || field instanceof RadioNodeList) { unplaced.push(`${name} : ${messages.map(inFrench).join(" ")}`); continue; }
    field.setAttribute("aria-invalid", "true");
    const error = document.createElement("small");
    error.className = "error";
    error.dataset.errorFor = name;
    error.textContent = messages.map(inFrench).join(" ");
    field.closest("label").append(error);
  }
  const retry = response.headers.get("Retry-After");
  const general = response.status === 429
    ? `Trop de demandes depuis votre connexion : réessayez dans ${retry ?? "quelques"} secondes.`
    : (unplaced.length ? unplaced.join(" · ") : inFrench(problem.detail ?? problem.title ?? `Erreur ${response.status}`));
  if (!Object.keys(problem.errors ?? {}).length || unplaced.length || response.status === 429) $(".form-error", form).textContent = general;
}

async function file(event) {
  event.preventDefault();
  const form = event.target;
  clearErrors(form);
  const button = $("button[type=submit]", form);
  button.disabled = true;
  try {
    const response = await fetch(form.dataset.endpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(formJson(form)),
    });
    if (response.status !== 201) return await showProblem(form, response);
    const receipt = await response.json();
    $('[data-receipt="trackingNumber"]').textContent = receipt.trackingNumber;
    $('[data-receipt="accessCode"]').textContent = receipt.accessCode;
    $('[data-receipt="receivedOn"]').textContent = formatDay(receipt.receivedOn);
    $('[data-receipt="dueDate"]').textContent = formatDay(receipt.dueDate);
    const follow = $("#follow-form");
    follow.elements.trackingNumber.value = receipt.trackingNumber;
    follow.elements.accessCode.value = receipt.accessCode;
    form.reset();
    show("receipt");
  } catch {
    $(".form-error", form).textContent = "Le service ne répond pas : réessayez dans un instant.";
  } finally {
    button.disabled = false;
  }
}

async function lookUp(event) {
  event?.preventDefault();
  const form = $("#follow-form");
  clearErrors(form);
  const trackingNumber = form.elements.trackingNumber.value.trim().toUpperCase();
  const accessCode = form.elements.accessCode.value.trim();
  $("#case").hidden = true;
  if (!trackingNumber || !accessCode) {
    $(".form-error", form).textContent = "Saisissez le numéro de suivi et le code d'accès de votre récépissé.";
    return;
  }
  const response = await fetch(`/api/cases/${encodeURIComponent(trackingNumber)}`, { headers: { "X-Access-Code": accessCode } });
  if (response.status === 404) {
    $(".form-error", form).textContent = "Aucun dossier ne correspond à ce numéro et à ce code d'accès.";
    return;
  }
  if (!response.ok) return showProblem(form, response);
  showCase(await response.json(), accessCode);
}

function showCase(c, accessCode) {
  const panel = $("#case");
  const kind = c.regime === "information" ? "Demande d'information" : { complaint: "Réclamation", observation: "Observation", suggestion: "Suggestion" }[c.kind] ?? "Réclamation";
  $('[data-case="title"]').textContent = `${kind} ${c.trackingNumber} — ${c.subject}`;
  $('[data-case="body"]').textContent = c.bodyName ?? c.bodyCode;
  $('[data-case="status"]').textContent = statusLabels[c.status] ?? c.status;
  $('[data-case="dueDate"]').textContent = formatDay(c.dueDate);
  $('[data-case="recourseLastDay"]').textContent = formatDay(c.recourseLastDay);
  for (const optional of $$(".optional", panel)) optional.hidden = !c.recourseLastDay;

  const timeline = $(".timeline", panel);
  timeline.replaceChildren(...c.timeline.map(entry => {
    const item = document.createElement("li");
    const when = document.createElement("time");
    when.dateTime = entry.at;
    when.textContent = formatDay(entry.at);
    item.append(when, " ", entry.description ?? entry.kind);
    if (entry.state === "refused") item.classList.add("refused");
    return item;
  }));

  const actions = $(".actions", panel);
  actions.replaceChildren(...c.actions.filter(a => actionForms[a.name]).map(a => actionForm(c, a, accessCode)));
  panel.hidden = false;
}

function actionForm(c, action, accessCode) {
  const spec = actionForms[action.name];
  const form = document.createElement("form");
  form.className = "action";
  form.dataset.action = action.name;
  const rating = spec.field === "rating"
    ? `<label>Note <select name="rating">${[5, 4, 3, 2, 1].map(n => `<option>${n}</option>`).join("")}</select></label>`
    : "";
  const textName = spec.field === "rating" ? "comment" : spec.field;
  form.innerHTML = `<h4></h4>${rating}<label><span></span> <textarea name="${textName}" rows="2"></textarea></label>
    <button type="submit"></button><p class="form-error" role="alert"></p>`;
  $("h4", form).textContent = spec.label;
  $("label > span", form).textContent = spec.prompt;
  $("button", form).textContent = "Envoyer";
  form.addEventListener("submit", async event => {
    event.preventDefault();
    clearErrors(form);
    const body = formJson(form);
    if (body.rating) body.rating = Number(body.rating);
    const response = await fetch(action.path, {
      method: "POST",
      headers: { "content-type": "application/json", "X-Access-Code": accessCode },
      body: JSON.stringify(body),
    });
    if (response.status !== 202) return showProblem(form, response);
    form.replaceChildren(Object.assign(document.createElement("p"), {
      className: "sent",
      textContent: "Votre démarche a été transmise à l'organisme : sa suite apparaîtra dans les étapes de votre dossier.",
    }));
    setTimeout(lookUp, 1500);
  });
  return form;
}

async function loadBodies() {
  const selects = $$("select.bodies");
  try {
    const bodies = await (await fetch("/api/bodies")).json();
    bodies.sort((a, b) => a.nameFr.localeCompare(b.nameFr, "fr"));
    for (const select of selects) {
      select.replaceChildren(new Option("— choisir —", ""), ...bodies.map(b => new Option(`${b.nameFr} (${b.code})`, b.code)));
    }
  } catch {
    for (const select of selects) select.replaceChildren(new Option("liste indisponible : réessayez plus tard", ""));
  }
}

document.addEventListener("DOMContentLoaded", () => {
  for (const fieldset of $$("fieldset.requester")) fieldset.append($("#requester-fields").content.cloneNode(true));
  for (const button of $$("nav button")) button.addEventListener("click", () => show(button.dataset.show));
  $("#request-form").addEventListener("submit", file);
  $("#complaint-form").addEventListener("submit", file);
  $("#follow-form").addEventListener("submit", lookUp);
  $("#follow-this").addEventListener("click", () => { show("follow"); lookUp(); });
  loadBodies();
  // the link in the e-mails: /cases/{trackingNumber}, the access code still to type
  const linked = /^\/cases\/([^/]+)$/.exec(location.pathname);
  if (linked) {
    $("#follow-form").elements.trackingNumber.value = decodeURIComponent(linked[1]);
    show("follow");
    $("#follow-form").elements.accessCode.focus();
  }
});
