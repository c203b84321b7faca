"""Builds deploy/audit/advisories.yml: the advisory records of PyPA's advisory database (the
data pip-audit's PyPI service serves, OSV format) that concern the packages pinned in
requirements.lock, so `python -m bot audit` can check the pins where that service cannot be
reached. Run again after adding a package to requirements.lock, against a fresh clone of
https://github.com/pypa/advisory-database:

    python -m bot audit --extract /path/to/advisory-database

(a bare clone works too). Only data is kept: id, aliases, package, the affected version ranges
(or, for a record without ranges, its affected versions) and a one-line summary.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import yaml

SUMMARY_CHARS = 200


def normalise(name: str) -> str:
    """A package name as PyPI compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True
    ).stdout


def _summary(record: dict[str, Any]) -> str:
    text = " ".join(str(record.get("summary") or record.get("details") or "").split())
    first = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    return first if len(first) <= SUMMARY_CHARS else first[: SUMMARY_CHARS - 1] + "…"


def _entry(record: dict[str, Any], package: str) -> dict[str, Any]:
    """The parts of one OSV record the audit needs, for `package`."""
    ranges, versions = [], []
    for affected in record.get("affected") or []:
        if normalise(affected.get("package", {}).get("name", "")) != package:
            continue
        for r in affected.get("ranges") or []:
            if r.get("type") == "ECOSYSTEM":
                ranges.append([{k: str(v) for k, v in e.items()} for e in r["events"]])
        versions += [str(v) for v in affected.get("versions") or []]
    entry: dict[str, Any] = {
        "id": record["id"],
        "aliases": sorted(record.get("aliases") or []),
        "summary": _summary(record),
    }
    if record.get("withdrawn"):
        entry["withdrawn"] = str(record["withdrawn"])
    if ranges:
        entry["ranges"] = ranges
    else:
        entry["versions"] = versions
    return entry


def extract(repo: Path, packages: list[str]) -> dict[str, Any]:
    """The extract for `packages` from the advisory database at `repo` (its HEAD)."""
    commit = _git(repo, "rev-parse", "HEAD").strip()
    date = _git(repo, "log", "-1", "--format=%cs", "HEAD").strip()
    dirs = {
        normalise(d.rsplit("/", 1)[-1]): d
        for d in _git(repo, "ls-tree", "--name-only", "HEAD", "vulns/").split()
    }
    advisories: dict[str, list[dict[str, Any]]] = {}
    for package in sorted({normalise(p) for p in packages}):
        if package not in dirs:
            continue
        files = _git(repo, "ls-tree", "--name-only", "HEAD", dirs[package] + "/").split()
        records = [
            yaml.safe_load(_git(repo, "show", f"HEAD:{f}"))
            for f in files
            if f.endswith((".yaml", ".yml", ".json"))
        ]
        advisories[package] = sorted((_entry(r, package) for r in records), key=lambda e: e["id"])
    return {
        "source": "https://github.com/pypa/advisory-database",
        "commit": commit,
        "snapshot_date": date,
        "checked": sorted({normalise(p) for p in packages}),
        "advisories": advisories,
    }


def write_extract(repo: Path, packages: list[str], out: Path) -> dict[str, Any]:
    """Write the extract (YAML) to `out`; return it."""
    data = extract(repo, packages)
    header = (
        "# Advisory records for the packages in requirements.lock, extracted from PyPA's\n"
        "# advisory database by `python -m bot audit --extract` (bot/ops/audit_extract.py).\n"
        "# Data only; regenerate, do not edit.\n"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100),
        encoding="utf-8",
    )
    return data
