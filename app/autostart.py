"""Start Pier when the user logs in, on Linux: the XDG autostart entry
`$XDG_CONFIG_HOME/autostart/pier.desktop` (~/.config by default). Qt-free groundwork for the
"Start Pier when I log in" setting; nothing in the window calls it yet. The caller gives the
folder (`config_home`: what an entry point's `xdg_config_home` found in its environment).

The entry runs `pier [--hidden] [--start DIR]`. The window does not understand `--hidden` yet
(to be added with the setting: start in the tray, sharing the last folder).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from app.desktop_entry import (
    DESKTOP_ID,
    OURS,
    WINDOW_CLASS,
    entry_text,
    exec_line,
    pier_command,
    remove_if_ours,
)
from server.atomic import write_atomic


def entry_path(config_home: Path) -> Path:
    return config_home / "autostart" / f"{DESKTOP_ID}.desktop"


def login_command(command: Sequence[str], *, hidden: bool, folder: str | None) -> list[str]:
    argv = list(command)
    if hidden:
        argv.append("--hidden")
    if folder:
        argv += ["--start", folder]
    return argv


def enable(hidden: bool, folder: str | None, *, config_home: Path,
           command: Sequence[str] | None = None) -> Path:
    """Write (or rewrite) the autostart entry; returns its path. OSError is the caller's."""
    path = entry_path(config_home)
    argv = login_command(pier_command() if command is None else command,
                         hidden=hidden, folder=folder)
    fields = {
        "Type": "Application",
        "Version": "1.4",
        "Name": "Pier",
        "Comment": "Share a folder with the devices on your local network",
        "Exec": exec_line(argv),
        "Icon": DESKTOP_ID,
        "Terminal": "false",
        "StartupWMClass": WINDOW_CLASS,
        "X-GNOME-Autostart-enabled": "true",
        OURS: "true",
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, entry_text(fields).encode("utf-8"))
    return path


def disable(*, config_home: Path) -> bool:
    """Remove the entry Pier wrote (never one the user wrote). True when one was removed."""
    return remove_if_ours(entry_path(config_home))


def is_enabled(*, config_home: Path) -> bool:
    """Pier's entry is there and not switched off (`Hidden=true` or `X-GNOME-Autostart-enabled=
    false`, as a desktop's own startup settings may write into it)."""
    path = entry_path(config_home)
    try:
        lines = set(path.read_text("utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return False
    switched_off = {"Hidden=true", "X-GNOME-Autostart-enabled=false"}
    return f"{OURS}=true" in lines and not switched_off & lines
