"""The applications-menu entry: `pier --install-desktop-entry` and `app.desktop_entry.MenuEntry`
write a valid `pier.desktop` and its icon under $XDG_DATA_HOME, atomically and idempotently,
and remove only what Pier wrote."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

from app import desktop_entry
from app.desktop_entry import MenuEntry, exec_line, xdg_data_home

ROOT = Path(__file__).resolve().parents[2]
VALIDATOR = shutil.which("desktop-file-validate")


def read_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(path.read_text("utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def exec_argv(value: str) -> list[str]:
    """Undo the key-file string escape, then the Exec quoting as the spec reads it: inside
    double quotes a backslash escapes `"`, `` ` ``, `$` and itself; `%%` is a literal %."""
    text = value.replace("\\\\", "\\")
    argv: list[str] = []
    current: list[str] | None = None
    quoted = False
    index = 0
    while index < len(text):
        char = text[index]
        if quoted and char == "\\" and text[index + 1] in '"`$\\':
            index += 1
            current = [*(current or []), text[index]]
        elif char == '"':
            quoted = not quoted
            current = current or []
        elif char == " " and not quoted:
            if current is not None:
                argv.append("".join(current))
            current = None
        else:
            current = [*(current or []), char]
        index += 1
    if current is not None:
        argv.append("".join(current))
    return [arg.replace("%%", "%") for arg in argv]


def validate(path: Path) -> None:
    if VALIDATOR is None:
        return
    done = subprocess.run([VALIDATOR, str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "error" not in done.stdout.lower(), done.stdout


def test_install_writes_a_valid_entry_and_the_icon(tmp_path: Path) -> None:
    command = [str(tmp_path / "odd dir $x" / "pier"), "--start", 'a "b" 100%']
    menu = MenuEntry(tmp_path / "data")
    path = menu.install(command)
    assert path == tmp_path / "data/applications/pier.desktop"
    validate(path)
    fields = read_entry(path)
    assert fields["Type"] == "Application" and fields["Name"] == "Pier"
    assert fields["Categories"] == "Network;FileTransfer;"
    assert fields["Icon"] == "pier"
    assert fields["StartupWMClass"] == "Pier"
    assert exec_argv(fields["Exec"]) == command
    icon = tmp_path / "data/icons/hicolor/scalable/apps/pier.svg"
    assert icon.read_bytes() == (files("resources") / "pier.svg").read_bytes()


def test_install_is_idempotent_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    menu = MenuEntry(tmp_path)
    first = menu.install(["/opt/pier/pier"]).read_bytes()
    second = menu.install(["/opt/pier/pier"]).read_bytes()
    assert first == second
    assert sorted(p.name for p in menu.entry.parent.iterdir()) == ["pier.desktop"]
    assert sorted(p.name for p in menu.icon.parent.iterdir()) == ["pier.svg"]


def test_uninstall_removes_what_it_wrote_and_nothing_else(tmp_path: Path) -> None:
    menu = MenuEntry(tmp_path)
    menu.install(["/usr/bin/pier"])
    assert menu.uninstall() is True
    assert not menu.entry.exists() and not menu.icon.exists()
    assert menu.uninstall() is False
    menu.entry.parent.mkdir(parents=True, exist_ok=True)
    menu.entry.write_text("[Desktop Entry]\nType=Application\nName=Mine\nExec=mine\n", "utf-8")
    assert menu.uninstall() is False
    assert menu.entry.read_text("utf-8").startswith("[Desktop Entry]\nType=Application\nName=Mine")


def test_exec_line_quotes_only_what_needs_it() -> None:
    assert exec_line(["/usr/bin/pier", "--hidden"]) == "/usr/bin/pier --hidden"
    assert exec_line(["/a b/pier", "50%", "$HOME", ""]) == '"/a b/pier" 50%% "\\$HOME" ""'


def test_xdg_data_home_is_honoured_when_absolute(tmp_path: Path) -> None:
    assert xdg_data_home({"XDG_DATA_HOME": str(tmp_path)}) == tmp_path
    home = {"HOME": "/home/ann"}
    assert xdg_data_home({**home, "XDG_DATA_HOME": "relative"}) == Path("/home/ann/.local/share")
    assert xdg_data_home(home) == Path("/home/ann/.local/share")


def test_pier_command_is_the_running_pier_script(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    script = tmp_path / "venv" / "pier"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n", "utf-8")
    link = tmp_path / "bin" / "pier"  # as pipx links it into ~/.local/bin
    link.parent.mkdir()
    link.symlink_to(script)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["bin/pier", "--install-desktop-entry"])
    assert desktop_entry.pier_command() == [str(Path.cwd() / "bin" / "pier")]  # not resolved
    monkeypatch.setattr(sys, "argv", [str(ROOT / "app" / "__main__.py")])
    assert desktop_entry.pier_command() == [str(Path(sys.executable).absolute()), "-m", "app"]


def test_pier_command_of_the_built_app_is_its_executable(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """In PyInstaller's dist/Pier/Pier, sys.executable is the app itself (no `-m app`)."""
    app = tmp_path / "Pier" / "Pier"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app))
    monkeypatch.setattr(sys, "argv", [str(app), "--install-desktop-entry"])
    assert desktop_entry.pier_command() == [str(app)]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the entry is Linux's")
def test_the_command_line_installs_and_uninstalls_without_qt(tmp_path: Path) -> None:
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"))
    code = ("import sys\nfrom app.main import main\ntry:\n    main(sys.argv[1:])\n"
            "except SystemExit as exit:\n"
            "    print('exit', exit.code, any(n.startswith('PySide6') for n in sys.modules))")

    def pier(flag: str) -> list[str]:
        done = subprocess.run([sys.executable, "-c", code, flag], capture_output=True,
                              text=True, env=env, cwd=ROOT, timeout=60, check=False)
        return done.stdout.splitlines()

    entry = tmp_path / "data/applications/pier.desktop"
    assert pier("--install-desktop-entry") == [f"Added {entry}", "exit 0 False"]
    validate(entry)
    assert exec_argv(read_entry(entry)["Exec"])[1:] == ["-m", "app"]
    assert pier("--uninstall-desktop-entry") == [f"Removed {entry}", "exit 0 False"]
    assert not entry.exists()
    assert not (tmp_path / "data/icons/hicolor/scalable/apps/pier.svg").exists()
