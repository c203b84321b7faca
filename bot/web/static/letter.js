// The letter for relatives (content/answers/letter.yml). Its vetted text comes from our server
// (GET /api/letter?lang=…, the same for everyone); names and an own line are typed on this page
// and put into the letter here, on the parent's own device: they are never sent and never
// stored (no form submits them, nothing writes them to storage).
import { el, markDutch } from "/static/chat-core.js";

/** The letter's texts in `lang`, or null when the server cannot be reached. */
export async function fetchLetter(lang) {
  try {
    const r = await fetch(`/api/letter?lang=${encodeURIComponent(lang)}`);
    return r.ok ? await r.json() : null;
  } catch { return null; }
}

/** The letter as the page shows and prints it, with the names and own line typed here. */
export function letterDoc(letter, own = {}) {
  const doc = el("article", { class: "letter", "aria-label": letter.title, lang: letter.language });
  const to = (own.to || "").trim(), from = (own.from || "").trim(), line = (own.line || "").trim();
  doc.append(el("h2", {}, letter.title));
  doc.append(el("p", { class: "letter__greeting" },
    to ? letter.greeting.replace("{names}", () => to) : letter.greeting_blank));  // a function: "$&" in a name stays as typed
  for (const paragraph of letter.paragraphs) doc.append(el("p", {}, paragraph));
  if (line) doc.append(el("p", { class: "letter__own" }, line));
  doc.append(el("p", { class: "letter__closing" }, letter.closing));
  if (from) doc.append(el("p", { class: "letter__from" }, from));
  doc.append(el("h3", {}, letter.sources_heading));
  const sources = el("ul", { class: "letter__sources" });
  for (const s of letter.sources) sources.append(el("li", {}, s));
  doc.append(sources);
  if (letter.dutch) markDutch(doc, letter.dutch);
  return doc;
}

function field(label, multiline) {
  const box = el("label", { class: "letter__field" }, label);
  const input = el(multiline ? "textarea" : "input", { autocomplete: "off", spellcheck: "false" });
  if (!multiline) input.type = "text";
  box.append(input);
  return [box, input];
}

/** The website's letter: fields (kept in this page only), the letter, a PDF download (the
 *  server's PDF has write-in space: it never receives names) and print (with the names).
 *  Returns false when the server cannot be reached. */
export async function webLetter(li, request) {
  const letter = await fetchLetter(request.language);
  if (!letter) return false;
  const fields = el("div", { class: "letter__fields", lang: letter.language });
  const [toBox, to] = field(letter.labels.to), [fromBox, from] = field(letter.labels.from);
  const [lineBox, line] = field(letter.labels.personal, true);
  fields.append(toBox, fromBox, lineBox, el("p", { class: "letter__private" }, letter.labels.private));
  let doc = letterDoc(letter);
  const redraw = () => {
    const next = letterDoc(letter, { to: to.value, from: from.value, line: line.value });
    if (doc.classList.contains("print-target")) next.classList.add("print-target");
    doc.replaceWith(next); doc = next;
  };
  for (const input of [to, from, line]) input.addEventListener("input", redraw);
  const actions = el("div", { class: "summary__actions letter__actions" });
  const download = el("a", { class: "button", href: `/api/letter.pdf?lang=${letter.language}`, download: "" },
    letter.labels.download);
  const print = el("button", { type: "button" }, letter.labels.print);
  print.addEventListener("click", () => {
    doc.classList.add("print-target"); document.body.classList.add("printing-summary");
    window.print();
  });
  actions.append(download, print);
  const buttons = li.querySelector(".buttons");
  if (buttons) buttons.before(fields, doc, actions); else li.append(fields, doc, actions);
  return true;
}

/** The kiosk's letter: a QR code that holds the letter's text itself, and the letter on the
 *  screen. No fields: the kiosk is not the parent's own device (names go in on their phone).
 *  Returns false when the server cannot be reached. */
export async function kioskLetter(li, request) {
  const lang = encodeURIComponent(request.language);
  const [letter, qr] = await Promise.all([
    fetchLetter(request.language),
    fetch(`/api/letter-qr?lang=${lang}`).then((r) => (r.ok ? r.text() : null)).catch(() => null),
  ]);
  if (!letter || !qr) return false;
  const box = el("figure", { class: "summary-qr letter-qr" });
  const img = el("img", { alt: letter.labels.qr });
  img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(qr);
  box.append(img, el("figcaption", {}, letter.labels.qr));
  const doc = letterDoc(letter);
  const buttons = li.querySelector(".buttons");
  if (buttons) buttons.before(box, doc); else li.append(box, doc);
  return true;
}
