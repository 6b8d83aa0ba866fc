"""Hostile input against the tus endpoint (server/routes_tus.py) over real HTTP: other accounts
and anonymous clients, a folder-limited account reaching out of its folders, Pier's own files
and partial files as targets or names, guessed upload ids, broken numbers, metadata and
framing, and a partial file that no route may list, serve, zip or write."""

from __future__ import annotations

import base64
import json
import os
import socket
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.users import UserStore
from tests.conftest import RunningServer, read_until_closed
from tests.security.conftest import CANARY
from tests.server.tus_http import (
    OFFSET_TYPE,
    TUS,
    create,
    delete,
    head,
    metadata,
    patch,
    send,
    started,
)

PASSWORD = "correct horse battery"


def basic(name: str) -> str:
    return "Basic " + base64.b64encode(f"{name}:{PASSWORD}".encode()).decode()


ANA, BOB, LIM, READER = basic("ana"), basic("bob"), basic("lim"), basic("reader")


@pytest.fixture
def accounts(private_config_dir: Path) -> UserStore:
    store = UserStore(private_config_dir / "users.toml")
    store.load()
    store.add("ana", PASSWORD, can_upload=True)
    store.add("bob", PASSWORD, can_upload=True)
    store.add("lim", PASSWORD, can_upload=True, folders=("/docs",))
    store.add("reader", PASSWORD)
    return store


@pytest.fixture
def guarded(server_factory, share: Path, accounts: UserStore, tmp_path: Path) -> RunningServer:
    """Logins required, visitors may read; Pier's config folder lies inside the share."""
    (share / "config").mkdir()
    (share / "config" / "users.toml").write_text("secret\n", encoding="utf-8")
    (share / "other").mkdir()
    return server_factory(share, upload=True, tus_state=tmp_path / "tus",
                          auth=Authenticator(accounts, "Pier - share", anonymous_read=True),
                          protected_paths=(share / "config",))


def _partials(root: Path) -> list[Path]:
    return list(root.rglob(".pier-tus-*.part"))


# -- who may see an upload -------------------------------------------------------------------


def test_another_account_or_a_visitor_finds_no_upload(guarded, share):
    url = started(guarded.port, "ana.bin", 10, auth=ANA)
    assert patch(guarded.port, url, 0, b"12345", auth=ANA).status == 204
    for who in (BOB, LIM, READER, None):
        assert head(guarded.port, url, auth=who).status == 404
        assert patch(guarded.port, url, 5, b"EVIL!", auth=who).status == 404
        assert delete(guarded.port, url, auth=who).status == 404
    state = head(guarded.port, url, auth=ANA)
    assert state.status == 200 and state["Upload-Offset"] == "5"
    assert len(_partials(share)) == 1


def test_visitors_and_readers_cannot_start_uploads(guarded, share):
    assert create(guarded.port, "v.bin", 1).status == 403
    assert create(guarded.port, "r.bin", 1, auth=READER).status == 403
    wrong = "Basic " + base64.b64encode(b"ana:not the password").decode()
    assert create(guarded.port, "w.bin", 1, auth=wrong).status == 401
    assert _partials(share) == []


def test_a_login_is_needed_without_anonymous_reads(server_factory, share, accounts, tmp_path):
    running = server_factory(share, upload=True, tus_state=tmp_path / "tus",
                             auth=Authenticator(accounts, "Pier - share"))
    url = started(running.port, "a.bin", 3, auth=ANA)
    for method in ("HEAD", "DELETE"):
        answer = send(running.port, method, url)
        assert answer.status == 401 and answer["Tus-Resumable"] == "1.0.0"
    assert patch(running.port, url, 0, b"abc").status == 401
    assert create(running.port, "b.bin", 3).status == 401


def test_an_account_that_loses_its_rights_cannot_go_on(guarded, share, accounts):
    url = started(guarded.port, "a.bin", 10, auth=ANA)
    assert patch(guarded.port, url, 0, b"12345", auth=ANA).status == 204
    accounts.update("ana", folders=("/other",))  # no longer the whole share
    assert patch(guarded.port, url, 5, b"67890", auth=ANA).status == 403
    assert head(guarded.port, url, auth=ANA).status == 403
    accounts.update("ana", folders=(), can_upload=False)
    assert patch(guarded.port, url, 5, b"67890", auth=ANA).status == 403
    accounts.update("ana", can_upload=True)
    answer = patch(guarded.port, url, 5, b"67890", auth=ANA)
    assert answer.status == 204 and (share / "a.bin").read_bytes() == b"1234567890"
    accounts.update("ana", enabled=False)
    assert head(guarded.port, url, auth=ANA).status == 401


def test_an_upload_is_bound_to_its_folder_at_every_request(guarded, share, canary):
    url = started(guarded.port, "moved.bin", 6, auth=ANA, folder="/other")
    assert patch(guarded.port, url, 0, b"abc", auth=ANA).status == 204
    os.rename(share / "other", share / "other-away")
    outside = canary.parent / "outside-folder"
    outside.mkdir()
    os.symlink(outside, share / "other")  # the folder's name now leads out of the share
    assert patch(guarded.port, url, 3, b"def", auth=ANA).status == 404
    assert list(outside.iterdir()) == []


# -- a folder-limited account ----------------------------------------------------------------


@pytest.mark.parametrize("folder, status", [
    ("/", 403), ("/other", 403), ("/docs/..", 400), ("/docs/../other", 400),
    ("/%2e%2e", 404), ("/docs%2f..%2fother", 404), ("/DOCS", 404), ("/docs\\..\\other", 400),
    ("/config", 404), ("/docs/escape", 404),
])
def test_a_limited_account_stays_in_its_folders(guarded, share, canary, folder, status):
    outside = canary.parent / "outside-folder"
    outside.mkdir(exist_ok=True)
    os.symlink(outside, share / "docs" / "escape")
    answer = create(guarded.port, "x.bin", 1, auth=LIM, folder=folder)
    assert answer.status == status, (folder, answer.body[:200])
    assert _partials(share) == [] and list(outside.iterdir()) == []


def test_a_limited_account_uploads_inside_and_its_paths_cannot_climb(guarded, share):
    url = started(guarded.port, "sub/in.bin", 2, auth=LIM, folder="/docs")
    assert patch(guarded.port, url, 0, b"ok", auth=LIM)["Pier-File-URL"] == "/docs/sub/in.bin"
    for name in ("../up.bin", "sub/../../up.bin", "..\\up.bin"):
        assert create(guarded.port, name, 1, auth=LIM, folder="/docs").status == 400
    assert not (share / "up.bin").exists()


def test_a_link_inside_the_share_is_judged_where_it_leads(guarded, share):
    os.symlink(share / "other", share / "docs" / "to-other")
    assert create(guarded.port, "x.bin", 1, auth=LIM, folder="/docs/to-other").status == 403
    assert create(guarded.port, "to-other/x.bin", 1, auth=LIM, folder="/docs").status == 409
    assert list((share / "other").iterdir()) == []


# -- Pier's own files ------------------------------------------------------------------------


@pytest.mark.parametrize("filename, folder", [
    ("users.toml", "/config"), ("config/users.toml", "/"), ("x.bin", "/config/"),
    ("config/sub/x.bin", "/"),
])
def test_pier_s_own_folder_is_no_target(guarded, share, filename, folder):
    answer = create(guarded.port, filename, 3, auth=ANA, folder=folder)
    assert answer.status in (403, 404)
    assert (share / "config" / "users.toml").read_text() == "secret\n"
    assert _partials(share) == [] and sorted(os.listdir(share / "config")) == ["users.toml"]


def test_another_spelling_of_pier_s_folder_is_another_folder_or_refused(guarded, share):
    """On a case-sensitive file system CONFIG is a folder of its own; on a case-insensitive
    one it is Pier's, recognised by identity and refused."""
    answer = create(guarded.port, "CONFIG/users.toml", 3, auth=ANA)
    if answer.status == 201:
        assert patch(guarded.port, answer["Location"], 0, b"abc", auth=ANA).status == 204
        assert (share / "CONFIG").stat().st_ino != (share / "config").stat().st_ino
    else:
        assert answer.status in (403, 404)
    assert (share / "config" / "users.toml").read_text() == "secret\n"


def test_partial_and_temp_names_cannot_be_uploaded(server_factory, share, tmp_path):
    running = server_factory(share, upload=True, show_hidden=True, tus_state=tmp_path / "tus")
    url = started(running.port, "a.bin", 5)
    partial = _partials(share)[0].name
    for name in (partial, ".pier-upload-0123456789abcdef.part", ".pier-tus-" + "a" * 32 + ".part",
                 "docs/" + partial):
        assert create(running.port, name, 1).status == 400, name
        answer = running.raw(f"PUT /{name} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\n"
                             "Connection: close\r\n\r\nX".encode())
        assert answer.startswith((b"HTTP/1.1 400", b"HTTP/1.1 403", b"HTTP/1.1 404")), name
    assert patch(running.port, url, 0, b"12345").status == 204
    assert (share / "a.bin").read_bytes() == b"12345"


def test_a_partial_file_is_never_listed_served_or_zipped(server_factory, share, tmp_path):
    running = server_factory(share, upload=True, show_hidden=True, tus_state=tmp_path / "tus")
    url = started(running.port, "secret-in-progress.bin", 10)
    assert patch(running.port, url, 0, CANARY[:5]).status == 204
    name = _partials(share)[0].name
    response, body = running.get("/?format=json")
    names = [e["name"] for e in json.loads(body)["entries"]]
    assert ".secret" in names and name not in names and "secret-in-progress.bin" not in names
    for path in (f"/{name}", f"/{name}?download", f"/{name.upper()}"):
        assert running.get(path)[0].status in (400, 404), path
    response, body = running.get("/?format=zip")
    assert response.status == 200
    listed = zipfile.ZipFile(BytesIO(body)).namelist()
    assert not [n for n in listed if ".pier-" in n] and CANARY[:5] not in body
    assert running.get(f"/{name}", method="HEAD")[0].status == 404


def test_a_partial_file_swapped_for_a_link_is_not_followed(server_factory, share, canary,
                                                          tmp_path):
    running = server_factory(share, upload=True, tus_state=tmp_path / "tus")
    url = started(running.port, "a.bin", 10)
    partial = _partials(share)[0]
    partial.unlink()
    os.symlink(canary, partial)
    answer = patch(running.port, url, 0, b"OVERWRITE!")
    assert answer.status == 404 and canary.read_bytes().startswith(CANARY)


# -- ids, numbers, metadata, framing ---------------------------------------------------------


def test_upload_ids_cannot_be_guessed_or_listed(guarded, share):
    url = started(guarded.port, "a.bin", 3, auth=ANA)
    upload_id = url[len(TUS):]
    flipped = upload_id[:-1] + ("A" if upload_id[-1] != "A" else "B")
    wrong = [flipped, upload_id.lower() if upload_id.lower() != upload_id else upload_id + "x",
             upload_id[:16], upload_id + "/", "../" + upload_id, "%2e%2e%2f" + upload_id,
             "0" * 32, "0" * 64, "", "*", upload_id + "%00"]
    for candidate in wrong:
        assert head(guarded.port, TUS + candidate, auth=ANA).status in (400, 404), candidate
    listing = send(guarded.port, "GET", TUS, auth=ANA)
    assert listing.status == 405 and upload_id.encode() not in listing.body
    assert send(guarded.port, "GET", TUS + "?format=json", auth=ANA).status == 405
    assert head(guarded.port, url, auth=ANA).status == 200


@pytest.mark.parametrize("offset", ["-1", "abc", "1e3", "99999999999999999999", "0x0", "",
                                    "0,0", str(2**63)])
def test_bad_offsets_are_400(guarded, offset):
    url = started(guarded.port, "a.bin", 3, auth=ANA)
    assert patch(guarded.port, url, 0, b"abc", auth=ANA, Upload_Offset=offset).status == 400
    assert head(guarded.port, url, auth=ANA)["Upload-Offset"] == "0"


@pytest.mark.parametrize("length", ["-5", "1e9", "999999999999999999999999", "0x10", "NaN"])
def test_bad_lengths_are_400(guarded, share, length):
    assert create(guarded.port, "a.bin", 0, auth=ANA, Upload_Length=length).status == 400
    assert _partials(share) == []


def test_a_huge_length_is_refused_before_anything_is_made(guarded, share):
    assert create(guarded.port, "a.bin", 2**63 - 1, auth=ANA).status == 507
    assert _partials(share) == []


@pytest.mark.parametrize("value", ["filename not-base64!", "filename YWJj YWJj",
                                   "filename\tYWJj", "filename YWJj,", "fil\u00e9name YWJj",
                                   "filename " + "A" * 9000])
def test_metadata_that_is_not_base64_is_400(guarded, value):
    answer = create(guarded.port, None, 3, auth=ANA, Upload_Metadata=value)
    assert answer.status in (400, 431), value


def test_cross_site_changes_are_refused(guarded):
    url = started(guarded.port, "a.bin", 3, auth=ANA)
    assert patch(guarded.port, url, 0, b"abc", auth=ANA,
                 Origin="http://evil.example").status == 403
    assert create(guarded.port, "b.bin", 3, auth=ANA, Sec_Fetch_Site="cross-site").status == 403
    assert delete(guarded.port, url, auth=ANA, Origin="http://evil.example").status == 403


def _raw_patch(running: RunningServer, url: str, head_lines: str, body: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", running.port), timeout=10) as sock:
        sock.sendall((f"PATCH {url} HTTP/1.1\r\nHost: localhost\r\nTus-Resumable: 1.0.0\r\n"
                      f"Content-Type: {OFFSET_TYPE}\r\nUpload-Offset: 0\r\n"
                      f"Connection: close\r\n{head_lines}\r\n").encode() + body)
        return read_until_closed(sock)


def test_a_patch_without_a_length_sends_nothing(server_factory, share, tmp_path):
    running = server_factory(share, upload=True, tus_state=tmp_path / "tus")
    url = started(running.port, "a.bin", 3)
    answer = _raw_patch(running, url, "", b"abc")  # no Content-Length: the body is empty
    assert answer.startswith(b"HTTP/1.1 204") and b"Upload-Offset: 0\r\n" in answer
    assert head(running.port, url)["Upload-Offset"] == "0"


def test_chunked_patches_are_held_to_the_upload_length(server_factory, share, tmp_path):
    running = server_factory(share, upload=True, tus_state=tmp_path / "tus")
    url = started(running.port, "a.bin", 6)
    chunked = "Transfer-Encoding: chunked\r\n"
    over = _raw_patch(running, url, chunked, b"4\r\nabcd\r\n4\r\nefgh\r\n0\r\n\r\n")
    assert over.startswith(b"HTTP/1.1 413")
    assert head(running.port, url)["Upload-Offset"] == "0"  # nothing of it was kept
    fits = _raw_patch(running, url, chunked, b"3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n")
    assert fits.startswith(b"HTTP/1.1 204") and b"Pier-File-URL: /a.bin" in fits
    assert (share / "a.bin").read_bytes() == b"abcdef"
    both = _raw_patch(running, url, chunked + "Content-Length: 3\r\n", b"3\r\nabc\r\n0\r\n\r\n")
    assert both.startswith(b"HTTP/1.1 400")


def test_metadata_names_cannot_inject_headers(guarded):
    name = "a\r\nSet-Cookie: x=1.bin"
    answer = create(guarded.port, None, 3, auth=ANA,
                    Upload_Metadata=metadata(filename=name))
    assert answer.status == 400 and "set-cookie" not in answer.headers
    url = started(guarded.port, "é 1.bin", 3, auth=ANA)
    done = patch(guarded.port, url, 0, b"abc", auth=ANA)
    assert done["Pier-File-URL"] == "/%C3%A9%201.bin"
