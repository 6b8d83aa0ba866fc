"""A zip of a folder that holds a very deep tree (found by an attack on the running server).

FileAccess.zip_items walked the tree recursively (one nested generator per level) and kept
every folder on the way open. Anyone who may upload can build such a tree (a folder upload
creates 32 levels per request; ?mkdir goes as deep as an 8 KiB URL allows), and so can any
local user of the folder:

- past ~985 levels the walk died of RecursionError: the zip of the share (or of any folder
  above the tree) answered 500, for everyone;
- a zip stalled at the bottom of the tree (its client stops reading while the deep file is
  sent) held one descriptor per level for as long as the transfer lasts. Two stalled zips of
  a 500-level tree and 30 idle connections exhaust a 1024-descriptor limit (a common
  default): the share then accepts no connection at all ("accept failed: Too many open
  files"), and the connection caps that otherwise bound descriptors do not help.

Since server/zip_walk.py the walk is iterative and keeps only the deepest few folders of its
path open, re-opening an ancestor by name and identity when it comes back to it; folders more
than 1024 levels below the zipped one are left out.
"""

from __future__ import annotations

import io
import os
import socket
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import read_until_closed


def deep_tree(root: Path, levels: int, size: int) -> bytes:
    """``levels`` nested folders named "d" below ``root``; returns the deepest folder's arcname."""
    fd = os.open(root, os.O_RDONLY)
    try:
        for _ in range(levels):
            os.mkdir("d", dir_fd=fd)
            child = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = child
        with open(os.open("deepest.bin", os.O_CREAT | os.O_WRONLY, dir_fd=fd), "wb") as f:
            f.truncate(size)  # sparse
    finally:
        os.close(fd)
    return ("d/" * levels).encode() + b"deepest.bin"


def remove_tree(path: Path) -> None:
    """Remove a tree of any depth (shutil.rmtree recurses, and so would pytest's own clean-up
    of old temporary folders): no recursion, every name relative to an opened folder."""
    stack = [(os.open(path.parent, os.O_RDONLY), path.name)]  # (folder, child to empty)
    while stack:
        parent, name = stack[-1]
        try:
            fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=parent)
        except FileNotFoundError:
            stack.pop()
            os.close(parent)
            continue
        below = None
        with os.scandir(fd) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    below = entry.name
                else:
                    os.unlink(entry.name, dir_fd=fd)
        if below is not None:
            stack.append((fd, below))
            continue
        os.close(fd)
        os.rmdir(name, dir_fd=parent)
        stack.pop()
        os.close(parent)


@pytest.fixture
def deep_root(tmp_path: Path) -> Iterator[Path]:
    """A shared folder for a deep tree; removed after the share has stopped."""
    root = tmp_path / "deep"
    root.mkdir()
    yield root
    remove_tree(root)


def unchunk(body: bytes) -> bytes:
    out, rest = b"", body
    while rest:
        size, _, rest = rest.partition(b"\r\n")
        count = int(size, 16)
        if count == 0:
            break
        out, rest = out + rest[:count], rest[count + 2:]
    return out


def test_a_zip_of_a_share_holding_a_very_deep_tree_is_still_a_zip(deep_root, server_factory):
    root = deep_root
    (root / "top.txt").write_bytes(b"top\n")
    deep_tree(root, 1100, 1)
    running = server_factory(root)
    with socket.create_connection(("127.0.0.1", running.port), timeout=10) as sock:
        sock.sendall(b"GET /?format=zip HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        data = read_until_closed(sock)
    head, _, body = data.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200"), head[:60]
    archive = zipfile.ZipFile(io.BytesIO(unchunk(body)))
    assert "top.txt" in archive.namelist()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="counts /proc/self/fd")
def test_a_stalled_zip_of_a_deep_tree_holds_few_descriptors(deep_root, server_factory):
    root = deep_root
    levels = 400
    deepest = deep_tree(root, levels, 32 * 1024 * 1024)  # more than any socket buffer
    running = server_factory(root)
    before = len(os.listdir("/proc/self/fd"))  # the server runs in this process
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.settimeout(10)
    with sock:
        sock.connect(("127.0.0.1", running.port))
        sock.sendall(b"GET /?format=zip HTTP/1.1\r\nHost: localhost\r\n\r\n")
        seen = b""
        while deepest not in seen:  # the deepest file's local header: the walk is down there
            chunk = sock.recv(4096)
            assert chunk, seen[:200]
            seen += chunk
        # from here on the client reads nothing: the zip is stalled on the deepest file
        held = len(os.listdir("/proc/self/fd")) - before
    assert held < 64, f"{held} descriptors held by one stalled zip of {levels} levels"
