"""Hostile use of search in subfolders (GET /folder/?q=, server/routes_search.py and
server/search_walk.py) over real HTTP: a folder-limited account fishing for names outside its
folders or in another account's, links to other folders of the share, Pier's own files inside
the share, hidden names, links out of the share and link loops, and search text meant as a
pattern."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.users import UserStore
from tests.conftest import RunningServer
from tests.security.conftest import CANARY

PASSWORD = "correct horse battery"


def basic(name: str) -> dict[str, str]:
    token = base64.b64encode(f"{name}:{PASSWORD}".encode()).decode()
    return {"Authorization": "Basic " + token, "Accept": "application/json"}


def found(running: RunningServer, target: str, who: str | None = None) -> list[str]:
    """The paths a search answers with (asserting a complete, canary-free answer)."""
    response, body = running.get(target, headers=basic(who) if who else
                                 {"Accept": "application/json"})
    assert response.status == 200, body[:200]
    assert CANARY not in body
    document = json.loads(body)
    assert document["truncated"] is False
    return [entry["path"] for entry in document["entries"]]


@pytest.fixture
def accounts(private_config_dir: Path) -> UserStore:
    store = UserStore(private_config_dir / "users.toml")
    store.load()
    store.add("ana", PASSWORD)
    store.add("lim", PASSWORD, folders=("/docs",))
    store.add("bob", PASSWORD, folders=("/bob",))
    return store


@pytest.fixture
def guarded(server_factory, share: Path, accounts: UserStore) -> RunningServer:
    """Logins required; lim may read /docs only, bob /bob only; Pier's config folder lies
    inside the share."""
    (share / "bob").mkdir()
    (share / "bob" / "notes of bob.txt").write_text("bob\n", encoding="utf-8")
    (share / "private" / "deeper").mkdir(parents=True)
    (share / "private" / "deeper" / "notes private.txt").write_text("no\n", encoding="utf-8")
    (share / "notes top.txt").write_text("top\n", encoding="utf-8")
    (share / "config").mkdir()
    (share / "config" / "users.toml").write_text("secret\n", encoding="utf-8")
    (share / "config" / "notes config.txt").write_text("secret\n", encoding="utf-8")
    return server_factory(share, auth=Authenticator(accounts, "Pier - share"),
                          protected_paths=(share / "config",))


def test_a_folder_limited_account_finds_nothing_outside_its_folders(guarded):
    assert found(guarded, "/?q=notes", "lim") == ["docs/notes.md"]
    assert found(guarded, "/?q=notes", "bob") == ["bob/notes of bob.txt"]
    assert found(guarded, "/?q=o", "lim") == ["docs/", "docs/notes.md"]  # the way in, too
    assert found(guarded, "/?q=notes", "ana") == [
        "notes top.txt", "bob/notes of bob.txt", "docs/notes.md",
        "private/deeper/notes private.txt"]


def test_another_accounts_folder_cannot_be_searched(guarded):
    for target in ("/bob/?q=notes", "/private/?q=notes", "/private/deeper/?q=n"):
        response, body = guarded.get(target, headers=basic("lim"))
        assert response.status == 404 and b"notes" not in body
    response, _ = guarded.get("/?q=notes")
    assert response.status == 401


def test_a_link_into_another_accounts_folder_is_not_shown(guarded, share):
    os.symlink("../bob/notes of bob.txt", share / "docs" / "notes link.txt")
    os.symlink("../private", share / "docs" / "notes-folder-link")
    assert found(guarded, "/?q=notes", "lim") == ["docs/notes.md"]
    assert "docs/notes link.txt" in found(guarded, "/?q=notes", "ana")
    assert "docs/notes-folder-link/" in found(guarded, "/?q=notes", "ana")
    assert "docs/notes-folder-link/deeper/notes private.txt" not in found(
        guarded, "/?q=notes", "ana")  # shown, never entered


def test_pier_s_own_files_are_never_found(guarded):
    for text in ("config", "users", "notes", "toml", "secret"):
        for who in ("ana", "lim"):
            assert not any(path.startswith("config") for path in
                           found(guarded, "/?q=" + text, who))
    response, _ = guarded.get("/config/?q=notes", headers=basic("ana"))
    assert response.status == 404


def test_pier_s_own_files_stay_hidden_when_hidden_names_are_shown(server_factory, share):
    (share / ".pier").mkdir()
    (share / ".pier" / "users.toml").write_text("secret\n", encoding="utf-8")
    running = server_factory(share, show_hidden=True, protected_paths=(share / ".pier",))
    assert found(running, "/?q=pier") == []
    assert found(running, "/?q=users") == []
    assert found(running, "/?q=secret") == [".secret"]


def test_hidden_names_are_found_only_when_shown(server_factory, share):
    (share / ".hidden").mkdir()
    (share / ".hidden" / "inner secret.txt").write_text("x", encoding="utf-8")
    (share / "docs" / ".secret notes").write_text("x", encoding="utf-8")
    hiding = server_factory(share)
    assert found(hiding, "/?q=secret") == []
    assert found(hiding, "/?q=hidden") == []
    showing = server_factory(share, show_hidden=True)
    assert found(showing, "/?q=secret") == [".secret", ".hidden/inner secret.txt",
                                            "docs/.secret notes"]


def test_a_link_out_of_the_share_is_neither_entered_nor_shown(server, share, canary):
    os.symlink(share.parent / "share-sibling", share / "sibling")
    os.symlink(share.parent / "share2", share / "secret-folder")
    os.symlink(canary, share / "secret link.txt")
    os.symlink("/", share / "root")
    assert found(server, "/?q=secret") == []
    assert found(server, "/?q=canary") == []
    assert found(server, "/?q=sibling") == []


def test_a_link_loop_does_not_loop(server, share):
    loop = share / "loop"
    loop.mkdir()
    os.symlink(".", loop / "notes-self")
    os.symlink("..", loop / "notes-up")
    os.symlink("notes-a", loop / "notes-b")
    os.symlink("notes-b", loop / "notes-a")
    assert found(server, "/?q=notes") == ["docs/notes.md", "loop/notes-self/",
                                          "loop/notes-up/"]


@pytest.mark.parametrize(("text", "expected"), [
    (".*", []), ("*", ["a*b"]), ("(1)", ["report (1).txt"]), ("[12]", []),
    ("report?", []), ("%", ["50% off"]), ("\\d", []), ("^report", []),
])
def test_the_text_is_never_a_pattern(server, share, text, expected):
    for name in ("report (1).txt", "report1.txt", "a*b", "50% off"):
        (share / "docs" / name).write_text("x", encoding="utf-8")
    query = "".join(f"%{byte:02X}" for byte in text.encode())
    assert [path.removeprefix("docs/") for path in found(server, "/?q=" + query)] == expected


def test_hostile_text_is_reflected_only_escaped(server):
    response, body = server.get("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%E2%80%AE%00")
    assert response.status == 200
    page = body.decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "\u202e" not in page and "\x00" not in page
