from __future__ import annotations

import argparse
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app import main as entry


def test_cli_commands_go_to_server_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []

    def fake_cli(argv: list[str]) -> int:
        seen.append(list(argv))
        return 7

    monkeypatch.setattr("server.cli.main", fake_cli)
    for command in ("serve", "users", "cert", "link"):
        with pytest.raises(SystemExit) as exited:
            entry.main([command, "--flag"])
        assert exited.value.code == 7
    assert seen == [["serve", "--flag"], ["users", "--flag"], ["cert", "--flag"],
                    ["link", "--flag"]]


def test_every_command_of_the_cli_is_routed_to_it() -> None:
    from server.cli import build_parser

    subparsers = next(action for action in build_parser()._actions
                      if isinstance(action, argparse._SubParsersAction))
    assert set(subparsers.choices) == entry.CLI_COMMANDS


def test_cli_path_never_imports_qt(tmp_path: Path) -> None:
    code = textwrap.dedent(f"""
        import sys
        from app.main import main
        try:
            main(["serve", {str(tmp_path / "missing")!r}])
        except SystemExit as exit:
            print(exit.code, any(name.startswith("PySide6") for name in sys.modules))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=False)
    code_text, qt_loaded = done.stdout.split()
    assert int(code_text) != 0, "a missing folder must fail"
    assert qt_loaded == "False"
    assert "does not exist" in done.stderr


def test_gui_arguments() -> None:
    assert entry.parse_gui_args([]).start is None
    assert entry.parse_gui_args(["--start", "/srv/x"]).start == "/srv/x"
    with pytest.raises(SystemExit):
        entry.parse_gui_args(["--bogus"])


def test_qt_bindings_keep_reference_counts_balanced(qapp: object) -> None:
    """PySide6 6.12.0 on Python 3.11 took a reference from None for every call of a method that
    returns nothing and one from True/False for every Signal.emit(), so a window repainting a
    few times a second aborted with "Fatal Python error: none_dealloc" within minutes.
    pyproject.toml keeps PySide6 below 6.12; this guards any future upgrade."""
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QWidget

    class Emitter(QObject):
        fired = Signal(bool)

    widget, emitter = QWidget(), Emitter()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2_000):
        widget.update()
        emitter.fired.emit(True)
    assert abs(sys.getrefcount(None) - none_before) < 100
    assert abs(sys.getrefcount(True) - true_before) < 100
