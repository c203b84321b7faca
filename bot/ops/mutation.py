"""Mutation testing of the decision modules with mutmut (2.5.1).

Each module is mutated in a throwaway copy of the working tree (never in place, so a run that is
stopped halfway leaves no mutant behind), against the fast unit tests that pin it. A mutant is a
single small change (an operator, a number, a string, a keyword); it is *killed* when a test
fails. Surviving mutants judged equivalent (no observable change of behaviour) are listed with
a reason in docs/mutation.md (the YAML block), and the score is

    killed / (mutants - equivalent survivors)

printed per module and written to test-artifacts/mutation.txt.

Full run: `.venv/bin/python -m bot mutation`; one module: `... mutation bot/conversation/safety.py`.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

import yaml

from bot.config.environment import process_environment
from bot.config.paths import ROOT

EQUIVALENTS_DOC = ROOT / "docs" / "mutation.md"
ARTIFACT = ROOT / "test-artifacts" / "mutation.txt"


@dataclass(frozen=True)
class Target:
    module: str
    tests: tuple[str, ...]
    target: float  # share of non-equivalent mutants that must be killed
    conftest: bool = False  # whether the tests need tests/conftest.py (the content fixtures)


TARGETS = (
    Target("bot/conversation/safety.py", ("tests/test_safety.py",), 0.90),
    Target("bot/conversation/language.py", ("tests/test_language.py",), 0.90),
    Target("bot/conversation/condition.py", ("tests/test_condition.py",), 0.90),
    Target("bot/web/request_rules.py", ("tests/test_http.py",), 0.80, conftest=True),
    Target(
        "bot/decision_aid/values.py",
        ("tests/test_values.py", "tests/test_decision_aid.py"),
        0.80,
        conftest=True,
    ),
    Target("bot/content/formatting.py", ("tests/test_formatting.py",), 0.80, conftest=True),
    Target("bot/conversation/scope.py", ("tests/test_scope.py",), 0.90),
    Target("bot/content/question_kind.py", ("tests/test_question_kind.py",), 0.80),
    Target("bot/conversation/feelings.py", ("tests/test_feelings_advice.py",), 0.80),
    Target("bot/conversation/advice.py", ("tests/test_feelings_advice.py",), 0.80),
    Target("bot/conversation/routing.py", ("tests/test_routing.py",), 0.80, conftest=True),
)
FAST = ("bot/conversation/safety.py", "bot/conversation/language.py")


@dataclass
class Score:
    module: str
    target: float
    killed: int = 0
    survived: list[tuple[str, str]] = field(default_factory=list)  # (before, after) lines
    equivalent: list[tuple[str, str]] = field(default_factory=list)
    other: int = 0  # timeouts, counted as not killed
    timed_out: list[tuple[str, str]] = field(default_factory=list)  # their (before, after) lines

    @property
    def total(self) -> int:
        return self.killed + len(self.survived) + len(self.equivalent) + self.other

    @property
    def score(self) -> float:
        counted = self.total - len(self.equivalent)
        return self.killed / counted if counted else 1.0

    @property
    def ok(self) -> bool:
        return self.score >= self.target

    def line(self) -> str:
        return (
            f"{self.module:<20} {self.total:>4} mutants  {self.killed:>4} killed  "
            f"{len(self.equivalent):>3} equivalent  {len(self.survived) + self.other:>3} "
            f"surviving  score {self.score:6.1%}  (target {self.target:.0%})"
            f"{'' if self.ok else '  BELOW TARGET'}"
        )


def equivalents() -> dict[str, set[tuple[str, str]]]:
    """The mutants judged equivalent, from the YAML block in docs/mutation.md:
    module -> {(line before, line after)} (whitespace-normalised)."""
    text = EQUIVALENTS_DOC.read_text(encoding="utf-8") if EQUIVALENTS_DOC.exists() else ""
    match = re.search(r"```yaml\n(.*?)```", text, re.S)
    out: dict[str, set[tuple[str, str]]] = {}
    for item in (yaml.safe_load(match.group(1)) or []) if match else []:
        out.setdefault(item["module"], set()).add((_norm(item["before"]), _norm(item["after"])))
    return out


def _norm(line: str) -> str:
    return " ".join(str(line).split())


def _copy_tree(dest: Path) -> None:
    """The working tree's files (tracked and new, not ignored) into `dest`."""
    files = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    for name in filter(None, files):
        src = ROOT / name
        if src.is_file() and not src.is_symlink():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)


def _diff(work: Path, env: dict[str, str], mutant_id: str) -> tuple[str, str]:
    out = subprocess.run(
        [sys.executable, "-m", "mutmut", "show", mutant_id],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    ).stdout
    before = [ln[1:] for ln in out.splitlines() if ln.startswith("-") and not ln.startswith("---")]
    after = [ln[1:] for ln in out.splitlines() if ln.startswith("+") and not ln.startswith("+++")]
    return _norm(" ".join(before)), _norm(" ".join(after))


STALL_SECONDS = 300  # no mutant finished for this long (over 10x a test run): the worker is gone


def _untested(work: Path) -> Optional[int]:
    """How many mutants mutmut has still to test (None before its cache exists)."""
    try:
        with sqlite3.connect(work / ".mutmut-cache") as db:
            return int(
                db.execute("SELECT count(*) FROM Mutant WHERE status = 'untested'").fetchone()[0]
            )
    except sqlite3.Error:
        return None


def _mutmut_run(
    argv: list[str], work: Path, env: dict[str, str], module: Path, log: Callable[[str], None]
) -> None:
    """`mutmut run`, resumed where it stopped if it stalls. When mutmut 2's worker process
    dies (seen on a loaded machine), its main process waits for it forever; the cache keeps
    every result so far, so a new run tests only the rest, after the source is restored from
    the backup a dead worker leaves behind."""
    for _ in range(5):
        backup = module.with_name(module.name + ".bak")
        if backup.exists():
            shutil.move(str(backup), str(module))
        proc = subprocess.Popen(
            argv, cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        last, since = _untested(work), time.monotonic()
        while proc.poll() is None:
            time.sleep(5)
            now = _untested(work)
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since > STALL_SECONDS:
                proc.kill()
                proc.wait()
                log(f"    (mutmut stalled with {now} mutants untested; resumed)")
                break
        else:
            return
    raise RuntimeError(f"mutmut kept stalling on {module.name}")


def run_module(
    t: Target, equivalent: Optional[set[tuple[str, str]]] = None, log: Callable[[str], None] = print
) -> Score:
    """Mutate one module in a throwaway copy and score it."""
    equivalent = equivalent if equivalent is not None else equivalents().get(t.module, set())
    with tempfile.TemporaryDirectory(prefix="bot-mutation-") as tmp:
        work = Path(tmp)
        _copy_tree(work)
        env = process_environment()
        env.setdefault("BOT_SOURCES_DIR", str(ROOT.parent / "shared" / "sources"))
        env["BOT_STATE_DIR"] = str(work / ".state")
        # mutmut 2 counts only exit code 1 as "tests failed"; pytest exits with 2 when a
        # mutant breaks the module at import (a collection error). The wrapper makes every
        # failure a 1, so such a mutant counts as killed, not as surviving.
        args = [
            "-x",
            "-q",
            "-p",
            "no:cacheprovider",
            *([] if t.conftest else ["--noconftest"]),
            *t.tests,
        ]
        (work / "_mutation_runner.py").write_text(
            f"import sys\nimport pytest\nsys.exit(1 if pytest.main({args!r}) else 0)\n",
            encoding="utf-8",
        )
        runner = f"{sys.executable} _mutation_runner.py"
        _mutmut_run(
            [
                sys.executable,
                "-m",
                "mutmut",
                "run",
                "--paths-to-mutate",
                t.module,
                "--tests-dir",
                "tests",
                "--runner",
                runner,
                "--no-progress",
                "--simple-output",
            ],
            work,
            env,
            work / t.module,
            log,
        )
        score = Score(t.module, t.target)
        ids: dict[str, list[str]] = {}
        for kind in ("killed", "survived", "timeout", "suspicious"):
            out = subprocess.run(
                [sys.executable, "-m", "mutmut", "result-ids", kind],
                cwd=work,
                env=env,
                capture_output=True,
                text=True,
            ).stdout
            ids[kind] = out.split()
        if not any(ids.values()):
            raise RuntimeError(f"mutmut produced no results for {t.module} (do its tests pass?)")
        # "suspicious" is mutmut's name for a mutant the tests killed, only slowly (over twice
        # the baseline time: on a shared machine, load alone does that): killed. A timeout is
        # not counted as killed; its diff is printed like a survivor's.
        score.killed = len(ids["killed"]) + len(ids["suspicious"])
        score.other = len(ids["timeout"])
        for mid in ids["timeout"]:
            score.timed_out.append(_diff(work, env, mid))
        for mid in ids["survived"]:
            diff = _diff(work, env, mid)
            (score.equivalent if diff in equivalent else score.survived).append(diff)
    log(score.line())
    for before, after in score.survived:
        log(f"    survived: {before}\n          ->  {after}")
    for before, after in score.timed_out:
        log(f"    timed out: {before}\n          ->  {after}")
    return score


def main(modules: Optional[list[str]] = None) -> int:
    chosen = [t for t in TARGETS if not modules or t.module in modules]
    eq = equivalents()
    scores = [run_module(t, eq.get(t.module, set())) for t in chosen]
    ARTIFACT.parent.mkdir(exist_ok=True)
    lines = [s.line() for s in scores]
    for s in scores:
        lines += [f"  {s.module} survived: {b}  ->  {a}" for b, a in s.survived]
        lines += [f"  {s.module} timed out: {b}  ->  {a}" for b, a in s.timed_out]
    ARTIFACT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written to {ARTIFACT.relative_to(ROOT)}")
    return 0 if all(s.ok for s in scores) else 1
