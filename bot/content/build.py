"""The build step between content and parents: compiles the servable responses.

Source texts (content/*.yml, Dutch) and catalogs (translations/, English) are what engineers
and counsellors edit. Parents are served from a *published* bundle compiled from them:

- only approved answers keep their texts; a draft keeps its id and label, nothing else, so
  a draft text cannot reach a parent even by mistake;
- only current translations are kept (no fuzzy, no stale, no empty ones);
- the build refuses when the content check finds a blocking problem (a medical answer
  without a source, an approval without reviewer or date, a broken reference).

An approval in the console therefore changes nothing for parents until someone publishes
(the console's "Publish" button or `python -m bot build`). The running action server and web
server notice a new bundle by the pointer file's modification time and reload it on the next
message; nothing has to restart.

A publish step can add to the bundle before it is put in force (`extras`): the read-aloud
audio (bot/conversation/read_aloud.py) is made that way, into the bundle's directory, so a
text change reaches its audio with the same publish. Audio no kept bundle names is removed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional

from bot.config.paths import CONTENT_DIR, SOURCES_DIR, TRANSLATIONS_DIR
from bot.content.catalog import TARGET_LANGUAGES, Translations
from bot.content.checks import content_problems
from bot.content.content import Content, content_from_raw, load_content
from bot.content.schema import TEXT_FIELDS
from bot.content.yaml_files import load_yaml

# The read-aloud audio: files in the published directory's AUDIO_DIR, named in the bundle's
# "audio" table by audio_key(answer, layer, language).
AUDIO_DIR = "audio"
Extras = Callable[[dict[str, Any], Path], dict[str, Any]]


def audio_key(answer_id: str, layer: str, lang: str) -> str:
    """The key of one answer layer's audio in a bundle's "audio" table (`layer` may name a
    variant with a note: "short+own_situation")."""
    return f"{answer_id}/{layer}/{lang}"


class BuildRefused(Exception):
    """The content has blocking problems; nothing was published."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problem(s); first: {problems[0]}")
        self.problems = problems


@dataclass(frozen=True)
class Published:
    """What was published, when, and from which state of the sources."""

    path: Path
    built_at: str
    fingerprint: str
    answers: int
    approved: int
    untranslated: list[str]


def bundle_content(bundle: dict[str, Any]) -> Content:
    """The content a published bundle holds (its approved answers, interface texts, flows,
    sources and kinds of question), as the loader gives it."""
    return content_from_raw(
        bundle["answers"],
        bundle["ui"],
        bundle["flows"],
        bundle["sources"],
        bundle.get("question_kinds"),
    )


def published_dir(state_dir: Path) -> Path:
    """Where bundles are written (inside the state directory, not in git)."""
    return state_dir / "published"


def pointer(state_dir: Path) -> Path:
    """The file naming the bundle in force; replaced atomically on publish."""
    return published_dir(state_dir) / "current.json"


def fingerprint(content_dir: Path = CONTENT_DIR, translations_dir: Path = TRANSLATIONS_DIR) -> str:
    """A hash of every content and catalog file, to tell whether the bundle is up to date."""
    h = hashlib.sha256()
    for base in (content_dir, translations_dir):
        for path in sorted(
            p for p in base.rglob("*") if p.is_file() and p.suffix in (".yml", ".po")
        ):
            h.update(str(path.relative_to(base)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _raw_answers(content_dir: Path) -> list[dict[str, Any]]:
    raw: list[dict[str, Any]] = []
    for path in sorted((content_dir / "answers").glob("*.yml")):
        for item in load_yaml(path) or []:
            raw.append({**item, "_file": path.name})
    return raw


def compile_bundle(
    content_dir: Path = CONTENT_DIR,
    translations_dir: Path = TRANSLATIONS_DIR,
    sources_dir: Path = SOURCES_DIR,
) -> dict[str, Any]:
    """The servable responses as one JSON-able dict; raises BuildRefused on problems (checked
    against the source documents in `sources_dir`)."""
    content = load_content(content_dir)
    translations = Translations(translations_dir)
    problems = content_problems(content, translations, sources_dir, translations_required=False)
    if problems:
        raise BuildRefused(problems)
    answers = []
    for raw in _raw_answers(content_dir):
        if content.answers[raw["id"]].review.approved:
            answers.append(raw)
        else:
            answers.append({k: v for k, v in raw.items() if k not in TEXT_FIELDS})
    table: dict[str, dict[str, list[str]]] = {}
    untranslated: list[str] = []
    for lang in TARGET_LANGUAGES:
        table[lang] = {}
        for ctx, source in _servable_texts(content):
            text = translations.get(lang, ctx, source)
            if text is None:
                untranslated.append(f"{lang}:{ctx}")
            else:
                table[lang][ctx] = [source, text]
    read = lambda name: load_yaml(content_dir / name)  # noqa: E731
    bundle = {
        "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "fingerprint": fingerprint(content_dir, translations_dir),
        "answers": answers,
        "ui": read("ui.yml"),
        "flows": read("flows.yml"),
        "sources": read("sources.yml"),
        "question_kinds": read("question_kinds.yml"),
        "translations": table,
        "untranslated": untranslated,
    }
    return json.loads(json.dumps(bundle, default=str))  # plain JSON: dates as ISO strings


def _servable_texts(content: Content) -> list[tuple[str, str]]:
    """(catalog context, Dutch text) of every text the bundle may serve."""
    out = [(f"ui.{k}", v) for k, v in content.ui.items()]
    for a in content.answers.values():
        texts = a.texts() if a.review.approved else {"label": a.label}
        out += [(f"{a.id}.{name}", text) for name, text in texts.items()]
    return out


def publish(
    content_dir: Path,
    translations_dir: Path,
    state_dir: Path,
    sources_dir: Path = SOURCES_DIR,
    extras: Optional[Extras] = None,
) -> Published:
    """Compile and put in force a new bundle in `state_dir`; older bundles except the previous
    are removed, with the audio only they used. `extras(bundle, directory)` returns what a
    publish step adds to the bundle (the read-aloud audio), before it is put in force."""
    bundle = compile_bundle(content_dir, translations_dir, sources_dir)
    directory = published_dir(state_dir)
    directory.mkdir(parents=True, exist_ok=True)
    if extras is not None:
        bundle.update(extras(bundle, directory))
    name = f"responses-{bundle['built_at'].replace(':', '')}-{secrets.token_hex(3)}.json"
    (directory / name).write_text(json.dumps(bundle, ensure_ascii=False), encoding="utf-8")
    tmp = directory / f".current-{secrets.token_hex(4)}.json"
    tmp.write_text(json.dumps({"bundle": name}), encoding="utf-8")
    os.replace(tmp, pointer(state_dir))  # atomic: readers see the old or the new bundle
    keep = sorted(directory.glob("responses-*.json"), key=lambda p: p.stat().st_mtime)[-2:]
    for old in directory.glob("responses-*.json"):
        if old not in keep and old.name != name:
            old.unlink()
    _remove_unused_audio(directory)
    approved = sum(
        1 for a in bundle["answers"] if (a.get("review") or {}).get("state") == "approved"
    )
    return Published(
        directory / name,
        bundle["built_at"],
        bundle["fingerprint"],
        len(bundle["answers"]),
        approved,
        bundle["untranslated"],
    )


def _remove_unused_audio(directory: Path) -> None:
    """Delete the audio files that no bundle left in `directory` names (both kept bundles
    may be in use by a serving process)."""
    audio = directory / AUDIO_DIR
    if not audio.is_dir():
        return
    used: set[str] = set()
    for path in directory.glob("responses-*.json"):
        used.update(json.loads(path.read_text(encoding="utf-8")).get("audio", {}).values())
    for path in audio.iterdir():
        if path.name not in used and not path.name.startswith("."):
            path.unlink()


def read_bundle(state_dir: Path) -> dict[str, Any]:
    """The bundle in force; FileNotFoundError with a clear hint when nothing was published."""
    ptr = pointer(state_dir)
    if not ptr.exists():
        raise FileNotFoundError("No published responses yet: run `python -m bot build`.")
    name = json.loads(ptr.read_text(encoding="utf-8"))["bundle"]
    return json.loads((published_dir(state_dir) / name).read_text(encoding="utf-8"))


class PublishedView:
    """The bundle in force as Content + Translations, reloaded when a new one is published.

    One stat() per call: cheap enough to ask on every message, so a publish reaches parents
    on their next message without restarting anything.
    """

    def __init__(self, state_dir: Path) -> None:
        self.state_dir = state_dir
        self._stamp: Optional[int] = None
        self._loaded: Optional[tuple[Content, Translations, dict[str, Any]]] = None

    def get(self) -> tuple[Content, Translations, dict[str, Any]]:
        """(content, translations, bundle metadata) of the bundle in force."""
        ptr = pointer(self.state_dir)
        try:
            stamp = ptr.stat().st_mtime_ns
        except FileNotFoundError:
            raise FileNotFoundError(
                "No published responses yet: run `python -m bot build`."
            ) from None
        if self._loaded is None or stamp != self._stamp:
            bundle = read_bundle(self.state_dir)
            content = bundle_content(bundle)
            meta = {k: bundle[k] for k in ("built_at", "fingerprint", "untranslated")}
            meta["audio"] = bundle.get("audio", {})
            self._loaded = (content, Translations.from_table(bundle["translations"]), meta)
            self._stamp = stamp
        return self._loaded
