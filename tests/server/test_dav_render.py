"""server/dav_render.py and server/dav_props.py: 207 bodies, live properties, error and lock
XML; every answer parsed back with ElementTree, hostile file names included."""

from __future__ import annotations

import timeit
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from email.utils import formatdate
from urllib.parse import unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from server.clock import ManualClock
from server.dav_locks import LockManager
from server.dav_props import (
    LIVE_NAMES,
    DavEntry,
    http_date,
    live_value,
    propfind_response,
    proppatch_response,
    proppatch_statuses,
    rfc3339,
)
from server.dav_render import (
    error_body,
    href_of,
    lock_answer,
    multistatus,
    status_response,
    xml_text,
)
from server.dav_xml import ALLPROP, DAV, PropfindRequest, PropUpdate, parse_propfind
from tests.server import dav_bodies as bodies

D = "{DAV:}"
FILE = DavEntry("/docs/report.txt", "report.txt", False, 1234, 1_700_000_000.0,
                1_600_000_000.0, '"5f-4d2"', "text/plain; charset=utf-8")
FOLDER = DavEntry("/docs/", "docs", True, 4096, 1_700_000_000.0, 1_600_000_000.0,
                  quota_used=10, quota_available=20)


def parsed(responses: list[str]) -> ET.Element:
    root = ET.fromstring(multistatus(responses))
    assert root.tag == f"{D}multistatus"
    return root


def props_by_status(response: ET.Element) -> dict[str, dict[str, ET.Element]]:
    found: dict[str, dict[str, ET.Element]] = {}
    for propstat in response.iter(f"{D}propstat"):
        status = propstat.findtext(f"{D}status") or ""
        prop = propstat.find(f"{D}prop")
        assert prop is not None
        found[status] = {child.tag: child for child in prop}
    return found


def test_allprop_of_a_file():
    response = parsed([propfind_response(FILE, ALLPROP)]).find(f"{D}response")
    assert response is not None
    assert response.findtext(f"{D}href") == "/docs/report.txt"
    props = props_by_status(response)["HTTP/1.1 200 OK"]
    assert props[f"{D}displayname"].text == "report.txt"
    assert props[f"{D}getcontentlength"].text == "1234"
    assert props[f"{D}getcontenttype"].text == "text/plain; charset=utf-8"
    assert props[f"{D}getetag"].text == '"5f-4d2"'
    assert props[f"{D}getlastmodified"].text == "Tue, 14 Nov 2023 22:13:20 GMT"
    assert props[f"{D}creationdate"].text == "2020-09-13T12:26:40Z"
    assert list(props[f"{D}resourcetype"]) == []
    scopes = {e.tag for e in props[f"{D}supportedlock"].iter() if e.tag in
              (f"{D}exclusive", f"{D}shared")}
    assert scopes == {f"{D}exclusive", f"{D}shared"}
    assert list(props[f"{D}lockdiscovery"]) == []
    assert f"{D}quota-used-bytes" not in props  # RFC 4331: never in allprop


def test_a_folder_has_a_collection_type_and_no_length_type_or_etag_unless_given_one():
    response = parsed([propfind_response(FOLDER, ALLPROP)])[0]
    assert response.findtext(f"{D}href") == "/docs/"
    props = props_by_status(response)["HTTP/1.1 200 OK"]
    assert [c.tag for c in props[f"{D}resourcetype"]] == [f"{D}collection"]
    assert not {f"{D}getcontentlength", f"{D}getcontenttype", f"{D}getetag"} & set(props)
    tagged = DavEntry("/docs/", "docs", True, 0, 0.0, 0.0, etag='"d-1"')
    props = props_by_status(parsed([propfind_response(tagged, ALLPROP)])[0])["HTTP/1.1 200 OK"]
    assert props[f"{D}getetag"].text == '"d-1"'


def test_named_properties_split_into_found_and_not_found():
    request = parse_propfind(bodies.FINDER_QUOTA_PROPFIND)
    props = props_by_status(parsed([propfind_response(FOLDER, request)])[0])
    assert {k: v.text for k, v in props["HTTP/1.1 200 OK"].items()} == {
        f"{D}quota-available-bytes": "20", f"{D}quota-used-bytes": "10"}
    assert set(props["HTTP/1.1 404 Not Found"]) == {f"{D}quota", f"{D}quotaused"}


def test_a_foreign_property_comes_back_in_its_own_namespace_as_not_found():
    request = parse_propfind(bodies.WINDOWS_PROPFIND)
    props = props_by_status(parsed([propfind_response(FOLDER, request)])[0])
    assert "{urn:schemas-microsoft-com:}Win32FileAttributes" in props["HTTP/1.1 404 Not Found"]
    assert f"{D}getcontentlength" in props["HTTP/1.1 404 Not Found"]  # a folder: Finder's rule
    assert f"{D}creationdate" in props["HTTP/1.1 200 OK"]


def test_a_property_in_the_xml_namespace_keeps_the_xml_prefix():
    request = parse_propfind(b'<propfind xmlns="DAV:"><prop><xml:odd/></prop></propfind>')
    props = props_by_status(parsed([propfind_response(FILE, request)])[0])
    assert set(props["HTTP/1.1 404 Not Found"]) == {"{http://www.w3.org/XML/1998/namespace}odd"}


def test_a_property_without_namespace_is_answered_without_one():
    request = PropfindRequest("prop", (("", "bare"),))
    props = props_by_status(parsed([propfind_response(FILE, request)])[0])
    assert set(props["HTTP/1.1 404 Not Found"]) == {"bare"}


def test_a_propfind_naming_no_property_still_has_a_propstat():
    request = parse_propfind(b'<propfind xmlns="DAV:"><prop/></propfind>')
    response = parsed([propfind_response(FILE, request)])[0]
    assert props_by_status(response) == {"HTTP/1.1 200 OK": {}}


def test_propname_lists_the_names_the_resource_has():
    props = props_by_status(parsed([propfind_response(FILE, PropfindRequest("propname"))])[0])
    names = props["HTTP/1.1 200 OK"]
    assert f"{D}getetag" in names and f"{D}lockdiscovery" in names
    assert f"{D}quota-used-bytes" not in names  # the file was given no quota numbers
    assert all(len(element) == 0 and not element.text for element in names.values())


def test_allprop_include_adds_quotas():
    request = PropfindRequest("allprop", ((DAV, "quota-used-bytes"),))
    props = props_by_status(parsed([propfind_response(FOLDER, request)])[0])["HTTP/1.1 200 OK"]
    assert props[f"{D}quota-used-bytes"].text == "10"


HOSTILE_NAMES = ["a&b<c>d\"e'f.txt", "tab\tnew\nline\rcr.txt", "ctl\x01\x1b\x7f.txt",
                 "bad-utf8-\udcff\udcfe.txt", "space and %25 and #?.txt", "emoji-😀.txt",
                 "]]>cdata-end.txt", "\ufffe\uffff.txt"]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_names_give_well_formed_xml_and_an_exact_href(name):
    entry = DavEntry(f"/dir/{name}", name, False, 1, 0.0, 0.0, '"x"', "text/plain")
    response = parsed([propfind_response(entry, ALLPROP)])[0]
    href = response.findtext(f"{D}href") or ""
    assert href.isascii()
    assert unquote(href, errors="surrogateescape") == f"/dir/{name}"
    shown = props_by_status(response)["HTTP/1.1 200 OK"][f"{D}displayname"].text or ""
    assert shown == "".join(c if xml_can_carry(c) else "\ufffd" for c in name)


def xml_can_carry(char: str) -> bool:
    """XML 1.0's Char production (§2.2)."""
    code = ord(char)
    return (char in "\t\n\r" or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
            or code >= 0x10000)


def texts(characters: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Strings of ``characters``, surrogates kept (``st.text`` drops them)."""
    return st.lists(characters, min_size=1, max_size=40).map("".join)


# Names as os.fsdecode gives them on POSIX: any text, or any bytes with those that are not
# UTF-8 held as the surrogates U+DC80-U+DCFF.
DISK_NAMES = st.one_of(
    st.text(min_size=1, max_size=40),
    st.binary(min_size=1, max_size=40).map(lambda b: b.decode("utf-8", "surrogateescape")))


@given(DISK_NAMES)
def test_any_name_round_trips_through_the_href(name):
    entry = DavEntry("/" + name, name, False, 0, 0.0, 0.0)
    response = ET.fromstring(multistatus([propfind_response(entry, ALLPROP)]))[0]
    href = response.findtext(f"{D}href") or ""
    assert unquote(href, errors="surrogateescape") == "/" + name


@given(texts(st.one_of(st.characters(), st.characters(categories=["Cs"]))))
def test_any_text_at_all_gives_a_parseable_answer(name):
    entry = DavEntry("/" + name, name, False, 0, 0.0, 0.0, f'"{name}"', name)
    response = ET.fromstring(multistatus([propfind_response(entry, ALLPROP)]))[0]
    assert (response.findtext(f"{D}href") or "").isascii()


def test_xml_text_replaces_what_xml_cannot_carry():
    assert xml_text("a\x00b\x1fc\ud800d\ufffe") == "a\ufffdb\ufffdc\ufffdd\ufffd"
    assert xml_text("<&>") == "&lt;&amp;&gt;"
    assert xml_text("plain") == "plain"


def test_hrefs_keep_slashes_and_encode_the_rest():
    assert href_of("/a b/ü/") == "/a%20b/%C3%BC/"
    assert href_of("/plain_name-1.0~x/") == "/plain_name-1.0~x/"
    assert href_of("/q?#&;'=") == "/q%3F%23%26%3B%27%3D"


def test_dates():
    assert http_date(0) == "Thu, 01 Jan 1970 00:00:00 GMT"
    assert http_date(951_782_400) == "Tue, 29 Feb 2000 00:00:00 GMT"
    assert rfc3339(951_782_400.9) == "2000-02-29T00:00:00Z"


@given(st.floats(min_value=0, max_value=253_402_300_799))
def test_dates_agree_with_the_standard_library(timestamp):
    assert http_date(timestamp) == formatdate(int(timestamp), usegmt=True)
    assert rfc3339(timestamp) == datetime.fromtimestamp(int(timestamp), UTC).strftime(
        "%Y-%m-%dT%H:%M:%SZ")


@pytest.mark.parametrize(("timestamp", "shown", "created"), [
    (-86_400.0, "Thu, 01 Jan 1970 00:00:00 GMT", "1970-01-01T00:00:00Z"),
    (1e18, "Fri, 31 Dec 9999 23:59:59 GMT", "9999-12-31T23:59:59Z"),
])
def test_dates_out_of_range_are_held_to_four_digit_years(timestamp, shown, created):
    assert (http_date(timestamp), rfc3339(timestamp)) == (shown, created)


# -- PROPPATCH --

def test_proppatch_is_all_or_nothing():
    updates = [PropUpdate("set", ("urn:x", "a"), "1"),
               PropUpdate("set", (DAV, "getetag"), "x"),
               PropUpdate("remove", ("urn:x", "b"))]
    statuses = proppatch_statuses(updates,
                                  lambda u: 403 if u.name[0] == DAV else 200)
    assert statuses == {("urn:x", "a"): 424, (DAV, "getetag"): 403, ("urn:x", "b"): 424}
    props = props_by_status(parsed([proppatch_response("/f.txt", statuses)])[0])
    assert set(props["HTTP/1.1 424 Failed Dependency"]) == {"{urn:x}a", "{urn:x}b"}
    assert set(props["HTTP/1.1 403 Forbidden"]) == {f"{D}getetag"}


def test_a_proppatch_that_fully_succeeds_stays_200():
    updates = [PropUpdate("set", ("urn:x", "a"), "1")]
    assert proppatch_statuses(updates, lambda u: 200) == {("urn:x", "a"): 200}


# -- errors, statuses, locks --

def test_error_bodies_carry_the_precondition_and_hrefs():
    root = ET.fromstring(error_body("lock-token-submitted", ["/a b/", "/c&d"]))
    assert root.tag == f"{D}error"
    condition = root[0]
    assert condition.tag == f"{D}lock-token-submitted"
    assert [h.text for h in condition] == ["/a%20b/", "/c%26d"]
    assert ET.fromstring(error_body("propfind-finite-depth"))[0].tag == \
        f"{D}propfind-finite-depth"


def test_a_status_response_for_a_member_that_failed():
    root = parsed([status_response(href_of("/x/locked.txt"), 423, "lock-token-submitted")])
    assert root[0].findtext(f"{D}status") == "HTTP/1.1 423 Locked"
    assert root[0].find(f"{D}error/{D}lock-token-submitted") is not None


def test_lockdiscovery_and_the_lock_answer():
    clock = ManualClock()
    locks = LockManager(clock)
    owner = '<href xmlns="DAV:">me &amp; co</href>'
    lock = locks.lock("/docs/a&b.txt", "jane", exclusive=False, infinite=True,
                      owner_xml=owner, timeout_s=600)
    clock.advance(100)
    answer = ET.fromstring(lock_answer(lock, clock.monotonic()))
    active = answer.find(f"{D}lockdiscovery/{D}activelock")
    assert active is not None
    assert active.find(f"{D}lockscope/{D}shared") is not None
    assert active.find(f"{D}locktype/{D}write") is not None
    assert active.findtext(f"{D}depth") == "infinity"
    assert active.findtext(f"{D}timeout") == "Second-500"
    assert active.findtext(f"{D}locktoken/{D}href") == lock.token
    assert active.findtext(f"{D}lockroot/{D}href") == "/docs/a%26b.txt"
    assert active.findtext(f"{D}owner/{D}href") == "me & co"
    entry = DavEntry("/docs/a&b.txt", "a&b.txt", False, 1, 0.0, 0.0)
    request = PropfindRequest("prop", ((DAV, "lockdiscovery"),))
    response = propfind_response(entry, request, locks.locks_on(entry.url_path),
                                 clock.monotonic())
    props = props_by_status(parsed([response])[0])["HTTP/1.1 200 OK"]
    assert len(props[f"{D}lockdiscovery"]) == 1


def test_rendering_a_thousand_entry_listing_is_measured_not_asserted(record_property):
    entries = [DavEntry(f"/folder/file {i}.txt", f"file {i}.txt", i % 10 == 0, i * 1000,
                        1.7e9 + i, 1.6e9 + i, f'"{i:x}"', "text/plain") for i in range(1000)]
    body = multistatus(propfind_response(e, ALLPROP) for e in entries)
    assert len(ET.fromstring(body)) == 1000
    seconds = min(timeit.repeat(
        lambda: multistatus(propfind_response(e, ALLPROP) for e in entries),
        number=3, repeat=3)) / 3
    record_property("propfind_1000_render_ms", round(seconds * 1000, 2))


PROP_NAMESPACES = st.sampled_from(["", DAV, "urn:x", "http://www.w3.org/XML/1998/namespace",
                                   'http://odd.example/"&<>\'', "urn:schemas-microsoft-com:"])
PROP_NAMES = st.tuples(PROP_NAMESPACES, st.from_regex(r"[A-Za-z_][A-Za-z0-9_.-]{0,8}",
                                                      fullmatch=True))


@given(st.lists(PROP_NAMES, min_size=1, max_size=8, unique=True))
def test_any_property_asked_is_answered_under_the_same_name(names):
    asked = ET.Element(f"{D}propfind")
    prop = ET.SubElement(asked, f"{D}prop")
    for namespace, local in names:
        ET.SubElement(prop, f"{{{namespace}}}{local}" if namespace else local)
    request = parse_propfind(ET.tostring(asked))
    answered = props_by_status(parsed([propfind_response(FOLDER, request)])[0])
    tags = {tag for props in answered.values() for tag in props}
    assert tags == {f"{{{ns}}}{local}" if ns else local for ns, local in names}


@given(st.lists(st.one_of(st.sampled_from(LIVE_NAMES), PROP_NAMES), min_size=0, max_size=12,
                unique=True), st.sampled_from([FILE, FOLDER, FILE._replace(etag="")]))
def test_a_prop_request_answers_each_name_as_live_value_does(names, entry):
    """The per-request plan of a prop request (dav_props._plan) gives, name by name and in
    the order asked, what live_value gives: held in 200 with its value, else 404."""
    request = PropfindRequest("prop", tuple(names))
    answered = props_by_status(parsed([propfind_response(entry, request)])[0])
    held = [n for n in names if live_value(n, entry, (), 0.0) is not None]
    tag = [f"{{{ns}}}{local}" if ns else local for ns, local in names]
    assert list(answered.get("HTTP/1.1 200 OK", {})) == [tag[names.index(n)] for n in held]
    assert list(answered.get("HTTP/1.1 404 Not Found", {})) == [
        tag[i] for i, n in enumerate(names) if n not in held]
    for name in held:
        expected = ET.fromstring(f'<D:prop xmlns:D="DAV:">{live_value(name, entry, (), 0.0)}'
                                 "</D:prop>")[0]
        got = answered["HTTP/1.1 200 OK"][tag[names.index(name)]]
        assert ET.tostring(got) == ET.tostring(expected)
    if not names:  # a response needs a propstat: an empty 200 one
        assert answered == {"HTTP/1.1 200 OK": {}}
