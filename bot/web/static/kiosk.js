// The waiting-room kiosk: touch only, nothing kept. Links are shown as QR codes, never opened.
import {
  newSender, post, renderBot, botEntries, fetchSummary, summaryCard, loadUi, ui, applyUi, UNREACHABLE,
  stopReading, enableReadAloud,
} from "/static/chat-core.js";
import { kioskLetter } from "/static/letter.js";

// Every text of the page comes from the server (GET /api/ui/{lang}); see chat-core.js.
enableReadAloud();  // each answer gets its "Lees voor" button
const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(window.location.search);
let lang = "nl";
let sender = newSender();
let idleSeconds = 90, countdownSeconds = 20, idleTimer = null, countdownTimer = null;

function applyLanguage() {
  document.documentElement.lang = lang;
  applyUi(lang);
  document.querySelectorAll(".lang").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.lang === lang)));
  $("log").setAttribute("aria-label", ui(lang, "page_conversation"));
  $("about-frame").title = ui(lang, "page_about");
  document.title = ui(lang, "page_title");
}

// On the kiosk a link is a QR code with its address: take it home, never navigate away.
function qrLink(text, url) {
  if (url.startsWith("/about")) {  // our own page about the assistant: opens in the overlay
    const b = document.createElement("button"); b.type = "button"; b.textContent = text;
    b.addEventListener("click", () => showAbout());
    return b;
  }
  const box = document.createElement("span"); box.className = "qr";
  const img = document.createElement("img");
  img.src = "/api/qr?url=" + encodeURIComponent(url);
  img.alt = `${ui(lang, "kiosk_scan")}: ${url}`;
  const label = document.createElement("span"); label.textContent = `${text} \u2013 ${url}`;
  box.append(img, label);
  return box;
}

// The summary leaves the kiosk as a QR code that holds the text itself: no address, nothing
// stored. The card shows the same text on the screen.
async function showSummary(li, request) {
  const summary = await fetchSummary(request);
  const qr = await fetch("/api/summary-qr", {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(request),
  }).then((r) => (r.ok ? r.text() : null)).catch(() => null);
  if (!summary || !qr) { const s = $("status"); s.hidden = false; s.textContent = ui(lang, "kiosk_offline"); return; }
  const box = document.createElement("figure"); box.className = "summary-qr";
  const img = document.createElement("img");
  img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(qr);
  img.alt = summary.labels.qr;
  const cap = document.createElement("figcaption"); cap.textContent = summary.labels.qr;
  box.append(img, cap);
  const buttons = li.querySelector(".buttons");
  if (buttons) buttons.before(box, summaryCard(summary)); else li.append(box, summaryCard(summary));
}

// The letter for relatives leaves the kiosk as a QR code holding its text (letter.js).
async function showLetter(li, request) {
  if (!(await kioskLetter(li, request))) { const s = $("status"); s.hidden = false; s.textContent = ui(lang, "kiosk_offline"); }
}

// The page about the assistant, in an overlay: the conversation stays where it is.
function showAbout() {
  $("about-frame").src = `/about?lang=${lang}&surface=kiosk`;
  $("about-frame").title = ui(lang, "page_about");
  $("about-overlay").hidden = false; $("about-close").focus();
}

async function ask(message, shown) {
  $("status").hidden = true;
  if (shown) { const li = document.createElement("li"); li.className = "msg msg--me"; li.textContent = shown; $("log").append(li); }
  const typing = document.createElement("li"); typing.className = "typing"; typing.textContent = "…";
  $("log").append(typing);
  const r = await post("/api/chat", { sender, message, metadata: { language: lang, surface: "kiosk" } }, lang);
  typing.remove();
  if (!r.ok) {
    const s = $("status"); s.hidden = false; s.textContent = r.data.message || ui(lang, "kiosk_offline");
    const b = document.createElement("button"); b.type = "button"; b.textContent = ui(lang, "page_retry");
    b.addEventListener("click", () => ask(message, null)); s.append(" ", b);
    return [];
  }
  return botEntries(r.data.messages);
}

// A new reply is shown from its first line, just below the fixed bar at the top; focus
// moves to its first button.
function showChat(entries) {
  $("start").hidden = true; $("chat").hidden = false;
  let first = null;
  for (const entry of entries) {
    const li = document.createElement("li");
    renderBot(li, entry, (b) => tap(b), qrLink, { summary: showSummary, letter: showLetter });
    $("log").append(li);
    first = first || li;
  }
  if (!first) return;
  const bar = document.querySelector("#chat .bar").getBoundingClientRect().height;
  const top = first.getBoundingClientRect().top + window.scrollY - bar - 12;
  window.scrollTo({ top: Math.max(top, 0), behavior: "instant" });
  const button = first.querySelector(".buttons button");
  if (button) button.focus({ preventScroll: true });
}

async function tap(button) {
  if (button.payload.startsWith("/switch_language")) {
    lang = lang === "nl" ? "en" : "nl"; applyLanguage();
  }
  showChat(await ask(button.payload, button.title));
}

// Start screen: the greeting's own buttons are the topic tiles.
async function start() {
  stopReading(false);  // nothing goes on speaking on the start screen or after an erase
  $("chat").hidden = true; $("start").hidden = false; $("log").replaceChildren();
  const entries = await ask("/greet", null);
  const tiles = $("tiles"); tiles.replaceChildren();
  const greet = entries[0];
  for (const b of (greet && greet.buttons) || []) {
    if (b.payload.startsWith("/switch_language")) continue;  // the big language buttons do this
    const btn = document.createElement("button"); btn.type = "button"; btn.textContent = b.title;
    btn.addEventListener("click", () => tap(b));
    tiles.append(btn);
  }
}

// Erase: on the server and on the screen; a new conversation with a new id.
async function erase() {
  hideIdle();
  $("about-overlay").hidden = true;
  await post("/api/forget", { sender }, lang);
  sender = newSender();
  lang = "nl"; applyLanguage();
  await start();
  armIdle();
}

function hideIdle() { clearInterval(countdownTimer); countdownTimer = null; $("idle").hidden = true; }
function armIdle() {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(showIdle, idleSeconds * 1000);
}
function showIdle() {
  let left = countdownSeconds;
  const text = $("idle-text");
  text.textContent = ui(lang, "kiosk_countdown", { seconds: left });
  $("idle").hidden = false; $("stay").focus();
  countdownTimer = setInterval(() => {
    left -= 1;
    text.textContent = ui(lang, "kiosk_countdown", { seconds: Math.max(left, 0) });
    if (left <= 0) erase();
  }, 1000);
}
function activity() { if (!countdownTimer) armIdle(); }

document.addEventListener("contextmenu", (e) => e.preventDefault());
document.addEventListener("selectstart", (e) => e.preventDefault());
document.addEventListener("gesturestart", (e) => e.preventDefault());
for (const ev of ["pointerdown", "keydown", "touchstart"]) document.addEventListener(ev, activity, { passive: true });
$("stay").addEventListener("click", () => { hideIdle(); armIdle(); });
// A touch anywhere during the countdown, the dimmed background too, means "still here".
$("idle").addEventListener("pointerdown", () => { if (countdownTimer) { hideIdle(); armIdle(); } });
$("erase").addEventListener("click", erase);
$("summary").addEventListener("click", () => tap({ payload: "/ask_summary", title: ui(lang, "page_summary") }));
document.querySelectorAll(".about-open").forEach((b) => b.addEventListener("click", showAbout));
$("about-close").addEventListener("click", () => { $("about-overlay").hidden = true; $("about-frame").src = "about:blank"; });
$("home").addEventListener("click", async () => { await start(); });
document.querySelectorAll(".lang").forEach((b) => b.addEventListener("click", async () => {
  if (b.dataset.lang === lang) return;
  await post("/api/forget", { sender }, lang);
  sender = newSender(); lang = b.dataset.lang; applyLanguage(); await start();
}));

(async () => {
  const cfg = await fetch("/api/kiosk-config").then((r) => r.json()).catch(() => ({}));
  idleSeconds = Number(params.get("idle")) || cfg.idle_seconds || idleSeconds;
  countdownSeconds = Number(params.get("countdown")) || cfg.countdown_seconds || countdownSeconds;
  // Both languages' texts at start: a visitor can switch while the server is away.
  const [nl] = await Promise.all([loadUi("nl"), loadUi("en")]);
  if (!nl) { const st = $("status"); $("chat").hidden = false; $("start").hidden = true; st.hidden = false; st.textContent = UNREACHABLE; return; }
  applyLanguage();
  await start();
  armIdle();
})();
