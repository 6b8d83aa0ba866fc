"""Issue 17 re-attacked over real HTTP: the cost of a delete grows with the trash.

After send2trash, ``server/trashing.py`` corrects the ``Path=`` of the item's ``.trashinfo``
by reading, one by one in directory order, every ``.trashinfo`` of the trash whose name starts
with the item's stem until it finds the one naming its hidden folder. Every replaced file of a
name leaves one more such entry ("report 1.txt", "report 2.txt", ...; a one-letter stem matches
every entry starting with that letter), so an account allowed to replace one file (a 1-byte
PUT answered 204, again and again, or PUT + DELETE) makes each next replace read about half of
all the entries it left before: quadratic work for the server (and the owner's own trash,
which may already hold thousands of entries, adds to it). Measured: with 2,000 entries, one
DELETE opened ~1,400 of them and each following PUT 200-1,900."""

from __future__ import annotations

import http.client
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server.file_ops_helpers import temporary_trash

LEFT_BEFORE = 2000  # entries that many earlier replacements of report.txt leave


@pytest.fixture(autouse=True)
def trash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield from temporary_trash(tmp_path, monkeypatch)


def send(port: int, method: str, path: str, body: bytes = b"") -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(method, path, body=body)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


@pytest.mark.fast_path_only("the .trashinfo is corrected only where the item went aside by "
                            "its folder's descriptor (freedesktop with descriptors)")
def test_a_delete_does_not_read_every_earlier_entry_of_its_name(
        server_factory, share: Path, trash: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    info = trash.parent / "info"
    info.mkdir(parents=True)
    trash.mkdir(parents=True)
    for number in range(1, LEFT_BEFORE + 1):
        (trash / f"report {number}.txt").write_bytes(b"x")
        (info / f"report {number}.txt.trashinfo").write_text(
            "[Trash Info]\nPath=/elsewhere/report.txt\nDeletionDate=2026-01-01T00:00:00\n")
    (share / "report.txt").write_text("the owner's report")
    opened: list[str] = []
    real_open = os.open

    def counting_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.fsdecode(path).endswith(".trashinfo"):
            opened.append(os.fsdecode(path))
        return real_open(path, flags, *args, **kwargs)

    running = server_factory(share, upload=True, modify=True)
    monkeypatch.setattr(os, "open", counting_open)
    assert send(running.port, "DELETE", "/report.txt") == 204
    monkeypatch.setattr(os, "open", real_open)
    assert len(os.listdir(info)) == LEFT_BEFORE + 1  # the delete did go to the trash
    assert len(opened) <= 10, f"{len(opened)} .trashinfo files read for one delete"
