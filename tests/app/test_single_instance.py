"""One Pier window per user: a second `pier` asks the first to come forward and exits 0;
`pier serve` ignores the lock. The second Pier is a real process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.single_instance import LOCK_FILE, SingleInstance

ROOT = Path(__file__).resolve().parents[2]


def pier(args: list[str], config: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, PIER_CONFIG_DIR=str(config), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "app", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture
def running(app_config_dir: Path, qapp: object) -> Iterator[SingleInstance]:
    """This test process plays the Pier that runs first."""
    first = SingleInstance(app_config_dir)
    assert first.acquire()
    yield first
    first.release()


def test_only_one_holder_at_a_time(running: SingleInstance, app_config_dir: Path) -> None:
    assert (app_config_dir / LOCK_FILE).exists()
    assert not SingleInstance(app_config_dir).acquire()
    running.release()
    again = SingleInstance(app_config_dir)
    assert again.acquire()
    again.release()


def test_a_second_pier_brings_the_first_forward_and_exits_0(
        running: SingleInstance, app_config_dir: Path, qtbot: QtBot) -> None:
    second = pier([], app_config_dir)
    try:
        with qtbot.waitSignal(running.show_requested, timeout=60_000):
            pass
        _out, err = second.communicate(timeout=60)
    finally:
        second.kill()
    assert second.returncode == 0, err
    assert "already running" not in err  # the first one answered


def test_pier_serve_is_not_affected_by_a_running_window(
        running: SingleInstance, app_config_dir: Path, tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    serve = pier(["serve", str(share), "--port", "0"], app_config_dir)
    try:
        assert serve.stdout is not None
        line = serve.stdout.readline()
        assert line.startswith(f"Serving {share} at http://127.0.0.1:"), line
        serve.send_signal(signal.SIGINT)
        assert serve.wait(timeout=30) == 0
    finally:
        serve.kill()
