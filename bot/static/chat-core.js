// Shared by the website chat and the kiosk: talking to our server and rendering bot messages.
// User text is always inserted as text; bot markdown becomes DOM nodes (never innerHTML).

export function newSender() {
  return crypto.randomUUID().replace(/-/g, "");
}

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
  const re = /\*\*(.+?)\*\*|_(.+?)_|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g;
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

/** One bot message: text, picture (with text alternative) and buttons. */
export function renderBot(li, message, onButton, link = anchor) {
  li.className = "msg msg--bot";
  if (message.lang) li.lang = message.lang;
  markdown(li, message.text || "", link);
  if (message.picture) {
    const fig = document.createElement("figure");
    const img = document.createElement("img");
    img.src = message.picture.src; img.alt = message.picture.alt;
    const cap = document.createElement("figcaption"); cap.textContent = message.picture.caption;
    fig.append(img, cap);
    li.append(fig);
  }
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
  return (messages || []).map((m) => ({
    who: "bot", text: m.text, buttons: m.buttons,
    lang: m.custom && m.custom.language, picture: m.custom && m.custom.picture,
    topic: m.custom && m.custom.topic,
  }));
}
