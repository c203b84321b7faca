"""Where the project's files live. One place, so nothing else hard-codes a path.

The constants are the checkout's own layout and the defaults of `Paths`; a process is told
where its content, catalogs, sources and state are by the `Paths` in its `Config`
(bot/config/environment.py reads them from the environment, once, at the entry point).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # bot/config/paths.py -> the project
CATALOG_DOMAIN = "messages"
MODELS_DIR = ROOT / "models"
STATIC_DIR = ROOT / "bot" / "web" / "static"
# The defaults of Paths: the repository's content and catalogs, the vetted source documents
# beside the project (../shared/sources), the state in .state/.
CONTENT_DIR = ROOT / "content"
TRANSLATIONS_DIR = ROOT / "translations"
SOURCES_DIR = ROOT.parent / "shared" / "sources"
STATE_DIR = ROOT / ".state"
# Read-aloud audio already made, by content address (bot/conversation/speech.py): shared by
# every state directory of this checkout, so a test run's fresh one is not re-synthesised.
SPEECH_CACHE_DIR = ROOT / ".cache" / "speech"


@dataclass(frozen=True)
class Paths:
    """The directories one process works on: the content and catalogs the console edits
    (another copy only for tests of approvals), the source documents, the state directory
    (published bundles, conversations, accounts, logs)."""

    content_dir: Path = CONTENT_DIR
    translations_dir: Path = TRANSLATIONS_DIR
    sources_dir: Path = SOURCES_DIR
    state_dir: Path = STATE_DIR
    speech_cache_dir: Path = SPEECH_CACHE_DIR

    @property
    def logs_dir(self) -> Path:
        """Where the servers' output is kept."""
        return self.state_dir / "logs"
