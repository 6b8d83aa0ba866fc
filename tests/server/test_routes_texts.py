"""Texts sent from the page (POST /folder/ with a ``text`` field) and the text the window
shares (GET /.well-known/pier/text, the card on listings), without sockets: a Call in, a
Response out. Name rules and collisions, permissions (anonymous, accounts, a folder-limited
account outside its folder, Pier's own folder), cross-site refusal, the size cap, JSON."""

from __future__ import annotations

import json
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest

from server.clock import ManualClock
from server.config import ServerConfig
from server.http11 import HttpError
from server.paths import PierPaths
from server.response import Response
from server.routes_folders import FolderRoutes
from server.routes_well_known import WellKnownRoutes
from server.routes_writes import WriteRoutes
from server.text_board import TEXT_LIMIT, TextBoard, TextReceived
from server.users import User
from tests.security.test_access_policy import snapshot
from tests.server.conftest import MemoryBody, call_for, config_of, field
from tests.server.test_writes import multipart

FORM = "Content-Type: application/x-www-form-urlencoded"
JSON_ACCEPT = "Accept: application/json"
CLOCK_WALL = 1_700_000_000.0
DEFAULT_NAME = time.strftime("text-%Y%m%d-%H%M%S.txt", time.localtime(CLOCK_WALL))


class Texts:
    """The write and well-known routes of one share around one TextBoard."""

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        self.board = TextBoard(ManualClock(wall=CLOCK_WALL))
        self.heard: list[TextReceived] = []
        self.board.add_listener(self.heard.append)
        self.writes = WriteRoutes(config, self.board, ManualClock(wall=CLOCK_WALL))
        self.own = WellKnownRoutes(config, dict, self.board)

    def post(self, target: str, data: bytes, *fields: str, user: User | None = None,
             ctype: str = FORM) -> Response:
        call = call_for(self.config, "POST", target, f"Content-Length: {len(data)}", ctype,
                        *fields, user=user, body=MemoryBody(data))
        return self.writes.change(call)

    def send(self, target: str, *fields: str, user: User | None = None, **form: str) -> Response:
        return self.post(target, urlencode(form).encode(), *fields, user=user)

    def refused(self, target: str, *fields: str, user: User | None = None,
                **form: str) -> HttpError:
        with pytest.raises(HttpError) as caught:
            self.send(target, *fields, user=user, **form)
        return caught.value

    def shared(self, user: User | None = None) -> Response:
        call = call_for(self.config, "GET", "/.well-known/pier/text", user=user)
        response = self.own.route(call)
        assert response is not None
        return response


@pytest.fixture
def texts(share: Path) -> Texts:
    return Texts(config_of(share, upload=True, max_upload_bytes=4 * TEXT_LIMIT))


def test_a_text_is_saved_under_the_servers_time_and_told_to_listeners(texts, share):
    response = texts.send("/docs/", text="hello\nthere")
    assert response.status == 201
    assert field(response.headers, "Location") == "/docs/" + DEFAULT_NAME
    assert (share / "docs" / DEFAULT_NAME).read_text(encoding="utf-8") == "hello\nthere"
    [event] = texts.heard
    assert (event.name, event.url, event.text, event.user) == (
        DEFAULT_NAME, "/docs/" + DEFAULT_NAME, "hello\nthere", "")
    assert event.time == CLOCK_WALL


def test_the_same_second_twice_gets_the_upload_collision_name(texts, share):
    texts.send("/", text="one")
    response = texts.send("/", JSON_ACCEPT, text="two")
    stem = DEFAULT_NAME.removesuffix(".txt")
    assert json.loads(response.body) == {
        "files": [{"name": f"{stem} (1).txt", "url": f"/{stem}%20%281%29.txt"}]}
    assert (share / DEFAULT_NAME).read_text() == "one"
    assert (share / f"{stem} (1).txt").read_text() == "two"


def test_json_when_asked(texts):
    response = texts.send("/?format=json", text="x", name="note")
    assert field(response.headers, "Content-Type") == "application/json; charset=utf-8"
    assert json.loads(response.body) == {"files": [{"name": "note.txt", "url": "/note.txt"}]}


@pytest.mark.parametrize(("asked", "saved"), [
    ("note", "note.txt"),
    ("note.txt", "note.txt"),
    ("Notes.TXT", "Notes.TXT"),
    ("list.md", "list.md.txt"),
    ("C:\\fakepath\\a.txt", "a.txt"),
    ("sub/dir/b", "b.txt"),
    ("  ", DEFAULT_NAME),
    ("été", "été.txt"),
])
def test_a_given_name_follows_the_upload_rules_and_ends_in_txt(texts, share, asked, saved):
    assert texts.send("/", text="t", name=asked).status == 201
    assert (share / saved).read_text(encoding="utf-8") == "t"


@pytest.mark.parametrize("bad", [".hidden", "..", "a\x01b", "a<b", ".pier-upload-0123.part"])
def test_bad_names_are_refused_as_for_uploads(texts, share, bad):
    before = snapshot(share)
    assert texts.refused("/", text="t", name=bad).status == 400
    assert snapshot(share) == before


@pytest.mark.parametrize("modify", [False, True])
def test_an_existing_name_is_not_replaced(share, modify):
    """Not even with the modify right: a text keeps both, as a form's upload does, unless
    the share runs with --overwrite."""
    texts = Texts(config_of(share, upload=True, modify=modify))
    texts.send("/", text="new", name="hello.txt")
    assert (share / "hello.txt").read_text() == "hello, world\n"
    assert (share / "hello (1).txt").read_text() == "new"


def test_empty_text_or_no_text_is_refused(texts, share):
    before = snapshot(share)
    assert texts.refused("/", text="").status == 400
    assert texts.refused("/", name="x").status == 400
    assert snapshot(share) == before


def test_the_size_cap_is_a_mebibyte_and_the_shares_limit(texts, share):
    before = snapshot(share)
    assert texts.refused("/", text="x" * (TEXT_LIMIT + 1)).status == 413
    assert texts.send("/", text="é" * (TEXT_LIMIT // 2)).status == 201  # 1 MiB of UTF-8
    small = Texts(config_of(share, upload=True, max_upload_bytes=10))
    assert small.refused("/", text="x" * 11).status == 413
    assert small.send("/", text="x" * 10).status == 201
    assert len(snapshot(share)) == len(before) + 2


def test_a_text_can_come_in_a_multipart_form_beside_files(texts, share):
    data, ctype = multipart([("a.bin", b"AAA")])
    boundary = ctype.split("boundary=")[1]
    extra = (f'--{boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\n'
             f'from curl -F\r\n').encode()
    response = texts.post("/docs/?format=json", extra + data, ctype=f"Content-Type: {ctype}")
    names = [f["name"] for f in json.loads(response.body)["files"]]
    assert names == ["a.bin", DEFAULT_NAME]
    assert (share / "docs" / DEFAULT_NAME).read_text() == "from curl -F"


def test_text_that_is_not_utf8_is_refused(texts, share):
    before = snapshot(share)
    with pytest.raises(HttpError) as caught:
        texts.post("/", b"text=%ff%fe")
    assert caught.value.status == 400
    assert snapshot(share) == before


@pytest.mark.parametrize("fields", [("Sec-Fetch-Site: cross-site",),
                                    ("Origin: http://evil.example",)])
def test_cross_site_texts_are_refused(texts, share, fields):
    before = snapshot(share)
    err = texts.refused("/", *fields, text="planted")
    assert err.status == 403
    assert snapshot(share) == before
    assert texts.heard == []


@pytest.fixture
def accounts(share: Path, auth) -> Texts:
    return Texts(config_of(share, upload=True, auth=auth))


ALICE = User("alice", can_upload=True, folders=("/docs",))


def test_permissions_are_the_uploads(accounts, share):
    before = snapshot(share)
    for user in (None, User("reader")):
        assert accounts.refused("/", user=user, text="x").status == 403
    assert accounts.refused("/", user=ALICE, text="x").status == 403  # outside her folder
    assert snapshot(share) == before
    assert accounts.send("/docs/", user=ALICE, text="mine").status == 201
    assert accounts.heard[0].user == "alice"


def test_piers_own_folder_is_refused(share):
    config = share / "Library" / "Pier"
    config.mkdir(parents=True)
    texts = Texts(config_of(share, upload=True, protected_paths=PierPaths.under(config).protected))
    before = snapshot(share)
    assert texts.refused("/Library/Pier/", text="x", name="users.toml").status in (403, 404)
    assert snapshot(share) == before


def test_uploads_off_is_a_refusal_before_the_route(share):
    # WriteRoutes is reached only with uploads on; the policy still says no without them
    texts = Texts(config_of(share, upload=False))
    assert texts.refused("/", text="x").status == 403


# -- the shared text ---------------------------------------------------------------------------


def test_nothing_shared_is_null(texts):
    response = texts.shared()
    assert json.loads(response.body) == {"text": None, "updated": None}
    assert field(response.headers, "Cache-Control") == "no-store"
    assert field(response.headers, "X-Content-Type-Options") == "nosniff"
    assert field(response.headers, "Content-Type") == "application/json; charset=utf-8"


def test_a_shared_text_is_there_until_cleared(texts):
    texts.board.share("line 1\n<b>two</b>")
    assert json.loads(texts.shared().body) == {"text": "line 1\n<b>two</b>",
                                               "updated": "2023-11-14T22:13:20+00:00"}
    texts.board.clear()
    assert json.loads(texts.shared().body)["text"] is None


def test_the_shared_text_follows_the_reading_rules(accounts):
    accounts.board.share("secret plan")
    assert json.loads(accounts.shared(ALICE).body)["text"] == "secret plan"  # limited, reads
    with pytest.raises(HttpError) as caught:
        accounts.shared(User("uploader", can_read=False, can_upload=True))
    assert caught.value.status == 403


def test_the_card_is_on_every_listing_escaped(share):
    from server.cache import FileCache, ListingCache
    from server.routes_files import FileRoutes

    config = config_of(share, upload=True)
    board = TextBoard(ManualClock(wall=CLOCK_WALL))
    folders = FolderRoutes(config, ListingCache(), FileRoutes(FileCache()), board)

    def page(target: str) -> str:
        call = call_for(config, "GET", target)
        return folders.folder(call, call.files.target(target)).body.decode()

    assert 'id="text-card"' not in page("/")
    assert 'id="text-send"' in page("/")  # the form to send a text, where uploads go
    board.share('<script>alert(1)</script>\n"quoted"\ttab\x1b[2J')
    for target in ("/", "/docs/"):
        html = page(target)
        assert 'id="text-card"' in html
        assert "<script>alert" not in html
        assert ("&lt;script&gt;alert(1)&lt;/script&gt;\n&quot;quoted&quot;\ttab\ufffd[2J"
                in html)
    board.clear()
    assert 'id="text-card"' not in page("/")
