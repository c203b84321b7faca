"""Pictures drawn from the content's own values, as SVG without words.

Words (alternative text, caption) come from the catalogs like every other text, so one
picture serves both languages and the numbers in it can never disagree with the answer.
"""
from __future__ import annotations

from typing import Any

# Colours chosen for contrast on white (WCAG 2.1 non-text contrast ≥ 3:1); the marked figures
# are also filled and the others only outlined, so colour is not the only difference.
MARKED = "#9a3412"
UNMARKED = "#475569"


def _person(x: float, y: float, marked: bool, size: float = 20) -> str:
    fill = MARKED if marked else "none"
    stroke = MARKED if marked else UNMARKED
    head = size * 0.22
    return (f'<g stroke="{stroke}" stroke-width="1.6" fill="{fill}">'
            f'<circle cx="{x + size / 2:.1f}" cy="{y + head + 1:.1f}" r="{head:.1f}"/>'
            f'<path d="M{x + size * 0.2:.1f},{y + size:.1f} Q{x + size * 0.2:.1f},{y + size * 0.5:.1f} '
            f'{x + size / 2:.1f},{y + size * 0.5:.1f} Q{x + size * 0.8:.1f},{y + size * 0.5:.1f} '
            f'{x + size * 0.8:.1f},{y + size:.1f} Z"/></g>')


def icon_array(count: int, per: int = 100, columns: int = 10) -> str:
    """`per` figures in a grid, the first `count` marked."""
    size, gap = 20, 6
    rows = -(-per // columns)
    width, height = columns * (size + gap), rows * (size + gap)
    figures = "".join(_person((i % columns) * (size + gap), (i // columns) * (size + gap), i < count)
                      for i in range(per))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-3 -3 {width + 6} {height + 6}" '
            f'role="img" aria-hidden="true">{figures}</svg>')


def _gene_pair(x: float, y: float, changed: int) -> str:
    """Two gene copies as bars; `changed` of them (from the left) are changed."""
    bars = []
    for i in range(2):
        is_changed = i < changed
        bars.append(f'<rect x="{x + i * 14:.1f}" y="{y:.1f}" width="10" height="30" rx="3" '
                    f'fill="{MARKED if is_changed else "#ffffff"}" stroke="{MARKED if is_changed else UNMARKED}" '
                    f'stroke-width="2"/>')
    return "".join(bars)


def inheritance() -> str:
    """Two carrier parents (one changed copy each) and the four combinations for a child."""
    parts = [_person(70, 10, False, 44), _gene_pair(128, 18, 1),
             _person(250, 10, False, 44), _gene_pair(308, 18, 1),
             f'<path d="M92,70 L92,95 L272,95 L272,70 M182,95 L182,120 M40,120 L340,120 '
             f'M40,120 L40,140 M140,120 L140,140 M240,120 L240,140 M340,120 L340,140" '
             f'fill="none" stroke="{UNMARKED}" stroke-width="2"/>']
    for i, changed in enumerate((0, 1, 1, 2)):
        x = 18 + i * 100
        parts.append(_person(x, 148, changed == 2, 44))
        parts.append(_gene_pair(x + 8, 200, changed))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 240" role="img" '
            f'aria-hidden="true">{"".join(parts)}</svg>')


def draw(spec: dict[str, Any], values: dict[str, dict[str, Any]]) -> str:
    """The SVG for a content picture spec (`picture:` in the content files)."""
    if spec["kind"] == "icon_array":
        value = values[spec["value"]]
        return icon_array(int(value["count"]), int(value["per"]))
    if spec["kind"] == "inheritance":
        return inheritance()
    raise ValueError(f"unknown picture kind {spec['kind']!r}")
