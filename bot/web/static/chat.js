// The website chat. Talks only to our own server; see chat-core.js for rendering.
import {
  newSender, post, renderBot, botEntries, fetchSummary, summaryCard, loadUi, ui, applyUi, UNREACHABLE,
  stopReading, enableReadAloud,
} from "/static/chat-core.js";
import { webLetter } from "/static/letter.js";

// Every text of the page comes from the server (GET /api/ui/{lang}); see chat-core.js.
enableReadAloud();  // each answer gets its "Lees voor" button
const otherLang = (l) => (l === "nl" ? "en" : "nl");
const store = window.sessionStorage;
const $ = (id) => document.getElementById(id);
// A page can preset language and condition: /?lang=en&condition=sma
const params = new URLSearchParams(window.location.search);
const presetLang = ["nl", "en"].includes(params.get("lang")) ? params.get("lang") : null;
// Kept for the tab, so coming back from the About page keeps the conversation as it was.
const condition = ["smard", "sma"].includes(params.get("condition")) ? params.get("condition")
  : store.getItem("chat.condition");
if (condition) store.setItem("chat.condition", condition);
let lang = store.getItem("chat.lang") || presetLang || (document.documentElement.lang === "en" ? "en" : "nl");
let sender = store.getItem("chat.sender") || newSender();
store.setItem("chat.sender", sender);
let history = JSON.parse(store.getItem("chat.history") || "[]");

function applyLanguage() {
  document.documentElement.lang = lang;
  applyUi(lang);
  $("input").placeholder = ui(lang, "chat_placeholder");
  $("log").setAttribute("aria-label", ui(lang, "page_conversation"));
  const sw = $("lang-switch"); sw.textContent = ui(lang, "switch_language_button"); sw.lang = otherLang(lang);
  $("about").href = `/about?lang=${lang}`;
  document.title = ui(lang, "page_title");
  store.setItem("chat.lang", lang);
}

// The summary: rendered by our server from the ids the assistant handed over; downloaded as a
// PDF through a plain form (the server keeps nothing), or printed on its own.
async function showSummary(li, request) {
  const summary = await fetchSummary(request);
  if (!summary) { showStatus(ui(lang, "chat_offline"), () => showSummary(li, request)); return; }
  const card = summaryCard(summary);
  const form = document.createElement("form");
  form.method = "post"; form.action = "/api/summary.pdf"; form.className = "summary__actions";
  const field = document.createElement("input");
  field.type = "hidden"; field.name = "request"; field.value = JSON.stringify(request);
  const download = document.createElement("button"); download.type = "submit"; download.textContent = summary.labels.download;
  const print = document.createElement("button"); print.type = "button"; print.textContent = summary.labels.print;
  print.addEventListener("click", () => {
    card.classList.add("print-target"); document.body.classList.add("printing-summary");
    window.print();
  });
  form.append(field, download, print);
  const buttons = li.querySelector(".buttons");
  if (buttons) buttons.before(card, form); else li.append(card, form);
}
// The letter for relatives: names typed into its fields stay in this page (letter.js).
async function showLetter(li, request) {
  if (!(await webLetter(li, request))) showStatus(ui(lang, "chat_offline"), () => showLetter(li, request));
}
window.addEventListener("afterprint", () => {
  document.body.classList.remove("printing-summary");
  document.querySelectorAll(".print-target").forEach((c) => c.classList.remove("print-target"));
});

// The header holds the language switch: a reply's own "English" button would be a second one.
const ownButton = (b) => !String(b.payload || "").startsWith("/switch_language");

function render(entry) {
  const li = document.createElement("li");
  if (entry.who === "me") { li.className = "msg msg--me"; li.textContent = entry.text; }
  else {
    const shown = { ...entry, buttons: (entry.buttons || []).filter(ownButton) };
    renderBot(li, shown, (b) => send(b.payload, b.title, true), undefined, { summary: showSummary, letter: showLetter });
  }
  $("log").append(li);
  return li;
}
function remember(entry) { history.push(entry); store.setItem("chat.history", JSON.stringify(history)); return render(entry); }

/** Show a new reply from its first line: its top at the top of the screen (the typing bar
 *  sits at the bottom), so a short reply and its buttons are in view and a long one is read
 *  from its start. After a button press, focus moves to the reply's first button; when that
 *  button is below the screen (a long reply), to the reply itself, and Tab goes on to the
 *  button (scrolled clear of the typing bar): focus is never hidden. */
async function reveal(li, focusButton) {
  if (!li) return;
  // a picture takes its room once loaded: measure after that
  await Promise.all([...li.querySelectorAll("img")].map((img) => img.decode().catch(() => null)));
  const box = li.getBoundingClientRect();
  if (box.top < 0 || box.bottom > $("form").getBoundingClientRect().top) {  // not all in view yet
    window.scrollTo({ top: Math.max(box.top + window.scrollY - 8, 0), behavior: "instant" });
  }
  if (focusButton) {
    const first = li.querySelector(".buttons button");
    const r = first && first.getBoundingClientRect();
    if (r && r.top >= 0 && r.bottom <= $("form").getBoundingClientRect().top) first.focus({ preventScroll: true });
    else { li.tabIndex = -1; li.focus({ preventScroll: true }); }
  }
}

function showStatus(message, retry) {
  const s = $("status"); s.hidden = false; s.textContent = message;
  if (retry) {
    const b = document.createElement("button"); b.type = "button"; b.textContent = ui(lang, "page_retry");
    b.addEventListener("click", retry); s.append(" ", b); b.focus();
  }
}

async function send(message, shown, byButton = false) {
  $("status").hidden = true;
  if (shown !== null) remember({ who: "me", text: shown ?? message });
  const typing = document.createElement("li"); typing.className = "typing"; typing.textContent = ui(lang, "chat_typing");
  $("log").append(typing);
  const metadata = { language: lang, surface: "web", ...(condition ? { condition } : {}) };
  const r = await post("/api/chat", { sender, message, metadata }, lang);
  typing.remove();
  if (!r.ok) { showStatus(r.data.message || ui(lang, "chat_offline"), () => send(message, null)); return; }
  let first = null;
  for (const entry of botEntries(r.data.messages)) {
    if (entry.lang && entry.lang !== lang) { lang = entry.lang; applyLanguage(); }
    const li = remember(entry);
    first = first || li;
  }
  await reveal(first, byButton);
}

$("form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const text = $("input").value.trim();
  if (!text) return;
  $("input").value = ""; send(text);
});
$("summary").addEventListener("click", () => send("/ask_summary", ui(lang, "page_summary")));
$("lang-switch").addEventListener("click", () => {
  lang = otherLang(lang); applyLanguage();
  send(`/switch_language{"language":"${lang}"}`, null);
});
// Starting over erases the conversation, so the page asks first (its own dialog, in the
// page's language; Escape or "No" keeps everything).
const confirmRestart = $("confirm-restart");
$("restart").addEventListener("click", () => { confirmRestart.showModal(); $("restart-no").focus(); });
$("restart-no").addEventListener("click", () => confirmRestart.close());
confirmRestart.addEventListener("close", () => $("restart").focus());
$("restart-yes").addEventListener("click", async () => {
  confirmRestart.close();
  stopReading(false);
  await post("/api/forget", { sender }, lang);  // delete it on the server too
  history = []; store.removeItem("chat.history"); $("log").replaceChildren();
  sender = newSender(); store.setItem("chat.sender", sender);
  send("/greet", null);
});

// Both languages' texts at start: the page can switch language while the server is away.
(async () => {
  const [mine] = await Promise.all([loadUi(lang), loadUi(otherLang(lang))]);
  if (!mine) { showStatus(UNREACHABLE); return; }
  applyLanguage();
  if (history.length) {  // back from the About page, or a reload: the conversation as it was
    const shown = history.map(render);
    reveal([...shown].reverse().find((li) => li.classList.contains("msg--bot")), false);
  } else send("/greet", null);
})();
