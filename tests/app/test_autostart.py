"""The XDG autostart entry (app.autostart): written under a temporary $XDG_CONFIG_HOME, valid,
starting `pier [--hidden] [--start DIR]`, removed only when Pier wrote it."""

from __future__ import annotations

from pathlib import Path

from app import autostart
from app.desktop_entry import xdg_config_home
from tests.app.test_desktop_entry import exec_argv, read_entry, validate

PIER = ["/opt/pier/bin/pier"]


def test_enable_writes_an_entry_that_starts_pier_hidden_with_the_folder(tmp_path: Path) -> None:
    folder = str(tmp_path / "My Photos $2024")
    path = autostart.enable(True, folder, config_home=tmp_path, command=PIER)
    assert path == tmp_path / "autostart" / "pier.desktop"
    validate(path)
    fields = read_entry(path)
    assert fields["Type"] == "Application" and fields["Name"] == "Pier"
    assert exec_argv(fields["Exec"]) == [*PIER, "--hidden", "--start", folder]
    assert autostart.is_enabled(config_home=tmp_path)


def test_enable_without_hidden_or_folder_just_starts_pier(tmp_path: Path) -> None:
    autostart.enable(False, None, config_home=tmp_path, command=PIER)
    assert exec_argv(read_entry(autostart.entry_path(tmp_path))["Exec"]) == PIER


def test_enable_again_replaces_the_entry_atomically(tmp_path: Path) -> None:
    autostart.enable(True, "/srv/a", config_home=tmp_path, command=PIER)
    path = autostart.enable(False, "/srv/b", config_home=tmp_path, command=PIER)
    assert exec_argv(read_entry(path)["Exec"]) == [*PIER, "--start", "/srv/b"]
    assert [p.name for p in path.parent.iterdir()] == ["pier.desktop"]


def test_disable_removes_pier_s_entry_only(tmp_path: Path) -> None:
    assert not autostart.is_enabled(config_home=tmp_path)
    assert autostart.disable(config_home=tmp_path) is False
    autostart.enable(False, None, config_home=tmp_path, command=PIER)
    assert autostart.disable(config_home=tmp_path) is True
    assert not autostart.is_enabled(config_home=tmp_path)
    path = autostart.entry_path(tmp_path)
    path.write_text("[Desktop Entry]\nType=Application\nName=Mine\nExec=mine\n", "utf-8")
    assert not autostart.is_enabled(config_home=tmp_path)
    assert autostart.disable(config_home=tmp_path) is False
    assert path.exists()


def test_an_entry_switched_off_by_the_desktop_is_not_enabled(tmp_path: Path) -> None:
    path = autostart.enable(False, None, config_home=tmp_path, command=PIER)
    text = path.read_text("utf-8")
    path.write_text(text.replace("X-GNOME-Autostart-enabled=true",
                                 "X-GNOME-Autostart-enabled=false"), "utf-8")
    assert not autostart.is_enabled(config_home=tmp_path)
    path.write_text(text + "Hidden=true\n", "utf-8")
    assert not autostart.is_enabled(config_home=tmp_path)


def test_the_folder_is_xdg_config_home_or_dot_config(tmp_path: Path) -> None:
    assert xdg_config_home({"XDG_CONFIG_HOME": str(tmp_path)}) == tmp_path
    assert xdg_config_home({"HOME": "/home/ann", "XDG_CONFIG_HOME": "rel"}) == \
        Path("/home/ann/.config")
    assert xdg_config_home({"HOME": "/home/ann"}) == Path("/home/ann/.config")
