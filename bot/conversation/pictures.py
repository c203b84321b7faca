"""Pictures drawn from the content's own values, as SVG without words.

Words (alternative text, caption) come from the catalogs like every other text, so one
picture serves both languages and the numbers in it can never disagree with the answer.
"""

from __future__ import annotations

from typing import Any, Callable

from bot.content.formatting import format_value
from bot.content.schema import Answer

# Colours chosen for contrast on white (WCAG 2.1 non-text contrast ≥ 3:1); the marked figures
# are also filled and the others only outlined, so colour is not the only difference.
MARKED = "#9a3412"
UNMARKED = "#475569"


def _person(x: float, y: float, marked: bool, size: float = 20) -> str:
    fill = MARKED if marked else "none"
    stroke = MARKED if marked else UNMARKED
    head = size * 0.22
    return (
        f'<g stroke="{stroke}" stroke-width="1.6" fill="{fill}">'
        f'<circle cx="{x + size / 2:.1f}" cy="{y + head + 1:.1f}" r="{head:.1f}"/>'
        f'<path d="M{x + size * 0.2:.1f},{y + size:.1f} Q{x + size * 0.2:.1f},{y + size * 0.5:.1f} '
        f"{x + size / 2:.1f},{y + size * 0.5:.1f} Q{x + size * 0.8:.1f},{y + size * 0.5:.1f} "
        f'{x + size * 0.8:.1f},{y + size:.1f} Z"/></g>'
    )


def icon_array(count: int, per: int = 100, columns: int = 10) -> str:
    """`per` figures in a grid, the first `count` marked."""
    size, gap = 20, 6
    rows = -(-per // columns)
    width, height = columns * (size + gap), rows * (size + gap)
    figures = "".join(
        _person((i % columns) * (size + gap), (i // columns) * (size + gap), i < count)
        for i in range(per)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-3 -3 {width + 6} {height + 6}" '
        f'role="img" aria-hidden="true">{figures}</svg>'
    )


def _gene_pair(x: float, y: float, changed: int) -> str:
    """Two gene copies as bars; `changed` of them (from the left) are changed."""
    bars = []
    for i in range(2):
        is_changed = i < changed
        bars.append(
            f'<rect x="{x + i * 14:.1f}" y="{y:.1f}" width="10" height="30" rx="3" '
            f'fill="{MARKED if is_changed else "#ffffff"}" stroke="{MARKED if is_changed else UNMARKED}" '
            f'stroke-width="2"/>'
        )
    return "".join(bars)


def inheritance() -> str:
    """What the leaflet states, and nothing more: a carrier (one changed copy of the gene, no
    symptoms) beside someone with SMARD (both copies changed). The leaflet gives the chance for a
    child of two carriers (25 in 100, the icon array of smard_chance), not the combinations a
    child can inherit, so the picture does not draw them."""
    parts = [
        _person(70, 20, False, 64),
        _gene_pair(88, 100, 1),
        _person(266, 20, True, 64),
        _gene_pair(284, 100, 2),
    ]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 150" role="img" '
        f'aria-hidden="true">{"".join(parts)}</svg>'
    )


def draw(spec: dict[str, Any], values: dict[str, dict[str, Any]]) -> str:
    """The SVG for a content picture spec (`picture:` in the content files)."""
    if spec["kind"] == "icon_array":
        value = values[spec["value"]]
        return icon_array(int(value["count"]), int(value["per"]))
    if spec["kind"] == "inheritance":
        return inheritance()
    raise ValueError(f"unknown picture kind {spec['kind']!r}")


def picture_reference(
    answer: Answer, lang: str, ui: Callable[[str, str], str], pictures_at: str
) -> dict[str, str]:
    """Where the answer's picture is served, with its alternative text and caption in `lang`
    (`ui(key, lang)`: the interface texts, from the catalogs)."""
    spec = answer.picture or {}
    kind = spec["kind"]
    fields: dict[str, str] = {}
    if kind == "icon_array":
        value = answer.values[spec["value"]]
        fields = {
            "count": str(value["count"]),
            "frequency": format_value({**value, "percent": False}, lang, lambda k: ui(k, lang)),
        }
    return {
        "src": f"{pictures_at}/{answer.id}.svg",
        "alt": ui(f"picture_{kind}_alt", lang).format(**fields),
        "caption": ui(f"picture_{kind}_caption", lang).format(**fields),
    }
