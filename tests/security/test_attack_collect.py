"""Collect mode under attack: NAME/ is invisible through the share to everyone, even an account
with every right on a readable, writable share; a person reaches their own folder only; links
and spellings lead nowhere; cookies cannot be made up."""

from __future__ import annotations

import base64
import io
import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from server.collect import CollectConfig
from server.paths import PierPaths
from server.sharing import authenticator_for
from server.users import HashParams, PasswordHasher, UserStore
from tests.collect_http import Browser

FAST = HashParams(argon2_memory_kib=64, argon2_iterations=1, scrypt_log2_n=10)
PASSWORD = "meadow-kettle-orbit"


@pytest.fixture
def full_rights(share: Path, pier_paths: PierPaths, server_factory):
    """A share with uploads and changes on, visitors may read, and an account ``root`` with
    every right; Ana has handed in ``secret.txt``."""
    store = UserStore(pier_paths.users_file, hasher=PasswordHasher(FAST))
    store.add("root", PASSWORD, can_upload=True, can_modify=True, admin=True)
    running = server_factory(
        share, upload=True, modify=True, overwrite=True, thumb_threads=0,
        auth=authenticator_for(share, store, anonymous_read=True),
        collect=CollectConfig("Homework", None, pier_paths.collect_file))
    ana = Browser(running.port)
    ana.give_name("Ana")
    assert ana.hand_in([("secret.txt", b"ana's work"), ("photo.jpg", b"\xff\xd8\xff")])[0] == 303
    return running


def _root(port: int) -> Browser:
    return Browser(port, authorization="Basic " + base64.b64encode(
        f"root:{PASSWORD}".encode()).decode())


@pytest.mark.parametrize("who", ["visitor", "root"])
def test_the_collect_folder_is_invisible_through_the_share(full_rights, who: str) -> None:
    port = full_rights.port
    client = Browser(port) if who == "visitor" else _root(port)
    for path in ("/Homework/", "/Homework", "/homework/", "/HOMEWORK/Ana/secret.txt",
                 "/Homework/Ana/", "/Homework/Ana/secret.txt", "/%48omework/Ana/secret.txt",
                 "/Homework/Ana/photo.jpg?thumb", "/Homework/Ana/photo.jpg?preview",
                 "/Homework/?format=zip", "/Homework/Ana/secret.txt?view",
                 "/./Homework/Ana/secret.txt", "/docs/../Homework/Ana/secret.txt"):
        status, _, body = client.request("GET", path)
        assert status in (400, 404), (path, status)
        assert b"ana's work" not in body
    status, _, listing = client.request("GET", "/?format=json")
    assert status == 200 and "Homework" not in [e["name"] for e in json.loads(listing)["entries"]]
    status, _, page = client.request("GET", "/?browse")
    assert status == 200 and b"Homework" not in page
    status, _, found = client.request("GET", "/?q=secret&format=json")
    assert status == 200 and json.loads(found)["entries"] == []
    status, _, found = client.request("GET", "/?q=Homework")
    assert b"/Homework" not in found
    status, _, archive = client.request("GET", "/?format=zip")
    assert status == 200
    names = zipfile.ZipFile(io.BytesIO(archive)).namelist()
    assert not [n for n in names if "Homework" in n or "secret" in n]
    status, _, dav = client.request("PROPFIND", "/", headers={"Depth": "1"})
    assert status == 207 and b"Homework" not in dav
    for path in ("/Homework/", "/Homework/Ana/secret.txt"):
        assert client.request("PROPFIND", path, headers={"Depth": "0"})[0] == 404


def test_an_account_with_every_right_cannot_change_the_collect_folder(full_rights,
                                                                       share: Path) -> None:
    root = _root(full_rights.port)
    assert root.request("PUT", "/Homework/Ana/secret.txt", b"overwritten")[0] in (403, 404)
    assert root.request("DELETE", "/Homework/Ana/secret.txt")[0] in (403, 404)
    assert root.request("DELETE", "/Homework/")[0] in (403, 404)
    host = f"127.0.0.1:{full_rights.port}"
    assert root.request("MOVE", "/Homework/Ana/secret.txt", headers={
        "Destination": f"http://{host}/stolen.txt"})[0] in (403, 404)
    assert root.request("COPY", "/Homework/Ana/secret.txt", headers={
        "Destination": f"http://{host}/stolen.txt"})[0] in (403, 404)
    assert root.request("MOVE", "/hello.txt", headers={
        "Destination": f"http://{host}/Homework/Ana/secret.txt"})[0] in (403, 404, 409)
    assert root.request("MKCOL", "/Homework/Ana/new/")[0] in (403, 404, 409)
    assert root.request("PUT", "/homework/x.txt", b"x")[0] in (403, 404, 409)
    assert (share / "Homework" / "Ana" / "secret.txt").read_bytes() == b"ana's work"
    assert not (share / "stolen.txt").exists() and (share / "hello.txt").exists()


def test_a_person_never_sees_another_persons_files(full_rights, share: Path) -> None:
    bo = Browser(full_rights.port)
    bo.give_name("Bo")
    bo.hand_in([("mine.txt", b"bo")])
    assert [f["name"] for f in bo.state()["files"]] == ["mine.txt"]
    assert "secret.txt" not in bo.page()
    for sneaky in ("../Ana/secret.txt", "..%2FAna%2Fsecret.txt", "Ana/secret.txt",
                   "%2e%2e/Ana/secret.txt"):
        status, _ = bo.hand_in([("x.txt", b"bo overwrites?")], replace=sneaky)
        assert status in (303, 400), sneaky
    assert bo.hand_in([("../Ana/secret.txt", b"bo's")])[0] == 303  # cleaned: Bo's own
    assert (share / "Homework" / "Bo" / "secret.txt").read_bytes() == b"bo's"
    assert (share / "Homework" / "Ana" / "secret.txt").read_bytes() == b"ana's work"
    assert sorted(os.listdir(share / "Homework" / "Ana")) == ["photo.jpg", "secret.txt"]


def test_a_link_in_a_persons_folder_leads_nowhere(full_rights, share: Path) -> None:
    bo = Browser(full_rights.port)
    bo.give_name("Bo")
    bo.hand_in([("mine.txt", b"bo")])
    os.symlink(share / "Homework" / "Ana" / "secret.txt", share / "Homework" / "Bo" / "ln.txt")
    os.symlink(share / "hello.txt", share / "Homework" / "Bo" / "hello-link.txt")
    assert [f["name"] for f in bo.state()["files"]] == ["mine.txt"]
    status, _ = bo.hand_in([("x", b"through the link")], replace="ln.txt")
    assert (share / "Homework" / "Ana" / "secret.txt").read_bytes() == b"ana's work"
    assert status in (303, 409)


def test_a_persons_folder_swapped_for_a_link_is_refused(share: Path, pier_paths: PierPaths,
                                                        server_factory, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (share / "Homework").mkdir()
    running = server_factory(share, collect=CollectConfig("Homework", None,
                                                          pier_paths.collect_file))
    ana = Browser(running.port)
    ana.give_name("Ana")  # her folder is made at her first hand-in; a link takes its name first
    os.symlink(outside, share / "Homework" / "Ana")
    status, _ = ana.hand_in([("a.txt", b"escape?")])
    assert status == 409 and not list(outside.iterdir())
    bo = Browser(running.port)  # a new person's folder never takes the link's name
    bo.give_name("ana")
    assert bo.hand_in([("b.txt", b"b")])[0] == 303
    assert bo.state()["person"]["folder"] == "ana (2)" and not list(outside.iterdir())


def test_the_collect_folder_as_a_link_is_refused(share: Path, pier_paths: PierPaths,
                                                 server_factory, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    os.symlink(outside, share / "Homework")
    running = server_factory(share, collect=CollectConfig("Homework", None,
                                                          pier_paths.collect_file))
    ana = Browser(running.port)
    ana.give_name("Ana")
    assert ana.hand_in([("a.txt", b"escape?")])[0] == 409
    assert not list(outside.iterdir())


def test_a_cross_site_hand_in_is_refused(full_rights) -> None:
    ana = Browser(full_rights.port)
    ana.give_name("Ana")
    status, _, _ = ana.request("POST", "/.well-known/pier/collect/name", b"name=Eve", {
        "Content-Type": "application/x-www-form-urlencoded", "Origin": "http://evil.example"})
    assert status == 403


def test_the_cookie_is_http_only_and_lax(full_rights) -> None:
    visitor = Browser(full_rights.port)
    _, headers, _ = visitor.request("POST", "/.well-known/pier/collect/name", b"name=Ana", {
        "Content-Type": "application/x-www-form-urlencoded"})
    cookie = headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/" in cookie
    assert "Secure" not in cookie  # plain HTTP here; TLS adds it (routes_collect)


def test_the_collect_folder_made_again_stays_invisible(full_rights, share: Path) -> None:
    shutil.rmtree(share / "Homework")  # the owner clears it while the share runs
    ana = Browser(full_rights.port)
    ana.give_name("Ana")
    assert ana.hand_in([("again.txt", b"again")])[0] == 303
    visitor = Browser(full_rights.port)
    assert visitor.request("GET", "/Homework/Ana/again.txt")[0] == 404
    status, _, listing = visitor.request("GET", "/?format=json")
    assert status == 200 and "Homework" not in [e["name"] for e in json.loads(listing)["entries"]]
