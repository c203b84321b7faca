"""What the screen shows, measured in the browser (rendered boxes, never the CSS): whether a
box is in the viewport and clear of every fixed or sticky element, whether a word is broken
across lines, sideways scrolling, and the numbers written on the page."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Locator, Page

# In the page: the rectangles of every visible fixed or sticky element (the typing bar, the
# kiosk's top bar), and clear(rect): inside the viewport and under none of them.
_CLEAR = """
const covers = (except) => [...document.querySelectorAll('body *')].filter((e) => {
  const s = getComputedStyle(e);
  return (s.position === 'fixed' || s.position === 'sticky') && s.visibility !== 'hidden'
    && e.getClientRects().length && !e.contains(except) && !e.closest('dialog:not([open])');
}).map((e) => e.getBoundingClientRect());
const clear = (r, except) => r.top >= -0.5 && r.left >= -0.5 && r.bottom <= innerHeight + 0.5
  && r.right <= innerWidth + 0.5
  && covers(except).every((f) => !(r.top < f.bottom - 0.5 && r.bottom > f.top + 0.5
                                   && r.left < f.right - 0.5 && r.right > f.left + 0.5));
const firstLine = (root) => {
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT,
    { acceptNode: (n) => (n.nodeValue.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP) });
  const node = walk.nextNode();
  const range = document.createRange();
  const start = node.nodeValue.search(/\\S/);
  range.setStart(node, start); range.setEnd(node, start + 1);
  return range.getClientRects()[0];
};
"""

REPLY_IN_VIEW = (
    "(li) => {"
    + _CLEAR
    + """
  const room = innerHeight - covers(li).reduce((h, f) => h + f.height, 0);
  const buttons = [...li.querySelectorAll('.buttons button')];
  return { first: clear(firstLine(li), li), height: li.getBoundingClientRect().height, room,
           buttons: buttons.map((b) => [b.textContent, clear(b.getBoundingClientRect(), b)]) };
}"""
)

FOCUS_CLEAR = (
    "() => {"
    + _CLEAR
    + """
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  return { clear: clear(el.getBoundingClientRect(), el), text: el.textContent || el.id };
}"""
)

# Every word of every table's text: the number of lines its rendered boxes take.
BROKEN_WORDS = """(root) => {
  const broken = [];
  for (const table of root.querySelectorAll('table')) {
    const walk = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const re = /[^\\s\u2010-]+[\u2010-]?/g; let m;  // a break after a hyphen is not inside a word
      while ((m = re.exec(n.nodeValue))) {
        const range = document.createRange();
        range.setStart(n, m.index); range.setEnd(n, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""

# A button of a table that sticks out of its own cell (into the next column).
SPILLING = """(root) => [...root.querySelectorAll('table th, table td')].flatMap((cell) => {
  const c = cell.getBoundingClientRect();
  return [...cell.querySelectorAll('button')].filter((b) => {
    const r = b.getBoundingClientRect();
    return r.right > c.right + 1 || r.left < c.left - 1;
  }).map((b) => b.textContent);
})"""

SIDEWAYS = """() => ({ page: document.documentElement.scrollWidth - innerWidth,
  clipped: [...document.querySelectorAll('button, a, input')].filter((e) => e.getClientRects().length
    && (e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > innerWidth + 0.5))
    .map((e) => e.textContent || e.id) })"""


def reply_in_view(reply: Locator) -> dict[str, Any]:
    """{first, buttons: [(title, clear)], height, room} for a reply as it is on screen now."""
    return reply.evaluate(REPLY_IN_VIEW)


def focus_clear(page: Page) -> Any:
    return page.evaluate(FOCUS_CLEAR)


def broken_words(root: Locator) -> list[str]:
    return root.evaluate(BROKEN_WORDS)


def spilling_buttons(root: Locator) -> list[str]:
    return root.evaluate(SPILLING)


def sideways(page: Page) -> dict[str, Any]:
    """How far the page scrolls sideways, and the controls cut off or outside the screen."""
    return page.evaluate(SIDEWAYS)


# "25 van de 100", "3 van de 1.000", "25 in 100", "3 in 1,000" (natural frequencies).
FREQUENCY = re.compile(r"\b(\d+)\s+(?:van de|in)\s+(\d{1,3}(?:[.,]\d{3})*)\b")


def frequencies(text: str) -> set[tuple[str, str]]:
    """The natural frequencies written in `text`, as (count, per) as written."""
    return {(m.group(1), m.group(2)) for m in FREQUENCY.finditer(text)}
