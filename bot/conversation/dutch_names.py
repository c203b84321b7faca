"""The Dutch names an English reply keeps: the sources' titles and section names (the sources
are Dutch), and a quoted name left as it is in the Dutch text (a heading of a Dutch website).
The pages mark them lang="nl", so a screen reader reads them as Dutch."""

from __future__ import annotations

import re
from typing import Iterable

from bot.content.content import Content
from bot.content.schema import Answer

QUOTED = re.compile(r"‘[^’]+’")


def dutch_names(content: Content, answers: Iterable[Answer], english: str) -> list[str]:
    """The Dutch names in `english`, the English text rendered from `answers`."""
    answers = list(answers)
    names = [content.sources[r.doc].title for a in answers for r in a.sources]
    names += [f"‘{r.section}’" for a in answers for r in a.sources]
    dutch = " ".join(str(t) for a in answers for t in a.texts().values() if t)
    names += [q for q in QUOTED.findall(english) if q in dutch]
    return [n for n in dict.fromkeys(names) if n in english]
