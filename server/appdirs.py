"""Where Pier keeps its files on this computer: the one place that reads PIER_CONFIG_DIR
(and PATH, for ffmpeg; HOME and XDG_DATA_HOME, for the user's trash).

Only entry points (``pier`` and its CLI commands, the window's ``app.main`` and the config it
makes) call ``pier_paths()``, ``find_ffmpeg()`` and ``find_trash_folders()``; everything else
is given the results.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path

import platformdirs

from server.paths import PierPaths, ensure_private_dir

__all__ = ["APP_NAME", "CONFIG_ENV", "PierPaths", "ensure_private_dir", "find_ffmpeg",
           "find_trash_folders", "pier_paths"]

APP_NAME = "Pier"
CONFIG_ENV = "PIER_CONFIG_DIR"


def pier_paths(environ: Mapping[str, str] | None = None) -> PierPaths:
    """The folders of this user's Pier: everything under ``$PIER_CONFIG_DIR`` (logs in its
    ``logs`` subfolder, the cache in ``cache``) when set, else the platform's config, log and
    cache folders."""
    override = (os.environ if environ is None else environ).get(CONFIG_ENV)
    if override:
        return PierPaths.under(Path(override).expanduser())
    return PierPaths(Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
                     Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
                     Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)))


def find_ffmpeg() -> Path | None:
    """ffmpeg on PATH, for videos' poster frames (``ServerConfig.ffmpeg``); None without it."""
    found = shutil.which("ffmpeg")
    return Path(found) if found else None


def find_trash_folders(environ: Mapping[str, str] | None = None, *,
                       platform: str = sys.platform) -> tuple[Path, ...]:
    """The user's own trash, where deletes of files on the home folder's disk go
    (``ServerConfig.trash_folders``): freedesktop's ``$XDG_DATA_HOME/Trash`` (by default
    ``~/.local/share/Trash``, as send2trash reads it), macOS's ``~/.Trash``. Windows' Recycle
    Bin is a ``$RECYCLE.BIN`` folder on each disk, and the trash of other disks is their
    ``.Trash-UID``/``.Trashes``: known by name (server/own_paths.py ``is_trash_name``)."""
    env = os.environ if environ is None else environ
    if platform.startswith(("win", "cygwin")):
        return ()
    home = Path(env.get("HOME") or os.path.expanduser("~"))
    if platform == "darwin":
        return (home / ".Trash",)
    data = env.get("XDG_DATA_HOME")
    if data:
        return ((home / data[2:] if data.startswith("~/") else Path(data)) / "Trash",)
    return (home / ".local" / "share" / "Trash",)
