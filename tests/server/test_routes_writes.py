"""server/routes_writes.py without sockets: WriteRoutes.change given a Call whose body is in
memory. PUT, multipart POST (folders in the file names), new folders; the refusals (415, 400,
413, cross-site, a folder-limited account outside its folders, Pier's own config folder); and
what is on disk afterwards."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from server.config import ServerConfig
from server.http11 import HttpError
from server.paths import PierPaths
from server.response import Response
from server.routes_writes import WriteRoutes
from server.users import User
from tests.security.test_access_policy import snapshot, temp_files
from tests.server.conftest import MemoryBody, call_for, config_of, field
from tests.server.test_writes import multipart

LIMIT = 1024 * 1024
JSON_ACCEPT = "Accept: application/json"


class Writes:
    """WriteRoutes of one share; ``body`` is the last request's body, to see what was read."""

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        self.routes = WriteRoutes(config)
        self.body = MemoryBody(b"")

    def send(self, method: str, target: str, data: bytes = b"", *fields: str,
             user: User | None = None, tls: bool = False, chunked: bool = False) -> Response:
        framing = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {len(data)}"
        self.body = MemoryBody(data)
        call = call_for(self.config, method, target, framing, *fields, user=user,
                        body=self.body, tls=tls)
        return self.routes.change(call)

    def post_files(self, target: str, files: list[tuple[str, bytes]], *fields: str,
                   user: User | None = None) -> Response:
        return self.send("POST", target, *form(files), *fields, user=user)

    def refused(self, method: str, target: str, data: bytes = b"", *fields: str,
                user: User | None = None, tls: bool = False) -> HttpError:
        with pytest.raises(HttpError) as caught:
            self.send(method, target, data, *fields, user=user, tls=tls)
        return caught.value


@pytest.fixture
def writes(share: Path) -> Writes:
    return Writes(config_of(share, upload=True, max_upload_bytes=LIMIT))


def form(files: list[tuple[str, bytes]]) -> tuple[bytes, str]:
    """(body, Content-Type line) of a multipart form with these files."""
    data, ctype = multipart(files)
    return data, f"Content-Type: {ctype}"


# -- PUT ----------------------------------------------------------------------------------------


def test_put_creates_the_file(writes, share):
    response = writes.send("PUT", "/docs/new.txt", b"fresh data", JSON_ACCEPT)
    assert response.status == 201
    assert field(response.headers, "Location") == "/docs/new.txt"
    assert field(response.headers, "Content-Type") == "application/json; charset=utf-8"
    assert json.loads(response.body) == {"files": [{"name": "new.txt", "url": "/docs/new.txt"}]}
    assert (share / "docs" / "new.txt").read_bytes() == b"fresh data"
    assert writes.body.finished
    assert not temp_files(share)


def test_put_answers_a_page_to_browsers(writes):
    response = writes.send("PUT", "/%C3%A9t%C3%A9.txt", b"x")
    assert field(response.headers, "Content-Type") == "text/html; charset=utf-8"
    assert field(response.headers, "Location") == "/%C3%A9t%C3%A9.txt"
    assert b'<a href="/%C3%A9t%C3%A9.txt">' in response.body and "été.txt".encode() in response.body


def test_put_never_overwrites_without_the_right(writes, share):
    """RFC 4918: a PUT over an existing name replaces it or fails (409), never a new name."""
    assert writes.refused("PUT", "/hello.txt", b"replaced?").status == 409
    assert (share / "hello.txt").read_bytes() == b"hello, world\n"
    assert not (share / "hello (1).txt").exists()


def test_put_overwrites_where_the_share_allows_it(share):
    writes = Writes(config_of(share, upload=True, overwrite=True))
    response = writes.send("PUT", "/hello.txt", b"replaced")
    assert response.status == 204 and field(response.headers, "Location") is None
    assert (share / "hello.txt").read_bytes() == b"replaced"
    assert not (share / "hello (1).txt").exists()


def test_overwrite_replaces_only_for_accounts_with_the_modify_right(share, auth):
    """--overwrite is the old spelling of "an upload over a name replaces it", which needs the
    modify right since issue 17: an uploader without it is refused (409), as RFC 4918 says."""
    writes = Writes(config_of(share, upload=True, overwrite=True, auth=auth))
    uploader = User("up", can_upload=True)
    assert writes.refused("PUT", "/hello.txt", b"not replaced", user=uploader).status == 409
    assert (share / "hello.txt").read_bytes() == b"hello, world\n"
    modifier = User("mo", can_upload=True, can_modify=True)
    response = writes.send("PUT", "/hello.txt", b"replaced", user=modifier)
    assert response.status == 204
    assert (share / "hello.txt").read_bytes() == b"replaced"


def test_put_with_a_chunked_body(writes, share):
    assert writes.send("PUT", "/chunked.bin", b"c" * 300_000, chunked=True).status == 201
    assert (share / "chunked.bin").read_bytes() == b"c" * 300_000


@pytest.mark.parametrize(("target", "status"), [
    ("/docs/", 400),  # no file name
    ("/docs/a%2Fb.txt", 400),  # an encoded slash would name another folder
    ("/hello.txt/x.txt", 409),  # a file is no folder
    ("/nowhere/x.txt", 404),
    ("/docs/..%2F..%2Fescape.txt", 400),
])
def test_put_refusals(writes, share, target, status):
    before = snapshot(share)
    assert writes.refused("PUT", target, b"data").status == status
    assert snapshot(share) == before
    assert not (share.parent / "escape.txt").exists()


# -- multipart POST -----------------------------------------------------------------------------


def test_multipart_stores_every_file_with_its_folders(writes, share):
    response = writes.post_files("/docs/", [("a.txt", b"A" * 1000), ("trip/day1/c.txt", b"C"),
                                            ("trip/d.txt", b"D")], JSON_ACCEPT)
    assert response.status == 201
    assert field(response.headers, "Location") == "/docs/a.txt"
    assert json.loads(response.body)["files"] == [
        {"name": "a.txt", "url": "/docs/a.txt"},
        {"name": "trip/day1/c.txt", "url": "/docs/trip/day1/c.txt"},
        {"name": "trip/d.txt", "url": "/docs/trip/d.txt"}]
    assert (share / "docs" / "a.txt").read_bytes() == b"A" * 1000
    assert (share / "docs" / "trip" / "day1" / "c.txt").read_bytes() == b"C"
    assert (share / "docs" / "trip" / "d.txt").read_bytes() == b"D"
    assert writes.body.finished


def test_multipart_needs_a_multipart_body(writes, share):
    before = snapshot(share)
    err = writes.refused("POST", "/docs/", b"just text", "Content-Type: text/plain")
    assert err.status == 415
    assert writes.refused("POST", "/docs/", b"no type").status == 415
    assert snapshot(share) == before


def test_multipart_without_a_file_field_is_400(writes, share):
    data = (b"--XyZ\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\nhello\r\n"
            b"--XyZ--\r\n")
    before = snapshot(share)
    err = writes.refused("POST", "/docs/", data, "Content-Type: multipart/form-data; boundary=XyZ")
    assert err.status == 400 and "file" in err.reason
    assert snapshot(share) == before


def test_multipart_cut_before_its_closing_boundary_is_400(writes, share):
    data, ctype = multipart([("a.txt", b"A")])
    with pytest.raises(HttpError) as caught:
        writes.send("POST", "/", data[:-8], f"Content-Type: {ctype}")
    assert caught.value.status == 400
    assert not temp_files(share)


def test_a_form_cut_after_whole_files_keeps_none_of_them(writes, share):
    """A multipart form is saved whole or not at all: the client that is told 400 retries the
    whole form and must not find "a (1).txt" beside what it sent."""
    data, ctype = multipart([("a.txt", b"A"), ("trip/b.txt", b"B"), ("c.txt", b"C" * 50)])
    before = snapshot(share)
    with pytest.raises(HttpError) as caught:
        writes.send("POST", "/docs/", data[:-30], f"Content-Type: {ctype}")
    assert caught.value.status == 400
    after = snapshot(share)
    assert set(after) - set(before) <= {"docs/trip"}  # a folder the form made may stay, empty
    assert {key: after.get(key) for key in before} == before
    assert not temp_files(share)


def test_a_form_whose_last_file_is_too_large_keeps_none_of_them(writes, share):
    before = snapshot(share)
    err = writes.refused("POST", "/docs/", *form([("a.txt", b"A"), ("big.bin", b"B" * LIMIT)]))
    assert err.status == 413
    assert snapshot(share) == before


def test_a_withdrawn_form_leaves_the_file_that_had_the_name(writes, share):
    """Only the very file the form made goes (by device and inode), not the one it was named
    beside."""
    (share / "docs" / "a.txt").write_bytes(b"someone else's")
    err = writes.refused("POST", "/docs/", *form([("a.txt", b"A"), ("big.bin", b"B" * LIMIT)]))
    assert err.status == 413
    assert (share / "docs" / "a.txt").read_bytes() == b"someone else's"
    assert not (share / "docs" / "a (1).txt").exists()


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_form_upload_over_a_name_keeps_both_unless_overwrite(share, auth, overwrite):
    """Issue 17: the modify right lets a PUT replace, but a page's upload over an existing name
    keeps both ("name (1).ext") unless the share was started with --overwrite."""
    writes = Writes(config_of(share, upload=True, modify=True, overwrite=overwrite, auth=auth))
    modifier = User("mo", can_upload=True, can_modify=True)
    response = writes.post_files("/", [("hello.txt", b"new")], JSON_ACCEPT, user=modifier)
    assert response.status == 201
    name = json.loads(response.body)["files"][0]["name"]
    if overwrite:
        assert name == "hello.txt" and (share / "hello.txt").read_bytes() == b"new"
    else:
        assert name == "hello (1).txt"
        assert (share / "hello.txt").read_bytes() == b"hello, world\n"
        assert (share / "hello (1).txt").read_bytes() == b"new"
    assert writes.send("PUT", "/hello.txt", b"put", user=modifier).status == 204
    assert (share / "hello.txt").read_bytes() == b"put"


# -- new folders --------------------------------------------------------------------------------


def test_mkdir(writes, share):
    response = writes.send("POST", "/docs/?mkdir=New%20folder", b"ignored=1", JSON_ACCEPT)
    assert response.status == 201
    assert field(response.headers, "Location") == "/docs/New%20folder/"
    assert json.loads(response.body)["files"] == [{"name": "New folder",
                                                   "url": "/docs/New%20folder/"}]
    assert (share / "docs" / "New folder").is_dir()
    assert writes.body.finished  # the body it does not need is read to the end
    assert writes.refused("POST", "/docs/?mkdir=New%20folder").status == 409


@pytest.mark.parametrize("name", ["..", "", ".hidden", "a%3Ab", "con", "x%01y"])
def test_mkdir_refuses_bad_names(writes, share, name):
    before = snapshot(share)
    assert writes.refused("POST", f"/docs/?mkdir={name}").status == 400
    assert snapshot(share) == before


@pytest.mark.parametrize(("name", "made"), [("../x", "x"), ("a/b", "b"), ("C:%5Cfake%5Cc", "c")])
def test_mkdir_takes_only_the_last_part_of_a_path(writes, share, name, made):
    response = writes.send("POST", f"/docs/?mkdir={name}")
    assert field(response.headers, "Location") == f"/docs/{made}/"
    assert sorted(p.name for p in (share / "docs").iterdir()) == sorted(["notes.md", made])
    assert not (share / "x").exists() and not (share.parent / "x").exists()


# -- sizes --------------------------------------------------------------------------------------


def test_a_declared_size_over_the_limit_is_413_before_the_body_is_read(writes, share):
    before = snapshot(share)
    err = writes.refused("PUT", "/big.txt", b"b" * (LIMIT + 1))
    assert err.status == 413
    assert writes.body.received == 0
    data, ctype = multipart([("big.txt", b"b" * (LIMIT + 70 * 1024))])
    assert writes.refused("POST", "/", data, f"Content-Type: {ctype}").status == 413
    assert writes.body.received == 0
    assert snapshot(share) == before


def test_a_file_exactly_at_the_limit_is_taken(writes, share):
    assert writes.send("PUT", "/edge.bin", b"e" * LIMIT).status == 201
    assert writes.post_files("/", [("edge2.bin", b"f" * LIMIT)]).status == 201
    assert (share / "edge.bin").stat().st_size == (share / "edge2.bin").stat().st_size == LIMIT


def test_a_chunked_body_over_the_limit_is_413_and_leaves_nothing(writes, share):
    before = snapshot(share)
    with pytest.raises(HttpError) as caught:
        writes.send("PUT", "/big.txt", b"b" * (LIMIT + 1), chunked=True)
    assert caught.value.status == 413
    assert snapshot(share) == before


# -- who may write where ------------------------------------------------------------------------


@pytest.mark.parametrize("fields", [
    ("Sec-Fetch-Site: cross-site",),
    ("Sec-Fetch-Site: same-site",),
    ("Origin: http://evil.example",),
    ("Origin: null",),
    ("Origin: https://localhost",),  # another scheme is another origin
    ("Origin: http://localhost:8080",),  # and so is another port
])
def test_cross_site_changes_are_refused(writes, share, fields):
    before = snapshot(share)
    for method, target in (("PUT", "/evil.txt"), ("POST", "/?mkdir=evil")):
        err = writes.refused(method, target, b"x", *fields)
        assert err.status == 403 and err.close, (method, fields)
    assert snapshot(share) == before


@pytest.mark.parametrize(("fields", "tls"), [
    (("Sec-Fetch-Site: same-origin", "Origin: http://localhost"), False),
    (("Sec-Fetch-Site: none",), False),
    (("Origin: https://localhost",), True),
    ((), False),  # scripts send neither
])
def test_same_origin_changes_are_taken(writes, share, fields, tls):
    assert writes.send("PUT", "/mine.txt", b"x", *fields, tls=tls).status == 201
    assert (share / "mine.txt").exists()


@pytest.fixture
def accounts_share(share: Path, auth) -> Writes:
    return Writes(config_of(share, upload=True, auth=auth))


ALICE = User("alice", can_upload=True, folders=("/docs",))


def test_a_folder_limited_account_writes_only_in_its_folders(accounts_share, share):
    writes = accounts_share
    assert writes.send("PUT", "/docs/mine.txt", b"ok", user=ALICE).status == 201
    assert writes.post_files("/docs/", [("sub/deep.txt", b"ok")], user=ALICE).status == 201
    before = snapshot(share)
    refusals = [
        writes.refused("PUT", "/outside.txt", b"x", user=ALICE),
        writes.refused("POST", "/?mkdir=outside", user=ALICE),
        # a form sent to the root, even with file names inside the account's folder
        writes.refused("POST", "/", *form([("docs/sneaky.txt", b"x")]), user=ALICE),
    ]
    assert [err.status for err in refusals] == [403, 403, 403]
    assert snapshot(share) == before
    assert (share / "docs" / "sub" / "deep.txt").read_bytes() == b"ok"


def test_accounts_without_the_upload_right_and_anonymous_visitors_cannot_write(
        accounts_share, share):
    writes = accounts_share
    before = snapshot(share)
    for user in (User("reader"), None):
        assert writes.refused("PUT", "/x.txt", b"x", user=user).status == 403
        assert writes.refused("POST", "/docs/?mkdir=x", user=user).status == 403
    assert snapshot(share) == before


@pytest.fixture
def own_share(share: Path) -> Writes:
    """A share holding Pier's own config folder (the owner shared a whole home folder)."""
    config = share / "Library" / "Pier"
    (config / "tls").mkdir(parents=True)
    (config / "users.toml").write_bytes(b"[users]\n")
    return Writes(config_of(share, upload=True, overwrite=True,
                            protected_paths=PierPaths.under(config).protected))


@pytest.mark.parametrize(("method", "target", "files"), [
    ("PUT", "/Library/Pier/users.toml", None),
    ("PUT", "/Library/Pier/new.txt", None),
    ("PUT", "/Library/%50ier/tls/key.pem", None),
    ("POST", "/", [("Library/Pier/users.toml", b"PLANTED")]),
    ("POST", "/Library/", [("Pier/new.txt", b"PLANTED")]),
    ("POST", "/Library/?mkdir=Pier", None),
    ("POST", "/Library/Pier/?mkdir=x", None),
])
def test_piers_own_config_folder_is_refused(own_share, share, method, target, files):
    before = snapshot(share)
    if files is None:
        err = own_share.refused(method, target, b"PLANTED")
    else:
        err = own_share.refused(method, target, *form(files))
    assert err.status in (403, 404), err.status
    assert snapshot(share) == before
    assert own_share.send("PUT", "/Library/notes.txt", b"mine").status == 201  # the rest is open


def test_stale_upload_leftovers_are_swept_at_the_first_upload_to_a_folder(writes, share):
    stale = share / "docs" / ".pier-upload-0123456789abcdef.part"
    stale.write_bytes(b"half an upload")
    os.utime(stale, (1_000_000_000, 1_000_000_000))
    recent = share / "docs" / ".pier-upload-fedcba9876543210.part"
    recent.write_bytes(b"an upload in progress")
    assert writes.send("PUT", "/docs/next.txt", b"x").status == 201
    assert not stale.exists()
    assert recent.exists()  # may belong to an upload still running
