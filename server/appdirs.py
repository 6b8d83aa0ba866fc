"""Where Pier keeps its files on this computer: the one place that reads PIER_CONFIG_DIR.

Only entry points (``pier`` and its CLI commands, the window's ``app.main``) call
``pier_paths()``; everything else is given the resulting PierPaths.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

from server.paths import PierPaths, ensure_private_dir

__all__ = ["APP_NAME", "CONFIG_ENV", "PierPaths", "ensure_private_dir", "pier_paths"]

APP_NAME = "Pier"
CONFIG_ENV = "PIER_CONFIG_DIR"


def pier_paths(environ: Mapping[str, str] | None = None) -> PierPaths:
    """The folders of this user's Pier: everything under ``$PIER_CONFIG_DIR`` (logs in its
    ``logs`` subfolder) when set, else the platform's config and log folders."""
    override = (os.environ if environ is None else environ).get(CONFIG_ENV)
    if override:
        return PierPaths.under(Path(override).expanduser())
    return PierPaths(Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
                     Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)))

