// The public pages of what bodies publish: the search with its filters, one item (a register entry or an answer), and a
// body's page with its figures, in French or Arabic. Everything comes from the open API (/api/public/...), without sign-in.
"use strict";

// the page's French is in the HTML (data-t); its Arabic is here
const arabic = {
  title: "منشورات الهيئات العمومية",
  skip: "الانتقال إلى المحتوى",
  intro: "ما تنشره الهيئات من تلقاء نفسها (القانون رقم 31.13، المادة 10)، والأجوبة المنشورة، وأرقام كل هيئة، مفتوحة للجميع.",
  menu: "الأقسام",
  searchLink: "البحث",
  fileLink: "طلب الحصول على معلومات",
  searchTitle: "البحث في المنشورات",
  query: "الكلمات المبحوث عنها (بالعربية أو الفرنسية)",
  filters: "التصفية",
  kind: "النوع",
  all: "الكل",
  kindRegister: "معلومة نشرتها الهيئة",
  kindAnswer: "جواب على طلب",
  bodyShort: "الهيئة",
  sector: "القطاع",
  category: "الصنف",
  year: "السنة",
  outcome: "مآل الطلب",
  searchButton: "بحث",
  results: "النتائج",
  pages: "صفحات النتائج",
  previous: "الصفحة السابقة",
  next: "الصفحة التالية",
  openData: "البيانات المفتوحة لهذا البحث:",
  files: "الملفات",
  openDataItem: "هذا المنشور بصيغة البيانات المفتوحة:",
  officers: "التواصل مع الأشخاص المكلفين بالمعلومات",
  register: "المعلومات التي نشرتها الهيئة",
  answers: "الأجوبة المنشورة",
  figures: "الأرقام حسب السنة",
  figuresCaption: "طلبات الحصول على المعلومات المتوصل بها والمعالجة، كما تحسبها مصلحة التقارير (الآجال بأيام العمل)",
  received: "المتوصل بها",
  answered: "المجاب عنها",
  responseRate: "نسبة الرد",
  averageDelay: "متوسط الأجل",
  medianDelay: "الأجل الوسيط",
  inTimeRate: "داخل الأجل",
  noFigures: "الأرقام غير متوفرة حاليا.",
  openDataBody: "هذه الصفحة بصيغة البيانات المفتوحة:",
  laws: "القانون رقم 31.13 المتعلق بالحق في الحصول على المعلومات",
  apiDoc: "نفس البيانات لإعادة الاستعمال:",
  apiLink: "وصف واجهة البرمجة",
};

// [French, Arabic]
const texts = {
  choose: ["tous", "الكل"],
  count: ["{0} résultat(s)", "{0} نتيجة"],
  countMore: ["Plus de {0} résultats, les plus récents d'abord : ajoutez un mot ou un filtre pour voir d'abord ceux qui ont vos mots dans leur titre.",
    "أكثر من {0} نتيجة، الأحدث أولا: أضيفوا كلمة أو تصفية لتظهر أولا المنشورات التي تحمل كلماتكم في عناوينها."],
  none: ["Aucune publication ne correspond : essayez d'autres mots ou moins de filtres.", "لا يوجد أي منشور مطابق: جربوا كلمات أخرى أو تصفية أقل."],
  pageOf: ["Page {0} sur {1}", "الصفحة {0} من {1}"],
  noService: ["Le service ne répond pas : réessayez dans un instant.", "الخدمة لا تستجيب: أعيدوا المحاولة بعد لحظات."],
  notFound: ["Cette publication n'existe pas ou a été retirée.", "هذا المنشور غير موجود أو تم سحبه."],
  invalid: ["Un filtre n'est pas valide : {0}", "إحدى قيم التصفية غير صالحة: {0}"],
  register: ["Information publiée par l'organisme", "معلومة نشرتها الهيئة"],
  answer: ["Réponse à une demande d'accès à l'information", "جواب على طلب الحصول على معلومات"],
  body: ["Organisme", "الهيئة"],
  category: ["Catégorie", "الصنف"],
  publishedOn: ["Publiée le", "تاريخ النشر"],
  filedOn: ["Demande reçue le", "تاريخ التوصل بالطلب"],
  answeredOn: ["Réponse le", "تاريخ الرد"],
  delay: ["Délai de réponse", "أجل الرد"],
  days: ["{0} jour(s) ouvrable(s)", "{0} يوم عمل"],
  outcome: ["Suite donnée", "مآل الطلب"],
  ground: ["Motif légal", "السبب القانوني"],
  question: ["La question", "السؤال"],
  answerText: ["La réponse", "الجواب"],
  summary: ["Résumé", "ملخص"],
  link: ["Lien", "رابط"],
  noFiles: ["Aucun fichier.", "لا توجد ملفات."],
  sectorLabel: ["Secteur", "القطاع"],
  region: ["Région", "الجهة"],
  noOfficers: ["Aucun contact publié.", "لا توجد جهة اتصال منشورة."],
  nothing: ["Rien n'est publié pour le moment.", "لا شيء منشور حاليا."],
  allAnswers: ["Toutes les réponses publiées de l'organisme ({0})", "جميع الأجوبة المنشورة للهيئة ({0})"],
  download: ["Télécharger", "تحميل"],
};

const sectors = {
  ministry: ["Départements ministériels", "القطاعات الوزارية"],
  "public-establishment": ["Établissements publics", "المؤسسات العمومية"],
  "territorial-collectivity": ["Collectivités territoriales", "الجماعات الترابية"],
};

// the twelve regions (2015), as the directory writes them in French
const regionsAr = {
  "Tanger-Tétouan-Al Hoceïma": "طنجة تطوان الحسيمة", "L'Oriental": "الشرق", "Fès-Meknès": "فاس مكناس",
  "Rabat-Salé-Kénitra": "الرباط سلا القنيطرة", "Béni Mellal-Khénifra": "بني ملال خنيفرة", "Casablanca-Settat": "الدار البيضاء سطات",
  "Marrakech-Safi": "مراكش آسفي", "Drâa-Tafilalet": "درعة تافيلالت", "Souss-Massa": "سوس ماسة", "Guelmim-Oued Noun": "كلميم واد نون",
  "Laâyoune-Sakia El Hamra": "العيون الساقية الحمراء", "Dakhla-Oued Ed-Dahab": "الداخلة وادي الذهب",
};

const outcomes = {
  granted: ["Information communiquée", "تم تقديم المعلومات"],
  "partially-granted": ["Communiquée en partie", "تم تقديمها جزئيا"],
  refused: ["Refusée", "تم رفض الطلب"],
  "not-held": ["Information non détenue", "المعلومات غير متوفرة لدى الهيئة"],
};

const grounds = {
  "not-held": ["Information non détenue par l'organisme", "المعلومات غير متوفرة لدى الهيئة"],
  "national-defence": ["Défense nationale", "الدفاع الوطني"],
  "state-security": ["Sûreté intérieure et extérieure de l'État", "أمن الدولة الداخلي والخارجي"],
  "private-life": ["Vie privée et données à caractère personnel", "الحياة الخاصة للأفراد والمعطيات ذات الطابع الشخصي"],
  "rights-and-freedoms": ["Libertés et droits fondamentaux", "الحريات والحقوق الأساسية"],
  "protection-of-sources": ["Protection des sources de l'information", "حماية مصادر المعلومات"],
  "foreign-relations": ["Relations avec un État étranger ou une organisation internationale", "العلاقات مع دولة أخرى أو منظمة دولية"],
  "monetary-and-economic-policy": ["Politique monétaire, économique ou financière de l'État", "السياسة النقدية أو الاقتصادية أو المالية للدولة"],
  "intellectual-property": ["Propriété industrielle, droits d'auteur et droits voisins", "حقوق الملكية الصناعية أو حقوق المؤلف والحقوق المجاورة"],
  "victims-and-witnesses": ["Protection des victimes, des témoins, des experts et des dénonciateurs", "حماية الضحايا والشهود والخبراء والمبلغين"],
  "government-deliberations": ["Secret des délibérations du Conseil des ministres et du Conseil de gouvernement", "سرية مداولات المجلس الوزاري ومجلس الحكومة"],
  investigations: ["Secret des enquêtes et investigations administratives", "سرية الأبحاث والتحريات الإدارية"],
  "judicial-proceedings": ["Bon déroulement des procédures judiciaires", "سير المساطر القضائية والمساطر التمهيدية المتعلقة بها"],
  "free-competition": ["Libre concurrence et initiative privée", "مبادئ المنافسة الحرة والمشروعة والمبادرة الخاصة"],
  "already-published": ["Information déjà publiée", "معلومات سبق نشرها"],
  "repeated-request": ["Demande répétée au cours de la même année", "طلب متكرر خلال نفس السنة"],
  "unclear-request": ["Demande imprécise", "طلب غير واضح"],
  "in-preparation": ["Information en cours d'élaboration", "معلومات في طور الإعداد"],
  "deposited-with-archives": ["Information déposée auprès des Archives du Maroc", "معلومات مودعة لدى مؤسسة أرشيف المغرب"],
};

const monthsAr = ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"];

const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

let lang = "fr";
const french = {};
const pick = pair => pair[lang === "ar" ? 1 : 0];
const t = (key, ...args) => args.reduce((text, arg, i) => text.replace(`{${i}}`, arg), pick(texts[key]));
const named = (fr, ar) => (lang === "ar" ? ar || fr : fr || ar) ?? "";
const element = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter(c => c !== null && c !== undefined));
  return node;
};
const isolated = text => element("bdi", { textContent: text });

function initialLanguage() {
  const chosen = /(?:^|;\s*)requests\.lang=(ar|fr)/.exec(document.cookie);
  if (chosen) return chosen[1];
  const first = navigator.languages.map(l => l.slice(0, 2).toLowerCase()).find(l => l === "ar" || l === "fr");
  return first === "ar" ? "ar" : "fr";
}

// "24 novembre 2026", "24 نونبر 2026": Western digits and the month names used in Morocco
function formatDay(iso) {
  if (!iso) return "";
  const [year, month, day] = iso.slice(0, 10).split("-").map(Number);
  if (lang === "ar") return `${day} ${monthsAr[month - 1]} ${year}`;
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString("fr-MA", { dateStyle: "long", timeZone: "UTC" });
}

const decimal = value => value === null || value === undefined ? "—"
  : (Math.round(value * 10) / 10).toString().replace(".", lang === "ar" ? "." : ",");
const percent = value => value === null || value === undefined ? "—" : `${decimal(value)} %`;

function formatSize(bytes) {
  const [fr, ar] = bytes < 1024 ? [`${bytes} octets`, `${bytes} بايت`]
    : bytes < 1048576 ? [`${(bytes / 1024).toFixed(1)} Ko`, `${(bytes / 1024).toFixed(1)} ك.ب`]
      : [`${(bytes / 1048576).toFixed(1)} Mo`, `${(bytes / 1048576).toFixed(1)} م.ب`];
  return lang === "ar" ? ar : fr.replace(".", ",");
}

const fileType = type => ({ "application/pdf": "PDF", "image/png": "PNG", "image/jpeg": "JPEG", "text/csv": "CSV" })[type]
  ?? (/sheet|excel/.test(type) ? pick(["Tableur", "جدول"]) : type);

async function getJson(path) {
  const response = await fetch(path, { headers: { accept: "application/json" } });
  if (!response.ok) {
    const error = new Error(String(response.status));
    error.status = response.status;
    try { error.problem = await response.json(); } catch { /* not JSON */ }
    throw error;
  }
  return response.json();
}

const params = new URLSearchParams(location.search);
let bodies = [];
let categories = [];

function fillSelect(select, options) {
  const chosen = select.value || params.get(select.name) || "";
  select.replaceChildren(new Option(t("choose"), ""), ...options.map(([value, label]) => new Option(label, value)));
  select.value = chosen;
}

function showFilters() {
  const form = $("#search-form");
  fillSelect($("select.bodies", form), [...bodies].sort((a, b) => named(a.nameFr, a.nameAr).localeCompare(named(b.nameFr, b.nameAr), lang))
    .map(b => [b.code, named(b.nameFr, b.nameAr)]));
  fillSelect($("select.sectors", form), Object.entries(sectors).map(([code, pair]) => [code, pick(pair)]));
  fillSelect($("select.categories", form), categories.map(c => [c.code, named(c.labelFr, c.labelAr)]));
  fillSelect($("select.outcomes", form), Object.entries(outcomes).map(([code, pair]) => [code, pick(pair)]));
}

const itemAddress = item => `/publication.html?show=${encodeURIComponent(item.kind)}&id=${encodeURIComponent(item.id)}`;
const bodyAddress = code => `/publication.html?show=body&code=${encodeURIComponent(code)}`;

// one result: its title as a link, the body, what it is, the date and a short text
function resultItem(item) {
  const title = named(item.titleFr, item.titleAr) || item.title;
  const about = [item.kind === "answer" ? t("answer") : named(item.categoryLabelFr, item.categoryLabelAr) || t("register"),
    item.outcome && outcomes[item.outcome] ? pick(outcomes[item.outcome]) : null, formatDay(item.date)].filter(Boolean);
  const meta = element("p", { className: "meta" });
  meta.append(element("a", { href: bodyAddress(item.bodyCode), textContent: named(item.bodyNameFr, item.bodyNameAr) || item.bodyCode }));
  for (const part of about) meta.append(" · ", isolated(part));
  const summary = named(item.summaryFr, item.summaryAr) || item.summary;
  return element("li", { className: "result" },
    element("h3", {}, element("a", { href: itemAddress(item), textContent: title, dir: "auto" })),
    meta,
    summary ? element("p", { className: "summary", textContent: summary, dir: "auto" }) : null);
}

function searchQuery() {
  const query = new URLSearchParams();
  for (const name of ["q", "kind", "body", "sector", "category", "year", "outcome", "page"]) {
    const value = params.get(name)?.trim();
    if (value) query.set(name, value);
  }
  return query;
}

let lastSearch = null;

async function search() {
  const form = $("#search-form");
  for (const name of ["q", "kind", "year"]) form.elements[name].value = params.get(name) ?? "";
  const query = searchQuery();
  $("a.json", $("#search")).href = `/api/public/search?${query}`;
  const csv = new URLSearchParams(query);
  csv.delete("page");
  $("a.csv", $("#search")).href = `/api/public/search.csv?${csv}`;
  try {
    lastSearch = await getJson(`/api/public/search?${query}`);
  } catch (error) {
    lastSearch = null;
    const errors = Object.keys(error.problem?.errors ?? {});
    $("#count").textContent = errors.length ? t("invalid", errors.join(", ")) : t("noService");
    $("ol.results").replaceChildren();
    return;
  }
  showResults();
}

function showResults() {
  if (!lastSearch) return;
  const { total, totalExact, page, pageSize, items } = lastSearch;
  $("#count").textContent = !total ? t("none")
    : totalExact ? t("count", total) : t("countMore", new Intl.NumberFormat("fr-FR").format(total));
  $("ol.results").replaceChildren(...items.map(resultItem));
  $("ol.results").start = (page - 1) * pageSize + 1;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pager = $("nav.pager");
  pager.hidden = pages <= 1;
  $(".page-of", pager).textContent = t("pageOf", page, pages);
  for (const [link, target] of [[$("a[rel=prev]", pager), page - 1], [$("a[rel=next]", pager), page + 1]]) {
    if (target < 1 || target > pages) { link.removeAttribute("href"); link.hidden = true; continue; }
    const query = searchQuery();
    query.set("page", String(target));
    link.href = `/publication.html?${query}`;
    link.hidden = false;
  }
}

function row(list, label, ...value) {
  if (!value.length || value.every(v => v === null || v === undefined || v === "")) return;
  list.append(element("dt", { textContent: label }), element("dd", {}, ...value));
}

let lastItem = null;

async function loadItem(kind, id) {
  try {
    lastItem = await getJson(`/api/public/items/${encodeURIComponent(kind)}/${encodeURIComponent(id)}`);
  } catch (error) {
    return missing(error.status === 404 || error.status === 400 ? t("notFound") : t("noService"));
  }
  $("#item").hidden = false;
  showItem();
}

function showItem() {
  const item = lastItem;
  if (!item) return;
  const section = $("#item");
  const answer = item.kind === "answer";
  const title = answer ? item.subject : named(item.titleFr, item.titleAr);
  $(".kind-label", section).textContent = t(answer ? "answer" : "register");
  $("#item-title").textContent = title;
  document.title = `${title} · ${pick([french.title, arabic.title])}`;
  const about = $("dl.about", section);
  about.replaceChildren();
  row(about, t("body"), element("a", { href: bodyAddress(item.body.code), textContent: named(item.body.nameFr, item.body.nameAr) }));
  if (!answer) {
    row(about, t("category"), named(item.categoryLabelFr, item.categoryLabelAr));
    row(about, t("publishedOn"), formatDay(item.publishedOn));
  } else {
    row(about, t("outcome"), item.outcome ? pick(outcomes[item.outcome] ?? [item.outcome, item.outcome]) : "");
    row(about, t("ground"), item.ground ? pick(grounds[item.ground] ?? [item.ground, item.ground]) : "");
    row(about, t("filedOn"), formatDay(item.filedOn));
    row(about, t("answeredOn"), formatDay(item.answeredOn));
    row(about, t("delay"), item.delayWorkingDays === null || item.delayWorkingDays === undefined ? "" : t("days", item.delayWorkingDays));
  }
  if (item.link) row(about, t("link"), element("a", { href: item.link, textContent: item.link, dir: "ltr", rel: "noopener noreferrer" }));
  const texts = $(".texts", section);
  texts.replaceChildren();
  const block = (heading, text) => text ? texts.append(element("h2", { textContent: heading }), element("p", { className: "text", textContent: text, dir: "auto" })) : null;
  if (answer) {
    block(t("question"), item.question);
    block(t("answerText"), item.answer);
  } else {
    block(t("summary"), named(item.summaryFr, item.summaryAr));
  }
  const files = $("ul.files", section);
  files.replaceChildren(...item.files.map(f => element("li", {},
    element("a", { href: `/api/public/files/${f.id}`, download: f.name, textContent: f.name, dir: "auto" }),
    " ", element("small", {}, isolated(fileType(f.contentType)), " · ", isolated(formatSize(f.size))))));
  if (!item.files.length) files.append(element("li", { textContent: t("noFiles") }));
  $("a.json", section).href = `/api/public/items/${item.kind}/${item.id}`;
}

let lastBody = null;

async function loadBody(code) {
  try {
    lastBody = await getJson(`/api/public/bodies/${encodeURIComponent(code)}`);
  } catch (error) {
    return missing(error.status === 404 ? t("notFound") : t("noService"));
  }
  $("#body").hidden = false;
  showBody();
}

function showBody() {
  const body = lastBody;
  if (!body) return;
  const section = $("#body");
  const name = named(body.nameFr, body.nameAr);
  $("#body-title").textContent = name;
  document.title = `${name} · ${pick([french.title, arabic.title])}`;
  const about = $("dl.about", section);
  about.replaceChildren();
  row(about, t("sectorLabel"), sectors[body.sector] ? pick(sectors[body.sector]) : body.sector);
  row(about, t("region"), lang === "ar" ? regionsAr[body.region] ?? body.region : body.region);
  const officers = $("ul.officers", section);
  officers.replaceChildren(...body.officers.map(o => element("li", {}, isolated(o.name), " · ",
    element("a", { href: `mailto:${o.email}`, textContent: o.email, dir: "ltr" }))));
  if (!body.officers.length) officers.append(element("li", { textContent: t("noOfficers") }));
  for (const [selector, list] of [["ul.register", body.register], ["ul.answers", body.answers]]) {
    const target = $(selector, section);
    target.replaceChildren(...list.map(resultItem));
    if (!list.length) target.append(element("li", { textContent: t("nothing") }));
  }
  const more = $(".more-answers a", section);
  more.href = `/publication.html?kind=answer&body=${encodeURIComponent(body.code)}`;
  more.textContent = t("allAnswers", body.answersTotal);
  $(".more-answers", section).hidden = !body.answersTotal;
  const figures = body.figures ?? [];
  $(".table-scroll", section).hidden = !figures.length;
  $(".no-figures", section).hidden = figures.length > 0;
  $("table.figures tbody", section).replaceChildren(...[...figures].sort((a, b) => b.year - a.year).map(f => element("tr", {},
    element("th", { scope: "row", textContent: String(f.year) }),
    element("td", { className: "number", textContent: String(f.received) }),
    element("td", { className: "number", textContent: String(f.answered) }),
    element("td", { className: "number", textContent: percent(f.responseRate) }),
    element("td", { className: "number", textContent: f.averageDelay === null ? "—" : t("days", decimal(f.averageDelay)) }),
    element("td", { className: "number", textContent: f.medianDelay === null ? "—" : t("days", decimal(f.medianDelay)) }),
    element("td", { className: "number", textContent: percent(f.inTimeRate) }))));
  $("a.json", section).href = `/api/public/bodies/${encodeURIComponent(body.code)}`;
  $("a.csv", section).href = `/api/public/search.csv?body=${encodeURIComponent(body.code)}`;
}

function missing(message) {
  const notice = $("#missing");
  notice.textContent = message;
  notice.hidden = false;
}

function setLanguage(next) {
  lang = next;
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
  for (const node of $$("[data-t]")) node.textContent = lang === "ar" ? arabic[node.dataset.t] : french[node.dataset.t];
  for (const node of $$("[data-t-label]")) node.setAttribute("aria-label", lang === "ar" ? arabic[node.dataset.tLabel] : french[node.dataset.tLabel]);
  const other = $("#language");
  other.lang = lang === "ar" ? "fr" : "ar";
  other.textContent = lang === "ar" ? "Français" : "العربية";
  showFilters();
  showResults();
  showItem();
  showBody();
}

function switchLanguage() {
  const next = lang === "ar" ? "fr" : "ar";
  document.cookie = `requests.lang=${next}; path=/; max-age=31536000; samesite=lax`;
  setLanguage(next);
}

document.addEventListener("DOMContentLoaded", async () => {
  for (const node of $$("[data-t]")) french[node.dataset.t] ??= node.textContent;
  for (const node of $$("[data-t-label]")) french[node.dataset.tLabel] ??= node.getAttribute("aria-label");
  $("#language").addEventListener("click", switchLanguage);
  setLanguage(initialLanguage());
  const show = params.get("show");
  $("#search").hidden = Boolean(show);
  if (show === "body") return loadBody(params.get("code") ?? "");
  if (show) return loadItem(show, params.get("id") ?? "");
  const [found, listed] = await Promise.allSettled([getJson("/api/bodies"), getJson("/api/publication/categories")]);
  bodies = found.value ?? [];
  categories = listed.value ?? [];
  showFilters();
  await search();
});
