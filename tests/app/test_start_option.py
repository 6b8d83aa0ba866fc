"""`pier --start DIR`: the window opens and shares DIR at once with the saved settings, and prints
the `Serving <DIR> at <URL>` lines of `pier serve`. A real `pier` process, followed as a script
would follow it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.serving import download, request, serving_line

ROOT = Path(__file__).resolve().parents[2]


def test_start_shares_the_folder_and_prints_where(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    (share / "hello.txt").write_bytes(b"hello from the window\n")
    config = tmp_path / "config"
    config.mkdir()
    # saved settings: any free port (so the test needs no fixed one), the first-run question
    # answered, visitors may upload
    (config / "settings.toml").write_text("port = 0\nscope_asked = true\nallow_upload = true\n")
    env = dict(os.environ, PIER_CONFIG_DIR=str(config), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "app", "--start", str(share)], cwd=tmp_path,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        match = serving_line(proc, timeout=60)
        assert match["dir"] == str(share.resolve())
        assert match["url"].startswith("http://127.0.0.1:")  # "this computer only", the default
        assert download(match["url"], "/hello.txt") == (200, b"hello from the window\n")
        status, _body = request(match["url"], "PUT", "/new.txt", b"sent\n")
        assert status == 201  # the saved allow_upload (off by default) is in force
        assert (share / "new.txt").read_bytes() == b"sent\n"
        proc.send_signal(signal.SIGINT)  # as Ctrl+C in the terminal that started it
        _out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    finally:
        proc.kill()
        proc.communicate()
    saved = tomllib.loads((config / "settings.toml").read_text("utf-8"))
    assert saved["folder"] == str(share)
    assert saved["allow_upload"] is True
