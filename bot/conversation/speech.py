"""Text to speech, offline, on this server: Debian's espeak-ng voices, encoded by sox.

Nothing leaves the machine (a browser's built-in voices may send the text to a vendor, so
the pages never use them). The audio is Ogg Vorbis at sox's lowest quality, mono 22 kHz
(about 3 kB per second of speech, a tenth of the WAV espeak-ng writes): every Chromium plays
it, and sox both writes and measures it, so no further encoder is needed. Each file is named
by a hash of its text, voice, speed and the engine's versions: an unchanged text is never
synthesised again, and a new engine or voice makes new files.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

# The voice per served language (`espeak-ng --voices`).
VOICES = {"nl": "nl", "en": "en-gb"}
# Words per minute: slower than espeak-ng's 175, for listeners with limited health literacy.
SPEED = 150
EXTENSION = "ogg"
CONTENT_TYPE = "audio/ogg"
_ENCODING = ("-C", "-1")  # Vorbis quality -1: ~24 kbit/s, plenty for a synthetic voice


@dataclass(frozen=True)
class Engine:
    """espeak-ng and sox as installed (scripts/speech.sh), with their versions."""

    version: str

    def address(self, text: str, lang: str) -> str:
        """The content address of `text` spoken in `lang`: the audio file's name."""
        key = "\0".join([self.version, VOICES[lang], str(SPEED), " ".join(_ENCODING), text])
        return f"{hashlib.sha256(key.encode()).hexdigest()[:24]}.{EXTENSION}"

    def synthesise(self, text: str, lang: str, target: Path) -> None:
        """Speak `text` in `lang` into the audio file `target` (written whole, then renamed
        into place, so a reader never finds half a file)."""
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.stem}-{secrets.token_hex(4)}.{EXTENSION}")
        wav = subprocess.run(
            ["espeak-ng", "-v", VOICES[lang], "-s", str(SPEED), "--stdout"],
            input=text.encode(),
            capture_output=True,
            check=True,
        ).stdout
        subprocess.run(
            ["sox", "-q", "-t", "wav", "-", *_ENCODING, str(tmp)],
            input=wav,
            capture_output=True,
            check=True,
        )
        os.replace(tmp, target)


def engine() -> Optional[Engine]:
    """The engine of this machine, or None when espeak-ng or sox is not installed (then
    answers are published without audio, and the pages show no read-aloud control)."""
    if not (shutil.which("espeak-ng") and shutil.which("sox")):
        return None
    versions = [
        subprocess.run(command, capture_output=True, text=True, check=True).stdout.split("\n")[0]
        for command in (["espeak-ng", "--version"], ["sox", "--version"])
    ]
    return Engine(" | ".join(v.strip() for v in versions))


def seconds(path: Path) -> float:
    """The length of an audio file in seconds, as sox measures it."""
    out = subprocess.run(
        ["sox", "--i", "-D", str(path)], capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip())


def place(engine: Engine, text: str, lang: str, cache_dir: Path, target_dir: Path) -> str:
    """Make sure the audio of `text` in `lang` is in `target_dir` (from `cache_dir`, else
    synthesised into it) and return its file name. Linked, not copied, where possible."""
    name = engine.address(text, lang)
    target = target_dir / name
    if target.exists():
        return name
    cached = cache_dir / name
    if not cached.exists():
        engine.synthesise(text, lang, cached)
    target_dir.mkdir(parents=True, exist_ok=True)
    tmp = target_dir / f".{name}-{secrets.token_hex(4)}"
    try:
        os.link(cached, tmp)
    except OSError:  # another file system: copy
        shutil.copyfile(cached, tmp)
    os.replace(tmp, target)
    return name
