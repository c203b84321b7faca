"""The text of each cited section of the vetted source documents (for the counsellor console
and the review document): from the section's first words to the next section's."""

from __future__ import annotations

import re
from pathlib import Path

from bot.config.paths import SOURCES_DIR
from bot.content.content import Content


def squash(text: str) -> str:
    """Whitespace collapsed: the source files are hard-wrapped PDF text."""
    return re.sub(r"\s+", " ", text).strip()


def section_texts(content: Content, sources_dir: Path = SOURCES_DIR) -> dict[tuple[str, str], str]:
    """{(doc key, section name): section text}; sections not found in their file (after the
    one before) are left out (the content check reports them)."""
    out: dict[tuple[str, str], str] = {}
    for key, doc in content.sources.items():
        path = sources_dir / doc.file
        if not path.exists():
            continue
        text = squash(path.read_text(encoding="utf-8"))
        # Sections are listed in document order; each is searched after the previous one,
        # since a heading's words may also occur earlier in the text ("PGT").
        starts: list[tuple[int, str]] = []
        after = 0
        for name, first_words in doc.sections.items():
            pos = text.find(squash(first_words), after)
            if pos >= 0:
                starts.append((pos, name))
                after = pos + 1
        for i, (pos, name) in enumerate(starts):
            end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
            out[(key, name)] = text[pos:end].strip()
    return out
