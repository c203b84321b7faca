"""Which condition (SMARD or SMA) a message is about, from what it mentions."""
from __future__ import annotations

import re
from typing import Optional

_PATTERNS = {
    "smard": re.compile(r"\bsmard\d?\b|ighmbp2|respiratory distress", re.I),
    "sma": re.compile(
        r"\bsma\b|\bsmn[12]?\b|hielprik|heel[\s-]?prick|newborn screening|neonatale screening|"
        r"spinale musculaire atrofie|spinal muscular atrophy(?!\s+with)", re.I),
}


def mentioned(text: str) -> Optional[str]:
    """'smard' or 'sma' when the text names exactly one of them, else None."""
    found = [c for c, p in _PATTERNS.items() if p.search(text or "")]
    return found[0] if len(found) == 1 else None
