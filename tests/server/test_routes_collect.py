"""Collect mode's routes without sockets: the cookie over HTTPS, the page before a name, the
state file, and what the routes answer to methods and paths they do not serve."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.clock import ManualClock
from server.collect import COOKIE, CollectConfig, CollectPeople, read_people
from server.config import ServerConfig
from server.http11 import HttpError
from server.routes_collect import FILES_PATH, NAME_PATH, CollectRoutes
from tests.server.conftest import MemoryBody, call_for, config_of

FORM = "Content-Type: application/x-www-form-urlencoded"


def _routes(share: Path, state: Path | None) -> tuple[CollectRoutes, ServerConfig]:
    config = config_of(share, collect=CollectConfig("Homework", None, state))
    return CollectRoutes(config, CollectPeople(state), ManualClock()), config


def test_the_cookie_is_secure_over_tls(share: Path, tmp_path: Path) -> None:
    routes, config = _routes(share, tmp_path / "collect.json")
    call = call_for(config, "POST", NAME_PATH, FORM, "Content-Length: 8", tls=True,
                    body=MemoryBody(b"name=Ana"))
    response = routes.route(call)
    assert response.status == 303
    cookie = [line for line in response.headers.split(b"\r\n") if line.startswith(b"Set-Cookie")]
    assert cookie and b"; Secure" in cookie[0] and cookie[0].startswith(
        f"Set-Cookie: {COOKIE}=".encode())


def test_people_survive_a_restart_and_keep_their_cookie(share: Path, tmp_path: Path) -> None:
    state = tmp_path / "collect.json"
    first = CollectPeople(state)
    ana = first.new_visitor("  Ana   Souza ")
    assert ana.label == "Ana Souza" and ana.folder == "Ana Souza"
    again = CollectPeople(state)
    assert again.visitor_of(first.cookie_value(ana.id)) == ana
    assert [p.folder for p in read_people(state)] == ["Ana Souza"]
    assert read_people(tmp_path / "missing.json") == []


def test_a_blank_or_reserved_name_is_a_400(share: Path) -> None:
    people = CollectPeople(None)
    for typed in ("", "   ", "..", ".hidden", "a/..", "CON"):
        with pytest.raises(HttpError) as refused:
            people.new_visitor(typed)
        assert refused.value.status == 400, typed


def test_only_post_reaches_the_changes(share: Path) -> None:
    routes, config = _routes(share, None)
    for path in (NAME_PATH, FILES_PATH):
        with pytest.raises(HttpError) as refused:
            routes.route(call_for(config, "GET", path))
        assert refused.value.status == 405
    with pytest.raises(HttpError) as refused:
        routes.route(call_for(config, "GET", "/.well-known/pier/collect/other"))
    assert refused.value.status == 404


def test_the_page_asks_for_a_name_first(share: Path) -> None:
    routes, config = _routes(share, None)
    page = routes.page(call_for(config, "GET", "/")).body
    assert isinstance(page, bytes)
    assert b"Hand in files for" in page and b'name="name"' in page
    assert b'class="hand-in"' not in page


def test_an_edited_state_file_names_no_path(tmp_path: Path) -> None:
    state = tmp_path / "collect.json"
    state.write_text('{"format": 1, "people": {"a": {"label": "x", "folder": ".."}, '
                     '"b": {"label": "y", "folder": "../../etc"}, '
                     '"c": {"label": "z", "folder": "Zoe"}}}', encoding="utf-8")
    assert [p.folder for p in read_people(state)] == ["Zoe"]
    assert [p.folder for p in CollectPeople(state).people()] == ["Zoe"]
