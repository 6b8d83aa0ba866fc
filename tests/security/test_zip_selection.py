"""The zip of a selection (?format=zip&name=…) over real HTTP: a folder-limited account naming
entries outside its folders, encoded paths and climbs, links and Pier's own paths get nothing
it could not download one by one."""

from __future__ import annotations

import base64
import io
import os
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest

from server.auth import Authenticator
from server.users import UserStore
from tests.conftest import http_request


def login(name: str, password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{name}:{password}".encode()).decode()}


def zip_of(port: int, path: str, headers: dict[str, str]) -> tuple[int, list[str]]:
    status, body = http_request(port, "GET", path, headers=headers)
    if status != 200:
        return status, []
    return status, sorted(zipfile.ZipFile(io.BytesIO(body)).namelist())


@pytest.fixture
def limited(server_factory, tmp_path: Path, private_config_dir: Path):
    share = tmp_path / "share"
    (share / "alice").mkdir(parents=True)
    (share / "bob").mkdir()
    (share / "alice" / "mine.txt").write_text("alice's")
    (share / "bob" / "secret.txt").write_text("not for alice")
    (share / "top.txt").write_text("top")
    os.symlink(share / "bob", share / "alice" / "to-bob")
    users = UserStore(private_config_dir / "users.toml")
    users.load()
    users.add("alice", "pw-alice", can_upload=True, can_modify=True, folders=["/alice"])
    return server_factory(share, upload=True, modify=True,
                          auth=Authenticator(users, "Pier - test"))


def test_a_folder_limited_account_zips_only_its_own(limited):
    alice = login("alice", "pw-alice")
    status, names = zip_of(limited.port, "/?format=zip&name=bob&name=top.txt&name=alice", alice)
    assert status == 200 and names == ["alice/mine.txt"]
    assert zip_of(limited.port, "/alice/?format=zip&name=to-bob&name=mine.txt", alice) == (
        200, ["mine.txt"])  # no link is followed into a zip


@pytest.mark.parametrize("name", ["../bob", "..%2Fbob", "bob/secret.txt", quote("..\\bob"),
                                  "%00", "..", "."])
def test_names_that_are_paths_are_refused(limited, name):
    status, _ = http_request(limited.port, "GET", f"/alice/?format=zip&name={name}",
                             headers=login("alice", "pw-alice"))
    assert status == 400


def test_own_paths_stay_out_of_a_selection(server_factory, tmp_path: Path):
    share = tmp_path / "share"
    share.mkdir()
    (share / "a.txt").write_text("a")
    running = server_factory(share, modify=True, access_log=share / "access.log")
    status, names = zip_of(running.port, "/?format=zip&name=access.log&name=a.txt", {})
    assert status == 200 and names == ["a.txt"]
