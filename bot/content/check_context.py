"""What the content checks (bot/content/checks.py, bot/content/source_checks.py) look at, read
once: the content, the catalogs and the source texts; a rule's shape, and running a rule
about one answer over every answer."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from bot.config.paths import SOURCES_DIR
from bot.content.catalog import Translations, get_translations
from bot.content.content import Content, get_content
from bot.content.schema import Answer
from bot.content.sources import section_texts


def placeholders(text: str) -> set[str]:
    """Names of {placeholders} in a text."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def squash_space(text: str) -> str:
    """Every run of whitespace as one space: sources are compared with their wrapping ignored."""
    return re.sub(r"\s+", " ", text)


@dataclass
class Context:
    """What the rules look at."""

    content: Content
    translations: Translations
    sources_dir: Path
    translations_required: bool
    source_texts: dict[str, str]  # doc key -> whole text (whitespace squashed)
    sections: dict[tuple[str, str], str]  # (doc key, section) -> section text

    def where(self, a: Answer) -> str:
        return f"{a.file}:{a.id}"

    def translation(self, lang: str, ctx: str, source: str) -> Optional[str]:
        return self.translations.get(lang, ctx, source)


Rule = Callable[[Context], list[str]]


# A rule about one answer; run answer by answer, so the problems stay grouped per answer.
AnswerRule = Callable[[Context, Answer], list[str]]


def each_answer(*rules: AnswerRule, approved_only: bool = False) -> Rule:
    """A content rule that runs `rules` in order on every answer (only the approved ones with
    `approved_only`)."""

    def rule(c: Context) -> list[str]:
        return [
            problem
            for a in c.content.answers.values()
            if a.review.approved or not approved_only
            for r in rules
            for problem in r(c, a)
        ]

    return rule


def context(
    content: Optional[Content] = None,
    translations: Optional[Translations] = None,
    sources_dir: Path = SOURCES_DIR,
    translations_required: bool = True,
) -> Context:
    """Everything the rules need, read once."""
    content = content or get_content()
    translations = translations or get_translations()
    texts = {
        key: squash_space((sources_dir / doc.file).read_text(encoding="utf-8"))
        for key, doc in content.sources.items()
        if (sources_dir / doc.file).exists()
    }
    return Context(
        content,
        translations,
        sources_dir,
        translations_required,
        texts,
        section_texts(content, sources_dir),
    )
