// Minimal chat page. Talks only to our own server (/api/chat). User text is always inserted as
// text; bot markdown is turned into DOM nodes (never innerHTML), so no markup can run.
(() => {
  "use strict";
  const T = {
    nl: { title: "Keuzehulp SMARD en SMA", restart: "Opnieuw beginnen", send: "Verstuur", label: "Uw vraag",
          placeholder: "Typ uw vraag…", note: "Dit is een chatbot, geen mens. Hij geeft informatie, geen medisch advies. Bij spoed belt u 112.",
          typing: "De keuzehulp typt…", retry: "Opnieuw proberen", other: "English", otherLang: "en", log: "Gesprek" },
    en: { title: "Decision aid SMARD and SMA", restart: "Start over", send: "Send", label: "Your question",
          placeholder: "Type your question…", note: "This is a chatbot, not a person. It gives information, not medical advice. In an emergency, call 112.",
          typing: "The decision aid is typing…", retry: "Try again", other: "Nederlands", otherLang: "nl", log: "Conversation" },
  };
  const store = window.sessionStorage;
  const $ = (id) => document.getElementById(id);
  // A page can preset language and condition: /?lang=en&condition=sma
  const params = new URLSearchParams(window.location.search);
  const presetLang = ["nl", "en"].includes(params.get("lang")) ? params.get("lang") : null;
  const condition = ["smard", "sma"].includes(params.get("condition")) ? params.get("condition") : null;
  let lang = store.getItem("chat.lang") || presetLang || (document.documentElement.lang === "en" ? "en" : "nl");
  let sender = store.getItem("chat.sender");
  if (!sender) { sender = crypto.randomUUID().replace(/-/g, ""); store.setItem("chat.sender", sender); }
  let history = JSON.parse(store.getItem("chat.history") || "[]");

  function applyLanguage() {
    const t = T[lang];
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t[el.dataset.i18n]; });
    $("input").placeholder = t.placeholder;
    $("log").setAttribute("aria-label", t.log);
    const sw = $("lang-switch"); sw.textContent = t.other; sw.lang = t.otherLang;
    document.title = t.title;
    store.setItem("chat.lang", lang);
  }

  // --- safe markdown: paragraphs, "- " lists, **bold**, _italic_, [text](https://…) ---
  function inline(parent, text) {
    const re = /\*\*(.+?)\*\*|_(.+?)_|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g;
    let last = 0, m;
    while ((m = re.exec(text))) {
      parent.append(text.slice(last, m.index));
      let node;
      if (m[1] !== undefined) { node = document.createElement("strong"); node.textContent = m[1]; }
      else if (m[2] !== undefined) { node = document.createElement("em"); node.textContent = m[2]; }
      else { node = document.createElement("a"); node.textContent = m[3]; node.href = m[4]; node.target = "_blank"; node.rel = "noopener noreferrer"; }
      parent.append(node); last = re.lastIndex;
    }
    parent.append(text.slice(last));
  }
  function markdown(container, text) {
    for (const block of text.split(/\n{2,}/)) {
      const lines = block.split("\n");
      if (lines.every((l) => l.startsWith("- "))) {
        const ul = document.createElement("ul");
        for (const l of lines) { const li = document.createElement("li"); inline(li, l.slice(2)); ul.append(li); }
        container.append(ul);
      } else {
        const p = document.createElement("p"); inline(p, lines.join(" ")); container.append(p);
      }
    }
  }

  function render(entry) {
    const li = document.createElement("li");
    if (entry.who === "me") { li.className = "msg msg--me"; li.textContent = entry.text; }
    else {
      li.className = "msg msg--bot";
      if (entry.lang) li.lang = entry.lang;
      markdown(li, entry.text || "");
      if (entry.buttons && entry.buttons.length) {
        const box = document.createElement("div"); box.className = "buttons";
        for (const b of entry.buttons) {
          const btn = document.createElement("button"); btn.type = "button"; btn.textContent = b.title;
          btn.addEventListener("click", () => send(b.payload, b.title));
          box.append(btn);
        }
        li.append(box);
      }
    }
    $("log").append(li);
    li.scrollIntoView({ block: "end" });
  }
  function remember(entry) { history.push(entry); store.setItem("chat.history", JSON.stringify(history)); render(entry); }

  function showStatus(message, retry) {
    const s = $("status"); s.hidden = false; s.textContent = message;
    if (retry) { const b = document.createElement("button"); b.type = "button"; b.textContent = T[lang].retry; b.addEventListener("click", retry); s.append(b); }
  }

  async function send(message, shown) {
    $("status").hidden = true;
    if (shown !== null) remember({ who: "me", text: shown ?? message });
    const typing = document.createElement("li"); typing.className = "typing"; typing.textContent = T[lang].typing;
    $("log").append(typing);
    try {
      const resp = await fetch("/api/chat", {
        method: "POST", headers: { "Content-Type": "application/json", "X-Chat-Language": lang },
        body: JSON.stringify({ sender, message, metadata: { language: lang, surface: "web", ...(condition ? { condition } : {}) } }),
      });
      const data = await resp.json().catch(() => ({}));
      if (!resp.ok) { showStatus(data.message || T[lang].retry, () => send(message, null)); return; }
      for (const m of data.messages || []) {
        const replyLang = m.custom && m.custom.language;
        if (replyLang && replyLang !== lang) { lang = replyLang; applyLanguage(); }
        remember({ who: "bot", text: m.text, buttons: m.buttons, lang: replyLang });
      }
    } catch (e) {
      showStatus(lang === "en" ? "The chat cannot be reached right now." : "De chat is even niet bereikbaar.", () => send(message, null));
    } finally { typing.remove(); }
  }

  $("form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const text = $("input").value.trim();
    if (!text) return;
    $("input").value = ""; send(text);
  });
  $("lang-switch").addEventListener("click", () => {
    const target = T[lang].otherLang; lang = target; applyLanguage();
    send(`/switch_language{"language":"${target}"}`, null);
  });
  $("restart").addEventListener("click", () => {
    send("/restart", null).then(() => {
      history = []; store.removeItem("chat.history"); $("log").replaceChildren();
      sender = crypto.randomUUID().replace(/-/g, ""); store.setItem("chat.sender", sender);
      send("/greet", null);
    });
  });

  applyLanguage();
  if (history.length) history.forEach(render); else send("/greet", null);
})();
