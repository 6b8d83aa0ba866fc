"""Attack: the disk cache's cap counts an entry's bytes, and "this file gives no picture" is a
24-byte file (magic and checksum), so each costs a whole block and an inode while the cap sees
24 bytes. Live: 1,000 one-byte uploads named g<n>.jpg, each asked for ?thumb and ?preview
(4.7 s from one client), added 2,000 cache files: +48 kB by the cap's count, +8 MB on disk.
Under the default 512 MB cap that is ~21 million files (~85 GB and 21 million inodes in the
owner's cache folder, more inodes than a typical home file system has) before the first
eviction; a new upload, or a changed mtime, makes new entries, and old ones stay until evicted.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from server.routes_media import ICONS
from server.thumb_kinds import IMAGE
from tests.conftest import RunningServer, http_request

CAP = 64 * 1024
BROKEN = 200  # pictures that are not pictures: each one an entry "no picture"


def on_disk(folder: Path) -> int:
    """What the cache folder's files really take (st_blocks is in 512-byte units)."""
    return sum(os.lstat(entry.path).st_blocks * 512 for entry in os.scandir(folder))


@pytest.mark.skipif(not hasattr(os.stat_result, "st_blocks"), reason="st_blocks (POSIX)")
def test_entries_for_broken_pictures_keep_the_cache_under_its_cap_on_disk(
        server_factory, tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    for n in range(BROKEN):
        (share / f"g{n}.jpg").write_bytes(b"x")
    cache = tmp_path / "cache"
    running: RunningServer = server_factory(share, thumb_cache=cache, thumb_cache_bytes=CAP)
    for n in range(BROKEN):
        status, body = http_request(running.port, "GET", f"/g{n}.jpg?thumb")
        assert status == 200 and body == ICONS[IMAGE]
    used = on_disk(cache)
    assert used <= CAP, f"{len(os.listdir(cache))} cache files take {used} bytes on disk"
