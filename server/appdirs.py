"""Where Pier keeps its settings, users, keys and logs. PIER_CONFIG_DIR overrides the config dir."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Pier"
CONFIG_ENV = "PIER_CONFIG_DIR"


def config_dir() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser() / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (mode 0700) if needed and return it."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
