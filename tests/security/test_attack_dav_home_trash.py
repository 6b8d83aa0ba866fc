"""Issue 17, attacked over real HTTP: deletes go to the computer's trash, and the trash folders
a disk keeps are Pier's own paths so "deleted files do not come back as downloads"
(docs/SECURITY.md). The freedesktop *home* trash is not one of those names: it is
``$XDG_DATA_HOME/Trash`` (``~/.local/share/Trash``). Sharing one's home folder with hidden
files shown, a DELETE sends the file where any reader downloads it again, with its
``.trashinfo`` telling the absolute path it came from, and where a MOVE brings it back."""

from __future__ import annotations

import http.client
import importlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.appdirs import find_trash_folders


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A home folder whose freedesktop trash is send2trash's (reloaded: it reads the
    environment when imported)."""
    home = tmp_path / "home"
    (home / ".local" / "share").mkdir(parents=True)
    (home / "docs").mkdir()
    (home / "docs" / "payslip.txt").write_text("salary: secret")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    import send2trash.plat_other as freedesktop
    importlib.reload(freedesktop)
    yield home
    monkeypatch.undo()
    importlib.reload(freedesktop)


def status_of(port: int, method: str, path: str, headers: dict[str, str] | None = None
              ) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(method, path, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def test_a_deleted_file_is_not_served_from_the_home_trash(server_factory, home: Path) -> None:
    """server/ reads no environment: the trash comes as the entry points find it."""
    running = server_factory(home, upload=True, modify=True, show_hidden=True,
                             trash_folders=find_trash_folders())
    port = running.port
    assert status_of(port, "DELETE", "/docs/payslip.txt")[0] == 204
    trashed = home / ".local" / "share" / "Trash" / "files" / "payslip.txt"
    assert os.path.exists(trashed)  # where send2trash put it
    assert status_of(port, "GET", "/.local/share/Trash/files/payslip.txt")[0] == 404
    assert status_of(port, "GET", "/.local/share/Trash/info/payslip.txt.trashinfo")[0] == 404
    assert status_of(port, "PROPFIND", "/.local/share/Trash/files/", {"Depth": "1"})[0] == 404
