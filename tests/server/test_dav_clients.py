"""Real WebDAV clients besides rclone (issue 17): cadaver scripted for locks, and a kernel mount
with davfs2 (mkdir, cp, mv, rm and ls -l through the mount, checked after umount). scripts/test
installs Debian's cadaver and davfs2; without them, or where mounting is impossible, these are
skipped with the reason."""

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


# davfs2 before 1.7.2 answers a FUSE READDIR asking for more than its kernel buffer (buf_size
# KiB, 16 by default) with EINVAL, so ls fails with "reading directory: Invalid argument": since
# Linux 6.16 the kernel asks for as much as the caller's getdents64 buffer (32 KiB from ls), up to
# 128 KiB (davfs2 issue 22 on github.com/alisarctl/davfs2). 132 KiB holds 128 KiB and a header.
DAVFS_CONF = "use_locks 1\ndelay_upload 0\ntrust_server_cert 1\nask_auth 0\nbuf_size 132\n"


def _mounted_run(port: int, mount: Path, cache: Path, tmp_path: Path, share: Path) -> None:
    """Mount, change and list the share through the mount with the shell's own commands,
    unmount (which uploads what is cached)."""
    conf = tmp_path / "davfs2.conf"
    conf.write_text(f"{DAVFS_CONF}cache_dir {cache}\n")
    mounted = subprocess.run(["mount", "-t", "davfs", "-o", f"conf={conf}",
                              f"http://127.0.0.1:{port}/", str(mount)],
                             input="\n", capture_output=True, text=True, timeout=60)
    if mounted.returncode != 0:
        pytest.skip(f"the davfs2 mount failed here: {mounted.stderr.strip()[:200]}")
    big_size = (share / "big.bin").stat().st_size
    try:
        assert _ls_l(mount) == {"hello.txt": 13, "été 2024.txt": 7, "big.bin": big_size,
                                "docs": None}
        assert (mount / "hello.txt").read_bytes() == b"hello, world\n"
        _run("mkdir", mount / "made")
        _run("cp", mount / "big.bin", mount / "made" / "copy.bin")
        _run("mv", mount / "docs" / "notes.md", mount / "made" / "notes.md")
        _run("rm", mount / "hello.txt")
        assert _ls_l(mount / "made") == {"copy.bin": big_size, "notes.md": 8}
        assert _ls_l(mount / "docs") == {}
        assert _ls_l(mount) == {"été 2024.txt": 7, "big.bin": big_size, "docs": None,
                                "made": None}
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True, timeout=120)


def _run(*command: str | Path) -> None:
    done = subprocess.run([str(part) for part in command], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, f"{command}: {done.stderr}"


def _ls_l(folder: Path) -> dict[str, int | None]:
    """`ls -l` of a folder through the mount: each name with its size, None for a folder.
    davfs2's own lost+found (where it keeps files it could not upload) is left out."""
    done = subprocess.run(["ls", "-l", "-n", "--time-style=+%s", str(folder)],
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, "LC_ALL": "C.UTF-8"})
    assert done.returncode == 0, done.stderr
    listing: dict[str, int | None] = {}
    for line in done.stdout.splitlines()[1:]:  # the first line is "total N"
        mode, _links, _uid, _gid, size, _mtime, name = line.split(maxsplit=6)
        listing[name] = None if mode.startswith("d") else int(size)
    listing.pop("lost+found", None)
    return listing
