// Embed the chat in the clinic's own site:
//   <script src="(address of the assistant)/static/embed.js" data-lang="nl" data-condition="sma" defer></script>
// Adds a "chat" button that opens the chat page in an iframe from our server. The clinic's
// origin must be listed in the assistant's settings (server.embed_origins).
(() => {
  "use strict";
  const script = document.currentScript;
  const origin = new URL(script.src).origin;
  const lang = script.dataset.lang === "en" ? "en" : "nl";
  const params = new URLSearchParams({ lang });
  if (["smard", "sma"].includes(script.dataset.condition)) params.set("condition", script.dataset.condition);
  const label = { nl: ["Chat met de keuzehulp", "Chat sluiten"], en: ["Chat with the decision aid", "Close chat"] }[lang];

  const button = document.createElement("button");
  button.type = "button";
  button.textContent = label[0];
  button.setAttribute("aria-expanded", "false");
  button.style.cssText = "position:fixed;right:1rem;bottom:1rem;z-index:2147483000;min-height:48px;padding:0.6rem 1rem;" +
    "font:600 16px system-ui,sans-serif;color:#fff;background:#0b5cad;border:0;border-radius:0.5rem;cursor:pointer";
  const frame = document.createElement("iframe");
  frame.title = label[0];
  frame.hidden = true;
  frame.style.cssText = "position:fixed;right:1rem;bottom:4.5rem;z-index:2147483000;width:min(26rem,calc(100vw - 2rem));" +
    "height:min(40rem,calc(100vh - 6rem));border:1px solid #8a93a3;border-radius:0.75rem;background:#fff";
  button.addEventListener("click", () => {
    if (!frame.src) frame.src = `${origin}/?${params}`;
    frame.hidden = !frame.hidden;
    button.textContent = frame.hidden ? label[0] : label[1];
    button.setAttribute("aria-expanded", String(!frame.hidden));
  });
  document.body.append(frame, button);
})();
