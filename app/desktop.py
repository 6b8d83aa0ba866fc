"""The desktop-integration service the window uses: the applications-menu entry (Linux) and
"start Pier when I log in" (`app.autostart`'s backend for the platform). Qt-free.

It never reads the environment: `app/main.py` builds it with `Desktop.for_system`, passing
its environment; tests (and `AppServices.create` when given none) use `Desktop.under(folder)`,
which keeps every file it writes inside that folder.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.autostart import LoginItem, LoginStart, login_command, login_item_for
from app.desktop_entry import (
    MenuEntry,
    is_ours,
    pier_command,
    xdg_config_home,
    xdg_data_home,
)


@dataclass(frozen=True, slots=True)
class Desktop:
    platform: str  # sys.platform's value: "linux", "darwin", "win32"...
    data_home: Path  # $XDG_DATA_HOME: where the applications-menu entry goes (Linux)
    login_item: LoginItem
    command: tuple[str, ...]  # how to start this Pier again (app.desktop_entry.pier_command)

    @classmethod
    def for_system(cls, environ: Mapping[str, str], platform: str = sys.platform) -> Desktop:
        """The real folders of this user, from the environment the entry point passes."""
        home = Path(environ.get("HOME") or os.path.expanduser("~"))
        item = login_item_for(platform, config_home=xdg_config_home(environ), home=home)
        return cls(platform, xdg_data_home(environ), item, tuple(pier_command()))

    @classmethod
    def under(cls, folder: Path, platform: str = "linux",
              command: Sequence[str] = ("pier",)) -> Desktop:
        """Everything under ``folder`` (folder/data, folder/config, folder/home): for tests, and
        for windows built without the entry point, which must not touch the user's desktop."""
        item = login_item_for(platform, config_home=folder / "config", home=folder / "home")
        return cls(platform, folder / "data", item, tuple(command))

    # ---- the applications menu (Linux) ---------------------------------------------------

    @property
    def has_menu_entry_support(self) -> bool:
        return self.platform.startswith("linux")

    @property
    def menu_entry(self) -> MenuEntry:
        return MenuEntry(self.data_home)

    def menu_entry_installed(self) -> bool:
        return is_ours(self.menu_entry.entry)

    def install_menu_entry(self) -> Path:
        """Write the entry and its icon; returns the entry's path. OSError is the caller's."""
        return self.menu_entry.install(self.command)

    def uninstall_menu_entry(self) -> bool:
        return self.menu_entry.uninstall()

    # ---- start at login ------------------------------------------------------------------

    def login_start(self) -> LoginStart:
        """What the platform's record says now (a desktop's own settings may have changed it)."""
        try:
            return LoginStart.of(self.login_item.read())
        except OSError:
            return LoginStart()

    def set_login_start(self, wanted: LoginStart) -> None:
        """Write the record for ``wanted`` (`pier [--hidden] [--start DIR]`), or remove it when
        not enabled. The folder is only started with ``hidden``. OSError is the caller's."""
        if not wanted.enabled:
            self.login_item.remove()
            return
        folder = wanted.folder if wanted.hidden else None
        self.login_item.write(login_command(self.command, hidden=wanted.hidden, folder=folder))
