"""Read aloud (issue 14): every published answer layer has audio in each language it is served
in, made at publish by espeak-ng + sox from the text the parent sees, with a plausible length;
drafts and stale translations have none, and their addresses are 404."""

from __future__ import annotations

import dataclasses
import secrets
import shutil
from pathlib import Path
from typing import Any

import pytest

from bot.config.config import Config
from bot.config.paths import CONTENT_DIR, TRANSLATIONS_DIR, Paths
from bot.content.build import AUDIO_DIR, audio_key, publish, published_dir, read_bundle
from bot.content.catalog import update_catalogs
from bot.content.content import load_content
from bot.conversation.published import PublishedRenderer
from bot.conversation.read_aloud import audio_step, plain, served_texts
from bot.conversation.speech import Engine, seconds
from bot.web.web import create_app

# espeak-ng at 150 words a minute says a word in 0.4 s; numbers and abbreviations take longer,
# short function words less. Outside these bounds the audio is cut off, empty or not this text.
SECONDS_PER_WORD = (0.15, 0.8)


def test_plain_is_the_text_without_its_markup() -> None:
    assert (
        plain("**Wanneer?** Vóór de zwangerschap\n\n**Kansen en risico’s** 25 van de 100 (25%)")
        == "Wanneer? Vóór de zwangerschap. Kansen en risico’s: 25 van de 100 (25%)."
    )
    assert (
        plain("Kijk op [pgtnederland.nl](https://www.pgtnederland.nl).")
        == "Kijk op pgtnederland.nl."
    )
    assert plain("- een\n- twee") == "een. twee."
    assert (
        plain("_Bron: folder. Gecontroleerd op 22 november 2026._")
        == "Bron: folder. Gecontroleerd op 22 november 2026."
    )
    assert plain("het IGHMBP2_gen") == "het IGHMBP2_gen."  # an underscore inside a word stays


def test_every_served_answer_layer_has_audio_in_each_served_language(
    published: PublishedRenderer, config: Config
) -> None:
    renderer = published.get()
    texts = served_texts(renderer)
    approved = [a for a in renderer.content.answers.values() if a.review.approved]
    expected = {
        audio_key(a.id, layer, lang)
        for a in approved
        for layer in (("short", "more") if a.more else ("short",))
        + (("short+own_situation",) if a.kind == "medical" else ())
        for lang in ("nl", "en")
    }
    # the repository's content is fully translated: every layer in both languages
    assert set(texts) == expected and set(renderer.audio) == expected
    folder = published_dir(config.paths.state_dir) / AUDIO_DIR
    for key in expected:
        assert (folder / renderer.audio[key]).stat().st_size > 1000, key
        answer_id, layer, lang = key.split("/")
        shown, _, note = layer.partition("+")
        [message] = renderer.answer(
            renderer.content.answers[answer_id], lang, shown, note=note or None
        )
        assert message.custom["audio"] == {"src": f"/audio/{answer_id}/{layer}.{lang}.ogg"}
    [ask] = renderer.ask_condition("ask_inheritance", "en")  # a notice speaks its own text
    assert ask.custom["audio"] == {"src": "/audio/ask_condition/short.en.ogg"}


def test_each_audio_is_as_long_as_its_text(published: PublishedRenderer, config: Config) -> None:
    renderer = published.get()
    folder = published_dir(config.paths.state_dir) / AUDIO_DIR
    wrong = []
    for key, (_, text) in served_texts(renderer).items():
        words = len(text.split())
        per_word = seconds(folder / renderer.audio[key]) / words
        if not SECONDS_PER_WORD[0] <= per_word <= SECONDS_PER_WORD[1]:
            wrong.append(f"{key}: {per_word:.2f} s per word ({words} words)")
    assert wrong == []


def test_the_spoken_text_is_the_text_the_parent_sees(published: PublishedRenderer) -> None:
    renderer = published.get()
    texts = served_texts(renderer)
    options = texts["options_comparison/short/nl"][1]
    assert "Kansen en risico’s: " in options and "25 van de 100 (25%)" in options  # the table
    assert "**" not in options and "](" not in options and "https://" not in options
    assert texts["smard_inheritance/short/nl"][1].endswith("Gecontroleerd op 22 november 2026.")
    assert "Plaatje van twee mensen" in texts["smard_inheritance/short/nl"][1]  # the picture
    noted = texts["smard_chance/short+own_situation/nl"][1]  # the note, as the parent sees it
    assert "Bespreek uw eigen situatie met uw arts." in noted
    assert "Bespreek" not in texts["smard_chance/short/nl"][1]
    more = renderer.content.answers["smard_inheritance"]
    assert renderer.field(more, "more", "en")[:40] in texts["smard_inheritance/more/en"][1]


def _copy(tmp_path: Path) -> tuple[Path, Path]:
    shutil.copytree(CONTENT_DIR, tmp_path / "content")
    shutil.copytree(TRANSLATIONS_DIR, tmp_path / "translations")
    return tmp_path / "content", tmp_path / "translations"


def _stale_treatment(content_dir: Path, tr_dir: Path, word: str = "helaas") -> None:
    """Put `word` into the Dutch of smard_treatment's short text: its English is stale now."""
    path = content_dir / "answers" / "smard.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "SMARD is niet te genezen. De behandeling",
            f"SMARD is {word} niet te genezen. De behandeling",
        ),
        encoding="utf-8",
    )
    update_catalogs(load_content(content_dir), tr_dir)


async def test_drafts_and_stale_translations_have_no_audio_and_404(
    config: Config, tmp_path: Path, aiohttp_client: Any
) -> None:
    content_dir, tr_dir = _copy(tmp_path)
    _stale_treatment(content_dir, tr_dir)
    paths = Paths(content_dir, tr_dir, config.paths.sources_dir, tmp_path / "state")
    other = dataclasses.replace(config, paths=paths)
    publish(
        content_dir, tr_dir, paths.state_dir, paths.sources_dir, audio_step(config.settings, paths)
    )
    audio = read_bundle(paths.state_dir)["audio"]
    drafts = [a for a in load_content(content_dir).answers.values() if not a.review.approved]
    assert drafts
    assert not any(k.split("/")[0] in {d.id for d in drafts} for k in audio)
    assert "smard_treatment/short/nl" in audio and "smard_treatment/short/en" not in audio
    client = await aiohttp_client(create_app(other))
    ok = await client.get("/audio/smard_treatment/short.nl.ogg")
    assert ok.status == 200 and ok.headers["Content-Type"] == "audio/ogg"
    assert ok.headers["Cache-Control"] == "no-cache" and ok.headers["ETag"]
    assert "media-src 'self'" in ok.headers["Content-Security-Policy"]
    body = await ok.read()
    assert (
        body[:4] == b"OggS"
        and body
        == (
            published_dir(paths.state_dir) / AUDIO_DIR / audio["smard_treatment/short/nl"]
        ).read_bytes()
    )
    for url in [
        "/audio/smard_treatment/short.en.ogg",  # stale translation
        f"/audio/{drafts[0].id}/short.nl.ogg",
        f"/audio/{drafts[0].id}/short.en.ogg",
        "/audio/no_such_answer/short.nl.ogg",
        "/audio/smard_treatment/long.nl.ogg",
        "/audio/smard_treatment/short.de.ogg",
        "/audio/../current.json",
    ]:
        assert (await client.get(url)).status == 404, url
    # the draft's message carries no audio of its own (the notice it gets has the notice's)
    renderer = PublishedRenderer(config.settings, paths.state_dir).get()
    [message] = renderer.answer(drafts[0], "nl")
    assert message.custom["status"] == "draft"
    assert message.custom.get("audio", {}).get("src", "").startswith("/audio/not_checked/")


def test_unchanged_texts_are_not_spoken_again_and_unused_audio_goes(
    config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content_dir, tr_dir = _copy(tmp_path)
    paths = dataclasses.replace(
        config.paths, content_dir=content_dir, translations_dir=tr_dir, state_dir=tmp_path / "state"
    )
    spoken: list[str] = []
    real = Engine.synthesise

    def counting(self: Engine, text: str, lang: str, target: Path) -> None:
        spoken.append(text)
        real(self, text, lang, target)

    monkeypatch.setattr(Engine, "synthesise", counting)

    def publish_now() -> dict[str, str]:
        publish(
            content_dir,
            tr_dir,
            paths.state_dir,
            paths.sources_dir,
            audio_step(config.settings, paths),
        )
        return dict(read_bundle(paths.state_dir)["audio"])

    first = publish_now()  # the session's publish filled the cache: nothing new to speak
    assert spoken == []
    # a text never spoken before, in any run (a made-up word: numbers must be in the sources)
    word = "helaas " + "".join(
        secrets.choice("bdklmnprst") + secrets.choice("aeiou") for _ in range(4)
    )
    _stale_treatment(content_dir, tr_dir, word)
    second = publish_now()  # one changed text in Dutch, with and without the note (no English)
    assert len(spoken) == 2 and all(s.startswith(f"SMARD is {word} niet") for s in spoken)
    assert second["smard_treatment/short/nl"] != first["smard_treatment/short/nl"]
    folder = published_dir(paths.state_dir) / AUDIO_DIR
    old = folder / first["smard_treatment/short/nl"]
    assert old.exists()  # the previous bundle, still kept, may be served by a process
    publish_now()
    assert not old.exists() and not (folder / first["smard_treatment/short/en"]).exists()
    assert {p.name for p in folder.iterdir()} == set(second.values())


def _publish_calls(path: Path) -> list[int]:
    """The lines of `path` that call build.publish itself (not publish_served)."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", getattr(node.func, "attr", "")) == "publish"
    ]


def test_every_entry_point_publishes_with_the_audio() -> None:
    """A bundle without audio would silence every read-aloud button until the next publish
    (a test fixture that published that way once did). Outside the publish step itself and
    read_aloud.publish_served, nothing in bot/ (nor the tests' shared fixtures) calls
    build.publish directly."""
    from bot.config.paths import ROOT

    allowed = {
        ROOT / "bot" / "content" / "build.py",
        ROOT / "bot" / "conversation" / "read_aloud.py",
    }
    files = [
        *ROOT.joinpath("bot").rglob("*.py"),
        ROOT / "tests" / "conftest.py",
        ROOT / "tests" / "test_console_approval.py",
    ]
    direct = {
        str(f.relative_to(ROOT)): lines
        for f in files
        if f not in allowed
        if (lines := _publish_calls(f))
    }
    assert not direct, f"publish without the audio (use publish_served): {direct}"
    assert _publish_calls(ROOT / "bot" / "conversation" / "read_aloud.py")  # the check can see
