"""Re-attack of the zip walk (server/zip_walk.py): FileAccess.zip_items judges the zipped
folder by the URL it resolved (``judged_url``), then opens it again by path
(open_confined_folder, which follows links) and never judges where the opened folder really is.
A folder swapped for a link to a sibling in that gap is zipped under the old folder's URL, where
``may_all_below`` allows everything: a folder-limited account gets the sibling's files. The swap
needs someone who can make links in the share (not Pier's visitors); it is made in-process at
the exact point of the gap instead of by a timing race."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

from server.access import FileAccess
from server.auth import Authenticator
from server.users import UserStore
from tests.conftest import http_request
from tests.security.test_zip_selection import login


def test_a_folder_swapped_for_a_link_before_it_is_opened_zips_nothing_outside(
        server_factory, tmp_path: Path, private_config_dir: Path, monkeypatch) -> None:
    share = tmp_path / "share"
    (share / "alice" / "sub").mkdir(parents=True)
    (share / "bob").mkdir()
    (share / "alice" / "sub" / "mine.txt").write_text("alice's")
    (share / "bob" / "secret.txt").write_text("NOT FOR ALICE")
    users = UserStore(private_config_dir / "users.toml")
    users.load()
    users.add("alice", "pw-alice", folders=["/alice"])
    running = server_factory(share, auth=Authenticator(users, "Pier - test"))

    opened = FileAccess.open_folder

    def swapped_then_opened(self: FileAccess, fs_path: str):
        if fs_path.endswith(os.sep + "sub") and (share / "alice" / "sub").is_dir() and \
                not (share / "alice" / "sub").is_symlink():
            os.rename(share / "alice" / "sub", share / "alice" / "sub-old")
            os.symlink(share / "bob", share / "alice" / "sub")
        return opened(self, fs_path)

    monkeypatch.setattr(FileAccess, "open_folder", swapped_then_opened)
    status, body = http_request(running.port, "GET", "/alice/sub/?format=zip",
                                headers=login("alice", "pw-alice"))
    names = zipfile.ZipFile(io.BytesIO(body)).namelist() if status == 200 else []
    contents = b"".join(zipfile.ZipFile(io.BytesIO(body)).read(n) for n in names
                        if not n.endswith("/")) if names else b""
    assert b"NOT FOR ALICE" not in contents, (status, names)
