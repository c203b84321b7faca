// The website chat. Talks only to our own server; see chat-core.js for rendering.
import {
  newSender, post, renderBot, botEntries, fetchSummary, summaryCard, loadUi, ui, applyUi, UNREACHABLE,
} from "/static/chat-core.js";

// Every text of the page comes from the server (GET /api/ui/{lang}); see chat-core.js.
const otherLang = (l) => (l === "nl" ? "en" : "nl");
const store = window.sessionStorage;
const $ = (id) => document.getElementById(id);
// A page can preset language and condition: /?lang=en&condition=sma
const params = new URLSearchParams(window.location.search);
const presetLang = ["nl", "en"].includes(params.get("lang")) ? params.get("lang") : null;
const condition = ["smard", "sma"].includes(params.get("condition")) ? params.get("condition") : null;
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
window.addEventListener("afterprint", () => {
  document.body.classList.remove("printing-summary");
  document.querySelectorAll(".print-target").forEach((c) => c.classList.remove("print-target"));
});

function render(entry) {
  const li = document.createElement("li");
  if (entry.who === "me") { li.className = "msg msg--me"; li.textContent = entry.text; }
  else renderBot(li, entry, (b) => send(b.payload, b.title), undefined, { summary: showSummary });
  $("log").append(li);
  li.scrollIntoView({ block: "end" });
}
function remember(entry) { history.push(entry); store.setItem("chat.history", JSON.stringify(history)); render(entry); }

function showStatus(message, retry) {
  const s = $("status"); s.hidden = false; s.textContent = message;
  if (retry) {
    const b = document.createElement("button"); b.type = "button"; b.textContent = ui(lang, "page_retry");
    b.addEventListener("click", retry); s.append(" ", b); b.focus();
  }
}

async function send(message, shown) {
  $("status").hidden = true;
  if (shown !== null) remember({ who: "me", text: shown ?? message });
  const typing = document.createElement("li"); typing.className = "typing"; typing.textContent = ui(lang, "chat_typing");
  $("log").append(typing);
  const metadata = { language: lang, surface: "web", ...(condition ? { condition } : {}) };
  const r = await post("/api/chat", { sender, message, metadata }, lang);
  typing.remove();
  if (!r.ok) { showStatus(r.data.message || ui(lang, "chat_offline"), () => send(message, null)); return; }
  for (const entry of botEntries(r.data.messages)) {
    if (entry.lang && entry.lang !== lang) { lang = entry.lang; applyLanguage(); }
    remember(entry);
  }
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
$("restart").addEventListener("click", async () => {
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
  if (history.length) history.forEach(render); else send("/greet", null);
})();
