"""Every served answer read aloud: which text is spoken, and the publish step that makes the
audio (bot/content/build.py calls it with the bundle it is about to put in force).

The spoken text is the message the parent sees, made by the same renderer from the same
bundle: the answer's layer, a comparison's rows, a picture's description and the source
line, with the markup taken out and numbers as they are shown ("25 van de 100 (25%)").
Only approved answers get audio, and only in a language whose translation is current (the
bundle holds no other texts), so the audio follows the same rules as the text.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable, Optional

from bot.config.config import Config
from bot.config.paths import Paths
from bot.config.settings import Settings
from bot.content.build import AUDIO_DIR, Published, audio_key, bundle_content, publish
from bot.content.catalog import Translations
from bot.conversation.language import SUPPORTED
from bot.conversation.message import Message
from bot.conversation.render import Renderer
from bot.conversation.speech import Engine, engine, place

LAYERS = ("short", "more")
# The interface text routing adds under a medical answer to a typed question about the
# parent's own situation (bot/conversation/routing.py): spoken with it, as a variant
# "short+own_situation" of the short layer.
NOTES = ("own_situation",)
_LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<!\w)_(.+?)_(?!\w)")
_SCHEME = re.compile(r"https?://")


def _sentence(text: str) -> str:
    """`text` ending in punctuation, so the voice pauses after it."""
    text = text.strip()
    return text if not text or text[-1] in ".?!:;" else f"{text}."


def _heading(match: re.Match[str]) -> str:
    # A bold heading ("Kansen en risico’s") before its text: a colon unless it is a question,
    # as the pages show it in a table (chat-core.js, labelled()).
    text = match.group(1).strip()
    return text if text[-1:] in "?:" else f"{text}:"


def plain(markdown: str) -> str:
    """What the voice reads of a message's markdown: links as their text, no emphasis marks,
    each paragraph and list item a sentence, web addresses without their scheme."""
    sentences = []
    for block in re.split(r"\n{2,}", markdown):
        for line in block.split("\n") if block.lstrip().startswith("- ") else [block]:
            line = line.strip().removeprefix("- ")
            line = _ITALIC.sub(r"\1", _BOLD.sub(_heading, _LINK.sub(r"\1", line)))
            sentences.append(_sentence(_SCHEME.sub("", " ".join(line.split()))))
    return " ".join(s for s in sentences if s)


def spoken(message: Message) -> str:
    """The text read aloud for one served answer message."""
    body, _, source = message.text.rpartition("\n\n_")  # the source line, in italics, last
    if not body or not source.endswith("_"):
        body, source = message.text, ""
    parts = [plain(body)]
    picture = message.custom.get("picture")
    if picture:
        parts.append(_sentence(picture["alt"]))
    table = message.custom.get("comparison")
    if table:
        columns = [c["label"] for c in table["columns"]]
        for row in table["rows"]:
            cells = [
                plain(f"**{label}** {cell['text']}")
                for label, cell in zip(columns, row["cells"])
                if cell["filled"]
            ]
            parts.append(" ".join([_sentence(row["label"]), *cells]))
    if source:
        parts.append(plain("_" + source))
    return " ".join(p for p in parts if p)


def served_texts(renderer: Renderer) -> dict[str, tuple[str, str]]:
    """{audio key: (language, spoken text)} of every approved answer's layers (and a medical
    answer's short layer with each note) in every language it is served in; a text without a
    current translation has none."""
    out: dict[str, tuple[str, str]] = {}
    for answer in renderer.content.answers.values():
        if not answer.review.approved:
            continue
        variants: list[tuple[str, Optional[str]]] = [
            (layer, None) for layer in (LAYERS if answer.more else LAYERS[:1])
        ]
        if answer.kind == "medical":
            variants += [("short", note) for note in NOTES]
        for layer, note in variants:
            for lang in SUPPORTED:
                message = renderer.answer(answer, lang, layer, note=note)[0]
                if message.custom.get("status") == "served" and "notice" not in message.custom:
                    key = audio_key(answer.id, f"{layer}+{note}" if note else layer, lang)
                    out[key] = (lang, spoken(message))
    return out


def audio_step(
    settings: Settings, paths: Paths, voice: Optional[Engine] = None
) -> Optional[Callable[[dict[str, Any], Path], dict[str, Any]]]:
    """The publish step that speaks every served text of a bundle into its directory, for
    `publish(..., extras=…)`; None when this machine has no speech engine."""
    voice = voice or engine()
    if voice is None:
        return None
    found: Engine = voice

    def step(bundle: dict[str, Any], directory: Path) -> dict[str, Any]:
        content = bundle_content(bundle)
        renderer = Renderer(content, Translations.from_table(bundle["translations"]), settings)
        texts = served_texts(renderer)
        target = directory / AUDIO_DIR

        def make(item: tuple[str, tuple[str, str]]) -> tuple[str, str]:
            key, (lang, text) = item
            return key, place(found, text, lang, paths.speech_cache_dir, target)

        with ThreadPoolExecutor(max_workers=2) as pool:  # two cores; espeak-ng is the work
            return {"audio": dict(pool.map(make, sorted(texts.items())))}

    return step


def publish_served(
    config: Config, content_dir: Optional[Path] = None, translations_dir: Optional[Path] = None
) -> Published:
    """Put in force the bundle parents are served, with its read-aloud audio, from `config`'s
    content (or the console's workspace: `content_dir`, `translations_dir`). Every entry point
    publishes through this (the launcher, `bot build`, the console, soak, bench and the tests'
    fixtures), so no bundle in force ever lacks the audio of its texts."""
    p = config.paths
    return publish(
        content_dir or p.content_dir,
        translations_dir or p.translations_dir,
        p.state_dir,
        p.sources_dir,
        audio_step(config.settings, p),
    )
