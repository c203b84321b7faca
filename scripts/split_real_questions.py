"""Split the collected real questions into a part to learn from and a blind third.

Run once per collected batch, before any of its results was looked at:
`python scripts/split_real_questions.py BATCH.yml` adds the batch to learn.yml and blind.yml.
Within each stratum of the batch (language × kind of label: answer, not_covered, emergency,
feelings, personal) the questions are ordered by the SHA-256 of their text; every third
(positions 0, 3, 6, …) goes to blind.yml, the rest to learn.yml. The split depends only on the
batch's texts, so anyone can re-derive it; blind.yml never trains the model and is never used
to choose anything.
"""

from __future__ import annotations

import hashlib
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

SPECIAL = ("not_covered", "emergency", "feelings", "personal")
OUT = Path(__file__).resolve().parent.parent / "tests" / "real_questions"


def stratum(q: dict[str, Any]) -> tuple[str, str]:
    """(language, kind of label) of a question."""
    return q["lang"], q["expect"] if q["expect"] in SPECIAL else "answer"


def split(questions: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(learn, blind) as described in the module docstring."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for q in questions:
        groups[stratum(q)].append(q)
    learn, blind = [], []
    for key in sorted(groups):
        ordered = sorted(groups[key], key=lambda q: hashlib.sha256(q["text"].encode()).hexdigest())
        for i, q in enumerate(ordered):
            (blind if i % 3 == 0 else learn).append(q)
    return learn, blind


def main(path: str) -> None:
    existing = {
        name: yaml.safe_load((OUT / name).read_text(encoding="utf-8")) or []
        for name in ("learn.yml", "blind.yml")
        if (OUT / name).exists()
    }
    known = {q["text"] for part in existing.values() for q in part}
    batch = [
        q for q in yaml.safe_load(Path(path).read_text(encoding="utf-8")) if q["text"] not in known
    ]
    learn, blind = split(batch)
    header = (
        "# Real questions from public pages, verbatim, with their source address and the reply a\n"
        "# parent must get. Split by scripts/split_real_questions.py ({part}).\n"
    )
    for name, part in (("learn.yml", learn), ("blind.yml", blind)):
        text = yaml.safe_dump(
            existing.get(name, []) + part, allow_unicode=True, sort_keys=False, width=200
        )
        (OUT / name).write_text(header.format(part=name) + text, encoding="utf-8")
    print(f"added: learn {len(learn)}, blind {len(blind)}")


if __name__ == "__main__":
    main(sys.argv[1])
