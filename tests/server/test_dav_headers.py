"""server/dav_headers.py: the If header as RFC 4918 writes it and as real clients send it,
Timeout, Lock-Token and Depth."""

from __future__ import annotations

import pytest

from server.dav_headers import (
    MAX_CONDITIONS,
    NO_IF,
    Condition,
    ConditionList,
    parse_depth,
    parse_if,
    parse_lock_token,
    parse_timeout,
    tag_path,
)
from server.dav_xml import DavBadRequest

T1 = "urn:uuid:181d4fae-7d8c-11d0-a765-00a0c91e6bf2"
T2 = "urn:uuid:58f202ac-22cf-11d1-b12d-002035b29092"


def token(value: str, negated: bool = False) -> Condition:
    return Condition(negated, token=value)


def etag(value: str, negated: bool = False) -> Condition:
    return Condition(negated, etag=value)


# RFC 4918 §10.4.6-§10.4.10 and §7.5-7.6's examples.
RFC_CASES = [
    (f'(<{T1}> ["I am an ETag"]) (["I am another ETag"])',
     [ConditionList(None, (token(T1), etag('"I am an ETag"'))),
      ConditionList(None, (etag('"I am another ETag"'),))]),
    (f"(Not <{T1}> <{T2}>)",
     [ConditionList(None, (token(T1, negated=True), token(T2)))]),
    (f"(<{T1}>) (Not <DAV:no-lock>)",
     [ConditionList(None, (token(T1),)), ConditionList(None, (token("DAV:no-lock", True),))]),
    (f'</resource1> (<{T1}> [W/"A weak ETag"]) (["strong ETag"])',
     [ConditionList("/resource1", (token(T1), etag('W/"A weak ETag"'))),
      ConditionList("/resource1", (etag('"strong ETag"'),))]),
    (f"<http://www.example.com/specs/> (<{T1}>)",
     [ConditionList("http://www.example.com/specs/", (token(T1),))]),
    ('</specs/rfc2518.doc> (["4217"])', [ConditionList("/specs/rfc2518.doc", (etag('"4217"'),))]),
    ('</specs/rfc2518.doc> (Not ["4217"])',
     [ConditionList("/specs/rfc2518.doc", (etag('"4217"', negated=True),))]),
]

# What clients send, and the liberties they take.
CLIENT_CASES = [
    (f"(<{T1}>)", [ConditionList(None, (token(T1),))]),  # Windows, Finder, LibreOffice
    (f"<http://192.168.1.20:8000/docs/a%20b.txt> (<{T1}>)",  # davfs2, cadaver (neon)
     [ConditionList("http://192.168.1.20:8000/docs/a%20b.txt", (token(T1),))]),
    (f"<{T1}>", [ConditionList(None, (token(T1),))]),  # a bare token, no list
    (f"(<opaquelocktoken:{T1[9:]}>)", [ConditionList(None, (token(f"opaquelocktoken:{T1[9:]}"),))]),
    (f"(not <{T1}>)", [ConditionList(None, (token(T1, negated=True),))]),  # lower-case not
    (f"(NOT<{T1}>)", [ConditionList(None, (token(T1, negated=True),))]),
    (f"(<{T1}>)(<{T2}>)", [ConditionList(None, (token(T1),)),  # no spaces
                           ConditionList(None, (token(T2),))]),
    (f"  (  < {T1} >  )  ", [ConditionList(None, (token(T1),))]),  # spaces everywhere
    (f"(<{T1}>) </b> (<{T2}>)", [ConditionList(None, (token(T1),)),  # mixed: tagged after
                                 ConditionList("/b", (token(T2),))]),
    (f"</a> (<{T1}>) </b> (<{T2}>) (<{T1}>)",  # several tagged resources
     [ConditionList("/a", (token(T1),)), ConditionList("/b", (token(T2),)),
      ConditionList("/b", (token(T1),))]),
]


@pytest.mark.parametrize(("header", "expected"), RFC_CASES + CLIENT_CASES)
def test_if_headers_parse(header, expected):
    assert list(parse_if(header).lists) == expected


def test_submitted_tokens_are_those_outside_a_not():
    header = parse_if(f"(Not <{T1}> <{T2}>) (<DAV:no-lock>) </x> (<{T1}>)")
    assert header.submitted_tokens() == {T2, "DAV:no-lock", T1}
    assert parse_if(f"(Not <{T1}>)").submitted_tokens() == frozenset()
    assert parse_if('(["etag"])').submitted_tokens() == frozenset()


def test_no_header_is_no_condition():
    assert parse_if("") is NO_IF
    assert parse_if("   ") is NO_IF
    assert NO_IF.submitted_tokens() == frozenset()
    assert NO_IF.evaluate(lambda resource: (frozenset(), None))


@pytest.mark.parametrize("header", [
    "(", ")", f"(<{T1}>", f"<{T1}> junk", "(Not)", "()", '(["x"] junk)', "hello",
    f"((<{T1}>))", f"(Not Not <{T1}>)", "Not (<a>)", f"(<{T1}>) [x]", '["x"]',
    "<http://h/a> <http://h/b>junk", "</a>", f"(<{T1}>) </a>",
], ids=repr)
def test_unreadable_if_headers_are_a_400(header):
    with pytest.raises(DavBadRequest) as caught:
        parse_if(header)
    assert caught.value.status == 400


def test_an_if_header_has_a_bounded_number_of_items():
    parse_if(f"(<{T1}>)" * (MAX_CONDITIONS // 3))
    with pytest.raises(DavBadRequest):
        parse_if(f"(<{T1}>)" * MAX_CONDITIONS)


def states(table: dict[str | None, tuple[set[str], str | None]]):
    return lambda resource: (frozenset(table[resource][0]), table[resource][1])


def test_evaluate_tokens_and_etags():
    lookup = states({None: ({T1}, '"v1"'), "/other": (set(), '"o"')})
    assert parse_if(f"(<{T1}>)").evaluate(lookup)
    assert not parse_if(f"(<{T2}>)").evaluate(lookup)
    assert parse_if(f"(<{T2}>) (<{T1}>)").evaluate(lookup)  # one list is enough
    assert not parse_if(f'(<{T1}> ["v2"])').evaluate(lookup)  # every condition of a list
    assert parse_if(f'(<{T1}> [W/"v1"])').evaluate(lookup)  # weak comparison
    assert parse_if("(Not <DAV:no-lock>)").evaluate(lookup)
    assert not parse_if(f"(Not <{T1}>)").evaluate(lookup)
    assert parse_if('</other> (["o"])').evaluate(lookup)
    assert not parse_if(f"</other> (<{T1}>)").evaluate(lookup)


def test_evaluate_an_etag_against_a_resource_without_one():
    lookup = states({None: (set(), None)})
    assert not parse_if('(["x"])').evaluate(lookup)
    assert parse_if('(Not ["x"])').evaluate(lookup)


@pytest.mark.parametrize(("tag", "path"), [
    ("http://192.168.1.20:8000/docs/a%20b.txt", "/docs/a%20b.txt"),
    ("https://[::1]/x/", "/x/"),
    ("/relative/path", "/relative/path"),
    ("http://host", "/"),
])
def test_tag_paths(tag, path):
    assert tag_path(tag) == path


@pytest.mark.parametrize(("header", "seconds"), [
    ("Second-600", 600),  # Finder
    ("Infinite, Second-4100000000", 3600),  # Windows
    ("Second-4100000000", 3600),
    ("", 3600),
    ("Extend-Whatever, Second-30", 30),
    ("second-30", 30),
    ("Second-0", 1),
    ("Second-abc, Second-45", 45),
    ("Second-" + "9" * 40, 3600),
    ("Second-٣", 3600),  # a digit, but not an ASCII one
    ("garbage", 3600),
])
def test_timeouts(header, seconds):
    assert parse_timeout(header, 3600) == seconds


@pytest.mark.parametrize(("header", "expected"), [
    (f"<{T1}>", T1), (f" <{T1}> ", T1), (T1, T1), (f"< {T1} >", T1)])
def test_lock_tokens(header, expected):
    assert parse_lock_token(header) == expected


@pytest.mark.parametrize("header", ["", "<>", "<a b>", "<<x>>"])
def test_unreadable_lock_tokens(header):
    with pytest.raises(DavBadRequest):
        parse_lock_token(header)


@pytest.mark.parametrize(("header", "depth"), [
    ("0", "0"), ("1", "1"), ("infinity", "infinity"), ("Infinity", "infinity"), ("", "1"),
    (" 0 ", "0")])
def test_depths(header, depth):
    assert parse_depth(header, default="1") == depth


@pytest.mark.parametrize("header", ["2", "-1", "inf", "0,1"])
def test_unreadable_depths(header):
    with pytest.raises(DavBadRequest):
        parse_depth(header, default="infinity")
