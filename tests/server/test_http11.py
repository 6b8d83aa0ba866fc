"""server/http11.py: the strict request-head parser, partial-head limits, status lines and the
Date header (on a clock the test moves). The same rules over real sockets: test_framing.py and
tests/security/test_smuggling.py."""

from __future__ import annotations

import pytest

from server.clock import ManualClock
from server.config import Limits
from server.http11 import (
    HEAD_MAX,
    DateCache,
    HttpError,
    check_partial_head,
    find_head_end,
    http_date,
    parse_head,
    phrase,
    status_line,
)

LIMITS = Limits()


def refusal(head: bytes, limits: Limits = LIMITS) -> int:
    with pytest.raises(HttpError) as caught:
        parse_head(head, limits)
    return caught.value.status


def test_parser_unit_cases():
    request = parse_head(b"GET /a?b=1 HTTP/1.1\r\nHost: [::1]\r\nAccept: a\r\nAccept: b\r\n\r\n",
                         LIMITS)
    assert request.method == "GET" and request.target == "/a?b=1"
    assert request.headers["accept"] == "a, b"
    assert request.keep_alive
    assert not parse_head(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                          LIMITS).keep_alive
    with pytest.raises(HttpError) as caught:
        parse_head(b"GET / HTTP/1.1\r\nHost: localhost\r\nHost: localhost\r\n\r\n", LIMITS)
    assert caught.value.status == 400 and caught.value.close
    assert find_head_end(b"GET / HTTP/1.1\r\nHost: x\r\n\r\nrest") == 27
    assert find_head_end(b"GET / HTTP/1.1\r\nHost: localhost\r\n") == -1


def test_field_names_are_lower_cased_and_values_trimmed():
    request = parse_head(b"PUT /f HTTP/1.1\r\nHOST: x\r\nX-Note:  a b \t\r\n"
                         b"Content-Length: 12\r\n\r\n", LIMITS)
    assert request.headers == {"host": "x", "x-note": "a b", "content-length": "12"}
    assert request.header("x-note") == "a b" and request.header("missing", "-") == "-"
    assert (request.content_length, request.chunked) == (12, False)


def test_http10_keeps_alive_only_when_asked():
    assert not parse_head(b"GET / HTTP/1.0\r\n\r\n", LIMITS).keep_alive  # no Host needed
    asked = parse_head(b"GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", LIMITS)
    assert asked.keep_alive and asked.version == "HTTP/1.0"


def test_chunked_is_the_only_transfer_coding():
    request = parse_head(b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n",
                         LIMITS)
    assert request.chunked and request.content_length == 0
    assert refusal(b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n") \
        == 501
    assert refusal(b"POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n") == 400


@pytest.mark.parametrize(("head", "status"), [
    (b"GET / HTTP/1.1\n\n", 400),  # bare LF
    (b"GET /  HTTP/1.1\r\nHost: x\r\n\r\n", 400),  # two spaces
    (b"GET / HTTP/3.0\r\nHost: x\r\n\r\n", 505),
    (b"GET / HTTP/1.1\r\nHost: x\r\nX: a\x01b\r\n\r\n", 400),
    (b"GET /caf\xc3\xa9 HTTP/1.1\r\nHost: x\r\n\r\n", 400),  # raw UTF-8 in the target
    (b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n", 400),
    (b"GET / HTTP/1.1\r\nHost: x\r\nRange: bytes=0-1\r\nRange: bytes=2-3\r\n\r\n", 400),
])
def test_ambiguous_or_malformed_heads_are_refused(head, status):
    assert refusal(head) == status


def test_limits_give_414_and_431():
    small = Limits(max_uri=16, max_header_line=32, max_headers=2)
    assert refusal(b"GET /" + b"a" * 16 + b" HTTP/1.1\r\nHost: x\r\n\r\n", small) == 414
    assert refusal(b"GET / HTTP/1.1\r\nHost: x\r\nX: " + b"v" * 40 + b"\r\n\r\n", small) == 431
    assert refusal(b"GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\n\r\n", small) == 431


def test_a_partial_head_is_refused_as_soon_as_it_breaks_a_limit():
    small = Limits(max_uri=16, max_header_line=32, max_headers=2)
    check_partial_head(b"GET /short HTTP/1.1\r\nHost: x\r\nX-Long: vvv", small)  # still fine
    for partial, status in [(b"GET /" + b"a" * 100, 414),
                            (b"GET / HTTP/1.1\r\nX: " + b"v" * 40, 431),
                            (b"GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\nD", 431)]:
        with pytest.raises(HttpError) as caught:
            check_partial_head(partial, small)
        assert caught.value.status == status


def test_the_head_end_is_found_for_crlf_and_for_bare_lf():
    assert find_head_end(b"GET / HTTP/1.0\n\nbody") == 16  # refused later, never waited for
    assert find_head_end(b"GET / HTTP/1.0\r\n\r\n\n\n") == 18
    assert find_head_end(b"") == -1
    assert find_head_end(b"GET / HTTP/1.1\r\nHost: x\r\n\nrest") == 26  # CRLF then bare LF
    assert find_head_end(b"GET / HTTP/1.0\n\nGET / HTTP/1.0\r\n\r\n") == 16  # the earlier one
    assert find_head_end(b"GET / HTTP/1.0\r\n\r\nGET / HTTP/1.0\n\n") == 18


class Scanned(bytearray):
    """A buffer that adds up how far its searches looked."""

    looked = 0

    def find(self, sub, start=None, end=None):  # type: ignore[override]
        found = bytearray.find(self, sub, start, end)
        stop = len(self) if end is None else min(end, len(self))
        self.looked += stop - (start or 0) if found == -1 else found + len(sub) - (start or 0)
        return found


def test_finding_a_head_looks_at_that_head_only():
    head = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"
    pipeline = Scanned(head + b"GET /next HTTP/1.1\nHost: x\n\n" * 10_000)
    assert find_head_end(pipeline) == len(head)
    assert pipeline.looked <= 2 * len(head)
    unfinished = Scanned(b"GET / HTTP/1.1\r\nX: " + b"v" * (2 * HEAD_MAX))  # refused elsewhere
    assert find_head_end(unfinished) == -1
    assert unfinished.looked <= 2 * HEAD_MAX


def test_no_head_end_is_looked_for_past_the_longest_head_the_parser_accepts():
    field = b"X: " + b"v" * (LIMITS.max_header_line - 3) + b"\r\n"
    longest = (b"GET /" + b"a" * (LIMITS.max_uri - 1) + b" HTTP/1.1\r\nHost: x\r\n"
               + field * (LIMITS.max_headers - 1) + b"\r\n")
    assert parse_head(longest, LIMITS).method == "GET"
    assert find_head_end(longest + b"GET /next") == len(longest) <= HEAD_MAX
    too_long = b"GET / HTTP/1.1\r\nX: " + b"v" * HEAD_MAX + b"\r\n\r\n"
    assert refusal(too_long) == 431  # what finding its end would have led to
    assert find_head_end(too_long) == -1  # the serve loop refuses it past HEAD_MAX (431)


def test_status_lines_and_phrases():
    assert status_line(404) == b"HTTP/1.1 404 Not Found\r\n"
    assert status_line(299) == b"HTTP/1.1 299 Unknown\r\n"
    assert phrase(429) == "Too Many Requests" and phrase(299) == "Error"


def test_the_date_header_follows_the_clock_a_second_at_a_time():
    clock = ManualClock(wall=1_700_000_000.0)
    dates = DateCache(clock)
    first = dates.header()
    assert first == b"Date: Tue, 14 Nov 2023 22:13:20 GMT\r\n"
    clock.advance(0.9)
    assert dates.header() is first  # formatted once per second
    clock.advance(0.1)
    assert dates.header() == b"Date: Tue, 14 Nov 2023 22:13:21 GMT\r\n"
    assert http_date(0) == "Thu, 01 Jan 1970 00:00:00 GMT"
