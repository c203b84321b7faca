"""Write reviewed English translations into the catalog: `python scripts/translate.py FILE.yml`.

FILE maps catalog contexts to English texts. Each entry is written as the current
translation of the Dutch text it belongs to (the fuzzy flag is cleared), which is what a
translator does by hand in the .po file. Used when engineers add interface texts; answers'
translations are approved by counsellors in the console.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from babel.messages.pofile import read_po, write_po

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere
from bot.config.paths import TRANSLATIONS_DIR  # noqa: E402


def main(path: str) -> None:
    table = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    po = TRANSLATIONS_DIR / "en" / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as f:
        cat = read_po(f, locale="en")
    found = set()
    for m in cat:
        if m.context in table:
            m.string = table[m.context].strip()
            m.flags.discard("fuzzy")
            m.previous_id = []
            found.add(m.context)
    missing = set(table) - found
    if missing:
        sys.exit(f"not in the catalog (run `python -m bot catalog` first): {sorted(missing)}")
    cat.fuzzy = False
    with po.open("wb") as f:
        write_po(f, cat, width=100, sort_output=False, omit_header=False)


if __name__ == "__main__":
    main(sys.argv[1])
