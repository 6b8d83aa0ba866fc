"""The XDG autostart entry (app.autostart): written under a temporary $XDG_CONFIG_HOME, valid,
starting `pier [--hidden] [--start DIR]`, removed only when Pier wrote it."""

from __future__ import annotations

import plistlib
import sys
from pathlib import Path

import pytest

from app import autostart
from app.autostart import LoginStart
from app.desktop import Desktop
from app.desktop_entry import xdg_config_home
from tests.app.test_desktop_entry import exec_argv, read_entry, validate

PIER = ["/opt/pier/bin/pier"]


def enable(hidden: bool, folder: str | None, *, config_home: Path) -> Path:
    """Write Pier's XDG entry as Desktop does (app/desktop.py), starting PIER."""
    item = autostart.XdgAutostart(config_home)
    item.write(autostart.login_command(PIER, hidden=hidden, folder=folder))
    return item.path


def disable(*, config_home: Path) -> bool:
    return autostart.XdgAutostart(config_home).remove()


def is_enabled(*, config_home: Path) -> bool:
    return autostart.XdgAutostart(config_home).read() is not None


def test_enable_writes_an_entry_that_starts_pier_hidden_with_the_folder(tmp_path: Path) -> None:
    folder = str(tmp_path / "My Photos $2024")
    path = enable(True, folder, config_home=tmp_path)
    assert path == tmp_path / "autostart" / "pier.desktop"
    validate(path)
    fields = read_entry(path)
    assert fields["Type"] == "Application" and fields["Name"] == "Pier"
    assert exec_argv(fields["Exec"]) == [*PIER, "--hidden", "--start", folder]
    assert is_enabled(config_home=tmp_path)


def test_enable_without_hidden_or_folder_just_starts_pier(tmp_path: Path) -> None:
    enable(False, None, config_home=tmp_path)
    assert exec_argv(read_entry(autostart.entry_path(tmp_path))["Exec"]) == PIER


def test_enable_again_replaces_the_entry_atomically(tmp_path: Path) -> None:
    enable(True, "/srv/a", config_home=tmp_path)
    path = enable(False, "/srv/b", config_home=tmp_path)
    assert exec_argv(read_entry(path)["Exec"]) == [*PIER, "--start", "/srv/b"]
    assert [p.name for p in path.parent.iterdir()] == ["pier.desktop"]


def test_disable_removes_pier_s_entry_only(tmp_path: Path) -> None:
    assert not is_enabled(config_home=tmp_path)
    assert disable(config_home=tmp_path) is False
    enable(False, None, config_home=tmp_path)
    assert disable(config_home=tmp_path) is True
    assert not is_enabled(config_home=tmp_path)
    path = autostart.entry_path(tmp_path)
    path.write_text("[Desktop Entry]\nType=Application\nName=Mine\nExec=mine\n", "utf-8")
    assert not is_enabled(config_home=tmp_path)
    assert disable(config_home=tmp_path) is False
    assert path.exists()


def test_an_entry_switched_off_by_the_desktop_is_not_enabled(tmp_path: Path) -> None:
    path = enable(False, None, config_home=tmp_path)
    text = path.read_text("utf-8")
    path.write_text(text.replace("X-GNOME-Autostart-enabled=true",
                                 "X-GNOME-Autostart-enabled=false"), "utf-8")
    assert not is_enabled(config_home=tmp_path)
    path.write_text(text + "Hidden=true\n", "utf-8")
    assert not is_enabled(config_home=tmp_path)


def test_the_folder_is_xdg_config_home_or_dot_config(tmp_path: Path) -> None:
    assert xdg_config_home({"XDG_CONFIG_HOME": str(tmp_path)}) == tmp_path
    assert xdg_config_home({"HOME": "/home/ann", "XDG_CONFIG_HOME": "rel"}) == \
        Path("/home/ann/.config")
    assert xdg_config_home({"HOME": "/home/ann"}) == Path("/home/ann/.config")


# ---- the login record read back, the platform backends, the Desktop service -----------------

AWKWARD = ["/srv/My Photos $2024", "/srv/100% \"quoted\"", "/srv/back\\slash`tick"]


@pytest.mark.parametrize("folder", AWKWARD)
def test_the_xdg_entry_reads_back_as_the_command_it_starts(tmp_path: Path, folder: str) -> None:
    item = autostart.XdgAutostart(tmp_path)
    item.write([*PIER, "--hidden", "--start", folder])
    assert item.read() == exec_argv(read_entry(item.path)["Exec"]) == \
        [*PIER, "--hidden", "--start", folder]
    assert LoginStart.of(item.read()) == LoginStart(True, True, folder)


def test_login_start_of_a_command() -> None:
    assert LoginStart.of(None) == LoginStart(False, False, None)
    assert LoginStart.of(PIER) == LoginStart(True, False, None)
    assert LoginStart.of([*PIER, "--start", "/a"]) == LoginStart(True, False, "/a")
    assert LoginStart.of([*PIER, "--start"]) == LoginStart(True, False, None)


def test_the_macos_launch_agent_is_a_plist_that_runs_pier_at_load(tmp_path: Path) -> None:
    agents = tmp_path / "Library" / "LaunchAgents"
    item = autostart.LaunchAgent(agents)
    assert item.read() is None and item.remove() is False
    item.write([*PIER, "--hidden", "--start", AWKWARD[0]])
    assert item.path == agents / f"{autostart.LAUNCH_AGENT_LABEL}.plist"
    agent = plistlib.loads(item.path.read_bytes())
    assert agent == {"Label": autostart.LAUNCH_AGENT_LABEL, "RunAtLoad": True,
                     "ProcessType": "Interactive",
                     "ProgramArguments": [*PIER, "--hidden", "--start", AWKWARD[0]]}
    assert LoginStart.of(item.read()) == LoginStart(True, True, AWKWARD[0])
    item.path.write_bytes(plistlib.dumps({**agent, "Disabled": True}))
    assert item.read() is None, "launchctl's Disabled key switches it off"
    assert item.remove() is True and not item.path.exists()


def test_a_launch_agent_with_another_label_is_left_alone(tmp_path: Path) -> None:
    item = autostart.LaunchAgent(tmp_path)
    item.path.write_bytes(plistlib.dumps({"Label": "com.example.other", "RunAtLoad": True,
                                          "ProgramArguments": ["/bin/other"]}))
    assert item.read() is None and item.remove() is False and item.path.exists()
    item.path.write_bytes(b"not a plist")
    assert item.read() is None and item.remove() is False and item.path.exists()


def test_each_platform_gets_its_own_record(tmp_path: Path) -> None:
    config, home = tmp_path / "config", tmp_path / "home"
    linux = autostart.login_item_for("linux", config_home=config, home=home)
    mac = autostart.login_item_for("darwin", config_home=config, home=home)
    windows = autostart.login_item_for("win32", config_home=config, home=home)
    assert linux.where == str(config / "autostart" / "pier.desktop")
    assert mac.where == str(home / "Library" / "LaunchAgents" / "io.github.pier.plist")
    assert windows.where.endswith(r"\Software\Microsoft\Windows\CurrentVersion\Run\Pier")
    if sys.platform != "win32":  # the registry exists only there: a clear OSError elsewhere
        with pytest.raises(OSError):
            windows.write(PIER)


def test_the_desktop_service_writes_and_removes_the_login_entry(tmp_path: Path) -> None:
    desktop = Desktop.for_system({"HOME": str(tmp_path / "home"),
                                  "XDG_CONFIG_HOME": str(tmp_path / "config")}, "linux")
    entry = tmp_path / "config" / "autostart" / "pier.desktop"
    folder = str(tmp_path / "Shared Stuff")
    desktop.set_login_start(LoginStart(True, True, folder))
    assert exec_argv(read_entry(entry)["Exec"]) == [*desktop.command, "--hidden", "--start",
                                                    folder]
    assert desktop.login_start() == LoginStart(True, True, folder)
    desktop.set_login_start(LoginStart(True, False, folder))  # not hidden: the window, no share
    assert exec_argv(read_entry(entry)["Exec"]) == list(desktop.command)
    assert desktop.login_start() == LoginStart(True, False, None)
    desktop.set_login_start(LoginStart(False, True, folder))
    assert not entry.exists()
    assert desktop.login_start() == LoginStart()


def test_the_desktop_service_on_macos_writes_a_launch_agent(tmp_path: Path) -> None:
    desktop = Desktop.for_system({"HOME": str(tmp_path)}, "darwin")
    desktop.set_login_start(LoginStart(True, True, "/Users/ann/Public"))
    plist = tmp_path / "Library" / "LaunchAgents" / "io.github.pier.plist"
    assert plistlib.loads(plist.read_bytes())["ProgramArguments"] == \
        [*desktop.command, "--hidden", "--start", "/Users/ann/Public"]
    assert desktop.login_start() == LoginStart(True, True, "/Users/ann/Public")
    assert not desktop.has_menu_entry_support
    desktop.set_login_start(LoginStart(False))
    assert not plist.exists()


def test_the_desktop_service_adds_and_removes_the_menu_entry(tmp_path: Path) -> None:
    desktop = Desktop.under(tmp_path, command=PIER)
    assert desktop.has_menu_entry_support and not desktop.menu_entry_installed()
    path = desktop.install_menu_entry()
    assert path == tmp_path / "data" / "applications" / "pier.desktop"
    assert exec_argv(read_entry(path)["Exec"]) == PIER
    assert desktop.menu_entry_installed()
    assert desktop.uninstall_menu_entry() is True
    assert not desktop.menu_entry_installed() and not path.exists()
