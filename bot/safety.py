"""A keyword net under the NLU for acute medical worries.

Safety must not hang on a classifier's confidence alone: a message that says a child cannot
breathe or is turning blue gets the emergency answer whatever intent was predicted.
"""
from __future__ import annotations

import re

_ACUTE = re.compile(
    r"(kan|kon)\s+(niet|nauwelijks|bijna niet)\s+(meer\s+)?(goed\s+)?adem|ademt\s+(niet|nauwelijks|bijna niet)"
    r"|stopt\s+met\s+ademen|gestopt\s+met\s+ademen|(wordt|werd|is|ziet)\s+(helemaal\s+)?blauw|blauwe\s+lippen"
    r"|reageert\s+(niet|nergens)|\bbewusteloos|stikt|\bstikken\b|krijgt\s+geen\s+lucht|hapt\s+naar\s+lucht"
    r"|can'?t\s+breathe|cannot\s+breathe|can\s+not\s+breathe|(is\s+)?not\s+breathing|stopped\s+breathing"
    r"|struggling\s+to\s+breathe|gasping|turn(s|ing|ed)\s+blue|blue\s+lips|unresponsive|not\s+responding"
    r"|choking|unconscious|no\s+air",
    re.I,
)


def is_acute(text: str) -> bool:
    """True when the text describes an acute breathing or responsiveness problem."""
    return bool(_ACUTE.search(text or ""))
