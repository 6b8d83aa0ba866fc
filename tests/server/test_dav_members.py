"""A Depth 1 PROPFIND's member answers remembered between requests (server/dav_members.py):
always the answer a fresh rendering gives, whatever changed on disk in between."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from server.clock import ManualClock
from server.dav_members import RenderedMembers, member_entry
from server.dav_props import propfind_response
from server.dav_xml import ALLPROP, parse_propfind
from server.listing import Entry
from server.routes_dav import DavRoutes
from tests.server.conftest import MemoryBody, call_for, config_of
from tests.server.dav_bodies import RCLONE_PROPFIND

D = "{DAV:}"
RCLONE = parse_propfind(RCLONE_PROPFIND)


def fresh(folder: str, members: list[Entry], request=ALLPROP) -> list[str]:
    return [propfind_response(member_entry(folder, m), request) for m in members]


def test_answers_are_a_fresh_renderings() -> None:
    members = [Entry("a.txt", False, 3, 1_700_000_000.5, 1_700_000_000_500_000_000),
               Entry("sub", True, 0, 1_600_000_000.0, 1_600_000_000_000_000_000),
               Entry("ü & <x>.md", False, 0, 0.0, 0)]
    remembered = RenderedMembers()
    for request in (ALLPROP, RCLONE):
        for _ in range(2):  # rendered, then remembered
            assert remembered.responses("/f/", request, members) == fresh("/f/", members,
                                                                          request)


def test_a_changed_member_is_rendered_anew() -> None:
    remembered = RenderedMembers()
    before = Entry("a.txt", False, 3, 1_700_000_000.0, 1_700_000_000_000_000_000)
    remembered.responses("/", ALLPROP, [before])
    same_size_later = Entry("a.txt", False, 3, 1_700_000_001.0, 1_700_000_001_000_000_000)
    grown = Entry("a.txt", False, 4, 1_700_000_000.0, 1_700_000_000_000_000_000)
    folder_now = Entry("a.txt", True, 0, 1_700_000_000.0, 1_700_000_000_000_000_000)
    for now in (same_size_later, grown, folder_now):
        assert remembered.responses("/", ALLPROP, [now]) == fresh("/", [now])
    # the same member in another folder has another href
    assert remembered.responses("/other/", ALLPROP, [before]) == fresh("/other/", [before])


def test_memory_is_bounded() -> None:
    remembered = RenderedMembers(limit=10)
    for folder in range(20):
        members = [Entry(f"{i}.txt", False, i, 0.0, i) for i in range(4)]
        remembered.responses(f"/{folder}/", ALLPROP, members)
        remembered.responses(f"/{folder}/", ALLPROP, [])  # an emptied folder keeps nothing
    assert remembered._held <= 10
    assert sum(len(answers) for answers in remembered._folders.values()) == remembered._held
    too_big = [Entry(f"{i}.txt", False, i, 0.0, i) for i in range(11)]
    assert remembered.responses("/big/", ALLPROP, too_big) == fresh("/big/", too_big)
    assert ("/big/", ALLPROP) not in remembered._folders


# -- through the route, with the disk changing between two PROPFINDs -------------------------

@pytest.fixture
def dav() -> DavRoutes:
    return DavRoutes(ManualClock())


def propfind(dav: DavRoutes, share: Path, path: str = "/") -> dict[str, ET.Element]:
    call = call_for(config_of(share, upload=True, modify=True), "PROPFIND", path, "Depth: 1",
                    body=MemoryBody(b""))
    call.client = "192.0.2.7"
    response = dav.route(call)
    assert response.status == 207
    root = ET.fromstring(bytes(response.body))
    return {r.findtext(f"{D}href") or "": r for r in root.findall(f"{D}response")}


def test_the_route_answers_what_is_on_disk_now(dav: DavRoutes, share: Path) -> None:
    first = propfind(dav, share)
    assert first["/hello.txt"].findtext(f".//{D}getcontentlength") == "13"
    (share / "hello.txt").write_bytes(b"hi\n")
    os.utime(share / "hello.txt", ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    (share / "new.txt").write_bytes(b"")
    (share / "big.bin").unlink()
    second = propfind(dav, share)
    hello = second["/hello.txt"]
    assert hello.findtext(f".//{D}getcontentlength") == "3"
    assert hello.findtext(f".//{D}getlastmodified") == "Sun, 09 Sep 2001 01:46:40 GMT"
    assert hello.findtext(f".//{D}getetag") != first["/hello.txt"].findtext(f".//{D}getetag")
    assert "/new.txt" in second and "/big.bin" not in second


def test_a_lock_on_a_member_shows_and_goes(dav: DavRoutes, share: Path) -> None:
    assert propfind(dav, share)["/hello.txt"].find(f".//{D}activelock") is None
    body = (b'<D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/></D:lockscope>'
            b"<D:locktype><D:write/></D:locktype></D:lockinfo>")
    call = call_for(config_of(share, upload=True, modify=True), "LOCK", "/hello.txt",
                    f"Content-Length: {len(body)}", body=MemoryBody(body))
    call.client = "192.0.2.7"
    token = dav.route(call).headers.decode().split("Lock-Token: <", 1)[1].split(">", 1)[0]
    locked = propfind(dav, share)
    assert locked["/hello.txt"].findtext(f".//{D}activelock/{D}locktoken/{D}href") == token
    assert locked["/docs/"].find(f".//{D}activelock") is None
    call = call_for(config_of(share, upload=True, modify=True), "UNLOCK", "/hello.txt",
                    f"Lock-Token: <{token}>", body=MemoryBody(b""))
    call.client = "192.0.2.7"
    assert dav.route(call).status == 204
    assert propfind(dav, share)["/hello.txt"].find(f".//{D}activelock") is None
