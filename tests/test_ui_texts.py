"""The pages' interface texts live once, in content/ui.yml and its catalog: served by
GET /api/ui/{lang}, every key the pages use exists in both languages, a translation that is
not current is never served, and no page script or page holds a text of its own."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from bot.config.paths import STATIC_DIR
from bot.content.catalog import LANGUAGES, Translations
from bot.conversation.render import Renderer
from bot.web.ui_texts import is_page_key, page_texts

# The parents' and the console's page scripts. embed.js is left out on purpose: it runs on the
# clinic's own page (another origin, whose CSP may forbid any request to us) and has to draw
# its button before and without talking to our server, so its two labels stay in the file.
SCRIPTS = ("chat-core.js", "chat.js", "kiosk.js", "console.js")
PAGES = ("index.html", "kiosk.html")
# The one text a script holds, with the reason in chat-core.js: shown when not even the
# interface texts can be fetched.
FALLBACK = "UNREACHABLE"
# String literals of the scripts that look like words but are protocol, not text.
NOT_TEXT = {"Content-Type", "X-Chat-Language", "X-CSRF-Token"}


async def _get(path: str, web_client: Any) -> tuple[int, Any]:
    """GET `path` from a fresh in-process app (pytest-aiohttp)."""
    resp = await (await web_client()).get(path)
    return resp.status, (await resp.json() if resp.status == 200 else None)


def _source(name: str) -> str:
    return (STATIC_DIR / name).read_text(encoding="utf-8")


def _literals(js: str) -> list[tuple[str, str]]:
    """(literal, the line it is on) for every string literal of a script, comments removed;
    in a template literal, `${…}` counts as no text."""
    out = []
    for line in js.splitlines():
        code = re.sub(r"^\s*//.*|\s//.*$|/\*.*?\*/|^\s*\*.*", "", line)
        for m in re.finditer(
            r'"((?:[^"\\]|\\.)*)"|\'((?:[^\'\\]|\\.)*)\'|`((?:[^`\\]|\\.)*)`', code
        ):
            text = next(g for g in m.groups() if g is not None)
            out.append((re.sub(r"\$\{[^}]*\}", "", text), line))
    return out


def used_keys() -> set[str]:
    """Every interface-text key the pages use: `data-i18n` in the pages, and every string
    literal of the scripts that names a page text (`ui(lang, "chat_offline")`, `t("…")`,
    the console's layer headings)."""
    keys = {k for name in PAGES for k in re.findall(r'data-i18n="(\w+)"', _source(name))}
    for name in SCRIPTS:
        keys |= {lit for lit, _ in _literals(_source(name)) if is_page_key(lit)}
    return keys


def test_the_scripts_use_page_texts_by_key() -> None:
    keys = used_keys()
    # Not a vacuous pass: the pages and scripts do use their texts through keys.
    assert {
        "chat_restart",
        "kiosk_erase",
        "kiosk_countdown",
        "chat_offline",
        "kiosk_offline",
        "page_retry",
        "console_draft",
        "switch_language_button",
    } <= keys
    assert len(keys) > 30


@pytest.mark.parametrize("lang", LANGUAGES)
async def test_every_key_the_pages_use_is_served_in_both_languages(
    lang: str, web_client: Any
) -> None:
    status, served = await _get(f"/api/ui/{lang}", web_client)
    assert status == 200 and served["language"] == lang
    missing = used_keys() - set(served["texts"])
    assert not missing, f"used by the pages but not served: {sorted(missing)}"
    assert served["untranslated"] == []  # the published bundle holds current texts only
    assert all(served["texts"][k].strip() for k in used_keys())
    assert "{" not in served["texts"]["chat_note"]
    assert "{seconds}" in served["texts"]["kiosk_countdown"]  # the page counts down


async def test_the_served_texts_are_the_catalogs(renderer: Renderer, web_client: Any) -> None:
    _, nl = await _get("/api/ui/nl", web_client)
    _, en = await _get("/api/ui/en", web_client)
    assert nl["texts"]["kiosk_erase"] == renderer.content.ui["kiosk_erase"] == "Stop en wis"
    assert en["texts"]["kiosk_erase"] == renderer.ui("kiosk_erase", "en") == "Stop and erase"
    assert en["texts"]["switch_language_button"] == "Nederlands"
    # Only the pages' texts: answers' and the server's own texts are not handed out.
    assert "error_unavailable" not in nl["texts"] and "source_line" not in nl["texts"]


async def test_an_unknown_language_is_not_found(web_client: Any) -> None:
    assert (await _get("/api/ui/de", web_client))[0] == 404


def test_a_translation_that_is_not_current_is_never_served(renderer: Renderer) -> None:
    """A stale (Dutch changed) or missing English page text is served as the Dutch, marked so,
    never as the unchecked English: the same rule as for answers."""
    ui = renderer.content.ui
    table = {"en": {f"ui.{k}": [v, renderer.ui(k, "en")] for k, v in ui.items()}}
    table["en"]["ui.kiosk_erase"] = ["Stop en wis oud", "Stop and erase (old)"]  # stale
    del table["en"]["ui.chat_restart"]  # missing
    served = page_texts(
        Renderer(renderer.content, Translations.from_table(table), renderer.settings), "en"
    )
    assert served["texts"]["kiosk_erase"] == ui["kiosk_erase"]
    assert served["texts"]["chat_restart"] == ui["chat_restart"]
    assert set(served["untranslated"]) == {"kiosk_erase", "chat_restart"}
    assert "Stop and erase (old)" not in served["texts"].values()
    assert served["texts"]["kiosk_home"] == renderer.ui("kiosk_home", "en")


def _served_texts(renderer: Renderer) -> set[str]:
    """Every page text in both languages, clinic details filled in."""
    return {t for lang in LANGUAGES for t in page_texts(renderer, lang)["texts"].values()}


@pytest.mark.parametrize("name", SCRIPTS)
def test_no_script_holds_an_interface_text(name: str, renderer: Renderer) -> None:
    js = _source(name)
    sentence_like = []
    for literal, line in _literals(js):
        if FALLBACK in line or literal in NOT_TEXT:
            continue
        words = re.findall(r"[A-Za-zÀ-ÿ’]{2,}", literal)
        # Text, not code: starts with a capitalised word, or is words with a sentence's
        # punctuation ("yes: the parent gets …"). Class names and keys are neither.
        if words and (
            re.match(r"\s*[A-ZÀ-Ý][a-zà-ÿ]", literal)
            or (len(words) > 1 and re.search(r"[ ][a-z]+[:.,?!…]|[:.,?!…][ ]", literal))
        ):
            sentence_like.append(literal)
    assert not sentence_like, f"{name}: interface texts belong in content/ui.yml: {sentence_like}"
    literals = [lit for lit, line in _literals(js) if FALLBACK not in line]
    copies = [
        t for t in _served_texts(renderer) if len(t) > 3 and any(t in lit for lit in literals)
    ]
    assert not copies, f"{name}: a copy of a served text: {copies}"


@pytest.mark.parametrize("name", PAGES)
def test_no_page_holds_an_interface_text(name: str, renderer: Renderer) -> None:
    """The pages' elements are filled from the served texts; only <title>, for the moment
    before the script runs, and the language buttons (each language's own name, shown in
    both languages at once) are written in the page."""
    html = re.sub(r"<title>.*?</title>", "", _source(name))
    html = re.sub(r'<button type="button" class="lang"[^>]*>\w+</button>', "", html)
    copies = [t for t in _served_texts(renderer) if len(t) > 3 and t in html]
    assert not copies, f"{name}: a copy of a served text: {copies}"
    text_between_tags = [t.strip() for t in re.findall(r">([^<]+)<", html) if t.strip()]
    assert not text_between_tags, f"{name}: text in the page: {text_between_tags}"


def test_the_fallback_line_is_bilingual_and_the_only_one() -> None:
    core = _source("chat-core.js")
    assert core.count(FALLBACK + " =") == 1
    line = re.search(FALLBACK + r' = "([^"]+)"', core)
    assert line is not None
    text = line.group(1)
    assert "niet bereikbaar" in text and "cannot be reached" in text
    for name in SCRIPTS:
        assert Path(STATIC_DIR / name).read_text(encoding="utf-8").count(FALLBACK) <= 3
