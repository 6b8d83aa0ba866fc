"""Linux desktop integration: the applications-menu entry (and its icon) and the XDG autostart
entry are `.desktop` files Pier writes under the user's XDG folders. Qt-free, so the Help menu,
the settings and `pier --install-desktop-entry` share it.

Folders are given: the entry point reads the environment and passes it to `xdg_data_home` /
`xdg_config_home` (pure functions of that mapping);
files are written atomically (`server.atomic`) and carry `X-Pier-Written=true`, so removing an
entry never removes one the user or a package wrote.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from server.atomic import write_atomic

DESKTOP_ID = "pier"  # QGuiApplication.desktopFileName: the Wayland app id, pier.desktop
WINDOW_CLASS = "Pier"  # QApplication.applicationName: the class part of X11's WM_CLASS
OURS = "X-Pier-Written"
_EXEC_RESERVED = set(' \t\n"\'\\><~|&;$*?#()`')


def xdg_data_home(environ: Mapping[str, str]) -> Path:
    return _xdg_folder(environ, "XDG_DATA_HOME", ".local/share")


def xdg_config_home(environ: Mapping[str, str]) -> Path:
    return _xdg_folder(environ, "XDG_CONFIG_HOME", ".config")


def _xdg_folder(environ: Mapping[str, str], variable: str, default: str) -> Path:
    value = environ.get(variable, "")
    if os.path.isabs(value):
        return Path(value)
    home = Path(environ.get("HOME") or os.path.expanduser("~"))
    return home / default  # unset, or relative (the XDG spec says to ignore those)


def pier_command() -> list[str]:
    """How to start this Pier again: the built app's executable (scripts/build), else the `pier`
    script that is running, else the interpreter. A symlink is kept as such (pipx's
    ~/.local/bin/pier outlives a reinstall of its venv)."""
    if getattr(sys, "frozen", False):  # PyInstaller's dist/Pier/Pier: sys.executable is the app
        return [str(Path(sys.executable).absolute())]
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name == "pier" and script.is_file():
        return [str(script.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "app"]


def exec_line(argv: Sequence[str]) -> str:
    """The Exec value for ``argv``, quoted as the Desktop Entry spec asks (not yet escaped as a
    key-file string: `entry_text` does that)."""
    return " ".join(_quoted_argument(arg) for arg in argv).replace("%", "%%")


def _quoted_argument(arg: str) -> str:
    if arg and not _EXEC_RESERVED & set(arg):
        return arg
    escaped = "".join("\\" + char if char in '"`$\\' else char for char in arg)
    return f'"{escaped}"'


def entry_text(fields: Mapping[str, str]) -> str:
    """A `[Desktop Entry]` group; values escaped as key-file strings (backslash, newline)."""
    lines = ["[Desktop Entry]"]
    for key, value in fields.items():
        text = value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
        lines.append(f"{key}={text}")
    return "\n".join(lines) + "\n"


def is_ours(path: Path) -> bool:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return f"\n{OURS}=true\n" in text


def remove_if_ours(path: Path) -> bool:
    """Remove an entry Pier wrote; leave anything else. True when one was removed."""
    if not is_ours(path):
        return False
    path.unlink(missing_ok=True)
    return True


@dataclass(frozen=True)
class MenuEntry:
    """The applications-menu entry under an XDG data folder (`$XDG_DATA_HOME`)."""

    data_home: Path

    @property
    def entry(self) -> Path:
        return self.data_home / "applications" / f"{DESKTOP_ID}.desktop"

    @property
    def icon(self) -> Path:
        return self.data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg"

    def install(self, command: Sequence[str]) -> Path:
        """Write the icon, then the entry (idempotent: the same files again). Returns the entry."""
        self.icon.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.icon, (files("resources") / "pier.svg").read_bytes())
        self.entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.entry, entry_text(menu_fields(command)).encode("utf-8"))
        return self.entry

    def uninstall(self) -> bool:
        """Remove the entry and icon Pier wrote. True when there was an entry of Pier's."""
        removed = remove_if_ours(self.entry)
        if removed or not self.entry.exists():
            self.icon.unlink(missing_ok=True)
        return removed


def menu_fields(command: Sequence[str]) -> dict[str, str]:
    return {
        "Type": "Application",
        "Version": "1.4",
        "Name": "Pier",
        "GenericName": "Folder Sharing",
        "Comment": "Share a folder with the devices on your local network",
        "Exec": exec_line(command),
        "Icon": DESKTOP_ID,
        "Terminal": "false",
        "Categories": "Network;FileTransfer;",
        "Keywords": "share;folder;LAN;HTTP;WebDAV;",
        "StartupNotify": "true",
        "StartupWMClass": WINDOW_CLASS,
        OURS: "true",
    }
