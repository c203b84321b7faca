"""The console's server-rendered pages hold no text of their own: every visible text comes
from content/ui.yml (`console_page_*`) and its catalogs through `t()` (bot/web/console/texts.py),
exists with a current English translation, follows the pages' rule for a translation that is
not current, and the console works in Dutch and before anything was published."""

from __future__ import annotations

import ast
import dataclasses
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from bot.config.config import Config
from bot.config.paths import ROOT
from bot.content.catalog import CURRENT, Translations
from bot.content.content import Content
from bot.conversation.render import Renderer
from bot.web.console.console import DONE
from bot.web.console.texts import ACTIONS, STATES, ConsoleTexts
from bot.web.pages import environment
from tests.conftest import add_account
from tests.console_client import login_in_process

TEMPLATES = ROOT / "bot" / "web" / "templates"
HANDLERS = ROOT / "bot" / "web" / "console"
MARK = "\x00"  # where an expression or statement stood
# Attributes a reader sees or hears (screen readers read aria-label and title).
SHOWN_ATTRIBUTES = {"aria-label", "title", "alt", "placeholder"}
KEY = re.compile(r"""["'](console_page_\w+)["']""")


class _Visible(HTMLParser):
    """The text nodes and shown attribute values of an HTML page, scripts and styles left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("script", "style")
        self.found += [v for k, v in attrs if k in SHOWN_ATTRIBUTES and v]

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.found.append(data)


def _prose(text: str) -> bool:
    """Whether `text` reads as words (not punctuation, numbers or a code-like token)."""
    return bool(re.search(r"[^\W\d_]{2,}", text))


def visible_literals(source: str) -> list[str]:
    """The visible text a template writes itself, outside {{ }} and {% %}; plus string
    literals inside them that read as prose (`{{ "Sent back" if … }}`)."""
    rebuilt, prose_strings = [], []
    for _, kind, value in environment().lex(source):
        if kind == "data":
            rebuilt.append(value)
        elif kind in ("variable_begin", "block_begin"):
            rebuilt.append(MARK)
        elif kind == "string":
            text = value[1:-1]  # the lexer keeps the quotes
            if re.match(r"\s*[A-Z][a-z]", text) or re.search(r"[^\W\d_]{2,}\s+[^\W\d_]", text):
                prose_strings.append(text)
    parser = _Visible()
    parser.feed("".join(rebuilt))
    parser.close()
    texts = [t.replace(MARK, " ").strip() for t in parser.found]
    return [t for t in texts if _prose(t)] + prose_strings


def test_the_detector_finds_literal_text() -> None:
    """Not a vacuous pass: a text, an aria-label and a prose string in an expression are found;
    punctuation between expressions and keys are not."""
    assert visible_literals("<p>Hello {{ name }}</p>") == ["Hello"]
    assert visible_literals('<nav aria-label="Console"></nav>') == ["Console"]
    assert visible_literals("<p>{{ 'Sent back' if x else 'Draft' }}</p>") == ["Sent back", "Draft"]
    assert visible_literals("<p>{{ t('console_page_by', by=x) }} · “{{ y }}”, —</p>") == []
    assert (
        visible_literals('<td>{{ q.subject or "-" }}</td><script>const a = "Text";</script>') == []
    )


@pytest.mark.parametrize("name", sorted(p.name for p in TEMPLATES.glob("*.html")))
def test_no_template_holds_visible_text(name: str) -> None:
    found = visible_literals((TEMPLATES / name).read_text(encoding="utf-8"))
    assert not found, f"{name}: texts belong in content/ui.yml (console_page_*): {found}"


def used_keys() -> set[str]:
    """Every console_page_* key the templates and the console's handlers name, with the
    texts of the states and actions t.state / t.action show."""
    sources = [*TEMPLATES.glob("*.html"), *HANDLERS.glob("*.py")]
    keys = {k for p in sources for k in KEY.findall(Path(p).read_text(encoding="utf-8"))}
    return (
        keys
        | {f"console_page_state_{s}" for s in STATES}
        | {f"console_page_action_{a}" for a in ACTIONS}
        | set(DONE.values())
        | {f"console_page_refused_{r}" for r in refusal_reasons()}
    )


def refusal_reasons() -> set[str]:
    """The reasons bot/content/review.py refuses a decision with (ReviewRefused's first
    argument): each is shown to the counsellor as `console_page_refused_<reason>`."""
    tree = ast.parse((ROOT / "bot" / "content" / "review.py").read_text(encoding="utf-8"))
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "ReviewRefused"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }


def test_every_refusal_reason_is_found() -> None:
    assert refusal_reasons() >= {"no_source", "empty_comment", "placeholders", "no_answer"}


def test_every_key_used_exists_with_a_current_english_translation(content: Content) -> None:
    keys = used_keys()
    assert len(keys) > 100 and "console_page_log_in" in keys  # the templates do use keys
    missing = sorted(k for k in keys if k not in content.ui)
    assert not missing, f"used but not in content/ui.yml: {missing}"
    catalogs = Translations(ROOT / "translations")
    not_current = sorted(
        k for k in keys if catalogs.state("en", f"ui.{k}", content.ui[k]) != CURRENT
    )
    assert not not_current, f"English not current: {not_current}"
    unused = sorted(k for k in content.ui if k.startswith("console_page_") and k not in keys)
    assert not unused, f"in content/ui.yml but used nowhere: {unused}"


def _texts(renderer: Renderer, lang: str, changes: dict[str, Any]) -> ConsoleTexts:
    """Console texts over the project's catalogs with some English entries changed
    (None: removed)."""
    ui = renderer.content.ui
    table = {"en": {f"ui.{k}": [v, renderer.ui(k, "en")] for k, v in ui.items()}}
    for key, entry in changes.items():
        if entry is None:
            del table["en"][f"ui.{key}"]
        else:
            table["en"][f"ui.{key}"] = entry
    return ConsoleTexts(
        Renderer(renderer.content, Translations.from_table(table), renderer.settings), lang
    )


def test_a_translation_that_is_not_current_is_shown_in_dutch_marked(renderer: Renderer) -> None:
    ui = renderer.content.ui
    t = _texts(
        renderer,
        "en",
        {"console_page_log_out": None, "console_page_publish": ["Publiceer oud", "Publish (old)"]},
    )
    assert t("console_page_log_out") == f'<span lang="nl">{ui["console_page_log_out"]}</span>'
    assert t("console_page_publish") == f'<span lang="nl">{ui["console_page_publish"]}</span>'
    assert t.plain("console_page_publish") == ui["console_page_publish"]  # never "(old)"
    assert t("console_page_log_in") == "Log in" and t.state("stale") == "stale"
    assert _texts(renderer, "nl", {})("console_page_log_in") == "Inloggen"  # Dutch: no mark


def test_values_are_escaped_and_markup_values_kept(renderer: Renderer) -> None:
    t = _texts(renderer, "en", {})
    assert t("console_page_by", by="<b>x</b>") == "by &lt;b&gt;x&lt;/b&gt;"
    strong = t("console_page_not_yet_published").__html__()
    assert (
        t("console_page_publish_pending", not_yet=t("console_page_not_yet_published"), when="never")
        == f"Approved changes are {strong}: parents still get the version "
        "published never."
    )


async def test_the_console_speaks_dutch_when_asked_and_keeps_it(
    web_client: Any, counsellor: Any
) -> None:
    client = await web_client()
    login = await (await client.get("/console/login?lang=nl")).text()
    assert '<html lang="nl">' in login and "<h1>Inloggen</h1>" in login
    await login_in_process(client, counsellor.name, counsellor.password)
    english = await (await client.get("/console/")).text()
    assert '<html lang="en">' in english and "<h1>Content</h1>" in english
    dutch = await (await client.get("/console/?lang=nl")).text()
    assert '<html lang="nl">' in dutch and "<h1>Inhoud</h1>" in dutch
    kept = await (await client.get("/console/try")).text()  # the session keeps the choice
    assert '<html lang="nl">' in kept and "Een vraag proberen" in kept and "Try a" not in kept
    served = await (await client.get("/api/ui/en")).json()  # the pages' JSON stays lean
    assert not [k for k in served["texts"] if k.startswith("console_page_")]


async def test_the_console_works_before_anything_was_published(
    aiohttp_client: Any, config: Config, tmp_path: Path
) -> None:
    """Its texts come from the working copy, so a fresh installation (no bundle) shows them."""
    from bot.web.web import create_app

    fresh = dataclasses.replace(config, paths=dataclasses.replace(config.paths, state_dir=tmp_path))
    assert not list(tmp_path.iterdir())  # nothing published here
    who = add_account(fresh, "fresh", "Fresh (test)", "correct horse battery staple")
    client = await aiohttp_client(create_app(fresh))
    await login_in_process(client, who.name, who.password)
    page = await (await client.get("/console/")).text()
    assert (
        "<h1>Content</h1>" in page
        and "not yet published" in page
        and "version published never" in page
    )


async def test_a_refused_decision_says_why_in_the_consoles_language(
    web_client: Any, counsellor: Any
) -> None:
    """An empty send-back comment is refused before anything is written, with the reason from
    the catalogs: English by default, Dutch when the console speaks Dutch."""
    client = await web_client()
    csrf = await login_in_process(client, counsellor.name, counsellor.password)
    url = "/console/answers/smard_treatment/send-back"
    english = await client.post(url, data={"csrf": csrf, "comment": "  "})
    assert english.status == 409
    assert "Say what needs to change: the comment is empty." in await english.text()
    await client.get("/console/?lang=nl")
    dutch = await client.post(url, data={"csrf": csrf, "comment": "  "})
    assert dutch.status == 409
    assert "Zeg wat er moet veranderen: de opmerking is leeg." in await dutch.text()
