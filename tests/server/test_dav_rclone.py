"""A real WebDAV client against the running server (issue 17): rclone's webdav backend copies
a tree up and down byte-exact, lists it (lsjson), moves, deletes (to a temporary XDG trash)
and makes folders; its purge is refused to an account without the modify right.
scripts/test installs Debian's rclone; without it these tests are skipped."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.clock import ManualClock
from server.users import UserStore
from tests.server.file_ops_helpers import temporary_trash, trashed

RCLONE = shutil.which("rclone")
pytestmark = pytest.mark.skipif(RCLONE is None, reason="rclone is not installed "
                                "(scripts/test installs Debian's)")


@pytest.fixture
def trash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield from temporary_trash(tmp_path, monkeypatch)


@pytest.fixture
def local_tree(tmp_path: Path) -> Path:
    tree = tmp_path / "local"
    (tree / "sub" / "deeper").mkdir(parents=True)
    (tree / "a.txt").write_bytes(b"alpha\n")
    (tree / "sub" / "b.bin").write_bytes(os.urandom(300_000))
    (tree / "sub" / "deeper" / "c d é.txt").write_bytes(b"gamma")
    (tree / "empty.dat").write_bytes(b"")
    return tree


def rclone(tmp_path: Path, port: int, *args: str, user: str = "", password: str = ""
           ) -> subprocess.CompletedProcess[str]:
    assert RCLONE is not None
    env = {**os.environ, "RCLONE_CONFIG": str(tmp_path / "rclone.conf"),
           "RCLONE_CONFIG_PIER_TYPE": "webdav", "RCLONE_CONFIG_PIER_VENDOR": "other",
           "RCLONE_CONFIG_PIER_URL": f"http://127.0.0.1:{port}/"}
    if user:
        obscured = subprocess.run([RCLONE, "obscure", password], capture_output=True,
                                  text=True, check=True, timeout=60).stdout.strip()
        env |= {"RCLONE_CONFIG_PIER_USER": user, "RCLONE_CONFIG_PIER_PASS": obscured}
    return subprocess.run([RCLONE, *args, "--low-level-retries", "1", "--retries", "1"],
                          capture_output=True, text=True, env=env, timeout=120)


def files_of(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_copy_up_and_down_byte_exact(server_factory, share: Path, local_tree: Path,
                                     tmp_path: Path) -> None:
    running = server_factory(share, upload=True, modify=True)
    up = rclone(tmp_path, running.port, "copy", str(local_tree), "pier:up")
    assert up.returncode == 0, up.stderr
    assert files_of(share / "up") == files_of(local_tree)
    down = rclone(tmp_path, running.port, "copy", "pier:up", str(tmp_path / "down"))
    assert down.returncode == 0, down.stderr
    assert files_of(tmp_path / "down") == files_of(local_tree)
    listed = rclone(tmp_path, running.port, "lsjson", "-R", "pier:up")
    assert listed.returncode == 0, listed.stderr
    sizes = {e["Path"]: e["Size"] for e in json.loads(listed.stdout) if not e["IsDir"]}
    assert sizes == {name: len(data) for name, data in files_of(local_tree).items()}


def test_moveto_deletefile_mkdir(server_factory, share: Path, tmp_path: Path,
                                 trash: Path) -> None:
    running = server_factory(share, upload=True, modify=True)
    port = running.port
    moved = rclone(tmp_path, port, "moveto", "pier:hello.txt", "pier:docs/moved.txt")
    assert moved.returncode == 0, moved.stderr
    assert (share / "docs" / "moved.txt").read_text() == "hello, world\n"
    assert not (share / "hello.txt").exists()
    deleted = rclone(tmp_path, port, "deletefile", "pier:docs/moved.txt")
    assert deleted.returncode == 0, deleted.stderr
    assert not (share / "docs" / "moved.txt").exists()
    assert trashed(trash) == ["moved.txt"]
    made = rclone(tmp_path, port, "mkdir", "pier:new folder")
    assert made.returncode == 0, made.stderr
    assert (share / "new folder").is_dir()


def test_purge_is_refused_without_modify(server_factory, share: Path, tmp_path: Path,
                                         private_config_dir: Path) -> None:
    store = UserStore(private_config_dir / "users.toml")
    store.load()
    auth = Authenticator(store, "Pier", clock=ManualClock())
    store.add("up", "up-pw", can_upload=True)  # may add files, not change or remove them
    running = server_factory(share, auth=auth, upload=True, modify=True)
    listed = rclone(tmp_path, running.port, "lsjson", "pier:docs", user="up", password="up-pw")
    assert listed.returncode == 0, listed.stderr
    purged = rclone(tmp_path, running.port, "purge", "pier:docs", user="up", password="up-pw")
    assert purged.returncode != 0
    assert (share / "docs" / "notes.md").read_text() == "# notes\n"
