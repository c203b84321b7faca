"""The hazard log (docs/hazard-log.md) names real tests: a control cannot lose its guard quietly.

Tests are found by reading the test files with `ast` (never by running or importing them), so
this check is fast and cannot be fooled by a test that fails to import.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from bot.config.paths import ROOT

LOG = ROOT / "docs" / "hazard-log.md"
# A pytest node id: path::test, path::Class::test, optionally with [parameters].
NODE = re.compile(r"(tests/[\w/]+\.py)::([\w:]+)(?:\[[^\]`]*\])?")


def collected_tests(path: Path) -> set[str]:
    """`name` for module-level tests and `Class::name` for tests in classes, read with ast."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith(
            "test"
        ):
            names.add(node.name)
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            names |= {
                f"{node.name}::{item.name}"
                for item in node.body
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
                and item.name.startswith("test")
            }
    return names


def hazards(text: str) -> dict[str, list[tuple[str, str]]]:
    """{hazard id: [(test file, test name), …]} from the log's table rows."""
    out: dict[str, list[tuple[str, str]]] = {}
    for line in text.splitlines():
        match = re.match(r"\|\s*(H\d+)\s*\|", line)
        if match:
            tests_cell = line.rstrip().rstrip("|").rsplit("|", 1)[-1]
            out[match.group(1)] = NODE.findall(tests_cell)
    return out


def missing_tests(text: str, root: Path = ROOT) -> list[str]:
    """Every node id in the log whose file or test function does not exist."""
    problems = []
    for hazard, nodes in hazards(text).items():
        for file, name in nodes:
            path = root / file
            if not path.exists():
                problems.append(f"{hazard}: {file} does not exist")
            elif name not in collected_tests(path):
                problems.append(f"{hazard}: {file}::{name} does not exist")
    return problems


def test_every_listed_test_exists() -> None:
    assert missing_tests(LOG.read_text(encoding="utf-8")) == []


def test_every_hazard_has_a_cause_a_control_and_a_test() -> None:
    text = LOG.read_text(encoding="utf-8")
    found = hazards(text)
    assert len(found) >= 12
    for hazard, nodes in found.items():
        assert nodes, f"{hazard} lists no test"
    rows = [line for line in text.splitlines() if re.match(r"\|\s*H\d+\s*\|", line)]
    for row in rows:
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        assert len(cells) == 5 and all(cells), row[:60]


@pytest.mark.parametrize(
    "hazard",
    [
        "juxtaposition",
        "emergency missed",
        "ambiguous",
        "wrong condition",
        "number changed",
        "certainty changed",
        "draft served",
        "stale translation",
        "logged",
        "kept too long",
    ],
)
def test_the_issues_hazards_are_listed(hazard: str) -> None:
    assert hazard in LOG.read_text(encoding="utf-8").lower()


def test_the_check_fails_for_a_test_that_no_longer_exists() -> None:
    row = (
        "| H99 | a hazard | a cause | a control | "
        "`tests/test_content.py::test_content_check_passes`, "
        "`tests/test_content.py::test_that_was_renamed`, `tests/test_gone.py::test_x[nl]` |"
    )
    assert missing_tests(row) == [
        "H99: tests/test_content.py::test_that_was_renamed does not exist",
        "H99: tests/test_gone.py does not exist",
    ]
