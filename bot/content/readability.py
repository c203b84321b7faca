"""Readability of answer texts: Flesch–Douma for Dutch, Flesch Reading Ease for English.

Scores come from textstat 0.7.3, which counts syllables with pyphen's bundled dictionaries
(later textstat versions download NLTK data at run time, which we do not allow). The B1 flag
is a heuristic for the counsellor, not a verdict: Dutch B1 guidance asks for short sentences
(about 15 words on average) and a Flesch(-Douma) score of 60 or more ("fairly easy").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from textstat.textstat import textstatistics

B1_MIN_SCORE = 60.0
B1_MAX_WORDS_PER_SENTENCE = 15.0
_TEXTSTAT_LANG = {"nl": "nl", "en": "en_GB"}


@dataclass(frozen=True)
class Readability:
    """Scores for one text in one language."""

    score: float
    words: int
    sentences: int
    words_per_sentence: float

    @property
    def above_b1(self) -> bool:
        """Likely above B1: a low score or long sentences."""
        return self.score < B1_MIN_SCORE or self.words_per_sentence > B1_MAX_WORDS_PER_SENTENCE


@lru_cache(maxsize=None)
def _stats(lang: str) -> textstatistics:
    stats = textstatistics()
    stats.set_lang(_TEXTSTAT_LANG[lang])
    return stats


def plain(text: str) -> str:
    """Markdown to plain sentences: link texts kept, markup and list dashes dropped, each list
    item ending as a sentence."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    text = re.sub(r"\*\*|__|(?<!\w)_|_(?!\w)", "", text)
    lines = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("- "):
            line = line[2:].rstrip(".?!:;") + "."
        lines.append(line)
    return " ".join(ln for ln in lines if ln)


def measure(text: str, lang: str) -> Readability:
    """Readability of a (markdown) text in 'nl' or 'en'."""
    clean = plain(text)
    stats = _stats(lang)
    words = stats.lexicon_count(clean)
    sentences = max(1, stats.sentence_count(clean))
    return Readability(
        score=float(stats.flesch_reading_ease(clean)),
        words=words,
        sentences=sentences,
        words_per_sentence=round(words / sentences, 1),
    )
