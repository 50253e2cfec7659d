// The citizen's page: file an information request or a complaint, keep the receipt, follow the case and act on it,
// in French or Arabic. Everything goes through the intake API; its problem details name the fields, shown next to them.
"use strict";

// the page's French is in the HTML (data-t); its Arabic is here, with the texts the script writes in both languages
const arabic = {
  title: "الحصول على المعلومات والشكايات",
  skip: "الانتقال إلى المحتوى",
  laws: "القانون رقم 31.13 المتعلق بالحق في الحصول على المعلومات · المرسوم رقم 2.17.265 المتعلق بالملاحظات والاقتراحات والشكايات",
  menu: "المساطر",
  askInformation: "طلب الحصول على معلومات",
  fileComplaint: "تقديم شكاية",
  followCase: "تتبع ملفي",
  requestTitle: "طلب الحصول على المعلومات",
  yourRequest: "طلبكم",
  body: "الهيئة المعنية",
  subject: "الموضوع",
  informationAsked: "المعلومات المطلوبة",
  documentType: "نوع الوثيقة",
  documentTypeHint: "تقرير، قرار، إحصائيات…",
  periodFrom: "الفترة من",
  periodTo: "إلى",
  delivery: "طريقة التوصل المرغوب فيها",
  byEmail: "عبر البريد الإلكتروني",
  byPost: "عبر البريد العادي",
  onSite: "الاطلاع بعين المكان",
  pickUp: "السحب لدى الهيئة",
  urgent: "طلب مستعجل",
  urgentReason: "سبب الاستعجال",
  publishable: "أوافق على نشر الجواب، دون معطياتي الشخصية، ليجده الآخرون.",
  publications: "منشورات الهيئات",
  sendRequest: "إرسال الطلب",
  complaintTitle: "شكاية أو ملاحظة أو اقتراح",
  yourStep: "مراسلتكم",
  nature: "النوع",
  complaint: "شكاية",
  observation: "ملاحظة",
  suggestion: "اقتراح",
  statement: "عرض الموضوع",
  theme: "المحور",
  send: "إرسال",
  receiptTitle: "وصل الإيداع",
  keepReceipt: "احتفظوا بهاتين المعلومتين: تمكنانكم من تتبع ملفكم. لا يُعرض رمز الولوج إلا مرة واحدة.",
  trackingNumber: "رقم التتبع",
  accessCode: "رمز الولوج",
  receivedOn: "تاريخ التوصل",
  dueBy: "الأجل الأقصى للرد",
  followThis: "تتبع هذا الملف",
  consult: "عرض الملف",
  bodyShort: "الهيئة",
  status: "الحالة",
  recourseUntil: "آخر أجل لتقديم شكاية إلى رئيس الهيئة",
  steps: "المراحل",
  you: "معلوماتكم",
  fullName: "الاسم الكامل",
  identity: "رقم البطاقة الوطنية أو بطاقة الإقامة",
  email: "البريد الإلكتروني",
  phone: "الهاتف",
  address: "العنوان البريدي",
  correspondence: "لغة المراسلة",
  consent: "أوافق على معالجة معطياتي الشخصية لدراسة طلبي (القانون رقم 09.08).",
  attachments: "مرفقات (اختياري): صور أو PDF أو وثائق مكتبية أو CSV أو نص",
  documents: "وثائق الملف",
  documentsHint: "الوثائق التي توصلتم بها والتي أرسلتموها، لحفظها على جهازكم.",
};

// [French, Arabic]
const texts = {
  information: ["Demande d'information", "طلب الحصول على المعلومات"],
  complaint: ["Réclamation", "شكاية"],
  observation: ["Observation", "ملاحظة"],
  suggestion: ["Suggestion", "اقتراح"],
  choose: ["— choisir —", "— اختيار —"],
  noBodies: ["liste indisponible : réessayez plus tard", "القائمة غير متوفرة: أعيدوا المحاولة لاحقا"],
  noService: ["Le service ne répond pas : réessayez dans un instant.", "الخدمة لا تستجيب: أعيدوا المحاولة بعد لحظات."],
  missing: ["Saisissez le numéro de suivi et le code d'accès de votre récépissé.", "أدخلوا رقم التتبع ورمز الولوج المبيّنين في وصل الإيداع."],
  noCase: ["Aucun dossier ne correspond à ce numéro et à ce code d'accès.", "لا يوجد أي ملف يطابق هذا الرقم ورمز الولوج."],
  rating: ["Note", "التقييم"],
  send: ["Envoyer", "إرسال"],
  attachments: ["Pièces jointes (facultatif)", "مرفقات (اختياري)"],
  chooseFiles: ["Choisir des fichiers", "اختيار الملفات"],
  noFile: ["Aucun fichier choisi", "لم يتم اختيار أي ملف"],
  noDownload: ["Le document n'a pas pu être téléchargé : réessayez dans un instant.", "تعذر تحميل الوثيقة: أعيدوا المحاولة بعد لحظات."],
  sent: ["Votre démarche a été transmise à l'organisme : sa suite apparaîtra dans les étapes de votre dossier.",
    "تمت إحالة طلبكم على الهيئة، وستظهر نتيجته في مراحل ملفكم."],
};

// the step a document belongs to
const documentSteps = {
  filing: ["Pièces de votre réclamation", "مرفقات شكايتكم"],
  scan: ["Copie de votre dépôt", "نسخة من طلبكم المودع"],
  "clarification-request": ["Demande de précision", "طلب التوضيح"],
  "clarification-answer": ["Votre précision", "توضيحكم"],
  recourse: ["Votre recours", "شكايتكم إلى رئيس الهيئة"],
  answer: ["Réponse de l'organisme", "رد الهيئة"],
  "recourse-answer": ["Réponse à votre recours", "الرد على شكايتكم"],
};

// a file intake refused, by the status it answered
const fileRefusals = {
  413: ["Le fichier « {0} » est trop volumineux : rien n'a été envoyé.", "الملف «{0}» كبير جدا: لم يتم إرسال أي شيء."],
  415: ["Le fichier « {0} » n'est pas d'un type accepté (PDF, PNG, JPEG, bureautique, CSV ou texte), quel que soit son nom : rien n'a été envoyé.",
    "الملف «{0}» ليس من نوع مقبول (PDF أو PNG أو JPEG أو مكتبي أو CSV أو نص)، كيفما كان اسمه: لم يتم إرسال أي شيء."],
  422: ["Le fichier « {0} » est refusé : il est vide ou son nom n'est pas valide. Rien n'a été envoyé.",
    "تم رفض الملف «{0}»: إنه فارغ أو اسمه غير صالح. لم يتم إرسال أي شيء."],
};

const actionForms = {
  recourse: { field: "text", files: true, label: ["Former un recours auprès du chef de l'organisme", "تقديم شكاية إلى رئيس الهيئة"],
    prompt: ["Motifs du recours", "أسباب الشكاية"] },
  reopen: { field: "text", label: ["Rouvrir ma réclamation", "إعادة فتح ملفي"],
    prompt: ["Pourquoi la réponse ne vous satisfait pas", "لماذا لم يُرضكم الرد"] },
  clarify: { field: "text", files: true, label: ["Envoyer la précision demandée", "إرسال التوضيح المطلوب"], prompt: ["Votre précision", "توضيحكم"] },
  rate: { field: "rating", label: ["Noter la réponse", "تقييم الرد"], prompt: ["Commentaire (facultatif)", "تعليق (اختياري)"] },
  withdraw: { field: "reason", label: ["Retirer ma démarche", "سحب طلبي"], prompt: ["Motif (facultatif)", "السبب (اختياري)"] },
};

// the API's messages are in English; the page shows the ones a citizen can meet in its language (others as they come)
const messages = {
  "Required.": ["Champ obligatoire.", "حقل إجباري."],
  "Not a valid e-mail address.": ["Adresse électronique invalide.", "عنوان بريد إلكتروني غير صالح."],
  "Not a valid phone number.": ["Numéro de téléphone invalide.", "رقم هاتف غير صالح."],
  "Required for delivery by e-mail.": ["Obligatoire pour une réponse par courrier électronique.", "إجباري للتوصل بالرد عبر البريد الإلكتروني."],
  "Required for delivery by post.": ["Obligatoire pour une réponse par voie postale.", "إجباري للتوصل بالرد عبر البريد العادي."],
  "Give at least one way to reach you: e-mail, postal address or phone.": [
    "Indiquez au moins un moyen de vous joindre : courrier électronique, adresse postale ou téléphone.",
    "أدخلوا وسيلة واحدة على الأقل للتواصل معكم: البريد الإلكتروني أو العنوان البريدي أو الهاتف."],
  "A national ID (CNIE) or residence permit number: 1–2 letters then digits, e.g. AB123456.": [
    "Numéro de CNIE ou de carte de séjour : une ou deux lettres puis des chiffres, par exemple AB123456.",
    "رقم البطاقة الوطنية أو بطاقة الإقامة: حرف أو حرفان ثم أرقام، مثلا AB123456."],
  "Consent to the processing of personal data (Law 09-08) is required to handle the case.": [
    "Votre consentement au traitement de vos données personnelles (loi n° 09-08) est nécessaire pour instruire votre démarche.",
    "موافقتكم على معالجة معطياتكم الشخصية (القانون رقم 09.08) ضرورية لدراسة طلبكم."],
  "The end of the period covered is before its start.": ["La fin de la période précède son début.", "نهاية الفترة تسبق بدايتها."],
  "From 1 (poor) to 5 (very good).": ["De 1 (mauvaise) à 5 (très bonne).", "من 1 (ضعيف) إلى 5 (جيد جدا)."],
  "Some fields are missing or invalid; nothing was recorded.": [
    "Des champs manquent ou sont invalides : rien n'a été enregistré.", "بعض الحقول ناقصة أو غير صالحة: لم يتم تسجيل أي شيء."],
  "Some fields are missing or invalid; nothing was sent.": [
    "Des champs manquent ou sont invalides : rien n'a été envoyé.", "بعض الحقول ناقصة أو غير صالحة: لم يتم إرسال أي شيء."],
  "This action is not open on the case now; nothing was sent.": [
    "Cette démarche n'est plus possible sur votre dossier : rien n'a été envoyé.", "هذا الإجراء غير متاح حاليا في ملفكم: لم يتم إرسال أي شيء."],
  "The receipt could not be stored and nothing was recorded. Please try again.": [
    "Votre démarche n'a pas pu être enregistrée : réessayez dans un instant.", "تعذر تسجيل طلبكم: أعيدوا المحاولة بعد لحظات."],
};

const monthsAr = ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"];

const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

let lang = "fr";
const french = {};
const t = key => texts[key][lang === "ar" ? 1 : 0];
const pick = pair => pair[lang === "ar" ? 1 : 0];

function translated(message) {
  if (messages[message]) return pick(messages[message]);
  const most = /^At most (\d+) characters\.$/.exec(message);
  if (most) return lang === "ar" ? `${most[1]} حرفا على الأكثر.` : `${most[1]} caractères au plus.`;
  return message;
}

// the cookie first, then the browser's languages: Arabic when it comes before French
function initialLanguage() {
  const chosen = /(?:^|;\s*)requests\.lang=(ar|fr)/.exec(document.cookie);
  if (chosen) return chosen[1];
  const first = navigator.languages.map(l => l.slice(0, 2).toLowerCase()).find(l => l === "ar" || l === "fr");
  return first === "ar" ? "ar" : "fr";
}

function setLanguage(next) {
  lang = next;
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
  for (const element of $$("[data-t]")) element.textContent = lang === "ar" ? arabic[element.dataset.t] : french[element.dataset.t];
  for (const element of $$("[data-t-placeholder]")) {
    element.placeholder = lang === "ar" ? arabic[element.dataset.tPlaceholder] : french[element.dataset.tPlaceholder];
  }
  $("nav").setAttribute("aria-label", lang === "ar" ? arabic.menu : french.menu);
  const other = $("#language");
  other.lang = lang === "ar" ? "fr" : "ar";
  other.textContent = lang === "ar" ? "Français" : "العربية";
  for (const select of $$("select[name=language]")) select.value = lang;
  for (const error of $$(".error")) {
    error.textContent = error.dataset.file !== undefined ? fileRefused(error.dataset.status, error.dataset.file)
      : JSON.parse(error.dataset.messages).map(translated).join(" ");
  }
  for (const input of $$(".file-field input")) showFiles(input);
  showBodies();
  showThemes();
  if (receipt) showReceipt();
  if (!$("#case").hidden) lookUp();
}

function remember() {
  const next = lang === "ar" ? "fr" : "ar";
  document.cookie = `requests.lang=${next}; path=/; max-age=31536000; samesite=lax`;
  setLanguage(next);
}

function show(panel) {
  for (const section of $$("main > section")) section.hidden = section.id !== panel;
  for (const button of $$("nav button")) {
    button.classList.toggle("active", button.dataset.show === panel);
    if (button.dataset.show === panel) button.setAttribute("aria-current", "true"); else button.removeAttribute("aria-current");
  }
}

// a file field in the page's language (the browser names its own button in the browser's): the field stays, focusable
// and read by screen readers, hidden behind the page's button and the chosen names; without script it shows as it is
function filePicker(input) {
  const field = document.createElement("span");
  field.className = "file-field";
  input.before(field);
  field.append(input, ...["file-choose", "file-names"].map(name => {
    const shown = document.createElement("span");
    shown.className = name;
    shown.setAttribute("aria-hidden", "true");
    return shown;
  }));
  input.addEventListener("change", () => showFiles(input));
  input.form?.addEventListener("reset", () => setTimeout(() => showFiles(input)));
  showFiles(input);
}

function showFiles(input) {
  const [choose, names] = $$("span", input.parentElement);
  choose.textContent = t("chooseFiles");
  names.textContent = [...input.files].map(f => f.name).join(", ") || t("noFile");
}

const fileRefused = (status, name) => pick(fileRefusals[status] ?? fileRefusals[422]).replace("{0}", name);

const documentType = type => ({ "application/pdf": "PDF", "image/png": "PNG", "image/jpeg": "JPEG", "text/csv": "CSV" })[type]
  ?? (type === "text/plain" ? pick(["Texte", "نص"]) : /word|opendocument\.text/.test(type) ? "Word"
    : /sheet|excel/.test(type) ? "Excel" : /presentation|powerpoint/.test(type) ? "PowerPoint" : type);

// "12 Ko", "1,5 Mo" (Western digits in both languages)
function formatSize(bytes) {
  const [fr, ar] = bytes < 1024 ? [`${bytes} octets`, `${bytes} بايت`]
    : bytes < 1048576 ? [`${(bytes / 1024).toFixed(1)} Ko`, `${(bytes / 1024).toFixed(1)} ك.ب`]
      : [`${(bytes / 1048576).toFixed(1)} Mo`, `${(bytes / 1048576).toFixed(1)} م.ب`];
  return lang === "ar" ? ar : fr.replace(".", ",");
}

// "24 novembre 2026", "24 نونبر 2026": Western digits and the month names used in Morocco
function formatDay(iso) {
  if (!iso) return "";
  const [year, month, day] = iso.slice(0, 10).split("-").map(Number);
  if (lang === "ar") return `${day} ${monthsAr[month - 1]} ${year}`;
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString("fr-MA", { dateStyle: "long", timeZone: "UTC" });
}

// a form's named fields as the API's JSON: "requester.email" nests, empty fields are left out, checkboxes are booleans
function formJson(form) {
  const json = {};
  for (const field of $$("[name]", form)) {
    if (field.type === "file") continue;
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
  for (const field of $$("[aria-invalid]", form)) {
    field.removeAttribute("aria-invalid");
    field.removeAttribute("aria-describedby");
  }
  $(".form-error", form).textContent = "";
}

// problem details: each error next to the field it names, the rest above the button
async function showProblem(form, response) {
  let problem = {};
  try { problem = await response.json(); } catch { /* not JSON */ }
  const unplaced = [];
  const files = $("input[type=file]", form);
  for (const [name, list] of Object.entries(problem.errors ?? {})) {
    if (files && !form.elements.namedItem(name) && [413, 415, 422].includes(response.status)
      && [...files.files].some(f => f.name === name || f.name.endsWith(name))) {
      placeError(form, files, name, [], { file: name, status: String(response.status) });
      continue;
    }
    const field = form.elements.namedItem(name) ?? $(`[name^="${name}."]`, form);
    if (!field || field instanceof RadioNodeList) { unplaced.push(`${name} : ${list.map(translated).join(" ")}`); continue; }
    placeError(form, field, name, list);
  }
  // a request over the limits, refused before its files were read
  if (files && response.status === 413 && !Object.keys(problem.errors ?? {}).length && files.files.length) {
    placeError(form, files, "file", [], { file: [...files.files].map(f => f.name).join(", "), status: "413" });
    return;
  }
  const retry = response.headers.get("Retry-After");
  const general = response.status === 429
    ? (lang === "ar" ? `طلبات كثيرة من اتصالكم: أعيدوا المحاولة بعد ${retry ?? "بضع"} ثوان.`
      : `Trop de demandes depuis votre connexion : réessayez dans ${retry ?? "quelques"} secondes.`)
    : (unplaced.length ? unplaced.join(" · ")
      : translated(problem.detail ?? problem.title ?? (lang === "ar" ? `خطأ ${response.status}` : `Erreur ${response.status}`)));
  if (!Object.keys(problem.errors ?? {}).length || unplaced.length || response.status === 429) $(".form-error", form).textContent = general;
}

// a message next to its field: the API's messages (translated), or a refused file (data-file, data-status)
function placeError(form, field, name, list, file) {
  const error = document.createElement("small");
  error.className = "error";
  error.id = `error-${form.id}-${name}`.replace(/\W/g, "-");
  error.dataset.errorFor = name;
  error.dataset.messages = JSON.stringify(list);
  if (file) Object.assign(error.dataset, file);
  error.textContent = file ? fileRefused(file.status, file.file) : list.map(translated).join(" ");
  field.setAttribute("aria-invalid", "true");
  field.setAttribute("aria-describedby", error.id);
  field.closest("label").append(error);
}

// the form as JSON, or with its files as multipart/form-data: the JSON as the part "form", each file as a part "file"
function requestBody(form, json, headers) {
  const files = [...($("input[type=file]", form)?.files ?? [])];
  if (!files.length) return { headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(json) };
  const data = new FormData();
  data.append("form", JSON.stringify(json));
  for (const file of files) data.append("file", file);
  return { headers, body: data };
}

// the access code travels in a header, never in an address: the file is fetched, then saved from memory
async function download(trackingNumber, accessCode, document_, error) {
  error.textContent = "";
  try {
    const response = await fetch(`/api/cases/${encodeURIComponent(trackingNumber)}/documents/${document_.id}`,
      { headers: { "X-Access-Code": accessCode } });
    if (!response.ok) throw new Error(String(response.status));
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement("a"), { href: url, download: document_.name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch {
    error.textContent = t("noDownload");
  }
}

// a list of documents, each a button that saves it
function documentList(c, accessCode, list, withStep) {
  const items = document.createElement("ul");
  items.className = "documents";
  const error = $(".download-error");
  items.append(...list.map(d => {
    const item = document.createElement("li");
    const button = Object.assign(document.createElement("button"), { type: "button", className: "document", textContent: d.name });
    button.dir = "auto";
    button.addEventListener("click", () => download(c.trackingNumber, accessCode, d, error));
    const about = document.createElement("small");
    // each part isolated, so that Latin names and numbers keep their place in Arabic
    const parts = [withStep && documentSteps[d.step] ? pick(documentSteps[d.step]) : null, documentType(d.contentType),
      formatSize(d.size), formatDay(d.addedAt)].filter(Boolean);
    about.append(...parts.flatMap((part, i) => [...(i ? [" · "] : []), Object.assign(document.createElement("bdi"), { textContent: part })]));
    item.append(button, " ", about);
    return item;
  }));
  return items;
}

let receipt = null;

function showReceipt() {
  $('[data-receipt="trackingNumber"]').textContent = receipt.trackingNumber;
  $('[data-receipt="accessCode"]').textContent = receipt.accessCode;
  $('[data-receipt="receivedOn"]').textContent = formatDay(receipt.receivedOn);
  $('[data-receipt="dueDate"]').textContent = formatDay(receipt.dueDate);
}

// one key per filing, kept while it is sent again and until the form changes: intake stores it once (Idempotency-Key)
function newKey() {
  return [...crypto.getRandomValues(new Uint8Array(16))].map(b => b.toString(16).padStart(2, "0")).join("");
}

// a filing whose answer was lost (no connection, 502, 503) is sent again with its key, up to three times
async function sendFiling(form) {
  form.dataset.key ||= newKey();
  const request = { method: "POST", ...requestBody(form, formJson(form), { "Idempotency-Key": form.dataset.key }) };
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(form.dataset.endpoint, request);
      if (attempt === 3 || ![502, 503].includes(response.status)) return response;
    } catch (error) {
      if (attempt === 3) throw error;
    }
    await new Promise(resolve => setTimeout(resolve, 1000 * attempt));
  }
}

async function file(event) {
  event.preventDefault();
  const form = event.target;
  clearErrors(form);
  const button = $("button[type=submit]", form);
  button.disabled = true;
  try {
    const response = await sendFiling(form);
    if (response.status !== 201) return await showProblem(form, response);
    delete form.dataset.key;
    receipt = await response.json();
    showReceipt();
    const follow = $("#follow-form");
    follow.elements.trackingNumber.value = receipt.trackingNumber;
    follow.elements.accessCode.value = receipt.accessCode;
    form.reset();
    for (const select of $$("select[name=language]", form)) select.value = lang;
    show("receipt");
  } catch {
    $(".form-error", form).textContent = t("noService");
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
    $(".form-error", form).textContent = t("missing");
    return;
  }
  const response = await fetch(`/api/cases/${encodeURIComponent(trackingNumber)}?lang=${lang}`, { headers: { "X-Access-Code": accessCode } });
  if (response.status === 404) {
    $(".form-error", form).textContent = t("noCase");
    return;
  }
  if (!response.ok) return showProblem(form, response);
  showCase(await response.json(), accessCode);
}

function showCase(c, accessCode) {
  const panel = $("#case");
  const kind = t(c.regime === "information" ? "information" : texts[c.kind] ? c.kind : "complaint");
  $('[data-case="title"]').textContent = `${kind} ${c.trackingNumber} — ${c.subject}`;
  $('[data-case="body"]').textContent = c.bodyName ?? c.bodyCode;
  $('[data-case="status"]').textContent = c.statusLabel;
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
    if (entry.documents?.length) item.append(documentList(c, accessCode, entry.documents, false));
    if (entry.state === "refused") item.classList.add("refused");
    return item;
  }));

  const documents = $(".case-documents", panel);
  documents.hidden = !c.documents?.length;
  $(".download-error", documents).textContent = "";
  $("ul.documents", documents).replaceWith(documentList(c, accessCode, c.documents ?? [], true));

  const actions = $(".actions", panel);
  actions.replaceChildren(...c.actions.filter(a => actionForms[a.name]).map(a => actionForm(c, a, accessCode)));
  panel.hidden = false;
}

function actionForm(c, action, accessCode) {
  const spec = actionForms[action.name];
  const form = document.createElement("form");
  form.className = "action";
  form.id = `action-${action.name}`;
  form.dataset.action = action.name;
  const rating = spec.field === "rating"
    ? `<label><span></span> <select name="rating">${[5, 4, 3, 2, 1].map(n => `<option>${n}</option>`).join("")}</select></label>`
    : "";
  const textName = spec.field === "rating" ? "comment" : spec.field;
  const files = spec.files ? `<label><span class="files"></span> <input type="file" name="file" multiple></label>` : "";
  form.innerHTML = `<h4></h4>${rating}<label><span class="prompt"></span> <textarea name="${textName}" rows="2"></textarea></label>
    ${files}<button type="submit"></button><p class="form-error" role="alert"></p>`;
  if (files) {
    $(".files", form).textContent = t("attachments");
    filePicker($("input[type=file]", form));
  }
  $("h4", form).textContent = pick(spec.label);
  if (rating) $("label > span", form).textContent = t("rating");
  $(".prompt", form).textContent = pick(spec.prompt);
  $("button", form).textContent = t("send");
  form.addEventListener("submit", async event => {
    event.preventDefault();
    clearErrors(form);
    const body = formJson(form);
    if (body.rating) body.rating = Number(body.rating);
    const response = await fetch(action.path, { method: "POST", ...requestBody(form, body, { "X-Access-Code": accessCode }) });
    if (response.status !== 202) return showProblem(form, response);
    form.replaceChildren(Object.assign(document.createElement("p"), { className: "sent", textContent: t("sent") }));
    setTimeout(lookUp, 1500);
  });
  return form;
}

let bodies; // undefined while loading, null when the list could not be had

function showBodies() {
  for (const select of $$("select.bodies")) {
    const chosen = select.value;
    if (bodies === undefined) continue;
    if (bodies === null) { select.replaceChildren(new Option(t("noBodies"), "")); continue; }
    const name = b => lang === "ar" ? b.nameAr : b.nameFr;
    const sorted = [...bodies].sort((a, b) => name(a).localeCompare(name(b), lang));
    select.replaceChildren(new Option(t("choose"), ""), ...sorted.map(b => new Option(`${name(b)} (${b.code})`, b.code)));
    select.value = chosen;
  }
}

async function loadBodies() {
  try {
    bodies = await (await fetch("/api/bodies")).json();
  } catch {
    bodies = null;
  }
  showBodies();
}

let themes; // the closed list of complaint themes, once loaded

function showThemes() {
  if (!themes) return;
  const name = theme => lang === "ar" ? theme.nameAr : theme.nameFr;
  for (const select of $$("select.themes")) {
    const chosen = select.value;
    select.replaceChildren(new Option(t("choose"), ""), ...themes.map(theme => new Option(name(theme), theme.code)));
    select.value = chosen;
  }
}

async function loadThemes() {
  try {
    themes = await (await fetch("/api/themes")).json();
  } catch {
    themes = null;
  }
  showThemes();
}

document.addEventListener("DOMContentLoaded", () => {
  for (const fieldset of $$("fieldset.requester")) fieldset.append($("#requester-fields").content.cloneNode(true));
  for (const element of $$("[data-t]")) french[element.dataset.t] = element.textContent;
  for (const element of $$("[data-t-placeholder]")) french[element.dataset.tPlaceholder] = element.placeholder;
  french.menu = $("nav").getAttribute("aria-label");
  for (const input of $$("input[type=file]")) filePicker(input);
  for (const button of $$("nav button")) button.addEventListener("click", () => show(button.dataset.show));
  $("#language").addEventListener("click", remember);
  for (const form of [$("#request-form"), $("#complaint-form")]) {
    form.addEventListener("submit", file);
    // another filing: another key
    form.addEventListener("input", () => delete form.dataset.key);
  }
  $("#follow-form").addEventListener("submit", lookUp);
  $("#follow-this").addEventListener("click", () => { show("follow"); lookUp(); });
  setLanguage(initialLanguage());
  loadBodies();
  loadThemes();
  // the link in the e-mails: /cases/{trackingNumber}, the access code still to type
  const linked = /^\/cases\/([^/]+)$/.exec(location.pathname);
  if (linked) {
    $("#follow-form").elements.trackingNumber.value = decodeURIComponent(linked[1]);
    show("follow");
    $("#follow-form").elements.accessCode.focus();
  }
});
