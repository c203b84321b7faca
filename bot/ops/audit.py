"""`python -m bot audit`: known advisories against the pinned dependencies (requirements.lock).

First pip-audit itself (`pip-audit -r requirements.lock`, from PATH or the `--pip-audit` option; it cannot
be installed beside Rasa 3.6, which pins packaging<21, so it lives in its own environment) with
a short timeout. Where pip-audit is missing or its service (PyPI's JSON API, OSV) cannot be
reached, every pin is matched against deploy/audit/advisories.yml, an extract of PyPA's
advisory database (bot/ops/audit_extract.py), with `packaging`'s version ordering.

A finding is an advisory whose affected ranges hold the pinned version. Each must be listed in
docs/production.md's "Known advisories" table (fixed by an upgrade, or explained: why the pin
is held and whether our code paths use the affected feature); the command fails (status 1) on
a finding that is not listed there and on a pinned package the extract was not checked against.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import yaml
from packaging.version import InvalidVersion, Version

from bot.config.paths import ROOT
from bot.ops.audit_extract import normalise

LOCK = ROOT / "requirements.lock"
EXTRACT = ROOT / "deploy" / "audit" / "advisories.yml"
SUPPLEMENT = ROOT / "deploy" / "audit" / "supplement.yml"
DOCS = ROOT / "docs" / "production.md"
TABLE_HEADING = "## Known advisories"
PIP_AUDIT_TIMEOUT = 60.0


@dataclass(frozen=True)
class Finding:
    """One advisory that concerns one pinned version."""

    package: str
    version: str
    id: str
    aliases: tuple[str, ...]
    summary: str


def pins(lock: Path = LOCK) -> dict[str, str]:
    """The pinned packages of a lock file (`name==version` lines), by normalised name."""
    out = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            out[normalise(name.split("[", 1)[0])] = version.split(";", 1)[0].strip()
    return out


def _version(text: str) -> Optional[Version]:
    try:
        return Version(text)
    except InvalidVersion:
        return None


def in_ranges(version: str, ranges: list[list[dict[str, str]]]) -> bool:
    """Whether `version` lies in one of OSV's ECOSYSTEM ranges: from an `introduced` up to
    the next `fixed` (excluded) or `last_affected` (included), or open-ended."""
    v = _version(version)
    if v is None:
        return False
    for events in ranges:
        start: Optional[Version] = None
        for event in events:
            ((kind, value),) = event.items()
            if kind == "introduced":
                start = Version("0") if value == "0" else _version(value)
            elif start is not None and kind in ("fixed", "last_affected", "limit"):
                end = _version(value)
                if (
                    end is not None
                    and start <= v
                    and (v < end or (kind == "last_affected" and v == end))
                ):
                    return True
                start = None
        if start is not None and start <= v:
            return True
    return False


def affects(advisory: dict[str, Any], version: str) -> bool:
    """Whether an extracted advisory concerns `version` (withdrawn ones concern none)."""
    if advisory.get("withdrawn"):
        return False
    if "ranges" in advisory:
        return in_ranges(version, advisory["ranges"])
    return version in advisory.get("versions", [])


def load_extract(path: Path = EXTRACT, supplement: Optional[Path] = SUPPLEMENT) -> dict[str, Any]:
    """The committed extract of the advisory database, with the supplement's records (fixes
    published after the snapshot) added to their packages."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    if supplement is not None and supplement.exists():
        extra = yaml.safe_load(supplement.read_text(encoding="utf-8"))
        for package, records in (extra.get("advisories") or {}).items():
            data["advisories"].setdefault(normalise(package), []).extend(records)
    return data


def findings(pinned: dict[str, str], extract: dict[str, Any]) -> list[Finding]:
    """Every advisory of the extract that concerns a pinned version."""
    out = []
    for package, version in sorted(pinned.items()):
        for adv in extract["advisories"].get(package, []):
            if affects(adv, version):
                out.append(
                    Finding(
                        package,
                        version,
                        adv["id"],
                        tuple(adv.get("aliases", ())),
                        adv.get("summary", ""),
                    )
                )
    return out


def unchecked(pinned: dict[str, str], extract: dict[str, Any]) -> list[str]:
    """Pinned packages the extract was not made for (run `audit --extract` again)."""
    return sorted(set(pinned) - set(extract["checked"]))


def listed(docs: Path = DOCS) -> dict[str, str]:
    """The advisories docs/production.md lists, id → what became of it (the table under
    "## Known advisories": first column the id, last column "fixed: …" or "explained: …")."""
    text = docs.read_text(encoding="utf-8")
    section = text.split(TABLE_HEADING, 1)[1].split("\n## ", 1)[0] if TABLE_HEADING in text else ""
    out = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        ident = re.fullmatch(r"`?([A-Z]+-[\w-]+)`?", cells[0]) if cells else None
        if ident and len(cells) >= 2:
            out[ident.group(1)] = cells[-1]
    return out


def unexplained(found: list[Finding], docs: dict[str, str]) -> list[Finding]:
    """Findings that docs/production.md neither explains nor lists as fixed (a finding still
    present is not fixed, whatever the table says)."""
    return [f for f in found if not docs.get(f.id, "").lower().startswith("explained")]


def pip_audit(
    exe: Optional[str] = None, lock: Path = LOCK, timeout: float = PIP_AUDIT_TIMEOUT
) -> tuple[Optional[list[Finding]], str]:
    """pip-audit's findings for the lock file (pip-audit at `exe`, else from PATH), or None
    and the reason when it is not installed, times out, cannot reach its vulnerability
    service or skipped a pin."""
    exe = exe or shutil.which("pip-audit")
    if not exe:
        return None, "pip-audit is not installed (it needs packaging>=21; Rasa 3.6 pins <21)"
    try:
        done = subprocess.run(
            [
                exe,
                "-r",
                str(lock),
                "--no-deps",
                "--disable-pip",
                "--progress-spinner",
                "off",
                "-f",
                "json",
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        deps = json.loads(done.stdout)["dependencies"]
    except subprocess.TimeoutExpired:
        return None, f"pip-audit did not finish within {timeout:.0f} s"
    except (ValueError, KeyError, TypeError):
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return None, f"pip-audit could not reach its vulnerability service ({last[:160]})"
    # Where PyPI's JSON API answers 404, pip-audit reports "No known vulnerabilities found"
    # and exits 0 having skipped every pin: that is no audit.
    skipped = [d["name"] for d in deps if d.get("skip_reason")]
    if skipped:
        return None, (
            f"pip-audit could not audit {len(skipped)} of {len(deps)} pins (its "
            "service does not know them: PyPI's JSON API is unreachable)"
        )
    return [
        Finding(
            normalise(d["name"]),
            d["version"],
            v["id"],
            tuple(v.get("aliases", ())),
            " ".join(str(v.get("description", "")).split())[:200],
        )
        for d in deps
        for v in d.get("vulns", [])
    ], "pip-audit"


def main(offline_only: bool = False, pip_audit_exe: Optional[str] = None) -> int:
    """Audit the pins; print the findings and what became of each. 1 when one is neither
    fixed nor explained, or a pinned package was never checked."""
    found: Optional[list[Finding]] = None
    if not offline_only:
        found, how = pip_audit(pip_audit_exe)
        print(
            f"pip-audit: {len(found)} finding(s)"
            if found is not None
            else f"{how}; using the committed extract."
        )
    extract, pinned = load_extract(), pins()
    if found is None:
        print(
            f"Advisory extract: PyPA advisory database {extract['commit'][:12]} "
            f"({extract['snapshot_date']}), {sum(map(len, extract['advisories'].values()))} "
            f"records for {len(extract['checked'])} packages; {len(pinned)} pins."
        )
        found = findings(pinned, extract)
    docs = listed()
    for f in found:
        state = docs.get(f.id) or "NOT LISTED in docs/production.md"
        print(
            f"{f.package} {f.version}  {f.id} ({', '.join(f.aliases)}): {f.summary}\n    -> {state}"
        )
    bad, missing = unexplained(found, docs), unchecked(pinned, extract)
    for name in missing:
        print(f"{name}: not in the extract; run `python -m bot audit --extract DB` again")
    print(
        f"{len(found)} finding(s), {len(found) - len(bad)} explained, {len(bad)} not; "
        f"{len(missing)} pinned package(s) unchecked"
    )
    return 1 if bad or missing else 0
