"""Texts over real HTTP: POST /folder/ with a ``text`` field (name rules, collisions, JSON,
permissions of anonymous visitors and accounts, the size cap before the body is read,
cross-site refusal) and GET /.well-known/pier/text (JSON, no-store, nosniff, login rules)."""

from __future__ import annotations

import base64
import json
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest

from server.auth import Authenticator
from server.text_board import TEXT_LIMIT
from server.users import UserStore
from tests.conftest import RunningServer

PASSWORD = "correct horse battery"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def basic(name: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{name}:{PASSWORD}".encode()).decode()}


def post(running: RunningServer, path: str, body: bytes,
         headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    conn = running.connection()
    try:
        conn.request("POST", path, body=body, headers={**FORM, **(headers or {})})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def send(running: RunningServer, path: str = "/", headers: dict[str, str] | None = None,
         **form: str) -> tuple[int, bytes]:
    return post(running, path, urlencode(form).encode(), headers)


def test_a_text_is_saved_and_answered_like_an_upload(server_factory, share: Path):
    running = server_factory(share, upload=True)
    before = time.strftime("text-%Y%m%d-", time.localtime())
    status, body = send(running, "/docs/?format=json", text="über\nalles")
    assert status == 201
    [saved] = json.loads(body)["files"]
    assert saved["name"].startswith(before) and saved["name"].endswith(".txt")
    assert (share / "docs" / saved["name"]).read_text(encoding="utf-8") == "über\nalles"
    status, body = send(running, "/", {"Accept": "application/json"}, text="a", name="hello")
    assert status == 201
    assert json.loads(body) == {"files": [{"name": "hello (1).txt",
                                           "url": "/hello%20%281%29.txt"}]}
    status, page = send(running, "/", text="no JS", name="plain")
    assert status == 201 and b"plain.txt" in page and b"<h1>Done</h1>" in page


def test_bad_names_and_an_empty_text_are_400(server_factory, share: Path):
    running = server_factory(share, upload=True)
    for form in ({"text": "x", "name": ".env"}, {"text": "x", "name": "a:b"}, {"text": ""},
                 {"name": "only"}):
        assert send(running, "/?format=json", **form)[0] == 400, form
    assert not [p for p in share.iterdir() if p.name.startswith(("text-", "only", ".env"))]


def test_the_size_cap_holds_before_and_while_reading(server_factory, share: Path):
    running = server_factory(share, upload=True)
    assert send(running, "/", text="x" * (TEXT_LIMIT + 1))[0] == 413
    conn = running.connection()
    try:  # declared too large: refused from the head, the body never sent
        conn.putrequest("POST", "/")
        conn.putheader("Content-Type", FORM["Content-Type"])
        conn.putheader("Content-Length", str(10 * TEXT_LIMIT))
        conn.endheaders()
        assert conn.getresponse().status == 413
    finally:
        conn.close()
    small = server_factory(share, upload=True, max_upload_bytes=100)
    assert send(small, "/", text="y" * 101)[0] == 413
    assert not [p for p in share.iterdir() if p.name.startswith("text-")]


def test_cross_site_is_refused(server_factory, share: Path):
    running = server_factory(share, upload=True)
    for headers in ({"Sec-Fetch-Site": "cross-site"}, {"Origin": "http://evil.example"}):
        assert send(running, "/", headers, text="planted")[0] == 403
    assert not [p for p in share.iterdir() if p.name.startswith("text-")]


@pytest.fixture
def accounts(private_config_dir: Path) -> UserStore:
    store = UserStore(private_config_dir / "users.toml")
    store.load()
    store.add("ana", PASSWORD, can_upload=True)
    store.add("lim", PASSWORD, can_upload=True, folders=("/docs",))
    store.add("reader", PASSWORD)
    store.add("dropbox", PASSWORD, can_read=False, can_upload=True)
    return store


@pytest.fixture
def guarded(server_factory, share: Path, accounts: UserStore) -> RunningServer:
    (share / "config").mkdir()
    return server_factory(share, upload=True, protected_paths=(share / "config",),
                          auth=Authenticator(accounts, "Pier", anonymous_read=True))


def test_who_may_send_a_text(guarded: RunningServer, share: Path):
    put, _ = guarded.get("/anon.txt", method="PUT")
    assert send(guarded, "/", text="anon")[0] == put.status == 403  # as an upload: refused
    assert send(guarded, "/", basic("reader"), text="r")[0] == 403
    assert send(guarded, "/", basic("lim"), text="outside")[0] == 403
    assert send(guarded, "/config/", basic("ana"), text="x", name="users.toml")[0] in (403, 404)
    assert send(guarded, "/docs/", basic("lim"), text="inside", name="lim")[0] == 201
    assert send(guarded, "/", basic("ana"), text="ana", name="ana")[0] == 201
    assert (share / "docs" / "lim.txt").read_text() == "inside"
    assert not (share / "config" / "users.toml").exists()
    assert sorted(p.name for p in share.rglob("*.txt") if p.name in ("lim.txt", "ana.txt")) == [
        "ana.txt", "lim.txt"]


def test_the_shared_text_endpoint(guarded: RunningServer):
    response, body = guarded.get("/.well-known/pier/text")  # anonymous readers may read
    assert response.status == 200 and json.loads(body) == {"text": None, "updated": None}
    assert response.getheader("Cache-Control") == "no-store"
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("Content-Type") == "application/json; charset=utf-8"
    guarded.engine.texts.share("hello <b>all</b>")
    for who in (None, basic("lim"), basic("reader")):
        response, body = guarded.get("/.well-known/pier/text", who)
        doc = json.loads(body)
        assert doc["text"] == "hello <b>all</b>" and doc["updated"].endswith("+00:00")
    response, _ = guarded.get("/.well-known/pier/text", basic("dropbox"))
    assert response.status == 403  # may upload, may not read


def test_the_shared_text_needs_a_login_where_reading_does(server_factory, share: Path,
                                                          accounts: UserStore):
    running = server_factory(share, auth=Authenticator(accounts, "Pier"))
    running.engine.texts.share("members only")
    assert running.get("/.well-known/pier/text")[0].status == 401
    response, body = running.get("/.well-known/pier/text", basic("reader"))
    assert response.status == 200 and json.loads(body)["text"] == "members only"
    running.engine.stop()
    assert running.engine.texts.shared is None  # the text ends with the share
