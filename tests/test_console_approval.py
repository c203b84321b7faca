"""Approving in the console changes what parents get only after publishing, and leaves an
audit entry; drafts and unreviewed translations are never served.

A second web server edits a copy of the content (BOT_CONTENT_DIR / BOT_TRANSLATIONS_DIR);
it shares the running Rasa and action server and the published bundle with the other tests,
so the repository's content is published again at the end.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Iterator

import pytest
import requests
import yaml

from bot.config.config import Config
from bot.config.paths import CONTENT_DIR, ROOT, TRANSLATIONS_DIR
from bot.config.settings import Settings
from bot.content.build import read_bundle
from bot.content.catalog import update_catalogs
from bot.content.content import load_content
from bot.conversation.read_aloud import publish_served
from bot.ops.launcher import service_env
from bot.ops.readiness import wait_for
from bot.web.rest_format import merge_custom
from tests.conftest import Counsellor
from tests.console_client import login
from tests.test_web import free_port

NEW_NL = "SMARD is helaas niet te genezen."
NEW_EN = "Sadly, SMARD cannot be cured."


@pytest.fixture()
def workspace_console(
    servers: Settings, config: Config, tmp_path: Path
) -> Iterator[tuple[str, Path, Path]]:
    """A web server whose console edits a copy of the content; the parents' REST route is
    the shared Rasa server."""
    content_dir, tr_dir = tmp_path / "content", tmp_path / "translations"
    shutil.copytree(CONTENT_DIR, content_dir)
    shutil.copytree(TRANSLATIONS_DIR, tr_dir)
    (content_dir / "review-log.jsonl").unlink(missing_ok=True)
    port = free_port()
    env = dict(
        service_env(config),
        BOT_PORT=str(port),
        BOT_CONTENT_DIR=str(content_dir),
        BOT_TRANSLATIONS_DIR=str(tr_dir),
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", "from bot.web.web import serve; serve()"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/health", 30, proc)
        yield f"http://127.0.0.1:{port}", content_dir, tr_dir
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        # parents get the repository's content again
        publish_served(config)


def parent_asks(rest_url: str, question: str, language: str) -> dict:
    resp = requests.post(
        rest_url,
        timeout=60,
        json={"sender": uuid.uuid4().hex, "message": question, "metadata": {"language": language}},
    )
    return merge_custom(resp.json())[0]


def review_of(content_dir: Path, answer_id: str) -> dict:
    for path in (content_dir / "answers").glob("*.yml"):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")):
            if item["id"] == answer_id:
                return item["review"]
    raise KeyError(answer_id)


def test_approval_reaches_parents_only_after_publishing(
    workspace_console: tuple[str, Path, Path], rest_url: str, counsellor: Counsellor, report_figure
) -> None:  # type: ignore[no-untyped-def]
    base, content_dir, tr_dir = workspace_console
    s, csrf = login(base, counsellor.name, counsellor.password)
    question = "Is SMARD te genezen?"
    served = parent_asks(rest_url, question, "nl")
    assert served["custom"]["topic"] == "smard_treatment" and served["custom"]["status"] == "served"

    # 1. Send back: recorded in the content file and the audit log, but still served…
    resp = s.post(
        f"{base}/console/answers/smard_treatment/send-back",
        timeout=30,
        data={"csrf": csrf, "comment": "Graag eenvoudiger uitleggen."},
    )
    assert resp.status_code == 200 and "Sent back" in resp.text
    review = review_of(content_dir, "smard_treatment")
    assert review["state"] == "returned" and review["by"] == counsellor.display_name
    assert review["date"] == dt.date.today() and review["comment"] == "Graag eenvoudiger uitleggen."
    assert parent_asks(rest_url, question, "nl")["custom"]["status"] == "served"
    assert "not yet published" in s.get(f"{base}/console/", timeout=30).text
    # …until it is published: then parents get the honest "not checked yet".
    start = time.perf_counter()
    resp = s.post(f"{base}/console/publish", data={"csrf": csrf}, timeout=60)
    assert resp.status_code == 200 and "Published" in resp.text
    reply = parent_asks(rest_url, question, "nl")
    seconds = time.perf_counter() - start
    assert reply["custom"]["status"] == "draft" and "niet te genezen" not in reply["text"]

    # 2. An engineer changes the Dutch text (and runs `python -m bot catalog`): English stale.
    path = content_dir / "answers" / "smard.yml"
    # (the text, not the leaflet's sentence it quotes: that stays as the leaflet has it)
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "SMARD is niet te genezen. De behandeling", NEW_NL + " De behandeling"
        ),
        encoding="utf-8",
    )
    update_catalogs(load_content(content_dir), tr_dir)
    # The counsellor approves the Dutch; the English translation is still stale.
    resp = s.post(
        f"{base}/console/answers/smard_treatment/approve", timeout=30, data={"csrf": csrf}
    )
    assert resp.status_code == 200 and "Approved" in resp.text
    assert review_of(content_dir, "smard_treatment")["state"] == "approved"
    assert parent_asks(rest_url, question, "nl")["custom"]["status"] == "draft"  # not published
    s.post(f"{base}/console/publish", data={"csrf": csrf}, timeout=60)
    nl = parent_asks(rest_url, question, "nl")
    assert nl["custom"]["status"] == "served" and NEW_NL in nl["text"]
    en = parent_asks(rest_url, "Can SMARD be cured?", "en")
    assert en["custom"]["status"] == "untranslated" and "cannot be cured" not in en["text"]

    # 3. The counsellor approves a corrected English translation; served after publishing.
    page = s.get(f"{base}/console/answers/smard_treatment", timeout=30).text
    assert "Approve the English translation" in page
    resp = s.post(
        f"{base}/console/answers/smard_treatment/approve-translation",
        timeout=30,
        data={"csrf": csrf, "text.short": NEW_EN + " Care aims to support breathing."},
    )
    assert resp.status_code == 200 and "Translation approved" in resp.text
    assert parent_asks(rest_url, "Can SMARD be cured?", "en")["custom"]["status"] == "untranslated"
    s.post(f"{base}/console/publish", data={"csrf": csrf}, timeout=60)
    en = parent_asks(rest_url, "Can SMARD be cured?", "en")
    assert en["custom"]["status"] == "served" and NEW_EN in en["text"]

    # Every decision is in the audit log, with the counsellor's name.
    log = [
        json.loads(line)
        for line in (content_dir / "review-log.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert [e["action"] for e in log] == [
        "send_back",
        "publish",
        "approve",
        "publish",
        "approve_translation",
        "publish",
    ]
    assert all(e["by"] == counsellor.display_name for e in log)
    assert "smard_treatment" in s.get(f"{base}/console/audit", timeout=30).text
    report_figure(
        "Console publish",
        f"publish → a parent's next message gets the new content: "
        f"{seconds:.2f} s (publish + one REST round trip)",
    )


def test_a_draft_is_never_served_and_cannot_be_approved_without_a_source(
    workspace_console: tuple[str, Path, Path], rest_url: str, counsellor: Counsellor, config: Config
) -> None:
    base, content_dir, _ = workspace_console
    s, csrf = login(base, counsellor.name, counsellor.password)
    draft = load_content(content_dir).answers["sma_options"]
    assert not draft.review.approved and draft.short
    resp = s.post(f"{base}/console/answers/sma_options/approve", timeout=30, data={"csrf": csrf})
    assert resp.status_code == 409 and "cannot be approved" in resp.text
    assert review_of(content_dir, "sma_options")["state"] == "draft"
    s.post(f"{base}/console/publish", data={"csrf": csrf}, timeout=60)
    for question, lang in [("Kunnen we PGT doen bij SMA?", "nl"), ("Can we do PGT for SMA?", "en")]:
        reply = parent_asks(rest_url, question, lang)
        assert reply["custom"]["topic"] == "sma_options" and reply["custom"]["status"] == "draft"
        assert draft.short[:40] not in reply["text"]
    bundle = json.dumps(read_bundle(config.paths.state_dir), ensure_ascii=False)
    assert draft.short[:40] not in bundle  # the draft's text is not even in what is served
    # The counsellor can still preview the draft, clearly marked.
    page = s.get(f"{base}/console/answers/sma_options", timeout=30).text
    assert (
        "not served to parents" in page
        and json.dumps(draft.short[:30], ensure_ascii=False)[1:-1] in page
    )
