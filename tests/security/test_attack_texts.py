"""Hostile texts over real HTTP: names that try to leave the folder (encoded, or through the
``name`` field), another account's folder, Pier's own folder, a canary outside the share, a
form flooded with fields, and markup in a text, which must come back escaped in the card and
exact in the JSON."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

from server.auth import Authenticator
from server.users import UserStore
from tests.conftest import RunningServer
from tests.security.conftest import CANARY, exchange, head_and_body, request, status_of
from tests.security.test_access_policy import snapshot

PASSWORD = "correct horse battery"
FORM = "Content-Type: application/x-www-form-urlencoded"
SCRIPT = "</pre><script>alert(document.cookie)</script><img src=x onerror=alert(1)>"


def auth(name: str) -> str:
    return "Authorization: Basic " + base64.b64encode(f"{name}:{PASSWORD}".encode()).decode()


def post(running: RunningServer, target: str, body: bytes, *extra: str) -> bytes:
    head = request(target, FORM, f"Content-Length: {len(body)}", *extra, method="POST")
    return exchange(running, head + body)


@pytest.fixture
def accounts(private_config_dir: Path) -> UserStore:
    store = UserStore(private_config_dir / "users.toml")
    store.load()
    store.add("ana", PASSWORD, can_upload=True, folders=("/ana",))
    store.add("bob", PASSWORD, can_upload=True, folders=("/bob",))
    return store


@pytest.fixture
def guarded(server_factory, share: Path, accounts: UserStore, canary: Path) -> RunningServer:
    for name in ("ana", "bob", "config"):
        (share / name).mkdir()
    return server_factory(share, upload=True, protected_paths=(share / "config",),
                          auth=Authenticator(accounts, "Pier"))


@pytest.mark.parametrize("name", [
    "../ana/planted", "..%2fana%2fplanted", "%2e%2e/ana/planted", "..\\ana\\planted",
    "/ana/planted", "../../canary", "x\x00y", "\u202etxt.exe", "ana/../../canary",
])
def test_a_name_cannot_leave_the_folder(guarded: RunningServer, share: Path, name: str):
    before = snapshot(share.parent)
    data = post(guarded, "/bob/?format=json", urlencode({"text": "t", "name": name}).encode(),
                auth("bob"))
    status = status_of(data)
    if status == 201:  # the last component only, inside bob's folder
        [saved] = json.loads(head_and_body(data)[1])["files"]
        assert "/" not in saved["name"] and (share / "bob" / saved["name"]).exists()
    else:
        assert status == 400
    assert not list((share / "ana").iterdir())
    assert CANARY not in data
    after = snapshot(share.parent)
    assert all(str(p).startswith("share/bob/") for p in after if p not in before)


@pytest.mark.parametrize("target", ["/ana/", "/%61na/", "/bob/../ana/", "/bob/%2e%2e/ana/",
                                    "/config/", "/%63onfig/", "/../", "/bob/%2e%2e/%2e%2e/"])
def test_another_accounts_folder_pier_own_folder_and_outside_are_refused(
        guarded: RunningServer, share: Path, target: str):
    before = snapshot(share.parent)
    data = post(guarded, target, urlencode({"text": "planted", "name": "users.toml"}).encode(),
                auth("bob"))
    assert status_of(data) in (400, 403, 404)
    assert snapshot(share.parent) == before


def test_a_form_flooded_with_fields_is_refused(server_factory, share: Path):
    running = server_factory(share, upload=True)
    data = post(running, "/", ("&".join(f"f{i}=x" for i in range(10_000)) + "&text=x").encode())
    assert status_of(data) == 400
    assert not [p for p in share.iterdir() if p.name.startswith("text-")]


def test_markup_in_a_shared_text_is_escaped_on_the_page_and_exact_in_json(server_factory,
                                                                          share: Path):
    running = server_factory(share)
    running.engine.texts.share(SCRIPT + "\n\x1b]0;title\x07")
    page_headers, page = head_and_body(exchange(running, request("/")))
    assert "script-src 'self'" in page_headers["content-security-policy"][0]
    assert b"<script>alert" not in page and b"<img src=x" not in page
    assert b"&lt;/pre&gt;&lt;script&gt;alert(document.cookie)&lt;/script&gt;" in page
    assert b"\x1b" not in page and b"\x07" not in page
    headers, body = head_and_body(exchange(running, request("/.well-known/pier/text")))
    assert json.loads(body)["text"] == SCRIPT + "\n\x1b]0;title\x07"
    assert headers["x-content-type-options"] == ["nosniff"]


def test_a_sent_text_with_markup_is_saved_as_it_is_and_served_as_plain_text(server_factory,
                                                                             share: Path):
    running = server_factory(share, upload=True)
    data = post(running, "/?format=json", urlencode({"text": SCRIPT, "name": "x.html"}).encode())
    [saved] = json.loads(head_and_body(data)[1])["files"]
    assert saved["name"] == "x.html.txt"  # never a page
    headers, body = head_and_body(exchange(running, request("/" + quote(saved["name"]))))
    assert body.decode() == SCRIPT
    assert headers["content-type"][0].startswith("text/plain")
