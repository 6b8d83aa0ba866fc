"""Real WebDAV clients besides rclone (issue 17): cadaver scripted for locks, and a kernel mount
with davfs2 (cp, mv, rm, mkdir through the mount, checked after umount). scripts/test installs
Debian's cadaver and davfs2; without them, or where mounting is impossible, these are skipped
with the reason."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server.file_ops_helpers import temporary_trash, trashed

CADAVER = shutil.which("cadaver")
MOUNT_DAVFS = shutil.which("mount.davfs") or (
    "/usr/sbin/mount.davfs" if os.path.exists("/usr/sbin/mount.davfs") else None)


@pytest.fixture
def trash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield from temporary_trash(tmp_path, monkeypatch)


@pytest.mark.skipif(CADAVER is None, reason="cadaver is not installed")
def test_cadaver_locks_writes_and_moves(server_factory, share: Path, tmp_path: Path) -> None:
    running = server_factory(share, upload=True, modify=True)
    source = tmp_path / "upload.txt"
    source.write_bytes(b"through cadaver\n")
    script = (f"lock hello.txt\nshowlocks\nput {source} hello.txt\nunlock hello.txt\n"
              "mkcol made\nmove hello.txt made/moved.txt\nls made\nquit\n")
    assert CADAVER is not None
    done = subprocess.run([CADAVER, f"http://127.0.0.1:{running.port}/"], input=script,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "HOME": str(tmp_path)})
    out = done.stdout
    assert "Locking `hello.txt': succeeded." in out, out
    assert "urn:uuid:" in out
    assert "Unlocking `hello.txt': succeeded." in out, out
    assert "succeeded" in out.split("move hello.txt", 1)[1], out
    assert (share / "made" / "moved.txt").read_bytes() == b"through cadaver\n"
    assert not (share / "hello.txt").exists()
    methods = {record.method for record in running.records}
    assert {"LOCK", "PUT", "UNLOCK", "MKCOL", "MOVE", "PROPFIND"} <= methods


def _can_mount() -> str:
    """Why a davfs2 mount cannot be tried here ("" when it can)."""
    if MOUNT_DAVFS is None:
        return "davfs2 is not installed"
    if os.geteuid() != 0:
        return "mounting needs root"
    if not os.path.exists("/dev/fuse"):
        return "no /dev/fuse"
    return ""


@pytest.mark.skipif(bool(_can_mount()), reason=_can_mount() or "-")
def test_davfs2_mount_copies_moves_and_deletes(server_factory, share: Path, tmp_path: Path,
                                               trash: Path) -> None:
    running = server_factory(share, upload=True, modify=True)
    mount = tmp_path / "mnt"
    mount.mkdir()
    # mount.davfs runs as the davfs2 user: its cache must be reachable by it (pytest's
    # tmp_path is below a private folder)
    with tempfile.TemporaryDirectory(prefix="pier-davfs-") as cache_dir:
        cache = Path(cache_dir)
        cache.chmod(0o777)
        _mounted_run(running.port, mount, cache, tmp_path, share)
    assert (share / "made" / "copy.bin").read_bytes() == (share / "big.bin").read_bytes()
    assert (share / "made" / "notes.md").read_text() == "# notes\n"
    assert not (share / "docs" / "notes.md").exists()
    assert not (share / "hello.txt").exists()
    assert trashed(trash) == ["hello.txt"]


def _mounted_run(port: int, mount: Path, cache: Path, tmp_path: Path, share: Path) -> None:
    """Mount, change the share through the mount, unmount (which uploads what is cached). No
    directory listing through the mount: on this CI's kernel a FUSE readdir of any davfs2
    mount fails with EINVAL (rclone serve webdav as the server does the same)."""
    conf = tmp_path / "davfs2.conf"
    conf.write_text(f"use_locks 1\ndelay_upload 0\ntrust_server_cert 1\nask_auth 0\n"
                    f"cache_dir {cache}\n")
    mounted = subprocess.run(["mount", "-t", "davfs", "-o", f"conf={conf}",
                              f"http://127.0.0.1:{port}/", str(mount)],
                             input="\n", capture_output=True, text=True, timeout=60)
    if mounted.returncode != 0:
        pytest.skip(f"the davfs2 mount failed here: {mounted.stderr.strip()[:200]}")
    try:
        assert (mount / "hello.txt").read_bytes() == b"hello, world\n"
        (mount / "made").mkdir()
        shutil.copyfile(share / "big.bin", mount / "made" / "copy.bin")
        (mount / "docs" / "notes.md").rename(mount / "made" / "notes.md")
        (mount / "hello.txt").unlink()
        assert (mount / "made" / "copy.bin").stat().st_size == (share / "big.bin").stat().st_size
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True, timeout=120)
