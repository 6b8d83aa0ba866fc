"""Start Pier when the user logs in: one small backend per platform, all Qt-free, each given
its folder by the caller (an entry point reads the environment, see `app.desktop`).

- Linux and other XDG desktops: `$XDG_CONFIG_HOME/autostart/pier.desktop` (~/.config by
  default), `XdgAutostart`.
- macOS: a LaunchAgent, `~/Library/LaunchAgents/<LAUNCH_AGENT_LABEL>.plist` with `RunAtLoad`,
  `LaunchAgent` (a plain file, so it is written and tested on Linux too).
- Windows: the `Pier` value under `HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run`,
  `WindowsRun` (winreg, imported when used; not tested here: there is no Windows machine).

Each starts `pier [--hidden] [--start DIR]`; `LoginStart.of` reads those flags back.
"""

from __future__ import annotations

import plistlib
import shlex
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from app.desktop_entry import (
    DESKTOP_ID,
    OURS,
    WINDOW_CLASS,
    entry_text,
    exec_line,
    remove_if_ours,
)
from server.atomic import write_atomic

HIDDEN = "--hidden"
START = "--start"
LAUNCH_AGENT_LABEL = "io.github.pier"
WINDOWS_RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
WINDOWS_RUN_VALUE = "Pier"
ONLY_WINDOWS = "the Run key is a Windows thing"


@dataclass(frozen=True, slots=True)
class LoginStart:
    """What starts at login: nothing, the window, or Pier hidden in the tray sharing a folder."""

    enabled: bool = False
    hidden: bool = False
    folder: str | None = None

    @classmethod
    def of(cls, argv: Sequence[str] | None) -> LoginStart:
        """The state a login command means (None: nothing starts)."""
        if argv is None:
            return cls()
        args = list(argv)
        folder = None
        if START in args[:-1]:
            folder = args[args.index(START) + 1]
        return cls(True, HIDDEN in args, folder)


def login_command(command: Sequence[str], *, hidden: bool, folder: str | None) -> list[str]:
    argv = list(command)
    if hidden:
        argv.append(HIDDEN)
    if folder:
        argv += [START, folder]
    return argv


class LoginItem(Protocol):
    """One platform's "start at login" record. OSError from any method is the caller's."""

    @property
    def where(self) -> str: ...  # for messages: the file or registry value

    def write(self, argv: Sequence[str]) -> None: ...
    def remove(self) -> bool: ...  # True when one of Pier's was removed
    def read(self) -> list[str] | None: ...  # the command that starts, None when none does


def login_item_for(platform: str, *, config_home: Path, home: Path) -> LoginItem:
    if platform == "darwin":
        return LaunchAgent(home / "Library" / "LaunchAgents")
    if platform == "win32":
        return WindowsRun()
    return XdgAutostart(config_home)


# ---- XDG (Linux, BSDs) -----------------------------------------------------------------------

def entry_path(config_home: Path) -> Path:
    return config_home / "autostart" / f"{DESKTOP_ID}.desktop"


@dataclass(frozen=True, slots=True)
class XdgAutostart:
    config_home: Path

    @property
    def path(self) -> Path:
        return entry_path(self.config_home)

    @property
    def where(self) -> str:
        return str(self.path)

    def write(self, argv: Sequence[str]) -> None:
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
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, entry_text(fields).encode("utf-8"))

    def remove(self) -> bool:
        return remove_if_ours(self.path)

    def read(self) -> list[str] | None:
        """The Exec command of Pier's entry; None when there is none, it is not Pier's, or a
        desktop switched it off (`Hidden=true`, `X-GNOME-Autostart-enabled=false`)."""
        try:
            lines = self.path.read_text("utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return None
        switched_off = {"Hidden=true", "X-GNOME-Autostart-enabled=false"}
        if f"{OURS}=true" not in lines or switched_off & set(lines):
            return None
        exec_value = next((line[5:] for line in lines if line.startswith("Exec=")), "")
        return exec_arguments(_unescaped(exec_value)) or None


def _unescaped(value: str) -> str:
    """A key-file string value as text (the escapes `entry_text` writes, and `\\s`)."""
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            nxt = next(chars, "")
            out.append({"s": " ", "n": "\n", "t": "\t", "r": "\r"}.get(nxt, nxt))
        else:
            out.append(char)
    return "".join(out)


def exec_arguments(line: str) -> list[str]:
    """An Exec value's arguments, as the Desktop Entry spec quotes them (`exec_line`'s inverse):
    spaces separate; inside double quotes a backslash escapes `"`, `` ` ``, `$` and itself;
    `%%` is a literal `%`."""
    args: list[str] = []
    current: list[str] | None = None  # None: between arguments
    quoted = False
    chars = iter(line.replace("%%", "%"))
    for char in chars:
        if char == " " and not quoted:
            if current is not None:
                args.append("".join(current))
            current = None
            continue
        if current is None:
            current = []
        if char == '"':
            quoted = not quoted
        elif quoted and char == "\\":
            current.append(next(chars, ""))
        else:
            current.append(char)
    if current is not None:
        args.append("".join(current))
    return args


# ---- macOS -----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class LaunchAgent:
    """`FOLDER/<label>.plist` (FOLDER is ~/Library/LaunchAgents): launchd runs it at login. Its
    label is the mark that it is Pier's; `Disabled` true (written by hand or a tool) is off."""

    folder: Path

    @property
    def path(self) -> Path:
        return self.folder / f"{LAUNCH_AGENT_LABEL}.plist"

    @property
    def where(self) -> str:
        return str(self.path)

    def write(self, argv: Sequence[str]) -> None:
        agent = {"Label": LAUNCH_AGENT_LABEL, "ProgramArguments": list(argv),
                 "RunAtLoad": True, "ProcessType": "Interactive"}
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, plistlib.dumps(agent))

    def _ours(self) -> dict[str, object] | None:
        try:
            agent = plistlib.loads(self.path.read_bytes())
        except (OSError, plistlib.InvalidFileException, ValueError):
            return None
        if not isinstance(agent, dict) or agent.get("Label") != LAUNCH_AGENT_LABEL:
            return None
        return agent

    def remove(self) -> bool:
        if self._ours() is None:
            return False
        self.path.unlink(missing_ok=True)
        return True

    def read(self) -> list[str] | None:
        agent = self._ours()
        if agent is None or agent.get("Disabled") is True:
            return None
        argv = agent.get("ProgramArguments")
        if not isinstance(argv, list) or not all(isinstance(arg, str) for arg in argv):
            return None
        return list(argv) or None


# ---- Windows (untested here) -----------------------------------------------------------------

class WindowsRun:
    """The `Pier` value of the current user's Run key: Windows starts its command at login."""

    where = f"HKEY_CURRENT_USER\\{WINDOWS_RUN_KEY}\\{WINDOWS_RUN_VALUE}"

    def write(self, argv: Sequence[str]) -> None:
        if sys.platform != "win32":
            raise OSError(ONLY_WINDOWS)
        import winreg

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY) as key:
            winreg.SetValueEx(key, WINDOWS_RUN_VALUE, 0, winreg.REG_SZ,
                              subprocess.list2cmdline(list(argv)))

    def remove(self) -> bool:
        if sys.platform != "win32":
            raise OSError(ONLY_WINDOWS)
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY, 0,
                                winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, WINDOWS_RUN_VALUE)
        except FileNotFoundError:
            return False
        return True

    def read(self) -> list[str] | None:
        if sys.platform != "win32":
            raise OSError(ONLY_WINDOWS)
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY) as key:
                value, _kind = winreg.QueryValueEx(key, WINDOWS_RUN_VALUE)
        except FileNotFoundError:
            return None
        # list2cmdline's quoting, read back well enough for --hidden and --start DIR
        return [arg.strip('"') for arg in shlex.split(str(value), posix=False)] or None
