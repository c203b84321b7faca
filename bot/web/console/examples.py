"""How many example questions train each intent, per language (for the counsellor console).

The NLU files mix Dutch and English examples under one intent (the intents are shared), so
each example's language is told by the same detector the assistant uses (bot/conversation/language.py).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import yaml

from bot.config.paths import ROOT
from bot.conversation.language import detect

NLU_DIR = ROOT / "data" / "nlu"
_ANNOTATION = re.compile(r"\[([^\]]+)\](\([^)]*\)|\{[^}]*\})")


def _examples(block: str) -> list[str]:
    return [
        _ANNOTATION.sub(r"\1", line[2:].strip())
        for line in block.splitlines()
        if line.strip().startswith("- ")
    ]


@lru_cache(maxsize=4)
def _counts(directory: Path, stamp: tuple[tuple[str, int], ...]) -> dict[str, dict[str, int]]:
    out: dict[str, Counter[str]] = {}
    for path in sorted(directory.glob("*.yml")):
        for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
            if "intent" in item:
                counter = out.setdefault(item["intent"], Counter())
                for text in _examples(item.get("examples") or ""):
                    counter[detect(text) or "?"] += 1
    return {intent: dict(c) for intent, c in out.items()}


def example_counts(directory: Path = NLU_DIR) -> dict[str, dict[str, int]]:
    """{intent: {"nl": n, "en": n, "?": n}} ("?": too short to tell); recounted only when
    an NLU file changes."""
    stamp = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(directory.glob("*.yml")))
    return _counts(directory, stamp)
