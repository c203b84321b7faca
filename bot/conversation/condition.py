"""Which condition (SMARD or SMA) a message is about, from what it mentions."""

from __future__ import annotations

import re
from typing import Optional

# SMARD's full name contains SMA's ("spinal muscular atrophy with respiratory distress",
# "spinale musculaire atrofie met ademnood"), so SMA's full name counts only when it is not
# followed by "with" / "met".
_PATTERNS = {
    "smard": re.compile(r"\bsmard\d?\b|ighmbp2|respiratory distress|\bademnood\b", re.I),
    "sma": re.compile(
        r"\bsma\b(?!\s+(?:met\s+ademnood|with\s+respiratory))|\bsmn[12]?\b|hielprik|heel[\s-]?prick|newborn screening|neonatale screening|"
        r"spinale musculaire atrofie(?!\s+met)|spinal muscular atrophy(?!\s+with)",
        re.I,
    ),
}


def mentioned(text: str) -> Optional[str]:
    """'smard' or 'sma' when the text names exactly one of them, else None."""
    found = [c for c, p in _PATTERNS.items() if p.search(text or "")]
    return found[0] if len(found) == 1 else None
