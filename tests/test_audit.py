"""`python -m bot audit` (bot/ops/audit.py): every pinned package's known advisories, each
fixed or explained in docs/production.md; a new pin with a known advisory, or a package the
committed extract was not made for, fails. Also what the explanations rely on."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config.paths import ROOT
from bot.ops import audit
from bot.ops.audit_extract import extract

MIRROR = Path(os.environ.get("BOT_ADVISORY_DB", "/work/.mirror/pypa+advisory-database/repo"))


def test_the_audit_passes_for_the_pins() -> None:
    # The command itself, as CI runs it (without pip-audit's service: the committed extract).
    done = subprocess.run(
        [sys.executable, "-m", "bot", "audit"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 not; 0 pinned package(s) unchecked" in done.stdout, done.stdout


def test_every_finding_is_explained_in_the_docs() -> None:
    found = audit.findings(audit.pins(), audit.load_extract())
    assert found, "the supplement's aiohttp findings should be found for aiohttp 3.9.5"
    assert audit.unexplained(found, audit.listed()) == []


def test_a_new_pin_with_a_known_advisory_fails(tmp_path: Path) -> None:
    lock = tmp_path / "requirements.lock"
    lock.write_text(
        audit.LOCK.read_text(encoding="utf-8").replace("Jinja2==3.1.6", "Jinja2==2.10"),
        encoding="utf-8",
    )
    found = audit.findings(audit.pins(lock), audit.load_extract())
    bad = audit.unexplained(found, audit.listed())
    assert {f.package for f in bad} == {"jinja2"} and "PYSEC-2019-217" in {f.id for f in bad}


def test_a_package_the_extract_was_not_made_for_fails(tmp_path: Path) -> None:
    lock = tmp_path / "requirements.lock"
    lock.write_text(
        audit.LOCK.read_text(encoding="utf-8") + "brand-new_Package==1.0\n", encoding="utf-8"
    )
    assert audit.unchecked(audit.pins(lock), audit.load_extract()) == ["brand-new-package"]


def test_fixed_in_the_table_while_still_found_is_not_enough(tmp_path: Path) -> None:
    docs = tmp_path / "production.md"
    docs.write_text(
        "# P\n\n## Known advisories\n\n| id | package | what | became |\n|---|---|---|---|\n"
        "| PYSEC-1 | x 1 | y | fixed: upgraded to 2 |\n| PYSEC-2 | x 1 | y | explained: z |\n"
        "\n## Next\n| PYSEC-3 | x | y | explained: outside the section |\n",
        encoding="utf-8",
    )
    listed = audit.listed(docs)
    assert set(listed) == {"PYSEC-1", "PYSEC-2"}
    found = [audit.Finding("x", "1", i, (), "") for i in ("PYSEC-1", "PYSEC-2", "PYSEC-3")]
    assert [f.id for f in audit.unexplained(found, listed)] == ["PYSEC-1", "PYSEC-3"]


@pytest.mark.parametrize(
    "version, ranges, hit",
    [
        ("1.0", [[{"introduced": "0"}, {"fixed": "1.0"}]], False),
        ("0.9", [[{"introduced": "0"}, {"fixed": "1.0"}]], True),
        ("2.0", [[{"introduced": "1.5"}, {"fixed": "1.9"}, {"introduced": "2.0"}]], True),
        ("1.9", [[{"introduced": "1.5"}, {"fixed": "1.9"}, {"introduced": "2.0"}]], False),
        ("1.2", [[{"introduced": "1.0"}, {"last_affected": "1.2"}]], True),
        ("1.2.1", [[{"introduced": "1.0"}, {"last_affected": "1.2"}]], False),
        ("0.9", [[{"introduced": "1.0"}]], False),
    ],
)
def test_osv_ranges(version: str, ranges: list, hit: bool) -> None:
    assert audit.in_ranges(version, ranges) is hit


def test_a_withdrawn_record_or_a_versions_list() -> None:
    assert not audit.affects({"withdrawn": "2024", "ranges": [[{"introduced": "0"}]]}, "1")
    assert audit.affects({"versions": ["1.0", "1.1"]}, "1.1")
    assert not audit.affects({"versions": ["1.0"]}, "1.1")


def _fake_pip_audit(tmp_path: Path, report: dict) -> str:
    script = tmp_path / "pip-audit"
    script.write_text(f"#!/bin/sh\ncat <<'EOF'\n{json.dumps(report)}\nEOF\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


def test_a_pip_audit_that_skipped_pins_is_no_audit(tmp_path: Path) -> None:
    # What pip-audit reports where PyPI's JSON API answers 404: nothing found, all skipped.
    exe = _fake_pip_audit(
        tmp_path,
        {
            "dependencies": [
                {
                    "name": "aiohttp",
                    "version": "3.9.5",
                    "skip_reason": "Dependency not found on PyPI",
                }
            ]
        },
    )
    found, why = audit.pip_audit(exe)
    assert found is None and "could not audit 1 of 1" in why


def test_pip_audit_findings_are_used_when_it_could_audit(tmp_path: Path) -> None:
    exe = _fake_pip_audit(
        tmp_path,
        {
            "dependencies": [
                {
                    "name": "Jinja2",
                    "version": "2.10",
                    "vulns": [
                        {
                            "id": "PYSEC-2019-217",
                            "aliases": ["CVE-2019-10906"],
                            "description": "sandbox",
                        }
                    ],
                }
            ]
        },
    )
    found, _ = audit.pip_audit(exe)
    assert found == [
        audit.Finding("jinja2", "2.10", "PYSEC-2019-217", ("CVE-2019-10906",), "sandbox")
    ]


@pytest.mark.skipif(not MIRROR.exists(), reason="no copy of PyPA's advisory database here")
def test_the_extract_is_what_the_database_says() -> None:
    data = audit.load_extract(supplement=None)
    fresh = extract(MIRROR, list(audit.pins()))
    if fresh["commit"] != data["commit"]:
        pytest.skip(f"another snapshot here ({fresh['commit'][:12]}): rebuild the extract")
    assert fresh == data


# What the explanations in docs/production.md rely on.


def test_our_requests_are_parsed_by_aiohttps_c_parser() -> None:
    from aiohttp import http_parser

    assert "AIOHTTP_NO_EXTENSIONS" not in os.environ
    assert http_parser.HttpRequestParser is getattr(http_parser, "HttpRequestParserC", None)


def test_the_static_directory_has_no_symlink_or_compressed_variant() -> None:
    from bot.config.paths import STATIC_DIR

    for path in Path(STATIC_DIR).rglob("*"):
        assert not path.is_symlink(), path
        assert path.suffix not in (".gz", ".br"), path
    source = (ROOT / "bot" / "web" / "web.py").read_text(encoding="utf-8")
    assert "follow_symlinks" not in source


def test_nginx_refuses_compressed_request_bodies() -> None:
    site = (ROOT / "deploy" / "nginx" / "keuzehulp.conf").read_text(encoding="utf-8")
    public = site.split("listen 443", 1)[1].split("\nserver {", 1)[0]
    assert "if ($http_content_encoding) {\n        return 415;" in public
