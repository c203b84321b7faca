// The counsellor console's pages: previews of an answer, and "try a question".
// Messages are drawn with the parents' own renderer (chat-core.js), so a preview looks exactly
// as the chat does. Links open normally here (the console is not a kiosk).
import { newSender, renderBot, botEntries, loadUi, ui, UNREACHABLE } from "/static/chat-core.js";

// The console's texts come from the server (GET /api/ui/{lang}), in the pages' language.
const LANG = document.documentElement.lang === "nl" ? "nl" : "en";
const t = (key) => ui(LANG, key);
const LAYERS = { short: "console_layer_short", more: "more_detail" };

function bubble(list, message, onButton) {
  const li = document.createElement("li");
  renderBot(li, message, onButton || (() => {}));
  list.append(li);
  return li;
}

/** Answer page: the JSON island holds the rendered messages per language and layer. */
function answerPreviews() {
  const island = document.getElementById("previews");
  if (!island) return;
  const data = JSON.parse(island.textContent);
  for (const box of document.querySelectorAll("[data-preview]")) {
    const layers = data[box.dataset.preview] || {};
    for (const [layer, messages] of Object.entries(layers)) {
      const h = document.createElement("h4"); h.textContent = LAYERS[layer] ? t(LAYERS[layer]) : layer;
      const list = document.createElement("ol"); list.className = "log";
      box.append(h, list);
      for (const entry of botEntries(messages)) {
        const li = bubble(list, entry);
        for (const b of li.querySelectorAll("button")) b.disabled = true; // a picture of the reply
      }
    }
  }
}

function pct(x) { return x == null ? "–" : `${(x * 100).toFixed(1)}%`; }

function diagnostics(list, data) {
  const box = document.createElement("li"); box.className = "diag";
  const dl = document.createElement("dl");
  const nlu = data.nlu || {};
  const rows = [
    [t("console_intent"), nlu.intent ? `${nlu.intent} · ${pct(nlu.confidence)}` : "–"],
    [t("console_runner_up"), nlu.runner_up ? `${nlu.runner_up} · ${pct(nlu.runner_up_confidence)}` : "–"],
    [t("console_falls_back"), t(data.falls_back ? "console_falls_back_yes" : "console_falls_back_no")],
    [t("console_served"), (data.messages || []).map((m) => {
      const c = m.custom || {};
      return c.topic ? `${c.topic} (${c.status || "served"}, ${c.language || "?"})` : "–";
    }).join(", ")],
  ];
  for (const [k, v] of rows) {
    const dt = document.createElement("dt"); dt.textContent = k;
    const dd = document.createElement("dd"); dd.textContent = v;
    dl.append(dt, dd);
  }
  box.append(dl);
  list.append(box);
}

function draftPreview(list, drafts) {
  if (!drafts || !drafts.length) return;
  const li = document.createElement("li"); li.className = "draft-preview";
  const p = document.createElement("p");
  p.textContent = t("console_draft");
  const inner = document.createElement("ol"); inner.className = "log";
  li.append(p, inner);
  for (const entry of botEntries(drafts)) {
    const draft = bubble(inner, entry);
    for (const b of draft.querySelectorAll("button")) b.disabled = true; // not live yet
  }
  list.append(li);
}

/** Try page: a preview conversation through the same route into the assistant as parents use. */
function tryQuestion() {
  const form = document.getElementById("try-form");
  if (!form) return;
  const csrf = document.querySelector("meta[name=csrf-token]").content;
  const log = document.getElementById("try-log");
  const status = document.getElementById("try-status");
  const input = document.getElementById("try-input");
  let sender = newSender();

  async function call(path, body) {
    try {
      const resp = await fetch(path, {
        method: "POST", headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify(body),
      });
      return { ok: resp.ok, status: resp.status, data: await resp.json().catch(() => ({})) };
    } catch (e) {
      return { ok: false, status: 0, data: {} };
    }
  }

  async function ask(text, shown) {
    const me = document.createElement("li"); me.className = "msg msg--me"; me.textContent = shown;
    log.append(me);
    status.textContent = t("console_asking");
    const metadata = {};
    const lang = document.getElementById("try-language").value;
    const condition = document.getElementById("try-condition").value;
    if (lang) metadata.language = lang;
    if (condition) metadata.condition = condition;
    const { ok, status: code, data } = await call("/console/api/try", { sender, message: text, metadata });
    if (!ok) {
      status.textContent = code === 401 ? t("console_session_ended")
        : (data.message || t("console_unreachable"));
      return;
    }
    status.textContent = "";
    for (const entry of botEntries(data.messages)) {
      bubble(log, entry, (b) => ask(b.payload, b.title));
    }
    diagnostics(log, data);
    draftPreview(log, data.drafts);
    me.scrollIntoView({ block: "start" });
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) { status.textContent = t("console_type_first"); return; }
    input.value = "";
    ask(text, text);
  });
  document.getElementById("try-reset").addEventListener("click", async () => {
    await call("/console/api/try/reset", { sender });
    sender = newSender();
    log.replaceChildren();
    status.textContent = t("console_new_conversation");
    input.focus();
  });
}

(async () => {
  if (!(await loadUi(LANG))) {
    const status = document.getElementById("try-status");
    if (status) status.textContent = UNREACHABLE;
  }
  answerPreviews();
  tryQuestion();
})();
