// Shared by the website chat and the kiosk: talking to our server and rendering bot messages.
// User text is always inserted as text; bot markdown becomes DOM nodes (never innerHTML).

export function newSender() {
  return crypto.randomUUID().replace(/-/g, "");
}

/** The page's interface texts in `lang` (content/ui.yml and its translations, from
 *  GET /api/ui/{lang}): fetched once and kept, so the offline message still shows when the
 *  server goes away later. Null when they could not be fetched. */
const uiTexts = {};
export async function loadUi(lang) {
  if (!uiTexts[lang]) {
    try {
      const resp = await fetch(`/api/ui/${lang}`);
      if (resp.ok) uiTexts[lang] = await resp.json();
    } catch (e) { /* not reachable: the caller shows the fallback line */ }
  }
  return uiTexts[lang] || null;
}

/** One interface text in `lang` (loaded before with loadUi), its {placeholders} filled in. */
export function ui(lang, key, values = {}) {
  const texts = (uiTexts[lang] || {}).texts || {};
  return (texts[key] ?? "").replace(/\{(\w+)\}/g, (m, name) => (name in values ? String(values[name]) : m));
}

/** Fill every `data-i18n="key"` element of the page with its text; a text served in Dutch
 *  because its translation is not current is marked as Dutch for screen readers. */
export function applyUi(lang) {
  const untranslated = new Set((uiTexts[lang] || {}).untranslated || []);
  document.querySelectorAll("[data-i18n]").forEach((el) => {
    el.textContent = ui(lang, el.dataset.i18n);
    if (untranslated.has(el.dataset.i18n)) el.lang = "nl"; else el.removeAttribute("lang");
  });
}

// The one text a page holds itself: shown when not even the interface texts can be fetched,
// so there is nothing in either language to show otherwise. Both languages at once, because
// the page cannot know which one the reader wants.
export const UNREACHABLE = "De keuzehulp is niet bereikbaar. Probeer het later opnieuw. / The decision aid cannot be reached. Please try again later.";

/** POST JSON to our own server; returns {ok, status, data}. Network failure: ok=false, status 0. */
export async function post(path, body, lang) {
  try {
    const resp = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Chat-Language": lang },
      body: JSON.stringify(body),
    });
    const data = await resp.json().catch(() => ({}));
    return { ok: resp.ok, status: resp.status, data };
  } catch (e) {
    return { ok: false, status: 0, data: {} };
  }
}

/** Inline markdown: **bold**, _italic_, [text](https://…). `link(text, url)` makes the link node. */
function inline(parent, text, link) {
  const re = /\*\*(.+?)\*\*|_(.+?)_|\[([^\]]+)\]\((https?:\/\/[^\s)]+|\/about\?lang=(?:nl|en))\)/g;
  let last = 0, m;
  while ((m = re.exec(text))) {
    parent.append(text.slice(last, m.index));
    let node;
    if (m[1] !== undefined) { node = document.createElement("strong"); node.textContent = m[1]; }
    else if (m[2] !== undefined) { node = document.createElement("em"); node.textContent = m[2]; }
    else { node = link(m[3], m[4]); }
    parent.append(node);
    last = re.lastIndex;
  }
  parent.append(text.slice(last));
}

/** A normal link that opens in a new tab. */
export function anchor(text, url) {
  const a = document.createElement("a");
  a.textContent = text; a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
  return a;
}

/** Paragraphs and "- " lists. */
export function markdown(container, text, link = anchor) {
  for (const block of text.split(/\n{2,}/)) {
    const lines = block.split("\n");
    if (lines.every((l) => l.startsWith("- "))) {
      const ul = document.createElement("ul");
      for (const l of lines) { const li = document.createElement("li"); inline(li, l.slice(2), link); ul.append(li); }
      container.append(ul);
    } else {
      const p = document.createElement("p"); inline(p, lines.join(" "), link); container.append(p);
    }
  }
}

/** Markdown links reduced to their text (inside a button, a link cannot be followed). */
function plain(text) { return text.replace(/\[([^\]]+)\]\([^)]+\)/g, "$1").replace(/\*\*|_/g, ""); }

export function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A column name shown before its cell's value (on a phone, where the table is a list):
 *  ends with a colon unless it is a question ("Kansen en risico’s:", "Wanneer?"). */
function labelled(label) { return /[?:]$/.test(label) ? label : `${label}:`; }

/** A table that stays a table for screen readers when narrow screens show it as a list
 *  (explicit roles: CSS display changes would otherwise drop the table semantics). */
function grid(caption, corner, columns, rows, cell, onButton) {
  const wrap = el("div", { class: "grid", role: "region", "aria-label": caption, tabindex: "0" });
  const table = el("table", { role: "table", class: "grid__table" });
  table.append(el("caption", {}, caption));
  const head = el("thead", { role: "rowgroup" }); const hr = el("tr", { role: "row" });
  hr.append(el("th", { scope: "col", role: "columnheader" }, corner));
  for (const c of columns) hr.append(el("th", { scope: "col", role: "columnheader" }, c.label));
  head.append(hr);
  const body = el("tbody", { role: "rowgroup" });
  for (const row of rows) {
    const tr = el("tr", { role: "row" });
    const th = el("th", { scope: "row", role: "rowheader" });
    const open = el("button", { type: "button", class: "grid__option" }, row.label);
    open.addEventListener("click", () => onButton({ title: row.label, payload: row.payload }));
    th.append(open); tr.append(th);
    columns.forEach((c, i) => {
      const td = el("td", { role: "cell", "data-label": labelled(c.label) });
      cell(td, row, c, i);
      tr.append(td);
    });
    body.append(tr);
  }
  table.append(head, body); wrap.append(table);
  return wrap;
}

/** The options side by side. A filled cell opens the answer it comes from. */
export function renderComparison(container, data, onButton) {
  container.append(grid(data.caption, data.corner, data.columns, data.rows, (td, row, c, i) => {
    const cell = row.cells[i];
    if (!cell.filled) { td.append(el("span", { class: "grid__empty" }, cell.text)); return; }
    const b = el("button", { type: "button", class: "grid__cell" }, plain(cell.text));
    b.addEventListener("click", () => onButton({ title: row.label, payload: row.payload }));
    td.append(b);
  }, onButton));
}

/** What fits the parents' answers, per option, in the content's fixed order. */
export function renderValues(container, data, onButton) {
  if (!data.rows || !data.rows.length) return;
  container.append(grid(data.caption, data.corner, data.columns, data.rows, (td, row, c, i) => {
    const items = row[c.key] || [];
    const nothing = data.columns.every((col) => !(row[col.key] || []).length);
    if (!items.length) {  // a row the answers say nothing about says so once
      td.append(el("span", { class: "grid__empty" }, nothing && i === 0 ? data.none : "\u2013"));
      return;
    }
    const ul = el("ul");
    for (const s of items) ul.append(el("li", {}, s));
    td.append(ul);
  }, onButton));
}

/** Mark each of `phrases` (Dutch source titles on an English page) inside `root`'s text
 *  with lang="nl", so a screen reader reads them as Dutch. */
export function markDutch(root, phrases) {
  const unique = [...new Set(phrases || [])].filter(Boolean).sort((a, b) => b.length - a.length);
  for (const phrase of unique) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const hits = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeValue.includes(phrase) && !(n.parentElement && n.parentElement.closest("[lang=nl]"))) hits.push(n);
    }
    for (const node of hits) {
      const at = node.nodeValue.indexOf(phrase);
      const rest = node.splitText(at); rest.splitText(phrase.length);
      const span = el("span", { lang: "nl" }, phrase);
      rest.replaceWith(span);
    }
  }
}

// Read aloud: the audio our server made from the published text (never a browser's voice,
// which may send the text to its vendor). One player for the page, so one answer plays at a
// time; the button says what it will do ("Lees voor" / "Stop") and a live region announces it.
let player = null, reading = null;  // the page's <audio>; the button whose answer is playing
let readAloudOn = false;  // the console's previews show no read-aloud button

/** Give every answer this page renders its read-aloud button (the website and the kiosk). */
export function enableReadAloud() { readAloudOn = true; }
function readAloudPlayer() {
  if (!player) {
    player = el("audio", { preload: "none", class: "read-aloud-player" });
    player.hidden = true;
    player.addEventListener("ended", () => stopReading(false));
    player.addEventListener("error", () => stopReading(false));
    (document.querySelector("main") || document.body).append(player, el("p", { role: "status", class: "read-aloud-status" }));
  }
  return player;
}
function announce(lang, key) { document.querySelector(".read-aloud-status").textContent = ui(lang, key); }

/** Stop the answer being read aloud, if any (also when a page erases or starts over). */
export function stopReading(say = true) {
  if (!reading) return;
  const button = reading; reading = null;
  player.pause(); player.removeAttribute("src"); player.load();
  button.lastChild.textContent = ui(button.dataset.lang, "page_read_aloud");
  button.classList.remove("read-aloud--on");
  if (say) announce(button.dataset.lang, "page_read_aloud_stopped");
}

// A speaker, or a square while it plays: recognisable without reading the label.
const SVG = "http://www.w3.org/2000/svg";
function readAloudIcon() {
  const svg = document.createElementNS(SVG, "svg");
  for (const [k, v] of Object.entries({ viewBox: "0 0 24 24", width: "1.2em", height: "1.2em", "aria-hidden": "true", focusable: "false" })) svg.setAttribute(k, v);
  for (const [cls, d] of [["read-aloud__speaker", "M3 9v6h4l5 4V5L7 9H3zm13.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4z"], ["read-aloud__stop", "M6 6h12v12H6z"]]) {
    const path = document.createElementNS(SVG, "path"); path.setAttribute("d", d); path.setAttribute("class", cls); svg.append(path);
  }
  return svg;
}

function readAloudButton(audio, lang) {
  const button = el("button", { type: "button", class: "read-aloud", "data-lang": lang });
  button.append(readAloudIcon(), el("span", {}, ui(lang, "page_read_aloud")));
  button.addEventListener("click", () => {
    if (reading === button) { stopReading(); return; }
    stopReading(false);
    const p = readAloudPlayer();
    p.src = audio.src; reading = button;
    button.lastChild.textContent = ui(lang, "page_read_aloud_stop"); button.classList.add("read-aloud--on");
    announce(lang, "page_read_aloud_playing");
    p.play().catch(() => { if (reading === button) stopReading(false); });
  });
  return button;
}

/** One bot message: text, picture (with text alternative), comparison or values table,
 *  summary and letter (drawn by the page: `extras.summary(container, request)`,
 *  `extras.letter(container, request)`) and buttons. */
export function renderBot(li, message, onButton, link = anchor, extras = {}) {
  li.className = "msg msg--bot";
  if (message.lang) li.lang = message.lang;
  // On the parents' pages (enableReadAloud), first a button that reads the answer aloud.
  if (message.audio && readAloudOn) li.append(readAloudButton(message.audio, message.lang || document.documentElement.lang));
  markdown(li, message.text || "", link);
  if (message.picture) {
    const fig = document.createElement("figure");
    const img = document.createElement("img");
    img.src = message.picture.src; img.alt = message.picture.alt;
    const cap = document.createElement("figcaption"); cap.textContent = message.picture.caption;
    fig.append(img, cap);
    li.append(fig);
  }
  if (message.comparison) renderComparison(li, message.comparison, onButton);
  if (message.values_result) renderValues(li, message.values_result, onButton);
  if (message.dutch) markDutch(li, message.dutch);
  if (message.summary && extras.summary) extras.summary(li, message.summary);
  if (message.letter && extras.letter) extras.letter(li, message.letter);
  if (message.buttons && message.buttons.length) {
    const box = document.createElement("div"); box.className = "buttons";
    for (const b of message.buttons) {
      const btn = document.createElement("button"); btn.type = "button"; btn.textContent = b.title;
      btn.addEventListener("click", () => onButton(b));
      box.append(btn);
    }
    li.append(box);
  }
}

/** Bot messages from /api/chat in the shape the pages store and render. */
export function botEntries(messages) {
  return (messages || []).map((m) => {
    const c = m.custom || {};
    return {
      who: "bot", audio: c.audio, text: m.text, buttons: m.buttons, lang: c.language, picture: c.picture,
      topic: c.topic, comparison: c.comparison, values_result: c.values_result, summary: c.summary,
      dutch: c.dutch, letter: c.letter,
    };
  });
}

/** The summary, rendered by our server from the ids the assistant handed over (nothing is
 *  stored there). Returns the rendered summary, or null when the server cannot be reached. */
export async function fetchSummary(request) {
  const r = await post("/api/summary", request, request.language);
  return r.ok ? r.data : null;
}

/** The summary as a card: topics with their source lines, values, the 3 good questions, and
 *  room for the parents' own questions. */
export function summaryCard(summary) {
  const card = el("section", { class: "summary", "aria-label": summary.title, lang: summary.language });
  card.append(el("h2", {}, summary.title), el("p", {}, summary.made));
  const list = (heading, items, ordered = false) => {
    card.append(el("h3", {}, heading));
    const l = el(ordered ? "ol" : "ul");
    for (const item of items) {
      const li = el("li", {}, typeof item === "string" ? item : item.label);
      if (item.source) li.append(el("small", {}, " " + item.source));
      l.append(li);
    }
    card.append(l);
  };
  list(summary.topics_heading, summary.topics);
  list(summary.values_heading, summary.values);
  if (summary.knowledge && summary.knowledge.length) list(summary.knowledge_heading, summary.knowledge);
  list(summary.questions_heading, summary.questions, true);
  const own = el("div", { class: "summary__own" });
  own.append(el("h3", {}, summary.own_heading), el("div", { class: "summary__lines", "aria-hidden": "true" }));
  card.append(own);
  card.append(el("p", { class: "summary__footer" }, summary.footer));
  if (summary.dutch) markDutch(card, summary.dutch);
  return card;
}
