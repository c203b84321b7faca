"""Where the project's files live. One place, so nothing else hard-codes a path."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # bot/config/paths.py -> the project
# The content and catalogs the console edits; another copy only for tests of approvals.
CONTENT_DIR = Path(os.environ.get("BOT_CONTENT_DIR", ROOT / "content"))
TRANSLATIONS_DIR = Path(os.environ.get("BOT_TRANSLATIONS_DIR", ROOT / "translations"))
CATALOG_DOMAIN = "messages"
# The vetted source documents sit beside the project (../shared/sources) unless told otherwise.
SOURCES_DIR = Path(os.environ.get("BOT_SOURCES_DIR", ROOT.parent / "shared" / "sources"))
MODELS_DIR = ROOT / "models"
STATE_DIR = Path(os.environ.get("BOT_STATE_DIR", ROOT / ".state"))
STATIC_DIR = ROOT / "bot" / "web" / "static"
