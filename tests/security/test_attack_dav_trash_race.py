"""Issue 17, attacked over real HTTP: a DELETE hands send2trash a *path* (the kernel's path of
the opened folder + the name) after a last lstat. Someone who can write to the shared folder
and swaps that folder for a link to elsewhere between the lstat and send2trash makes Pier
trash a file outside the share (any file the owner may move: ~/Documents, ~/.ssh...).
docs/SECURITY.md admits "a window remains" but not that it reaches outside the share; it can
be closed (e.g. first rename the item, through the opened folder's descriptor, to an
unguessable name in the same folder, and trash that name: behind a swapped path it is not
there). Found live: swapping with renameat2(RENAME_EXCHANGE) in a loop against DELETE over
HTTP trashed the outside file within seconds. Here the swap is put exactly in that window."""

from __future__ import annotations

import http.client
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import server.file_ops
from tests.server.file_ops_helpers import temporary_trash


@pytest.fixture
def trash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield from temporary_trash(tmp_path, monkeypatch)


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "f.txt").write_text("the owner's file outside the share")
    return folder


@pytest.mark.fast_path_only("the item goes aside by its folder's descriptor first; without "
                            "descriptors (Windows) the path way's window remains (SECURITY.md)")
def test_a_folder_swapped_after_the_last_look_does_not_delete_outside(
        server_factory, share: Path, outside: Path, trash: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    (share / "race").mkdir()
    (share / "race" / "f.txt").write_text("inside")
    real = server.file_ops._send_to_trash

    def swapped_first(path: str) -> None:
        os.rename(share / "race", share / "race-moved")
        (share / "race").symlink_to(outside, target_is_directory=True)
        real(path)

    monkeypatch.setattr(server.file_ops, "_send_to_trash", swapped_first)
    running = server_factory(share, upload=True, modify=True)
    conn = http.client.HTTPConnection("127.0.0.1", running.port, timeout=10)
    try:
        conn.request("DELETE", "/race/f.txt")
        conn.getresponse().read()
    finally:
        conn.close()
    assert (outside / "f.txt").read_text() == "the owner's file outside the share"
    assert (share / "race-moved" / "f.txt").read_text() == "inside"  # put back where it was
